//! Who is asking: the member of staff behind a page's request.

use super::{SESSION_COOKIE, cookie_value, db::find_session};
use crate::backend::{DbBackend, fail};
use app::auth::CurrentUser;
use app::backend::{AuthReads, BackendError};

#[async_trait::async_trait]
impl AuthReads for DbBackend {
    async fn current_user(
        &self,
        request: &http::request::Parts,
    ) -> Result<Option<CurrentUser>, BackendError> {
        let Some(token) = cookie_value(&request.headers, SESSION_COOKIE) else {
            return Ok(None);
        };
        let session = find_session(&self.db.pool, token).await.map_err(fail)?;
        Ok(session.map(|s| CurrentUser {
            email: s.user.email,
            role: s.user.role,
            csrf: s.csrf,
        }))
    }
}
