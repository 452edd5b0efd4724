//! Hearings: a policy's draft published for a window of time. The checks of a new hearing live
//! in the core ([`hoering::hearing::prepare`]); here are its storage, its form, its pages and
//! its part of the open-data API.

pub mod api;
pub mod db;
pub mod forms;
pub mod pages;

pub use hoering::hearing::{HearingFields, MAX_MARKDOWN_BYTES, NewHearing, prepare};
