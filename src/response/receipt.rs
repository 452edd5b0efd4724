//! Receipt numbers: the code a citizen gets for a stored høringssvar and can quote later.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use thiserror::Error;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Error, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReceiptNumberError {
    #[error("a receipt number looks like H-2026-000123")]
    Syntax,
    #[error("the year must have four digits")]
    Year,
    #[error("the sequence number must be at least 1")]
    Sequence,
}

/// "H-2026-000123": the year the response was received and its sequence number (the stored
/// response's id), padded to six digits so that receipts of one year line up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct ReceiptNumber {
    year: i16,
    sequence: u64,
}

impl ReceiptNumber {
    pub fn new(year: i16, sequence: u64) -> Result<Self, ReceiptNumberError> {
        if !(1000..=9999).contains(&year) {
            return Err(ReceiptNumberError::Year);
        }
        if sequence == 0 {
            return Err(ReceiptNumberError::Sequence);
        }
        Ok(ReceiptNumber { year, sequence })
    }

    /// The receipt of the stored response `id`, received at `created_at` (Unix seconds): the
    /// year is Copenhagen's, so a response sent just after midnight on New Year counts in the
    /// new year.
    pub fn for_response(id: i64, created_at: i64) -> Option<Self> {
        let sequence = u64::try_from(id).ok()?;
        Self::new(crate::calendar::local_year(created_at), sequence).ok()
    }

    pub fn year(&self) -> i16 {
        self.year
    }

    pub fn sequence(&self) -> u64 {
        self.sequence
    }
}

impl fmt::Display for ReceiptNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "H-{}-{:06}", self.year, self.sequence)
    }
}

/// Accepts what people type when they quote a receipt: surrounding spaces, a lowercase `h`,
/// and fewer or more digits than the padding.
impl FromStr for ReceiptNumber {
    type Err = ReceiptNumberError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        let rest = s
            .strip_prefix("H-")
            .or_else(|| s.strip_prefix("h-"))
            .ok_or(ReceiptNumberError::Syntax)?;
        let (year, sequence) = rest.split_once('-').ok_or(ReceiptNumberError::Syntax)?;
        let digits = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
        if !digits(year) || !digits(sequence) || sequence.len() > 20 {
            return Err(ReceiptNumberError::Syntax);
        }
        if year.len() != 4 {
            return Err(ReceiptNumberError::Year);
        }
        let year = year.parse().map_err(|_| ReceiptNumberError::Year)?;
        let sequence = sequence.parse().map_err(|_| ReceiptNumberError::Sequence)?;
        ReceiptNumber::new(year, sequence)
    }
}

crate::newtype::text_serde!(ReceiptNumber: ReceiptNumberError);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_and_parse() {
        let r = ReceiptNumber::new(2026, 123).unwrap();
        assert_eq!(r.to_string(), "H-2026-000123");
        assert_eq!("H-2026-000123".parse(), Ok(r));
        assert_eq!(" h-2026-123 ".parse(), Ok(r));
        let big = ReceiptNumber::new(2026, 12_345_678).unwrap();
        assert_eq!(big.to_string(), "H-2026-12345678");
        assert_eq!(big.to_string().parse(), Ok(big));
        assert_eq!((r.year(), r.sequence()), (2026, 123));
    }

    #[test]
    fn rejects_garbage() {
        use ReceiptNumberError::*;
        for (s, e) in [
            ("", Syntax),
            ("2026-000123", Syntax),
            ("H-2026", Syntax),
            ("H-2026-", Syntax),
            ("H-2026-12a", Syntax),
            ("H-2026-+12", Syntax),
            ("X-2026-000123", Syntax),
            ("H-26-000123", Year),
            ("H-0999-000123", Year),
            ("H-2026-000000", Sequence),
            ("H-2026-99999999999999999999", Sequence),
            ("H-2026-000123-1", Syntax),
        ] {
            assert_eq!(s.parse::<ReceiptNumber>(), Err(e), "{s:?}");
        }
        assert_eq!(ReceiptNumber::new(10_000, 1), Err(Year));
        assert_eq!(ReceiptNumber::new(2026, 0), Err(Sequence));
    }
}
