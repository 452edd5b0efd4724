//! Plain-text building blocks shared by anchoring and diffing: Danish tokens and words, char
//! and byte offsets, and the word-level diff.
//!
//! This module sits below both `anchoring` and `diff`, so neither needs the other for its
//! text handling: `diff` shows the changes `anchoring` found, and `anchoring` uses the word
//! diff only to tell which text of a block is new.

mod myers;
pub(crate) mod offsets;
pub(crate) mod tokens;
mod word_diff;

pub use offsets::byte_range;
pub use word_diff::{DiffOp, MAX_DIFF_EDITS, MAX_DIFF_TOKENS, new_text, old_text, word_diff};
