//! What the council pages read: the councils and their members, for the admin.

use super::db as council_db;
use crate::backend::{DbBackend, fail};
use app::backend::{BackendError, CouncilReads};
use app::model::{
    BlockChoice, CouncilComment, CouncilHome, CouncilMember, CouncilView, CouncilWorkspace,
    RoundCard,
};
use hoering::council::{CommentRef, CouncilId, may_comment, may_read_discussion, thread_order};

#[async_trait::async_trait]
impl CouncilReads for DbBackend {
    async fn councils(&self) -> Result<Vec<CouncilView>, BackendError> {
        let pool = &self.db.pool;
        let members = council_db::members(pool).await.map_err(fail)?;
        Ok(council_db::list(pool)
            .await
            .map_err(fail)?
            .into_iter()
            .map(|c| CouncilView {
                members: members
                    .iter()
                    .filter(|m| m.council_id == c.id)
                    .map(|m| CouncilMember {
                        email: m.email.clone(),
                        chair: m.chair != 0,
                    })
                    .collect(),
                slug: c.slug,
                name: c.name,
            })
            .collect())
    }

    async fn council_home(&self, email: &str) -> Result<CouncilHome, BackendError> {
        let pool = &self.db.pool;
        let Some((user, _)) = crate::auth::db::find_credentials(pool, email)
            .await
            .map_err(fail)?
        else {
            return Ok(CouncilHome {
                councils: Vec::new(),
                rounds: Vec::new(),
            });
        };
        Ok(CouncilHome {
            councils: council_db::of_user(pool, user.id)
                .await
                .map_err(fail)?
                .into_iter()
                .map(|(c, chair)| (c.name, chair))
                .collect(),
            rounds: council_db::rounds_of_user(pool, user.id)
                .await
                .map_err(fail)?
                .iter()
                .map(round_card)
                .collect(),
        })
    }

    async fn may_read_round(
        &self,
        email: &str,
        slug: &str,
        council: &str,
    ) -> Result<bool, BackendError> {
        let pool = &self.db.pool;
        let (Some((user, _)), Some(round)) = (
            crate::auth::db::find_credentials(pool, email)
                .await
                .map_err(fail)?,
            council_db::round(pool, slug, council).await.map_err(fail)?,
        ) else {
            // No such round: nothing to refuse; the page says it is not there.
            return Ok(true);
        };
        let viewer = super::viewer_of(pool, &user).await.map_err(fail)?;
        Ok(may_read_discussion(
            &viewer,
            CouncilId(round.council_id),
            round.discussion_published_at.is_some(),
        ))
    }

    async fn council_workspace(
        &self,
        email: &str,
        slug: &str,
        council: &str,
    ) -> Result<Option<CouncilWorkspace>, BackendError> {
        let pool = &self.db.pool;
        let (Some((user, _)), Some(round)) = (
            crate::auth::db::find_credentials(pool, email)
                .await
                .map_err(fail)?,
            council_db::round(pool, slug, council).await.map_err(fail)?,
        ) else {
            return Ok(None);
        };
        let viewer = super::viewer_of(pool, &user).await.map_err(fail)?;
        let card = round_card(&round);
        let rows = council_db::comments(pool, round.id).await.map_err(fail)?;
        let refs: Vec<CommentRef> = rows
            .iter()
            .map(|c| CommentRef {
                id: c.id,
                reply_to: c.reply_to,
                created_at: c.created_at,
            })
            .collect();
        let comments = thread_order(&refs)
            .into_iter()
            .filter_map(|(i, depth)| rows.get(i).map(|c| (c, depth)))
            .map(|(c, depth)| CouncilComment {
                id: c.id,
                author: c.author.clone(),
                block_number: c.block_number.clone(),
                quote: c.quote.clone(),
                text: c.text.clone(),
                depth,
                agreed: c.agreed,
                mine: c.author_id == user.id,
            })
            .collect();
        let blocks = crate::hearing::db::blocks(pool, round.version_id)
            .await
            .map_err(fail)?
            .into_iter()
            .map(|b| BlockChoice {
                number: b.number,
                text: b.text,
            })
            .collect();
        Ok(Some(CouncilWorkspace {
            may_comment: may_comment(&viewer, CouncilId(round.council_id), &card.state),
            round: card,
            blocks,
            comments,
        }))
    }
}

pub fn round_card(r: &council_db::RoundRow) -> RoundCard {
    RoundCard {
        hearing_slug: r.hearing_slug.clone(),
        hearing_title: r.hearing_title.clone(),
        council_slug: r.council_slug.clone(),
        council_name: r.council_name.clone(),
        opens: r.opens.clone(),
        closes: r.closes.clone(),
        state: super::state_of(r),
    }
}
