//! The pure domain core of hoering: policy documents and their citable blocks, how blocks and
//! quotes carry over from one version of a policy to the next, høringssvar (consultation
//! responses) and hearings in time. No I/O, so it compiles for the server and
//! for the browser alike.

// Tests may unwrap; the library itself may not (the workspace lint still checks the lib build).
#![cfg_attr(test, allow(clippy::unwrap_used))]

pub mod analysis;
pub mod anchoring;
pub mod attachment;
pub mod branding;
pub mod calendar;
pub mod consultees;
pub mod council;
pub mod diff;
pub mod document;
pub mod feed;
pub mod hearing;
pub mod import;
pub mod language;
pub mod mail;
pub mod meeting;
pub mod notat;
pub mod privacy;
pub mod process;
pub mod response;
pub mod staff;
pub mod text;

mod coded;
mod mistakes;
mod newtype;
#[cfg(test)]
mod split_mix;

pub use anchoring::{
    BlockMatch, Placement, Provenance, QuoteAnchor, QuoteError, QuoteInputError, TextQuote,
    VersionMatch, anchor_quote, carry_ids, carry_step, locate_typed_quote, match_versions,
};
pub use diff::{BlockChange, BlockRef, DiffOp, diff_versions, word_diff};

pub use calendar::{Calendar, Holiday};
pub use document::{
    Block, BlockId, BlockKind, BlockNumber, BlockNumberParts, Document, DocumentError, FrontMatter,
    Section, parse,
};
pub use hearing::{HearingError, HearingState, HearingWindow, Slug, SlugError};
pub use process::{
    Action, Decision, Inquiry, InquiryStatus, Outcome, Refusal, Road, Stage, Step, Template,
    TemplateRef,
};
pub use response::{
    Email, Field, FieldError, FieldErrors, OrganisationName, PersonName, Publication,
    ReceiptNumber, ResponseForm, ResponseSubmission, ResponseText, Sender, SenderKind,
};
