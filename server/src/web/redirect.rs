//! The one check every redirect target passes (login's `next`, the language switch's way back,
//! moderation's `back`): a plain path on this site, or nothing. The one way off the site is to
//! the identity provider's own endpoints, which come from its configured issuer, never from a
//! request ([`see_other_to_provider`]).

use axum::response::{IntoResponse, Response};
use http::{HeaderValue, StatusCode, header};

/// Longest target we follow; a real path in hoering is far shorter.
const MAX_TARGET: usize = 2048;

/// `raw` if it is a plain path on this site: it starts with one `/`, and holds no `//` or `\`
/// anywhere (browsers read `/\host` and `//host` as another site), no whitespace and no
/// control characters (browsers strip tabs and newlines, so `/\t/host` would become `//host`;
/// a newline would also break the header).
pub fn safe_target(raw: &str) -> Option<&str> {
    let ok = raw.starts_with('/')
        && raw.len() <= MAX_TARGET
        && !raw.contains("//")
        && !raw.contains('\\')
        && !raw.chars().any(|c| c.is_whitespace() || c.is_control());
    ok.then_some(raw)
}

/// `raw` if [`safe_target`] allows it, else `fallback` (which must itself be a constant path).
pub fn target_or<'a>(raw: &'a str, fallback: &'a str) -> &'a str {
    safe_target(raw).unwrap_or(fallback)
}

/// A `303 See Other` to a checked target. Never panics: a target that would not make a header
/// goes to the front page instead.
pub fn see_other(target: &str) -> Response {
    let target = safe_target(target).unwrap_or("/");
    let location = HeaderValue::from_str(target).unwrap_or(HeaderValue::from_static("/"));
    (StatusCode::SEE_OTHER, [(header::LOCATION, location)]).into_response()
}

/// A `303 See Other` to the identity provider: `url` must be an `https://` address (or an
/// `http://` one on this machine, for the tests' provider) on the host of `issuer`, the
/// configured one; anything else goes to the login page.
pub fn see_other_to_provider(url: &str, issuer: &str) -> Response {
    let origin = |u: &str| {
        let rest = u.strip_prefix("https://").or_else(|| {
            u.strip_prefix("http://127.0.0.1:")
                .or_else(|| u.strip_prefix("http://localhost:"))
        })?;
        let host = rest.split(['/', '?', '#']).next()?;
        Some((u.starts_with("https://"), host.to_ascii_lowercase()))
    };
    let allowed = match (origin(url), origin(issuer)) {
        (Some(a), Some(b)) => a == b && !url.chars().any(|c| c.is_whitespace() || c.is_control()),
        _ => false,
    };
    match HeaderValue::from_str(url) {
        Ok(location) if allowed => {
            (StatusCode::SEE_OTHER, [(header::LOCATION, location)]).into_response()
        }
        _ => see_other("/login"),
    }
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

/// The page a request came from, when the `Referer` names a page of this site (through
/// [`safe_target`]): where a form's sender goes back to.
pub fn referring_page(headers: &http::HeaderMap) -> Option<String> {
    let host = headers.get(http::header::HOST)?.to_str().ok()?;
    let referer = headers.get(http::header::REFERER)?.to_str().ok()?;
    let (_, rest) = referer.split_once("://")?;
    safe_target(rest.strip_prefix(host)?).map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_configured_providers_host_is_left_for() {
        let location = |r: Response| {
            r.headers()
                .get(header::LOCATION)
                .and_then(|v| v.to_str().ok())
                .map(str::to_string)
        };
        let entra = "https://login.microsoftonline.com/tenant/v2.0";
        let auth = "https://login.microsoftonline.com/tenant/oauth2/v2.0/authorize?client_id=x";
        assert_eq!(
            location(see_other_to_provider(auth, entra)).as_deref(),
            Some(auth)
        );
        for bad in [
            "https://evil.example/authorize",
            "http://login.microsoftonline.com/tenant/authorize",
            "https://login.microsoftonline.com.evil.example/x",
            "//login.microsoftonline.com/x",
            "javascript:alert(1)",
        ] {
            assert_eq!(
                location(see_other_to_provider(bad, entra)).as_deref(),
                Some("/login"),
                "{bad}"
            );
        }
        // The tests' provider on this machine, on its own port only.
        let local = "http://127.0.0.1:4000";
        assert_eq!(
            location(see_other_to_provider(
                "http://127.0.0.1:4000/auth?x=1",
                local
            ))
            .as_deref(),
            Some("http://127.0.0.1:4000/auth?x=1")
        );
        assert_eq!(
            location(see_other_to_provider("http://127.0.0.1:4001/auth", local)).as_deref(),
            Some("/login")
        );
    }

    #[test]
    fn plain_paths_pass() {
        for ok in [
            "/",
            "/admin",
            "/admin/hoeringer/x?status=pending&side=2",
            "/hoeringer/integrationspolitik#b-abc",
            "/hoeringer/%C3%A6ldre",
        ] {
            assert_eq!(safe_target(ok), Some(ok), "{ok}");
        }
    }

    #[test]
    fn other_sites_and_tricks_are_refused() {
        for bad in [
            "",
            "admin",
            "//evil.example/x",
            "/\t/evil.example/x",
            "/\n/evil.example",
            "/%0A",
            "/\\evil.example",
            "\\\\evil.example",
            "https://evil.example",
            "/ok//evil",
            "/a b",
            "javascript:alert(1)",
        ] {
            // "/%0A" is a literal percent sign here (already decoded values never contain it
            // as a newline), so it is a harmless path; every other one must be refused.
            if bad == "/%0A" {
                assert_eq!(safe_target(bad), Some(bad));
                continue;
            }
            assert_eq!(safe_target(bad), None, "{bad:?}");
        }
        assert_eq!(safe_target(&format!("/{}", "a".repeat(MAX_TARGET))), None);
    }

    #[test]
    fn see_other_never_panics() {
        let r = see_other("/\n");
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        assert_eq!(r.headers()[header::LOCATION], "/");
    }

    #[test]
    fn query_encoding() {
        assert_eq!(
            encode_query("/admin/hoeringer/x?status=a&b"),
            "/admin/hoeringer/x%3Fstatus%3Da%26b"
        );
    }
}
