//! The høringsnotat: the administration's bemærkninger to what was said in a hearing, how
//! they are approved and published, and the document's outline in the order Danish public
//! administration expects, as a model for the DOCX, PDF and web renderers to lay out.
//!
//! Nothing here renders or stores anything. Forms are parsed into valid types or a map of
//! every mistake (field name to error code: `required`, `invalid`, `too_long`); refusals are
//! typed, each with a stable `code()`; the UI words the codes.

mod journal_number;
mod outline;
mod remark;

use std::collections::BTreeMap;

use crate::response::FieldError;

pub use journal_number::{JournalPattern, JournalPatternError};
pub use outline::{
    BlockChanges, CouncilInput, DraftSection, HeardParty, HearingInfo, MeetingInput, Notat,
    NotatInput, NotatItem, NotatSection, OutlineWords, PointInput, Respondent, outline,
};
pub use remark::{
    ApproveRefusal, EditRefusal, Outcome, PublishRefusal, Remark, RemarkContent, RemarkFields,
    RemarkStage, RemarkState, RemarkTarget, RemarkText, TargetKind, approve, edit, publish_all,
};

/// Field name to error code, as the forms show them.
pub type NotatErrors = BTreeMap<String, String>;

/// The code a form shows for a field error, the same as [`FieldError`]'s serde code.
fn code(error: FieldError) -> &'static str {
    match error {
        FieldError::Required => "required",
        FieldError::TooLong { .. } => "too_long",
        FieldError::Invalid => "invalid",
    }
}

/// Line breaks as `\n`, other invisible control characters (from pasted documents) dropped,
/// and trimmed, so a length is counted as the textarea's counter counts it.
fn normalise_text(input: &str) -> String {
    let normalised: String = input
        .replace("\r\n", "\n")
        .chars()
        .filter_map(|c| match c {
            '\r' => Some('\n'),
            '\n' | '\t' => Some(c),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect();
    normalised.trim().to_owned()
}

#[cfg(test)]
mod tests;
