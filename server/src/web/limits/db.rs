//! The counters' table: one row per key with the start of its window and the hits in it.

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

/// The hits on `key` and when its window began, if it has a row.
pub async fn get(pool: &AnyPool, key: &str) -> Result<Option<(i64, i64)>, sqlx::Error> {
    sqlx::query_as("SELECT hits, window_start FROM rate_limits WHERE key = $1")
        .bind(key)
        .fetch_optional(pool)
        .await
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
