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

/// A date as Danish prose writes it: "29. januar 2020" (as in "Vedtaget i Byrådet den …").
pub fn danish_long_date(day: jiff::civil::Date) -> String {
    const MONTHS: [&str; 12] = [
        "januar",
        "februar",
        "marts",
        "april",
        "maj",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "december",
    ];
    let month = MONTHS[usize::from(day.month().unsigned_abs()).saturating_sub(1) % 12];
    format!("{}. {} {}", day.day(), month, day.year())
}

/// A date as English prose writes it: "29 January 2020".
pub fn english_long_date(day: jiff::civil::Date) -> String {
    day.strftime("%-d %B %Y").to_string()
}

/// When a meeting takes place, as Danish prose writes it: "torsdag 12. september 2019 kl.
/// 17.00–20.00" (the end left out when unknown, or given with its date when on another day).
pub fn danish_time_span(starts: i64, ends: Option<i64>) -> String {
    const DAYS: [&str; 7] = [
        "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag",
    ];
    let Some(start) = zoned(starts) else {
        return String::new();
    };
    let day = DAYS[usize::from(start.weekday().to_monday_zero_offset().unsigned_abs()) % 7];
    let mut out = format!(
        "{day} {} kl. {}",
        danish_long_date(start.date()),
        start.strftime("%H.%M")
    );
    if let Some(end) = ends.and_then(zoned) {
        if end.date() == start.date() {
            out.push_str(&format!("–{}", end.strftime("%H.%M")));
        } else {
            out.push_str(&format!(
                " til {} kl. {}",
                danish_long_date(end.date()),
                end.strftime("%H.%M")
            ));
        }
    }
    out
}

/// The English of [`danish_time_span`]: "Thursday 12 September 2019, 17:00–20:00".
pub fn english_time_span(starts: i64, ends: Option<i64>) -> String {
    let Some(start) = zoned(starts) else {
        return String::new();
    };
    let mut out = start.strftime("%A %-d %B %Y, %H:%M").to_string();
    if let Some(end) = ends.and_then(zoned) {
        if end.date() == start.date() {
            out.push_str(&format!("–{}", end.strftime("%H:%M")));
        } else {
            out.push_str(&format!(" to {}", end.strftime("%A %-d %B %Y, %H:%M")));
        }
    }
    out
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
    fn meeting_times_read_as_danish_and_english_prose() {
        let day = jiff::civil::date(2019, 9, 12);
        let start = local_instant(day, 17, 0).unwrap().as_second();
        let end = local_instant(day, 20, 0).unwrap().as_second();
        assert_eq!(
            danish_time_span(start, Some(end)),
            "torsdag 12. september 2019 kl. 17.00–20.00"
        );
        assert_eq!(
            english_time_span(start, Some(end)),
            "Thursday 12 September 2019, 17:00–20:00"
        );
        assert_eq!(
            danish_time_span(start, None),
            "torsdag 12. september 2019 kl. 17.00"
        );
        let next = local_instant(jiff::civil::date(2019, 9, 13), 9, 30)
            .unwrap()
            .as_second();
        assert_eq!(
            danish_time_span(start, Some(next)),
            "torsdag 12. september 2019 kl. 17.00 til 13. september 2019 kl. 09.30"
        );
    }

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
    fn long_dates_in_danish_and_english() {
        let adopted = jiff::civil::date(2020, 1, 29);
        assert_eq!(danish_long_date(adopted), "29. januar 2020");
        assert_eq!(english_long_date(adopted), "29 January 2020");
        assert_eq!(
            danish_long_date(jiff::civil::date(2023, 5, 5)),
            "5. maj 2023"
        );
        assert_eq!(
            danish_long_date(jiff::civil::date(2024, 12, 31)),
            "31. december 2024"
        );
    }
}
