//! The høringsnotat's document model laid out as HTML: the same outline the DOCX and PDF show.

use crate::components::lists::data_table;
use crate::components::version::WordDiff;
use crate::i18n::*;
use hoering::notat::{Notat, NotatItem, Outcome};
use leptos::prelude::*;

/// An outcome as the notat words it, with the change it points at.
pub fn outcome_text(locale: Locale, outcome: &Outcome) -> String {
    let label = crate::names::notat_outcome(locale, outcome);
    match outcome {
        Outcome::Change { version, block } => format!("{label} (version {version}, § {block})"),
        _ => label.to_owned(),
    }
}

/// Lines of text as paragraphs' line breaks.
fn lines(text: String) -> impl IntoView {
    let mut parts = text.split('\n').map(str::to_owned).collect::<Vec<_>>();
    let last = parts.pop().unwrap_or_default();
    view! {
        {parts.into_iter().map(|l| view! { {l}<br /> }).collect_view()}
        {last}
    }
}

/// One item of a notat section; `level` is the heading level its points get.
#[component]
pub fn NotatItemView(item: NotatItem, level: u8) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    match item {
        NotatItem::Paragraph(text) => view! { <p>{lines(text)}</p> }.into_any(),
        NotatItem::List(items) => view! {
            <ul class="notat-list">{items.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
        }
        .into_any(),
        NotatItem::Facts(pairs) => view! {
            <dl class="notat-facts">
                {pairs.into_iter().map(|(k, v)| view! { <dt>{k}</dt><dd>{v}</dd> }).collect_view()}
            </dl>
        }
        .into_any(),
        NotatItem::Table { header, rows } => {
            let label = header.join(", ");
            let rows = rows
                .into_iter()
                .map(|row| {
                    let mut cells = row.into_iter();
                    let first = cells.next().unwrap_or_default();
                    view! {
                        <tr>
                            <th scope="row">{first}</th>
                            {cells.map(|c| view! { <td>{c}</td> }).collect_view()}
                        </tr>
                    }
                })
                .collect_view();
            data_table(label, header, rows).into_any()
        }
        NotatItem::Point(point) => {
            let heading = if level <= 2 {
                view! { <h3>{point.about}</h3> }.into_any()
            } else {
                view! { <h4>{point.about}</h4> }.into_any()
            };
            view! {
                <article class="notat-point">
                    {heading}
                    {(!point.respondents.is_empty()).then(|| view! {
                        <p class="response-meta">{td_string!(locale, notat_responses_from)}{point.respondents.join("; ")}</p>
                    })}
                    <p class="label">{td_string!(locale, notat_what_was_said)}</p>
                    <blockquote class="notat-said">{lines(point.said)}</blockquote>
                    {match point.remark {
                        Some(text) => view! {
                            <p class="label">{td_string!(locale, notat_the_administration_s_comment)}</p>
                            <p class="notat-remark">{lines(text)}</p>
                            {point.outcome.map(|o| view! {
                                <p class="notat-outcome"><strong>{td_string!(locale, notat_conclusion_label)}</strong>{outcome_text(locale, &o)}</p>
                            })}
                        }
                        .into_any(),
                        None => view! {
                            <p class="muted"><em>{td_string!(locale, notat_the_administration_s_comment_has_not)}</em></p>
                        }
                        .into_any(),
                    }}
                </article>
            }
            .into_any()
        }
        NotatItem::Diff { block, ops } => view! {
            <article class="notat-change">
                <h3>{format!("§ {block}")}</h3>
                <p class="joint-text"><WordDiff ops=ops /></p>
            </article>
        }
        .into_any(),
    }
}

/// The whole notat below its title: each section with its items.
#[component]
pub fn NotatBody(notat: Notat) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let has_diff = notat
        .sections
        .iter()
        .any(|s| s.items.iter().any(|i| matches!(i, NotatItem::Diff { .. })));
    view! {
        <nav class="toc" aria-labelledby="notat-indhold">
            <h2 id="notat-indhold">{td_string!(locale, notat_contents)}</h2>
            <ol>
                {notat.sections.iter().enumerate().map(|(i, s)| view! {
                    <li><a href=format!("#notat-{}", i + 1)>{s.heading.clone()}</a></li>
                }).collect_view()}
            </ol>
        </nav>
        {notat.sections.into_iter().enumerate().map(|(i, s)| {
            let id = format!("notat-{}", i + 1);
            let labelled = id.clone();
            let legend = has_diff && s.items.iter().any(|i| matches!(i, NotatItem::Diff { .. }));
            view! {
                <section class="policy-section notat-section" aria-labelledby=labelled>
                    <h2 id=id>{s.heading}</h2>
                    {legend.then(|| view! {
                        <p class="hint">{td_string!(locale, notat_added_text_is_underlined_deleted_text)}</p>
                    })}
                    {s.items.into_iter().map(|item| view! { <NotatItemView item=item level=2 /> }).collect_view()}
                </section>
            }
        }).collect_view()}
    }
}
