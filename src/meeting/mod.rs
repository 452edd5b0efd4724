//! Dialogue meetings (dialogmøder): sign-up, waiting list, attendance and the input recorded at them.
//!
//! Everything a form posts is parsed here, in the browser and on the server alike, into valid
//! types or a map of every mistake (field name to error code: `required`, `invalid`,
//! `too_long`, `ends_before_start`, `after_meeting`); the UI words the codes.

mod input;
mod search;
mod setup;
mod signup;

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

pub use input::{InputFields, MeetingInput};
pub use search::find_blocks;
pub use setup::{MeetingFields, NewMeeting};
pub use signup::{Needs, Signup, SignupFields, signup_open};

/// Field name to error code, as the forms show them.
pub type MeetingErrors = BTreeMap<String, String>;

/// Who a participant comes as. The meeting's summary and the input recorded at it are
/// grouped by this, so the committee sees whose voice a point is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum ParticipantGroup {
    #[serde(rename = "borger")]
    Citizen,
    #[serde(rename = "frivillig_forening")]
    VoluntaryAssociation,
    #[serde(rename = "social_forening")]
    SocialAssociation,
    #[serde(rename = "integrationsraadet")]
    IntegrationCouncil,
    #[serde(rename = "udvalgsmedlem")]
    CommitteeMember,
    #[serde(rename = "andet")]
    Other,
}

// In the order the forms and summaries list them.
crate::coded::coded_enum!(ParticipantGroup, parse: trimmed, {
    Citizen => "borger",
    VoluntaryAssociation => "frivillig_forening",
    SocialAssociation => "social_forening",
    IntegrationCouncil => "integrationsraadet",
    CommitteeMember => "udvalgsmedlem",
    Other => "andet",
});

impl ParticipantGroup {
    /// An association comes as a named body; everyone else comes as themselves.
    pub fn needs_organisation(self) -> bool {
        matches!(self, Self::VoluntaryAssociation | Self::SocialAssociation)
    }

    /// The respondent type the høringsnotat counts this group's input under, beside the
    /// written responses.
    pub fn sender_kind(self) -> crate::response::SenderKind {
        use crate::response::SenderKind;
        match self {
            Self::Citizen | Self::Other => SenderKind::Private,
            Self::VoluntaryAssociation | Self::SocialAssociation => SenderKind::Association,
            // Integrationsrådet is a council; a committee member speaks for a political body.
            Self::IntegrationCouncil | Self::CommitteeMember => SenderKind::Council,
        }
    }

    fn index(self) -> usize {
        match self {
            Self::Citizen => 0,
            Self::VoluntaryAssociation => 1,
            Self::SocialAssociation => 2,
            Self::IntegrationCouncil => 3,
            Self::CommitteeMember => 4,
            Self::Other => 5,
        }
    }
}

/// Who may sign up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SignupMode {
    /// Anyone, through the public form, until the deadline.
    #[serde(rename = "aaben")]
    Open,
    /// No public form; the clerk adds the invited.
    #[serde(rename = "invitation")]
    Invitation,
}

crate::coded::coded_enum!(SignupMode, parse: trimmed, {
    Open => "aaben",
    Invitation => "invitation",
});

/// Where a sign-up stands. Cancelled sign-ups are kept, so the clerk can see who dropped out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SignupStatus {
    Seated,
    Waiting,
    Cancelled,
}

crate::coded::coded_enum!(SignupStatus, parse: trimmed, {
    Seated => "seated",
    Waiting => "waiting",
    Cancelled => "cancelled",
});

macro_rules! display_as_code {
    ($($t:ident),*) => {$(
        impl fmt::Display for $t {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    )*};
}

display_as_code!(ParticipantGroup, SignupMode, SignupStatus);

/// The status of a new sign-up when `seated` people already hold a seat.
pub fn status_for_new(capacity: u32, seated: u32) -> SignupStatus {
    if seated < capacity {
        SignupStatus::Seated
    } else {
        SignupStatus::Waiting
    }
}

/// How many waiting sign-ups to move up, first come first served, after a cancellation or a
/// raised capacity. Zero when a lowered capacity leaves more seated than seats: nobody
/// already seated is turned away.
pub fn seats_free(capacity: u32, seated: u32) -> u32 {
    capacity.saturating_sub(seated)
}

/// Whether a meeting that starts at `starts_at` has taken place by `now` (both Unix seconds):
/// only from its start can anyone have come, or its minutes be written. A record of attendance
/// or minutes before then is refused (code [`NOT_YET_HELD`]).
pub fn has_taken_place(starts_at: i64, now: i64) -> bool {
    now >= starts_at
}

/// The error code of attendance or minutes recorded before the meeting has taken place.
pub const NOT_YET_HELD: &str = "not_yet_held";

/// Sign-ups and attendance of one group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupCount {
    pub group: ParticipantGroup,
    pub signed_up: u32,
    pub attended: u32,
}

/// Per group, from one `(group, attended)` row per sign-up: only groups with at least one
/// sign-up, in [`ParticipantGroup::ALL`] order.
pub fn attendance_by_group(
    rows: impl IntoIterator<Item = (ParticipantGroup, bool)>,
) -> Vec<GroupCount> {
    let mut counts = [(0u32, 0u32); 6];
    for (group, attended) in rows {
        let (signed_up, present) = &mut counts[group.index()];
        *signed_up = signed_up.saturating_add(1);
        if attended {
            *present = present.saturating_add(1);
        }
    }
    ParticipantGroup::ALL
        .into_iter()
        .zip(counts)
        .filter(|(_, (signed_up, _))| *signed_up > 0)
        .map(|(group, (signed_up, attended))| GroupCount {
            group,
            signed_up,
            attended,
        })
        .collect()
}

/// Line breaks as `\n` and trimmed, so a length is counted as the textarea's counter counts it
/// (browsers post a line break as `\r\n` but count it as one character).
fn normalise_text(input: &str) -> String {
    input
        .replace("\r\n", "\n")
        .replace('\r', "\n")
        .trim()
        .to_owned()
}

/// A participant group from its code: `required` when empty, `invalid` when unknown.
fn parse_group(input: &str) -> Result<ParticipantGroup, &'static str> {
    match input.trim() {
        "" => Err("required"),
        s => ParticipantGroup::parse(s).ok_or("invalid"),
    }
}

/// One line of free text: trimmed, at most `max` characters, no control characters (it may end
/// up in a mail header or a CSV export). `Ok(None)` when empty.
fn one_line(input: &str, max: usize) -> Result<Option<String>, &'static str> {
    let s = input.trim();
    if s.is_empty() {
        return Ok(None);
    }
    if s.chars().count() > max {
        return Err("too_long");
    }
    if s.chars().any(char::is_control) {
        return Err("invalid");
    }
    Ok(Some(s.to_owned()))
}

#[cfg(test)]
mod tests;
