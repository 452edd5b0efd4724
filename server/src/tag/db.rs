//! Tags in the database.

use crate::db::{self, now};
use hoering::response::TagName;
use sqlx::AnyPool;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct TagRow {
    pub id: i64,
    pub name: String,
    pub uses: i64,
}

db::reads! {
    /// A hearing's tags by name, with how many responses carry each.
    pub fn of_hearing(hearing_id: i64) -> Vec<TagRow> =
        "SELECT t.id, t.name, (SELECT COUNT(*) FROM response_tags r WHERE r.tag_id = t.id) AS uses
         FROM tags t WHERE t.hearing_id = $1 ORDER BY t.name";
}

/// Creates a tag; `None` when the hearing has one by that name in any case ("Uddannelse"
/// and "uddannelse" are one tag: the unique index is over the folded name).
pub async fn create(
    pool: &AnyPool,
    hearing_id: i64,
    name: &TagName,
) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO tags (hearing_id, name, folded, created_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT DO NOTHING RETURNING id",
    )
    .bind(hearing_id)
    .bind(name.as_str())
    .bind(name.folded())
    .bind(now())
    .fetch_optional(pool)
    .await
}

/// Puts the tag on (or takes it off) the responses, those of the tag's hearing only, and
/// journals each change; returns how many changed.
pub async fn apply(
    pool: &AnyPool,
    hearing_id: i64,
    tag_id: i64,
    responses: &[i64],
    on: bool,
    user_id: i64,
) -> Result<usize, sqlx::Error> {
    let mut tx = crate::db::begin_write(pool).await?;
    let mut changed = 0;
    for &id in responses {
        let ours: Option<i64> = sqlx::query_scalar(
            "SELECT r.id FROM responses r JOIN tags t ON t.hearing_id = r.hearing_id
             WHERE r.id = $1 AND t.id = $2 AND r.hearing_id = $3",
        )
        .bind(id)
        .bind(tag_id)
        .bind(hearing_id)
        .fetch_optional(&mut *tx)
        .await?;
        if ours.is_none() {
            continue;
        }
        let sql = if on {
            "INSERT INTO response_tags (response_id, tag_id) VALUES ($1, $2) ON CONFLICT DO NOTHING"
        } else {
            "DELETE FROM response_tags WHERE response_id = $1 AND tag_id = $2"
        };
        let n = sqlx::query(sql)
            .bind(id)
            .bind(tag_id)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if n > 0 {
            changed += 1;
            let entry = crate::journal::Entry::response(
                user_id,
                if on {
                    crate::journal::Action::Tagged
                } else {
                    crate::journal::Action::Untagged
                },
                id,
            )
            .change("", tag_id.to_string());
            crate::journal::db::write(&mut tx, &entry).await?;
        }
    }
    tx.commit().await?;
    Ok(changed)
}

/// The tags on each of the responses.
pub async fn of_responses(pool: &AnyPool, ids: &[i64]) -> Result<Vec<(i64, String)>, sqlx::Error> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let list = crate::db::id_list(ids);
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT r.response_id, t.name FROM response_tags r JOIN tags t ON t.id = r.tag_id
         WHERE r.response_id IN ({list}) ORDER BY t.name"
    )))
    .fetch_all(pool)
    .await
}

/// The ids of a hearing's responses carrying the tag.
pub async fn tagged(pool: &AnyPool, tag_id: i64) -> Result<Vec<i64>, sqlx::Error> {
    sqlx::query_scalar("SELECT response_id FROM response_tags WHERE tag_id = $1")
        .bind(tag_id)
        .fetch_all(pool)
        .await
}
