//! Search in a hearing: the public searches the draft and the published input, the clerk
//! searches everything with filters. Both know Danish word forms and mark the words found.

use crate::components::lists::plain_list;
use crate::components::page::{page_about, query_param, route_param};
use crate::components::staff::{LogoutForm, staff_page_about};
use crate::components::{block_label, moderation_label, sender_kind_label};
use crate::i18n::*;
use crate::moderation::SearchFilters;
use crate::moderation::SearchView;
use crate::moderation::admin_search;
use crate::moderation::search_hearing;
use crate::routes;
use hoering::language::Snippet;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// An excerpt with the words found in `<mark>`, and an ellipsis where it is cut.
#[component]
pub fn Marked(snippet: Snippet) -> impl IntoView {
    let text = snippet.text;
    let mut parts = Vec::new();
    let mut at = 0;
    for mark in snippet.marks {
        let (Some(before), Some(found)) =
            (text.get(at..mark.start), text.get(mark.start..mark.end))
        else {
            continue;
        };
        parts.push(view! { <span>{before.to_string()}</span> }.into_any());
        parts.push(view! { <mark>{found.to_string()}</mark> }.into_any());
        at = mark.end;
    }
    parts.push(view! { <span>{text.get(at..).unwrap_or_default().to_string()}</span> }.into_any());
    view! {
        <p class="search-snippet">
            {snippet.starts_inside.then_some("… ")}
            {parts}
            {snippet.ends_inside.then_some(" …")}
        </p>
    }
}

/// The search box, the same for both pages; it works as a plain GET form.
fn search_form(locale: Locale, action: String, q: String, extra: impl IntoView) -> impl IntoView {
    view! {
        <form method="get" action=action role="search" class="admin-form search-form">
            <div class="field">
                <label for="soeg-q">{td_string!(locale, hearing_search)}</label>
                <p class="hint" id="soeg-hint">{td_string!(locale, search_the_search_knows_word_forms_integration)}</p>
                <input id="soeg-q" name="q" type="search" value=q aria-describedby="soeg-hint" />
            </div>
            {extra}
            <button type="submit" class="button">{td_string!(locale, hearing_search)}</button>
        </form>
    }
}

fn summary(locale: Locale, v: &SearchView, hits: usize) -> String {
    match (v.terms.is_empty(), v.query.trim().is_empty()) {
        (_, true) => String::new(),
        (true, false) => td_string!(locale, search_only_small_words).into(),
        (false, false) => td_string!(
            locale,
            search_found,
            responses = td_string!(
                locale,
                search_found_responses,
                count = hits,
                more = if v.truncated { "+" } else { "" }
            )
            .to_string(),
            blocks = td_string!(locale, search_found_blocks, count = v.blocks.len()).to_string(),
            query = v.query.clone()
        )
        .to_string(),
    }
}

fn block_hits(locale: Locale, v: &SearchView, href: impl Fn(&str) -> String) -> impl IntoView {
    (!v.blocks.is_empty()).then(|| {
        view! {
            <section aria-labelledby="fundne-afsnit">
                <h2 id="fundne-afsnit">{td_string!(locale, search_in_the_draft)}</h2>
                {plain_list(v.blocks.iter(), |b| view! {
                    <a href=href(&b.number)>{block_label(locale, &b.number)}</a>
                    <Marked snippet=b.snippet.clone() />
                })}
            </section>
        }
    })
}

/// The responses found, each with its line of who and where above the words found; nothing when
/// none were.
fn response_hits(heading: &'static str, hits: Vec<(AnyView, Snippet)>) -> impl IntoView {
    (!hits.is_empty()).then(|| {
        view! {
            <section aria-labelledby="fundne-svar">
                <h2 id="fundne-svar">{heading}</h2>
                <ol class="plain-list response-list">
                    {hits.into_iter().map(|(meta, snippet)| view! {
                        <li class="response">
                            <p class="response-meta">{meta}</p>
                            <Marked snippet=snippet />
                        </li>
                    }).collect_view()}
                </ol>
            </section>
        }
    })
}

/// `/hoeringer/{slug}/soeg?q=…`: the public's search.
#[component]
pub fn SearchPage() -> impl IntoView {
    let i18n = use_i18n();
    let (slug, q) = (route_param("slug"), query_param("q"));
    let key = move || (slug(), q());
    let read = |(slug, q): (String, String)| search_hearing(slug, q);
    page_about(key, read, move |v, locale| async move {
        let slug = v.hearing_slug.clone();
        let line = summary(locale, &v, v.public_hits.len());
        let hits = v.public_hits.iter().map(|h| {
            let r = &h.response;
            let who = match (&r.author, &r.organisation, &r.meeting) {
                (_, _, Some(m)) => crate::components::response::meeting_label(locale, m),
                (Some(a), Some(o), _) => format!("{a}, {o}"),
                (Some(a), None, _) => a.clone(),
                (None, Some(o), _) => o.clone(),
                (None, None, _) => t_string!(i18n, anonymous_sender).to_string(),
            };
            let meta = view! {
                <strong>{who}</strong>
                {r.meeting.is_none().then(|| format!(" · {}", sender_kind_label(i18n, r.sender_kind)))}
                " · " {r.block_number.clone().map(|n| block_label(locale, &n)).unwrap_or_else(|| t_string!(i18n, whole_draft).to_string())}
            };
            (meta.into_any(), h.snippet.clone())
        }).collect();
        Ok(view! {
            <Title text=format!("{} · {}", td_string!(locale, hearing_search), v.hearing_title) />
            <p class="eyebrow"><a lang="da" dir="ltr" href=routes::hearing(&slug)>{v.hearing_title.clone()}</a></p>
            <h1>{td_string!(locale, search_search_the_hearing)}</h1>
            {search_form(locale, format!("{}/soeg", routes::hearing(&slug)), v.query.clone(), ())}
            <p role="status">{line}</p>
            {block_hits(locale, &v, |n| format!("{}#b-{n}", routes::hearing(&slug)))}
            {response_hits(td_string!(locale, search_published_responses), hits)}
        }
        .into_any())
    })
}

/// `/admin/hoeringer/{slug}/soeg?q=…`: the clerk's search, over everything, with filters.
#[component]
pub fn AdminSearchPage() -> impl IntoView {
    let i18n = use_i18n();
    let slug = route_param("slug");
    let query = use_query_map();
    let key = move || {
        let q = query.read();
        (
            slug(),
            q.get("q").unwrap_or_default(),
            SearchFilters::from_query(|k| q.get_str(k)),
        )
    };
    let read = |(slug, q, f): (String, String, SearchFilters)| admin_search(slug, q, f);
    staff_page_about(key, read, move |user, v, locale| async move {
        let slug = v.hearing_slug.clone();
        let q = query.read_untracked();
        let chosen = |k: &str| q.get(k).unwrap_or_default();
        let (status, source, kind, block) = (
            chosen("status"),
            chosen("kilde"),
            chosen("type"),
            chosen("afsnit"),
        );
        let select = move |id: &'static str,
                           name: &'static str,
                           label: &'static str,
                           current: String,
                           options: Vec<(String, String)>| {
            view! {
                <div class="field">
                    <label for=id>{label}</label>
                    <select id=id name=name>
                        <option value="">{td_string!(locale, filter_all)}</option>
                        {options.into_iter().map(|(value, text)| {
                            let on = value == current;
                            view! { <option value=value selected=on>{text}</option> }
                        }).collect_view()}
                    </select>
                </div>
            }
        };
        let filters = view! {
            <div class="inline-fields">
                {select("soeg-status", "status", td_string!(locale, col_state), status, vec![
                    ("pending".into(), t_string!(i18n, status_pending).to_string()),
                    ("published".into(), t_string!(i18n, status_published).to_string()),
                    ("withheld".into(), t_string!(i18n, status_withheld).to_string()),
                ])}
                {select("soeg-kilde", "kilde", td_string!(locale, search_source), source, vec![
                    ("svar".into(), td_string!(locale, search_responses).to_string()),
                    ("moede".into(), td_string!(locale, search_dialogue_meetings).to_string()),
                ])}
                {select("soeg-type", "type", td_string!(locale, search_respondent_type), kind,
                    hoering::response::SenderKind::ALL.into_iter().map(|k| (k.as_str().to_string(), sender_kind_label(i18n, k).to_string())).collect())}
                <div class="field">
                    <label for="soeg-afsnit">{td_string!(locale, search_paragraph)}</label>
                    <input id="soeg-afsnit" name="afsnit" type="text" size="6" value=block />
                </div>
            </div>
        };
        let line = summary(locale, &v, v.admin_hits.len());
        let hits = v.admin_hits.iter().map(|h| {
            let r = &h.response;
            let who = match &r.meeting {
                Some(m) => crate::components::response::meeting_label(locale, m),
                None => format!("{}{}", r.name, r.organisation.clone().map(|o| format!(", {o}")).unwrap_or_default()),
            };
            let meta = view! {
                <a href=format!("{}#r-{}", routes::admin_hearing(&slug), r.id)>{r.receipt_number.clone()}</a>
                " · " <span class=format!("badge badge-{}", r.status.as_str())>{moderation_label(i18n, r.status)}</span>
                " · " {who}
                " · " {match &r.block_number {
                    Some(n) => view! { <a href=routes::admin_block(&slug, n)>{block_label(locale, n)}</a> }.into_any(),
                    None => view! { <span>{t_string!(i18n, whole_draft)}</span> }.into_any(),
                }}
            };
            (meta.into_any(), h.snippet.clone())
        }).collect();
        Ok(view! {
            <Title text=format!("{} · {}", td_string!(locale, hearing_search), v.hearing_title) />
            <LogoutForm user=user.clone() />
            <p class="eyebrow"><a lang="da" dir="ltr" href=routes::admin_hearing(&slug)>{v.hearing_title.clone()}</a></p>
            <h1>{td_string!(locale, search_search_the_responses)}</h1>
            {search_form(locale, format!("{}/soeg", routes::admin_hearing(&slug)), v.query.clone(), filters)}
            <p role="status">{line}</p>
            {block_hits(locale, &v, |n| routes::admin_block(&slug, n))}
            {response_hits(td_string!(locale, search_responses_and_input), hits)}
        }.into_any())
    })
}
