//! The høringsnotat: clerks' bemærkninger with their outcome (four-eyes approval, published
//! all at once, respondents told by e-mail), the notat compiled from the hearing's records and
//! laid out by the core, and its exports: DOCX, PDF, the web page, the public result, the
//! responses as XLSX and CSV, and the archive for the case system.

pub mod db;
pub mod docx;
pub mod edition;
pub mod export;
pub mod forms;
pub mod pages;
pub mod pdf;

use crate::backend::fail;
use crate::hearing::db::HearingRow;
use app::backend::BackendError;
use hoering::diff::BlockChange;
use hoering::notat::{
    BlockChanges, CouncilInput, DraftSection, HeardParty, HearingInfo, MeetingInput, NotatInput,
    PointInput, Remark, RemarkState, RemarkTarget, Respondent, SetAside, SetAsideReason,
};
use hoering::response::{Publication, SenderKind};
use sqlx::AnyPool;
use std::collections::HashMap;

/// The section number of a block number ("3" of "3.2").
pub fn section_of(block: &str) -> String {
    block
        .split('.')
        .next()
        .unwrap_or_default()
        .trim()
        .to_owned()
}

/// A Copenhagen date of a Unix time.
fn date_of(seconds: i64) -> jiff::civil::Date {
    hoering::calendar::local_date(seconds)
        .parse()
        .unwrap_or_default()
}

/// A hearing's remarks as the core knows them, with their rows, oldest first.
pub async fn remarks(
    pool: &AnyPool,
    hearing_id: i64,
) -> Result<Vec<(db::RemarkRow, Remark)>, BackendError> {
    let rows = db::of_hearing(pool, hearing_id).await.map_err(fail)?;
    let mut members: HashMap<i64, Vec<i64>> = HashMap::new();
    for (remark, response) in db::memberships(pool, hearing_id).await.map_err(fail)? {
        members.entry(remark).or_default().push(response);
    }
    rows.into_iter()
        .map(|row| {
            let core = row
                .to_core(members.get(&row.id).map_or(&[][..], Vec::as_slice))
                .map_err(fail)?;
            Ok((row, core))
        })
        .collect()
}

/// The changes from the hearing's version to the policy's newest, block by block, or `None`
/// when there is no later version. Also the version numbers compared.
pub async fn changes_since_hearing(
    backend: &crate::backend::DbBackend,
    hearing: &HearingRow,
) -> Result<Option<((i64, i64), Vec<BlockChange>)>, BackendError> {
    use app::backend::VersionReads;
    let Some(view) = backend.changes(&hearing.slug, None, None).await? else {
        return Ok(None);
    };
    if view.from.number >= view.to.number {
        return Ok(None);
    }
    Ok(Some(((view.from.number, view.to.number), view.changes)))
}

/// The changed blocks as the notat lists them: edits, insertions, removals, splits, merges.
pub fn block_changes(changes: &[BlockChange]) -> Vec<BlockChanges> {
    use hoering::text::{DiffOp, word_diff};
    changes
        .iter()
        .filter_map(|c| match c {
            BlockChange::Unchanged { .. } => None,
            BlockChange::Moved { ops, .. } if ops.is_empty() => None,
            BlockChange::Edited {
                new_number, ops, ..
            } => Some(BlockChanges {
                block: new_number.to_string(),
                ops: ops.clone(),
            }),
            BlockChange::Moved { to_number, ops, .. } => Some(BlockChanges {
                block: to_number.to_string(),
                ops: ops.clone(),
            }),
            BlockChange::Inserted { number, text, .. } => Some(BlockChanges {
                block: number.to_string(),
                ops: vec![DiffOp::Insert(text.clone())],
            }),
            BlockChange::Removed { number, text, .. } => Some(BlockChanges {
                block: number.to_string(),
                ops: vec![DiffOp::Delete(text.clone())],
            }),
            BlockChange::Split { from, ops, .. } => Some(BlockChanges {
                block: from.number.to_string(),
                ops: if ops.is_empty() {
                    word_diff(&from.text, &from.text)
                } else {
                    ops.clone()
                },
            }),
            BlockChange::Merged { number, ops, .. } => Some(BlockChanges {
                block: number.to_string(),
                ops: ops.clone(),
            }),
        })
        .collect()
}

/// The responses set aside, as the core knows them: a clerk's choice, and every withheld
/// response (counted, never named) that a clerk did not set aside otherwise.
pub(crate) async fn set_aside_of(
    pool: &AnyPool,
    hearing_id: i64,
    received: &[crate::response::db::ResponseRow],
) -> Result<Vec<SetAside>, BackendError> {
    let mut set_aside: Vec<SetAside> = db::set_asides(pool, hearing_id)
        .await
        .map_err(fail)?
        .into_iter()
        .map(|(response, code)| {
            SetAsideReason::parse(&code)
                .map(|reason| SetAside { response, reason })
                .ok_or_else(|| fail(format!("a stored set-aside reason is not valid: {code:?}")))
        })
        .collect::<Result<_, _>>()?;
    for r in received.iter().filter(|r| r.status == "withheld") {
        if !set_aside.iter().any(|s| s.response == r.shown.id) {
            set_aside.push(SetAside {
                response: r.shown.id,
                reason: SetAsideReason::Withheld,
            });
        }
    }
    Ok(set_aside)
}

/// The responses of the hearing that no point answers, no council sent and no clerk set aside,
/// in the order received: the høringsnotat is not published while there are any.
pub async fn unaccounted(pool: &AnyPool, hearing_id: i64) -> Result<Vec<i64>, BackendError> {
    let received = crate::response::db::received(pool, hearing_id)
        .await
        .map_err(fail)?;
    // A response its sender withdrew needs no answer.
    let ids: Vec<i64> = received
        .iter()
        .filter(|r| r.withdrawn == 0)
        .map(|r| r.shown.id)
        .collect();
    let answered: Vec<RemarkTarget> = remarks(pool, hearing_id)
        .await?
        .into_iter()
        .map(|(_, r)| r.target)
        .collect();
    let set_aside = set_aside_of(pool, hearing_id, &received).await?;
    let councils: Vec<i64> = crate::council::db::rounds_of_hearing(pool, hearing_id)
        .await
        .map_err(fail)?
        .into_iter()
        .filter_map(|round| round.response_id)
        .collect();
    Ok(hoering::notat::unaccounted(
        &ids, &answered, &set_aside, &councils,
    ))
}

/// Everything the høringsnotat of `hearing` is built from. With `preview`, remarks not yet
/// published are shown as if they were, for the clerks' draft; the public never gets those.
pub async fn input(
    backend: &crate::backend::DbBackend,
    hearing: &HearingRow,
    preview: bool,
) -> Result<NotatInput, BackendError> {
    let pool = &backend.db.pool;
    let (case_number, announced) = db::case_facts(pool, hearing.id).await.map_err(fail)?;
    let (written_summary, recommendation) =
        db::notat_texts(pool, hearing.id).await.map_err(fail)?;
    let mut received = crate::response::db::received(pool, hearing.id)
        .await
        .map_err(fail)?;
    // Withdrawn by its sender: no longer part of the hearing's answer (the case's record keeps
    // it, with its journal number).
    received.retain(|r| r.withdrawn == 0);
    let set_aside = set_aside_of(pool, hearing.id, &received).await?;
    let mut tag_counts: Vec<(String, usize)> = Vec::new();
    for (_, tag) in db::tags(pool, hearing.id).await.map_err(fail)? {
        match tag_counts.iter_mut().find(|(t, _)| *t == tag) {
            Some((_, n)) => *n += 1,
            None => tag_counts.push((tag, 1)),
        }
    }
    let mut files = crate::attachment::db::listed_in_notat(pool, hearing.id)
        .await
        .map_err(fail)?;
    // A withheld response is still part of the hearing (it is counted and was read), but
    // nobody is named for it.
    let responses: Vec<Respondent> = received
        .iter()
        .map(|r| {
            let withheld = r.status == "withheld";
            Ok(Respondent {
                id: r.shown.id,
                kind: crate::backend::stored::sender_kind(&r.shown.sender_kind)?,
                name: (!withheld).then(|| r.shown.name.clone()),
                organisation: if withheld {
                    None
                } else {
                    r.shown.organisation.clone()
                },
                publication: if withheld {
                    Publication::NotPublished
                } else {
                    crate::backend::stored::publication(&r.shown.publication)?
                },
                sections: r
                    .shown
                    .block_number
                    .as_deref()
                    .map(section_of)
                    .into_iter()
                    .collect(),
                attachments: if withheld {
                    Vec::new()
                } else {
                    files.remove(&r.shown.id).unwrap_or_default()
                },
            })
        })
        .collect::<Result<_, BackendError>>()?;

    let sections = crate::hearing::db::sections(pool, hearing.version_id)
        .await
        .map_err(fail)?
        .into_iter()
        .filter(|s| s.level <= 2)
        .map(|s| DraftSection {
            number: s.number.to_string(),
            heading: s.heading,
        })
        .collect();

    let parties = crate::consultees::db::of_hearing(pool, hearing.id)
        .await
        .map_err(fail)?
        .into_iter()
        .map(|p| {
            let status = if p.answered_at.is_some() {
                hoering::consultees::PartyStatus::Answered
            } else if p.declined_at.is_some() {
                hoering::consultees::PartyStatus::Declined
            } else if p.invited_at.is_some() {
                hoering::consultees::PartyStatus::Invited
            } else {
                hoering::consultees::PartyStatus::NotInvited
            };
            Ok(HeardParty {
                kind: hoering::consultees::PartyKind::parse(&p.kind)
                    .map_err(|_| fail(format!("a stored party kind is not valid: {:?}", p.kind)))?,
                organisation: p.organisation,
                status,
            })
        })
        .collect::<Result<_, BackendError>>()?;

    let at = crate::db::now();
    // The public sees a point only with its published answer: a draft written after the
    // publication keeps even its summary private until it is published in turn.
    let points = remarks(pool, hearing.id)
        .await?
        .into_iter()
        .filter(|(_, remark)| preview || remark.is_published())
        .map(|(row, mut remark)| {
            if preview && !remark.is_published() {
                remark.state = RemarkState::Published { at };
            }
            PointInput {
                section: (!row.section.trim().is_empty()).then(|| row.section.clone()),
                said: row.summary,
                target: remark.target.clone(),
                remark: Some(remark),
            }
        })
        .collect();

    let mut meetings: Vec<MeetingInput> = Vec::new();
    for (_, title, starts_at, block, text) in
        db::meeting_input(pool, hearing.id).await.map_err(fail)?
    {
        let line = match block {
            Some(b) => format!("§ {b}: {}", text.trim()),
            None => text.trim().to_owned(),
        };
        let held = date_of(starts_at);
        match meetings
            .iter_mut()
            .find(|m| m.meeting == title && m.held == held)
        {
            Some(m) => {
                m.said.push('\n');
                m.said.push_str(&line);
            }
            None => meetings.push(MeetingInput {
                meeting: title,
                held,
                said: line,
                remark: None,
            }),
        }
    }

    let mut councils = Vec::new();
    for round in crate::council::db::rounds_of_hearing(pool, hearing.id)
        .await
        .map_err(fail)?
    {
        let Some(response) = round.response_id else {
            continue;
        };
        if let Some(r) = received.iter().find(|r| r.shown.id == response) {
            councils.push(CouncilInput {
                council: round.council_name.clone(),
                said: r.shown.text.clone(),
                remark: None,
            });
        }
    }

    let changes = match changes_since_hearing(backend, hearing).await? {
        Some((_, changes)) => block_changes(&changes),
        None => Vec::new(),
    };

    Ok(NotatInput {
        hearing: HearingInfo {
            title: hearing.title.clone(),
            opens: date_of(hearing.opens_at),
            // The window closes at the start of the day after the last day.
            closes: date_of(hearing.closes_at - 1),
            announced,
            case_number,
        },
        parties,
        responses,
        sections,
        points,
        meetings,
        councils,
        changes,
        set_aside,
        written_summary,
        tag_counts,
        recommendation,
    })
}

/// The journal number of the `n`th response received in a hearing.
pub fn journal_number(
    pattern: &hoering::notat::JournalPattern,
    case: &str,
    slug: &str,
    created_at: i64,
    n: u64,
) -> String {
    let case = if case.trim().is_empty() {
        slug
    } else {
        case.trim()
    };
    pattern.format(case, date_of(created_at).year(), n)
}

/// How the sender of a response is shown in the clerks' exports (never the e-mail address).
pub fn sender_label(kind: SenderKind, name: &str, organisation: Option<&str>) -> String {
    match (kind, organisation.map(str::trim).filter(|o| !o.is_empty())) {
        (_, Some(org)) if name.trim().is_empty() => org.to_owned(),
        (_, Some(org)) => format!("{} ({org})", name.trim()),
        _ => name.trim().to_owned(),
    }
}
