//! The read-only open-data API under `/api/v1`: hearings, their blocks, and their published
//! responses as consent allows. Never an e-mail address; names only where the sender agreed.

use crate::backend::{card, public_response};
use crate::hearing::db as hearing_db;
use crate::response::db as response_db;
use crate::web::AppState;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use http::StatusCode;
use serde::{Deserialize, Serialize};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/hearings", get(hearings))
        .route("/hearings/{slug}", get(hearing))
        .route("/hearings/{slug}/responses", get(responses))
        .route("/hearings/{slug}/versions", get(versions))
        .route("/hearings/{slug}/versions/{number}", get(version))
}

#[derive(Serialize)]
struct ApiError {
    error: &'static str,
}

fn not_found() -> Response {
    (StatusCode::NOT_FOUND, Json(ApiError { error: "not_found" })).into_response()
}

fn internal(err: sqlx::Error) -> Response {
    tracing::error!(error = ?err, "API query failed");
    (
        StatusCode::INTERNAL_SERVER_ERROR,
        Json(ApiError { error: "internal" }),
    )
        .into_response()
}

#[derive(Serialize)]
struct HearingSummary {
    slug: String,
    title: String,
    committee: String,
    state: app::model::HearingState,
    opens_at: String,
    closes_at: String,
    /// The last day to respond, in Copenhagen.
    deadline: String,
    published_responses: i64,
    url: String,
}

fn summary(row: &hearing_db::HearingRow) -> HearingSummary {
    let c = card(row);
    HearingSummary {
        slug: c.slug.clone(),
        title: c.title,
        committee: c.committee,
        state: c.state,
        opens_at: crate::time::rfc3339(row.opens_at),
        closes_at: crate::time::rfc3339(row.closes_at),
        deadline: c.closes,
        published_responses: c.published_responses,
        url: format!("/hoeringer/{}", c.slug),
    }
}

async fn hearings(State(state): State<AppState>) -> Response {
    match hearing_db::list(&state.db.pool).await {
        Ok(rows) => Json(rows.iter().map(summary).collect::<Vec<_>>()).into_response(),
        Err(e) => internal(e),
    }
}

#[derive(Serialize)]
struct HearingDetail {
    #[serde(flatten)]
    summary: HearingSummary,
    contact: String,
    version: VersionInfo,
    blocks: Vec<ApiBlock>,
}

#[derive(Serialize)]
struct VersionInfo {
    label: String,
}

#[derive(Serialize)]
struct ApiBlock {
    id: String,
    number: String,
    kind: String,
    section: Option<i64>,
    text: String,
}

async fn hearing(State(state): State<AppState>, Path(slug): Path<String>) -> Response {
    let pool = &state.db.pool;
    let row = match hearing_db::by_slug(pool, &slug).await {
        Ok(Some(r)) => r,
        Ok(None) => return not_found(),
        Err(e) => return internal(e),
    };
    let blocks = match hearing_db::blocks(pool, row.version_id).await {
        Ok(b) => b,
        Err(e) => return internal(e),
    };
    Json(HearingDetail {
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
    .into_response()
}

#[derive(Deserialize)]
struct PageQuery {
    page: Option<u32>,
    per_page: Option<u32>,
}

#[derive(Serialize)]
struct ResponseList {
    total: i64,
    page: u32,
    per_page: u32,
    responses: Vec<app::model::PublicResponse>,
}

async fn responses(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    Query(q): Query<PageQuery>,
) -> Response {
    let pool = &state.db.pool;
    let row = match hearing_db::by_slug(pool, &slug).await {
        Ok(Some(r)) => r,
        Ok(None) => return not_found(),
        Err(e) => return internal(e),
    };
    let page = q.page.unwrap_or(1).max(1);
    let per_page = q.per_page.unwrap_or(100).clamp(1, 500);
    match response_db::public_all(pool, row.id, page, per_page).await {
        Ok((total, rows)) => Json(ResponseList {
            total,
            page,
            per_page,
            responses: rows.into_iter().map(public_response).collect(),
        })
        .into_response(),
        Err(e) => internal(e),
    }
}

#[derive(Serialize)]
struct ApiVersion {
    number: i64,
    label: String,
    note: String,
    created_at: String,
    /// Whether this is the text the hearing ran on.
    hearing_version: bool,
}

/// The hearing's policy id and the version the hearing ran on.
async fn policy_of(pool: &sqlx::AnyPool, slug: &str) -> Result<Option<(i64, i64)>, sqlx::Error> {
    sqlx::query_as("SELECT policy_id, version_id FROM hearings WHERE slug = $1")
        .bind(slug)
        .fetch_optional(pool)
        .await
}

async fn versions(State(state): State<AppState>, Path(slug): Path<String>) -> Response {
    let pool = &state.db.pool;
    let (policy_id, hearing_version) = match policy_of(pool, &slug).await {
        Ok(Some(p)) => p,
        Ok(None) => return not_found(),
        Err(e) => return internal(e),
    };
    match crate::version::db::versions_of_policy(pool, policy_id).await {
        Ok(rows) => Json(
            rows.into_iter()
                .map(|v| ApiVersion {
                    number: v.number,
                    label: v.label,
                    note: v.note,
                    created_at: crate::time::rfc3339(v.created_at),
                    hearing_version: v.id == hearing_version,
                })
                .collect::<Vec<_>>(),
        )
        .into_response(),
        Err(e) => internal(e),
    }
}

#[derive(Serialize)]
struct ApiProvenance {
    /// unchanged, edited, moved, split_from, merged_from or new.
    kind: String,
    /// The previous version's block ids this block came from.
    from: Vec<String>,
}

#[derive(Serialize)]
struct ApiVersionBlock {
    id: String,
    number: String,
    kind: String,
    section: Option<i64>,
    text: String,
    provenance: ApiProvenance,
}

#[derive(sqlx::FromRow)]
struct VersionBlockRow {
    block_id: String,
    number: String,
    kind: String,
    section_number: Option<i64>,
    text: String,
    provenance: String,
    origin: String,
}

#[derive(Serialize)]
struct ApiVersionDetail {
    number: i64,
    label: String,
    note: String,
    blocks: Vec<ApiVersionBlock>,
    /// Blocks of the previous version whose text this version removed.
    removed: Vec<String>,
}

async fn version(
    State(state): State<AppState>,
    Path((slug, number)): Path<(String, i64)>,
) -> Response {
    let pool = &state.db.pool;
    let (policy_id, _) = match policy_of(pool, &slug).await {
        Ok(Some(p)) => p,
        Ok(None) => return not_found(),
        Err(e) => return internal(e),
    };
    let row: Option<(i64, String, String)> = match sqlx::query_as(
        "SELECT id, label, note FROM versions WHERE policy_id = $1 AND number = $2",
    )
    .bind(policy_id)
    .bind(number)
    .fetch_optional(pool)
    .await
    {
        Ok(r) => r,
        Err(e) => return internal(e),
    };
    let Some((version_id, label, note)) = row else {
        return not_found();
    };
    let blocks: Vec<VersionBlockRow> = match sqlx::query_as(
        "SELECT block_id, number, kind, section_number, text, provenance, origin FROM blocks
         WHERE version_id = $1 ORDER BY position",
    )
    .bind(version_id)
    .fetch_all(pool)
    .await
    {
        Ok(b) => b,
        Err(e) => return internal(e),
    };
    let removed: Vec<String> = match sqlx::query_scalar(
        "SELECT block_id FROM removed_blocks WHERE version_id = $1 ORDER BY block_id",
    )
    .bind(version_id)
    .fetch_all(pool)
    .await
    {
        Ok(r) => r,
        Err(e) => return internal(e),
    };
    Json(ApiVersionDetail {
        number,
        label,
        note,
        blocks: blocks
            .into_iter()
            .map(|b| ApiVersionBlock {
                id: b.block_id,
                number: b.number,
                kind: b.kind,
                section: b.section_number,
                text: b.text,
                provenance: ApiProvenance {
                    kind: b.provenance,
                    from: b.origin.split_whitespace().map(str::to_string).collect(),
                },
            })
            .collect(),
        removed,
    })
    .into_response()
}
