//! The høringsnotat as a Word document (DOCX), for the clerk to open, edit and send on to the
//! politicians.
//!
//! The document has real structure rather than a picture of a page: headings in Word's
//! built-in heading styles (so the navigation pane and the table of contents see them),
//! tables with a repeating header row, and named styles for labels, quotes and changed
//! text, so a clerk who restyles one point restyles them all.
//!
//! The table of contents is a real `TOC` field whose entries are written in advance, so it
//! reads right where fields are never updated (a headless LibreOffice conversion), while
//! Word refreshes it with page numbers on opening (`w:updateFields`).
//!
//! Points on the same part of the draft follow each other in the outline; they share one
//! heading, so the contents list the parts of the draft rather than every single point.
//!
//! The XML is written by hand into `String`s and every part deflated once; rendering is
//! linear in the size of the notat.

use std::fmt::Write as _;
use std::io::{Cursor, Write};

use app::notat::words::DocumentWords;
use hoering::notat::{Notat, NotatItem, NotatSection, PointItem};
use hoering::text::DiffOp;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

/// Why the document could not be written.
#[derive(Debug, thiserror::Error)]
pub enum DocxError {
    #[error("could not build the DOCX archive: {0}")]
    Zip(#[from] zip::result::ZipError),
    #[error("could not write the DOCX archive: {0}")]
    Io(#[from] std::io::Error),
}

/// The høringsnotat as a Word document.
///
/// `byline` is shown under the title, e.g. "Roskilde Kommune · Offentliggjort 3. december
/// 2026" or "Udkast – ikke offentliggjort"; an empty byline is left out.
///
/// The fixed words the writer adds (labels, the legend of changes, the footer) are `words`,
/// in the language the notat was compiled in.
pub fn render(notat: &Notat, words: &DocumentWords, byline: &str) -> Result<Vec<u8>, DocxError> {
    let document = Document::write(notat, words, byline);

    let mut zip = ZipWriter::new(Cursor::new(Vec::with_capacity(document.len() / 6 + 16_384)));
    let parts: [(&str, &[&str]); 10] = [
        ("[Content_Types].xml", &[CONTENT_TYPES]),
        ("_rels/.rels", &[PACKAGE_RELS]),
        ("docProps/core.xml", &[&core_properties(notat, words)]),
        ("docProps/app.xml", &[APP_PROPERTIES]),
        ("word/document.xml", &document.parts()),
        ("word/styles.xml", &[&styles(words)]),
        ("word/settings.xml", &[&settings(words)]),
        ("word/_rels/document.xml.rels", &[DOCUMENT_RELS]),
        ("word/footer1.xml", &[&footer(words)]),
        ("word/fontTable.xml", &[FONT_TABLE]),
    ];
    for (name, chunks) in parts {
        let len: usize = chunks.iter().map(|c| c.len()).sum();
        // A fixed time keeps the bytes the same for the same notat; 1980-01-01 is the
        // earliest a zip entry can say.
        let options = SimpleFileOptions::default()
            .compression_method(CompressionMethod::Deflated)
            .last_modified_time(DateTime::DEFAULT)
            .large_file(len as u64 >= u64::from(u32::MAX));
        zip.start_file(name, options)?;
        for chunk in chunks {
            zip.write_all(chunk.as_bytes())?;
        }
    }
    Ok(zip.finish()?.into_inner())
}

// --- word/document.xml ---

/// The width between the margins in twips: A4 (11906) less two margins of 2.5 cm (1418).
const TEXT_WIDTH: usize = 11906 - 2 * 1418;

/// A heading as the table of contents lists it.
struct Heading {
    text: String,
    level: u8,
    bookmark: usize,
}

/// word/document.xml in three pieces: the opening with title and byline, the table of
/// contents (known only once the body is written), and the body with the closing.
struct Document {
    head: String,
    toc: String,
    body: String,
}

impl Document {
    fn write(notat: &Notat, words: &DocumentWords, byline: &str) -> Self {
        let mut head = String::with_capacity(2048);
        head.push_str(concat!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
            "\n",
            r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" "#,
            r#"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#,
            "<w:body>"
        ));
        paragraph(&mut head, "Title", "", &notat.title);
        if !byline.trim().is_empty() {
            paragraph(&mut head, "Subtitle", "", byline.trim());
        }

        let mut body = Body {
            out: String::with_capacity(estimate(notat)),
            words,
            headings: Vec::new(),
            legend_written: false,
        };
        for section in &notat.sections {
            body.section(section);
        }
        body.out.push_str(SECTION_PROPERTIES);
        body.out.push_str("</w:body></w:document>");

        let toc = table_of_contents(&body.headings, words);
        Self {
            head,
            toc,
            body: body.out,
        }
    }

    fn len(&self) -> usize {
        self.head.len() + self.toc.len() + self.body.len()
    }

    fn parts(&self) -> [&str; 3] {
        [&self.head, &self.toc, &self.body]
    }
}

/// A generous guess at the body's size, so the string grows once or not at all.
fn estimate(notat: &Notat) -> usize {
    let text = |s: &str| s.len() + s.len() / 8;
    notat
        .sections
        .iter()
        .flat_map(|s| &s.items)
        .map(|item| match item {
            NotatItem::Paragraph(t) => 160 + text(t),
            NotatItem::List(lines) => lines.iter().map(|l| 220 + text(l)).sum::<usize>(),
            NotatItem::Facts(pairs) => {
                600 + pairs
                    .iter()
                    .map(|(l, v)| 700 + text(l) + text(v))
                    .sum::<usize>()
            }
            NotatItem::Table { header, rows } => {
                800 + header
                    .iter()
                    .chain(rows.iter().flatten())
                    .map(|c| 330 + text(c))
                    .sum::<usize>()
                    + rows.len() * 30
            }
            NotatItem::Point(point) => {
                1000 + text(&point.about)
                    + text(&point.said)
                    + point.respondents.iter().map(|r| 2 + text(r)).sum::<usize>()
                    + point.remark.as_deref().map_or(0, text)
            }
            NotatItem::Diff { block, ops } => {
                400 + text(block) + ops.iter().map(|o| 120 + text(o.text())).sum::<usize>()
            }
        })
        .sum::<usize>()
        + 4096
}

/// The body as it is written, and the headings met on the way.
struct Body<'a> {
    out: String,
    words: &'a DocumentWords,
    headings: Vec<Heading>,
    legend_written: bool,
}

impl Body<'_> {
    fn section(&mut self, section: &NotatSection) {
        let level = section.level.clamp(1, 3);
        let sub = (level + 1).min(3);
        self.heading(level, &section.heading);
        // The `about` of the point just written, while points follow each other.
        let mut about_before: Option<&str> = None;
        for item in &section.items {
            about_before = match item {
                NotatItem::Point(point) => {
                    let continues = about_before == Some(point.about.as_str());
                    if !continues {
                        self.heading(sub, &point.about);
                    }
                    self.point(continues, point);
                    Some(&point.about)
                }
                NotatItem::Paragraph(text) => {
                    paragraph(&mut self.out, "", "", text);
                    None
                }
                NotatItem::List(lines) => {
                    for line in lines {
                        // A bullet with a hanging indent: reads as a list in Word and LibreOffice
                        // without a numbering part.
                        paragraph(
                            &mut self.out,
                            "",
                            r#"<w:spacing w:after="40"/><w:ind w:left="360" w:hanging="240"/>"#,
                            &format!("•\t{line}"),
                        );
                    }
                    None
                }
                NotatItem::Facts(pairs) => {
                    self.facts(pairs);
                    None
                }
                NotatItem::Table { header, rows } => {
                    self.table(header, rows);
                    None
                }
                NotatItem::Diff { block, ops } => {
                    self.diff(sub, block, ops);
                    None
                }
            };
        }
    }

    /// A heading with a bookmark for the table of contents to link to.
    fn heading(&mut self, level: u8, text: &str) {
        let bookmark = self.headings.len() + 1;
        let out = &mut self.out;
        out.push_str("<w:p><w:pPr><w:pStyle w:val=\"Heading");
        push_number(out, usize::from(level));
        out.push_str("\"/></w:pPr><w:bookmarkStart w:id=\"");
        push_number(out, bookmark);
        out.push_str("\" w:name=\"");
        bookmark_name(out, bookmark);
        out.push_str("\"/>");
        run(out, "", text);
        out.push_str("<w:bookmarkEnd w:id=\"");
        push_number(out, bookmark);
        out.push_str("\"/></w:p>");
        self.headings.push(Heading {
            text: text.to_owned(),
            level,
            bookmark,
        });
    }

    /// One point: who said it, what was said, and the administration's answer. A point
    /// that continues a run of points under the same heading opens with a thin rule.
    fn point(&mut self, continues: bool, point: &PointItem) {
        let words = self.words;
        let out = &mut self.out;
        let mut opening = if continues { POINT_RULE } else { "" };
        if !point.respondents.is_empty() {
            paragraph_open(out, "Respondents", opening);
            opening = "";
            run(out, STRONG, words.responses_from);
            out.push_str("<w:r><w:t xml:space=\"preserve\"> ");
            for (i, name) in point.respondents.iter().enumerate() {
                if i > 0 {
                    out.push_str("; ");
                }
                escape_text(out, name);
            }
            out.push_str("</w:t></w:r></w:p>");
        }
        paragraph(out, "Label", opening, words.what_was_said);
        paragraph(out, "Quote", "", &point.said);
        match &point.remark {
            Some(remark) => {
                paragraph(out, "Label", "", words.remark);
                paragraph(out, "", "", remark);
                if let Some(outcome) = &point.outcome {
                    paragraph_open(out, "", "");
                    run(out, STRONG, words.conclusion);
                    out.push_str("<w:r><w:t xml:space=\"preserve\"> ");
                    escape_text(out, &words.outcome(outcome));
                    out.push_str("</w:t></w:r></w:p>");
                }
            }
            None => paragraph(out, "Note", "", words.not_published),
        }
    }

    /// Label and value pairs as a two-column table without a header.
    fn facts(&mut self, pairs: &[(String, String)]) {
        if pairs.is_empty() {
            return;
        }
        let label = TEXT_WIDTH * 3 / 10;
        let out = &mut self.out;
        table_open(out, &[label, TEXT_WIDTH - label]);
        for (name, value) in pairs {
            out.push_str("<w:tr><w:trPr><w:cantSplit/></w:trPr>");
            cell(out, label, LABEL_SHADING, "", STRONG, name);
            cell(out, TEXT_WIDTH - label, "", "", "", value);
            out.push_str("</w:tr>");
        }
        out.push_str("</w:tbl>");
        spacer(out);
    }

    /// A table whose header row repeats on every page. Columns are as wide as their
    /// longest text suggests, within bounds; columns of numbers are right-aligned.
    fn table(&mut self, header: &[String], rows: &[Vec<String>]) {
        let columns = rows
            .iter()
            .map(Vec::len)
            .chain([header.len()])
            .max()
            .unwrap_or(0);
        if columns == 0 {
            return;
        }
        let weights: Vec<usize> = (0..columns)
            .map(|j| {
                let longest = rows
                    .iter()
                    .map(|r| cell_text(r, j))
                    .chain([cell_text(header, j)])
                    .map(|t| t.chars().count())
                    .max()
                    .unwrap_or(0);
                longest.clamp(6, 40)
            })
            .collect();
        let total: usize = weights.iter().sum();
        let mut widths: Vec<usize> = weights.iter().map(|w| TEXT_WIDTH * w / total).collect();
        // Rounding leaves a few twips over; the last column takes them.
        let rest = TEXT_WIDTH - widths.iter().sum::<usize>();
        if let Some(last) = widths.last_mut() {
            *last += rest;
        }
        let numeric: Vec<bool> = (0..columns)
            .map(|j| !rows.is_empty() && rows.iter().all(|r| is_number(cell_text(r, j))))
            .collect();
        let align = |j: usize| if numeric[j] { RIGHT } else { "" };

        let out = &mut self.out;
        table_open(out, &widths);
        if !header.is_empty() {
            out.push_str("<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>");
            for (j, width) in widths.iter().enumerate() {
                cell(
                    out,
                    *width,
                    HEADER_SHADING,
                    align(j),
                    STRONG,
                    cell_text(header, j),
                );
            }
            out.push_str("</w:tr>");
        }
        for row in rows {
            out.push_str("<w:tr><w:trPr><w:cantSplit/></w:trPr>");
            for (j, width) in widths.iter().enumerate() {
                cell(out, *width, "", align(j), "", cell_text(row, j));
            }
            out.push_str("</w:tr>");
        }
        out.push_str("</w:tbl>");
        spacer(out);
    }

    /// The changes to one block as running text, additions and deletions marked by
    /// character styles rather than tracked changes: the notat shows what changed, it does
    /// not ask anyone to accept it.
    fn diff(&mut self, level: u8, block: &str, ops: &[DiffOp]) {
        if !self.legend_written {
            self.legend_written = true;
            let legend = &self.words.legend;
            let out = &mut self.out;
            // Kept with the first change, never left alone at the foot of a page.
            paragraph_open(out, "Note", "<w:keepNext/>");
            run(out, "", &legend[0]);
            run(out, INSERTED, &legend[1]);
            run(out, "", &legend[2]);
            run(out, DELETED, &legend[3]);
            run(out, "", &legend[4]);
            out.push_str("</w:p>");
        }
        self.heading(level, &format!("§ {block}"));
        let out = &mut self.out;
        paragraph_open(out, "", "");
        for op in ops {
            match op {
                DiffOp::Equal(text) => run(out, "", text),
                DiffOp::Insert(text) => run(out, INSERTED, text),
                DiffOp::Delete(text) => run(out, DELETED, text),
            }
        }
        out.push_str("</w:p>");
    }
}

/// Run properties of the named character styles.
const STRONG: &str = "<w:rStyle w:val=\"Strong\"/>";
const INSERTED: &str = "<w:rStyle w:val=\"DiffInsert\"/>";
const DELETED: &str = "<w:rStyle w:val=\"DiffDelete\"/>";
/// Paragraph properties after the style.
const RIGHT: &str = "<w:jc w:val=\"right\"/>";
const POINT_RULE: &str = concat!(
    r#"<w:pBdr><w:top w:val="single" w:sz="4" w:space="8" w:color="BFBFBF"/></w:pBdr>"#,
    r#"<w:spacing w:before="360"/>"#
);
const HEADER_SHADING: &str = "D9E2F3";
const LABEL_SHADING: &str = "F2F2F2";

/// The body ends with the page setup: A4, margins of 2.5 cm, the footer with page numbers.
const SECTION_PROPERTIES: &str = concat!(
    r#"<w:sectPr><w:footerReference w:type="default" r:id="rIdFooter1"/>"#,
    r#"<w:pgSz w:w="11906" w:h="16838"/>"#,
    r#"<w:pgMar w:top="1418" w:right="1418" w:bottom="1418" w:left="1418" "#,
    r#"w:header="709" w:footer="709" w:gutter="0"/>"#,
    r#"<w:cols w:space="708"/></w:sectPr>"#
);

/// The table of contents as a `TOC` field, its result written in advance: one entry per
/// heading, each linking to the heading's bookmark. The entries carry no page numbers: they
/// are not known until the document is laid out, LibreOffice shows a field result as it
/// stands (so a blank number would trail an empty row of dots), and Word adds them when it
/// updates the field.
fn table_of_contents(headings: &[Heading], words: &DocumentWords) -> String {
    let mut out =
        String::with_capacity(1024 + headings.iter().map(|h| 600 + h.text.len()).sum::<usize>());
    paragraph(&mut out, "TOCHeading", "", words.contents);
    const BEGIN: &str = concat!(
        r#"<w:r><w:fldChar w:fldCharType="begin"/></w:r>"#,
        r#"<w:r><w:instrText xml:space="preserve"> TOC \o "1-3" \h \z \u </w:instrText></w:r>"#,
        r#"<w:r><w:fldChar w:fldCharType="separate"/></w:r>"#
    );
    const END: &str = r#"<w:r><w:fldChar w:fldCharType="end"/></w:r>"#;
    if headings.is_empty() {
        paragraph_open(&mut out, "TOC1", "");
        out.push_str(BEGIN);
        out.push_str(END);
        out.push_str("</w:p>");
        return out;
    }
    for (i, h) in headings.iter().enumerate() {
        out.push_str("<w:p><w:pPr><w:pStyle w:val=\"TOC");
        push_number(&mut out, usize::from(h.level));
        out.push_str("\"/></w:pPr>");
        if i == 0 {
            out.push_str(BEGIN);
        }
        out.push_str("<w:hyperlink w:anchor=\"");
        bookmark_name(&mut out, h.bookmark);
        out.push_str("\" w:history=\"1\">");
        run(&mut out, "", &h.text);
        out.push_str("</w:hyperlink></w:p>");
    }
    out.push_str("<w:p>");
    out.push_str(END);
    out.push_str("</w:p>");
    out
}

/// Hidden bookmarks (a leading underscore) named as Word names those of its own TOC.
fn bookmark_name(out: &mut String, bookmark: usize) {
    out.push_str("_Toc");
    push_number(out, bookmark);
}

/// `<w:p>` with its properties: a paragraph style (none for Normal) and further properties
/// in schema order after it.
fn paragraph_open(out: &mut String, style: &str, properties: &str) {
    out.push_str("<w:p>");
    if style.is_empty() && properties.is_empty() {
        return;
    }
    out.push_str("<w:pPr>");
    if !style.is_empty() {
        out.push_str("<w:pStyle w:val=\"");
        out.push_str(style);
        out.push_str("\"/>");
    }
    out.push_str(properties);
    out.push_str("</w:pPr>");
}

/// A paragraph of one run; line breaks in `text` become `<w:br/>`.
fn paragraph(out: &mut String, style: &str, properties: &str, text: &str) {
    paragraph_open(out, style, properties);
    run(out, "", text);
    out.push_str("</w:p>");
}

/// A run of `text` with run properties `rpr`: line breaks (`\n`, `\r\n`, `\r`) become
/// `<w:br/>` and tabs `<w:tab/>`, since Word shows neither from plain text.
fn run(out: &mut String, rpr: &str, text: &str) {
    if text.is_empty() {
        return;
    }
    out.push_str("<w:r>");
    if !rpr.is_empty() {
        out.push_str("<w:rPr>");
        out.push_str(rpr);
        out.push_str("</w:rPr>");
    }
    let mut rest = text;
    while let Some(i) = rest.find(['\n', '\r', '\t']) {
        text_element(out, &rest[..i]);
        let bytes = rest.as_bytes();
        let skip = match bytes[i] {
            b'\t' => {
                out.push_str("<w:tab/>");
                1
            }
            b'\r' if bytes.get(i + 1) == Some(&b'\n') => {
                out.push_str("<w:br/>");
                2
            }
            _ => {
                out.push_str("<w:br/>");
                1
            }
        };
        rest = &rest[i + skip..];
    }
    text_element(out, rest);
    out.push_str("</w:r>");
}

fn text_element(out: &mut String, text: &str) {
    if text.is_empty() {
        return;
    }
    out.push_str("<w:t xml:space=\"preserve\">");
    escape_text(out, text);
    out.push_str("</w:t>");
}

/// A table with the bordered style at full width, with fixed column widths in twips.
fn table_open(out: &mut String, widths: &[usize]) {
    out.push_str(concat!(
        r#"<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="5000" w:type="pct"/>"#,
        r#"<w:tblCellMar><w:top w:w="57" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>"#,
        r#"<w:bottom w:w="57" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar>"#,
        r#"<w:tblLook w:val="0420" w:firstRow="1" w:lastRow="0" w:firstColumn="0" "#,
        r#"w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>"#
    ));
    for width in widths {
        out.push_str("<w:gridCol w:w=\"");
        push_number(out, *width);
        out.push_str("\"/>");
    }
    out.push_str("</w:tblGrid>");
}

fn cell(out: &mut String, width: usize, shading: &str, ppr: &str, rpr: &str, text: &str) {
    out.push_str("<w:tc><w:tcPr><w:tcW w:w=\"");
    push_number(out, width);
    out.push_str("\" w:type=\"dxa\"/>");
    if !shading.is_empty() {
        out.push_str("<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"");
        out.push_str(shading);
        out.push_str("\"/>");
    }
    out.push_str("</w:tcPr>");
    paragraph_open(out, "TableText", ppr);
    run(out, rpr, text);
    out.push_str("</w:p></w:tc>");
}

/// The text of column `j`, empty where a row is short.
fn cell_text(row: &[String], j: usize) -> &str {
    row.get(j).map_or("", String::as_str)
}

/// An empty paragraph after a table: Word needs one between two tables, or it merges them.
fn spacer(out: &mut String) {
    out.push_str("<w:p><w:pPr><w:pStyle w:val=\"TableSpacer\"/></w:pPr></w:p>");
}

/// A count or amount: digits with Danish or English separators, possibly signed or a
/// percentage.
fn is_number(text: &str) -> bool {
    let t = text.trim();
    t.bytes().any(|b| b.is_ascii_digit())
        && t.bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b',' | b' ' | b'-' | b'+' | b'%'))
}

fn push_number(out: &mut String, n: usize) {
    // Writing to a String cannot fail.
    let _ = write!(out, "{n}");
}

/// Appends `text` escaped for XML content or a quoted attribute, dropping what XML 1.0 does
/// not allow (control characters other than tab, line feed and carriage return, U+FFFE,
/// U+FFFF) and the C1 controls, which XML discourages and pasted text only carries by
/// accident.
fn escape_text(out: &mut String, text: &str) {
    // Byte by byte: everything to replace or drop starts at an ASCII byte or at the lead
    // byte of its UTF-8 sequence, so every cut falls on a character boundary.
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let (replacement, len) = match bytes[i] {
            b'&' => ("&amp;", 1),
            b'<' => ("&lt;", 1),
            b'>' => ("&gt;", 1),
            b'"' => ("&quot;", 1),
            b'\'' => ("&apos;", 1),
            b'\t' | b'\n' | b'\r' => {
                i += 1;
                continue;
            }
            0x00..=0x1F | 0x7F => ("", 1),
            // U+0080 to U+009F.
            0xC2 if matches!(bytes.get(i + 1), Some(0x80..=0x9F)) => ("", 2),
            // U+FFFE and U+FFFF.
            0xEF if bytes.get(i + 1) == Some(&0xBF)
                && matches!(bytes.get(i + 2), Some(0xBE | 0xBF)) =>
            {
                ("", 3)
            }
            _ => {
                i += 1;
                continue;
            }
        };
        out.push_str(&text[start..i]);
        out.push_str(replacement);
        i += len;
        start = i;
    }
    out.push_str(&text[start..]);
}

fn escaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    escape_text(&mut out, text);
    out
}

// --- The other parts ---

const CONTENT_TYPES: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    "\n",
    r#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#,
    r#"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#,
    r#"<Default Extension="xml" ContentType="application/xml"/>"#,
    r#"<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>"#,
    r#"<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>"#,
    r#"<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>"#,
    r#"<Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/>"#,
    r#"<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>"#,
    r#"<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>"#,
    r#"<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>"#,
    r#"</Types>"#
);

const PACKAGE_RELS: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    "\n",
    r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
    r#"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>"#,
    r#"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>"#,
    r#"<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>"#,
    r#"</Relationships>"#
);

const DOCUMENT_RELS: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    "\n",
    r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
    r#"<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>"#,
    r#"<Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>"#,
    r#"<Relationship Id="rIdFontTable" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable" Target="fontTable.xml"/>"#,
    r#"<Relationship Id="rIdFooter1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>"#,
    r#"</Relationships>"#
);

const APP_PROPERTIES: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    "\n",
    r#"<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" "#,
    r#"xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">"#,
    r#"<Application>hoering</Application><DocSecurity>0</DocSecurity></Properties>"#
);

/// Calibri, with its metric twin Carlito for systems without it, so lines break alike.
const FONT_TABLE: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    "\n",
    r#"<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">"#,
    r#"<w:font w:name="Calibri"><w:altName w:val="Carlito"/><w:panose1 w:val="020F0502020204030204"/>"#,
    r#"<w:charset w:val="00"/><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font>"#,
    r#"</w:fonts>"#
);

/// The title and language, for the file's properties and for screen readers. No author or
/// times: the document is the same whoever renders it, whenever.
fn core_properties(notat: &Notat, words: &DocumentWords) -> String {
    format!(
        concat!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
            "\n",
            r#"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" "#,
            r#"xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" "#,
            r#"xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#,
            r#"<dc:title>{title}</dc:title><dc:language>{tag}</dc:language></cp:coreProperties>"#
        ),
        title = escaped(&notat.title),
        tag = words.tag,
    )
}

/// Settings in the order the schema requires (Word rejects them otherwise). `updateFields`
/// makes Word offer to refresh the table of contents and page numbers on opening.
fn settings(words: &DocumentWords) -> String {
    format!(
        concat!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
            "\n",
            r#"<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">"#,
            r#"<w:zoom w:percent="100"/><w:defaultTabStop w:val="1304"/>"#,
            r#"<w:characterSpacingControl w:val="doNotCompress"/><w:updateFields w:val="true"/>"#,
            r#"<w:compat><w:compatSetting w:name="compatibilityMode" "#,
            r#"w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>"#,
            r#"<w:themeFontLang w:val="{tag}"/>"#,
            r#"<w:decimalSymbol w:val="{decimal}"/><w:listSeparator w:val="{list}"/></w:settings>"#
        ),
        tag = words.tag,
        decimal = words.decimal,
        list = words.list_separator,
    )
}

/// "Side 3 af 12", right-aligned.
fn footer(words: &DocumentWords) -> String {
    let field = |name: &str| {
        format!(
            concat!(
                r#"<w:r><w:fldChar w:fldCharType="begin"/></w:r>"#,
                r#"<w:r><w:instrText xml:space="preserve"> {name} </w:instrText></w:r>"#,
                r#"<w:r><w:fldChar w:fldCharType="separate"/></w:r>"#,
                r#"<w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>"#
            ),
            name = name
        )
    };
    format!(
        concat!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
            "\n",
            r#"<w:ftr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" "#,
            r#"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#,
            r#"<w:p><w:pPr><w:pStyle w:val="Footer"/><w:jc w:val="right"/></w:pPr>"#,
            r#"<w:r><w:t xml:space="preserve">{page}</w:t></w:r>{page_field}"#,
            r#"<w:r><w:t xml:space="preserve">{of}</w:t></w:r>{pages_field}"#,
            r#"<w:r><w:t xml:space="preserve">{after}</w:t></w:r></w:p></w:ftr>"#
        ),
        page = escaped(&words.page_of[0]),
        page_field = field("PAGE"),
        of = escaped(&words.page_of[1]),
        pages_field = field("NUMPAGES"),
        after = escaped(&words.page_of[2]),
    )
}

/// The styles, named as Word's built-in ones where there is one ("heading 1", "Title",
/// "Quote", "toc 1"), so Word shows them in its own language ("Overskrift 1") and keeps
/// them linked to its features; the rest are the notat's own.
fn styles(words: &DocumentWords) -> String {
    const STYLES: &str = concat!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
        "\n",
        r#"<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">"#,
        r#"<w:docDefaults><w:rPrDefault><w:rPr>"#,
        r#"<w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:eastAsia="Calibri" w:cs="Calibri"/>"#,
        r#"<w:sz w:val="22"/><w:szCs w:val="22"/>"#,
        r#"<w:lang w:val="{lang}" w:eastAsia="en-US" w:bidi="ar-SA"/>"#,
        r#"</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>"#,
        r#"<w:spacing w:after="120" w:line="264" w:lineRule="auto"/>"#,
        r#"</w:pPr></w:pPrDefault></w:docDefaults>"#,
        // Paragraph styles.
        r#"<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>"#,
        r#"<w:pPr><w:widowControl/></w:pPr></w:style>"#,
        r#"<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/>"#,
        r#"<w:next w:val="Normal"/><w:uiPriority w:val="10"/><w:qFormat/>"#,
        r#"<w:pPr><w:keepNext/><w:spacing w:after="120" w:line="240" w:lineRule="auto"/></w:pPr>"#,
        r#"<w:rPr><w:color w:val="1F3864"/><w:kern w:val="28"/><w:sz w:val="48"/><w:szCs w:val="48"/></w:rPr></w:style>"#,
        r#"<w:style w:type="paragraph" w:styleId="Subtitle"><w:name w:val="Subtitle"/><w:basedOn w:val="Normal"/>"#,
        r#"<w:next w:val="Normal"/><w:uiPriority w:val="11"/><w:qFormat/>"#,
        r#"<w:pPr><w:spacing w:after="360"/></w:pPr>"#,
        r#"<w:rPr><w:color w:val="595959"/><w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr></w:style>"#,
        r#"<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>"#,
        r#"<w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:qFormat/>"#,
        r#"<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="480" w:after="120"/><w:outlineLvl w:val="0"/></w:pPr>"#,
        r#"<w:rPr><w:b/><w:bCs/><w:color w:val="1F3864"/><w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr></w:style>"#,
        r#"<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/>"#,
        r#"<w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:unhideWhenUsed/><w:qFormat/>"#,
        r#"<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="360" w:after="80"/><w:outlineLvl w:val="1"/></w:pPr>"#,
        r#"<w:rPr><w:b/><w:bCs/><w:color w:val="1F3864"/><w:sz w:val="26"/><w:szCs w:val="26"/></w:rPr></w:style>"#,
        r#"<w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="heading 3"/><w:basedOn w:val="Normal"/>"#,
        r#"<w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:unhideWhenUsed/><w:qFormat/>"#,
        r#"<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="240" w:after="60"/><w:outlineLvl w:val="2"/></w:pPr>"#,
        r#"<w:rPr><w:b/><w:bCs/><w:color w:val="1F3864"/></w:rPr></w:style>"#,
        // Not an outline level: the contents' own heading is not listed in them.
        r#"<w:style w:type="paragraph" w:styleId="TOCHeading"><w:name w:val="TOC Heading"/><w:basedOn w:val="Heading1"/>"#,
        r#"<w:next w:val="Normal"/><w:uiPriority w:val="39"/><w:unhideWhenUsed/><w:qFormat/>"#,
        r#"<w:pPr><w:spacing w:before="240"/><w:outlineLvl w:val="9"/></w:pPr></w:style>"#,
        r#"<w:style w:type="paragraph" w:styleId="TOC1"><w:name w:val="toc 1"/><w:basedOn w:val="Normal"/>"#,
        r#"<w:next w:val="Normal"/><w:uiPriority w:val="39"/><w:unhideWhenUsed/>"#,
        r#"<w:pPr><w:tabs><w:tab w:val="right" w:leader="dot" w:pos="{width}"/></w:tabs>"#,
        r#"<w:spacing w:before="120" w:after="40"/></w:pPr><w:rPr><w:b/><w:bCs/></w:rPr></w:style>"#,
        r#"<w:style w:type="paragraph" w:styleId="TOC2"><w:name w:val="toc 2"/><w:basedOn w:val="Normal"/>"#,
        r#"<w:next w:val="Normal"/><w:uiPriority w:val="39"/><w:unhideWhenUsed/>"#,
        r#"<w:pPr><w:tabs><w:tab w:val="right" w:leader="dot" w:pos="{width}"/></w:tabs>"#,
        r#"<w:spacing w:after="40"/><w:ind w:left="284"/></w:pPr></w:style>"#,
        r#"<w:style w:type="paragraph" w:styleId="TOC3"><w:name w:val="toc 3"/><w:basedOn w:val="Normal"/>"#,
        r#"<w:next w:val="Normal"/><w:uiPriority w:val="39"/><w:unhideWhenUsed/>"#,
        r#"<w:pPr><w:tabs><w:tab w:val="right" w:leader="dot" w:pos="{width}"/></w:tabs>"#,
        r#"<w:spacing w:after="40"/><w:ind w:left="567"/></w:pPr></w:style>"#,
        // Kept with the label and the start of what was said, so no page ends on a name.
        r#"<w:style w:type="paragraph" w:customStyle="1" w:styleId="Respondents"><w:name w:val="Respondents"/>"#,
        r#"<w:basedOn w:val="Normal"/><w:next w:val="Label"/><w:qFormat/>"#,
        r#"<w:pPr><w:keepNext/></w:pPr></w:style>"#,
        r#"<w:style w:type="paragraph" w:customStyle="1" w:styleId="Label"><w:name w:val="Label"/>"#,
        r#"<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>"#,
        r#"<w:pPr><w:keepNext/><w:spacing w:before="160" w:after="40"/></w:pPr>"#,
        r#"<w:rPr><w:b/><w:bCs/></w:rPr></w:style>"#,
        // What was said, set off by a rule rather than italics, which tire in long text.
        r#"<w:style w:type="paragraph" w:styleId="Quote"><w:name w:val="Quote"/><w:basedOn w:val="Normal"/>"#,
        r#"<w:next w:val="Normal"/><w:uiPriority w:val="29"/><w:qFormat/>"#,
        r#"<w:pPr><w:pBdr><w:left w:val="single" w:sz="18" w:space="8" w:color="BFBFBF"/></w:pBdr>"#,
        r#"<w:ind w:left="227"/></w:pPr><w:rPr><w:color w:val="262626"/></w:rPr></w:style>"#,
        r#"<w:style w:type="paragraph" w:customStyle="1" w:styleId="Note"><w:name w:val="Note"/>"#,
        r#"<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>"#,
        r#"<w:rPr><w:i/><w:iCs/><w:color w:val="595959"/></w:rPr></w:style>"#,
        r#"<w:style w:type="paragraph" w:customStyle="1" w:styleId="TableText"><w:name w:val="Table Text"/>"#,
        r#"<w:basedOn w:val="Normal"/><w:qFormat/>"#,
        r#"<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:style>"#,
        r#"<w:style w:type="paragraph" w:customStyle="1" w:styleId="TableSpacer"><w:name w:val="Table Spacer"/>"#,
        r#"<w:basedOn w:val="Normal"/><w:next w:val="Normal"/>"#,
        r#"<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:style>"#,
        r#"<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/>"#,
        r#"<w:uiPriority w:val="99"/><w:unhideWhenUsed/>"#,
        r#"<w:pPr><w:spacing w:after="0"/></w:pPr>"#,
        r#"<w:rPr><w:color w:val="595959"/><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr></w:style>"#,
        // Character styles.
        r#"<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">"#,
        r#"<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>"#,
        r#"<w:style w:type="character" w:styleId="Strong"><w:name w:val="Strong"/><w:basedOn w:val="DefaultParagraphFont"/>"#,
        r#"<w:uiPriority w:val="22"/><w:qFormat/><w:rPr><w:b/><w:bCs/></w:rPr></w:style>"#,
        // Changed text: marked by underline and strike-through, not by colour alone, and in
        // colours dark enough to read (over 6:1 on white).
        r#"<w:style w:type="character" w:customStyle="1" w:styleId="DiffInsert"><w:name w:val="Inserted Text"/>"#,
        r#"<w:basedOn w:val="DefaultParagraphFont"/><w:qFormat/>"#,
        r#"<w:rPr><w:color w:val="1E6B34"/><w:u w:val="single"/></w:rPr></w:style>"#,
        r#"<w:style w:type="character" w:customStyle="1" w:styleId="DiffDelete"><w:name w:val="Deleted Text"/>"#,
        r#"<w:basedOn w:val="DefaultParagraphFont"/><w:qFormat/>"#,
        r#"<w:rPr><w:strike/><w:color w:val="A4262C"/></w:rPr></w:style>"#,
        // Table styles.
        r#"<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>"#,
        r#"<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>"#,
        r#"<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/>"#,
        r#"<w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/>"#,
        r#"</w:tblCellMar></w:tblPr></w:style>"#,
        r#"<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/>"#,
        r#"<w:uiPriority w:val="39"/>"#,
        r#"<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>"#,
        r#"<w:tblPr><w:tblBorders>"#,
        r#"<w:top w:val="single" w:sz="4" w:space="0" w:color="8C8C8C"/>"#,
        r#"<w:left w:val="single" w:sz="4" w:space="0" w:color="8C8C8C"/>"#,
        r#"<w:bottom w:val="single" w:sz="4" w:space="0" w:color="8C8C8C"/>"#,
        r#"<w:right w:val="single" w:sz="4" w:space="0" w:color="8C8C8C"/>"#,
        r#"<w:insideH w:val="single" w:sz="4" w:space="0" w:color="8C8C8C"/>"#,
        r#"<w:insideV w:val="single" w:sz="4" w:space="0" w:color="8C8C8C"/>"#,
        r#"</w:tblBorders></w:tblPr></w:style>"#,
        r#"</w:styles>"#
    );
    STYLES
        .replace("{lang}", words.tag)
        .replace("{width}", &TEXT_WIDTH.to_string())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use std::io::Read;
    use std::time::Instant;

    use hoering::consultees::{PartyKind, PartyStatus};
    use hoering::hearing::parse_date;
    use hoering::notat::fixture::{self, party, point, published};
    use hoering::notat::{
        BlockChanges, CouncilInput, DraftSection, HearingInfo, MeetingInput, NotatInput, Outcome,
        RemarkTarget, outline,
    };
    use zip::ZipArchive;

    use super::*;
    use app::i18n::Locale;
    use app::notat::words::outline_words;

    const PARTS: [&str; 9] = [
        "[Content_Types].xml",
        "_rels/.rels",
        "docProps/core.xml",
        "docProps/app.xml",
        "word/document.xml",
        "word/styles.xml",
        "word/settings.xml",
        "word/_rels/document.xml.rels",
        "word/footer1.xml",
    ];

    /// A closed hearing on the integration policy, with the special characters, consent
    /// levels and stray e-mail addresses a real one brings.
    fn input() -> NotatInput {
        use hoering::response::Publication::{Anonymous, NotPublished, WithName};
        use hoering::response::SenderKind::{Association, Company, Private};
        let sections = [
            (
                "1",
                "Lige muligheder, ressourcer, medborgerskab og fællesskab",
            ),
            ("2", "Lige muligheder og ressourcer"),
            ("3", "Uddannelse & beskæftigelse"),
            ("4", "Medborgerskab og fællesskaber"),
        ];
        NotatInput {
            hearing: HearingInfo {
                title: "Muligheder & medborgerskab <Integrationspolitik> \"2026\" 🌍".into(),
                opens: parse_date("2026-03-02").unwrap(),
                closes: parse_date("2026-03-30").unwrap(),
                announced: "På kommunens hjemmeside og i Roskilde Avis 2. marts".into(),
                case_number: String::new(),
            },
            parties: vec![
                party(
                    "Ældre Sagen Roskilde",
                    PartyKind::Association,
                    PartyStatus::Answered,
                ),
                party(
                    "Zonta Club Roskilde",
                    PartyKind::Association,
                    PartyStatus::Declined,
                ),
                party("Aarhus Stift", PartyKind::Authority, PartyStatus::Invited),
                party(
                    "Dansk Flygtningehjælp",
                    PartyKind::Association,
                    PartyStatus::NotInvited,
                ),
                party(
                    "Børne- og Ungerådet",
                    PartyKind::Council,
                    PartyStatus::Answered,
                ),
                party("Handicaprådet", PartyKind::Council, PartyStatus::Answered),
            ],
            responses: fixture::respondents(&[
                (Private, Some("Anna Jensen"), None, WithName, &["3"]),
                (
                    Association,
                    Some("Bo Hansen"),
                    Some("Ældre Sagen Roskilde"),
                    WithName,
                    &[],
                ),
                (Private, Some("Carl Nielsen"), None, Anonymous, &["2", "3"]),
                (
                    Company,
                    Some("Dora Berg"),
                    Some("Berg & Søn ApS"),
                    Anonymous,
                    &["2"],
                ),
                (Private, Some("Eva Holm"), None, NotPublished, &["3"]),
                (Private, Some("Finn Ørsted"), None, WithName, &["4"]),
                (Private, Some("Gitte Å"), None, WithName, &["4"]),
            ]),
            sections: fixture::sections(&sections),
            points: vec![
                point(
                    Some("3"),
                    "Ønsker flere praktikpladser til unge med minoritetsbaggrund.\nSkriv gerne til anna@example.dk.",
                    RemarkTarget::Response(1),
                    Some(published(
                        RemarkTarget::Response(1),
                        "Praktikpladser indgår i indsatsen for uddannelse & beskæftigelse.",
                        Outcome::Noted,
                    )),
                ),
                point(
                    None,
                    "Politikken er for lang og bør have klare mål.",
                    RemarkTarget::Response(2),
                    Some(published(
                        RemarkTarget::Response(2),
                        "Målene er samlet i afsnit 1.",
                        Outcome::NoChange,
                    )),
                ),
                point(
                    Some("2"),
                    "Boligsociale tiltag mangler \u{1}i afsnittet.",
                    RemarkTarget::Response(3),
                    Some(published(
                        RemarkTarget::Response(3),
                        "Afsnittet er udvidet med boligsociale tiltag.",
                        Outcome::Change {
                            version: 2,
                            block: "2.3".into(),
                        },
                    )),
                ),
                point(
                    Some("2"),
                    "Virksomheder vil inddrages.",
                    RemarkTarget::Response(4),
                    None,
                ),
                point(
                    Some("4"),
                    "Enslydende ønske om flere fællesskaber i foreningslivet.",
                    RemarkTarget::Group(vec![6, 7]),
                    Some(published(
                        RemarkTarget::Group(vec![6, 7]),
                        "Foreningslivet inddrages i handleplanen.",
                        Outcome::Noted,
                    )),
                ),
                point(
                    Some("3"),
                    "Privat henvendelse.",
                    RemarkTarget::Response(5),
                    None,
                ),
            ],
            meetings: vec![MeetingInput {
                meeting: "Borgermøde i Musicon".into(),
                held: parse_date("2026-03-12").unwrap(),
                said: "Fokus på sprogundervisning og æøå-kurser.".into(),
                remark: None,
            }],
            councils: vec![CouncilInput {
                council: "Integrationsrådet".into(),
                said: "Rådet støtter udkastet.".into(),
                remark: Some(published(
                    RemarkTarget::Response(99),
                    "Rådets svar er indarbejdet i § 3.1.",
                    Outcome::Change {
                        version: 2,
                        block: "3.1".into(),
                    },
                )),
            }],
            changes: vec![BlockChanges {
                block: "3.1".into(),
                ops: vec![
                    DiffOp::Equal("Vi vil ".into()),
                    DiffOp::Insert("gerne ".into()),
                    DiffOp::Equal("styrke ".into()),
                    DiffOp::Delete("nogle".into()),
                    DiffOp::Insert("alle".into()),
                    DiffOp::Equal(" borgeres muligheder.".into()),
                ],
            }],
            ..NotatInput::default()
        }
    }

    fn parts(bytes: &[u8]) -> Vec<(String, String)> {
        let mut zip = ZipArchive::new(Cursor::new(bytes)).unwrap();
        (0..zip.len())
            .map(|i| {
                let mut file = zip.by_index(i).unwrap();
                let mut text = String::new();
                file.read_to_string(&mut text).unwrap();
                (file.name().unwrap().into_owned(), text)
            })
            .collect()
    }

    fn part<'a>(parts: &'a [(String, String)], name: &str) -> &'a str {
        &parts.iter().find(|(n, _)| n == name).unwrap().1
    }

    /// A small check that `xml` is well-formed: tags nest and close, attributes are quoted,
    /// and no `&` or `<` stands unescaped in text.
    fn assert_well_formed(name: &str, xml: &str) {
        let mut stack: Vec<&str> = Vec::new();
        let mut rest = xml;
        while let Some(open) = rest.find('<') {
            let text = &rest[..open];
            assert!(!text.contains('>'), "{name}: stray '>' in {text:?}");
            for (i, _) in text.match_indices('&') {
                let entity = &text[i..text[i..].find(';').map_or(text.len(), |e| i + e + 1)];
                assert!(
                    ["&amp;", "&lt;", "&gt;", "&quot;", "&apos;"].contains(&entity),
                    "{name}: bad entity {entity:?}"
                );
            }
            let close = rest[open..].find('>').unwrap() + open;
            let tag = &rest[open + 1..close];
            assert!(!tag.contains('<'), "{name}: '<' inside tag {tag:?}");
            assert_eq!(
                tag.matches('"').count() % 2,
                0,
                "{name}: unbalanced quotes in {tag:?}"
            );
            if tag.starts_with('?') {
                assert!(tag.ends_with('?'));
            } else if let Some(end) = tag.strip_prefix('/') {
                assert_eq!(stack.pop(), Some(end), "{name}: mismatched </{end}>");
            } else if !tag.ends_with('/') {
                stack.push(tag.split_whitespace().next().unwrap());
            }
            rest = &rest[close + 1..];
        }
        assert!(rest.trim().is_empty(), "{name}: text after the root");
        assert!(stack.is_empty(), "{name}: unclosed {stack:?}");
        assert!(
            !xml.chars()
                .any(|c| c < ' ' && !matches!(c, '\t' | '\n' | '\r')),
            "{name}: control character"
        );
    }

    /// The text of each paragraph in `style`, in document order.
    fn paragraphs_in(document: &str, style: &str) -> Vec<String> {
        let marker = format!("<w:pStyle w:val=\"{style}\"/>");
        document
            .split("<w:p>")
            .filter(|p| p.contains(&marker))
            .map(|p| {
                let p = &p[..p.find("</w:p>").unwrap()];
                p.split("<w:t xml:space=\"preserve\">")
                    .skip(1)
                    .map(|t| &t[..t.find("</w:t>").unwrap()])
                    .collect()
            })
            .collect()
    }

    fn ascending(document: &str, needles: &[String]) {
        let positions: Vec<usize> = needles
            .iter()
            .map(|n| {
                document
                    .find(&escaped(n))
                    .unwrap_or_else(|| panic!("{n:?} missing"))
            })
            .collect();
        assert!(
            positions.is_sorted(),
            "out of order: {needles:?} at {positions:?}"
        );
    }

    #[test]
    fn every_part_is_there_and_well_formed() {
        let notat = outline(&input(), &outline_words(Locale::da));
        let bytes = render(
            &notat,
            &DocumentWords::of(Locale::da),
            "Roskilde Kommune · Offentliggjort 3. december 2026",
        )
        .unwrap();
        let parts = parts(&bytes);
        for name in PARTS {
            assert!(parts.iter().any(|(n, _)| n == name), "{name} missing");
        }
        for (name, xml) in &parts {
            assert_well_formed(name, xml);
        }
        let document = part(&parts, "word/document.xml");
        assert_eq!(
            document.matches("<w:p>").count(),
            document.matches("</w:p>").count()
        );
        assert_eq!(
            document.matches("<w:tbl>").count(),
            document.matches("</w:tbl>").count()
        );
        assert!(part(&parts, "word/settings.xml").contains(r#"<w:updateFields w:val="true"/>"#));
        assert!(part(&parts, "word/styles.xml").contains(r#"<w:lang w:val="da-DK""#));
        assert!(part(&parts, "docProps/core.xml").contains("<dc:language>da-DK</dc:language>"));
        let footer = part(&parts, "word/footer1.xml");
        assert!(
            footer.contains("Side ") && footer.contains(" PAGE ") && footer.contains(" NUMPAGES ")
        );
    }

    #[test]
    fn headings_follow_the_model_and_fill_the_contents() {
        let notat = outline(&input(), &outline_words(Locale::da));
        let parts = parts(&render(&notat, &DocumentWords::of(Locale::da), "").unwrap());
        let document = part(&parts, "word/document.xml");
        let expected: Vec<String> = notat
            .sections
            .iter()
            .filter(|s| s.level == 1)
            .map(|s| escaped(&s.heading))
            .collect();
        assert_eq!(paragraphs_in(document, "Heading1"), expected);
        // The contents list the same headings before the field updates.
        assert_eq!(paragraphs_in(document, "TOC1"), expected);
        // The respondents are section 1.2, under the hearing.
        assert!(
            paragraphs_in(document, "Heading2").contains(&"Høringssvar modtaget fra".to_owned())
        );
        assert!(document.contains(r#" TOC \o "1-3" \h \z \u "#));
        assert_eq!(
            paragraphs_in(document, "TOC2"),
            paragraphs_in(document, "Heading2")
        );
        // Points on the same section share one heading.
        let level2 = paragraphs_in(document, "Heading2");
        let mut deduped = level2.clone();
        deduped.dedup();
        assert_eq!(level2, deduped);
        assert!(level2.contains(&"3 Uddannelse &amp; beskæftigelse".to_owned()));
        assert!(level2.contains(&"§ 3.1".to_owned()));
    }

    #[test]
    fn the_consultees_are_alphabetical_and_the_remarks_in_order() {
        let notat = outline(&input(), &outline_words(Locale::da));
        let parts = parts(&render(&notat, &DocumentWords::of(Locale::da), "").unwrap());
        let document = part(&parts, "word/document.xml");
        // The høringsliste's table (its heading's last mention: the contents name it first),
        // after the list of respondents, which names some of the parties too.
        let document = &document[document
            .rfind(&escaped("Høringsliste"))
            .expect("the høringsliste")..];
        // Danish order: Aa sorts as Å, last.
        let organisations = [
            "Børne- og Ungerådet",
            "Dansk Flygtningehjælp",
            "Handicaprådet",
            "Zonta Club Roskilde",
            "Ældre Sagen Roskilde",
            "Aarhus Stift",
        ]
        .map(String::from);
        ascending(document, &organisations);

        let remarks: Vec<String> = notat
            .sections
            .iter()
            .flat_map(|s| &s.items)
            .filter_map(|i| match i {
                NotatItem::Point(point) => point.remark.clone(),
                _ => None,
            })
            .collect();
        assert_eq!(remarks.len(), 5);
        ascending(document, &remarks);
        assert_eq!(
            document
                .matches("Administrationens bemærkning er ikke offentliggjort endnu.")
                .count(),
            3
        );
        assert!(document.contains("Konklusion:"));
        assert!(document.contains("Giver anledning til ændring (version 2, § 2.3)"));
        assert!(document.contains("Høringssvar fra:"));
        assert!(document.contains("Kampagne: 2 enslydende svar"));
        assert_eq!(document.matches("Tilføjet tekst er ").count(), 1);
        assert!(document.contains(
            r#"<w:rStyle w:val="DiffInsert"/></w:rPr><w:t xml:space="preserve">gerne </w:t>"#
        ));
        assert!(document.contains(
            r#"<w:rStyle w:val="DiffDelete"/></w:rPr><w:t xml:space="preserve">nogle</w:t>"#
        ));
        assert!(document.contains(r#"<w:tblHeader/>"#));
        assert!(document.contains(r#"<w:tblW w:w="5000" w:type="pct"/>"#));
    }

    #[test]
    fn special_characters_survive_and_no_address_leaks() {
        let notat = outline(&input(), &outline_words(Locale::da));
        let parts = parts(
            &render(
                &notat,
                &DocumentWords::of(Locale::da),
                "Udkast – ikke offentliggjort",
            )
            .unwrap(),
        );
        let document = part(&parts, "word/document.xml");
        assert!(document.contains(
            "Muligheder &amp; medborgerskab &lt;Integrationspolitik&gt; &quot;2026&quot; 🌍"
        ));
        assert!(part(&parts, "docProps/core.xml").contains("&lt;Integrationspolitik&gt;"));
        // Named only as their consent allows.
        assert!(document.contains("Bo Hansen, Ældre Sagen Roskilde"));
        for hidden in ["Berg", "Dora", "Carl Nielsen", "Eva Holm"] {
            assert!(!document.contains(hidden), "{hidden}");
        }
        assert!(document.contains("æøå-kurser"));
        // The line break in what was said is a break, not a raw newline.
        assert!(document.contains("minoritetsbaggrund.</w:t><w:br/>"));
        assert!(document.contains("Boligsociale tiltag mangler i afsnittet."));
        for (name, xml) in &parts {
            assert!(!xml.contains('@'), "{name} holds an e-mail address");
            assert!(!xml.contains("anna@example.dk"));
        }
    }

    /// Renders the sample in `locale` and checks its phrases, its language tag and the footer's
    /// page word; returns the document's XML for more checks.
    fn assert_wording(
        locale: Locale,
        byline: &str,
        phrases: &[&str],
        language: &str,
        page: &str,
    ) -> String {
        let notat = outline(&input(), &outline_words(locale));
        let parts = parts(&render(&notat, &DocumentWords::of(locale), byline).unwrap());
        let document = part(&parts, "word/document.xml");
        for phrase in phrases {
            assert!(document.contains(phrase), "{phrase}");
        }
        let tag = format!("<dc:language>{language}</dc:language>");
        assert!(part(&parts, "docProps/core.xml").contains(&tag));
        assert!(part(&parts, "word/footer1.xml").contains(page));
        document.to_string()
    }

    #[test]
    fn english_wording() {
        assert_wording(
            Locale::en,
            "Draft",
            &[
                "Contents",
                "Responses from:",
                "What was said",
                "The administration&apos;s comment",
                "Conclusion:",
                "Added text is ",
            ],
            "en-GB",
            "Page ",
        );
    }

    #[test]
    fn ukrainian_wording() {
        let document = assert_wording(
            Locale::uk,
            "Чернетка",
            &[
                "Звіт про обговорення",
                "Зміст",
                "Відгуки від:",
                "Що було сказано",
                "Відгуки та коментарі",
                "Доданий текст ",
            ],
            "uk-UA",
            "Сторінка ",
        );
        assert!(!document.contains("Høringssvar fra"));
    }

    #[test]
    fn the_same_notat_gives_the_same_bytes() {
        let notat = outline(&input(), &outline_words(Locale::da));
        assert_eq!(
            render(&notat, &DocumentWords::of(Locale::da), "x").unwrap(),
            render(&notat, &DocumentWords::of(Locale::da), "x").unwrap()
        );
    }

    #[test]
    fn escaping_drops_what_xml_forbids() {
        assert_eq!(escaped("a&b<c>d\"e'f"), "a&amp;b&lt;c&gt;d&quot;e&apos;f");
        assert_eq!(escaped("x\u{0}\u{8}\u{1b}\u{85}\u{FFFE}y\tz\n"), "xy\tz\n");
        assert_eq!(escaped("æøå 🌍"), "æøå 🌍");
        // Neighbours of what is dropped are kept.
        assert_eq!(
            escaped("\u{9F}\u{A0}\u{FFFD}\u{FFFF}\u{FFFC}\u{7F}~"),
            "\u{A0}\u{FFFD}\u{FFFC}~"
        );
        let mut out = String::new();
        run(&mut out, "", "a\r\nb\rc\td");
        assert_eq!(
            out,
            concat!(
                r#"<w:r><w:t xml:space="preserve">a</w:t><w:br/><w:t xml:space="preserve">b</w:t>"#,
                r#"<w:br/><w:t xml:space="preserve">c</w:t><w:tab/><w:t xml:space="preserve">d</w:t></w:r>"#
            )
        );
    }

    /// 100,000 points on twenty sections. Ignored as it takes a while in a debug build:
    /// `cargo test --release -- --ignored --nocapture large`.
    #[test]
    #[ignore]
    fn large_notat_renders_quickly() {
        let mut input = input();
        input.sections = (1..=20)
            .map(|n| DraftSection {
                number: n.to_string(),
                heading: format!("Afsnit nummer {n}"),
            })
            .collect();
        input.points = (0..100_000)
            .map(|i| {
                let target = RemarkTarget::Response(1 + i % 7);
                let remark = (i % 3 != 0).then(|| {
                    published(
                        target.clone(),
                        "Administrationen er enig i, at indsatsen skal styrkes, og har tilføjet det i afsnittet.",
                        if i % 2 == 0 { Outcome::Noted } else { Outcome::NoChange },
                    )
                });
                point(
                    Some(&(1 + i % 20).to_string()),
                    "Høringssvaret peger på, at der mangler konkrete mål for sprogundervisning, og at foreningslivet bør inddrages mere.",
                    target,
                    remark,
                )
            })
            .collect();
        let notat = outline(&input, &outline_words(Locale::da));
        let guess = estimate(&notat);
        let start = Instant::now();
        let bytes = render(&notat, &DocumentWords::of(Locale::da), "Roskilde Kommune").unwrap();
        let took = start.elapsed();
        println!("100,000 points: {} bytes in {took:?}", bytes.len());
        let parts = parts(&bytes);
        let document = part(&parts, "word/document.xml");
        println!(
            "word/document.xml: {} bytes, estimated {guess}",
            document.len()
        );
        assert_eq!(document.matches("Hvad blev sagt").count(), 100_000 + 2);
    }

    /// Writes the sample to the path in `HOERING_DOCX_SAMPLE` for a look in Word or
    /// LibreOffice: `HOERING_DOCX_SAMPLE=/tmp/notat-sample.docx cargo test -- --ignored sample`.
    #[test]
    #[ignore]
    fn write_sample() {
        let Ok(path) = std::env::var("HOERING_DOCX_SAMPLE") else {
            return;
        };
        let mut input = input();
        input.hearing.title = "Muligheder og medborgerskab – Integrationspolitik".into();
        input.points.push(point(
            Some("1"),
            "Alle borgere i Roskilde Kommune skal – uanset etnisk oprindelse – have lige muligheder for at tage en uddannelse eller et job og være aktive medborgere. De fleste mennesker ønsker at klare sig selv, have en tryg hverdag og indgå i sociale fællesskaber.\n\nVi foreslår, at politikken nævner de frivillige foreninger udtrykkeligt, da de bærer en stor del af integrationsindsatsen i lokalsamfundet.",
            RemarkTarget::Response(2),
            Some(published(
                RemarkTarget::Response(2),
                "Administrationen er enig i, at de frivillige foreninger spiller en central rolle. Afsnit 1 er derfor suppleret med en sætning om, at integrationsindsatsen også bygger på kommunens mange frivillige kræfter.",
                Outcome::Change {
                    version: 2,
                    block: "1.2".into(),
                },
            )),
        ));
        input.changes.push(BlockChanges {
            block: "1.2".into(),
            ops: vec![
                DiffOp::Equal("Vi vil fremme medborgerskabet og sikre, at integrationsindsatsen ".into()),
                DiffOp::Delete("bygger på kommunens indsats".into()),
                DiffOp::Insert("også bygger på kommunens mange frivillige kræfter".into()),
                DiffOp::Equal(". Vellykket integration fordrer åbenhed, imødekommenhed og støtte i lokalsamfund, foreningsliv og på arbejdspladser.".into()),
            ],
        });
        let notat = outline(&input, &outline_words(Locale::da));
        let bytes = render(
            &notat,
            &DocumentWords::of(Locale::da),
            "Roskilde Kommune · Offentliggjort 3. december 2026",
        )
        .unwrap();
        std::fs::write(&path, bytes).unwrap();
        println!("wrote {path}");
    }
}
