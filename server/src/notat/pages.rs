//! The notat's part of the Backend: the clerks' page and editor, the notat and the result.

use super::db::{self as notat_db, RemarkRow};
use crate::backend::{DbBackend, fail, stored};
use crate::hearing::db::{self as hearing_db, HearingRow};
use crate::response::receipt_number;
use app::backend::{BackendError, NotatReads};
use app::i18n::Locale;
use app::notat::ChangeOption;
use app::notat::NotatView;
use app::notat::RemarkCard;
use app::notat::RemarkEditorView;
use app::notat::RemarkSubject;
use app::notat::ResultView;
use app::notat::{AdminNotatView, AsideCard};
use hoering::calendar::local_day;
use hoering::notat::{Notat, NotatItem, RemarkStage, SetAsideReason, TargetKind, outline};
use hoering::response::SenderKind;
use std::collections::{HashMap, HashSet};

/// Hearing `slug`, and the id of the staff account with the `reader`'s e-mail, if any; `None`
/// for an unknown hearing.
async fn hearing_and_reader(
    backend: &DbBackend,
    slug: &str,
    reader: &str,
) -> Result<Option<(HearingRow, Option<i64>)>, BackendError> {
    let pool = &backend.db.pool;
    let Some(hearing) = hearing_db::by_slug(pool, slug).await.map_err(fail)? else {
        return Ok(None);
    };
    let reader = crate::auth::db::find_credentials(pool, reader)
        .await
        .map_err(fail)?
        .map(|(user, _)| user.id);
    Ok(Some((hearing, reader)))
}

fn card_of(
    row: &RemarkRow,
    received: &HashMap<i64, (i64, String)>,
    reader: Option<i64>,
) -> Result<RemarkCard, BackendError> {
    let (created_at, text) = received
        .get(&row.response_id)
        .map_or((0, ""), |(c, t)| (*c, t.as_str()));
    let passage = match (row.passage_start, row.passage_end) {
        (Some(s), Some(e)) => usize::try_from(s)
            .ok()
            .zip(usize::try_from(e).ok())
            .and_then(|(s, e)| text.get(s..e))
            .map(str::to_owned),
        _ => None,
    };
    let bad = |what: &str, code: &str| fail(format!("stored remark {what} {code:?}"));
    Ok(RemarkCard {
        id: row.id,
        kind: TargetKind::parse(&row.target_kind).ok_or_else(|| bad("target", &row.target_kind))?,
        response_id: row.response_id,
        receipt_number: receipt_number(row.response_id, created_at),
        members: row.members,
        passage,
        section: row.section.clone(),
        summary: row.summary.clone(),
        text: row.text.clone(),
        outcome: row.outcome().map_err(fail)?,
        state: RemarkStage::parse(&row.state).ok_or_else(|| bad("state", &row.state))?,
        author: row.author.clone(),
        approver: row.approver.clone(),
        own: reader == Some(row.author_id),
    })
}

/// Received responses by id: (received at, text as clerks read it).
async fn received_texts(
    backend: &DbBackend,
    hearing_id: i64,
) -> Result<HashMap<i64, (i64, String)>, BackendError> {
    Ok(crate::response::db::received(&backend.db.pool, hearing_id)
        .await
        .map_err(fail)?
        .into_iter()
        .map(|r| (r.shown.id, (r.shown.created_at, r.shown.text)))
        .collect())
}

/// The first `max` characters of `text`, with "…" where it was cut.
fn excerpt(text: &str, max: usize) -> String {
    let short: String = text.chars().take(max).collect();
    if short.len() < text.len() {
        format!("{short}…")
    } else {
        short
    }
}

/// The blocks changed since the hearing's version, for a "leads to a change" to point at.
async fn change_options(
    backend: &DbBackend,
    hearing: &HearingRow,
) -> Result<Vec<ChangeOption>, BackendError> {
    let Some(((_, to), changes)) = super::changes_since_hearing(backend, hearing).await? else {
        return Ok(Vec::new());
    };
    Ok(super::block_changes(&changes)
        .into_iter()
        .filter(|c| {
            // A removed block has no number in the new version to point at.
            !matches!(c.ops.as_slice(), [hoering::text::DiffOp::Delete(_)])
        })
        .map(|c| ChangeOption {
            version: to,
            excerpt: excerpt(&hoering::text::new_text(&c.ops), 90),
            block: c.block,
        })
        .collect())
}

/// When the bemærkninger were published, if they were.
fn published_on(rows: &[RemarkRow]) -> Option<jiff::civil::Date> {
    rows.iter()
        .filter_map(|r| r.published_at)
        .min()
        .map(local_day)
}

impl DbBackend {
    /// The notat of a hearing, with its publication day; `None` for an unknown hearing.
    pub async fn compile_notat(
        &self,
        slug: &str,
        locale: Locale,
        preview: bool,
    ) -> Result<Option<NotatView>, BackendError> {
        let pool = &self.db.pool;
        let Some(hearing) = hearing_db::by_slug(pool, slug).await.map_err(fail)? else {
            return Ok(None);
        };
        let rows = notat_db::of_hearing(pool, hearing.id).await.map_err(fail)?;
        let published = published_on(&rows);
        if published.is_none() && !preview {
            return Ok(Some(NotatView {
                hearing_slug: hearing.slug,
                hearing_title: hearing.title.clone(),
                published: None,
                notat: Notat {
                    title: hearing.title,
                    sections: Vec::new(),
                },
            }));
        }
        let input = super::input(self, &hearing, preview).await?;
        // Laying out 100,000 points is CPU work: off the async workers.
        let notat = tokio::task::spawn_blocking(move || {
            outline(&input, &app::notat::words::outline_words(locale))
        })
        .await
        .map_err(fail)?;
        Ok(Some(NotatView {
            hearing_slug: hearing.slug,
            hearing_title: hearing.title,
            published: if preview { None } else { published },
            notat,
        }))
    }
}

#[async_trait::async_trait]
impl NotatReads for DbBackend {
    async fn admin_notat(
        &self,
        slug: &str,
        reader: &str,
    ) -> Result<Option<AdminNotatView>, BackendError> {
        let pool = &self.db.pool;
        let Some((hearing, reader)) = hearing_and_reader(self, slug, reader).await? else {
            return Ok(None);
        };
        let (case_number, announced) =
            notat_db::case_facts(pool, hearing.id).await.map_err(fail)?;
        let rows = notat_db::of_hearing(pool, hearing.id).await.map_err(fail)?;
        let received = received_texts(self, hearing.id).await?;
        let (notat_summary, recommendation) = notat_db::notat_texts(pool, hearing.id)
            .await
            .map_err(fail)?;
        let aside_card = |id: i64, reason: Option<SetAsideReason>| {
            let (created_at, text) = received.get(&id).map_or((0, ""), |(c, t)| (*c, t.as_str()));
            AsideCard {
                response_id: id,
                receipt_number: receipt_number(id, created_at),
                excerpt: excerpt(text, 160),
                reason,
            }
        };
        let open_responses = super::unaccounted(pool, hearing.id)
            .await?
            .into_iter()
            .map(|id| aside_card(id, None))
            .collect();
        let mut received_rows = crate::response::db::received(pool, hearing.id)
            .await
            .map_err(fail)?;
        // Withdrawn by its sender: nothing to account for in the notat.
        received_rows.retain(|r| r.withdrawn == 0);
        let set_aside = super::set_aside_of(pool, hearing.id, &received_rows)
            .await?
            .into_iter()
            .map(|s| aside_card(s.response, Some(s.reason)))
            .collect();
        let answered: HashSet<i64> = notat_db::memberships(pool, hearing.id)
            .await
            .map_err(fail)?
            .into_iter()
            .map(|(_, response)| response)
            .collect();
        let editions = super::edition::admin_facts(pool, &hearing).await?;
        let retention = crate::retention::view(pool, &self.retention, slug, crate::db::now())
            .await
            .map_err(fail)?
            .ok_or_else(|| fail("the hearing went away while its page was read"))?;
        Ok(Some(AdminNotatView {
            journal_example: super::journal_number(
                &self.journal_pattern,
                &case_number,
                &hearing.slug,
                crate::db::now(),
                1,
            ),
            hearing_slug: hearing.slug,
            hearing_title: hearing.title,
            case_number,
            announced,
            published: published_on(&rows),
            remarks: rows
                .iter()
                .map(|r| card_of(r, &received, reader))
                .collect::<Result<_, _>>()?,
            responses: received.len(),
            answered: answered.len(),
            open_responses,
            set_aside,
            notat_summary,
            recommendation,
            editions,
            retention,
        }))
    }

    async fn remark_editor(
        &self,
        slug: &str,
        response: Option<i64>,
        group: bool,
        remark: Option<i64>,
        reader: &str,
    ) -> Result<Option<RemarkEditorView>, BackendError> {
        let pool = &self.db.pool;
        let Some((hearing, reader)) = hearing_and_reader(self, slug, reader).await? else {
            return Ok(None);
        };
        let received = received_texts(self, hearing.id).await?;
        let existing = match remark {
            Some(id) => match notat_db::by_id(pool, hearing.id, id).await.map_err(fail)? {
                Some(row) => Some(row),
                None => return Ok(None),
            },
            None => None,
        };
        let (response_id, members) = match (&existing, response) {
            (Some(row), _) => {
                let members: Vec<i64> = notat_db::memberships(pool, hearing.id)
                    .await
                    .map_err(fail)?
                    .into_iter()
                    .filter(|(r, _)| *r == row.id)
                    .map(|(_, m)| m)
                    .collect();
                (row.response_id, members)
            }
            (None, Some(id)) if received.contains_key(&id) => {
                let members = if group {
                    crate::response::pages::group_of(pool, hearing.id, id).await?
                } else {
                    vec![id]
                };
                (id, members)
            }
            (None, _) => return Ok(None),
        };
        let Some((created_at, text)) = received.get(&response_id).cloned() else {
            return Ok(None);
        };
        let block_number = crate::response::db::by_ids(pool, hearing.id, &[response_id])
            .await
            .map_err(fail)?
            .into_iter()
            .next()
            .and_then(|r| r.shown.block_number);
        let kind = match &existing {
            Some(row) if row.target_kind == TargetKind::Group.code() => TargetKind::Group,
            None if members.len() > 1 => TargetKind::Group,
            _ => TargetKind::Response,
        };
        Ok(Some(RemarkEditorView {
            subject: RemarkSubject {
                kind,
                response_id,
                receipt_number: receipt_number(response_id, created_at),
                block_number,
                text,
                members: members
                    .iter()
                    .map(|m| receipt_number(*m, received.get(m).map_or(0, |(c, _)| *c)))
                    .collect(),
            },
            existing: existing
                .as_ref()
                .map(|r| card_of(r, &received, reader))
                .transpose()?,
            changes: change_options(self, &hearing).await?,
            sections: hearing_db::sections(pool, hearing.version_id)
                .await
                .map_err(fail)?
                .into_iter()
                .filter(|s| s.level <= 2)
                .map(|s| (s.number.to_string(), s.heading))
                .collect(),
            hearing_slug: hearing.slug,
            hearing_title: hearing.title,
        }))
    }

    async fn notat(
        &self,
        slug: &str,
        locale: Locale,
        preview: bool,
    ) -> Result<Option<NotatView>, BackendError> {
        self.compile_notat(slug, locale, preview).await
    }

    async fn edition(
        &self,
        slug: &str,
        number: Option<i64>,
    ) -> Result<Option<app::notat::edition::EditionPage>, BackendError> {
        super::edition::page(self, slug, number).await
    }

    async fn result(&self, slug: &str, locale: Locale) -> Result<Option<ResultView>, BackendError> {
        let pool = &self.db.pool;
        let Some(hearing) = hearing_db::by_slug(pool, slug).await.map_err(fail)? else {
            return Ok(None);
        };
        let received = crate::response::db::received(pool, hearing.id)
            .await
            .map_err(fail)?;
        let mut by_kind: Vec<(SenderKind, usize)> = Vec::new();
        for r in &received {
            let kind = stored::sender_kind(&r.shown.sender_kind)?;
            match by_kind.iter_mut().find(|(k, _)| *k == kind) {
                Some((_, n)) => *n += 1,
                None => by_kind.push((kind, 1)),
            }
        }
        by_kind.sort_by_key(|(k, _)| SenderKind::ALL.iter().position(|x| x == k));
        let sections = hearing_db::sections(pool, hearing.version_id)
            .await
            .map_err(fail)?;
        let mut by_section: Vec<(String, usize)> = Vec::new();
        let whole = received
            .iter()
            .filter(|r| r.shown.block_number.is_none())
            .count();
        if whole > 0 {
            by_section.push((
                app::notat::words::the_draft_as_a_whole(locale).to_owned(),
                whole,
            ));
        }
        for s in sections.iter().filter(|s| s.level <= 2) {
            let number = s.number.to_string();
            let n = received
                .iter()
                .filter(|r| {
                    r.shown.block_number.as_deref().map(super::section_of) == Some(number.clone())
                })
                .count();
            if n > 0 {
                by_section.push((format!("{number}. {}", s.heading), n));
            }
        }
        let themes = crate::tag::db::of_hearing(pool, hearing.id)
            .await
            .map_err(fail)?
            .into_iter()
            .filter(|t| t.uses > 0)
            .map(|t| (t.name, usize::try_from(t.uses).unwrap_or_default()))
            .collect();
        // Campaigns among the published responses only: their shared text is shown.
        let public: Vec<String> = received
            .iter()
            .filter(|r| r.status == "published")
            .map(|r| r.shown.text.clone())
            .collect();
        let groups = tokio::task::spawn_blocking(move || {
            let texts: Vec<&str> = public.iter().map(String::as_str).collect();
            hoering::analysis::group(&texts, &hoering::analysis::GroupParams::default())
                .into_iter()
                .filter(|g| g.members.len() > 1)
                .map(|g| {
                    let text = texts[g.representative];
                    let short: String = text.chars().take(200).collect();
                    let excerpt = if short.len() < text.len() {
                        format!("{short}…")
                    } else {
                        short
                    };
                    (g.members.len(), excerpt)
                })
                .collect::<Vec<_>>()
        })
        .await
        .map_err(fail)?;
        let compared = super::changes_since_hearing(self, &hearing)
            .await?
            .map(|(c, _)| c);
        // The notat as its latest edition was published, never compiled anew.
        let notat = super::edition::published_notat(pool, hearing.id).await?;
        let published = notat.as_ref().map(|(_, day)| *day);
        let (points, changes) = match notat {
            Some((notat, _)) => {
                // The sections by their heading (their order changes as the notat grows), as
                // the edition's words name them: every edition is written in Danish.
                let words = app::notat::words::outline_words(Locale::da);
                let mut points = Vec::new();
                let mut changes = Vec::new();
                for section in notat.sections {
                    if section.heading == words.points {
                        points = section.items;
                    } else if section.heading == words.changes {
                        changes = section.items;
                    }
                }
                (points, changes)
            }
            _ => {
                let changes = match super::changes_since_hearing(self, &hearing).await? {
                    Some((_, c)) => super::block_changes(&c)
                        .into_iter()
                        .map(|c| NotatItem::Diff {
                            block: c.block,
                            ops: c.ops,
                        })
                        .collect(),
                    None => Vec::new(),
                };
                (Vec::new(), changes)
            }
        };
        Ok(Some(ResultView {
            card: crate::hearing::pages::card(&hearing),
            responses: received.len(),
            by_kind,
            by_section,
            themes,
            groups,
            changes: changes
                .into_iter()
                .filter(|i| matches!(i, NotatItem::Diff { .. }))
                .collect(),
            compared,
            published,
            points: points
                .into_iter()
                .filter(|i| matches!(i, NotatItem::Point { .. }))
                .collect(),
        }))
    }
}
