//! Versions, their blocks, and where each response stands in each version, in the database.
//! The matcher runs once, when a version is added; its result (ids, provenance, removed blocks,
//! the matching itself and every response's placement) is stored, and pages only read it.

use crate::db::{self, now};
use crate::response::ShownColumns;
use hoering::anchoring::{
    Placement, TextQuote, VersionMatch, carry_ids, carry_step, match_versions,
};
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
    #[error("version {0}'s stored blocks do not match its text")]
    StoredBlocks(i64),
    #[error("a stored matching could not be read")]
    StoredMatching(#[from] serde_json::Error),
    #[error(transparent)]
    Sql(#[from] sqlx::Error),
    #[error("the e-mail could not be queued")]
    Mail(#[from] crate::mail::MailError),
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
    let stored: Vec<(String, String, String)> = sqlx::query_as(
        "SELECT block_id, number, text FROM blocks WHERE version_id = $1 ORDER BY position",
    )
    .bind(version_id)
    .fetch_all(&mut *conn)
    .await?;
    let mut doc = document::parse(&markdown)?;
    // The stored blocks were written from a parse of this same text; if a later parser reads it
    // differently, pairing by position would silently attach ids to the wrong text, so refuse.
    let slots: Vec<&mut document::Block> = doc
        .sections
        .iter_mut()
        .flat_map(|s| s.blocks.iter_mut())
        .chain(doc.footnotes.iter_mut())
        .collect();
    if slots.len() != stored.len() {
        return Err(VersionError::StoredBlocks(version_id));
    }
    for (block, (id, number, text)) in slots.into_iter().zip(stored) {
        if block.number.as_str() != number || block.text != text {
            return Err(VersionError::StoredBlocks(version_id));
        }
        block.id = BlockId::parse(&id).map_err(|_| VersionError::StoredId(id.clone()))?;
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
    let mut tx = crate::db::begin_write(pool).await?;
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
    let (document, matching, number, old) = match previous {
        Some((prev_id, prev_number)) => {
            let old = load_document(&mut tx, prev_id).await?;
            let (doc, matching) = carry_ids(&old, parsed);
            (doc, Some(matching), prev_number + 1, Some((prev_id, old)))
        }
        None => (parsed, None, 1, None),
    };
    let matching_json = matching.as_ref().map(serde_json::to_string).transpose()?;
    let version_id: i64 = sqlx::query_scalar(
        "INSERT INTO versions (policy_id, number, label, note, markdown, created_at, matching)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(policy_id)
    .bind(number)
    .bind(label)
    .bind(note)
    .bind(markdown)
    .bind(now())
    .bind(matching_json)
    .fetch_one(&mut *tx)
    .await?;
    insert_blocks(&mut tx, version_id, &document, matching.as_ref()).await?;
    if let (Some((prev_id, old)), Some(matching)) = (&old, &matching) {
        carry_placements(
            &mut tx, *prev_id, old, version_id, number, &document, matching,
        )
        .await?;
    }
    tx.commit().await?;
    Ok(AddedVersion {
        version_id,
        number,
        matching,
    })
}

db::reads! {
    /// Every version of a policy, oldest first.
    pub fn versions_of_policy(policy_id: i64) -> Vec<VersionRow> =
        "SELECT id, number, label, note, created_at FROM versions WHERE policy_id = $1 ORDER BY number";

    /// A version as the pages need it.
    pub fn by_number(policy_id: i64, number: i64) -> Option<VersionRow> =
        "SELECT id, number, label, note, created_at FROM versions WHERE policy_id = $1 AND number = $2";
}

/// A block with the provenance stored when its version was added.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ProvenanceRow {
    pub block_id: String,
    pub number: String,
    pub kind: String,
    pub section_number: Option<i64>,
    pub text: String,
    pub provenance: String,
    pub origin: String,
}

db::reads! {
    pub fn blocks_with_provenance(version_id: i64) -> Vec<ProvenanceRow> =
        "SELECT block_id, number, kind, section_number, text, provenance, origin FROM blocks
         WHERE version_id = $1 ORDER BY position";
}

/// The previous version's blocks whose text this version removed.
pub async fn removed_blocks(pool: &AnyPool, version_id: i64) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT block_id FROM removed_blocks WHERE version_id = $1 ORDER BY block_id",
    )
    .bind(version_id)
    .fetch_all(pool)
    .await
}

/// The stored matching of `version_id` to the version before it (none for a first version).
pub async fn stored_matching(
    conn: &mut sqlx::AnyConnection,
    version_id: i64,
) -> Result<Option<VersionMatch>, VersionError> {
    let json: Option<String> = sqlx::query_scalar("SELECT matching FROM versions WHERE id = $1")
        .bind(version_id)
        .fetch_one(&mut *conn)
        .await?;
    Ok(json.map(|j| serde_json::from_str(&j)).transpose()?)
}

db::reads! {
    /// The newest version of a hearing's policy: its number and Markdown.
    pub fn latest_text(slug: &str) -> Option<(i64, String)> =
        "SELECT v.number, v.markdown FROM versions v JOIN hearings h ON h.policy_id = v.policy_id
         WHERE h.slug = $1 ORDER BY v.number DESC LIMIT 1";
}

// ---------------------------------------------------------------------------------------------
// Placements: where each response on a block stands in each version.

#[derive(Debug, Clone, sqlx::FromRow)]
struct PlacementRow {
    response_id: i64,
    block_id: Option<String>,
    quote_exact: Option<String>,
    quote_prefix: Option<String>,
    quote_suffix: Option<String>,
    removed_in: Option<i64>,
    visible: i64,
}

impl PlacementRow {
    fn placement(&self) -> Placement {
        let Some(block) = self
            .block_id
            .as_deref()
            .and_then(|b| BlockId::parse(b).ok())
        else {
            return Placement::Removed;
        };
        let quote = self.quote_exact.as_ref().and_then(|e| {
            TextQuote::new(
                e.clone(),
                self.quote_prefix.clone().unwrap_or_default(),
                self.quote_suffix.clone().unwrap_or_default(),
            )
            .ok()
        });
        Placement::At { block, quote }
    }
}

async fn insert_placement(
    tx: &mut Transaction<'_, Any>,
    version_id: i64,
    response_id: i64,
    placement: &Placement,
    removed_in: Option<i64>,
    visible: bool,
) -> Result<(), sqlx::Error> {
    let (block, quote) = match placement {
        Placement::At { block, quote } => (Some(block.as_str().to_string()), quote.as_ref()),
        Placement::Removed => (None, None),
    };
    sqlx::query(
        "INSERT INTO placements (version_id, response_id, block_id, quote_exact, quote_prefix, quote_suffix, removed_in)
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(version_id)
    .bind(response_id)
    .bind(block.clone())
    .bind(quote.map(|q| q.exact().to_string()))
    .bind(quote.map(|q| q.prefix().to_string()))
    .bind(quote.map(|q| q.suffix().to_string()))
    .bind(removed_in)
    .execute(&mut **tx)
    .await?;
    if visible {
        bump_placement_count(tx, version_id, block.as_deref().unwrap_or(""), 1).await?;
    }
    Ok(())
}

/// Adds `delta` to the visible count of `block_key` in a version.
pub async fn bump_placement_count(
    tx: &mut Transaction<'_, Any>,
    version_id: i64,
    block_key: &str,
    delta: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO placement_counts (version_id, block_key, visible) VALUES ($1, $2, $3)
         ON CONFLICT (version_id, block_key) DO UPDATE SET visible = placement_counts.visible + $3",
    )
    .bind(version_id)
    .bind(block_key)
    .bind(delta)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Every placement in `from_version`, carried one step to the new version.
async fn carry_placements(
    tx: &mut Transaction<'_, Any>,
    from_version: i64,
    old: &Document,
    to_version: i64,
    to_number: i64,
    new: &Document,
    matching: &VersionMatch,
) -> Result<(), sqlx::Error> {
    let rows: Vec<PlacementRow> = sqlx::query_as(
        "SELECT p.response_id, p.block_id, p.quote_exact, p.quote_prefix, p.quote_suffix, p.removed_in,
            r.visible FROM placements p JOIN responses r ON r.id = p.response_id
         WHERE p.version_id = $1 ORDER BY p.response_id",
    )
    .bind(from_version)
    .fetch_all(&mut **tx)
    .await?;
    for row in rows {
        let before = row.placement();
        let after = carry_step(&before, old, new, matching);
        let removed_in = match (&before, &after) {
            (Placement::Removed, _) => row.removed_in,
            (_, Placement::Removed) => Some(to_number),
            _ => None,
        };
        insert_placement(
            tx,
            to_version,
            row.response_id,
            &after,
            removed_in,
            row.visible == 1,
        )
        .await?;
    }
    Ok(())
}

/// Places a new response on a block: in the version it was given to, and (when the hearing
/// runs on an older text than the newest) carried through every later version's stored matching.
pub async fn place_new_response(
    tx: &mut Transaction<'_, Any>,
    response_id: i64,
    version_id: i64,
    block: &BlockId,
    quote: Option<&TextQuote>,
) -> Result<(), VersionError> {
    let mut placement = Placement::At {
        block: block.clone(),
        quote: quote.cloned(),
    };
    insert_placement(tx, version_id, response_id, &placement, None, false).await?;
    let later: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT v.id, v.number FROM versions v JOIN versions g ON g.policy_id = v.policy_id
         WHERE g.id = $1 AND v.number > g.number ORDER BY v.number",
    )
    .bind(version_id)
    .fetch_all(&mut **tx)
    .await?;
    if later.is_empty() {
        return Ok(());
    }
    let mut old = load_document(tx, version_id).await?;
    let mut removed_in = None;
    for (id, number) in later {
        let new = load_document(tx, id).await?;
        let matching = stored_matching(tx, id)
            .await?
            .ok_or(VersionError::StoredBlocks(id))?;
        let next = carry_step(&placement, &old, &new, &matching);
        if removed_in.is_none() && next == Placement::Removed {
            removed_in = Some(number);
        }
        insert_placement(tx, id, response_id, &next, removed_in, false).await?;
        placement = next;
        old = new;
    }
    Ok(())
}

/// [`place_new_response`] for many new responses at once: one statement for those whose version
/// has no later one (the usual case while a hearing runs), the careful path for the rest.
/// `(response, version, block, quote)` each.
pub async fn place_new_responses(
    tx: &mut Transaction<'_, Any>,
    responses: &[(i64, i64, &BlockId, Option<&TextQuote>)],
) -> Result<(), VersionError> {
    let mut versions: Vec<i64> = responses.iter().map(|r| r.1).collect();
    versions.sort_unstable();
    versions.dedup();
    let mut latest = Vec::with_capacity(versions.len());
    for version in versions {
        let later: Option<i64> = sqlx::query_scalar(
            "SELECT v.id FROM versions v JOIN versions g ON g.policy_id = v.policy_id
             WHERE g.id = $1 AND v.number > g.number LIMIT 1",
        )
        .bind(version)
        .fetch_optional(&mut **tx)
        .await?;
        if later.is_none() {
            latest.push(version);
        }
    }
    let (simple, careful): (Vec<_>, Vec<_>) = responses
        .iter()
        .partition(|r| latest.binary_search(&r.1).is_ok());
    for &(response, version, block, quote) in careful {
        place_new_response(tx, response, version, block, quote).await?;
    }
    // Few rows a statement: binding costs time in the square of the parameters on SQLite.
    for chunk in simple.chunks(25) {
        let sql = format!(
            "INSERT INTO placements (version_id, response_id, block_id, quote_exact, quote_prefix,
                quote_suffix, removed_in) VALUES {}",
            crate::db::placeholder_rows(chunk.len(), 7, 1)
        );
        let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
        for (response, version, block, quote) in chunk {
            query = query
                .bind(*version)
                .bind(*response)
                .bind(block.as_str().to_string())
                .bind(quote.map(|q| q.exact().to_string()))
                .bind(quote.map(|q| q.prefix().to_string()))
                .bind(quote.map(|q| q.suffix().to_string()))
                .bind(None::<i64>);
        }
        query.execute(&mut **tx).await?;
    }
    Ok(())
}

/// Moves a response's weight in every version's counts when it becomes visible (`+1`) or
/// stops being visible (`-1`).
pub async fn count_placements(
    tx: &mut Transaction<'_, Any>,
    response_id: i64,
    delta: i64,
) -> Result<(), sqlx::Error> {
    let places: Vec<(i64, Option<String>)> =
        sqlx::query_as("SELECT version_id, block_id FROM placements WHERE response_id = $1")
            .bind(response_id)
            .fetch_all(&mut **tx)
            .await?;
    for (version_id, block) in places {
        bump_placement_count(tx, version_id, block.as_deref().unwrap_or(""), delta).await?;
    }
    Ok(())
}

/// Stores what an installation from before stored matchings lacks: for every version after
/// the first, its matching and the placements carried into it. Runs at start; costs one small
/// query once everything is stored.
pub async fn backfill(pool: &AnyPool) -> Result<usize, VersionError> {
    let unmatched: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM versions WHERE matching IS NULL AND number > 1")
            .fetch_one(pool)
            .await?;
    if unmatched == 0 {
        return Ok(0);
    }
    let mut tx = crate::db::begin_write(pool).await?;
    let missing: Vec<(i64, i64, i64)> = sqlx::query_as(
        "SELECT v.id, v.number, p.id FROM versions v JOIN versions p
            ON p.policy_id = v.policy_id AND p.number = v.number - 1
         WHERE v.matching IS NULL ORDER BY v.policy_id, v.number",
    )
    .fetch_all(&mut *tx)
    .await?;
    for (id, number, prev) in &missing {
        let old = load_document(&mut tx, *prev).await?;
        let new = load_document(&mut tx, *id).await?;
        // The stored ids came from this matching when the version was added.
        let matching = match_versions(&old, &new);
        sqlx::query("UPDATE versions SET matching = $1 WHERE id = $2")
            .bind(serde_json::to_string(&matching)?)
            .bind(id)
            .execute(&mut *tx)
            .await?;
        // Responses given to this version itself stay; everything carried is placed anew.
        sqlx::query(
            "DELETE FROM placements WHERE version_id = $1
             AND response_id NOT IN (SELECT id FROM responses WHERE version_id = $1)",
        )
        .bind(id)
        .execute(&mut *tx)
        .await?;
        carry_placements(&mut tx, *prev, &old, *id, *number, &new, &matching).await?;
    }
    // Counts from scratch: cheap next to the matching above, and never wrong afterwards.
    sqlx::query("DELETE FROM placement_counts")
        .execute(&mut *tx)
        .await?;
    sqlx::query(
        "INSERT INTO placement_counts (version_id, block_key, visible)
         SELECT p.version_id, COALESCE(p.block_id, ''), COUNT(*) FROM placements p
         JOIN responses r ON r.id = p.response_id WHERE r.visible = 1
         GROUP BY p.version_id, COALESCE(p.block_id, '')",
    )
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(missing.len())
}

/// A visible response as it stands in one version, with the words then and now.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct CarriedRow {
    /// What the public is shown of the response (its `block_number` is the block's number in
    /// this version).
    #[sqlx(flatten)]
    pub shown: ShownColumns,
    pub given_to_block: Option<String>,
    pub given_to_version: i64,
    pub words_then: Option<String>,
    pub words_now: Option<String>,
    pub removed_in: Option<i64>,
}

/// One page of the visible responses placed on `block` of a version (`None`: those whose words
/// it removed), with the total from the kept counts.
pub async fn carried_page(
    pool: &AnyPool,
    version_id: i64,
    block: Option<&str>,
    page: u32,
    per_page: u32,
) -> Result<(i64, Vec<CarriedRow>), sqlx::Error> {
    let key = block.unwrap_or("");
    let total: Option<i64> = sqlx::query_scalar(
        "SELECT visible FROM placement_counts WHERE version_id = $1 AND block_key = $2",
    )
    .bind(version_id)
    .bind(key)
    .fetch_optional(pool)
    .await?;
    let filter = if block.is_some() {
        "p.block_id = $2"
    } else {
        "p.block_id IS NULL AND $2 = ''"
    };
    let offset = i64::from(page.saturating_sub(1)) * i64::from(per_page);
    let rows = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT r.id, r.created_at, r.name, r.organisation, r.publication, r.sender_kind, r.text,
            r.block_number AS given_to_block, gv.number AS given_to_version,
            r.quote_exact,
            COALESCE(r.quote_exact, ob.text) AS words_then,
            CASE WHEN p.block_id IS NULL THEN NULL ELSE COALESCE(p.quote_exact, nb.text) END AS words_now,
            nb.number AS block_number, p.removed_in,
            r.source, r.meeting_day, r.meeting_group, r.meeting_table
         FROM placements p
         JOIN responses r ON r.id = p.response_id
         JOIN versions gv ON gv.id = r.version_id
         LEFT JOIN blocks ob ON ob.version_id = r.version_id AND ob.block_id = r.block_id
         LEFT JOIN blocks nb ON nb.version_id = p.version_id AND nb.block_id = p.block_id
         WHERE p.version_id = $1 AND {filter} AND r.visible = 1
         ORDER BY p.response_id LIMIT $3 OFFSET $4"
    )))
    .bind(version_id)
    .bind(key)
    .bind(i64::from(per_page))
    .bind(offset)
    .fetch_all(pool)
    .await?;
    Ok((total.unwrap_or(0), rows))
}

db::reads! {
    /// Visible responses per block key of a version ('' = words removed), from the kept counts.
    pub fn placement_counts(version_id: i64) -> Vec<(String, i64)> =
        "SELECT block_key, visible FROM placement_counts WHERE version_id = $1 AND visible > 0";
}
