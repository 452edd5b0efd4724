//! The clerk's tag forms: a new tag, and a tag put on (or taken off) the responses ticked.

use super::db as tag_db;
use crate::auth::Staff;
use crate::state::AppState;
use crate::web::error::{WebError, WebResult, finish};
use crate::web::redirect::see_other;
use axum::Form;
use axum::extract::{Path, State};
use axum::response::Response;
use http::HeaderMap;

use crate::web::pairs::{Pairs, one};

async fn hearing_and_clerk(
    state: &AppState,
    staff: Staff,
    slug: &str,
    pairs: &Pairs,
) -> Result<(crate::hearing::db::HearingRow, i64, String), WebError> {
    crate::web::pairs::hearing_and_clerk(
        state,
        staff,
        slug,
        pairs,
        &app::routes::admin_hearing(slug),
    )
    .await
}

fn again(back: &str, field: &str, code: &str, typed: &[(&str, &str)]) -> WebError {
    WebError::refused(
        back,
        typed.iter().copied(),
        [(field.to_string(), code.to_string())].into(),
    )
}

/// `POST /admin/hoeringer/{slug}/maerker`: a new tag (typed, or a suggestion taken).
pub async fn create(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    staff: Staff,
    headers: HeaderMap,
    Form(pairs): Form<Pairs>,
) -> Response {
    let result: WebResult = async {
        let (hearing, _, back) = hearing_and_clerk(&state, staff, &slug, &pairs).await?;
        let typed = one(&pairs, "tag_name");
        let name = super::parse_name(typed)
            .map_err(|code| again(&back, "tag_name", code, &[("tag_name", typed)]))?;
        tag_db::create(&state.db.pool, hearing.id, &name)
            .await?
            .ok_or_else(|| again(&back, "tag_name", "taken", &[("tag_name", typed)]))?;
        Ok(see_other(&format!("{back}#maerker")))
    }
    .await;
    finish(&state, &headers, result).await
}

/// `POST /admin/hoeringer/{slug}/maerk`: the chosen tag on (or off) every response ticked.
pub async fn apply(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    staff: Staff,
    headers: HeaderMap,
    Form(pairs): Form<Pairs>,
) -> Response {
    let result: WebResult = async {
        let (hearing, user, back) = hearing_and_clerk(&state, staff, &slug, &pairs).await?;
        let Ok(tag) = one(&pairs, "tag").parse::<i64>() else {
            return Err(again(&back, "tag", "required", &[]));
        };
        let ids: Vec<i64> = pairs
            .iter()
            .filter(|(k, _)| k == "response")
            .filter_map(|(_, v)| v.parse().ok())
            .collect();
        if ids.is_empty() {
            return Err(again(&back, "tag", "none_ticked", &[]));
        }
        let on = one(&pairs, "remove").is_empty();
        tag_db::apply(&state.db.pool, hearing.id, tag, &ids, on, user).await?;
        Ok(see_other(&back))
    }
    .await;
    finish(&state, &headers, result).await
}
