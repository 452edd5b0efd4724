//! The clerk's forms for the høringsliste: paste or CSV import (what could not be read comes
//! back in the box with the reason, what could is stored), removal before invitation, reuse of
//! an earlier list of the same committee, and the reminder's number of working days.

use super::db as party_db;
use crate::auth::{self, Permission, Staff};
use crate::hearing::db::{self as hearing_db, HearingRow};
use crate::state::AppState;
use crate::web::error::{FieldErrors, WebError, WebResult, one_error};
use crate::web::form::{Form, Line};
use crate::web::redirect::see_other;
use axum::extract::{Path, State};
use hoering::consultees::{Party, PartyFields, import, merge};
use http::StatusCode;
use serde::{Deserialize, Serialize};

/// The most working days before the deadline a reminder may go.
pub const MAX_REMINDER_DAYS: u32 = 30;

fn list_page(slug: &str) -> String {
    format!("{}#hoeringsliste", app::routes::admin_hearing(slug))
}

/// Parties pasted, one a line, or a CSV file's text.
#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct PartiesForm {
    parties: String,
}

/// The earlier hearing whose list is reused, by its slug.
#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct ReuseForm {
    from: Line,
}

/// How many working days before the deadline a reminder goes.
#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct ReminderForm {
    reminder_days: Line,
}

/// The clerk's hearing page again with `form` in the list's forms and `errors` by it.
fn again(slug: &str, form: &impl Serialize, errors: FieldErrors) -> WebError {
    WebError::refused(&app::routes::admin_hearing(slug), form, errors)
}

async fn staff_hearing(state: &AppState, staff: Staff, slug: &str) -> Result<HearingRow, WebError> {
    staff.may(Permission::CreateHearing)?;
    hearing_db::by_slug(&state.db.pool, slug)
        .await?
        .ok_or_else(WebError::not_found)
}

/// Each party with the secret of its personal link.
fn with_tokens(parties: Vec<Party>) -> Result<Vec<(Party, String)>, getrandom::Error> {
    parties
        .into_iter()
        .map(|p| Ok((p, auth::random_token()?)))
        .collect()
}

/// Parties added to a hearing that is open already are invited at once, not at the next round.
async fn invite_now(state: &AppState) -> Result<(), WebError> {
    super::send_due(
        &state.db.pool,
        &state.outbox,
        &state.calendar,
        crate::db::now(),
    )
    .await
    .map(|_| ())
    .map_err(|e| WebError::internal("writing invitations failed", e))
}

/// `POST /admin/hoeringer/{slug}/hoeringsliste`: parties pasted or uploaded as CSV text.
pub async fn add(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    staff: Staff,
    Form(form): Form<PartiesForm>,
) -> WebResult {
    let hearing = staff_hearing(&state, staff, &slug).await?;
    let read = import(&form.parties).map_err(|errors| again(&slug, &form, errors))?;
    let added = party_db::add(&state.db.pool, hearing.id, &with_tokens(read.parties)?).await?;
    tracing::info!(hearing = %slug, added, rejected = read.rejected.len(), "parties added");
    invite_now(&state).await?;
    if read.rejected.is_empty() {
        return Ok(see_other(&list_page(&slug)));
    }
    // What was stored stays stored; what could not be read comes back to be corrected.
    let lines: Vec<String> = read.rejected.iter().map(|r| r.text.clone()).collect();
    let numbers: Vec<String> = read.rejected.iter().map(|r| r.line.to_string()).collect();
    let rest = PartiesForm {
        parties: lines.join("\n"),
    };
    Err(again(&slug, &rest, one_error("parties", "rejected"))
        .with_value("added", added.to_string())
        .with_value("rejected_lines", numbers.join(", ")))
}

/// The response a clerk confirms as a party's answer.
#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct MatchForm {
    response: Line,
}

/// `POST /admin/hoeringer/{slug}/hoeringsliste/{id}/svar`: a response from the public form
/// confirmed as party `id`'s answer; the list then shows the party as answered.
pub async fn match_response(
    State(state): State<AppState>,
    Path((slug, id)): Path<(String, i64)>,
    staff: Staff,
    Form(form): Form<MatchForm>,
) -> WebResult {
    let user = staff.may(Permission::CreateHearing)?.user.id;
    let hearing = hearing_db::by_slug(&state.db.pool, &slug)
        .await?
        .ok_or_else(WebError::not_found)?;
    let response = form
        .response
        .parse::<i64>()
        .map_err(|_| WebError::not_found())?;
    if !party_db::match_response(&state.db.pool, hearing.id, id, response, user).await? {
        return Err(WebError::not_found());
    }
    Ok(see_other(&list_page(&slug)))
}

/// `POST /admin/hoeringer/{slug}/hoeringsliste/{id}/fjern`: a party not yet invited.
pub async fn remove(
    State(state): State<AppState>,
    Path((slug, id)): Path<(String, i64)>,
    staff: Staff,
) -> WebResult {
    let hearing = staff_hearing(&state, staff, &slug).await?;
    let removed = party_db::remove(&state.db.pool, hearing.id, id).await?;
    if !removed {
        return Err(WebError::Refused {
            status: StatusCode::CONFLICT,
            message: app::messages::Message::PartyInvited,
        });
    }
    Ok(see_other(&list_page(&slug)))
}

/// `POST /admin/hoeringer/{slug}/hoeringsliste/genbrug`: the list of an earlier hearing of the
/// same committee, added to this one (addresses already on it are skipped).
pub async fn reuse(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    staff: Staff,
    Form(form): Form<ReuseForm>,
) -> WebResult {
    let hearing = staff_hearing(&state, staff, &slug).await?;
    let pool = &state.db.pool;
    let Some(earlier) = hearing_db::by_slug(pool, &form.from)
        .await?
        .filter(|e| e.committee == hearing.committee && e.id != hearing.id)
    else {
        return Err(again(&slug, &form, one_error("from", "invalid")));
    };
    let read = |rows: Vec<party_db::PartyRow>| -> Vec<Party> {
        rows.into_iter()
            .filter_map(|r| {
                PartyFields {
                    organisation: r.organisation,
                    contact: r.contact.unwrap_or_default(),
                    email: r.email,
                    kind: r.kind,
                }
                .parse()
                .ok()
            })
            .collect()
    };
    let load = |id| party_db::of_hearing(pool, id);
    let existing = read(load(hearing.id).await?);
    let incoming = read(load(earlier.id).await?);
    let (new, _) = merge(&existing, &incoming);
    let added = party_db::add(pool, hearing.id, &with_tokens(new)?).await?;
    tracing::info!(hearing = %slug, from = %form.from.as_str(), added, "list reused");
    invite_now(&state).await?;
    Ok(see_other(&list_page(&slug)))
}

/// `POST /admin/hoeringer/{slug}/hoeringsliste/paamindelse`: working days before the deadline.
pub async fn reminder(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    staff: Staff,
    Form(form): Form<ReminderForm>,
) -> WebResult {
    let hearing = staff_hearing(&state, staff, &slug).await?;
    let days = match form.reminder_days.parse::<u32>() {
        Ok(d) if d <= MAX_REMINDER_DAYS => d,
        _ => return Err(again(&slug, &form, one_error("reminder_days", "invalid"))),
    };
    party_db::set_reminder_days(&state.db.pool, hearing.id, days).await?;
    Ok(see_other(&list_page(&slug)))
}

/// `POST /hoeringsliste/{token}/ingen-bemaerkninger`: the party has no comments, which counts
/// as its answer. Whoever holds the party's link may say so; nothing else is needed.
pub async fn decline(State(state): State<AppState>, Path(token): Path<String>) -> WebResult {
    let pool = &state.db.pool;
    let party = party_db::by_token(pool, &token)
        .await?
        .ok_or_else(WebError::not_found)?;
    if party_db::decline(pool, &token).await? {
        tracing::info!(party = party.party.id, hearing = %party.slug, "party has no comments");
    }
    Ok(see_other(&app::routes::party_page(&token)))
}
