//! `hoering bench`: the benchmark suite. It starts this very binary as a real server on a fresh
//! database (SQLite, and PostgreSQL when given one), loads it with wrk, and reports what it
//! measured beside two ceilings of the same machine and run: the same server answering a static
//! file of the hearing page's size, and a bare insert loop on the same database.

mod db;
mod load;
mod probe;
mod report;

use crate::auth::{self, Role};
use crate::config::DatabaseUrl;
use crate::hearing::db as hearing_db;
use crate::policy::db::Actor;
use crate::response::db::{self as response_db, Target};
use hoering::response::{ResponseForm, ResponseSubmission};
use load::{Load, Run, Wrk};
use probe::Server;
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::time::Duration;

pub use report::Report;

#[derive(Debug, thiserror::Error)]
pub enum BenchError {
    #[error("wrk is not installed; on Debian: apt-get install wrk (the suite's load generator)")]
    NoWrk,
    #[error("{what} failed")]
    Io {
        what: String,
        #[source]
        source: std::io::Error,
    },
    #[error("the database step '{what}' failed")]
    Db {
        what: &'static str,
        #[source]
        source: sqlx::Error,
    },
    #[error(transparent)]
    Connect(#[from] crate::db::DbError),
    #[error("the server under test: {0}")]
    Server(String),
    #[error("wrk: {0}")]
    Wrk(String),
    #[error("the bench draft could not be stored: {0}")]
    Draft(String),
    #[error("the suite found problems:\n  {}", .0.join("\n  "))]
    Failed(Vec<String>),
}

/// What to run.
#[derive(Debug, Clone)]
pub struct Options {
    /// Seconds of load per measurement.
    pub seconds: u64,
    /// Published responses seeded on the bench hearing (a fifth of them on its first block).
    pub responses: usize,
    /// Concurrent clients for the submissions.
    pub submit_clients: Vec<u32>,
    /// Concurrent clients for the pages.
    pub page_clients: u32,
    /// A PostgreSQL URL whose server may get a scratch database, if PostgreSQL is measured too.
    pub postgres: Option<String>,
    /// Where the tables are written (`bench.md`, `bench.json`).
    pub out: PathBuf,
    /// The site root with the browser bundle (`pkg/`), whose size is reported.
    pub site_root: PathBuf,
    pub smoke: bool,
}

impl Options {
    pub fn full(site_root: PathBuf, postgres: Option<String>) -> Options {
        Options {
            seconds: 10,
            responses: 10_000,
            submit_clients: vec![1, 16, 256],
            page_clients: 16,
            postgres,
            out: PathBuf::from("target/bench"),
            site_root,
            smoke: false,
        }
    }

    /// The CI's version: every step, briefly, on fewer responses.
    pub fn smoke(site_root: PathBuf, postgres: Option<String>) -> Options {
        Options {
            seconds: 2,
            responses: 2_000,
            smoke: true,
            ..Options::full(site_root, postgres)
        }
    }
}

/// One page measured under load, with its SQL statement counts with a twentieth of the
/// responses and with all of them.
#[derive(Debug, Clone, Serialize)]
pub struct PageFigures {
    pub name: &'static str,
    pub path: String,
    pub load: Load,
    pub statements_few: usize,
    pub statements_all: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct SubmitFigures {
    pub load: Load,
    pub acknowledged: u64,
}

/// Everything measured on one database.
#[derive(Debug, Clone, Serialize)]
pub struct EngineFigures {
    pub engine: &'static str,
    pub responses: usize,
    pub pages: Vec<PageFigures>,
    /// The same server answering a static file as large as the hearing page.
    pub static_ceiling: Load,
    pub submissions: Vec<SubmitFigures>,
    pub stored: db::Stored,
    /// Bare inserts per second with one client and with 16.
    pub insert_ceiling_1: f64,
    pub insert_ceiling_16: f64,
    pub hearing_page_bytes: usize,
    pub hearing_page_bytes_without_scripts: usize,
    pub hydration_bytes: usize,
    /// The islands' props (`data-props`), which the browser reads beside the HTML.
    pub island_props_bytes: usize,
    pub rss_idle_mb: f64,
    pub rss_peak_mb: f64,
}

/// Runs the suite; `Err(Failed)` if a page failed, a count grew with the responses, or an
/// acknowledged response was not stored exactly once.
pub async fn run(options: &Options) -> Result<Report, BenchError> {
    let work = scratch_dir()?;
    let wrk = Wrk::new(&work)?;
    let mut engines = Vec::new();
    let mut problems = Vec::new();
    let sqlite_url = format!("sqlite://{}/bench.db", work.display());
    engines.push(engine(options, &wrk, &work, "SQLite", &sqlite_url, &mut problems).await?);
    if let Some(admin) = &options.postgres {
        let name = format!("hoering_bench_{}", std::process::id());
        let base = admin.rsplit_once('/').map(|(b, _)| b).unwrap_or(admin);
        db::create_database(admin, &name)
            .await
            .map_err(|source| BenchError::Db {
                what: "creating the scratch database",
                source,
            })?;
        let measured = engine(
            options,
            &wrk,
            &work,
            "PostgreSQL",
            &format!("{base}/{name}"),
            &mut problems,
        )
        .await;
        if let Err(e) = db::drop_database(admin, &name).await {
            tracing::warn!(error = %e, database = %name, "could not drop the scratch database");
        }
        engines.push(measured?);
    }
    let _ = std::fs::remove_dir_all(&work);
    let report = Report::new(options, engines, report::bundle(&options.site_root));
    report.write(&options.out)?;
    if problems.is_empty() {
        Ok(report)
    } else {
        println!("{}", report.markdown());
        Err(BenchError::Failed(problems))
    }
}

fn scratch_dir() -> Result<PathBuf, BenchError> {
    let dir = std::env::temp_dir().join(format!("hoering-bench-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("site")).map_err(|source| BenchError::Io {
        what: format!("creating {}", dir.display()),
        source,
    })?;
    Ok(dir)
}

/// The slugs of the two hearings: one read under load, one written to.
const READ: &str = "bench";
const WRITE: &str = "bench-svar";

async fn engine(
    options: &Options,
    wrk: &Wrk,
    work: &Path,
    engine: &'static str,
    url: &str,
    problems: &mut Vec<String>,
) -> Result<EngineFigures, BenchError> {
    say(&format!("{engine}: preparing the hearings"));
    let parsed = DatabaseUrl::parse(url).map_err(|e| BenchError::Server(e.to_string()))?;
    let database = crate::db::connect(&parsed).await?;
    let pool = &database.pool;
    let postgres = database.engine == crate::db::Engine::Postgres;
    let dbe = |what: &'static str| move |source| BenchError::Db { what, source };
    store_draft(pool, READ, &draft(200, 0)).await?;
    store_draft(pool, WRITE, &draft(20, 0)).await?;
    let (clerk, _) = auth::db::upsert_user(pool, "bench@example.dk", "-", Role::Clerk)
        .await
        .map_err(|e| BenchError::Draft(e.to_string()))?;
    let session = auth::db::create_session(pool, clerk)
        .await
        .map_err(|e| BenchError::Draft(e.to_string()))?;
    let cookie = format!("{}={session}", auth::SESSION_COOKIE);
    let read = hearing_db::by_slug(pool, READ)
        .await
        .map_err(dbe("loading the hearing"))?
        .ok_or_else(|| BenchError::Draft("the bench hearing is missing".into()))?;
    let first_block = hearing_db::blocks(pool, read.version_id)
        .await
        .map_err(dbe("loading the blocks"))?
        .into_iter()
        .next()
        .ok_or_else(|| BenchError::Draft("the bench draft has no blocks".into()))?;
    crate::version::db::add_version(pool, READ, "Version 2", "", &draft(200, 20))
        .await
        .map_err(|e| BenchError::Draft(e.to_string()))?;
    let pages = [
        ("Hearing page", format!("/hoeringer/{READ}"), false),
        (
            "A block's responses, page 1",
            format!("/hoeringer/{READ}?vis={}", first_block.number),
            false,
        ),
        (
            "Version 2 with carried responses",
            format!("/hoeringer/{READ}/version/2"),
            false,
        ),
        (
            "Changes page",
            format!("/hoeringer/{READ}/aendringer"),
            false,
        ),
        (
            "API: responses",
            format!("/api/v1/hearings/{READ}/responses"),
            false,
        ),
        (
            "Clerk's queue",
            format!("/admin/hoeringer/{READ}?status=pending"),
            true,
        ),
    ];
    let site = work.join("site");
    let quiet = "warn";

    // Statements per page with a twentieth of the responses, then with all: they must not grow.
    let n = options.responses;
    let few = n / 20;
    say(&format!("{engine}: seeding {few} published responses"));
    // Published ones, and pending ones for the clerk's queue (a tenth as many in the end).
    seed(pool, &read, &first_block, 0..few, n, clerk).await?;
    seed(pool, &read, &first_block, n..n + few / 10, n, clerk).await?;
    say(&format!("{engine}: counting statements per page"));
    let empty = count_statements(url, &site, &work.join("count-few.log"), &pages, &cookie).await?;

    say(&format!("{engine}: seeding up to {n} published responses"));
    seed(pool, &read, &first_block, few..n, n, clerk).await?;
    seed(
        pool,
        &read,
        &first_block,
        n + few / 10..n + n / 10,
        n,
        clerk,
    )
    .await?;

    say(&format!("{engine}: counting statements per page, seeded"));
    let seeded =
        count_statements(url, &site, &work.join("count-seeded.log"), &pages, &cookie).await?;

    let server = Server::start(url, &site, quiet, &work.join("load.log")).await?;
    tokio::time::sleep(Duration::from_secs(1)).await;
    let (rss_idle_mb, _) = server.memory_mb();
    let (status, page) = probe::get(server.addr, &pages[0].1, None)
        .await
        .map_err(|source| BenchError::Io {
            what: "reading the hearing page".into(),
            source,
        })?;
    if status != 200 {
        problems.push(format!("{engine}: the hearing page answered {status}"));
    }
    let html = String::from_utf8_lossy(&page);
    let without_scripts = report::without_scripts(&html);
    let hydration_bytes = report::hydration_bytes(&html);
    let island_props_bytes = report::island_props_bytes(&html);
    let static_file = site.join("bench-static.html");
    std::fs::write(&static_file, &page).map_err(|source| BenchError::Io {
        what: "writing the static file".into(),
        source,
    })?;

    let mut figures = Vec::new();
    for (((name, path, staff), empty), seeded) in pages.iter().zip(empty).zip(seeded) {
        say(&format!("{engine}: {name} ({path})"));
        let run = Run {
            addr: server.addr,
            path,
            clients: options.page_clients,
            seconds: options.seconds,
        };
        let load = wrk.get(run, staff.then_some(cookie.as_str())).await?;
        if load.failed > 0 || load.requests == 0 {
            problems.push(format!(
                "{engine}: {name} ({path}): {} of {} requests failed",
                load.failed, load.requests
            ));
        }
        if seeded > empty {
            problems.push(format!(
                "{engine}: {name} ({path}) runs {seeded} SQL statements with {n} responses and {empty} with {few}",
            ));
        }
        figures.push(PageFigures {
            name,
            path: path.clone(),
            load,
            statements_few: empty,
            statements_all: seeded,
        });
    }
    say(&format!("{engine}: the static-file ceiling"));
    let run = Run {
        addr: server.addr,
        path: "/bench-static.html",
        clients: options.page_clients,
        seconds: options.seconds,
    };
    let static_ceiling = wrk.get(run, None).await?;
    if static_ceiling.failed > 0 || static_ceiling.bytes_per_response < page.len() as u64 {
        problems.push(format!(
            "{engine}: the static file was not served whole ({} failed)",
            static_ceiling.failed
        ));
    }

    let mut submissions = Vec::new();
    let mut acknowledged = Vec::new();
    for &clients in &options.submit_clients {
        say(&format!(
            "{engine}: submitting responses, {clients} clients"
        ));
        let run = Run {
            addr: server.addr,
            path: &format!("/hoeringer/{WRITE}/svar"),
            clients,
            seconds: options.seconds,
        };
        let run = wrk.submit(run).await?;
        if run.acknowledged.is_empty() {
            problems.push(format!(
                "{engine}: no response was acknowledged with {clients} clients"
            ));
        }
        submissions.push(SubmitFigures {
            load: run.load,
            acknowledged: run.acknowledged.len() as u64,
        });
        acknowledged.extend(run.acknowledged);
    }
    let (_, rss_peak_mb) = server.memory_mb();
    server.stop().await;

    let write = hearing_db::by_slug(pool, WRITE)
        .await
        .map_err(dbe("loading the hearing"))?
        .ok_or_else(|| BenchError::Draft("the submission hearing is missing".into()))?;
    let stored = db::stored_against(pool, write.id, &acknowledged)
        .await
        .map_err(dbe("checking the stored responses"))?;
    if stored.missing > 0 || stored.duplicated > 0 {
        problems.push(format!(
            "{engine}: of {} acknowledged responses {} are not stored and {} are stored twice",
            acknowledged.len(),
            stored.missing,
            stored.duplicated
        ));
    }

    say(&format!("{engine}: the bare insert ceiling"));
    let insert_ceiling_1 = db::insert_ceiling(pool, postgres, 1, options.seconds)
        .await
        .map_err(dbe("the insert loop"))?;
    let insert_ceiling_16 = db::insert_ceiling(pool, postgres, 16, options.seconds)
        .await
        .map_err(dbe("the insert loop"))?;
    database.pool.close().await;

    Ok(EngineFigures {
        engine,
        responses: options.responses,
        pages: figures,
        static_ceiling,
        submissions,
        stored,
        insert_ceiling_1,
        insert_ceiling_16,
        hearing_page_bytes: page.len(),
        hearing_page_bytes_without_scripts: without_scripts,
        hydration_bytes,
        island_props_bytes,
        rss_idle_mb,
        rss_peak_mb,
    })
}

fn say(what: &str) {
    eprintln!("bench: {what}");
}

/// The statements each of `pages` runs (see [`statements`]), on a server started for counting
/// them that logs to `log`; `cookie` for the staff pages.
async fn count_statements(
    url: &str,
    site: &Path,
    log: &Path,
    pages: &[(&str, String, bool)],
    cookie: &str,
) -> Result<Vec<usize>, BenchError> {
    let server = Server::start(url, site, "warn,sqlx::query=debug", log).await?;
    let mut counts = Vec::new();
    for (_, path, staff) in pages {
        counts.push(statements(&server, path, staff.then_some(cookie)).await?);
    }
    server.stop().await;
    Ok(counts)
}

/// The fewest SQL statements the server logged for one request of `path`, of three tries (a
/// background task may log one of its own meanwhile; it never takes one away).
async fn statements(
    server: &Server,
    path: &str,
    cookie: Option<&str>,
) -> Result<usize, BenchError> {
    // The server's first housekeeping round runs as it starts; let it finish first.
    tokio::time::sleep(Duration::from_millis(500)).await;
    let mut fewest = usize::MAX;
    for _ in 0..3 {
        let before = server.statements_logged();
        let (status, _) = probe::get(server.addr, path, cookie)
            .await
            .map_err(|source| BenchError::Io {
                what: format!("GET {path}"),
                source,
            })?;
        if status != 200 {
            return Err(BenchError::Server(format!("GET {path} answered {status}")));
        }
        // The log is written as the statements run; give the last line time to land.
        tokio::time::sleep(Duration::from_millis(100)).await;
        fewest = fewest.min(server.statements_logged() - before);
    }
    Ok(fewest)
}

/// A draft of `blocks` paragraphs in sections of ten, from the fixture's paragraphs; with
/// `edit_every` > 0 every such paragraph gets a sentence more (a later version).
pub fn draft(blocks: usize, edit_every: usize) -> String {
    const FIXTURE: &str = include_str!("../../../src/document/fixtures/integrationspolitik.md");
    let body = FIXTURE
        .strip_prefix("---")
        .and_then(|rest| rest.split_once("\n---\n"))
        .map(|(_, body)| body)
        .unwrap_or(FIXTURE);
    let paragraphs: Vec<String> = body
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty() && !p.starts_with(['#', '-', '*', '[']))
        .map(|p| p.replace('\n', " "))
        .collect();
    let mut out = String::from(
        "---\ntitle: Benchpolitik\ncommittee: Udvalget\nopens: 2026-01-05\ncloses: 2099-01-05\n---\n# Benchpolitik\n\n",
    );
    for n in 0..blocks {
        if n % 10 == 0 {
            out.push_str(&format!("## Afsnit {}\n\n", n / 10 + 1));
        }
        let text = &paragraphs[n % paragraphs.len().max(1)];
        out.push_str(&format!("{text} (del {n})"));
        if edit_every > 0 && n % edit_every == edit_every - 1 {
            out.push_str(" Dette er tilføjet i version 2.");
        }
        out.push_str("\n\n");
    }
    out
}

async fn store_draft(pool: &sqlx::AnyPool, slug: &str, markdown: &str) -> Result<(), BenchError> {
    let fields = hoering::hearing::HearingFields {
        markdown: markdown.to_string(),
        slug: slug.to_string(),
        ..Default::default()
    };
    let new = hoering::hearing::prepare(&fields, true)
        .map_err(|r| BenchError::Draft(format!("{:?}", r.errors)))?;
    crate::policy::db::store_draft(pool, &new, &Actor::system())
        .await
        .map_err(|e| BenchError::Draft(e.to_string()))?;
    Ok(())
}

/// Responses number `range` of `n` through the same code a submission and a clerk's moderation
/// run, in batches: the first fifth of `n` on the first block, the rest spread over the draft;
/// those below `n` published, those from `n` on left pending for the clerk's queue. (The
/// archive test seeds with it too.)
pub async fn seed(
    pool: &sqlx::AnyPool,
    hearing: &hearing_db::HearingRow,
    first: &hearing_db::BlockRow,
    range: std::ops::Range<usize>,
    n: usize,
    clerk: i64,
) -> Result<(), BenchError> {
    let blocks = hearing_db::blocks(pool, hearing.version_id)
        .await
        .map_err(|source| BenchError::Db {
            what: "loading the blocks",
            source,
        })?;
    let outbox = crate::mail::Outbox::new(hoering::mail::Sender {
        municipality: "Benchkommune".into(),
        site: "http://127.0.0.1".into(),
    });
    let total = range.end;
    let mut done = range.start;
    while done < total {
        let mut tx = crate::db::begin_write(pool)
            .await
            .map_err(|source| BenchError::Db {
                what: "seeding",
                source,
            })?;
        for i in done..(done + 500).min(total) {
            let block = if i < n / 5 {
                first
            } else {
                &blocks[i % blocks.len()]
            };
            let form = ResponseForm {
                text: format!(
                    "Svar {i}: Jeg mener, at sprog og fællesskab skal prioriteres i afsnit {}.",
                    block.number
                ),
                name: format!("Borger {i}"),
                email: format!("borger{i}@example.dk"),
                sender_kind: "private".into(),
                organisation: String::new(),
                publication: ["with_name", "anonymous"][i % 2].into(),
                block: block.number.clone(),
            };
            let submission = ResponseSubmission::parse(&form)
                .map_err(|e| BenchError::Draft(format!("{e:?}")))?;
            let target = Target {
                hearing_id: hearing.id,
                version_id: hearing.version_id,
                block: Some((block.block_id.clone(), block.number.clone())),
                quote: None,
            };
            let token = auth::random_token().map_err(|e| BenchError::Draft(e.to_string()))?;
            let to = submission.email.as_str().to_string();
            let arrival = response_db::Arrival {
                target,
                submission,
                receipt_token: token,
                party: None,
                lang: "da",
                files: Vec::new(),
            };
            let (id, _) =
                response_db::insert_in(&mut tx, &arrival, &outbox, |_, _| hoering::mail::Mail {
                    kind: hoering::mail::MailKind::Receipt,
                    to: to.clone(),
                    subject: "Kvittering".into(),
                    text: String::new(),
                    html: String::new(),
                })
                .await
                .map_err(|e| BenchError::Draft(e.to_string()))?;
            if i < n {
                response_db::set_status_in(&mut tx, id, crate::response::Status::Published, clerk)
                    .await
                    .map_err(|source| BenchError::Db {
                        what: "publishing",
                        source,
                    })?;
            }
        }
        tx.commit().await.map_err(|source| BenchError::Db {
            what: "seeding",
            source,
        })?;
        done = (done + 500).min(total);
    }
    Ok(())
}
