//! One pass over a response's text into the tokens every detector reads, so that each detector
//! looks only at a few neighbouring tokens and the whole scan stays linear in the text.

use super::{FlagKind, Hit};

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// Letters (and other non-ASCII alphanumerics such as "²"), without joiners: "H.C." is
    /// `H`, `.`, `C`, `.` and "Hans-Peter" is three tokens, which the detectors put together.
    Word,
    /// ASCII digits.
    Digits,
    /// A run of whitespace.
    Space,
    /// One other character.
    Punct,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Tok {
    pub(super) kind: Kind,
    /// Byte offsets into the text, on char boundaries.
    pub(super) start: usize,
    pub(super) end: usize,
    /// The first char (the whole token for `Punct`).
    pub(super) first: char,
    /// For `Space`, the number of line breaks in it.
    pub(super) newlines: u32,
}

impl Tok {
    pub(super) fn len(&self) -> usize {
        self.end - self.start
    }

    pub(super) fn is_punct(&self, c: char) -> bool {
        self.kind == Kind::Punct && self.first == c
    }

    /// One space as typed between two words of a name or the groups of a number (a
    /// no-break space counts: word processors put them in phone numbers and addresses).
    pub(super) fn is_single_space(&self) -> bool {
        self.kind == Kind::Space
            && self.newlines == 0
            && self.len() == self.first.len_utf8()
            && matches!(self.first, ' ' | '\u{a0}' | '\u{202f}')
    }

    /// A blank line: a paragraph ends here.
    pub(super) fn is_paragraph_break(&self) -> bool {
        self.kind == Kind::Space && self.newlines >= 2
    }
}

fn kind_of(c: char) -> Kind {
    if c.is_ascii_digit() {
        Kind::Digits
    } else if c.is_alphanumeric() {
        Kind::Word
    } else if c.is_whitespace() {
        Kind::Space
    } else {
        Kind::Punct
    }
}

/// Walks the tokens: wherever `match_at(i)` finds a passage (its first and last token), a hit
/// of `kind` is noted and the walk goes on after it.
pub(super) fn walk(
    toks: &[Tok],
    kind: FlagKind,
    hits: &mut Vec<Hit>,
    mut match_at: impl FnMut(usize) -> Option<(usize, usize)>,
) {
    let mut i = 0;
    while i < toks.len() {
        match match_at(i) {
            Some((first, last)) => {
                hits.push(Hit {
                    kind,
                    start: toks[first].start,
                    end: toks[last].end,
                });
                i = last + 1;
            }
            None => i += 1,
        }
    }
}

/// Splits `text` into tokens that cover it completely and in order.
pub(super) fn tokenize(text: &str) -> Vec<Tok> {
    let mut toks: Vec<Tok> = Vec::with_capacity(text.len() / 3 + 1);
    for (at, c) in text.char_indices() {
        let kind = kind_of(c);
        let end = at + c.len_utf8();
        let newline = u32::from(c == '\n');
        if let Some(last) = toks.last_mut()
            && last.kind == kind
            && kind != Kind::Punct
        {
            last.end = end;
            last.newlines += newline;
            continue;
        }
        toks.push(Tok {
            kind,
            start: at,
            end,
            first: c,
            newlines: newline,
        });
    }
    toks
}

/// The token text, lower-cased into `buf` (reused to spare an allocation per word).
pub(super) fn lower_into<'b>(text: &str, tok: &Tok, buf: &'b mut String) -> &'b str {
    buf.clear();
    for c in text[tok.start..tok.end].chars() {
        buf.extend(c.to_lowercase());
    }
    buf.as_str()
}

/// Whether a word starts with a capital letter and has a lower-case letter after it: "Algade",
/// "Ahmed", not "ADHD" or "EU".
pub(super) fn is_capitalised(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.any(char::is_lowercase)
}
