//! Slugs: the readable, URL-safe name of a hearing, e.g. `/hoering/integrationspolitik`.

use serde::{Deserialize, Serialize};
use thiserror::Error;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Error, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum SlugError {
    #[error("the slug is empty")]
    Empty,
    #[error("the slug is longer than {max} characters")]
    TooLong { max: usize },
    #[error("a slug uses only a-z, 0-9 and hyphens")]
    InvalidCharacter,
    #[error("a slug cannot start or end with a hyphen or have two in a row")]
    Hyphen,
}

/// Lowercase a–z, 0–9 and single hyphens between them; 1–80 characters.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Slug(String);

impl Slug {
    pub const MAX_CHARS: usize = 80;

    pub fn parse(s: &str) -> Result<Self, SlugError> {
        if s.is_empty() {
            return Err(SlugError::Empty);
        }
        if !s
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        {
            return Err(SlugError::InvalidCharacter);
        }
        if s.len() > Self::MAX_CHARS {
            return Err(SlugError::TooLong {
                max: Self::MAX_CHARS,
            });
        }
        if s.starts_with('-') || s.ends_with('-') || s.contains("--") {
            return Err(SlugError::Hyphen);
        }
        Ok(Slug(s.to_owned()))
    }

    /// Makes a slug from a Danish title: letters are transliterated (æ→ae, ø→oe, å→aa,
    /// é→e, …), everything else separates words, and a long result is cut at a word
    /// boundary. Fails with [`SlugError::Empty`] if no letter or digit is left.
    pub fn from_title(title: &str) -> Result<Self, SlugError> {
        let mut s = String::with_capacity(title.len());
        let mut pending_hyphen = false;
        for c in title.chars().flat_map(char::to_lowercase) {
            // Combining accents (decomposed "é", or the dot of a lowercased "İ") belong to the
            // letter before them and must not split the word.
            if ('\u{300}'..='\u{36f}').contains(&c) {
                continue;
            }
            let mapped = transliterate(c);
            if mapped.is_empty() {
                pending_hyphen = true;
                continue;
            }
            if pending_hyphen && !s.is_empty() {
                s.push('-');
            }
            pending_hyphen = false;
            s.push_str(mapped);
        }
        if s.len() > Self::MAX_CHARS {
            let cut = &s[..=Self::MAX_CHARS];
            let end = match cut.rfind('-') {
                Some(i) if i > 0 => i,
                _ => Self::MAX_CHARS,
            };
            s.truncate(end);
        }
        Slug::parse(&s)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The ASCII spelling of one lowercase character, or "" for a word separator.
fn transliterate(c: char) -> &'static str {
    const ASCII: &str = "0123456789abcdefghijklmnopqrstuvwxyz";
    if c.is_ascii_alphanumeric() {
        let i = ASCII.find(c).unwrap_or(0);
        return &ASCII[i..=i];
    }
    match c {
        'æ' | 'ä' => "ae",
        'ø' | 'ö' | 'œ' => "oe",
        'å' => "aa",
        'ü' => "ue",
        'ß' => "ss",
        'þ' => "th",
        'é' | 'è' | 'ê' | 'ë' | 'ė' | 'ę' | 'ě' => "e",
        'á' | 'à' | 'â' | 'ã' | 'ā' | 'ą' => "a",
        'í' | 'ì' | 'î' | 'ï' | 'ı' => "i",
        'ó' | 'ò' | 'ô' | 'õ' | 'ő' => "o",
        'ú' | 'ù' | 'û' | 'ů' | 'ű' => "u",
        'ý' | 'ÿ' => "y",
        'ñ' | 'ń' | 'ň' => "n",
        'ç' | 'č' | 'ć' => "c",
        'š' | 'ś' => "s",
        'ž' | 'ź' | 'ż' => "z",
        'ř' => "r",
        'ł' => "l",
        'đ' | 'ð' | 'ď' => "d",
        'ť' => "t",
        'ğ' => "g",
        _ => "",
    }
}

crate::newtype::string_newtype!(Slug: SlugError);

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn from_danish_titles() {
        let slug = |t: &str| Slug::from_title(t).map(|s| s.to_string());
        assert_eq!(
            slug("Muligheder og medborgerskab – Integrationspolitik").as_deref(),
            Ok("muligheder-og-medborgerskab-integrationspolitik")
        );
        assert_eq!(
            slug("Ældre- og Sundhedspolitik 2026").as_deref(),
            Ok("aeldre-og-sundhedspolitik-2026")
        );
        assert_eq!(slug("Grøn Å-plan").as_deref(), Ok("groen-aa-plan"));
        assert_eq!(
            slug("  Café für Ökologie!  ").as_deref(),
            Ok("cafe-fuer-oekologie")
        );
        assert_eq!(slug("ÆØÅ").as_deref(), Ok("aeoeaa"));
        assert_eq!(slug("Cafe\u{301} İstanbul").as_deref(), Ok("cafe-istanbul"));
        assert_eq!(slug("– – –"), Err(SlugError::Empty));
        assert_eq!(slug("سياسة"), Err(SlugError::Empty));
    }

    #[test]
    fn long_titles_are_cut_at_a_word() {
        let title = "ord ".repeat(30);
        let s = Slug::from_title(&title).unwrap();
        assert!(s.as_str().len() <= Slug::MAX_CHARS);
        assert!(s.as_str().ends_with("ord"));
        let one_word = "a".repeat(100);
        assert_eq!(Slug::from_title(&one_word).unwrap().as_str().len(), 80);
    }

    #[test]
    fn parse_rules() {
        assert!(Slug::parse("integrationspolitik-2020").is_ok());
        assert_eq!(Slug::parse(""), Err(SlugError::Empty));
        assert_eq!(Slug::parse("Abc"), Err(SlugError::InvalidCharacter));
        assert_eq!(Slug::parse("a_b"), Err(SlugError::InvalidCharacter));
        assert_eq!(Slug::parse("æble"), Err(SlugError::InvalidCharacter));
        assert_eq!(Slug::parse("-a"), Err(SlugError::Hyphen));
        assert_eq!(Slug::parse("a-"), Err(SlugError::Hyphen));
        assert_eq!(Slug::parse("a--b"), Err(SlugError::Hyphen));
        assert_eq!(
            Slug::parse(&"a".repeat(81)),
            Err(SlugError::TooLong { max: 80 })
        );
        assert!(Slug::parse(&"a".repeat(80)).is_ok());
    }

    proptest! {
        #[test]
        fn from_title_gives_valid_slugs(title in any::<String>()) {
            match Slug::from_title(&title) {
                Ok(s) => prop_assert_eq!(Slug::parse(s.as_str()), Ok(s.clone())),
                Err(e) => prop_assert_eq!(e, SlugError::Empty),
            }
        }
    }
}
