//! The policy pages' server functions: each a thin call into the server's backend.

use crate::policy::Dashboard;
use crate::policy::PolicyAdminView;
use crate::policy::PolicyCard;
use crate::policy::PolicyView;
use hoering::process::Template;

#[cfg(feature = "ssr")]
use crate::api::ssr;
use leptos::prelude::*;

#[server(prefix = "/_fn", endpoint = "policies")]
pub async fn list_policies(query: Option<String>) -> Result<Vec<PolicyCard>, ServerFnError> {
    ssr::backend()?
        .policies(query.as_deref())
        .await
        .map_err(ssr::opaque)
}

#[server(prefix = "/_fn", endpoint = "policy")]
pub async fn get_policy(slug: String) -> Result<Option<PolicyView>, ServerFnError> {
    ssr::backend()?.policy(&slug).await.map_err(ssr::opaque)
}

#[server(prefix = "/_fn", endpoint = "admin_policy")]
pub async fn admin_policy(slug: String) -> Result<Option<PolicyAdminView>, ServerFnError> {
    ssr::require(hoering::staff::Permission::ReadAdmin).await?;
    ssr::backend()?
        .admin_policy(&slug)
        .await
        .map_err(ssr::opaque)
}

#[server(prefix = "/_fn", endpoint = "admin_dashboard")]
pub async fn admin_dashboard() -> Result<Dashboard, ServerFnError> {
    ssr::require(hoering::staff::Permission::ReadAdmin).await?;
    ssr::backend()?.dashboard().await.map_err(ssr::opaque)
}

#[server(prefix = "/_fn", endpoint = "admin_templates")]
pub async fn admin_templates() -> Result<Vec<Template>, ServerFnError> {
    ssr::require(hoering::staff::Permission::ReadAdmin).await?;
    ssr::backend()?.templates().await.map_err(ssr::opaque)
}
