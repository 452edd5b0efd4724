//! The public policy pages: the list of policies, and a policy's home with its road to the
//! Byråd vote (every stage with its dates and decisions), its versions and hearings, and the
//! question form promised an answer within 10 working days.

use crate::api::{get_policy, list_policies};
use crate::components::{
    FieldError, error_view, escape_html, form_echo, format_date, loading_view, set_status,
};
use crate::i18n::*;
use crate::model::*;
use crate::routes;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

pub fn stage_name(locale: Locale, stage: Stage) -> &'static str {
    crate::names::stage(locale, stage)
}

pub fn body_name(locale: Locale, body: Body) -> &'static str {
    crate::names::body(locale, body)
}

pub fn outcome_name(locale: Locale, outcome: Outcome) -> String {
    match outcome {
        Outcome::SentBack { to } => format!(
            "{} {}",
            td_string!(locale, policy_sent_back_to),
            stage_name(locale, to)
        ),
        other => crate::names::outcome(locale, other).to_string(),
    }
}

/// Why the road refuses a step, in the reader's language.
pub fn refusal_text(locale: Locale, refusal: &Refusal) -> String {
    crate::refusals::refusal(locale, refusal)
}

/// "Vedtaget i Byrådet den 29. januar 2020", or where the road stands.
pub fn standing(locale: Locale, card: &PolicyCard) -> String {
    if let Some(adoption) = card.adoption {
        let day = format_date(locale, &adoption.meeting_date.to_string());
        return td_string!(locale, policy_adopted_on, day = day).to_string();
    }
    match card.state {
        RoadState::Rejected { stage, on } => format!(
            "{} ({}, {})",
            td_string!(locale, policy_rejected),
            stage_name(locale, stage),
            format_date(locale, &on.to_string())
        ),
        RoadState::Published { on } => format!(
            "{} {}",
            td_string!(locale, status_published),
            format_date(locale, &on.to_string())
        ),
        RoadState::InProgress { stage } => format!(
            "{}: {}",
            td_string!(locale, policy_current_stage),
            stage_name(locale, stage)
        ),
    }
}

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
fn PolicyGroup(
    heading: &'static str,
    empty: &'static str,
    items: Vec<PolicyCard>,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    view! {
        <section class="hearing-group">
            <h2>{heading}</h2>
            {if items.is_empty() {
                view! { <p class="muted">{empty}</p> }.into_any()
            } else {
                view! {
                    <ul class="card-list">
                        {items.into_iter().map(|p| view! {
                            <li class="card">
                                <h3><a href=routes::policy(&p.slug)>{p.title.clone()}</a></h3>
                                <p class="card-meta">{p.committee.clone()}</p>
                                <p class="card-deadline">{standing(locale, &p)}</p>
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}

/// One stage's line on the timeline: its standing in words.
fn status_text(locale: Locale, entry: &TimelineEntry) -> String {
    let day = |d: &dyn std::fmt::Display| format_date(locale, &d.to_string());
    let planned = entry
        .planned
        .map(|p| format!(" · {} {}", td_string!(locale, policy_planned), day(&p)))
        .unwrap_or_default();
    match &entry.status {
        StageStatus::Done { from, to } if from == to => day(from),
        StageStatus::Done { from, to } => format!("{} – {}", day(from), day(to)),
        StageStatus::Current { since } => format!(
            "{} {}{planned}",
            td_string!(locale, policy_here_now_since),
            day(since)
        ),
        StageStatus::Skipped { on, reason } => format!(
            "{} {} ({reason})",
            td_string!(locale, policy_skipped_on),
            day(on)
        ),
        StageStatus::Rejected { on } => {
            format!("{} {}", td_string!(locale, policy_rejected), day(on))
        }
        StageStatus::Pending => match entry.planned {
            Some(p) => format!("{} {}", td_string!(locale, policy_planned_for), day(&p)),
            None => td_string!(locale, policy_not_reached_yet).to_string(),
        },
    }
}

fn status_class(status: &StageStatus) -> &'static str {
    match status {
        StageStatus::Done { .. } => "timeline-item done",
        StageStatus::Current { .. } => "timeline-item current",
        StageStatus::Skipped { .. } => "timeline-item skipped",
        StageStatus::Rejected { .. } => "timeline-item rejected",
        StageStatus::Pending => "timeline-item pending",
    }
}

#[component]
pub fn DecisionItem(decision: Decision) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let d = decision;
    let heading = format!(
        "{} {}: {}",
        body_name(locale, d.body),
        format_date(locale, &d.meeting_date.to_string()),
        outcome_name(locale, d.outcome)
    );
    let item = match d.agenda_item_number {
        Some(n) => format!(
            "{} {n}. {}",
            td_string!(locale, policy_item),
            d.agenda_item_title
        ),
        None => d.agenda_item_title.clone(),
    };
    let votes = d.votes.map(|v| {
        td_string!(
            locale,
            policy_votes,
            in_favour = v.in_favour,
            against = v.against,
            abstaining = v.abstaining
        )
        .to_string()
    });
    view! {
        <div class="decision">
            <p class="decision-heading"><strong>{heading}</strong></p>
            <p>{item} " · " {format!("{} {}", td_string!(locale, policy_version), d.version)}</p>
            {votes.map(|v| view! { <p>{v}</p> })}
            {(!d.text.is_empty()).then(|| view! { <p>{d.text.clone()}</p> })}
            {d.dissents.iter().map(|x| view! {
                <p class="dissent">
                    <strong>{format!("{} ({}): ", crate::names::dissent_kind(locale, x.kind), x.party_or_member)}</strong>
                    {x.text.clone()}
                </p>
            }).collect_view()}
            {d.minutes_url.clone().map(|u| view! {
                <p><a href=u rel="external noopener">{td_string!(locale, policy_agenda_and_minutes)}</a></p>
            })}
        </div>
    }
}

#[component]
pub fn Timeline(entries: Vec<TimelineEntry>, documents: Vec<StageDocument>) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    view! {
        <ol class="timeline">
            {entries.into_iter().map(|e| {
                let current = matches!(e.status, StageStatus::Current { .. }).then_some("step");
                let rounds = (e.entered.len() > 1).then(|| {
                    let days: Vec<String> = e.entered.iter().map(|d| format_date(locale, &d.to_string())).collect();
                    format!("{} {}", td_string!(locale, policy_taken_up_on), days.join(", "))
                });
                view! {
                    <li class=status_class(&e.status) aria-current=current>
                        <h3 class="timeline-stage">{stage_name(locale, e.stage)}</h3>
                        <p class="timeline-when">{status_text(locale, &e)}</p>
                        <p class="card-meta">{e.responsible.clone()}</p>
                        {rounds.map(|r| view! { <p class="card-meta">{r}</p> })}
                        {e.decisions.into_iter().map(|d| view! { <DecisionItem decision=d /> }).collect_view()}
                        {let docs: Vec<StageDocument> = documents.iter().filter(|d| d.stage == e.stage).cloned().collect();
                        (!docs.is_empty()).then(|| view! {
                            <ul class="stage-documents">
                                {docs.into_iter().map(|d| view! {
                                    <li><a href=d.url rel="external noopener">{d.title}</a></li>
                                }).collect_view()}
                            </ul>
                        })}
                    </li>
                }
            }).collect_view()}
        </ol>
    }
}

#[component]
pub fn PolicyPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let query = use_query_map();
    let slug = move || params.with(|p| p.get("slug").unwrap_or_default());
    let policy = Resource::new(slug, get_policy);
    let echo = form_echo();
    view! {
        <Suspense fallback=loading_view>
            {move || {
                let echo = echo.clone();
                Suspend::new(async move {
                    let locale = i18n.get_locale_untracked();
                    let p = match policy.await {
                        Ok(Some(p)) => p,
                        Ok(None) => {
                            set_status(404);
                            return view! {
                                <Title text=td_string!(locale, policy_no_such_policy) />
                                <h1>{td_string!(locale, policy_no_such_policy)}</h1>
                                <p><a href=routes::policies()>{td_string!(locale, policy_all_policies)}</a></p>
                            }.into_any();
                        }
                        Err(_) => return error_view().into_any(),
                    };
                    let asked = query.with_untracked(|q| q.get(routes::ASKED));
                    let first_hearing = p.hearings.first().map(|h| h.slug.clone());
                    view! {
                        <Title text=p.card.title.clone() />
                        <p class="eyebrow"><a href=routes::policies()>{td_string!(locale, nav_policies)}</a></p>
                        <h1>{p.card.title.clone()}</h1>
                        <p class="card-meta">{p.card.committee.clone()}</p>
                        <p class=if p.card.adoption.is_some() { "status-banner adopted" } else { "status-banner" }>
                            {standing(locale, &p.card)}
                        </p>
                        <section aria-labelledby="forloeb" class="policy-section">
                            <h2 id="forloeb">{td_string!(locale, policy_the_road_to_a_decision)}</h2>
                            <Timeline entries=p.timeline.clone() documents=p.documents.clone() />
                        </section>
                        <section aria-labelledby="versioner" class="policy-section">
                            <h2 id="versioner">{td_string!(locale, policy_versions)}</h2>
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
                                            " · " {format_date(locale, &v.created)}
                                            {v.frozen.then(|| view! { " " <span class="badge">{td_string!(locale, policy_frozen)}</span> })}
                                            {v.adopted.then(|| view! { " " <span class="badge badge-published">{td_string!(locale, policy_adopted_text)}</span> })}
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        </section>
                        <section aria-labelledby="hoeringer" class="policy-section">
                            <h2 id="hoeringer">{td_string!(locale, policy_hearings)}</h2>
                            {if p.hearings.is_empty() {
                                view! { <p class="muted">{td_string!(locale, policy_the_policy_has_not_been_to)}</p> }.into_any()
                            } else {
                                view! {
                                    <ul class="plain-list">
                                        {p.hearings.iter().map(|h| view! {
                                            <li>
                                                <a href=routes::hearing(&h.slug)>{format!("{} {} – {}", td_string!(locale, stage_hearing), format_date(locale, &h.opens), format_date(locale, &h.closes))}</a>
                                                " · " {format!("{} {}", h.published_responses, td_string!(locale, policy_published_responses))}
                                            </li>
                                        }).collect_view()}
                                    </ul>
                                }.into_any()
                            }}
                        </section>
                        <section aria-labelledby="dialogmoeder" class="policy-section">
                            <h2 id="dialogmoeder">{td_string!(locale, search_dialogue_meetings)}</h2>
                            {if p.meetings.is_empty() {
                                view! { <p class="muted">{td_string!(locale, policy_there_are_no_dialogue_meetings_on)}</p> }.into_any()
                            } else {
                                view! { <MeetingList meetings=p.meetings.clone() /> }.into_any()
                            }}
                        </section>
                        <AskForm policy=p.clone() asked=asked echo=echo.clone() />
                        <p class="feed-links">
                            <a href=routes::policy_calendar(&p.card.slug) rel="external">{td_string!(locale, policy_this_policy_s_dates_in_your)}</a>
                            " · "
                            <a href=routes::FEED rel="external">{td_string!(locale, policy_news_feed_atom)}</a>
                        </p>
                    }.into_any()
                })
            }}
        </Suspense>
    }
}

#[component]
fn AskForm(policy: PolicyView, asked: Option<String>, echo: FormEcho) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let err = |f: &'static str| {
        let msg = echo
            .error(f)
            .map(|code| crate::forms::error_message(i18n, f, &code));
        Signal::derive(move || msg.clone())
    };
    let invalid = |f: &'static str| echo.error(f).map(|_| "true");
    let described = |f: &'static str| echo.error(f).map(|_| format!("{f}-error"));
    let f = &policy.inquiries;
    let share = f.on_time_share.map(|s| format!("{:.0} %", s * 100.0));
    let due = format_date(locale, &policy.inquiry_due_if_asked_today);
    view! {
        <section aria-labelledby="spoergsmaal" class="policy-section">
            <h2 id="spoergsmaal">{td_string!(locale, policy_ask_the_administration)}</h2>
            <p>
                {td_string!(locale, policy_expect_answer, due = due.clone()).to_string()}
            </p>
            <p class="card-meta">
                {match share {
                    Some(s) => td_string!(locale, policy_questions_on_time, received = f.received, answered = f.answered, share = s).to_string(),
                    None => td_string!(locale, policy_questions, received = f.received, answered = f.answered).to_string(),
                }}
            </p>
            {asked.map(|day| view! {
                <p class="success-box" role="status">
                    {td_string!(locale, policy_thanks_for_question, day = format_date(locale, &day)).to_string()}
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
        </section>
    }
}

/// Meetings as a list of links with when and where (the policy page, the home page).
#[component]
pub fn MeetingList(meetings: Vec<MeetingCard>) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    view! {
        <ul class="plain-list meeting-list">
            {meetings.into_iter().map(|m| {
                let when = crate::components::time_span(locale, m.starts_at, m.ends_at);
                let signup = m.signup_open.then(|| td_string!(locale, policy_sign_up_open));
                view! {
                    <li>
                        <a href=routes::meeting(m.id)>{m.title.clone()}</a>
                        <br />
                        <span class="card-meta">{when} " · " {m.place.clone()}</span>
                        {signup.map(|s| view! { " " <span class="badge">{s}</span> })}
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}
