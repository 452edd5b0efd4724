//! What the server does on its own, every few minutes: it writes the høringsliste's invitations
//! when a hearing opens and its reminders when they are due, and it clears personal data no
//! longer than promised: participants' details 30 days after their meeting, the text of sent
//! e-mails (copies of what citizens wrote) 90 days after sending, and each hearing's senders'
//! names and addresses when its retention rule runs out (`crate::retention`).

use crate::db::now;
use sqlx::AnyPool;

/// Days a sent e-mail keeps its text; its recipient, subject and times stay as the record.
pub const KEEP_SENT_MAIL_DAYS: i64 = 90;

/// How often the rounds run: an invitation goes within this long of its hearing opening.
const EVERY: std::time::Duration = std::time::Duration::from_secs(300);

pub fn spawn(
    pool: AnyPool,
    outbox: std::sync::Arc<crate::mail::Outbox>,
    calendar: hoering::calendar::Calendar,
    retention: hoering::privacy::retention::RetentionChoices,
) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        loop {
            if let Err(e) = crate::consultees::send_due(&pool, &outbox, &calendar, now()).await {
                tracing::error!(
                    error = %crate::report::chain(&e),
                    "writing invitations and reminders failed"
                );
            }
            run_once(&pool).await;
            erase_expired(&pool, &retention).await;
            tokio::time::sleep(EVERY).await;
        }
    })
}

/// One round of clearing; failures are logged and tried again in the next round.
pub async fn run_once(pool: &AnyPool) {
    let signups_before = now() - crate::meeting::db::KEEP_SIGNUPS_DAYS * 86_400;
    let outcome = crate::meeting::db::anonymise_signups(pool, signups_before).await;
    let n = cleared(outcome, "clearing participants' personal data failed");
    if n > 0 {
        tracing::info!(signups = n, "participants' personal data cleared");
    }
    let n = cleared(
        crate::web::limits::prune(pool).await,
        "deleting ended rate-limit windows failed",
    );
    if n > 0 {
        tracing::debug!(counts = n, "ended rate-limit windows deleted");
    }
    let mail_before = now() - KEEP_SENT_MAIL_DAYS * 86_400;
    let outcome = crate::mail::db::clear_sent_text(pool, mail_before).await;
    let n = cleared(outcome, "clearing the text of sent e-mails failed");
    if n > 0 {
        tracing::info!(messages = n, "text of sent e-mails cleared");
    }
}

/// Erases the personal data of every hearing whose retention has run out; failures are logged
/// and tried again in the next round.
pub async fn erase_expired(
    pool: &AnyPool,
    retention: &hoering::privacy::retention::RetentionChoices,
) {
    match crate::retention::erase_due(pool, retention, now(), None).await {
        Ok(done) => {
            for (plan, erased) in done {
                tracing::info!(
                    hearing = %plan.slug,
                    senders = erased.senders,
                    originals = erased.originals,
                    file_names = erased.file_names,
                    "retention ran out: the hearing's personal data erased"
                );
            }
        }
        Err(e) => tracing::error!(
            error = %crate::report::chain(&e),
            "erasing personal data whose retention ran out failed"
        ),
    }
}

/// How many rows a clearing step cleared; none when it failed, which is logged as `failed`.
fn cleared(outcome: Result<u64, sqlx::Error>, failed: &str) -> u64 {
    outcome.unwrap_or_else(|e| {
        tracing::error!(error = %crate::report::chain(&e), "{failed}");
        0
    })
}
