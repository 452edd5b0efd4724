//! A council's name and the slug its pages are found under, e.g. `/raad/integrationsraadet`.

use serde::{Deserialize, Serialize};

use crate::hearing::{Slug, SlugError};
use crate::response::FieldError;

/// A name trimmed and checked: required, `min`–`max` characters, and one line
/// ([`FieldError::Invalid`] for a line break or another control character: names go into
/// mail subjects and CSV exports).
fn one_line(input: &str, min: usize, max: usize) -> Result<&str, FieldError> {
    let s = input.trim();
    if s.is_empty() {
        return Err(FieldError::Required);
    }
    let chars = s.chars().count();
    if chars > max {
        return Err(FieldError::TooLong { max });
    }
    if chars < min
        || s.chars()
            .any(|c| c.is_control() || matches!(c, '\u{2028}' | '\u{2029}'))
    {
        return Err(FieldError::Invalid);
    }
    Ok(s)
}

/// The fewest characters in a council's or a member's name.
const MIN_NAME_CHARS: usize = 2;

/// A council's name as it signs its response: 2–100 characters after trimming, one line
/// ([`FieldError::Invalid`] for a single character, a line break or another control
/// character: the name goes into mail subjects and CSV exports as the sender).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct CouncilName(String);

crate::newtype::text_field!(CouncilName, max: 100, rule: |input| {
    one_line(input, MIN_NAME_CHARS, CouncilName::MAX_CHARS).map(str::to_owned)
});

/// The name a council member goes by in the council's room and in a published discussion
/// (set by the admin or by the member): 2–80 characters after trimming, one line, and never an
/// e-mail address, because the e-mail is what stays on staff pages ([`FieldError::Invalid`]
/// for an `@`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct MemberName(String);

crate::newtype::text_field!(MemberName, max: 80, rule: |input| {
    match one_line(input, MIN_NAME_CHARS, MemberName::MAX_CHARS)? {
        s if s.contains('@') => Err(FieldError::Invalid),
        s => Ok(s.to_owned()),
    }
});

/// Lowercase a–z, 0–9 and single hyphens between them; at most [`Slug::MAX_CHARS`]
/// characters. The same rules as a hearing's slug, so the same router code reads both.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct CouncilSlug(String);

impl CouncilSlug {
    pub fn parse(s: &str) -> Result<Self, SlugError> {
        Slug::parse(s).map(|slug| CouncilSlug(slug.into()))
    }

    /// Danish letters folded (æ→ae, ø→oe, å→aa), everything but letters and digits a single
    /// hyphen: "Integrationsrådet" → "integrationsraadet". Fails with [`SlugError::Empty`] for
    /// a name with no letter or digit that folds to ASCII, such as one in Greek script only;
    /// the clerk then types a slug.
    pub fn from_name(name: &CouncilName) -> Result<Self, SlugError> {
        Slug::from_title(name.as_str()).map(|slug| CouncilSlug(slug.into()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

crate::newtype::string_newtype!(
    CouncilName: FieldError,
    MemberName: FieldError,
    CouncilSlug: SlugError
);
