//! Files a clerk downloads: the attachment response, and CSV cells as Danish Excel reads them.

use axum::response::{IntoResponse, Response};
use http::{HeaderValue, header};

/// `body` as a download named `name` (ASCII; anything else is replaced).
pub fn attachment(body: Vec<u8>, content_type: &'static str, name: &str) -> Response {
    let safe = file_name(name);
    let mut res = body.into_response();
    let h = res.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{safe}\"")) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    res
}

/// An open file as a download named `name` (as [`attachment`]), streamed from where it lies.
pub fn attachment_file(
    file: std::fs::File,
    length: u64,
    content_type: &'static str,
    name: &str,
) -> Response {
    let stream = tokio_util::io::ReaderStream::new(tokio::fs::File::from_std(file));
    let mut res = axum::body::Body::from_stream(stream).into_response();
    let h = res.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{}\"", file_name(name))) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    if let Ok(v) = HeaderValue::from_str(&length.to_string()) {
        h.insert(header::CONTENT_LENGTH, v);
    }
    res
}

/// A file name made of the characters every file system and case system takes.
pub fn file_name(name: &str) -> String {
    name.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '-'
            }
        })
        .collect()
}

/// One CSV cell as Excel reads it: quoted when needed, and a leading `=`, `+`, `-` or `@`
/// defused, so a name typed as a formula stays text (CSV injection).
pub fn csv_cell(value: &str) -> String {
    // Line breaks stay (a response's paragraphs matter), as "\n" inside a quoted cell, which
    // Excel and LibreOffice read as a break within the cell.
    let value = value.replace("\r\n", "\n").replace('\r', "\n");
    let value = if value.starts_with(['=', '+', '-', '@', '\t']) {
        format!("'{value}")
    } else {
        value
    };
    if value.contains([';', '"', ',', '\n']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}

#[cfg(test)]
mod tests {
    use super::{csv_cell, file_name};

    #[test]
    fn csv_cells_are_quoted_and_formulas_defused() {
        assert_eq!(csv_cell("Anna"), "Anna");
        assert_eq!(csv_cell("Jensen; Anna"), "\"Jensen; Anna\"");
        assert_eq!(csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_cell("a\r\nb\rc"), "\"a\nb\nc\"");
    }

    #[test]
    fn file_names_keep_only_safe_characters() {
        assert_eq!(file_name("24/1234-0001 æ.txt"), "24-1234-0001--.txt");
    }
}
