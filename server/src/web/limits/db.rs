//! The counters' table: one row per key with the start of its window and the hits in it.

use crate::db;
use sqlx::AnyPool;

/// Counts one hit on `key` at `now`, starting a new window if the one it had began at or before
/// `ended` (now minus the window); returns the hits in the window and when it began.
pub async fn hit(
    pool: &AnyPool,
    key: &str,
    now: i64,
    ended: i64,
) -> Result<(i64, i64), sqlx::Error> {
    sqlx::query_as(
        "INSERT INTO rate_limits (key, window_start, hits) VALUES ($1, $2, 1)
         ON CONFLICT (key) DO UPDATE SET
            hits = CASE WHEN rate_limits.window_start > $3 THEN rate_limits.hits + 1 ELSE 1 END,
            window_start = CASE WHEN rate_limits.window_start > $3
                THEN rate_limits.window_start ELSE $2 END
         RETURNING hits, window_start",
    )
    .bind(key)
    .bind(now)
    .bind(ended)
    .fetch_one(pool)
    .await
}

/// [`hit`] for several distinct keys at once, `(key, hits)` each, within the caller's
/// transaction; returns each key's hits in its window (these included) and when it began.
pub async fn hit_many(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    keys: &[(&str, i64)],
    now: i64,
    ended: i64,
) -> Result<Vec<(String, i64, i64)>, sqlx::Error> {
    let mut counted = Vec::with_capacity(keys.len());
    // 100 rows a statement: binding costs time in the square of the parameters on SQLite.
    for chunk in keys.chunks(100) {
        let rows = (0..chunk.len())
            .map(|i| format!("(${}, $1, ${})", 3 + 2 * i, 4 + 2 * i))
            .collect::<Vec<_>>()
            .join(", ");
        let sql = format!(
            "INSERT INTO rate_limits (key, window_start, hits) VALUES {rows}
             ON CONFLICT (key) DO UPDATE SET
                hits = CASE WHEN rate_limits.window_start > $2
                    THEN rate_limits.hits + excluded.hits ELSE excluded.hits END,
                window_start = CASE WHEN rate_limits.window_start > $2
                    THEN rate_limits.window_start ELSE excluded.window_start END
             RETURNING key, hits, window_start"
        );
        let mut query = sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(now)
            .bind(ended);
        for (key, hits) in chunk {
            query = query.bind(*key).bind(*hits);
        }
        counted.extend(query.fetch_all(&mut **tx).await?);
    }
    Ok(counted)
}

db::reads! {
    /// The hits on `key` and when its window began, if it has a row.
    pub fn get(key: &str) -> Option<(i64, i64)> =
        "SELECT hits, window_start FROM rate_limits WHERE key = $1";
}

pub async fn delete(pool: &AnyPool, key: &str) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM rate_limits WHERE key = $1")
        .bind(key)
        .execute(pool)
        .await?;
    Ok(())
}

/// Deletes the windows that began before `before`; returns how many.
pub async fn prune(pool: &AnyPool, before: i64) -> Result<u64, sqlx::Error> {
    Ok(
        sqlx::query("DELETE FROM rate_limits WHERE window_start < $1")
            .bind(before)
            .execute(pool)
            .await?
            .rows_affected(),
    )
}
