//! Input given at a meeting, recorded by the clerk against a block of the draft so that it
//! sits among the written høringssvar on that block.

use serde::{Deserialize, Serialize};

use super::{MeetingErrors, ParticipantGroup, one_line, parse_group};
use crate::document::BlockNumber;
use crate::mistakes::Mistakes;
use crate::response::ResponseText;

/// The input form exactly as posted: every field a string, missing fields empty.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct InputFields {
    /// A block number such as "3.2"; "§ 3.2" and "afsnit 3.2" are read too. Empty means the
    /// input is about the whole draft.
    pub block: String,
    /// A [`ParticipantGroup`] code.
    pub group: String,
    /// Which table at the meeting, e.g. "Bord 3"; may be empty.
    pub table: String,
    pub text: String,
}

/// Valid meeting input, ready to store.
///
/// `block` is only known to be a well-formed number; whether the draft has such a block is
/// for the caller to check against the [`crate::document::Document`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingInput {
    pub block: Option<BlockNumber>,
    pub group: ParticipantGroup,
    pub table: Option<String>,
    pub text: ResponseText,
}

impl MeetingInput {
    pub const MAX_TABLE_CHARS: usize = 100;
}

/// What is left of a typed block reference without "§" or "afsnit" in front, trimmed.
pub(super) fn strip_block_prefix(s: &str) -> &str {
    let s = s.trim();
    let s = s.strip_prefix('§').unwrap_or(s).trim_start();
    match s.get(..6) {
        Some(word) if word.eq_ignore_ascii_case("afsnit") => s.get(6..).unwrap_or_default().trim(),
        _ => s,
    }
}

fn parse_block(input: &str) -> Result<Option<BlockNumber>, &'static str> {
    let s = strip_block_prefix(input);
    if s.is_empty() {
        return Ok(None);
    }
    s.parse().map(Some).map_err(|_| "invalid")
}

impl InputFields {
    /// The input, or every mistake at once.
    pub fn parse(&self) -> Result<MeetingInput, MeetingErrors> {
        let mut mistakes = Mistakes::default();
        let block = mistakes.check("block", parse_block(&self.block));
        let group = mistakes.check("group", parse_group(&self.group));
        let table = one_line(&self.table, MeetingInput::MAX_TABLE_CHARS);
        let table = mistakes.check("table", table);
        let text = mistakes.check("text", ResponseText::parse(&self.text));

        match (block, group, table, text) {
            (Some(block), Some(group), Some(table), Some(text)) if mistakes.is_empty() => {
                Ok(MeetingInput {
                    block,
                    group,
                    table,
                    text,
                })
            }
            _ => Err(mistakes.into_map()),
        }
    }
}
