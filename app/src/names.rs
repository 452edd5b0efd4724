//! The core's kinds and states (stages, bodies, outcomes, groups, …) in the reader's language:
//! one catalogue key per variant, so every word the app shows lives in `locales/`.

use crate::i18n::*;
use hoering::consultees::{PartyKind, PartyStatus};
use hoering::meeting::ParticipantGroup;
use hoering::process::{Body, DissentKind, InquiryStatus, Outcome, Stage};

/// A stage of a policy's road: "Høring" / "Hearing".
pub fn stage(locale: Locale, stage: Stage) -> &'static str {
    match stage {
        Stage::Drafting => td_string!(locale, stage_drafting),
        Stage::DialogueMeeting => td_string!(locale, stage_dialogue_meeting),
        Stage::CommitteeForHearing => td_string!(locale, stage_committee_for_hearing),
        Stage::Hearing => td_string!(locale, stage_hearing),
        Stage::HearingSummary => td_string!(locale, stage_hearing_summary),
        Stage::CommitteeRecommendation => td_string!(locale, stage_committee_recommendation),
        Stage::FinanceCommittee => td_string!(locale, stage_finance_committee),
        Stage::CityCouncil => td_string!(locale, stage_city_council),
        Stage::Published => td_string!(locale, stage_published),
    }
}

/// A body that decides on the road: "Fagudvalget" / "Committee".
pub fn body(locale: Locale, body: Body) -> &'static str {
    match body {
        Body::Committee => td_string!(locale, body_committee),
        Body::FinanceCommittee => td_string!(locale, body_finance_committee),
        Body::CityCouncil => td_string!(locale, body_city_council),
    }
}

/// A decision's outcome in lower case, without the stage a policy is sent back to.
pub fn outcome(locale: Locale, outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::Adopted => td_string!(locale, decision_adopted),
        Outcome::Rejected => td_string!(locale, decision_rejected),
        Outcome::Postponed => td_string!(locale, decision_postponed),
        Outcome::SentBack { .. } => td_string!(locale, decision_sent_back),
    }
}

/// "Mindretalsudtalelse" / "Minority statement".
pub fn dissent_kind(locale: Locale, kind: DissentKind) -> &'static str {
    match kind {
        DissentKind::MinorityStatement => td_string!(locale, dissent_minority_statement),
        DissentKind::MinutesEntry => td_string!(locale, dissent_minutes_entry),
    }
}

/// Where an inquiry stands against its 10 working days.
pub fn inquiry_status(locale: Locale, status: InquiryStatus) -> &'static str {
    match status {
        InquiryStatus::Open => td_string!(locale, inquiry_open),
        InquiryStatus::DueSoon => td_string!(locale, inquiry_due_soon),
        InquiryStatus::Overdue => td_string!(locale, inquiry_overdue),
        InquiryStatus::AnsweredOnTime => td_string!(locale, inquiry_answered_on_time),
        InquiryStatus::AnsweredLate => td_string!(locale, inquiry_answered_late),
    }
}

/// The kind of body a party on the høringsliste is.
pub fn party_kind(locale: Locale, kind: PartyKind) -> &'static str {
    match kind {
        PartyKind::Association => td_string!(locale, party_kind_association),
        PartyKind::Council => td_string!(locale, party_kind_council),
        PartyKind::Authority => td_string!(locale, party_kind_authority),
        PartyKind::Company => td_string!(locale, party_kind_company),
        PartyKind::WorkCouncil => td_string!(locale, party_kind_work_council),
    }
}

/// Where a party on the høringsliste stands.
pub fn party_status(locale: Locale, status: PartyStatus) -> &'static str {
    match status {
        PartyStatus::NotInvited => td_string!(locale, party_status_not_invited),
        PartyStatus::Invited => td_string!(locale, party_status_invited),
        PartyStatus::Answered => td_string!(locale, party_status_answered),
        PartyStatus::Declined => td_string!(locale, party_status_declined),
    }
}

/// A dialogue meeting's participant group, one of them: "Borger" / "Citizen".
pub fn group(locale: Locale, group: ParticipantGroup) -> &'static str {
    match group {
        ParticipantGroup::Citizen => td_string!(locale, meeting_group_citizen),
        ParticipantGroup::VoluntaryAssociation => {
            td_string!(locale, meeting_group_voluntary_association)
        }
        ParticipantGroup::SocialAssociation => td_string!(locale, meeting_group_social_association),
        ParticipantGroup::IntegrationCouncil => {
            td_string!(locale, meeting_group_integration_council)
        }
        ParticipantGroup::CommitteeMember => td_string!(locale, meeting_group_committee_member),
        ParticipantGroup::Other => td_string!(locale, meeting_group_other_kind),
    }
}

/// A participant group, all of them: "Borgere" / "Citizens".
pub fn group_plural(locale: Locale, group: ParticipantGroup) -> &'static str {
    match group {
        ParticipantGroup::Citizen => td_string!(locale, meeting_groups_citizen),
        ParticipantGroup::VoluntaryAssociation => {
            td_string!(locale, meeting_groups_voluntary_association)
        }
        ParticipantGroup::SocialAssociation => {
            td_string!(locale, meeting_groups_social_association)
        }
        ParticipantGroup::IntegrationCouncil => {
            td_string!(locale, meeting_groups_integration_council)
        }
        ParticipantGroup::CommitteeMember => td_string!(locale, meeting_groups_committee_member),
        ParticipantGroup::Other => td_string!(locale, meeting_groups_others),
    }
}

/// What a point in the hearing led to, as the høringsnotat words it.
pub fn notat_outcome(locale: Locale, outcome: &hoering::notat::Outcome) -> &'static str {
    use hoering::notat::Outcome as O;
    match outcome {
        O::Change { .. } => td_string!(locale, notat_outcome_change),
        O::NoChange => td_string!(locale, notat_outcome_no_change),
        O::Noted => td_string!(locale, notat_outcome_noted),
    }
}
