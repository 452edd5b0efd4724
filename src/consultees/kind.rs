//! What kind of body a party on the list is.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::response::{FieldError, SenderKind};

/// The organisational [`SenderKind`]s: everyone who can be invited to a hearing as a body.
/// A private person is never on a høringsliste, so this is its own type rather than a
/// `SenderKind` that could say [`SenderKind::Private`]. The codes are `SenderKind`'s, so an
/// invited party's answer is counted under the same kind in the høringsnotat.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PartyKind {
    /// Forening/organisation.
    Association,
    /// Råd og nævn, e.g. Handicaprådet, Ældrerådet.
    Council,
    /// Myndighed.
    Authority,
    /// Virksomhed.
    Company,
    /// MED-udvalg.
    WorkCouncil,
}

impl PartyKind {
    /// In the order the forms offer them.
    pub const ALL: [Self; 5] = [
        Self::Association,
        Self::Council,
        Self::Authority,
        Self::Company,
        Self::WorkCouncil,
    ];

    /// The stable code used in forms, the database and serde: [`SenderKind::as_str`].
    pub fn as_str(self) -> &'static str {
        SenderKind::from(self).as_str()
    }

    /// A code, or a Danish label as clerks type it in a spreadsheet ("forening",
    /// "råd og nævn", "MED-udvalg", …), in any case and spacing.
    pub fn parse(input: &str) -> Result<Self, FieldError> {
        let words: Vec<&str> = input.split_whitespace().collect();
        if words.is_empty() {
            return Err(FieldError::Required);
        }
        // "forening / organisation" and "forening/organisation" are the same label.
        let label = words.join(" ").to_lowercase().replace(" / ", "/");
        let kind = match label.as_str() {
            "association"
            | "forening"
            | "organisation"
            | "organization"
            | "forening/organisation"
            | "organisation/forening" => Self::Association,
            "council" | "råd og nævn" | "råd" | "nævn" | "råd/nævn" | "raad og naevn" | "raad"
            | "naevn" => Self::Council,
            "authority" | "myndighed" => Self::Authority,
            "company" | "virksomhed" => Self::Company,
            "work_council" | "med-udvalg" | "med" | "medudvalg" | "med udvalg" => Self::WorkCouncil,
            _ => return Err(FieldError::Invalid),
        };
        Ok(kind)
    }
}

impl From<PartyKind> for SenderKind {
    fn from(kind: PartyKind) -> Self {
        match kind {
            PartyKind::Association => SenderKind::Association,
            PartyKind::Council => SenderKind::Council,
            PartyKind::Authority => SenderKind::Authority,
            PartyKind::Company => SenderKind::Company,
            PartyKind::WorkCouncil => SenderKind::WorkCouncil,
        }
    }
}

/// Fails with [`FieldError::Invalid`] for [`SenderKind::Private`].
impl TryFrom<SenderKind> for PartyKind {
    type Error = FieldError;

    fn try_from(kind: SenderKind) -> Result<Self, Self::Error> {
        match kind {
            SenderKind::Private => Err(FieldError::Invalid),
            SenderKind::Association => Ok(Self::Association),
            SenderKind::Council => Ok(Self::Council),
            SenderKind::Authority => Ok(Self::Authority),
            SenderKind::Company => Ok(Self::Company),
            SenderKind::WorkCouncil => Ok(Self::WorkCouncil),
        }
    }
}

impl fmt::Display for PartyKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for PartyKind {
    type Err = FieldError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}
