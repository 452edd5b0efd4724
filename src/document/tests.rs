//! Unit and property tests of Markdown parsing, numbering, ids and HTML safety.

use std::collections::HashSet;

use proptest::prelude::*;

use super::*;

const FIXTURE: &str = include_str!("fixtures/integrationspolitik.md");

fn doc(markdown: &str) -> Document {
    parse(markdown).expect("parses")
}

fn numbers(d: &Document) -> Vec<String> {
    d.blocks().map(|b| b.number.as_str()).collect()
}

fn block<'d>(d: &'d Document, number: &str) -> &'d Block {
    d.find(&number.parse().expect("valid number"))
        .unwrap_or_else(|| panic!("no block {number}"))
}

/// Every tag and attribute in block HTML comes from this list; anything else means input
/// leaked through as markup.
fn assert_only_known_markup(html: &str) {
    const TAGS: &[&str] = &[
        "p",
        "strong",
        "em",
        "del",
        "sup",
        "sub",
        "code",
        "pre",
        "blockquote",
        "ol",
        "ul",
        "li",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "a",
        "span",
        "br",
        "hr",
        "div",
        "dl",
        "dt",
        "dd",
    ];
    const ATTRS: &[&str] = &["href", "title", "rel", "class", "id", "start"];
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        rest = &rest[at + 1..];
        let tag = rest.strip_prefix('/').unwrap_or(rest);
        let name_len = tag
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(tag.len());
        let name = &tag[..name_len];
        assert!(TAGS.contains(&name), "unexpected tag {name:?} in {html:?}");
        let close = tag.find('>').expect("tag is closed");
        let mut attrs = &tag[name_len..close];
        while let Some(eq) = attrs.find("=\"") {
            let attr = attrs[..eq].trim();
            assert!(
                ATTRS.contains(&attr),
                "unexpected attribute {attr:?} in {html:?}"
            );
            let after = &attrs[eq + 2..];
            let end = after.find('"').expect("attribute is closed");
            let value = &after[..end];
            if attr == "href" {
                let lower = value.to_ascii_lowercase();
                assert!(
                    !lower.contains("script:") && !lower.starts_with("data:"),
                    "{value:?}"
                );
            }
            attrs = &after[end + 1..];
        }
        assert!(attrs.trim().is_empty(), "stray attribute text in {html:?}");
    }
}

fn assert_inert(d: &Document) {
    for b in d.blocks() {
        let lower = b.html.to_ascii_lowercase();
        assert!(!lower.contains("<script"), "{:?}", b.html);
        assert!(!lower.contains("href=\"javascript"), "{:?}", b.html);
        assert_only_known_markup(&b.html);
    }
}

#[test]
fn fixture_sections() {
    let d = doc(FIXTURE);
    let headings: Vec<(u32, u8, &str, usize)> = d
        .sections
        .iter()
        .map(|s| (s.number, s.level, s.heading.as_str(), s.blocks.len()))
        .collect();
    assert_eq!(
        headings,
        [
            (1, 1, "Muligheder og medborgerskab", 0),
            (
                2,
                2,
                "Lige muligheder, ressourcer, medborgerskab og fællesskab",
                5
            ),
            (3, 2, "Lige muligheder og ressourcer", 8),
            (4, 2, "Uddannelse & beskæftigelse", 5),
            (5, 2, "Medborgerskab og fællesskaber", 5),
        ]
    );
    assert_eq!(d.title, "Muligheder og medborgerskab – Integrationspolitik");
    assert_eq!(
        d.front_matter.committee.as_deref(),
        Some("Beskæftigelses- og Socialudvalget")
    );
}

#[test]
fn fixture_numbers() {
    let d = doc(FIXTURE);
    assert_eq!(
        numbers(&d),
        [
            "2.1", "2.2", "2.3", "2.4", "2.5", //
            "3.1", "3.2", "3.3", "3.4.1", "3.4.2", "3.4.3", "3.4.4", "3.5", //
            "4.1", "4.2", "4.3.1", "4.3.2", "4.4", //
            "5.1", "5.2", "5.3.1", "5.3.2", "5.3.3", //
            "n1",
        ]
    );
    let item = block(&d, "3.4.1");
    assert_eq!(item.kind, BlockKind::ListItem);
    assert!(
        item.text
            .starts_with("flere børn med minoritetsbaggrund skal lære dansk før skolestart")
    );
    assert_eq!(block(&d, "3.3").text, "Vi vil arbejde for, at:");
}

#[test]
fn fixture_footnote() {
    let d = doc(FIXTURE);
    assert_eq!(d.footnotes.len(), 1);
    let note = &d.footnotes[0];
    assert_eq!(note.kind, BlockKind::Footnote);
    assert_eq!(note.number.fragment(), "b-n1");
    assert!(
        note.text
            .starts_with("Betegnelsen \"borgere med minoritetsbaggrund\"")
    );
    let para = block(&d, "2.2");
    assert!(para.html.contains(
        "minoritetsbaggrund<sup class=\"fnref\"><a href=\"#b-n1\" id=\"fnref-n1-1\">1</a></sup>"
    ));
    assert!(
        note.html
            .ends_with(" <a class=\"fnback\" href=\"#fnref-n1-1\">\u{21a9}</a></p>")
    );
}

#[test]
fn section_zero_holds_content_before_the_first_heading() {
    let d = doc("Intro.\n\n# Title\n\nText.");
    assert_eq!(d.sections[0].number, 0);
    assert_eq!(d.sections[0].heading, "");
    assert_eq!(numbers(&d), ["0.1", "1.1"]);
    assert_eq!(d.title, "Title");
    // No section 0 without such content; thematic breaks are not content.
    let d = doc("---\n\n## Sub\n\nText.");
    assert_eq!(d.sections.len(), 1);
    assert_eq!(d.sections[0].number, 1);
    assert_eq!(d.title, "");
}

#[test]
fn positions_count_paragraphs_and_whole_lists() {
    let md = "# A\n\nOne.\n\n1. first\n2. second\n   - nested\n   - nested 2\n\n> quote\n\n\
              ```\ncode <b>\n```\n\n| a | b |\n|:--|--:|\n| 1 | 2 |\n\n<div>raw</div>\n\n\
              * x\n\n* y\n";
    let d = doc(md);
    assert_eq!(
        numbers(&d),
        [
            "1.1", "1.2.1", "1.2.2", "1.3", "1.4", "1.5", "1.6", "1.7.1", "1.7.2"
        ]
    );
    let kinds: Vec<BlockKind> = d.blocks().map(|b| b.kind).collect();
    use BlockKind::*;
    assert_eq!(
        kinds,
        [
            Paragraph, ListItem, ListItem, BlockQuote, Code, Table, Paragraph, ListItem, ListItem
        ]
    );
    let second = block(&d, "1.2.2");
    assert_eq!(second.text, "second nested nested 2");
    assert_eq!(
        second.html,
        "second<ul><li>nested</li><li>nested 2</li></ul>"
    );
    assert_eq!(block(&d, "1.3").html, "<p>quote</p>");
    assert_eq!(block(&d, "1.4").html, "code &lt;b&gt;\n");
    assert_eq!(block(&d, "1.4").text, "code <b>");
    assert_eq!(
        block(&d, "1.5").html,
        "<thead><tr><th class=\"align-left\">a</th><th class=\"align-right\">b</th></tr>\
         </thead><tbody><tr><td class=\"align-left\">1</td><td class=\"align-right\">2</td>\
         </tr></tbody>"
    );
    assert_eq!(block(&d, "1.5").text, "a | b / 1 | 2");
    assert_eq!(block(&d, "1.6").html, "&lt;div&gt;raw&lt;/div&gt;\n");
    // Loose list items keep their paragraphs.
    assert_eq!(block(&d, "1.7.1").html, "<p>x</p>");
}

#[test]
fn ordered_list_start_and_inline_markup() {
    let d = doc("3. *a* **b** ~~c~~ `d`\n4. e  \n   f");
    assert_eq!(numbers(&d), ["0.1.1", "0.1.2"]);
    assert_eq!(
        block(&d, "0.1.1").html,
        "<em>a</em> <strong>b</strong> <del>c</del> <code>d</code>"
    );
    assert_eq!(block(&d, "0.1.2").html, "e<br>\nf");
    assert_eq!(block(&d, "0.1.2").text, "e f");
    let nested = doc("- a\n\n  5. x\n  6. y");
    assert!(
        nested
            .blocks()
            .next()
            .expect("one")
            .html
            .contains("<ol start=\"5\">")
    );
}

#[test]
fn footnotes_in_order_of_definition_with_repeated_references() {
    let md = "# T\n\nA[^b] and B[^a] and again[^b] and [^missing].\n\n[^a]: First.\n\n\
              [^b]: Second\n\n    with more.\n";
    let d = doc(md);
    assert_eq!(numbers(&d), ["1.1", "n1", "n2"]);
    let p = &block(&d, "1.1").html;
    assert!(p.contains("A<sup class=\"fnref\"><a href=\"#b-n2\" id=\"fnref-n2-1\">2</a></sup>"));
    assert!(p.contains("B<sup class=\"fnref\"><a href=\"#b-n1\" id=\"fnref-n1-1\">1</a></sup>"));
    assert!(p.contains("id=\"fnref-n2-2\""));
    assert!(p.contains("[^missing]"));
    assert_eq!(block(&d, "n1").text, "First.");
    assert_eq!(block(&d, "n2").text, "Second with more.");
    assert!(
        block(&d, "n2")
            .html
            .starts_with("<p>Second</p><p>with more.")
    );
    assert!(
        block(&d, "n2")
            .html
            .ends_with("href=\"#fnref-n2-1\">\u{21a9}</a></p>")
    );
    // Text for search leaves footnote marks out.
    assert_eq!(block(&d, "1.1").text, "A and B and again and [^missing].");
}

#[test]
fn footnote_defined_inside_a_list_item_is_lifted_out() {
    let d = doc("- x [^a]\n\n  [^a]: inner\n- y");
    assert_eq!(numbers(&d), ["0.1.1", "0.1.2", "n1"]);
    assert_eq!(block(&d, "n1").text, "inner");
    assert!(!block(&d, "0.1.1").text.contains("inner"));
}

#[test]
fn unreferenced_footnote_has_no_back_link() {
    let d = doc("Text.\n\n[^x]: Lonely.");
    assert_eq!(block(&d, "n1").html, "<p>Lonely.</p>");
}

#[test]
fn raw_html_is_text() {
    let d = doc("<script>alert(1)</script>\n\nHi <script>alert(2)</script> <b onclick=\"x\">b</b>");
    assert_inert(&d);
    assert_eq!(
        block(&d, "0.1").html,
        "&lt;script&gt;alert(1)&lt;/script&gt;\n"
    );
    assert_eq!(
        block(&d, "0.2").html,
        "Hi &lt;script&gt;alert(2)&lt;/script&gt; &lt;b onclick=&quot;x&quot;&gt;b&lt;/b&gt;"
    );
    assert_eq!(block(&d, "0.1").text, "<script>alert(1)</script>");
}

#[test]
fn dangerous_links_become_spans() {
    let md = "[x](javascript:alert(1)) [y](JAVASCRIPT:alert(1)) [z](  javascript:alert(1) ) \
              [e](javascript&#58;alert(1)) [t](java&#x09;script:alert(1)) [d](data:text/html,x) \
              [v](vbscript:x) <javascript:alert(1)> [r][ref]\n\n[ref]: javascript:alert(1)";
    let d = doc(md);
    assert_inert(&d);
    let html = &block(&d, "0.1").html;
    assert!(!html.contains("<a "), "{html}");
    assert!(html.starts_with("<span class=\"link-removed\">x</span>"));
}

#[test]
fn safe_links_and_images() {
    let md = "[a](https://roskilde.dk \"Roskilde's \\\"side\\\"\") [b](/side#x) [c](mailto:a@b.dk) \
              <kommunen@roskilde.dk> ![kort](https://evil.example/pixel.gif) \
              ![bad](javascript:alert(1)) [![inner](x.png)](https://roskilde.dk)";
    let d = doc(md);
    assert_inert(&d);
    let html = &block(&d, "0.1").html;
    assert!(html.contains(
        "<a href=\"https://roskilde.dk\" title=\"Roskilde&#39;s &quot;side&quot;\" \
         rel=\"nofollow noopener noreferrer\">a</a>"
    ));
    assert!(html.contains("<a href=\"/side#x\">b</a>"));
    assert!(html.contains("<a href=\"mailto:a@b.dk\">c</a>"));
    assert!(html.contains("<a href=\"mailto:kommunen@roskilde.dk\">kommunen@roskilde.dk</a>"));
    assert!(html.contains("<a class=\"image\" href=\"https://evil.example/pixel.gif\">kort</a>"));
    assert!(html.contains(" bad "));
    assert!(html.contains("rel=\"nofollow noopener noreferrer\">inner</a>"));
    assert!(!html.contains("<img"));
}

#[test]
fn front_matter_title_wins_over_h1() {
    let d = doc("---\ntitle: Fra forsiden\nslug: x\n---\n\n# Overskrift\n");
    assert_eq!(d.title, "Fra forsiden");
    assert_eq!(d.front_matter.slug.as_deref(), Some("x"));
    assert_eq!(d.sections[0].heading, "Overskrift");
}

#[test]
fn bad_front_matter_is_an_error() {
    assert_eq!(
        parse("---\nnot a pair\n---\n\nText"),
        Err(DocumentError::FrontMatter {
            error: FrontMatterError::NotKeyValue { line: 1 }
        })
    );
}

#[test]
fn later_dashes_are_markdown_not_front_matter() {
    // pulldown-cmark reads `---`/text/`---` anywhere as a metadata block; below the top it is
    // a thematic break followed by a setext heading.
    let d = doc("# A\n\nText.\n\n---\nkey: value\n---\n\nMore.");
    assert_eq!(d.front_matter, FrontMatter::default());
    let headings: Vec<&str> = d.sections.iter().map(|s| s.heading.as_str()).collect();
    assert_eq!(headings, ["A", "key: value"]);
    assert_eq!(numbers(&d), ["1.1", "2.1"]);
}

#[test]
fn headings_are_plain_text() {
    let d = doc("## *Uddannelse* & `beskæftigelse` <i>x</i>[^1]\n\n[^1]: n");
    assert_eq!(d.sections[0].heading, "Uddannelse & beskæftigelse <i>x</i>");
}

#[test]
fn ids_are_unique_and_stable() {
    let md = "# A\n\nSame.\n\nSame.\n\n- Same.\n- Same.\n\n# B\n\nSame.\n";
    let a = doc(md);
    let b = doc(md);
    let ids: Vec<&BlockId> = a.blocks().map(|b| &b.id).collect();
    assert_eq!(ids.iter().collect::<HashSet<_>>().len(), ids.len());
    assert_eq!(ids, b.blocks().map(|b| &b.id).collect::<Vec<_>>());
    for block in a.blocks() {
        assert_eq!(a.find_by_id(&block.id), Some(block));
        assert_eq!(a.find(&block.number), Some(block));
    }
    assert_eq!(a.find(&"9.9".parse().expect("valid")), None);
}

#[test]
fn fixture_ids_are_unique_and_stable() {
    let a = doc(FIXTURE);
    let b = doc(FIXTURE);
    let ids: HashSet<&BlockId> = a.blocks().map(|b| &b.id).collect();
    assert_eq!(ids.len(), a.blocks().count());
    assert_eq!(a, b);
}

#[test]
fn crlf_input() {
    let d = doc("---\r\ntitle: T\r\n---\r\n\r\n# H\r\n\r\nA\r\nB\r\n");
    assert_eq!(d.title, "T");
    assert_eq!(block(&d, "1.1").text, "A B");
}

#[test]
fn empty_input() {
    let d = doc("");
    assert!(d.sections.is_empty());
    assert!(d.footnotes.is_empty());
    assert_eq!(d.title, "");
}

/// Fragments that exercise the parser's and the writer's sharp edges.
fn markdownish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("<script>alert(1)</script>".to_owned()),
        Just("<SCRIPT".to_owned()),
        Just("[x](".to_owned()),
        Just("](".to_owned()),
        Just(")".to_owned()),
        Just("javascript:".to_owned()),
        Just("java\tscript:".to_owned()),
        Just("&#106;avascript&#58;".to_owned()),
        Just("data:".to_owned()),
        Just("![".to_owned()),
        Just("<".to_owned()),
        Just(">".to_owned()),
        Just("\"".to_owned()),
        Just("'".to_owned()),
        Just("\n".to_owned()),
        Just("\n\n".to_owned()),
        Just("- ".to_owned()),
        Just("1. ".to_owned()),
        Just("> ".to_owned()),
        Just("# ".to_owned()),
        Just("---".to_owned()),
        Just("```".to_owned()),
        Just("    ".to_owned()),
        Just("[^1]".to_owned()),
        Just("[^1]: ".to_owned()),
        Just("| a | b |\n|---|---|\n".to_owned()),
        Just("*".to_owned()),
        Just("~~".to_owned()),
        Just("`".to_owned()),
        Just("\\".to_owned()),
        Just("[r]: ".to_owned()),
        Just("[r]".to_owned()),
        "[a-zæøå ]{0,8}",
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

proptest! {
    // No regression files: a failure is printed with its minimal input, to be added as a test.
    #![proptest_config(ProptestConfig { cases: 2048, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_is_inert(s in any::<String>()) {
        if let Ok(d) = parse(&s) {
            assert_inert(&d);
        }
    }

    #[test]
    fn markdownish_text_is_inert_and_stable(s in markdownish()) {
        if let Ok(d) = parse(&s) {
            assert_inert(&d);
            let ids: HashSet<&BlockId> = d.blocks().map(|b| &b.id).collect();
            prop_assert_eq!(ids.len(), d.blocks().count());
            for b in d.blocks() {
                prop_assert_eq!(d.find(&b.number), Some(b));
                prop_assert_eq!(b.number.as_str().parse::<BlockNumber>(), Ok(b.number));
            }
            prop_assert_eq!(parse(&s), Ok(d));
        }
    }
}

#[test]
fn regression_link_reference_with_script_text() {
    let d = parse("[r]: [^1]<script>alert(1)</script>&#106;avascript&#58;\n---[r]: ").unwrap();
    assert_inert(&d);
    assert!(
        !d.blocks().any(|b| b.html.contains("href=\"[^1]")),
        "not a link at all"
    );
}
