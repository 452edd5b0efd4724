//! The suite's own SQL: a scratch database on PostgreSQL, the bare insert loop that gives the
//! database's ceiling, and the check of what the server stored against what it acknowledged.

use sqlx::{AnyPool, Executor};
use std::collections::HashMap;
use std::time::{Duration, Instant};

/// Creates the database `name` on the server of `admin_url` (a fresh one for each run).
pub async fn create_database(admin_url: &str, name: &str) -> Result<(), sqlx::Error> {
    let mut conn = <sqlx::AnyConnection as sqlx::Connection>::connect(admin_url).await?;
    conn.execute(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
        .await?;
    Ok(())
}

pub async fn drop_database(admin_url: &str, name: &str) -> Result<(), sqlx::Error> {
    let mut conn = <sqlx::AnyConnection as sqlx::Connection>::connect(admin_url).await?;
    conn.execute(sqlx::AssertSqlSafe(format!(
        "DROP DATABASE IF EXISTS {name} WITH (FORCE)"
    )))
    .await?;
    Ok(())
}

/// Inserts rows as wide as a response, one committed statement each, from `clients` tasks for
/// `seconds`; returns rows per second. The table is made for this and dropped after.
pub async fn insert_ceiling(
    pool: &AnyPool,
    postgres: bool,
    clients: u32,
    seconds: u64,
) -> Result<f64, sqlx::Error> {
    pool.execute(if postgres {
        "CREATE TABLE bench_ceiling (id BIGSERIAL PRIMARY KEY, hearing_id BIGINT NOT NULL,
            text TEXT NOT NULL, name TEXT NOT NULL, email TEXT NOT NULL, token TEXT NOT NULL UNIQUE,
            created_at BIGINT NOT NULL)"
    } else {
        "CREATE TABLE bench_ceiling (id INTEGER PRIMARY KEY, hearing_id INTEGER NOT NULL,
            text TEXT NOT NULL, name TEXT NOT NULL, email TEXT NOT NULL, token TEXT NOT NULL UNIQUE,
            created_at INTEGER NOT NULL)"
    })
    .await?;
    let until = Instant::now() + Duration::from_secs(seconds);
    let started = Instant::now();
    let tasks: Vec<_> = (0..clients)
        .map(|task| {
            let pool = pool.clone();
            tokio::spawn(async move {
                let mut n = 0u64;
                while Instant::now() < until {
                    sqlx::query(
                        "INSERT INTO bench_ceiling (hearing_id, text, name, email, token, created_at)
                         VALUES ($1, $2, $3, $4, $5, $6)",
                    )
                    .bind(1i64)
                    .bind(format!("Et svar til benchmarken, nummer {task}-{n}."))
                    .bind("Ida Bench")
                    .bind("ida@example.dk")
                    .bind(format!("ceiling-{task}-{n}"))
                    .bind(crate::db::now())
                    .execute(&pool)
                    .await?;
                    n += 1;
                }
                Ok::<u64, sqlx::Error>(n)
            })
        })
        .collect();
    let mut rows = 0;
    for task in tasks {
        rows += task
            .await
            .map_err(|e| sqlx::Error::Protocol(e.to_string()))??;
    }
    let elapsed = started.elapsed().as_secs_f64();
    pool.execute("DROP TABLE bench_ceiling").await?;
    Ok(rows as f64 / elapsed)
}

/// How the stored responses of a hearing compare with the receipts the server gave.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Stored {
    /// Responses stored on the hearing.
    pub rows: u64,
    /// Acknowledged receipts with no stored response.
    pub missing: u64,
    /// Acknowledged receipts stored more than once, and texts (unique per request) stored twice.
    pub duplicated: u64,
}

pub async fn stored_against(
    pool: &AnyPool,
    hearing_id: i64,
    acknowledged: &[String],
) -> Result<Stored, sqlx::Error> {
    let rows: Vec<(String, String)> =
        sqlx::query_as("SELECT receipt_token, text FROM responses WHERE hearing_id = $1")
            .bind(hearing_id)
            .fetch_all(pool)
            .await?;
    let mut tokens: HashMap<&str, u64> = HashMap::new();
    let mut texts: HashMap<&str, u64> = HashMap::new();
    for (token, text) in &rows {
        *tokens.entry(token).or_default() += 1;
        *texts.entry(text).or_default() += 1;
    }
    let mut stored = Stored {
        rows: rows.len() as u64,
        ..Stored::default()
    };
    for token in acknowledged {
        match tokens.get(token.as_str()) {
            None => stored.missing += 1,
            Some(1) => {}
            Some(_) => stored.duplicated += 1,
        }
    }
    stored.duplicated += texts.values().filter(|&&n| n > 1).count() as u64;
    Ok(stored)
}
