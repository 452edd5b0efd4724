//! The integration policy from Roskilde Kommune, parsed end to end through the public API.

use std::collections::HashSet;

use crate::{BlockKind, BlockNumber, BlockNumberParts, Document};

const FIXTURE: &str = include_str!("fixtures/integrationspolitik.md");

fn fixture() -> Document {
    crate::parse(FIXTURE).expect("the fixture parses")
}

#[test]
fn five_sections_with_their_headings() {
    let d = fixture();
    let headings: Vec<&str> = d.sections.iter().map(|s| s.heading.as_str()).collect();
    assert_eq!(
        headings,
        [
            "Muligheder og medborgerskab",
            "Lige muligheder, ressourcer, medborgerskab og fællesskab",
            "Lige muligheder og ressourcer",
            "Uddannelse & beskæftigelse",
            "Medborgerskab og fællesskaber",
        ]
    );
    assert!(d.sections[0].blocks.is_empty());
    assert_eq!(d.sections.iter().filter(|s| s.level == 2).count(), 4);
    assert_eq!(d.title, "Muligheder og medborgerskab – Integrationspolitik");
    assert_eq!(
        d.front_matter.municipality.as_deref(),
        Some("Roskilde Kommune")
    );
    assert_eq!(
        d.front_matter
            .extra
            .get("reply_promise_working_days")
            .map(String::as_str),
        Some("10")
    );
}

#[test]
fn nine_list_items_one_block_each() {
    let d = fixture();
    let items: Vec<String> = d
        .blocks()
        .filter(|b| b.kind == BlockKind::ListItem)
        .map(|b| b.number.as_str())
        .collect();
    assert_eq!(
        items,
        [
            "3.4.1", "3.4.2", "3.4.3", "3.4.4", "4.3.1", "4.3.2", "5.3.1", "5.3.2", "5.3.3"
        ]
    );
    let number: BlockNumber = "3.4.1".parse().expect("valid");
    let item = d.find(&number).expect("block 3.4.1");
    assert_eq!(item.kind, BlockKind::ListItem);
    assert!(
        item.text
            .starts_with("flere børn med minoritetsbaggrund skal lære dansk før skolestart")
    );
    assert_eq!(
        item.number.parts(),
        BlockNumberParts::ListItem {
            section: 3,
            position: 4,
            item: 1
        }
    );
    assert_eq!(item.number.fragment(), "b-3.4.1");
}

#[test]
fn one_footnote_linked_both_ways() {
    let d = fixture();
    assert_eq!(d.footnotes.len(), 1);
    let note = &d.footnotes[0];
    assert_eq!(note.number.as_str(), "n1");
    assert_eq!(note.number.parts(), BlockNumberParts::Footnote { note: 1 });
    let fragment = note.number.fragment();
    let referring: Vec<&str> = d
        .blocks()
        .filter(|b| b.html.contains(&format!("href=\"#{fragment}\"")))
        .map(|b| b.text.as_str())
        .collect();
    assert_eq!(referring.len(), 1);
    assert!(referring[0].starts_with("I Roskilde Kommune vil vi skabe rammerne"));
    assert!(d.find(&note.number).is_some());
    assert!(note.html.contains("href=\"#fnref-n1-1\""));
    assert!(d.blocks().any(|b| b.html.contains("id=\"fnref-n1-1\"")));
}

#[test]
fn ids_are_unique_and_survive_reparsing() {
    let a = fixture();
    let b = fixture();
    let ids: HashSet<&str> = a.blocks().map(|b| b.id.as_str()).collect();
    assert_eq!(ids.len(), a.blocks().count());
    assert_eq!(a.blocks().count(), 24);
    let a_ids: Vec<_> = a.blocks().map(|b| b.id.clone()).collect();
    let b_ids: Vec<_> = b.blocks().map(|b| b.id.clone()).collect();
    assert_eq!(a_ids, b_ids);
    for block in a.blocks() {
        assert_eq!(
            a.find_by_id(&block.id).map(|b| &b.number),
            Some(&block.number)
        );
    }
}

#[test]
fn an_edit_keeps_the_ids_of_untouched_blocks() {
    let before = fixture();
    let edited = FIXTURE.replace("Karakterforskellene", "Forskellene i karakterer");
    let after = crate::parse(&edited).expect("parses");
    let before_ids: HashSet<_> = before.blocks().map(|b| b.id.clone()).collect();
    let kept = after
        .blocks()
        .filter(|b| before_ids.contains(&b.id))
        .count();
    assert_eq!(kept, after.blocks().count() - 1);
}

#[test]
fn script_and_javascript_stay_inert() {
    let md = format!(
        "{FIXTURE}\n\n<script>alert(1)</script>\n\nInline <script>alert(2)</script> and \
         [x](javascript:alert(1)).\n"
    );
    let d = crate::parse(&md).expect("parses");
    for b in d.blocks() {
        let lower = b.html.to_ascii_lowercase();
        assert!(!lower.contains("<script"), "{}", b.html);
        assert!(!lower.contains("href=\"javascript"), "{}", b.html);
    }
    let last = d.sections.last().expect("sections");
    let texts: Vec<&str> = last.blocks.iter().map(|b| b.text.as_str()).collect();
    assert!(texts.contains(&"<script>alert(1)</script>"));
}
