//! What the council pages read: the councils and their members, for the admin.

use super::db as council_db;
use crate::backend::{DbBackend, fail};
use app::backend::{BackendError, CouncilReads};
use app::model::{CouncilHome, CouncilMember, CouncilView};

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
            });
        };
        Ok(CouncilHome {
            councils: council_db::of_user(pool, user.id)
                .await
                .map_err(fail)?
                .into_iter()
                .map(|(c, chair)| (c.name, chair))
                .collect(),
        })
    }
}
