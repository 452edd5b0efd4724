//! The clerk's form for an access request: one e-mail address in, the ZIP of what hoering
//! holds under it out, journaled.

use crate::auth::{Permission, Staff};
use crate::journal::{self, Action, Entry};
use crate::state::AppState;
use crate::web::download::attachment;
use crate::web::error::{WebError, WebResult, one_error};
use crate::web::form::{Form, Line};
use axum::extract::State;
use hoering::response::Email;
use serde::{Deserialize, Serialize};

/// The address the request is about.
#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct AccessForm {
    email: Line,
}

/// `POST /admin/indsigt`: the ZIP, as a download (a POST, so a link from another site can make
/// no journal row in a clerk's name).
pub async fn answer(
    State(state): State<AppState>,
    staff: Staff,
    Form(form): Form<AccessForm>,
) -> WebResult {
    let session = staff.may(Permission::Moderate)?;
    let email = Email::parse(form.email.as_str())
        .map_err(|e| {
            WebError::refused(
                app::routes::ACCESS_REQUEST,
                &form,
                one_error("email", e.code()),
            )
        })?
        .as_str()
        .to_lowercase();
    let pool = &state.db.pool;
    let now = crate::db::now();
    let (zip, held) = super::archive(pool, &email, now).await?;
    // Written before the archive leaves the server, so no answer goes unrecorded.
    journal::db::write_alone(
        pool,
        &Entry {
            actor: Some(session.user.id),
            action: Action::AccessRequestAnswered,
            subject: "access_request",
            subject_id: None,
            before: None,
            after: Some(
                serde_json::json!({ "email_sha256": super::address_hash(&email), "held": held })
                    .to_string(),
            ),
        },
    )
    .await?;
    let day = hoering::calendar::local_day(now);
    Ok(attachment(
        zip,
        "application/zip",
        &format!("indsigt-{day}.zip"),
    ))
}
