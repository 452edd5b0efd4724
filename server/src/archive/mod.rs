//! `hoering export FILE` and `hoering import-archive FILE`: a whole installation as one versioned
//! archive, so it can move between machines and from SQLite to PostgreSQL (or back) without loss.
//!
//! The archive is a zip file: `manifest.json` (format, schema version, and per table its rows,
//! file and SHA-256), and `tables/NAME.jsonl`, one JSON object per row. Rows are streamed both
//! ways, so an installation of millions of responses needs no more memory than one row.

pub mod db;

use crate::db::Db;
use db::Value;
use futures_util::StreamExt;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::io::{BufRead, BufReader, Write};
use std::path::Path;

/// What this binary writes and reads.
pub const FORMAT: &str = "hoering-archive";
pub const FORMAT_VERSION: u32 = 1;

#[derive(Debug, thiserror::Error)]
pub enum ArchiveError {
    #[error("{path} exists already; an export never overwrites a file")]
    Exists { path: String },
    #[error("could not {what} {path}")]
    File {
        what: &'static str,
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("the archive file is not a readable zip")]
    Zip(#[from] zip::result::ZipError),
    #[error("the database failed while {what}")]
    Db {
        what: &'static str,
        #[source]
        source: sqlx::Error,
    },
    #[error("this is not a hoering archive of a format this version reads: {0}")]
    Format(String),
    #[error(
        "the archive has schema version {archive}, this hoering has {ours}; import it with the hoering version that wrote it, then upgrade"
    )]
    Schema { archive: i64, ours: i64 },
    #[error("the database is not empty: {table} has {rows} rows; import into a new database")]
    NotEmpty { table: String, rows: i64 },
    #[error("{file} does not match its checksum in the manifest; nothing was imported")]
    Checksum { file: String },
    #[error("{file}, line {line}: {reason}; nothing was imported")]
    Row {
        file: String,
        line: usize,
        reason: String,
    },
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Manifest {
    pub format: String,
    pub format_version: u32,
    /// The newest migration of the database it came from.
    pub schema_version: i64,
    /// `sqlite` or `postgres`.
    pub source: String,
    /// RFC 3339.
    pub exported_at: String,
    pub hoering_version: String,
    /// In the order they are imported: parents before children.
    pub tables: Vec<TableEntry>,
}

impl Manifest {
    /// The rows of every table together.
    pub fn rows(&self) -> u64 {
        self.tables.iter().map(|t| t.rows).sum()
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct TableEntry {
    pub name: String,
    pub file: String,
    pub rows: u64,
    pub sha256: String,
}

/// Tables that a new database leaves empty and any installation in use fills.
const IN_USE: [&str; 4] = ["users", "policies", "hearings", "responses"];

fn dbe(what: &'static str) -> impl FnOnce(sqlx::Error) -> ArchiveError {
    move |source| ArchiveError::Db { what, source }
}

fn is_postgres(db: &Db) -> bool {
    db.engine == crate::db::Engine::Postgres
}

/// Writes every table of `db` to a new archive at `path`; returns its manifest.
pub async fn export(db: &Db, path: &Path) -> Result<Manifest, ArchiveError> {
    let shown = path.display().to_string();
    if path.exists() {
        return Err(ArchiveError::Exists { path: shown });
    }
    let file_error = |what| {
        let path = shown.clone();
        move |source| ArchiveError::File { what, path, source }
    };
    let postgres = is_postgres(db);
    let tables = db::tables(&db.pool, postgres)
        .await
        .map_err(dbe("listing the tables"))?;
    let file = std::fs::File::create_new(path).map_err(file_error("create"))?;
    let mut zip = zip::ZipWriter::new(std::io::BufWriter::new(file));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(true);
    let mut entries = Vec::new();
    for table in tables {
        let name = format!("tables/{table}.jsonl");
        zip.start_file(name.as_str(), options)?;
        let mut hash = Sha256::new();
        let mut rows = 0u64;
        let mut stream = db::rows(&db.pool, &table);
        while let Some(row) = stream.next().await {
            let row = row.map_err(dbe("reading a table"))?;
            let values = db::values(&row).map_err(dbe("reading a row"))?;
            let mut line = serde_json::to_vec(&to_json(&values)).unwrap_or_default();
            line.push(b'\n');
            hash.update(&line);
            zip.write_all(&line).map_err(file_error("write"))?;
            rows += 1;
        }
        entries.push(TableEntry {
            name: table,
            file: name,
            rows,
            sha256: hex(&hash.finalize()),
        });
    }
    let manifest = Manifest {
        format: FORMAT.into(),
        format_version: FORMAT_VERSION,
        schema_version: db::schema_version(&db.pool)
            .await
            .map_err(dbe("reading the schema version"))?,
        source: if postgres { "postgres" } else { "sqlite" }.into(),
        exported_at: jiff::Timestamp::now().to_string(),
        hoering_version: env!("CARGO_PKG_VERSION").into(),
        tables: entries,
    };
    zip.start_file("manifest.json", options)?;
    let json = serde_json::to_vec_pretty(&manifest).unwrap_or_default();
    zip.write_all(&json).map_err(file_error("write"))?;
    let mut inner = zip.finish()?;
    inner.flush().map_err(file_error("write"))?;
    Ok(manifest)
}

/// Loads the archive at `path` into `db`, which must be empty, in one transaction: a bad row or
/// checksum leaves the database as it was.
pub async fn import(db: &Db, path: &Path) -> Result<Manifest, ArchiveError> {
    let shown = path.display().to_string();
    let file = std::fs::File::open(path).map_err(|source| ArchiveError::File {
        what: "open",
        path: shown.clone(),
        source,
    })?;
    let mut zip = zip::ZipArchive::new(BufReader::new(file))?;
    let manifest: Manifest = {
        let entry = zip
            .by_name("manifest.json")
            .map_err(|_| ArchiveError::Format("no manifest.json".into()))?;
        serde_json::from_reader(entry).map_err(|e| ArchiveError::Format(e.to_string()))?
    };
    if manifest.format != FORMAT || manifest.format_version != FORMAT_VERSION {
        return Err(ArchiveError::Format(format!(
            "{} version {}",
            manifest.format, manifest.format_version
        )));
    }
    let ours = db::schema_version(&db.pool)
        .await
        .map_err(dbe("reading the schema version"))?;
    if manifest.schema_version != ours {
        return Err(ArchiveError::Schema {
            archive: manifest.schema_version,
            ours,
        });
    }
    let postgres = is_postgres(db);
    let tables = db::tables(&db.pool, postgres)
        .await
        .map_err(dbe("listing the tables"))?;
    // A new database has only what its migrations put there (the council the demo names);
    // anything an installation writes means the target is in use.
    for table in tables.iter().filter(|t| IN_USE.contains(&t.as_str())) {
        let rows = db::count(&db.pool, table)
            .await
            .map_err(dbe("counting rows"))?;
        if rows > 0 {
            return Err(ArchiveError::NotEmpty {
                table: table.clone(),
                rows,
            });
        }
    }
    // The target's own order: its foreign keys decide what must come first.
    let mut order: Vec<&TableEntry> = Vec::new();
    for table in &tables {
        if let Some(entry) = manifest.tables.iter().find(|e| &e.name == table) {
            order.push(entry);
        }
    }
    if let Some(unknown) = manifest.tables.iter().find(|e| !tables.contains(&e.name)) {
        return Err(ArchiveError::Format(format!(
            "the table {} is unknown here",
            unknown.name
        )));
    }
    let mut tx = crate::db::begin_write(&db.pool)
        .await
        .map_err(dbe("starting the import"))?;
    // The migrations' rows are in the archive too, as the installation kept them.
    for table in tables.iter().rev() {
        db::clear(&mut tx, table)
            .await
            .map_err(dbe("clearing the new database"))?;
    }
    for entry in order {
        let integer = db::columns(&db.pool, postgres, &entry.name)
            .await
            .map_err(dbe("reading the columns"))?;
        let reader = BufReader::new(
            zip.by_name(&entry.file)
                .map_err(|_| ArchiveError::Format(format!("{} is missing", entry.file)))?,
        );
        let mut hash = Sha256::new();
        let mut rows = 0u64;
        let mut batch: Vec<Vec<(String, Value)>> = Vec::new();
        let mut batch_start = 1;
        for (index, line) in reader.split(b'\n').enumerate() {
            let line = line.map_err(|source| ArchiveError::File {
                what: "read",
                path: shown.clone(),
                source,
            })?;
            hash.update(&line);
            hash.update(b"\n");
            let row_error = |reason: String| ArchiveError::Row {
                file: entry.file.clone(),
                line: index + 1,
                reason,
            };
            let json: serde_json::Map<String, serde_json::Value> =
                serde_json::from_slice(&line).map_err(|e| row_error(e.to_string()))?;
            let values = from_json(json).map_err(row_error)?;
            if let Some((name, _)) = values.iter().find(|(n, _)| !integer.contains_key(n)) {
                return Err(row_error(format!("no column {name} in {}", entry.name)));
            }
            // Rows go in batches of one column list; a row with other columns starts a new one.
            let fits = batch.first().is_none_or(|b| {
                b.len() == values.len()
                    && b.iter().zip(&values).all(|(x, y)| x.0 == y.0)
                    && (batch.len() + 1) * values.len() <= db::MAX_PARAMETERS
            });
            if !fits {
                insert_batch(&mut tx, entry, &batch, &integer, batch_start).await?;
                batch.clear();
                batch_start = index + 1;
            }
            batch.push(values);
            rows += 1;
        }
        insert_batch(&mut tx, entry, &batch, &integer, batch_start).await?;
        if hex(&hash.finalize()) != entry.sha256 || rows != entry.rows {
            return Err(ArchiveError::Checksum {
                file: entry.file.clone(),
            });
        }
    }
    if postgres {
        db::advance_sequences(&mut tx)
            .await
            .map_err(dbe("moving the sequences on"))?;
    }
    tx.commit().await.map_err(dbe("committing the import"))?;
    Ok(manifest)
}

async fn insert_batch(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    entry: &TableEntry,
    batch: &[Vec<(String, Value)>],
    integer: &std::collections::BTreeMap<String, bool>,
    first_line: usize,
) -> Result<(), ArchiveError> {
    db::insert(tx, &entry.name, batch, integer)
        .await
        .map_err(|e| ArchiveError::Row {
            file: entry.file.clone(),
            line: first_line,
            reason: format!("the rows from here on could not be stored: {e}"),
        })
}

fn to_json(values: &[(String, Value)]) -> serde_json::Map<String, serde_json::Value> {
    values
        .iter()
        .map(|(name, value)| {
            let json = match value {
                Value::Null => serde_json::Value::Null,
                Value::Int(i) => serde_json::Value::from(*i),
                Value::Text(t) => serde_json::Value::from(t.as_str()),
            };
            (name.clone(), json)
        })
        .collect()
}

fn from_json(
    json: serde_json::Map<String, serde_json::Value>,
) -> Result<Vec<(String, Value)>, String> {
    json.into_iter()
        .map(|(name, value)| {
            let value = match value {
                serde_json::Value::Null => Value::Null,
                serde_json::Value::String(s) => Value::Text(s),
                serde_json::Value::Number(n) => Value::Int(
                    n.as_i64()
                        .ok_or_else(|| format!("{name}: {n} is not a whole number"))?,
                ),
                other => return Err(format!("{name}: {other} is neither a number nor text")),
            };
            Ok((name, value))
        })
        .collect()
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_survive_json() {
        let row = vec![
            ("id".to_string(), Value::Int(7)),
            (
                "text".to_string(),
                Value::Text("Æblegrød \"og\" ø\n".into()),
            ),
            ("gone".to_string(), Value::Null),
        ];
        let json = serde_json::to_string(&to_json(&row)).unwrap();
        let back = from_json(serde_json::from_str(&json).unwrap()).unwrap();
        let mut sorted = row.clone();
        sorted.sort_by(|a, b| a.0.cmp(&b.0));
        let mut back_sorted = back;
        back_sorted.sort_by(|a, b| a.0.cmp(&b.0));
        assert_eq!(sorted, back_sorted);
        assert!(from_json(serde_json::from_str(r#"{"x": 1.5}"#).unwrap()).is_err());
        assert!(from_json(serde_json::from_str(r#"{"x": [1]}"#).unwrap()).is_err());
    }
}
