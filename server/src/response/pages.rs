//! What the response pages read: the public lists under a block, a sender's receipt, and the
//! clerk's moderation views. The public never sees an e-mail address or an unconsented name.

use super::ShownColumns;
use super::db::{self as response_db, ResponseRow};
use super::{ADMIN_PAGE_SIZE, PUBLIC_PAGE_SIZE, Status, receipt_number};
use crate::backend::{DbBackend, fail, stored};
use crate::hearing::db as hearing_db;
use crate::hearing::pages::{block_id_of, card};
use app::backend::{BackendError, ResponseReads};
use app::hearing::AdminHearingCard;
use app::moderation::AdminBlockView;
use app::moderation::AdminGroupsView;
use app::moderation::AdminHearingView;
use app::moderation::AdminResponse;
use app::moderation::BlockCount;
use app::moderation::BlockLater;
use app::moderation::CouncilNote;
use app::moderation::GroupMember;
use app::moderation::GroupView;
use app::moderation::HearingOverview;
use app::moderation::InputSource;
use app::moderation::JournalLine;
use app::moderation::ResponseOriginal;
use app::moderation::SearchFilters;
use app::moderation::SearchView;
use app::moderation::TagView;
use app::response::InputKind;
use app::response::MeetingOrigin;
use app::response::PublicResponse;
use app::response::ReceiptView;
use app::response::ResponsePage;
use hoering::calendar::{local_day, local_minute};
use hoering::response::Publication;

/// A response as the public may see it: the name and organisation only when the sender chose
/// publication with name.
pub fn public_view(shown: ShownColumns) -> Result<PublicResponse, BackendError> {
    let with_name = stored::publication(&shown.publication)? == Publication::WithName;
    let (kind, meeting) = Origin::of(&shown).read()?;
    Ok(PublicResponse {
        kind,
        meeting,
        attachments: Vec::new(),
        receipt_number: receipt_number(shown.id, shown.created_at),
        submitted_on: local_day(shown.created_at),
        author: with_name.then_some(shown.name),
        organisation: shown.organisation.filter(|_| with_name),
        sender_kind: stored::sender_kind(&shown.sender_kind)?,
        block_number: shown.block_number,
        quote: shown.quote_exact,
        text: shown.text,
    })
}

/// Where an input came from, as stored: a written response, or a dialogue meeting's table.
#[derive(Debug, Clone, Copy)]
pub struct Origin<'a> {
    pub source: &'a str,
    pub day: Option<&'a str>,
    pub group: Option<&'a str>,
    pub table: Option<&'a str>,
}

impl<'a> Origin<'a> {
    /// The origin of a response whose columns are `shown`.
    pub fn of(shown: &'a ShownColumns) -> Self {
        Origin {
            source: &shown.source,
            day: shown.meeting_day.as_deref(),
            group: shown.meeting_group.as_deref(),
            table: shown.meeting_table.as_deref(),
        }
    }

    fn read(self) -> Result<(InputKind, Option<MeetingOrigin>), BackendError> {
        match self.source {
            "meeting" => {
                let group = self
                    .group
                    .and_then(hoering::meeting::ParticipantGroup::parse)
                    .ok_or_else(|| fail(format!("stored meeting group {:?}", self.group)))?;
                Ok((
                    InputKind::MeetingInput,
                    Some(MeetingOrigin {
                        day: self
                            .day
                            .and_then(|d| d.parse().ok())
                            .ok_or_else(|| fail(format!("stored meeting day {:?}", self.day)))?,
                        group,
                        table: self.table.map(str::to_string),
                    }),
                ))
            }
            _ => Ok((InputKind::Response, None)),
        }
    }
}

pub fn public_response(row: ResponseRow) -> Result<PublicResponse, BackendError> {
    public_view(row.shown)
}

/// Responses as the public sees them, each with the files the public may see.
pub async fn public_responses(
    pool: &sqlx::AnyPool,
    rows: Vec<ResponseRow>,
) -> Result<Vec<PublicResponse>, BackendError> {
    let ids: Vec<i64> = rows.iter().map(|r| r.shown.id).collect();
    let mut files = crate::attachment::shown_of(pool, &ids)
        .await
        .map_err(fail)?;
    rows.into_iter()
        .map(|row| {
            let id = row.shown.id;
            let mut shown = public_response(row)?;
            shown.attachments = files.remove(&id).unwrap_or_default();
            Ok(shown)
        })
        .collect()
}

/// Gives each of the clerk's responses its files.
pub async fn with_staff_files(
    pool: &sqlx::AnyPool,
    responses: &mut [AdminResponse],
) -> Result<(), BackendError> {
    let ids: Vec<i64> = responses.iter().map(|r| r.id).collect();
    let mut files = crate::attachment::for_staff_of(pool, &ids)
        .await
        .map_err(fail)?;
    for r in responses {
        r.attachments = files.remove(&r.id).unwrap_or_default();
    }
    Ok(())
}

fn admin_card(row: &hearing_db::HearingRow, counts: (i64, i64, i64)) -> AdminHearingCard {
    let (pending, published, withheld) = counts;
    AdminHearingCard {
        card: card(row),
        policy_slug: row.policy_slug.clone(),
        pending,
        published,
        withheld,
    }
}

#[async_trait::async_trait]
impl ResponseReads for DbBackend {
    async fn overview(&self, slug: &str) -> Result<Option<HearingOverview>, BackendError> {
        let pool = &self.db.pool;
        let Some(hearing) = hearing_db::by_slug(pool, slug).await.map_err(fail)? else {
            return Ok(None);
        };
        let by_block = response_db::counts_by_block(pool, hearing.id)
            .await
            .map_err(fail)?;
        let comments = crate::council::db::comment_counts(pool, hearing.id)
            .await
            .map_err(fail)?;
        let n = |v: i64| usize::try_from(v).unwrap_or(0);
        let count = |number: Option<&str>, excerpt: String| {
            let mut c = BlockCount {
                number: number.map(str::to_string),
                excerpt,
                responses: 0,
                meeting: 0,
                council: 0,
            };
            for (b, source, k) in &by_block {
                if b.as_deref() == number {
                    match source.as_str() {
                        "meeting" => c.meeting += n(*k),
                        _ => c.responses += n(*k),
                    }
                }
            }
            for (b, k) in &comments {
                if b.as_deref() == number {
                    c.council += n(*k);
                }
            }
            c
        };
        let mut blocks = vec![count(None, String::new())];
        for b in hearing_db::blocks(pool, hearing.version_id)
            .await
            .map_err(fail)?
        {
            let excerpt: String = b.text.chars().take(80).collect();
            blocks.push(count(Some(&b.number), excerpt));
        }
        let kinds = response_db::counts_by_kind(pool, hearing.id)
            .await
            .map_err(fail)?
            .into_iter()
            .map(|(k, c)| Ok((stored::sender_kind(&k)?, n(c))))
            .collect::<Result<Vec<_>, BackendError>>()?;
        Ok(Some(HearingOverview {
            hearing_slug: hearing.slug,
            hearing_title: hearing.title,
            blocks,
            kinds,
        }))
    }

    async fn search(
        &self,
        slug: &str,
        query: &str,
        filters: Option<SearchFilters>,
    ) -> Result<Option<SearchView>, BackendError> {
        self.search_hearing(slug, query, filters).await
    }

    async fn admin_groups(&self, slug: &str) -> Result<Option<AdminGroupsView>, BackendError> {
        /// A campaign of thousands is shown by its first members; the count says how many.
        const MEMBERS_SHOWN: usize = 50;
        let pool = &self.db.pool;
        let Some(hearing) = hearing_db::by_slug(pool, slug).await.map_err(fail)? else {
            return Ok(None);
        };
        let rows = response_db::texts_of_hearing(pool, hearing.id)
            .await
            .map_err(fail)?;
        let responses = rows.len();
        // Grouping is CPU work: off the async workers, like any other heavy computation.
        let groups = tokio::task::spawn_blocking(move || {
            let params = hoering::analysis::GroupParams::default();
            let texts: Vec<&str> = rows.iter().map(|r| r.1.as_str()).collect();
            let found = hoering::analysis::group(&texts, &params);
            let member = |i: usize, rep: &str| -> Result<GroupMember, BackendError> {
                let (id, text, created_at, status, block) = &rows[i];
                Ok(GroupMember {
                    id: *id,
                    receipt_number: receipt_number(*id, *created_at),
                    status: stored::moderation(status)?,
                    block_number: block.clone(),
                    similarity: (hoering::analysis::similarity(rep, text, &params) * 100.0)
                        .round()
                        .clamp(0.0, 100.0) as u8,
                    diff: hoering::analysis::differences(rep, text),
                })
            };
            found
                .into_iter()
                .map(|g| {
                    let rep = rows[g.representative].1.clone();
                    let mut blocks: Vec<(String, usize)> = Vec::new();
                    for &i in &g.members {
                        if let Some(n) = &rows[i].4 {
                            match blocks.iter_mut().find(|(b, _)| b == n) {
                                Some((_, c)) => *c += 1,
                                None => blocks.push((n.clone(), 1)),
                            }
                        }
                    }
                    Ok(GroupView {
                        blocks,
                        size: g.members.len(),
                        representative: member(g.representative, &rep)?,
                        members: g
                            .members
                            .iter()
                            .filter(|&&i| i != g.representative)
                            .take(MEMBERS_SHOWN)
                            .map(|&i| member(i, &rep))
                            .collect::<Result<_, BackendError>>()?,
                        representative_text: rep,
                    })
                })
                .collect::<Result<Vec<_>, BackendError>>()
        })
        .await
        .map_err(fail)??;
        Ok(Some(AdminGroupsView {
            hearing_slug: hearing.slug,
            hearing_title: hearing.title,
            responses,
            groups,
        }))
    }

    async fn admin_block(
        &self,
        slug: &str,
        number: &str,
        source: Option<&str>,
        kind: Option<&str>,
        tag: Option<i64>,
        group: Option<i64>,
    ) -> Result<Option<AdminBlockView>, BackendError> {
        let pool = &self.db.pool;
        let Some(hearing) = hearing_db::by_slug(pool, slug).await.map_err(fail)? else {
            return Ok(None);
        };
        let blocks = hearing_db::blocks(pool, hearing.version_id)
            .await
            .map_err(fail)?;
        let Some(at) = blocks.iter().position(|b| b.number == number) else {
            return Ok(None);
        };
        let block = &blocks[at];
        let source = source.and_then(InputSource::parse);
        let kind = kind.and_then(|k| hoering::response::SenderKind::parse(k).ok());
        let mut all = response_db::on_block(pool, hearing.id, &block.block_id)
            .await
            .map_err(fail)?
            .into_iter()
            .map(admin_response)
            .collect::<Result<Vec<_>, _>>()?;
        with_staff_files(pool, &mut all).await?;
        let tags_of =
            crate::tag::db::of_responses(pool, &all.iter().map(|r| r.id).collect::<Vec<_>>())
                .await
                .map_err(fail)?;
        for r in &mut all {
            r.tags = tags_of
                .iter()
                .filter(|(id, _)| *id == r.id)
                .map(|(_, n)| n.clone())
                .collect();
        }
        let tags = tag_views(pool, hearing.id).await?;
        let tag_name = tag.and_then(|id| tags.iter().find(|t| t.id == id).map(|t| t.name.clone()));
        let members = match group {
            Some(id) => Some(group_of(pool, hearing.id, id).await?),
            None => None,
        };
        let council: Vec<CouncilNote> =
            crate::council::db::comments_on_block(pool, hearing.id, number)
                .await
                .map_err(fail)?
                .into_iter()
                .map(|c| CouncilNote {
                    id: c.id,
                    council: c.council,
                    author: c.author,
                    quote: c.quote,
                    text: c.text,
                    at: local_minute(c.created_at),
                })
                .collect();
        let source_of = |r: &AdminResponse| match r.meeting {
            Some(_) => InputSource::Meeting,
            None => InputSource::Response,
        };
        let source_counts = InputSource::ALL
            .into_iter()
            .map(|s| match s {
                InputSource::Council => (s, council.len()),
                _ => (s, all.iter().filter(|r| source_of(r) == s).count()),
            })
            .collect();
        let kind_counts = hoering::response::SenderKind::ALL
            .into_iter()
            .map(|k| {
                let n = all
                    .iter()
                    .filter(|r| r.meeting.is_none() && r.sender_kind == k)
                    .count();
                (k, n)
            })
            .filter(|(_, n)| *n > 0)
            .collect();
        let responses = all
            .into_iter()
            .filter(|r| source.is_none_or(|s| source_of(r) == s))
            .filter(|r| kind.is_none_or(|k| r.meeting.is_none() && r.sender_kind == k))
            .filter(|r| tag_name.as_ref().is_none_or(|t| r.tags.contains(t)))
            .filter(|r| members.as_ref().is_none_or(|m| m.contains(&r.id)))
            .collect();
        let council = match (source, kind, tag, group) {
            (None | Some(InputSource::Council), None, None, None) => council,
            _ => Vec::new(),
        };
        // The paragraph in the policy's later versions, found by its durable id.
        let mut later = Vec::new();
        let versions = crate::version::db::versions_of_policy(pool, hearing.policy_id)
            .await
            .map_err(fail)?;
        let hearing_number = versions
            .iter()
            .find(|v| v.id == hearing.version_id)
            .map_or(i64::MAX, |v| v.number);
        for v in versions.iter().filter(|v| v.number > hearing_number) {
            let there = hearing_db::blocks(pool, v.id)
                .await
                .map_err(fail)?
                .into_iter()
                .find(|b| b.block_id == block.block_id);
            later.push(BlockLater {
                version_number: v.number,
                version_label: v.label.clone(),
                number: there.as_ref().map(|b| b.number.clone()),
                diff: there.map(|b| hoering::diff::word_diff(&block.text, &b.text)),
            });
        }
        Ok(Some(AdminBlockView {
            hearing_slug: hearing.slug.clone(),
            hearing_title: hearing.title.clone(),
            number: block.number.clone(),
            text: block.text.clone(),
            previous: at
                .checked_sub(1)
                .and_then(|i| blocks.get(i))
                .map(|b| b.number.clone()),
            next: blocks.get(at + 1).map(|b| b.number.clone()),
            source,
            kind,
            source_counts,
            kind_counts,
            tags,
            tag,
            group,
            responses,
            council,
            later,
        }))
    }

    async fn read_original(
        &self,
        id: i64,
        reader: &str,
    ) -> Result<Option<ResponseOriginal>, BackendError> {
        let pool = &self.db.pool;
        let Some(target) = response_db::moderation_target(pool, id)
            .await
            .map_err(fail)?
        else {
            return Ok(None);
        };
        let Some((user, _)) = crate::auth::db::find_credentials(pool, reader)
            .await
            .map_err(fail)?
        else {
            return Ok(None);
        };
        // Journaled before the text leaves the server, so no reading goes unrecorded.
        crate::journal::db::write_alone(
            pool,
            &crate::journal::Entry::response(user.id, crate::journal::Action::OriginalRead, id),
        )
        .await
        .map_err(fail)?;
        let journal = crate::journal::db::of_subject(pool, "response", id)
            .await
            .map_err(fail)?
            .into_iter()
            .map(|e| JournalLine {
                at: local_minute(e.at),
                actor: e.actor.unwrap_or_default(),
                action: e.action,
                before: e.before,
                after: e.after,
            })
            .collect();
        Ok(Some(ResponseOriginal {
            id,
            receipt_number: receipt_number(target.id, target.created_at),
            hearing_slug: target.hearing_slug,
            hearing_title: target.hearing_title,
            original: target.original_text.unwrap_or_else(|| target.text.clone()),
            current: target.text,
            journal,
            earlier: response_db::changes_of(pool, id)
                .await
                .map_err(fail)?
                .into_iter()
                .map(|(at, text, publication)| {
                    Ok(app::moderation::EarlierText {
                        replaced_at: local_minute(at),
                        text,
                        publication: stored::publication(&publication)?,
                    })
                })
                .collect::<Result<_, BackendError>>()?,
        }))
    }

    async fn responses(
        &self,
        slug: &str,
        block: Option<&str>,
        page: u32,
    ) -> Result<Option<ResponsePage>, BackendError> {
        let pool = &self.db.pool;
        let Some(row) = hearing_db::by_slug(pool, slug).await.map_err(fail)? else {
            return Ok(None);
        };
        let Some(block_id) = block_id_of(&self.db, row.version_id, block).await? else {
            return Ok(None);
        };
        let page = page.max(1);
        let (total, rows) =
            response_db::public_page(pool, row.id, block_id.as_deref(), page, PUBLIC_PAGE_SIZE)
                .await
                .map_err(fail)?;
        Ok(Some(ResponsePage {
            total,
            page,
            per_page: PUBLIC_PAGE_SIZE,
            responses: public_responses(pool, rows).await?,
        }))
    }

    async fn receipt(&self, token: &str) -> Result<Option<ReceiptView>, BackendError> {
        let pool = &self.db.pool;
        // Tokens are 64 hex characters; anything else cannot match and is not looked up.
        if token.len() != 64 || !token.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Ok(None);
        }
        let Some(r) = response_db::by_receipt_token(pool, token)
            .await
            .map_err(fail)?
        else {
            return Ok(None);
        };
        let (hearing_slug, hearing_title) = hearing_db::slug_and_title(pool, r.hearing_id)
            .await
            .map_err(fail)?
            .ok_or_else(|| fail("a response without its hearing"))?;
        let own = response_db::own_by_token(pool, token)
            .await
            .map_err(fail)?
            .map(|row| {
                let rule = row.own();
                app::response::OwnView {
                    offered: rule.offered(),
                    withdrawn: rule.withdrawn,
                    erasure: rule.erasure,
                    closes: hoering::calendar::local_day(row.closes_at),
                    changes: r.changes,
                }
            })
            // Meeting input has no sender and so no own page: nothing is offered.
            .unwrap_or(app::response::OwnView {
                offered: Vec::new(),
                withdrawn: false,
                erasure: hoering::response::own::Erasure::NotAsked,
                closes: local_minute(r.shown.created_at).date(),
                changes: 0,
            });
        Ok(Some(ReceiptView {
            status: stored::moderation(&r.status)?,
            own,
            receipt_number: receipt_number(r.shown.id, r.shown.created_at),
            hearing_slug,
            hearing_title,
            received_at: local_minute(r.shown.created_at),
            block_number: r.shown.block_number,
            quote: r.shown.quote_exact.filter(|q| !q.is_empty()),
            text: r.shown.text,
            name: r.shown.name,
            email: r.email,
            sender_kind: stored::sender_kind(&r.shown.sender_kind)?,
            organisation: r.shown.organisation,
            publication: stored::publication(&r.shown.publication)?,
            files: crate::attachment::on_receipt(pool, r.shown.id)
                .await
                .map_err(fail)?,
        }))
    }

    async fn admin_hearings(&self) -> Result<Vec<AdminHearingCard>, BackendError> {
        let pool = &self.db.pool;
        let rows = hearing_db::list(pool).await.map_err(fail)?;
        let mut out = Vec::with_capacity(rows.len());
        for row in rows {
            let counts = response_db::status_counts(pool, row.id)
                .await
                .map_err(fail)?;
            out.push(admin_card(&row, counts));
        }
        Ok(out)
    }

    async fn admin_hearing(
        &self,
        slug: &str,
        status: Option<&str>,
        tag: Option<i64>,
        page: u32,
    ) -> Result<Option<AdminHearingView>, BackendError> {
        let pool = &self.db.pool;
        let Some(row) = hearing_db::by_slug(pool, slug).await.map_err(fail)? else {
            return Ok(None);
        };
        let status = status.and_then(Status::parse);
        let counts = response_db::status_counts(pool, row.id)
            .await
            .map_err(fail)?;
        let page = page.max(1);
        let (total, rows) = match tag {
            None => response_db::admin_page(pool, row.id, status, page, ADMIN_PAGE_SIZE)
                .await
                .map_err(fail)?,
            Some(tag) => {
                let mut ids = crate::tag::db::tagged(pool, tag).await.map_err(fail)?;
                ids.sort_unstable_by(|a, b| b.cmp(a));
                let rows: Vec<_> = response_db::by_ids(pool, row.id, &ids)
                    .await
                    .map_err(fail)?
                    .into_iter()
                    .filter(|r| status.is_none_or(|s| r.status == s.as_str()))
                    .collect();
                let total = i64::try_from(rows.len()).unwrap_or(i64::MAX);
                let from = usize::try_from((page - 1) * ADMIN_PAGE_SIZE).unwrap_or(usize::MAX);
                let shown = rows
                    .into_iter()
                    .skip(from)
                    .take(usize::try_from(ADMIN_PAGE_SIZE).unwrap_or(usize::MAX))
                    .collect();
                (total, shown)
            }
        };
        let tags = tag_views(pool, row.id).await?;
        // The newest 2,000 responses are plenty to see the themes; they are kept until more
        // responses arrive, so the queue does not stem 2,000 texts on every page.
        let have: Vec<String> = tags.iter().map(|t| t.name.clone()).collect();
        let suggested_tags =
            crate::tag::suggested(pool, row.id, counts.0 + counts.1 + counts.2, &have)
                .await
                .map_err(fail)?;
        let tags_of = crate::tag::db::of_responses(
            pool,
            &rows.iter().map(|r| r.shown.id).collect::<Vec<_>>(),
        )
        .await
        .map_err(fail)?;
        let rounds = crate::council::db::rounds_of_hearing(pool, row.id)
            .await
            .map_err(fail)?
            .iter()
            .map(crate::council::pages::round_card)
            .collect::<Result<_, _>>()?;
        let councils = crate::council::db::list(pool)
            .await
            .map_err(fail)?
            .into_iter()
            .map(|c| (c.slug, c.name))
            .collect();
        let mut responses = rows
            .into_iter()
            .map(|r| {
                let id = r.shown.id;
                admin_response(r).map(|mut a| {
                    a.tags = tags_of
                        .iter()
                        .filter(|(rid, _)| *rid == id)
                        .map(|(_, n)| n.clone())
                        .collect();
                    a
                })
            })
            .collect::<Result<Vec<_>, BackendError>>()?;
        with_staff_files(pool, &mut responses).await?;
        Ok(Some(AdminHearingView {
            rounds,
            councils,
            parties: self.party_list(&row).await?,
            card: admin_card(&row, counts),
            status_filter: status,
            total,
            page,
            per_page: ADMIN_PAGE_SIZE,
            tags,
            suggested_tags,
            tag_filter: tag,
            responses,
        }))
    }
}

/// A response (or meeting input) as the clerk's lists show it, with the core's privacy flags.
pub fn admin_response(r: ResponseRow) -> Result<AdminResponse, BackendError> {
    let (_, meeting) = Origin::of(&r.shown).read()?;
    let shown = r.shown;
    Ok(AdminResponse {
        meeting,
        id: shown.id,
        receipt_number: receipt_number(shown.id, shown.created_at),
        received_at: local_minute(shown.created_at),
        sender_kind: stored::sender_kind(&shown.sender_kind)?,
        publication: stored::publication(&shown.publication)?,
        status: stored::moderation(&r.status)?,
        block_number: shown.block_number,
        quote: shown.quote_exact.filter(|q| !q.is_empty()),
        flags: hoering::privacy::detect(&shown.text),
        redacted: r.redacted != 0,
        withheld_reason: r.withheld_reason,
        withdrawn: r.withdrawn != 0,
        erasure: hoering::response::own::Erasure::parse(&r.erasure)
            .ok_or_else(|| fail(format!("a stored erasure is not valid: {:?}", r.erasure)))?,
        changes: r.changes,
        tags: Vec::new(),
        attachments: Vec::new(),
        text: shown.text,
        name: shown.name,
        email: r.email,
        organisation: shown.organisation,
    })
}

/// A hearing's tags with how often each is used.
async fn tag_views(pool: &sqlx::AnyPool, hearing_id: i64) -> Result<Vec<TagView>, BackendError> {
    Ok(crate::tag::db::of_hearing(pool, hearing_id)
        .await
        .map_err(fail)?
        .into_iter()
        .map(|t| TagView {
            id: t.id,
            name: t.name,
            uses: t.uses,
        })
        .collect())
}

/// The ids of the responses in the same group of copies as `response` (itself included), or
/// just `response` when it is in no group: for the "this group" filters.
pub async fn group_of(
    pool: &sqlx::AnyPool,
    hearing_id: i64,
    response: i64,
) -> Result<Vec<i64>, BackendError> {
    let rows = response_db::texts_of_hearing(pool, hearing_id)
        .await
        .map_err(fail)?;
    tokio::task::spawn_blocking(move || {
        let texts: Vec<&str> = rows.iter().map(|r| r.1.as_str()).collect();
        let found = hoering::analysis::group(&texts, &hoering::analysis::GroupParams::default());
        found
            .into_iter()
            .map(|g| g.members.iter().map(|&i| rows[i].0).collect::<Vec<_>>())
            .find(|ids| ids.contains(&response))
            .unwrap_or_else(|| vec![response])
    })
    .await
    .map_err(fail)
}
