//! Versions in the open-data API: every version of a hearing's policy, and one version's
//! blocks with the provenance stored when it was added.

use super::db as version_db;
use crate::hearing::db as hearing_db;
use crate::web::AppState;
use crate::web::api::{internal, not_found};
use axum::Json;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use hoering::calendar::rfc3339;
use serde::Serialize;

#[derive(Serialize)]
struct ApiVersion {
    number: i64,
    label: String,
    note: String,
    created_at: String,
    /// Whether this is the text the hearing ran on.
    hearing_version: bool,
}

pub async fn versions(State(state): State<AppState>, Path(slug): Path<String>) -> Response {
    let pool = &state.db.pool;
    let (policy_id, hearing_version) = match hearing_db::by_slug(pool, &slug).await {
        Ok(Some(h)) => (h.policy_id, h.version_id),
        Ok(None) => return not_found(),
        Err(e) => return internal(e),
    };
    match version_db::versions_of_policy(pool, policy_id).await {
        Ok(rows) => Json(
            rows.into_iter()
                .map(|v| ApiVersion {
                    number: v.number,
                    label: v.label,
                    note: v.note,
                    created_at: rfc3339(v.created_at),
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

#[derive(Serialize)]
struct ApiVersionDetail {
    number: i64,
    label: String,
    note: String,
    blocks: Vec<ApiVersionBlock>,
    /// Blocks of the previous version whose text this version removed.
    removed: Vec<String>,
}

pub async fn version(
    State(state): State<AppState>,
    Path((slug, number)): Path<(String, i64)>,
) -> Response {
    let pool = &state.db.pool;
    let policy_id = match hearing_db::by_slug(pool, &slug).await {
        Ok(Some(h)) => h.policy_id,
        Ok(None) => return not_found(),
        Err(e) => return internal(e),
    };
    let version = match version_db::by_number(pool, policy_id, number).await {
        Ok(Some(v)) => v,
        Ok(None) => return not_found(),
        Err(e) => return internal(e),
    };
    let (label, note) = (version.label, version.note);
    let blocks = match version_db::blocks_with_provenance(pool, version.id).await {
        Ok(b) => b,
        Err(e) => return internal(e),
    };
    let removed = match version_db::removed_blocks(pool, version.id).await {
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
