//! The clerk's steps on a policy's road, the public's question form, and the clerk's answer,
//! as plain HTML form posts. A refused step comes back on the same page with the road's
//! reason and everything typed.

use super::db::{self as policy_db, Actor};
use super::{StepError, StepRequest, WindowRequest, plan_stage, take_step};
use crate::auth::{Permission, Staff};
use crate::state::{AppState, ClientAddr};
use crate::web::error::{WebError, WebResult, one_error};
use crate::web::form::{Form, Line};
use crate::web::redirect::{safe_target, see_other};
use app::forms::FormEcho;
use app::messages::Message;
use axum::extract::{Path, State};
use hoering::hearing::parse_date;
use hoering::process::{Action, DecisionFields, Inquiry, Stage};
use hoering::response::Email;
use http::{HeaderMap, StatusCode};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

type Errors = BTreeMap<String, String>;

/// The longest question or answer kept, in characters.
pub const MAX_INQUIRY_CHARS: usize = 5_000;

/// A step on the road (`action`), a plan, or a document: the forms of the policy's road.
#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct StepForm {
    action: Line,
    on: Line,
    revision: Line,
    to: Line,
    stage: Line,
    opens: Line,
    closes: Line,
    working_days: Line,
    version: Line,
    planned: Line,
    title: Line,
    url: Line,
    reason: String,
    // A decision, as the core reads it.
    body: Line,
    meeting_date: Line,
    agenda_item_number: Line,
    agenda_item_title: Line,
    minutes_url: Line,
    outcome: Line,
    back_to: Line,
    votes_in_favour: Line,
    votes_against: Line,
    votes_abstaining: Line,
    dissent_kind: Line,
    dissent_by: Line,
    dissent_text: String,
    text: String,
}

impl StepForm {
    fn decision(&self) -> DecisionFields {
        DecisionFields {
            body: self.body.to_string(),
            meeting_date: self.meeting_date.to_string(),
            agenda_item_number: self.agenda_item_number.to_string(),
            agenda_item_title: self.agenda_item_title.to_string(),
            minutes_url: self.minutes_url.to_string(),
            version: self.version.to_string(),
            outcome: self.outcome.to_string(),
            back_to: self.back_to.to_string(),
            votes_in_favour: self.votes_in_favour.to_string(),
            votes_against: self.votes_against.to_string(),
            votes_abstaining: self.votes_abstaining.to_string(),
            dissent_kind: self.dissent_kind.to_string(),
            dissent_by: self.dissent_by.to_string(),
            dissent_text: self.dissent_text.trim().to_string(),
            text: self.text.trim().to_string(),
        }
    }
}

/// The public's question.
#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct QuestionForm {
    name: Line,
    email: Line,
    question: String,
}

/// The clerk's answer to a question, and the page it was given on.
#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct AnswerForm {
    answer: String,
    back: String,
}

/// A process template as edited: the version edited, and for each stage `with_…` (in the
/// template), `skip_…` (skippable) and `responsible_…`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct TemplateForm {
    version: Line,
    #[serde(flatten)]
    stages: BTreeMap<String, Line>,
}

impl TemplateForm {
    fn stage_field(&self, name: &str, stage: Stage) -> &str {
        self.stages
            .get(&format!("{name}_{}", stage.as_str()))
            .map_or("", Line::as_str)
    }
}

fn date_field(value: &str, k: &str, errors: &mut Errors) -> Option<Date> {
    match value {
        "" => {
            errors.insert(k.into(), "required".into());
            None
        }
        s => match parse_date(s) {
            Ok(d) => Some(d),
            Err(_) => {
                errors.insert(k.into(), "invalid".into());
                None
            }
        },
    }
}

fn stage_field(value: &str, k: &str, errors: &mut Errors) -> Option<Stage> {
    let stage = Stage::parse(value);
    if stage.is_none() {
        errors.insert(k.into(), "invalid".into());
    }
    stage
}

fn number_field(value: &str, k: &str, errors: &mut Errors) -> Option<u32> {
    match value.parse::<u32>() {
        Ok(n) if n > 0 => Some(n),
        _ => {
            errors.insert(k.into(), "invalid".into());
            None
        }
    }
}

/// Required text of at most `max` characters, or its mistake.
fn text_field(value: &str, k: &str, max: usize, errors: &mut Errors) {
    if value.is_empty() {
        errors.insert(k.into(), "required".into());
    } else if value.chars().count() > max {
        errors.insert(k.into(), "too_long".into());
    }
}

/// The hearing window of a step that opens one: dates, or a number of working days.
fn window_fields(f: &StepForm, on: Option<Date>, errors: &mut Errors) -> Option<WindowRequest> {
    let opens = match f.opens.as_str() {
        "" => on,
        opens => date_field(opens, "opens", errors),
    }?;
    if !f.working_days.is_empty() {
        let days = number_field(&f.working_days, "working_days", errors)?;
        return Some(WindowRequest::WorkingDays { opens, days });
    }
    let closes = date_field(&f.closes, "closes", errors)?;
    Some(WindowRequest::Dates { opens, closes })
}

/// The step a form asks for, or its mistakes.
fn step_request(f: &StepForm) -> Result<StepRequest, Errors> {
    let mut errors = Errors::new();
    let on = date_field(&f.on, "on", &mut errors);
    if on.is_some_and(|d| d > hoering::calendar::today()) {
        errors.insert("on".into(), "future".into());
    }
    let revision = f.revision.parse::<i64>().ok();
    let mut window = None;
    let action = match f.action.as_str() {
        "advance" => stage_field(&f.to, "to", &mut errors).map(|to| {
            if to == Stage::Hearing {
                window = window_fields(f, on, &mut errors);
            }
            Action::Advance { to }
        }),
        "skip" => {
            let stage = stage_field(&f.stage, "stage", &mut errors);
            let reason = f.reason.trim().to_string();
            text_field(&reason, "reason", MAX_INQUIRY_CHARS, &mut errors);
            stage.map(|stage| Action::Skip { stage, reason })
        }
        "freeze" => number_field(&f.version, "version", &mut errors)
            .map(|number| Action::FreezeVersion { number }),
        "open_hearing" => {
            window = window_fields(f, on, &mut errors);
            number_field(&f.version, "version", &mut errors)
                .map(|version| Action::OpenHearing { version })
        }
        "summary" => Some(Action::RecordHearingSummary),
        "publish" => Some(Action::Publish),
        "decision" => match f.decision().parse() {
            Ok(decision) => Some(Action::RecordDecision(decision)),
            Err(e) => {
                errors.extend(e.into_iter().map(|(k, v)| (k.to_string(), v.to_string())));
                None
            }
        },
        _ => {
            errors.insert("action".into(), "invalid".into());
            None
        }
    };
    match (action, on) {
        (Some(action), Some(on)) if errors.is_empty() => Ok(StepRequest {
            action,
            on,
            window,
            revision,
        }),
        _ => Err(errors),
    }
}

/// The policy's clerk page again, with what was typed and what is wrong.
fn again(slug: &str, form: &StepForm, errors: Errors, status: StatusCode) -> WebError {
    WebError::form_again(&app::routes::admin_policy(slug), form, errors, status)
}

/// `POST /admin/politikker/{slug}/skridt`: one step on the road, or a plan.
pub async fn step(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    staff: Staff,
    Form(form): Form<StepForm>,
) -> WebResult {
    let page = app::routes::admin_policy(&slug);
    let session = staff.may(Permission::AdvanceRoad)?;
    let actor = Actor::of(&session.user);
    if form.action.as_str() == "document" {
        let mut errors = Errors::new();
        let stage = stage_field(&form.stage, "stage", &mut errors);
        let title = form.title.as_str();
        text_field(title, "title", 300, &mut errors);
        let url = hoering::process::parse_link(&form.url);
        if url.is_none() {
            errors.insert("url".into(), "invalid".into());
        }
        let policy = policy_db::by_slug(&state.db.pool, &slug)
            .await?
            .ok_or_else(WebError::not_found)?;
        return match (stage, url) {
            (Some(stage), Some(url)) if errors.is_empty() => {
                policy_db::add_document(
                    &state.db.pool,
                    policy.id,
                    stage.as_str(),
                    title,
                    &url,
                    session.user.id,
                )
                .await?;
                Ok(see_other(&format!("{page}#dokumenter")))
            }
            _ => Err(again(
                &slug,
                &form,
                errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            )),
        };
    }
    let outcome = if form.action.as_str() == "plan" {
        let mut errors = Errors::new();
        let stage = stage_field(&form.stage, "stage", &mut errors);
        let planned = match form.planned.as_str() {
            "" => None,
            planned => date_field(planned, "planned", &mut errors),
        };
        match stage {
            Some(stage) if errors.is_empty() => {
                let revision = form.revision.parse::<i64>().ok();
                plan_stage(&state.db, &slug, stage, planned, revision, &actor)
                    .await
                    .map(|()| None)
            }
            _ => Err(StepError::Fields(errors)),
        }
    } else {
        match step_request(&form) {
            Ok(request) => take_step(&state.db, &state.calendar, &slug, request, &actor)
                .await
                .map(|done| done.opened_hearing),
            Err(errors) => Err(StepError::Fields(errors)),
        }
    };
    match outcome {
        Ok(_) => Ok(see_other(&format!("{page}#forloeb"))),
        Err(StepError::NotFound) => Err(WebError::not_found()),
        Err(StepError::Fields(errors)) => Err(again(
            &slug,
            &form,
            errors,
            StatusCode::UNPROCESSABLE_ENTITY,
        )),
        Err(StepError::Conflict) => Err(again(
            &slug,
            &form,
            one_error("revision", "stale"),
            StatusCode::CONFLICT,
        )),
        Err(StepError::Refused(refusal)) => Err(again(
            &slug,
            &form,
            one_error("refusal", refusal.code()),
            StatusCode::CONFLICT,
        )
        .with_value(
            "refusal",
            serde_json::to_string(&refusal).unwrap_or_default(),
        )),
        Err(StepError::Store(e)) => Err(WebError::internal("storing a road step failed", e)),
    }
}

/// `POST /politikker/{slug}/spoergsmaal`: a question from the public, promised an answer
/// within 10 working days.
pub async fn ask(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    ClientAddr(client): ClientAddr,
    headers: HeaderMap,
    Form(form): Form<QuestionForm>,
) -> WebResult {
    let page = format!("/politikker/{}", crate::web::redirect::encode_query(&slug));
    let policy = policy_db::by_slug(&state.db.pool, &slug)
        .await?
        .ok_or_else(WebError::not_found)?;
    let mut errors = Errors::new();
    // The same one-line rule as a høringssvar's name: the name lands in the clerk's page
    // and in the answer's e-mail.
    let name = match hoering::response::PersonName::parse(&form.name) {
        Ok(name) => name.into_string(),
        Err(e) => {
            errors.insert("name".into(), e.code().into());
            String::new()
        }
    };
    let email = form.email.as_str();
    if email.is_empty() {
        errors.insert("email".into(), "required".into());
    } else if Email::parse(email).is_err() {
        errors.insert("email".into(), "invalid".into());
    }
    let question = form.question.trim();
    text_field(question, "question", MAX_INQUIRY_CHARS, &mut errors);
    if !errors.is_empty() {
        return Err(WebError::refused(
            &format!("{page}#spoergsmaal"),
            &form,
            errors,
        ));
    }
    let key = format!("inquiry|{client}");
    if let Some(minutes) = state.limits.response_over_limit(&key).await? {
        return Err(WebError::TooMany {
            retry_after: minutes * 60,
            message: Message::TooManyResponses { minutes },
        });
    }
    let today = hoering::calendar::today();
    let inquiry = Inquiry::new(today, &state.calendar);
    let asked = policy_db::NewInquiry {
        policy_id: policy.id,
        name: &name,
        email,
        question,
        received: inquiry.received,
        due: inquiry.due,
        lang: app::messages::locale_code(crate::web::language::reader_locale(&headers)),
    };
    policy_db::insert_inquiry(&state.db.pool, &asked).await?;
    tracing::info!(policy = %slug, due = %inquiry.due, "inquiry received");
    Ok(see_other(&format!(
        "{page}?spurgt={}#spoergsmaal",
        inquiry.due
    )))
}

/// `POST /admin/spoergsmaal/{id}`: the clerk's answer, recorded with today's date.
pub async fn answer(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    staff: Staff,
    Form(form): Form<AnswerForm>,
) -> WebResult {
    let session = staff.may(Permission::AnswerInquiry)?;
    let answer = form.answer.trim();
    let back = safe_target(&form.back).unwrap_or("/admin").to_string();
    let mut errors = Errors::new();
    text_field(answer, "answer", MAX_INQUIRY_CHARS, &mut errors);
    if !errors.is_empty() {
        return Err(WebError::refused(&back, &form, errors).with_value("inquiry", id.to_string()));
    }
    policy_db::answer_inquiry(
        &state.db.pool,
        id,
        answer,
        hoering::calendar::today(),
        session.user.id,
        &state.outbox,
    )
    .await?
    .ok_or_else(WebError::not_found)?;
    Ok(see_other(&format!("{back}#spoergsmaal-{id}")))
}

/// `POST /admin/forloeb/{name}`: an admin's edit of a process template, stored as its next
/// version when the core finds it valid.
pub async fn edit_template(
    State(state): State<AppState>,
    Path(name): Path<String>,
    staff: Staff,
    headers: HeaderMap,
    Form(form): Form<TemplateForm>,
) -> WebResult {
    let session = staff.may(Permission::EditTemplates)?;
    let current = policy_db::templates(&state.db.pool)
        .await?
        .into_iter()
        .find(|t| t.name == name)
        .ok_or_else(WebError::not_found)?;
    let refuse = |error: String, status: StatusCode| {
        WebError::form(
            app::routes::TEMPLATES,
            FormEcho {
                values: [("template_error".to_string(), error)].into(),
                errors: [("template".to_string(), "invalid".to_string())].into(),
                preview: None,
            },
            status,
        )
    };
    let stale = || {
        refuse(
            app::policy::refusals::template_stale(crate::web::language::reader_locale(&headers)),
            StatusCode::CONFLICT,
        )
    };
    if form.version.as_str() != current.version.to_string() {
        return Err(stale());
    }
    let stages = Stage::ALL
        .into_iter()
        .filter(|&s| !form.stage_field("with", s).is_empty())
        .map(|stage| {
            let responsible = form.stage_field("responsible", stage);
            hoering::process::TemplateStage {
                stage,
                skippable: !form.stage_field("skip", stage).is_empty(),
                responsible: if responsible.is_empty() {
                    current
                        .get(stage)
                        .map(|s| s.responsible.clone())
                        .unwrap_or_else(|| "Forvaltningen".into())
                } else {
                    responsible.chars().take(200).collect()
                },
            }
        })
        .collect();
    let edited = current.edited(stages).map_err(|e| {
        refuse(
            app::policy::refusals::template_error(
                crate::web::language::reader_locale(&headers),
                &e,
            ),
            StatusCode::UNPROCESSABLE_ENTITY,
        )
    })?;
    match policy_db::save_template(&state.db.pool, &edited, session.user.id).await {
        Ok(()) => Ok(see_other(app::routes::TEMPLATES)),
        Err(policy_db::RoadDbError::Conflict) => Err(stale()),
        Err(e) => Err(WebError::internal("storing a template failed", e)),
    }
}
