//! Moderation: a response is pending until a clerk publishes or withholds it. Only published
//! responses whose sender allowed publication are ever shown to the public.

use serde::{Deserialize, Serialize};

use super::Publication;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ModerationStatus {
    Pending,
    Published,
    Withheld,
}

crate::coded::coded_enum!(ModerationStatus, parse: exact, {
    Pending => "pending",
    Published => "published",
    Withheld => "withheld",
});

/// Whether the public sees a response: published by a clerk, and its sender allowed it.
pub fn is_public(status: ModerationStatus, publication: Publication) -> bool {
    status == ModerationStatus::Published && publication != Publication::NotPublished
}

/// What the public sees of a hearing, by source: høringssvar and input given at a dialogue
/// meeting. Every page and the API count from this one pair, so no page can say 4 where another
/// says none: they tell the two apart instead.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublicCounts {
    /// Published høringssvar (from the public form, the høringsliste or a council).
    pub responses: i64,
    /// Input recorded at a dialogue meeting.
    pub meeting_input: i64,
}

impl PublicCounts {
    /// From the stored counts: every response the public sees (`visible`), and how many of
    /// them are meeting input.
    pub fn from_visible(visible: i64, meeting_input: i64) -> Self {
        let visible = visible.max(0);
        let meeting_input = meeting_input.clamp(0, visible);
        PublicCounts {
            responses: visible - meeting_input,
            meeting_input,
        }
    }

    pub fn total(self) -> i64 {
        self.responses + self.meeting_input
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn public_counts_tell_meeting_input_apart() {
        let c = PublicCounts::from_visible(4, 4);
        assert_eq!((c.responses, c.meeting_input, c.total()), (0, 4, 4));
        let c = PublicCounts::from_visible(7, 3);
        assert_eq!((c.responses, c.meeting_input), (4, 3));
        assert_eq!(PublicCounts::from_visible(1, 5).meeting_input, 1);
        assert_eq!(PublicCounts::from_visible(-1, 0), PublicCounts::default());
    }

    #[test]
    fn only_published_and_consented_is_public() {
        for s in ModerationStatus::ALL {
            assert_eq!(ModerationStatus::parse(s.as_str()), Some(s));
            for p in Publication::ALL {
                let expected = s == ModerationStatus::Published && p != Publication::NotPublished;
                assert_eq!(is_public(s, p), expected, "{s:?} {p:?}");
            }
        }
        assert_eq!(ModerationStatus::parse("PUBLISHED"), None);
    }
}
