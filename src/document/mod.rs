//! The document model: a policy text in Markdown, split into numbered sections and citable blocks.
//!
//! [`parse`] turns Markdown into a [`Document`]. Every paragraph, top-level list item, table,
//! block quote, code block and footnote becomes a [`Block`] with a stable [`BlockId`] (for
//! storage and anchoring) and a [`BlockNumber`] (for people: "2.3, punkt 1"), plus plain text
//! and an HTML fragment that is safe to insert into a page.

mod block;
mod front_matter;
mod ids;
mod note;
mod render;

use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use serde::{Deserialize, Serialize};
use thiserror::Error;

pub use block::{
    Block, BlockId, BlockIdError, BlockKind, BlockNumber, BlockNumberError, BlockNumberParts,
};
pub use front_matter::{FrontMatter, FrontMatterError};
pub use ids::derive_block_ids;
pub use note::render_note;
pub use render::escape_html;

use render::{FootnoteRefs, plain_text, render};

/// A parsed policy text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub front_matter: FrontMatter,
    /// The front matter's title, else the text of the first level-1 heading, else "".
    pub title: String,
    pub sections: Vec<Section>,
    /// Footnote definitions in order of definition, numbered n1, n2, …
    pub footnotes: Vec<Block>,
}

/// The stretch of a document under one heading.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Section {
    /// 1, 2, … in document order; 0 for content before the first heading.
    pub number: u32,
    /// The heading level 1–6; 0 for section 0.
    pub level: u8,
    /// The heading as plain text; empty for section 0.
    pub heading: String,
    pub blocks: Vec<Block>,
}

impl Section {
    /// The HTML id and URL fragment of the section's heading: "s-2".
    pub fn fragment(&self) -> String {
        format!("s-{}", self.number)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Error, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum DocumentError {
    #[error("invalid front matter")]
    FrontMatter {
        #[source]
        error: FrontMatterError,
    },
}

impl From<FrontMatterError> for DocumentError {
    fn from(error: FrontMatterError) -> Self {
        DocumentError::FrontMatter { error }
    }
}

impl Document {
    /// All blocks: each section's blocks in order, then the footnotes.
    pub fn blocks(&self) -> impl Iterator<Item = &Block> {
        self.sections
            .iter()
            .flat_map(|s| s.blocks.iter())
            .chain(self.footnotes.iter())
    }

    pub fn find(&self, number: &BlockNumber) -> Option<&Block> {
        if number.is_footnote() {
            return self.footnotes.iter().find(|b| b.number == *number);
        }
        self.sections
            .iter()
            .filter(|s| Some(s.number) == number.section())
            .flat_map(|s| s.blocks.iter())
            .find(|b| b.number == *number)
    }

    pub fn find_by_id(&self, id: &BlockId) -> Option<&Block> {
        self.blocks().find(|b| b.id == *id)
    }

    pub fn section(&self, number: u32) -> Option<&Section> {
        self.sections.iter().find(|s| s.number == number)
    }
}

/// The Markdown extensions a policy may use. Front matter is only honoured at the very top.
fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
}

/// Parses a policy text. Fails only on malformed front matter; any Markdown body is accepted.
pub fn parse(markdown: &str) -> Result<Document, DocumentError> {
    let (front_matter, events) = read_events(markdown)?;
    let (body, definitions) = extract_footnotes(events);

    let mut refs = FootnoteRefs::default();
    let notes: Vec<u32> = definitions
        .iter()
        .map(|(label, _)| refs.define(label))
        .collect();

    let mut outline = Outline::default();
    outline.walk(&body, &mut refs);

    let mut footnote_drafts = Vec::with_capacity(definitions.len());
    for ((_, events), note) in definitions.iter().zip(notes) {
        let rendered = render(events, &mut refs, None);
        // Notes are counted from 1, so this never skips.
        let Ok(number) = BlockNumber::footnote(note) else {
            continue;
        };
        footnote_drafts.push(Draft {
            number,
            kind: BlockKind::Footnote,
            text: rendered.text,
            html: rendered.html,
        });
    }
    // Back links last: a note's first reference may sit in a later note.
    for draft in &mut footnote_drafts {
        if let Some(id) = draft.number.note().and_then(|n| refs.first_reference_id(n)) {
            add_back_link(&mut draft.html, &id);
        }
    }

    let ids = derive_block_ids(
        outline
            .drafts
            .iter()
            .map(|(_, d)| d)
            .chain(footnote_drafts.iter())
            .map(|d| (d.kind, d.text.as_str())),
    );
    let mut ids = ids.into_iter();
    let mut sections = outline.sections;
    for (index, draft) in outline.drafts {
        let Some(id) = ids.next() else { break };
        if let Some(section) = sections.get_mut(index) {
            section.blocks.push(draft.into_block(id));
        }
    }
    let footnotes: Vec<Block> = footnote_drafts
        .into_iter()
        .zip(ids)
        .map(|(draft, id)| draft.into_block(id))
        .collect();

    let title = front_matter
        .title
        .clone()
        .or(outline.first_h1)
        .unwrap_or_default();
    Ok(Document {
        front_matter,
        title,
        sections,
        footnotes,
    })
}

fn add_back_link(html: &mut String, reference_id: &str) {
    let link = format!(" <a class=\"fnback\" href=\"#{reference_id}\">\u{21a9}</a>");
    // Inside the last paragraph, so the arrow follows the text instead of a line of its own.
    if html.ends_with("</p>") {
        let at = html.len() - "</p>".len();
        html.insert_str(at, &link);
    } else {
        html.push_str(&link);
    }
}

/// Runs pulldown-cmark, takes the front matter off the top and undoes metadata blocks that
/// pulldown-cmark also recognises further down (`---` / text / `---`), re-reading them as
/// plain Markdown, which is what an author writing a thematic break there meant.
fn read_events(markdown: &str) -> Result<(FrontMatter, Vec<Event<'_>>), DocumentError> {
    let raw: Vec<(Event<'_>, Range<usize>)> = Parser::new_ext(markdown, options())
        .into_offset_iter()
        .collect();
    let mut front_matter = FrontMatter::default();
    let mut events = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        let (event, range) = &raw[i];
        if let Event::Start(Tag::MetadataBlock(_)) = event {
            let end = matching_end(&raw, i, |(e, _)| e);
            if i == 0 {
                let mut source = String::new();
                for (e, _) in raw.get(i + 1..end).unwrap_or_default() {
                    if let Event::Text(t) = e {
                        source.push_str(t);
                    }
                }
                front_matter = FrontMatter::parse(&source)?;
            } else if let Some(text) = markdown.get(range.clone()) {
                let reparse = options().difference(Options::ENABLE_YAML_STYLE_METADATA_BLOCKS);
                events.extend(Parser::new_ext(text, reparse));
            }
            i = end + 1;
            continue;
        }
        events.push(event.clone());
        i += 1;
    }
    Ok((front_matter, events))
}

/// The index of the `End` matching the `Start` at `start`, or `items.len()` if the events are
/// unbalanced (pulldown-cmark guarantees they are not).
fn matching_end<T>(items: &[T], start: usize, event: impl Fn(&T) -> &Event<'_>) -> usize {
    let mut depth = 0usize;
    for (i, item) in items.iter().enumerate().skip(start) {
        match event(item) {
            Event::Start(_) => depth += 1,
            Event::End(_) => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return i;
                }
            }
            _ => {}
        }
    }
    items.len()
}

type Definition<'a> = (String, Vec<Event<'a>>);

/// Moves footnote definitions, wherever pulldown-cmark put them (even inside list items),
/// out of the body into their own event lists, in order of definition.
fn extract_footnotes(events: Vec<Event<'_>>) -> (Vec<Event<'_>>, Vec<Definition<'_>>) {
    let mut body = Vec::with_capacity(events.len());
    let mut done: Vec<(usize, Definition<'_>)> = Vec::new();
    // (order of definition, label, events, nesting depth inside the definition)
    let mut open: Vec<(usize, Definition<'_>, usize)> = Vec::new();
    let mut started = 0;
    for event in events {
        match event {
            Event::Start(Tag::FootnoteDefinition(label)) => {
                open.push((started, (label.to_string(), Vec::new()), 0));
                started += 1;
            }
            Event::End(TagEnd::FootnoteDefinition)
                if open.last().is_some_and(|(_, _, depth)| *depth == 0) =>
            {
                if let Some((order, definition, _)) = open.pop() {
                    done.push((order, definition));
                }
            }
            event => match open.last_mut() {
                Some((_, (_, events), depth)) => {
                    match &event {
                        Event::Start(_) => *depth += 1,
                        Event::End(_) => *depth = depth.saturating_sub(1),
                        _ => {}
                    }
                    events.push(event);
                }
                None => body.push(event),
            },
        }
    }
    done.sort_by_key(|(order, _)| *order);
    (body, done.into_iter().map(|(_, d)| d).collect())
}

/// A block before it has an id.
struct Draft {
    number: BlockNumber,
    kind: BlockKind,
    text: String,
    html: String,
}

impl Draft {
    fn into_block(self, id: BlockId) -> Block {
        Block {
            id,
            number: self.number,
            kind: self.kind,
            text: self.text,
            html: self.html,
        }
    }
}

/// Cuts the body into sections and numbered blocks.
#[derive(Default)]
struct Outline {
    sections: Vec<Section>,
    /// Each block with the index of its section in `sections`.
    drafts: Vec<(usize, Draft)>,
    position: u32,
    first_h1: Option<String>,
}

impl Outline {
    fn walk(&mut self, events: &[Event<'_>], refs: &mut FootnoteRefs) {
        let mut i = 0;
        while i < events.len() {
            match &events[i] {
                Event::Start(tag) => {
                    let end = matching_end(events, i, |e| e);
                    let inner = events.get(i + 1..end).unwrap_or_default();
                    self.top_level(tag, inner, refs);
                    i = end + 1;
                }
                Event::Rule | Event::End(_) => i += 1,
                _ => {
                    // Loose inline events at the top level do not occur in pulldown-cmark's
                    // output; should they ever, they are kept as a paragraph.
                    let run = events[i..]
                        .iter()
                        .take_while(|e| !matches!(e, Event::Start(_) | Event::End(_) | Event::Rule))
                        .count();
                    let run = run.max(1);
                    self.block(BlockKind::Paragraph, &events[i..i + run], refs, None);
                    i += run;
                }
            }
        }
    }

    fn top_level(&mut self, tag: &Tag<'_>, inner: &[Event<'_>], refs: &mut FootnoteRefs) {
        match tag {
            Tag::Heading { level, .. } => {
                let heading = plain_text(inner);
                let level = *level as u8;
                if level == 1 && self.first_h1.is_none() {
                    self.first_h1 = Some(heading.clone());
                }
                let number = self.sections.last().map_or(1, |s| s.number + 1);
                self.sections.push(Section {
                    number,
                    level,
                    heading,
                    blocks: Vec::new(),
                });
                self.position = 0;
            }
            Tag::List(_) => self.list(inner, refs),
            Tag::Paragraph | Tag::HtmlBlock => self.block(BlockKind::Paragraph, inner, refs, None),
            Tag::Table(aligns) => self.block(BlockKind::Table, inner, refs, Some(aligns)),
            Tag::BlockQuote(_) => self.block(BlockKind::BlockQuote, inner, refs, None),
            Tag::CodeBlock(_) => self.block(BlockKind::Code, inner, refs, None),
            // Not produced with our options; kept whole (wrapper included) rather than lost.
            _ => {
                let mut whole = Vec::with_capacity(inner.len() + 2);
                whole.push(Event::Start(tag.clone()));
                whole.extend(inner.iter().cloned());
                whole.push(Event::End(tag.to_end()));
                self.block(BlockKind::BlockQuote, &whole, refs, None);
            }
        }
    }

    fn section_index(&mut self) -> usize {
        if self.sections.is_empty() {
            self.sections.push(Section {
                number: 0,
                level: 0,
                heading: String::new(),
                blocks: Vec::new(),
            });
        }
        self.sections.len() - 1
    }

    fn next_position(&mut self) -> (usize, u32, u32) {
        let index = self.section_index();
        self.position += 1;
        let section = self.sections.get(index).map_or(0, |s| s.number);
        (index, section, self.position)
    }

    fn block(
        &mut self,
        kind: BlockKind,
        inner: &[Event<'_>],
        refs: &mut FootnoteRefs,
        table: Option<&[pulldown_cmark::Alignment]>,
    ) {
        let (index, section, position) = self.next_position();
        let rendered = render(inner, refs, table);
        if let Ok(number) = BlockNumber::new(section, position, None) {
            self.drafts.push((
                index,
                Draft {
                    number,
                    kind,
                    text: rendered.text,
                    html: rendered.html,
                },
            ));
        }
    }

    fn list(&mut self, inner: &[Event<'_>], refs: &mut FootnoteRefs) {
        let (index, section, position) = self.next_position();
        let mut item = 0;
        let mut i = 0;
        while i < inner.len() {
            if let Event::Start(Tag::Item) = inner[i] {
                let end = matching_end(inner, i, |e| e);
                item += 1;
                let rendered = render(inner.get(i + 1..end).unwrap_or_default(), refs, None);
                if let Ok(number) = BlockNumber::new(section, position, Some(item)) {
                    self.drafts.push((
                        index,
                        Draft {
                            number,
                            kind: BlockKind::ListItem,
                            text: rendered.text,
                            html: rendered.html,
                        },
                    ));
                }
                i = end + 1;
            } else {
                i += 1;
            }
        }
    }
}

#[cfg(test)]
mod fixture_tests;
#[cfg(test)]
mod tests;
