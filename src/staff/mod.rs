//! Staff and what each role may do. Citizens never log in; everyone with an account is staff of
//! one kind, and every staff page and form asks this module, not the role's name.

use serde::{Deserialize, Serialize};

mod role_map;
pub use role_map::{Grant, Granted, RoleMap, RoleMapError};

/// A staff account's role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Sagsbehandler: publishes drafts and versions, moderates and answers responses.
    Clerk,
    /// A member of an advisory council (Integrationsrådet): works in the council's own round only.
    Council,
    /// Runs the installation: everything a clerk may, and accounts and templates.
    Admin,
}

/// Something a member of staff does; each staff route and server function names one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Permission {
    /// See the clerk's pages: the hearing list with counts, the moderation queue.
    ReadAdmin,
    /// Publish or withhold a response.
    Moderate,
    /// Create a policy and its hearing.
    CreateHearing,
    /// Add a version of a policy's text.
    AddVersion,
    /// Take a step on a policy's road: advance, skip, freeze, open a hearing, record a decision.
    AdvanceRoad,
    /// Answer a question the public asked on a policy page.
    AnswerInquiry,
    /// Edit a committee's process template (the installation's rules, so admins only).
    EditTemplates,
    /// Create dialogue meetings, see and export who signed up, mark who came, record the input
    /// given at the tables and publish the minutes.
    ManageMeetings,
    /// Read the outbox: every e-mail with the copies of what citizens wrote (admins only).
    ReadMail,
    /// Create councils and decide who sits in them (admins only: nobody else joins a council).
    ManageCouncils,
}

crate::coded::coded_enum!(Role, parse: exact, {
    Clerk => "clerk",
    Council => "council",
    Admin => "admin",
});

impl Role {
    /// Whether this role may do `what`. Council members work in their council's round, which
    /// none of the clerk's permissions cover.
    pub fn may(self, what: Permission) -> bool {
        match self {
            Role::Admin => true,
            Role::Clerk => !matches!(
                what,
                Permission::EditTemplates | Permission::ReadMail | Permission::ManageCouncils
            ),
            Role::Council => match what {
                Permission::ReadAdmin
                | Permission::Moderate
                | Permission::CreateHearing
                | Permission::AddVersion
                | Permission::AdvanceRoad
                | Permission::AnswerInquiry
                | Permission::EditTemplates
                | Permission::ManageMeetings
                | Permission::ReadMail
                | Permission::ManageCouncils => false,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_round_trip_and_unknown_is_refused() {
        for r in Role::ALL {
            assert_eq!(Role::parse(r.as_str()), Some(r));
        }
        assert_eq!(Role::parse("Clerk"), None);
        assert_eq!(Role::parse(""), None);
    }

    #[test]
    fn council_members_cannot_do_clerks_work() {
        for p in [
            Permission::ReadAdmin,
            Permission::Moderate,
            Permission::CreateHearing,
            Permission::AddVersion,
            Permission::AdvanceRoad,
            Permission::AnswerInquiry,
            Permission::ManageMeetings,
        ] {
            assert!(Role::Clerk.may(p));
            assert!(Role::Admin.may(p));
            assert!(!Role::Council.may(p), "{p:?}");
        }
    }

    #[test]
    fn only_admins_edit_templates_read_the_outbox_and_seat_councils() {
        for p in [
            Permission::EditTemplates,
            Permission::ReadMail,
            Permission::ManageCouncils,
        ] {
            assert!(Role::Admin.may(p));
            assert!(!Role::Clerk.may(p));
            assert!(!Role::Council.may(p));
        }
    }
}
