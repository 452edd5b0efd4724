//! Where the debate was: counts per paragraph and per respondent type.

use crate::components::lists::data_table;
use crate::components::page::route_param;
use crate::components::staff::{LogoutForm, staff_page_about};
use crate::components::{block_label, sender_kind_label};
use crate::i18n::*;
use crate::moderation::admin_overview;
use leptos::prelude::*;
use leptos_meta::Title;

/// Where the debate was: a hearing's input counted per paragraph and per respondent type, as
/// tables and a chart drawn on the server (readable without JavaScript).
#[component]
pub fn AdminOverviewPage() -> impl IntoView {
    let i18n = use_i18n();
    let slug = route_param("slug");
    staff_page_about(slug, admin_overview, move |user, o, locale| async move {
        let slug = o.hearing_slug.clone();
        let label = |number: &Option<String>| match number {
            Some(n) => block_label(locale, n),
            None => t_string!(i18n, whole_draft).to_string(),
        };
        // The chart: the twelve paragraphs with most input, stacked by source.
        let mut top: Vec<_> = o.blocks.iter().filter(|b| b.total() > 0).cloned().collect();
        top.sort_by_key(|b| std::cmp::Reverse(b.total()));
        top.truncate(12);
        let max = top.first().map_or(1, |b| b.total()).max(1);
        const BAR_X: usize = 130;
        const BAR_W: usize = 400;
        const ROW: usize = 28;
        let height = top.len() * ROW + 40;
        let bars = top.iter().enumerate().map(|(i, b)| {
            let y = i * ROW + 8;
            let w = |n: usize| n * BAR_W / max;
            let (r, m, c) = (w(b.responses), w(b.meeting), w(b.council));
            view! {
                <g>
                    <text x="0" y=(y + 15).to_string() class="chart-label">{label(&b.number)}</text>
                    <rect x=BAR_X.to_string() y=y.to_string() width=r.to_string() height="20" class="bar-responses" />
                    <rect x=(BAR_X + r).to_string() y=y.to_string() width=m.to_string() height="20" class="bar-meeting" />
                    <rect x=(BAR_X + r + m).to_string() y=y.to_string() width=c.to_string() height="20" class="bar-council" />
                    <text x=(BAR_X + r + m + c + 6).to_string() y=(y + 15).to_string() class="chart-value">{b.total().to_string()}</text>
                </g>
            }
        }).collect_view();
        let legend_y = (top.len() * ROW + 30).to_string();
        Ok(view! {
            <Title text=format!("{} · {}", td_string!(locale, admin_overview), o.hearing_title) />
            <LogoutForm user=user.clone() />
            <p class="eyebrow"><a lang="da" dir="ltr" href=crate::routes::admin_hearing(&slug)>{o.hearing_title.clone()}</a></p>
            <h1>{td_string!(locale, admin_where_was_the_debate)}</h1>
            {(!top.is_empty()).then(|| view! {
                <figure class="chart">
                    <svg viewBox=format!("0 0 600 {height}") width="100%" role="img" aria-labelledby="diagram-titel">
                        <title id="diagram-titel">{td_string!(locale, admin_the_paragraphs_with_most_input_by)}</title>
                        {bars}
                        <g>
                            <rect x=BAR_X.to_string() y=legend_y.clone() width="12" height="12" class="bar-responses" transform="translate(0,-10)" />
                            <text x=(BAR_X + 16).to_string() y=legend_y.clone() class="chart-label">{td_string!(locale, search_responses)}</text>
                            <rect x=(BAR_X + 130).to_string() y=legend_y.clone() width="12" height="12" class="bar-meeting" transform="translate(0,-10)" />
                            <text x=(BAR_X + 146).to_string() y=legend_y.clone() class="chart-label">{td_string!(locale, admin_meetings)}</text>
                            <rect x=(BAR_X + 260).to_string() y=legend_y.clone() width="12" height="12" class="bar-council" transform="translate(0,-10)" />
                            <text x=(BAR_X + 276).to_string() y=legend_y.clone() class="chart-label">{td_string!(locale, council_councils)}</text>
                        </g>
                    </svg>
                    <figcaption class="hint">{td_string!(locale, admin_the_figures_are_also_in_the)}</figcaption>
                </figure>
            })}
            <h2>{td_string!(locale, admin_by_respondent_type)}</h2>
            {data_table(
                td_string!(locale, admin_by_respondent_type),
                [td_string!(locale, search_respondent_type), td_string!(locale, search_responses)],
                o.kinds.iter().map(|(k, n)| view! { <tr><td>{sender_kind_label(i18n, *k)}</td><td>{n.to_string()}</td></tr> }).collect_view()
            )}
            <h2>{td_string!(locale, admin_by_paragraph)}</h2>
            {data_table(
                td_string!(locale, admin_by_paragraph),
                [td_string!(locale, search_paragraph), td_string!(locale, search_responses), td_string!(locale, admin_meetings), td_string!(locale, council_councils)],
                o.blocks.iter().map(|b| view! {
                    <tr>
                        <th scope="row">{match &b.number {
                            Some(n) => view! { <a href=crate::routes::admin_block(&slug, n)>{block_label(locale, n)}</a> " " <span class="muted">{format!("{}…", b.excerpt)}</span> }.into_any(),
                            None => view! { <span>{t_string!(i18n, whole_draft)}</span> }.into_any(),
                        }}</th>
                        <td>{b.responses.to_string()}</td>
                        <td>{b.meeting.to_string()}</td>
                        <td>{b.council.to_string()}</td>
                    </tr>
                }).collect_view()
            )}
        }.into_any())
    })
}
