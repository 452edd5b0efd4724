//! Times as Copenhagen readers see them.

use jiff::Timestamp;
use jiff::tz::TimeZone;

fn copenhagen() -> TimeZone {
    // The tz database is bundled into the binary; the fallback only guards a broken build.
    TimeZone::get("Europe/Copenhagen").unwrap_or(TimeZone::UTC)
}

/// `YYYY-MM-DD` of a Unix time in Copenhagen.
pub fn local_date(seconds: i64) -> String {
    Timestamp::from_second(seconds)
        .map(|t| t.to_zoned(copenhagen()).date().to_string())
        .unwrap_or_default()
}

/// `YYYY-MM-DD HH:MM` of a Unix time in Copenhagen.
pub fn local_datetime(seconds: i64) -> String {
    Timestamp::from_second(seconds)
        .map(|t| {
            t.to_zoned(copenhagen())
                .strftime("%Y-%m-%d %H:%M")
                .to_string()
        })
        .unwrap_or_default()
}

/// The year of a Unix time in Copenhagen, for receipt numbers.
pub fn local_year(seconds: i64) -> i16 {
    Timestamp::from_second(seconds)
        .map(|t| t.to_zoned(copenhagen()).year())
        .unwrap_or(1970)
}

/// RFC 3339 in UTC, for the JSON API.
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
        // 2026-12-31 22:30 UTC is 23:30 in Copenhagen (UTC+1).
        let t: Timestamp = "2026-12-31T22:30:00Z".parse().unwrap();
        assert_eq!(local_datetime(t.as_second()), "2026-12-31 23:30");
    }
}
