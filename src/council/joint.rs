//! The council's joint response, written by its members together, one saved revision at a
//! time, and what the chair finally submits.
//!
//! Two members may edit at once. Every edit names the revision it started from; an edit made
//! on a copy that is no longer current is refused with the newer text, the difference and the
//! member's own text, so that nothing anyone typed is silently overwritten or lost.

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::{CouncilName, UserId, normalise_text};
use crate::response::{OrganisationName, Publication, ResponseText, Sender, SenderKind};
use crate::text::{DiffOp, word_diff};

/// One saved state of the joint response.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Revision {
    /// 1 for the first revision, then 2, 3, …
    pub number: u32,
    pub author: UserId,
    /// Unix seconds.
    pub at: i64,
    pub text: String,
}

/// The chair's submission of the joint response.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Submitted {
    pub by: UserId,
    /// Unix seconds.
    pub at: i64,
    /// The revision sent.
    pub revision: u32,
}

/// The joint response of one council on one hearing.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct JointResponse {
    /// Numbered 1, 2, … as [`JointResponse::edit`] made them; one row each in the database.
    pub revisions: Vec<Revision>,
    /// Set once the chair has submitted; the text is fixed from then on.
    #[serde(default)]
    pub submitted: Option<Submitted>,
}

/// What a saved edit did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "outcome", content = "revision", rename_all = "snake_case")]
pub enum EditOutcome {
    /// A new revision, for the caller to store and append.
    Saved(Revision),
    /// The text is the current text already (after normalising line breaks and trimming):
    /// nothing to store, and the member's copy is current.
    Unchanged,
}

/// An edit made on a copy that is no longer current.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaleEdit {
    /// The newest revision, which someone saved after the member's copy.
    pub current: Revision,
    /// What the member typed (normalised as it would have been saved), to merge by hand.
    pub yours: String,
    /// From the current text to the member's.
    pub diff: Vec<DiffOp>,
}

/// Why an edit was not saved.
#[derive(Debug, Clone, PartialEq, Eq, Error, Serialize, Deserialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum EditError {
    /// Someone saved a newer revision after the member's copy.
    #[error("the joint response was changed by someone else")]
    Stale(StaleEdit),
    /// The edit claims a revision that does not exist: a tampered or confused client.
    #[error("there is no revision {based_on}")]
    UnknownRevision { based_on: u32 },
    #[error("longer than {max} characters")]
    TooLong { max: usize },
    /// The chair has submitted the response.
    #[error("the joint response has been submitted")]
    Submitted,
}

impl EditError {
    /// The stable code, as serde writes it in `reason`.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Stale(_) => "stale",
            Self::UnknownRevision { .. } => "unknown_revision",
            Self::TooLong { .. } => "too_long",
            Self::Submitted => "submitted",
        }
    }
}

impl JointResponse {
    /// What a høringssvar may hold, since the joint response is sent as one.
    pub const MAX_CHARS: usize = ResponseText::MAX_CHARS;

    /// The newest revision; `None` before the first edit.
    pub fn current(&self) -> Option<&Revision> {
        // By number rather than position, so rows loaded in any order still agree.
        self.revisions.iter().max_by_key(|r| r.number)
    }

    /// The current text; empty before the first edit.
    pub fn current_text(&self) -> &str {
        self.current().map_or("", |r| r.text.as_str())
    }

    pub fn revision(&self, number: u32) -> Option<&Revision> {
        self.revisions.iter().find(|r| r.number == number)
    }

    /// Saves `text` by `author` at `at` as the next revision, if `based_on` is the current
    /// revision's number (0 before the first edit). The text may be empty: members may clear
    /// a draft; submitting needs text.
    ///
    /// Checked in this order: submitted, unknown revision, stale, too long, unchanged. A stale
    /// edit is refused even when its text equals the newer one, so the member always learns
    /// that someone else saved in between.
    pub fn edit(
        &self,
        based_on: u32,
        author: UserId,
        at: i64,
        text: &str,
    ) -> Result<EditOutcome, EditError> {
        if self.submitted.is_some() {
            return Err(EditError::Submitted);
        }
        let current_number = self.current().map_or(0, |r| r.number);
        if based_on > current_number {
            return Err(EditError::UnknownRevision { based_on });
        }
        let text = normalise_text(text);
        if let Some(current) = self.current().filter(|c| c.number != based_on) {
            return Err(EditError::Stale(StaleEdit {
                current: current.clone(),
                diff: word_diff(&current.text, &text),
                yours: text,
            }));
        }
        if text.chars().count() > Self::MAX_CHARS {
            return Err(EditError::TooLong {
                max: Self::MAX_CHARS,
            });
        }
        if text == self.current_text() {
            return Ok(EditOutcome::Unchanged);
        }
        Ok(EditOutcome::Saved(Revision {
            number: current_number.saturating_add(1),
            author,
            at,
            text,
        }))
    }

    /// The difference from revision `a` to revision `b`, either way round; 0 stands for the
    /// empty text before the first revision. `None` if either does not exist.
    pub fn compare(&self, a: u32, b: u32) -> Option<Vec<DiffOp>> {
        let text = |n: u32| match n {
            0 => Some(""),
            n => self.revision(n).map(|r| r.text.as_str()),
        };
        Some(word_diff(text(a)?, text(b)?))
    }
}

/// What the chair's submission feeds into the ordinary response path, beside the chair's own
/// name and e-mail, which the server adds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CouncilResponse {
    pub text: ResponseText,
    /// Råd og nævn, on behalf of the council by name.
    pub sender: Sender,
    /// Always [`Publication::WithName`]: a public council's answer to a hearing is public.
    pub publication: Publication,
    /// The revision sent, for [`Submitted::revision`].
    pub revision: u32,
}

/// The current revision as the council's høringssvar; `None` while there is no text.
pub fn as_response(council: &CouncilName, joint: &JointResponse) -> Option<CouncilResponse> {
    let current = joint.current()?;
    Some(CouncilResponse {
        text: ResponseText::parse(&current.text).ok()?,
        sender: Sender::Organisation {
            kind: SenderKind::Council,
            name: OrganisationName::parse(council.as_str()).ok()?,
        },
        publication: Publication::WithName,
        revision: current.number,
    })
}
