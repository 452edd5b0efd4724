//! The hoering server: configuration, database, HTTP and the command line around the domain
//! core (`hoering`) and the web UI (`app`).
#![cfg_attr(test, allow(clippy::unwrap_used))]

pub mod access_request;
pub mod archive;
pub mod attachment;
pub mod auth;
pub mod backend;
pub mod bench;
pub mod cli;
pub mod config;
pub mod consultees;
pub mod council;
pub mod db;
pub mod demo;
pub mod hearing;
pub mod housekeeping;
pub mod import;
pub mod journal;
pub mod mail;
pub mod meeting;
pub mod notat;
pub mod policy;
pub mod report;
pub mod response;
pub mod retention;
pub mod search;
pub mod state;
pub mod tag;
pub mod token;
pub mod version;
pub mod web;

use crate::config::Config;
use crate::db::Db;
use leptos::prelude::LeptosOptions;
use std::net::SocketAddr;
use std::sync::Arc;

#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error(transparent)]
    Db(#[from] db::DbError),
    #[error("could not listen on {addr}")]
    Bind {
        addr: SocketAddr,
        #[source]
        source: std::io::Error,
    },
    #[error("the server stopped with an error")]
    Serve(#[source] std::io::Error),
    #[error("could not load the demo")]
    Demo(#[from] demo::DemoError),
    #[error("could not store the placements of earlier versions")]
    Backfill(#[from] version::db::VersionError),
    #[error("could not give the policies their roads")]
    Roads(#[from] policy::db::RoadDbError),
    #[error("could not start sending e-mail")]
    Mail(#[from] mail::MailError),
    #[error("could not set up sign-in through the identity provider")]
    SignIn(#[from] auth::oidc::SignInError),
}

/// The outbox handle of a server reached at `addr` (or at `HOERING_PUBLIC_URL`).
pub fn outbox(config: &Config, addr: SocketAddr) -> Arc<mail::Outbox> {
    Arc::new(mail::Outbox::new(hoering::mail::Sender {
        municipality: config.mail.municipality.clone(),
        site: config.site_url(addr),
    }))
}

/// The whole HTTP application over a database.
pub fn build_app(
    db: Db,
    config: &Config,
    addr: SocketAddr,
    outbox: Arc<mail::Outbox>,
) -> Result<axum::Router, StartError> {
    let site_root = config.site_root.as_str();
    let leptos_options = LeptosOptions::builder()
        .output_name("hoering")
        .site_root(site_root)
        .site_pkg_dir("pkg")
        .site_addr(addr)
        .build();
    let backend: app::backend::SharedBackend = Arc::new(backend::DbBackend {
        db: db.clone(),
        calendar: config.calendar(),
        sends_mail: config.mail.smtp.is_some(),
        journal_pattern: config.journal_pattern.clone(),
        retention: config.privacy.retention.clone(),
    });
    let limits = Arc::new(web::limits::Limits::new(
        db.pool.clone(),
        config.responses_per_hour,
    ));
    let intake = response::intake::Intake::start(db.pool.clone(), limits.clone(), outbox.clone());
    let sign_in = auth::oidc::SignIn {
        local: config.sign_in.local,
        provider: match &config.sign_in.provider {
            Some(p) => Some(auth::oidc::Provider::new(
                p.clone(),
                &config.site_url(addr),
            )?),
            None => None,
        },
    };
    Ok(web::router(state::AppState {
        db,
        backend,
        leptos_options,
        limits,
        https: config.https(),
        trusted_proxy: config.trusted_proxy,
        calendar: Arc::new(config.calendar()),
        public_url: config.site_url(addr),
        outbox,
        journal_pattern: Arc::new(config.journal_pattern.clone()),
        branding: Arc::new(config.branding.clone()),
        intake,
        files: Arc::new(config.files.clone()),
        sign_in: Arc::new(sign_in),
        privacy: Arc::new(config.privacy.clone()),
    }))
}

/// A server that is listening: its address, and the task serving it.
pub struct Running {
    pub addr: SocketAddr,
    pub db: Db,
    pub task: tokio::task::JoinHandle<Result<(), StartError>>,
    /// The outbox's sender, when a mail server is configured.
    pub sender: Option<tokio::task::JoinHandle<()>>,
    /// Where this server writes e-mail.
    pub outbox: Arc<mail::Outbox>,
}

/// Connects, migrates, binds and starts serving in the background (tests use port 0) until
/// `shutdown` completes: the binary passes [`shutdown_signal`]; tests pass nothing that ever
/// completes, so a signal to the test process is never swallowed by a server inside it.
pub async fn start(
    config: &Config,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> Result<Running, StartError> {
    let db = db::connect(&config.database_url).await?;
    let placed = version::db::backfill(&db.pool).await?;
    if placed > 0 {
        tracing::info!(
            versions = placed,
            "stored the matchings and placements of earlier versions"
        );
    }
    let indexed = search::db::backfill(&db.pool)
        .await
        .map_err(version::db::VersionError::from)?;
    if indexed > 0 {
        tracing::info!(responses = indexed, "indexed responses for search");
    }
    let swept = attachment::store::Store::new(&config.files.folder)
        .sweep(std::time::Duration::from_secs(3600));
    if swept > 0 {
        tracing::info!(
            files = swept,
            "removed files left half-received by an earlier run"
        );
    }
    if config.files.clamd == attachment::scan::Clamd::Off {
        tracing::warn!(
            "HOERING_CLAMD is not set: files sent with responses are kept in quarantine, unscanned, for clerks only"
        );
    }
    let roads = policy::db::backfill(&db.pool).await?;
    if roads > 0 {
        tracing::info!(policies = roads, "gave the policies without one a road");
    }
    let listener = tokio::net::TcpListener::bind(config.addr)
        .await
        .map_err(|source| StartError::Bind {
            addr: config.addr,
            source,
        })?;
    let addr = listener.local_addr().map_err(|source| StartError::Bind {
        addr: config.addr,
        source,
    })?;
    let outbox = outbox(config, addr);
    let sender = match config.smtp() {
        Some(smtp) => {
            tracing::info!(server = %smtp.url, "sending e-mail");
            Some(mail::spawn_sender(
                db.pool.clone(),
                db.engine == db::Engine::Postgres,
                outbox.clone(),
                smtp,
            )?)
        }
        None => {
            tracing::info!("no HOERING_SMTP_URL: e-mail waits in the outbox, at /admin/post");
            None
        }
    };
    housekeeping::spawn(
        db.pool.clone(),
        outbox.clone(),
        config.calendar(),
        config.privacy.retention.clone(),
    );
    let app = build_app(db.clone(), config, addr, outbox.clone())?
        .into_make_service_with_connect_info::<SocketAddr>();
    let task = tokio::spawn(async move {
        axum::serve(listener, app)
            .with_graceful_shutdown(shutdown)
            .await
            .map_err(StartError::Serve)
    });
    Ok(Running {
        addr,
        db,
        task,
        sender,
        outbox,
    })
}

/// Ctrl-C or SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
}
