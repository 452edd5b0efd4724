//! Staff forms that carry a draft (a new hearing, a new version): the Markdown comes pasted or
//! as an uploaded file, and the form is read only after the session, role and CSRF token pass.

use crate::auth::{Permission, Staff};
use crate::web::error::WebError;
use axum::extract::Multipart;
use std::collections::BTreeMap;

/// A staff form with a draft: its fields, the Markdown (an uploaded file wins over the pasted
/// text), and the error if the file was not UTF-8.
pub struct StaffDraft {
    pub fields: BTreeMap<String, String>,
    pub markdown: String,
    pub errors: BTreeMap<String, String>,
    /// Who sent it, for the journal.
    pub actor: crate::policy::db::Actor,
}

impl StaffDraft {
    pub fn get(&self, k: &str) -> String {
        self.fields.get(k).cloned().unwrap_or_default()
    }
}

async fn read_multipart(
    mut multipart: Multipart,
) -> Result<(BTreeMap<String, String>, Option<Vec<u8>>), WebError> {
    let mut fields: BTreeMap<String, String> = BTreeMap::new();
    let mut file: Option<Vec<u8>> = None;
    let refused = |e: axum::extract::multipart::MultipartError| WebError::Refused {
        status: e.status(),
        message: app::messages::Message::TooLarge,
    };
    while let Some(field) = multipart.next_field().await.map_err(refused)? {
        let name = field.name().unwrap_or_default().to_string();
        let bytes = field.bytes().await.map_err(refused)?;
        if name == "file" {
            if !bytes.is_empty() {
                file = Some(bytes.to_vec());
            }
        } else {
            fields.insert(name, String::from_utf8_lossy(&bytes).into_owned());
        }
    }
    Ok((fields, file))
}

/// Checks the session may do `what`, then reads the form.
pub async fn read_staff_draft(
    staff: Staff,
    multipart: Multipart,
    what: Permission,
) -> Result<StaffDraft, WebError> {
    let session = staff.may(what)?;
    let (fields, file) = read_multipart(multipart).await?;
    let get = |k: &str| fields.get(k).cloned().unwrap_or_default();
    let mut errors = BTreeMap::new();
    let markdown = match file.map(String::from_utf8) {
        Some(Ok(text)) => text,
        Some(Err(_)) => {
            errors.insert("markdown".to_string(), "invalid".to_string());
            get("markdown")
        }
        None => get("markdown"),
    };
    Ok(StaffDraft {
        fields,
        markdown,
        errors,
        actor: crate::policy::db::Actor::of(&session.user),
    })
}
