//! Replacing passages of a response by a marker, and finding the passage a clerk typed.

use std::ops::Range;

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::anchoring::{QuoteInputError, locate_typed_quote};

/// What a redacted passage reads as in the published response.
pub const REDACTED: &str = "[skjult]";

/// Why a passage cannot be redacted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum RedactError {
    /// A span with nothing in it: almost certainly a slip of the caller, and redacting nothing
    /// would insert a marker where no text was.
    #[error("the passage at byte {start} is empty")]
    EmptySpan { start: usize },
    #[error("the passage ends (byte {end}) before it starts (byte {start})")]
    Reversed { start: usize, end: usize },
    #[error("the passage {start}..{end} reaches beyond the text ({len} bytes)")]
    OutOfBounds {
        start: usize,
        end: usize,
        len: usize,
    },
    #[error("byte {offset} is inside a character")]
    NotCharBoundary { offset: usize },
    /// The typed passage is empty or only whitespace.
    #[error("no passage was given")]
    Empty,
    #[error("the passage is not in the text")]
    NotFound,
    #[error("the passage is too long to be found by its words")]
    TooLong,
}

impl RedactError {
    /// The stable code a form or an API shows: "empty_span", "reversed", "out_of_bounds",
    /// "not_char_boundary", "empty", "not_found" or "too_long".
    pub fn code(self) -> &'static str {
        match self {
            RedactError::EmptySpan { .. } => "empty_span",
            RedactError::Reversed { .. } => "reversed",
            RedactError::OutOfBounds { .. } => "out_of_bounds",
            RedactError::NotCharBoundary { .. } => "not_char_boundary",
            RedactError::Empty => "empty",
            RedactError::NotFound => "not_found",
            RedactError::TooLong => "too_long",
        }
    }
}

/// `text` with every span (byte offsets) replaced by [`REDACTED`]. Spans may come in any
/// order; overlapping or touching spans become one marker, so two adjacent flags do not read
/// "[skjult][skjult]". Every span is checked before anything is replaced: one bad span fails
/// the whole call rather than publishing a half-redacted text.
pub fn redact(text: &str, spans: &[Range<usize>]) -> Result<String, RedactError> {
    for span in spans {
        let (start, end) = (span.start, span.end);
        if start > end {
            return Err(RedactError::Reversed { start, end });
        }
        if end > text.len() {
            return Err(RedactError::OutOfBounds {
                start,
                end,
                len: text.len(),
            });
        }
        if start == end {
            return Err(RedactError::EmptySpan { start });
        }
        for offset in [start, end] {
            if !text.is_char_boundary(offset) {
                return Err(RedactError::NotCharBoundary { offset });
            }
        }
    }
    let mut sorted: Vec<Range<usize>> = spans.to_vec();
    sorted.sort_by_key(|s| s.start);
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    let mut pending: Option<Range<usize>> = None;
    for span in sorted {
        match &mut pending {
            Some(current) if span.start <= current.end => current.end = current.end.max(span.end),
            _ => {
                if let Some(done) = pending.replace(span) {
                    out.push_str(&text[copied..done.start]);
                    out.push_str(REDACTED);
                    copied = done.end;
                }
            }
        }
    }
    if let Some(done) = pending {
        out.push_str(&text[copied..done.start]);
        out.push_str(REDACTED);
        copied = done.end;
    }
    out.push_str(&text[copied..]);
    Ok(out)
}

/// The byte range of the passage a clerk typed or pasted to have it redacted: found as the
/// quote field finds a citizen's quote (whitespace runs match any whitespace, case as typed
/// first, else any case), the first place it stands.
pub fn find_passage(text: &str, typed: &str) -> Result<Range<usize>, RedactError> {
    let quote = match locate_typed_quote(text, typed) {
        Ok(Some(quote)) => quote,
        Ok(None) => return Err(RedactError::Empty),
        Err(QuoteInputError::NotFound) => return Err(RedactError::NotFound),
        Err(QuoteInputError::TooLong) => return Err(RedactError::TooLong),
    };
    // The quote gives the passage in the text's own spelling but not its place; with the
    // words around it, it is found where the typed words matched.
    let exact = quote.exact();
    let around = format!("{}{}{}", quote.prefix(), exact, quote.suffix());
    let start = match text.find(&around) {
        Some(at) => at + quote.prefix().len(),
        None => text.find(exact).ok_or(RedactError::NotFound)?,
    };
    Ok(start..start + exact.len())
}
