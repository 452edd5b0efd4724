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
    let backend = ssr::staff_backend(hoering::staff::Permission::ReadMail).await?;
    ssr::read(backend.outbox(recipient.as_deref(), page)).await
}

#[server(prefix = "/_fn", endpoint = "admin_outbox_message")]
pub async fn admin_outbox_message(id: i64) -> Result<Option<OutboxMessage>, ServerFnError> {
    let backend = ssr::staff_backend(hoering::staff::Permission::ReadMail).await?;
    ssr::read(backend.outbox_message(id)).await
}
