//! Versions of a policy's text: each new version's blocks are matched to the previous version's
//! once, when it is added, so they keep their durable ids; where every response stands in the
//! new version is stored with it. Earlier versions never change.

pub mod api;
pub mod db;
pub mod forms;
pub mod pages;

use crate::backend::fail;
use crate::db::Db;
use crate::hearing::db::HearingRow;
use app::backend::BackendError;
use app::version::VersionInfo;
use db::VersionRow;

/// Every version of a hearing's policy, oldest first, the hearing's own marked.
pub async fn versions_of(db: &Db, row: &HearingRow) -> Result<Vec<VersionInfo>, BackendError> {
    let rows = db::versions_of_policy(&db.pool, row.policy_id)
        .await
        .map_err(fail)?;
    Ok(rows.into_iter().map(|v| info(&v, row)).collect())
}

pub(crate) fn info(v: &VersionRow, row: &HearingRow) -> VersionInfo {
    VersionInfo {
        number: v.number,
        label: v.label.clone(),
        note: v.note.clone(),
        hearing_version: v.id == row.version_id,
    }
}
