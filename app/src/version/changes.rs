//! "Hvad er ændret?": the changes between two versions of the text, block by block, inline or
//! side by side, with moved blocks shown as moves. A plain GET form picks the versions, so it
//! works without JavaScript.

use crate::components::page::{not_found_saying, query_choice, query_id, route_param, suspended};
use crate::components::version::{WordDiff, version_name};
use crate::components::{block_label, error_view};
use crate::i18n::*;
use crate::routes::{FROM, LAYOUT, Layout, TO};
use crate::version::ChangesView;
use crate::version::get_changes;
use hoering::diff::{BlockChange, DiffOp};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn ChangesPage() -> impl IntoView {
    let i18n = use_i18n();
    let (slug, from, to) = (route_param("slug"), query_id(FROM), query_id(TO));
    let key = move || (slug(), from(), to());
    let layout = query_choice(LAYOUT);
    let side_by_side = move || Layout::from_query(layout().as_deref()) == Layout::Parallel;
    let data = Resource::new(key, |(slug, from, to)| get_changes(slug, from, to));
    suspended(move || async move {
        Ok(match data.await {
            Ok(Some(v)) => view! { <Changes view=v side_by_side=side_by_side() /> }.into_any(),
            Ok(None) => not_found_saying(t!(i18n, version_not_found)),
            Err(_) => error_view().into_any(),
        })
    })
}

/// The old side of a change (equal and deleted words) or the new side (equal and inserted).
fn side(ops: &[DiffOp], new: bool) -> Vec<DiffOp> {
    ops.iter()
        .filter(|op| match op {
            DiffOp::Equal(_) => true,
            DiffOp::Insert(_) => new,
            DiffOp::Delete(_) => !new,
        })
        .cloned()
        .collect()
}

#[component]
fn Changes(view: ChangesView, side_by_side: bool) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let v = view;
    let slug = v.card.slug.clone();
    let title = t_string!(i18n, changes_title).to_string();
    let options = |selected: i64| {
        v.versions
            .iter()
            .map(|o| {
                view! {
                    <option value=o.number.to_string() selected=o.number == selected>
                        {version_name(i18n, o)}
                    </option>
                }
            })
            .collect_view()
    };
    let label = |n: &hoering::document::BlockNumber| block_label(locale, &n.as_str());
    let unchanged = v.unchanged;
    let rows = v
        .changes
        .iter()
        .filter(|c| !matches!(c, BlockChange::Unchanged { .. }))
        .map(|c| {
            let (what, old, new) = match c {
                BlockChange::Unchanged { .. } => (String::new(), Vec::new(), Vec::new()),
                BlockChange::Edited {
                    new_number, ops, ..
                } => (
                    t_string!(i18n, change_edited, block = label(new_number)).to_string(),
                    side(ops, false),
                    side(ops, true),
                ),
                BlockChange::Moved {
                    from_number,
                    to_number,
                    ops,
                    new_text,
                    ..
                } => (
                    t_string!(
                        i18n,
                        change_moved,
                        from = label(from_number),
                        to = label(to_number)
                    )
                    .to_string(),
                    if ops.is_empty() {
                        vec![DiffOp::Equal(new_text.clone())]
                    } else {
                        side(ops, false)
                    },
                    if ops.is_empty() {
                        vec![DiffOp::Equal(new_text.clone())]
                    } else {
                        side(ops, true)
                    },
                ),
                BlockChange::Inserted { number, text, .. } => (
                    t_string!(i18n, change_inserted, block = label(number)).to_string(),
                    Vec::new(),
                    vec![DiffOp::Insert(text.clone())],
                ),
                BlockChange::Removed { number, text, .. } => (
                    t_string!(i18n, change_removed, block = label(number)).to_string(),
                    vec![DiffOp::Delete(text.clone())],
                    Vec::new(),
                ),
                BlockChange::Split { from, pieces, ops } => (
                    t_string!(
                        i18n,
                        change_split,
                        from = label(&from.number),
                        to = pieces
                            .iter()
                            .map(|p| label(&p.number))
                            .collect::<Vec<_>>()
                            .join(", ")
                    )
                    .to_string(),
                    side(ops, false),
                    side(ops, true),
                ),
                BlockChange::Merged {
                    number, from, ops, ..
                } => (
                    t_string!(
                        i18n,
                        change_merged,
                        from = from
                            .iter()
                            .map(|p| label(&p.number))
                            .collect::<Vec<_>>()
                            .join(", "),
                        to = label(number)
                    )
                    .to_string(),
                    side(ops, false),
                    side(ops, true),
                ),
            };
            let ops_inline = match c {
                BlockChange::Edited { ops, .. }
                | BlockChange::Split { ops, .. }
                | BlockChange::Merged { ops, .. } => ops.clone(),
                BlockChange::Moved { ops, new_text, .. } => {
                    if ops.is_empty() {
                        vec![DiffOp::Equal(new_text.clone())]
                    } else {
                        ops.clone()
                    }
                }
                BlockChange::Inserted { text, .. } => vec![DiffOp::Insert(text.clone())],
                BlockChange::Removed { text, .. } => vec![DiffOp::Delete(text.clone())],
                BlockChange::Unchanged { .. } => Vec::new(),
            };
            if side_by_side {
                view! {
                    <tr>
                        <th scope="row">{what}</th>
                        <td lang="da" dir="ltr"><WordDiff ops=old /></td>
                        <td lang="da" dir="ltr"><WordDiff ops=new /></td>
                    </tr>
                }
                .into_any()
            } else {
                view! {
                    <li class="change">
                        <p class="change-what"><strong>{what}</strong></p>
                        <p lang="da" dir="ltr"><WordDiff ops=ops_inline /></p>
                    </li>
                }
                .into_any()
            }
        })
        .collect_view();
    let (from_label, to_label) = (version_name(i18n, &v.from), version_name(i18n, &v.to));
    let body = if side_by_side {
        view! {
            <div class="table-scroll" tabindex="0" role="region" aria-label=title.clone()>
            <table class="data-table side-by-side">
                <caption class="visually-hidden">{title.clone()}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t!(i18n, change_col)}</th>
                        <th scope="col">{from_label.clone()}</th>
                        <th scope="col">{to_label.clone()}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
            </div>
        }
        .into_any()
    } else {
        view! { <ol class="change-list">{rows}</ol> }.into_any()
    };
    view! {
        <Title text=format!("{title} – {}", v.card.title) />
        <p class="eyebrow"><a lang="da" dir="ltr" href=crate::routes::hearing(&slug)>{v.card.title.clone()}</a></p>
        <h1>{title.clone()}</h1>
        <form method="get" class="change-picker">
            <div class="field-row">
                <div class="field">
                    <label for="fra">{t!(i18n, changes_from)}</label>
                    <select id="fra" name="fra">{options(v.from.number)}</select>
                </div>
                <div class="field">
                    <label for="til">{t!(i18n, changes_to)}</label>
                    <select id="til" name="til">{options(v.to.number)}</select>
                </div>
                <fieldset class="field">
                    <legend>{t!(i18n, changes_layout)}</legend>
                    <div class="radio">
                        <input type="radio" id="visning-inline" name="visning" value="inline" checked=!side_by_side />
                        <label for="visning-inline">{t!(i18n, layout_inline)}</label>
                    </div>
                    <div class="radio">
                        <input type="radio" id="visning-side" name="visning" value="parallel" checked=side_by_side />
                        <label for="visning-side">{t!(i18n, layout_side)}</label>
                    </div>
                </fieldset>
            </div>
            <button type="submit" class="button button-secondary">{t!(i18n, changes_show)}</button>
        </form>
        <p>{t_string!(i18n, changes_summary, from = from_label, to = to_label, unchanged = unchanged).to_string()}</p>
        {body}
    }
}
