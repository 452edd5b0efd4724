//! Carries published input from the version it was given to onto a later version: step by step
//! through each version's matching, so a quote follows its words and honestly reports the
//! version in which they were removed.

use crate::response::db::ResponseRow;
use hoering::anchoring::{QuoteAnchor, TextQuote, VersionMatch, anchor_quote};
use hoering::diff::word_diff;
use hoering::document::{BlockId, Document};

/// Where one response's words are in the target version.
#[derive(Debug, Clone)]
pub struct Carried {
    /// The block number in the target version, or `None` when the words were removed.
    pub block_number: Option<String>,
    pub given_to_block: Option<String>,
    pub words_then: String,
    pub words_now: Option<String>,
    /// Index (into the chain) of the version that removed the words.
    pub removed_at: Option<usize>,
}

fn block_text<'a>(doc: &'a Document, id: &BlockId) -> Option<&'a str> {
    doc.blocks().find(|b| b.id == *id).map(|b| b.text.as_str())
}

/// Follows a response given to `docs[from]` (its block and optional quote) to `docs.last()`.
/// `matches[k]` matches `docs[k - 1]` to `docs[k]`.
pub fn carry(
    row: &ResponseRow,
    from: usize,
    docs: &[Document],
    matches: &[Option<VersionMatch>],
) -> Option<Carried> {
    let block_id = BlockId::parse(row.block_id.as_deref()?).ok()?;
    let origin = docs.get(from)?;
    let then_text = block_text(origin, &block_id)?.to_string();
    let mut quote = match (&row.quote_exact, &row.quote_prefix, &row.quote_suffix) {
        (Some(e), p, s) => TextQuote::new(
            e.clone(),
            p.clone().unwrap_or_default(),
            s.clone().unwrap_or_default(),
        )
        .ok(),
        _ => None,
    };
    let words_then = quote
        .as_ref()
        .map(|q| q.exact().to_string())
        .unwrap_or(then_text);
    let given_to_block = row.block_number.clone();
    let mut current = block_id;
    for k in from + 1..docs.len() {
        let (Some(doc), Some(Some(matching))) = (docs.get(k), matches.get(k)) else {
            return None;
        };
        match &quote {
            Some(q) => match anchor_quote(q, &current, doc, matching) {
                QuoteAnchor::Exact { block, start, end }
                | QuoteAnchor::Fuzzy {
                    block, start, end, ..
                } => {
                    let text = block_text(doc, &block)?;
                    quote = TextQuote::from_selection(text, start, end).ok();
                    current = block;
                }
                QuoteAnchor::Removed => {
                    return Some(Carried {
                        block_number: None,
                        given_to_block,
                        words_then,
                        words_now: None,
                        removed_at: Some(k),
                    });
                }
            },
            None => {
                // The block that keeps the id, else the first piece it was split into or the
                // block it was merged into.
                let next = matching.get(&current).map(|b| b.id.clone()).or_else(|| {
                    matching
                        .successors(&current)
                        .next()
                        .map(|(_, b)| b.id.clone())
                });
                match next {
                    Some(id) => current = id,
                    None => {
                        return Some(Carried {
                            block_number: None,
                            given_to_block,
                            words_then,
                            words_now: None,
                            removed_at: Some(k),
                        });
                    }
                }
            }
        }
    }
    let target = docs.last()?;
    let block = target.blocks().find(|b| b.id == current)?;
    // A quote was re-made from the text at each step, so its words are the words now.
    let words_now = Some(match &quote {
        Some(q) => q.exact().to_string(),
        None => block.text.clone(),
    });
    Some(Carried {
        block_number: Some(block.number.as_str()),
        given_to_block,
        words_then,
        words_now,
        removed_at: None,
    })
}

/// The word-level changes from `then` to `now`; empty when nothing changed.
pub fn changes(then: &str, now: Option<&str>) -> Vec<hoering::diff::DiffOp> {
    match now {
        Some(now) if now != then => word_diff(then, now),
        _ => Vec::new(),
    }
}
