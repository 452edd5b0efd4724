//! Health and origin near a person's name: "min nabo Ahmed Hassan har PTSD", "Fatima, som er
//! muslim, …". A response may speak of illness, handicap or religion in general (a handicap
//! policy does nothing else); it is a named person's illness or religion that is sensitive.
//!
//! A name is a run of two or more capitalised words, none of them a place or an institution
//! ("Roskilde Kommune" is not a name), or one first name from the built-in list; one other
//! capitalised word alone is not, as it is most often capitalised for starting a sentence. The
//! flag covers the health or origin word only (the `privacy` module says why). Accepted
//! imprecision: a capitalised title ("Social Balance") passes for a name, a name in lower case
//! or an unlisted first name alone ("Ib er døv") does not, and the words may be about somebody
//! else in the same sentence.

use super::lexicon::{self, has};
use super::scan::{Kind, Tok, is_capitalised, lower_into};
use super::{FlagKind, Hit};

/// How many words apart a name and a health or origin word may stand to count as near: about
/// a sentence, so "Ahmed Hassan, min nabo gennem mange år, har PTSD" is caught.
pub const NEAR_NAME: usize = 8;

#[derive(Debug, Clone, Copy)]
struct Name {
    /// Word positions (counting words and numbers) of its first and last word.
    first: usize,
    last: usize,
    paragraph: usize,
    /// Byte offsets of the name in the text.
    start: usize,
    end: usize,
}

#[derive(Debug, Clone, Copy)]
struct Term {
    word: usize,
    paragraph: usize,
    hit: Hit,
}

/// One capitalised word of a run that may be a name.
#[derive(Debug, Clone, Copy)]
struct RunWord {
    word: usize,
    first_name: bool,
    start: usize,
    end: usize,
}

#[derive(Default)]
struct Run {
    words: Vec<RunWord>,
    institution: bool,
    /// The token index of the run's last word.
    last_tok: usize,
    paragraph: usize,
}

impl Run {
    /// The name this run of capitalised words is, if any; empties the run.
    fn finish(&mut self, names: &mut Vec<Name>) {
        let words = &self.words[..];
        // One capitalised word is a name only if it is a known first name: most are capitalised
        // for starting a sentence or being a noun of a title.
        let name = !self.institution && (words.len() >= 2 || words.iter().any(|w| w.first_name));
        if let (true, Some(first), Some(last)) = (name, words.first(), words.last()) {
            names.push(Name {
                first: first.word,
                last: last.word,
                paragraph: self.paragraph,
                start: first.start,
                end: last.end,
            });
        }
        self.words.clear();
        self.institution = false;
    }
}

fn is_institution(lower: &str) -> bool {
    has(lexicon::INSTITUTIONS, lower)
        || lexicon::INSTITUTION_ENDINGS
            .iter()
            .any(|e| lower.len() > e.len() && lower.ends_with(e))
}

pub(super) fn term_kind(lower: &str) -> Option<FlagKind> {
    let kind = if has(lexicon::HEALTH_WORDS, lower) || lexicon::HEALTH_STEMS.find_in(lower, true) {
        FlagKind::Health
    } else if has(lexicon::ORIGIN_WORDS, lower)
        || lexicon::ORIGIN_STEMS.find_in(lower, false)
        || lexicon::ORIGIN_INFIXES.find_in(lower, true)
    {
        FlagKind::Origin
    } else {
        return None;
    };
    // "Handicaprådet", "Integrationspolitikken": bodies and policies, not a person's data.
    let body = lexicon::INSTITUTION_ENDINGS
        .iter()
        .any(|e| lower.ends_with(e));
    (!body).then_some(kind)
}

/// What looks like a person's name, by the same rule as the hints' (two or more capitalised
/// words that are no place or institution, or one listed first name): for a text that should
/// name nobody at all, such as a meeting's minutes.
pub(super) fn find_names(text: &str, toks: &[Tok], hits: &mut Vec<Hit>) {
    let (names, _) = scan(text, toks);
    hits.extend(names.into_iter().map(|n| Hit {
        kind: FlagKind::Name,
        start: n.start,
        end: n.end,
    }));
}

pub(super) fn find(text: &str, toks: &[Tok], hits: &mut Vec<Hit>) {
    let (names, terms) = scan(text, toks);
    // Both lists are in text order; `next` is the first name starting after the term.
    let mut next = 0;
    for term in terms {
        while next < names.len() && names[next].first <= term.word {
            next += 1;
        }
        let before = next.checked_sub(1).and_then(|p| names.get(p));
        let after = names.get(next);
        let near_before = before.is_some_and(|n| {
            n.paragraph == term.paragraph && term.word.saturating_sub(n.last) <= NEAR_NAME
        });
        let near_after = after
            .is_some_and(|n| n.paragraph == term.paragraph && n.first - term.word <= NEAR_NAME);
        if near_before || near_after {
            hits.push(term.hit);
        }
    }
}

/// The names and the health and origin words of a text, each in text order.
fn scan(text: &str, toks: &[Tok]) -> (Vec<Name>, Vec<Term>) {
    let mut buf = String::new();
    let mut names: Vec<Name> = Vec::new();
    let mut terms: Vec<Term> = Vec::new();
    let mut run = Run::default();
    let mut word = 0;
    let mut paragraph = 0;

    for (k, tok) in toks.iter().enumerate() {
        match tok.kind {
            Kind::Space => {
                if tok.is_paragraph_break() {
                    paragraph += 1;
                }
                continue;
            }
            Kind::Punct => continue,
            Kind::Digits => {
                run.finish(&mut names);
                word += 1;
                continue;
            }
            Kind::Word => {}
        }
        let lower = lower_into(text, tok, &mut buf);
        // No health or origin word is shorter than "syg" and "hiv".
        if let Some(kind) = (lower.len() >= 3).then(|| term_kind(lower)).flatten() {
            terms.push(Term {
                word,
                paragraph,
                hit: Hit {
                    kind,
                    start: tok.start,
                    end: tok.end,
                },
            });
        }
        let capitalised =
            is_capitalised(&text[tok.start..tok.end]) && !has(lexicon::NOT_NAMES, lower);
        // A run goes on over one space or a hyphen ("Hans-Peter"), and not past a paragraph.
        let joined = k >= 2
            && run.last_tok == k - 2
            && !run.words.is_empty()
            && (toks[k - 1].is_single_space() || toks[k - 1].is_punct('-'));
        if !joined || !capitalised {
            run.finish(&mut names);
        }
        if capitalised {
            run.institution |= is_institution(lower);
            run.words.push(RunWord {
                word,
                first_name: has(lexicon::FIRST_NAMES, lower),
                start: tok.start,
                end: tok.end,
            });
            run.last_tok = k;
            run.paragraph = paragraph;
        }
        word += 1;
    }
    run.finish(&mut names);
    (names, terms)
}
