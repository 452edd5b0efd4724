//! The hearings in the open-data API: every hearing, and one with its blocks.

use super::db as hearing_db;
use super::pages::card;
use crate::state::AppState;
use crate::web::api_errors::{ApiResult, found, read};
use axum::Json;
use axum::extract::{Path, State};
use axum::response::IntoResponse;
use hoering::calendar::rfc3339;
use serde::Serialize;

#[derive(Serialize, utoipa::ToSchema)]
pub struct HearingSummary {
    slug: String,
    title: String,
    committee: String,
    state: hoering::hearing::HearingState,
    /// RFC 3339, UTC.
    opens_at: String,
    /// RFC 3339, UTC.
    closes_at: String,
    /// The last day to respond, in Copenhagen.
    deadline: String,
    /// Every published response, høringssvar and meeting input alike.
    published_responses: i64,
    /// Of `published_responses`, the input from dialogue meetings.
    published_meeting_input: i64,
    /// The hearing's page, relative to the site.
    url: String,
}

pub fn summary(row: &hearing_db::HearingRow) -> HearingSummary {
    let c = card(row);
    HearingSummary {
        slug: c.slug.clone(),
        title: c.title,
        committee: c.committee,
        state: c.state,
        opens_at: rfc3339(row.opens_at),
        closes_at: rfc3339(row.closes_at),
        deadline: c.closes.to_string(),
        published_responses: c.published.total(),
        published_meeting_input: c.published.meeting_input,
        url: format!("/hoeringer/{}", c.slug),
    }
}

/// Every hearing, upcoming, open and closed.
#[utoipa::path(
    get,
    path = "/api/v1/hearings",
    tag = "hearings",
    responses(
        (status = 200, description = "Every hearing", body = [HearingSummary]),
        (status = 500, description = "The database failed", body = crate::web::api_errors::ApiError),
    )
)]
pub async fn hearings(State(state): State<AppState>) -> ApiResult {
    let rows = read(hearing_db::list(&state.db.pool).await)?;
    Ok(Json(rows.iter().map(summary).collect::<Vec<_>>()).into_response())
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct HearingDetail {
    #[serde(flatten)]
    summary: HearingSummary,
    contact: String,
    version: VersionInfo,
    blocks: Vec<ApiBlock>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct VersionInfo {
    label: String,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct ApiBlock {
    /// The block's durable id: it stays with the text through later versions.
    id: String,
    /// The citable number: `2.3`, `3.3.1` for a list item, `n1` for a footnote.
    number: String,
    /// paragraph, listitem, table, blockquote, code or footnote.
    kind: String,
    section: Option<i64>,
    text: String,
}

/// One hearing with the blocks of the text it runs on.
#[utoipa::path(
    get,
    path = "/api/v1/hearings/{slug}",
    tag = "hearings",
    params(("slug" = String, Path, description = "The hearing's address")),
    responses(
        (status = 200, description = "The hearing", body = HearingDetail),
        (status = 404, description = "No such hearing", body = crate::web::api_errors::ApiError),
        (status = 500, description = "The database failed", body = crate::web::api_errors::ApiError),
    )
)]
pub async fn hearing(State(state): State<AppState>, Path(slug): Path<String>) -> ApiResult {
    let pool = &state.db.pool;
    let row = found(hearing_db::by_slug(pool, &slug).await)?;
    let blocks = read(hearing_db::blocks(pool, row.version_id).await)?;
    Ok(Json(HearingDetail {
        summary: summary(&row),
        contact: row.contact.clone(),
        version: VersionInfo {
            label: row.version_label.clone(),
        },
        blocks: blocks
            .into_iter()
            .map(|b| ApiBlock {
                id: b.block_id,
                number: b.number,
                kind: b.kind,
                section: b.section_number,
                text: b.text,
            })
            .collect(),
    })
    .into_response())
}
