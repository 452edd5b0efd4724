//! Drafts from word processors: the text of a Word or LibreOffice document as the server's
//! DOCX and ODT readers find it, and the Markdown the document model reads, with a list of
//! what could not come along so the clerk is told instead of losing it silently.

#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};

/// A document's text in reading order, as structure (no styling beyond bold and italic).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Draft {
    pub pieces: Vec<Piece>,
    /// Footnotes and endnotes by the key their references use.
    pub notes: Vec<Note>,
    pub left_out: Vec<LeftOut>,
}

/// One paragraph-level part of the text.
#[derive(Debug, Clone, PartialEq)]
pub enum Piece {
    /// A heading 1–6 (Word's "Titel"/"Title" is level 1).
    Heading {
        level: u8,
        text: Vec<Span>,
    },
    Paragraph(Vec<Span>),
    /// A list item at `depth` (0 = top level).
    Item {
        depth: u8,
        marker: Marker,
        text: Vec<Span>,
    },
    /// Rows of cells; the first row is the header.
    Table(Vec<Vec<Vec<Span>>>),
}

/// How a list item is marked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marker {
    Bullet,
    /// Numbered "1." (`paren`: "1)"), starting at `start` when it opens a list.
    Number {
        start: u32,
        paren: bool,
    },
}

/// A run of text.
#[derive(Debug, Clone, PartialEq)]
pub enum Span {
    Text {
        text: String,
        bold: bool,
        italic: bool,
    },
    /// A link the reader may follow: only http, https and mailto targets get here.
    Link {
        text: String,
        target: String,
    },
    /// A reference to the note with this key.
    NoteRef(String),
    LineBreak,
}

impl Span {
    pub fn plain(text: impl Into<String>) -> Span {
        Span::Text {
            text: text.into(),
            bold: false,
            italic: false,
        }
    }
}

/// A footnote or endnote.
#[derive(Debug, Clone, PartialEq)]
pub struct Note {
    pub key: String,
    pub text: Vec<Span>,
}

/// Something in the file that the draft does not carry, told to the clerk before anything
/// is stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum LeftOut {
    /// A picture, by the name or description the file gives it.
    Image(String),
    /// Comments in the margin (their count).
    Comments(usize),
    /// Tracked changes: the accepted text was taken (their count).
    TrackedChanges(usize),
    /// Headers and footers are page furniture, not policy text.
    HeadersFooters,
    /// A link to something other than a web page or an e-mail address: kept as text.
    Link(String),
    /// A list numbered "a)", "i." or the like: shown with numbers.
    Numbering(String),
    /// A text box: its text was kept as paragraphs where the box was anchored.
    TextBox,
}

/// Whether `target` may stay a link in a public draft.
pub fn safe_link(target: &str) -> bool {
    let lower = target.trim().to_ascii_lowercase();
    ["http://", "https://", "mailto:"]
        .iter()
        .any(|scheme| lower.starts_with(scheme) && lower.len() > scheme.len())
}

/// The draft as Markdown the document model reads: headings, paragraphs, nested lists,
/// tables and footnotes, with every character of the text taken literally.
pub fn to_markdown(draft: &Draft) -> String {
    let mut out = String::new();
    // The open lists: (depth, the width of the marker's indent) from the outermost.
    let mut lists: Vec<(u8, usize)> = Vec::new();
    let mut counters: Vec<(u8, u32)> = Vec::new();
    let mut previous_was_item = false;
    for piece in &draft.pieces {
        match piece {
            Piece::Item {
                depth,
                marker,
                text,
            } => {
                while lists.last().is_some_and(|(d, _)| d > depth) {
                    lists.pop();
                }
                counters.retain(|(d, _)| d <= depth);
                let indent: usize = lists
                    .iter()
                    .filter(|(d, _)| d < depth)
                    .map(|(_, w)| *w)
                    .sum();
                let mark = match marker {
                    Marker::Bullet => {
                        counters.retain(|(d, _)| d != depth);
                        "-".to_string()
                    }
                    Marker::Number { start, paren } => {
                        let n = match counters.iter_mut().find(|(d, _)| d == depth) {
                            Some((_, n)) => {
                                *n += 1;
                                *n
                            }
                            None => {
                                counters.push((*depth, *start));
                                *start
                            }
                        };
                        format!("{n}{}", if *paren { ")" } else { "." })
                    }
                };
                if lists.last().is_some_and(|(d, _)| d == depth) {
                    lists.pop();
                }
                lists.push((*depth, mark.chars().count() + 1));
                if !previous_was_item && !out.is_empty() {
                    out.push('\n');
                }
                let body = inline(text, false);
                let pad = " ".repeat(indent);
                out.push_str(&pad);
                out.push_str(&mark);
                out.push(' ');
                // A continued line sits under the item's text, not under its marker.
                let under = " ".repeat(indent + mark.chars().count() + 1);
                out.push_str(&body.replace('\n', &format!("\n{under}")));
                out.push('\n');
                previous_was_item = true;
                continue;
            }
            _ => {
                lists.clear();
                counters.clear();
                if !out.is_empty() {
                    out.push('\n');
                }
            }
        }
        previous_was_item = false;
        match piece {
            Piece::Heading { level, text } => {
                let level = (*level).clamp(1, 6) as usize;
                out.push_str(&"#".repeat(level));
                out.push(' ');
                // Word processors make headings bold by their style: that is the heading's
                // look, not emphasis in its words.
                let plain: Vec<Span> = text
                    .iter()
                    .map(|span| match span {
                        Span::Text { text, .. } => Span::plain(text.clone()),
                        other => other.clone(),
                    })
                    .collect();
                out.push_str(&inline(&plain, true).replace('\n', " "));
                out.push('\n');
            }
            Piece::Paragraph(text) => {
                out.push_str(&inline(text, false));
                out.push('\n');
            }
            Piece::Table(rows) => table(&mut out, rows),
            Piece::Item { .. } => {}
        }
    }
    let referenced: Vec<&Note> = draft
        .notes
        .iter()
        .filter(|n| draft.pieces.iter().any(|p| mentions(p, &n.key)))
        .collect();
    for note in referenced {
        out.push('\n');
        out.push_str(&format!(
            "[^{}]: {}\n",
            note_label(&note.key),
            inline(&note.text, true).replace('\n', " ")
        ));
    }
    out
}

fn mentions(piece: &Piece, key: &str) -> bool {
    let has = |spans: &[Span]| {
        spans
            .iter()
            .any(|s| matches!(s, Span::NoteRef(k) if k == key))
    };
    match piece {
        Piece::Heading { text, .. } | Piece::Paragraph(text) | Piece::Item { text, .. } => {
            has(text)
        }
        Piece::Table(rows) => rows.iter().flatten().any(|c| has(c)),
    }
}

/// A note's key as a Markdown footnote label (letters, digits, '-' and '_' only).
fn note_label(key: &str) -> String {
    let label: String = key
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    if label.is_empty() {
        "note".into()
    } else {
        label
    }
}

fn table(out: &mut String, rows: &[Vec<Vec<Span>>]) {
    let width = rows.iter().map(Vec::len).max().unwrap_or(0).max(1);
    let cell = |spans: &[Span]| inline(spans, true).replace('\n', " ");
    let line = |out: &mut String, cells: Vec<String>| {
        out.push('|');
        for c in cells {
            out.push(' ');
            out.push_str(&c);
            out.push_str(" |");
        }
        out.push('\n');
    };
    let mut rows = rows.iter();
    let header = rows.next().map(|r| r.as_slice()).unwrap_or(&[]);
    let padded = |r: &[Vec<Span>]| {
        (0..width)
            .map(|i| r.get(i).map(|c| cell(c)).unwrap_or_default())
            .collect::<Vec<_>>()
    };
    line(out, padded(header));
    line(out, vec!["---".to_string(); width]);
    for r in rows {
        line(out, padded(r));
    }
}

/// The spans as one Markdown paragraph (`one_line`: line breaks become spaces).
fn inline(spans: &[Span], one_line: bool) -> String {
    // First every piece as literal Markdown, with the emphasis it asks for; then the markers
    // go in only where CommonMark will read them as markers (its flanking rules), so a run
    // that cannot be bold in Markdown loses its bold, never its words.
    let pieces: Vec<(String, Option<&str>)> = merged(spans)
        .iter()
        .map(|span| match span {
            Span::Text { text, bold, italic } => {
                let mark = match (bold, italic) {
                    (true, true) => Some("***"),
                    (true, false) => Some("**"),
                    (false, true) => Some("*"),
                    (false, false) => None,
                };
                (collapse_spaces(&escape(text)), mark)
            }
            Span::Link { text, target } => {
                let shown = if text.trim().is_empty() { target } else { text };
                let shown = collapse_spaces(&escape(shown));
                let target = target.replace(['<', '>', '\n', '\r'], "");
                (format!("[{}](<{target}>)", shown.trim()), None)
            }
            Span::NoteRef(key) => (format!("[^{}]", note_label(key)), None),
            Span::LineBreak => ((if one_line { " " } else { "\\\n" }).to_string(), None),
        })
        .collect();
    let mut out = String::new();
    let mut marked_last = false;
    for (i, (text, mark)) in pieces.iter().enumerate() {
        let core = text.trim();
        let lead = &text[..text.len() - text.trim_start().len()];
        let trail = &text[text.trim_end().len()..];
        let before = if lead.is_empty() {
            out.chars().last()
        } else {
            Some(' ')
        };
        let after = if trail.is_empty() {
            pieces.get(i + 1).and_then(|(t, _)| t.chars().next())
        } else {
            Some(' ')
        };
        let opens = core.chars().next().is_some_and(|c| {
            !punctuation(c) || before.is_none_or(|b| b.is_whitespace() || punctuation(b))
        });
        let closes = core.chars().last().is_some_and(|c| {
            !punctuation(c) || after.is_none_or(|a| a.is_whitespace() || punctuation(a))
        });
        // Two marked pieces touching would make one run of markers ("**a***b*").
        let touching = marked_last && lead.is_empty();
        match mark {
            Some(mark) if !core.is_empty() && opens && closes && !touching => {
                out.push_str(lead);
                out.push_str(mark);
                out.push_str(core);
                out.push_str(mark);
                out.push_str(trail);
                marked_last = trail.is_empty();
            }
            _ => {
                out.push_str(text);
                marked_last = false;
            }
        }
    }
    // A paragraph's leading indent would read as code, runs of spaces as nothing.
    collapse_spaces(&out)
        .lines()
        .map(str::trim)
        .collect::<Vec<_>>()
        .join("\n")
}

/// CommonMark's punctuation for its flanking rules: ASCII punctuation and Unicode's
/// punctuation and symbols (approximated as neither letter, digit nor space).
fn punctuation(c: char) -> bool {
    c.is_ascii_punctuation() || !(c.is_alphanumeric() || c.is_whitespace())
}

/// Word splits text into runs at will ("Hel", "lo"): neighbours with the same style are one
/// run, or their emphasis markers would meet ("**Hel****lo**").
fn merged(spans: &[Span]) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::with_capacity(spans.len());
    for span in spans {
        if let (
            Some(Span::Text {
                text: before,
                bold: b1,
                italic: i1,
            }),
            Span::Text { text, bold, italic },
        ) = (out.last_mut(), span)
        {
            // Spaces carry no style: a space run joins either neighbour.
            if (b1 == bold && i1 == italic) || text.trim().is_empty() {
                before.push_str(text);
                continue;
            }
        }
        out.push(span.clone());
    }
    out
}

fn collapse_spaces(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        let c = if c == '\t' { ' ' } else { c };
        if c == ' ' {
            if !space {
                out.push(' ');
            }
            space = true;
        } else {
            out.push(c);
            space = false;
        }
    }
    out
}

/// Text taken literally: every character Markdown could read as syntax is escaped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let chars: Vec<char> = text.chars().collect();
    let mut at_line_start = true;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '!' | '^' => {
                out.push('\\');
                out.push(c);
            }
            '&' => {
                // Only what would read as an entity ("&amp;", "&#38;") needs the escape.
                let rest: String = chars[i + 1..].iter().take(33).collect();
                let entity = rest.find(';').is_some_and(|end| {
                    end > 0
                        && rest[..end]
                            .chars()
                            .all(|c| c.is_ascii_alphanumeric() || c == '#')
                });
                if entity {
                    out.push('\\');
                }
                out.push('&');
            }
            '#' | '-' | '+' | '=' if at_line_start => {
                out.push('\\');
                out.push(c);
            }
            '0'..='9' if at_line_start => {
                // "1." or "1)" opening a line would start a list.
                let mut j = i;
                while j < chars.len() && chars[j].is_ascii_digit() {
                    out.push(chars[j]);
                    j += 1;
                }
                if j < chars.len() && (chars[j] == '.' || chars[j] == ')') {
                    out.push('\\');
                    out.push(chars[j]);
                    j += 1;
                }
                i = j;
                at_line_start = false;
                continue;
            }
            '\n' | '\r' => {
                out.push(' ');
                i += 1;
                continue;
            }
            _ => out.push(c),
        }
        if !c.is_whitespace() {
            at_line_start = false;
        }
        i += 1;
    }
    out
}
