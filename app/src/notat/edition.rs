//! The høringsnotat's editions as the pages show them: a published notat is a numbered
//! edition whose files never change (the server stores them when it is published); a revised
//! edition says what changed and why. Here: the views' values, the documents' bylines, the
//! notat's body rendered once to HTML for an edition, and the clerk's publication section.

use crate::components::FieldError;
use crate::components::long_date;
use crate::forms::{FormEcho, error_message};
use crate::i18n::*;
use jiff::civil::Date;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// One published edition, without its files.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EditionSummary {
    pub number: i64,
    pub published: Date,
    /// What changed and why; empty for the first edition.
    pub reason: String,
    /// SHA-256 of the stored files, as 64 lowercase hex digits.
    pub html_sha256: String,
    pub docx_sha256: String,
    pub pdf_sha256: String,
}

/// The edition a public page shows: its summary, the notat's title and its body's HTML,
/// exactly as stored when it was published.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ShownEdition {
    pub summary: EditionSummary,
    pub title: String,
    pub html: String,
    /// The language the edition is written in (`da`), for the body's `lang`.
    pub lang: String,
}

/// The public notat page: the edition asked for (the latest without a number), and every
/// edition, newest first. No edition: not published yet.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EditionPage {
    pub hearing_slug: String,
    pub hearing_title: String,
    pub shown: Option<ShownEdition>,
    pub editions: Vec<EditionSummary>,
}

/// What the clerk's page needs to publish: whether the hearing is over (its last day), and
/// the editions so far, newest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EditionsAdmin {
    pub last_day: Date,
    pub closed: bool,
    pub editions: Vec<EditionSummary>,
}

/// The byline of an edition's DOCX and PDF: municipality, edition and day.
pub fn edition_byline(locale: Locale, municipality: &str, number: i64, day: Date) -> String {
    td_string!(
        locale,
        notat_doc_byline_edition,
        municipality = municipality,
        number = number,
        date = crate::dates::long_date(locale, day)
    )
    .to_string()
}

/// The byline of the clerks' working draft once an edition is out: the draft of the next.
pub fn next_draft_byline(locale: Locale, municipality: &str, number: i64) -> String {
    td_string!(
        locale,
        notat_doc_byline_next_draft,
        municipality = municipality,
        number = number
    )
    .to_string()
}

/// The notat's body (contents and sections) as the web page shows it, rendered once, in
/// `locale`, for an edition to store: the page then serves these bytes, never a new rendering.
#[cfg(feature = "ssr")]
pub fn body_html(notat: hoering::notat::Notat, locale: Locale) -> String {
    use crate::components::notat::NotatBody;
    // Outside a request: an owner of its own, and the words' context fixed to `locale` (no
    // cookie, no Accept-Language to consult).
    let owner = Owner::new();
    owner.with(|| {
        let i18n =
            leptos_i18n::context::init_i18n_subcontext::<Locale>(Some(Signal::stored(locale)));
        provide_context(i18n);
        view! { <NotatBody notat=notat /> }.to_html()
    })
}

/// An edition's three files with their SHA-256 (the page links the downloads).
#[component]
pub fn EditionFiles(edition: EditionSummary) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let id = format!("kontrolsummer-{}", edition.number);
    let labelled = id.clone();
    // File formats' names, the same in every language.
    let row = |format: &'static str, hash: String| {
        view! {
            <tr>
                <th scope="row">{format}</th>
                <td><code class="checksum">{hash}</code></td>
            </tr>
        }
    };
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-labelledby=labelled>
            <table class="data-table edition-files">
                <caption id=id>{td_string!(locale, notat_checksums)}</caption>
                <tbody>
                    {row("DOCX", edition.docx_sha256.clone())}
                    {row("PDF", edition.pdf_sha256.clone())}
                    {row("HTML", edition.html_sha256.clone())}
                </tbody>
            </table>
        </div>
        <p class="hint">{td_string!(locale, notat_checksums_hint)}</p>
    }
}

/// The list of editions, each linking its own page, with what changed.
#[component]
pub fn EditionList(slug: String, editions: Vec<EditionSummary>) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    view! {
        <ol class="plain-list edition-list" reversed="">
            {editions.into_iter().map(|e| view! {
                <li>
                    <a href=crate::routes::notat_edition(&slug, e.number)>{td_string!(locale, notat_edition_published_on, number = e.number, day = long_date(locale, e.published)).to_string()}</a>
                    {(!e.reason.is_empty()).then(|| view! {
                        <p class="hint">{format!("{}: {}", td_string!(locale, notat_what_changed_and_why), e.reason)}</p>
                    })}
                </li>
            }).collect_view()}
        </ol>
    }
}

/// The clerk's publication: refused in words while the hearing is open; the first edition
/// with a button; a revision with the required "what changed and why".
#[component]
pub fn EditionsAdminSection(
    slug: String,
    csrf: String,
    echo: FormEcho,
    editions: EditionsAdmin,
    /// How many bemærkninger there are (a first edition needs one).
    remarks: usize,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let field = |name: &'static str| echo.error(name).map(|c| error_message(i18n, name, &c));
    let publish_error = field("publish");
    let reason_error = field("edition_reason");
    let reason_value = echo.value("edition_reason");
    let next = editions.editions.first().map_or(1, |e| e.number + 1);
    let latest = editions.editions.first().cloned();
    let action = format!(
        "{}/hoeringsnotat/offentliggoer",
        crate::routes::admin_hearing(&slug)
    );
    let form = if !editions.closed {
        view! {
            <p id="offentliggoer-hvorfor-ikke" class="notice">{td_string!(locale, notat_publish_once_closed, day = long_date(locale, editions.last_day)).to_string()}</p>
            <FieldError id="offentliggoer-fejl".to_string() message=Signal::derive(move || publish_error.clone()) />
        }
        .into_any()
    } else if next == 1 && remarks == 0 {
        ().into_any()
    } else if next == 1 {
        view! {
            <form method="post" action=action>
                <input type="hidden" name="csrf" value=csrf />
                <p>{td_string!(locale, notat_every_approved_remark_is_published_at)}</p>
                <FieldError id="offentliggoer-fejl".to_string() message=Signal::derive(move || publish_error.clone()) />
                <button type="submit" class="button" aria-describedby="offentliggoer-fejl">{td_string!(locale, notat_publish_the_consultation_report)}</button>
            </form>
        }
        .into_any()
    } else {
        let invalid = reason_error.as_ref().map(|_| "true");
        view! {
            <form method="post" action=action class="stacked-form">
                <input type="hidden" name="csrf" value=csrf />
                <FieldError id="offentliggoer-fejl".to_string() message=Signal::derive(move || publish_error.clone()) />
                <label for="udgave-aarsag">{td_string!(locale, notat_edition_reason_label)}</label>
                <p class="hint" id="udgave-aarsag-hjaelp">{td_string!(locale, notat_edition_reason_hint)}</p>
                <FieldError id="udgave-aarsag-fejl".to_string() message=Signal::derive(move || reason_error.clone()) />
                <textarea id="udgave-aarsag" name="edition_reason" rows="3" required aria-describedby="udgave-aarsag-hjaelp udgave-aarsag-fejl" aria-invalid=invalid inner_html=crate::components::escape_html(&reason_value)></textarea>
                <button type="submit" class="button">{td_string!(locale, notat_publish_edition, number = next).to_string()}</button>
            </form>
        }
        .into_any()
    };
    view! {
        {latest.map(|e| view! {
            <p class="success-box" role="status">{td_string!(locale, notat_edition_published_status, number = e.number, day = long_date(locale, e.published)).to_string()}</p>
            <p>
                <a href=crate::routes::hearing_notat(&slug)>{td_string!(locale, notat_the_public_consultation_report)}</a>
                " · "
                <a href=crate::routes::hearing_result(&slug)>{td_string!(locale, hearing_you_said_we_did)}</a>
            </p>
            <h3>{td_string!(locale, notat_editions)}</h3>
            <EditionList slug=slug.clone() editions=editions.editions.clone() />
        })}
        {form}
    }
}
