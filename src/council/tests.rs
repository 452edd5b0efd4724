use std::collections::BTreeSet;

use jiff::civil::{Date, date};
use proptest::prelude::*;

use super::*;
use crate::document::BlockNumber;
use crate::response::{FieldError, OrganisationName, Publication, Sender, SenderKind};
use crate::staff::Role;
use crate::text::{DiffOp, new_text, old_text, word_diff};

fn errors(pairs: &[(&str, &str)]) -> CouncilErrors {
    pairs
        .iter()
        .map(|(f, c)| ((*f).to_owned(), (*c).to_owned()))
        .collect()
}

const A: CouncilId = CouncilId(1);
const B: CouncilId = CouncilId(2);
const ANNA: UserId = UserId(10);
const BO: UserId = UserId(11);
const CHARLOTTE: UserId = UserId(12);

fn staff(role: Role, councils: &[CouncilId]) -> Viewer {
    Viewer::Staff {
        role,
        councils: councils.to_vec(),
    }
}

fn member_of_a() -> Viewer {
    staff(Role::Council, &[A])
}

// ---- names and slugs ----

#[test]
fn member_names_are_names_never_e_mail_addresses() {
    use FieldError::*;
    assert_eq!(
        MemberName::parse("  Anna Jensen ").unwrap().as_str(),
        "Anna Jensen"
    );
    assert_eq!(MemberName::parse(" "), Err(Required));
    assert_eq!(MemberName::parse("A"), Err(Invalid));
    assert_eq!(MemberName::parse("anna@raadet.example"), Err(Invalid));
    assert_eq!(MemberName::parse("Anna\nJensen"), Err(Invalid));
    assert_eq!(MemberName::parse(&"a".repeat(81)), Err(TooLong { max: 80 }));
}

#[test]
fn council_names() {
    use FieldError::*;
    let name = CouncilName::parse("  Integrationsrådet \n").unwrap();
    assert_eq!(name.as_str(), "Integrationsrådet");
    assert_eq!(name.to_string(), DEFAULT_COUNCIL);
    assert!(CouncilName::parse(DEFAULT_COUNCIL).is_ok());
    assert_eq!(CouncilName::parse(""), Err(Required));
    assert_eq!(CouncilName::parse(" \t "), Err(Required));
    assert_eq!(CouncilName::parse(" Å "), Err(Invalid));
    assert!(CouncilName::parse("Æø").is_ok());
    assert!(CouncilName::parse(&"å".repeat(100)).is_ok());
    assert_eq!(
        CouncilName::parse(&"å".repeat(101)),
        Err(TooLong { max: 100 })
    );
    assert_eq!(CouncilName::parse("Handicap\nrådet"), Err(Invalid));
    assert_eq!(CouncilName::parse("Ældre\u{0}rådet"), Err(Invalid));
    assert_eq!(CouncilName::parse("Ældre\u{2028}rådet"), Err(Invalid));

    let json = serde_json::to_string(&name).unwrap();
    assert_eq!(json, "\"Integrationsrådet\"");
    assert_eq!(serde_json::from_str::<CouncilName>(&json).unwrap(), name);
    assert!(serde_json::from_str::<CouncilName>("\"x\"").is_err());
    assert_eq!(
        "Ældrerådet".parse::<CouncilName>().unwrap().as_ref(),
        "Ældrerådet"
    );
}

#[test]
fn slugs_fold_danish_letters() {
    let slug = |name: &str| {
        CouncilSlug::from_name(&CouncilName::parse(name).unwrap())
            .unwrap()
            .to_string()
    };
    assert_eq!(slug("Integrationsrådet"), "integrationsraadet");
    assert_eq!(slug(DEFAULT_COUNCIL), "integrationsraadet");
    assert_eq!(slug("Ældrerådet"), "aeldreraadet");
    assert_eq!(slug("Handicaprådet Øst"), "handicapraadet-oest");
    assert_eq!(
        slug("Børne- og Ungerådet 2025"),
        "boerne-og-ungeraadet-2025"
    );
    assert_eq!(slug("  Råd & Nævn  "), "raad-naevn");
    // A name needs no ASCII letter, but a slug does; the clerk then types one.
    assert_eq!(
        CouncilSlug::from_name(&CouncilName::parse("Ωμέγα").unwrap()),
        Err(crate::hearing::SlugError::Empty)
    );
    // Cut at a word boundary to the slug's length.
    let long = CouncilName::parse(&"integrationsrådet ".repeat(5)).unwrap();
    let cut = CouncilSlug::from_name(&long).unwrap();
    assert!(cut.as_str().len() <= 80);
    assert!(!cut.as_str().ends_with('-'));
}

#[test]
fn slugs_are_validated() {
    assert_eq!(
        CouncilSlug::parse("integrationsraadet").unwrap().as_str(),
        "integrationsraadet"
    );
    assert!(CouncilSlug::parse("handicapraadet-2").is_ok());
    for bad in [
        "",
        "Integrationsraadet",
        "integrationsrådet",
        "-raad",
        "raad-",
        "raad--x",
        "raad x",
        "raad_x",
    ] {
        assert!(CouncilSlug::parse(bad).is_err(), "{bad:?}");
    }
    assert!(CouncilSlug::parse(&"a".repeat(81)).is_err());
    let json = serde_json::to_string(&CouncilSlug::parse("aeldreraadet").unwrap()).unwrap();
    assert_eq!(json, "\"aeldreraadet\"");
    assert!(serde_json::from_str::<CouncilSlug>("\"Ældre\"").is_err());
}

#[test]
fn ids_serialise_as_numbers() {
    assert_eq!(serde_json::to_string(&CouncilId(7)).unwrap(), "7");
    assert_eq!(serde_json::from_str::<UserId>("42").unwrap(), UserId(42));
    let viewer = staff(Role::Council, &[A, B]);
    let json = serde_json::to_string(&viewer).unwrap();
    assert_eq!(
        json,
        r#"{"kind":"staff","role":"council","councils":[1,2]}"#
    );
    assert_eq!(serde_json::from_str::<Viewer>(&json).unwrap(), viewer);
    assert_eq!(
        serde_json::to_string(&Viewer::Anonymous).unwrap(),
        r#"{"kind":"anonymous"}"#
    );
}

// ---- visibility ----

/// Every kind of viewer the server meets, by name.
fn viewers() -> Vec<(&'static str, Viewer)> {
    vec![
        ("anonymous", Viewer::Anonymous),
        ("citizen", Viewer::Citizen),
        ("clerk", staff(Role::Clerk, &[])),
        ("clerk listed in A", staff(Role::Clerk, &[A])),
        ("admin", staff(Role::Admin, &[])),
        ("member of A", member_of_a()),
        ("member of A and B", staff(Role::Council, &[A, B])),
        ("council role, no council", staff(Role::Council, &[])),
    ]
}

/// The discussion of council A ("own" for a member of A) and of council B ("other"), before
/// and after the chair publishes it: `[A unpublished, A published, B unpublished,
/// B published]`. Written out rather than computed, as the server's tests mirror it.
const READ_MATRIX: [(&str, [bool; 4]); 8] = [
    ("anonymous", [false, true, false, true]),
    ("citizen", [false, true, false, true]),
    ("clerk", [true, true, true, true]),
    ("clerk listed in A", [true, true, true, true]),
    ("admin", [true, true, true, true]),
    ("member of A", [true, true, false, true]),
    ("member of A and B", [true, true, true, true]),
    ("council role, no council", [false, true, false, true]),
];

/// Who may comment on and edit council A's and B's joint response while the round is open
/// (`[A, B]`); nobody may while it is upcoming or closed.
const WRITE_MATRIX: [(&str, [bool; 2]); 8] = [
    ("anonymous", [false, false]),
    ("citizen", [false, false]),
    ("clerk", [false, false]),
    ("clerk listed in A", [false, false]),
    ("admin", [false, false]),
    ("member of A", [true, false]),
    ("member of A and B", [true, true]),
    ("council role, no council", [false, false]),
];

/// Each viewer with its row of `matrix`, whose rows must name the viewers in their order.
fn rows_by_viewer<T: Copy>(matrix: &[(&str, T)]) -> Vec<(&'static str, Viewer, T)> {
    let viewers = viewers();
    assert_eq!(viewers.len(), matrix.len());
    let rows = viewers.into_iter().zip(matrix);
    rows.map(|((name, viewer), &(row_name, row))| {
        assert_eq!(name, row_name);
        (name, viewer, row)
    })
    .collect()
}

#[test]
fn read_matrix_is_exhaustive() {
    let mut checked = 0;
    for (name, viewer, expected) in rows_by_viewer(&READ_MATRIX) {
        let viewer = &viewer;
        let cases = [(A, false), (A, true), (B, false), (B, true)];
        for ((council, published), want) in cases.into_iter().zip(expected) {
            assert_eq!(
                may_read_discussion(viewer, council, published),
                want,
                "{name} reading council {council}, published: {published}"
            );
            checked += 1;
        }
    }
    assert_eq!(checked, 32);
}

#[test]
fn write_matrix_is_exhaustive() {
    let mut checked = 0;
    for (name, viewer, expected) in rows_by_viewer(&WRITE_MATRIX) {
        let viewer = &viewer;
        for (council, open_want) in [A, B].into_iter().zip(expected) {
            for state in RoundState::ALL {
                let want = open_want && state == RoundState::Open;
                assert_eq!(
                    may_comment(viewer, council, &state),
                    want,
                    "{name} commenting in council {council}, round {}",
                    state.as_str()
                );
                assert_eq!(
                    may_edit_joint(viewer, council, &state),
                    want,
                    "{name} editing council {council}'s response, round {}",
                    state.as_str()
                );
                checked += 1;
            }
        }
    }
    assert_eq!(checked, 48);
}

#[test]
fn membership_needs_the_council_role() {
    assert!(is_member(&member_of_a(), A));
    assert!(!is_member(&member_of_a(), B));
    assert!(!is_member(&staff(Role::Clerk, &[A]), A));
    assert!(!is_member(&staff(Role::Admin, &[A]), A));
    assert!(!is_member(&Viewer::Citizen, A));
    assert!(!is_member(&Viewer::Anonymous, A));
}

// ---- the round ----

fn hearing_last_day() -> Date {
    date(2025, 10, 31)
}

fn round_fields(opens: &str, closes: &str) -> RoundFields {
    RoundFields {
        opens: opens.to_owned(),
        closes: closes.to_owned(),
    }
}

#[test]
fn round_parses() {
    let round = round_fields(" 2025-10-01 ", "2025-10-20")
        .parse(hearing_last_day())
        .unwrap();
    assert_eq!(round.opens(), date(2025, 10, 1));
    assert_eq!(round.closes(), date(2025, 10, 20));
    assert_eq!(round.hearing_last_day(), hearing_last_day());
    // One day, on the hearing's last day; and a round before the hearing opens.
    assert!(
        round_fields("2025-10-31", "2025-10-31")
            .parse(hearing_last_day())
            .is_ok()
    );
    assert!(
        round_fields("2025-08-01", "2025-08-15")
            .parse(hearing_last_day())
            .is_ok()
    );
}

#[test]
fn round_names_every_mistake() {
    let last = hearing_last_day();
    let cases = [
        (
            round_fields("", " "),
            errors(&[("opens", "required"), ("closes", "required")]),
        ),
        (
            round_fields("2025-02-30", "31-10-2025"),
            errors(&[("opens", "invalid"), ("closes", "invalid")]),
        ),
        (
            round_fields("", "2025-10-01"),
            errors(&[("opens", "required")]),
        ),
        (
            round_fields("2025-10-20", "2025-10-19"),
            errors(&[("closes", "order")]),
        ),
        (
            round_fields("2025-10-20", "2025-11-01"),
            errors(&[("closes", "after_hearing")]),
        ),
        (
            round_fields("2025-11-05", "2025-10-20"),
            errors(&[("opens", "after_hearing"), ("closes", "order")]),
        ),
        (
            round_fields("2025-11-05", "2025-11-20"),
            errors(&[("opens", "after_hearing"), ("closes", "after_hearing")]),
        ),
        (
            round_fields("nej", "2025-11-20"),
            errors(&[("opens", "invalid"), ("closes", "after_hearing")]),
        ),
    ];
    for (fields, want) in cases {
        assert_eq!(fields.parse(last), Err(want), "{fields:?}");
    }
}

#[test]
fn round_state_includes_both_days() {
    let round =
        RoundWindow::new(date(2025, 10, 1), date(2025, 10, 20), hearing_last_day()).unwrap();
    assert_eq!(round.state_on(date(2025, 9, 30)), RoundState::Upcoming);
    assert_eq!(round.state_on(date(2025, 10, 1)), RoundState::Open);
    assert_eq!(round.state_on(date(2025, 10, 20)), RoundState::Open);
    assert_eq!(round.state_on(date(2025, 10, 21)), RoundState::Closed);
    let one_day =
        RoundWindow::new(date(2025, 10, 5), date(2025, 10, 5), hearing_last_day()).unwrap();
    assert_eq!(one_day.state_on(date(2025, 10, 5)), RoundState::Open);
    assert_eq!(one_day.state_on(date(2025, 10, 6)), RoundState::Closed);

    assert_eq!(
        RoundWindow::new(date(2025, 10, 5), date(2025, 10, 4), hearing_last_day()),
        Err(RoundWindowError::Order)
    );
    assert_eq!(
        RoundWindow::new(date(2025, 10, 5), date(2025, 11, 4), hearing_last_day()),
        Err(RoundWindowError::AfterHearing)
    );
}

#[test]
fn round_serde_checks_again() {
    let round =
        RoundWindow::new(date(2025, 10, 1), date(2025, 10, 20), hearing_last_day()).unwrap();
    let json = serde_json::to_string(&round).unwrap();
    assert_eq!(
        json,
        r#"{"opens":"2025-10-01","closes":"2025-10-20","hearing_last_day":"2025-10-31"}"#
    );
    assert_eq!(serde_json::from_str::<RoundWindow>(&json).unwrap(), round);
    let backwards =
        r#"{"opens":"2025-10-21","closes":"2025-10-20","hearing_last_day":"2025-10-31"}"#;
    assert!(serde_json::from_str::<RoundWindow>(backwards).is_err());
    for state in RoundState::ALL {
        assert_eq!(
            serde_json::to_string(&state).unwrap(),
            format!("\"{}\"", state.as_str())
        );
    }
}

// ---- submitting ----

fn joint_with(texts: &[&str]) -> JointResponse {
    let mut joint = JointResponse::default();
    for (i, text) in texts.iter().enumerate() {
        let at = 1_000 + i64::try_from(i).unwrap();
        match joint
            .edit(u32::try_from(i).unwrap(), ANNA, at, text)
            .unwrap()
        {
            EditOutcome::Saved(rev) => joint.revisions.push(rev),
            EditOutcome::Unchanged => panic!("{text:?} unchanged"),
        }
    }
    joint
}

#[test]
fn the_chair_submits_until_the_hearing_closes() {
    let round =
        RoundWindow::new(date(2025, 10, 1), date(2025, 10, 20), hearing_last_day()).unwrap();
    let joint = joint_with(&["Rådet støtter forslaget."]);
    let chair = member_of_a();
    for today in [
        date(2025, 10, 1),
        date(2025, 10, 20),
        // After the round, at a meeting, still within the public hearing.
        date(2025, 10, 25),
        date(2025, 10, 31),
    ] {
        assert_eq!(may_submit(&chair, A, true, &round, today, &joint), Ok(()));
    }
}

#[test]
fn submit_refusals() {
    use SubmitRefusal::*;
    let round =
        RoundWindow::new(date(2025, 10, 1), date(2025, 10, 20), hearing_last_day()).unwrap();
    let today = date(2025, 10, 10);
    let joint = joint_with(&["Rådet støtter forslaget."]);
    let chair = member_of_a();

    for viewer in [
        Viewer::Anonymous,
        Viewer::Citizen,
        staff(Role::Clerk, &[A]),
        staff(Role::Admin, &[]),
        staff(Role::Council, &[B]),
    ] {
        assert_eq!(
            may_submit(&viewer, A, true, &round, today, &joint),
            Err(NotMember),
            "{viewer:?}"
        );
    }
    assert_eq!(
        may_submit(&chair, A, false, &round, today, &joint),
        Err(NotChair)
    );
    // A member of both councils who chairs only A.
    assert_eq!(
        may_submit(
            &staff(Role::Council, &[A, B]),
            B,
            false,
            &round,
            today,
            &joint
        ),
        Err(NotChair)
    );

    let mut submitted = joint.clone();
    submitted.submitted = Some(Submitted {
        by: ANNA,
        at: 2_000,
        revision: 1,
    });
    let empty = JointResponse::default();
    let opens = date(2025, 10, 1);
    let last_day = hearing_last_day();
    for (day, answer, want) in [
        (today, &submitted, Err(AlreadySubmitted)),
        (date(2025, 9, 30), &joint, Err(RoundNotOpen { opens })),
        (date(2025, 11, 1), &joint, Err(HearingClosed { last_day })),
        (today, &empty, Err(Empty)),
    ] {
        assert_eq!(
            may_submit(&chair, A, true, &round, day, answer),
            want,
            "{day}: {answer:?}"
        );
    }
    let cleared = joint_with(&["Et udkast", ""]);
    assert_eq!(
        may_submit(&chair, A, true, &round, today, &cleared),
        Err(Empty)
    );

    let codes: Vec<_> = [
        NotMember,
        NotChair,
        AlreadySubmitted,
        RoundNotOpen {
            opens: date(2025, 10, 1),
        },
        HearingClosed {
            last_day: hearing_last_day(),
        },
        Empty,
    ]
    .iter()
    .map(|r| {
        let json = serde_json::to_value(r).unwrap();
        assert_eq!(json["reason"], r.code());
        r.code()
    })
    .collect();
    assert_eq!(
        codes,
        [
            "not_member",
            "not_chair",
            "already_submitted",
            "round_not_open",
            "hearing_closed",
            "empty"
        ]
    );
}

#[test]
fn submission_payload() {
    let name = CouncilName::parse(DEFAULT_COUNCIL).unwrap();
    assert_eq!(as_response(&name, &JointResponse::default()), None);
    assert_eq!(as_response(&name, &joint_with(&["Udkast", ""])), None);

    let joint = joint_with(&["Udkast", "Rådet støtter\r\nforslaget."]);
    let response = as_response(&name, &joint).unwrap();
    assert_eq!(response.text.as_str(), "Rådet støtter\nforslaget.");
    assert_eq!(
        response.sender,
        Sender::Organisation {
            kind: SenderKind::Council,
            name: OrganisationName::parse("Integrationsrådet").unwrap(),
        }
    );
    assert_eq!(response.sender.kind(), SenderKind::Council);
    assert_eq!(response.publication, Publication::WithName);
    assert_eq!(response.publication.as_str(), "with_name");
    assert_eq!(response.revision, 2);
}

// ---- comments ----

fn comment_fields(block: &str, quote: &str, text: &str, reply_to: &str) -> CommentFields {
    CommentFields {
        block: block.to_owned(),
        quote: quote.to_owned(),
        text: text.to_owned(),
        reply_to: reply_to.to_owned(),
    }
}

#[test]
fn comments_parse() {
    let c = comment_fields(
        " § 3.2 ",
        "  alle borgere ",
        "\r\n Vi foreslår\r\n»alle beboere«.\r",
        " 17 ",
    )
    .parse()
    .unwrap();
    assert_eq!(c.block, Some("3.2".parse::<BlockNumber>().unwrap()));
    assert_eq!(c.quote, "alle borgere");
    assert_eq!(c.text.as_str(), "Vi foreslår\n»alle beboere«.");
    assert_eq!(c.reply_to, Some(17));

    let whole = comment_fields("", "", "Godt udkast.", "").parse().unwrap();
    assert_eq!(whole.block, None);
    assert_eq!(whole.quote, "");
    assert_eq!(whole.reply_to, None);

    // JSON with missing fields is an empty form.
    let empty: CommentFields = serde_json::from_str("{}").unwrap();
    assert_eq!(empty.parse(), Err(errors(&[("text", "required")])));
}

#[test]
fn comments_name_every_mistake() {
    let long_quote = "ord ".repeat(600);
    assert_eq!(
        comment_fields("x.y", &long_quote, " \r\n ", "-1").parse(),
        Err(errors(&[
            ("block", "invalid"),
            ("quote", "too_long"),
            ("text", "required"),
            ("reply_to", "invalid"),
        ]))
    );
    assert_eq!(
        comment_fields("", "alle borgere", &"ø".repeat(5_001), "0").parse(),
        Err(errors(&[
            ("block", "required"),
            ("text", "too_long"),
            ("reply_to", "invalid"),
        ]))
    );
    for bad in ["+3", "abc", "1.5", "99999999999999999999"] {
        assert_eq!(
            comment_fields("1.1", "", "Tekst", bad).parse(),
            Err(errors(&[("reply_to", "invalid")])),
            "{bad:?}"
        );
    }
}

#[test]
fn comment_text_limits() {
    use FieldError::*;
    let max = "ø".repeat(CommentText::MAX_CHARS);
    assert!(CommentText::parse(&max).is_ok());
    assert_eq!(
        CommentText::parse(&format!("{max}x")),
        Err(TooLong { max: 5_000 })
    );
    // CRLF counts as one character, as the textarea's counter shows.
    let crlf = format!("{}\r\n{}", "a".repeat(2_500), "b".repeat(2_499));
    assert!(CommentText::parse(&crlf).is_ok());
    assert_eq!(CommentText::parse("\u{c}"), Err(Required));
    assert_eq!(CommentText::parse("a\u{0}b").unwrap().as_str(), "ab");
    assert!(serde_json::from_str::<CommentText>("\"  \"").is_err());
}

#[test]
fn agreement_toggles_and_never_for_ones_own_comment() {
    assert!(may_agree(ANNA, BO));
    assert!(!may_agree(ANNA, ANNA));

    let none = BTreeSet::new();
    let (one, agrees) = toggle_agreement(&none, ANNA, BO).unwrap();
    assert!(agrees);
    assert_eq!(one, BTreeSet::from([BO]));
    let (two, agrees) = toggle_agreement(&one, ANNA, CHARLOTTE).unwrap();
    assert!(agrees);
    assert_eq!(two, BTreeSet::from([BO, CHARLOTTE]));
    let (back, agrees) = toggle_agreement(&two, ANNA, BO).unwrap();
    assert!(!agrees);
    assert_eq!(back, BTreeSet::from([CHARLOTTE]));

    assert_eq!(toggle_agreement(&two, ANNA, ANNA), Err(OwnComment));
    assert_eq!(OwnComment.code(), "own_comment");
}

fn refs(rows: &[(i64, Option<i64>, i64)]) -> Vec<CommentRef> {
    rows.iter()
        .map(|&(id, reply_to, created_at)| CommentRef {
            id,
            reply_to,
            created_at,
        })
        .collect()
}

/// `(id, depth)` in reading order.
fn ordered(comments: &[CommentRef]) -> Vec<(i64, u8)> {
    thread_order(comments)
        .into_iter()
        .map(|(i, depth)| (comments[i].id, depth))
        .collect()
}

#[test]
fn threads_nest_replies_under_their_comments() {
    let comments = refs(&[
        (1, None, 10),
        (3, Some(1), 20),
        (2, None, 5),
        (4, Some(3), 30),
        (5, Some(1), 15),
        (6, Some(99), 7),
        (7, Some(4), 40),
        (8, Some(7), 50),
        (9, Some(8), 60),
        (10, Some(2), 8),
    ]);
    assert_eq!(
        ordered(&comments),
        [
            (2, 0),
            (10, 1),
            // Its parent is gone: a thread of its own, in time order.
            (6, 0),
            (1, 0),
            (5, 1),
            (3, 1),
            (4, 2),
            (7, 3),
            (8, 4),
            // Depth 5, shown at 4.
            (9, 4),
        ]
    );
    assert!(thread_order(&[]).is_empty());
}

#[test]
fn threads_order_ties_by_id_and_survive_loops() {
    let same_time = refs(&[(3, None, 10), (1, None, 10), (2, Some(1), 10)]);
    assert_eq!(ordered(&same_time), [(1, 0), (2, 1), (3, 0)]);

    // Only corrupt data loops; each comment is still shown once.
    let looped = refs(&[
        (1, Some(2), 20),
        (2, Some(1), 10),
        (3, Some(3), 5),
        (4, Some(1), 30),
    ]);
    assert_eq!(ordered(&looped), [(3, 0), (2, 0), (1, 1), (4, 2)]);
}

#[test]
fn a_long_chain_of_replies_does_not_overflow() {
    let chain: Vec<CommentRef> = (1..=100_000)
        .map(|id| CommentRef {
            id,
            reply_to: (id > 1).then(|| id - 1),
            created_at: id,
        })
        .collect();
    let order = thread_order(&chain);
    assert_eq!(order.len(), chain.len());
    assert_eq!(order[0], (0, 0));
    assert_eq!(order[99_999], (99_999, 4));
}

// ---- the joint response ----

#[test]
fn edits_make_numbered_revisions() {
    let joint = JointResponse::default();
    assert_eq!(joint.current(), None);
    assert_eq!(joint.current_text(), "");
    let EditOutcome::Saved(first) = joint.edit(0, ANNA, 100, " Rådet støtter\r\n").unwrap()
    else {
        panic!("not saved");
    };
    assert_eq!(
        first,
        Revision {
            number: 1,
            author: ANNA,
            at: 100,
            text: "Rådet støtter".to_owned(),
        }
    );
    let mut joint = JointResponse {
        revisions: vec![first],
        submitted: None,
    };
    let EditOutcome::Saved(second) = joint.edit(1, BO, 200, "Rådet støtter forslaget.").unwrap()
    else {
        panic!("not saved");
    };
    assert_eq!(second.number, 2);
    assert_eq!(second.author, BO);
    joint.revisions.push(second);
    assert_eq!(joint.current().map(|r| r.number), Some(2));
    assert_eq!(joint.current_text(), "Rådet støtter forslaget.");

    // Rows loaded in another order still agree on the current revision.
    let mut shuffled = joint.clone();
    shuffled.revisions.reverse();
    assert_eq!(shuffled.current().map(|r| r.number), Some(2));

    let json = serde_json::to_string(&joint).unwrap();
    assert_eq!(serde_json::from_str::<JointResponse>(&json).unwrap(), joint);
    // A stored response without the submission field is not submitted.
    let bare: JointResponse = serde_json::from_str(r#"{"revisions":[]}"#).unwrap();
    assert_eq!(bare, JointResponse::default());
}

#[test]
fn unchanged_edits_store_nothing() {
    let joint = joint_with(&["Rådet støtter forslaget."]);
    assert_eq!(
        joint.edit(1, BO, 300, "  Rådet støtter forslaget.\r\n"),
        Ok(EditOutcome::Unchanged)
    );
    assert_eq!(
        JointResponse::default().edit(0, BO, 300, " \r\n"),
        Ok(EditOutcome::Unchanged)
    );
    assert_eq!(
        serde_json::to_value(EditOutcome::Unchanged).unwrap(),
        serde_json::json!({"outcome": "unchanged"})
    );
}

#[test]
fn a_stale_edit_is_refused_with_the_newer_text_the_diff_and_yours() {
    // Anna and Bo both open revision 1; Anna saves first.
    let mut joint = joint_with(&["Rådet støtter forslaget."]);
    let EditOutcome::Saved(annas) = joint
        .edit(1, ANNA, 300, "Rådet støtter forslaget varmt.")
        .unwrap()
    else {
        panic!("not saved");
    };
    joint.revisions.push(annas.clone());

    let bos = "Rådet støtter ikke forslaget.";
    let Err(EditError::Stale(stale)) = joint.edit(1, BO, 310, bos) else {
        panic!("not refused");
    };
    assert_eq!(stale.current, annas);
    assert_eq!(stale.yours, bos);
    assert_eq!(stale.diff, word_diff(&annas.text, bos));
    assert_eq!(old_text(&stale.diff), annas.text);
    assert_eq!(new_text(&stale.diff), bos);
    assert!(
        stale
            .diff
            .iter()
            .any(|op| matches!(op, DiffOp::Insert(t) if t.contains("ikke")))
    );
    assert_eq!(EditError::Stale(stale.clone()).code(), "stale");

    // Even when Bo typed just what Anna saved, he learns of her revision.
    assert!(matches!(
        joint.edit(1, BO, 320, "Rådet støtter forslaget varmt."),
        Err(EditError::Stale(_))
    ));
    // Nothing saved yet on his side, a revision saved on hers.
    assert!(matches!(
        joint.edit(0, BO, 320, bos),
        Err(EditError::Stale(s)) if s.current.number == 2
    ));
    // Bo merges by hand onto revision 2.
    assert!(matches!(
        joint.edit(2, BO, 330, bos),
        Ok(EditOutcome::Saved(Revision { number: 3, .. }))
    ));

    let json = serde_json::to_value(EditError::Stale(stale)).unwrap();
    assert_eq!(json["reason"], "stale");
    assert_eq!(json["current"]["number"], 2);
    assert_eq!(json["yours"], bos);
}

#[test]
fn other_edit_refusals() {
    let joint = joint_with(&["Udkast"]);
    assert_eq!(
        joint.edit(2, BO, 300, "Nyt"),
        Err(EditError::UnknownRevision { based_on: 2 })
    );
    assert_eq!(
        JointResponse::default().edit(1, BO, 300, "Nyt"),
        Err(EditError::UnknownRevision { based_on: 1 })
    );
    let max = "å".repeat(JointResponse::MAX_CHARS);
    assert!(matches!(
        joint.edit(1, BO, 300, &max),
        Ok(EditOutcome::Saved(_))
    ));
    let too_long = joint.edit(1, BO, 300, &format!("{max}!"));
    assert_eq!(too_long, Err(EditError::TooLong { max: 20_000 }));

    let mut submitted = joint.clone();
    submitted.submitted = Some(Submitted {
        by: ANNA,
        at: 400,
        revision: 1,
    });
    assert_eq!(
        submitted.edit(1, BO, 500, "Efter fristen"),
        Err(EditError::Submitted)
    );
    let codes: Vec<_> = [
        EditError::UnknownRevision { based_on: 9 },
        EditError::TooLong { max: 20_000 },
        EditError::Submitted,
    ]
    .iter()
    .map(EditError::code)
    .collect();
    assert_eq!(codes, ["unknown_revision", "too_long", "submitted"]);
}

#[test]
fn any_two_revisions_compare() {
    let joint = joint_with(&["Et", "Et to", "To tre"]);
    assert_eq!(joint.compare(1, 3), Some(word_diff("Et", "To tre")));
    assert_eq!(joint.compare(3, 1), Some(word_diff("To tre", "Et")));
    assert_eq!(joint.compare(2, 2), Some(word_diff("Et to", "Et to")));
    assert_eq!(
        joint.compare(0, 1),
        Some(vec![DiffOp::Insert("Et".to_owned())])
    );
    assert_eq!(joint.compare(1, 4), None);
    assert_eq!(joint.compare(7, 1), None);
    assert_eq!(joint.revision(2).map(|r| r.text.as_str()), Some("Et to"));
}

proptest! {
    #[test]
    fn edits_on_the_current_revision_number_one_to_n(
        texts in prop::collection::vec("[a-cæø \n]{0,12}", 1..20),
        stale_pick in any::<prop::sample::Index>(),
        yours in "[a-cæø ]{0,12}",
    ) {
        let mut joint = JointResponse::default();
        for (i, text) in texts.iter().enumerate() {
            let based_on = joint.current().map_or(0, |r| r.number);
            let at = i64::try_from(i).unwrap();
            match joint.edit(based_on, UserId(at % 3), at, text).unwrap() {
                EditOutcome::Saved(rev) => {
                    prop_assert_eq!(rev.number, based_on + 1);
                    joint.revisions.push(rev);
                }
                EditOutcome::Unchanged => {}
            }
            prop_assert_eq!(joint.current_text(), text.trim());
        }
        let numbers: Vec<u32> = joint.revisions.iter().map(|r| r.number).collect();
        let expected: Vec<u32> = (1..=u32::try_from(numbers.len()).unwrap()).collect();
        prop_assert_eq!(numbers, expected);

        // Any older number, 0 included, is refused and shows the newest revision.
        if let Some(current) = joint.current().cloned() {
            let older = u32::try_from(stale_pick.index(usize::try_from(current.number).unwrap())).unwrap();
            match joint.edit(older, UserId(99), 1_000, &yours) {
                Err(EditError::Stale(stale)) => {
                    prop_assert_eq!(&stale.current, &current);
                    prop_assert_eq!(stale.yours.as_str(), yours.trim());
                    prop_assert_eq!(new_text(&stale.diff), yours.trim());
                    prop_assert_eq!(old_text(&stale.diff), current.text);
                }
                other => prop_assert!(false, "based on {older}: {other:?}"),
            }
        }
    }

    #[test]
    fn thread_order_shows_every_comment_once(
        rows in prop::collection::vec((0i64..12, prop::option::of(0i64..14), 0i64..5), 0..24),
    ) {
        let comments = refs(&rows);
        let order = thread_order(&comments);
        let mut seen: Vec<usize> = order.iter().map(|(i, _)| *i).collect();
        seen.sort_unstable();
        prop_assert_eq!(seen, (0..comments.len()).collect::<Vec<_>>());
        prop_assert!(order.iter().all(|(_, d)| *d <= MAX_DISPLAY_DEPTH));
        // A reply shown deeper than its predecessor sits right under it.
        for pair in order.windows(2) {
            prop_assert!(pair[1].1 <= pair[0].1 + 1);
        }
    }
}

// ---- publishing the discussion ----

#[test]
fn the_chair_publishes_the_discussion_once_nobody_writes_any_more() {
    use PublishRefusal::*;
    let chair = member_of_a();
    let joint = joint_with(&["Rådet støtter forslaget."]);
    let mut submitted = joint.clone();
    submitted.submitted = Some(Submitted {
        by: ANNA,
        at: 2_000,
        revision: 1,
    });
    // After the round, or once the response is sent even while the round runs.
    use RoundState::{Closed, Open, Upcoming};
    #[rustfmt::skip]
    let cases = [
        // (chairs, round, answer, published already)
        (true, Closed, &joint, false, Ok(())),
        (true, Open, &submitted, false, Ok(())),
        (true, Open, &joint, false, Err(RoundNotOver)),
        (true, Upcoming, &joint, false, Err(RoundNotOver)),
        (true, Closed, &joint, true, Err(AlreadyPublished)),
        (false, Closed, &joint, false, Err(NotChair)),
    ];
    for (chairs, round, answer, published, want) in cases {
        assert_eq!(
            may_publish_discussion(&chair, A, chairs, &round, answer, published),
            want,
            "chairs {chairs}, {round:?}, {answer:?}, published {published}"
        );
    }
    for viewer in [
        Viewer::Anonymous,
        staff(Role::Clerk, &[A]),
        staff(Role::Admin, &[A]),
        staff(Role::Council, &[B]),
    ] {
        assert_eq!(
            may_publish_discussion(&viewer, A, true, &RoundState::Closed, &joint, false),
            Err(NotMember),
            "{viewer:?}"
        );
    }
    assert_eq!(RoundNotOver.code(), "round_not_over");
}
