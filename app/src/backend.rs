//! The seam between the UI's server functions and the server's database.
//!
//! `app` cannot depend on `server` (the server depends on the app), so the server implements this
//! trait and provides it to every request as context; server functions stay thin.

use crate::auth::CurrentUser;
use crate::consultees::PartyInvitation;
use crate::council::CouncilHome;
use crate::council::CouncilView;
use crate::council::CouncilWorkspace;
use crate::hearing::AdminHearingCard;
use crate::hearing::HearingCard;
use crate::hearing::HearingView;
use crate::mail::OutboxMessage;
use crate::mail::OutboxView;
use crate::meeting::AdminMeetingView;
use crate::meeting::MeetingCard;
use crate::meeting::MeetingView;
use crate::meeting::SignupView;
use crate::moderation::AdminBlockView;
use crate::moderation::AdminGroupsView;
use crate::moderation::AdminHearingView;
use crate::moderation::HearingOverview;
use crate::moderation::ResponseOriginal;
use crate::moderation::SearchFilters;
use crate::moderation::SearchView;
use crate::notat::AdminNotatView;
use crate::notat::NotatView;
use crate::notat::RemarkEditorView;
use crate::notat::ResultView;
use crate::policy::Dashboard;
use crate::policy::PolicyAdminView;
use crate::policy::PolicyCard;
use crate::policy::PolicyView;
use crate::response::ReceiptView;
use crate::response::ResponsePage;
use crate::version::CarriedPage;
use crate::version::ChangesView;
use crate::version::VersionView;
use hoering::process::Template;
use std::sync::Arc;

/// Something went wrong below the UI; the details go to the log, the user sees a generic message.
#[derive(Debug, thiserror::Error)]
#[error("backend failure: {0}")]
pub struct BackendError(pub String);

/// Reading hearings and their drafts.
#[async_trait::async_trait]
pub trait HearingReads: Send + Sync {
    async fn hearings(&self) -> Result<Vec<HearingCard>, BackendError>;
    async fn hearing(&self, slug: &str) -> Result<Option<HearingView>, BackendError>;
    /// The plain text of block `number` of the hearing's draft, for the browser's quote check.
    async fn block_text(&self, slug: &str, number: &str) -> Result<Option<String>, BackendError>;
}

/// Reading responses: the public lists, a sender's receipt, the clerk's moderation views.
#[async_trait::async_trait]
pub trait ResponseReads: Send + Sync {
    /// Published responses under one block (`Some("2.3.1")`) or on the whole draft (`None`).
    async fn responses(
        &self,
        slug: &str,
        block: Option<&str>,
        page: u32,
    ) -> Result<Option<ResponsePage>, BackendError>;
    async fn receipt(&self, token: &str) -> Result<Option<ReceiptView>, BackendError>;
    async fn admin_hearings(&self) -> Result<Vec<AdminHearingCard>, BackendError>;
    /// The clerk's queue, filtered by status and (with `tag`) by a tag's id.
    async fn admin_hearing(
        &self,
        slug: &str,
        status: Option<&str>,
        tag: Option<i64>,
        page: u32,
    ) -> Result<Option<AdminHearingView>, BackendError>;
    /// Everything said about block `number` of the hearing, filtered by source (`svar`,
    /// `moede`, `raad`) and respondent type.
    async fn admin_block(
        &self,
        slug: &str,
        number: &str,
        source: Option<&str>,
        kind: Option<&str>,
        tag: Option<i64>,
        group: Option<i64>,
    ) -> Result<Option<AdminBlockView>, BackendError>;
    /// Searches a hearing: `filters` is `None` for the public (published input only).
    async fn search(
        &self,
        slug: &str,
        query: &str,
        filters: Option<SearchFilters>,
    ) -> Result<Option<SearchView>, BackendError>;
    /// Counts per paragraph and per respondent type, for the clerk's overview.
    async fn overview(&self, slug: &str) -> Result<Option<HearingOverview>, BackendError>;
    /// The hearing's groups of identical and near-identical responses.
    async fn admin_groups(&self, slug: &str) -> Result<Option<AdminGroupsView>, BackendError>;
    /// A redacted response's original text for the clerk with this e-mail; the reading is
    /// journaled before anything is returned.
    async fn read_original(
        &self,
        id: i64,
        reader: &str,
    ) -> Result<Option<ResponseOriginal>, BackendError>;
}

/// Reading versions of a policy's text and what changed between them.
#[async_trait::async_trait]
pub trait VersionReads: Send + Sync {
    /// Version `number` of the hearing's policy, with input from earlier versions anchored.
    async fn version(&self, slug: &str, number: i64) -> Result<Option<VersionView>, BackendError>;
    /// One page of the published input placed on block `block` of version `number`, or (with
    /// `None`) of the input whose words that version removed.
    async fn carried(
        &self,
        slug: &str,
        number: i64,
        block: Option<&str>,
        page: u32,
    ) -> Result<Option<CarriedPage>, BackendError>;
    /// The changes from version `from` to version `to` (by default: the hearing's text to the
    /// newest version).
    async fn changes(
        &self,
        slug: &str,
        from: Option<i64>,
        to: Option<i64>,
    ) -> Result<Option<ChangesView>, BackendError>;
    /// The newest version of the hearing's policy: its number and Markdown, for the clerk to edit.
    async fn latest_text(&self, slug: &str) -> Result<Option<(i64, String)>, BackendError>;
}

/// Reading policies and their roads.
#[async_trait::async_trait]
pub trait PolicyReads: Send + Sync {
    /// Every policy whose title or committee contains `query` (all without one).
    async fn policies(&self, query: Option<&str>) -> Result<Vec<PolicyCard>, BackendError>;
    async fn policy(&self, slug: &str) -> Result<Option<PolicyView>, BackendError>;
    async fn admin_policy(&self, slug: &str) -> Result<Option<PolicyAdminView>, BackendError>;
    async fn dashboard(&self) -> Result<Dashboard, BackendError>;
    /// The newest version of every process template.
    async fn templates(&self) -> Result<Vec<Template>, BackendError>;
}

/// Reading dialogue meetings.
#[async_trait::async_trait]
pub trait MeetingReads: Send + Sync {
    /// A meeting's public page; `invitation` is the secret of its invitation link, if the
    /// reader came by it.
    async fn meeting(
        &self,
        id: i64,
        invitation: Option<&str>,
    ) -> Result<Option<MeetingView>, BackendError>;
    /// The meetings of a policy, in the order they take place.
    async fn policy_meetings(&self, slug: &str) -> Result<Vec<MeetingCard>, BackendError>;
    /// Meetings that have not begun, soonest first.
    async fn upcoming_meetings(&self) -> Result<Vec<MeetingCard>, BackendError>;
    async fn signup(&self, token: &str) -> Result<Option<SignupView>, BackendError>;
    async fn admin_meeting(&self, id: i64) -> Result<Option<AdminMeetingView>, BackendError>;
}

/// Reading a party's own page of the høringsliste (whoever holds its link).
#[async_trait::async_trait]
pub trait PartyReads: Send + Sync {
    async fn party_invitation(&self, token: &str) -> Result<Option<PartyInvitation>, BackendError>;
}

/// Reading the councils and their members.
#[async_trait::async_trait]
pub trait CouncilReads: Send + Sync {
    async fn councils(&self) -> Result<Vec<CouncilView>, BackendError>;
    /// The start page of the staff user with this e-mail.
    async fn council_home(&self, email: &str) -> Result<CouncilHome, BackendError>;
    /// A council's workspace on a hearing as the reader may see it: a staff user by e-mail,
    /// or `None` for a reader without a session (who sees it only once published).
    /// `Ok(None)` when there is no such round, `Err` never for a refusal (the server function
    /// asks [`CouncilReads::may_read_round`] first).
    async fn council_workspace(
        &self,
        email: Option<&str>,
        slug: &str,
        council: &str,
    ) -> Result<Option<CouncilWorkspace>, BackendError>;
    /// Whether the reader (as for [`CouncilReads::council_workspace`]) may read the council's
    /// discussion on the hearing.
    async fn may_read_round(
        &self,
        email: Option<&str>,
        slug: &str,
        council: &str,
    ) -> Result<bool, BackendError>;
}

/// Reading the outbox.
#[async_trait::async_trait]
pub trait MailReads: Send + Sync {
    async fn outbox(&self, recipient: Option<&str>, page: u32) -> Result<OutboxView, BackendError>;
    async fn outbox_message(&self, id: i64) -> Result<Option<OutboxMessage>, BackendError>;
}

/// The høringsnotat, its bemærkninger and the hearing's result.
#[async_trait::async_trait]
pub trait NotatReads: Send + Sync {
    /// The clerk's page; `reader` is the clerk's e-mail (their own remarks they cannot approve).
    async fn admin_notat(
        &self,
        slug: &str,
        reader: &str,
    ) -> Result<Option<AdminNotatView>, BackendError>;
    /// The editor for a remark on a response (`group`: on its whole campaign group), or for
    /// an existing remark.
    async fn remark_editor(
        &self,
        slug: &str,
        response: Option<i64>,
        group: bool,
        remark: Option<i64>,
        reader: &str,
    ) -> Result<Option<RemarkEditorView>, BackendError>;
    /// The notat in `locale`; `preview` (clerks only) shows unpublished bemærkninger too.
    async fn notat(
        &self,
        slug: &str,
        locale: crate::i18n::Locale,
        preview: bool,
    ) -> Result<Option<NotatView>, BackendError>;
    async fn result(
        &self,
        slug: &str,
        locale: crate::i18n::Locale,
    ) -> Result<Option<ResultView>, BackendError>;
    /// Edition `number` of the published notat (`None`: the latest) as stored when it was
    /// published, with the list of editions; `None` for an unknown hearing or edition.
    async fn edition(
        &self,
        slug: &str,
        number: Option<i64>,
    ) -> Result<Option<crate::notat::edition::EditionPage>, BackendError>;
}

/// Who is asking.
#[async_trait::async_trait]
pub trait AuthReads: Send + Sync {
    /// The member of staff whose session cookie came with this request.
    async fn current_user(
        &self,
        request: &http::request::Parts,
    ) -> Result<Option<CurrentUser>, BackendError>;
}

/// Declares `Backend` as all the read traits it is given and implements it for anything that
/// implements them all, so the list of capabilities is written once.
macro_rules! backend_of {
    ($($reads:ident),+ $(,)?) => {
        /// Everything the pages read; the server implements each part in its capability's
        /// folder.
        pub trait Backend: $($reads +)+ 'static {}

        impl<T: $($reads +)+ 'static> Backend for T {}
    };
}

backend_of!(
    HearingReads,
    ResponseReads,
    VersionReads,
    PolicyReads,
    MeetingReads,
    PartyReads,
    CouncilReads,
    MailReads,
    NotatReads,
    AuthReads,
);

/// The backend as request context.
pub type SharedBackend = Arc<dyn Backend>;
