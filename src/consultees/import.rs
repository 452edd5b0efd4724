//! Reading a høringsliste from CSV, or from what a clerk pastes out of Excel or Word.
//!
//! Danish Excel saves CSV with `;` (the comma is the decimal separator), Excel and Word tables
//! paste as tab-separated text, and lists kept by hand use `,`. The separator is therefore
//! guessed per input from its first non-empty line. Fields may be quoted as RFC 4180 says,
//! with `""` for a quote inside, and a quoted field may span lines.

use serde::{Deserialize, Serialize};

use super::party::email_key;
use super::{Party, PartyErrors, PartyFields, PartyKind, one_error};
use crate::response::Email;

/// The most parties one import may hold; a header and blank lines are not counted.
pub const MAX_ROWS: usize = 2_000;

/// In order of preference when two split a line equally well.
const SEPARATORS: [char; 3] = [';', '\t', ','];

/// A line that did not give a valid party.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RejectedLine {
    /// 1-based, as an editor counts lines; where the line starts if a quoted field spans lines.
    pub line: usize,
    /// The line as given, so the clerk can correct it.
    pub text: String,
    /// Field name (`organisation`, `contact`, `email`, `kind`) to error code, as
    /// [`PartyFields::parse`] gives them; `columns: too_many` when the line has more fields than
    /// there are columns, so its fields cannot be told apart.
    pub errors: PartyErrors,
}

/// What an import found. Every non-blank line after the header ends up in exactly one of
/// `parties` (with its line in `lines`), `rejected` or `duplicates`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Import {
    /// The valid parties, in the order given, without duplicates.
    pub parties: Vec<Party>,
    /// The line each of `parties` came from.
    pub lines: Vec<usize>,
    pub rejected: Vec<RejectedLine>,
    /// Lines with a valid party whose e-mail address (case-insensitively) an earlier imported
    /// line already has; they are left out of `parties`.
    pub duplicates: Vec<usize>,
    /// Lines of `parties` that gave no kind and were imported as
    /// [`PartyKind::Association`], so the clerk can check them.
    pub defaulted_kind: Vec<usize>,
    /// The separator the input was read with.
    pub separator: char,
    /// Whether the first line was read as a header naming the columns.
    pub header: bool,
}

/// Reads a list, or fails with `text: required` when it holds no line to import and with
/// `text: too_many` when it holds more than [`MAX_ROWS`].
///
/// A first line naming the columns (Danish or English, any case: "Organisation",
/// "Kontaktperson", "E-mail", "Type", …) is skipped and decides the order of the columns;
/// columns it does not name are ignored. Without one, the order is organisation, contact,
/// e-mail, kind; a line of three fields has either no contact or no kind, told by which field
/// is the e-mail address; a line of two is organisation and e-mail. A line without a kind is
/// imported as an association and listed in [`Import::defaulted_kind`]. Lines of only
/// whitespace and separators are skipped, as is a byte order mark.
pub fn import(text: &str) -> Result<Import, PartyErrors> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let Some(first) = first_line(text) else {
        return Err(one_error("text", "required"));
    };
    let separator = choose_separator(first);

    let mut header = None;
    let mut rows = Vec::new();
    for record in Records::new(text, separator) {
        if record.fields.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        if header.is_none()
            && rows.is_empty()
            && let Some(columns) = header_columns(&record.fields)
        {
            header = Some(columns);
            continue;
        }
        if rows.len() == MAX_ROWS {
            return Err(one_error("text", "too_many"));
        }
        rows.push(record);
    }
    if rows.is_empty() {
        return Err(one_error("text", "required"));
    }

    let mut import = Import {
        parties: Vec::new(),
        lines: Vec::new(),
        rejected: Vec::new(),
        duplicates: Vec::new(),
        defaulted_kind: Vec::new(),
        separator,
        header: header.is_some(),
    };
    let mut seen = std::collections::BTreeSet::new();
    for record in rows {
        let row = match &header {
            Some(columns) => by_header(columns, record.fields),
            None => by_position(record.fields),
        };
        let parsed = row.and_then(|row| {
            let defaulted = row.kind.trim().is_empty();
            let fields = PartyFields {
                kind: if defaulted {
                    PartyKind::Association.as_str().to_owned()
                } else {
                    row.kind
                },
                ..row
            };
            fields.parse().map(|party| (party, defaulted))
        });
        match parsed {
            Ok((party, defaulted)) => {
                if !seen.insert(email_key(&party.email)) {
                    import.duplicates.push(record.line);
                    continue;
                }
                if defaulted {
                    import.defaulted_kind.push(record.line);
                }
                import.parties.push(party);
                import.lines.push(record.line);
            }
            Err(errors) => import.rejected.push(RejectedLine {
                line: record.line,
                text: record.text.to_owned(),
                errors,
            }),
        }
    }
    Ok(import)
}

/// The rest of the input from its first line with anything but whitespace and separators.
fn first_line(text: &str) -> Option<&str> {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if line
            .chars()
            .any(|c| !c.is_whitespace() && !SEPARATORS.contains(&c))
        {
            return text.get(offset..);
        }
        offset += line.len();
    }
    None
}

/// The separator that reads `first` best: one that gives it a field holding an e-mail address
/// or makes it a header comes first, then one giving three or four fields (the most first),
/// then two, then any, in the order of [`SEPARATORS`] when still equal. The address test
/// keeps "Ældre Sagen, Roskilde⇥post@…" from being read as comma-separated.
fn choose_separator(first: &str) -> char {
    let mut best = (SEPARATORS[0], (false, 0, 0));
    for (i, separator) in SEPARATORS.into_iter().enumerate() {
        let fields = Records::new(first, separator)
            .next()
            .map(|r| r.fields)
            .unwrap_or_default();
        let count = fields
            .iter()
            .rposition(|f| !f.trim().is_empty())
            .map_or(0, |last| last + 1);
        let readable =
            fields.iter().any(|f| Email::parse(f).is_ok()) || header_columns(&fields).is_some();
        let shape = match count {
            3 | 4 => 2,
            2 => 1,
            _ => 0,
        };
        let score = (readable, shape, count);
        if i == 0 || score > best.1 {
            best = (separator, score);
        }
    }
    best.0
}

/// One record of the input: usually one line.
struct Record<'a> {
    line: usize,
    text: &'a str,
    fields: Vec<String>,
}

struct Records<'a> {
    rest: &'a str,
    line: usize,
    separator: char,
}

impl<'a> Records<'a> {
    fn new(text: &'a str, separator: char) -> Self {
        Records {
            rest: text,
            line: 1,
            separator,
        }
    }
}

impl<'a> Iterator for Records<'a> {
    type Item = Record<'a>;

    fn next(&mut self) -> Option<Record<'a>> {
        if self.rest.is_empty() {
            return None;
        }
        // A quote that is never closed is a stray quote typed in a name (Word's straight
        // quotes), not a field running to the end of the input: read the line as it stands.
        let raw = read_record(self.rest, self.separator, true)
            .or_else(|| read_record(self.rest, self.separator, false))?;
        let text = self.rest.get(..raw.len).unwrap_or(self.rest);
        self.rest = self.rest.get(raw.next..).unwrap_or_default();
        let line = self.line;
        self.line += raw.breaks;
        Some(Record {
            line,
            text,
            fields: raw.fields,
        })
    }
}

struct RawRecord {
    fields: Vec<String>,
    /// Bytes of the record without its line break.
    len: usize,
    /// Bytes up to the next record.
    next: usize,
    /// Line breaks read, the ending one included.
    breaks: usize,
}

/// Reads the record at the start of `rest`; `None` when `quoting` and a quoted field is not
/// closed before the input ends.
fn read_record(rest: &str, separator: char, quoting: bool) -> Option<RawRecord> {
    #[derive(PartialEq)]
    enum State {
        Start,
        Unquoted,
        Quoted,
    }
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut state = State::Start;
    let mut breaks = 0;
    let mut chars = rest.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let crlf = c == '\r' && chars.peek().is_some_and(|&(_, n)| n == '\n');
        if state == State::Quoted {
            match c {
                '"' if chars.peek().is_some_and(|&(_, n)| n == '"') => {
                    chars.next();
                    field.push('"');
                }
                // Text after the closing quote is kept, as lenient readers do.
                '"' => state = State::Unquoted,
                '\r' | '\n' => {
                    if crlf {
                        chars.next();
                    }
                    field.push('\n');
                    breaks += 1;
                }
                c => field.push(c),
            }
        } else if c == separator {
            fields.push(clean(std::mem::take(&mut field)));
            state = State::Start;
        } else if c == '\r' || c == '\n' {
            fields.push(clean(field));
            return Some(RawRecord {
                fields,
                len: i,
                next: i + if crlf { 2 } else { 1 },
                breaks: breaks + 1,
            });
        } else if state == State::Start && c == '"' && quoting {
            // Spaces before the opening quote are not part of the field.
            field.clear();
            state = State::Quoted;
        } else {
            if state == State::Start && c != ' ' {
                state = State::Unquoted;
            }
            field.push(c);
        }
    }
    if state == State::Quoted {
        return None;
    }
    fields.push(clean(field));
    Some(RawRecord {
        fields,
        len: rest.len(),
        next: rest.len(),
        breaks: 0,
    })
}

/// Drops the invisible characters Word leaves in pasted text.
fn clean(field: String) -> String {
    if field.contains(['\u{feff}', '\u{200b}']) {
        field.replace(['\u{feff}', '\u{200b}'], "")
    } else {
        field
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Organisation,
    Contact,
    Email,
    Kind,
}

/// The column a header cell names. "Navn" is `None` here: it names the organisation unless
/// another cell does, and then the contact person.
fn column_name(cell: &str) -> Option<Option<Column>> {
    let words: Vec<&str> = cell
        .trim()
        .trim_end_matches([':', '*'])
        .split_whitespace()
        .collect();
    let name = words.join(" ").to_lowercase();
    let column = match name.as_str() {
        "navn" | "name" => None,
        "organisation"
        | "organization"
        | "organisationsnavn"
        | "organisationens navn"
        | "forening"
        | "foreningens navn"
        | "høringspart"
        | "part"
        | "org" => Some(Column::Organisation),
        "kontaktperson" | "kontakt" | "kontaktnavn" | "contact" | "contact person" => {
            Some(Column::Contact)
        }
        "e-mail" | "email" | "mail" | "e-mailadresse" | "e-mail-adresse" | "emailadresse"
        | "mailadresse" | "e-mail address" | "email address" | "e-post" => Some(Column::Email),
        "type" | "art" | "kind" | "kategori" | "category" | "parttype" | "organisationstype" => {
            Some(Column::Kind)
        }
        _ => return None,
    };
    Some(column)
}

/// The column of each field when `fields` is a header: at least two cells name a column and
/// none is an e-mail address. A column named twice is read from its first cell.
fn header_columns(fields: &[String]) -> Option<Vec<Option<Column>>> {
    if fields.iter().any(|f| Email::parse(f).is_ok()) {
        return None;
    }
    let names: Vec<Option<Option<Column>>> = fields.iter().map(|f| column_name(f)).collect();
    if names.iter().flatten().count() < 2 {
        return None;
    }
    let named_organisation = names.contains(&Some(Some(Column::Organisation)));
    let mut columns = Vec::with_capacity(names.len());
    for name in names {
        let column = match name {
            Some(None) if named_organisation => Some(Column::Contact),
            Some(None) => Some(Column::Organisation),
            Some(column) => column,
            None => None,
        };
        columns.push(column.filter(|c| !columns.contains(&Some(*c))));
    }
    Some(columns)
}

fn by_header(columns: &[Option<Column>], fields: Vec<String>) -> Result<PartyFields, PartyErrors> {
    if fields
        .iter()
        .skip(columns.len())
        .any(|f| !f.trim().is_empty())
    {
        return Err(one_error("columns", "too_many"));
    }
    let mut row = PartyFields::default();
    for (column, field) in columns.iter().zip(fields) {
        let slot = match column {
            Some(Column::Organisation) => &mut row.organisation,
            Some(Column::Contact) => &mut row.contact,
            Some(Column::Email) => &mut row.email,
            Some(Column::Kind) => &mut row.kind,
            None => continue,
        };
        *slot = field;
    }
    Ok(row)
}

fn by_position(mut fields: Vec<String>) -> Result<PartyFields, PartyErrors> {
    // Excel pads every row to the widest row of the sheet.
    while fields.last().is_some_and(|f| f.trim().is_empty()) {
        fields.pop();
    }
    let is_email = |f: &String| Email::parse(f).is_ok();
    let row = match fields.as_mut_slice() {
        [] => PartyFields::default(),
        [one] if is_email(one) => PartyFields {
            email: std::mem::take(one),
            ..PartyFields::default()
        },
        [one] => PartyFields {
            organisation: std::mem::take(one),
            ..PartyFields::default()
        },
        [email, organisation] if is_email(email) && !is_email(organisation) => PartyFields {
            organisation: std::mem::take(organisation),
            email: std::mem::take(email),
            ..PartyFields::default()
        },
        [organisation, email] => PartyFields {
            organisation: std::mem::take(organisation),
            email: std::mem::take(email),
            ..PartyFields::default()
        },
        [organisation, second, third] => {
            let contact_first = !is_email(second)
                && (is_email(third) || (third.contains('@') && !second.contains('@')));
            if contact_first {
                PartyFields {
                    organisation: std::mem::take(organisation),
                    contact: std::mem::take(second),
                    email: std::mem::take(third),
                    kind: String::new(),
                }
            } else {
                PartyFields {
                    organisation: std::mem::take(organisation),
                    contact: String::new(),
                    email: std::mem::take(second),
                    kind: std::mem::take(third),
                }
            }
        }
        [organisation, contact, email, kind] => PartyFields {
            organisation: std::mem::take(organisation),
            contact: std::mem::take(contact),
            email: std::mem::take(email),
            kind: std::mem::take(kind),
        },
        _ => return Err(one_error("columns", "too_many")),
    };
    Ok(row)
}
