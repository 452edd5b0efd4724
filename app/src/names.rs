//! The core's kinds and states (stages, bodies, outcomes, groups, …) in the reader's language:
//! one catalogue key per variant, so every word the app shows lives in `locales/`.

use crate::i18n::*;
use hoering::calendar::Holiday;
use hoering::consultees::{PartyKind, PartyStatus};
use hoering::meeting::ParticipantGroup;
use hoering::process::{Body, DissentKind, InquiryStatus, Outcome, Stage};
use hoering::response::SenderKind;

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

/// What a sender chose about publishing their response, as the receipt repeats it.
pub fn publication(locale: Locale, publication: hoering::response::Publication) -> &'static str {
    use hoering::response::Publication as P;
    match publication {
        P::WithName => td_string!(locale, export_publication_with_name),
        P::Anonymous => td_string!(locale, export_publication_anonymous),
        P::NotPublished => td_string!(locale, export_publication_not_published),
    }
}

/// Why the administration set a response aside, as the høringsnotat and the clerk's page say it.
pub fn set_aside_reason(locale: Locale, reason: hoering::notat::SetAsideReason) -> &'static str {
    use hoering::notat::SetAsideReason as R;
    match reason {
        R::NotRelevant => td_string!(locale, set_aside_reason_not_relevant),
        R::NoComments => td_string!(locale, set_aside_reason_no_comments),
        R::Repeats => td_string!(locale, set_aside_reason_repeats),
        R::Withheld => td_string!(locale, set_aside_reason_withheld),
    }
}

/// Who sent a response, as the høringsnotat and the clerks' exports name it: a party's kind,
/// or "Privatperson". (The response form asks with longer labels of its own.)
pub fn sender_kind(locale: Locale, kind: SenderKind) -> &'static str {
    match PartyKind::try_from(kind) {
        Ok(kind) => party_kind(locale, kind),
        Err(_) => td_string!(locale, sender_kind_private),
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

/// A day the administration is closed: "Skærtorsdag" / "Maundy Thursday".
pub fn holiday(locale: Locale, holiday: Holiday) -> &'static str {
    match holiday {
        Holiday::NewYearsDay => td_string!(locale, holiday_new_years_day),
        Holiday::MaundyThursday => td_string!(locale, holiday_maundy_thursday),
        Holiday::GoodFriday => td_string!(locale, holiday_good_friday),
        Holiday::EasterSunday => td_string!(locale, holiday_easter_sunday),
        Holiday::EasterMonday => td_string!(locale, holiday_easter_monday),
        Holiday::GreatPrayerDay => td_string!(locale, holiday_great_prayer_day),
        Holiday::AscensionDay => td_string!(locale, holiday_ascension_day),
        Holiday::Whitsunday => td_string!(locale, holiday_whitsunday),
        Holiday::WhitMonday => td_string!(locale, holiday_whit_monday),
        Holiday::ConstitutionDay => td_string!(locale, holiday_constitution_day),
        Holiday::ChristmasEve => td_string!(locale, holiday_christmas_eve),
        Holiday::ChristmasDay => td_string!(locale, holiday_christmas_day),
        Holiday::SecondChristmasDay => td_string!(locale, holiday_second_christmas_day),
        Holiday::NewYearsEve => td_string!(locale, holiday_new_years_eve),
        Holiday::ClosingDay => td_string!(locale, holiday_closing_day),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOLIDAYS: [Holiday; 15] = [
        Holiday::NewYearsDay,
        Holiday::MaundyThursday,
        Holiday::GoodFriday,
        Holiday::EasterSunday,
        Holiday::EasterMonday,
        Holiday::GreatPrayerDay,
        Holiday::AscensionDay,
        Holiday::Whitsunday,
        Holiday::WhitMonday,
        Holiday::ConstitutionDay,
        Holiday::ChristmasEve,
        Holiday::ChristmasDay,
        Holiday::SecondChristmasDay,
        Holiday::NewYearsEve,
        Holiday::ClosingDay,
    ];

    #[test]
    fn danish_and_english_names_are_the_ones_the_core_had() {
        use Locale::{da, en};
        assert_eq!(stage(da, Stage::FinanceCommittee), "Økonomiudvalget");
        assert_eq!(stage(en, Stage::Published), "Published");
        assert_eq!(body(da, Body::Committee), "Fagudvalget");
        assert_eq!(body(en, Body::CityCouncil), "City Council");
        assert_eq!(outcome(da, Outcome::Adopted), "vedtaget");
        let back = Outcome::SentBack {
            to: Stage::Drafting,
        };
        assert_eq!(outcome(da, back), "sendt tilbage");
        assert_eq!(outcome(en, back), "sent back");
        assert_eq!(
            dissent_kind(da, DissentKind::MinutesEntry),
            "Protokoltilførsel"
        );
        assert_eq!(
            dissent_kind(en, DissentKind::MinutesEntry),
            "Entry in the minutes"
        );
        assert_eq!(inquiry_status(da, InquiryStatus::Overdue), "Over fristen");
        assert_eq!(
            inquiry_status(en, InquiryStatus::AnsweredLate),
            "Answered late"
        );
        assert_eq!(party_kind(da, PartyKind::Council), "Råd og nævn");
        assert_eq!(party_kind(da, PartyKind::WorkCouncil), "MED-udvalg");
        assert_eq!(party_kind(en, PartyKind::Authority), "Authority");
        assert_eq!(party_status(da, PartyStatus::Declined), "Afstået");
        assert_eq!(party_status(en, PartyStatus::NotInvited), "Not invited");
        assert_eq!(sender_kind(da, SenderKind::Private), "Privatperson");
        assert_eq!(
            sender_kind(da, SenderKind::Association),
            "Forening/organisation"
        );
        use ParticipantGroup::*;
        assert_eq!(group(da, IntegrationCouncil), "Integrationsrådet");
        assert_eq!(group(da, VoluntaryAssociation), "Frivillig forening");
        assert_eq!(
            group_plural(da, VoluntaryAssociation),
            "Frivillige foreninger"
        );
        assert_eq!(group_plural(da, Other), "Andre");
        assert_eq!(group(en, CommitteeMember), "Committee member");
        assert_eq!(group_plural(en, SocialAssociation), "Social associations");
        assert_eq!(group_plural(en, Other), "Others");
        assert_eq!(holiday(da, Holiday::MaundyThursday), "Skærtorsdag");
        assert_eq!(holiday(da, Holiday::EasterMonday), "2. påskedag");
        assert_eq!(holiday(da, Holiday::GreatPrayerDay), "Store bededag");
        assert_eq!(holiday(da, Holiday::AscensionDay), "Kristi himmelfartsdag");
        assert_eq!(holiday(da, Holiday::ChristmasEve), "Juleaftensdag");
        assert_eq!(holiday(en, Holiday::NewYearsEve), "New Year's Eve");
        assert_eq!(holiday(en, Holiday::SecondChristmasDay), "Boxing Day");
        let noted = hoering::notat::Outcome::Noted;
        assert_eq!(notat_outcome(da, &noted), "Tages til efterretning");
        assert_eq!(notat_outcome(en, &noted), "Noted");
    }

    #[test]
    fn what_the_core_reads_back_is_what_danish_shows() {
        for s in Stage::ALL {
            let name = stage(Locale::da, s);
            assert_eq!(Stage::parse(&name.to_uppercase()), Some(s), "{name}");
        }
        for k in PartyKind::ALL {
            let label = party_kind(Locale::da, k);
            assert_eq!(PartyKind::parse(label), Ok(k), "{label}");
        }
    }

    /// Every variant has a name of its own in every language.
    #[test]
    fn every_variant_is_named_apart_in_every_language() {
        fn distinct(what: &str, locale: Locale, names: Vec<&str>) {
            let mut seen = std::collections::BTreeSet::new();
            for n in &names {
                assert!(!n.trim().is_empty(), "{locale:?}: an empty {what}");
                assert!(seen.insert(*n), "{locale:?}: {what} {n:?} twice");
            }
        }
        for &l in Locale::get_all() {
            distinct("stage", l, Stage::ALL.map(|s| stage(l, s)).to_vec());
            distinct("holiday", l, HOLIDAYS.map(|h| holiday(l, h)).to_vec());
            distinct(
                "sender kind",
                l,
                SenderKind::ALL.map(|k| sender_kind(l, k)).to_vec(),
            );
            distinct(
                "party status",
                l,
                PartyStatus::ALL.map(|s| party_status(l, s)).to_vec(),
            );
            distinct(
                "group",
                l,
                ParticipantGroup::ALL.map(|g| group(l, g)).to_vec(),
            );
        }
    }
}
