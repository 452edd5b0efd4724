//! The høringsliste: the associations, councils, authorities, companies and MED-udvalg a
//! municipality invites to a hearing, as Danish public administration keeps it. Parties are
//! invited, reminded before the deadline, and accounted for in the høringsnotat, where the
//! list is published without contact names or e-mail addresses.
//!
//! Forms and imports are parsed here, in the browser and on the server alike, into valid types
//! or a map of every mistake (field name to error code: `required`, `invalid`, `too_long`,
//! `too_many`); the UI words the codes.

mod import;
mod kind;
mod list;
mod matching;
mod party;
mod status;

use std::collections::BTreeMap;

pub use import::{Import, MAX_ROWS, RejectedLine, import};
pub use kind::PartyKind;
pub use list::{PublicParty, danish_cmp, merge, public_list};
pub use matching::{Likeness, Listed, Sender, suggest};
pub use party::{Party, PartyFields};
pub use status::{ListCounts, PartyStatus, due_reminder, reminder_day, status};

/// Field name to error code, as the forms show them.
pub type PartyErrors = BTreeMap<String, String>;

fn one_error(field: &str, code: &str) -> PartyErrors {
    PartyErrors::from([(field.to_owned(), code.to_owned())])
}

#[cfg(test)]
pub(crate) mod tests;
