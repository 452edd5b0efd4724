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
    ssr::read(ssr::backend()?.policies(query.as_deref())).await
}

#[server(prefix = "/_fn", endpoint = "policy")]
pub async fn get_policy(slug: String) -> Result<Option<PolicyView>, ServerFnError> {
    ssr::read(ssr::backend()?.policy(&slug)).await
}

#[server(prefix = "/_fn", endpoint = "admin_policy")]
pub async fn admin_policy(slug: String) -> Result<Option<PolicyAdminView>, ServerFnError> {
    let backend = ssr::staff_backend(hoering::staff::Permission::ReadAdmin).await?;
    ssr::read(backend.admin_policy(&slug)).await
}

#[server(prefix = "/_fn", endpoint = "admin_dashboard")]
pub async fn admin_dashboard() -> Result<Dashboard, ServerFnError> {
    let backend = ssr::staff_backend(hoering::staff::Permission::ReadAdmin).await?;
    ssr::read(backend.dashboard()).await
}

#[server(prefix = "/_fn", endpoint = "admin_templates")]
pub async fn admin_templates() -> Result<Vec<Template>, ServerFnError> {
    let backend = ssr::staff_backend(hoering::staff::Permission::ReadAdmin).await?;
    ssr::read(backend.templates()).await
}
