//! Integration tests: the real server over HTTP, on SQLite and on PostgreSQL.
#![allow(clippy::unwrap_used)]

mod clamd;
#[path = "../../benches/support/handmade.rs"]
mod handmade;
mod helpers;
mod smtp;

mod access_request;
mod admin;
mod api;
mod archive;
mod attachments;
mod cli;
mod consultees;
mod councils;
mod import;
mod mail;
mod meetings;
mod notat;
mod notat_pdf;
mod oidc;
mod own_response;
mod pages;
mod policies;
mod privacy;
mod records;
mod remarks;
mod responses;
mod retention;
mod security;
mod servers;
mod versions;
