//! Tests of turning a posted høringssvar form into a submission.

use proptest::prelude::*;

use super::*;

fn valid_form() -> ResponseForm {
    ResponseForm {
        text: "Jeg savner noget om sprogundervisning for voksne.".into(),
        name: "Anna Jensen".into(),
        email: "anna@example.dk".into(),
        sender_kind: "private".into(),
        organisation: String::new(),
        publication: "with_name".into(),
        block: "3.4.1".into(),
    }
}

#[test]
fn a_private_response() {
    let s = ResponseSubmission::parse(&valid_form()).unwrap();
    assert_eq!(s.sender, Sender::Private);
    assert_eq!(s.publication, Publication::WithName);
    assert_eq!(s.block.map(|b| b.as_str()).as_deref(), Some("3.4.1"));
    assert_eq!(s.email.as_str(), "anna@example.dk");
}

#[test]
fn an_organisation_response_about_the_whole_draft() {
    let form = ResponseForm {
        sender_kind: "council".into(),
        organisation: " Integrationsrådet ".into(),
        publication: "anonymous".into(),
        block: "  ".into(),
        ..valid_form()
    };
    let s = ResponseSubmission::try_from(&form).unwrap();
    assert_eq!(s.sender.kind(), SenderKind::Council);
    assert_eq!(
        s.sender.organisation().map(|o| o.as_str()),
        Some("Integrationsrådet")
    );
    assert_eq!(s.block, None);
}

#[test]
fn private_senders_ignore_a_leftover_organisation() {
    let form = ResponseForm {
        organisation: "typed before switching to privatperson".into(),
        ..valid_form()
    };
    let s = ResponseSubmission::parse(&form).unwrap();
    assert_eq!(s.sender, Sender::Private);
    assert_eq!(s.to_form().organisation, "");
}

#[test]
fn organisation_required_for_every_other_kind() {
    for kind in &SenderKind::ALL[1..] {
        let form = ResponseForm {
            sender_kind: kind.as_str().into(),
            ..valid_form()
        };
        let errors = ResponseSubmission::parse(&form).unwrap_err();
        assert_eq!(errors.get(Field::Organisation), Some(&FieldError::Required));
        assert_eq!(errors.len(), 1);
    }
}

#[test]
fn all_errors_at_once() {
    let errors = ResponseSubmission::parse(&ResponseForm::default()).unwrap_err();
    let got: Vec<(Field, FieldError)> = errors.iter().collect();
    assert_eq!(
        got,
        [
            (Field::Text, FieldError::Required),
            (Field::Name, FieldError::Required),
            (Field::Email, FieldError::Required),
            (Field::SenderKind, FieldError::Required),
            (Field::Publication, FieldError::Required),
        ]
    );
    assert_eq!(errors.get(Field::Block), None);

    let form = ResponseForm {
        text: "x".repeat(ResponseText::MAX_CHARS + 1),
        name: "a\u{7}".into(),
        email: "nope".into(),
        sender_kind: "alien".into(),
        organisation: "o".repeat(201),
        publication: "maybe".into(),
        block: "2.x".into(),
    };
    let errors = ResponseSubmission::parse(&form).unwrap_err();
    assert_eq!(errors.len(), 7);
    assert_eq!(
        errors.get(Field::Text),
        Some(&FieldError::TooLong { max: 20_000 })
    );
    assert_eq!(errors.get(Field::Name), Some(&FieldError::Invalid));
    assert_eq!(errors.get(Field::Email), Some(&FieldError::Invalid));
    assert_eq!(errors.get(Field::SenderKind), Some(&FieldError::Invalid));
    assert_eq!(
        errors.get(Field::Organisation),
        Some(&FieldError::TooLong { max: 200 })
    );
    assert_eq!(errors.get(Field::Publication), Some(&FieldError::Invalid));
    assert_eq!(errors.get(Field::Block), Some(&FieldError::Invalid));
}

#[test]
fn field_codes_are_form_names() {
    let names: Vec<&str> = Field::ALL.iter().map(|f| f.as_str()).collect();
    assert_eq!(
        names,
        [
            "text",
            "name",
            "email",
            "sender_kind",
            "organisation",
            "publication",
            "block"
        ]
    );
}

#[test]
fn to_form_round_trips() {
    let form = ResponseForm {
        text: "  Linje 1\r\nLinje 2  ".into(),
        email: "Anna@Example.DK".into(),
        sender_kind: "work_council".into(),
        organisation: "MED-udvalget".into(),
        publication: "not_published".into(),
        block: "n1".into(),
        ..valid_form()
    };
    let s = ResponseSubmission::parse(&form).unwrap();
    assert_eq!(s.text.as_str(), "Linje 1\nLinje 2");
    assert_eq!(s.email.as_str(), "Anna@example.dk");
    assert_eq!(ResponseSubmission::parse(&s.to_form()), Ok(s));
}

fn field_value() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("private".to_owned()),
        Just("association".to_owned()),
        Just("with_name".to_owned()),
        Just("anonymous".to_owned()),
        Just("anna@example.dk".to_owned()),
        Just("2.3.1".to_owned()),
        Just("n1".to_owned()),
        Just("Anna Jensen".to_owned()),
        any::<String>(),
        "[ a-zA-Z0-9@.\n\r\t_-]{0,30}",
    ]
}

fn any_form() -> impl Strategy<Value = ResponseForm> {
    (
        field_value(),
        field_value(),
        field_value(),
        field_value(),
        field_value(),
        field_value(),
        field_value(),
    )
        .prop_map(
            |(text, name, email, sender_kind, organisation, publication, block)| ResponseForm {
                text,
                name,
                email,
                sender_kind,
                organisation,
                publication,
                block,
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1024, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn every_form_parses_or_says_why(form in any_form()) {
        match ResponseSubmission::parse(&form) {
            Ok(s) => {
                prop_assert_eq!(ResponseSubmission::parse(&s.to_form()), Ok(s.clone()));
                prop_assert!(s.text.char_count() <= ResponseText::MAX_CHARS);
            }
            Err(errors) => prop_assert!(!errors.is_empty()),
        }
    }
}

fn valid_form_strategy() -> impl Strategy<Value = ResponseForm> {
    (
        "[ \r\n]{0,2}[a-zæøåA-Z0-9][a-zæøå .,!?\r\n\t-]{0,60}",
        " ?[A-ZÆØÅ][a-zæøå]{0,12}( [A-ZÆØÅ][a-zæøå]{0,12}){0,2} ?",
        "[a-z0-9._+]{1,12}@[a-zA-Z0-9]{1,10}\\.[a-zA-Z]{2,4}",
        prop::sample::select(SenderKind::ALL.to_vec()),
        "[A-ZÆØÅ][a-zæøå -]{0,30}",
        prop::sample::select(Publication::ALL.to_vec()),
        prop_oneof![
            Just(String::new()),
            (0u32..20, 1u32..20).prop_map(|(s, p)| format!("{s}.{p}")),
            (0u32..20, 1u32..20, 1u32..9).prop_map(|(s, p, i)| format!("{s}.{p}.{i}")),
            (1u32..9).prop_map(|n| format!("n{n}")),
        ],
    )
        .prop_map(
            |(text, name, email, kind, organisation, publication, block)| ResponseForm {
                text,
                name,
                email,
                sender_kind: kind.as_str().to_owned(),
                organisation,
                publication: publication.as_str().to_owned(),
                block,
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig { failure_persistence: None, ..ProptestConfig::default() })]
    #[test]
    fn valid_forms_parse_and_round_trip(form in valid_form_strategy()) {
        let s = ResponseSubmission::parse(&form);
        prop_assert!(s.is_ok(), "{:?} gave {:?}", form, s);
        let s = s.unwrap();
        prop_assert_eq!(s.sender.kind().as_str(), form.sender_kind.as_str());
        prop_assert_eq!(ResponseSubmission::parse(&s.to_form()), Ok(s));
    }
}
