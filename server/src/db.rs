//! The database: one sqlx `Any` pool that speaks SQLite (the embedded default) or PostgreSQL
//! through the same portable SQL (`$1` placeholders, integer times), and its migrations.

use crate::config::DatabaseUrl;
use sqlx::any::{AnyPoolOptions, install_default_drivers};
use sqlx::migrate::Migrator;
use sqlx::{AnyPool, AssertSqlSafe, Executor};
use std::sync::Once;

static SQLITE_MIGRATIONS: Migrator = sqlx::migrate!("../migrations/sqlite");
static POSTGRES_MIGRATIONS: Migrator = sqlx::migrate!("../migrations/postgres");

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("could not create the folder for the SQLite file {path}")]
    Folder {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("could not connect to the database at {url}")]
    Connect {
        url: String,
        #[source]
        source: sqlx::Error,
    },
    #[error("could not migrate the database")]
    Migrate(#[from] sqlx::migrate::MigrateError),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

#[derive(Debug, Clone)]
pub struct Db {
    pub pool: AnyPool,
    pub engine: Engine,
}

/// Connects (creating a SQLite file and its folder if needed) and runs pending migrations.
pub async fn connect(url: &DatabaseUrl) -> Result<Db, DbError> {
    static DRIVERS: Once = Once::new();
    DRIVERS.call_once(install_default_drivers);

    let engine = if url.is_sqlite() {
        Engine::Sqlite
    } else {
        Engine::Postgres
    };
    let mut real = url.expose().to_string();
    if engine == Engine::Sqlite {
        let path = real
            .trim_start_matches("sqlite://")
            .trim_start_matches("sqlite:")
            .split('?')
            .next()
            .unwrap_or_default()
            .to_string();
        if let Some(parent) = std::path::Path::new(&path)
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
        {
            std::fs::create_dir_all(parent).map_err(|source| DbError::Folder {
                path: path.clone(),
                source,
            })?;
        }
        if !real.contains("mode=") && !real.contains(":memory:") {
            real.push_str(if real.contains('?') {
                "&mode=rwc"
            } else {
                "?mode=rwc"
            });
        }
    }
    let pool = AnyPoolOptions::new()
        .max_connections(if engine == Engine::Sqlite { 8 } else { 16 })
        // A request that cannot get a connection fails in seconds with a logged cause, instead
        // of hanging with its client (a lost wake-up in the pool once hung tests for minutes).
        .acquire_timeout(std::time::Duration::from_secs(10))
        .after_connect(move |conn, _meta| {
            Box::pin(async move {
                if engine == Engine::Sqlite {
                    // WAL lets readers work while a response is being written; foreign keys are
                    // off by default in SQLite; the timeout queues writers instead of failing.
                    conn.execute("PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL;")
                        .await?;
                }
                Ok(())
            })
        })
        .connect(&real)
        .await
        .map_err(|source| DbError::Connect {
            url: url.to_string(),
            source,
        })?;
    match engine {
        Engine::Sqlite => SQLITE_MIGRATIONS.run(&pool).await?,
        Engine::Postgres => POSTGRES_MIGRATIONS.run(&pool).await?,
    }
    Ok(Db { pool, engine })
}

/// Begins a transaction that will write. On SQLite it takes the write lock at once (`BEGIN
/// IMMEDIATE`): a deferred transaction that reads first fails at its first write if another write
/// committed in between (SQLITE_BUSY, no waiting), while an immediate one waits its turn.
pub async fn begin_write(
    pool: &AnyPool,
) -> Result<sqlx::Transaction<'static, sqlx::Any>, sqlx::Error> {
    if pool
        .connect_options()
        .database_url
        .scheme()
        .starts_with("sqlite")
    {
        pool.begin_with("BEGIN IMMEDIATE").await
    } else {
        pool.begin().await
    }
}

/// Copies a SQLite database to the file `path` as one consistent snapshot, while other
/// connections go on reading and writing (`VACUUM INTO`: the copy is also compacted).
pub async fn backup_into(pool: &AnyPool, path: &str) -> Result<(), sqlx::Error> {
    sqlx::query("VACUUM INTO $1")
        .bind(path)
        .execute(pool)
        .await?;
    Ok(())
}

/// The `VALUES` rows of a multi-row statement: `rows` groups of `width` numbered placeholders,
/// the first numbered `first` (`(\$3, \$4), (\$5, \$6)`), so a batch binds in one statement.
pub fn placeholder_rows(rows: usize, width: usize, first: usize) -> String {
    let mut out = String::with_capacity(rows * width * 5);
    for row in 0..rows {
        if row > 0 {
            out.push_str(", ");
        }
        out.push('(');
        for col in 0..width {
            if col > 0 {
                out.push_str(", ");
            }
            out.push('$');
            out.push_str(&(first + row * width + col).to_string());
        }
        out.push(')');
    }
    out
}

/// Ids as the inside of an `IN (…)` list (`1, 2, 3`). Only for integers the server produced:
/// the list goes into the statement's text, never user text.
pub fn id_list(ids: &[i64]) -> String {
    ids.iter()
        .map(i64::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// A capability's shared SELECT (its columns and joins) narrowed by `clause` (`WHERE …
/// ORDER BY …`, with `$n` placeholders). Both halves are that capability's constant SQL, never
/// user text, which is what lets the joined string pass as safe.
pub fn select(select: &str, clause: &str) -> AssertSqlSafe<String> {
    AssertSqlSafe(format!("{select} {clause}"))
}

/// Reads that bind their arguments in order and give the rows (`Vec<Row>`) or the row, if any
/// (`Option<Row>`): a hearing's parties, a meeting by its id. Dozens of them differ only in
/// name, arguments, row and SQL, so each capability's db.rs states just those and this writes
/// the async fn (taking the pool first) that binds and fetches:
///
/// ```text
/// db::reads! {
///     /// A hearing's remarks, oldest first.
///     pub fn of_hearing(hearing_id: i64) -> Vec<RemarkRow> =
///         db::select(SELECT, "WHERE m.hearing_id = $1 ORDER BY m.id");
/// }
/// ```
macro_rules! reads {
    ($(
        $(#[$meta:meta])*
        $vis:vis fn $name:ident($($arg:ident: $arg_ty:ty),* $(,)?) -> $kind:ident<$row:ty> =
            $sql:expr;
    )*) => {$(
        $(#[$meta])*
        $vis async fn $name(
            pool: &::sqlx::AnyPool,
            $($arg: $arg_ty),*
        ) -> Result<$kind<$row>, ::sqlx::Error> {
            let query = ::sqlx::query_as($sql)$(.bind($arg))*;
            $crate::db::reads!(@fetch $kind, query, pool)
        }
    )*};
    (@fetch Vec, $query:ident, $pool:ident) => { $query.fetch_all($pool).await };
    (@fetch Option, $query:ident, $pool:ident) => { $query.fetch_optional($pool).await };
}
pub(crate) use reads;

/// Now, as the Unix seconds the database stores.
pub fn now() -> i64 {
    jiff::Timestamp::now().as_second()
}

#[cfg(test)]
mod tests {
    use super::placeholder_rows;

    #[test]
    fn placeholder_rows_number_on_from_the_first() {
        assert_eq!(placeholder_rows(2, 2, 3), "($3, $4), ($5, $6)");
        assert_eq!(placeholder_rows(1, 3, 1), "($1, $2, $3)");
        assert_eq!(placeholder_rows(0, 3, 1), "");
    }
}
