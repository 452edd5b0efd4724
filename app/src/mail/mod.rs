//! The outbox: every e-mail the system sends, as the admin follows it.

mod model;
pub use model::*;
mod api;
pub use api::*;

pub mod outbox;
