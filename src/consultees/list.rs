//! Reusing a list, and the list as the høringsnotat publishes it.

use std::cmp::Ordering;
use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::party::email_key;
use super::{Party, PartyKind};

/// The parties of `incoming` (say, an earlier hearing's list) to add to `existing`, in their
/// order, and the indexes of `incoming` skipped because their e-mail address is already on the
/// list (case-insensitively). A party that appears twice in `incoming` is added once; the
/// second is skipped as already on the list by then.
pub fn merge(existing: &[Party], incoming: &[Party]) -> (Vec<Party>, Vec<usize>) {
    let mut on_list: BTreeSet<String> = existing.iter().map(|p| email_key(&p.email)).collect();
    let mut added = Vec::new();
    let mut skipped = Vec::new();
    for (i, party) in incoming.iter().enumerate() {
        if on_list.insert(email_key(&party.email)) {
            added.push(party.clone());
        } else {
            skipped.push(i);
        }
    }
    (added, skipped)
}

/// A party as the public may see it: the body, never the person or the address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublicParty {
    pub organisation: String,
    pub kind: PartyKind,
}

/// The list of parties heard, as published with the høringsnotat: organisation and kind only,
/// in Danish alphabetical order ([`danish_cmp`]). An organisation invited at several
/// addresses (the national office and the local branch's mailbox) is listed once per kind,
/// since the public sees bodies, not mailboxes.
pub fn public_list(parties: &[Party]) -> Vec<PublicParty> {
    let mut list: Vec<PublicParty> = parties
        .iter()
        .map(|p| PublicParty {
            organisation: p.organisation.to_string(),
            kind: p.kind,
        })
        .collect();
    // The kind before the exact spelling, so that the same body in another case sits next to
    // itself and is dropped below.
    list.sort_by_cached_key(|p| {
        let (primary, lower) = sort_key(&p.organisation);
        (primary, lower, p.kind, p.organisation.clone())
    });
    list.dedup_by(|b, a| {
        a.kind == b.kind && a.organisation.to_lowercase() == b.organisation.to_lowercase()
    });
    list
}

/// Danish alphabetical order, as a Danish dictionary or phone book sorts: Æ, Ø and Å after Z;
/// Ä sorts as Æ, Ö as Ø and Ü as Y; other accented letters as their base letter; a name
/// beginning with "Aa" (Aabenraa, Aarhus) as Å. Spaces come before punctuation, punctuation
/// before digits, digits before letters. Case and accents only break ties.
pub fn danish_cmp(a: &str, b: &str) -> Ordering {
    sort_key(a).cmp(&sort_key(b)).then_with(|| a.cmp(b))
}

/// The primary weights and the lowercased text (for ties in accent only).
fn sort_key(s: &str) -> (Vec<(u8, u32)>, String) {
    const SPACE: u8 = 0;
    const PUNCTUATION: u8 = 1;
    const DIGIT: u8 = 2;
    const LETTER: u8 = 3;

    let lower = s.trim().to_lowercase();
    let text = match lower.strip_prefix("aa") {
        Some(rest) => format!("å{rest}"),
        None => lower.clone(),
    };
    let mut key: Vec<(u8, u32)> = Vec::with_capacity(text.len());
    for c in text.chars() {
        if c.is_whitespace() {
            // A double space typed by accident must not move a name.
            if key.last().is_some_and(|(class, _)| *class == SPACE) {
                continue;
            }
            key.push((SPACE, 0));
        } else if let Some(d) = c.to_digit(10) {
            key.push((DIGIT, d));
        } else if c.is_alphabetic() {
            let (first, second) = fold(c);
            key.push((LETTER, first));
            if let Some(second) = second {
                key.push((LETTER, second));
            }
        } else {
            key.push((PUNCTUATION, u32::from(c)));
        }
    }
    (key, lower)
}

/// The place in the Danish alphabet a lowercase letter sorts as, and a second for a letter
/// that sorts as two (ß as "ss"): a = 0 … z = 25, æ = 26, ø = 27, å = 28; letters of other
/// scripts after those, by code point.
fn fold(c: char) -> (u32, Option<u32>) {
    let base = match c {
        'æ' | 'ä' | 'ǽ' => return (26, None),
        'ø' | 'ö' | 'ő' | 'œ' => return (27, None),
        'å' => return (28, None),
        'ß' => return (18, Some(18)),
        'à' | 'á' | 'â' | 'ã' | 'ā' | 'ą' => 'a',
        'ç' | 'č' | 'ć' => 'c',
        'ð' | 'ď' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ę' | 'ě' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'ī' => 'i',
        'ł' | 'ľ' => 'l',
        'ñ' | 'ń' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ō' => 'o',
        'ř' => 'r',
        'š' | 'ś' => 's',
        'ť' => 't',
        'ù' | 'ú' | 'û' | 'ū' | 'ů' => 'u',
        'ü' | 'ű' | 'ý' | 'ÿ' => 'y',
        'ž' | 'ź' | 'ż' => 'z',
        c => c,
    };
    if base.is_ascii_lowercase() {
        (u32::from(base) - u32::from('a'), None)
    } else {
        (100 + u32::from(base), None)
    }
}
