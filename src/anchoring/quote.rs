//! Quote anchors: the words a comment is about, found again in a later version of the policy.
//!
//! A [`TextQuote`] is the W3C Web Annotation TextQuoteSelector: the quoted text (`exact`) with
//! a little of the text before (`prefix`) and after (`suffix`) it, which tells repeated phrases
//! apart. All offsets in this module count Unicode scalar values (Rust `char`s, JavaScript
//! `Array.from(text)` positions) in a block's plain `text`, never bytes; for Danish text they
//! equal UTF-16 offsets too. [`byte_range`] converts for Rust slicing.
//!
//! [`anchor_quote`] looks first in the block(s) the quoted block became, then, only if the
//! quote has context, in the blocks whose text changed (text may have moved from one
//! paragraph to another). It answers `Removed` rather than guess:
//!
//! - An exact occurrence is taken in the expected blocks if its context agrees (≥
//!   [`CONTEXT_EXPECTED`] of the context words, weighed by length), or the quote has no
//!   context, or the quote is distinctive (≥ 4 words and ≥ 20 characters). Elsewhere it needs
//!   context agreement ≥ [`CONTEXT_ELSEWHERE`]. A quote without context (typically a whole
//!   block) is never looked for elsewhere.
//! - A quote of a few short words (total weight < [`WEAK_WEIGHT`]) needs context agreement ≥
//!   [`STRONG_CONTEXT`] when it is found only in part, or word for word but the phrase is
//!   common in the policy ("for at", in ≥ [`COMMON_BLOCKS`] blocks) or repeated in the block.
//! - Otherwise a word-level alignment of prefix + exact + suffix against the block finds the
//!   best place; the quote's words must be found there with a Dice score ≥
//!   [`FUZZY_EXPECTED`] (≥ [`FUZZY_ELSEWHERE`] elsewhere), with the same context rules and,
//!   in the expected block(s), a mean of score and context ≥ [`CONFIDENCE_EXPECTED`]; in
//!   the expected blocks a place whose context agrees ≥ [`STRONG_CONTEXT`] needs only
//!   [`FOUND_WITH_CONTEXT`] of the quote's words (by weight), and a distinctive quote with a
//!   score ≥ [`DISTINCTIVE_SCORE`] needs no context.
//! - Elsewhere, two places scoring within [`AMBIGUITY`] of each other mean nobody can tell
//!   which one was meant: `Removed`.
//! - Elsewhere, the best place must lie (at least half) in text its block gained in this
//!   version ([`super::BlockMatch::inserted`]): text that stood there before is a repetition
//!   of the phrase (policies repeat their own phrases), not the quote moved. Such places still
//!   count as rivals for the ambiguity rule.
//! - The context is always judged in the words right next to the place found; an empty prefix
//!   (suffix) stands for the start (end) of the block.
//! - Last, before answering `Removed`: if the quote's exact words stand character for
//!   character in a block the quoted block became, or failing that in text another block
//!   gained in this version, they were not removed, whatever happened to their context: the
//!   occurrence whose context agrees best is taken (see `verbatim`). So a short phrase whose
//!   own occurrence went but which stands elsewhere in the same paragraph is placed there; a
//!   reader sees the words they quoted, which is better than being told they are gone.

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::{BlockMatch, Provenance, VersionMatch};
use crate::document::{BlockId, Document};
use std::ops::Range;

use crate::text::offsets::Offsets;
use crate::text::tokens::{Word, words};

/// Characters of context taken on each side by [`TextQuote::from_selection`], before trimming
/// to whole words.
pub const CONTEXT_CHARS: usize = 32;
/// The longest quote accepted: a comment is about a passage, not a chapter.
pub const MAX_EXACT_CHARS: usize = 2_000;
/// The longest prefix or suffix accepted from elsewhere (such as another annotation tool).
pub const MAX_CONTEXT_CHARS: usize = 256;

/// Share of the context (by weight) that must agree for a short exact match in the expected
/// block(s); below it the quoted occurrence is probably gone and the match is another one.
pub const CONTEXT_EXPECTED: f64 = 0.3;
/// Share of the context that must agree for any match outside the expected block(s). Text
/// that moved to another paragraph takes its own sentence along, so its context agrees.
pub const CONTEXT_ELSEWHERE: f64 = 0.75;
/// The mean of score and context agreement needed in the expected block(s): a place where
/// only half the quote's words and half its context are found is a guess.
pub const CONFIDENCE_EXPECTED: f64 = 0.65;
/// Word-level Dice score of quote and found text needed in the expected block(s).
pub const FUZZY_EXPECTED: f64 = 0.5;
/// Word-level Dice score needed outside the expected block(s).
pub const FUZZY_ELSEWHERE: f64 = 0.75;
/// In the expected block(s), a place whose context agrees this well (on the sides the quote
/// has) is the quote's place even if only [`FOUND_WITH_CONTEXT`] of the quote's weight is
/// left there: the words in between are what the quote was edited into.
pub const STRONG_CONTEXT: f64 = 0.6;
/// See [`STRONG_CONTEXT`].
pub const FOUND_WITH_CONTEXT: f64 = 0.4;
/// A distinctive quote (≥ 4 words and ≥ 20 characters) found in the expected block(s) with at
/// least this score needs no context: its own words place it.
pub const DISTINCTIVE_SCORE: f64 = 0.6;
/// The weight of a block edge standing in for an empty prefix or suffix (a word of four
/// letters), and how many words may have been written before (after) the quote at the
/// block's start (end) for the edge still to agree.
pub const EDGE_WEIGHT: f64 = 4.0;
pub const EDGE_SLACK: usize = 2;
/// A quote whose words weigh less than this together ("for at", "og byde": word weights are
/// their lengths, 2 to 8) needs [`STRONG_CONTEXT`] even in the expected block(s), when found
/// only in part, or word for word but common ([`COMMON_BLOCKS`]) or repeated in the block.
pub const WEAK_WEIGHT: f64 = 12.0;
/// A short phrase found word for word in this many blocks of the new version is common.
pub const COMMON_BLOCKS: usize = 3;
/// Places elsewhere whose confidence differs by less than this are indistinguishable.
pub const AMBIGUITY: f64 = 0.1;
/// At most this many occurrences of the quote in one block are judged by their context (those
/// with their context verbatim first). A one-letter quote occurs tens of thousands of times
/// in a long block; judging every one made a version page take seconds, and the more places
/// are tried, the likelier one of them agrees with a short context by chance. A policy
/// paragraph holds a phrase a few times, so the limit is never reached by real text.
pub const MAX_OCCURRENCES: usize = 64;

/// Why a selection or a stored quote is not a valid [`TextQuote`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum QuoteError {
    #[error("the quote is empty")]
    Empty,
    #[error("a quote has at most {max} characters")]
    TooLong { max: usize },
    #[error("prefix and suffix have at most {max} characters each")]
    ContextTooLong { max: usize },
    #[error("the selection ends before it starts")]
    Reversed,
    #[error("the selection reaches beyond the text")]
    OutOfRange,
}

/// Quoted text with its context, as in the W3C TextQuoteSelector.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "RawTextQuote")]
pub struct TextQuote {
    exact: String,
    prefix: String,
    suffix: String,
}

#[derive(Deserialize)]
struct RawTextQuote {
    exact: String,
    #[serde(default)]
    prefix: String,
    #[serde(default)]
    suffix: String,
}

impl TryFrom<RawTextQuote> for TextQuote {
    type Error = QuoteError;

    fn try_from(raw: RawTextQuote) -> Result<Self, Self::Error> {
        TextQuote::new(raw.exact, raw.prefix, raw.suffix)
    }
}

impl TextQuote {
    /// A quote from its parts, as stored or received.
    pub fn new(exact: String, prefix: String, suffix: String) -> Result<Self, QuoteError> {
        if exact.trim().is_empty() {
            return Err(QuoteError::Empty);
        }
        if exact.chars().count() > MAX_EXACT_CHARS {
            return Err(QuoteError::TooLong {
                max: MAX_EXACT_CHARS,
            });
        }
        if prefix.chars().count() > MAX_CONTEXT_CHARS || suffix.chars().count() > MAX_CONTEXT_CHARS
        {
            return Err(QuoteError::ContextTooLong {
                max: MAX_CONTEXT_CHARS,
            });
        }
        Ok(TextQuote {
            exact,
            prefix,
            suffix,
        })
    }

    /// The quote of characters `start..end` of a block's `text` (char offsets). Whitespace at
    /// the ends of the selection is left out; the context is up to [`CONTEXT_CHARS`]
    /// characters each side, without a cut-off word at its far end.
    pub fn from_selection(text: &str, start: usize, end: usize) -> Result<Self, QuoteError> {
        let chars: Vec<char> = text.chars().collect();
        if start > end {
            return Err(QuoteError::Reversed);
        }
        if end > chars.len() {
            return Err(QuoteError::OutOfRange);
        }
        let (mut start, mut end) = (start, end);
        while start < end && chars[start].is_whitespace() {
            start += 1;
        }
        while end > start && chars[end - 1].is_whitespace() {
            end -= 1;
        }
        if start == end {
            return Err(QuoteError::Empty);
        }
        if end - start > MAX_EXACT_CHARS {
            return Err(QuoteError::TooLong {
                max: MAX_EXACT_CHARS,
            });
        }

        let mut from = start.saturating_sub(CONTEXT_CHARS);
        if from > 0 && chars[from - 1].is_alphanumeric() && chars[from].is_alphanumeric() {
            while from < start && !chars[from].is_whitespace() {
                from += 1;
            }
        }
        while from < start && chars[from].is_whitespace() {
            from += 1;
        }
        let mut to = (end + CONTEXT_CHARS).min(chars.len());
        if to < chars.len() && chars[to - 1].is_alphanumeric() && chars[to].is_alphanumeric() {
            while to > end && !chars[to - 1].is_whitespace() {
                to -= 1;
            }
        }
        while to > end && chars[to - 1].is_whitespace() {
            to -= 1;
        }
        let collect = |range: std::ops::Range<usize>| chars[range].iter().collect::<String>();
        Ok(TextQuote {
            exact: collect(start..end),
            prefix: collect(from..start),
            suffix: collect(end..to),
        })
    }

    pub fn exact(&self) -> &str {
        &self.exact
    }

    pub fn prefix(&self) -> &str {
        &self.prefix
    }

    pub fn suffix(&self) -> &str {
        &self.suffix
    }
}

/// Where a quote is in the new version. Offsets are char offsets in the block's `text`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum QuoteAnchor {
    /// The quoted text, character for character.
    Exact {
        block: BlockId,
        start: usize,
        end: usize,
    },
    /// Text that was edited since: `now` is what stands at `start..end` today, `score` its
    /// word-level similarity to the quote (0–1).
    Fuzzy {
        block: BlockId,
        start: usize,
        end: usize,
        now: String,
        score: f32,
    },
    /// The quoted words are no longer in the text (or cannot be told apart from others).
    Removed,
}

/// Finds `quote`, made on the block `original_block` of the previous version, in `new`.
///
/// `matching` must be the match of the previous version to `new` (`new` as parsed or as
/// returned by [`super::carry_ids`]); the block ids in the answer are `matching`'s durable ids.
pub fn anchor_quote(
    quote: &TextQuote,
    original_block: &BlockId,
    new: &Document,
    matching: &VersionMatch,
) -> QuoteAnchor {
    let mut pattern = Pattern::new(quote);
    let blocks: Vec<(&BlockMatch, &str)> = matching
        .blocks
        .iter()
        .zip(new.blocks())
        .map(|(m, b)| (m, b.text.as_str()))
        .collect();
    let successors: Vec<usize> = (0..blocks.len())
        .filter(|&k| blocks[k].0.provenance.sources().contains(original_block))
        .collect();
    match by_rules(&mut pattern, quote, original_block, &blocks, &successors) {
        QuoteAnchor::Removed => verbatim(&pattern, &blocks, &successors),
        found => found,
    }
}

/// The rules of the module comment, before the last resort of [`verbatim`].
fn by_rules(
    pattern: &mut Pattern<'_>,
    quote: &TextQuote,
    original_block: &BlockId,
    blocks: &[(&BlockMatch, &str)],
    successors: &[usize],
) -> QuoteAnchor {
    let expected = |m: &BlockMatch| m.provenance.sources().contains(original_block);
    // A short phrase found in several blocks ("for at") may be found again after its own
    // occurrence was deleted; only context can place it then.
    pattern.common = pattern.short
        && blocks
            .iter()
            .filter(|(_, text)| text.contains(quote.exact()))
            .take(COMMON_BLOCKS)
            .count()
            >= COMMON_BLOCKS;

    let mut best: Option<(Hit, &BlockMatch, &str)> = None;
    for (n, &k) in successors.iter().enumerate() {
        let (m, text) = blocks[k];
        let around = surroundings(blocks, successors, n);
        if let Some(hit) = pattern.search(text, Scope::Expected, &around)
            && best
                .as_ref()
                .is_none_or(|(b, _, _)| hit.confidence() > b.confidence())
        {
            best = Some((hit, m, text));
        }
    }
    if let Some((hit, m, text)) = best {
        return hit.anchor(&m.id, text);
    }

    if !pattern.has_context() {
        return QuoteAnchor::Removed;
    }
    // Text that moved into another block is new text there, so a place elsewhere counts only
    // inside the text that block gained ([`BlockMatch::inserted`]). Places in text a block
    // already had are searched too, but only as rivals: the phrase stood there before (a
    // policy repeats its own phrases), and if such a place is about as good, nobody can tell
    // which occurrence the comment meant.
    let mut hits: Vec<(Hit, &BlockMatch, &str, bool)> = blocks
        .iter()
        .filter(|(m, _)| !expected(m))
        .filter(|(_, text)| pattern.may_occur_in(text))
        .filter_map(|&(m, text)| {
            let hit = pattern.search(text, Scope::Elsewhere, &Around::default())?;
            let new_text = mostly_inserted(&hit, m, text);
            Some((hit, m, text, new_text))
        })
        .collect();
    hits.sort_by(|a, b| b.0.confidence().total_cmp(&a.0.confidence()));
    match hits.as_slice() {
        [] => QuoteAnchor::Removed,
        [(first, ..), (second, ..), ..] if first.confidence() - second.confidence() < AMBIGUITY => {
            QuoteAnchor::Removed
        }
        [(hit, m, text, true), ..] => hit.anchor(&m.id, text),
        [..] => QuoteAnchor::Removed,
    }
}

/// The last resort before `Removed`: the quote's exact words, character for character, in
/// one of the blocks the quoted block became, else in text another block gained in this
/// version; the occurrence whose context agrees best, the first on a tie. Words that are
/// still there verbatim were not removed, whatever happened around them (a list item merged
/// into its neighbour with both lightly edited leaves a quoted word standing while its
/// context changed on both sides).
fn verbatim(
    pattern: &Pattern<'_>,
    blocks: &[(&BlockMatch, &str)],
    successors: &[usize],
) -> QuoteAnchor {
    let mut best: Option<(Hit, usize)> = None;
    let consider =
        |best: &mut Option<(Hit, usize)>, k: usize, around: &Around, gained_only: bool| {
            let (m, text) = blocks[k];
            if !text.contains(pattern.exact) {
                return;
            }
            let text_words = words(text);
            for at in pattern.occurrences(text) {
                let bytes = at..at + pattern.exact.len();
                let context = pattern.context(&text_words, &bytes, around);
                let hit = Hit {
                    bytes,
                    exact: true,
                    score: 1.0,
                    found: 1.0,
                    repeated: false,
                    context,
                };
                if gained_only && !mostly_inserted(&hit, m, text) {
                    continue;
                }
                if best
                    .as_ref()
                    .is_none_or(|(b, _)| hit.context.unwrap_or(0.0) > b.context.unwrap_or(0.0))
                {
                    *best = Some((hit, k));
                }
            }
        };
    for (n, &k) in successors.iter().enumerate() {
        consider(&mut best, k, &surroundings(blocks, successors, n), false);
    }
    if best.is_none() {
        for k in (0..blocks.len()).filter(|k| !successors.contains(k)) {
            consider(&mut best, k, &Around::default(), true);
        }
    }
    match best {
        Some((hit, k)) => hit.anchor(&blocks[k].0.id, blocks[k].1),
        None => QuoteAnchor::Removed,
    }
}

/// What lies around one of the blocks the quoted block became, for judging context there.
#[derive(Debug, Default)]
struct Around {
    /// Words (lower case) of the piece just before, when the quoted block was split and the
    /// quote's prefix may now end the previous piece.
    before: Vec<String>,
    /// Words of the piece just after.
    after: Vec<String>,
    /// Whether the start of this block is where the quoted block started, so that an empty
    /// prefix (a quote at the start of its block) can be checked. Not so in a merged block.
    start_is_edge: bool,
    end_is_edge: bool,
}

/// The surroundings of `successors[n]` (indices into `blocks`, in document order).
fn surroundings(blocks: &[(&BlockMatch, &str)], successors: &[usize], n: usize) -> Around {
    let k = successors[n];
    let lower = |k: usize| -> Vec<String> {
        blocks
            .get(k)
            .map(|(_, text)| words(text).into_iter().map(|w| w.lower).collect())
            .unwrap_or_default()
    };
    match blocks[k].0.provenance {
        Provenance::MergedFrom { .. } => Around::default(),
        Provenance::SplitFrom { .. } => {
            let previous = n.checked_sub(1).map(|p| successors[p]);
            let next = successors.get(n + 1).copied();
            Around {
                before: previous
                    .filter(|&p| p + 1 == k)
                    .map(lower)
                    .unwrap_or_default(),
                after: next.filter(|&x| x == k + 1).map(lower).unwrap_or_default(),
                start_is_edge: n == 0,
                end_is_edge: n + 1 == successors.len(),
            }
        }
        _ => Around {
            start_is_edge: true,
            end_is_edge: true,
            ..Around::default()
        },
    }
}

/// Whether at least half of the place found lies in text the block gained in this version.
fn mostly_inserted(hit: &Hit, block: &BlockMatch, text: &str) -> bool {
    let offsets = Offsets::new(text);
    let start = offsets.char_of(hit.bytes.start);
    let end = offsets.char_of(hit.bytes.end);
    let inside: usize = block
        .inserted
        .iter()
        .map(|r| end.min(r.end).saturating_sub(start.max(r.start)))
        .sum();
    end > start && 2 * inside >= end - start
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scope {
    /// The block(s) the quoted block became.
    Expected,
    Elsewhere,
}

/// A place found for the quote in one block.
#[derive(Debug, Clone)]
struct Hit {
    /// Byte range in the block text.
    bytes: Range<usize>,
    exact: bool,
    /// Word-level similarity of the quote and the found text.
    score: f64,
    /// Share of the quote's weight found there.
    found: f64,
    /// The quote occurs more than once in the block, word for word.
    repeated: bool,
    /// Agreement of the context, if the quote has any.
    context: Option<f64>,
}

impl Hit {
    fn confidence(&self) -> f64 {
        0.7 * self.score + 0.3 * self.context.unwrap_or(1.0)
    }

    fn anchor(&self, block: &BlockId, text: &str) -> QuoteAnchor {
        let offsets = Offsets::new(text);
        let start = offsets.char_of(self.bytes.start);
        let end = offsets.char_of(self.bytes.end);
        if self.exact {
            QuoteAnchor::Exact {
                block: block.clone(),
                start,
                end,
            }
        } else {
            QuoteAnchor::Fuzzy {
                block: block.clone(),
                start,
                end,
                now: text.get(self.bytes.clone()).unwrap_or_default().to_owned(),
                score: self.score as f32,
            }
        }
    }
}

/// Which part of the quote a word belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Prefix,
    Exact,
    Suffix,
}

#[derive(Debug, Clone)]
struct PatternWord {
    lower: String,
    weight: f64,
    role: Role,
}

/// A quote made ready for searching.
struct Pattern<'q> {
    exact: &'q str,
    prefix: &'q str,
    suffix: &'q str,
    words: Vec<PatternWord>,
    prefix_len: usize,
    exact_len: usize,
    /// Parts of the quote's longest words, one of which a block must contain to be worth
    /// aligning against outside the expected blocks.
    keys: Vec<String>,
    distinctive: bool,
    /// Made of a few short words only (total weight below [`WEAK_WEIGHT`]).
    short: bool,
    /// Short, and found in [`COMMON_BLOCKS`] or more blocks of the new version.
    common: bool,
}

/// Longer words carry more meaning than "og" and "at"; the weight stands in for rarity, which
/// a single quote cannot measure.
fn weight(word: &str) -> f64 {
    word.chars().count().clamp(2, 8) as f64
}

/// 1 for the same word, 0.6 for two forms of one word ("borger", "borgerne"), else 0.
fn word_similarity(a: &str, b: &str) -> f64 {
    if a == b {
        return 1.0;
    }
    let common = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    let shorter = a.chars().count().min(b.chars().count());
    if common >= 4 && common * 5 >= shorter * 3 {
        0.6
    } else {
        0.0
    }
}

/// Alignment scores per unit of weight: a found word earns its weight (times its
/// similarity); a replaced, missing or extra word costs about half of one.
const SUBSTITUTE: f64 = 0.5;
const MISSING: f64 = 0.6;
const EXTRA: f64 = 0.4;

impl<'q> Pattern<'q> {
    fn new(quote: &'q TextQuote) -> Self {
        let part = |text: &str, role: Role| -> Vec<PatternWord> {
            words(text)
                .into_iter()
                .map(|w| PatternWord {
                    weight: weight(&w.lower),
                    lower: w.lower,
                    role,
                })
                .collect()
        };
        let prefix = part(&quote.prefix, Role::Prefix);
        let exact = part(&quote.exact, Role::Exact);
        let suffix = part(&quote.suffix, Role::Suffix);
        let mut longest: Vec<&PatternWord> = exact.iter().collect();
        longest.sort_by_key(|w| std::cmp::Reverse(w.lower.chars().count()));
        let keys = longest
            .iter()
            .take(3)
            .map(|w| {
                // Without the first letter, so a capital at the start of a sentence still
                // matches; the keys are only a cheap filter.
                let mut chars = w.lower.chars();
                if w.lower.chars().count() >= 4 {
                    chars.next();
                }
                chars.as_str().to_owned()
            })
            .collect();
        let distinctive = exact.len() >= 4 && quote.exact.chars().count() >= 20;
        let short = exact.iter().map(|w| w.weight).sum::<f64>() < WEAK_WEIGHT;
        Pattern {
            exact: &quote.exact,
            prefix: &quote.prefix,
            suffix: &quote.suffix,
            prefix_len: prefix.len(),
            exact_len: exact.len(),
            words: prefix.into_iter().chain(exact).chain(suffix).collect(),
            keys,
            distinctive,
            short,
            common: false,
        }
    }

    fn has_context(&self) -> bool {
        self.words.len() > self.exact_len
    }

    fn may_occur_in(&self, text: &str) -> bool {
        if text.contains(self.exact) {
            return true;
        }
        let lower = text.to_lowercase();
        self.keys.iter().any(|k| lower.contains(k.as_str()))
    }

    /// Whether a hit needs strong context because the quote is short: a short quote found
    /// word for word counts as weak if the phrase is common in the policy or repeated in the
    /// block; a short quote found only in part always does.
    fn weak(&self, hit: &Hit) -> bool {
        self.short && (!hit.exact || self.common || hit.repeated)
    }

    /// Whether a place found in a block is good enough to name (see the module comment).
    fn accept(&self, hit: &Hit, scope: Scope) -> bool {
        match (scope, hit.context) {
            (Scope::Expected, None) => hit.score >= FUZZY_EXPECTED,
            // "for at" occurs many times in a policy, and a few short words are easily found
            // near each other: only the context can place them.
            (Scope::Expected, Some(c)) if self.weak(hit) => {
                c >= STRONG_CONTEXT
                    && (hit.score >= FUZZY_EXPECTED || hit.found >= FOUND_WITH_CONTEXT)
            }
            (Scope::Expected, Some(c)) => {
                (hit.score >= FUZZY_EXPECTED
                    && c >= CONTEXT_EXPECTED
                    && (hit.score + c) / 2.0 >= CONFIDENCE_EXPECTED)
                    || (hit.found >= FOUND_WITH_CONTEXT && c >= STRONG_CONTEXT)
                    || (self.distinctive && hit.score >= DISTINCTIVE_SCORE)
            }
            (Scope::Elsewhere, None) => false,
            (Scope::Elsewhere, Some(c)) => c >= CONTEXT_ELSEWHERE && hit.score >= FUZZY_ELSEWHERE,
        }
    }

    fn search(&self, text: &str, scope: Scope, around: &Around) -> Option<Hit> {
        let text_words = words(text);
        // Exact occurrences, the one with the best context first.
        let mut best: Option<Hit> = None;
        let repeated = text.match_indices(self.exact).nth(1).is_some();
        for at in self.occurrences(text) {
            let bytes = at..at + self.exact.len();
            let context = self.context(&text_words, &bytes, around);
            if best
                .as_ref()
                .is_none_or(|b| context.unwrap_or(1.0) > b.context.unwrap_or(1.0))
            {
                best = Some(Hit {
                    bytes,
                    exact: true,
                    score: 1.0,
                    found: 1.0,
                    repeated,
                    context,
                });
            }
        }
        if let Some(hit) = best
            && self.accept(&hit, scope)
        {
            return Some(hit);
        }
        if self.exact_len == 0 {
            return None;
        }
        let hit = self.align(text, &text_words, around)?;
        self.accept(&hit, scope).then_some(hit)
    }

    /// Byte offsets in `text` of the occurrences of the quote worth judging: first those with
    /// their context still next to them character for character (found by plain string
    /// search, so at any distance into the block), then the others in text order, at most
    /// [`MAX_OCCURRENCES`] in all.
    fn occurrences(&self, text: &str) -> Vec<usize> {
        let mut out: Vec<usize> = Vec::new();
        let with_context = [
            (
                format!("{}{}{}", self.prefix, self.exact, self.suffix),
                self.prefix.len(),
            ),
            (format!("{}{}", self.prefix, self.exact), self.prefix.len()),
            (format!("{}{}", self.exact, self.suffix), 0),
        ];
        for (needle, offset) in &with_context {
            if needle.len() == self.exact.len() {
                continue;
            }
            if let Some(at) = text.find(needle.as_str()) {
                out.push(at + offset);
            }
        }
        for (at, _) in text.match_indices(self.exact) {
            if out.len() >= MAX_OCCURRENCES {
                break;
            }
            if !out.contains(&at) {
                out.push(at);
            }
        }
        out
    }

    /// How well the words right before and after `bytes` agree with the quote's context: the
    /// weight of their common subsequence with the prefix (and suffix) words, within a window
    /// two words longer than the prefix (suffix), over the context's whole weight. The window
    /// reaches into the neighbouring piece of a split block (`around`).
    ///
    /// An empty prefix means the quote began its block ([`TextQuote::from_selection`] takes
    /// context wherever there is text), so where this block's start is that block's start, it
    /// agrees with a place at most [`EDGE_SLACK`] words from the start and disagrees elsewhere;
    /// the same for an empty suffix and the end. `None` if there is nothing to judge by.
    fn context(&self, text_words: &[Word], bytes: &Range<usize>, around: &Around) -> Option<f64> {
        let prefix = &self.words[..self.prefix_len];
        let suffix = &self.words[self.prefix_len + self.exact_len..];
        // The words lie in text order, so those before and after the place are found by
        // binary search: judging one occurrence costs the size of the windows, not the block.
        let before_end = text_words.partition_point(|w| w.bytes.end <= bytes.start);
        let after_start = text_words.partition_point(|w| w.bytes.start < bytes.end);
        let inside_before = before_end;
        let inside_after = text_words.len().saturating_sub(after_start);
        let window_before_len = prefix.len() + 2;
        let window_after_len = suffix.len() + 2;
        let own_before = &text_words[before_end.saturating_sub(window_before_len)..before_end];
        let missing_before = window_before_len.saturating_sub(own_before.len());
        let window_before: Vec<&str> = around.before
            [around.before.len().saturating_sub(missing_before)..]
            .iter()
            .map(String::as_str)
            .chain(own_before.iter().map(|w| w.lower.as_str()))
            .collect();
        let after_start = after_start.min(text_words.len());
        let own_after =
            &text_words[after_start..(after_start + window_after_len).min(text_words.len())];
        let missing_after = window_after_len.saturating_sub(own_after.len());
        let window_after: Vec<&str> = own_after
            .iter()
            .map(|w| w.lower.as_str())
            .chain(around.after.iter().take(missing_after).map(String::as_str))
            .collect();
        let side = |context: &[PatternWord], words: &[&str], edge: Option<bool>| -> (f64, f64) {
            if context.is_empty() {
                return match edge {
                    Some(near) => (EDGE_WEIGHT, if near { EDGE_WEIGHT } else { 0.0 }),
                    None => (0.0, 0.0),
                };
            }
            let total: f64 = context.iter().map(|w| w.weight).sum();
            (total, common_weight(context, words))
        };
        let start_edge = around.start_is_edge.then_some(inside_before <= EDGE_SLACK);
        let end_edge = around.end_is_edge.then_some(inside_after <= EDGE_SLACK);
        let (p_total, p_found) = side(prefix, &window_before, start_edge);
        let (s_total, s_found) = side(suffix, &window_after, end_edge);
        let total = p_total + s_total;
        (total > 0.0).then(|| (p_found + s_found) / total)
    }

    /// The best place for the whole pattern in `text`: a semi-global alignment in which the
    /// quote's words must all be accounted for, while context words may be left off at the
    /// far ends, so an edited context costs nothing and a matching one helps to choose among
    /// repeated phrases.
    fn align(&self, text: &str, text_words: &[Word], around: &Around) -> Option<Hit> {
        let pattern = &self.words;
        let (l, n) = (pattern.len(), text_words.len());
        let width = n + 1;
        let exact_from = self.prefix_len;
        let exact_to = self.prefix_len + self.exact_len;
        let mut score = vec![f64::NEG_INFINITY; (l + 1) * width];
        let mut step = vec![Step::Start; (l + 1) * width];
        score[..width].fill(0.0);
        for i in 1..=l {
            let word = &pattern[i - 1];
            for j in 0..=n {
                let mut best = if i <= exact_from {
                    (0.0, Step::Start)
                } else {
                    (f64::NEG_INFINITY, Step::Start)
                };
                let up = score[(i - 1) * width + j] - MISSING * word.weight;
                if up > best.0 {
                    best = (up, Step::Missing);
                }
                if j > 0 {
                    let t = &text_words[j - 1];
                    let sim = word_similarity(&word.lower, &t.lower);
                    let gain = if sim > 0.0 {
                        word.weight * sim
                    } else {
                        -SUBSTITUTE * word.weight
                    };
                    let diag = score[(i - 1) * width + j - 1] + gain;
                    if diag > best.0 {
                        best = (diag, Step::Pair);
                    }
                    let left = score[i * width + j - 1] - EXTRA * weight(&t.lower);
                    if left > best.0 {
                        best = (left, Step::Extra);
                    }
                }
                score[i * width + j] = best.0;
                step[i * width + j] = best.1;
            }
        }
        // End anywhere from the end of the quote through the suffix.
        let mut end = (f64::NEG_INFINITY, 0, 0);
        for i in exact_to..=l {
            for j in 0..=n {
                if score[i * width + j] > end.0 {
                    end = (score[i * width + j], i, j);
                }
            }
        }
        let (_, mut i, mut j) = end;
        let mut span: Option<(usize, usize)> = None;
        let mut found = 0.0;
        let include = |span: &mut Option<(usize, usize)>, j: usize| {
            *span = Some(span.map_or((j, j), |(a, b)| (a.min(j), b.max(j))));
        };
        while i > 0 {
            match step[i * width + j] {
                Step::Start => break,
                Step::Missing => i -= 1,
                Step::Pair => {
                    let word = &pattern[i - 1];
                    let sim = word_similarity(&word.lower, &text_words[j - 1].lower);
                    if word.role == Role::Exact {
                        include(&mut span, j - 1);
                        found += word.weight * sim;
                    }
                    i -= 1;
                    j -= 1;
                }
                Step::Extra => {
                    // A word inserted inside the quote belongs to what the quote says now.
                    if i > exact_from && i < exact_to {
                        include(&mut span, j - 1);
                    }
                    j -= 1;
                }
            }
        }
        let (first, last) = span?;
        let exact_weight: f64 = pattern[exact_from..exact_to].iter().map(|w| w.weight).sum();
        let span_weight: f64 = text_words[first..=last]
            .iter()
            .map(|w| weight(&w.lower))
            .sum();
        let score = 2.0 * found / (exact_weight + span_weight);
        let bytes = text_words[first].bytes.start..text_words[last].bytes.end;
        // Context is judged next to the place found, as for an exact occurrence: the
        // alignment may reach a suffix several words away, which is not agreement.
        let context = self.context(text_words, &bytes, around);
        // The alignment works on words; if the quote is there character for character after
        // all (with its punctuation), say so.
        let exact = text
            .get(bytes.start..)
            .is_some_and(|rest| rest.starts_with(self.exact));
        let bytes = if exact {
            bytes.start..bytes.start + self.exact.len()
        } else {
            bytes
        };
        Some(Hit {
            bytes,
            exact,
            score: if exact { 1.0 } else { score },
            found: if exact { 1.0 } else { found / exact_weight },
            repeated: false,
            context,
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Start,
    Pair,
    Missing,
    Extra,
}

/// The weight of the longest common subsequence of `pattern` and `text` (with partial credit
/// for word forms), for context agreement.
fn common_weight(pattern: &[PatternWord], text: &[&str]) -> f64 {
    let width = text.len() + 1;
    let mut table = vec![0.0f64; (pattern.len() + 1) * width];
    for (i, p) in pattern.iter().enumerate() {
        for (j, t) in text.iter().enumerate() {
            let pair = table[i * width + j] + p.weight * word_similarity(&p.lower, t);
            let skip = table[i * width + j + 1].max(table[(i + 1) * width + j]);
            table[(i + 1) * width + j + 1] = pair.max(skip);
        }
    }
    table[pattern.len() * width + text.len()]
}
