//! One version of a policy's text. Each block counts the published input placed on it (given to
//! this or an earlier version, where its words are now); the reader opens a block's input a page
//! at a time, and the input whose words were removed under "Tekst fjernet".

use crate::components::page::{
    not_found_page, query_choice, query_page, route_id, route_param, suspended,
};
use crate::components::response::ShownInput;
use crate::components::version::{Carried, VersionNav};
use crate::components::{block_label, error_view};
use crate::hearing::BlockView;
use crate::i18n::*;
use crate::routes::{REMOVED, SHOWN, shown_page};
use crate::version::CarriedPage;
use crate::version::VersionView;
use crate::version::get_carried;
use crate::version::get_version;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn VersionPage() -> impl IntoView {
    let i18n = use_i18n();
    let (slug, number) = (route_param("slug"), route_id("number"));
    let key = move || (slug(), number());
    let shown = query_choice(SHOWN);
    let page = query_page();
    let data = Resource::new(key, |(slug, number)| get_version(slug, number));
    let carried = Resource::new(
        move || (key(), shown(), page()),
        |((slug, number), shown, page)| async move {
            match shown {
                None => Ok(None),
                Some(which) => {
                    let block = (which != REMOVED).then_some(which.clone());
                    get_carried(slug, number, block, page)
                        .await
                        .map(|r| r.map(|page| (which, page)))
                }
            }
        },
    );
    suspended(move || async move {
        Ok(match (data.await, carried.await) {
            (Ok(Some(v)), Ok(shown)) => view! { <VersionDocument view=v shown=shown /> }.into_any(),
            (Ok(None), _) => not_found_page(t!(i18n, version_not_found)),
            _ => error_view().into_any(),
        })
    })
}

/// A count of the input on `which`, a link that opens it, and the open list with its pages.
#[component]
fn CarriedToggle(which: String, count: i64, shown: Option<CarriedPage>) -> impl IntoView {
    let i18n = use_i18n();
    if count == 0 {
        return ().into_any();
    }
    let anchor = if which == REMOVED {
        "tekst-fjernet".to_string()
    } else {
        format!("b-{which}")
    };
    match shown {
        None => view! {
            <a class="response-count" href=shown_page(&which, 1, &anchor)>
                {t_string!(i18n, show_responses, count = count).to_string()}
            </a>
        }
        .into_any(),
        Some(page) => {
            let (pages, current) = (page.pages(), page.page);
            view! {
                <ShownInput label=t_string!(i18n, input_here).to_string() heading=None which=which anchor=anchor current=current pages=pages>
                    {page.responses.into_iter().map(|c| view! { <li><Carried carried=c /></li> }).collect_view()}
                </ShownInput>
            }
            .into_any()
        }
    }
}

#[component]
fn VersionDocument(view: VersionView, shown: Option<(String, CarriedPage)>) -> impl IntoView {
    let i18n = use_i18n();
    let v = view;
    let slug = v.card.slug.clone();
    let heading = t_string!(
        i18n,
        version_heading,
        number = v.version.number,
        label = v.version.label.clone()
    )
    .to_string();
    let shown_for = move |which: &str| {
        shown
            .as_ref()
            .filter(|(w, _)| w == which)
            .map(|(_, page)| page.clone())
    };
    let block = |b: BlockView| {
        let locale = i18n.get_locale_untracked();
        let open = shown_for(&b.number);
        view! {
            <div class=format!("block block-{}", b.kind.as_str()) id=format!("b-{}", b.number) data-block-id=b.id.clone()>
                <div class="block-number" aria-hidden="true">{block_label(locale, &b.number)}</div>
                <div class="block-body" inner_html=crate::components::block_html(b.kind, &b.html)></div>
                <CarriedToggle which=b.number.clone() count=b.published_responses shown=open />
            </div>
        }
    };
    let sections = v
        .sections
        .into_iter()
        .map(|s| {
            let h = format!("{} {}", s.number, s.heading);
            view! {
                <section class="doc-section">
                    <h2>{h}</h2>
                    {s.blocks.into_iter().map(&block).collect_view()}
                </section>
            }
        })
        .collect_view();
    let footnotes = v.footnotes.into_iter().map(&block).collect_view();
    let removed = (v.removed_count > 0).then(|| {
        view! {
            <section class="removed-input" aria-labelledby="tekst-fjernet">
                <h2 id="tekst-fjernet">{t!(i18n, removed_heading)}</h2>
                <CarriedToggle which=REMOVED.to_string() count=v.removed_count shown=shown_for(REMOVED) />
            </section>
        }
    });
    view! {
        <Title text=format!("{} – {}", v.card.title, heading) />
        <p class="eyebrow"><a lang="da" dir="ltr" href=crate::routes::hearing(&slug)>{v.card.title.clone()}</a></p>
        <h1>{heading}</h1>
        {(!v.version.note.is_empty()).then(|| view! { <p class="lead">{v.version.note.clone()}</p> })}
        <VersionNav slug=slug.clone() versions=v.versions.clone() current=Some(v.version.number) />
        <div class="document" lang="da" dir="ltr">{sections} {footnotes}</div>
        {removed}
    }
}
