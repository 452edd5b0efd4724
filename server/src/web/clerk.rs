//! The check every moderating clerk's form on a hearing starts with.

use crate::auth::{Permission, Staff};
use crate::hearing::db::HearingRow;
use crate::state::AppState;
use crate::web::error::WebError;
use crate::web::redirect::safe_target;

/// A moderating clerk's form on hearing `slug`: the session (its role checked; the CSRF token
/// was checked by the security layer), the hearing, the clerk's id, and where to go back
/// (the form's `back` through the one safe-target check, else the hearing's `page`).
pub async fn hearing_and_clerk(
    state: &AppState,
    staff: Staff,
    slug: &str,
    back: &str,
    page: fn(&str) -> String,
) -> Result<(HearingRow, i64, String), WebError> {
    let session = staff.may(Permission::Moderate)?;
    let hearing = crate::hearing::db::by_slug(&state.db.pool, slug)
        .await?
        .ok_or_else(WebError::not_found)?;
    let back = safe_target(back).map_or_else(|| page(slug), str::to_string);
    Ok((hearing, session.user.id, back))
}
