//! The hearing pages' server functions: each a thin call into the server's backend.

use crate::hearing::AdminHearingCard;
use crate::hearing::HearingCard;
use crate::hearing::HearingView;

#[cfg(feature = "ssr")]
use crate::api::ssr;
use leptos::prelude::*;

#[server(prefix = "/_fn", endpoint = "hearings")]
pub async fn list_hearings() -> Result<Vec<HearingCard>, ServerFnError> {
    ssr::backend()?.hearings().await.map_err(ssr::opaque)
}

#[server(prefix = "/_fn", endpoint = "hearing")]
pub async fn get_hearing(slug: String) -> Result<Option<HearingView>, ServerFnError> {
    ssr::backend()?.hearing(&slug).await.map_err(ssr::opaque)
}

#[server(prefix = "/_fn", endpoint = "block_text")]
pub async fn get_block_text(slug: String, number: String) -> Result<Option<String>, ServerFnError> {
    ssr::backend()?
        .block_text(&slug, &number)
        .await
        .map_err(ssr::opaque)
}

#[server(prefix = "/_fn", endpoint = "admin_hearings")]
pub async fn admin_hearings() -> Result<Vec<AdminHearingCard>, ServerFnError> {
    ssr::require(hoering::staff::Permission::ReadAdmin).await?;
    ssr::backend()?.admin_hearings().await.map_err(ssr::opaque)
}
