//! Property tests with known truth: measured quality of block matching and quote anchoring.
//!
//! A generator edits the integration policy the way drafts get edited (words changed in up to
//! 30% of a block, paragraphs and list items inserted and deleted, paragraphs moved, sections
//! reordered, paragraphs split and merged) while tracking where every word came from. From
//! that it knows the right answer for every block and every quote, and the tests count how
//! often the matcher and the quote anchoring give it. `cargo test -p hoering anchoring_quality
//! -- --nocapture` prints the figures; set `ANCHORING_FAILURES=1` to see each miss (and
//! `ANCHORING_LISTINGS=1` for the whole document at each missed block, `ANCHORING_CASE=n` to
//! run only the n-th script, `ANCHORING_SEED`/`ANCHORING_CASES` to explore other runs).
//!
//! These figures are a regression test, not a measurement: the thresholds were tuned on this
//! fixture with these seeds, "moved or not" is judged with the implementation's own
//! `in_place`, and the documents are too small for the candidate limits to matter. The
//! held-out figures are in `heldout_tests`.

use std::cell::RefCell;
use std::collections::BTreeSet;

use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};

use super::matcher::placement_weight;
use super::model_items::Word;
use super::placement::in_place;
use super::*;
use crate::document::{BlockKind, Document};

const FIXTURE: &str = include_str!("../document/fixtures/integrationspolitik.md");

/// Edit scripts per category; each also anchors [`QUOTES`] quotes.
const SCRIPTS: u32 = 300;
const QUOTES: usize = 8;

// ---------------------------------------------------------------------------------------
// A tiny deterministic generator for the details of each edit (the edit script itself comes
// from proptest).

use crate::split_mix::Rand;

/// The quote of words `s..s + k` of `text` (words one space apart), where one may be taken.
pub(super) fn quote_of_words(text: &str, s: usize, k: usize) -> Option<TextQuote> {
    let words: Vec<&str> = text.split(' ').collect();
    let start: usize = words[..s].iter().map(|w| w.chars().count() + 1).sum();
    let len = words[s..s + k]
        .iter()
        .map(|w| w.chars().count())
        .sum::<usize>()
        + k
        - 1;
    TextQuote::from_selection(text, start, start + len).ok()
}

/// A model's Markdown, parsed; its blocks must have the model's texts, `expected`.
pub(super) fn parsed_model(markdown: &str, expected: Vec<String>) -> Document {
    let doc = crate::parse(markdown).unwrap();
    let texts: Vec<String> = doc.blocks().map(|b| b.text.clone()).collect();
    assert_eq!(
        texts, expected,
        "the model renders to the blocks it describes"
    );
    doc
}

// ---------------------------------------------------------------------------------------
// The model of a policy: sections of paragraphs and lists, every word with its origin.

#[derive(Debug, Clone, PartialEq, Eq)]
enum Truth {
    From(usize),
    Piece(usize),
    Merged(Vec<usize>),
    New,
}

#[derive(Debug, Clone)]
struct ModelBlock {
    words: Vec<Word>,
    truth: Truth,
}

impl ModelBlock {
    fn text(&self) -> String {
        super::model_items::text(&self.words)
    }

    fn source(&self) -> Option<usize> {
        match self.truth {
            Truth::From(i) => Some(i),
            _ => None,
        }
    }
}

type Item = super::model_items::Item<ModelBlock>;
type Section = super::model_items::Section<ModelBlock>;

#[derive(Debug, Clone)]
struct Model {
    sections: Vec<Section>,
}

impl Model {
    fn from_fixture() -> (Model, Document) {
        let doc = crate::parse(FIXTURE).unwrap();
        let mut sections = Vec::new();
        let mut index = 0;
        for s in &doc.sections {
            let items = super::model_items::items(s.blocks.iter().map(|b| {
                let block = ModelBlock {
                    words: super::model_items::words(&b.text, index),
                    truth: Truth::From(index),
                };
                index += 1;
                let list = (b.kind == BlockKind::ListItem).then_some(b.number.position());
                (list, block)
            }));
            sections.push(Section {
                level: usize::from(s.level),
                heading: s.heading.clone(),
                items,
            });
        }
        let model = Model { sections };
        let old = model.render();
        (model, old)
    }

    fn markdown(&self) -> String {
        super::model_items::markdown(&self.sections, ModelBlock::text)
    }

    fn render(&self) -> Document {
        parsed_model(
            &self.markdown(),
            self.blocks().map(ModelBlock::text).collect(),
        )
    }

    fn blocks(&self) -> impl Iterator<Item = &ModelBlock> {
        super::model_items::blocks(&self.sections)
    }

    fn blocks_mut(&mut self) -> impl Iterator<Item = &mut ModelBlock> {
        self.sections.iter_mut().flat_map(|s| {
            s.items.iter_mut().flat_map(|i| match i {
                Item::Paragraph(b) => std::slice::from_mut(b).iter_mut(),
                Item::List(l) => l.iter_mut(),
            })
        })
    }

    /// (section, item) of every paragraph whose truth is still a plain `From`.
    fn paragraphs(&self, min_words: usize) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        for (s, sec) in self.sections.iter().enumerate() {
            for (i, item) in sec.items.iter().enumerate() {
                if let Item::Paragraph(b) = item
                    && b.source().is_some()
                    && b.words.len() >= min_words
                {
                    out.push((s, i));
                }
            }
        }
        out
    }
}

// ---------------------------------------------------------------------------------------
// Edit scripts.

#[derive(Debug, Clone)]
enum Op {
    InsertParagraph { at: u16, seed: u64 },
    InsertListItem { at: u16, seed: u64 },
    Delete { at: u16 },
    MoveParagraph { from: u16, to: u16 },
    MoveSection { from: u16, to: u16 },
    Split { at: u16, seed: u64 },
    Merge { at: u16 },
}

#[derive(Debug, Clone)]
struct Script {
    ops: Vec<Op>,
    /// Share of blocks whose words are edited.
    edited_share: f64,
    seed: u64,
}

fn plain_op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (any::<u16>(), any::<u64>()).prop_map(|(at, seed)| Op::InsertParagraph { at, seed }),
        (any::<u16>(), any::<u64>()).prop_map(|(at, seed)| Op::InsertListItem { at, seed }),
        any::<u16>().prop_map(|at| Op::Delete { at }),
        (any::<u16>(), any::<u16>()).prop_map(|(from, to)| Op::MoveParagraph { from, to }),
        (any::<u16>(), any::<u16>()).prop_map(|(from, to)| Op::MoveSection { from, to }),
    ]
}

fn split_merge_op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (any::<u16>(), any::<u64>()).prop_map(|(at, seed)| Op::Split { at, seed }),
        any::<u16>().prop_map(|at| Op::Merge { at }),
    ]
}

fn script(with_splits: bool) -> BoxedStrategy<Script> {
    let ops = if with_splits {
        (
            prop::collection::vec(plain_op(), 0..3),
            prop::collection::vec(split_merge_op(), 1..4),
        )
            .prop_map(|(mut a, b)| {
                a.extend(b);
                a
            })
            .boxed()
    } else {
        prop::collection::vec(plain_op(), 0..6).boxed()
    };
    (ops, 0.0..1.0f64, any::<u64>())
        .prop_map(|(ops, edited_share, seed)| Script {
            ops,
            edited_share,
            seed,
        })
        .boxed()
}

/// Words for edits and new text: half from the policy itself (so new text shares its common
/// and domain words), half invented.
fn word(rand: &mut Rand, vocabulary: &[String]) -> String {
    if rand.below(2) == 0 {
        return vocabulary[rand.below(vocabulary.len())].clone();
    }
    const SYLLABLES: &[&str] = &[
        "ka", "lø", "mi", "sæ", "tro", "ven", "dan", "bor", "gå", "ri", "ne", "sko", "hus", "på",
        "le", "vå", "fri", "sam", "ord", "ek",
    ];
    let n = 2 + rand.below(3);
    (0..n)
        .map(|_| SYLLABLES[rand.below(SYLLABLES.len())])
        .collect()
}

fn new_block(rand: &mut Rand, vocabulary: &[String], min: usize, max: usize) -> ModelBlock {
    let n = min + rand.below(max - min + 1);
    ModelBlock {
        words: (0..n)
            .map(|_| Word {
                text: word(rand, vocabulary),
                origin: None,
            })
            .collect(),
        truth: Truth::New,
    }
}

fn apply(model: &mut Model, script: &Script, vocabulary: &[String]) {
    let mut rand = Rand(script.seed);
    for op in &script.ops {
        match *op {
            Op::InsertParagraph { at, seed } => {
                let mut r = Rand(seed);
                let s = 1 + usize::from(at) % (model.sections.len() - 1);
                let items = &mut model.sections[s].items;
                let pos = r.below(items.len() + 1);
                items.insert(pos, Item::Paragraph(new_block(&mut r, vocabulary, 8, 40)));
            }
            Op::InsertListItem { at, seed } => {
                let mut r = Rand(seed);
                let lists: Vec<(usize, usize)> = list_addresses(model);
                if lists.is_empty() {
                    continue;
                }
                let (s, i) = lists[usize::from(at) % lists.len()];
                if let Item::List(list) = &mut model.sections[s].items[i] {
                    let pos = r.below(list.len() + 1);
                    list.insert(pos, new_block(&mut r, vocabulary, 6, 30));
                }
            }
            Op::Delete { at } => {
                let mut targets = Vec::new();
                for (s, sec) in model.sections.iter().enumerate() {
                    for (i, item) in sec.items.iter().enumerate() {
                        match item {
                            Item::Paragraph(b) if b.source().is_some() => {
                                targets.push((s, i, None))
                            }
                            Item::List(l) => {
                                for (k, b) in l.iter().enumerate() {
                                    if b.source().is_some() {
                                        targets.push((s, i, Some(k)));
                                    }
                                }
                            }
                            _ => {}
                        }
                    }
                }
                if targets.is_empty() {
                    continue;
                }
                let (s, i, k) = targets[usize::from(at) % targets.len()];
                let items = &mut model.sections[s].items;
                match k {
                    None => {
                        items.remove(i);
                    }
                    Some(k) => {
                        if let Item::List(l) = &mut items[i] {
                            l.remove(k);
                            if l.is_empty() {
                                items.remove(i);
                            }
                        }
                    }
                }
            }
            Op::MoveParagraph { from, to } => {
                // A paragraph of some length: a lone copy of "Vi vil arbejde for, at:" moved
                // away from all its neighbours cannot be told from the other copies by anyone,
                // and the matcher rightly calls it new (and the copy it was, removed).
                let paragraphs = model.paragraphs(8);
                if paragraphs.is_empty() {
                    continue;
                }
                let (s, i) = paragraphs[usize::from(from) % paragraphs.len()];
                let item = model.sections[s].items.remove(i);
                let t = 1 + usize::from(to) % (model.sections.len() - 1);
                let pos = rand.below(model.sections[t].items.len() + 1);
                model.sections[t].items.insert(pos, item);
            }
            Op::MoveSection { from, to } => {
                // Section 0 is the level-1 title without blocks; the others move.
                let n = model.sections.len() - 1;
                let s = model.sections.remove(1 + usize::from(from) % n);
                model.sections.insert(1 + usize::from(to) % n, s);
            }
            Op::Split { at, seed } => {
                let paragraphs = model.paragraphs(12);
                if paragraphs.is_empty() {
                    continue;
                }
                let mut r = Rand(seed);
                let (s, i) = paragraphs[usize::from(at) % paragraphs.len()];
                let Item::Paragraph(block) = model.sections[s].items.remove(i) else {
                    continue;
                };
                let Some(source) = block.source() else {
                    continue;
                };
                let parts = if block.words.len() >= 40 && r.below(2) == 0 {
                    3
                } else {
                    2
                };
                let cuts = cut_points(&block.words, parts, &mut r);
                let mut pieces = Vec::new();
                let mut from = 0;
                for &cut in cuts.iter().chain(std::iter::once(&block.words.len())) {
                    pieces.push(Item::Paragraph(ModelBlock {
                        words: block.words[from..cut].to_vec(),
                        truth: Truth::Piece(source),
                    }));
                    from = cut;
                }
                for (k, piece) in pieces.into_iter().enumerate() {
                    model.sections[s].items.insert(i + k, piece);
                }
            }
            Op::Merge { at } => {
                let pairs: Vec<(usize, usize)> = model
                    .paragraphs(1)
                    .into_iter()
                    .filter(|&(s, i)| {
                        matches!(model.sections[s].items.get(i + 1),
                            Some(Item::Paragraph(b)) if b.source().is_some())
                    })
                    .collect();
                if pairs.is_empty() {
                    continue;
                }
                let (s, i) = pairs[usize::from(at) % pairs.len()];
                let items = &mut model.sections[s].items;
                let (Item::Paragraph(second), Item::Paragraph(first)) =
                    (items.remove(i + 1), &mut items[i])
                else {
                    continue;
                };
                let (Some(a), Some(b)) = (first.source(), second.source()) else {
                    continue;
                };
                first.words.extend(second.words);
                first.truth = Truth::Merged(vec![a, b]);
            }
        }
    }
    // Word edits: up to 30% of the words of a share of the blocks.
    let share = script.edited_share;
    for block in model.blocks_mut() {
        if block.truth == Truth::New || rand.unit() >= share {
            continue;
        }
        let rate = 0.3 * rand.unit();
        let edits = (rate * block.words.len() as f64).floor() as usize;
        for _ in 0..edits {
            let len = block.words.len();
            match rand.below(4) {
                0 | 1 => {
                    let k = rand.below(len);
                    let mut text = word(&mut rand, vocabulary);
                    while text == block.words[k].text {
                        text = word(&mut rand, vocabulary);
                    }
                    block.words[k] = Word { text, origin: None };
                }
                2 if len > 3 => {
                    block.words.remove(rand.below(len));
                }
                _ => {
                    let k = rand.below(len + 1);
                    let text = word(&mut rand, vocabulary);
                    block.words.insert(k, Word { text, origin: None });
                }
            }
        }
    }
}

fn list_addresses(model: &Model) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (s, sec) in model.sections.iter().enumerate() {
        for (i, item) in sec.items.iter().enumerate() {
            if matches!(item, Item::List(_)) {
                out.push((s, i));
            }
        }
    }
    out
}

/// Where to cut a paragraph into `parts`, preferring sentence ends, each piece at least a
/// quarter (or for three pieces a fifth) of the words.
fn cut_points(words: &[Word], parts: usize, rand: &mut Rand) -> Vec<usize> {
    let n = words.len();
    let min = n / if parts == 2 { 4 } else { 5 };
    let mut cuts = Vec::new();
    let mut from = 0;
    for p in 1..parts {
        let lo = (from + min).max(p * n / parts - n / 6);
        let hi = (p * n / parts + n / 6).min(n - min * (parts - p));
        if lo >= hi {
            cuts.push((lo + hi) / 2);
            from = (lo + hi) / 2;
            continue;
        }
        let sentence: Vec<usize> = (lo..=hi)
            .filter(|&k| words[k - 1].text.ends_with('.'))
            .collect();
        let cut = if sentence.is_empty() {
            lo + rand.below(hi - lo + 1)
        } else {
            sentence[rand.below(sentence.len())]
        };
        cuts.push(cut);
        from = cut;
    }
    cuts
}

// ---------------------------------------------------------------------------------------
// Measuring.

#[derive(Debug, Default)]
struct Stats {
    scripts: usize,
    blocks: usize,
    blocks_right: usize,
    /// Blocks involved in a split or merge (pieces, merged blocks), and how many came out right.
    split_merge_blocks: usize,
    split_merge_right: usize,
    /// Old blocks that were deleted but were given to a new block.
    blocks_confidently_wrong: usize,
    quotes_present: usize,
    quotes_right: usize,
    quotes_removed: usize,
    quotes_confidently_wrong: usize,
    /// Quotes with less than half their letters left, where either answer is right as long
    /// as an anchor is in the right place.
    quotes_partial: usize,
    quotes_partial_wrong_place: usize,
    failures: Vec<String>,
}

impl Stats {
    fn block_share(&self) -> f64 {
        self.blocks_right as f64 / self.blocks.max(1) as f64
    }

    fn quote_share(&self) -> f64 {
        self.quotes_right as f64 / self.quotes_present.max(1) as f64
    }

    fn print(&self, name: &str) {
        println!(
            "anchoring quality, {name}: {} edit scripts\n  blocks re-anchored correctly: \
             {}/{} = {:.2}%  (split/merge blocks: {}/{})\n  blocks confidently given to \
             a successor though removed: {}\n  quotes re-anchored to the right place: {}/{} = \
             {:.2}%\n  quotes whose words are all gone: {}, confidently anchored anyway: {}\n  \
             quotes with less than half their letters left: {}, anchored to a wrong place: {}",
            self.scripts,
            self.blocks_right,
            self.blocks,
            100.0 * self.block_share(),
            self.split_merge_right,
            self.split_merge_blocks,
            self.blocks_confidently_wrong,
            self.quotes_right,
            self.quotes_present,
            100.0 * self.quote_share(),
            self.quotes_removed,
            self.quotes_confidently_wrong,
            self.quotes_partial,
            self.quotes_partial_wrong_place,
        );
        if std::env::var_os("ANCHORING_FAILURES").is_some() {
            for f in &self.failures {
                println!("  MISS {f}");
            }
        }
    }
}

fn evaluate(
    base: &Model,
    old: &Document,
    vocabulary: &[String],
    script: &Script,
    stats: &mut Stats,
) {
    let case = stats.scripts;
    if std::env::var("ANCHORING_CASE").is_ok_and(|c| c != case.to_string()) {
        stats.scripts += 1;
        return;
    }
    let mut model = base.clone();
    apply(&mut model, script, vocabulary);
    let new = model.render();
    let (carried, matching) = carry_ids(old, new.clone());
    stats.scripts += 1;

    let old_blocks: Vec<&crate::Block> = old.blocks().collect();
    let old_ids: Vec<BlockId> = old_blocks.iter().map(|b| b.id.clone()).collect();
    let new_blocks: Vec<&ModelBlock> = model.blocks().collect();
    assert_eq!(matching.blocks.len(), new_blocks.len());

    // Invariants that hold whatever the quality: durable ids are distinct, carried into the
    // document, and every old block is accounted for exactly once or removed.
    let ids: BTreeSet<&BlockId> = matching.blocks.iter().map(|b| &b.id).collect();
    assert_eq!(ids.len(), matching.blocks.len(), "durable ids are distinct");
    for (b, m) in carried.blocks().zip(&matching.blocks) {
        assert_eq!(b.id, m.id);
    }
    for m in &matching.blocks {
        if !old_ids.contains(&m.id) {
            assert!(
                matches!(
                    m.provenance,
                    Provenance::New
                        | Provenance::SplitFrom {
                            keeps_id: false,
                            ..
                        }
                ),
                "only new blocks and extra pieces have fresh ids"
            );
        }
    }
    for id in &old_ids {
        let uses = matching
            .blocks
            .iter()
            .filter(|m| m.provenance.sources().contains(id))
            .count();
        let removed = matching.removed.contains(id);
        assert!(uses > 0 || removed, "old block {id} accounted for");
        assert!(
            !(uses > 0 && removed),
            "old block {id} both used and removed"
        );
    }

    // The truth about which pairs kept their place, by the documented rule.
    let mut pairs = Vec::new();
    let mut pair_block = Vec::new();
    let mut main_of = vec![None; new_blocks.len()];
    for (j, b) in new_blocks.iter().enumerate() {
        let main = match &b.truth {
            Truth::From(i) => Some(*i),
            Truth::Piece(i) => {
                let (mine, most) = (words_from(b, *i), largest_piece(&new_blocks, *i));
                (mine == most).then_some(*i)
            }
            Truth::Merged(sources) => sources
                .iter()
                .copied()
                .max_by_key(|&i| (words_from(b, i), std::cmp::Reverse(i))),
            Truth::New => None,
        };
        main_of[j] = main;
        if let Some(i) = main {
            // Split pieces of equal size: only the first counts for placement.
            if pairs.iter().any(|&(o, _, _)| o == i) {
                continue;
            }
            pairs.push((i, j, placement_weight(old_blocks[i].text.trim())));
            pair_block.push(j);
        }
    }
    let placed = in_place(&pairs);
    let mut in_place_truth = vec![false; new_blocks.len()];
    for (j, p) in pair_block.into_iter().zip(placed) {
        in_place_truth[j] = p;
    }

    let mut used = vec![false; old_blocks.len()];
    let mut undecided = vec![false; old_blocks.len()];
    for (j, (b, m)) in new_blocks.iter().zip(&matching.blocks).enumerate() {
        let text_same = |i: usize| b.text() == old_blocks[i].text;
        let (right, involved) = match (&b.truth, &m.provenance) {
            (Truth::From(i), p) => {
                used[*i] = true;
                let want = match (in_place_truth[j], text_same(*i)) {
                    (true, true) => Provenance::Unchanged {
                        from: vec![old_ids[*i].clone()],
                    },
                    (true, false) => Provenance::Edited {
                        from: vec![old_ids[*i].clone()],
                    },
                    (false, same) => Provenance::Moved {
                        from: vec![old_ids[*i].clone()],
                        edited: !same,
                    },
                };
                (*p == want && m.id == old_ids[*i], false)
            }
            (Truth::Piece(i), Provenance::SplitFrom { from, keeps_id }) => {
                used[*i] = true;
                let (mine, most) = (words_from(b, *i), largest_piece(&new_blocks, *i));
                // Pieces of nearly equal size may either keep the id.
                let may_keep = mine * 5 >= most * 4;
                let id_ok = if *keeps_id {
                    may_keep && m.id == old_ids[*i]
                } else {
                    !old_ids.contains(&m.id)
                };
                (*from == vec![old_ids[*i].clone()] && id_ok, true)
            }
            (Truth::Merged(sources), p) => {
                // A source with at least half its words left must be named, one with none left
                // must not; in between, either answer is right.
                let share = |i: usize| {
                    words_from(b, i) as f64 / old_blocks[i].text.split(' ').count() as f64
                };
                let strong: Vec<usize> = sources
                    .iter()
                    .copied()
                    .filter(|&i| share(i) >= 0.5)
                    .collect();
                let weak: Vec<usize> = sources
                    .iter()
                    .copied()
                    .filter(|&i| share(i) > 0.0 && share(i) < 0.5)
                    .collect();
                let most = sources.iter().map(|&i| words_from(b, i)).max().unwrap_or(0);
                let id_ok = sources
                    .iter()
                    .any(|&i| m.id == old_ids[i] && words_from(b, i) * 5 >= most * 4);
                for &i in &strong {
                    used[i] = true;
                }
                for &i in &weak {
                    undecided[i] = true;
                }
                let named_ok = |from: &[BlockId]| {
                    strong.iter().all(|&i| from.contains(&old_ids[i]))
                        && from
                            .iter()
                            .all(|f| strong.iter().chain(&weak).any(|&i| old_ids[i] == *f))
                };
                let right = match p {
                    Provenance::MergedFrom { from } => {
                        let order: Vec<Option<usize>> = from
                            .iter()
                            .map(|f| old_ids.iter().position(|o| o == f))
                            .collect();
                        named_ok(from) && order.windows(2).all(|w| w[0] < w[1]) && id_ok
                    }
                    // One source left that matters: an edit of it.
                    Provenance::Edited { from } | Provenance::Moved { from, .. }
                        if strong.len() == 1 =>
                    {
                        named_ok(from) && m.id == old_ids[strong[0]]
                    }
                    _ => false,
                };
                (right, true)
            }
            (Truth::Piece(i), _) => {
                used[*i] = true;
                (false, true)
            }
            (Truth::New, p) => (*p == Provenance::New && !old_ids.contains(&m.id), false),
        };
        stats.blocks += 1;
        if right {
            stats.blocks_right += 1;
        } else {
            if std::env::var_os("ANCHORING_LISTINGS").is_some() {
                stats.failures.push(format!(
                    "case {case} script {:?}\n{}",
                    script.ops,
                    listing(&model, &matching)
                ));
            }
            stats.failures.push(format!(
                "block {} {:?}: got {:?} id {} (main {:?}) text {:?}",
                m.number,
                b.truth,
                m.provenance,
                m.id,
                main_of[j],
                shorten(&b.text())
            ));
        }
        if involved {
            stats.split_merge_blocks += 1;
            if right {
                stats.split_merge_right += 1;
            }
        }
    }
    for (i, id) in old_ids.iter().enumerate() {
        if used[i] || undecided[i] {
            continue;
        }
        stats.blocks += 1;
        if matching.removed.contains(id) {
            stats.blocks_right += 1;
        } else {
            stats.blocks_confidently_wrong += 1;
            stats.failures.push(format!(
                "REMOVED block {} given to {:?}: {:?}",
                old_blocks[i].number,
                matching
                    .blocks
                    .iter()
                    .find(|m| m.provenance.sources().contains(id))
                    .map(|m| (&m.number, &m.provenance)),
                shorten(&old_blocks[i].text)
            ));
        }
    }

    // Quotes of 2–8 words from random old blocks.
    let mut rand = Rand(script.seed ^ 0x5eed);
    for _ in 0..QUOTES {
        let i = rand.below(old_blocks.len());
        let old_words: Vec<&str> = old_blocks[i].text.split(' ').collect();
        let k = (2 + rand.below(7)).min(old_words.len());
        let s = rand.below(old_words.len() - k + 1);
        let Some(quote) = quote_of_words(&old_blocks[i].text, s, k) else {
            continue;
        };
        let anchor = anchor_quote(&quote, &old_ids[i], &new, &matching);

        // Where the quoted words are now, counted in letters: a quote of which only "af"
        // is left is not there any more in any useful sense.
        let quoted = |w: &Word| matches!(w.origin, Some((b, x)) if b == i && x >= s && x < s + k);
        let letters = |w: &str| w.chars().filter(|c| c.is_alphanumeric()).count();
        let quote_letters: usize = old_words[s..s + k].iter().map(|w| letters(w)).sum();
        let counts: Vec<usize> = new_blocks
            .iter()
            .map(|b| {
                b.words
                    .iter()
                    .filter(|w| quoted(w))
                    .map(|w| letters(&w.text))
                    .sum()
            })
            .collect();
        let surviving: usize = counts.iter().sum();
        let words_left: usize = new_blocks
            .iter()
            .map(|b| b.words.iter().filter(|w| quoted(w)).count())
            .sum();
        let place_right = |anchor: &QuoteAnchor| -> bool {
            let (block, a_start, a_end) = match anchor {
                QuoteAnchor::Exact { block, start, end }
                | QuoteAnchor::Fuzzy {
                    block, start, end, ..
                } => (block, *start, *end),
                QuoteAnchor::Removed => return false,
            };
            let Some(j) = matching.blocks.iter().position(|m| &m.id == block) else {
                return false;
            };
            if counts[j] * 5 < surviving * 2 {
                return false;
            }
            // The quoted words left in the block, and the stretch up to the nearest original
            // words around them that were not quoted: what now stands in between is what
            // replaced the quote.
            let mut at = 0;
            let (mut t_start, mut t_end) = (usize::MAX, 0);
            let mut spans = Vec::new();
            for w in &new_blocks[j].words {
                let n = w.text.chars().count();
                if quoted(w) {
                    t_start = t_start.min(at);
                    t_end = t_end.max(at + n);
                }
                spans.push((at, at + n, w.origin.is_some() && !quoted(w)));
                at += n + 1;
            }
            let lower = spans
                .iter()
                .filter(|&&(_, e, original)| original && e <= t_start)
                .map(|&(_, e, _)| e)
                .max()
                .unwrap_or(0);
            let upper = spans
                .iter()
                .filter(|&&(b, _, original)| original && b >= t_end)
                .map(|&(b, _, _)| b)
                .min()
                .unwrap_or(usize::MAX);
            let overlap = a_end.min(t_end).saturating_sub(a_start.max(t_start));
            overlap * 2 >= t_end - t_start && a_start >= lower && a_end <= upper
        };
        let describe = || {
            let anchored = match &anchor {
                QuoteAnchor::Exact { block, .. } | QuoteAnchor::Fuzzy { block, .. } => {
                    matching.blocks.iter().position(|m| &m.id == block)
                }
                QuoteAnchor::Removed => None,
            };
            let best = anchored
                .or_else(|| (0..counts.len()).max_by_key(|&j| counts[j]))
                .unwrap_or(0);
            format!(
                "quote {:?} of block {} ({words_left} of {k} words, {surviving} of {quote_letters} letters left): {:?}\n      quote {quote:?}\n      now {:?}",
                quote.exact(),
                old_blocks[i].number,
                anchor,
                new_blocks.get(best).map(|b| b.text()).unwrap_or_default()
            )
        };
        // A word written anew where the quote stood (between the quote's surviving
        // neighbours) that is one of the quote's words puts the quote, textually, back: such a
        // quote is not gone. (The generator draws new words from the policy itself.)
        let clean = |w: &str| -> String {
            w.chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase)
                .collect()
        };
        let quote_words: Vec<String> = old_words[s..s + k].iter().map(|w| clean(w)).collect();
        let rewritten = new_blocks.iter().any(|b| {
            let before = b
                .words
                .iter()
                .rposition(|w| matches!(w.origin, Some((o, x)) if o == i && x < s));
            let after = b
                .words
                .iter()
                .position(|w| matches!(w.origin, Some((o, x)) if o == i && x >= s + k));
            let (Some(from), Some(to)) = (before, after) else {
                return false;
            };
            from < to
                && b.words[from + 1..to]
                    .iter()
                    .any(|w| w.origin.is_none() && quote_words.contains(&clean(&w.text)))
        });
        if surviving == 0 && !rewritten {
            stats.quotes_removed += 1;
            if anchor != QuoteAnchor::Removed {
                stats.quotes_confidently_wrong += 1;
                stats.failures.push(format!("REMOVED {}", describe()));
            }
        } else if surviving * 2 >= quote_letters {
            stats.quotes_present += 1;
            if place_right(&anchor) {
                stats.quotes_right += 1;
            } else {
                stats.failures.push(describe());
            }
        } else {
            stats.quotes_partial += 1;
            if anchor != QuoteAnchor::Removed && !place_right(&anchor) {
                stats.quotes_partial_wrong_place += 1;
                stats.failures.push(format!("PARTIAL {}", describe()));
            }
        }
    }
}

fn listing(model: &Model, matching: &VersionMatch) -> String {
    model
        .blocks()
        .zip(&matching.blocks)
        .map(|(b, m)| {
            format!(
                "      {} {:?} -> {} {:?}: {}\n",
                m.number,
                b.truth,
                m.provenance.kind(),
                m.provenance.sources(),
                shorten(&b.text())
            )
        })
        .collect()
}

fn words_from(block: &ModelBlock, old: usize) -> usize {
    block
        .words
        .iter()
        .filter(|w| matches!(w.origin, Some((b, _)) if b == old))
        .count()
}

/// The most words of old block `old` that any one of its split pieces holds.
fn largest_piece(new_blocks: &[&ModelBlock], old: usize) -> usize {
    new_blocks
        .iter()
        .filter(|o| o.truth == Truth::Piece(old))
        .map(|o| words_from(o, old))
        .max()
        .unwrap_or(0)
}

fn shorten(text: &str) -> String {
    text.chars().take(60).collect()
}

fn measure(with_splits: bool, seed: &[u8; 32]) -> Stats {
    let (base, old) = Model::from_fixture();
    let vocabulary: Vec<String> = old
        .blocks()
        .flat_map(|b| b.text.split(' ').map(str::to_owned).collect::<Vec<_>>())
        .collect();
    // For exploring: ANCHORING_SEED and ANCHORING_CASES change the run; the asserted figures
    // are for the defaults.
    let seed: [u8; 32] = std::env::var("ANCHORING_SEED")
        .ok()
        .and_then(|s| s.parse::<u8>().ok())
        .map_or(*seed, |s| [s; 32]);
    let cases = std::env::var("ANCHORING_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(SCRIPTS);
    let config = Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    };
    let mut runner =
        TestRunner::new_with_rng(config, TestRng::from_seed(RngAlgorithm::ChaCha, &seed));
    let stats = RefCell::new(Stats::default());
    runner
        .run(&script(with_splits), |script| {
            evaluate(&base, &old, &vocabulary, &script, &mut stats.borrow_mut());
            Ok(())
        })
        .unwrap();
    stats.into_inner()
}

/// Measures anchoring under the edit scripts `measure` makes from `seed`, prints the figures
/// under `title`, and asserts that at least `share` of the blocks and of the quotes are placed
/// right and none confidently wrong; the figures, for more checks.
fn measured(with_splits: bool, seed: &[u8; 32], title: &str, share: f64) -> Stats {
    let stats = measure(with_splits, seed);
    stats.print(title);
    let blocks = stats.block_share();
    assert!(blocks >= share, "blocks {blocks:.4}");
    let quotes = stats.quote_share();
    assert!(quotes >= share, "quotes {quotes:.4}");
    assert_eq!(stats.blocks_confidently_wrong, 0);
    assert_eq!(stats.quotes_confidently_wrong, 0);
    stats
}

#[test]
fn anchoring_quality_under_word_edits_moves_inserts_and_deletes() {
    measured(
        false,
        &[7; 32],
        "word edits up to 30%, inserts, deletes, moves, reordered sections",
        0.99,
    );
}

#[test]
fn anchoring_quality_through_splits_and_merges() {
    let stats = measured(
        true,
        &[11; 32],
        "splits and merges, with word edits and the rest",
        0.95,
    );
    let involved = stats.split_merge_right as f64 / stats.split_merge_blocks.max(1) as f64;
    assert!(involved >= 0.95, "split and merged blocks {involved:.4}");
}
