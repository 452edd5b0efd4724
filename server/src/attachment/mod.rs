//! Files sent with a høringssvar: received into a temporary file as they stream in (never held
//! whole in memory), known by their content, scanned for viruses by ClamAV, their text read in
//! a separate, limited process, and only then kept, named by their SHA-256, beside the
//! response that carries them.

pub mod db;
pub mod download;
pub mod read;
pub mod receive;
pub mod scan;
pub mod store;

use hoering::attachment::{FileKind, ScanState, TextState};
use std::path::PathBuf;

/// How this installation handles files (`HOERING_CLAMD`, `HOERING_FILES`).
#[derive(Debug, Clone)]
pub struct Settings {
    pub clamd: scan::Clamd,
    /// The folder files are kept in.
    pub folder: PathBuf,
    /// The program whose `read-text` command reads a file's text: this very binary, run again
    /// (so a document that crashes or exhausts the reader costs only that process).
    pub reader: PathBuf,
}

impl Settings {
    /// The running binary, for [`Settings::reader`].
    pub fn this_program() -> PathBuf {
        std::env::current_exe().unwrap_or_else(|_| PathBuf::from("hoering"))
    }
}

/// A file that has been received, scanned and read, and is kept in the store: what is recorded
/// beside its response.
#[derive(Debug, Clone)]
pub struct Kept {
    /// The name shown and downloaded under ([`hoering::attachment::file_name`]).
    pub name: String,
    pub kind: FileKind,
    pub size: i64,
    /// Lower-case hex: the file's name in the store, and the number the receipt shows.
    pub sha256: String,
    pub scan: ScanState,
    pub text_state: TextState,
    /// The text read out of it (empty unless `text_state` is `Read`).
    pub text: String,
}

/// Why received files were not taken.
#[derive(Debug, thiserror::Error)]
pub enum TakeError {
    /// The sender's to mend (or, for a scanner that is down, to send again later).
    #[error("files refused: {0}")]
    Refused(hoering::attachment::FileError),
    #[error("a file could not be checked or kept")]
    Io(#[from] std::io::Error),
}

/// Takes a form's received files: each known by its content, scanned, its text read, and kept
/// under its hash. The first problem refuses them all, and nothing is kept.
pub async fn take(
    settings: &Settings,
    received: receive::Received,
) -> Result<Vec<Kept>, TakeError> {
    use hoering::attachment::FileError;
    if let Some(refused) = received.refused {
        return Err(TakeError::Refused(refused));
    }
    let mut checked = Vec::with_capacity(received.files.len());
    for mut incoming in received.files {
        let (incoming, kind) = tokio::task::spawn_blocking(move || {
            let kind = receive::kind_of(&mut incoming);
            (incoming, kind)
        })
        .await
        .map_err(std::io::Error::other)?;
        checked.push((incoming, kind.map_err(TakeError::Refused)?));
    }
    let mut scans = Vec::with_capacity(checked.len());
    for (incoming, _) in &checked {
        let file = tokio::fs::File::open(incoming.temp.path()).await?;
        match scan::scan(&settings.clamd, file).await {
            Ok(Some(scan::Verdict::Clean)) => scans.push(ScanState::Clean),
            Ok(None) => scans.push(ScanState::NotScanned),
            Ok(Some(scan::Verdict::Infected(signature))) => {
                tracing::warn!(%signature, sha256 = %incoming.sha256, "a file with a virus was refused");
                return Err(TakeError::Refused(FileError::Infected));
            }
            Err(e) => {
                tracing::error!(error = %crate::report::chain(&e), "files could not be scanned; the response was refused");
                return Err(TakeError::Refused(FileError::ScanUnavailable));
            }
        }
    }
    let store = store::Store::new(&settings.folder);
    let mut kept = Vec::with_capacity(checked.len());
    for ((incoming, kind), scan) in checked.into_iter().zip(scans) {
        let (text_state, text) = read::text_of(&settings.reader, incoming.temp.path(), kind).await;
        let receive::Incoming {
            sent_name,
            temp,
            size,
            sha256,
        } = incoming;
        let store = store.clone();
        let hash = sha256.clone();
        tokio::task::spawn_blocking(move || store.keep(temp, &hash))
            .await
            .map_err(std::io::Error::other)??;
        kept.push(Kept {
            name: hoering::attachment::file_name(&sent_name, kind),
            kind,
            size: i64::try_from(size).unwrap_or(i64::MAX),
            sha256,
            scan,
            text_state,
            text,
        });
    }
    Ok(kept)
}

/// How a stored file is listed, downloading from `url`.
fn listed(file: &db::FileColumns, url: String) -> Option<app::response::AttachmentView> {
    Some(app::response::AttachmentView {
        name: file.name.clone(),
        kind: file.kind()?,
        size: file.size,
        sha256: file.sha256.clone(),
        url,
    })
}

/// What `view` makes of each row, gathered by response; a row it gives nothing for is left out.
fn by_response<T>(
    rows: Vec<db::AttachmentRow>,
    view: impl Fn(&db::AttachmentRow) -> Option<T>,
) -> std::collections::HashMap<i64, Vec<T>> {
    let mut by_response: std::collections::HashMap<i64, Vec<T>> = Default::default();
    for row in rows {
        if let Some(item) = view(&row) {
            by_response.entry(row.response_id).or_default().push(item);
        }
    }
    by_response
}

/// The files the public may see of each of these responses, by response.
pub async fn shown_of(
    pool: &sqlx::AnyPool,
    responses: &[i64],
) -> Result<std::collections::HashMap<i64, Vec<app::response::AttachmentView>>, sqlx::Error> {
    let rows = db::of_responses(pool, responses).await?;
    Ok(by_response(rows, |row| {
        if !row.is_shown() {
            return None;
        }
        listed(&row.file, app::routes::attachment(row.id, &row.file.name))
    }))
}

/// Every file of each of these responses as the clerk sees it, by response.
pub async fn for_staff_of(
    pool: &sqlx::AnyPool,
    responses: &[i64],
) -> Result<std::collections::HashMap<i64, Vec<app::moderation::AdminAttachment>>, sqlx::Error> {
    let rows = db::of_responses_for_staff(pool, responses).await?;
    Ok(by_response(rows, |row| {
        let file = listed(
            &row.file,
            app::routes::admin_attachment(row.id, &row.file.name),
        )?;
        Some(app::moderation::AdminAttachment {
            id: row.id,
            flags: hoering::privacy::detect(&row.file.text),
            scan: row.file.scan(),
            text_state: row.file.text_state(),
            shown: row.is_shown(),
            withheld_reason: row.withheld_reason.clone(),
            file,
        })
    }))
}

/// The files a sender's receipt lists: names, sizes and hashes, no addresses.
pub async fn on_receipt(
    pool: &sqlx::AnyPool,
    response: i64,
) -> Result<Vec<app::response::AttachmentView>, sqlx::Error> {
    Ok(db::of_responses(pool, &[response])
        .await?
        .iter()
        .filter_map(|row| listed(&row.file, String::new()))
        .collect())
}

/// A document (meeting minutes as a file) as the clerk's page lists it, downloading from `url`;
/// the personal-data check looks for `known_names` too.
pub fn document_for_staff(
    row: &db::DocumentRow,
    url: String,
    shown: bool,
    known_names: &[&str],
) -> Option<app::moderation::AdminAttachment> {
    Some(app::moderation::AdminAttachment {
        id: row.id,
        file: listed(&row.file, url)?,
        scan: row.file.scan(),
        text_state: row.file.text_state(),
        flags: hoering::privacy::detect_with_names(&row.file.text, known_names),
        withheld_reason: None,
        shown,
    })
}

/// A document as the public sees it, downloading from `url`: only once it was scanned.
pub fn document_for_public(
    row: &db::DocumentRow,
    url: String,
) -> Option<app::response::AttachmentView> {
    if row.file.scan() != ScanState::Clean {
        return None;
    }
    listed(&row.file, url)
}
