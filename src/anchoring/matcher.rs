//! The version matcher: for each block of a new version, the old block or blocks it came from.
//!
//! Similarity is the weighted Dice coefficient of the blocks' bags of words, each word
//! weighing more the rarer it is in the two versions (see `features`). The steps, each only
//! looking at what the previous ones left unmatched:
//!
//! 1. **Identical text, unique in both versions**: matched outright.
//! 2. **Candidates by rare words**: an inverted index of the unmatched old blocks is probed with
//!    the [`PROBES`] rarest words of each unmatched new block, and the [`CANDIDATES`]
//!    best-sharing old blocks are scored. No block is compared with all others, which keeps a
//!    2,000-block policy fast. Copies of a repeated text get only the nearest few copies and
//!    those next to where their neighbours went as candidates.
//! 3. **Edits in place**: the heaviest set of matches so far that is in the same order in
//!    both versions forms a backbone; within each stretch left between backbone neighbours, an
//!    order-keeping alignment pairs blocks with similarity ≥ [`LOCAL_THRESHOLD`], unless one
//!    of them has a candidate elsewhere better by more than [`MARGIN`] (it moved), or a rival
//!    about as similar (a copy of a repeated text: left to step 4).
//! 4. **Moves and copies**: the remaining candidates with similarity ≥ [`MOVED_THRESHOLD`]
//!    (≥ [`LOCAL_THRESHOLD`] within the same stretch) are weighed by similarity plus the
//!    evidence of their neighbours, and matched by an optimal assignment per group of
//!    competing blocks. A candidate with a rival about as similar needs its neighbours'
//!    support to be taken at all.
//! 5. **Splits**, then **merges**: a leftover new block whose weighted words are mostly (≥
//!    [`PIECE_THRESHOLD`]) found in one old block, and stand there in one stretch in order, is
//!    a piece of it if it adds text that the old block's other pieces do not account for; and
//!    the other way round for a leftover old block inside one new block.
//!
//! Repeated texts (such as "Vi vil arbejde for, at:", three times in the integration policy)
//! are the hard case: each copy is identified by where its old neighbours went, so a copy
//! stays with its own section when sections move or a paragraph is moved in front of it; a
//! copy with no supporting neighbour is called new (and the copy it was, removed) rather than
//! guessed. Remaining ties are broken by position, so the result never depends on hash order.
//!
//! The thresholds were set against the measured quality on the integration policy (the
//! `quality_tests` module): under edits of up to 30% of a block's words similarity stays
//! above about 0.6, while a deleted paragraph and an unrelated new one score below 0.35.

use std::collections::{BTreeMap, BTreeSet};

use super::features::{Bag, Corpus, FastMap};
use super::placement::in_place;

/// Weighted word similarity at or above which a block at the same place counts as an edit of
/// the old one. An edit of 30% of the words keeps about 0.7; unrelated paragraphs of the same
/// policy share mostly common words and score below 0.3.
pub const LOCAL_THRESHOLD: f64 = 0.5;

/// Similarity at or above which a block found elsewhere counts as moved (and maybe edited).
/// Higher than [`LOCAL_THRESHOLD`] because position no longer supports the match.
pub const MOVED_THRESHOLD: f64 = 0.6;

/// An in-place match is refused when either block has a candidate elsewhere this much better.
pub const MARGIN: f64 = 0.15;

/// Share of a block's weighted words that must be found in another block for it to be a
/// piece of that block (split) or to have gone into it (merge).
pub const PIECE_THRESHOLD: f64 = 0.6;

/// How well a split piece (merged part) must stand in one stretch of the old (new) block, in
/// order; see `Corpus::fit`. A short sentence of common words scattered over a
/// long paragraph is not a piece of it.
const ORDERED_THRESHOLD: f64 = 0.5;
/// Parts shorter than this many words need [`ORDERED_THRESHOLD_SHORT`]: a few common words
/// are easily found near each other by chance.
const SHORT_PART: usize = 8;
const ORDERED_THRESHOLD_SHORT: f64 = 0.75;

/// Largest stretch (old blocks × new blocks) aligned by dynamic programming; larger stretches
/// (a rewrite of most of a long policy) are left to the candidate search.
const ALIGN_LIMIT: usize = 10_000;
/// How many blocks, best first, a leftover block is tried against as a split piece or merged
/// part. A deleted paragraph of a long policy has near-copies in every chapter.
const PIECE_TRIES: usize = 4;
/// At most this many rounds of step 4; each round after the first only adds copies that the
/// previous round's matches vouch for, and a chain longer than this is not worth the time.
const MOVE_ROUNDS: usize = 8;
/// How many copies of a repeated text, nearest by position, are candidates for each copy.
const NEAREST_COPIES: usize = 8;
/// How many of a block's rarest words are looked up in the inverted index.
const PROBES: usize = 8;
/// How many of the best-sharing old blocks are scored per new block.
const CANDIDATES: usize = 24;
/// Neighbour similarity only breaks ties; it never lifts a pair over a threshold.
const CONTEXT_WEIGHT: f64 = 0.01;
const NO_GAP: usize = usize::MAX;
/// Two candidates this close in similarity are rivals.
const RIVAL_GAP: f64 = 0.02;
/// Weight of the neighbours' evidence (0 to 2.5) next to similarity when assigning moves: it
/// decides between copies of a repeated text, and can outweigh a difference in similarity of
/// at most 0.25.
const EVIDENCE_WEIGHT: f64 = 0.1;
/// Weight of the (normalised, 0 to 1) distance in position, a last resort between copies.
const POSITION_WEIGHT: f64 = 0.001;
/// Largest group of competing blocks (old × new) given an optimal assignment; larger groups
/// are matched greedily, best first.
const ASSIGN_LIMIT: usize = 2_500;
/// The neighbour similarity a contested candidate needs.
const CONTESTED_CONTEXT: f64 = 0.3;

/// Where a new block came from, by index into the old blocks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Link {
    One { old: usize },
    Piece { old: usize, primary: bool },
    Merge { olds: Vec<usize>, main: usize },
    New,
}

#[derive(Debug, Clone)]
pub(crate) struct Outcome {
    /// One per new block.
    pub(crate) links: Vec<Link>,
    /// One per new block: for `One`, whether it kept its place.
    pub(crate) in_place: Vec<bool>,
    /// Old blocks that no new block came from, in old order.
    pub(crate) removed: Vec<usize>,
}

/// The weight of a pair when deciding what stayed in place: the old text's length.
pub(crate) fn placement_weight(old_text: &str) -> u64 {
    old_text.len() as u64 + 1
}

pub(crate) fn run(old: &[&str], new: &[&str]) -> Outcome {
    let mut m = Matcher::new(old, new);
    let leaves = m.exact();
    let candidates = m.candidates();
    m.align(&leaves, &candidates);
    m.moves(&candidates);
    let mut links: Vec<Link> = m
        .new_to_old
        .iter()
        .map(|o| o.map_or(Link::New, |old| Link::One { old }))
        .collect();
    m.splits(&mut links);
    m.merges(&mut links);
    m.finish(links)
}

struct Matcher<'a> {
    old: &'a [&'a str],
    new: &'a [&'a str],
    corpus: Corpus,
    old_to_new: Vec<Option<usize>>,
    new_to_old: Vec<Option<usize>>,
    gap_of_old: Vec<usize>,
    gap_of_new: Vec<usize>,
    old_by_text: FastMap<&'a str, Vec<usize>>,
}

/// A stretch of unmatched old and new blocks between matched neighbours.
struct Leaf {
    old: Vec<usize>,
    new: Vec<usize>,
}

impl<'a> Matcher<'a> {
    fn new(old: &'a [&'a str], new: &'a [&'a str]) -> Self {
        let mut old_by_text: FastMap<&str, Vec<usize>> = FastMap::default();
        for (i, t) in old.iter().enumerate() {
            old_by_text.entry(t).or_default().push(i);
        }
        Matcher {
            old,
            new,
            corpus: Corpus::read(old, new),
            old_to_new: vec![None; old.len()],
            new_to_old: vec![None; new.len()],
            gap_of_old: vec![NO_GAP; old.len()],
            gap_of_new: vec![NO_GAP; new.len()],
            old_by_text,
        }
    }

    fn pair(&mut self, i: usize, j: usize) {
        self.old_to_new[i] = Some(j);
        self.new_to_old[j] = Some(i);
    }

    fn sim(&self, i: usize, j: usize) -> f64 {
        if self.old[i] == self.new[j] {
            return 1.0;
        }
        self.corpus
            .dice(self.corpus.old_bag(i), self.corpus.new_bag(j))
    }

    /// How alike the neighbours of old `i` and new `j` are, 0 to 1.
    fn context(&self, i: usize, j: usize) -> f64 {
        let mut sum = 0.0;
        if i > 0 && j > 0 {
            sum += self.sim(i - 1, j - 1);
        }
        if i + 1 < self.old.len() && j + 1 < self.new.len() {
            sum += self.sim(i + 1, j + 1);
        }
        sum / 2.0
    }

    /// Step 1, and the stretches between the backbone it gives, left for step 3.
    fn exact(&mut self) -> Vec<Leaf> {
        // Identical text found once on each side.
        let all_old: Vec<usize> = (0..self.old.len()).collect();
        let all_new: Vec<usize> = (0..self.new.len()).collect();
        for (i, j) in self.unique_identical(&all_old, &all_new) {
            self.pair(i, j);
        }
        // The stretches between neighbours of the heaviest in-order set of matches.
        let mut matched: Vec<(usize, usize, u64)> = (0..self.new.len())
            .filter_map(|j| {
                let i = self.new_to_old[j]?;
                Some((i, j, placement_weight(self.old[i])))
            })
            .collect();
        let placed = in_place(&matched);
        let mut backbone: Vec<(usize, usize)> = Vec::new();
        for (k, p) in placed.into_iter().enumerate() {
            if p {
                backbone.push((matched[k].0, matched[k].1));
            }
        }
        matched.clear();
        backbone.sort_by_key(|&(_, j)| j);
        backbone.push((self.old.len(), self.new.len()));
        let mut leaves = Vec::new();
        let mut from = (0usize, 0usize);
        for (i, j) in backbone {
            let olds: Vec<usize> = (from.0..i)
                .filter(|&x| self.old_to_new[x].is_none())
                .collect();
            let news: Vec<usize> = (from.1..j)
                .filter(|&x| self.new_to_old[x].is_none())
                .collect();
            if !olds.is_empty() && !news.is_empty() {
                let id = leaves.len();
                for &x in &olds {
                    self.gap_of_old[x] = id;
                }
                for &x in &news {
                    self.gap_of_new[x] = id;
                }
                leaves.push(Leaf {
                    old: olds,
                    new: news,
                });
            }
            from = (i + 1, j + 1);
        }
        leaves
    }

    /// Pairs of blocks among `olds` × `news` whose text is identical and occurs once on each
    /// side.
    fn unique_identical(&self, olds: &[usize], news: &[usize]) -> Vec<(usize, usize)> {
        let mut old_count: FastMap<&str, (usize, usize)> = FastMap::default();
        for &i in olds {
            old_count.entry(self.old[i]).or_insert((0, i)).0 += 1;
        }
        let mut new_count: FastMap<&str, usize> = FastMap::default();
        for &j in news {
            *new_count.entry(self.new[j]).or_insert(0) += 1;
        }
        news.iter()
            .filter_map(|&j| {
                let text = self.new[j];
                let &(count, i) = old_count.get(text)?;
                (count == 1 && new_count.get(text) == Some(&1)).then_some((i, j))
            })
            .collect()
    }

    /// Step 2: for each unmatched new block, the scored old candidates at or above the lowest
    /// threshold, best first.
    fn candidates(&self) -> Vec<Vec<(usize, f64)>> {
        let open_old: Vec<usize> = (0..self.old.len())
            .filter(|&i| self.old_to_new[i].is_none())
            .collect();
        let mut result = vec![Vec::new(); self.new.len()];
        if open_old.is_empty() {
            return result;
        }
        let index = Index::new(
            &self.corpus,
            open_old.iter().map(|&i| (i, self.corpus.old_bag(i))),
        );
        let mut counter = Counter::new(self.old.len());
        for (j, slot) in result.iter_mut().enumerate() {
            if self.new_to_old[j].is_some() {
                continue;
            }
            let mut found = self.copies(j);
            let near = |i: usize| position_distance(i, self.old.len(), j, self.new.len());
            // Copies of the same text come from `copies`, which keeps them few.
            found.extend(
                index
                    .lookup(self.corpus.new_bag(j), &mut counter, near)
                    .into_iter()
                    .filter(|&i| self.old[i] != self.new[j]),
            );
            found.sort_unstable();
            found.dedup();
            let mut scored: Vec<(usize, f64)> = found
                .into_iter()
                .map(|i| (i, self.sim(i, j)))
                .filter(|&(_, s)| s >= LOCAL_THRESHOLD)
                .collect();
            scored.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            *slot = scored;
        }
        result
    }

    /// Old blocks with exactly the text of new `j`, still open, worth considering: the
    /// [`NEAREST_COPIES`] nearest by position, and those next to where `j`'s matched
    /// neighbours came from. A policy of 2,000 blocks may hold the same lead-in sentence 250
    /// times; pairing every copy with every other would be quadratic, and a copy with no
    /// neighbour to vouch for it is not matched anyway.
    fn copies(&self, j: usize) -> Vec<usize> {
        let Some(all) = self.old_by_text.get(self.new[j]) else {
            return Vec::new();
        };
        let open = |i: usize| self.old_to_new[i].is_none();
        if all.len() <= NEAREST_COPIES {
            return all.iter().copied().filter(|&i| open(i)).collect();
        }
        let mut out: Vec<usize> = Vec::new();
        // `all` is in old order; walk outwards from the position matching j's.
        let target = j * self.old.len() / self.new.len().max(1);
        let at = all.partition_point(|&i| i < target);
        let (mut below, mut above) = (at, at);
        while out.len() < NEAREST_COPIES && (below > 0 || above < all.len()) {
            let down = below.checked_sub(1).map(|b| all[b]);
            let up = all.get(above).copied();
            let take_down = match (down, up) {
                (Some(d), Some(u)) => target.abs_diff(d) <= target.abs_diff(u),
                (Some(_), None) => true,
                _ => false,
            };
            let i = if take_down {
                below -= 1;
                all[below]
            } else {
                above += 1;
                all[above - 1]
            };
            if open(i) {
                out.push(i);
            }
        }
        for (d, neighbour) in [(2, j.checked_sub(2)), (1, j.checked_sub(1))]
            .into_iter()
            .chain([(-1, Some(j + 1)), (-2, Some(j + 2))])
        {
            let Some(k) = neighbour
                .and_then(|n| self.new_to_old.get(n).copied())
                .flatten()
            else {
                continue;
            };
            // Where this copy would stand if it kept its distance to that neighbour.
            let centre = k as i64 + d;
            let from = all.partition_point(|&i| (i as i64) < centre - 2);
            for &i in all[from..]
                .iter()
                .take_while(|&&i| (i as i64) <= centre + 2)
            {
                if open(i) {
                    out.push(i);
                }
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Step 3.
    fn align(&mut self, leaves: &[Leaf], candidates: &[Vec<(usize, f64)>]) {
        let mut best_new = vec![0.0f64; self.new.len()];
        let mut best_old = vec![0.0f64; self.old.len()];
        for (j, list) in candidates.iter().enumerate() {
            for &(i, s) in list {
                best_new[j] = best_new[j].max(s);
                best_old[i] = best_old[i].max(s);
            }
        }
        let mut rivals_of_old: Vec<Vec<(usize, f64)>> = vec![Vec::new(); self.old.len()];
        for (j, list) in candidates.iter().enumerate() {
            for &(i, s) in list {
                rivals_of_old[i].push((j, s));
            }
        }
        for leaf in leaves {
            let (p, q) = (leaf.old.len(), leaf.new.len());
            if p * q > ALIGN_LIMIT {
                continue;
            }
            // score[a][b] of pairing leaf.old[a] with leaf.new[b], if allowed.
            let sims: Vec<f64> = leaf
                .old
                .iter()
                .flat_map(|&i| leaf.new.iter().map(move |&j| (i, j)))
                .map(|(i, j)| self.sim(i, j))
                .collect();
            let mut score = vec![None; p * q];
            for (a, &i) in leaf.old.iter().enumerate() {
                for (b, &j) in leaf.new.iter().enumerate() {
                    let s = sims[a * q + b];
                    if s < LOCAL_THRESHOLD || s + MARGIN < best_new[j] || s + MARGIN < best_old[i] {
                        continue;
                    }
                    // Copies of a repeated text, here or anywhere, are told apart by their
                    // neighbours only, and the neighbours that tell may lie outside this
                    // stretch: step 4 decides.
                    let contested = (0..q).any(|c| c != b && sims[a * q + c] + RIVAL_GAP >= s)
                        || (0..p).any(|r| r != a && sims[r * q + b] + RIVAL_GAP >= s)
                        || candidates[j]
                            .iter()
                            .any(|&(k, t)| k != i && t + RIVAL_GAP >= s)
                        || rivals_of_old[i]
                            .iter()
                            .any(|&(k, t)| k != j && t + RIVAL_GAP >= s);
                    if contested {
                        continue;
                    }
                    score[a * q + b] = Some(s + CONTEXT_WEIGHT * self.context(i, j));
                }
            }
            // Order-keeping alignment with the largest total score.
            let width = q + 1;
            let mut total = vec![0.0f64; (p + 1) * width];
            let mut take = vec![false; (p + 1) * width];
            for a in 1..=p {
                for b in 1..=q {
                    let skip = total[(a - 1) * width + b].max(total[a * width + b - 1]);
                    let mut best = skip;
                    if let Some(s) = score[(a - 1) * q + b - 1] {
                        let with = total[(a - 1) * width + b - 1] + s;
                        if with > skip {
                            best = with;
                            take[a * width + b] = true;
                        }
                    }
                    total[a * width + b] = best;
                }
            }
            let (mut a, mut b) = (p, q);
            while a > 0 && b > 0 {
                if take[a * width + b] {
                    self.pair(leaf.old[a - 1], leaf.new[b - 1]);
                    a -= 1;
                    b -= 1;
                } else if total[(a - 1) * width + b] >= total[a * width + b - 1] {
                    a -= 1;
                } else {
                    b -= 1;
                }
            }
        }
    }

    /// Step 4. Candidates are weighed by similarity plus a little for each neighbour that
    /// agrees, and matched by the best total per group of blocks that compete for each other
    /// (an optimal assignment, not first come first served: a paragraph moved in front of one
    /// copy of a repeated sentence must not take that copy from its own section).
    ///
    /// A candidate that has a rival about as similar (another copy of a repeated text, or a
    /// short sentence found in several places) is only taken where its neighbours agree too;
    /// otherwise nobody can tell which copy moved, and new-plus-removed is the honest answer.
    fn moves(&mut self, candidates: &[Vec<(usize, f64)>]) {
        let mut current = candidates.to_vec();
        // In rounds: a match made in one round can support a contested one in the next, and
        // tells where to look for copies of a repeated text.
        for _ in 0..MOVE_ROUNDS {
            for (j, list) in current.iter_mut().enumerate() {
                if self.new_to_old[j].is_some() || !self.old_by_text.contains_key(self.new[j]) {
                    continue;
                }
                list.retain(|&(i, _)| self.old[i] != self.new[j]);
                list.extend(self.copies(j).into_iter().map(|i| (i, 1.0)));
            }
            let edges = self.move_edges(&current);
            let mut changed = false;
            for (i, j) in assign(&edges) {
                if self.old_to_new[i].is_none() && self.new_to_old[j].is_none() {
                    self.pair(i, j);
                    changed = true;
                }
            }
            if !changed {
                break;
            }
        }
    }

    /// The acceptable (old, new, weight) pairs among the candidates still open.
    fn move_edges(&self, candidates: &[Vec<(usize, f64)>]) -> Vec<(usize, usize, f64)> {
        let mut rivals_of_old: Vec<Vec<(usize, f64)>> = vec![Vec::new(); self.old.len()];
        for (j, list) in candidates.iter().enumerate() {
            if self.new_to_old[j].is_some() {
                continue;
            }
            for &(i, s) in list {
                if self.old_to_new[i].is_none() {
                    rivals_of_old[i].push((j, s));
                }
            }
        }
        let mut edges = Vec::new();
        for (j, list) in candidates.iter().enumerate() {
            if self.new_to_old[j].is_some() {
                continue;
            }
            for &(i, s) in list {
                if self.old_to_new[i].is_some() {
                    continue;
                }
                let same_place =
                    self.gap_of_old[i] != NO_GAP && self.gap_of_old[i] == self.gap_of_new[j];
                let threshold = if same_place {
                    LOCAL_THRESHOLD
                } else {
                    MOVED_THRESHOLD
                };
                if s < threshold {
                    continue;
                }
                let contested = list
                    .iter()
                    .any(|&(k, t)| k != i && t + RIVAL_GAP >= s && self.old_to_new[k].is_none())
                    || rivals_of_old[i]
                        .iter()
                        .any(|&(k, t)| k != j && t + RIVAL_GAP >= s);
                let near = self.neighbourhood(i, j);
                if contested && self.context(i, j).max(near) < CONTESTED_CONTEXT {
                    continue;
                }
                // The position only decides between otherwise equal copies.
                let distance = position_distance(i, self.old.len(), j, self.new.len()) as f64
                    / (self.old.len().max(1) * self.new.len().max(1)) as f64;
                let evidence = near + self.unmatched_sides(i, j);
                edges.push((
                    i,
                    j,
                    s + EVIDENCE_WEIGHT * evidence - POSITION_WEIGHT * distance,
                ));
            }
        }
        edges
    }

    /// How much the matched neighbours of old `i` say it became new `j`, 0 to 1.5: for each
    /// old block next to `i` (0.5 each) or one further (0.25 each) whose match now stands within
    /// two blocks of `j`, on either side. Either side, because a paragraph and the sentence
    /// leading into its list may trade places.
    fn neighbourhood(&self, i: usize, j: usize) -> f64 {
        let mut sum = 0.0;
        for (offset, weight) in [(1usize, 0.5), (2, 0.25)] {
            for neighbour in [i.checked_sub(offset), i.checked_add(offset)] {
                let Some(k) = neighbour
                    .and_then(|a| self.old_to_new.get(a).copied())
                    .flatten()
                else {
                    continue;
                };
                if k != j && k.abs_diff(j) <= 2 {
                    sum += weight;
                }
            }
        }
        sum
    }

    /// For the two sides where neither neighbour is matched yet, half their similarity.
    fn unmatched_sides(&self, i: usize, j: usize) -> f64 {
        let side = |a: Option<usize>, b: Option<usize>| -> f64 {
            match (a, b) {
                (Some(a), Some(b))
                    if a < self.old.len()
                        && b < self.new.len()
                        && self.old_to_new[a].is_none()
                        && self.new_to_old[b].is_none() =>
                {
                    0.5 * self.sim(a, b)
                }
                _ => 0.0,
            }
        };
        side(i.checked_sub(1), j.checked_sub(1)) + side(Some(i + 1), Some(j + 1))
    }

    /// Step 5, splits: leftover new blocks that are pieces of one old block. Each leftover
    /// block joins the first old block, by containment, to which it adds new coverage.
    fn splits(&self, links: &mut [Link]) {
        let open: Vec<usize> = (0..self.new.len())
            .filter(|&j| links[j] == Link::New && self.corpus.new_bag(j).weight > 0)
            .collect();
        let wholes = 0..self.old.len();
        for (source, pieces, primary) in
            self.gather(Many::New, &open, wholes, |i| self.old_to_new[i])
        {
            for &j in &pieces {
                links[j] = Link::Piece {
                    old: source,
                    primary: j == primary,
                };
            }
        }
    }

    /// Step 5, merges: leftover old blocks that went into one new block.
    fn merges(&self, links: &mut [Link]) {
        let mut consumed = vec![false; self.old.len()];
        for link in links.iter() {
            match link {
                Link::One { old } | Link::Piece { old, .. } => consumed[*old] = true,
                Link::Merge { .. } | Link::New => {}
            }
        }
        let open: Vec<usize> = (0..self.old.len())
            .filter(|&i| !consumed[i] && self.corpus.old_bag(i).weight > 0)
            .collect();
        let wholes =
            (0..self.new.len()).filter(|&j| matches!(links[j], Link::One { .. } | Link::New));
        let partner_of = |j: usize| match links[j] {
            Link::One { old } => Some(old),
            _ => None,
        };
        let merged = self.gather(Many::Old, &open, wholes, partner_of);
        for (target, sources, main) in merged {
            links[target] = Link::Merge {
                olds: sources,
                main,
            };
        }
    }

    /// What splits and merges share, the one the mirror of the other: the `open` blocks on
    /// the `many` side are parts, the `wholes` on the other side what they may have come from
    /// or gone into, and `partner` a whole's one-to-one match on the parts' side. Returns each
    /// whole that two or more parts together make up, with its parts in order and the one
    /// that contributes most. All (part, whole) candidates are tried most contained first;
    /// among equals, a part next to the whole's partner (the other half of the paragraph),
    /// then the nearest.
    fn gather(
        &self,
        many: Many,
        open: &[usize],
        wholes: impl Iterator<Item = usize>,
        partner: impl Fn(usize) -> Option<usize>,
    ) -> Vec<(usize, Vec<usize>, usize)> {
        if open.is_empty() {
            return Vec::new();
        }
        let (old_len, new_len) = (self.old.len(), self.new.len());
        let (part_bag, whole_bag, whole_count): (BagOf, BagOf, usize) = match many {
            Many::New => (Corpus::new_bag, Corpus::old_bag, old_len),
            Many::Old => (Corpus::old_bag, Corpus::new_bag, new_len),
        };
        let distance = |part: usize, whole: usize| match many {
            Many::New => position_distance(whole, old_len, part, new_len),
            Many::Old => position_distance(part, old_len, whole, new_len),
        };
        let corpus = &self.corpus;
        let index = Index::new(corpus, wholes.map(|w| (w, whole_bag(corpus, w))));
        let mut counter = Counter::new(whole_count);
        let mut pairs: Vec<Candidate> = Vec::new();
        for &part in open {
            let bag = part_bag(corpus, part);
            let near = |whole: usize| distance(part, whole);
            for whole in index.lookup(bag, &mut counter, near) {
                let c = corpus.containment(bag, whole_bag(corpus, whole));
                if c >= PIECE_THRESHOLD {
                    let adjacent = partner(whole).is_some_and(|p| p.abs_diff(part) == 1);
                    pairs.push((c, adjacent, near(whole), part, whole));
                }
            }
        }
        sort_candidates(&mut pairs);
        let mut placed = BTreeSet::new();
        let mut tries: BTreeMap<usize, usize> = BTreeMap::new();
        let mut groups: BTreeMap<usize, Group> = BTreeMap::new();
        for (_, _, _, part, whole) in pairs {
            if placed.contains(&part) || !try_again(&mut tries, part) {
                continue;
            }
            let whole_words = whole_bag(corpus, whole);
            let group = groups
                .entry(whole)
                .or_insert_with(|| Group::start(partner(whole).map(|p| (p, part_bag(corpus, p)))));
            if group.try_add(corpus, whole_words, part, part_bag(corpus, part)) {
                placed.insert(part);
            }
        }
        let mut made = Vec::new();
        for (whole, group) in groups {
            let whole_words = whole_bag(corpus, whole);
            if group.parts.len() < 2 || corpus.dice(whole_words, &group.union) < LOCAL_THRESHOLD {
                continue;
            }
            let mut parts = group.parts;
            parts.sort_unstable();
            let main = self.main_contributor(whole_words, &parts, |p| part_bag(corpus, p));
            made.push((whole, parts, main));
        }
        made
    }

    /// The one of `parts` sharing the most words with `whole` ("most of the text"), then the
    /// most weight; the first on a tie.
    fn main_contributor<'b>(
        &'b self,
        whole: &Bag,
        parts: &[usize],
        bag: impl Fn(usize) -> &'b Bag,
    ) -> usize {
        let mut best = ((0u64, 0u64), parts.first().copied().unwrap_or(0));
        for &p in parts {
            let shared = (
                self.corpus.shared_words(bag(p), whole),
                self.corpus.overlap(bag(p), whole),
            );
            if shared > best.0 {
                best = (shared, p);
            }
        }
        best.1
    }

    fn finish(&self, links: Vec<Link>) -> Outcome {
        let mut pairs = Vec::new();
        let mut pair_of = Vec::new();
        let mut used = vec![false; self.old.len()];
        for (j, link) in links.iter().enumerate() {
            let old = match link {
                Link::One { old } => {
                    used[*old] = true;
                    Some(*old)
                }
                Link::Piece { old, primary } => {
                    used[*old] = true;
                    primary.then_some(*old)
                }
                Link::Merge { olds, main } => {
                    for &i in olds {
                        used[i] = true;
                    }
                    Some(*main)
                }
                Link::New => None,
            };
            if let Some(i) = old {
                pairs.push((i, j, placement_weight(self.old[i])));
                pair_of.push(j);
            }
        }
        let placed = in_place(&pairs);
        let mut in_place_new = vec![false; self.new.len()];
        for (j, p) in pair_of.into_iter().zip(placed) {
            in_place_new[j] = p;
        }
        Outcome {
            links,
            in_place: in_place_new,
            removed: (0..self.old.len()).filter(|&i| !used[i]).collect(),
        }
    }
}

/// A matching of `edges` (old, new, weight) with the largest total weight, found per group of
/// blocks connected by edges, in old-then-new order.
fn assign(edges: &[(usize, usize, f64)]) -> Vec<(usize, usize)> {
    // Groups: union-find over old blocks and new blocks (new ones offset past the old).
    let old_max = edges.iter().map(|e| e.0 + 1).max().unwrap_or(0);
    let new_max = edges.iter().map(|e| e.1 + 1).max().unwrap_or(0);
    let mut parent: Vec<usize> = (0..old_max + new_max).collect();
    fn root(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    for &(i, j, _) in edges {
        let (a, b) = (root(&mut parent, i), root(&mut parent, old_max + j));
        if a != b {
            parent[a.max(b)] = a.min(b);
        }
    }
    let mut groups: BTreeMap<usize, Vec<(usize, usize, f64)>> = BTreeMap::new();
    for &e in edges {
        let r = root(&mut parent, e.0);
        groups.entry(r).or_default().push(e);
    }
    let mut chosen = Vec::new();
    for (_, group) in groups {
        let mut olds: Vec<usize> = group.iter().map(|e| e.0).collect();
        let mut news: Vec<usize> = group.iter().map(|e| e.1).collect();
        olds.sort_unstable();
        olds.dedup();
        news.sort_unstable();
        news.dedup();
        if olds.len() == 1 || news.len() == 1 || olds.len() * news.len() > ASSIGN_LIMIT {
            chosen.extend(greedy(&group));
            continue;
        }
        // Rows are the smaller side.
        let transpose = olds.len() > news.len();
        let (rows, cols) = if transpose {
            (&news, &olds)
        } else {
            (&olds, &news)
        };
        let mut weight = vec![vec![0.0f64; cols.len()]; rows.len()];
        let mut present = vec![vec![false; cols.len()]; rows.len()];
        for &(i, j, w) in &group {
            let (r, c) = if transpose { (j, i) } else { (i, j) };
            let (Ok(r), Ok(c)) = (rows.binary_search(&r), cols.binary_search(&c)) else {
                continue;
            };
            weight[r][c] = w;
            present[r][c] = true;
        }
        let top = weight.iter().flatten().copied().fold(0.0f64, f64::max);
        // Minimising top − weight maximises the weight; an absent pair costs as much as a
        // pair of weight 0 and is dropped afterwards.
        let cost: Vec<Vec<f64>> = weight
            .iter()
            .map(|row| row.iter().map(|w| top - w).collect())
            .collect();
        for (r, c) in hungarian(&cost).into_iter().enumerate() {
            let Some(c) = c else { continue };
            if present[r][c] {
                let (a, b) = (rows[r], cols[c]);
                chosen.push(if transpose { (b, a) } else { (a, b) });
            }
        }
    }
    chosen
}

/// Best edges first, each block used once.
fn greedy(edges: &[(usize, usize, f64)]) -> Vec<(usize, usize)> {
    let mut sorted = edges.to_vec();
    sorted.sort_by(|a, b| b.2.total_cmp(&a.2).then(a.1.cmp(&b.1)).then(a.0.cmp(&b.0)));
    let mut used_old = BTreeSet::new();
    let mut used_new = BTreeSet::new();
    let mut chosen = Vec::new();
    for (i, j, _) in sorted {
        if !used_old.contains(&i) && !used_new.contains(&j) {
            used_old.insert(i);
            used_new.insert(j);
            chosen.push((i, j));
        }
    }
    chosen
}

/// The Hungarian method (Kuhn–Munkres with potentials) for a rows × cols cost matrix with
/// rows ≤ cols: the column given to each row, minimising the total cost. O(rows² · cols).
fn hungarian(cost: &[Vec<f64>]) -> Vec<Option<usize>> {
    let n = cost.len();
    let m = cost.first().map_or(0, Vec::len);
    let mut u = vec![0.0f64; n + 1];
    let mut v = vec![0.0f64; m + 1];
    // row_of[c]: the row (1-based) holding column c; 0 for none. Column 0 is a sentinel.
    let mut row_of = vec![0usize; m + 1];
    let mut way = vec![0usize; m + 1];
    for i in 1..=n {
        row_of[0] = i;
        let mut j0 = 0;
        let mut min = vec![f64::INFINITY; m + 1];
        let mut used = vec![false; m + 1];
        loop {
            used[j0] = true;
            let i0 = row_of[j0];
            let mut delta = f64::INFINITY;
            let mut j1 = 0;
            for j in 1..=m {
                if used[j] {
                    continue;
                }
                let here = cost[i0 - 1][j - 1] - u[i0] - v[j];
                if here < min[j] {
                    min[j] = here;
                    way[j] = j0;
                }
                if min[j] < delta {
                    delta = min[j];
                    j1 = j;
                }
            }
            for j in 0..=m {
                if used[j] {
                    u[row_of[j]] += delta;
                    v[j] -= delta;
                } else {
                    min[j] -= delta;
                }
            }
            j0 = j1;
            if row_of[j0] == 0 {
                break;
            }
        }
        loop {
            let j1 = way[j0];
            row_of[j0] = row_of[j1];
            j0 = j1;
            if j0 == 0 {
                break;
            }
        }
    }
    let mut column_of = vec![None; n];
    for j in 1..=m {
        if row_of[j] > 0 {
            column_of[row_of[j] - 1] = Some(j - 1);
        }
    }
    column_of
}

/// The blocks found so far on the many side of a split or merge, with their words together
/// and, once needed, the positions of the whole's words they account for.
struct Group<'b> {
    parts: Vec<usize>,
    union: Bag,
    /// The partner (the block already matched one-to-one), until its positions are needed.
    partner: Option<&'b Bag>,
    covered: Option<Vec<bool>>,
}

impl<'b> Group<'b> {
    /// A group holding the block already matched one-to-one, if there is one.
    fn start(partner: Option<(usize, &'b Bag)>) -> Self {
        match partner {
            Some((p, bag)) => Group {
                parts: vec![p],
                union: bag.clone(),
                partner: Some(bag),
                covered: None,
            },
            None => Group {
                parts: Vec::new(),
                union: Bag::default(),
                partner: None,
                covered: None,
            },
        }
    }

    /// Which positions of `whole` the group accounts for, aligning the partner on first use.
    fn covered(&mut self, corpus: &Corpus, whole: &Bag) -> &mut Vec<bool> {
        let partner = self.partner;
        self.covered.get_or_insert_with(|| {
            let mut covered = vec![false; whole.sequence.len()];
            if let Some(fit) = partner.and_then(|p| corpus.fit(p, whole)) {
                for at in fit.paired {
                    covered[at] = true;
                }
            }
            covered
        })
    }

    /// Adds `part` if it stands in one stretch of `whole`, in order, and adds text the group
    /// does not have yet: at least half of what it shares with `whole` (by weighted words) is
    /// not covered yet, or, for a short part, at least half of the stretch it stands in is not
    /// accounted for by the group yet. A copied sentence, or a second copy of a repeated
    /// sentence, adds nothing and is not a piece; a short sentence of common words ("Vi vil
    /// arbejde for, at:" merged into a paragraph full of "vi", "vil", "for" and "at") is told
    /// by its place, not its words.
    fn try_add(&mut self, corpus: &Corpus, whole: &Bag, index: usize, part: &Bag) -> bool {
        let offered = corpus.overlap(part, whole);
        if offered == 0 {
            return false;
        }
        // Cheapest test first: the words it adds.
        let before = corpus.overlap(&self.union, whole);
        let union = corpus.union(&[&self.union, part]);
        let after = corpus.overlap(&union, whole);
        let adds_words = (after - before) as f64 >= 0.5 * offered as f64;
        let short = part.sequence.len() < SHORT_PART;
        if !adds_words && !short {
            return false;
        }
        let needed = if short {
            ORDERED_THRESHOLD_SHORT
        } else {
            ORDERED_THRESHOLD
        };
        // The in-order score cannot exceed the share of the part's words found at all.
        let found = corpus.shared_words(part, whole) as f64 / part.sequence.len().max(1) as f64;
        if found < needed {
            return false;
        }
        let fit = corpus.fit(part, whole);
        if fit.as_ref().is_some_and(|f| f.score < needed) {
            return false;
        }
        let adds = adds_words
            || fit.as_ref().is_some_and(|f| {
                let covered = self.covered(corpus, whole);
                let fresh = f.paired.iter().filter(|&&at| !covered[at]).count();
                !f.paired.is_empty() && 2 * fresh >= f.paired.len()
            });
        if !adds {
            return false;
        }
        self.parts.push(index);
        self.union = union;
        if let Some(f) = fit {
            let covered = self.covered(corpus, whole);
            for at in f.paired {
                covered[at] = true;
            }
        }
        true
    }
}

/// Which side of step 5 holds the many parts: the new blocks (a split) or the old (a merge).
#[derive(Debug, Clone, Copy)]
enum Many {
    New,
    Old,
}

/// A block's bag on one side, by its index there.
type BagOf = fn(&Corpus, usize) -> &Bag;

/// A candidate pairing of a split's piece or a merge's part with the whole it may have come
/// from or gone into: (containment, next to the whole's partner, distance, part, whole).
type Candidate = (f64, bool, usize, usize, usize);

/// Most contained first; among equals, the one next to the whole's partner, then the nearest,
/// then in block order.
fn sort_candidates(pairs: &mut [Candidate]) {
    pairs.sort_by(|a, b| {
        b.0.total_cmp(&a.0)
            .then(b.1.cmp(&a.1))
            .then(a.2.cmp(&b.2))
            .then(a.3.cmp(&b.3))
            .then(a.4.cmp(&b.4))
    });
}

/// Counts an attempt to place `part`; false once it has had [`PIECE_TRIES`].
fn try_again(tries: &mut BTreeMap<usize, usize>, part: usize) -> bool {
    let n = tries.entry(part).or_insert(0);
    *n += 1;
    *n <= PIECE_TRIES
}

/// How far apart two positions are, each scaled to the other version's length.
fn position_distance(i: usize, old_len: usize, j: usize, new_len: usize) -> usize {
    let a = i * new_len.max(1);
    let b = j * old_len.max(1);
    a.abs_diff(b)
}

/// An inverted index from words to the blocks of one side that contain them.
struct Index {
    postings: Vec<Vec<u32>>,
}

impl Index {
    fn new<'b>(corpus: &Corpus, blocks: impl Iterator<Item = (usize, &'b Bag)>) -> Self {
        let mut postings = vec![Vec::new(); corpus.weights.len()];
        for (i, bag) in blocks {
            for &(t, _) in &bag.counts {
                postings[t as usize].push(i as u32);
            }
        }
        Index { postings }
    }

    /// The blocks sharing the most of `probe`'s rarest indexed words, at most [`CANDIDATES`],
    /// nearest position first among equals.
    fn lookup(
        &self,
        probe: &Bag,
        counter: &mut Counter,
        near: impl Fn(usize) -> usize,
    ) -> Vec<usize> {
        let mut words: Vec<(usize, u32)> = probe
            .counts
            .iter()
            .filter_map(|&(t, _)| {
                let n = self.postings.get(t as usize)?.len();
                (n > 0).then_some((n, t))
            })
            .collect();
        words.sort_unstable();
        for &(_, t) in words.iter().take(PROBES) {
            for &i in &self.postings[t as usize] {
                counter.add(i as usize);
            }
        }
        let mut hits: Vec<(u32, usize, usize)> = counter
            .drain()
            .into_iter()
            .map(|(i, n)| (n, near(i), i))
            .collect();
        // Most hits first, then nearest, then first: a total order, so the selection is
        // deterministic. Only the best few are sorted.
        let order = |a: &(u32, usize, usize), b: &(u32, usize, usize)| {
            b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2))
        };
        if hits.len() > CANDIDATES {
            hits.select_nth_unstable_by(CANDIDATES, order);
            hits.truncate(CANDIDATES);
        }
        hits.sort_unstable_by(order);
        hits.into_iter().map(|(_, _, i)| i).collect()
    }
}

/// Hit counts per block, reset in time proportional to the blocks touched.
struct Counter {
    counts: Vec<u32>,
    touched: Vec<usize>,
}

impl Counter {
    fn new(len: usize) -> Self {
        Counter {
            counts: vec![0; len],
            touched: Vec::new(),
        }
    }

    fn add(&mut self, i: usize) {
        if let Some(c) = self.counts.get_mut(i) {
            if *c == 0 {
                self.touched.push(i);
            }
            *c += 1;
        }
    }

    fn drain(&mut self) -> Vec<(usize, u32)> {
        let out = self.touched.iter().map(|&i| (i, self.counts[i])).collect();
        for &i in &self.touched {
            self.counts[i] = 0;
        }
        self.touched.clear();
        out
    }
}
