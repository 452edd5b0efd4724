//! Unit and property tests of the personal-data detectors and of redaction. The measured
//! quality, on sentences written apart from these examples, is in `quality_tests`.

// `redact` takes a slice of spans, and one span is a slice of one.
#![allow(clippy::single_range_in_vec_init)]

use std::time::{Duration, Instant};

use proptest::prelude::*;

use super::lexicon;
use super::*;

const INTEGRATION: &str = include_str!("../document/fixtures/integrationspolitik.md");
const HANDICAP: &str = include_str!("../document/fixtures/handicappolitik.md");
const KULTUR: &str = include_str!("../document/fixtures/kulturpolitik.md");

/// The texts flagged as `kind` in `text`.
fn found(text: &str, kind: FlagKind) -> Vec<String> {
    detect(text)
        .into_iter()
        .filter(|f| f.kind == kind)
        .map(|f| f.text)
        .collect()
}

fn assert_flags(kind: FlagKind, text: &str, expected: &[&str]) {
    assert_eq!(found(text, kind), expected, "{} in {text:?}", kind.code());
}

/// Whether ten digits pass the old modulus-11 check (weights 4 3 2 7 6 5 4 3 2 1).
fn passes_modulus_11(digits: &str) -> bool {
    let weights = [4, 3, 2, 7, 6, 5, 4, 3, 2, 1];
    let sum: u32 = digits
        .bytes()
        .filter(u8::is_ascii_digit)
        .zip(weights)
        .map(|(d, w)| u32::from(d - b'0') * w)
        .sum();
    sum.is_multiple_of(11)
}

// ---------------------------------------------------------------------------------------
// CPR numbers

#[test]
fn minutes_are_checked_for_names_responses_are_not() {
    let minutes = "Ved bord 3 fortalte Fatima Ali om sprogcaféen, og Bo var enig. \
                   Roskilde Kommune vil bo tæt på borgerne.";
    assert!(
        detect(minutes).is_empty(),
        "a response's signature is no finding"
    );
    let flagged: Vec<(FlagKind, String)> = detect_with_names(minutes, &["Bo Hansen"])
        .into_iter()
        .map(|f| (f.kind, f.text))
        .collect();
    assert_eq!(
        flagged,
        [
            (FlagKind::Name, "Fatima Ali".to_string()),
            (FlagKind::Name, "Bo".to_string()),
        ],
        "a name that looks like one, and a sign-up's first name; not the municipality, not \
         the verb"
    );
    let with_phone = detect_with_names("Ring på 23 45 67 89.", &[]);
    assert_eq!(with_phone.len(), 1);
    assert_eq!(with_phone[0].kind, FlagKind::Phone);
    assert_eq!(FlagKind::Name.severity(), Severity::Warn);
}

#[test]
fn cpr_numbers_in_every_spelling_are_flagged_and_block() {
    for (text, cpr) in [
        ("Mit CPR-nummer er 010190-1234.", "010190-1234"),
        ("cpr 0101901234, tak", "0101901234"),
        ("CPR: 010190 1234", "010190 1234"),
        ("(010190–1234)", "010190–1234"),
        ("nr.0101901234", "0101901234"),
        ("CPR-0707611006 og mere", "0707611006"),
    ] {
        let flags = detect(text);
        assert_eq!(flags.len(), 1, "{text:?}: {flags:?}");
        assert_eq!(flags[0].kind, FlagKind::Cpr);
        assert_eq!(flags[0].severity, Severity::Block);
        assert_eq!(flags[0].text, cpr);
        assert_eq!(&text[flags[0].start..flags[0].end], cpr);
        assert!(unhandled_blocking(&flags));
    }
}

#[test]
fn cpr_century_comes_from_the_seventh_digit() {
    // (number, passes modulus 11): several centuries, and numbers issued after 2007 that do
    // not pass the modulus-11 check, which is therefore not asked for.
    let valid = [
        "0707611006", // 1961, passes modulus 11
        "2902961234", // 29 Feb 1996 (7th digit 1)
        "2902004123", // 29 Feb 2000 (7th digit 4, year 00 ≤ 36)
        "1506154321", // 2015 (4)
        "0505509876", // 1950 (9, year 50 > 36)
        "1703129012", // 2012 (9)
        "3112105555", // 2010 (5)
        "0101806000", // 1880 (6, year 80 > 57)
        "0812197789", // 2019 (7)
        "2902088123", // 29 Feb 2008 (8)
        "3112993999", // 1999 (3)
    ];
    assert!(passes_modulus_11(valid[0]));
    for cpr in valid {
        assert_flags(FlagKind::Cpr, &format!("CPR {cpr} her"), &[cpr]);
        let dashed = format!("{}-{}", &cpr[..6], &cpr[6..]);
        assert_flags(FlagKind::Cpr, &format!("CPR {dashed} her"), &[&dashed]);
    }
    let after_2007: Vec<&&str> = valid[3..]
        .iter()
        .filter(|c| !passes_modulus_11(c))
        .collect();
    assert!(after_2007.len() >= 3, "some valid numbers fail modulus 11");
}

#[test]
fn look_alikes_that_are_no_date_are_not_cpr_numbers() {
    for text in [
        "320199-1234", // day 32
        "311399-1234", // month 13
        "290201-1234", // 2001 is not a leap year
        "000000-0000",
        "310490-1234",  // 31 April
        "2902001234",   // 29 Feb 1900 (7th digit 1): 1900 is not a leap year
        "2902004123x",  // a code, not a number
        "0101009999ab", // ditto
    ] {
        assert_flags(FlagKind::Cpr, &format!("Nummer {text} her."), &[]);
    }
}

#[test]
fn cpr_numbers_inside_longer_numbers_codes_or_links_are_not_flagged() {
    for text in [
        "1234567890123",
        "EAN 5790101901234",
        "12010190-1234",
        "010190-12345",
        "010190-1234-56",
        "0101901234.5",
        "0101901234,50 kr",
        "x0101901234",
        "AB0101901234",
        "12.0101901234",
        "https://example.dk/sag/0101901234",
        "https://example.dk/0101901234/bilag",
        "side?id=0101901234&x=1",
        "010190 1234 5678",
        "12 010190 1234",
    ] {
        assert_flags(FlagKind::Cpr, text, &[]);
    }
}

// ---------------------------------------------------------------------------------------
// Phone numbers

#[test]
fn phone_numbers_in_the_usual_spellings_are_flagged() {
    for (text, phone) in [
        ("Ring på 23456789", "23456789"),
        ("Ring på 23 45 67 89.", "23 45 67 89"),
        ("Ring på 2345 6789!", "2345 6789"),
        ("Ring på 23-45-67-89", "23-45-67-89"),
        ("Ring på 23.45.67.89", "23.45.67.89"),
        (
            "Ring på 23\u{a0}45\u{a0}67\u{a0}89",
            "23\u{a0}45\u{a0}67\u{a0}89",
        ),
        ("Ring på +45 23456789", "+45 23456789"),
        ("Ring på +4523456789", "+4523456789"),
        ("Ring på 0045 23456789", "0045 23456789"),
        ("Ring på 004523456789", "004523456789"),
        ("Ring på (+45) 23 45 67 89", "(+45) 23 45 67 89"),
        ("Ring på (+45)23456789", "(+45)23456789"),
        ("Ring på +45 2345 6789", "+45 2345 6789"),
        ("tlf. 23456789", "23456789"),
        ("mobil: 23 45 67 89", "23 45 67 89"),
        ("Tlf. nr. 98 76 54 32", "98 76 54 32"),
        ("(tlf. 46313000)", "46313000"),
        ("Ring på +4523 45 67 89", "+4523 45 67 89"),
        ("Ring på +452345 6789", "+452345 6789"),
        ("Mit nummer: 2345 6789.", "2345 6789"),
        ("Nr. 23456789", "23456789"),
    ] {
        assert_flags(FlagKind::Phone, text, &[phone]);
        assert!(!unhandled_blocking(&detect(text)), "{text:?}");
    }
}

#[test]
fn amounts_years_references_and_dates_are_not_phone_numbers() {
    for text in [
        "Det koster 12.500 kr. om året.",
        "Budgettet er 25 000 000 kroner.",
        "i perioden 2019-2020",
        "i alt 1.234.567 borgere",
        "jf. § 3.2 og § 14, stk. 2",
        "mødet den 12-09-2019 kl. 19.00",
        "mødet den 24.12.2019",
        "kl. 19.00-21.30",
        "CPR 010190-1234",
        "et løbenummer 23456789012",
        "12345678",
        "CVR-nr. 29189919",
        "CVR 29 18 99 19",
        "sagsnr. 23456789",
        "Sag nr. 23456789",
        "23456789 kr. i alt",
        "25000000 kroner",
        "i alt 23456789 %",
        "dato 24122019",
        "ring +46 23 45 67 89 i Sverige",
        "23 45 67 89 10 11",
        "4000 Roskilde 2019",
    ] {
        assert_flags(FlagKind::Phone, text, &[]);
    }
    assert_eq!(found("CPR 010190 1234", FlagKind::Cpr), ["010190 1234"]);
}

// ---------------------------------------------------------------------------------------
// E-mail addresses

#[test]
fn email_addresses_are_flagged_without_the_full_stop() {
    assert_flags(
        FlagKind::Email,
        "Skriv til navn@domæne.dk.",
        &["navn@domæne.dk"],
    );
    assert_flags(
        FlagKind::Email,
        "Svar: fornavn.efternavn+tag@sub.example.com, tak.",
        &["fornavn.efternavn+tag@sub.example.com"],
    );
    assert_flags(
        FlagKind::Email,
        "(kommunen@roskilde.dk) og <jens_hansen-2@mail.dk>",
        &["kommunen@roskilde.dk", "jens_hansen-2@mail.dk"],
    );
    assert_flags(
        FlagKind::Email,
        "mailto:søren.ærø@post.tele.dk",
        &["søren.ærø@post.tele.dk"],
    );
    for text in [
        "@roskilde",
        "a@b",
        "navn@domæne",
        "x@y.1",
        "kl. 10@home",
        "@ borgerne",
        ".@x.dk",
        "a@-x.dk",
    ] {
        assert_flags(FlagKind::Email, text, &[]);
    }
}

// ---------------------------------------------------------------------------------------
// Addresses

#[test]
fn addresses_are_flagged_with_floor_and_town() {
    for (text, address) in [
        ("Jeg bor på Algade 12 i byen.", "Algade 12"),
        ("Køgevej 3B er mit hus.", "Køgevej 3B"),
        ("bor på Køgevej 3 B, som", "Køgevej 3 B"),
        ("på Algade 12-14 ligger", "Algade 12-14"),
        ("Adresse: Jernbanegade 4, 2. tv.", "Jernbanegade 4, 2. tv."),
        (
            "Vi bor på H.C. Andersens Boulevard 27.",
            "H.C. Andersens Boulevard 27",
        ),
        ("på Sankt Hans Gade 2 hver dag", "Sankt Hans Gade 2"),
        (
            "Ved Stranden 5, 4000 Roskilde",
            "Ved Stranden 5, 4000 Roskilde",
        ),
        ("Hyrdehøj 10", "Hyrdehøj 10"),
        ("Rådhusbuen 1, Postboks 100", "Rådhusbuen 1"),
        ("Gl. Kongevej 12, st. th. er", "Gl. Kongevej 12, st. th."),
        (
            "Vesterbrogade 3, 1. sal, 1620 København V.",
            "Vesterbrogade 3, 1. sal, 1620 København V",
        ),
        ("Nørre Allé 7 4000 Roskilde", "Nørre Allé 7 4000 Roskilde"),
        ("I Algade 12 bor", "Algade 12"),
        ("bor på Åvej 3 ved", "Åvej 3"),
        ("Gammel Køge Landevej 110", "Gammel Køge Landevej 110"),
        (
            "i Christian IX's Gade 7, 1. sal",
            "Christian IX's Gade 7, 1. sal",
        ),
        ("Hedevej Øst 106", "Hedevej Øst 106"),
    ] {
        assert_flags(FlagKind::Address, text, &[address]);
    }
}

#[test]
fn words_and_numbers_that_are_no_address_are_not_flagged() {
    for text in [
        "Roskilde Kommune har 90.000 indbyggere.",
        "Se kapitel 3 og Afsnit 12.",
        "Vi kørte vejen 2 gange.",
        "Vejen er lang.",
        "Algade er smuk om sommeren.",
        "I Danmark 2 gange om året.",
        "Parkeringsplads 3 er lukket.",
        "Strandvejen 2019 var et godt år.",
        "Køgevej 12,5 km fra byen",
        "Vejen 3 steder",
        "Gade 4",
        "Deltager 3 sagde nej.",
        "Algade 0",
        "Algade 1234",
    ] {
        assert_flags(FlagKind::Address, text, &[]);
    }
    assert_flags(FlagKind::Address, "Strandvejen 2 gange om dagen.", &[]);
}

// ---------------------------------------------------------------------------------------
// Health and origin near a name

#[test]
fn health_and_origin_words_near_a_name_are_hinted() {
    assert_flags(
        FlagKind::Health,
        "Min nabo Ahmed Hassan har PTSD og kan ikke tåle larm.",
        &["PTSD"],
    );
    assert_flags(
        FlagKind::Origin,
        "Fatima er muslim og går med tørklæde.",
        &["muslim"],
    );
    assert_flags(
        FlagKind::Health,
        "Peter Jensen, som bor ved siden af, er indlagt med kræft.",
        &["indlagt"],
    );
    assert_flags(
        FlagKind::Health,
        "Peter Jensen er indlagt med kræft.",
        &["indlagt", "kræft"],
    );
    assert_flags(
        FlagKind::Origin,
        "Vores nye naboer er syriske flygtninge, Omar og Layla Haddad.",
        &["syriske", "flygtninge"],
    );
    // Two capitalised words are a name at the start of a sentence too.
    assert_flags(FlagKind::Health, "Ib Kristensen er dement.", &["dement"]);
    assert_flags(FlagKind::Health, "Ib er dement.", &[]);
    assert_flags(
        FlagKind::Origin,
        "Mustafa kom hertil som kvoteflygtning.",
        &["kvoteflygtning"],
    );
    let flags = detect("Kære Mette. Din søn har diabetes.");
    assert_eq!(flags.len(), 1);
    assert_eq!(flags[0].severity, Severity::Warn);
    assert_eq!(flags[0].text, "diabetes");
}

#[test]
fn health_and_origin_words_without_a_name_are_not_hinted() {
    for text in [
        "Borgere med handicap skal have lige muligheder.",
        "Roskilde Kommune skal hjælpe flygtninge og borgere med etnisk minoritetsbaggrund.",
        "Danmarks Statistik tæller indvandrere og efterkommere.",
        "Handicaprådet og Integrationsrådet har svaret.",
        "Mange ældre har demens, og de pårørende har brug for hjælp.",
        // The name and the word are too far apart.
        "Ahmed Hassan skrev til os om mange ting i går, blandt andet at der også er borgere med angst.",
        // A new paragraph.
        "Hilsen Peter Jensen\n\nPs. Flygtninge skal have hjælp.",
    ] {
        let flags = detect(text);
        let hints: Vec<&Flag> = flags
            .iter()
            .filter(|f| matches!(f.kind, FlagKind::Health | FlagKind::Origin))
            .collect();
        assert!(hints.is_empty(), "{text:?}: {hints:?}");
    }
}

// ---------------------------------------------------------------------------------------
// Detection as a whole

#[test]
fn overlapping_findings_keep_the_stronger_kind() {
    let text = "Peter Hansen har diabetes (CPR 010190 1234) og bor på Algade 12, tlf. 23 45 67 89, \
                peter.hansen@mail.dk.";
    let flags = detect(text);
    let kinds: Vec<(FlagKind, &str)> = flags.iter().map(|f| (f.kind, f.text.as_str())).collect();
    assert_eq!(
        kinds,
        [
            (FlagKind::Health, "diabetes"),
            (FlagKind::Cpr, "010190 1234"),
            (FlagKind::Address, "Algade 12"),
            (FlagKind::Phone, "23 45 67 89"),
            (FlagKind::Email, "peter.hansen@mail.dk"),
        ]
    );
    assert!(unhandled_blocking(&flags));
    assert!(!unhandled_blocking(&flags[2..]));
    // Real overlaps: a house number that starts a phone number, a street named after an illness.
    assert_eq!(
        found("Algade 23 45 67 89", FlagKind::Phone),
        ["23 45 67 89"]
    );
    assert_eq!(
        found("Algade 23 45 67 89", FlagKind::Address),
        Vec::<String>::new()
    );
    let text = "Peter Hansen bor på Diabetesvej 3.";
    assert_eq!(found(text, FlagKind::Address), ["Diabetesvej 3"]);
    assert_eq!(found(text, FlagKind::Health), Vec::<String>::new());
}

#[test]
fn overlaps_are_resolved_by_rank_then_position() {
    let hit = |kind, start, end| Hit { kind, start, end };
    let mut hits = vec![
        hit(FlagKind::Health, 0, 4),
        hit(FlagKind::Address, 2, 10),
        hit(FlagKind::Phone, 8, 12),
        hit(FlagKind::Cpr, 11, 20),
        hit(FlagKind::Email, 20, 25),
        hit(FlagKind::Origin, 24, 30),
        hit(FlagKind::Health, 30, 31),
        hit(FlagKind::Address, 40, 45),
        hit(FlagKind::Address, 42, 50),
        hit(FlagKind::Address, 40, 48),
        hit(FlagKind::Health, 60, 60),
    ];
    resolve(&mut hits);
    assert_eq!(
        hits,
        [
            hit(FlagKind::Address, 2, 10),
            hit(FlagKind::Cpr, 11, 20),
            hit(FlagKind::Email, 20, 25),
            hit(FlagKind::Health, 30, 31),
            hit(FlagKind::Address, 40, 48),
        ]
    );
}

#[test]
fn byte_offsets_are_right_after_danish_letters_and_emoji() {
    let text = "Søren 😀 Ærø på Åvej 3 – ring 23 45 67 89 eller skriv ø@æ.dk; CPR 010190–1234.";
    let flags = detect(text);
    assert_eq!(flags.len(), 4, "{flags:?}");
    for f in &flags {
        assert_eq!(&text[f.start..f.end], f.text);
    }
}

#[test]
fn the_policies_raise_no_blocking_flag() {
    for (name, policy) in [
        ("integrationspolitik", INTEGRATION),
        ("handicappolitik", HANDICAP),
        ("kulturpolitik", KULTUR),
    ] {
        let flags = detect(policy);
        assert!(!unhandled_blocking(&flags), "{name}: {flags:?}");
    }
    // The integration policy's contact line is public, and is what the warnings are about.
    let warnings: Vec<(FlagKind, String)> = detect(INTEGRATION)
        .into_iter()
        .map(|f| (f.kind, f.text))
        .collect();
    assert_eq!(
        warnings,
        [
            (FlagKind::Address, "Rådhusbuen 1".to_owned()),
            (FlagKind::Phone, "4631 3000".to_owned()),
            (FlagKind::Email, "kommunen@roskilde.dk".to_owned()),
        ]
    );
}

#[test]
fn flags_serialise_in_snake_case() {
    let flags = detect("CPR 010190-1234");
    let json = serde_json::to_value(&flags).unwrap();
    assert_eq!(
        json,
        serde_json::json!([{
            "kind": "cpr", "severity": "block", "start": 4, "end": 15, "text": "010190-1234"
        }])
    );
    for kind in FlagKind::ALL {
        assert_eq!(serde_json::to_value(kind).unwrap(), kind.code());
        let back: FlagKind = serde_json::from_value(serde_json::json!(kind.code())).unwrap();
        assert_eq!(back, kind);
    }
    assert_eq!(serde_json::to_value(Severity::Warn).unwrap(), "warn");
}

#[test]
fn detection_is_linear_and_fast() {
    let paragraph = "Jeg har boet på Algade 12, 2. tv. i 15 år og betaler 12.500 kr. om året. \
        Ifølge § 3.2 skal kommunen svare inden 10 hverdage, jf. mødet den 12-09-2019 kl. 19.00. \
        Min nabo Ahmed Hassan har PTSD. Ring på 23 45 67 89 eller skriv til navn@domæne.dk. \
        CPR 010190-1234. Roskilde Kommune har 25 000 000 kroner i puljen for 2019-2020.\n\n";
    let small: String = paragraph.repeat(10_000 / paragraph.len() + 1);
    let large: String = paragraph.repeat(100_000 / paragraph.len() + 1);
    let time = |text: &str| {
        let runs = 20;
        let start = Instant::now();
        for _ in 0..runs {
            std::hint::black_box(detect(std::hint::black_box(text)));
        }
        start.elapsed() / runs
    };
    time(&small);
    let (t_small, t_large) = (time(&small), time(&large));
    println!(
        "detect: {} chars in {t_small:?}, {} chars in {t_large:?}",
        small.chars().count(),
        large.chars().count()
    );
    assert_eq!(
        detect(&large).len(),
        detect(paragraph).len() * (100_000 / paragraph.len() + 1)
    );
    // Generous: the test build is unoptimised (about 4 ms here) and machines are busy; built
    // with optimisations it takes about 0.3 ms.
    assert!(t_small < Duration::from_millis(50), "{t_small:?}");
}

#[test]
fn word_lists_are_sorted_lower_case_and_without_duplicates() {
    for list in [
        lexicon::NUMBER_WORDS,
        lexicon::REFERENCE_WORDS,
        lexicon::UNITS,
        lexicon::STREET_SUFFIXES,
        lexicon::NOT_STREETS,
        lexicon::ADDRESS_LEAD,
        lexicon::ABBREVIATIONS,
        lexicon::FLOOR_WORDS,
        lexicon::SIDE_WORDS,
        lexicon::FIRST_NAMES,
        lexicon::NOT_NAMES,
        lexicon::INSTITUTIONS,
        lexicon::INSTITUTION_ENDINGS,
        lexicon::HEALTH_WORDS,
        lexicon::HEALTH_STEMS.list(),
        lexicon::ORIGIN_WORDS,
        lexicon::ORIGIN_STEMS.list(),
        lexicon::ORIGIN_INFIXES.list(),
    ] {
        for pair in list.windows(2) {
            assert!(pair[0] < pair[1], "{pair:?}");
        }
        for word in list {
            assert_eq!(*word, word.to_lowercase());
        }
    }
    for stems in [
        &lexicon::HEALTH_STEMS,
        &lexicon::ORIGIN_STEMS,
        &lexicon::ORIGIN_INFIXES,
    ] {
        for stem in stems.list() {
            assert!(stems.find_in(stem, false), "{stem}");
            assert!(stems.find_in(&format!("x{stem}s"), true), "{stem}");
        }
    }
    assert!(!lexicon::ORIGIN_STEMS.find_in("xmuslim", false));
}

// ---------------------------------------------------------------------------------------
// Redaction

#[test]
fn redact_replaces_spans_by_the_marker() {
    let text = "Mit CPR-nummer er 010190-1234 og jeg bor på Algade 12.";
    let flags = detect(text);
    let spans: Vec<_> = flags.iter().map(Flag::range).collect();
    assert_eq!(
        redact(text, &spans).unwrap(),
        "Mit CPR-nummer er [skjult] og jeg bor på [skjult]."
    );
    assert_eq!(redact(text, &[]).unwrap(), text);
    assert_eq!(redact("abc", &[0..3]).unwrap(), REDACTED);
    assert_eq!(redact("æøå", &[2..4]).unwrap(), "æ[skjult]å");
}

#[test]
fn overlapping_and_touching_spans_become_one_marker() {
    let text = "0123456789";
    assert_eq!(redact(text, &[2..5, 4..7]).unwrap(), "01[skjult]789");
    assert_eq!(redact(text, &[2..4, 4..6]).unwrap(), "01[skjult]6789");
    assert_eq!(
        redact(text, &[6..8, 1..2, 2..3]).unwrap(),
        "0[skjult]345[skjult]89"
    );
    assert_eq!(redact(text, &[1..9, 3..4]).unwrap(), "0[skjult]9");
    assert_eq!(redact(text, &[1..2, 1..2]).unwrap(), "0[skjult]23456789");
}

#[test]
fn bad_spans_are_refused_with_a_code() {
    let text = "Søren";
    #[allow(clippy::reversed_empty_ranges)] // a reversed span is one of the cases
    let cases = [
        (
            vec![0..9],
            RedactError::OutOfBounds {
                start: 0,
                end: 9,
                len: 6,
            },
            "out_of_bounds",
        ),
        (
            vec![0..2],
            RedactError::NotCharBoundary { offset: 2 },
            "not_char_boundary",
        ),
        (
            vec![2..4],
            RedactError::NotCharBoundary { offset: 2 },
            "not_char_boundary",
        ),
        (
            vec![3..3],
            RedactError::EmptySpan { start: 3 },
            "empty_span",
        ),
        (
            vec![4..1],
            RedactError::Reversed { start: 4, end: 1 },
            "reversed",
        ),
        (
            vec![0..1, 7..8],
            RedactError::OutOfBounds {
                start: 7,
                end: 8,
                len: 6,
            },
            "out_of_bounds",
        ),
    ];
    for (spans, error, code) in cases {
        assert_eq!(redact(text, &spans), Err(error), "{spans:?}");
        assert_eq!(error.code(), code);
        assert_eq!(serde_json::to_value(error).unwrap()["code"], code);
    }
    for error in [
        RedactError::Empty,
        RedactError::NotFound,
        RedactError::TooLong,
    ] {
        assert_eq!(serde_json::to_value(error).unwrap()["code"], error.code());
    }
}

#[test]
fn find_passage_tolerates_whitespace_and_case() {
    let text = "Jeg hedder Peter\nHansen og bor  på Algade 12.\nPeter Hansen";
    let range = find_passage(text, "peter hansen").unwrap();
    assert_eq!(&text[range.clone()], "Peter\nHansen");
    assert_eq!(range.start, 11);
    // Written as in the text, the later exact spelling is not preferred over the first place.
    let range = find_passage(text, "  bor på   algade 12 ").unwrap();
    assert_eq!(&text[range.clone()], "bor  på Algade 12");
    assert_eq!(
        redact(text, &[range]).unwrap(),
        "Jeg hedder Peter\nHansen og [skjult].\nPeter Hansen"
    );
    let text = "Ærø ærø ÆRØ";
    assert_eq!(find_passage(text, "ÆRØ").unwrap(), 12..17);
    assert_eq!(find_passage(text, "ærø").unwrap(), 6..11);
    assert_eq!(find_passage(text, "æRø").unwrap(), 0..5);
    assert_eq!(find_passage(text, "   "), Err(RedactError::Empty));
    assert_eq!(find_passage(text, ""), Err(RedactError::Empty));
    assert_eq!(find_passage(text, "Fanø"), Err(RedactError::NotFound));
    assert_eq!(
        find_passage(&"ord ".repeat(1000), &"ord ".repeat(600)),
        Err(RedactError::TooLong)
    );
}

// ---------------------------------------------------------------------------------------
// Properties

/// Text pieces that exercise every detector, Danish letters, emoji and odd whitespace.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => any::<String>(),
        3 => prop::sample::select(vec![
            "0101901234", "010190-1234", "010190 1234", "290200–4123", "23 45 67 89", "+45",
            "(+45)", "2345", "6789", "23.45", "12", "3B", "-", ".", ",", "@", "navn@domæne.dk",
            "Algade", "Sankt Hans Gade", "H.C.", "Ved Stranden", "st. th.", "2. tv.",
            "4000 Roskilde", "Ahmed", "Hassan", "Peter Jensen", "PTSD", "muslim", "kræft", "æ",
            "ø", "å", "Æ", "😀", "\u{a0}", "\n", "\n\n", " ", "  ", "§", "kr.", "https://x.dk/",
        ])
        .prop_map(str::to_owned),
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..24).prop_map(|pieces| pieces.join(""))
}

fn assert_well_formed(text: &str, flags: &[Flag]) {
    for f in flags {
        assert!(f.start < f.end && f.end <= text.len(), "{f:?}");
        assert!(text.is_char_boundary(f.start) && text.is_char_boundary(f.end));
        assert_eq!(text[f.start..f.end], f.text);
        assert_eq!(f.severity, f.kind.severity());
    }
    for pair in flags.windows(2) {
        assert!(pair[0].end <= pair[1].start, "{pair:?}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn detect_gives_sorted_disjoint_in_bounds_spans(text in text()) {
        let flags = detect(&text);
        assert_well_formed(&text, &flags);
    }

    #[test]
    fn detect_never_panics_on_any_string(text in any::<String>()) {
        let flags = detect(&text);
        assert_well_formed(&text, &flags);
    }

    #[test]
    fn redact_never_panics_and_fails_only_on_bad_spans(
        text in text(),
        raw in prop::collection::vec((0usize..120, 0usize..120), 0..6),
    ) {
        let spans: Vec<std::ops::Range<usize>> = raw.iter().map(|&(a, b)| a..b).collect();
        let valid = spans.iter().all(|s| {
            s.start < s.end
                && s.end <= text.len()
                && text.is_char_boundary(s.start)
                && text.is_char_boundary(s.end)
        });
        match redact(&text, &spans) {
            Ok(out) => {
                prop_assert!(valid);
                if spans.is_empty() {
                    prop_assert_eq!(out, text);
                } else {
                    prop_assert!(out.contains(REDACTED));
                }
            }
            Err(_) => prop_assert!(!valid),
        }
    }

    #[test]
    fn a_flagged_cpr_number_is_gone_after_redaction(
        before in text(),
        after in text(),
        day in 1u32..=28,
        month in 1u32..=12,
        year in 0u32..100,
        serial in 0u32..10_000,
        separator in prop::sample::select(vec!["", "-", " ", "–"]),
    ) {
        let cpr = format!("{day:02}{month:02}{year:02}{separator}{serial:04}");
        let text = format!("{before}\nCPR: {cpr}. {after}");
        let flags = detect(&text);
        let at = before.len() + "\nCPR: ".len();
        let flagged = flags
            .iter()
            .any(|f| f.kind == FlagKind::Cpr && f.range() == (at..at + cpr.len()));
        prop_assert!(flagged, "{:?} in {:?}: {:?}", cpr, text, flags);
        let cprs: Vec<_> = flags
            .iter()
            .filter(|f| f.kind == FlagKind::Cpr)
            .map(Flag::range)
            .collect();
        let out = redact(&text, &cprs).unwrap();
        prop_assert!(!out.contains(&cpr) || before.contains(&cpr) || after.contains(&cpr));
    }
}
