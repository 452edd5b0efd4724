//! Responses (høringssvar): the form a citizen answers on, and the receipt that proves what was
//! received.

mod model;
pub use model::*;
mod api;
pub use api::*;

pub mod receipt;
pub mod respond;
