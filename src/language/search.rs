//! Search queries over Danish text: parsing them into terms, and marking where a text matches
//! (the highlights of a result, and the snippet a result list shows).

use std::ops::Range;

use serde::{Deserialize, Serialize};

use super::words::{terms, words};

/// A search query parsed: its terms (stems of its words, stop words dropped, each once, in
/// the order typed). Quotes and other punctuation in the query are ignored; phrases are not
/// supported.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Query {
    pub terms: Vec<String>,
}

impl Query {
    /// Whether the query has nothing to search for (it was empty, or only stop words).
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// Whether `text` has every term of the query. An empty query matches nothing.
    pub fn matches(&self, text: &str) -> bool {
        if self.terms.is_empty() {
            return false;
        }
        let mut found = vec![false; self.terms.len()];
        let mut missing = self.terms.len();
        for word in words(text) {
            let Some(term) = word.term() else { continue };
            if let Some(i) = self.position(term)
                && !found[i]
            {
                found[i] = true;
                missing -= 1;
                if missing == 0 {
                    return true;
                }
            }
        }
        false
    }

    fn position(&self, term: &str) -> Option<usize> {
        self.terms.iter().position(|t| t == term)
    }
}

/// Parses what a user typed into the search box.
pub fn parse_query(q: &str) -> Query {
    let mut parsed: Vec<String> = Vec::new();
    for term in terms(q) {
        if !parsed.contains(&term) {
            parsed.push(term);
        }
    }
    Query { terms: parsed }
}

/// The byte ranges in `text` of the words indexed under one of the query's terms, in order,
/// for `<mark>` highlighting. Hits separated only by spaces or hyphens are merged into one
/// range, so "it-systemer" or two hit words in a row are marked once. Every range lies on
/// char boundaries of `text`.
pub fn highlights(text: &str, query: &Query) -> Vec<Range<usize>> {
    let mut marks: Vec<Range<usize>> = Vec::new();
    if query.is_empty() {
        return marks;
    }
    for word in words(text) {
        let Some(term) = word.term() else { continue };
        if query.position(term).is_none() {
            continue;
        }
        match marks.last_mut() {
            Some(last) if joins(&text[last.end..word.start]) => last.end = word.end,
            _ => marks.push(word.start..word.end),
        }
    }
    marks
}

fn joins(gap: &str) -> bool {
    gap.chars().all(|c| c.is_whitespace() || c == '-')
}

/// An excerpt of a text for a result list, with the query's hits marked.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snippet {
    /// A slice of the text, trimmed of whitespace, never starting or ending inside a word.
    pub text: String,
    /// Where `text` starts in the whole text, in bytes.
    pub offset: usize,
    /// The hits within `text`, as byte ranges of `text`.
    pub marks: Vec<Range<usize>>,
    /// Whether the text goes on before the excerpt (show an ellipsis).
    pub starts_inside: bool,
    /// Whether the text goes on after the excerpt.
    pub ends_inside: bool,
}

/// An excerpt of about `max_chars` chars around the first hit of `query` in `text` (from the
/// start if there is none), with some context before the hit and the hits that fit after it.
///
/// The excerpt never cuts a word: it is shorter than `max_chars` where the next word would
/// not fit, and longer only where the first hit alone is longer than `max_chars`.
pub fn snippet(text: &str, query: &Query, max_chars: usize) -> Snippet {
    let hits = highlights(text, query);
    let trimmed_start = text.len() - text.trim_start().len();
    let trimmed_end = text.trim_end().len().max(trimmed_start);

    let (start, end) = if text[trimmed_start..trimmed_end].chars().count() <= max_chars {
        (trimmed_start, trimmed_end)
    } else {
        window(text, &hits, trimmed_start..trimmed_end, max_chars)
    };

    let marks = hits
        .iter()
        .filter_map(|hit| {
            let (s, e) = (hit.start.max(start), hit.end.min(end));
            (s < e).then(|| s - start..e - start)
        })
        .collect();
    Snippet {
        text: text[start..end].to_owned(),
        offset: start,
        marks,
        starts_inside: !text[..start].trim_end().is_empty(),
        ends_inside: !text[end..].trim_start().is_empty(),
    }
}

/// The byte bounds of the excerpt of a text longer than `max_chars` (after trimming).
fn window(
    text: &str,
    hits: &[Range<usize>],
    trimmed: Range<usize>,
    max_chars: usize,
) -> (usize, usize) {
    let anchor = hits
        .first()
        .cloned()
        .unwrap_or(trimmed.start..trimmed.start);
    let room = max_chars.saturating_sub(text[anchor.clone()].chars().count());
    // A third of the room goes before the hit, so that the reader sees what it is about.
    let before = if hits.is_empty() { 0 } else { room / 3 };
    let mut start = back(text, anchor.start, before).max(trimmed.start);
    let reach = forward(text, start, max_chars);
    if reach >= trimmed.end {
        // Near the end of the text: spend what is left of the room before the hit instead.
        let used = text[start..trimmed.end].chars().count();
        start = back(text, start, max_chars.saturating_sub(used)).max(trimmed.start);
    }

    // The anchor starts and ends on word edges, so moving out of a word never crosses it.
    let words: Vec<Range<usize>> = words(text).map(|w| w.start..w.end).collect();
    if let Some(w) = inside(&words, start) {
        start = w.end;
    }
    // Better a whole sentence before the hit than the tail of one.
    if let Some(sentence) = sentence_start(&text[start..anchor.start.max(start)]) {
        start += sentence;
    }
    let before_anchor = &text[start..anchor.start.max(start)];
    start += before_anchor.len() - before_anchor.trim_start().len();

    let mut end = forward(text, start, max_chars)
        .min(trimmed.end)
        .max(anchor.end);
    if let Some(w) = inside(&words, end) {
        end = w.start;
    }
    let end = start + text[start..end.max(start)].trim_end().len();
    (start, end)
}

/// Where the last sentence that starts in `text` starts: after a full stop, question or
/// exclamation mark and a space.
fn sentence_start(text: &str) -> Option<usize> {
    // Walking backwards, the start of the whitespace just after the char at hand.
    let mut space = None;
    for (at, c) in text.char_indices().rev() {
        if c.is_whitespace() {
            space = Some(at);
        } else if matches!(c, '.' | '!' | '?') && space.is_some() {
            return space;
        } else {
            space = None;
        }
    }
    None
}

/// The word that `at` falls strictly inside of, if any.
fn inside(words: &[Range<usize>], at: usize) -> Option<Range<usize>> {
    let i = words.partition_point(|w| w.end <= at);
    words.get(i).filter(|w| w.start < at).cloned()
}

/// The byte offset `n` chars before `at`, or 0.
fn back(text: &str, at: usize, n: usize) -> usize {
    if n == 0 {
        return at;
    }
    text[..at]
        .char_indices()
        .rev()
        .nth(n - 1)
        .map_or(0, |(i, _)| i)
}

/// The byte offset `n` chars after `at`, or the end.
fn forward(text: &str, at: usize, n: usize) -> usize {
    text[at..]
        .char_indices()
        .nth(n)
        .map_or(text.len(), |(i, _)| at + i)
}
