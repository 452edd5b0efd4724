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

#[cfg(test)]
mod tests {
    use super::*;

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
