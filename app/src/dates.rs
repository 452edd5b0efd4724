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
}
