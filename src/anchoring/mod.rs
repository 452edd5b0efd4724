//! Anchoring across versions: durable block ids from one version of a policy to the next, and
//! quotes that find their words again in a later version.
//!
//! A policy goes through several texts (draft for the dialogue meeting, hearing draft, text
//! after the hearing, adopted text). Every comment was made on one of them. [`carry_ids`]
//! gives each block of the new text the [`BlockId`] of the block it came from, so a comment
//! stored against a block id stays on that block; [`anchor_quote`] then finds the exact words
//! a comment quoted, or says honestly that they are gone.
//!
//! # What the matcher decides
//!
//! Each block of the new version gets a [`Provenance`]:
//!
//! | kind | meaning | id |
//! |---|---|---|
//! | `unchanged` | identical text, in place | kept |
//! | `edited` | similar text (≥ [`LOCAL_THRESHOLD`]), in place | kept |
//! | `moved` | identical or similar (≥ [`MOVED_THRESHOLD`]) text, elsewhere; `edited` says whether the text changed | kept |
//! | `split_from` | one of two or more blocks holding the text of one old block | kept by the piece with most of the old text (`keeps_id`), fresh for the others |
//! | `merged_from` | one block holding the text of two or more old blocks | that of the old block contributing most |
//! | `new` | none of the above | fresh |
//!
//! List items, headings and paragraphs are matched alike, by their text only, so two list items
//! merged into one are a merge just as two paragraphs are. Old blocks whose text went nowhere
//! are listed as removed. "In place" means the block
//! belongs to the heaviest sequence of matched blocks in the same order in both versions
//! (weighed by text length), so when sections trade places the shorter one moved; numbers play
//! no part. Text identity is exact plain-text equality (formatting-only changes such as bold
//! therefore count as unchanged). See the `matcher` module for the algorithm and the
//! thresholds' reasons.
//!
//! Fresh ids are the block's content-derived id (as [`crate::parse`] gives it) unless that is
//! taken by any block of either version, in which case it is re-hashed until free. Each new
//! block also lists the char ranges of its text that its source block(s) did not have
//! ([`BlockMatch::inserted`]), which the quote anchoring uses and a reader may want to see.
//!
//! Everything here is deterministic (the same two versions always give the same answer, on
//! the server and in the browser alike: integer word weights, no hash-order dependence), and
//! its cost grows about linearly with the length of the policy and of its blocks; `cargo bench
//! -p hoering` prints the figures.

mod carry;
mod features;
mod matcher;
mod placement;
mod quote;

use std::collections::BTreeSet;
use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::document::{Block, BlockId, BlockNumber, Document};

pub use carry::{Placement, QuoteInputError, carry_step, locate_typed_quote};
pub use matcher::{LOCAL_THRESHOLD, MARGIN, MOVED_THRESHOLD, PIECE_THRESHOLD};
pub use quote::{
    AMBIGUITY, COMMON_BLOCKS, CONFIDENCE_EXPECTED, CONTEXT_CHARS, CONTEXT_ELSEWHERE,
    CONTEXT_EXPECTED, DISTINCTIVE_SCORE, EDGE_SLACK, EDGE_WEIGHT, FOUND_WITH_CONTEXT,
    FUZZY_ELSEWHERE, FUZZY_EXPECTED, MAX_CONTEXT_CHARS, MAX_EXACT_CHARS, MAX_OCCURRENCES,
    QuoteAnchor, QuoteError, STRONG_CONTEXT, TextQuote, WEAK_WEIGHT, anchor_quote,
};
// Where quotes' char offsets meet Rust's byte slices; it lived here first.
pub use crate::text::byte_range;

use matcher::Link;

/// Where a block of the new version came from. Serialised with a `kind` tag: `unchanged`,
/// `edited`, `moved`, `split_from`, `merged_from` or `new`.
///
/// `from` lists the old blocks' ids in old-document order: one for `unchanged`, `edited`,
/// `moved` and `split_from` (and then it is the block's own id, except for a split piece that
/// did not keep it), two or more for `merged_from`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Provenance {
    Unchanged {
        from: Vec<BlockId>,
    },
    Edited {
        from: Vec<BlockId>,
    },
    /// Elsewhere in the order of blocks; `edited` if the text changed too.
    Moved {
        from: Vec<BlockId>,
        edited: bool,
    },
    /// A piece of a split block; `keeps_id` for the piece holding most of the old text.
    SplitFrom {
        from: Vec<BlockId>,
        keeps_id: bool,
    },
    MergedFrom {
        from: Vec<BlockId>,
    },
    New,
}

impl Provenance {
    /// The old blocks this block holds text of; empty for a new block.
    pub fn sources(&self) -> &[BlockId] {
        match self {
            Provenance::Unchanged { from }
            | Provenance::Edited { from }
            | Provenance::Moved { from, .. }
            | Provenance::SplitFrom { from, .. }
            | Provenance::MergedFrom { from } => from,
            Provenance::New => &[],
        }
    }

    /// The serde tag: "unchanged", "edited", "moved", "split_from", "merged_from", "new".
    pub fn kind(&self) -> &'static str {
        match self {
            Provenance::Unchanged { .. } => "unchanged",
            Provenance::Edited { .. } => "edited",
            Provenance::Moved { .. } => "moved",
            Provenance::SplitFrom { .. } => "split_from",
            Provenance::MergedFrom { .. } => "merged_from",
            Provenance::New => "new",
        }
    }

    /// Whether the block's text is, word for word, the text of an old block.
    pub fn text_unchanged(&self) -> bool {
        matches!(
            self,
            Provenance::Unchanged { .. } | Provenance::Moved { edited: false, .. }
        )
    }
}

/// One block of the new version: its durable id, its number there, and where it came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BlockMatch {
    pub id: BlockId,
    pub number: BlockNumber,
    pub provenance: Provenance,
    /// Char ranges of the block's text that are not in its source block(s), by a word diff
    /// (all of it for a new block, none for an unchanged one): text written for this version,
    /// on which no comment on the previous version can have been made. Ascending, disjoint.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub inserted: Vec<Range<usize>>,
}

/// How a new version's blocks relate to the previous version's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VersionMatch {
    /// One entry per block of the new version, in document order ([`Document::blocks`]).
    pub blocks: Vec<BlockMatch>,
    /// Ids of old blocks whose text is in no new block, in old-document order.
    pub removed: Vec<BlockId>,
}

impl VersionMatch {
    /// The new blocks holding text of the old block `old`, with their positions in
    /// [`VersionMatch::blocks`]: one block, several split pieces, or a merged block.
    pub fn successors<'a>(
        &'a self,
        old: &'a BlockId,
    ) -> impl Iterator<Item = (usize, &'a BlockMatch)> + 'a {
        self.blocks
            .iter()
            .enumerate()
            .filter(move |(_, b)| b.provenance.sources().contains(old))
    }

    pub fn is_removed(&self, old: &BlockId) -> bool {
        self.removed.contains(old)
    }

    /// The new block with durable id `id`.
    pub fn get(&self, id: &BlockId) -> Option<&BlockMatch> {
        self.blocks.iter().find(|b| b.id == *id)
    }
}

/// Matches the blocks of `new` to those of `old`. `new`'s own ids are ignored except as the
/// preferred fresh id of its new blocks, so it may be a fresh parse or the output of an earlier
/// [`carry_ids`] (the result is then the same).
///
/// `old` should carry the durable ids of its own version (the output of the previous
/// [`carry_ids`], or a fresh parse for the first version), since those are the ids handed on.
pub fn match_versions(old: &Document, new: &Document) -> VersionMatch {
    let old_blocks: Vec<&Block> = old.blocks().collect();
    let new_blocks: Vec<&Block> = new.blocks().collect();
    let old_texts: Vec<&str> = old_blocks.iter().map(|b| b.text.trim()).collect();
    let new_texts: Vec<&str> = new_blocks.iter().map(|b| b.text.trim()).collect();
    let outcome = matcher::run(&old_texts, &new_texts);

    let old_id = |i: usize| old_blocks[i].id.clone();
    let carried: Vec<Option<BlockId>> = outcome
        .links
        .iter()
        .map(|link| match link {
            Link::One { old } => Some(old_id(*old)),
            Link::Piece {
                old, primary: true, ..
            } => Some(old_id(*old)),
            Link::Merge { main, .. } => Some(old_id(*main)),
            Link::Piece { primary: false, .. } | Link::New => None,
        })
        .collect();

    let mut taken: BTreeSet<BlockId> = old_blocks.iter().map(|b| b.id.clone()).collect();
    taken.extend(carried.iter().flatten().cloned());
    let parsed: BTreeSet<BlockId> = new_blocks.iter().map(|b| b.id.clone()).collect();

    let mut blocks = Vec::with_capacity(new_blocks.len());
    for (j, block) in new_blocks.iter().enumerate() {
        let id = match &carried[j] {
            Some(id) => id.clone(),
            None => {
                let id = fresh_id(&block.id, &taken, &parsed);
                taken.insert(id.clone());
                id
            }
        };
        let provenance = match &outcome.links[j] {
            Link::One { old } => {
                let from = vec![old_id(*old)];
                let edited = old_texts[*old] != new_texts[j];
                match (outcome.in_place[j], edited) {
                    (true, false) => Provenance::Unchanged { from },
                    (true, true) => Provenance::Edited { from },
                    (false, edited) => Provenance::Moved { from, edited },
                }
            }
            Link::Piece { old, primary } => Provenance::SplitFrom {
                from: vec![old_id(*old)],
                keeps_id: *primary,
            },
            Link::Merge { olds, .. } => Provenance::MergedFrom {
                from: olds.iter().map(|&i| old_id(i)).collect(),
            },
            Link::New => Provenance::New,
        };
        let inserted = match &outcome.links[j] {
            Link::New => whole(new_texts[j]),
            Link::One { old } if old_texts[*old] == new_texts[j] => Vec::new(),
            Link::One { old } => inserted_ranges(old_texts[*old], new_texts[j]),
            Link::Piece { old, .. } => inserted_ranges(old_texts[*old], new_texts[j]),
            Link::Merge { olds, .. } => {
                let sources: Vec<&str> = olds.iter().map(|&i| old_texts[i]).collect();
                inserted_ranges(&sources.join(" "), new_texts[j])
            }
        };
        blocks.push(BlockMatch {
            id,
            number: block.number,
            provenance,
            inserted,
        });
    }
    VersionMatch {
        blocks,
        removed: outcome.removed.iter().map(|&i| old_id(i)).collect(),
    }
}

/// The whole of `text` as one char range (none if empty).
fn whole(text: &str) -> Vec<Range<usize>> {
    let len = text.chars().count();
    if len == 0 {
        Vec::new()
    } else {
        std::iter::once(0..len).collect()
    }
}

/// The char ranges of `new` that a word diff from `old` shows as inserted.
fn inserted_ranges(old: &str, new: &str) -> Vec<Range<usize>> {
    let mut ranges: Vec<Range<usize>> = Vec::new();
    let mut at = 0;
    for op in crate::text::word_diff(old, new) {
        let len = op.text().chars().count();
        match op {
            crate::text::DiffOp::Equal(_) => at += len,
            crate::text::DiffOp::Insert(_) => {
                ranges.push(at..at + len);
                at += len;
            }
            crate::text::DiffOp::Delete(_) => {}
        }
    }
    ranges
}

/// Matches `new` to `old` and returns `new` with each block's id replaced by its durable id.
pub fn carry_ids(old: &Document, mut new: Document) -> (Document, VersionMatch) {
    let matching = match_versions(old, &new);
    let blocks = new
        .sections
        .iter_mut()
        .flat_map(|s| s.blocks.iter_mut())
        .chain(new.footnotes.iter_mut());
    for (block, matched) in blocks.zip(&matching.blocks) {
        block.id = matched.id.clone();
    }
    (new, matching)
}

/// `preferred` if no other block of either version has it, else a re-hash of it that nobody
/// has. Deterministic, so the same versions always get the same ids.
fn fresh_id(preferred: &BlockId, taken: &BTreeSet<BlockId>, parsed: &BTreeSet<BlockId>) -> BlockId {
    if !taken.contains(preferred) {
        return preferred.clone();
    }
    let mut salt: u32 = 1;
    loop {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for &b in preferred
            .as_str()
            .as_bytes()
            .iter()
            .chain(&salt.to_le_bytes())
        {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
        // The murmur3 finaliser, as for content-derived ids: the id keeps the high bits.
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        h ^= h >> 33;
        let id = BlockId::from_bits(h);
        if !taken.contains(&id) && !parsed.contains(&id) {
            return id;
        }
        salt = salt.wrapping_add(1);
    }
}

#[cfg(test)]
mod carry_tests;
#[cfg(test)]
mod heldout_tests;
#[cfg(test)]
mod model_items;
#[cfg(test)]
mod quality_tests;
#[cfg(test)]
mod tests;
