//! A tag's name: a theme a clerk keeps on a hearing's responses.
//!
//! Tags are case-insensitive and trimmed: "Uddannelse", "uddannelse" and " uddannelse " are
//! one tag. The name keeps the casing it was first written with; [`TagName::folded`] is what
//! two names are compared by, and what the database's unique index is over, so that no two
//! tags of a hearing differ only in case or spacing.

use std::hash::{Hash, Hasher};

use serde::{Deserialize, Serialize};
use thiserror::Error;

/// A tag's name: one line, its whitespace collapsed, 1–60 characters.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct TagName(String);

/// Why a typed name is not a tag's name; `code` is the form's error code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum TagNameError {
    #[error("a tag's name is required")]
    Required,
    #[error("a tag's name is at most {} characters", TagName::MAX_CHARS)]
    TooLong,
}

impl TagNameError {
    /// The code the forms word ("required", "too_long").
    pub fn code(self) -> &'static str {
        match self {
            TagNameError::Required => "required",
            TagNameError::TooLong => "too_long",
        }
    }
}

impl TagName {
    pub const MAX_CHARS: usize = 60;

    /// Trims the name and collapses any run of whitespace (a line break too) to one space.
    pub fn parse(input: &str) -> Result<Self, TagNameError> {
        let name = input.split_whitespace().collect::<Vec<_>>().join(" ");
        match name.chars().count() {
            0 => Err(TagNameError::Required),
            n if n > Self::MAX_CHARS => Err(TagNameError::TooLong),
            _ => Ok(TagName(name)),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The name as tags are compared: lower-cased (all of Unicode, so "Ærø" is "ærø").
    pub fn folded(&self) -> String {
        self.0.to_lowercase()
    }
}

/// Two names are one tag when they differ only in case.
impl PartialEq for TagName {
    fn eq(&self, other: &Self) -> bool {
        self.folded() == other.folded()
    }
}

impl Eq for TagName {}

impl Hash for TagName {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.folded().hash(state);
    }
}

crate::newtype::string_newtype!(TagName: TagNameError);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_trimmed_and_one_line() {
        assert_eq!(TagName::parse("  Sprog ").unwrap().as_str(), "Sprog");
        assert_eq!(
            TagName::parse("Fritid\n og   kultur\t").unwrap().as_str(),
            "Fritid og kultur"
        );
        assert_eq!(TagName::parse(" \n "), Err(TagNameError::Required));
        assert_eq!(TagName::parse(&"x".repeat(61)), Err(TagNameError::TooLong));
        assert!(
            TagName::parse(&"æ".repeat(60)).is_ok(),
            "characters, not bytes"
        );
    }

    #[test]
    fn names_differing_only_in_case_are_one_tag() {
        let a = TagName::parse("Uddannelse").unwrap();
        let b = TagName::parse(" uddannelse ").unwrap();
        assert_eq!(a, b);
        assert_eq!(a.folded(), "uddannelse");
        assert_eq!(a.as_str(), "Uddannelse", "the name keeps its casing");
        assert_eq!(
            TagName::parse("ÆRØ").unwrap(),
            TagName::parse("ærø").unwrap()
        );
        assert_ne!(a, TagName::parse("Uddannelser").unwrap());
        let set: std::collections::HashSet<TagName> = [a, b].into_iter().collect();
        assert_eq!(set.len(), 1);
    }
}
