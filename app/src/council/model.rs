//! What the council pages show, as it travels from the server to the browser.

use crate::meeting::BlockChoice;
use serde::{Deserialize, Serialize};

/// A council member as the admin sees them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CouncilMember {
    pub email: String,
    /// The name they go by in the room and in public; empty until set.
    pub name: String,
    pub chair: bool,
}

/// A council and who sits in it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CouncilView {
    pub slug: String,
    pub name: String,
    pub members: Vec<CouncilMember>,
}

/// A council member's own start page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CouncilHome {
    /// The name the member goes by in the room and in public; empty until set.
    pub name: String,
    /// The councils they sit in: name and whether they chair it.
    pub councils: Vec<(String, bool)>,
    /// Their councils' rounds, soonest closing first.
    pub rounds: Vec<RoundCard>,
}

/// A council's round on a hearing, as lists show it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RoundCard {
    pub hearing_slug: String,
    pub hearing_title: String,
    pub council_slug: String,
    pub council_name: String,
    /// First and last day, in Copenhagen.
    pub opens: jiff::civil::Date,
    pub closes: jiff::civil::Date,
    pub state: hoering::council::RoundState,
}

/// A comment in a council's discussion, in thread order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CouncilComment {
    pub id: i64,
    /// The author's display name (empty when they have none yet); never their e-mail.
    pub author: String,
    pub block_number: Option<String>,
    pub quote: String,
    pub text: String,
    /// 0 for a thread's first comment.
    pub depth: u8,
    pub agreed: i64,
    /// Written by the reader (who may not agree with their own comment).
    pub mine: bool,
}

/// The council's workspace for one hearing: the draft's blocks and the members' discussion.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CouncilWorkspace {
    pub round: RoundCard,
    /// Whether the reader may comment now (a member, while the round is open).
    pub may_comment: bool,
    pub blocks: Vec<BlockChoice>,
    pub comments: Vec<CouncilComment>,
    /// The joint response: every revision, and the chair's submission.
    pub joint: hoering::council::JointResponse,
    /// The display names of the revisions' authors and the submitter, by user id (never their
    /// e-mails: the public reads a published discussion).
    pub people: Vec<(i64, String)>,
    /// The reader sits in the council (only members write; clerks and the public read).
    pub member: bool,
    /// The reader chairs the council.
    pub chair: bool,
    /// Whether the reader may save the joint response now.
    pub may_edit: bool,
    /// Why the reader may not submit the joint response now; `None` when they may.
    pub submit_refusal: Option<hoering::council::SubmitRefusal>,
    /// Why the reader may not publish the discussion now; `None` when they may.
    pub publish_refusal: Option<hoering::council::PublishRefusal>,
    /// The submitted response's moderation status.
    pub response_status: Option<hoering::response::ModerationStatus>,
    /// The chair has published the discussion.
    pub published: bool,
}
