//! Blocks: the citable units of a document, with their stable ids and their human numbers.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use thiserror::Error;

/// What kind of Markdown construct a block came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BlockKind {
    /// A paragraph; raw HTML blocks are shown as escaped text and count as paragraphs too.
    Paragraph,
    /// One top-level list item, including any list nested inside it.
    ListItem,
    Table,
    BlockQuote,
    Code,
    Footnote,
}

impl BlockKind {
    /// Every kind, in declaration order.
    pub const ALL: [BlockKind; 6] = [
        BlockKind::Paragraph,
        BlockKind::ListItem,
        BlockKind::Table,
        BlockKind::BlockQuote,
        BlockKind::Code,
        BlockKind::Footnote,
    ];

    /// The stable code, identical to the serde form.
    pub fn as_str(self) -> &'static str {
        match self {
            BlockKind::Paragraph => "paragraph",
            BlockKind::ListItem => "listitem",
            BlockKind::Table => "table",
            BlockKind::BlockQuote => "blockquote",
            BlockKind::Code => "code",
            BlockKind::Footnote => "footnote",
        }
    }
}

impl fmt::Display for BlockKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One citable unit of a document.
///
/// `html` is a fragment that is safe to insert as inner HTML: every piece of text in it is
/// escaped and every link was checked against the allowed schemes. It is the *content* of
/// the block, so the UI chooses the wrapper:
/// - `Paragraph`: phrasing content, wrap in `<p>`;
/// - `ListItem`: flow content, wrap in `<li>` (inside `<ul>`/`<ol>` per list);
/// - `Table`: `<thead>…</thead><tbody>…</tbody>`, wrap in `<table>`;
/// - `BlockQuote`: flow content, wrap in `<blockquote>`;
/// - `Code`: escaped code text with its line breaks, wrap in `<pre><code>`;
/// - `Footnote`: flow content ending with a back link to the first reference, wrap in `<li>`
///   or `<div>`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Block {
    pub id: BlockId,
    pub number: BlockNumber,
    pub kind: BlockKind,
    /// Plain text with all whitespace runs collapsed to one space, for search, diff and API.
    pub text: String,
    pub html: String,
}

/// Why a string is not a [`BlockId`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockIdError {
    #[error("a block id has exactly {} characters", BlockId::LEN)]
    Length,
    #[error("a block id uses only the characters 0-9 and a-z without i, l, o and u")]
    Charset,
}

/// An opaque, URL-safe identifier of a block that survives re-parsing of the same text.
///
/// Twelve characters of lowercase Crockford base32 (60 bits).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct BlockId(String);

impl BlockId {
    pub const LEN: usize = 12;
    /// Crockford's alphabet leaves out letters that are easily mistaken for digits when read
    /// aloud or copied by hand.
    pub(crate) const ALPHABET: &'static [u8; 32] = b"0123456789abcdefghjkmnpqrstvwxyz";

    pub fn parse(s: &str) -> Result<Self, BlockIdError> {
        if s.len() != Self::LEN {
            return Err(BlockIdError::Length);
        }
        if !s.bytes().all(|b| Self::ALPHABET.contains(&b)) {
            return Err(BlockIdError::Charset);
        }
        Ok(BlockId(s.to_owned()))
    }

    /// Encodes the top 60 bits of `bits`.
    pub(crate) fn from_bits(bits: u64) -> Self {
        let mut s = String::with_capacity(Self::LEN);
        for i in 0..Self::LEN {
            let shift = 64 - 5 * (i + 1);
            let index = ((bits >> shift) & 0x1f) as usize;
            s.push(char::from(Self::ALPHABET[index]));
        }
        BlockId(s)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

crate::newtype::string_newtype!(BlockId: BlockIdError);

/// Why a string or a set of numbers is not a [`BlockNumber`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockNumberError {
    #[error("a block number looks like 2.3, 2.3.1 or n1")]
    Syntax,
    #[error("positions, items and notes count from 1")]
    Zero,
    #[error("a part of the block number is too large")]
    TooLarge,
}

/// The parts of a [`BlockNumber`], for the UI to format ("2.3", "2.3, punkt 1", "Note 1").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum BlockNumberParts {
    /// A paragraph, table, block quote or code block: "2.3".
    Block { section: u32, position: u32 },
    /// The `item`-th item of the list at `position`: "2.3, punkt 1".
    ListItem {
        section: u32,
        position: u32,
        item: u32,
    },
    /// A footnote definition: "Note 1".
    Footnote { note: u32 },
}

/// The human address of a block, as a clerk cites it: "2.3" (section 2, third position),
/// "2.3.1" (first item of the list at that position) or "n1" (first footnote).
///
/// Ordering follows the document: body blocks by section, position and item, footnotes last.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct BlockNumber(Repr);

// Field order matters: the derived Ord is document order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Repr {
    Body {
        section: u32,
        position: u32,
        item: Option<u32>,
    },
    Footnote(u32),
}

impl BlockNumber {
    /// A paragraph-like block or, with `item`, a list item. Section 0 is the untitled
    /// content before the first heading.
    pub fn new(section: u32, position: u32, item: Option<u32>) -> Result<Self, BlockNumberError> {
        if position == 0 || item == Some(0) {
            return Err(BlockNumberError::Zero);
        }
        Ok(BlockNumber(Repr::Body {
            section,
            position,
            item,
        }))
    }

    pub fn footnote(note: u32) -> Result<Self, BlockNumberError> {
        if note == 0 {
            return Err(BlockNumberError::Zero);
        }
        Ok(BlockNumber(Repr::Footnote(note)))
    }

    /// `None` for footnotes, which belong to no section.
    pub fn section(&self) -> Option<u32> {
        match self.0 {
            Repr::Body { section, .. } => Some(section),
            Repr::Footnote(_) => None,
        }
    }

    pub fn position(&self) -> Option<u32> {
        match self.0 {
            Repr::Body { position, .. } => Some(position),
            Repr::Footnote(_) => None,
        }
    }

    /// The 1-based item within a list, for list items only.
    pub fn item(&self) -> Option<u32> {
        match self.0 {
            Repr::Body { item, .. } => item,
            Repr::Footnote(_) => None,
        }
    }

    pub fn note(&self) -> Option<u32> {
        match self.0 {
            Repr::Body { .. } => None,
            Repr::Footnote(note) => Some(note),
        }
    }

    pub fn is_footnote(&self) -> bool {
        matches!(self.0, Repr::Footnote(_))
    }

    pub fn parts(&self) -> BlockNumberParts {
        match self.0 {
            Repr::Body {
                section,
                position,
                item: None,
            } => BlockNumberParts::Block { section, position },
            Repr::Body {
                section,
                position,
                item: Some(item),
            } => BlockNumberParts::ListItem {
                section,
                position,
                item,
            },
            Repr::Footnote(note) => BlockNumberParts::Footnote { note },
        }
    }

    /// The canonical string form: "2.3", "2.3.1" or "n1".
    pub fn as_str(&self) -> String {
        self.to_string()
    }

    /// The HTML id of the block's element and the URL fragment that points at it: "b-2.3.1".
    pub fn fragment(&self) -> String {
        format!("b-{self}")
    }
}

impl fmt::Display for BlockNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Repr::Body {
                section,
                position,
                item: None,
            } => write!(f, "{section}.{position}"),
            Repr::Body {
                section,
                position,
                item: Some(item),
            } => write!(f, "{section}.{position}.{item}"),
            Repr::Footnote(note) => write!(f, "n{note}"),
        }
    }
}

/// Parses one decimal part in canonical form: no sign, no leading zeros, no whitespace, so
/// that every block has exactly one URL.
fn parse_part(s: &str) -> Result<u32, BlockNumberError> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) || (s.len() > 1 && s.starts_with('0'))
    {
        return Err(BlockNumberError::Syntax);
    }
    s.parse::<u32>().map_err(|_| BlockNumberError::TooLarge)
}

impl FromStr for BlockNumber {
    type Err = BlockNumberError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if let Some(note) = s.strip_prefix('n') {
            return BlockNumber::footnote(parse_part(note)?);
        }
        let mut parts = s.split('.');
        let (Some(section), Some(position)) = (parts.next(), parts.next()) else {
            return Err(BlockNumberError::Syntax);
        };
        let item = parts.next();
        if parts.next().is_some() {
            return Err(BlockNumberError::Syntax);
        }
        let item = item.map(parse_part).transpose()?;
        BlockNumber::new(parse_part(section)?, parse_part(position)?, item)
    }
}

crate::newtype::text_serde!(BlockNumber: BlockNumberError);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn block_numbers_round_trip() {
        for s in ["0.1", "2.3", "2.3.1", "12.40.7", "n1", "n23"] {
            let n: BlockNumber = s.parse().unwrap();
            assert_eq!(n.as_str(), s);
            assert_eq!(n.fragment(), format!("b-{s}"));
        }
    }

    #[test]
    fn block_number_accessors() {
        let n: BlockNumber = "2.3.1".parse().unwrap();
        assert_eq!(
            (n.section(), n.position(), n.item(), n.note()),
            (Some(2), Some(3), Some(1), None)
        );
        assert_eq!(
            n.parts(),
            BlockNumberParts::ListItem {
                section: 2,
                position: 3,
                item: 1
            }
        );
        let p: BlockNumber = "2.3".parse().unwrap();
        assert_eq!(
            p.parts(),
            BlockNumberParts::Block {
                section: 2,
                position: 3
            }
        );
        let f: BlockNumber = "n2".parse().unwrap();
        assert_eq!(f.parts(), BlockNumberParts::Footnote { note: 2 });
        assert_eq!((f.section(), f.note()), (None, Some(2)));
        assert!(f.is_footnote());
    }

    #[test]
    fn block_numbers_reject_garbage() {
        for s in [
            "",
            "2",
            "2.",
            ".3",
            "2..3",
            "2.3.",
            "2.3.1.4",
            "a.b",
            "2.0",
            "2.3.0",
            "n0",
            "n",
            "N1",
            "02.3",
            "2.03",
            "+2.3",
            " 2.3",
            "2.3 ",
            "2,3",
            "n1.2",
            "-1.2",
            "2.3\n",
            "١.٢",
            "99999999999.1",
        ] {
            assert!(
                s.parse::<BlockNumber>().is_err(),
                "{s:?} should be rejected"
            );
        }
        assert_eq!("2.0".parse::<BlockNumber>(), Err(BlockNumberError::Zero));
        assert_eq!(
            "4294967296.1".parse::<BlockNumber>(),
            Err(BlockNumberError::TooLarge)
        );
    }

    #[test]
    fn block_numbers_sort_in_document_order() {
        let mut v: Vec<BlockNumber> = ["n1", "2.3.1", "2.3", "10.1", "2.4", "0.1", "2.3.2"]
            .iter()
            .map(|s| s.parse().unwrap())
            .collect();
        v.sort();
        let s: Vec<String> = v.iter().map(BlockNumber::as_str).collect();
        assert_eq!(s, ["0.1", "2.3", "2.3.1", "2.3.2", "2.4", "10.1", "n1"]);
    }

    #[test]
    fn block_ids_validate() {
        assert!(BlockId::parse("0123456789ab").is_ok());
        assert_eq!(BlockId::parse("0123"), Err(BlockIdError::Length));
        assert_eq!(BlockId::parse("0123456789aB"), Err(BlockIdError::Charset));
        assert_eq!(BlockId::parse("0123456789ai"), Err(BlockIdError::Charset));
        assert_eq!(BlockId::parse("0123456789a-"), Err(BlockIdError::Charset));
        let id = BlockId::from_bits(u64::MAX);
        assert_eq!(id.as_ref(), "zzzzzzzzzzzz");
        assert!(BlockId::parse(id.as_str()).is_ok());
        assert_eq!(BlockId::from_bits(0).to_string(), "000000000000");
    }

    #[test]
    fn kinds_have_stable_codes() {
        let codes: Vec<&str> = BlockKind::ALL.iter().map(|k| k.as_str()).collect();
        assert_eq!(
            codes,
            [
                "paragraph",
                "listitem",
                "table",
                "blockquote",
                "code",
                "footnote"
            ]
        );
    }
}
