//! Høringssvar: storing what citizens send, moderating it, and reading it back as the viewer may
//! see it. The rules (validation, the moderation states, receipt numbers) live in the core.

pub mod api;
pub mod db;
pub mod forms;
pub mod intake;
pub mod own;
pub mod pages;

pub use hoering::response::ModerationStatus as Status;

/// Public lists show this many responses per page.
pub const PUBLIC_PAGE_SIZE: u32 = 20;
/// The clerk's list shows this many per page.
pub const ADMIN_PAGE_SIZE: u32 = 50;
/// A form post of a response: 20,000 characters of text, even all 4-byte and percent-encoded, plus
/// the other fields, fits in 512 KiB; anything larger is refused before it is read.
pub const MAX_RESPONSE_BODY_BYTES: usize = 512 * 1024;
/// A response with its files: each file may be at its limit, and the multipart framing and the
/// text fields fit in the last mebibyte.
pub const MAX_RESPONSE_WITH_FILES_BYTES: usize =
    hoering::attachment::MAX_FILES * hoering::attachment::MAX_BYTES as usize + 1024 * 1024;

/// The receipt number a citizen can quote, e.g. `H-2026-000042`.
pub fn receipt_number(id: i64, created_at: i64) -> String {
    hoering::response::ReceiptNumber::for_response(id, created_at)
        .map(|r| r.to_string())
        .unwrap_or_default()
}

/// The columns a response is shown to the public from: part of every [`db::ResponseRow`], and
/// what another query selects under the same names (`version::db::carried_page`), so that one
/// conversion (`response::pages::public_view`) serves every page that shows responses. Here
/// rather than in `db.rs`, which imports `version::db`, so that `version::db` can use it
/// without a circle.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ShownColumns {
    pub id: i64,
    pub created_at: i64,
    pub publication: String,
    pub name: String,
    pub organisation: Option<String>,
    pub sender_kind: String,
    pub block_number: Option<String>,
    pub quote_exact: Option<String>,
    pub text: String,
    pub source: String,
    pub meeting_day: Option<String>,
    pub meeting_group: Option<String>,
    pub meeting_table: Option<String>,
}
