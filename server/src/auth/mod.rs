//! Staff accounts, passwords, sessions and CSRF tokens.
//!
//! Citizens never log in. Staff sessions live in the database (so several servers can share
//! them); the browser holds only a random token in an HttpOnly, SameSite cookie.

pub mod db;
pub mod forms;
pub mod pages;
pub mod password;

use crate::state::AppState;
pub use crate::token::{constant_time_eq, hash_token, random_token};
use crate::web::error::WebError;
use http::HeaderMap;

pub const SESSION_COOKIE: &str = "hoering_session";
/// Sessions last a working day and a bit; staff log in again the next morning.
pub const SESSION_SECONDS: i64 = 12 * 60 * 60;

pub use hoering::staff::{Permission, Role};

/// The member of staff behind a request: a session cookie, or a redirect to the login page and
/// back to `next`. A form's CSRF token is not checked here: the security layer checks it for
/// every unsafe request in a session's name before any handler runs
/// (`web::security::check_csrf`), so no handler can forget it.
pub async fn require_session(
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

/// [`require_session`], and a role that may do `what`. Every staff form calls this first.
pub async fn require_staff(
    state: &AppState,
    headers: &HeaderMap,
    what: Permission,
    next: &str,
) -> Result<db::Session, WebError> {
    let session = require_session(state, headers, next).await?;
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
