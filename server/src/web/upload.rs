//! Staff forms that carry a draft (a new hearing, a new version): the Markdown comes pasted or
//! as an uploaded file, and the form is read only after the session, role and CSRF token pass.

use crate::auth::{Permission, Staff};
use crate::web::error::WebError;
use axum::extract::Multipart;
use std::collections::BTreeMap;

/// A staff form with a draft: its fields, the Markdown (an uploaded file wins over the pasted
/// text: Markdown, or a Word or LibreOffice document made into Markdown), and the error if the
/// file could not be read.
pub struct StaffDraft {
    pub fields: BTreeMap<String, String>,
    pub markdown: String,
    pub errors: BTreeMap<String, String>,
    /// For a Word or LibreOffice file: what it held that the draft does not (the form shows
    /// the result as a preview before anything is stored).
    pub imported: Option<Vec<hoering::import::LeftOut>>,
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

/// An uploaded draft by its content: Markdown as it is, a .docx or .odt made into Markdown
/// (off the async threads: a large document takes a moment).
async fn read_file(
    bytes: Vec<u8>,
) -> Result<(String, Option<Vec<hoering::import::LeftOut>>), crate::import::ImportError> {
    use crate::import::{ImportError, Kind, sniff};
    match sniff(&bytes)? {
        Kind::Markdown => String::from_utf8(bytes)
            .map(|text| (text, None))
            .map_err(|_| ImportError::Unknown),
        Kind::Docx | Kind::Odt => tokio::task::spawn_blocking(move || crate::import::read(&bytes))
            .await
            .map_err(|e| ImportError::Damaged(e.to_string()))?
            .map(|imported| (imported.markdown, Some(imported.left_out))),
    }
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
    let mut imported = None;
    let markdown = match file {
        None => get("markdown"),
        Some(bytes) => match read_file(bytes).await {
            Ok((markdown, left_out)) => {
                imported = left_out;
                markdown
            }
            Err(e) => {
                tracing::info!(error = %e, "an uploaded draft was refused");
                errors.insert("file".to_string(), e.code().to_string());
                get("markdown")
            }
        },
    };
    Ok(StaffDraft {
        fields,
        markdown,
        errors,
        imported,
        actor: crate::policy::db::Actor::of(&session.user),
    })
}

/// Reads a form that may carry files: a multipart body (its files under `file_field` received
/// into the store as they stream in, its text fields within `text_limit` together), or a
/// URL-encoded one read with no more than `text_limit` bytes. Either way the text fields become
/// `T`; the files are `None` for a URL-encoded form.
pub async fn read_form_with_files<T: serde::de::DeserializeOwned>(
    state: &crate::state::AppState,
    headers: &http::HeaderMap,
    request: axum::extract::Request,
    file_field: &str,
    text_limit: usize,
) -> Result<(T, Option<crate::attachment::receive::Received>), WebError> {
    use crate::attachment::receive::{self, ReceiveError};
    use app::messages::Message;
    use axum::extract::FromRequest;
    use http::StatusCode;
    let too_large = || WebError::Refused {
        status: StatusCode::PAYLOAD_TOO_LARGE,
        message: Message::TooLarge,
    };
    let broken = |status| WebError::Refused {
        status,
        message: Message::BrokenForm,
    };
    let multipart = headers
        .get(http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|t| t.starts_with("multipart/form-data"));
    let (pairs, received) = if multipart {
        // Only a missing boundary fails here: the content type said multipart.
        let multipart = Multipart::from_request(request, state)
            .await
            .map_err(|_| broken(StatusCode::BAD_REQUEST))?;
        let store = crate::attachment::store::Store::new(&state.files.folder);
        let received = receive::read(multipart, &store, file_field, text_limit)
            .await
            .map_err(|e| match e {
                ReceiveError::Store(e) => WebError::from(e),
                ReceiveError::Stalled(idle) => {
                    tracing::info!(?idle, "a form stopped arriving");
                    WebError::Refused {
                        status: StatusCode::REQUEST_TIMEOUT,
                        message: Message::TimedOut,
                    }
                }
                ReceiveError::Body(e) => {
                    tracing::info!(error = %e, "a form could not be read");
                    match e.status() {
                        StatusCode::PAYLOAD_TOO_LARGE => too_large(),
                        status => broken(status),
                    }
                }
                ReceiveError::FieldsTooLarge(_) => too_large(),
            })?;
        (received.fields.clone(), Some(received))
    } else {
        // Without files a form is text only: read no more than its text may be.
        let body = axum::body::to_bytes(request.into_body(), text_limit)
            .await
            .map_err(|_| too_large())?;
        let pairs: Vec<(String, String)> = form_urlencoded::parse(&body).into_owned().collect();
        (pairs, None)
    };
    // Every field of our forms is text: this cannot fail on what a client sends.
    let form: T = crate::web::form::from_pairs(pairs)?;
    Ok((form, received))
}
