//! The consultees pages' server functions: each a thin call into the server's backend.

use crate::consultees::PartyInvitation;

#[cfg(feature = "ssr")]
use crate::api::ssr;
use leptos::prelude::*;

/// A party's own page by the secret in its link.
#[server(prefix = "/_fn", endpoint = "party_invitation")]
pub async fn get_party_invitation(token: String) -> Result<Option<PartyInvitation>, ServerFnError> {
    ssr::read(ssr::backend()?.party_invitation(&token)).await
}
