//! Personal data in a høringssvar: flags what a clerk should look at before publishing a
//! response, and redacts the passages the clerk chooses.
//!
//! Citizens write their CPR number, phone number, address or a neighbour's illness into a
//! response more often than one would think; once a response is published on the hearing's
//! page it is public. [`detect`] points at such passages, [`redact`] replaces passages by
//! [`REDACTED`], and [`find_passage`] finds a passage the clerk typed or pasted.
//!
//! | kind | looks for | severity |
//! |---|---|---|
//! | `cpr` | `DDMMYY-SSSS` (also without dash, with a space or an en dash) whose first six digits are a real date in the century the seventh digit gives; no modulus-11 check | block |
//! | `phone` | eight digits starting with 2–9, as `23456789`, `23 45 67 89`, `2345 6789`, `23-45-67-89` or `23.45.67.89`, with an optional `+45`, `0045` or `(+45)` (kept in the flag); not amounts, CVR or case numbers, compact dates | warn |
//! | `email` | `local@domain.tld` | warn |
//! | `address` | capitalised street name ending in a street word (`-vej`, `-gade`, `Allé`, `Sankt Hans Gade`, `Ved Stranden` …), a house number, and an optional floor and postcode with town | warn |
//! | `health`, `origin` | a health word, or a word of origin or religion, within [`NEAR_NAME`] words of a person's name | warn |
//! | `name` | only in [`detect_with_names`], for texts that should name nobody (a meeting's minutes): a known person's name, or two capitalised words that are no place or institution, or a listed first name | warn |
//!
//! The health and origin hints flag the sensitive word itself, not the name: the name is what
//! makes the word personal, but the word is what a clerk redacts when the response is to stay
//! readable, and two hints near one name then never overlap. They are hints, not verdicts: a
//! name is two capitalised words that are not a known place or institution, or a first name
//! from a short built-in list, so names written in lower case, or one unusual first name
//! alone, go unnoticed, and a hint may point at a sentence about someone's own illness
//! that is theirs to publish.
//!
//! What is not looked for: names alone (a høringssvar is signed, and whether the name is
//! published is the sender's choice, handled elsewhere), foreign phone numbers, CPR numbers
//! written with other separators or split over lines, addresses without a house number, street
//! names in lower case, and the many other kinds of sensitive data (sexuality, union
//! membership, criminal records).
//!
//! Everything is linear in the text: one tokenising pass, then each detector looks at a
//! bounded neighbourhood of each token. How well it does, against a naive baseline, on a
//! development set and on a held-out set of generated sentences:
//! `cargo test -p hoering --lib detection_quality -- --nocapture`.

mod address;
mod cpr;
mod email;
mod lexicon;
mod phone;
mod redact;
pub mod retention;
mod scan;
mod sensitive;

use serde::{Deserialize, Serialize};

pub use redact::{REDACTED, RedactError, find_passage, redact};
pub use sensitive::NEAR_NAME;

/// What kind of personal data a [`Flag`] points at. Serialised in snake case, as [`code`]
/// gives it.
///
/// [`code`]: FlagKind::code
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FlagKind {
    Cpr,
    Phone,
    Email,
    Address,
    Health,
    Origin,
    /// A person's name: looked for only where nobody should be named ([`detect_with_names`]).
    Name,
}

impl FlagKind {
    pub const ALL: [FlagKind; 7] = [
        FlagKind::Cpr,
        FlagKind::Phone,
        FlagKind::Email,
        FlagKind::Address,
        FlagKind::Health,
        FlagKind::Origin,
        FlagKind::Name,
    ];

    /// "cpr", "phone", "email", "address", "health" or "origin".
    pub fn code(self) -> &'static str {
        match self {
            FlagKind::Cpr => "cpr",
            FlagKind::Phone => "phone",
            FlagKind::Email => "email",
            FlagKind::Address => "address",
            FlagKind::Health => "health",
            FlagKind::Origin => "origin",
            FlagKind::Name => "name",
        }
    }

    /// A CPR number must never be published, so only it blocks a plain "publish"; the others
    /// may well be meant to be public (an association's phone number, its address).
    pub fn severity(self) -> Severity {
        match self {
            FlagKind::Cpr => Severity::Block,
            _ => Severity::Warn,
        }
    }

    /// Which flag is kept when two overlap: the more specific pattern, and the one that is
    /// worse to publish (a CPR number with a space can look like a phone number; an e-mail
    /// address can hold digits and street words).
    fn rank(self) -> u8 {
        match self {
            FlagKind::Cpr => 4,
            FlagKind::Email => 3,
            FlagKind::Phone => 2,
            FlagKind::Address => 1,
            FlagKind::Health | FlagKind::Origin | FlagKind::Name => 0,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Must be handled (redacted, or publishing confirmed despite it) before a plain
    /// "publish"; CPR numbers only.
    Block,
    /// Shown, but publishing is allowed.
    Warn,
}

/// A passage of a response's text that looks like personal data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Flag {
    pub kind: FlagKind,
    pub severity: Severity,
    /// Byte offsets into the text, on char boundaries.
    pub start: usize,
    pub end: usize,
    /// The flagged text itself.
    pub text: String,
}

impl Flag {
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start..self.end
    }
}

/// A detector's finding before it becomes a [`Flag`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Hit {
    kind: FlagKind,
    start: usize,
    end: usize,
}

/// The passages of `text` that look like personal data, sorted by start and never overlapping:
/// where two detectors claim overlapping text, the stronger kind is kept (CPR, then e-mail,
/// phone, address, then the health and origin hints).
pub fn detect(text: &str) -> Vec<Flag> {
    let toks = scan::tokenize(text);
    let mut hits = Vec::new();
    find_all(text, &toks, &mut hits);
    flags(text, hits)
}

/// For a text that should name nobody, such as a dialogue meeting's minutes (where the
/// participants were promised they would not be named): [`detect`]'s flags, and every name
/// besides: the `known` people's (a meeting's sign-ups; any word of their name of two letters
/// or more, written with a capital, wherever it stands) and whatever looks like a name.
pub fn detect_with_names(text: &str, known: &[&str]) -> Vec<Flag> {
    let toks = scan::tokenize(text);
    let mut hits = Vec::new();
    find_all(text, &toks, &mut hits);
    sensitive::find_names(text, &toks, &mut hits);
    let known: std::collections::HashSet<String> = known
        .iter()
        .flat_map(|name| name.split(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.chars().count() >= 2)
        .map(str::to_lowercase)
        .collect();
    if !known.is_empty() {
        let mut buf = String::new();
        for tok in toks.iter().filter(|t| t.kind == scan::Kind::Word) {
            let word = &text[tok.start..tok.end];
            if scan::is_capitalised(word) && known.contains(scan::lower_into(text, tok, &mut buf)) {
                hits.push(Hit {
                    kind: FlagKind::Name,
                    start: tok.start,
                    end: tok.end,
                });
            }
        }
    }
    flags(text, hits)
}

fn find_all(text: &str, toks: &[scan::Tok], hits: &mut Vec<Hit>) {
    cpr::find(text, toks, hits);
    email::find(text, hits);
    phone::find(text, toks, hits);
    address::find(text, toks, hits);
    sensitive::find(text, toks, hits);
}

/// The hits resolved ([`resolve`]) into flags on their text.
fn flags(text: &str, mut hits: Vec<Hit>) -> Vec<Flag> {
    resolve(&mut hits);
    hits.into_iter()
        .filter_map(|hit| {
            Some(Flag {
                kind: hit.kind,
                severity: hit.kind.severity(),
                start: hit.start,
                end: hit.end,
                text: text.get(hit.start..hit.end)?.to_owned(),
            })
        })
        .collect()
}

/// Whether any flag still stands in the way of a plain "publish".
pub fn unhandled_blocking(flags: &[Flag]) -> bool {
    flags.iter().any(|f| f.severity == Severity::Block)
}

/// Keeps, of overlapping hits, the stronger (then the earlier, then the longer), and sorts
/// the rest by start. Stronger hits are placed first, each checked against its neighbours
/// among those already kept, so this is O(n log n) however the hits overlap.
fn resolve(hits: &mut Vec<Hit>) {
    hits.sort_by(|a, b| {
        b.kind
            .rank()
            .cmp(&a.kind.rank())
            .then(a.start.cmp(&b.start))
            .then(b.end.cmp(&a.end))
    });
    let mut kept: std::collections::BTreeMap<usize, Hit> = std::collections::BTreeMap::new();
    for hit in hits.drain(..) {
        if hit.start >= hit.end {
            continue;
        }
        let before = kept.range(..hit.end).next_back();
        // Kept hits never overlap one another, so the one starting last before this one's end
        // is the only one that can reach into it.
        if before.is_some_and(|(_, k)| k.end > hit.start) {
            continue;
        }
        kept.insert(hit.start, hit);
    }
    hits.extend(kept.into_values());
}

#[cfg(test)]
mod quality_heldout;
#[cfg(test)]
mod quality_tests;
#[cfg(test)]
mod tests;
