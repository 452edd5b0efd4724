//! Char and byte offsets in a block's text, converted in O(log n) after one pass.
//!
//! Quotes count chars (as the browser does) while Rust slices by bytes. Converting by counting
//! from the start of the text each time made every conversion linear in the block's length,
//! and a search that converts once per occurrence quadratic.

use std::ops::Range;

/// The char boundaries of one text, for conversions both ways by binary search.
#[derive(Debug, Clone)]
pub(crate) struct Offsets<'t> {
    text: &'t str,
    /// Byte offset of every char, then `text.len()`; empty for an ASCII text, where char and
    /// byte offsets are the same and nothing needs storing.
    starts: Vec<usize>,
}

impl<'t> Offsets<'t> {
    pub(crate) fn new(text: &'t str) -> Self {
        let starts = if text.is_ascii() {
            Vec::new()
        } else {
            text.char_indices()
                .map(|(i, _)| i)
                .chain(std::iter::once(text.len()))
                .collect()
        };
        Offsets { text, starts }
    }

    /// The char offset of byte `byte`; a byte inside a char counts as that char's start, past
    /// the end as the end.
    pub(crate) fn char_of(&self, byte: usize) -> usize {
        if self.starts.is_empty() {
            return byte.min(self.text.len());
        }
        let at = self.starts.partition_point(|&b| b <= byte);
        at.saturating_sub(1)
    }

    /// The byte offset of char `char`, if the text has that many chars.
    pub(crate) fn byte_of(&self, char: usize) -> Option<usize> {
        if self.starts.is_empty() {
            (char <= self.text.len()).then_some(char)
        } else {
            self.starts.get(char).copied()
        }
    }

    /// The byte range of the char range `start..end`.
    pub(crate) fn bytes(&self, start: usize, end: usize) -> Option<Range<usize>> {
        if start > end {
            return None;
        }
        Some(self.byte_of(start)?..self.byte_of(end)?)
    }
}

/// The byte range of the char range `start..end` of `text`, for slicing in Rust.
pub fn byte_range(text: &str, start: usize, end: usize) -> Option<Range<usize>> {
    Offsets::new(text).bytes(start, end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conversions_agree_with_counting() {
        for text in ["", "abc", "æøå", "Skolens virke – åndsfrihed", "a😀b"] {
            let offsets = Offsets::new(text);
            let chars = text.chars().count();
            for (c, (b, _)) in text.char_indices().enumerate() {
                assert_eq!(offsets.char_of(b), c, "{text:?} byte {b}");
                assert_eq!(offsets.byte_of(c), Some(b));
            }
            assert_eq!(offsets.char_of(text.len()), chars);
            assert_eq!(offsets.byte_of(chars), Some(text.len()));
            assert_eq!(offsets.byte_of(chars + 1), None);
            for s in 0..=chars {
                for e in s..=chars {
                    let counted = text.char_indices().map(|(i, _)| i).chain([text.len()]);
                    let counted: Vec<usize> = counted.collect();
                    assert_eq!(offsets.bytes(s, e), Some(counted[s]..counted[e]));
                }
                assert_eq!(offsets.bytes(s, chars + 1), None);
                assert_eq!(byte_range(text, s + 1, s), None);
            }
        }
    }
}
