//! Reading a form with files as it streams in: text fields into memory (capped together), each
//! file into a temporary file of the store while its SHA-256 is computed, so a 25 MB letter
//! never sits whole in memory. A file over the limit is read to its end and dropped, so the
//! browser gets the form back with the message rather than a broken connection.

use super::store::{Store, Temp};
use axum::extract::Multipart;
use hoering::attachment::{
    Container, FileError, FileKind, MAX_BYTES, MAX_FILES, kind_of_ole, kind_of_zip, sniff,
};
use sha2::{Digest, Sha256};
use std::io::{Read, Seek, Write};

/// A file as received, before it is known to be a kind that is taken.
#[derive(Debug)]
pub struct Incoming {
    /// The name the browser sent (a path, perhaps, or nothing).
    pub sent_name: String,
    pub temp: Temp,
    pub size: u64,
    pub sha256: String,
}

/// A form's text fields, its files, and the first thing wrong with the files.
#[derive(Debug, Default)]
pub struct Received {
    pub fields: Vec<(String, String)>,
    pub files: Vec<Incoming>,
    pub refused: Option<FileError>,
}

#[derive(Debug, thiserror::Error)]
pub enum ReceiveError {
    /// The body broke off, or was not a multipart body.
    #[error("the form could not be read")]
    Body(#[source] axum::extract::multipart::MultipartError),
    /// The text fields together are larger than any form of ours.
    #[error("the form's text fields are larger than {0} bytes")]
    FieldsTooLarge(usize),
    #[error("the file could not be written to the store")]
    Store(#[from] std::io::Error),
    /// Nothing arrived for [`IDLE`]: a connection gone quiet mid-form is let go.
    #[error("the form stopped arriving for {0:?}")]
    Stalled(std::time::Duration),
}

/// How long a form may go without a byte arriving. Generous for a phone on a poor network
/// (which sends something every few seconds); a client that stops sending holds nothing
/// longer than this.
pub const IDLE: std::time::Duration = std::time::Duration::from_secs(30);

/// The next part of the body, or [`ReceiveError::Stalled`] when none comes within [`IDLE`].
async fn within<T>(
    part: impl std::future::Future<Output = Result<T, axum::extract::multipart::MultipartError>>,
) -> Result<T, ReceiveError> {
    tokio::time::timeout(IDLE, part)
        .await
        .map_err(|_| ReceiveError::Stalled(IDLE))?
        .map_err(ReceiveError::Body)
}

/// Reads a multipart form whose files come under `file_field`; the text fields may hold
/// `max_field_bytes` together.
pub async fn read(
    mut multipart: Multipart,
    store: &Store,
    file_field: &str,
    max_field_bytes: usize,
) -> Result<Received, ReceiveError> {
    let mut received = Received::default();
    let mut field_bytes = 0usize;
    while let Some(mut field) = within(multipart.next_field()).await? {
        let name = field.name().unwrap_or_default().to_string();
        if name != file_field {
            let mut value = Vec::new();
            while let Some(chunk) = within(field.chunk()).await? {
                field_bytes += chunk.len();
                if field_bytes > max_field_bytes {
                    return Err(ReceiveError::FieldsTooLarge(max_field_bytes));
                }
                value.extend_from_slice(&chunk);
            }
            received
                .fields
                .push((name, String::from_utf8_lossy(&value).into_owned()));
            continue;
        }
        let sent_name = field.file_name().unwrap_or_default().to_string();
        // A form whose file field was left empty still sends the field, nameless and empty.
        let mut temp = None;
        let mut hash = Sha256::new();
        let mut size = 0u64;
        let mut over = received.files.len() >= MAX_FILES || received.refused.is_some();
        while let Some(chunk) = within(field.chunk()).await? {
            size += chunk.len() as u64;
            if size > MAX_BYTES {
                over = true;
                received.refused.get_or_insert(FileError::TooLarge);
            }
            if over {
                temp = None;
                continue;
            }
            if temp.is_none() {
                temp = Some(store.temp()?);
            }
            if let Some(t) = temp.as_mut() {
                hash.update(&chunk);
                t.write_all(&chunk)?;
            }
        }
        if size == 0 && sent_name.is_empty() {
            continue;
        }
        if received.files.len() >= MAX_FILES {
            received.refused.get_or_insert(FileError::TooMany);
            continue;
        }
        if size == 0 {
            received.refused.get_or_insert(FileError::Empty);
            continue;
        }
        if let Some(temp) = temp {
            received.files.push(Incoming {
                sent_name,
                temp,
                size,
                sha256: hex(&hash.finalize()),
            });
        }
    }
    Ok(received)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The kind of a received file by its content (off the async threads: an OLE file is read
/// through, a zip's directory is read); `Err(FileError::Kind)` for anything not taken.
pub fn kind_of(incoming: &mut Incoming) -> Result<FileKind, FileError> {
    let file = incoming.temp.as_file_mut();
    let mut head = [0u8; 8];
    let kind = (|| -> std::io::Result<Option<FileKind>> {
        file.rewind()?;
        file.read_exact(&mut head)?;
        file.rewind()?;
        Ok(match sniff(&head) {
            Container::Kind(kind) => Some(kind),
            Container::Zip => {
                let Ok(mut zip) = zip::ZipArchive::new(&mut *file) else {
                    return Ok(None);
                };
                let names: Vec<String> = zip
                    .file_names()
                    .filter_map(|n| n.ok().map(|n| n.into_owned()))
                    .collect();
                let mimetype = match zip.by_name("mimetype") {
                    Ok(part) => {
                        let mut text = String::new();
                        // The part is one short line; a larger one is not an ODF package's.
                        let _ = part.take(200).read_to_string(&mut text);
                        Some(text)
                    }
                    Err(_) => None,
                };
                kind_of_zip(names.iter().map(String::as_str), mimetype.as_deref())
            }
            Container::Ole => {
                let mut bytes = Vec::new();
                file.take(MAX_BYTES).read_to_end(&mut bytes)?;
                kind_of_ole(&bytes)
            }
            Container::Other => None,
        })
    })();
    let _ = file.rewind();
    // A file too short to have a head is no document either.
    kind.ok().flatten().ok_or(FileError::Kind)
}
