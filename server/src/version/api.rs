//! Versions in the open-data API: every version of a hearing's policy, and one version's
//! blocks with the provenance stored when it was added.

use super::db as version_db;
use crate::hearing::db as hearing_db;
use crate::state::AppState;
use crate::web::api_errors::{ApiResult, ApiStop, found, read};
use axum::Json;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::response::IntoResponse;
use hoering::calendar::rfc3339;
use serde::Serialize;

#[derive(Serialize, utoipa::ToSchema)]
pub struct ApiVersion {
    number: i64,
    label: String,
    note: String,
    /// RFC 3339, UTC.
    created_at: String,
    /// Whether this is the text the hearing ran on.
    hearing_version: bool,
}

/// Every version of the hearing's policy.
#[utoipa::path(
    get,
    path = "/api/v1/hearings/{slug}/versions",
    tag = "versions",
    params(("slug" = String, Path, description = "The hearing's address")),
    responses(
        (status = 200, description = "The versions, oldest first", body = [ApiVersion]),
        (status = 404, description = "No such hearing", body = crate::web::api_errors::ApiError),
        (status = 500, description = "The database failed", body = crate::web::api_errors::ApiError),
    )
)]
pub async fn versions(State(state): State<AppState>, Path(slug): Path<String>) -> ApiResult {
    let pool = &state.db.pool;
    let hearing = found(hearing_db::by_slug(pool, &slug).await)?;
    let rows = read(version_db::versions_of_policy(pool, hearing.policy_id).await)?;
    Ok(Json(
        rows.into_iter()
            .map(|v| ApiVersion {
                number: v.number,
                label: v.label,
                note: v.note,
                created_at: rfc3339(v.created_at),
                hearing_version: v.id == hearing.version_id,
            })
            .collect::<Vec<_>>(),
    )
    .into_response())
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct ApiProvenance {
    /// unchanged, edited, moved, split_from, merged_from or new.
    kind: String,
    /// The previous version's block ids this block came from.
    from: Vec<String>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct ApiVersionBlock {
    id: String,
    number: String,
    kind: String,
    section: Option<i64>,
    text: String,
    provenance: ApiProvenance,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct ApiVersionDetail {
    number: i64,
    label: String,
    note: String,
    blocks: Vec<ApiVersionBlock>,
    /// Blocks of the previous version whose text this version removed.
    removed: Vec<String>,
}

/// One version's blocks, each with where it came from in the version before.
#[utoipa::path(
    get,
    path = "/api/v1/hearings/{slug}/versions/{number}",
    tag = "versions",
    params(
        ("slug" = String, Path, description = "The hearing's address"),
        ("number" = i64, Path, description = "The version's number, from 1"),
    ),
    responses(
        (status = 200, description = "The version", body = ApiVersionDetail),
        (status = 400, description = "The number is not a whole number", body = crate::web::api_errors::ApiError),
        (status = 404, description = "No such hearing or version", body = crate::web::api_errors::ApiError),
        (status = 500, description = "The database failed", body = crate::web::api_errors::ApiError),
    )
)]
pub async fn version(
    State(state): State<AppState>,
    path: Result<Path<(String, i64)>, PathRejection>,
) -> ApiResult {
    let Ok(Path((slug, number))) = path else {
        return Err(ApiStop::Invalid("invalid_path"));
    };
    let pool = &state.db.pool;
    let hearing = found(hearing_db::by_slug(pool, &slug).await)?;
    let version = found(version_db::by_number(pool, hearing.policy_id, number).await)?;
    let (label, note) = (version.label, version.note);
    let blocks = read(version_db::blocks_with_provenance(pool, version.id).await)?;
    let removed = read(version_db::removed_blocks(pool, version.id).await)?;
    Ok(Json(ApiVersionDetail {
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
    .into_response())
}
