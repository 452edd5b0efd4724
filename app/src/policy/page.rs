//! A policy's public page: its road to the Byråd vote, versions, hearings, meetings and the
//! question form.

use super::parts::{Timeline, standing};
use crate::components::lists::{none_or, plain_list, section};
use crate::components::meeting::MeetingList;
use crate::components::page::{route_param, suspended_form};
use crate::components::{FieldError, error_view, escape_html, long_date, set_status};
use crate::forms::FormEcho;
use crate::i18n::*;
use crate::policy::PolicyView;
use crate::policy::get_policy;
use crate::routes;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn PolicyPage() -> impl IntoView {
    let query = use_query_map();
    let slug = route_param("slug");
    let policy = Resource::new(slug, get_policy);
    suspended_form(move |echo, locale| async move {
        let p = match policy.await {
            Ok(Some(p)) => p,
            Ok(None) => {
                set_status(404);
                return Err(view! {
                    <Title text=td_string!(locale, policy_no_such_policy) />
                    <h1>{td_string!(locale, policy_no_such_policy)}</h1>
                    <p><a href=routes::policies()>{td_string!(locale, policy_all_policies)}</a></p>
                }
                .into_any());
            }
            Err(_) => return Err(error_view().into_any()),
        };
        // The promised day, as the redirect after a question wrote it; anything else thanks no one.
        let asked = query
            .with_untracked(|q| q.get(routes::ASKED))
            .and_then(|d| d.parse().ok());
        let first_hearing = p.hearings.first().map(|h| h.slug.clone());
        Ok(view! {
            <Title text=p.card.title.clone() />
            <p class="eyebrow"><a href=routes::policies()>{td_string!(locale, nav_policies)}</a></p>
            <h1 lang="da" dir="ltr">{p.card.title.clone()}</h1>
            <p class="card-meta">{p.card.committee.clone()}</p>
            <p class=if p.card.adoption.is_some() { "status-banner adopted" } else { "status-banner" }>
                {standing(locale, &p.card)}
            </p>
            {section("forloeb", td_string!(locale, policy_the_road_to_a_decision), view! {
                <Timeline entries=p.timeline.clone() documents=p.documents.clone() />
            })}
            {section("versioner", td_string!(locale, policy_versions), view! {
                <ul class="plain-list">
                    {p.versions.iter().map(|v| {
                        let link = first_hearing.as_ref().map(|h| routes::version(h, v.number));
                        let label = format!("{} {}: {}", td_string!(locale, policy_version), v.number, v.label);
                        view! {
                            <li>
                                {match link {
                                    Some(href) => view! { <a href=href>{label}</a> }.into_any(),
                                    None => view! { <span>{label}</span> }.into_any(),
                                }}
                                " · " {long_date(locale, v.created)}
                                {v.frozen.then(|| view! { " " <span class="badge">{td_string!(locale, policy_frozen)}</span> })}
                                {v.adopted.then(|| view! { " " <span class="badge badge-published">{td_string!(locale, policy_adopted_text)}</span> })}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            })}
            {section("hoeringer", td_string!(locale, policy_hearings), view! {
                {none_or(p.hearings.is_empty(), td_string!(locale, policy_the_policy_has_not_been_to), || view! {
                    {plain_list(p.hearings.iter(), |h| view! {
                        <a href=routes::hearing(&h.slug)>{format!("{} {} – {}", td_string!(locale, stage_hearing), long_date(locale, h.opens), long_date(locale, h.closes))}</a>
                        " · " {crate::components::published_counts(locale, h.published)}
                    })}
                })}
            })}
            {section("dialogmoeder", td_string!(locale, search_dialogue_meetings), view! {
                {none_or(p.meetings.is_empty(), td_string!(locale, policy_there_are_no_dialogue_meetings_on), || view! { <MeetingList meetings=p.meetings.clone() /> })}
            })}
            <AskForm policy=p.clone() asked=asked echo=echo.clone() />
            <p class="feed-links">
                <a href=routes::policy_calendar(&p.card.slug) rel="external">{td_string!(locale, policy_this_policy_s_dates_in_your)}</a>
                " · "
                <a href=routes::FEED rel="external">{td_string!(locale, policy_news_feed_atom)}</a>
            </p>
        }.into_any())
    })
}

#[component]
pub fn AskForm(
    policy: PolicyView,
    asked: Option<jiff::civil::Date>,
    echo: FormEcho,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let err = |f: &'static str| echo.message_signal(i18n, f);
    let invalid = |f: &'static str| echo.error(f).map(|_| "true");
    let described = |f: &'static str| echo.error(f).map(|_| format!("{f}-error"));
    let f = &policy.inquiries;
    let share = f.on_time_share.map(|s| format!("{:.0} %", s * 100.0));
    let due = long_date(locale, policy.inquiry_due_if_asked_today);
    view! {
        {section("spoergsmaal", td_string!(locale, policy_ask_the_administration), view! {
            <p>
                {td_string!(locale, policy_expect_answer, due = due.clone()).to_string()}
            </p>
            <p class="card-meta">
                {match share {
                    Some(s) => td_string!(locale, policy_questions_on_time, count = f.received, answered = f.answered, share = s).to_string(),
                    None => td_string!(locale, policy_questions, count = f.received, answered = f.answered).to_string(),
                }}
            </p>
            {asked.map(|day| view! {
                <p class="success-box" role="status">
                    {td_string!(locale, policy_thanks_for_question, day = long_date(locale, day)).to_string()}
                </p>
            })}
            <form method="post" action=routes::ask(&policy.card.slug) class="admin-form">
                <div class="field">
                    <label for="name">{td_string!(locale, policy_your_name)}</label>
                    <FieldError id="name-error".to_string() message=err("name") />
                    <input id="name" name="name" type="text" autocomplete="name" required value=echo.value("name") aria-invalid=invalid("name") aria-describedby=described("name") />
                </div>
                <div class="field">
                    <label for="email">{td_string!(locale, policy_your_e_mail_we_answer_here)}</label>
                    <FieldError id="email-error".to_string() message=err("email") />
                    <input id="email" name="email" type="email" autocomplete="email" required value=echo.value("email") aria-invalid=invalid("email") aria-describedby=described("email") />
                </div>
                <div class="field">
                    <label for="question">{td_string!(locale, policy_your_question)}</label>
                    <FieldError id="question-error".to_string() message=err("question") />
                    <textarea id="question" name="question" rows="5" required aria-invalid=invalid("question") aria-describedby=described("question") inner_html=escape_html(&echo.value("question"))></textarea>
                </div>
                <button type="submit" class="button">{td_string!(locale, policy_send_the_question)}</button>
            </form>
        })}
    }
}
