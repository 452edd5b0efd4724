use super::*;
use crate::document::{BlockKind, parse};
use proptest::prelude::*;

fn words(t: &str) -> Vec<Span> {
    vec![Span::plain(t)]
}

fn item(depth: u8, marker: Marker, t: &str) -> Piece {
    Piece::Item {
        depth,
        marker,
        text: words(t),
    }
}

const NUMBERED: Marker = Marker::Number {
    start: 1,
    paren: false,
};

#[test]
fn a_word_document_becomes_sections_and_numbered_blocks() {
    let draft = Draft {
        pieces: vec![
            Piece::Heading {
                level: 1,
                // Bold by the heading's style, as LibreOffice reports it.
                text: vec![Span::Text {
                    text: "Integrationspolitik".into(),
                    bold: true,
                    italic: false,
                }],
            },
            Piece::Heading {
                level: 2,
                text: words("Sprog & arbejde"),
            },
            Piece::Paragraph(vec![
                Span::plain("Alle skal have "),
                Span::Text {
                    text: "lige".into(),
                    bold: true,
                    italic: false,
                },
                Span::plain(" muligheder"),
                Span::NoteRef("2".into()),
                Span::plain("."),
            ]),
            item(0, NUMBERED, "Dansk før skolestart."),
            item(1, Marker::Bullet, "i vuggestuen"),
            item(1, Marker::Bullet, "i børnehaven"),
            item(0, NUMBERED, "Flere i job."),
            Piece::Table(vec![
                vec![words("Mål"), words("2030")],
                vec![words("Beskæftigelse | fuldtid"), words("80 %")],
            ]),
            Piece::Paragraph(vec![
                Span::plain("Læs mere på "),
                Span::Link {
                    text: "roskilde.dk".into(),
                    target: "https://roskilde.dk/integration".into(),
                },
            ]),
        ],
        notes: vec![
            Note {
                key: "2".into(),
                text: words("Borgere med minoritetsbaggrund."),
            },
            Note {
                key: "9".into(),
                text: words("Never referenced."),
            },
        ],
        left_out: vec![],
    };
    let markdown = to_markdown(&draft);
    assert!(
        markdown.starts_with("# Integrationspolitik\n"),
        "{markdown}"
    );
    let doc = parse(&markdown).unwrap();
    assert_eq!(doc.title, "Integrationspolitik");
    let section = doc
        .sections
        .iter()
        .find(|s| s.heading == "Sprog & arbejde")
        .unwrap_or_else(|| panic!("{markdown}"));
    let kinds: Vec<BlockKind> = section.blocks.iter().map(|b| b.kind).collect();
    assert_eq!(
        kinds,
        [
            BlockKind::Paragraph,
            BlockKind::ListItem,
            BlockKind::ListItem,
            BlockKind::Table,
            BlockKind::Paragraph
        ],
        "{markdown}"
    );
    assert!(section.blocks[0].html.contains("<strong>lige</strong>"));
    assert_eq!(
        section.blocks[1].text,
        "Dansk før skolestart. i vuggestuen i børnehaven"
    );
    assert!(
        section.blocks[1].html.contains("<ul>"),
        "nested: {markdown}"
    );
    assert!(section.blocks[3].text.contains("Beskæftigelse | fuldtid"));
    assert!(
        section.blocks[4]
            .html
            .contains("href=\"https://roskilde.dk/integration\"")
    );
    assert_eq!(doc.footnotes.len(), 1, "only the referenced note");
    assert_eq!(doc.footnotes[0].text, "Borgere med minoritetsbaggrund.");
}

#[test]
fn word_numbering_is_kept_where_markdown_can_say_it() {
    let draft = Draft {
        pieces: vec![
            item(
                0,
                Marker::Number {
                    start: 4,
                    paren: true,
                },
                "fjerde",
            ),
            item(
                0,
                Marker::Number {
                    start: 4,
                    paren: true,
                },
                "femte",
            ),
        ],
        ..Draft::default()
    };
    let markdown = to_markdown(&draft);
    assert_eq!(markdown, "4) fjerde\n5) femte\n");
    // The Markdown keeps Word's numbers for the clerk; the page addresses items as "punkt 1".
    let doc = parse(&markdown).unwrap();
    assert_eq!(doc.sections[0].blocks.len(), 2);
    assert_eq!(doc.sections[0].blocks[1].text, "femte");
}

#[test]
fn runs_split_by_word_are_joined_before_emphasis() {
    let bold = |t: &str| Span::Text {
        text: t.into(),
        bold: true,
        italic: false,
    };
    let draft = Draft {
        pieces: vec![Piece::Paragraph(vec![
            bold("Hel"),
            bold("lo"),
            Span::plain(" verden"),
        ])],
        ..Draft::default()
    };
    let doc = parse(&to_markdown(&draft)).unwrap();
    let block = &doc.sections[0].blocks[0];
    assert_eq!(block.text, "Hello verden");
    assert!(
        block.html.contains("<strong>Hello</strong>"),
        "{}",
        block.html
    );
}

#[test]
fn only_web_and_mail_links_are_safe() {
    assert!(safe_link("https://roskilde.dk"));
    assert!(safe_link("HTTP://x.dk"));
    assert!(safe_link("mailto:kommunen@roskilde.dk"));
    assert!(!safe_link("javascript:alert(1)"));
    assert!(!safe_link("file:///C:/Sager/udkast.docx"));
    assert!(!safe_link("https://"));
    assert!(!safe_link("#_Toc123"));
}

#[test]
fn a_paragraph_that_looks_like_syntax_stays_text() {
    for text in [
        "# ikke en overskrift",
        "- ikke et punkt",
        "1. ikke nummereret",
        "2) heller ikke",
        "=====",
        "    fire mellemrum",
        "<script>alert(1)</script>",
        "[link](javascript:x) og ![billede](x.png)",
        "*stjerne* og _streg_ og `kode`",
        "R&D og &amp; og &#38;",
        "a | b | c",
        "Fodnote[^1] nej",
        "~~gennemstreget~~",
    ] {
        let draft = Draft {
            pieces: vec![Piece::Paragraph(words(text))],
            ..Draft::default()
        };
        let markdown = to_markdown(&draft);
        let doc = parse(&markdown).unwrap();
        let blocks: Vec<_> = doc.sections.iter().flat_map(|s| &s.blocks).collect();
        assert_eq!(blocks.len(), 1, "{text:?} became {markdown:?}");
        assert_eq!(blocks[0].kind, BlockKind::Paragraph, "{markdown:?}");
        assert_eq!(
            blocks[0].text,
            text.split_whitespace().collect::<Vec<_>>().join(" ")
        );
        assert!(!blocks[0].html.contains("<script") && !blocks[0].html.contains("<a "));
    }
}

proptest! {
    /// Whatever a Word paragraph holds, the draft shows the same words: Markdown syntax in
    /// the text is taken literally.
    #[test]
    fn any_text_survives_as_itself(
        runs in proptest::collection::vec(("[a-zæøå0-9#*_\\[\\]()<>|&;!`~=+.\\-\\\\ ]{1,12}", any::<bool>(), any::<bool>()), 1..6)
    ) {
        let spans: Vec<Span> = runs
            .iter()
            .map(|(t, bold, italic)| Span::Text { text: t.clone(), bold: *bold, italic: *italic })
            .collect();
        let expected = runs
            .iter()
            .map(|(t, _, _)| t.as_str())
            .collect::<String>()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        prop_assume!(!expected.is_empty());
        let draft = Draft { pieces: vec![Piece::Paragraph(spans)], ..Draft::default() };
        let markdown = to_markdown(&draft);
        let doc = parse(&markdown).unwrap();
        let blocks: Vec<_> = doc.sections.iter().flat_map(|s| &s.blocks).collect();
        prop_assert_eq!(blocks.len(), 1, "{:?}", markdown);
        prop_assert_eq!(&blocks[0].text, &expected, "{:?}", markdown);
    }
}
