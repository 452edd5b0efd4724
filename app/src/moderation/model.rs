//! What the moderation pages show, as it travels from the server to the browser.

use crate::consultees::PartyListView;
use crate::council::RoundCard;
use crate::hearing::AdminHearingCard;
use crate::response::MeetingOrigin;
use crate::response::PublicResponse;
use hoering::response::ModerationStatus;
use hoering::response::Publication;
use hoering::response::SenderKind;
use serde::{Deserialize, Serialize};

/// A response as the clerk sees it: everything, including the sender's e-mail.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AdminResponse {
    pub id: i64,
    pub receipt_number: String,
    /// Copenhagen time, to the minute. (Read by our own parser in the browser: see
    /// `dates::wire`.)
    #[serde(with = "crate::dates::wire::date_time")]
    pub received_at: jiff::civil::DateTime,
    pub block_number: Option<String>,
    /// The words of the block the response is about, if the sender quoted them.
    #[serde(default)]
    pub quote: Option<String>,
    pub text: String,
    pub name: String,
    pub email: String,
    pub sender_kind: SenderKind,
    pub organisation: Option<String>,
    pub publication: Publication,
    pub status: ModerationStatus,
    /// Input recorded at a dialogue meeting has no sender, only its meeting.
    pub meeting: Option<MeetingOrigin>,
    /// Personal data the core found in the text as it stands (after any redaction).
    pub flags: Vec<hoering::privacy::Flag>,
    /// A clerk has redacted passages; the original is kept for clerks.
    pub redacted: bool,
    pub withheld_reason: Option<String>,
    /// Its sender withdrew it from the receipt link.
    #[serde(default)]
    pub withdrawn: bool,
    /// The sender's request to erase their name, and the clerk's decision.
    #[serde(default)]
    pub erasure: hoering::response::own::Erasure,
    /// How often its sender changed it (the earlier texts are on its original's page).
    #[serde(default)]
    pub changes: i64,
    /// The clerk's tags on it, by name.
    #[serde(default)]
    pub tags: Vec<String>,
    /// The files sent with it.
    #[serde(default)]
    pub attachments: Vec<AdminAttachment>,
}

/// A file sent with a response, as the clerk sees it: whether it was scanned, whether its text
/// was read (and what the personal-data check found in it), and whether the public sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AdminAttachment {
    pub id: i64,
    pub file: crate::response::AttachmentView,
    pub scan: hoering::attachment::ScanState,
    pub text_state: hoering::attachment::TextState,
    pub flags: Vec<hoering::privacy::Flag>,
    pub withheld_reason: Option<String>,
    /// Whether the public sees it now.
    pub shown: bool,
}

/// A hearing's tag, with how many responses carry it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TagView {
    pub id: i64,
    pub name: String,
    pub uses: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AdminHearingView {
    pub tags: Vec<TagView>,
    /// Tags the core suggests from the responses' words (not yet among `tags`).
    pub suggested_tags: Vec<String>,
    pub tag_filter: Option<i64>,
    pub card: AdminHearingCard,
    pub parties: PartyListView,
    /// The councils' rounds on this hearing, and every council (slug, name) to open one for.
    pub rounds: Vec<RoundCard>,
    pub councils: Vec<(String, String)>,
    pub status_filter: Option<ModerationStatus>,
    pub total: i64,
    pub page: u32,
    pub per_page: u32,
    pub responses: Vec<AdminResponse>,
}

/// A redacted response's text as sent, for a clerk, with what has happened to the response.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ResponseOriginal {
    pub id: i64,
    pub receipt_number: String,
    pub hearing_slug: String,
    pub hearing_title: String,
    pub original: String,
    pub current: String,
    /// The journal's entries on the response: when, who, what, before, after.
    pub journal: Vec<JournalLine>,
    /// The texts its sender replaced from the receipt link, oldest first.
    #[serde(default)]
    pub earlier: Vec<EarlierText>,
}

/// A text a sender replaced: when they replaced it, and what it said and allowed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EarlierText {
    /// Copenhagen time, to the minute.
    pub replaced_at: jiff::civil::DateTime,
    pub text: String,
    pub publication: hoering::response::Publication,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JournalLine {
    /// Copenhagen time, to the minute.
    pub at: jiff::civil::DateTime,
    pub actor: String,
    pub action: String,
    pub before: Option<String>,
    pub after: Option<String>,
}

/// Where a piece of input on a paragraph came from, as the paragraph page filters it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InputSource {
    /// A høringssvar.
    Response,
    /// Input recorded at a dialogue meeting.
    Meeting,
    /// A council member's comment in the council's own round.
    Council,
}

impl InputSource {
    pub const ALL: [InputSource; 3] = [Self::Response, Self::Meeting, Self::Council];

    /// The `?kilde=` value.
    pub fn code(self) -> &'static str {
        match self {
            Self::Response => "svar",
            Self::Meeting => "moede",
            Self::Council => "raad",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// A council member's comment on a paragraph, for the clerk's paragraph page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CouncilNote {
    pub id: i64,
    pub council: String,
    pub author: String,
    pub quote: String,
    pub text: String,
    /// Copenhagen time, to the minute.
    pub at: jiff::civil::DateTime,
}

/// The paragraph's text in a later version of the policy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BlockLater {
    pub version_number: i64,
    pub version_label: String,
    /// Its number there (it may have moved).
    pub number: Option<String>,
    /// From the hearing's text to this version's; `None` when the version removed it.
    pub diff: Option<Vec<hoering::diff::DiffOp>>,
}

/// Everything said about one paragraph of a hearing, for the clerk.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AdminBlockView {
    pub hearing_slug: String,
    pub hearing_title: String,
    pub number: String,
    pub text: String,
    /// The paragraphs before and after, for stepping through the draft.
    pub previous: Option<String>,
    pub next: Option<String>,
    /// The filters in force (`None`: all).
    pub source: Option<InputSource>,
    pub kind: Option<SenderKind>,
    /// How much there is of each source and respondent type, before filtering.
    pub source_counts: Vec<(InputSource, usize)>,
    pub kind_counts: Vec<(SenderKind, usize)>,
    /// The hearing's tags, and the one filtered by.
    #[serde(default)]
    pub tags: Vec<TagView>,
    #[serde(default)]
    pub tag: Option<i64>,
    /// Filtered to the group of copies of this response.
    #[serde(default)]
    pub group: Option<i64>,
    pub responses: Vec<AdminResponse>,
    pub council: Vec<CouncilNote>,
    pub later: Vec<BlockLater>,
}

/// A response in a group of copies, as the group page lists it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GroupMember {
    pub id: i64,
    pub receipt_number: String,
    pub status: ModerationStatus,
    pub block_number: Option<String>,
    /// Estimated share of three-word runs in common with the group's representative, 0–100.
    pub similarity: u8,
    /// From the representative's text to this one's.
    pub diff: Vec<hoering::diff::DiffOp>,
}

/// Identical or near-identical responses (a campaign, a form letter, a copied text).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GroupView {
    pub size: usize,
    pub representative: GroupMember,
    pub representative_text: String,
    /// The paragraphs its members are about, with how many each.
    #[serde(default)]
    pub blocks: Vec<(String, usize)>,
    /// The first members after the representative (a long campaign is shown in part).
    pub members: Vec<GroupMember>,
}

/// A hearing's groups of copies, largest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AdminGroupsView {
    pub hearing_slug: String,
    pub hearing_title: String,
    /// Responses looked at (meeting input is left out: it is not sent by anyone).
    pub responses: usize,
    pub groups: Vec<GroupView>,
}

/// A hit of a search: the response as its reader may see it, and the excerpt with the words
/// found marked.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchHit<R> {
    pub response: R,
    pub snippet: hoering::language::Snippet,
}

/// A paragraph of the draft whose text matches.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BlockHit {
    pub number: String,
    pub snippet: hoering::language::Snippet,
}

/// A search in one hearing: the public's (published input only) or the clerk's (everything,
/// with filters).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchView {
    pub hearing_slug: String,
    pub hearing_title: String,
    pub query: String,
    /// The stems searched for, after stop words were dropped (empty: nothing to search for).
    pub terms: Vec<String>,
    pub blocks: Vec<BlockHit>,
    /// For the public.
    pub public_hits: Vec<SearchHit<PublicResponse>>,
    /// For the clerk.
    pub admin_hits: Vec<SearchHit<AdminResponse>>,
    /// More matched than are shown.
    pub truncated: bool,
}

/// A filter's value as the query string gave it: one of the values the page offers, or one it
/// does not know, which (like a status no response has) matches nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Wanted<T> {
    Only(T),
    Unknown,
}

impl<T: Copy + PartialEq> Wanted<T> {
    /// An empty value filters nothing (`None`); a code `parse` does not know matches nothing.
    pub fn from_query(code: Option<&str>, parse: impl Fn(&str) -> Option<T>) -> Option<Self> {
        let code = code.filter(|c| !c.is_empty())?;
        Some(parse(code).map_or(Self::Unknown, Self::Only))
    }

    /// Whether an item whose value is `value` (`None`: one that does not read) passes.
    pub fn admits(self, value: Option<T>) -> bool {
        match self {
            Self::Only(wanted) => value == Some(wanted),
            Self::Unknown => false,
        }
    }
}

/// The clerk's search filters, parsed from the query string (`None`: not filtered).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SearchFilters {
    /// A tag's id.
    #[serde(default)]
    pub tag: Option<i64>,
    /// The group of copies of this response.
    #[serde(default)]
    pub group: Option<i64>,
    pub status: Option<Wanted<ModerationStatus>>,
    /// An unknown source filters nothing (the search has always read it so).
    pub source: Option<InputSource>,
    pub kind: Option<Wanted<SenderKind>>,
    pub block: Option<String>,
}

impl SearchFilters {
    /// The filters of `?maerke=&gruppe=&status=&kilde=&type=&afsnit=`, from each parameter's
    /// value (`get`); an empty value filters nothing.
    pub fn from_query<'a>(get: impl Fn(&str) -> Option<&'a str>) -> Self {
        let get = |k: &str| get(k).filter(|v| !v.is_empty());
        Self {
            tag: get("maerke").and_then(|t| t.parse().ok()),
            group: get("gruppe").and_then(|t| t.parse().ok()),
            status: Wanted::from_query(get("status"), ModerationStatus::parse),
            source: get("kilde").and_then(InputSource::parse),
            kind: Wanted::from_query(get("type"), |k| SenderKind::parse(k).ok()),
            block: get("afsnit").map(str::to_string),
        }
    }
}

/// How much was said about one paragraph.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BlockCount {
    /// `None` for the draft as a whole.
    pub number: Option<String>,
    /// The paragraph's first words.
    pub excerpt: String,
    pub responses: usize,
    pub meeting: usize,
    pub council: usize,
}

impl BlockCount {
    pub fn total(&self) -> usize {
        self.responses + self.meeting + self.council
    }
}

/// Where the debate was: counts per paragraph (in the draft's order) and per respondent type.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HearingOverview {
    pub hearing_slug: String,
    pub hearing_title: String,
    pub blocks: Vec<BlockCount>,
    pub kinds: Vec<(SenderKind, usize)>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_filters_parse_the_query_and_keep_what_an_unknown_value_did() {
        const QUERY: [(&str, &str); 5] = [
            ("status", "pending"),
            ("kilde", "moede"),
            ("type", "company"),
            ("afsnit", "2.1"),
            ("maerke", "7"),
        ];
        let get = |q: &'static [(&'static str, &'static str)]| {
            move |k: &str| q.iter().find(|(name, _)| *name == k).map(|(_, v)| *v)
        };
        let f = SearchFilters::from_query(get(&QUERY));
        assert_eq!(f.status, Some(Wanted::Only(ModerationStatus::Pending)));
        assert_eq!(f.source, Some(InputSource::Meeting));
        assert_eq!(f.kind, Some(Wanted::Only(SenderKind::Company)));
        assert_eq!(f.block.as_deref(), Some("2.1"));
        assert_eq!((f.tag, f.group), (Some(7), None));

        // Empty values filter nothing.
        let f = SearchFilters::from_query(get(&[("status", ""), ("type", ""), ("kilde", "")]));
        assert_eq!(f, SearchFilters::default());

        // An unknown status or type matches nothing; an unknown source filters nothing.
        let f = SearchFilters::from_query(get(&[("status", "x"), ("type", "x"), ("kilde", "x")]));
        assert_eq!(f.status, Some(Wanted::Unknown));
        assert_eq!(f.kind, Some(Wanted::Unknown));
        assert_eq!(f.source, None);
        assert!(!Wanted::<ModerationStatus>::Unknown.admits(Some(ModerationStatus::Pending)));
        assert!(Wanted::Only(ModerationStatus::Pending).admits(Some(ModerationStatus::Pending)));
        assert!(!Wanted::Only(ModerationStatus::Pending).admits(None));
    }
}
