//! Høringssvar: storing what citizens send, moderating it, and reading it back as the viewer may
//! see it. The rules (validation, the moderation states, receipt numbers) live in the core.

pub mod api;
pub mod db;
pub mod forms;
pub mod intake;
pub mod pages;

pub use hoering::response::ModerationStatus as Status;

/// Public lists show this many responses per page.
pub const PUBLIC_PAGE_SIZE: u32 = 20;
/// The clerk's list shows this many per page.
pub const ADMIN_PAGE_SIZE: u32 = 50;
/// A form post of a response: 20,000 characters of text, even all 4-byte and percent-encoded, plus
/// the other fields, fits in 512 KiB; anything larger is refused before it is read.
pub const MAX_RESPONSE_BODY_BYTES: usize = 512 * 1024;

/// The receipt number a citizen can quote, e.g. `H-2026-000042`.
pub fn receipt_number(id: i64, created_at: i64) -> String {
    hoering::response::ReceiptNumber::for_response(id, created_at)
        .map(|r| r.to_string())
        .unwrap_or_default()
}
