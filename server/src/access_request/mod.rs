//! An access request (GDPR art. 15): everything hoering holds under one e-mail address as one
//! ZIP for the clerk to send on: `indsigt.json` (every response, meeting sign-up, question and
//! place on a høringsliste, with their facts) and each text as a file of its own. The request
//! is journaled with the counts and the address's SHA-256, never the address itself.

pub mod db;
pub mod forms;

use hoering::calendar::local_minute;
use serde_json::{Value, json};
use sha2::Digest;
use sqlx::AnyPool;
use std::io::Write;

/// How many of each kind the answer holds, for the journal and the clerk's page.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Held {
    pub responses: usize,
    pub signups: usize,
    pub questions: usize,
    pub parties: usize,
}

#[derive(Debug, thiserror::Error)]
pub enum AccessError {
    #[error("reading what the address holds failed")]
    Db(#[from] sqlx::Error),
    #[error("writing the archive failed")]
    Zip(#[from] zip::result::ZipError),
    #[error("writing the archive failed")]
    Io(#[from] std::io::Error),
}

/// The lower-case SHA-256 of the address as matched (lower case), for the journal.
pub fn address_hash(email: &str) -> String {
    sha2::Sha256::digest(email.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn minute(seconds: i64) -> String {
    local_minute(seconds).to_string()
}

/// The archive for `email` (already lower case), and what it holds.
pub async fn archive(
    pool: &AnyPool,
    email: &str,
    now: i64,
) -> Result<(Vec<u8>, Held), AccessError> {
    let responses = db::responses(pool, email).await?;
    let replaced = db::replaced(pool, email).await?;
    let signups = db::signups(pool, email).await?;
    let questions = db::questions(pool, email).await?;
    let parties = db::parties(pool, email).await?;
    let held = Held {
        responses: responses.len(),
        signups: signups.len(),
        questions: questions.len(),
        parties: parties.len(),
    };

    let mut texts: Vec<(String, String)> = Vec::new();
    let mut response_json = Vec::with_capacity(responses.len());
    for held in &responses {
        let (r, shown) = (&held.row, &held.row.shown);
        let receipt = crate::response::receipt_number(shown.id, shown.created_at);
        let file = format!("svar/{receipt}.txt");
        texts.push((file.clone(), shown.text.clone()));
        let original = held.original_text.as_ref().map(|o| {
            let name = format!("svar/{receipt}-som-sendt.txt");
            texts.push((name.clone(), o.clone()));
            name
        });
        let earlier: Vec<Value> = replaced
            .iter()
            .filter(|(id, _, _)| *id == shown.id)
            .enumerate()
            .map(|(n, (_, at, text))| {
                let name = format!("svar/{receipt}-tidligere-{}.txt", n + 1);
                texts.push((name.clone(), text.clone()));
                json!({ "replaced_at": minute(*at), "file": name })
            })
            .collect();
        let files: Vec<Value> = crate::attachment::on_receipt(pool, shown.id)
            .await?
            .into_iter()
            .map(|f| json!({ "name": f.name, "size": f.size, "sha256": f.sha256 }))
            .collect();
        response_json.push(json!({
            "receipt_number": receipt,
            "hearing": held.hearing,
            "hearing_title": held.hearing_title,
            "received_at": minute(shown.created_at),
            "name": shown.name,
            "email": r.email,
            "sender_kind": shown.sender_kind,
            "organisation": shown.organisation,
            "publication": shown.publication,
            "status": r.status,
            "withdrawn_at": held.withdrawn_at.map(minute),
            "paragraph": shown.block_number,
            "text": file,
            "text_as_sent": original,
            "earlier_texts": earlier,
            "files": files,
        }));
    }
    let signup_json: Vec<Value> = signups
        .iter()
        .map(|held| {
            let s = &held.signup;
            json!({
                "meeting": held.meeting, "starts_at": minute(held.starts_at), "name": s.name,
                "email": s.email, "group": s.participant_group, "organisation": s.organisation,
                "interpreter": s.interpreter, "step_free": s.step_free != 0,
                "other_needs": s.other_needs, "status": s.status, "attended": s.attended != 0,
                "signed_up_at": minute(s.created_at),
            })
        })
        .collect();
    let question_json: Vec<Value> = questions
        .iter()
        .map(|q| {
            let file = format!("spoergsmaal/{}.txt", q.id);
            let mut text = q.question.clone();
            if let Some(answer) = &q.answer {
                text.push_str("\n\n---\n\n");
                text.push_str(answer);
            }
            texts.push((file.clone(), text));
            json!({
                "policy": q.policy, "name": q.name, "email": q.email, "received": q.received,
                "answered": q.answered, "text": file,
            })
        })
        .collect();
    let party_json: Vec<Value> = parties
        .iter()
        .map(|p| {
            json!({ "hearing": p.hearing, "organisation": p.organisation, "contact": p.contact,
                "email": p.email })
        })
        .collect();
    let summary = json!({
        "format": "hoering-access-request",
        "version": 1,
        "email": email,
        "made_at": minute(now),
        "responses": response_json,
        "meeting_signups": signup_json,
        "questions": question_json,
        "consultation_lists": party_json,
    });

    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("indsigt.json", options)?;
    zip.write_all(
        serde_json::to_string_pretty(&summary)
            .unwrap_or_default()
            .as_bytes(),
    )?;
    for (name, text) in texts {
        zip.start_file(name, options)?;
        zip.write_all(text.as_bytes())?;
    }
    Ok((zip.finish()?.into_inner(), held))
}
