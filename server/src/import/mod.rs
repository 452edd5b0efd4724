//! Drafts from Word and LibreOffice: an uploaded .docx or .odt read into the core's
//! [`hoering::import::Draft`] and written as Markdown. A file that is neither (a program, an
//! old or password-protected Word file, a zip bomb) is refused with a reason the clerk can
//! act on, before anything is stored.

mod docx;
mod odt;
mod xml;

#[cfg(test)]
mod tests;

use hoering::import::{LeftOut, Piece, Span, to_markdown};
use std::io::Read;

/// A draft read from a word processor's file.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    pub markdown: String,
    pub left_out: Vec<LeftOut>,
}

/// Why an uploaded draft could not be read. Each is shown to the clerk next to the file field.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    #[error("the file is a program, not a document")]
    Program,
    #[error("the file is password-protected or in Word's old .doc format")]
    Protected,
    #[error("the file is a PDF")]
    Pdf,
    #[error("the file is neither Markdown text nor a .docx or .odt document")]
    Unknown,
    #[error("the document is too large when unpacked")]
    TooLarge,
    #[error("the document is damaged: {0}")]
    Damaged(String),
}

impl ImportError {
    /// The form's error code for the file field (the catalogue words it).
    pub fn code(&self) -> &'static str {
        match self {
            ImportError::Program => "import_program",
            ImportError::Protected => "import_protected",
            ImportError::Pdf => "import_pdf",
            ImportError::Unknown => "import_unknown",
            ImportError::TooLarge => "import_too_large",
            ImportError::Damaged(_) => "import_damaged",
        }
    }
}

/// The largest part of a document unpacked: a 2,000-paragraph policy is a few MB of XML, so
/// anything far beyond is a zip bomb, not a policy.
const PART_LIMIT: u64 = 64 * 1024 * 1024;
/// The most files a document's zip may hold.
const ENTRY_LIMIT: usize = 10_000;

/// What an uploaded draft file is, judged by its content, not its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Markdown,
    Docx,
    Odt,
}

/// The file's kind from its first bytes and, for a zip, its parts.
pub fn sniff(bytes: &[u8]) -> Result<Kind, ImportError> {
    if bytes.starts_with(b"MZ") || bytes.starts_with(b"\x7fELF") {
        return Err(ImportError::Program);
    }
    // An OLE compound file: Word 97–2003, or any Office file encrypted with a password.
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        return Err(ImportError::Protected);
    }
    if bytes.starts_with(b"%PDF") {
        return Err(ImportError::Pdf);
    }
    if bytes.starts_with(b"PK\x03\x04") {
        let zip = Zip::open(bytes)?;
        if zip.has("word/document.xml") {
            return Ok(Kind::Docx);
        }
        if zip
            .part("mimetype")
            .is_ok_and(|m| m.trim() == "application/vnd.oasis.opendocument.text")
        {
            return Ok(Kind::Odt);
        }
        return Err(ImportError::Unknown);
    }
    if std::str::from_utf8(bytes).is_ok() && !bytes.contains(&0) {
        return Ok(Kind::Markdown);
    }
    Err(ImportError::Unknown)
}

/// Reads a .docx or .odt file as a draft.
pub fn read(bytes: &[u8]) -> Result<Imported, ImportError> {
    let draft = match sniff(bytes)? {
        Kind::Docx => docx::read(&Zip::open(bytes)?)?,
        Kind::Odt => odt::read(&Zip::open(bytes)?)?,
        Kind::Markdown => return Err(ImportError::Unknown),
    };
    let mut left_out = draft.left_out.clone();
    left_out.dedup();
    Ok(Imported {
        markdown: to_markdown(&draft),
        left_out,
    })
}

/// A document's zip, read part by part with a ceiling on each part's unpacked size.
pub(crate) struct Zip<'a> {
    archive: std::cell::RefCell<zip::ZipArchive<std::io::Cursor<&'a [u8]>>>,
}

impl<'a> Zip<'a> {
    fn open(bytes: &'a [u8]) -> Result<Zip<'a>, ImportError> {
        let archive = zip::ZipArchive::new(std::io::Cursor::new(bytes))
            .map_err(|e| ImportError::Damaged(e.to_string()))?;
        if archive.len() > ENTRY_LIMIT {
            return Err(ImportError::TooLarge);
        }
        Ok(Zip {
            archive: std::cell::RefCell::new(archive),
        })
    }

    pub(crate) fn has(&self, name: &str) -> bool {
        self.archive.borrow().index_for_name(name).is_some()
    }

    /// The part as text; a part unpacking beyond the ceiling is refused, whatever its
    /// header claims.
    pub(crate) fn part(&self, name: &str) -> Result<String, ImportError> {
        let mut archive = self.archive.borrow_mut();
        let file = archive
            .by_name(name)
            .map_err(|e| ImportError::Damaged(format!("{name}: {e}")))?;
        if file.encrypted() {
            return Err(ImportError::Protected);
        }
        let mut bytes = Vec::new();
        file.take(PART_LIMIT + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| ImportError::Damaged(format!("{name}: {e}")))?;
        if bytes.len() as u64 > PART_LIMIT {
            return Err(ImportError::TooLarge);
        }
        String::from_utf8(bytes).map_err(|_| ImportError::Damaged(format!("{name}: not UTF-8")))
    }

    /// The part if the zip has it.
    pub(crate) fn optional(&self, name: &str) -> Result<Option<String>, ImportError> {
        if self.has(name) {
            self.part(name).map(Some)
        } else {
            Ok(None)
        }
    }
}

/// Whether a finished paragraph says anything: words, not only white space, or a note's mark.
/// Both readers drop a paragraph that does not.
fn has_text(spans: &[Span]) -> bool {
    spans.iter().any(|s| match s {
        Span::Text { text, .. } | Span::Link { text, .. } => !text.trim().is_empty(),
        Span::NoteRef(_) => true,
        Span::LineBreak => false,
    })
}

/// A finished table as a piece of the draft: its rows that have cells, or nothing when none has.
fn table(rows: Vec<Vec<Vec<Span>>>) -> Option<Piece> {
    let rows: Vec<_> = rows.into_iter().filter(|r| !r.is_empty()).collect();
    (!rows.is_empty()).then_some(Piece::Table(rows))
}

/// What a drawing (Word) or a frame (ODF) leaves out of the draft: its text box, or the image
/// by its name.
fn drawing_left_out((name, text_box): (String, bool)) -> LeftOut {
    if text_box {
        LeftOut::TextBox
    } else {
        LeftOut::Image(name)
    }
}

/// Makes the spans from `from` on one link to `target` that reads as their words.
fn make_link(spans: &mut Vec<Span>, from: usize, target: String) {
    let from = from.min(spans.len());
    let text: String = spans[from..]
        .iter()
        .map(|s| match s {
            Span::Text { text, .. } => text.as_str(),
            _ => "",
        })
        .collect();
    spans.truncate(from);
    spans.push(Span::Link { text, target });
}
