//! A citizen's response and a clerk's moderation, as plain HTML form posts. A response is
//! validated by the core (the same check the browser runs), stored, and only then receipted;
//! on a mistake the page comes back with everything typed and a message by each field.

use super::Status;
use super::db::{self as response_db, Arrival, Target};
use super::intake::{Outcome, Submitted};
use crate::auth::{self, Permission, Staff};
use crate::hearing::db as hearing_db;
use crate::hearing::pages::card;
use crate::state::{AppState, ClientAddr};
use crate::web::error::{FieldErrors, WebError, WebResult, one_error};
use crate::web::form::{Form, Line};
use crate::web::redirect::{safe_target, see_other};
use app::messages::Message;
use axum::extract::{Path, State};
use hoering::anchoring::locate_typed_quote;
use hoering::hearing::HearingState;
use hoering::mail::ReceiptMail;
use hoering::response::{ResponseForm, ResponseSubmission};
use http::{HeaderMap, StatusCode};
use serde::{Deserialize, Serialize};

/// The response form as posted: the domain's fields plus the optional quoted words.
#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct ResponsePost {
    #[serde(flatten)]
    form: ResponseForm,
    quote: String,
    /// The secret of a høringsliste party's personal link, when the response came through it.
    party: Line,
}

/// `POST /hoeringer/{slug}/svar`: a URL-encoded form, or a multipart one with files.
pub async fn submit_response(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    ClientAddr(client): ClientAddr,
    headers: HeaderMap,
    request: axum::extract::Request,
) -> WebResult {
    let (post, received): (ResponsePost, _) = crate::web::upload::read_form_with_files(
        &state,
        &headers,
        request,
        "files",
        super::MAX_RESPONSE_BODY_BYTES,
    )
    .await?;
    submit(&state, &slug, &client, &headers, post, received).await
}

async fn submit(
    state: &AppState,
    slug: &str,
    client: &str,
    headers: &HeaderMap,
    post: ResponsePost,
    received: Option<crate::attachment::receive::Received>,
) -> WebResult {
    let pool = &state.db.pool;
    let page = format!("/hoeringer/{slug}/svar");
    // Files cannot be put back into a form: the page says how many to choose again.
    let sent_files = received.as_ref().map_or(0, |r| r.files.len());
    let again = |errors, status| {
        let error = WebError::form_again(&page, &post, errors, status);
        if sent_files > 0 {
            error.with_value("files_sent", sent_files.to_string())
        } else {
            error
        }
    };
    let Some(hearing) = hearing_db::by_slug(pool, slug).await? else {
        return Err(again(FieldErrors::new(), StatusCode::NOT_FOUND));
    };
    // Outside the window nothing is stored; the page explains that the hearing is closed.
    if card(&hearing).state != HearingState::Open {
        return Err(again(FieldErrors::new(), StatusCode::FORBIDDEN));
    }
    let submission = ResponseSubmission::parse(&post.form).map_err(|errors| {
        again(
            app::forms::response_errors(&errors),
            StatusCode::UNPROCESSABLE_ENTITY,
        )
    })?;
    let mut quote = None;
    let block = match &submission.block {
        None => None,
        Some(number) => {
            let b = hearing_db::block_by_number(pool, hearing.version_id, &number.as_str())
                .await?
                .ok_or_else(|| {
                    again(
                        one_error("block", "invalid"),
                        StatusCode::UNPROCESSABLE_ENTITY,
                    )
                })?;
            quote = locate_typed_quote(&b.text, &post.quote).map_err(|e| {
                again(
                    one_error("quote", e.code()),
                    StatusCode::UNPROCESSABLE_ENTITY,
                )
            })?;
            Some((b.block_id, b.number))
        }
    };
    let files = match received {
        None => Vec::new(),
        Some(received) => crate::attachment::take(&state.files, received)
            .await
            .map_err(|e| match e {
                crate::attachment::TakeError::Refused(error) => {
                    let status = if error == hoering::attachment::FileError::ScanUnavailable {
                        StatusCode::SERVICE_UNAVAILABLE
                    } else {
                        StatusCode::UNPROCESSABLE_ENTITY
                    };
                    again(one_error("files", error.code()), status)
                }
                crate::attachment::TakeError::Io(e) => WebError::from(e),
            })?,
    };
    let token = auth::random_token()?;
    // A link that is not this hearing's party's is ignored: the response is taken all the same.
    let party = match post.party.as_str() {
        "" => None,
        t => crate::consultees::db::by_token(pool, t)
            .await?
            .filter(|p| p.party.hearing_id == hearing.id)
            .map(|p| p.party.id),
    };
    let target = Target {
        hearing_id: hearing.id,
        version_id: hearing.version_id,
        block,
        quote,
    };
    let locale = crate::web::language::reader_locale(headers);
    let last_day = app::dates::long_date(locale, card(&hearing).closes);
    let receipt_path = format!("/kvittering/{token}");
    let block_number = target.block.as_ref().map(|(_, n)| n.clone());
    let quoted = target.quote.as_ref().map(|q| q.exact().to_string());
    let sender = state.outbox.sender.clone();
    let to = submission.email.as_str().to_string();
    let name = submission.name.as_str().to_string();
    let text = submission.text.as_str().to_string();
    let publication = submission.publication;
    let hearing_title = hearing.title.clone();
    let file_facts: Vec<(String, String)> = files
        .iter()
        .map(|f| (f.name.clone(), f.sha256.clone()))
        .collect();
    let receipt = move |id, created_at| {
        app::mail::texts::receipt(
            locale,
            &sender,
            &ReceiptMail {
                to: &to,
                name: &name,
                hearing_title: &hearing_title,
                receipt_number: &super::receipt_number(id, created_at),
                block: block_number.as_deref(),
                quote: quoted.as_deref(),
                text: &text,
                receipt_path: &receipt_path,
                last_day: &last_day,
                publication,
                files: &file_facts,
            },
        )
    };
    // Counted only once the response is valid: a reader who corrects mistakes is not punished.
    let limit_key =
        (state.limits.responses_per_hour > 0).then(|| format!("{client} {}", hearing.id));
    let outcome = state
        .intake
        .submit(Submitted {
            arrival: Arrival {
                target,
                submission,
                receipt_token: token.clone(),
                party,
                lang: app::messages::locale_code(locale),
                files,
            },
            limit_key,
            receipt: Box::new(receipt),
        })
        .await?;
    match outcome {
        Outcome::Stored { id, .. } => {
            // Only now, with the response committed, does the citizen get a receipt.
            tracing::info!(response = id, hearing = %slug, "response received");
            Ok(see_other(&format!("/kvittering/{token}")))
        }
        Outcome::OverLimit { minutes } => {
            tracing::warn!(hearing = %slug, client, "response refused: limit per client");
            Err(WebError::TooMany {
                retry_after: minutes * 60,
                message: Message::TooManyResponses { minutes },
            })
        }
    }
}

#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct ModerateForm {
    status: Line,
    back: String,
    /// Why a response is withheld; the respondent is told.
    reason: Line,
    /// The clerk confirms that a CPR number the core found may be published.
    confirm_cpr: Line,
}

/// The clerk's page again, with what was typed and an error by one response's form.
fn moderation_again(
    back: &str,
    id: i64,
    form: &impl Serialize,
    (field, code): (&str, &str),
    status: StatusCode,
) -> WebError {
    WebError::form_again(back, form, one_error(field, code), status)
        .with_value("response", id.to_string())
}

pub async fn moderate(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    staff: Staff,
    Form(form): Form<ModerateForm>,
) -> WebResult {
    let session = staff.may(Permission::Moderate)?;
    let status = Status::parse(&form.status).ok_or(WebError::Refused {
        status: StatusCode::UNPROCESSABLE_ENTITY,
        message: Message::UnknownStatus,
    })?;
    let pool = &state.db.pool;
    let (target, back) = target_and_back(pool, id, &form.back).await?;
    let again = |error, status| moderation_again(&back, id, &form, error, status);
    let unprocessable = |error| again(error, StatusCode::UNPROCESSABLE_ENTITY);
    let reason = form.reason.as_str();
    // A CPR number is published only when a clerk has said, in so many words, that it may be.
    let cpr_confirmed = form.confirm_cpr.ticked();
    let blocking_in =
        |text: &str| hoering::privacy::unhandled_blocking(&hoering::privacy::detect(text));
    let in_text = blocking_in(&target.text);
    // A letter sent as a file is published with the response: it is checked the same way.
    let in_file = status == Status::Published
        && crate::attachment::db::texts_to_publish(pool, id)
            .await?
            .iter()
            .any(|(_, text)| blocking_in(text));
    let blocking = in_text || in_file;
    if status == Status::Published && blocking && !cpr_confirmed {
        tracing::info!(response = id, "publishing refused: an unhandled CPR number");
        let code = if in_text { "cpr" } else { "cpr_file" };
        return Err(unprocessable(("moderate", code)));
    }
    if status == Status::Withheld && reason.is_empty() {
        return Err(unprocessable(("reason", "required")));
    }
    if reason.chars().count() > 2_000 {
        return Err(unprocessable(("reason", "too_long")));
    }
    let mut tx = crate::db::begin_write(pool).await?;
    response_db::set_status_in(&mut tx, id, status, session.user.id).await?;
    if status == Status::Published && blocking {
        crate::journal::db::write(
            &mut tx,
            &crate::journal::Entry::response(
                session.user.id,
                crate::journal::Action::CprConfirmed,
                id,
            ),
        )
        .await?;
    }
    let mut mailed = false;
    if status == Status::Withheld && target.status != Status::Withheld.as_str() {
        response_db::set_withheld_reason(&mut tx, id, reason).await?;
        // Meeting input has no sender to tell.
        if let (Some(token), false) = (&target.receipt_token, target.email.is_empty()) {
            // In the sender's language, not the clerk's.
            let mail = app::mail::texts::withheld(
                app::messages::locale_by_code(&target.lang).unwrap_or(app::i18n::Locale::da),
                &state.outbox.sender,
                &hoering::mail::WithheldMail {
                    to: &target.email,
                    name: &target.name,
                    hearing_title: &target.hearing_title,
                    receipt_number: &super::receipt_number(id, target.created_at),
                    reason,
                    contact: &target.hearing_contact,
                    receipt_path: &format!("/kvittering/{token}"),
                },
            );
            state.outbox.put(&mut tx, &mail).await?;
            mailed = true;
        }
    }
    tx.commit().await?;
    if mailed {
        state.outbox.wake();
    }
    Ok(see_other(&format!("{back}#r-{id}")))
}

/// The response a clerk moderates, and where to go afterwards: `back` when it is one of ours,
/// else the hearing's moderation queue.
async fn target_and_back(
    pool: &sqlx::AnyPool,
    id: i64,
    back: &str,
) -> Result<(response_db::ModerationTarget, String), WebError> {
    let target = response_db::moderation_target(pool, id)
        .await?
        .ok_or_else(WebError::not_found)?;
    let back = match safe_target(back) {
        Some(back) => back.to_string(),
        None => format!("/admin/hoeringer/{}", target.hearing_slug),
    };
    Ok((target, back))
}

#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct RedactForm {
    back: String,
    /// One flag's place in the text, and the words there, as the page showed them (exactly:
    /// not trimmed).
    start: Line,
    end: Line,
    flagged: String,
    /// Or a passage the clerk typed or pasted.
    passage: Line,
}

/// `POST /admin/svar/{id}/skjul`: a clerk redacts one flag, or a passage they typed. The text
/// as sent is kept for clerks; everyone else reads the redacted text from now on.
pub async fn redact(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    staff: Staff,
    Form(form): Form<RedactForm>,
) -> WebResult {
    let session = staff.may(Permission::Moderate)?;
    let pool = &state.db.pool;
    let (target, back) = target_and_back(pool, id, &form.back).await?;
    let again = |error, status| moderation_again(&back, id, &form, error, status);
    let unprocessable = |error| again(error, StatusCode::UNPROCESSABLE_ENTITY);
    let passage = form.passage.as_str();
    let range = if passage.is_empty() {
        let (Ok(start), Ok(end)) = (form.start.parse::<usize>(), form.end.parse::<usize>()) else {
            return Err(unprocessable(("passage", "empty")));
        };
        // The page showed these words here; if the text changed since, redact nothing.
        if target.text.get(start..end) != Some(form.flagged.as_str()) || start >= end {
            return Err(again(("passage", "changed"), StatusCode::CONFLICT));
        }
        start..end
    } else {
        hoering::privacy::find_passage(&target.text, passage)
            .map_err(|e| again(("passage", e.code()), StatusCode::UNPROCESSABLE_ENTITY))?
    };
    let redacted = hoering::privacy::redact(&target.text, &[range])
        .map_err(|e| again(("passage", e.code()), StatusCode::UNPROCESSABLE_ENTITY))?;
    let stored = response_db::redact(pool, id, &target.text, &redacted, 1, session.user.id).await?;
    crate::tag::forget_suggestions();
    if !stored {
        return Err(again(("passage", "changed"), StatusCode::CONFLICT));
    }
    tracing::info!(response = id, "passage redacted");
    Ok(see_other(&format!("{back}#r-{id}")))
}
