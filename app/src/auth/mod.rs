//! Signing in: the login page and who the signed-in member of staff is.

mod model;
pub use model::*;
mod api;
pub use api::*;

pub mod login;
