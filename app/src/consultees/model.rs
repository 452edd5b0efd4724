//! What the consultees pages show, as it travels from the server to the browser.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// A party on a hearing's høringsliste, as the clerk sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AdminParty {
    pub id: i64,
    pub organisation: String,
    pub contact: Option<String>,
    pub email: String,
    pub kind: hoering::consultees::PartyKind,
    pub status: hoering::consultees::PartyStatus,
    /// The days (in Copenhagen) the party was invited and reminded.
    pub invited_on: Option<Date>,
    pub reminded_on: Option<Date>,
    /// A response from the public form that looks like this party's answer, for a party with
    /// none yet: the clerk confirms it.
    pub suggestion: Option<PartySuggestion>,
}

/// A response suggested as a party's answer (by its organisation's name or e-mail domain).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PartySuggestion {
    pub response_id: i64,
    pub receipt_number: String,
    /// The sender as the response names them: organisation, name.
    pub sender: String,
}

/// An earlier hearing of the same committee whose list can be reused.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EarlierList {
    pub slug: String,
    pub title: String,
    pub parties: i64,
}

/// The høringsliste on the clerk's hearing page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PartyListView {
    pub parties: Vec<AdminParty>,
    pub counts: hoering::consultees::ListCounts,
    /// Working days before the deadline that parties without an answer are reminded.
    pub reminder_days: i64,
    /// The day the reminder goes.
    pub reminder_on: Option<Date>,
    pub earlier: Vec<EarlierList>,
}

/// A party's own page on the høringsliste, reached by the link in its invitation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PartyInvitation {
    pub token: String,
    pub organisation: String,
    pub hearing_slug: String,
    pub hearing_title: String,
    /// The hearing's last day.
    pub closes: Date,
    pub open: bool,
    pub status: hoering::consultees::PartyStatus,
}
