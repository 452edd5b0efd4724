//! A response in the clerk's queue and on the paragraph page (publish, withhold, tag, redact,
//! answer), and the reading keys that move between responses.

use crate::components::{
    FieldError, block_label, long_date_time, moderation_label, publication_label, sender_kind_label,
};
use crate::forms::FormEcho;
use crate::i18n::*;
use crate::moderation::AdminResponse;
use hoering::response::ModerationStatus;
use leptos::prelude::*;

/// What kind of personal data a flag is, in the clerk's words.
pub fn flag_label(locale: Locale, kind: hoering::privacy::FlagKind) -> &'static str {
    use hoering::privacy::FlagKind;
    match kind {
        FlagKind::Cpr => td_string!(locale, admin_cpr_number),
        FlagKind::Phone => td_string!(locale, admin_phone_number),
        FlagKind::Email => td_string!(locale, admin_e_mail_address),
        FlagKind::Address => td_string!(locale, admin_address),
        FlagKind::Health => td_string!(locale, admin_health_next_to_a_name),
        FlagKind::Origin => td_string!(locale, admin_origin_or_faith_next_to_a),
        FlagKind::Name => td_string!(locale, admin_a_person_s_name),
    }
}

/// A sender's request to erase their name: the clerk's two answers while it waits, the outcome
/// after.
fn erasure_request(
    locale: Locale,
    r: &AdminResponse,
    csrf: &str,
    back: &str,
    error: Option<String>,
) -> Option<AnyView> {
    use hoering::response::own::Erasure;
    // Decided already (by another clerk, perhaps): the outcome, and why the answer was refused.
    let said = |text: &'static str, error: Option<String>| {
        Some(view! {
            <p class="response-meta">{text}</p>
            <FieldError id=format!("erasure-{}-error", r.id) message=Signal::derive(move || error.clone()) />
        }.into_any())
    };
    match r.erasure {
        Erasure::NotAsked => None,
        Erasure::Erased => said(td_string!(locale, admin_erasure_erased), error),
        Erasure::Refused => said(td_string!(locale, admin_erasure_refused), error),
        Erasure::Asked => {
            let action = format!("/admin/svar/{}/sletning", r.id);
            let answer = |decision: &'static str, label: &'static str, class: &'static str| {
                view! {
                    <form method="post" action=action.clone() class="inline-form">
                        <input type="hidden" name="csrf" value=csrf.to_string() />
                        <input type="hidden" name="back" value=back.to_string() />
                        <input type="hidden" name="response" value=r.id.to_string() />
                        <input type="hidden" name="decision" value=decision />
                        <button type="submit" class=class>{label}<span class="visually-hidden">{format!(" {}", r.receipt_number)}</span></button>
                    </form>
                }
            };
            Some(view! {
                <div class="notice erasure-request">
                    <p>{td_string!(locale, admin_erasure_asked)}</p>
                    <FieldError id=format!("erasure-{}-error", r.id) message=Signal::derive(move || error.clone()) />
                    <div class="button-row">
                        {answer("erase", td_string!(locale, admin_erasure_erase), "button")}
                        {answer("keep", td_string!(locale, admin_erasure_keep), "button button-secondary")}
                    </div>
                </div>
            }.into_any())
        }
    }
}

/// One response in the clerk's lists, with its moderation forms. An island: selecting words in
/// the response fills the passage to redact in the browser.
#[island]
pub fn AdminResponseItem(
    response: AdminResponse,
    csrf: String,
    slug: String,
    echo: FormEcho,
    /// Where the forms return to; the hearing's queue when `None`.
    back: Option<String>,
    /// A tick box for the queue's "tag the ticked responses" form.
    selectable: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let r = response;
    // Only this response's form gets the server's echo.
    let echo = if echo.value("response") == r.id.to_string() {
        echo
    } else {
        FormEcho::default()
    };
    let status_label = moderation_label(i18n, r.status);
    let about = r
        .block_number
        .as_ref()
        .map(|b| block_label(locale, b))
        .unwrap_or_else(|| t_string!(i18n, whole_draft).to_string());
    let heading_id = format!("r-{}", r.id);
    let action = crate::routes::moderate(r.id);
    let redact_action = crate::routes::redact(r.id);
    let back = back.unwrap_or_else(|| crate::routes::admin_hearing(&slug));
    let block_page = r
        .block_number
        .as_ref()
        .map(|n| crate::routes::admin_block(&slug, n));
    let labelled_by = heading_id.clone();
    // A CPR number in a file the public would see with the response blocks a plain publish too.
    let blocking = hoering::privacy::unhandled_blocking(&r.flags)
        || (r.publication == hoering::response::Publication::WithName
            && r.attachments.iter().any(|a| {
                a.withheld_reason.is_none()
                    && a.scan == hoering::attachment::ScanState::Clean
                    && hoering::privacy::unhandled_blocking(&a.flags)
            }));
    let files = attachments(i18n, &r.attachments, &csrf, &back, &echo);
    let message = |field: &str| {
        echo.error(field)
            .map(|code| crate::forms::error_message(i18n, field, &code))
    };
    let moderate_error = message("moderate");
    let reason_error = message("reason");
    let passage_error = message("passage");
    let passage_open = passage_error.is_some();
    // With JavaScript, selecting words in the response fills the passage to redact and opens
    // the form; without, the clerk copies and pastes them.
    let typed_passage = echo.value("passage");
    let passage = RwSignal::new(typed_passage.clone());
    let opened = RwSignal::new(passage_open);
    let take_selection = move |_| {
        if let Some(words) = crate::components::selected_text() {
            passage.set(words);
            opened.set(true);
        }
    };
    let reason_id = format!("grund-{}", r.id);
    let passage_id = format!("passage-{}", r.id);
    let flags_id = format!("flag-{}", r.id);
    let flags = (!r.flags.is_empty()).then(|| {
        let csrf = csrf.clone();
        let back = back.clone();
        let redact_action = redact_action.clone();
        view! {
            <div class="privacy-flags" role="group" aria-labelledby=flags_id.clone()>
                <p id=flags_id.clone()><strong>{td_string!(locale, admin_possible_personal_data)}</strong>
                    {blocking.then(|| td_string!(locale, admin_a_cpr_number_must_be_redacted))}</p>
                <ul class="plain-list">
                    {r.flags.iter().map(|f| {
                        let label = flag_label(locale, f.kind);
                        view! {
                            <li class=format!("flag flag-{}", f.kind.code())>
                                {label} ": " <mark>{f.text.clone()}</mark> " "
                                <form method="post" action=redact_action.clone() class="inline-form">
                                    <input type="hidden" name="csrf" value=csrf.clone() />
                                    <input type="hidden" name="back" value=back.clone() />
                                    <input type="hidden" name="start" value=f.start.to_string() />
                                    <input type="hidden" name="end" value=f.end.to_string() />
                                    <input type="hidden" name="flagged" value=f.text.clone() />
                                    <button type="submit" class="button button-secondary">{td_string!(locale, admin_redact)}<span class="visually-hidden">{format!(" {label} {}", f.text)}</span></button>
                                </form>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </div>
        }
    });
    view! {
        <article class=format!("admin-response status-{}", r.status.as_str()) aria-labelledby=labelled_by>
            {selectable.then(|| {
                let tick = format!("vaelg-{}", r.id);
                view! {
                    <span class="choice select-response">
                        <input type="checkbox" id=tick.clone() name="response" value=r.id.to_string() form="maerk-form" />
                        <label for=tick>{td_string!(locale, admin_select)}<span class="visually-hidden">{format!(" {}", r.receipt_number)}</span></label>
                    </span>
                }
            })}
            <h2 class="admin-response-title" id=heading_id>
                {format!("{} · ", r.receipt_number)}
                {match block_page {
                    Some(href) => view! { <a href=href>{about}</a> }.into_any(),
                    None => view! { <span>{about}</span> }.into_any(),
                }}
            </h2>
            <p class="response-meta">
                <span class=format!("badge badge-{}", r.status.as_str())>{status_label}</span> " · "
                {long_date_time(locale, r.received_at)} " · "
                {match r.meeting.clone() {
                    Some(m) => {
                        let table = m.table.clone().map(|t| format!(" · {t}")).unwrap_or_default();
                        view! { <span>{crate::components::response::meeting_label(locale, &m)}{table}</span> }.into_any()
                    }
                    None => view! {
                        <span>
                            {r.name.clone()} " <" {r.email.clone()} "> · "
                            {sender_kind_label(i18n, r.sender_kind)}
                            {r.organisation.clone().map(|o| format!(" ({o})"))} " · "
                            {publication_label(i18n, r.publication)}
                        </span>
                    }.into_any(),
                }}
                {r.redacted.then(|| view! {
                    " · " <span class="badge">{td_string!(locale, admin_redacted)}</span> " "
                    <a href=crate::routes::response_original(r.id)>{td_string!(locale, admin_see_the_original)}<span class="visually-hidden">{format!(" {}", r.receipt_number)}</span></a>
                })}
                // Meeting input is summarised in the notat's own section, not answered one by one.
                {r.meeting.is_none().then(|| view! {
                    " · "
                    <a href=crate::routes::remark_editor(&slug, Some(r.id), false, None)>{td_string!(locale, admin_write_a_remark)}<span class="visually-hidden">{format!(" {}", r.receipt_number)}</span></a>
                })}
            </p>
            {(!r.tags.is_empty()).then(|| view! {
                <p class="response-tags">{td_string!(locale, admin_tags_label)}
                    {r.tags.iter().map(|t| view! { <span class="badge badge-tag">{t.clone()}</span> " " }).collect_view()}
                </p>
            })}
            {r.quote.clone().map(|q| view! {
                <p class="response-quote">{td_string!(locale, quoted_words)} " " <q lang="da" dir="ltr">{q}</q></p>
            })}
            <p class="response-text" lang=crate::components::text_lang(&r.text).0 dir=crate::components::text_lang(&r.text).1 on:pointerup=take_selection>{r.text.clone()}</p>
            {files}
            {r.withheld_reason.clone().filter(|_| r.status == ModerationStatus::Withheld).map(|why| view! {
                <p class="response-meta">{td_string!(locale, admin_reason_label)}{why}</p>
            })}
            {r.withdrawn.then(|| view! { <p class="notice">{td_string!(locale, admin_withdrawn_by_sender)}</p> })}
            {(r.changes > 0).then(|| view! {
                <p class="response-meta">{td_string!(locale, admin_changed_by_sender)} " "
                    <a href=crate::routes::response_original(r.id)>{td_string!(locale, admin_see_earlier_texts)}<span class="visually-hidden">{format!(" {}", r.receipt_number)}</span></a></p>
            })}
            {erasure_request(locale, &r, &csrf, &back, message("erasure"))}
            {flags}
            <FieldError id=format!("moderate-{}-error", r.id) message=Signal::derive(move || moderate_error.clone()) />
            <div class="button-row">
                {(r.status != ModerationStatus::Published).then(|| {
                    let cpr_id = format!("cpr-{}", r.id);
                    view! {
                        <form method="post" action=action.clone() class="inline-form">
                            <input type="hidden" name="csrf" value=csrf.clone() />
                            <input type="hidden" name="status" value="published" />
                            <input type="hidden" name="back" value=back.clone() />
                            {blocking.then(|| view! {
                                <span class="choice">
                                    <input type="checkbox" id=cpr_id.clone() name="confirm_cpr" />
                                    <label for=cpr_id.clone()>{td_string!(locale, admin_the_cpr_number_may_be_published)}</label>
                                </span>
                            })}
                            <button type="submit" class="button" id=format!("udgiv-{}", r.id)>{t!(i18n, publish_button)}<span class="visually-hidden">{format!(" {}", r.receipt_number)}</span></button>
                        </form>
                    }
                })}
                {(r.status != ModerationStatus::Withheld).then(|| {
                    let invalid = reason_error.as_ref().map(|_| "true");
                    let reason_error = reason_error.clone();
                    view! {
                        <form method="post" action=action.clone() class="inline-form withhold-form">
                            <input type="hidden" name="csrf" value=csrf.clone() />
                            <input type="hidden" name="status" value="withheld" />
                            <input type="hidden" name="back" value=back.clone() />
                            <label for=reason_id.clone()>{td_string!(locale, admin_reason_sent_to_the_sender)}</label>
                            <FieldError id=format!("{reason_id}-error") message=Signal::derive(move || reason_error.clone()) />
                            <input id=reason_id.clone() name="reason" type="text" value=echo.value("reason")
                                aria-invalid=invalid aria-describedby=invalid.map(|_| format!("{reason_id}-error")) />
                            <button type="submit" class="button button-secondary">{t!(i18n, withhold_button)}<span class="visually-hidden">{format!(" {}", r.receipt_number)}</span></button>
                        </form>
                    }
                })}
            </div>
            <details class="redact-passage" open=passage_open prop:open=move || opened.get() id=format!("skjul-{}", r.id)>
                <summary>{td_string!(locale, admin_redact_a_passage)}<span class="visually-hidden">{format!(" {}", r.receipt_number)}</span></summary>
                <form method="post" action=redact_action.clone() class="admin-form">
                    <input type="hidden" name="csrf" value=csrf.clone() />
                    <input type="hidden" name="back" value=back.clone() />
                    <div class="field">
                        <label for=passage_id.clone()>{td_string!(locale, admin_the_words_to_redact)}</label>
                        <p class="hint" id=format!("{passage_id}-hint")>{td_string!(locale, admin_select_the_words_in_the_text)}</p>
                        <FieldError id=format!("{passage_id}-error") message=Signal::derive(move || passage_error.clone()) />
                        <input id=passage_id.clone() name="passage" type="text" value=typed_passage prop:value=move || passage.get()
                            on:input=move |ev| passage.set(event_target_value(&ev)) aria-describedby=format!("{passage_id}-hint") />
                    </div>
                    <button type="submit" class="button button-secondary">{td_string!(locale, admin_redact_the_passage)}</button>
                </form>
            </details>
        </article>
    }
}

/// The clerk's reading keys on a list of input: j and k move between items; on an item, o
/// publishes, h goes to the reason for withholding, s opens "redact a passage". Ignored while
/// typing in a field. `items` are the response ids in page order. An island that shows nothing.
#[island]
pub fn ReadingKeys(items: Vec<i64>) -> impl IntoView {
    #[cfg(feature = "hydrate")]
    {
        use leptos::wasm_bindgen::JsCast;
        use leptos::web_sys::{Element, HtmlElement};
        let current = StoredValue::new(None::<usize>);
        let element = |id: &str| document().get_element_by_id(id);
        let focus = move |id: &str| {
            if let Some(el) = element(id).and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
                let _ = el.focus();
            }
        };
        let handle = window_event_listener(leptos::ev::keydown, move |ev| {
            if ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
                return;
            }
            let typing = ev
                .target()
                .and_then(|t| t.dyn_into::<Element>().ok())
                .map(|e| matches!(e.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"))
                .unwrap_or(false);
            if typing || items.is_empty() {
                return;
            }
            let at = current.get_value();
            let key = ev.key();
            let moved = match key.as_str() {
                "j" => Some(at.map_or(0, |i| (i + 1).min(items.len() - 1))),
                "k" => Some(at.map_or(0, |i| i.saturating_sub(1))),
                _ => None,
            };
            if let Some(i) = moved {
                current.set_value(Some(i));
                focus(&format!("punkt-{}", items[i]));
                ev.prevent_default();
                return;
            }
            let Some(id) = at.and_then(|i| items.get(i)) else {
                return;
            };
            match key.as_str() {
                "o" => {
                    if let Some(el) = element(&format!("udgiv-{id}"))
                        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
                    {
                        el.click();
                    }
                }
                "h" => focus(&format!("grund-{id}")),
                "s" => {
                    if let Some(details) = element(&format!("skjul-{id}")) {
                        let _ = details.set_attribute("open", "");
                    }
                    focus(&format!("passage-{id}"));
                }
                _ => return,
            }
            ev.prevent_default();
        });
        on_cleanup(move || handle.remove());
    }
    let _ = items;
}

/// A response's files as the clerk sees them: each a download, what the scan and the reading
/// of its text said, what the personal-data check found in it, whether the public sees it, and
/// the form that withholds it (with a reason) or shows it again.
fn attachments(
    i18n: leptos_i18n::I18nContext<Locale>,
    files: &[crate::moderation::AdminAttachment],
    csrf: &str,
    back: &str,
    echo: &FormEcho,
) -> Option<impl IntoView + use<>> {
    if files.is_empty() {
        return None;
    }
    let locale = i18n.get_locale_untracked();
    let items = files
        .iter()
        .map(|a| {
            let field = format!("withhold-{}", a.id);
            let error = echo
                .error(&field)
                .map(|code| crate::forms::error_message(i18n, &field, &code));
            let reason_id = format!("fil-grund-{}", a.id);
            let error_id = format!("{field}-error");
            let invalid = error.as_ref().map(|_| "true");
            let described = error.as_ref().map(|_| error_id.clone());
            let about = format!(
                "{}, {}",
                crate::components::attachment::kind_name(a.file.kind),
                crate::components::attachment::size_text(locale, a.file.size)
            );
            let notes = file_notes(locale, a);
            let shown = if a.shown {
                td_string!(locale, admin_attachment_shown).to_string()
            } else {
                match &a.withheld_reason {
                    Some(why) => td_string!(locale, admin_attachment_withheld, reason = why.clone())
                        .to_string(),
                    None => td_string!(locale, admin_attachment_hidden).to_string(),
                }
            };
            let withheld = a.withheld_reason.is_some();
            view! {
                <li class="admin-attachment">
                    <a class="file-name" href=a.file.url.clone() download="" dir="auto">{a.file.name.clone()}</a>
                    " " <span class="muted">"(" {about} ")"</span> " · " <span>{shown}</span>
                    {notes.into_iter().map(|n| view! { <br /><span class="notice-inline">{n}</span> }).collect_view()}
                    {(!a.flags.is_empty()).then(|| view! {
                        <br />{td_string!(locale, admin_attachment_found)} " "
                        {a.flags.iter().map(|f| view! {
                            <span class=format!("flag flag-{}", f.kind.code())>{flag_label(locale, f.kind)} ": " <mark>{f.text.clone()}</mark></span> " "
                        }).collect_view()}
                    })}
                    <form method="post" action=crate::routes::admin_attachment_withhold(a.id) class="inline-form attachment-form">
                        <input type="hidden" name="csrf" value=csrf.to_string() />
                        <input type="hidden" name="back" value=back.to_string() />
                        {if withheld {
                            view! {
                                <input type="hidden" name="action" value="release" />
                                <button type="submit" class="button button-secondary">{td_string!(locale, admin_attachment_release)}<span class="visually-hidden">{format!(" {}", a.file.name)}</span></button>
                            }.into_any()
                        } else {
                            view! {
                                <label for=reason_id.clone()>{td_string!(locale, admin_attachment_withhold_reason)}</label>
                                <FieldError id=error_id.clone() message=Signal::derive(move || error.clone()) />
                                <input type="text" id=reason_id.clone() name="reason" aria-invalid=invalid aria-describedby=described />
                                <button type="submit" class="button button-secondary">{td_string!(locale, admin_attachment_withhold)}<span class="visually-hidden">{format!(" {}", a.file.name)}</span></button>
                            }.into_any()
                        }}
                    </form>
                </li>
            }
        })
        .collect_view();
    Some(view! {
        <div class="attachments admin-attachments">
            <p class="attachments-head"><strong>{td_string!(locale, attachments_heading)}</strong></p>
            <ul>{items}</ul>
        </div>
    })
}

/// What a clerk must know of a file before trusting it: not scanned, or its text not read
/// (so the personal-data check did not see it).
pub fn file_notes(locale: Locale, a: &crate::moderation::AdminAttachment) -> Vec<&'static str> {
    use hoering::attachment::{ScanState, TextState};
    [
        (a.scan == ScanState::NotScanned).then(|| td_string!(locale, admin_attachment_not_scanned)),
        match a.text_state {
            TextState::Read => None,
            TextState::Scanned => Some(td_string!(locale, admin_attachment_text_scanned)),
            TextState::Failed => Some(td_string!(locale, admin_attachment_text_failed)),
            TextState::NotRead => Some(td_string!(locale, admin_attachment_text_not_read)),
        },
    ]
    .into_iter()
    .flatten()
    .collect()
}
