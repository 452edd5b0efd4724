//! The demo: Roskilde's integration policy as an open hearing and a clerk to log in with, so a
//! new user sees the whole flow at once. Loaded only when asked for (`--demo`, `HOERING_DEMO`).

use crate::auth::{Role, db as auth_db, password};
use crate::db::Db;
use crate::hearing::{self, HearingFields, db as hearing_db};
use jiff::ToSpan;

/// Roskilde Kommune's integration policy, as adopted in 2020.
pub const FIXTURE: &str = include_str!("../../src/document/fixtures/integrationspolitik.md");
pub const DEMO_SLUG: &str = "integrationspolitik";
pub const DEMO_EMAIL: &str = "sagsbehandler@demo.hoering.dk";
pub const DEMO_PASSWORD: &str = "demo-hoering-2026";

#[derive(Debug, thiserror::Error)]
pub enum DemoError {
    #[error(transparent)]
    Sql(#[from] sqlx::Error),
    #[error(transparent)]
    Store(#[from] hearing_db::StoreError),
    #[error(transparent)]
    Users(#[from] auth_db::AuthDbError),
    #[error(transparent)]
    Password(#[from] password::PasswordError),
    #[error("the demo policy does not parse: {0}")]
    Fixture(String),
    #[error("date arithmetic failed")]
    Date(#[from] jiff::Error),
}

pub struct DemoCredentials {
    pub email: &'static str,
    pub password: &'static str,
}

impl DemoCredentials {
    pub fn hearing_url(&self, addr: std::net::SocketAddr) -> String {
        format!("http://{addr}/hoeringer/{DEMO_SLUG}")
    }
}

/// Loads the demo hearing (opened a week ago, closing in three weeks) unless it is there
/// already, and (re)sets the demo clerk.
pub async fn load(db: &Db) -> Result<DemoCredentials, DemoError> {
    if !hearing_db::slug_exists(&db.pool, DEMO_SLUG).await? {
        let today = hoering::calendar::today();
        let fields = HearingFields {
            markdown: FIXTURE.to_string(),
            slug: DEMO_SLUG.to_string(),
            opens: today.checked_sub(7.days())?.to_string(),
            closes: today.checked_add(21.days())?.to_string(),
            ..Default::default()
        };
        let new = hearing::prepare(&fields, true)
            .map_err(|rejected| DemoError::Fixture(format!("{:?}", rejected.errors)))?;
        hearing_db::store(&db.pool, &new).await?;
        tracing::info!("demo hearing loaded");
    }
    let hash = password::hash(DEMO_PASSWORD.to_string()).await?;
    auth_db::upsert_user(&db.pool, DEMO_EMAIL, &hash, Role::Clerk).await?;
    Ok(DemoCredentials {
        email: DEMO_EMAIL,
        password: DEMO_PASSWORD,
    })
}
