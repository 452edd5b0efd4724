//! A new version of a hearing's draft, written by the clerk.

use crate::components::import::{DraftFileField, ImportReport};
use crate::components::page::{not_found, route_param};
use crate::components::staff::{LogoutForm, session, staff_form_page};
use crate::components::{FieldError, escape_html};
use crate::i18n::*;
use crate::version::admin_latest_text;
use leptos::prelude::*;
use leptos_meta::Title;

/// A new version of the hearing's text: the newest text to edit, or a file to upload.
#[component]
pub fn NewVersionPage() -> impl IntoView {
    let i18n = use_i18n();
    let slug = route_param("slug");
    let user = session();
    let latest = Resource::new(slug, admin_latest_text);
    view! {
        <Title text=move || t_string!(i18n, new_version).to_string() />
        {staff_form_page(user, move |user, echo, _locale| async move {
            // A failed read is "not found" here too: there is no text to start the new version from.
            let Ok(Some((number, markdown))) = latest.await else { return Err(not_found()) };
            let slug = slug();
            let err = |f: &'static str| echo.message_signal(i18n, f);
            let text = if echo.values.is_empty() { markdown } else { echo.value("markdown") };
            let report = echo.preview.as_ref().and_then(|p| p.left_out.clone()).map(|left_out| view! {
                <ImportReport left_out=left_out />
            });
            Ok(view! {
                <LogoutForm user=user.clone() />
                <p class="eyebrow"><a href=crate::routes::admin_hearing(&slug)>{t!(i18n, admin_title)}</a></p>
                <h1>{t!(i18n, new_version)}</h1>
                <p>{t_string!(i18n, new_version_intro, number = number).to_string()}</p>
                {report}
                <form method="post" action=crate::routes::new_version(&slug) enctype="multipart/form-data" class="admin-form">
                    <input type="hidden" name="csrf" value=user.csrf.clone() />
                    <div class="field">
                        <label for="label">{t!(i18n, label_version_label)}</label>
                        <p class="hint" id="label-hint">{t!(i18n, hint_version_label)}</p>
                        <FieldError id="label-error".to_string() message=err("label") />
                        <input id="label" name="label" type="text" value=echo.value("label") aria-describedby="label-hint" />
                    </div>
                    <div class="field">
                        <label for="note">{t!(i18n, label_version_note)}</label>
                        <input id="note" name="note" type="text" value=echo.value("note") />
                    </div>
                    <div class="field">
                        <label for="markdown">{t!(i18n, label_markdown)}</label>
                        <FieldError id="markdown-error".to_string() message=err("markdown") />
                        <textarea id="markdown" name="markdown" rows="18" inner_html=escape_html(&text)></textarea>
                    </div>
                    <DraftFileField message=err("file") invalid=echo.error("file").map(|_| "true") />
                    <button type="submit" class="button">{t!(i18n, publish_version)}</button>
                </form>
            }
            .into_any())
        })}
    }
}
