//! What hoering holds under one e-mail address, for an access request: every response, meeting
//! sign-up, question to a policy and place on a høringsliste, matched without regard to case.

use crate::db;

/// A response sent from the address, with its hearing, its text as sent (when redacted) and
/// when its sender withdrew it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct HeldResponse {
    #[sqlx(flatten)]
    pub row: crate::response::db::ResponseRow,
    pub hearing: String,
    pub hearing_title: String,
    pub withdrawn_at: Option<i64>,
    pub original_text: Option<String>,
}

/// A sign-up for a dialogue meeting from the address, with its meeting.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct HeldSignup {
    #[sqlx(flatten)]
    pub signup: crate::meeting::db::SignupRow,
    pub meeting: String,
    pub starts_at: i64,
}

/// A question asked about a policy from the address, with its answer.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct HeldQuestion {
    pub id: i64,
    pub policy: String,
    pub name: String,
    pub email: String,
    pub question: String,
    pub received: String,
    pub answered: Option<String>,
    pub answer: Option<String>,
}

/// A place on a hearing's høringsliste under the address.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct HeldParty {
    pub hearing: String,
    pub organisation: String,
    pub contact: Option<String>,
    pub email: String,
}

db::reads! {
    pub fn responses(email: &str) -> Vec<HeldResponse> = sqlx::AssertSqlSafe(format!(
        "SELECT r.*, h.slug AS hearing, p.title AS hearing_title
         FROM (SELECT {}, withdrawn_at, original_text FROM responses WHERE LOWER(email) = $1) r
         JOIN hearings h ON h.id = r.hearing_id JOIN policies p ON p.id = h.policy_id
         ORDER BY r.id",
        crate::response::db::COLUMNS
    ));
    /// The texts each response's sender replaced: (response, when, text before).
    pub fn replaced(email: &str) -> Vec<(i64, i64, String)> =
        "SELECT c.response_id, c.at, c.text_before FROM response_changes c
         JOIN responses r ON r.id = c.response_id WHERE LOWER(r.email) = $1 ORDER BY c.id";
    pub fn signups(email: &str) -> Vec<HeldSignup> = sqlx::AssertSqlSafe(format!(
        "SELECT s.*, m.title AS meeting, m.starts_at
         FROM (SELECT {} FROM meeting_signups WHERE LOWER(email) = $1) s
         JOIN meetings m ON m.id = s.meeting_id ORDER BY s.id",
        crate::meeting::db::SIGNUP_COLUMNS
    ));
    pub fn questions(email: &str) -> Vec<HeldQuestion> =
        "SELECT i.id, p.title AS policy, i.name, i.email, i.question, i.received, i.answered,
            i.answer
         FROM inquiries i JOIN policies p ON p.id = i.policy_id
         WHERE LOWER(i.email) = $1 ORDER BY i.id";
    pub fn parties(email: &str) -> Vec<HeldParty> =
        "SELECT h.slug AS hearing, hp.organisation, hp.contact, hp.email
         FROM hearing_parties hp JOIN hearings h ON h.id = hp.hearing_id
         WHERE LOWER(hp.email) = $1 ORDER BY hp.id";
}
