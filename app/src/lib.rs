//! hoering's web UI: the Leptos app rendered on the server and hydrated in the browser.
#![recursion_limit = "256"]

include!(concat!(env!("OUT_DIR"), "/i18n/mod.rs"));

pub mod access_request;
pub mod api;
pub mod auth;
#[cfg(feature = "ssr")]
pub mod backend;
pub mod components;
pub mod consultees;
pub mod council;
pub mod dates;
pub mod forms;
pub mod hearing;
pub mod mail;
pub mod meeting;
pub mod messages;
pub mod moderation;
pub mod names;
pub mod notat;
pub mod plurals;
pub mod policy;
pub mod response;
pub mod retention;
pub mod routes;
pub mod site;
pub mod version;

use crate::i18n::*;
use leptos::prelude::*;
use leptos_meta::{MetaTags, Stylesheet, Title, provide_meta_context};
use leptos_router::{
    SsrMode,
    components::{Route, Router, Routes},
    path,
};

/// The HTML document around the app; the server renders it for every page.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                // The server answers /favicon.ico with the municipality's icon (or a default).
                <link rel="icon" href="/favicon.ico" />
                <AutoReload options=options.clone() />
                <HydrationScripts options islands=true />
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

/// The document title: the page's own, then the site's. `leptos_meta` writes the server's
/// `<title>` without escaping it, so the server escapes it here (a hearing titled
/// `</title><script>…` must stay text); the browser sets `document.title`, which is plain text.
pub fn title_text(text: String) -> String {
    let full = if text.is_empty() {
        "hoering".to_string()
    } else {
        format!("{text} – hoering")
    };
    #[cfg(feature = "ssr")]
    return components::escape_html(&full);
    #[cfg(not(feature = "ssr"))]
    full
}

/// The page's Content-Security-Policy: only our own scripts, and the inline ones Leptos writes
/// for hydration, which carry this response's nonce.
#[cfg(feature = "ssr")]
fn send_content_security_policy() {
    let (Some(nonce), Some(response)) = (
        leptos::nonce::use_nonce(),
        use_context::<leptos_axum::ResponseOptions>(),
    ) else {
        return;
    };
    let policy = format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; \
         style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; \
         base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
    );
    if let Ok(value) = http::HeaderValue::from_str(&policy) {
        response.insert_header(http::header::CONTENT_SECURITY_POLICY, value);
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    #[cfg(feature = "ssr")]
    send_content_security_policy();
    // Every route renders completely on the server before it is sent (SsrMode::Async), so pages
    // and forms work without JavaScript; the browser then hydrates them.
    view! {
        <I18nContextProvider>
            <Stylesheet id="leptos" href="/pkg/hoering.css" />
            <Title formatter=title_text />
            <Router>
                <components::Layout>
                    <Routes fallback=site::not_found::NotFound>
                        <Route path=path!("/") view=site::home::HomePage ssr=SsrMode::Async />
                        <Route
                            path=path!("/hoeringer/:slug")
                            view=hearing::page::HearingPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/hoeringer/:slug/soeg")
                            view=moderation::search::SearchPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/hoeringer/:slug/svar")
                            view=response::respond::RespondPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/hoeringer/:slug/version/:number")
                            view=version::page::VersionPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/hoeringer/:slug/aendringer")
                            view=version::changes::ChangesPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/kvittering/:token")
                            view=response::receipt::ReceiptPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/politikker")
                            view=policy::list::PolicyListPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/politikker/:slug")
                            view=policy::page::PolicyPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/admin/forloeb")
                            view=policy::templates::TemplatesPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/moeder/:id")
                            view=meeting::page::MeetingPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/hoeringsliste/:token")
                            view=consultees::invitation::PartyPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/tilmelding/:token")
                            view=meeting::page::SignupPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/admin/moeder/:id")
                            view=meeting::admin::AdminMeetingPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/raad/hoeringer/:slug/:council")
                            view=council::pages::CouncilWorkspacePage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/raad")
                            view=council::pages::CouncilHomePage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/admin/raad")
                            view=council::pages::CouncilsPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/admin/post")
                            view=mail::outbox::OutboxPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/admin/post/:id")
                            view=mail::outbox::OutboxMessagePage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/admin/politikker/:slug")
                            view=policy::admin::AdminPolicyPage
                            ssr=SsrMode::Async
                        />
                        <Route path=path!("/login") view=auth::login::LoginPage ssr=SsrMode::Async />
                        <Route path=path!("/privatliv") view=site::privacy::PrivacyPage ssr=SsrMode::Async />
                        <Route path=path!("/admin/indsigt") view=access_request::page::AccessRequestPage ssr=SsrMode::Async />
                        <Route path=path!("/cookies") view=site::privacy::CookiesPage ssr=SsrMode::Async />
                        <Route path=path!("/admin") view=site::admin_home::AdminHome ssr=SsrMode::Async />
                        <Route
                            path=path!("/admin/hoeringer/ny")
                            view=hearing::new::NewHearingPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/admin/hoeringer/:slug/version/ny")
                            view=version::new::NewVersionPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/admin/hoeringer/:slug")
                            view=moderation::queue::AdminHearingPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/admin/hoeringer/:slug/overblik")
                            view=moderation::overview::AdminOverviewPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/admin/hoeringer/:slug/soeg")
                            view=moderation::search::AdminSearchPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/admin/hoeringer/:slug/grupper")
                            view=moderation::groups::AdminGroupsPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/admin/hoeringer/:slug/afsnit/:number")
                            view=moderation::paragraph::AdminBlockPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/admin/hoeringer/:slug/hoeringsnotat")
                            view=notat::pages::AdminNotatPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/admin/hoeringer/:slug/bemaerkning")
                            view=notat::pages::RemarkEditorPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/hoeringer/:slug/hoeringsnotat")
                            view=notat::edition_page::NotatEditionPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/hoeringer/:slug/hoeringsnotat/udgave/:n")
                            view=notat::edition_page::NotatEditionPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/hoeringer/:slug/resultat")
                            view=notat::pages::ResultPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/admin/svar/:id/original")
                            view=moderation::original::ResponseOriginalPage
                            ssr=SsrMode::Async
                        />
                    </Routes>
                </components::Layout>
            </Router>
        </I18nContextProvider>
    }
}

#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
}
