//! Høringssvar: what a citizen sends, parsed from the raw form into a valid submission.
//!
//! The browser and the server run the same [`ResponseSubmission::parse`], so the form can show
//! every problem before posting and the server can trust nothing it did not parse itself.
//! Errors are codes ([`Field`], [`FieldError`]); the UI words them.

mod fields;
pub mod own;
mod receipt;
mod status;
mod tag;

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::document::BlockNumber;

pub use fields::{
    Email, OneLine, OrganisationName, PersonName, Publication, ResponseText, SenderKind,
};
pub(crate) use fields::{normalise_text, required_text};
pub use receipt::{ReceiptNumber, ReceiptNumberError};
pub use status::{ModerationStatus, PublicCounts, is_public};
pub use tag::{TagName, TagNameError};

/// A form field, named by the stable code that is also its HTML `name`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Text,
    Name,
    Email,
    SenderKind,
    Organisation,
    Publication,
    Block,
}

impl Field {
    pub const ALL: [Field; 7] = [
        Field::Text,
        Field::Name,
        Field::Email,
        Field::SenderKind,
        Field::Organisation,
        Field::Publication,
        Field::Block,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Field::Text => "text",
            Field::Name => "name",
            Field::Email => "email",
            Field::SenderKind => "sender_kind",
            Field::Organisation => "organisation",
            Field::Publication => "publication",
            Field::Block => "block",
        }
    }
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What is wrong with one field's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Error, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum FieldError {
    #[error("required")]
    Required,
    /// Longer than `max` characters (Unicode scalar values).
    #[error("longer than {max} characters")]
    TooLong { max: usize },
    /// Not of the expected form (e-mail), an unknown choice, or forbidden characters.
    #[error("invalid")]
    Invalid,
}

impl FieldError {
    /// The code a form shows, the same as the serde tag.
    pub fn code(self) -> &'static str {
        match self {
            FieldError::Required => "required",
            FieldError::TooLong { .. } => "too_long",
            FieldError::Invalid => "invalid",
        }
    }
}

/// All problems of one submitted form, at most one per field.
///
/// Serialises as a map from field code to error, e.g.
/// `{"name":{"code":"required"},"text":{"code":"too_long","max":20000}}`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Error, Serialize, Deserialize)]
#[error("{} form field(s) are invalid", .0.len())]
pub struct FieldErrors(BTreeMap<Field, FieldError>);

impl FieldErrors {
    pub fn get(&self, field: Field) -> Option<&FieldError> {
        self.0.get(&field)
    }

    /// In form order.
    pub fn iter(&self) -> impl Iterator<Item = (Field, FieldError)> + '_ {
        self.0.iter().map(|(f, e)| (*f, *e))
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Keeps the first error reported for a field.
    pub fn insert(&mut self, field: Field, error: FieldError) {
        self.0.entry(field).or_insert(error);
    }

    fn take<T>(&mut self, field: Field, result: Result<T, FieldError>) -> Option<T> {
        result.map_err(|e| self.insert(field, e)).ok()
    }
}

/// The form exactly as posted: every field a string, missing fields empty.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ResponseForm {
    pub text: String,
    pub name: String,
    pub email: String,
    /// A [`SenderKind`] code.
    pub sender_kind: String,
    /// Only read when the sender kind needs an organisation.
    pub organisation: String,
    /// A [`Publication`] code.
    pub publication: String,
    /// A block number such as "2.3.1"; empty means the response is about the whole draft.
    pub block: String,
}

/// On whose behalf a response is sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Sender {
    Private,
    Organisation {
        kind: SenderKind,
        name: OrganisationName,
    },
}

impl Sender {
    pub fn kind(&self) -> SenderKind {
        match self {
            Sender::Private => SenderKind::Private,
            Sender::Organisation { kind, .. } => *kind,
        }
    }

    pub fn organisation(&self) -> Option<&OrganisationName> {
        match self {
            Sender::Private => None,
            Sender::Organisation { name, .. } => Some(name),
        }
    }
}

/// A valid høringssvar, ready to store.
///
/// `block` is only known to be a well-formed number; whether the hearing's document has such
/// a block is for the caller to check against the [`crate::document::Document`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResponseSubmission {
    pub text: ResponseText,
    pub name: PersonName,
    pub email: Email,
    pub sender: Sender,
    pub publication: Publication,
    pub block: Option<BlockNumber>,
}

impl ResponseSubmission {
    /// Checks every field and reports all problems at once.
    pub fn parse(form: &ResponseForm) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::default();
        let text = errors.take(Field::Text, ResponseText::parse(&form.text));
        let name = errors.take(Field::Name, PersonName::parse(&form.name));
        let email = errors.take(Field::Email, Email::parse(&form.email));
        let kind = errors.take(Field::SenderKind, SenderKind::parse(&form.sender_kind));
        let organisation = match kind {
            Some(SenderKind::Private) => None,
            Some(_) => errors.take(
                Field::Organisation,
                OrganisationName::parse(&form.organisation),
            ),
            // Without a kind we cannot say it is required, but a bad value is still reported.
            None if form.organisation.trim().is_empty() => None,
            None => errors.take(
                Field::Organisation,
                OrganisationName::parse(&form.organisation),
            ),
        };
        let publication = errors.take(Field::Publication, Publication::parse(&form.publication));
        let block = errors.take(Field::Block, parse_block(&form.block));

        match (text, name, email, kind, publication, block) {
            (Some(text), Some(name), Some(email), Some(kind), Some(publication), Some(block))
                if errors.is_empty() =>
            {
                let sender = match (kind, organisation) {
                    (SenderKind::Private, _) => Sender::Private,
                    (kind, Some(name)) => Sender::Organisation { kind, name },
                    (_, None) => {
                        errors.insert(Field::Organisation, FieldError::Required);
                        return Err(errors);
                    }
                };
                Ok(ResponseSubmission {
                    text,
                    name,
                    email,
                    sender,
                    publication,
                    block,
                })
            }
            _ => Err(errors),
        }
    }

    /// The form that parses back into this submission, e.g. to fill in the form again.
    pub fn to_form(&self) -> ResponseForm {
        ResponseForm {
            text: self.text.to_string(),
            name: self.name.to_string(),
            email: self.email.to_string(),
            sender_kind: self.sender.kind().as_str().to_owned(),
            organisation: self
                .sender
                .organisation()
                .map(ToString::to_string)
                .unwrap_or_default(),
            publication: self.publication.as_str().to_owned(),
            block: self.block.map(|b| b.as_str()).unwrap_or_default(),
        }
    }
}

fn parse_block(input: &str) -> Result<Option<BlockNumber>, FieldError> {
    let s = input.trim();
    if s.is_empty() {
        return Ok(None);
    }
    s.parse().map(Some).map_err(|_| FieldError::Invalid)
}

impl TryFrom<&ResponseForm> for ResponseSubmission {
    type Error = FieldErrors;

    fn try_from(form: &ResponseForm) -> Result<Self, Self::Error> {
        ResponseSubmission::parse(form)
    }
}

#[cfg(test)]
mod tests;
