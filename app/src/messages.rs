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
    /// The form stopped arriving part-way (a connection gone quiet).
    TimedOut,
    /// The form arrived broken (not the multipart body it said it was).
    BrokenForm,
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
        Message::TimedOut => td_string!(locale, msg_timed_out).to_string(),
        Message::BrokenForm => td_string!(locale, msg_broken_form).to_string(),
        Message::TooManyLogins { minutes } => {
            td_string!(locale, msg_too_many_logins, count = minutes).to_string()
        }
        Message::TooManyResponses { minutes } => {
            td_string!(locale, msg_too_many_responses, count = minutes).to_string()
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
    use std::collections::BTreeMap;

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

    /// The plural forms (CLDR categories) each language has for a message that words a count.
    fn plural_forms(code: &str) -> &'static [&'static str] {
        match code {
            "da" | "en" => &["one", "other"],
            "ar" => &["zero", "one", "two", "few", "many", "other"],
            "uk" => &["one", "few", "many", "other"],
            _ => panic!("no plural forms listed for {code}"),
        }
    }

    /// A catalogue's messages: a plain value, or a plural message's forms (`key_one`,
    /// `key_other`, …: a key with a category's suffix, beside a `_other` form of the same stem).
    fn messages(code: &str) -> BTreeMap<String, BTreeMap<String, String>> {
        let path = format!("{}/locales/{code}.json", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(&path).expect("a locale file");
        let values: BTreeMap<String, String> =
            serde_json::from_str(&text).expect("a flat JSON object of strings");
        let mut messages: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
        for (key, value) in &values {
            let plural = key.rsplit_once('_').filter(|(stem, form)| {
                ["zero", "one", "two", "few", "many", "other"].contains(form)
                    && values.contains_key(&format!("{stem}_other"))
            });
            let (message, form) = plural.unwrap_or((key, ""));
            messages
                .entry(message.to_string())
                .or_default()
                .insert(form.to_string(), value.clone());
        }
        messages
    }

    /// Every language's catalogue has every message Danish has (the code cannot use a key
    /// Danish lacks: the keys are checked when the app is compiled) and no other; a message
    /// that words a count has exactly its language's plural forms; every value has the same
    /// placeholders as Danish's (a plural form may leave out the count: "one day"); and each
    /// language names itself.
    #[test]
    fn every_language_has_every_key() {
        let danish = messages("da");
        assert!(danish.len() > 800, "{} messages", danish.len());
        let plurals = danish
            .values()
            .filter(|forms| forms.contains_key("other"))
            .count();
        assert!(plurals >= 20, "{plurals} plural messages");
        let mut names = Vec::new();
        for locale in Locale::get_all() {
            let code = locale.as_str();
            let other = messages(code);
            let missing: Vec<&String> = danish.keys().filter(|k| !other.contains_key(*k)).collect();
            let extra: Vec<&String> = other.keys().filter(|k| !danish.contains_key(*k)).collect();
            assert!(missing.is_empty(), "{code} lacks {missing:?}");
            assert!(extra.is_empty(), "{code} has keys Danish lacks: {extra:?}");
            for (key, forms) in &danish {
                let theirs = &other[key];
                let wanted = if forms.contains_key("other") {
                    plural_forms(code).to_vec()
                } else {
                    vec![""]
                };
                let have: Vec<&str> = theirs.keys().map(String::as_str).collect();
                let mut wanted_sorted = wanted.clone();
                wanted_sorted.sort();
                assert_eq!(have, wanted_sorted, "{code}: {key} has other forms");
                let expected = placeholders(&forms[*wanted.last().expect("a form")]);
                for (form, value) in theirs {
                    let mut found = placeholders(value);
                    if !["", "other"].contains(&form.as_str())
                        && !found.iter().any(|p| p == "count")
                    {
                        found.push("count".to_string());
                        found.sort();
                    }
                    assert_eq!(
                        found, expected,
                        "{code}: {key} {form} has other placeholders"
                    );
                    // Not trimmed: a thousands separator may be a (no-break) space.
                    assert!(!value.is_empty(), "{code}: {key} {form} is empty");
                }
            }
            names.push(other["lang_name"][""].clone());
        }
        assert_eq!(names, ["Dansk", "English", "العربية", "Українська"]);
    }

    /// The forms listed above are ICU's (CLDR's) categories for each language.
    #[test]
    fn plural_forms_are_cldrs() {
        use leptos_i18n::reexports::icu::plurals::{PluralCategory, PluralRules};
        for locale in Locale::get_all() {
            let rules =
                PluralRules::try_new_cardinal(locale.as_icu_locale().into()).expect("plural rules");
            let categories: Vec<&str> = rules
                .categories()
                .map(|c| match c {
                    PluralCategory::Zero => "zero",
                    PluralCategory::One => "one",
                    PluralCategory::Two => "two",
                    PluralCategory::Few => "few",
                    PluralCategory::Many => "many",
                    PluralCategory::Other => "other",
                })
                .collect();
            let mut listed = plural_forms(locale.as_str()).to_vec();
            listed.sort();
            let mut categories = categories;
            categories.sort();
            assert_eq!(categories, listed, "{}", locale.as_str());
        }
    }

    fn days_left(locale: Locale, n: u32) -> String {
        crate::plurals::install();
        td_string!(locale, days_left, count = n).to_string()
    }

    /// Each count's "days left" reads as listed.
    fn says(locale: Locale, cases: &[(u32, &str)]) {
        for (n, text) in cases {
            assert_eq!(days_left(locale, *n), *text, "{n}");
        }
    }

    #[test]
    fn arabic_counts_take_their_forms() {
        let cases = [
            (0, "لم يبق أي يوم"),
            (1, "بقي يوم واحد"),
            (2, "بقي يومان"),
            (3, "بقيت 3 أيام"),
            (5, "بقيت 5 أيام"),
            (10, "بقيت 10 أيام"),
            (11, "بقي 11 يومًا"),
            (21, "بقي 21 يومًا"),
            (99, "بقي 99 يومًا"),
            (100, "بقي 100 يوم"),
            (102, "بقي 102 يوم"),
            (103, "بقيت 103 أيام"),
            (111, "بقي 111 يومًا"),
        ];
        says(Locale::ar, &cases);
    }

    #[test]
    fn ukrainian_counts_take_their_forms() {
        let cases = [
            (0, "залишилося 0 днів"),
            (1, "залишився 1 день"),
            (2, "залишилося 2 дні"),
            (3, "залишилося 3 дні"),
            (4, "залишилося 4 дні"),
            (5, "залишилося 5 днів"),
            (11, "залишилося 11 днів"),
            (12, "залишилося 12 днів"),
            (21, "залишився 21 день"),
            (22, "залишилося 22 дні"),
            (100, "залишилося 100 днів"),
            (101, "залишився 101 день"),
            (111, "залишилося 111 днів"),
            (114, "залишилося 114 днів"),
        ];
        says(Locale::uk, &cases);
    }

    #[test]
    fn danish_and_english_say_one_and_more() {
        assert_eq!(days_left(Locale::da, 1), "1 dag tilbage");
        assert_eq!(days_left(Locale::da, 21), "21 dage tilbage");
        assert_eq!(days_left(Locale::da, 0), "0 dage tilbage");
        assert_eq!(days_left(Locale::en, 1), "1 day left");
        assert_eq!(days_left(Locale::en, 2), "2 days left");
        crate::plurals::install();
        assert_eq!(
            td_string!(
                Locale::da,
                admin_grouped_summary,
                grouped = 5,
                count = 8,
                groups =
                    td_string!(Locale::da, admin_grouped_summary_groups, count = 1).to_string()
            )
            .to_string(),
            "5 af 8 høringssvar er ens eller næsten ens med andre, i 1 gruppe."
        );
        assert_eq!(
            td_string!(Locale::uk, admin_group_heading, number = 2, count = 21).to_string(),
            "Група 2 · 21 відгук"
        );
    }
}
