//! What the version pages show, as it travels from the server to the browser.

use crate::hearing::BlockView;
use crate::hearing::HearingCard;
use crate::hearing::SectionView;
use crate::response::{PublicResponse, ResponsesPage};
use serde::{Deserialize, Serialize};

/// One version of a policy's text, as listed to readers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VersionInfo {
    pub number: i64,
    pub label: String,
    pub note: String,
    /// The version the hearing ran on.
    pub hearing_version: bool,
}

/// A published response shown on a later version of the text than the one it was given to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CarriedResponse {
    pub response: PublicResponse,
    /// The version it was given to, and the block's number there.
    pub given_to_version: i64,
    pub given_to_block: Option<String>,
    /// The words it was made on (the quote, or the whole block), as they were then.
    pub words_then: String,
    /// Where the words went: the word-level changes from then to this version (empty when
    /// unchanged).
    pub changes: Vec<hoering::diff::DiffOp>,
    /// The version in which its words were removed, if they were.
    pub removed_in: Option<i64>,
}

/// One version of the text; each block counts the published input placed on it (from this and
/// earlier versions), which the reader opens a page at a time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VersionView {
    pub card: HearingCard,
    pub versions: Vec<VersionInfo>,
    pub version: VersionInfo,
    pub sections: Vec<SectionView>,
    pub footnotes: Vec<BlockView>,
    /// Published input whose words are gone from this version.
    pub removed_count: i64,
}

/// One page of the input placed on a block of a version (or of the input whose words it removed).
pub type CarriedPage = ResponsesPage<CarriedResponse>;

/// What changed between two versions of the text, block by block.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChangesView {
    pub card: HearingCard,
    pub versions: Vec<VersionInfo>,
    pub from: VersionInfo,
    pub to: VersionInfo,
    /// How many blocks read the same in both versions (not sent: the page only counts them).
    pub unchanged: usize,
    /// The blocks that changed, in the newer version's order.
    pub changes: Vec<hoering::diff::BlockChange>,
}
