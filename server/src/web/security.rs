//! Protections every request passes: cross-site form posts are refused (CSRF), staff pages need
//! a session, and responses carry headers that stop framing and content sniffing.

use crate::auth::{SESSION_COOKIE, cookie_value, db::find_session};
use crate::web::AppState;
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
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

pub async fn guard(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let safe = matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    if !safe && is_cross_site(req.headers()) {
        tracing::warn!(path = %req.uri().path(), "refused a cross-site state-changing request");
        return (
            StatusCode::FORBIDDEN,
            "Forespørgslen kom fra et andet websted og blev afvist.",
        )
            .into_response();
    }
    // Staff pages send visitors without a session to the login page, before any rendering.
    if *req.method() == Method::GET && is_staff_page(req.uri().path()) {
        let logged_in = match cookie_value(req.headers(), SESSION_COOKIE) {
            Some(token) => match find_session(&state.db.pool, token).await {
                Ok(session) => session.is_some(),
                Err(err) => {
                    tracing::error!(error = ?err, "session lookup failed");
                    return StatusCode::INTERNAL_SERVER_ERROR.into_response();
                }
            },
            None => false,
        };
        if !logged_in {
            let next = req
                .uri()
                .path_and_query()
                .map(|p| p.as_str())
                .unwrap_or("/admin");
            return Redirect::to(&format!("/login?next={}", encode_query(next))).into_response();
        }
    }
    let mut res = next.run(req).await;
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
    res
}

fn is_staff_page(path: &str) -> bool {
    path == "/admin" || path.starts_with("/admin/")
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
        return (
            StatusCode::PAYLOAD_TOO_LARGE,
            "Det sendte er for stort. Et høringssvar må højst være 20.000 tegn.",
        )
            .into_response();
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
