//! The clerk's steps on a policy's road, the public's question form, and the clerk's answer,
//! as plain HTML form posts. A refused step comes back on the same page with the road's
//! reason and everything typed.

use super::db::{self as policy_db, Actor};
use super::{StepError, StepRequest, WindowRequest, plan_stage, take_step};
use crate::auth::{Permission, Staff};
use crate::state::{AppState, ClientAddr};
use crate::web::error::{Fields, WebError, finish, trimmed};
use crate::web::redirect::{safe_target, see_other};
use app::forms::FormEcho;
use app::messages::Message;
use axum::Form;
use axum::extract::{Path, State};
use axum::response::Response;
use hoering::hearing::parse_date;
use hoering::process::{Action, DecisionFields, Inquiry, Stage};
use hoering::response::Email;
use http::{HeaderMap, StatusCode};
use jiff::civil::Date;
use std::collections::BTreeMap;

type Errors = BTreeMap<String, String>;

/// The longest question or answer kept, in characters.
pub const MAX_INQUIRY_CHARS: usize = 5_000;

fn date_field(f: &Fields, k: &str, errors: &mut Errors) -> Option<Date> {
    match trimmed(f, k).as_str() {
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

fn stage_field(f: &Fields, k: &str, errors: &mut Errors) -> Option<Stage> {
    let stage = Stage::parse(&trimmed(f, k));
    if stage.is_none() {
        errors.insert(k.into(), "invalid".into());
    }
    stage
}

fn number_field(f: &Fields, k: &str, errors: &mut Errors) -> Option<u32> {
    match trimmed(f, k).parse::<u32>() {
        Ok(n) if n > 0 => Some(n),
        _ => {
            errors.insert(k.into(), "invalid".into());
            None
        }
    }
}

/// The hearing window of a step that opens one: dates, or a number of working days.
fn window_fields(f: &Fields, on: Option<Date>, errors: &mut Errors) -> Option<WindowRequest> {
    let opens = match trimmed(f, "opens").as_str() {
        "" => on,
        _ => date_field(f, "opens", errors),
    }?;
    if !trimmed(f, "working_days").is_empty() {
        let days = number_field(f, "working_days", errors)?;
        return Some(WindowRequest::WorkingDays { opens, days });
    }
    let closes = date_field(f, "closes", errors)?;
    Some(WindowRequest::Dates { opens, closes })
}

/// The step a form asks for, or its mistakes.
fn step_request(f: &Fields) -> Result<StepRequest, Errors> {
    let mut errors = Errors::new();
    let on = date_field(f, "on", &mut errors);
    if on.is_some_and(|d| d > hoering::calendar::today()) {
        errors.insert("on".into(), "future".into());
    }
    let revision = trimmed(f, "revision").parse::<i64>().ok();
    let mut window = None;
    let action = match trimmed(f, "action").as_str() {
        "advance" => stage_field(f, "to", &mut errors).map(|to| {
            if to == Stage::Hearing {
                window = window_fields(f, on, &mut errors);
            }
            Action::Advance { to }
        }),
        "skip" => {
            let stage = stage_field(f, "stage", &mut errors);
            let reason = trimmed(f, "reason");
            if reason.is_empty() {
                errors.insert("reason".into(), "required".into());
            } else if reason.chars().count() > MAX_INQUIRY_CHARS {
                errors.insert("reason".into(), "too_long".into());
            }
            stage.map(|stage| Action::Skip { stage, reason })
        }
        "freeze" => {
            number_field(f, "version", &mut errors).map(|number| Action::FreezeVersion { number })
        }
        "open_hearing" => {
            window = window_fields(f, on, &mut errors);
            number_field(f, "version", &mut errors).map(|version| Action::OpenHearing { version })
        }
        "summary" => Some(Action::RecordHearingSummary),
        "publish" => Some(Action::Publish),
        "decision" => {
            let fields = DecisionFields {
                body: trimmed(f, "body"),
                meeting_date: trimmed(f, "meeting_date"),
                agenda_item_number: trimmed(f, "agenda_item_number"),
                agenda_item_title: trimmed(f, "agenda_item_title"),
                minutes_url: trimmed(f, "minutes_url"),
                version: trimmed(f, "version"),
                outcome: trimmed(f, "outcome"),
                back_to: trimmed(f, "back_to"),
                votes_in_favour: trimmed(f, "votes_in_favour"),
                votes_against: trimmed(f, "votes_against"),
                votes_abstaining: trimmed(f, "votes_abstaining"),
                dissent_kind: trimmed(f, "dissent_kind"),
                dissent_by: trimmed(f, "dissent_by"),
                dissent_text: trimmed(f, "dissent_text"),
                text: trimmed(f, "text"),
            };
            match fields.parse() {
                Ok(decision) => Some(Action::RecordDecision(decision)),
                Err(e) => {
                    errors.extend(e.into_iter().map(|(k, v)| (k.to_string(), v.to_string())));
                    None
                }
            }
        }
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

/// `page` again, with what was typed (never the CSRF token) and what is wrong.
fn echo(page: &str, fields: &Fields, errors: Errors, status: StatusCode) -> WebError {
    WebError::form_again(page, fields.clone(), errors, status)
}

/// The policy's clerk page again, with what was typed and what is wrong.
fn again(slug: &str, fields: &Fields, errors: Errors, status: StatusCode) -> WebError {
    echo(&app::routes::admin_policy(slug), fields, errors, status)
}

/// `POST /admin/politikker/{slug}/skridt`: one step on the road, or a plan.
pub async fn step(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    staff: Staff,
    headers: HeaderMap,
    Form(fields): Form<Fields>,
) -> Response {
    let result = async {
        let page = app::routes::admin_policy(&slug);
        let session = staff.may(Permission::AdvanceRoad)?;
        let actor = Actor::of(&session.user);
        if trimmed(&fields, "action") == "document" {
            let mut errors = Errors::new();
            let stage = stage_field(&fields, "stage", &mut errors);
            let title = trimmed(&fields, "title");
            if title.is_empty() {
                errors.insert("title".into(), "required".into());
            } else if title.chars().count() > 300 {
                errors.insert("title".into(), "too_long".into());
            }
            let url = hoering::process::parse_link(&trimmed(&fields, "url"));
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
                        &title,
                        &url,
                        session.user.id,
                    )
                    .await?;
                    Ok(see_other(&format!("{page}#dokumenter")))
                }
                _ => Err(again(
                    &slug,
                    &fields,
                    errors,
                    StatusCode::UNPROCESSABLE_ENTITY,
                )),
            };
        }
        let outcome = if trimmed(&fields, "action") == "plan" {
            let mut errors = Errors::new();
            let stage = stage_field(&fields, "stage", &mut errors);
            let planned = match trimmed(&fields, "planned").as_str() {
                "" => None,
                _ => date_field(&fields, "planned", &mut errors),
            };
            match stage {
                Some(stage) if errors.is_empty() => {
                    let revision = trimmed(&fields, "revision").parse::<i64>().ok();
                    plan_stage(&state.db, &slug, stage, planned, revision, &actor)
                        .await
                        .map(|()| None)
                }
                _ => Err(StepError::Fields(errors)),
            }
        } else {
            match step_request(&fields) {
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
                &fields,
                errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            )),
            Err(StepError::Conflict) => Err(again(
                &slug,
                &fields,
                [("revision".to_string(), "stale".to_string())].into(),
                StatusCode::CONFLICT,
            )),
            Err(StepError::Refused(refusal)) => {
                let mut echo_fields = fields.clone();
                echo_fields.insert(
                    "refusal".into(),
                    serde_json::to_string(&refusal).unwrap_or_default(),
                );
                Err(again(
                    &slug,
                    &echo_fields,
                    [("refusal".to_string(), refusal.code().to_string())].into(),
                    StatusCode::CONFLICT,
                ))
            }
            Err(StepError::Store(e)) => Err(WebError::internal("storing a road step failed", e)),
        }
    }
    .await;
    finish(&state, &headers, result).await
}

/// `POST /politikker/{slug}/spoergsmaal`: a question from the public, promised an answer
/// within 10 working days.
pub async fn ask(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    ClientAddr(client): ClientAddr,
    headers: HeaderMap,
    Form(fields): Form<Fields>,
) -> Response {
    let result = async {
        let page = format!("/politikker/{}", crate::web::redirect::encode_query(&slug));
        let policy = policy_db::by_slug(&state.db.pool, &slug)
            .await?
            .ok_or_else(WebError::not_found)?;
        let mut errors = Errors::new();
        // The same one-line rule as a høringssvar's name: the name lands in the clerk's page
        // and in the answer's e-mail.
        let name = match hoering::response::PersonName::parse(&trimmed(&fields, "name")) {
            Ok(name) => name.into_string(),
            Err(e) => {
                errors.insert("name".into(), e.code().into());
                String::new()
            }
        };
        let email = trimmed(&fields, "email");
        if email.is_empty() {
            errors.insert("email".into(), "required".into());
        } else if Email::parse(&email).is_err() {
            errors.insert("email".into(), "invalid".into());
        }
        let question = trimmed(&fields, "question");
        if question.is_empty() {
            errors.insert("question".into(), "required".into());
        } else if question.chars().count() > MAX_INQUIRY_CHARS {
            errors.insert("question".into(), "too_long".into());
        }
        if !errors.is_empty() {
            return Err(echo(
                &format!("{page}#spoergsmaal"),
                &fields,
                errors,
                StatusCode::UNPROCESSABLE_ENTITY,
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
            email: &email,
            question: &question,
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
    .await;
    finish(&state, &headers, result).await
}

/// `POST /admin/spoergsmaal/{id}`: the clerk's answer, recorded with today's date.
pub async fn answer(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    staff: Staff,
    headers: HeaderMap,
    Form(fields): Form<Fields>,
) -> Response {
    let result = async {
        let session = staff.may(Permission::AnswerInquiry)?;
        let answer = trimmed(&fields, "answer");
        let back = trimmed(&fields, "back");
        let back = safe_target(&back).unwrap_or("/admin").to_string();
        if answer.is_empty() || answer.chars().count() > MAX_INQUIRY_CHARS {
            let code = if answer.is_empty() {
                "required"
            } else {
                "too_long"
            };
            let mut typed = fields.clone();
            typed.insert("inquiry".into(), id.to_string());
            return Err(echo(
                &back,
                &typed,
                [("answer".to_string(), code.to_string())].into(),
                StatusCode::UNPROCESSABLE_ENTITY,
            ));
        }
        policy_db::answer_inquiry(
            &state.db.pool,
            id,
            &answer,
            hoering::calendar::today(),
            session.user.id,
            &state.outbox,
        )
        .await?
        .ok_or_else(WebError::not_found)?;
        Ok(see_other(&format!("{back}#spoergsmaal-{id}")))
    }
    .await;
    finish(&state, &headers, result).await
}

/// `POST /admin/forloeb/{name}`: an admin's edit of a process template, stored as its next
/// version when the core finds it valid.
pub async fn edit_template(
    State(state): State<AppState>,
    Path(name): Path<String>,
    staff: Staff,
    headers: HeaderMap,
    Form(fields): Form<Fields>,
) -> Response {
    let result = async {
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
                app::policy::refusals::template_stale(crate::web::language::reader_locale(
                    &headers,
                )),
                StatusCode::CONFLICT,
            )
        };
        if trimmed(&fields, "version") != current.version.to_string() {
            return Err(stale());
        }
        let stages = Stage::ALL
            .into_iter()
            .filter(|s| !trimmed(&fields, &format!("with_{}", s.as_str())).is_empty())
            .map(|stage| {
                let responsible = trimmed(&fields, &format!("responsible_{}", stage.as_str()));
                hoering::process::TemplateStage {
                    stage,
                    skippable: !trimmed(&fields, &format!("skip_{}", stage.as_str())).is_empty(),
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
    .await;
    finish(&state, &headers, result).await
}
