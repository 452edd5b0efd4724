//! Danish text for search and tags: a Snowball stemmer, stop words, and the terms a text is
//! indexed under.
//!
//! Everything here is pure and deterministic (no I/O, no clock, ordered maps only), so the
//! browser can highlight exactly what the server found.

mod stem;
mod stopwords;
mod words;

#[cfg(test)]
mod tests;

pub use stem::stem;
pub use stopwords::is_stop_word;
pub use words::{Word, Words, terms, words};
