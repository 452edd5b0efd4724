//! The admin's council forms: a new council, a member added (or made chair), a member removed.
//! Only users with the council role can be members.

use super::{add_member, db as council_db};
use crate::auth::{Permission, Staff};
use crate::state::AppState;
use crate::web::error::{FieldErrors, WebError, WebResult, one_error};
use crate::web::form::{Form, Line};
use crate::web::redirect::see_other;
use axum::extract::{Path, State};
use hoering::council::{CouncilName, CouncilSlug};
use http::{HeaderMap, StatusCode};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// `POST /admin/raad`: the new council's name.
#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct CouncilForm {
    name: Line,
}

/// A member added (`chair` ticked to make them chair, `display_name` the name they go by, kept
/// if left empty) or removed, by their e-mail address.
#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct MemberForm {
    email: Line,
    display_name: Line,
    chair: Line,
}

/// `POST /raad/navn`: the name a member goes by in the council's room and in public.
#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct NameForm {
    display_name: Line,
}

/// A council's round on a hearing: the council and its window.
#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct RoundForm {
    round_council: Line,
    round_opens: Line,
    round_closes: Line,
}

/// The joint response as a member saved it, and the revision their copy was.
#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct JointForm {
    joint_based_on: Line,
    /// Not trimmed here: the core normalises the text as it would be sent.
    joint_text: String,
}

/// The chair's submission: their name and the revision they read.
#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct SubmitForm {
    submit_name: Line,
    submit_revision: Line,
}

/// The chair's publication of the discussion, confirmed.
#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct PublishForm {
    publish_confirm: Line,
}

fn again(form: &impl Serialize, field: &str, code: &str) -> WebError {
    WebError::refused(app::routes::COUNCILS, form, one_error(field, code))
}

fn admin(staff: Staff) -> Result<(), WebError> {
    staff.may(Permission::ManageCouncils).map(|_| ())
}

/// `POST /admin/raad`: a new council by its name.
pub async fn create(
    State(state): State<AppState>,
    staff: Staff,
    Form(form): Form<CouncilForm>,
) -> WebResult {
    admin(staff)?;
    let name = CouncilName::parse(&form.name)
        .map_err(|e| again(&form, "name", app::forms::error_code(&e)))?;
    let slug = CouncilSlug::from_name(&name).map_err(|_| again(&form, "name", "invalid"))?;
    council_db::create(&state.db.pool, slug.as_str(), name.as_str())
        .await?
        .ok_or_else(|| again(&form, "name", "taken"))?;
    Ok(see_other(app::routes::COUNCILS))
}

/// `POST /admin/raad/{slug}/medlemmer`: a council-role user joins (or is made chair).
pub async fn add(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    staff: Staff,
    Form(form): Form<MemberForm>,
) -> WebResult {
    admin(staff)?;
    let email = form.email.to_lowercase();
    let name = match form.display_name.trim() {
        "" => None,
        typed => Some(hoering::council::MemberName::parse(typed).map_err(|e| {
            again(&form, "display_name", app::forms::error_code(&e)).with_value("council", &slug)
        })?),
    };
    let pool = &state.db.pool;
    match add_member(pool, &slug, &email, form.chair.ticked()).await {
        Ok(()) => {
            if let Some(name) = name
                && let Some((user, _)) = crate::auth::db::find_credentials(pool, &email).await?
            {
                crate::auth::db::set_display_name(pool, user.id, &name).await?;
            }
            Ok(see_other(app::routes::COUNCILS))
        }
        Err(e) => match e.field() {
            Some((field, code)) => Err(again(&form, field, code).with_value("council", &slug)),
            None => Err(WebError::internal("adding a council member failed", e)),
        },
    }
}

/// `POST /raad/navn`: the signed-in member names themselves (asked on their start page until
/// they have a name; editable there after).
pub async fn set_name(
    State(state): State<AppState>,
    staff: Staff,
    Form(form): Form<NameForm>,
) -> WebResult {
    let session = staff.session();
    let name = hoering::council::MemberName::parse(&form.display_name).map_err(|e| {
        WebError::refused(
            app::routes::COUNCIL_HOME,
            &form,
            one_error("display_name", app::forms::error_code(&e)),
        )
    })?;
    crate::auth::db::set_display_name(&state.db.pool, session.user.id, &name).await?;
    Ok(see_other(app::routes::COUNCIL_HOME))
}

/// `POST /admin/raad/{slug}/medlemmer/fjern`: a member leaves the council.
pub async fn remove(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    staff: Staff,
    Form(form): Form<MemberForm>,
) -> WebResult {
    admin(staff)?;
    let pool = &state.db.pool;
    let council = council_db::by_slug(pool, &slug)
        .await?
        .ok_or_else(WebError::not_found)?;
    let user = crate::auth::db::find_credentials(pool, &form.email)
        .await?
        .ok_or_else(WebError::not_found)?
        .0;
    council_db::remove_member(pool, council.id, user.id).await?;
    Ok(see_other(app::routes::COUNCILS))
}

/// `POST /admin/hoeringer/{slug}/raadsrunde`: a clerk opens a council's round on the hearing,
/// or moves its window; it ends on or before the hearing's last day.
pub async fn open_round(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    staff: Staff,
    Form(form): Form<RoundForm>,
) -> WebResult {
    let page = app::routes::admin_hearing(&slug);
    let session = staff.may(Permission::CreateHearing)?;
    let pool = &state.db.pool;
    let hearing = crate::hearing::db::by_slug(pool, &slug)
        .await?
        .ok_or_else(WebError::not_found)?;
    let mut errors = BTreeMap::new();
    let council = council_db::by_slug(pool, &form.round_council).await?;
    if council.is_none() {
        errors.insert("round_council".to_string(), "invalid".to_string());
    }
    let last_day = hoering::calendar::local_date(hearing.closes_at).parse::<jiff::civil::Date>()?;
    let window = hoering::council::RoundFields {
        opens: form.round_opens.to_string(),
        closes: form.round_closes.to_string(),
    }
    .parse(last_day)
    .map_err(|e| {
        errors.extend(e.into_iter().map(|(k, v)| (format!("round_{k}"), v)));
    });
    let (Some(council), Ok(window), true) = (council, window, errors.is_empty()) else {
        return Err(WebError::refused(&page, &form, errors));
    };
    council_db::open_round(
        pool,
        hearing.id,
        council.id,
        &window.opens().to_string(),
        &window.closes().to_string(),
        session.user.id,
    )
    .await?;
    Ok(see_other(&format!("{page}#raadsrunder")))
}

/// The round and the member acting in it, when they may comment now.
async fn commenting(
    state: &AppState,
    staff: Staff,
    slug: &str,
    council: &str,
) -> Result<Acting, WebError> {
    let a = acting(state, staff, slug, council).await?;
    let council_id = hoering::council::CouncilId(a.round.council_id);
    if !hoering::council::may_comment(&a.viewer, council_id, &super::state_of(&a.round)) {
        tracing::warn!(
            user = a.session.user.id,
            council,
            "refused: not commenting in this round"
        );
        return Err(WebError::forbidden());
    }
    Ok(a)
}

/// `POST /raad/hoeringer/{slug}/{council}/kommentar`: a member's comment or reply.
pub async fn comment(
    State(state): State<AppState>,
    Path((slug, council)): Path<(String, String)>,
    staff: Staff,
    Form(form): Form<hoering::council::CommentFields>,
) -> WebResult {
    let page = app::routes::council_workspace(&slug, &council);
    let Acting { round, session, .. } = commenting(&state, staff, &slug, &council).await?;
    let pool = &state.db.pool;
    let again = |errors: FieldErrors| WebError::refused(&page, &form, errors);
    let mut new = form.parse().map_err(&again)?;
    if let Some(number) = &new.block {
        let block = crate::hearing::db::block_by_number(pool, round.version_id, &number.as_str())
            .await?
            .ok_or_else(|| again(one_error("block", "invalid")))?;
        // Quoted words must be the paragraph's; they are kept as the paragraph has them.
        let quote = hoering::anchoring::locate_typed_quote(&block.text, &new.quote)
            .map_err(|e| again(one_error("quote", e.code())))?;
        new.quote = quote.map(|q| q.exact().to_string()).unwrap_or_default();
    }
    if let Some(parent) = new.reply_to
        && council_db::comment_in_round(pool, round.id, parent)
            .await?
            .is_none()
    {
        return Err(WebError::not_found());
    }
    let id = council_db::add_comment(pool, round.id, session.user.id, &new).await?;
    Ok(see_other(&format!("{page}#k-{id}")))
}

/// `POST /raad/hoeringer/{slug}/{council}/enig/{comment}`: "enig", or taking it back.
pub async fn agree(
    State(state): State<AppState>,
    Path((slug, council, comment)): Path<(String, String, i64)>,
    staff: Staff,
) -> WebResult {
    let Acting { round, session, .. } = commenting(&state, staff, &slug, &council).await?;
    let pool = &state.db.pool;
    let author = council_db::comment_in_round(pool, round.id, comment)
        .await?
        .ok_or_else(WebError::not_found)?;
    if !hoering::council::may_agree(
        hoering::council::UserId(author),
        hoering::council::UserId(session.user.id),
    ) {
        return Err(WebError::forbidden());
    }
    council_db::toggle_agreement(pool, comment, session.user.id).await?;
    Ok(see_other(&format!(
        "{}#k-{comment}",
        app::routes::council_workspace(&slug, &council)
    )))
}

/// The round and the member acting in it, with what the core knows of them.
struct Acting {
    round: council_db::RoundRow,
    session: crate::auth::db::Session,
    viewer: hoering::council::Viewer,
    page: String,
}

async fn acting(
    state: &AppState,
    staff: Staff,
    slug: &str,
    council: &str,
) -> Result<Acting, WebError> {
    let page = app::routes::council_workspace(slug, council);
    let session = staff.session();
    let pool = &state.db.pool;
    let round = council_db::round(pool, slug, council)
        .await?
        .ok_or_else(WebError::not_found)?;
    let viewer = super::viewer_of(pool, &session.user).await?;
    if !hoering::council::is_member(&viewer, hoering::council::CouncilId(round.council_id)) {
        tracing::warn!(
            user = session.user.id,
            council,
            "refused: not a member of this council"
        );
        return Err(WebError::forbidden());
    }
    Ok(Acting {
        round,
        session,
        viewer,
        page,
    })
}

/// A write transaction holding the round's row, with the round and its joint response read
/// afresh inside it: every edit, submission and publication decides on this state.
async fn held(
    pool: &sqlx::AnyPool,
    round_id: i64,
) -> Result<
    (
        sqlx::Transaction<'static, sqlx::Any>,
        council_db::RoundRow,
        hoering::council::JointResponse,
    ),
    WebError,
> {
    let mut tx = crate::db::begin_write(pool).await?;
    let round = council_db::hold_round(&mut tx, round_id).await?;
    let revisions = council_db::revisions(&mut *tx, round.id).await?;
    let joint = council_db::joint_of(&round, &revisions);
    Ok((tx, round, joint))
}

/// The workspace again with what was typed and one error; the page words the code.
fn joint_again(
    page: &str,
    form: &impl Serialize,
    field: &str,
    code: &str,
    status: StatusCode,
) -> WebError {
    WebError::form_again(page, form, one_error(field, code), status)
}

/// `POST /raad/hoeringer/{slug}/{council}/faelles`: a member saves the joint response. The
/// form names the revision the member's copy was; if someone saved since, nothing is stored
/// and the page shows the newer text, the difference and what the member typed (409).
pub async fn edit_joint(
    State(state): State<AppState>,
    Path((slug, council)): Path<(String, String)>,
    staff: Staff,
    Form(form): Form<JointForm>,
) -> WebResult {
    use hoering::council::{EditError, EditOutcome, UserId};
    let a = acting(&state, staff, &slug, &council).await?;
    let council_id = hoering::council::CouncilId(a.round.council_id);
    if !hoering::council::may_edit_joint(&a.viewer, council_id, &super::state_of(&a.round)) {
        return Err(joint_again(
            &a.page,
            &form,
            "joint_text",
            "round_closed",
            StatusCode::CONFLICT,
        ));
    }
    let based_on: u32 = form.joint_based_on.parse().map_err(|_| {
        joint_again(
            &a.page,
            &form,
            "joint_text",
            "unknown_revision",
            StatusCode::UNPROCESSABLE_ENTITY,
        )
    })?;
    let (mut tx, round, joint) = held(&state.db.pool, a.round.id).await?;
    let outcome = joint.edit(
        based_on,
        UserId(a.session.user.id),
        crate::db::now(),
        &form.joint_text,
    );
    match outcome {
        Ok(EditOutcome::Saved(revision)) => {
            council_db::add_revision(&mut tx, round.id, &revision).await?;
            tx.commit().await?;
            tracing::info!(
                round = round.id,
                revision = revision.number,
                "joint response saved"
            );
            Ok(see_other(&format!("{}#faelles", a.page)))
        }
        Ok(EditOutcome::Unchanged) => Ok(see_other(&format!("{}#faelles", a.page))),
        Err(e) => {
            let status = match e {
                EditError::Stale(_) | EditError::Submitted => StatusCode::CONFLICT,
                EditError::UnknownRevision { .. } | EditError::TooLong { .. } => {
                    StatusCode::UNPROCESSABLE_ENTITY
                }
            };
            if let EditError::Stale(stale) = &e {
                tracing::info!(
                    round = round.id,
                    based_on,
                    current = stale.current.number,
                    "joint response edit refused: stale copy"
                );
            }
            Err(joint_again(&a.page, &form, "joint_text", e.code(), status))
        }
    }
}

/// `POST /raad/hoeringer/{slug}/{council}/indsend`: the chair sends the joint response as the
/// council's høringssvar. It takes the ordinary path from there (a receipt, moderation,
/// publication, the høringsnotat); if the council is on the høringsliste, it has answered.
pub async fn submit_joint(
    State(state): State<AppState>,
    Path((slug, council)): Path<(String, String)>,
    staff: Staff,
    headers: HeaderMap,
    Form(form): Form<SubmitForm>,
) -> WebResult {
    use hoering::council::{CouncilId, CouncilName, Submitted, UserId};
    let a = acting(&state, staff, &slug, &council).await?;
    let pool = &state.db.pool;
    let chair = council_db::is_chair(pool, a.round.council_id, a.session.user.id).await?;
    let again = |field: &str, code: &str, status| joint_again(&a.page, &form, field, code, status);
    let name = hoering::response::PersonName::parse(&form.submit_name).map_err(|e| {
        again(
            "submit_name",
            app::forms::error_code(&e),
            StatusCode::UNPROCESSABLE_ENTITY,
        )
    });
    let email = hoering::response::Email::parse(&a.session.user.email)
        .map_err(|_| again("submit", "no_email", StatusCode::UNPROCESSABLE_ENTITY))?;
    let seen: Option<u32> = form.submit_revision.parse().ok();
    let (mut tx, round, joint) = held(pool, a.round.id).await?;
    let window = super::window_of(&round)
        .ok_or_else(|| again("submit", "round_not_open", StatusCode::CONFLICT))?;
    let today = hoering::calendar::today();
    if let Err(refusal) = hoering::council::may_submit(
        &a.viewer,
        CouncilId(round.council_id),
        chair,
        &window,
        today,
        &joint,
    ) {
        let status = match refusal {
            hoering::council::SubmitRefusal::NotChair
            | hoering::council::SubmitRefusal::NotMember => StatusCode::FORBIDDEN,
            _ => StatusCode::CONFLICT,
        };
        return Err(again("submit", refusal.code(), status));
    }
    let current = joint.current().map_or(0, |r| r.number);
    // The chair sends what they read: a revision saved since is shown to them first.
    if seen != Some(current) {
        return Err(again("submit", "stale", StatusCode::CONFLICT));
    }
    let name = name?;
    let council_name = CouncilName::parse(&round.council_name)
        .map_err(|_| again("submit", "empty", StatusCode::CONFLICT))?;
    let Some(sent) = hoering::council::as_response(&council_name, &joint) else {
        return Err(again("submit", "empty", StatusCode::CONFLICT));
    };
    let submission = hoering::response::ResponseSubmission {
        text: sent.text,
        name,
        email,
        sender: sent.sender,
        publication: sent.publication,
        block: None,
    };
    let target = crate::response::db::Target {
        hearing_id: round.hearing_id,
        version_id: round.version_id,
        block: None,
        quote: None,
    };
    let party =
        crate::consultees::db::by_organisation(&mut tx, round.hearing_id, council_name.as_str())
            .await?;
    let token = crate::auth::random_token()?;
    let locale = crate::web::language::reader_locale(&headers);
    let last_day = app::dates::long_date(locale, hoering::calendar::local_day(round.closes_at));
    let receipt_path = format!("/kvittering/{token}");
    let arrival = crate::response::db::Arrival {
        target,
        submission,
        receipt_token: token,
        party,
        lang: app::messages::locale_code(locale),
        files: Vec::new(),
    };
    let receipt = |id, created_at| {
        app::mail::texts::receipt(
            locale,
            &state.outbox.sender,
            &hoering::mail::ReceiptMail {
                to: arrival.submission.email.as_str(),
                name: arrival.submission.name.as_str(),
                hearing_title: &round.hearing_title,
                receipt_number: &crate::response::receipt_number(id, created_at),
                block: None,
                quote: None,
                text: arrival.submission.text.as_str(),
                receipt_path: &receipt_path,
                last_day: &last_day,
                publication: arrival.submission.publication,
                files: &[],
            },
        )
    };
    let (response_id, at) =
        crate::response::db::insert_in(&mut tx, &arrival, &state.outbox, receipt).await?;
    let submitted = Submitted {
        by: UserId(a.session.user.id),
        at,
        revision: current,
    };
    council_db::mark_submitted(&mut tx, round.id, &submitted, response_id).await?;
    tx.commit().await?;
    state.outbox.wake();
    tracing::info!(
        round = round.id,
        response = response_id,
        revision = current,
        "council response submitted"
    );
    Ok(see_other(&format!("{}#faelles", a.page)))
}

/// `POST /raad/hoeringer/{slug}/{council}/offentliggoer`: the chair publishes the discussion,
/// once the council has decided to (the form asks the chair to confirm that it has).
pub async fn publish_discussion(
    State(state): State<AppState>,
    Path((slug, council)): Path<(String, String)>,
    staff: Staff,
    Form(form): Form<PublishForm>,
) -> WebResult {
    use hoering::council::{CouncilId, PublishRefusal};
    let a = acting(&state, staff, &slug, &council).await?;
    let pool = &state.db.pool;
    let chair = council_db::is_chair(pool, a.round.council_id, a.session.user.id).await?;
    let (mut tx, round, joint) = held(pool, a.round.id).await?;
    if let Err(refusal) = hoering::council::may_publish_discussion(
        &a.viewer,
        CouncilId(round.council_id),
        chair,
        &super::state_of(&round),
        &joint,
        round.discussion_published_at.is_some(),
    ) {
        let status = match refusal {
            PublishRefusal::NotChair | PublishRefusal::NotMember => StatusCode::FORBIDDEN,
            _ => StatusCode::CONFLICT,
        };
        return Err(joint_again(
            &a.page,
            &form,
            "publish",
            refusal.code(),
            status,
        ));
    }
    if !form.publish_confirm.ticked() {
        return Err(joint_again(
            &a.page,
            &form,
            "publish_confirm",
            "required",
            StatusCode::UNPROCESSABLE_ENTITY,
        ));
    }
    council_db::publish_discussion(&mut tx, round.id, a.session.user.id).await?;
    tx.commit().await?;
    tracing::info!(round = round.id, "council discussion published");
    Ok(see_other(&a.page))
}
