//! Files sent with a høringssvar: which kinds are taken (known by their content, never by
//! their name), how many and how large, the name a file is shown and saved under, and when
//! the public may see one. The server scans, stores and reads them; the browser checks the
//! same limits before sending.

use crate::response::{ModerationStatus, Publication, is_public};
use serde::{Deserialize, Serialize};

/// At most this many files with one response.
pub const MAX_FILES: usize = 5;
/// Each file at most 25 MiB: a letter with appendices, scanned in colour, fits.
pub const MAX_BYTES: u64 = 25 * 1024 * 1024;
/// A shown file name is cut to this many characters (its extension kept).
pub const MAX_NAME_CHARS: usize = 120;

/// The kinds of file taken, as their content shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum FileKind {
    Pdf,
    Docx,
    Odt,
    /// Word 97–2003: an OLE compound file holding a `WordDocument` stream.
    Doc,
    Xlsx,
    Jpeg,
    Png,
}

impl FileKind {
    pub const ALL: [FileKind; 7] = [
        FileKind::Pdf,
        FileKind::Docx,
        FileKind::Odt,
        FileKind::Doc,
        FileKind::Xlsx,
        FileKind::Jpeg,
        FileKind::Png,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            FileKind::Pdf => "pdf",
            FileKind::Docx => "docx",
            FileKind::Odt => "odt",
            FileKind::Doc => "doc",
            FileKind::Xlsx => "xlsx",
            FileKind::Jpeg => "jpeg",
            FileKind::Png => "png",
        }
    }

    pub fn parse(text: &str) -> Option<FileKind> {
        FileKind::ALL.into_iter().find(|k| k.as_str() == text)
    }

    /// The extension a saved copy gets, whatever the sender called the file.
    pub fn extension(self) -> &'static str {
        match self {
            FileKind::Jpeg => "jpg",
            other => other.as_str(),
        }
    }

    /// The media type it is served as (always as a download).
    pub fn content_type(self) -> &'static str {
        match self {
            FileKind::Pdf => "application/pdf",
            FileKind::Docx => {
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            }
            FileKind::Odt => "application/vnd.oasis.opendocument.text",
            FileKind::Doc => "application/msword",
            FileKind::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            FileKind::Jpeg => "image/jpeg",
            FileKind::Png => "image/png",
        }
    }

    /// Whether hoering reads text out of this kind (for search and the personal-data check).
    pub fn has_text(self) -> bool {
        matches!(self, FileKind::Pdf | FileKind::Docx | FileKind::Odt)
    }

    /// The `accept` attribute of the file field: the extensions and types above.
    pub fn accept() -> String {
        let mut parts: Vec<String> = Vec::new();
        for kind in FileKind::ALL {
            parts.push(format!(".{}", kind.extension()));
            parts.push(kind.content_type().to_string());
        }
        parts.push(".jpeg".into());
        parts.join(",")
    }
}

/// What a file's first bytes say it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Container {
    /// Known from the first bytes alone.
    Kind(FileKind),
    /// A zip archive: its part names tell a .docx from an .xlsx or an .odt ([`kind_of_zip`]).
    Zip,
    /// An OLE compound file (Word 97–2003, but also old Excel and PowerPoint):
    /// [`kind_of_ole`] looks for Word's stream.
    Ole,
    /// Nothing taken: a program, a web page, an SVG, plain text…
    Other,
}

/// The kind of file its first bytes show (at least 8 are needed).
pub fn sniff(head: &[u8]) -> Container {
    if head.starts_with(b"%PDF-") {
        Container::Kind(FileKind::Pdf)
    } else if head.starts_with(b"\x89PNG\r\n\x1a\n") {
        Container::Kind(FileKind::Png)
    } else if head.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Container::Kind(FileKind::Jpeg)
    } else if head.starts_with(b"PK\x03\x04") {
        Container::Zip
    } else if head.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        Container::Ole
    } else {
        Container::Other
    }
}

/// The kind of a zip archive by the names of its parts (and an ODF package's `mimetype`
/// part's content), or `None` for any other zip.
pub fn kind_of_zip<'a>(
    names: impl IntoIterator<Item = &'a str>,
    mimetype: Option<&str>,
) -> Option<FileKind> {
    if mimetype.map(str::trim) == Some("application/vnd.oasis.opendocument.text") {
        return Some(FileKind::Odt);
    }
    let mut content_types = false;
    let mut word = false;
    let mut excel = false;
    for name in names {
        match name {
            "[Content_Types].xml" => content_types = true,
            "word/document.xml" => word = true,
            "xl/workbook.xml" => excel = true,
            _ => {}
        }
    }
    match (content_types, word, excel) {
        (true, true, false) => Some(FileKind::Docx),
        (true, false, true) => Some(FileKind::Xlsx),
        _ => None,
    }
}

/// An OLE compound file is a Word document when its directory names the `WordDocument`
/// stream (written in UTF-16, as every directory entry's name is).
pub fn kind_of_ole(bytes: &[u8]) -> Option<FileKind> {
    const NAME: &[u8] = b"W\0o\0r\0d\0D\0o\0c\0u\0m\0e\0n\0t\0";
    bytes
        .windows(NAME.len())
        .any(|w| w == NAME)
        .then_some(FileKind::Doc)
}

/// Why a file was refused; [`FileError::code`] is the form's error code on its `files` field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum FileError {
    #[error("more than {MAX_FILES} files")]
    TooMany,
    #[error("a file is larger than {MAX_BYTES} bytes")]
    TooLarge,
    #[error("a file is empty")]
    Empty,
    #[error("a file is of a kind that is not taken")]
    Kind,
    #[error("a file holds a virus")]
    Infected,
    #[error("files cannot be scanned for viruses now")]
    ScanUnavailable,
}

impl FileError {
    pub fn code(self) -> &'static str {
        match self {
            FileError::TooMany => "too_many",
            FileError::TooLarge => "too_large",
            FileError::Empty => "empty",
            FileError::Kind => "kind",
            FileError::Infected => "infected",
            FileError::ScanUnavailable => "scan_unavailable",
        }
    }
}

/// Checks what the browser knows before sending: how many files, and each one's size.
pub fn check_chosen(sizes: &[u64]) -> Result<(), FileError> {
    if sizes.len() > MAX_FILES {
        return Err(FileError::TooMany);
    }
    if sizes.contains(&0) {
        return Err(FileError::Empty);
    }
    if sizes.iter().any(|s| *s > MAX_BYTES) {
        return Err(FileError::TooLarge);
    }
    Ok(())
}

/// A file's name as shown and saved: the last part of whatever path the browser sent, without
/// control or direction-changing characters or leading dots, cut to [`MAX_NAME_CHARS`], and
/// ending in its kind's extension (a PDF called `brev.html` is saved as `brev.html.pdf`).
pub fn file_name(sent: &str, kind: FileKind) -> String {
    let last = sent.rsplit(['/', '\\']).next().unwrap_or_default();
    let clean: String = last
        .chars()
        .filter(|c| !c.is_control() && !is_bidi_control(*c))
        .map(|c| match c {
            // Characters that quote or separate in a header or a file system.
            '"' | ':' | '*' | '?' | '<' | '>' | '|' | ';' => '_',
            c => c,
        })
        .collect();
    let clean = clean.trim().trim_start_matches('.').trim();
    let extension = kind.extension();
    let has_extension = |name: &str| {
        name.rsplit_once('.').is_some_and(|(stem, ext)| {
            !stem.is_empty()
                && (ext.eq_ignore_ascii_case(extension)
                    || (kind == FileKind::Jpeg && ext.eq_ignore_ascii_case("jpeg")))
        })
    };
    let (stem, ext) = if has_extension(clean) {
        let (stem, ext) = clean.rsplit_once('.').unwrap_or((clean, extension));
        (stem.to_string(), ext.to_string())
    } else if clean.is_empty() {
        ("bilag".to_string(), extension.to_string())
    } else {
        (clean.to_string(), extension.to_string())
    };
    let room = MAX_NAME_CHARS.saturating_sub(ext.chars().count() + 1);
    let stem: String = stem.chars().take(room).collect();
    format!("{}.{ext}", stem.trim_end())
}

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Whether a file was scanned for viruses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ScanState {
    Clean,
    /// Scanning was off when it came: it waits in quarantine, for clerks only.
    NotScanned,
}

impl ScanState {
    pub fn as_str(self) -> &'static str {
        match self {
            ScanState::Clean => "clean",
            ScanState::NotScanned => "not_scanned",
        }
    }

    pub fn parse(text: &str) -> ScanState {
        match text {
            "clean" => ScanState::Clean,
            _ => ScanState::NotScanned,
        }
    }
}

/// What became of reading a file's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum TextState {
    /// Read: it is searched and checked for personal data.
    Read,
    /// A PDF with pages but no text: a scan of paper.
    Scanned,
    /// A kind hoering does not read (images, spreadsheets, Word 97–2003).
    NotRead,
    /// The reader gave up (damaged, too slow or too large).
    Failed,
}

impl TextState {
    pub fn as_str(self) -> &'static str {
        match self {
            TextState::Read => "read",
            TextState::Scanned => "scanned",
            TextState::NotRead => "not_read",
            TextState::Failed => "failed",
        }
    }

    pub fn parse(text: &str) -> TextState {
        match text {
            "read" => TextState::Read,
            "scanned" => TextState::Scanned,
            "failed" => TextState::Failed,
            _ => TextState::NotRead,
        }
    }

    /// The state of a text read out of a file that has text: a PDF's pages with no words in
    /// them are a scan.
    pub fn of_text(kind: FileKind, text: &str) -> TextState {
        let words = text
            .split_whitespace()
            .filter(|w| w.chars().any(char::is_alphanumeric));
        if words.take(3).count() >= 3 || (kind != FileKind::Pdf && !text.trim().is_empty()) {
            TextState::Read
        } else if kind == FileKind::Pdf {
            TextState::Scanned
        } else {
            TextState::Read
        }
    }
}

/// Whether the public may see a file: its response is public, the sender let us publish their
/// name (a letter carries it on its letterhead, so an anonymous response's files stay with the
/// clerks), it was scanned, and no clerk withheld it.
pub fn is_shown(
    status: ModerationStatus,
    publication: Publication,
    scan: ScanState,
    withheld: bool,
) -> bool {
    is_public(status, publication)
        && publication == Publication::WithName
        && scan == ScanState::Clean
        && !withheld
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn kinds_are_known_by_content() {
        assert_eq!(sniff(b"%PDF-1.7\n%"), Container::Kind(FileKind::Pdf));
        assert_eq!(
            sniff(b"\x89PNG\r\n\x1a\n\0\0"),
            Container::Kind(FileKind::Png)
        );
        assert_eq!(
            sniff(&[0xFF, 0xD8, 0xFF, 0xE0, 0, 0, 0, 0]),
            Container::Kind(FileKind::Jpeg)
        );
        assert_eq!(sniff(b"PK\x03\x04\x14\0\0\0"), Container::Zip);
        assert_eq!(sniff(b"MZ\x90\0\x03\0\0\0"), Container::Other);
        assert_eq!(sniff(b"<html><script>"), Container::Other);
        assert_eq!(sniff(b"<svg xmlns="), Container::Other);
        assert_eq!(sniff(b""), Container::Other);
    }

    #[test]
    fn zips_are_told_apart_by_their_parts() {
        let docx = ["[Content_Types].xml", "_rels/.rels", "word/document.xml"];
        assert_eq!(kind_of_zip(docx, None), Some(FileKind::Docx));
        let xlsx = [
            "[Content_Types].xml",
            "xl/workbook.xml",
            "xl/worksheets/sheet1.xml",
        ];
        assert_eq!(kind_of_zip(xlsx, None), Some(FileKind::Xlsx));
        let odt = ["mimetype", "content.xml"];
        assert_eq!(
            kind_of_zip(odt, Some("application/vnd.oasis.opendocument.text")),
            Some(FileKind::Odt)
        );
        // A spreadsheet from LibreOffice, a PowerPoint file and a plain zip are not taken.
        assert_eq!(
            kind_of_zip(odt, Some("application/vnd.oasis.opendocument.spreadsheet")),
            None
        );
        let pptx = ["[Content_Types].xml", "ppt/presentation.xml"];
        assert_eq!(kind_of_zip(pptx, None), None);
        assert_eq!(kind_of_zip(["virus.exe"], None), None);
    }

    #[test]
    fn an_ole_file_is_a_word_document_only_with_word_s_stream() {
        let mut doc = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        doc.extend_from_slice(&[0; 500]);
        assert_eq!(kind_of_ole(&doc), None);
        doc.extend("WordDocument".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(kind_of_ole(&doc), Some(FileKind::Doc));
    }

    #[test]
    fn limits_are_checked_before_sending() {
        assert_eq!(check_chosen(&[1, 2, 3]), Ok(()));
        assert_eq!(check_chosen(&[1; 6]), Err(FileError::TooMany));
        assert_eq!(check_chosen(&[MAX_BYTES]), Ok(()));
        assert_eq!(check_chosen(&[MAX_BYTES + 1]), Err(FileError::TooLarge));
        assert_eq!(check_chosen(&[10, 0]), Err(FileError::Empty));
    }

    #[test]
    fn names_lose_their_paths_and_tricks_and_end_in_their_kind() {
        assert_eq!(
            file_name("Høringssvar.pdf", FileKind::Pdf),
            "Høringssvar.pdf"
        );
        assert_eq!(
            file_name("C:\\Users\\a\\brev.PDF", FileKind::Pdf),
            "brev.PDF"
        );
        assert_eq!(file_name("../../etc/passwd", FileKind::Pdf), "passwd.pdf");
        assert_eq!(file_name("brev.html", FileKind::Pdf), "brev.html.pdf");
        assert_eq!(file_name("..", FileKind::Png), "bilag.png");
        assert_eq!(file_name("", FileKind::Docx), "bilag.docx");
        assert_eq!(file_name(".htaccess", FileKind::Odt), "htaccess.odt");
        assert_eq!(file_name("a\u{202E}fdp.exe", FileKind::Pdf), "afdp.exe.pdf");
        assert_eq!(file_name("brev\r\n\"x\".pdf", FileKind::Pdf), "brev_x_.pdf");
        assert_eq!(file_name("foto.jpeg", FileKind::Jpeg), "foto.jpeg");
        let long = format!("{}.pdf", "å".repeat(500));
        let name = file_name(&long, FileKind::Pdf);
        assert_eq!(name.chars().count(), MAX_NAME_CHARS);
        assert!(name.ends_with(".pdf"));
    }

    #[test]
    fn a_scanned_pdf_has_no_words() {
        assert_eq!(
            TextState::of_text(FileKind::Pdf, "\n\x0c\n\x0c "),
            TextState::Scanned
        );
        assert_eq!(
            TextState::of_text(FileKind::Pdf, "Kære kommune, tak for"),
            TextState::Read
        );
        assert_eq!(TextState::of_text(FileKind::Docx, "Ja"), TextState::Read);
    }

    #[test]
    fn the_public_sees_a_file_only_where_the_sender_and_clerk_allow() {
        use ModerationStatus::*;
        use Publication::*;
        let clean = ScanState::Clean;
        assert!(is_shown(Published, WithName, clean, false));
        assert!(!is_shown(Published, Anonymous, clean, false));
        assert!(!is_shown(Published, NotPublished, clean, false));
        assert!(!is_shown(Pending, WithName, clean, false));
        assert!(!is_shown(Published, WithName, ScanState::NotScanned, false));
        assert!(!is_shown(Published, WithName, clean, true));
    }

    proptest! {
        #[test]
        fn a_file_name_is_always_safe(sent in ".{0,300}", k in 0usize..7) {
            let kind = FileKind::ALL[k];
            let name = file_name(&sent, kind);
            prop_assert!(!name.contains(['/', '\\', '"', '\r', '\n', '\0']));
            prop_assert!(!name.starts_with('.'));
            prop_assert!(name.chars().count() <= MAX_NAME_CHARS);
            prop_assert!(!name.chars().any(|c| c.is_control() || is_bidi_control(c)));
            let lower = name.to_lowercase();
            prop_assert!(lower.ends_with(kind.extension()) || lower.ends_with(".jpeg"));
        }
    }
}
