//! The values pages show, as they travel from the server to the browser.
//!
//! These are view models: already filtered for what the viewer may see (a public response never
//! carries an e-mail address), with dates as ISO strings the UI formats in the reader's language.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub use hoering::document::BlockKind;
pub use hoering::hearing::HearingState;
pub use hoering::response::{ModerationStatus, Publication, SenderKind};

/// One hearing in a list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HearingCard {
    pub slug: String,
    pub title: String,
    pub committee: String,
    pub state: HearingState,
    /// First day of the hearing, `YYYY-MM-DD` in Copenhagen time.
    pub opens: String,
    /// Last day (the deadline), `YYYY-MM-DD` in Copenhagen time.
    pub closes: String,
    /// Whole days left until the deadline while the hearing is open (0 on the last day).
    pub days_left: Option<i64>,
    pub published_responses: i64,
}

/// A hearing with its draft, as the public reads it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HearingView {
    pub card: HearingCard,
    /// The policy the hearing is a step of (its page: `/politikker/{policy_slug}`).
    pub policy_slug: String,
    pub contact: String,
    pub version_label: String,
    pub sections: Vec<SectionView>,
    pub footnotes: Vec<BlockView>,
    /// Published responses on the draft as a whole (not on one block).
    pub whole_draft_responses: i64,
    /// Every version of the policy's text, oldest first.
    pub versions: Vec<VersionInfo>,
    /// The høringsliste as Danish practice publishes it: organisations and their kind only.
    pub consultees: Vec<hoering::consultees::PublicParty>,
    /// Councils that have published their discussion of this draft: name and the room's path.
    #[serde(default)]
    pub published_discussions: Vec<(String, String)>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SectionView {
    pub number: u32,
    pub level: u8,
    pub heading: String,
    pub blocks: Vec<BlockView>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BlockView {
    pub id: String,
    /// The citable number, e.g. `2.3` or `2.3.1` (a list item) or `n1` (a footnote).
    pub number: String,
    pub kind: BlockKind,
    /// Sanitised HTML of the block's content, made by the domain core.
    pub html: String,
    pub published_responses: i64,
}

/// A published response as the public may see it, according to its consent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct PublicResponse {
    pub receipt_number: String,
    /// `YYYY-MM-DD` in Copenhagen time.
    pub submitted_on: String,
    /// The sender's name, only when they consented to publication with name.
    pub author: Option<String>,
    /// The organisation's name, only when published with name.
    pub organisation: Option<String>,
    pub sender_kind: SenderKind,
    pub block_number: Option<String>,
    /// The words of the block the response is about, if the sender quoted them.
    pub quote: Option<String>,
    pub text: String,
    /// A written høringssvar, or input recorded at a dialogue meeting.
    pub kind: InputKind,
    /// Where meeting input was given (only for [`InputKind::MeetingInput`]).
    pub meeting: Option<MeetingOrigin>,
}

/// What kind of input a published item is; the open-data API lists each as its own kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum InputKind {
    #[default]
    Response,
    MeetingInput,
}

/// The dialogue meeting an input was given at: "Fra dialogmødet 12. september 2019 ·
/// Frivillige foreninger". Never a citizen's name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct MeetingOrigin {
    /// `YYYY-MM-DD` in Copenhagen time.
    pub day: String,
    pub group: hoering::meeting::ParticipantGroup,
    /// The table or group at the meeting, as the clerk named it.
    pub table: Option<String>,
}

/// One page of published responses on a block or on the whole draft.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ResponsePage {
    pub total: i64,
    pub page: u32,
    pub per_page: u32,
    pub responses: Vec<PublicResponse>,
}

impl ResponsePage {
    pub fn pages(&self) -> u32 {
        page_count(self.total, self.per_page)
    }
}

/// What the citizen sees after sending: the proof of what was received.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReceiptView {
    pub receipt_number: String,
    pub hearing_slug: String,
    pub hearing_title: String,
    /// `YYYY-MM-DD HH:MM` in Copenhagen time.
    pub received_at: String,
    pub block_number: Option<String>,
    pub text: String,
    pub name: String,
    pub email: String,
    pub sender_kind: SenderKind,
    pub organisation: Option<String>,
    pub publication: Publication,
}

/// The logged-in member of staff.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CurrentUser {
    pub email: String,
    pub role: hoering::staff::Role,
    /// The token every state-changing form of this session must carry.
    pub csrf: String,
}

/// A hearing in the clerk's overview.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AdminHearingCard {
    pub card: HearingCard,
    /// The policy the hearing is a step of.
    pub policy_slug: String,
    pub pending: i64,
    pub published: i64,
    pub withheld: i64,
}

/// A response as the clerk sees it: everything, including the sender's e-mail.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AdminResponse {
    pub id: i64,
    pub receipt_number: String,
    pub received_at: String,
    pub block_number: Option<String>,
    pub text: String,
    pub name: String,
    pub email: String,
    pub sender_kind: SenderKind,
    pub organisation: Option<String>,
    pub publication: Publication,
    pub status: ModerationStatus,
    /// Input recorded at a dialogue meeting has no sender, only its meeting.
    pub meeting: Option<MeetingOrigin>,
    /// Personal data the core found in the text as it stands (after any redaction).
    pub flags: Vec<hoering::privacy::Flag>,
    /// A clerk has redacted passages; the original is kept for clerks.
    pub redacted: bool,
    pub withheld_reason: Option<String>,
    /// The clerk's tags on it, by name.
    #[serde(default)]
    pub tags: Vec<String>,
}

/// A hearing's tag, with how many responses carry it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TagView {
    pub id: i64,
    pub name: String,
    pub uses: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AdminHearingView {
    pub tags: Vec<TagView>,
    /// Tags the core suggests from the responses' words (not yet among `tags`).
    pub suggested_tags: Vec<String>,
    pub tag_filter: Option<i64>,
    pub card: AdminHearingCard,
    pub parties: PartyListView,
    /// The councils' rounds on this hearing, and every council (slug, name) to open one for.
    pub rounds: Vec<RoundCard>,
    pub councils: Vec<(String, String)>,
    pub status_filter: Option<ModerationStatus>,
    pub total: i64,
    pub page: u32,
    pub per_page: u32,
    pub responses: Vec<AdminResponse>,
}

/// A form the server sent back because something in it was wrong: what was typed, and what is
/// wrong with it (field name to error code), so the page can show both without JavaScript.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FormEcho {
    pub values: BTreeMap<String, String>,
    pub errors: BTreeMap<String, String>,
    /// Extra HTML the server prepared for this form (the clerk's Markdown preview), already
    /// sanitised by the domain core.
    pub preview: Option<HearingPreview>,
}

impl FormEcho {
    pub fn value(&self, field: &str) -> String {
        self.values.get(field).cloned().unwrap_or_default()
    }
    pub fn error(&self, field: &str) -> Option<String> {
        self.errors.get(field).cloned()
    }
}

/// The clerk's preview of a Markdown draft before it becomes a hearing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HearingPreview {
    pub title: String,
    pub sections: Vec<SectionView>,
    pub footnotes: Vec<BlockView>,
}

/// One version of a policy's text, as listed to readers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VersionInfo {
    pub number: i64,
    pub label: String,
    pub note: String,
    /// The version the hearing ran on.
    pub hearing_version: bool,
}

/// A published response shown on a later version of the text than the one it was given to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CarriedResponse {
    pub response: PublicResponse,
    /// The version it was given to, and the block's number there.
    pub given_to_version: i64,
    pub given_to_block: Option<String>,
    /// The words it was made on (the quote, or the whole block), as they were then.
    pub words_then: String,
    /// Where the words went: the word-level changes from then to this version (empty when
    /// unchanged).
    pub changes: Vec<hoering::diff::DiffOp>,
    /// The version in which its words were removed, if they were.
    pub removed_in: Option<i64>,
}

/// One version of the text; each block counts the published input placed on it (from this and
/// earlier versions), which the reader opens a page at a time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VersionView {
    pub card: HearingCard,
    pub versions: Vec<VersionInfo>,
    pub version: VersionInfo,
    pub sections: Vec<SectionView>,
    pub footnotes: Vec<BlockView>,
    /// Published input whose words are gone from this version.
    pub removed_count: i64,
}

/// One page of the input placed on a block of a version (or of the input whose words it removed).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CarriedPage {
    pub total: i64,
    pub page: u32,
    pub per_page: u32,
    pub responses: Vec<CarriedResponse>,
}

impl CarriedPage {
    pub fn pages(&self) -> u32 {
        page_count(self.total, self.per_page)
    }
}

/// Pages of `per_page` needed for `total` items (at least one).
pub fn page_count(total: i64, per_page: u32) -> u32 {
    let per = i64::from(per_page.max(1));
    u32::try_from((total + per - 1) / per)
        .unwrap_or(u32::MAX)
        .max(1)
}

/// What changed between two versions of the text, block by block.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChangesView {
    pub card: HearingCard,
    pub versions: Vec<VersionInfo>,
    pub from: VersionInfo,
    pub to: VersionInfo,
    /// How many blocks read the same in both versions (not sent: the page only counts them).
    pub unchanged: usize,
    /// The blocks that changed, in the newer version's order.
    pub changes: Vec<hoering::diff::BlockChange>,
}

pub use hoering::process::{
    ActionKind, Adoption, Body, Choice, Decision, InquiryStatus, Outcome, Refusal, RoadState,
    Stage, StageStatus, Template, TemplateStage, TimelineEntry,
};

/// A policy in a list: where it is on its road.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PolicyCard {
    pub slug: String,
    pub title: String,
    pub committee: String,
    pub state: RoadState,
    /// The Byråd's adoption, once recorded.
    pub adoption: Option<Adoption>,
}

/// A version of a policy's text as the policy page lists it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PolicyVersion {
    pub number: i64,
    pub label: String,
    pub note: String,
    /// `YYYY-MM-DD`, Copenhagen.
    pub created: String,
    /// Frozen: it may go to hearing and be decided on.
    pub frozen: bool,
    /// The text the Byråd adopted: the policy's text.
    pub adopted: bool,
}

/// A document in a stage's record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StageDocument {
    pub stage: Stage,
    pub title: String,
    pub url: String,
}

/// A decision with the stage it was made in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DecisionView {
    pub stage: Stage,
    pub decision: Decision,
}

/// How the promise "svar inden for 10 hverdage" is kept on one policy.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct InquiryFigures {
    pub received: i64,
    pub answered: i64,
    /// Share of the inquiries due by today that were answered on time; none while nothing is due.
    pub on_time_share: Option<f64>,
}

/// A policy's home page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PolicyView {
    pub card: PolicyCard,
    pub contact: String,
    pub timeline: Vec<TimelineEntry>,
    pub versions: Vec<PolicyVersion>,
    pub hearings: Vec<HearingCard>,
    pub decisions: Vec<DecisionView>,
    /// The documents of the stages' records.
    pub documents: Vec<StageDocument>,
    pub inquiries: InquiryFigures,
    /// The day a question asked today is promised its answer by, `YYYY-MM-DD`.
    pub inquiry_due_if_asked_today: String,
    /// The policy's dialogue meetings, in the order they take place.
    pub meetings: Vec<MeetingCard>,
}

/// A question from the public, as the clerk sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InquiryView {
    pub id: i64,
    pub policy_slug: String,
    pub policy_title: String,
    pub name: String,
    pub email: String,
    pub question: String,
    pub received: String,
    pub due: String,
    pub answered: Option<String>,
    pub answer: Option<String>,
    pub status: InquiryStatus,
}

/// One entry of a road's journal: what was done, dated when, by whom, recorded when.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JournalView {
    /// The step, when the entry is one of the road's actions.
    pub action: Option<hoering::process::Action>,
    /// Otherwise what was recorded (a plan, the road's start), as stored.
    pub what: String,
    pub on: String,
    pub actor: String,
    pub recorded: String,
}

/// The clerk's page for one policy: the public view, and what may be done next.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PolicyAdminView {
    pub policy: PolicyView,
    /// Every kind of step with why it is refused now, if it is.
    pub choices: Vec<Choice>,
    /// The stages of the template the policy follows, in order.
    pub stages: Vec<Stage>,
    /// The template followed: name and version.
    pub template: (String, u32),
    /// Guards against two clerks acting at once: a step is refused if the road moved since.
    pub revision: i64,
    /// The day the road's latest step is dated; new steps may not be dated earlier.
    pub last_step: String,
    /// Today in Copenhagen, `YYYY-MM-DD`, the default date of a step (from the server: the
    /// browser has no clock the core may read).
    pub today: String,
    pub inquiries: Vec<InquiryView>,
    pub journal: Vec<JournalView>,
}

/// A stage with a planned date coming up.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DueStage {
    pub slug: String,
    pub title: String,
    pub stage: Stage,
    pub planned: String,
}

/// The clerk's start page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Dashboard {
    /// Policies in progress, by their current stage (only stages with policies).
    pub by_stage: Vec<(Stage, Vec<PolicyCard>)>,
    /// Planned stages due in the coming 7 days or overdue (planned, not yet reached).
    pub due: Vec<DueStage>,
    /// Unanswered inquiries, overdue and due soon first.
    pub inquiries: Vec<InquiryView>,
    /// Open hearings closing in the coming 14 days.
    pub closing_soon: Vec<HearingCard>,
}

/// Where an e-mail stands in the outbox.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum MailState {
    /// Not sent yet: no mail server is set up, or the next attempt is due.
    Waiting,
    Sent,
    /// Given up on after its attempts, or refused for good by the mail server.
    Failed,
}

/// One message in the outbox, as the admin reads it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutboxItem {
    pub id: i64,
    /// The core's `MailKind` code.
    pub kind: String,
    pub recipient: String,
    pub subject: String,
    /// `YYYY-MM-DD HH:MM` in Copenhagen time.
    pub created_at: String,
    pub state: MailState,
    pub attempts: i64,
    /// When sent, or when the next attempt is due (`YYYY-MM-DD HH:MM`).
    pub when: String,
    pub last_error: Option<String>,
}

/// The outbox: counts, one page of messages, and (at `/admin/post/{id}`) one message in full.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutboxView {
    /// Whether a mail server is configured; without one every message waits here.
    pub sending: bool,
    pub waiting: i64,
    pub sent: i64,
    pub failed: i64,
    pub recipient: Option<String>,
    pub total: i64,
    pub page: u32,
    pub per_page: u32,
    pub messages: Vec<OutboxItem>,
}

/// One message in full: its plain text (the HTML part says the same).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutboxMessage {
    pub item: OutboxItem,
    pub message_id: String,
    pub text: String,
}

/// A dialogue meeting as lists show it (the policy page, the home page).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MeetingCard {
    pub id: i64,
    pub title: String,
    pub policy_slug: String,
    pub policy_title: String,
    /// Unix seconds; shown in Copenhagen time with `crate::dates::time_span`.
    pub starts_at: i64,
    pub ends_at: Option<i64>,
    pub place: String,
    pub step_free: bool,
    pub capacity: i64,
    pub seated: i64,
    pub waiting: i64,
    /// The last day to sign up, `YYYY-MM-DD`.
    pub signup_deadline: String,
    pub mode: hoering::meeting::SignupMode,
    /// Whether this reader may sign up now (decided on the server, which knows today's date
    /// and whether the reader came by the invitation link).
    pub signup_open: bool,
    /// Whether the meeting has begun.
    pub past: bool,
}

/// A dialogue meeting's public page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MeetingView {
    pub card: MeetingCard,
    /// The hearing whose draft the meeting's input is recorded on.
    pub hearing_slug: String,
    /// Safe HTML of the agenda (Markdown).
    pub agenda_html: String,
    /// Safe HTML of the minutes, once published.
    pub minutes_html: Option<String>,
    /// Who signed up and who came, by group; never names. Shown once the meeting has begun.
    pub attendance: Vec<hoering::meeting::GroupCount>,
    /// Inputs recorded at the meeting.
    pub inputs: i64,
}

/// A participant's own sign-up page, reached by the link in their e-mail.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SignupView {
    pub meeting: MeetingCard,
    pub token: String,
    pub name: String,
    pub email: String,
    pub group: hoering::meeting::ParticipantGroup,
    pub organisation: Option<String>,
    pub needs: hoering::meeting::Needs,
    pub status: hoering::meeting::SignupStatus,
    /// The place on the waiting list (1 = next), while waiting.
    pub waiting_place: Option<u32>,
}

/// A sign-up as the clerk sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AdminSignup {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub group: hoering::meeting::ParticipantGroup,
    pub organisation: Option<String>,
    pub needs: hoering::meeting::Needs,
    pub status: hoering::meeting::SignupStatus,
    pub attended: bool,
    /// `YYYY-MM-DD HH:MM`.
    pub signed_up_at: String,
}

/// Input recorded at a meeting, in the clerk's list under the form.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecordedInput {
    pub id: i64,
    pub block_number: Option<String>,
    pub group: Option<hoering::meeting::ParticipantGroup>,
    pub table: Option<String>,
    pub text: String,
}

/// A block of the draft the clerk can record input on: its number and plain text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BlockChoice {
    pub number: String,
    pub text: String,
}

/// The clerk's page of one meeting.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AdminMeetingView {
    pub meeting: MeetingView,
    /// The invitation link (path and secret) of a by-invitation meeting, for the clerk to send.
    pub invitation: Option<String>,
    pub minutes: String,
    pub minutes_published: bool,
    pub signups: Vec<AdminSignup>,
    pub blocks: Vec<BlockChoice>,
    pub inputs: Vec<RecordedInput>,
}

/// A party on a hearing's høringsliste, as the clerk sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AdminParty {
    pub id: i64,
    pub organisation: String,
    pub contact: Option<String>,
    pub email: String,
    pub kind: hoering::consultees::PartyKind,
    pub status: hoering::consultees::PartyStatus,
    /// `YYYY-MM-DD` in Copenhagen: invited, reminded.
    pub invited_on: Option<String>,
    pub reminded_on: Option<String>,
}

/// An earlier hearing of the same committee whose list can be reused.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EarlierList {
    pub slug: String,
    pub title: String,
    pub parties: i64,
}

/// The høringsliste on the clerk's hearing page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PartyListView {
    pub parties: Vec<AdminParty>,
    pub counts: hoering::consultees::ListCounts,
    /// Working days before the deadline that parties without an answer are reminded.
    pub reminder_days: i64,
    /// The day the reminder goes, `YYYY-MM-DD`.
    pub reminder_on: Option<String>,
    pub earlier: Vec<EarlierList>,
}

/// A party's own page on the høringsliste, reached by the link in its invitation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PartyInvitation {
    pub token: String,
    pub organisation: String,
    pub hearing_slug: String,
    pub hearing_title: String,
    /// The hearing's last day, `YYYY-MM-DD`.
    pub closes: String,
    pub open: bool,
    pub status: hoering::consultees::PartyStatus,
}

/// A council member as the admin sees them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CouncilMember {
    pub email: String,
    pub chair: bool,
}

/// A council and who sits in it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CouncilView {
    pub slug: String,
    pub name: String,
    pub members: Vec<CouncilMember>,
}

/// A council member's own start page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CouncilHome {
    /// The councils they sit in: name and whether they chair it.
    pub councils: Vec<(String, bool)>,
    /// Their councils' rounds, soonest closing first.
    pub rounds: Vec<RoundCard>,
}

/// A council's round on a hearing, as lists show it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RoundCard {
    pub hearing_slug: String,
    pub hearing_title: String,
    pub council_slug: String,
    pub council_name: String,
    /// `YYYY-MM-DD`.
    pub opens: String,
    pub closes: String,
    pub state: hoering::council::RoundState,
}

/// A comment in a council's discussion, in thread order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CouncilComment {
    pub id: i64,
    pub author: String,
    pub block_number: Option<String>,
    pub quote: String,
    pub text: String,
    /// 0 for a thread's first comment.
    pub depth: u8,
    pub agreed: i64,
    /// Written by the reader (who may not agree with their own comment).
    pub mine: bool,
}

/// The council's workspace for one hearing: the draft's blocks and the members' discussion.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CouncilWorkspace {
    pub round: RoundCard,
    /// Whether the reader may comment now (a member, while the round is open).
    pub may_comment: bool,
    pub blocks: Vec<BlockChoice>,
    pub comments: Vec<CouncilComment>,
    /// The joint response: every revision, and the chair's submission.
    pub joint: hoering::council::JointResponse,
    /// The e-mails of the revisions' authors and the submitter, by user id.
    pub people: Vec<(i64, String)>,
    /// The reader sits in the council (only members write; clerks and the public read).
    pub member: bool,
    /// The reader chairs the council.
    pub chair: bool,
    /// Whether the reader may save the joint response now.
    pub may_edit: bool,
    /// Why the reader may not submit the joint response now; `None` when they may.
    pub submit_refusal: Option<hoering::council::SubmitRefusal>,
    /// Why the reader may not publish the discussion now; `None` when they may.
    pub publish_refusal: Option<hoering::council::PublishRefusal>,
    /// The submitted response's moderation status (`pending`, `published`, `withheld`).
    pub response_status: Option<String>,
    /// The chair has published the discussion.
    pub published: bool,
}

/// A redacted response's text as sent, for a clerk, with what has happened to the response.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ResponseOriginal {
    pub id: i64,
    pub receipt_number: String,
    pub hearing_slug: String,
    pub hearing_title: String,
    pub original: String,
    pub current: String,
    /// The journal's entries on the response: when (`YYYY-MM-DD HH:MM`), who, what, before, after.
    pub journal: Vec<JournalLine>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JournalLine {
    pub at: String,
    pub actor: String,
    pub action: String,
    pub before: Option<String>,
    pub after: Option<String>,
}

/// Where a piece of input on a paragraph came from, as the paragraph page filters it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InputSource {
    /// A høringssvar.
    Response,
    /// Input recorded at a dialogue meeting.
    Meeting,
    /// A council member's comment in the council's own round.
    Council,
}

impl InputSource {
    pub const ALL: [InputSource; 3] = [Self::Response, Self::Meeting, Self::Council];

    /// The `?kilde=` value.
    pub fn code(self) -> &'static str {
        match self {
            Self::Response => "svar",
            Self::Meeting => "moede",
            Self::Council => "raad",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// A council member's comment on a paragraph, for the clerk's paragraph page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CouncilNote {
    pub id: i64,
    pub council: String,
    pub author: String,
    pub quote: String,
    pub text: String,
    /// `YYYY-MM-DD HH:MM`.
    pub at: String,
}

/// The paragraph's text in a later version of the policy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BlockLater {
    pub version_number: i64,
    pub version_label: String,
    /// Its number there (it may have moved).
    pub number: Option<String>,
    /// From the hearing's text to this version's; `None` when the version removed it.
    pub diff: Option<Vec<hoering::diff::DiffOp>>,
}

/// Everything said about one paragraph of a hearing, for the clerk.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AdminBlockView {
    pub hearing_slug: String,
    pub hearing_title: String,
    pub number: String,
    pub text: String,
    /// The paragraphs before and after, for stepping through the draft.
    pub previous: Option<String>,
    pub next: Option<String>,
    /// The filters in force (`None`: all).
    pub source: Option<InputSource>,
    pub kind: Option<SenderKind>,
    /// How much there is of each source and respondent type, before filtering.
    pub source_counts: Vec<(InputSource, usize)>,
    pub kind_counts: Vec<(SenderKind, usize)>,
    /// The hearing's tags, and the one filtered by.
    #[serde(default)]
    pub tags: Vec<TagView>,
    #[serde(default)]
    pub tag: Option<i64>,
    /// Filtered to the group of copies of this response.
    #[serde(default)]
    pub group: Option<i64>,
    pub responses: Vec<AdminResponse>,
    pub council: Vec<CouncilNote>,
    pub later: Vec<BlockLater>,
}

/// A response in a group of copies, as the group page lists it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GroupMember {
    pub id: i64,
    pub receipt_number: String,
    pub status: ModerationStatus,
    pub block_number: Option<String>,
    /// Estimated share of three-word runs in common with the group's representative, 0–100.
    pub similarity: u8,
    /// From the representative's text to this one's.
    pub diff: Vec<hoering::diff::DiffOp>,
}

/// Identical or near-identical responses (a campaign, a form letter, a copied text).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GroupView {
    pub size: usize,
    pub representative: GroupMember,
    pub representative_text: String,
    /// The paragraphs its members are about, with how many each.
    #[serde(default)]
    pub blocks: Vec<(String, usize)>,
    /// The first members after the representative (a long campaign is shown in part).
    pub members: Vec<GroupMember>,
}

/// A hearing's groups of copies, largest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AdminGroupsView {
    pub hearing_slug: String,
    pub hearing_title: String,
    /// Responses looked at (meeting input is left out: it is not sent by anyone).
    pub responses: usize,
    pub groups: Vec<GroupView>,
}

/// A hit of a search: the response as its reader may see it, and the excerpt with the words
/// found marked.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchHit<R> {
    pub response: R,
    pub snippet: hoering::language::Snippet,
}

/// A paragraph of the draft whose text matches.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BlockHit {
    pub number: String,
    pub snippet: hoering::language::Snippet,
}

/// A search in one hearing: the public's (published input only) or the clerk's (everything,
/// with filters).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchView {
    pub hearing_slug: String,
    pub hearing_title: String,
    pub query: String,
    /// The stems searched for, after stop words were dropped (empty: nothing to search for).
    pub terms: Vec<String>,
    pub blocks: Vec<BlockHit>,
    /// For the public.
    pub public_hits: Vec<SearchHit<PublicResponse>>,
    /// For the clerk.
    pub admin_hits: Vec<SearchHit<AdminResponse>>,
    /// More matched than are shown.
    pub truncated: bool,
}

/// The clerk's search filters, as the query string carries them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SearchFilters {
    /// A tag's id.
    #[serde(default)]
    pub tag: Option<i64>,
    /// The group of copies of this response.
    #[serde(default)]
    pub group: Option<i64>,
    pub status: Option<String>,
    pub source: Option<String>,
    pub kind: Option<String>,
    pub block: Option<String>,
}

/// How much was said about one paragraph.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BlockCount {
    /// `None` for the draft as a whole.
    pub number: Option<String>,
    /// The paragraph's first words.
    pub excerpt: String,
    pub responses: usize,
    pub meeting: usize,
    pub council: usize,
}

impl BlockCount {
    pub fn total(&self) -> usize {
        self.responses + self.meeting + self.council
    }
}

/// Where the debate was: counts per paragraph (in the draft's order) and per respondent type.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HearingOverview {
    pub hearing_slug: String,
    pub hearing_title: String,
    pub blocks: Vec<BlockCount>,
    pub kinds: Vec<(SenderKind, usize)>,
}

/// A bemærkning as the clerks' pages show it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RemarkCard {
    pub id: i64,
    /// `response`, `group` or `passage`.
    pub kind: String,
    pub response_id: i64,
    pub receipt_number: String,
    /// How many responses it answers.
    pub members: i64,
    /// The passage answered, for a point within a response.
    pub passage: Option<String>,
    /// The draft section the point is about; empty for the draft as a whole.
    pub section: String,
    pub summary: String,
    pub text: String,
    /// One of [`hoering::notat::Outcome::CODES`].
    pub outcome: String,
    pub change_version: Option<i64>,
    pub change_block: Option<String>,
    /// `draft`, `approved` or `published`.
    pub state: String,
    pub author: String,
    pub approver: Option<String>,
    /// Written by the reader, who may then not approve it.
    pub own: bool,
}

/// A block changed after the hearing, which a remark's "leads to a change" can point at.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChangeOption {
    pub version: i64,
    pub block: String,
    pub excerpt: String,
}

/// The clerk's høringsnotat page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AdminNotatView {
    pub hearing_slug: String,
    pub hearing_title: String,
    pub case_number: String,
    pub announced: String,
    pub remarks: Vec<RemarkCard>,
    /// When the bemærkninger were published, `YYYY-MM-DD`.
    pub published: Option<String>,
    /// Responses received, and how many of them a remark answers.
    pub responses: usize,
    pub answered: usize,
    /// The journal-number pattern and the first number it gives.
    pub journal_example: String,
}

/// What a remark answers, as the editor shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RemarkSubject {
    /// `response` or `group`.
    pub kind: String,
    pub response_id: i64,
    pub receipt_number: String,
    pub block_number: Option<String>,
    /// The response's text as clerks read it (redacted passages stay redacted).
    pub text: String,
    /// The group's members' receipt numbers (the response itself for one response).
    pub members: Vec<String>,
}

/// The page where a clerk writes or changes one bemærkning.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RemarkEditorView {
    pub hearing_slug: String,
    pub hearing_title: String,
    pub subject: RemarkSubject,
    pub existing: Option<RemarkCard>,
    pub changes: Vec<ChangeOption>,
    /// The draft's sections as (number, heading).
    pub sections: Vec<(String, String)>,
}

/// The høringsnotat as a web page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NotatView {
    pub hearing_slug: String,
    pub hearing_title: String,
    /// When the bemærkninger were published, `YYYY-MM-DD`; `None` shows the clerks' preview.
    pub published: Option<String>,
    pub notat: hoering::notat::Notat,
}

/// "I sagde – vi gjorde": a closed hearing's result for the public.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ResultView {
    pub card: HearingCard,
    pub responses: usize,
    pub by_kind: Vec<(SenderKind, usize)>,
    /// (section label, responses).
    pub by_section: Vec<(String, usize)>,
    /// (theme, responses).
    pub themes: Vec<(String, usize)>,
    /// Campaigns: (identical responses, an excerpt of the shared text).
    pub groups: Vec<(usize, String)>,
    /// The changes made to the draft since the hearing's version.
    pub changes: Vec<hoering::notat::NotatItem>,
    /// The versions compared, when the draft has changed.
    pub compared: Option<(i64, i64)>,
    pub published: Option<String>,
    /// The points raised with the administration's answers, once published.
    pub points: Vec<hoering::notat::NotatItem>,
}

/// The installation: whose site this is (`HOERING_MUNICIPALITY`), shown in every page's header,
/// and the municipality's look from the configuration (`HOERING_LOGO`, `HOERING_BRAND_COLOUR`,
/// `HOERING_CONTACT`, `HOERING_FOOTER_LINKS`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Site {
    pub municipality: String,
    /// A logo is served at `/logo`.
    pub logo: bool,
    /// A colour of its own is served at `/tema.css`.
    pub theme: bool,
    /// The footer's contact line.
    pub contact: String,
    pub links: Vec<SiteLink>,
}

/// A link in every page's footer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SiteLink {
    pub label: String,
    pub href: String,
}
