//! The word-level diff of two block texts, tidied so that people can read it.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::myers::{self, Edit};
use super::tokens::{TokenKind, tokenize};

/// Above this many tokens on both sides together (after the common ends are taken off),
/// [`word_diff`] does not search for an edit script and shows the middle as replaced. A
/// paragraph of 300 words is about 600 tokens, so only pathological blocks get here.
pub const MAX_DIFF_TOKENS: usize = 20_000;

/// Above this many inserted and deleted tokens the texts are too different for a word diff to
/// help a reader, and the search would cost O(D²) memory: the middle is shown as replaced.
pub const MAX_DIFF_EDITS: usize = 2_000;

/// One run of a word diff. Concatenating `Equal` and `Delete` runs in order gives the old text
/// exactly; `Equal` and `Insert` runs give the new text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "op", content = "text", rename_all = "snake_case")]
pub enum DiffOp {
    Equal(String),
    Insert(String),
    Delete(String),
}

impl DiffOp {
    pub fn text(&self) -> &str {
        match self {
            DiffOp::Equal(t) | DiffOp::Insert(t) | DiffOp::Delete(t) => t,
        }
    }

    fn is_equal(&self) -> bool {
        matches!(self, DiffOp::Equal(_))
    }
}

/// The old text rebuilt from a diff: its `Equal` and `Delete` runs.
pub fn old_text(ops: &[DiffOp]) -> String {
    ops.iter()
        .filter(|op| !matches!(op, DiffOp::Insert(_)))
        .map(DiffOp::text)
        .collect()
}

/// The new text rebuilt from a diff: its `Equal` and `Insert` runs.
pub fn new_text(ops: &[DiffOp]) -> String {
    ops.iter()
        .filter(|op| !matches!(op, DiffOp::Delete(_)))
        .map(DiffOp::text)
        .collect()
}

/// A word-level diff of `old` into `new`.
///
/// Words (with æ, ø, å, inner hyphens, numbers like "1.000"), single punctuation marks and
/// whitespace runs are the units, so a changed word is shown whole and a changed comma alone.
/// The result is tidy: no empty runs, no two runs of the same kind next to each other, and in
/// each changed stretch the deletion comes before the insertion. Spaces, and single short
/// words, left equal between two changes are folded into the change, as a reader would.
pub fn word_diff(old: &str, new: &str) -> Vec<DiffOp> {
    let old_tokens: Vec<&str> = tokenize(old)
        .into_iter()
        .filter_map(|t| old.get(t.bytes))
        .collect();
    let new_tokens: Vec<&str> = tokenize(new)
        .into_iter()
        .filter_map(|t| new.get(t.bytes))
        .collect();

    let mut ids: HashMap<&str, u32> = HashMap::new();
    let a = intern(&mut ids, &old_tokens);
    let b = intern(&mut ids, &new_tokens);

    let script = if a.len() + b.len() <= MAX_DIFF_TOKENS + common_ends(&a, &b) {
        myers::diff(&a, &b, MAX_DIFF_EDITS)
    } else {
        None
    };
    let script = script.unwrap_or_else(|| replace_middle(&a, &b));

    let mut ops = Vec::new();
    let (mut i, mut j) = (0, 0);
    for edit in script {
        match edit {
            Edit::Equal => {
                push(&mut ops, DiffOp::Equal(old_tokens[i].to_owned()));
                i += 1;
                j += 1;
            }
            Edit::Delete => {
                push(&mut ops, DiffOp::Delete(old_tokens[i].to_owned()));
                i += 1;
            }
            Edit::Insert => {
                push(&mut ops, DiffOp::Insert(new_tokens[j].to_owned()));
                j += 1;
            }
        }
    }
    tidy(ops)
}

/// Numbers tokens so that equal tokens get equal numbers, for the edit-script search.
fn intern<'a>(ids: &mut HashMap<&'a str, u32>, tokens: &[&'a str]) -> Vec<u32> {
    tokens
        .iter()
        .map(|t| {
            let next = ids.len() as u32;
            *ids.entry(t).or_insert(next)
        })
        .collect()
}

/// The tokens the two share at their ends, counted on both sides.
fn common_ends(a: &[u32], b: &[u32]) -> usize {
    let (prefix, suffix) = myers::common_ends(a, b);
    2 * (prefix + suffix)
}

/// The fallback script: common ends equal, everything between deleted and inserted.
fn replace_middle(a: &[u32], b: &[u32]) -> Vec<Edit> {
    let (prefix, suffix) = myers::common_ends(a, b);
    let mut script = vec![Edit::Equal; prefix];
    script.extend(std::iter::repeat_n(Edit::Delete, a.len() - prefix - suffix));
    script.extend(std::iter::repeat_n(Edit::Insert, b.len() - prefix - suffix));
    script.extend(std::iter::repeat_n(Edit::Equal, suffix));
    script
}

/// Appends `op`, joining it to the last run if that has the same kind.
fn push(ops: &mut Vec<DiffOp>, op: DiffOp) {
    if op.text().is_empty() {
        return;
    }
    match (ops.last_mut(), op) {
        (Some(DiffOp::Equal(last)), DiffOp::Equal(t))
        | (Some(DiffOp::Insert(last)), DiffOp::Insert(t))
        | (Some(DiffOp::Delete(last)), DiffOp::Delete(t)) => last.push_str(&t),
        (_, op) => ops.push(op),
    }
}

/// Orders each changed stretch as one deletion then one insertion, and folds equal runs that
/// would only chop a change into pieces.
fn tidy(ops: Vec<DiffOp>) -> Vec<DiffOp> {
    let mut ops = regroup(ops);
    loop {
        let fold = (1..ops.len().saturating_sub(1)).find(|&k| {
            let (before, equal, after) = (&ops[..k], &ops[k], &ops[k + 1..]);
            equal.is_equal() && foldable(equal.text(), change_len(before), change_len_fwd(after))
        });
        let Some(k) = fold else { break };
        let text = ops[k].text().to_owned();
        ops.splice(k..=k, [DiffOp::Delete(text.clone()), DiffOp::Insert(text)]);
        ops = regroup(ops);
    }
    ops
}

/// Characters changed in the stretch just before the end of `ops`.
fn change_len(ops: &[DiffOp]) -> usize {
    ops.iter()
        .rev()
        .take_while(|op| !op.is_equal())
        .map(|op| op.text().chars().count())
        .max()
        .unwrap_or(0)
}

/// Characters changed in the stretch at the start of `ops`.
fn change_len_fwd(ops: &[DiffOp]) -> usize {
    ops.iter()
        .take_while(|op| !op.is_equal())
        .map(|op| op.text().chars().count())
        .max()
        .unwrap_or(0)
}

/// Whether an equal run between two changes is better shown as part of the change: a bare
/// space, or one short word ("og", "at") between changes longer than itself.
fn foldable(equal: &str, before: usize, after: usize) -> bool {
    if before == 0 || after == 0 {
        return false;
    }
    if equal.chars().all(char::is_whitespace) {
        return true;
    }
    let tokens = tokenize(equal);
    let words = tokens.iter().filter(|t| t.kind != TokenKind::Space).count();
    let len = equal.trim().chars().count();
    words == 1 && len <= 3 && before > len + 1 && after > len + 1
}

/// Merges neighbouring runs of one kind and puts, in each changed stretch, all deleted text
/// (in order) before all inserted text (in order), which keeps both texts intact.
fn regroup(ops: Vec<DiffOp>) -> Vec<DiffOp> {
    let mut out: Vec<DiffOp> = Vec::with_capacity(ops.len());
    let mut deleted = String::new();
    let mut inserted = String::new();
    let flush = |out: &mut Vec<DiffOp>, deleted: &mut String, inserted: &mut String| {
        push(out, DiffOp::Delete(std::mem::take(deleted)));
        push(out, DiffOp::Insert(std::mem::take(inserted)));
    };
    for op in ops {
        match op {
            DiffOp::Delete(t) => deleted.push_str(&t),
            DiffOp::Insert(t) => inserted.push_str(&t),
            DiffOp::Equal(t) => {
                flush(&mut out, &mut deleted, &mut inserted);
                push(&mut out, DiffOp::Equal(t));
            }
        }
    }
    flush(&mut out, &mut deleted, &mut inserted);
    out
}
