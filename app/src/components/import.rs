//! What a draft read from Word or LibreOffice left behind, told to the clerk beside the preview.

use crate::i18n::*;
use hoering::import::LeftOut;
use leptos::prelude::*;

/// The file input for a draft: Markdown, Word or LibreOffice, with its error.
#[component]
pub fn DraftFileField(
    message: Signal<Option<String>>,
    invalid: Option<&'static str>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="field">
            <label for="file">{t!(i18n, label_file)}</label>
            <p class="hint" id="file-hint">{t!(i18n, hint_draft_file)}</p>
            <crate::components::FieldError id="file-error".to_string() message=message />
            <input id="file" name="file" type="file" aria-describedby="file-hint" aria-invalid=invalid
                accept=".md,.markdown,.txt,.docx,.odt,text/markdown,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.oasis.opendocument.text" />
        </div>
    }
}

/// The notice after a Word or LibreOffice file was read: the draft is in the text field to
/// check, and what did not come along.
#[component]
pub fn ImportReport(left_out: Vec<LeftOut>) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let nothing_left_out = left_out.is_empty();
    let items = left_out
        .into_iter()
        .map(|item| {
            let text = match item {
                LeftOut::Image(name) if name.trim().is_empty() => {
                    td_string!(locale, import_left_image_unnamed).to_string()
                }
                LeftOut::Image(name) => {
                    td_string!(locale, import_left_image, name = name).to_string()
                }
                LeftOut::Comments(n) => {
                    td_string!(locale, import_left_comments, count = n).to_string()
                }
                LeftOut::TrackedChanges(n) => {
                    td_string!(locale, import_left_changes, count = n).to_string()
                }
                LeftOut::HeadersFooters => td_string!(locale, import_left_headers).to_string(),
                LeftOut::Link(target) => {
                    td_string!(locale, import_left_link, target = target).to_string()
                }
                LeftOut::Numbering(example) => {
                    td_string!(locale, import_left_numbering, example = example).to_string()
                }
                LeftOut::TextBox => td_string!(locale, import_left_text_box).to_string(),
            };
            view! { <li>{text}</li> }
        })
        .collect_view();
    view! {
        <section class="notice import-report" aria-labelledby="import-report-title">
            <h2 id="import-report-title">{t!(i18n, import_report_title)}</h2>
            <p>{t!(i18n, import_report_intro)}</p>
            {if nothing_left_out {
                view! { <p>{t!(i18n, import_nothing_left_out)}</p> }.into_any()
            } else {
                view! { <p>{t!(i18n, import_left_out_list)}</p> <ul>{items}</ul> }.into_any()
            }}
        </section>
    }
}
