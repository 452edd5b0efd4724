//! Hearings: the public hearing page with its draft, and the clerk's new hearing from Markdown.

mod model;
pub use model::*;
mod api;
pub use api::*;

pub mod new;
pub mod page;
