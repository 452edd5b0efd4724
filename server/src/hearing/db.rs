//! Hearings and their policies in the database; a hearing's published count is read from
//! `hearing_counts`, kept in step by the response capability.

use crate::db::{self, now};
use sqlx::{Any, AnyPool, Transaction};

/// Stores a hearing of a policy's version with its (empty) counts, inside `tx`.
pub async fn insert_hearing(
    tx: &mut Transaction<'_, Any>,
    policy_id: i64,
    version_id: i64,
    slug: &str,
    opens_at: i64,
    closes_at: i64,
) -> Result<i64, sqlx::Error> {
    let hearing_id: i64 = sqlx::query_scalar(
        "INSERT INTO hearings (policy_id, version_id, slug, opens_at, closes_at, created_at)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(policy_id)
    .bind(version_id)
    .bind(slug)
    .bind(opens_at)
    .bind(closes_at)
    .bind(now())
    .fetch_one(&mut **tx)
    .await?;
    sqlx::query("INSERT INTO hearing_counts (hearing_id) VALUES ($1)")
        .bind(hearing_id)
        .execute(&mut **tx)
        .await?;
    Ok(hearing_id)
}

/// A hearing with its policy's facts.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct HearingRow {
    pub id: i64,
    pub policy_id: i64,
    pub policy_slug: String,
    pub version_id: i64,
    pub slug: String,
    pub title: String,
    pub committee: String,
    pub contact: String,
    pub opens_at: i64,
    pub closes_at: i64,
    pub version_label: String,
    pub published: i64,
    /// Of `published`, the input from dialogue meetings.
    pub meeting_published: i64,
}

const HEARING_SELECT: &str =
    "SELECT h.id, h.policy_id, p.slug AS policy_slug, h.version_id, h.slug, p.title, p.committee,
        p.contact, h.opens_at, h.closes_at, v.label AS version_label,
        COALESCE(c.visible, 0) AS published, COALESCE(c.meeting_visible, 0) AS meeting_published
    FROM hearings h JOIN policies p ON p.id = h.policy_id JOIN versions v ON v.id = h.version_id
    LEFT JOIN hearing_counts c ON c.hearing_id = h.id";

db::reads! {
    pub fn list() -> Vec<HearingRow> = db::select(HEARING_SELECT, "ORDER BY h.closes_at, h.id");

    pub fn by_slug(slug: &str) -> Option<HearingRow> =
        db::select(HEARING_SELECT, "WHERE h.slug = $1");
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SectionRow {
    pub number: i64,
    pub level: i64,
    pub heading: String,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct BlockRow {
    pub block_id: String,
    pub section_number: Option<i64>,
    pub number: String,
    pub kind: String,
    pub text: String,
    pub html: String,
}

db::reads! {
    pub fn sections(version_id: i64) -> Vec<SectionRow> =
        "SELECT number, level, heading FROM sections WHERE version_id = $1 ORDER BY number";

    pub fn blocks(version_id: i64) -> Vec<BlockRow> =
        "SELECT block_id, section_number, number, kind, text, html FROM blocks WHERE version_id = $1 ORDER BY position";

    /// One block of a version by its citable number.
    pub fn block_by_number(version_id: i64, number: &str) -> Option<BlockRow> =
        "SELECT block_id, section_number, number, kind, text, html FROM blocks WHERE version_id = $1 AND number = $2";

    /// Visible responses per block id (`""`: on the whole draft), from the kept counts.
    pub fn published_counts(hearing_id: i64) -> Vec<(String, i64)> =
        "SELECT block_key, visible FROM block_counts WHERE hearing_id = $1 AND visible > 0";

    /// The slug and title of the hearing with this id.
    pub fn slug_and_title(hearing_id: i64) -> Option<(String, String)> =
        "SELECT h.slug, p.title FROM hearings h JOIN policies p ON p.id = h.policy_id WHERE h.id = $1";
}

pub async fn slug_exists(pool: &AnyPool, slug: &str) -> Result<bool, sqlx::Error> {
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM hearings WHERE slug = $1")
        .bind(slug)
        .fetch_one(pool)
        .await?;
    Ok(n > 0)
}

db::reads! {
    /// The hearings of one policy, the first opened first.
    pub fn of_policy(policy_id: i64) -> Vec<HearingRow> =
        db::select(HEARING_SELECT, "WHERE h.policy_id = $1 ORDER BY h.opens_at, h.id");
}
