//! The response pages' server functions: each a thin call into the server's backend.

use crate::response::ReceiptView;
use crate::response::ResponsePage;

#[cfg(feature = "ssr")]
use crate::api::ssr;
use leptos::prelude::*;

#[server(prefix = "/_fn", endpoint = "responses")]
pub async fn get_responses(
    slug: String,
    block: Option<String>,
    page: u32,
) -> Result<Option<ResponsePage>, ServerFnError> {
    ssr::read(ssr::backend()?.responses(&slug, block.as_deref(), page)).await
}

#[server(prefix = "/_fn", endpoint = "receipt")]
pub async fn get_receipt(token: String) -> Result<Option<ReceiptView>, ServerFnError> {
    ssr::read(ssr::backend()?.receipt(&token)).await
}
