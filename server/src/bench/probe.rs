//! The server under test as a child process (this very binary, `hoering serve`), and the few
//! things the suite asks of it directly: one page over plain HTTP, its memory, its log.

use super::BenchError;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// A running `hoering serve` on its own port, killed when dropped.
pub struct Server {
    pub addr: SocketAddr,
    child: std::process::Child,
    log: PathBuf,
}

impl Server {
    /// Starts the server on `database_url` with the log filter `log` (its output goes to `log_file`)
    /// and waits until it answers `/healthz`.
    pub async fn start(
        database_url: &str,
        site_root: &Path,
        log: &str,
        log_file: &Path,
    ) -> Result<Server, BenchError> {
        let io = |what: &str| {
            let what = what.to_string();
            move |source| BenchError::Io { what, source }
        };
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map_err(io("finding a free port"))?
            .port();
        let addr = SocketAddr::from(([127, 0, 0, 1], port));
        let exe = std::env::current_exe().map_err(io("finding this binary"))?;
        let out = std::fs::File::create(log_file).map_err(io("creating the server's log"))?;
        let err = out.try_clone().map_err(io("creating the server's log"))?;
        let mut command = std::process::Command::new(exe);
        for (key, _) in std::env::vars_os() {
            if key.to_string_lossy().starts_with("HOERING_") {
                command.env_remove(key);
            }
        }
        command
            .arg("serve")
            .arg("--addr")
            .arg(addr.to_string())
            .env("HOERING_DATABASE_URL", database_url)
            .env("HOERING_SITE_ROOT", site_root)
            .env("HOERING_LOG", log)
            .env("HOERING_PUBLIC_URL", format!("http://{addr}"))
            // Each submission comes as from a citizen of its own (X-Forwarded-For through a
            // trusted proxy), so the per-client limit is counted as in real use.
            .env("HOERING_TRUSTED_PROXY", "127.0.0.1")
            .env("NO_COLOR", "1")
            .stdin(std::process::Stdio::null())
            .stdout(out)
            .stderr(err);
        let child = command.spawn().map_err(io("starting the server"))?;
        let mut server = Server {
            addr,
            child,
            log: log_file.to_path_buf(),
        };
        for _ in 0..300 {
            if let Ok((200, _)) = get(addr, "/healthz", None).await {
                return Ok(server);
            }
            if let Ok(Some(status)) = server.child.try_wait() {
                return Err(BenchError::Server(format!(
                    "it stopped ({status}); its log:\n{}",
                    std::fs::read_to_string(&server.log).unwrap_or_default()
                )));
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        Err(BenchError::Server(
            "it did not answer /healthz within 30 seconds".into(),
        ))
    }

    /// Resident memory now and at its peak, in MB (Linux only; 0 elsewhere).
    pub fn memory_mb(&self) -> (f64, f64) {
        let pid = self.child.id();
        let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
        let field = |name: &str| {
            status
                .lines()
                .find_map(|l| l.strip_prefix(name))
                .and_then(|rest| rest.split_whitespace().next())
                .and_then(|kb| kb.parse::<f64>().ok())
                .map(|kb| kb / 1024.0)
                .unwrap_or(0.0)
        };
        (field("VmRSS:"), field("VmHWM:"))
    }

    /// SQL statements the server has logged so far (it runs with `sqlx::query=debug`).
    pub fn statements_logged(&self) -> usize {
        std::fs::read_to_string(&self.log)
            .map(|log| log.matches("sqlx::query").count())
            .unwrap_or(0)
    }

    pub async fn stop(mut self) {
        // SIGTERM: the server finishes what it serves and closes its database cleanly.
        let _ = std::process::Command::new("kill")
            .arg(self.child.id().to_string())
            .status();
        for _ in 0..100 {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        // Drop kills what did not stop.
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// One GET over a fresh connection: the status and the body (chunked encoding undone).
pub async fn get(
    addr: SocketAddr,
    path: &str,
    cookie: Option<&str>,
) -> Result<(u16, Vec<u8>), std::io::Error> {
    let exchange = async {
        let mut stream = tokio::net::TcpStream::connect(addr).await?;
        let cookie = cookie
            .map(|c| format!("Cookie: {c}\r\n"))
            .unwrap_or_default();
        stream
            .write_all(
                format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n{cookie}\r\n")
                    .as_bytes(),
            )
            .await?;
        let mut raw = Vec::new();
        stream.read_to_end(&mut raw).await?;
        Ok::<_, std::io::Error>(raw)
    };
    let raw = tokio::time::timeout(Duration::from_secs(30), exchange)
        .await
        .map_err(|_| std::io::Error::new(std::io::ErrorKind::TimedOut, "no answer in 30 s"))??;
    parse_response(&raw)
        .ok_or_else(|| std::io::Error::new(std::io::ErrorKind::InvalidData, "not an HTTP answer"))
}

fn parse_response(raw: &[u8]) -> Option<(u16, Vec<u8>)> {
    let split = raw.windows(4).position(|w| w == b"\r\n\r\n")?;
    let head = std::str::from_utf8(&raw[..split]).ok()?;
    let body = &raw[split + 4..];
    let status = head.split_whitespace().nth(1)?.parse().ok()?;
    let chunked = head.lines().any(|l| {
        let l = l.to_ascii_lowercase();
        l.starts_with("transfer-encoding:") && l.contains("chunked")
    });
    Some((
        status,
        if chunked {
            unchunk(body)?
        } else {
            body.to_vec()
        },
    ))
}

fn unchunk(mut body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    loop {
        let line_end = body.windows(2).position(|w| w == b"\r\n")?;
        let size_text = std::str::from_utf8(&body[..line_end]).ok()?;
        let size = usize::from_str_radix(size_text.split(';').next()?.trim(), 16).ok()?;
        body = &body[line_end + 2..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(body.get(..size)?);
        body = body.get(size + 2..)?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_plain_and_chunked_answers() {
        let plain = b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello";
        assert_eq!(parse_response(plain), Some((200, b"hello".to_vec())));
        let chunked =
            b"HTTP/1.1 404 Not Found\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nhel\r\n2\r\nlo\r\n0\r\n\r\n";
        assert_eq!(parse_response(chunked), Some((404, b"hello".to_vec())));
        assert_eq!(parse_response(b"garbage"), None);
    }
}
