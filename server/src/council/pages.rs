//! What the council pages read: the councils and their members, for the admin.

use super::db as council_db;
use crate::backend::{DbBackend, fail};
use app::backend::{BackendError, CouncilReads};
use app::council::CouncilComment;
use app::council::CouncilHome;
use app::council::CouncilMember;
use app::council::CouncilView;
use app::council::CouncilWorkspace;
use app::council::RoundCard;
use hoering::council::{
    CommentRef, CouncilId, SubmitRefusal, Viewer, is_member, may_comment, may_edit_joint,
    may_publish_discussion, may_read_discussion, may_submit, thread_order,
};

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
                        name: m.display_name.clone(),
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
                name: String::new(),
                councils: Vec::new(),
                rounds: Vec::new(),
            });
        };
        Ok(CouncilHome {
            name: crate::auth::db::display_name_of(pool, user.id)
                .await
                .map_err(fail)?
                .unwrap_or_default(),
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
                .collect::<Result<_, _>>()?,
        })
    }

    async fn may_read_round(
        &self,
        email: Option<&str>,
        slug: &str,
        council: &str,
    ) -> Result<bool, BackendError> {
        let pool = &self.db.pool;
        let Some(round) = council_db::round(pool, slug, council).await.map_err(fail)? else {
            // No such round: nothing to refuse; the page says it is not there.
            return Ok(true);
        };
        let viewer = self.viewer(email).await?;
        Ok(may_read_discussion(
            &viewer.0,
            CouncilId(round.council_id),
            round.discussion_published_at.is_some(),
        ))
    }

    async fn council_workspace(
        &self,
        email: Option<&str>,
        slug: &str,
        council: &str,
    ) -> Result<Option<CouncilWorkspace>, BackendError> {
        let pool = &self.db.pool;
        let Some(round) = council_db::round(pool, slug, council).await.map_err(fail)? else {
            return Ok(None);
        };
        let (viewer, user_id) = self.viewer(email).await?;
        let council_id = CouncilId(round.council_id);
        let card = round_card(&round)?;
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
                mine: Some(c.author_id) == user_id,
            })
            .collect();
        let blocks = crate::hearing::pages::block_choices(pool, round.version_id).await?;
        let revisions = council_db::revisions(pool, round.id).await.map_err(fail)?;
        let joint = council_db::joint_of(&round, &revisions);
        let mut people: Vec<(i64, String)> = revisions
            .iter()
            .map(|r| (r.author_id, r.author.clone()))
            .collect();
        if let Some(by) = round.submitted_by {
            let who = crate::auth::db::display_name_of(pool, by)
                .await
                .map_err(fail)?;
            people.push((by, who.unwrap_or_default()));
        }
        people.sort();
        people.dedup();
        let member = is_member(&viewer, council_id);
        let chair = match user_id {
            Some(id) if member => council_db::is_chair(pool, round.council_id, id)
                .await
                .map_err(fail)?,
            _ => false,
        };
        let today = hoering::calendar::today();
        let submit_refusal = match super::window_of(&round) {
            Some(window) => may_submit(&viewer, council_id, chair, &window, today, &joint).err(),
            None => Some(SubmitRefusal::NotMember),
        };
        let published = round.discussion_published_at.is_some();
        let publish_refusal =
            may_publish_discussion(&viewer, council_id, chair, &card.state, &joint, published)
                .err();
        let response_status = match round.response_id {
            Some(id) => council_db::response_status(pool, id)
                .await
                .map_err(fail)?
                .as_deref()
                .map(crate::backend::stored::moderation)
                .transpose()?,
            None => None,
        };
        Ok(Some(CouncilWorkspace {
            may_comment: may_comment(&viewer, council_id, &card.state),
            may_edit: may_edit_joint(&viewer, council_id, &card.state) && joint.submitted.is_none(),
            round: card,
            blocks,
            comments,
            joint,
            people,
            member,
            chair,
            submit_refusal,
            publish_refusal,
            response_status,
            published,
        }))
    }
}

impl DbBackend {
    /// The reader as the core's rules see them, and their user id; no session is anonymous.
    async fn viewer(&self, email: Option<&str>) -> Result<(Viewer, Option<i64>), BackendError> {
        let pool = &self.db.pool;
        let Some(email) = email else {
            return Ok((Viewer::Anonymous, None));
        };
        match crate::auth::db::find_credentials(pool, email)
            .await
            .map_err(fail)?
        {
            Some((user, _)) => Ok((
                super::viewer_of(pool, &user).await.map_err(fail)?,
                Some(user.id),
            )),
            None => Ok((Viewer::Anonymous, None)),
        }
    }
}

pub fn round_card(r: &council_db::RoundRow) -> Result<RoundCard, BackendError> {
    let day = |s: &str| {
        s.parse::<jiff::civil::Date>()
            .map_err(|e| fail(format!("stored round day {s:?}: {e}")))
    };
    Ok(RoundCard {
        hearing_slug: r.hearing_slug.clone(),
        hearing_title: r.hearing_title.clone(),
        council_slug: r.council_slug.clone(),
        council_name: r.council_name.clone(),
        opens: day(&r.opens)?,
        closes: day(&r.closes)?,
        state: super::state_of(r),
    })
}
