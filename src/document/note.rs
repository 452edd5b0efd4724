//! Short Markdown notes that are not policy text (a meeting's agenda and minutes): rendered to
//! safe HTML without block addresses. Raw HTML is shown as text, links keep only safe schemes,
//! images become their description, and headings start at `<h3>` below the page's own.

use super::render::safe_href;
use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// The HTML of a note, safe to put in a page as it is.
pub fn render_note(markdown: &str) -> String {
    let mut options = Options::empty();
    options.insert(Options::ENABLE_TABLES);
    options.insert(Options::ENABLE_STRIKETHROUGH);
    let events = Parser::new_ext(markdown, options).filter_map(|event| match event {
        Event::Html(s) | Event::InlineHtml(s) => Some(Event::Text(s)),
        // The description stays, as text; the picture (a request to anywhere) does not.
        Event::Start(Tag::Image { .. }) | Event::End(TagEnd::Image) => None,
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) => Some(Event::Start(Tag::Link {
            link_type,
            dest_url: CowStr::from(safe_href(&dest_url, link_type).unwrap_or_else(|| "#".into())),
            title,
            id,
        })),
        Event::Start(Tag::Heading {
            level,
            id: _,
            classes,
            attrs,
        }) => Some(Event::Start(Tag::Heading {
            level: lower(level),
            id: None,
            classes,
            attrs,
        })),
        Event::End(TagEnd::Heading(level)) => Some(Event::End(TagEnd::Heading(lower(level)))),
        other => Some(other),
    });
    let mut out = String::new();
    pulldown_cmark::html::push_html(&mut out, events);
    out
}

fn lower(level: HeadingLevel) -> HeadingLevel {
    match level {
        HeadingLevel::H1 => HeadingLevel::H3,
        HeadingLevel::H2 => HeadingLevel::H4,
        HeadingLevel::H3 => HeadingLevel::H5,
        _ => HeadingLevel::H6,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_note_keeps_its_shape_and_loses_what_is_unsafe() {
        let html = render_note(
            "# Dagsorden\n\n1. Velkomst\n2. Drøftelse ved bordene\n\n<script>alert(1)</script>\n\n\
             [link](javascript:alert(1)) [ok](https://roskilde.dk) ![billede](https://x/y.png)",
        );
        assert!(html.contains("<h3>Dagsorden</h3>"));
        assert!(html.contains("<ol>") && html.contains("<li>Velkomst</li>"));
        assert!(!html.contains("<script>"));
        assert!(html.contains("&lt;script&gt;"));
        assert!(!html.contains("javascript:"));
        assert!(html.contains("href=\"https://roskilde.dk\""));
        assert!(!html.contains("<img"));
        assert!(html.contains("billede"));
    }
}
