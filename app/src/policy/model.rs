//! What the policy pages show, as it travels from the server to the browser.

use crate::hearing::HearingCard;
use crate::meeting::MeetingCard;
use hoering::process::Adoption;
use hoering::process::Choice;
use hoering::process::Decision;
use hoering::process::InquiryStatus;
use hoering::process::RoadState;
use hoering::process::Stage;
use hoering::process::TimelineEntry;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// A policy in a list: where it is on its road.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PolicyCard {
    pub slug: String,
    pub title: String,
    pub committee: String,
    pub state: RoadState,
    /// The Byråd's adoption, once recorded.
    pub adoption: Option<Adoption>,
}

/// A version of a policy's text as the policy page lists it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PolicyVersion {
    pub number: i64,
    pub label: String,
    pub note: String,
    /// The day it was made, in Copenhagen.
    pub created: Date,
    /// Frozen: it may go to hearing and be decided on.
    pub frozen: bool,
    /// The text the Byråd adopted: the policy's text.
    pub adopted: bool,
}

/// A document in a stage's record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StageDocument {
    pub stage: Stage,
    pub title: String,
    pub url: String,
}

/// A decision with the stage it was made in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DecisionView {
    pub stage: Stage,
    pub decision: Decision,
}

/// How the promise "svar inden for 10 hverdage" is kept on one policy.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct InquiryFigures {
    pub received: i64,
    pub answered: i64,
    /// Share of the inquiries due by today that were answered on time; none while nothing is due.
    pub on_time_share: Option<f64>,
}

/// A policy's home page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PolicyView {
    pub card: PolicyCard,
    pub contact: String,
    pub timeline: Vec<TimelineEntry>,
    pub versions: Vec<PolicyVersion>,
    pub hearings: Vec<HearingCard>,
    pub decisions: Vec<DecisionView>,
    /// The documents of the stages' records.
    pub documents: Vec<StageDocument>,
    pub inquiries: InquiryFigures,
    /// The day a question asked today is promised its answer by.
    pub inquiry_due_if_asked_today: Date,
    /// The policy's dialogue meetings, in the order they take place.
    pub meetings: Vec<MeetingCard>,
}

/// A question from the public, as the clerk sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InquiryView {
    pub id: i64,
    pub policy_slug: String,
    pub policy_title: String,
    pub name: String,
    pub email: String,
    pub question: String,
    pub received: Date,
    pub due: Date,
    pub answered: Option<Date>,
    pub answer: Option<String>,
    pub status: InquiryStatus,
}

/// One entry of a road's journal: what was done, dated when, by whom, recorded when.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JournalView {
    /// The step, when the entry is one of the road's actions.
    pub action: Option<hoering::process::Action>,
    /// Otherwise what was recorded (a plan, the road's start), as stored.
    pub what: String,
    pub on: Date,
    pub actor: String,
    /// When it was recorded: Copenhagen time, to the minute.
    pub recorded: jiff::civil::DateTime,
}

/// The clerk's page for one policy: the public view, and what may be done next.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PolicyAdminView {
    pub policy: PolicyView,
    /// Every kind of step with why it is refused now, if it is.
    pub choices: Vec<Choice>,
    /// The stages of the template the policy follows, in order.
    pub stages: Vec<Stage>,
    /// The template followed: name and version.
    pub template: (String, u32),
    /// Guards against two clerks acting at once: a step is refused if the road moved since.
    pub revision: i64,
    /// The day the road's latest step is dated; new steps may not be dated earlier.
    pub last_step: Date,
    /// Today in Copenhagen, the default date of a step (from the server: the browser has no
    /// clock the core may read).
    pub today: Date,
    pub inquiries: Vec<InquiryView>,
    pub journal: Vec<JournalView>,
}

/// A stage with a planned date coming up.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DueStage {
    pub slug: String,
    pub title: String,
    pub stage: Stage,
    pub planned: Date,
}

/// The clerk's start page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Dashboard {
    /// Policies in progress, by their current stage (only stages with policies).
    pub by_stage: Vec<(Stage, Vec<PolicyCard>)>,
    /// Planned stages due in the coming 7 days or overdue (planned, not yet reached).
    pub due: Vec<DueStage>,
    /// Unanswered inquiries, overdue and due soon first.
    pub inquiries: Vec<InquiryView>,
    /// Open hearings closing in the coming 14 days.
    pub closing_soon: Vec<HearingCard>,
}
