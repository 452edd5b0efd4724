//! The virus scan: ClamAV's daemon (`clamd`) over its socket, the file streamed with
//! `INSTREAM`, so the file never touches a disk clamd reads.

use std::path::PathBuf;
use std::time::Duration;
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};

/// Where clamd listens (`HOERING_CLAMD`), or that scanning is switched off.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Clamd {
    /// `off`: files are kept in quarantine, seen only by clerks, marked as not scanned.
    Off,
    /// `unix:/run/clamav/clamd.ctl`
    Unix(PathBuf),
    /// `tcp://127.0.0.1:3310`
    Tcp(String),
}

impl Clamd {
    /// Reads `HOERING_CLAMD`'s value.
    pub fn parse(text: &str) -> Result<Clamd, String> {
        let text = text.trim();
        if text.eq_ignore_ascii_case("off") {
            return Ok(Clamd::Off);
        }
        if let Some(path) = text.strip_prefix("unix:") {
            let path = path.trim_start_matches("//");
            if path.starts_with('/') {
                return Ok(Clamd::Unix(PathBuf::from(path)));
            }
        }
        if let Some(addr) = text.strip_prefix("tcp://") {
            let addr = addr.trim_end_matches('/');
            if addr
                .rsplit_once(':')
                .is_some_and(|(host, port)| !host.is_empty() && port.parse::<u16>().is_ok())
            {
                return Ok(Clamd::Tcp(addr.to_string()));
            }
        }
        Err(text.to_string())
    }
}

/// What clamd said of a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    Clean,
    /// The signature's name, e.g. "Win.Test.EICAR_HDB-1".
    Infected(String),
}

/// Why a file could not be scanned: the submission is refused with "try again".
#[derive(Debug, thiserror::Error)]
pub enum ScanError {
    #[error("clamd cannot be reached")]
    Unreachable(#[source] std::io::Error),
    #[error("clamd did not answer in time")]
    Timeout,
    #[error("clamd answered {0:?}")]
    Answer(String),
}

/// How long a scan may take, the file's transfer included.
const SCAN_TIMEOUT: Duration = Duration::from_secs(60);
const CHUNK: usize = 64 * 1024;

/// Scans what `file` reads (a file, or bytes); `Ok(None)` when scanning is off.
pub async fn scan(
    clamd: &Clamd,
    file: impl AsyncRead + Unpin,
) -> Result<Option<Verdict>, ScanError> {
    let answer = match clamd {
        Clamd::Off => return Ok(None),
        Clamd::Unix(path) => {
            let stream = tokio::net::UnixStream::connect(path)
                .await
                .map_err(ScanError::Unreachable)?;
            within(instream(stream, file)).await?
        }
        Clamd::Tcp(addr) => {
            let stream = tokio::net::TcpStream::connect(addr)
                .await
                .map_err(ScanError::Unreachable)?;
            within(instream(stream, file)).await?
        }
    };
    verdict(&answer).map(Some)
}

/// Whether clamd answers at all (`PING`), for the health check and the tests.
pub async fn ping(clamd: &Clamd) -> bool {
    async fn on<S: AsyncRead + AsyncWrite + Unpin>(mut s: S) -> std::io::Result<String> {
        s.write_all(b"zPING\0").await?;
        read_answer(&mut s).await
    }
    let answer = match clamd {
        Clamd::Off => return false,
        Clamd::Unix(path) => match tokio::net::UnixStream::connect(path).await {
            Ok(s) => tokio::time::timeout(Duration::from_secs(5), on(s)).await,
            Err(_) => return false,
        },
        Clamd::Tcp(addr) => match tokio::net::TcpStream::connect(addr).await {
            Ok(s) => tokio::time::timeout(Duration::from_secs(5), on(s)).await,
            Err(_) => return false,
        },
    };
    matches!(answer, Ok(Ok(a)) if a == "PONG")
}

async fn within(
    work: impl std::future::Future<Output = std::io::Result<String>>,
) -> Result<String, ScanError> {
    tokio::time::timeout(SCAN_TIMEOUT, work)
        .await
        .map_err(|_| ScanError::Timeout)?
        .map_err(ScanError::Unreachable)
}

/// clamd's INSTREAM: the file in chunks, each after its length as four big-endian bytes,
/// then a zero length.
async fn instream<S: AsyncRead + AsyncWrite + Unpin>(
    mut stream: S,
    mut file: impl AsyncRead + Unpin,
) -> std::io::Result<String> {
    stream.write_all(b"zINSTREAM\0").await?;
    let mut buffer = vec![0u8; CHUNK];
    loop {
        let n = file.read(&mut buffer).await?;
        if n == 0 {
            break;
        }
        // A chunk is at most CHUNK bytes, far below u32's range.
        let length = u32::try_from(n).unwrap_or(u32::MAX);
        stream.write_all(&length.to_be_bytes()).await?;
        stream.write_all(&buffer[..n]).await?;
    }
    stream.write_all(&0u32.to_be_bytes()).await?;
    stream.flush().await?;
    read_answer(&mut stream).await
}

/// One answer, up to its terminating NUL (or the end of the connection).
async fn read_answer<S: AsyncRead + Unpin>(stream: &mut S) -> std::io::Result<String> {
    let mut answer = Vec::new();
    let mut buffer = [0u8; 256];
    loop {
        let n = stream.read(&mut buffer).await?;
        if n == 0 {
            break;
        }
        answer.extend_from_slice(&buffer[..n]);
        if answer.ends_with(b"\0") || answer.len() > 4096 {
            break;
        }
    }
    Ok(String::from_utf8_lossy(&answer)
        .trim_end_matches('\0')
        .trim()
        .to_string())
}

/// "stream: OK", "stream: Eicar-Signature FOUND", or an error such as
/// "INSTREAM size limit exceeded. ERROR".
fn verdict(answer: &str) -> Result<Verdict, ScanError> {
    let result = answer.strip_prefix("stream:").map(str::trim);
    match result {
        Some("OK") => Ok(Verdict::Clean),
        Some(found) if found.ends_with(" FOUND") => Ok(Verdict::Infected(
            found.trim_end_matches(" FOUND").trim().to_string(),
        )),
        _ => Err(ScanError::Answer(answer.to_string())),
    }
}
