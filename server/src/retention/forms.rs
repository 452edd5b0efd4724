//! The clerk's choice of how long a hearing keeps its senders' personal data.

use crate::auth::Staff;
use crate::state::AppState;
use crate::web::clerk::hearing_and_clerk;
use crate::web::error::{WebError, WebResult, one_error};
use crate::web::form::{Form, Line};
use crate::web::redirect::see_other;
use axum::extract::{Path, State};
use serde::{Deserialize, Serialize};

/// `retention_months`: one of the municipality's choices, or empty for its default.
#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct RetentionForm {
    back: String,
    retention_months: Line,
}

/// `POST /admin/hoeringer/{slug}/opbevaring`.
pub async fn set_months(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    staff: Staff,
    Form(form): Form<RetentionForm>,
) -> WebResult {
    let (hearing, user, back) =
        hearing_and_clerk(&state, staff, &slug, &form.back, app::routes::admin_notat).await?;
    let refuse = |code: &str| WebError::refused(&back, &form, one_error("retention_months", code));
    let pool = &state.db.pool;
    let row = super::db::hearing(pool, &slug)
        .await?
        .ok_or_else(WebError::not_found)?;
    if row.personal_data_erased_at.is_some() {
        return Err(refuse("already_erased"));
    }
    let months = match form.retention_months.as_str() {
        "" => None,
        text => {
            let picked = text
                .parse()
                .ok()
                .and_then(|m| state.privacy.retention.pick(m))
                .ok_or_else(|| refuse("invalid"))?;
            Some(i64::from(picked.get()))
        }
    };
    super::db::set_months(pool, hearing.id, row.retention_months, months, user).await?;
    Ok(see_other(&format!("{back}#opbevaring")))
}
