//! Why the road refuses a step: typed reasons the UI shows in Danish or English.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::stage::{Body, Stage};
use crate::calendar::{danish_long_date, english_long_date};

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

    pub fn danish(&self) -> String {
        match *self {
            Refusal::AlreadyPublished => "Politikken er allerede offentliggjort.".into(),
            Refusal::RoadRejected => "Politikken er forkastet, og forløbet er afsluttet.".into(),
            Refusal::BeforeLastStep { last } => format!(
                "Datoen ligger før forløbets seneste skridt ({}).",
                danish_long_date(last)
            ),
            Refusal::NotInTemplate { stage } => format!(
                "Fasen »{}« indgår ikke i politikkens forløb.",
                stage.danish_name()
            ),
            Refusal::OutOfOrder { from, to } => format!(
                "Fra »{}« kan sagen ikke gå til »{}«; faserne følger forløbets rækkefølge.",
                from.danish_name(),
                to.danish_name()
            ),
            Refusal::NotSkippable { stage } => format!(
                "Fasen »{}« må ikke springes over i dette forløb.",
                stage.danish_name()
            ),
            Refusal::ReasonRequired => "Skriv en begrundelse for at springe fasen over.".into(),
            Refusal::VersionAlreadyFrozen { number } => {
                format!("Version {number} er allerede låst.")
            }
            Refusal::NoFrozenVersion => {
                "Ingen version er låst endnu; lås høringsudkastet først.".into()
            }
            Refusal::VersionNotFrozen { number } => format!(
                "Version {number} er ikke låst; kun en låst version kan sendes i høring eller \
                 behandles politisk."
            ),
            Refusal::HearingAlreadyOpen => "Høringen er allerede åbnet.".into(),
            Refusal::HearingNotOpen => "Høringen er ikke åbnet endnu.".into(),
            Refusal::NoHearingSummary => {
                "Byrådet kan ikke beslutte, før høringsnotatet findes.".into()
            }
            Refusal::NoSummaryHere { stage } => format!(
                "Høringsnotatet registreres i fasen »Høringsnotat«, ikke i »{}«.",
                stage.danish_name()
            ),
            Refusal::NoDecisionHere { stage } => format!(
                "I fasen »{}« træffes ingen politisk beslutning.",
                stage.danish_name()
            ),
            Refusal::DecisionBodyMismatch { stage, body } => match stage.deciding_body() {
                Some(deciding) => format!(
                    "I fasen »{}« er det {}, ikke {}, der beslutter.",
                    stage.danish_name(),
                    deciding.danish_name(),
                    body.danish_name()
                ),
                None => Refusal::NoDecisionHere { stage }.danish(),
            },
            Refusal::DecisionInFuture { meeting } => format!(
                "Mødet den {} har ikke fundet sted endnu.",
                danish_long_date(meeting)
            ),
            Refusal::AlreadyDecided { stage } => format!(
                "Der er allerede truffet beslutning i fasen »{}«.",
                stage.danish_name()
            ),
            Refusal::DecisionPostponed { stage } => format!(
                "Sagen blev udsat i fasen »{}«; registrér en ny beslutning, før sagen går videre.",
                stage.danish_name()
            ),
            Refusal::SendBackNotEarlier { from, to } => format!(
                "Fra »{}« kan sagen kun sendes tilbage til en tidligere fase, ikke til »{}«.",
                from.danish_name(),
                to.danish_name()
            ),
            Refusal::NotAdopted => {
                "Politikken kan ikke offentliggøres, før Byrådet har vedtaget den.".into()
            }
            Refusal::HearingStillOpen { last_day } => format!(
                "Høringen er åben til og med {}; sagen går videre, når fristen er udløbet.",
                danish_long_date(last_day)
            ),
        }
    }

    pub fn english(&self) -> String {
        match *self {
            Refusal::AlreadyPublished => "The policy is already published.".into(),
            Refusal::RoadRejected => "The policy was rejected; its road has ended.".into(),
            Refusal::BeforeLastStep { last } => format!(
                "The date is before the road's last step ({}).",
                english_long_date(last)
            ),
            Refusal::NotInTemplate { stage } => format!(
                "The stage “{}” is not part of this policy's road.",
                stage.english_name()
            ),
            Refusal::OutOfOrder { from, to } => format!(
                "From “{}” the policy cannot go to “{}”; stages follow the road's order.",
                from.english_name(),
                to.english_name()
            ),
            Refusal::NotSkippable { stage } => format!(
                "The stage “{}” may not be skipped on this road.",
                stage.english_name()
            ),
            Refusal::ReasonRequired => "Give a reason for skipping the stage.".into(),
            Refusal::VersionAlreadyFrozen { number } => {
                format!("Version {number} is already frozen.")
            }
            Refusal::NoFrozenVersion => {
                "No version is frozen yet; freeze the hearing draft first.".into()
            }
            Refusal::VersionNotFrozen { number } => format!(
                "Version {number} is not frozen; only a frozen version can go to hearing or be \
                 decided on."
            ),
            Refusal::HearingAlreadyOpen => "The hearing is already open.".into(),
            Refusal::HearingNotOpen => "The hearing has not been opened yet.".into(),
            Refusal::NoHearingSummary => {
                "The City Council cannot decide before the hearing summary exists.".into()
            }
            Refusal::NoSummaryHere { stage } => format!(
                "The hearing summary is recorded in the stage “Hearing summary”, not in “{}”.",
                stage.english_name()
            ),
            Refusal::NoDecisionHere { stage } => format!(
                "No political decision is made in the stage “{}”.",
                stage.english_name()
            ),
            Refusal::DecisionBodyMismatch { stage, body } => match stage.deciding_body() {
                Some(deciding) => format!(
                    "In the stage “{}” the {} decides, not the {}.",
                    stage.english_name(),
                    deciding.english_name(),
                    body.english_name()
                ),
                None => Refusal::NoDecisionHere { stage }.english(),
            },
            Refusal::DecisionInFuture { meeting } => format!(
                "The meeting on {} has not taken place yet.",
                english_long_date(meeting)
            ),
            Refusal::AlreadyDecided { stage } => format!(
                "A decision has already been made in the stage “{}”.",
                stage.english_name()
            ),
            Refusal::DecisionPostponed { stage } => format!(
                "The item was postponed in the stage “{}”; record a new decision before the \
                 policy moves on.",
                stage.english_name()
            ),
            Refusal::SendBackNotEarlier { from, to } => format!(
                "From “{}” the policy can only be sent back to an earlier stage, not to “{}”.",
                from.english_name(),
                to.english_name()
            ),
            Refusal::NotAdopted => {
                "The policy cannot be published before the City Council has adopted it.".into()
            }
            Refusal::HearingStillOpen { last_day } => format!(
                "The hearing is open until {} inclusive; the policy moves on once the deadline \
                 has passed.",
                english_long_date(last_day)
            ),
        }
    }
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.english())
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
