//! The stages of a policy's road to the Byråd vote, and the bodies that decide on the way.

use serde::{Deserialize, Serialize};

/// One stage of a policy's road. The variants are in the default order, and every template
/// keeps that order (it may leave optional stages out), so `Ord` is the order of the road.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// Udarbejdelse: the administration drafts the text.
    Drafting,
    /// Dialogmøde: citizens, associations, councils and the committee give input on the draft.
    DialogueMeeting,
    /// Udvalgsbehandling til høring: the committee approves the hearing draft.
    CommitteeForHearing,
    /// Høring: the public hearing on a frozen version.
    Hearing,
    /// Høringsnotat: the clerks compile the hearing summary.
    HearingSummary,
    /// Udvalgsbehandling (indstilling): the committee recommends the final text.
    CommitteeRecommendation,
    /// Økonomiudvalget: the finance committee, usually before the Byråd.
    FinanceCommittee,
    /// Byrådet: the council votes.
    CityCouncil,
    /// Offentliggjort: the adopted policy is published.
    Published,
}

impl Stage {
    pub const ALL: [Stage; 9] = [
        Stage::Drafting,
        Stage::DialogueMeeting,
        Stage::CommitteeForHearing,
        Stage::Hearing,
        Stage::HearingSummary,
        Stage::CommitteeRecommendation,
        Stage::FinanceCommittee,
        Stage::CityCouncil,
        Stage::Published,
    ];

    /// The stable code, as serde writes it: for the database, addresses and the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Stage::Drafting => "drafting",
            Stage::DialogueMeeting => "dialogue_meeting",
            Stage::CommitteeForHearing => "committee_for_hearing",
            Stage::Hearing => "hearing",
            Stage::HearingSummary => "hearing_summary",
            Stage::CommitteeRecommendation => "committee_recommendation",
            Stage::FinanceCommittee => "finance_committee",
            Stage::CityCouncil => "city_council",
            Stage::Published => "published",
        }
    }

    /// A stage from its code or its Danish name, ignoring case (`hoering policy advance SLUG
    /// --to høring` and `--to hearing` both work).
    pub fn parse(s: &str) -> Option<Stage> {
        let s = s.trim().to_lowercase();
        Stage::ALL.into_iter().find(|stage| {
            stage.as_str() == s.replace('-', "_") || danish_name(*stage).to_lowercase() == s
        })
    }

    /// The body whose decision is recorded in this stage, if it is a political one.
    pub fn deciding_body(self) -> Option<Body> {
        match self {
            Stage::CommitteeForHearing | Stage::CommitteeRecommendation => Some(Body::Committee),
            Stage::FinanceCommittee => Some(Body::FinanceCommittee),
            Stage::CityCouncil => Some(Body::CityCouncil),
            Stage::Drafting
            | Stage::DialogueMeeting
            | Stage::Hearing
            | Stage::HearingSummary
            | Stage::Published => None,
        }
    }

    /// Stages every template must have and may not mark skippable: the road starts with a
    /// draft, every policy is heard and summed up before the Byråd adopts it, and only the
    /// Byråd adopts. A committee may leave out or allow skipping the others.
    pub fn is_required(self) -> bool {
        matches!(
            self,
            Stage::Drafting
                | Stage::Hearing
                | Stage::HearingSummary
                | Stage::CityCouncil
                | Stage::Published
        )
    }
}

/// A political body that decides on a policy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Body {
    /// The standing committee (fagudvalg) the policy belongs to.
    Committee,
    /// Økonomiudvalget.
    FinanceCommittee,
    /// Byrådet.
    CityCouncil,
}

impl Body {
    pub fn as_str(self) -> &'static str {
        match self {
            Body::Committee => "committee",
            Body::FinanceCommittee => "finance_committee",
            Body::CityCouncil => "city_council",
        }
    }
}

/// The Danish name a clerk may type for a stage on the command line. Only for reading input:
/// what the app shows comes from the catalogue (`app::names::stage`).
fn danish_name(stage: Stage) -> &'static str {
    match stage {
        Stage::Drafting => "Udarbejdelse",
        Stage::DialogueMeeting => "Dialogmøde",
        Stage::CommitteeForHearing => "Udvalgsbehandling til høring",
        Stage::Hearing => "Høring",
        Stage::HearingSummary => "Høringsnotat",
        Stage::CommitteeRecommendation => "Udvalgsbehandling (indstilling)",
        Stage::FinanceCommittee => "Økonomiudvalget",
        Stage::CityCouncil => "Byrådet",
        Stage::Published => "Offentliggjort",
    }
}
