//! A policy's road as a state machine: which step is allowed now, and a typed reason when not.
//!
//! A [`Road`] is the template snapshot the policy follows, the current stage, an append-only
//! history of [`Step`]s and the facts the rules read (frozen versions, the hearing's version,
//! whether a høringsnotat exists, the Byråd's adoption). [`Road::apply`] either appends to the
//! history or refuses with a [`Refusal`] and leaves the road as it was. The one way to
//! Offentliggjort passes a Byråd "vedtaget"; a "forkastet" ends the road for good.

use std::collections::{BTreeMap, BTreeSet};

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::decision::{Decision, Outcome};
use super::refusal::Refusal;
use super::stage::{Body, Stage};
use super::template::{Template, TemplateError, TemplateRef};

/// Something a clerk asks the road to do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum Action {
    /// Go on to the next stage of the template. Advancing to Høring opens the hearing on the
    /// latest frozen version; advancing to Offentliggjort is [`Action::Publish`].
    Advance { to: Stage },
    /// Pass the next stage by, where the template allows it, with a reason for the record.
    Skip { stage: Stage, reason: String },
    /// Freeze a version of the text: from now on it may go to hearing and be decided on.
    FreezeVersion { number: u32 },
    /// Open the hearing on a frozen version: enters Høring (or opens it when the policy was
    /// sent back to Høring).
    OpenHearing { version: u32 },
    /// The høringsnotat exists (recorded in the Høringsnotat stage; again after a revision).
    RecordHearingSummary,
    /// A decision by the body of the current stage.
    RecordDecision(Decision),
    /// Offentliggjort: only after the Byråd adopted.
    Publish,
}

/// Why a stage was passed by: the clerk's own words, shown as written, or a reason hoering
/// records itself, kept as a code that the app words in the reader's language.
///
/// Stored as the clerk's text (a JSON string) or as `{"code": …}`. Roads stored before the
/// codes spelled hoering's own reason in Danish; that spelling reads back as its code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "StoredReason", into = "StoredReason")]
pub enum SkipReason {
    /// The policy came in as a hearing already open (made with its dates in one go, or
    /// brought over from before hoering), so the stages before Høring happened outside it.
    DirectHearing,
    /// What the clerk wrote.
    Written(String),
}

impl SkipReason {
    /// How roads stored before the codes recorded [`SkipReason::DirectHearing`]: a stored
    /// value, never shown (the app words the code).
    pub const STORED_DIRECT_HEARING: &'static str = "oprettet direkte som høring";
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum ReasonCode {
    DirectHearing,
}

#[derive(Serialize, Deserialize)]
#[serde(untagged)]
enum StoredReason {
    Code { code: ReasonCode },
    Written(String),
}

impl From<StoredReason> for SkipReason {
    fn from(stored: StoredReason) -> Self {
        match stored {
            StoredReason::Code {
                code: ReasonCode::DirectHearing,
            } => Self::DirectHearing,
            StoredReason::Written(text) if text == Self::STORED_DIRECT_HEARING => {
                Self::DirectHearing
            }
            StoredReason::Written(text) => Self::Written(text),
        }
    }
}

impl From<SkipReason> for StoredReason {
    fn from(reason: SkipReason) -> Self {
        match reason {
            SkipReason::DirectHearing => Self::Code {
                code: ReasonCode::DirectHearing,
            },
            SkipReason::Written(text) => Self::Written(text),
        }
    }
}

/// Where a road began, as its journal records it: hoering's own reason, kept as a code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StartReason {
    /// In Høring: the policy came in as a hearing already open ([`SkipReason::DirectHearing`]).
    DirectHearing,
    /// In Udarbejdelse: the policy came in as a draft.
    Draft,
}

impl StartReason {
    pub const ALL: [StartReason; 2] = [Self::DirectHearing, Self::Draft];

    pub fn code(self) -> &'static str {
        match self {
            Self::DirectHearing => "direct_hearing",
            Self::Draft => "draft",
        }
    }

    /// How journals written before the codes recorded it: stored values, never shown.
    fn stored_before_codes(self) -> &'static str {
        match self {
            Self::DirectHearing => SkipReason::STORED_DIRECT_HEARING,
            Self::Draft => "oprettet som udkast",
        }
    }

    /// A stored reason: its code, or its spelling from before the codes; `None` for anything
    /// else (a restarted road's reason is the clerk's own words).
    pub fn parse(stored: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|r| r.code() == stored || r.stored_before_codes() == stored)
    }
}

/// One entry of a road's history. The history only grows; nothing in it is ever changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "step", rename_all = "snake_case")]
pub enum Step {
    Entered {
        stage: Stage,
        on: Date,
    },
    Skipped {
        stage: Stage,
        reason: SkipReason,
        on: Date,
    },
    VersionFrozen {
        number: u32,
        on: Date,
    },
    HearingOpened {
        version: u32,
        on: Date,
    },
    HearingSummaryRecorded {
        on: Date,
    },
    Decided {
        stage: Stage,
        decision: Decision,
        on: Date,
    },
    /// Sent back from `from` to the earlier `to`, which is entered again (follows the
    /// `Decided` step whose outcome said so).
    SentBack {
        from: Stage,
        to: Stage,
        on: Date,
    },
}

impl Step {
    /// The day the step was recorded as having happened.
    pub fn on(&self) -> Date {
        match self {
            Step::Entered { on, .. }
            | Step::Skipped { on, .. }
            | Step::VersionFrozen { on, .. }
            | Step::HearingOpened { on, .. }
            | Step::HearingSummaryRecorded { on }
            | Step::Decided { on, .. }
            | Step::SentBack { on, .. } => *on,
        }
    }
}

/// Where the road as a whole stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum RoadState {
    InProgress {
        stage: Stage,
    },
    /// Terminal: a body rejected the policy (forkastet). No step is allowed after it.
    Rejected {
        stage: Stage,
        on: Date,
    },
    /// Terminal: the adopted policy is published. A revision starts a new road.
    Published {
        on: Date,
    },
}

/// The Byråd's adoption: the version that became the policy's text, and the meeting's date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Adoption {
    pub version: u32,
    pub meeting_date: Date,
}

/// A policy's road to the Byråd vote. See the module documentation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Road {
    template: Template,
    stage: Stage,
    history: Vec<Step>,
    planned: BTreeMap<Stage, Date>,
    /// Stages after the current one skipped in the current round (a sending back clears
    /// those it returns before).
    skipped: BTreeSet<Stage>,
    frozen: BTreeSet<u32>,
    /// The version the current round's hearing was opened on.
    hearing_version: Option<u32>,
    hearing_summary: bool,
    /// The last decision's outcome in the current visit of the current stage.
    decision_here: Option<Outcome>,
    adoption: Option<Adoption>,
    rejected: Option<Date>,
}

/// The kinds of action, for listing buttons.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActionKind {
    Advance,
    Skip,
    FreezeVersion,
    OpenHearing,
    RecordHearingSummary,
    RecordDecision,
    Publish,
}

/// One button the policy page may show: the kind, the stage it concerns (the next stage for
/// Advance and Skip, the current stage for a decision), and why it is refused, if it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    pub kind: ActionKind,
    pub stage: Option<Stage>,
    pub refused: Option<Refusal>,
}

impl Choice {
    pub fn is_allowed(&self) -> bool {
        self.refused.is_none()
    }
}

/// A stage's standing on the timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum StageStatus {
    /// Passed: entered `from`, left `to` (Offentliggjort: both the day of publication).
    Done { from: Date, to: Date },
    /// The policy is here now.
    Current { since: Date },
    /// Passed by, with the recorded reason.
    Skipped { on: Date, reason: SkipReason },
    /// The road ended here: a body rejected the policy.
    Rejected { on: Date },
    /// Not reached in the current round.
    Pending,
}

/// One line of the policy page's timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimelineEntry {
    pub stage: Stage,
    pub responsible: String,
    pub planned: Option<Date>,
    pub status: StageStatus,
    /// Every day the stage was entered, rounds before a sending back included.
    pub entered: Vec<Date>,
    /// Every decision recorded in this stage, in order (a "sendt tilbage" shows here).
    pub decisions: Vec<Decision>,
}

impl Road {
    /// A new road on `template` (checked), in Udarbejdelse from `started`.
    pub fn new(template: Template, started: Date) -> Result<Road, TemplateError> {
        template.check()?;
        Ok(Road {
            template,
            stage: Stage::Drafting,
            history: vec![Step::Entered {
                stage: Stage::Drafting,
                on: started,
            }],
            planned: BTreeMap::new(),
            skipped: BTreeSet::new(),
            frozen: BTreeSet::new(),
            hearing_version: None,
            hearing_summary: false,
            decision_here: None,
            adoption: None,
            rejected: None,
        })
    }

    /// A road for a policy that came in as a hearing already open (made with its dates in one
    /// go, or brought over from before hoering): version `version` is frozen and its hearing
    /// opened on `on`, and every stage of the template between Udarbejdelse and Høring is
    /// recorded as passed by ([`SkipReason::DirectHearing`]). Those records state what happened
    /// outside hoering, so they are not subject to the template's skipping rules.
    pub fn opened_as_hearing(
        template: Template,
        on: Date,
        version: u32,
    ) -> Result<Road, TemplateError> {
        let mut road = Road::new(template, on)?;
        road.frozen.insert(version);
        road.history.push(Step::VersionFrozen {
            number: version,
            on,
        });
        let between: Vec<Stage> = road
            .template
            .stages
            .iter()
            .map(|s| s.stage)
            .filter(|s| *s > Stage::Drafting && *s < Stage::Hearing)
            .collect();
        for stage in between {
            road.history.push(Step::Skipped {
                stage,
                reason: SkipReason::DirectHearing,
                on,
            });
            road.skipped.insert(stage);
        }
        road.enter(Stage::Hearing, on);
        road.history.push(Step::HearingOpened { version, on });
        road.hearing_version = Some(version);
        Ok(road)
    }

    /// The template snapshot this road follows.
    pub fn template(&self) -> &Template {
        &self.template
    }

    pub fn template_ref(&self) -> TemplateRef {
        self.template.reference()
    }

    pub fn stage(&self) -> Stage {
        self.stage
    }

    pub fn history(&self) -> &[Step] {
        &self.history
    }

    pub fn state(&self) -> RoadState {
        if let Some(on) = self.rejected {
            RoadState::Rejected {
                stage: self.stage,
                on,
            }
        } else if self.stage == Stage::Published {
            RoadState::Published {
                on: self.last_date(),
            }
        } else {
            RoadState::InProgress { stage: self.stage }
        }
    }

    /// The day of the latest step; new steps may not be dated earlier.
    pub fn last_date(&self) -> Date {
        self.history.last().map(Step::on).unwrap_or_default()
    }

    pub fn frozen_versions(&self) -> &BTreeSet<u32> {
        &self.frozen
    }

    /// The version the current round's hearing was opened on.
    pub fn hearing_version(&self) -> Option<u32> {
        self.hearing_version
    }

    /// Whether the current round's høringsnotat exists.
    pub fn has_hearing_summary(&self) -> bool {
        self.hearing_summary
    }

    /// The Byråd's "vedtaget", once recorded.
    pub fn adoption(&self) -> Option<Adoption> {
        self.adoption
    }

    /// The day of the road's final decision: the Byråd's adoption, or a rejection.
    pub fn decided_on(&self) -> Option<Date> {
        self.rejected
            .or_else(|| self.adoption.map(|a| a.meeting_date))
    }

    pub fn planned(&self, stage: Stage) -> Option<Date> {
        self.planned.get(&stage).copied()
    }

    /// Sets (or with `None` clears) the planned date of a stage. Plans are not history: they
    /// may change at any time and are not steps.
    pub fn plan(&mut self, stage: Stage, on: Option<Date>) -> Result<(), Refusal> {
        if !self.template.contains(stage) {
            return Err(Refusal::NotInTemplate { stage });
        }
        match on {
            Some(day) => self.planned.insert(stage, day),
            None => self.planned.remove(&stage),
        };
        Ok(())
    }

    /// The stage an [`Action::Advance`] goes to now: the first stage of the template after the
    /// current one that was not skipped. `None` once the road has ended.
    pub fn next_stage(&self) -> Option<Stage> {
        if self.rejected.is_some() {
            return None;
        }
        self.template
            .stages
            .iter()
            .map(|s| s.stage)
            .find(|s| *s > self.stage && !self.skipped.contains(s))
    }

    /// Does `action` on `on`, or refuses and leaves the road unchanged.
    pub fn apply(&mut self, action: Action, on: Date) -> Result<(), Refusal> {
        *self = self.after(action, on)?;
        Ok(())
    }

    /// Whether `action` on `on` would be allowed.
    pub fn can(&self, action: &Action, on: Date) -> Result<(), Refusal> {
        self.after(action.clone(), on).map(|_| ())
    }

    /// The road after `action` on `on`.
    pub fn after(&self, action: Action, on: Date) -> Result<Road, Refusal> {
        if self.rejected.is_some() {
            return Err(Refusal::RoadRejected);
        }
        if self.stage == Stage::Published {
            return Err(Refusal::AlreadyPublished);
        }
        let last = self.last_date();
        if on < last {
            return Err(Refusal::BeforeLastStep { last });
        }
        let mut road = self.clone();
        match action {
            Action::Advance { to } => road.advance(to, on)?,
            Action::Skip { stage, reason } => road.skip(stage, reason, on)?,
            Action::FreezeVersion { number } => road.freeze(number, on)?,
            Action::OpenHearing { version } => road.open_hearing(version, on)?,
            Action::RecordHearingSummary => road.record_summary(on)?,
            Action::RecordDecision(decision) => road.decide(decision, on)?,
            Action::Publish => road.publish(on)?,
        }
        Ok(road)
    }

    /// Every kind of action with the stage it concerns and, where refused, the reason, tried
    /// with a typical payload on the day of the last step (the newest frozen version, a
    /// "vedtaget" by the current stage's body). A refusal that depends on the payload (which
    /// version, which outcome) comes only when that action is tried.
    pub fn choices(&self) -> Vec<Choice> {
        let on = self.last_date();
        let next = self.next_stage();
        let newest = self.frozen.last().copied();
        // With nothing frozen, say so rather than name a version that does not exist.
        let no_version = |refusal: Refusal| match (refusal, newest) {
            (Refusal::VersionNotFrozen { .. }, None) => Refusal::NoFrozenVersion,
            (other, _) => other,
        };
        let refusal = |action: Action| self.can(&action, on).err();
        let closed = || {
            if self.rejected.is_some() {
                Refusal::RoadRejected
            } else {
                Refusal::AlreadyPublished
            }
        };
        let advance = match next {
            Some(to) => refusal(Action::Advance { to }),
            None => Some(closed()),
        };
        let skip = match next {
            Some(stage) => refusal(Action::Skip {
                stage,
                reason: "?".into(),
            }),
            None => Some(closed()),
        };
        let decision = Decision {
            body: self.stage.deciding_body().unwrap_or(Body::Committee),
            meeting_date: on,
            agenda_item_number: None,
            agenda_item_title: String::new(),
            minutes_url: None,
            version: newest.unwrap_or(0),
            outcome: Outcome::Adopted,
            votes: None,
            dissents: Vec::new(),
            text: String::new(),
        };
        let next_version = newest.unwrap_or(0).saturating_add(1);
        vec![
            Choice {
                kind: ActionKind::Advance,
                stage: next,
                refused: advance,
            },
            Choice {
                kind: ActionKind::Skip,
                stage: next,
                refused: skip,
            },
            Choice {
                kind: ActionKind::FreezeVersion,
                stage: None,
                refused: refusal(Action::FreezeVersion {
                    number: next_version,
                }),
            },
            Choice {
                kind: ActionKind::OpenHearing,
                stage: Some(Stage::Hearing),
                refused: refusal(Action::OpenHearing {
                    version: newest.unwrap_or(0),
                })
                .map(no_version),
            },
            Choice {
                kind: ActionKind::RecordHearingSummary,
                stage: Some(Stage::HearingSummary),
                refused: refusal(Action::RecordHearingSummary),
            },
            Choice {
                kind: ActionKind::RecordDecision,
                stage: Some(self.stage),
                refused: refusal(Action::RecordDecision(decision)).map(no_version),
            },
            Choice {
                kind: ActionKind::Publish,
                stage: Some(Stage::Published),
                refused: refusal(Action::Publish),
            },
        ]
    }

    /// The allowed choices only.
    pub fn allowed_actions(&self) -> Vec<Choice> {
        self.choices()
            .into_iter()
            .filter(Choice::is_allowed)
            .collect()
    }

    /// Each stage of the template with its planned date and its standing: done (with dates),
    /// current, skipped (with the reason), rejected, or pending. A sending back makes the
    /// stages from the one returned to pending again; their earlier visits stay in `entered`
    /// and the decision that sent the policy back stays in `decisions`.
    pub fn timeline(&self) -> Vec<TimelineEntry> {
        let mut status: BTreeMap<Stage, StageStatus> = BTreeMap::new();
        let mut entered: BTreeMap<Stage, Vec<Date>> = BTreeMap::new();
        let mut decisions: BTreeMap<Stage, Vec<Decision>> = BTreeMap::new();
        let mut current: Option<(Stage, Date)> = None;
        for step in &self.history {
            match step {
                Step::Entered { stage, on } => {
                    if let Some((was, since)) = current {
                        status.insert(
                            was,
                            StageStatus::Done {
                                from: since,
                                to: *on,
                            },
                        );
                    }
                    status.insert(*stage, StageStatus::Current { since: *on });
                    entered.entry(*stage).or_default().push(*on);
                    current = Some((*stage, *on));
                }
                Step::Skipped { stage, reason, on } => {
                    status.insert(
                        *stage,
                        StageStatus::Skipped {
                            on: *on,
                            reason: reason.clone(),
                        },
                    );
                }
                Step::Decided {
                    stage,
                    decision,
                    on,
                } => {
                    decisions.entry(*stage).or_default().push(decision.clone());
                    if decision.outcome == Outcome::Rejected {
                        status.insert(*stage, StageStatus::Rejected { on: *on });
                    }
                }
                Step::SentBack { to, on, .. } => {
                    status.retain(|stage, _| stage < to);
                    status.insert(*to, StageStatus::Current { since: *on });
                    entered.entry(*to).or_default().push(*on);
                    current = Some((*to, *on));
                }
                Step::VersionFrozen { .. }
                | Step::HearingOpened { .. }
                | Step::HearingSummaryRecorded { .. } => {}
            }
        }
        if let Some((Stage::Published, on)) = current {
            status.insert(Stage::Published, StageStatus::Done { from: on, to: on });
        }
        self.template
            .stages
            .iter()
            .map(|s| TimelineEntry {
                stage: s.stage,
                responsible: s.responsible.clone(),
                planned: self.planned(s.stage),
                status: status.remove(&s.stage).unwrap_or(StageStatus::Pending),
                entered: entered.remove(&s.stage).unwrap_or_default(),
                decisions: decisions.remove(&s.stage).unwrap_or_default(),
            })
            .collect()
    }

    // The transitions below run on a clone; an `Err` throws the clone away.

    fn enter(&mut self, stage: Stage, on: Date) {
        self.history.push(Step::Entered { stage, on });
        self.stage = stage;
        self.decision_here = None;
    }

    /// What must hold before the policy leaves its current stage.
    fn may_leave(&self) -> Result<(), Refusal> {
        if self.decision_here == Some(Outcome::Postponed) {
            return Err(Refusal::DecisionPostponed { stage: self.stage });
        }
        match self.stage {
            Stage::Hearing if self.hearing_version.is_none() => Err(Refusal::HearingNotOpen),
            Stage::HearingSummary if !self.hearing_summary => Err(Refusal::NoHearingSummary),
            _ => Ok(()),
        }
    }

    /// `to` must be the next stage.
    fn is_next(&self, to: Stage) -> Result<(), Refusal> {
        if !self.template.contains(to) {
            return Err(Refusal::NotInTemplate { stage: to });
        }
        if self.next_stage() != Some(to) {
            return Err(Refusal::OutOfOrder {
                from: self.stage,
                to,
            });
        }
        Ok(())
    }

    fn advance(&mut self, to: Stage, on: Date) -> Result<(), Refusal> {
        if to == Stage::Published {
            return self.publish(on);
        }
        self.is_next(to)?;
        if to == Stage::Hearing {
            let version = self
                .frozen
                .last()
                .copied()
                .ok_or(Refusal::NoFrozenVersion)?;
            return self.open_hearing(version, on);
        }
        self.may_leave()?;
        self.enter(to, on);
        Ok(())
    }

    fn skip(&mut self, stage: Stage, reason: String, on: Date) -> Result<(), Refusal> {
        if !self.template.contains(stage) {
            return Err(Refusal::NotInTemplate { stage });
        }
        if !self.template.is_skippable(stage) {
            return Err(Refusal::NotSkippable { stage });
        }
        let reason = reason.trim();
        if reason.is_empty() {
            return Err(Refusal::ReasonRequired);
        }
        self.is_next(stage)?;
        self.history.push(Step::Skipped {
            stage,
            reason: SkipReason::Written(reason.to_string()),
            on,
        });
        self.skipped.insert(stage);
        Ok(())
    }

    fn freeze(&mut self, number: u32, on: Date) -> Result<(), Refusal> {
        if !self.frozen.insert(number) {
            return Err(Refusal::VersionAlreadyFrozen { number });
        }
        self.history.push(Step::VersionFrozen { number, on });
        Ok(())
    }

    fn open_hearing(&mut self, version: u32, on: Date) -> Result<(), Refusal> {
        if self.stage == Stage::Hearing {
            // Sent back to Høring: the new round's hearing opens in place.
            if self.hearing_version.is_some() {
                return Err(Refusal::HearingAlreadyOpen);
            }
        } else {
            self.is_next(Stage::Hearing)?;
        }
        if !self.frozen.contains(&version) {
            return Err(Refusal::VersionNotFrozen { number: version });
        }
        if self.stage != Stage::Hearing {
            self.may_leave()?;
            self.enter(Stage::Hearing, on);
        }
        self.history.push(Step::HearingOpened { version, on });
        self.hearing_version = Some(version);
        Ok(())
    }

    fn record_summary(&mut self, on: Date) -> Result<(), Refusal> {
        if self.stage != Stage::HearingSummary {
            return Err(Refusal::NoSummaryHere { stage: self.stage });
        }
        self.history.push(Step::HearingSummaryRecorded { on });
        self.hearing_summary = true;
        Ok(())
    }

    fn decide(&mut self, decision: Decision, on: Date) -> Result<(), Refusal> {
        let stage = self.stage;
        let body = stage
            .deciding_body()
            .ok_or(Refusal::NoDecisionHere { stage })?;
        if decision.body != body {
            return Err(Refusal::DecisionBodyMismatch {
                stage,
                body: decision.body,
            });
        }
        if decision.meeting_date > on {
            return Err(Refusal::DecisionInFuture {
                meeting: decision.meeting_date,
            });
        }
        if self.decision_here == Some(Outcome::Adopted) {
            return Err(Refusal::AlreadyDecided { stage });
        }
        if stage == Stage::CityCouncil && !self.hearing_summary {
            return Err(Refusal::NoHearingSummary);
        }
        if !self.frozen.contains(&decision.version) {
            return Err(Refusal::VersionNotFrozen {
                number: decision.version,
            });
        }
        if let Outcome::SentBack { to } = decision.outcome {
            if !self.template.contains(to) {
                return Err(Refusal::NotInTemplate { stage: to });
            }
            if to >= stage {
                return Err(Refusal::SendBackNotEarlier { from: stage, to });
            }
        }
        let outcome = decision.outcome;
        let version = decision.version;
        let meeting_date = decision.meeting_date;
        self.history.push(Step::Decided {
            stage,
            decision,
            on,
        });
        match outcome {
            Outcome::Adopted => {
                self.decision_here = Some(Outcome::Adopted);
                if body == Body::CityCouncil {
                    self.adoption = Some(Adoption {
                        version,
                        meeting_date,
                    });
                }
            }
            Outcome::Postponed => self.decision_here = Some(Outcome::Postponed),
            Outcome::Rejected => {
                self.decision_here = Some(Outcome::Rejected);
                self.rejected = Some(on);
            }
            Outcome::SentBack { to } => {
                self.history.push(Step::SentBack {
                    from: stage,
                    to,
                    on,
                });
                self.stage = to;
                self.decision_here = None;
                self.skipped.retain(|s| *s < to);
                // Back before the hearing: a new hearing and a new høringsnotat are needed.
                if to <= Stage::Hearing {
                    self.hearing_version = None;
                }
                if to <= Stage::HearingSummary {
                    self.hearing_summary = false;
                }
            }
        }
        Ok(())
    }

    fn publish(&mut self, on: Date) -> Result<(), Refusal> {
        if self.adoption.is_none() {
            return Err(Refusal::NotAdopted);
        }
        // An adoption is only recorded in Byrådet, and nothing moves the road after it but
        // this; the check guards against a hand-made (deserialised) road.
        if self.stage != Stage::CityCouncil {
            return Err(Refusal::OutOfOrder {
                from: self.stage,
                to: Stage::Published,
            });
        }
        self.enter(Stage::Published, on);
        Ok(())
    }
}
