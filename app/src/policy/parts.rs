//! What the policy pages share: a policy's standing, its timeline of stages and decisions, and
//! refusals in words.

use crate::components::long_date;
use crate::i18n::*;
use crate::policy::PolicyCard;
use crate::policy::StageDocument;
use hoering::process::Decision;
use hoering::process::Outcome;
use hoering::process::Refusal;
use hoering::process::RoadState;
use hoering::process::SkipReason;
use hoering::process::StageStatus;
use hoering::process::TimelineEntry;
use leptos::prelude::*;

pub fn outcome_name(locale: Locale, outcome: Outcome) -> String {
    match outcome {
        Outcome::SentBack { to } => format!(
            "{} {}",
            td_string!(locale, policy_sent_back_to),
            crate::names::stage(locale, to)
        ),
        other => crate::names::outcome(locale, other).to_string(),
    }
}

/// Why the road refuses a step, in the reader's language.
pub fn refusal_text(locale: Locale, refusal: &Refusal) -> String {
    crate::policy::refusals::refusal(locale, refusal)
}

/// "Vedtaget i Byrådet den 29. januar 2020", or where the road stands.
pub fn standing(locale: Locale, card: &PolicyCard) -> String {
    if let Some(adoption) = card.adoption {
        let day = long_date(locale, adoption.meeting_date);
        return td_string!(locale, policy_adopted_on, day = day).to_string();
    }
    match card.state {
        RoadState::Rejected { stage, on } => format!(
            "{} ({}, {})",
            td_string!(locale, policy_rejected),
            crate::names::stage(locale, stage),
            long_date(locale, on)
        ),
        RoadState::Published { on } => format!(
            "{} {}",
            td_string!(locale, status_published),
            long_date(locale, on)
        ),
        RoadState::InProgress { stage } => format!(
            "{}: {}",
            td_string!(locale, policy_current_stage),
            crate::names::stage(locale, stage)
        ),
    }
}

/// Why a stage was passed by: hoering's own reason in the reader's language, a clerk's as written.
pub fn skip_reason(locale: Locale, reason: &SkipReason) -> String {
    match reason {
        SkipReason::DirectHearing => {
            td_string!(locale, policy_skip_reason_direct_hearing).to_string()
        }
        SkipReason::Written(text) => text.clone(),
    }
}

/// One stage's line on the timeline: its standing in words.
pub fn status_text(locale: Locale, entry: &TimelineEntry) -> String {
    let day = |d: &jiff::civil::Date| long_date(locale, *d);
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
            "{} {} ({})",
            td_string!(locale, policy_skipped_on),
            day(on),
            skip_reason(locale, reason)
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

pub fn status_class(status: &StageStatus) -> &'static str {
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
        crate::names::body(locale, d.body),
        long_date(locale, d.meeting_date),
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
                    let days: Vec<String> = e.entered.iter().map(|d| long_date(locale, *d)).collect();
                    format!("{} {}", td_string!(locale, policy_taken_up_on), days.join(", "))
                });
                view! {
                    <li class=status_class(&e.status) aria-current=current>
                        <h3 class="timeline-stage">{crate::names::stage(locale, e.stage)}</h3>
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
