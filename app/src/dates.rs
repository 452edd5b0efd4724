//! Dates and times in the reader's language, worded by the catalogue: month and weekday names
//! and the order of day, month and year are the locale file's, not the code's.

use crate::i18n::*;
use jiff::civil::{Date, DateTime};

/// The month's name as a date writes it ("december"; Ukrainian takes the genitive, "грудня").
fn month(locale: Locale, month: i8) -> &'static str {
    match month {
        1 => td_string!(locale, month_1),
        2 => td_string!(locale, month_2),
        3 => td_string!(locale, month_3),
        4 => td_string!(locale, month_4),
        5 => td_string!(locale, month_5),
        6 => td_string!(locale, month_6),
        7 => td_string!(locale, month_7),
        8 => td_string!(locale, month_8),
        9 => td_string!(locale, month_9),
        10 => td_string!(locale, month_10),
        11 => td_string!(locale, month_11),
        _ => td_string!(locale, month_12),
    }
}

/// The weekday's name; Monday is 0.
fn weekday(locale: Locale, monday_zero: i8) -> &'static str {
    match monday_zero {
        0 => td_string!(locale, weekday_1),
        1 => td_string!(locale, weekday_2),
        2 => td_string!(locale, weekday_3),
        3 => td_string!(locale, weekday_4),
        4 => td_string!(locale, weekday_5),
        5 => td_string!(locale, weekday_6),
        _ => td_string!(locale, weekday_7),
    }
}

/// "14. december 2026", "14 December 2026", "14 ديسمبر 2026", "14 грудня 2026".
pub fn long_date(locale: Locale, day: Date) -> String {
    td_string!(
        locale,
        date_long,
        day = day.day(),
        month = month(locale, day.month()),
        year = day.year()
    )
    .to_string()
}

/// A long date and the time to the minute, "14. december 2026 09:30", as receipts and the
/// clerks' lists show when something happened.
pub fn long_date_time(locale: Locale, at: DateTime) -> String {
    format!(
        "{} {:02}:{:02}",
        long_date(locale, at.date()),
        at.hour(),
        at.minute()
    )
}

/// `2026-12-14 09:30`: a time as the clerks' logs (journal, outbox) list it, the same in every
/// language.
pub fn iso_minute(at: DateTime) -> String {
    at.strftime("%Y-%m-%d %H:%M").to_string()
}

/// "17.00" in Danish, "17:00" elsewhere.
fn clock(locale: Locale, at: &jiff::Zoned) -> String {
    td_string!(
        locale,
        time_of_day,
        hour = format!("{:02}", at.hour()),
        minute = format!("{:02}", at.minute())
    )
    .to_string()
}

/// When a meeting takes place: "torsdag 12. september 2019 kl. 17.00–20.00"; the end is left
/// out when unknown, and given with its date when it falls on another day.
pub fn time_span(locale: Locale, starts: i64, ends: Option<i64>) -> String {
    let Some(start) = hoering::calendar::local_zoned(starts) else {
        return String::new();
    };
    let first = td_string!(
        locale,
        time_span_start,
        weekday = weekday(locale, start.weekday().to_monday_zero_offset()),
        date = long_date(locale, start.date()),
        time = clock(locale, &start)
    )
    .to_string();
    match ends.and_then(hoering::calendar::local_zoned) {
        Some(end) if end.date() == start.date() => format!("{first}–{}", clock(locale, &end)),
        Some(end) => td_string!(
            locale,
            time_span_other_day,
            start = first,
            weekday = weekday(locale, end.weekday().to_monday_zero_offset()),
            date = long_date(locale, end.date()),
            time = clock(locale, &end)
        )
        .to_string(),
        None => first,
    }
}

/// Dates on the wire between server and browser as jiff writes them (`2026-12-14`,
/// `2026-12-14T09:30:00`), read back by a parser of our own: jiff's serde reads with its full
/// ISO 8601 / RFC 9557 parser (time zones, offsets, annotations), about 100 KB of the browser
/// bundle for text only our server writes. The text is unchanged, so the API is too.
pub mod wire {
    use jiff::civil::{Date, DateTime};
    use serde::{Deserialize, Deserializer, Serializer, de::Error};

    fn number(text: &str) -> Option<i16> {
        if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        text.parse().ok()
    }

    /// `YYYY-MM-DD`.
    pub fn parse_date(text: &str) -> Option<Date> {
        let mut parts = text.splitn(3, '-');
        let year = number(parts.next()?)?;
        let month = i8::try_from(number(parts.next()?)?).ok()?;
        let day = i8::try_from(number(parts.next()?)?).ok()?;
        Date::new(year, month, day).ok()
    }

    /// `YYYY-MM-DDTHH:MM`, with or without `:SS`.
    pub fn parse_date_time(text: &str) -> Option<DateTime> {
        let (date, time) = text.split_once('T')?;
        let mut parts = time.splitn(3, ':');
        let hour = i8::try_from(number(parts.next()?)?).ok()?;
        let minute = i8::try_from(number(parts.next()?)?).ok()?;
        let second = match parts.next() {
            Some(s) => i8::try_from(number(s)?).ok()?,
            None => 0,
        };
        let time = jiff::civil::Time::new(hour, minute, second, 0).ok()?;
        Some(parse_date(date)?.to_datetime(time))
    }

    fn date_text(d: Date) -> String {
        format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
    }

    /// `#[serde(with = "crate::dates::wire::date")]`.
    pub mod date {
        use super::*;
        pub fn serialize<S: Serializer>(d: &Date, s: S) -> Result<S::Ok, S::Error> {
            s.serialize_str(&date_text(*d))
        }
        pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
            let text = String::deserialize(d)?;
            parse_date(&text).ok_or_else(|| D::Error::custom("expected a date, YYYY-MM-DD"))
        }
    }

    /// `#[serde(with = "crate::dates::wire::date_time")]`.
    pub mod date_time {
        use super::*;
        pub fn serialize<S: Serializer>(t: &DateTime, s: S) -> Result<S::Ok, S::Error> {
            s.serialize_str(&format!(
                "{}T{:02}:{:02}:{:02}",
                date_text(t.date()),
                t.hour(),
                t.minute(),
                t.second()
            ))
        }
        pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime, D::Error> {
            let text = String::deserialize(d)?;
            parse_date_time(&text)
                .ok_or_else(|| D::Error::custom("expected a date and time, YYYY-MM-DDTHH:MM:SS"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i16, m: i8, d: i8) -> Date {
        jiff::civil::date(y, m, d)
    }

    #[test]
    fn long_dates_read_as_each_language_writes_them() {
        let d = day(2020, 1, 29);
        assert_eq!(long_date(Locale::da, d), "29. januar 2020");
        assert_eq!(long_date(Locale::en, d), "29 January 2020");
        assert_eq!(long_date(Locale::ar, d), "29 يناير 2020");
        assert_eq!(long_date(Locale::uk, d), "29 січня 2020");
    }

    #[test]
    fn meeting_times_keep_the_danish_wording_and_read_in_every_language() {
        // Thursday 12 September 2019, 17:00–20:00 in Copenhagen (UTC+2 in summer).
        let start = 1_568_300_400;
        let end = start + 3 * 3600;
        assert_eq!(
            time_span(Locale::da, start, Some(end)),
            "torsdag 12. september 2019 kl. 17.00–20.00"
        );
        assert_eq!(
            time_span(Locale::en, start, Some(end)),
            "Thursday 12 September 2019, 17:00–20:00"
        );
        assert_eq!(
            time_span(Locale::da, start, Some(end + 24 * 3600)),
            "torsdag 12. september 2019 kl. 17.00 til fredag 13. september 2019 kl. 20.00"
        );
        assert_eq!(
            time_span(Locale::da, start, None),
            "torsdag 12. september 2019 kl. 17.00"
        );
        for locale in Locale::get_all() {
            let text = time_span(*locale, start, Some(end));
            assert!(
                text.contains("2019") && text.contains("17"),
                "{locale:?}: {text}"
            );
        }
    }

    #[test]
    fn dates_and_times_become_long_dates_with_the_time_kept() {
        assert_eq!(
            long_date(Locale::da, day(2026, 12, 14)),
            "14. december 2026"
        );
        let at = day(2026, 12, 14).at(9, 30, 0, 0);
        assert_eq!(long_date_time(Locale::en, at), "14 December 2026 09:30");
        assert_eq!(long_date_time(Locale::da, at), "14. december 2026 09:30");
        assert_eq!(iso_minute(at), "2026-12-14 09:30");
        // Midnight keeps its zeros.
        assert_eq!(
            long_date_time(Locale::da, day(2026, 1, 2).at(0, 5, 0, 0)),
            "2. januar 2026 00:05"
        );
    }

    #[test]
    fn dates_cross_the_wire_as_jiff_writes_them_and_come_back() {
        use jiff::civil::{date, datetime};
        #[derive(serde::Serialize, serde::Deserialize, PartialEq, Debug)]
        struct Both {
            #[serde(with = "super::wire::date")]
            day: jiff::civil::Date,
            #[serde(with = "super::wire::date_time")]
            at: jiff::civil::DateTime,
        }
        let both = Both {
            day: date(2019, 9, 12),
            at: datetime(2026, 12, 14, 9, 5, 0, 0),
        };
        let json = serde_json::to_string(&both).expect("writes");
        // The same text as jiff's own serde, so the API reads as before.
        assert_eq!(
            json,
            format!(
                "{{\"day\":{},\"at\":{}}}",
                serde_json::to_string(&both.day).expect("jiff writes"),
                serde_json::to_string(&both.at).expect("jiff writes")
            )
        );
        assert_eq!(
            serde_json::from_str::<Both>(&json).expect("reads back"),
            both
        );
        assert_eq!(
            super::wire::parse_date_time("2026-12-14T09:30"),
            Some(datetime(2026, 12, 14, 9, 30, 0, 0))
        );
        for bad in [
            "",
            "2026-13-01",
            "2026-02-30",
            "12-14",
            "2026-1x-01",
            "+2026-01-01",
        ] {
            assert_eq!(super::wire::parse_date(bad), None, "{bad}");
        }
        assert_eq!(super::wire::parse_date_time("2026-12-14 09:30"), None);
        assert!(serde_json::from_str::<Both>(r#"{"day":"2019-09-12","at":"soon"}"#).is_err());
    }
}
