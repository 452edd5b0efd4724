//! Protections every request passes: cross-site form posts are refused (CSRF), staff pages and
//! forms need a session with a staff role, and every answer (the guard's own too) carries
//! headers that stop framing, sniffing, caching of private pages and foreign scripts.

use crate::auth::{Permission, SESSION_COOKIE, cookie_value, db::find_session};
use crate::web::AppState;
use crate::web::error::message_page;
use crate::web::redirect::see_other;
use app::messages::Message;
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;
use http::{HeaderValue, Method, StatusCode, header};

/// Whether a state-changing request comes from another site.
///
/// Browsers say where a request comes from in `Sec-Fetch-Site`, or failing that in `Origin`;
/// a request with neither (curl, an integration) cannot carry a victim's cookies in a way a
/// hostile page controls, so it passes. Staff forms also carry a per-session token.
pub fn is_cross_site(headers: &http::HeaderMap) -> bool {
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        return !matches!(site, "same-origin" | "none");
    }
    if let Some(origin) = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) {
        let host = headers.get(header::HOST).and_then(|v| v.to_str().ok());
        let origin_host = origin.split_once("://").map(|(_, rest)| rest);
        return match (origin_host, host) {
            (Some(o), Some(h)) => !o.eq_ignore_ascii_case(h),
            _ => true,
        };
    }
    false
}

/// The policy for answers that carry no page of the app (the guard's own, JSON, redirects):
/// nothing may run or frame them. App pages send their own, with the nonce of their scripts.
const STRICT_CSP: &str = "default-src 'none'; style-src 'self'; img-src 'self'; object-src 'none'; \
    base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

pub async fn guard(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let path = req.uri().path().to_string();
    // The body stays behind: only the parts a refusal needs cross the await (they are `Sync`).
    let (method, uri, headers) = (
        req.method().clone(),
        req.uri().clone(),
        req.headers().clone(),
    );
    let mut res = match refuse(&state, &method, &uri, &headers).await {
        Some(refused) => refused,
        None => next.run(req).await,
    };
    let h = res.headers_mut();
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    if !h.contains_key(header::CONTENT_SECURITY_POLICY) {
        h.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(STRICT_CSP),
        );
    }
    if is_private(&path) {
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    if state.https {
        h.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000"),
        );
    }
    res
}

/// The guard's refusal of a request, if it has one: cross-site writes, and staff pages and
/// forms without a session or with a role that has no staff pages. A refused post is answered
/// before a byte of its body is read.
async fn refuse(
    state: &AppState,
    method: &Method,
    uri: &http::Uri,
    headers: &http::HeaderMap,
) -> Option<Response> {
    let safe = matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS);
    if !safe && is_cross_site(headers) {
        tracing::warn!(path = %uri.path(), "refused a cross-site state-changing request");
        return Some(message_page(
            headers,
            StatusCode::FORBIDDEN,
            Message::CrossSite,
        ));
    }
    if !is_staff_page(uri.path()) {
        return None;
    }
    let session = match cookie_value(headers, SESSION_COOKIE) {
        Some(token) => match find_session(&state.db.pool, token).await {
            Ok(session) => session,
            Err(err) => {
                tracing::error!(error = %crate::web::error::chain(&err), "session lookup failed");
                return Some(message_page(
                    headers,
                    StatusCode::INTERNAL_SERVER_ERROR,
                    Message::Internal,
                ));
            }
        },
        None => None,
    };
    match session {
        None => {
            let next = if safe {
                uri.path_and_query().map(|p| p.as_str()).unwrap_or("/admin")
            } else {
                "/admin"
            };
            Some(see_other(&format!("/login?next={}", encode_query(next))))
        }
        Some(s) if !s.user.role.may(Permission::ReadAdmin) => {
            tracing::warn!(user = s.user.id, path = %uri.path(), "refused: role");
            Some(message_page(
                headers,
                StatusCode::FORBIDDEN,
                Message::Forbidden,
            ))
        }
        Some(_) => None,
    }
}

fn is_staff_page(path: &str) -> bool {
    path == "/admin" || path.starts_with("/admin/")
}

/// Pages that hold one person's data (a receipt, staff pages, the login form): never cached.
fn is_private(path: &str) -> bool {
    is_staff_page(path)
        || path.starts_with("/kvittering/")
        || path.starts_with("/tilmelding/")
        || path.starts_with("/hoeringsliste/")
        || path == "/raad"
        || path.starts_with("/raad/")
        || path == "/_fn/council_workspace"
        || path == "/login"
        || path == "/logout"
        || path.starts_with("/_fn/admin")
        || matches!(
            path,
            "/_fn/me"
                | "/_fn/receipt"
                | "/_fn/latest_text"
                | "/_fn/signup"
                | "/_fn/party_invitation"
                | "/_fn/council_home"
                | "/_fn/council_workspace"
        )
}

/// Percent-encodes a value for a query string.
pub fn encode_query(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// Refuses a body whose announced size is over `max` from the headers alone, before reading a
/// byte of it (a client that waits for `100 Continue` then never sends it). Bodies without a
/// length are still capped by `DefaultBodyLimit` as they are read.
pub async fn refuse_oversized(State(max): State<usize>, req: Request, next: Next) -> Response {
    let announced = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if announced.is_some_and(|n| n > max) {
        return message_page(
            req.headers(),
            StatusCode::PAYLOAD_TOO_LARGE,
            Message::TooLarge,
        );
    }
    next.run(req).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> http::HeaderMap {
        let mut h = http::HeaderMap::new();
        for (k, v) in pairs {
            h.insert(*k, HeaderValue::from_static(v));
        }
        h
    }

    #[test]
    fn cross_site_detection() {
        assert!(!is_cross_site(&headers(&[])));
        assert!(!is_cross_site(&headers(&[(
            "sec-fetch-site",
            "same-origin"
        )])));
        assert!(is_cross_site(&headers(&[("sec-fetch-site", "cross-site")])));
        assert!(is_cross_site(&headers(&[("sec-fetch-site", "same-site")])));
        assert!(!is_cross_site(&headers(&[
            ("origin", "http://127.0.0.1:3000"),
            ("host", "127.0.0.1:3000")
        ])));
        assert!(is_cross_site(&headers(&[
            ("origin", "https://evil.example"),
            ("host", "127.0.0.1:3000")
        ])));
        assert!(is_cross_site(&headers(&[
            ("origin", "null"),
            ("host", "127.0.0.1:3000")
        ])));
    }

    #[test]
    fn query_encoding() {
        assert_eq!(
            encode_query("/admin/hoeringer/x?status=a&b"),
            "/admin/hoeringer/x%3Fstatus%3Da%26b"
        );
    }
}
