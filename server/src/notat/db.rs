//! Bemærkninger, the hearing's case facts and what the høringsnotat and the exports read.

use crate::db::{self, now};
use crate::journal::{Action, Entry};
use hoering::notat::{
    Edited, Outcome, Remark, RemarkState, RemarkTarget, RemarkText, SetAsideReason, TargetKind,
};
use sqlx::AnyPool;

/// A stored bemærkning with its author's and approver's addresses.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct RemarkRow {
    pub id: i64,
    pub hearing_id: i64,
    pub target_kind: String,
    pub response_id: i64,
    pub passage_start: Option<i64>,
    pub passage_end: Option<i64>,
    pub section: String,
    pub summary: String,
    pub text: String,
    pub outcome: String,
    pub change_version: Option<i64>,
    pub change_block: Option<String>,
    pub author_id: i64,
    pub author: String,
    pub state: String,
    pub approved_by: Option<i64>,
    pub approver: Option<String>,
    pub approved_at: Option<i64>,
    pub published_at: Option<i64>,
    pub updated_at: i64,
    /// How many responses it answers (a campaign group's size).
    pub members: i64,
}

/// A stored row that does not read back as a remark: only valid values are ever written.
#[derive(Debug, thiserror::Error)]
#[error("stored remark {id} is not valid: {what}")]
pub struct BadRemark {
    pub id: i64,
    pub what: &'static str,
}

impl RemarkRow {
    /// What the point led to, from its code and (for a change) the changed block.
    pub fn outcome(&self) -> Result<Outcome, BadRemark> {
        let bad = |what| BadRemark { id: self.id, what };
        Ok(match self.outcome.as_str() {
            "no_change" => Outcome::NoChange,
            "noted" => Outcome::Noted,
            "change" => Outcome::Change {
                version: self
                    .change_version
                    .and_then(|v| u32::try_from(v).ok())
                    .ok_or_else(|| bad("version"))?,
                block: self.change_block.clone().ok_or_else(|| bad("block"))?,
            },
            _ => return Err(bad("outcome")),
        })
    }

    /// The remark as the core knows it; `members` are the responses a group answers.
    pub fn to_core(&self, members: &[i64]) -> Result<Remark, BadRemark> {
        let bad = |what| BadRemark { id: self.id, what };
        let target = match TargetKind::parse(&self.target_kind) {
            Some(TargetKind::Response) => RemarkTarget::Response(self.response_id),
            Some(TargetKind::Group) => RemarkTarget::Group(if members.is_empty() {
                vec![self.response_id]
            } else {
                members.to_vec()
            }),
            Some(TargetKind::Passage) => RemarkTarget::Passage {
                response: self.response_id,
                start: usize::try_from(self.passage_start.ok_or_else(|| bad("passage"))?)
                    .map_err(|_| bad("passage"))?,
                end: usize::try_from(self.passage_end.ok_or_else(|| bad("passage"))?)
                    .map_err(|_| bad("passage"))?,
            },
            None => return Err(bad("target")),
        };
        let outcome = self.outcome()?;
        let state = match self.state.as_str() {
            "draft" => RemarkState::Draft,
            "approved" => RemarkState::Approved {
                by: self.approved_by.ok_or_else(|| bad("approval"))?,
                at: self.approved_at.ok_or_else(|| bad("approval"))?,
            },
            "published" => RemarkState::Published {
                at: self.published_at.ok_or_else(|| bad("publication"))?,
            },
            _ => return Err(bad("state")),
        };
        Ok(Remark {
            target,
            text: RemarkText::parse(&self.text).map_err(|_| bad("text"))?,
            outcome,
            author: self.author_id,
            state,
        })
    }
}

const SELECT: &str = "SELECT m.id, m.hearing_id, m.target_kind, m.response_id, m.passage_start,
    m.passage_end, m.section, m.summary, m.text, m.outcome, m.change_version, m.change_block,
    m.author_id, u.email AS author, m.state, m.approved_by, a.email AS approver, m.approved_at,
    m.published_at, m.updated_at,
    (SELECT COUNT(*) FROM remark_responses x WHERE x.remark_id = m.id) AS members
    FROM remarks m JOIN users u ON u.id = m.author_id LEFT JOIN users a ON a.id = m.approved_by";

db::reads! {
    /// A hearing's remarks, oldest first.
    pub fn of_hearing(hearing_id: i64) -> Vec<RemarkRow> =
        db::select(SELECT, "WHERE m.hearing_id = $1 ORDER BY m.id");

    pub fn by_id(hearing_id: i64, id: i64) -> Option<RemarkRow> =
        db::select(SELECT, "WHERE m.hearing_id = $1 AND m.id = $2");

    /// Every (remark, response) pair of a hearing's remarks, by remark.
    pub fn memberships(hearing_id: i64) -> Vec<(i64, i64)> =
        "SELECT x.remark_id, x.response_id FROM remark_responses x
         JOIN remarks m ON m.id = x.remark_id WHERE m.hearing_id = $1
         ORDER BY x.remark_id, x.response_id";
}

/// What a clerk writes besides the remark itself: the point's section and summary.
#[derive(Debug, Clone)]
pub struct PointFacts<'a> {
    pub section: &'a str,
    pub summary: &'a str,
}

fn change_of(outcome: &Outcome) -> (Option<i64>, Option<&str>) {
    match outcome {
        Outcome::Change { version, block } => (Some(i64::from(*version)), Some(block.as_str())),
        _ => (None, None),
    }
}

/// Stores a new draft answering `members` (the target's responses), journaled.
pub async fn insert(
    pool: &AnyPool,
    hearing_id: i64,
    remark: &Remark,
    facts: &PointFacts<'_>,
) -> Result<i64, sqlx::Error> {
    let kind = remark.target.kind().code();
    let (response, start, end) = match &remark.target {
        RemarkTarget::Response(id) => (*id, None, None),
        RemarkTarget::Group(ids) => (ids.first().copied().unwrap_or_default(), None, None),
        RemarkTarget::Passage {
            response,
            start,
            end,
        } => (
            *response,
            i64::try_from(*start).ok(),
            i64::try_from(*end).ok(),
        ),
    };
    let (version, block) = change_of(&remark.outcome);
    let at = now();
    let mut tx = crate::db::begin_write(pool).await?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO remarks (hearing_id, target_kind, response_id, passage_start, passage_end,
            section, summary, text, outcome, change_version, change_block, author_id, state,
            created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'draft', $13, $13)
         RETURNING id",
    )
    .bind(hearing_id)
    .bind(kind)
    .bind(response)
    .bind(start)
    .bind(end)
    .bind(facts.section)
    .bind(facts.summary)
    .bind(remark.text.as_str())
    .bind(remark.outcome.code())
    .bind(version)
    .bind(block)
    .bind(remark.author)
    .bind(at)
    .fetch_one(&mut *tx)
    .await?;
    for member in remark.target.responses() {
        sqlx::query(
            "INSERT INTO remark_responses (remark_id, response_id)
             SELECT $1, id FROM responses WHERE id = $2 AND hearing_id = $3",
        )
        .bind(id)
        .bind(member)
        .bind(hearing_id)
        .execute(&mut *tx)
        .await?;
    }
    let entry =
        Entry::remark(remark.author, Action::RemarkWritten, id).change("", remark.outcome.code());
    crate::journal::db::write(&mut tx, &entry).await?;
    tx.commit().await?;
    Ok(id)
}

/// Stores an edited remark (`edited` as [`hoering::notat::edit`] made it), journaled with the
/// names of the fields it changed (never their words); nothing when the edit changed nothing,
/// and nothing once the remark is published.
pub async fn update(
    pool: &AnyPool,
    id: i64,
    before: &Remark,
    edited: &Edited,
    facts: &PointFacts<'_>,
) -> Result<(), sqlx::Error> {
    if edited.changed.is_empty() {
        return Ok(());
    }
    let remark = &edited.remark;
    let (version, block) = change_of(&remark.outcome);
    let mut tx = crate::db::begin_write(pool).await?;
    let changed = sqlx::query(
        "UPDATE remarks SET section = $1, summary = $2, text = $3, outcome = $4,
            change_version = $5, change_block = $6, author_id = $7, state = $8,
            approved_by = CASE WHEN $8 = 'draft' THEN NULL ELSE approved_by END,
            approved_at = CASE WHEN $8 = 'draft' THEN NULL ELSE approved_at END,
            updated_at = $9
         WHERE id = $10 AND state <> 'published'",
    )
    .bind(facts.section)
    .bind(facts.summary)
    .bind(remark.text.as_str())
    .bind(remark.outcome.code())
    .bind(version)
    .bind(block)
    .bind(remark.author)
    .bind(remark.state.code())
    .bind(now())
    .bind(id)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if changed > 0 {
        let fields: Vec<&str> = edited.changed.iter().map(|f| f.code()).collect();
        let entry = Entry::remark(remark.author, Action::RemarkWritten, id).change(
            before.state.code(),
            format!("{}: {}", remark.state.code(), fields.join(", ")),
        );
        crate::journal::db::write(&mut tx, &entry).await?;
    }
    tx.commit().await
}

/// Records a second clerk's approval (the core has checked the four-eyes rule), journaled.
pub async fn approve(pool: &AnyPool, id: i64, by: i64, at: i64) -> Result<bool, sqlx::Error> {
    let mut tx = crate::db::begin_write(pool).await?;
    let changed = sqlx::query(
        "UPDATE remarks SET state = 'approved', approved_by = $1, approved_at = $2
         WHERE id = $3 AND state = 'draft' AND author_id <> $1",
    )
    .bind(by)
    .bind(at)
    .bind(id)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if changed > 0 {
        let entry = Entry::remark(by, Action::RemarkApproved, id).change("draft", "approved");
        crate::journal::db::write(&mut tx, &entry).await?;
    }
    tx.commit().await?;
    Ok(changed > 0)
}

/// A respondent to tell that the bemærkninger are out.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Recipient {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub created_at: i64,
    /// The language the response was written in: the mail's language.
    pub lang: String,
}

#[derive(Debug, thiserror::Error)]
pub enum PublishError {
    #[error("the database failed")]
    Db(#[from] sqlx::Error),
    #[error("writing the e-mail failed")]
    Mail(#[from] crate::mail::MailError),
}

/// Publishes every approved remark of a hearing at `at` in one transaction, journaled, and
/// writes each answered respondent's e-mail with `mail`; returns how many were published.
/// Refused by the caller (through the core) while any remark is a draft; the `state` guard
/// here keeps a draft written meanwhile from slipping out.
pub async fn publish(
    pool: &AnyPool,
    hearing_id: i64,
    actor: i64,
    at: i64,
    outbox: &crate::mail::Outbox,
    mail: impl Fn(&Recipient) -> hoering::mail::Mail,
) -> Result<u64, PublishError> {
    let mut tx = crate::db::begin_write(pool).await?;
    let published = publish_in(&mut tx, hearing_id, actor, at, outbox, mail)
        .await?
        .unwrap_or(0);
    if published > 0 {
        tx.commit().await?;
    }
    Ok(published)
}

/// [`publish`] within the caller's transaction (the edition of the notat is stored in the
/// same one); `None`, with nothing written, while a remark is still a draft.
pub async fn publish_in(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    hearing_id: i64,
    actor: i64,
    at: i64,
    outbox: &crate::mail::Outbox,
    mail: impl Fn(&Recipient) -> hoering::mail::Mail,
) -> Result<Option<u64>, PublishError> {
    let drafts: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM remarks WHERE hearing_id = $1 AND state = 'draft'",
    )
    .bind(hearing_id)
    .fetch_one(&mut **tx)
    .await?;
    if drafts > 0 {
        return Ok(None);
    }
    let recipients: Vec<Recipient> = sqlx::query_as(
        "SELECT DISTINCT r.id, r.name, r.email, r.created_at, r.lang FROM responses r
         JOIN remark_responses x ON x.response_id = r.id
         JOIN remarks m ON m.id = x.remark_id
         WHERE m.hearing_id = $1 AND m.state = 'approved' AND r.source = 'response'
            AND r.email <> ''
         ORDER BY r.id",
    )
    .bind(hearing_id)
    .fetch_all(&mut **tx)
    .await?;
    let published = sqlx::query(
        "UPDATE remarks SET state = 'published', published_at = $1
         WHERE hearing_id = $2 AND state = 'approved'",
    )
    .bind(at)
    .bind(hearing_id)
    .execute(&mut **tx)
    .await?
    .rows_affected();
    if published == 0 {
        return Ok(Some(0));
    }
    // One message per address: a citizen who sent three responses gets one e-mail.
    let mut told: Vec<String> = Vec::new();
    for r in &recipients {
        let address = r.email.trim().to_lowercase();
        if told.contains(&address) {
            continue;
        }
        told.push(address);
        outbox.put(tx, &mail(r)).await?;
    }
    let entry = Entry::hearing(actor, Action::RemarksPublished, hearing_id)
        .change("approved", published.to_string());
    crate::journal::db::write(tx, &entry).await?;
    Ok(Some(published))
}

/// The hearing's case number and how it was announced.
pub async fn case_facts(pool: &AnyPool, hearing_id: i64) -> Result<(String, String), sqlx::Error> {
    sqlx::query_as("SELECT case_number, announced FROM hearings WHERE id = $1")
        .bind(hearing_id)
        .fetch_one(pool)
        .await
}

pub async fn set_case_facts(
    pool: &AnyPool,
    hearing_id: i64,
    case_number: &str,
    announced: &str,
) -> Result<(), sqlx::Error> {
    let update = "UPDATE hearings SET case_number = $1, announced = $2 WHERE id = $3";
    set_two_texts(pool, update, hearing_id, case_number, announced).await
}

/// The clerk's own texts for the notat: the summary of main themes and the recommendation.
pub async fn notat_texts(pool: &AnyPool, hearing_id: i64) -> Result<(String, String), sqlx::Error> {
    sqlx::query_as("SELECT notat_summary, recommendation FROM hearings WHERE id = $1")
        .bind(hearing_id)
        .fetch_one(pool)
        .await
}

pub async fn set_notat_texts(
    pool: &AnyPool,
    hearing_id: i64,
    summary: &str,
    recommendation: &str,
) -> Result<(), sqlx::Error> {
    let update = "UPDATE hearings SET notat_summary = $1, recommendation = $2 WHERE id = $3";
    set_two_texts(pool, update, hearing_id, summary, recommendation).await
}

/// Sets two of a hearing's texts with `update`, which takes them as `$1` and `$2` and the
/// hearing as `$3`.
async fn set_two_texts(
    pool: &AnyPool,
    update: &'static str,
    hearing_id: i64,
    first: &str,
    second: &str,
) -> Result<(), sqlx::Error> {
    let mut tx = crate::db::begin_write(pool).await?;
    sqlx::query(update)
        .bind(first)
        .bind(second)
        .bind(hearing_id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await
}

db::reads! {
    /// The responses of a hearing set aside without a bemærkning: (response, reason code).
    pub fn set_asides(hearing_id: i64) -> Vec<(i64, String)> =
        "SELECT response_id, reason FROM response_set_asides WHERE hearing_id = $1
         ORDER BY response_id";
}

/// Sets `response` of the hearing aside for `reason`, or (`None`) takes it back, journaled
/// with the reasons' codes. Nothing happens for a response of another hearing.
pub async fn set_aside(
    pool: &AnyPool,
    hearing_id: i64,
    response: i64,
    reason: Option<SetAsideReason>,
    actor: i64,
) -> Result<(), sqlx::Error> {
    let mut tx = crate::db::begin_write(pool).await?;
    let belongs: Option<i64> = sqlx::query_scalar(
        "SELECT id FROM responses WHERE id = $1 AND hearing_id = $2 AND source = 'response'",
    )
    .bind(response)
    .bind(hearing_id)
    .fetch_optional(&mut *tx)
    .await?;
    if belongs.is_none() {
        return Ok(());
    }
    let before: Option<String> =
        sqlx::query_scalar("SELECT reason FROM response_set_asides WHERE response_id = $1")
            .bind(response)
            .fetch_optional(&mut *tx)
            .await?;
    let after = reason.map(SetAsideReason::code);
    if before.as_deref() == after {
        return Ok(());
    }
    sqlx::query("DELETE FROM response_set_asides WHERE response_id = $1")
        .bind(response)
        .execute(&mut *tx)
        .await?;
    if let Some(code) = after {
        sqlx::query(
            "INSERT INTO response_set_asides (response_id, hearing_id, reason, set_by, set_at)
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(response)
        .bind(hearing_id)
        .bind(code)
        .bind(actor)
        .bind(now())
        .execute(&mut *tx)
        .await?;
    }
    let entry = Entry::response(actor, Action::ResponseSetAside, response)
        .change(before.unwrap_or_default(), after.unwrap_or_default());
    crate::journal::db::write(&mut tx, &entry).await?;
    tx.commit().await
}

db::reads! {
    /// The text each response arrived with (the original where a clerk redacted it) and the
    /// sender's address, for the case system's register only.
    pub fn originals(hearing_id: i64) -> Vec<(i64, String, String)> =
        "SELECT id, COALESCE(original_text, text), email FROM responses
         WHERE hearing_id = $1 AND source = 'response' ORDER BY id";

    /// (response, tag name) pairs of a hearing.
    pub fn tags(hearing_id: i64) -> Vec<(i64, String)> =
        "SELECT rt.response_id, t.name FROM response_tags rt JOIN tags t ON t.id = rt.tag_id
         WHERE t.hearing_id = $1 ORDER BY rt.response_id, t.name";

    /// Meeting input of a hearing, with its meeting's title and day, in the meetings' order.
    pub fn meeting_input(hearing_id: i64) -> Vec<(i64, String, i64, Option<String>, String)> =
        "SELECT r.id, m.title, m.starts_at, r.block_number, r.text FROM responses r
         JOIN meetings m ON m.id = r.meeting_id
         WHERE r.hearing_id = $1 AND r.source = 'meeting' AND r.status <> 'withheld'
         ORDER BY m.starts_at, m.id, r.id";
}

/// The number of the first response in a hearing's order of receipt, for journal numbers.
pub async fn running_number(
    pool: &AnyPool,
    hearing_id: i64,
    response_id: i64,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT COUNT(*) FROM responses WHERE hearing_id = $1 AND source = 'response' AND id <= $2",
    )
    .bind(hearing_id)
    .bind(response_id)
    .fetch_one(pool)
    .await
}
