//! Integration tests: the real server over HTTP, on SQLite and on PostgreSQL.
#![allow(clippy::unwrap_used)]

mod helpers;

mod admin;
mod api;
mod cli;
mod pages;
mod policies;
mod responses;
mod security;
mod versions;
