//! The archive's SQL: what tables the database has, in what order they depend on each other,
//! their rows as plain values, and the sequences to move on after an import.

use sqlx::any::AnyRow;
use sqlx::{AnyPool, Column, Row};
use std::collections::{BTreeMap, BTreeSet};

/// A stored value: every column of both schemas is an integer or text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    Null,
    Int(i64),
    Text(String),
}

/// The tables of the installation (not the migrations' own), parents before children, so
/// rows can be inserted in this order with every foreign key satisfied.
pub async fn tables(pool: &AnyPool, postgres: bool) -> Result<Vec<String>, sqlx::Error> {
    let names: Vec<String> = if postgres {
        sqlx::query_scalar(
            "SELECT tablename::text FROM pg_tables
             WHERE schemaname = 'public' AND tablename <> '_sqlx_migrations' ORDER BY 1",
        )
        .fetch_all(pool)
        .await?
    } else {
        sqlx::query_scalar(
            "SELECT name FROM sqlite_master WHERE type = 'table'
             AND name NOT LIKE 'sqlite_%' AND name <> '_sqlx_migrations' ORDER BY 1",
        )
        .fetch_all(pool)
        .await?
    };
    let edges: Vec<(String, String)> = if postgres {
        sqlx::query_as(
            "SELECT DISTINCT tc.table_name::text, ccu.table_name::text
             FROM information_schema.table_constraints tc
             JOIN information_schema.constraint_column_usage ccu
               ON ccu.constraint_name = tc.constraint_name AND ccu.table_schema = tc.table_schema
             WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_schema = 'public'",
        )
        .fetch_all(pool)
        .await?
    } else {
        sqlx::query_as(
            "SELECT DISTINCT m.name, p.\"table\" FROM sqlite_master m
             JOIN pragma_foreign_key_list(m.name) p WHERE m.type = 'table'",
        )
        .fetch_all(pool)
        .await?
    };
    Ok(dependency_order(&names, &edges))
}

/// `names` with every table after the tables it refers to (edges are child → parent); a cycle,
/// which our schema does not have, leaves its tables in name order at the end.
pub fn dependency_order(names: &[String], edges: &[(String, String)]) -> Vec<String> {
    let mut parents: BTreeMap<&str, BTreeSet<&str>> = names
        .iter()
        .map(|n| (n.as_str(), BTreeSet::new()))
        .collect();
    for (child, parent) in edges {
        if child != parent
            && parents.contains_key(parent.as_str())
            && let Some(p) = parents.get_mut(child.as_str())
        {
            p.insert(parent.as_str());
        }
    }
    let mut order: Vec<String> = Vec::new();
    while !parents.is_empty() {
        let ready: Vec<&str> = parents
            .iter()
            .filter(|(_, p)| p.iter().all(|p| order.iter().any(|o| o == p)))
            .map(|(n, _)| *n)
            .collect();
        let next = if ready.is_empty() {
            parents.keys().copied().collect()
        } else {
            ready
        };
        for name in next {
            parents.remove(name);
            order.push(name.to_string());
        }
    }
    order
}

/// Every row of `table`, in the order of its first column (its key), each as column → value.
pub fn rows<'a>(
    pool: &'a AnyPool,
    table: &str,
) -> futures_util::stream::BoxStream<'a, Result<AnyRow, sqlx::Error>> {
    // The name comes from the database's own catalogue, never from input.
    sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT * FROM {} ORDER BY 1",
        quote(table)
    )))
    .fetch(pool)
}

/// One row's columns and values.
pub fn values(row: &AnyRow) -> Result<Vec<(String, Value)>, sqlx::Error> {
    row.columns()
        .iter()
        .map(|column| {
            let i = column.ordinal();
            let value = if let Ok(v) = row.try_get::<Option<i64>, _>(i) {
                v.map_or(Value::Null, Value::Int)
            } else if let Ok(v) = row.try_get::<Option<String>, _>(i) {
                v.map_or(Value::Null, Value::Text)
            } else if let Ok(v) = row.try_get::<Option<i32>, _>(i) {
                v.map_or(Value::Null, |v| Value::Int(i64::from(v)))
            } else {
                return Err(sqlx::Error::ColumnDecode {
                    index: column.name().to_string(),
                    source: "neither an integer nor text".into(),
                });
            };
            Ok((column.name().to_string(), value))
        })
        .collect()
}

/// The columns of `table` in the target database, and whether each holds integers.
pub async fn columns(
    pool: &AnyPool,
    postgres: bool,
    table: &str,
) -> Result<BTreeMap<String, bool>, sqlx::Error> {
    let rows: Vec<(String, String)> = if postgres {
        sqlx::query_as(
            "SELECT column_name::text, data_type::text FROM information_schema.columns
             WHERE table_schema = 'public' AND table_name = $1",
        )
        .bind(table)
        .fetch_all(pool)
        .await?
    } else {
        sqlx::query_as("SELECT name, type FROM pragma_table_info($1)")
            .bind(table)
            .fetch_all(pool)
            .await?
    };
    Ok(rows
        .into_iter()
        .map(|(name, kind)| {
            let kind = kind.to_ascii_lowercase();
            (name, kind.contains("int"))
        })
        .collect())
}

pub async fn count(pool: &AnyPool, table: &str) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
        "SELECT COUNT(*) FROM {}",
        quote(table)
    )))
    .fetch_one(pool)
    .await
}

/// Bound parameters per statement: below SQLite's limit (32,766) and PostgreSQL's (65,535).
pub const MAX_PARAMETERS: usize = 30_000;

/// Inserts rows that share one list of columns in one statement; `integer` says which of the
/// target's columns hold integers (a NULL must be sent with its column's type to PostgreSQL).
pub async fn insert(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    table: &str,
    rows: &[Vec<(String, Value)>],
    integer: &BTreeMap<String, bool>,
) -> Result<(), sqlx::Error> {
    let Some(first) = rows.first() else {
        return Ok(());
    };
    let names: Vec<String> = first.iter().map(|(n, _)| quote(n)).collect();
    let width = first.len();
    let tuples: Vec<String> = (0..rows.len())
        .map(|r| {
            let marks: Vec<String> = (1..=width).map(|c| format!("${}", r * width + c)).collect();
            format!("({})", marks.join(", "))
        })
        .collect();
    let sql = format!(
        "INSERT INTO {} ({}) VALUES {}",
        quote(table),
        names.join(", "),
        tuples.join(", ")
    );
    let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
    for row in rows {
        for (name, value) in row {
            query = match value {
                Value::Int(v) => query.bind(*v),
                Value::Text(v) => query.bind(v.clone()),
                Value::Null if integer.get(name).copied().unwrap_or(false) => {
                    query.bind(None::<i64>)
                }
                Value::Null => query.bind(None::<String>),
            };
        }
    }
    query.execute(&mut **tx).await?;
    Ok(())
}

/// Deletes every row of `table` (in a new database, before an import).
pub async fn clear(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    table: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(sqlx::AssertSqlSafe(format!("DELETE FROM {}", quote(table))))
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Moves every PostgreSQL sequence past the highest key imported, so new rows get new ids.
pub async fn advance_sequences(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
) -> Result<(), sqlx::Error> {
    let serial: Vec<(String, String)> = sqlx::query_as(
        "SELECT table_name::text, column_name::text FROM information_schema.columns
         WHERE table_schema = 'public' AND column_default LIKE 'nextval(%'",
    )
    .fetch_all(&mut **tx)
    .await?;
    for (table, column) in serial {
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT setval(pg_get_serial_sequence($1, $2), (SELECT COALESCE(MAX({c}), 0) + 1 FROM {t}), false)::text",
            c = quote(&column),
            t = quote(&table)
        )))
        .bind(&table)
        .bind(&column)
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

/// The newest migration the database has run.
pub async fn schema_version(pool: &AnyPool) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT COALESCE(MAX(version), 0) FROM _sqlx_migrations")
        .fetch_one(pool)
        .await
}

/// A name as an SQL identifier (names come from the catalogue and are plain words).
fn quote(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parents_come_first() {
        let names: Vec<String> = ["responses", "hearings", "tags", "response_tags", "users"]
            .map(String::from)
            .to_vec();
        let edges = [
            ("responses", "hearings"),
            ("response_tags", "responses"),
            ("response_tags", "tags"),
            ("tags", "hearings"),
            ("responses", "responses"),
        ]
        .map(|(a, b)| (a.to_string(), b.to_string()));
        let order = dependency_order(&names, &edges);
        let at = |n: &str| order.iter().position(|o| o == n).unwrap();
        assert_eq!(order.len(), 5);
        assert!(at("hearings") < at("responses"));
        assert!(at("responses") < at("response_tags"));
        assert!(at("tags") < at("response_tags"));
    }
}
