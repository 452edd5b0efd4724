//! Word's .docx (Office Open XML): the body, styles, numbering, footnotes, endnotes and links
//! read into a draft. Tracked changes are taken as accepted; comments, pictures and headers
//! are reported rather than imported.

use super::xml::{Element, Node, walk};
use super::{ImportError, Zip, drawing_left_out, has_text, make_link, table};
use hoering::import::{Draft, LeftOut, Marker, Note, Piece, Span, safe_link};
use std::collections::{BTreeSet, HashMap};

pub(super) fn read(zip: &Zip<'_>) -> Result<Draft, ImportError> {
    let styles = match zip.optional("word/styles.xml")? {
        Some(xml) => Styles::read(&xml)?,
        None => Styles::default(),
    };
    let numbering = match zip.optional("word/numbering.xml")? {
        Some(xml) => Numbering::read(&xml)?,
        None => Numbering::default(),
    };
    let links = match zip.optional("word/_rels/document.xml.rels")? {
        Some(xml) => relationships(&xml)?,
        None => Vec::new(),
    };
    let context = Context {
        styles: &styles,
        numbering: &numbering,
        links: &links,
    };
    let mut body = Walker::new(&context);
    walk(&zip.part("word/document.xml")?, |node| body.visit(node))?;
    let mut notes = Vec::new();
    let mut left_out = Vec::new();
    for (part, prefix) in [("word/footnotes.xml", "f"), ("word/endnotes.xml", "e")] {
        if let Some(xml) = zip.optional(part)? {
            let mut walker = Walker::new(&context);
            walker.note_prefix = prefix;
            walk(&xml, |node| walker.visit(node))?;
            notes.extend(walker.notes);
            left_out.extend(walker.left_out);
        }
    }
    left_out.splice(0..0, body.left_out.drain(..));
    if !body.comments.is_empty() {
        left_out.push(LeftOut::Comments(body.comments.len()));
    }
    if body.changes > 0 {
        left_out.push(LeftOut::TrackedChanges(body.changes));
    }
    let furniture = links
        .iter()
        .filter(|r| r.kind.ends_with("/header") || r.kind.ends_with("/footer"))
        .map(|r| {
            format!(
                "word/{}",
                r.target.trim_start_matches('/').trim_start_matches("word/")
            )
        })
        .collect::<Vec<_>>();
    for part in furniture {
        if let Some(xml) = zip.optional(&part)? {
            let mut text = false;
            walk(&xml, |node| {
                if let Node::Text(t) = node {
                    text |= !t.trim().is_empty();
                }
            })?;
            if text {
                left_out.push(LeftOut::HeadersFooters);
                break;
            }
        }
    }
    Ok(Draft {
        pieces: body.pieces,
        notes,
        left_out,
    })
}

/// What the body's paragraphs refer to.
struct Context<'a> {
    styles: &'a Styles,
    numbering: &'a Numbering,
    links: &'a [Relationship],
}

struct Relationship {
    id: String,
    kind: String,
    target: String,
    external: bool,
}

fn relationships(xml: &str) -> Result<Vec<Relationship>, ImportError> {
    let mut out = Vec::new();
    walk(xml, |node| {
        if let Node::Open(e) = node
            && e.name == "Relationship"
        {
            out.push(Relationship {
                id: e.attr("Id").unwrap_or_default().to_string(),
                kind: e.attr("Type").unwrap_or_default().to_string(),
                target: e.attr("Target").unwrap_or_default().to_string(),
                external: e.attr("TargetMode") == Some("External"),
            });
        }
    })?;
    Ok(out)
}

/// A paragraph style: what it makes of a paragraph, through the styles it is based on.
#[derive(Default, Clone)]
struct Style {
    name: String,
    based_on: Option<String>,
    outline: Option<u8>,
    numbering: Option<(String, u8)>,
}

#[derive(Default)]
struct Styles(HashMap<String, Style>);

impl Styles {
    fn read(xml: &str) -> Result<Styles, ImportError> {
        let mut styles = HashMap::new();
        let mut current: Option<(String, Style)> = None;
        let mut num_id: Option<String> = None;
        let mut level = 0u8;
        walk(xml, |node| match node {
            Node::Open(e) => match e.name {
                "style" => {
                    current = Some((
                        e.attr("styleId").unwrap_or_default().to_string(),
                        Style::default(),
                    ));
                    num_id = None;
                    level = 0;
                }
                "name" => {
                    if let Some((_, s)) = current.as_mut() {
                        s.name = e.attr("val").unwrap_or_default().to_string();
                    }
                }
                "basedOn" => {
                    if let Some((_, s)) = current.as_mut() {
                        s.based_on = e.attr("val").map(str::to_string);
                    }
                }
                "outlineLvl" => {
                    if let Some((_, s)) = current.as_mut() {
                        s.outline = e.attr("val").and_then(|v| v.parse().ok());
                    }
                }
                "numId" => num_id = e.attr("val").map(str::to_string),
                "ilvl" => level = e.attr("val").and_then(|v| v.parse().ok()).unwrap_or(0),
                _ => {}
            },
            Node::Close("numPr") => {
                if let (Some((_, s)), Some(id)) = (current.as_mut(), num_id.take()) {
                    s.numbering = Some((id, level));
                }
            }
            Node::Close("style") => {
                if let Some((id, style)) = current.take() {
                    styles.insert(id, style);
                }
            }
            _ => {}
        })?;
        Ok(Styles(styles))
    }

    /// The style and those it is based on, nearest first (a loop in the file ends the chain).
    fn chain(&self, id: &str) -> Vec<(&str, &Style)> {
        let mut out: Vec<(&str, &Style)> = Vec::new();
        let mut next = Some(id);
        while let Some(id) = next {
            match self.0.get_key_value(id) {
                Some((key, style)) if out.len() < 12 && !out.iter().any(|(k, _)| *k == key) => {
                    out.push((key, style));
                    next = style.based_on.as_deref();
                }
                _ => break,
            }
        }
        out
    }

    /// The heading level the style gives: Word's built-in names ("heading 2"), the Danish
    /// names Word and LibreOffice write ("Overskrift 2"), a title, or an outline level.
    fn heading(&self, id: &str) -> Option<u8> {
        let named = |text: &str| -> Option<u8> {
            let lower = text.trim().to_lowercase().replace(' ', "");
            if lower == "title" || lower == "titel" {
                return Some(1);
            }
            ["heading", "overskrift"].iter().find_map(|stem| {
                lower
                    .strip_prefix(stem)
                    .and_then(|n| n.parse::<u8>().ok())
                    .filter(|n| (1..=9).contains(n))
            })
        };
        if self.0.is_empty() || !self.0.contains_key(id) {
            return named(id);
        }
        self.chain(id).into_iter().find_map(|(key, style)| {
            named(&style.name)
                .or_else(|| named(key))
                .or_else(|| style.outline.filter(|l| *l < 9).map(|l| l + 1))
        })
    }

    fn numbering(&self, id: &str) -> Option<(String, u8)> {
        self.chain(id)
            .into_iter()
            .find_map(|(_, style)| style.numbering.clone())
    }
}

/// One level of a numbered or bulleted list as Word defines it.
#[derive(Clone)]
struct Level {
    format: String,
    text: String,
    start: u32,
}

#[derive(Default)]
struct Numbering {
    /// abstractNumId → level → definition.
    abstract_levels: HashMap<String, HashMap<u8, Level>>,
    /// numId → (abstractNumId, level → start override).
    nums: HashMap<String, (String, HashMap<u8, u32>)>,
}

impl Numbering {
    fn read(xml: &str) -> Result<Numbering, ImportError> {
        let mut out = Numbering::default();
        let mut abstract_id: Option<String> = None;
        let mut num: Option<String> = None;
        let mut level: Option<(u8, Level)> = None;
        let mut override_level: Option<u8> = None;
        walk(xml, |node| match node {
            Node::Open(e) => match e.name {
                "abstractNum" => abstract_id = e.attr("abstractNumId").map(str::to_string),
                "num" => {
                    num = e.attr("numId").map(str::to_string);
                    if let Some(id) = &num {
                        out.nums.entry(id.clone()).or_default();
                    }
                }
                "abstractNumId" => {
                    if let Some(id) = &num {
                        out.nums.entry(id.clone()).or_default().0 =
                            e.attr("val").unwrap_or_default().to_string();
                    }
                }
                "lvl" if abstract_id.is_some() => {
                    let ilvl = e.attr("ilvl").and_then(|v| v.parse().ok()).unwrap_or(0);
                    level = Some((
                        ilvl,
                        Level {
                            format: "decimal".into(),
                            text: String::new(),
                            start: 1,
                        },
                    ));
                }
                "lvlOverride" => override_level = e.attr("ilvl").and_then(|v| v.parse().ok()),
                "startOverride" => {
                    if let (Some(id), Some(l), Some(start)) = (
                        &num,
                        override_level,
                        e.attr("val").and_then(|v| v.parse().ok()),
                    ) {
                        out.nums.entry(id.clone()).or_default().1.insert(l, start);
                    }
                }
                "start" => {
                    if let Some((_, l)) = level.as_mut() {
                        l.start = e.attr("val").and_then(|v| v.parse().ok()).unwrap_or(1);
                    }
                }
                "numFmt" => {
                    if let Some((_, l)) = level.as_mut() {
                        l.format = e.attr("val").unwrap_or("decimal").to_string();
                    }
                }
                "lvlText" => {
                    if let Some((_, l)) = level.as_mut() {
                        l.text = e.attr("val").unwrap_or_default().to_string();
                    }
                }
                _ => {}
            },
            Node::Close("lvl") => {
                if let (Some(id), Some((ilvl, l))) = (&abstract_id, level.take()) {
                    out.abstract_levels
                        .entry(id.clone())
                        .or_default()
                        .insert(ilvl, l);
                }
            }
            Node::Close("abstractNum") => abstract_id = None,
            Node::Close("num") => num = None,
            _ => {}
        })?;
        Ok(out)
    }

    /// The level's definition, with the list's own start; `None` for "numId 0" (no list).
    fn level(&self, num_id: &str, ilvl: u8) -> Option<Level> {
        let (abstract_id, starts) = self.nums.get(num_id)?;
        let mut level = self.abstract_levels.get(abstract_id)?.get(&ilvl)?.clone();
        if let Some(start) = starts.get(&ilvl) {
            level.start = *start;
        }
        Some(level)
    }
}

/// A paragraph being read.
#[derive(Default)]
struct Paragraph {
    spans: Vec<Span>,
    style: Option<String>,
    outline: Option<u8>,
    num_id: Option<String>,
    ilvl: u8,
}

/// A table being read: its rows of cells.
#[derive(Default)]
struct Table {
    rows: Vec<Vec<Vec<Span>>>,
}

/// An open hyperlink: where it goes, and the text read inside it so far.
struct Link {
    target: Option<String>,
    spans_from: usize,
}

/// Reads a part's stream into pieces (the body) or notes (footnotes.xml, endnotes.xml).
struct Walker<'c> {
    context: &'c Context<'c>,
    pieces: Vec<Piece>,
    notes: Vec<Note>,
    left_out: Vec<LeftOut>,
    comments: BTreeSet<String>,
    changes: usize,
    note_prefix: &'static str,
    /// The note being read and the first piece that belongs to it.
    note: Option<(String, usize)>,
    paragraphs: Vec<Paragraph>,
    /// Paragraphs of text boxes, placed after the paragraph that holds the box.
    deferred: Vec<Piece>,
    tables: Vec<Table>,
    link: Option<Link>,
    bold: bool,
    italic: bool,
    /// Inside a run's properties (not the paragraph mark's).
    run_props: bool,
    in_run: bool,
    /// Inside deleted text, the fallback copy of a drawing, or a field's instruction.
    skipping: usize,
    /// The current drawing: its name, and whether it holds a text box.
    drawing: Option<(String, bool)>,
    numbering_told: BTreeSet<String>,
    /// Inside `w:t`: the only place a body's text is.
    in_text: bool,
}

impl<'c> Walker<'c> {
    fn new(context: &'c Context<'c>) -> Walker<'c> {
        Walker {
            context,
            pieces: Vec::new(),
            notes: Vec::new(),
            left_out: Vec::new(),
            comments: BTreeSet::new(),
            changes: 0,
            note_prefix: "f",
            note: None,
            paragraphs: Vec::new(),
            deferred: Vec::new(),
            tables: Vec::new(),
            link: None,
            bold: false,
            italic: false,
            run_props: false,
            in_run: false,
            skipping: 0,
            drawing: None,
            numbering_told: BTreeSet::new(),
            in_text: false,
        }
    }

    fn text(&mut self, text: &str) {
        if self.skipping > 0 {
            return;
        }
        if let Some(p) = self.paragraphs.last_mut() {
            p.spans.push(Span::Text {
                text: text.to_string(),
                bold: self.bold,
                italic: self.italic,
            });
        }
    }

    fn on(value: Option<&str>) -> bool {
        !matches!(value, Some("0" | "false" | "off" | "none"))
    }

    fn visit(&mut self, node: Node<'_>) {
        match node {
            Node::Open(e) => self.open(&e),
            Node::Close(name) => self.close(name),
            Node::Text(t) => {
                if self.in_text {
                    self.text(t)
                }
            }
        }
    }

    fn open(&mut self, e: &Element<'_>) {
        match e.name {
            // Deleted or moved-away text, the fallback copy of a drawing (Word writes each
            // text box twice), a field's instruction: not part of the accepted text.
            "del" | "moveFrom" | "Fallback" | "instrText" | "delText" => {
                if matches!(e.name, "del" | "moveFrom") && !self.run_props {
                    self.changes += 1;
                }
                self.skipping += 1;
            }
            "ins" | "moveTo" if !self.run_props => self.changes += 1,
            "footnote" | "endnote" => {
                let kind = e.attr("type").unwrap_or("normal");
                if kind == "normal" {
                    let key = format!("{}{}", self.note_prefix, e.attr("id").unwrap_or_default());
                    self.note = Some((key, self.pieces.len()));
                } else {
                    // The separator lines Word keeps among the notes.
                    self.skipping += 1;
                }
            }
            "p" => self.paragraphs.push(Paragraph::default()),
            "pStyle" => {
                if let Some(p) = self.paragraphs.last_mut() {
                    p.style = e.attr("val").map(str::to_string);
                }
            }
            "outlineLvl" => {
                if let Some(p) = self.paragraphs.last_mut() {
                    p.outline = e.attr("val").and_then(|v| v.parse().ok());
                }
            }
            "numId" => {
                if let Some(p) = self.paragraphs.last_mut() {
                    p.num_id = e.attr("val").map(str::to_string);
                }
            }
            "ilvl" => {
                if let Some(p) = self.paragraphs.last_mut() {
                    p.ilvl = e.attr("val").and_then(|v| v.parse().ok()).unwrap_or(0);
                }
            }
            "r" => {
                self.in_run = true;
                self.bold = false;
                self.italic = false;
            }
            "rPr" if self.in_run => self.run_props = true,
            "b" if self.run_props => self.bold = Self::on(e.attr("val")),
            "i" if self.run_props => self.italic = Self::on(e.attr("val")),
            "t" => self.in_text = true,
            "tab" if self.in_run && !self.run_props => self.text(" "),
            "noBreakHyphen" if self.in_run => self.text("-"),
            "br" | "cr" if self.in_run && self.skipping == 0 => {
                if let Some(p) = self.paragraphs.last_mut() {
                    if e.attr("type").is_some_and(|t| t != "textWrapping") {
                        p.spans.push(Span::plain(" "));
                    } else {
                        p.spans.push(Span::LineBreak);
                    }
                }
            }
            "footnoteReference" | "endnoteReference" if self.skipping == 0 => {
                let prefix = if e.name == "footnoteReference" {
                    "f"
                } else {
                    "e"
                };
                if let Some(p) = self.paragraphs.last_mut() {
                    p.spans.push(Span::NoteRef(format!(
                        "{prefix}{}",
                        e.attr("id").unwrap_or_default()
                    )));
                }
            }
            "commentReference" | "commentRangeStart" => {
                self.comments
                    .insert(e.attr("id").unwrap_or_default().to_string());
            }
            "hyperlink" => {
                let target = e
                    .attr("id")
                    .and_then(|id| self.context.links.iter().find(|r| r.id == id))
                    .filter(|r| r.external)
                    .map(|r| r.target.clone());
                let spans_from = self.paragraphs.last().map_or(0, |p| p.spans.len());
                self.link = Some(Link { target, spans_from });
            }
            "drawing" | "pict" => self.drawing = Some((String::new(), false)),
            "docPr" | "shape" => {
                if let Some((name, _)) = self.drawing.as_mut() {
                    let described = e
                        .attr("descr")
                        .filter(|d| !d.trim().is_empty())
                        .or(e.attr("name"))
                        .or(e.attr("alt"))
                        .unwrap_or_default();
                    if name.is_empty() {
                        *name = described.to_string();
                    }
                }
            }
            "txbxContent" => {
                if let Some((_, text_box)) = self.drawing.as_mut() {
                    *text_box = true;
                }
            }
            "tbl" => self.tables.push(Table::default()),
            "tr" if self.tables.len() == 1 => {
                if let Some(t) = self.tables.last_mut() {
                    t.rows.push(Vec::new());
                }
            }
            "tc" if self.tables.len() == 1 => {
                if let Some(row) = self.tables.last_mut().and_then(|t| t.rows.last_mut()) {
                    row.push(Vec::new());
                }
            }
            _ => {}
        }
    }

    fn close(&mut self, name: &str) {
        match name {
            "del" | "moveFrom" | "Fallback" | "instrText" | "delText" => {
                self.skipping = self.skipping.saturating_sub(1)
            }
            "footnote" | "endnote" => match self.note.take() {
                Some((key, from)) => {
                    let mut text = Vec::new();
                    for piece in self.pieces.drain(from..) {
                        if !text.is_empty() {
                            text.push(Span::plain(" "));
                        }
                        text.extend(spans_of(piece));
                    }
                    self.notes.push(Note { key, text });
                }
                None => self.skipping = self.skipping.saturating_sub(1),
            },
            "t" => self.in_text = false,
            "rPr" => self.run_props = false,
            "r" => {
                self.in_run = false;
                self.bold = false;
                self.italic = false;
            }
            "hyperlink" => {
                if let (Some(link), Some(p)) = (self.link.take(), self.paragraphs.last_mut()) {
                    match link.target {
                        Some(target) if safe_link(&target) => {
                            make_link(&mut p.spans, link.spans_from, target)
                        }
                        Some(target) => self.left_out.push(LeftOut::Link(target)),
                        None => {}
                    }
                }
            }
            "drawing" | "pict" => {
                self.left_out
                    .extend(self.drawing.take().map(drawing_left_out));
            }
            "p" => {
                if let Some(p) = self.paragraphs.pop() {
                    self.paragraph(p);
                }
            }
            "tbl" => {
                if self.tables.len() == 1 {
                    if let Some(t) = self.tables.pop() {
                        self.pieces.extend(table(t.rows));
                    }
                } else {
                    self.tables.pop();
                }
            }
            _ => {}
        }
    }

    /// A finished paragraph: into the open table's cell, after the paragraph holding its
    /// text box, or into the text as a heading, list item or paragraph.
    fn paragraph(&mut self, p: Paragraph) {
        let has_text = has_text(&p.spans);
        if !self.paragraphs.is_empty() {
            // A text box's paragraph, inside a run of the paragraph that anchors it.
            if has_text {
                self.deferred.push(Piece::Paragraph(p.spans));
            }
            return;
        }
        if let Some(cell) = self
            .tables
            .first_mut()
            .and_then(|t| t.rows.last_mut())
            .and_then(|r| r.last_mut())
        {
            if has_text {
                if !cell.is_empty() {
                    cell.push(Span::LineBreak);
                }
                cell.extend(p.spans);
            }
            return;
        }
        if has_text {
            let piece = self.piece(p);
            self.pieces.push(piece);
        }
        let deferred: Vec<Piece> = self.deferred.drain(..).collect();
        self.pieces.extend(deferred);
    }

    fn piece(&mut self, p: Paragraph) -> Piece {
        let styles = self.context.styles;
        let style = p.style.as_deref();
        let heading = style
            .and_then(|s| styles.heading(s))
            .or(p.outline.filter(|l| *l < 9).map(|l| l + 1));
        if let Some(level) = heading {
            return Piece::Heading {
                level: level.min(6),
                text: p.spans,
            };
        }
        let numbered = match p.num_id {
            Some(id) => Some((id, p.ilvl)),
            None => style.and_then(|s| styles.numbering(s)),
        };
        let level = numbered.and_then(|(id, ilvl)| {
            self.context
                .numbering
                .level(&id, ilvl)
                .map(|level| (ilvl, level))
        });
        let Some((depth, level)) = level else {
            return Piece::Paragraph(p.spans);
        };
        let marker = match level.format.as_str() {
            "bullet" => Marker::Bullet,
            "none" => return Piece::Paragraph(p.spans),
            format => {
                if !matches!(format, "decimal" | "decimalZero")
                    && self.numbering_told.insert(format.to_string())
                {
                    self.left_out
                        .push(LeftOut::Numbering(example(format, &level.text)));
                }
                Marker::Number {
                    start: level.start,
                    paren: level.text.trim_end().ends_with(')'),
                }
            }
        };
        Piece::Item {
            depth: depth.min(8),
            marker,
            text: p.spans,
        }
    }
}

/// How Word shows a numbering format's first item, for the clerk's note: "a)", "i.".
fn example(format: &str, text: &str) -> String {
    let first = match format {
        "lowerLetter" => "a",
        "upperLetter" => "A",
        "lowerRoman" => "i",
        "upperRoman" => "I",
        _ => "1",
    };
    let shown = text
        .split('%')
        .enumerate()
        .map(|(i, part)| {
            if i == 0 {
                part.to_string()
            } else {
                // "%1" → the number; the rest of the part is the punctuation after it.
                let rest = part.trim_start_matches(|c: char| c.is_ascii_digit());
                format!("{first}{rest}")
            }
        })
        .collect::<String>();
    if shown.trim().is_empty() {
        first.to_string()
    } else {
        shown
    }
}

/// A note's piece as running text.
fn spans_of(piece: Piece) -> Vec<Span> {
    match piece {
        Piece::Heading { text, .. } | Piece::Paragraph(text) | Piece::Item { text, .. } => text,
        Piece::Table(rows) => rows
            .into_iter()
            .flatten()
            .flat_map(|mut cell| {
                cell.push(Span::plain(" "));
                cell
            })
            .collect(),
    }
}
