//! Dialogue meetings and their sign-ups in the database. Seats are given in the transaction
//! that holds the meeting's row, so two sign-ups for the last seat cannot both get it, and every
//! e-mail a change causes is written to the outbox in that same transaction.

use crate::db::{self, now};
use crate::mail::{MailError, Outbox};
use hoering::mail::{Mail, SignupNews};
use hoering::meeting::{NewMeeting, Signup, SignupStatus, seats_free, status_for_new};
use sqlx::{Any, AnyPool, Transaction};

#[derive(Debug, thiserror::Error)]
pub enum MeetingDbError {
    #[error(transparent)]
    Sql(#[from] sqlx::Error),
    #[error(transparent)]
    Mail(#[from] MailError),
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct MeetingRow {
    pub id: i64,
    pub policy_id: i64,
    pub policy_slug: String,
    pub policy_title: String,
    pub hearing_id: i64,
    pub hearing_slug: String,
    pub version_id: i64,
    pub title: String,
    pub starts_at: i64,
    pub ends_at: Option<i64>,
    pub place: String,
    pub step_free: i64,
    pub agenda: String,
    pub capacity: i64,
    pub signup_deadline: String,
    pub mode: String,
    pub invite_token: String,
    pub minutes: String,
    pub minutes_published_at: Option<i64>,
    pub seated: i64,
    pub waiting: i64,
}

const MEETING_SELECT: &str = "SELECT m.id, m.policy_id, p.slug AS policy_slug,
    p.title AS policy_title, m.hearing_id, h.slug AS hearing_slug, h.version_id, m.title,
    m.starts_at, m.ends_at, m.place, m.step_free, m.agenda, m.capacity, m.signup_deadline, m.mode,
    m.invite_token, m.minutes, m.minutes_published_at, m.seated, m.waiting
    FROM meetings m JOIN policies p ON p.id = m.policy_id JOIN hearings h ON h.id = m.hearing_id";

/// Stores a new meeting with `invite_token`, the secret of its invitation link.
pub async fn create(
    pool: &AnyPool,
    policy_id: i64,
    hearing_id: i64,
    meeting: &NewMeeting,
    invite_token: &str,
    user_id: i64,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO meetings (policy_id, hearing_id, title, starts_at, ends_at, place, step_free,
            agenda, capacity, signup_deadline, mode, created_by, created_at, invite_token)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id",
    )
    .bind(policy_id)
    .bind(hearing_id)
    .bind(&meeting.title)
    .bind(meeting.starts_at.as_second())
    .bind(meeting.ends_at.map(|t| t.as_second()))
    .bind(&meeting.place)
    .bind(i64::from(meeting.step_free))
    .bind(&meeting.agenda)
    .bind(i64::from(meeting.capacity))
    .bind(meeting.signup_deadline.to_string())
    .bind(meeting.mode.as_str())
    .bind(user_id)
    .bind(now())
    .bind(invite_token)
    .fetch_one(pool)
    .await
}

db::reads! {
    pub fn by_id(id: i64) -> Option<MeetingRow> = db::select(MEETING_SELECT, "WHERE m.id = $1");

    /// A policy's meetings, in the order they take place.
    pub fn of_policy(policy_id: i64) -> Vec<MeetingRow> =
        db::select(MEETING_SELECT, "WHERE m.policy_id = $1 ORDER BY m.starts_at, m.id");

    /// Meetings that start at or after `from` (the home page's "Kommende dialogmøder").
    pub fn upcoming(from: i64, limit: i64) -> Vec<MeetingRow> =
        db::select(MEETING_SELECT, "WHERE m.starts_at >= $1 ORDER BY m.starts_at, m.id LIMIT $2");
}

/// How many meetings there are (the demo loads its own only into an installation without).
pub async fn count(pool: &AnyPool) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT COUNT(*) FROM meetings")
        .fetch_one(pool)
        .await
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SignupRow {
    pub id: i64,
    pub meeting_id: i64,
    pub token: String,
    pub name: String,
    pub email: String,
    pub participant_group: String,
    pub organisation: Option<String>,
    pub interpreter: Option<String>,
    pub step_free: i64,
    pub other_needs: Option<String>,
    pub lang: String,
    pub status: String,
    pub attended: i64,
    pub created_at: i64,
}

pub(crate) const SIGNUP_COLUMNS: &str =
    "id, meeting_id, token, name, email, participant_group, organisation,
    interpreter, step_free, other_needs, lang, status, attended, created_at";

/// Writes what a sign-up's change means to its participant.
pub type SignupMailer<'a> = &'a (dyn Fn(&SignupRow, SignupNews) -> Mail + Sync);

/// What became of a new sign-up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignedUp {
    Seated,
    /// On the waiting list at this place (1 = next).
    Waiting(u32),
    /// This address is already signed up (or waiting) for the meeting; nothing was stored.
    Already,
}

/// Takes the meeting's row for the rest of `tx` (an update locks it on PostgreSQL; SQLite's
/// write transaction is exclusive already) and reads its capacity and kept counts.
async fn hold_meeting(
    tx: &mut Transaction<'_, Any>,
    meeting_id: i64,
) -> Result<(u32, u32, u32), sqlx::Error> {
    sqlx::query("UPDATE meetings SET seated = seated WHERE id = $1")
        .bind(meeting_id)
        .execute(&mut **tx)
        .await?;
    let (capacity, seated, waiting): (i64, i64, i64) =
        sqlx::query_as("SELECT capacity, seated, waiting FROM meetings WHERE id = $1")
            .bind(meeting_id)
            .fetch_one(&mut **tx)
            .await?;
    let n = |v: i64| u32::try_from(v.max(0)).unwrap_or(u32::MAX);
    Ok((n(capacity), n(seated), n(waiting)))
}

async fn signup_by_id(tx: &mut Transaction<'_, Any>, id: i64) -> Result<SignupRow, sqlx::Error> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {SIGNUP_COLUMNS} FROM meeting_signups WHERE id = $1"
    )))
    .bind(id)
    .fetch_one(&mut **tx)
    .await
}

/// Stores a sign-up with a seat, or on the waiting list when the meeting is full, and writes its
/// confirmation to the outbox. `lang` is the participant's language code (`da`, `ar`, …): later
/// messages about the sign-up are written in it.
pub async fn sign_up(
    pool: &AnyPool,
    meeting_id: i64,
    signup: &Signup,
    lang: &str,
    token: &str,
    outbox: &Outbox,
    mailer: SignupMailer<'_>,
) -> Result<SignedUp, MeetingDbError> {
    let mut tx = crate::db::begin_write(pool).await?;
    let (capacity, seated, waiting) = hold_meeting(&mut tx, meeting_id).await?;
    let already: Option<i64> = sqlx::query_scalar(
        "SELECT id FROM meeting_signups WHERE meeting_id = $1 AND LOWER(email) = LOWER($2)
            AND status <> 'cancelled'",
    )
    .bind(meeting_id)
    .bind(signup.email.as_str())
    .fetch_optional(&mut *tx)
    .await?;
    if already.is_some() {
        return Ok(SignedUp::Already);
    }
    let status = status_for_new(capacity, seated);
    let at = now();
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO meeting_signups (meeting_id, token, name, email, participant_group,
            organisation, interpreter, step_free, other_needs, lang, status, created_at, seated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id",
    )
    .bind(meeting_id)
    .bind(token)
    .bind(signup.name.as_str())
    .bind(signup.email.as_str())
    .bind(signup.group.as_str())
    .bind(signup.organisation.as_ref().map(|o| o.as_str().to_string()))
    .bind(signup.needs.interpreter.clone())
    .bind(i64::from(signup.needs.step_free))
    .bind(signup.needs.other.clone())
    .bind(lang)
    .bind(status.as_str())
    .bind(at)
    .bind((status == SignupStatus::Seated).then_some(at))
    .fetch_one(&mut *tx)
    .await?;
    let (outcome, news, column) = match status {
        SignupStatus::Seated => (SignedUp::Seated, SignupNews::Seated, "seated"),
        _ => (
            SignedUp::Waiting(waiting + 1),
            SignupNews::Waiting { place: waiting + 1 },
            "waiting",
        ),
    };
    sqlx::query(sqlx::AssertSqlSafe(format!(
        "UPDATE meetings SET {column} = {column} + 1 WHERE id = $1"
    )))
    .bind(meeting_id)
    .execute(&mut *tx)
    .await?;
    let row = signup_by_id(&mut tx, id).await?;
    outbox.put(&mut tx, &mailer(&row, news)).await?;
    tx.commit().await?;
    outbox.wake();
    Ok(outcome)
}

db::reads! {
    pub fn signup_by_token(token: &str) -> Option<SignupRow> =
        sqlx::AssertSqlSafe(format!(
            "SELECT {SIGNUP_COLUMNS} FROM meeting_signups WHERE token = $1"
        ));
}

/// A sign-up's place on the waiting list (1 = next), if it is waiting.
pub async fn waiting_place(pool: &AnyPool, signup: &SignupRow) -> Result<u32, sqlx::Error> {
    let ahead: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM meeting_signups
         WHERE meeting_id = $1 AND status = 'waiting' AND id < $2",
    )
    .bind(signup.meeting_id)
    .bind(signup.id)
    .fetch_one(pool)
    .await?;
    Ok(u32::try_from(ahead + 1).unwrap_or(u32::MAX))
}

/// Cancels a sign-up; a seat it frees goes to the first on the waiting list, who is told by
/// e-mail. Returns `false` if it was cancelled already.
pub async fn cancel(
    pool: &AnyPool,
    signup_id: i64,
    outbox: &Outbox,
    mailer: SignupMailer<'_>,
) -> Result<bool, MeetingDbError> {
    let mut tx = crate::db::begin_write(pool).await?;
    let row = signup_by_id(&mut tx, signup_id).await?;
    let (capacity, seated, _) = hold_meeting(&mut tx, row.meeting_id).await?;
    let changed = sqlx::query(
        "UPDATE meeting_signups SET status = 'cancelled', cancelled_at = $1
         WHERE id = $2 AND status <> 'cancelled'",
    )
    .bind(now())
    .bind(signup_id)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if changed == 0 {
        return Ok(false);
    }
    let was_seated = row.status == SignupStatus::Seated.as_str();
    let column = if was_seated { "seated" } else { "waiting" };
    sqlx::query(sqlx::AssertSqlSafe(format!(
        "UPDATE meetings SET {column} = {column} - 1 WHERE id = $1"
    )))
    .bind(row.meeting_id)
    .execute(&mut *tx)
    .await?;
    outbox
        .put(&mut tx, &mailer(&row, SignupNews::Cancelled))
        .await?;
    let seated = if was_seated {
        seated.saturating_sub(1)
    } else {
        seated
    };
    fill_free_seats(&mut tx, row.meeting_id, capacity, seated, outbox, mailer).await?;
    tx.commit().await?;
    outbox.wake();
    Ok(true)
}

/// Moves the first on the waiting list up into the free seats, telling each by e-mail.
async fn fill_free_seats(
    tx: &mut Transaction<'_, Any>,
    meeting_id: i64,
    capacity: u32,
    seated: u32,
    outbox: &Outbox,
    mailer: SignupMailer<'_>,
) -> Result<(), MeetingDbError> {
    let free = seats_free(capacity, seated);
    if free == 0 {
        return Ok(());
    }
    let first: Vec<i64> = sqlx::query_scalar(
        "SELECT id FROM meeting_signups WHERE meeting_id = $1 AND status = 'waiting'
         ORDER BY id LIMIT $2",
    )
    .bind(meeting_id)
    .bind(i64::from(free))
    .fetch_all(&mut **tx)
    .await?;
    for id in first {
        sqlx::query("UPDATE meeting_signups SET status = 'seated', seated_at = $1 WHERE id = $2")
            .bind(now())
            .bind(id)
            .execute(&mut **tx)
            .await?;
        sqlx::query("UPDATE meetings SET seated = seated + 1, waiting = waiting - 1 WHERE id = $1")
            .bind(meeting_id)
            .execute(&mut **tx)
            .await?;
        let row = signup_by_id(tx, id).await?;
        outbox
            .put(tx, &mailer(&row, SignupNews::SeatOffered))
            .await?;
        tracing::info!(
            meeting = meeting_id,
            signup = id,
            "seat given to the next on the waiting list"
        );
    }
    Ok(())
}

db::reads! {
    /// Every sign-up of a meeting: seated first, then the waiting list in its order, then the
    /// cancelled.
    pub fn signups(meeting_id: i64) -> Vec<SignupRow> =
        sqlx::AssertSqlSafe(format!(
            "SELECT {SIGNUP_COLUMNS} FROM meeting_signups WHERE meeting_id = $1
         ORDER BY CASE status WHEN 'seated' THEN 0 WHEN 'waiting' THEN 1 ELSE 2 END, id"
        ));
}

/// Marks who came: the sign-ups in `came` as attended, every other one of the meeting as not.
pub async fn set_attendance(
    pool: &AnyPool,
    meeting_id: i64,
    came: &[i64],
) -> Result<(), sqlx::Error> {
    let mut tx = crate::db::begin_write(pool).await?;
    sqlx::query("UPDATE meeting_signups SET attended = 0 WHERE meeting_id = $1")
        .bind(meeting_id)
        .execute(&mut *tx)
        .await?;
    for id in came {
        sqlx::query(
            "UPDATE meeting_signups SET attended = 1
             WHERE id = $1 AND meeting_id = $2 AND status <> 'cancelled'",
        )
        .bind(id)
        .bind(meeting_id)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await
}

db::reads! {
    /// Group and attendance of every sign-up that was not cancelled, for the counts by group.
    pub fn attendance_rows(meeting_id: i64) -> Vec<(String, i64)> =
        "SELECT participant_group, attended FROM meeting_signups
         WHERE meeting_id = $1 AND status <> 'cancelled'";
}

/// Saves the minutes (Markdown); `publish` makes them public from now, or takes them down.
pub async fn set_minutes(
    pool: &AnyPool,
    meeting_id: i64,
    minutes: &str,
    publish: bool,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE meetings SET minutes = $1,
            minutes_published_at = CASE WHEN $2 = 1 THEN COALESCE(minutes_published_at, $3) ELSE NULL END
         WHERE id = $4",
    )
    .bind(minutes)
    .bind(i64::from(publish))
    .bind(now())
    .bind(meeting_id)
    .execute(pool)
    .await?
    .rows_affected();
    Ok(done > 0)
}

/// Days after a meeting that its participants' names, addresses and needs are kept.
pub const KEEP_SIGNUPS_DAYS: i64 = 30;

/// Removes the names, e-mail addresses and needs of sign-ups for meetings that began before
/// `before`, keeping group, status and attendance for the counts; returns how many it cleared.
pub async fn anonymise_signups(pool: &AnyPool, before: i64) -> Result<u64, sqlx::Error> {
    Ok(sqlx::query(
        "UPDATE meeting_signups SET name = '', email = '', interpreter = NULL, step_free = 0,
            other_needs = NULL
         WHERE email <> '' AND meeting_id IN (SELECT id FROM meetings WHERE starts_at < $1)",
    )
    .bind(before)
    .execute(pool)
    .await?
    .rows_affected())
}
