//! Examples for tests beyond this crate's own (the app words every refusal).

use jiff::civil::date;

use super::refusal::Refusal;
use super::stage::{Body, Stage};

/// One refusal of every kind.
pub fn every_refusal() -> Vec<Refusal> {
    let d = date(2020, 1, 29);
    vec![
        Refusal::AlreadyPublished,
        Refusal::RoadRejected,
        Refusal::BeforeLastStep { last: d },
        Refusal::NotInTemplate {
            stage: Stage::DialogueMeeting,
        },
        Refusal::OutOfOrder {
            from: Stage::Drafting,
            to: Stage::Hearing,
        },
        Refusal::NotSkippable {
            stage: Stage::Hearing,
        },
        Refusal::ReasonRequired,
        Refusal::VersionAlreadyFrozen { number: 1 },
        Refusal::NoFrozenVersion,
        Refusal::VersionNotFrozen { number: 2 },
        Refusal::HearingAlreadyOpen,
        Refusal::HearingNotOpen,
        Refusal::NoHearingSummary,
        Refusal::NoSummaryHere {
            stage: Stage::Drafting,
        },
        Refusal::NoDecisionHere {
            stage: Stage::Drafting,
        },
        Refusal::DecisionBodyMismatch {
            stage: Stage::CityCouncil,
            body: Body::Committee,
        },
        Refusal::DecisionInFuture { meeting: d },
        Refusal::AlreadyDecided {
            stage: Stage::CityCouncil,
        },
        Refusal::DecisionPostponed {
            stage: Stage::CityCouncil,
        },
        Refusal::SendBackNotEarlier {
            from: Stage::Hearing,
            to: Stage::CityCouncil,
        },
        Refusal::NotAdopted,
        Refusal::HearingStillOpen { last_day: d },
    ]
}
