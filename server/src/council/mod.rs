//! Advisory councils (Integrationsrådet, Handicaprådet, Ældrerådet…) and their members: staff
//! users with the council role, managed by an admin in the app or with
//! `hoering user add --role council --council …`. The council's own round on a hearing builds on
//! these (see issue 13).

pub mod db;
pub mod forms;
pub mod pages;

use crate::auth::db as auth_db;
use hoering::staff::Role;
use sqlx::AnyPool;

#[derive(Debug, thiserror::Error)]
pub enum CouncilError {
    #[error("there is no council {0:?}")]
    UnknownCouncil(String),
    #[error("there is no user {0}")]
    UnknownUser(String),
    #[error("{0} does not have the council role; only council members can join a council")]
    NotCouncilRole(String),
    #[error(transparent)]
    Auth(#[from] auth_db::AuthDbError),
    #[error(transparent)]
    Sql(#[from] sqlx::Error),
}

impl CouncilError {
    /// The form's error code for the field it concerns.
    pub fn field(&self) -> Option<(&'static str, &'static str)> {
        match self {
            CouncilError::UnknownCouncil(_) => Some(("council", "invalid")),
            CouncilError::UnknownUser(_) => Some(("email", "unknown_user")),
            CouncilError::NotCouncilRole(_) => Some(("email", "not_council")),
            _ => None,
        }
    }
}

/// Makes the user with `email` a member (or the chair) of the council `slug`.
pub async fn add_member(
    pool: &AnyPool,
    slug: &str,
    email: &str,
    chair: bool,
) -> Result<(), CouncilError> {
    let council = db::by_slug(pool, slug)
        .await?
        .ok_or_else(|| CouncilError::UnknownCouncil(slug.to_string()))?;
    let (user, _) = auth_db::find_credentials(pool, email)
        .await?
        .ok_or_else(|| CouncilError::UnknownUser(email.to_string()))?;
    if user.role != Role::Council {
        return Err(CouncilError::NotCouncilRole(email.to_string()));
    }
    db::set_member(pool, council.id, user.id, chair).await?;
    Ok(())
}

/// The staff user as the core's rules see them: their role and the councils they sit in.
pub async fn viewer_of(
    pool: &AnyPool,
    user: &auth_db::User,
) -> Result<hoering::council::Viewer, sqlx::Error> {
    let councils = db::of_user(pool, user.id)
        .await?
        .into_iter()
        .map(|(c, _)| hoering::council::CouncilId(c.id))
        .collect();
    Ok(hoering::council::Viewer::Staff {
        role: user.role,
        councils,
    })
}

/// A round's window and where it stands today, from its stored dates.
pub fn window_of(round: &db::RoundRow) -> Option<hoering::council::RoundWindow> {
    let day = |s: &str| s.parse::<jiff::civil::Date>().ok();
    let last = hoering::calendar::local_day(round.closes_at);
    hoering::council::RoundWindow::new(day(&round.opens)?, day(&round.closes)?, last).ok()
}

pub fn state_of(round: &db::RoundRow) -> hoering::council::RoundState {
    let today = hoering::calendar::local_day(crate::db::now());
    match window_of(round) {
        Some(w) => w.state_on(today),
        None => hoering::council::RoundState::Closed,
    }
}
