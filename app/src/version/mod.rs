//! Versions of a draft: one version with the input carried onto it, what changed between two, and
//! the clerk's new version.

mod model;
pub use model::*;
mod api;
pub use api::*;

pub mod changes;
pub mod new;
pub mod page;
