//! The høringsnotat's fixed words in the reader's language, from the catalogue: the outline's
//! headings and labels (given to the core's [`hoering::notat::outline`]), and what the DOCX
//! and PDF writers add around them (labels, the legend of changes, "Side 3 af 12").

use crate::i18n::*;
use hoering::notat::{Outcome, OutlineWords};

/// The words of the notat's outline in `locale`.
pub fn outline_words(locale: Locale) -> OutlineWords {
    // A campaign's count is worded by the plural rules: whoever writes a notat (the server,
    // the command line, a test) has them, installed once.
    crate::plurals::install();
    let w = |s: &'static str| s.to_owned();
    OutlineWords {
        notat: w(td_string!(locale, notat_doc_notat)),
        case_number: w(td_string!(locale, notat_doc_case_number)),
        respondents: w(td_string!(locale, notat_doc_respondents)),
        consultee_mark: w(td_string!(locale, notat_doc_consultee_mark)),
        attachments: w(td_string!(locale, notat_doc_attachments)),
        tag_header: [
            w(td_string!(locale, notat_doc_theme)),
            w(td_string!(locale, notat_doc_response_count)),
        ],
        set_aside: w(td_string!(locale, notat_doc_set_aside)),
        set_aside_header: [
            w(td_string!(locale, notat_doc_sender)),
            w(td_string!(locale, notat_doc_reason)),
        ],
        recommendation: w(td_string!(locale, notat_doc_recommendation)),
        set_aside_reason: Box::new(move |reason| {
            crate::names::set_aside_reason(locale, reason).to_owned()
        }),
        hearing: w(td_string!(locale, notat_doc_hearing)),
        subject: w(td_string!(locale, notat_doc_subject)),
        period: w(td_string!(locale, notat_doc_period)),
        announced: w(td_string!(locale, notat_doc_announced)),
        response_count: w(td_string!(locale, notat_doc_response_count)),
        consultees: w(td_string!(locale, notat_doc_consultees)),
        consultee_header: [
            w(td_string!(locale, notat_doc_party)),
            w(td_string!(locale, notat_doc_kind)),
            w(td_string!(locale, notat_doc_answer)),
        ],
        answered: w(td_string!(locale, notat_doc_answered)),
        declined: w(td_string!(locale, notat_doc_declined)),
        no_answer: w(td_string!(locale, notat_doc_no_answer)),
        no_parties: w(td_string!(locale, notat_doc_no_parties)),
        summary: w(td_string!(locale, notat_doc_summary)),
        kind_header: [
            w(td_string!(locale, notat_doc_sender)),
            w(td_string!(locale, notat_doc_response_count)),
        ],
        section_header: [
            w(td_string!(locale, notat_doc_section)),
            w(td_string!(locale, notat_doc_response_count)),
        ],
        total: w(td_string!(locale, notat_doc_total)),
        whole_draft: w(td_string!(locale, notat_doc_whole_draft)),
        points: w(td_string!(locale, notat_doc_points)),
        no_points: w(td_string!(locale, notat_doc_no_points)),
        campaign: w(td_string!(locale, notat_doc_campaign)),
        identical: Box::new(move |n| {
            td_string!(locale, notat_doc_identical, count = n).to_string()
        }),
        anonymous_private: w(td_string!(locale, notat_doc_anonymous_private)),
        not_published: w(td_string!(locale, notat_doc_not_published)),
        meetings: w(td_string!(locale, notat_doc_meetings)),
        no_meetings: w(td_string!(locale, notat_doc_no_meetings)),
        councils: w(td_string!(locale, notat_doc_councils)),
        no_councils: w(td_string!(locale, notat_doc_no_councils)),
        changes: w(td_string!(locale, notat_doc_changes)),
        no_changes: w(td_string!(locale, notat_doc_no_changes)),
        private_person: w(td_string!(locale, sender_kind_private)),
        party_kind: Box::new(move |kind| crate::names::party_kind(locale, kind).to_owned()),
        long_date: Box::new(move |day| crate::dates::long_date(locale, day)),
    }
}

/// The line under the notat's title in its downloads: "Roskilde Kommune · Offentliggjort 3.
/// december 2026", or that it is a draft. `published` is `YYYY-MM-DD`; anything else is shown
/// as it came.
pub fn byline(locale: Locale, municipality: &str, published: Option<jiff::civil::Date>) -> String {
    match published {
        Some(day) => td_string!(
            locale,
            notat_doc_byline_published,
            municipality = municipality,
            date = crate::dates::long_date(locale, day)
        )
        .to_string(),
        None => td_string!(locale, notat_doc_byline_draft, municipality = municipality).to_string(),
    }
}

/// "Forslaget som helhed": the responses on no section, on the result page.
pub fn the_draft_as_a_whole(locale: Locale) -> &'static str {
    td_string!(locale, notat_the_draft_as_a_whole)
}

/// Stand-ins for a placeholder's value, to find where the catalogue puts it in a sentence.
const FIRST: char = '\u{1}';
const SECOND: char = '\u{2}';

/// `text` cut at [`FIRST`] and [`SECOND`]: before, between, after; `None` if either is
/// missing or they come the other way round.
fn cut(text: &str) -> Option<[String; 3]> {
    let (before, rest) = text.split_once(FIRST)?;
    let (between, after) = rest.split_once(SECOND)?;
    Some([before.to_owned(), between.to_owned(), after.to_owned()])
}

/// What the DOCX and PDF writers add to the outline's text, in one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentWords {
    locale: Locale,
    /// BCP 47, for the document's language ("da-DK").
    pub tag: &'static str,
    /// Word's decimal symbol and list separator for the language.
    pub decimal: &'static str,
    pub list_separator: &'static str,
    pub contents: &'static str,
    /// "Høringssvar fra:", before the names.
    pub responses_from: &'static str,
    pub what_was_said: &'static str,
    pub remark: &'static str,
    /// "Konklusion:", before the outcome.
    pub conclusion: &'static str,
    pub not_published: &'static str,
    /// The legend of changes: plain, underlined, plain, struck through, plain, so that the two
    /// key words can show the styles they describe.
    pub legend: [String; 5],
    /// "Side ", " af ", "": around the page's number and the number of pages.
    pub page_of: [String; 3],
    /// Whether the language runs right to left (the PDF mirrors its layout).
    pub rtl: bool,
    /// The PDF's closing notice when a character had no font and was shown as "�".
    pub missing_glyphs: &'static str,
}

impl DocumentWords {
    pub fn of(locale: Locale) -> Self {
        let underlined = td_string!(locale, notat_doc_underlined);
        let struck = td_string!(locale, notat_doc_struck);
        let legend = td_string!(
            locale,
            notat_doc_legend,
            underlined = FIRST,
            struck = SECOND
        )
        .to_string();
        let legend = match cut(&legend) {
            Some([before, between, after]) => [
                before,
                underlined.to_owned(),
                between,
                struck.to_owned(),
                after,
            ],
            // Keys the other way round: the sentence whole, without the styled words.
            None => [
                legend.replace(FIRST, underlined).replace(SECOND, struck),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
            ],
        };
        let page = td_string!(locale, notat_doc_page_of, page = FIRST, pages = SECOND).to_string();
        let page_of = cut(&page).unwrap_or_else(|| [String::new(), " / ".into(), String::new()]);
        Self {
            locale,
            tag: td_string!(locale, doc_language_tag),
            decimal: td_string!(locale, doc_decimal_symbol),
            list_separator: td_string!(locale, doc_list_separator),
            contents: td_string!(locale, notat_contents),
            responses_from: td_string!(locale, notat_responses_from).trim_end(),
            what_was_said: td_string!(locale, notat_what_was_said),
            remark: td_string!(locale, notat_the_administration_s_comment),
            conclusion: td_string!(locale, notat_conclusion_label).trim_end(),
            not_published: td_string!(locale, notat_the_administration_s_comment_has_not),
            legend,
            page_of,
            rtl: locale == Locale::ar,
            missing_glyphs: td_string!(locale, notat_doc_missing_glyphs),
        }
    }

    /// The language these words are in.
    pub fn locale(&self) -> Locale {
        self.locale
    }

    /// What a point led to: "Giver anledning til ændring (version 2, § 3.1)".
    pub fn outcome(&self, outcome: &Outcome) -> String {
        let label = crate::names::notat_outcome(self.locale, outcome);
        match outcome {
            Outcome::Change { version, block } => format!(
                "{label} ({})",
                td_string!(
                    self.locale,
                    notat_doc_change_in,
                    version = version,
                    block = block
                )
            ),
            Outcome::NoChange | Outcome::Noted => label.to_owned(),
        }
    }

    /// "Side 3 af 12".
    pub fn page_of(&self, page: usize, pages: usize) -> String {
        let [before, between, after] = &self.page_of;
        format!("{before}{page}{between}{pages}{after}")
    }

    /// Every word these give a document, to check that a writer can set them.
    pub fn texts(&self) -> Vec<&str> {
        let mut all = vec![
            self.contents,
            self.responses_from,
            self.what_was_said,
            self.remark,
            self.conclusion,
            self.not_published,
            self.missing_glyphs,
        ];
        all.extend(self.legend.iter().map(String::as_str));
        all.extend(self.page_of.iter().map(String::as_str));
        all
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn danish_and_english_words_are_the_ones_the_writers_had() {
        let da = DocumentWords::of(Locale::da);
        assert_eq!(da.tag, "da-DK");
        assert_eq!(da.responses_from, "Høringssvar fra:");
        assert_eq!(da.conclusion, "Konklusion:");
        assert_eq!(
            da.legend,
            [
                "Tilføjet tekst er ",
                "understreget",
                ", slettet tekst er ",
                "gennemstreget",
                "."
            ]
        );
        assert_eq!(da.page_of(3, 12), "Side 3 af 12");
        assert_eq!(
            da.outcome(&Outcome::Change {
                version: 2,
                block: "3.1".into()
            }),
            "Giver anledning til ændring (version 2, § 3.1)"
        );
        let en = DocumentWords::of(Locale::en);
        assert_eq!(en.tag, "en-GB");
        assert_eq!(en.page_of(1, 2), "Page 1 of 2");
        assert_eq!(en.legend[3], "struck through");
        assert_eq!(en.outcome(&Outcome::Noted), "Noted");
    }

    #[test]
    fn every_language_has_its_legend_and_page_numbers_in_pieces() {
        for &locale in Locale::get_all() {
            let words = DocumentWords::of(locale);
            assert!(!words.legend[1].is_empty() && !words.legend[3].is_empty());
            let page = words.page_of(3, 12);
            assert!(page.contains('3') && page.contains("12"), "{page}");
            assert!(
                words
                    .texts()
                    .iter()
                    .all(|t| !t.contains(['\u{1}', '\u{2}']))
            );
            assert_eq!(words.locale(), locale);
        }
    }

    #[test]
    fn outline_words_keep_the_danish_and_translate_the_rest() {
        let da = outline_words(Locale::da);
        assert_eq!(da.notat, "Høringsnotat");
        assert_eq!(da.whole_draft, "Udkastet som helhed");
        assert_eq!(da.consultee_header, ["Part", "Type", "Svar"]);
        assert_eq!(
            (da.long_date)(jiff::civil::date(2026, 3, 2)),
            "2. marts 2026"
        );
        assert_eq!(
            (da.party_kind)(hoering::consultees::PartyKind::Association),
            "Forening/organisation"
        );
        let en = outline_words(Locale::en);
        assert_eq!(en.points, "Responses and remarks");
        assert_eq!(en.not_published, "Sender not published");
        let uk = outline_words(Locale::uk);
        assert_eq!(uk.points, "Відгуки та коментарі");
        assert_ne!(outline_words(Locale::ar).hearing, da.hearing);
        // A campaign's count words its noun by the language's plural rules.
        crate::plurals::install();
        assert_eq!((da.identical)(1), "1 enslydende svar");
        assert_eq!((en.identical)(1), "1 identical response");
        assert_eq!((en.identical)(12), "12 identical responses");
        assert_eq!((uk.identical)(3), "3 однакові відгуки");
        assert_eq!((uk.identical)(5), "5 однакових відгуків");
        assert_eq!((uk.identical)(21), "21 однаковий відгук");
        let ar = outline_words(Locale::ar);
        assert_eq!((ar.identical)(2), "ردّان متطابقان");
        assert_eq!((ar.identical)(11), "11 ردًّا متطابقًا");
    }

    #[test]
    fn bylines_say_when_or_that_it_is_a_draft() {
        assert_eq!(
            byline(
                Locale::da,
                "Roskilde Kommune",
                Some(jiff::civil::date(2026, 12, 3))
            ),
            "Roskilde Kommune · Offentliggjort 3. december 2026"
        );
        assert_eq!(
            byline(Locale::en, "Roskilde Kommune", None),
            "Roskilde Kommune · Draft – not published"
        );
    }
}

/// The columns of the records (XLSX and CSV) of a hearing's responses.
pub const RECORD_COLUMNS: usize = 19;

/// The words of the responses' records (XLSX and CSV) and of the case-system archive, in
/// `locale`: the header row, the states and choices as cells, the sheet's name.
#[derive(Debug, Clone, Copy)]
pub struct RecordWords {
    pub header: [&'static str; RECORD_COLUMNS],
    pub sheet: &'static str,
    pub status_published: &'static str,
    pub status_withheld: &'static str,
    pub status_pending: &'static str,
    pub with_name: &'static str,
    pub anonymous: &'static str,
    pub not_published: &'static str,
    pub remark_draft: &'static str,
    pub remark_approved: &'static str,
    pub remark_published: &'static str,
    pub file: &'static str,
    pub hearing: &'static str,
    pub case_number: &'static str,
    pub email: &'static str,
    /// "Vedhæftede filer", before the files a response came with.
    pub attachments: &'static str,
}

impl RecordWords {
    pub fn of(locale: Locale) -> Self {
        RecordWords {
            header: [
                td_string!(locale, export_journal_number),
                td_string!(locale, export_receipt_number),
                td_string!(locale, export_received),
                td_string!(locale, export_status),
                td_string!(locale, export_sender_kind),
                td_string!(locale, export_name),
                td_string!(locale, export_organisation),
                td_string!(locale, export_publication),
                td_string!(locale, export_block),
                td_string!(locale, export_quote),
                td_string!(locale, export_text),
                td_string!(locale, export_tags),
                td_string!(locale, export_group),
                td_string!(locale, export_group_size),
                td_string!(locale, export_summary),
                td_string!(locale, export_remark),
                td_string!(locale, export_outcome),
                td_string!(locale, export_remark_state),
                td_string!(locale, export_attachments),
            ],
            sheet: td_string!(locale, export_sheet_responses),
            status_published: td_string!(locale, export_status_published),
            status_withheld: td_string!(locale, export_status_withheld),
            status_pending: td_string!(locale, export_status_pending),
            with_name: td_string!(locale, export_publication_with_name),
            anonymous: td_string!(locale, export_publication_anonymous),
            not_published: td_string!(locale, export_publication_not_published),
            remark_draft: td_string!(locale, export_remark_draft),
            remark_approved: td_string!(locale, export_remark_approved),
            remark_published: td_string!(locale, export_remark_published),
            file: td_string!(locale, export_file),
            hearing: td_string!(locale, export_hearing),
            case_number: td_string!(locale, export_case_number),
            email: td_string!(locale, export_email),
            attachments: td_string!(locale, attachments_heading),
        }
    }
}
