//! The municipality's logo and colour, served from the configuration: `/logo` and `/tema.css`
//! (a stylesheet, since the Content-Security-Policy allows no inline style), and the browser
//! tab's icon, `/favicon.ico` (which browsers ask for on every site whatever the page says).

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

/// The default icon: a speech bubble (a response) on the municipality's colour. `BRAND`
/// stands for the colour.
const DEFAULT_ICON: &str = include_str!("favicon.svg");

/// The colour of the default icon when none is configured: style/main.css's `--brand`.
const DEFAULT_BRAND: &str = "#0b4f8a";

/// `/favicon.ico`: the configured icon (`HOERING_ICON`), else the default one in the
/// municipality's colour. Whatever its file name says, the content type tells the browser
/// what it is (browsers take SVG and PNG icons at any address).
pub async fn favicon(State(state): State<AppState>) -> Response {
    let headers = |content_type: &'static str| {
        [
            (header::CONTENT_TYPE, content_type),
            (header::CACHE_CONTROL, CACHE),
        ]
    };
    match &state.branding.icon {
        Some(icon) => (headers(icon.content_type), icon.bytes.to_vec()).into_response(),
        None => {
            let colour = state
                .branding
                .colour
                .map_or_else(|| DEFAULT_BRAND.to_string(), |c| c.hex());
            (
                headers("image/svg+xml"),
                DEFAULT_ICON.trim_end().replace("BRAND", &colour),
            )
                .into_response()
        }
    }
}
