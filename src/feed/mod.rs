//! Feeds other programs subscribe to: hearings as an iCalendar (RFC 5545) calendar for
//! calendar apps and as an Atom (RFC 4287) feed for feed readers.
//!
//! Pure text writers: the caller chooses what goes in (and the feed's `updated` time), the
//! server serves the result. All text is taken as untrusted, since titles and descriptions
//! are written by people and may contain anything.

pub mod atom;
pub mod ical;

/// `text` with each character that `escapes` names written as its escape, control characters
/// other than those in `kept` dropped, and everything else as it is: what both formats do to
/// text, each with its own escapes.
fn escape_with(text: &str, escapes: &[(char, &str)], kept: &[char]) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if let Some((_, escaped)) = escapes.iter().find(|(e, _)| *e == c) {
            out.push_str(escaped);
        } else if kept.contains(&c) || !c.is_control() {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{atom, ical};
    use jiff::Timestamp;
    use jiff::civil::date;

    /// Text that has broken feeds before: Danish letters, the iCalendar separators, a newline,
    /// markup and quotes.
    const HOSTILE: &str = "Høring om æbletræer; grønne, blå & røde \\ \"haver\"\nLinje 2 </title><script>alert(1)</script> 'slut'";

    fn at(text: &str) -> Timestamp {
        text.parse().unwrap()
    }

    fn sample_calendar() -> ical::Calendar {
        ical::Calendar {
            name: "Høringer i Aarhus Kommune".into(),
            description: Some("Frister for høringer; åbne, lukkede".into()),
            events: vec![
                ical::Event {
                    uid: "hearing-17-deadline@hoering.example".into(),
                    summary: HOSTILE.into(),
                    description: Some("Æ".repeat(120)),
                    location: Some("Rådhuset, Aarhus".into()),
                    url: Some("https://hoering.example/h/aebletraeer?a=1&b=2".into()),
                    when: ical::When::AllDay(date(2026, 12, 31)),
                    stamp: at("2026-05-01T08:00:00Z"),
                    categories: vec!["Natur, miljø".into(), "Høring".into()],
                },
                ical::Event {
                    uid: "hearing-17-meeting@hoering.example".into(),
                    summary: "Borgermøde om æbletræer".into(),
                    description: None,
                    location: None,
                    url: None,
                    when: ical::When::Span {
                        start: at("2026-06-30T17:00:00Z"),
                        end: at("2026-06-30T19:00:00Z"),
                    },
                    stamp: at("2026-05-01T08:00:00Z"),
                    categories: Vec::new(),
                },
            ],
        }
    }

    fn sample_feed() -> atom::Feed {
        atom::Feed {
            id: "https://hoering.example/feed.atom".into(),
            title: "Høringer & <afgørelser>".into(),
            self_url: "https://hoering.example/feed.atom?sprog=da&x=\"1\"".into(),
            alternate_url: "https://hoering.example/".into(),
            updated: at("2026-05-01T08:00:00Z"),
            author: "Aarhus Kommune".into(),
            entries: vec![atom::Entry {
                id: "https://hoering.example/h/aebletraeer".into(),
                title: format!("{HOSTILE}\u{1}\u{b}\u{ffff}"),
                url: "https://hoering.example/h/aebletraeer?a=1&b=2".into(),
                updated: at("2026-05-01T08:00:00Z"),
                published: Some(at("2026-04-01T06:30:00Z")),
                summary: HOSTILE.into(),
                category: Some("Natur & miljø".into()),
            }],
        }
    }

    /// Writes the samples to `$HOERING_FEED_SAMPLES/sample.ics` and `sample.atom` when that
    /// variable is set, so `.ci/validate_feeds.py` can check them with real parsers.
    #[test]
    fn samples_for_the_validator() {
        let ics = sample_calendar().to_ics();
        let xml = sample_feed().to_xml();
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"));
        assert!(xml.contains("&lt;script&gt;") && !xml.contains("<script>"));
        if let Some(dir) = std::env::var_os("HOERING_FEED_SAMPLES") {
            let dir = std::path::PathBuf::from(dir);
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(dir.join("sample.ics"), ics).unwrap();
            std::fs::write(dir.join("sample.atom"), xml).unwrap();
        }
    }
}
