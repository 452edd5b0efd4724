//! The words of a Danish text, lower-cased with their byte ranges, and the terms a text is
//! indexed under.
//!
//! A word is what `text::tokens` calls one (letters and digits of any script, so æ, ø, å,
//! ä, ö, ü and é; inner apostrophes as in "kommune's"; numbers like "1.000" and "2,5"), with
//! one difference: hyphens split. The diff keeps "it-systemer" whole so that a change shows
//! as one word; search wants "FN-konventionen" found by "konventionen" and "it-systemer" by
//! "systemer", so here they are two words each. A suspended compound ("fritids- og
//! sociale") loses its hyphen the same way.

use std::borrow::Cow;
use std::iter::FusedIterator;

use super::stem::stem_str;
use super::stopwords::is_stop_word;

/// A word of a text: where it stands, and its text lower-cased.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word<'a> {
    /// Byte offset of the word's first char in the text.
    pub start: usize,
    /// Byte offset just past the word's last char.
    pub end: usize,
    /// The word lower-cased, with a typographic apostrophe (’) made plain ('). Borrowed from
    /// the text when it is already so, which most words of running Danish text are.
    pub text: Cow<'a, str>,
}

impl Word<'_> {
    /// The term the word is indexed under: its stem, or `None` for a stop word.
    pub fn term(&self) -> Option<&str> {
        (!is_stop_word(&self.text)).then(|| stem_str(&self.text))
    }
}

/// The words of `text` in order. Never panics, on any string.
pub fn words(text: &str) -> Words<'_> {
    Words { text, at: 0 }
}

/// The terms a text is indexed under: the stems of its words that are not stop words, in
/// order, duplicates kept (so that callers can count them).
pub fn terms(text: &str) -> Vec<String> {
    words(text)
        .filter_map(|w| w.term().map(str::to_owned))
        .collect()
}

/// The iterator [`words`] returns.
#[derive(Debug, Clone)]
pub struct Words<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Words<'a> {
    /// The char at byte `at`, if any; ASCII (almost all of a Danish text) without decoding.
    fn char_at(&self, at: usize) -> Option<char> {
        let b = *self.text.as_bytes().get(at)?;
        if b.is_ascii() {
            Some(char::from(b))
        } else {
            self.text.get(at..)?.chars().next()
        }
    }
}

impl<'a> Iterator for Words<'a> {
    type Item = Word<'a>;

    fn next(&mut self) -> Option<Word<'a>> {
        let start = loop {
            let c = self.char_at(self.at)?;
            if c.is_alphanumeric() {
                break self.at;
            }
            self.at += c.len_utf8();
        };
        let mut lower = true;
        let mut prev = '\0';
        while let Some(c) = self.char_at(self.at) {
            let len = if c.is_alphanumeric() || is_combining(c) {
                c.len_utf8()
            } else if matches!(c, '\'' | '’') || (matches!(c, '.' | ',') && prev.is_ascii_digit())
            {
                // An apostrophe joins letters ("kommune's"), a point or comma joins digits
                // ("1.000", "2,5"); at the end of a word they are punctuation.
                let next = self.char_at(self.at + c.len_utf8());
                let joins = match c {
                    '.' | ',' => next.is_some_and(|n| n.is_ascii_digit()),
                    _ => next.is_some_and(char::is_alphanumeric),
                };
                if !joins {
                    break;
                }
                c.len_utf8()
            } else {
                break;
            };
            lower &= c != '’' && !changes_in_lower_case(c);
            prev = c;
            self.at += len;
        }
        let end = self.at;
        let surface = &self.text[start..end];
        let text = if lower {
            Cow::Borrowed(surface)
        } else {
            Cow::Owned(lower_case(surface))
        };
        Some(Word { start, end, text })
    }
}

impl FusedIterator for Words<'_> {}

/// Combining marks continue the word of the letter they sit on, so that a decomposed "é" (e
/// and U+0301) is one word and a highlight never separates a letter from its accent.
fn is_combining(c: char) -> bool {
    matches!(
        c,
        '\u{0300}'..='\u{036F}'
            | '\u{1AB0}'..='\u{1AFF}'
            | '\u{1DC0}'..='\u{1DFF}'
            | '\u{20D0}'..='\u{20FF}'
            | '\u{FE20}'..='\u{FE2F}'
    )
}

pub(crate) fn changes_in_lower_case(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_uppercase()
    } else {
        c.to_lowercase().ne(std::iter::once(c))
    }
}

fn lower_case(word: &str) -> String {
    let mut lower = String::with_capacity(word.len());
    for c in word.chars() {
        if c == '’' {
            lower.push('\'');
        } else {
            lower.extend(c.to_lowercase());
        }
    }
    lower
}
