//! A redacted response's original as sent, with its journal, for a clerk.

use crate::components::lists::data_table;
use crate::components::page::{found_or, route_id};
use crate::components::set_status;
use crate::components::staff::{LogoutForm, session, staff_page};
use crate::i18n::*;
use hoering::response::ModerationStatus;
use leptos::prelude::*;
use leptos_meta::Title;

/// A redacted response's original text, for clerks; the server journals every reading.
#[component]
pub fn ResponseOriginalPage() -> impl IntoView {
    let id = route_id("id");
    let user = session();
    let original = Resource::new(id, crate::moderation::admin_response_original);
    staff_page(user, move |user, locale| async move {
        let o = match original.await {
            // The server refuses the original to anyone but clerks.
            Err(_) => {
                set_status(403);
                return Err(view! { <h1>{td_string!(locale, admin_only_clerks_can_read_the_original)}</h1> }.into_any());
            }
            found => found_or(found)?,
        };
        Ok(view! {
            <Title text=format!("{} · {}", td_string!(locale, admin_original), o.receipt_number) />
            <LogoutForm user=user.clone() />
            <p class="eyebrow"><a lang="da" dir="ltr" href=crate::routes::admin_hearing(&o.hearing_slug)>{o.hearing_title.clone()}</a></p>
            <h1>{format!("{} {}", td_string!(locale, admin_original_response), o.receipt_number)}</h1>
            <p class="notice">{td_string!(locale, admin_your_reading_of_the_original_is)}</p>
            <h2>{td_string!(locale, admin_as_it_was_sent)}</h2>
            <p lang=crate::components::text_lang(&o.original).0 dir=crate::components::text_lang(&o.original).1 class="response-text joint-text">{o.original.clone()}</p>
            <h2>{td_string!(locale, admin_as_it_is_shown)}</h2>
            <p lang=crate::components::text_lang(&o.current).0 dir=crate::components::text_lang(&o.current).1 class="response-text joint-text">{o.current.clone()}</p>
            {(!o.earlier.is_empty()).then(|| view! {
                <h2>{td_string!(locale, admin_earlier_texts)}</h2>
                <ol class="plain-list">
                    {o.earlier.iter().map(|e| view! {
                        <li>
                            <p class="response-meta">{td_string!(locale, admin_replaced_at, at = crate::dates::iso_minute(e.replaced_at)).to_string()} " · " {publication_words(locale, e.publication)}</p>
                            <p lang=crate::components::text_lang(&e.text).0 dir=crate::components::text_lang(&e.text).1 class="response-text joint-text">{e.text.clone()}</p>
                        </li>
                    }).collect_view()}
                </ol>
            })}
            <h2>{td_string!(locale, admin_policy_journal)}</h2>
            {data_table(
                td_string!(locale, admin_policy_journal),
                [td_string!(locale, admin_when), td_string!(locale, admin_who), td_string!(locale, admin_what), td_string!(locale, admin_before), td_string!(locale, admin_after)],
                o.journal.into_iter().map(|e| view! {
                    <tr>
                        <td>{crate::dates::iso_minute(e.at)}</td>
                        <td>{e.actor}</td>
                        <td>{journal_action(locale, &e.action)}</td>
                        <td>{journal_value(locale, e.before.as_deref())}</td>
                        <td>{journal_value(locale, e.after.as_deref())}</td>
                    </tr>
                }).collect_view()
            )}
        }.into_any())
    })
}

/// A journal entry's before or after in words: a status by name, a redaction's counts.
pub fn journal_value(locale: Locale, value: Option<&str>) -> String {
    let Some(value) = value else {
        return String::new();
    };
    if let Some(status) = ModerationStatus::parse(value) {
        return match status {
            ModerationStatus::Pending => td_string!(locale, admin_pending),
            ModerationStatus::Published => td_string!(locale, council_published),
            ModerationStatus::Withheld => td_string!(locale, admin_withheld),
        }
        .to_string();
    }
    // A file received: its name and the hash that proves which file it was.
    if let Ok(file) = serde_json::from_str::<serde_json::Value>(value)
        && let (Some(name), Some(sha256)) = (file["name"].as_str(), file["sha256"].as_str())
    {
        return format!("{name} (SHA-256 {sha256})");
    }
    value
        .split(';')
        .map(|part| match part.split_once('=') {
            Some(("chars", n)) => match n.parse::<u64>() {
                Ok(count) => td_string!(locale, admin_characters, count = count).to_string(),
                Err(_) => part.to_string(),
            },
            Some(("passages", n)) => match n.parse::<u64>() {
                Ok(count) => td_string!(locale, admin_passages_redacted, count = count).to_string(),
                Err(_) => part.to_string(),
            },
            _ => part.to_string(),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// What the sender allowed, in the clerk's words.
fn publication_words(locale: Locale, publication: hoering::response::Publication) -> &'static str {
    use hoering::response::Publication;
    match publication {
        Publication::WithName => td_string!(locale, publication_with_name),
        Publication::Anonymous => td_string!(locale, publication_anonymous),
        Publication::NotPublished => td_string!(locale, publication_not_published),
    }
}

pub fn journal_action(locale: Locale, action: &str) -> String {
    match action {
        "status_changed" => td_string!(locale, admin_status_changed),
        "cpr_confirmed" => td_string!(locale, admin_published_with_a_cpr_number_confirmed),
        "redacted" => td_string!(locale, admin_passage_redacted),
        "original_read" => td_string!(locale, admin_original_read),
        "attachment_received" => td_string!(locale, admin_journal_attachment_received),
        "attachment_withheld" => td_string!(locale, admin_journal_attachment_withheld),
        "attachment_released" => td_string!(locale, admin_journal_attachment_released),
        "changed_by_sender" => td_string!(locale, admin_journal_changed_by_sender),
        "withdrawn_by_sender" => td_string!(locale, admin_journal_withdrawn_by_sender),
        "erasure_asked" => td_string!(locale, admin_journal_erasure_asked),
        "erasure_decided" => td_string!(locale, admin_journal_erasure_decided),
        other => return other.to_string(),
    }
    .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A file's entry reads as its name and hash, not as the JSON it is stored as.
    #[test]
    fn a_received_file_is_named_with_its_hash() {
        let stored = r#"{"name":"brev.pdf","sha256":"ab12","size":3,"scan":"clean"}"#;
        assert_eq!(
            journal_value(Locale::da, Some(stored)),
            "brev.pdf (SHA-256 ab12)"
        );
    }

    /// A redaction's counts agree with their nouns: "1 character", "1 passage".
    #[test]
    fn a_redactions_counts_take_their_plural_forms() {
        crate::plurals::install();
        for (locale, value, said) in [
            (
                Locale::en,
                "chars=1;passages=1",
                "1 character, 1 passage redacted",
            ),
            (
                Locale::en,
                "chars=1180;passages=2",
                "1180 characters, 2 passages redacted",
            ),
            (Locale::da, "chars=40;passages=1", "40 tegn, 1 sted skjult"),
            (
                Locale::uk,
                "chars=3;passages=5",
                "3 знаки, приховано 5 фрагментів",
            ),
            (Locale::ar, "passages=2", "أُخفي مقطعان"),
        ] {
            assert_eq!(journal_value(locale, Some(value)), said, "{value}");
        }
        assert_eq!(journal_value(Locale::en, Some("chars=x")), "chars=x");
    }
}
