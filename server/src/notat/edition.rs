//! Editions of the høringsnotat: publishing is refused while the hearing is open; once it is
//! over, publishing renders the notat once (outline, web body, DOCX, PDF) and stores those
//! bytes with their SHA-256 as a numbered edition, in the transaction that publishes the
//! bemærkninger and writes the respondents' e-mails. Every public page and download serves a
//! stored edition; only the clerks' working draft is compiled again, and it says "Udkast"
//! only when it is not the latest edition.
//!
//! An edition is written in Danish, the language of the municipality's record: one edition is
//! one set of files with one hash each, whoever reads it (the page around it speaks the
//! reader's language).

pub mod db;

use super::db as notat_db;
use super::export::{DOCX, PDF};
use crate::auth::{Permission, Staff};
use crate::backend::{DbBackend, fail};
use crate::hearing::db::HearingRow;
use crate::state::AppState;
use crate::web::clerk::hearing_and_clerk;
use crate::web::download::attachment;
use crate::web::error::{WebError, WebResult, one_error};
use crate::web::form::Form;
use crate::web::redirect::see_other;
use app::backend::BackendError;
use app::i18n::Locale;
use app::notat::edition::{EditionPage, EditionSummary, EditionsAdmin, ShownEdition};
use app::notat::words::DocumentWords;
use axum::extract::{Path, State};
use axum::routing::{MethodRouter, get};
use hoering::notat::{Notat, Remark};
use serde::{Deserialize, Serialize};
use sha2::Digest;

/// The language every edition is written in.
const EDITION_LOCALE: Locale = Locale::da;

/// The publication form: a button, and for a revised edition what changed and why.
#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct PublishForm {
    back: String,
    edition_reason: String,
}

/// An edition's files as rendered once.
struct Rendered {
    title: String,
    outline: String,
    html: String,
    docx: Vec<u8>,
    pdf: Vec<u8>,
}

/// SHA-256 as 64 lowercase hex digits.
pub fn sha256_hex(bytes: &[u8]) -> String {
    sha2::Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn base64(bytes: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

fn unbase64(text: &str) -> Result<Vec<u8>, base64::DecodeError> {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.decode(text)
}

/// The notat's files with `byline`, in the edition's language (CPU work: call off the async
/// workers).
fn render(notat: Notat, byline: &str) -> Result<Rendered, WebError> {
    let words = DocumentWords::of(EDITION_LOCALE);
    let docx = super::docx::render(&notat, &words, byline)?;
    let pdf = super::pdf::render(&notat, &words, byline)?;
    let outline = serde_json::to_string(&notat)?;
    let title = notat.title.clone();
    let html = app::notat::edition::body_html(notat, EDITION_LOCALE);
    Ok(Rendered {
        title,
        outline,
        html,
        docx,
        pdf,
    })
}

/// The database backend the pages read through, for the notat's compile step.
fn backend(state: &AppState) -> DbBackend {
    DbBackend {
        db: state.db.clone(),
        calendar: (*state.calendar).clone(),
        sends_mail: false,
        journal_pattern: (*state.journal_pattern).clone(),
        retention: state.privacy.retention.clone(),
    }
}

/// `POST /admin/hoeringer/{slug}/hoeringsnotat/offentliggoer`: the next edition. Refused
/// while the hearing is open, while a bemærkning is a draft, for a first edition without
/// bemærkninger, and for a revision without "what changed and why". Every approved bemærkning
/// is published with it; each respondent it answers gets one e-mail, which for a revision
/// says it is one.
pub async fn publish(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    staff: Staff,
    Form(form): Form<PublishForm>,
) -> WebResult {
    let (hearing, user, back) =
        hearing_and_clerk(&state, staff, &slug, &form.back, app::routes::admin_notat).await?;
    let pool = &state.db.pool;
    let at = crate::db::now();
    let previous = db::count(pool, hearing.id).await?;
    let refused = |field: &str, code: &str| WebError::refused(&back, &form, one_error(field, code));
    let plan = hoering::notat::plan_edition(
        hearing.closes_at,
        at,
        u32::try_from(previous).unwrap_or(u32::MAX),
        &form.edition_reason,
    )
    .map_err(|r| refused(r.field(), r.code()))?;
    let remarks: Vec<Remark> = super::remarks(pool, hearing.id)
        .await?
        .into_iter()
        .map(|(_, r)| r)
        .collect();
    if remarks.is_empty() && !plan.is_revision() {
        return Err(refused("publish", "none"));
    }
    hoering::notat::publish_all(&remarks, at).map_err(|r| refused("publish", r.code()))?;
    // Every response appears in the notat: under a point, among the councils' or set aside.
    if !super::unaccounted(pool, hearing.id).await?.is_empty() {
        return Err(refused("publish", "unaccounted"));
    }

    // The notat as it reads once the approved bemærkninger are out: the preview shows them as
    // published, and no draft is left (checked above, and again in the transaction).
    let view = backend(&state)
        .compile_notat(&slug, EDITION_LOCALE, true)
        .await?
        .ok_or_else(WebError::not_found)?;
    let number = i64::from(plan.number);
    let day = hoering::calendar::local_day(at);
    let byline = app::notat::edition::edition_byline(
        EDITION_LOCALE,
        &state.outbox.sender.municipality,
        number,
        day,
    );
    let files = tokio::task::spawn_blocking(move || render(view.notat, &byline)).await??;
    let hashes = (
        sha256_hex(files.html.as_bytes()),
        sha256_hex(&files.docx),
        sha256_hex(&files.pdf),
    );

    let sender = state.outbox.sender.clone();
    let title = hearing.title.clone();
    let revision = plan.is_revision();
    let link = if revision {
        app::routes::hearing_notat(&slug)
    } else {
        app::routes::hearing_result(&slug)
    };
    let reason = plan.reason.clone();
    let mut tx = crate::db::begin_write(pool).await?;
    let published = notat_db::publish_in(&mut tx, hearing.id, user, at, &state.outbox, |r| {
        // Each respondent in the language they wrote in, not the clerk's.
        let locale = app::messages::locale_by_code(&r.lang).unwrap_or(Locale::da);
        let m = hoering::mail::RemarksMail {
            to: &r.email,
            name: &r.name,
            hearing_title: &title,
            receipt_number: &crate::response::receipt_number(r.id, r.created_at),
            result_path: &link,
        };
        if revision {
            app::mail::texts::notat_revised(locale, &sender, &m, number, &reason)
        } else {
            app::mail::texts::remarks_published(locale, &sender, &m)
        }
    })
    .await?;
    // A draft written since the check above: nothing was written, and nothing is published.
    let Some(published) = published else {
        return Err(refused("publish", "unapproved"));
    };
    // Another clerk published an edition since this one was planned: its number is taken and
    // its bemærkninger are out, so the clerk reads the page again rather than meeting a 500.
    // On SQLite the write transaction sees that edition here; on PostgreSQL two transactions
    // can both count the old number, and the unique key refuses the second insert.
    if db::count(&mut *tx, hearing.id).await? != previous {
        return Err(refused("publish", "meanwhile"));
    }
    let inserted = db::insert(
        &mut tx,
        &db::NewEdition {
            hearing_id: hearing.id,
            number,
            published_at: at,
            published_by: user,
            reason: &plan.reason,
            lang: app::messages::locale_code(EDITION_LOCALE),
            title: &files.title,
            outline: &files.outline,
            html: &files.html,
            docx: &base64(&files.docx),
            pdf: &base64(&files.pdf),
            html_sha256: &hashes.0,
            docx_sha256: &hashes.1,
            pdf_sha256: &hashes.2,
        },
    )
    .await;
    match inserted {
        Err(sqlx::Error::Database(e)) if e.is_unique_violation() => {
            return Err(refused("publish", "meanwhile"));
        }
        other => other?,
    };
    let after = serde_json::json!({
        "edition": number,
        "reason": plan.reason,
        "html_sha256": hashes.0,
        "docx_sha256": hashes.1,
        "pdf_sha256": hashes.2,
    });
    let entry =
        crate::journal::Entry::hearing(user, crate::journal::Action::EditionPublished, hearing.id)
            .change(
                if previous > 0 {
                    previous.to_string()
                } else {
                    String::new()
                },
                after.to_string(),
            );
    crate::journal::db::write(&mut tx, &entry).await?;
    tx.commit().await?;
    if published > 0 {
        state.outbox.wake();
    }
    Ok(see_other(&format!("{back}#offentliggoer")))
}

fn summary(row: &db::EditionRow) -> EditionSummary {
    EditionSummary {
        number: row.number,
        published: hoering::calendar::local_day(row.published_at),
        reason: row.reason.clone(),
        html_sha256: row.html_sha256.clone(),
        docx_sha256: row.docx_sha256.clone(),
        pdf_sha256: row.pdf_sha256.clone(),
    }
}

/// Whether the hearing is over, and its editions, for the clerk's page.
pub async fn admin_facts(
    pool: &sqlx::AnyPool,
    hearing: &HearingRow,
) -> Result<EditionsAdmin, BackendError> {
    let editions = db::of_hearing(pool, hearing.id).await.map_err(fail)?;
    Ok(EditionsAdmin {
        // The stored close is the start of the day after the last day.
        last_day: hoering::calendar::local_day(hearing.closes_at - 1),
        closed: crate::db::now() >= hearing.closes_at,
        editions: editions.iter().map(summary).collect(),
    })
}

/// The public page of edition `number` (`None`: the latest) of hearing `slug`.
pub async fn page(
    backend: &DbBackend,
    slug: &str,
    number: Option<i64>,
) -> Result<Option<EditionPage>, BackendError> {
    let pool = &backend.db.pool;
    let Some(hearing) = crate::hearing::db::by_slug(pool, slug)
        .await
        .map_err(fail)?
    else {
        return Ok(None);
    };
    let rows = db::of_hearing(pool, hearing.id).await.map_err(fail)?;
    let row = match number {
        None => rows.first(),
        Some(n) => match rows.iter().find(|r| r.number == n) {
            Some(r) => Some(r),
            None => return Ok(None),
        },
    };
    let shown = match row {
        None => None,
        Some(row) => {
            let html = db::file(pool, hearing.id, row.number, db::File::Html)
                .await
                .map_err(fail)?
                .ok_or_else(|| fail("an edition without its page"))?;
            Some(ShownEdition {
                summary: summary(row),
                title: row.title.clone(),
                html,
                lang: row.lang.clone(),
            })
        }
    };
    Ok(Some(EditionPage {
        hearing_slug: hearing.slug,
        hearing_title: hearing.title,
        shown,
        editions: rows.iter().map(summary).collect(),
    }))
}

/// Edition `number`'s outline as it was published.
async fn stored_outline(
    pool: &sqlx::AnyPool,
    hearing_id: i64,
    number: i64,
) -> Result<Notat, BackendError> {
    let json = db::file(pool, hearing_id, number, db::File::Outline)
        .await
        .map_err(fail)?
        .ok_or_else(|| fail("an edition without its outline"))?;
    serde_json::from_str(&json).map_err(fail)
}

/// The latest edition's outline as it was published, and the day: what the result page
/// shows of the notat. `None` before the first edition.
pub async fn published_notat(
    pool: &sqlx::AnyPool,
    hearing_id: i64,
) -> Result<Option<(Notat, jiff::civil::Date)>, BackendError> {
    let Some((json, at)) = db::latest_outline(pool, hearing_id).await.map_err(fail)? else {
        return Ok(None);
    };
    let notat = serde_json::from_str(&json).map_err(fail)?;
    Ok(Some((notat, hoering::calendar::local_day(at))))
}

/// The downloads of an edition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Docx,
    Pdf,
    Html,
}

impl Format {
    fn of(file: &str) -> Option<Self> {
        match file {
            "hoeringsnotat.docx" => Some(Self::Docx),
            "hoeringsnotat.pdf" => Some(Self::Pdf),
            "hoeringsnotat.html" => Some(Self::Html),
            _ => None,
        }
    }
}

/// Edition `number`'s file (`None`: the latest edition's) as stored; `None` before the first
/// edition or for an unknown one.
async fn edition_file(
    pool: &sqlx::AnyPool,
    hearing: &HearingRow,
    number: Option<i64>,
    format: Format,
) -> Result<Option<(Vec<u8>, &'static str, String)>, WebError> {
    let number = match number {
        Some(n) => n,
        None => match db::count(pool, hearing.id).await? {
            0 => return Ok(None),
            n => n,
        },
    };
    let column = match format {
        Format::Docx => db::File::Docx,
        Format::Pdf => db::File::Pdf,
        Format::Html => db::File::Html,
    };
    let Some(stored) = db::file(pool, hearing.id, number, column).await? else {
        return Ok(None);
    };
    let stem = format!("hoeringsnotat-{}-udgave-{number}", hearing.slug);
    Ok(Some(match format {
        Format::Docx => (unbase64(&stored)?, DOCX, format!("{stem}.docx")),
        Format::Pdf => (unbase64(&stored)?, PDF, format!("{stem}.pdf")),
        Format::Html => (
            stored.into_bytes(),
            "text/html; charset=utf-8",
            format!("{stem}.html"),
        ),
    }))
}

async fn public_file(state: &AppState, slug: &str, number: Option<i64>, file: &str) -> WebResult {
    let format = Format::of(file).ok_or_else(WebError::not_found)?;
    let hearing = crate::hearing::db::by_slug(&state.db.pool, slug)
        .await?
        .ok_or_else(WebError::not_found)?;
    let (bytes, content_type, name) = edition_file(&state.db.pool, &hearing, number, format)
        .await?
        .ok_or_else(WebError::not_found)?;
    Ok(attachment(bytes, content_type, &name))
}

/// `GET /hoeringer/{slug}/{file}`: the latest edition's file, as stored.
pub fn latest_download(file: &'static str) -> MethodRouter<AppState> {
    get(
        move |State(state): State<AppState>, Path(slug): Path<String>| async move {
            public_file(&state, &slug, None, file).await
        },
    )
}

/// `GET /hoeringer/{slug}/hoeringsnotat/udgave/{n}/{file}`: edition `n`'s file, as stored.
pub fn edition_download(file: &'static str) -> MethodRouter<AppState> {
    get(
        move |State(state): State<AppState>, Path((slug, number)): Path<(String, i64)>| async move {
            public_file(&state, &slug, Some(number), file).await
        },
    )
}

/// `GET /admin/hoeringer/{slug}/{file}`: the clerks' notat. The working draft (every
/// bemærkning shown, published or not) compiled now, in the reader's language, with a byline
/// saying it is a draft; but when it reads exactly as the latest edition does, the edition's
/// own file, which is no draft.
pub fn admin_download(file: &'static str) -> MethodRouter<AppState> {
    get(
        move |State(state): State<AppState>,
              Path(slug): Path<String>,
              staff: Staff,
              headers: http::HeaderMap| async move {
            admin_file(&state, &slug, staff, &headers, file).await
        },
    )
}

async fn admin_file(
    state: &AppState,
    slug: &str,
    staff: Staff,
    headers: &http::HeaderMap,
    file: &str,
) -> WebResult {
    use super::export::Format as Out;
    staff.may(Permission::ReadAdmin)?;
    let (format, out) = match file {
        "hoeringsnotat.docx" => (Format::Docx, Out::Docx),
        "hoeringsnotat.pdf" => (Format::Pdf, Out::Pdf),
        _ => return Err(WebError::not_found()),
    };
    let pool = &state.db.pool;
    let hearing = crate::hearing::db::by_slug(pool, slug)
        .await?
        .ok_or_else(WebError::not_found)?;
    // Both formats embed their fonts: the clerk gets the draft in their own language.
    let locale = crate::web::language::reader_locale(headers);
    let view = backend(state)
        .compile_notat(slug, locale, true)
        .await?
        .ok_or_else(WebError::not_found)?;
    let editions = db::count(pool, hearing.id).await?;
    if editions > 0 && locale == EDITION_LOCALE {
        let latest = stored_outline(pool, hearing.id, editions).await?;
        if latest == view.notat
            && let Some((bytes, content_type, name)) =
                edition_file(pool, &hearing, Some(editions), format).await?
        {
            return Ok(attachment(bytes, content_type, &name));
        }
    }
    let municipality = state.outbox.sender.municipality.clone();
    let byline = if editions > 0 {
        app::notat::edition::next_draft_byline(locale, &municipality, editions + 1)
    } else {
        app::notat::words::byline(locale, &municipality, None)
    };
    let stem = format!("hoeringsnotat-{}-udkast", hearing.slug);
    let (bytes, content_type, name) = tokio::task::spawn_blocking(move || {
        let words = DocumentWords::of(locale);
        super::export::render_notat(&view.notat, out, &words, &byline, &stem)
    })
    .await??;
    Ok(attachment(bytes, content_type, &name))
}
