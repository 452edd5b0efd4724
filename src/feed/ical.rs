//! An iCalendar (RFC 5545) writer: a published calendar of events that calendar apps can
//! subscribe to, such as hearing deadlines and public meetings.

use jiff::Timestamp;
use jiff::civil::Date;

/// The longest physical line RFC 5545 §3.1 allows, in octets and without the CRLF.
const LINE_OCTETS: usize = 75;

/// A calendar to publish.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Calendar {
    pub name: String,
    pub description: Option<String>,
    pub events: Vec<Event>,
}

/// One event of a [`Calendar`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// Globally unique and stable, so a subscriber updates the event instead of adding it again.
    pub uid: String,
    pub summary: String,
    pub description: Option<String>,
    pub location: Option<String>,
    pub url: Option<String>,
    pub when: When,
    /// When this version of the event was made (DTSTAMP).
    pub stamp: Timestamp,
    pub categories: Vec<String>,
}

/// When an [`Event`] happens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    /// The whole of one day, wherever the subscriber is (a deadline day, say).
    AllDay(Date),
    /// From `start` up to `end`.
    Span { start: Timestamp, end: Timestamp },
}

impl Calendar {
    /// The calendar as an iCalendar object: CRLF line endings, lines folded at 75 octets.
    pub fn to_ics(&self) -> String {
        let mut out = String::new();
        line(&mut out, "BEGIN", "VCALENDAR");
        line(&mut out, "VERSION", "2.0");
        line(&mut out, "PRODID", "-//hoering//hoering//DA");
        line(&mut out, "CALSCALE", "GREGORIAN");
        line(&mut out, "METHOD", "PUBLISH");
        line(&mut out, "X-WR-CALNAME", &text(&self.name));
        if let Some(description) = &self.description {
            line(&mut out, "X-WR-CALDESC", &text(description));
        }
        for event in &self.events {
            event.write(&mut out);
        }
        line(&mut out, "END", "VCALENDAR");
        out
    }
}

impl Event {
    fn write(&self, out: &mut String) {
        line(out, "BEGIN", "VEVENT");
        line(out, "UID", &text(&self.uid));
        line(out, "DTSTAMP", &utc(self.stamp));
        match self.when {
            When::AllDay(day) => {
                line(out, "DTSTART;VALUE=DATE", &ymd(day));
                // The last day of the calendar has no next day; without DTEND a DATE event
                // lasts one day anyway (RFC 5545 §3.6.1).
                if let Ok(next) = day.tomorrow() {
                    line(out, "DTEND;VALUE=DATE", &ymd(next));
                }
            }
            When::Span { start, end } => {
                line(out, "DTSTART", &utc(start));
                // DTEND must be later than DTSTART (§3.6.1), in the whole seconds written;
                // without it the event is an instant, the honest reading of an empty or
                // reversed span.
                if end.as_second() > start.as_second() {
                    line(out, "DTEND", &utc(end));
                }
            }
        }
        line(out, "SUMMARY", &text(&self.summary));
        if let Some(description) = &self.description {
            line(out, "DESCRIPTION", &text(description));
        }
        if let Some(location) = &self.location {
            line(out, "LOCATION", &text(location));
        }
        if let Some(url) = &self.url {
            line(out, "URL", &uri(url));
        }
        let categories: Vec<String> = self
            .categories
            .iter()
            .map(|category| text(category))
            .filter(|category| !category.is_empty())
            .collect();
        if !categories.is_empty() {
            line(out, "CATEGORIES", &categories.join(","));
        }
        line(out, "END", "VEVENT");
    }
}

/// A UTC date-time in the form `YYYYMMDDTHHMMSSZ` (sub-seconds dropped).
fn utc(t: Timestamp) -> String {
    t.strftime("%Y%m%dT%H%M%SZ").to_string()
}

/// A date in the form `YYYYMMDD`.
fn ymd(day: Date) -> String {
    day.strftime("%Y%m%d").to_string()
}

/// A TEXT value escaped as RFC 5545 §3.3.11 asks. Line breaks become `\n`, and other control
/// characters (CR included) are dropped: the grammar has no place for them, and a raw line
/// break would end the property and let the rest be read as another one.
fn text(value: &str) -> String {
    const ESCAPES: &[(char, &str)] = &[('\\', "\\\\"), (';', "\\;"), (',', "\\,"), ('\n', "\\n")];
    super::escape_with(value, ESCAPES, &['\t'])
}

/// A URI value: not escaped (§3.3.13), but stripped of control characters for the same reason
/// as in [`text`].
fn uri(value: &str) -> String {
    value.chars().filter(|c| !c.is_control()).collect()
}

/// Appends the content line `name:value`, folded so that no physical line is longer than 75
/// octets. A fold only ever falls between characters, so no UTF-8 sequence is split; the
/// space that starts a continuation line counts towards its 75.
fn line(out: &mut String, name: &str, value: &str) {
    let mut octets = 0;
    for c in name.chars().chain([':']).chain(value.chars()) {
        if octets + c.len_utf8() > LINE_OCTETS {
            out.push_str("\r\n ");
            octets = 1;
        }
        out.push(c);
        octets += c.len_utf8();
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn at(text: &str) -> Timestamp {
        text.parse().unwrap()
    }

    fn event(when: When) -> Event {
        Event {
            uid: "uid-1@hoering.example".into(),
            summary: "Høring".into(),
            description: None,
            location: None,
            url: None,
            when,
            stamp: at("2026-05-01T08:09:10Z"),
            categories: Vec::new(),
        }
    }

    fn calendar(events: Vec<Event>) -> String {
        Calendar {
            name: "Høringer".into(),
            description: None,
            events,
        }
        .to_ics()
    }

    /// The content lines, folds undone (RFC 5545 §3.1: CRLF followed by one space).
    fn unfolded(ics: &str) -> Vec<String> {
        ics.replace("\r\n ", "")
            .split("\r\n")
            .map(str::to_owned)
            .collect()
    }

    #[test]
    fn text_escapes_separators_backslash_and_line_breaks() {
        assert_eq!(
            text("a;b,c\\d\ne\r\nf\rg\u{0}h\ti"),
            "a\\;b\\,c\\\\d\\ne\\nfgh\ti"
        );
        assert_eq!(text("æøå ÆØÅ"), "æøå ÆØÅ");
    }

    #[test]
    fn hostile_text_stays_inside_its_property() {
        let mut e = event(When::AllDay(date(2026, 6, 1)));
        e.summary = "Møde; kl. 17,00\nEND:VEVENT\r\nBEGIN:VEVENT".into();
        e.url = Some("https://hoering.example/a\r\nX-EVIL:1".into());
        e.categories = vec!["Natur, miljø".into(), "".into(), "a;b".into()];
        let lines = unfolded(&calendar(vec![e]));
        assert!(lines.contains(&"SUMMARY:Møde\\; kl. 17\\,00\\nEND:VEVENT\\nBEGIN:VEVENT".into()));
        assert!(lines.contains(&"URL:https://hoering.example/aX-EVIL:1".into()));
        assert!(lines.contains(&"CATEGORIES:Natur\\, miljø,a\\;b".into()));
        assert_eq!(lines.iter().filter(|l| *l == "BEGIN:VEVENT").count(), 1);
    }

    #[test]
    fn long_danish_lines_fold_at_75_octets_between_characters() {
        let summary: String = "Høring om grønne områder på Ærø; "
            .repeat(7)
            .chars()
            .take(200)
            .collect();
        assert_eq!(summary.chars().count(), 200);
        let mut e = event(When::AllDay(date(2026, 6, 1)));
        e.summary = summary.clone();
        e.description = Some("æ".repeat(200));
        let ics = calendar(vec![e]);
        // Every physical line fits, and a &str cannot hold broken UTF-8, so splitting on
        // CRLF (ASCII) shows no character was cut: each piece is still a str.
        for physical in ics.split("\r\n") {
            assert!(
                physical.len() <= LINE_OCTETS,
                "{} octets: {physical:?}",
                physical.len()
            );
        }
        let lines = unfolded(&ics);
        assert!(lines.contains(&format!("SUMMARY:{}", text(&summary))));
        assert!(lines.contains(&format!("DESCRIPTION:{}", "æ".repeat(200))));
        // Two-octet letters after the 12-octet "DESCRIPTION:" fill 74 octets; the next
        // would make 76, so the fold comes a letter early rather than inside one.
        assert!(ics.contains(&format!("DESCRIPTION:{}\r\n æ", "æ".repeat(31))));
    }

    #[test]
    fn a_line_of_exactly_75_octets_is_not_folded() {
        let mut out = String::new();
        line(
            &mut out,
            "SUMMARY",
            &"a".repeat(LINE_OCTETS - "SUMMARY:".len()),
        );
        assert_eq!(out.len(), LINE_OCTETS + 2);
        let mut out = String::new();
        line(
            &mut out,
            "SUMMARY",
            &"a".repeat(LINE_OCTETS - "SUMMARY:".len() + 1),
        );
        assert_eq!(out, format!("SUMMARY:{}\r\n a\r\n", "a".repeat(67)));
    }

    #[test]
    fn all_day_events_end_the_next_day() {
        let ics = calendar(vec![
            event(When::AllDay(date(2026, 2, 28))),
            event(When::AllDay(date(2026, 12, 31))),
            event(When::AllDay(date(2028, 2, 28))),
        ]);
        let lines = unfolded(&ics);
        for (start, end) in [
            ("20260228", "20260301"),
            ("20261231", "20270101"),
            ("20280228", "20280229"),
        ] {
            let at = lines
                .iter()
                .position(|l| *l == format!("DTSTART;VALUE=DATE:{start}"))
                .unwrap();
            assert_eq!(lines[at + 1], format!("DTEND;VALUE=DATE:{end}"));
        }
    }

    #[test]
    fn the_last_representable_day_has_no_end() {
        let ics = calendar(vec![event(When::AllDay(date(9999, 12, 31)))]);
        assert!(ics.contains("DTSTART;VALUE=DATE:99991231\r\n"));
        assert!(!ics.contains("DTEND"));
    }

    #[test]
    fn spans_and_stamps_are_written_in_utc() {
        let ics = calendar(vec![event(When::Span {
            start: at("2026-06-30T17:00:00.5Z"),
            end: at("2026-06-30T19:30:00Z"),
        })]);
        assert!(ics.contains("\r\nDTSTAMP:20260501T080910Z\r\n"));
        assert!(ics.contains("\r\nDTSTART:20260630T170000Z\r\nDTEND:20260630T193000Z\r\n"));
        // A span that ends before it starts is written as an instant, not as invalid DTEND.
        let t = at("2026-06-30T17:00:00Z");
        let ics = calendar(vec![event(When::Span { start: t, end: t })]);
        assert!(ics.contains("DTSTART:20260630T170000Z\r\n") && !ics.contains("DTEND"));
    }

    #[test]
    fn whole_calendar_uses_crlf_and_the_expected_frame() {
        let mut e = event(When::AllDay(date(2026, 6, 1)));
        e.description = Some("Første linje\nAnden linje\r\n".into());
        e.location = Some("Rådhuset".into());
        e.url = Some("https://hoering.example/h/1".into());
        e.categories = vec!["Høring".into()];
        let ics = Calendar {
            name: "Høringer; Aarhus".into(),
            description: Some("Alle, åbne".into()),
            events: vec![e],
        }
        .to_ics();
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
        assert_eq!(ics.matches('\n').count(), ics.matches("\r\n").count());
        assert_eq!(ics.matches('\r').count(), ics.matches("\r\n").count());
        let lines = unfolded(&ics);
        assert_eq!(
            lines,
            [
                "BEGIN:VCALENDAR",
                "VERSION:2.0",
                "PRODID:-//hoering//hoering//DA",
                "CALSCALE:GREGORIAN",
                "METHOD:PUBLISH",
                "X-WR-CALNAME:Høringer\\; Aarhus",
                "X-WR-CALDESC:Alle\\, åbne",
                "BEGIN:VEVENT",
                "UID:uid-1@hoering.example",
                "DTSTAMP:20260501T080910Z",
                "DTSTART;VALUE=DATE:20260601",
                "DTEND;VALUE=DATE:20260602",
                "SUMMARY:Høring",
                "DESCRIPTION:Første linje\\nAnden linje\\n",
                "LOCATION:Rådhuset",
                "URL:https://hoering.example/h/1",
                "CATEGORIES:Høring",
                "END:VEVENT",
                "END:VCALENDAR",
                "",
            ]
        );
    }
}
