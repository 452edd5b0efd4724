//! A small HTML writer over pulldown-cmark events that cannot emit live markup from the input.
//!
//! Only tags written here ever reach the output; all text, raw HTML included, is escaped, and
//! link targets must pass [`safe_href`]. It renders the *inside* of one block; the caller
//! decides where blocks begin and end.

use std::collections::HashMap;

use pulldown_cmark::{Alignment, Event, LinkType, Tag, TagEnd};

/// Escapes text for use both between tags and inside double- or single-quoted attributes.
pub(crate) fn escape_into(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// `s` escaped for HTML text and attributes: the one escape every page, title and message uses.
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    escape_into(&mut out, s);
    out
}

/// Collapses every run of whitespace to one space and trims the ends.
pub(crate) fn normalise_whitespace(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Returns the URL to put in an `href`, or `None` if it must not become a link.
///
/// Allowed: http, https, mailto and tel, and scheme-less references (relative paths, `//host`,
/// `?query`, `#fragment`). pulldown-cmark has already decoded entities and backslash escapes,
/// so what is checked here is what the browser will see once our own escaping is undone.
pub(crate) fn safe_href(dest: &str, link_type: LinkType) -> Option<String> {
    // Browsers drop tabs and newlines anywhere in a URL and C0 controls and spaces at its ends,
    // which is how "java\tscript:" sneaks past naive checks; refuse such URLs outright.
    if dest.chars().any(|c| c.is_control()) {
        return None;
    }
    let url = dest.trim_matches(|c: char| c == ' ' || c.is_whitespace());
    if url.is_empty() {
        return None;
    }
    if link_type == LinkType::Email {
        return Some(format!("mailto:{url}"));
    }
    let scheme_end = url.find([':', '/', '?', '#']);
    match scheme_end {
        Some(i) if url[i..].starts_with(':') => {
            let scheme = url[..i].to_ascii_lowercase();
            // Anything that is not exactly an allowed scheme is refused, even strings a browser
            // would read as a relative path: being strict here costs nothing in a policy text.
            matches!(scheme.as_str(), "http" | "https" | "mailto" | "tel").then(|| url.to_owned())
        }
        // A first path segment with '&' may be an entity-encoded scheme ("javascript&colon;")
        // to anything that decodes the attribute twice; such relative links are not worth it.
        Some(i) if url[..i].contains('&') => None,
        None if url.contains('&') => None,
        // Angle brackets, quotes and spaces have no business in a link of a policy text
        // ("[^1]<script>…javascript:" would otherwise be a harmless but alarming relative link).
        _ if url.contains(['<', '>', '"', '\'', '`', ' ']) => None,
        _ => Some(url.to_owned()),
    }
}

/// Maps footnote labels to note numbers and counts references, so that each reference gets a
/// unique element id and each note can link back to its first reference.
#[derive(Debug, Default)]
pub(crate) struct FootnoteRefs {
    by_label: HashMap<String, u32>,
    counts: Vec<u32>,
}

impl FootnoteRefs {
    /// Registers definitions in order; returns the note number of each (a repeated label keeps
    /// the first definition's number for references).
    pub(crate) fn define(&mut self, label: &str) -> u32 {
        self.counts.push(0);
        let note = u32::try_from(self.counts.len()).unwrap_or(u32::MAX);
        self.by_label.entry(label.to_lowercase()).or_insert(note);
        note
    }

    fn reference(&mut self, label: &str) -> Option<(u32, u32)> {
        let note = *self.by_label.get(&label.to_lowercase())?;
        let count = self
            .counts
            .get_mut(usize::try_from(note).ok()?.checked_sub(1)?)?;
        *count += 1;
        Some((note, *count))
    }

    /// The element id of the first reference to `note`, if it was referenced at all.
    pub(crate) fn first_reference_id(&self, note: u32) -> Option<String> {
        let index = usize::try_from(note).ok()?.checked_sub(1)?;
        (*self.counts.get(index)? > 0).then(|| reference_id(note, 1))
    }
}

pub(crate) fn reference_id(note: u32, occurrence: u32) -> String {
    format!("fnref-n{note}-{occurrence}")
}

/// The rendered inside of one block.
#[derive(Debug, Default)]
pub(crate) struct Rendered {
    pub(crate) html: String,
    pub(crate) text: String,
}

/// Renders `events` (balanced, without the block's own start and end). `table` carries the
/// column alignments when the events are the inside of a table.
pub(crate) fn render(
    events: &[Event<'_>],
    refs: &mut FootnoteRefs,
    table: Option<&[Alignment]>,
) -> Rendered {
    let mut w = Writer {
        out: Rendered::default(),
        refs,
        closers: Vec::new(),
        tables: Vec::new(),
        image: None,
        link_depth: 0,
    };
    if let Some(aligns) = table {
        w.tables.push(TableState::new(aligns));
    }
    for event in events {
        w.event(event);
    }
    if table.is_some() {
        w.out.html.push_str("</tbody>");
    }
    w.out.text = normalise_whitespace(&w.out.text);
    w.out
}

/// Plain text of inline content, for headings: no markup, no footnote numbers.
pub(crate) fn plain_text(events: &[Event<'_>]) -> String {
    let s: String = events.iter().filter_map(words_of).collect();
    normalise_whitespace(&s)
}

/// What an inline event reads as where only words are kept (a heading's plain text, an
/// image's alt text): its text, a space for a line break, nothing for the rest.
fn words_of<'a>(event: &'a Event<'_>) -> Option<&'a str> {
    match event {
        Event::Text(t)
        | Event::Code(t)
        | Event::Html(t)
        | Event::InlineHtml(t)
        | Event::InlineMath(t)
        | Event::DisplayMath(t) => Some(&**t),
        Event::SoftBreak | Event::HardBreak => Some(" "),
        _ => None,
    }
}

struct TableState {
    aligns: Vec<Alignment>,
    in_head: bool,
    column: usize,
    rows: usize,
}

impl TableState {
    fn new(aligns: &[Alignment]) -> Self {
        TableState {
            aligns: aligns.to_vec(),
            in_head: false,
            column: 0,
            rows: 0,
        }
    }
}

/// An image becomes a link to the image (or just its alt text) so that reading a policy never
/// makes the browser fetch from a third party.
struct ImageState {
    href: Option<String>,
    alt: String,
    depth: usize,
}

struct Writer<'r> {
    out: Rendered,
    refs: &'r mut FootnoteRefs,
    closers: Vec<&'static str>,
    tables: Vec<TableState>,
    image: Option<ImageState>,
    link_depth: usize,
}

impl Writer<'_> {
    fn html(&mut self, s: &str) {
        self.out.html.push_str(s);
    }

    fn escaped(&mut self, s: &str) {
        escape_into(&mut self.out.html, s);
    }

    /// Separates the text of block-level children so that words do not run together.
    fn break_text(&mut self) {
        self.out.text.push(' ');
    }

    fn text(&mut self, s: &str) {
        self.out.text.push_str(s);
        if let Some(image) = &mut self.image {
            image.alt.push_str(s);
        } else {
            escape_into(&mut self.out.html, s);
        }
    }

    fn event(&mut self, event: &Event<'_>) {
        if self.image.is_some() {
            self.image_event(event);
            return;
        }
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(*tag),
            Event::Text(t) | Event::Html(t) | Event::InlineHtml(t) | Event::DisplayMath(t) => {
                self.text(t);
            }
            Event::Code(t) | Event::InlineMath(t) => {
                self.html("<code>");
                self.text(t);
                self.html("</code>");
            }
            Event::FootnoteReference(label) => self.footnote_reference(label),
            Event::SoftBreak => {
                self.html("\n");
                self.break_text();
            }
            Event::HardBreak => {
                self.html("<br>\n");
                self.break_text();
            }
            Event::Rule => {
                self.html("<hr>");
                self.break_text();
            }
            Event::TaskListMarker(done) => self.text(if *done { "[x] " } else { "[ ] " }),
        }
    }

    fn image_event(&mut self, event: &Event<'_>) {
        let Some(image) = &mut self.image else {
            return;
        };
        match event {
            Event::Start(_) => image.depth += 1,
            Event::End(_) if image.depth > 0 => image.depth -= 1,
            Event::End(_) => {
                if let Some(image) = self.image.take() {
                    self.finish_image(image);
                }
            }
            other => {
                if let Some(words) = words_of(other) {
                    self.text(words);
                }
            }
        }
    }

    fn finish_image(&mut self, image: ImageState) {
        match image.href {
            // Inside a link the image is already clickable; nested anchors are invalid HTML.
            Some(href) if self.link_depth == 0 => {
                self.html("<a class=\"image\" href=\"");
                self.escaped(&href);
                self.html("\">");
                self.escaped(&image.alt);
                self.html("</a>");
            }
            _ => self.escaped(&image.alt),
        }
    }

    fn footnote_reference(&mut self, label: &str) {
        match self.refs.reference(label) {
            Some((note, occurrence)) => {
                let html = format!(
                    "<sup class=\"fnref\"><a href=\"#b-n{note}\" id=\"{}\">{note}</a></sup>",
                    reference_id(note, occurrence)
                );
                self.html(&html);
            }
            // A reference without a definition stays the text the author wrote.
            None => self.text(&format!("[^{label}]")),
        }
    }

    fn open(&mut self, open: &str, close: &'static str) {
        self.html(open);
        self.closers.push(close);
    }

    /// [`Self::open`] for a block: its text is apart from the text before it.
    fn open_block(&mut self, open: &str, close: &'static str) {
        self.break_text();
        self.open(open, close);
    }

    fn start(&mut self, tag: &Tag<'_>) {
        match tag {
            Tag::Paragraph => self.open_block("<p>", "</p>"),
            // Sections are made from top-level headings; one nested in a container is shown as
            // emphasised text so that it does not disturb the page outline.
            Tag::Heading { .. } => self.open_block("<p><strong>", "</strong></p>"),
            Tag::BlockQuote(_) => self.open_block("<blockquote>", "</blockquote>"),
            Tag::CodeBlock(_) => self.open_block("<pre><code>", "</code></pre>"),
            Tag::HtmlBlock => self.open_block("<p>", "</p>"),
            Tag::List(Some(start)) if *start != 1 => {
                self.open_block(&format!("<ol start=\"{start}\">"), "</ol>");
            }
            Tag::List(Some(_)) => self.open_block("<ol>", "</ol>"),
            Tag::List(None) => self.open_block("<ul>", "</ul>"),
            Tag::Item => self.open_block("<li>", "</li>"),
            // Definitions are extracted into their own blocks before rendering; this is only
            // reached if that ever changes, and then the content is still shown.
            Tag::FootnoteDefinition(_) => self.open_block("<div>", "</div>"),
            Tag::DefinitionList => self.open_block("<dl>", "</dl>"),
            Tag::DefinitionListTitle => self.open_block("<dt>", "</dt>"),
            Tag::DefinitionListDefinition => self.open_block("<dd>", "</dd>"),
            Tag::Table(aligns) => {
                self.break_text();
                self.tables.push(TableState::new(aligns));
                self.open("<table>", "</tbody></table>");
            }
            Tag::TableHead => {
                if let Some(t) = self.tables.last_mut() {
                    t.in_head = true;
                    t.column = 0;
                    t.rows += 1;
                }
                self.open("<thead><tr>", "</tr></thead><tbody>");
            }
            Tag::TableRow => {
                let first = self.tables.last_mut().is_none_or(|t| {
                    t.in_head = false;
                    t.column = 0;
                    t.rows += 1;
                    t.rows == 1
                });
                if !first {
                    self.out.text.push_str(" / ");
                }
                self.open("<tr>", "</tr>");
            }
            Tag::TableCell => self.table_cell(),
            Tag::Emphasis => self.open("<em>", "</em>"),
            Tag::Strong => self.open("<strong>", "</strong>"),
            Tag::Strikethrough => self.open("<del>", "</del>"),
            Tag::Superscript => self.open("<sup>", "</sup>"),
            Tag::Subscript => self.open("<sub>", "</sub>"),
            Tag::Link {
                link_type,
                dest_url,
                title,
                ..
            } => self.link(*link_type, dest_url, title),
            Tag::Image {
                link_type,
                dest_url,
                ..
            } => {
                self.image = Some(ImageState {
                    href: safe_href(dest_url, *link_type),
                    alt: String::new(),
                    depth: 0,
                });
            }
            // Front matter is taken out before rendering; anything else that looks like it is
            // shown as code rather than dropped.
            Tag::MetadataBlock(_) => self.open_block("<pre><code>", "</code></pre>"),
        }
    }

    fn table_cell(&mut self) {
        let (in_head, align, column) = match self.tables.last_mut() {
            Some(t) => {
                let align = t.aligns.get(t.column).copied().unwrap_or(Alignment::None);
                let column = t.column;
                t.column += 1;
                (t.in_head, align, column)
            }
            None => (false, Alignment::None, 0),
        };
        if column > 0 {
            self.out.text.push_str(" | ");
        }
        let class = match align {
            Alignment::None => "",
            Alignment::Left => " class=\"align-left\"",
            Alignment::Center => " class=\"align-center\"",
            Alignment::Right => " class=\"align-right\"",
        };
        let (open, close) = if in_head {
            (format!("<th{class}>"), "</th>")
        } else {
            (format!("<td{class}>"), "</td>")
        };
        self.open(&open, close);
    }

    fn link(&mut self, link_type: LinkType, dest: &str, title: &str) {
        let href = if self.link_depth > 0 {
            None
        } else {
            safe_href(dest, link_type)
        };
        self.link_depth += 1;
        let Some(href) = href else {
            // The link text stays readable; only the target is dropped.
            self.open("<span class=\"link-removed\">", "</span>");
            return;
        };
        let mut open = String::from("<a href=\"");
        escape_into(&mut open, &href);
        open.push('"');
        if !title.is_empty() {
            open.push_str(" title=\"");
            escape_into(&mut open, title);
            open.push('"');
        }
        let lower = href.to_ascii_lowercase();
        if lower.starts_with("http:") || lower.starts_with("https:") || lower.starts_with("//") {
            // Outside sites get neither our referrer nor a handle on this window.
            open.push_str(" rel=\"nofollow noopener noreferrer\"");
        }
        open.push('>');
        self.open(&open, "</a>");
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Table => {
                self.tables.pop();
            }
            TagEnd::Link => self.link_depth = self.link_depth.saturating_sub(1),
            _ => {}
        }
        if let Some(close) = self.closers.pop() {
            self.html(close);
        }
        if is_block_end(tag) {
            self.break_text();
        }
    }
}

fn is_block_end(tag: TagEnd) -> bool {
    matches!(
        tag,
        TagEnd::Paragraph
            | TagEnd::Heading(_)
            | TagEnd::BlockQuote(_)
            | TagEnd::CodeBlock
            | TagEnd::HtmlBlock
            | TagEnd::List(_)
            | TagEnd::Item
            | TagEnd::FootnoteDefinition
            | TagEnd::DefinitionList
            | TagEnd::DefinitionListTitle
            | TagEnd::DefinitionListDefinition
            | TagEnd::Table
            | TagEnd::TableCell
            | TagEnd::MetadataBlock(_)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allowed_hrefs() {
        for url in [
            "https://roskilde.dk/x?a=1&b=2",
            "HTTP://example.org",
            "mailto:kommunen@roskilde.dk",
            "tel:+4546313000",
            "/politikker/integration",
            "bilag.pdf",
            "../a/b",
            "#b-2.3",
            "?side=2",
            "//cdn.example.org/x",
            "a/b:c",
        ] {
            assert!(
                safe_href(url, LinkType::Inline).is_some(),
                "{url} should be allowed"
            );
        }
    }

    #[test]
    fn refused_hrefs() {
        for url in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            " javascript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "\u{1}javascript:alert(1)",
            "data:text/html;base64,PHNjcmlwdD4=",
            "vbscript:msgbox",
            "file:///etc/passwd",
            "jav&#x09;ascript:alert(1)",
            "javascript&colon;alert(1)",
            "ftp://example.org",
            "",
            "   ",
        ] {
            // Entity forms are decoded by pulldown-cmark before they reach us, but if one
            // survives it is not a scheme we allow and, escaped, it stays inert.
            let got = safe_href(url, LinkType::Inline);
            assert!(
                got.as_deref()
                    .is_none_or(|h| !h.to_ascii_lowercase().contains("script:")),
                "{url:?} gave {got:?}"
            );
            if !url.contains('&') {
                assert_eq!(got, None, "{url:?}");
            }
        }
    }

    #[test]
    fn email_autolinks_get_mailto() {
        assert_eq!(
            safe_href("a@b.dk", LinkType::Email).as_deref(),
            Some("mailto:a@b.dk")
        );
    }

    #[test]
    fn escaping() {
        let mut s = String::new();
        escape_into(&mut s, "<a href=\"x\" onclick='y'>&</a>");
        assert_eq!(
            s,
            "&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;"
        );
    }

    #[test]
    fn whitespace() {
        assert_eq!(normalise_whitespace("  a \n\t b  "), "a b");
        assert_eq!(normalise_whitespace(""), "");
    }
}
