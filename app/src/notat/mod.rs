//! The høringsnotat: the clerk's editor of remarks, and the notat and result as published.

mod model;
pub use model::*;
mod api;
pub use api::*;

pub mod pages;
pub mod words;
