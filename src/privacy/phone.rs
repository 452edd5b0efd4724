//! Danish phone numbers: eight digits, the first 2–9, in the groupings people write them in,
//! with an optional country code that is then part of the flag (the words "tlf." or "mobil:"
//! before a number are not).
//!
//! Eight-digit runs are also amounts, CVR and case numbers and compact dates, so a number
//! right after a word for a reference or an amount ("CVR-nr.", "sagsnr.", "kr.") or before
//! a unit ("kroner", "%") is not flagged, nor eight digits that read as a date DDMMYYYY. A
//! number with a country code is flagged whatever stands around it.

use super::cpr::{stands_free_after, stands_free_before};
use super::lexicon::{self, has};
use super::scan::{Kind, Tok, lower_into, walk};
use super::{FlagKind, Hit};

pub(super) fn find(text: &str, toks: &[Tok], hits: &mut Vec<Hit>) {
    let mut buf = String::new();
    walk(toks, FlagKind::Phone, hits, |i| {
        with_country_code(text, toks, i)
            .or_else(|| plain(text, toks, i, &mut buf))
            .map(|last| (i, last))
    });
}

/// How the eight digits are grouped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Grouping {
    /// `23456789`
    Plain,
    /// `2345 6789`, `23 45 67 89`, `23-45-67-89`, `23.45.67.89`
    Grouped,
}

fn digits_tok(toks: &[Tok], i: usize, len: usize) -> bool {
    toks.get(i)
        .is_some_and(|t| t.kind == Kind::Digits && t.len() == len)
}

fn first_digit_ok(text: &str, at: usize) -> bool {
    text.as_bytes()
        .get(at)
        .is_some_and(|b| (b'2'..=b'9').contains(b))
}

/// The index of the last token of a number's eight digits starting at token `j`.
fn body(text: &str, toks: &[Tok], j: usize) -> Option<(usize, Grouping)> {
    let first = toks.get(j)?;
    if first.kind != Kind::Digits || !first_digit_ok(text, first.start) {
        return None;
    }
    groups_from(toks, j, first.len())
}

/// The rest of a number whose first group, `first_len` digits, ends token `j` (all of it, or
/// its end after a country code written without a space: "+4523 45 67 89").
fn groups_from(toks: &[Tok], j: usize, first_len: usize) -> Option<(usize, Grouping)> {
    match first_len {
        8 => Some((j, Grouping::Plain)),
        4 => (toks.get(j + 1)?.is_single_space() && digits_tok(toks, j + 2, 4))
            .then_some((j + 2, Grouping::Grouped)),
        2 => {
            let sep = toks.get(j + 1)?;
            let same_sep = |t: &Tok| {
                if sep.is_single_space() {
                    t.is_single_space()
                } else {
                    sep.kind == Kind::Punct
                        && matches!(sep.first, '-' | '.')
                        && t.is_punct(sep.first)
                }
            };
            let grouped = (1..4).all(|g| {
                toks.get(j + 2 * g - 1).is_some_and(same_sep) && digits_tok(toks, j + 2 * g, 2)
            });
            grouped.then_some((j + 6, Grouping::Grouped))
        }
        _ => None,
    }
}

/// Groups of digits right before, separated by one space: the number is part of a longer
/// one ("+46 23 45 67 89", "1 2345 6789").
fn group_before(toks: &[Tok], first: usize) -> bool {
    first >= 2 && toks[first - 1].is_single_space() && toks[first - 2].kind == Kind::Digits
}

/// Likewise after: "23 45 67 89 10".
fn group_after(toks: &[Tok], last: usize) -> bool {
    toks.get(last + 1).is_some_and(Tok::is_single_space)
        && toks.get(last + 2).is_some_and(|t| t.kind == Kind::Digits)
}

/// `+45 …`, `0045 …`, `(+45) …`, `+4523456789`, `004523456789`, starting at token `i`.
fn with_country_code(text: &str, toks: &[Tok], i: usize) -> Option<usize> {
    let t = toks.get(i)?;
    if i > 0 && matches!(toks[i - 1].kind, Kind::Word | Kind::Digits) {
        return None;
    }
    let is_45 = |k: usize| toks.get(k).is_some_and(|t| &text[t.start..t.end] == "45");
    // The token right after the country code, and a glued number's digits after the code.
    let (code_end, glued_code) = if t.is_punct('(') {
        let ok = toks.get(i + 1).is_some_and(|t| t.is_punct('+'))
            && is_45(i + 2)
            && toks.get(i + 3).is_some_and(|t| t.is_punct(')'));
        (ok.then_some(i + 3)?, None)
    } else if t.is_punct('+') {
        if is_45(i + 1) {
            (i + 1, None)
        } else {
            (i + 1, Some("45"))
        }
    } else if t.kind == Kind::Digits && &text[t.start..t.end] == "0045" {
        (i, None)
    } else if t.kind == Kind::Digits {
        (i, Some("0045"))
    } else {
        return None;
    };
    if let Some(code) = glued_code {
        let digits = toks.get(code_end)?;
        let number = text.get(digits.start..digits.end)?;
        let glued = digits.kind == Kind::Digits
            && number.starts_with(code)
            && first_digit_ok(text, digits.start + code.len());
        if !glued {
            return None;
        }
        let (last, _) = groups_from(toks, code_end, number.len() - code.len())?;
        let free =
            stands_free_after(toks, last) && !group_before(toks, i) && !group_after(toks, last);
        return free.then_some(last);
    }
    let mut j = code_end + 1;
    if toks.get(j).is_some_and(Tok::is_single_space) {
        j += 1;
    }
    let (last, _) = body(text, toks, j)?;
    (stands_free_after(toks, last) && !group_before(toks, i) && !group_after(toks, last))
        .then_some(last)
}

/// A number without country code starting at token `i`, where nothing around it says it is
/// something else.
fn plain(text: &str, toks: &[Tok], i: usize, buf: &mut String) -> Option<usize> {
    let (last, grouping) = body(text, toks, i)?;
    if !stands_free_before(toks, i) || (i > 0 && toks[i - 1].is_punct('+')) {
        return None;
    }
    if !stands_free_after(toks, last) || group_before(toks, i) || group_after(toks, last) {
        return None;
    }
    if grouping == Grouping::Plain
        && reads_as_date(text.as_bytes().get(toks[i].start..toks[i].end)?)
    {
        return None;
    }
    if refers_to_something_else(text, toks, i, buf) || has_unit_after(text, toks, last, buf) {
        return None;
    }
    Some(last)
}

/// DDMMYYYY with a year 1900–2099, as in file names and some forms.
fn reads_as_date(digits: &[u8]) -> bool {
    let n = |k: usize| digits.get(k).map_or(0, |b| u32::from(b - b'0'));
    let (day, month) = (n(0) * 10 + n(1), n(2) * 10 + n(3));
    let year = n(4) * 1000 + n(5) * 100 + n(6) * 10 + n(7);
    (1900..2100).contains(&year) && day >= 1 && day <= super::cpr::days_in_month(month, year)
}

/// The words just before token `i` (skipping spaces and the punctuation of abbreviations and
/// labels), nearest first; at most `n`, and not beyond a sentence end or a line.
fn words_before<'t>(text: &'t str, toks: &[Tok], i: usize, n: usize) -> Vec<(usize, &'t str)> {
    let mut found = Vec::new();
    let mut k = i;
    let mut skipped = 0;
    while k > 0 && found.len() < n && skipped < 6 {
        k -= 1;
        let t = &toks[k];
        match t.kind {
            Kind::Word => {
                found.push((k, &text[t.start..t.end]));
                skipped = 0;
            }
            Kind::Space if t.newlines == 0 => skipped += 1,
            Kind::Punct if matches!(t.first, '.' | ':' | '-' | '(' | '#' | '/') => skipped += 1,
            _ => break,
        }
    }
    found
}

fn refers_to_something_else(text: &str, toks: &[Tok], i: usize, buf: &mut String) -> bool {
    let words = words_before(text, toks, i, 2);
    let Some(&(k, _)) = words.first() else {
        return false;
    };
    let nearest = lower_into(text, &toks[k], buf);
    if has(lexicon::NUMBER_WORDS, nearest) {
        // "sag nr. 23456789" is a reference; "mit nummer: 23 45 67 89" and "tlf. nr. …" are
        // phone numbers.
        return words.get(1).is_some_and(|&(k2, _)| {
            has(lexicon::REFERENCE_WORDS, lower_into(text, &toks[k2], buf))
        });
    }
    has(lexicon::REFERENCE_WORDS, nearest)
}

fn has_unit_after(text: &str, toks: &[Tok], last: usize, buf: &mut String) -> bool {
    let mut k = last + 1;
    if toks.get(k).is_some_and(Tok::is_single_space) {
        k += 1;
    }
    match toks.get(k) {
        Some(t) if t.kind == Kind::Word => has(lexicon::UNITS, lower_into(text, t, buf)),
        Some(t) => t.is_punct('%') || t.is_punct('‰'),
        None => false,
    }
}
