//! The høringsliste: the parties invited to answer, and a party's own page.

mod model;
pub use model::*;
mod api;
pub use api::*;

pub mod invitation;
pub mod list;
