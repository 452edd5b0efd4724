//! The members' comments on the draft: on a block, on words quoted from it, or in reply to
//! each other; and the "enig" (agree) a member gives another's comment.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::{CouncilErrors, UserId};
use crate::anchoring::MAX_EXACT_CHARS;
use crate::document::BlockNumber;
use crate::mistakes::Mistakes;
use crate::response::{FieldError, required_text};

/// The comment form exactly as posted: every field a string, missing fields empty.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CommentFields {
    /// A block number such as "3.2" ("§ 3.2" is read too); empty for the draft as a whole.
    pub block: String,
    /// Words quoted from the block; may be empty. Needs a block.
    pub quote: String,
    pub text: String,
    /// The id of the comment answered; empty for a new thread.
    pub reply_to: String,
}

/// A valid comment, ready to store.
///
/// `block` is only known to be a well-formed number, and `quote` is as typed (trimmed): the
/// server looks the block up in the draft and the quote up in the block with
/// [`crate::anchoring::locate_typed_quote`], and `reply_to` up among the round's comments.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewComment {
    pub block: Option<BlockNumber>,
    /// Empty when nothing is quoted.
    pub quote: String,
    pub text: CommentText,
    pub reply_to: Option<i64>,
}

/// A comment's text: 1–5 000 characters after trimming, line breaks as `\n`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct CommentText(String);

crate::newtype::text_field!(CommentText, max: 5_000, rule: |input| {
    required_text(input, CommentText::MAX_CHARS)
});

crate::newtype::string_newtype!(CommentText: FieldError);

impl CommentFields {
    /// The comment, or every mistake at once. A quote without a block is `block: required`,
    /// since words are only found within a block.
    pub fn parse(&self) -> Result<NewComment, CouncilErrors> {
        let mut mistakes = Mistakes::default();
        let block = mistakes.check("block", parse_block(&self.block));
        let quote = self.quote.trim();
        if quote.chars().count() > MAX_EXACT_CHARS {
            mistakes.note("quote", "too_long");
        }
        if !quote.is_empty() && matches!(block, Some(None)) {
            mistakes.note("block", "required");
        }
        let text = mistakes.check("text", CommentText::parse(&self.text));
        let reply_to = mistakes.optional("reply_to", &self.reply_to, Some(None), |s| {
            match s.parse::<i64>() {
                // Row ids start at 1; a sign or a zero is a tampered form.
                Ok(id) if id > 0 && s.bytes().all(|b| b.is_ascii_digit()) => Ok(Some(id)),
                _ => Err("invalid"),
            }
        });

        match (block, text, reply_to) {
            (Some(block), Some(text), Some(reply_to)) if mistakes.is_empty() => Ok(NewComment {
                block,
                quote: quote.to_owned(),
                text,
                reply_to,
            }),
            _ => Err(mistakes.into_map()),
        }
    }
}

fn parse_block(input: &str) -> Result<Option<BlockNumber>, &'static str> {
    let s = input.trim();
    let s = s.strip_prefix('§').unwrap_or(s).trim_start();
    if s.is_empty() {
        return Ok(None);
    }
    s.parse().map(Some).map_err(|_| "invalid")
}

/// Whether `user` may agree with a comment `author` wrote: not with their own, since an
/// agreement counts as a second voice behind the point.
pub fn may_agree(author: UserId, user: UserId) -> bool {
    author != user
}

/// A member tried to agree with their own comment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error, Serialize, Deserialize)]
#[error("a member cannot agree with their own comment")]
pub struct OwnComment;

impl OwnComment {
    pub fn code(self) -> &'static str {
        "own_comment"
    }
}

/// The members agreeing with a comment after `user` toggled their agreement, and whether
/// `user` now agrees. Refused for the comment's own author, so that a server which forgot
/// [`may_agree`] still cannot count the author twice. Whether `user` may comment at all is
/// [`super::may_comment`]'s to say.
pub fn toggle_agreement(
    agreed: &BTreeSet<UserId>,
    author: UserId,
    user: UserId,
) -> Result<(BTreeSet<UserId>, bool), OwnComment> {
    if !may_agree(author, user) {
        return Err(OwnComment);
    }
    let mut next = agreed.clone();
    let now_agrees = if next.remove(&user) {
        false
    } else {
        next.insert(user);
        true
    };
    Ok((next, now_agrees))
}

/// What [`thread_order`] needs of a comment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommentRef {
    pub id: i64,
    pub reply_to: Option<i64>,
    /// Unix seconds.
    pub created_at: i64,
}

/// Replies deeper than this are shown at this depth: a narrow screen has no room for more
/// indentation, and the order still shows whom they answer.
pub const MAX_DISPLAY_DEPTH: u8 = 4;

/// The comments in reading order, as `(index into comments, display depth)`: threads by the
/// time they were started, each followed by its replies, and each reply by its own replies,
/// by time (ties by id). Every comment appears exactly once: a reply whose parent is missing
/// (deleted, or in another round) starts a thread of its own, and so does the earliest
/// comment of a loop of replies, which only corrupt data could make.
pub fn thread_order(comments: &[CommentRef]) -> Vec<(usize, u8)> {
    let key = |i: &usize| (comments[*i].created_at, comments[*i].id, *i);

    // Should ids repeat, replies attach to the first comment with the id.
    let mut index_of: BTreeMap<i64, usize> = BTreeMap::new();
    for (i, c) in comments.iter().enumerate() {
        index_of.entry(c.id).or_insert(i);
    }
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); comments.len()];
    let mut roots = Vec::new();
    for (i, c) in comments.iter().enumerate() {
        match c.reply_to.and_then(|p| index_of.get(&p).copied()) {
            Some(parent) if parent != i => children[parent].push(i),
            _ => roots.push(i),
        }
    }
    roots.sort_by_key(key);
    for list in &mut children {
        list.sort_by_key(key);
    }

    let mut order = Vec::with_capacity(comments.len());
    let mut visited = vec![false; comments.len()];
    // Iterative, so a long chain of replies cannot overflow the stack.
    let mut walk = |start: usize, order: &mut Vec<(usize, u8)>| {
        let mut stack = vec![(start, 0usize)];
        while let Some((i, depth)) = stack.pop() {
            if visited[i] {
                continue;
            }
            visited[i] = true;
            let shown = u8::try_from(depth.min(usize::from(MAX_DISPLAY_DEPTH)))
                .unwrap_or(MAX_DISPLAY_DEPTH);
            order.push((i, shown));
            stack.extend(children[i].iter().rev().map(|&c| (c, depth + 1)));
        }
    };
    for &root in &roots {
        walk(root, &mut order);
    }
    if order.len() < comments.len() {
        let mut rest: Vec<usize> = (0..comments.len()).collect();
        rest.sort_by_key(key);
        for i in rest {
            walk(i, &mut order);
        }
    }
    order
}
