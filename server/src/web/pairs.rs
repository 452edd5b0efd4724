//! A form post read as its pairs, repeated keys kept (`response=1&response=2`), so one form can
//! tick many responses; and the check every clerk's form on a hearing starts with.

use crate::auth::{Permission, Staff};
use crate::hearing::db::HearingRow;
use crate::state::AppState;
use crate::web::error::WebError;
use crate::web::redirect::safe_target;

pub type Pairs = Vec<(String, String)>;

/// The first value of `key`, or `""`.
pub fn one<'a>(pairs: &'a Pairs, key: &str) -> &'a str {
    pairs
        .iter()
        .find(|(k, _)| k == key)
        .map_or("", |(_, v)| v.as_str())
}

/// A moderating clerk's form on hearing `slug`: the session (its role checked; the CSRF token
/// was checked by the security layer), the hearing, the clerk's id, and where to go back
/// (the form's `back` through the one safe-target check, else `page`).
pub async fn hearing_and_clerk(
    state: &AppState,
    staff: Staff,
    slug: &str,
    pairs: &Pairs,
    page: &str,
) -> Result<(HearingRow, i64, String), WebError> {
    let session = staff.may(Permission::Moderate)?;
    let hearing = crate::hearing::db::by_slug(&state.db.pool, slug)
        .await?
        .ok_or_else(WebError::not_found)?;
    let back = safe_target(one(pairs, "back")).unwrap_or(page).to_string();
    Ok((hearing, session.user.id, back))
}
