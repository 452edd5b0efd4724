//! The høringsliste in the database: a hearing's invited parties with their personal links, and
//! when each was invited, reminded, declined or answered.

use crate::db::{self, now};
use hoering::consultees::Party;
use sqlx::AnyPool;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PartyRow {
    pub id: i64,
    pub hearing_id: i64,
    pub organisation: String,
    pub contact: Option<String>,
    pub email: String,
    pub kind: String,
    pub token: String,
    pub invited_at: Option<i64>,
    pub reminded_at: Option<i64>,
    pub declined_at: Option<i64>,
    pub answered_at: Option<i64>,
}

const COLUMNS: &str = "id, hearing_id, organisation, contact, email, kind, token, invited_at,
    reminded_at, declined_at, answered_at";

db::reads! {
    /// A hearing's parties in the order they were added.
    pub fn of_hearing(hearing_id: i64) -> Vec<PartyRow> =
        sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM hearing_parties WHERE hearing_id = $1 ORDER BY id"
        ));
}

/// Adds parties (each with its new personal token) in one transaction; an address already on
/// the hearing's list is skipped. Returns how many were added.
pub async fn add(
    pool: &AnyPool,
    hearing_id: i64,
    parties: &[(Party, String)],
) -> Result<u64, sqlx::Error> {
    let mut tx = crate::db::begin_write(pool).await?;
    let mut added = 0;
    let at = now();
    for (party, token) in parties {
        added += sqlx::query(
            "INSERT INTO hearing_parties (hearing_id, organisation, contact, email, kind, token,
                created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7)
             ON CONFLICT (hearing_id, email) DO NOTHING",
        )
        .bind(hearing_id)
        .bind(party.organisation.as_str())
        .bind(party.contact.as_ref().map(|c| c.as_str().to_string()))
        .bind(party.email.as_str().to_lowercase())
        .bind(party.kind.as_str())
        .bind(token)
        .bind(at)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    }
    tx.commit().await?;
    Ok(added)
}

/// Takes a party off the list, as long as it has not been invited (an invitation sent is part
/// of the hearing's record). Returns whether it was removed.
pub async fn remove(pool: &AnyPool, hearing_id: i64, id: i64) -> Result<bool, sqlx::Error> {
    Ok(sqlx::query(
        "DELETE FROM hearing_parties
         WHERE id = $1 AND hearing_id = $2 AND invited_at IS NULL AND answered_at IS NULL
            AND declined_at IS NULL",
    )
    .bind(id)
    .bind(hearing_id)
    .execute(pool)
    .await?
    .rows_affected()
        > 0)
}

pub async fn reminder_days(pool: &AnyPool, hearing_id: i64) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT reminder_days FROM hearings WHERE id = $1")
        .bind(hearing_id)
        .fetch_one(pool)
        .await
}

pub async fn set_reminder_days(
    pool: &AnyPool,
    hearing_id: i64,
    days: u32,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE hearings SET reminder_days = $1 WHERE id = $2")
        .bind(i64::from(days))
        .bind(hearing_id)
        .execute(pool)
        .await?;
    Ok(())
}

db::reads! {
    /// Earlier hearings of the same committee that have a list, newest first: (slug, title,
    /// parties).
    pub fn lists_of_committee(committee: &str, except_hearing: i64) -> Vec<(String, String, i64)> =
        "SELECT h.slug, p.title, COUNT(hp.id)
         FROM hearings h JOIN policies p ON p.id = h.policy_id
         JOIN hearing_parties hp ON hp.hearing_id = h.id
         WHERE p.committee = $1 AND h.id <> $2
         GROUP BY h.id, h.slug, p.title, h.opens_at
         ORDER BY h.opens_at DESC";
}

/// A party with what its mail needs of its hearing.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PartyInHearing {
    #[sqlx(flatten)]
    pub party: PartyRow,
    pub slug: String,
    pub title: String,
    pub opens_at: i64,
    pub closes_at: i64,
    pub reminder_days: i64,
}

const IN_HEARING: &str = "SELECT hp.id, hp.hearing_id, hp.organisation, hp.contact, hp.email,
    hp.kind, hp.token, hp.invited_at, hp.reminded_at, hp.declined_at, hp.answered_at,
    h.slug, p.title, h.opens_at, h.closes_at, h.reminder_days
    FROM hearing_parties hp JOIN hearings h ON h.id = hp.hearing_id
    JOIN policies p ON p.id = h.policy_id";

db::reads! {
    /// Parties of open hearings not invited yet.
    pub fn to_invite(now: i64) -> Vec<PartyInHearing> =
        db::select(
            IN_HEARING,
            "WHERE hp.invited_at IS NULL AND h.opens_at <= $1 AND h.closes_at > $1
         ORDER BY hp.id",
        );

    /// Invited parties of open hearings that have neither answered, declined nor been reminded;
    /// whether the reminder is due today is the core's to say.
    pub fn may_remind(now: i64) -> Vec<PartyInHearing> =
        db::select(IN_HEARING, "WHERE hp.invited_at IS NOT NULL AND hp.reminded_at IS NULL
            AND hp.answered_at IS NULL AND hp.declined_at IS NULL
            AND h.opens_at <= $1 AND h.closes_at > $1
         ORDER BY hp.id");

    pub fn by_token(token: &str) -> Option<PartyInHearing> =
        db::select(IN_HEARING, "WHERE hp.token = $1");
}

/// Marks a party invited (`reminder` false) or reminded, and writes its mail, in one
/// transaction; a party another server marked first is left alone. Returns whether it was sent.
pub async fn send(
    pool: &AnyPool,
    party_id: i64,
    reminder: bool,
    outbox: &crate::mail::Outbox,
    mail: &hoering::mail::Mail,
) -> Result<bool, crate::mail::MailError> {
    let column = if reminder {
        "reminded_at"
    } else {
        "invited_at"
    };
    let mut tx = crate::db::begin_write(pool).await?;
    let marked = sqlx::query(sqlx::AssertSqlSafe(format!(
        "UPDATE hearing_parties SET {column} = $1 WHERE id = $2 AND {column} IS NULL"
    )))
    .bind(now())
    .bind(party_id)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if marked == 0 {
        return Ok(false);
    }
    outbox.put(&mut tx, mail).await?;
    tx.commit().await?;
    Ok(true)
}

/// "Ingen bemærkninger": counts as the party's answer. Returns whether it changed anything.
pub async fn decline(pool: &AnyPool, token: &str) -> Result<bool, sqlx::Error> {
    Ok(sqlx::query(
        "UPDATE hearing_parties SET declined_at = $1
         WHERE token = $2 AND declined_at IS NULL AND answered_at IS NULL",
    )
    .bind(now())
    .bind(token)
    .execute(pool)
    .await?
    .rows_affected()
        > 0)
}

/// Records that a response came through the party's link, in the response's transaction.
pub async fn mark_answered(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    party_id: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE hearing_parties SET answered_at = $1 WHERE id = $2 AND answered_at IS NULL",
    )
    .bind(now())
    .bind(party_id)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// A response of the hearing from the public form, tied to no party yet.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct UnmatchedResponse {
    pub id: i64,
    pub created_at: i64,
    pub name: String,
    pub organisation: Option<String>,
    pub email: String,
}

db::reads! {
    /// The hearing's responses tied to no party (withheld ones aside: they name nobody).
    pub fn unmatched_responses(hearing_id: i64) -> Vec<UnmatchedResponse> =
        "SELECT id, created_at, name, organisation, email FROM responses
         WHERE hearing_id = $1 AND source = 'response' AND party_id IS NULL
           AND status <> 'withheld'
         ORDER BY id";
}

/// Ties `response` to party `party_id` of the hearing as its answer (answered when the
/// response arrived), journaled; false when either is not the hearing's or the response is
/// some party's already.
pub async fn match_response(
    pool: &AnyPool,
    hearing_id: i64,
    party_id: i64,
    response: i64,
    actor: i64,
) -> Result<bool, sqlx::Error> {
    let mut tx = crate::db::begin_write(pool).await?;
    let party: Option<i64> =
        sqlx::query_scalar("SELECT id FROM hearing_parties WHERE id = $1 AND hearing_id = $2")
            .bind(party_id)
            .bind(hearing_id)
            .fetch_optional(&mut *tx)
            .await?;
    if party.is_none() {
        return Ok(false);
    }
    let tied = sqlx::query(
        "UPDATE responses SET party_id = $1
         WHERE id = $2 AND hearing_id = $3 AND source = 'response' AND party_id IS NULL",
    )
    .bind(party_id)
    .bind(response)
    .bind(hearing_id)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if tied == 0 {
        return Ok(false);
    }
    sqlx::query(
        "UPDATE hearing_parties SET answered_at = (SELECT created_at FROM responses WHERE id = $1)
         WHERE id = $2 AND answered_at IS NULL",
    )
    .bind(response)
    .bind(party_id)
    .execute(&mut *tx)
    .await?;
    let entry =
        crate::journal::Entry::response(actor, crate::journal::Action::PartyMatched, response)
            .change("", party_id.to_string());
    crate::journal::db::write(&mut tx, &entry).await?;
    tx.commit().await?;
    Ok(true)
}

/// The party on the hearing's list that is the organisation `name` (case aside), if any: a
/// council on the høringsliste answers through its joint response, not through a link.
pub async fn by_organisation(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    hearing_id: i64,
    name: &str,
) -> Result<Option<i64>, sqlx::Error> {
    let rows: Vec<(i64, String)> =
        sqlx::query_as("SELECT id, organisation FROM hearing_parties WHERE hearing_id = $1")
            .bind(hearing_id)
            .fetch_all(&mut **tx)
            .await?;
    let wanted = name.trim().to_lowercase();
    Ok(rows
        .into_iter()
        .find(|(_, o)| o.trim().to_lowercase() == wanted)
        .map(|(id, _)| id))
}
