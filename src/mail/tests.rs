use super::*;

fn sender() -> Sender {
    Sender {
        municipality: "Roskilde Kommune".into(),
        site: "https://hoering.roskilde.dk/".into(),
    }
}

fn receipt_mail(lang: Lang, text: &str) -> Mail {
    receipt(
        lang,
        &sender(),
        &ReceiptMail {
            to: "anna@example.dk",
            name: "Anna <Jensen>",
            hearing_title: "Integrationspolitik",
            receipt_number: "2026-000042",
            block: Some("3.2"),
            text,
            receipt_path: "/kvittering/abc",
            last_day: "21. december 2026",
        },
    )
}

#[test]
fn a_receipt_carries_the_copy_the_number_and_an_absolute_link_in_both_parts() {
    let m = receipt_mail(Lang::Da, "Første linje\nAnden linje");
    assert_eq!(m.kind, MailKind::Receipt);
    assert_eq!(m.to, "anna@example.dk");
    assert_eq!(
        m.subject,
        "Kvittering for dit høringssvar: Integrationspolitik"
    );
    for part in [&m.text, &m.html] {
        assert!(part.contains("2026-000042"));
        assert!(part.contains("https://hoering.roskilde.dk/kvittering/abc"));
        assert!(part.contains("Roskilde Kommune"));
        assert!(part.contains("Du får denne e-mail, fordi"));
        assert!(part.contains("21. december 2026"));
    }
    assert!(m.text.contains("> Første linje\n> Anden linje\n"));
    assert!(m.html.contains("Første linje<br>Anden linje"));
    let en = receipt_mail(Lang::En, "x");
    assert!(
        en.subject
            .starts_with("Receipt for your consultation response")
    );
    assert!(en.text.contains("You receive this e-mail because"));
    assert!(en.html.contains("<html lang=\"en\">"));
}

#[test]
fn what_a_citizen_typed_is_escaped_in_html_and_kept_in_text() {
    let m = receipt_mail(Lang::Da, "<script>alert(1)</script> & \"quotes\"");
    assert!(!m.html.contains("<script>"));
    assert!(
        m.html
            .contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp;")
    );
    assert!(m.html.contains("Kære Anna &lt;Jensen&gt;"));
    assert!(m.text.contains("<script>alert(1)</script>"));
}

#[test]
fn a_subject_is_one_line_whatever_a_title_holds() {
    let m = signup(
        Lang::Da,
        &sender(),
        &SignupMail {
            to: "a@b.dk",
            name: "A",
            meeting_title: "Møde\r\nBcc: evil@example.com",
            when: "torsdag",
            place: "Rådhuset",
            signup_path: "/moeder/1/tilmelding/t",
            news: SignupNews::Seated,
        },
    );
    assert!(!m.subject.contains('\n') && !m.subject.contains('\r'));
    assert_eq!(m.subject, "Du er tilmeldt: Møde Bcc: evil@example.com");
}

#[test]
fn each_signup_news_has_its_kind_and_says_why() {
    let cases = [
        (SignupNews::Seated, MailKind::SignupSeated, "tilmeldt"),
        (
            SignupNews::Waiting { place: 2 },
            MailKind::SignupWaiting,
            "nummer 2",
        ),
        (SignupNews::SeatOffered, MailKind::SeatOffered, "den er din"),
        (SignupNews::Cancelled, MailKind::SignupCancelled, "afmeldt"),
    ];
    for (news, kind, words) in cases {
        for lang in [Lang::Da, Lang::En] {
            let m = signup(
                lang,
                &sender(),
                &SignupMail {
                    to: "a@b.dk",
                    name: "A",
                    meeting_title: "Dialogmøde om integrationspolitikken",
                    when: "torsdag 12. september 2019 kl. 17.00–20.00",
                    place: "Roskilde Bibliotek",
                    signup_path: "/moeder/1/tilmelding/t",
                    news,
                },
            );
            assert_eq!(m.kind, kind);
            assert!(m.text.contains("Roskilde Bibliotek"));
            if lang == Lang::Da {
                assert!(m.text.contains(words), "{news:?}: {}", m.text);
                assert!(m.text.contains("Du får denne e-mail, fordi"));
            } else {
                assert!(m.text.contains("You receive this e-mail because"));
            }
            // A cancelled sign-up has nothing left to cancel.
            assert_eq!(
                m.text.contains("/moeder/1/tilmelding/t"),
                news != SignupNews::Cancelled
            );
        }
    }
}

#[test]
fn kinds_round_trip_and_languages_parse_leniently() {
    for k in MailKind::ALL {
        assert_eq!(MailKind::parse(k.as_str()), Some(k));
    }
    assert_eq!(MailKind::parse("nope"), None);
    assert_eq!(Lang::parse("en-GB"), Lang::En);
    assert_eq!(Lang::parse("da"), Lang::Da);
    assert_eq!(Lang::parse(""), Lang::Da);
}

#[test]
fn an_inquiry_answer_quotes_the_answer() {
    let m = inquiry_answered(
        Lang::Da,
        &sender(),
        &InquiryMail {
            to: "a@b.dk",
            name: "Bo",
            policy_title: "Integrationspolitik",
            question: "Hvornår?",
            answer: "I januar.",
            policy_path: "/politikker/integrationspolitik",
        },
    );
    assert_eq!(m.kind, MailKind::InquiryAnswered);
    assert!(m.text.contains("Hvornår?") && m.text.contains("> I januar."));
    assert!(
        m.text
            .contains("https://hoering.roskilde.dk/politikker/integrationspolitik")
    );
}

#[test]
fn an_invitation_and_a_reminder_carry_the_partys_own_link_and_say_why() {
    let m = |reminder| {
        invitation(
            &sender(),
            &InvitationMail {
                to: "post@forening.example",
                organisation: "Ældre Sagen Roskilde",
                contact: Some("Birthe Holm"),
                hearing_title: "Integrationspolitik",
                last_day: "21. december 2026",
                party_path: "/hoeringsliste/abc",
                reminder,
            },
        )
    };
    let invite = m(false);
    assert_eq!(invite.kind, MailKind::Invitation);
    assert_eq!(invite.subject, "Invitation til høring: Integrationspolitik");
    assert!(invite.text.contains("Kære Birthe Holm"));
    assert!(
        invite
            .text
            .contains("https://hoering.roskilde.dk/hoeringsliste/abc")
    );
    assert!(invite.text.contains("står på høringslisten"));
    let remind = m(true);
    assert_eq!(remind.kind, MailKind::Reminder);
    assert!(remind.subject.starts_with("Påmindelse"));
    assert!(remind.text.contains("21. december 2026"));
}

#[test]
fn a_withheld_response_is_told_why_with_the_reason_escaped() {
    let m = withheld(
        Lang::Da,
        &sender(),
        &WithheldMail {
            to: "a@b.dk",
            name: "Bo",
            hearing_title: "Integrationspolitik\nBcc: x@y.dk",
            receipt_number: "H-2026-0001",
            reason: "Svaret nævner en navngiven borger <b>med</b> helbredsoplysninger.",
            receipt_path: "/kvittering/abc",
        },
    );
    assert_eq!(m.kind, MailKind::Withheld);
    assert!(!m.subject.contains('\n'), "one line: no header injection");
    assert!(
        m.text
            .contains("> Svaret nævner en navngiven borger <b>med</b>")
    );
    assert!(m.html.contains("&lt;b&gt;med&lt;/b&gt;") && !m.html.contains("<b>med</b>"));
    assert!(
        m.text
            .contains("https://hoering.roskilde.dk/kvittering/abc")
    );
    assert!(m.text.contains("H-2026-0001"));
}

#[test]
fn a_respondent_is_told_the_notat_is_out_with_an_absolute_link_to_the_result() {
    let m = remarks_published(
        Lang::Da,
        &sender(),
        &RemarksMail {
            to: "a@b.dk",
            name: "Bo <Hansen>",
            hearing_title: "Integrationspolitik\r\nBcc: x@y.dk",
            receipt_number: "H-2026-0001",
            result_path: "/hoeringer/integrationspolitik/resultat",
        },
    );
    assert_eq!(m.kind, MailKind::RemarksPublished);
    assert_eq!(MailKind::parse("remarks_published"), Some(m.kind));
    assert!(!m.subject.contains('\n') && !m.subject.contains('\r'));
    assert!(
        m.subject
            .starts_with("Svar på dit høringssvar om Integrationspolitik")
    );
    assert!(m.text.contains("/hoeringer/integrationspolitik/resultat"));
    assert!(m.text.contains("H-2026-0001"));
    assert!(m.html.contains("Bo &lt;Hansen&gt;") && !m.html.contains("<Hansen>"));
}
