//! Downloading an attachment, and a clerk withholding one from the public. A file is always
//! sent as a download under its kind's own media type, never shown in the page: whatever a
//! sender put in it (a script in a PDF, HTML dressed as a Word file) cannot run on our origin.

use super::db as attachment_db;
use super::store::Store;
use crate::auth::{Permission, Staff};
use crate::state::AppState;
use crate::web::error::{WebError, WebResult, one_error};
use crate::web::form::{Form, Line};
use crate::web::redirect::{safe_target, see_other};
use axum::body::Body;
use axum::extract::{Path, State};
use axum::response::IntoResponse;
use http::{HeaderValue, header};
use serde::{Deserialize, Serialize};

/// A sandbox with nothing allowed, for a browser that opens the file anyway.
const FILE_CSP: &str = "default-src 'none'; sandbox";

/// `GET /filer/{id}/{name}`: a file the public may see (see `hoering::attachment::is_shown`).
pub async fn public(
    State(state): State<AppState>,
    Path((id, _name)): Path<(i64, String)>,
) -> WebResult {
    let row = attachment_db::by_id(&state.db.pool, id).await?;
    match row {
        // Revalidated every time: a file a clerk withholds is gone from every cache at once.
        Some(row) if row.is_shown() => send_file(&state, &row.file, "no-cache").await,
        _ => Err(WebError::not_found()),
    }
}

/// `GET /admin/filer/{id}/{name}`: any file, for clerks (not scanned ones included: the page
/// says so beside the link).
pub async fn staff(
    State(state): State<AppState>,
    Path((id, _name)): Path<(i64, String)>,
    staff: Staff,
) -> WebResult {
    staff.may(Permission::ReadAdmin)?;
    match attachment_db::by_id(&state.db.pool, id).await? {
        Some(row) => send_file(&state, &row.file, "no-store").await,
        None => Err(WebError::not_found()),
    }
}

/// A kept file (an attachment or a document) as a download under its name: its kind's media
/// type, `attachment`, a sandbox.
pub async fn send_file(
    state: &AppState,
    stored: &attachment_db::FileColumns,
    cache: &'static str,
) -> WebResult {
    let kind = stored.kind().ok_or_else(WebError::not_found)?;
    let sha256 = stored.sha256.as_str();
    let path = Store::new(&state.files.folder)
        .path_of(sha256)
        .ok_or_else(WebError::not_found)?;
    let file = match tokio::fs::File::open(&path).await {
        Ok(file) => file,
        Err(e) => {
            tracing::error!(error = %e, %sha256, "a recorded file is missing from the store");
            return Err(WebError::not_found());
        }
    };
    let mut res = Body::from_stream(tokio_util::io::ReaderStream::new(file)).into_response();
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(kind.content_type()),
    );
    if let Ok(v) = HeaderValue::from_str(&disposition(&stored.name)) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    if let Ok(v) = HeaderValue::from_str(&stored.size.to_string()) {
        h.insert(header::CONTENT_LENGTH, v);
    }
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(FILE_CSP),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    Ok(res)
}

/// `attachment; filename="ASCII fallback"; filename*=UTF-8''percent-encoded` (RFC 6266).
pub fn disposition(name: &str) -> String {
    let fallback: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_graphic() && c != '"' && c != '\\' || c == ' ' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let encoded: String = name
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect();
    format!("attachment; filename=\"{fallback}\"; filename*=UTF-8''{encoded}")
}

#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct WithholdForm {
    /// Why the file is kept from the public (required to withhold).
    reason: Line,
    /// `release` to show it again.
    action: Line,
    back: String,
}

/// `POST /admin/filer/{id}`: withhold a file from the public with a reason, or release it.
pub async fn withhold(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    staff: Staff,
    Form(form): Form<WithholdForm>,
) -> WebResult {
    let session = staff.may(Permission::Moderate)?;
    let pool = &state.db.pool;
    let row = attachment_db::by_id(pool, id)
        .await?
        .ok_or_else(WebError::not_found)?;
    let back = safe_target(&form.back)
        .map(str::to_string)
        .unwrap_or_else(|| "/admin".to_string());
    let release = form.action.as_str() == "release";
    let reason = form.reason.as_str();
    let again = |code| {
        WebError::refused(&back, &form, one_error(&format!("withhold-{id}"), code))
            .with_value("response", row.response_id.to_string())
    };
    if !release && reason.is_empty() {
        return Err(again("required"));
    }
    if reason.chars().count() > 2_000 {
        return Err(again("too_long"));
    }
    let mut tx = crate::db::begin_write(pool).await?;
    attachment_db::set_withheld(&mut tx, id, (!release).then_some(reason)).await?;
    let mut entry = crate::journal::Entry::response(
        session.user.id,
        if release {
            crate::journal::Action::AttachmentReleased
        } else {
            crate::journal::Action::AttachmentWithheld
        },
        row.response_id,
    );
    entry.after = Some(row.file.name.clone());
    crate::journal::db::write(&mut tx, &entry).await?;
    tx.commit().await?;
    Ok(see_other(&format!("{back}#r-{}", row.response_id)))
}
