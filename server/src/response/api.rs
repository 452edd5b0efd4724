//! Published responses in the open-data API, as their senders' consent allows.

use super::db as response_db;
use crate::hearing::db as hearing_db;
use crate::state::AppState;
use crate::web::api_errors::{ApiResult, ApiStop, found, read};
use axum::Json;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::response::IntoResponse;
use serde::{Deserialize, Serialize};

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageQuery {
    /// The page, from 1 (default 1).
    #[param(minimum = 1, maximum = 2147483647)]
    page: Option<u32>,
    /// Responses per page, 1 to 500 (default 100).
    #[param(minimum = 1, maximum = 500)]
    per_page: Option<u32>,
}

/// Largest page number: pages are counted in the API's 32-bit signed integers.
const MAX_PAGE: u32 = i32::MAX as u32;
/// Most responses on one page.
const MAX_PER_PAGE: u32 = 500;

#[derive(Serialize, utoipa::ToSchema)]
pub struct ResponseList {
    total: i64,
    page: u32,
    per_page: u32,
    responses: Vec<app::response::PublicResponse>,
}

/// The published responses of a hearing, as their senders' consent allows: names only where
/// the sender agreed, never an e-mail address.
#[utoipa::path(
    get,
    path = "/api/v1/hearings/{slug}/responses",
    tag = "responses",
    params(("slug" = String, Path, description = "The hearing's address"), PageQuery),
    responses(
        (status = 200, description = "One page of published responses", body = ResponseList),
        (status = 400, description = "page or per_page is not a whole number in its range", body = crate::web::api_errors::ApiError),
        (status = 404, description = "No such hearing", body = crate::web::api_errors::ApiError),
        (status = 500, description = "The database failed", body = crate::web::api_errors::ApiError),
    )
)]
pub async fn responses(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    query: Result<Query<PageQuery>, QueryRejection>,
) -> ApiResult {
    let Ok(Query(q)) = query else {
        return Err(ApiStop::Invalid("invalid_query"));
    };
    let page = q.page.unwrap_or(1);
    let per_page = q.per_page.unwrap_or(100);
    if !(1..=MAX_PAGE).contains(&page) || !(1..=MAX_PER_PAGE).contains(&per_page) {
        return Err(ApiStop::Invalid("invalid_query"));
    }
    let pool = &state.db.pool;
    let row = found(hearing_db::by_slug(pool, &slug).await)?;
    let (total, rows) = read(response_db::public_all(pool, row.id, page, per_page).await)?;
    let responses = read(super::pages::public_responses(pool, rows).await)?;
    Ok(Json(ResponseList {
        total,
        page,
        per_page,
        responses,
    })
    .into_response())
}
