//! Outgoing e-mail apart from its wording: the message, its parts rendered once as plain text
//! and once as HTML from one [`Body`] (so the two parts never say different things), who sends
//! it, what it is about, and what each kind of message is told. The words are the app's
//! (`app::mail_texts`, from the translation catalogue) in the reader's language; every message
//! to a citizen ends by saying why they get it.

#[cfg(test)]
mod tests;

use crate::document::escape_html;
use serde::{Deserialize, Serialize};

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
    /// A revised edition of the høringsnotat was published.
    NotatRevised,
}

crate::coded::coded_enum!(MailKind, parse: exact, {
    Receipt => "receipt",
    SignupSeated => "signup_seated",
    SignupWaiting => "signup_waiting",
    SeatOffered => "seat_offered",
    SignupCancelled => "signup_cancelled",
    InquiryAnswered => "inquiry_answered",
    Invitation => "invitation",
    Reminder => "reminder",
    Withheld => "withheld",
    RemarksPublished => "remarks_published",
    NotatRevised => "notat_revised",
});

/// Who sends: the municipality's name (it signs every message) and the site's address, which
/// links are made absolute against.
#[derive(Debug, Clone)]
pub struct Sender {
    pub municipality: String,
    pub site: String,
}

impl Sender {
    /// `path` (`/kvittering/…`) as an absolute link on the site.
    pub fn link(&self, path: &str) -> String {
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

/// The parts every message has, already worded in the message's language, rendered once as
/// text and once as HTML. Everything in it is text: the HTML escapes all of it.
#[derive(Debug, Default, Clone)]
pub struct Body {
    pub greeting: String,
    pub paragraphs: Vec<String>,
    /// Label and value, as a definition list.
    pub facts: Vec<(String, String)>,
    /// What the reader wrote (or the answer to it), quoted line by line.
    pub quote: Option<String>,
    /// Paragraphs after the quote (what the reader can do about it).
    pub after: Vec<String>,
    /// Label and absolute address.
    pub link: Option<(String, String)>,
    /// Why the reader gets this message.
    pub why: String,
    pub signature: String,
}

impl Body {
    pub fn text(&self) -> String {
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
        for p in &self.after {
            out.push_str(p);
            out.push_str("\n\n");
        }
        if let Some((label, url)) = &self.link {
            out.push_str(&format!("{label}:\n{url}\n\n"));
        }
        out.push_str(&format!("{}\n\n-- \n{}\n", self.why, self.signature));
        out
    }

    /// The HTML part in language `lang` (a code such as `da` or `ar`; a right-to-left language
    /// is marked so).
    pub fn html(&self, lang: &str, subject: &str) -> String {
        let e = escape_html;
        let rtl = right_to_left(lang);
        let dir = if rtl { " dir=\"rtl\"" } else { "" };
        let mut out = format!(
            "<!DOCTYPE html>\n<html lang=\"{}\"{dir}><head><meta charset=\"utf-8\"><title>{}</title></head>\
             <body style=\"font-family: sans-serif; line-height: 1.5; max-width: 40em\">\n<p>{}</p>\n",
            e(lang),
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
            // Mail clients know little CSS: the side the quote's rule stands on is spelled out.
            let side = if rtl { "right" } else { "left" };
            out.push_str(&format!(
                "<blockquote style=\"border-{side}: 3px solid #999; margin-{side}: 0; padding-{side}: 1em\">"
            ));
            for (i, line) in quote.lines().enumerate() {
                if i > 0 {
                    out.push_str("<br>");
                }
                out.push_str(&e(line));
            }
            out.push_str("</blockquote>\n");
        }
        for p in &self.after {
            out.push_str(&format!("<p>{}</p>\n", e(p)));
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

    /// The message of `kind` to `to`, in language `lang` (a code such as `da`); the subject
    /// becomes one line.
    pub fn into_mail(self, kind: MailKind, lang: &str, to: &str, subject: &str) -> Mail {
        Mail {
            kind,
            to: to.to_string(),
            text: self.text(),
            html: self.html(lang, subject),
            subject: one_line(subject),
        }
    }
}

/// Whether the language of code `lang` (`ar`, `ar-SA`) is written right to left.
fn right_to_left(lang: &str) -> bool {
    let primary = lang.split(['-', '_']).next().unwrap_or_default();
    ["ar", "fa", "he", "ur"]
        .iter()
        .any(|l| primary.eq_ignore_ascii_case(l))
}

/// A subject is one header line: anything a user typed into it loses its line breaks.
pub fn one_line(s: &str) -> String {
    s.split(['\r', '\n'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
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
    /// The words of that block the sender quoted, if any.
    pub quote: Option<&'a str>,
    pub text: &'a str,
    /// The receipt page's path, `/kvittering/…`.
    pub receipt_path: &'a str,
    /// The hearing's last day, as prose in the message's language.
    pub last_day: &'a str,
    /// What the sender chose: published with their name, anonymously, or not at all.
    pub publication: crate::response::Publication,
    /// The files received with it: each one's name and SHA-256.
    pub files: &'a [(String, String)],
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

impl SignupNews {
    /// The kind of message that tells this news.
    pub fn kind(self) -> MailKind {
        match self {
            SignupNews::Seated => MailKind::SignupSeated,
            SignupNews::Waiting { .. } => MailKind::SignupWaiting,
            SignupNews::SeatOffered => MailKind::SeatOffered,
            SignupNews::Cancelled => MailKind::SignupCancelled,
        }
    }
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

/// A response a clerk will not publish, and why. It still counts: the clerks read it and it
/// is part of the hearing; only the public copy is withheld.
#[derive(Debug, Clone)]
pub struct WithheldMail<'a> {
    pub to: &'a str,
    pub name: &'a str,
    pub hearing_title: &'a str,
    pub receipt_number: &'a str,
    /// The clerk's reason, in their words.
    pub reason: &'a str,
    /// Whom to write to about it: the hearing's contact line ("" when none is set).
    pub contact: &'a str,
    /// The receipt page, `/kvittering/…`.
    pub receipt_path: &'a str,
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

impl InvitationMail<'_> {
    /// The kind of message: the invitation, or the reminder.
    pub fn kind(&self) -> MailKind {
        if self.reminder {
            MailKind::Reminder
        } else {
            MailKind::Invitation
        }
    }
}
