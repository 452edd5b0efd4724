//! What the mail pages show, as it travels from the server to the browser.

use jiff::civil::DateTime;
use serde::{Deserialize, Serialize};

/// Where an e-mail stands in the outbox.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum MailState {
    /// Not sent yet: no mail server is set up, or the next attempt is due.
    Waiting,
    Sent,
    /// Given up on after its attempts, or refused for good by the mail server.
    Failed,
}

/// One message in the outbox, as the admin reads it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutboxItem {
    pub id: i64,
    /// What it is about; `None` for a kind this version does not know.
    pub kind: Option<hoering::mail::MailKind>,
    pub recipient: String,
    pub subject: String,
    /// Copenhagen time, to the minute.
    pub created_at: DateTime,
    pub state: MailState,
    pub attempts: i64,
    /// When sent, or when the next attempt is due (Copenhagen time, to the minute).
    pub when: DateTime,
    pub last_error: Option<String>,
}

/// The outbox: counts, one page of messages, and (at `/admin/post/{id}`) one message in full.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutboxView {
    /// Whether a mail server is configured; without one every message waits here.
    pub sending: bool,
    pub waiting: i64,
    pub sent: i64,
    pub failed: i64,
    pub recipient: Option<String>,
    pub total: i64,
    pub page: u32,
    pub per_page: u32,
    pub messages: Vec<OutboxItem>,
}

/// One message in full: its plain text (the HTML part says the same).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutboxMessage {
    pub item: OutboxItem,
    pub message_id: String,
    pub text: String,
}
