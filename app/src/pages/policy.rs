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

/// The same words in the reader's language (the policy pages' wording lives beside its use).
pub fn say(locale: Locale, da: &'static str, en: &'static str) -> &'static str {
    match locale {
        Locale::da => da,
        Locale::en => en,
    }
}

pub fn stage_name(locale: Locale, stage: Stage) -> &'static str {
    say(locale, stage.danish_name(), stage.english_name())
}

pub fn body_name(locale: Locale, body: Body) -> &'static str {
    say(locale, body.danish_name(), body.english_name())
}

pub fn outcome_name(locale: Locale, outcome: Outcome) -> String {
    match outcome {
        Outcome::SentBack { to } => format!(
            "{} {}",
            say(locale, "Sendt tilbage til", "Sent back to"),
            stage_name(locale, to)
        ),
        other => say(locale, other.danish_name(), other.english_name()).to_string(),
    }
}

pub fn refusal_text(locale: Locale, refusal: &Refusal) -> String {
    match locale {
        Locale::da => refusal.danish(),
        Locale::en => refusal.english(),
    }
}

/// "Vedtaget i Byrådet den 29. januar 2020", or where the road stands.
pub fn standing(locale: Locale, card: &PolicyCard) -> String {
    if let Some(adoption) = card.adoption {
        let day = format_date(locale, &adoption.meeting_date.to_string());
        return match locale {
            Locale::da => format!("Vedtaget i Byrådet den {day}"),
            Locale::en => format!("Adopted by the City Council on {day}"),
        };
    }
    match card.state {
        RoadState::Rejected { stage, on } => format!(
            "{} ({}, {})",
            say(locale, "Forkastet", "Rejected"),
            stage_name(locale, stage),
            format_date(locale, &on.to_string())
        ),
        RoadState::Published { on } => format!(
            "{} {}",
            say(locale, "Offentliggjort", "Published"),
            format_date(locale, &on.to_string())
        ),
        RoadState::InProgress { stage } => format!(
            "{}: {}",
            say(locale, "Nuværende fase", "Current stage"),
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
        <Title text=move || say(i18n.get_locale(), "Politikker", "Policies").to_string() />
        <h1>{move || say(i18n.get_locale(), "Politikker", "Policies")}</h1>
        <p class="lead">
            {move || say(
                i18n.get_locale(),
                "Følg kommunens politikker fra udkast over høring til Byrådets beslutning.",
                "Follow the municipality's policies from draft through hearing to the City Council's decision.",
            )}
        </p>
        <form method="get" action=routes::policies() class="search-form" role="search">
            <label for="q">{move || say(i18n.get_locale(), "Søg i titel og udvalg", "Search titles and committees")}</label>
            <input id="q" name=routes::SEARCH type="search" value=search />
            <button type="submit" class="button">{move || say(i18n.get_locale(), "Søg", "Search")}</button>
        </form>
        <Suspense fallback=loading_view>
            {move || Suspend::new(async move {
                let locale = i18n.get_locale_untracked();
                match policies.await {
                    Ok(list) => {
                        let (adopted, going): (Vec<PolicyCard>, Vec<PolicyCard>) =
                            list.into_iter().partition(|p| p.adoption.is_some());
                        view! {
                            <PolicyGroup heading=say(locale, "Undervejs", "In progress") empty=say(locale, "Ingen politikker undervejs.", "No policies in progress.") items=going />
                            <PolicyGroup heading=say(locale, "Vedtaget", "Adopted") empty=say(locale, "Ingen vedtagne politikker.", "No adopted policies.") items=adopted />
                            <p class="feed-links">
                                <a href=routes::CALENDAR rel="external">{say(locale, "Kalender (iCal)", "Calendar (iCal)")}</a>
                                " · "
                                <a href=routes::FEED rel="external">{say(locale, "Nyheder (Atom)", "News feed (Atom)")}</a>
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
        .map(|p| format!(" · {} {}", say(locale, "planlagt", "planned"), day(&p)))
        .unwrap_or_default();
    match &entry.status {
        StageStatus::Done { from, to } if from == to => day(from),
        StageStatus::Done { from, to } => format!("{} – {}", day(from), day(to)),
        StageStatus::Current { since } => format!(
            "{} {}{planned}",
            say(locale, "Her nu, siden", "Here now, since"),
            day(since)
        ),
        StageStatus::Skipped { on, reason } => format!(
            "{} {} ({reason})",
            say(locale, "Sprunget over", "Skipped on"),
            day(on)
        ),
        StageStatus::Rejected { on } => {
            format!("{} {}", say(locale, "Forkastet", "Rejected"), day(on))
        }
        StageStatus::Pending => match entry.planned {
            Some(p) => format!("{} {}", say(locale, "Planlagt", "Planned for"), day(&p)),
            None => say(locale, "Ikke nået endnu", "Not reached yet").to_string(),
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
            say(locale, "Punkt", "Item"),
            d.agenda_item_title
        ),
        None => d.agenda_item_title.clone(),
    };
    let votes = d.votes.map(|v| match locale {
        Locale::da => format!(
            "{} for, {} imod, {} undlod at stemme",
            v.in_favour, v.against, v.abstaining
        ),
        Locale::en => format!(
            "{} in favour, {} against, {} abstaining",
            v.in_favour, v.against, v.abstaining
        ),
    });
    view! {
        <div class="decision">
            <p class="decision-heading"><strong>{heading}</strong></p>
            <p>{item} " · " {format!("{} {}", say(locale, "Version", "Version"), d.version)}</p>
            {votes.map(|v| view! { <p>{v}</p> })}
            {(!d.text.is_empty()).then(|| view! { <p>{d.text.clone()}</p> })}
            {d.dissents.iter().map(|x| view! {
                <p class="dissent">
                    <strong>{format!("{} ({}): ", say(locale, x.kind.danish_name(), x.kind.english_name()), x.party_or_member)}</strong>
                    {x.text.clone()}
                </p>
            }).collect_view()}
            {d.minutes_url.clone().map(|u| view! {
                <p><a href=u rel="external noopener">{say(locale, "Dagsorden og referat", "Agenda and minutes")}</a></p>
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
                    format!("{} {}", say(locale, "Behandlet", "Taken up on"), days.join(", "))
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
                                <Title text=say(locale, "Politikken findes ikke", "No such policy") />
                                <h1>{say(locale, "Politikken findes ikke", "No such policy")}</h1>
                                <p><a href=routes::policies()>{say(locale, "Alle politikker", "All policies")}</a></p>
                            }.into_any();
                        }
                        Err(_) => return error_view().into_any(),
                    };
                    let asked = query.with_untracked(|q| q.get(routes::ASKED));
                    let first_hearing = p.hearings.first().map(|h| h.slug.clone());
                    view! {
                        <Title text=p.card.title.clone() />
                        <p class="eyebrow"><a href=routes::policies()>{say(locale, "Politikker", "Policies")}</a></p>
                        <h1>{p.card.title.clone()}</h1>
                        <p class="card-meta">{p.card.committee.clone()}</p>
                        <p class=if p.card.adoption.is_some() { "status-banner adopted" } else { "status-banner" }>
                            {standing(locale, &p.card)}
                        </p>
                        <section aria-labelledby="forloeb" class="policy-section">
                            <h2 id="forloeb">{say(locale, "Forløb", "The road to a decision")}</h2>
                            <Timeline entries=p.timeline.clone() documents=p.documents.clone() />
                        </section>
                        <section aria-labelledby="versioner" class="policy-section">
                            <h2 id="versioner">{say(locale, "Versioner", "Versions")}</h2>
                            <ul class="plain-list">
                                {p.versions.iter().map(|v| {
                                    let link = first_hearing.as_ref().map(|h| routes::version(h, v.number));
                                    let label = format!("{} {}: {}", say(locale, "Version", "Version"), v.number, v.label);
                                    view! {
                                        <li>
                                            {match link {
                                                Some(href) => view! { <a href=href>{label}</a> }.into_any(),
                                                None => view! { <span>{label}</span> }.into_any(),
                                            }}
                                            " · " {format_date(locale, &v.created)}
                                            {v.frozen.then(|| view! { " " <span class="badge">{say(locale, "Låst", "Frozen")}</span> })}
                                            {v.adopted.then(|| view! { " " <span class="badge badge-published">{say(locale, "Vedtaget tekst", "Adopted text")}</span> })}
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        </section>
                        <section aria-labelledby="hoeringer" class="policy-section">
                            <h2 id="hoeringer">{say(locale, "Høringer", "Hearings")}</h2>
                            {if p.hearings.is_empty() {
                                view! { <p class="muted">{say(locale, "Politikken har ikke været i høring endnu.", "The policy has not been to hearing yet.")}</p> }.into_any()
                            } else {
                                view! {
                                    <ul class="plain-list">
                                        {p.hearings.iter().map(|h| view! {
                                            <li>
                                                <a href=routes::hearing(&h.slug)>{format!("{} {} – {}", say(locale, "Høring", "Hearing"), format_date(locale, &h.opens), format_date(locale, &h.closes))}</a>
                                                " · " {format!("{} {}", h.published_responses, say(locale, "offentliggjorte høringssvar", "published responses"))}
                                            </li>
                                        }).collect_view()}
                                    </ul>
                                }.into_any()
                            }}
                        </section>
                        <section aria-labelledby="dialogmoeder" class="policy-section">
                            <h2 id="dialogmoeder">{say(locale, "Dialogmøder", "Dialogue meetings")}</h2>
                            {if p.meetings.is_empty() {
                                view! { <p class="muted">{say(locale, "Der er ingen dialogmøder om politikken.", "There are no dialogue meetings on this policy.")}</p> }.into_any()
                            } else {
                                view! { <MeetingList meetings=p.meetings.clone() /> }.into_any()
                            }}
                        </section>
                        <AskForm policy=p.clone() asked=asked echo=echo.clone() />
                        <p class="feed-links">
                            <a href=routes::policy_calendar(&p.card.slug) rel="external">{say(locale, "Politikkens datoer i din kalender (iCal)", "This policy's dates in your calendar (iCal)")}</a>
                            " · "
                            <a href=routes::FEED rel="external">{say(locale, "Nyheder (Atom)", "News feed (Atom)")}</a>
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
            <h2 id="spoergsmaal">{say(locale, "Spørg forvaltningen", "Ask the administration")}</h2>
            <p>
                {match locale {
                    Locale::da => format!("Du kan forvente svar fra os inden for 10 hverdage. Spørger du i dag, svarer vi senest {due}."),
                    Locale::en => format!("You can expect our answer within 10 working days. Ask today, and we answer by {due}."),
                }}
            </p>
            <p class="card-meta">
                {match (locale, share) {
                    (Locale::da, Some(s)) => format!("{} spørgsmål modtaget, {} besvaret. {s} er besvaret til tiden.", f.received, f.answered),
                    (Locale::en, Some(s)) => format!("{} questions received, {} answered. {s} were answered on time.", f.received, f.answered),
                    (Locale::da, None) => format!("{} spørgsmål modtaget, {} besvaret.", f.received, f.answered),
                    (Locale::en, None) => format!("{} questions received, {} answered.", f.received, f.answered),
                }}
            </p>
            {asked.map(|day| view! {
                <p class="success-box" role="status">
                    {match locale {
                        Locale::da => format!("Tak for dit spørgsmål. Du får svar senest {}.", format_date(locale, &day)),
                        Locale::en => format!("Thank you for your question. You will have our answer by {}.", format_date(locale, &day)),
                    }}
                </p>
            })}
            <form method="post" action=routes::ask(&policy.card.slug) class="admin-form">
                <div class="field">
                    <label for="name">{say(locale, "Dit navn", "Your name")}</label>
                    <FieldError id="name-error".to_string() message=err("name") />
                    <input id="name" name="name" type="text" autocomplete="name" required value=echo.value("name") aria-invalid=invalid("name") aria-describedby=described("name") />
                </div>
                <div class="field">
                    <label for="email">{say(locale, "Din e-mail (vi svarer hertil; den offentliggøres ikke)", "Your e-mail (we answer here; it is never published)")}</label>
                    <FieldError id="email-error".to_string() message=err("email") />
                    <input id="email" name="email" type="email" autocomplete="email" required value=echo.value("email") aria-invalid=invalid("email") aria-describedby=described("email") />
                </div>
                <div class="field">
                    <label for="question">{say(locale, "Dit spørgsmål", "Your question")}</label>
                    <FieldError id="question-error".to_string() message=err("question") />
                    <textarea id="question" name="question" rows="5" required aria-invalid=invalid("question") aria-describedby=described("question") inner_html=escape_html(&echo.value("question"))></textarea>
                </div>
                <button type="submit" class="button">{say(locale, "Send spørgsmålet", "Send the question")}</button>
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
                let when = match locale {
                    Locale::da => hoering::calendar::danish_time_span(m.starts_at, m.ends_at),
                    Locale::en => hoering::calendar::english_time_span(m.starts_at, m.ends_at),
                };
                let signup = m.signup_open.then(|| say(locale, "Tilmelding åben", "Sign-up open"));
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
