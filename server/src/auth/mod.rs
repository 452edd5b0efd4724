//! Staff accounts, passwords, sign-in through the municipality's identity provider, sessions and
//! CSRF tokens.
//!
//! Citizens never log in. Staff sessions live in the database (so several servers can share
//! them); the browser holds only a random token in an HttpOnly, SameSite cookie.

pub mod db;
pub mod forms;
pub mod oidc;
pub mod pages;
pub mod password;

use crate::state::AppState;
pub use crate::token::{constant_time_eq, hash_token, random_token};
use crate::web::error::WebError;
use axum::extract::FromRequestParts;
use axum::response::Response;
use http::HeaderMap;
use http::Method;
use http::request::Parts;

pub const SESSION_COOKIE: &str = "hoering_session";
/// Sessions last a working day and a bit; staff log in again the next morning.
pub const SESSION_SECONDS: i64 = 12 * 60 * 60;

pub use hoering::staff::{Permission, Role};

/// The member of staff behind a request: a session cookie, or a redirect to the login page and
/// back to `next`. A form's CSRF token is not checked here: the security layer checks it for
/// every unsafe request in a session's name before any handler runs
/// (`web::security::check_csrf`), so no handler can forget it.
async fn require_session(
    state: &AppState,
    headers: &HeaderMap,
    next: &str,
) -> Result<db::Session, WebError> {
    let login = || WebError::LoginRequired {
        next: next.to_string(),
    };
    let token = cookie_value(headers, SESSION_COOKIE).ok_or_else(login)?;
    let session = db::find_session(&state.db.pool, token)
        .await?
        .ok_or_else(login)?;
    Ok(session)
}

/// The member of staff behind a request, as a handler's argument: the session is read before
/// the handler runs and before its form is read, and a request without one goes to the login
/// page and back (to the page itself for a read, to the page the form was on for a post). The
/// role is checked for the handler's action with [`Staff::may`]; the form's CSRF token was
/// checked by the security layer for every unsafe request in a session's name
/// (`web::security::check_csrf`). Every handler in a staff member's name takes one.
pub struct Staff(db::Session);

impl FromRequestParts<AppState> for Staff {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Response> {
        let next = if parts.method == Method::GET || parts.method == Method::HEAD {
            parts
                .uri
                .path_and_query()
                .and_then(|p| crate::web::redirect::safe_target(p.as_str()))
                .map(str::to_string)
        } else {
            crate::web::redirect::referring_page(&parts.headers)
        };
        let next = next.unwrap_or_else(|| "/admin".to_string());
        match require_session(state, &parts.headers, &next).await {
            Ok(session) => Ok(Staff(session)),
            Err(refusal) => Err(refusal.respond(state, &parts.headers).await),
        }
    }
}

impl Staff {
    /// The session, when its role may do `what`; a `403` otherwise.
    pub fn may(self, what: Permission) -> Result<db::Session, WebError> {
        let session = self.0;
        if !session.user.role.may(what) {
            tracing::warn!(
                user = session.user.id,
                role = session.user.role.as_str(),
                ?what,
                "refused: role"
            );
            return Err(WebError::forbidden());
        }
        Ok(session)
    }

    /// The session of anyone signed in (a council member's own pages check their seat).
    pub fn session(self) -> db::Session {
        self.0
    }
}

/// Reads one cookie's value from a `Cookie` header.
pub fn cookie_value<'a>(headers: &'a http::HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_random_and_hashed() {
        let a = random_token().unwrap();
        let b = random_token().unwrap();
        assert_ne!(a, b);
        assert_eq!(a.len(), 64);
        assert_ne!(hash_token(&a), a);
        assert_eq!(hash_token(&a), hash_token(&a));
    }

    #[test]
    fn cookie_is_found_among_others() {
        let mut h = http::HeaderMap::new();
        h.insert(
            http::header::COOKIE,
            "a=1; hoering_session=abc; b=2".parse().unwrap(),
        );
        assert_eq!(cookie_value(&h, SESSION_COOKIE), Some("abc"));
        assert_eq!(cookie_value(&h, "c"), None);
    }

    #[test]
    fn constant_time_compare() {
        assert!(constant_time_eq("abc", "abc"));
        assert!(!constant_time_eq("abc", "abd"));
        assert!(!constant_time_eq("abc", "ab"));
    }
}
