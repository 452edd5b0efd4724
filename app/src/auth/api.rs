//! The auth pages' server functions: each a thin call into the server's backend.

use crate::auth::CurrentUser;

#[cfg(feature = "ssr")]
use crate::api::ssr;
use leptos::prelude::*;

#[server(prefix = "/_fn", endpoint = "me")]
pub async fn get_current_user() -> Result<Option<CurrentUser>, ServerFnError> {
    ssr::user().await
}
