//! Finding the block a piece of meeting input is about, as the clerk types: by number ("3.2",
//! "§ 3") or by words from its text. It runs on every keystroke in the browser, so it scans
//! the plain texts once per query without building an index or allocating per block.

use std::cmp::Reverse;

use super::input::strip_block_prefix;

/// Indexes into `blocks` (`(number, plain text)` in document order) of at most `limit` blocks
/// matching `query`, best first.
///
/// A block number ("3.2", "§ 3", "n1") gives that block and then those under it ("3" gives
/// "3", "3.1", "3.2" …); when no block has such a number the query is searched as words.
/// Otherwise every word of the query must begin a word of the block's text, ignoring case;
/// blocks where more query words are whole words come first, then document order. æ, ø and
/// å match ae, oe and aa, for clerks without a Danish keyboard. An empty query gives the first
/// blocks.
pub fn find_blocks(blocks: &[(String, String)], query: &str, limit: usize) -> Vec<usize> {
    if limit == 0 {
        return Vec::new();
    }
    if let Some(number) = number_query(strip_block_prefix(query)) {
        let found = by_number(blocks, number, limit);
        if !found.is_empty() {
            return found;
        }
    }
    let words = query_words(query);
    if words.is_empty() {
        return (0..blocks.len().min(limit)).collect();
    }
    let mut hits = by_words(blocks, &words);
    hits.sort_by_key(|&(index, whole)| (Reverse(whole), index));
    hits.into_iter()
        .take(limit)
        .map(|(index, _)| index)
        .collect()
}

/// The query as a block number, if it looks like one: digits and inner dots ("3", "3.2.1",
/// a trailing dot while typing "3."), or a footnote ("n1").
fn number_query(q: &str) -> Option<&str> {
    let q = q.strip_suffix('.').unwrap_or(q);
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let body = q.split('.').all(digits);
    let footnote = q.strip_prefix(['n', 'N']).is_some_and(digits);
    (body || footnote).then_some(q)
}

fn by_number(blocks: &[(String, String)], number: &str, limit: usize) -> Vec<usize> {
    let same = |a: &str| a.eq_ignore_ascii_case(number);
    let under = |a: &str| {
        a.len() > number.len()
            && a.as_bytes().get(number.len()) == Some(&b'.')
            && a.get(..number.len()).is_some_and(same)
    };
    let exact = blocks.iter().position(|(n, _)| same(n.trim()));
    exact
        .into_iter()
        .chain(
            blocks
                .iter()
                .enumerate()
                .filter(|(_, (n, _))| under(n.trim()))
                .map(|(i, _)| i),
        )
        .take(limit)
        .collect()
}

/// Lowercase, with æ, ø and å (and the German ä and ö) spelt out as ae, oe and aa, so that
/// "aabenhed" finds "åbenhed" and "Aarhus" and "Århus" find each other.
#[inline]
fn fold(c: char, mut sink: impl FnMut(char)) {
    if c.is_ascii() {
        sink(c.to_ascii_lowercase());
        return;
    }
    let spelt = |c: char| match c {
        'æ' | 'Æ' | 'ä' | 'Ä' => Some(('a', 'e')),
        'ø' | 'Ø' | 'ö' | 'Ö' => Some(('o', 'e')),
        'å' | 'Å' => Some(('a', 'a')),
        _ => None,
    };
    // The Danish letters first: they are most of the non-ASCII and need no case tables.
    if let Some((a, b)) = spelt(c) {
        sink(a);
        sink(b);
        return;
    }
    for lower in c.to_lowercase() {
        match spelt(lower) {
            Some((a, b)) => {
                sink(a);
                sink(b);
            }
            None => sink(lower),
        }
    }
}

/// The first character of [`fold`]'s output for `c`.
#[inline]
fn first_folded(c: char) -> char {
    let mut first = None;
    fold(c, |f| {
        first.get_or_insert(f);
    });
    first.unwrap_or(c)
}

#[inline]
fn is_word_char(c: char) -> bool {
    match c {
        _ if c.is_ascii() => c.is_ascii_alphanumeric(),
        // Latin-1 letters, æ, ø and å among them, without the Unicode tables.
        '\u{c0}'..='\u{ff}' => c != '×' && c != '÷',
        _ => c.is_alphanumeric(),
    }
}

fn query_words(query: &str) -> Vec<Vec<char>> {
    query
        .split(|c: char| !is_word_char(c))
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut folded = Vec::with_capacity(w.len());
            w.chars().for_each(|c| fold(c, |f| folded.push(f)));
            folded
        })
        .collect()
}

/// How far one query word has got into the text word being read.
#[derive(Clone, Copy)]
enum Progress {
    /// Matched this many characters so far.
    At(usize),
    /// Matched all of it and the text word goes on.
    Beyond,
    Dead,
}

/// The best a query word did in a block.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Found {
    No,
    Prefix,
    Whole,
}

/// `(index, query words found as whole words)` of every block where each query word begins
/// some word. Each text is read once, all query words advancing together character by
/// character; the rest of a word that no query word can still match is only skipped over,
/// which is what keeps this fast, since most words fail at their first letter.
fn by_words(blocks: &[(String, String)], words: &[Vec<char>]) -> Vec<(usize, usize)> {
    let mut progress = vec![Progress::At(0); words.len()];
    let mut found = vec![Found::No; words.len()];
    // A word whose first letter begins no query word is skipped without more ado.
    let firsts: Vec<char> = words.iter().filter_map(|w| w.first().copied()).collect();
    let mut hits = Vec::new();
    for (index, (_, text)) in blocks.iter().enumerate() {
        found.fill(Found::No);
        let mut at = skip(text, 0, false);
        while at < text.len() {
            let (c, _) = char_at(text, at);
            if !firsts.contains(&first_folded(c)) {
                at = skip(text, at, true);
                at = skip(text, at, false);
                continue;
            }
            progress.fill(Progress::At(0));
            // Query words still matching; the others cannot change before the word ends.
            let mut live = words.len();
            while live > 0 {
                let (c, len) = char_at(text, at);
                if at >= text.len() || !is_word_char(c) {
                    break;
                }
                at += len;
                fold(c, |f| {
                    for (p, q) in progress.iter_mut().zip(words) {
                        let Progress::At(n) = *p else { continue };
                        match q.get(n) {
                            Some(&want) if want == f => *p = Progress::At(n + 1),
                            Some(_) => {
                                *p = Progress::Dead;
                                live -= 1;
                            }
                            None => {
                                *p = Progress::Beyond;
                                live -= 1;
                            }
                        }
                    }
                });
            }
            at = skip(text, at, true);
            for ((p, q), best) in progress.iter().zip(words).zip(found.iter_mut()) {
                let now = match *p {
                    Progress::At(n) if n == q.len() => Found::Whole,
                    Progress::Beyond => Found::Prefix,
                    _ => Found::No,
                };
                *best = (*best).max(now);
            }
            at = skip(text, at, false);
        }
        if found.iter().all(|&f| f != Found::No) {
            let whole = found.iter().filter(|&&f| f == Found::Whole).count();
            hits.push((index, whole));
        }
    }
    hits
}

/// The character at byte `at` (a character boundary) and its length; ASCII, almost all of a
/// Danish text, without decoding.
#[inline]
fn char_at(text: &str, at: usize) -> (char, usize) {
    match text.as_bytes().get(at) {
        Some(&b) if b.is_ascii() => (char::from(b), 1),
        _ => text
            .get(at..)
            .and_then(|rest| rest.chars().next())
            .map_or((' ', 1), |c| (c, c.len_utf8())),
    }
}

/// The first byte from `at` on that is (with `word` false) or is not (with `word` true) a word
/// character, or the end.
#[inline]
fn skip(text: &str, mut at: usize, word: bool) -> usize {
    let bytes = text.as_bytes();
    while let Some(&b) = bytes.get(at) {
        if b.is_ascii() {
            if b.is_ascii_alphanumeric() != word {
                break;
            }
            at += 1;
        } else {
            let (c, len) = char_at(text, at);
            if is_word_char(c) != word {
                break;
            }
            at += len;
        }
    }
    at
}
