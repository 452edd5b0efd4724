//! Signing up for a dialogue meeting, with what the participant needs to take part.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::{MeetingErrors, ParticipantGroup, SignupMode, normalise_text, one_line, parse_group};
use crate::mistakes::Mistakes;
use crate::response::{Email, OrganisationName, PersonName};

/// Whether the sign-up form is open to this reader: through the deadline day, for everyone at an
/// open meeting, and at a by-invitation meeting only for a reader who came by its invitation
/// link (`invited`).
pub fn signup_open(deadline: Date, mode: SignupMode, today: Date, invited: bool) -> bool {
    today <= deadline && (mode == SignupMode::Open || invited)
}

/// The sign-up form exactly as posted: every field a string, missing fields empty.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SignupFields {
    pub name: String,
    pub email: String,
    /// A [`ParticipantGroup`] code.
    pub group: String,
    /// Only read when the group comes as an association.
    pub organisation: String,
    /// "on" when the checkbox is ticked (what a browser posts), else empty.
    pub interpreter: String,
    /// Only read when `interpreter` is ticked.
    pub interpreter_language: String,
    /// "on" when ticked.
    pub step_free: String,
    pub other_needs: String,
    /// "on" when ticked; required.
    pub consent: String,
}

/// What a participant needs to take part, so the clerk can book an interpreter or a room.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Needs {
    /// The language an interpreter is needed for.
    pub interpreter: Option<String>,
    pub step_free: bool,
    pub other: Option<String>,
}

impl Needs {
    pub const MAX_LANGUAGE_CHARS: usize = 80;
    pub const MAX_OTHER_CHARS: usize = 1000;

    pub fn is_empty(&self) -> bool {
        self.interpreter.is_none() && !self.step_free && self.other.is_none()
    }
}

/// A valid sign-up, ready to store; whether it gets a seat is for [`super::status_for_new`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signup {
    pub name: PersonName,
    pub email: Email,
    pub group: ParticipantGroup,
    /// Only for a group that [needs one](ParticipantGroup::needs_organisation).
    pub organisation: Option<OrganisationName>,
    pub needs: Needs,
}

/// A ticked checkbox: browsers post "on"; a script may post "true".
fn ticked(value: &str) -> bool {
    matches!(value.trim(), "on" | "true" | "ja" | "1")
}

impl SignupFields {
    /// The sign-up, or every mistake at once.
    pub fn parse(&self) -> Result<Signup, MeetingErrors> {
        let mut mistakes = Mistakes::default();
        let name = mistakes.check("name", PersonName::parse(&self.name));
        let email = mistakes.check("email", Email::parse(&self.email));
        let group = mistakes.check("group", parse_group(&self.group));
        let organisation = match group {
            Some(g) if !g.needs_organisation() => Some(None),
            // Without a group we cannot say it is required, but a bad value is still reported.
            None if self.organisation.trim().is_empty() => Some(None),
            _ => {
                let organisation = OrganisationName::parse(&self.organisation).map(Some);
                mistakes.check("organisation", organisation)
            }
        };
        let interpreter = if ticked(&self.interpreter) {
            match one_line(&self.interpreter_language, Needs::MAX_LANGUAGE_CHARS) {
                Ok(Some(language)) => Some(Some(language)),
                Ok(None) => {
                    mistakes.note("interpreter_language", "required");
                    None
                }
                Err(code) => {
                    mistakes.note("interpreter_language", code);
                    None
                }
            }
        } else {
            Some(None)
        };
        let other = normalise_text(&self.other_needs);
        let other = if other.chars().count() > Needs::MAX_OTHER_CHARS {
            mistakes.note("other_needs", "too_long");
            None
        } else {
            Some((!other.is_empty()).then_some(other))
        };
        if !ticked(&self.consent) {
            mistakes.note("consent", "required");
        }

        match (name, email, group, organisation, interpreter, other) {
            (
                Some(name),
                Some(email),
                Some(group),
                Some(organisation),
                Some(interpreter),
                Some(other),
            ) if mistakes.is_empty() => Ok(Signup {
                name,
                email,
                group,
                organisation,
                needs: Needs {
                    interpreter,
                    step_free: ticked(&self.step_free),
                    other,
                },
            }),
            _ => Err(mistakes.into_map()),
        }
    }
}
