//! The HTTP surface: the router that gathers each capability's pages, forms and API (this file,
//! which no capability imports), and what they share in the files beside it (the security
//! layer, the one error type, the redirect check, limits). The state every handler takes lives
//! in `crate::state`.

pub mod api;
pub mod api_errors;
pub mod assets;
pub mod branding;
pub mod clerk;
pub mod download;
pub mod error;
pub mod form;
pub mod language;
pub mod limits;
pub mod redirect;
pub mod render;
pub mod security;
pub mod upload;

use crate::state::{AppState, DRAFT_FORM_BYTES};
use app::backend::SharedBackend;
use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use leptos::prelude::*;
use leptos_axum::{AxumRouteListing, LeptosRoutes, generate_route_list};
use std::sync::OnceLock;

/// What every Leptos render gets: the backend, and a fresh nonce for the page's scripts.
fn page_context(
    backend: SharedBackend,
    site: app::site::Site,
) -> impl Fn() + Clone + Send + Sync + 'static {
    move || {
        provide_context(backend.clone());
        provide_context(site.clone());
        leptos::nonce::provide_nonce();
    }
}

/// The app's routes, generated once per process. Generating them raises a process-wide flag
/// (leptos_server's `SuppressResourceLoad`) under which a resource that starts loading waits
/// forever: when the integration tests started a second server while the first was rendering a
/// page, that page hung with every worker idle (leptos-rs/leptos#4773).
fn route_list() -> Vec<AxumRouteListing> {
    static ROUTES: OnceLock<Vec<AxumRouteListing>> = OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(app::App)).clone()
}

pub fn router(state: AppState) -> Router {
    // Already done by the binary; tests build the router without it.
    app::plurals::install();
    let routes = route_list();
    let context = page_context(state.backend.clone(), state.site());
    let shell_options = state.leptos_options.clone();
    // A response may carry files: its body may be as large as all of them together; the
    // text alone is still read with the text's own limit (`response::forms`).
    let response_limit = crate::response::MAX_RESPONSE_WITH_FILES_BYTES;
    let response_limits = security::BodyLimits {
        text: crate::response::MAX_RESPONSE_BODY_BYTES,
        multipart: response_limit,
    };
    Router::new()
        .route(
            "/hoeringer/{slug}/svar",
            post(crate::response::forms::submit_response)
                .layer(DefaultBodyLimit::max(response_limit))
                .layer(axum::middleware::from_fn_with_state(
                    response_limits,
                    security::refuse_oversized,
                )),
        )
        .route("/login", post(crate::auth::forms::login))
        .route(
            "/kvittering/{token}/ret",
            post(crate::response::own::change),
        )
        .route(
            "/kvittering/{token}/traek-tilbage",
            post(crate::response::own::withdraw),
        )
        .route(
            "/kvittering/{token}/slet-navn",
            post(crate::response::own::ask_erasure),
        )
        .route(
            "/admin/svar/{id}/sletning",
            post(crate::response::own::decide_erasure),
        )
        .route("/admin/indsigt", post(crate::access_request::forms::answer))
        .route("/logout", post(crate::auth::forms::logout))
        .route("/login/oidc", get(crate::auth::forms::begin_provider))
        .route(
            "/login/oidc/callback",
            get(crate::auth::forms::provider_callback),
        )
        .route(
            "/login/oidc/logout",
            get(crate::auth::forms::provider_logout),
        )
        .route(
            "/admin/hoeringer/ny",
            post(crate::hearing::forms::create_hearing)
                .layer(DefaultBodyLimit::max(DRAFT_FORM_BYTES)),
        )
        .route(
            "/admin/hoeringer/{slug}/version/ny",
            post(crate::version::forms::create_version)
                .layer(DefaultBodyLimit::max(DRAFT_FORM_BYTES)),
        )
        .route("/admin/svar/{id}", post(crate::response::forms::moderate))
        .route(
            "/filer/{id}/{name}",
            get(crate::attachment::download::public),
        )
        .route(
            "/admin/filer/{id}/{name}",
            get(crate::attachment::download::staff),
        )
        .route(
            "/admin/filer/{id}",
            post(crate::attachment::download::withhold),
        )
        .route(
            "/admin/svar/{id}/skjul",
            post(crate::response::forms::redact),
        )
        .route(
            "/admin/hoeringer/{slug}/maerker",
            post(crate::tag::forms::create),
        )
        .route(
            "/admin/hoeringer/{slug}/maerk",
            post(crate::tag::forms::apply),
        )
        .route(
            "/admin/hoeringer/{slug}/bemaerkninger",
            post(crate::notat::forms::write),
        )
        .route(
            "/admin/hoeringer/{slug}/bemaerkninger/{id}/godkend",
            post(crate::notat::forms::approve),
        )
        .route(
            "/admin/hoeringer/{slug}/hoeringsnotat/sag",
            post(crate::notat::forms::case_facts),
        )
        .route(
            "/admin/hoeringer/{slug}/opbevaring",
            post(crate::retention::forms::set_months),
        )
        .route(
            "/admin/hoeringer/{slug}/hoeringsnotat/offentliggoer",
            post(crate::notat::edition::publish),
        )
        .route(
            "/admin/hoeringer/{slug}/hoeringsnotat/til-side",
            post(crate::notat::forms::set_aside),
        )
        .route(
            "/admin/hoeringer/{slug}/hoeringsnotat.docx",
            crate::notat::edition::admin_download("hoeringsnotat.docx"),
        )
        .route(
            "/admin/hoeringer/{slug}/hoeringsnotat.pdf",
            crate::notat::edition::admin_download("hoeringsnotat.pdf"),
        )
        .route(
            "/admin/hoeringer/{slug}/svar.xlsx",
            crate::notat::export::admin_download("svar.xlsx"),
        )
        .route(
            "/admin/hoeringer/{slug}/svar.csv",
            crate::notat::export::admin_download("svar.csv"),
        )
        .route(
            "/admin/hoeringer/{slug}/journal.zip",
            crate::notat::export::admin_download("journal.zip"),
        )
        .route(
            "/hoeringer/{slug}/hoeringsnotat.docx",
            crate::notat::edition::latest_download("hoeringsnotat.docx"),
        )
        .route(
            "/hoeringer/{slug}/hoeringsnotat/udgave/{n}/hoeringsnotat.docx",
            crate::notat::edition::edition_download("hoeringsnotat.docx"),
        )
        .route(
            "/hoeringer/{slug}/hoeringsnotat.pdf",
            crate::notat::edition::latest_download("hoeringsnotat.pdf"),
        )
        .route(
            "/hoeringer/{slug}/hoeringsnotat/udgave/{n}/hoeringsnotat.pdf",
            crate::notat::edition::edition_download("hoeringsnotat.pdf"),
        )
        .route(
            "/hoeringer/{slug}/hoeringsnotat.html",
            crate::notat::edition::latest_download("hoeringsnotat.html"),
        )
        .route(
            "/hoeringer/{slug}/hoeringsnotat/udgave/{n}/hoeringsnotat.html",
            crate::notat::edition::edition_download("hoeringsnotat.html"),
        )
        .route(
            "/admin/politikker/{slug}/skridt",
            post(crate::policy::forms::step),
        )
        .route(
            "/admin/spoergsmaal/{id}",
            post(crate::policy::forms::answer),
        )
        .route(
            "/admin/forloeb/{name}",
            post(crate::policy::forms::edit_template),
        )
        .route(
            "/politikker/{slug}/spoergsmaal",
            post(crate::policy::forms::ask),
        )
        .route("/admin/post/{id}/igen", post(crate::mail::pages::retry))
        .route("/admin/raad", post(crate::council::forms::create))
        .route("/raad/navn", post(crate::council::forms::set_name))
        .route(
            "/admin/hoeringer/{slug}/raadsrunde",
            post(crate::council::forms::open_round),
        )
        .route(
            "/raad/hoeringer/{slug}/{council}/kommentar",
            post(crate::council::forms::comment),
        )
        .route(
            "/raad/hoeringer/{slug}/{council}/enig/{comment}",
            post(crate::council::forms::agree),
        )
        .route(
            "/raad/hoeringer/{slug}/{council}/faelles",
            post(crate::council::forms::edit_joint),
        )
        .route(
            "/raad/hoeringer/{slug}/{council}/indsend",
            post(crate::council::forms::submit_joint),
        )
        .route(
            "/raad/hoeringer/{slug}/{council}/offentliggoer",
            post(crate::council::forms::publish_discussion),
        )
        .route(
            "/admin/raad/{slug}/medlemmer",
            post(crate::council::forms::add),
        )
        .route(
            "/admin/raad/{slug}/medlemmer/fjern",
            post(crate::council::forms::remove),
        )
        .route(
            "/hoeringsliste/{token}/ingen-bemaerkninger",
            post(crate::consultees::forms::decline),
        )
        .route(
            "/admin/hoeringer/{slug}/hoeringsliste",
            post(crate::consultees::forms::add),
        )
        .route(
            "/admin/hoeringer/{slug}/hoeringsliste/genbrug",
            post(crate::consultees::forms::reuse),
        )
        .route(
            "/admin/hoeringer/{slug}/hoeringsliste/paamindelse",
            post(crate::consultees::forms::reminder),
        )
        .route(
            "/admin/hoeringer/{slug}/hoeringsliste/{id}/fjern",
            post(crate::consultees::forms::remove),
        )
        .route(
            "/admin/hoeringer/{slug}/hoeringsliste/{id}/svar",
            post(crate::consultees::forms::match_response),
        )
        .route(
            "/admin/politikker/{slug}/moeder",
            post(crate::meeting::forms::create),
        )
        .route(
            "/admin/moeder/{id}/fremmoede",
            post(crate::meeting::forms::attendance),
        )
        .route(
            "/admin/moeder/{id}/input",
            post(crate::meeting::forms::record_input),
        )
        .route(
            "/admin/moeder/{id}/referat",
            post(crate::meeting::forms::minutes)
                .layer(DefaultBodyLimit::max(crate::state::STAFF_FILE_FORM_BYTES)),
        )
        .route(
            "/admin/moeder/{id}/referat/{name}",
            get(crate::meeting::forms::minutes_file_for_staff),
        )
        .route(
            "/moeder/{id}/referat/{name}",
            get(crate::meeting::forms::minutes_file),
        )
        .route(
            "/admin/moeder/{id}/deltagere.csv",
            get(crate::meeting::forms::csv),
        )
        .route(
            "/moeder/{id}/tilmelding",
            post(crate::meeting::forms::sign_up),
        )
        .route(
            "/tilmelding/{token}/afmeld",
            post(crate::meeting::forms::cancel),
        )
        .route("/kalender.ics", get(crate::policy::feeds::calendar))
        .route(
            "/politikker/{slug}/kalender.ics",
            get(crate::policy::feeds::policy_calendar),
        )
        .route("/feeds/politikker.atom", get(crate::policy::feeds::atom))
        .route("/sprog/{locale}", get(language::set_language))
        .route("/healthz", get(|| async { "ok" }))
        .route("/logo", get(branding::logo))
        .route("/tema.css", get(branding::theme))
        .route("/favicon.ico", get(branding::favicon))
        // Every route above answers its handler's `WebError` here.
        .route_layer(axum::middleware::from_fn_with_state(
            state.clone(),
            error::render_errors,
        ))
        .nest("/api/v1", api::router())
        .leptos_routes_with_context(&state, routes, context.clone(), move || {
            app::shell(shell_options.clone())
        })
        .fallback(leptos_axum::file_and_error_handler_with_context::<
            AppState,
            _,
        >(context, app::shell))
        .layer(axum::middleware::from_fn(assets::serve))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            security::guard,
        ))
        .with_state(state)
}
