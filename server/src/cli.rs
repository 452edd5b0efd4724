//! The command line: `hoering serve` (the default), `hoering user add`, `hoering import`,
//! `hoering policy list|advance|skip|freeze|summary`, `hoering decision add`, `hoering backup`,
//! `hoering bench`, `hoering export`, `hoering import-archive`, `hoering retention`.

use crate::auth::{self, Role, db as auth_db};
use crate::config::MailConfig;
use crate::config::{Config, ConfigError, unknown_variables};
use crate::hearing::{self, HearingFields};
use crate::{StartError, db, demo};
use clap::{Parser, Subcommand};
use std::io::BufRead;
use std::path::PathBuf;

/// A stage as the operator reads it: its Danish name.
fn stage_name(stage: hoering::process::Stage) -> &'static str {
    app::names::stage(app::i18n::Locale::da, stage)
}

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
    /// Follow and move policies on their road to the Byråd vote.
    Policy {
        #[command(subcommand)]
        command: PolicyCommand,
    },
    /// Record political decisions.
    Decision {
        #[command(subcommand)]
        command: DecisionCommand,
    },
    /// Measure this machine: start this binary as a server on a fresh database, load it with
    /// wrk and print the figures (also written to OUT/bench.md and bench.json).
    Bench {
        /// A short run of every step, as CI does; its figures are not for comparing.
        #[arg(long)]
        smoke: bool,
        /// Also measure PostgreSQL: a server URL whose user may create a scratch database.
        #[arg(long)]
        postgres: Option<String>,
        /// Seconds of load per measurement (default 10; 1 with --smoke).
        #[arg(long)]
        seconds: Option<u64>,
        /// Published responses on the bench hearing (default 10,000; 2,000 with --smoke).
        #[arg(long)]
        responses: Option<usize>,
        #[arg(long, default_value = "target/bench")]
        out: PathBuf,
    },
    /// Write the whole installation to a new archive FILE (zip of JSON lines with a manifest
    /// and checksums), to move it to another machine or database.
    Export { file: PathBuf },
    /// Load an archive written by `hoering export` into this (empty) database, SQLite or
    /// PostgreSQL alike.
    ImportArchive { file: PathBuf },
    /// Erase the senders' personal data of every hearing whose retention has run out (the
    /// server does this itself every few minutes); with --dry-run, only list each closed
    /// hearing's rule and what would go (tab-separated: address, erasure day, months, state,
    /// senders, originals, file names).
    Retention {
        #[arg(long)]
        dry_run: bool,
    },
    /// Copy the SQLite database to FILE while the server runs (a consistent snapshot); for
    /// PostgreSQL use pg_dump.
    Backup { file: PathBuf },
    /// Create a policy from a Markdown file with front matter (or a Word .docx or LibreOffice
    /// .odt file), and a hearing if it has a window; with --policy, add the file as the next
    /// version of that policy instead.
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
        /// Instead of --closes: the deadline as a number of working days after --opens.
        #[arg(long, conflicts_with = "closes")]
        working_days: Option<u32>,
    },
}

#[derive(Debug, Subcommand)]
enum PolicyCommand {
    /// List every policy with its stage (tab-separated: address, stage, state, adopted, title).
    List,
    /// Go on to the next stage; to Høring it opens the hearing on the newest frozen version
    /// (give its window), to Offentliggjort it publishes.
    Advance {
        slug: String,
        /// The stage, by code or Danish name (hearing, høring, city_council, byrådet, …).
        #[arg(long)]
        to: String,
        /// The day it happened, YYYY-MM-DD (default today).
        #[arg(long)]
        date: Option<String>,
        /// With --to hearing: the first day of the hearing (default --date).
        #[arg(long)]
        opens: Option<String>,
        /// With --to hearing: the deadline, YYYY-MM-DD.
        #[arg(long)]
        closes: Option<String>,
        /// With --to hearing: the deadline as a number of working days after the first day.
        #[arg(long)]
        working_days: Option<u32>,
    },
    /// Pass the next stage by, where the template allows it, with a reason.
    Skip {
        slug: String,
        #[arg(long)]
        stage: String,
        #[arg(long)]
        reason: String,
        #[arg(long)]
        date: Option<String>,
    },
    /// Freeze a version: from then on it may go to hearing and be decided on.
    Freeze {
        slug: String,
        #[arg(long)]
        version: u32,
        #[arg(long)]
        date: Option<String>,
    },
    /// Record that the høringsnotat exists.
    Summary {
        slug: String,
        #[arg(long)]
        date: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
enum DecisionCommand {
    /// Record a decision of the body deciding in the policy's current stage.
    Add {
        slug: String,
        /// committee, finance_committee or city_council (default: the current stage's body).
        #[arg(long)]
        body: Option<String>,
        #[arg(long)]
        meeting_date: String,
        #[arg(long)]
        agenda_number: Option<String>,
        /// The agenda item's title.
        #[arg(long)]
        title: String,
        #[arg(long)]
        minutes_url: Option<String>,
        /// The version decided on.
        #[arg(long)]
        version: String,
        /// adopted, rejected, postponed or sent_back.
        #[arg(long, default_value = "adopted")]
        outcome: String,
        /// With --outcome sent_back: the stage it returns to.
        #[arg(long)]
        back_to: Option<String>,
        #[arg(long = "for")]
        votes_for: Option<String>,
        #[arg(long)]
        against: Option<String>,
        #[arg(long)]
        abstaining: Option<String>,
        /// minority_statement or minutes_entry.
        #[arg(long)]
        dissent_kind: Option<String>,
        #[arg(long)]
        dissent_by: Option<String>,
        #[arg(long)]
        dissent_text: Option<String>,
        /// The decision as the minutes word it.
        #[arg(long, default_value = "")]
        text: String,
        /// The day it is recorded (default today; not before the meeting).
        #[arg(long)]
        date: Option<String>,
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
        /// A council the user sits in, by name or address (repeat for several); council role only.
        #[arg(long = "council")]
        councils: Vec<String>,
        /// The user chairs these councils (and submits their joint response).
        #[arg(long)]
        chair: bool,
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
    Council(#[from] crate::council::CouncilError),
    #[error(
        "HOERING_PUBLIC_URL is required outside the demo: e-mails, feeds and calendars link to \
         the site by it (e.g. HOERING_PUBLIC_URL=https://hoeringer.kommune.dk)"
    )]
    NoPublicUrl,
    #[error("the demo's invitations could not be written: {0}")]
    Demo(String),
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
    #[error("the backup to {path} failed")]
    Backup {
        path: String,
        #[source]
        source: sqlx::Error,
    },
    #[error("the file cannot be imported: {0}")]
    Invalid(String),
    #[error(transparent)]
    Store(#[from] crate::policy::db::StoreError),
    #[error(transparent)]
    Version(#[from] crate::version::db::VersionError),
    #[error(transparent)]
    Road(#[from] crate::policy::db::RoadDbError),
    #[error("{0}")]
    Step(String),
    #[error(transparent)]
    Bench(#[from] crate::bench::BenchError),
    #[error(transparent)]
    Archive(#[from] crate::archive::ArchiveError),
    #[error("the database could not be read or written")]
    Sql(#[from] sqlx::Error),
}

/// A step's failure as the operator reads it: the road's reason in Danish and English.
fn step_error(e: crate::policy::StepError) -> CliError {
    use crate::policy::StepError;
    match e {
        StepError::Refused(r) => {
            use app::i18n::Locale;
            CliError::Step(format!(
                "refused: {} / {}",
                app::policy::refusals::refusal(Locale::da, &r),
                app::policy::refusals::refusal(Locale::en, &r)
            ))
        }
        StepError::Fields(f) => CliError::Step(format!(
            "invalid: {}",
            f.iter()
                .map(|(k, v)| format!("{k}: {v}"))
                .collect::<Vec<_>>()
                .join(", ")
        )),
        other => CliError::Step(other.to_string()),
    }
}

fn day_or_today(s: Option<&str>) -> Result<jiff::civil::Date, CliError> {
    match s {
        None => Ok(hoering::calendar::today()),
        Some(s) => hoering::hearing::parse_date(s)
            .map_err(|_| CliError::Invalid(format!("not a date (YYYY-MM-DD): {s}"))),
    }
}

fn stage_arg(s: &str) -> Result<hoering::process::Stage, CliError> {
    hoering::process::Stage::parse(s)
        .ok_or_else(|| CliError::Invalid(format!("no such stage: {s}")))
}

async fn policy_command(config: &Config, command: PolicyCommand) -> Result<(), CliError> {
    use crate::policy::{StepRequest, WindowRequest, db::Actor, take_step};
    use hoering::process::Action;
    let db = db::connect(&config.database_url).await?;
    crate::policy::db::backfill(&db.pool).await?;
    let calendar = config.calendar();
    let (slug, request) = match command {
        PolicyCommand::List => {
            for row in crate::policy::db::list(&db.pool)
                .await
                .map_err(crate::policy::db::RoadDbError::from)?
            {
                let road = row.road()?;
                let state = match road.state() {
                    hoering::process::RoadState::InProgress { .. } => "in_progress",
                    hoering::process::RoadState::Rejected { .. } => "rejected",
                    hoering::process::RoadState::Published { .. } => "published",
                };
                let adopted = road
                    .adoption()
                    .map(|a| a.meeting_date.to_string())
                    .unwrap_or_else(|| "-".into());
                println!(
                    "{}\t{}\t{state}\t{adopted}\t{}",
                    row.slug,
                    road.stage().as_str(),
                    row.title
                );
            }
            return Ok(());
        }
        PolicyCommand::Advance {
            slug,
            to,
            date,
            opens,
            closes,
            working_days,
        } => {
            let on = day_or_today(date.as_deref())?;
            let to = stage_arg(&to)?;
            let opens = match opens {
                Some(o) => day_or_today(Some(&o))?,
                None => on,
            };
            let window = match (closes, working_days) {
                (_, Some(days)) => Some(WindowRequest::WorkingDays { opens, days }),
                (Some(c), None) => Some(WindowRequest::Dates {
                    opens,
                    closes: day_or_today(Some(&c))?,
                }),
                (None, None) => None,
            };
            (
                slug,
                StepRequest {
                    action: Action::Advance { to },
                    on,
                    window,
                    revision: None,
                },
            )
        }
        PolicyCommand::Skip {
            slug,
            stage,
            reason,
            date,
        } => {
            let on = day_or_today(date.as_deref())?;
            let stage = stage_arg(&stage)?;
            (
                slug,
                StepRequest {
                    action: Action::Skip { stage, reason },
                    on,
                    window: None,
                    revision: None,
                },
            )
        }
        PolicyCommand::Freeze {
            slug,
            version,
            date,
        } => {
            let on = day_or_today(date.as_deref())?;
            (
                slug,
                StepRequest {
                    action: Action::FreezeVersion { number: version },
                    on,
                    window: None,
                    revision: None,
                },
            )
        }
        PolicyCommand::Summary { slug, date } => {
            let on = day_or_today(date.as_deref())?;
            (
                slug,
                StepRequest {
                    action: Action::RecordHearingSummary,
                    on,
                    window: None,
                    revision: None,
                },
            )
        }
    };
    let done = take_step(&db, &calendar, &slug, request, &Actor::cli())
        .await
        .map_err(step_error)?;
    println!("{slug}: {}", stage_name(done.stage));
    if let Some(hearing) = done.opened_hearing {
        println!("hearing opened at /hoeringer/{hearing}");
    }
    Ok(())
}

async fn decision_command(config: &Config, command: DecisionCommand) -> Result<(), CliError> {
    use crate::policy::{StepRequest, db::Actor, take_step};
    use hoering::process::{Action, DecisionFields};
    let DecisionCommand::Add {
        slug,
        body,
        meeting_date,
        agenda_number,
        title,
        minutes_url,
        version,
        outcome,
        back_to,
        votes_for,
        against,
        abstaining,
        dissent_kind,
        dissent_by,
        dissent_text,
        text,
        date,
    } = command;
    let db = db::connect(&config.database_url).await?;
    crate::policy::db::backfill(&db.pool).await?;
    let body = match body {
        Some(b) => b,
        None => {
            let row = crate::policy::db::by_slug(&db.pool, &slug)
                .await
                .map_err(crate::policy::db::RoadDbError::from)?
                .ok_or_else(|| CliError::Step(format!("no policy {slug}")))?;
            let stage = row.road()?.stage();
            stage
                .deciding_body()
                .map(|b| b.as_str().to_string())
                .ok_or_else(|| {
                    CliError::Step(format!(
                        "no body decides in the stage {}",
                        stage_name(stage)
                    ))
                })?
        }
    };
    let fields = DecisionFields {
        body,
        meeting_date,
        agenda_item_number: agenda_number.unwrap_or_default(),
        agenda_item_title: title,
        minutes_url: minutes_url.unwrap_or_default(),
        version,
        outcome,
        back_to: back_to.unwrap_or_default(),
        votes_in_favour: votes_for.unwrap_or_default(),
        votes_against: against.unwrap_or_default(),
        votes_abstaining: abstaining.unwrap_or_default(),
        dissent_kind: dissent_kind.unwrap_or_default(),
        dissent_by: dissent_by.unwrap_or_default(),
        dissent_text: dissent_text.unwrap_or_default(),
        text,
    };
    let decision = fields.parse().map_err(|errors| {
        CliError::Invalid(
            errors
                .iter()
                .map(|(k, v)| format!("{k}: {v}"))
                .collect::<Vec<_>>()
                .join(", "),
        )
    })?;
    let on = match date {
        Some(d) => day_or_today(Some(&d))?,
        None => hoering::calendar::today(),
    };
    let request = StepRequest {
        action: Action::RecordDecision(decision),
        on,
        window: None,
        revision: None,
    };
    let done = take_step(&db, &config.calendar(), &slug, request, &Actor::cli())
        .await
        .map_err(step_error)?;
    println!("{slug}: decision recorded; now {}", stage_name(done.stage));
    Ok(())
}

const MIN_PASSWORD: usize = 10;

pub async fn run() -> Result<(), CliError> {
    // Every command may word a count (pages, e-mails): the plural rules first.
    app::plurals::install();
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
            if config.demo && config.mail.municipality == MailConfig::default().municipality {
                config.mail.municipality = "Roskilde Kommune".into();
            }
            serve(config).await
        }
        Command::User {
            command:
                UserCommand::Add {
                    email,
                    role,
                    councils,
                    chair,
                },
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
            if !councils.is_empty() && role != Role::Council {
                return Err(CliError::Council(
                    crate::council::CouncilError::NotCouncilRole(email.as_ref().to_string()),
                ));
            }
            let (_, ended) = auth_db::upsert_user(&db.pool, email.as_ref(), &hash, role).await?;
            eprintln!();
            println!("User {} ({}) is ready.", email.as_ref(), role.as_str());
            if ended > 0 {
                let s = if ended == 1 { "" } else { "s" };
                println!("  {ended} session{s} ended: the account signs in again.");
            }
            for council in &councils {
                // A name ("Integrationsrådet") or an address ("integrationsraadet") alike.
                let slug = hoering::council::CouncilName::parse(council)
                    .ok()
                    .and_then(|n| hoering::council::CouncilSlug::from_name(&n).ok())
                    .map(|s| s.as_str().to_string())
                    .unwrap_or_else(|| council.clone());
                crate::council::add_member(&db.pool, &slug, email.as_ref(), chair).await?;
                println!("  member of {slug}{}", if chair { " (chair)" } else { "" });
            }
            Ok(())
        }
        Command::Policy { command } => policy_command(&config, command).await,
        Command::Decision { command } => decision_command(&config, command).await,
        Command::Bench {
            smoke,
            postgres,
            seconds,
            responses,
            out,
        } => {
            let site_root = PathBuf::from(&config.site_root);
            let mut options = if smoke {
                crate::bench::Options::smoke(site_root, postgres)
            } else {
                crate::bench::Options::full(site_root, postgres)
            };
            options.seconds = seconds.unwrap_or(options.seconds).max(1);
            options.responses = responses.unwrap_or(options.responses);
            options.out = out;
            let report = crate::bench::run(&options).await?;
            println!("{}", report.markdown());
            println!("(written to {})", options.out.display());
            Ok(())
        }
        Command::Export { file } => {
            let db = db::connect(&config.database_url).await?;
            let manifest = crate::archive::export(&db, &file).await?;
            println!(
                "exported {} rows of {} tables to {}",
                manifest.rows(),
                manifest.tables.len(),
                file.display()
            );
            Ok(())
        }
        Command::ImportArchive { file } => {
            let db = db::connect(&config.database_url).await?;
            let manifest = crate::archive::import(&db, &file).await?;
            println!(
                "imported {} rows of {} tables from {} (a {} installation exported {})",
                manifest.rows(),
                manifest.tables.len(),
                file.display(),
                manifest.source,
                manifest.exported_at
            );
            Ok(())
        }
        Command::Retention { dry_run } => {
            let db = db::connect(&config.database_url).await?;
            let choices = &config.privacy.retention;
            let now = db::now();
            let today = hoering::calendar::local_day(now);
            if dry_run {
                println!("hearing\terasure_day\tmonths\tstate\tsenders\toriginals\tfile_names");
                for (plan, pending) in crate::retention::plans(&db.pool, choices, now).await? {
                    let state = match plan.erased_at {
                        Some(at) => format!("erased {}", hoering::calendar::local_day(at)),
                        None if plan.is_due(today) => "due now".into(),
                        None => "kept".into(),
                    };
                    println!(
                        "{}\t{}\t{}{}\t{state}\t{}\t{}\t{}",
                        plan.slug,
                        plan.due,
                        plan.months,
                        if plan.chosen.is_some() {
                            ""
                        } else {
                            " (default)"
                        },
                        pending.senders,
                        pending.originals,
                        pending.file_names
                    );
                }
                return Ok(());
            }
            let done = crate::retention::erase_due(&db.pool, choices, now, None).await?;
            for (plan, erased) in &done {
                println!(
                    "{}: erased {} senders, {} originals, {} file names",
                    plan.slug, erased.senders, erased.originals, erased.file_names
                );
            }
            println!("{} hearings erased", done.len());
            Ok(())
        }
        Command::Backup { file } => {
            let db = db::connect(&config.database_url).await?;
            if db.engine != db::Engine::Sqlite {
                return Err(CliError::Invalid(
                    "hoering backup copies the SQLite file; back PostgreSQL up with pg_dump".into(),
                ));
            }
            let path = file.display().to_string();
            if file.exists() {
                return Err(CliError::Invalid(format!(
                    "{path} exists already; a backup never overwrites a file"
                )));
            }
            db::backup_into(&db.pool, &path)
                .await
                .map_err(|source| CliError::Backup {
                    path: path.clone(),
                    source,
                })?;
            println!("backup written to {path}");
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
            working_days,
        } => {
            let closes = match (working_days, &opens) {
                (Some(n), Some(o)) => Some(
                    config
                        .calendar()
                        .deadline_after_working_days(day_or_today(Some(o))?, n)
                        .to_string(),
                ),
                (Some(_), None) => {
                    return Err(CliError::Invalid("--working-days needs --opens".into()));
                }
                (None, _) => closes,
            };
            let bytes = std::fs::read(&file).map_err(|source| CliError::ReadFile {
                path: file.display().to_string(),
                source,
            })?;
            // Markdown as it is; a Word or LibreOffice file made into Markdown, with what it
            // held that the draft does not told on the way.
            let markdown = match crate::import::sniff(&bytes) {
                Ok(crate::import::Kind::Markdown) => String::from_utf8(bytes)
                    .map_err(|_| CliError::Invalid("the file is not UTF-8 text".into()))?,
                Ok(_) => {
                    let imported = crate::import::read(&bytes)
                        .map_err(|e| CliError::Invalid(format!("{}: {e}", file.display())))?;
                    for item in &imported.left_out {
                        eprintln!("not imported: {item:?}");
                    }
                    imported.markdown
                }
                Err(e) => return Err(CliError::Invalid(format!("{}: {e}", file.display()))),
            };
            if let Some(policy) = policy {
                // The same limits as the form's (size, number of blocks).
                hoering::hearing::parse_markdown(&markdown)
                    .map_err(|code| CliError::Invalid(format!("markdown: {code}")))?;
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
            let hearing =
                crate::policy::db::store_draft(&db.pool, &new, &crate::policy::db::Actor::cli())
                    .await?;
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
    // Links must not follow the request's Host header, so a real installation says its address.
    if !config.demo && config.public_url.is_none() {
        return Err(CliError::NoPublicUrl);
    }
    tracing::info!(
        database = %config.database_url,
        browser_files = if crate::web::assets::embedded() { "embedded" } else { "from the site root" },
        "starting"
    );
    let running = crate::start(&config, crate::shutdown_signal()).await?;
    if config.demo {
        let creds = demo::load(&running.db).await.map_err(StartError::from)?;
        println!();
        println!("  Demo loaded: {}", creds.hearing_url(running.addr));
        println!(
            "  Demo clerk:  {}  /  password: {}",
            creds.email, creds.password
        );
        println!(
            "  Demo admin:  {}  /  password: {} (reads the outbox at /admin/post)",
            creds.admin_email, creds.password
        );
        println!(
            "  Demo council member (chair of Integrationsrådet):  {}  /  password: {}",
            creds.council_email, creds.password
        );
        println!(
            "  Demo council member of Integrationsrådet:  {}  /  password: {}",
            creds.council_member_email, creds.password
        );
        // The demo hearing is open: its høringsliste is invited now, not at the next round.
        crate::consultees::send_due(
            &running.db.pool,
            &running.outbox,
            &config.calendar(),
            crate::db::now(),
        )
        .await
        .map_err(|e| CliError::Demo(e.to_string()))?;
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
