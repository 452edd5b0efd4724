//! The meeting pages' server functions: each a thin call into the server's backend.

use crate::meeting::AdminMeetingView;
use crate::meeting::MeetingCard;
use crate::meeting::MeetingView;
use crate::meeting::SignupView;

#[cfg(feature = "ssr")]
use crate::api::ssr;
use leptos::prelude::*;

#[server(prefix = "/_fn", endpoint = "meeting")]
pub async fn get_meeting(
    id: i64,
    invitation: Option<String>,
) -> Result<Option<MeetingView>, ServerFnError> {
    ssr::read(ssr::backend()?.meeting(id, invitation.as_deref())).await
}

#[server(prefix = "/_fn", endpoint = "policy_meetings")]
pub async fn policy_meetings(slug: String) -> Result<Vec<MeetingCard>, ServerFnError> {
    ssr::read(ssr::backend()?.policy_meetings(&slug)).await
}

#[server(prefix = "/_fn", endpoint = "upcoming_meetings")]
pub async fn upcoming_meetings() -> Result<Vec<MeetingCard>, ServerFnError> {
    ssr::read(ssr::backend()?.upcoming_meetings()).await
}

/// A sign-up by the secret in its link: whoever holds the link may see and cancel it.
#[server(prefix = "/_fn", endpoint = "signup")]
pub async fn get_signup(token: String) -> Result<Option<SignupView>, ServerFnError> {
    ssr::read(ssr::backend()?.signup(&token)).await
}

#[server(prefix = "/_fn", endpoint = "admin_meeting")]
pub async fn admin_meeting(id: i64) -> Result<Option<AdminMeetingView>, ServerFnError> {
    let backend = ssr::staff_backend(hoering::staff::Permission::ManageMeetings).await?;
    ssr::read(backend.admin_meeting(id)).await
}
