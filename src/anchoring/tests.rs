//! Unit tests of the version matcher and quote anchoring, on the integration policy.

use std::collections::BTreeSet;

use super::*;
use crate::document::{BlockKind, Document};

const FIXTURE: &str = include_str!("../document/fixtures/integrationspolitik.md");

fn doc(md: &str) -> Document {
    crate::parse(md).unwrap()
}

fn fixture() -> Document {
    doc(FIXTURE)
}

/// The fixture with `from` replaced by `to` (which must occur exactly once).
fn edited(from: &str, to: &str) -> String {
    assert_eq!(FIXTURE.matches(from).count(), 1, "{from:?} occurs once");
    FIXTURE.replacen(from, to, 1)
}

fn block<'d>(d: &'d Document, number: &str) -> &'d crate::Block {
    d.find(&number.parse().unwrap())
        .unwrap_or_else(|| panic!("no block {number}"))
}

fn matched<'m>(m: &'m VersionMatch, new: &Document, number: &str) -> &'m BlockMatch {
    let at = new
        .blocks()
        .position(|b| b.number.as_str() == number)
        .unwrap_or_else(|| panic!("no block {number}"));
    &m.blocks[at]
}

fn kinds(m: &VersionMatch) -> Vec<&'static str> {
    m.blocks.iter().map(|b| b.provenance.kind()).collect()
}

/// How many blocks of `m` are of `kind`.
fn count(m: &VersionMatch, kind: &str) -> usize {
    kinds(m).iter().filter(|k| **k == kind).count()
}

/// The fixture, the version `md` makes of it, and how the two match.
fn against_fixture(md: &str) -> (Document, Document, VersionMatch) {
    let (old, new) = (fixture(), doc(md));
    let m = match_versions(&old, &new);
    (old, new, m)
}

const PARAGRAPH_3_5: &str = "Karakterforskellene mellem børn med dansk baggrund og børn med minoritetsbaggrund i Roskilde er store. Den samme tendens ses inden for ungdomsuddannelser, hvor andelen af unge med minoritetsbaggrund, som har gennemført mindst en ungdomsuddannelse, er væsentlig lavere end for unge med dansk baggrund.\n\n";

#[test]
fn identical_versions_are_unchanged() {
    let old = fixture();
    let m = match_versions(&old, &fixture());
    assert!(kinds(&m).iter().all(|k| *k == "unchanged"));
    let ids: Vec<&BlockId> = old.blocks().map(|b| &b.id).collect();
    let carried: Vec<&BlockId> = m.blocks.iter().map(|b| &b.id).collect();
    assert_eq!(ids, carried);
    assert!(m.removed.is_empty());
    assert!(m.blocks.iter().all(|b| b.inserted.is_empty()));
    // The footnote too.
    assert_eq!(
        m.blocks.last().map(|b| b.number.as_str()),
        Some("n1".into())
    );
}

#[test]
fn an_edited_paragraph_keeps_its_id() {
    let (old, new, m) = against_fixture(&edited(
        "Karakterforskellene mellem børn",
        "Forskellene i karakterer mellem børn",
    ));
    let b = matched(&m, &new, "3.5");
    let was = &block(&old, "3.5").id;
    assert_eq!(b.id, *was);
    assert_eq!(
        b.provenance,
        Provenance::Edited {
            from: vec![was.clone()]
        }
    );
    // The new words, and only they, are inserted text.
    let text = &block(&new, "3.5").text;
    let inserted: Vec<String> = b
        .inserted
        .iter()
        .map(|r| text.chars().skip(r.start).take(r.end - r.start).collect())
        .collect();
    assert_eq!(inserted, ["Forskellene i karakterer"]);
    assert_eq!(count(&m, "edited"), 1);
    assert!(m.removed.is_empty());
}

/// The fixture with paragraph 3.5 taken out and `paragraph` put at the very end.
fn with_3_5_at_the_end(paragraph: &str) -> String {
    let md = edited(PARAGRAPH_3_5, "");
    format!("{}\n\n{}", md.trim_end(), paragraph.trim_end())
}

#[test]
fn a_paragraph_moved_to_another_section_is_moved() {
    let md = with_3_5_at_the_end(PARAGRAPH_3_5);
    // The footnote definition was last; the paragraph now follows it, in section 5.
    let (old, _, m) = against_fixture(&md);
    let was = &block(&old, "3.5").id;
    let moved: Vec<&BlockMatch> = m
        .blocks
        .iter()
        .filter(|b| b.provenance.kind() == "moved")
        .collect();
    assert_eq!(moved.len(), 1, "{:?}", kinds(&m));
    assert_eq!(moved[0].id, *was);
    assert_eq!(moved[0].number.as_str(), "5.4");
    assert_eq!(
        moved[0].provenance,
        Provenance::Moved {
            from: vec![was.clone()],
            edited: false
        }
    );
    assert_eq!(count(&m, "unchanged"), 23);
}

#[test]
fn a_moved_and_edited_paragraph_is_moved_and_edited() {
    let changed = PARAGRAPH_3_5.replace("er store", "er fortsat store");
    let md = with_3_5_at_the_end(&changed);
    let (old, new, m) = against_fixture(&md);
    let b = matched(&m, &new, "5.4");
    assert_eq!(b.id, block(&old, "3.5").id);
    assert!(matches!(
        b.provenance,
        Provenance::Moved { edited: true, .. }
    ));
}

/// The text of section `n` ("## …" up to the next "## " or the footnote).
fn section_text(n: usize) -> String {
    let parts: Vec<&str> = FIXTURE.split("\n## ").collect();
    let body = parts[n];
    let body = body.split("\n[^1]:").next().unwrap_or(body);
    format!("\n## {}", body.trim_end())
}

#[test]
fn reordered_sections_keep_ids_and_the_lighter_section_moved() {
    let (s3, s4) = (section_text(2), section_text(3));
    assert!(s3.contains("## Lige muligheder og ressourcer"));
    assert!(s4.contains("## Uddannelse & beskæftigelse"));
    let swapped = FIXTURE
        .replacen(&s3, "\u{0}", 1)
        .replacen(&s4, &s3, 1)
        .replacen('\u{0}', &s4, 1);
    let (old, new, m) = against_fixture(&swapped);
    assert!(m.removed.is_empty());
    let old_ids: BTreeSet<&BlockId> = old.blocks().map(|b| &b.id).collect();
    assert!(m.blocks.iter().all(|b| old_ids.contains(&b.id)));
    // Section 4 (five blocks, shorter) now comes first and is the one that moved.
    for (b, nb) in m.blocks.iter().zip(new.blocks()) {
        let heading = new
            .section(nb.number.section().unwrap_or(0))
            .map_or("", |s| s.heading.as_str());
        let expect = if heading == "Uddannelse & beskæftigelse" {
            "moved"
        } else {
            "unchanged"
        };
        assert_eq!(b.provenance.kind(), expect, "{}", nb.number);
        assert_eq!(old.find_by_id(&b.id).map(|o| &o.text), Some(&nb.text));
    }
}

#[test]
fn a_split_paragraph_gives_pieces_and_the_larger_keeps_the_id() {
    // 2.2 split after its first sentence: the second piece holds most of the text.
    let (old, new, m) = against_fixture(&edited(
        "gennemfører en uddannelse. At flere",
        "gennemfører en uddannelse.\n\nAt flere",
    ));
    let was = &block(&old, "2.2").id;
    let (first, second) = (matched(&m, &new, "2.2"), matched(&m, &new, "2.3"));
    assert_eq!(
        first.provenance,
        Provenance::SplitFrom {
            from: vec![was.clone()],
            keeps_id: false
        }
    );
    assert_eq!(
        second.provenance,
        Provenance::SplitFrom {
            from: vec![was.clone()],
            keeps_id: true
        }
    );
    assert_eq!(second.id, *was);
    assert!(old.blocks().all(|b| b.id != first.id));
    assert!(m.removed.is_empty());
    assert_eq!(count(&m, "unchanged"), 23);
}

#[test]
fn merged_paragraphs_keep_the_id_of_the_larger() {
    // 2.4 and 2.5 become one paragraph; 2.4 is the longer.
    let (old, new, m) = against_fixture(&edited(
        "sat med politikken.\n\nIntegrationspolitikken sætter",
        "sat med politikken. Integrationspolitikken sætter",
    ));
    let (a, b) = (&block(&old, "2.4").id, &block(&old, "2.5").id);
    let merged = matched(&m, &new, "2.4");
    assert_eq!(
        merged.provenance,
        Provenance::MergedFrom {
            from: vec![a.clone(), b.clone()]
        }
    );
    assert_eq!(merged.id, *a);
    assert!(m.removed.is_empty());
    assert!(m.blocks.iter().all(|x| x.id != *b));
}

#[test]
fn inserted_and_deleted_blocks() {
    let md = edited(
        "Integrationspolitikken sætter fokus",
        "Kommunen evaluerer politikken hvert andet år og offentliggør resultatet på hjemmesiden.\n\nIntegrationspolitikken sætter fokus",
    );
    let md = md.replacen(PARAGRAPH_3_5, "", 1);
    let (old, new, m) = against_fixture(&md);
    let inserted = matched(&m, &new, "2.5");
    assert_eq!(inserted.provenance, Provenance::New);
    let all_old: BTreeSet<&BlockId> = old.blocks().map(|b| &b.id).collect();
    assert!(!all_old.contains(&inserted.id));
    assert_eq!(
        inserted.inserted,
        std::iter::once(0..block(&new, "2.5").text.chars().count()).collect::<Vec<_>>()
    );
    assert_eq!(m.removed, [block(&old, "3.5").id.clone()]);
    assert!(m.successors(&block(&old, "3.5").id).next().is_none());
    assert!(m.is_removed(&block(&old, "3.5").id));
}

#[test]
fn a_deleted_paragraph_is_removed_even_if_new_text_shares_its_words() {
    // 3.5 replaced by a new paragraph built from many of its words.
    let (old, new, m) = against_fixture(&edited(
        PARAGRAPH_3_5,
        "Børn med dansk baggrund og børn med minoritetsbaggrund i Roskilde skal have lige gode muligheder i ungdomsuddannelser.\n\n",
    ));
    assert_eq!(matched(&m, &new, "3.5").provenance, Provenance::New);
    assert_eq!(m.removed, [block(&old, "3.5").id.clone()]);
}

const LEAD_IN: &str = "Vi vil arbejde for, at:";

/// The ids of the three copies of "Vi vil arbejde for, at:" in `d`, in order, with the text
/// of the list item following each.
fn lead_ins(d: &Document) -> Vec<(BlockId, String)> {
    let blocks: Vec<&crate::Block> = d.blocks().collect();
    blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| b.text == LEAD_IN)
        .map(|(i, b)| (b.id.clone(), blocks[i + 1].text.clone()))
        .collect()
}

#[test]
fn the_repeated_lead_in_keeps_each_copy_apart() {
    let old = fixture();
    let copies = lead_ins(&old);
    assert_eq!(copies.len(), 3);

    // Delete the second copy only: exactly that id is removed.
    let md = FIXTURE.replacen(
        "baggrund.\n\nVi vil arbejde for, at:\n\n- ledigheden",
        "baggrund.\n\n- ledigheden",
        1,
    );
    assert_ne!(md, FIXTURE);
    let (carried, m) = carry_ids(&old, doc(&md));
    assert_eq!(m.removed, [copies[1].0.clone()]);
    let left = lead_ins(&carried);
    assert_eq!(left, [copies[0].clone(), copies[2].clone()]);

    // Swap sections 3 and 4: each copy goes with the list it introduces.
    let (s3, s4) = (section_text(2), section_text(3));
    let swapped = FIXTURE
        .replacen(&s3, "\u{0}", 1)
        .replacen(&s4, &s3, 1)
        .replacen('\u{0}', &s4, 1);
    let (carried, m) = carry_ids(&old, doc(&swapped));
    assert!(m.removed.is_empty());
    let mut after: Vec<(BlockId, String)> = lead_ins(&carried);
    after.sort();
    let mut before = copies.clone();
    before.sort();
    assert_eq!(after, before);

    // Edit the paragraph before and the item after the first copy: still the same copy.
    let md = edited(
        "Uddannelse og læring er vigtige",
        "Uddannelse og læring er meget vigtige",
    )
    .replacen(
        "flere børn med minoritetsbaggrund skal lære dansk",
        "flere børn med minoritetsbaggrund bør lære dansk",
        1,
    );
    let (carried, m) = carry_ids(&old, doc(&md));
    assert!(m.removed.is_empty());
    assert_eq!(lead_ins(&carried)[0].0, copies[0].0);
}

#[test]
fn copies_of_the_lead_in_moved_away_from_their_lists() {
    let old = fixture();
    let copies = lead_ins(&old);
    let without_second = FIXTURE.replacen(
        "baggrund.\n\nVi vil arbejde for, at:\n\n- ledigheden",
        "baggrund.\n\n- ledigheden",
        1,
    );
    let at_section_2 = |md: &str| {
        md.replacen(
            "## Lige muligheder, ressourcer, medborgerskab og fællesskab\n\n",
            "## Lige muligheder, ressourcer, medborgerskab og fællesskab\n\nVi vil arbejde for, at:\n\n",
            1,
        )
    };
    // One copy leaves its list for the start of section 2: the others stayed, so it is the
    // second copy, moved.
    let new = doc(&at_section_2(&without_second));
    let m = match_versions(&old, &new);
    assert_eq!(block(&new, "2.1").text, LEAD_IN);
    assert_eq!(
        matched(&m, &new, "2.1").provenance,
        Provenance::Moved {
            from: vec![copies[1].0.clone()],
            edited: false
        }
    );
    assert!(m.removed.is_empty());

    // Two copies leave their lists for the starts of sections 2 and 3: nothing tells which is
    // which, so both are new and both old copies removed, rather than a coin toss.
    let md = at_section_2(&without_second)
        .replacen(
            "forenings- og erhvervslivet.\n\nVi vil arbejde for, at:\n\n",
            "forenings- og erhvervslivet.\n\n",
            1,
        )
        .replacen(
            "## Lige muligheder og ressourcer\n\n",
            "## Lige muligheder og ressourcer\n\nVi vil arbejde for, at:\n\n",
            1,
        );
    let new = doc(&md);
    let m = match_versions(&old, &new);
    assert_eq!(block(&new, "3.1").text, LEAD_IN);
    assert_eq!(matched(&m, &new, "2.1").provenance, Provenance::New);
    assert_eq!(matched(&m, &new, "3.1").provenance, Provenance::New);
    assert_eq!(m.removed, [copies[1].0.clone(), copies[2].0.clone()]);
}

#[test]
fn carrying_ids_is_stable_and_idempotent() {
    let old = fixture();
    let md = edited("Karakterforskellene mellem", "Forskellene mellem")
        .replacen("Vellykket integration", "Vellykket og varig integration", 1)
        .replacen(
            "Integrationspolitikken sætter fokus",
            "Et nyt afsnit om evaluering af politikken.\n\nIntegrationspolitikken sætter fokus",
            1,
        );
    let (carried, m) = carry_ids(&old, doc(&md));
    for (b, bm) in carried.blocks().zip(&m.blocks) {
        assert_eq!(b.id, bm.id);
    }
    // Same input, same output; and matching against the carried document changes nothing.
    assert_eq!(match_versions(&old, &doc(&md)), m);
    let (again, m2) = carry_ids(&old, carried.clone());
    assert_eq!(again, carried);
    assert_eq!(m2, m);
    // Ids are distinct.
    let ids: BTreeSet<&BlockId> = m.blocks.iter().map(|b| &b.id).collect();
    assert_eq!(ids.len(), m.blocks.len());
}

#[test]
fn ids_survive_a_chain_of_versions() {
    let v1 = fixture();
    let v2 = doc(&edited(
        "Vellykket integration",
        "Vellykket og varig integration",
    ));
    let (v2, _) = carry_ids(&v1, v2);
    let v3_md = edited("Vellykket integration", "Vellykket og varig integration").replacen(
        PARAGRAPH_3_5,
        "",
        1,
    );
    let (v3, m3) = carry_ids(&v2, doc(&v3_md));
    assert_eq!(block(&v3, "2.3").id, block(&v1, "2.3").id);
    assert_eq!(m3.removed, [block(&v1, "3.5").id.clone()]);
    assert_eq!(block(&v3, "4.1").id, block(&v1, "4.1").id);
}

#[test]
fn fresh_ids_never_collide_with_old_ones() {
    // The new copy of "Tekst." would get the content id of the old block it is not.
    let old = doc("Tekst.\n\nEt andet afsnit.\n\nTekst.\n");
    let new = doc("Tekst.\n\nEt andet afsnit.\n\nTekst.\n\nEt helt nyt afsnit.\n\nTekst.\n");
    let m = match_versions(&old, &new);
    let old_ids: BTreeSet<&BlockId> = old.blocks().map(|b| &b.id).collect();
    let ids: BTreeSet<&BlockId> = m.blocks.iter().map(|b| &b.id).collect();
    assert_eq!(ids.len(), 5);
    for b in &m.blocks {
        if b.provenance == Provenance::New {
            assert!(!old_ids.contains(&b.id));
        } else {
            assert!(old_ids.contains(&b.id));
        }
    }
}

#[test]
fn empty_versions() {
    let empty = doc("");
    let full = fixture();
    let m = match_versions(&empty, &full);
    assert!(kinds(&m).iter().all(|k| *k == "new"));
    assert!(m.removed.is_empty());
    let m = match_versions(&full, &empty);
    assert!(m.blocks.is_empty());
    assert_eq!(m.removed.len(), full.blocks().count());
}

#[test]
fn kinds_and_texts_of_any_block_type_match() {
    let old = doc(
        "| a | b |\n|---|---|\n| 1 | 2 |\n\n```\nkode her\n```\n\n> Et citat om integration.\n",
    );
    let new = doc(
        "Indledning.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```\nkode her\n```\n\n> Et citat om integration i kommunen.\n",
    );
    let m = match_versions(&old, &new);
    assert_eq!(kinds(&m), ["new", "unchanged", "unchanged", "edited"]);
    assert_eq!(new.blocks().nth(1).map(|b| b.kind), Some(BlockKind::Table));
}

#[test]
fn version_match_serialises_with_kind_tags() {
    let changed = PARAGRAPH_3_5.replace("er store", "er fortsat store");
    let md = with_3_5_at_the_end(&changed);
    let (_, _, m) = against_fixture(&md);
    let json = serde_json::to_value(&m).unwrap();
    let moved = json["blocks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["provenance"]["kind"] == "moved")
        .unwrap();
    assert_eq!(moved["provenance"]["edited"], true);
    assert_eq!(moved["provenance"]["from"][0], moved["id"]);
    assert_eq!(moved["number"], "5.4");
    assert!(moved["inserted"].is_array());
    let unchanged = &json["blocks"][0];
    assert_eq!(unchanged["provenance"]["kind"], "unchanged");
    assert!(unchanged.get("inserted").is_none());
    assert_eq!(json["removed"], serde_json::json!([]));
    let back: VersionMatch = serde_json::from_value(json).unwrap();
    assert_eq!(back, m);
    assert_eq!(
        serde_json::to_value(Provenance::New).unwrap(),
        serde_json::json!({"kind": "new"})
    );
}

// --- Quotes -------------------------------------------------------------------------------

#[test]
fn quotes_take_char_offsets_and_context_to_word_boundaries() {
    let text = "Vellykket integration fordrer åbenhed, imødekommenhed og støtte i lokalsamfund, foreningsliv og på arbejdspladser.";
    let start = text.chars().position(|c| c == 'å').unwrap();
    let q = TextQuote::from_selection(
        text,
        start,
        start + "åbenhed, imødekommenhed".chars().count(),
    )
    .unwrap();
    assert_eq!(q.exact(), "åbenhed, imødekommenhed");
    assert_eq!(q.prefix(), "Vellykket integration fordrer ");
    assert_eq!(q.suffix(), " og støtte i lokalsamfund,");
    // Whitespace at the ends of a selection is left out; the cut-off word too.
    let q = TextQuote::from_selection(text, start - 1, start + 8).unwrap();
    assert_eq!(q.exact(), "åbenhed,");
    let far = text.chars().count();
    // A selection starting inside a word keeps its start; the context ends with the rest.
    let q = TextQuote::from_selection(text, far - 13, far).unwrap();
    assert_eq!(q.exact(), "bejdspladser.");
    assert_eq!(q.prefix(), "foreningsliv og på ar");
    assert_eq!(q.suffix(), "");
}

#[test]
fn bad_selections_are_refused() {
    let text = "Alle borgere";
    assert_eq!(
        TextQuote::from_selection(text, 3, 1),
        Err(QuoteError::Reversed)
    );
    assert_eq!(
        TextQuote::from_selection(text, 0, 13),
        Err(QuoteError::OutOfRange)
    );
    assert_eq!(
        TextQuote::from_selection(text, 4, 5),
        Err(QuoteError::Empty)
    );
    let long = "ord ".repeat(600);
    assert_eq!(
        TextQuote::from_selection(&long, 0, 2_400),
        Err(QuoteError::TooLong {
            max: MAX_EXACT_CHARS
        })
    );
    assert!(serde_json::from_str::<TextQuote>(r#"{"exact":"  "}"#).is_err());
    let q: TextQuote = serde_json::from_str(r#"{"exact":"åbenhed"}"#).unwrap();
    assert_eq!((q.prefix(), q.suffix()), ("", ""));
    assert_eq!(byte_range("æøå abc", 1, 3), Some(2..6));
    assert_eq!(byte_range("æøå", 0, 3), Some(0..6));
    assert_eq!(byte_range("æøå", 2, 4), None);
}

/// A quote of `exact` (occurring once) in block `number` of the fixture.
fn quote_in(d: &Document, number: &str, exact: &str) -> (TextQuote, BlockId) {
    let b = block(d, number);
    let at = b
        .text
        .find(exact)
        .unwrap_or_else(|| panic!("{exact:?} in {number}"));
    let start = b.text[..at].chars().count();
    let q = TextQuote::from_selection(&b.text, start, start + exact.chars().count()).unwrap();
    (q, b.id.clone())
}

/// The anchor, in `md` (a later version of the fixture), of a quote of `exact` in the
/// fixture's block `number`; with that version.
fn anchor_in(md: &str, number: &str, exact: &str) -> (QuoteAnchor, Document) {
    let old = fixture();
    let (q, id) = quote_in(&old, number, exact);
    let (new, m) = carry_ids(&old, doc(md));
    (anchor_quote(&q, &id, &new, &m), new)
}

fn anchored_text(new: &Document, a: &QuoteAnchor) -> Option<(String, String)> {
    match a {
        QuoteAnchor::Exact { block, start, end }
        | QuoteAnchor::Fuzzy {
            block, start, end, ..
        } => {
            let b = new.find_by_id(block)?;
            let text: String = b.text.chars().skip(*start).take(end - start).collect();
            Some((b.number.as_str(), text))
        }
        QuoteAnchor::Removed => None,
    }
}

/// Asserts that `a` stands in block `number` of `new`, over `text`.
fn assert_anchored(new: &Document, a: &QuoteAnchor, number: &str, text: &str) {
    assert_eq!(anchored_text(new, a), Some((number.into(), text.into())));
}

#[test]
fn a_quote_in_an_untouched_or_edited_block_is_found_exactly() {
    let md = edited("Vellykket integration", "Vellykket og varig integration");
    let (a, new) = anchor_in(&md, "2.3", "åbenhed, imødekommenhed og støtte");
    assert!(matches!(a, QuoteAnchor::Exact { .. }));
    assert_anchored(&new, &a, "2.3", "åbenhed, imødekommenhed og støtte");
}

#[test]
fn an_edited_quote_is_found_fuzzily_with_its_new_words() {
    let quote = "åbenhed, imødekommenhed og støtte";
    let md = edited(quote, "åbenhed, gæstfrihed og støtte");
    let (a, _) = anchor_in(&md, "2.3", quote);
    let QuoteAnchor::Fuzzy { now, score, .. } = &a else {
        panic!("{a:?}")
    };
    assert_eq!(now, "åbenhed, gæstfrihed og støtte");
    assert!(*score > 0.5 && *score < 1.0);
}

#[test]
fn a_deleted_quote_is_removed_not_guessed() {
    let sentence = " Vi stiller krav til vores lokalsamfund om at rumme forskelligheder og byde borgerne, uanset baggrund og etnicitet, indenfor i fællesskaberne.";
    let md = edited(sentence, "");
    let (a, _) = anchor_in(&md, "2.3", "krav til vores lokalsamfund");
    assert_eq!(a, QuoteAnchor::Removed);
    // A short common phrase whose occurrence went: not found at another "og" or "for at".
    let (a, _) = anchor_in(&md, "2.3", "og byde");
    assert_eq!(a, QuoteAnchor::Removed);
}

#[test]
fn a_quote_moved_to_another_paragraph_is_found_there() {
    let sentence = " Vi stiller krav til vores lokalsamfund om at rumme forskelligheder og byde borgerne, uanset baggrund og etnicitet, indenfor i fællesskaberne.";
    // The sentence leaves 2.3 for the end of 5.1.
    let md = edited(sentence, "").replacen(
        "forenings- og erhvervslivet.",
        &format!("forenings- og erhvervslivet.{sentence}"),
        1,
    );
    let (a, new) = anchor_in(&md, "2.3", "rumme forskelligheder og byde borgerne");
    assert!(matches!(a, QuoteAnchor::Exact { .. }), "{a:?}");
    assert_anchored(&new, &a, "5.1", "rumme forskelligheder og byde borgerne");
}

#[test]
fn a_quote_follows_splits_and_merges() {
    let split = edited(
        "gennemfører en uddannelse. At flere",
        "gennemfører en uddannelse.\n\nAt flere",
    );
    let (a, new) = anchor_in(&split, "2.2", "graden af selvforsørgelse");
    assert_anchored(&new, &a, "2.3", "graden af selvforsørgelse");
    let merged = edited(
        "sat med politikken.\n\nIntegrationspolitikken sætter",
        "sat med politikken. Integrationspolitikken sætter",
    );
    let (a, new) = anchor_in(&merged, "2.5", "danner rammen");
    assert_anchored(&new, &a, "2.4", "danner rammen");
}

#[test]
fn a_repeated_phrase_is_told_apart_by_its_context() {
    let old = fixture();
    let b = block(&old, "3.4.1");
    let phrase = "børn med minoritetsbaggrund";
    let second = b
        .text
        .match_indices(phrase)
        .nth(1)
        .map(|(at, _)| at)
        .unwrap();
    let start = b.text[..second].chars().count();
    let q = TextQuote::from_selection(&b.text, start, start + phrase.chars().count()).unwrap();
    assert_eq!(q.suffix(), " og børn med dansk baggrund, når");
    let (new, m) = carry_ids(
        &old,
        doc(&edited(
            "lære dansk før skolestart",
            "lære godt dansk før skolestart",
        )),
    );
    let a = anchor_quote(&q, &b.id, &new, &m);
    let QuoteAnchor::Exact { start: found, .. } = a else {
        panic!("{a:?}")
    };
    let text = &block(&new, "3.4.1").text;
    let second_now = text.match_indices(phrase).nth(1).map(|(at, _)| at).unwrap();
    assert_eq!(found, text[..second_now].chars().count());
}

#[test]
fn a_quote_on_a_deleted_copy_of_the_lead_in_is_removed() {
    let old = fixture();
    let copies = lead_ins(&old);
    let text = LEAD_IN;
    let q = TextQuote::from_selection(text, 0, text.chars().count()).unwrap();
    let part = TextQuote::from_selection(text, 3, 14).unwrap();
    assert_eq!(part.exact(), "vil arbejde");
    let md = FIXTURE.replacen(
        "baggrund.\n\nVi vil arbejde for, at:\n\n- ledigheden",
        "baggrund.\n\n- ledigheden",
        1,
    );
    let (new, m) = carry_ids(&old, doc(&md));
    assert_eq!(
        anchor_quote(&q, &copies[1].0, &new, &m),
        QuoteAnchor::Removed
    );
    assert_eq!(
        anchor_quote(&part, &copies[1].0, &new, &m),
        QuoteAnchor::Removed
    );
    // The copy that is still there is found.
    assert!(matches!(
        anchor_quote(&q, &copies[2].0, &new, &m),
        QuoteAnchor::Exact {
            start: 0,
            end: 23,
            ..
        }
    ));
}

#[test]
fn quote_anchors_serialise_with_kind_tags() {
    let a = QuoteAnchor::Fuzzy {
        block: BlockId::parse("0123456789ab").unwrap(),
        start: 3,
        end: 9,
        now: "nu".into(),
        score: 0.5,
    };
    let json = serde_json::to_value(&a).unwrap();
    assert_eq!(json["kind"], "fuzzy");
    assert_eq!(json["block"], "0123456789ab");
    assert_eq!(serde_json::from_value::<QuoteAnchor>(json).unwrap(), a);
    assert_eq!(
        serde_json::to_value(QuoteAnchor::Removed).unwrap(),
        serde_json::json!({"kind": "removed"})
    );
    let q = TextQuote::new("a".into(), "b ".into(), " c".into()).unwrap();
    let json = serde_json::to_value(&q).unwrap();
    assert_eq!(
        json,
        serde_json::json!({"exact": "a", "prefix": "b ", "suffix": " c"})
    );
}

const LIST_ITEMS_4_3: &str = "- ledigheden blandt borgere med minoritetsbaggrund reduceres blandt andet gennem faglig opkvalificering, kompetenceudvikling og indsatser med fokus på at få og fastholde en plads på arbejdsmarkedet.\n- flere kvinder med minoritetsbaggrund bliver en del af arbejdsmarkedet og bliver selvforsørgende, så vi fremmer integrationen og så kvinder oplever selvstændighed.";

/// A quote of "selvforsørgende" in item 4.3.2, carried to `new`; with the matching.
fn carry_selvforsorgende(md: &str) -> (Document, VersionMatch, Placement) {
    let old = fixture();
    let (q, id) = quote_in(&old, "4.3.2", "selvforsørgende");
    let (new, m) = carry_ids(&old, doc(md));
    let p = carry_step(
        &Placement::At {
            block: id,
            quote: Some(q),
        },
        &old,
        &new,
        &m,
    );
    (new, m, p)
}

/// Two list items of one list merged into one, each lightly edited (the case from a real edit):
/// the matcher must see the merge, and a quote of a word of the second item that survives
/// verbatim must be carried, not listed as removed.
#[test]
fn merged_list_items_are_a_merge_and_their_quotes_are_carried() {
    let old = fixture();
    let md = edited(
        LIST_ITEMS_4_3,
        "- ledigheden blandt borgere med minoritetsbaggrund nedbringes blandt andet gennem faglig opkvalificering, kompetenceudvikling og indsatser med fokus på at få og fastholde en plads på arbejdsmarkedet, og at flere kvinder med minoritetsbaggrund bliver en del af arbejdsmarkedet og dermed selvforsørgende, hvilket fremmer integrationen og kvinders selvstændighed.",
    );
    let (first, second) = (&block(&old, "4.3.1").id, &block(&old, "4.3.2").id);
    let (new, m, carried) = carry_selvforsorgende(&md);
    let merged = matched(&m, &new, "4.3.1");
    assert_eq!(
        merged.provenance,
        Provenance::MergedFrom {
            from: vec![first.clone(), second.clone()]
        },
        "{:?}",
        kinds(&m)
    );
    assert!(m.removed.is_empty());
    assert!(
        matches!(&carried, Placement::At { block, quote: Some(q) }
            if *block == merged.id && q.exact() == "selvforsørgende"),
        "{carried:?}"
    );
}

/// The same merge with the second item rewritten more than half: whether it is a merge or
/// an edit of the first item plus a removal is a judgement call, but the quoted word, which
/// stands there verbatim in text the merged item gained, is carried either way.
#[test]
fn a_quoted_word_surviving_a_heavy_merge_is_not_removed() {
    let md = edited(
        LIST_ITEMS_4_3,
        "- ledigheden blandt borgere med minoritetsbaggrund nedbringes blandt andet gennem faglig opkvalificering, kompetenceudvikling og indsatser med fokus på at få og fastholde en plads på arbejdsmarkedet, og at flere kvinder med minoritetsbaggrund kommer i arbejde, bliver selvforsørgende og oplever selvstændighed.",
    );
    let (new, m, carried) = carry_selvforsorgende(&md);
    let merged = matched(&m, &new, "4.3.1");
    assert!(
        matches!(&carried, Placement::At { block, quote: Some(q) }
            if *block == merged.id && q.exact() == "selvforsørgende"),
        "{carried:?} ({:?})",
        merged.provenance
    );
}
