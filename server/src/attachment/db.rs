//! Attachments in the database: recorded in their response's transaction, listed beside
//! responses (the public's by the one rule in the core), withheld and released by clerks.

use super::Kept;
use crate::db;
use hoering::attachment::{FileKind, ScanState, TextState, is_shown};
use hoering::response::{ModerationStatus, Publication};
use sqlx::{Any, AnyPool, AssertSqlSafe, Transaction};

/// Binds a kept file's seven columns, name through text, in the order both the attachments
/// and the documents table list them. A macro, as a query and a query_as bind alike but share
/// no trait to name.
macro_rules! bind_file {
    ($query:expr, $file:expr) => {
        $query
            .bind($file.name.as_str())
            .bind($file.kind.as_str())
            .bind($file.size)
            .bind($file.sha256.as_str())
            .bind($file.scan.as_str())
            .bind($file.text_state.as_str())
            .bind($file.text.as_str())
    };
}

/// Records `files` as `response`'s attachments, in order, and indexes their text for search.
pub async fn insert(
    tx: &mut Transaction<'static, Any>,
    hearing: i64,
    response: i64,
    files: &[Kept],
    created_at: i64,
) -> Result<(), sqlx::Error> {
    if files.is_empty() {
        return Ok(());
    }
    let sql = format!(
        "INSERT INTO attachments (response_id, position, name, kind, size, sha256, scan,
            text_state, text, created_at) VALUES {} RETURNING id, position",
        crate::db::placeholder_rows(files.len(), 10, 1)
    );
    let mut query = sqlx::query_as::<_, (i64, i64)>(AssertSqlSafe(sql));
    for (position, f) in files.iter().enumerate() {
        query = bind_file!(query.bind(response).bind(position as i64), f).bind(created_at);
    }
    let ids = query.fetch_all(&mut **tx).await?;
    for (id, position) in ids {
        let text = usize::try_from(position)
            .ok()
            .and_then(|p| files.get(p))
            .map_or("", |f| f.text.as_str());
        if !text.is_empty() {
            crate::search::db::index_attachment(tx, hearing, response, id, text).await?;
        }
    }
    for f in files {
        crate::journal::db::write(
            tx,
            &crate::journal::Entry {
                actor: None,
                action: crate::journal::Action::AttachmentReceived,
                subject: "response",
                subject_id: Some(response),
                before: None,
                after: Some(
                    serde_json::json!({
                        "name": f.name, "sha256": f.sha256, "size": f.size,
                        "scan": f.scan.as_str(),
                    })
                    .to_string(),
                ),
            },
        )
        .await?;
    }
    Ok(())
}

/// A kept file's columns, name through text, as both the attachments and the documents table
/// store them (see [`bind_file!`]).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct FileColumns {
    pub name: String,
    pub kind: String,
    pub size: i64,
    pub sha256: String,
    pub scan: String,
    pub text_state: String,
    /// Read only for clerks' pages ([`of_responses_for_staff`]); empty otherwise.
    pub text: String,
}

impl FileColumns {
    pub fn kind(&self) -> Option<FileKind> {
        FileKind::parse(&self.kind)
    }
    pub fn scan(&self) -> ScanState {
        ScanState::parse(&self.scan)
    }
    pub fn text_state(&self) -> TextState {
        TextState::parse(&self.text_state)
    }
}

/// An attachment as stored, with what decides who may see it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AttachmentRow {
    pub id: i64,
    pub response_id: i64,
    pub position: i64,
    #[sqlx(flatten)]
    pub file: FileColumns,
    pub withheld_reason: Option<String>,
    pub status: String,
    pub publication: String,
    pub hearing_id: i64,
}

impl AttachmentRow {
    /// Whether the public may see and download it.
    pub fn is_shown(&self) -> bool {
        match (
            ModerationStatus::parse(&self.status),
            Publication::parse(&self.publication).ok(),
        ) {
            (Some(status), Some(publication)) => is_shown(
                status,
                publication,
                self.file.scan(),
                self.withheld_reason.is_some(),
            ),
            _ => false,
        }
    }
}

const COLUMNS: &str = "a.id, a.response_id, a.position, a.name, a.kind, a.size, a.sha256, a.scan,
    a.text_state, a.withheld_reason, '' AS text, r.status, r.publication, r.hearing_id";
const STAFF_COLUMNS: &str = "a.id, a.response_id, a.position, a.name, a.kind, a.size, a.sha256,
    a.scan, a.text_state, a.withheld_reason, a.text, r.status, r.publication, r.hearing_id";

/// The attachments of these responses, in each response's order, without their text.
pub async fn of_responses(pool: &AnyPool, ids: &[i64]) -> Result<Vec<AttachmentRow>, sqlx::Error> {
    of_responses_with(pool, ids, COLUMNS).await
}

/// The attachments of these responses with the text read out of them, for clerks' pages.
pub async fn of_responses_for_staff(
    pool: &AnyPool,
    ids: &[i64],
) -> Result<Vec<AttachmentRow>, sqlx::Error> {
    of_responses_with(pool, ids, STAFF_COLUMNS).await
}

async fn of_responses_with(
    pool: &AnyPool,
    ids: &[i64],
    columns: &str,
) -> Result<Vec<AttachmentRow>, sqlx::Error> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let mut rows = Vec::new();
    for chunk in ids.chunks(200) {
        let list = (1..=chunk.len())
            .map(|i| format!("${i}"))
            .collect::<Vec<_>>()
            .join(", ");
        let sql = format!(
            "SELECT {columns} FROM attachments a JOIN responses r ON r.id = a.response_id
             WHERE a.response_id IN ({list}) ORDER BY a.response_id, a.position"
        );
        let mut query = sqlx::query_as::<_, AttachmentRow>(AssertSqlSafe(sql));
        for id in chunk {
            query = query.bind(*id);
        }
        rows.extend(query.fetch_all(pool).await?);
    }
    Ok(rows)
}

pub async fn by_id(pool: &AnyPool, id: i64) -> Result<Option<AttachmentRow>, sqlx::Error> {
    let sql = format!(
        "SELECT {COLUMNS} FROM attachments a JOIN responses r ON r.id = a.response_id
         WHERE a.id = $1"
    );
    sqlx::query_as(AssertSqlSafe(sql))
        .bind(id)
        .fetch_optional(pool)
        .await
}

db::reads! {
    /// The text read out of a response's files that the public would see with it once published
    /// (see `hoering::attachment::is_shown`): what the personal-data check reads before a publish.
    pub fn texts_to_publish(response: i64) -> Vec<(String, String)> =
        "SELECT a.name, a.text FROM attachments a JOIN responses r ON r.id = a.response_id
         WHERE a.response_id = $1 AND a.withheld_reason IS NULL AND a.scan = 'clean'
           AND r.publication = 'with_name' AND a.text <> '' ORDER BY a.position";
}

/// Withholds an attachment with the clerk's reason, or releases it (`None`).
pub async fn set_withheld(
    tx: &mut Transaction<'static, Any>,
    id: i64,
    reason: Option<&str>,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("UPDATE attachments SET withheld_reason = $2 WHERE id = $1")
        .bind(id)
        .bind(reason)
        .execute(&mut **tx)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// The names of the files each response of a hearing came with that the notat lists: scanned,
/// not withheld, from senders who published their name; by response.
pub async fn listed_in_notat(
    pool: &AnyPool,
    hearing: i64,
) -> Result<std::collections::HashMap<i64, Vec<String>>, sqlx::Error> {
    let rows: Vec<(i64, String)> = sqlx::query_as(
        "SELECT a.response_id, a.name FROM attachments a JOIN responses r ON r.id = a.response_id
         WHERE r.hearing_id = $1 AND a.withheld_reason IS NULL AND a.scan = 'clean'
           AND r.publication = 'with_name'
         ORDER BY a.response_id, a.position",
    )
    .bind(hearing)
    .fetch_all(pool)
    .await?;
    let mut by_response: std::collections::HashMap<i64, Vec<String>> = Default::default();
    for (response, name) in rows {
        by_response.entry(response).or_default().push(name);
    }
    Ok(by_response)
}

/// Every file of a hearing's responses (without its text), in order of response.
pub async fn of_hearing(pool: &AnyPool, hearing: i64) -> Result<Vec<AttachmentRow>, sqlx::Error> {
    let sql = format!(
        "SELECT {COLUMNS} FROM attachments a JOIN responses r ON r.id = a.response_id
         WHERE r.hearing_id = $1 ORDER BY a.response_id, a.position"
    );
    sqlx::query_as(AssertSqlSafe(sql))
        .bind(hearing)
        .fetch_all(pool)
        .await
}

/// What a document belongs to, as the `documents` table's `owner` column says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Owner {
    /// The minutes of a dialogue meeting (`owner_id`: the meeting).
    MeetingMinutes,
}

impl Owner {
    fn as_str(self) -> &'static str {
        match self {
            Owner::MeetingMinutes => "meeting_minutes",
        }
    }
}

/// A document as stored.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct DocumentRow {
    pub id: i64,
    #[sqlx(flatten)]
    pub file: FileColumns,
}

/// The document of `owner` `id`, if it has one.
pub async fn document(
    pool: &AnyPool,
    owner: Owner,
    id: i64,
) -> Result<Option<DocumentRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, name, kind, size, sha256, scan, text_state, text FROM documents
         WHERE owner = $1 AND owner_id = $2",
    )
    .bind(owner.as_str())
    .bind(id)
    .fetch_optional(pool)
    .await
}

/// Gives `owner` `id` this document in place of any it had, or none (`None`).
pub async fn set_document(
    pool: &AnyPool,
    owner: Owner,
    id: i64,
    file: Option<&Kept>,
) -> Result<(), sqlx::Error> {
    let mut tx = crate::db::begin_write(pool).await?;
    sqlx::query("DELETE FROM documents WHERE owner = $1 AND owner_id = $2")
        .bind(owner.as_str())
        .bind(id)
        .execute(&mut *tx)
        .await?;
    if let Some(f) = file {
        let query = sqlx::query(
            "INSERT INTO documents (owner, owner_id, name, kind, size, sha256, scan, text_state,
                text, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        );
        bind_file!(query.bind(owner.as_str()).bind(id), f)
            .bind(crate::db::now())
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await
}
