//! Moderation: the clerk's queue of responses, originals, the paragraph page, tags, groups of
//! copies and search.

mod model;
pub use model::*;
mod api;
pub use api::*;

pub mod groups;
pub mod items;
pub mod original;
pub mod overview;
pub mod paragraph;
pub mod queue;
pub mod search;
pub mod tags;
