//! The read-only open-data API under `/api/v1`: each capability answers its own part; here
//! are the routes and the OpenAPI document (the errors they share are in `api_errors`). Never an e-mail address; names only where the
//! sender agreed.

use crate::state::AppState;
pub use crate::web::api_errors::ApiError;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/openapi.json", get(openapi))
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

/// The API's description, derived from the handlers and the types they return, so it cannot
/// say other than what they do.
#[derive(utoipa::OpenApi)]
#[openapi(
    info(
        title = "hoering: open data",
        version = "1",
        description = "Read-only JSON about hearings, their texts, versions and published responses. No login; never an e-mail address; names only where the sender agreed."
    ),
    paths(
        crate::hearing::api::hearings,
        crate::hearing::api::hearing,
        crate::response::api::responses,
        crate::version::api::versions,
        crate::version::api::version,
    ),
    tags(
        (name = "hearings", description = "Hearings and the text they run on"),
        (name = "responses", description = "Published høringssvar and dialogue-meeting input"),
        (name = "versions", description = "The versions of a hearing's policy"),
    )
)]
pub struct ApiDoc;

/// The OpenAPI 3.1 document of `/api/v1`.
pub fn document() -> utoipa::openapi::OpenApi {
    let mut doc = <ApiDoc as utoipa::OpenApi>::openapi();
    // utoipa fills in the package's licence, which names none.
    doc.info.license = None;
    doc
}

async fn openapi() -> Response {
    Json(document()).into_response()
}
