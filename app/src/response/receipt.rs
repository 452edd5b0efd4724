//! The receipt after sending: a receipt number and a copy of exactly what was received.
//!
//! Its address holds a long random token, so only the sender (who was sent there) can open it.

use crate::components::page::{not_found_saying, route_param, suspended};
use crate::components::{
    block_label, error_view, long_date_time, publication_label, sender_kind_label,
};
use crate::i18n::*;
use crate::response::get_receipt;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn ReceiptPage() -> impl IntoView {
    let i18n = use_i18n();
    let token = route_param("token");
    let receipt = Resource::new(token, get_receipt);
    suspended(move || async move {
        let locale = i18n.get_locale_untracked();
        Ok(match receipt.await {
            Ok(Some(r)) => {
                let title = t_string!(i18n, receipt_title).to_string();
                view! {
                    <Title text=title.clone() />
                    <div class="success-panel" role="status">
                        <h1>{title}</h1>
                        <p>{t!(i18n, receipt_number_label)}</p>
                        <p class="receipt-number"><strong>{r.receipt_number.clone()}</strong></p>
                    </div>
                    <p>{t!(i18n, receipt_intro)}</p>
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
    })
}
