//! What the meeting pages read: the public meeting page (never a participant's name), a
//! participant's own sign-up by its link, and the clerk's page with everything.

use super::db::{self as meeting_db, MeetingRow, SignupRow};
use crate::backend::{DbBackend, fail};
use crate::db::now;
use crate::policy::db as policy_db;
use crate::response::db as response_db;
use app::backend::{BackendError, MeetingReads};
use app::meeting::AdminMeetingView;
use app::meeting::AdminSignup;
use app::meeting::MeetingCard;
use app::meeting::MeetingView;
use app::meeting::RecordedInput;
use app::meeting::SignupDetails;
use app::meeting::SignupView;
use hoering::calendar::{local_day, local_minute};
use hoering::meeting::{
    GroupCount, Needs, ParticipantGroup, SignupMode, SignupStatus, attendance_by_group, signup_open,
};

/// How many meetings the home page lists.
const UPCOMING: i64 = 5;

fn today() -> jiff::civil::Date {
    local_day(now())
}

/// A meeting as lists show it, to a reader without an invitation.
pub fn card(row: &MeetingRow) -> MeetingCard {
    card_for(row, None)
}

/// A meeting as shown to a reader who came with `invitation` (the secret of its invitation
/// link), if any: only then is a by-invitation meeting's sign-up open to them.
pub fn card_for(row: &MeetingRow, invitation: Option<&str>) -> MeetingCard {
    let mode = SignupMode::parse(&row.mode).unwrap_or(SignupMode::Invitation);
    let invited = invitation.is_some_and(|t| crate::auth::constant_time_eq(t, &row.invite_token));
    // A stored deadline that does not read (never written so) closes the sign-up.
    let deadline = row.signup_deadline.parse::<jiff::civil::Date>().ok();
    let open = deadline.is_some_and(|deadline| signup_open(deadline, mode, today(), invited));
    let past = row.starts_at <= now();
    MeetingCard {
        id: row.id,
        title: row.title.clone(),
        policy_slug: row.policy_slug.clone(),
        policy_title: row.policy_title.clone(),
        starts_at: row.starts_at,
        ends_at: row.ends_at,
        place: row.place.clone(),
        step_free: row.step_free != 0,
        capacity: row.capacity,
        seated: row.seated,
        waiting: row.waiting,
        signup_deadline: deadline.unwrap_or_default(),
        mode,
        signup_open: open && !past,
        past,
    }
}

fn group_of(code: &str) -> Result<ParticipantGroup, BackendError> {
    ParticipantGroup::parse(code).ok_or_else(|| fail(format!("stored participant group {code:?}")))
}

fn status_of(code: &str) -> Result<SignupStatus, BackendError> {
    SignupStatus::parse(code).ok_or_else(|| fail(format!("stored sign-up status {code:?}")))
}

/// A stored sign-up as its participant and the clerk read it.
fn details_of(row: &SignupRow) -> Result<SignupDetails, BackendError> {
    Ok(SignupDetails {
        name: row.name.clone(),
        email: row.email.clone(),
        group: group_of(&row.participant_group)?,
        organisation: row.organisation.clone(),
        needs: Needs {
            interpreter: row.interpreter.clone(),
            step_free: row.step_free != 0,
            other: row.other_needs.clone(),
        },
        status: status_of(&row.status)?,
    })
}

impl DbBackend {
    async fn meeting_view(
        &self,
        row: &MeetingRow,
        invitation: Option<&str>,
    ) -> Result<MeetingView, BackendError> {
        let pool = &self.db.pool;
        let card = card_for(row, invitation);
        let attendance: Vec<GroupCount> = if card.past {
            let rows = meeting_db::attendance_rows(pool, row.id)
                .await
                .map_err(fail)?;
            attendance_by_group(
                rows.iter()
                    .filter_map(|(g, came)| ParticipantGroup::parse(g).map(|g| (g, *came != 0))),
            )
        } else {
            Vec::new()
        };
        let inputs = response_db::count_meeting_inputs(pool, row.id)
            .await
            .map_err(fail)?;
        let minutes_file = match row.minutes_published_at {
            Some(_) => crate::attachment::db::document(
                pool,
                crate::attachment::db::Owner::MeetingMinutes,
                row.id,
            )
            .await
            .map_err(fail)?
            .and_then(|d| {
                let url = app::routes::meeting_minutes_file(row.id, &d.file.name);
                crate::attachment::document_for_public(&d, url)
            }),
            None => None,
        };
        Ok(MeetingView {
            card,
            hearing_slug: row.hearing_slug.clone(),
            agenda_html: hoering::document::render_note(&row.agenda),
            minutes_html: row
                .minutes_published_at
                .filter(|_| !row.minutes.trim().is_empty())
                .map(|_| hoering::document::render_note(&row.minutes)),
            minutes_file,
            attendance,
            inputs,
        })
    }
}

#[async_trait::async_trait]
impl MeetingReads for DbBackend {
    async fn meeting(
        &self,
        id: i64,
        invitation: Option<&str>,
    ) -> Result<Option<MeetingView>, BackendError> {
        match meeting_db::by_id(&self.db.pool, id).await.map_err(fail)? {
            Some(row) => Ok(Some(self.meeting_view(&row, invitation).await?)),
            None => Ok(None),
        }
    }

    async fn policy_meetings(&self, slug: &str) -> Result<Vec<MeetingCard>, BackendError> {
        let pool = &self.db.pool;
        let Some(policy) = policy_db::by_slug(pool, slug).await.map_err(fail)? else {
            return Ok(Vec::new());
        };
        Ok(meeting_db::of_policy(pool, policy.id)
            .await
            .map_err(fail)?
            .iter()
            .map(card)
            .collect())
    }

    async fn upcoming_meetings(&self) -> Result<Vec<MeetingCard>, BackendError> {
        Ok(meeting_db::upcoming(&self.db.pool, now(), UPCOMING)
            .await
            .map_err(fail)?
            .iter()
            .map(card)
            .collect())
    }

    async fn signup(&self, token: &str) -> Result<Option<SignupView>, BackendError> {
        let pool = &self.db.pool;
        let Some(s) = meeting_db::signup_by_token(pool, token)
            .await
            .map_err(fail)?
        else {
            return Ok(None);
        };
        let Some(meeting) = meeting_db::by_id(pool, s.meeting_id).await.map_err(fail)? else {
            return Ok(None);
        };
        let signup = details_of(&s)?;
        let waiting_place = if signup.status == SignupStatus::Waiting {
            Some(meeting_db::waiting_place(pool, &s).await.map_err(fail)?)
        } else {
            None
        };
        Ok(Some(SignupView {
            meeting: card(&meeting),
            token: s.token.clone(),
            signup,
            waiting_place,
        }))
    }

    async fn admin_meeting(&self, id: i64) -> Result<Option<AdminMeetingView>, BackendError> {
        let pool = &self.db.pool;
        let Some(row) = meeting_db::by_id(pool, id).await.map_err(fail)? else {
            return Ok(None);
        };
        let meeting = self.meeting_view(&row, None).await?;
        let signups: Vec<AdminSignup> = meeting_db::signups(pool, id)
            .await
            .map_err(fail)?
            .iter()
            .map(|s| {
                Ok(AdminSignup {
                    id: s.id,
                    signup: details_of(s)?,
                    attended: s.attended != 0,
                    signed_up_at: local_minute(s.created_at),
                })
            })
            .collect::<Result<_, BackendError>>()?;
        let blocks = crate::hearing::pages::block_choices(pool, row.version_id).await?;
        let inputs = response_db::meeting_inputs(pool, id)
            .await
            .map_err(fail)?
            .into_iter()
            .map(|i| RecordedInput {
                id: i.shown.id,
                block_number: i.shown.block_number,
                group: i
                    .shown
                    .meeting_group
                    .as_deref()
                    .and_then(ParticipantGroup::parse),
                table: i.shown.meeting_table,
                text: i.shown.text,
            })
            .collect();
        let invitation = (meeting.card.mode == SignupMode::Invitation)
            .then(|| app::routes::meeting_invitation(id, &row.invite_token));
        let names: Vec<&str> = signups.iter().map(|s| s.signup.name.as_str()).collect();
        let minutes_file =
            crate::attachment::db::document(pool, crate::attachment::db::Owner::MeetingMinutes, id)
                .await
                .map_err(fail)?
                .and_then(|d| {
                    let url = app::routes::admin_meeting_minutes_file(id, &d.file.name);
                    let shown = row.minutes_published_at.is_some()
                        && d.file.scan() == hoering::attachment::ScanState::Clean;
                    crate::attachment::document_for_staff(&d, url, shown, &names)
                });
        Ok(Some(AdminMeetingView {
            meeting,
            invitation,
            minutes: row.minutes.clone(),
            minutes_published: row.minutes_published_at.is_some(),
            minutes_file,
            signups,
            blocks,
            inputs,
        }))
    }
}
