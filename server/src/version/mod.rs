//! Versions of a policy's text: each new version's blocks are matched to the previous version's
//! once, when it is added, so they keep their durable ids; where every response stands in the
//! new version is stored with it. Earlier versions never change.

pub mod api;
pub mod db;
pub mod forms;
pub mod pages;
