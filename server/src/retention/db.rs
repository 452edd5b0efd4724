//! The retention rule's SQL: each hearing's chosen months, what its erasure would clear, and the
//! erasure itself (with its journal entry, in one transaction).

use crate::db::{self, now};
use crate::journal::{self, Action, Entry};
use hoering::privacy::retention::Erased;
use sqlx::AnyPool;

/// A hearing as its retention rule needs it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct RetentionRow {
    pub id: i64,
    pub slug: String,
    pub title: String,
    pub closes_at: i64,
    /// `None`: the municipality's default.
    pub retention_months: Option<i64>,
    pub personal_data_erased_at: Option<i64>,
    /// The policy's road as JSON, for the day of its final decision.
    pub road: Option<String>,
}

const RETENTION_SELECT: &str =
    "SELECT h.id, h.slug, p.title, h.closes_at, h.retention_months, h.personal_data_erased_at,
        r.road
     FROM hearings h JOIN policies p ON p.id = h.policy_id
     LEFT JOIN roads r ON r.policy_id = h.policy_id";

db::reads! {
    /// Every hearing, the earliest deadline first.
    pub fn hearings() -> Vec<RetentionRow> =
        db::select(RETENTION_SELECT, "ORDER BY h.closes_at, h.id");
    pub fn hearing(slug: &str) -> Option<RetentionRow> =
        db::select(RETENTION_SELECT, "WHERE h.slug = $1");
}

/// Senders' personal data in a response: a name or an e-mail address.
const HOLDS_SENDER: &str = "(name <> '' OR email <> '')";
/// Rows that belong to one of the hearing's responses.
const OF_HEARING: &str = "response_id IN (SELECT id FROM responses WHERE hearing_id = $1)";
/// The name a file keeps once its own is erased: its place among the response's files.
const PLAIN_FILE_NAME: &str = "'bilag-' || CAST(position + 1 AS TEXT) || '.' || kind";

/// What erasing the hearing's personal data would clear now (nothing once it has run).
pub async fn pending(pool: &AnyPool, hearing: i64) -> Result<Erased, sqlx::Error> {
    let count = |sql: String| async move {
        let (n,): (i64,) = sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(hearing)
            .fetch_one(pool)
            .await?;
        Ok::<u64, sqlx::Error>(u64::try_from(n).unwrap_or(0))
    };
    Ok(Erased {
        senders: count(format!(
            "SELECT COUNT(*) FROM responses WHERE hearing_id = $1 AND {HOLDS_SENDER}"
        ))
        .await?,
        originals: count(
            "SELECT COUNT(*) FROM responses WHERE hearing_id = $1 AND original_text IS NOT NULL"
                .into(),
        )
        .await?
            + count(format!(
                "SELECT COUNT(*) FROM response_changes WHERE {OF_HEARING}"
            ))
            .await?,
        file_names: count(format!(
            "SELECT COUNT(*) FROM attachments WHERE name <> {PLAIN_FILE_NAME}
             AND {OF_HEARING}"
        ))
        .await?,
    })
}

/// Erases the hearing's senders' names and e-mail addresses (a private person's response
/// published with name is then published as a private person's), the originals of redacted
/// texts and the names of attached files; journals the counts and marks the hearing erased.
/// `actor`: the operator who ran it by hand, `None` for housekeeping.
pub async fn erase(
    pool: &AnyPool,
    hearing: i64,
    actor: Option<i64>,
) -> Result<Erased, sqlx::Error> {
    let mut tx = db::begin_write(pool).await?;
    let senders = sqlx::query(sqlx::AssertSqlSafe(format!(
        "UPDATE responses SET {ERASE_SENDER} WHERE hearing_id = $1 AND {HOLDS_SENDER}",
        ERASE_SENDER = crate::response::db::ERASE_SENDER
    )))
    .bind(hearing)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    let originals = sqlx::query(
        "UPDATE responses SET original_text = NULL
         WHERE hearing_id = $1 AND original_text IS NOT NULL",
    )
    .bind(hearing)
    .execute(&mut *tx)
    .await?
    .rows_affected()
        // The texts senders replaced were never published: they go with the originals.
        + sqlx::query(sqlx::AssertSqlSafe(format!(
            "DELETE FROM response_changes WHERE {OF_HEARING}"
        )))
        .bind(hearing)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    let file_names = sqlx::query(sqlx::AssertSqlSafe(format!(
        "UPDATE attachments SET name = {PLAIN_FILE_NAME}
         WHERE name <> {PLAIN_FILE_NAME} AND {OF_HEARING}"
    )))
    .bind(hearing)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    let erased = Erased {
        senders,
        originals,
        file_names,
    };
    let entry = Entry {
        actor,
        action: Action::PersonalDataErased,
        subject: "hearing",
        subject_id: Some(hearing),
        before: None,
        after: Some(serde_json::json!(erased).to_string()),
    };
    journal::db::write(&mut tx, &entry).await?;
    sqlx::query("UPDATE hearings SET personal_data_erased_at = $1 WHERE id = $2")
        .bind(now())
        .bind(hearing)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(erased)
}

/// A clerk's choice of months (`None`: the municipality's default), journaled.
pub async fn set_months(
    pool: &AnyPool,
    hearing: i64,
    before: Option<i64>,
    months: Option<i64>,
    actor: i64,
) -> Result<(), sqlx::Error> {
    let mut tx = db::begin_write(pool).await?;
    sqlx::query("UPDATE hearings SET retention_months = $1 WHERE id = $2")
        .bind(months)
        .bind(hearing)
        .execute(&mut *tx)
        .await?;
    let text = |m: Option<i64>| m.map(|m| m.to_string()).unwrap_or_default();
    let entry =
        Entry::hearing(actor, Action::RetentionChanged, hearing).change(text(before), text(months));
    journal::db::write(&mut tx, &entry).await?;
    tx.commit().await
}
