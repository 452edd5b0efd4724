//! The response form (høringssvar): on the whole draft or on one block.
//!
//! The form posts to the server like any HTML form, so it works without JavaScript; the server
//! sends it back with errors and everything typed if something is wrong. With JavaScript the same
//! validator from the domain core runs before sending, so mistakes show at once.

use crate::components::page::{not_found_saying, route_param, suspended};
use crate::components::{
    FieldError, block_label, error_view, escape_html, format_count, long_date, set_status,
};
use crate::forms::form_echo;
use crate::forms::{error_message, response_errors};
use crate::hearing::BlockView;
use crate::hearing::HearingView;
use crate::hearing::get_block_text;
use crate::hearing::get_hearing;
use crate::i18n::*;
use hoering::hearing::HearingState;
use hoering::response::{ResponseForm, ResponseSubmission};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use std::collections::BTreeMap;

#[component]
pub fn RespondPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let slug = route_param("slug");
    let hearing = Resource::new(slug, get_hearing);
    let echo = form_echo();
    // After a failed post the block travels in the form; on first visit it is in the URL.
    let block = echo
        .values
        .get("block")
        .cloned()
        .or_else(|| query.read_untracked().get(crate::routes::BLOCK))
        .filter(|b| !b.is_empty());
    // The block's plain text, so the browser checks a quote with the server's own rule.
    let block_text = {
        let block = block.clone();
        Resource::new(slug, move |slug| {
            let block = block.clone();
            async move {
                match block {
                    Some(number) => get_block_text(slug, number).await,
                    None => Ok(None),
                }
            }
        })
    };

    suspended(move || {
        let echo = echo.clone();
        let block = block.clone();
        async move {
            // Without the text the server still checks the quote; nothing is lost.
            let text = block_text.await.ok().flatten();
            Ok(match hearing.await {
                Ok(Some(h)) => {
                    let target = block.as_ref().map(|b| find_block(&h, b));
                    match target {
                        // A posted form whose block vanished comes back as a response to
                        // the whole draft, with the typed text and an error that says so.
                        Some(None) if !echo.values.is_empty() => {
                            view! { <ResponseFormView hearing=h.clone() block=None block_text=None echo=echo /> }.into_any()
                        }
                        Some(None) => {
                            set_status(404);
                            view! {
                                <Title text=move || t_string!(i18n, not_found_title).to_string() />
                                <h1>{t!(i18n, not_found_title)}</h1>
                                <p>{t!(i18n, block_not_found)}</p>
                                <p><a href=crate::routes::hearing(&h.card.slug)>{t!(i18n, back_to_hearing)}</a></p>
                            }
                                .into_any()
                        }
                        Some(Some(b)) => view! { <ResponseFormView hearing=h.clone() block=Some(b) block_text=text echo=echo /> }.into_any(),
                        None => view! { <ResponseFormView hearing=h.clone() block=None block_text=None echo=echo /> }.into_any(),
                    }
                }
                Ok(None) => not_found_saying(t!(i18n, hearing_not_found)),
                Err(_) => error_view().into_any(),
            })
        }
    })
}

fn find_block(h: &HearingView, number: &str) -> Option<BlockView> {
    h.sections
        .iter()
        .flat_map(|s| s.blocks.iter())
        .chain(h.footnotes.iter())
        .find(|b| b.number == number)
        .cloned()
}

#[component]
fn ResponseFormView(
    hearing: HearingView,
    block: Option<BlockView>,
    block_text: Option<String>,
    echo: crate::forms::FormEcho,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let slug = hearing.card.slug.clone();
    let title = hearing.card.title.clone();
    let page_title = t_string!(i18n, respond_title).to_string();

    if hearing.card.state != HearingState::Open {
        let msg = match hearing.card.state {
            HearingState::Upcoming => t_string!(
                i18n,
                hearing_upcoming_form,
                date = long_date(locale, hearing.card.opens)
            )
            .to_string(),
            _ => t_string!(
                i18n,
                hearing_closed_form,
                date = long_date(locale, hearing.card.closes)
            )
            .to_string(),
        };
        return view! {
            <Title text=page_title.clone() />
            <h1>{page_title}</h1>
            <p lang="da" dir="ltr" class="lead">{title}</p>
            <p class="notice" role="status">{msg}</p>
            <p><a href=crate::routes::hearing(&slug)>{t!(i18n, back_to_hearing)}</a></p>
        }
        .into_any();
    }

    // The personal link of a party on the høringsliste: its answer is matched to it.
    let party = Some(echo.value("party"))
        .filter(|p| !p.is_empty())
        .or_else(|| {
            use_query_map()
                .read_untracked()
                .get(crate::routes::PARTY)
                .filter(|p| !p.is_empty())
        });
    // Words quoted from the block: typed or pasted, or carried from a selection on the page.
    let quote_initial = if echo.values.is_empty() {
        use_query_map()
            .read_untracked()
            .get(crate::routes::QUOTE)
            .unwrap_or_default()
    } else {
        echo.value("quote")
    };
    let block_number = block.as_ref().map(|b| b.number.clone()).unwrap_or_default();
    let target = match &block {
        Some(b) => {
            let label = block_label(locale, &b.number);
            view! {
                <div class="quoted-block">
                    <p class="quoted-label">{t_string!(i18n, responding_to_block, label = label).to_string()}</p>
                    <blockquote lang="da" dir="ltr" inner_html=crate::components::block_html(b.kind, &b.html)></blockquote>
                    <p>
                        <a href=crate::routes::respond(&slug)>{t!(i18n, respond_whole_instead)}</a>
                    </p>
                </div>
            }
            .into_any()
        }
        None => view! { <p class="quoted-label">{t!(i18n, responding_to_whole)}</p> }.into_any(),
    };
    view! {
        <Title text=page_title.clone() />
        <p class="eyebrow"><a href=crate::routes::hearing(&slug) lang="da" dir="ltr">{title.clone()}</a></p>
        <h1>{page_title}</h1>
        <crate::components::DanishDraftNotice />
        {target}
        <ResponseForm slug=slug block_number=block_number block_text=block_text echo=echo party=party quote_initial=quote_initial />
    }
    .into_any()
}

/// The form itself, the one part of the page that runs in the browser: the core's validator
/// checks it before sending, the character count follows the text, and the organisation field
/// shows only when needed. Everything it needs comes in its (small) props; the draft does not.
#[island]
pub fn ResponseForm(
    slug: String,
    /// The block responded to, or empty for the whole draft.
    block_number: String,
    /// The block's plain text, so the browser checks a quote with the server's own rule.
    block_text: Option<String>,
    echo: crate::forms::FormEcho,
    party: Option<String>,
    quote_initial: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let has_block = !block_number.is_empty();
    let field = |name: &str| RwSignal::new(echo.value(name));
    // Only what the page reacts to while typing is kept in signals; the values sent are read
    // from the form itself when it is submitted, exactly as the browser would post them.
    let text = field("text");
    // No default: the sender says who they speak for, as they say whether we may publish.
    let sender_kind = field("sender_kind");
    let publication = echo.value("publication");
    let errors: RwSignal<BTreeMap<String, String>> = RwSignal::new(echo.errors.clone());
    // The files chosen, by name and size, listed with a button each to take one out again.
    let chosen: RwSignal<Vec<(String, u64)>> = RwSignal::new(Vec::new());
    let files_again = !echo.value("files_sent").is_empty();
    let hydrated = RwSignal::new(false);
    Effect::new(move |_| {
        // What the reader typed or chose before the scripts arrived (a slow phone) counts too.
        let typed = form_value("text");
        if !typed.is_empty() {
            text.set(typed);
        }
        let chosen = checked_value("sender_kind");
        if !chosen.is_empty() {
            sender_kind.set(chosen);
        }
        hydrated.set(true);
    });

    let err = move |f: &'static str| {
        Signal::derive(move || errors.with(|e| e.get(f).map(|code| error_message(i18n, f, code))))
    };
    let invalid = move |f: &'static str| move || errors.with(|e| e.contains_key(f)).to_string();
    let described = |f: &'static str, hint: bool| {
        move || {
            let mut ids = Vec::new();
            if hint {
                ids.push(format!("{f}-hint"));
            }
            if errors.with(|e| e.contains_key(f)) {
                ids.push(format!("{f}-error"));
            }
            ids.join(" ")
        }
    };

    let block_for_submit = block_number.clone();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        let form = ResponseForm {
            text: form_value("text"),
            name: form_value("name"),
            email: form_value("email"),
            sender_kind: checked_value("sender_kind"),
            organisation: form_value("organisation"),
            publication: checked_value("publication"),
            block: block_for_submit.clone(),
        };
        let mut found = match ResponseSubmission::parse(&form) {
            Ok(_) => BTreeMap::new(),
            Err(e) => response_errors(&e),
        };
        if let Some(text) = &block_text
            && let Err(e) = hoering::anchoring::locate_typed_quote(text, &form_value("quote"))
        {
            found.insert("quote".to_string(), e.code().to_string());
        }
        let sizes: Vec<u64> = chosen_files().into_iter().map(|(_, size)| size).collect();
        if let Err(e) = hoering::attachment::check_chosen(&sizes) {
            found.insert("files".to_string(), e.code().to_string());
        }
        let failed = !found.is_empty();
        errors.set(found);
        if failed {
            ev.prevent_default();
            focus_error_summary();
        }
    };

    let chars = move || text.with(|t| t.trim().chars().count());
    let max = format_count(locale, hoering::response::ResponseText::MAX_CHARS);
    let level =
        Memo::new(move |_| LengthLevel::of(chars(), hoering::response::ResponseText::MAX_CHARS));
    let announcement = {
        let max = max.clone();
        move || {
            // Tracks the level only: the count is read as it is when the level changes.
            let count = format_count(locale, text.with_untracked(|t| t.trim().chars().count()));
            match level.get() {
                LengthLevel::Fine => String::new(),
                LengthLevel::Near => {
                    t_string!(i18n, char_count_near, count = count, max = max.clone()).to_string()
                }
                LengthLevel::Over => {
                    t_string!(i18n, char_count_over, count = count, max = max.clone()).to_string()
                }
            }
        }
    };
    let org_hidden = move || hydrated.get() && sender_kind.get() == "private";

    let summary = move || {
        let errs = errors.get();
        (!errs.is_empty()).then(|| {
            view! {
                <div class="error-summary" id="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title">
                    <h2 id="error-summary-title">{t!(i18n, error_summary_title)}</h2>
                    <ul>
                        {errs
                            .iter()
                            .map(|(f, code)| {
                                let target = if f == "sender_kind" || f == "publication" {
                                    format!("#{f}-fieldset")
                                } else {
                                    format!("#{f}")
                                };
                                view! { <li><a href=target>{error_message(i18n, f, code)}</a></li> }
                            })
                            .collect_view()}
                    </ul>
                </div>
            }
        })
    };

    // `checked` carries a posted choice back in the server's HTML; the sender kind is followed
    // as it changes, to show the organisation field only when it is needed.
    let radio =
        move |current: String, fname: &'static str, value: &'static str, label: &'static str| {
            let id = format!("{fname}-{value}");
            let checked = current == value;
            view! {
                <div class="radio">
                    <input
                        type="radio"
                        id=id.clone()
                        name=fname
                        value=value
                        checked=checked
                        on:change=move |_| {
                            if fname == "sender_kind" {
                                sender_kind.set(value.to_string());
                            }
                        }
                    />
                    <label for=id>{label}</label>
                </div>
            }
        };

    // A one-line input with its label, its hint (when it has one) and its error, which follows
    // the browser's check as well as the server's; `hidden` while the field is not wanted.
    let one_line = move |f: &'static str,
                         kind: &'static str,
                         label: &'static str,
                         hint: Option<&'static str>,
                         autocomplete: Option<&'static str>,
                         value: String,
                         hidden: Signal<bool>| {
        view! {
            <div class="field" hidden=hidden class:has-error=move || errors.with(|e| e.contains_key(f))>
                <label for=f>{label}</label>
                {hint.map(|h| view! { <p class="hint" id=format!("{f}-hint")>{h}</p> })}
                <FieldError id=format!("{f}-error") message=err(f) />
                <input
                    id=f
                    name=f
                    type=kind
                    autocomplete=autocomplete
                    aria-invalid=invalid(f)
                    aria-describedby=described(f, hint.is_some())
                    value=value
                />
            </div>
        }
    };

    view! {
        {summary}
        <form method="post" action=crate::routes::respond(&slug) enctype="multipart/form-data" class="response-form" novalidate on:submit=on_submit>
            <input type="hidden" name="block" value=block_number />
            {party.map(|p| view! { <input type="hidden" name="party" value=p /> })}
            {has_block.then(|| one_line("quote", "text", t_string!(i18n, label_quote), Some(t_string!(i18n, hint_quote)), None, quote_initial.clone(), false.into()))}
            <div class="field" class:has-error=move || errors.with(|e| e.contains_key("text"))>
                <label for="text">{t!(i18n, label_text)}</label>
                <p class="hint" id="text-hint">
                    {t_string!(i18n, hint_text, max = max.clone()).to_string()}
                </p>
                <FieldError id="text-error".to_string() message=err("text") />
                <textarea
                    id="text"
                    name="text"
                    rows="10"
                    aria-invalid=invalid("text")
                    aria-describedby=described("text", true)
                    inner_html=escape_html(&echo.value("text"))
                    on:input=move |ev| text.set(event_target_value(&ev))
                ></textarea>
                // The visible count follows every key; a screen reader hears only when the text
                // nears the limit and when it goes over (a live count would interrupt every key).
                <p class="counter" hidden=move || !hydrated.get()>
                    {move || t_string!(i18n, char_count, count = format_count(locale, chars()), max = max.clone()).to_string()}
                </p>
                <p class="visually-hidden" id="text-limit" aria-live="polite">{announcement}</p>
            </div>
            <div class="field" class:has-error=move || errors.with(|e| e.contains_key("files"))>
                <label for="files">{t!(i18n, label_files)}</label>
                <p class="hint" id="files-hint">
                    {t_string!(i18n, hint_files, max = hoering::attachment::MAX_FILES).to_string()}
                </p>
                {files_again.then(|| view! { <p class="notice" role="status">{t!(i18n, files_choose_again)}</p> })}
                <FieldError id="files-error".to_string() message=err("files") />
                <input
                    type="file"
                    id="files"
                    name="files"
                    multiple
                    accept=hoering::attachment::FileKind::accept()
                    aria-invalid=invalid("files")
                    aria-describedby=described("files", true)
                    on:change=move |_| {
                        let files = chosen_files();
                        let sizes: Vec<u64> = files.iter().map(|(_, size)| *size).collect();
                        errors.update(|e| match hoering::attachment::check_chosen(&sizes) {
                            Ok(()) => { e.remove("files"); }
                            Err(err) => { e.insert("files".to_string(), err.code().to_string()); }
                        });
                        chosen.set(files);
                    }
                />
                <ul class="chosen-files" aria-label=t_string!(i18n, files_chosen) hidden=move || chosen.with(Vec::is_empty)>
                    {move || chosen.get().into_iter().enumerate().map(|(i, (name, size))| {
                        let about = crate::components::attachment::size_text(locale, i64::try_from(size).unwrap_or(i64::MAX));
                        let label = t_string!(i18n, files_remove, name = name.clone()).to_string();
                        view! {
                            <li>
                                <span class="file-name" dir="auto">{name}</span> " " <span class="muted">"(" {about} ")"</span> " "
                                <button type="button" class="link-button" aria-label=label on:click=move |_| {
                                    remove_file(i);
                                    let files = chosen_files();
                                    let sizes: Vec<u64> = files.iter().map(|(_, size)| *size).collect();
                                    if hoering::attachment::check_chosen(&sizes).is_ok() {
                                        errors.update(|e| { e.remove("files"); });
                                    }
                                    chosen.set(files);
                                }>{t!(i18n, files_remove_short)}</button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </div>
            {one_line("name", "text", t_string!(i18n, label_name), None, Some("name"), echo.value("name"), false.into())}
            {one_line("email", "email", t_string!(i18n, label_email), Some(t_string!(i18n, hint_email)), Some("email"), echo.value("email"), false.into())}
            <fieldset class="field" id="sender_kind-fieldset" class:has-error=move || errors.with(|e| e.contains_key("sender_kind"))>
                <legend>{t!(i18n, label_sender_kind)}</legend>
                <FieldError id="sender_kind-error".to_string() message=err("sender_kind") />
                {radio(sender_kind.get_untracked(), "sender_kind", "private", t_string!(i18n, sender_private))}
                {radio(sender_kind.get_untracked(), "sender_kind", "association", t_string!(i18n, sender_association))}
                {radio(sender_kind.get_untracked(), "sender_kind", "company", t_string!(i18n, sender_company))}
                {radio(sender_kind.get_untracked(), "sender_kind", "council", t_string!(i18n, sender_council))}
                {radio(sender_kind.get_untracked(), "sender_kind", "authority", t_string!(i18n, sender_authority))}
                {radio(sender_kind.get_untracked(), "sender_kind", "work_council", t_string!(i18n, sender_work_council))}
            </fieldset>
            {one_line("organisation", "text", t_string!(i18n, label_organisation), Some(t_string!(i18n, hint_organisation)), Some("organization"), echo.value("organisation"), Signal::derive(org_hidden))}
            <fieldset class="field" id="publication-fieldset" aria-describedby="publication-hint publication-contact" class:has-error=move || errors.with(|e| e.contains_key("publication"))>
                <legend>{t!(i18n, label_publication)}</legend>
                <p class="hint" id="publication-hint">{t!(i18n, hint_publication)}</p>
                // Said before the sender chooses, not only in the error after sending: an
                // anonymous response still needs a name and an e-mail address.
                <p class="hint" id="publication-contact">{t!(i18n, hint_publication_contact)}</p>
                <FieldError id="publication-error".to_string() message=err("publication") />
                {radio(publication.clone(), "publication", "with_name", t_string!(i18n, publication_with_name))}
                {radio(publication.clone(), "publication", "anonymous", t_string!(i18n, publication_anonymous))}
                {radio(publication.clone(), "publication", "not_published", t_string!(i18n, publication_not_published))}
            </fieldset>
            <p class="muted">{t!(i18n, privacy_note)}</p>
            <button type="submit" class="button">{t!(i18n, submit_response)}</button>
        </form>
    }
    .into_any()
}

/// The current value of the form field with this id (empty on the server or if absent).
fn form_value(id: &str) -> String {
    #[cfg(feature = "hydrate")]
    {
        use leptos::wasm_bindgen::JsCast;
        let el = document().get_element_by_id(id);
        if let Some(input) = el
            .clone()
            .and_then(|e| e.dyn_into::<leptos::web_sys::HtmlInputElement>().ok())
        {
            return input.value();
        }
        if let Some(area) =
            el.and_then(|e| e.dyn_into::<leptos::web_sys::HtmlTextAreaElement>().ok())
        {
            return area.value();
        }
    }
    let _ = id;
    String::new()
}

/// The files chosen in the file field, by name and size (none on the server).
fn chosen_files() -> Vec<(String, u64)> {
    #[cfg(feature = "hydrate")]
    {
        use leptos::wasm_bindgen::JsCast;
        if let Some(list) = document()
            .get_element_by_id("files")
            .and_then(|e| e.dyn_into::<leptos::web_sys::HtmlInputElement>().ok())
            .and_then(|input| input.files())
        {
            return (0..list.length())
                .filter_map(|i| list.get(i))
                .map(|f| (f.name(), f.size() as u64))
                .collect();
        }
    }
    Vec::new()
}

/// Takes the `index`th file out of the file field (a file list cannot be changed in place: a
/// new one is made of the others).
fn remove_file(index: usize) {
    #[cfg(feature = "hydrate")]
    {
        use leptos::wasm_bindgen::JsCast;
        let Some(input) = document()
            .get_element_by_id("files")
            .and_then(|e| e.dyn_into::<leptos::web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let (Some(list), Ok(kept)) = (input.files(), leptos::web_sys::DataTransfer::new()) else {
            return;
        };
        for i in 0..list.length() {
            if i as usize != index
                && let Some(file) = list.get(i)
            {
                let _ = kept.items().add_with_file(&file);
            }
        }
        input.set_files(kept.files().as_ref());
    }
    let _ = index;
}

/// The value of the checked radio button of a group, or empty when none is checked.
fn checked_value(name: &str) -> String {
    #[cfg(feature = "hydrate")]
    {
        use leptos::wasm_bindgen::JsCast;
        if let Ok(Some(el)) = document().query_selector(&format!("input[name=\"{name}\"]:checked"))
            && let Ok(input) = el.dyn_into::<leptos::web_sys::HtmlInputElement>()
        {
            return input.value();
        }
    }
    let _ = name;
    String::new()
}

/// Moves keyboard and screen-reader focus to the list of errors, as GOV.UK's pattern does.
fn focus_error_summary() {
    #[cfg(feature = "hydrate")]
    {
        use leptos::wasm_bindgen::JsCast;
        request_animation_frame(|| {
            if let Some(el) = document()
                .get_element_by_id("error-summary")
                .and_then(|e| e.dyn_into::<leptos::web_sys::HtmlElement>().ok())
            {
                let _ = el.focus();
            }
        });
    }
}

/// How near a text is to its limit, for what a screen reader is told: nothing while there is
/// room, once on reaching 90 %, once on going over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LengthLevel {
    Fine,
    Near,
    Over,
}

impl LengthLevel {
    fn of(count: usize, max: usize) -> Self {
        if count > max {
            LengthLevel::Over
        } else if count * 10 >= max * 9 {
            LengthLevel::Near
        } else {
            LengthLevel::Fine
        }
    }
}

#[cfg(test)]
mod length_tests {
    use super::LengthLevel;

    #[test]
    fn announced_only_at_ninety_percent_and_over_the_limit() {
        assert_eq!(LengthLevel::of(0, 20_000), LengthLevel::Fine);
        assert_eq!(LengthLevel::of(17_999, 20_000), LengthLevel::Fine);
        assert_eq!(LengthLevel::of(18_000, 20_000), LengthLevel::Near);
        assert_eq!(LengthLevel::of(20_000, 20_000), LengthLevel::Near);
        assert_eq!(LengthLevel::of(20_001, 20_000), LengthLevel::Over);
    }
}
