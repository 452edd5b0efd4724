//! What the policy pages read: the list, a policy's home with its road, the clerk's view with
//! what may be done next, and the clerk's dashboard.

use super::db::{self as policy_db, InquiryRow, PolicyRow};
use crate::backend::{DbBackend, fail};
use crate::hearing::db as hearing_db;
use crate::hearing::pages::card as hearing_card;
use crate::version::db as version_db;
use app::backend::{BackendError, PolicyReads};
use app::policy::Dashboard;
use app::policy::DecisionView;
use app::policy::DueStage;
use app::policy::InquiryFigures;
use app::policy::InquiryView;
use app::policy::JournalView;
use app::policy::PolicyAdminView;
use app::policy::PolicyCard;
use app::policy::PolicyVersion;
use app::policy::PolicyView;
use app::policy::StageDocument;
use hoering::calendar::{Calendar, local_day, today};
use hoering::hearing::HearingState;
use hoering::process::ActionKind;
use hoering::process::RoadState;
use hoering::process::Stage;
use hoering::process::Template;
use hoering::process::{Inquiry, Road, Step, on_time_share_at};
use jiff::ToSpan;
use jiff::civil::Date;

fn road_of(row: &PolicyRow) -> Result<Road, BackendError> {
    row.road().map_err(fail)
}

pub fn policy_card(row: &PolicyRow, road: &Road) -> PolicyCard {
    PolicyCard {
        slug: row.slug.clone(),
        title: row.title.clone(),
        committee: row.committee.clone(),
        state: road.state(),
        adoption: road.adoption(),
    }
}

/// The core's inquiry from a stored row; a row whose dates do not read is a failure.
pub fn inquiry_of(row: &InquiryRow) -> Result<Inquiry, BackendError> {
    let day = |s: &str| s.parse::<Date>().map_err(fail);
    Ok(Inquiry {
        received: day(&row.received)?,
        due: day(&row.due)?,
        answered: row.answered.as_deref().map(day).transpose()?,
    })
}

pub fn inquiry_view(
    row: &InquiryRow,
    slug: &str,
    title: &str,
    today: Date,
    calendar: &Calendar,
) -> Result<InquiryView, BackendError> {
    let inquiry = inquiry_of(row)?;
    Ok(InquiryView {
        id: row.id,
        policy_slug: slug.to_string(),
        policy_title: title.to_string(),
        name: row.name.clone(),
        email: row.email.clone(),
        question: row.question.clone(),
        received: inquiry.received,
        due: inquiry.due,
        answered: inquiry.answered,
        answer: row.answer.clone(),
        status: inquiry.status(today, calendar),
    })
}

/// Every decision on the road, in the order taken.
pub fn decisions(road: &Road) -> Vec<DecisionView> {
    road.history()
        .iter()
        .filter_map(|step| match step {
            Step::Decided {
                stage, decision, ..
            } => Some(DecisionView {
                stage: *stage,
                decision: decision.clone(),
            }),
            _ => None,
        })
        .collect()
}

impl DbBackend {
    async fn view_of(&self, row: &PolicyRow, road: &Road) -> Result<PolicyView, BackendError> {
        let pool = &self.db.pool;
        let adopted = road.adoption().map(|a| i64::from(a.version));
        let versions = version_db::versions_of_policy(pool, row.id)
            .await
            .map_err(fail)?
            .into_iter()
            .map(|v| PolicyVersion {
                frozen: u32::try_from(v.number).is_ok_and(|n| road.frozen_versions().contains(&n)),
                adopted: adopted == Some(v.number),
                created: local_day(v.created_at),
                number: v.number,
                label: v.label,
                note: v.note,
            })
            .collect();
        let hearings = hearing_db::of_policy(pool, row.id)
            .await
            .map_err(fail)?
            .iter()
            .map(hearing_card)
            .collect();
        let today = today();
        let inquiries = policy_db::inquiries_of(pool, row.id)
            .await
            .map_err(fail)?
            .iter()
            .map(inquiry_of)
            .collect::<Result<Vec<_>, _>>()?;
        let figures = InquiryFigures {
            received: inquiries.len() as i64,
            answered: inquiries.iter().filter(|i| i.answered.is_some()).count() as i64,
            on_time_share: on_time_share_at(&inquiries, today),
        };
        let documents = policy_db::documents_of(pool, row.id)
            .await
            .map_err(fail)?
            .into_iter()
            .filter_map(|d| {
                Some(StageDocument {
                    stage: Stage::parse(&d.stage)?,
                    title: d.title,
                    url: d.url,
                })
            })
            .collect();
        Ok(PolicyView {
            card: policy_card(row, road),
            contact: row.contact.clone(),
            timeline: road.timeline(),
            versions,
            hearings,
            decisions: decisions(road),
            documents,
            inquiries: figures,
            inquiry_due_if_asked_today: Inquiry::new(today, &self.calendar).due,
            meetings: crate::meeting::db::of_policy(&self.db.pool, row.id)
                .await
                .map_err(fail)?
                .iter()
                .map(crate::meeting::pages::card)
                .collect(),
        })
    }
}

#[async_trait::async_trait]
impl PolicyReads for DbBackend {
    async fn policies(&self, query: Option<&str>) -> Result<Vec<PolicyCard>, BackendError> {
        let rows = policy_db::list(&self.db.pool).await.map_err(fail)?;
        let query = query
            .map(|q| q.trim().to_lowercase())
            .filter(|q| !q.is_empty());
        let mut cards = Vec::new();
        for row in &rows {
            if let Some(q) = &query
                && !row.title.to_lowercase().contains(q)
                && !row.committee.to_lowercase().contains(q)
            {
                continue;
            }
            cards.push(policy_card(row, &road_of(row)?));
        }
        Ok(cards)
    }

    async fn policy(&self, slug: &str) -> Result<Option<PolicyView>, BackendError> {
        let Some(row) = policy_db::by_slug(&self.db.pool, slug)
            .await
            .map_err(fail)?
        else {
            return Ok(None);
        };
        let road = road_of(&row)?;
        Ok(Some(self.view_of(&row, &road).await?))
    }

    async fn admin_policy(&self, slug: &str) -> Result<Option<PolicyAdminView>, BackendError> {
        let pool = &self.db.pool;
        let Some(row) = policy_db::by_slug(pool, slug).await.map_err(fail)? else {
            return Ok(None);
        };
        let road = road_of(&row)?;
        let policy = self.view_of(&row, &road).await?;
        let today = today();
        let inquiries = policy_db::inquiries_of(pool, row.id)
            .await
            .map_err(fail)?
            .iter()
            .rev()
            .map(|i| inquiry_view(i, &row.slug, &row.title, today, &self.calendar))
            .collect::<Result<_, _>>()?;
        let journal = policy_db::journal_of(pool, row.id)
            .await
            .map_err(fail)?
            .into_iter()
            .map(|(what, on, actor, at)| {
                Ok(JournalView {
                    action: serde_json::from_str(&what).ok(),
                    what,
                    on: on.parse().map_err(fail)?,
                    actor,
                    recorded: hoering::calendar::local_minute(at),
                })
            })
            .collect::<Result<_, BackendError>>()?;
        let template = road.template();
        let mut choices = road.choices();
        // The hearing's deadline, which the road does not know, holds the policy in Høring.
        if road.stage() == Stage::Hearing
            && let Some(last_day) = super::open_hearing_last_day(&self.db, row.id)
                .await
                .map_err(fail)?
            && let Err(refusal) = hoering::process::hearing_may_close(today, last_day)
        {
            for c in choices.iter_mut() {
                if c.kind == ActionKind::Advance && c.refused.is_none() {
                    c.refused = Some(refusal);
                }
            }
        }
        Ok(Some(PolicyAdminView {
            policy,
            choices,
            stages: template.stages.iter().map(|s| s.stage).collect(),
            template: (template.name.clone(), template.version),
            revision: row.revision,
            last_step: road.last_date(),
            today,
            inquiries,
            journal,
        }))
    }

    async fn templates(&self) -> Result<Vec<Template>, BackendError> {
        policy_db::templates(&self.db.pool).await.map_err(fail)
    }

    async fn dashboard(&self) -> Result<Dashboard, BackendError> {
        let pool = &self.db.pool;
        let today = today();
        let week = today.checked_add(7.days()).map_err(fail)?;
        let rows = policy_db::list(pool).await.map_err(fail)?;
        let mut by_stage: Vec<(Stage, Vec<PolicyCard>)> = Vec::new();
        let mut due = Vec::new();
        for row in &rows {
            let road = road_of(row)?;
            let RoadState::InProgress { stage } = road.state() else {
                continue;
            };
            match by_stage.iter_mut().find(|(s, _)| *s == stage) {
                Some((_, cards)) => cards.push(policy_card(row, &road)),
                None => by_stage.push((stage, vec![policy_card(row, &road)])),
            }
            // Planned stages not yet reached whose day is within the week, or already past.
            for s in road.template().stages.iter().map(|s| s.stage) {
                if s > stage
                    && let Some(planned) = road.planned(s)
                    && planned <= week
                {
                    due.push(DueStage {
                        slug: row.slug.clone(),
                        title: row.title.clone(),
                        stage: s,
                        planned,
                    });
                }
            }
        }
        by_stage.sort_by_key(|(s, _)| *s);
        due.sort_by_key(|d| d.planned);
        let titles: std::collections::HashMap<i64, (&str, &str)> = rows
            .iter()
            .map(|r| (r.id, (r.slug.as_str(), r.title.as_str())))
            .collect();
        let mut inquiries = Vec::new();
        for i in policy_db::open_inquiries(pool).await.map_err(fail)? {
            let (slug, title) = titles.get(&i.policy_id).copied().unwrap_or(("", ""));
            inquiries.push(inquiry_view(&i, slug, title, today, &self.calendar)?);
        }
        let soon = jiff::Timestamp::now()
            .checked_add(jiff::SignedDuration::from_hours(14 * 24))
            .map_err(fail)?
            .as_second();
        let closing_soon = hearing_db::list(pool)
            .await
            .map_err(fail)?
            .iter()
            .filter(|h| h.closes_at <= soon)
            .map(hearing_card)
            .filter(|c| c.state == HearingState::Open)
            .collect();
        Ok(Dashboard {
            by_stage,
            due,
            inquiries,
            closing_soon,
        })
    }
}
