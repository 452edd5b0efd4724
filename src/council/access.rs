//! Who may read, write and submit in a council's round. The server asks these before every
//! read and write; the app asks the same to decide what to offer.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::CouncilId;
use super::joint::JointResponse;
use super::round::{RoundState, RoundWindow};
use crate::staff::Role;

/// Who is looking.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Viewer {
    /// Nobody logged in.
    Anonymous,
    /// A citizen known to the site but without a staff account.
    Citizen,
    /// A staff account; `councils` are those it is a member of.
    Staff {
        role: Role,
        councils: Vec<CouncilId>,
    },
}

/// Whether the viewer sits in `council`. Only the council role counts: a clerk listed in a
/// council (as its secretary, say) reads everything anyway but does not speak for it.
pub fn is_member(viewer: &Viewer, council: CouncilId) -> bool {
    match viewer {
        Viewer::Staff {
            role: Role::Council,
            councils,
        } => councils.contains(&council),
        _ => false,
    }
}

/// The members' comments and the joint response's history. Clerks and admins follow every
/// council's work; a council's members see their own council's; everyone sees it once the
/// chair has published it. Until then a member of another council sees no more than the
/// public does, because councils advise independently of each other.
pub fn may_read_discussion(viewer: &Viewer, council: CouncilId, published: bool) -> bool {
    published
        || matches!(
            viewer,
            Viewer::Staff {
                role: Role::Clerk | Role::Admin,
                ..
            }
        )
        || is_member(viewer, council)
}

/// Members of the council, while its round is open. Agreeing with a comment is commenting.
pub fn may_comment(viewer: &Viewer, council: CouncilId, round: &RoundState) -> bool {
    *round == RoundState::Open && is_member(viewer, council)
}

/// Members of the council, while its round is open. Once the chair has submitted, the text is
/// fixed however the round stands: [`JointResponse::edit`] refuses.
pub fn may_edit_joint(viewer: &Viewer, council: CouncilId, round: &RoundState) -> bool {
    may_comment(viewer, council, round)
}

/// Why the chair may not submit the joint response now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum SubmitRefusal {
    /// The viewer does not sit in this council.
    NotMember,
    /// Only the council's chair submits on its behalf.
    NotChair,
    /// The council has already submitted its response; it is sent once.
    AlreadySubmitted,
    /// The round has not begun, so there is nothing agreed to send.
    RoundNotOpen { opens: Date },
    /// The public hearing is closed; a late council response would not reach the høringsnotat.
    HearingClosed { last_day: Date },
    /// The joint response has no text yet.
    Empty,
}

impl SubmitRefusal {
    /// The stable code, as serde writes it in `reason`.
    pub fn code(&self) -> &'static str {
        match self {
            Self::NotMember => "not_member",
            Self::NotChair => "not_chair",
            Self::AlreadySubmitted => "already_submitted",
            Self::RoundNotOpen { .. } => "round_not_open",
            Self::HearingClosed { .. } => "hearing_closed",
            Self::Empty => "empty",
        }
    }
}

/// Whether the viewer may submit the joint response on the council's behalf today (a Danish
/// calendar day). `chair` is whether the viewer chairs `council`.
///
/// The round's own last day is for the members' writing; the chair may submit after it, as
/// long as the public hearing is open, because the council often settles the text at a
/// meeting after its round. The first reason found is given, authority before timing.
pub fn may_submit(
    viewer: &Viewer,
    council: CouncilId,
    chair: bool,
    round: &RoundWindow,
    today: Date,
    joint: &JointResponse,
) -> Result<(), SubmitRefusal> {
    if !is_member(viewer, council) {
        return Err(SubmitRefusal::NotMember);
    }
    if !chair {
        return Err(SubmitRefusal::NotChair);
    }
    if joint.submitted.is_some() {
        return Err(SubmitRefusal::AlreadySubmitted);
    }
    if round.state_on(today) == RoundState::Upcoming {
        return Err(SubmitRefusal::RoundNotOpen {
            opens: round.opens(),
        });
    }
    if today > round.hearing_last_day() {
        return Err(SubmitRefusal::HearingClosed {
            last_day: round.hearing_last_day(),
        });
    }
    if joint.current_text().trim().is_empty() {
        return Err(SubmitRefusal::Empty);
    }
    Ok(())
}

/// Why the chair may not publish the council's discussion now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum PublishRefusal {
    NotMember,
    /// Only the chair publishes, when the council has decided to.
    NotChair,
    /// Members may still be writing: the discussion is published after the round, or once the
    /// joint response is submitted.
    RoundNotOver,
    AlreadyPublished,
}

impl PublishRefusal {
    /// The stable code, as serde writes it in `reason`.
    pub fn code(&self) -> &'static str {
        match self {
            Self::NotMember => "not_member",
            Self::NotChair => "not_chair",
            Self::RoundNotOver => "round_not_over",
            Self::AlreadyPublished => "already_published",
        }
    }
}

/// Whether the chair may publish the members' discussion (comments, replies, agreements and
/// the joint response's history) for everyone to read. It cannot be taken back, so it waits
/// until nobody is writing any more: the round has ended or the response has been submitted.
pub fn may_publish_discussion(
    viewer: &Viewer,
    council: CouncilId,
    chair: bool,
    round: &RoundState,
    joint: &JointResponse,
    published: bool,
) -> Result<(), PublishRefusal> {
    if !is_member(viewer, council) {
        return Err(PublishRefusal::NotMember);
    }
    if !chair {
        return Err(PublishRefusal::NotChair);
    }
    if published {
        return Err(PublishRefusal::AlreadyPublished);
    }
    if *round != RoundState::Closed && joint.submitted.is_none() {
        return Err(PublishRefusal::RoundNotOver);
    }
    Ok(())
}
