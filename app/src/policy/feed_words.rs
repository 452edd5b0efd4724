//! The words of the public feeds (the iCalendar of deadlines and meetings, the Atom feed of
//! hearings, versions and decisions), from the catalogue. Feed readers send no language
//! cookie, so the server asks for Danish.

use crate::i18n::*;
use hoering::process::{Body, Outcome};
use jiff::civil::Date;

/// The calendar of every policy.
pub fn calendar_name(locale: Locale) -> &'static str {
    td_string!(locale, feed_calendar_name)
}

pub fn calendar_description(locale: Locale) -> &'static str {
    td_string!(locale, feed_calendar_description)
}

/// "Høringsfrist: Integrationspolitik".
pub fn deadline_summary(locale: Locale, title: &str) -> String {
    td_string!(locale, feed_deadline_summary, title = title).to_string()
}

/// "Sidste dag for høringssvar på Integrationspolitik (Børneudvalget)."
pub fn deadline_description(locale: Locale, title: &str, committee: &str) -> String {
    td_string!(
        locale,
        feed_deadline_description,
        title = title,
        committee = committee
    )
    .to_string()
}

pub fn deadline_category(locale: Locale) -> &'static str {
    td_string!(locale, feed_deadline_category)
}

/// A decision's outcome in running text: "vedtaget", "sendt tilbage til Høring".
pub fn outcome(locale: Locale, outcome: Outcome) -> String {
    match outcome {
        Outcome::SentBack { to } => td_string!(
            locale,
            feed_sent_back_to,
            stage = crate::names::stage(locale, to)
        )
        .to_string(),
        other => crate::names::outcome(locale, other).to_string(),
    }
}

/// A decision meeting in the calendar: "Byrådet: Integrationspolitik".
pub fn decision_summary(locale: Locale, body: Body, title: &str) -> String {
    td_string!(
        locale,
        feed_decision_summary,
        body = crate::names::body(locale, body),
        title = title
    )
    .to_string()
}

/// "Punkt 4 – vedtaget. Byrådet vedtog politikken."
pub fn decision_description(locale: Locale, item: &str, decided: Outcome, text: &str) -> String {
    td_string!(
        locale,
        feed_decision_description,
        item = item,
        outcome = outcome(locale, decided),
        text = text
    )
    .to_string()
}

/// "Dialogmøde: Borgermøde i Hedehusene".
pub fn meeting_summary(locale: Locale, title: &str) -> String {
    td_string!(locale, feed_meeting_summary, title = title).to_string()
}

/// "Dialogmøde om Integrationspolitik."
pub fn meeting_description(locale: Locale, title: &str) -> String {
    td_string!(locale, feed_meeting_description, title = title).to_string()
}

pub fn meeting_category(locale: Locale) -> &'static str {
    td_string!(locale, feed_meeting_category)
}

/// "Byrådet behandler Integrationspolitik (planlagt)".
pub fn planned_summary(locale: Locale, body: Body, title: &str) -> String {
    td_string!(
        locale,
        feed_planned_summary,
        body = crate::names::body(locale, body),
        title = title
    )
    .to_string()
}

/// The Atom feed's title.
pub fn title(locale: Locale) -> &'static str {
    td_string!(locale, feed_title)
}

/// "Ny høring: Integrationspolitik".
pub fn new_hearing_title(locale: Locale, title: &str) -> String {
    td_string!(locale, feed_new_hearing_title, title = title).to_string()
}

/// "Børneudvalget sender Integrationspolitik i høring til og med 14. december 2026."
pub fn new_hearing_summary(locale: Locale, committee: &str, title: &str, last_day: Date) -> String {
    td_string!(
        locale,
        feed_new_hearing_summary,
        committee = committee,
        title = title,
        date = crate::dates::long_date(locale, last_day)
    )
    .to_string()
}

pub fn hearing_category(locale: Locale) -> &'static str {
    td_string!(locale, feed_hearing_category)
}

/// "Version 2 af Integrationspolitik."
pub fn version_summary(locale: Locale, number: impl std::fmt::Display, title: &str) -> String {
    td_string!(locale, feed_version_summary, number = number, title = title).to_string()
}

pub fn version_category(locale: Locale) -> &'static str {
    td_string!(locale, feed_version_category)
}

/// "Byrådet: Integrationspolitik – vedtaget".
pub fn decision_title(locale: Locale, body: Body, title: &str, decided: Outcome) -> String {
    td_string!(
        locale,
        feed_decision_title,
        body = crate::names::body(locale, body),
        title = title,
        outcome = outcome(locale, decided)
    )
    .to_string()
}

pub fn decision_category(locale: Locale) -> &'static str {
    td_string!(locale, feed_decision_category)
}

/// "Høringsnotat offentliggjort: Integrationspolitik", or for edition 2 on "Revideret
/// høringsnotat, udgave 2: Integrationspolitik".
pub fn notat_title(locale: Locale, number: i64, title: &str) -> String {
    if number > 1 {
        td_string!(
            locale,
            feed_notat_revised_title,
            number = number,
            title = title
        )
        .to_string()
    } else {
        td_string!(locale, feed_notat_title, title = title).to_string()
    }
}

/// What an edition is, or (for a revision) what changed and why in the clerk's words.
pub fn notat_summary(locale: Locale, title: &str, reason: &str) -> String {
    if reason.trim().is_empty() {
        td_string!(locale, feed_notat_summary, title = title).to_string()
    } else {
        reason.trim().to_string()
    }
}

pub fn notat_category(locale: Locale) -> &'static str {
    td_string!(locale, feed_notat_category)
}

#[cfg(test)]
mod tests {
    use super::*;
    use hoering::process::Stage;

    #[test]
    fn danish_feeds_read_as_before() {
        let danish = Locale::da;
        assert_eq!(
            outcome(danish, Outcome::SentBack { to: Stage::Hearing }),
            "sendt tilbage til Høring"
        );
        assert_eq!(outcome(danish, Outcome::Adopted), "vedtaget");
        assert_eq!(
            planned_summary(danish, Body::CityCouncil, "Politik"),
            "Byrådet behandler Politik (planlagt)"
        );
        assert_eq!(
            new_hearing_summary(
                danish,
                "Udvalget",
                "Politik",
                jiff::civil::date(2026, 12, 14)
            ),
            "Udvalget sender Politik i høring til og med 14. december 2026."
        );
        assert_eq!(
            decision_title(danish, Body::Committee, "Politik", Outcome::Postponed),
            "Fagudvalget: Politik – udsat"
        );
        assert_eq!(
            decision_description(danish, "Punkt 4", Outcome::Rejected, "Forkastet."),
            "Punkt 4 – forkastet. Forkastet."
        );
        assert_eq!(
            version_summary(danish, 2, "Politik"),
            "Version 2 af Politik."
        );
        assert_eq!(
            deadline_description(danish, "Politik", "Udvalget"),
            "Sidste dag for høringssvar på Politik (Udvalget)."
        );
    }

    #[test]
    fn every_language_words_the_feeds() {
        for &locale in Locale::get_all() {
            let title = new_hearing_title(locale, "X");
            assert!(title.contains('X') && !title.contains("{{"), "{title}");
            assert!(!calendar_name(locale).is_empty());
        }
    }
}
