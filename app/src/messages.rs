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
    let pick = |tag: &str| match tag.get(..2).map(str::to_ascii_lowercase).as_deref() {
        Some("da") => Some(Locale::da),
        Some("en") => Some(Locale::en),
        _ => None,
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
    }
}
