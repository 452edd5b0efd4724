//! How the municipality's identity provider says who a member of staff is: the values of its
//! roles or groups claim, mapped to hoering's roles and council seats (`HOERING_OIDC_ROLES`).
//!
//! The provider is the authority: every sign-in grants what the claim says now, so a role
//! removed at the provider is gone at the next sign-in.

use super::Role;
use crate::council::CouncilSlug;
use std::collections::BTreeSet;

/// What one claim value grants.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Grant {
    /// Clerk or admin.
    Role(Role),
    /// A seat in a council (and the council role, unless a clerk's or admin's role is granted too).
    Seat(CouncilSlug),
}

/// What a sign-in grants: the strongest role the claim's values map to, and every council seat.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Granted {
    pub role: Role,
    pub seats: BTreeSet<CouncilSlug>,
}

/// The mapping, parsed from `value=grant` pairs separated by commas:
/// `hoering-admins=admin, hoering-clerks=clerk, ir-members=council:integrationsraadet`.
/// A value may appear more than once (one group may grant a role and a seat).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoleMap {
    entries: Vec<(String, Grant)>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RoleMapError {
    #[error("no value=role pair is given")]
    Empty,
    #[error("{0:?} is not value=role (e.g. hoering-clerks=clerk)")]
    Pair(String),
    #[error(
        "{0:?} is not a role: clerk, admin or council:<council's slug> (e.g. council:integrationsraadet)"
    )]
    Grant(String),
}

impl RoleMap {
    pub fn parse(text: &str) -> Result<Self, RoleMapError> {
        let mut entries = Vec::new();
        for pair in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let (value, grant) = pair
                .split_once('=')
                .map(|(v, g)| (v.trim(), g.trim()))
                .filter(|(v, g)| !v.is_empty() && !g.is_empty())
                .ok_or_else(|| RoleMapError::Pair(pair.to_string()))?;
            let grant = match grant.split_once(':') {
                Some(("council", slug)) => CouncilSlug::parse(slug.trim())
                    .map(Grant::Seat)
                    .map_err(|_| RoleMapError::Grant(grant.to_string()))?,
                Some(_) => return Err(RoleMapError::Grant(grant.to_string())),
                None => match Role::parse(grant) {
                    Some(role @ (Role::Clerk | Role::Admin)) => Grant::Role(role),
                    // A council member without a council would see an empty room.
                    _ => return Err(RoleMapError::Grant(grant.to_string())),
                },
            };
            entries.push((value.to_string(), grant));
        }
        if entries.is_empty() {
            return Err(RoleMapError::Empty);
        }
        Ok(RoleMap { entries })
    }

    /// What the claim's `values` grant; `None` when none of them is mapped (the person may not
    /// sign in). Values are compared exactly: group ids and role names are case-sensitive at
    /// the providers.
    pub fn resolve<S: AsRef<str>>(&self, values: &[S]) -> Option<Granted> {
        let mut role: Option<Role> = None;
        let mut seats = BTreeSet::new();
        for (value, grant) in &self.entries {
            if !values.iter().any(|v| v.as_ref() == value) {
                continue;
            }
            match grant {
                Grant::Role(r) => role = Some(stronger(role, *r)),
                Grant::Seat(slug) => {
                    seats.insert(slug.clone());
                    role = Some(stronger(role, Role::Council));
                }
            }
        }
        role.map(|role| Granted { role, seats })
    }
}

/// Admin over clerk over council.
fn stronger(held: Option<Role>, new: Role) -> Role {
    let rank = |r: Role| match r {
        Role::Council => 0,
        Role::Clerk => 1,
        Role::Admin => 2,
    };
    match held {
        Some(h) if rank(h) >= rank(new) => h,
        _ => new,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const MAP: &str =
        "hoering-admins=admin, hoering-clerks=clerk,ir-members=council:integrationsraadet";

    fn slug(s: &str) -> CouncilSlug {
        CouncilSlug::parse(s).unwrap()
    }

    #[test]
    fn each_value_grants_its_role_and_the_strongest_wins() {
        let map = RoleMap::parse(MAP).unwrap();
        let clerk = map.resolve(&["hoering-clerks"]).unwrap();
        assert_eq!(clerk.role, Role::Clerk);
        assert!(clerk.seats.is_empty());
        let member = map.resolve(&["ir-members", "all-staff"]).unwrap();
        assert_eq!(member.role, Role::Council);
        assert_eq!(member.seats, BTreeSet::from([slug("integrationsraadet")]));
        // A clerk who also sits in the council keeps the clerk's rights and gets the seat.
        let both = map
            .resolve(&["ir-members", "hoering-clerks", "hoering-admins"])
            .unwrap();
        assert_eq!(both.role, Role::Admin);
        assert_eq!(both.seats.len(), 1);
    }

    #[test]
    fn no_mapped_value_grants_nothing() {
        let map = RoleMap::parse(MAP).unwrap();
        assert_eq!(map.resolve::<&str>(&[]), None);
        assert_eq!(map.resolve(&["all-staff"]), None);
        // Exact comparison: providers' group names are case-sensitive.
        assert_eq!(map.resolve(&["Hoering-Clerks"]), None);
    }

    #[test]
    fn mistakes_in_the_setting_are_named() {
        assert_eq!(RoleMap::parse(" , "), Err(RoleMapError::Empty));
        let pair = |s: &str| RoleMapError::Pair(s.into());
        let grant = |s: &str| RoleMapError::Grant(s.into());
        for (setting, error) in [
            ("hoering-clerks", pair("hoering-clerks")),
            ("=clerk", pair("=clerk")),
            ("x=boss", grant("boss")),
            // A council role names its council.
            ("x=council", grant("council")),
            (
                "x=council:Integrationsrådet",
                grant("council:Integrationsrådet"),
            ),
            (
                "x=seat:integrationsraadet",
                grant("seat:integrationsraadet"),
            ),
        ] {
            assert_eq!(RoleMap::parse(setting), Err(error), "{setting}");
        }
    }

    proptest! {
        /// Whatever the claim holds, only mapped values count, and adding an unmapped value
        /// never changes what is granted.
        #[test]
        fn unmapped_values_change_nothing(values in proptest::collection::vec("[a-z-]{1,12}", 0..6), extra in "[A-Z]{1,8}") {
            let map = RoleMap::parse(MAP).unwrap();
            let mut more = values.clone();
            more.push(extra);
            prop_assert_eq!(map.resolve(&values), map.resolve(&more));
        }

        /// The granted role is never weaker than any single value's grant.
        #[test]
        fn more_values_never_weaken_the_role(picks in proptest::collection::vec(0usize..3, 1..5)) {
            let names = ["hoering-admins", "hoering-clerks", "ir-members"];
            let map = RoleMap::parse(MAP).unwrap();
            let values: Vec<&str> = picks.iter().map(|&i| names[i]).collect();
            let all = map.resolve(&values).unwrap();
            for v in &values {
                let one = map.resolve(&[v]).unwrap();
                prop_assert_eq!(stronger(Some(all.role), one.role), all.role);
            }
        }
    }
}
