use std::collections::BTreeMap;

use jiff::Timestamp;
use jiff::civil::date;
use proptest::prelude::*;

use super::setup::{parse_day, parse_time};
use super::*;

fn errors(pairs: &[(&str, &str)]) -> MeetingErrors {
    pairs
        .iter()
        .map(|(f, c)| ((*f).to_owned(), (*c).to_owned()))
        .collect()
}

// ---- groups, modes, statuses ----

#[test]
fn a_meeting_has_taken_place_from_its_start() {
    assert!(!has_taken_place(1_000, 999));
    assert!(has_taken_place(1_000, 1_000));
    assert!(has_taken_place(1_000, 5_000));
}

#[test]
fn group_codes_and_labels() {
    let codes: Vec<_> = ParticipantGroup::ALL.iter().map(|g| g.as_str()).collect();
    assert_eq!(
        codes,
        [
            "borger",
            "frivillig_forening",
            "social_forening",
            "integrationsraadet",
            "udvalgsmedlem",
            "andet"
        ]
    );
    for g in ParticipantGroup::ALL {
        assert_eq!(ParticipantGroup::parse(g.as_str()), Some(g));
        assert_eq!(g.to_string(), g.as_str());
        let json = serde_json::to_string(&g).unwrap();
        assert_eq!(json, format!("\"{}\"", g.as_str()));
        assert_eq!(serde_json::from_str::<ParticipantGroup>(&json).unwrap(), g);
    }
    assert_eq!(
        ParticipantGroup::parse(" social_forening "),
        Some(ParticipantGroup::SocialAssociation)
    );
    assert_eq!(ParticipantGroup::parse("Borger"), None);
    assert_eq!(ParticipantGroup::parse(""), None);
    // ALL is in declaration order, so sorting agrees with it.
    let mut sorted = ParticipantGroup::ALL;
    sorted.sort();
    assert_eq!(sorted, ParticipantGroup::ALL);

    let needing: Vec<_> = ParticipantGroup::ALL
        .into_iter()
        .filter(|g| g.needs_organisation())
        .collect();
    assert_eq!(
        needing,
        [
            ParticipantGroup::VoluntaryAssociation,
            ParticipantGroup::SocialAssociation
        ]
    );
}

#[test]
fn mode_and_status_codes() {
    /// Each code reads back as its value, and serde writes the same code.
    fn round_trip<T: Copy + PartialEq + std::fmt::Debug + serde::Serialize>(
        all: &[T],
        code: fn(T) -> &'static str,
        parse: fn(&str) -> Option<T>,
    ) {
        for &v in all {
            assert_eq!(parse(code(v)), Some(v));
            assert_eq!(
                serde_json::to_string(&v).unwrap(),
                format!("\"{}\"", code(v))
            );
        }
    }
    round_trip(&SignupMode::ALL, SignupMode::as_str, SignupMode::parse);
    assert_eq!(SignupMode::parse("aaben"), Some(SignupMode::Open));
    assert_eq!(SignupMode::parse("åben"), None);
    round_trip(
        &SignupStatus::ALL,
        SignupStatus::as_str,
        SignupStatus::parse,
    );
    assert_eq!(SignupStatus::parse("waiting"), Some(SignupStatus::Waiting));
    assert_eq!(SignupStatus::parse("Seated"), None);
}

// ---- the meeting form ----

fn good_meeting() -> MeetingFields {
    MeetingFields {
        title: "  Dialogmøde om ældrepolitikken ".into(),
        date: "2019-09-12".into(),
        starts: "09.30".into(),
        ends: "12:00".into(),
        place: "Rådhuset, mødesal 1".into(),
        step_free: "ja".into(),
        agenda: "1. Velkomst\r\n2. Drøftelse ved bordene\r\n".into(),
        capacity: " 40 ".into(),
        signup_deadline: String::new(),
        mode: "aaben".into(),
    }
}

#[test]
fn meeting_parses() {
    let m = good_meeting().parse().unwrap();
    assert_eq!(m.title, "Dialogmøde om ældrepolitikken");
    // Copenhagen is UTC+2 in September.
    assert_eq!(
        m.starts_at,
        "2019-09-12T07:30:00Z".parse::<Timestamp>().unwrap()
    );
    assert_eq!(
        m.ends_at,
        Some("2019-09-12T10:00:00Z".parse::<Timestamp>().unwrap())
    );
    assert_eq!(m.place, "Rådhuset, mødesal 1");
    assert!(m.step_free);
    assert_eq!(m.agenda, "1. Velkomst\n2. Drøftelse ved bordene");
    assert_eq!(m.capacity, 40);
    // No deadline typed: sign-up runs through the meeting's day.
    assert_eq!(m.signup_deadline, date(2019, 9, 12));
    assert_eq!(m.mode, SignupMode::Open);
}

#[test]
fn meeting_variants() {
    // Winter time, the day typed the Danish way, no end, an invitation meeting.
    let m = MeetingFields {
        date: "05.12.2019".into(),
        starts: "kl. 19.00".into(),
        ends: " ".into(),
        step_free: "nej".into(),
        agenda: String::new(),
        signup_deadline: "28-11-2019".into(),
        mode: "invitation".into(),
        ..good_meeting()
    }
    .parse()
    .unwrap();
    assert_eq!(
        m.starts_at,
        "2019-12-05T18:00:00Z".parse::<Timestamp>().unwrap()
    );
    assert_eq!(m.ends_at, None);
    assert!(!m.step_free);
    assert_eq!(m.agenda, "");
    assert_eq!(m.signup_deadline, date(2019, 11, 28));
    assert_eq!(m.mode, SignupMode::Invitation);

    // The deadline may be the meeting's own day.
    let m = MeetingFields {
        signup_deadline: "2019-09-12".into(),
        ..good_meeting()
    };
    assert!(m.parse().is_ok());
    // The limits themselves are allowed.
    let m = MeetingFields {
        title: "ø".repeat(200),
        place: "å".repeat(300),
        agenda: "æ".repeat(20_000),
        capacity: "10000".into(),
        ..good_meeting()
    };
    assert!(m.parse().is_ok());
}

#[test]
fn meeting_names_every_mistake_at_once() {
    let fields = MeetingFields {
        title: "x".repeat(201),
        date: "12-09-2019".into(),
        starts: "14:00".into(),
        ends: "13.30".into(),
        place: "   ".into(),
        step_free: "måske".into(),
        agenda: "a".repeat(20_001),
        capacity: "0".into(),
        signup_deadline: "2019-09-13".into(),
        mode: String::new(),
    };
    assert_eq!(
        fields.parse().unwrap_err(),
        errors(&[
            ("title", "too_long"),
            ("ends", "ends_before_start"),
            ("place", "required"),
            ("step_free", "invalid"),
            ("agenda", "too_long"),
            ("capacity", "invalid"),
            ("signup_deadline", "after_meeting"),
            ("mode", "required"),
        ])
    );

    assert_eq!(
        MeetingFields::default().parse().unwrap_err(),
        errors(&[
            ("title", "required"),
            ("date", "required"),
            ("starts", "required"),
            ("place", "required"),
            ("step_free", "required"),
            ("capacity", "required"),
            ("mode", "required"),
        ])
    );

    let fields = MeetingFields {
        title: "Dialog\nmøde".into(),
        date: "2019-02-30".into(),
        starts: "25.00".into(),
        ends: "klokken 12".into(),
        capacity: "10001".into(),
        signup_deadline: "i morgen".into(),
        mode: "lukket".into(),
        ..good_meeting()
    };
    assert_eq!(
        fields.parse().unwrap_err(),
        errors(&[
            ("title", "invalid"),
            ("date", "invalid"),
            ("starts", "invalid"),
            ("ends", "invalid"),
            ("capacity", "invalid"),
            ("signup_deadline", "invalid"),
            ("mode", "invalid"),
        ])
    );
    // Ending when it starts is no meeting.
    let fields = MeetingFields {
        starts: "9.30".into(),
        ends: "09:30".into(),
        ..good_meeting()
    };
    assert_eq!(
        fields.parse().unwrap_err(),
        errors(&[("ends", "ends_before_start")])
    );
    for capacity in ["-1", "+5", "4.5", "40 pladser", "99999999999"] {
        let fields = MeetingFields {
            capacity: capacity.into(),
            ..good_meeting()
        };
        assert_eq!(
            fields.parse().unwrap_err(),
            errors(&[("capacity", "invalid")]),
            "{capacity:?}"
        );
    }
}

#[test]
fn meeting_fields_from_a_form_post() {
    let fields: MeetingFields =
        serde_json::from_str(r#"{"title":"Dialogmøde","starts":"9:30"}"#).unwrap();
    assert_eq!(fields.title, "Dialogmøde");
    assert_eq!(fields.starts, "9:30");
    assert_eq!(fields.ends, "");
}

#[test]
fn times_as_danes_write_them() {
    for (s, want) in [
        ("9:30", (9, 30)),
        ("09:30", (9, 30)),
        ("09.30", (9, 30)),
        (" 9.05 ", (9, 5)),
        ("0:00", (0, 0)),
        ("23.59", (23, 59)),
        ("kl. 19.00", (19, 0)),
        ("Kl 8:15", (8, 15)),
    ] {
        assert_eq!(parse_time(s), Some(want), "{s:?}");
    }
    for s in [
        "", "930", "9:3", "9:300", "24:00", "9:60", "9:30:00", "-1:30", "+9:30", "9,30", "ni",
        "kl.", "123:00",
    ] {
        assert_eq!(parse_time(s), None, "{s:?}");
    }
}

#[test]
fn days_as_danes_write_them() {
    for s in [
        "2019-09-12",
        "12-09-2019",
        "12.09.2019",
        "12/9/2019",
        " 12.9.2019 ",
    ] {
        assert_eq!(parse_day(s), Some(date(2019, 9, 12)), "{s:?}");
    }
    for s in [
        "",
        "12.09.19",
        "2019.09.12",
        "32-01-2019",
        "29-02-2019",
        "1-2-3-2019",
        "a.b.cdef",
    ] {
        assert_eq!(parse_day(s), None, "{s:?}");
    }
    assert_eq!(parse_day("29.02.2020"), Some(date(2020, 2, 29)));
}

#[test]
fn signup_open_through_the_deadline_and_by_invitation_only_with_the_link() {
    let deadline = date(2019, 9, 5);
    assert!(signup_open(
        deadline,
        SignupMode::Open,
        date(2019, 9, 1),
        false
    ));
    assert!(signup_open(deadline, SignupMode::Open, deadline, false));
    assert!(!signup_open(
        deadline,
        SignupMode::Open,
        date(2019, 9, 6),
        false
    ));
    let invitation = SignupMode::Invitation;
    assert!(!signup_open(deadline, invitation, date(2019, 9, 1), false));
    assert!(signup_open(deadline, invitation, date(2019, 9, 1), true));
    assert!(!signup_open(deadline, invitation, date(2019, 9, 6), true));
}

// ---- sign-up ----

fn good_signup() -> SignupFields {
    SignupFields {
        name: " Anna Jensen ".into(),
        email: "Anna@Roskilde.DK".into(),
        group: "borger".into(),
        consent: "on".into(),
        ..SignupFields::default()
    }
}

#[test]
fn signup_parses() {
    let s = good_signup().parse().unwrap();
    assert_eq!(s.name.as_str(), "Anna Jensen");
    assert_eq!(s.email.as_str(), "Anna@roskilde.dk");
    assert_eq!(s.group, ParticipantGroup::Citizen);
    assert_eq!(s.organisation, None);
    assert!(s.needs.is_empty());

    let s = SignupFields {
        interpreter: "on".into(),
        interpreter_language: " Arabisk ".into(),
        step_free: "on".into(),
        other_needs: "  Hørespole\r\n ".into(),
        ..good_signup()
    }
    .parse()
    .unwrap();
    assert_eq!(
        s.needs,
        Needs {
            interpreter: Some("Arabisk".into()),
            step_free: true,
            other: Some("Hørespole".into()),
        }
    );
    assert!(!s.needs.is_empty());
    assert!(
        !Needs {
            step_free: true,
            ..Needs::default()
        }
        .is_empty()
    );
}

#[test]
fn organisation_only_for_associations() {
    // A citizen's organisation is ignored, even a malformed one.
    let s = SignupFields {
        organisation: "Ældresagen\n".into(),
        ..good_signup()
    }
    .parse()
    .unwrap();
    assert_eq!(s.organisation, None);

    for group in ParticipantGroup::ALL {
        let without = SignupFields {
            group: group.as_str().into(),
            ..good_signup()
        }
        .parse();
        if group.needs_organisation() {
            assert_eq!(
                without.unwrap_err(),
                errors(&[("organisation", "required")])
            );
            let with = SignupFields {
                group: group.as_str().into(),
                organisation: " Ældresagen Roskilde ".into(),
                ..good_signup()
            }
            .parse()
            .unwrap();
            assert_eq!(
                with.organisation.as_ref().map(|o| o.as_str()),
                Some("Ældresagen Roskilde")
            );
        } else {
            assert_eq!(without.unwrap().organisation, None);
        }
    }
}

#[test]
fn interpreter_language_only_when_ticked() {
    let s = SignupFields {
        interpreter_language: "Tyrkisk".into(),
        ..good_signup()
    }
    .parse()
    .unwrap();
    assert_eq!(s.needs.interpreter, None);

    let ticked = |language: &str| {
        SignupFields {
            interpreter: "on".into(),
            interpreter_language: language.into(),
            ..good_signup()
        }
        .parse()
    };
    assert_eq!(
        ticked("  ").unwrap_err(),
        errors(&[("interpreter_language", "required")])
    );
    assert_eq!(
        ticked(&"a".repeat(81)).unwrap_err(),
        errors(&[("interpreter_language", "too_long")])
    );
    assert!(ticked(&"a".repeat(80)).is_ok());
}

#[test]
fn consent_is_required() {
    for consent in ["", "off", " "] {
        let fields = SignupFields {
            consent: consent.into(),
            ..good_signup()
        };
        assert_eq!(
            fields.parse().unwrap_err(),
            errors(&[("consent", "required")])
        );
    }
}

#[test]
fn signup_names_every_mistake_at_once() {
    let fields = SignupFields {
        name: " ".into(),
        email: "anna@roskilde".into(),
        group: String::new(),
        organisation: String::new(),
        interpreter: "on".into(),
        interpreter_language: String::new(),
        step_free: "on".into(),
        other_needs: "x".repeat(1001),
        consent: String::new(),
    };
    assert_eq!(
        fields.parse().unwrap_err(),
        errors(&[
            ("name", "required"),
            ("email", "invalid"),
            ("group", "required"),
            ("interpreter_language", "required"),
            ("other_needs", "too_long"),
            ("consent", "required"),
        ])
    );
    // An unknown group, and an organisation that could never be valid.
    let fields = SignupFields {
        name: "a".repeat(201),
        group: "forening".into(),
        organisation: "Ældre\u{0}sagen".into(),
        ..good_signup()
    };
    assert_eq!(
        fields.parse().unwrap_err(),
        errors(&[
            ("name", "too_long"),
            ("group", "invalid"),
            ("organisation", "invalid"),
        ])
    );
    // 1000 characters with line breaks posted as CRLF are within the limit.
    let fields = SignupFields {
        other_needs: format!("{}\r\n{}", "a".repeat(500), "b".repeat(499)),
        ..good_signup()
    };
    assert!(fields.parse().is_ok());
}

// ---- seats and attendance ----

#[test]
fn seats() {
    assert_eq!(status_for_new(10, 0), SignupStatus::Seated);
    assert_eq!(status_for_new(10, 9), SignupStatus::Seated);
    assert_eq!(status_for_new(10, 10), SignupStatus::Waiting);
    assert_eq!(status_for_new(10, 12), SignupStatus::Waiting);
    assert_eq!(seats_free(10, 7), 3);
    assert_eq!(seats_free(10, 10), 0);
    // Capacity lowered below those already seated.
    assert_eq!(seats_free(5, 8), 0);
}

#[test]
fn attendance_counts_in_group_order() {
    use ParticipantGroup::*;
    let rows = [
        (Other, true),
        (Citizen, true),
        (SocialAssociation, false),
        (Citizen, false),
        (Citizen, true),
        (Other, false),
    ];
    assert_eq!(
        attendance_by_group(rows),
        [
            GroupCount {
                group: Citizen,
                signed_up: 3,
                attended: 2
            },
            GroupCount {
                group: SocialAssociation,
                signed_up: 1,
                attended: 0
            },
            GroupCount {
                group: Other,
                signed_up: 2,
                attended: 1
            },
        ]
    );
    assert!(attendance_by_group([]).is_empty());
    let json = serde_json::to_string(&attendance_by_group([(Citizen, true)])).unwrap();
    assert_eq!(json, r#"[{"group":"borger","signed_up":1,"attended":1}]"#);
}

// ---- meeting input ----

#[test]
fn input_parses() {
    let good = InputFields {
        block: "3.2".into(),
        group: "frivillig_forening".into(),
        table: "  Bord 3 ".into(),
        text: " Flere frivillige i ældreplejen.\r\n".into(),
    };
    let input = good.parse().unwrap();
    assert_eq!(input.block, Some("3.2".parse().unwrap()));
    assert_eq!(input.group, ParticipantGroup::VoluntaryAssociation);
    assert_eq!(input.table.as_deref(), Some("Bord 3"));
    assert_eq!(input.text.as_str(), "Flere frivillige i ældreplejen.");

    for (typed, want) in [
        ("§ 3.2", Some("3.2")),
        ("§3.2", Some("3.2")),
        (" afsnit 3.2 ", Some("3.2")),
        ("Afsnit 2.1.3", Some("2.1.3")),
        ("n1", Some("n1")),
        ("", None),
        ("  ", None),
    ] {
        let input = InputFields {
            block: typed.into(),
            table: String::new(),
            ..good.clone()
        }
        .parse()
        .unwrap();
        assert_eq!(
            input.block.map(|b| b.as_str()).as_deref(),
            want,
            "{typed:?}"
        );
        assert_eq!(input.table, None);
    }
}

#[test]
fn input_names_every_mistake_at_once() {
    let fields = InputFields {
        block: "§ 3".into(),
        group: String::new(),
        table: "x".repeat(101),
        text: " \r\n".into(),
    };
    assert_eq!(
        fields.parse().unwrap_err(),
        errors(&[
            ("block", "invalid"),
            ("group", "required"),
            ("table", "too_long"),
            ("text", "required"),
        ])
    );
    let fields = InputFields {
        block: "afsnit tre".into(),
        group: "borgere".into(),
        table: "Bord\t3".into(),
        text: "ø".repeat(20_001),
    };
    assert_eq!(
        fields.parse().unwrap_err(),
        errors(&[
            ("block", "invalid"),
            ("group", "invalid"),
            ("table", "invalid"),
            ("text", "too_long"),
        ])
    );
}

// ---- block search ----

fn policy() -> Vec<(String, String)> {
    [
        ("1", "Indledning"),
        ("1.1", "Politikken gælder alle borgere i kommunen."),
        ("1.2", "Borgerne inddrages gennem dialogmøder."),
        ("2", "Ældre og sundhed"),
        ("2.1", "Ældre borgere skal have adgang til åbne tilbud."),
        ("2.2", "Frivillige foreninger får økonomisk støtte."),
        ("2.2.1", "Støtten søges hvert år."),
        ("3", "Integration"),
        ("3.1", "Integrationsrådet høres om alle forslag."),
        ("3.2", "Aarhus og Århus er samme by."),
        ("3.10", "Borger og borger imellem."),
        ("n1", "Jf. lov om social service."),
    ]
    .into_iter()
    .map(|(n, t)| (n.to_owned(), t.to_owned()))
    .collect()
}

fn numbers(blocks: &[(String, String)], found: &[usize]) -> Vec<String> {
    found.iter().map(|&i| blocks[i].0.clone()).collect()
}

fn search(query: &str) -> Vec<String> {
    let blocks = policy();
    numbers(&blocks, &find_blocks(&blocks, query, 20))
}

#[test]
fn find_by_number() {
    assert_eq!(search("3"), ["3", "3.1", "3.2", "3.10"]);
    assert_eq!(search("§ 3"), ["3", "3.1", "3.2", "3.10"]);
    assert_eq!(search("3."), ["3", "3.1", "3.2", "3.10"]);
    // "3.10" is not under "3.1".
    assert_eq!(search("§3.1"), ["3.1"]);
    assert_eq!(search(" afsnit 2.2 "), ["2.2", "2.2.1"]);
    assert_eq!(search("2.2.1"), ["2.2.1"]);
    assert_eq!(search("n1"), ["n1"]);
    // Under a number that is not a block itself.
    let blocks: Vec<_> = policy().into_iter().filter(|(n, _)| n != "2").collect();
    assert_eq!(
        numbers(&blocks, &find_blocks(&blocks, "2", 10)),
        ["2.1", "2.2", "2.2.1"]
    );
    // No such number: searched as words instead.
    assert_eq!(search("9.9"), Vec::<String>::new());
}

#[test]
fn find_by_words() {
    assert_eq!(search("støtte"), ["2.2", "2.2.1"]);
    assert_eq!(search("STØT"), ["2.2", "2.2.1"]);
    // Every word must begin some word of the block.
    assert_eq!(search("ældre tilbud"), ["2.1"]);
    assert_eq!(search("ældre frivillige"), Vec::<String>::new());
    // Prefixes of words, not of the middle of words.
    assert_eq!(search("tegration"), Vec::<String>::new());
    assert_eq!(search("integration"), ["3", "3.1"]);
}

#[test]
fn find_with_danish_letters_spelt_out() {
    assert_eq!(search("aeldre"), ["2", "2.1"]);
    assert_eq!(search("AEldre"), ["2", "2.1"]);
    assert_eq!(search("aabne"), ["2.1"]);
    assert_eq!(search("oekonomisk"), ["2.2"]);
    assert_eq!(search("hoeres"), ["3.1"]);
    assert_eq!(search("hør"), ["3.1"]);
    // Both spellings of the city find each other.
    assert_eq!(search("århus"), ["3.2"]);
    assert_eq!(search("aarhus"), ["3.2"]);
}

#[test]
fn find_ranks_whole_words_first() {
    // "borger" is a whole word in 3.10 (and 2.1 has "borgere"): whole words first, then
    // document order.
    assert_eq!(search("borger"), ["3.10", "1.1", "1.2", "2.1"]);
    assert_eq!(search("borger alle"), ["1.1"]);
}

#[test]
fn find_limit_and_empty_query() {
    let blocks = policy();
    assert_eq!(find_blocks(&blocks, "", 3), [0, 1, 2]);
    assert_eq!(find_blocks(&blocks, "  ", 3), [0, 1, 2]);
    assert_eq!(find_blocks(&blocks, "§", 2), [0, 1]);
    assert_eq!(find_blocks(&blocks, "", 100).len(), blocks.len());
    assert_eq!(
        numbers(&blocks, &find_blocks(&blocks, "3", 2)),
        ["3", "3.1"]
    );
    assert_eq!(
        numbers(&blocks, &find_blocks(&blocks, "borger", 1)),
        ["3.10"]
    );
    assert!(find_blocks(&blocks, "borger", 0).is_empty());
    assert!(find_blocks(&[], "borger", 5).is_empty());
    assert!(find_blocks(&[], "", 5).is_empty());
}

#[test]
fn find_is_fast_enough_for_every_keystroke() {
    let words = [
        "borgere",
        "ældre",
        "frivillige",
        "foreninger",
        "støtte",
        "kommunen",
        "tilbud",
        "åbne",
        "sundhed",
        "integration",
        "dialog",
        "møder",
        "høres",
        "forslag",
    ];
    let blocks: Vec<(String, String)> = (0..500)
        .map(|i| {
            let text: Vec<&str> = (0..40)
                .map(|j| words[(i * 7 + j * 3) % words.len()])
                .collect();
            (format!("{}.{}", i / 20 + 1, i % 20 + 1), text.join(" "))
        })
        .collect();
    let queries = [
        "ældre",
        "aeldre støt",
        "frivillige foreninger",
        "x",
        "3",
        "§ 12.4",
        "hør",
        "åbne",
        "dialog møder kommunen",
        "zzz",
    ];
    let start = std::time::Instant::now();
    for q in queries {
        let _ = find_blocks(&blocks, q, 10);
    }
    let per_query = start.elapsed() / 10;
    // Unoptimised test builds on a busy machine are far slower than the browser's release
    // build; this only catches an accidental blow-up.
    assert!(
        per_query < std::time::Duration::from_millis(50),
        "{per_query:?}"
    );
}

// ---- properties ----

fn block_strategy() -> impl Strategy<Value = Vec<(String, String)>> {
    prop::collection::vec(
        (
            (1u32..6, 1u32..6, prop::option::of(1u32..4)),
            prop::collection::vec(
                prop::sample::select(vec![
                    "ældre", "Aarhus", "Århus", "støtte", "borger", "borgere", "Øst", "og", "3",
                    "mødet",
                ]),
                0..8,
            ),
        ),
        0..30,
    )
    .prop_map(|blocks| {
        blocks
            .into_iter()
            .map(|((s, p, i), words)| {
                let number = match i {
                    Some(i) => format!("{s}.{p}.{i}"),
                    None => format!("{s}.{p}"),
                };
                (number, words.join(", "))
            })
            .collect()
    })
}

proptest! {
    #[test]
    fn find_returns_distinct_valid_indexes_within_the_limit(
        blocks in block_strategy(),
        query in "[ §.0-9a-zæøåA-ZÆØÅ]{0,12}",
        limit in 0usize..10,
    ) {
        let found = find_blocks(&blocks, &query, limit);
        prop_assert!(found.len() <= limit);
        prop_assert!(found.iter().all(|&i| i < blocks.len()));
        let distinct: std::collections::BTreeSet<_> = found.iter().collect();
        prop_assert_eq!(distinct.len(), found.len());
    }

    #[test]
    fn a_block_number_finds_that_block_first(blocks in block_strategy(), pick in any::<prop::sample::Index>()) {
        prop_assume!(!blocks.is_empty());
        let i = pick.index(blocks.len());
        let first = blocks.iter().position(|(n, _)| *n == blocks[i].0);
        let query = format!("§ {}", blocks[i].0);
        prop_assert_eq!(find_blocks(&blocks, &query, 5).first().copied(), first);
    }

    #[test]
    fn a_word_of_a_block_finds_it_in_any_spelling(blocks in block_strategy(), pick in any::<prop::sample::Index>()) {
        prop_assume!(!blocks.is_empty());
        let i = pick.index(blocks.len());
        if let Some(word) = blocks[i].1.split(", ").next().filter(|w| !w.is_empty()) {
            let spelt = word
                .to_lowercase()
                .replace('æ', "ae")
                .replace('ø', "oe")
                .replace('å', "aa");
            for query in [word.to_owned(), word.to_uppercase(), spelt] {
                let found = find_blocks(&blocks, &query, usize::MAX);
                // A digit word is a block number first; otherwise the block is found.
                if word != "3" {
                    prop_assert!(found.contains(&i), "{query:?} {found:?}");
                }
            }
        }
    }

    #[test]
    fn every_wall_clock_time_parses_as_typed(hour in 0i8..24, minute in 0i8..60) {
        for typed in [
            format!("{hour}:{minute:02}"),
            format!("{hour:02}:{minute:02}"),
            format!("{hour:02}.{minute:02}"),
            format!("kl. {hour}.{minute:02}"),
        ] {
            prop_assert_eq!(parse_time(&typed), Some((hour, minute)));
        }
    }

    #[test]
    fn a_new_signup_is_seated_exactly_when_a_seat_is_free(capacity in 0u32..50, seated in 0u32..60) {
        let free = seats_free(capacity, seated);
        prop_assert_eq!(status_for_new(capacity, seated) == SignupStatus::Seated, free > 0);
        prop_assert!(free <= capacity);
        prop_assert_eq!(free, capacity - seated.min(capacity));
    }

    #[test]
    fn attendance_adds_up(rows in prop::collection::vec((0usize..6, any::<bool>()), 0..40)) {
        let rows: Vec<_> = rows.into_iter().map(|(g, a)| (ParticipantGroup::ALL[g], a)).collect();
        let counts = attendance_by_group(rows.iter().copied());
        let signed: u32 = counts.iter().map(|c| c.signed_up).sum();
        let attended: u32 = counts.iter().map(|c| c.attended).sum();
        prop_assert_eq!(signed as usize, rows.len());
        prop_assert_eq!(attended as usize, rows.iter().filter(|(_, a)| *a).count());
        prop_assert!(counts.windows(2).all(|w| w[0].group < w[1].group));
        prop_assert!(counts.iter().all(|c| c.signed_up > 0 && c.attended <= c.signed_up));
    }
}

#[test]
fn error_maps_are_btreemaps_of_strings() {
    // The forms look errors up by field name; the type is part of the API.
    let e: BTreeMap<String, String> = MeetingFields::default().parse().unwrap_err();
    assert_eq!(e.get("title").map(String::as_str), Some("required"));
}
