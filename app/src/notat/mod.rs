//! The høringsnotat: the clerk's editor of remarks, and the notat and result as published.

mod model;
pub use model::*;
mod api;
pub use api::*;

pub mod edition;
pub mod edition_page;
pub mod pages;
pub mod words;
