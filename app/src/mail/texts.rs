//! The words of every e-mail, from the translation catalogue (`mail_…` keys), in the reader's
//! language: one function per message, each filling the core's [`Body`], so the subject, the
//! plain text and the HTML read the same sentences. Dates come worded by [`crate::dates`]
//! (`long_date`, `long_date_time`, `time_span`) in the same language. Server-only: none of this
//! goes to the browser.

use crate::i18n::*;
use hoering::mail::{
    Body, InquiryMail, InvitationMail, Mail, MailKind, ReceiptMail, RemarksMail, Sender,
    SignupMail, SignupNews, WithheldMail,
};

/// "Kære Anna", "Dear Anna", …
fn greeting(locale: Locale, name: &str) -> String {
    td_string!(locale, mail_greeting, name = name).to_string()
}

/// A label and its value, for the message's facts.
fn fact(label: &str, value: &str) -> (String, String) {
    (label.to_string(), value.to_string())
}

/// What every message has around its own words: the greeting, the link to read on (its label
/// and the path on the site), why the reader gets the message, and the municipality's signature.
/// Each message adds its paragraphs, facts and quote.
fn letter(
    locale: Locale,
    sender: &Sender,
    name: &str,
    link: Option<(&str, &str)>,
    why: &str,
) -> Body {
    Body {
        greeting: greeting(locale, name),
        link: link.map(|(label, path)| (label.to_string(), sender.link(path))),
        why: why.to_string(),
        signature: sender.municipality.clone(),
        ..Body::default()
    }
}

/// A message to a respondent about a response already sent: its one paragraph, the receipt
/// number that tells which response it is about, and the link to read on.
fn to_respondent(
    locale: Locale,
    sender: &Sender,
    name: &str,
    receipt_number: &str,
    lead: &str,
    link: (&str, &str),
) -> Body {
    let why = td_string!(
        locale,
        mail_response_why,
        municipality = sender.municipality.as_str()
    )
    .to_string();
    Body {
        paragraphs: vec![lead.to_string()],
        facts: vec![fact(
            td_string!(locale, mail_fact_receipt_number),
            receipt_number,
        )],
        ..letter(locale, sender, name, Some(link), &why)
    }
}

/// The receipt for a høringssvar: a copy of what was sent, its number and where to read it.
pub fn receipt(locale: Locale, sender: &Sender, m: &ReceiptMail<'_>) -> Mail {
    let municipality = sender.municipality.as_str();
    let subject = td_string!(locale, mail_receipt_subject, title = m.hearing_title).to_string();
    let mut facts = vec![
        fact(
            td_string!(locale, mail_fact_receipt_number),
            m.receipt_number,
        ),
        fact(td_string!(locale, mail_fact_hearing), m.hearing_title),
    ];
    if let Some(block) = m.block {
        // Cited as every page cites it ("3.4, punkt 1"), not as the stored number.
        let label = crate::components::block_label(locale, block);
        facts.push(fact(td_string!(locale, mail_fact_block), &label));
    }
    if let Some(quote) = m.quote {
        facts.push(fact(td_string!(locale, mail_fact_quote), quote));
    }
    facts.push(fact(
        td_string!(locale, export_publication),
        crate::names::publication(locale, m.publication),
    ));
    for (name, sha256) in m.files {
        facts.push(fact(
            td_string!(locale, mail_fact_file),
            &format!("{name} (SHA-256 {sha256})"),
        ));
    }
    let lead = td_string!(
        locale,
        mail_receipt_lead,
        municipality = municipality,
        last_day = m.last_day
    )
    .to_string();
    let why = td_string!(locale, mail_receipt_why, municipality = municipality).to_string();
    let link = (td_string!(locale, mail_receipt_link), m.receipt_path);
    Body {
        paragraphs: vec![
            lead,
            td_string!(locale, mail_receipt_what_next).to_string(),
            td_string!(locale, mail_receipt_own).to_string(),
        ],
        facts,
        quote: Some(m.text.to_string()),
        ..letter(locale, sender, m.name, Some(link), &why)
    }
    .into_mail(MailKind::Receipt, locale.as_str(), m.to, &subject)
}

/// A message about one sign-up for a dialogue meeting: seated, waiting, offered a seat, or
/// cancelled.
pub fn signup(locale: Locale, sender: &Sender, m: &SignupMail<'_>) -> Mail {
    let t = m.meeting_title;
    let municipality = sender.municipality.as_str();
    let (subject, lead) = match m.news {
        SignupNews::Seated => (
            td_string!(locale, mail_signup_seated_subject, title = t).to_string(),
            td_string!(locale, mail_signup_seated_lead, title = t).to_string(),
        ),
        SignupNews::Waiting { place } => (
            td_string!(locale, mail_signup_waiting_subject, title = t).to_string(),
            td_string!(locale, mail_signup_waiting_lead, title = t, number = place).to_string(),
        ),
        SignupNews::SeatOffered => (
            td_string!(locale, mail_seat_offered_subject, title = t).to_string(),
            td_string!(locale, mail_seat_offered_lead, title = t).to_string(),
        ),
        SignupNews::Cancelled => (
            td_string!(locale, mail_signup_cancelled_subject, title = t).to_string(),
            td_string!(locale, mail_signup_cancelled_lead, title = t).to_string(),
        ),
    };
    // A cancelled sign-up has nothing left to see or cancel, and the usual reason offers the
    // link to cancel, which it no longer has.
    let cancelled = m.news == SignupNews::Cancelled;
    let link = (!cancelled).then(|| (td_string!(locale, mail_signup_link), m.signup_path));
    let why = if cancelled {
        td_string!(
            locale,
            mail_signup_cancelled_why,
            municipality = municipality
        )
        .to_string()
    } else {
        td_string!(locale, mail_signup_why, municipality = municipality).to_string()
    };
    Body {
        paragraphs: vec![lead],
        facts: vec![
            fact(td_string!(locale, mail_fact_when), m.when),
            fact(td_string!(locale, mail_fact_where), m.place),
        ],
        ..letter(locale, sender, m.name, link, &why)
    }
    .into_mail(m.news.kind(), locale.as_str(), m.to, &subject)
}

/// The answer to a question the public asked about a policy.
pub fn inquiry_answered(locale: Locale, sender: &Sender, m: &InquiryMail<'_>) -> Mail {
    let subject = td_string!(locale, mail_inquiry_subject, title = m.policy_title).to_string();
    let why = td_string!(
        locale,
        mail_inquiry_why,
        municipality = sender.municipality.as_str()
    )
    .to_string();
    let link = (td_string!(locale, mail_inquiry_link), m.policy_path);
    Body {
        paragraphs: vec![
            td_string!(locale, mail_inquiry_you_asked).to_string(),
            m.question.to_string(),
            td_string!(locale, mail_inquiry_our_answer).to_string(),
        ],
        quote: Some(m.answer.to_string()),
        ..letter(locale, sender, m.name, Some(link), &why)
    }
    .into_mail(MailKind::InquiryAnswered, locale.as_str(), m.to, &subject)
}

/// Tells a respondent that their response is not published, and the clerk's reason. It still
/// counts: the clerks read it and it is part of the hearing; only the public copy is withheld.
pub fn withheld(locale: Locale, sender: &Sender, m: &WithheldMail<'_>) -> Mail {
    let subject = td_string!(locale, mail_withheld_subject, title = m.hearing_title).to_string();
    let municipality = sender.municipality.as_str();
    // The reason follows its announcement directly; then whom to write to if the sender
    // disagrees, naming the receipt number to refer to.
    let lead = td_string!(locale, mail_withheld_lead, receipt = m.receipt_number).to_string();
    let contact = if m.contact.trim().is_empty() {
        municipality
    } else {
        m.contact.trim()
    };
    let object = td_string!(
        locale,
        mail_withheld_object,
        contact = contact,
        receipt = m.receipt_number
    )
    .to_string();
    let why = td_string!(locale, mail_response_why, municipality = municipality).to_string();
    let link = (td_string!(locale, mail_withheld_link), m.receipt_path);
    Body {
        paragraphs: vec![lead],
        quote: Some(m.reason.to_string()),
        after: vec![object],
        ..letter(locale, sender, m.name, Some(link), &why)
    }
    .into_mail(MailKind::Withheld, locale.as_str(), m.to, &subject)
}

/// Tells a respondent that the administration's bemærkninger are published, with the link.
pub fn remarks_published(locale: Locale, sender: &Sender, m: &RemarksMail<'_>) -> Mail {
    let subject = td_string!(locale, mail_remarks_subject, title = m.hearing_title).to_string();
    let lead = td_string!(locale, mail_remarks_lead);
    let link = (td_string!(locale, mail_remarks_link), m.result_path);
    to_respondent(locale, sender, m.name, m.receipt_number, lead, link).into_mail(
        MailKind::RemarksPublished,
        locale.as_str(),
        m.to,
        &subject,
    )
}

/// A revised edition of the høringsnotat is out: edition `number`, and what changed and why
/// (`reason`, the clerk's words, quoted). `m.result_path` is the notat's page.
pub fn notat_revised(
    locale: Locale,
    sender: &Sender,
    m: &RemarksMail<'_>,
    number: i64,
    reason: &str,
) -> Mail {
    let subject = td_string!(locale, mail_revised_subject, title = m.hearing_title).to_string();
    let lead = td_string!(locale, mail_revised_lead, number = number).to_string();
    let link = (td_string!(locale, mail_revised_link), m.result_path);
    Body {
        quote: Some(reason.to_owned()),
        ..to_respondent(locale, sender, m.name, m.receipt_number, &lead, link)
    }
    .into_mail(MailKind::NotatRevised, locale.as_str(), m.to, &subject)
}

/// An invitation to respond, or the reminder before the deadline, to a party on the
/// høringsliste. Parties are Danish organisations: the caller passes [`Locale::da`].
pub fn invitation(locale: Locale, sender: &Sender, m: &InvitationMail<'_>) -> Mail {
    let municipality = sender.municipality.as_str();
    let (subject, lead) = if m.reminder {
        (
            td_string!(
                locale,
                mail_reminder_subject,
                title = m.hearing_title,
                last_day = m.last_day
            )
            .to_string(),
            td_string!(
                locale,
                mail_reminder_lead,
                municipality = municipality,
                organisation = m.organisation,
                title = m.hearing_title,
                last_day = m.last_day
            )
            .to_string(),
        )
    } else {
        (
            td_string!(locale, mail_invitation_subject, title = m.hearing_title).to_string(),
            td_string!(
                locale,
                mail_invitation_lead,
                municipality = municipality,
                organisation = m.organisation,
                title = m.hearing_title,
                last_day = m.last_day
            )
            .to_string(),
        )
    };
    let why = td_string!(
        locale,
        mail_invitation_why,
        organisation = m.organisation,
        title = m.hearing_title,
        municipality = municipality
    )
    .to_string();
    let link = (td_string!(locale, mail_invitation_link), m.party_path);
    let name = m.contact.unwrap_or(m.organisation);
    Body {
        paragraphs: vec![lead],
        facts: vec![
            fact(td_string!(locale, mail_fact_hearing), m.hearing_title),
            fact(td_string!(locale, mail_fact_deadline), m.last_day),
        ],
        ..letter(locale, sender, name, Some(link), &why)
    }
    .into_mail(m.kind(), locale.as_str(), m.to, &subject)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sender() -> Sender {
        Sender {
            municipality: "Roskilde Kommune".into(),
            site: "https://hoering.roskilde.dk/".into(),
        }
    }

    fn receipt_mail(locale: Locale, text: &str) -> Mail {
        receipt(
            locale,
            &sender(),
            &ReceiptMail {
                to: "anna@example.dk",
                name: "Anna <Jensen>",
                hearing_title: "Integrationspolitik",
                receipt_number: "2026-000042",
                block: Some("3.2"),
                quote: Some("danskundervisning fra første dag"),
                text,
                receipt_path: "/kvittering/abc",
                last_day: "21. december 2026",
                publication: hoering::response::Publication::Anonymous,
                files: &[],
            },
        )
    }

    fn signup_mail(locale: Locale, news: SignupNews) -> Mail {
        signup(
            locale,
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
        )
    }

    fn inquiry_mail(locale: Locale) -> Mail {
        inquiry_answered(
            locale,
            &sender(),
            &InquiryMail {
                to: "a@b.dk",
                name: "Bo",
                policy_title: "Integrationspolitik",
                question: "Hvornår?",
                answer: "I januar.",
                policy_path: "/politikker/integrationspolitik",
            },
        )
    }

    fn withheld_mail(locale: Locale) -> Mail {
        withheld(
            locale,
            &sender(),
            &WithheldMail {
                to: "a@b.dk",
                name: "Bo",
                hearing_title: "Integrationspolitik\nBcc: x@y.dk",
                receipt_number: "H-2026-0001",
                reason: "Svaret nævner en navngiven borger <b>med</b> helbredsoplysninger.",
                contact: "Anna Jensen, integration@roskilde.dk",
                receipt_path: "/kvittering/abc",
            },
        )
    }

    fn remarks_mail(locale: Locale) -> Mail {
        remarks_published(
            locale,
            &sender(),
            &RemarksMail {
                to: "a@b.dk",
                name: "Bo <Hansen>",
                hearing_title: "Integrationspolitik\r\nBcc: x@y.dk",
                receipt_number: "H-2026-0001",
                result_path: "/hoeringer/integrationspolitik/resultat",
            },
        )
    }

    fn invitation_mail(locale: Locale, reminder: bool) -> Mail {
        invitation(
            locale,
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
    }

    /// Every message there is, in `locale`.
    fn every_mail(locale: Locale) -> Vec<Mail> {
        let mut all = vec![
            receipt_mail(locale, "Et svar."),
            inquiry_mail(locale),
            withheld_mail(locale),
            remarks_mail(locale),
            invitation_mail(locale, false),
            invitation_mail(locale, true),
        ];
        for news in [
            SignupNews::Seated,
            SignupNews::Waiting { place: 2 },
            SignupNews::SeatOffered,
            SignupNews::Cancelled,
        ] {
            all.push(signup_mail(locale, news));
        }
        all
    }

    #[test]
    fn a_receipt_carries_the_copy_the_number_and_an_absolute_link_in_both_parts() {
        let m = receipt_mail(Locale::da, "Første linje\nAnden linje");
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
        assert!(m.text.contains(
            "Tak for dit høringssvar. Roskilde Kommune har modtaget det, og det indgår i \
             behandlingen. Høringen slutter 21. december 2026. Her er en kopi af det, du skrev."
        ));
        assert!(m.text.contains("Afsnit: 3.2\n"));
        assert!(m.text.contains("> Første linje\n> Anden linje\n"));
        assert!(m.html.contains("Første linje<br>Anden linje"));
        let en = receipt_mail(Locale::en, "x");
        assert!(
            en.subject
                .starts_with("Receipt for your consultation response")
        );
        assert!(en.text.starts_with("Dear Anna <Jensen>\n"));
        assert!(en.text.contains("You receive this e-mail because"));
        assert!(en.text.contains("Paragraph: 3.2\n"));
        assert!(en.html.contains("<html lang=\"en\">"));
    }

    #[test]
    fn what_a_citizen_typed_is_escaped_in_html_and_kept_in_text() {
        let m = receipt_mail(Locale::da, "<script>alert(1)</script> & \"quotes\"");
        assert_escaped_in_html_kept_in_text(
            &m,
            "&lt;script&gt;alert(1)&lt;/script&gt; &amp;",
            "Kære Anna &lt;Jensen&gt;",
            "<script>alert(1)</script>",
        );
    }

    /// No tag a sender typed reaches the HTML part: there it stands escaped (`html`), and so does
    /// the sender's name in the greeting; the plain text keeps what was typed (`text`).
    fn assert_escaped_in_html_kept_in_text(m: &Mail, html: &str, greeting: &str, text: &str) {
        assert!(!m.html.contains("<script>"));
        assert!(m.html.contains(html), "{}", m.html);
        assert!(m.html.contains(greeting), "{}", m.html);
        assert!(m.text.contains(text), "{}", m.text);
    }

    #[test]
    fn an_arabic_receipt_is_in_arabic_right_to_left_and_escapes_what_was_typed() {
        let m = receipt_mail(Locale::ar, "<script>alert(1)</script> سؤال");
        assert!(m.subject.contains("إيصال"), "{}", m.subject);
        assert!(m.subject.ends_with("Integrationspolitik"));
        for part in [&m.text, &m.html] {
            assert!(part.contains("شكرًا على ردّكم"), "{part}");
            assert!(part.contains("رقم الإيصال"));
            assert!(part.contains("21. december 2026"));
            assert!(part.contains("https://hoering.roskilde.dk/kvittering/abc"));
            assert!(!part.contains("Du får denne e-mail") && !part.contains("You receive"));
        }
        assert!(m.html.contains("<html lang=\"ar\" dir=\"rtl\">"));
        assert_escaped_in_html_kept_in_text(
            &m,
            "&lt;script&gt;alert(1)&lt;/script&gt; سؤال",
            "حضرة Anna &lt;Jensen&gt;",
            "> <script>alert(1)</script> سؤال\n",
        );
    }

    #[test]
    fn every_mail_reads_whole_in_every_language() {
        for locale in Locale::get_all() {
            for m in every_mail(*locale) {
                let what = format!("{locale:?} {:?}", m.kind);
                for part in [&m.subject, &m.text, &m.html] {
                    assert!(!part.trim().is_empty(), "{what}: an empty part");
                    assert!(
                        !part.contains("{{") && !part.contains("}}"),
                        "{what}: a placeholder is left: {part}"
                    );
                }
                assert!(
                    !m.subject.contains('\n') && !m.subject.contains('\r'),
                    "{what}"
                );
                assert!(m.text.contains("Roskilde Kommune"), "{what}");
                assert!(
                    m.html
                        .contains(&format!("<html lang=\"{}\"", locale.as_str())),
                    "{what}"
                );
                // Subject and body come from the same words: the subject's title is in both.
                assert!(
                    m.subject.contains("Integrationspolitik") || m.subject.contains("Dialogmøde")
                );
            }
        }
    }

    #[test]
    fn the_four_languages_do_not_share_their_sentences() {
        let leads: Vec<String> = Locale::get_all()
            .iter()
            .map(|l| receipt_mail(*l, "x").text)
            .collect();
        for (i, a) in leads.iter().enumerate() {
            for b in &leads[i + 1..] {
                assert_ne!(a, b);
            }
        }
        let uk = receipt_mail(Locale::uk, "x");
        assert!(uk.subject.starts_with("Квитанція"), "{}", uk.subject);
        assert!(uk.text.contains("Дякуємо за Ваш відгук"));
        assert!(uk.html.contains("<html lang=\"uk\">"));
    }

    #[test]
    fn a_subject_is_one_line_whatever_a_title_holds() {
        let m = signup(
            Locale::da,
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
            for locale in Locale::get_all() {
                let m = signup_mail(*locale, news);
                assert_eq!(m.kind, kind);
                assert!(m.text.contains("Roskilde Bibliotek"));
                match locale {
                    Locale::da => {
                        assert!(m.text.contains(words), "{news:?}: {}", m.text);
                        assert!(m.text.contains("Du får denne e-mail, fordi"));
                    }
                    Locale::en => assert!(m.text.contains("You receive this e-mail because")),
                    _ => {}
                }
                // A cancelled sign-up has nothing left to cancel, and says no link is there.
                assert_eq!(
                    m.text.contains("/moeder/1/tilmelding/t"),
                    news != SignupNews::Cancelled
                );
                let offers_link = match locale {
                    Locale::da => m.text.contains("via linket"),
                    Locale::en => m.text.contains("with the link"),
                    Locale::ar => m.text.contains("عبر الرابط"),
                    Locale::uk => m.text.contains("за посиланням"),
                };
                assert_eq!(
                    offers_link,
                    news != SignupNews::Cancelled,
                    "{locale:?} {news:?}"
                );
            }
        }
        let waiting = signup_mail(Locale::en, SignupNews::Waiting { place: 2 });
        assert!(waiting.text.contains(
            "The dialogue meeting “Dialogmøde om integrationspolitikken” is full, so you are \
             number 2 on the waiting list."
        ));
        assert!(waiting.text.contains("When: torsdag"));
    }

    #[test]
    fn an_inquiry_answer_quotes_the_answer() {
        let m = inquiry_mail(Locale::da);
        assert_eq!(m.kind, MailKind::InquiryAnswered);
        assert_eq!(m.subject, "Svar på dit spørgsmål om Integrationspolitik");
        assert!(m.text.contains("Du spurgte:\n\nHvornår?\n\nVores svar:"));
        assert!(m.text.contains("> I januar."));
        assert!(
            m.text
                .contains("https://hoering.roskilde.dk/politikker/integrationspolitik")
        );
    }

    #[test]
    fn an_invitation_and_a_reminder_carry_the_partys_own_link_and_say_why() {
        let invite = invitation_mail(Locale::da, false);
        assert_eq!(invite.kind, MailKind::Invitation);
        assert_eq!(invite.subject, "Invitation til høring: Integrationspolitik");
        assert!(invite.text.contains("Kære Birthe Holm"));
        assert!(invite.text.contains(
            "Roskilde Kommune inviterer Ældre Sagen Roskilde til at give høringssvar på \
             »Integrationspolitik«. Fristen er 21. december 2026."
        ));
        assert!(invite.text.contains("Frist: 21. december 2026\n"));
        assert!(
            invite
                .text
                .contains("https://hoering.roskilde.dk/hoeringsliste/abc")
        );
        assert!(invite.text.contains("står på høringslisten"));
        let remind = invitation_mail(Locale::da, true);
        assert_eq!(remind.kind, MailKind::Reminder);
        assert_eq!(
            remind.subject,
            "Påmindelse: høringsfristen for Integrationspolitik er 21. december 2026"
        );
        assert!(remind.text.contains("21. december 2026"));
    }

    #[test]
    fn a_withheld_response_is_told_why_with_the_reason_escaped() {
        let m = withheld_mail(Locale::da);
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
        let en = withheld_mail(Locale::en);
        assert!(
            en.subject
                .starts_with("Your response on Integrationspolitik")
        );
        assert!(en.text.contains("The reason is:"));
    }

    #[test]
    fn the_reason_follows_its_announcement_and_says_whom_to_write_to() {
        let m = withheld_mail(Locale::da);
        assert!(
            m.text
                .contains("Begrundelsen er:\n\n> Svaret nævner en navngiven borger"),
            "the reason right after 'Begrundelsen er:': {}",
            m.text
        );
        let object = m.text.find("Er du uenig").expect("how to object");
        assert!(
            object > m.text.find("> Svaret").expect("the reason"),
            "after the reason"
        );
        assert!(m.text[object..].contains("Anna Jensen, integration@roskilde.dk"));
        assert!(m.text[object..].contains("H-2026-0001"));
        assert!(m.html.contains("Er du uenig"));
    }

    #[test]
    fn the_receipt_repeats_the_publication_choice_and_what_comes_next() {
        let m = receipt_mail(Locale::da, "Et svar.");
        assert!(m.text.contains("Offentliggørelse: Anonymt"), "{}", m.text);
        assert!(
            m.text
                .contains("læser alle høringssvar, før de offentliggøres")
        );
        assert!(m.text.contains("får du en e-mail med et link"));
        let uk = receipt_mail(Locale::uk, "Et svar.");
        assert!(
            !uk.text.contains("Offentliggørelse"),
            "in the sender's language"
        );
    }

    #[test]
    fn the_receipt_cites_the_paragraph_as_the_pages_do_and_repeats_the_quoted_words() {
        let m = receipt(
            Locale::da,
            &sender(),
            &ReceiptMail {
                to: "anna@example.dk",
                name: "Anna",
                hearing_title: "Integrationspolitik",
                receipt_number: "2026-000042",
                block: Some("3.4.1"),
                quote: Some("danskundervisning fra første dag"),
                text: "Et svar.",
                receipt_path: "/kvittering/abc",
                last_day: "21. december 2026",
                publication: hoering::response::Publication::WithName,
                files: &[],
            },
        );
        assert!(m.text.contains("Afsnit: 3.4, punkt 1"), "{}", m.text);
        assert!(!m.text.contains("3.4.1"));
        assert!(
            m.text
                .contains("Om ordene: danskundervisning fra første dag"),
            "{}",
            m.text
        );
        assert!(m.html.contains("danskundervisning fra første dag"));
    }

    #[test]
    fn a_respondent_is_told_the_notat_is_out_with_an_absolute_link_to_the_result() {
        let m = remarks_mail(Locale::da);
        assert_eq!(m.kind, MailKind::RemarksPublished);
        assert!(!m.subject.contains('\n') && !m.subject.contains('\r'));
        assert!(
            m.subject
                .starts_with("Svar på dit høringssvar om Integrationspolitik")
        );
        assert!(m.text.contains("/hoeringer/integrationspolitik/resultat"));
        assert!(m.text.contains("H-2026-0001"));
        assert!(m.html.contains("Bo &lt;Hansen&gt;") && !m.html.contains("<Hansen>"));
    }
}
