//! Reading the text of a PDF, .docx or .odt, for search and for the personal-data check. A
//! letter is whatever its sender's software made of it, and a PDF reader can loop or allocate
//! without end on a hostile file, so the reading runs in a process of its own (this binary's
//! `read-text` command), which limits its own memory and processor time before it reads a byte,
//! and which the server kills when it takes too long. A reader that fails costs that file's
//! text (marked as not read), never the server or the response.

use hoering::attachment::{FileKind, MAX_BYTES, TextState};
use std::path::Path;
use std::process::Stdio;
use std::time::Duration;
use tokio::io::AsyncReadExt;

/// The hidden command the server runs itself with: `hoering read-text pdf < file`.
pub const COMMAND: &str = "read-text";
/// The reader's address space: a 25 MB PDF's text is read in a fraction of this.
const MEMORY_LIMIT: u64 = 1024 * 1024 * 1024;
/// Processor seconds the reader may use, and the wall-clock time the server waits for it.
const CPU_SECONDS: u64 = 20;
const WAIT: Duration = Duration::from_secs(30);
/// At most this much text is kept of one file (a long report; more is not a letter).
const MAX_TEXT_BYTES: u64 = 4 * 1024 * 1024;

/// The text of the file at `path`, read by `reader`'s `read-text` command.
pub async fn text_of(reader: &Path, path: &Path, kind: FileKind) -> (TextState, String) {
    if !kind.has_text() {
        return (TextState::NotRead, String::new());
    }
    match run(reader, path, kind).await {
        Ok(text) => {
            let state = TextState::of_text(kind, &text);
            let text = if state == TextState::Read {
                text
            } else {
                String::new()
            };
            (state, text)
        }
        Err(e) => {
            tracing::warn!(error = %e, kind = kind.as_str(), "a file's text could not be read");
            (TextState::Failed, String::new())
        }
    }
}

#[derive(Debug, thiserror::Error)]
enum RunError {
    #[error("the reader could not be started")]
    Start(#[source] std::io::Error),
    #[error("the reader took longer than {0:?}")]
    Timeout(Duration),
    #[error("the reader failed ({0})")]
    Failed(std::process::ExitStatus),
    #[error("the reader's output could not be read")]
    Output(#[source] std::io::Error),
}

async fn run(reader: &Path, path: &Path, kind: FileKind) -> Result<String, RunError> {
    let input = std::fs::File::open(path).map_err(RunError::Start)?;
    let mut child = tokio::process::Command::new(reader)
        .arg(COMMAND)
        .arg(kind.as_str())
        .stdin(Stdio::from(input))
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .env_clear()
        .kill_on_drop(true)
        .spawn()
        .map_err(RunError::Start)?;
    let mut stdout = child
        .stdout
        .take()
        .ok_or(RunError::Output(std::io::Error::other(
            "the reader has no output",
        )))?;
    let work = async {
        let mut text = Vec::new();
        (&mut stdout)
            .take(MAX_TEXT_BYTES)
            .read_to_end(&mut text)
            .await
            .map_err(RunError::Output)?;
        drop(stdout);
        let status = child.wait().await.map_err(RunError::Output)?;
        if !status.success() {
            return Err(RunError::Failed(status));
        }
        Ok(String::from_utf8_lossy(&text).into_owned())
    };
    // On timeout the child is dropped, and with it killed.
    tokio::time::timeout(WAIT, work)
        .await
        .map_err(|_| RunError::Timeout(WAIT))?
}

/// The `read-text` command: limits this process, reads the file from standard input and
/// writes its text to standard output. Exits non-zero when the file cannot be read.
pub fn command(kind: &str) -> std::process::ExitCode {
    use rustix::process::{Resource, Rlimit, setrlimit};
    let limit = |resource, value| {
        setrlimit(
            resource,
            Rlimit {
                current: Some(value),
                maximum: Some(value),
            },
        )
    };
    if limit(Resource::As, MEMORY_LIMIT).is_err() || limit(Resource::Cpu, CPU_SECONDS).is_err() {
        return std::process::ExitCode::from(3);
    }
    let Some(kind) = FileKind::parse(kind) else {
        return std::process::ExitCode::from(2);
    };
    let mut bytes = Vec::new();
    if std::io::Read::read_to_end(
        &mut std::io::Read::take(std::io::stdin().lock(), MAX_BYTES + 1),
        &mut bytes,
    )
    .is_err()
    {
        return std::process::ExitCode::from(2);
    }
    match read_text(kind, &bytes) {
        Some(text) => {
            use std::io::Write;
            let mut out = std::io::stdout().lock();
            if out
                .write_all(text.as_bytes())
                .and_then(|()| out.flush())
                .is_err()
            {
                return std::process::ExitCode::from(2);
            }
            std::process::ExitCode::SUCCESS
        }
        None => std::process::ExitCode::FAILURE,
    }
}

/// A file's text, or `None` when it cannot be read.
pub fn read_text(kind: FileKind, bytes: &[u8]) -> Option<String> {
    match kind {
        FileKind::Pdf => pdf_extract::extract_text_from_mem(bytes).ok(),
        FileKind::Docx | FileKind::Odt => crate::import::read(bytes).ok().map(|i| i.markdown),
        _ => None,
    }
}
