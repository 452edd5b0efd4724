//! Tests of hearing windows across Danish summer time, states and date parsing.

use jiff::SignedDuration;
use jiff::civil::date;

use super::*;

fn ts(s: &str) -> Timestamp {
    s.parse().expect("valid timestamp")
}

fn one_ns() -> SignedDuration {
    SignedDuration::from_nanos(1)
}

#[test]
fn closing_on_the_day_summer_time_ends() {
    // 2026-10-25 is 25 hours long in Denmark: clocks go from 03:00 CEST back to 02:00 CET.
    let w = HearingWindow::from_local_dates(date(2026, 9, 14), date(2026, 10, 25)).unwrap();
    assert_eq!(w.opens(), ts("2026-09-13T22:00:00Z"));
    assert_eq!(w.closes(), ts("2026-10-25T22:59:59.999999999Z"));
    assert_eq!(w.opens_local_date(), date(2026, 9, 14));
    assert_eq!(w.closes_local_date(), date(2026, 10, 25));
    assert_eq!(w.closes_local().offset().seconds(), 3600);
    assert_eq!(w.opens_local().offset().seconds(), 7200);

    // 23:30 local on the closing day is after the change, so 22:30 UTC: still open.
    assert_eq!(w.state_at(ts("2026-10-25T22:30:00Z")), HearingState::Open);
    assert_eq!(w.days_left(ts("2026-10-25T22:30:00Z")), Some(0));
    // 00:30 CEST on the closing day.
    assert_eq!(w.days_left(ts("2026-10-24T22:30:00Z")), Some(0));
    // 23:30 CEST the day before.
    assert_eq!(w.days_left(ts("2026-10-24T21:30:00Z")), Some(1));
}

#[test]
fn opening_on_the_day_summer_time_begins() {
    let w = HearingWindow::from_local_dates(date(2026, 3, 29), date(2026, 4, 26)).unwrap();
    assert_eq!(w.opens(), ts("2026-03-28T23:00:00Z"));
    assert_eq!(w.closes(), ts("2026-04-26T21:59:59.999999999Z"));
}

#[test]
fn state_transitions() {
    let w = HearingWindow::from_local_dates(date(2026, 9, 14), date(2026, 10, 25)).unwrap();
    let opens = w.opens();
    let closes = w.closes();
    assert_eq!(w.state_at(opens - one_ns()), HearingState::Upcoming);
    assert_eq!(w.state_at(opens), HearingState::Open);
    assert_eq!(w.state_at(closes), HearingState::Open);
    assert_eq!(w.state_at(closes + one_ns()), HearingState::Closed);
    assert!(w.is_open_at(opens));
    assert!(!w.is_open_at(closes + one_ns()));
    // Midnight after the closing day, Danish time.
    assert_eq!(w.state_at(ts("2026-10-25T23:00:00Z")), HearingState::Closed);
    assert_eq!(w.days_left(closes + one_ns()), None);
    assert_eq!(w.days_left(opens), Some(41));
    assert_eq!(
        w.days_left(opens - SignedDuration::from_hours(24)),
        Some(42)
    );
}

#[test]
fn one_day_hearing_and_wrong_order() {
    let d = date(2026, 6, 1);
    let w = HearingWindow::from_local_dates(d, d).unwrap();
    assert_eq!(w.state_at(ts("2026-05-31T22:00:00Z")), HearingState::Open);
    assert_eq!(
        HearingWindow::from_local_dates(d, date(2026, 5, 31)),
        Err(HearingError::ClosesBeforeOpens)
    );
    let t = ts("2026-06-01T10:00:00Z");
    assert_eq!(
        HearingWindow::new(t, t),
        Err(HearingError::ClosesBeforeOpens)
    );
    assert_eq!(
        HearingWindow::from_local_dates(date(9999, 12, 31), date(9999, 12, 31)),
        Err(HearingError::OutOfRange)
    );
}

#[test]
fn local_datetimes_around_the_change() {
    let w = HearingWindow::from_local_datetimes(
        date(2026, 10, 1).at(9, 0, 0, 0),
        // 02:30 happens twice on 2026-10-25; the earlier (summer time) one is meant.
        date(2026, 10, 25).at(2, 30, 0, 0),
    )
    .unwrap();
    assert_eq!(w.opens(), ts("2026-10-01T07:00:00Z"));
    assert_eq!(w.closes(), ts("2026-10-25T00:30:00Z"));
    // 02:30 does not exist on 2026-03-29; it is read as 03:30 summer time.
    let w = HearingWindow::from_local_datetimes(
        date(2026, 3, 1).at(0, 0, 0, 0),
        date(2026, 3, 29).at(2, 30, 0, 0),
    )
    .unwrap();
    assert_eq!(w.closes(), ts("2026-03-29T01:30:00Z"));
}

#[test]
fn dates_from_strings() {
    assert_eq!(parse_date("2026-10-25"), Ok(date(2026, 10, 25)));
    assert_eq!(parse_date(" 2024-02-29\n"), Ok(date(2024, 2, 29)));
    for bad in [
        "",
        "2026-1-25",
        "26-10-25",
        "2026/10/25",
        "20261025",
        "2026-10-25T00:00",
        "+02026-10-25",
        "2026-10-2x",
        "２０２６-10-25",
        "25-10-2026",
    ] {
        assert_eq!(parse_date(bad), Err(DateError::Format), "{bad:?}");
    }
    for bad in ["2026-02-29", "2026-13-01", "2026-00-10", "2026-04-31"] {
        assert_eq!(parse_date(bad), Err(DateError::NoSuchDay), "{bad:?}");
    }
}

#[test]
fn states_have_codes() {
    assert_eq!(HearingState::Upcoming.as_str(), "upcoming");
    assert_eq!(HearingState::Open.as_str(), "open");
    assert_eq!(HearingState::Closed.as_str(), "closed");
}

mod one_line_fields {
    use crate::hearing::{HearingFields, prepare};

    fn fields() -> HearingFields {
        HearingFields {
            markdown: "# Udkast\n\nEt afsnit.\n".into(),
            title: "Integrationspolitik".into(),
            slug: String::new(),
            committee: "Social- og Sundhedsudvalget".into(),
            contact: "Mette Hansen".into(),
            opens: "2027-01-04".into(),
            closes: "2027-02-01".into(),
        }
    }

    fn errors_of(f: &HearingFields) -> Vec<(String, String)> {
        match prepare(f, true) {
            Ok(_) => Vec::new(),
            Err(rejected) => rejected.errors.into_iter().collect(),
        }
    }

    #[test]
    fn a_well_formed_hearing_passes() {
        assert!(prepare(&fields(), true).is_ok());
    }

    #[test]
    fn title_committee_and_contact_refuse_line_breaks() {
        for (name, value) in [
            ("title", "Politik\r\nBcc: x@example.org"),
            ("committee", "Udvalg\nNy linje"),
            ("contact", "Mette\u{2028}Hansen"),
        ] {
            let mut f = fields();
            match name {
                "title" => f.title = value.into(),
                "committee" => f.committee = value.into(),
                _ => f.contact = value.into(),
            }
            assert_eq!(
                errors_of(&f),
                vec![(name.to_string(), "one_line".to_string())],
                "{name}"
            );
        }
    }

    #[test]
    fn title_committee_and_contact_are_capped_at_200_characters() {
        for name in ["title", "committee", "contact"] {
            let mut f = fields();
            let long = "æ".repeat(100_000);
            match name {
                "title" => f.title = long,
                "committee" => f.committee = long,
                _ => f.contact = long,
            }
            let errors = errors_of(&f);
            assert!(
                errors.contains(&(name.to_string(), "too_long".to_string())),
                "{name}: {errors:?}"
            );
        }
        let mut f = fields();
        f.title = "æ".repeat(200);
        f.slug = "politik".into();
        assert!(prepare(&f, true).is_ok(), "200 characters are allowed");
    }

    #[test]
    fn an_empty_contact_is_allowed() {
        let mut f = fields();
        f.contact = "  ".into();
        assert!(prepare(&f, true).is_ok());
    }
}

mod draft_limits {
    use crate::hearing::{MAX_BLOCKS, parse_markdown};

    #[test]
    fn a_draft_of_more_blocks_than_a_policy_has_is_refused() {
        let paragraphs = |n: usize| {
            let mut md = String::from("# Udkast\n\n");
            for i in 0..n {
                md.push_str(&format!("Afsnit {i}.\n\n"));
            }
            md
        };
        assert!(parse_markdown(&paragraphs(MAX_BLOCKS)).is_ok());
        assert_eq!(
            parse_markdown(&paragraphs(MAX_BLOCKS + 1)).map(|_| ()),
            Err("too_many_blocks")
        );
        // 40,000 one-line paragraphs fit in far less than the 2 MB a draft may take.
        let huge = paragraphs(40_000);
        assert!(huge.len() < crate::hearing::MAX_MARKDOWN_BYTES);
        assert_eq!(parse_markdown(&huge).map(|_| ()), Err("too_many_blocks"));
    }
}
