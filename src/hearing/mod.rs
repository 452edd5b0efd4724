//! Hearings in time: when a høring is open, in the municipality's own time zone, and its slug.
//!
//! Deadlines are announced as dates ("høringsfrist 25. oktober"), meaning the whole of that
//! day in Denmark. [`HearingWindow`] turns such dates into exact instants once, with the
//! bundled time-zone database, so that the server, the browser and the database agree on
//! the same instants whatever their own clock's zone.

pub mod draft;
mod slug;

use jiff::civil::{Date, DateTime};
use jiff::tz::TimeZone;
use jiff::{Timestamp, Zoned};
use serde::{Deserialize, Serialize};
use thiserror::Error;

pub use draft::{
    HearingFields, MAX_BLOCKS, MAX_MARKDOWN_BYTES, NewHearing, Rejected, parse_markdown, prepare,
};
pub use slug::{Slug, SlugError};

/// The municipality's time zone; every local date and time in hoering means this zone.
pub const TIME_ZONE_NAME: &str = "Europe/Copenhagen";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Error, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HearingError {
    #[error("the time zone {TIME_ZONE_NAME} is not available")]
    TimeZoneUnavailable,
    #[error("a hearing must open before it closes")]
    ClosesBeforeOpens,
    #[error("the date or time is outside the supported range")]
    OutOfRange,
}

/// Why a string is not a `YYYY-MM-DD` date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateError {
    #[error("a date is written YYYY-MM-DD")]
    Format,
    #[error("no such day in the calendar")]
    NoSuchDay,
}

/// Parses exactly `YYYY-MM-DD` (surrounding whitespace allowed), as sent by
/// `<input type="date">` and written in front matter.
pub fn parse_date(s: &str) -> Result<Date, DateError> {
    let s = s.trim();
    let b = s.as_bytes();
    let shape = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shape {
        return Err(DateError::Format);
    }
    let number = |range: std::ops::Range<usize>| {
        s.get(range)
            .and_then(|p| p.parse::<i16>().ok())
            .ok_or(DateError::Format)
    };
    let year = number(0..4)?;
    let month = i8::try_from(number(5..7)?).map_err(|_| DateError::NoSuchDay)?;
    let day = i8::try_from(number(8..10)?).map_err(|_| DateError::NoSuchDay)?;
    Date::new(year, month, day).map_err(|_| DateError::NoSuchDay)
}

/// The time zone of [`TIME_ZONE_NAME`] from the bundled database.
pub fn copenhagen() -> Result<TimeZone, HearingError> {
    TimeZone::get(TIME_ZONE_NAME).map_err(|_| HearingError::TimeZoneUnavailable)
}

/// Where a hearing is in its life at a given instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum HearingState {
    Upcoming,
    Open,
    Closed,
}

impl HearingState {
    pub fn as_str(self) -> &'static str {
        match self {
            HearingState::Upcoming => "upcoming",
            HearingState::Open => "open",
            HearingState::Closed => "closed",
        }
    }
}

/// The period in which responses are accepted: from `opens` through `closes`, both
/// included, with `opens < closes`.
///
/// Serialises as `{"opens": "<RFC 3339>", "closes": "<RFC 3339>"}` in UTC; deserialising
/// checks the order again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "WindowRepr", into = "WindowRepr")]
pub struct HearingWindow {
    opens: Timestamp,
    closes: Timestamp,
    /// Kept so that local dates need no fallible look-up after construction.
    tz: TimeZone,
}

#[derive(Serialize, Deserialize)]
struct WindowRepr {
    opens: Timestamp,
    closes: Timestamp,
}

impl TryFrom<WindowRepr> for HearingWindow {
    type Error = HearingError;

    fn try_from(value: WindowRepr) -> Result<Self, Self::Error> {
        HearingWindow::new(value.opens, value.closes)
    }
}

impl From<HearingWindow> for WindowRepr {
    fn from(value: HearingWindow) -> Self {
        WindowRepr {
            opens: value.opens,
            closes: value.closes,
        }
    }
}

impl HearingWindow {
    pub fn new(opens: Timestamp, closes: Timestamp) -> Result<Self, HearingError> {
        if opens >= closes {
            return Err(HearingError::ClosesBeforeOpens);
        }
        Ok(HearingWindow {
            opens,
            closes,
            tz: copenhagen()?,
        })
    }

    /// From 00:00 on `opens` through the last instant of `closes`, Danish time. A one-day
    /// hearing (`opens == closes`) is allowed.
    pub fn from_local_dates(opens: Date, closes: Date) -> Result<Self, HearingError> {
        if closes < opens {
            return Err(HearingError::ClosesBeforeOpens);
        }
        let tz = copenhagen()?;
        let start = opens
            .to_zoned(tz.clone())
            .map_err(|_| HearingError::OutOfRange)?;
        let end = closes
            .to_zoned(tz)
            .and_then(|z| z.end_of_day())
            .map_err(|_| HearingError::OutOfRange)?;
        HearingWindow::new(start.timestamp(), end.timestamp())
    }

    /// From and through the given wall-clock times in Danish time. A time that occurs twice
    /// when summer time ends is read as the earlier one; a time skipped when it begins is
    /// moved forward by the gap.
    pub fn from_local_datetimes(opens: DateTime, closes: DateTime) -> Result<Self, HearingError> {
        let tz = copenhagen()?;
        let start = tz
            .to_timestamp(opens)
            .map_err(|_| HearingError::OutOfRange)?;
        let end = tz
            .to_timestamp(closes)
            .map_err(|_| HearingError::OutOfRange)?;
        HearingWindow::new(start, end)
    }

    pub fn opens(&self) -> Timestamp {
        self.opens
    }

    /// The last instant at which a response is accepted.
    pub fn closes(&self) -> Timestamp {
        self.closes
    }

    pub fn opens_local(&self) -> Zoned {
        self.opens.to_zoned(self.tz.clone())
    }

    pub fn closes_local(&self) -> Zoned {
        self.closes.to_zoned(self.tz.clone())
    }

    pub fn opens_local_date(&self) -> Date {
        self.opens_local().date()
    }

    /// The høringsfrist as announced: the closing day in Danish time.
    pub fn closes_local_date(&self) -> Date {
        self.closes_local().date()
    }

    pub fn state_at(&self, now: Timestamp) -> HearingState {
        if now < self.opens {
            HearingState::Upcoming
        } else if now <= self.closes {
            HearingState::Open
        } else {
            HearingState::Closed
        }
    }

    pub fn is_open_at(&self, now: Timestamp) -> bool {
        self.state_at(now) == HearingState::Open
    }

    /// Whole calendar days from today (in Danish time) to the closing day: 0 on the last
    /// day, 1 the day before. Also given before the hearing opens; `None` once it is closed.
    pub fn days_left(&self, now: Timestamp) -> Option<i64> {
        if self.state_at(now) == HearingState::Closed {
            return None;
        }
        let today = now.to_zoned(self.tz.clone()).date();
        let span = self.closes_local_date() - today;
        Some(i64::from(span.get_days()))
    }
}

#[cfg(test)]
mod tests;
