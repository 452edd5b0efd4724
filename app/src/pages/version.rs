//! One version of a policy's text, with every published response from this and earlier versions
//! shown where its words are now, or under "tekst fjernet" when they are gone.

use crate::api::get_version;
use crate::components::{block_label, error_view, loading_view, set_status};
use crate::i18n::*;
use crate::model::{BlockView, CarriedResponse, VersionInfo, VersionView};
use crate::pages::hearing::ResponseItem;
use hoering::diff::DiffOp;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn VersionPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let key = move || {
        let p = params.read();
        (
            p.get("slug").unwrap_or_default(),
            p.get("number")
                .and_then(|n| n.parse::<i64>().ok())
                .unwrap_or(0),
        )
    };
    let data = Resource::new(key, |(slug, number)| get_version(slug, number));
    view! {
        <Suspense fallback=loading_view>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(Some(v)) => view! { <VersionDocument view=v /> }.into_any(),
                    Ok(None) => {
                        set_status(404);
                        view! {
                            <Title text=move || t_string!(i18n, not_found_title).to_string() />
                            <h1>{t!(i18n, not_found_title)}</h1>
                            <p>{t!(i18n, version_not_found)}</p>
                        }
                            .into_any()
                    }
                    Err(_) => error_view().into_any(),
                }
            })}
        </Suspense>
    }
}

/// Links to every version of the text, the current one marked.
#[component]
pub fn VersionNav(slug: String, versions: Vec<VersionInfo>, current: Option<i64>) -> impl IntoView {
    let i18n = use_i18n();
    (versions.len() > 1).then(|| {
        view! {
            <nav class="version-nav" aria-label=t_string!(i18n, versions_label)>
                <h2 class="version-nav-title">{t!(i18n, versions_label)}</h2>
                <ol>
                    {versions
                        .into_iter()
                        .map(|v| {
                            let is_current = current == Some(v.number);
                            let text = t_string!(i18n, version_item, number = v.number, label = v.label.clone())
                                .to_string();
                            view! {
                                <li>
                                    <a
                                        href=format!("/hoeringer/{slug}/version/{}", v.number)
                                        aria-current=is_current.then_some("page")
                                    >
                                        {text}
                                    </a>
                                    {v.hearing_version.then(|| view! { <span class="muted">{format!(" ({})", t_string!(i18n, hearing_version_mark))}</span> })}
                                </li>
                            }
                        })
                        .collect_view()}
                </ol>
                <p><a href=format!("/hoeringer/{slug}/aendringer")>{t!(i18n, whats_changed_link)}</a></p>
            </nav>
        }
    })
}

#[component]
fn VersionDocument(view: VersionView) -> impl IntoView {
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
    let anchored = v.anchored.clone();
    let block = move |b: BlockView| {
        let locale = i18n.get_locale_untracked();
        let input = anchored
            .iter()
            .find(|(n, _)| *n == b.number)
            .map(|(_, list)| list.clone())
            .unwrap_or_default();
        view! {
            <div class=format!("block block-{}", b.kind) id=format!("b-{}", b.number) data-block-id=b.id.clone()>
                <div class="block-number" aria-hidden="true">{block_label(locale, &b.number)}</div>
                <div class="block-body" inner_html=crate::components::block_html(&b.kind, &b.html)></div>
                {(!input.is_empty()).then(|| view! {
                    <section class="responses" aria-label=t_string!(i18n, input_here)>
                        <ol class="response-list">
                            {input.into_iter().map(|c| view! { <li><Carried carried=c /></li> }).collect_view()}
                        </ol>
                    </section>
                })}
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
    let removed = (!v.removed.is_empty()).then(|| {
        view! {
            <section class="removed-input" aria-labelledby="tekst-fjernet">
                <h2 id="tekst-fjernet">{t!(i18n, removed_heading)}</h2>
                <ol class="response-list">
                    {v.removed.into_iter().map(|c| view! { <li><Carried carried=c /></li> }).collect_view()}
                </ol>
            </section>
        }
    });
    view! {
        <Title text=format!("{} – {}", v.card.title, heading) />
        <p class="eyebrow"><a href=format!("/hoeringer/{slug}")>{v.card.title.clone()}</a></p>
        <h1>{heading}</h1>
        {(!v.version.note.is_empty()).then(|| view! { <p class="lead">{v.version.note.clone()}</p> })}
        <VersionNav slug=slug.clone() versions=v.versions.clone() current=Some(v.version.number) />
        <div class="document">{sections} {footnotes}</div>
        {removed}
    }
}

/// A response from an earlier (or this) version, with the words it was made on.
#[component]
fn Carried(carried: CarriedResponse) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let c = carried;
    let given = match &c.given_to_block {
        Some(b) => t_string!(
            i18n,
            given_to_version_block,
            number = c.given_to_version,
            block = block_label(locale, b)
        )
        .to_string(),
        None => t_string!(i18n, given_to_version, number = c.given_to_version).to_string(),
    };
    let removed = c
        .removed_in
        .map(|n| t_string!(i18n, removed_in_version, number = n).to_string());
    let changed = !c.changes.is_empty();
    view! {
        <div class="carried">
            <p class="given-to"><strong>{given}</strong> {removed.map(|r| view! { " · " <span class="removed-mark">{r}</span> })}</p>
            <p class="words-then">{t!(i18n, words_then)} " " <q>{c.words_then.clone()}</q></p>
            {changed.then(|| view! {
                <p class="words-now">{t!(i18n, words_now)} " " <WordDiff ops=c.changes.clone() /></p>
            })}
            <ResponseItem response=c.response.clone() />
        </div>
    }
}

/// Word-level changes: deletions struck through, insertions underlined, both named for screen
/// readers.
#[component]
pub fn WordDiff(ops: Vec<DiffOp>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <span class="word-diff">
            {ops
                .into_iter()
                .map(|op| match op {
                    DiffOp::Equal(t) => view! { <span>{t}</span> }.into_any(),
                    DiffOp::Delete(t) => view! {
                        <del><span class="visually-hidden">{format!("[{} ", t_string!(i18n, diff_deleted))}</span>{t}<span class="visually-hidden">"]"</span></del>
                    }
                    .into_any(),
                    DiffOp::Insert(t) => view! {
                        <ins><span class="visually-hidden">{format!("[{} ", t_string!(i18n, diff_inserted))}</span>{t}<span class="visually-hidden">"]"</span></ins>
                    }
                    .into_any(),
                })
                .collect_view()}
        </span>
    }
}
