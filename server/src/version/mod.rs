//! Versions of a policy's text: each new version's blocks are matched to the previous version's,
//! so they keep their durable ids and record where they came from; earlier versions never change.

pub mod carry;
pub mod db;
