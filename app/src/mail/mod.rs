//! E-mail: every message's words in the reader's language (texts.rs), and the outbox where the
//! admin follows what was sent.

mod model;
pub use model::*;
mod api;
pub use api::*;

pub mod outbox;
/// Every e-mail's words, from the catalogue (server side only: no e-mail is written in the
/// browser).
#[cfg(feature = "ssr")]
pub mod texts;
