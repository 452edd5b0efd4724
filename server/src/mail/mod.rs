//! E-mail that is never lost: every message is an outbox row written with what caused it, and a
//! sender task delivers it over SMTP with retries and backoff. Without `HOERING_SMTP_URL`
//! nothing is sent: the messages wait in the outbox, where an admin reads them at `/admin/post`.

pub mod db;
pub mod pages;

pub use crate::config::SmtpSettings;
use hoering::mail::{Mail, Sender};
use lettre::message::header::{ContentTransferEncoding, ContentType};
use lettre::message::{Body, Mailbox, MultiPart, SinglePart};
use lettre::{AsyncSmtpTransport, AsyncTransport, Tokio1Executor};
use sqlx::{Any, AnyPool, Transaction};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Notify;

/// Attempts before a message is given up on (about two days with the default backoff).
pub const MAX_ATTEMPTS: i64 = 40;
/// The longest wait between two attempts.
pub const MAX_BACKOFF_SECONDS: i64 = 3600;

/// What the handlers need to write mail, and how to wake the sender.
#[derive(Debug)]
pub struct Outbox {
    /// The municipality's name and the site's address for links.
    pub sender: Sender,
    /// The domain part of the `Message-ID`s we make.
    domain: String,
    wake: Notify,
}

impl Outbox {
    pub fn new(sender: Sender) -> Self {
        let domain = sender
            .site
            .split("://")
            .nth(1)
            .and_then(|rest| rest.split(['/', ':']).next())
            .filter(|h| !h.is_empty())
            .unwrap_or("hoering.localhost")
            .to_string();
        Self {
            sender,
            domain,
            wake: Notify::new(),
        }
    }

    /// Adds `mail` to the outbox in `tx`. Call [`Outbox::wake`] once `tx` has committed.
    pub async fn put(&self, tx: &mut Transaction<'_, Any>, mail: &Mail) -> Result<i64, MailError> {
        let token = crate::token::random_token().map_err(MailError::Random)?;
        let message_id = format!("<{token}@{}>", self.domain);
        Ok(db::enqueue(tx, mail, &message_id).await?)
    }

    /// [`Outbox::put`] for several messages in one statement.
    pub async fn put_many(
        &self,
        tx: &mut Transaction<'_, Any>,
        mails: &[Mail],
    ) -> Result<(), MailError> {
        let mut rows = Vec::with_capacity(mails.len());
        for mail in mails {
            let token = crate::token::random_token().map_err(MailError::Random)?;
            rows.push((mail, format!("<{token}@{}>", self.domain)));
        }
        Ok(db::enqueue_many(tx, &rows).await?)
    }

    /// Tells the sender (if this server runs one) that there is something to send.
    pub fn wake(&self) {
        self.wake.notify_one();
    }
}

#[derive(Debug, thiserror::Error)]
pub enum MailError {
    #[error("the outbox could not be written")]
    Db(#[from] sqlx::Error),
    #[error("no random number for a message id")]
    Random(#[source] getrandom::Error),
    #[error("HOERING_SMTP_URL is not a URL lettre accepts")]
    SmtpUrl(#[source] lettre::transport::smtp::Error),
    #[error("HOERING_MAIL_FROM is not an e-mail address: {0:?}")]
    From(String),
}

/// The wait before attempt `attempts + 1`.
pub fn backoff(retry_seconds: u64, attempts: i64) -> i64 {
    let base = i64::try_from(retry_seconds.max(1)).unwrap_or(60);
    let doublings = u32::try_from(attempts.saturating_sub(1).clamp(0, 20)).unwrap_or(20);
    base.saturating_mul(1_i64 << doublings)
        .min(MAX_BACKOFF_SECONDS)
}

/// Starts the sender task: it sends what is due, then sleeps until woken or a few seconds have
/// passed (messages written by another server are found by that poll).
pub fn spawn_sender(
    pool: AnyPool,
    postgres: bool,
    outbox: Arc<Outbox>,
    settings: SmtpSettings,
) -> Result<tokio::task::JoinHandle<()>, MailError> {
    let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(settings.url.expose())
        .map_err(MailError::SmtpUrl)?
        .timeout(Some(Duration::from_secs(30)))
        .build();
    let from: Mailbox = settings
        .from
        .parse()
        .map_err(|_| MailError::From(settings.from.clone()))?;
    let poll = Duration::from_secs(settings.retry_seconds.clamp(1, 5));
    Ok(tokio::spawn(async move {
        loop {
            match send_due(&pool, postgres, &transport, &from, settings.retry_seconds).await {
                // A full batch: there may be more right away.
                Ok(n) if n >= BATCH => continue,
                Ok(_) => {}
                Err(e) => tracing::error!(
                    error = %crate::report::chain(&e),
                    "the outbox could not be read"
                ),
            }
            let _ = tokio::time::timeout(poll, outbox.wake.notified()).await;
        }
    }))
}

const BATCH: usize = 20;

async fn send_due(
    pool: &AnyPool,
    postgres: bool,
    transport: &AsyncSmtpTransport<Tokio1Executor>,
    from: &Mailbox,
    retry_seconds: u64,
) -> Result<usize, sqlx::Error> {
    let claimed = db::claim(pool, postgres, BATCH as i64).await?;
    let n = claimed.len();
    for m in claimed {
        match deliver(transport, from, &m).await {
            Ok(()) => {
                db::mark_sent(pool, m.id).await?;
                tracing::info!(outbox = m.id, "mail sent");
            }
            Err(failure) => {
                let retry_at = (!failure.permanent && m.attempts < MAX_ATTEMPTS)
                    .then(|| crate::db::now() + backoff(retry_seconds, m.attempts));
                tracing::warn!(
                    outbox = m.id,
                    attempts = m.attempts,
                    given_up = retry_at.is_none(),
                    error = %failure.message,
                    "mail not sent"
                );
                db::mark_failed(pool, m.id, &failure.message, retry_at).await?;
            }
        }
    }
    Ok(n)
}

struct Failure {
    message: String,
    /// The server refused for good (an unknown mailbox, say): trying again will not help.
    permanent: bool,
}

/// One part of the message, quoted-printable: that keeps the Danish text readable in any mail
/// client's source view. `what` names the part in the failure.
fn part(kind: ContentType, body: &str, what: &str) -> Result<SinglePart, Failure> {
    let body = Body::new_with_encoding(body.to_owned(), ContentTransferEncoding::QuotedPrintable)
        .map_err(|_| Failure {
        message: format!("the {what} part could not be encoded"),
        permanent: true,
    })?;
    Ok(SinglePart::builder().header(kind).body(body))
}

async fn deliver(
    transport: &AsyncSmtpTransport<Tokio1Executor>,
    from: &Mailbox,
    m: &db::OutboxRow,
) -> Result<(), Failure> {
    let to: Mailbox = m.recipient.parse().map_err(|_| Failure {
        message: "the recipient is not an e-mail address".into(),
        permanent: true,
    })?;
    let message = lettre::Message::builder()
        .from(from.clone())
        .to(to)
        .subject(m.subject.clone())
        .message_id(Some(m.message_id.clone()))
        .multipart(
            MultiPart::alternative()
                .singlepart(part(ContentType::TEXT_PLAIN, &m.text_body, "text")?)
                .singlepart(part(ContentType::TEXT_HTML, &m.html_body, "HTML")?),
        )
        .map_err(|e| Failure {
            message: format!("the message could not be built: {e}"),
            permanent: true,
        })?;
    transport
        .send(message)
        .await
        .map(|_| ())
        .map_err(|e| Failure {
            permanent: e.is_permanent(),
            message: crate::report::chain(&e),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_up_to_an_hour() {
        assert_eq!(backoff(60, 1), 60);
        assert_eq!(backoff(60, 2), 120);
        assert_eq!(backoff(60, 3), 240);
        assert_eq!(backoff(60, 10), MAX_BACKOFF_SECONDS);
        assert_eq!(backoff(60, 1000), MAX_BACKOFF_SECONDS);
        assert_eq!(backoff(0, 1), 1);
    }

    #[test]
    fn message_ids_use_the_sites_host() {
        let o = Outbox::new(Sender {
            municipality: "K".into(),
            site: "https://hoering.roskilde.dk:8443/x".into(),
        });
        assert_eq!(o.domain, "hoering.roskilde.dk");
        let o = Outbox::new(Sender {
            municipality: "K".into(),
            site: String::new(),
        });
        assert_eq!(o.domain, "hoering.localhost");
    }
}
