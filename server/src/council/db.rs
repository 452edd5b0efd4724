//! Councils and their members in the database.

use crate::db::{self, now};
use sqlx::{Any, AnyPool, Transaction};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct CouncilRow {
    pub id: i64,
    pub slug: String,
    pub name: String,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct MemberRow {
    pub council_id: i64,
    pub user_id: i64,
    pub email: String,
    pub display_name: String,
    pub chair: i64,
}

db::reads! {
    pub fn list() -> Vec<CouncilRow> = "SELECT id, slug, name FROM councils ORDER BY name";

    pub fn by_slug(slug: &str) -> Option<CouncilRow> =
        "SELECT id, slug, name FROM councils WHERE slug = $1";
}

/// Creates a council; `None` when its address is taken.
pub async fn create(pool: &AnyPool, slug: &str, name: &str) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO councils (slug, name, created_at) VALUES ($1, $2, $3)
         ON CONFLICT (slug) DO NOTHING RETURNING id",
    )
    .bind(slug)
    .bind(name)
    .bind(now())
    .fetch_optional(pool)
    .await
}

db::reads! {
    /// Every member of every council, by council and e-mail.
    pub fn members() -> Vec<MemberRow> =
        "SELECT m.council_id, m.user_id, u.email, u.display_name, m.chair FROM council_members m
         JOIN users u ON u.id = m.user_id ORDER BY m.council_id, u.email";
}

/// The councils a user is a member of, with whether they chair it.
pub async fn of_user(pool: &AnyPool, user_id: i64) -> Result<Vec<(CouncilRow, bool)>, sqlx::Error> {
    let rows: Vec<(i64, String, String, i64)> = sqlx::query_as(
        "SELECT c.id, c.slug, c.name, m.chair FROM council_members m
         JOIN councils c ON c.id = m.council_id WHERE m.user_id = $1 ORDER BY c.name",
    )
    .bind(user_id)
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, slug, name, chair)| (CouncilRow { id, slug, name }, chair != 0))
        .collect())
}

/// Adds (or updates) a membership. Only a user with the council role may be a member: the
/// caller checks the role; the chair is one per council, so naming a new one unseats the old.
pub async fn set_member(
    pool: &AnyPool,
    council_id: i64,
    user_id: i64,
    chair: bool,
) -> Result<(), sqlx::Error> {
    let mut tx = crate::db::begin_write(pool).await?;
    if chair {
        sqlx::query("UPDATE council_members SET chair = 0 WHERE council_id = $1")
            .bind(council_id)
            .execute(&mut *tx)
            .await?;
    }
    sqlx::query(
        "INSERT INTO council_members (council_id, user_id, chair, added_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (council_id, user_id) DO UPDATE SET chair = excluded.chair",
    )
    .bind(council_id)
    .bind(user_id)
    .bind(i64::from(chair))
    .bind(now())
    .execute(&mut *tx)
    .await?;
    tx.commit().await
}

/// Seats the provider's person in exactly the councils their roles claim names (by slug), and
/// no others: a seat taken away at the provider is gone at the next sign-in. A seat they keep
/// keeps its chair. Returns the slugs that name no council here (a mistake in the mapping).
pub async fn set_provider_seats(
    pool: &AnyPool,
    user_id: i64,
    slugs: &[&str],
) -> Result<Vec<String>, sqlx::Error> {
    let mut tx = crate::db::begin_write(pool).await?;
    let councils: Vec<(i64, String)> = sqlx::query_as("SELECT id, slug FROM councils")
        .fetch_all(&mut *tx)
        .await?;
    let held: Vec<i64> =
        sqlx::query_scalar("SELECT council_id FROM council_members WHERE user_id = $1")
            .bind(user_id)
            .fetch_all(&mut *tx)
            .await?;
    let wanted: Vec<i64> = councils
        .iter()
        .filter(|(_, slug)| slugs.contains(&slug.as_str()))
        .map(|(id, _)| *id)
        .collect();
    for council in held.iter().filter(|c| !wanted.contains(c)) {
        sqlx::query("DELETE FROM council_members WHERE council_id = $1 AND user_id = $2")
            .bind(council)
            .bind(user_id)
            .execute(&mut *tx)
            .await?;
    }
    for council in wanted.iter().filter(|c| !held.contains(c)) {
        sqlx::query(
            "INSERT INTO council_members (council_id, user_id, chair, added_at) VALUES ($1, $2, 0, $3)",
        )
        .bind(council)
        .bind(user_id)
        .bind(now())
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(slugs
        .iter()
        .filter(|s| !councils.iter().any(|(_, slug)| slug.as_str() == **s))
        .map(|s| s.to_string())
        .collect())
}

pub async fn remove_member(
    pool: &AnyPool,
    council_id: i64,
    user_id: i64,
) -> Result<bool, sqlx::Error> {
    Ok(
        sqlx::query("DELETE FROM council_members WHERE council_id = $1 AND user_id = $2")
            .bind(council_id)
            .bind(user_id)
            .execute(pool)
            .await?
            .rows_affected()
            > 0,
    )
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct RoundRow {
    pub id: i64,
    pub hearing_id: i64,
    pub hearing_slug: String,
    pub hearing_title: String,
    pub version_id: i64,
    pub closes_at: i64,
    pub council_id: i64,
    pub council_slug: String,
    pub council_name: String,
    pub opens: String,
    pub closes: String,
    pub discussion_published_at: Option<i64>,
    pub response_id: Option<i64>,
    pub submitted_by: Option<i64>,
    pub submitted_at: Option<i64>,
    pub submitted_revision: Option<i64>,
}

impl RoundRow {
    /// The chair's submission, as the core sees it.
    pub fn submitted(&self) -> Option<hoering::council::Submitted> {
        Some(hoering::council::Submitted {
            by: hoering::council::UserId(self.submitted_by?),
            at: self.submitted_at?,
            revision: u32::try_from(self.submitted_revision?).ok()?,
        })
    }
}

const ROUND_SELECT: &str = "SELECT r.id, r.hearing_id, h.slug AS hearing_slug,
    p.title AS hearing_title, h.version_id, h.closes_at, r.council_id, c.slug AS council_slug,
    c.name AS council_name, r.opens, r.closes, r.discussion_published_at, r.response_id,
    r.submitted_by, r.submitted_at, r.submitted_revision
    FROM council_rounds r JOIN hearings h ON h.id = r.hearing_id
    JOIN policies p ON p.id = h.policy_id JOIN councils c ON c.id = r.council_id";

/// Opens a council's round on a hearing, or moves its window if it is open already.
pub async fn open_round(
    pool: &AnyPool,
    hearing_id: i64,
    council_id: i64,
    opens: &str,
    closes: &str,
    user_id: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO council_rounds (hearing_id, council_id, opens, closes, created_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (hearing_id, council_id) DO UPDATE SET opens = excluded.opens,
            closes = excluded.closes",
    )
    .bind(hearing_id)
    .bind(council_id)
    .bind(opens)
    .bind(closes)
    .bind(user_id)
    .bind(now())
    .execute(pool)
    .await?;
    Ok(())
}

db::reads! {
    pub fn rounds_of_hearing(hearing_id: i64) -> Vec<RoundRow> =
        db::select(ROUND_SELECT, "WHERE r.hearing_id = $1 ORDER BY c.name");

    /// The rounds of the councils a user sits in, soonest closing first.
    pub fn rounds_of_user(user_id: i64) -> Vec<RoundRow> =
        db::select(ROUND_SELECT, "JOIN council_members m ON m.council_id = r.council_id
         WHERE m.user_id = $1 ORDER BY r.closes, c.name");

    /// A council's round on the hearing `slug`.
    pub fn round(hearing_slug: &str, council_slug: &str) -> Option<RoundRow> =
        db::select(ROUND_SELECT, "WHERE h.slug = $1 AND c.slug = $2");
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct CommentRow {
    pub id: i64,
    pub author_id: i64,
    pub author: String,
    pub block_number: Option<String>,
    pub quote: String,
    pub text: String,
    pub reply_to: Option<i64>,
    pub created_at: i64,
    pub agreed: i64,
}

db::reads! {
    /// A round's comments with their authors' display names (never their e-mails: the room and a
    /// published discussion show these) and how many agree, in the order written.
    pub fn comments(round_id: i64) -> Vec<CommentRow> =
        "SELECT k.id, k.author_id, u.display_name AS author, k.block_number, k.quote, k.text,
            k.reply_to, k.created_at,
            (SELECT COUNT(*) FROM council_agreements a WHERE a.comment_id = k.id) AS agreed
         FROM council_comments k JOIN users u ON u.id = k.author_id
         WHERE k.round_id = $1 ORDER BY k.id";
}

pub async fn add_comment(
    pool: &AnyPool,
    round_id: i64,
    author_id: i64,
    comment: &hoering::council::NewComment,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO council_comments (round_id, author_id, block_number, quote, text, reply_to,
            created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(round_id)
    .bind(author_id)
    .bind(comment.block.as_ref().map(|b| b.as_str().to_string()))
    .bind(&comment.quote)
    .bind(comment.text.as_str())
    .bind(comment.reply_to)
    .bind(now())
    .fetch_one(pool)
    .await
}

/// Whether comment `id` belongs to the round (a reply may not cross into another council's).
pub async fn comment_in_round(
    pool: &AnyPool,
    round_id: i64,
    id: i64,
) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar("SELECT author_id FROM council_comments WHERE id = $1 AND round_id = $2")
        .bind(id)
        .bind(round_id)
        .fetch_optional(pool)
        .await
}

/// Agrees with a comment, or takes the agreement back; returns whether the user now agrees.
pub async fn toggle_agreement(
    pool: &AnyPool,
    comment_id: i64,
    user_id: i64,
) -> Result<bool, sqlx::Error> {
    let mut tx = crate::db::begin_write(pool).await?;
    let removed =
        sqlx::query("DELETE FROM council_agreements WHERE comment_id = $1 AND user_id = $2")
            .bind(comment_id)
            .bind(user_id)
            .execute(&mut *tx)
            .await?
            .rows_affected();
    if removed == 0 {
        sqlx::query("INSERT INTO council_agreements (comment_id, user_id) VALUES ($1, $2)")
            .bind(comment_id)
            .bind(user_id)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(removed == 0)
}

/// Takes the round's row for the rest of `tx` (an update locks it on PostgreSQL; SQLite's write
/// transaction is exclusive already) and reads it afresh, so that an edit, a submission and a
/// publication each decide on the state no other can change under them.
pub async fn hold_round(
    tx: &mut Transaction<'_, Any>,
    round_id: i64,
) -> Result<RoundRow, sqlx::Error> {
    sqlx::query("UPDATE council_rounds SET opens = opens WHERE id = $1")
        .bind(round_id)
        .execute(&mut **tx)
        .await?;
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{ROUND_SELECT} WHERE r.id = $1"
    )))
    .bind(round_id)
    .fetch_one(&mut **tx)
    .await
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct RevisionRow {
    pub number: i64,
    pub author_id: i64,
    pub author: String,
    pub text: String,
    pub created_at: i64,
}

impl RevisionRow {
    pub fn revision(&self) -> hoering::council::Revision {
        hoering::council::Revision {
            number: u32::try_from(self.number).unwrap_or(u32::MAX),
            author: hoering::council::UserId(self.author_id),
            at: self.created_at,
            text: self.text.clone(),
        }
    }
}

/// The joint response's revisions, oldest first, with their authors' display names.
pub async fn revisions<'e, E>(exec: E, round_id: i64) -> Result<Vec<RevisionRow>, sqlx::Error>
where
    E: sqlx::Executor<'e, Database = Any>,
{
    sqlx::query_as(
        "SELECT j.number, j.author_id, u.display_name AS author, j.text, j.created_at
         FROM joint_revisions j JOIN users u ON u.id = j.author_id
         WHERE j.round_id = $1 ORDER BY j.number",
    )
    .bind(round_id)
    .fetch_all(exec)
    .await
}

/// The joint response as the core decides on it.
pub fn joint_of(round: &RoundRow, revisions: &[RevisionRow]) -> hoering::council::JointResponse {
    hoering::council::JointResponse {
        revisions: revisions.iter().map(RevisionRow::revision).collect(),
        submitted: round.submitted(),
    }
}

/// Stores a revision [`hoering::council::JointResponse::edit`] made. The number is unique per
/// round, so even a caller that did not hold the round cannot store a second revision `n`.
pub async fn add_revision(
    tx: &mut Transaction<'_, Any>,
    round_id: i64,
    revision: &hoering::council::Revision,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO joint_revisions (round_id, number, author_id, text, created_at)
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(round_id)
    .bind(i64::from(revision.number))
    .bind(revision.author.0)
    .bind(&revision.text)
    .bind(revision.at)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Records the chair's submission and the response it became.
pub async fn mark_submitted(
    tx: &mut Transaction<'_, Any>,
    round_id: i64,
    submitted: &hoering::council::Submitted,
    response_id: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE council_rounds SET submitted_by = $2, submitted_at = $3, submitted_revision = $4,
            response_id = $5
         WHERE id = $1 AND submitted_at IS NULL",
    )
    .bind(round_id)
    .bind(submitted.by.0)
    .bind(submitted.at)
    .bind(i64::from(submitted.revision))
    .bind(response_id)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Makes the discussion readable by everyone; it cannot be taken back.
pub async fn publish_discussion(
    tx: &mut Transaction<'_, Any>,
    round_id: i64,
    by: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE council_rounds SET discussion_published_at = $2, discussion_published_by = $3
         WHERE id = $1 AND discussion_published_at IS NULL",
    )
    .bind(round_id)
    .bind(now())
    .bind(by)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// The status of the response a council submitted (`pending`, `published`, `withheld`…).
pub async fn response_status(
    pool: &AnyPool,
    response_id: i64,
) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT status FROM responses WHERE id = $1")
        .bind(response_id)
        .fetch_optional(pool)
        .await
}

/// Whether the user chairs the council.
pub async fn is_chair(pool: &AnyPool, council_id: i64, user_id: i64) -> Result<bool, sqlx::Error> {
    let chair: Option<i64> = sqlx::query_scalar(
        "SELECT chair FROM council_members WHERE council_id = $1 AND user_id = $2",
    )
    .bind(council_id)
    .bind(user_id)
    .fetch_optional(pool)
    .await?;
    Ok(chair.unwrap_or(0) != 0)
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct BlockCommentRow {
    pub id: i64,
    pub council: String,
    pub author: String,
    pub quote: String,
    pub text: String,
    pub created_at: i64,
}

db::reads! {
    /// Every council's comments on block `number` of a hearing, for the clerk's paragraph page.
    pub fn comments_on_block(hearing_id: i64, number: &str) -> Vec<BlockCommentRow> =
        "SELECT k.id, c.name AS council, u.email AS author, k.quote, k.text, k.created_at
         FROM council_comments k JOIN council_rounds r ON r.id = k.round_id
         JOIN councils c ON c.id = r.council_id JOIN users u ON u.id = k.author_id
         WHERE r.hearing_id = $1 AND k.block_number = $2 ORDER BY k.id";

    /// How many council comments each block of a hearing has (`None`: the whole draft).
    pub fn comment_counts(hearing_id: i64) -> Vec<(Option<String>, i64)> =
        "SELECT k.block_number, COUNT(*) FROM council_comments k
         JOIN council_rounds r ON r.id = k.round_id WHERE r.hearing_id = $1
         GROUP BY k.block_number";
}
