//! The notat's downloads: the høringsnotat rendered as DOCX and PDF (served by
//! `notat::edition`: the clerks' draft and the published editions), the responses as XLSX
//! and CSV, and the archive for the case system.

use super::db as notat_db;
use crate::auth::{Permission, Staff};
use crate::state::AppState;
use crate::web::download::{attachment, csv_cell, file_name};
use crate::web::error::{WebError, WebResult};
use app::i18n::Locale;
use app::notat::words::{DocumentWords, RECORD_COLUMNS, RecordWords};
use axum::extract::{Path, State};
use axum::routing::{MethodRouter, get};
use hoering::notat::Notat;
use http::HeaderMap;
use std::collections::HashMap;
use std::io::Write;

/// One response as a row of the records.
pub type Record = [String; RECORD_COLUMNS];

/// The records' columns that hold long text (wrapped in the XLSX), and the receipt time.
const TEXT_COLUMNS: [usize; 5] = [9, 10, 14, 15, 18];
const RECEIVED_COLUMN: usize = 2;

pub(super) const DOCX: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
pub(super) const PDF: &str = "application/pdf";
const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// The formats the notat is downloaded in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Docx,
    Pdf,
}

/// Why a notat could not be written as a file.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error(transparent)]
    Docx(#[from] super::docx::DocxError),
    #[error(transparent)]
    Pdf(#[from] super::pdf::PdfError),
}

/// `notat` as a file named `{stem}.docx` or `{stem}.pdf`, with its content type; `words` are
/// its fixed words (the notat's own were chosen when it was compiled).
pub fn render_notat(
    notat: &Notat,
    format: Format,
    words: &DocumentWords,
    byline: &str,
    stem: &str,
) -> Result<(Vec<u8>, &'static str, String), RenderError> {
    Ok(match format {
        Format::Docx => (
            super::docx::render(notat, words, byline)?,
            DOCX,
            format!("{stem}.docx"),
        ),
        Format::Pdf => (
            super::pdf::render(notat, words, byline)?,
            PDF,
            format!("{stem}.pdf"),
        ),
    })
}

/// The route of one of the clerks' downloads of hearing `{slug}`.
pub fn admin_download(file: &'static str) -> MethodRouter<AppState> {
    get(
        move |state: State<AppState>,
              Path(slug): Path<String>,
              staff: Staff,
              headers: HeaderMap| { admin_file(state, slug, staff, headers, file) },
    )
}

/// `GET /admin/hoeringer/{slug}/{file}`: the clerks' draft notat (every bemærkning shown,
/// published or not), the responses as XLSX or CSV, or the case-system archive.
pub async fn admin_file(
    State(state): State<AppState>,
    slug: String,
    staff: Staff,
    headers: HeaderMap,
    file: &'static str,
) -> WebResult {
    if file == "journal.zip" {
        let session = staff.may(Permission::Moderate)?;
        return archive(&state, &slug, session.user.id).await;
    }
    staff.may(Permission::ReadAdmin)?;
    match file {
        "svar.xlsx" | "svar.csv" => {
            let locale = crate::web::language::reader_locale(&headers);
            records(&state, &slug, file.ends_with(".xlsx"), locale).await
        }
        // The notat's own downloads are routed to `notat::edition`.
        _ => Err(WebError::not_found()),
    }
}

/// Every received response of a hearing as rows under [`RecordWords::header`], worded in `locale`:
/// its journal number,
/// tags, campaign group, and the bemærkning answering it. Never the e-mail address.
pub async fn record_rows(
    pool: &sqlx::AnyPool,
    pattern: &hoering::notat::JournalPattern,
    hearing: &crate::hearing::db::HearingRow,
    locale: Locale,
) -> Result<Vec<Record>, WebError> {
    let fail = |e: sqlx::Error| WebError::internal("reading the responses failed", e);
    let received = crate::response::db::received(pool, hearing.id)
        .await
        .map_err(fail)?;
    let (case, _) = notat_db::case_facts(pool, hearing.id).await.map_err(fail)?;
    let mut tags: HashMap<i64, Vec<String>> = HashMap::new();
    for (id, name) in notat_db::tags(pool, hearing.id).await.map_err(fail)? {
        tags.entry(id).or_default().push(name);
    }
    // Each file by name and hash, one a line: what the clerk files, and how to check it.
    let mut files: HashMap<i64, Vec<String>> = HashMap::new();
    for f in crate::attachment::db::of_hearing(pool, hearing.id)
        .await
        .map_err(fail)?
    {
        files
            .entry(f.response_id)
            .or_default()
            .push(format!("{} ({})", f.file.name, f.file.sha256));
    }
    let remarks = super::remarks(pool, hearing.id).await?;
    let mut answer: HashMap<i64, usize> = HashMap::new();
    for (i, (_, remark)) in remarks.iter().enumerate() {
        for id in remark.target.responses() {
            answer.entry(id).or_insert(i);
        }
    }
    let pattern = pattern.clone();
    let slug = hearing.slug.clone();
    let words = DocumentWords::of(locale);
    let cells = RecordWords::of(locale);
    tokio::task::spawn_blocking(move || {
        // Campaign groups, numbered in order of their first response.
        let texts: Vec<&str> = received.iter().map(|r| r.shown.text.as_str()).collect();
        let mut group_of: Vec<Option<(usize, usize)>> = vec![None; received.len()];
        let mut groups =
            hoering::analysis::group(&texts, &hoering::analysis::GroupParams::default());
        groups.retain(|g| g.members.len() > 1);
        groups.sort_by_key(|g| g.members.iter().min().copied());
        for (n, g) in groups.iter().enumerate() {
            for &m in &g.members {
                group_of[m] = Some((n + 1, g.members.len()));
            }
        }
        received
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let kind = hoering::response::SenderKind::parse(&r.shown.sender_kind)
                    .map(|k| app::names::sender_kind(locale, k).to_owned())
                    .unwrap_or_else(|_| r.shown.sender_kind.clone());
                let remark = answer.get(&r.shown.id).map(|&k| &remarks[k]);
                let (group, size) = group_of[i].map_or((String::new(), String::new()), |(g, n)| {
                    (g.to_string(), n.to_string())
                });
                [
                    super::journal_number(&pattern, &case, &slug, r.shown.created_at, i as u64 + 1),
                    crate::response::receipt_number(r.shown.id, r.shown.created_at),
                    hoering::calendar::local_datetime(r.shown.created_at),
                    match r.status.as_str() {
                        "published" => cells.status_published,
                        "withheld" => cells.status_withheld,
                        _ => cells.status_pending,
                    }
                    .to_owned(),
                    kind,
                    r.shown.name.trim().to_owned(),
                    r.shown
                        .organisation
                        .as_deref()
                        .unwrap_or_default()
                        .trim()
                        .to_owned(),
                    match r.shown.publication.as_str() {
                        "with_name" => cells.with_name,
                        "anonymous" => cells.anonymous,
                        _ => cells.not_published,
                    }
                    .to_owned(),
                    r.shown.block_number.clone().unwrap_or_default(),
                    r.shown.quote_exact.clone().unwrap_or_default(),
                    r.shown.text.clone(),
                    tags.get(&r.shown.id)
                        .map(|t| t.join(", "))
                        .unwrap_or_default(),
                    group,
                    size,
                    remark
                        .map(|(row, _)| row.summary.clone())
                        .unwrap_or_default(),
                    remark.map(|(row, _)| row.text.clone()).unwrap_or_default(),
                    remark
                        .map(|(_, m)| words.outcome(&m.outcome))
                        .unwrap_or_default(),
                    remark
                        .map(|(_, m)| match m.state {
                            hoering::notat::RemarkState::Draft => cells.remark_draft,
                            hoering::notat::RemarkState::Approved { .. } => cells.remark_approved,
                            hoering::notat::RemarkState::Published { .. } => cells.remark_published,
                        })
                        .unwrap_or_default()
                        .to_owned(),
                    files
                        .get(&r.shown.id)
                        .map(|f| f.join("\n"))
                        .unwrap_or_default(),
                ]
            })
            .collect()
    })
    .await
    .map_err(|e| WebError::internal("building the export failed", e))
}

/// The rows under `header` as CSV for Danish Excel: UTF-8 with a byte-order mark, `;` between
/// cells, CRLF.
pub fn csv(header: &[&str; RECORD_COLUMNS], rows: &[Record]) -> Vec<u8> {
    let mut out = String::with_capacity(rows.len() * 256 + 256);
    out.push('\u{feff}');
    let line = |out: &mut String, cells: &mut dyn Iterator<Item = &str>| {
        for (i, c) in cells.enumerate() {
            if i > 0 {
                out.push(';');
            }
            out.push_str(&csv_cell(c));
        }
        out.push_str("\r\n");
    };
    line(&mut out, &mut header.iter().copied());
    for row in rows {
        line(&mut out, &mut row.iter().map(String::as_str));
    }
    out.into_bytes()
}

/// The rows as an Excel workbook in `locale`: a bold, frozen, filterable header row.
///
/// The sheet is written in rust_xlsxwriter's constant-memory mode: each row goes to a
/// temporary file as it is written (strings inline, no shared-string table), so a hearing
/// with a million responses does not hold a second copy of every cell while the file is built.
pub fn xlsx(locale: Locale, rows: &[Record]) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    use rust_xlsxwriter::{Format, FormatAlign, Workbook};
    /// Excel's limit on one cell's text.
    const CELL_MAX: usize = 32_767;
    let mut book = Workbook::new();
    let sheet = book.add_worksheet_with_constant_memory()?;
    let words = RecordWords::of(locale);
    sheet.set_name(words.sheet)?;
    let header = words.header;
    let bold = Format::new().set_bold();
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    for (col, title) in header.iter().enumerate() {
        sheet.write_string_with_format(0, col as u16, *title, &bold)?;
    }
    let mut widths = [
        16, 16, 17, 14, 14, 24, 24, 16, 8, 30, 60, 20, 8, 8, 40, 50, 30, 14, 50,
    ];
    // Journal numbers follow the municipality's pattern: the column fits the longest.
    let journal = rows.iter().map(|r| r[0].chars().count()).max().unwrap_or(0);
    widths[0] = widths[0].max(journal + 2);
    for (col, w) in widths.iter().enumerate() {
        sheet.set_column_width(col as u16, *w as f64)?;
    }
    let when = Format::new().set_num_format("yyyy-mm-dd hh:mm");
    for (r, row) in rows.iter().enumerate() {
        let r = r as u32 + 1;
        for (c, cell) in row.iter().enumerate() {
            if cell.is_empty() {
                continue;
            }
            let text: String;
            let value = if cell.chars().count() > CELL_MAX {
                text = cell.chars().take(CELL_MAX).collect();
                text.as_str()
            } else {
                cell.as_str()
            };
            if TEXT_COLUMNS.contains(&c) {
                sheet.write_string_with_format(r, c as u16, value, &wrap)?;
            } else if c == RECEIVED_COLUMN {
                // A real date and time, so the clerk can sort and filter by it.
                match rust_xlsxwriter::ExcelDateTime::parse_from_str(value) {
                    Ok(at) => sheet.write_datetime_with_format(r, c as u16, &at, &when)?,
                    Err(_) => sheet.write_string(r, c as u16, value)?,
                };
            } else {
                sheet.write_string(r, c as u16, value)?;
            }
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    sheet.autofilter(0, 0, rows.len() as u32, header.len() as u16 - 1)?;
    book.save_to_buffer()
}

async fn hearing(state: &AppState, slug: &str) -> Result<crate::hearing::db::HearingRow, WebError> {
    crate::hearing::db::by_slug(&state.db.pool, slug)
        .await?
        .ok_or_else(WebError::not_found)
}

async fn records(state: &AppState, slug: &str, excel: bool, locale: Locale) -> WebResult {
    let hearing = hearing(state, slug).await?;
    let rows = record_rows(&state.db.pool, &state.journal_pattern, &hearing, locale).await?;
    let stem = format!("hoeringssvar-{}", hearing.slug);
    if excel {
        let bytes = tokio::task::spawn_blocking(move || xlsx(locale, &rows)).await??;
        Ok(attachment(bytes, XLSX, &format!("{stem}.xlsx")))
    } else {
        Ok(attachment(
            csv(&RecordWords::of(locale).header, &rows),
            "text/csv; charset=utf-8",
            &format!("{stem}.csv"),
        ))
    }
}

/// One received document for the case system: its metadata, then the text as it arrived,
/// and the files that came with it.
struct Document {
    file: String,
    journal: String,
    receipt: String,
    received: String,
    sender: String,
    email: String,
    kind: String,
    text: String,
    attachments: Vec<ArchivedFile>,
}

/// A file sent with a response, as the archive carries it.
struct ArchivedFile {
    name: String,
    sha256: String,
    /// Where the store keeps it.
    path: Option<std::path::PathBuf>,
}

/// The archive for the municipality's case system (offentlighedsloven: received documents
/// are registered): one text file per response as it arrived (redacted passages included:
/// the case system is not public), and a manifest as CSV and JSON with each file's SHA-256.
async fn archive(state: &AppState, slug: &str, user: i64) -> WebResult {
    let hearing = hearing(state, slug).await?;
    let pool = &state.db.pool;
    let fail = |e: sqlx::Error| WebError::internal("reading the responses failed", e);
    let received = crate::response::db::received(pool, hearing.id)
        .await
        .map_err(fail)?;
    let mut originals: HashMap<i64, (String, String)> = notat_db::originals(pool, hearing.id)
        .await
        .map_err(fail)?
        .into_iter()
        .map(|(id, text, email)| (id, (text, email)))
        .collect();
    let (case, _) = notat_db::case_facts(pool, hearing.id).await.map_err(fail)?;
    let store = crate::attachment::store::Store::new(&state.files.folder);
    let mut files: HashMap<i64, Vec<ArchivedFile>> = HashMap::new();
    for f in crate::attachment::db::of_hearing(pool, hearing.id)
        .await
        .map_err(fail)?
    {
        files.entry(f.response_id).or_default().push(ArchivedFile {
            path: store.path_of(&f.file.sha256),
            name: f.file.name,
            sha256: f.file.sha256,
        });
    }
    let documents: Vec<Document> = received
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let journal = super::journal_number(
                &state.journal_pattern,
                &case,
                &hearing.slug,
                r.shown.created_at,
                i as u64 + 1,
            );
            Document {
                file: format!("{}.txt", file_name(&journal)),
                receipt: crate::response::receipt_number(r.shown.id, r.shown.created_at),
                received: hoering::calendar::local_datetime(r.shown.created_at),
                sender: super::sender_label(
                    hoering::response::SenderKind::parse(&r.shown.sender_kind)
                        .unwrap_or(hoering::response::SenderKind::Private),
                    &r.shown.name,
                    r.shown.organisation.as_deref(),
                ),
                kind: r.shown.sender_kind.clone(),
                email: originals
                    .get(&r.shown.id)
                    .map(|(_, e)| e.clone())
                    .unwrap_or_default(),
                text: originals
                    .remove(&r.shown.id)
                    .map_or_else(|| r.shown.text.clone(), |(t, _)| t),
                attachments: files.remove(&r.shown.id).unwrap_or_default(),
                journal,
            }
        })
        .collect();
    let title = hearing.title.clone();
    // Written to a temporary file, not memory: with the letters it may be gigabytes.
    let (file, length) = tokio::task::spawn_blocking(move || {
        let mut file = zip_archive(tempfile::tempfile()?, &title, &case, &documents)?;
        let length = std::io::Seek::seek(&mut file, std::io::SeekFrom::End(0))?;
        std::io::Seek::rewind(&mut file)?;
        Ok::<_, zip::result::ZipError>((file, length))
    })
    .await??;
    let mut tx = crate::db::begin_write(pool).await?;
    let entry =
        crate::journal::Entry::hearing(user, crate::journal::Action::ArchiveExported, hearing.id)
            .change("", received.len().to_string());
    crate::journal::db::write(&mut tx, &entry).await?;
    tx.commit().await?;
    Ok(crate::web::download::attachment_file(
        file,
        length,
        "application/zip",
        &format!("journal-{}.zip", hearing.slug),
    ))
}

fn zip_archive<W: std::io::Write + std::io::Seek>(
    into: W,
    title: &str,
    case: &str,
    documents: &[Document],
) -> Result<W, zip::result::ZipError> {
    use sha2::Digest;
    let mut zip = zip::ZipWriter::new(into);
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    // The case system files in Danish, whoever exports.
    let da = RecordWords::of(Locale::da);
    let [journal, receipt, received, _, sender_kind, sender, ..] = da.header;
    let mut manifest_csv = format!(
        "\u{feff}{};{journal};{receipt};{received};{sender};{};{sender_kind};SHA-256\r\n",
        da.file, da.email,
    );
    let mut manifest_json = Vec::with_capacity(documents.len());
    for d in documents {
        let mut body = String::new();
        for (label, value) in [
            (da.hearing, title),
            (da.case_number, case),
            (journal, &d.journal),
            (receipt, &d.receipt),
            (received, &d.received),
            (sender, &d.sender),
            (da.email, &d.email),
            (sender_kind, &d.kind),
        ] {
            body.push_str(&format!("{label}: {value}\r\n"));
        }
        body.push_str(&format!("\r\n{}\r\n", d.text.replace('\n', "\r\n")));
        // The files it came with, each stored beside it under its number and checkable by hash.
        let stem = d.file.trim_end_matches(".txt");
        let archived: Vec<(String, &ArchivedFile)> = d
            .attachments
            .iter()
            .enumerate()
            .map(|(n, f)| (format!("{stem}-{}-{}", n + 1, file_name(&f.name)), f))
            .collect();
        if !archived.is_empty() {
            body.push_str(&format!("\r\n{}:\r\n", da.attachments));
            for (file, f) in &archived {
                body.push_str(&format!("{file} ({}, SHA-256 {})\r\n", f.name, f.sha256));
            }
        }
        let hash = sha2::Sha256::digest(body.as_bytes());
        let hex: String = hash.iter().map(|b| format!("{b:02x}")).collect();
        zip.start_file(d.file.as_str(), options)?;
        zip.write_all(body.as_bytes())?;
        manifest_csv.push_str(&manifest_line(&d.file, d, &hex));
        let mut listed = Vec::with_capacity(archived.len());
        for (file, f) in &archived {
            let Some(path) = &f.path else { continue };
            zip.start_file(file.as_str(), options)?;
            std::io::copy(&mut std::fs::File::open(path)?, &mut zip)?;
            manifest_csv.push_str(&manifest_line(file, d, &f.sha256));
            listed.push(serde_json::json!({ "file": file, "name": f.name, "sha256": f.sha256 }));
        }
        manifest_json.push(serde_json::json!({
            "file": d.file, "journal_number": d.journal, "receipt_number": d.receipt,
            "received": d.received, "sender": d.sender, "email": d.email,
            "sender_kind": d.kind, "sha256": hex, "attachments": listed,
        }));
    }
    zip.start_file("manifest.csv", options)?;
    zip.write_all(manifest_csv.as_bytes())?;
    zip.start_file("manifest.json", options)?;
    let json = serde_json::json!({
        "format": "hoering-journal", "version": 1, "hearing": title, "case_number": case,
        "documents": manifest_json,
    });
    zip.write_all(json.to_string().as_bytes())?;
    zip.finish()
}

/// A line of the archive's manifest: a file, the response it belongs to, and the file's hash.
fn manifest_line(file: &str, d: &Document, sha256: &str) -> String {
    let mut line = [
        file,
        &d.journal,
        &d.receipt,
        &d.received,
        &d.sender,
        &d.email,
        &d.kind,
        sha256,
    ]
    .iter()
    .map(|c| csv_cell(c))
    .collect::<Vec<_>>()
    .join(";");
    line.push_str("\r\n");
    line
}
