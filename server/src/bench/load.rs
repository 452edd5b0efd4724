//! Load from wrk (Debian's package): a closed loop of N connections for a number of seconds. A
//! Lua script reports wrk's own counts in one line we parse, and for submissions it keeps every
//! receipt the server acknowledged, so the database can be checked against them afterwards.

use super::BenchError;
use serde::Serialize;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

/// The figures of one wrk run.
#[derive(Debug, Clone, Serialize)]
pub struct Load {
    pub clients: u32,
    pub requests: u64,
    pub seconds: f64,
    pub per_second: f64,
    pub p50_ms: f64,
    pub p99_ms: f64,
    /// Bytes received per response, headers included.
    pub bytes_per_response: u64,
    /// Responses with status 400 or above, plus connection errors and timeouts.
    pub failed: u64,
}

/// Reports wrk's summary as one line: requests, duration (µs), bytes, errors (connect, read,
/// write, status, timeout), p50 and p99 (µs), and how many receipts the threads kept.
const REPORT: &str = r#"
local threads = {}
function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end
function init(args)
  out = args[1]
  run = args[2] or ""
  acked = {}
  n = 0
end
function done(summary, latency, requests)
  local kept = 0
  local file = nil
  local out = threads[1]:get("out")
  if out and out ~= "" then file = io.open(out, "w") end
  for _, t in ipairs(threads) do
    local a = t:get("acked") or {}
    kept = kept + #a
    if file then for _, l in ipairs(a) do file:write(l, "\n") end end
  end
  if file then file:close() end
  local e = summary.errors
  io.write(string.format("BENCHRESULT %d %d %d %d %d %d %d %d %.0f %.0f %d\n",
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status,
    e.timeout, latency:percentile(50), latency:percentile(99), kept))
end
"#;

/// Each request a new response with its own text, from a client address of its own; a 303 to `/kvittering/TOKEN` is the server's
/// acknowledgement, and its token is kept.
const SUBMIT: &str = r#"
function request()
  n = n + 1
  local body = "text=Et+svar+til+benchmarken%2C+nummer+" .. run .. "-" .. tid .. "-" .. n ..
    ".&name=Ida+Bench&email=ida%40example.dk&sender_kind=private&organisation=&publication=anonymous&block="
  local client = string.format("%d.%d.%d.%d", 10 + tid, math.floor(n / 65536) % 256,
    math.floor(n / 256) % 256, n % 256)
  return wrk.format("POST", wrk.path, {["Content-Type"] = "application/x-www-form-urlencoded",
    ["X-Forwarded-For"] = client}, body)
end
function response(status, headers, body)
  if status == 303 then
    local location = headers["location"] or headers["Location"] or ""
    local token = string.match(location, "/kvittering/(.+)$")
    if token then acked[#acked + 1] = token end
  end
end
"#;

pub struct Wrk {
    scripts: PathBuf,
}

/// One run of wrk: `clients` connections to `path` on the server at `addr`, for `seconds`.
#[derive(Debug, Clone, Copy)]
pub struct Run<'a> {
    pub addr: SocketAddr,
    pub path: &'a str,
    pub clients: u32,
    pub seconds: u64,
}

/// What a submission run left behind besides its figures: the acknowledged receipt tokens.
pub struct Submitted {
    pub load: Load,
    pub acknowledged: Vec<String>,
}

impl Wrk {
    /// Checks that wrk is installed and writes its scripts into `dir`.
    pub fn new(dir: &Path) -> Result<Wrk, BenchError> {
        let found = std::process::Command::new("wrk")
            .arg("--version")
            .output()
            .map_err(|_| BenchError::NoWrk)?;
        // wrk prints its version and usage and exits 1; that it ran at all is what counts.
        if found.stdout.is_empty() && found.stderr.is_empty() {
            return Err(BenchError::NoWrk);
        }
        let scripts = dir.to_path_buf();
        write(&scripts.join("get.lua"), REPORT)?;
        write(&scripts.join("submit.lua"), &format!("{REPORT}\n{SUBMIT}"))?;
        Ok(Wrk { scripts })
    }

    /// GETs the run's path, with the session `cookie` when given.
    pub async fn get(&self, run: Run<'_>, cookie: Option<&str>) -> Result<Load, BenchError> {
        let (load, _) = self.run(&run, cookie, "get.lua", None).await?;
        Ok(load)
    }

    /// POSTs new responses to the run's path.
    pub async fn submit(&self, run: Run<'_>) -> Result<Submitted, BenchError> {
        let clients = run.clients;
        let tokens = self.scripts.join(format!("acknowledged-{clients}.txt"));
        let (load, _) = self.run(&run, None, "submit.lua", Some(&tokens)).await?;
        let text = std::fs::read_to_string(&tokens).map_err(|source| BenchError::Io {
            what: tokens.display().to_string(),
            source,
        })?;
        Ok(Submitted {
            load,
            acknowledged: text.lines().map(str::to_string).collect(),
        })
    }

    async fn run(
        &self,
        run: &Run<'_>,
        cookie: Option<&str>,
        script: &str,
        out: Option<&Path>,
    ) -> Result<(Load, u64), BenchError> {
        let Run {
            addr,
            path,
            clients,
            seconds,
        } = *run;
        let mut command = std::process::Command::new("wrk");
        command
            .arg(format!("-t{}", clients.clamp(1, 2)))
            .arg(format!("-c{clients}"))
            .arg(format!("-d{seconds}s"))
            .arg("--timeout")
            .arg("10s")
            .arg("-s")
            .arg(self.scripts.join(script));
        if let Some(cookie) = cookie {
            command.arg("-H").arg(format!("Cookie: {cookie}"));
        }
        command.arg(format!("http://{addr}{path}"));
        // The script's arguments: where to keep receipts, and a mark that makes this run's
        // texts differ from every other run's.
        command
            .arg("--")
            .arg(out.map(|p| p.display().to_string()).unwrap_or_default())
            .arg(format!("c{clients}"));
        // wrk runs for a fixed time and exits; it waits on a thread of its own.
        let output = tokio::task::spawn_blocking(move || command.output())
            .await
            .map_err(|e| BenchError::Wrk(e.to_string()))?
            .map_err(|source| BenchError::Io {
                what: "running wrk".into(),
                source,
            })?;
        let stdout = String::from_utf8_lossy(&output.stdout);
        let line = stdout
            .lines()
            .find_map(|l| l.strip_prefix("BENCHRESULT "))
            .ok_or_else(|| {
                BenchError::Wrk(format!(
                    "{path}: no result from wrk\n{stdout}{}",
                    String::from_utf8_lossy(&output.stderr)
                ))
            })?;
        parse(line, clients).ok_or_else(|| BenchError::Wrk(format!("{path}: unreadable: {line}")))
    }
}

fn write(path: &Path, text: &str) -> Result<(), BenchError> {
    std::fs::write(path, text).map_err(|source| BenchError::Io {
        what: path.display().to_string(),
        source,
    })
}

/// The script's result line into figures, and the count of receipts kept.
fn parse(line: &str, clients: u32) -> Option<(Load, u64)> {
    let f: Vec<f64> = line
        .split_whitespace()
        .map(|w| w.parse::<f64>().ok())
        .collect::<Option<_>>()?;
    let [
        requests,
        micros,
        bytes,
        connect,
        read,
        write,
        status,
        timeout,
        p50,
        p99,
        kept,
    ] = f[..]
    else {
        return None;
    };
    let seconds = micros / 1e6;
    let requests_u = requests as u64;
    Some((
        Load {
            clients,
            requests: requests_u,
            seconds,
            per_second: if seconds > 0.0 {
                requests / seconds
            } else {
                0.0
            },
            p50_ms: p50 / 1000.0,
            p99_ms: p99 / 1000.0,
            bytes_per_response: if requests_u > 0 {
                (bytes / requests) as u64
            } else {
                0
            },
            failed: (connect + read + write + status + timeout) as u64,
        },
        kept as u64,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_result_line() {
        let (load, kept) =
            parse("1000 2000000 5000000 0 0 0 3 1 1500 9000 997", 16).expect("parsed");
        assert_eq!(load.requests, 1000);
        assert!((load.per_second - 500.0).abs() < 1e-9);
        assert!((load.p50_ms - 1.5).abs() < 1e-9);
        assert!((load.p99_ms - 9.0).abs() < 1e-9);
        assert_eq!(load.bytes_per_response, 5000);
        assert_eq!(load.failed, 4);
        assert_eq!(kept, 997);
        assert!(parse("1 2 3", 1).is_none());
    }
}
