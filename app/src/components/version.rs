//! Pieces of the version pages that other pages share: the list of versions, a word-level
//! diff, and a response shown on a later version than the one it was given to.

use crate::components::block_label;
use crate::components::response::ResponseItem;
use crate::i18n::*;
use crate::version::CarriedResponse;
use crate::version::VersionInfo;
use hoering::diff::DiffOp;
use leptos::prelude::*;
use leptos_i18n::I18nContext;

/// "Version 2: Efter høringen": a version as lists and choices name it.
pub fn version_name(i18n: I18nContext<Locale>, v: &VersionInfo) -> String {
    t_string!(
        i18n,
        version_item,
        number = v.number,
        label = v.label.clone()
    )
    .to_string()
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
                            let text = version_name(i18n, &v);
                            view! {
                                <li>
                                    <a
                                        href=crate::routes::version(&slug, v.number)
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
                <p><a href=crate::routes::changes(&slug)>{t!(i18n, whats_changed_link)}</a></p>
            </nav>
        }
    })
}

/// A response from an earlier (or this) version, with the words it was made on.
#[component]
pub fn Carried(carried: CarriedResponse) -> impl IntoView {
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
            <p class="words-then">{t!(i18n, words_then)} " " <q lang=crate::components::DANISH dir="ltr">{c.words_then.clone()}</q></p>
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
