//! Held-out measurement of block matching and quote anchoring, beside two naive baselines.
//!
//! The thresholds in `matcher` and `quote` were tuned on the integration policy with the seeds
//! of `quality_tests`. This module measures on what tuning never saw: two further policies
//! written for testing (`handicappolitik.md`, `kulturpolitik.md`), the integration policy under
//! other seeds and another generator, and generated policies of 500 and 2,000 blocks, where
//! repeated texts and the candidate limits of the matcher come into play.
//!
//! The truth comes from the generator alone: every word carries its origin (old block, word),
//! so where an old block went, whether it is gone, and where a quote's words now stand follow
//! from the words, not from the implementation. Whether a block kept its place is decided, in
//! documents of up to [`ORACLE_BLOCKS`] blocks, by an O(n²) dynamic programme counting the
//! heaviest order-keeping chains of true pairs (independent of `placement::in_place`); a block
//! in every heaviest chain must be in place, one in none must be moved, others may be either.
//! No case is skipped: a failure of the matcher counts against the figure. Blocks and quotes
//! the generator did not touch are left out of the figures.
//!
//! `cargo test -p hoering anchoring_heldout -- --nocapture` prints the table.

use std::collections::BTreeMap;

use super::model_items::Word;
use super::*;
use crate::document::{BlockKind, Document};

const INTEGRATION: &str = include_str!("../document/fixtures/integrationspolitik.md");
const HANDICAP: &str = include_str!("../document/fixtures/handicappolitik.md");
const KULTUR: &str = include_str!("../document/fixtures/kulturpolitik.md");

/// Cases per category and small document.
const CASES: u64 = 30;
/// Cases per large generated document.
const LARGE_CASES: u64 = 6;
/// Quotes anchored per case of a small document, and of a large one.
const QUOTES: usize = 12;
const LARGE_QUOTES: usize = 40;
/// Largest document for which the placement oracle runs.
const ORACLE_BLOCKS: usize = 200;

// ---------------------------------------------------------------------------------------
// Randomness: SplitMix64, seeded apart from the quality tests' proptest seeds.

use crate::split_mix::Rand;

// ---------------------------------------------------------------------------------------
// The model: sections of paragraphs and lists, and footnotes; every word with its origin.

#[derive(Debug, Clone, Default)]
struct Blk {
    words: Vec<Word>,
    /// Changed by the generator in any way (words, place, split, merge).
    touched: bool,
}

impl Blk {
    fn text(&self) -> String {
        super::model_items::text(&self.words)
    }

    fn from_text(text: &str, index: usize) -> Blk {
        Blk {
            words: super::model_items::words(text, index),
            touched: false,
        }
    }
}

type Item = super::model_items::Item<Blk>;
type Section = super::model_items::Section<Blk>;

#[derive(Debug, Clone)]
struct Model {
    sections: Vec<Section>,
    notes: Vec<Blk>,
}

impl Model {
    /// The model of a parsed policy, numbering blocks in document order.
    fn of(doc: &Document) -> Model {
        let mut index = 0;
        let mut sections = Vec::new();
        for s in &doc.sections {
            let items = super::model_items::items(s.blocks.iter().map(|b| {
                let blk = Blk::from_text(&b.text, index);
                index += 1;
                let list = (b.kind == BlockKind::ListItem).then_some(b.number.position());
                (list, blk)
            }));
            sections.push(Section {
                level: usize::from(s.level).max(1),
                heading: s.heading.clone(),
                items,
            });
        }
        let notes = doc
            .footnotes
            .iter()
            .map(|b| {
                let blk = Blk::from_text(&b.text, index);
                index += 1;
                blk
            })
            .collect();
        Model { sections, notes }
    }

    fn markdown(&self) -> String {
        let text = |b: &Blk| safe(&b.text());
        let mut md = super::model_items::markdown(&self.sections, text);
        for (k, n) in self.notes.iter().enumerate() {
            md.push_str(&format!("[^{}]: {}\n", k + 1, text(n)));
        }
        md
    }

    fn blocks(&self) -> Vec<&Blk> {
        super::model_items::blocks(&self.sections)
            .chain(&self.notes)
            .collect()
    }

    fn render(&self) -> Document {
        let expected = self.blocks().iter().map(|b| b.text()).collect();
        super::quality_tests::parsed_model(&self.markdown(), expected)
    }

    fn len(&self) -> usize {
        self.blocks().len()
    }
}

/// A block text that Markdown reads back as itself: a start that would open a list, heading
/// or quote is escaped.
fn safe(text: &str) -> String {
    let first = text.split(' ').next().unwrap_or_default();
    let opens = first.starts_with(['-', '*', '+', '#', '>', '|', '[', '`', '<', '='])
        || first
            .trim_end_matches(['.', ')'])
            .chars()
            .all(|c| c.is_ascii_digit())
            && first.len() > 1
            && first.ends_with(['.', ')']);
    if opens {
        format!("\\{text}")
    } else {
        text.to_owned()
    }
}

// ---------------------------------------------------------------------------------------
// Edits.

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Category {
    WordEdits,
    Moves,
    InsertsDeletes,
    Splits,
    Merges,
    Mixed,
}

impl Category {
    const SMALL: [Category; 5] = [
        Category::WordEdits,
        Category::Moves,
        Category::InsertsDeletes,
        Category::Splits,
        Category::Merges,
    ];

    fn name(self) -> &'static str {
        match self {
            Category::WordEdits => "word edits ≤30%",
            Category::Moves => "moves (para, item, section, headings)",
            Category::InsertsDeletes => "inserts and deletes",
            Category::Splits => "splits (para, list item, section)",
            Category::Merges => "merges (para, list items, sections)",
            Category::Mixed => "mixed",
        }
    }
}

struct Editor<'v> {
    rand: Rand,
    vocabulary: &'v [String],
}

impl Editor<'_> {
    fn word(&mut self) -> String {
        self.vocabulary[self.rand.below(self.vocabulary.len())].clone()
    }

    fn fresh(&mut self, min: usize, max: usize) -> Blk {
        let n = min + self.rand.below(max - min + 1);
        Blk {
            words: (0..n)
                .map(|_| Word {
                    text: self.word(),
                    origin: None,
                })
                .collect(),
            touched: true,
        }
    }

    /// Changes up to 30% of the words of `share` percent of the blocks.
    fn word_edits(&mut self, model: &mut Model, share: usize) {
        let mut all: Vec<&mut Blk> = Vec::new();
        for s in &mut model.sections {
            for item in &mut s.items {
                match item {
                    Item::Paragraph(b) => all.push(b),
                    Item::List(l) => all.extend(l.iter_mut()),
                }
            }
        }
        all.extend(model.notes.iter_mut());
        for b in all {
            if !self.rand.percent(share) {
                continue;
            }
            let rate = self.rand.below(31);
            let edits = (b.words.len() * rate / 100).max(1);
            b.touched = true;
            for _ in 0..edits {
                let len = b.words.len();
                let k = self.rand.below(len);
                match self.rand.below(4) {
                    0 | 1 => {
                        b.words[k] = Word {
                            text: self.word(),
                            origin: None,
                        }
                    }
                    2 if len > 3 => {
                        b.words.remove(k);
                    }
                    _ => b.words.insert(
                        k,
                        Word {
                            text: self.word(),
                            origin: None,
                        },
                    ),
                }
            }
        }
    }

    fn section(&mut self, model: &Model) -> usize {
        // Section 0 is the title, which holds no blocks in these policies.
        1 + self
            .rand
            .below(model.sections.len().saturating_sub(1).max(1))
    }

    fn paragraphs(model: &Model, min_words: usize) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        for (s, sec) in model.sections.iter().enumerate() {
            for (i, item) in sec.items.iter().enumerate() {
                if matches!(item, Item::Paragraph(b) if b.words.len() >= min_words) {
                    out.push((s, i));
                }
            }
        }
        out
    }

    fn list_items(model: &Model, min_words: usize) -> Vec<(usize, usize, usize)> {
        let mut out = Vec::new();
        for (s, sec) in model.sections.iter().enumerate() {
            for (i, item) in sec.items.iter().enumerate() {
                if let Item::List(l) = item {
                    for (k, b) in l.iter().enumerate() {
                        if b.words.len() >= min_words {
                            out.push((s, i, k));
                        }
                    }
                }
            }
        }
        out
    }

    fn pick<T: Copy>(&mut self, from: &[T]) -> Option<T> {
        (!from.is_empty()).then(|| from[self.rand.below(from.len())])
    }

    fn touch_section(sec: &mut Section) {
        for item in &mut sec.items {
            match item {
                Item::Paragraph(b) => b.touched = true,
                Item::List(l) => l.iter_mut().for_each(|b| b.touched = true),
            }
        }
    }

    fn apply(&mut self, model: &mut Model, category: Category, ops: usize) {
        for _ in 0..ops {
            let op = match category {
                Category::WordEdits => return self.word_edits(model, 40),
                Category::Moves => self.rand.below(5),
                Category::InsertsDeletes => 5 + self.rand.below(3),
                Category::Splits => 8 + self.rand.below(3),
                Category::Merges => 11 + self.rand.below(3),
                Category::Mixed => self.rand.below(14),
            };
            self.op(model, op);
        }
        // Light word edits on top, as drafts get.
        self.word_edits(model, 10);
    }

    fn op(&mut self, model: &mut Model, op: usize) {
        match op {
            // Move a paragraph to another section.
            0 => {
                let Some((s, i)) = self.pick(&Self::paragraphs(model, 8)) else {
                    return;
                };
                let mut item = model.sections[s].items.remove(i);
                if let Item::Paragraph(b) = &mut item {
                    b.touched = true;
                }
                let t = self.section(model);
                let at = self.rand.below(model.sections[t].items.len() + 1);
                model.sections[t].items.insert(at, item);
            }
            // Move a list item to another place in its list or to another list.
            1 => {
                let Some((s, i, k)) = self.pick(&Self::list_items(model, 6)) else {
                    return;
                };
                let Item::List(l) = &mut model.sections[s].items[i] else {
                    return;
                };
                let mut b = l.remove(k);
                let emptied = l.is_empty();
                if emptied {
                    model.sections[s].items.remove(i);
                }
                b.touched = true;
                let lists: Vec<(usize, usize)> = model
                    .sections
                    .iter()
                    .enumerate()
                    .flat_map(|(s, sec)| {
                        sec.items
                            .iter()
                            .enumerate()
                            .filter(|(_, it)| matches!(it, Item::List(_)))
                            .map(move |(i, _)| (s, i))
                    })
                    .collect();
                match self.pick(&lists) {
                    Some((s, i)) => {
                        if let Item::List(l) = &mut model.sections[s].items[i] {
                            let at = self.rand.below(l.len() + 1);
                            l.insert(at, b);
                        }
                    }
                    None => {
                        let last = s.min(model.sections.len() - 1);
                        model.sections[last].items.push(Item::List(vec![b]));
                    }
                }
            }
            // Move a section.
            2 => {
                if model.sections.len() < 3 {
                    return;
                }
                let from = self.section(model);
                let mut sec = model.sections.remove(from);
                Self::touch_section(&mut sec);
                let to = self.section(model).min(model.sections.len());
                model.sections.insert(to, sec);
            }
            // Rename a heading (no block changes; numbers stay).
            3 => {
                let s = self.section(model);
                let word = self.word();
                model.sections[s].heading = format!("{} {word}", model.sections[s].heading);
            }
            // Swap two neighbouring paragraphs.
            4 => {
                let Some((s, i)) = self.pick(&Self::paragraphs(model, 1)) else {
                    return;
                };
                if let Some(Item::Paragraph(_)) = model.sections[s].items.get(i + 1) {
                    model.sections[s].items.swap(i, i + 1);
                    for k in [i, i + 1] {
                        if let Item::Paragraph(b) = &mut model.sections[s].items[k] {
                            b.touched = true;
                        }
                    }
                }
            }
            // Insert a paragraph.
            5 => {
                let s = self.section(model);
                let at = self.rand.below(model.sections[s].items.len() + 1);
                let b = self.fresh(8, 40);
                model.sections[s].items.insert(at, Item::Paragraph(b));
            }
            // Insert a list item.
            6 => {
                let Some((s, i, k)) = self.pick(&Self::list_items(model, 0)) else {
                    return;
                };
                let b = self.fresh(6, 25);
                if let Item::List(l) = &mut model.sections[s].items[i] {
                    l.insert(k, b);
                }
            }
            // Delete a paragraph or a list item.
            7 => {
                if self.rand.percent(50) {
                    let Some((s, i)) = self.pick(&Self::paragraphs(model, 1)) else {
                        return;
                    };
                    model.sections[s].items.remove(i);
                } else {
                    let Some((s, i, k)) = self.pick(&Self::list_items(model, 0)) else {
                        return;
                    };
                    if let Item::List(l) = &mut model.sections[s].items[i] {
                        l.remove(k);
                        if l.is_empty() {
                            model.sections[s].items.remove(i);
                        }
                    }
                }
            }
            // Split a paragraph in two or three.
            8 => {
                let Some((s, i)) = self.pick(&Self::paragraphs(model, 16)) else {
                    return;
                };
                let Item::Paragraph(b) = model.sections[s].items.remove(i) else {
                    return;
                };
                let parts = if self.rand.percent(30) { 3 } else { 2 };
                let pieces = self.cut(b, parts);
                for (k, p) in pieces.into_iter().enumerate() {
                    model.sections[s].items.insert(i + k, Item::Paragraph(p));
                }
            }
            // Split a list item in two.
            9 => {
                let Some((s, i, k)) = self.pick(&Self::list_items(model, 14)) else {
                    return;
                };
                if let Item::List(l) = &mut model.sections[s].items[i] {
                    let b = l.remove(k);
                    let pieces = self.cut(b, 2);
                    for (n, p) in pieces.into_iter().enumerate() {
                        l.insert(k + n, p);
                    }
                }
            }
            // Split a section: a new heading in its middle (blocks renumbered, none changed).
            10 => {
                let s = self.section(model);
                let n = model.sections[s].items.len();
                if n < 2 {
                    return;
                }
                let at = 1 + self.rand.below(n - 1);
                let rest = model.sections[s].items.split_off(at);
                let heading = format!("{} {}", self.word(), self.word());
                let level = model.sections[s].level;
                model.sections.insert(
                    s + 1,
                    Section {
                        level,
                        heading,
                        items: rest,
                    },
                );
            }
            // Merge two neighbouring paragraphs.
            11 => {
                let pairs: Vec<(usize, usize)> = Self::paragraphs(model, 1)
                    .into_iter()
                    .filter(|&(s, i)| {
                        matches!(model.sections[s].items.get(i + 1), Some(Item::Paragraph(_)))
                    })
                    .collect();
                let Some((s, i)) = self.pick(&pairs) else {
                    return;
                };
                let Item::Paragraph(second) = model.sections[s].items.remove(i + 1) else {
                    return;
                };
                if let Item::Paragraph(first) = &mut model.sections[s].items[i] {
                    first.words.extend(second.words);
                    first.touched = true;
                }
            }
            // Merge two neighbouring items of one list.
            12 => {
                let pairs: Vec<(usize, usize, usize)> = Self::list_items(model, 0)
                    .into_iter()
                    .filter(|&(s, i, k)| {
                        matches!(&model.sections[s].items[i], Item::List(l) if k + 1 < l.len())
                    })
                    .collect();
                let Some((s, i, k)) = self.pick(&pairs) else {
                    return;
                };
                if let Item::List(l) = &mut model.sections[s].items[i] {
                    let second = l.remove(k + 1);
                    l[k].words.extend(second.words);
                    l[k].touched = true;
                }
            }
            // Merge two sections: a heading removed.
            _ => {
                if model.sections.len() < 3 {
                    return;
                }
                let s = self.section(model);
                if s + 1 >= model.sections.len() {
                    return;
                }
                let next = model.sections.remove(s + 1);
                model.sections[s].items.extend(next.items);
            }
        }
    }

    /// `b` cut into `parts` pieces of at least a quarter (a fifth) of its words each.
    fn cut(&mut self, b: Blk, parts: usize) -> Vec<Blk> {
        let n = b.words.len();
        let min = (n / (parts + 2)).max(1);
        let mut cuts = Vec::new();
        let mut from = 0;
        for p in 1..parts {
            let lo = (from + min).max(p * n / parts - n / 8);
            let hi = (p * n / parts + n / 8).min(n - min * (parts - p));
            let at = if lo >= hi {
                lo.min(n - 1)
            } else {
                lo + self.rand.below(hi - lo + 1)
            };
            cuts.push(at);
            from = at;
        }
        cuts.push(n);
        let mut pieces = Vec::new();
        let mut from = 0;
        for at in cuts {
            if at > from {
                pieces.push(Blk {
                    words: b.words[from..at].to_vec(),
                    touched: true,
                });
            }
            from = at;
        }
        pieces
    }
}

// ---------------------------------------------------------------------------------------
// The truth, from the words' origins.

/// Where an old block's identity belongs in the new version.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Home {
    /// New block(s) any of which may rightly hold it (pieces of nearly equal size).
    In(Vec<usize>),
    Gone,
    /// Neither clearly kept nor clearly gone (a third to a half of its words left): any
    /// answer is right except a block holding none of its words.
    Either(Vec<usize>),
}

fn homes(old: &[&Blk], new: &[&Blk]) -> Vec<Home> {
    let mut counts: Vec<BTreeMap<usize, usize>> = vec![BTreeMap::new(); old.len()];
    for (j, b) in new.iter().enumerate() {
        for w in &b.words {
            if let Some((i, _)) = w.origin {
                *counts[i].entry(j).or_default() += 1;
            }
        }
    }
    counts
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let total = old[i].words.len().max(1);
            let left: usize = c.values().sum();
            let most = c.values().copied().max().unwrap_or(0);
            let near: Vec<usize> = c
                .iter()
                .filter(|&(_, &n)| n * 5 >= most * 4)
                .map(|(&j, _)| j)
                .collect();
            let all: Vec<usize> = c.keys().copied().collect();
            if left * 2 >= total && most * 3 >= total {
                Home::In(near)
            } else if left * 3 < total {
                Home::Gone
            } else {
                Home::Either(all)
            }
        })
        .collect()
}

/// For each pair `k` of `p` in `visit` order, the weight of the heaviest chain that reaches it
/// through the pairs `from(k)` that `linked(j, k)` lets lead to it, and how many chains are
/// that heavy; both the oracle's directions count so.
fn heaviest_chains(
    p: &[(usize, usize, u64)],
    visit: impl Iterator<Item = usize>,
    from: impl Fn(usize) -> std::ops::Range<usize>,
    linked: impl Fn(usize, usize) -> bool,
) -> (Vec<u64>, Vec<f64>) {
    let n = p.len();
    let (mut weight, mut chains) = (vec![0u64; n], vec![0f64; n]);
    for k in visit {
        let (mut best, mut count) = (0u64, 1f64);
        for j in from(k) {
            if linked(j, k) {
                if weight[j] > best {
                    (best, count) = (weight[j], chains[j]);
                } else if weight[j] == best && best > 0 {
                    count += chains[j];
                }
            }
        }
        weight[k] = best + p[k].2;
        chains[k] = count;
    }
    (weight, chains)
}

/// For the placement oracle: one-to-one pairs (old, new, weight) and, for each, whether it must
/// be in place (`Some(true)`), must be moved (`Some(false)`) or may be either (`None`).
///
/// Weight is the old text's length + 1, as documented for the matcher. A pair in every
/// heaviest order-keeping chain must be in place; in none, moved. Counted by an O(n²) dynamic
/// programme over the pairs sorted by new position, counting chains forwards and backwards.
fn oracle_in_place(pairs: &[(usize, usize, u64)]) -> Vec<Option<bool>> {
    let n = pairs.len();
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by_key(|&p| (pairs[p].1, pairs[p].0));
    let p: Vec<(usize, usize, u64)> = order.iter().map(|&k| pairs[k]).collect();
    let before = |a: usize, b: usize| p[a].0 < p[b].0 && p[a].1 < p[b].1;
    // Forwards: the heaviest chain ending at each pair; backwards: the heaviest starting there.
    let (f, fc) = heaviest_chains(&p, 0..n, |b| 0..b, before);
    let (g, gc) = heaviest_chains(&p, (0..n).rev(), |a| a + 1..n, |b, a| before(a, b));
    let best = f.iter().copied().max().unwrap_or(0);
    let chains: f64 = (0..n).filter(|&k| f[k] == best).map(|k| fc[k]).sum();
    let mut out = vec![None; n];
    for k in 0..n {
        let on_best = f[k] + g[k] - p[k].2 == best;
        out[order[k]] = if !on_best {
            Some(false)
        } else if (fc[k] * gc[k] - chains).abs() < 0.5 {
            Some(true)
        } else {
            None
        };
    }
    out
}

// ---------------------------------------------------------------------------------------
// Scoring ours and the baselines.

#[derive(Debug, Default, Clone)]
struct Tally {
    cases: usize,
    right: usize,
    position: usize,
    exact: usize,
    wrong: usize,
}

impl Tally {
    fn add(&mut self, other: &Tally) {
        self.cases += other.cases;
        self.right += other.right;
        self.position += other.position;
        self.exact += other.exact;
        self.wrong += other.wrong;
    }

    fn share(n: usize, of: usize) -> f64 {
        n as f64 / of.max(1) as f64
    }

    fn ours(&self) -> f64 {
        Self::share(self.right, self.cases)
    }
}

/// The new block an answer puts an old block's identity in, or `None` for removed.
fn judge(home: &Home, answer: Option<usize>) -> (bool, bool) {
    // (right, confidently wrong)
    match (home, answer) {
        (Home::In(js), Some(j)) => (js.contains(&j), !js.contains(&j)),
        (Home::In(_), None) => (false, false),
        (Home::Gone, None) => (true, false),
        (Home::Gone, Some(_)) => (false, true),
        (Home::Either(js), Some(j)) => (js.contains(&j), !js.contains(&j)),
        (Home::Either(_), None) => (true, false),
    }
}

fn score_blocks(
    old_model: &Model,
    new_model: &Model,
    old: &Document,
    new: &Document,
    matching: &VersionMatch,
    tally: &mut Tally,
) {
    let old_blocks = old_model.blocks();
    let new_blocks = new_model.blocks();
    let homes = homes(&old_blocks, &new_blocks);
    let old_docs: Vec<&crate::Block> = old.blocks().collect();
    let new_docs: Vec<&crate::Block> = new.blocks().collect();
    // Which old blocks the generator touched: their own flag, or words now elsewhere.
    let mut touched = vec![false; old_blocks.len()];
    for b in &new_blocks {
        let from: Vec<usize> = b
            .words
            .iter()
            .filter_map(|w| w.origin.map(|o| o.0))
            .collect();
        for &i in &from {
            if b.touched
                || from.iter().any(|&x| x != i)
                || b.words.len() != old_blocks[i].words.len()
            {
                touched[i] = true;
            }
        }
    }
    for (i, h) in homes.iter().enumerate() {
        if *h == Home::Gone {
            touched[i] = true;
        }
    }

    // Ours: the new block that carries the old id, else the block it was merged into.
    let ours = |i: usize| -> Option<usize> {
        let id = &old_docs[i].id;
        matching
            .blocks
            .iter()
            .position(|m| m.id == *id)
            .or_else(|| {
                matching
                    .blocks
                    .iter()
                    .position(|m| m.provenance.sources().contains(id))
            })
    };
    // Placement oracle over the one-to-one truth, for small documents.
    let one_to_one: Vec<(usize, usize, u64)> = homes
        .iter()
        .enumerate()
        .filter_map(|(i, h)| match h {
            Home::In(js) if js.len() == 1 => {
                let j = js[0];
                let from_i = new_blocks[j]
                    .words
                    .iter()
                    .filter(|w| w.origin.is_some_and(|o| o.0 == i))
                    .count();
                (from_i * 2 >= new_blocks[j].words.len())
                    .then(|| (i, j, old_docs[i].text.len() as u64 + 1))
            }
            _ => None,
        })
        .collect();
    let kinds: BTreeMap<usize, Option<bool>> = if old_blocks.len() <= ORACLE_BLOCKS {
        one_to_one
            .iter()
            .zip(oracle_in_place(&one_to_one))
            .map(|(&(i, _, _), k)| (i, k))
            .collect()
    } else {
        BTreeMap::new()
    };
    let mut used_exact = vec![false; new_docs.len()];
    for (i, home) in homes.iter().enumerate() {
        if !touched[i] {
            continue;
        }
        let mut t = Tally {
            cases: 1,
            ..Tally::default()
        };
        let answer = ours(i);
        let (mut right, wrong) = judge(home, answer);
        // Kind: in place or moved, where the oracle decides and ours is a one-to-one kind.
        if let (Some(Some(must)), Some(j)) = (kinds.get(&i), answer) {
            let in_place = match &matching.blocks[j].provenance {
                Provenance::Unchanged { .. } | Provenance::Edited { .. } => Some(true),
                Provenance::Moved { .. } => Some(false),
                _ => None,
            };
            if in_place.is_some_and(|p| p != *must) {
                right = false;
            }
        }
        t.right = usize::from(right);
        t.wrong = usize::from(wrong);
        // Baseline 1: the block at the same index, in place.
        let position = (i < new_docs.len()).then_some(i);
        let (p_right, _) = judge(home, position);
        let p_kind = kinds.get(&i).copied().flatten().is_none_or(|must| must);
        t.position = usize::from(p_right && p_kind);
        // Baseline 2: the first unused block with exactly the same text.
        let exact =
            (0..new_docs.len()).find(|&j| !used_exact[j] && new_docs[j].text == old_docs[i].text);
        if let Some(j) = exact {
            used_exact[j] = true;
        }
        let (e_right, _) = judge(home, exact);
        let e_kind = match (kinds.get(&i).copied().flatten(), exact) {
            (Some(must), Some(j)) => must == (j == i),
            _ => true,
        };
        t.exact = usize::from(e_right && e_kind);
        tally.add(&t);
    }
}

/// Quotes of 1–8 words from touched old blocks, judged against where their words are now.
#[allow(clippy::too_many_arguments)]
fn score_quotes(
    old_model: &Model,
    new_model: &Model,
    old: &Document,
    new: &Document,
    matching: &VersionMatch,
    rand: &mut Rand,
    quotes: usize,
    tally: &mut Tally,
    failures: &mut Vec<String>,
) {
    let old_blocks = old_model.blocks();
    let new_blocks = new_model.blocks();
    let old_docs: Vec<&crate::Block> = old.blocks().collect();
    let new_docs: Vec<&crate::Block> = new.blocks().collect();
    let candidates: Vec<usize> = (0..old_blocks.len())
        .filter(|&i| {
            new_blocks
                .iter()
                .any(|b| b.touched && b.words.iter().any(|w| w.origin.is_some_and(|o| o.0 == i)))
                || !new_blocks
                    .iter()
                    .any(|b| b.words.iter().any(|w| w.origin.is_some_and(|o| o.0 == i)))
        })
        .collect();
    for _ in 0..quotes {
        let Some(&i) = candidates.get(rand.below(candidates.len())) else {
            return;
        };
        let words: Vec<&str> = old_docs[i].text.split(' ').collect();
        // A third of the quotes are one or two words: the hard, ambiguous kind.
        let k = if rand.percent(33) {
            1 + rand.below(2)
        } else {
            3 + rand.below(6)
        }
        .min(words.len());
        let s = rand.below(words.len() - k + 1);
        let Some(quote) = super::quality_tests::quote_of_words(&old_docs[i].text, s, k) else {
            continue;
        };
        let quoted = |w: &Word| matches!(w.origin, Some((b, x)) if b == i && x >= s && x < s + k);
        // Where the quoted words are now: per new block, the char span they cover.
        let mut best: Option<(usize, usize, (usize, usize))> = None;
        let mut surviving = 0;
        for (j, b) in new_blocks.iter().enumerate() {
            let mut at = 0;
            let (mut from, mut to, mut n) = (usize::MAX, 0, 0);
            for w in &b.words {
                let len = w.text.chars().count();
                if quoted(w) {
                    from = from.min(at);
                    to = to.max(at + len);
                    n += 1;
                }
                at += len + 1;
            }
            surviving += n;
            if n > 0 && best.is_none_or(|(_, m, _)| n > m) {
                best = Some((j, n, (from, to)));
            }
        }
        let present = best.filter(|&(_, n, _)| n * 2 >= k);
        let place = |a: &QuoteAnchor| -> Option<(usize, usize, usize)> {
            match a {
                QuoteAnchor::Exact { block, start, end }
                | QuoteAnchor::Fuzzy {
                    block, start, end, ..
                } => {
                    let j = matching.blocks.iter().position(|m| m.id == *block)?;
                    Some((j, *start, *end))
                }
                QuoteAnchor::Removed => None,
            }
        };
        let on_span = |j: usize, a: usize, b: usize| {
            present.is_some_and(|(pj, _, (f, t))| {
                pj == j && b.min(t).saturating_sub(a.max(f)) * 2 >= (t - f).max(1)
            })
        };
        // The quote's exact words verbatim at the place found: the rule that words still
        // standing are not removed, which a surviving twin of a short phrase satisfies.
        let verbatim_at = |j: usize, a: usize, b: usize| {
            let text: String = new_docs[j].text.chars().skip(a).take(b - a).collect();
            text == quote.exact()
        };
        let judge = |answer: Option<(usize, usize, usize)>| -> (bool, bool) {
            match (present, answer) {
                (Some(_), Some((j, a, b))) => {
                    let ok = on_span(j, a, b);
                    (ok, !ok && !verbatim_at(j, a, b))
                }
                (Some(_), None) => (false, false),
                (None, None) => (true, false),
                (None, Some((j, a, b))) if surviving == 0 => {
                    let ok = verbatim_at(j, a, b);
                    (ok, !ok)
                }
                // Some words left, less than half: a place on them is right, elsewhere wrong.
                (None, Some((j, a, b))) => {
                    let near = new_blocks[j].words.iter().any(&quoted);
                    (near, !near && !verbatim_at(j, a, b))
                }
            }
        };
        let anchor = anchor_quote(&quote, &old_docs[i].id, new, matching);
        let (right, wrong) = judge(place(&anchor));
        let find_in = |j: usize| -> Option<(usize, usize, usize)> {
            let text = &new_docs.get(j)?.text;
            let at = text.find(quote.exact())?;
            let a = text[..at].chars().count();
            Some((j, a, a + quote.exact().chars().count()))
        };
        let (p_right, _) = judge(find_in(i));
        let (e_right, _) = judge((0..new_docs.len()).find_map(find_in));
        if !right && std::env::var_os("HELDOUT_FAILURES").is_some() {
            failures.push(format!(
                "quote {:?} of {} ({} of {k} words left): {anchor:?}",
                quote.exact(),
                old_docs[i].number,
                surviving
            ));
        }
        tally.add(&Tally {
            cases: 1,
            right: usize::from(right),
            position: usize::from(p_right),
            exact: usize::from(e_right),
            wrong: usize::from(wrong),
        });
    }
}

// ---------------------------------------------------------------------------------------
// Documents and runs.

fn vocabulary(texts: &[&str]) -> Vec<String> {
    let mut v: Vec<String> = Vec::new();
    for t in texts {
        let doc = crate::parse(t).unwrap();
        for b in doc.blocks() {
            v.extend(
                b.text
                    .split(' ')
                    .filter(|w| w.chars().all(char::is_alphabetic) && !w.is_empty())
                    .map(str::to_owned),
            );
        }
    }
    v
}

/// A policy of at least `blocks` blocks: the three policies' sections over and over, each
/// copy with a fifth of its words varied, as the chapters of a long policy differ; lead-ins
/// such as "Vi vil arbejde for, at:" stay word for word, so they repeat hundreds of times.
fn large(blocks: usize, vocabulary: &[String], rand: &mut Rand) -> Model {
    let bases: Vec<Model> = [INTEGRATION, HANDICAP, KULTUR]
        .iter()
        .map(|t| Model::of(&crate::parse(t).unwrap()))
        .collect();
    let mut model = Model {
        sections: vec![Section {
            level: 1,
            heading: "Samlet politik".into(),
            items: Vec::new(),
        }],
        notes: bases.iter().flat_map(|m| m.notes.clone()).collect(),
    };
    let mut round = 0;
    while model.len() < blocks {
        round += 1;
        for base in &bases {
            for s in base.sections.iter().filter(|s| !s.items.is_empty()) {
                let mut s = s.clone();
                s.level = 2;
                s.heading = format!("{} ({round})", s.heading);
                for item in &mut s.items {
                    let blks: Vec<&mut Blk> = match item {
                        Item::Paragraph(b) => vec![b],
                        Item::List(l) => l.iter_mut().collect(),
                    };
                    for b in blks {
                        if b.words.len() >= 8 {
                            for w in &mut b.words {
                                if rand.percent(20) {
                                    w.text = vocabulary[rand.below(vocabulary.len())].clone();
                                }
                            }
                        }
                    }
                }
                model.sections.push(s);
            }
        }
    }
    // Renumber origins in document order.
    let doc = model.render();
    Model::of(&doc)
}

struct Row {
    what: String,
    blocks: Tally,
    quotes: Tally,
}

fn run(
    name: &str,
    base: &Model,
    category: Category,
    (cases, quotes): (u64, usize),
    ops: usize,
    seed: u64,
) -> Row {
    let all = vocabulary(&[INTEGRATION, HANDICAP, KULTUR]);
    let old = base.render();
    let mut row = Row {
        what: format!("{name}: {}", category.name()),
        blocks: Tally::default(),
        quotes: Tally::default(),
    };
    let mut failures = Vec::new();
    for case in 0..cases {
        let mut model = base.clone();
        let mut editor = Editor {
            rand: Rand(seed ^ (case.wrapping_mul(0x2545_f491_4f6c_dd1d))),
            vocabulary: &all,
        };
        let n = 1 + editor.rand.below(ops);
        editor.apply(&mut model, category, n);
        let new = model.render();
        let (new, matching) = carry_ids(&old, new);
        score_blocks(base, &model, &old, &new, &matching, &mut row.blocks);
        let mut rand = Rand(seed.rotate_left(17) ^ case);
        score_quotes(
            base,
            &model,
            &old,
            &new,
            &matching,
            &mut rand,
            quotes,
            &mut row.quotes,
            &mut failures,
        );
    }
    for f in failures.iter().take(20) {
        println!("    {f}");
    }
    row
}

fn print(rows: &[Row]) {
    println!(
        "\n{:<58} {:>6} {:>7} {:>9} {:>9} {:>7}",
        "category", "cases", "ours", "position", "exact", "wrong"
    );
    for r in rows {
        for (kind, t) in [("blocks", &r.blocks), ("quotes", &r.quotes)] {
            println!(
                "{:<58} {:>6} {:>6.1}% {:>8.1}% {:>8.1}% {:>7}",
                format!("{} · {kind}", r.what),
                t.cases,
                100.0 * t.ours(),
                100.0 * Tally::share(t.position, t.cases),
                100.0 * Tally::share(t.exact, t.cases),
                t.wrong
            );
        }
    }
}

#[test]
fn anchoring_heldout_policies_and_large_documents() {
    let docs: Vec<(&str, Model)> = [
        ("handicap", HANDICAP),
        ("kultur", KULTUR),
        ("integration (held-out seeds)", INTEGRATION),
    ]
    .iter()
    .map(|(n, t)| (*n, Model::of(&crate::parse(t).unwrap())))
    .collect();
    for (name, m) in &docs[..2] {
        assert!(m.len() >= 60, "{name} has {} blocks", m.len());
    }
    let mut rows = Vec::new();
    let mut totals: BTreeMap<Category, Row> = BTreeMap::new();
    for (d, (name, model)) in docs.iter().enumerate() {
        for (c, &category) in Category::SMALL.iter().enumerate() {
            let seed = 0x4e1d_0000 + (d as u64) * 100 + c as u64;
            let row = run(name, model, category, (CASES, QUOTES), 4, seed);
            let total = totals.entry(category).or_insert_with(|| Row {
                what: format!("all three policies: {}", category.name()),
                blocks: Tally::default(),
                quotes: Tally::default(),
            });
            total.blocks.add(&row.blocks);
            total.quotes.add(&row.quotes);
            rows.push(row);
        }
    }
    let all = vocabulary(&[INTEGRATION, HANDICAP, KULTUR]);
    let mut large_rows = Vec::new();
    for (n, blocks) in [(0u64, 500usize), (1, 2_000)] {
        let mut rand = Rand(0x1a46e + n);
        let model = large(blocks, &all, &mut rand);
        let name = format!("generated {blocks} blocks");
        let ops = blocks / 25;
        large_rows.push(run(
            &name,
            &model,
            Category::Mixed,
            (LARGE_CASES, LARGE_QUOTES),
            ops,
            0x1a46e0 + n,
        ));
    }
    print(&rows);
    let totals: Vec<Row> = totals.into_values().collect();
    print(&totals);
    print(&large_rows);

    let mut blocks = Tally::default();
    let mut quotes = Tally::default();
    for r in totals.iter().chain(&large_rows) {
        blocks.add(&r.blocks);
        quotes.add(&r.quotes);
    }
    println!(
        "\nheadline (touched blocks and their quotes only): blocks {:.1}% (position {:.1}%, exact {:.1}%), {} wrong; quotes {:.1}% (position {:.1}%, exact {:.1}%), {} wrong",
        100.0 * blocks.ours(),
        100.0 * Tally::share(blocks.position, blocks.cases),
        100.0 * Tally::share(blocks.exact, blocks.cases),
        blocks.wrong,
        100.0 * quotes.ours(),
        100.0 * Tally::share(quotes.position, quotes.cases),
        100.0 * Tally::share(quotes.exact, quotes.cases),
        quotes.wrong
    );

    // Floors a little below the figures measured when this test was written (see the module
    // comment for how to print them), so that a regression fails.
    for (rows, quote_floor) in [(&totals, 0.96), (&large_rows, 0.95)] {
        for r in rows {
            let (blocks, quotes) = (r.blocks.ours(), r.quotes.ours());
            assert!(blocks >= 0.97, "{}: blocks {blocks:.3}", r.what);
            assert!(quotes >= quote_floor, "{}: quotes {quotes:.3}", r.what);
        }
    }
    assert!(blocks.ours() >= 0.98, "blocks {:.3}", blocks.ours());
    assert!(quotes.ours() >= 0.97, "quotes {:.3}", quotes.ours());
    // Confidently wrong answers are what harms a reader most: an old block's identity given to
    // a block holding none of its text, or a quote shown on words it was not about. At most
    // a handful in all these thousands of cases.
    assert!(
        blocks.wrong <= 3,
        "{} blocks given a wrong place",
        blocks.wrong
    );
    assert!(
        quotes.wrong <= 12,
        "{} quotes anchored in a wrong place",
        quotes.wrong
    );
    // And ours beats both baselines clearly wherever anything moved.
    for r in totals.iter().chain(&large_rows).skip(1) {
        let best_baseline = r.blocks.position.max(r.blocks.exact);
        assert!(r.blocks.right > best_baseline, "{}", r.what);
    }
}
