//! What the meeting pages show, as it travels from the server to the browser.

use serde::{Deserialize, Serialize};

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
    /// The last day to sign up.
    pub signup_deadline: jiff::civil::Date,
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
    /// The minutes as a file (a PDF or Word file), once published and scanned.
    #[serde(default)]
    pub minutes_file: Option<crate::response::AttachmentView>,
    /// Who signed up and who came, by group; never names. Shown once the meeting has begun.
    pub attendance: Vec<hoering::meeting::GroupCount>,
    /// Inputs recorded at the meeting.
    pub inputs: i64,
}

/// A sign-up as the participant made it, and where it stands: what their own page and the
/// clerk's list both show.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SignupDetails {
    pub name: String,
    pub email: String,
    pub group: hoering::meeting::ParticipantGroup,
    pub organisation: Option<String>,
    pub needs: hoering::meeting::Needs,
    pub status: hoering::meeting::SignupStatus,
}

/// A participant's own sign-up page, reached by the link in their e-mail.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SignupView {
    pub meeting: MeetingCard,
    pub token: String,
    pub signup: SignupDetails,
    /// The place on the waiting list (1 = next), while waiting.
    pub waiting_place: Option<u32>,
}

/// A sign-up as the clerk sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AdminSignup {
    pub id: i64,
    pub signup: SignupDetails,
    pub attended: bool,
    /// Copenhagen time, to the minute.
    pub signed_up_at: jiff::civil::DateTime,
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
    /// The minutes as a file, with what the scan and the personal-data check said of it.
    #[serde(default)]
    pub minutes_file: Option<crate::moderation::AdminAttachment>,
    pub signups: Vec<AdminSignup>,
    pub blocks: Vec<BlockChoice>,
    pub inputs: Vec<RecordedInput>,
}
