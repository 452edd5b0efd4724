//! Dialogue meetings: the public meeting page and sign-up, and the clerk's page where input is
//! recorded.

mod model;
pub use model::*;
mod api;
pub use api::*;

pub mod admin;
pub mod page;
pub mod parts;
pub mod words;
