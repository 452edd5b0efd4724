//! Users and sessions in the database.

use super::{Role, SESSION_SECONDS, hash_token, random_token};
use crate::db::now;
use sqlx::AnyPool;

#[derive(Debug, thiserror::Error)]
pub enum AuthDbError {
    #[error(transparent)]
    Sql(#[from] sqlx::Error),
    #[error("the OS random source failed")]
    Random(#[from] getrandom::Error),
}

#[derive(Debug, Clone)]
pub struct User {
    pub id: i64,
    pub email: String,
    pub role: Role,
}

#[derive(Debug, Clone)]
pub struct Session {
    pub user: User,
    pub csrf: String,
}

/// Creates an account, or gives an existing one a new password and role. Either change ends
/// the account's sessions in the same transaction (a changed password is usually a leaked one,
/// a changed role must not keep the old one's rights); the count says how many ended.
#[tracing::instrument(skip(pool, password_hash))]
pub async fn upsert_user(
    pool: &AnyPool,
    email: &str,
    password_hash: &str,
    role: Role,
) -> Result<(i64, u64), AuthDbError> {
    let mut tx = pool.begin().await?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO users (email, password_hash, role, created_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (email) DO UPDATE SET password_hash = excluded.password_hash, role = excluded.role
         RETURNING id",
    )
    .bind(email)
    .bind(password_hash)
    .bind(role.as_str())
    .bind(now())
    .fetch_one(&mut *tx)
    .await?;
    let ended = sqlx::query("DELETE FROM sessions WHERE user_id = $1")
        .bind(id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    tx.commit().await?;
    Ok((id, ended))
}

pub async fn user_exists(pool: &AnyPool, email: &str) -> Result<bool, AuthDbError> {
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM users WHERE email = $1")
        .bind(email)
        .fetch_one(pool)
        .await?;
    Ok(n > 0)
}

/// A user's e-mail, by id.
pub async fn email_of(pool: &AnyPool, user_id: i64) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT email FROM users WHERE id = $1")
        .bind(user_id)
        .fetch_optional(pool)
        .await
}

/// A user's display name, by id (empty until the admin or the member sets one).
pub async fn display_name_of(pool: &AnyPool, user_id: i64) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT display_name FROM users WHERE id = $1")
        .bind(user_id)
        .fetch_optional(pool)
        .await
}

/// Sets the name a council member goes by in the room and in public.
pub async fn set_display_name(
    pool: &AnyPool,
    user_id: i64,
    name: &hoering::council::MemberName,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE users SET display_name = $2 WHERE id = $1")
        .bind(user_id)
        .bind(name.as_str())
        .execute(pool)
        .await?;
    Ok(())
}

/// The user and their password hash, by e-mail.
pub async fn find_credentials(
    pool: &AnyPool,
    email: &str,
) -> Result<Option<(User, String)>, AuthDbError> {
    let row: Option<(i64, String, String, String)> =
        sqlx::query_as("SELECT id, email, role, password_hash FROM users WHERE email = $1")
            .bind(email)
            .fetch_optional(pool)
            .await?;
    Ok(row.and_then(|(id, email, role, hash)| {
        Role::parse(&role).map(|role| (User { id, email, role }, hash))
    }))
}

/// Why a provider's person could not be given an account.
#[derive(Debug, thiserror::Error)]
pub enum ProviderAccountError {
    #[error(transparent)]
    Db(#[from] AuthDbError),
    /// The address already belongs to an account linked to another person at the provider
    /// (an address handed on): an IT department must sort that out, not hoering.
    #[error("the e-mail address belongs to another person's account at the provider")]
    EmailTaken,
}

impl From<sqlx::Error> for ProviderAccountError {
    fn from(e: sqlx::Error) -> Self {
        ProviderAccountError::Db(e.into())
    }
}

/// The account a person signs in to through the identity provider: found by the provider's
/// subject; else an existing account with their e-mail address, which is linked to them from
/// now on and loses its password (the provider decides who gets in); else a new account. Its
/// e-mail and role follow the provider's at every sign-in, and a changed role ends its other
/// sessions. Returns the account's id.
#[tracing::instrument(skip(pool, email, name))]
pub async fn provider_account(
    pool: &AnyPool,
    issuer: &str,
    subject: &str,
    email: &str,
    name: Option<&str>,
    role: Role,
) -> Result<i64, ProviderAccountError> {
    let mut tx = crate::db::begin_write(pool).await?;
    let linked: Option<(i64, String)> =
        sqlx::query_as("SELECT id, role FROM users WHERE oidc_issuer = $1 AND oidc_subject = $2")
            .bind(issuer)
            .bind(subject)
            .fetch_optional(&mut *tx)
            .await?;
    let by_email: Option<(i64, String, Option<String>)> =
        sqlx::query_as("SELECT id, role, oidc_subject FROM users WHERE email = $1")
            .bind(email)
            .fetch_optional(&mut *tx)
            .await?;
    let existing = match (linked, by_email) {
        (Some((id, _)), Some((other, _, _))) if other != id => {
            return Err(ProviderAccountError::EmailTaken);
        }
        (Some(found), _) => Some(found),
        (None, Some((_, _, Some(_)))) => return Err(ProviderAccountError::EmailTaken),
        (None, Some((id, old_role, None))) => Some((id, old_role)),
        (None, None) => None,
    };
    let id = match existing {
        Some((id, old_role)) => {
            sqlx::query(
                "UPDATE users SET email = $2, role = $3, oidc_issuer = $4, oidc_subject = $5,
                 password_hash = '',
                 display_name = CASE WHEN display_name = '' THEN $6 ELSE display_name END
                 WHERE id = $1",
            )
            .bind(id)
            .bind(email)
            .bind(role.as_str())
            .bind(issuer)
            .bind(subject)
            .bind(name.unwrap_or(""))
            .execute(&mut *tx)
            .await?;
            if old_role != role.as_str() {
                sqlx::query("DELETE FROM sessions WHERE user_id = $1")
                    .bind(id)
                    .execute(&mut *tx)
                    .await?;
            }
            id
        }
        None => {
            sqlx::query_scalar(
                "INSERT INTO users (email, password_hash, role, created_at, oidc_issuer, oidc_subject, display_name)
                 VALUES ($1, '', $2, $3, $4, $5, $6) RETURNING id",
            )
            .bind(email)
            .bind(role.as_str())
            .bind(now())
            .bind(issuer)
            .bind(subject)
            .bind(name.unwrap_or(""))
            .fetch_one(&mut *tx)
            .await?
        }
    };
    tx.commit().await?;
    Ok(id)
}

/// Ends every session of the provider's person (their roles were taken away at the provider);
/// their account's id, when they have one.
pub async fn revoke_provider_account(
    pool: &AnyPool,
    issuer: &str,
    subject: &str,
) -> Result<Option<i64>, sqlx::Error> {
    let id: Option<i64> =
        sqlx::query_scalar("SELECT id FROM users WHERE oidc_issuer = $1 AND oidc_subject = $2")
            .bind(issuer)
            .bind(subject)
            .fetch_optional(pool)
            .await?;
    if let Some(id) = id {
        sqlx::query("DELETE FROM sessions WHERE user_id = $1")
            .bind(id)
            .execute(pool)
            .await?;
    }
    Ok(id)
}

/// Starts a session; returns the token for the cookie (only its hash is stored).
pub async fn create_session(pool: &AnyPool, user_id: i64) -> Result<String, AuthDbError> {
    let token = random_token()?;
    let csrf = random_token()?;
    let now = now();
    sqlx::query(
        "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(hash_token(&token))
    .bind(user_id)
    .bind(csrf)
    .bind(now)
    .bind(now + SESSION_SECONDS)
    .execute(pool)
    .await?;
    // Old sessions are cleaned up as new ones start; no separate job is needed.
    sqlx::query("DELETE FROM sessions WHERE expires_at < $1")
        .bind(now)
        .execute(pool)
        .await?;
    Ok(token)
}

pub async fn find_session(pool: &AnyPool, token: &str) -> Result<Option<Session>, AuthDbError> {
    let row: Option<(i64, String, String, String)> = sqlx::query_as(
        "SELECT u.id, u.email, u.role, s.csrf_token FROM sessions s JOIN users u ON u.id = s.user_id
         WHERE s.token_hash = $1 AND s.expires_at > $2",
    )
    .bind(hash_token(token))
    .bind(now())
    .fetch_optional(pool)
    .await?;
    Ok(row.and_then(|(id, email, role, csrf)| {
        Role::parse(&role).map(|role| Session {
            user: User { id, email, role },
            csrf,
        })
    }))
}

pub async fn delete_session(pool: &AnyPool, token: &str) -> Result<(), AuthDbError> {
    sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
        .bind(hash_token(token))
        .execute(pool)
        .await?;
    Ok(())
}
