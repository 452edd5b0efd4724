//! What the version pages read: one version with its stored placements and counts, the input
//! on one of its blocks (a page at a time), and what changed between two versions.

use super::db::{self as version_db, VersionRow};
use crate::backend::{DbBackend, fail};
use crate::hearing::db::{self as hearing_db, HearingRow};
use crate::hearing::pages::{block_id_of, card, document_of};
use crate::response::PUBLIC_PAGE_SIZE;
use crate::response::pages::public_view;
use crate::version::{info, versions_of};
use app::backend::{BackendError, VersionReads};
use app::version::CarriedPage;
use app::version::CarriedResponse;
use app::version::ChangesView;
use app::version::VersionView;
use hoering::diff::word_diff;

/// The word-level changes from `then` to `now`; empty when nothing changed.
fn changes(then: &str, now: Option<&str>) -> Vec<hoering::diff::DiffOp> {
    match now {
        Some(now) if now != then => word_diff(then, now),
        _ => Vec::new(),
    }
}

impl DbBackend {
    async fn hearing_and_version(
        &self,
        slug: &str,
        number: i64,
    ) -> Result<Option<(HearingRow, VersionRow)>, BackendError> {
        let pool = &self.db.pool;
        let Some(row) = hearing_db::by_slug(pool, slug).await.map_err(fail)? else {
            return Ok(None);
        };
        let Some(version) = version_db::by_number(pool, row.policy_id, number)
            .await
            .map_err(fail)?
        else {
            return Ok(None);
        };
        Ok(Some((row, version)))
    }
}

#[async_trait::async_trait]
impl VersionReads for DbBackend {
    async fn version(&self, slug: &str, number: i64) -> Result<Option<VersionView>, BackendError> {
        let pool = &self.db.pool;
        let Some((row, version)) = self.hearing_and_version(slug, number).await? else {
            return Ok(None);
        };
        let counts = version_db::placement_counts(pool, version.id)
            .await
            .map_err(fail)?;
        let (sections, footnotes, removed_count) =
            document_of(&self.db, version.id, counts).await?;
        Ok(Some(VersionView {
            card: card(&row),
            version: info(&version, &row),
            versions: versions_of(&self.db, &row).await?,
            sections,
            footnotes,
            removed_count,
        }))
    }

    async fn carried(
        &self,
        slug: &str,
        number: i64,
        block: Option<&str>,
        page: u32,
    ) -> Result<Option<CarriedPage>, BackendError> {
        let pool = &self.db.pool;
        let Some((_, version)) = self.hearing_and_version(slug, number).await? else {
            return Ok(None);
        };
        let Some(block_id) = block_id_of(&self.db, version.id, block).await? else {
            return Ok(None);
        };
        let page = page.max(1);
        let (total, rows) = version_db::carried_page(
            pool,
            version.id,
            block_id.as_deref(),
            page,
            PUBLIC_PAGE_SIZE,
        )
        .await
        .map_err(fail)?;
        let ids: Vec<i64> = rows.iter().map(|r| r.shown.id).collect();
        let mut files = crate::attachment::shown_of(pool, &ids)
            .await
            .map_err(fail)?;
        let responses = rows
            .into_iter()
            .map(|r| {
                let id = r.shown.id;
                let words_then = r.words_then.clone().unwrap_or_default();
                Ok(CarriedResponse {
                    given_to_version: r.given_to_version,
                    given_to_block: r.given_to_block.clone(),
                    changes: changes(&words_then, r.words_now.as_deref()),
                    words_then,
                    removed_in: r.removed_in,
                    response: {
                        let mut shown = public_view(r.shown)?;
                        shown.attachments = files.remove(&id).unwrap_or_default();
                        shown
                    },
                })
            })
            .collect::<Result<_, BackendError>>()?;
        Ok(Some(CarriedPage {
            total,
            page,
            per_page: PUBLIC_PAGE_SIZE,
            responses,
        }))
    }

    async fn changes(
        &self,
        slug: &str,
        from: Option<i64>,
        to: Option<i64>,
    ) -> Result<Option<ChangesView>, BackendError> {
        let pool = &self.db.pool;
        let Some(row) = hearing_db::by_slug(pool, slug).await.map_err(fail)? else {
            return Ok(None);
        };
        let infos = versions_of(&self.db, &row).await?;
        let hearing_number = infos.iter().find(|v| v.hearing_version).map(|v| v.number);
        let latest = infos.last().map(|v| v.number);
        let (Some(from), Some(to)) = (from.or(hearing_number), to.or(latest)) else {
            return Ok(None);
        };
        let (Some(a), Some(b)) = (
            version_db::by_number(pool, row.policy_id, from)
                .await
                .map_err(fail)?,
            version_db::by_number(pool, row.policy_id, to)
                .await
                .map_err(fail)?,
        ) else {
            return Ok(None);
        };
        let mut conn = pool.acquire().await.map_err(fail)?;
        let old = version_db::load_document(&mut conn, a.id)
            .await
            .map_err(fail)?;
        let new = version_db::load_document(&mut conn, b.id)
            .await
            .map_err(fail)?;
        // Neighbours use the matching stored when the later one was added; other pairs are a
        // comparison for the reader only (nothing is placed by it), matched on the stored ids.
        let stored = if b.number == a.number + 1 {
            version_db::stored_matching(&mut conn, b.id)
                .await
                .map_err(fail)?
        } else {
            None
        };
        drop(conn);
        let matching = stored.unwrap_or_else(|| hoering::anchoring::match_versions(&old, &new));
        let mut changes = hoering::diff::diff_versions(&old, &new, &matching);
        // The page counts the unchanged blocks and shows only the others: the reader's browser
        // need not receive a whole draft to learn that nothing changed.
        let before = changes.len();
        changes.retain(|c| !matches!(c, hoering::diff::BlockChange::Unchanged { .. }));
        Ok(Some(ChangesView {
            card: card(&row),
            from: info(&a, &row),
            to: info(&b, &row),
            versions: infos,
            unchanged: before - changes.len(),
            changes,
        }))
    }

    async fn latest_text(&self, slug: &str) -> Result<Option<(i64, String)>, BackendError> {
        version_db::latest_text(&self.db.pool, slug)
            .await
            .map_err(fail)
    }
}
