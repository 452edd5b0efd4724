//! Published responses in the open-data API, as their senders' consent allows.

use super::db as response_db;
use super::pages::public_response;
use crate::hearing::db as hearing_db;
use crate::web::AppState;
use crate::web::api::{internal, not_found};
use axum::Json;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};

#[derive(Deserialize)]
pub struct PageQuery {
    page: Option<u32>,
    per_page: Option<u32>,
}

#[derive(Serialize)]
struct ResponseList {
    total: i64,
    page: u32,
    per_page: u32,
    responses: Vec<app::model::PublicResponse>,
}

pub async fn responses(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    Query(q): Query<PageQuery>,
) -> Response {
    let pool = &state.db.pool;
    let row = match hearing_db::by_slug(pool, &slug).await {
        Ok(Some(r)) => r,
        Ok(None) => return not_found(),
        Err(e) => return internal(e),
    };
    let page = q.page.unwrap_or(1).max(1);
    let per_page = q.per_page.unwrap_or(100).clamp(1, 500);
    let (total, rows) = match response_db::public_all(pool, row.id, page, per_page).await {
        Ok(found) => found,
        Err(e) => return internal(e),
    };
    match rows
        .into_iter()
        .map(public_response)
        .collect::<Result<Vec<_>, _>>()
    {
        Ok(responses) => Json(ResponseList {
            total,
            page,
            per_page,
            responses,
        })
        .into_response(),
        Err(e) => internal(e),
    }
}
