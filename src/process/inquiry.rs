//! Inquiries and the promise "Du kan forvente svar fra os inden for 10 hverdage": when each is
//! due, how it stands today, and the share answered on time.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::calendar::Calendar;

/// The promise: a reply within this many working days.
pub const PROMISED_WORKING_DAYS: u32 = 10;

/// An open inquiry with at most this many working days left is due soon.
pub const DUE_SOON_WORKING_DAYS: i64 = 2;

/// A question sent to the administration, with the promised reply date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Inquiry {
    pub received: Date,
    /// The last day of the promise: [`PROMISED_WORKING_DAYS`] working days after `received`.
    pub due: Date,
    pub answered: Option<Date>,
}

/// How an inquiry stands on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InquiryStatus {
    Open,
    /// Not answered, and at most [`DUE_SOON_WORKING_DAYS`] working days left (the due day
    /// itself included).
    DueSoon,
    /// Not answered, and the due day has passed.
    Overdue,
    AnsweredOnTime,
    AnsweredLate,
}

impl InquiryStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            InquiryStatus::Open => "open",
            InquiryStatus::DueSoon => "due_soon",
            InquiryStatus::Overdue => "overdue",
            InquiryStatus::AnsweredOnTime => "answered_on_time",
            InquiryStatus::AnsweredLate => "answered_late",
        }
    }
}

impl Inquiry {
    /// An inquiry received on `received`, due [`PROMISED_WORKING_DAYS`] working days later in
    /// the municipality's `calendar`.
    pub fn new(received: Date, calendar: &Calendar) -> Inquiry {
        Inquiry {
            received,
            due: calendar.add_working_days(received, PROMISED_WORKING_DAYS),
            answered: None,
        }
    }

    /// Records the reply's date (a later reply replaces an earlier date).
    pub fn answer(&mut self, on: Date) {
        self.answered = Some(on);
    }

    /// Whether the reply came by the due day; `None` while unanswered.
    pub fn answered_on_time(&self) -> Option<bool> {
        self.answered.map(|day| day <= self.due)
    }

    /// How the inquiry stands on `today`. The calendar counts the working days left for
    /// [`InquiryStatus::DueSoon`]; use the one the due date was computed with.
    pub fn status(&self, today: Date, calendar: &Calendar) -> InquiryStatus {
        match self.answered_on_time() {
            Some(true) => InquiryStatus::AnsweredOnTime,
            Some(false) => InquiryStatus::AnsweredLate,
            None if today > self.due => InquiryStatus::Overdue,
            None if calendar.working_days_between(today, self.due) <= DUE_SOON_WORKING_DAYS => {
                InquiryStatus::DueSoon
            }
            None => InquiryStatus::Open,
        }
    }
}

/// The share of answered inquiries that were answered by their due day, from 0 to 1; `None`
/// when none is answered yet. Unanswered ones do not count, even when overdue: see
/// [`on_time_share_at`] for the stricter figure.
pub fn on_time_share(inquiries: &[Inquiry]) -> Option<f64> {
    share(inquiries.iter().filter_map(Inquiry::answered_on_time))
}

/// The share of settled inquiries kept on time on `today`: answered ones, and unanswered ones
/// whose due day has passed (a promise already broken counts as late). `None` when none is
/// settled.
pub fn on_time_share_at(inquiries: &[Inquiry], today: Date) -> Option<f64> {
    share(inquiries.iter().filter_map(|i| match i.answered_on_time() {
        Some(on_time) => Some(on_time),
        None if today > i.due => Some(false),
        None => None,
    }))
}

fn share(settled: impl Iterator<Item = bool>) -> Option<f64> {
    let (kept, total) = settled.fold((0u32, 0u32), |(kept, total), on_time| {
        (kept + u32::from(on_time), total + 1)
    });
    (total > 0).then(|| f64::from(kept) / f64::from(total))
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn due_ten_working_days_later_across_easter() {
        // Wednesday 27 March 2024; Skærtorsdag to 2. påskedag are closed. The tenth working
        // day is Monday 15 April.
        let cal = Calendar::default();
        let inquiry = Inquiry::new(date(2024, 3, 27), &cal);
        assert_eq!(inquiry.due, date(2024, 4, 15));
        assert_eq!(inquiry.answered, None);
    }

    #[test]
    fn status_through_the_days() {
        let cal = Calendar::default();
        let inquiry = Inquiry::new(date(2024, 3, 27), &cal);
        for (day, want) in [
            (date(2024, 3, 27), InquiryStatus::Open),
            // Wednesday 10 April: 11, 12, 15 April left, three working days.
            (date(2024, 4, 10), InquiryStatus::Open),
            // Thursday 11 April: 12 and 15 April left.
            (date(2024, 4, 11), InquiryStatus::DueSoon),
            // Saturday 13 April: one working day left.
            (date(2024, 4, 13), InquiryStatus::DueSoon),
            (date(2024, 4, 15), InquiryStatus::DueSoon),
            (date(2024, 4, 16), InquiryStatus::Overdue),
        ] {
            assert_eq!(inquiry.status(day, &cal), want, "{day}");
        }

        let mut answered = inquiry;
        answered.answer(date(2024, 4, 15));
        assert_eq!(
            answered.status(date(2024, 5, 1), &cal),
            InquiryStatus::AnsweredOnTime
        );
        answered.answer(date(2024, 4, 16));
        assert_eq!(
            answered.status(date(2024, 4, 16), &cal),
            InquiryStatus::AnsweredLate
        );
    }

    #[test]
    fn shares_on_time() {
        let cal = Calendar::default();
        assert_eq!(on_time_share(&[]), None);
        let open = Inquiry::new(date(2024, 12, 20), &cal);
        assert_eq!(open.due, date(2025, 1, 10));
        assert_eq!(on_time_share(&[open]), None);

        let mut on_time = open;
        on_time.answer(date(2025, 1, 10));
        let mut late = open;
        late.answer(date(2025, 1, 13));
        let mut early = Inquiry::new(date(2024, 3, 27), &cal);
        early.answer(date(2024, 3, 28));
        let all = [on_time, late, early, open];
        assert_eq!(on_time_share(&all), Some(2.0 / 3.0));
        // On 10 January the open one is still within its promise; on 13 January it is not.
        assert_eq!(on_time_share_at(&all, date(2025, 1, 10)), Some(2.0 / 3.0));
        assert_eq!(on_time_share_at(&all, date(2025, 1, 13)), Some(0.5));
    }

    #[test]
    fn statuses_serialise_in_snake_case() {
        assert_eq!(
            serde_json::to_string(&InquiryStatus::DueSoon).unwrap(),
            "\"due_soon\""
        );
    }
}
