//! `/hoeringer/{slug}/hoeringsnotat` and `/hoeringer/{slug}/hoeringsnotat/udgave/{n}`: a
//! published edition of the høringsnotat exactly as it was published (its body is the HTML
//! stored then), what changed in a revision, its files with their SHA-256, and every edition.

use crate::components::long_date;
use crate::components::page::page_about;
use crate::i18n::*;
use crate::notat::edition::{EditionFiles, EditionList};
use crate::routes::notat_edition_download;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn NotatEditionPage() -> impl IntoView {
    let params = use_params_map();
    let key = move || {
        let p = params.read();
        (
            p.get("slug").unwrap_or_default(),
            // A number that is not one asks for edition 0, which does not exist.
            p.get("n").map(|n| n.parse::<i64>().unwrap_or(0)),
        )
    };
    let read = |(slug, number): (String, Option<i64>)| crate::notat::notat_edition(slug, number);
    page_about(key, read, move |p, locale| async move {
        let slug = p.hearing_slug.clone();
        let title = td_string!(locale, outbox_consultation_report);
        let Some(shown) = p.shown else {
            return Ok(view! {
                <Title text=format!("{title} · {}", p.hearing_title) />
                <p class="eyebrow"><a lang="da" dir="ltr" href=crate::routes::hearing(&slug)>{p.hearing_title.clone()}</a></p>
                <h1>{title}</h1>
                <p>{td_string!(locale, notat_the_consultation_report_has_not_been)}</p>
            }
            .into_any());
        };
        let e = shown.summary.clone();
        let latest = p.editions.first().map_or(e.number, |l| l.number);
        let is_latest = e.number == latest;
        // The latest edition's files are also at the notat's own address.
        let download =
            |file: &str| notat_edition_download(&slug, (!is_latest).then_some(e.number), file);
        Ok(view! {
            <Title text=format!("{} · {}", shown.title, td_string!(locale, notat_edition_number, number = e.number)) />
            <p class="eyebrow"><a lang="da" dir="ltr" href=crate::routes::hearing(&slug)>{p.hearing_title.clone()}</a></p>
            <h1>{shown.title.clone()}</h1>
            {(!is_latest).then(|| view! {
                <p class="notice" role="note">
                    {td_string!(locale, notat_older_edition, number = e.number, latest = latest).to_string()}
                    " "
                    <a href=crate::routes::hearing_notat(&slug)>{td_string!(locale, notat_read_the_current_edition)}</a>
                </p>
            })}
            {if e.number > 1 {
                view! {
                    <p class="lead"><strong>{td_string!(locale, notat_revised_edition, number = e.number).to_string()}</strong>
                        " · " {td_string!(locale, notat_published_on, day = long_date(locale, e.published)).to_string()}</p>
                    <section class="edition-reason" aria-labelledby="udgave-aendret">
                        <h2 id="udgave-aendret">{td_string!(locale, notat_what_changed_and_why)}</h2>
                        <p class="joint-text">{e.reason.clone()}</p>
                    </section>
                }
                .into_any()
            } else {
                view! {
                    <p class="lead">{td_string!(locale, notat_edition_number, number = e.number).to_string()} " · "
                        {td_string!(locale, notat_published_on, day = long_date(locale, e.published)).to_string()}</p>
                }
                .into_any()
            }}
            <p>
                <a href=download("hoeringsnotat.docx") rel="external" download="">{td_string!(locale, notat_download_as_word_docx)}</a>
                " · "
                <a href=download("hoeringsnotat.pdf") rel="external" download="">{td_string!(locale, notat_download_as_pdf)}</a>
                " · "
                <a href=download("hoeringsnotat.html") rel="external" download="">{td_string!(locale, notat_download_as_html)}</a>
                " · "
                <a href=crate::routes::hearing_result(&slug)>{td_string!(locale, hearing_you_said_we_did)}</a>
            </p>
            <div class="notat-edition" lang=shown.lang.clone() inner_html=shown.html.clone()></div>
            <section class="policy-section" aria-labelledby="udgaver-titel">
                <h2 id="udgaver-titel">{td_string!(locale, notat_editions)}</h2>
                <EditionFiles edition=e.clone() />
                <EditionList slug=slug.clone() editions=p.editions.clone() />
            </section>
        }
        .into_any())
    })
}
