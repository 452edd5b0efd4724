//! Time as the municipality reads it: instants stored as Unix seconds, shown as dates and times
//! in Copenhagen. One place, so the server, the API and the browser never disagree on a day.
//! [`working_days`] holds the Danish working-day calendar (hverdage) for deadlines.

pub mod working_days;

pub use working_days::{
    Calendar, Holiday, LAST_GREAT_PRAYER_DAY_YEAR, easter_sunday, national_holiday,
};

use jiff::Timestamp;
use jiff::tz::TimeZone;

/// Copenhagen, or UTC if the bundled time-zone database were missing (it is compiled in, so
/// that only guards a broken build; the hearing rules refuse to run without it).
fn zone() -> TimeZone {
    crate::hearing::copenhagen().unwrap_or(TimeZone::UTC)
}

/// `YYYY-MM-DD` of a Unix time in Copenhagen.
pub fn local_date(seconds: i64) -> String {
    Timestamp::from_second(seconds)
        .map(|t| t.to_zoned(zone()).date().to_string())
        .unwrap_or_default()
}

/// The calendar day of an instant in Copenhagen.
pub fn local_date_of(t: Timestamp) -> jiff::civil::Date {
    t.to_zoned(zone()).date()
}

/// The calendar day of a Unix time in Copenhagen (the default date for a time out of range).
pub fn local_day(seconds: i64) -> jiff::civil::Date {
    Timestamp::from_second(seconds)
        .map(local_date_of)
        .unwrap_or_default()
}

/// The Copenhagen wall-clock time of a Unix time, to the minute, for pages to word: a civil
/// time carries no zone, so the browser needs no time-zone data to show it.
pub fn local_minute(seconds: i64) -> jiff::civil::DateTime {
    Timestamp::from_second(seconds)
        .map(|t| {
            let at = t.to_zoned(zone()).datetime();
            at.date().at(at.hour(), at.minute(), 0, 0)
        })
        .unwrap_or_default()
}

/// The instant a Copenhagen wall-clock time falls on (the earlier one when clocks go back).
pub fn local_instant(
    day: jiff::civil::Date,
    hour: i8,
    minute: i8,
) -> Result<Timestamp, jiff::Error> {
    day.at(hour, minute, 0, 0)
        .to_zoned(zone())
        .map(|z| z.timestamp())
}

/// `YYYY-MM-DD HH:MM` of a Unix time in Copenhagen.
pub fn local_datetime(seconds: i64) -> String {
    Timestamp::from_second(seconds)
        .map(|t| t.to_zoned(zone()).strftime("%Y-%m-%d %H:%M").to_string())
        .unwrap_or_default()
}

/// The year of a Unix time in Copenhagen (a response sent at 00:30 on 1 January local time
/// belongs to the new year).
pub fn local_year(seconds: i64) -> i16 {
    Timestamp::from_second(seconds)
        .map(|t| t.to_zoned(zone()).year())
        .unwrap_or(1970)
}

/// Today's date in Copenhagen.
pub fn today() -> jiff::civil::Date {
    Timestamp::now().to_zoned(zone()).date()
}

/// A Unix time as a Copenhagen wall-clock time, for the UI to word in the reader's language.
pub fn local_zoned(seconds: i64) -> Option<jiff::Zoned> {
    zoned(seconds)
}

fn zoned(seconds: i64) -> Option<jiff::Zoned> {
    Timestamp::from_second(seconds)
        .ok()
        .map(|t| t.to_zoned(zone()))
}

/// RFC 3339 in UTC, for the open-data API.
pub fn rfc3339(seconds: i64) -> String {
    Timestamp::from_second(seconds)
        .map(|t| t.to_string())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copenhagen_dates_follow_summer_time() {
        // 2026-06-30 22:30 UTC is already 1 July in Copenhagen (UTC+2).
        let t: Timestamp = "2026-06-30T22:30:00Z".parse().unwrap();
        assert_eq!(local_date(t.as_second()), "2026-07-01");
        // 2026-12-31 22:30 UTC is 23:30 in Copenhagen (UTC+1), and still 2026.
        let t: Timestamp = "2026-12-31T22:30:00Z".parse().unwrap();
        assert_eq!(local_datetime(t.as_second()), "2026-12-31 23:30");
        assert_eq!(local_year(t.as_second()), 2026);
        // 2026-12-31 23:30 UTC is already New Year in Copenhagen.
        let t: Timestamp = "2026-12-31T23:30:00Z".parse().unwrap();
        assert_eq!(local_year(t.as_second()), 2027);
        assert_eq!(rfc3339(t.as_second()), "2026-12-31T23:30:00Z");
    }

    #[test]
    fn civil_days_and_minutes_are_the_copenhagen_ones() {
        let t: Timestamp = "2026-06-30T22:30:45Z".parse().unwrap();
        assert_eq!(local_day(t.as_second()), jiff::civil::date(2026, 7, 1));
        assert_eq!(
            local_minute(t.as_second()),
            jiff::civil::date(2026, 7, 1).at(0, 30, 0, 0)
        );
        assert_eq!(
            local_minute(t.as_second()).to_string(),
            "2026-07-01T00:30:00"
        );
    }
}
