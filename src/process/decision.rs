//! A political decision on a policy, as the minutes (referat) record it.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::stage::{Body, Stage};

/// What a committee, Økonomiudvalget or the Byråd decided at a meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    pub body: Body,
    pub meeting_date: Date,
    /// The dagsordenspunkt's number, when the agenda numbers its items.
    pub agenda_item_number: Option<u32>,
    pub agenda_item_title: String,
    /// Link to the dagsorden or referat.
    pub minutes_url: Option<String>,
    /// The version of the policy's text decided on.
    pub version: u32,
    pub outcome: Outcome,
    /// The vote, when one was taken and recorded.
    pub votes: Option<Votes>,
    pub dissents: Vec<Dissent>,
    /// The decision as the minutes word it.
    pub text: String,
}

/// The outcome of a decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// Vedtaget (by a committee: approved to go on).
    Adopted,
    /// Forkastet: the road ends here, rejected.
    Rejected,
    /// Udsat: the item comes back at a later meeting; the policy stays in its stage.
    Postponed,
    /// Sendt tilbage: the policy returns to an earlier stage and takes the road from there.
    SentBack { to: Stage },
}

/// A recorded vote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Votes {
    pub in_favour: u32,
    pub against: u32,
    pub abstaining: u32,
}

/// A party's or member's dissent, recorded with the decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dissent {
    pub party_or_member: String,
    pub text: String,
    pub kind: DissentKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DissentKind {
    /// Mindretalsudtalelse: a minority's statement in the decision.
    MinorityStatement,
    /// Protokoltilførsel: a remark a member has added to the minutes.
    MinutesEntry,
}

/// A decision as typed into a form or given on the command line, before it is checked.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecisionFields {
    /// `committee`, `finance_committee` or `city_council`.
    pub body: String,
    /// `YYYY-MM-DD`.
    pub meeting_date: String,
    pub agenda_item_number: String,
    pub agenda_item_title: String,
    pub minutes_url: String,
    pub version: String,
    /// `adopted`, `rejected`, `postponed` or `sent_back`.
    pub outcome: String,
    /// The stage code a "sendt tilbage" returns to.
    pub back_to: String,
    pub votes_in_favour: String,
    pub votes_against: String,
    pub votes_abstaining: String,
    /// `minority_statement` or `minutes_entry`; empty for no dissent.
    pub dissent_kind: String,
    pub dissent_by: String,
    pub dissent_text: String,
    pub text: String,
}

/// The longest agenda title, decision text or dissent kept, in characters.
pub const MAX_DECISION_TEXT: usize = 10_000;

impl Body {
    pub fn parse(s: &str) -> Option<Body> {
        [Body::Committee, Body::FinanceCommittee, Body::CityCouncil]
            .into_iter()
            .find(|b| b.as_str() == s.trim())
    }
}

/// A link to a document elsewhere (the minutes, a presentation): `http://` or `https://`, at
/// most 2,000 characters, no spaces or control characters (so never `javascript:`).
pub fn parse_link(s: &str) -> Option<String> {
    let u = s.trim();
    ((u.starts_with("https://") || u.starts_with("http://"))
        && u.len() > "https://".len()
        && u.len() <= 2000
        && !u.chars().any(|c| c.is_whitespace() || c.is_control()))
    .then(|| u.to_string())
}

impl DecisionFields {
    /// The decision, or every mistake at once as field name to error code (`required`,
    /// `invalid`, `too_long`).
    pub fn parse(
        &self,
    ) -> Result<Decision, std::collections::BTreeMap<&'static str, &'static str>> {
        let mut errors = std::collections::BTreeMap::new();
        let body = Body::parse(&self.body);
        if body.is_none() {
            errors.insert("body", "invalid");
        }
        let meeting_date = match self.meeting_date.trim() {
            "" => {
                errors.insert("meeting_date", "required");
                None
            }
            s => match crate::hearing::parse_date(s) {
                Ok(d) => Some(d),
                Err(_) => {
                    errors.insert("meeting_date", "invalid");
                    None
                }
            },
        };
        let number = |s: &str| -> Result<Option<u32>, ()> {
            match s.trim() {
                "" => Ok(None),
                s => s.parse::<u32>().map(Some).map_err(|_| ()),
            }
        };
        let agenda_item_number = number(&self.agenda_item_number).unwrap_or_else(|()| {
            errors.insert("agenda_item_number", "invalid");
            None
        });
        let mut text = |name: &'static str, s: &str, required: bool| -> String {
            let s = s.trim();
            if required && s.is_empty() {
                errors.insert(name, "required");
            } else if s.chars().count() > MAX_DECISION_TEXT {
                errors.insert(name, "too_long");
            }
            s.to_string()
        };
        let agenda_item_title = text("agenda_item_title", &self.agenda_item_title, true);
        let decision_text = text("text", &self.text, false);
        let dissent_by = text("dissent_by", &self.dissent_by, false);
        let dissent_text = text("dissent_text", &self.dissent_text, false);
        let minutes_url = match self.minutes_url.trim() {
            "" => None,
            u => {
                let link = parse_link(u);
                if link.is_none() {
                    errors.insert("minutes_url", "invalid");
                }
                link
            }
        };
        let version = match number(&self.version) {
            Ok(Some(v)) if v > 0 => Some(v),
            Ok(None) => {
                errors.insert("version", "required");
                None
            }
            _ => {
                errors.insert("version", "invalid");
                None
            }
        };
        let outcome = match self.outcome.trim() {
            "adopted" => Some(Outcome::Adopted),
            "rejected" => Some(Outcome::Rejected),
            "postponed" => Some(Outcome::Postponed),
            "sent_back" => match Stage::parse(&self.back_to) {
                Some(to) => Some(Outcome::SentBack { to }),
                None => {
                    errors.insert("back_to", "required");
                    None
                }
            },
            "" => {
                errors.insert("outcome", "required");
                None
            }
            _ => {
                errors.insert("outcome", "invalid");
                None
            }
        };
        let votes = [
            &self.votes_in_favour,
            &self.votes_against,
            &self.votes_abstaining,
        ]
        .map(|s| number(s));
        let votes = match votes {
            [Ok(None), Ok(None), Ok(None)] => None,
            [Ok(f), Ok(a), Ok(b)] => Some(Votes {
                in_favour: f.unwrap_or(0),
                against: a.unwrap_or(0),
                abstaining: b.unwrap_or(0),
            }),
            _ => {
                errors.insert("votes", "invalid");
                None
            }
        };
        let dissents = match self.dissent_kind.trim() {
            "" if dissent_text.is_empty() => Vec::new(),
            kind => {
                let kind = match kind {
                    "minority_statement" => Some(DissentKind::MinorityStatement),
                    "minutes_entry" => Some(DissentKind::MinutesEntry),
                    _ => {
                        errors.insert("dissent_kind", "required");
                        None
                    }
                };
                if dissent_by.is_empty() {
                    errors.insert("dissent_by", "required");
                }
                if dissent_text.is_empty() {
                    errors.insert("dissent_text", "required");
                }
                kind.map(|kind| Dissent {
                    party_or_member: dissent_by,
                    text: dissent_text,
                    kind,
                })
                .into_iter()
                .collect()
            }
        };
        match (body, meeting_date, version, outcome) {
            (Some(body), Some(meeting_date), Some(version), Some(outcome)) if errors.is_empty() => {
                Ok(Decision {
                    body,
                    meeting_date,
                    agenda_item_number,
                    agenda_item_title,
                    minutes_url,
                    version,
                    outcome,
                    votes,
                    dissents,
                    text: decision_text,
                })
            }
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields() -> DecisionFields {
        DecisionFields {
            body: "city_council".into(),
            meeting_date: "2020-01-29".into(),
            agenda_item_number: "12".into(),
            agenda_item_title: "Integrationspolitik".into(),
            minutes_url: "https://roskilde.dk/referat".into(),
            version: "2".into(),
            outcome: "adopted".into(),
            votes_in_favour: "25".into(),
            votes_against: "4".into(),
            votes_abstaining: "2".into(),
            text: "Vedtaget.".into(),
            ..Default::default()
        }
    }

    #[test]
    fn links_are_web_addresses_only() {
        assert_eq!(
            parse_link(" https://roskilde.dk/referat "),
            Some("https://roskilde.dk/referat".into())
        );
        for bad in [
            "javascript:alert(1)",
            "https://",
            "ftp://x",
            "https://a b",
            "data:text/html,x",
        ] {
            assert_eq!(parse_link(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_complete_decision_parses() {
        let d = fields().parse().expect("valid");
        assert_eq!(d.body, Body::CityCouncil);
        assert_eq!(d.meeting_date, jiff::civil::date(2020, 1, 29));
        assert_eq!(d.agenda_item_number, Some(12));
        assert_eq!(d.version, 2);
        assert_eq!(d.outcome, Outcome::Adopted);
        assert_eq!(
            d.votes,
            Some(Votes {
                in_favour: 25,
                against: 4,
                abstaining: 2
            })
        );
        assert!(d.dissents.is_empty());
    }

    #[test]
    fn every_mistake_is_named_at_once() {
        let f = DecisionFields {
            body: "byraadet".into(),
            meeting_date: "29-01-2020".into(),
            agenda_item_number: "tolv".into(),
            minutes_url: "javascript:alert(1)".into(),
            version: "0".into(),
            outcome: "sent_back".into(),
            votes_in_favour: "-1".into(),
            dissent_kind: "minority_statement".into(),
            ..Default::default()
        };
        let errors = f.parse().expect_err("invalid");
        for (field, code) in [
            ("body", "invalid"),
            ("meeting_date", "invalid"),
            ("agenda_item_number", "invalid"),
            ("agenda_item_title", "required"),
            ("minutes_url", "invalid"),
            ("version", "invalid"),
            ("back_to", "required"),
            ("votes", "invalid"),
            ("dissent_by", "required"),
            ("dissent_text", "required"),
        ] {
            assert_eq!(errors.get(field), Some(&code), "{field}: {errors:?}");
        }
    }

    #[test]
    fn sent_back_names_its_stage_and_a_dissent_is_kept() {
        let f = DecisionFields {
            outcome: "sent_back".into(),
            back_to: "hearing".into(),
            dissent_kind: "minutes_entry".into(),
            dissent_by: "Enhedslisten".into(),
            dissent_text: "Ønsker en ny høring.".into(),
            ..fields()
        };
        let d = f.parse().expect("valid");
        assert_eq!(d.outcome, Outcome::SentBack { to: Stage::Hearing });
        assert_eq!(d.dissents.len(), 1);
        assert_eq!(d.dissents[0].kind, DissentKind::MinutesEntry);
    }
}
