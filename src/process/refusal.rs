//! Why the road refuses a step: typed reasons with stable codes; the app words them in the
//! reader's language (`app::names::refusal`).

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::stage::{Body, Stage};

/// A step the rules do not allow, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum Refusal {
    /// The road has reached Offentliggjort; a revision starts a new road.
    AlreadyPublished,
    /// A body rejected the policy (forkastet): the road has ended and takes no further step.
    RoadRejected,
    /// The history only moves forward in time.
    BeforeLastStep { last: Date },
    /// The policy's template has no such stage.
    NotInTemplate { stage: Stage },
    /// Stages are taken in the template's order, one at a time (skipping needs `Skip`).
    OutOfOrder { from: Stage, to: Stage },
    /// The template does not allow skipping this stage.
    NotSkippable { stage: Stage },
    /// Skipping a stage needs a reason, for the record.
    ReasonRequired,
    /// This version is already frozen.
    VersionAlreadyFrozen { number: u32 },
    /// No version is frozen, so none can go to hearing or be decided on.
    NoFrozenVersion,
    /// Only a frozen version goes to hearing or is decided on.
    VersionNotFrozen { number: u32 },
    /// The hearing in this stage is already open.
    HearingAlreadyOpen,
    /// The policy is in the hearing stage (sent back to it) but no hearing was opened.
    HearingNotOpen,
    /// No decision by the politicians before the høringsnotat exists.
    NoHearingSummary,
    /// The høringsnotat is recorded in the Høringsnotat stage.
    NoSummaryHere { stage: Stage },
    /// The stage has no political decision.
    NoDecisionHere { stage: Stage },
    /// The decision's body is not the one that decides in this stage.
    DecisionBodyMismatch { stage: Stage, body: Body },
    /// A decision is recorded after its meeting, not before.
    DecisionInFuture { meeting: Date },
    /// The body has already adopted in this stage; the road goes on.
    AlreadyDecided { stage: Stage },
    /// The last decision in this stage postponed the item; it needs a new decision first.
    DecisionPostponed { stage: Stage },
    /// "Sendt tilbage" goes to an earlier stage of the template.
    SendBackNotEarlier { from: Stage, to: Stage },
    /// Offentliggjort needs the Byråd's "vedtaget".
    NotAdopted,
    /// The hearing is open to its deadline: the policy leaves Høring only after the last day
    /// promised to the public.
    HearingStillOpen { last_day: Date },
}

impl Refusal {
    /// The stable code, as serde writes it in `reason`.
    pub fn code(&self) -> &'static str {
        match self {
            Refusal::AlreadyPublished => "already_published",
            Refusal::RoadRejected => "road_rejected",
            Refusal::BeforeLastStep { .. } => "before_last_step",
            Refusal::NotInTemplate { .. } => "not_in_template",
            Refusal::OutOfOrder { .. } => "out_of_order",
            Refusal::NotSkippable { .. } => "not_skippable",
            Refusal::ReasonRequired => "reason_required",
            Refusal::VersionAlreadyFrozen { .. } => "version_already_frozen",
            Refusal::NoFrozenVersion => "no_frozen_version",
            Refusal::VersionNotFrozen { .. } => "version_not_frozen",
            Refusal::HearingAlreadyOpen => "hearing_already_open",
            Refusal::HearingNotOpen => "hearing_not_open",
            Refusal::NoHearingSummary => "no_hearing_summary",
            Refusal::NoSummaryHere { .. } => "no_summary_here",
            Refusal::NoDecisionHere { .. } => "no_decision_here",
            Refusal::DecisionBodyMismatch { .. } => "decision_body_mismatch",
            Refusal::DecisionInFuture { .. } => "decision_in_future",
            Refusal::AlreadyDecided { .. } => "already_decided",
            Refusal::DecisionPostponed { .. } => "decision_postponed",
            Refusal::SendBackNotEarlier { .. } => "send_back_not_earlier",
            Refusal::NotAdopted => "not_adopted",
            Refusal::HearingStillOpen { .. } => "hearing_still_open",
        }
    }
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // For logs and errors: the code and the facts, not words (`app::names::refusal`
        // words it for a reader).
        write!(f, "{}: {self:?}", self.code())
    }
}

impl std::error::Error for Refusal {}

/// Whether a step dated `on` may leave a hearing whose last day is `last_day`: only after it,
/// so the deadline promised to the public holds.
pub fn hearing_may_close(on: Date, last_day: Date) -> Result<(), Refusal> {
    if on > last_day {
        Ok(())
    } else {
        Err(Refusal::HearingStillOpen { last_day })
    }
}
