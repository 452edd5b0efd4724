//! A new dialogue meeting as the clerk types it.

use jiff::Timestamp;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::{MeetingErrors, SignupMode, normalise_text, one_line};
use crate::calendar::local_instant;
use crate::mistakes::Mistakes;

/// The meeting form exactly as posted: every field a string, missing fields empty.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct MeetingFields {
    pub title: String,
    /// The meeting's day: `YYYY-MM-DD` from a date input, or `DD-MM-YYYY` / `DD.MM.YYYY` typed.
    pub date: String,
    /// `HH:MM`; `9:30` and the Danish `09.30` are read too.
    pub starts: String,
    /// Like `starts`; may be empty.
    pub ends: String,
    pub place: String,
    /// "ja" or "nej": whether the place is step-free. Required, because people in wheelchairs
    /// decide from it whether to come.
    pub step_free: String,
    /// Markdown; may be empty.
    pub agenda: String,
    /// Seats, 1–10 000.
    pub capacity: String,
    /// The last day to sign up; empty means the meeting's own day.
    pub signup_deadline: String,
    /// A [`SignupMode`] code.
    pub mode: String,
}

/// A meeting ready to store.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewMeeting {
    pub title: String,
    pub starts_at: Timestamp,
    pub ends_at: Option<Timestamp>,
    pub place: String,
    pub step_free: bool,
    pub agenda: String,
    pub capacity: u32,
    pub signup_deadline: Date,
    pub mode: SignupMode,
}

impl NewMeeting {
    pub const MAX_TITLE_CHARS: usize = 200;
    pub const MAX_PLACE_CHARS: usize = 300;
    pub const MAX_AGENDA_CHARS: usize = 20_000;
    pub const MAX_CAPACITY: u32 = 10_000;
}

impl MeetingFields {
    /// The meeting, or every mistake at once.
    pub fn parse(&self) -> Result<NewMeeting, MeetingErrors> {
        let mut mistakes = Mistakes::default();

        let mut required_line = |field: &str, input: &str, max: usize| {
            match one_line(input, max) {
                Ok(Some(s)) => return Some(s),
                Ok(None) => mistakes.note(field, "required"),
                Err(code) => mistakes.note(field, code),
            }
            None
        };
        let title = required_line("title", &self.title, NewMeeting::MAX_TITLE_CHARS);
        let place = required_line("place", &self.place, NewMeeting::MAX_PLACE_CHARS);

        let day = mistakes.required("date", &self.date, parse_day);
        let starts = mistakes.required("starts", &self.starts, parse_time);
        let ends = mistakes.optional("ends", &self.ends, None, |s| {
            match (parse_time(s), starts) {
                (None, _) => Err("invalid"),
                // Compared as wall-clock times: the meeting is on one day, and the rare
                // hour that summer time repeats or skips is no reason to accept 14:00–13:30.
                (Some(e), Some(s)) if e <= s => Err("ends_before_start"),
                (Some(e), _) => Ok(e),
            }
        });
        let step_free = mistakes.required("step_free", &self.step_free, |s| match s {
            "ja" => Some(true),
            "nej" => Some(false),
            _ => None,
        });
        let agenda = normalise_text(&self.agenda);
        if agenda.chars().count() > NewMeeting::MAX_AGENDA_CHARS {
            mistakes.note("agenda", "too_long");
        }
        let capacity = mistakes.required("capacity", &self.capacity, parse_capacity);
        let signup_deadline =
            mistakes.optional("signup_deadline", &self.signup_deadline, day, |s| {
                match (parse_day(s), day) {
                    (None, _) => Err("invalid"),
                    (Some(deadline), Some(day)) if deadline > day => Err("after_meeting"),
                    (Some(deadline), _) => Ok(deadline),
                }
            });
        let mode = mistakes.required("mode", &self.mode, SignupMode::parse);

        // Only out-of-range years can fail here; they are the date's fault.
        let instant = |day: Date, (hour, minute): (i8, i8)| local_instant(day, hour, minute).ok();
        let starts_at = match (day, starts) {
            (Some(d), Some(s)) => instant(d, s).or_else(|| {
                mistakes.note("date", "invalid");
                None
            }),
            _ => None,
        };
        let ends_at = match (day, ends) {
            (Some(d), Some(e)) => match instant(d, e) {
                Some(t) => Some(Some(t)),
                None => {
                    mistakes.note("date", "invalid");
                    None
                }
            },
            _ => Some(None),
        };

        match (
            title,
            place,
            starts_at,
            ends_at,
            step_free,
            capacity,
            signup_deadline,
            mode,
        ) {
            (
                Some(title),
                Some(place),
                Some(starts_at),
                Some(ends_at),
                Some(step_free),
                Some(capacity),
                Some(signup_deadline),
                Some(mode),
            ) if mistakes.is_empty() => Ok(NewMeeting {
                title,
                starts_at,
                ends_at,
                place,
                step_free,
                agenda,
                capacity,
                signup_deadline,
                mode,
            }),
            _ => Err(mistakes.into_map()),
        }
    }
}

/// `YYYY-MM-DD` as a date input sends it, or the day first as Danes type it: `12-09-2019`,
/// `12.09.2019`, `12/9/2019`.
pub(super) fn parse_day(s: &str) -> Option<Date> {
    let s = s.trim();
    if let Ok(d) = crate::hearing::parse_date(s) {
        return Some(d);
    }
    let mut parts = s.split(['-', '.', '/']);
    let (Some(day), Some(month), Some(year), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return None;
    };
    let number = |p: &str, max_len: usize| {
        (!p.is_empty() && p.len() <= max_len && p.bytes().all(|b| b.is_ascii_digit()))
            .then(|| p.parse::<i16>().ok())
            .flatten()
    };
    // A four-digit year only: "12.09.19" could be 1919 or 2019.
    if year.len() != 4 {
        return None;
    }
    let year = number(year, 4)?;
    let month = i8::try_from(number(month, 2)?).ok()?;
    let day = i8::try_from(number(day, 2)?).ok()?;
    Date::new(year, month, day).ok()
}

/// `HH:MM`, `H:MM` or with a dot (`09.30`), optionally after "kl." as in "kl. 19.00".
pub(super) fn parse_time(s: &str) -> Option<(i8, i8)> {
    let mut s = s.trim();
    if let Some(rest) = ["kl.", "Kl.", "kl", "Kl"]
        .into_iter()
        .find_map(|p| s.strip_prefix(p))
    {
        s = rest.trim_start();
    }
    let (hour, minute) = s.split_once([':', '.'])?;
    let digits = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
    if !(1..=2).contains(&hour.len()) || minute.len() != 2 || !digits(hour) || !digits(minute) {
        return None;
    }
    let hour: i8 = hour.parse().ok()?;
    let minute: i8 = minute.parse().ok()?;
    ((0..=23).contains(&hour) && (0..=59).contains(&minute)).then_some((hour, minute))
}

fn parse_capacity(s: &str) -> Option<u32> {
    if !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse::<u32>()
        .ok()
        .filter(|n| (1..=NewMeeting::MAX_CAPACITY).contains(n))
}
