//! The validated parts of a høringssvar: e-mail, names, the text and the two choices.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::FieldError;

/// Characters that end a name or address in a mail header or split it into several, so they
/// are refused where the value may end up in an e-mail.
fn is_header_breaking(c: char) -> bool {
    c.is_control() || matches!(c, '\u{2028}' | '\u{2029}')
}

/// An e-mail address as far as a form can tell: one `@`, something before it, a dotted
/// domain after it. The domain is lowercased; the local part is kept as typed.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Email(String);

impl Email {
    pub const MAX_CHARS: usize = 254;
    const MAX_LOCAL_CHARS: usize = 64;

    pub fn parse(input: &str) -> Result<Self, FieldError> {
        let s = trimmed_within(input, Self::MAX_CHARS)?;
        // Whitespace, quotes, brackets and separators are legal in exotic quoted addresses but
        // let one field smuggle extra recipients or headers into an outgoing mail.
        if s.chars().any(|c| {
            c.is_whitespace()
                || is_header_breaking(c)
                || matches!(
                    c,
                    '<' | '>' | '(' | ')' | '[' | ']' | ',' | ';' | ':' | '"' | '\\'
                )
        }) {
            return Err(FieldError::Invalid);
        }
        let Some((local, domain)) = s.split_once('@') else {
            return Err(FieldError::Invalid);
        };
        if local.is_empty()
            || local.chars().count() > Self::MAX_LOCAL_CHARS
            || domain.contains('@')
            || !domain.contains('.')
            || domain.split('.').any(str::is_empty)
        {
            return Err(FieldError::Invalid);
        }
        Ok(Email(format!("{local}@{}", domain.to_lowercase())))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// `input` trimmed, when that is filled in and at most `max` characters long.
fn trimmed_within(input: &str, max: usize) -> Result<&str, FieldError> {
    let s = input.trim();
    if s.is_empty() {
        return Err(FieldError::Required);
    }
    if s.chars().count() > max {
        return Err(FieldError::TooLong { max });
    }
    Ok(s)
}

/// The name of a person or of an organisation: the one-line rule every short field follows.
fn parse_name(input: &str) -> Result<String, FieldError> {
    OneLine::parse(input).map(OneLine::into_string)
}

const NAME_MAX_CHARS: usize = OneLine::MAX_CHARS;

/// A short text that must stay on one line: 1–200 characters after trimming, no line breaks
/// or other control characters. Every single-line field follows this rule (names, titles,
/// committees, contacts), because such a value ends up in a page title, a table cell or a mail
/// header, where a line break either breaks the layout or smuggles in a header.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct OneLine(String);

impl OneLine {
    pub const MAX_CHARS: usize = 200;

    pub fn parse(input: &str) -> Result<Self, FieldError> {
        let s = trimmed_within(input, Self::MAX_CHARS)?;
        if s.chars().any(is_header_breaking) {
            return Err(FieldError::Invalid);
        }
        Ok(OneLine(s.to_owned()))
    }

    /// An optional field: empty (after trimming) is `None`, anything else follows the rule.
    pub fn parse_optional(input: &str) -> Result<Option<Self>, FieldError> {
        if input.trim().is_empty() {
            Ok(None)
        } else {
            Self::parse(input).map(Some)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

crate::newtype::string_newtype!(OneLine: FieldError);

/// The sender's own name, also when they write on behalf of an organisation.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct PersonName(String);

crate::newtype::text_field!(PersonName, max: NAME_MAX_CHARS, rule: parse_name);

impl PersonName {
    pub fn into_string(self) -> String {
        self.0
    }
}

/// The organisation, council or authority a response is sent on behalf of.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct OrganisationName(String);

crate::newtype::text_field!(OrganisationName, max: NAME_MAX_CHARS, rule: parse_name);

/// The body of a høringssvar: 1–20 000 characters (Unicode scalar values) after trimming.
///
/// Line breaks are stored as `\n`. Browsers count a line break as one character for a
/// textarea's `maxlength` but post it as `\r\n`; normalising first makes the server agree
/// with the counter the citizen saw. Other invisible control characters (from pasted PDFs)
/// are dropped, because databases and exports choke on some of them.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct ResponseText(String);

crate::newtype::text_field!(ResponseText, max: 20_000, rule: |input| {
    required_text(input, ResponseText::MAX_CHARS)
});

impl ResponseText {
    pub fn char_count(&self) -> usize {
        self.0.chars().count()
    }
}

/// Line breaks as `\n`, other invisible control characters (from pasted PDFs and documents)
/// dropped, and trimmed: what a text field keeps, so a length is counted as the textarea's
/// counter counts it (a council's joint response, a remark and a response keep the same text).
pub(crate) fn normalise_text(input: &str) -> String {
    let normalised: String = input
        .replace("\r\n", "\n")
        .chars()
        .filter_map(|c| match c {
            '\r' => Some('\n'),
            '\n' | '\t' => Some(c),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect();
    normalised.trim().to_owned()
}

/// A text field that must be filled in, of at most `max` characters once normalised as
/// [`normalise_text`] does.
pub(crate) fn required_text(input: &str, max: usize) -> Result<String, FieldError> {
    let s = normalise_text(input);
    if s.is_empty() {
        return Err(FieldError::Required);
    }
    if s.chars().count() > max {
        return Err(FieldError::TooLong { max });
    }
    Ok(s)
}

crate::newtype::string_newtype!(
    Email: FieldError,
    PersonName: FieldError,
    OrganisationName: FieldError,
    ResponseText: FieldError,
);

/// "Jeg udtaler mig som": in which capacity the sender answers. The høringsnotat counts
/// responses by this.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum SenderKind {
    /// Privatperson.
    Private,
    /// Virksomhed.
    Company,
    /// Forening/organisation.
    Association,
    /// Råd og nævn, e.g. Integrationsrådet, Handicaprådet.
    Council,
    /// Myndighed.
    Authority,
    /// MED-udvalg.
    WorkCouncil,
}

impl SenderKind {
    /// In the order the form offers them.
    pub const ALL: [SenderKind; 6] = [
        SenderKind::Private,
        SenderKind::Company,
        SenderKind::Association,
        SenderKind::Council,
        SenderKind::Authority,
        SenderKind::WorkCouncil,
    ];

    /// The stable code used in forms, URLs, the database and serde.
    pub fn as_str(self) -> &'static str {
        match self {
            SenderKind::Private => "private",
            SenderKind::Company => "company",
            SenderKind::Association => "association",
            SenderKind::Council => "council",
            SenderKind::Authority => "authority",
            SenderKind::WorkCouncil => "work_council",
        }
    }

    pub fn parse(code: &str) -> Result<Self, FieldError> {
        parse_code(code, Self::ALL, Self::as_str)
    }

    /// Everyone but a private person answers on behalf of a named body.
    pub fn needs_organisation(self) -> bool {
        self != SenderKind::Private
    }
}

/// Whether and how the response may be published. There is deliberately no default: the
/// citizen must choose.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Publication {
    WithName,
    Anonymous,
    NotPublished,
}

impl Publication {
    pub const ALL: [Publication; 3] = [
        Publication::WithName,
        Publication::Anonymous,
        Publication::NotPublished,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Publication::WithName => "with_name",
            Publication::Anonymous => "anonymous",
            Publication::NotPublished => "not_published",
        }
    }

    pub fn parse(code: &str) -> Result<Self, FieldError> {
        parse_code(code, Self::ALL, Self::as_str)
    }
}

/// The one of `all` whose code is `code` (trimmed): required when empty, invalid when unknown.
fn parse_code<T: Copy, const N: usize>(
    code: &str,
    all: [T; N],
    as_str: fn(T) -> &'static str,
) -> Result<T, FieldError> {
    let code = code.trim();
    if code.is_empty() {
        return Err(FieldError::Required);
    }
    all.into_iter()
        .find(|&k| as_str(k) == code)
        .ok_or(FieldError::Invalid)
}

macro_rules! code_enum_impls {
    ($($t:ident),*) => {$(
        impl fmt::Display for $t {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl FromStr for $t {
            type Err = FieldError;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                $t::parse(s)
            }
        }
    )*};
}

code_enum_impls!(SenderKind, Publication);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn email_accepts_and_normalises() {
        let e = Email::parse("  Anna.Jensen+hoering@Roskilde.DK \n").unwrap();
        assert_eq!(e.as_str(), "Anna.Jensen+hoering@roskilde.dk");
        assert!(Email::parse("a@b.dk").is_ok());
        assert!(Email::parse("ø@københavn.dk").is_ok());
    }

    #[test]
    fn email_rules() {
        use FieldError::*;
        assert_eq!(Email::parse(""), Err(Required));
        assert_eq!(Email::parse("   "), Err(Required));
        for bad in [
            "anna",
            "@roskilde.dk",
            "anna@",
            "anna@roskilde",
            "anna@@roskilde.dk",
            "a@b@roskilde.dk",
            "anna jensen@roskilde.dk",
            "anna@roskilde .dk",
            "anna@roskilde..dk",
            "anna@.roskilde.dk",
            "anna@roskilde.dk.",
            "anna@roskilde.dk\nBcc: x@y.dk",
            "anna@roskilde.dk,x@y.dk",
            "Anna <anna@roskilde.dk>",
            "\"a b\"@roskilde.dk",
        ] {
            assert_eq!(Email::parse(bad), Err(Invalid), "{bad:?}");
        }
        let long_local = format!("{}@roskilde.dk", "a".repeat(65));
        assert_eq!(Email::parse(&long_local), Err(Invalid));
        let at_limit = format!("{}@{}.dk", "a".repeat(64), "b".repeat(254 - 64 - 4));
        assert_eq!(at_limit.chars().count(), 254);
        assert!(Email::parse(&at_limit).is_ok());
        let too_long = format!("{}@{}.dk", "a".repeat(64), "b".repeat(254 - 64 - 3));
        assert_eq!(Email::parse(&too_long), Err(TooLong { max: 254 }));
    }

    #[test]
    fn names() {
        use FieldError::*;
        assert_eq!(
            PersonName::parse("  Anna Jensen ").unwrap().as_str(),
            "Anna Jensen"
        );
        assert_eq!(PersonName::parse(" \t"), Err(Required));
        assert_eq!(
            PersonName::parse(&"æ".repeat(200)).map(|n| n.as_str().len()),
            Ok(400)
        );
        assert_eq!(
            PersonName::parse(&"æ".repeat(201)),
            Err(TooLong { max: 200 })
        );
        assert_eq!(PersonName::parse("Anna\nJensen"), Err(Invalid));
        assert_eq!(PersonName::parse("Anna\u{0}"), Err(Invalid));
        assert_eq!(
            OrganisationName::parse(" Integrationsrådet ")
                .unwrap()
                .as_ref(),
            "Integrationsrådet"
        );
        assert_eq!(OrganisationName::parse(""), Err(Required));
        assert_eq!(OrganisationName::parse("a\u{7f}"), Err(Invalid));
    }

    #[test]
    fn response_text() {
        use FieldError::*;
        assert_eq!(ResponseText::parse(" \r\n "), Err(Required));
        let t = ResponseText::parse("\r\n Første linje\r\nAnden\rTredje\u{c}\t! \n").unwrap();
        assert_eq!(t.as_str(), "Første linje\nAnden\nTredje\t!");
        let max = "ø".repeat(ResponseText::MAX_CHARS);
        assert_eq!(
            ResponseText::parse(&max).map(|t| t.char_count()),
            Ok(20_000)
        );
        assert_eq!(
            ResponseText::parse(&format!("{max}x")),
            Err(TooLong { max: 20_000 })
        );
        // Counted after trimming and with CRLF as one character.
        let crlf = format!("  {}\r\n{}  ", "a".repeat(10_000), "b".repeat(9_999));
        assert!(ResponseText::parse(&crlf).is_ok());
    }

    #[test]
    fn sender_kind_codes() {
        for k in SenderKind::ALL {
            assert_eq!(SenderKind::parse(k.as_str()), Ok(k));
            assert_eq!(k.to_string().parse::<SenderKind>(), Ok(k));
        }
        assert_eq!(
            SenderKind::parse("work_council"),
            Ok(SenderKind::WorkCouncil)
        );
        assert_eq!(SenderKind::parse(""), Err(FieldError::Required));
        assert_eq!(SenderKind::parse("Private"), Err(FieldError::Invalid));
        assert!(!SenderKind::Private.needs_organisation());
        assert!(SenderKind::ALL[1..].iter().all(|k| k.needs_organisation()));
    }

    #[test]
    fn publication_codes() {
        for p in Publication::ALL {
            assert_eq!(Publication::parse(p.as_str()), Ok(p));
        }
        assert_eq!(
            Publication::parse("not_published"),
            Ok(Publication::NotPublished)
        );
        assert_eq!(Publication::parse(" "), Err(FieldError::Required));
        assert_eq!(Publication::parse("yes"), Err(FieldError::Invalid));
    }
}
