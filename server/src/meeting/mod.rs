//! Dialogue meetings (dialogmøder): the clerk's meeting, the public's sign-up with a waiting
//! list, attendance, the input recorded at the tables on the draft's blocks, and the minutes.

pub mod db;
pub mod forms;
pub mod pages;

/// Clears participants' personal data [`db::KEEP_SIGNUPS_DAYS`] after their meeting, now and
/// then every hour, as the sign-up form promises.
pub fn spawn_housekeeping(pool: sqlx::AnyPool) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        loop {
            let before = crate::db::now() - db::KEEP_SIGNUPS_DAYS * 86_400;
            match db::anonymise_signups(&pool, before).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(signups = n, "participants' personal data cleared"),
                Err(e) => tracing::error!(
                    error = %crate::web::error::chain(&e),
                    "clearing participants' personal data failed"
                ),
            }
            tokio::time::sleep(std::time::Duration::from_secs(3600)).await;
        }
    })
}
