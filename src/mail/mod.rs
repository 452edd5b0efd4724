//! Outgoing e-mail: what each message says, in Danish and English, as plain text and HTML.
//! Every message is built from one [`Body`], so the two parts never say different things, and
//! every message to a citizen ends by saying why they get it.

#[cfg(test)]
mod tests;

use crate::document::escape_html;
use serde::{Deserialize, Serialize};

/// The language a message is written in: the one the citizen used on the site.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum Lang {
    #[default]
    Da,
    En,
}

impl Lang {
    /// `en…` is English; anything else, Danish first.
    pub fn parse(code: &str) -> Self {
        if code.trim().to_ascii_lowercase().starts_with("en") {
            Lang::En
        } else {
            Lang::Da
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Lang::Da => "da",
            Lang::En => "en",
        }
    }

    fn pick<'a>(self, da: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Da => da,
            Lang::En => en,
        }
    }
}

/// What a message is about; kept with the message so the outbox can be read by kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum MailKind {
    Receipt,
    SignupSeated,
    SignupWaiting,
    SeatOffered,
    SignupCancelled,
    InquiryAnswered,
    /// A party on the høringsliste is invited to respond.
    Invitation,
    /// A party that has not answered is reminded before the deadline.
    Reminder,
    /// A clerk withheld a response from publication; the sender is told why.
    Withheld,
    /// The høringsnotat is published; the answer to a response can be read.
    RemarksPublished,
}

impl MailKind {
    pub const ALL: [MailKind; 10] = [
        MailKind::Receipt,
        MailKind::SignupSeated,
        MailKind::SignupWaiting,
        MailKind::SeatOffered,
        MailKind::SignupCancelled,
        MailKind::InquiryAnswered,
        MailKind::Invitation,
        MailKind::Reminder,
        MailKind::Withheld,
        MailKind::RemarksPublished,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            MailKind::Receipt => "receipt",
            MailKind::SignupSeated => "signup_seated",
            MailKind::SignupWaiting => "signup_waiting",
            MailKind::SeatOffered => "seat_offered",
            MailKind::SignupCancelled => "signup_cancelled",
            MailKind::InquiryAnswered => "inquiry_answered",
            MailKind::Invitation => "invitation",
            MailKind::Reminder => "reminder",
            MailKind::Withheld => "withheld",
            MailKind::RemarksPublished => "remarks_published",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == code)
    }
}

/// Who sends: the municipality's name (it signs every message) and the site's address, which
/// links are made absolute against.
#[derive(Debug, Clone)]
pub struct Sender {
    pub municipality: String,
    pub site: String,
}

impl Sender {
    fn link(&self, path: &str) -> String {
        format!("{}{}", self.site.trim_end_matches('/'), path)
    }
}

/// A message ready for the outbox.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mail {
    pub kind: MailKind,
    pub to: String,
    pub subject: String,
    pub text: String,
    pub html: String,
}

/// The parts every message has, rendered once as text and once as HTML.
#[derive(Debug, Default)]
struct Body {
    greeting: String,
    paragraphs: Vec<String>,
    facts: Vec<(String, String)>,
    quote: Option<String>,
    link: Option<(String, String)>,
    why: String,
    signature: String,
}

impl Body {
    fn text(&self) -> String {
        let mut out = format!("{}\n\n", self.greeting);
        for p in &self.paragraphs {
            out.push_str(p);
            out.push_str("\n\n");
        }
        for (label, value) in &self.facts {
            out.push_str(&format!("{label}: {value}\n"));
        }
        if !self.facts.is_empty() {
            out.push('\n');
        }
        if let Some(quote) = &self.quote {
            for line in quote.lines() {
                out.push_str("> ");
                out.push_str(line);
                out.push('\n');
            }
            out.push('\n');
        }
        if let Some((label, url)) = &self.link {
            out.push_str(&format!("{label}:\n{url}\n\n"));
        }
        out.push_str(&format!("{}\n\n-- \n{}\n", self.why, self.signature));
        out
    }

    fn html(&self, lang: Lang, subject: &str) -> String {
        let e = escape_html;
        let mut out = format!(
            "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\"><title>{}</title></head>\
             <body style=\"font-family: sans-serif; line-height: 1.5; max-width: 40em\">\n<p>{}</p>\n",
            lang.as_str(),
            e(subject),
            e(&self.greeting)
        );
        for p in &self.paragraphs {
            out.push_str(&format!("<p>{}</p>\n", e(p)));
        }
        if !self.facts.is_empty() {
            out.push_str("<dl>\n");
            for (label, value) in &self.facts {
                out.push_str(&format!("<dt>{}</dt><dd>{}</dd>\n", e(label), e(value)));
            }
            out.push_str("</dl>\n");
        }
        if let Some(quote) = &self.quote {
            out.push_str("<blockquote style=\"border-left: 3px solid #999; margin-left: 0; padding-left: 1em\">");
            for (i, line) in quote.lines().enumerate() {
                if i > 0 {
                    out.push_str("<br>");
                }
                out.push_str(&e(line));
            }
            out.push_str("</blockquote>\n");
        }
        if let Some((label, url)) = &self.link {
            out.push_str(&format!("<p><a href=\"{}\">{}</a></p>\n", e(url), e(label)));
        }
        out.push_str(&format!(
            "<p style=\"color: #555; font-size: 0.9em\">{}</p>\n<p>{}</p>\n</body></html>\n",
            e(&self.why),
            e(&self.signature)
        ));
        out
    }

    fn into_mail(self, kind: MailKind, lang: Lang, to: &str, subject: String) -> Mail {
        Mail {
            kind,
            to: to.to_string(),
            text: self.text(),
            html: self.html(lang, &subject),
            subject: one_line(&subject),
        }
    }
}

/// A subject is one header line: anything a user typed into it loses its line breaks.
fn one_line(s: &str) -> String {
    s.split(['\r', '\n'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn greeting(lang: Lang, name: &str) -> String {
    match lang {
        Lang::Da => format!("Kære {name}"),
        Lang::En => format!("Dear {name}"),
    }
}

/// The receipt for a høringssvar: a copy of what was sent, its number and where to read it.
#[derive(Debug, Clone)]
pub struct ReceiptMail<'a> {
    pub to: &'a str,
    pub name: &'a str,
    pub hearing_title: &'a str,
    pub receipt_number: &'a str,
    /// The block it is about ("3.2"), if any.
    pub block: Option<&'a str>,
    pub text: &'a str,
    /// The receipt page's path, `/kvittering/…`.
    pub receipt_path: &'a str,
    /// The hearing's last day, as prose.
    pub last_day: &'a str,
}

pub fn receipt(lang: Lang, sender: &Sender, m: &ReceiptMail<'_>) -> Mail {
    let subject = match lang {
        Lang::Da => format!("Kvittering for dit høringssvar: {}", m.hearing_title),
        Lang::En => format!(
            "Receipt for your consultation response: {}",
            m.hearing_title
        ),
    };
    let mut facts = vec![
        (
            lang.pick("Kvitteringsnummer", "Receipt number").to_string(),
            m.receipt_number.to_string(),
        ),
        (
            lang.pick("Høring", "Consultation").to_string(),
            m.hearing_title.to_string(),
        ),
    ];
    if let Some(block) = m.block {
        facts.push((
            lang.pick("Afsnit", "Paragraph").to_string(),
            block.to_string(),
        ));
    }
    let body = Body {
        greeting: greeting(lang, m.name),
        paragraphs: vec![match lang {
            Lang::Da => format!(
                "Tak for dit høringssvar. {} har modtaget det, og det indgår i behandlingen. \
                     Høringen slutter {}. Her er en kopi af det, du skrev.",
                sender.municipality, m.last_day
            ),
            Lang::En => format!(
                "Thank you for your response. {} has received it, and it will be considered. \
                     The consultation ends on {}. Here is a copy of what you wrote.",
                sender.municipality, m.last_day
            ),
        }],
        facts,
        quote: Some(m.text.to_string()),
        link: Some((
            lang.pick(
                "Se dit høringssvar og hvor langt det er i behandlingen",
                "See your response and where it stands",
            )
            .to_string(),
            sender.link(m.receipt_path),
        )),
        why: match lang {
            Lang::Da => format!(
                "Du får denne e-mail, fordi der er sendt et høringssvar til {} med denne \
                 e-mailadresse. Har du ikke sendt det, kan du se bort fra beskeden.",
                sender.municipality
            ),
            Lang::En => format!(
                "You receive this e-mail because a consultation response was sent to {} with \
                 this address. If you did not send it, you can ignore this message.",
                sender.municipality
            ),
        },
        signature: sender.municipality.clone(),
    };
    body.into_mail(MailKind::Receipt, lang, m.to, subject)
}

/// What happened to a sign-up for a dialogue meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignupNews {
    /// Signed up with a seat.
    Seated,
    /// The meeting is full: on the waiting list at this place (1 = next).
    Waiting { place: u32 },
    /// A seat came free and is now theirs.
    SeatOffered,
    /// The sign-up was cancelled.
    Cancelled,
}

/// A message about one sign-up for a dialogue meeting.
#[derive(Debug, Clone)]
pub struct SignupMail<'a> {
    pub to: &'a str,
    pub name: &'a str,
    pub meeting_title: &'a str,
    /// When, as prose in the message's language.
    pub when: &'a str,
    pub place: &'a str,
    /// The sign-up's own page (see or cancel), `/moeder/…/tilmelding/…`.
    pub signup_path: &'a str,
    pub news: SignupNews,
}

pub fn signup(lang: Lang, sender: &Sender, m: &SignupMail<'_>) -> Mail {
    let t = m.meeting_title;
    let (kind, subject, lead) = match (m.news, lang) {
        (SignupNews::Seated, Lang::Da) => (
            MailKind::SignupSeated,
            format!("Du er tilmeldt: {t}"),
            format!("Tak for din tilmelding. Du har en plads til dialogmødet »{t}«."),
        ),
        (SignupNews::Seated, Lang::En) => (
            MailKind::SignupSeated,
            format!("You are signed up: {t}"),
            format!("Thank you for signing up. You have a seat at the dialogue meeting “{t}”."),
        ),
        (SignupNews::Waiting { place }, Lang::Da) => (
            MailKind::SignupWaiting,
            format!("Du er på ventelisten: {t}"),
            format!(
                "Dialogmødet »{t}« er fuldt, så du står på ventelisten som nummer {place}. \
                 Bliver en plads ledig, får du den, og vi skriver til dig med det samme."
            ),
        ),
        (SignupNews::Waiting { place }, Lang::En) => (
            MailKind::SignupWaiting,
            format!("You are on the waiting list: {t}"),
            format!(
                "The dialogue meeting “{t}” is full, so you are number {place} on the waiting \
                 list. If a seat comes free, it is yours, and we will write to you at once."
            ),
        ),
        (SignupNews::SeatOffered, Lang::Da) => (
            MailKind::SeatOffered,
            format!("Der er en plads til dig: {t}"),
            format!(
                "En plads er blevet ledig til dialogmødet »{t}«, og den er din: du er nu \
                 tilmeldt. Kan du ikke komme, så afmeld dig, så pladsen går videre."
            ),
        ),
        (SignupNews::SeatOffered, Lang::En) => (
            MailKind::SeatOffered,
            format!("A seat is yours: {t}"),
            format!(
                "A seat came free at the dialogue meeting “{t}”, and it is yours: you are now \
                 signed up. If you cannot come, please cancel so the seat goes to the next."
            ),
        ),
        (SignupNews::Cancelled, Lang::Da) => (
            MailKind::SignupCancelled,
            format!("Din tilmelding er afmeldt: {t}"),
            format!("Din tilmelding til dialogmødet »{t}« er afmeldt. Tak, fordi du gav besked."),
        ),
        (SignupNews::Cancelled, Lang::En) => (
            MailKind::SignupCancelled,
            format!("Your sign-up is cancelled: {t}"),
            format!(
                "Your sign-up for the dialogue meeting “{t}” is cancelled. Thank you for letting us know."
            ),
        ),
    };
    let link = (m.news != SignupNews::Cancelled).then(|| {
        (
            lang.pick(
                "Se eller afmeld din tilmelding",
                "See or cancel your sign-up",
            )
            .to_string(),
            sender.link(m.signup_path),
        )
    });
    let body = Body {
        greeting: greeting(lang, m.name),
        paragraphs: vec![lead],
        facts: vec![
            (lang.pick("Tid", "When").to_string(), m.when.to_string()),
            (lang.pick("Sted", "Where").to_string(), m.place.to_string()),
        ],
        quote: None,
        link,
        why: match lang {
            Lang::Da => format!(
                "Du får denne e-mail, fordi denne e-mailadresse er tilmeldt et dialogmøde hos {}. \
                 Har du ikke selv tilmeldt dig, kan du afmelde via linket.",
                sender.municipality
            ),
            Lang::En => format!(
                "You receive this e-mail because this address was signed up for a dialogue \
                 meeting with {}. If you did not sign up yourself, you can cancel with the link.",
                sender.municipality
            ),
        },
        signature: sender.municipality.clone(),
    };
    body.into_mail(kind, lang, m.to, subject)
}

/// The answer to a question the public asked about a policy.
#[derive(Debug, Clone)]
pub struct InquiryMail<'a> {
    pub to: &'a str,
    pub name: &'a str,
    pub policy_title: &'a str,
    pub question: &'a str,
    pub answer: &'a str,
    /// The policy's page, `/politikker/…`.
    pub policy_path: &'a str,
}

pub fn inquiry_answered(lang: Lang, sender: &Sender, m: &InquiryMail<'_>) -> Mail {
    let subject = match lang {
        Lang::Da => format!("Svar på dit spørgsmål om {}", m.policy_title),
        Lang::En => format!("Answer to your question about {}", m.policy_title),
    };
    let body = Body {
        greeting: greeting(lang, m.name),
        paragraphs: vec![
            lang.pick("Du spurgte:", "You asked:").to_string(),
            m.question.to_string(),
            lang.pick("Vores svar:", "Our answer:").to_string(),
        ],
        facts: Vec::new(),
        quote: Some(m.answer.to_string()),
        link: Some((
            lang.pick("Følg politikken", "Follow the policy")
                .to_string(),
            sender.link(m.policy_path),
        )),
        why: match lang {
            Lang::Da => format!(
                "Du får denne e-mail, fordi du har stillet et spørgsmål til {} med denne \
                 e-mailadresse.",
                sender.municipality
            ),
            Lang::En => format!(
                "You receive this e-mail because you asked {} a question with this address.",
                sender.municipality
            ),
        },
        signature: sender.municipality.clone(),
    };
    body.into_mail(MailKind::InquiryAnswered, lang, m.to, subject)
}

/// A response a clerk will not publish, and why.
#[derive(Debug, Clone)]
pub struct WithheldMail<'a> {
    pub to: &'a str,
    pub name: &'a str,
    pub hearing_title: &'a str,
    pub receipt_number: &'a str,
    /// The clerk's reason, in their words.
    pub reason: &'a str,
    /// The receipt page, `/kvittering/…`.
    pub receipt_path: &'a str,
}

/// Tells a respondent that their response is not published. It still counts: the clerks read
/// it and it is part of the hearing; only the public copy is withheld.
pub fn withheld(lang: Lang, sender: &Sender, m: &WithheldMail<'_>) -> Mail {
    let subject = match lang {
        Lang::Da => format!("Dit høringssvar om {} offentliggøres ikke", m.hearing_title),
        Lang::En => format!("Your response on {} will not be published", m.hearing_title),
    };
    let body = Body {
        greeting: greeting(lang, m.name),
        paragraphs: vec![
            lang.pick(
                "Vi har modtaget dit høringssvar og læser det med de andre, men vi offentliggør det ikke på høringens side. Begrundelsen er:",
                "We have received your response and read it with the others, but we do not publish it on the hearing's page. The reason is:",
            )
            .to_string(),
        ],
        facts: vec![(
            lang.pick("Kvitteringsnummer", "Receipt number").to_string(),
            m.receipt_number.to_string(),
        )],
        quote: Some(m.reason.to_string()),
        link: Some((
            lang.pick("Se dit høringssvar", "See your response").to_string(),
            sender.link(m.receipt_path),
        )),
        why: match lang {
            Lang::Da => format!(
                "Du får denne e-mail, fordi du har sendt et høringssvar til {} med denne \
                 e-mailadresse.",
                sender.municipality
            ),
            Lang::En => format!(
                "You receive this e-mail because you sent a response to {} with this address.",
                sender.municipality
            ),
        },
        signature: sender.municipality.clone(),
    };
    body.into_mail(MailKind::Withheld, lang, m.to, subject)
}

/// The høringsnotat is out: the administration's answer to a response can be read.
#[derive(Debug, Clone)]
pub struct RemarksMail<'a> {
    pub to: &'a str,
    pub name: &'a str,
    pub hearing_title: &'a str,
    pub receipt_number: &'a str,
    /// The public "I sagde – vi gjorde" page, `/hoeringer/…/resultat`.
    pub result_path: &'a str,
}

/// Tells a respondent that the administration's bemærkninger are published, with the link.
pub fn remarks_published(lang: Lang, sender: &Sender, m: &RemarksMail<'_>) -> Mail {
    let subject = match lang {
        Lang::Da => format!("Svar på dit høringssvar om {}", m.hearing_title),
        Lang::En => format!("An answer to your response on {}", m.hearing_title),
    };
    let body = Body {
        greeting: greeting(lang, m.name),
        paragraphs: vec![
            lang.pick(
                "Høringen er slut, og kommunen har nu offentliggjort høringsnotatet: hvad der blev sagt, kommunens bemærkninger til hvert punkt, og hvad der er ændret i forslaget. Du kan læse svaret på dit høringssvar her:",
                "The hearing is over, and the municipality has published its høringsnotat: what was said, its comments on each point, and what was changed in the draft. You can read the answer to your response here:",
            )
            .to_string(),
        ],
        facts: vec![(
            lang.pick("Kvitteringsnummer", "Receipt number").to_string(),
            m.receipt_number.to_string(),
        )],
        quote: None,
        link: Some((
            lang.pick("Se hvad vi gjorde", "See what we did").to_string(),
            sender.link(m.result_path),
        )),
        why: match lang {
            Lang::Da => format!(
                "Du får denne e-mail, fordi du har sendt et høringssvar til {} med denne \
                 e-mailadresse.",
                sender.municipality
            ),
            Lang::En => format!(
                "You receive this e-mail because you sent a response to {} with this address.",
                sender.municipality
            ),
        },
        signature: sender.municipality.clone(),
    };
    body.into_mail(MailKind::RemarksPublished, lang, m.to, subject)
}

/// An invitation to respond, or the reminder before the deadline, to a party on the
/// høringsliste. Parties are Danish organisations, so these are written in Danish.
#[derive(Debug, Clone)]
pub struct InvitationMail<'a> {
    pub to: &'a str,
    pub organisation: &'a str,
    pub contact: Option<&'a str>,
    pub hearing_title: &'a str,
    /// The hearing's last day, as prose.
    pub last_day: &'a str,
    /// The party's own page (respond, or say "ingen bemærkninger"), `/hoeringsliste/…`.
    pub party_path: &'a str,
    pub reminder: bool,
}

pub fn invitation(sender: &Sender, m: &InvitationMail<'_>) -> Mail {
    let (kind, subject, lead) = if m.reminder {
        (
            MailKind::Reminder,
            format!(
                "Påmindelse: høringsfristen for {} er {}",
                m.hearing_title, m.last_day
            ),
            format!(
                "{} har endnu ikke modtaget et høringssvar fra {} om »{}«. Fristen er {}. Har I \
                 ingen bemærkninger, er vi glade for at få det at vide.",
                sender.municipality, m.organisation, m.hearing_title, m.last_day
            ),
        )
    } else {
        (
            MailKind::Invitation,
            format!("Invitation til høring: {}", m.hearing_title),
            format!(
                "{} inviterer {} til at give høringssvar på »{}«. Fristen er {}. Udkastet kan \
                 læses afsnit for afsnit, og I kan svare på hele udkastet eller på enkelte afsnit. \
                 Har I ingen bemærkninger, kan I melde det med et klik på samme side.",
                sender.municipality, m.organisation, m.hearing_title, m.last_day
            ),
        )
    };
    let body = Body {
        greeting: format!("Kære {}", m.contact.unwrap_or(m.organisation)),
        paragraphs: vec![lead],
        facts: vec![
            ("Høring".to_string(), m.hearing_title.to_string()),
            ("Frist".to_string(), m.last_day.to_string()),
        ],
        quote: None,
        link: Some((
            "Giv høringssvar eller meld ingen bemærkninger".to_string(),
            sender.link(m.party_path),
        )),
        why: format!(
            "I får denne e-mail, fordi {} står på høringslisten for »{}« hos {}. Linket er jeres \
             eget: et svar, der sendes gennem det, registreres som jeres.",
            m.organisation, m.hearing_title, sender.municipality
        ),
        signature: sender.municipality.clone(),
    };
    body.into_mail(kind, Lang::Da, m.to, subject)
}
