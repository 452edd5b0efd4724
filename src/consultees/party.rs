//! One party on the list, from the clerk's form or one imported line.

use serde::{Deserialize, Serialize};

use super::{PartyErrors, PartyKind};
use crate::mistakes::Mistakes;
use crate::response::{Email, OrganisationName, PersonName};

/// The party form exactly as posted: every field a string, missing fields empty.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PartyFields {
    pub organisation: String,
    /// May be empty: many parties are invited through a shared mailbox.
    pub contact: String,
    pub email: String,
    /// A [`PartyKind`] code or Danish label.
    pub kind: String,
}

/// A valid party, ready to store.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Party {
    pub organisation: OrganisationName,
    pub contact: Option<PersonName>,
    pub email: Email,
    pub kind: PartyKind,
}

impl Party {
    /// Whether both parties are reached at the same address. Mail servers treat the local
    /// part case-insensitively in practice, so "Post@DN.dk" and "post@dn.dk" are one party.
    pub fn same_address(&self, other: &Party) -> bool {
        email_key(&self.email) == email_key(&other.email)
    }

    /// The form that parses back into this party, e.g. to edit it.
    pub fn to_fields(&self) -> PartyFields {
        PartyFields {
            organisation: self.organisation.to_string(),
            contact: self
                .contact
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default(),
            email: self.email.to_string(),
            kind: self.kind.as_str().to_owned(),
        }
    }
}

/// What two addresses must share to count as the same party.
pub(super) fn email_key(email: &Email) -> String {
    email.as_str().to_lowercase()
}

impl PartyFields {
    /// The party, or every mistake at once.
    pub fn parse(&self) -> Result<Party, PartyErrors> {
        let mut mistakes = Mistakes::default();
        let organisation = OrganisationName::parse(&self.organisation);
        let organisation = mistakes.check("organisation", organisation);
        let contact = if self.contact.trim().is_empty() {
            Some(None)
        } else {
            mistakes.check("contact", PersonName::parse(&self.contact).map(Some))
        };
        let email = mistakes.check("email", Email::parse(&self.email));
        let kind = mistakes.check("kind", PartyKind::parse(&self.kind));

        match (organisation, contact, email, kind) {
            (Some(organisation), Some(contact), Some(email), Some(kind)) if mistakes.is_empty() => {
                Ok(Party {
                    organisation,
                    contact,
                    email,
                    kind,
                })
            }
            _ => Err(mistakes.into_map()),
        }
    }
}
