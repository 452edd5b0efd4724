//! Every response accounted for: a høringsnotat names each response under a point with its
//! bemærkning, as a member of a campaign, among the council responses, or in the list of
//! responses the administration set aside, with the reason a clerk chose.

use serde::{Deserialize, Serialize};

use super::RemarkTarget;

/// Why the administration wrote no bemærkning to a response.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SetAsideReason {
    /// The response is about something other than the policy in hearing.
    NotRelevant,
    /// The sender has no comments to the draft (common among the høringsliste's parties).
    NoComments,
    /// What it says is answered under a point already.
    Repeats,
    /// Withheld by moderation (offensive, or personal data of others): counted, never named.
    Withheld,
}

impl SetAsideReason {
    /// The reasons a clerk chooses from; `Withheld` follows from moderation, not from a choice.
    pub const CHOSEN: [SetAsideReason; 3] = [Self::NotRelevant, Self::NoComments, Self::Repeats];

    pub fn code(self) -> &'static str {
        match self {
            Self::NotRelevant => "not_relevant",
            Self::NoComments => "no_comments",
            Self::Repeats => "repeats",
            Self::Withheld => "withheld",
        }
    }

    /// A reason a clerk may choose, from its code.
    pub fn parse(code: &str) -> Option<Self> {
        Self::CHOSEN.into_iter().find(|r| r.code() == code.trim())
    }
}

/// A response set aside, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct SetAside {
    pub response: i64,
    pub reason: SetAsideReason,
}

/// The `responses` the notat would not account for, in the order given: neither answered by
/// a point (alone, by a passage or in a campaign: `answered`), nor a council's response, nor
/// set aside. Publishing waits until this is empty.
///
/// Every point counts, published or not: the check runs on the clerks' draft, whose points
/// are all published together.
pub fn unaccounted(
    responses: &[i64],
    answered: &[RemarkTarget],
    set_aside: &[SetAside],
    council_responses: &[i64],
) -> Vec<i64> {
    let mut handled: std::collections::HashSet<i64> =
        answered.iter().flat_map(RemarkTarget::responses).collect();
    handled.extend(set_aside.iter().map(|s| s.response));
    handled.extend(council_responses.iter().copied());
    responses
        .iter()
        .copied()
        .filter(|id| !handled.contains(id))
        .collect()
}
