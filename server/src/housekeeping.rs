//! What the server clears on its own, so personal data is kept no longer than promised:
//! participants' details 30 days after their meeting, and the text of sent e-mails (copies of
//! what citizens wrote) 90 days after sending. Runs at start and then every hour.

use crate::db::now;
use sqlx::AnyPool;

/// Days a sent e-mail keeps its text; its recipient, subject and times stay as the record.
pub const KEEP_SENT_MAIL_DAYS: i64 = 90;

pub fn spawn(pool: AnyPool) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        loop {
            run_once(&pool).await;
            tokio::time::sleep(std::time::Duration::from_secs(3600)).await;
        }
    })
}

/// One round of clearing; failures are logged and tried again in the next round.
pub async fn run_once(pool: &AnyPool) {
    let signups_before = now() - crate::meeting::db::KEEP_SIGNUPS_DAYS * 86_400;
    match crate::meeting::db::anonymise_signups(pool, signups_before).await {
        Ok(0) => {}
        Ok(n) => tracing::info!(signups = n, "participants' personal data cleared"),
        Err(e) => tracing::error!(
            error = %crate::web::error::chain(&e),
            "clearing participants' personal data failed"
        ),
    }
    let mail_before = now() - KEEP_SENT_MAIL_DAYS * 86_400;
    match crate::mail::db::clear_sent_text(pool, mail_before).await {
        Ok(0) => {}
        Ok(n) => tracing::info!(messages = n, "text of sent e-mails cleared"),
        Err(e) => tracing::error!(
            error = %crate::web::error::chain(&e),
            "clearing the text of sent e-mails failed"
        ),
    }
}
