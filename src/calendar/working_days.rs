//! The Danish working-day calendar: which days are hverdage, so that promises such as "svar inden
//! for 10 hverdage" and hearing windows of "N working days" mean the same day everywhere.
//!
//! A working day is Monday to Friday, less the national holidays (most follow Easter) and the
//! days the municipality itself is closed. Store bededag was a holiday up to and including 2023
//! only. Grundlovsdag, juleaftensdag and nytårsaftensdag are not statutory holidays, but
//! municipal administrations are closed on them by custom, so a [`Calendar`] counts them as
//! closed unless the municipality switches them off.

use std::collections::BTreeSet;

use jiff::civil::{Date, Weekday, date};
use serde::{Deserialize, Serialize};

/// A day on which the administration is closed although it is a weekday.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Holiday {
    /// Nytårsdag, 1 January.
    NewYearsDay,
    /// Skærtorsdag, the Thursday before Easter.
    MaundyThursday,
    /// Langfredag.
    GoodFriday,
    /// Påskedag (always a Sunday; listed so that a name can be shown for it).
    EasterSunday,
    /// 2. påskedag.
    EasterMonday,
    /// Store bededag, the fourth Friday after Easter; abolished as a holiday from 2024.
    GreatPrayerDay,
    /// Kristi himmelfartsdag, 39 days after Easter.
    AscensionDay,
    /// Pinsedag (a Sunday).
    Whitsunday,
    /// 2. pinsedag.
    WhitMonday,
    /// Grundlovsdag, 5 June: closed by custom, configurable.
    ConstitutionDay,
    /// Juleaftensdag, 24 December: closed by custom, configurable.
    ChristmasEve,
    /// Juledag, 25 December.
    ChristmasDay,
    /// 2. juledag, 26 December.
    SecondChristmasDay,
    /// Nytårsaftensdag, 31 December: closed by custom, configurable.
    NewYearsEve,
    /// One of the municipality's own extra closing days.
    ClosingDay,
}

/// The last year in which store bededag was a public holiday.
pub const LAST_GREAT_PRAYER_DAY_YEAR: i16 = 2023;

/// Easter Sunday of `year` in the Gregorian calendar (the anonymous Gregorian computus, as
/// Meeus gives it).
pub fn easter_sunday(year: i16) -> Date {
    let y = i32::from(year);
    let a = y.rem_euclid(19);
    let b = y.div_euclid(100);
    let c = y.rem_euclid(100);
    let d = b.div_euclid(4);
    let e = b.rem_euclid(4);
    let f = (b + 8).div_euclid(25);
    let g = (b - f + 1).div_euclid(3);
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c.div_euclid(4);
    let k = c.rem_euclid(4);
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l).div_euclid(451);
    let n = h + l - 7 * m + 114;
    // h is 0..=29, l is 0..=6 and m is 0..=1 (0..=2 bounds it safely), so n is 100..=149:
    // month 3 or 4, day 1..=31 in March and 1..=26 in April. Every such day exists in every
    // year, so `date` (which panics only on a day that does not exist) cannot panic.
    let month = (n / 31) as i8;
    let day = (n % 31 + 1) as i8;
    date(year, month, day)
}

/// The statutory national holiday on `day`, if any (ignoring weekends and customary closing
/// days). Påskedag and pinsedag are included although they are always Sundays.
pub fn national_holiday(day: Date) -> Option<Holiday> {
    match (day.month(), day.day()) {
        (1, 1) => return Some(Holiday::NewYearsDay),
        (12, 25) => return Some(Holiday::ChristmasDay),
        (12, 26) => return Some(Holiday::SecondChristmasDay),
        _ => {}
    }
    // The movable holidays lie between 19 March and 14 June of the same year, so the
    // difference of the days of the year is the distance from Easter.
    let easter = easter_sunday(day.year());
    let offset = day.day_of_year() - easter.day_of_year();
    match offset {
        -3 => Some(Holiday::MaundyThursday),
        -2 => Some(Holiday::GoodFriday),
        0 => Some(Holiday::EasterSunday),
        1 => Some(Holiday::EasterMonday),
        26 if day.year() <= LAST_GREAT_PRAYER_DAY_YEAR => Some(Holiday::GreatPrayerDay),
        39 => Some(Holiday::AscensionDay),
        49 => Some(Holiday::Whitsunday),
        50 => Some(Holiday::WhitMonday),
        _ => None,
    }
}

/// A municipality's working-day calendar: the national holidays, the customary closing days it
/// keeps, and its own extra closing days (say, the Friday after Kristi himmelfartsdag).
///
/// `Calendar::default()` keeps all three customary days, as municipal administrations do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Calendar {
    /// Closed on Grundlovsdag, 5 June.
    pub constitution_day: bool,
    /// Closed on juleaftensdag, 24 December.
    pub christmas_eve: bool,
    /// Closed on nytårsaftensdag, 31 December.
    pub new_years_eve: bool,
    /// Further days on which the administration is closed.
    #[serde(default)]
    pub closing_days: BTreeSet<Date>,
}

impl Default for Calendar {
    fn default() -> Self {
        Calendar {
            constitution_day: true,
            christmas_eve: true,
            new_years_eve: true,
            closing_days: BTreeSet::new(),
        }
    }
}

impl Calendar {
    /// Only the statutory holidays and weekends: no customary or extra closing days.
    pub fn national() -> Self {
        Calendar {
            constitution_day: false,
            christmas_eve: false,
            new_years_eve: false,
            closing_days: BTreeSet::new(),
        }
    }

    /// This calendar with `days` added to the extra closing days.
    pub fn with_closing_days(mut self, days: impl IntoIterator<Item = Date>) -> Self {
        self.closing_days.extend(days);
        self
    }

    /// Why the administration is closed on `day` although it may be a weekday: a national
    /// holiday, a customary day the municipality keeps, or one of its own closing days.
    /// Weekends as such have no name and give `None`.
    pub fn holiday_name(&self, day: Date) -> Option<Holiday> {
        if let Some(holiday) = national_holiday(day) {
            return Some(holiday);
        }
        match (day.month(), day.day()) {
            (6, 5) if self.constitution_day => return Some(Holiday::ConstitutionDay),
            (12, 24) if self.christmas_eve => return Some(Holiday::ChristmasEve),
            (12, 31) if self.new_years_eve => return Some(Holiday::NewYearsEve),
            _ => {}
        }
        self.closing_days
            .contains(&day)
            .then_some(Holiday::ClosingDay)
    }

    /// Monday to Friday and not a holiday or closing day.
    pub fn is_working_day(&self, day: Date) -> bool {
        !matches!(day.weekday(), Weekday::Saturday | Weekday::Sunday)
            && self.holiday_name(day).is_none()
    }

    /// The `n`th working day after `start` (`start` itself does not count, so `n = 0` gives
    /// `start` back whatever day it is). A Wednesday before Easter 2024 plus one working day is
    /// the Tuesday after it.
    ///
    /// At the end of the supported calendar (31 December 9999) the count stops there.
    pub fn add_working_days(&self, start: Date, n: u32) -> Date {
        let mut day = start;
        let mut left = n;
        while left > 0 {
            let Ok(next) = day.tomorrow() else {
                return day;
            };
            day = next;
            if self.is_working_day(day) {
                left -= 1;
            }
        }
        day
    }

    /// The deadline `n` working days after `start`, e.g. a hearing window of "20 hverdage" or
    /// the reply promised within 10 hverdage. The same count as [`Calendar::add_working_days`].
    pub fn deadline_after_working_days(&self, start: Date, n: u32) -> Date {
        self.add_working_days(start, n)
    }

    /// The working days after `from` up to and including `to`; negative (the same count, with
    /// the sign turned) when `to` is before `from`. So
    /// `working_days_between(d, add_working_days(d, n)) == n`, and the number of working days
    /// left until a deadline is `working_days_between(today, deadline)`.
    pub fn working_days_between(&self, from: Date, to: Date) -> i64 {
        if to < from {
            return -self.working_days_between(to, from);
        }
        let mut count = 0;
        let mut day = from;
        while day < to {
            let Ok(next) = day.tomorrow() else {
                break;
            };
            day = next;
            if self.is_working_day(day) {
                count += 1;
            }
        }
        count
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Asserts that each day is the holiday named beside it in `cal`.
    fn holidays(cal: &Calendar, expected: &[(Date, Holiday)]) {
        for &(day, holiday) in expected {
            assert_eq!(cal.holiday_name(day), Some(holiday), "{day}");
        }
    }

    #[test]
    fn easter_sunday_2019_to_2030() {
        let known = [
            date(2019, 4, 21),
            date(2020, 4, 12),
            date(2021, 4, 4),
            date(2022, 4, 17),
            date(2023, 4, 9),
            date(2024, 3, 31),
            date(2025, 4, 20),
            date(2026, 4, 5),
            date(2027, 3, 28),
            date(2028, 4, 16),
            date(2029, 4, 1),
            date(2030, 4, 21),
        ];
        for easter in known {
            assert_eq!(easter_sunday(easter.year()), easter);
            assert_eq!(easter.weekday(), Weekday::Sunday);
        }
    }

    #[test]
    fn easter_is_a_sunday_between_22_march_and_25_april() {
        for year in 1583..=9999 {
            let easter = easter_sunday(year);
            assert_eq!(easter.weekday(), Weekday::Sunday, "{year}");
            assert!(easter >= date(year, 3, 22) && easter <= date(year, 4, 25));
        }
    }

    #[test]
    fn one_working_day_after_the_wednesday_before_easter_2024_is_the_tuesday_after() {
        let cal = Calendar::default();
        adds(&[(&cal, date(2024, 3, 27), 1, date(2024, 4, 2))]);
        assert_eq!(
            cal.deadline_after_working_days(date(2024, 3, 27), 1),
            date(2024, 4, 2)
        );
        holidays(
            &cal,
            &[
                (date(2024, 3, 28), Holiday::MaundyThursday),
                (date(2024, 3, 29), Holiday::GoodFriday),
                (date(2024, 3, 31), Holiday::EasterSunday),
                (date(2024, 4, 1), Holiday::EasterMonday),
            ],
        );
        between(&[
            (&cal, date(2024, 3, 27), date(2024, 4, 2), 1),
            (&cal, date(2024, 4, 2), date(2024, 3, 27), -1),
        ]);
    }

    #[test]
    fn store_bededag_is_a_holiday_up_to_2023_only() {
        let cal = Calendar::default();
        holidays(&cal, &[(date(2023, 5, 5), Holiday::GreatPrayerDay)]);
        assert!(!cal.is_working_day(date(2023, 5, 5)));
        // The fourth Friday after Easter 2024 is an ordinary working day.
        assert_eq!(date(2024, 4, 26).weekday(), Weekday::Friday);
        assert_eq!(cal.holiday_name(date(2024, 4, 26)), None);
        assert!(cal.is_working_day(date(2024, 4, 26)));
        holidays(&cal, &[(date(2010, 4, 30), Holiday::GreatPrayerDay)]);
    }

    #[test]
    fn ascension_and_whitsun_follow_easter() {
        let cal = Calendar::default();
        holidays(
            &cal,
            &[
                (date(2026, 5, 14), Holiday::AscensionDay),
                (date(2026, 5, 24), Holiday::Whitsunday),
                (date(2026, 5, 25), Holiday::WhitMonday),
            ],
        );
        assert!(cal.is_working_day(date(2026, 5, 15)));
    }

    #[test]
    fn customary_days_are_closed_by_default_and_can_be_switched_off() {
        let cal = Calendar::default();
        // 5 June 2024 is a Wednesday; 24 and 31 December 2024 are a Tuesday.
        holidays(
            &cal,
            &[
                (date(2024, 6, 5), Holiday::ConstitutionDay),
                (date(2024, 12, 24), Holiday::ChristmasEve),
                (date(2024, 12, 31), Holiday::NewYearsEve),
            ],
        );
        let national = Calendar::national();
        for day in [date(2024, 6, 5), date(2024, 12, 24), date(2024, 12, 31)] {
            assert!(!cal.is_working_day(day));
            assert!(national.is_working_day(day));
            assert_eq!(national.holiday_name(day), None);
        }
        let no_christmas_eve = Calendar {
            christmas_eve: false,
            ..Calendar::default()
        };
        assert!(no_christmas_eve.is_working_day(date(2024, 12, 24)));
        assert!(!no_christmas_eve.is_working_day(date(2024, 12, 31)));
    }

    /// Each `(calendar, from, n, to)`: `n` working days after `from` is `to`.
    fn adds(cases: &[(&Calendar, Date, u32, Date)]) {
        for &(cal, from, n, to) in cases {
            assert_eq!(cal.add_working_days(from, n), to, "{from} + {n}");
        }
    }

    /// Each `(calendar, from, to, n)`: there are `n` working days from `from` to `to`.
    fn between(cases: &[(&Calendar, Date, Date, i64)]) {
        for &(cal, from, to, n) in cases {
            assert_eq!(cal.working_days_between(from, to), n, "{from} to {to}");
        }
    }

    #[test]
    fn extra_closing_days_are_not_working_days() {
        // Many administrations close on the Friday after Kristi himmelfartsdag.
        let cal = Calendar::default().with_closing_days([date(2026, 5, 15)]);
        holidays(&cal, &[(date(2026, 5, 15), Holiday::ClosingDay)]);
        adds(&[
            (&cal, date(2026, 5, 13), 1, date(2026, 5, 18)),
            (
                &Calendar::default(),
                date(2026, 5, 13),
                1,
                date(2026, 5, 15),
            ),
        ]);
    }

    #[test]
    fn ten_working_days_across_christmas() {
        // From Friday 20 December 2024: 23, 27, 30 December, 2, 3, 6, 7, 8, 9, 10 January.
        let cal = Calendar::default();
        adds(&[
            (&cal, date(2024, 12, 20), 10, date(2025, 1, 10)),
            // With only the statutory holidays, 24 and 31 December count: 8 January.
            (
                &Calendar::national(),
                date(2024, 12, 20),
                10,
                date(2025, 1, 8),
            ),
        ]);
        between(&[(&cal, date(2024, 12, 20), date(2025, 1, 10), 10)]);
    }

    #[test]
    fn weekends_and_zero() {
        let cal = Calendar::default();
        // Friday 7 June 2024 + 1 is Monday 10 June; Saturday + 0 is the Saturday itself.
        adds(&[
            (&cal, date(2024, 6, 7), 1, date(2024, 6, 10)),
            (&cal, date(2024, 6, 8), 0, date(2024, 6, 8)),
            (&cal, date(2024, 6, 8), 1, date(2024, 6, 10)),
            (&cal, Date::MAX, 3, Date::MAX),
        ]);
        between(&[
            (&cal, date(2024, 6, 8), date(2024, 6, 9), 0),
            (&cal, date(2024, 6, 10), date(2024, 6, 10), 0),
        ]);
    }

    #[test]
    fn calendar_serialises_with_dates_as_text() {
        let cal = Calendar::default().with_closing_days([date(2026, 5, 15)]);
        let json = serde_json::to_string(&cal).unwrap();
        assert!(json.contains("\"2026-05-15\""), "{json}");
        assert_eq!(serde_json::from_str::<Calendar>(&json).unwrap(), cal);
        assert_eq!(
            serde_json::to_string(&Holiday::GreatPrayerDay).unwrap(),
            "\"great_prayer_day\""
        );
    }

    fn any_day() -> impl Strategy<Value = Date> {
        (1900i16..2200, 1i16..=365).prop_map(|(y, d)| {
            date(y, 1, 1)
                .checked_add(jiff::Span::new().days(i64::from(d) - 1))
                .unwrap()
        })
    }

    fn any_calendar() -> impl Strategy<Value = Calendar> {
        (any::<bool>(), any::<bool>(), any::<bool>()).prop_map(|(a, b, c)| Calendar {
            constitution_day: a,
            christmas_eve: b,
            new_years_eve: c,
            closing_days: BTreeSet::new(),
        })
    }

    proptest! {
        #[test]
        fn adding_lands_on_a_working_day(cal in any_calendar(), d in any_day(), n in 1u32..60) {
            prop_assert!(cal.is_working_day(cal.add_working_days(d, n)));
        }

        #[test]
        fn between_counts_what_was_added(cal in any_calendar(), d in any_day(), n in 0u32..60) {
            let end = cal.add_working_days(d, n);
            prop_assert_eq!(cal.working_days_between(d, end), i64::from(n));
            prop_assert_eq!(cal.working_days_between(end, d), -i64::from(n));
        }

        #[test]
        fn adding_is_monotonic(cal in any_calendar(), d in any_day(), n in 0u32..60) {
            prop_assert!(cal.add_working_days(d, n) < cal.add_working_days(d, n + 1));
        }

        #[test]
        fn between_is_additive(d in any_day(), a in 0i64..40, b in 0i64..40) {
            let cal = Calendar::default();
            let mid = d.checked_add(jiff::Span::new().days(a)).unwrap();
            let end = mid.checked_add(jiff::Span::new().days(b)).unwrap();
            prop_assert_eq!(
                cal.working_days_between(d, mid) + cal.working_days_between(mid, end),
                cal.working_days_between(d, end)
            );
        }
    }
}
