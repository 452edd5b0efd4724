//! The clerk's start page: hearings, policies with stages due, and questions waiting for an answer.

use crate::components::lists::{column_heads, none_or, plain_list, section};
use crate::components::page::{loaded_or, suspended};
use crate::components::staff::{LogoutForm, session, staff_or};
use crate::components::{long_date, state_label};
use crate::forms::form_echo;
use crate::hearing::admin_hearings;
use crate::i18n::*;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn AdminHome() -> impl IntoView {
    let i18n = use_i18n();
    let user = session();
    let hearings = Resource::new(|| (), |_| admin_hearings());
    let dashboard = Resource::new(|| (), |_| crate::policy::admin_dashboard());
    view! {
        <Title text=move || t_string!(i18n, admin_title).to_string() />
        {suspended(move || async move {
            let locale = i18n.get_locale_untracked();
            let user = staff_or(user.await)?;
            let dashboard = loaded_or(dashboard.await)?;
            let list = loaded_or(hearings.await)?;
            Ok(view! {
                <LogoutForm user=user.clone() />
                <h1>{t!(i18n, admin_title)}</h1>
                <p>
                    <a class="button" href="/admin/hoeringer/ny">{t!(i18n, new_hearing)}</a>
                    " "
                    <a href=crate::routes::TEMPLATES>{td_string!(locale, templates_process_templates)}</a>
                    {user.role.may(hoering::staff::Permission::ManageCouncils).then(|| view! {
                        " · " <a href=crate::routes::COUNCILS>{td_string!(locale, council_councils)}</a>
                    })}
                    {user.role.may(hoering::staff::Permission::ReadMail).then(|| view! {
                        " · " <a href=crate::routes::OUTBOX>{td_string!(locale, outbox_outbox)}</a>
                    })}
                    {user.role.may(hoering::staff::Permission::Moderate).then(|| view! {
                        " · " <a href=crate::routes::ACCESS_REQUEST>{td_string!(locale, access_title)}</a>
                    })}
                </p>
                <DashboardView dashboard=dashboard csrf=user.csrf.clone() />
                <h2>{td_string!(locale, policy_hearings)}</h2>
                <div class="table-scroll" tabindex="0" role="region" aria-label=td_string!(locale, policy_hearings)>
                <table class="data-table">
                    <caption class="visually-hidden">{t!(i18n, admin_title)}</caption>
                    {column_heads([td_string!(locale, col_hearing), td_string!(locale, col_state), td_string!(locale, fact_deadline), td_string!(locale, status_pending), td_string!(locale, status_published), td_string!(locale, status_withheld)])}
                    <tbody>
                        {list.into_iter().map(|h| view! {
                            <tr>
                                <td><a href=crate::routes::admin_hearing(&h.card.slug)>{h.card.title.clone()}</a></td>
                                <td>{state_label(i18n, h.card.state)}</td>
                                <td>{long_date(locale, h.card.closes)}</td>
                                <td>{h.pending}</td>
                                <td>{h.published}</td>
                                <td>{h.withheld}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
                </div>
            }.into_any())
        })}
    }
}

/// The clerk's overview: policies by stage, what is due, questions waiting, hearings closing.
#[component]
pub fn DashboardView(dashboard: crate::policy::Dashboard, csrf: String) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let d = dashboard;
    let back = "/admin".to_string();
    view! {
        {section("faser", td_string!(locale, admin_policies_by_stage), view! {
            {none_or(d.by_stage.is_empty(), td_string!(locale, policy_no_policies_in_progress), || view! {
                <dl class="stage-list">
                    {d.by_stage.into_iter().map(|(stage, cards)| view! {
                        <dt>{format!("{} ({})", crate::names::stage(locale, stage), cards.len())}</dt>
                        {cards.into_iter().map(|c| view! {
                            <dd><a href=crate::routes::admin_policy(&c.slug)>{c.title.clone()}</a></dd>
                        }).collect_view()}
                    }).collect_view()}
                </dl>
            })}
        })}
        {section("forfalder", td_string!(locale, admin_planned_within_a_week_or_overdue), view! {
            {none_or(d.due.is_empty(), td_string!(locale, admin_nothing_planned_for_the_coming_week), || view! {
                {plain_list(d.due.into_iter(), |x| view! {
                    {long_date(locale, x.planned)} ": "
                    <a href=crate::routes::admin_policy(&x.slug)>{x.title.clone()}</a>
                    " – " {crate::names::stage(locale, x.stage)}
                })}
            })}
        })}
        <crate::components::staff::Inquiries list=d.inquiries csrf=csrf back=back echo=form_echo() />
        {section("lukker", td_string!(locale, admin_hearings_closing_within_14_days), view! {
            {none_or(d.closing_soon.is_empty(), td_string!(locale, admin_none), || view! {
                {plain_list(d.closing_soon.into_iter(), |h| view! {
                    <a lang="da" dir="ltr" href=crate::routes::admin_hearing(&h.slug)>{h.title.clone()}</a>
                    " · " {long_date(locale, h.closes)}
                })}
            })}
        })}
    }
}
