//! Server functions: what pages load. Each one is a thin call into the server's [`Backend`].
//!
//! Writes (sending a response, logging in, moderating) are plain HTML form posts handled by the
//! server, so they work without JavaScript; these functions only read.

use crate::model::*;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
mod ssr {
    use crate::backend::{BackendError, SharedBackend};
    use leptos::prelude::*;

    pub fn backend() -> Result<SharedBackend, ServerFnError> {
        use_context::<SharedBackend>()
            .ok_or_else(|| ServerFnError::ServerError("no backend in context".into()))
    }

    /// Logs the cause and hands the browser an opaque error.
    pub fn opaque(err: BackendError) -> ServerFnError {
        tracing::error!(error = %err, "server function failed");
        ServerFnError::ServerError("internal error".into())
    }

    pub async fn user() -> Result<Option<crate::model::CurrentUser>, ServerFnError> {
        let parts = use_context::<http::request::Parts>();
        match parts {
            Some(parts) => backend()?.current_user(&parts).await.map_err(opaque),
            None => Ok(None),
        }
    }

    /// Staff-only functions answer `401` to anyone without a session and `403` to a role that
    /// may not do `what`.
    pub async fn require(
        what: hoering::staff::Permission,
    ) -> Result<crate::model::CurrentUser, ServerFnError> {
        let refuse = |status: http::StatusCode, why: &str| {
            if let Some(opts) = use_context::<leptos_axum::ResponseOptions>() {
                opts.set_status(status);
            }
            ServerFnError::ServerError(why.into())
        };
        match user().await? {
            Some(u) if u.role.may(what) => Ok(u),
            Some(_) => Err(refuse(http::StatusCode::FORBIDDEN, "forbidden")),
            None => Err(refuse(http::StatusCode::UNAUTHORIZED, "unauthorized")),
        }
    }
}

#[server(prefix = "/_fn", endpoint = "hearings")]
pub async fn list_hearings() -> Result<Vec<HearingCard>, ServerFnError> {
    ssr::backend()?.hearings().await.map_err(ssr::opaque)
}

#[server(prefix = "/_fn", endpoint = "hearing")]
pub async fn get_hearing(slug: String) -> Result<Option<HearingView>, ServerFnError> {
    ssr::backend()?.hearing(&slug).await.map_err(ssr::opaque)
}

#[server(prefix = "/_fn", endpoint = "block_text")]
pub async fn get_block_text(slug: String, number: String) -> Result<Option<String>, ServerFnError> {
    ssr::backend()?
        .block_text(&slug, &number)
        .await
        .map_err(ssr::opaque)
}

#[server(prefix = "/_fn", endpoint = "responses")]
pub async fn get_responses(
    slug: String,
    block: Option<String>,
    page: u32,
) -> Result<Option<ResponsePage>, ServerFnError> {
    ssr::backend()?
        .responses(&slug, block.as_deref(), page)
        .await
        .map_err(ssr::opaque)
}

#[server(prefix = "/_fn", endpoint = "version")]
pub async fn get_version(slug: String, number: i64) -> Result<Option<VersionView>, ServerFnError> {
    ssr::backend()?
        .version(&slug, number)
        .await
        .map_err(ssr::opaque)
}

#[server(prefix = "/_fn", endpoint = "carried")]
pub async fn get_carried(
    slug: String,
    number: i64,
    block: Option<String>,
    page: u32,
) -> Result<Option<CarriedPage>, ServerFnError> {
    ssr::backend()?
        .carried(&slug, number, block.as_deref(), page)
        .await
        .map_err(ssr::opaque)
}

#[server(prefix = "/_fn", endpoint = "changes")]
pub async fn get_changes(
    slug: String,
    from: Option<i64>,
    to: Option<i64>,
) -> Result<Option<ChangesView>, ServerFnError> {
    ssr::backend()?
        .changes(&slug, from, to)
        .await
        .map_err(ssr::opaque)
}

#[server(prefix = "/_fn", endpoint = "receipt")]
pub async fn get_receipt(token: String) -> Result<Option<ReceiptView>, ServerFnError> {
    ssr::backend()?.receipt(&token).await.map_err(ssr::opaque)
}

#[server(prefix = "/_fn", endpoint = "me")]
pub async fn get_current_user() -> Result<Option<CurrentUser>, ServerFnError> {
    ssr::user().await
}

#[server(prefix = "/_fn", endpoint = "admin_hearings")]
pub async fn admin_hearings() -> Result<Vec<AdminHearingCard>, ServerFnError> {
    ssr::require(hoering::staff::Permission::ReadAdmin).await?;
    ssr::backend()?.admin_hearings().await.map_err(ssr::opaque)
}

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

#[server(prefix = "/_fn", endpoint = "latest_text")]
pub async fn admin_latest_text(slug: String) -> Result<Option<(i64, String)>, ServerFnError> {
    ssr::require(hoering::staff::Permission::AddVersion).await?;
    ssr::backend()?
        .latest_text(&slug)
        .await
        .map_err(ssr::opaque)
}

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

#[server(prefix = "/_fn", endpoint = "meeting")]
pub async fn get_meeting(
    id: i64,
    invitation: Option<String>,
) -> Result<Option<MeetingView>, ServerFnError> {
    ssr::backend()?
        .meeting(id, invitation.as_deref())
        .await
        .map_err(ssr::opaque)
}

#[server(prefix = "/_fn", endpoint = "policy_meetings")]
pub async fn policy_meetings(slug: String) -> Result<Vec<MeetingCard>, ServerFnError> {
    ssr::backend()?
        .policy_meetings(&slug)
        .await
        .map_err(ssr::opaque)
}

#[server(prefix = "/_fn", endpoint = "upcoming_meetings")]
pub async fn upcoming_meetings() -> Result<Vec<MeetingCard>, ServerFnError> {
    ssr::backend()?
        .upcoming_meetings()
        .await
        .map_err(ssr::opaque)
}

/// A sign-up by the secret in its link: whoever holds the link may see and cancel it.
#[server(prefix = "/_fn", endpoint = "signup")]
pub async fn get_signup(token: String) -> Result<Option<SignupView>, ServerFnError> {
    ssr::backend()?.signup(&token).await.map_err(ssr::opaque)
}

#[server(prefix = "/_fn", endpoint = "admin_meeting")]
pub async fn admin_meeting(id: i64) -> Result<Option<AdminMeetingView>, ServerFnError> {
    ssr::require(hoering::staff::Permission::ManageMeetings).await?;
    ssr::backend()?.admin_meeting(id).await.map_err(ssr::opaque)
}

/// A party's own page by the secret in its link.
#[server(prefix = "/_fn", endpoint = "party_invitation")]
pub async fn get_party_invitation(token: String) -> Result<Option<PartyInvitation>, ServerFnError> {
    ssr::backend()?
        .party_invitation(&token)
        .await
        .map_err(ssr::opaque)
}

#[server(prefix = "/_fn", endpoint = "admin_councils")]
pub async fn admin_councils() -> Result<Vec<CouncilView>, ServerFnError> {
    ssr::require(hoering::staff::Permission::ManageCouncils).await?;
    ssr::backend()?.councils().await.map_err(ssr::opaque)
}

/// The logged-in user's councils; anyone without a session is refused.
#[server(prefix = "/_fn", endpoint = "council_home")]
pub async fn get_council_home() -> Result<CouncilHome, ServerFnError> {
    let Some(user) = ssr::user().await? else {
        if let Some(opts) = use_context::<leptos_axum::ResponseOptions>() {
            opts.set_status(http::StatusCode::UNAUTHORIZED);
        }
        return Err(ServerFnError::ServerError("unauthorized".into()));
    };
    ssr::backend()?
        .council_home(&user.email)
        .await
        .map_err(ssr::opaque)
}

/// A council's workspace: its members' and the clerks' only, until the chair publishes it;
/// then anyone's.
#[server(prefix = "/_fn", endpoint = "council_workspace")]
pub async fn get_council_workspace(
    slug: String,
    council: String,
) -> Result<Option<CouncilWorkspace>, ServerFnError> {
    let refuse = |status: http::StatusCode, why: &str| {
        if let Some(opts) = use_context::<leptos_axum::ResponseOptions>() {
            opts.set_status(status);
        }
        ServerFnError::ServerError(why.into())
    };
    let user = ssr::user().await?;
    let email = user.as_ref().map(|u| u.email.as_str());
    let backend = ssr::backend()?;
    if !backend
        .may_read_round(email, &slug, &council)
        .await
        .map_err(ssr::opaque)?
    {
        return Err(match user {
            None => refuse(http::StatusCode::UNAUTHORIZED, "unauthorized"),
            Some(_) => refuse(http::StatusCode::FORBIDDEN, "forbidden"),
        });
    }
    backend
        .council_workspace(email, &slug, &council)
        .await
        .map_err(ssr::opaque)
}

/// One of our languages by its code (`da`, `en`, `ar`, `uk`); Danish for anything else.
#[cfg(feature = "ssr")]
fn locale_of(code: &str) -> crate::i18n::Locale {
    crate::messages::locale_by_code(code).unwrap_or(crate::i18n::Locale::da)
}

/// The clerks' høringsnotat page: bemærkninger, approvals, publication, downloads.
#[server(prefix = "/_fn", endpoint = "admin_notat")]
pub async fn admin_notat(slug: String) -> Result<Option<AdminNotatView>, ServerFnError> {
    let user = ssr::require(hoering::staff::Permission::ReadAdmin).await?;
    ssr::backend()?
        .admin_notat(&slug, &user.email)
        .await
        .map_err(ssr::opaque)
}

#[server(prefix = "/_fn", endpoint = "remark_editor")]
pub async fn remark_editor(
    slug: String,
    response: Option<i64>,
    group: bool,
    remark: Option<i64>,
) -> Result<Option<RemarkEditorView>, ServerFnError> {
    let user = ssr::require(hoering::staff::Permission::Moderate).await?;
    ssr::backend()?
        .remark_editor(&slug, response, group, remark, &user.email)
        .await
        .map_err(ssr::opaque)
}

/// The published høringsnotat (public; empty until the bemærkninger are published).
#[server(prefix = "/_fn", endpoint = "hearing_notat")]
pub async fn hearing_notat(
    slug: String,
    locale: String,
) -> Result<Option<NotatView>, ServerFnError> {
    ssr::backend()?
        .notat(&slug, locale_of(&locale), false)
        .await
        .map_err(ssr::opaque)
}

/// "I sagde – vi gjorde": what was said, what changed, and the answers once published.
#[server(prefix = "/_fn", endpoint = "hearing_result")]
pub async fn hearing_result(
    slug: String,
    locale: String,
) -> Result<Option<ResultView>, ServerFnError> {
    ssr::backend()?
        .result(&slug, locale_of(&locale))
        .await
        .map_err(ssr::opaque)
}
