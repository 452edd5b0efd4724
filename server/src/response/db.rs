//! Responses in the database, with the counts pages read kept in the same transactions that
//! change them, so no page or submission counts rows.

use super::{ShownColumns, Status};
use crate::db::{self, now};
use crate::version::db::{VersionError, count_placements, place_new_response, place_new_responses};
use hoering::document::BlockId;
use hoering::response::{ResponseSubmission, is_public};
// Dynamic SQL here only joins compile-time constants; every value is a bind parameter.
use sqlx::{AnyPool, AssertSqlSafe};

/// Where a response points in the draft.
#[derive(Debug, Clone)]
pub struct Target {
    pub hearing_id: i64,
    pub version_id: i64,
    /// The block's durable id and its number as shown when the response was given.
    pub block: Option<(String, String)>,
    /// The words of the block the response is about, if the sender quoted them.
    pub quote: Option<hoering::anchoring::TextQuote>,
}

impl Target {
    /// The block's id and number as the `responses` columns hold them (`NULL` for the whole draft).
    fn block_columns(&self) -> (Option<String>, Option<String>) {
        self.block.clone().unzip()
    }
}

/// Stores a response within the caller's write transaction: counts it as pending, places it in
/// its version (and any later ones) and puts the receipt `receipt(id, created_at)` in the
/// outbox; for a response that is one step of a larger change (a council's submission). The
/// caller commits and wakes the outbox. Citizens' responses go through [`insert_batch`].
pub async fn insert_in(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    arrival: &Arrival,
    outbox: &crate::mail::Outbox,
    receipt: impl Fn(i64, i64) -> hoering::mail::Mail,
) -> Result<(i64, i64), VersionError> {
    // One arrival is a batch of one: the same statements, so the two paths cannot drift apart.
    let stored = insert_batch(tx, &[arrival], outbox, |_, id, at| receipt(id, at)).await?;
    Ok(stored.into_iter().next().ok_or(sqlx::Error::RowNotFound)?)
}

/// A response waiting to be stored together with others (see [`super::intake`]).
#[derive(Debug, Clone)]
pub struct Arrival {
    pub target: Target,
    pub submission: ResponseSubmission,
    pub receipt_token: String,
    /// The høringsliste party it came through, if any.
    pub party: Option<i64>,
    /// The language of the page it was sent from, for the mails that follow it.
    pub lang: &'static str,
    /// The files sent with it, already scanned, read and kept.
    pub files: Vec<crate::attachment::Kept>,
}

/// Stores `arrivals` in the caller's write transaction as [`insert_in`] stores one, with a fixed
/// handful of multi-row statements whatever their number, and queues the mails
/// `receipts(i, id, created_at)` gives; returns each one's id and creation time, in order.
pub async fn insert_batch(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    arrivals: &[&Arrival],
    outbox: &crate::mail::Outbox,
    receipts: impl Fn(usize, i64, i64) -> hoering::mail::Mail,
) -> Result<Vec<(i64, i64)>, VersionError> {
    if arrivals.is_empty() {
        return Ok(Vec::new());
    }
    let created_at = now();
    let mut ids = Vec::with_capacity(arrivals.len());
    // A dozen rows a statement: sqlx's SQLite driver looks up every parameter's name, which
    // costs time in the square of the parameters (a quarter of the writer's time at 60 rows).
    for chunk in arrivals.chunks(12) {
        let sql = format!(
            "INSERT INTO responses (hearing_id, version_id, block_id, block_number, text, name,
                email, sender_kind, organisation, publication, receipt_token, created_at,
                quote_exact, quote_prefix, quote_suffix, party_id, lang, status)
             VALUES {} RETURNING id, receipt_token",
            pending_rows(chunk.len())
        );
        let mut query = sqlx::query_as::<_, (i64, String)>(AssertSqlSafe(sql));
        for a in chunk {
            let quote = a.target.quote.as_ref();
            query = query
                .bind(a.target.hearing_id)
                .bind(a.target.version_id)
                .bind(a.target.block.as_ref().map(|(id, _)| id.clone()))
                .bind(a.target.block.as_ref().map(|(_, number)| number.clone()))
                .bind(a.submission.text.as_ref())
                .bind(a.submission.name.as_ref())
                .bind(a.submission.email.as_ref())
                .bind(a.submission.sender.kind().as_str())
                .bind(
                    a.submission
                        .sender
                        .organisation()
                        .map(|o| o.as_ref().to_string()),
                )
                .bind(a.submission.publication.as_str())
                .bind(a.receipt_token.as_str())
                .bind(created_at)
                .bind(quote.map(|q| q.exact().to_string()))
                .bind(quote.map(|q| q.prefix().to_string()))
                .bind(quote.map(|q| q.suffix().to_string()))
                .bind(a.party)
                .bind(a.lang);
        }
        let returned = query.fetch_all(&mut **tx).await?;
        // RETURNING promises no order: the receipt tokens (unique) say which row is which.
        for a in chunk {
            let id = returned
                .iter()
                .find(|(_, token)| *token == a.receipt_token)
                .map(|(id, _)| *id)
                .ok_or(sqlx::Error::RowNotFound)?;
            ids.push(id);
        }
    }
    for a in arrivals {
        if let Some(party) = a.party {
            crate::consultees::db::mark_answered(tx, party).await?;
        }
    }
    let mut per_hearing: Vec<(i64, i64)> = Vec::new();
    for a in arrivals {
        match per_hearing
            .iter_mut()
            .find(|(h, _)| *h == a.target.hearing_id)
        {
            Some((_, n)) => *n += 1,
            None => per_hearing.push((a.target.hearing_id, 1)),
        }
    }
    for (hearing, n) in per_hearing {
        sqlx::query("UPDATE hearing_counts SET pending = pending + $2 WHERE hearing_id = $1")
            .bind(hearing)
            .bind(n)
            .execute(&mut **tx)
            .await?;
    }
    let blocks: Vec<_> = arrivals
        .iter()
        .zip(&ids)
        .filter_map(|(a, id)| {
            let (block, _) = a.target.block.as_ref()?;
            let block = BlockId::parse(block).ok()?;
            Some((*id, a.target.version_id, block, a.target.quote.as_ref()))
        })
        .collect();
    let placed: Vec<_> = blocks
        .iter()
        .map(|(id, version, block, quote)| (*id, *version, block, *quote))
        .collect();
    place_new_responses(tx, &placed).await?;
    let texts: Vec<(i64, i64, &str)> = arrivals
        .iter()
        .zip(&ids)
        .map(|(a, id)| (a.target.hearing_id, *id, a.submission.text.as_ref()))
        .collect();
    crate::search::db::index_new(tx, &texts).await?;
    for (a, id) in arrivals.iter().zip(&ids) {
        crate::attachment::db::insert(tx, a.target.hearing_id, *id, &a.files, created_at).await?;
    }
    let mails: Vec<_> = ids
        .iter()
        .enumerate()
        .map(|(i, id)| receipts(i, *id, created_at))
        .collect();
    outbox
        .put_many(tx, &mails)
        .await
        .map_err(VersionError::from)?;
    Ok(ids.into_iter().map(|id| (id, created_at)).collect())
}

/// `rows` rows of seventeen numbered placeholders and the status `pending`.
fn pending_rows(rows: usize) -> String {
    (0..rows)
        .map(|row| {
            let first = 1 + row * 17;
            let params = (first..first + 17)
                .map(|p| format!("${p}"))
                .collect::<Vec<_>>()
                .join(", ");
            format!("({params}, 'pending')")
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// A response as stored: what the public may be shown of it, and the rest the clerks and the
/// server read.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ResponseRow {
    #[sqlx(flatten)]
    pub shown: ShownColumns,
    pub hearing_id: i64,
    pub email: String,
    pub status: String,
    pub version_id: i64,
    pub block_id: Option<String>,
    pub quote_prefix: Option<String>,
    pub quote_suffix: Option<String>,
    /// 1 when a clerk has redacted passages (the original is kept apart, for clerks only).
    pub redacted: i64,
    pub withheld_reason: Option<String>,
    /// 1 when its sender withdrew it.
    pub withdrawn: i64,
    /// The sender's request to erase their name: `hoering::response::own::Erasure`'s code.
    pub erasure: String,
    /// How often its sender changed it.
    pub changes: i64,
}

pub(crate) const COLUMNS: &str = "id, hearing_id, block_number, text, name, email, sender_kind, organisation, publication, status, created_at, version_id, block_id, quote_exact, quote_prefix, quote_suffix, source, meeting_day, meeting_group, meeting_table, CASE WHEN original_text IS NULL THEN 0 ELSE 1 END AS redacted, withheld_reason, CASE WHEN withdrawn_at IS NULL THEN 0 ELSE 1 END AS withdrawn, erasure, (SELECT COUNT(*) FROM response_changes c WHERE c.response_id = responses.id) AS changes";

/// One page of responses of a hearing matching `filter` (SQL over compile-time constants whose
/// only parameter is `$2` = `key`), in `order`.
async fn page_where(
    pool: &AnyPool,
    hearing_id: i64,
    filter: &str,
    key: &str,
    order: &str,
    page: u32,
    per_page: u32,
) -> Result<Vec<ResponseRow>, sqlx::Error> {
    let offset = i64::from(page.saturating_sub(1)) * i64::from(per_page);
    sqlx::query_as(AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM responses WHERE hearing_id = $1 AND {filter}
         ORDER BY {order} LIMIT $3 OFFSET $4"
    )))
    .bind(hearing_id)
    .bind(key)
    .bind(i64::from(per_page))
    .bind(offset)
    .fetch_all(pool)
    .await
}

/// One page of the published responses on a block (`Some(block_id)`) or on the whole draft,
/// with the total from the kept counts.
pub async fn public_page(
    pool: &AnyPool,
    hearing_id: i64,
    block_id: Option<&str>,
    page: u32,
    per_page: u32,
) -> Result<(i64, Vec<ResponseRow>), sqlx::Error> {
    let key = block_id.unwrap_or("");
    let total: Option<i64> = sqlx::query_scalar(
        "SELECT visible FROM block_counts WHERE hearing_id = $1 AND block_key = $2",
    )
    .bind(hearing_id)
    .bind(key)
    .fetch_optional(pool)
    .await?;
    let filter = if block_id.is_some() {
        "visible = 1 AND block_id = $2"
    } else {
        "visible = 1 AND block_id IS NULL AND $2 = ''"
    };
    let rows = page_where(pool, hearing_id, filter, key, "id", page, per_page).await?;
    Ok((total.unwrap_or(0), rows))
}

/// Every published response of a hearing, for the open-data API.
pub async fn public_all(
    pool: &AnyPool,
    hearing_id: i64,
    page: u32,
    per_page: u32,
) -> Result<(i64, Vec<ResponseRow>), sqlx::Error> {
    let total: Option<i64> =
        sqlx::query_scalar("SELECT visible FROM hearing_counts WHERE hearing_id = $1")
            .bind(hearing_id)
            .fetch_optional(pool)
            .await?;
    let rows = page_where(
        pool,
        hearing_id,
        "visible = 1 AND $2 = ''",
        "",
        "id",
        page,
        per_page,
    )
    .await?;
    Ok((total.unwrap_or(0), rows))
}

db::reads! {
    pub fn by_receipt_token(token: &str) -> Option<ResponseRow> =
        sqlx::AssertSqlSafe(format!("SELECT {COLUMNS} FROM responses WHERE receipt_token = $1"));
}

/// The clerk's list, newest first, optionally of one status, with the total from the counts.
pub async fn admin_page(
    pool: &AnyPool,
    hearing_id: i64,
    status: Option<Status>,
    page: u32,
    per_page: u32,
) -> Result<(i64, Vec<ResponseRow>), sqlx::Error> {
    let (pending, published, withheld) = status_counts(pool, hearing_id).await?;
    let (total, filter) = match status {
        None => (pending + published + withheld, "$2 = ''"),
        Some(Status::Pending) => (pending, "status = $2"),
        Some(Status::Published) => (published, "status = $2"),
        Some(Status::Withheld) => (withheld, "status = $2"),
    };
    let key = status.map(Status::as_str).unwrap_or("");
    let rows = page_where(pool, hearing_id, filter, key, "id DESC", page, per_page).await?;
    Ok((total, rows))
}

/// Responses per moderation state: (pending, published, withheld), from the kept counts.
pub async fn status_counts(
    pool: &AnyPool,
    hearing_id: i64,
) -> Result<(i64, i64, i64), sqlx::Error> {
    let row: Option<(i64, i64, i64)> = sqlx::query_as(
        "SELECT pending, published, withheld FROM hearing_counts WHERE hearing_id = $1",
    )
    .bind(hearing_id)
    .fetch_optional(pool)
    .await?;
    Ok(row.unwrap_or((0, 0, 0)))
}

/// Sets a response's state and moves it between the kept counts; returns the hearing's slug,
/// or `None` if there is no such response.
#[tracing::instrument(skip(pool))]
pub async fn set_status(
    pool: &AnyPool,
    id: i64,
    status: Status,
    user_id: i64,
) -> Result<Option<String>, sqlx::Error> {
    let mut tx = crate::db::begin_write(pool).await?;
    let slug = set_status_in(&mut tx, id, status, user_id).await?;
    tx.commit().await?;
    Ok(slug)
}

/// [`set_status`] within the caller's transaction (which may add a reason, an e-mail or a
/// journal entry of its own); the change is journaled here.
pub async fn set_status_in(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    id: i64,
    status: Status,
    user_id: impl Into<Option<i64>>,
) -> Result<Option<String>, sqlx::Error> {
    let user_id = user_id.into();
    let found: Option<(String, i64, Option<String>, String, String, String)> = sqlx::query_as(
        "SELECT h.slug, r.hearing_id, r.block_id, r.status, r.publication, r.source
         FROM responses r JOIN hearings h ON h.id = r.hearing_id WHERE r.id = $1",
    )
    .bind(id)
    .fetch_optional(&mut **tx)
    .await?;
    let Some((slug, hearing_id, block_id, old_status, publication, source)) = found else {
        return Ok(None);
    };
    let old = Status::parse(&old_status).unwrap_or(Status::Pending);
    let publication = hoering::response::Publication::parse(&publication)
        .unwrap_or(hoering::response::Publication::NotPublished);
    let (was, is) = (is_public(old, publication), is_public(status, publication));
    // The old state is part of the condition, so two clerks moderating the same response at
    // once cannot both move it out of the same state and skew the counts.
    let changed = sqlx::query(
        "UPDATE responses SET status = $1, visible = $2, moderated_at = $3, moderated_by = $4
         WHERE id = $5 AND status = $6",
    )
    .bind(status.as_str())
    .bind(i64::from(is))
    .bind(now())
    .bind(user_id)
    .bind(id)
    .bind(old.as_str())
    .execute(&mut **tx)
    .await?
    .rows_affected();
    if changed == 0 || old == status {
        return Ok(Some(slug));
    }
    crate::journal::db::write(
        tx,
        &crate::journal::Entry::response(user_id, crate::journal::Action::StatusChanged, id)
            .change(old.as_str(), status.as_str()),
    )
    .await?;
    let delta = i64::from(is) - i64::from(was);
    let meeting_delta = if source == "meeting" { delta } else { 0 };
    sqlx::query(sqlx::AssertSqlSafe(format!(
        "UPDATE hearing_counts SET {old} = {old} - 1, {new} = {new} + 1, visible = visible + $1,
            meeting_visible = meeting_visible + $3
         WHERE hearing_id = $2",
        old = old.as_str(),
        new = status.as_str()
    )))
    .bind(delta)
    .bind(hearing_id)
    .bind(meeting_delta)
    .execute(&mut **tx)
    .await?;
    if delta != 0 {
        sqlx::query(
            "INSERT INTO block_counts (hearing_id, block_key, visible) VALUES ($1, $2, $3)
             ON CONFLICT (hearing_id, block_key) DO UPDATE SET visible = block_counts.visible + $3",
        )
        .bind(hearing_id)
        .bind(block_id.unwrap_or_default())
        .bind(delta)
        .execute(&mut **tx)
        .await?;
        count_placements(tx, id, delta).await?;
    }
    Ok(Some(slug))
}

/// Input given at a dialogue meeting, as the clerk recorded it.
#[derive(Debug, Clone)]
pub struct MeetingInputRecord<'a> {
    pub meeting_id: i64,
    /// The meeting's day, `YYYY-MM-DD` in Copenhagen.
    pub day: &'a str,
    pub group: hoering::meeting::ParticipantGroup,
    pub table: Option<&'a str>,
    pub text: &'a str,
    pub user_id: i64,
}

/// Stores meeting input as a published response of its own source: no name, no e-mail, never a
/// citizen's identity. It is counted, placed and carried to later versions as responses are.
pub async fn insert_meeting_input(
    pool: &AnyPool,
    target: &Target,
    input: &MeetingInputRecord<'_>,
    token: &str,
) -> Result<i64, VersionError> {
    let at = now();
    let mut tx = crate::db::begin_write(pool).await?;
    let (block_id, block_number) = target.block_columns();
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO responses (hearing_id, version_id, block_id, block_number, text, name, email,
            sender_kind, organisation, publication, status, receipt_token, created_at,
            visible, moderated_at, moderated_by, source, meeting_id, meeting_group, meeting_table,
            meeting_day)
         VALUES ($1, $2, $3, $4, $5, '', '', $6, NULL, 'anonymous', 'published', $7, $8,
            1, $8, $9, 'meeting', $10, $11, $12, $13) RETURNING id",
    )
    .bind(target.hearing_id)
    .bind(target.version_id)
    .bind(block_id.clone())
    .bind(block_number)
    .bind(input.text)
    .bind(input.group.sender_kind().as_str())
    .bind(token)
    .bind(at)
    .bind(input.user_id)
    .bind(input.meeting_id)
    .bind(input.group.as_str())
    .bind(input.table)
    .bind(input.day)
    .fetch_one(&mut *tx)
    .await?;
    sqlx::query(
        "UPDATE hearing_counts SET published = published + 1, visible = visible + 1,
            meeting_visible = meeting_visible + 1
         WHERE hearing_id = $1",
    )
    .bind(target.hearing_id)
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "INSERT INTO block_counts (hearing_id, block_key, visible) VALUES ($1, $2, 1)
         ON CONFLICT (hearing_id, block_key) DO UPDATE SET visible = block_counts.visible + 1",
    )
    .bind(target.hearing_id)
    .bind(block_id.clone().unwrap_or_default())
    .execute(&mut *tx)
    .await?;
    if let Some(block) = block_id.as_deref().and_then(|b| BlockId::parse(b).ok()) {
        place_new_response(&mut tx, id, target.version_id, &block, None).await?;
    }
    count_placements(&mut tx, id, 1).await?;
    crate::search::db::index(&mut tx, target.hearing_id, id, input.text).await?;
    tx.commit().await?;
    Ok(id)
}

db::reads! {
    /// A meeting's recorded input, newest first.
    pub fn meeting_inputs(meeting_id: i64) -> Vec<ResponseRow> =
        sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM responses WHERE meeting_id = $1 AND source = 'meeting'
         ORDER BY id DESC"
        ));
}

/// How many inputs were recorded at a meeting.
pub async fn count_meeting_inputs(pool: &AnyPool, meeting_id: i64) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT COUNT(*) FROM responses WHERE meeting_id = $1 AND source = 'meeting' AND visible = 1",
    )
    .bind(meeting_id)
    .fetch_one(pool)
    .await
}

/// What a clerk's moderation of one response needs to know first.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ModerationTarget {
    pub id: i64,
    pub hearing_slug: String,
    pub hearing_title: String,
    /// The policy's contact line, whom a sender writes to about a withheld response.
    pub hearing_contact: String,
    pub text: String,
    pub original_text: Option<String>,
    pub name: String,
    pub email: String,
    pub receipt_token: Option<String>,
    pub created_at: i64,
    pub source: String,
    pub status: String,
    /// The language the sender wrote in (`da`, `en`, `ar`, `uk`): their mails' language.
    pub lang: String,
}

db::reads! {
    pub fn moderation_target(id: i64) -> Option<ModerationTarget> =
        "SELECT r.id, h.slug AS hearing_slug, p.title AS hearing_title,
            p.contact AS hearing_contact, r.text, r.original_text,
            r.name, r.email, r.receipt_token, r.created_at, r.source, r.status, r.lang
         FROM responses r JOIN hearings h ON h.id = r.hearing_id
         JOIN policies p ON p.id = h.policy_id WHERE r.id = $1";
}

/// Keeps why a response was withheld, for the clerk's queue and the receipt page.
pub async fn set_withheld_reason(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    id: i64,
    reason: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE responses SET withheld_reason = $1 WHERE id = $2")
        .bind(reason)
        .bind(id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Replaces a response's text by its redacted form, keeping the text as sent (the first time)
/// for clerks. `expected` is the text the redaction was made from: if another clerk changed it
/// meanwhile, nothing is stored and `false` comes back.
pub async fn redact(
    pool: &AnyPool,
    id: i64,
    expected: &str,
    redacted: &str,
    passages: usize,
    user_id: i64,
) -> Result<bool, sqlx::Error> {
    let mut tx = crate::db::begin_write(pool).await?;
    let changed = sqlx::query(
        "UPDATE responses SET original_text = COALESCE(original_text, text), text = $1
         WHERE id = $2 AND text = $3",
    )
    .bind(redacted)
    .bind(id)
    .bind(expected)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if changed == 0 {
        return Ok(false);
    }
    // What was taken out can no longer be found either.
    let hearing_id: i64 = sqlx::query_scalar("SELECT hearing_id FROM responses WHERE id = $1")
        .bind(id)
        .fetch_one(&mut *tx)
        .await?;
    crate::search::db::index(&mut tx, hearing_id, id, redacted).await?;
    // Counts only: the journal must not keep a copy of what was taken out.
    crate::journal::db::write(
        &mut tx,
        &crate::journal::Entry::response(user_id, crate::journal::Action::Redacted, id).change(
            format!("chars={}", expected.chars().count()),
            format!("chars={};passages={passages}", redacted.chars().count()),
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(true)
}

db::reads! {
    /// Every response and meeting input on one block (by its durable id), any status, oldest first.
    pub fn on_block(hearing_id: i64, block_id: &str) -> Vec<ResponseRow> =
        sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM responses WHERE hearing_id = $1 AND block_id = $2
         ORDER BY created_at, id"
        ));

    /// Every response received in a hearing (not meeting input), in the order received: the
    /// order journal numbers are given in (the notat and its exports).
    pub fn received(hearing_id: i64) -> Vec<ResponseRow> =
        sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM responses WHERE hearing_id = $1 AND source = 'response'
         ORDER BY id"
        ));

    /// Every response (not meeting input) of a hearing, in the order received, for grouping.
    pub fn texts_of_hearing(hearing_id: i64) -> Vec<(i64, String, i64, String, Option<String>)> =
        "SELECT id, text, created_at, status, block_number FROM responses
         WHERE hearing_id = $1 AND source = 'response' ORDER BY id";
}

/// Responses of a hearing by id, in the order of `ids`.
pub async fn by_ids(
    pool: &AnyPool,
    hearing_id: i64,
    ids: &[i64],
) -> Result<Vec<ResponseRow>, sqlx::Error> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let list = crate::db::id_list(ids);
    let mut rows: Vec<ResponseRow> = sqlx::query_as(AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM responses WHERE hearing_id = $1 AND id IN ({list})"
    )))
    .bind(hearing_id)
    .fetch_all(pool)
    .await?;
    rows.sort_by_key(|r| ids.iter().position(|i| *i == r.shown.id));
    Ok(rows)
}

db::reads! {
    /// How many responses and meeting input each block of a hearing has (`None`: the whole draft),
    /// any status, by source.
    pub fn counts_by_block(hearing_id: i64) -> Vec<(Option<String>, String, i64)> =
        "SELECT block_number, source, COUNT(*) FROM responses WHERE hearing_id = $1
         GROUP BY block_number, source";

    /// How many responses (not meeting input) each respondent type sent.
    pub fn counts_by_kind(hearing_id: i64) -> Vec<(String, i64)> =
        "SELECT sender_kind, COUNT(*) FROM responses WHERE hearing_id = $1 AND source = 'response'
         GROUP BY sender_kind";
}

/// The newest `limit` response texts of a hearing (not meeting input), for tag suggestions.
pub async fn latest_texts(
    pool: &AnyPool,
    hearing_id: i64,
    limit: i64,
) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT text FROM responses WHERE hearing_id = $1 AND source = 'response'
         ORDER BY id DESC LIMIT $2",
    )
    .bind(hearing_id)
    .bind(limit)
    .fetch_all(pool)
    .await
}

/// A response as its sender's own page needs it, found by the receipt token.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct OwnRow {
    pub id: i64,
    pub hearing_id: i64,
    pub status: String,
    pub publication: String,
    pub text: String,
    pub withdrawn_at: Option<i64>,
    pub erasure: String,
    pub opens_at: i64,
    pub closes_at: i64,
}

db::reads! {
    /// Only høringssvar from the public form have a sender's page (meeting input has none).
    pub fn own_by_token(token: &str) -> Option<OwnRow> =
        "SELECT r.id, r.hearing_id, r.status, r.publication, r.text, r.withdrawn_at, r.erasure,
            h.opens_at, h.closes_at
         FROM responses r JOIN hearings h ON h.id = r.hearing_id
         WHERE r.receipt_token = $1 AND r.source = 'response'";

    /// The texts a sender replaced, oldest first: (when, the text before, publication before).
    pub fn changes_of(response_id: i64) -> Vec<(i64, String, String)> =
        "SELECT at, text_before, publication_before FROM response_changes
         WHERE response_id = $1 ORDER BY id";
}

/// The sender's new text and publication choice: the earlier ones are kept for clerks, a
/// redaction no longer applies (the original goes with the text it was made from), the search
/// index follows, and the response goes back to moderation. `expected` is the text the sender
/// saw: if it changed meanwhile (a clerk redacted it), nothing is stored and `false` comes back.
pub async fn change_by_sender(
    pool: &AnyPool,
    own: &OwnRow,
    text: &str,
    publication: hoering::response::Publication,
) -> Result<bool, sqlx::Error> {
    let mut tx = crate::db::begin_write(pool).await?;
    // Back to moderation first, while the stored publication still says what the counts hold.
    set_status_in(&mut tx, own.id, Status::Pending, None).await?;
    let changed = sqlx::query(
        "UPDATE responses SET text = $1, publication = $2, original_text = NULL
         WHERE id = $3 AND text = $4 AND withdrawn_at IS NULL",
    )
    .bind(text)
    .bind(publication.as_str())
    .bind(own.id)
    .bind(own.text.as_str())
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if changed == 0 {
        return Ok(false);
    }
    sqlx::query(
        "INSERT INTO response_changes (response_id, at, text_before, publication_before)
         VALUES ($1, $2, $3, $4)",
    )
    .bind(own.id)
    .bind(now())
    .bind(own.text.as_str())
    .bind(own.publication.as_str())
    .execute(&mut *tx)
    .await?;
    crate::search::db::index(&mut tx, own.hearing_id, own.id, text).await?;
    crate::journal::db::write(
        &mut tx,
        &crate::journal::Entry::response(None, crate::journal::Action::ChangedBySender, own.id)
            .change(
                format!("{};chars={}", own.publication, own.text.chars().count()),
                format!("{};chars={}", publication.as_str(), text.chars().count()),
            ),
    )
    .await?;
    tx.commit().await?;
    Ok(true)
}

/// A sender's act that happens once: `mark` (the time bound as $1, the response as $2) records
/// it unless it was recorded already, the response moves to `status` if given, and the act is
/// journaled with no actor. `false` when it had happened already.
async fn sender_act_once(
    pool: &AnyPool,
    id: i64,
    mark: &'static str,
    status: Option<Status>,
    action: crate::journal::Action,
) -> Result<bool, sqlx::Error> {
    let mut tx = crate::db::begin_write(pool).await?;
    let done = sqlx::query(mark)
        .bind(now())
        .bind(id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    if done == 0 {
        return Ok(false);
    }
    if let Some(status) = status {
        set_status_in(&mut tx, id, status, None).await?;
    }
    crate::journal::db::write(&mut tx, &crate::journal::Entry::response(None, action, id)).await?;
    tx.commit().await?;
    Ok(true)
}

/// The sender takes their response back: withheld from the public (and the counts), left out
/// of the høringsnotat, journaled.
pub async fn withdraw_by_sender(pool: &AnyPool, id: i64) -> Result<bool, sqlx::Error> {
    sender_act_once(
        pool,
        id,
        "UPDATE responses SET withdrawn_at = $1 WHERE id = $2 AND withdrawn_at IS NULL",
        Some(Status::Withheld),
        crate::journal::Action::WithdrawnBySender,
    )
    .await
}

/// The sender asks for their name and address to be erased; a clerk decides.
pub async fn ask_erasure(pool: &AnyPool, id: i64) -> Result<bool, sqlx::Error> {
    sender_act_once(
        pool,
        id,
        "UPDATE responses SET erasure = 'asked', erasure_asked_at = $1
         WHERE id = $2 AND erasure = ''",
        None,
        crate::journal::Action::ErasureAsked,
    )
    .await
}

/// What erasing a sender's personal data sets on their responses: no name, no address, and a
/// private person's response published with name published as a private person's instead (an
/// organisation keeps its name). Housekeeping's retention and a clerk's decision share it.
pub const ERASE_SENDER: &str = "name = '', email = '',
    publication = CASE WHEN publication = 'with_name' AND sender_kind = 'private'
        THEN 'anonymous' ELSE publication END";

/// A clerk's decision on a sender's request: `erase` clears the name and address (a private
/// person's response published with name is then published as a private person's), or the
/// request is refused. Journaled; `false` when there was no open request.
pub async fn decide_erasure(
    pool: &AnyPool,
    id: i64,
    erase: bool,
    clerk: i64,
) -> Result<bool, sqlx::Error> {
    let mut tx = crate::db::begin_write(pool).await?;
    let outcome = if erase { "erased" } else { "refused" };
    let done = sqlx::query("UPDATE responses SET erasure = $1 WHERE id = $2 AND erasure = 'asked'")
        .bind(outcome)
        .bind(id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    if done == 0 {
        return Ok(false);
    }
    if erase {
        sqlx::query(AssertSqlSafe(format!(
            "UPDATE responses SET {ERASE_SENDER} WHERE id = $1"
        )))
        .bind(id)
        .execute(&mut *tx)
        .await?;
    }
    crate::journal::db::write(
        &mut tx,
        &crate::journal::Entry::response(clerk, crate::journal::Action::ErasureDecided, id)
            .change("asked", outcome),
    )
    .await?;
    tx.commit().await?;
    Ok(true)
}
