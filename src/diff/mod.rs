//! Diffs between versions of a policy: word by word within a block ([`word_diff`]) and block by
//! block across a whole version ([`diff_versions`]), for side-by-side and inline views.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::anchoring::{Provenance, VersionMatch};
use crate::document::{Block, BlockId, BlockNumber, Document};

// The word diff lives in `text`, below anchoring, which needs it too; it is part of this
// module's API all the same.
pub use crate::text::{DiffOp, MAX_DIFF_EDITS, MAX_DIFF_TOKENS, new_text, old_text, word_diff};

/// A block of one version as the change lists show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BlockRef {
    pub id: BlockId,
    pub number: BlockNumber,
    pub text: String,
}

impl BlockRef {
    fn of(block: &Block, id: &BlockId) -> Self {
        BlockRef {
            id: id.clone(),
            number: block.number,
            text: block.text.clone(),
        }
    }
}

/// What happened to one block between two versions. Serialised with a `kind` tag.
///
/// Ids are durable ids (an old block's id, which the new block keeps, or a fresh id). `ops`
/// turn the old text into the new one; for `split` the new side is the pieces' texts joined by
/// a space, for `merged` the old side is the sources' texts joined by a space.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum BlockChange {
    Unchanged {
        id: BlockId,
        old_number: BlockNumber,
        new_number: BlockNumber,
        text: String,
    },
    Edited {
        id: BlockId,
        old_number: BlockNumber,
        new_number: BlockNumber,
        old_text: String,
        new_text: String,
        ops: Vec<DiffOp>,
    },
    /// Elsewhere in the order of blocks; `ops` is empty when the text did not change.
    Moved {
        id: BlockId,
        from_number: BlockNumber,
        to_number: BlockNumber,
        old_text: String,
        new_text: String,
        ops: Vec<DiffOp>,
    },
    Inserted {
        id: BlockId,
        number: BlockNumber,
        text: String,
    },
    Removed {
        id: BlockId,
        number: BlockNumber,
        text: String,
    },
    /// One old block now spread over `pieces` (in new-document order); the piece whose id
    /// equals `from.id` kept the id.
    Split {
        from: BlockRef,
        pieces: Vec<BlockRef>,
        ops: Vec<DiffOp>,
    },
    /// Several old blocks (`from`, in old-document order) now in one.
    Merged {
        id: BlockId,
        number: BlockNumber,
        text: String,
        from: Vec<BlockRef>,
        ops: Vec<DiffOp>,
    },
}

/// Every block's change from `old` to `new`, in new-document order, with each removed old
/// block placed after the change showing its nearest preceding old block that kept its place
/// (or first, if there is none). A split is listed once, where its first piece is.
///
/// `matching` must be [`crate::anchoring::match_versions`] of these two documents (`new` as
/// parsed or with carried ids). A source id that `old` does not have is shown as inserted.
pub fn diff_versions(old: &Document, new: &Document, matching: &VersionMatch) -> Vec<BlockChange> {
    let old_blocks: Vec<&Block> = old.blocks().collect();
    let old_index: BTreeMap<&BlockId, usize> = old_blocks
        .iter()
        .enumerate()
        .map(|(i, b)| (&b.id, i))
        .collect();
    let new_blocks: Vec<(&BlockId, &Provenance, &Block)> = matching
        .blocks
        .iter()
        .zip(new.blocks())
        .map(|(m, b)| (&m.id, &m.provenance, b))
        .collect();
    let find = |id: &BlockId| old_index.get(id).map(|&i| (i, old_blocks[i]));

    let mut entries: Vec<BlockChange> = Vec::with_capacity(new_blocks.len());
    // For each old block shown in place, the entry that shows it.
    let mut shown_at: Vec<Option<usize>> = vec![None; old_blocks.len()];
    let mut splits_done: BTreeSet<&BlockId> = BTreeSet::new();
    for &(id, provenance, block) in &new_blocks {
        let sources: Option<Vec<(usize, &Block)>> =
            provenance.sources().iter().map(&find).collect();
        let sources = match sources {
            Some(s) if !s.is_empty() => s,
            _ => {
                entries.push(BlockChange::Inserted {
                    id: id.clone(),
                    number: block.number,
                    text: block.text.clone(),
                });
                continue;
            }
        };
        let (first, old_block) = sources[0];
        let change = match provenance {
            Provenance::Unchanged { .. } => {
                shown_at[first] = Some(entries.len());
                BlockChange::Unchanged {
                    id: id.clone(),
                    old_number: old_block.number,
                    new_number: block.number,
                    text: block.text.clone(),
                }
            }
            Provenance::Edited { .. } => {
                shown_at[first] = Some(entries.len());
                BlockChange::Edited {
                    id: id.clone(),
                    old_number: old_block.number,
                    new_number: block.number,
                    old_text: old_block.text.clone(),
                    new_text: block.text.clone(),
                    ops: word_diff(&old_block.text, &block.text),
                }
            }
            Provenance::Moved { edited, .. } => BlockChange::Moved {
                id: id.clone(),
                from_number: old_block.number,
                to_number: block.number,
                old_text: old_block.text.clone(),
                new_text: block.text.clone(),
                ops: if *edited {
                    word_diff(&old_block.text, &block.text)
                } else {
                    Vec::new()
                },
            },
            Provenance::SplitFrom { from, .. } => {
                let Some(source) = from.first() else { continue };
                if !splits_done.insert(source) {
                    continue;
                }
                let pieces: Vec<BlockRef> = new_blocks
                    .iter()
                    .filter(|(_, p, _)| {
                        matches!(p, Provenance::SplitFrom { from, .. } if from.first() == Some(source))
                    })
                    .map(|(id, _, b)| BlockRef::of(b, id))
                    .collect();
                let joined: Vec<&str> = pieces.iter().map(|p| p.text.as_str()).collect();
                shown_at[first] = Some(entries.len());
                BlockChange::Split {
                    ops: word_diff(&old_block.text, &joined.join(" ")),
                    from: BlockRef::of(old_block, source),
                    pieces,
                }
            }
            Provenance::MergedFrom { .. } => {
                let from: Vec<BlockRef> = sources
                    .iter()
                    .map(|&(i, b)| {
                        shown_at[i] = Some(entries.len());
                        BlockRef::of(b, &b.id)
                    })
                    .collect();
                let joined: Vec<&str> = from.iter().map(|f| f.text.as_str()).collect();
                BlockChange::Merged {
                    id: id.clone(),
                    number: block.number,
                    text: block.text.clone(),
                    ops: word_diff(&joined.join(" "), &block.text),
                    from,
                }
            }
            Provenance::New => unreachable_new(id, block),
        };
        entries.push(change);
    }

    // Removed blocks go after the entry of their nearest preceding old block kept in place.
    let mut after: BTreeMap<Option<usize>, Vec<BlockChange>> = BTreeMap::new();
    for id in &matching.removed {
        let Some((r, block)) = find(id) else { continue };
        let anchor = shown_at[..r].iter().rev().flatten().next().copied();
        after.entry(anchor).or_default().push(BlockChange::Removed {
            id: id.clone(),
            number: block.number,
            text: block.text.clone(),
        });
    }
    let mut out = Vec::with_capacity(entries.len() + matching.removed.len());
    out.extend(after.remove(&None).unwrap_or_default());
    for (k, entry) in entries.into_iter().enumerate() {
        out.push(entry);
        out.extend(after.remove(&Some(k)).unwrap_or_default());
    }
    out
}

/// A new block has no sources, so it was listed as inserted before reaching here; kept as a
/// total function rather than a panic.
fn unreachable_new(id: &BlockId, block: &Block) -> BlockChange {
    BlockChange::Inserted {
        id: id.clone(),
        number: block.number,
        text: block.text.clone(),
    }
}

#[cfg(test)]
mod tests;
