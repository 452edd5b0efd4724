//! Files sent with a høringssvar (and later with minutes and stage documents): scanned for
//! viruses by ClamAV before anything is acknowledged. This folder starts with the scanner;
//! storage, text extraction and the forms build on it.

pub mod scan;

#[cfg(test)]
mod tests;
