//! How long a hearing keeps its senders' personal data, and the day it is due for erasure.
//!
//! The municipality sets the choices (`HOERING_RETENTION_MONTHS`, e.g. `24,12,36,60`: the first
//! is the default); a clerk picks one per hearing. The months count from the Byråd's final
//! decision on the policy (adopted or rejected), or from the day the hearing closed when there
//! is no decision, so the names stay while a complaint about the decision is still possible.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A number of months personal data is kept: 1 to 120 (ten years; longer is no retention rule).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u16", into = "u16")]
pub struct RetentionMonths(u16);

impl RetentionMonths {
    pub const MAX: u16 = 120;

    pub fn new(months: u16) -> Result<Self, RetentionError> {
        if (1..=Self::MAX).contains(&months) {
            Ok(Self(months))
        } else {
            Err(RetentionError::OutOfRange(months.to_string()))
        }
    }

    pub fn get(self) -> u16 {
        self.0
    }
}

impl TryFrom<u16> for RetentionMonths {
    type Error = RetentionError;
    fn try_from(months: u16) -> Result<Self, Self::Error> {
        Self::new(months)
    }
}

impl From<RetentionMonths> for u16 {
    fn from(months: RetentionMonths) -> u16 {
        months.0
    }
}

impl std::str::FromStr for RetentionMonths {
    type Err = RetentionError;
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let text = text.trim();
        let months = text
            .parse::<u16>()
            .map_err(|_| RetentionError::OutOfRange(text.chars().take(12).collect()))?;
        Self::new(months)
    }
}

impl fmt::Display for RetentionMonths {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RetentionError {
    #[error("a retention period is a whole number of months from 1 to 120 (got {0:?})")]
    OutOfRange(String),
    #[error("no retention period given")]
    Empty,
}

/// The municipality's retention choices: the default first, then the others a clerk may pick.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RetentionChoices {
    default: RetentionMonths,
    /// Every choice, the default among them, shortest first.
    all: Vec<RetentionMonths>,
}

impl RetentionChoices {
    /// `24,12,36,60`: the first is the default.
    pub fn parse(text: &str) -> Result<Self, RetentionError> {
        let mut months = text
            .split(',')
            .filter(|part| !part.trim().is_empty())
            .map(str::parse::<RetentionMonths>);
        let default = months.next().ok_or(RetentionError::Empty)??;
        let mut all = vec![default];
        for m in months {
            all.push(m?);
        }
        all.sort();
        all.dedup();
        Ok(Self { default, all })
    }

    pub fn default_months(&self) -> RetentionMonths {
        self.default
    }

    pub fn all(&self) -> &[RetentionMonths] {
        &self.all
    }

    /// A clerk's pick, accepted only from the municipality's choices.
    pub fn pick(&self, months: RetentionMonths) -> Option<RetentionMonths> {
        self.all.contains(&months).then_some(months)
    }
}

impl Default for RetentionChoices {
    /// 24 months, as Aarhus and most Danish municipalities keep hearing responses' senders;
    /// 12, 36 and 60 for a clerk who must keep them shorter or longer.
    fn default() -> Self {
        let m = |n| RetentionMonths(n);
        Self {
            default: m(24),
            all: vec![m(12), m(24), m(36), m(60)],
        }
    }
}

/// What the months count from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "from", content = "on", rename_all = "snake_case")]
pub enum RetentionStart {
    /// The Byråd's final decision (adopted or rejected).
    Decision(Date),
    /// The hearing's last day: the policy has no decision (yet).
    HearingClosed(Date),
}

impl RetentionStart {
    /// A decision dated before the hearing closed belongs to an earlier round of the policy,
    /// so it does not count for this hearing.
    pub fn of(closed_on: Date, decided_on: Option<Date>) -> Self {
        match decided_on {
            Some(on) if on >= closed_on => Self::Decision(on),
            _ => Self::HearingClosed(closed_on),
        }
    }

    pub fn on(self) -> Date {
        match self {
            Self::Decision(on) | Self::HearingClosed(on) => on,
        }
    }

    /// The first day the personal data may no longer be kept: `months` later, on the same day
    /// of the month (the month's last day when it has fewer days).
    pub fn due(self, months: RetentionMonths) -> Date {
        let start = self.on();
        start
            .checked_add(jiff::Span::new().months(i64::from(months.get())))
            // 120 months after any date jiff accepts is beyond its range only near year 9999.
            .unwrap_or(Date::MAX)
    }
}

/// What one hearing's erasure cleared, for the journal and the dry run (counts, never content).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Erased {
    /// Responses whose sender's name and e-mail address were erased.
    pub senders: u64,
    /// Texts never published that were deleted: redacted responses' originals, and the texts
    /// senders replaced.
    pub originals: u64,
    /// Attached files renamed (a file's name often names its sender).
    pub file_names: u64,
}

impl Erased {
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;
    use proptest::prelude::*;

    #[test]
    fn the_first_choice_is_the_default_and_the_rest_are_sorted() {
        let c = RetentionChoices::parse(" 24, 12 ,60,24").unwrap();
        assert_eq!(c.default_months().get(), 24);
        let all: Vec<u16> = c.all().iter().map(|m| m.get()).collect();
        assert_eq!(all, [12, 24, 60]);
        assert_eq!(
            c.pick(RetentionMonths::new(60).unwrap()),
            RetentionMonths::new(60).ok()
        );
        assert_eq!(c.pick(RetentionMonths::new(36).unwrap()), None);
    }

    #[test]
    fn nonsense_choices_are_refused() {
        for bad in ["", "0", "121", "24,x", "-3", "24,,0", "1e3"] {
            assert!(RetentionChoices::parse(bad).is_err(), "{bad:?}");
        }
        assert!(RetentionChoices::parse("120").is_ok());
    }

    #[test]
    fn the_months_count_from_the_decision_when_there_is_one() {
        let closed = date(2026, 3, 31);
        let decided = date(2026, 6, 18);
        let months = RetentionMonths::new(24).unwrap();
        assert_eq!(
            RetentionStart::of(closed, Some(decided)).due(months),
            date(2028, 6, 18)
        );
        assert_eq!(
            RetentionStart::of(closed, None).due(months),
            date(2028, 3, 31)
        );
        // An earlier round's decision is not this hearing's.
        assert_eq!(
            RetentionStart::of(closed, Some(date(2025, 1, 1))),
            RetentionStart::HearingClosed(closed)
        );
    }

    #[test]
    fn a_month_end_stays_in_its_month() {
        let start = RetentionStart::HearingClosed(date(2026, 8, 31));
        assert_eq!(
            start.due(RetentionMonths::new(6).unwrap()),
            date(2027, 2, 28)
        );
        let leap = RetentionStart::HearingClosed(date(2028, 2, 29));
        assert_eq!(
            leap.due(RetentionMonths::new(12).unwrap()),
            date(2029, 2, 28)
        );
    }

    proptest! {
        #[test]
        fn erasure_is_never_before_the_start_nor_later_than_the_months_allow(
            days in 0i64..40_000, months in 1u16..=120,
        ) {
            let start = date(2000, 1, 1).checked_add(jiff::Span::new().days(days)).unwrap();
            let months = RetentionMonths::new(months).unwrap();
            let due = RetentionStart::HearingClosed(start).due(months);
            prop_assert!(due > start);
            // At most 31 days a month, at least 28.
            let span = start.until(due).unwrap().get_days();
            let m = i32::from(months.get());
            prop_assert!(span >= 28 * m && span <= 31 * m, "{start} + {m} = {due}");
        }
    }
}
