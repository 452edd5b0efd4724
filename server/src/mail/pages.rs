//! The outbox as the admin reads it (`/admin/post`), and the admin's "send again".

use super::db::{self as mail_db, OutboxRow};
use crate::auth::{Permission, Staff};
use crate::backend::{DbBackend, fail};
use crate::state::AppState;
use crate::web::error::{WebError, WebResult};
use crate::web::redirect::see_other;
use app::backend::{BackendError, MailReads};
use app::mail::MailState;
use app::mail::OutboxItem;
use app::mail::OutboxMessage;
use app::mail::OutboxView;
use axum::extract::{Path, State};
use hoering::calendar::local_minute;

const PER_PAGE: u32 = 50;

fn item(row: &OutboxRow) -> OutboxItem {
    let state = match (row.sent_at, row.failed_at) {
        (Some(_), _) => MailState::Sent,
        (None, Some(_)) => MailState::Failed,
        (None, None) => MailState::Waiting,
    };
    let when = row.sent_at.or(row.failed_at).unwrap_or(row.next_attempt_at);
    OutboxItem {
        id: row.id,
        kind: hoering::mail::MailKind::parse(&row.kind),
        recipient: row.recipient.clone(),
        subject: row.subject.clone(),
        created_at: local_minute(row.created_at),
        state,
        attempts: row.attempts,
        when: local_minute(when),
        last_error: row.last_error.clone(),
    }
}

#[async_trait::async_trait]
impl MailReads for DbBackend {
    async fn outbox(&self, recipient: Option<&str>, page: u32) -> Result<OutboxView, BackendError> {
        let pool = &self.db.pool;
        let recipient = recipient.map(str::trim).filter(|r| !r.is_empty());
        let page = page.max(1);
        let (waiting, sent, failed) = mail_db::counts(pool).await.map_err(fail)?;
        let (total, rows) = mail_db::page(pool, recipient, page, PER_PAGE)
            .await
            .map_err(fail)?;
        Ok(OutboxView {
            sending: self.sends_mail,
            waiting,
            sent,
            failed,
            recipient: recipient.map(str::to_string),
            total,
            page,
            per_page: PER_PAGE,
            messages: rows.iter().map(item).collect(),
        })
    }

    async fn outbox_message(&self, id: i64) -> Result<Option<OutboxMessage>, BackendError> {
        let row = mail_db::one(&self.db.pool, id).await.map_err(fail)?;
        Ok(row.map(|row| OutboxMessage {
            item: item(&row),
            message_id: row.message_id,
            text: row.text_body,
        }))
    }
}

/// `POST /admin/post/{id}/igen`: puts a message given up on back in the queue.
pub async fn retry(State(state): State<AppState>, Path(id): Path<i64>, staff: Staff) -> WebResult {
    let session = staff.may(Permission::ReadMail)?;
    if !mail_db::retry(&state.db.pool, id).await? {
        return Err(WebError::not_found());
    }
    tracing::info!(outbox = id, user = session.user.id, "message queued again");
    state.outbox.wake();
    Ok(see_other(&app::routes::outbox_message(id)))
}
