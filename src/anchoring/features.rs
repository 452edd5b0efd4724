//! Bags of words with rarity weights, and the similarity measures the version matcher uses.
//!
//! Every word weighs `1 + ⌊log2(N / df)⌋`, N being the number of blocks in both versions and
//! df the number of blocks the word occurs in: a word found everywhere ("og", "at",
//! "minoritetsbaggrund" in the integration policy) weighs 1, a word found in one block of a
//! 2,000-block policy weighs 12. Two blocks that share only common words are therefore far
//! apart, while a block keeps most of its weight through an edit of a third of its words.
//! The weights are integers and the sums are exact, so the results do not depend on how a
//! platform rounds logarithms.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::text::tokens::{TokenKind, tokenize};

/// A fast non-cryptographic hasher for the interner and the text maps; the maps are never
/// iterated, so their order cannot leak into results, and the inputs are the policy's own
/// text, not an attacker's keys.
#[derive(Default)]
pub(crate) struct FastHash(u64);

impl Hasher for FastHash {
    fn finish(&self) -> u64 {
        self.0
    }

    // Eight bytes at a time with a multiply-rotate step (as rustc's FxHash): texts of a few
    // hundred bytes are hashed several times per match, and byte-wise FNV showed in profiles.
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        let mut h = self.0;
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            h = (h.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            h = (h.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
        self.0 = h;
    }
}

pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHash>>;

/// A block's words as a sorted bag of (word id, count), with its total weight.
#[derive(Debug, Clone, Default)]
pub(crate) struct Bag {
    pub(crate) counts: Vec<(u32, u32)>,
    pub(crate) weight: u64,
    /// The word ids in text order, for checking that a piece stands in one stretch.
    pub(crate) sequence: Vec<u32>,
}

/// A text read: its (word id, count) pairs and its word ids in order.
type ReadText = (Vec<(u32, u32)>, Vec<u32>);

/// The bags of both versions' blocks and the weight of every word.
///
/// A text found in several blocks (every unchanged block is in both versions) is read once.
pub(crate) struct Corpus {
    bags: Vec<Bag>,
    /// For each old block, its text's bag in `bags`.
    old_index: Vec<usize>,
    new_index: Vec<usize>,
    pub(crate) weights: Vec<u32>,
}

impl Corpus {
    pub(crate) fn read(old: &[&str], new: &[&str]) -> Self {
        // One entry per distinct text, with the number of blocks that have it.
        let mut distinct: FastMap<&str, usize> = FastMap::default();
        let mut texts: Vec<(&str, u32)> = Vec::new();
        let mut place = Vec::with_capacity(old.len() + new.len());
        for &text in old.iter().chain(new) {
            let k = *distinct.entry(text).or_insert_with(|| {
                texts.push((text, 0));
                texts.len() - 1
            });
            texts[k].1 += 1;
            place.push(k);
        }
        let (old_index, new_index) = {
            let (a, b) = place.split_at(old.len());
            (a.to_vec(), b.to_vec())
        };

        let mut ids: FastMap<String, u32> = FastMap::default();
        let mut lower = String::new();
        let mut read = |text: &str| -> ReadText {
            let mut sequence: Vec<u32> = Vec::new();
            for token in tokenize(text) {
                if token.kind != TokenKind::Word {
                    continue;
                }
                let Some(word) = text.get(token.bytes) else {
                    continue;
                };
                lower.clear();
                if word.is_ascii() {
                    lower.push_str(word);
                    lower.make_ascii_lowercase();
                } else {
                    lower.extend(word.chars().flat_map(char::to_lowercase));
                }
                let id = match ids.get(lower.as_str()) {
                    Some(&id) => id,
                    None => {
                        let id = ids.len() as u32;
                        ids.insert(lower.clone(), id);
                        id
                    }
                };
                sequence.push(id);
            }
            let mut sorted = sequence.clone();
            sorted.sort_unstable();
            let mut counts: Vec<(u32, u32)> = Vec::new();
            for t in sorted {
                match counts.last_mut() {
                    Some((last, n)) if *last == t => *n += 1,
                    _ => counts.push((t, 1)),
                }
            }
            (counts, sequence)
        };
        let read_texts: Vec<ReadText> = texts.iter().map(|(text, _)| read(text)).collect();

        let mut df = vec![0u64; ids.len()];
        for ((counts, _), (_, blocks)) in read_texts.iter().zip(&texts) {
            for &(t, _) in counts {
                df[t as usize] += u64::from(*blocks);
            }
        }
        let blocks = (old.len() + new.len()).max(1) as u64;
        let weights: Vec<u32> = df
            .iter()
            .map(|&df| {
                // A word of one block only cannot link two blocks; weighing it as rare would
                // only make an edited block look unrelated to where it came from.
                if df <= 1 {
                    1
                } else {
                    1 + (blocks / df).max(1).ilog2()
                }
            })
            .collect();
        let bags = read_texts
            .into_iter()
            .map(|(counts, sequence)| {
                let weight = counts
                    .iter()
                    .map(|&(t, n)| u64::from(n) * u64::from(weights[t as usize]))
                    .sum();
                Bag {
                    counts,
                    weight,
                    sequence,
                }
            })
            .collect();
        Corpus {
            bags,
            old_index,
            new_index,
            weights,
        }
    }

    /// The bag of old block `i`.
    pub(crate) fn old_bag(&self, i: usize) -> &Bag {
        &self.bags[self.old_index[i]]
    }

    /// The bag of new block `j`.
    pub(crate) fn new_bag(&self, j: usize) -> &Bag {
        &self.bags[self.new_index[j]]
    }

    /// The weight two bags have in common: Σ min(count in a, count in b) · weight.
    pub(crate) fn overlap(&self, a: &Bag, b: &Bag) -> u64 {
        shared_counts(a, b, |t| u64::from(self.weights[t as usize]))
    }

    /// How many words two bags have in common, counting repeats: Σ min(count in a, count in b).
    pub(crate) fn shared_words(&self, a: &Bag, b: &Bag) -> u64 {
        shared_counts(a, b, |_| 1)
    }

    /// Weighted Dice coefficient, 0 (nothing in common) to 1 (same words, same counts).
    pub(crate) fn dice(&self, a: &Bag, b: &Bag) -> f64 {
        let total = a.weight + b.weight;
        if total == 0 {
            return 0.0;
        }
        2.0 * self.overlap(a, b) as f64 / total as f64
    }

    /// How much of `part`'s weight is found in `whole`, 0 to 1.
    pub(crate) fn containment(&self, part: &Bag, whole: &Bag) -> f64 {
        if part.weight == 0 {
            return 0.0;
        }
        self.overlap(part, whole) as f64 / part.weight as f64
    }

    /// The bag of several blocks' words together.
    pub(crate) fn union(&self, bags: &[&Bag]) -> Bag {
        let mut counts: Vec<(u32, u32)> = bags.iter().flat_map(|b| b.counts.clone()).collect();
        counts.sort_unstable();
        let mut merged: Vec<(u32, u32)> = Vec::with_capacity(counts.len());
        for (t, n) in counts {
            match merged.last_mut() {
                Some((last, m)) if *last == t => *m += n,
                _ => merged.push((t, n)),
            }
        }
        let weight = merged
            .iter()
            .map(|&(t, n)| u64::from(n) * u64::from(self.weights[t as usize]))
            .sum();
        Bag {
            counts: merged,
            weight,
            sequence: Vec::new(),
        }
    }

    /// How well `part`'s words stand in one stretch of `whole`, in order: the best alignment
    /// of all of `part` to some stretch of `whole`, each word found earning 1 and each word
    /// replaced, missing or extra costing a quarter, over `part`'s length (0 to 1), with the
    /// positions of `whole` it pairs words with. A split piece or a merged paragraph scores
    /// about 1 less a third of its edits; words that merely occur here and there in a long
    /// paragraph score near 0. `None` if the blocks are too long to align.
    pub(crate) fn fit(&self, part: &Bag, whole: &Bag) -> Option<Fit> {
        let (a, b) = (&part.sequence, &whole.sequence);
        if a.is_empty() {
            return Some(Fit {
                score: 0.0,
                paired: Vec::new(),
            });
        }
        if a.len().saturating_mul(b.len()) > FIT_LIMIT {
            return None;
        }
        const COST: f64 = 0.25;
        #[derive(Clone, Copy, PartialEq)]
        enum Step {
            Start,
            Pair,
            Missing,
            Extra,
        }
        let width = b.len() + 1;
        // Two rows of scores and the whole matrix of steps (one byte a cell) for the way back.
        let mut row = vec![0.0f64; width];
        let mut next = vec![0.0f64; width];
        let mut step = vec![Step::Start; (a.len() + 1) * width];
        for (i, &x) in a.iter().enumerate() {
            let steps = (i + 1) * width;
            next[0] = row[0] - COST;
            step[steps] = Step::Missing;
            for (j, &y) in b.iter().enumerate() {
                let pair = row[j] + if x == y { 1.0 } else { -COST };
                let missing = row[j + 1] - COST;
                let extra = next[j] - COST;
                let (value, how) = if pair >= missing && pair >= extra {
                    (pair, Step::Pair)
                } else if missing >= extra {
                    (missing, Step::Missing)
                } else {
                    (extra, Step::Extra)
                };
                next[j + 1] = value;
                step[steps + j + 1] = how;
            }
            std::mem::swap(&mut row, &mut next);
        }
        let mut end = 0;
        for j in 1..width {
            if row[j] > row[end] {
                end = j;
            }
        }
        let total = row[end];
        let (mut i, mut j) = (a.len(), end);
        let mut paired = Vec::new();
        while i > 0 {
            match step[i * width + j] {
                Step::Pair => {
                    paired.push(j - 1);
                    i -= 1;
                    j -= 1;
                }
                Step::Missing | Step::Start => i -= 1,
                Step::Extra => j -= 1,
            }
        }
        paired.reverse();
        Some(Fit {
            score: (total / a.len() as f64).max(0.0),
            paired,
        })
    }
}

/// Where and how well a part stands in a whole; see [`Corpus::fit`].
#[derive(Debug, Clone)]
pub(crate) struct Fit {
    pub(crate) score: f64,
    /// Positions in the whole's word sequence paired with the part's words, ascending.
    pub(crate) paired: Vec<usize>,
}

/// Largest part × whole (in words) that [`Corpus::fit`] aligns.
const FIT_LIMIT: usize = 1_000_000;

/// Σ min(count in a, count in b) · `weight(word)` over the words two bags share (both bags'
/// counts are sorted by word id).
fn shared_counts(a: &Bag, b: &Bag, weight: impl Fn(u32) -> u64) -> u64 {
    let (mut i, mut j) = (0, 0);
    let mut sum = 0u64;
    while let (Some(&(ta, na)), Some(&(tb, nb))) = (a.counts.get(i), b.counts.get(j)) {
        match ta.cmp(&tb) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += u64::from(na.min(nb)) * weight(ta);
                i += 1;
                j += 1;
            }
        }
    }
    sum
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_words_weigh_little() {
        let old = [
            "flere børn skal lære dansk og klare sig godt",
            "flere unge skal gennemføre en uddannelse og",
            "forældre skal tage aktivt del og",
        ];
        let new = [
            "flere børn skal lære dansk og klare sig rigtig godt",
            "flere unge skal gennemføre en uddannelse og",
            "nye borgere skal bydes indenfor og",
        ];
        let c = Corpus::read(&old, &new);
        assert!(c.dice(c.old_bag(0), c.new_bag(0)) > 0.9);
        assert!((c.dice(c.old_bag(1), c.new_bag(1)) - 1.0).abs() < 1e-12);
        // Shares only "skal" and "og", found in every block.
        assert!(c.dice(c.old_bag(2), c.new_bag(2)) < 0.4);
        assert!(c.dice(c.old_bag(2), c.new_bag(2)) < c.dice(c.old_bag(0), c.new_bag(0)) / 2.0);
        // A word found in every block weighs 1, one found in one old and one new block more.
        let rare = c.old_bag(0).weight > c.old_bag(0).counts.len() as u64;
        assert!(rare);
        assert!(c.containment(c.old_bag(1), &c.union(&[c.new_bag(1), c.new_bag(2)])) > 0.99);
    }

    #[test]
    fn fit_wants_one_stretch() {
        let old = [
            "vi vil arbejde for at",
            "her står at vi for en gangs skyld vil noget andet og arbejde",
        ];
        let new = ["en lang indledning og så vi vil arbejde for at", "x"];
        let c = Corpus::read(&old, &new);
        let fit = c.fit(c.old_bag(0), c.new_bag(0)).unwrap();
        assert!((fit.score - 1.0).abs() < 1e-12);
        assert_eq!(fit.paired, [5, 6, 7, 8, 9]);
        assert!(c.fit(c.old_bag(0), c.old_bag(1)).unwrap().score < 0.5);
    }
}
