//! The browser files (wasm, JavaScript, CSS) a release binary carries inside itself, served with
//! a validator and in the compression the browser accepts. A binary without them (a debug
//! build) serves the files from the site root on disk, as before.

use axum::body::Body;
use axum::extract::Request;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http::{HeaderMap, HeaderValue, StatusCode, header};

/// One embedded file (the table is written by `server/build.rs`).
#[derive(Debug)]
pub struct EmbeddedFile {
    /// Under the site root, e.g. `pkg/hoering.wasm`.
    pub path: &'static str,
    pub bytes: &'static [u8],
    pub gzip: Option<&'static [u8]>,
    pub brotli: Option<&'static [u8]>,
    /// Changes with the contents: the ETag.
    pub tag: &'static str,
}

mod embedded {
    use super::EmbeddedFile;
    include!(concat!(env!("OUT_DIR"), "/embedded_site.rs"));
}

/// Whether this binary carries its browser files.
pub fn embedded() -> bool {
    !embedded::FILES.is_empty()
}

/// Answers requests for embedded files; everything else goes on to the router.
pub async fn serve(req: Request, next: Next) -> Response {
    if embedded::FILES.is_empty() || req.method() != http::Method::GET {
        return next.run(req).await;
    }
    let path = req.uri().path().trim_start_matches('/');
    match embedded::FILES.iter().find(|f| f.path == path) {
        Some(file) => answer(file, req.headers()),
        None => next.run(req).await,
    }
}

/// The file as the request's headers ask for it.
pub fn answer(file: &EmbeddedFile, request: &HeaderMap) -> Response {
    let etag = format!("\"{}\"", file.tag);
    let mut headers = HeaderMap::new();
    headers.insert(header::CONTENT_TYPE, content_type(file.path));
    // The names carry no hash, so a browser keeps the file but asks each time whether it is
    // still current; the answer is a 304 without a body when it is.
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    headers.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    if let Ok(value) = HeaderValue::from_str(&etag) {
        headers.insert(header::ETAG, value);
    }
    let matches = request
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|t| t.trim() == etag || t.trim() == "*"));
    if matches {
        return (StatusCode::NOT_MODIFIED, headers).into_response();
    }
    let accepts = |coding: &str| {
        request
            .get_all(header::ACCEPT_ENCODING)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .any(|part| {
                let mut pieces = part.split(';');
                let name = pieces.next().unwrap_or("").trim();
                let refused = pieces.any(|p| p.trim().replace(' ', "") == "q=0");
                name.eq_ignore_ascii_case(coding) && !refused
            })
    };
    let (body, coding) = match (file.brotli, file.gzip) {
        (Some(br), _) if accepts("br") => (br, Some("br")),
        (_, Some(gz)) if accepts("gzip") => (gz, Some("gzip")),
        _ => (file.bytes, None),
    };
    if let Some(coding) = coding {
        headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static(coding));
    }
    (StatusCode::OK, headers, Body::from(body)).into_response()
}

fn content_type(path: &str) -> HeaderValue {
    let kind = match path.rsplit_once('.').map(|(_, ext)| ext) {
        Some("wasm") => "application/wasm",
        Some("js") => "text/javascript; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("ico") => "image/x-icon",
        Some("json") => "application/json",
        Some("txt") => "text/plain; charset=utf-8",
        Some("woff2") => "font/woff2",
        _ => "application/octet-stream",
    };
    HeaderValue::from_static(kind)
}

#[cfg(test)]
mod tests {
    use super::*;

    static FILE: EmbeddedFile = EmbeddedFile {
        path: "pkg/hoering.wasm",
        bytes: b"plain",
        gzip: Some(b"gzipped"),
        brotli: Some(b"brotli"),
        tag: "0123456789abcdef",
    };

    async fn body(r: Response) -> Vec<u8> {
        axum::body::to_bytes(r.into_body(), 1024)
            .await
            .map(|b| b.to_vec())
            .unwrap_or_default()
    }

    fn with(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.append(*k, HeaderValue::from_static(v));
        }
        h
    }

    #[tokio::test]
    async fn picks_the_encoding_the_browser_accepts() {
        let r = answer(&FILE, &with(&[("accept-encoding", "gzip, deflate, br")]));
        assert_eq!(r.headers()["content-encoding"], "br");
        assert_eq!(r.headers()["content-type"], "application/wasm");
        assert_eq!(r.headers()["vary"], "accept-encoding");
        assert_eq!(body(r).await, b"brotli");

        let r = answer(&FILE, &with(&[("accept-encoding", "gzip, br;q=0")]));
        assert_eq!(r.headers()["content-encoding"], "gzip");
        assert_eq!(body(r).await, b"gzipped");

        let r = answer(&FILE, &HeaderMap::new());
        assert!(!r.headers().contains_key("content-encoding"));
        assert_eq!(body(r).await, b"plain");
    }

    #[tokio::test]
    async fn a_current_copy_gets_not_modified() {
        let r = answer(&FILE, &HeaderMap::new());
        assert_eq!(r.headers()["etag"], "\"0123456789abcdef\"");
        assert_eq!(r.headers()["cache-control"], "no-cache");
        let r = answer(&FILE, &with(&[("if-none-match", "\"0123456789abcdef\"")]));
        assert_eq!(r.status(), StatusCode::NOT_MODIFIED);
        assert!(body(r).await.is_empty());
        let r = answer(&FILE, &with(&[("if-none-match", "\"old\"")]));
        assert_eq!(r.status(), StatusCode::OK);
    }
}
