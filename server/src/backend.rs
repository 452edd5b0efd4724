//! The app's `Backend`: the database behind the pages' reads. Each capability implements its
//! part in its own folder (`hearing/pages.rs`, `response/pages.rs`, `version/pages.rs`,
//! `auth/pages.rs`); this is only the struct they share.

use crate::db::Db;
use app::backend::BackendError;

pub struct DbBackend {
    pub db: Db,
    /// The working-day calendar deadlines and promises are counted in.
    pub calendar: hoering::calendar::Calendar,
    /// Whether a mail server is configured (the outbox page says so).
    pub sends_mail: bool,
    /// How received responses' journal numbers are written.
    pub journal_pattern: hoering::notat::JournalPattern,
    /// The municipality's retention choices (`HOERING_RETENTION_MONTHS`).
    pub retention: hoering::privacy::retention::RetentionChoices,
}

/// A failure below the UI: its whole cause chain goes to the log when the server function
/// reports it; the reader sees a generic message.
pub fn fail(err: impl std::fmt::Display) -> BackendError {
    BackendError(err.to_string())
}

/// Codes read back from the database, where only valid codes are ever written: one that does
/// not parse is a failure to report, never a silent default.
pub mod stored {
    use super::{BackendError, fail};
    use hoering::document::BlockKind;
    use hoering::response::{ModerationStatus, Publication, SenderKind};

    fn bad(what: &str, code: &str) -> BackendError {
        fail(format!("a stored {what} is not valid: {code:?}"))
    }

    pub fn block_kind(code: &str) -> Result<BlockKind, BackendError> {
        BlockKind::ALL
            .into_iter()
            .find(|k| k.as_str() == code)
            .ok_or_else(|| bad("block kind", code))
    }

    pub fn sender_kind(code: &str) -> Result<SenderKind, BackendError> {
        SenderKind::parse(code).map_err(|_| bad("sender kind", code))
    }

    pub fn publication(code: &str) -> Result<Publication, BackendError> {
        Publication::parse(code).map_err(|_| bad("publication", code))
    }

    pub fn moderation(code: &str) -> Result<ModerationStatus, BackendError> {
        ModerationStatus::parse(code).ok_or_else(|| bad("moderation status", code))
    }
}
