//! Responses in the database.

use super::Status;
use crate::db::now;
use hoering::response::ResponseSubmission;
// Dynamic SQL here only joins compile-time constants; every value is a bind parameter.
use sqlx::{AnyPool, AssertSqlSafe};

/// Where a response points in the draft.
#[derive(Debug, Clone)]
pub struct Target {
    pub hearing_id: i64,
    pub version_id: i64,
    /// The block's durable id and its number as shown when the response was given.
    pub block: Option<(String, String)>,
    /// The words of the block the response is about, if the sender quoted them.
    pub quote: Option<hoering::anchoring::TextQuote>,
}

/// Stores a response; returns its id and creation time once it is committed.
#[tracing::instrument(skip(pool, submission, receipt_token))]
pub async fn insert(
    pool: &AnyPool,
    target: &Target,
    submission: &ResponseSubmission,
    receipt_token: &str,
) -> Result<(i64, i64), sqlx::Error> {
    let created_at = now();
    let (block_id, block_number) = match &target.block {
        Some((id, number)) => (Some(id.clone()), Some(number.clone())),
        None => (None, None),
    };
    let mut tx = pool.begin().await?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO responses (hearing_id, version_id, block_id, block_number, text, name, email,
            sender_kind, organisation, publication, status, receipt_token, created_at,
            quote_exact, quote_prefix, quote_suffix)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'pending', $11, $12, $13, $14, $15) RETURNING id",
    )
    .bind(target.hearing_id)
    .bind(target.version_id)
    .bind(block_id)
    .bind(block_number)
    .bind(submission.text.as_ref())
    .bind(submission.name.as_ref())
    .bind(submission.email.as_ref())
    .bind(submission.sender.kind().as_str())
    .bind(
        submission
            .sender
            .organisation()
            .map(|o| o.as_ref().to_string()),
    )
    .bind(submission.publication.as_str())
    .bind(receipt_token)
    .bind(created_at)
    .bind(target.quote.as_ref().map(|q| q.exact().to_string()))
    .bind(target.quote.as_ref().map(|q| q.prefix().to_string()))
    .bind(target.quote.as_ref().map(|q| q.suffix().to_string()))
    .fetch_one(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok((id, created_at))
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ResponseRow {
    pub id: i64,
    pub hearing_id: i64,
    pub block_number: Option<String>,
    pub text: String,
    pub name: String,
    pub email: String,
    pub sender_kind: String,
    pub organisation: Option<String>,
    pub publication: String,
    pub status: String,
    pub created_at: i64,
    pub version_id: i64,
    pub block_id: Option<String>,
    pub quote_exact: Option<String>,
    pub quote_prefix: Option<String>,
    pub quote_suffix: Option<String>,
}

const COLUMNS: &str = "id, hearing_id, block_number, text, name, email, sender_kind, organisation, publication, status, created_at, version_id, block_id, quote_exact, quote_prefix, quote_suffix";
const VISIBLE: &str = "status = 'published' AND publication <> 'not_published'";

/// One page of the published responses on a block (`Some(block_id)`) or on the whole draft.
pub async fn public_page(
    pool: &AnyPool,
    hearing_id: i64,
    block_id: Option<&str>,
    page: u32,
    per_page: u32,
) -> Result<(i64, Vec<ResponseRow>), sqlx::Error> {
    let offset = i64::from(page.saturating_sub(1)) * i64::from(per_page);
    let block_filter = if block_id.is_some() {
        "block_id = $2"
    } else {
        "block_id IS NULL AND $2 = ''"
    };
    let key = block_id.unwrap_or("");
    let total: i64 = sqlx::query_scalar(AssertSqlSafe(format!(
        "SELECT COUNT(*) FROM responses WHERE hearing_id = $1 AND {block_filter} AND {VISIBLE}"
    )))
    .bind(hearing_id)
    .bind(key)
    .fetch_one(pool)
    .await?;
    let rows = sqlx::query_as(AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM responses WHERE hearing_id = $1 AND {block_filter} AND {VISIBLE}
         ORDER BY id LIMIT $3 OFFSET $4"
    )))
    .bind(hearing_id)
    .bind(key)
    .bind(i64::from(per_page))
    .bind(offset)
    .fetch_all(pool)
    .await?;
    Ok((total, rows))
}

/// Every published response of a hearing, for the open-data API.
pub async fn public_all(
    pool: &AnyPool,
    hearing_id: i64,
    page: u32,
    per_page: u32,
) -> Result<(i64, Vec<ResponseRow>), sqlx::Error> {
    let offset = i64::from(page.saturating_sub(1)) * i64::from(per_page);
    let total: i64 = sqlx::query_scalar(AssertSqlSafe(format!(
        "SELECT COUNT(*) FROM responses WHERE hearing_id = $1 AND {VISIBLE}"
    )))
    .bind(hearing_id)
    .fetch_one(pool)
    .await?;
    let rows = sqlx::query_as(AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM responses WHERE hearing_id = $1 AND {VISIBLE} ORDER BY id LIMIT $2 OFFSET $3"
    )))
    .bind(hearing_id)
    .bind(i64::from(per_page))
    .bind(offset)
    .fetch_all(pool)
    .await?;
    Ok((total, rows))
}

/// Every published, publishable response on any hearing of a policy that concerns a block,
/// oldest first: the input to carry onto later versions of its text.
pub async fn published_for_policy(
    pool: &AnyPool,
    policy_id: i64,
) -> Result<Vec<ResponseRow>, sqlx::Error> {
    sqlx::query_as(AssertSqlSafe(format!(
        "SELECT {} FROM responses r WHERE r.block_id IS NOT NULL AND {VISIBLE}
         AND r.hearing_id IN (SELECT id FROM hearings WHERE policy_id = $1) ORDER BY r.id",
        COLUMNS
            .split(", ")
            .map(|c| format!("r.{c}"))
            .collect::<Vec<_>>()
            .join(", ")
    )))
    .bind(policy_id)
    .fetch_all(pool)
    .await
}

pub async fn by_receipt_token(
    pool: &AnyPool,
    token: &str,
) -> Result<Option<ResponseRow>, sqlx::Error> {
    sqlx::query_as(AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM responses WHERE receipt_token = $1"
    )))
    .bind(token)
    .fetch_optional(pool)
    .await
}

/// The clerk's list, newest first, optionally of one status.
pub async fn admin_page(
    pool: &AnyPool,
    hearing_id: i64,
    status: Option<Status>,
    page: u32,
    per_page: u32,
) -> Result<(i64, Vec<ResponseRow>), sqlx::Error> {
    let offset = i64::from(page.saturating_sub(1)) * i64::from(per_page);
    let status_filter = if status.is_some() {
        "status = $2"
    } else {
        "$2 = ''"
    };
    let key = status.map(Status::as_str).unwrap_or("");
    let total: i64 = sqlx::query_scalar(AssertSqlSafe(format!(
        "SELECT COUNT(*) FROM responses WHERE hearing_id = $1 AND {status_filter}"
    )))
    .bind(hearing_id)
    .bind(key)
    .fetch_one(pool)
    .await?;
    let rows = sqlx::query_as(AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM responses WHERE hearing_id = $1 AND {status_filter} ORDER BY id DESC LIMIT $3 OFFSET $4"
    )))
    .bind(hearing_id)
    .bind(key)
    .bind(i64::from(per_page))
    .bind(offset)
    .fetch_all(pool)
    .await?;
    Ok((total, rows))
}

/// Responses per moderation state: (pending, published, withheld).
pub async fn status_counts(
    pool: &AnyPool,
    hearing_id: i64,
) -> Result<(i64, i64, i64), sqlx::Error> {
    let rows: Vec<(String, i64)> = sqlx::query_as(
        "SELECT status, COUNT(*) FROM responses WHERE hearing_id = $1 GROUP BY status",
    )
    .bind(hearing_id)
    .fetch_all(pool)
    .await?;
    let get = |s: &str| {
        rows.iter()
            .find(|(k, _)| k == s)
            .map(|(_, n)| *n)
            .unwrap_or(0)
    };
    Ok((get("pending"), get("published"), get("withheld")))
}

/// Sets a response's state; returns the hearing's slug, or `None` if there is no such response.
#[tracing::instrument(skip(pool))]
pub async fn set_status(
    pool: &AnyPool,
    id: i64,
    status: Status,
    user_id: i64,
) -> Result<Option<String>, sqlx::Error> {
    let mut tx = pool.begin().await?;
    let slug: Option<String> = sqlx::query_scalar(
        "SELECT h.slug FROM responses r JOIN hearings h ON h.id = r.hearing_id WHERE r.id = $1",
    )
    .bind(id)
    .fetch_optional(&mut *tx)
    .await?;
    if slug.is_some() {
        sqlx::query(
            "UPDATE responses SET status = $1, moderated_at = $2, moderated_by = $3 WHERE id = $4",
        )
        .bind(status.as_str())
        .bind(now())
        .bind(user_id)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(slug)
}
