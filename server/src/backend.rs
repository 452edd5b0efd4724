//! The app's [`Backend`]: turns database rows into the view models pages show, filtered for the
//! viewer (the public never sees an e-mail address or an unconsented name).

use crate::auth::{SESSION_COOKIE, cookie_value, db::find_session};
use crate::db::{Db, now};
use crate::hearing::db::{self as hearing_db, HearingRow};
use crate::response::db::{self as response_db, ResponseRow};
use crate::response::{ADMIN_PAGE_SIZE, PUBLIC_PAGE_SIZE, Status, receipt_number};
use crate::time::{local_date, local_datetime};
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
        text: row.text,
    }
}

#[async_trait::async_trait]
impl Backend for DbBackend {
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
        Ok(Some(HearingView {
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
