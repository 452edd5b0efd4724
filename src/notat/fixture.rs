//! Builders for a notat's input in tests. The core's outline tests and the server's DOCX and
//! PDF tests build their hearings from these, so one place knows how a test respondent,
//! party, point or published remark is made. Compiled for the core's tests and behind the
//! `fixtures` feature, which only the server's tests turn on.

use super::{
    DraftSection, HeardParty, Outcome, PointInput, Remark, RemarkState, RemarkTarget, RemarkText,
    Respondent,
};
use crate::consultees::{PartyKind, PartyStatus};
use crate::response::{Publication, SenderKind};

pub fn respondent(
    id: i64,
    kind: SenderKind,
    name: Option<&str>,
    organisation: Option<&str>,
    publication: Publication,
    sections: &[&str],
) -> Respondent {
    Respondent {
        id,
        kind,
        name: name.map(Into::into),
        organisation: organisation.map(Into::into),
        publication,
        sections: sections.iter().map(|s| s.to_string()).collect(),
        attachments: Vec::new(),
    }
}

/// A respondent as one row of a test's table: kind, name, organisation, publication and the
/// sections the response is about.
pub type RespondentRow<'a> = (
    SenderKind,
    Option<&'a str>,
    Option<&'a str>,
    Publication,
    &'a [&'a str],
);

/// The respondents of a table, numbered from 1 in its order.
pub fn respondents(rows: &[RespondentRow]) -> Vec<Respondent> {
    (1..)
        .zip(rows)
        .map(|(id, &(kind, name, organisation, publication, sections))| {
            respondent(id, kind, name, organisation, publication, sections)
        })
        .collect()
}

pub fn party(organisation: &str, kind: PartyKind, status: PartyStatus) -> HeardParty {
    HeardParty {
        organisation: organisation.into(),
        kind,
        status,
    }
}

/// The høringsliste of the small integration policy hearing: five associations, two that
/// answered, one that declined, one invited and one not invited (names that test the Danish
/// order: Æ and Aa after Z).
pub fn parties() -> Vec<HeardParty> {
    let association = |organisation, status| party(organisation, PartyKind::Association, status);
    vec![
        association("Ældre Sagen", PartyStatus::Answered),
        association("Zonta", PartyStatus::Declined),
        association("Aarhus Stift", PartyStatus::Invited),
        association("Dansk Flygtningehjælp", PartyStatus::NotInvited),
        association("Børnerådet", PartyStatus::Answered),
    ]
}

pub fn point(
    section: Option<&str>,
    said: &str,
    target: RemarkTarget,
    remark: Option<Remark>,
) -> PointInput {
    PointInput {
        section: section.map(Into::into),
        said: said.into(),
        target,
        remark,
    }
}

/// A remark as it stands once published (by account 1), without going through approval.
pub fn published(target: RemarkTarget, text: &str, outcome: Outcome) -> Remark {
    Remark {
        target,
        text: RemarkText::parse(text).expect("a valid remark"),
        outcome,
        author: 1,
        state: RemarkState::Published { at: 1_790_000_000 },
    }
}

/// The draft's sections from (number, heading) pairs, in the draft's order.
pub fn sections(list: &[(&str, &str)]) -> Vec<DraftSection> {
    list.iter()
        .map(|(number, heading)| DraftSection {
            number: (*number).into(),
            heading: (*heading).into(),
        })
        .collect()
}
