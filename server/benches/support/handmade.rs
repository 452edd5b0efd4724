//! What the attachment bench shares with the API tests, which include this file by its path:
//! a PDF written by hand from its objects, and whether clamd must be told to stay root.

/// The PDF file of `objects`, numbered from 1 in order (object 1 the catalogue), with the
/// cross-reference table and trailer a reader needs to find them.
pub fn pdf_file<T: AsRef<[u8]>>(objects: &[T]) -> Vec<u8> {
    let mut body = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, object) in objects.iter().enumerate() {
        offsets.push(body.len());
        body.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        body.extend_from_slice(object.as_ref());
        body.extend_from_slice(b"\nendobj\n");
    }
    let xref = body.len();
    body.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for offset in offsets {
        body.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    body.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    body
}

/// Whether this process runs as root: Debian runs clamd as its own user, and as root it must
/// be told to stay root.
pub fn running_as_root() -> bool {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("Uid:"))
                .map(|l| l.split_whitespace().nth(1) == Some("0"))
        })
        .unwrap_or(false)
}
