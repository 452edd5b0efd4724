//! The høringsnotat: the administration's bemærkninger to what was said in a hearing, how
//! they are approved and published, and the document's outline in the order Danish public
//! administration expects, as a model for the DOCX, PDF and web renderers to lay out.
//!
//! Nothing here renders or stores anything. Forms are parsed into valid types or a map of
//! every mistake (field name to error code: `required`, `invalid`, `too_long`); refusals are
//! typed, each with a stable `code()`; the UI words the codes.

mod edition;
#[cfg(any(test, feature = "fixtures"))]
pub mod fixture;
mod journal_number;
mod outline;
mod remark;
mod set_aside;

use std::collections::BTreeMap;

pub use edition::{EditionPlan, EditionRefusal, plan_edition};
pub use journal_number::{JournalPattern, JournalPatternError};
pub use outline::{
    BlockChanges, CouncilInput, DraftSection, HeardParty, HearingInfo, MeetingInput, Notat,
    NotatInput, NotatItem, NotatSection, OutlineWords, PointInput, PointItem, Respondent, outline,
};
pub use remark::{
    ApproveRefusal, EditRefusal, Edited, Outcome, PointFraming, PublishRefusal, Remark,
    RemarkContent, RemarkField, RemarkFields, RemarkStage, RemarkState, RemarkTarget, RemarkText,
    TargetKind, approve, edit, publish_all,
};
pub use set_aside::{SetAside, SetAsideReason, unaccounted};

/// Field name to error code, as the forms show them.
pub type NotatErrors = BTreeMap<String, String>;

#[cfg(test)]
mod tests;
