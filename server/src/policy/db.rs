//! Policies and their roads in the database: the road as the core's JSON with a revision that
//! guards against two clerks acting at once, the journal of every step, the process templates,
//! and the public's questions (inquiries).

use crate::db::{self, now};
use crate::hearing::NewHearing;
use hoering::process::{Road, RoadState, StartReason, Template, TemplateStage};
use jiff::civil::Date;
use sqlx::{Any, AnyPool, Transaction};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("a hearing or policy with the address {0} exists already")]
    SlugTaken(String),
    #[error(transparent)]
    Road(#[from] RoadDbError),
    #[error(transparent)]
    Sql(#[from] sqlx::Error),
}

/// Stores a new draft: the policy, version 1, its sections and blocks, its road, and the
/// hearing if it has a window, all or nothing. Returns the hearing's id, if one was made.
#[tracing::instrument(skip(pool, hearing, actor), fields(slug = %hearing.slug.as_ref()))]
pub async fn store_draft(
    pool: &AnyPool,
    hearing: &NewHearing,
    actor: &Actor,
) -> Result<Option<i64>, StoreError> {
    let slug = hearing.slug.as_ref();
    let mut tx = crate::db::begin_write(pool).await?;
    let taken: i64 = sqlx::query_scalar(
        "SELECT (SELECT COUNT(*) FROM policies WHERE slug = $1) + (SELECT COUNT(*) FROM hearings WHERE slug = $1)",
    )
    .bind(slug)
    .fetch_one(&mut *tx)
    .await?;
    if taken > 0 {
        return Err(StoreError::SlugTaken(slug.to_string()));
    }
    let now = now();
    let policy_id: i64 = sqlx::query_scalar(
        "INSERT INTO policies (slug, title, committee, contact, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(slug)
    .bind(&hearing.title)
    .bind(&hearing.committee)
    .bind(&hearing.contact)
    .bind(now)
    .fetch_one(&mut *tx)
    .await?;
    let version_id: i64 = sqlx::query_scalar(
        "INSERT INTO versions (policy_id, number, label, note, markdown, created_at) VALUES ($1, 1, $2, '', $3, $4) RETURNING id",
    )
    .bind(policy_id)
    .bind(&hearing.version_label)
    .bind(&hearing.markdown)
    .bind(now)
    .fetch_one(&mut *tx)
    .await?;
    crate::version::db::insert_blocks(&mut tx, version_id, &hearing.document, None).await?;
    let template = template_for(&mut tx, &hearing.committee).await?;
    let opens_at = hearing.window.as_ref().map(|w| (w.opens().as_second(), 1));
    let (road, why) = start_road(template, now, opens_at)?;
    insert_road(&mut tx, policy_id, &road, why, actor).await?;
    let Some(window) = &hearing.window else {
        tx.commit().await?;
        return Ok(None);
    };
    let hearing_id = crate::hearing::db::insert_hearing(
        &mut tx,
        policy_id,
        version_id,
        slug,
        window.opens().as_second(),
        window.closes().as_second(),
    )
    .await?;
    tx.commit().await?;
    Ok(Some(hearing_id))
}

#[derive(Debug, thiserror::Error)]
pub enum RoadDbError {
    #[error("the road was changed by someone else in the meantime")]
    Conflict,
    #[error("a stored road or template does not read")]
    Json(#[from] serde_json::Error),
    #[error("a stored date does not read")]
    Date(#[from] jiff::Error),
    #[error("a stored template is not valid: {0}")]
    Template(#[from] hoering::process::TemplateError),
    #[error("the policy has no version {0}")]
    NoSuchVersion(u32),
    #[error(transparent)]
    Sql(#[from] sqlx::Error),
    #[error(transparent)]
    Mail(#[from] crate::mail::MailError),
}

/// A policy with its road.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PolicyRow {
    pub id: i64,
    pub slug: String,
    pub title: String,
    pub committee: String,
    pub contact: String,
    pub road: String,
    pub revision: i64,
    pub updated_at: i64,
}

impl PolicyRow {
    pub fn road(&self) -> Result<Road, RoadDbError> {
        Ok(serde_json::from_str(&self.road)?)
    }
}

const POLICY_SELECT: &str = "SELECT p.id, p.slug, p.title, p.committee, p.contact, r.road,
        r.revision, r.updated_at
    FROM policies p JOIN roads r ON r.policy_id = p.id";

db::reads! {
    pub fn list() -> Vec<PolicyRow> = db::select(POLICY_SELECT, "ORDER BY p.title, p.id");

    pub fn by_slug(slug: &str) -> Option<PolicyRow> =
        db::select(POLICY_SELECT, "WHERE p.slug = $1");
}

type AnyQuery<'q> = sqlx::query::Query<'q, Any, sqlx::any::AnyArguments>;

/// Binds `$1`–`$6` of a query that stores a road: the road as JSON, then the columns copied out
/// of it for lists that filter without reading JSON (stage, state, adoption day and version),
/// then the time of the change.
fn bind_road<'q>(query: AnyQuery<'q>, road: &Road) -> Result<AnyQuery<'q>, serde_json::Error> {
    let state = match road.state() {
        RoadState::InProgress { .. } => "in_progress",
        RoadState::Rejected { .. } => "rejected",
        RoadState::Published { .. } => "published",
    };
    let adoption = road.adoption();
    Ok(query
        .bind(serde_json::to_string(road)?)
        .bind(road.stage().as_str())
        .bind(state)
        .bind(adoption.map(|a| a.meeting_date.to_string()))
        .bind(adoption.map(|a| i64::from(a.version)))
        .bind(now()))
}

/// Who asked for a change of a road, for the journal.
#[derive(Debug, Clone)]
pub struct Actor {
    pub user_id: Option<i64>,
    /// The member of staff's e-mail, or `cli` or `system`.
    pub name: String,
}

impl Actor {
    pub fn of(user: &crate::auth::db::User) -> Actor {
        Actor {
            user_id: Some(user.id),
            name: user.email.clone(),
        }
    }

    pub fn cli() -> Actor {
        Actor {
            user_id: None,
            name: "cli".into(),
        }
    }

    pub fn system() -> Actor {
        Actor {
            user_id: None,
            name: "system".into(),
        }
    }
}

async fn journal(
    tx: &mut Transaction<'_, Any>,
    policy_id: i64,
    what: &serde_json::Value,
    on: Date,
    actor: &Actor,
) -> Result<(), RoadDbError> {
    sqlx::query(
        "INSERT INTO road_journal (policy_id, action, on_date, user_id, actor, created_at)
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(policy_id)
    .bind(serde_json::to_string(what)?)
    .bind(on.to_string())
    .bind(actor.user_id)
    .bind(&actor.name)
    .bind(now())
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Stores a new policy's road (inside the transaction that made the policy).
pub async fn insert_road(
    tx: &mut Transaction<'_, Any>,
    policy_id: i64,
    road: &Road,
    why: StartReason,
    actor: &Actor,
) -> Result<(), RoadDbError> {
    let template = road.template_ref();
    bind_road(
        sqlx::query(
            "INSERT INTO roads (road, stage, state, adopted_on, adopted_version, updated_at,
                policy_id, template_name, template_version, revision)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 0)",
        ),
        road,
    )?
    .bind(policy_id)
    .bind(&template.name)
    .bind(i64::from(template.version))
    .execute(&mut **tx)
    .await?;
    let what = serde_json::json!({
        "action": "road_started",
        "reason": why.code(),
        "stage": road.stage().as_str(),
    });
    journal(tx, policy_id, &what, road.last_date(), actor).await
}

/// A hearing that a step opens: on which version, from when to when (Unix seconds).
#[derive(Debug, Clone, Copy)]
pub struct HearingToOpen {
    pub version: u32,
    pub opens_at: i64,
    pub closes_at: i64,
}

/// Stores `road` as the policy's road if nobody changed it since `revision`, journals `what`,
/// and opens the hearing the step opened, all or nothing. Returns the opened hearing's slug.
pub async fn save_step(
    pool: &AnyPool,
    policy: &PolicyRow,
    road: &Road,
    what: &serde_json::Value,
    on: Date,
    actor: &Actor,
    hearing: Option<HearingToOpen>,
) -> Result<Option<String>, RoadDbError> {
    let mut tx = crate::db::begin_write(pool).await?;
    let changed = bind_road(
        sqlx::query(
            "UPDATE roads SET road = $1, stage = $2, state = $3, adopted_on = $4,
                adopted_version = $5, updated_at = $6, revision = revision + 1
             WHERE policy_id = $7 AND revision = $8",
        ),
        road,
    )?
    .bind(policy.id)
    .bind(policy.revision)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if changed != 1 {
        return Err(RoadDbError::Conflict);
    }
    journal(&mut tx, policy.id, what, on, actor).await?;
    let mut opened = None;
    if let Some(h) = hearing {
        let version_id: i64 =
            sqlx::query_scalar("SELECT id FROM versions WHERE policy_id = $1 AND number = $2")
                .bind(policy.id)
                .bind(i64::from(h.version))
                .fetch_optional(&mut *tx)
                .await?
                .ok_or(RoadDbError::NoSuchVersion(h.version))?;
        let earlier: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM hearings WHERE policy_id = $1")
            .bind(policy.id)
            .fetch_one(&mut *tx)
            .await?;
        // The first hearing has the policy's address; a later round gets its number.
        let slug = if earlier == 0 {
            policy.slug.clone()
        } else {
            format!("{}-{}", policy.slug, earlier + 1)
        };
        crate::hearing::db::insert_hearing(
            &mut tx,
            policy.id,
            version_id,
            &slug,
            h.opens_at,
            h.closes_at,
        )
        .await?;
        opened = Some(slug);
    }
    tx.commit().await?;
    Ok(opened)
}

db::reads! {
    /// The journal of a policy's road, oldest first: (what as JSON, dated, by whom, recorded at).
    pub fn journal_of(policy_id: i64) -> Vec<(String, String, String, i64)> =
        "SELECT action, on_date, actor, created_at FROM road_journal WHERE policy_id = $1 ORDER BY id";
}

#[derive(Debug, Clone, sqlx::FromRow)]
struct TemplateRow {
    name: String,
    version: i64,
    committee: String,
    stages: String,
}

impl TemplateRow {
    fn template(&self) -> Result<Template, RoadDbError> {
        let stages: Vec<TemplateStage> = serde_json::from_str(&self.stages)?;
        Ok(Template {
            name: self.name.clone(),
            committee: self.committee.clone(),
            version: u32::try_from(self.version).unwrap_or(1),
            stages,
        })
    }
}

/// The newest version of the template for `committee`'s policies; the default road, stored as
/// version 1, when the committee has none yet.
pub async fn template_for(
    tx: &mut Transaction<'_, Any>,
    committee: &str,
) -> Result<Template, RoadDbError> {
    let row: Option<TemplateRow> = sqlx::query_as(
        "SELECT name, version, committee, stages FROM process_templates
         WHERE committee = $1 ORDER BY version DESC LIMIT 1",
    )
    .bind(committee)
    .fetch_optional(&mut **tx)
    .await?;
    if let Some(row) = row {
        return row.template();
    }
    let template = Template::default_for(committee);
    insert_template(tx, &template, None).await?;
    Ok(template)
}

async fn insert_template(
    tx: &mut Transaction<'_, Any>,
    template: &Template,
    user_id: Option<i64>,
) -> Result<(), RoadDbError> {
    sqlx::query(
        "INSERT INTO process_templates (name, version, committee, stages, created_at, created_by)
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(&template.name)
    .bind(i64::from(template.version))
    .bind(&template.committee)
    .bind(serde_json::to_string(&template.stages)?)
    .bind(now())
    .bind(user_id)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// The newest version of every template, by name.
pub async fn templates(pool: &AnyPool) -> Result<Vec<Template>, RoadDbError> {
    let rows: Vec<TemplateRow> = sqlx::query_as(
        "SELECT t.name, t.version, t.committee, t.stages FROM process_templates t
         WHERE t.version = (SELECT MAX(u.version) FROM process_templates u WHERE u.name = t.name)
         ORDER BY t.name",
    )
    .fetch_all(pool)
    .await?;
    rows.iter().map(TemplateRow::template).collect()
}

/// Stores an edited template as its next version; refused as a conflict when someone stored
/// a newer one since `edited` was read. Roads already on their way keep their snapshot.
pub async fn save_template(
    pool: &AnyPool,
    edited: &Template,
    user_id: i64,
) -> Result<(), RoadDbError> {
    let mut tx = crate::db::begin_write(pool).await?;
    let newest: Option<i64> =
        sqlx::query_scalar("SELECT MAX(version) FROM process_templates WHERE name = $1")
            .bind(&edited.name)
            .fetch_one(&mut *tx)
            .await?;
    if newest.unwrap_or(0) + 1 != i64::from(edited.version) {
        return Err(RoadDbError::Conflict);
    }
    insert_template(&mut tx, edited, Some(user_id)).await?;
    tx.commit().await?;
    Ok(())
}

/// Gives every policy that has none a road: one that came in as an open hearing enters at
/// Høring on its hearing's version (`StartReason::DirectHearing`), one without a hearing
/// starts in Udarbejdelse. Returns how many roads were made.
pub async fn backfill(pool: &AnyPool) -> Result<usize, RoadDbError> {
    let missing: Vec<(i64, String, i64)> = sqlx::query_as(
        "SELECT p.id, p.committee, p.created_at FROM policies p
         WHERE NOT EXISTS (SELECT 1 FROM roads r WHERE r.policy_id = p.id) ORDER BY p.id",
    )
    .fetch_all(pool)
    .await?;
    for (policy_id, committee, created_at) in &missing {
        let mut tx = crate::db::begin_write(pool).await?;
        let first: Option<(i64, i64)> = sqlx::query_as(
            "SELECT h.opens_at, v.number FROM hearings h JOIN versions v ON v.id = h.version_id
             WHERE h.policy_id = $1 ORDER BY h.opens_at LIMIT 1",
        )
        .bind(policy_id)
        .fetch_optional(&mut *tx)
        .await?;
        let template = template_for(&mut tx, committee).await?;
        let (road, why) = start_road(template, *created_at, first)?;
        insert_road(&mut tx, *policy_id, &road, why, &Actor::system()).await?;
        tx.commit().await?;
    }
    Ok(missing.len())
}

/// The road a new policy starts on: at Høring when it comes with a hearing (opening at the
/// first of the pair, on the version numbered by the second), else in Udarbejdelse.
pub fn start_road(
    template: Template,
    created_at: i64,
    hearing: Option<(i64, i64)>,
) -> Result<(Road, StartReason), RoadDbError> {
    let day = |t: i64| -> Result<Date, RoadDbError> {
        Ok(hoering::calendar::local_date_of(
            jiff::Timestamp::from_second(t)?,
        ))
    };
    Ok(match hearing {
        Some((opens_at, version)) => (
            Road::opened_as_hearing(
                template,
                day(opens_at)?,
                u32::try_from(version).unwrap_or(1),
            )?,
            StartReason::DirectHearing,
        ),
        None => (Road::new(template, day(created_at)?)?, StartReason::Draft),
    })
}

/// A question from the public.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct InquiryRow {
    pub id: i64,
    pub policy_id: i64,
    pub name: String,
    pub email: String,
    pub question: String,
    pub received: String,
    pub due: String,
    pub answered: Option<String>,
    pub answer: Option<String>,
}

/// A citizen's question about a policy, as asked.
pub struct NewInquiry<'a> {
    pub policy_id: i64,
    pub name: &'a str,
    pub email: &'a str,
    pub question: &'a str,
    pub received: Date,
    pub due: Date,
    /// The language of the page it was asked from: the answer's language.
    pub lang: &'a str,
}

const INQUIRY_SELECT: &str = "SELECT id, policy_id, name, email, question, received, due,
    answered, answer FROM inquiries";

pub async fn insert_inquiry(pool: &AnyPool, inquiry: &NewInquiry<'_>) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO inquiries (policy_id, name, email, question, received, due, created_at, lang)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
    )
    .bind(inquiry.policy_id)
    .bind(inquiry.name)
    .bind(inquiry.email)
    .bind(inquiry.question)
    .bind(inquiry.received.to_string())
    .bind(inquiry.due.to_string())
    .bind(now())
    .bind(inquiry.lang)
    .fetch_one(pool)
    .await
}

db::reads! {
    pub fn inquiries_of(policy_id: i64) -> Vec<InquiryRow> =
        db::select(INQUIRY_SELECT, "WHERE policy_id = $1 ORDER BY id");

    /// Every unanswered inquiry, the earliest due first.
    pub fn open_inquiries() -> Vec<InquiryRow> =
        db::select(INQUIRY_SELECT, "WHERE answered IS NULL ORDER BY due, id");
}

/// Records the answer to an unanswered inquiry; `None` when there is no such inquiry or it was
/// answered already. Returns the policy's slug.
pub async fn answer_inquiry(
    pool: &AnyPool,
    id: i64,
    answer: &str,
    on: Date,
    user_id: i64,
    outbox: &crate::mail::Outbox,
) -> Result<Option<String>, RoadDbError> {
    let mut tx = crate::db::begin_write(pool).await?;
    let changed = sqlx::query(
        "UPDATE inquiries SET answered = $1, answer = $2, answered_by = $3
         WHERE id = $4 AND answered IS NULL",
    )
    .bind(on.to_string())
    .bind(answer)
    .bind(user_id)
    .bind(id)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if changed != 1 {
        return Ok(None);
    }
    let (slug, title, name, email, question, lang): (
        String,
        String,
        String,
        String,
        String,
        String,
    ) = sqlx::query_as(
        "SELECT p.slug, p.title, i.name, i.email, i.question, i.lang
             FROM inquiries i JOIN policies p ON p.id = i.policy_id WHERE i.id = $1",
    )
    .bind(id)
    .fetch_one(&mut *tx)
    .await?;
    // In the language the question was asked in, not the clerk's.
    let mail = app::mail::texts::inquiry_answered(
        app::messages::locale_by_code(&lang).unwrap_or(app::i18n::Locale::da),
        &outbox.sender,
        &hoering::mail::InquiryMail {
            to: &email,
            name: &name,
            policy_title: &title,
            question: &question,
            answer,
            policy_path: &format!("/politikker/{slug}"),
        },
    );
    outbox.put(&mut tx, &mail).await?;
    tx.commit().await?;
    outbox.wake();
    Ok(Some(slug))
}

/// Starts a policy's road afresh on `road` (the demo's road from 2019, or an import of a road
/// run before hoering); journaled like any step.
pub async fn restart_road(
    pool: &AnyPool,
    policy: &PolicyRow,
    road: &Road,
    why: &str,
    actor: &Actor,
) -> Result<(), RoadDbError> {
    let what = serde_json::json!({ "action": "road_restarted", "reason": why });
    save_step(pool, policy, road, &what, road.last_date(), actor, None).await?;
    Ok(())
}

/// A document in a stage's record.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct DocumentRow {
    pub stage: String,
    pub title: String,
    pub url: String,
}

pub async fn add_document(
    pool: &AnyPool,
    policy_id: i64,
    stage: &str,
    title: &str,
    url: &str,
    user_id: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO stage_documents (policy_id, stage, title, url, created_at, created_by)
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(policy_id)
    .bind(stage)
    .bind(title)
    .bind(url)
    .bind(now())
    .bind(user_id)
    .execute(pool)
    .await?;
    Ok(())
}

db::reads! {
    /// A policy's documents, by stage in the order added.
    pub fn documents_of(policy_id: i64) -> Vec<DocumentRow> =
        "SELECT stage, title, url FROM stage_documents WHERE policy_id = $1 ORDER BY id";
}
