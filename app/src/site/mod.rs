//! The site around the capabilities: the front page, the clerk's start page, the privacy notice
//! and cookie page, and the page for an unknown address.

mod model;
pub use model::*;

pub mod admin_home;
pub mod home;
pub mod not_found;
pub mod privacy;
