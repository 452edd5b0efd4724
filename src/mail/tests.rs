use super::*;

fn sender() -> Sender {
    Sender {
        municipality: "Roskilde Kommune".into(),
        site: "https://hoering.roskilde.dk/".into(),
    }
}

fn body(quote: &str) -> Body {
    Body {
        greeting: "Kære Anna <Jensen>".into(),
        paragraphs: vec!["Tak & farvel.".into()],
        facts: vec![("Kvitteringsnummer".into(), "2026-000042".into())],
        quote: Some(quote.into()),
        after: vec!["Skriv til os <her>.".into()],
        link: Some(("Se svaret".into(), sender().link("/kvittering/abc"))),
        why: "Du får denne e-mail, fordi …".into(),
        signature: "Roskilde Kommune".into(),
    }
}

#[test]
fn links_are_made_absolute_against_the_site() {
    assert_eq!(
        sender().link("/kvittering/abc"),
        "https://hoering.roskilde.dk/kvittering/abc"
    );
}

#[test]
fn text_and_html_carry_every_part() {
    let m = body("Første linje\nAnden linje").into_mail(
        MailKind::Receipt,
        "da",
        "anna@example.dk",
        "Kvittering",
    );
    assert_eq!(m.kind, MailKind::Receipt);
    assert_eq!(m.to, "anna@example.dk");
    assert_eq!(m.subject, "Kvittering");
    for part in [&m.text, &m.html] {
        assert!(part.contains("2026-000042"));
        assert!(part.contains("https://hoering.roskilde.dk/kvittering/abc"));
        assert!(part.contains("Roskilde Kommune"));
        assert!(part.contains("Du får denne e-mail, fordi"));
        assert!(part.contains("Kvitteringsnummer"));
    }
    assert!(m.text.starts_with("Kære Anna <Jensen>\n\n"));
    assert!(m.text.contains("Kvitteringsnummer: 2026-000042\n"));
    assert!(m.text.contains("> Første linje\n> Anden linje\n"));
    assert!(m.text.ends_with("\n\n-- \nRoskilde Kommune\n"));
    assert!(m.html.contains("Første linje<br>Anden linje"));
    assert!(m.html.contains("<html lang=\"da\">"));
    assert!(m.html.contains("border-left"));
}

#[test]
fn what_a_citizen_typed_is_escaped_in_html_and_kept_in_text() {
    let m = body("<script>alert(1)</script> & \"quotes\"").into_mail(
        MailKind::Receipt,
        "da",
        "a@b.dk",
        "<b>Emne</b>",
    );
    assert!(!m.html.contains("<script>"));
    assert!(
        m.html
            .contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp;")
    );
    assert!(m.html.contains("Kære Anna &lt;Jensen&gt;"));
    assert!(
        m.html.contains("<p>Skriv til os &lt;her&gt;.</p>"),
        "paragraphs after the quote are escaped"
    );
    assert!(m.html.contains("Tak &amp; farvel."));
    assert!(m.html.contains("<title>&lt;b&gt;Emne&lt;/b&gt;</title>"));
    assert!(m.text.contains("<script>alert(1)</script>"));
}

#[test]
fn a_subject_is_one_line_whatever_a_title_holds() {
    let m = body("x").into_mail(
        MailKind::SignupSeated,
        "da",
        "a@b.dk",
        "Du er tilmeldt: Møde\r\nBcc: evil@example.com",
    );
    assert!(!m.subject.contains('\n') && !m.subject.contains('\r'));
    assert_eq!(m.subject, "Du er tilmeldt: Møde Bcc: evil@example.com");
    assert_eq!(one_line("  a \n\n b\r"), "a b");
}

#[test]
fn a_right_to_left_language_is_marked_and_its_quote_ruled_on_the_right() {
    let m = body("x").into_mail(MailKind::Receipt, "ar", "a@b.dk", "إيصال");
    assert!(m.html.contains("<html lang=\"ar\" dir=\"rtl\">"));
    assert!(m.html.contains("border-right") && !m.html.contains("border-left"));
    for ltr in ["da", "en", "uk"] {
        let m = body("x").into_mail(MailKind::Receipt, ltr, "a@b.dk", "s");
        assert!(!m.html.contains("dir=\"rtl\""), "{ltr}");
    }
    assert!(right_to_left("ar-SA") && right_to_left("AR") && !right_to_left("da"));
}

#[test]
fn an_empty_body_has_no_empty_list_quote_or_link() {
    let m = Body {
        greeting: "Kære A".into(),
        why: "Fordi.".into(),
        signature: "K".into(),
        ..Body::default()
    }
    .into_mail(MailKind::InquiryAnswered, "da", "a@b.dk", "S");
    assert!(!m.html.contains("<dl>") && !m.html.contains("<blockquote"));
    assert!(!m.html.contains("<a href"));
    assert_eq!(m.text, "Kære A\n\nFordi.\n\n-- \nK\n");
}

#[test]
fn kinds_round_trip_and_news_and_invitations_know_their_kind() {
    for k in MailKind::ALL {
        assert_eq!(MailKind::parse(k.as_str()), Some(k));
    }
    assert_eq!(MailKind::parse("nope"), None);
    assert_eq!(SignupNews::Seated.kind(), MailKind::SignupSeated);
    assert_eq!(
        SignupNews::Waiting { place: 2 }.kind(),
        MailKind::SignupWaiting
    );
    assert_eq!(SignupNews::SeatOffered.kind(), MailKind::SeatOffered);
    assert_eq!(SignupNews::Cancelled.kind(), MailKind::SignupCancelled);
}
