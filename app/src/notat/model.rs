//! What the notat pages show, as it travels from the server to the browser.

use crate::hearing::HearingCard;
use hoering::notat::{RemarkStage, TargetKind};
use hoering::response::SenderKind;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// A bemærkning as the clerks' pages show it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RemarkCard {
    pub id: i64,
    pub kind: TargetKind,
    pub response_id: i64,
    pub receipt_number: String,
    /// How many responses it answers.
    pub members: i64,
    /// The passage answered, for a point within a response.
    pub passage: Option<String>,
    /// The draft section the point is about; empty for the draft as a whole.
    pub section: String,
    pub summary: String,
    pub text: String,
    /// What it led to (for a change: the changed block).
    pub outcome: hoering::notat::Outcome,
    pub state: RemarkStage,
    pub author: String,
    pub approver: Option<String>,
    /// Written by the reader, who may then not approve it.
    pub own: bool,
}

/// A block changed after the hearing, which a remark's "leads to a change" can point at.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChangeOption {
    pub version: i64,
    pub block: String,
    pub excerpt: String,
}

/// The clerk's høringsnotat page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AdminNotatView {
    pub hearing_slug: String,
    pub hearing_title: String,
    pub case_number: String,
    pub announced: String,
    pub remarks: Vec<RemarkCard>,
    /// When the bemærkninger were published.
    pub published: Option<Date>,
    /// Responses received, and how many of them a remark answers.
    pub responses: usize,
    pub answered: usize,
    /// The journal-number pattern and the first number it gives.
    pub journal_example: String,
    /// Responses no point answers and no clerk set aside: publishing waits for these.
    pub open_responses: Vec<AsideCard>,
    /// Responses set aside, with the reason (withheld ones by moderation).
    pub set_aside: Vec<AsideCard>,
    /// The clerk's summary of main themes, and the administration's recommendation.
    pub notat_summary: String,
    pub recommendation: String,
    /// Whether the notat may be published yet, and its editions.
    pub editions: crate::notat::edition::EditionsAdmin,
    /// How long the senders' personal data is kept, and when it goes.
    pub retention: crate::retention::RetentionView,
}

/// A response without a bemærkning: still open (`reason` none) or set aside.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AsideCard {
    pub response_id: i64,
    pub receipt_number: String,
    pub excerpt: String,
    pub reason: Option<hoering::notat::SetAsideReason>,
}

/// What a remark answers, as the editor shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RemarkSubject {
    /// A response or a group (a passage is chosen within the response).
    pub kind: TargetKind,
    pub response_id: i64,
    pub receipt_number: String,
    pub block_number: Option<String>,
    /// The response's text as clerks read it (redacted passages stay redacted).
    pub text: String,
    /// The group's members' receipt numbers (the response itself for one response).
    pub members: Vec<String>,
}

/// The page where a clerk writes or changes one bemærkning.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RemarkEditorView {
    pub hearing_slug: String,
    pub hearing_title: String,
    pub subject: RemarkSubject,
    pub existing: Option<RemarkCard>,
    pub changes: Vec<ChangeOption>,
    /// The draft's sections as (number, heading).
    pub sections: Vec<(String, String)>,
}

/// The høringsnotat as a web page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NotatView {
    pub hearing_slug: String,
    pub hearing_title: String,
    /// When the bemærkninger were published; `None` shows the clerks' preview.
    pub published: Option<Date>,
    pub notat: hoering::notat::Notat,
}

/// "I sagde – vi gjorde": a closed hearing's result for the public.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ResultView {
    pub card: HearingCard,
    pub responses: usize,
    pub by_kind: Vec<(SenderKind, usize)>,
    /// (section label, responses).
    pub by_section: Vec<(String, usize)>,
    /// (theme, responses).
    pub themes: Vec<(String, usize)>,
    /// Campaigns: (identical responses, an excerpt of the shared text).
    pub groups: Vec<(usize, String)>,
    /// The changes made to the draft since the hearing's version.
    pub changes: Vec<hoering::notat::NotatItem>,
    /// The versions compared, when the draft has changed.
    pub compared: Option<(i64, i64)>,
    /// When the bemærkninger were published.
    pub published: Option<Date>,
    /// The points raised with the administration's answers, once published.
    pub points: Vec<hoering::notat::NotatItem>,
}
