//! The HTTP surface: Leptos pages and server functions, the form posts, the JSON API, and the
//! security layer around them all.

pub mod api;
pub mod forms;
pub mod render;
pub mod security;

use crate::db::Db;
use app::backend::SharedBackend;
use axum::Router;
use axum::extract::{DefaultBodyLimit, FromRef};
use axum::routing::{get, post};
use leptos::prelude::*;
use leptos_axum::{LeptosRoutes, generate_route_list};

#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub backend: SharedBackend,
    pub leptos_options: LeptosOptions,
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}

pub fn router(state: AppState) -> Router {
    let routes = generate_route_list(app::App);
    let backend = state.backend.clone();
    let context = move || provide_context(backend.clone());
    let shell_options = state.leptos_options.clone();
    Router::new()
        .route(
            "/hoeringer/{slug}/svar",
            post(forms::submit_response)
                .layer(DefaultBodyLimit::max(
                    crate::response::MAX_RESPONSE_BODY_BYTES,
                ))
                .layer(axum::middleware::from_fn_with_state(
                    crate::response::MAX_RESPONSE_BODY_BYTES,
                    security::refuse_oversized,
                )),
        )
        .route("/login", post(forms::login))
        .route("/logout", post(forms::logout))
        .route(
            "/admin/hoeringer/ny",
            // Room for the largest draft twice (textarea and file) plus the other fields.
            post(forms::create_hearing).layer(DefaultBodyLimit::max(
                2 * crate::hearing::MAX_MARKDOWN_BYTES + 64 * 1024,
            )),
        )
        .route(
            "/admin/hoeringer/{slug}/version/ny",
            post(forms::create_version).layer(DefaultBodyLimit::max(
                2 * crate::hearing::MAX_MARKDOWN_BYTES + 64 * 1024,
            )),
        )
        .route("/admin/svar/{id}", post(forms::moderate))
        .route("/sprog/{locale}", get(forms::set_language))
        .route("/healthz", get(|| async { "ok" }))
        .nest("/api/v1", api::router())
        .leptos_routes_with_context(&state, routes, context.clone(), move || {
            app::shell(shell_options.clone())
        })
        .fallback(leptos_axum::file_and_error_handler_with_context::<
            AppState,
            _,
        >(context, app::shell))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            security::guard,
        ))
        .with_state(state)
}
