//! Renders a page of the app from a form handler: the same page the browser asked for, with the
//! form's values and errors (or a preview) handed to it, so forms work without JavaScript.

use crate::state::AppState;
use app::forms::FormEcho;
use axum::body::Body;
use axum::response::Response;
use http::{Method, Request, StatusCode, Uri};
use leptos::prelude::provide_context;

pub async fn page_with_echo(
    state: &AppState,
    headers: &http::HeaderMap,
    uri: Uri,
    echo: FormEcho,
    status: StatusCode,
) -> Response {
    let backend = state.backend.clone();
    let site = state.site();
    let options = state.leptos_options.clone();
    let handler = leptos_axum::render_app_async_with_context(
        move || {
            provide_context(backend.clone());
            provide_context(site.clone());
            provide_context(echo.clone());
            leptos::nonce::provide_nonce();
        },
        move || app::shell(options.clone()),
    );
    let mut req = Request::new(Body::empty());
    *req.method_mut() = Method::GET;
    *req.uri_mut() = uri;
    *req.headers_mut() = headers.clone();
    req.headers_mut().remove(http::header::CONTENT_TYPE);
    req.headers_mut().remove(http::header::CONTENT_LENGTH);
    let mut res = handler(req).await;
    // A page that decided its own error status (404 for a missing hearing) keeps it.
    if res.status() == StatusCode::OK {
        *res.status_mut() = status;
    }
    res
}
