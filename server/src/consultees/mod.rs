//! The høringsliste: the parties a hearing invites (associations, councils, authorities,
//! companies, the MED-udvalg), imported by paste or CSV or reused from an earlier hearing of the
//! same committee, shown to the clerk with their status and to the public by organisation.

pub mod db;
pub mod forms;
pub mod pages;

use db::PartyRow;
use hoering::consultees::{PartyStatus, status};

/// Where a party stands: invited, answered, declined, or not invited yet.
pub fn status_of(row: &PartyRow) -> PartyStatus {
    status(
        row.invited_at,
        row.answered_at.is_some(),
        row.declined_at.is_some(),
    )
}

/// Writes the invitations of hearings that have opened and the reminders that are due to the
/// outbox (once each, even with several servers); returns how many of each.
pub async fn send_due(
    pool: &sqlx::AnyPool,
    outbox: &crate::mail::Outbox,
    calendar: &hoering::calendar::Calendar,
    now: i64,
) -> Result<(u64, u64), crate::mail::MailError> {
    let day = |s: i64| {
        hoering::calendar::local_date(s)
            .parse::<jiff::civil::Date>()
            .ok()
    };
    let today = day(now);
    let mail = |p: &db::PartyInHearing, reminder: bool| {
        let last_day = day(p.closes_at)
            .map(|d| app::dates::long_date(app::i18n::Locale::da, d))
            .unwrap_or_default();
        // Parties are Danish organisations: invitations and reminders are written in Danish.
        app::mail::texts::invitation(
            app::i18n::Locale::da,
            &outbox.sender,
            &hoering::mail::InvitationMail {
                to: &p.party.email,
                organisation: &p.party.organisation,
                contact: p.party.contact.as_deref(),
                hearing_title: &p.title,
                last_day: &last_day,
                party_path: &app::routes::party_page(&p.party.token),
                reminder,
            },
        )
    };
    let mut invited = 0;
    for p in db::to_invite(pool, now).await? {
        if db::send(pool, p.party.id, false, outbox, &mail(&p, false)).await? {
            invited += 1;
        }
    }
    let mut reminded = 0;
    for p in db::may_remind(pool, now).await? {
        let (Some(today), Some(opens), Some(last_day)) = (today, day(p.opens_at), day(p.closes_at))
        else {
            continue;
        };
        let days = u32::try_from(p.reminder_days.max(0)).unwrap_or(0);
        let on = hoering::consultees::reminder_day(calendar, opens, last_day, days);
        let status = status_of(&p.party);
        if hoering::consultees::due_reminder(today, on, last_day, false, status)
            && db::send(pool, p.party.id, true, outbox, &mail(&p, true)).await?
        {
            reminded += 1;
        }
    }
    if invited + reminded > 0 {
        outbox.wake();
        tracing::info!(invited, reminded, "invitations and reminders written");
    }
    Ok((invited, reminded))
}
