//! Councils and their members in the database.

use crate::db::now;
use sqlx::AnyPool;

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
    pub chair: i64,
}

pub async fn list(pool: &AnyPool) -> Result<Vec<CouncilRow>, sqlx::Error> {
    sqlx::query_as("SELECT id, slug, name FROM councils ORDER BY name")
        .fetch_all(pool)
        .await
}

pub async fn by_slug(pool: &AnyPool, slug: &str) -> Result<Option<CouncilRow>, sqlx::Error> {
    sqlx::query_as("SELECT id, slug, name FROM councils WHERE slug = $1")
        .bind(slug)
        .fetch_optional(pool)
        .await
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

/// Every member of every council, by council and e-mail.
pub async fn members(pool: &AnyPool) -> Result<Vec<MemberRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT m.council_id, m.user_id, u.email, m.chair FROM council_members m
         JOIN users u ON u.id = m.user_id ORDER BY m.council_id, u.email",
    )
    .fetch_all(pool)
    .await
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
