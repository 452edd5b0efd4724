//! The journal in the database: written in the transaction of the change it records.

use super::Entry;
use crate::db::{self, now};
use sqlx::{Any, AnyPool, Transaction};

pub async fn write(tx: &mut Transaction<'_, Any>, entry: &Entry<'_>) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO journal (at, actor_id, action, subject, subject_id, before, after)
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(now())
    .bind(entry.actor)
    .bind(entry.action.as_str())
    .bind(entry.subject)
    .bind(entry.subject_id)
    .bind(entry.before.as_deref())
    .bind(entry.after.as_deref())
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// For an entry that records a reading rather than a change.
pub async fn write_alone(pool: &AnyPool, entry: &Entry<'_>) -> Result<(), sqlx::Error> {
    let mut tx = crate::db::begin_write(pool).await?;
    write(&mut tx, entry).await?;
    tx.commit().await
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct EntryRow {
    pub id: i64,
    pub at: i64,
    pub actor: Option<String>,
    pub action: String,
    pub before: Option<String>,
    pub after: Option<String>,
}

db::reads! {
    /// What happened to one thing, oldest first, with the actors' e-mails.
    pub fn of_subject(subject: &str, subject_id: i64) -> Vec<EntryRow> =
        "SELECT j.id, j.at, u.email AS actor, j.action, j.before, j.after
         FROM journal j LEFT JOIN users u ON u.id = j.actor_id
         WHERE j.subject = $1 AND j.subject_id = $2 ORDER BY j.id";
}
