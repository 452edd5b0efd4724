//! Tests of the word diff (including its exactness as a property) and the version diff.

use proptest::prelude::*;

use super::*;
use crate::anchoring::{carry_ids, match_versions};

const FIXTURE: &str = include_str!("../document/fixtures/integrationspolitik.md");

fn ops(list: &[(&str, &str)]) -> Vec<DiffOp> {
    list.iter()
        .map(|&(kind, text)| match kind {
            "=" => DiffOp::Equal(text.into()),
            "+" => DiffOp::Insert(text.into()),
            _ => DiffOp::Delete(text.into()),
        })
        .collect()
}

/// Both texts come back, and the runs are tidy.
fn check(old: &str, new: &str) -> Vec<DiffOp> {
    let d = word_diff(old, new);
    assert_eq!(old_text(&d), old);
    assert_eq!(new_text(&d), new);
    for op in &d {
        assert!(!op.text().is_empty(), "empty run in {d:?}");
    }
    for pair in d.windows(2) {
        let same = std::mem::discriminant(&pair[0]) == std::mem::discriminant(&pair[1]);
        assert!(!same, "two runs of one kind in {d:?}");
        assert!(
            !matches!((&pair[0], &pair[1]), (DiffOp::Insert(_), DiffOp::Delete(_))),
            "insertion before deletion in {d:?}"
        );
    }
    d
}

#[test]
fn a_changed_word_is_shown_whole() {
    assert_eq!(
        check("Vi vil arbejde for, at:", "Vi skal arbejde for, at:"),
        ops(&[
            ("=", "Vi "),
            ("-", "vil"),
            ("+", "skal"),
            ("=", " arbejde for, at:")
        ])
    );
    assert_eq!(
        check("åbenhed og støtte", "åbenhed, gæstfrihed og støtte"),
        ops(&[("=", "åbenhed"), ("+", ", gæstfrihed"), ("=", " og støtte")])
    );
}

#[test]
fn punctuation_changes_alone() {
    assert_eq!(
        check("for, at flere", "for at flere"),
        ops(&[("=", "for"), ("-", ","), ("=", " at flere")])
    );
}

#[test]
fn danish_compounds_and_numbers_are_single_words() {
    assert_eq!(
        check(
            "fritids- og sociale aktiviteter",
            "fritids- og kulturelle aktiviteter"
        ),
        ops(&[
            ("=", "fritids- og "),
            ("-", "sociale"),
            ("+", "kulturelle"),
            ("=", " aktiviteter")
        ])
    );
    assert_eq!(
        check("Rådhusbuen 1, 4000 Roskilde", "Rådhusbuen 1, 4100 Ringsted"),
        ops(&[
            ("=", "Rådhusbuen 1, "),
            ("-", "4000 Roskilde"),
            ("+", "4100 Ringsted")
        ])
    );
}

#[test]
fn equal_and_empty_texts() {
    assert_eq!(check("", ""), []);
    assert_eq!(check("a b", "a b"), ops(&[("=", "a b")]));
    assert_eq!(check("", "ny tekst"), ops(&[("+", "ny tekst")]));
    assert_eq!(check("gammel tekst", ""), ops(&[("-", "gammel tekst")]));
}

#[test]
fn a_completely_new_text_is_one_replacement() {
    assert_eq!(
        check("borgere i kommunen", "nye ord her"),
        ops(&[("-", "borgere i kommunen"), ("+", "nye ord her")])
    );
}

#[test]
fn huge_inputs_fall_back_to_a_replaced_middle() {
    let old: String = (0..6_000).map(|i| format!("ord{i} ")).collect();
    let new: String = (0..6_000).map(|i| format!("andet{i} ")).collect();
    let old = format!("Start {old}slut.");
    let new = format!("Start {new}slut.");
    let d = check(&old, &new);
    assert_eq!(d.len(), 4, "common ends kept, middle replaced");
    assert_eq!(d[0], DiffOp::Equal("Start ".into()));
}

fn danish_text() -> impl Strategy<Value = String> {
    let token = prop_oneof![
        4 => prop::sample::select(vec![
            "og", "at", "børn", "skal", "fællesskab", "Roskilde", "æble", "øen", "åen",
            "fritids-", "it-system", "1.000", "2,5", "minoritetsbaggrund",
        ])
        .prop_map(str::to_owned),
        1 => prop::sample::select(vec![",", ".", ":", "–", "\"", "(", ")"]).prop_map(str::to_owned),
        2 => prop::sample::select(vec![" ", " ", "  ", "\n", " \t"]).prop_map(str::to_owned),
    ];
    prop::collection::vec(token, 0..40).prop_map(|t| t.concat())
}

proptest! {
    // No regression files: the crate's top level gets no new folders.
    #![proptest_config(ProptestConfig {
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn word_diffs_give_back_both_texts(old in danish_text(), new in danish_text()) {
        check(&old, &new);
    }

    #[test]
    fn word_diffs_of_edits_give_back_both_texts(
        old in danish_text(),
        cut in 0usize..40,
        insert in danish_text(),
    ) {
        let chars: Vec<char> = old.chars().collect();
        let at = cut.min(chars.len());
        let new: String = chars[..at].iter().collect::<String>() + &insert
            + &chars[at..].iter().collect::<String>();
        check(&old, &new);
    }
}

// --- Versions -----------------------------------------------------------------------------

fn doc(md: &str) -> Document {
    crate::parse(md).unwrap()
}

fn kind(change: &BlockChange) -> &'static str {
    match change {
        BlockChange::Unchanged { .. } => "unchanged",
        BlockChange::Edited { .. } => "edited",
        BlockChange::Moved { .. } => "moved",
        BlockChange::Inserted { .. } => "inserted",
        BlockChange::Removed { .. } => "removed",
        BlockChange::Split { .. } => "split",
        BlockChange::Merged { .. } => "merged",
    }
}

#[test]
fn a_version_diff_lists_every_change_in_reading_order() {
    let old = doc(FIXTURE);
    let md = FIXTURE
        // 2.3 removed,
        .replacen("Vellykket integration fordrer åbenhed, imødekommenhed og støtte i lokalsamfund, foreningsliv og på arbejdspladser, så nye borgere med minoritetsbaggrund kan blive en del af fællesskabet. Vi stiller krav til vores lokalsamfund om at rumme forskelligheder og byde borgerne, uanset baggrund og etnicitet, indenfor i fællesskaberne.\n\n", "", 1)
        // 2.4 edited,
        .replacen("har forskellige ressourcer", "har meget forskellige ressourcer", 1)
        // 2.5 split,
        .replacen("fællesskab og danner", "fællesskab.\n\nDen danner", 1)
        // a paragraph inserted,
        .replacen("Alle mennesker har ressourcer", "Et nyt afsnit om sprog og uddannelse i kommunen.\n\nAlle mennesker har ressourcer", 1)
        // 4.4 and 5.1 merged (4.4 ends section 4: the heading goes too).
        .replacen("overledigheden blandt udsatte borgere.\n\n## Medborgerskab og fællesskaber\n\nMedborgerskab", "overledigheden blandt udsatte borgere. Medborgerskab", 1);
    let (new, matching) = carry_ids(&old, doc(&md));
    let changes = diff_versions(&old, &new, &matching);
    let list: Vec<&str> = changes.iter().map(kind).collect();
    assert_eq!(
        list,
        [
            "unchanged", // 2.1
            "unchanged", // 2.2
            "removed",   // old 2.3, after 2.2
            "edited",    // 2.4 → 2.3
            "split",     // 2.5 → 2.4, 2.5
            "inserted",  // 3.1
            "unchanged",
            "unchanged",
            "unchanged",
            "unchanged",
            "unchanged",
            "unchanged",
            "unchanged",
            "unchanged", // 3.2 … 3.6
            "unchanged",
            "unchanged",
            "unchanged",
            "unchanged", // 4.1 … 4.3.2
            "merged",    // 4.4 + 5.1
            "unchanged",
            "unchanged",
            "unchanged",
            "unchanged", // 4.5 … 4.6.3
            "unchanged", // n1
        ]
    );
    let BlockChange::Removed { number, .. } = &changes[2] else {
        panic!()
    };
    assert_eq!(number.as_str(), "2.3");
    let BlockChange::Edited {
        ops,
        old_number,
        new_number,
        ..
    } = &changes[3]
    else {
        panic!()
    };
    assert_eq!(
        (old_number.as_str(), new_number.as_str()),
        ("2.4".into(), "2.3".into())
    );
    assert!(ops.contains(&DiffOp::Insert("meget ".into())));
    let BlockChange::Split { from, pieces, ops } = &changes[4] else {
        panic!()
    };
    assert_eq!(pieces.len(), 2);
    assert!(pieces.iter().any(|p| p.id == from.id));
    assert_eq!(old_text(ops), from.text);
    let BlockChange::Merged {
        from, text, ops, ..
    } = &changes[18]
    else {
        panic!()
    };
    assert_eq!(from.len(), 2);
    assert_eq!(new_text(ops), *text);
    // Serialised with a kind tag, and back.
    let json = serde_json::to_value(&changes).unwrap();
    assert_eq!(json[3]["kind"], "edited");
    assert_eq!(json[3]["ops"][0]["op"], "equal");
    let back: Vec<BlockChange> = serde_json::from_value(json).unwrap();
    assert_eq!(back, changes);
}

#[test]
fn a_moved_block_shows_both_numbers_and_removed_blocks_sit_where_they_were() {
    let old = doc(FIXTURE);
    let paragraph = "Karakterforskellene mellem børn med dansk baggrund og børn med minoritetsbaggrund i Roskilde er store. Den samme tendens ses inden for ungdomsuddannelser, hvor andelen af unge med minoritetsbaggrund, som har gennemført mindst en ungdomsuddannelse, er væsentlig lavere end for unge med dansk baggrund.\n\n";
    let md = FIXTURE.replacen(paragraph, "", 1).replacen(
        "Vi vil arbejde for, at:\n\n- borgere i",
        "- borgere i",
        1,
    );
    let md = format!("{}\n\n{}", md.trim_end(), paragraph.trim_end());
    let new = doc(&md);
    let matching = match_versions(&old, &new);
    let changes = diff_versions(&old, &new, &matching);
    let moved: Vec<&BlockChange> = changes.iter().filter(|c| kind(c) == "moved").collect();
    let [
        BlockChange::Moved {
            from_number,
            to_number,
            ops,
            ..
        },
    ] = moved.as_slice()
    else {
        panic!("{moved:?}")
    };
    assert_eq!(
        (from_number.as_str(), to_number.as_str()),
        ("3.5".into(), "5.3".into())
    );
    assert!(ops.is_empty());
    // The removed lead-in of section 5 comes right after 5.1, where it stood.
    let at = changes.iter().position(|c| kind(c) == "removed").unwrap();
    let BlockChange::Unchanged { new_number, .. } = &changes[at - 1] else {
        panic!()
    };
    assert_eq!(new_number.as_str(), "5.1");
    // With carried ids or without, the same changes.
    let (carried, m2) = carry_ids(&old, new.clone());
    assert_eq!(diff_versions(&old, &carried, &m2), changes);
}

#[test]
fn everything_removed_when_the_new_version_is_empty() {
    let full = doc(include_str!("../document/fixtures/integrationspolitik.md"));
    let empty = doc("");
    let m = match_versions(&full, &empty);
    let changes = diff_versions(&full, &empty, &m);
    assert_eq!(changes.len(), full.blocks().count());
    assert!(
        changes
            .iter()
            .all(|c| matches!(c, BlockChange::Removed { .. }))
    );
}
