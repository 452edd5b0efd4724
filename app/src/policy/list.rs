//! The public list of policies, grouped by where each is on its road.

use super::parts::standing;
use crate::components::lists::none_or;
use crate::components::{error_view, loading_view};
use crate::i18n::*;
use crate::policy::PolicyCard;
use crate::policy::list_policies;
use crate::routes;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn PolicyListPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let search = move || {
        query
            .with(|q| q.get(routes::SEARCH))
            .filter(|s| !s.trim().is_empty())
    };
    let policies = Resource::new(search, list_policies);
    view! {
        <Title text=move || td_string!(i18n.get_locale(), nav_policies).to_string() />
        <h1>{move || td_string!(i18n.get_locale(), nav_policies)}</h1>
        <p class="lead">
            {move || td_string!(i18n.get_locale(), policy_follow_the_municipality_s_policies_from)}
        </p>
        <form method="get" action=routes::policies() class="search-form" role="search">
            <label for="q">{move || td_string!(i18n.get_locale(), policy_search_titles_and_committees)}</label>
            <input id="q" name=routes::SEARCH type="search" value=search />
            <button type="submit" class="button">{move || td_string!(i18n.get_locale(), hearing_search)}</button>
        </form>
        <Suspense fallback=loading_view>
            {move || Suspend::new(async move {
                let locale = i18n.get_locale_untracked();
                match policies.await {
                    Ok(list) => {
                        let (adopted, going): (Vec<PolicyCard>, Vec<PolicyCard>) =
                            list.into_iter().partition(|p| p.adoption.is_some());
                        view! {
                            <PolicyGroup heading=td_string!(locale, policy_in_progress) empty=td_string!(locale, policy_no_policies_in_progress) items=going />
                            <PolicyGroup heading=td_string!(locale, policy_adopted) empty=td_string!(locale, policy_no_adopted_policies) items=adopted />
                            <p class="feed-links">
                                <a href=routes::CALENDAR rel="external">{td_string!(locale, policy_calendar_ical)}</a>
                                " · "
                                <a href=routes::FEED rel="external">{td_string!(locale, policy_news_feed_atom)}</a>
                            </p>
                        }.into_any()
                    }
                    Err(_) => error_view().into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
pub fn PolicyGroup(
    heading: &'static str,
    empty: &'static str,
    items: Vec<PolicyCard>,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    view! {
        <section class="hearing-group">
            <h2>{heading}</h2>
            {none_or(items.is_empty(), empty, || view! {
                <ul class="card-list">
                    {items.into_iter().map(|p| view! {
                        <li class="card">
                            <h3><a lang="da" dir="ltr" href=routes::policy(&p.slug)>{p.title.clone()}</a></h3>
                            <p class="card-meta">{p.committee.clone()}</p>
                            <p class="card-deadline">{standing(locale, &p)}</p>
                        </li>
                    }).collect_view()}
                </ul>
            })}
        </section>
    }
}
