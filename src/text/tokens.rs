//! Tokenising Danish plain text into words, punctuation and whitespace, for diffs and matching.
//!
//! The tokens partition the input exactly (concatenated they give it back), which is what lets
//! a diff reproduce both versions byte for byte.

use std::ops::Range;

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokenKind {
    /// Letters and digits of any script (so æ, ø and å), joined by inner hyphens and
    /// apostrophes ("it-system", "kommune's"), numbers with inner separators ("1.000", "2,5")
    /// and a trailing hyphen of a suspended compound ("fritids- og sociale").
    Word,
    /// One character that is neither a word character nor whitespace.
    Punct,
    /// A run of whitespace.
    Space,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Token {
    pub(crate) kind: TokenKind,
    /// Byte range in the tokenised text.
    pub(crate) bytes: Range<usize>,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Splits `text` into tokens that cover it completely and in order.
pub(crate) fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 3);
    // The char at byte `at`, if any; ASCII (almost all of a Danish text) without decoding.
    let char_at = |at: usize| -> Option<char> {
        let b = *text.as_bytes().get(at)?;
        if b.is_ascii() {
            Some(char::from(b))
        } else {
            text.get(at..)?.chars().next()
        }
    };
    let mut at = 0;
    while let Some(c) = char_at(at) {
        let start = at;
        at += c.len_utf8();
        let kind = if c.is_whitespace() {
            while let Some(c) = char_at(at).filter(|c| c.is_whitespace()) {
                at += c.len_utf8();
            }
            TokenKind::Space
        } else if is_word_char(c) {
            let mut prev = c;
            loop {
                match char_at(at) {
                    Some(c) if is_word_char(c) => {
                        at += c.len_utf8();
                        prev = c;
                    }
                    Some(joiner) if joins_word(joiner) => {
                        let next = char_at(at + joiner.len_utf8());
                        let inner = next.is_some_and(is_word_char)
                            && (matches!(joiner, '-' | '\'' | '’')
                                || (prev.is_ascii_digit()
                                    && next.is_some_and(|c| c.is_ascii_digit())));
                        // "fritids- og": the hyphen belongs to the word it shortens.
                        let suspended =
                            joiner == '-' && next.is_none_or(|c| c.is_whitespace() || c == ',');
                        if let (true, Some(next)) = (inner, next) {
                            at += joiner.len_utf8() + next.len_utf8();
                            prev = next;
                        } else {
                            if suspended {
                                at += joiner.len_utf8();
                            }
                            break;
                        }
                    }
                    _ => break,
                }
            }
            TokenKind::Word
        } else {
            TokenKind::Punct
        };
        tokens.push(Token {
            kind,
            bytes: start..at,
        });
    }
    tokens
}

/// Characters that may sit inside a word; which of them do depends on their neighbours.
fn joins_word(c: char) -> bool {
    matches!(c, '-' | '\'' | '’' | '.' | ',')
}

/// A word of the text in lower case, with where it stands, for matching and quote search.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Word {
    pub(crate) lower: String,
    /// Byte range in the text.
    pub(crate) bytes: Range<usize>,
}

/// The words of `text`, lower-cased, without punctuation and whitespace.
pub(crate) fn words(text: &str) -> Vec<Word> {
    tokenize(text)
        .into_iter()
        .filter(|t| t.kind == TokenKind::Word)
        .filter_map(|t| {
            let word = text.get(t.bytes.clone())?;
            Some(Word {
                lower: word.to_lowercase(),
                bytes: t.bytes,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<&str> {
        tokenize(s).into_iter().map(|t| &s[t.bytes]).collect()
    }

    #[test]
    fn danish_words_punctuation_and_spaces() {
        assert_eq!(
            texts("Vi vil arbejde for, at:"),
            [
                "Vi", " ", "vil", " ", "arbejde", " ", "for", ",", " ", "at", ":"
            ]
        );
        assert_eq!(
            texts("Skolens virke – åndsfrihed, ligeværd"),
            [
                "Skolens",
                " ",
                "virke",
                " ",
                "–",
                " ",
                "åndsfrihed",
                ",",
                " ",
                "ligeværd"
            ]
        );
    }

    #[test]
    fn hyphens_numbers_and_suspended_compounds() {
        assert_eq!(
            texts("fritids- og sociale it-systemer"),
            ["fritids-", " ", "og", " ", "sociale", " ", "it-systemer"]
        );
        assert_eq!(
            texts("uddannelses-, beskæftigelses-"),
            ["uddannelses-", ",", " ", "beskæftigelses-"]
        );
        assert_eq!(
            texts("1.000 kr. og 2,5 %, 4000 Roskilde."),
            [
                "1.000", " ", "kr", ".", " ", "og", " ", "2,5", " ", "%", ",", " ", "4000", " ",
                "Roskilde", "."
            ]
        );
        assert_eq!(texts("\"indvandrer\""), ["\"", "indvandrer", "\""]);
    }

    #[test]
    fn tokens_cover_the_text() {
        for s in ["", " ", "  a  b ", "æ-ø-å --", "x.", "a'b'", "–", "1,2,3,"] {
            let joined: String = texts(s).concat();
            assert_eq!(joined, s);
        }
    }

    #[test]
    fn words_are_lower_case() {
        let w: Vec<String> = words("Roskilde Kommune, ÆBLER.")
            .into_iter()
            .map(|w| w.lower)
            .collect();
        assert_eq!(w, ["roskilde", "kommune", "æbler"]);
    }
}
