//! The høringsliste: the parties a hearing invites (associations, councils, authorities,
//! companies, the MED-udvalg), imported by paste or CSV or reused from an earlier hearing of the
//! same committee, shown to the clerk with their status and to the public by organisation.

pub mod db;
pub mod forms;
pub mod pages;

use db::PartyRow;
use hoering::consultees::{PartyStatus, status};

/// Where a party stands: invited, answered, declined, or not invited yet.
pub fn status_of(row: &PartyRow) -> PartyStatus {
    status(
        row.invited_at,
        row.answered_at.is_some(),
        row.declined_at.is_some(),
    )
}
