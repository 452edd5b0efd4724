//! Councils (Integrationsrådet): the members' start page and workspace, and the admin's list of
//! councils.

mod model;
pub use model::*;
mod api;
pub use api::*;

pub mod pages;
pub mod rounds;
