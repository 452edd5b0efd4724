//! A new hearing: the clerk's form, with a preview of the Markdown draft split into its paragraphs.

use crate::components::import::{DraftFileField, ImportReport};
use crate::components::staff::{LogoutForm, session, staff_form_page};
use crate::components::{FieldError, block_label, escape_html};
use crate::hearing::SectionView;
use crate::i18n::*;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn NewHearingPage() -> impl IntoView {
    let i18n = use_i18n();
    let user = session();
    view! {
        <Title text=move || t_string!(i18n, new_hearing).to_string() />
        {staff_form_page(user, move |user, echo, _locale| async move {
            let err = |f: &'static str| echo.message_signal(i18n, f);
            let described = |f: &'static str| echo.error(f).map(|_| format!("{f}-error"));
            let invalid = |f: &'static str| echo.error(f).map(|_| "true");
            // A one-line input with its label, its hint (when it has one) and its error.
            let input = |f: &'static str, kind: &'static str, label: &'static str, hint: Option<&'static str>| {
                view! {
                    <div class="field">
                        <label for=f>{label}</label>
                        {hint.map(|h| view! { <p class="hint" id=format!("{f}-hint")>{h}</p> })}
                        <FieldError id=format!("{f}-error") message=err(f) />
                        <input id=f name=f type=kind value=echo.value(f) aria-invalid=invalid(f) aria-describedby=described(f) />
                    </div>
                }
            };
            let report = echo.preview.as_ref().and_then(|p| p.left_out.clone()).map(|left_out| view! {
                <ImportReport left_out=left_out />
            });
            let preview = echo.preview.clone().map(|p| view! {
                <section class="preview" aria-labelledby="preview-title">
                    <h2 id="preview-title">{t!(i18n, preview_title)}</h2>
                    <p class="muted">{t!(i18n, preview_hint)}</p>
                    <h3>{p.title.clone()}</h3>
                    <PreviewSections sections=p.sections.clone() />
                    <PreviewSections sections=vec![SectionView { number: 0, level: 2, heading: String::new(), blocks: p.footnotes.clone() }] />
                </section>
            });
            let has_errors = !echo.errors.is_empty();
            Ok(view! {
                <LogoutForm user=user.clone() />
                <p class="eyebrow"><a href="/admin">{t!(i18n, admin_title)}</a></p>
                <h1>{t!(i18n, new_hearing)}</h1>
                {has_errors.then(|| view! {
                    <div class="error-summary" role="alert"><p>{t!(i18n, error_summary_title)}</p></div>
                })}
                {report}
                <form method="post" action="/admin/hoeringer/ny" enctype="multipart/form-data" class="admin-form">
                    <input type="hidden" name="csrf" value=user.csrf.clone() />
                    <div class="field">
                        <label for="markdown">{t!(i18n, label_markdown)}</label>
                        <p class="hint" id="markdown-hint">{t!(i18n, hint_markdown)}</p>
                        <FieldError id="markdown-error".to_string() message=err("markdown") />
                        <textarea id="markdown" name="markdown" rows="14" aria-describedby="markdown-hint" aria-invalid=invalid("markdown") inner_html=escape_html(&echo.value("markdown"))></textarea>
                    </div>
                    <DraftFileField message=err("file") invalid=invalid("file") />
                    {input("title", "text", t_string!(i18n, label_title), Some(t_string!(i18n, hint_from_front_matter)))}
                    {input("slug", "text", t_string!(i18n, label_slug), Some(t_string!(i18n, hint_slug)))}
                    {input("committee", "text", t_string!(i18n, fact_committee), None)}
                    {input("contact", "text", t_string!(i18n, fact_contact), None)}
                    <p class="hint">{t!(i18n, hint_dates_optional)}</p>
                    <div class="field-row">
                        {input("opens", "date", t_string!(i18n, fact_opens), None)}
                        {input("closes", "date", t_string!(i18n, fact_deadline), None)}
                        <div class="field">
                            <label for="working_days">{td_string!(i18n.get_locale_untracked(), admin_policy_or_number_of_working_days)}</label>
                            <FieldError id="working_days-error".to_string() message=err("working_days") />
                            <input id="working_days" name="working_days" type="number" min="1" max="250" value=echo.value("working_days") aria-invalid=invalid("working_days") aria-describedby=described("working_days") />
                        </div>
                    </div>
                    <div class="button-row">
                        <button type="submit" name="action" value="preview" class="button button-secondary">{t!(i18n, preview_button)}</button>
                        <button type="submit" name="action" value="create" class="button">{t!(i18n, create_button)}</button>
                    </div>
                </form>
                {preview}
            }
            .into_any())
        })}
    }
}

#[component]
pub fn PreviewSections(sections: Vec<SectionView>) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    sections
        .into_iter()
        .map(|s| {
            view! {
                <div class="doc-section">
                    {(!s.heading.is_empty()).then(|| view! { <h4>{format!("{} {}", s.number, s.heading)}</h4> })}
                    {s.blocks.into_iter().map(|b| view! {
                        <div class="block">
                            <div class="block-number">{block_label(locale, &b.number)}</div>
                            <div class="block-body" inner_html=crate::components::block_html(b.kind, &b.html)></div>
                        </div>
                    }).collect_view()}
                </div>
            }
        })
        .collect_view()
}
