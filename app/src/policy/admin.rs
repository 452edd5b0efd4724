//! The clerk's page for one policy: the road with what may be done next (and why not), each
//! step a plain form; planned dates; the public's questions to answer; the road's journal.

use super::parts::{Timeline, outcome_name, refusal_text, standing};
use crate::components::lists::{data_table, section};
use crate::components::page::route_param;
use crate::components::staff::{Inquiries, LogoutForm, session, staff_form_page};
use crate::components::{FieldError, error_view, escape_html, long_date, set_status};
use crate::forms::FormEcho;
use crate::i18n::*;
use crate::meeting::MeetingCard;
use crate::policy::JournalView;
use crate::policy::PolicyAdminView;
use crate::policy::admin_policy;
use crate::routes;
use hoering::process::ActionKind;
use hoering::process::Body;
use hoering::process::Outcome;
use hoering::process::Refusal;
use hoering::process::RoadState;
use hoering::process::Stage;
use hoering::process::StartReason;
use leptos::prelude::*;
use leptos_meta::Title;

/// What a step form needs to render: the form's name in the echo, the reader's language, the
/// session's token and the road's revision.
#[derive(Clone)]
struct StepContext {
    slug: String,
    csrf: String,
    revision: i64,
    today: String,
    echo: FormEcho,
}

impl StepContext {
    /// The echo's value for `field`, when the echo came from the form `action`.
    fn value(&self, action: &str, field: &str) -> String {
        if self.echo.value("action") == action {
            self.echo.value(field)
        } else {
            String::new()
        }
    }

    fn error(&self, action: &str, field: &str) -> Option<String> {
        if self.echo.value("action") == action {
            self.echo.error(field)
        } else {
            None
        }
    }
}

#[component]
fn StepField(
    ctx: StepContext,
    action: &'static str,
    name: &'static str,
    label: &'static str,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] default: String,
    #[prop(optional)] required: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = format!("{action}-{name}");
    let error = ctx
        .error(action, name)
        .map(|code| crate::forms::error_message(i18n, name, &code));
    let value = match ctx.value(action, name) {
        v if v.is_empty() => default,
        v => v,
    };
    let error_id = format!("{id}-error");
    let described = error.as_ref().map(|_| error_id.clone());
    let invalid = error.as_ref().map(|_| "true");
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <FieldError id=error_id message=Signal::derive(move || error.clone()) />
            <input id=id name=name type=kind value=value required=required aria-invalid=invalid aria-describedby=described />
        </div>
    }
}

/// The hidden fields every step form carries.
fn hidden(ctx: &StepContext, action: &'static str) -> impl IntoView + use<> {
    view! {
        <input type="hidden" name="csrf" value=ctx.csrf.clone() />
        <input type="hidden" name="revision" value=ctx.revision.to_string() />
        <input type="hidden" name="action" value=action />
    }
}

/// A step's form: it posts to the road with the hidden fields every step carries, then `fields`.
fn step_form(ctx: &StepContext, action: &'static str, fields: impl IntoView + 'static) -> AnyView {
    view! {
        <form method="post" action=routes::policy_step(&ctx.slug) class="admin-form step-form">
            {hidden(ctx, action)}
            {fields}
        </form>
    }
    .into_any()
}

/// The version a step is about (`id` is the field's), chosen among `versions`, newest first.
fn version_field(locale: Locale, id: &'static str, versions: &[i64]) -> impl IntoView + use<> {
    let word = td_string!(locale, policy_version);
    let options = versions
        .iter()
        .rev()
        .map(|v| view! { <option value=v.to_string()>{format!("{word} {v}")}</option> })
        .collect_view();
    view! {
        <div class="field">
            <label for=id>{word}</label>
            <select id=id name="version">{options}</select>
        </div>
    }
}

#[component]
fn DecisionForm(
    ctx: StepContext,
    stage: Stage,
    versions: Vec<i64>,
    stages: Vec<Stage>,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let a = "decision";
    let body = stage.deciding_body().unwrap_or(Body::Committee);
    let newest = versions.last().map(|v| v.to_string()).unwrap_or_default();
    let chosen_outcome = ctx.value(a, "outcome");
    let chosen_back = ctx.value(a, "back_to");
    let outcome_error = ctx
        .error(a, "outcome")
        .or(ctx.error(a, "back_to"))
        .map(|c| crate::forms::error_message(i18n, "outcome", &c));
    let votes_error = ctx
        .error(a, "votes")
        .map(|c| crate::forms::error_message(i18n, "votes", &c));
    let text_value = ctx.value(a, "text");
    let dissent_value = ctx.value(a, "dissent_text");
    let chosen_kind = ctx.value(a, "dissent_kind");
    let fields = view! {
        <input type="hidden" name="body" value=body.as_str() />
        <h3>{format!("{}: {}", td_string!(locale, admin_policy_decision), crate::names::body(locale, body))}</h3>
        <div class="field-row">
            <StepField ctx=ctx.clone() action=a name="meeting_date" label=td_string!(locale, admin_policy_meeting_date) kind="date" required=true />
            <StepField ctx=ctx.clone() action=a name="on" label=td_string!(locale, admin_policy_recorded_on) kind="date" default=ctx.today.clone() required=true />
        </div>
        <div class="field-row">
            <StepField ctx=ctx.clone() action=a name="agenda_item_number" label=td_string!(locale, admin_policy_item_no) kind="number" />
            <StepField ctx=ctx.clone() action=a name="agenda_item_title" label=td_string!(locale, admin_policy_agenda_item) required=true />
        </div>
        <StepField ctx=ctx.clone() action=a name="minutes_url" label=td_string!(locale, admin_policy_link_to_agenda_minutes) kind="url" />
        <div class="field">
            <label for="decision-version">{td_string!(locale, admin_policy_version_decided_on)}</label>
            <select id="decision-version" name="version">
                {versions.iter().rev().map(|v| {
                    let v = v.to_string();
                    view! { <option value=v.clone() selected=v == newest>{format!("{} {v}", td_string!(locale, policy_version))}</option> }
                }).collect_view()}
            </select>
        </div>
        <fieldset class="field">
            <legend>{td_string!(locale, admin_policy_outcome)}</legend>
            <FieldError id="decision-outcome-error".to_string() message=Signal::derive(move || outcome_error.clone()) />
            {[("adopted", Outcome::Adopted), ("postponed", Outcome::Postponed), ("rejected", Outcome::Rejected)].into_iter().map(|(code, o)| {
                let id = format!("outcome-{code}");
                view! {
                    <div class="choice">
                        <input type="radio" id=id.clone() name="outcome" value=code checked=chosen_outcome == code || (chosen_outcome.is_empty() && code == "adopted") />
                        <label for=id>{crate::names::outcome(locale, o)}</label>
                    </div>
                }
            }).collect_view()}
            <div class="choice">
                <input type="radio" id="outcome-sent_back" name="outcome" value="sent_back" checked=chosen_outcome == "sent_back" />
                <label for="outcome-sent_back">{td_string!(locale, policy_sent_back_to)}</label>
                " "
                <select name="back_to" aria-label=td_string!(locale, admin_policy_stage_sent_back_to)>
                    {stages.iter().filter(|s| **s < stage).map(|s| view! {
                        <option value=s.as_str() selected=chosen_back == s.as_str()>{crate::names::stage(locale, *s)}</option>
                    }).collect_view()}
                </select>
            </div>
        </fieldset>
        <fieldset class="field">
            <legend>{td_string!(locale, admin_policy_vote_if_one_was_taken)}</legend>
            <FieldError id="decision-votes-error".to_string() message=Signal::derive(move || votes_error.clone()) />
            <div class="field-row">
                <StepField ctx=ctx.clone() action=a name="votes_in_favour" label=td_string!(locale, admin_policy_in_favour) kind="number" />
                <StepField ctx=ctx.clone() action=a name="votes_against" label=td_string!(locale, admin_policy_against) kind="number" />
                <StepField ctx=ctx.clone() action=a name="votes_abstaining" label=td_string!(locale, admin_policy_abstaining) kind="number" />
            </div>
        </fieldset>
        <div class="field">
            <label for="decision-text">{td_string!(locale, admin_policy_the_decision_as_minuted)}</label>
            <textarea id="decision-text" name="text" rows="3" inner_html=escape_html(&text_value)></textarea>
        </div>
        <fieldset class="field">
            <legend>{td_string!(locale, admin_policy_minority_statement_or_entry_in_the)}</legend>
            <div class="field">
                <label for="dissent-kind">{td_string!(locale, outbox_kind)}</label>
                <select id="dissent-kind" name="dissent_kind">
                    <option value="" selected=chosen_kind.is_empty()>{td_string!(locale, notat_none)}</option>
                    <option value="minority_statement" selected=chosen_kind == "minority_statement">{td_string!(locale, dissent_minority_statement)}</option>
                    <option value="minutes_entry" selected=chosen_kind == "minutes_entry">{td_string!(locale, dissent_minutes_entry)}</option>
                </select>
            </div>
            <StepField ctx=ctx.clone() action=a name="dissent_by" label=td_string!(locale, admin_policy_party_or_member) />
            <div class="field">
                <label for="dissent-text">{td_string!(locale, admin_policy_text)}</label>
                <textarea id="dissent-text" name="dissent_text" rows="2" inner_html=escape_html(&dissent_value)></textarea>
            </div>
        </fieldset>
        <button type="submit" class="button">{td_string!(locale, admin_policy_record_the_decision)}</button>
    };
    step_form(&ctx, a, fields)
}

#[component]
fn Steps(view_: PolicyAdminView, ctx: StepContext) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let p = &view_.policy;
    let frozen: Vec<i64> = p
        .versions
        .iter()
        .filter(|v| v.frozen)
        .map(|v| v.number)
        .collect();
    let unfrozen: Vec<i64> = p
        .versions
        .iter()
        .filter(|v| !v.frozen)
        .map(|v| v.number)
        .collect();
    let current = match p.card.state {
        RoadState::InProgress { stage } => Some(stage),
        _ => None,
    };
    let on_field = |ctx: &StepContext, a: &'static str| {
        view! {
            <StepField ctx=ctx.clone() action=a name="on" label=td_string!(locale, admin_policy_date) kind="date" default=ctx.today.clone() required=true />
        }
    };
    let window_fields = |ctx: &StepContext, a: &'static str| {
        view! {
            <div class="field-row">
                <StepField ctx=ctx.clone() action=a name="opens" label=td_string!(locale, admin_policy_the_hearing_opens) kind="date" default=ctx.today.clone() />
                <StepField ctx=ctx.clone() action=a name="closes" label=td_string!(locale, fact_deadline) kind="date" />
                <StepField ctx=ctx.clone() action=a name="working_days" label=td_string!(locale, admin_policy_or_number_of_working_days) kind="number" />
            </div>
        }
    };
    // "Gå videre til Høring", "Spring over Høring": a step's verb and the stage it is about ("–"
    // where the road names none).
    let on_stage = move |verb: &str, stage: Option<Stage>| {
        format!(
            "{verb} {}",
            stage.map(|s| crate::names::stage(locale, s)).unwrap_or("–")
        )
    };
    // A step that asks for nothing but its day: its heading and its button.
    let plain_step =
        |ctx: &StepContext, a: &'static str, heading: &'static str, button: &'static str| {
            let fields = view! {
                <h3>{heading}</h3>
                {on_field(ctx, a)}
                <button type="submit" class="button">{button}</button>
            };
            step_form(ctx, a, fields)
        };
    view_.choices.iter().map(|c| {
        let ctx = ctx.clone();
        let refused = c.refused.map(|r| refusal_text(locale, &r));
        match (c.kind, refused) {
            (ActionKind::Advance, None) => {
                let Some(to) = c.stage else { return ().into_any() };
                let a = "advance";
                step_form(&ctx, a, view! {
                    <input type="hidden" name="to" value=to.as_str() />
                    <h3>{on_stage(td_string!(locale, admin_policy_go_on_to), Some(to))}</h3>
                    {on_field(&ctx, a)}
                    {(to == Stage::Hearing).then(|| window_fields(&ctx, a))}
                    <button type="submit" class="button">{on_stage(td_string!(locale, admin_policy_go_on_to), Some(to))}</button>
                })
            }
            (ActionKind::Skip, None) => {
                let Some(stage) = c.stage else { return ().into_any() };
                let a = "skip";
                step_form(&ctx, a, view! {
                    <input type="hidden" name="stage" value=stage.as_str() />
                    <h3>{on_stage(td_string!(locale, admin_policy_skip_label), Some(stage))}</h3>
                    {on_field(&ctx, a)}
                    <StepField ctx=ctx.clone() action=a name="reason" label=td_string!(locale, admin_policy_reason_shown_on_the_timeline) required=true />
                    <button type="submit" class="button button-secondary">{td_string!(locale, admin_policy_skip)}</button>
                })
            }
            (ActionKind::FreezeVersion, None) if !unfrozen.is_empty() => {
                let a = "freeze";
                step_form(&ctx, a, view! {
                    <h3>{td_string!(locale, admin_policy_freeze_a_version)}</h3>
                    <p class="hint">{td_string!(locale, admin_policy_only_a_frozen_version_can_go)}</p>
                    {version_field(locale, "freeze-version", &unfrozen)}
                    {on_field(&ctx, a)}
                    <button type="submit" class="button button-secondary">{td_string!(locale, admin_policy_freeze_the_version)}</button>
                })
            }
            (ActionKind::FreezeVersion, _) => ().into_any(),
            (ActionKind::OpenHearing, None) if current == Some(Stage::Hearing) => {
                let a = "open_hearing";
                step_form(&ctx, a, view! {
                    <h3>{td_string!(locale, admin_policy_open_a_new_hearing)}</h3>
                    {version_field(locale, "hearing-version", &frozen)}
                    {on_field(&ctx, a)}
                    {window_fields(&ctx, a)}
                    <button type="submit" class="button">{td_string!(locale, admin_policy_open_the_hearing)}</button>
                })
            }
            (ActionKind::OpenHearing, _) => ().into_any(),
            (ActionKind::RecordHearingSummary, None) => plain_step(
                &ctx,
                "summary",
                td_string!(locale, admin_policy_the_hearing_summary_is_ready),
                td_string!(locale, admin_policy_record_the_hearing_summary),
            ),
            (ActionKind::RecordDecision, None) => {
                let stage = c.stage.unwrap_or(Stage::CityCouncil);
                view! { <DecisionForm ctx=ctx.clone() stage=stage versions=frozen.clone() stages=view_.stages.clone() /> }.into_any()
            }
            (ActionKind::Publish, None) => plain_step(
                &ctx,
                "publish",
                td_string!(locale, admin_policy_publish_the_adopted_policy),
                td_string!(locale, publish_button),
            ),
            // Refused: say what and why, so the clerk knows what comes first.
            (kind, Some(why)) => {
                let what = match kind {
                    ActionKind::Advance => on_stage(td_string!(locale, admin_policy_go_on_to), c.stage),
                    ActionKind::Skip => on_stage(td_string!(locale, admin_policy_skip_label), c.stage),
                    ActionKind::RecordHearingSummary => td_string!(locale, admin_policy_record_the_hearing_summary).to_string(),
                    ActionKind::RecordDecision => td_string!(locale, admin_policy_record_a_decision).to_string(),
                    ActionKind::Publish => td_string!(locale, publish_button).to_string(),
                    ActionKind::FreezeVersion | ActionKind::OpenHearing => String::new(),
                };
                view! {
                    <p class="refused-step"><strong>{what}</strong>": " {td_string!(locale, admin_policy_not_possible_now)} " " {why}</p>
                }.into_any()
            }
        }
    }).collect_view()
}

#[component]
pub fn AdminPolicyPage() -> impl IntoView {
    let i18n = use_i18n();
    let slug = route_param("slug");
    let user = session();
    let policy = Resource::new(slug, admin_policy);
    staff_form_page(user, move |user, echo, locale| async move {
        let v = match policy.await {
            Ok(Some(v)) => v,
            Ok(None) => {
                set_status(404);
                return Err(
                    view! { <h1>{td_string!(locale, policy_no_such_policy)}</h1> }.into_any(),
                );
            }
            Err(_) => return Err(error_view().into_any()),
        };
        let slug = v.policy.card.slug.clone();
        let refusal: Option<Refusal> = serde_json::from_str(&echo.value("refusal")).ok();
        let stale = echo.error("revision").is_some();
        let ctx = StepContext {
            slug: slug.clone(),
            csrf: user.csrf.clone(),
            revision: v.revision,
            today: v.today.to_string(),
            echo: echo.clone(),
        };
        let plans = v.stages.clone();
        let timeline = v.policy.timeline.clone();
        let documents = v.policy.documents.clone();
        Ok(view! {
            <Title text=format!("{} – {}", v.policy.card.title, td_string!(locale, admin_policy_casework)) />
            <LogoutForm user=user.clone() />
            <p class="eyebrow"><a href="/admin">{t!(i18n, admin_title)}</a></p>
            <h1 lang="da" dir="ltr">{v.policy.card.title.clone()}</h1>
            <p class="card-meta">
                {v.policy.card.committee.clone()} " · "
                {format!("{} {} v{}", td_string!(locale, admin_policy_process_template), v.template.0, v.template.1)} " · "
                <a href=routes::policy(&slug)>{td_string!(locale, admin_policy_the_public_page)}</a>
            </p>
            <p class="status-banner">{standing(locale, &v.policy.card)}</p>
            // A refused step is told at the top, and focus goes there: the step's form is far
            // down a long page, and the browser shows the page from its top.
            {refusal.map(|r| view! {
                <div class="error-summary" id="skridt-afvist" role="alert" tabindex="-1" autofocus=true>
                    <p><strong>{td_string!(locale, admin_policy_the_step_was_not_taken)}</strong></p>
                    <p>{refusal_text(locale, &r)}</p>
                </div>
            })}
            {stale.then(|| view! {
                <div class="error-summary" role="alert" tabindex="-1" autofocus=true>
                    <p>{td_string!(locale, admin_policy_someone_else_changed_the_road_meanwhile)}</p>
                </div>
            })}
            {(refusal.is_none() && !stale && !echo.errors.is_empty()).then(|| view! {
                <div class="error-summary" role="alert" tabindex="-1" autofocus=true><p>{t!(i18n, error_summary_title)}</p></div>
            })}
            {section("naeste", td_string!(locale, admin_policy_next_steps), view! {
                <p class="hint">{format!("{} {}", td_string!(locale, admin_policy_the_latest_step_is_dated), long_date(locale, v.last_step))}</p>
                <Steps view_=v.clone() ctx=ctx.clone() />
            })}
            {section("forloeb", td_string!(locale, admin_policy_the_road), view! {
                <Timeline entries=timeline.clone() documents=documents />
            })}
            {section("planer", td_string!(locale, admin_policy_planned_dates), view! {
                {data_table(
                    td_string!(locale, admin_policy_planned_dates),
                    [td_string!(locale, templates_stage), td_string!(locale, admin_policy_planned_date)],
                    plans.iter().map(|s| {
                        let planned = timeline.iter().find(|e| e.stage == *s).and_then(|e| e.planned).map(|d| d.to_string()).unwrap_or_default();
                        let id = format!("plan-{}", s.as_str());
                        view! {
                            <tr>
                                <th scope="row"><label for=id.clone()>{crate::names::stage(locale, *s)}</label></th>
                                <td>
                                    <form method="post" action=routes::policy_step(&slug) class="inline-form">
                                        {hidden(&ctx, "plan")}
                                        <input type="hidden" name="stage" value=s.as_str() />
                                        <input id=id type="date" name="planned" value=planned />
                                        " "
                                        <button type="submit" class="button-link">{td_string!(locale, notat_save)}</button>
                                    </form>
                                </td>
                            </tr>
                        }
                    }).collect_view()
                )}
            })}
            {section("dokumenter", td_string!(locale, admin_policy_documents), view! {
                <p class="hint">{td_string!(locale, admin_policy_a_link_to_the_case_a)}</p>
                {step_form(&ctx, "document", view! {
                    <div class="field">
                        <label for="document-stage">{td_string!(locale, templates_stage)}</label>
                        <select id="document-stage" name="stage">
                            {plans.iter().map(|s| {
                                let chosen = ctx.value("document", "stage") == s.as_str();
                                view! { <option value=s.as_str() selected=chosen>{crate::names::stage(locale, *s)}</option> }
                            }).collect_view()}
                        </select>
                    </div>
                    <StepField ctx=ctx.clone() action="document" name="title" label=td_string!(locale, label_title) required=true />
                    <StepField ctx=ctx.clone() action="document" name="url" label=td_string!(locale, admin_policy_link_https) kind="url" required=true />
                    <button type="submit" class="button button-secondary">{td_string!(locale, admin_policy_add_the_document)}</button>
                })}
            })}
            <MeetingsAdmin slug=slug.clone() meetings=v.policy.meetings.clone() csrf=user.csrf.clone() echo=echo.clone() />
            <Inquiries list=v.inquiries.clone() csrf=user.csrf.clone() back=routes::admin_policy(&slug) echo=echo.clone() />
            {section("journal", td_string!(locale, admin_policy_journal), view! {
                {data_table(
                    td_string!(locale, admin_policy_journal),
                    [td_string!(locale, admin_policy_date), td_string!(locale, admin_policy_step), td_string!(locale, admin_policy_by), td_string!(locale, admin_policy_recorded)],
                    v.journal.iter().map(|j| view! {
                        <tr>
                            <td>{long_date(locale, j.on)}</td>
                            <td class="wrap-anywhere">{journal_text(locale, j)}</td>
                            <td class="wrap-anywhere">{j.actor.clone()}</td>
                            <td>{crate::dates::iso_minute(j.recorded)}</td>
                        </tr>
                    }).collect_view()
                )}
            })}
        }.into_any())
    })
}

/// A journal entry in words: the road's action, or the other record (a plan, the road's start).
fn journal_text(locale: Locale, j: &JournalView) -> String {
    use hoering::process::Action;
    let stage = |s: Stage| crate::names::stage(locale, s);
    if let Some(action) = &j.action {
        return match action {
            Action::Advance { to } => format!(
                "{} {}",
                td_string!(locale, admin_policy_went_on_to),
                stage(*to)
            ),
            Action::Skip { stage: s, reason } => {
                format!(
                    "{} {} ({reason})",
                    td_string!(locale, admin_policy_skipped_label),
                    stage(*s)
                )
            }
            Action::FreezeVersion { number } => {
                format!(
                    "{} {number}",
                    td_string!(locale, admin_policy_froze_version)
                )
            }
            Action::OpenHearing { version } => {
                format!(
                    "{} {version}",
                    td_string!(locale, admin_policy_opened_a_hearing_on_version)
                )
            }
            Action::RecordHearingSummary => {
                td_string!(locale, admin_policy_the_hearing_summary_exists).to_string()
            }
            Action::RecordDecision(d) => format!(
                "{}: {} {} ({})",
                crate::names::body(locale, d.body),
                outcome_name(locale, d.outcome),
                long_date(locale, d.meeting_date),
                d.agenda_item_title
            ),
            Action::Publish => td_string!(locale, admin_policy_published_the_policy).to_string(),
        };
    }
    let Ok(value) = serde_json::from_str::<serde_json::Value>(&j.what) else {
        return j.what.clone();
    };
    let text = |k: &str| {
        value
            .get(k)
            .and_then(|v| v.as_str())
            .unwrap_or_default()
            .to_string()
    };
    let stage_of = |k: &str| {
        Stage::parse(&text(k))
            .map(|s| crate::names::stage(locale, s))
            .unwrap_or("–")
    };
    match text("action").as_str() {
        "plan" => match value.get("planned").and_then(|v| v.as_str()) {
            Some(day) => format!(
                "{} {}: {}",
                td_string!(locale, admin_policy_planned),
                stage_of("stage"),
                day.parse()
                    .map_or_else(|_| day.to_string(), |d| long_date(locale, d))
            ),
            None => format!(
                "{} {}",
                td_string!(locale, admin_policy_cleared_the_planned_date_of),
                stage_of("stage")
            ),
        },
        "road_started" => format!(
            "{} ({})",
            td_string!(locale, admin_policy_the_road_began),
            match StartReason::parse(&text("reason")) {
                Some(StartReason::DirectHearing) => {
                    td_string!(locale, policy_skip_reason_direct_hearing).to_string()
                }
                Some(StartReason::Draft) => {
                    td_string!(locale, admin_policy_started_as_draft).to_string()
                }
                None => text("reason"),
            }
        ),
        "road_restarted" => format!(
            "{} ({})",
            td_string!(locale, admin_policy_the_road_began_again),
            text("reason")
        ),
        _ => j.what.clone(),
    }
}

/// The policy's dialogue meetings, each a link to its clerk page, and the form for a new one.
#[component]
fn MeetingsAdmin(
    slug: String,
    meetings: Vec<MeetingCard>,
    csrf: String,
    echo: FormEcho,
) -> impl IntoView {
    use crate::components::fields::{FormState, RadioGroup, TextArea, TextField};
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let form = FormState {
        echo,
        prefix: "moede",
    };
    view! {
        {section("dialogmoeder", td_string!(locale, search_dialogue_meetings), view! {
            {(!meetings.is_empty()).then(|| view! {
                <ul class="plain-list">
                    {meetings.into_iter().map(|m| {
                        let when = crate::components::time_span(locale, m.starts_at, m.ends_at);
                        view! {
                            <li>
                                <a lang="da" dir="ltr" href=routes::admin_meeting(m.id)>{m.title.clone()}</a>
                                " · " {when} " · "
                                {format!("{}/{} {}", m.seated, m.capacity, td_string!(locale, admin_policy_signed_up))}
                                {(m.waiting > 0).then(|| format!(", {} {}", m.waiting, td_string!(locale, admin_policy_waiting)))}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            })}
            <details open=!form.echo.errors.keys().all(|k| !k.starts_with("meeting_"))>
                <summary>{td_string!(locale, admin_policy_new_dialogue_meeting)}</summary>
                <form method="post" action=routes::new_meeting(&slug) class="admin-form">
                    <input type="hidden" name="csrf" value=csrf />
                    <TextField form=form.clone() name="meeting_title" label=td_string!(locale, label_title) required=true />
                    <TextField form=form.clone() name="meeting_date" label=td_string!(locale, admin_policy_date) kind="date" required=true />
                    <TextField form=form.clone() name="meeting_starts" label=td_string!(locale, admin_policy_starts_at) kind="time" required=true />
                    <TextField form=form.clone() name="meeting_ends" label=td_string!(locale, admin_policy_ends_at) kind="time" />
                    <TextField form=form.clone() name="meeting_place" label=td_string!(locale, admin_policy_place) required=true />
                    <RadioGroup form=form.clone() name="meeting_step_free" legend=td_string!(locale, admin_meeting_step_free_access)
                        options=vec![("ja", td_string!(locale, admin_policy_yes)), ("nej", td_string!(locale, admin_policy_no))] />
                    <TextField form=form.clone() name="meeting_capacity" label=td_string!(locale, admin_policy_seats) kind="number" inputmode="numeric" required=true />
                    <TextField form=form.clone() name="meeting_signup_deadline" label=td_string!(locale, admin_policy_sign_up_deadline) kind="date"
                        hint=td_string!(locale, admin_policy_empty_the_meeting_s_day) />
                    <RadioGroup form=form.clone() name="meeting_mode" legend=td_string!(locale, outbox_sign_up)
                        options=vec![("aaben", td_string!(locale, admin_policy_open_to_all)), ("invitation", td_string!(locale, admin_policy_by_invitation))] default="aaben" />
                    <TextArea form=form.clone() name="meeting_agenda" label=td_string!(locale, admin_policy_agenda_markdown) rows=5 />
                    <button type="submit" class="button">{td_string!(locale, admin_policy_create_the_meeting)}</button>
                </form>
            </details>
        })}
    }
}
