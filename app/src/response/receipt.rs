//! The receipt after sending: a receipt number and a copy of exactly what was received, where
//! it stands, and the sender's own choices (change or withdraw it while the hearing is open,
//! ask for their name to be erased after).
//!
//! Its address holds a long random token, so only the sender (who was sent there) can open it.

use crate::components::page::{not_found_saying, route_param, suspended_form};
use crate::components::{
    FieldError, block_label, error_view, long_date, long_date_time, moderation_label,
    publication_label, sender_kind_label,
};
use crate::forms::{FormEcho, error_message};
use crate::i18n::*;
use crate::response::{ReceiptView, get_receipt};
use hoering::response::ModerationStatus;
use hoering::response::Publication;
use hoering::response::own::{Erasure, OwnAction};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn ReceiptPage() -> impl IntoView {
    let i18n = use_i18n();
    let token = route_param("token");
    let receipt = Resource::new(token, get_receipt);
    let changed = leptos_router::hooks::use_query_map()
        .read_untracked()
        .get("rettet")
        .is_some();
    suspended_form(move |echo, locale| {
        let token = token();
        async move {
            Ok(match receipt.await {
                Ok(Some(r)) => {
                    let own = view! { <OwnChoices receipt=r.clone() token=token echo=echo changed=changed /> };
                    let title = t_string!(i18n, receipt_title).to_string();
                    view! {
                    <Title text=title.clone() />
                    <div class="success-panel" role="status">
                        <h1>{title}</h1>
                        <p>{t!(i18n, receipt_number_label)}</p>
                        <p class="receipt-number"><strong>{r.receipt_number.clone()}</strong></p>
                    </div>
                    <p>{t!(i18n, receipt_intro)}</p>
                    {own}
                    <h2>{t!(i18n, receipt_copy)}</h2>
                    <dl class="summary-list">
                        <div><dt>{t!(i18n, receipt_hearing)}</dt><dd><a href=crate::routes::hearing(&r.hearing_slug)>{r.hearing_title.clone()}</a></dd></div>
                        <div><dt>{t!(i18n, receipt_received)}</dt><dd>{long_date_time(locale, r.received_at)}</dd></div>
                        <div><dt>{t!(i18n, receipt_about)}</dt><dd>{
                            r.block_number.as_ref().map(|b| block_label(locale, b)).unwrap_or_else(|| t_string!(i18n, whole_draft).to_string())
                        }</dd></div>
                        {r.quote.clone().map(|q| view! { <div><dt>{t!(i18n, quoted_words)}</dt><dd><q lang="da" dir="ltr">{q}</q></dd></div> })}
                        <div><dt>{t!(i18n, label_name)}</dt><dd>{r.name.clone()}</dd></div>
                        <div><dt>{t!(i18n, label_email)}</dt><dd>{r.email.clone()}</dd></div>
                        <div><dt>{t!(i18n, label_sender_kind)}</dt><dd>{sender_kind_label(i18n, r.sender_kind)}</dd></div>
                        {r.organisation.clone().map(|o| view! { <div><dt>{t!(i18n, label_organisation)}</dt><dd>{o}</dd></div> })}
                        <div><dt>{t!(i18n, label_publication)}</dt><dd>{publication_label(i18n, r.publication)}</dd></div>
                    </dl>
                    <h3>{t!(i18n, label_text)}</h3>
                    <p lang=crate::components::text_lang(&r.text).0 dir=crate::components::text_lang(&r.text).1 class="response-text receipt-text">{r.text.clone()}</p>
                    {(!r.files.is_empty()).then(|| {
                        let locale = i18n.get_locale_untracked();
                        view! {
                            <h3>{t!(i18n, receipt_files_heading)}</h3>
                            <p class="hint">{t!(i18n, receipt_files_hash)}</p>
                            <ul class="receipt-files">
                                {r.files.iter().map(|f| view! {
                                    <li>
                                        <span class="file-name" dir="auto">{f.name.clone()}</span>
                                        " (" {crate::components::attachment::kind_name(f.kind)} ", "
                                        {crate::components::attachment::size_text(locale, f.size)} ")"
                                        <br /><code class="hash">{f.sha256.clone()}</code>
                                    </li>
                                }).collect_view()}
                            </ul>
                        }
                    })}
                    <p><a href=crate::routes::hearing(&r.hearing_slug)>{t!(i18n, back_to_hearing)}</a></p>
                }
                    .into_any()
                }
                Ok(None) => not_found_saying(t!(i18n, receipt_not_found)),
                Err(_) => error_view().into_any(),
            })
        }
    })
}

/// Where the response stands, and what its sender may do with it now: plain forms, so they
/// work without JavaScript; a refused one comes back with the reason by it and the text kept.
#[component]
fn OwnChoices(receipt: ReceiptView, token: String, echo: FormEcho, changed: bool) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let own = receipt.own.clone();
    let base = format!("/kvittering/{token}");
    let message = |field: &str| echo.error(field).map(|c| error_message(i18n, field, &c));
    let (own_error, text_error, publication_error, withdraw_error, erasure_error) = (
        message("own"),
        message("text"),
        message("publication"),
        message("withdraw"),
        message("erasure"),
    );
    let status = if own.withdrawn {
        td_string!(locale, own_status_withdrawn).to_string()
    } else {
        match receipt.status {
            ModerationStatus::Pending => td_string!(locale, own_status_pending).to_string(),
            ModerationStatus::Published if receipt.publication == Publication::NotPublished => {
                td_string!(locale, own_status_read_not_published).to_string()
            }
            status => moderation_label(i18n, status).to_string(),
        }
    };
    let erasure = match own.erasure {
        Erasure::NotAsked => None,
        Erasure::Asked => Some(td_string!(locale, own_erasure_asked)),
        Erasure::Erased => Some(td_string!(locale, own_erasure_erased)),
        Erasure::Refused => Some(td_string!(locale, own_erasure_refused)),
    };
    let typed = |field: &str, stored: String| {
        if echo.values.contains_key(field) {
            echo.value(field)
        } else {
            stored
        }
    };
    let text = typed("text", receipt.text.clone());
    let publication = typed("publication", receipt.publication.as_str().to_string());
    let change = own.offered.contains(&OwnAction::Change).then(|| {
        let radio = |value: Publication| {
            let id = format!("own-publication-{}", value.as_str());
            view! {
                <div class="choice">
                    <input type="radio" id=id.clone() name="publication" value=value.as_str() checked=publication == value.as_str() />
                    <label for=id>{publication_label(i18n, value)}</label>
                </div>
            }
        };
        let open = text_error.is_some() || publication_error.is_some();
        let text_error = text_error.clone();
        let publication_error = publication_error.clone();
        view! {
            <details class="own-change" open=open>
                <summary>{td_string!(locale, own_change_heading)}</summary>
                <form method="post" action=format!("{base}/ret") class="stacked-form">
                    <p class="hint">{td_string!(locale, own_change_hint, closes = long_date(locale, own.closes)).to_string()}</p>
                    <label for="own-text">{t!(i18n, label_text)}</label>
                    <FieldError id="own-text-fejl".to_string() message=Signal::derive(move || text_error.clone()) />
                    <textarea id="own-text" name="text" rows="8" maxlength="20000" dir="auto" inner_html=crate::components::escape_html(&text)></textarea>
                    <fieldset class="field">
                        <legend>{t!(i18n, label_publication)}</legend>
                        <FieldError id="own-publication-fejl".to_string() message=Signal::derive(move || publication_error.clone()) />
                        {radio(Publication::WithName)}
                        {radio(Publication::Anonymous)}
                        {radio(Publication::NotPublished)}
                    </fieldset>
                    <button type="submit" class="button">{td_string!(locale, own_change_button)}</button>
                </form>
            </details>
        }
    });
    let withdraw = own.offered.contains(&OwnAction::Withdraw).then(|| {
        let open = withdraw_error.is_some();
        let withdraw_error = withdraw_error.clone();
        view! {
            <details class="own-withdraw" open=open>
                <summary>{td_string!(locale, own_withdraw_heading)}</summary>
                <form method="post" action=format!("{base}/traek-tilbage") class="stacked-form">
                    <p class="hint">{td_string!(locale, own_withdraw_hint)}</p>
                    <FieldError id="own-withdraw-fejl".to_string() message=Signal::derive(move || withdraw_error.clone()) />
                    <div class="choice">
                        <input type="checkbox" id="own-withdraw-confirm" name="confirm" value="yes" />
                        <label for="own-withdraw-confirm">{td_string!(locale, own_withdraw_confirm)}</label>
                    </div>
                    <button type="submit" class="button button-secondary">{td_string!(locale, own_withdraw_button)}</button>
                </form>
            </details>
        }
    });
    let ask = own.offered.contains(&OwnAction::AskErasure).then(|| {
        let erasure_error = erasure_error.clone();
        view! {
            <form method="post" action=format!("{base}/slet-navn") class="stacked-form">
                <p class="hint">{td_string!(locale, own_erasure_hint)}</p>
                <FieldError id="own-erasure-fejl".to_string() message=Signal::derive(move || erasure_error.clone()) />
                <button type="submit" class="button button-secondary">{td_string!(locale, own_erasure_button)}</button>
            </form>
        }
    });
    view! {
        <section class="own-response" aria-labelledby="own-titel">
            <h2 id="own-titel">{td_string!(locale, own_heading)}</h2>
            {changed.then(|| view! { <p class="success-box" role="status">{td_string!(locale, own_changed_notice)}</p> })}
            <p><strong>{td_string!(locale, own_status_label)}</strong> " " {status}</p>
            {(own.changes > 0).then(|| view! { <p class="hint">{td_string!(locale, own_changed_before)}</p> })}
            {erasure.map(|e| view! { <p>{e}</p> })}
            <FieldError id="own-fejl".to_string() message=Signal::derive(move || own_error.clone()) />
            {change}
            {withdraw}
            {ask}
        </section>
    }
}
