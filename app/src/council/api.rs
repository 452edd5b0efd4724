//! The council pages' server functions: each a thin call into the server's backend.

use crate::council::CouncilHome;
use crate::council::CouncilView;
use crate::council::CouncilWorkspace;

#[cfg(feature = "ssr")]
use crate::api::ssr;
use leptos::prelude::*;

#[server(prefix = "/_fn", endpoint = "admin_councils")]
pub async fn admin_councils() -> Result<Vec<CouncilView>, ServerFnError> {
    let backend = ssr::staff_backend(hoering::staff::Permission::ManageCouncils).await?;
    ssr::read(backend.councils()).await
}

/// The logged-in user's councils; anyone without a session is refused.
#[server(prefix = "/_fn", endpoint = "council_home")]
pub async fn get_council_home() -> Result<CouncilHome, ServerFnError> {
    let Some(user) = ssr::user().await? else {
        return Err(ssr::refuse(http::StatusCode::UNAUTHORIZED, "unauthorized"));
    };
    ssr::read(ssr::backend()?.council_home(&user.email)).await
}

/// A council's workspace: its members' and the clerks' only, until the chair publishes it;
/// then anyone's.
#[server(prefix = "/_fn", endpoint = "council_workspace")]
pub async fn get_council_workspace(
    slug: String,
    council: String,
) -> Result<Option<CouncilWorkspace>, ServerFnError> {
    let user = ssr::user().await?;
    let email = user.as_ref().map(|u| u.email.as_str());
    let backend = ssr::backend()?;
    if !ssr::read(backend.may_read_round(email, &slug, &council)).await? {
        return Err(match user {
            None => ssr::refuse(http::StatusCode::UNAUTHORIZED, "unauthorized"),
            Some(_) => ssr::refuse(http::StatusCode::FORBIDDEN, "forbidden"),
        });
    }
    ssr::read(backend.council_workspace(email, &slug, &council)).await
}
