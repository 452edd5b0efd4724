//! Themes: clerk-defined tags per hearing, put on one or many responses at once, with tags
//! suggested from the words of the responses by the core (TF-IDF with Danish stop words).

pub mod db;
pub mod forms;

/// A tag's name as a clerk types it: trimmed, one line, 1–60 characters.
pub fn parse_name(input: &str) -> Result<String, &'static str> {
    let name = input.split_whitespace().collect::<Vec<_>>().join(" ");
    match name.chars().count() {
        0 => Err("required"),
        n if n > 60 => Err("too_long"),
        _ => Ok(name),
    }
}
