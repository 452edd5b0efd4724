//! A political decision on a policy, as the minutes (referat) record it.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::stage::{Body, Stage};

/// What a committee, Økonomiudvalget or the Byråd decided at a meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    pub body: Body,
    pub meeting_date: Date,
    /// The dagsordenspunkt's number, when the agenda numbers its items.
    pub agenda_item_number: Option<u32>,
    pub agenda_item_title: String,
    /// Link to the dagsorden or referat.
    pub minutes_url: Option<String>,
    /// The version of the policy's text decided on.
    pub version: u32,
    pub outcome: Outcome,
    /// The vote, when one was taken and recorded.
    pub votes: Option<Votes>,
    pub dissents: Vec<Dissent>,
    /// The decision as the minutes word it.
    pub text: String,
}

/// The outcome of a decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// Vedtaget (by a committee: approved to go on).
    Adopted,
    /// Forkastet: the road ends here, rejected.
    Rejected,
    /// Udsat: the item comes back at a later meeting; the policy stays in its stage.
    Postponed,
    /// Sendt tilbage: the policy returns to an earlier stage and takes the road from there.
    SentBack { to: Stage },
}

impl Outcome {
    pub fn danish_name(self) -> &'static str {
        match self {
            Outcome::Adopted => "vedtaget",
            Outcome::Rejected => "forkastet",
            Outcome::Postponed => "udsat",
            Outcome::SentBack { .. } => "sendt tilbage",
        }
    }

    pub fn english_name(self) -> &'static str {
        match self {
            Outcome::Adopted => "adopted",
            Outcome::Rejected => "rejected",
            Outcome::Postponed => "postponed",
            Outcome::SentBack { .. } => "sent back",
        }
    }
}

/// A recorded vote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Votes {
    pub in_favour: u32,
    pub against: u32,
    pub abstaining: u32,
}

/// A party's or member's dissent, recorded with the decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dissent {
    pub party_or_member: String,
    pub text: String,
    pub kind: DissentKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DissentKind {
    /// Mindretalsudtalelse: a minority's statement in the decision.
    MinorityStatement,
    /// Protokoltilførsel: a remark a member has added to the minutes.
    MinutesEntry,
}

impl DissentKind {
    pub fn danish_name(self) -> &'static str {
        match self {
            DissentKind::MinorityStatement => "Mindretalsudtalelse",
            DissentKind::MinutesEntry => "Protokoltilførsel",
        }
    }

    pub fn english_name(self) -> &'static str {
        match self {
            DissentKind::MinorityStatement => "Minority statement",
            DissentKind::MinutesEntry => "Entry in the minutes",
        }
    }
}
