//! The clerk's next version of a hearing's text, pasted or uploaded; then what changed.

use crate::auth::Permission;
use crate::auth::Staff;
use crate::hearing::db as hearing_db;
use crate::state::AppState;
use crate::web::error::{WebError, WebResult};
use crate::web::redirect::see_other;
use crate::web::upload::read_staff_draft;
use app::forms::FormEcho;
use axum::extract::{Multipart, Path, State};
use hoering::hearing::parse_markdown;
use http::StatusCode;

pub async fn create_version(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    staff: Staff,
    multipart: Multipart,
) -> WebResult {
    create(&state, staff, &slug, multipart).await
}

async fn create(state: &AppState, staff: Staff, slug: &str, multipart: Multipart) -> WebResult {
    let page = format!("/admin/hoeringer/{slug}/version/ny");
    let draft = read_staff_draft(staff, multipart, Permission::AddVersion).await?;
    let mut errors = draft.errors.clone();
    if let Err(code) = parse_markdown(&draft.markdown) {
        errors
            .entry("markdown".to_string())
            .or_insert(code.to_string());
    }
    let label = draft.get("label").trim().to_string();
    if label.is_empty() {
        errors.insert("label".to_string(), "required".to_string());
    }
    // A draft read from Word is shown back first: the clerk checks it, then saves.
    if !errors.is_empty() || draft.imported.is_some() {
        let values = [
            ("label", label),
            ("note", draft.get("note")),
            ("markdown", draft.markdown.clone()),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect();
        let preview = draft
            .imported
            .clone()
            .map(|left_out| app::hearing::HearingPreview {
                title: String::new(),
                sections: Vec::new(),
                footnotes: Vec::new(),
                left_out: Some(left_out),
            });
        let status = if errors.is_empty() {
            StatusCode::OK
        } else {
            StatusCode::UNPROCESSABLE_ENTITY
        };
        let echo = FormEcho {
            values,
            errors,
            preview,
        };
        return Err(WebError::form(&page, echo, status));
    }
    let hearing = hearing_db::by_slug(&state.db.pool, slug)
        .await?
        .ok_or_else(WebError::not_found)?;
    let note = draft.get("note");
    let added = crate::version::db::add_version(
        &state.db.pool,
        &hearing.policy_slug,
        &label,
        note.trim(),
        &draft.markdown,
    )
    .await?;
    tracing::info!(hearing = %slug, version = added.number, "version added");
    Ok(see_other(&format!(
        "/hoeringer/{slug}/aendringer?til={}",
        added.number
    )))
}
