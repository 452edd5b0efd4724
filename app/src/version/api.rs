//! The version pages' server functions: each a thin call into the server's backend.

use crate::version::CarriedPage;
use crate::version::ChangesView;
use crate::version::VersionView;

#[cfg(feature = "ssr")]
use crate::api::ssr;
use leptos::prelude::*;

#[server(prefix = "/_fn", endpoint = "version")]
pub async fn get_version(slug: String, number: i64) -> Result<Option<VersionView>, ServerFnError> {
    ssr::read(ssr::backend()?.version(&slug, number)).await
}

#[server(prefix = "/_fn", endpoint = "carried")]
pub async fn get_carried(
    slug: String,
    number: i64,
    block: Option<String>,
    page: u32,
) -> Result<Option<CarriedPage>, ServerFnError> {
    ssr::read(ssr::backend()?.carried(&slug, number, block.as_deref(), page)).await
}

#[server(prefix = "/_fn", endpoint = "changes")]
pub async fn get_changes(
    slug: String,
    from: Option<i64>,
    to: Option<i64>,
) -> Result<Option<ChangesView>, ServerFnError> {
    ssr::read(ssr::backend()?.changes(&slug, from, to)).await
}

#[server(prefix = "/_fn", endpoint = "latest_text")]
pub async fn admin_latest_text(slug: String) -> Result<Option<(i64, String)>, ServerFnError> {
    let backend = ssr::staff_backend(hoering::staff::Permission::AddVersion).await?;
    ssr::read(backend.latest_text(&slug)).await
}
