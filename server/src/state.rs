//! The application state every handler takes, and the request facts read from it (the client's
//! address). Apart from the router, so a capability's handlers import this and never the router
//! that imports them.

use crate::db::Db;
use app::backend::SharedBackend;
use axum::extract::{ConnectInfo, FromRef, FromRequestParts};
use http::request::Parts;
use leptos::prelude::LeptosOptions;
use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::Arc;

#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub backend: SharedBackend,
    pub leptos_options: LeptosOptions,
    pub limits: Arc<crate::web::limits::Limits>,
    /// Served over HTTPS (`HOERING_PUBLIC_URL=https://…`): cookies get `Secure`, pages HSTS.
    pub https: bool,
    /// The reverse proxy whose `X-Forwarded-For` is believed.
    pub trusted_proxy: Option<std::net::IpAddr>,
    /// The working-day calendar deadlines and promises are counted in.
    pub calendar: Arc<hoering::calendar::Calendar>,
    /// Where readers reach the site, without a trailing slash: `HOERING_PUBLIC_URL`, or the
    /// server's own address where that is not set (the demo, tests). Every absolute link
    /// (feeds, calendars, e-mails) is built on it, never on the request's `Host`, which the
    /// client chooses.
    pub public_url: String,
    /// Where e-mail is written, and the municipality that signs it.
    pub outbox: Arc<crate::mail::Outbox>,
    /// How received responses' journal numbers are written (`HOERING_JOURNAL_PATTERN`).
    pub journal_pattern: Arc<hoering::notat::JournalPattern>,
    /// The municipality's colour, logo, contact line and footer links.
    pub branding: Arc<crate::config::Branding>,
    /// The queue to the writer that stores citizens' responses together.
    pub intake: crate::response::intake::Intake,
    /// Where files sent with responses are scanned, kept and read.
    pub files: Arc<crate::attachment::Settings>,
    /// How staff sign in: passwords, the municipality's identity provider, or both.
    pub sign_in: Arc<crate::auth::oidc::SignIn>,
    /// How long personal data is kept, the DPO's contact and the accessibility statement.
    pub privacy: Arc<crate::config::Privacy>,
}

impl AppState {
    /// The installation as every page's header and footer show it.
    pub fn site(&self) -> app::site::Site {
        app::site::Site {
            municipality: self.outbox.sender.municipality.clone(),
            logo: self.branding.logo.is_some(),
            theme: self.branding.colour.is_some(),
            contact: self.branding.contact.clone(),
            links: self
                .branding
                .links
                .iter()
                .map(|l| app::site::SiteLink {
                    label: l.label.clone(),
                    href: l.href.clone(),
                })
                .collect(),
            sign_in: app::site::SiteSignIn {
                local: self.sign_in.local,
                provider: self.sign_in.provider.as_ref().map(|p| p.name().to_string()),
            },
            privacy: app::site::SitePrivacy {
                dpo: self.privacy.dpo.clone(),
                accessibility_url: self.privacy.accessibility_url.clone(),
                retention_months: self.privacy.retention.default_months().get(),
            },
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

/// The largest draft file: a Word document's pictures (not imported) can weigh far more than
/// its text.
pub const DRAFT_FILE_BYTES: usize = 20 * 1024 * 1024;
/// A staff form with one file of a response's size (the minutes of a dialogue meeting as a PDF)
/// and its text: the largest body the CSRF check reads.
pub const STAFF_FILE_FORM_BYTES: usize = hoering::attachment::MAX_BYTES as usize + 2 * 1024 * 1024;
/// Room for the largest draft in the textarea, the largest file, and the other fields.
pub const DRAFT_FORM_BYTES: usize =
    crate::hearing::MAX_MARKDOWN_BYTES + DRAFT_FILE_BYTES + 64 * 1024;
