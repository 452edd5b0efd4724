//! Integration tests: the real server over HTTP, on SQLite and on PostgreSQL.

mod helpers;

mod admin;
mod api;
mod pages;
mod responses;
