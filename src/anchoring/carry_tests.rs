//! Unit tests of carrying input across versions and of finding typed quotes in a block.

use super::*;
use crate::document::Document;

const FIXTURE: &str = include_str!("../document/fixtures/integrationspolitik.md");

fn doc(md: &str) -> Document {
    crate::parse(md).unwrap()
}

fn edited(from: &str, to: &str) -> String {
    assert_eq!(FIXTURE.matches(from).count(), 1, "{from:?} occurs once");
    FIXTURE.replacen(from, to, 1)
}

/// The quote `typed` finds in `text`; the test fails if it finds none.
fn found(text: &str, typed: &str) -> TextQuote {
    let quote = locate_typed_quote(text, typed).expect("valid input");
    quote.unwrap_or_else(|| panic!("{typed:?} is not found in {text:?}"))
}

fn id_of(d: &Document, number: &str) -> BlockId {
    d.find(&number.parse().unwrap()).unwrap().id.clone()
}

fn number_of(d: &Document, id: &BlockId) -> String {
    d.find_by_id(id).unwrap().number.as_str()
}

/// A quote of `exact` in block `number`, as the server would have stored it.
fn at_quote(d: &Document, number: &str, exact: &str) -> Placement {
    let text = &d.find(&number.parse().unwrap()).unwrap().text;
    Placement::At {
        block: id_of(d, number),
        quote: locate_typed_quote(text, exact).unwrap(),
    }
}

/// One step from the fixture to `md`: the new document with durable ids and the placement.
fn step(placement: &Placement, md: &str) -> (Document, Placement) {
    let old = doc(FIXTURE);
    let (new, m) = carry_ids(&old, doc(md));
    let next = carry_step(placement, &old, &new, &m);
    (new, next)
}

fn shown(d: &Document, p: &Placement) -> Option<(String, Option<String>)> {
    match p {
        Placement::At { block, quote } => Some((
            number_of(d, block),
            quote.as_ref().map(|q| q.exact().to_owned()),
        )),
        Placement::Removed => None,
    }
}

// --- locate_typed_quote -----------------------------------------------------------------

const TEXT: &str = "Vellykket integration fordrer åbenhed, imødekommenhed og støtte i lokalsamfund, foreningsliv og på arbejdspladser.";

#[test]
fn a_typed_quote_is_found_with_its_context() {
    let q = found(TEXT, "imødekommenhed og støtte");
    assert_eq!(q.exact(), "imødekommenhed og støtte");
    assert_eq!(q.prefix(), "integration fordrer åbenhed, ");
    assert_eq!(q.suffix(), " i lokalsamfund, foreningsliv og");
}

#[test]
fn whitespace_runs_and_ends_of_the_typed_quote_do_not_matter() {
    let q = found(TEXT, "  åbenhed,\n   imødekommenhed\tog ");
    assert_eq!(q.exact(), "åbenhed, imødekommenhed og");
    // A whitespace run in the text matches one typed space too.
    let q = found("lige  muligheder\nfor alle", "muligheder for");
    assert_eq!(q.exact(), "muligheder\nfor");
}

#[test]
fn empty_input_is_no_quote() {
    assert_eq!(locate_typed_quote(TEXT, ""), Ok(None));
    assert_eq!(locate_typed_quote(TEXT, " \n\t "), Ok(None));
}

#[test]
fn case_as_typed_first_then_any_case_in_the_texts_own_spelling() {
    let text = "Kommunen og kommunen";
    let q = found(text, "kommunen");
    assert_eq!((q.prefix(), q.exact()), ("Kommunen og ", "kommunen"));
    let q = found(TEXT, "ÅBENHED, IMØDEKOMMENHED");
    assert_eq!(q.exact(), "åbenhed, imødekommenhed");
    let q = found("Æbler, øl og ål", "øL OG Å");
    assert_eq!(q.exact(), "øl og å");
}

#[test]
fn lower_case_that_changes_length_keeps_the_offsets_right() {
    // "İ" lower-cases to two chars ("i̇"), "ẞ" to one of another length in bytes: the place
    // after them must still be the right one.
    let text = "İİİ ẞTRASSE og Roskilde Kommune";
    let q = found(text, "ROSKILDE kommune");
    assert_eq!(q.exact(), "Roskilde Kommune");
    assert_eq!(q.prefix(), "İİİ ẞTRASSE og ");
    let q = found(text, "i̇i̇");
    assert_eq!(q.exact(), "İİ");
    let q = found(text, "ßtrasse");
    assert_eq!(q.exact(), "ẞTRASSE");
}

#[test]
fn words_not_in_the_block_and_overlong_quotes_are_refused() {
    assert_eq!(
        locate_typed_quote(TEXT, "imødekommenhed og hjælp"),
        Err(QuoteInputError::NotFound)
    );
    assert_eq!(QuoteInputError::NotFound.code(), "not_found");
    let long = "ord ".repeat(600);
    assert_eq!(
        locate_typed_quote(&long, long.trim()),
        Err(QuoteInputError::TooLong)
    );
    assert_eq!(QuoteInputError::TooLong.code(), "too_long");
    assert_eq!(
        serde_json::to_string(&QuoteInputError::TooLong).unwrap(),
        "\"too_long\""
    );
}

// --- carry_step -------------------------------------------------------------------------

#[test]
fn removed_stays_removed() {
    let old = doc(FIXTURE);
    let (new, m) = carry_ids(&old, doc(FIXTURE));
    assert_eq!(
        carry_step(&Placement::Removed, &old, &new, &m),
        Placement::Removed
    );
}

#[test]
fn a_whole_block_follows_its_id_its_pieces_and_its_merge() {
    let old = doc(FIXTURE);
    let on = |number: &str| Placement::At {
        block: id_of(&old, number),
        quote: None,
    };
    // Edited in place.
    let (new, p) = step(
        &on("2.3"),
        &edited("Vellykket integration", "Vellykket og varig integration"),
    );
    assert_eq!(shown(&new, &p), Some(("2.3".into(), None)));
    // Split: the piece that keeps the id (the larger, second one).
    let split = edited(
        "gennemfører en uddannelse. At flere",
        "gennemfører en uddannelse.\n\nAt flere",
    );
    let (new, p) = step(&on("2.2"), &split);
    assert_eq!(shown(&new, &p), Some(("2.3".into(), None)));
    // Merged into the larger paragraph before it.
    let merged = edited(
        "sat med politikken.\n\nIntegrationspolitikken sætter",
        "sat med politikken. Integrationspolitikken sætter",
    );
    let (new, p) = step(&on("2.5"), &merged);
    assert_eq!(shown(&new, &p), Some(("2.4".into(), None)));
    // Deleted.
    let (new, p) = step(
        &on("2.5"),
        &edited(
            "Integrationspolitikken sætter fokus på lige muligheder, ressourcer, medborgerskab og fællesskab og danner rammen for de kommende års arbejde med integration i Roskilde Kommune.\n\n",
            "",
        ),
    );
    assert_eq!(shown(&new, &p), None);
}

#[test]
fn a_quote_is_carried_exactly_fuzzily_or_removed() {
    let old = doc(FIXTURE);
    let quoted = at_quote(&old, "2.3", "åbenhed, imødekommenhed og støtte");
    let (new, p) = step(
        &quoted,
        &edited("Vellykket integration", "Vellykket og varig integration"),
    );
    assert_eq!(
        shown(&new, &p),
        Some((
            "2.3".into(),
            Some("åbenhed, imødekommenhed og støtte".into())
        ))
    );
    // The quote is re-made from the new text, context and all.
    let Placement::At { quote: Some(q), .. } = &p else {
        panic!("{p:?}")
    };
    assert_eq!(q.prefix(), "og varig integration fordrer ");

    let (new, p) = step(
        &quoted,
        &edited(
            "åbenhed, imødekommenhed og støtte",
            "åbenhed, gæstfrihed og støtte",
        ),
    );
    assert_eq!(
        shown(&new, &p),
        Some(("2.3".into(), Some("åbenhed, gæstfrihed og støtte".into())))
    );

    let sentence = " Vi stiller krav til vores lokalsamfund om at rumme forskelligheder og byde borgerne, uanset baggrund og etnicitet, indenfor i fællesskaberne.";
    let quoted = at_quote(&old, "2.3", "krav til vores lokalsamfund");
    let (_, p) = step(&quoted, &edited(sentence, ""));
    assert_eq!(p, Placement::Removed);
}

#[test]
fn a_quote_follows_a_chain_of_versions() {
    let v1 = doc(FIXTURE);
    let v2_md = edited(
        "gennemfører en uddannelse. At flere",
        "gennemfører en uddannelse.\n\nAt flere",
    );
    let v3_md = v2_md.replacen(
        "graden af selvforsørgelse",
        "graden af økonomisk selvforsørgelse",
        1,
    );
    let (v2, m2) = carry_ids(&v1, doc(&v2_md));
    let (v3, m3) = carry_ids(&v2, doc(&v3_md));
    let p1 = at_quote(&v1, "2.2", "graden af selvforsørgelse");
    let p2 = carry_step(&p1, &v1, &v2, &m2);
    assert_eq!(
        shown(&v2, &p2),
        Some(("2.3".into(), Some("graden af selvforsørgelse".into())))
    );
    let p3 = carry_step(&p2, &v2, &v3, &m3);
    assert_eq!(
        shown(&v3, &p3),
        Some((
            "2.3".into(),
            Some("graden af økonomisk selvforsørgelse".into())
        ))
    );
}

#[test]
fn placements_serialise_with_kind_tags() {
    let old = doc(FIXTURE);
    let p = at_quote(&old, "2.3", "åbenhed");
    let json = serde_json::to_value(&p).unwrap();
    assert_eq!(json["kind"], "at");
    assert_eq!(json["quote"]["exact"], "åbenhed");
    let back: Placement = serde_json::from_value(json).unwrap();
    assert_eq!(back, p);
    assert_eq!(
        serde_json::to_value(Placement::Removed).unwrap(),
        serde_json::json!({"kind": "removed"})
    );
}
