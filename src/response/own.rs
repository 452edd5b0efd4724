//! What a sender may do with their own response, from the receipt link: change its text or
//! the publication choice, or withdraw it, while the hearing is open; after the deadline, ask
//! for their name to be erased, which a clerk decides. Browser and server ask the same rule.

use serde::{Deserialize, Serialize};

/// A sender's request on their own response.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OwnAction {
    /// A new text or publication choice: the response goes back to moderation.
    Change,
    /// Taken back: no longer published, counted or answered in the høringsnotat.
    Withdraw,
    /// After the deadline: the sender's name and e-mail address erased, if a clerk agrees.
    AskErasure,
}

/// Where a request for erasure of the sender's name stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Erasure {
    #[default]
    NotAsked,
    Asked,
    /// A clerk erased the name and address.
    Erased,
    /// A clerk kept them (the reason is told to the sender on the page).
    Refused,
}

crate::coded::coded_enum!(Erasure, parse: exact, {
    NotAsked => "",
    Asked => "asked",
    Erased => "erased",
    Refused => "refused",
});

/// Why a sender's request is refused: a code the UI words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OwnRefusal {
    /// The hearing has closed: the response stays as it was received.
    Closed,
    /// Erasure is asked after the deadline; while the hearing is open the sender can change
    /// the publication choice or withdraw the response themselves.
    StillOpen,
    Withdrawn,
    /// Erasure was asked already (and is decided or waiting).
    AlreadyAsked,
}

crate::coded::coded_enum!(OwnRefusal, parse: exact, {
    Closed => "closed",
    StillOpen => "still_open",
    Withdrawn => "withdrawn",
    AlreadyAsked => "already_asked",
});

/// The response as the rule needs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OwnResponse {
    /// The hearing takes responses now.
    pub open: bool,
    pub withdrawn: bool,
    pub erasure: Erasure,
}

impl OwnResponse {
    pub fn may(&self, action: OwnAction) -> Result<(), OwnRefusal> {
        if self.withdrawn {
            return Err(OwnRefusal::Withdrawn);
        }
        match action {
            OwnAction::Change | OwnAction::Withdraw if !self.open => Err(OwnRefusal::Closed),
            OwnAction::Change | OwnAction::Withdraw => Ok(()),
            OwnAction::AskErasure if self.open => Err(OwnRefusal::StillOpen),
            OwnAction::AskErasure if self.erasure != Erasure::NotAsked => {
                Err(OwnRefusal::AlreadyAsked)
            }
            OwnAction::AskErasure => Ok(()),
        }
    }

    /// Every action the sender may take now, for the page to offer.
    pub fn offered(&self) -> Vec<OwnAction> {
        [
            OwnAction::Change,
            OwnAction::Withdraw,
            OwnAction::AskErasure,
        ]
        .into_iter()
        .filter(|&a| self.may(a).is_ok())
        .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn own(open: bool, withdrawn: bool, erasure: Erasure) -> OwnResponse {
        OwnResponse {
            open,
            withdrawn,
            erasure,
        }
    }

    #[test]
    fn while_open_the_sender_changes_or_withdraws_and_after_asks_for_erasure() {
        assert_eq!(
            own(true, false, Erasure::NotAsked).offered(),
            [OwnAction::Change, OwnAction::Withdraw]
        );
        assert_eq!(
            own(false, false, Erasure::NotAsked).offered(),
            [OwnAction::AskErasure]
        );
        assert_eq!(
            own(false, false, Erasure::NotAsked).may(OwnAction::Change),
            Err(OwnRefusal::Closed)
        );
        assert_eq!(
            own(true, false, Erasure::NotAsked).may(OwnAction::AskErasure),
            Err(OwnRefusal::StillOpen)
        );
    }

    #[test]
    fn a_withdrawn_response_and_an_answered_request_offer_nothing() {
        for erasure in Erasure::ALL {
            for open in [true, false] {
                assert!(own(open, true, erasure).offered().is_empty());
            }
        }
        for erasure in [Erasure::Asked, Erasure::Erased, Erasure::Refused] {
            assert_eq!(
                own(false, false, erasure).may(OwnAction::AskErasure),
                Err(OwnRefusal::AlreadyAsked)
            );
        }
    }

    #[test]
    fn codes_read_back() {
        for e in Erasure::ALL {
            assert_eq!(Erasure::parse(e.as_str()), Some(e));
        }
        for r in OwnRefusal::ALL {
            assert_eq!(OwnRefusal::parse(r.as_str()), Some(r));
        }
    }
}
