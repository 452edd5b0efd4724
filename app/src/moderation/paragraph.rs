//! Everything said about one paragraph, for the clerk, filtered by source, kind, tag and group.

use super::items::{AdminResponseItem, ReadingKeys};
use crate::components::lists::{none_or, plain_list};
use crate::components::page::{found_or, query_choice, query_id, route_param};
use crate::components::sender_kind_label;
use crate::components::staff::{LogoutForm, session, staff_form_page};
use crate::i18n::*;
use leptos::prelude::*;
use leptos_meta::Title;

/// Everything said about one paragraph: responses, meeting input and the councils' comments,
/// filtered by source and respondent type, with the paragraph's text and its later versions.
#[component]
pub fn AdminBlockPage() -> impl IntoView {
    use crate::moderation::{AdminBlockView, InputSource};
    let i18n = use_i18n();
    let (slug, number) = (route_param("slug"), route_param("number"));
    let (source, kind) = (query_choice("kilde"), query_choice("type"));
    let (tag, group) = (query_id("maerke"), query_id("gruppe"));
    let key = move || (slug(), number(), source(), kind(), tag(), group());
    let user = session();
    let block = Resource::new(key, |(slug, number, source, kind, tag, group)| {
        crate::moderation::admin_block(slug, number, source, kind, tag, group)
    });
    staff_form_page(user, move |user, echo, locale| async move {
        let b: AdminBlockView = found_or(block.await)?;
        let base = crate::routes::admin_block(&b.hearing_slug, &b.number);
        let page_here = base.clone();
        let tag_filter = b.tag;
        let tag_base = base.clone();
        let link = move |source: Option<InputSource>,
                         kind: Option<hoering::response::SenderKind>| {
            let mut q = Vec::new();
            if let Some(s) = source {
                q.push(format!("kilde={}", s.code()));
            }
            if let Some(k) = kind {
                q.push(format!("type={}", k.as_str()));
            }
            if let Some(t) = tag_filter {
                q.push(format!("maerke={t}"));
            }
            if q.is_empty() {
                base.clone()
            } else {
                format!("{base}?{}", q.join("&"))
            }
        };
        let source_name = |s: InputSource| match s {
            InputSource::Response => td_string!(locale, search_responses),
            InputSource::Meeting => td_string!(locale, search_dialogue_meetings),
            InputSource::Council => td_string!(locale, council_councils),
        };
        let total: usize = b.source_counts.iter().map(|(_, n)| n).sum();
        let items: Vec<i64> = b.responses.iter().map(|r| r.id).collect();
        let current = |on: bool| if on { Some("page") } else { None };
        Ok(view! {
            <Title text=format!("{} {} · {}", td_string!(locale, search_paragraph), b.number, b.hearing_title) />
            <ReadingKeys items=items />
            <LogoutForm user=user.clone() />
            <p class="eyebrow"><a lang="da" dir="ltr" href=crate::routes::admin_hearing(&b.hearing_slug)>{b.hearing_title.clone()}</a></p>
            <h1>{format!("{} {}", td_string!(locale, search_paragraph), crate::components::block_label(locale, &b.number))}</h1>
            <blockquote lang="da" dir="ltr" class="quoted-block">{b.text.clone()}</blockquote>
            <nav class="pager" aria-label=td_string!(locale, admin_paragraphs)>
                {b.previous.clone().map(|p| view! { <a rel="prev" href=crate::routes::admin_block(&b.hearing_slug, &p)>{format!("← {} {p}", td_string!(locale, search_paragraph))}</a> })}
                {b.next.clone().map(|n| view! { <a rel="next" href=crate::routes::admin_block(&b.hearing_slug, &n)>{format!("{} {n} →", td_string!(locale, search_paragraph))}</a> })}
            </nav>
            {(!b.later.is_empty()).then(|| view! {
                <section aria-labelledby="senere">
                    <h2 id="senere">{td_string!(locale, admin_the_paragraph_in_later_versions)}</h2>
                    {plain_list(b.later.iter(), |l| view! {
                        <strong>{format!("{} {} ({})", td_string!(locale, policy_version), l.version_number, l.version_label)}</strong> ": "
                        {match (&l.diff, &l.number) {
                            (Some(ops), Some(n)) => view! { <span>{format!("{} {n}: ", td_string!(locale, admin_meeting_paragraph))}<crate::components::version::WordDiff ops=ops.clone() /></span> }.into_any(),
                            _ => view! { <span>{td_string!(locale, admin_removed)}</span> }.into_any(),
                        }}
                    })}
                </section>
            })}
            <nav aria-label=td_string!(locale, search_source)>
                <ul class="filter-list">
                    <li><a href=link(None, b.kind) aria-current=current(b.source.is_none())>{format!("{} ({total})", td_string!(locale, admin_all_sources))}</a></li>
                    {b.source_counts.iter().map(|(s, n)| view! {
                        <li><a href=link(Some(*s), b.kind) aria-current=current(b.source == Some(*s))>{format!("{} ({n})", source_name(*s))}</a></li>
                    }).collect_view()}
                </ul>
            </nav>
            {(!b.kind_counts.is_empty()).then(|| view! {
                <nav aria-label=td_string!(locale, search_respondent_type)>
                    <ul class="filter-list">
                        <li><a href=link(b.source, None) aria-current=current(b.kind.is_none())>{td_string!(locale, admin_all_types)}</a></li>
                        {b.kind_counts.iter().map(|(k, n)| view! {
                            <li><a href=link(b.source, Some(*k)) aria-current=current(b.kind == Some(*k))>{format!("{} ({n})", sender_kind_label(i18n, *k))}</a></li>
                        }).collect_view()}
                    </ul>
                </nav>
            })}
            {(!b.tags.is_empty()).then(|| {
                let mut base_q = Vec::new();
                if let Some(s) = b.source { base_q.push(format!("kilde={}", s.code())); }
                if let Some(k) = b.kind { base_q.push(format!("type={}", k.as_str())); }
                let with = move |t: Option<i64>| {
                    let mut q = base_q.clone();
                    if let Some(t) = t { q.push(format!("maerke={t}")); }
                    if q.is_empty() { tag_base.clone() } else { format!("{tag_base}?{}", q.join("&")) }
                };
                view! {
                    <nav aria-label=td_string!(locale, admin_tag)>
                        <ul class="filter-list">
                            <li><a href=with(None) aria-current=current(b.tag.is_none())>{td_string!(locale, admin_all_tags)}</a></li>
                            {b.tags.iter().map(|t| view! {
                                <li><a href=with(Some(t.id)) aria-current=current(b.tag == Some(t.id))>{t.name.clone()}</a></li>
                            }).collect_view()}
                        </ul>
                    </nav>
                }
            })}
            {b.group.map(|_| view! {
                <p class="notice">{td_string!(locale, admin_showing_only_the_responses_of_one_text)}
                    <a href=page_here.clone()>{td_string!(locale, admin_show_all)}</a></p>
            })}
            <p class="hint">{td_string!(locale, admin_keyboard_j_and_k_go_to)}</p>
            {none_or(b.responses.is_empty() && b.council.is_empty(), td_string!(locale, admin_nothing_here_with_these_filters), || view! {
                <ol class="admin-responses">
                    {b.responses.into_iter().map(|r| {
                        let item = format!("punkt-{}", r.id);
                        view! {
                            <li id=item tabindex="-1" class="reading-item">
                                <AdminResponseItem response=r csrf=user.csrf.clone() slug=b.hearing_slug.clone() echo=echo.clone() back=Some(page_here.clone()) selectable=false />
                            </li>
                        }
                    }).collect_view()}
                </ol>
                {(!b.council.is_empty()).then(|| view! {
                    <h2>{td_string!(locale, admin_the_councils_comments)}</h2>
                    <ol class="plain-list council-comments">
                        {b.council.iter().map(|c| view! {
                            <li class="council-comment">
                                <p class="response-meta"><span class="badge">{c.council.clone()}</span> " · " {c.author.clone()} " · " {crate::dates::iso_minute(c.at)}</p>
                                {(!c.quote.is_empty()).then(|| view! { <p class="response-quote"><q lang="da" dir="ltr">{c.quote.clone()}</q></p> })}
                                <p lang=crate::components::text_lang(&c.text).0 dir=crate::components::text_lang(&c.text).1 class="response-text">{c.text.clone()}</p>
                            </li>
                        }).collect_view()}
                    </ol>
                })}
            })}
        }.into_any())
    })
}
