//! Journal numbers: how a municipality numbers the documents of a case (the høringsnotat, a
//! høringssvar journaled on the case), set once per installation as a pattern such as
//! `{case}-{n:04}`.

use std::fmt;

use serde::{Deserialize, Serialize};
use thiserror::Error;

/// One part of a pattern.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Piece {
    Literal(String),
    Case,
    Year,
    /// The running number, zero-padded to `width` digits (0: as it is).
    N {
        width: usize,
    },
}

/// A parsed journal-number pattern. Placeholders: `{case}` (the case's number in the
/// municipality's records), `{year}`, `{n}` (the running number) and `{n:0W}` (the running
/// number zero-padded to W digits, 1–9). Everything else is literal.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct JournalPattern {
    source: String,
    pieces: Vec<Piece>,
}

/// Why a text is not a journal-number pattern. Offsets are byte offsets into the pattern.
#[derive(Debug, Clone, PartialEq, Eq, Error, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum JournalPatternError {
    #[error("the pattern is empty")]
    Empty,
    #[error("unknown placeholder {{{name}}} at byte {at}")]
    UnknownPlaceholder { name: String, at: usize },
    /// A `{` never closed, a `}` never opened, or a `{` inside a placeholder.
    #[error("unbalanced brace at byte {at}")]
    Unbalanced { at: usize },
    /// Without `{n}` every document of a case would get the same number.
    #[error("the pattern has no running number {{n}}")]
    NoNumber,
}

impl JournalPatternError {
    pub fn code(&self) -> &'static str {
        match self {
            Self::Empty => "empty",
            Self::UnknownPlaceholder { .. } => "unknown_placeholder",
            Self::Unbalanced { .. } => "unbalanced",
            Self::NoNumber => "no_number",
        }
    }
}

impl JournalPattern {
    pub fn parse(pattern: &str) -> Result<Self, JournalPatternError> {
        if pattern.trim().is_empty() {
            return Err(JournalPatternError::Empty);
        }
        let mut pieces = Vec::new();
        let mut literal = String::new();
        let mut open: Option<usize> = None;
        for (i, c) in pattern.char_indices() {
            match (c, open) {
                ('{', None) => open = Some(i),
                ('{', Some(_)) => return Err(JournalPatternError::Unbalanced { at: i }),
                ('}', None) => return Err(JournalPatternError::Unbalanced { at: i }),
                ('}', Some(start)) => {
                    let name = pattern.get(start + 1..i).unwrap_or_default();
                    let piece = placeholder(name).ok_or_else(|| {
                        JournalPatternError::UnknownPlaceholder {
                            name: name.to_owned(),
                            at: start,
                        }
                    })?;
                    if !literal.is_empty() {
                        pieces.push(Piece::Literal(std::mem::take(&mut literal)));
                    }
                    pieces.push(piece);
                    open = None;
                }
                (c, None) => literal.push(c),
                (_, Some(_)) => {}
            }
        }
        if let Some(at) = open {
            return Err(JournalPatternError::Unbalanced { at });
        }
        if !literal.is_empty() {
            pieces.push(Piece::Literal(literal));
        }
        if !pieces.iter().any(|p| matches!(p, Piece::N { .. })) {
            return Err(JournalPatternError::NoNumber);
        }
        Ok(Self {
            source: pattern.to_owned(),
            pieces,
        })
    }

    /// The journal number of document `n` of case `case` in `year`. A number wider than the
    /// padding is written in full rather than cut.
    pub fn format(&self, case: &str, year: i16, n: u64) -> String {
        let mut out = String::new();
        for piece in &self.pieces {
            match piece {
                Piece::Literal(s) => out.push_str(s),
                Piece::Case => out.push_str(case.trim()),
                Piece::Year => out.push_str(&year.to_string()),
                Piece::N { width } => out.push_str(&format!("{n:0width$}")),
            }
        }
        out
    }

    pub fn as_str(&self) -> &str {
        &self.source
    }
}

fn placeholder(name: &str) -> Option<Piece> {
    match name {
        "case" => Some(Piece::Case),
        "year" => Some(Piece::Year),
        "n" => Some(Piece::N { width: 0 }),
        _ => {
            let width = name.strip_prefix("n:0")?;
            match width.as_bytes() {
                [d @ b'1'..=b'9'] => Some(Piece::N {
                    width: usize::from(d - b'0'),
                }),
                _ => None,
            }
        }
    }
}

impl fmt::Display for JournalPattern {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.source)
    }
}

impl TryFrom<String> for JournalPattern {
    type Error = JournalPatternError;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<JournalPattern> for String {
    fn from(value: JournalPattern) -> Self {
        value.source
    }
}
