//! Groups of identical or near-identical responses (campaigns, form letters).

use crate::components::page::route_param;
use crate::components::staff::{LogoutForm, staff_page_about};
use crate::components::{block_label, moderation_label};
use crate::i18n::*;
use crate::moderation::admin_groups;
use leptos::prelude::*;
use leptos_meta::Title;

/// Campaigns and copies: the hearing's identical and near-identical responses, each group with
/// what differs between its members and the most typical one.
#[component]
pub fn AdminGroupsPage() -> impl IntoView {
    let i18n = use_i18n();
    let slug = route_param("slug");
    staff_page_about(slug, admin_groups, move |user, g, locale| async move {
        let grouped: usize = g.groups.iter().map(|x| x.size).sum();
        let status_name = |s| moderation_label(i18n, s);
        Ok(view! {
            <Title text=format!("{} · {}", td_string!(locale, admin_campaigns_and_copies), g.hearing_title) />
            <LogoutForm user=user.clone() />
            <p class="eyebrow"><a lang="da" dir="ltr" href=crate::routes::admin_hearing(&g.hearing_slug)>{g.hearing_title.clone()}</a></p>
            <h1>{td_string!(locale, admin_campaigns_and_copies)}</h1>
            <p class="lead">{td_string!(locale, admin_grouped_summary, grouped = grouped, count = g.responses, groups = td_string!(locale, admin_grouped_summary_groups, count = g.groups.len()).to_string()).to_string()}</p>
            <p class="hint">{td_string!(locale, admin_groups_are_found_on_the_server)}</p>
            {g.groups.into_iter().enumerate().map(|(n, group)| {
                let hearing_slug = g.hearing_slug.clone();
                let heading = format!("gruppe-{}", n + 1);
                let labelled = heading.clone();
                let rep = group.representative.clone();
                let more = group.size.saturating_sub(1 + group.members.len());
                view! {
                    <section class="policy-section group" aria-labelledby=labelled>
                        <h2 id=heading>{td_string!(locale, admin_group_heading, number = n + 1, count = group.size).to_string()}</h2>
                        <p class="response-meta">{td_string!(locale, admin_most_typical_response_label)}{rep.receipt_number.clone()} " · " {status_name(rep.status)}</p>
                        <p><a class="button button-secondary" href=crate::routes::remark_editor(&hearing_slug, Some(rep.id), true, None)>{td_string!(locale, admin_group_one_remark, count = group.size).to_string()}</a></p>
                        <p lang=crate::components::text_lang(&group.representative_text).0 dir=crate::components::text_lang(&group.representative_text).1 class="response-text joint-text">{group.representative_text.clone()}</p>
                        {(!group.blocks.is_empty()).then(|| view! {
                            <p class="response-meta">{td_string!(locale, admin_on_paragraphs_label)}
                                {group.blocks.iter().map(|(n, c)| view! {
                                    <a href=format!("{}?gruppe={}", crate::routes::admin_block(&hearing_slug, n), rep.id)>{format!("{} ({c})", block_label(locale, n))}</a> " "
                                }).collect_view()}
                            </p>
                        })}
                        <details>
                            <summary>{td_string!(locale, admin_group_differences, count = group.size - 1).to_string()}</summary>
                            <ol class="plain-list">
                                {group.members.into_iter().map(|m| view! {
                                    <li class="group-member">
                                        <p class="response-meta">{m.receipt_number.clone()} " · " {status_name(m.status)} " · " {format!("{} % {}", m.similarity, td_string!(locale, admin_alike))}</p>
                                        <p class="joint-text"><crate::components::version::WordDiff ops=m.diff.clone() /></p>
                                    </li>
                                }).collect_view()}
                            </ol>
                            {(more > 0).then(|| view! { <p class="muted">{td_string!(locale, admin_and_more, count = more).to_string()}</p> })}
                        </details>
                    </section>
                }
            }).collect_view()}
        }.into_any())
    })
}
