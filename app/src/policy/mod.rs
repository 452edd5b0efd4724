//! Policies and their road to the Byråd vote: the public list and policy page, the clerk's policy
//! page and the road templates.

mod model;
pub use model::*;
mod api;
pub use api::*;

pub mod admin;
pub mod feed_words;
pub mod list;
pub mod page;
pub mod parts;
pub mod refusals;
pub mod templates;
