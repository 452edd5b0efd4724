//! Following one piece of input (a response, later meeting input) from version to version, and
//! finding what a citizen typed into the quote field in the block's text.
//!
//! The server keeps, for each input, the block and quote it was given to; to show it on a
//! later version it applies [`carry_step`] once per version in between, so the input honestly
//! reports the version in which its words went.

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::{QuoteAnchor, QuoteError, TextQuote, VersionMatch, anchor_quote};
use crate::document::{BlockId, Document};

/// Where one piece of input (a response, later meeting input) stands in one version of the
/// text. Serialised with a `kind` tag: `at` or `removed`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Placement {
    /// On block `block` of that version; `quote` is the quoted words as they stand there now
    /// (None when the input concerns the whole block).
    At {
        block: BlockId,
        quote: Option<TextQuote>,
    },
    /// Its words were removed in this version.
    Removed,
}

/// Carries a placement in `old` one version forward to `new`, where `matching` =
/// [`super::match_versions`]`(old, new)` (and `new` carries the durable ids, as
/// [`super::carry_ids`] returns it). Removed stays Removed.
///
/// Without a quote: the block that keeps the id, else the first split piece / the merged block
/// holding its text, else Removed. With a quote: [`anchor_quote`]; Exact/Fuzzy become
/// `At { block, quote: TextQuote::from_selection(new text, start, end) }`.
pub fn carry_step(
    placement: &Placement,
    old: &Document,
    new: &Document,
    matching: &VersionMatch,
) -> Placement {
    // `old` is what `matching` was made from; the rules need only the matching and the new
    // text, so it is not read.
    let _ = old;
    let Placement::At { block, quote } = placement else {
        return Placement::Removed;
    };
    let Some(quote) = quote else {
        let next = matching
            .get(block)
            .or_else(|| matching.successors(block).next().map(|(_, b)| b));
        return match next {
            Some(b) => Placement::At {
                block: b.id.clone(),
                quote: None,
            },
            None => Placement::Removed,
        };
    };
    match anchor_quote(quote, block, new, matching) {
        QuoteAnchor::Exact { block, start, end }
        | QuoteAnchor::Fuzzy {
            block, start, end, ..
        } => {
            let Some(text) = new.find_by_id(&block).map(|b| b.text.as_str()) else {
                return Placement::Removed;
            };
            // A fuzzy place can in principle be longer than a quote may be; the words the
            // citizen quoted are then kept rather than losing the quote altogether.
            let now = TextQuote::from_selection(text, start, end).unwrap_or_else(|_| quote.clone());
            Placement::At {
                block,
                quote: Some(now),
            }
        }
        QuoteAnchor::Removed => Placement::Removed,
    }
}

/// Why what was typed into the quote field cannot be a quote of the block.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteInputError {
    #[error("the words are not in the block")]
    NotFound,
    #[error("the quote is too long")]
    TooLong,
}

impl QuoteInputError {
    /// The field error code the forms show: "not_found" or "too_long".
    pub fn code(self) -> &'static str {
        match self {
            QuoteInputError::NotFound => "not_found",
            QuoteInputError::TooLong => "too_long",
        }
    }
}

/// What a citizen typed or pasted into the "quote" field, found in the block's text: whitespace
/// runs in `typed` match as in the text, case as typed first, else any case; empty or
/// whitespace-only `typed` gives `Ok(None)`. Returns the [`TextQuote`] with its prefix/suffix
/// context, in the block's own spelling.
pub fn locate_typed_quote(
    block_text: &str,
    typed: &str,
) -> Result<Option<TextQuote>, QuoteInputError> {
    let typed = typed.trim();
    if typed.is_empty() {
        return Ok(None);
    }
    let found =
        find_folded(block_text, typed, false).or_else(|| find_folded(block_text, typed, true));
    let Some((start, end)) = found else {
        return Err(QuoteInputError::NotFound);
    };
    match TextQuote::from_selection(block_text, start, end) {
        Ok(quote) => Ok(Some(quote)),
        Err(QuoteError::TooLong { .. }) => Err(QuoteInputError::TooLong),
        Err(_) => Err(QuoteInputError::NotFound),
    }
}

/// The char range of the first place in `text` where `typed` stands, comparing whitespace runs
/// as one space and, if `any_case`, letters by their lower case.
///
/// Both texts are folded into a comparable form with, for every byte of the folded text, the
/// char of the original it came from; one linear string search then finds the place. Folding
/// the case may change the length ("İ" lowers to two chars), which is why positions are mapped
/// and not computed.
fn find_folded(text: &str, typed: &str, any_case: bool) -> Option<(usize, usize)> {
    let (folded_text, origin) = fold(text, any_case);
    let (folded_typed, _) = fold(typed, any_case);
    let at = folded_text.find(&folded_typed)?;
    let last = at + folded_typed.len().checked_sub(1)?;
    let start = *origin.get(at)?;
    let end = *origin.get(last)? + 1;
    Some((start, end))
}

/// `text` with whitespace runs as one space and, if `any_case`, in lower case; with the char
/// offset in `text` of each byte of the result.
fn fold(text: &str, any_case: bool) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(text.len());
    let mut origin = Vec::with_capacity(text.len());
    let mut in_space = false;
    for (k, c) in text.chars().enumerate() {
        if c.is_whitespace() {
            if !in_space {
                out.push(' ');
                origin.push(k);
            }
            in_space = true;
            continue;
        }
        in_space = false;
        let before = out.len();
        if any_case {
            out.extend(c.to_lowercase());
        } else {
            out.push(c);
        }
        origin.resize(origin.len() + (out.len() - before), k);
    }
    (out, origin)
}
