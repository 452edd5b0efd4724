//! Policies on their road to the Byråd vote: the road's storage and journal, the clerk's steps
//! and decisions, the public's questions answered within 10 working days, and the feeds. The
//! rules live in the core ([`hoering::process`]); here are their storage, forms and pages.

pub mod db;
pub mod feeds;
pub mod forms;
pub mod pages;

use crate::db::Db;
use db::{Actor, HearingToOpen, RoadDbError};
use hoering::calendar::Calendar;
use hoering::hearing::HearingWindow;
use hoering::process::{Action, Refusal, Stage, Step};
use jiff::civil::Date;
use std::collections::BTreeMap;

/// The hearing window asked for with a step that opens a hearing.
#[derive(Debug, Clone, Copy)]
pub enum WindowRequest {
    /// From the first day to the last (the deadline), both inclusive.
    Dates { opens: Date, closes: Date },
    /// "N hverdage": the deadline is the `days`th working day after `opens`.
    WorkingDays { opens: Date, days: u32 },
}

impl WindowRequest {
    /// The window in the municipality's `calendar`, or the field that is wrong.
    pub fn window(
        &self,
        calendar: &Calendar,
    ) -> Result<HearingWindow, (&'static str, &'static str)> {
        let (opens, closes) = match *self {
            WindowRequest::Dates { opens, closes } => (opens, closes),
            WindowRequest::WorkingDays { opens, days } => {
                if days == 0 {
                    return Err(("working_days", "invalid"));
                }
                (opens, calendar.deadline_after_working_days(opens, days))
            }
        };
        if closes < opens {
            return Err(("closes", "order"));
        }
        HearingWindow::from_local_dates(opens, closes).map_err(|_| ("closes", "invalid"))
    }
}

/// A step a clerk (or the command line) asks of a policy's road.
#[derive(Debug, Clone)]
pub struct StepRequest {
    pub action: Action,
    /// The day the step happened.
    pub on: Date,
    /// Needed when the step opens a hearing.
    pub window: Option<WindowRequest>,
    /// The road's revision the clerk saw; `None` takes the newest (the command line).
    pub revision: Option<i64>,
}

#[derive(Debug, thiserror::Error)]
pub enum StepError {
    #[error("no policy with that address")]
    NotFound,
    #[error("the road refuses the step: {0}")]
    Refused(Refusal),
    #[error("the road was changed by someone else in the meantime")]
    Conflict,
    /// Fields of the request that are missing or wrong (field name to error code).
    #[error("the request has mistakes: {0:?}")]
    Fields(BTreeMap<String, String>),
    #[error(transparent)]
    Store(RoadDbError),
}

impl From<RoadDbError> for StepError {
    fn from(e: RoadDbError) -> Self {
        match e {
            RoadDbError::Conflict => StepError::Conflict,
            other => StepError::Store(other),
        }
    }
}

impl From<sqlx::Error> for StepError {
    fn from(e: sqlx::Error) -> Self {
        StepError::Store(RoadDbError::Sql(e))
    }
}

/// What a step did.
#[derive(Debug, Clone)]
pub struct StepDone {
    pub stage: Stage,
    /// The address of the hearing it opened.
    pub opened_hearing: Option<String>,
}

fn field(name: &str, code: &str) -> StepError {
    StepError::Fields([(name.to_string(), code.to_string())].into())
}

/// Takes `request` on the road of policy `slug`: the core decides, the database stores the
/// road, its journal entry and any hearing opened, together.
pub async fn take_step(
    db: &Db,
    calendar: &Calendar,
    slug: &str,
    request: StepRequest,
    actor: &Actor,
) -> Result<StepDone, StepError> {
    let policy = db::by_slug(&db.pool, slug)
        .await?
        .ok_or(StepError::NotFound)?;
    if request.revision.is_some_and(|r| r != policy.revision) {
        return Err(StepError::Conflict);
    }
    if let Action::FreezeVersion { number } = request.action {
        let exists = crate::version::db::by_number(&db.pool, policy.id, i64::from(number)).await?;
        if exists.is_none() {
            return Err(field("version", "not_found"));
        }
    }
    let road = policy.road()?;
    // Leaving Høring waits for the deadline promised to the public.
    if road.stage() == Stage::Hearing
        && matches!(request.action, Action::Advance { .. })
        && let Some(last_day) = open_hearing_last_day(db, policy.id).await?
    {
        hoering::process::hearing_may_close(request.on, last_day).map_err(StepError::Refused)?;
    }
    let after = road
        .after(request.action.clone(), request.on)
        .map_err(StepError::Refused)?;
    // The steps this action added; a hearing opened among them needs its window.
    let opened_on = after
        .history()
        .get(road.history().len()..)
        .unwrap_or_default()
        .iter()
        .find_map(|step| match step {
            Step::HearingOpened { version, .. } => Some(*version),
            _ => None,
        });
    let hearing = match opened_on {
        Some(version) => {
            let window = request
                .window
                .ok_or_else(|| field("closes", "required"))?
                .window(calendar)
                .map_err(|(name, code)| field(name, code))?;
            Some(HearingToOpen {
                version,
                opens_at: window.opens().as_second(),
                closes_at: window.closes().as_second(),
            })
        }
        None => None,
    };
    let what = serde_json::to_value(&request.action).map_err(RoadDbError::from)?;
    let opened =
        db::save_step(&db.pool, &policy, &after, &what, request.on, actor, hearing).await?;
    tracing::info!(policy = %slug, stage = after.stage().as_str(), "road step taken");
    Ok(StepDone {
        stage: after.stage(),
        opened_hearing: opened,
    })
}

/// The last day (the deadline, in Copenhagen) of the policy's newest hearing.
pub async fn open_hearing_last_day(db: &Db, policy_id: i64) -> Result<Option<Date>, StepError> {
    let hearings = crate::hearing::db::of_policy(&db.pool, policy_id).await?;
    let Some(newest) = hearings.last() else {
        return Ok(None);
    };
    let closes = jiff::Timestamp::from_second(newest.closes_at).map_err(RoadDbError::from)?;
    // The hearing's deadline as its page shows it: the local day of its closing instant.
    Ok(Some(hoering::calendar::local_date_of(closes)))
}

/// Sets (or clears) the planned date of a stage of policy `slug`'s road.
pub async fn plan_stage(
    db: &Db,
    slug: &str,
    stage: Stage,
    planned: Option<Date>,
    revision: Option<i64>,
    actor: &Actor,
) -> Result<(), StepError> {
    let policy = db::by_slug(&db.pool, slug)
        .await?
        .ok_or(StepError::NotFound)?;
    if revision.is_some_and(|r| r != policy.revision) {
        return Err(StepError::Conflict);
    }
    let mut road = policy.road()?;
    road.plan(stage, planned).map_err(StepError::Refused)?;
    let what = serde_json::json!({
        "action": "plan",
        "stage": stage,
        "planned": planned.map(|d| d.to_string()),
    });
    let today = hoering::calendar::today();
    db::save_step(&db.pool, &policy, &road, &what, today, actor, None).await?;
    Ok(())
}
