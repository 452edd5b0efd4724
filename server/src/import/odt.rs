//! LibreOffice's .odt (OpenDocument text): headings, paragraphs, nested lists, tables, notes
//! and links from content.xml, bold and italic from its styles. Tracked changes are kept as
//! LibreOffice shows them (the deleted text lives apart and is not read); comments, pictures
//! and headers are reported.

use super::xml::{Element, Node, walk};
use super::{ImportError, Zip, drawing_left_out, has_text, make_link, table};
use hoering::import::{Draft, LeftOut, Marker, Note, Piece, Span, safe_link};
use std::collections::HashMap;

/// A style's effect on text: bold, italic, the style it inherits from, and for list styles
/// whether each level is numbered (with its start and whether ")" follows).
#[derive(Default, Clone)]
struct Style {
    bold: Option<bool>,
    italic: Option<bool>,
    parent: Option<String>,
    heading: bool,
    levels: HashMap<u8, Option<(u32, bool)>>,
}

#[derive(Default)]
struct Styles(HashMap<String, Style>);

impl Styles {
    fn read(&mut self, xml: &str) -> Result<(), ImportError> {
        let mut current: Option<String> = None;
        let mut list: Option<String> = None;
        walk(xml, |node| {
            let Node::Open(e) = node else {
                if let Node::Close("style" | "list-style") = node {
                    current = None;
                    list = None;
                }
                return;
            };
            match e.name {
                "style" => {
                    let name = e.attr("name").unwrap_or_default().to_string();
                    let style = self.0.entry(name.clone()).or_default();
                    style.parent = e.attr("parent-style-name").map(str::to_string);
                    let display = e.attr("display-name").unwrap_or(&name).to_lowercase();
                    style.heading = matches!(display.as_str(), "title" | "titel");
                    current = Some(name);
                }
                "list-style" => list = e.attr("name").map(str::to_string),
                "text-properties" => {
                    if let Some(style) = current.as_ref().and_then(|n| self.0.get_mut(n)) {
                        if let Some(w) = e.attr("font-weight") {
                            style.bold =
                                Some(w == "bold" || w.parse::<u32>().is_ok_and(|n| n >= 600));
                        }
                        if let Some(s) = e.attr("font-style") {
                            style.italic = Some(s == "italic" || s == "oblique");
                        }
                    }
                }
                "list-level-style-number" | "list-level-style-bullet" => {
                    if let Some(name) = &list {
                        let level = e
                            .attr("level")
                            .and_then(|l| l.parse::<u8>().ok())
                            .unwrap_or(1);
                        let numbered = (e.name == "list-level-style-number"
                            && e.attr("num-format").is_some_and(|f| !f.is_empty()))
                        .then(|| {
                            (
                                e.attr("start-value")
                                    .and_then(|v| v.parse().ok())
                                    .unwrap_or(1),
                                e.attr("num-suffix") == Some(")"),
                            )
                        });
                        self.0
                            .entry(name.clone())
                            .or_default()
                            .levels
                            .insert(level.saturating_sub(1), numbered);
                    }
                }
                _ => {}
            }
        })
    }

    fn look<T>(&self, name: &str, get: impl Fn(&Style) -> Option<T>) -> Option<T> {
        let mut next = Some(name);
        for _ in 0..12 {
            let style = self.0.get(next?)?;
            if let Some(v) = get(style) {
                return Some(v);
            }
            next = style.parent.as_deref();
        }
        None
    }
}

/// An open list: its style, and the numbers given so far.
struct List {
    style: Option<String>,
}

pub(super) fn read(zip: &Zip<'_>) -> Result<Draft, ImportError> {
    let mut styles = Styles::default();
    let mut furniture = false;
    if let Some(xml) = zip.optional("styles.xml")? {
        styles.read(&xml)?;
        let mut inside = 0usize;
        walk(&xml, |node| match node {
            Node::Open(e) if matches!(e.name, "header" | "footer") => inside += 1,
            Node::Close("header" | "footer") => inside = inside.saturating_sub(1),
            Node::Text(t) if inside > 0 => furniture |= !t.trim().is_empty(),
            _ => {}
        })?;
    }
    let content = zip.part("content.xml")?;
    styles.read(&content)?;
    let mut reader = Reader::new(&styles);
    walk(&content, |node| reader.visit(node))?;
    let mut draft = reader.finish();
    if furniture {
        draft.left_out.push(LeftOut::HeadersFooters);
    }
    Ok(draft)
}

struct Block {
    spans: Vec<Span>,
    heading: Option<u8>,
    style: Option<String>,
}

/// An open span's bold and italic, where it sets them (`None`: as the text around it).
type SpanStyle = (Option<bool>, Option<bool>);

struct Reader<'s> {
    styles: &'s Styles,
    pieces: Vec<Piece>,
    notes: Vec<Note>,
    left_out: Vec<LeftOut>,
    comments: usize,
    changes: usize,
    in_body: bool,
    /// Inside tracked-change records, comments, a note's citation, a table of contents.
    skipping: usize,
    blocks: Vec<Block>,
    /// Paragraphs of text boxes and notes' bodies, kept for after the paragraph holding them.
    deferred: Vec<Piece>,
    lists: Vec<List>,
    /// The styles of the open spans.
    spans: Vec<SpanStyle>,
    link: Option<(String, usize)>,
    table: Option<(usize, Vec<Vec<Vec<Span>>>)>,
    /// The note being read: its key, the pieces it starts at, and the open blocks then.
    note: Option<(String, usize, Vec<Block>)>,
    frame: Option<(String, bool)>,
}

impl<'s> Reader<'s> {
    fn new(styles: &'s Styles) -> Reader<'s> {
        Reader {
            styles,
            pieces: Vec::new(),
            notes: Vec::new(),
            left_out: Vec::new(),
            comments: 0,
            changes: 0,
            in_body: false,
            skipping: 0,
            blocks: Vec::new(),
            deferred: Vec::new(),
            lists: Vec::new(),
            spans: Vec::new(),
            link: None,
            table: None,
            note: None,
            frame: None,
        }
    }

    fn finish(mut self) -> Draft {
        if self.comments > 0 {
            self.left_out.push(LeftOut::Comments(self.comments));
        }
        if self.changes > 0 {
            self.left_out.push(LeftOut::TrackedChanges(self.changes));
        }
        Draft {
            pieces: self.pieces,
            notes: self.notes,
            left_out: self.left_out,
        }
    }

    fn text(&mut self, text: &str) {
        if self.skipping > 0 || !self.in_body {
            return;
        }
        let styles = self.styles;
        let Some(block) = self.blocks.last_mut() else {
            return;
        };
        // The innermost span that sets it, else the paragraph's style (and its parents).
        let spans = &self.spans;
        let format = |of_span: fn(&SpanStyle) -> Option<bool>,
                      of_style: fn(&Style) -> Option<bool>| {
            spans.iter().rev().find_map(of_span).unwrap_or_else(|| {
                block
                    .style
                    .as_deref()
                    .and_then(|s| styles.look(s, of_style))
                    .unwrap_or(false)
            })
        };
        let bold = format(|(b, _)| *b, |s| s.bold);
        let italic = format(|(_, i)| *i, |s| s.italic);
        block.spans.push(Span::Text {
            text: text.to_string(),
            bold,
            italic,
        });
    }

    fn visit(&mut self, node: Node<'_>) {
        match node {
            Node::Open(e) => self.open(&e),
            Node::Close(name) => self.close(name),
            Node::Text(t) => self.text(t),
        }
    }

    fn open(&mut self, e: &Element<'_>) {
        match e.name {
            "text" if !self.in_body => self.in_body = true,
            "tracked-changes" | "annotation" | "note-citation" | "table-of-content"
            | "alphabetical-index" | "sequence-decls" => {
                if e.name == "annotation" {
                    self.comments += 1;
                }
                self.skipping += 1;
            }
            "changed-region" => self.changes += 1,
            _ if self.skipping > 0 || !self.in_body => {}
            "h" | "p" => {
                let style = e.attr("style-name").map(str::to_string);
                let heading = if e.name == "h" {
                    Some(
                        e.attr("outline-level")
                            .and_then(|l| l.parse::<u8>().ok())
                            .unwrap_or(1)
                            .clamp(1, 6),
                    )
                } else {
                    style
                        .as_deref()
                        .and_then(|s| self.styles.look(s, |st| st.heading.then_some(1)))
                };
                self.blocks.push(Block {
                    spans: Vec::new(),
                    heading,
                    style,
                });
            }
            "span" => {
                let (bold, italic) = e.attr("style-name").map_or((None, None), |s| {
                    (
                        self.styles.look(s, |st| st.bold),
                        self.styles.look(s, |st| st.italic),
                    )
                });
                self.spans.push((bold, italic));
            }
            "s" => {
                let n = e.attr("c").and_then(|c| c.parse().ok()).unwrap_or(1usize);
                self.text(&" ".repeat(n.min(8)));
            }
            "tab" => self.text(" "),
            "line-break" => {
                if let Some(b) = self.blocks.last_mut() {
                    b.spans.push(Span::LineBreak);
                }
            }
            "a" => {
                let from = self.blocks.last().map_or(0, |b| b.spans.len());
                self.link = Some((e.attr("href").unwrap_or_default().to_string(), from));
            }
            "list" => {
                let style = e
                    .attr("style-name")
                    .map(str::to_string)
                    .or_else(|| self.lists.last().and_then(|l| l.style.clone()));
                self.lists.push(List { style });
            }
            "note" => {
                let key = format!("n{}", self.notes.len() + self.note.iter().count() + 1);
                if let Some(b) = self.blocks.last_mut() {
                    b.spans.push(Span::NoteRef(key.clone()));
                }
                let open = std::mem::take(&mut self.blocks);
                self.note = Some((key, self.pieces.len(), open));
            }
            "frame" => self.frame = Some((e.attr("name").unwrap_or_default().to_string(), false)),
            "text-box" => {
                if let Some((_, text_box)) = self.frame.as_mut() {
                    *text_box = true;
                }
                // Its paragraphs are read as paragraphs of their own.
                let open = std::mem::take(&mut self.blocks);
                self.note = self
                    .note
                    .take()
                    .or(Some((String::new(), self.pieces.len(), open)));
            }
            "table" => match self.table.as_mut() {
                Some((depth, _)) => *depth += 1,
                None => self.table = Some((1, Vec::new())),
            },
            "table-row" => {
                if let Some((1, rows)) = self.table.as_mut() {
                    rows.push(Vec::new());
                }
            }
            "table-cell" => {
                if let Some((1, rows)) = self.table.as_mut()
                    && let Some(row) = rows.last_mut()
                {
                    row.push(Vec::new());
                }
            }
            _ => {}
        }
    }

    fn close(&mut self, name: &str) {
        match name {
            "tracked-changes" | "annotation" | "note-citation" | "table-of-content"
            | "alphabetical-index" | "sequence-decls" => {
                self.skipping = self.skipping.saturating_sub(1)
            }
            _ if self.skipping > 0 || !self.in_body => {}
            "span" => {
                self.spans.pop();
            }
            "a" => {
                if let (Some((target, from)), Some(b)) = (self.link.take(), self.blocks.last_mut())
                {
                    if safe_link(&target) {
                        make_link(&mut b.spans, from, target);
                    } else if !target.starts_with('#') {
                        self.left_out.push(LeftOut::Link(target));
                    }
                }
            }
            "h" | "p" => {
                if let Some(block) = self.blocks.pop() {
                    self.block(block);
                }
            }
            "list" => {
                self.lists.pop();
            }
            "note" | "text-box" => {
                if let Some((key, from, open)) = self.note.take() {
                    let pieces: Vec<Piece> = self.pieces.drain(from..).collect();
                    self.blocks = open;
                    if name == "note" {
                        let mut text = Vec::new();
                        for piece in pieces {
                            if !text.is_empty() {
                                text.push(Span::plain(" "));
                            }
                            text.extend(match piece {
                                Piece::Heading { text, .. }
                                | Piece::Paragraph(text)
                                | Piece::Item { text, .. } => text,
                                Piece::Table(_) => Vec::new(),
                            });
                        }
                        self.notes.push(Note { key, text });
                    } else {
                        self.deferred.extend(pieces);
                    }
                }
            }
            "frame" => {
                self.left_out
                    .extend(self.frame.take().map(drawing_left_out));
            }
            "table" => {
                if let Some((depth, rows)) = self.table.as_mut() {
                    if *depth > 1 {
                        *depth -= 1;
                    } else {
                        let rows = std::mem::take(rows);
                        self.table = None;
                        self.pieces.extend(table(rows));
                    }
                }
            }
            _ => {}
        }
    }

    fn block(&mut self, block: Block) {
        let has_text = has_text(&block.spans);
        if let Some((_, rows)) = self.table.as_mut() {
            if let Some(cell) = rows.last_mut().and_then(|r| r.last_mut())
                && has_text
            {
                if !cell.is_empty() {
                    cell.push(Span::LineBreak);
                }
                cell.extend(block.spans);
            }
            return;
        }
        if has_text {
            let piece = match (block.heading, self.lists.len()) {
                (Some(level), _) => Piece::Heading {
                    level,
                    text: block.spans,
                },
                (None, 0) => Piece::Paragraph(block.spans),
                (None, n) => {
                    let depth = (n - 1) as u8;
                    let numbered = self
                        .lists
                        .first()
                        .and_then(|l| l.style.as_deref())
                        .and_then(|s| {
                            self.styles
                                .0
                                .get(s)
                                .and_then(|st| st.levels.get(&depth).copied().flatten())
                        });
                    let marker = match numbered {
                        Some((start, paren)) => Marker::Number { start, paren },
                        None => Marker::Bullet,
                    };
                    Piece::Item {
                        depth,
                        marker,
                        text: block.spans,
                    }
                }
            };
            self.pieces.push(piece);
        }
        if self.blocks.is_empty() {
            let deferred: Vec<Piece> = self.deferred.drain(..).collect();
            self.pieces.extend(deferred);
        }
    }
}
