//! The meeting forms as plain HTML posts: a clerk creates a meeting, the public signs up and
//! cancels, the clerk marks who came, records input at the tables and publishes the minutes.
//! A mistake brings the same page back with everything typed and a message by each field.

use super::db::{self as meeting_db, MeetingRow, SignedUp, SignupRow};
use super::pages::card_for;
use crate::auth::{self, Permission, Staff};
use crate::hearing::db as hearing_db;
use crate::policy::db as policy_db;
use crate::response::db::{self as response_db, MeetingInputRecord, Target};
use crate::state::{AppState, ClientAddr};
use crate::web::error::{FieldErrors, WebError, WebResult, one_error};
use crate::web::form::{Form, Line};
use crate::web::redirect::see_other;
use app::messages::Message;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use hoering::mail::{SignupMail, SignupNews};
use hoering::meeting::{InputFields, MeetingFields, SignupFields};
use http::{HeaderMap, HeaderValue, StatusCode, header};
use serde::{Deserialize, Serialize};

/// A new meeting: the core's meeting form, each field named `meeting_…` on the policy's page
/// (which holds other forms too).
#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct MeetingForm {
    meeting_title: Line,
    meeting_date: Line,
    meeting_starts: Line,
    meeting_ends: Line,
    meeting_place: Line,
    meeting_step_free: Line,
    meeting_capacity: Line,
    meeting_signup_deadline: Line,
    meeting_mode: Line,
    meeting_agenda: String,
}

impl MeetingForm {
    fn fields(&self) -> MeetingFields {
        MeetingFields {
            title: self.meeting_title.to_string(),
            date: self.meeting_date.to_string(),
            starts: self.meeting_starts.to_string(),
            ends: self.meeting_ends.to_string(),
            place: self.meeting_place.to_string(),
            step_free: self.meeting_step_free.to_string(),
            agenda: self.meeting_agenda.clone(),
            capacity: self.meeting_capacity.to_string(),
            signup_deadline: self.meeting_signup_deadline.to_string(),
            mode: self.meeting_mode.to_string(),
        }
    }
}

/// The public's sign-up: the core's sign-up form, and the invitation's secret when the
/// meeting is by invitation.
#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct SignupForm {
    invitation: Line,
    #[serde(flatten)]
    fields: SignupFields,
}

/// Who came: the sign-ups whose `came` box is ticked.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct AttendanceForm {
    came: Vec<String>,
}

/// The minutes, whether they are published, and the clerk's word that the personal data the
/// check found may stand (`confirm_personal`).
#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct MinutesForm {
    minutes: String,
    publish: Line,
    confirm_personal: Line,
    /// Ticked to take the file of the minutes away.
    remove_file: Line,
    /// What the personal-data check found in a file sent with the minutes, for the page to show
    /// (set by the server when it holds the minutes back, never read from the client).
    #[serde(skip_deserializing)]
    file_found: String,
}

/// Who was ticked as come, sent back with a refusal so no tick is lost (ids, comma-separated).
#[derive(Debug, Serialize)]
struct CameEcho {
    came: String,
}

async fn meeting_or_404(state: &AppState, id: i64) -> Result<MeetingRow, WebError> {
    meeting_db::by_id(&state.db.pool, id)
        .await?
        .ok_or_else(WebError::not_found)
}

/// The e-mail about a sign-up, in the language its participant used.
fn mailer(
    state: &AppState,
    meeting: &MeetingRow,
) -> impl Fn(&SignupRow, SignupNews) -> hoering::mail::Mail + Sync {
    let sender = state.outbox.sender.clone();
    let meeting = meeting.clone();
    move |s: &SignupRow, news| {
        let locale = app::messages::locale_by_code(&s.lang).unwrap_or(app::i18n::Locale::da);
        let when = app::dates::time_span(locale, meeting.starts_at, meeting.ends_at);
        app::mail::texts::signup(
            locale,
            &sender,
            &SignupMail {
                to: &s.email,
                name: &s.name,
                meeting_title: &meeting.title,
                when: &when,
                place: &meeting.place,
                signup_path: &app::routes::signup(&s.token),
                news,
            },
        )
    }
}

/// `POST /admin/politikker/{slug}/moeder`: a new dialogue meeting on the policy's current
/// hearing draft.
pub async fn create(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    staff: Staff,
    Form(form): Form<MeetingForm>,
) -> WebResult {
    let page = app::routes::admin_policy(&slug);
    let session = staff.may(Permission::ManageMeetings)?;
    let pool = &state.db.pool;
    let policy = policy_db::by_slug(pool, &slug)
        .await?
        .ok_or_else(WebError::not_found)?;
    let mut errors = FieldErrors::new();
    let parsed = form.fields().parse().map_err(|e| {
        errors.extend(e.into_iter().map(|(k, v)| (format!("meeting_{k}"), v)));
    });
    // Input is recorded on a hearing's draft: the policy's newest hearing.
    let hearing = hearing_db::of_policy(pool, policy.id).await?.pop();
    if hearing.is_none() {
        errors.insert("meeting_title".into(), "no_hearing".into());
    }
    let (Ok(meeting), Some(hearing), true) = (parsed, hearing, errors.is_empty()) else {
        return Err(WebError::refused(&page, &form, errors));
    };
    let invite = auth::random_token()?;
    let id = meeting_db::create(
        pool,
        policy.id,
        hearing.id,
        &meeting,
        &invite,
        session.user.id,
    )
    .await?;
    tracing::info!(meeting = id, policy = %slug, user = session.user.id, "meeting created");
    Ok(see_other(&app::routes::admin_meeting(id)))
}

/// `POST /moeder/{id}/tilmelding`: the public's sign-up.
pub async fn sign_up(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    ClientAddr(client): ClientAddr,
    headers: HeaderMap,
    Form(form): Form<SignupForm>,
) -> WebResult {
    let page = app::routes::meeting(id);
    let meeting = meeting_or_404(&state, id).await?;
    let invitation = Some(form.invitation.as_str()).filter(|t| !t.is_empty());
    if !card_for(&meeting, invitation).signup_open {
        return Err(WebError::Refused {
            status: StatusCode::FORBIDDEN,
            message: Message::SignupClosed,
        });
    }
    let signup = form
        .fields
        .parse()
        .map_err(|errors| WebError::refused(&page, &form, errors))?;
    let key = format!("signup {client} {id}");
    if let Some(minutes) = state.limits.response_over_limit(&key).await? {
        return Err(WebError::TooMany {
            retry_after: minutes * 60,
            message: Message::TooManyResponses { minutes },
        });
    }
    let token = auth::random_token()?;
    let lang = app::messages::locale_code(crate::web::language::reader_locale(&headers));
    let mail = mailer(&state, &meeting);
    let outcome = meeting_db::sign_up(
        &state.db.pool,
        id,
        &signup,
        lang,
        &token,
        &state.outbox,
        &mail,
    )
    .await?;
    match outcome {
        SignedUp::Already => Err(WebError::form_again(
            &page,
            &form,
            one_error("email", "already"),
            StatusCode::CONFLICT,
        )),
        SignedUp::Seated | SignedUp::Waiting(_) => {
            tracing::info!(meeting = id, ?outcome, "signed up");
            Ok(see_other(&app::routes::signup(&token)))
        }
    }
}

/// `POST /tilmelding/{token}/afmeld`: the participant cancels; a freed seat goes to the first
/// on the waiting list.
pub async fn cancel(State(state): State<AppState>, Path(token): Path<String>) -> WebResult {
    let pool = &state.db.pool;
    let signup = meeting_db::signup_by_token(pool, &token)
        .await?
        .ok_or_else(WebError::not_found)?;
    let meeting = meeting_or_404(&state, signup.meeting_id).await?;
    let mail = mailer(&state, &meeting);
    let cancelled = meeting_db::cancel(pool, signup.id, &state.outbox, &mail).await?;
    if cancelled {
        tracing::info!(
            meeting = meeting.id,
            signup = signup.id,
            "sign-up cancelled"
        );
    }
    Ok(see_other(&app::routes::signup(&token)))
}

/// `POST /admin/moeder/{id}/fremmoede`: who came (every `came` box ticked).
pub async fn attendance(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    staff: Staff,
    Form(form): Form<AttendanceForm>,
) -> WebResult {
    let page = app::routes::admin_meeting(id);
    staff.may(Permission::ManageMeetings)?;
    let meeting = meeting_or_404(&state, id).await?;
    let came: Vec<i64> = form.came.iter().filter_map(|v| v.parse().ok()).collect();
    // Nobody has come to a meeting that has not begun: a tick now is a slip of the mouse.
    if !hoering::meeting::has_taken_place(meeting.starts_at, crate::db::now()) {
        let echo = CameEcho {
            came: came
                .iter()
                .map(i64::to_string)
                .collect::<Vec<_>>()
                .join(","),
        };
        return Err(WebError::refused(
            &page,
            &echo,
            one_error("came", hoering::meeting::NOT_YET_HELD),
        ));
    }
    meeting_db::set_attendance(&state.db.pool, id, &came).await?;
    Ok(see_other(&format!("{page}#fremmoede")))
}

/// `POST /admin/moeder/{id}/input`: one input from a table, on a block or the whole draft. The
/// page comes back ready for the next entry, with the group and table kept. A script that asks
/// for JSON gets the stored entry (or the field errors) instead, and stays on the page.
pub async fn record_input(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    staff: Staff,
    headers: HeaderMap,
    Form(form): Form<InputFields>,
) -> Response {
    let wants_json = headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|a| a.starts_with("application/json"));
    let result = record(&state, id, staff, &form).await;
    match (result, wants_json) {
        (Ok(stored), true) => json(StatusCode::CREATED, &stored),
        (Err(WebError::Form { echo, status, .. }), true) => {
            json(status, &serde_json::json!({ "errors": echo.errors }))
        }
        (Ok(stored), false) => {
            let q = |k: &str, v: &str| format!("{k}={}", app::components::encode_query(v));
            // No fragment: Chromium blocks `autofocus` on a page whose address has one, and
            // the plain form's first field carries `autofocus` so keyboard entry goes on
            // (scrolling the form into view as the fragment did).
            see_other(&format!(
                "{}?{}&{}",
                app::routes::admin_meeting(id),
                q("gruppe", &stored.group),
                q("bord", stored.table.as_deref().unwrap_or_default())
            ))
        }
        (Err(e), _) => e.respond(&state, &headers).await,
    }
}

fn json(status: StatusCode, value: &impl serde::Serialize) -> Response {
    let mut res = (status, serde_json::to_string(value).unwrap_or_default()).into_response();
    res.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    res
}

/// An input as stored, for the script that recorded it.
#[derive(Debug, serde::Serialize)]
struct Stored {
    id: i64,
    block_number: Option<String>,
    group: String,
    table: Option<String>,
    text: String,
}

async fn record(
    state: &AppState,
    id: i64,
    staff: Staff,
    form: &InputFields,
) -> Result<Stored, WebError> {
    let page = app::routes::admin_meeting(id);
    let session = staff.may(Permission::ManageMeetings)?;
    let pool = &state.db.pool;
    let meeting = meeting_or_404(state, id).await?;
    let unprocessable = |errors| WebError::refused(&page, form, errors);
    let input = form.parse().map_err(unprocessable)?;
    let block = match &input.block {
        None => None,
        Some(number) => {
            let b = hearing_db::block_by_number(pool, meeting.version_id, &number.as_str())
                .await?
                .ok_or_else(|| unprocessable(one_error("block", "invalid")))?;
            Some((b.block_id, b.number))
        }
    };
    let token = auth::random_token()?;
    let day = hoering::calendar::local_date(meeting.starts_at);
    let target = Target {
        hearing_id: meeting.hearing_id,
        version_id: meeting.version_id,
        block: block.clone(),
        quote: None,
    };
    let record = MeetingInputRecord {
        meeting_id: id,
        day: &day,
        group: input.group,
        table: input.table.as_deref(),
        text: input.text.as_str(),
        user_id: session.user.id,
    };
    let stored = response_db::insert_meeting_input(pool, &target, &record, &token).await?;
    tracing::info!(meeting = id, response = stored, "meeting input recorded");
    Ok(Stored {
        id: stored,
        block_number: block.map(|(_, n)| n),
        group: input.group.as_str().to_string(),
        table: input.table.clone(),
        text: input.text.as_str().to_string(),
    })
}

/// `POST /admin/moeder/{id}/referat`: the minutes, saved, and published or taken down; with
/// a file of the minutes (a PDF or Word file) beside or instead of the text, as a multipart form.
pub async fn minutes(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    staff: Staff,
    headers: http::HeaderMap,
    request: axum::extract::Request,
) -> WebResult {
    use crate::attachment::db::{self as document_db, Owner};
    let page = app::routes::admin_meeting(id);
    staff.may(Permission::ManageMeetings)?;
    let (mut form, received): (MinutesForm, _) = crate::web::upload::read_form_with_files(
        &state,
        &headers,
        request,
        "minutes_file",
        MINUTES_TEXT_BYTES,
    )
    .await?;
    let again = |form: &MinutesForm, field: &str, code: &str| {
        WebError::refused(&page, form, one_error(field, code))
    };
    let text = &form.minutes;
    if text.chars().count() > MAX_MINUTES_CHARS {
        return Err(again(&form, "minutes", "too_long"));
    }
    let meeting = meeting_or_404(&state, id).await?;
    if !hoering::meeting::has_taken_place(meeting.starts_at, crate::db::now()) {
        return Err(again(&form, "minutes", hoering::meeting::NOT_YET_HELD));
    }
    // One file: the minutes as the municipality wrote them.
    let file = match received {
        Some(received) if received.files.len() > 1 => {
            return Err(again(&form, "minutes_file", "too_many_one"));
        }
        Some(received) if !received.files.is_empty() || received.refused.is_some() => {
            match crate::attachment::take(&state.files, received).await {
                Ok(mut kept) => kept.pop(),
                Err(crate::attachment::TakeError::Refused(e)) => {
                    return Err(again(&form, "minutes_file", e.code()));
                }
                Err(crate::attachment::TakeError::Io(e)) => return Err(e.into()),
            }
        }
        _ => None,
    };
    let stored = document_db::document(&state.db.pool, Owner::MeetingMinutes, id).await?;
    let has_file = file.is_some() || (stored.is_some() && !form.remove_file.ticked());
    let publish = form.publish.ticked();
    if publish && text.trim().is_empty() && !has_file {
        return Err(again(&form, "minutes", "required"));
    }
    // The participants were promised they would not be named: the clerk sees what the check
    // found (the page runs the same check on the text sent back; a file's findings come back
    // with the form) and confirms to save it.
    if !form.confirm_personal.ticked() {
        let signups = meeting_db::signups(&state.db.pool, id).await?;
        let names: Vec<&str> = signups.iter().map(|s| s.name.as_str()).collect();
        let in_file: Vec<String> = file
            .as_ref()
            .map(|f| hoering::privacy::detect_with_names(&f.text, &names))
            .unwrap_or_default()
            .into_iter()
            .map(|flag| flag.text)
            .collect();
        if !hoering::privacy::detect_with_names(text, &names).is_empty() {
            tracing::info!(meeting = id, "minutes held back: personal data to confirm");
            form.file_found = in_file.join("\n");
            return Err(again(&form, "minutes", "personal_data"));
        }
        if !in_file.is_empty() {
            tracing::info!(
                meeting = id,
                "minutes' file held back: personal data to confirm"
            );
            form.file_found = in_file.join("\n");
            return Err(again(&form, "minutes_file", "personal_data"));
        }
    }
    if !meeting_db::set_minutes(&state.db.pool, id, text, publish).await? {
        return Err(WebError::not_found());
    }
    if file.is_some() || form.remove_file.ticked() {
        document_db::set_document(&state.db.pool, Owner::MeetingMinutes, id, file.as_ref()).await?;
    }
    Ok(see_other(&format!("{page}#referat")))
}

/// `GET /moeder/{id}/referat/{name}`: the file of published minutes.
pub async fn minutes_file(
    State(state): State<AppState>,
    Path((id, _name)): Path<(i64, String)>,
) -> WebResult {
    use crate::attachment::db::{self as document_db, Owner};
    let meeting = meeting_or_404(&state, id).await?;
    let document = document_db::document(&state.db.pool, Owner::MeetingMinutes, id)
        .await?
        .filter(|_| meeting.minutes_published_at.is_some())
        .filter(|d| d.file.scan() == hoering::attachment::ScanState::Clean)
        .ok_or_else(WebError::not_found)?;
    crate::attachment::download::send_file(&state, &document.file, "no-cache").await
}

/// `GET /admin/moeder/{id}/referat/{name}`: the file of the minutes, for clerks.
pub async fn minutes_file_for_staff(
    State(state): State<AppState>,
    Path((id, _name)): Path<(i64, String)>,
    staff: Staff,
) -> WebResult {
    use crate::attachment::db::{self as document_db, Owner};
    staff.may(Permission::ManageMeetings)?;
    let document = document_db::document(&state.db.pool, Owner::MeetingMinutes, id)
        .await?
        .ok_or_else(WebError::not_found)?;
    crate::attachment::download::send_file(&state, &document.file, "no-store").await
}

/// Minutes are a page or two; 100,000 characters is a short book.
pub const MAX_MINUTES_CHARS: usize = 100_000;
/// The minutes form's text fields: the longest minutes in 4-byte characters, percent-encoded.
const MINUTES_TEXT_BYTES: usize = MAX_MINUTES_CHARS * 12 + 64 * 1024;

/// `GET /admin/moeder/{id}/deltagere.csv`: the sign-up list for the door, with needs.
pub async fn csv(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    staff: Staff,
    headers: HeaderMap,
) -> WebResult {
    staff.may(Permission::ManageMeetings)?;
    let meeting = meeting_or_404(&state, id).await?;
    let signups = meeting_db::signups(&state.db.pool, id).await?;
    // In the clerk's language: the list is for whoever stands at the door.
    let locale = crate::web::language::reader_locale(&headers);
    let words = app::meeting::words::DoorListWords::of(locale);
    let mut out = format!("\u{feff}{}\r\n", words.header.join(";"));
    for s in &signups {
        let group = hoering::meeting::ParticipantGroup::parse(&s.participant_group)
            .map(|g| app::names::group(locale, g))
            .unwrap_or_default();
        let status = match s.status.as_str() {
            "seated" => words.seated,
            "waiting" => words.waiting,
            _ => words.cancelled,
        };
        let row = [
            s.name.as_str(),
            s.email.as_str(),
            group,
            s.organisation.as_deref().unwrap_or_default(),
            status,
            s.interpreter.as_deref().unwrap_or_default(),
            if s.step_free != 0 { words.yes } else { "" },
            s.other_needs.as_deref().unwrap_or_default(),
            if s.attended != 0 { words.yes } else { "" },
        ];
        let cells: Vec<String> = row
            .iter()
            .map(|c| crate::web::download::csv_cell(c))
            .collect();
        out.push_str(&cells.join(";"));
        out.push_str("\r\n");
    }
    let name = format!(
        "deltagere-{}-{}.csv",
        meeting.id,
        hoering::calendar::local_date(meeting.starts_at)
    );
    let mut res = out.into_response();
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/csv; charset=utf-8"),
    );
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{name}\"")) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    Ok(res)
}
