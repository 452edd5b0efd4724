//! The road of a policy to the Byråd vote: stages, process templates, political decisions, a
//! state machine that allows or refuses each step with a typed reason, the timeline the
//! policy page shows, and the inquiries answered "inden for 10 hverdage".
//!
//! Pure: dates come in as arguments, and everything serialises with serde so that the server
//! and the browser share the same types.

pub mod decision;
#[cfg(any(test, feature = "fixtures"))]
pub mod fixture;
pub mod inquiry;
pub mod refusal;
pub mod road;
pub mod stage;
pub mod template;

#[cfg(test)]
mod tests;

pub use decision::{
    Decision, DecisionFields, Dissent, DissentKind, MAX_DECISION_TEXT, Outcome, Votes, parse_link,
};
pub use inquiry::{
    DUE_SOON_WORKING_DAYS, Inquiry, InquiryStatus, PROMISED_WORKING_DAYS, on_time_share,
    on_time_share_at,
};
pub use refusal::{Refusal, hearing_may_close};
pub use road::{
    Action, ActionKind, Adoption, Choice, Road, RoadState, SkipReason, StageStatus, StartReason,
    Step, TimelineEntry,
};
pub use stage::{Body, Stage};
pub use template::{Template, TemplateError, TemplateRef, TemplateStage};
