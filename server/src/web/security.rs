//! Protections every request passes: cross-site form posts are refused (CSRF), staff pages and
//! forms need a session with a staff role, and every answer (the guard's own too) carries
//! headers that stop framing, sniffing, caching of private pages and foreign scripts.

use crate::auth::{Permission, SESSION_COOKIE, cookie_value, db::find_session};
use crate::state::AppState;
use crate::web::error::message_page;
use crate::web::redirect::{encode_query, see_other};
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
        None if path.starts_with("/_fn/") => malformed_call_is_400(next.run(req).await).await,
        None => match check_csrf(&state, req).await {
            Ok(req) => next.run(req).await,
            Err(refused) => refused,
        },
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

/// Paths whose forms act in a signed-in person's name: every unsafe request to them must carry
/// the session's CSRF token, checked here, so no handler can forget it.
fn acts_for_session(path: &str) -> bool {
    is_staff_page(path) || path.starts_with("/raad/") || path == "/logout"
}

/// The CSRF check of every form sent in a session's name: the form's `csrf` field (URL-encoded
/// or multipart) must equal the session's token. A request without a session passes on; its
/// handler refuses it for that (there is no one to act for). The body is read into memory up
/// to the largest staff form and handed on unchanged.
async fn check_csrf(state: &AppState, req: Request) -> Result<Request, Response> {
    let safe = matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    if safe || !acts_for_session(req.uri().path()) {
        return Ok(req);
    }
    let Some(token) = cookie_value(req.headers(), SESSION_COOKIE) else {
        return Ok(req);
    };
    let session = match find_session(&state.db.pool, token).await {
        Ok(Some(session)) => session,
        Ok(None) => return Ok(req),
        Err(err) => {
            tracing::error!(error = %crate::report::chain(&err), "session lookup failed");
            return Err(message_page(
                req.headers(),
                StatusCode::INTERNAL_SERVER_ERROR,
                Message::Internal,
            ));
        }
    };
    let (parts, body) = req.into_parts();
    let largest = crate::state::DRAFT_FORM_BYTES.max(crate::state::STAFF_FILE_FORM_BYTES);
    let bytes = match axum::body::to_bytes(body, largest).await {
        Ok(bytes) => bytes,
        Err(_) => {
            return Err(message_page(
                &parts.headers,
                StatusCode::PAYLOAD_TOO_LARGE,
                Message::TooLarge,
            ));
        }
    };
    let content_type = parts
        .headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let sent = csrf_field(content_type, bytes.clone()).await;
    if !sent.is_some_and(|sent| crate::auth::constant_time_eq(&session.csrf, &sent)) {
        tracing::warn!(user = session.user.id, path = %parts.uri.path(), "refused: CSRF token missing or wrong");
        return Err(message_page(
            &parts.headers,
            StatusCode::FORBIDDEN,
            Message::FormExpired,
        ));
    }
    Ok(Request::from_parts(parts, axum::body::Body::from(bytes)))
}

/// The `csrf` field of a URL-encoded or multipart form body.
async fn csrf_field(content_type: &str, body: axum::body::Bytes) -> Option<String> {
    if let Ok(boundary) = multer::parse_boundary(content_type) {
        let stream = futures_util::stream::once(async move { Ok::<_, std::io::Error>(body) });
        let mut multipart = multer::Multipart::new(stream, boundary);
        while let Ok(Some(field)) = multipart.next_field().await {
            if field.name() == Some("csrf") {
                return field.text().await.ok();
            }
        }
        return None;
    }
    form_urlencoded::parse(&body)
        .find(|(k, _)| k == "csrf")
        .map(|(_, v)| v.into_owned())
}

/// A server function called with arguments it cannot read (one left out, a wrong type) is the
/// caller's mistake: `400`, not the `500` the function layer answers, which would page whoever
/// watches the server's errors.
async fn malformed_call_is_400(res: Response) -> Response {
    if res.status() != StatusCode::INTERNAL_SERVER_ERROR {
        return res;
    }
    let (mut parts, body) = res.into_parts();
    // Error bodies are one short line; anything longer is not the layer's decoding error.
    let bytes = match axum::body::to_bytes(body, 64 * 1024).await {
        Ok(bytes) => bytes,
        Err(_) => return Response::from_parts(parts, axum::body::Body::empty()),
    };
    if bytes.starts_with(b"Args|") || bytes.starts_with(b"Deserialization|") {
        tracing::info!("refused a server function call with malformed arguments");
        parts.status = StatusCode::BAD_REQUEST;
    }
    Response::from_parts(parts, axum::body::Body::from(bytes))
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
    // A few staff reads write a journal row in the reader's name; a link on another site must
    // not make those rows, so they count as writes here.
    if (!safe || writes_when_read(uri.path())) && is_cross_site(headers) {
        tracing::warn!(path = %uri.path(), "refused a cross-site state-changing request");
        return Some(message_page(
            headers,
            StatusCode::FORBIDDEN,
            Message::CrossSite,
        ));
    }
    if let Some(needs) = staff_function(uri.path()) {
        return refuse_function(state, headers, needs).await;
    }
    if !is_staff_page(uri.path()) {
        return None;
    }
    let session = match cookie_value(headers, SESSION_COOKIE) {
        Some(token) => match find_session(&state.db.pool, token).await {
            Ok(session) => session,
            Err(err) => {
                tracing::error!(error = %crate::report::chain(&err), "session lookup failed");
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

/// Staff reads that write a journal row (reading a redacted original, the journal's export).
fn writes_when_read(path: &str) -> bool {
    let Some(rest) = path.strip_prefix("/admin/") else {
        return false;
    };
    (rest.starts_with("svar/") && rest.ends_with("/original"))
        || (rest.starts_with("hoeringer/") && rest.ends_with("/journal.zip"))
}

/// Who may call a server function, for those not open to everyone: the clerks' functions need
/// a staff role, a council member's home a session (the function then checks the council). Checked
/// before the arguments are read, so a stranger learns nothing from a malformed call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FunctionAccess {
    Staff,
    Session,
}

fn staff_function(path: &str) -> Option<FunctionAccess> {
    let name = path.strip_prefix("/_fn/")?;
    if name.starts_with("admin") || name == "latest_text" {
        Some(FunctionAccess::Staff)
    } else if name == "council_home" {
        // A council's workspace is public once the council publishes its discussion, so
        // `council_workspace` decides for itself.
        Some(FunctionAccess::Session)
    } else {
        None
    }
}

/// A server function's refusal: `401` without a session, `403` for a role without staff pages.
async fn refuse_function(
    state: &AppState,
    headers: &http::HeaderMap,
    needs: FunctionAccess,
) -> Option<Response> {
    let plain = |status: StatusCode, text: &'static str| {
        let mut res = Response::new(axum::body::Body::from(text));
        *res.status_mut() = status;
        res.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/plain; charset=utf-8"),
        );
        res
    };
    let Some(token) = cookie_value(headers, SESSION_COOKIE) else {
        return Some(plain(StatusCode::UNAUTHORIZED, "unauthorized"));
    };
    let session = match find_session(&state.db.pool, token).await {
        Ok(session) => session,
        Err(err) => {
            tracing::error!(error = %crate::report::chain(&err), "session lookup failed");
            return Some(plain(StatusCode::INTERNAL_SERVER_ERROR, "internal error"));
        }
    };
    match session {
        None => Some(plain(StatusCode::UNAUTHORIZED, "unauthorized")),
        Some(s) if needs == FunctionAccess::Staff && !s.user.role.may(Permission::ReadAdmin) => {
            Some(plain(StatusCode::FORBIDDEN, "forbidden"))
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
        || path.starts_with("/login/")
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

/// The largest body a route takes: as text (URL-encoded), and as a multipart form with files.
#[derive(Debug, Clone, Copy)]
pub struct BodyLimits {
    pub text: usize,
    pub multipart: usize,
}

/// Refuses a body whose announced size is over its kind's limit from the headers alone, before
/// reading a byte of it (a client that waits for `100 Continue` then never sends it). Bodies
/// without a length are still capped by `DefaultBodyLimit` (and the handler's own reading) as
/// they are read.
pub async fn refuse_oversized(
    State(limits): State<BodyLimits>,
    req: Request,
    next: Next,
) -> Response {
    let multipart = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|t| t.starts_with("multipart/form-data"));
    let max = if multipart {
        limits.multipart
    } else {
        limits.text
    };
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
}
