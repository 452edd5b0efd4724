//! Where each party stands in a hearing, the counts on the clerk's page, and reminders.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::calendar::Calendar;

/// Where one party on the list stands in one hearing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PartyStatus {
    /// On the list, but no invitation sent yet.
    NotInvited,
    /// Invited, and neither answered nor declined.
    Invited,
    /// Sent a høringssvar.
    Answered,
    /// Said they will not answer ("afstår fra at afgive høringssvar").
    Declined,
}

crate::coded::coded_enum!(PartyStatus, parse: trimmed, {
    NotInvited => "not_invited",
    Invited => "invited",
    Answered => "answered",
    Declined => "declined",
});

/// A party's status from what is stored about it. An answer wins over a decline: a party that
/// first declined and then answered after all must be accounted for with its answer. An
/// answer or decline also counts without a recorded invitation, since a party may hear of the
/// hearing before the clerk sends the letter.
pub fn status(invited_at: Option<i64>, answered: bool, declined: bool) -> PartyStatus {
    if answered {
        PartyStatus::Answered
    } else if declined {
        PartyStatus::Declined
    } else if invited_at.is_some() {
        PartyStatus::Invited
    } else {
        PartyStatus::NotInvited
    }
}

/// The counts on the clerk's page, "inviteret / svaret / afstået / intet svar".
///
/// `invited` counts every party that has been invited or has answered or declined (everything
/// but [`PartyStatus::NotInvited`]); `answered` and `declined` count those statuses;
/// `no_answer` counts the invited parties that have neither answered nor declined
/// ([`PartyStatus::Invited`]). So `invited == answered + declined + no_answer` always, and
/// `not_invited` counts the rest of the list.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListCounts {
    pub invited: u32,
    pub answered: u32,
    pub declined: u32,
    pub no_answer: u32,
    pub not_invited: u32,
}

impl ListCounts {
    pub fn of(statuses: impl IntoIterator<Item = PartyStatus>) -> Self {
        let mut counts = ListCounts::default();
        for status in statuses {
            let slot = match status {
                PartyStatus::NotInvited => &mut counts.not_invited,
                PartyStatus::Invited => &mut counts.no_answer,
                PartyStatus::Answered => &mut counts.answered,
                PartyStatus::Declined => &mut counts.declined,
            };
            *slot = slot.saturating_add(1);
            if status != PartyStatus::NotInvited {
                counts.invited = counts.invited.saturating_add(1);
            }
        }
        counts
    }
}

impl FromIterator<PartyStatus> for ListCounts {
    fn from_iter<I: IntoIterator<Item = PartyStatus>>(iter: I) -> Self {
        Self::of(iter)
    }
}

/// The day to remind the parties that have not answered: `working_days_before` working days
/// before the deadline day `last_day`, counted back as [`Calendar::add_working_days`] counts
/// forward (the deadline itself does not count; 0 gives the deadline). A reminder cannot go
/// out before the hearing opens, so a day before `opens` gives `opens`.
pub fn reminder_day(
    calendar: &Calendar,
    opens: Date,
    last_day: Date,
    working_days_before: u32,
) -> Date {
    let mut day = last_day;
    let mut left = working_days_before;
    // Stopping at the opening day bounds the walk whatever number the clerk types.
    while left > 0 && day > opens {
        let Ok(previous) = day.yesterday() else {
            break;
        };
        day = previous;
        if calendar.is_working_day(day) {
            left -= 1;
        }
    }
    day.max(opens)
}

/// Whether to send a party its reminder today: only a party that was invited and has neither
/// answered nor declined, only once, from the reminder day through the deadline day.
pub fn due_reminder(
    today: Date,
    reminder_day: Date,
    last_day: Date,
    already_reminded: bool,
    status: PartyStatus,
) -> bool {
    status == PartyStatus::Invited
        && !already_reminded
        && reminder_day <= today
        && today <= last_day
}
