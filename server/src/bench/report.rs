//! The suite's tables: printed, and written as Markdown and JSON, with the machine they ran on.

use super::{BenchError, EngineFigures, Options};
use serde::Serialize;
use std::io::Write;
use std::path::Path;

#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub machine: Machine,
    pub smoke: bool,
    pub seconds_per_measurement: u64,
    pub page_clients: u32,
    pub engines: Vec<EngineFigures>,
    pub bundle: Option<Bundle>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Machine {
    pub cpu: String,
    pub cores: usize,
    pub memory_gb: f64,
    /// `release` or `debug`: how the measured binary was built.
    pub build: &'static str,
    pub version: &'static str,
}

/// The browser files under the site root's `pkg/`, as they are and gzipped.
#[derive(Debug, Clone, Serialize)]
pub struct Bundle {
    pub wasm_bytes: u64,
    pub wasm_gzip: u64,
    pub js_bytes: u64,
    pub js_gzip: u64,
    pub css_bytes: u64,
    pub css_gzip: u64,
}

impl Report {
    pub fn new(options: &Options, engines: Vec<EngineFigures>, bundle: Option<Bundle>) -> Report {
        Report {
            machine: machine(),
            smoke: options.smoke,
            seconds_per_measurement: options.seconds,
            page_clients: options.page_clients,
            engines,
            bundle,
        }
    }

    pub fn write(&self, dir: &Path) -> Result<(), BenchError> {
        let io = |what: String| move |source| BenchError::Io { what, source };
        std::fs::create_dir_all(dir).map_err(io(format!("creating {}", dir.display())))?;
        let json = serde_json::to_string_pretty(self).unwrap_or_default();
        std::fs::write(dir.join("bench.json"), json).map_err(io("writing bench.json".into()))?;
        std::fs::write(dir.join("bench.md"), self.markdown())
            .map_err(io("writing bench.md".into()))?;
        Ok(())
    }

    pub fn markdown(&self) -> String {
        let m = &self.machine;
        let mut out = format!(
            "Machine: {} ({} cores, {:.0} GB), {} build of hoering {}; {} s per measurement{}.\n",
            m.cpu,
            m.cores,
            m.memory_gb,
            m.build,
            m.version,
            self.seconds_per_measurement,
            if self.smoke {
                " (smoke run: figures are not comparable)"
            } else {
                ""
            }
        );
        for e in &self.engines {
            out.push_str(&format!(
                "\n### {} ({} published responses, a fifth of them on one block)\n\n",
                e.engine, e.responses
            ));
            out.push_str(&format!(
                "| Page ({} clients) | pages/s | p50 ms | p99 ms | KB | SQL ({} → {}) | of ceiling |\n|---|---:|---:|---:|---:|---:|---:|\n",
                self.page_clients, e.responses / 20, e.responses
            ));
            let ceiling = e.static_ceiling.per_second;
            for p in &e.pages {
                out.push_str(&format!(
                    "| {} | {:.0} | {:.1} | {:.1} | {:.0} | {} → {} | {:.0}% |\n",
                    p.name,
                    p.load.per_second,
                    p.load.p50_ms,
                    p.load.p99_ms,
                    p.load.bytes_per_response as f64 / 1024.0,
                    p.statements_few,
                    p.statements_all,
                    percent(p.load.per_second, ceiling)
                ));
            }
            out.push_str(&format!(
                "| *Ceiling: static file of the hearing page's size* | {:.0} | {:.1} | {:.1} | {:.0} | – | 100% |\n",
                ceiling,
                e.static_ceiling.p50_ms,
                e.static_ceiling.p99_ms,
                e.static_ceiling.bytes_per_response as f64 / 1024.0
            ));
            out.push_str(&format!(
                "\nHearing page: {:.0} KB, {:.0} KB of it for scripts (inline scripts {:.0} KB, islands' props {:.0} KB); {:.2}× its HTML without scripts.\n",
                e.hearing_page_bytes as f64 / 1024.0,
                (e.hearing_page_bytes - e.hearing_page_bytes_without_scripts) as f64 / 1024.0,
                e.hydration_bytes as f64 / 1024.0,
                e.island_props_bytes as f64 / 1024.0,
                e.hearing_page_bytes as f64 / e.hearing_page_bytes_without_scripts.max(1) as f64
            ));
            out.push_str(
                "\n| Submitting responses | acknowledged/s | p50 ms | p99 ms | failed | of insert ceiling |\n|---|---:|---:|---:|---:|---:|\n",
            );
            for s in &e.submissions {
                out.push_str(&format!(
                    "| {} client{} | {:.0} | {:.1} | {:.1} | {} | {:.0}% |\n",
                    s.load.clients,
                    if s.load.clients == 1 { "" } else { "s" },
                    s.acknowledged as f64 / s.load.seconds.max(1e-9),
                    s.load.p50_ms,
                    s.load.p99_ms,
                    s.load.failed,
                    percent(
                        s.acknowledged as f64 / s.load.seconds.max(1e-9),
                        e.insert_ceiling_16.max(e.insert_ceiling_1)
                    )
                ));
            }
            out.push_str(&format!(
                "| *Ceiling: bare inserts, 1 / 16 clients* | {:.0} / {:.0} | | | | 100% |\n",
                e.insert_ceiling_1, e.insert_ceiling_16
            ));
            let acknowledged: u64 = e.submissions.iter().map(|s| s.acknowledged).sum();
            out.push_str(&format!(
                "\nStored exactly once: {} acknowledged, {} missing, {} duplicated ({} stored; the rest were in flight when the load stopped).\n\nServer memory: {:.0} MB idle, {:.0} MB at its peak under load.\n",
                acknowledged,
                e.stored.missing,
                e.stored.duplicated,
                e.stored.rows,
                e.rss_idle_mb,
                e.rss_peak_mb
            ));
        }
        match &self.bundle {
            Some(b) => out.push_str(&format!(
                "\nBrowser bundle: wasm {:.0} KB ({:.0} KB gzip), JS {:.0} KB ({:.0} KB gzip), CSS {:.0} KB ({:.0} KB gzip); wasm + JS gzip **{:.0} KB**.\n",
                b.wasm_bytes as f64 / 1024.0,
                b.wasm_gzip as f64 / 1024.0,
                b.js_bytes as f64 / 1024.0,
                b.js_gzip as f64 / 1024.0,
                b.css_bytes as f64 / 1024.0,
                b.css_gzip as f64 / 1024.0,
                (b.wasm_gzip + b.js_gzip) as f64 / 1024.0
            )),
            None => out.push_str("\nBrowser bundle: not built (no pkg/ under the site root).\n"),
        }
        out
    }
}

fn percent(value: f64, ceiling: f64) -> f64 {
    if ceiling > 0.0 {
        100.0 * value / ceiling
    } else {
        0.0
    }
}

fn machine() -> Machine {
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let meminfo = std::fs::read_to_string("/proc/meminfo").unwrap_or_default();
    Machine {
        cpu: cpuinfo
            .lines()
            .find_map(|l| l.strip_prefix("model name"))
            .and_then(|rest| rest.split_once(':'))
            .map(|(_, name)| name.trim().to_string())
            .unwrap_or_else(|| std::env::consts::ARCH.to_string()),
        cores: std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1),
        memory_gb: meminfo
            .lines()
            .find_map(|l| l.strip_prefix("MemTotal:"))
            .and_then(|rest| rest.split_whitespace().next())
            .and_then(|kb| kb.parse::<f64>().ok())
            .map(|kb| kb / 1024.0 / 1024.0)
            .unwrap_or(0.0),
        build: if cfg!(debug_assertions) {
            "debug"
        } else {
            "release"
        },
        version: env!("CARGO_PKG_VERSION"),
    }
}

/// The sizes of the browser files, if the bundle is built.
pub fn bundle(site_root: &Path) -> Option<Bundle> {
    let pkg = site_root.join("pkg");
    let entries = std::fs::read_dir(&pkg).ok()?;
    let mut b = Bundle {
        wasm_bytes: 0,
        wasm_gzip: 0,
        js_bytes: 0,
        js_gzip: 0,
        css_bytes: 0,
        css_gzip: 0,
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let Ok(bytes) = std::fs::read(&path) else {
            continue;
        };
        let gz = gzip_len(&bytes);
        let (raw, zipped) = match path.extension().and_then(|e| e.to_str()) {
            Some("wasm") => (&mut b.wasm_bytes, &mut b.wasm_gzip),
            Some("js") => (&mut b.js_bytes, &mut b.js_gzip),
            Some("css") => (&mut b.css_bytes, &mut b.css_gzip),
            _ => continue,
        };
        *raw += bytes.len() as u64;
        *zipped += gz;
    }
    (b.wasm_bytes > 0).then_some(b)
}

fn gzip_len(bytes: &[u8]) -> u64 {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::new(9));
    if encoder.write_all(bytes).is_err() {
        return 0;
    }
    encoder.finish().map(|v| v.len() as u64).unwrap_or(0)
}

/// Script elements of a page, as byte ranges.
fn scripts(html: &str) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(start) = html[from..].find("<script").map(|i| i + from) {
        let Some(end) = html[start..].find("</script>").map(|i| i + start + 9) else {
            break;
        };
        found.push((start, end));
        from = end;
    }
    found
}

/// The values of the islands' `data-props` attributes, as byte ranges: what the browser's
/// islands read, sent beside the HTML.
fn island_props(html: &str) -> Vec<(usize, usize)> {
    const ATTRIBUTE: &str = "data-props=\"";
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(start) = html[from..]
        .find(ATTRIBUTE)
        .map(|i| i + from + ATTRIBUTE.len())
    {
        let Some(end) = html[start..].find('"').map(|i| i + start) else {
            break;
        };
        found.push((start, end));
        from = end;
    }
    found
}

/// The bytes of the islands' props.
pub fn island_props_bytes(html: &str) -> usize {
    island_props(html).iter().map(|(s, e)| e - s).sum()
}

/// The page's size without its script elements and without the data its islands read.
pub fn without_scripts(html: &str) -> usize {
    html.len() - scripts(html).iter().map(|(s, e)| e - s).sum::<usize>() - island_props_bytes(html)
}

/// The bytes of inline scripts (those without `src`): the data hydration reads.
pub fn hydration_bytes(html: &str) -> usize {
    scripts(html)
        .iter()
        .filter(|&&(s, e)| {
            let tag_end = html[s..e].find('>').map(|i| i + s).unwrap_or(e);
            !html[s..tag_end].contains(" src=")
        })
        .map(|(s, e)| e - s)
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn measures_scripts() {
        let html = r#"<p>hi</p><script src="/pkg/a.js"></script><script>var x=1;</script><p>x</p>"#;
        assert_eq!(without_scripts(html), "<p>hi</p><p>x</p>".len());
        assert_eq!(hydration_bytes(html), "<script>var x=1;</script>".len());
        let island = r#"<leptos-island data-component="A" data-props="{&quot;n&quot;:1}"><p>x</p></leptos-island>"#;
        assert_eq!(island_props_bytes(island), "{&quot;n&quot;:1}".len());
        assert_eq!(
            without_scripts(island),
            island.len() - "{&quot;n&quot;:1}".len()
        );
    }
}
