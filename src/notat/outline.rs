//! The høringsnotat's outline: what the document says and in which order, built from plain
//! facts about a closed hearing, for the DOCX, PDF and web renderers to lay out alike.
//!
//! The order is the national model's: the hearing, the høringsliste, a summary in numbers,
//! the points raised with the administration's bemærkninger, the input from dialogue meetings
//! and the councils' responses, and last the changes made to the draft.
//!
//! The notat is public. Its inputs carry names, organisations and consent, never an e-mail
//! address; and since clerks type summaries and remarks by hand, every string is also run
//! through [`crate::privacy::detect`] and any e-mail address, phone or CPR number in it
//! replaced by [`crate::privacy::REDACTED`] before it enters the model.

use std::ops::Range;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::{Outcome, Remark, RemarkTarget, SetAside, SetAsideReason};
use crate::consultees::{PartyKind, PartyStatus, danish_cmp};
use crate::privacy::{self, FlagKind, REDACTED};
use crate::response::{Publication, SenderKind};
use crate::text::DiffOp;

/// The hearing itself.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct HearingInfo {
    /// The case system's number ("24/1234"), on the first page; "" when none is set.
    #[serde(default)]
    pub case_number: String,
    /// What was sent in hearing: the draft's title.
    pub title: String,
    /// The first and last day of the hearing.
    pub opens: Date,
    pub closes: Date,
    /// How the hearing was announced, as the clerk writes it ("På kommunens hjemmeside og i
    /// Lokalavisen 3. marts").
    pub announced: String,
}

/// A party on the høringsliste and how it answered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HeardParty {
    pub organisation: String,
    pub kind: PartyKind,
    pub status: PartyStatus,
}

/// A høringssvar as the notat may know it: who sent it, what they consented to, and which
/// sections of the draft it is about. Deliberately no e-mail address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Respondent {
    pub id: i64,
    pub kind: SenderKind,
    pub name: Option<String>,
    pub organisation: Option<String>,
    pub publication: Publication,
    /// The numbers of the draft's sections it addresses ([`DraftSection::number`]); empty
    /// for a response on the draft as a whole.
    #[serde(default)]
    pub sections: Vec<String>,
    /// The names of the files it came with that the public may see (its sender published their
    /// name, and no clerk withheld them).
    #[serde(default)]
    pub attachments: Vec<String>,
}

/// A section of the draft, in the draft's order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftSection {
    /// As the draft numbers it, e.g. "3".
    pub number: String,
    pub heading: String,
}

/// One point raised in the hearing, summarised by a clerk, with its bemærkning if any.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PointInput {
    /// The section of the draft it is about ([`DraftSection::number`]); `None` for the
    /// draft as a whole.
    pub section: Option<String>,
    /// The clerk's summary of what was said.
    pub said: String,
    /// Who said it.
    pub target: RemarkTarget,
    /// Shown only once published.
    pub remark: Option<Remark>,
}

/// What was said at a dialogue meeting, summarised by a clerk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingInput {
    /// The meeting's name, e.g. "Borgermøde i Hedehusene".
    pub meeting: String,
    pub held: Date,
    pub said: String,
    pub remark: Option<Remark>,
}

/// An advisory council's response, summarised by a clerk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CouncilInput {
    pub council: String,
    pub said: String,
    pub remark: Option<Remark>,
}

/// The changes made to one block of the draft after the hearing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BlockChanges {
    pub block: String,
    pub ops: Vec<DiffOp>,
}

/// Everything the høringsnotat is built from.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotatInput {
    pub hearing: HearingInfo,
    pub parties: Vec<HeardParty>,
    /// Every response the notat accounts for; the caller leaves out what it must not count.
    pub responses: Vec<Respondent>,
    pub sections: Vec<DraftSection>,
    pub points: Vec<PointInput>,
    pub meetings: Vec<MeetingInput>,
    pub councils: Vec<CouncilInput>,
    pub changes: Vec<BlockChanges>,
    /// The responses the administration set aside, with the reason.
    #[serde(default)]
    pub set_aside: Vec<SetAside>,
    /// The clerk's own summary of the main themes (paragraphs split by blank lines).
    #[serde(default)]
    pub written_summary: String,
    /// The tags clerks gave the responses and how many responses carry each.
    #[serde(default)]
    pub tag_counts: Vec<(String, usize)>,
    /// "Administrationen indstiller, …": what the administration recommends the politicians.
    #[serde(default)]
    pub recommendation: String,
}

/// The høringsnotat as a document model.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Notat {
    pub title: String,
    pub sections: Vec<NotatSection>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotatSection {
    pub heading: String,
    /// 1 for a main section.
    pub level: u8,
    pub items: Vec<NotatItem>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", content = "content", rename_all = "snake_case")]
pub enum NotatItem {
    Paragraph(String),
    /// A bulleted list of short lines.
    List(Vec<String>),
    /// Label and value pairs.
    Facts(Vec<(String, String)>),
    Table {
        header: Vec<String>,
        rows: Vec<Vec<String>>,
    },
    Point(PointItem),
    Diff {
        block: String,
        ops: Vec<DiffOp>,
    },
}

/// A point raised in the hearing, with the administration's bemærkning once published: one
/// type, so the web page, the DOCX and the PDF each take it whole.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PointItem {
    /// The section of the draft, or the meeting or council it comes from.
    pub about: String,
    pub said: String,
    /// As their consent allows them to be named.
    pub respondents: Vec<String>,
    /// The published bemærkning; `None` until published.
    pub remark: Option<String>,
    pub outcome: Option<Outcome>,
}

/// The høringsnotat of `input`, in the words the caller gives (the app builds them from its
/// catalogue in the reader's language).
///
/// Points are in the draft's order: those on the draft as a whole first, as a notat
/// usually opens with the general remarks, then section by section; points on a section the
/// draft does not list come last. Points on the same section keep the order given.
pub fn outline(input: &NotatInput, words: &OutlineWords) -> Notat {
    Notat {
        title: clean(&format!("{}: {}", words.notat, input.hearing.title.trim())),
        sections: [
            Some(hearing(input, words)),
            Some(respondents(input, words)),
            Some(consultees(input, words)),
            Some(summary(input, words)),
            Some(points(input, words)),
            set_aside(input, words),
            Some(meetings(input, words)),
            Some(councils(input, words)),
            Some(changes(input, words)),
            recommendation(input, words),
        ]
        .into_iter()
        .flatten()
        .collect(),
    }
}

/// Paragraphs of a clerk's text, split at blank lines.
fn paragraphs(text: &str) -> Vec<NotatItem> {
    text.replace("\r\n", "\n")
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| NotatItem::Paragraph(clean(p)))
        .collect()
}

/// Who responded, as consent allows, alphabetically; a sender who is also on the
/// høringsliste is marked as a party. Equal labels (e.g. "Anonym privatperson") are listed
/// once with their number, so thousands of anonymous senders take one line.
fn respondents(input: &NotatInput, words: &OutlineWords) -> NotatSection {
    let party = |r: &Respondent| {
        r.organisation.as_deref().is_some_and(|org| {
            let org = org.trim().to_lowercase();
            !org.is_empty()
                && input
                    .parties
                    .iter()
                    .any(|p| p.organisation.trim().to_lowercase() == org)
        })
    };
    let mut labels: Vec<String> = input
        .responses
        .iter()
        .map(|r| {
            let label = respondent_label(Some(r), words);
            let label = if party(r) && r.publication != Publication::NotPublished {
                format!("{label} ({})", words.consultee_mark)
            } else {
                label
            };
            if r.attachments.is_empty() || r.publication != Publication::WithName {
                label
            } else {
                let files: Vec<String> = r.attachments.iter().map(|f| clean(f)).collect();
                format!("{label} – {}: {}", words.attachments, files.join(", "))
            }
        })
        .collect();
    labels.sort_by(|a, b| danish_cmp(a, b));
    let mut lines: Vec<(String, usize)> = Vec::new();
    for label in labels {
        match lines.last_mut() {
            Some((last, n)) if *last == label => *n += 1,
            _ => lines.push((label, 1)),
        }
    }
    let items = if lines.is_empty() {
        vec![NotatItem::Paragraph(words.no_points.to_owned())]
    } else {
        vec![NotatItem::List(
            lines
                .into_iter()
                .map(|(label, n)| {
                    if n > 1 {
                        format!("{label} ({n})")
                    } else {
                        label
                    }
                })
                .collect(),
        )]
    };
    NotatSection {
        heading: words.respondents.clone(),
        level: 2,
        items,
    }
}

/// The responses set aside with their reason; no section when there are none.
fn set_aside(input: &NotatInput, words: &OutlineWords) -> Option<NotatSection> {
    if input.set_aside.is_empty() {
        return None;
    }
    let mut rows: Vec<Vec<String>> = input
        .set_aside
        .iter()
        .map(|s| {
            let sender = match s.reason {
                // A withheld response names nobody.
                SetAsideReason::Withheld => words.not_published.to_owned(),
                _ => respondent_label(input.responses.iter().find(|r| r.id == s.response), words),
            };
            vec![sender, (words.set_aside_reason)(s.reason)]
        })
        .collect();
    rows.sort_by(|a, b| danish_cmp(&a[1], &b[1]).then_with(|| danish_cmp(&a[0], &b[0])));
    Some(section(
        &words.set_aside,
        vec![NotatItem::Table {
            header: words.set_aside_header.to_vec(),
            rows,
        }],
    ))
}

/// The administration's recommendation to the politicians; no section when none is written.
fn recommendation(input: &NotatInput, words: &OutlineWords) -> Option<NotatSection> {
    let items = paragraphs(&input.recommendation);
    (!items.is_empty()).then(|| section(&words.recommendation, items))
}

/// A section that says `none` where it has nothing to list.
fn empty_section(heading: &str, none: &str) -> NotatSection {
    section(heading, vec![NotatItem::Paragraph(none.to_owned())])
}

/// A section of one item for each of `entries`; with none, one paragraph saying so (`none`).
fn section_of<T>(
    heading: &str,
    none: &str,
    entries: &[T],
    item: impl FnMut(&T) -> NotatItem,
) -> NotatSection {
    if entries.is_empty() {
        return empty_section(heading, none);
    }
    section(heading, entries.iter().map(item).collect())
}

fn section(heading: &str, items: Vec<NotatItem>) -> NotatSection {
    NotatSection {
        heading: heading.to_owned(),
        level: 1,
        items,
    }
}

fn hearing(input: &NotatInput, words: &OutlineWords) -> NotatSection {
    let h = &input.hearing;
    let mut facts = Vec::new();
    if !h.case_number.trim().is_empty() {
        facts.push((words.case_number.to_owned(), clean(h.case_number.trim())));
    }
    facts.extend([
        (words.subject.to_owned(), clean(h.title.trim())),
        (
            words.period.to_owned(),
            format!(
                "{} – {}",
                (words.long_date)(h.opens),
                (words.long_date)(h.closes)
            ),
        ),
    ]);
    if !h.announced.trim().is_empty() {
        facts.push((words.announced.to_owned(), clean(h.announced.trim())));
    }
    facts.push((
        words.response_count.to_owned(),
        input.responses.len().to_string(),
    ));
    section(&words.hearing, vec![NotatItem::Facts(facts)])
}

fn consultees(input: &NotatInput, words: &OutlineWords) -> NotatSection {
    if input.parties.is_empty() {
        return empty_section(&words.consultees, &words.no_parties);
    }
    let mut parties: Vec<&HeardParty> = input.parties.iter().collect();
    parties.sort_by(|a, b| danish_cmp(&a.organisation, &b.organisation));
    let rows = parties
        .into_iter()
        .map(|p| {
            let answer = match p.status {
                PartyStatus::Answered => &words.answered,
                PartyStatus::Declined => &words.declined,
                PartyStatus::Invited | PartyStatus::NotInvited => &words.no_answer,
            };
            vec![
                clean(p.organisation.trim()),
                (words.party_kind)(p.kind),
                answer.clone(),
            ]
        })
        .collect();
    section(
        &words.consultees,
        vec![NotatItem::Table {
            header: words.consultee_header.to_vec(),
            rows,
        }],
    )
}

fn summary(input: &NotatInput, words: &OutlineWords) -> NotatSection {
    let mut items = paragraphs(&input.written_summary);
    if !input.tag_counts.is_empty() {
        let mut tags = input.tag_counts.clone();
        // The largest themes first, then alphabetically.
        tags.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| danish_cmp(&a.0, &b.0)));
        items.push(NotatItem::Table {
            header: words.tag_header.to_vec(),
            rows: tags
                .into_iter()
                .map(|(tag, n)| vec![clean(tag.trim()), n.to_string()])
                .collect(),
        });
    }
    let mut by_kind: Vec<Vec<String>> = SenderKind::ALL
        .into_iter()
        .filter_map(|kind| {
            let n = input.responses.iter().filter(|r| r.kind == kind).count();
            (n > 0).then(|| vec![words.sender_kind(kind), n.to_string()])
        })
        .collect();
    by_kind.push(vec![
        words.total.to_owned(),
        input.responses.len().to_string(),
    ]);
    items.push(NotatItem::Table {
        header: words.kind_header.to_vec(),
        rows: by_kind,
    });

    let whole = input
        .responses
        .iter()
        .filter(|r| r.sections.iter().all(|s| s.trim().is_empty()))
        .count();
    let mut by_section = Vec::new();
    if whole > 0 {
        by_section.push(vec![words.whole_draft.to_owned(), whole.to_string()]);
    }
    for s in &input.sections {
        let n = input
            .responses
            .iter()
            .filter(|r| r.sections.iter().any(|x| x.trim() == s.number.trim()))
            .count();
        by_section.push(vec![section_label(s), n.to_string()]);
    }
    if !by_section.is_empty() {
        items.push(NotatItem::Table {
            header: words.section_header.to_vec(),
            rows: by_section,
        });
    }
    section(&words.summary, items)
}

fn points(input: &NotatInput, words: &OutlineWords) -> NotatSection {
    let position = |p: &PointInput| match p.section.as_deref().map(str::trim) {
        None | Some("") => 0,
        Some(number) => input
            .sections
            .iter()
            .position(|s| s.number.trim() == number)
            .map_or(input.sections.len() + 1, |i| i + 1),
    };
    let mut ordered: Vec<&PointInput> = input.points.iter().collect();
    ordered.sort_by_key(|p| position(p));
    section_of(&words.points, &words.no_points, &ordered, |p| {
        let about = match p.section.as_deref().map(str::trim) {
            None | Some("") => words.whole_draft.to_owned(),
            Some(number) => input
                .sections
                .iter()
                .find(|s| s.number.trim() == number)
                .map_or_else(|| clean(number), section_label),
        };
        let respondents = match &p.target {
            RemarkTarget::Group(_) => vec![format!(
                "{}: {}",
                words.campaign,
                (words.identical)(p.target.responses().len())
            )],
            target => target
                .responses()
                .into_iter()
                .map(|id| respondent_label(input.responses.iter().find(|r| r.id == id), words))
                .collect(),
        };
        point(about, &p.said, respondents, p.remark.as_ref())
    })
}

fn meetings(input: &NotatInput, words: &OutlineWords) -> NotatSection {
    section_of(&words.meetings, &words.no_meetings, &input.meetings, |m| {
        let about = format!("{}, {}", m.meeting.trim(), (words.long_date)(m.held));
        point(clean(&about), &m.said, Vec::new(), m.remark.as_ref())
    })
}

fn councils(input: &NotatInput, words: &OutlineWords) -> NotatSection {
    section_of(&words.councils, &words.no_councils, &input.councils, |c| {
        let name = clean(c.council.trim());
        point(name.clone(), &c.said, vec![name], c.remark.as_ref())
    })
}

fn changes(input: &NotatInput, words: &OutlineWords) -> NotatSection {
    section_of(&words.changes, &words.no_changes, &input.changes, |c| {
        NotatItem::Diff {
            block: clean(c.block.trim()),
            ops: c
                .ops
                .iter()
                .map(|op| match op {
                    DiffOp::Equal(t) => DiffOp::Equal(clean(t)),
                    DiffOp::Insert(t) => DiffOp::Insert(clean(t)),
                    DiffOp::Delete(t) => DiffOp::Delete(clean(t)),
                })
                .collect(),
        }
    })
}

/// A point, with its remark only once published.
fn point(
    about: String,
    said: &str,
    respondents: Vec<String>,
    remark: Option<&Remark>,
) -> NotatItem {
    let published = remark.filter(|r| r.is_published());
    NotatItem::Point(PointItem {
        about,
        said: clean(said.trim()),
        respondents,
        remark: published.map(|r| clean(r.text.as_str())),
        outcome: published.map(|r| match &r.outcome {
            Outcome::Change { version, block } => Outcome::Change {
                version: *version,
                block: clean(block),
            },
            other => other.clone(),
        }),
    })
}

/// A respondent named as their consent allows. An unknown id is treated as not published:
/// naming no one is the safe mistake.
fn respondent_label(respondent: Option<&Respondent>, words: &OutlineWords) -> String {
    let Some(r) = respondent else {
        return words.not_published.to_owned();
    };
    let anonymous = || match PartyKind::try_from(r.kind) {
        Ok(kind) => (words.party_kind)(kind),
        Err(_) => words.anonymous_private.to_owned(),
    };
    match r.publication {
        Publication::NotPublished => words.not_published.to_owned(),
        Publication::Anonymous => anonymous(),
        Publication::WithName => {
            let parts: Vec<&str> = [r.name.as_deref(), r.organisation.as_deref()]
                .into_iter()
                .flatten()
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .collect();
            if parts.is_empty() {
                anonymous()
            } else {
                clean(&parts.join(", "))
            }
        }
    }
}

fn section_label(s: &DraftSection) -> String {
    let label = format!("{} {}", s.number.trim(), s.heading.trim());
    clean(label.trim())
}

/// `text` with every e-mail address, phone and CPR number replaced by [`REDACTED`]: the last
/// guard before a string enters the public notat. Should redacting fail, nothing of the text
/// is kept.
fn clean(text: &str) -> String {
    let spans: Vec<Range<usize>> = privacy::detect(text)
        .into_iter()
        .filter(|f| matches!(f.kind, FlagKind::Email | FlagKind::Phone | FlagKind::Cpr))
        .map(|f| f.range())
        .collect();
    if spans.is_empty() {
        return text.to_owned();
    }
    privacy::redact(text, &spans).unwrap_or_else(|_| REDACTED.to_owned())
}

/// The notat's fixed wording in one language, given by the caller: the core chooses no
/// language. Dates and the kinds of party are worded by the caller's functions.
pub struct OutlineWords {
    /// "Høringsnotat", before the hearing's title.
    pub notat: String,
    /// "Sagsnummer".
    pub case_number: String,
    /// "Høringssvar modtaget fra": the list of respondents.
    pub respondents: String,
    /// After a respondent who is on the høringsliste: "høringspart".
    pub consultee_mark: String,
    /// Before the names of a respondent's files: "bilag".
    pub attachments: String,
    /// Theme (tag), number of responses.
    pub tag_header: [String; 2],
    /// "Svar uden bemærkning": the responses set aside.
    pub set_aside: String,
    /// Sender, reason.
    pub set_aside_header: [String; 2],
    /// "Administrationens indstilling".
    pub recommendation: String,
    /// Why a response was set aside, as the notat says it.
    pub set_aside_reason: Box<dyn Fn(SetAsideReason) -> String + Send + Sync>,
    pub hearing: String,
    pub subject: String,
    pub period: String,
    pub announced: String,
    pub response_count: String,
    pub consultees: String,
    /// Party, kind, answer.
    pub consultee_header: [String; 3],
    pub answered: String,
    pub declined: String,
    pub no_answer: String,
    pub no_parties: String,
    pub summary: String,
    /// Sender, number of responses.
    pub kind_header: [String; 2],
    /// Section, number of responses.
    pub section_header: [String; 2],
    pub total: String,
    pub whole_draft: String,
    pub points: String,
    pub no_points: String,
    pub campaign: String,
    /// A campaign's count of responses: "2 enslydende svar" (a function: Arabic and
    /// Ukrainian word the noun by the number).
    pub identical: Box<dyn Fn(usize) -> String + Send + Sync>,
    pub anonymous_private: String,
    pub not_published: String,
    pub meetings: String,
    pub no_meetings: String,
    pub councils: String,
    pub no_councils: String,
    pub changes: String,
    pub no_changes: String,
    /// A private person among the senders.
    pub private_person: String,
    /// The kind of a party, or of a sender who is not a private person.
    pub party_kind: Box<dyn Fn(PartyKind) -> String + Send + Sync>,
    /// A day as prose writes it: "2. marts 2026".
    pub long_date: Box<dyn Fn(Date) -> String + Send + Sync>,
}

impl OutlineWords {
    fn sender_kind(&self, kind: SenderKind) -> String {
        match PartyKind::try_from(kind) {
            Ok(kind) => (self.party_kind)(kind),
            Err(_) => self.private_person.clone(),
        }
    }
}

impl std::fmt::Debug for OutlineWords {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OutlineWords")
            .field("notat", &self.notat)
            .finish_non_exhaustive()
    }
}
