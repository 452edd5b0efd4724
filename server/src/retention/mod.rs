//! How long each hearing keeps its senders' personal data, and the erasure when that runs out.
//!
//! The rule is the core's ([`hoering::privacy::retention`]); housekeeping runs [`erase_due`]
//! every round, `hoering retention [--dry-run]` runs or lists it by hand, and the clerk picks a
//! hearing's months on the høringsnotat page ([`forms::set_months`]). What stays after the
//! erasure: the published words (a private person's as "Privatperson"), organisations' names,
//! the counts, the høringsnotat and the journal.

pub mod db;
pub mod forms;

use db::RetentionRow;
use hoering::privacy::retention::{Erased, RetentionChoices, RetentionMonths, RetentionStart};
use jiff::civil::Date;
use sqlx::AnyPool;

/// One hearing's rule and where it stands.
#[derive(Debug, Clone)]
pub struct Plan {
    pub hearing_id: i64,
    pub slug: String,
    pub title: String,
    /// The hearing's own choice, `None` for the municipality's default.
    pub chosen: Option<RetentionMonths>,
    pub months: RetentionMonths,
    pub start: RetentionStart,
    /// The first day the personal data may no longer be kept.
    pub due: Date,
    /// When the erasure ran (Unix seconds).
    pub erased_at: Option<i64>,
}

impl Plan {
    /// `None` while the hearing is still open: nothing counts down before it closes.
    pub fn of(row: &RetentionRow, choices: &RetentionChoices, now: i64) -> Option<Plan> {
        if row.closes_at > now {
            return None;
        }
        let closed_on = hoering::calendar::local_day(row.closes_at);
        // A road that cannot be read has no decision to count from; the hearing's end is the
        // earlier day, so the data never stays longer than promised.
        let decided_on = row
            .road
            .as_deref()
            .and_then(|road| serde_json::from_str::<hoering::process::Road>(road).ok())
            .and_then(|road| road.decided_on());
        let start = RetentionStart::of(closed_on, decided_on);
        let chosen = chosen_months(row);
        let months = chosen.unwrap_or(choices.default_months());
        Some(Plan {
            hearing_id: row.id,
            slug: row.slug.clone(),
            title: row.title.clone(),
            chosen,
            months,
            start,
            due: start.due(months),
            erased_at: row.personal_data_erased_at,
        })
    }

    pub fn is_due(&self, today: Date) -> bool {
        self.erased_at.is_none() && today >= self.due
    }
}

/// The months a hearing chose; a stored value outside the rule's range counts as none.
pub fn chosen_months(row: &RetentionRow) -> Option<RetentionMonths> {
    row.retention_months
        .and_then(|m| u16::try_from(m).ok())
        .and_then(|m| RetentionMonths::new(m).ok())
}

/// Every closed hearing's plan, with what its erasure would clear today.
pub async fn plans(
    pool: &AnyPool,
    choices: &RetentionChoices,
    now: i64,
) -> Result<Vec<(Plan, Erased)>, sqlx::Error> {
    let mut out = Vec::new();
    for row in db::hearings(pool).await? {
        if let Some(plan) = Plan::of(&row, choices, now) {
            let pending = db::pending(pool, plan.hearing_id).await?;
            out.push((plan, pending));
        }
    }
    Ok(out)
}

/// Erases the personal data of every hearing whose retention has run out; returns each one
/// erased with its counts.
pub async fn erase_due(
    pool: &AnyPool,
    choices: &RetentionChoices,
    now: i64,
    actor: Option<i64>,
) -> Result<Vec<(Plan, Erased)>, sqlx::Error> {
    let today = hoering::calendar::local_day(now);
    let mut done = Vec::new();
    for row in db::hearings(pool).await? {
        let Some(plan) = Plan::of(&row, choices, now) else {
            continue;
        };
        if plan.is_due(today) {
            let erased = db::erase(pool, plan.hearing_id, actor).await?;
            done.push((plan, erased));
        }
    }
    Ok(done)
}

/// The clerk's section on the høringsnotat page: the rule, its day, and what it will erase.
pub async fn view(
    pool: &AnyPool,
    choices: &RetentionChoices,
    slug: &str,
    now: i64,
) -> Result<Option<app::retention::RetentionView>, sqlx::Error> {
    let Some(row) = db::hearing(pool, slug).await? else {
        return Ok(None);
    };
    let plan = Plan::of(&row, choices, now);
    let pending = match row.personal_data_erased_at {
        Some(_) => Erased::default(),
        None => db::pending(pool, row.id).await?,
    };
    Ok(Some(app::retention::RetentionView {
        chosen: chosen_months(&row).map(RetentionMonths::get),
        default_months: choices.default_months().get(),
        choices: choices.all().iter().map(|m| m.get()).collect(),
        start: plan.as_ref().map(|p| p.start),
        due: plan.as_ref().map(|p| p.due),
        erased_on: row
            .personal_data_erased_at
            .map(hoering::calendar::local_day),
        pending,
    }))
}
