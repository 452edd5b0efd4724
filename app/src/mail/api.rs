//! The mail pages' server functions: each a thin call into the server's backend.

use crate::mail::OutboxMessage;
use crate::mail::OutboxView;

#[cfg(feature = "ssr")]
use crate::api::ssr;
use leptos::prelude::*;

#[server(prefix = "/_fn", endpoint = "admin_outbox")]
pub async fn admin_outbox(
    recipient: Option<String>,
    page: u32,
) -> Result<OutboxView, ServerFnError> {
    ssr::require(hoering::staff::Permission::ReadMail).await?;
    ssr::backend()?
        .outbox(recipient.as_deref(), page)
        .await
        .map_err(ssr::opaque)
}

#[server(prefix = "/_fn", endpoint = "admin_outbox_message")]
pub async fn admin_outbox_message(id: i64) -> Result<Option<OutboxMessage>, ServerFnError> {
    ssr::require(hoering::staff::Permission::ReadMail).await?;
    ssr::backend()?
        .outbox_message(id)
        .await
        .map_err(ssr::opaque)
}
