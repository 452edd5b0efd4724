//! What the server answers outside a page (a refused request, a limit reached), in the reader's
//! language: the texts live in the same locale files as every other UI string.

use crate::i18n::*;

/// A message the server sends as a small page of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Message {
    CrossSite,
    FormExpired,
    Forbidden,
    NotFound,
    Internal,
    UnknownStatus,
    TooLarge,
    TooManyLogins {
        minutes: u64,
    },
    TooManyResponses {
        minutes: u64,
    },
    Busy,
    /// Sign-up for a meeting is closed (past its deadline, by invitation, or begun).
    SignupClosed,
    /// A party that has been invited (or has answered) stays on the høringsliste.
    PartyInvited,
}

/// The message in `locale`.
pub fn text(locale: Locale, message: Message) -> String {
    match message {
        Message::CrossSite => td_string!(locale, msg_cross_site).to_string(),
        Message::FormExpired => td_string!(locale, msg_form_expired).to_string(),
        Message::Forbidden => td_string!(locale, msg_forbidden).to_string(),
        Message::NotFound => td_string!(locale, msg_not_found).to_string(),
        Message::Internal => td_string!(locale, msg_internal).to_string(),
        Message::UnknownStatus => td_string!(locale, msg_unknown_status).to_string(),
        Message::TooLarge => td_string!(locale, msg_too_large).to_string(),
        Message::TooManyLogins { minutes } => {
            td_string!(locale, msg_too_many_logins, minutes = minutes).to_string()
        }
        Message::TooManyResponses { minutes } => {
            td_string!(locale, msg_too_many_responses, minutes = minutes).to_string()
        }
        Message::Busy => td_string!(locale, msg_busy).to_string(),
        Message::PartyInvited => td_string!(locale, msg_party_invited).to_string(),
        Message::SignupClosed => td_string!(locale, msg_signup_closed).to_string(),
    }
}

/// "Til forsiden" / "To the front page".
pub fn home_link(locale: Locale) -> String {
    td_string!(locale, msg_home_link).to_string()
}

/// The reader's language: the cookie the language switch sets, else the first of Danish or
/// English in `Accept-Language`, else Danish.
pub fn locale_from(cookie: Option<&str>, accept_language: Option<&str>) -> Locale {
    let chosen = cookie.and_then(|c| {
        c.split(';')
            .filter_map(|pair| pair.trim().split_once('='))
            .find(|(k, _)| *k == "i18n_pref_locale")
            .map(|(_, v)| v.trim().to_string())
    });
    // "da", "da-DK", "ar-SA", "uk-UA": the language part names one of ours, or none.
    let pick = |tag: &str| {
        let language = tag
            .split([';', '-', '_'])
            .next()?
            .trim()
            .to_ascii_lowercase();
        Locale::get_all()
            .iter()
            .copied()
            .find(|l| l.as_str() == language)
    };
    if let Some(locale) = chosen.as_deref().and_then(pick) {
        return locale;
    }
    accept_language
        .into_iter()
        .flat_map(|h| h.split(','))
        .filter_map(|part| pick(part.trim()))
        .next()
        .unwrap_or(Locale::da)
}

/// A language of ours by its code (`da`, `en`, `ar`, `uk`).
pub fn locale_by_code(code: &str) -> Option<Locale> {
    Locale::get_all()
        .iter()
        .copied()
        .find(|l| l.as_str() == code)
}

/// The code of a language of ours, as `lang` attributes and the language cookie write it.
pub fn locale_code(locale: Locale) -> &'static str {
    locale.as_str()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cookie_wins_then_accept_language_then_danish() {
        assert_eq!(
            locale_from(Some("a=1; i18n_pref_locale=en"), Some("da")),
            Locale::en
        );
        assert_eq!(
            locale_from(None, Some("de-DE,en;q=0.8,da;q=0.5")),
            Locale::en
        );
        assert_eq!(locale_from(None, Some("fr")), Locale::da);
        assert_eq!(locale_from(None, None), Locale::da);
        assert_eq!(locale_from(None, Some("ar-SA,ar;q=0.9")), Locale::ar);
        assert_eq!(locale_from(None, Some("uk-UA, ru;q=0.5")), Locale::uk);
        assert_eq!(
            locale_from(Some("i18n_pref_locale=uk"), Some("ar")),
            Locale::uk
        );
    }

    /// The placeholders (`{{ name }}`) of a catalogue value, sorted.
    fn placeholders(value: &str) -> Vec<String> {
        let mut found: Vec<String> = value
            .split("{{")
            .skip(1)
            .filter_map(|rest| rest.split_once("}}"))
            .map(|(name, _)| name.trim().to_string())
            .collect();
        found.sort();
        found
    }

    /// Every language's catalogue has every key Danish has (the code cannot use a key Danish
    /// lacks: the keys are checked when the app is compiled), no other key, and the same
    /// placeholders in each value; and each language names itself.
    #[test]
    fn every_language_has_every_key() {
        use std::collections::BTreeMap;
        let read = |code: &str| -> BTreeMap<String, String> {
            let path = format!("{}/locales/{code}.json", env!("CARGO_MANIFEST_DIR"));
            let text = std::fs::read_to_string(&path).expect("a locale file");
            serde_json::from_str(&text).expect("a flat JSON object of strings")
        };
        let danish = read("da");
        assert!(danish.len() > 800, "{} keys", danish.len());
        let mut names = Vec::new();
        for locale in Locale::get_all() {
            let code = locale.as_str();
            let other = read(code);
            let missing: Vec<&String> = danish.keys().filter(|k| !other.contains_key(*k)).collect();
            let extra: Vec<&String> = other.keys().filter(|k| !danish.contains_key(*k)).collect();
            assert!(missing.is_empty(), "{code} lacks {missing:?}");
            assert!(extra.is_empty(), "{code} has keys Danish lacks: {extra:?}");
            for (key, value) in &danish {
                assert_eq!(
                    placeholders(value),
                    placeholders(&other[key]),
                    "{code}: {key} has other placeholders"
                );
                // Not trimmed: a thousands separator may be a (no-break) space.
                assert!(!other[key].is_empty(), "{code}: {key} is empty");
            }
            names.push(other["lang_name"].clone());
        }
        assert_eq!(names, ["Dansk", "English", "العربية", "Українська"]);
    }
}
