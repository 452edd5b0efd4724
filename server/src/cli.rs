//! The command line: `hoering serve` (the default), `hoering user add`, `hoering import`.

use crate::auth::{self, Role, db as auth_db};
use crate::config::{Config, ConfigError, unknown_variables};
use crate::hearing::{self, HearingFields, db as hearing_db};
use crate::{StartError, db, demo};
use clap::{Parser, Subcommand};
use std::io::BufRead;
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "hoering",
    version,
    about = "Høringer: publish a draft policy and hear the citizens"
)]
struct Cli {
    /// Database URL (overrides HOERING_DATABASE_URL).
    #[arg(long, global = true)]
    database_url: Option<String>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Serve the web application (the default).
    Serve {
        /// Address to listen on (overrides HOERING_ADDR).
        #[arg(long)]
        addr: Option<String>,
        /// Load the demo hearing and the demo clerk on start (also HOERING_DEMO=1).
        #[arg(long)]
        demo: bool,
    },
    /// Manage staff accounts.
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
    /// Create a policy from a Markdown file with front matter, and a hearing if it has a window;
    /// with --policy, add the file as the next version of that policy instead.
    Import {
        file: PathBuf,
        /// Add the file as a new version of the policy with this address.
        #[arg(long)]
        policy: Option<String>,
        /// The new version's label, e.g. "Endelig tekst" (with --policy).
        #[arg(long, default_value = "Ny version")]
        label: String,
        /// What changed in the new version (with --policy).
        #[arg(long, default_value = "")]
        note: String,
        #[arg(long)]
        slug: Option<String>,
        #[arg(long)]
        title: Option<String>,
        #[arg(long)]
        committee: Option<String>,
        #[arg(long)]
        contact: Option<String>,
        /// First day of the hearing, YYYY-MM-DD (Copenhagen).
        #[arg(long)]
        opens: Option<String>,
        /// Last day of the hearing (the deadline), YYYY-MM-DD.
        #[arg(long)]
        closes: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
enum UserCommand {
    /// Add a user, or set a new password and role for an existing one. The password is read
    /// from the first line of standard input.
    Add {
        #[arg(long)]
        email: String,
        #[arg(long, value_parser = ["clerk", "council", "admin"])]
        role: String,
    },
}

#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error(transparent)]
    Config(#[from] ConfigError),
    #[error(transparent)]
    Start(#[from] StartError),
    #[error(transparent)]
    Db(#[from] db::DbError),
    #[error("the e-mail address is not valid: {0}")]
    Email(String),
    #[error("the password must be at least {0} characters")]
    ShortPassword(usize),
    #[error("could not read the password from standard input")]
    ReadPassword(#[source] std::io::Error),
    #[error(transparent)]
    Password(#[from] auth::password::PasswordError),
    #[error(transparent)]
    Users(#[from] auth_db::AuthDbError),
    #[error("could not read {path}")]
    ReadFile {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("the file cannot be imported: {0}")]
    Invalid(String),
    #[error(transparent)]
    Store(#[from] hearing_db::StoreError),
    #[error(transparent)]
    Version(#[from] crate::version::db::VersionError),
}

const MIN_PASSWORD: usize = 10;

pub async fn run() -> Result<(), CliError> {
    let cli = Cli::parse();
    let mut config = Config::from_env(|k| std::env::var(k).ok())?;
    if let Some(url) = &cli.database_url {
        config.database_url = crate::config::DatabaseUrl::parse(url)?;
    }
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_new(&config.log)
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info")),
        )
        .init();
    for var in unknown_variables(std::env::vars().map(|(k, _)| k)) {
        tracing::warn!(variable = %var, "unknown HOERING_ variable is ignored");
    }
    match cli.command.unwrap_or(Command::Serve {
        addr: None,
        demo: false,
    }) {
        Command::Serve { addr, demo } => {
            if let Some(addr) = addr {
                config.set_addr(&addr)?;
            }
            config.demo |= demo;
            serve(config).await
        }
        Command::User {
            command: UserCommand::Add { email, role },
        } => {
            let email = hoering::response::Email::parse(&email)
                .map_err(|_| CliError::Email(email.clone()))?;
            let role = Role::parse(&role).unwrap_or(Role::Clerk);
            eprint!("Password for {}: ", email.as_ref());
            let mut line = String::new();
            std::io::stdin()
                .lock()
                .read_line(&mut line)
                .map_err(CliError::ReadPassword)?;
            let password = line.trim_end_matches(['\r', '\n']).to_string();
            if password.chars().count() < MIN_PASSWORD {
                return Err(CliError::ShortPassword(MIN_PASSWORD));
            }
            let db = db::connect(&config.database_url).await?;
            let hash = auth::password::hash(password).await?;
            auth_db::upsert_user(&db.pool, email.as_ref(), &hash, role).await?;
            eprintln!();
            println!("User {} ({}) is ready.", email.as_ref(), role.as_str());
            Ok(())
        }
        Command::Import {
            file,
            policy,
            label,
            note,
            slug,
            title,
            committee,
            contact,
            opens,
            closes,
        } => {
            let markdown = std::fs::read_to_string(&file).map_err(|source| CliError::ReadFile {
                path: file.display().to_string(),
                source,
            })?;
            if let Some(policy) = policy {
                let db = db::connect(&config.database_url).await?;
                let added =
                    crate::version::db::add_version(&db.pool, &policy, &label, &note, &markdown)
                        .await?;
                let summary = added
                    .matching
                    .as_ref()
                    .map(|m| {
                        let count = |kind: &str| {
                            m.blocks.iter().filter(|b| b.provenance.kind() == kind).count()
                        };
                        format!(
                            "{} unchanged, {} edited, {} moved, {} split, {} merged, {} new, {} removed",
                            count("unchanged"),
                            count("edited"),
                            count("moved"),
                            count("split_from"),
                            count("merged_from"),
                            count("new"),
                            m.removed.len()
                        )
                    })
                    .unwrap_or_default();
                println!("Added version {} of {policy}: {summary}", added.number);
                return Ok(());
            }
            let fields = HearingFields {
                markdown,
                title: title.unwrap_or_default(),
                slug: slug.unwrap_or_default(),
                committee: committee.unwrap_or_default(),
                contact: contact.unwrap_or_default(),
                opens: opens.unwrap_or_default(),
                closes: closes.unwrap_or_default(),
            };
            let new = hearing::prepare(&fields, false).map_err(|rejected| {
                CliError::Invalid(
                    rejected
                        .errors
                        .iter()
                        .map(|(k, v)| format!("{k}: {v}"))
                        .collect::<Vec<_>>()
                        .join(", "),
                )
            })?;
            let db = db::connect(&config.database_url).await?;
            let hearing = hearing_db::store(&db.pool, &new).await?;
            let blocks = new.document.blocks().count();
            match hearing {
                Some(_) => println!(
                    "Imported \"{}\" ({blocks} blocks) as a hearing at /hoeringer/{}",
                    new.title,
                    new.slug.as_ref()
                ),
                None => println!(
                    "Imported \"{}\" ({blocks} blocks) as policy {}; no hearing (give --opens and --closes)",
                    new.title,
                    new.slug.as_ref()
                ),
            }
            Ok(())
        }
    }
}

async fn serve(config: Config) -> Result<(), CliError> {
    tracing::info!(database = %config.database_url, "starting");
    let running = crate::start(&config, crate::shutdown_signal()).await?;
    if config.demo {
        let creds = demo::load(&running.db).await.map_err(StartError::from)?;
        println!();
        println!("  Demo loaded: {}", creds.hearing_url(running.addr));
        println!(
            "  Demo clerk:  {}  /  password: {}",
            creds.email, creds.password
        );
        println!("  (demo mode: never use these credentials on a real installation)");
    }
    println!();
    println!("  hoering is running on http://{}", running.addr);
    println!();
    match running.task.await {
        Ok(result) => result.map_err(CliError::from),
        Err(join) => Err(CliError::Start(StartError::Serve(std::io::Error::other(
            join,
        )))),
    }
}
