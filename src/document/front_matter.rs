//! Front matter: the `key: value` header of a policy document, parsed by hand from a YAML subset.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use thiserror::Error;

/// The metadata at the top of a document. Known keys get fields; other keys are kept verbatim
/// in `extra` (integers as their decimal text). Empty values of known keys count as absent.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FrontMatter {
    pub title: Option<String>,
    pub committee: Option<String>,
    pub contact: Option<String>,
    pub municipality: Option<String>,
    pub opens: Option<String>,
    pub closes: Option<String>,
    pub slug: Option<String>,
    pub extra: BTreeMap<String, String>,
}

/// Why the front matter could not be read. Lines count from 1 at the first line *inside*
/// the `---` fences.
#[derive(Debug, Clone, PartialEq, Eq, Error, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum FrontMatterError {
    #[error("front matter line {line} is not `key: value`")]
    NotKeyValue { line: usize },
    #[error("front matter line {line} has a key with characters other than a-z, 0-9, _ and -")]
    InvalidKey { line: usize },
    #[error("front matter line {line} has a quoted value that does not end with its quote")]
    UnterminatedQuote { line: usize },
    #[error("front matter line {line} has an unknown escape sequence")]
    InvalidEscape { line: usize },
    #[error("front matter line {line} uses nested YAML (lists, maps or indentation)")]
    Unsupported { line: usize },
    #[error("front matter key `{key}` occurs twice")]
    DuplicateKey { key: String },
}

impl FrontMatter {
    /// Parses the text between the `---` fences.
    pub fn parse(source: &str) -> Result<Self, FrontMatterError> {
        let mut fm = FrontMatter::default();
        let mut seen = std::collections::BTreeSet::new();
        for (index, raw) in source.lines().enumerate() {
            let line = index + 1;
            let trimmed = raw.trim();
            if trimmed.is_empty() || trimmed.starts_with('#') {
                continue;
            }
            if raw.starts_with([' ', '\t']) || trimmed.starts_with("- ") || trimmed == "-" {
                return Err(FrontMatterError::Unsupported { line });
            }
            let Some((key, value)) = trimmed.split_once(':') else {
                return Err(FrontMatterError::NotKeyValue { line });
            };
            let key = key.trim_end();
            if key.is_empty()
                || !key
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
            {
                return Err(FrontMatterError::InvalidKey { line });
            }
            let key = key.to_ascii_lowercase();
            let value = parse_value(value.trim(), line)?;
            if !seen.insert(key.clone()) {
                return Err(FrontMatterError::DuplicateKey { key });
            }
            fm.set(key, value);
        }
        Ok(fm)
    }

    fn set(&mut self, key: String, value: String) {
        let slot = match key.as_str() {
            "title" => &mut self.title,
            "committee" => &mut self.committee,
            "contact" => &mut self.contact,
            "municipality" => &mut self.municipality,
            "opens" => &mut self.opens,
            "closes" => &mut self.closes,
            "slug" => &mut self.slug,
            _ => {
                self.extra.insert(key, value);
                return;
            }
        };
        *slot = (!value.is_empty()).then_some(value);
    }
}

fn parse_value(value: &str, line: usize) -> Result<String, FrontMatterError> {
    if let Some(rest) = value.strip_prefix('"') {
        return parse_double_quoted(rest, line);
    }
    if let Some(rest) = value.strip_prefix('\'') {
        // YAML single quotes have one escape: a doubled quote.
        let Some(inner) = rest.strip_suffix('\'') else {
            return Err(FrontMatterError::UnterminatedQuote { line });
        };
        if inner.replace("''", "").contains('\'') {
            return Err(FrontMatterError::UnterminatedQuote { line });
        }
        return Ok(inner.replace("''", "'"));
    }
    // Flow collections and block scalars would silently mean something else in real YAML.
    if value.starts_with(['[', '{', '|', '>', '&', '*', '!']) {
        return Err(FrontMatterError::Unsupported { line });
    }
    Ok(value.to_owned())
}

fn parse_double_quoted(rest: &str, line: usize) -> Result<String, FrontMatterError> {
    let mut out = String::with_capacity(rest.len());
    let mut chars = rest.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => {
                return if chars.as_str().trim().is_empty() {
                    Ok(out)
                } else {
                    Err(FrontMatterError::NotKeyValue { line })
                };
            }
            '\\' => match chars.next() {
                Some('"') => out.push('"'),
                Some('\\') => out.push('\\'),
                Some('/') => out.push('/'),
                Some('n') => out.push('\n'),
                Some('t') => out.push('\t'),
                Some(_) => return Err(FrontMatterError::InvalidEscape { line }),
                None => return Err(FrontMatterError::UnterminatedQuote { line }),
            },
            c => out.push(c),
        }
    }
    Err(FrontMatterError::UnterminatedQuote { line })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_and_extra_keys() {
        let fm = FrontMatter::parse(
            "title: \"Muligheder – \\\"og\\\" mere\"\nmunicipality: Roskilde Kommune\n\
             reply_promise_working_days: 10\n# a comment\n\nslug: 'it''s'\nopens:\n",
        )
        .unwrap();
        assert_eq!(fm.title.as_deref(), Some("Muligheder – \"og\" mere"));
        assert_eq!(fm.municipality.as_deref(), Some("Roskilde Kommune"));
        assert_eq!(fm.slug.as_deref(), Some("it's"));
        assert_eq!(fm.opens, None);
        assert_eq!(
            fm.extra
                .get("reply_promise_working_days")
                .map(String::as_str),
            Some("10")
        );
    }

    #[test]
    fn colons_inside_values_are_kept() {
        let fm = FrontMatter::parse("contact: Telefon: 4631 3000\ncloses: 2026-10-25").unwrap();
        assert_eq!(fm.contact.as_deref(), Some("Telefon: 4631 3000"));
        assert_eq!(fm.closes.as_deref(), Some("2026-10-25"));
    }

    #[test]
    fn errors_are_typed() {
        use FrontMatterError::*;
        for (source, expected) in [
            ("just text", Err(NotKeyValue { line: 1 })),
            ("\nti tle: x", Err(InvalidKey { line: 2 })),
            ("title: \"open", Err(UnterminatedQuote { line: 1 })),
            ("title: 'open", Err(UnterminatedQuote { line: 1 })),
            ("title: \"a\\qb\"", Err(InvalidEscape { line: 1 })),
            ("title: \"a\" b", Err(NotKeyValue { line: 1 })),
            ("tags:\n  - a", Err(Unsupported { line: 2 })),
            ("tags: [a, b]", Err(Unsupported { line: 1 })),
            (
                "title: a\nTitle: b",
                Err(DuplicateKey {
                    key: "title".into(),
                }),
            ),
        ] {
            assert_eq!(FrontMatter::parse(source), expected, "{source:?}");
        }
    }
}
