//! Bemærkninger: the administration's answer to a point raised in the hearing, what it leads
//! to, and the four-eyes path from a clerk's draft to publication with the høringsnotat.

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::NotatErrors;
use crate::document::BlockNumber;
use crate::response::{FieldError, required_text};

/// What a point in the hearing led to.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum Outcome {
    /// The draft was changed: the changed block, numbered as in the new version.
    Change {
        version: u32,
        block: String,
    },
    NoChange,
    /// Taken into account without changing the draft, e.g. for the later work.
    Noted,
}

impl Outcome {
    /// The codes a form offers, in the order it offers them.
    pub const CODES: [&'static str; 3] = ["change", "no_change", "noted"];

    pub fn code(&self) -> &'static str {
        match self {
            Self::Change { .. } => "change",
            Self::NoChange => "no_change",
            Self::Noted => "noted",
        }
    }
}

/// What a bemærkning answers.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RemarkTarget {
    /// One høringssvar, by its id.
    Response(i64),
    /// A campaign: identical responses, answered once; their ids.
    Group(Vec<i64>),
    /// A passage of one response, as byte offsets into its text.
    Passage {
        response: i64,
        start: usize,
        end: usize,
    },
}

/// What kind of thing a bemærkning answers, without which: as the database and the clerks'
/// pages name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TargetKind {
    Response,
    Group,
    Passage,
}

impl TargetKind {
    pub const ALL: [TargetKind; 3] = [Self::Response, Self::Group, Self::Passage];

    pub fn code(self) -> &'static str {
        match self {
            Self::Response => "response",
            Self::Group => "group",
            Self::Passage => "passage",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }
}

impl RemarkTarget {
    pub fn kind(&self) -> TargetKind {
        match self {
            Self::Response(_) => TargetKind::Response,
            Self::Group(_) => TargetKind::Group,
            Self::Passage { .. } => TargetKind::Passage,
        }
    }

    /// The responses answered, each once, in the order given.
    pub fn responses(&self) -> Vec<i64> {
        match self {
            Self::Response(id) | Self::Passage { response: id, .. } => vec![*id],
            Self::Group(ids) => {
                let mut seen = Vec::with_capacity(ids.len());
                for id in ids {
                    if !seen.contains(id) {
                        seen.push(*id);
                    }
                }
                seen
            }
        }
    }
}

/// A bemærkning's text: 1–10 000 characters after trimming, line breaks as `\n`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct RemarkText(String);

impl RemarkText {
    pub const MAX_CHARS: usize = 10_000;

    pub fn parse(input: &str) -> Result<Self, FieldError> {
        required_text(input, Self::MAX_CHARS).map(Self)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

crate::newtype::string_newtype!(RemarkText: FieldError);

/// Where a bemærkning stands. Times are Unix seconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum RemarkState {
    Draft,
    /// A second clerk has read and approved it.
    Approved {
        by: i64,
        at: i64,
    },
    /// Published with the høringsnotat; fixed from then on.
    Published {
        at: i64,
    },
}

impl RemarkState {
    pub fn code(&self) -> &'static str {
        self.stage().code()
    }

    /// Where it stands, without who approved it and when.
    pub fn stage(&self) -> RemarkStage {
        match self {
            Self::Draft => RemarkStage::Draft,
            Self::Approved { .. } => RemarkStage::Approved,
            Self::Published { .. } => RemarkStage::Published,
        }
    }
}

/// Where a bemærkning stands, as its list shows it: [`RemarkState`] without who and when.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RemarkStage {
    Draft,
    Approved,
    Published,
}

impl RemarkStage {
    pub const ALL: [RemarkStage; 3] = [Self::Draft, Self::Approved, Self::Published];

    pub fn code(self) -> &'static str {
        match self {
            Self::Draft => "draft",
            Self::Approved => "approved",
            Self::Published => "published",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// The administration's answer to one point.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Remark {
    pub target: RemarkTarget,
    pub text: RemarkText,
    pub outcome: Outcome,
    /// The staff account that wrote the current text: the one person who may not approve it.
    pub author: i64,
    pub state: RemarkState,
}

impl Remark {
    /// A new draft.
    pub fn draft(target: RemarkTarget, content: RemarkContent, author: i64) -> Self {
        Self {
            target,
            text: content.text,
            outcome: content.outcome,
            author,
            state: RemarkState::Draft,
        }
    }

    pub fn is_published(&self) -> bool {
        matches!(self.state, RemarkState::Published { .. })
    }
}

/// Why a remark cannot be approved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum ApproveRefusal {
    /// The four-eyes rule: whoever wrote the text cannot be the one who approves it.
    #[error("a clerk cannot approve their own remark")]
    OwnRemark,
    #[error("the remark has been published")]
    Published,
}

impl ApproveRefusal {
    pub fn code(self) -> &'static str {
        match self {
            Self::OwnRemark => "own_remark",
            Self::Published => "published",
        }
    }
}

/// Why a remark cannot be edited.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum EditRefusal {
    /// The høringsnotat has gone out with this text; a correction is a new document.
    #[error("the remark has been published")]
    Published,
}

impl EditRefusal {
    pub fn code(self) -> &'static str {
        match self {
            Self::Published => "published",
        }
    }
}

/// Why the remarks were not published.
#[derive(Debug, Clone, PartialEq, Eq, Error, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum PublishRefusal {
    /// Some remarks are still drafts: their indexes in the list given.
    #[error("{} remark(s) are not approved", drafts.len())]
    Unapproved { drafts: Vec<usize> },
}

impl PublishRefusal {
    pub fn code(&self) -> &'static str {
        match self {
            Self::Unapproved { .. } => "unapproved",
        }
    }
}

/// `remark` approved by `reviewer` at `at`.
///
/// A remark approved already stays as it is: the first approval stands, so a second click or
/// a second reviewer changes nothing and is no error.
pub fn approve(remark: &Remark, reviewer: i64, at: i64) -> Result<Remark, ApproveRefusal> {
    match remark.state {
        RemarkState::Published { .. } => Err(ApproveRefusal::Published),
        _ if reviewer == remark.author => Err(ApproveRefusal::OwnRemark),
        RemarkState::Approved { .. } => Ok(remark.clone()),
        RemarkState::Draft => Ok(Remark {
            state: RemarkState::Approved { by: reviewer, at },
            ..remark.clone()
        }),
    }
}

/// What of a point a clerk can change; any change to an approved point returns it to draft.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RemarkField {
    /// The section of the draft the point belongs to.
    Section,
    /// "Hvad blev sagt": the clerk's summary of the point.
    Summary,
    /// The bemærkning itself.
    Text,
    /// What the point led to.
    Outcome,
    /// Which changed block a `change` outcome points at.
    Change,
}

impl RemarkField {
    pub fn code(self) -> &'static str {
        match self {
            Self::Section => "section",
            Self::Summary => "summary",
            Self::Text => "text",
            Self::Outcome => "outcome",
            Self::Change => "change",
        }
    }
}

/// How a clerk frames a point beside its bemærkning: the draft's section ("" for the whole
/// draft) and the summary of what was said. Stored with the remark, read by the approver.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PointFraming {
    pub section: String,
    pub summary: String,
}

/// A remark after an edit, and which of its fields the edit changed (none: nothing to store).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edited {
    pub remark: Remark,
    pub changed: Vec<RemarkField>,
}

/// `remark`, framed as `framing`, with new content and framing by `editor`, back to draft.
///
/// Four eyes read everything that is published under a point: a change to the summary or the
/// section is as much a change as one to the text, so any change returns the remark to draft.
/// The editor becomes the author, so that whoever wrote what now stands is the one who may not
/// approve it, even when that is the clerk who approved the earlier text. Saving the same
/// point again changes nothing, so an approval is not lost to a stray "save".
pub fn edit(
    remark: &Remark,
    framing: &PointFraming,
    editor: i64,
    content: RemarkContent,
    new_framing: &PointFraming,
) -> Result<Edited, EditRefusal> {
    if remark.is_published() {
        return Err(EditRefusal::Published);
    }
    let mut changed = Vec::new();
    if framing.section.trim() != new_framing.section.trim() {
        changed.push(RemarkField::Section);
    }
    if framing.summary.trim() != new_framing.summary.trim() {
        changed.push(RemarkField::Summary);
    }
    if remark.text != content.text {
        changed.push(RemarkField::Text);
    }
    if remark.outcome.code() != content.outcome.code() {
        changed.push(RemarkField::Outcome);
    } else if remark.outcome != content.outcome {
        changed.push(RemarkField::Change);
    }
    if changed.is_empty() {
        return Ok(Edited {
            remark: remark.clone(),
            changed,
        });
    }
    Ok(Edited {
        remark: Remark {
            target: remark.target.clone(),
            text: content.text,
            outcome: content.outcome,
            author: editor,
            state: RemarkState::Draft,
        },
        changed,
    })
}

/// Every remark published at `at`, or none: a høringsnotat goes out whole. Refused, naming
/// every draft by its index, if any remark is not approved. Remarks published before keep
/// their time.
pub fn publish_all(remarks: &[Remark], at: i64) -> Result<Vec<Remark>, PublishRefusal> {
    let drafts: Vec<usize> = remarks
        .iter()
        .enumerate()
        .filter(|(_, r)| r.state == RemarkState::Draft)
        .map(|(i, _)| i)
        .collect();
    if !drafts.is_empty() {
        return Err(PublishRefusal::Unapproved { drafts });
    }
    Ok(remarks
        .iter()
        .map(|r| match r.state {
            RemarkState::Published { .. } => r.clone(),
            _ => Remark {
                state: RemarkState::Published { at },
                ..r.clone()
            },
        })
        .collect())
}

/// The remark form exactly as posted: every field a string, missing fields empty.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RemarkFields {
    pub text: String,
    /// One of [`Outcome::CODES`].
    pub outcome: String,
    /// The version the draft was changed in; only read for `change`.
    pub version: String,
    /// The changed block's number in that version ("3.2", "§ 3.2"); only read for `change`.
    pub block: String,
}

/// What a valid remark form holds: the text and the outcome.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RemarkContent {
    pub text: RemarkText,
    pub outcome: Outcome,
}

impl RemarkFields {
    /// The remark's content, or every mistake at once (field name to `required`, `invalid`
    /// or `too_long`). Version and block are ignored unless the outcome is `change`, since a
    /// form that hides them may still post what was typed before the outcome was switched.
    pub fn parse(&self) -> Result<RemarkContent, NotatErrors> {
        let mut errors = NotatErrors::new();
        let mut fail = |field: &str, code: &str| {
            errors.insert(field.to_owned(), code.to_owned());
        };

        let text = RemarkText::parse(&self.text)
            .map_err(|e| fail("text", e.code()))
            .ok();
        let outcome = match self.outcome.trim() {
            "" => {
                fail("outcome", "required");
                None
            }
            "no_change" => Some(Outcome::NoChange),
            "noted" => Some(Outcome::Noted),
            "change" => {
                let version = match self.version.trim() {
                    "" => Err("required"),
                    s if s.bytes().all(|b| b.is_ascii_digit()) => match s.parse::<u32>() {
                        Ok(v) if v > 0 => Ok(v),
                        _ => Err("invalid"),
                    },
                    _ => Err("invalid"),
                }
                .map_err(|c| fail("version", c))
                .ok();
                let block = parse_block(&self.block).map_err(|c| fail("block", c)).ok();
                match (version, block) {
                    (Some(version), Some(block)) => Some(Outcome::Change { version, block }),
                    _ => None,
                }
            }
            _ => {
                fail("outcome", "invalid");
                None
            }
        };

        match (text, outcome) {
            (Some(text), Some(outcome)) if errors.is_empty() => Ok(RemarkContent { text, outcome }),
            _ => Err(errors),
        }
    }
}

/// A block number as typed, in its canonical spelling ("§ 3.2" reads as "3.2").
fn parse_block(input: &str) -> Result<String, &'static str> {
    let s = input.trim();
    let s = s.strip_prefix('§').unwrap_or(s).trim_start();
    if s.is_empty() {
        return Err("required");
    }
    s.parse::<BlockNumber>()
        .map(|b| b.to_string())
        .map_err(|_| "invalid")
}
