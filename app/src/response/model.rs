//! What the response pages show, as it travels from the server to the browser.

use crate::components::page_count;
use hoering::response::Publication;
use hoering::response::SenderKind;
use serde::{Deserialize, Serialize};

/// A published response as the public may see it, according to its consent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct PublicResponse {
    pub receipt_number: String,
    /// The day it was sent, in Copenhagen (`YYYY-MM-DD` in the API).
    #[cfg_attr(feature = "ssr", schema(value_type = String))]
    pub submitted_on: jiff::civil::Date,
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
    /// The files sent with it that the public may see (its sender published their name, and
    /// no clerk withheld them).
    #[serde(default)]
    pub attachments: Vec<AttachmentView>,
}

/// A file sent with a response: its name, kind, size and SHA-256 (which the sender's receipt
/// shows too, so anyone can check the file is the one sent).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct AttachmentView {
    pub name: String,
    /// `pdf`, `docx`, `odt`, `doc`, `xlsx`, `jpeg` or `png`.
    #[cfg_attr(feature = "ssr", schema(value_type = String))]
    pub kind: hoering::attachment::FileKind,
    /// In bytes.
    pub size: i64,
    /// Lower-case hexadecimal.
    pub sha256: String,
    /// Where it downloads from (a path on this site); empty on the sender's receipt.
    pub url: String,
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
    /// The meeting's day in Copenhagen (`YYYY-MM-DD` in the API).
    #[cfg_attr(feature = "ssr", schema(value_type = String))]
    #[serde(with = "crate::dates::wire::date")]
    pub day: jiff::civil::Date,
    pub group: hoering::meeting::ParticipantGroup,
    /// The table or group at the meeting, as the clerk named it.
    pub table: Option<String>,
}

/// One page of responses of some kind, out of `total`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ResponsesPage<R> {
    pub total: i64,
    pub page: u32,
    pub per_page: u32,
    pub responses: Vec<R>,
}

impl<R> ResponsesPage<R> {
    pub fn pages(&self) -> u32 {
        page_count(self.total, self.per_page)
    }
}

/// One page of published responses on a block or on the whole draft.
pub type ResponsePage = ResponsesPage<PublicResponse>;

/// What the citizen sees after sending: the proof of what was received.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReceiptView {
    pub receipt_number: String,
    pub hearing_slug: String,
    pub hearing_title: String,
    /// Copenhagen time, to the minute.
    pub received_at: jiff::civil::DateTime,
    pub block_number: Option<String>,
    /// The words of the block the response is about, if the sender quoted them.
    pub quote: Option<String>,
    pub text: String,
    pub name: String,
    pub email: String,
    pub sender_kind: SenderKind,
    pub organisation: Option<String>,
    pub publication: Publication,
    /// The files received with it.
    #[serde(default)]
    pub files: Vec<AttachmentView>,
    /// Where it stands with the clerks: waiting, published or withheld.
    pub status: hoering::response::ModerationStatus,
    /// What its sender may still do, and has done.
    pub own: OwnView,
}

/// The sender's own page: what they may do now (the core's rule, as of the page's making),
/// and what they did.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OwnView {
    pub offered: Vec<hoering::response::own::OwnAction>,
    pub withdrawn: bool,
    pub erasure: hoering::response::own::Erasure,
    /// The hearing's last day, in Copenhagen: changes are possible until then.
    pub closes: jiff::civil::Date,
    /// How often the sender changed the response.
    pub changes: i64,
}
