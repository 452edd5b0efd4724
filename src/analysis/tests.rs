//! Unit and property tests of grouping, and its measured quality on generated hearings.
//!
//! `cargo test -p hoering --lib analysis::tests::grouping_quality -- --nocapture` prints the
//! evaluation figures; `tune_parameters` (ignored, run it with `--ignored --nocapture`,
//! preferably with `--release`) prints the sweep on the tuning set the defaults came from
//! (`GROUPING_FINE_ONLY=1` for only its fine threshold scan at the defaults).

use std::collections::BTreeMap;

use proptest::prelude::*;

use super::corpus::{Corpus, Style};
use super::*;

const LETTER: &str = "Kære byråd, jeg mener, at kommunen bør styrke danskundervisningen for \
    voksne, fordi sproget er nøglen til fællesskabet. Lektiehjælpen for børn og unge skal \
    bevares, og foreningerne skal have bedre vilkår i boligområderne. Med venlig hilsen Anne";

fn params() -> GroupParams {
    GroupParams::default()
}

/// [`params`] with one row per band: every pair sharing a slot is a candidate, so a result
/// does not depend on the banding.
fn every_pair_a_candidate() -> GroupParams {
    GroupParams {
        bands: 128,
        rows: 1,
        ..params()
    }
}

fn check_groups(groups: &[Group], n: usize) {
    let mut seen = vec![false; n];
    for g in groups {
        assert!(g.members.len() >= 2, "{g:?}");
        assert!(g.members.windows(2).all(|w| w[0] < w[1]), "{g:?}");
        assert!(g.members.contains(&g.representative), "{g:?}");
        for &i in &g.members {
            assert!(i < n);
            assert!(!seen[i], "{i} in two groups");
            seen[i] = true;
        }
    }
    for pair in groups.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        assert!(
            a.members.len() > b.members.len()
                || (a.members.len() == b.members.len() && a.members[0] < b.members[0])
        );
    }
}

#[test]
fn identical_texts_group() {
    let other = "Jeg er imod forslaget om at lukke sprogcaféen på biblioteket i Trekroner, \
                 fordi den er det eneste mødested for mange nye borgere i området.";
    let texts = [LETTER, other, LETTER, LETTER];
    let groups = group(&texts, &params());
    assert_eq!(
        groups,
        [Group {
            members: vec![0, 2, 3],
            representative: 0
        }]
    );
    assert_eq!(similarity(LETTER, LETTER, &params()), 1.0);
}

#[test]
fn normalisation_ignores_case_punctuation_and_spacing() {
    let shouted = LETTER
        .to_uppercase()
        .replace(", ", " ,  ")
        .replace('.', "!\n");
    assert_eq!(similarity(LETTER, &shouted, &params()), 1.0);
    assert_eq!(group(&[LETTER, &shouted], &params()).len(), 1);
    // æ, ø and å are letters of their own, not their look-alikes.
    assert!(similarity("Sø og å i Ærø", "So og a i Aero", &params()) < 0.5);
    // "å" written as "a" and a combining ring is still "å".
    assert_eq!(
        similarity(
            "Vi bor på Åbjergvej",
            "Vi bor pa\u{30a} A\u{30a}bjergvej",
            &params()
        ),
        1.0
    );
}

#[test]
fn small_edits_still_group() {
    let edited = LETTER
        .replace("Kære byråd", "Til Roskilde Kommune")
        .replace("Anne", "Ahmed Hussein, Algade 3")
        .replace("styrke", "prioritere")
        .replace("fællesskabet", "fælesskabet");
    let s = similarity(LETTER, &edited, &params());
    assert!(s >= params().threshold, "{s}");
    let groups = group(&[LETTER, &edited], &params());
    assert_eq!(groups.len(), 1);
}

#[test]
fn unrelated_texts_do_not_group() {
    let corpus = Corpus::new(7, Style::Evaluation, 300, &[]);
    let texts: Vec<String> = (0..corpus.len()).map(|i| corpus.text(i)).collect();
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    assert_eq!(group(&refs, &params()), []);
    assert!(similarity(&texts[0], &texts[1], &params()) < 0.2);
}

#[test]
fn short_texts_group_only_when_identical() {
    let texts = [
        "Enig!",
        "enig",
        "Uenig.",
        "Ja tak",
        "ja, tak!",
        "Ja tak nej",
        "",
        "...",
        "",
    ];
    let groups = group(&texts, &params());
    assert_eq!(
        groups,
        [
            Group {
                members: vec![0, 1],
                representative: 0
            },
            Group {
                members: vec![3, 4],
                representative: 3
            },
        ]
    );
    assert_eq!(similarity("Enig", "enig.", &params()), 1.0);
    assert_eq!(similarity("Enig", "Uenig", &params()), 0.0);
    // Texts without words: nothing to compare.
    assert_eq!(similarity("", "", &params()), 0.0);
    assert_eq!(similarity("!?", "", &params()), 0.0);
}

#[test]
fn empty_input_and_one_text() {
    assert_eq!(group(&[], &params()), []);
    assert_eq!(group(&[LETTER], &params()), []);
    assert_eq!(group_signatures(&[], &params()), Ok(vec![]));
}

#[test]
fn deterministic() {
    let corpus = Corpus::new(11, Style::Tuning, 400, &[30, 5, 2]);
    let texts: Vec<String> = (0..corpus.len()).map(|i| corpus.text(i)).collect();
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let first = group(&refs, &params());
    assert_eq!(first, group(&refs, &params()));
    assert!(first.len() >= 2, "{first:?}");
    // The generator too: the same seed gives the same texts.
    let again = Corpus::new(11, Style::Tuning, 400, &[30, 5, 2]);
    assert!((0..again.len()).all(|i| again.text(i) == texts[i]));
}

#[test]
fn representative_is_the_most_typical_member() {
    // The unedited letter sits in the middle of its copies, each edited differently.
    let a = LETTER.replace("Anne", "Ole Hansen");
    let b = LETTER.replace("Kære byråd", "Hej");
    let c = LETTER.replace("voksne", "voksne og unge");
    let texts = [a.as_str(), b.as_str(), LETTER, c.as_str()];
    let groups = group(&texts, &params());
    assert_eq!(groups.len(), 1);
    assert_eq!(groups[0].representative, 2);
}

#[test]
fn a_chain_of_overlapping_texts_is_cut_around_centres() {
    // Text i is paragraphs i to i+3: each shares three paragraphs with the next (about 0.6)
    // but two with the text after that (about 0.33), so verified pairs chain all eight
    // together while text 0 and text 7 have nothing in common.
    let paragraph = |p: usize| -> String {
        (0..15)
            .map(|w| format!("emne{p}ord{w}"))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let texts: Vec<String> = (0..8)
        .map(|i| {
            (i..i + 4)
                .map(|p| paragraph(p) + ".")
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let params = every_pair_a_candidate();
    assert!(similarity(refs[0], refs[1], &params) >= params.threshold);
    assert!(similarity(refs[0], refs[2], &params) < 0.4);
    let chained = group_chained(&refs, &params);
    assert_eq!(chained.len(), 1);
    assert_eq!(chained[0].members.len(), 8);

    let groups = group(&refs, &params);
    check_groups(&groups, refs.len());
    assert!(groups.len() >= 2, "{groups:?}");
    for g in &groups {
        assert!(g.members.len() <= 3, "{g:?}");
        for &i in &g.members {
            let s = similarity(refs[g.representative], refs[i], &params);
            assert!(s >= params.threshold, "{i} at {s} from {g:?}");
        }
    }
}

#[test]
fn a_shared_sentence_is_not_a_campaign() {
    // Each response is the popular sentence and a few words of its own: near the bare
    // sentence by the threshold, but sharing only its seven words.
    let popular = "Jeg er imod lukningen af Vindinge Skole.";
    let own = [
        "Tænk jer om!",
        "Lyt til os.",
        "Bevar den nu!",
        "Find pengene andetsteds.",
    ];
    let mut texts = vec![popular.to_owned()];
    texts.extend(own.iter().map(|o| format!("{popular} {o}")));
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let params = every_pair_a_candidate();
    assert!(similarity(refs[0], refs[1], &params) >= params.threshold);
    assert_eq!(group(&refs, &params), []);
    // Without the least shared text the bare sentence gathers them all.
    let no_floor = GroupParams {
        min_shared: 0,
        ..params.clone()
    };
    let gathered = group(&refs, &no_floor);
    assert!(
        gathered.first().is_some_and(|g| g.members.len() >= 4),
        "{gathered:?}"
    );
    // Sent twice, the bare sentence is still a group of identical responses.
    assert_eq!(group(&[popular, popular], &params).len(), 1);
}

#[test]
fn differences_show_the_edit() {
    let member = LETTER.replace("styrke", "prioritere");
    let ops = differences(LETTER, &member);
    assert!(ops.contains(&DiffOp::Delete("styrke".into())), "{ops:?}");
    assert!(
        ops.contains(&DiffOp::Insert("prioritere".into())),
        "{ops:?}"
    );
    assert_eq!(crate::text::old_text(&ops), LETTER);
    assert_eq!(crate::text::new_text(&ops), member);
    assert!(
        differences(LETTER, LETTER)
            .iter()
            .all(|op| matches!(op, DiffOp::Equal(_)))
    );
}

#[test]
fn signatures_group_as_texts_do_and_survive_storage() {
    let corpus = Corpus::new(5, Style::Evaluation, 300, &[20, 3]);
    let texts: Vec<String> = (0..corpus.len()).map(|i| corpus.text(i)).collect();
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let signatures: Vec<Signature> = refs.iter().map(|t| signature(t, &params())).collect();
    let json = serde_json::to_string(&signatures).unwrap();
    let stored: Vec<Signature> = serde_json::from_str(&json).unwrap();
    assert_eq!(stored, signatures);
    assert_eq!(
        group_signatures(&stored, &params()).unwrap(),
        group(&refs, &params())
    );
    assert_eq!(
        stored[0].similarity(&stored[1]),
        Some(similarity(refs[0], refs[1], &params()))
    );
}

#[test]
fn signatures_made_otherwise_are_refused() {
    let other = GroupParams {
        shingle_words: 4,
        ..params()
    };
    let signatures = [signature(LETTER, &params()), signature(LETTER, &other)];
    assert_eq!(
        group_signatures(&signatures, &params()),
        Err(SignatureMismatch { index: 1 })
    );
    assert_eq!(signatures[0].similarity(&signatures[1]), None);
}

#[test]
fn out_of_range_parameters_are_clamped() {
    let texts = [
        LETTER,
        LETTER,
        "Noget helt andet om bolig og job i kommunen",
    ];
    for params in [
        GroupParams {
            shingle_words: 0,
            threshold: f64::NAN,
            slots: 0,
            bands: 1000,
            rows: 0,
            min_shared: 0,
        },
        GroupParams {
            shingle_words: 1000,
            threshold: -1.0,
            slots: 1_000_000,
            bands: 0,
            rows: 1_000_000,
            min_shared: usize::MAX,
        },
    ] {
        let groups = group(&texts, &params);
        check_groups(&groups, texts.len());
        assert_eq!(groups[0].members, [0, 1]);
    }
}

#[test]
fn no_pair_below_the_threshold_is_joined() {
    // Joined directly only when the similarity reaches the threshold (no rounding slack).
    let corpus = Corpus::new(3, Style::Tuning, 60, &[60]);
    let texts: Vec<String> = (0..corpus.len()).map(|i| corpus.text(i)).collect();
    for pair in texts.chunks(2) {
        let s = similarity(&pair[0], &pair[1], &params());
        if s == 1.0 {
            // Identical after normalisation (sent through the web form): always joined.
            continue;
        }
        let just_above = GroupParams {
            threshold: s + 1e-9,
            ..params()
        };
        assert_eq!(group(&[&pair[0], &pair[1]], &just_above), []);
        let at = GroupParams {
            threshold: s,
            ..every_pair_a_candidate()
        };
        assert_eq!(group(&[&pair[0], &pair[1]], &at).len(), 1, "{s}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn groups_are_well_formed(
        texts in prop::collection::vec(
            prop::sample::select(vec![
                "", "Enig", "enig.", "Jeg er enig", "jeg er ENIG!", LETTER,
                "Kære byråd, jeg mener, at kommunen bør styrke danskundervisningen for voksne.",
                "Kære byråd: jeg mener at kommunen bør styrke danskundervisningen for voksne",
                "æøå ÆØÅ", "-- ... --", "Sprog, skole, job, bolig og foreninger",
            ]).prop_map(str::to_owned),
            0..40,
        ),
        noise in prop::collection::vec("[a-zæøå ,.!\\-\n]{0,60}", 0..10),
        shingle_words in 0usize..8,
        threshold in -0.5f64..1.5,
        slots in 0usize..300,
        bands in 0usize..64,
        rows in 0usize..12,
        min_shared in 0usize..40,
    ) {
        let texts: Vec<String> = texts.into_iter().chain(noise).collect();
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let params = GroupParams { shingle_words, threshold, slots, bands, rows, min_shared };
        let groups = group(&refs, &params);
        check_groups(&groups, refs.len());
        let signatures: Vec<Signature> = refs.iter().map(|t| signature(t, &params)).collect();
        prop_assert_eq!(group_signatures(&signatures, &params).unwrap(), groups);
    }

    #[test]
    fn default_groups_are_well_formed(
        texts in prop::collection::vec("[a-zæøåA-Z ,.!\n]{0,200}", 0..30),
        copies in prop::collection::vec(0usize..30, 0..30),
    ) {
        let mut texts = texts;
        for c in copies {
            if let Some(t) = texts.get(c).cloned() {
                texts.push(t.to_uppercase());
            }
        }
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let groups = group(&refs, &params());
        check_groups(&groups, refs.len());
        for i in 0..refs.len() {
            for j in i + 1..refs.len() {
                if refs[i].to_lowercase() == refs[j].to_lowercase()
                    && refs[i].chars().any(char::is_alphanumeric)
                {
                    prop_assert!(groups.iter().any(|g| g.members.contains(&i) && g.members.contains(&j)));
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------------------
// Measured quality.

/// The figures of one grouping against a corpus's known campaigns.
struct Quality {
    groups: usize,
    grouped: usize,
    predicted_pairs: u64,
    true_pairs: u64,
    right_pairs: u64,
    /// Per campaign: its size and how many of its copies are in its largest group.
    campaigns: Vec<(usize, usize)>,
    /// Unrelated responses put in any group.
    unrelated_grouped: usize,
    unrelated: usize,
}

impl Quality {
    fn of(corpus: &Corpus, groups: &[Group]) -> Quality {
        let pairs = |n: usize| (n * n.saturating_sub(1) / 2) as u64;
        let mut sizes: BTreeMap<usize, usize> = BTreeMap::new();
        for i in 0..corpus.len() {
            if let Some(c) = corpus.campaign(i) {
                *sizes.entry(c).or_default() += 1;
            }
        }
        let mut best: BTreeMap<usize, usize> = BTreeMap::new();
        let mut q = Quality {
            groups: groups.len(),
            grouped: groups.iter().map(|g| g.members.len()).sum(),
            predicted_pairs: groups.iter().map(|g| pairs(g.members.len())).sum(),
            true_pairs: sizes.values().map(|&n| pairs(n)).sum(),
            right_pairs: 0,
            campaigns: Vec::new(),
            unrelated_grouped: 0,
            unrelated: corpus.len() - sizes.values().sum::<usize>(),
        };
        for g in groups {
            let mut here: BTreeMap<usize, usize> = BTreeMap::new();
            for &i in &g.members {
                match corpus.campaign(i) {
                    Some(c) => *here.entry(c).or_default() += 1,
                    None => q.unrelated_grouped += 1,
                }
            }
            for (c, n) in here {
                q.right_pairs += pairs(n);
                let b = best.entry(c).or_default();
                *b = (*b).max(n);
            }
        }
        q.campaigns = sizes
            .iter()
            .map(|(c, &n)| (n, best.get(c).copied().unwrap_or(0)))
            .collect();
        q
    }

    fn precision(&self) -> Option<f64> {
        (self.predicted_pairs > 0).then(|| self.right_pairs as f64 / self.predicted_pairs as f64)
    }

    fn recall(&self) -> f64 {
        self.right_pairs as f64 / self.true_pairs.max(1) as f64
    }

    fn row(&self, name: &str) -> String {
        let precision = self
            .precision()
            .map_or("   n/a".to_owned(), |p| format!("{p:.5}"));
        format!(
            "{name:<26} {:>6} {:>7} {:>9} {:>9} {:>9}  {precision:>9}  {:.5}  {:>5}",
            self.groups,
            self.grouped,
            self.predicted_pairs,
            self.right_pairs,
            self.true_pairs,
            self.recall(),
            self.unrelated_grouped,
        )
    }

    fn campaign_lines(&self) -> String {
        let mut out = String::new();
        for &(n, got) in self.campaigns.iter().filter(|(n, _)| *n >= 10) {
            out.push_str(&format!(
                "    campaign of {n:>3}: {got:>3} in its largest group, {} elsewhere or ungrouped\n",
                n - got
            ));
        }
        let small: Vec<(usize, usize)> = self
            .campaigns
            .iter()
            .copied()
            .filter(|(n, _)| *n < 10)
            .collect();
        if !small.is_empty() {
            let whole = small.iter().filter(|(n, got)| n == got).count();
            let copies: usize = small.iter().map(|(n, _)| n).sum();
            let kept: usize = small
                .iter()
                .map(|&(_, got)| if got > 1 { got } else { 0 })
                .sum();
            out.push_str(&format!(
                "    {} small groups (2–3 copies): {whole} found whole; {kept} of {copies} copies grouped with another copy\n",
                small.len()
            ));
        }
        out
    }
}

const HEADER: &str = "method                     groups grouped  pairs(+) right(TP)  true(P)  precision  recall  unrel";

/// Exact match after normalisation (lower case, punctuation and spacing folded), written
/// independently of the module: what a clerk's spreadsheet would find.
fn baseline(texts: &[String]) -> Vec<Group> {
    let mut by_text: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, t) in texts.iter().enumerate() {
        let normal: Vec<String> = t
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        if !normal.is_empty() {
            by_text.entry(normal.join(" ")).or_default().push(i);
        }
    }
    let mut groups: Vec<Group> = by_text
        .into_values()
        .filter(|m| m.len() > 1)
        .map(|members| Group {
            representative: members[0],
            members,
        })
        .collect();
    groups.sort_by(|a, b| {
        b.members
            .len()
            .cmp(&a.members.len())
            .then(a.members[0].cmp(&b.members[0]))
    });
    groups
}

/// Seeds of the two sets; the evaluation set also has its own templates and edit mix.
const TUNING_SEED: u64 = 0xA;
const EVALUATION_SEED: u64 = 0xB;
const RESPONSES: usize = 5_000;
/// A 200-copy campaign, a 40-copy one, four trios and eight pairs (a family, neighbours).
const CAMPAIGNS: &[usize] = &[200, 40, 3, 3, 3, 3, 2, 2, 2, 2, 2, 2, 2, 2];
/// The tuning set has more small groups, where the banding's misses show.
const TUNING_CAMPAIGNS: &[usize] = &[
    200, 40, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
    2,
];

fn texts_of(corpus: &Corpus) -> Vec<String> {
    (0..corpus.len()).map(|i| corpus.text(i)).collect()
}

#[test]
fn generated_responses_are_80_to_200_words() {
    for style in [Style::Tuning, Style::Evaluation] {
        let corpus = Corpus::new(TUNING_SEED, style, 2_000, CAMPAIGNS);
        let counts: Vec<usize> = texts_of(&corpus)
            .iter()
            .map(|t| t.split_whitespace().count())
            .collect();
        let (min, max) = (counts.iter().min(), counts.iter().max());
        assert!(
            counts.iter().all(|&n| (80..=200).contains(&n)),
            "{style:?}: {min:?}..{max:?}"
        );
    }
}

#[test]
fn grouping_quality() {
    let corpus = Corpus::new(EVALUATION_SEED, Style::Evaluation, RESPONSES, CAMPAIGNS);
    let texts = texts_of(&corpus);
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let params = GroupParams::default();
    let groups = group(&refs, &params);
    let ours = Quality::of(&corpus, &groups);
    let naive = Quality::of(&corpus, &baseline(&texts));

    println!(
        "\nevaluation set (seed {EVALUATION_SEED:#x}, evaluation templates and edits): {} responses, {} unrelated, campaigns {CAMPAIGNS:?}",
        corpus.len(),
        ours.unrelated
    );
    println!("parameters: {params:?}");
    println!("{HEADER}");
    println!("{}", ours.row("near-duplicates (group)"));
    print!("{}", ours.campaign_lines());
    println!("{}", naive.row("exact after normalisation"));
    print!("{}", naive.campaign_lines());
    let missed: usize = ours.campaigns.iter().map(|(n, got)| n - got).sum();
    println!(
        "failures of group: {} campaign copies outside their campaign's largest group, {} unrelated responses in a group, {} wrong pairs",
        missed,
        ours.unrelated_grouped,
        ours.predicted_pairs - ours.right_pairs
    );
    print!("{}", explain_misses(&corpus, &refs, &groups, &params));

    let precision = ours.precision().unwrap_or(0.0);
    assert!(precision >= 0.98, "precision {precision}");
    assert!(ours.recall() >= 0.98, "recall {}", ours.recall());
}

/// Why each campaign copy outside its campaign's largest group is there: its best similarity
/// to another copy is below the threshold (the edits were too heavy for the threshold), or
/// reaches it but the banding never made them candidates.
fn explain_misses(
    corpus: &Corpus,
    texts: &[&str],
    groups: &[Group],
    params: &GroupParams,
) -> String {
    let signatures: Vec<Signature> = texts.iter().map(|t| signature(t, params)).collect();
    let mut members: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..corpus.len() {
        if let Some(c) = corpus.campaign(i) {
            members.entry(c).or_default().push(i);
        }
    }
    let mut out = String::new();
    for copies in members.values() {
        // The campaign's largest group.
        let largest = groups
            .iter()
            .max_by_key(|g| {
                (
                    g.members.iter().filter(|i| copies.contains(i)).count(),
                    std::cmp::Reverse(g.members[0]),
                )
            })
            .filter(|g| g.members.iter().any(|i| copies.contains(i)));
        for &i in copies {
            if largest.is_some_and(|g| g.members.contains(&i)) {
                continue;
            }
            let best = copies
                .iter()
                .filter(|&&j| j != i)
                .filter_map(|&j| signatures[i].similarity(&signatures[j]))
                .fold(0.0, f64::max);
            let why = if best < params.threshold {
                "below the threshold"
            } else {
                "never a candidate"
            };
            out.push_str(&format!(
                "    copy {i} of a campaign of {}: best similarity to another copy {best:.3} ({why})\n",
                copies.len()
            ));
        }
    }
    out
}

/// Candidate pairs the banding makes among `signatures` (pairs sharing at least one band),
/// counted per band and summed: the verification work, which at a million texts is what
/// costs.
fn band_collisions(signatures: &[Signature], corpus: &Corpus, bands: usize, rows: usize) -> u64 {
    let mut total = 0;
    for band in 0..bands {
        let mut keys: Vec<(Vec<u32>, bool)> = signatures
            .iter()
            .enumerate()
            .filter(|(_, s)| !s.slots().is_empty())
            .map(|(i, s)| {
                (
                    s.slots()[band * rows..(band + 1) * rows].to_vec(),
                    corpus.campaign(i).is_none(),
                )
            })
            .collect();
        keys.sort();
        for run in keys.chunk_by(|a, b| a.0 == b.0) {
            let unrelated = run.iter().filter(|k| k.1).count() as u64;
            total += unrelated * unrelated.saturating_sub(1) / 2;
        }
    }
    total
}

#[test]
#[ignore = "a parameter sweep on the tuning set; run with --ignored --nocapture (and --release)"]
fn tune_parameters() {
    let corpus = Corpus::new(TUNING_SEED, Style::Tuning, RESPONSES, TUNING_CAMPAIGNS);
    let texts = texts_of(&corpus);
    let naive = Quality::of(&corpus, &baseline(&texts));
    println!("\ntuning set (seed {TUNING_SEED:#x}, tuning templates and edits)");
    println!("{HEADER}");
    println!("{}", naive.row("exact after normalisation"));

    if std::env::var_os("GROUPING_FINE_ONLY").is_none() {
        coarse_sweep(&corpus, &texts);
    }

    // The threshold in finer steps, with the other parameters at their defaults.
    let defaults = GroupParams::default();
    let signatures: Vec<Signature> = texts.iter().map(|t| signature(t, &defaults)).collect();
    println!("\nfine threshold scan at {defaults:?}");
    for step in 0..=15 {
        let threshold = 0.30 + 0.02 * f64::from(step);
        let params = GroupParams {
            threshold,
            ..defaults.clone()
        };
        let Ok(groups) = group_signatures(&signatures, &params) else {
            continue;
        };
        let q = Quality::of(&corpus, &groups);
        let missed: usize = q.campaigns.iter().map(|(n, got)| n - got).sum();
        println!(
            "{}  missed {missed}",
            q.row(&format!("    threshold {threshold:.2}"))
        );
    }
}

fn coarse_sweep(corpus: &Corpus, texts: &[String]) {
    for shingle_words in [3, 4, 5] {
        for slots in [64, 128] {
            let base = GroupParams {
                shingle_words,
                slots,
                ..GroupParams::default()
            };
            let signatures: Vec<Signature> = texts.iter().map(|t| signature(t, &base)).collect();

            // Where campaign copies and unrelated responses lie: similarity of each copy to
            // its campaign's letter-like first copy, and of unrelated neighbours.
            let mut copies: Vec<f64> = Vec::new();
            let mut unrelated: Vec<f64> = Vec::new();
            let mut first: BTreeMap<usize, usize> = BTreeMap::new();
            let mut last_unrelated: Option<usize> = None;
            for i in 0..corpus.len() {
                match corpus.campaign(i) {
                    Some(c) => match first.get(&c) {
                        Some(&f) => copies.extend(signatures[f].similarity(&signatures[i])),
                        None => {
                            first.insert(c, i);
                        }
                    },
                    None => {
                        if let Some(j) = last_unrelated {
                            unrelated.extend(signatures[j].similarity(&signatures[i]));
                        }
                        last_unrelated = Some(i);
                    }
                }
            }
            let pct = |v: &mut Vec<f64>, q: f64| {
                v.sort_by(f64::total_cmp);
                v.get(((v.len() - 1) as f64 * q) as usize)
                    .copied()
                    .unwrap_or(0.0)
            };
            println!(
                "\nk={shingle_words} slots={slots}: copies to first copy p1 {:.2} p5 {:.2} median {:.2}; unrelated neighbours median {:.3} p99 {:.3} max {:.3}",
                pct(&mut copies, 0.01),
                pct(&mut copies, 0.05),
                pct(&mut copies, 0.5),
                pct(&mut unrelated, 0.5),
                pct(&mut unrelated, 0.99),
                pct(&mut unrelated, 1.0),
            );

            for rows in [4, 5, 6, 8] {
                let bands = slots / rows;
                let collisions = band_collisions(&signatures, corpus, bands, rows);
                let n = corpus.len() as f64;
                // Unrelated pairs grow with the square of the texts: at a million, 4·10⁴
                // times as many as here.
                println!(
                    "  bands={bands} rows={rows}: {collisions} unrelated band collisions (~{:.1e} at 1M texts)",
                    collisions as f64 * (1e6 / n) * (1e6 / n)
                );
                for threshold in [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6] {
                    let params = GroupParams {
                        threshold,
                        bands,
                        rows,
                        ..base.clone()
                    };
                    let Ok(groups) = group_signatures(&signatures, &params) else {
                        continue;
                    };
                    let q = Quality::of(corpus, &groups);
                    let missed: usize = q.campaigns.iter().map(|(n, got)| n - got).sum();
                    println!(
                        "{}  missed {missed}",
                        q.row(&format!("    threshold {threshold:.2}"))
                    );
                }
            }
        }
    }
}
