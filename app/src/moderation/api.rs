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
    ssr::require(hoering::staff::Permission::ReadAdmin).await?;
    ssr::backend()?
        .admin_hearing(&slug, status.as_deref(), tag, page)
        .await
        .map_err(ssr::opaque)
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
    ssr::require(hoering::staff::Permission::ReadAdmin).await?;
    ssr::backend()?
        .admin_block(
            &slug,
            &number,
            source.as_deref(),
            kind.as_deref(),
            tag,
            group,
        )
        .await
        .map_err(ssr::opaque)
}

/// The public's search of a hearing's draft and published input.
#[server(prefix = "/_fn", endpoint = "search")]
pub async fn search_hearing(slug: String, q: String) -> Result<Option<SearchView>, ServerFnError> {
    ssr::backend()?
        .search(&slug, &q, None)
        .await
        .map_err(ssr::opaque)
}

/// The clerk's search of everything in a hearing, with filters.
#[server(prefix = "/_fn", endpoint = "admin_search")]
pub async fn admin_search(
    slug: String,
    q: String,
    filters: SearchFilters,
) -> Result<Option<SearchView>, ServerFnError> {
    ssr::require(hoering::staff::Permission::ReadAdmin).await?;
    ssr::backend()?
        .search(&slug, &q, Some(filters))
        .await
        .map_err(ssr::opaque)
}

/// Where the debate was: staff who read the queue only.
#[server(prefix = "/_fn", endpoint = "admin_overview")]
pub async fn admin_overview(slug: String) -> Result<Option<HearingOverview>, ServerFnError> {
    ssr::require(hoering::staff::Permission::ReadAdmin).await?;
    ssr::backend()?.overview(&slug).await.map_err(ssr::opaque)
}

/// Campaigns and copies among a hearing's responses: staff who read the queue only.
#[server(prefix = "/_fn", endpoint = "admin_groups")]
pub async fn admin_groups(slug: String) -> Result<Option<AdminGroupsView>, ServerFnError> {
    ssr::require(hoering::staff::Permission::ReadAdmin).await?;
    ssr::backend()?
        .admin_groups(&slug)
        .await
        .map_err(ssr::opaque)
}

/// A redacted response's original text: clerks only, and each reading is journaled.
#[server(prefix = "/_fn", endpoint = "admin_original")]
pub async fn admin_response_original(id: i64) -> Result<Option<ResponseOriginal>, ServerFnError> {
    let user = ssr::require(hoering::staff::Permission::Moderate).await?;
    ssr::backend()?
        .read_original(id, &user.email)
        .await
        .map_err(ssr::opaque)
}
