//! The clerk's hearing page: the queue of responses to read, publish or withhold, with reading
//! keys.

use super::items::AdminResponseItem;
use super::tags::TagPanel;
use crate::components::lists::none_or;
use crate::components::page::{not_found_saying, query_page, route_param};
use crate::components::response::Pager;
use crate::components::staff::{LogoutForm, session, staff_form_page};
use crate::components::{error_view, long_date, page_count, state_label};
use crate::consultees::list::PartyList;
use crate::council::rounds::CouncilRounds;
use crate::i18n::*;
use crate::moderation::admin_hearing;
use hoering::response::ModerationStatus;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn AdminHearingPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let slug = route_param("slug");
    let status = move || query.read().get("status").filter(|s| !s.is_empty());
    let tag = move || {
        query
            .read()
            .get("maerke")
            .and_then(|t| t.parse::<i64>().ok())
    };
    let page = query_page();
    let user = session();
    let data = Resource::new(
        move || (slug(), status(), tag(), page()),
        |(s, st, t, p)| admin_hearing(s, st, t, p),
    );
    staff_form_page(user, move |user, echo, locale| async move {
        Ok(match data.await {
            Ok(Some(view_data)) => {
                let slug = view_data.card.card.slug.clone();
                let filter = view_data.status_filter;
                let pages = page_count(view_data.total, view_data.per_page);
                let current = view_data.page;
                let filter_link = |code: Option<&'static str>, label: &'static str| {
                    let href = match code {
                        Some(c) => format!("?status={c}"),
                        None => "?".to_string(),
                    };
                    let current = filter.map(ModerationStatus::as_str) == code;
                    view! { <li><a href=href aria-current=current.then_some("page")>{label}</a></li> }
                };
                let status_q = filter
                    .map(|s| format!("status={}&", s.as_str()))
                    .unwrap_or_default();
                // The tick boxes feed the "tag the ticked responses" form, which is there only
                // once the hearing has a tag: before, a tick would lead nowhere.
                let selectable = !view_data.tags.is_empty();
                view! {
                    <Title text=view_data.card.card.title.clone() />
                    <LogoutForm user=user.clone() />
                    <p class="eyebrow"><a href="/admin">{t!(i18n, admin_title)}</a></p>
                    <h1 lang="da" dir="ltr">{view_data.card.card.title.clone()}</h1>
                    <p>
                        {state_label(i18n, view_data.card.card.state)} " · "
                        {t!(i18n, fact_deadline)} " " {long_date(locale, view_data.card.card.closes)} " · "
                        <a href=crate::routes::hearing(&slug)>{t!(i18n, view_public_page)}</a>
                        " · "
                        <a href=crate::routes::new_version(&slug)>{t!(i18n, new_version)}</a>
                        " · "
                        <a href=crate::routes::admin_policy(&view_data.card.policy_slug)>{td_string!(locale, admin_the_policy_s_road)}</a>
                        " · "
                        <a href=crate::routes::admin_groups(&slug)>{td_string!(locale, admin_campaigns_and_copies)}</a>
                        " · "
                        <a href=format!("{}/soeg", crate::routes::admin_hearing(&slug))>{td_string!(locale, hearing_search)}</a>
                        " · "
                        <a href=format!("{}/overblik", crate::routes::admin_hearing(&slug))>{td_string!(locale, admin_overview)}</a>
                        " · "
                        <a href=crate::routes::admin_notat(&slug)>{td_string!(locale, outbox_consultation_report)}</a>
                    </p>
                    <nav aria-label=t_string!(i18n, filter_label)>
                        <ul class="filter-list">
                            {filter_link(None, t_string!(i18n, filter_all))}
                            {filter_link(Some("pending"), t_string!(i18n, status_pending))}
                            {filter_link(Some("published"), t_string!(i18n, status_published))}
                            {filter_link(Some("withheld"), t_string!(i18n, status_withheld))}
                        </ul>
                    </nav>
                    <TagPanel slug=slug.clone() csrf=user.csrf.clone() tags=view_data.tags.clone() suggested=view_data.suggested_tags.clone() current=view_data.tag_filter echo=echo.clone() />
                    <p>{t_string!(i18n, response_total, count = view_data.total).to_string()}</p>
                    {none_or(view_data.responses.is_empty(), t!(i18n, no_responses_here), || view! {
                        <ol class="admin-responses">
                            {view_data.responses.into_iter().map(|r| view! {
                                <li><AdminResponseItem response=r csrf=user.csrf.clone() slug=slug.clone() echo=echo.clone() back=None selectable=selectable /></li>
                            }).collect_view()}
                        </ol>
                    })}
                    <Pager current=current pages=pages href=move |n: u32| format!("?{status_q}side={n}") />
                    <PartyList slug=slug.clone() list=view_data.parties.clone() csrf=user.csrf.clone() echo=echo.clone() />
                    <CouncilRounds slug=slug.clone() rounds=view_data.rounds.clone() councils=view_data.councils.clone() csrf=user.csrf.clone() echo=echo.clone() />
                }
                .into_any()
            }
            Ok(None) => not_found_saying(t!(i18n, hearing_not_found)),
            Err(_) => error_view().into_any(),
        })
    })
}
