//! hoering's web UI: the Leptos app rendered on the server and hydrated in the browser.
#![recursion_limit = "256"]

include!(concat!(env!("OUT_DIR"), "/i18n/mod.rs"));

pub mod api;
#[cfg(feature = "ssr")]
pub mod backend;
pub mod components;
pub mod dates;
pub mod feed_words;
pub mod forms;
pub mod messages;
pub mod model;
pub mod names;
pub mod notat_words;
pub mod pages;
pub mod refusals;
pub mod routes;

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
                    <Routes fallback=pages::NotFound>
                        <Route path=path!("/") view=pages::home::HomePage ssr=SsrMode::Async />
                        <Route
                            path=path!("/hoeringer/:slug")
                            view=pages::hearing::HearingPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/hoeringer/:slug/soeg")
                            view=pages::search::SearchPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/hoeringer/:slug/svar")
                            view=pages::respond::RespondPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/hoeringer/:slug/version/:number")
                            view=pages::version::VersionPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/hoeringer/:slug/aendringer")
                            view=pages::changes::ChangesPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/kvittering/:token")
                            view=pages::receipt::ReceiptPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/politikker")
                            view=pages::policy::PolicyListPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/politikker/:slug")
                            view=pages::policy::PolicyPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/admin/forloeb")
                            view=pages::templates::TemplatesPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/moeder/:id")
                            view=pages::meeting::MeetingPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/hoeringsliste/:token")
                            view=pages::party::PartyPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/tilmelding/:token")
                            view=pages::meeting::SignupPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/admin/moeder/:id")
                            view=pages::admin_meeting::AdminMeetingPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/raad/hoeringer/:slug/:council")
                            view=pages::councils::CouncilWorkspacePage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/raad")
                            view=pages::councils::CouncilHomePage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/admin/raad")
                            view=pages::councils::CouncilsPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/admin/post")
                            view=pages::outbox::OutboxPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/admin/post/:id")
                            view=pages::outbox::OutboxMessagePage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/admin/politikker/:slug")
                            view=pages::admin_policy::AdminPolicyPage
                            ssr=SsrMode::Async
                        />
                        <Route path=path!("/login") view=pages::login::LoginPage ssr=SsrMode::Async />
                        <Route path=path!("/admin") view=pages::admin::AdminHome ssr=SsrMode::Async />
                        <Route
                            path=path!("/admin/hoeringer/ny")
                            view=pages::admin::NewHearingPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/admin/hoeringer/:slug/version/ny")
                            view=pages::admin::NewVersionPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/admin/hoeringer/:slug")
                            view=pages::admin::AdminHearingPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/admin/hoeringer/:slug/overblik")
                            view=pages::admin::AdminOverviewPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/admin/hoeringer/:slug/soeg")
                            view=pages::search::AdminSearchPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/admin/hoeringer/:slug/grupper")
                            view=pages::admin::AdminGroupsPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/admin/hoeringer/:slug/afsnit/:number")
                            view=pages::admin::AdminBlockPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/admin/hoeringer/:slug/hoeringsnotat")
                            view=pages::notat::AdminNotatPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/admin/hoeringer/:slug/bemaerkning")
                            view=pages::notat::RemarkEditorPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/hoeringer/:slug/hoeringsnotat")
                            view=pages::notat::NotatPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/hoeringer/:slug/resultat")
                            view=pages::notat::ResultPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/admin/svar/:id/original")
                            view=pages::admin::ResponseOriginalPage
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
