//! The errors every part of the open-data API answers with, apart from its router so the
//! capabilities' API handlers can use them without importing the router that imports them.

use axum::Json;
use axum::response::{IntoResponse, Response};
use http::StatusCode;
use serde::Serialize;

/// What every error of the API says.
#[derive(Serialize, utoipa::ToSchema)]
pub struct ApiError {
    /// `not_found`, `invalid_query`, `invalid_path` or `internal`.
    error: &'static str,
}

pub fn not_found() -> Response {
    (StatusCode::NOT_FOUND, Json(ApiError { error: "not_found" })).into_response()
}

/// A request the API cannot read: `what` is `invalid_query` or `invalid_path`.
pub fn invalid(what: &'static str) -> Response {
    (StatusCode::BAD_REQUEST, Json(ApiError { error: what })).into_response()
}

pub fn internal(err: impl std::error::Error + 'static) -> Response {
    tracing::error!(error = %crate::report::chain(&err), "API query failed");
    (
        StatusCode::INTERNAL_SERVER_ERROR,
        Json(ApiError { error: "internal" }),
    )
        .into_response()
}
