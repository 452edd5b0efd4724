//! A form post read as its pairs, repeated keys kept (`response=1&response=2`), so one form can
//! tick many responses; and the check every clerk's form on a hearing starts with.

use crate::auth::{Permission, require_staff};
use crate::hearing::db::HearingRow;
use crate::state::AppState;
use crate::web::error::WebError;
use crate::web::redirect::safe_target;
use http::HeaderMap;

pub type Pairs = Vec<(String, String)>;

/// The first value of `key`, or `""`.
pub fn one<'a>(pairs: &'a Pairs, key: &str) -> &'a str {
    pairs
        .iter()
        .find(|(k, _)| k == key)
        .map_or("", |(_, v)| v.as_str())
}

/// A moderating clerk's form on hearing `slug`: the session (role and CSRF token checked,
/// `page` being where a login returns to), the hearing, the clerk's id, and where to go back
/// (the form's `back` through the one safe-target check, else `page`).
pub async fn hearing_and_clerk(
    state: &AppState,
    headers: &HeaderMap,
    slug: &str,
    pairs: &Pairs,
    page: &str,
) -> Result<(HearingRow, i64, String), WebError> {
    let session = require_staff(state, headers, Permission::Moderate, page).await?;
    let hearing = crate::hearing::db::by_slug(&state.db.pool, slug)
        .await?
        .ok_or_else(WebError::not_found)?;
    let back = safe_target(one(pairs, "back")).unwrap_or(page).to_string();
    Ok((hearing, session.user.id, back))
}
