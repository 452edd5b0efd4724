//! Publishing the høringsnotat is an act with rules: it happens once the hearing is over (a
//! notat published while responses may still arrive would be out of date the next day), and
//! it produces a numbered edition that never changes. A later change is a new edition, and a
//! revised edition says what changed and why; the first needs no such text.
//!
//! The core only decides; storing the edition's bytes and their hashes is the server's work.

use serde::{Deserialize, Serialize};

/// Why the notat cannot be published now, each with a stable `code()` the form words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditionRefusal {
    /// The hearing has not closed yet.
    HearingOpen,
    /// A revised edition must say what changed and why.
    ReasonRequired,
    /// The reason is longer than [`EditionPlan::REASON_MAX_CHARS`].
    ReasonTooLong,
}

impl EditionRefusal {
    pub fn code(self) -> &'static str {
        match self {
            Self::HearingOpen => "hearing_open",
            Self::ReasonRequired => "required",
            Self::ReasonTooLong => "too_long",
        }
    }

    /// The form field the refusal is shown by.
    pub fn field(self) -> &'static str {
        match self {
            Self::HearingOpen => "publish",
            Self::ReasonRequired | Self::ReasonTooLong => "edition_reason",
        }
    }
}

/// The edition a publication makes: its number and, for a revision, what changed and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EditionPlan {
    /// 1 for the first publication.
    pub number: u32,
    /// Empty for the first edition; for a later one, what changed and why.
    pub reason: String,
}

impl EditionPlan {
    pub const REASON_MAX_CHARS: usize = 2_000;

    /// Whether this edition revises an earlier one.
    pub fn is_revision(&self) -> bool {
        self.number > 1
    }
}

/// Whether the notat may be published `now` (Unix seconds) for a hearing whose window ends at
/// `closes_at` (the start of the day after the last day, as stored), after `published`
/// earlier editions; the reason as typed (ignored for the first edition).
pub fn plan_edition(
    closes_at: i64,
    now: i64,
    published: u32,
    reason: &str,
) -> Result<EditionPlan, EditionRefusal> {
    if now < closes_at {
        return Err(EditionRefusal::HearingOpen);
    }
    let number = published + 1;
    if number == 1 {
        return Ok(EditionPlan {
            number,
            reason: String::new(),
        });
    }
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(EditionRefusal::ReasonRequired);
    }
    if reason.chars().count() > EditionPlan::REASON_MAX_CHARS {
        return Err(EditionRefusal::ReasonTooLong);
    }
    Ok(EditionPlan {
        number,
        reason: reason.to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const CLOSES: i64 = 1_000_000;

    #[test]
    fn the_notat_waits_for_the_hearing_to_close() {
        assert_eq!(
            plan_edition(CLOSES, CLOSES - 1, 0, ""),
            Err(EditionRefusal::HearingOpen)
        );
        // The stored close is the start of the day after the last day: publishable from then.
        assert_eq!(
            plan_edition(CLOSES, CLOSES, 0, ""),
            Ok(EditionPlan {
                number: 1,
                reason: String::new()
            })
        );
    }

    #[test]
    fn a_revision_says_what_changed_and_the_first_edition_need_not() {
        assert_eq!(
            plan_edition(CLOSES, CLOSES + 10, 0, "  ignored  ").map(|p| p.reason),
            Ok(String::new())
        );
        assert_eq!(
            plan_edition(CLOSES, CLOSES + 10, 1, "   "),
            Err(EditionRefusal::ReasonRequired)
        );
        let plan = plan_edition(CLOSES, CLOSES + 10, 1, " Rettet en fejl i afsnit 2. ").unwrap();
        assert_eq!(plan.number, 2);
        assert!(plan.is_revision());
        assert_eq!(plan.reason, "Rettet en fejl i afsnit 2.");
        let long = "æ".repeat(EditionPlan::REASON_MAX_CHARS + 1);
        assert_eq!(
            plan_edition(CLOSES, CLOSES + 10, 2, &long),
            Err(EditionRefusal::ReasonTooLong)
        );
        // Counted in characters, not bytes.
        let exact = "æ".repeat(EditionPlan::REASON_MAX_CHARS);
        assert_eq!(
            plan_edition(CLOSES, CLOSES + 10, 2, &exact).map(|p| p.number),
            Ok(3)
        );
    }
}
