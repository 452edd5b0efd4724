//! The read-only open-data API under `/api/v1`: each capability answers its own part; here
//! are the routes and the errors they share. Never an e-mail address; names only where the
//! sender agreed.

use crate::web::AppState;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use http::StatusCode;
use serde::Serialize;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/hearings", get(crate::hearing::api::hearings))
        .route("/hearings/{slug}", get(crate::hearing::api::hearing))
        .route(
            "/hearings/{slug}/responses",
            get(crate::response::api::responses),
        )
        .route(
            "/hearings/{slug}/versions",
            get(crate::version::api::versions),
        )
        .route(
            "/hearings/{slug}/versions/{number}",
            get(crate::version::api::version),
        )
}

#[derive(Serialize)]
struct ApiError {
    error: &'static str,
}

pub fn not_found() -> Response {
    (StatusCode::NOT_FOUND, Json(ApiError { error: "not_found" })).into_response()
}

pub fn internal(err: impl std::error::Error + 'static) -> Response {
    tracing::error!(error = %crate::web::error::chain(&err), "API query failed");
    (
        StatusCode::INTERNAL_SERVER_ERROR,
        Json(ApiError { error: "internal" }),
    )
        .into_response()
}
