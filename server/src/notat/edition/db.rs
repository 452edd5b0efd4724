//! The editions' SQL: store one (in the publishing transaction), read the list and one
//! edition's frozen files. Rows are never changed (triggers refuse it, migration 0017).

use crate::db;
use sqlx::{Any, AnyPool, Transaction};

/// An edition without its files: what the lists and the pages show.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct EditionRow {
    pub id: i64,
    pub number: i64,
    pub published_at: i64,
    pub reason: String,
    pub lang: String,
    pub title: String,
    pub html_sha256: String,
    pub docx_sha256: String,
    pub pdf_sha256: String,
}

const ROW: &str =
    "SELECT id, number, published_at, reason, lang, title, html_sha256, docx_sha256, pdf_sha256
     FROM notat_editions";

/// An edition to store: the files as they were served, their hashes computed by the caller.
#[derive(Debug, Clone)]
pub struct NewEdition<'a> {
    pub hearing_id: i64,
    pub number: i64,
    pub published_at: i64,
    pub published_by: i64,
    pub reason: &'a str,
    pub lang: &'a str,
    pub title: &'a str,
    pub outline: &'a str,
    pub html: &'a str,
    /// Base64 of the DOCX and the PDF.
    pub docx: &'a str,
    pub pdf: &'a str,
    pub html_sha256: &'a str,
    pub docx_sha256: &'a str,
    pub pdf_sha256: &'a str,
}

/// How many editions the hearing has; read again in the publishing transaction (`exec` the
/// transaction), so a clerk who planned edition 2 while another published it is told so
/// instead of publishing twice.
pub async fn count<'e, E>(exec: E, hearing_id: i64) -> Result<i64, sqlx::Error>
where
    E: sqlx::Executor<'e, Database = Any>,
{
    sqlx::query_scalar("SELECT COUNT(*) FROM notat_editions WHERE hearing_id = $1")
        .bind(hearing_id)
        .fetch_one(exec)
        .await
}

pub async fn insert(
    tx: &mut Transaction<'static, Any>,
    e: &NewEdition<'_>,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO notat_editions (hearing_id, number, published_at, published_by, reason, lang,
            title, outline, html, docx, pdf, html_sha256, docx_sha256, pdf_sha256)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id",
    )
    .bind(e.hearing_id)
    .bind(e.number)
    .bind(e.published_at)
    .bind(e.published_by)
    .bind(e.reason)
    .bind(e.lang)
    .bind(e.title)
    .bind(e.outline)
    .bind(e.html)
    .bind(e.docx)
    .bind(e.pdf)
    .bind(e.html_sha256)
    .bind(e.docx_sha256)
    .bind(e.pdf_sha256)
    .fetch_one(&mut **tx)
    .await
}

db::reads! {
    /// Every edition of the hearing, newest first.
    pub fn of_hearing(hearing_id: i64) -> Vec<EditionRow> =
        db::select(ROW, "WHERE hearing_id = $1 ORDER BY number DESC");

    /// The latest edition's outline as stored (JSON), and its publication time.
    pub fn latest_outline(hearing_id: i64) -> Option<(String, i64)> =
        "SELECT outline, published_at FROM notat_editions WHERE hearing_id = $1
         ORDER BY number DESC LIMIT 1";
}

/// One stored file of edition `number`: `html`, `docx` or `pdf` (base64 for the last two);
/// `outline` also reads.
pub async fn file(
    pool: &AnyPool,
    hearing_id: i64,
    number: i64,
    column: File,
) -> Result<Option<String>, sqlx::Error> {
    let column = match column {
        File::Outline => "outline",
        File::Html => "html",
        File::Docx => "docx",
        File::Pdf => "pdf",
    };
    sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
        "SELECT {column} FROM notat_editions WHERE hearing_id = $1 AND number = $2"
    )))
    .bind(hearing_id)
    .bind(number)
    .fetch_optional(pool)
    .await
}

/// The stored columns of an edition that hold a rendering.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum File {
    Outline,
    Html,
    Docx,
    Pdf,
}
