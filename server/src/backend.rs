//! The app's [`Backend`]: turns database rows into the view models pages show, filtered for the
//! viewer (the public never sees an e-mail address or an unconsented name).

use crate::auth::{SESSION_COOKIE, cookie_value, db::find_session};
use crate::db::{Db, now};
use crate::hearing::db::{self as hearing_db, HearingRow};
use crate::response::db::{self as response_db, ResponseRow};
use crate::response::{ADMIN_PAGE_SIZE, PUBLIC_PAGE_SIZE, Status, receipt_number};
use crate::time::{local_date, local_datetime};
use crate::version::carry::{carry, changes};
use crate::version::db as version_db;
use app::backend::{Backend, BackendError};
use app::model::*;
use hoering::hearing::HearingWindow;
use std::collections::HashMap;

pub struct DbBackend {
    pub db: Db,
}

fn fail(err: impl std::fmt::Debug) -> BackendError {
    BackendError(format!("{err:?}"))
}

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
        opens: local_date(row.opens_at),
        closes: local_date(row.closes_at),
        days_left,
        published_responses: row.published,
    }
}

pub fn public_response(row: ResponseRow) -> PublicResponse {
    let with_name = row.publication == "with_name";
    PublicResponse {
        receipt_number: receipt_number(row.id, row.created_at),
        submitted_on: local_date(row.created_at),
        author: with_name.then(|| row.name.clone()),
        organisation: if with_name {
            row.organisation.clone()
        } else {
            None
        },
        sender_kind: row.sender_kind,
        block_number: row.block_number,
        quote: row.quote_exact,
        text: row.text,
    }
}

impl DbBackend {
    /// The documents of `versions` (oldest first) with their durable ids, and each one's
    /// matching to the one before: version 1 with its stored ids, every later one by the same
    /// deterministic matching that gave it its ids when it was added.
    async fn chain(
        &self,
        versions: &[version_db::VersionRow],
    ) -> Result<
        (
            Vec<hoering::document::Document>,
            Vec<Option<hoering::anchoring::VersionMatch>>,
        ),
        BackendError,
    > {
        let pool = &self.db.pool;
        let first = versions.first().ok_or_else(|| fail("no versions"))?;
        let mut conn = pool.acquire().await.map_err(fail)?;
        let mut docs = vec![
            version_db::load_document(&mut conn, first.id)
                .await
                .map_err(fail)?,
        ];
        drop(conn);
        let mut matches = vec![None];
        for v in &versions[1..] {
            let markdown: String =
                sqlx::query_scalar("SELECT markdown FROM versions WHERE id = $1")
                    .bind(v.id)
                    .fetch_one(pool)
                    .await
                    .map_err(fail)?;
            let parsed = hoering::document::parse(&markdown).map_err(fail)?;
            let previous = docs.last().ok_or_else(|| fail("empty chain"))?;
            let (doc, matching) = hoering::anchoring::carry_ids(previous, parsed);
            docs.push(doc);
            matches.push(Some(matching));
        }
        Ok((docs, matches))
    }

    /// The hearing's policy id and the id of the version the hearing ran on.
    async fn policy_of(&self, row: &HearingRow) -> Result<(i64, i64), BackendError> {
        sqlx::query_as("SELECT policy_id, version_id FROM hearings WHERE id = $1")
            .bind(row.id)
            .fetch_one(&self.db.pool)
            .await
            .map_err(fail)
    }

    async fn versions_of(&self, row: &HearingRow) -> Result<Vec<VersionInfo>, BackendError> {
        let (policy_id, hearing_version) = self.policy_of(row).await?;
        let rows = version_db::versions_of_policy(&self.db.pool, policy_id)
            .await
            .map_err(fail)?;
        Ok(rows
            .into_iter()
            .map(|v| VersionInfo {
                number: v.number,
                label: v.label,
                note: v.note,
                hearing_version: v.id == hearing_version,
            })
            .collect())
    }
}

fn section_views(doc: &hoering::document::Document) -> (Vec<SectionView>, Vec<BlockView>) {
    let view = |b: &hoering::document::Block| BlockView {
        id: b.id.as_str().to_string(),
        number: b.number.as_str(),
        kind: b.kind.as_str().to_string(),
        html: b.html.clone(),
        published_responses: 0,
    };
    let sections = doc
        .sections
        .iter()
        .map(|s| SectionView {
            number: s.number,
            level: s.level,
            heading: s.heading.clone(),
            blocks: s.blocks.iter().map(view).collect(),
        })
        .collect();
    (sections, doc.footnotes.iter().map(view).collect())
}

#[async_trait::async_trait]
impl Backend for DbBackend {
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
        let infos = self.versions_of(&row).await?;
        let versions = {
            let (policy_id, _) = self.policy_of(&row).await?;
            version_db::versions_of_policy(pool, policy_id)
                .await
                .map_err(fail)?
        };
        let hearing_number = infos.iter().find(|v| v.hearing_version).map(|v| v.number);
        let latest = infos.last().map(|v| v.number);
        let (Some(from), Some(to)) = (from.or(hearing_number), to.or(latest)) else {
            return Ok(None);
        };
        let (Some(a), Some(b)) = (
            versions.iter().position(|v| v.number == from),
            versions.iter().position(|v| v.number == to),
        ) else {
            return Ok(None);
        };
        let (docs, _) = self.chain(&versions[..=a.max(b)]).await?;
        let (old, new) = (&docs[a], &docs[b]);
        let matching = hoering::anchoring::match_versions(old, new);
        let changes = hoering::diff::diff_versions(old, new, &matching);
        let info = |n: i64| infos.iter().find(|i| i.number == n).cloned();
        let (Some(from), Some(to)) = (info(from), info(to)) else {
            return Ok(None);
        };
        Ok(Some(ChangesView {
            card: card(&row),
            versions: infos,
            from,
            to,
            changes,
        }))
    }

    async fn version(&self, slug: &str, number: i64) -> Result<Option<VersionView>, BackendError> {
        let pool = &self.db.pool;
        let Some(row) = hearing_db::by_slug(pool, slug).await.map_err(fail)? else {
            return Ok(None);
        };
        let (policy_id, _) = self.policy_of(&row).await?;
        let versions = version_db::versions_of_policy(pool, policy_id)
            .await
            .map_err(fail)?;
        let Some(target) = versions.iter().position(|v| v.number == number) else {
            return Ok(None);
        };
        let (docs, matches) = self.chain(&versions[..=target]).await?;
        let version_index: HashMap<i64, usize> = versions[..=target]
            .iter()
            .enumerate()
            .map(|(i, v)| (v.id, i))
            .collect();
        let responses = response_db::published_for_policy(pool, policy_id)
            .await
            .map_err(fail)?;
        let mut anchored: Vec<(String, Vec<CarriedResponse>)> = Vec::new();
        let mut removed = Vec::new();
        for r in responses {
            let Some(&from) = version_index.get(&r.version_id) else {
                continue;
            };
            let Some(c) = carry(&r, from, &docs, &matches) else {
                continue;
            };
            let carried = CarriedResponse {
                given_to_version: versions[from].number,
                given_to_block: c.given_to_block.clone(),
                changes: changes(&c.words_then, c.words_now.as_deref()),
                words_then: c.words_then.clone(),
                removed_in: c.removed_at.map(|k| versions[k].number),
                response: public_response(r),
            };
            match c.block_number {
                Some(number) => match anchored.iter_mut().find(|(n, _)| *n == number) {
                    Some((_, list)) => list.push(carried),
                    None => anchored.push((number, vec![carried])),
                },
                None => removed.push(carried),
            }
        }
        let (sections, footnotes) = section_views(docs.last().ok_or_else(|| fail("empty chain"))?);
        let v = &versions[target];
        let infos = self.versions_of(&row).await?;
        Ok(Some(VersionView {
            card: card(&row),
            version: infos
                .iter()
                .find(|i| i.number == v.number)
                .cloned()
                .ok_or_else(|| fail("version vanished"))?,
            versions: infos,
            sections,
            footnotes,
            anchored,
            removed,
        }))
    }

    async fn hearings(&self) -> Result<Vec<HearingCard>, BackendError> {
        let rows = hearing_db::list(&self.db.pool).await.map_err(fail)?;
        Ok(rows.iter().map(card).collect())
    }

    async fn hearing(&self, slug: &str) -> Result<Option<HearingView>, BackendError> {
        let pool = &self.db.pool;
        let Some(row) = hearing_db::by_slug(pool, slug).await.map_err(fail)? else {
            return Ok(None);
        };
        let sections = hearing_db::sections(pool, row.version_id)
            .await
            .map_err(fail)?;
        let blocks = hearing_db::blocks(pool, row.version_id)
            .await
            .map_err(fail)?;
        let counts: HashMap<Option<String>, i64> = hearing_db::published_counts(pool, row.id)
            .await
            .map_err(fail)?
            .into_iter()
            .collect();
        let view_of = |b: &hearing_db::BlockRow| BlockView {
            id: b.block_id.clone(),
            number: b.number.clone(),
            kind: b.kind.clone(),
            html: b.html.clone(),
            published_responses: counts.get(&Some(b.block_id.clone())).copied().unwrap_or(0),
        };
        let section_views = sections
            .iter()
            .map(|s| SectionView {
                number: u32::try_from(s.number).unwrap_or(0),
                level: u8::try_from(s.level).unwrap_or(2),
                heading: s.heading.clone(),
                blocks: blocks
                    .iter()
                    .filter(|b| b.section_number == Some(s.number))
                    .map(view_of)
                    .collect(),
            })
            .collect();
        let footnotes = blocks
            .iter()
            .filter(|b| b.section_number.is_none())
            .map(view_of)
            .collect();
        let versions = self.versions_of(&row).await?;
        Ok(Some(HearingView {
            versions,
            card: card(&row),
            contact: row.contact.clone(),
            version_label: row.version_label.clone(),
            sections: section_views,
            footnotes,
            whole_draft_responses: counts.get(&None).copied().unwrap_or(0),
        }))
    }

    async fn responses(
        &self,
        slug: &str,
        block: Option<&str>,
        page: u32,
    ) -> Result<Option<ResponsePage>, BackendError> {
        let pool = &self.db.pool;
        let Some(row) = hearing_db::by_slug(pool, slug).await.map_err(fail)? else {
            return Ok(None);
        };
        let block_id = match block {
            Some(number) => match hearing_db::block_by_number(pool, row.version_id, number)
                .await
                .map_err(fail)?
            {
                Some(b) => Some(b.block_id),
                None => return Ok(None),
            },
            None => None,
        };
        let page = page.max(1);
        let (total, rows) =
            response_db::public_page(pool, row.id, block_id.as_deref(), page, PUBLIC_PAGE_SIZE)
                .await
                .map_err(fail)?;
        Ok(Some(ResponsePage {
            total,
            page,
            per_page: PUBLIC_PAGE_SIZE,
            responses: rows.into_iter().map(public_response).collect(),
        }))
    }

    async fn receipt(&self, token: &str) -> Result<Option<ReceiptView>, BackendError> {
        let pool = &self.db.pool;
        // Tokens are 64 hex characters; anything else cannot match and is not looked up.
        if token.len() != 64 || !token.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Ok(None);
        }
        let Some(r) = response_db::by_receipt_token(pool, token)
            .await
            .map_err(fail)?
        else {
            return Ok(None);
        };
        let hearing: Option<(String, String)> = sqlx::query_as(
            "SELECT h.slug, p.title FROM hearings h JOIN policies p ON p.id = h.policy_id WHERE h.id = $1",
        )
        .bind(r.hearing_id)
        .fetch_optional(pool)
        .await
        .map_err(fail)?;
        let (hearing_slug, hearing_title) = hearing.unwrap_or_default();
        Ok(Some(ReceiptView {
            receipt_number: receipt_number(r.id, r.created_at),
            hearing_slug,
            hearing_title,
            received_at: local_datetime(r.created_at),
            block_number: r.block_number,
            text: r.text,
            name: r.name,
            email: r.email,
            sender_kind: r.sender_kind,
            organisation: r.organisation,
            publication: r.publication,
        }))
    }

    async fn current_user(
        &self,
        request: &http::request::Parts,
    ) -> Result<Option<CurrentUser>, BackendError> {
        let Some(token) = cookie_value(&request.headers, SESSION_COOKIE) else {
            return Ok(None);
        };
        let session = find_session(&self.db.pool, token).await.map_err(fail)?;
        Ok(session.map(|s| CurrentUser {
            email: s.user.email,
            role: s.user.role.as_str().to_string(),
            csrf: s.csrf,
        }))
    }

    async fn latest_text(&self, slug: &str) -> Result<Option<(i64, String)>, BackendError> {
        sqlx::query_as(
            "SELECT v.number, v.markdown FROM versions v JOIN hearings h ON h.policy_id = v.policy_id
             WHERE h.slug = $1 ORDER BY v.number DESC LIMIT 1",
        )
        .bind(slug)
        .fetch_optional(&self.db.pool)
        .await
        .map_err(fail)
    }

    async fn admin_hearings(&self) -> Result<Vec<AdminHearingCard>, BackendError> {
        let pool = &self.db.pool;
        let rows = hearing_db::list(pool).await.map_err(fail)?;
        let mut out = Vec::with_capacity(rows.len());
        for row in rows {
            let (pending, published, withheld) = response_db::status_counts(pool, row.id)
                .await
                .map_err(fail)?;
            out.push(AdminHearingCard {
                card: card(&row),
                pending,
                published,
                withheld,
            });
        }
        Ok(out)
    }

    async fn admin_hearing(
        &self,
        slug: &str,
        status: Option<&str>,
        page: u32,
    ) -> Result<Option<AdminHearingView>, BackendError> {
        let pool = &self.db.pool;
        let Some(row) = hearing_db::by_slug(pool, slug).await.map_err(fail)? else {
            return Ok(None);
        };
        let status = status.and_then(Status::parse);
        let (pending, published, withheld) = response_db::status_counts(pool, row.id)
            .await
            .map_err(fail)?;
        let page = page.max(1);
        let (total, rows) = response_db::admin_page(pool, row.id, status, page, ADMIN_PAGE_SIZE)
            .await
            .map_err(fail)?;
        Ok(Some(AdminHearingView {
            card: AdminHearingCard {
                card: card(&row),
                pending,
                published,
                withheld,
            },
            status_filter: status.map(|s| s.as_str().to_string()),
            total,
            page,
            per_page: ADMIN_PAGE_SIZE,
            responses: rows
                .into_iter()
                .map(|r| AdminResponse {
                    id: r.id,
                    receipt_number: receipt_number(r.id, r.created_at),
                    received_at: local_datetime(r.created_at),
                    block_number: r.block_number,
                    text: r.text,
                    name: r.name,
                    email: r.email,
                    sender_kind: r.sender_kind,
                    organisation: r.organisation,
                    publication: r.publication,
                    status: r.status,
                })
                .collect(),
        }))
    }
}
