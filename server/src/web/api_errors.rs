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

/// Where an API handler stops short of its answer. Small, so `?` carries it cheaply: the error
/// response is made once the handler returns.
#[derive(Debug)]
pub enum ApiStop {
    /// 400: a request the API cannot read (`invalid_query` or `invalid_path`).
    Invalid(&'static str),
    /// 404: no such hearing or version.
    NotFound,
    /// 500: a read failed; it was logged where it failed.
    Internal,
}

impl IntoResponse for ApiStop {
    fn into_response(self) -> Response {
        let (status, error) = match self {
            ApiStop::Invalid(what) => (StatusCode::BAD_REQUEST, what),
            ApiStop::NotFound => (StatusCode::NOT_FOUND, "not_found"),
            ApiStop::Internal => (StatusCode::INTERNAL_SERVER_ERROR, "internal"),
        };
        (status, Json(ApiError { error })).into_response()
    }
}

/// What an API handler answers: its body, or where it stopped (`?` on [`found`] and [`read`]).
pub type ApiResult = Result<Response, ApiStop>;

/// A failed read, logged, as the 500 that stops its handler.
fn internal(err: impl std::error::Error + 'static) -> ApiStop {
    tracing::error!(error = %crate::report::chain(&err), "API query failed");
    ApiStop::Internal
}

/// The row a database read found, or what stops the handler: 404 when there is none, 500 when
/// the read failed.
pub fn found<T, E: std::error::Error + 'static>(read: Result<Option<T>, E>) -> Result<T, ApiStop> {
    read.map_err(internal)?.ok_or(ApiStop::NotFound)
}

/// What a database read gave, or the 500 that stops the handler when it failed.
pub fn read<T, E: std::error::Error + 'static>(read: Result<T, E>) -> Result<T, ApiStop> {
    read.map_err(internal)
}
