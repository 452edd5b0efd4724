//! A plain program timing what a 25 MB PDF costs before its response is acknowledged: its
//! SHA-256 and kind, the virus scan by a real clamd (started here on a one-line test signature
//! database when `HOERING_CLAMD` does not name one), and the reading of its text by the
//! server's own `read-text` child process. `cargo bench -p server --bench attachment`
//! (`-- 10` for a 10 MB file).
//!
//! The file is a letter of a few hundred text pages and a large embedded image, as a scanned
//! appendix makes one: the size clamd streams through, and the pages the text reader walks.

#[path = "support/handmade.rs"]
mod handmade;
mod support;

use std::io::Write;
use std::time::{Duration, Instant};

fn pdf(megabytes: usize) -> Vec<u8> {
    let pages = 300;
    let mut objects: Vec<Vec<u8>> = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        Vec::new(), // the page tree, written last
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
            .to_vec(),
    ];
    // The scanned appendix: an image of incompressible bytes, drawn on the first page, making
    // the file just under `megabytes` MiB with the 300 pages of text (about 1.9 MB).
    let image_bytes = (megabytes * 1024 * 1024).saturating_sub(2_000_000);
    let mut seed = 0x9E37_79B9_7F4A_7C15u64;
    let mut image = Vec::with_capacity(image_bytes + 200);
    image.extend_from_slice(
        format!(
            "<< /Type /XObject /Subtype /Image /Width 4000 /Height 3000 /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length {image_bytes} >>\nstream\n"
        )
        .as_bytes(),
    );
    for _ in 0..image_bytes / 8 {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        image.extend_from_slice(&seed.to_le_bytes());
    }
    image.extend_from_slice(b"\nendstream");
    objects.push(image);
    let image_id = objects.len();
    let mut kids = Vec::new();
    for p in 0..pages {
        let mut content = String::from("BT /F1 11 Tf 56 800 Td 14 TL\n");
        for line in 0..50 {
            content.push_str(&format!(
                "(Side {p}, linje {line}: Vi foresl\\345r, at kommunen styrker sprogindsatsen for nye borgere.) Tj T*\n"
            ));
        }
        content.push_str("ET\n");
        if p == 0 {
            content.push_str(&format!("q 480 0 0 360 56 40 cm /Im{image_id} Do Q\n"));
        }
        objects.push(
            format!(
                "<< /Length {} >>\nstream\n{content}endstream",
                content.len()
            )
            .into_bytes(),
        );
        let content_id = objects.len();
        objects.push(
            format!(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {content_id} 0 R /Resources << /Font << /F1 3 0 R >> /XObject << /Im{image_id} {image_id} 0 R >> >> >>"
            )
            .into_bytes(),
        );
        kids.push(format!("{} 0 R", objects.len()));
    }
    objects[1] = format!(
        "<< /Type /Pages /Kids [{}] /Count {pages} >>",
        kids.join(" ")
    )
    .into_bytes();
    handmade::pdf_file(&objects)
}

/// A clamd on a one-line signature database, in a folder of its own; `None` without clamd.
fn start_clamd(
    dir: &std::path::Path,
) -> Option<(std::process::Child, server::attachment::scan::Clamd)> {
    let binary = ["/usr/sbin/clamd", "/usr/local/sbin/clamd"]
        .into_iter()
        .find(|p| std::path::Path::new(p).exists())?;
    std::fs::create_dir_all(dir.join("db")).ok()?;
    std::fs::write(
        dir.join("db/test.ndb"),
        "Hoering.Bench.Test:0:*:686f6572696e672d62656e63682d74657374\n",
    )
    .ok()?;
    let socket = dir.join("clamd.sock");
    let mut conf = std::fs::File::create(dir.join("clamd.conf")).ok()?;
    writeln!(
        conf,
        "DatabaseDirectory {}\nLocalSocket {}\nForeground yes\nLogFile {}\nStreamMaxLength 30M",
        dir.join("db").display(),
        socket.display(),
        dir.join("clamd.log").display()
    )
    .ok()?;
    // Debian runs clamd as its own user; as root it must be told to stay root.
    if handmade::running_as_root() {
        writeln!(conf, "User root").ok()?;
    }
    let child = std::process::Command::new(binary)
        .arg("-c")
        .arg(dir.join("clamd.conf"))
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .ok()?;
    Some((child, server::attachment::scan::Clamd::Unix(socket)))
}

fn main() {
    let megabytes = support::size_from_args(25);
    let bytes = pdf(megabytes);
    println!(
        "a PDF of {:.1} MB ({} bytes)",
        bytes.len() as f64 / 1e6,
        bytes.len()
    );
    let dir = std::env::temp_dir().join(format!("hoering-bench-attachment-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a folder");
    let path = dir.join("letter.pdf");
    std::fs::write(&path, &bytes).expect("the file");

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("a runtime");

    let started = Instant::now();
    let hash = {
        use sha2::Digest;
        sha2::Sha256::digest(&bytes)
    };
    let kind = hoering::attachment::sniff(&bytes[..8]);
    let hashing = started.elapsed();
    println!(
        "SHA-256 and kind:   {:>6.2} s ({kind:?}, {:02x}{:02x}…)",
        hashing.as_secs_f64(),
        hash[0],
        hash[1]
    );

    let mut daemon = None;
    let clamd = match std::env::var("HOERING_CLAMD") {
        Ok(c) => server::attachment::scan::Clamd::parse(&c).ok(),
        Err(_) => start_clamd(&dir.join("clamd")).map(|(child, clamd)| {
            daemon = Some(child);
            clamd
        }),
    };
    let mut scanning = Duration::ZERO;
    match &clamd {
        Some(clamd) => {
            runtime.block_on(async {
                for _ in 0..300 {
                    if server::attachment::scan::ping(clamd).await {
                        break;
                    }
                    tokio::time::sleep(Duration::from_millis(200)).await;
                }
                let started = Instant::now();
                let file = tokio::fs::File::open(&path).await.expect("the file");
                let verdict = server::attachment::scan::scan(clamd, file).await;
                scanning = started.elapsed();
                println!(
                    "virus scan (clamd): {:>6.2} s ({verdict:?})",
                    scanning.as_secs_f64()
                );
            });
        }
        None => println!("virus scan (clamd): not measured (no clamd here)"),
    }

    let reader = std::path::PathBuf::from(env!("CARGO_BIN_EXE_hoering"));
    let started = Instant::now();
    let (state, text) = runtime.block_on(server::attachment::read::text_of(
        &reader,
        &path,
        hoering::attachment::FileKind::Pdf,
    ));
    let reading = started.elapsed();
    println!(
        "text read (child):  {:>6.2} s ({state:?}, {} characters)",
        reading.as_secs_f64(),
        text.chars().count()
    );
    let total = hashing + scanning + reading;
    println!(
        "together:           {:>6.2} s (target < 5 s for 25 MB)",
        total.as_secs_f64()
    );
    if let Some(mut child) = daemon {
        let _ = child.kill();
        let _ = child.wait();
    }
    let _ = std::fs::remove_dir_all(&dir);
    if total > Duration::from_secs(5) && megabytes >= 25 {
        std::process::exit(1);
    }
}
