//! What the policy pages share: a policy's standing, its timeline of stages and decisions, and
//! refusals in words.

use crate::components::format_date;
use crate::i18n::*;
use crate::policy::PolicyCard;
use crate::policy::StageDocument;
use hoering::process::Decision;
use hoering::process::Outcome;
use hoering::process::Refusal;
use hoering::process::RoadState;
use hoering::process::Stage;
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

pub fn refusal_text(locale: Locale, refusal: &Refusal) -> String {
    let stage = |s: Stage| crate::names::stage(locale, s);
    let date = |d: &dyn std::fmt::Display| format_date(locale, &d.to_string());
    match *refusal {
        Refusal::AlreadyPublished => td_string!(locale, refusal_already_published).into(),
        Refusal::RoadRejected => td_string!(locale, refusal_road_rejected).into(),
        Refusal::BeforeLastStep { last } => {
            td_string!(locale, refusal_before_last_step, last = date(&last)).to_string()
        }
        Refusal::NotInTemplate { stage: s } => {
            td_string!(locale, refusal_not_in_template, stage = stage(s)).to_string()
        }
        Refusal::OutOfOrder { from, to } => td_string!(
            locale,
            refusal_out_of_order,
            from = stage(from),
            to = stage(to)
        )
        .to_string(),
        Refusal::NotSkippable { stage: s } => {
            td_string!(locale, refusal_not_skippable, stage = stage(s)).to_string()
        }
        Refusal::ReasonRequired => td_string!(locale, refusal_reason_required).into(),
        Refusal::VersionAlreadyFrozen { number } => {
            td_string!(locale, refusal_version_already_frozen, number = number).to_string()
        }
        Refusal::NoFrozenVersion => td_string!(locale, refusal_no_frozen_version).into(),
        Refusal::VersionNotFrozen { number } => {
            td_string!(locale, refusal_version_not_frozen, number = number).to_string()
        }
        Refusal::HearingAlreadyOpen => td_string!(locale, refusal_hearing_already_open).into(),
        Refusal::HearingNotOpen => td_string!(locale, refusal_hearing_not_open).into(),
        Refusal::NoHearingSummary => td_string!(locale, refusal_no_hearing_summary).into(),
        Refusal::NoSummaryHere { stage: s } => {
            td_string!(locale, refusal_no_summary_here, stage = stage(s)).to_string()
        }
        Refusal::NoDecisionHere { stage: s } => {
            td_string!(locale, refusal_no_decision_here, stage = stage(s)).to_string()
        }
        Refusal::DecisionBodyMismatch { stage: s, body } => match s.deciding_body() {
            Some(deciding) => td_string!(
                locale,
                refusal_decision_body_mismatch,
                stage = stage(s),
                deciding = crate::names::body(locale, deciding),
                body = crate::names::body(locale, body)
            )
            .to_string(),
            None => refusal_text(locale, &Refusal::NoDecisionHere { stage: s }),
        },
        Refusal::DecisionInFuture { meeting } => {
            td_string!(locale, refusal_decision_in_future, meeting = date(&meeting)).to_string()
        }
        Refusal::AlreadyDecided { stage: s } => {
            td_string!(locale, refusal_already_decided, stage = stage(s)).to_string()
        }
        Refusal::DecisionPostponed { stage: s } => {
            td_string!(locale, refusal_decision_postponed, stage = stage(s)).to_string()
        }
        Refusal::SendBackNotEarlier { from, to } => td_string!(
            locale,
            refusal_send_back_not_earlier,
            from = stage(from),
            to = stage(to)
        )
        .to_string(),
        Refusal::NotAdopted => td_string!(locale, refusal_not_adopted).into(),
        Refusal::HearingStillOpen { last_day } => td_string!(
            locale,
            refusal_hearing_still_open,
            last_day = date(&last_day)
        )
        .to_string(),
    }
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
            crate::names::stage(locale, stage),
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
            crate::names::stage(locale, stage)
        ),
    }
}

/// One stage's line on the timeline: its standing in words.
pub fn status_text(locale: Locale, entry: &TimelineEntry) -> String {
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
