//! The pure domain core of hoering: policy documents and their citable blocks, høringssvar
//! (consultation responses) and hearings in time. No I/O, so it compiles for the server and
//! for the browser alike.

// Tests may unwrap; the library itself may not (the workspace lint still checks the lib build).
#![cfg_attr(test, allow(clippy::unwrap_used))]

pub mod document;
pub mod hearing;
pub mod response;

pub use document::{
    Block, BlockId, BlockKind, BlockNumber, BlockNumberParts, Document, DocumentError, FrontMatter,
    Section, parse,
};
pub use hearing::{HearingError, HearingState, HearingWindow, Slug, SlugError};
pub use response::{
    Email, Field, FieldError, FieldErrors, OrganisationName, PersonName, Publication,
    ReceiptNumber, ResponseForm, ResponseSubmission, ResponseText, Sender, SenderKind,
};
