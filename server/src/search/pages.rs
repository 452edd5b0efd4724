//! What the search pages read: the index's hits, filtered as the reader may see them.

use crate::backend::{DbBackend, fail};
use crate::hearing::db as hearing_db;
use crate::response::db as response_db;
use crate::response::pages::{admin_response, public_responses, with_staff_files};
use app::backend::BackendError;
use app::moderation::BlockHit;
use app::moderation::InputSource;
use app::moderation::SearchFilters;
use app::moderation::SearchHit;
use app::moderation::SearchView;
use hoering::language::{Query, parse_query, snippet};
use hoering::response::ModerationStatus;
use hoering::response::SenderKind;

/// Hits shown at most; the page says when there were more.
const SHOWN: usize = 100;
/// Excerpt length around the words found.
const SNIPPET_CHARS: usize = 240;

impl DbBackend {
    pub(crate) async fn search_hearing(
        &self,
        slug: &str,
        text: &str,
        filters: Option<SearchFilters>,
    ) -> Result<Option<SearchView>, BackendError> {
        let pool = &self.db.pool;
        let Some(hearing) = hearing_db::by_slug(pool, slug).await.map_err(fail)? else {
            return Ok(None);
        };
        let mut query: Query = parse_query(text);
        query.terms.sort();
        query.terms.dedup();
        let mut view = SearchView {
            hearing_slug: hearing.slug.clone(),
            hearing_title: hearing.title.clone(),
            query: text.to_string(),
            terms: query.terms.clone(),
            blocks: Vec::new(),
            public_hits: Vec::new(),
            admin_hits: Vec::new(),
            truncated: false,
        };
        if query.is_empty() {
            return Ok(Some(view));
        }
        // The draft: a few hundred paragraphs, matched in memory with the same stems.
        view.blocks = hearing_db::blocks(pool, hearing.version_id)
            .await
            .map_err(fail)?
            .into_iter()
            .filter(|b| query.matches(&b.text))
            .map(|b| BlockHit {
                snippet: snippet(&b.text, &query, SNIPPET_CHARS),
                number: b.number,
            })
            .collect();
        // Filters narrow after the index; fetch a margin so a filtered page is still full.
        let limit = if filters.is_some() { 2_000 } else { 1_000 };
        let files = if filters.is_some() {
            crate::search::db::Files::All
        } else {
            crate::search::db::Files::Shown
        };
        let ids = crate::search::db::find(pool, hearing.id, &query.terms, files, limit)
            .await
            .map_err(fail)?;
        let rows = response_db::by_ids(pool, hearing.id, &ids)
            .await
            .map_err(fail)?;
        match filters {
            None => {
                let mut hits = rows.into_iter().filter(|r| {
                    match (
                        hoering::response::ModerationStatus::parse(&r.status),
                        hoering::response::Publication::parse(&r.shown.publication),
                    ) {
                        (Some(status), Ok(publication)) => {
                            hoering::response::is_public(status, publication)
                        }
                        _ => false,
                    }
                });
                let shown: Vec<_> = hits.by_ref().take(SHOWN).collect();
                view.truncated = hits.next().is_some();
                let snippets = snippets(pool, &shown, &query, true).await?;
                let responses = public_responses(pool, shown).await?;
                for (response, snippet) in responses.into_iter().zip(snippets) {
                    view.public_hits.push(SearchHit { response, snippet });
                }
            }
            Some(f) => {
                let tagged = match f.tag {
                    Some(tag) => Some(crate::tag::db::tagged(pool, tag).await.map_err(fail)?),
                    None => None,
                };
                let members = match f.group {
                    Some(id) => Some(crate::response::pages::group_of(pool, hearing.id, id).await?),
                    None => None,
                };
                let wanted = |r: &response_db::ResponseRow| {
                    tagged.as_ref().is_none_or(|ids| ids.contains(&r.shown.id))
                        && members.as_ref().is_none_or(|ids| ids.contains(&r.shown.id))
                        && f.status
                            .is_none_or(|s| s.admits(ModerationStatus::parse(&r.status)))
                        && f.source.is_none_or(|s| match s {
                            InputSource::Response => r.shown.source == "response",
                            InputSource::Meeting => r.shown.source == "meeting",
                            // Council comments are not among the responses searched.
                            InputSource::Council => true,
                        })
                        && f.kind.is_none_or(|k| {
                            r.shown.source == "response"
                                && k.admits(SenderKind::parse(&r.shown.sender_kind).ok())
                        })
                        && f.block.as_deref().is_none_or(|b| {
                            b.is_empty() || r.shown.block_number.as_deref() == Some(b)
                        })
                };
                let mut hits = rows.into_iter().filter(|r| wanted(r));
                let shown: Vec<_> = hits.by_ref().take(SHOWN).collect();
                view.truncated = hits.next().is_some() || ids.len() as i64 == limit;
                let snippets = snippets(pool, &shown, &query, false).await?;
                let mut responses = shown
                    .into_iter()
                    .map(admin_response)
                    .collect::<Result<Vec<_>, _>>()?;
                with_staff_files(pool, &mut responses).await?;
                for (response, snippet) in responses.into_iter().zip(snippets) {
                    view.admin_hits.push(SearchHit { response, snippet });
                }
            }
        }
        Ok(Some(view))
    }
}

/// Each hit's excerpt: from its text where the words are there, else from the first of its
/// files (that the reader may see) whose text has them, after the file's name.
async fn snippets(
    pool: &sqlx::AnyPool,
    rows: &[response_db::ResponseRow],
    query: &Query,
    public: bool,
) -> Result<Vec<hoering::language::Snippet>, BackendError> {
    let in_files: Vec<i64> = rows
        .iter()
        .filter(|r| !query.matches(&r.shown.text))
        .map(|r| r.shown.id)
        .collect();
    let files = crate::attachment::db::of_responses_for_staff(pool, &in_files)
        .await
        .map_err(fail)?;
    Ok(rows
        .iter()
        .map(|r| {
            if !in_files.contains(&r.shown.id) {
                return snippet(&r.shown.text, query, SNIPPET_CHARS);
            }
            files
                .iter()
                .filter(|f| f.response_id == r.shown.id && (!public || f.is_shown()))
                .find(|f| query.matches(&f.file.text))
                .map(|f| {
                    let mut found = snippet(&f.file.text, query, SNIPPET_CHARS);
                    let prefix = if found.starts_inside {
                        format!("{}: …", f.file.name)
                    } else {
                        format!("{}: ", f.file.name)
                    };
                    found.text.insert_str(0, &prefix);
                    for mark in &mut found.marks {
                        *mark = mark.start + prefix.len()..mark.end + prefix.len();
                    }
                    found.starts_inside = false;
                    found
                })
                .unwrap_or_else(|| snippet(&r.shown.text, query, SNIPPET_CHARS))
        })
        .collect())
}
