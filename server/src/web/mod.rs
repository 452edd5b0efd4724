//! The HTTP surface: the router that gathers each capability's pages, forms and API, and what
//! they share (the security layer, the one error type, the redirect check, limits).

pub mod api;
pub mod assets;
pub mod branding;
pub mod download;
pub mod error;
pub mod language;
pub mod limits;
pub mod pairs;
pub mod redirect;
pub mod render;
pub mod security;
pub mod upload;

use crate::db::Db;
use app::backend::SharedBackend;
use axum::Router;
use axum::extract::{ConnectInfo, DefaultBodyLimit, FromRef, FromRequestParts};
use axum::routing::{get, post};
use http::request::Parts;
use leptos::prelude::*;
use leptos_axum::{AxumRouteListing, LeptosRoutes, generate_route_list};
use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::{Arc, OnceLock};

#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub backend: SharedBackend,
    pub leptos_options: LeptosOptions,
    pub limits: Arc<limits::Limits>,
    /// Served over HTTPS (`HOERING_PUBLIC_URL=https://…`): cookies get `Secure`, pages HSTS.
    pub https: bool,
    /// The reverse proxy whose `X-Forwarded-For` is believed.
    pub trusted_proxy: Option<std::net::IpAddr>,
    /// The working-day calendar deadlines and promises are counted in.
    pub calendar: Arc<hoering::calendar::Calendar>,
    /// Where readers reach the site (`HOERING_PUBLIC_URL`), for absolute links in feeds.
    pub public_url: Option<String>,
    /// Where e-mail is written, and the municipality that signs it.
    pub outbox: Arc<crate::mail::Outbox>,
    /// How received responses' journal numbers are written (`HOERING_JOURNAL_PATTERN`).
    pub journal_pattern: Arc<hoering::notat::JournalPattern>,
    /// The municipality's colour, logo, contact line and footer links.
    pub branding: Arc<crate::config::Branding>,
    /// The queue to the writer that stores citizens' responses together.
    pub intake: crate::response::intake::Intake,
}

impl AppState {
    /// The installation as every page's header and footer show it.
    pub fn site(&self) -> app::model::Site {
        app::model::Site {
            municipality: self.outbox.sender.municipality.clone(),
            logo: self.branding.logo.is_some(),
            theme: self.branding.colour.is_some(),
            contact: self.branding.contact.clone(),
            links: self
                .branding
                .links
                .iter()
                .map(|l| app::model::SiteLink {
                    label: l.label.clone(),
                    href: l.href.clone(),
                })
                .collect(),
        }
    }
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}

/// The client's address as the limits count it: the peer of the TCP connection, or, when that
/// peer is the configured reverse proxy, the address the proxy appended to `X-Forwarded-For`
/// (the last entry: earlier ones are whatever the client chose to send).
pub struct ClientAddr(pub String);

impl FromRequestParts<AppState> for ClientAddr {
    type Rejection = Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let peer = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|ConnectInfo(a)| a.ip());
        let forwarded = || {
            parts
                .headers
                .get_all("x-forwarded-for")
                .iter()
                .filter_map(|v| v.to_str().ok())
                .flat_map(|v| v.split(','))
                .filter_map(|ip| ip.trim().parse::<std::net::IpAddr>().ok())
                .next_back()
        };
        let client = match (peer, state.trusted_proxy) {
            (Some(p), Some(proxy)) if p == proxy => forwarded().or(peer),
            _ => peer,
        };
        Ok(ClientAddr(client.map_or_else(
            || "unknown".to_string(),
            |ip| ip.to_string(),
        )))
    }
}

/// Room for the largest draft twice (textarea and file) plus the other fields.
const DRAFT_FORM_BYTES: usize = 2 * crate::hearing::MAX_MARKDOWN_BYTES + 64 * 1024;

/// What every Leptos render gets: the backend, and a fresh nonce for the page's scripts.
fn page_context(
    backend: SharedBackend,
    site: app::model::Site,
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
    let routes = route_list();
    let context = page_context(state.backend.clone(), state.site());
    let shell_options = state.leptos_options.clone();
    let response_limit = crate::response::MAX_RESPONSE_BODY_BYTES;
    Router::new()
        .route(
            "/hoeringer/{slug}/svar",
            post(crate::response::forms::submit_response)
                .layer(DefaultBodyLimit::max(response_limit))
                .layer(axum::middleware::from_fn_with_state(
                    response_limit,
                    security::refuse_oversized,
                )),
        )
        .route("/login", post(crate::auth::forms::login))
        .route("/logout", post(crate::auth::forms::logout))
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
            "/admin/hoeringer/{slug}/hoeringsnotat/offentliggoer",
            post(crate::notat::forms::publish),
        )
        .route(
            "/admin/hoeringer/{slug}/hoeringsnotat.docx",
            get(
                |s: axum::extract::State<AppState>,
                 axum::extract::Path(slug): axum::extract::Path<String>,
                 h: http::HeaderMap| {
                    crate::notat::export::admin_file(s, slug, h, "hoeringsnotat.docx")
                },
            ),
        )
        .route(
            "/admin/hoeringer/{slug}/hoeringsnotat.pdf",
            get(
                |s: axum::extract::State<AppState>,
                 axum::extract::Path(slug): axum::extract::Path<String>,
                 h: http::HeaderMap| {
                    crate::notat::export::admin_file(s, slug, h, "hoeringsnotat.pdf")
                },
            ),
        )
        .route(
            "/admin/hoeringer/{slug}/svar.xlsx",
            get(
                |s: axum::extract::State<AppState>,
                 axum::extract::Path(slug): axum::extract::Path<String>,
                 h: http::HeaderMap| {
                    crate::notat::export::admin_file(s, slug, h, "svar.xlsx")
                },
            ),
        )
        .route(
            "/admin/hoeringer/{slug}/svar.csv",
            get(
                |s: axum::extract::State<AppState>,
                 axum::extract::Path(slug): axum::extract::Path<String>,
                 h: http::HeaderMap| {
                    crate::notat::export::admin_file(s, slug, h, "svar.csv")
                },
            ),
        )
        .route(
            "/admin/hoeringer/{slug}/journal.zip",
            get(
                |s: axum::extract::State<AppState>,
                 axum::extract::Path(slug): axum::extract::Path<String>,
                 h: http::HeaderMap| {
                    crate::notat::export::admin_file(s, slug, h, "journal.zip")
                },
            ),
        )
        .route(
            "/hoeringer/{slug}/hoeringsnotat.docx",
            get(
                |s: axum::extract::State<AppState>,
                 axum::extract::Path(slug): axum::extract::Path<String>,
                 h: http::HeaderMap| {
                    crate::notat::export::public_notat(s, slug, h, "hoeringsnotat.docx")
                },
            ),
        )
        .route(
            "/hoeringer/{slug}/hoeringsnotat.pdf",
            get(
                |s: axum::extract::State<AppState>,
                 axum::extract::Path(slug): axum::extract::Path<String>,
                 h: http::HeaderMap| {
                    crate::notat::export::public_notat(s, slug, h, "hoeringsnotat.pdf")
                },
            ),
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
            post(crate::meeting::forms::minutes),
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
