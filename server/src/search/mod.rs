//! Full-text search over a hearing's responses and meeting input, and over its draft, that
//! knows Danish word forms. Responses are indexed under the core's Snowball stems when they
//! are stored or redacted; a query is stemmed the same way; the core marks the words found.

pub mod db;
pub mod pages;
