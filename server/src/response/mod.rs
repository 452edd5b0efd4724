//! Høringssvar: storing what citizens send, and moderating it.

pub mod db;

/// Public lists show this many responses per page.
pub const PUBLIC_PAGE_SIZE: u32 = 20;
/// The clerk's list shows this many per page.
pub const ADMIN_PAGE_SIZE: u32 = 50;
/// A form post of a response: 20,000 characters of text, even all 4-byte and percent-encoded, plus
/// the other fields, fits in 512 KiB; anything larger is refused before it is read.
pub const MAX_RESPONSE_BODY_BYTES: usize = 512 * 1024;

/// The moderation state of a response.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Pending,
    Published,
    Withheld,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Pending => "pending",
            Status::Published => "published",
            Status::Withheld => "withheld",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "pending" => Some(Status::Pending),
            "published" => Some(Status::Published),
            "withheld" => Some(Status::Withheld),
            _ => None,
        }
    }
}

/// The receipt number a citizen can quote, e.g. `H-2026-000042`.
pub fn receipt_number(id: i64, created_at: i64) -> String {
    format!("H-{}-{:06}", crate::time::local_year(created_at), id)
}
