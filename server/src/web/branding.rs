//! The municipality's logo and colour, served from the configuration: `/logo` and `/tema.css`
//! (a stylesheet, since the Content-Security-Policy allows no inline style).

use crate::state::AppState;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use http::{StatusCode, header};

/// Changed only by a restart with other settings, so browsers may keep them an hour.
const CACHE: &str = "public, max-age=3600";

pub async fn logo(State(state): State<AppState>) -> Response {
    match &state.branding.logo {
        Some(logo) => (
            [
                (header::CONTENT_TYPE, logo.content_type),
                (header::CACHE_CONTROL, CACHE),
            ],
            logo.bytes.to_vec(),
        )
            .into_response(),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}

pub async fn theme(State(state): State<AppState>) -> Response {
    match state.branding.colour {
        Some(colour) => (
            [
                (header::CONTENT_TYPE, "text/css; charset=utf-8"),
                (header::CACHE_CONTROL, CACHE),
            ],
            format!(
                ":root {{ --brand: {}; --brand-dark: {}; }}\n",
                colour.hex(),
                colour.darker().hex()
            ),
        )
            .into_response(),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}
