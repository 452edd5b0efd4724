//! What the hearing pages read: the list of hearings and one hearing's draft with its counts.

use super::db::{self as hearing_db, BlockRow, HearingRow};
use crate::backend::{DbBackend, fail, stored};
use crate::db::{Db, now};
use app::backend::{BackendError, HearingReads};
use app::hearing::BlockView;
use app::hearing::HearingCard;
use app::hearing::HearingView;
use app::hearing::SectionView;
use hoering::calendar::local_day;
use hoering::hearing::HearingState;
use hoering::hearing::HearingWindow;
use std::collections::HashMap;

/// The card of a hearing as of now.
pub fn card(row: &HearingRow) -> HearingCard {
    let now = jiff::Timestamp::from_second(now()).unwrap_or(jiff::Timestamp::UNIX_EPOCH);
    let window = jiff::Timestamp::from_second(row.opens_at)
        .ok()
        .zip(jiff::Timestamp::from_second(row.closes_at).ok())
        .and_then(|(o, c)| HearingWindow::new(o, c).ok());
    let (state, days_left) = match &window {
        Some(w) => (w.state_at(now), w.days_left(now)),
        None => (HearingState::Closed, None),
    };
    HearingCard {
        slug: row.slug.clone(),
        title: row.title.clone(),
        committee: row.committee.clone(),
        state,
        opens: local_day(row.opens_at),
        closes: local_day(row.closes_at),
        days_left,
        published: hoering::response::PublicCounts::from_visible(
            row.published,
            row.meeting_published,
        ),
    }
}

/// Sections of stored blocks, each block with its count from `count`.
pub fn sections_of(
    sections: &[hearing_db::SectionRow],
    blocks: &[BlockRow],
    count: impl Fn(&str) -> i64,
) -> Result<(Vec<SectionView>, Vec<BlockView>), BackendError> {
    let view_of = |b: &BlockRow| -> Result<BlockView, BackendError> {
        Ok(BlockView {
            id: b.block_id.clone(),
            number: b.number.clone(),
            kind: stored::block_kind(&b.kind)?,
            html: b.html.clone(),
            published_responses: count(&b.block_id),
        })
    };
    let section_views = sections
        .iter()
        .map(|s| {
            Ok(SectionView {
                number: u32::try_from(s.number).unwrap_or(0),
                level: u8::try_from(s.level).unwrap_or(2),
                heading: s.heading.clone(),
                blocks: blocks
                    .iter()
                    .filter(|b| b.section_number == Some(s.number))
                    .map(view_of)
                    .collect::<Result<_, _>>()?,
            })
        })
        .collect::<Result<_, BackendError>>()?;
    let footnotes = blocks
        .iter()
        .filter(|b| b.section_number.is_none())
        .map(view_of)
        .collect::<Result<_, _>>()?;
    Ok((section_views, footnotes))
}

/// A version's text as pages show it, each block with its count from `counts` (block id and
/// count, as the kept counts are read), and the count kept under `""`: the input on no block.
pub async fn document_of(
    db: &Db,
    version_id: i64,
    counts: Vec<(String, i64)>,
) -> Result<(Vec<SectionView>, Vec<BlockView>, i64), BackendError> {
    let counts: HashMap<String, i64> = counts.into_iter().collect();
    let count = |id: &str| counts.get(id).copied().unwrap_or(0);
    let sections = hearing_db::sections(&db.pool, version_id)
        .await
        .map_err(fail)?;
    let blocks = hearing_db::blocks(&db.pool, version_id)
        .await
        .map_err(fail)?;
    let (sections, footnotes) = sections_of(&sections, &blocks, count)?;
    Ok((sections, footnotes, count("")))
}

/// The durable id of block `number` of a version (`Some(None)` for no block asked), or `None`
/// when the version has no such block.
pub async fn block_id_of(
    db: &Db,
    version_id: i64,
    number: Option<&str>,
) -> Result<Option<Option<String>>, BackendError> {
    let Some(number) = number else {
        return Ok(Some(None));
    };
    Ok(hearing_db::block_by_number(&db.pool, version_id, number)
        .await
        .map_err(fail)?
        .map(|b| Some(b.block_id)))
}

/// A version's paragraphs to choose from (a comment's or a meeting input's block).
pub async fn block_choices(
    pool: &sqlx::AnyPool,
    version_id: i64,
) -> Result<Vec<app::meeting::BlockChoice>, BackendError> {
    Ok(hearing_db::blocks(pool, version_id)
        .await
        .map_err(fail)?
        .into_iter()
        .map(|b| app::meeting::BlockChoice {
            number: b.number,
            text: b.text,
        })
        .collect())
}

#[async_trait::async_trait]
impl HearingReads for DbBackend {
    async fn hearings(&self) -> Result<Vec<HearingCard>, BackendError> {
        let rows = hearing_db::list(&self.db.pool).await.map_err(fail)?;
        Ok(rows.iter().map(card).collect())
    }

    async fn block_text(&self, slug: &str, number: &str) -> Result<Option<String>, BackendError> {
        let pool = &self.db.pool;
        let Some(row) = hearing_db::by_slug(pool, slug).await.map_err(fail)? else {
            return Ok(None);
        };
        Ok(hearing_db::block_by_number(pool, row.version_id, number)
            .await
            .map_err(fail)?
            .map(|b| b.text))
    }

    async fn hearing(&self, slug: &str) -> Result<Option<HearingView>, BackendError> {
        let pool = &self.db.pool;
        let Some(row) = hearing_db::by_slug(pool, slug).await.map_err(fail)? else {
            return Ok(None);
        };
        let counts = hearing_db::published_counts(pool, row.id)
            .await
            .map_err(fail)?;
        let (sections, footnotes, whole_draft_responses) =
            document_of(&self.db, row.version_id, counts).await?;
        let versions = crate::version::versions_of(&self.db, &row).await?;
        Ok(Some(HearingView {
            versions,
            policy_slug: row.policy_slug.clone(),
            card: card(&row),
            contact: row.contact.clone(),
            version_label: row.version_label.clone(),
            sections,
            footnotes,
            whole_draft_responses,
            consultees: self.public_parties(row.id).await?,
            published_discussions: crate::council::db::rounds_of_hearing(&self.db.pool, row.id)
                .await
                .map_err(fail)?
                .into_iter()
                .filter(|r| r.discussion_published_at.is_some())
                .map(|r| {
                    let path = app::routes::council_workspace(&r.hearing_slug, &r.council_slug);
                    (r.council_name, path)
                })
                .collect(),
        }))
    }
}
