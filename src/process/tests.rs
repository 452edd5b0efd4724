//! The road's transitions: every allowed step of the default template, every refusal reason,
//! the timeline, and property tests over random sequences of actions.

use jiff::Span;
use jiff::civil::{Date, date};
use proptest::prelude::*;

use super::*;

const COMMITTEE: &str = "Beskæftigelses- og Socialudvalget";

fn road() -> Road {
    Road::new(Template::default_for(COMMITTEE), date(2019, 6, 3)).unwrap()
}

fn decision(body: Body, version: u32, outcome: Outcome, meeting: Date) -> Decision {
    Decision {
        body,
        meeting_date: meeting,
        agenda_item_number: Some(7),
        agenda_item_title: "Integrationspolitik".into(),
        minutes_url: Some("https://www.roskilde.dk/dagsorden/7".into()),
        version,
        outcome,
        votes: None,
        dissents: Vec::new(),
        text: String::new(),
    }
}

fn advance(to: Stage) -> Action {
    Action::Advance { to }
}

fn skip(stage: Stage, reason: &str) -> Action {
    Action::Skip {
        stage,
        reason: reason.into(),
    }
}

fn sent_back(to: Stage) -> Outcome {
    Outcome::SentBack { to }
}

fn record(body: Body, version: u32, outcome: Outcome, meeting: Date) -> Action {
    Action::RecordDecision(decision(body, version, outcome, meeting))
}

fn ok(road: &mut Road, action: Action, on: Date) {
    let before = road.history().len();
    road.apply(action.clone(), on)
        .unwrap_or_else(|r| panic!("{action:?} on {on} refused: {r}"));
    assert!(road.history().len() > before, "{action:?} added no step");
}

fn refused(road: &Road, action: Action, on: Date) -> Refusal {
    let mut copy = road.clone();
    let refusal = copy
        .apply(action.clone(), on)
        .expect_err("expected a refusal");
    assert_eq!(&copy, road, "a refused {action:?} changed the road");
    assert_eq!(road.can(&action, on), Err(refusal));
    refusal
}

/// The integration policy's road up to and including entering `stage` (Published: adopted
/// and published), taking every stage of the default template.
fn road_at(stage: Stage) -> Road {
    let mut r = road();
    let steps: [(Stage, Date); 8] = [
        (Stage::DialogueMeeting, date(2019, 9, 10)),
        (Stage::CommitteeForHearing, date(2019, 9, 24)),
        (Stage::Hearing, date(2019, 10, 2)),
        (Stage::HearingSummary, date(2019, 11, 15)),
        (Stage::CommitteeRecommendation, date(2019, 12, 2)),
        (Stage::FinanceCommittee, date(2020, 1, 14)),
        (Stage::CityCouncil, date(2020, 1, 22)),
        (Stage::Published, date(2020, 1, 30)),
    ];
    for (next, on) in steps {
        if r.stage() == stage {
            break;
        }
        // What each stage needs before the policy leaves it.
        match r.stage() {
            Stage::DialogueMeeting => ok(&mut r, Action::FreezeVersion { number: 1 }, on),
            Stage::CommitteeForHearing => {
                ok(&mut r, record(Body::Committee, 1, Outcome::Adopted, on), on)
            }
            Stage::HearingSummary => {
                ok(&mut r, Action::RecordHearingSummary, on);
                ok(&mut r, Action::FreezeVersion { number: 2 }, on);
            }
            Stage::CommitteeRecommendation => {
                ok(&mut r, record(Body::Committee, 2, Outcome::Adopted, on), on)
            }
            Stage::FinanceCommittee => ok(
                &mut r,
                record(Body::FinanceCommittee, 2, Outcome::Adopted, on),
                on,
            ),
            Stage::CityCouncil => ok(
                &mut r,
                record(Body::CityCouncil, 2, Outcome::Adopted, date(2020, 1, 29)),
                date(2020, 1, 29),
            ),
            _ => {}
        }
        let on = on.max(r.last_date());
        ok(&mut r, Action::Advance { to: next }, on);
        assert_eq!(r.stage(), next);
    }
    assert_eq!(r.stage(), stage);
    r
}

#[test]
fn the_default_template_from_draft_to_published() {
    let r = road_at(Stage::Published);
    assert_eq!(
        r.state(),
        RoadState::Published {
            on: date(2020, 1, 30)
        }
    );
    assert_eq!(
        r.adoption(),
        Some(Adoption {
            version: 2,
            meeting_date: date(2020, 1, 29)
        })
    );
    assert_eq!(r.decided_on(), Some(date(2020, 1, 29)));
    assert_eq!(r.hearing_version(), Some(1));
    assert!(r.has_hearing_summary());
    assert_eq!(
        r.frozen_versions().iter().copied().collect::<Vec<_>>(),
        [1, 2]
    );
    assert_eq!(
        r.template_ref(),
        TemplateRef {
            name: COMMITTEE.into(),
            version: 1
        }
    );
    // Every stage was entered, in order, and the hearing opened on version 1.
    let entered: Vec<Stage> = r
        .history()
        .iter()
        .filter_map(|s| match s {
            Step::Entered { stage, .. } => Some(*stage),
            _ => None,
        })
        .collect();
    assert_eq!(entered, Stage::ALL.to_vec());
    assert!(r.history().contains(&Step::HearingOpened {
        version: 1,
        on: date(2019, 10, 2)
    }));
    assert!(r.allowed_actions().is_empty());
}

#[test]
fn every_stage_is_entered_by_advancing_from_the_one_before() {
    for pair in Stage::ALL.windows(2) {
        let r = road_at(pair[1]);
        assert_eq!(r.stage(), pair[1]);
        assert_eq!(
            r.state(),
            if pair[1] == Stage::Published {
                RoadState::Published { on: r.last_date() }
            } else {
                RoadState::InProgress { stage: pair[1] }
            }
        );
    }
}

#[test]
fn optional_stages_are_skipped_with_a_reason() {
    let mut r = road();
    ok(
        &mut r,
        skip(
            Stage::DialogueMeeting,
            "  Ingen dialogmøde: en mindre revision  ",
        ),
        date(2019, 6, 4),
    );
    assert_eq!(r.stage(), Stage::Drafting);
    assert_eq!(r.next_stage(), Some(Stage::CommitteeForHearing));
    assert!(r.history().contains(&Step::Skipped {
        stage: Stage::DialogueMeeting,
        reason: SkipReason::Written("Ingen dialogmøde: en mindre revision".into()),
        on: date(2019, 6, 4)
    }));
    // Advancing onto the skipped stage is out of order now.
    assert_eq!(
        refused(&r, advance(Stage::DialogueMeeting), date(2019, 6, 4)),
        Refusal::OutOfOrder {
            from: Stage::Drafting,
            to: Stage::DialogueMeeting
        }
    );
    ok(
        &mut r,
        advance(Stage::CommitteeForHearing),
        date(2019, 6, 5),
    );

    // Økonomiudvalget may be skipped too: from the recommendation straight to the Byråd.
    let mut r = road_at(Stage::CommitteeRecommendation);
    let on = date(2019, 12, 10);
    ok(&mut r, record(Body::Committee, 2, Outcome::Adopted, on), on);
    ok(
        &mut r,
        skip(Stage::FinanceCommittee, "Ingen økonomiske konsekvenser"),
        on,
    );
    ok(&mut r, advance(Stage::CityCouncil), on);
    let timeline = r.timeline();
    assert_eq!(
        timeline[6].status,
        StageStatus::Skipped {
            on,
            reason: SkipReason::Written("Ingen økonomiske konsekvenser".into())
        }
    );
}

#[test]
fn the_hearing_opens_explicitly_on_a_frozen_version() {
    let mut r = road_at(Stage::CommitteeForHearing);
    ok(
        &mut r,
        Action::FreezeVersion { number: 3 },
        date(2019, 9, 30),
    );
    ok(
        &mut r,
        Action::OpenHearing { version: 1 },
        date(2019, 10, 2),
    );
    assert_eq!(r.stage(), Stage::Hearing);
    assert_eq!(r.hearing_version(), Some(1));
}

#[test]
fn a_postponed_item_stays_until_decided() {
    let mut r = road_at(Stage::CityCouncil);
    ok(
        &mut r,
        record(Body::CityCouncil, 2, Outcome::Postponed, date(2020, 1, 22)),
        date(2020, 1, 22),
    );
    assert_eq!(r.stage(), Stage::CityCouncil);
    assert_eq!(r.adoption(), None);
    assert_eq!(r.decided_on(), None, "a postponement is no decision");
    assert_eq!(
        refused(&r, Action::Publish, date(2020, 1, 23)),
        Refusal::NotAdopted
    );
    ok(
        &mut r,
        record(Body::CityCouncil, 2, Outcome::Adopted, date(2020, 1, 29)),
        date(2020, 1, 29),
    );
    // Advance to Offentliggjort is the same as Publish.
    ok(&mut r, advance(Stage::Published), date(2020, 1, 29));
    assert_eq!(r.stage(), Stage::Published);
}

#[test]
fn sent_back_returns_to_an_earlier_stage_and_the_timeline_shows_it() {
    let mut r = road_at(Stage::CommitteeRecommendation);
    let on = date(2019, 12, 10);
    let mut back = decision(Body::Committee, 2, sent_back(Stage::Hearing), on);
    back.dissents.push(Dissent {
        party_or_member: "Enhedslisten".into(),
        text: "Ønsker en fornyet høring.".into(),
        kind: DissentKind::MinorityStatement,
    });
    back.votes = Some(Votes {
        in_favour: 5,
        against: 2,
        abstaining: 0,
    });
    ok(&mut r, Action::RecordDecision(back.clone()), on);
    assert_eq!(r.stage(), Stage::Hearing);
    assert_eq!(r.hearing_version(), None);
    assert!(!r.has_hearing_summary());
    assert!(r.history().ends_with(&[
        Step::Decided {
            stage: Stage::CommitteeRecommendation,
            decision: back.clone(),
            on
        },
        Step::SentBack {
            from: Stage::CommitteeRecommendation,
            to: Stage::Hearing,
            on
        }
    ]));
    // The new round: the hearing must be opened again, then summed up again.
    assert_eq!(
        refused(&r, advance(Stage::HearingSummary), on),
        Refusal::HearingNotOpen
    );
    ok(
        &mut r,
        Action::OpenHearing { version: 2 },
        date(2019, 12, 11),
    );
    assert_eq!(
        refused(&r, Action::OpenHearing { version: 2 }, date(2019, 12, 11)),
        Refusal::HearingAlreadyOpen
    );

    let timeline = r.timeline();
    let stages: Vec<Stage> = timeline.iter().map(|e| e.stage).collect();
    assert_eq!(stages, Stage::ALL.to_vec());
    assert_eq!(
        timeline[2].status,
        StageStatus::Done {
            from: date(2019, 9, 24),
            to: date(2019, 10, 2)
        }
    );
    assert_eq!(timeline[3].status, StageStatus::Current { since: on });
    assert_eq!(timeline[3].entered, [date(2019, 10, 2), on]);
    assert_eq!(timeline[4].status, StageStatus::Pending);
    assert_eq!(timeline[4].entered, [date(2019, 11, 15)]);
    assert_eq!(timeline[5].status, StageStatus::Pending);
    assert_eq!(timeline[5].decisions.last(), Some(&back));
    assert_eq!(timeline[5].responsible, COMMITTEE);
}

#[test]
fn a_rejection_ends_the_road() {
    let mut r = road_at(Stage::CityCouncil);
    let on = date(2020, 1, 29);
    ok(
        &mut r,
        record(Body::CityCouncil, 2, Outcome::Rejected, on),
        on,
    );
    assert_eq!(
        r.state(),
        RoadState::Rejected {
            stage: Stage::CityCouncil,
            on
        }
    );
    assert_eq!(r.next_stage(), None);
    assert_eq!(
        r.decided_on(),
        Some(on),
        "a rejection is the final decision"
    );
    assert_eq!(refused(&r, Action::Publish, on), Refusal::RoadRejected);
    assert_eq!(
        refused(&r, Action::FreezeVersion { number: 9 }, on),
        Refusal::RoadRejected
    );
    assert!(r.allowed_actions().is_empty());
    assert_eq!(r.timeline()[7].status, StageStatus::Rejected { on });
}

#[test]
fn planned_dates_show_on_the_timeline() {
    let mut r = road();
    r.plan(Stage::CityCouncil, Some(date(2020, 1, 29))).unwrap();
    r.plan(Stage::Hearing, Some(date(2019, 10, 1))).unwrap();
    r.plan(Stage::Hearing, None).unwrap();
    let timeline = r.timeline();
    assert_eq!(timeline[7].planned, Some(date(2020, 1, 29)));
    assert_eq!(timeline[7].status, StageStatus::Pending);
    assert_eq!(timeline[3].planned, None);
    assert_eq!(
        timeline[0].status,
        StageStatus::Current {
            since: date(2019, 6, 3)
        }
    );
    assert_eq!(r.history().len(), 1, "plans are not history");

    let mut short = Template::default_for(COMMITTEE);
    short.stages.retain(|s| s.stage != Stage::DialogueMeeting);
    let mut r = Road::new(short, date(2019, 6, 3)).unwrap();
    assert_eq!(
        r.plan(Stage::DialogueMeeting, Some(date(2019, 9, 1))),
        Err(Refusal::NotInTemplate {
            stage: Stage::DialogueMeeting
        })
    );
}

#[test]
fn a_road_needs_a_valid_template() {
    let mut t = Template::default_for(COMMITTEE);
    t.stages.retain(|s| s.stage != Stage::CityCouncil);
    assert_eq!(
        Road::new(t, date(2019, 6, 3)),
        Err(TemplateError::Missing {
            stage: Stage::CityCouncil
        })
    );
}

// ---- Every refusal reason ----

#[test]
fn refused_after_publication_and_before_the_last_step() {
    let r = road_at(Stage::Published);
    let on = date(2020, 2, 1);
    assert_eq!(refused(&r, Action::Publish, on), Refusal::AlreadyPublished);
    assert_eq!(
        refused(&r, Action::RecordHearingSummary, on),
        Refusal::AlreadyPublished
    );

    let r = road_at(Stage::Hearing);
    assert_eq!(
        refused(&r, advance(Stage::HearingSummary), date(2019, 10, 1)),
        Refusal::BeforeLastStep {
            last: date(2019, 10, 2)
        }
    );
}

#[test]
fn refused_out_of_order_or_outside_the_template() {
    let r = road();
    let on = date(2019, 6, 4);
    assert_eq!(
        refused(&r, advance(Stage::HearingSummary), on),
        Refusal::OutOfOrder {
            from: Stage::Drafting,
            to: Stage::HearingSummary
        }
    );
    assert_eq!(
        refused(&r, advance(Stage::Drafting), on),
        Refusal::OutOfOrder {
            from: Stage::Drafting,
            to: Stage::Drafting
        }
    );
    assert_eq!(
        refused(&r, skip(Stage::FinanceCommittee, "Ingen økonomi"), on),
        Refusal::OutOfOrder {
            from: Stage::Drafting,
            to: Stage::FinanceCommittee
        }
    );

    let mut short = Template::default_for(COMMITTEE);
    short.stages.retain(|s| s.stage != Stage::DialogueMeeting);
    let r = Road::new(short, date(2019, 6, 3)).unwrap();
    assert_eq!(
        refused(&r, advance(Stage::DialogueMeeting), on),
        Refusal::NotInTemplate {
            stage: Stage::DialogueMeeting
        }
    );
}

#[test]
fn refused_skips() {
    let r = road();
    let on = date(2019, 6, 4);
    assert_eq!(
        refused(&r, skip(Stage::CommitteeForHearing, "Haster"), on),
        Refusal::NotSkippable {
            stage: Stage::CommitteeForHearing
        }
    );
    assert_eq!(
        refused(&r, skip(Stage::Hearing, "Haster"), on),
        Refusal::NotSkippable {
            stage: Stage::Hearing
        }
    );
    assert_eq!(
        refused(&r, skip(Stage::DialogueMeeting, " \n "), on),
        Refusal::ReasonRequired
    );
}

#[test]
fn refused_versions_and_hearings() {
    let mut r = road_at(Stage::CommitteeForHearing);
    let on = date(2019, 9, 30);
    assert_eq!(
        refused(&r, Action::FreezeVersion { number: 1 }, on),
        Refusal::VersionAlreadyFrozen { number: 1 }
    );
    assert_eq!(
        refused(&r, Action::OpenHearing { version: 2 }, on),
        Refusal::VersionNotFrozen { number: 2 }
    );
    assert_eq!(
        refused(&r, record(Body::Committee, 2, Outcome::Adopted, on), on),
        Refusal::VersionNotFrozen { number: 2 }
    );
    ok(&mut r, advance(Stage::Hearing), on);
    assert_eq!(
        refused(&r, Action::OpenHearing { version: 1 }, on),
        Refusal::HearingAlreadyOpen
    );

    // Nothing frozen at all: advancing to the hearing says so.
    let mut r = road();
    ok(
        &mut r,
        skip(Stage::DialogueMeeting, "Revision"),
        date(2019, 6, 4),
    );
    ok(
        &mut r,
        advance(Stage::CommitteeForHearing),
        date(2019, 6, 5),
    );
    assert_eq!(
        refused(&r, advance(Stage::Hearing), date(2019, 6, 6)),
        Refusal::NoFrozenVersion
    );
    let open = r
        .choices()
        .into_iter()
        .find(|c| c.kind == ActionKind::OpenHearing)
        .unwrap();
    assert_eq!(open.refused, Some(Refusal::NoFrozenVersion));
    // Opening the hearing from an earlier stage is out of order.
    let r = road();
    assert_eq!(
        refused(&r, Action::OpenHearing { version: 1 }, date(2019, 6, 6)),
        Refusal::OutOfOrder {
            from: Stage::Drafting,
            to: Stage::Hearing
        }
    );
}

#[test]
fn refused_without_a_hearing_summary() {
    let r = road_at(Stage::HearingSummary);
    let on = date(2019, 11, 20);
    assert_eq!(
        refused(&r, advance(Stage::CommitteeRecommendation), on),
        Refusal::NoHearingSummary
    );
    assert_eq!(
        refused(&road(), Action::RecordHearingSummary, on),
        Refusal::NoSummaryHere {
            stage: Stage::Drafting
        }
    );

    // The Byråd itself checks too, even on a road assembled by hand without the summary.
    let r = road_at(Stage::CityCouncil);
    let mut json = serde_json::to_value(&r).unwrap();
    json["hearing_summary"] = serde_json::Value::Bool(false);
    let forged: Road = serde_json::from_value(json).unwrap();
    let on = date(2020, 1, 29);
    assert_eq!(
        refused(
            &forged,
            record(Body::CityCouncil, 2, Outcome::Adopted, on),
            on
        ),
        Refusal::NoHearingSummary
    );
}

#[test]
fn refused_decisions() {
    let on = date(2019, 9, 30);
    assert_eq!(
        refused(
            &road(),
            record(Body::Committee, 1, Outcome::Adopted, on),
            on
        ),
        Refusal::NoDecisionHere {
            stage: Stage::Drafting
        }
    );
    let r = road_at(Stage::CommitteeForHearing);
    assert_eq!(
        refused(&r, record(Body::CityCouncil, 1, Outcome::Adopted, on), on),
        Refusal::DecisionBodyMismatch {
            stage: Stage::CommitteeForHearing,
            body: Body::CityCouncil
        }
    );
    assert_eq!(
        refused(
            &r,
            record(Body::Committee, 1, Outcome::Adopted, date(2019, 10, 1)),
            on
        ),
        Refusal::DecisionInFuture {
            meeting: date(2019, 10, 1)
        }
    );
    assert_eq!(
        refused(
            &r,
            record(Body::Committee, 1, sent_back(Stage::CityCouncil), on),
            on
        ),
        Refusal::SendBackNotEarlier {
            from: Stage::CommitteeForHearing,
            to: Stage::CityCouncil
        }
    );
    assert_eq!(
        refused(
            &r,
            record(
                Body::Committee,
                1,
                sent_back(Stage::CommitteeForHearing),
                on
            ),
            on
        ),
        Refusal::SendBackNotEarlier {
            from: Stage::CommitteeForHearing,
            to: Stage::CommitteeForHearing
        }
    );

    let mut adopted = r.clone();
    ok(
        &mut adopted,
        record(Body::Committee, 1, Outcome::Adopted, on),
        on,
    );
    assert_eq!(
        refused(
            &adopted,
            record(Body::Committee, 1, Outcome::Rejected, on),
            on
        ),
        Refusal::AlreadyDecided {
            stage: Stage::CommitteeForHearing
        }
    );

    let mut postponed = r;
    ok(
        &mut postponed,
        record(Body::Committee, 1, Outcome::Postponed, on),
        on,
    );
    assert_eq!(
        refused(&postponed, advance(Stage::Hearing), on),
        Refusal::DecisionPostponed {
            stage: Stage::CommitteeForHearing
        }
    );
    assert_eq!(
        refused(&postponed, Action::OpenHearing { version: 1 }, on),
        Refusal::DecisionPostponed {
            stage: Stage::CommitteeForHearing
        }
    );

    // Sending back to a stage the template leaves out.
    let mut short = Template::default_for(COMMITTEE);
    short.stages.retain(|s| s.stage != Stage::DialogueMeeting);
    let mut r = Road::new(short, date(2019, 6, 3)).unwrap();
    ok(&mut r, Action::FreezeVersion { number: 1 }, on);
    ok(&mut r, advance(Stage::CommitteeForHearing), on);
    assert_eq!(
        refused(
            &r,
            record(Body::Committee, 1, sent_back(Stage::DialogueMeeting), on),
            on
        ),
        Refusal::NotInTemplate {
            stage: Stage::DialogueMeeting
        }
    );
}

#[test]
fn refused_publication_without_adoption() {
    let on = date(2020, 1, 29);
    assert_eq!(refused(&road(), Action::Publish, on), Refusal::NotAdopted);
    assert_eq!(
        refused(&road(), advance(Stage::Published), on),
        Refusal::NotAdopted
    );
    let r = road_at(Stage::CityCouncil);
    assert_eq!(refused(&r, Action::Publish, on), Refusal::NotAdopted);
}

#[test]
fn a_hearing_closes_only_after_its_last_day() {
    let last = date(2026, 12, 14);
    assert_eq!(
        super::refusal::hearing_may_close(last, last),
        Err(Refusal::HearingStillOpen { last_day: last })
    );
    assert_eq!(
        super::refusal::hearing_may_close(date(2026, 12, 15), last),
        Ok(())
    );
}

#[test]
fn every_refusal_has_a_code() {
    let all = super::fixture::every_refusal();
    let codes: std::collections::BTreeSet<&str> = all.iter().map(Refusal::code).collect();
    assert_eq!(codes.len(), all.len(), "codes are distinct");
    for refusal in all {
        let json = serde_json::to_value(refusal).unwrap();
        assert_eq!(json["reason"], refusal.code());
        assert_eq!(serde_json::from_value::<Refusal>(json).unwrap(), refusal);
        assert!(refusal.to_string().starts_with(refusal.code()));
    }
}

// ---- Choices for the UI ----

#[test]
fn choices_name_the_reason_for_every_refused_button() {
    let r = road();
    let choices = r.choices();
    let get = |kind| choices.iter().find(|c| c.kind == kind).unwrap().clone();
    assert_eq!(get(ActionKind::Advance).stage, Some(Stage::DialogueMeeting));
    assert!(get(ActionKind::Advance).is_allowed());
    assert!(get(ActionKind::Skip).is_allowed());
    assert!(get(ActionKind::FreezeVersion).is_allowed());
    assert_eq!(
        get(ActionKind::OpenHearing).refused,
        Some(Refusal::OutOfOrder {
            from: Stage::Drafting,
            to: Stage::Hearing
        })
    );
    assert_eq!(
        get(ActionKind::RecordHearingSummary).refused,
        Some(Refusal::NoSummaryHere {
            stage: Stage::Drafting
        })
    );
    assert_eq!(
        get(ActionKind::RecordDecision).refused,
        Some(Refusal::NoDecisionHere {
            stage: Stage::Drafting
        })
    );
    assert_eq!(get(ActionKind::Publish).refused, Some(Refusal::NotAdopted));

    let r = road_at(Stage::CityCouncil);
    let allowed: Vec<ActionKind> = r.allowed_actions().iter().map(|c| c.kind).collect();
    assert_eq!(
        allowed,
        [ActionKind::FreezeVersion, ActionKind::RecordDecision]
    );
    let skip = r
        .choices()
        .into_iter()
        .find(|c| c.kind == ActionKind::Skip)
        .unwrap();
    assert_eq!(
        skip.refused,
        Some(Refusal::NotSkippable {
            stage: Stage::Published
        })
    );
}

// ---- Serde ----

#[test]
fn road_actions_and_steps_serialise() {
    let r = road_at(Stage::CityCouncil);
    let json = serde_json::to_string(&r).unwrap();
    assert_eq!(serde_json::from_str::<Road>(&json).unwrap(), r);
    assert_eq!(
        serde_json::to_value(advance(Stage::Hearing)).unwrap(),
        serde_json::json!({"action": "advance", "to": "hearing"})
    );
    let action = record(
        Body::CityCouncil,
        2,
        sent_back(Stage::Drafting),
        date(2020, 1, 29),
    );
    let value = serde_json::to_value(&action).unwrap();
    assert_eq!(value["action"], "record_decision");
    assert_eq!(value["meeting_date"], "2020-01-29");
    assert_eq!(
        value["outcome"],
        serde_json::json!({"sent_back": {"to": "drafting"}})
    );
    assert_eq!(serde_json::from_value::<Action>(value).unwrap(), action);
    assert_eq!(
        serde_json::to_value(Step::Entered {
            stage: Stage::CityCouncil,
            on: date(2020, 1, 22)
        })
        .unwrap(),
        serde_json::json!({"step": "entered", "stage": "city_council", "on": "2020-01-22"})
    );
    let timeline = serde_json::to_value(r.timeline()).unwrap();
    assert_eq!(timeline[7]["status"]["status"], "current");
}

#[test]
fn stage_names_and_codes() {
    for stage in Stage::ALL {
        assert_eq!(
            serde_json::to_value(stage).unwrap(),
            serde_json::Value::String(stage.as_str().into())
        );
        assert_eq!(Stage::parse(stage.as_str()), Some(stage));
    }
    for (text, stage) in [
        ("city-council", Some(Stage::CityCouncil)),
        ("høring", Some(Stage::Hearing)),
        ("ØKONOMIUDVALGET", Some(Stage::FinanceCommittee)),
        (
            "Udvalgsbehandling (indstilling)",
            Some(Stage::CommitteeRecommendation),
        ),
        ("valg", None),
    ] {
        assert_eq!(Stage::parse(text), stage, "{text}");
    }
}

// ---- Properties over sequences of actions ----

fn any_stage() -> impl Strategy<Value = Stage> {
    (0..Stage::ALL.len()).prop_map(|i| Stage::ALL[i])
}

fn any_body() -> impl Strategy<Value = Body> {
    prop_oneof![
        Just(Body::Committee),
        Just(Body::FinanceCommittee),
        Just(Body::CityCouncil)
    ]
}

fn any_outcome() -> impl Strategy<Value = Outcome> {
    prop_oneof![
        3 => Just(Outcome::Adopted),
        1 => Just(Outcome::Rejected),
        1 => Just(Outcome::Postponed),
        1 => any_stage().prop_map(|to| Outcome::SentBack { to }),
    ]
}

fn any_action() -> impl Strategy<Value = Action> {
    prop_oneof![
        any_stage().prop_map(|to| Action::Advance { to }),
        (any_stage(), prop_oneof![Just(""), Just("Ikke relevant")]).prop_map(|(stage, r)| {
            Action::Skip {
                stage,
                reason: r.into(),
            }
        }),
        (1u32..4).prop_map(|number| Action::FreezeVersion { number }),
        (1u32..4).prop_map(|version| Action::OpenHearing { version }),
        Just(Action::RecordHearingSummary),
        (any_body(), 1u32..4, any_outcome(), 0i64..3).prop_map(|(body, v, outcome, back)| {
            // The meeting date is filled in when the action is tried (`back` days earlier).
            let mut d = decision(body, v, outcome, Date::MIN);
            d.agenda_item_number = u32::try_from(back).ok();
            Action::RecordDecision(d)
        }),
        Just(Action::Publish),
    ]
}

/// Actions that make sense for `road` now, so that random walks get far along the road.
fn sensible(road: &Road, pick: usize, back_to: Stage) -> Action {
    let newest = road.frozen_versions().last().copied().unwrap_or(1);
    let body = road.stage().deciding_body().unwrap_or(Body::Committee);
    let next = road.next_stage().unwrap_or(Stage::Published);
    let candidates = [
        Action::Advance { to: next },
        Action::Advance { to: next },
        Action::Skip {
            stage: next,
            reason: "Ikke relevant".into(),
        },
        Action::FreezeVersion { number: newest + 1 },
        Action::FreezeVersion { number: newest },
        Action::OpenHearing { version: newest },
        Action::RecordHearingSummary,
        record(body, newest, Outcome::Adopted, Date::MIN),
        record(body, newest, Outcome::Adopted, Date::MIN),
        record(body, newest, Outcome::Postponed, Date::MIN),
        record(body, newest, Outcome::SentBack { to: back_to }, Date::MIN),
        Action::Publish,
    ];
    candidates[pick % candidates.len()].clone()
}

/// Tries `action` on `on` and checks the invariants.
fn step_and_check(road: &mut Road, mut action: Action, on: Date) -> Result<(), TestCaseError> {
    if let Action::RecordDecision(d) = &mut action {
        let back = i64::from(d.agenda_item_number.unwrap_or(0) % 3);
        d.meeting_date = on.checked_sub(Span::new().days(back)).unwrap();
    }
    let before = road.clone();
    match road.apply(action, on) {
        Err(_) => prop_assert_eq!(&*road, &before, "a refusal changed the road"),
        Ok(()) => {
            prop_assert!(road.history().len() > before.history().len());
            prop_assert!(road.history().starts_with(before.history()));
        }
    }
    if road.stage() == Stage::Published {
        prop_assert!(
            road.history().iter().any(|s| matches!(
                s,
                Step::Decided { decision, .. }
                    if decision.body == Body::CityCouncil && decision.outcome == Outcome::Adopted
            )),
            "published without a Byråd vedtaget"
        );
        prop_assert!(
            road.history()
                .iter()
                .any(|s| matches!(s, Step::HearingSummaryRecorded { .. })),
            "published without a høringsnotat"
        );
        prop_assert!(road.adoption().is_some());
    }
    let dates: Vec<Date> = road.history().iter().map(Step::on).collect();
    prop_assert!(dates.windows(2).all(|w| w[0] <= w[1]), "dates go back");
    Ok(())
}

fn template_variant(i: u8) -> Template {
    let mut t = Template::default_for(COMMITTEE);
    match i % 3 {
        0 => {}
        1 => t.stages.retain(|s| s.stage != Stage::DialogueMeeting),
        _ => {
            for s in &mut t.stages {
                if matches!(
                    s.stage,
                    Stage::CommitteeForHearing | Stage::CommitteeRecommendation
                ) {
                    s.skippable = true;
                }
            }
        }
    }
    t
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn no_random_sequence_publishes_without_adoption(
        variant in any::<u8>(),
        actions in prop::collection::vec((any_action(), -1i64..3), 0..60),
    ) {
        let mut road = Road::new(template_variant(variant), date(2019, 6, 3)).unwrap();
        let mut on = date(2019, 6, 3);
        for (action, days) in actions {
            on = on.checked_add(Span::new().days(days)).unwrap();
            step_and_check(&mut road, action, on)?;
        }
    }

    #[test]
    fn no_guided_sequence_publishes_without_adoption(
        variant in any::<u8>(),
        steps in prop::collection::vec(
            (any::<usize>(), any_action(), any_stage(), 0i64..3), 0..120),
    ) {
        let mut road = Road::new(template_variant(variant), date(2019, 6, 3)).unwrap();
        let mut on = date(2019, 6, 3);
        for (pick, random, back_to, days) in steps {
            on = on.checked_add(Span::new().days(days)).unwrap();
            // Mostly sensible actions, sometimes anything at all.
            let action = if pick % 5 == 0 { random } else { sensible(&road, pick / 5, back_to) };
            step_and_check(&mut road, action, on)?;
        }
    }
}

/// The guided walks do get to Offentliggjort, so the property above is not vacuous.
#[test]
fn guided_walks_reach_the_end() {
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let mut published = 0;
    for walk in 0..=255u8 {
        let mut road = Road::new(template_variant(walk), date(2019, 6, 3)).unwrap();
        for _ in 0..200 {
            let pick = (next() % 1000) as usize;
            let back_to = Stage::ALL[(next() % 9) as usize];
            let on = road.last_date();
            let action = sensible(&road, pick, back_to);
            step_and_check(&mut road, action, on).unwrap();
        }
        if matches!(road.state(), RoadState::Published { .. }) {
            published += 1;
        }
    }
    assert!(
        published > 10,
        "only {published} of 256 walks were published"
    );
}

#[test]
fn a_hearing_made_directly_enters_the_road_at_hoering() {
    let on = date(2026, 3, 2);
    let mut road = Road::opened_as_hearing(Template::default_for("Udvalget"), on, 1)
        .expect("the default template is valid");
    assert_eq!(road.stage(), Stage::Hearing);
    assert_eq!(road.hearing_version(), Some(1));
    assert!(road.frozen_versions().contains(&1));
    let timeline = road.timeline();
    let status = |stage: Stage| {
        timeline
            .iter()
            .find(|e| e.stage == stage)
            .map(|e| e.status.clone())
    };
    assert_eq!(
        status(Stage::Drafting),
        Some(StageStatus::Done { from: on, to: on })
    );
    for stage in [Stage::DialogueMeeting, Stage::CommitteeForHearing] {
        assert_eq!(
            status(stage),
            Some(StageStatus::Skipped {
                on,
                reason: SkipReason::DirectHearing
            })
        );
    }
    assert_eq!(
        status(Stage::Hearing),
        Some(StageStatus::Current { since: on })
    );
    // From here the rules apply as usual: no Byråd decision before the høringsnotat.
    ok(&mut road, advance(Stage::HearingSummary), date(2026, 4, 1));
    assert_eq!(
        refused(
            &road,
            advance(Stage::CommitteeRecommendation),
            date(2026, 4, 2)
        ),
        Refusal::NoHearingSummary
    );
}

#[test]
fn hoerings_own_skip_reason_is_stored_as_a_code_and_the_old_danish_reads_as_it() {
    let code = serde_json::to_string(&SkipReason::DirectHearing).unwrap();
    assert_eq!(code, r#"{"code":"direct_hearing"}"#);
    let back: SkipReason = serde_json::from_str(&code).unwrap();
    assert_eq!(back, SkipReason::DirectHearing);
    // Roads stored before the code wrote the reason in Danish.
    let old: SkipReason = serde_json::from_str(r#""oprettet direkte som høring""#).unwrap();
    assert_eq!(old, SkipReason::DirectHearing);
    // A clerk's words stay a plain string, as before.
    let written = SkipReason::Written("Haster".into());
    let text = serde_json::to_string(&written).unwrap();
    assert_eq!(text, r#""Haster""#);
    assert_eq!(serde_json::from_str::<SkipReason>(&text).unwrap(), written);
}

#[test]
fn start_reasons_read_back_from_their_codes_and_their_old_danish() {
    for reason in StartReason::ALL {
        assert_eq!(StartReason::parse(reason.code()), Some(reason));
    }
    for (text, reason) in [
        (
            "oprettet direkte som høring",
            Some(StartReason::DirectHearing),
        ),
        ("oprettet som udkast", Some(StartReason::Draft)),
        ("demo: forløbet 2019–2020", None),
    ] {
        assert_eq!(StartReason::parse(text), reason, "{text}");
    }
}
