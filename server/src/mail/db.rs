//! The outbox in the database: messages are written in the transaction that caused them, and
//! senders claim due rows for a while, so two servers on one PostgreSQL never send one twice.

use crate::db::{self, now};
use hoering::mail::Mail;
use sqlx::{Any, AnyPool, Transaction};

/// A claimed message is another sender's only after this long (a sender that died mid-send).
pub const CLAIM_SECONDS: i64 = 300;

/// Writes a message to the outbox inside `tx`; it is sent only if `tx` commits.
pub async fn enqueue(
    tx: &mut Transaction<'_, Any>,
    mail: &Mail,
    message_id: &str,
) -> Result<i64, sqlx::Error> {
    let at = now();
    sqlx::query_scalar(
        "INSERT INTO outbox (kind, recipient, subject, text_body, html_body, message_id,
            created_at, next_attempt_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id",
    )
    .bind(mail.kind.as_str())
    .bind(&mail.to)
    .bind(&mail.subject)
    .bind(&mail.text)
    .bind(&mail.html)
    .bind(message_id)
    .bind(at)
    .fetch_one(&mut **tx)
    .await
}

/// Queues several messages in one statement: `(mail, message id)` each.
pub async fn enqueue_many(
    tx: &mut Transaction<'_, Any>,
    mails: &[(&Mail, String)],
) -> Result<(), sqlx::Error> {
    let at = now();
    // 25 rows a statement: binding costs time in the square of the parameters on SQLite.
    for chunk in mails.chunks(25) {
        let sql = format!(
            "INSERT INTO outbox (kind, recipient, subject, text_body, html_body, message_id,
                created_at, next_attempt_at) VALUES {}",
            rows_with_time(chunk.len())
        );
        let mut query = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(at);
        for (mail, message_id) in chunk {
            query = query
                .bind(mail.kind.as_str())
                .bind(&mail.to)
                .bind(&mail.subject)
                .bind(&mail.text)
                .bind(&mail.html)
                .bind(message_id.as_str());
        }
        query.execute(&mut **tx).await?;
    }
    Ok(())
}

/// `rows` rows of six numbered placeholders from `$2` and the shared time `$1` twice.
fn rows_with_time(rows: usize) -> String {
    (0..rows)
        .map(|row| {
            let p = 2 + row * 6;
            format!(
                "(${}, ${}, ${}, ${}, ${}, ${}, $1, $1)",
                p,
                p + 1,
                p + 2,
                p + 3,
                p + 4,
                p + 5
            )
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Claims up to `limit` due messages for [`CLAIM_SECONDS`], as they stand once claimed. On PostgreSQL the rows are locked
/// with `SKIP LOCKED`, so a second server's claim passes over them instead of taking them too;
/// SQLite has one writer, so its update is already exclusive.
pub async fn claim(
    pool: &AnyPool,
    postgres: bool,
    limit: i64,
) -> Result<Vec<OutboxRow>, sqlx::Error> {
    let at = now();
    let lock = if postgres {
        "FOR UPDATE SKIP LOCKED"
    } else {
        ""
    };
    let mut tx = crate::db::begin_write(pool).await?;
    let rows: Vec<OutboxRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "UPDATE outbox SET claimed_until = $1, attempts = attempts + 1
         WHERE id IN (SELECT id FROM outbox
            WHERE sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= $2
              AND (claimed_until IS NULL OR claimed_until <= $2)
            ORDER BY id LIMIT $3 {lock})
         RETURNING {COLUMNS}"
    )))
    .bind(at + CLAIM_SECONDS)
    .bind(at)
    .bind(limit)
    .fetch_all(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(rows)
}

pub async fn mark_sent(pool: &AnyPool, id: i64) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE outbox SET sent_at = $1, claimed_until = NULL, last_error = NULL WHERE id = $2",
    )
    .bind(now())
    .bind(id)
    .execute(pool)
    .await?;
    Ok(())
}

/// Records a failed attempt: tried again at `retry_at`, or given up (`retry_at` = `None`).
pub async fn mark_failed(
    pool: &AnyPool,
    id: i64,
    error: &str,
    retry_at: Option<i64>,
) -> Result<(), sqlx::Error> {
    let at = now();
    sqlx::query(
        "UPDATE outbox SET claimed_until = NULL, last_error = $1, next_attempt_at = $2,
            failed_at = $3 WHERE id = $4",
    )
    .bind(error)
    .bind(retry_at.unwrap_or(at))
    .bind(retry_at.is_none().then_some(at))
    .bind(id)
    .execute(pool)
    .await?;
    Ok(())
}

/// Puts a message given up on back in the queue, at once (an admin's "send again").
pub async fn retry(pool: &AnyPool, id: i64) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE outbox SET failed_at = NULL, attempts = 0, next_attempt_at = $1
         WHERE id = $2 AND sent_at IS NULL",
    )
    .bind(now())
    .bind(id)
    .execute(pool)
    .await?
    .rows_affected();
    Ok(done > 0)
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct OutboxRow {
    pub id: i64,
    pub kind: String,
    pub recipient: String,
    pub subject: String,
    pub text_body: String,
    pub html_body: String,
    pub message_id: String,
    pub created_at: i64,
    pub attempts: i64,
    pub next_attempt_at: i64,
    pub sent_at: Option<i64>,
    pub failed_at: Option<i64>,
    pub last_error: Option<String>,
}

const COLUMNS: &str = "id, kind, recipient, subject, text_body, html_body, message_id, created_at,
    attempts, next_attempt_at, sent_at, failed_at, last_error";

/// One page of the outbox, newest first, optionally only messages to `recipient`; with the total.
pub async fn page(
    pool: &AnyPool,
    recipient: Option<&str>,
    page: u32,
    per_page: u32,
) -> Result<(i64, Vec<OutboxRow>), sqlx::Error> {
    let offset = i64::from(page.saturating_sub(1)) * i64::from(per_page);
    let who = recipient.unwrap_or("");
    let filter = "($1 = '' OR recipient = $1)";
    let total: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
        "SELECT COUNT(*) FROM outbox WHERE {filter}"
    )))
    .bind(who)
    .fetch_one(pool)
    .await?;
    let rows = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM outbox WHERE {filter} ORDER BY id DESC LIMIT $2 OFFSET $3"
    )))
    .bind(who)
    .bind(i64::from(per_page))
    .bind(offset)
    .fetch_all(pool)
    .await?;
    Ok((total, rows))
}

db::reads! {
    pub fn one(id: i64) -> Option<OutboxRow> =
        sqlx::AssertSqlSafe(format!("SELECT {COLUMNS} FROM outbox WHERE id = $1"));
}

/// Messages waiting, sent and given up on.
pub async fn counts(pool: &AnyPool) -> Result<(i64, i64, i64), sqlx::Error> {
    sqlx::query_as(
        "SELECT COALESCE(SUM(CASE WHEN sent_at IS NULL AND failed_at IS NULL THEN 1 ELSE 0 END), 0),
                COALESCE(SUM(CASE WHEN sent_at IS NOT NULL THEN 1 ELSE 0 END), 0),
                COALESCE(SUM(CASE WHEN failed_at IS NOT NULL THEN 1 ELSE 0 END), 0)
         FROM outbox",
    )
    .fetch_one(pool)
    .await
}

/// Clears the text of messages sent before `before` (they held copies of citizens' texts);
/// returns how many.
pub async fn clear_sent_text(pool: &AnyPool, before: i64) -> Result<u64, sqlx::Error> {
    Ok(sqlx::query(
        "UPDATE outbox SET text_body = '', html_body = ''
         WHERE sent_at IS NOT NULL AND sent_at < $1 AND text_body <> ''",
    )
    .bind(before)
    .execute(pool)
    .await?
    .rows_affected())
}
