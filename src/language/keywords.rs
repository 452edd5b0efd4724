//! Suggested tags: the terms that stand out in a set of documents, or in one document against
//! a collection, by TF-IDF.
//!
//! Danish writes its compounds as one word ("sprogundervisning", "fritidsjob"), so single
//! terms already carry most themes; word pairs are not suggested.
//!
//! The weights: over a collection, a term's frequency in each document counts sublinearly
//! (1 + ln tf), so that one response repeating a word does not outweigh several responses
//! using it once; within one document it counts as it is, since there repeating a word is
//! what marks the document's subject. The inverse document frequency is ln((N + 1) / df),
//! which is small for a term in every document and never zero, so that a collection of one
//! document still ranks its terms. Ties are broken by the number of documents and then by
//! the stem, and all counting goes through ordered maps: the same documents always give the
//! same suggestions, in the same order.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::stopwords::is_foreign_stop_word;
use super::words::words;

/// A suggested tag.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Suggestion {
    /// The word to show: the term's most frequent form in the text, lower-case (e.g.
    /// "boliger" for the stem "bol", which "bolig" and "boligerne" share).
    pub label: String,
    /// The stem the tag stands for, to search by.
    pub stem: String,
    /// In how many documents of the collection the term is.
    pub documents: usize,
    /// The TF-IDF weight the suggestions are ordered by (higher first).
    pub score: f64,
}

/// How many documents of a collection each term is in, built once from many documents and
/// kept (it serialises with serde) to weigh the terms of one document against.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentFrequencies {
    documents: usize,
    terms: BTreeMap<String, usize>,
}

impl DocumentFrequencies {
    /// An empty collection.
    pub fn new() -> Self {
        Self::default()
    }

    pub fn from_documents(documents: &[&str]) -> Self {
        let mut frequencies = Self::new();
        for document in documents {
            frequencies.add(document);
        }
        frequencies
    }

    /// Counts one more document.
    pub fn add(&mut self, document: &str) {
        self.documents += 1;
        for stem in count_terms(document).into_keys() {
            *self.terms.entry(stem).or_insert(0) += 1;
        }
    }

    /// How many documents have been counted.
    pub fn documents(&self) -> usize {
        self.documents
    }

    /// In how many of the documents the term `stem` is.
    pub fn frequency(&self, stem: &str) -> usize {
        self.terms.get(stem).copied().unwrap_or(0)
    }
}

/// Suggested tags for a set of documents (the responses of one hearing, or a selection of
/// them): at most `max` terms with the highest TF-IDF weight summed over the documents.
///
/// Stop words (Danish, and English, Ukrainian and Arabic ones), numbers and terms under
/// three letters are never suggested, and where there
/// are three documents or more only terms shared by at least two of them are: a tag for a
/// collection is a theme, not one response's word.
pub fn suggest_tags(documents: &[&str], max: usize) -> Vec<Suggestion> {
    let n = documents.len();
    if n == 0 || max == 0 {
        return Vec::new();
    }
    let mut totals: BTreeMap<String, Total> = BTreeMap::new();
    for document in documents {
        for (stem, counted) in count_terms(document) {
            let total = totals.entry(stem).or_default();
            total.documents += 1;
            total.weight += tf_weight(counted.count);
            for (form, count) in counted.forms {
                *total.forms.entry(form).or_insert(0) += count;
            }
        }
    }
    let min_documents = if n >= 3 { 2 } else { 1 };
    let suggestions = totals
        .into_iter()
        .filter(|(stem, total)| total.documents >= min_documents && is_candidate(stem))
        .map(|(stem, total)| Suggestion {
            label: label(&total.forms, &stem),
            score: total.weight * idf(n, total.documents),
            documents: total.documents,
            stem,
        })
        .collect();
    best(suggestions, max)
}

/// Suggested tags for one document: its `max` terms with the highest TF-IDF weight against
/// the document frequencies of `collection` (which may or may not include the document).
pub fn suggest_for(
    document: &str,
    collection: &DocumentFrequencies,
    max: usize,
) -> Vec<Suggestion> {
    if max == 0 {
        return Vec::new();
    }
    let suggestions = count_terms(document)
        .into_iter()
        .filter(|(stem, _)| is_candidate(stem))
        .map(|(stem, counted)| {
            let documents = collection.frequency(&stem);
            // A collection without this document still has it once, as far as its terms go.
            let df = documents.max(1);
            let n = collection.documents().max(df);
            Suggestion {
                label: label(&counted.forms, &stem),
                score: counted.count as f64 * idf(n, df),
                documents,
                stem,
            }
        })
        .collect();
    best(suggestions, max)
}

/// A term of one document: how often it occurs, and in which forms.
#[derive(Default)]
struct Counted {
    count: usize,
    forms: BTreeMap<String, usize>,
}

/// A term over a collection.
#[derive(Default)]
struct Total {
    documents: usize,
    weight: f64,
    forms: BTreeMap<String, usize>,
}

fn count_terms(document: &str) -> BTreeMap<String, Counted> {
    let mut counts: BTreeMap<String, Counted> = BTreeMap::new();
    for word in words(document) {
        // A response in English (or with an English sentence) must not make "the" a theme.
        if is_foreign_stop_word(&word.text) {
            continue;
        }
        let Some(stem) = word.term() else { continue };
        let counted = match counts.get_mut(stem) {
            Some(counted) => counted,
            None => counts.entry(stem.to_owned()).or_default(),
        };
        counted.count += 1;
        match counted.forms.get_mut(word.text.as_ref()) {
            Some(n) => *n += 1,
            None => {
                counted.forms.insert(word.text.into_owned(), 1);
            }
        }
    }
    counts
}

/// Whether a term may be suggested at all: at least three letters, and no digits (numbers,
/// dates, "§ 12" and "16-årige"'s "16" are not themes).
fn is_candidate(stem: &str) -> bool {
    stem.chars().filter(|c| c.is_alphabetic()).count() >= 3 && !stem.chars().any(char::is_numeric)
}

fn tf_weight(count: usize) -> f64 {
    1.0 + (count as f64).ln()
}

fn idf(documents: usize, frequency: usize) -> f64 {
    ((documents as f64 + 1.0) / frequency as f64).ln()
}

/// The most frequent form; among equally frequent ones the shortest (the base form, usually),
/// then the first in byte order.
fn label(forms: &BTreeMap<String, usize>, stem: &str) -> String {
    forms
        .iter()
        .max_by(|(a, m), (b, n)| {
            m.cmp(n)
                .then_with(|| b.chars().count().cmp(&a.chars().count()))
                .then_with(|| b.cmp(a))
        })
        .map_or_else(|| stem.to_owned(), |(form, _)| form.clone())
}

fn best(mut suggestions: Vec<Suggestion>, max: usize) -> Vec<Suggestion> {
    suggestions.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then_with(|| b.documents.cmp(&a.documents))
            .then_with(|| a.stem.cmp(&b.stem))
    });
    suggestions.truncate(max);
    suggestions
}
