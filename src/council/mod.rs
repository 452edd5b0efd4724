//! An advisory council's own round on a hearing (Integrationsrådet and its like): who may see
//! the members' discussion, their comments on the draft, the joint response they write
//! together and what the chair finally submits.
//!
//! Members are staff with the council role; one person may sit in several councils. The
//! discussion is the council's own until the chair publishes it, so every read and write on
//! the server asks [`may_read_discussion`], [`may_comment`], [`may_edit_joint`] or
//! [`may_submit`] first, and the browser asks the same functions to decide what to show.
//!
//! Forms are parsed here into valid types or a map of every mistake (field name to error
//! code: `required`, `invalid`, `too_long`, `order`, `after_hearing`); the UI words the codes.

mod access;
mod comment;
mod joint;
mod name;
mod round;

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::response::normalise_text;

pub use access::{
    PublishRefusal, SubmitRefusal, Viewer, is_member, may_comment, may_edit_joint,
    may_publish_discussion, may_read_discussion, may_submit,
};
pub use comment::{
    CommentFields, CommentRef, CommentText, MAX_DISPLAY_DEPTH, NewComment, OwnComment, may_agree,
    thread_order, toggle_agreement,
};
pub use joint::{
    CouncilResponse, EditError, EditOutcome, JointResponse, Revision, StaleEdit, Submitted,
    as_response,
};
pub use name::{CouncilName, CouncilSlug, MemberName};
pub use round::{RoundFields, RoundState, RoundWindow, RoundWindowError};

/// The council every installation starts with.
pub const DEFAULT_COUNCIL: &str = "Integrationsrådet";

/// Field name to error code, as the forms show them.
pub type CouncilErrors = BTreeMap<String, String>;

/// A council's row id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct CouncilId(pub i64);

/// A staff account's row id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct UserId(pub i64);

impl fmt::Display for CouncilId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl fmt::Display for UserId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

#[cfg(test)]
mod tests;
