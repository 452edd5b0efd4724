//! What the hearing pages show, as it travels from the server to the browser.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::version::VersionInfo;
use hoering::document::BlockKind;
use hoering::hearing::HearingState;

/// One hearing in a list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HearingCard {
    pub slug: String,
    pub title: String,
    pub committee: String,
    pub state: HearingState,
    /// First day of the hearing in Copenhagen.
    pub opens: Date,
    /// Last day (the deadline) in Copenhagen.
    pub closes: Date,
    /// Whole days left until the deadline while the hearing is open (0 on the last day).
    pub days_left: Option<i64>,
    /// What the public sees, høringssvar and meeting input apart.
    pub published: hoering::response::PublicCounts,
}

/// A hearing with its draft, as the public reads it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HearingView {
    pub card: HearingCard,
    /// The policy the hearing is a step of (its page: `/politikker/{policy_slug}`).
    pub policy_slug: String,
    pub contact: String,
    pub version_label: String,
    pub sections: Vec<SectionView>,
    pub footnotes: Vec<BlockView>,
    /// Published responses on the draft as a whole (not on one block).
    pub whole_draft_responses: i64,
    /// Every version of the policy's text, oldest first.
    pub versions: Vec<VersionInfo>,
    /// The høringsliste as Danish practice publishes it: organisations and their kind only.
    pub consultees: Vec<hoering::consultees::PublicParty>,
    /// Councils that have published their discussion of this draft: name and the room's path.
    #[serde(default)]
    pub published_discussions: Vec<(String, String)>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SectionView {
    pub number: u32,
    pub level: u8,
    pub heading: String,
    pub blocks: Vec<BlockView>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BlockView {
    pub id: String,
    /// The citable number, e.g. `2.3` or `2.3.1` (a list item) or `n1` (a footnote).
    pub number: String,
    pub kind: BlockKind,
    /// Sanitised HTML of the block's content, made by the domain core.
    pub html: String,
    pub published_responses: i64,
}

/// A hearing in the clerk's overview.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AdminHearingCard {
    pub card: HearingCard,
    /// The policy the hearing is a step of.
    pub policy_slug: String,
    pub pending: i64,
    pub published: i64,
    pub withheld: i64,
}

/// The clerk's preview of a Markdown draft before it becomes a hearing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HearingPreview {
    pub title: String,
    pub sections: Vec<SectionView>,
    pub footnotes: Vec<BlockView>,
    /// For a draft read from a Word or LibreOffice file: what it held that the draft does not.
    #[serde(default)]
    pub left_out: Option<Vec<hoering::import::LeftOut>>,
}
