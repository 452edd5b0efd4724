//! The clerk's tag forms: a new tag, and a tag put on (or taken off) the responses ticked.

use super::db as tag_db;
use crate::auth::Staff;
use crate::state::AppState;
use crate::web::clerk::hearing_and_clerk;
use crate::web::error::{WebError, WebResult, one_error};
use crate::web::form::{Form, Line};
use crate::web::redirect::see_other;
use axum::extract::{Path, State};
use serde::{Deserialize, Serialize};

/// A new tag's name, typed or a suggestion taken.
#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct TagForm {
    tag_name: Line,
    back: String,
}

/// A tag put on (or, with `remove`, taken off) every response ticked.
#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct ApplyTagForm {
    tag: Line,
    response: Vec<String>,
    remove: Line,
    back: String,
}

/// `POST /admin/hoeringer/{slug}/maerker`: a new tag (typed, or a suggestion taken).
pub async fn create(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    staff: Staff,
    Form(form): Form<TagForm>,
) -> WebResult {
    let (hearing, _, back) =
        hearing_and_clerk(&state, staff, &slug, &form.back, app::routes::admin_hearing).await?;
    let again = |code| WebError::refused(&back, &form, one_error("tag_name", code));
    let name = hoering::response::TagName::parse(&form.tag_name).map_err(|e| again(e.code()))?;
    tag_db::create(&state.db.pool, hearing.id, &name)
        .await?
        .ok_or_else(|| again("taken"))?;
    Ok(see_other(&format!("{back}#maerker")))
}

/// `POST /admin/hoeringer/{slug}/maerk`: the chosen tag on (or off) every response ticked.
pub async fn apply(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    staff: Staff,
    Form(form): Form<ApplyTagForm>,
) -> WebResult {
    let (hearing, user, back) =
        hearing_and_clerk(&state, staff, &slug, &form.back, app::routes::admin_hearing).await?;
    let again = |code| WebError::refused(&back, &form, one_error("tag", code));
    let Ok(tag) = form.tag.parse::<i64>() else {
        return Err(again("required"));
    };
    let ids: Vec<i64> = form
        .response
        .iter()
        .filter_map(|v| v.parse().ok())
        .collect();
    if ids.is_empty() {
        return Err(again("none_ticked"));
    }
    let on = form.remove.is_empty();
    tag_db::apply(&state.db.pool, hearing.id, tag, &ids, on, user).await?;
    Ok(see_other(&back))
}
