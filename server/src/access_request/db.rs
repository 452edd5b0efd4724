//! What hoering holds under one e-mail address, for an access request: every response, meeting
//! sign-up, question to a policy and place on a høringsliste, matched without regard to case.

use crate::db;

/// A response sent from the address, with its hearing.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct HeldResponse {
    pub id: i64,
    pub hearing: String,
    pub hearing_title: String,
    pub created_at: i64,
    pub name: String,
    pub email: String,
    pub sender_kind: String,
    pub organisation: Option<String>,
    pub publication: String,
    pub status: String,
    pub withdrawn_at: Option<i64>,
    pub block_number: Option<String>,
    pub text: String,
    pub original_text: Option<String>,
}

/// A sign-up for a dialogue meeting from the address.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct HeldSignup {
    pub id: i64,
    pub meeting: String,
    pub starts_at: i64,
    pub name: String,
    pub email: String,
    pub participant_group: String,
    pub organisation: Option<String>,
    pub interpreter: Option<String>,
    pub step_free: i64,
    pub other_needs: Option<String>,
    pub status: String,
    pub created_at: i64,
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
    pub fn responses(email: &str) -> Vec<HeldResponse> =
        "SELECT r.id, h.slug AS hearing, p.title AS hearing_title, r.created_at, r.name, r.email,
            r.sender_kind, r.organisation, r.publication, r.status, r.withdrawn_at,
            r.block_number, r.text, r.original_text
         FROM responses r JOIN hearings h ON h.id = r.hearing_id
         JOIN policies p ON p.id = h.policy_id
         WHERE LOWER(r.email) = $1 ORDER BY r.id";
    /// The texts each response's sender replaced: (response, when, text before).
    pub fn replaced(email: &str) -> Vec<(i64, i64, String)> =
        "SELECT c.response_id, c.at, c.text_before FROM response_changes c
         JOIN responses r ON r.id = c.response_id WHERE LOWER(r.email) = $1 ORDER BY c.id";
    pub fn signups(email: &str) -> Vec<HeldSignup> =
        "SELECT s.id, m.title AS meeting, m.starts_at, s.name, s.email, s.participant_group,
            s.organisation, s.interpreter, s.step_free, s.other_needs, s.status, s.created_at
         FROM meeting_signups s JOIN meetings m ON m.id = s.meeting_id
         WHERE LOWER(s.email) = $1 ORDER BY s.id";
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
