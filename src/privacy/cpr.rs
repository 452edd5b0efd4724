//! CPR numbers: a birth date `DDMMYY` and four more digits.
//!
//! The modulus-11 check is deliberately not made: numbers issued since 2007 need not pass it,
//! and a missed CPR number costs far more than a false alarm. What keeps other ten-digit
//! numbers out is that the first six digits must be a real date in the century the seventh
//! digit gives, and that the number stands alone (not in a longer number, a code or a link).

use super::scan::{Kind, Tok, walk};
use super::{FlagKind, Hit};

pub(super) fn find(text: &str, toks: &[Tok], hits: &mut Vec<Hit>) {
    walk(toks, FlagKind::Cpr, hits, |i| {
        match_at(text, toks, i).map(|last| (i, last))
    });
}

/// Dashes people put between date and serial: hyphen, en dash, no-break hyphen, minus sign.
pub(super) fn is_dash(c: char) -> bool {
    matches!(c, '-' | '–' | '‑' | '−')
}

/// The index of the number's last token if a CPR number starts at token `i`.
fn match_at(text: &str, toks: &[Tok], i: usize) -> Option<usize> {
    let first = toks.get(i)?;
    if first.kind != Kind::Digits || !stands_free_before(toks, i) {
        return None;
    }
    let (last, spaced) = match first.len() {
        10 => (i, false),
        6 => {
            let sep = toks.get(i + 1)?;
            let serial = toks.get(i + 2)?;
            let spaced = sep.is_single_space();
            let dashed = sep.kind == Kind::Punct && is_dash(sep.first);
            if !(spaced || dashed) || serial.kind != Kind::Digits || serial.len() != 4 {
                return None;
            }
            (i + 2, spaced)
        }
        _ => return None,
    };
    if !stands_free_after(toks, last) {
        return None;
    }
    // "12 345678 9012": a number written in groups, of which these are only some.
    if spaced && (spaced_group_before(toks, i) || spaced_group_after(toks, last)) {
        return None;
    }
    let digits: Vec<u8> = text[first.start..toks[last].end]
        .bytes()
        .filter(u8::is_ascii_digit)
        .map(|b| b - b'0')
        .collect();
    is_cpr_date(&digits).then_some(last)
}

/// Characters that make a digit run part of a path, a query or an identifier when they touch
/// it: "sag/0101901234", "?id=0101901234".
fn is_link_char(c: char) -> bool {
    matches!(c, '/' | '\\' | '=' | '?' | '&' | '#' | '_' | '@' | '%')
}

/// Characters that continue a number: "12.0101901234", "0101901234,50", "1-0101901234".
fn continues_number(c: char) -> bool {
    is_dash(c) || matches!(c, '.' | ',' | '/')
}

pub(super) fn stands_free_before(toks: &[Tok], i: usize) -> bool {
    let Some(prev) = i.checked_sub(1).and_then(|p| toks.get(p)) else {
        return true;
    };
    let before = i.checked_sub(2).and_then(|p| toks.get(p));
    match prev.kind {
        Kind::Word | Kind::Digits => false,
        Kind::Space => true,
        Kind::Punct => {
            let glued = before.is_some_and(|b| b.kind != Kind::Space);
            let after_digits = before.is_some_and(|b| b.kind == Kind::Digits);
            !((continues_number(prev.first) && after_digits) || (is_link_char(prev.first) && glued))
        }
    }
}

pub(super) fn stands_free_after(toks: &[Tok], last: usize) -> bool {
    let Some(next) = toks.get(last + 1) else {
        return true;
    };
    let after = toks.get(last + 2);
    match next.kind {
        Kind::Word | Kind::Digits => false,
        Kind::Space => true,
        Kind::Punct => {
            let c = next.first;
            let then_digits = after.is_some_and(|a| a.kind == Kind::Digits);
            let then_glued = after.is_some_and(|a| a.kind != Kind::Space);
            let then_alnum = after.is_some_and(|a| matches!(a.kind, Kind::Digits | Kind::Word));
            !((matches!(c, '.' | ',') && then_digits)
                || ((is_dash(c) || c == '/') && then_alnum)
                || (is_link_char(c) && then_glued))
        }
    }
}

fn spaced_group_before(toks: &[Tok], i: usize) -> bool {
    i >= 2 && toks[i - 1].is_single_space() && toks[i - 2].kind == Kind::Digits
}

fn spaced_group_after(toks: &[Tok], last: usize) -> bool {
    toks.get(last + 1).is_some_and(Tok::is_single_space)
        && toks.get(last + 2).is_some_and(|t| t.kind == Kind::Digits)
}

/// Whether ten digits begin with a birth date that exists: DDMMYY, the century from the
/// seventh digit (0–3: 1900s; 4 and 9: 2000–2036, else 1900s; 5–8: 2000–2057, else 1858–1899).
pub(super) fn is_cpr_date(digits: &[u8]) -> bool {
    let [d1, d2, m1, m2, y1, y2, c, ..] = *digits else {
        return false;
    };
    let day = u32::from(d1) * 10 + u32::from(d2);
    let month = u32::from(m1) * 10 + u32::from(m2);
    let yy = u32::from(y1) * 10 + u32::from(y2);
    let century = match c {
        0..=3 => 1900,
        4 | 9 if yy <= 36 => 2000,
        4 | 9 => 1900,
        5..=8 if yy <= 57 => 2000,
        5..=8 => 1800,
        _ => return false,
    };
    day >= 1 && day <= days_in_month(month, century + yy)
}

/// Days in `month` of `year` (0 for a month that does not exist).
pub(super) fn days_in_month(month: u32, year: u32) -> u32 {
    let leap = (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => 0,
    }
}
