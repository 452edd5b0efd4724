//! Street addresses: a capitalised street name, a house number, and the floor and postcode
//! when they follow.
//!
//! The house number is what makes a street name an address (naming one's street is not
//! personal data), so the detector starts from numbers of one to three digits and looks at
//! the words before them: the last must end like a Danish street ("Køgevej", "Rådhusbuen") or
//! be a street word after other capitalised words ("Sankt Hans Gade", "Ved Stranden",
//! "H.C. Andersens Boulevard"). Street names written in lower case, and streets with other
//! endings ("Nørrebrogade" is caught, "Frederiksberg Runddel 1" is not), are missed.

use super::lexicon::{self, has};
use super::scan::{Kind, Tok, is_capitalised, lower_into, walk};
use super::{FlagKind, Hit};

/// Words of a street name before its last word, at most.
const MAX_NAME_WORDS: usize = 4;

pub(super) fn find(text: &str, toks: &[Tok], hits: &mut Vec<Hit>) {
    let mut buf = String::new();
    walk(toks, FlagKind::Address, hits, |k| {
        address_at(text, toks, k, &mut buf)
    });
}

fn word<'t>(text: &'t str, tok: &Tok) -> &'t str {
    &text[tok.start..tok.end]
}

fn is_word(toks: &[Tok], k: usize) -> bool {
    toks.get(k).is_some_and(|t| t.kind == Kind::Word)
}

fn single_space(toks: &[Tok], k: usize) -> bool {
    toks.get(k).is_some_and(Tok::is_single_space)
}

/// A house number: 1–3 digits, not starting with 0.
fn is_house_number(text: &str, toks: &[Tok], k: usize) -> bool {
    toks.get(k)
        .is_some_and(|t| t.kind == Kind::Digits && t.len() <= 3 && !word(text, t).starts_with('0'))
}

/// One letter after a house number ("12B", "12 B").
fn is_house_letter(text: &str, toks: &[Tok], k: usize, spaced: bool) -> bool {
    toks.get(k).is_some_and(|t| {
        let w = word(text, t);
        let mut chars = w.chars();
        let one = chars.next().filter(|c| c.is_alphabetic()).is_some() && chars.next().is_none();
        t.kind == Kind::Word && one && (!spaced || w.chars().all(|c| c.is_ascii_uppercase()))
    })
}

/// The first and last token of an address whose house number is token `k`.
fn address_at(text: &str, toks: &[Tok], k: usize, buf: &mut String) -> Option<(usize, usize)> {
    if !is_house_number(text, toks, k)
        || k < 2
        || !single_space(toks, k - 1)
        || !is_word(toks, k - 2)
    {
        return None;
    }
    // "Hedevej Øst 12", "Ringvej Syd 3": a quarter after the street's own name.
    let mut street = k - 2;
    if k >= 4
        && matches!(word(text, &toks[street]), "Øst" | "Vest" | "Nord" | "Syd")
        && single_space(toks, street - 1)
        && is_word(toks, street - 2)
    {
        street -= 2;
    }
    let first = street_name_start(text, toks, street, buf)?;
    let mut last = house_number_end(text, toks, k, buf)?;
    if let Some(end) = floor_end(text, toks, last, buf) {
        last = end;
    }
    if let Some(end) = town_end(text, toks, last) {
        last = end;
    }
    Some((first, last))
}

/// The first token of the street name whose last word is token `w`, if it is one.
fn street_name_start(text: &str, toks: &[Tok], w: usize, buf: &mut String) -> Option<usize> {
    let street = word(text, &toks[w]);
    if !is_capitalised(street) {
        return None;
    }
    let lower = lower_into(text, &toks[w], buf);
    if has(lexicon::NOT_STREETS, lower)
        || !lexicon::STREET_SUFFIXES.iter().any(|s| lower.ends_with(s))
    {
        return None;
    }
    // "Gade", "Vej", "Stranden" alone are a street only after the rest of its name.
    let bare = has(lexicon::STREET_SUFFIXES, lower);

    // The words before it, nearest first, each given by its first token.
    let mut words: Vec<usize> = Vec::new();
    let mut first = w;
    while words.len() < MAX_NAME_WORDS && first >= 2 && single_space(toks, first - 1) {
        let p = first - 2;
        let t = &toks[p];
        if t.kind == Kind::Word && is_capitalised(word(text, t)) {
            first = p;
        } else if let Some(start) = abbreviation_start(text, toks, p, buf) {
            first = start;
        } else if let Some(start) = regnal_number_start(text, toks, p) {
            first = start;
        } else {
            break;
        }
        words.push(first);
    }
    // Leading words that start the sentence rather than name the street: "I Algade 12".
    while let Some(&lead) = words.last() {
        if toks[lead].kind == Kind::Word
            && has(lexicon::ADDRESS_LEAD, lower_into(text, &toks[lead], buf))
        {
            words.pop();
        } else {
            break;
        }
    }
    match words.last() {
        Some(&start) => Some(start),
        None if bare => None,
        None => Some(w),
    }
}

/// If token `p` is the full stop of an abbreviation in a street name ("Gl.", "Skt.", "H.C."),
/// its first token.
fn abbreviation_start(text: &str, toks: &[Tok], p: usize, buf: &mut String) -> Option<usize> {
    if !toks[p].is_punct('.') || p == 0 || !is_word(toks, p - 1) {
        return None;
    }
    let letter = |k: usize| {
        let w = word(text, &toks[k]);
        w.chars().count() == 1 && w.chars().all(char::is_uppercase)
    };
    let mut q = p - 1;
    let abbreviated = letter(q) || {
        let w = word(text, &toks[q]);
        w.chars().next().is_some_and(char::is_uppercase)
            && has(lexicon::ABBREVIATIONS, lower_into(text, &toks[q], buf))
    };
    if !abbreviated {
        return None;
    }
    // "H.C.": initials joined by full stops.
    while q >= 2 && letter(q) && toks[q - 1].is_punct('.') && is_word(toks, q - 2) && letter(q - 2)
    {
        q -= 2;
    }
    Some(q)
}

/// If token `p` ends a king's number with a genitive s, as in "Christian IX's Gade", its
/// first token.
fn regnal_number_start(text: &str, toks: &[Tok], p: usize) -> Option<usize> {
    let genitive = word(text, &toks[p]) == "s"
        && p >= 2
        && (toks[p - 1].is_punct('\'') || toks[p - 1].is_punct('’'))
        && is_word(toks, p - 2);
    let numeral = genitive
        && word(text, &toks[p - 2])
            .chars()
            .all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C'));
    numeral.then(|| p - 2)
}

/// The last token of the house number at token `k` ("12", "12B", "12 B", "12-14"), unless
/// what follows shows the number is something else ("12,5", "12 gange").
fn house_number_end(text: &str, toks: &[Tok], k: usize, buf: &mut String) -> Option<usize> {
    let mut last = k;
    if is_house_letter(text, toks, last + 1, false) {
        last += 1;
    } else if toks
        .get(last + 1)
        .is_some_and(|t| t.is_punct('-') || t.is_punct('–'))
        && is_house_number(text, toks, last + 2)
    {
        last += 2;
        if is_house_letter(text, toks, last + 1, false) {
            last += 1;
        }
    } else if single_space(toks, last + 1)
        && is_house_letter(text, toks, last + 2, true)
        && !toks.get(last + 3).is_some_and(|t| t.is_punct('.'))
    {
        last += 2;
    }
    match toks.get(last + 1) {
        None => return Some(last),
        Some(t) if t.kind == Kind::Word || t.kind == Kind::Digits => return None,
        Some(t) if t.is_punct('%') => return None,
        Some(t)
            if (t.is_punct('.') || t.is_punct(','))
                && toks.get(last + 2).is_some_and(|n| n.kind == Kind::Digits) =>
        {
            return None;
        }
        Some(_) => {}
    }
    if single_space(toks, last + 1)
        && toks
            .get(last + 2)
            .is_some_and(|t| t.kind == Kind::Word && has(lexicon::UNITS, lower_into(text, t, buf)))
    {
        return None;
    }
    Some(last)
}

/// The word at token `k`, lower case, if it is one of `list`; with its full stop if one follows.
fn floor_word(
    text: &str,
    toks: &[Tok],
    k: usize,
    list: &[&str],
    buf: &mut String,
) -> Option<usize> {
    let t = toks.get(k).filter(|t| t.kind == Kind::Word)?;
    if !has(list, lower_into(text, t, buf)) {
        return None;
    }
    Some(if toks.get(k + 1).is_some_and(|t| t.is_punct('.')) {
        k + 1
    } else {
        k
    })
}

/// The last token of a floor and side after the house number ending at `last`: ", 2. tv.",
/// " st. th.", ", 1. sal", ", kld.".
fn floor_end(text: &str, toks: &[Tok], last: usize, buf: &mut String) -> Option<usize> {
    let mut j = last + 1;
    if toks.get(j).is_some_and(|t| t.is_punct(',')) {
        j += 1;
    }
    if !single_space(toks, j) {
        return None;
    }
    j += 1;
    let side_after = |from: usize, buf: &mut String| {
        if single_space(toks, from + 1) {
            floor_word(text, toks, from + 2, lexicon::SIDE_WORDS, buf)
        } else {
            None
        }
    };
    let t = toks.get(j)?;
    if t.kind == Kind::Digits && t.len() <= 2 {
        // "2." alone may end the sentence; only a side or "sal" makes it a floor.
        if !toks.get(j + 1).is_some_and(|t| t.is_punct('.')) {
            return None;
        }
        return side_after(j + 1, buf);
    }
    let floor = floor_word(text, toks, j, lexicon::FLOOR_WORDS, buf)?;
    Some(side_after(floor, buf).unwrap_or(floor))
}

/// The last token of a postcode and town after the address part ending at `last`:
/// ", 4000 Roskilde", " 2100 København Ø".
fn town_end(text: &str, toks: &[Tok], last: usize) -> Option<usize> {
    let mut j = last + 1;
    if toks.get(j).is_some_and(|t| t.is_punct(',')) {
        j += 1;
    }
    let code = toks.get(j + 1)?;
    let postcode = single_space(toks, j)
        && code.kind == Kind::Digits
        && code.len() == 4
        && !word(text, code).starts_with('0');
    if !postcode || !single_space(toks, j + 2) || !is_word(toks, j + 3) {
        return None;
    }
    if !is_capitalised(word(text, &toks[j + 3])) {
        return None;
    }
    let mut end = j + 3;
    // The district letters of the big cities' postcodes: "København K", "Aarhus C".
    let district = toks.get(end + 2).is_some_and(|t| {
        t.kind == Kind::Word
            && matches!(
                word(text, t),
                "K" | "V" | "Ø" | "N" | "S" | "C" | "SV" | "NV" | "SØ" | "NØ"
            )
    });
    if single_space(toks, end + 1) && district {
        end += 2;
    }
    Some(end)
}
