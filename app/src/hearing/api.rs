//! The hearing pages' server functions: each a thin call into the server's backend.

use crate::hearing::AdminHearingCard;
use crate::hearing::HearingCard;
use crate::hearing::HearingView;

#[cfg(feature = "ssr")]
use crate::api::ssr;
use leptos::prelude::*;

#[server(prefix = "/_fn", endpoint = "hearings")]
pub async fn list_hearings() -> Result<Vec<HearingCard>, ServerFnError> {
    ssr::read(ssr::backend()?.hearings()).await
}

#[server(prefix = "/_fn", endpoint = "hearing")]
pub async fn get_hearing(slug: String) -> Result<Option<HearingView>, ServerFnError> {
    ssr::read(ssr::backend()?.hearing(&slug)).await
}

#[server(prefix = "/_fn", endpoint = "block_text")]
pub async fn get_block_text(slug: String, number: String) -> Result<Option<String>, ServerFnError> {
    ssr::read(ssr::backend()?.block_text(&slug, &number)).await
}

#[server(prefix = "/_fn", endpoint = "admin_hearings")]
pub async fn admin_hearings() -> Result<Vec<AdminHearingCard>, ServerFnError> {
    let backend = ssr::staff_backend(hoering::staff::Permission::ReadAdmin).await?;
    ssr::read(backend.admin_hearings()).await
}
