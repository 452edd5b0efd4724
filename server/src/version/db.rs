//! Versions and their blocks in the database.

use crate::db::now;
use hoering::anchoring::{VersionMatch, carry_ids};
use hoering::document::{self, BlockId, Document};
use sqlx::{Any, AnyPool, Transaction};

#[derive(Debug, thiserror::Error)]
pub enum VersionError {
    #[error("no policy with the address {0}")]
    UnknownPolicy(String),
    #[error("the new text could not be read: {0}")]
    Document(#[from] document::DocumentError),
    #[error("a stored block id is not valid: {0}")]
    StoredId(String),
    #[error(transparent)]
    Sql(#[from] sqlx::Error),
}

/// A version as stored: its number, label and note.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct VersionRow {
    pub id: i64,
    pub number: i64,
    pub label: String,
    pub note: String,
    pub created_at: i64,
}

/// Writes a document's sections and blocks, with each block's provenance when it has one.
pub async fn insert_blocks(
    tx: &mut Transaction<'_, Any>,
    version_id: i64,
    document: &Document,
    matching: Option<&VersionMatch>,
) -> Result<(), sqlx::Error> {
    for section in &document.sections {
        sqlx::query(
            "INSERT INTO sections (version_id, number, level, heading) VALUES ($1, $2, $3, $4)",
        )
        .bind(version_id)
        .bind(i64::from(section.number))
        .bind(i64::from(section.level))
        .bind(&section.heading)
        .execute(&mut **tx)
        .await?;
    }
    // Collected first: an iterator of closures held across `.await` would not be `Send`.
    let mut blocks: Vec<(Option<i64>, &document::Block)> = Vec::new();
    for s in &document.sections {
        blocks.extend(s.blocks.iter().map(|b| (Some(i64::from(s.number)), b)));
    }
    blocks.extend(document.footnotes.iter().map(|b| (None, b)));
    for (position, (section, block)) in blocks.into_iter().enumerate() {
        let (provenance, origin) = match matching.and_then(|m| m.get(&block.id)) {
            Some(m) => (
                m.provenance.kind(),
                m.provenance
                    .sources()
                    .iter()
                    .map(|id| id.as_ref().to_string())
                    .collect::<Vec<_>>()
                    .join(" "),
            ),
            None => ("new", String::new()),
        };
        sqlx::query(
            "INSERT INTO blocks (version_id, block_id, position, section_number, number, kind, text, html, provenance, origin)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        )
        .bind(version_id)
        .bind(block.id.as_str())
        .bind(i64::try_from(position).unwrap_or(i64::MAX))
        .bind(section)
        .bind(block.number.as_str())
        .bind(block.kind.as_str())
        .bind(&block.text)
        .bind(&block.html)
        .bind(provenance)
        .bind(origin)
        .execute(&mut **tx)
        .await?;
    }
    if let Some(matching) = matching {
        for removed in &matching.removed {
            sqlx::query("INSERT INTO removed_blocks (version_id, block_id) VALUES ($1, $2)")
                .bind(version_id)
                .bind(removed.as_str())
                .execute(&mut **tx)
                .await?;
        }
    }
    Ok(())
}

/// A stored version's document, with the durable ids it was stored with (parsing gives the
/// blocks in the same order; the ids come from the database).
pub async fn load_document(
    conn: &mut sqlx::AnyConnection,
    version_id: i64,
) -> Result<Document, VersionError> {
    let markdown: String = sqlx::query_scalar("SELECT markdown FROM versions WHERE id = $1")
        .bind(version_id)
        .fetch_one(&mut *conn)
        .await?;
    let ids: Vec<String> =
        sqlx::query_scalar("SELECT block_id FROM blocks WHERE version_id = $1 ORDER BY position")
            .bind(version_id)
            .fetch_all(&mut *conn)
            .await?;
    let mut doc = document::parse(&markdown)?;
    let mut ids = ids.into_iter();
    let slots = doc
        .sections
        .iter_mut()
        .flat_map(|s| s.blocks.iter_mut())
        .chain(doc.footnotes.iter_mut());
    for block in slots {
        if let Some(id) = ids.next() {
            block.id = BlockId::parse(&id).map_err(|_| VersionError::StoredId(id.clone()))?;
        }
    }
    Ok(doc)
}

/// The outcome of adding a version, for the clerk and the command line.
#[derive(Debug, Clone)]
pub struct AddedVersion {
    pub version_id: i64,
    pub number: i64,
    /// How the new version's blocks relate to the previous version's (none for version 1).
    pub matching: Option<VersionMatch>,
}

/// Adds the next version of a policy: its blocks keep the ids of the previous version's blocks
/// they continue. Earlier versions are not touched.
#[tracing::instrument(skip(pool, markdown, note))]
pub async fn add_version(
    pool: &AnyPool,
    policy_slug: &str,
    label: &str,
    note: &str,
    markdown: &str,
) -> Result<AddedVersion, VersionError> {
    let parsed = document::parse(markdown)?;
    let mut tx = pool.begin().await?;
    let policy_id: Option<i64> = sqlx::query_scalar("SELECT id FROM policies WHERE slug = $1")
        .bind(policy_slug)
        .fetch_optional(&mut *tx)
        .await?;
    let policy_id =
        policy_id.ok_or_else(|| VersionError::UnknownPolicy(policy_slug.to_string()))?;
    let previous: Option<(i64, i64)> = sqlx::query_as(
        "SELECT id, number FROM versions WHERE policy_id = $1 ORDER BY number DESC LIMIT 1",
    )
    .bind(policy_id)
    .fetch_optional(&mut *tx)
    .await?;
    let (document, matching, number) = match previous {
        Some((prev_id, prev_number)) => {
            let old = load_document(&mut tx, prev_id).await?;
            let (doc, matching) = carry_ids(&old, parsed);
            (doc, Some(matching), prev_number + 1)
        }
        None => (parsed, None, 1),
    };
    let version_id: i64 = sqlx::query_scalar(
        "INSERT INTO versions (policy_id, number, label, note, markdown, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(policy_id)
    .bind(number)
    .bind(label)
    .bind(note)
    .bind(markdown)
    .bind(now())
    .fetch_one(&mut *tx)
    .await?;
    insert_blocks(&mut tx, version_id, &document, matching.as_ref()).await?;
    tx.commit().await?;
    Ok(AddedVersion {
        version_id,
        number,
        matching,
    })
}

/// Every version of a policy, oldest first.
pub async fn versions_of_policy(
    pool: &AnyPool,
    policy_id: i64,
) -> Result<Vec<VersionRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, number, label, note, created_at FROM versions WHERE policy_id = $1 ORDER BY number",
    )
    .bind(policy_id)
    .fetch_all(pool)
    .await
}
