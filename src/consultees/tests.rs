use jiff::civil::date;
use proptest::prelude::*;

use super::*;
use crate::calendar::{Calendar, Holiday};
use crate::response::{Email, FieldError, OrganisationName, PersonName, SenderKind};

fn errors(pairs: &[(&str, &str)]) -> PartyErrors {
    pairs
        .iter()
        .map(|(f, c)| ((*f).to_owned(), (*c).to_owned()))
        .collect()
}

/// The import refused exactly one line, `line`, for these field errors.
fn assert_one_rejected(import: &Import, line: usize, field_errors: &[(&str, &str)]) {
    assert_eq!(import.rejected.len(), 1);
    assert_eq!(import.rejected[0].line, line);
    assert_eq!(import.rejected[0].errors, errors(field_errors));
}

fn party(organisation: &str, contact: Option<&str>, email: &str, kind: PartyKind) -> Party {
    Party {
        organisation: OrganisationName::parse(organisation).unwrap(),
        contact: contact.map(|c| PersonName::parse(c).unwrap()),
        email: Email::parse(email).unwrap(),
        kind,
    }
}

fn fields(organisation: &str, contact: &str, email: &str, kind: &str) -> PartyFields {
    PartyFields {
        organisation: organisation.to_owned(),
        contact: contact.to_owned(),
        email: email.to_owned(),
        kind: kind.to_owned(),
    }
}

fn orgs(import: &Import) -> Vec<&str> {
    import
        .parties
        .iter()
        .map(|p| p.organisation.as_str())
        .collect()
}

// ---- kinds ----

#[test]
fn kind_codes_are_the_sender_kind_codes() {
    let codes: Vec<_> = PartyKind::ALL.iter().map(|k| k.as_str()).collect();
    assert_eq!(
        codes,
        [
            "association",
            "council",
            "authority",
            "company",
            "work_council"
        ]
    );
    for k in PartyKind::ALL {
        assert_eq!(PartyKind::parse(k.as_str()), Ok(k));
        assert_eq!(k.to_string().parse::<PartyKind>(), Ok(k));
        let json = serde_json::to_string(&k).unwrap();
        assert_eq!(json, format!("\"{}\"", k.as_str()));
        assert_eq!(serde_json::from_str::<PartyKind>(&json).unwrap(), k);
        let sender = SenderKind::from(k);
        assert_eq!(sender.as_str(), k.as_str());
        assert_eq!(PartyKind::try_from(sender), Ok(k));
        assert_eq!(PartyKind::parse(danish_label(k)), Ok(k));
    }
    assert_eq!(
        PartyKind::try_from(SenderKind::Private),
        Err(FieldError::Invalid)
    );
}

/// The Danish labels a list written in Excel uses (as the app's Danish catalogue has them;
/// the notat's tests word party kinds with them too).
pub(crate) fn danish_label(kind: PartyKind) -> &'static str {
    match kind {
        PartyKind::Association => "Forening/organisation",
        PartyKind::Council => "Råd og nævn",
        PartyKind::Authority => "Myndighed",
        PartyKind::Company => "Virksomhed",
        PartyKind::WorkCouncil => "MED-udvalg",
    }
}

#[test]
fn kinds_from_danish_labels_leniently() {
    use PartyKind::*;
    for (label, kind) in [
        ("forening", Association),
        ("Organisation", Association),
        ("  FORENING/ORGANISATION ", Association),
        ("forening / organisation", Association),
        ("råd og nævn", Council),
        ("Råd  og\tnævn", Council),
        ("RÅD", Council),
        ("nævn", Council),
        ("myndighed", Authority),
        ("Myndighed", Authority),
        ("virksomhed", Company),
        ("MED-udvalg", WorkCouncil),
        ("med", WorkCouncil),
        ("Med", WorkCouncil),
        ("work_council", WorkCouncil),
    ] {
        assert_eq!(PartyKind::parse(label), Ok(kind), "{label:?}");
    }
    assert_eq!(PartyKind::parse(""), Err(FieldError::Required));
    assert_eq!(PartyKind::parse(" \t"), Err(FieldError::Required));
    for bad in ["private", "privatperson", "borger", "foreningen", "x"] {
        assert_eq!(PartyKind::parse(bad), Err(FieldError::Invalid), "{bad:?}");
    }
}

// ---- the party form ----

#[test]
fn party_fields_parse() {
    let p = fields(
        " Danmarks Naturfredningsforening ",
        " Anna Jensen ",
        "Roskilde@DN.DK",
        "forening",
    )
    .parse()
    .unwrap();
    assert_eq!(
        p,
        party(
            "Danmarks Naturfredningsforening",
            Some("Anna Jensen"),
            "Roskilde@dn.dk",
            PartyKind::Association
        )
    );
    assert_eq!(p.to_fields().parse(), Ok(p.clone()));
    assert_eq!(p.to_fields().kind, "association");

    let no_contact = fields("Handicaprådet", "  ", "hr@roskilde.dk", "council")
        .parse()
        .unwrap();
    assert_eq!(no_contact.contact, None);
    assert_eq!(no_contact.to_fields().contact, "");
}

#[test]
fn party_fields_name_every_mistake() {
    assert_eq!(
        PartyFields::default().parse(),
        Err(errors(&[
            ("organisation", "required"),
            ("email", "required"),
            ("kind", "required"),
        ]))
    );
    let long = "ø".repeat(201);
    assert_eq!(
        fields(&long, "Anna\nJensen", "anna@", "privatperson").parse(),
        Err(errors(&[
            ("organisation", "too_long"),
            ("contact", "invalid"),
            ("email", "invalid"),
            ("kind", "invalid"),
        ]))
    );
    assert_eq!(
        fields("DN", &long, "a@b.dk", "forening").parse(),
        Err(errors(&[("contact", "too_long")]))
    );
}

#[test]
fn party_fields_come_from_json_with_missing_fields_empty() {
    let f: PartyFields = serde_json::from_str(r#"{"organisation":"DN"}"#).unwrap();
    assert_eq!(f, fields("DN", "", "", ""));
    let p = party("DN", None, "post@dn.dk", PartyKind::Association);
    let json = serde_json::to_string(&p).unwrap();
    assert_eq!(serde_json::from_str::<Party>(&json).unwrap(), p);
}

#[test]
fn same_address_ignores_case() {
    let a = party("DN", None, "Post@DN.dk", PartyKind::Association);
    let b = party(
        "Dansk Naturfredning",
        None,
        "post@dn.dk",
        PartyKind::Council,
    );
    let c = party("DN", None, "roskilde@dn.dk", PartyKind::Association);
    assert!(a.same_address(&b));
    assert!(!a.same_address(&c));
}

// ---- import ----

#[test]
fn import_semicolons_without_header() {
    let text = "Danmarks Naturfredningsforening;Anna Jensen;roskilde@dn.dk;forening\n\
                Handicaprådet;;hr@roskilde.dk;råd og nævn\n\
                Vejdirektoratet;Bo Hansen;post@vd.dk;Myndighed\n";
    let import = import(text).unwrap();
    assert_eq!(import.separator, ';');
    assert!(!import.header);
    assert_eq!(
        import.parties,
        [
            party(
                "Danmarks Naturfredningsforening",
                Some("Anna Jensen"),
                "roskilde@dn.dk",
                PartyKind::Association
            ),
            party("Handicaprådet", None, "hr@roskilde.dk", PartyKind::Council),
            party(
                "Vejdirektoratet",
                Some("Bo Hansen"),
                "post@vd.dk",
                PartyKind::Authority
            ),
        ]
    );
    assert_eq!(import.lines, [1, 2, 3]);
    assert!(import.rejected.is_empty());
    assert!(import.duplicates.is_empty());
    assert!(import.defaulted_kind.is_empty());
}

#[test]
fn import_commas_with_quoted_fields() {
    let text = "\"Ældre Sagen, Roskilde\",\"Kirsten \"\"Kis\"\" Holm\",kis@aeldresagen.dk,forening\r\n\
                Roskilde Handelsstandsforening,Per Lund,per@rhf.dk,virksomhed\r\n";
    let import = import(text).unwrap();
    assert_eq!(import.separator, ',');
    assert_eq!(
        import.parties,
        [
            party(
                "Ældre Sagen, Roskilde",
                Some("Kirsten \"Kis\" Holm"),
                "kis@aeldresagen.dk",
                PartyKind::Association
            ),
            party(
                "Roskilde Handelsstandsforening",
                Some("Per Lund"),
                "per@rhf.dk",
                PartyKind::Company
            ),
        ]
    );
    assert!(import.rejected.is_empty());
}

#[test]
fn import_tabs_pasted_from_excel() {
    // A comma inside the first name must not make it comma-separated: only the tabs give a
    // field holding an address.
    let text = "Ældre Sagen, Roskilde, afd. 2\tkis@aeldresagen.dk\tforening\n\
                MED-udvalget for Skole\tmed@roskilde.dk\tMED-udvalg\n";
    let import = import(text).unwrap();
    assert_eq!(import.separator, '\t');
    assert!(!import.header);
    assert_eq!(
        import.parties,
        [
            party(
                "Ældre Sagen, Roskilde, afd. 2",
                None,
                "kis@aeldresagen.dk",
                PartyKind::Association
            ),
            party(
                "MED-udvalget for Skole",
                None,
                "med@roskilde.dk",
                PartyKind::WorkCouncil
            ),
        ]
    );
}

#[test]
fn quoted_fields_hold_separators_quotes_and_line_breaks() {
    let text = "Organisation;E-mail;Type\n\
                \"Foreningen \"\"Grøn By\"\"; Roskilde\";gron@by.dk;forening\n\
                \"To\nlinjer\";to@linjer.dk;forening\n\
                Efter;efter@linjer.dk;forening\n";
    let import = import(text).unwrap();
    assert!(import.header);
    assert_eq!(orgs(&import), ["Foreningen \"Grøn By\"; Roskilde", "Efter"]);
    // The quoted line break spans lines 3 and 4, so the next record starts on line 5.
    assert_eq!(import.lines, [2, 5]);
    assert_one_rejected(&import, 3, &[("organisation", "invalid")]);
    assert_eq!(
        import.rejected[0].text,
        "\"To\nlinjer\";to@linjer.dk;forening"
    );
}

#[test]
fn a_stray_quote_is_read_as_text() {
    // Word's straight quote opening a name that never closes must not swallow the rest.
    let text = "\"Grøn By;gron@by.dk;forening\nEfter;efter@by.dk;forening\n";
    let import = import(text).unwrap();
    assert_eq!(orgs(&import), ["\"Grøn By", "Efter"]);
    assert_eq!(import.lines, [1, 2]);
    // Text after a closing quote is kept, and spaces before an opening quote are dropped.
    let import = super::import("  \"Grøn\" By ;gron@by.dk;forening").unwrap();
    assert_eq!(orgs(&import), ["Grøn By"]);
}

#[test]
fn a_danish_header_in_another_order_maps_the_columns() {
    let text = "E-MAIL;Type;Kontaktperson;Organisation;Telefon\n\
                hr@roskilde.dk;Råd og nævn;Eva Berg;Handicaprådet;46 31 30 00\n\
                post@vd.dk;myndighed;;Vejdirektoratet;\n";
    let import = import(text).unwrap();
    assert!(import.header);
    assert_eq!(
        import.parties,
        [
            party(
                "Handicaprådet",
                Some("Eva Berg"),
                "hr@roskilde.dk",
                PartyKind::Council
            ),
            party("Vejdirektoratet", None, "post@vd.dk", PartyKind::Authority),
        ]
    );
    assert_eq!(import.lines, [2, 3]);
}

#[test]
fn a_header_pasted_from_excel() {
    let text = "Organisation\tKontaktperson\tE-mail\tType\r\n\
                Handicaprådet\tEva Berg\thr@roskilde.dk\tråd\r\n";
    let import = import(text).unwrap();
    assert_eq!(import.separator, '\t');
    assert!(import.header);
    assert_eq!(
        import.parties,
        [party(
            "Handicaprådet",
            Some("Eva Berg"),
            "hr@roskilde.dk",
            PartyKind::Council
        )]
    );
}

#[test]
fn english_headers_and_navn_beside_an_organisation_column() {
    let text = "Name,Organization,Email,Kind\nAnna Jensen,DN,a@dn.dk,association\n";
    let import = import(text).unwrap();
    assert!(import.header);
    assert_eq!(
        import.parties,
        [party(
            "DN",
            Some("Anna Jensen"),
            "a@dn.dk",
            PartyKind::Association
        )]
    );
    // Alone, "Navn" names the organisation; without a type column every kind is defaulted.
    let import = super::import("Navn;Mail\nDN;a@dn.dk\n").unwrap();
    assert!(import.header);
    assert_eq!(
        import.parties,
        [party("DN", None, "a@dn.dk", PartyKind::Association)]
    );
    assert_eq!(import.defaulted_kind, [2]);
}

#[test]
fn three_fields_are_told_apart_by_the_address() {
    let text = "DN;post@dn.dk;forening\n\
                Ældrerådet;Eva Berg;aeldre@roskilde.dk\n\
                Skolebestyrelsen;Ole;ole@skole\n";
    let import = import(text).unwrap();
    assert_eq!(
        import.parties,
        [
            party("DN", None, "post@dn.dk", PartyKind::Association),
            party(
                "Ældrerådet",
                Some("Eva Berg"),
                "aeldre@roskilde.dk",
                PartyKind::Association
            ),
        ]
    );
    assert_eq!(import.defaulted_kind, [2]);
    // No field is an address, but the third looks meant as one.
    assert_one_rejected(&import, 3, &[("email", "invalid")]);
}

#[test]
fn organisation_and_address_alone_default_to_association() {
    let text = "DN;post@dn.dk\nhr@roskilde.dk;Handicaprådet\nÆldrerådet;;aeldre@roskilde.dk;\n";
    let import = import(text).unwrap();
    assert_eq!(
        import.parties,
        [
            party("DN", None, "post@dn.dk", PartyKind::Association),
            party(
                "Handicaprådet",
                None,
                "hr@roskilde.dk",
                PartyKind::Association
            ),
            party(
                "Ældrerådet",
                None,
                "aeldre@roskilde.dk",
                PartyKind::Association
            ),
        ]
    );
    assert_eq!(import.defaulted_kind, [1, 2, 3]);
}

#[test]
fn bom_blank_lines_and_padded_rows_are_skipped() {
    let text = "\u{feff}\n  \n;;;\nOrganisation;Kontakt;E-mail;Art\r\n\r\n\
                DN;;post@dn.dk;forening\r\n;;;\r\n\t\r\n\
                Handicaprådet;;hr@roskilde.dk;råd\r\n";
    let import = import(text).unwrap();
    assert!(import.header);
    assert_eq!(import.separator, ';');
    assert_eq!(orgs(&import), ["DN", "Handicaprådet"]);
    assert_eq!(import.lines, [6, 9]);
    assert!(import.rejected.is_empty());
    // Without the header the first line is data, and the BOM is not part of its name.
    let import = super::import("\u{feff}DN;post@dn.dk;forening").unwrap();
    assert_eq!(orgs(&import), ["DN"]);
    // A zero-width space pasted from Word is dropped too.
    let import = super::import("DN\u{200b};post@dn.dk;forening").unwrap();
    assert_eq!(orgs(&import), ["DN"]);
}

#[test]
fn duplicates_by_address_are_left_out() {
    let text = "DN;Anna;post@dn.dk;forening\n\
                DN Roskilde;Bo;POST@dn.DK;forening\n\
                bad;;post@dn.dk;privat\n\
                Handicaprådet;;hr@roskilde.dk\n\
                Handicaprådet;;hr@roskilde.dk\n";
    let import = import(text).unwrap();
    assert_eq!(orgs(&import), ["DN", "Handicaprådet"]);
    assert_eq!(import.lines, [1, 4]);
    assert_eq!(import.duplicates, [2, 5]);
    // A duplicate is not imported, so it is not listed as defaulted either.
    assert_eq!(import.defaulted_kind, [4]);
    assert_one_rejected(&import, 3, &[("kind", "invalid")]);
}

#[test]
fn a_rejected_line_is_not_taken_as_the_first_of_its_address() {
    let text = "DN;Anna;post@dn.dk;nonsens\nDN;;post@dn.dk;forening\n";
    let import = import(text).unwrap();
    assert_eq!(orgs(&import), ["DN"]);
    assert_eq!(import.lines, [2]);
    assert!(import.duplicates.is_empty());
    assert_eq!(import.rejected[0].line, 1);
}

#[test]
fn rejected_lines_carry_their_text_and_every_error() {
    let text = "Organisation;Kontaktperson;E-mail;Type\n\
                ;Anna\u{7};anna@;borger\n\
                DN;;post@dn.dk;forening;ekstra\n\
                DN;;post@dn.dk;forening\n";
    let import = import(text).unwrap();
    assert_eq!(orgs(&import), ["DN"]);
    assert_eq!(
        import.rejected,
        [
            RejectedLine {
                line: 2,
                text: ";Anna\u{7};anna@;borger".to_owned(),
                errors: errors(&[
                    ("organisation", "required"),
                    ("contact", "invalid"),
                    ("email", "invalid"),
                    ("kind", "invalid"),
                ]),
            },
            RejectedLine {
                line: 3,
                text: "DN;;post@dn.dk;forening;ekstra".to_owned(),
                errors: errors(&[("columns", "too_many")]),
            },
        ]
    );
    // Without a header five fields cannot be placed either; one field lacks the rest.
    let import = super::import("a;b;c@d.dk;forening;e\nDN\npost@dn.dk\n").unwrap();
    assert!(import.parties.is_empty());
    let errs: Vec<_> = import.rejected.iter().map(|r| r.errors.clone()).collect();
    assert_eq!(
        errs,
        [
            errors(&[("columns", "too_many")]),
            errors(&[("email", "required")]),
            errors(&[("organisation", "required")]),
        ]
    );
}

#[test]
fn empty_input_and_header_alone_are_required() {
    for text in [
        "",
        "   \n\n",
        "\u{feff}",
        ";;;\n",
        "Organisation;E-mail;Type\n",
    ] {
        assert_eq!(
            import(text),
            Err(errors(&[("text", "required")])),
            "{text:?}"
        );
    }
}

#[test]
fn at_most_two_thousand_parties() {
    let line = |i: usize| format!("Forening {i};;f{i}@roskilde.dk;forening\n");
    let mut text = String::from("Organisation;Kontakt;E-mail;Type\n");
    for i in 0..MAX_ROWS {
        text.push_str(&line(i));
    }
    // Blank lines and the header do not count.
    text.push_str("\n;;;\n");
    let import = import(&text).unwrap();
    assert_eq!(import.parties.len(), MAX_ROWS);
    text.push_str(&line(MAX_ROWS));
    assert_eq!(super::import(&text), Err(errors(&[("text", "too_many")])));
}

#[test]
fn import_serialises() {
    let import = import("DN;post@dn.dk").unwrap();
    let json = serde_json::to_string(&import).unwrap();
    assert!(json.contains("\"separator\":\";\""), "{json}");
    assert_eq!(serde_json::from_str::<Import>(&json).unwrap(), import);
}

// ---- status and counts ----

#[test]
fn status_from_what_is_stored() {
    use PartyStatus::*;
    assert_eq!(status(None, false, false), NotInvited);
    assert_eq!(status(Some(1_700_000_000), false, false), Invited);
    assert_eq!(status(Some(1_700_000_000), true, false), Answered);
    assert_eq!(status(Some(1_700_000_000), false, true), Declined);
    // An answer after a decline counts as the answer.
    assert_eq!(status(Some(1_700_000_000), true, true), Answered);
    assert_eq!(status(None, true, false), Answered);
    assert_eq!(status(None, false, true), Declined);
    for s in PartyStatus::ALL {
        assert_eq!(PartyStatus::parse(s.as_str()), Some(s));
        assert_eq!(
            serde_json::to_string(&s).unwrap(),
            format!("\"{}\"", s.as_str())
        );
    }
}

#[test]
fn counts_for_the_clerks_page() {
    use PartyStatus::*;
    let statuses = [
        NotInvited, Invited, Invited, Invited, Answered, Answered, Declined,
    ];
    let counts = ListCounts::of(statuses);
    assert_eq!(
        counts,
        ListCounts {
            invited: 6,
            answered: 2,
            declined: 1,
            no_answer: 3,
            not_invited: 1,
        }
    );
    assert_eq!(statuses.into_iter().collect::<ListCounts>(), counts);
    assert_eq!(ListCounts::of([]), ListCounts::default());
}

// ---- reminders ----

#[test]
fn reminder_day_across_a_weekend() {
    let cal = Calendar::national();
    let opens = date(2026, 8, 17);
    // Deadline Monday 14 September 2026.
    let last_day = date(2026, 9, 14);
    assert_eq!(reminder_day(&cal, opens, last_day, 0), last_day);
    assert_eq!(reminder_day(&cal, opens, last_day, 1), date(2026, 9, 11));
    assert_eq!(reminder_day(&cal, opens, last_day, 3), date(2026, 9, 9));
    // A deadline on a Saturday: the Friday is one working day before.
    assert_eq!(
        reminder_day(&cal, opens, date(2026, 9, 12), 1),
        date(2026, 9, 11)
    );
    // Never before the hearing opens, however many days are asked for.
    assert_eq!(
        reminder_day(&cal, date(2026, 9, 10), last_day, 5),
        date(2026, 9, 10)
    );
    assert_eq!(reminder_day(&cal, opens, last_day, u32::MAX), opens);
    // Counting back is what adding counts forward.
    let day = reminder_day(&cal, opens, last_day, 7);
    assert_eq!(cal.add_working_days(day, 7), last_day);
}

#[test]
fn reminder_day_across_easter_2027() {
    let cal = Calendar::national();
    assert_eq!(
        cal.holiday_name(date(2027, 3, 25)),
        Some(Holiday::MaundyThursday)
    );
    assert_eq!(
        cal.holiday_name(date(2027, 3, 29)),
        Some(Holiday::EasterMonday)
    );
    let opens = date(2027, 3, 1);
    // Deadline Tuesday 30 March, the day after 2. påskedag: one working day before is the
    // Wednesday before Easter.
    let last_day = date(2027, 3, 30);
    assert_eq!(reminder_day(&cal, opens, last_day, 1), date(2027, 3, 24));
    assert_eq!(reminder_day(&cal, opens, last_day, 2), date(2027, 3, 23));
    assert_eq!(
        reminder_day(&cal, opens, date(2027, 3, 31), 3),
        date(2027, 3, 23)
    );
    // A municipality's own closing day counts too.
    let closed = Calendar::national().with_closing_days([date(2027, 3, 24)]);
    assert_eq!(reminder_day(&closed, opens, last_day, 1), date(2027, 3, 23));
}

#[test]
fn reminders_go_to_invited_parties_once_within_the_window() {
    use PartyStatus::*;
    let reminder = date(2026, 9, 9);
    let last_day = date(2026, 9, 14);
    let due = |today, reminded, status| due_reminder(today, reminder, last_day, reminded, status);
    assert!(!due(date(2026, 9, 8), false, Invited));
    assert!(due(reminder, false, Invited));
    assert!(due(date(2026, 9, 12), false, Invited));
    assert!(due(last_day, false, Invited));
    assert!(!due(date(2026, 9, 15), false, Invited));
    assert!(!due(reminder, true, Invited));
    for status in [NotInvited, Answered, Declined] {
        assert!(!due(reminder, false, status), "{status:?}");
    }
}

// ---- merging and the public list ----

#[test]
fn merge_adds_only_new_addresses() {
    let existing = [
        party("DN", None, "post@dn.dk", PartyKind::Association),
        party("Handicaprådet", None, "hr@roskilde.dk", PartyKind::Council),
    ];
    let incoming = [
        party("DN Roskilde", None, "Post@DN.dk", PartyKind::Association),
        party("Vejdirektoratet", None, "post@vd.dk", PartyKind::Authority),
        party("Ældrerådet", None, "aeldre@roskilde.dk", PartyKind::Council),
        party("Vejdirektoratet", None, "POST@vd.dk", PartyKind::Authority),
        party("Handicaprådet", None, "hr@roskilde.dk", PartyKind::Council),
    ];
    let (added, skipped) = merge(&existing, &incoming);
    assert_eq!(added, [incoming[1].clone(), incoming[2].clone()]);
    assert_eq!(skipped, [0, 3, 4]);
    let (added, skipped) = merge(&[], &existing);
    assert_eq!(added, existing);
    assert!(skipped.is_empty());
}

#[test]
fn public_list_in_danish_order_without_personal_data() {
    let parties = [
        party(
            "Ørsted A/S",
            Some("Ib Ørsted"),
            "ib@orsted.dk",
            PartyKind::Company,
        ),
        party(
            "Aarhus Kommune",
            None,
            "post@aarhus.dk",
            PartyKind::Authority,
        ),
        party(
            "Ældre Sagen",
            Some("Kis Holm"),
            "kis@as.dk",
            PartyKind::Association,
        ),
        party("Zoologisk Have", None, "zoo@zoo.dk", PartyKind::Company),
        party("Åmosen Lokalråd", None, "amosen@lr.dk", PartyKind::Council),
        party("ældrerådet", None, "aeldre@roskilde.dk", PartyKind::Council),
        party(
            "Handicaprådet",
            Some("Eva Berg"),
            "hr@roskilde.dk",
            PartyKind::Council,
        ),
        party(
            "3F Roskilde",
            None,
            "roskilde@3f.dk",
            PartyKind::Association,
        ),
        party("Øbro Vandværk", None, "ov@vand.dk", PartyKind::Company),
        party("Ärö Forening", None, "aro@f.dk", PartyKind::Association),
        party("Élite Foreningen", None, "e@f.dk", PartyKind::Association),
        party("DN", Some("Anna"), "post@dn.dk", PartyKind::Association),
        party("DN", Some("Bo"), "roskilde@dn.dk", PartyKind::Association),
        party("dn", None, "odsherred@dn.dk", PartyKind::Association),
    ];
    let list = public_list(&parties);
    let names: Vec<_> = list.iter().map(|p| p.organisation.as_str()).collect();
    assert_eq!(
        names,
        [
            "3F Roskilde",
            "DN",
            "Élite Foreningen",
            "Handicaprådet",
            "Zoologisk Have",
            "Ældre Sagen",
            "ældrerådet",
            "Ärö Forening",
            "Øbro Vandværk",
            "Ørsted A/S",
            "Åmosen Lokalråd",
            "Aarhus Kommune",
        ]
    );
    assert_eq!(list[0].kind, PartyKind::Association);
    assert_eq!(list[11].kind, PartyKind::Authority);
    let json = serde_json::to_string(&list).unwrap();
    for private in ["Ib", "Kis", "Eva", "Anna", "@"] {
        assert!(!json.contains(private), "{private} in {json}");
    }
}

#[test]
fn danish_order_details() {
    use std::cmp::Ordering::*;
    assert_eq!(danish_cmp("Zebra", "Æble"), Less);
    assert_eq!(danish_cmp("Æble", "Øl"), Less);
    assert_eq!(danish_cmp("Øl", "Ål"), Less);
    assert_eq!(danish_cmp("Aarhus", "Ål"), Greater);
    assert_eq!(danish_cmp("Aarhus", "Ølstykke"), Greater);
    assert_eq!(danish_cmp("Aarhus", "Århus"), Less);
    assert_eq!(danish_cmp("Aarhus", "Zealand"), Greater);
    assert_eq!(danish_cmp("Müller", "Mxyz"), Greater);
    assert_eq!(danish_cmp("Müller", "Mørk"), Less);
    assert_eq!(danish_cmp("Ældre Sagen", "Ældrerådet"), Less);
    assert_eq!(danish_cmp("Ældre  Sagen", "Ældrerådet"), Less);
    assert_eq!(danish_cmp("abc", "ABC"), Greater);
    assert_eq!(danish_cmp("abc", "abc"), Equal);
    assert_eq!(danish_cmp("Café", "Cafe"), Greater);
    assert_eq!(danish_cmp("Straße", "Strasse"), Greater);
    assert_eq!(danish_cmp("Straße", "Strasser"), Less);
    assert_eq!(danish_cmp("Cafe", "Caff"), Less);
}

// ---- round trip ----

/// A `;`-separated field as Excel writes one: quoted when it holds a separator, quote or
/// line break.
fn csv_field(s: &str) -> String {
    if s.contains([';', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

fn any_party() -> impl Strategy<Value = Party> {
    (
        "[A-Za-zÆØÅæøå0-9\"][A-Za-zÆØÅæøå0-9 ;,\"'&/.()-]{0,30}",
        prop::option::of("[A-Za-zÆØÅæøå][A-Za-zÆØÅæøå .,;\"-]{0,20}"),
        "[A-Za-z0-9._+-]{1,12}@[a-zA-Z0-9-]{1,10}\\.(dk|com|eu)",
        prop::sample::select(PartyKind::ALL.to_vec()),
    )
        .prop_map(|(organisation, contact, email, kind)| Party {
            organisation: OrganisationName::parse(&organisation).unwrap(),
            contact: contact.as_deref().and_then(|c| PersonName::parse(c).ok()),
            email: Email::parse(&email).unwrap(),
            kind,
        })
}

proptest! {
    #[test]
    fn a_written_list_imports_back(
        parties in prop::collection::vec(any_party(), 1..40),
        labels in any::<bool>(),
        crlf in any::<bool>(),
        bom in any::<bool>(),
    ) {
        let end = if crlf { "\r\n" } else { "\n" };
        let mut text = String::from(if bom { "\u{feff}" } else { "" });
        text.push_str("Organisation;Kontaktperson;E-mail;Type");
        text.push_str(end);
        for p in &parties {
            let contact = p.contact.as_ref().map(|c| c.as_str()).unwrap_or_default();
            let kind = if labels { danish_label(p.kind) } else { p.kind.as_str() };
            text.push_str(&format!(
                "{};{};{};{}{end}",
                csv_field(p.organisation.as_str()),
                csv_field(contact),
                csv_field(p.email.as_str()),
                csv_field(kind),
            ));
        }
        let (expected, _) = merge(&[], &parties);
        let import = import(&text).unwrap();
        prop_assert!(import.header);
        prop_assert_eq!(import.separator, ';');
        prop_assert!(import.rejected.is_empty(), "{:?}", import.rejected);
        prop_assert!(import.defaulted_kind.is_empty());
        prop_assert_eq!(import.parties, expected);
    }

    #[test]
    fn every_line_is_accounted_for_once(text in "[a-zæ@.;,\t\" \n\r-]{0,200}") {
        if let Ok(import) = import(&text) {
            prop_assert_eq!(import.parties.len(), import.lines.len());
            let mut all: Vec<usize> = import.lines.clone();
            all.extend(import.rejected.iter().map(|r| r.line));
            all.extend(&import.duplicates);
            let count = all.len();
            all.sort_unstable();
            all.dedup();
            prop_assert_eq!(all.len(), count);
            prop_assert!(import.defaulted_kind.iter().all(|l| import.lines.contains(l)));
        }
    }
}
