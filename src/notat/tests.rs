use jiff::civil::date;
use proptest::prelude::*;

use super::fixture::{self, point, respondent};
use super::*;
use crate::privacy::REDACTED;
use crate::response::{FieldError, Publication, SenderKind};
use crate::text::DiffOp;

const AUTHOR: i64 = 1;
const REVIEWER: i64 = 2;

fn content(text: &str, outcome: Outcome) -> RemarkContent {
    RemarkContent {
        text: RemarkText::parse(text).unwrap(),
        outcome,
    }
}

fn draft(text: &str) -> Remark {
    Remark::draft(
        RemarkTarget::Response(10),
        content(text, Outcome::NoChange),
        AUTHOR,
    )
}

fn published(text: &str, outcome: Outcome) -> Remark {
    let r = Remark::draft(RemarkTarget::Response(10), content(text, outcome), AUTHOR);
    let r = approve(&r, REVIEWER, 100).unwrap();
    publish_all(&[r], 200).unwrap().remove(0)
}

// --- Outcome and text ---

#[test]
fn outcome_labels_and_serde() {
    let change = Outcome::Change {
        version: 2,
        block: "3.2".into(),
    };
    assert_eq!(
        serde_json::to_string(&change).unwrap(),
        r#"{"code":"change","version":2,"block":"3.2"}"#
    );
    assert_eq!(
        serde_json::to_string(&Outcome::NoChange).unwrap(),
        r#"{"code":"no_change"}"#
    );
    for o in [change, Outcome::NoChange, Outcome::Noted] {
        assert!(Outcome::CODES.contains(&o.code()));
        let back: Outcome = serde_json::from_str(&serde_json::to_string(&o).unwrap()).unwrap();
        assert_eq!(back, o);
    }
}

#[test]
fn remark_and_target_round_trip_through_serde() {
    let r = Remark::draft(
        RemarkTarget::Passage {
            response: 4,
            start: 0,
            end: 5,
        },
        content("Svar", Outcome::Noted),
        AUTHOR,
    );
    let back: Remark = serde_json::from_str(&serde_json::to_string(&r).unwrap()).unwrap();
    assert_eq!(back, r);
    let group = RemarkTarget::Group(vec![3, 4, 3]);
    assert_eq!(group.responses(), vec![3, 4]);
    // An empty text does not deserialise.
    assert!(serde_json::from_str::<RemarkText>(r#""  ""#).is_err());
}

#[test]
fn remark_text_is_trimmed_required_and_bounded() {
    assert_eq!(
        RemarkText::parse("  Tak for svaret.\r\n ")
            .unwrap()
            .as_str(),
        "Tak for svaret."
    );
    assert_eq!(RemarkText::parse(" \n "), Err(FieldError::Required));
    assert!(RemarkText::parse(&"æ".repeat(RemarkText::MAX_CHARS)).is_ok());
    assert_eq!(
        RemarkText::parse(&"æ".repeat(RemarkText::MAX_CHARS + 1)),
        Err(FieldError::TooLong { max: 10_000 })
    );
}

// --- Approval, editing, publishing ---

#[test]
fn a_second_clerk_approves() {
    let r = approve(&draft("Svar"), REVIEWER, 50).unwrap();
    assert_eq!(
        r.state,
        RemarkState::Approved {
            by: REVIEWER,
            at: 50
        }
    );
    // Approving again keeps the first approval.
    assert_eq!(approve(&r, 3, 60).unwrap(), r);
}

#[test]
fn the_author_cannot_approve_their_own() {
    let err = approve(&draft("Svar"), AUTHOR, 50).unwrap_err();
    assert_eq!(err, ApproveRefusal::OwnRemark);
    assert_eq!(err.code(), "own_remark");
}

#[test]
fn a_published_remark_cannot_be_approved_again() {
    let p = published("Svar", Outcome::Noted);
    assert_eq!(approve(&p, 3, 300), Err(ApproveRefusal::Published));
    assert_eq!(ApproveRefusal::Published.code(), "published");
}

fn framing(section: &str, summary: &str) -> PointFraming {
    PointFraming {
        section: section.into(),
        summary: summary.into(),
    }
}

/// An edit keeping the framing "3", "Sagt".
fn edit_content(
    remark: &Remark,
    editor: i64,
    content: RemarkContent,
) -> Result<Edited, EditRefusal> {
    let same = framing("3", "Sagt");
    edit(remark, &same, editor, content, &same)
}

#[test]
fn editing_an_approved_remark_returns_it_to_draft() {
    let approved = approve(&draft("Svar"), REVIEWER, 50).unwrap();
    let edited = edit_content(&approved, REVIEWER, content("Nyt svar", Outcome::Noted)).unwrap();
    assert_eq!(
        edited.changed,
        vec![RemarkField::Text, RemarkField::Outcome]
    );
    let edited = edited.remark;
    assert_eq!(edited.state, RemarkState::Draft);
    assert_eq!(edited.text.as_str(), "Nyt svar");
    assert_eq!(edited.outcome, Outcome::Noted);
    // The editor wrote the text now standing: they may not approve it; the first author may.
    assert_eq!(edited.author, REVIEWER);
    assert_eq!(
        approve(&edited, REVIEWER, 60),
        Err(ApproveRefusal::OwnRemark)
    );
    assert!(approve(&edited, AUTHOR, 60).is_ok());
}

#[test]
fn saving_the_same_content_keeps_the_approval() {
    let approved = approve(&draft("Svar"), REVIEWER, 50).unwrap();
    let same = edit(
        &approved,
        &framing("3", "Sagt"),
        3,
        content("  Svar ", Outcome::NoChange),
        &framing(" 3", "Sagt\n"),
    )
    .unwrap();
    assert_eq!(same.remark, approved);
    assert!(same.changed.is_empty());
    // A changed outcome alone is an edit.
    let other = edit_content(&approved, 3, content("Svar", Outcome::Noted)).unwrap();
    assert_eq!(other.remark.state, RemarkState::Draft);
    assert_eq!(other.changed, vec![RemarkField::Outcome]);
}

/// Four eyes read what is published under a point: its summary and section too.
#[test]
fn a_changed_summary_or_section_returns_an_approved_remark_to_draft() {
    let approved = approve(&draft("Svar"), REVIEWER, 50).unwrap();
    let before = framing("3", "Borgeren ønsker flere sprogcaféer.");
    for (after, field) in [
        (
            framing("3", "Borgeren ønsker færre sprogcaféer."),
            RemarkField::Summary,
        ),
        (
            framing("4", "Borgeren ønsker flere sprogcaféer."),
            RemarkField::Section,
        ),
    ] {
        let edited = edit(
            &approved,
            &before,
            AUTHOR,
            content("Svar", Outcome::NoChange),
            &after,
        )
        .unwrap();
        assert_eq!(edited.changed, vec![field]);
        assert_eq!(edited.remark.state, RemarkState::Draft);
        assert_eq!(edited.remark.author, AUTHOR);
        // The author changed it: another clerk must approve it again.
        assert_eq!(
            approve(&edited.remark, AUTHOR, 60),
            Err(ApproveRefusal::OwnRemark)
        );
    }
    // Another changed block of a `change` outcome is a change of its own kind.
    let change = |block: &str| Outcome::Change {
        version: 2,
        block: block.into(),
    };
    let approved = approve(
        &Remark::draft(
            RemarkTarget::Response(10),
            content("Svar", change("3.1")),
            AUTHOR,
        ),
        REVIEWER,
        50,
    )
    .unwrap();
    let moved = edit_content(&approved, REVIEWER, content("Svar", change("3.2"))).unwrap();
    assert_eq!(moved.changed, vec![RemarkField::Change]);
    assert_eq!(
        RemarkField::Change.code(),
        "change",
        "the journal records field codes"
    );
}

#[test]
fn a_published_remark_cannot_be_edited() {
    let p = published("Svar", Outcome::Noted);
    let err = edit_content(&p, AUTHOR, content("Andet", Outcome::Noted)).unwrap_err();
    assert_eq!(err, EditRefusal::Published);
    assert_eq!(err.code(), "published");
}

#[test]
fn publish_all_refuses_listing_the_drafts() {
    let a = approve(&draft("A"), REVIEWER, 10).unwrap();
    let b = draft("B");
    let c = approve(&draft("C"), REVIEWER, 10).unwrap();
    let d = draft("D");
    let err = publish_all(&[a, b, c, d], 20).unwrap_err();
    assert_eq!(err, PublishRefusal::Unapproved { drafts: vec![1, 3] });
    assert_eq!(err.code(), "unapproved");
}

#[test]
fn publish_all_publishes_every_remark_at_once() {
    let a = approve(&draft("A"), REVIEWER, 10).unwrap();
    let earlier = published("B", Outcome::Noted);
    let out = publish_all(&[a, earlier], 20).unwrap();
    assert_eq!(out[0].state, RemarkState::Published { at: 20 });
    assert_eq!(out[1].state, RemarkState::Published { at: 200 });
    assert!(publish_all(&[], 20).unwrap().is_empty());
}

// --- The form ---

fn fields(text: &str, outcome: &str, version: &str, block: &str) -> RemarkFields {
    RemarkFields {
        text: text.into(),
        outcome: outcome.into(),
        version: version.into(),
        block: block.into(),
    }
}

fn errors(pairs: &[(&str, &str)]) -> NotatErrors {
    pairs
        .iter()
        .map(|(f, c)| (f.to_string(), c.to_string()))
        .collect()
}

#[test]
fn remark_fields_parse_valid_forms() {
    let c = fields(" Tak. ", "change", "2", "§ 3.2").parse().unwrap();
    assert_eq!(c.text.as_str(), "Tak.");
    assert_eq!(
        c.outcome,
        Outcome::Change {
            version: 2,
            block: "3.2".into()
        }
    );
    // Version and block are not read for the other outcomes.
    let n = fields("Tak.", "noted", "x", "?").parse().unwrap();
    assert_eq!(n.outcome, Outcome::Noted);
    let n = fields("Tak.", "no_change", "", "").parse().unwrap();
    assert_eq!(n.outcome, Outcome::NoChange);
}

#[test]
fn remark_fields_report_every_mistake() {
    let too_long = "a".repeat(10_001);
    /// Text, outcome, version and block typed, and the errors they get.
    type Case<'a> = (&'a str, &'a str, &'a str, &'a str, &'a [(&'a str, &'a str)]);
    #[rustfmt::skip]
    let cases: [Case; 6] = [
        ("", "", "", "", &[("outcome", "required"), ("text", "required")]),
        ("Tak", "maybe", "", "", &[("outcome", "invalid")]),
        ("Tak", "change", "", "", &[("block", "required"), ("version", "required")]),
        ("Tak", "change", "0", "3.2", &[("version", "invalid")]),
        ("Tak", "change", "+2", "abc", &[("block", "invalid"), ("version", "invalid")]),
        (&too_long, "noted", "", "", &[("text", "too_long")]),
    ];
    for (text, outcome, version, block, expected) in cases {
        assert_eq!(
            fields(text, outcome, version, block).parse(),
            Err(errors(expected)),
            "{outcome:?} {version:?} {block:?}"
        );
    }
}

// --- The outline ---

/// [`input`] with two more responses, 8 and 9, from Frida, a private person, sent with
/// `publication`: no point answers them.
fn input_with_frida_twice(publication: Publication) -> NotatInput {
    let mut input = input();
    for id in [8, 9] {
        let frida = respondent(
            id,
            SenderKind::Private,
            Some("Frida"),
            None,
            publication,
            &[],
        );
        input.responses.push(frida);
    }
    input
}

fn input() -> NotatInput {
    use crate::response::Publication::{Anonymous, NotPublished, WithName};
    use crate::response::SenderKind::{Association, Company, Private};
    NotatInput {
        hearing: HearingInfo {
            title: "Integrationspolitik 2026".into(),
            opens: date(2026, 3, 2),
            closes: date(2026, 3, 30),
            announced: "På kommunens hjemmeside".into(),
            case_number: String::new(),
        },
        parties: fixture::parties(),
        responses: fixture::respondents(&[
            (Private, Some("Anna Jensen"), None, WithName, &["3"]),
            (
                Association,
                Some("Bo Hansen"),
                Some("Ældre Sagen"),
                WithName,
                &[],
            ),
            (Private, Some("Carl"), None, Anonymous, &["2", "3"]),
            (Company, Some("Dora"), Some("Firma ApS"), Anonymous, &["2"]),
            (Private, Some("Eva"), None, NotPublished, &["3"]),
        ])
        .into_iter()
        // Two private persons who send the same without a name: the group of the second point.
        .chain([6, 7].map(|id| {
            respondent(
                id,
                SenderKind::Private,
                None,
                None,
                Publication::WithName,
                &["3"],
            )
        }))
        .collect(),
        sections: fixture::sections(&[("2", "Bolig"), ("3", "Arbejde")]),
        points: vec![
            point(
                Some("3"),
                "Ønsker flere praktikpladser.",
                RemarkTarget::Response(1),
                Some(published("Praktikpladser indgår i § 3.", Outcome::Noted)),
            ),
            point(
                Some("3"),
                "Enslydende ønske om længere frist.",
                RemarkTarget::Group(vec![6, 7]),
                Some(draft("Ikke godkendt endnu")),
            ),
            point(
                None,
                "Politikken er for lang.",
                RemarkTarget::Response(2),
                None,
            ),
            point(
                Some("2"),
                "Boligsociale tiltag mangler.",
                RemarkTarget::Passage {
                    response: 3,
                    start: 0,
                    end: 4,
                },
                Some(approve(&draft("Godkendt, ikke offentliggjort"), REVIEWER, 5).unwrap()),
            ),
            point(
                Some("2"),
                "Virksomheder vil høres.",
                RemarkTarget::Response(4),
                None,
            ),
            point(Some("3"), "Privat.", RemarkTarget::Response(5), None),
        ],
        meetings: vec![MeetingInput {
            meeting: "Borgermøde i Hedehusene".into(),
            held: date(2026, 3, 12),
            said: "Fokus på sprogundervisning.".into(),
            remark: None,
        }],
        councils: vec![CouncilInput {
            council: "Integrationsrådet".into(),
            said: "Rådet støtter udkastet.".into(),
            remark: Some(published(
                "Rådets svar er indarbejdet.",
                Outcome::Change {
                    version: 2,
                    block: "3.1".into(),
                },
            )),
        }],
        changes: vec![BlockChanges {
            block: "3.1".into(),
            ops: vec![
                DiffOp::Equal("Vi vil ".into()),
                DiffOp::Insert("gerne ".into()),
                DiffOp::Equal("styrke".into()),
            ],
        }],
        ..NotatInput::default()
    }
}

fn section<'a>(notat: &'a Notat, heading: &str) -> &'a NotatSection {
    notat
        .sections
        .iter()
        .find(|s| s.heading == heading)
        .unwrap()
}

fn points(section: &NotatSection) -> Vec<&PointItem> {
    section
        .items
        .iter()
        .filter_map(|i| match i {
            NotatItem::Point(point) => Some(point),
            _ => None,
        })
        .collect()
}

/// The notat's words as the app's Danish catalogue has them; the core only places them.
fn words() -> OutlineWords {
    let s = |t: &str| t.to_owned();
    OutlineWords {
        notat: s("Høringsnotat"),
        case_number: s("Sagsnummer"),
        respondents: s("Høringssvar modtaget fra"),
        consultee_mark: s("høringspart"),
        attachments: s("bilag"),
        tag_header: [s("Tema"), s("Antal høringssvar")],
        set_aside: s("Høringssvar uden bemærkning"),
        set_aside_header: [s("Afsender"), s("Begrundelse")],
        recommendation: s("Administrationens indstilling"),
        set_aside_reason: Box::new(|reason| {
            match reason {
                SetAsideReason::NotRelevant => "Ikke relevant for politikken",
                SetAsideReason::NoComments => "Ingen bemærkninger til forslaget",
                SetAsideReason::Repeats => "Gentager punkter, der er besvaret ovenfor",
                SetAsideReason::Withheld => "Tilbageholdt efter retningslinjerne for høringssvar",
            }
            .to_owned()
        }),
        hearing: s("Høringen"),
        subject: s("Emne"),
        period: s("Høringsperiode"),
        announced: s("Annonceret"),
        response_count: s("Antal høringssvar"),
        consultees: s("Høringsliste"),
        consultee_header: [s("Part"), s("Type"), s("Svar")],
        answered: s("Har afgivet høringssvar"),
        declined: s("Ingen bemærkninger"),
        no_answer: s("Intet svar"),
        no_parties: s("Høringen er ikke sendt til parter på en høringsliste."),
        summary: s("Sammenfatning"),
        kind_header: [s("Afsender"), s("Antal høringssvar")],
        section_header: [s("Afsnit"), s("Antal høringssvar")],
        total: s("I alt"),
        whole_draft: s("Udkastet som helhed"),
        points: s("Høringssvar og bemærkninger"),
        no_points: s("Der er ikke modtaget høringssvar."),
        campaign: s("Kampagne"),
        identical: Box::new(|n| format!("{n} enslydende svar")),
        anonymous_private: s("Anonym privatperson"),
        not_published: s("Afsender ikke offentliggjort"),
        meetings: s("Input fra dialogmøder"),
        no_meetings: s("Der er ikke holdt dialogmøder i høringen."),
        councils: s("Rådenes høringssvar"),
        no_councils: s("Der er ikke modtaget høringssvar fra rådene."),
        changes: s("Ændringer i udkastet"),
        no_changes: s("Udkastet er ikke ændret efter høringen."),
        private_person: s("Privatperson"),
        party_kind: Box::new(|kind| crate::consultees::tests::danish_label(kind).to_owned()),
        long_date: Box::new(|day| {
            const MONTHS: [&str; 12] = [
                "januar",
                "februar",
                "marts",
                "april",
                "maj",
                "juni",
                "juli",
                "august",
                "september",
                "oktober",
                "november",
                "december",
            ];
            let month = MONTHS[usize::from(day.month().unsigned_abs()) - 1];
            format!("{}. {month} {}", day.day(), day.year())
        }),
    }
}

#[test]
fn the_sections_come_in_the_national_order() {
    let notat = outline(&input(), &words());
    assert_eq!(notat.title, "Høringsnotat: Integrationspolitik 2026");
    let headings: Vec<&str> = notat.sections.iter().map(|s| s.heading.as_str()).collect();
    assert_eq!(
        headings,
        [
            "Høringen",
            "Høringssvar modtaget fra",
            "Høringsliste",
            "Sammenfatning",
            "Høringssvar og bemærkninger",
            "Input fra dialogmøder",
            "Rådenes høringssvar",
            "Ændringer i udkastet",
        ]
    );
    // The respondents are section 1.2, under the hearing.
    let levels: Vec<u8> = notat.sections.iter().map(|s| s.level).collect();
    assert_eq!(levels, [1, 2, 1, 1, 1, 1, 1, 1]);

    // With responses set aside and a recommendation, both get a section of their own, the
    // recommendation last, as the politicians read it before they decide.
    let mut full = input();
    full.set_aside = vec![SetAside {
        response: 7,
        reason: SetAsideReason::NotRelevant,
    }];
    full.recommendation = "Administrationen indstiller, at politikken vedtages.".into();
    let notat = outline(&full, &words());
    let headings: Vec<&str> = notat.sections.iter().map(|s| s.heading.as_str()).collect();
    assert_eq!(headings[5], "Høringssvar uden bemærkning");
    assert_eq!(headings.last(), Some(&"Administrationens indstilling"));
}

fn list_of(section: &NotatSection) -> Vec<&str> {
    match section.items.as_slice() {
        [NotatItem::List(lines)] => lines.iter().map(String::as_str).collect(),
        other => panic!("a list expected: {other:?}"),
    }
}

#[test]
fn every_respondent_is_listed_as_consent_allows_alphabetically_with_parties_marked() {
    // Two more anonymous private persons: one line with their number.
    let input = input_with_frida_twice(Publication::Anonymous);
    let notat = outline(&input, &words());
    assert_eq!(
        list_of(section(&notat, "Høringssvar modtaget fra")),
        [
            "Afsender ikke offentliggjort",
            "Anna Jensen",
            "Anonym privatperson (5)",
            "Bo Hansen, Ældre Sagen (høringspart)",
            "Virksomhed",
        ],
        "named, anonymous by kind, never a withheld name"
    );
    // Every response is on the list once: the counts add up.
    let counted: usize = list_of(section(&notat, "Høringssvar modtaget fra"))
        .iter()
        .map(|l| {
            l.rsplit_once(" (")
                .and_then(|(_, n)| n.trim_end_matches(')').parse().ok())
                .unwrap_or(1)
        })
        .sum();
    assert_eq!(counted, input.responses.len());
}

#[test]
fn a_respondent_s_files_are_listed_by_name_only_when_they_published_their_name() {
    let mut input = input();
    let mut named = respondent(
        10,
        SenderKind::Association,
        Some("Jonas Berg"),
        Some("Roskilde Lektiecafé"),
        Publication::WithName,
        &[],
    );
    named.attachments = vec!["Høringssvar.pdf".into(), "Bilag 1.pdf".into()];
    let mut anonymous = respondent(
        11,
        SenderKind::Private,
        Some("Ida"),
        None,
        Publication::Anonymous,
        &[],
    );
    anonymous.attachments = vec!["Ida Holm - brev.pdf".into()];
    input.responses.extend([named, anonymous]);
    let notat = outline(&input, &words());
    let list = list_of(section(&notat, "Høringssvar modtaget fra"));
    assert!(
        list.contains(&"Jonas Berg, Roskilde Lektiecafé – bilag: Høringssvar.pdf, Bilag 1.pdf"),
        "{list:?}"
    );
    assert!(!list.iter().any(|l| l.contains("Ida")), "{list:?}");
}

#[test]
fn the_case_number_comes_first_and_the_clerks_summary_opens_the_summary() {
    let mut input = input();
    input.hearing.case_number = "24/1234".into();
    input.written_summary =
        "Mange svar handler om sprog.\r\n\r\nFlere ønsker aftenundervisning; ring 23 45 67 89."
            .into();
    input.tag_counts = vec![
        ("Bolig".into(), 2),
        ("Sprog".into(), 5),
        ("Arbejde".into(), 2),
    ];
    let notat = outline(&input, &words());
    let NotatItem::Facts(facts) = &section(&notat, "Høringen").items[0] else {
        panic!("facts expected");
    };
    assert_eq!(facts[0], ("Sagsnummer".to_owned(), "24/1234".to_owned()));
    let summary = &section(&notat, "Sammenfatning").items;
    assert_eq!(
        summary[0],
        NotatItem::Paragraph("Mange svar handler om sprog.".into())
    );
    let NotatItem::Paragraph(second) = &summary[1] else {
        panic!("a second paragraph");
    };
    assert!(
        !second.contains("23 45 67 89"),
        "a phone number typed by a clerk is redacted"
    );
    let NotatItem::Table { header, rows } = &summary[2] else {
        panic!("the themes' table");
    };
    assert_eq!(header[0], "Tema");
    let rows: Vec<(&str, &str)> = rows
        .iter()
        .map(|r| (r[0].as_str(), r[1].as_str()))
        .collect();
    assert_eq!(rows, [("Sprog", "5"), ("Arbejde", "2"), ("Bolig", "2")]);
}

#[test]
fn set_aside_responses_are_listed_with_their_reason_and_withheld_ones_name_nobody() {
    let mut input = input();
    input.set_aside = vec![
        SetAside {
            response: 1,
            reason: SetAsideReason::NoComments,
        },
        SetAside {
            response: 2,
            reason: SetAsideReason::Withheld,
        },
    ];
    let notat = outline(&input, &words());
    let NotatItem::Table { rows, .. } = &section(&notat, "Høringssvar uden bemærkning").items[0]
    else {
        panic!("a table");
    };
    assert_eq!(
        rows,
        &[
            vec![
                "Anna Jensen".to_owned(),
                "Ingen bemærkninger til forslaget".to_owned()
            ],
            vec![
                "Afsender ikke offentliggjort".to_owned(),
                "Tilbageholdt efter retningslinjerne for høringssvar".to_owned()
            ],
        ]
    );
}

#[test]
fn unaccounted_responses_are_those_no_point_council_or_set_aside_covers() {
    // The fixture's points cover its seven responses (one by a passage, two as a campaign);
    // two more arrive that no point answers.
    let mut input = input_with_frida_twice(Publication::WithName);
    let all: Vec<i64> = input.responses.iter().map(|r| r.id).collect();
    let answered: Vec<RemarkTarget> = input.points.iter().map(|p| p.target.clone()).collect();
    assert_eq!(unaccounted(&all, &answered, &[], &[]), [8, 9]);
    // A council's response is accounted for among the councils.
    assert_eq!(unaccounted(&all, &answered, &[], &[8]), [9]);
    // Setting the rest aside accounts for every response.
    input.set_aside = vec![SetAside {
        response: 9,
        reason: SetAsideReason::Repeats,
    }];
    assert!(unaccounted(&all, &answered, &input.set_aside, &[8]).is_empty());
    // Without its points, a campaign's members are open again.
    assert_eq!(
        unaccounted(&all, &answered[2..], &input.set_aside, &[8]),
        [1, 6, 7]
    );
    assert_eq!(
        SetAsideReason::parse(" repeats"),
        Some(SetAsideReason::Repeats)
    );
    assert_eq!(
        SetAsideReason::parse("withheld"),
        None,
        "moderation withholds, not a clerk"
    );
}

#[test]
fn the_hearing_section_states_the_facts() {
    let notat = outline(&input(), &words());
    let NotatItem::Facts(facts) = &section(&notat, "Høringen").items[0] else {
        panic!("facts expected");
    };
    let facts: Vec<(&str, &str)> = facts
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    assert_eq!(
        facts,
        [
            ("Emne", "Integrationspolitik 2026"),
            ("Høringsperiode", "2. marts 2026 – 30. marts 2026"),
            ("Annonceret", "På kommunens hjemmeside"),
            ("Antal høringssvar", "7"),
        ]
    );
}

#[test]
fn the_list_of_consultees_is_in_danish_order_with_answers() {
    let notat = outline(&input(), &words());
    let NotatItem::Table { header, rows } = &section(&notat, "Høringsliste").items[0] else {
        panic!("table expected");
    };
    assert_eq!(header, &["Part", "Type", "Svar"]);
    let names: Vec<&str> = rows.iter().map(|r| r[0].as_str()).collect();
    // Æ after Z; "Aa" sorts as Å, last.
    assert_eq!(
        names,
        [
            "Børnerådet",
            "Dansk Flygtningehjælp",
            "Zonta",
            "Ældre Sagen",
            "Aarhus Stift"
        ]
    );
    let answers: Vec<&str> = rows.iter().map(|r| r[2].as_str()).collect();
    assert_eq!(
        answers,
        [
            "Har afgivet høringssvar",
            "Intet svar",
            "Ingen bemærkninger",
            "Har afgivet høringssvar",
            "Intet svar"
        ]
    );
    assert_eq!(rows[0][1], "Forening/organisation");
}

#[test]
fn the_summary_counts_by_kind_and_by_section() {
    let notat = outline(&input(), &words());
    let tables: Vec<&Vec<Vec<String>>> = section(&notat, "Sammenfatning")
        .items
        .iter()
        .filter_map(|i| match i {
            NotatItem::Table { rows, .. } => Some(rows),
            _ => None,
        })
        .collect();
    let row = |r: &[&str]| r.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    assert_eq!(
        tables[0],
        &vec![
            row(&["Privatperson", "5"]),
            row(&["Virksomhed", "1"]),
            row(&["Forening/organisation", "1"]),
            row(&["I alt", "7"]),
        ]
    );
    assert_eq!(
        tables[1],
        &vec![
            row(&["Udkastet som helhed", "1"]),
            row(&["2 Bolig", "2"]),
            row(&["3 Arbejde", "5"]),
        ]
    );
}

#[test]
fn points_follow_the_draft_with_the_whole_draft_first() {
    let notat = outline(&input(), &words());
    let ps = points(section(&notat, "Høringssvar og bemærkninger"));
    let abouts: Vec<&str> = ps.iter().map(|p| p.about.as_str()).collect();
    assert_eq!(
        abouts,
        [
            "Udkastet som helhed",
            "2 Bolig",
            "2 Bolig",
            "3 Arbejde",
            "3 Arbejde",
            "3 Arbejde"
        ]
    );
    // Points on one section keep the order given.
    assert_eq!(ps[1].said, "Boligsociale tiltag mangler.");
    assert_eq!(ps[3].said, "Ønsker flere praktikpladser.");
}

#[test]
fn respondents_are_named_only_as_consent_allows() {
    let notat = outline(&input(), &words());
    let ps = points(section(&notat, "Høringssvar og bemærkninger"));
    let named = |said: &str| -> Vec<String> {
        ps.iter()
            .find(|p| p.said == said)
            .unwrap()
            .respondents
            .to_vec()
    };
    assert_eq!(named("Ønsker flere praktikpladser."), ["Anna Jensen"]);
    assert_eq!(named("Politikken er for lang."), ["Bo Hansen, Ældre Sagen"]);
    assert_eq!(
        named("Boligsociale tiltag mangler."),
        ["Anonym privatperson"]
    );
    assert_eq!(named("Virksomheder vil høres."), ["Virksomhed"]);
    assert_eq!(named("Privat."), ["Afsender ikke offentliggjort"]);
    let all = format!("{notat:?}");
    for hidden in ["Carl", "Dora", "Firma ApS", "Eva"] {
        assert!(!all.contains(hidden), "{hidden} must not be named");
    }
}

#[test]
fn an_unknown_respondent_is_not_named() {
    let mut i = input();
    i.points = vec![point(None, "Noget.", RemarkTarget::Response(99), None)];
    let notat = outline(&i, &words());
    let ps = points(section(&notat, "Høringssvar og bemærkninger"));
    assert_eq!(ps[0].respondents, ["Afsender ikke offentliggjort"]);
}

#[test]
fn a_campaign_is_one_line() {
    let notat = outline(&input(), &words());
    let ps = points(section(&notat, "Høringssvar og bemærkninger"));
    let campaign = ps
        .iter()
        .find(|p| p.said == "Enslydende ønske om længere frist.")
        .unwrap();
    assert_eq!(campaign.respondents, ["Kampagne: 2 enslydende svar"]);
}

#[test]
fn only_published_remarks_are_shown() {
    let notat = outline(&input(), &words());
    let ps = points(section(&notat, "Høringssvar og bemærkninger"));
    let shown: Vec<(&str, Option<&str>)> = ps
        .iter()
        .map(|p| (p.said.as_str(), p.remark.as_deref()))
        .collect();
    assert!(shown.contains(&(
        "Ønsker flere praktikpladser.",
        Some("Praktikpladser indgår i § 3.")
    )));
    assert!(shown.contains(&("Enslydende ønske om længere frist.", None)));
    assert!(shown.contains(&("Boligsociale tiltag mangler.", None)));
    let draft_point = ps
        .iter()
        .find(|p| p.said == "Boligsociale tiltag mangler.")
        .unwrap();
    assert_eq!(draft_point.outcome, None);
    let all = format!("{notat:?}");
    assert!(!all.contains("Ikke godkendt endnu"));
    assert!(!all.contains("Godkendt, ikke offentliggjort"));
}

#[test]
fn meetings_councils_and_changes_have_their_own_sections() {
    let notat = outline(&input(), &words());
    let m = points(section(&notat, "Input fra dialogmøder"));
    assert_eq!(m[0].about, "Borgermøde i Hedehusene, 12. marts 2026");
    assert!(m[0].respondents.is_empty());
    let c = points(section(&notat, "Rådenes høringssvar"));
    assert_eq!(c[0].respondents, ["Integrationsrådet"]);
    assert_eq!(c[0].remark.as_deref(), Some("Rådets svar er indarbejdet."));
    assert_eq!(c[0].outcome.as_ref().map(|o| o.code()), Some("change"));
    assert_eq!(
        section(&notat, "Ændringer i udkastet").items,
        vec![NotatItem::Diff {
            block: "3.1".into(),
            ops: input().changes[0].ops.clone()
        }]
    );
}

#[test]
fn empty_sections_say_so() {
    let mut i = input();
    i.parties.clear();
    i.points.clear();
    i.meetings.clear();
    i.councils.clear();
    i.changes.clear();
    let notat = outline(&i, &words());
    let points_at = notat
        .sections
        .iter()
        .position(|s| s.heading == "Høringssvar og bemærkninger")
        .unwrap();
    for s in &notat.sections[points_at..] {
        assert!(
            matches!(s.items.as_slice(), [NotatItem::Paragraph(_)]),
            "{}",
            s.heading
        );
    }
    assert!(matches!(
        section(&notat, "Høringsliste").items.as_slice(),
        [NotatItem::Paragraph(_)]
    ));
}

#[test]
fn no_email_or_phone_survives_into_the_notat() {
    let mut i = input();
    i.hearing.title = "Politik, spørgsmål til info@kommune.dk".into();
    i.points[0].said = "Skriv til anna.jensen@example.com eller ring 23 45 67 89.".into();
    i.points[0].remark = Some(published(
        "Vi har svaret på bo@firma.dk og 070707-1234.",
        Outcome::Noted,
    ));
    i.responses[0].name = Some("Anna anna@example.com".into());
    i.meetings[0].said = "Kontakt: 87654321".into();
    i.councils[0].council = "Rådet (raad@kommune.dk)".into();
    i.changes[0]
        .ops
        .push(DiffOp::Insert(" skriv til x@y.dk".into()));
    i.parties[0].organisation = "Ældre Sagen, post@aeldresagen.dk".into();
    let notat = outline(&i, &words());
    let all = format!("{notat:?}");
    for secret in [
        "info@kommune.dk",
        "anna.jensen@example.com",
        "23 45 67 89",
        "bo@firma.dk",
        "070707-1234",
        "anna@example.com",
        "87654321",
        "raad@kommune.dk",
        "x@y.dk",
        "post@aeldresagen.dk",
    ] {
        assert!(!all.contains(secret), "{secret} survived");
    }
    assert!(all.contains(REDACTED));
    let ps = points(section(&notat, "Høringssvar og bemærkninger"));
    let p = ps.iter().find(|p| p.about == "3 Arbejde").unwrap();
    assert_eq!(
        p.said,
        format!("Skriv til {REDACTED} eller ring {REDACTED}.")
    );
}

#[test]
fn the_notat_serialises() {
    let notat = outline(&input(), &words());
    let json = serde_json::to_string(&notat).unwrap();
    let back: Notat = serde_json::from_str(&json).unwrap();
    assert_eq!(back, notat);
    assert!(json.contains(r#""type":"point""#));
}

// --- Journal numbers ---

#[test]
fn journal_patterns_format() {
    let p = JournalPattern::parse("{case}-{n:04}").unwrap();
    assert_eq!(
        p.format("26.00.00-P20-3-25", 2025, 7),
        "26.00.00-P20-3-25-0007"
    );
    assert_eq!(p.format("1", 2025, 123_456), "1-123456");
    let p = JournalPattern::parse("H{year}/{n}").unwrap();
    assert_eq!(p.format("x", 2026, 42), "H2026/42");
    let p = JournalPattern::parse("{n:09}").unwrap();
    assert_eq!(p.format("", 2026, 5), "000000005");
    assert_eq!(p.to_string(), "{n:09}");
    let json = serde_json::to_string(&p).unwrap();
    assert_eq!(json, r#""{n:09}""#);
    assert_eq!(serde_json::from_str::<JournalPattern>(&json).unwrap(), p);
    assert!(serde_json::from_str::<JournalPattern>(r#""{x}""#).is_err());
}

#[test]
fn journal_pattern_errors() {
    use JournalPatternError as E;
    let cases = [
        ("", E::Empty),
        (
            "{case}-{nr}",
            E::UnknownPlaceholder {
                name: "nr".into(),
                at: 7,
            },
        ),
        (
            "{n:0}",
            E::UnknownPlaceholder {
                name: "n:0".into(),
                at: 0,
            },
        ),
        (
            "{n:10}",
            E::UnknownPlaceholder {
                name: "n:10".into(),
                at: 0,
            },
        ),
        (
            "{n:4}",
            E::UnknownPlaceholder {
                name: "n:4".into(),
                at: 0,
            },
        ),
        (
            "{}-{n}",
            E::UnknownPlaceholder {
                name: "".into(),
                at: 0,
            },
        ),
        ("{case-{n}", E::Unbalanced { at: 6 }),
        ("{case}-{n", E::Unbalanced { at: 7 }),
        ("case}-{n}", E::Unbalanced { at: 4 }),
        ("{case}-{year}", E::NoNumber),
    ];
    for (pattern, expected) in cases {
        assert_eq!(JournalPattern::parse(pattern), Err(expected), "{pattern}");
    }
    assert_eq!(E::NoNumber.code(), "no_number");
    assert_eq!(E::Unbalanced { at: 0 }.code(), "unbalanced");
    assert_eq!(
        E::UnknownPlaceholder {
            name: String::new(),
            at: 0
        }
        .code(),
        "unknown_placeholder"
    );
}

proptest! {
    #[test]
    fn journal_pattern_parse_never_panics(s in "\\PC*") {
        let _ = JournalPattern::parse(&s);
    }

    #[test]
    fn journal_pattern_parse_never_panics_on_brace_soup(s in "[{}n:0-9a-z-]{0,30}") {
        let _ = JournalPattern::parse(&s);
    }

    #[test]
    fn format_is_deterministic_and_pads_n(
        prefix in "[A-Za-z0-9.æøå -]{0,12}",
        width in 1usize..=9,
        case in "[0-9.A-Z-]{0,20}",
        year in 1900i16..2200,
        n in any::<u64>(),
    ) {
        let p = JournalPattern::parse(&format!("{prefix}{{case}}/{{n:0{width}}}")).unwrap();
        let a = p.format(&case, year, n);
        prop_assert_eq!(&a, &p.format(&case, year, n));
        let padded = format!("{n:0width$}");
        prop_assert!(padded.len() >= width);
        let tail = format!("/{padded}");
        prop_assert!(a.ends_with(&tail));
        prop_assert!(a.starts_with(&prefix));
    }
}

#[test]
fn target_kinds_and_stages_read_back_from_their_codes() {
    for kind in TargetKind::ALL {
        assert_eq!(TargetKind::parse(kind.code()), Some(kind));
    }
    for stage in RemarkStage::ALL {
        assert_eq!(RemarkStage::parse(stage.code()), Some(stage));
    }
    assert_eq!(TargetKind::parse("campaign"), None);
    assert_eq!(RemarkStage::parse("Draft"), None);
    assert_eq!(RemarkTarget::Group(vec![1, 2]).kind(), TargetKind::Group);
    let approved = RemarkState::Approved { by: 1, at: 2 };
    assert_eq!(approved.stage(), RemarkStage::Approved);
    assert_eq!(approved.code(), "approved");
}
