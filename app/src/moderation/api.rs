//! The moderation pages' server functions: each a thin call into the server's backend.

use crate::moderation::AdminBlockView;
use crate::moderation::AdminGroupsView;
use crate::moderation::AdminHearingView;
use crate::moderation::HearingOverview;
use crate::moderation::ResponseOriginal;
use crate::moderation::SearchFilters;
use crate::moderation::SearchView;

#[cfg(feature = "ssr")]
use crate::api::ssr;
use leptos::prelude::*;

#[server(prefix = "/_fn", endpoint = "admin_hearing")]
pub async fn admin_hearing(
    slug: String,
    status: Option<String>,
    tag: Option<i64>,
    page: u32,
) -> Result<Option<AdminHearingView>, ServerFnError> {
    let backend = ssr::staff_backend(hoering::staff::Permission::ReadAdmin).await?;
    ssr::read(backend.admin_hearing(&slug, status.as_deref(), tag, page)).await
}

/// Everything said about one paragraph: staff who read the queue only.
#[server(prefix = "/_fn", endpoint = "admin_block")]
pub async fn admin_block(
    slug: String,
    number: String,
    source: Option<String>,
    kind: Option<String>,
    tag: Option<i64>,
    group: Option<i64>,
) -> Result<Option<AdminBlockView>, ServerFnError> {
    let backend = ssr::staff_backend(hoering::staff::Permission::ReadAdmin).await?;
    ssr::read(backend.admin_block(
        &slug,
        &number,
        source.as_deref(),
        kind.as_deref(),
        tag,
        group,
    ))
    .await
}

/// The public's search of a hearing's draft and published input.
#[server(prefix = "/_fn", endpoint = "search")]
pub async fn search_hearing(slug: String, q: String) -> Result<Option<SearchView>, ServerFnError> {
    ssr::read(ssr::backend()?.search(&slug, &q, None)).await
}

/// The clerk's search of everything in a hearing, with filters.
#[server(prefix = "/_fn", endpoint = "admin_search")]
pub async fn admin_search(
    slug: String,
    q: String,
    filters: SearchFilters,
) -> Result<Option<SearchView>, ServerFnError> {
    let backend = ssr::staff_backend(hoering::staff::Permission::ReadAdmin).await?;
    ssr::read(backend.search(&slug, &q, Some(filters))).await
}

/// Where the debate was: staff who read the queue only.
#[server(prefix = "/_fn", endpoint = "admin_overview")]
pub async fn admin_overview(slug: String) -> Result<Option<HearingOverview>, ServerFnError> {
    let backend = ssr::staff_backend(hoering::staff::Permission::ReadAdmin).await?;
    ssr::read(backend.overview(&slug)).await
}

/// Campaigns and copies among a hearing's responses: staff who read the queue only.
#[server(prefix = "/_fn", endpoint = "admin_groups")]
pub async fn admin_groups(slug: String) -> Result<Option<AdminGroupsView>, ServerFnError> {
    let backend = ssr::staff_backend(hoering::staff::Permission::ReadAdmin).await?;
    ssr::read(backend.admin_groups(&slug)).await
}

/// A redacted response's original text: clerks only, and each reading is journaled.
#[server(prefix = "/_fn", endpoint = "admin_original")]
pub async fn admin_response_original(id: i64) -> Result<Option<ResponseOriginal>, ServerFnError> {
    let user = ssr::require(hoering::staff::Permission::Moderate).await?;
    ssr::read(ssr::backend()?.read_original(id, &user.email)).await
}
