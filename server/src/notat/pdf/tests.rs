//! The PDF read back: pdftotext for the text and its order, pdffonts for embedded fonts,
//! pdfinfo for tagging; line breaking and the order of right-to-left runs.

use std::path::PathBuf;
use std::process::Command;
use std::time::Instant;

use hoering::hearing::parse_date;
use hoering::notat::fixture;
use hoering::notat::{
    BlockChanges, CouncilInput, HearingInfo, MeetingInput, NotatInput, Remark, RemarkState,
    RemarkTarget, outline,
};

use super::text::{Style, Weight};
use super::*;
use app::i18n::Locale;
use app::notat::words::outline_words;
use hoering::notat::{NotatItem, NotatSection, Outcome, PointItem};
use hoering::text::DiffOp;

// --- The whole document ---

/// A remark on the first response, published.
fn published(text: &str, outcome: Outcome) -> Option<Remark> {
    Some(fixture::published(RemarkTarget::Response(1), text, outcome))
}

fn input() -> NotatInput {
    use hoering::response::Publication::{Anonymous, NotPublished, WithName};
    use hoering::response::SenderKind::{Association, Private};
    let day = |s: &str| parse_date(s).expect("a valid date");
    let point = |section: Option<&str>, said: &str, id, remark| {
        fixture::point(section, said, RemarkTarget::Response(id), remark)
    };
    NotatInput {
        hearing: HearingInfo {
            title: "Integrationspolitik 2026".into(),
            opens: day("2026-09-01"),
            closes: day("2026-10-13"),
            announced: "På kommunens hjemmeside".into(),
            case_number: String::new(),
        },
        parties: fixture::parties(),
        responses: fixture::respondents(&[
            (Private, Some("Anna Jensen"), None, WithName, &["3"]),
            (
                Association,
                Some("Bo Hansen"),
                Some("Ældre Sagen"),
                WithName,
                &[],
            ),
            (Private, Some("Carl Skjult"), None, Anonymous, &["2"]),
            (Private, Some("Eva Hemmelig"), None, NotPublished, &["3"]),
        ]),
        sections: fixture::sections(&[("2", "Bolig"), ("3", "Arbejde")]),
        points: vec![
            point(
                Some("3"),
                "Ønsker flere praktikpladser. Skriv til anna@example.dk.",
                1,
                published("Praktikpladser indgår i § 3.", Outcome::Noted),
            ),
            point(
                None,
                "Politikken er for lang.",
                2,
                published("Længden følger skabelonen.", Outcome::NoChange),
            ),
            point(
                Some("2"),
                "Boligsociale tiltag mangler.",
                3,
                published(
                    "Afsnittet om bolig er udbygget.",
                    Outcome::Change {
                        version: 2,
                        block: "2.1".into(),
                    },
                ),
            ),
            point(Some("3"), "Privat bekymring.", 4, {
                let mut draft = published("Kladde må ikke ses.", Outcome::Noted);
                if let Some(r) = draft.as_mut() {
                    r.state = RemarkState::Draft;
                }
                draft
            }),
        ],
        meetings: vec![MeetingInput {
            meeting: "Borgermøde i Hedehusene".into(),
            held: day("2026-09-17"),
            said: "Fokus på sprogundervisning.".into(),
            remark: published("Sprogundervisningen styrkes.", Outcome::Noted),
        }],
        councils: vec![CouncilInput {
            council: "Integrationsrådet".into(),
            said: "Rådet støtter udkastet.".into(),
            remark: published(
                "Rådets svar er indarbejdet.",
                Outcome::Change {
                    version: 2,
                    block: "3.1".into(),
                },
            ),
        }],
        changes: vec![BlockChanges {
            block: "2.1".into(),
            ops: vec![
                DiffOp::Equal("Vi vil ".into()),
                DiffOp::Delete("måske ".into()),
                DiffOp::Insert("gerne ".into()),
                DiffOp::Equal("styrke boligindsatsen.".into()),
            ],
        }],
        ..NotatInput::default()
    }
}

/// The text of `pdf` as `pdftotext -layout` reads it, pages separated by '\f'; `None`,
/// with a note, where poppler-utils is not installed.
fn pdftotext(pdf: &[u8], name: &str) -> Option<String> {
    let path: PathBuf =
        std::env::temp_dir().join(format!("hoering-pdf-{}-{name}.pdf", std::process::id()));
    std::fs::write(&path, pdf).expect("write the PDF to a temp file");
    let output = Command::new("pdftotext")
        .args(["-layout", "-enc", "UTF-8"])
        .arg(&path)
        .arg("-")
        .output();
    let _ = std::fs::remove_file(&path);
    match output {
        Ok(out) => {
            assert!(
                out.status.success(),
                "pdftotext failed: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            Some(String::from_utf8(out.stdout).expect("pdftotext writes UTF-8"))
        }
        Err(_) => {
            println!("pdftotext not found (apt-get install poppler-utils): text not checked");
            None
        }
    }
}

/// The output of poppler's `tool` (pdfinfo, pdffonts) on `pdf`; `None`, with a note, where
/// poppler-utils is not installed.
fn poppler(tool: &str, pdf: &[u8], name: &str) -> Option<String> {
    let path: PathBuf =
        std::env::temp_dir().join(format!("hoering-pdf-{}-{name}.pdf", std::process::id()));
    std::fs::write(&path, pdf).expect("write the PDF to a temp file");
    let output = Command::new(tool).arg(&path).output();
    let _ = std::fs::remove_file(&path);
    match output {
        Ok(out) => {
            assert!(out.status.success(), "{tool} failed");
            Some(String::from_utf8(out.stdout).expect("UTF-8"))
        }
        Err(_) => {
            println!("{tool} not found (apt-get install poppler-utils): not checked");
            None
        }
    }
}

/// Every font in `pdffonts`' table is embedded (and subset: its name has a tag).
fn every_font_embedded(table: &str) {
    let rows: Vec<&str> = table.lines().skip(2).collect();
    assert!(!rows.is_empty(), "{table}");
    for row in rows {
        let cols: Vec<&str> = row.split_whitespace().collect();
        // name, type (two words for "CID TrueType"), encoding, emb, sub, uni, object, id
        let n = cols.len();
        assert!(n >= 7, "{row}");
        assert_eq!(cols[n - 5], "yes", "not embedded: {row}");
        assert_eq!(cols[n - 4], "yes", "not subset: {row}");
        assert_eq!(cols[n - 3], "yes", "no ToUnicode: {row}");
    }
}

fn assert_in_order(text: &str, wanted: &[&str]) {
    let mut from = 0;
    for w in wanted {
        match text[from..].find(w) {
            Some(at) => from += at + w.len(),
            None => panic!("{w:?} missing or out of order in:\n{text}"),
        }
    }
}

const BYLINE: &str = "Roskilde Kommune · Offentliggjort 3. december 2026";

#[test]
fn the_danish_notat_reads_in_order() {
    let notat = outline(&input(), &outline_words(Locale::da));
    let pdf = render(&notat, &DocumentWords::of(Locale::da), BYLINE).expect("a PDF");
    assert!(pdf.starts_with(b"%PDF-1.7"));
    let raw = String::from_utf8_lossy(&pdf);
    for key in [
        "/Lang(da-DK)",
        "/DisplayDocTitle true",
        "/Outlines",
        "/StructTreeRoot",
    ] {
        assert!(raw.contains(key), "{key} missing");
    }
    if let Some(info) = poppler("pdfinfo", &pdf, "da-info") {
        assert!(info.contains("Tagged:          yes"), "{info}");
        assert!(
            info.contains("Title:           Høringsnotat: Integrationspolitik 2026"),
            "{info}"
        );
    }
    if let Some(fonts) = poppler("pdffonts", &pdf, "da-fonts") {
        every_font_embedded(&fonts);
    }
    let Some(text) = pdftotext(&pdf, "da") else {
        return;
    };
    assert_in_order(
        &text,
        &[
            "Høringsnotat: Integrationspolitik 2026",
            "Roskilde Kommune · Offentliggjort 3. december 2026",
            "Høringen",
            "Høringsperiode",
            "Høringsliste",
            "Sammenfatning",
            "Høringssvar og bemærkninger",
            "Input fra dialogmøder",
            "Rådenes høringssvar",
            "Ændringer i udkastet",
        ],
    );
    // Danish alphabetical order: Æ, Ø, Å after Z, and "Aa" as Å.
    assert_in_order(
        &text,
        &[
            "Børnerådet",
            "Dansk Flygtningehjælp",
            "Zonta",
            "Ældre Sagen",
            "Aarhus Stift",
        ],
    );
    // The draft as a whole first, then section by section; meetings, councils, changes.
    assert_in_order(
        &text,
        &[
            "Udkastet som helhed",
            "Høringssvar fra: Bo Hansen, Ældre Sagen",
            "Hvad blev sagt",
            "Politikken er for lang.",
            "Administrationens bemærkning",
            "Længden følger skabelonen.",
            "Konklusion: Giver ikke anledning til ændring",
            "2 Bolig",
            "Afsnittet om bolig er udbygget.",
            "Konklusion: Giver anledning til ændring (version 2, § 2.1)",
            "3 Arbejde",
            "Praktikpladser indgår i § 3.",
            "Konklusion: Tages til efterretning",
            "Privat bekymring.",
            "Administrationens bemærkning er ikke offentliggjort endnu.",
            "Borgermøde i Hedehusene",
            "Sprogundervisningen styrkes.",
            "Integrationsrådet",
            "Rådets svar er indarbejdet.",
            "Tilføjet tekst er understreget, slettet tekst er gennemstreget.",
            "§ 2.1",
            "Vi vil måske gerne styrke boligindsatsen.",
        ],
    );
    assert!(text.contains("Side 1 af"));
    assert!(!text.contains('@'), "an e-mail address got through");
    assert!(
        !text.contains("Kladde må ikke ses"),
        "an unpublished remark"
    );
    assert!(!text.contains("Eva Hemmelig") && !text.contains("Carl Skjult"));
    assert!(
        !text.contains('?') && !text.contains('�'),
        "a character was not set"
    );
}

#[test]
fn the_english_notat_has_english_wording() {
    let notat = outline(&input(), &outline_words(Locale::en));
    let pdf = render(
        &notat,
        &DocumentWords::of(Locale::en),
        "Roskilde Municipality",
    )
    .expect("a PDF");
    assert!(String::from_utf8_lossy(&pdf).contains("/Lang(en-GB)"));
    let Some(text) = pdftotext(&pdf, "en") else {
        return;
    };
    assert_in_order(
        &text,
        &[
            "Consultation report: Integrationspolitik 2026",
            "Responses from: Bo Hansen, Ældre Sagen",
            "What was said",
            "The administration's comment",
            "Conclusion: Does not lead to a change",
            "The administration's comment has not been published yet.",
            "Added text is underlined, deleted text is struck through.",
        ],
    );
    assert!(text.contains("Page 1 of"));
}

#[test]
fn the_arabic_notat_has_arabic_wording_right_to_left() {
    let notat = outline(&input(), &outline_words(Locale::ar));
    let words = DocumentWords::of(Locale::ar);
    let pdf = render(&notat, &words, "بلدية روسكيلده").expect("a PDF");
    let raw = String::from_utf8_lossy(&pdf);
    assert!(raw.contains("/Lang(ar-SA)") && raw.contains("/Direction/R2L"));
    let Some(text) = pdftotext(&pdf, "ar") else {
        return;
    };
    let text = text.replace(
        ['\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}'],
        "",
    );
    let outline = outline_words(Locale::ar);
    // (Headings without vowel marks: pdftotext puts a space before a shadda it reads.)
    for heading in [&outline.hearing, &outline.points, &outline.meetings] {
        assert!(text.contains(heading.as_str()), "{heading} in:\n{text}");
    }
    assert!(text.contains(words.what_was_said), "{text}");
    assert!(text.contains("Bo Hansen, Ældre Sagen"), "{text}");
}

#[test]
fn the_same_notat_gives_the_same_bytes() {
    let notat = outline(&input(), &outline_words(Locale::da));
    assert_eq!(
        render(&notat, &DocumentWords::of(Locale::da), BYLINE).expect("a PDF"),
        render(&notat, &DocumentWords::of(Locale::da), BYLINE).expect("a PDF")
    );
}

/// `notat` in Danish and without a byline, as pdftotext reads it (`None` without pdftotext).
fn danish_text(notat: &Notat, name: &str) -> Option<String> {
    pdftotext(
        &render(notat, &DocumentWords::of(Locale::da), "").expect("a PDF"),
        name,
    )
}

/// The lines of each page without the footer, as pdftotext reads them.
fn pages(text: &str) -> Vec<Vec<&str>> {
    text.split('\u{c}')
        .map(|page| {
            page.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with("Side "))
                .collect::<Vec<_>>()
        })
        .filter(|lines| !lines.is_empty())
        .collect()
}

#[test]
fn a_heading_is_never_last_on_a_page() {
    let sentence = "Medborgerskab handler om at høre til i et fællesskab og om vores \
                    tilknytning til og plads i lokalsamfundet. ";
    let sections = (1..=60)
        .map(|i| NotatSection {
            heading: format!("Afsnit nummer {i}"),
            level: 1 + (i % 2) as u8,
            items: vec![NotatItem::Paragraph(sentence.repeat(i % 7 + 1))],
        })
        .collect();
    let notat = Notat {
        title: "Overskrifter".into(),
        sections,
    };
    let Some(text) = danish_text(&notat, "headings") else {
        return;
    };
    let pages = pages(&text);
    assert!(pages.len() > 5);
    for (n, lines) in pages.iter().enumerate() {
        let last = lines.last().copied().unwrap_or_default();
        assert!(
            !last.starts_with("Afsnit nummer"),
            "page {} ends with {last}",
            n + 1
        );
    }
    assert_eq!(text.matches("Afsnit nummer").count(), 60);
}

#[test]
fn a_point_is_never_torn_from_its_labels_or_conclusion() {
    let sentence = "Der skal være plads til forskellighed i lokalsamfundene. ";
    // Lengths that do not repeat in step, so page breaks fall everywhere in a point.
    let items = (0..600)
        .map(|i| {
            NotatItem::Point(PointItem {
                about: format!("Punkt {i}"),
                said: sentence.repeat(i % 5 + 1),
                respondents: vec![format!("Borger {i}")],
                remark: (i % 4 != 3).then(|| sentence.repeat(i % 7 % 3 + 1)),
                outcome: Some(Outcome::Noted),
            })
        })
        .collect();
    let notat = Notat {
        title: "Punkter".into(),
        sections: vec![NotatSection {
            heading: "Høringssvar og bemærkninger".into(),
            level: 1,
            items,
        }],
    };
    let Some(text) = danish_text(&notat, "points") else {
        return;
    };
    let pages = pages(&text);
    assert!(pages.len() > 50);
    for (n, lines) in pages.iter().enumerate() {
        let last = lines.last().copied().unwrap_or_default();
        let heading = last.starts_with("Punkt ") || last.starts_with("Høringssvar fra:");
        let label = last == "Hvad blev sagt" || last == "Administrationens bemærkning";
        assert!(!heading && !label, "page {} ends with {last}", n + 1);
        let first = lines.first().copied().unwrap_or_default();
        assert!(
            !first.starts_with("Konklusion:"),
            "page {} starts with it",
            n + 1
        );
    }
}

#[test]
fn a_long_table_repeats_its_header_and_a_huge_row_is_split() {
    let mut rows: Vec<Vec<String>> = (1..=150)
        .map(|i| vec![format!("Forening {i}"), "Intet svar".into()])
        .collect();
    let tall: String = (1..=90).map(|i| format!("Linje{i}\n")).collect();
    rows.insert(40, vec![tall, "Høj".into()]);
    let notat = Notat {
        title: "Tabel".into(),
        sections: vec![NotatSection {
            heading: "Høringsliste".into(),
            level: 1,
            items: vec![NotatItem::Table {
                header: vec!["Part".into(), "Svar".into()],
                rows,
            }],
        }],
    };
    let Some(text) = danish_text(&notat, "table") else {
        return;
    };
    let pages = pages(&text);
    assert!(pages.len() >= 4);
    for lines in &pages {
        assert!(lines.iter().any(|l| l.starts_with("Part")), "{lines:?}");
    }
    for i in 1..=150 {
        assert_eq!(
            text.matches(&format!("Forening {i} ")).count(),
            1,
            "row {i}"
        );
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    for i in 1..=90 {
        let line = format!("Linje{i}");
        assert_eq!(words.iter().filter(|w| **w == line).count(), 1, "{line}");
    }
}

#[test]
fn odd_input_still_makes_a_document() {
    let tall: String = "x\n".repeat(80);
    let notat = Notat {
        title: String::new(),
        sections: vec![
            NotatSection {
                heading: tall.clone(),
                level: 1,
                items: vec![],
            },
            NotatSection {
                heading: String::new(),
                level: 3,
                items: vec![
                    NotatItem::Table {
                        header: vec![tall.clone()],
                        rows: vec![vec![tall.clone(), String::new()], vec![]],
                    },
                    NotatItem::Table {
                        header: vec![],
                        rows: vec![],
                    },
                    NotatItem::Facts(vec![(tall.clone(), String::new())]),
                    NotatItem::Paragraph(String::new()),
                    NotatItem::Diff {
                        block: String::new(),
                        ops: vec![],
                    },
                    NotatItem::Point(PointItem {
                        about: String::new(),
                        said: String::new(),
                        respondents: vec![],
                        remark: Some(String::new()),
                        outcome: None,
                    }),
                ],
            },
        ],
    };
    let pdf = render(&notat, &DocumentWords::of(Locale::da), "").expect("a PDF");
    assert!(pdf.starts_with(b"%PDF-"));
    if let Some(text) = pdftotext(&pdf, "odd") {
        assert!(text.contains("Side 1 af"));
    }
}

/// A notat of `n` points, as the bench writes them, with its time to render.
fn timed_points(n: usize) -> (std::time::Duration, Vec<u8>) {
    let said = "Anerkendelse fra det omgivende samfund er vigtigt for at føle sig som \
                medborger og en del af fællesskabet. Alle borgere har et ansvar for at \
                invitere ind i fællesskabet og give plads til forskellighed.";
    let items = (0..n)
        .map(|i| {
            NotatItem::Point(PointItem {
                about: format!("{} Medborgerskab og fællesskaber", i % 9 + 1),
                said: said.to_owned(),
                respondents: vec![format!("Borger nummer {i}")],
                remark: Some("Bemærkningen tages med i det videre arbejde.".into()),
                outcome: Some(if i % 3 == 0 {
                    Outcome::Change {
                        version: 2,
                        block: "4.1".into(),
                    }
                } else {
                    Outcome::Noted
                }),
            })
        })
        .collect();
    let notat = Notat {
        title: "Høringsnotat: Stor høring".into(),
        sections: vec![NotatSection {
            heading: "Høringssvar og bemærkninger".into(),
            level: 1,
            items,
        }],
    };
    let start = Instant::now();
    let pdf = render(&notat, &DocumentWords::of(Locale::da), BYLINE).expect("a PDF");
    (start.elapsed(), pdf)
}

/// `cargo test -p server --release --lib -- --ignored --nocapture points_timed`
#[test]
#[ignore = "a timing, not a test"]
fn points_timed() {
    for n in [2_000, 20_000] {
        let (took, pdf) = timed_points(n);
        println!(
            "{n} points: {:.2} s, {:.1} MB",
            took.as_secs_f64(),
            pdf.len() as f64 / 1e6,
        );
        assert!(pdf.ends_with(b"%%EOF\n") || pdf.ends_with(b"%%EOF"));
    }
}

// --- Text: fonts, line breaking, right to left ---

fn line_text(line: &text::Line) -> String {
    line.runs
        .iter()
        .map(|r| r.text.as_str())
        .collect::<Vec<_>>()
        .join("|")
}

#[test]
fn lines_never_exceed_the_width_and_no_word_is_lost() {
    let mut shaper = text::Shaper::default();
    let sentence = "Medborgerskab handler om at høre til i et fællesskab, Ayşe Yılmaz og \
                    Łukasz Wójcik, Олена Коваленко og Nguyễn Thị Hương. ";
    let rich = Rich::new(&sentence.repeat(6), PLAIN_STYLE);
    for width in [60.0, 120.0, 250.0, 483.0] {
        let block = text::block(&mut shaper, &rich, 10.5, 14.0, width, false);
        let mut words = Vec::new();
        for line in &block.lines {
            assert!(
                line.width <= width + 0.01,
                "{} wider than {width}",
                line.width
            );
            let text: String = line.runs.iter().map(|r| r.text.as_str()).collect();
            words.extend(text.split_whitespace().map(str::to_owned));
        }
        // At 60 points "Medborgerskab" is broken between letters: no letter is lost.
        let all: String = rich.text.split_whitespace().collect();
        assert_eq!(words.concat(), all, "at width {width}");
    }
    assert!(!shaper.missing());
}

const PLAIN_STYLE: Style = Style::new(Weight::Regular, [0, 0, 0]);

#[test]
fn a_word_wider_than_the_line_is_broken_between_characters() {
    let mut shaper = text::Shaper::default();
    let rich = Rich::new(
        "kort Grundvandsbeskyttelsesindsatsplanlægningsarbejde slut",
        PLAIN_STYLE,
    );
    let block = text::block(&mut shaper, &rich, 10.0, 12.0, 30.0, false);
    assert!(block.lines.len() > 5);
    let texts: Vec<String> = block.lines.iter().map(line_text).collect();
    assert_eq!(texts.first().map(String::as_str), Some("kort"));
    assert_eq!(texts.last().map(String::as_str), Some("slut"));
    assert_eq!(texts.concat().replace(' ', ""), rich.text.replace(' ', ""));
    for line in &block.lines {
        assert!(
            line.width <= 30.01 || line.runs.iter().map(|r| r.glyphs.len()).sum::<usize>() == 1
        );
    }
}

#[test]
fn forced_breaks_and_empty_lines_are_kept() {
    let mut shaper = text::Shaper::default();
    let rich = Rich::new("one two\n\nthree  \n four", PLAIN_STYLE);
    let block = text::block(&mut shaper, &rich, 10.0, 12.0, 400.0, false);
    let texts: Vec<String> = block.lines.iter().map(line_text).collect();
    assert_eq!(texts, ["one two", "", "three", "four"]);
    assert!(
        text::block(&mut shaper, &Rich::default(), 10.0, 12.0, 400.0, false)
            .lines
            .is_empty()
    );
}

#[test]
fn arabic_is_shaped_right_to_left_and_kept_in_logical_order() {
    let mut shaper = text::Shaper::default();
    let rich = Rich::new("Høringssvar fra: محمد الأحمد; Ayşe Yılmaz", PLAIN_STYLE);
    let block = text::block(&mut shaper, &rich, 10.0, 12.0, 400.0, false);
    let [line] = block.lines.as_slice() else {
        panic!("one line: {:?}", block.lines.len());
    };
    // Each run's text as a reader gets it: a ligature's characters come the right way round
    // once the right-to-left run is read reversed (see `reverse_ligatures`).
    let logical = |run: &text::Run| {
        let mut t = run.text.clone();
        if run.face == 2 {
            text::reverse_ligatures(&mut t, &run.glyphs);
        }
        t
    };
    let runs: Vec<String> = line.runs.iter().map(logical).collect();
    // The Arabic name is one right-to-left run in the Arabic font, its text in logical
    // order; the semicolon after it stays with the sentence, before "Ayşe".
    assert!(runs.iter().any(|r| r == "محمد الأحمد"), "{runs:?}");
    let arabic = line
        .runs
        .iter()
        .find(|r| logical(r) == "محمد الأحمد")
        .expect("the run");
    assert_eq!(arabic.face, 2, "Noto Sans Arabic");
    assert_ne!(
        arabic.text, "محمد الأحمد",
        "the lam-alef ligature's text is stored reversed"
    );
    let first = arabic.glyphs.first().expect("glyphs").range.start;
    let last = arabic.glyphs.last().expect("glyphs").range.start;
    assert!(first > last, "glyphs drawn right to left");
    assert_eq!(runs.concat(), "Høringssvar fra: محمد الأحمد; Ayşe Yılmaz");
    // x grows from run to run: the runs are in visual order.
    assert!(line.runs.windows(2).all(|w| w[0].x <= w[1].x));
}

#[test]
fn an_arabic_document_runs_right_to_left() {
    let mut shaper = text::Shaper::default();
    let rich = Rich::new("ردود من: Ayşe Yılmaz", PLAIN_STYLE);
    let block = text::block(&mut shaper, &rich, 10.0, 12.0, 400.0, true);
    let line = &block.lines[0];
    // The Latin name comes first from the left, the Arabic label at the right end.
    assert!(line.runs[0].text.contains("Ayşe"), "{:?}", line_text(line));
    assert!(line.runs.last().expect("runs").text.contains("ردود"));
}

#[test]
fn characters_without_a_font_are_marked_and_keep_their_text() {
    let mut shaper = text::Shaper::default();
    let rich = Rich::new("王秀英 og Ayşe", PLAIN_STYLE);
    let block = text::block(&mut shaper, &rich, 10.0, 12.0, 400.0, false);
    assert!(shaper.missing());
    let text: String = block.lines[0]
        .runs
        .iter()
        .map(|r| r.text.as_str())
        .collect();
    assert_eq!(text, "王秀英 og Ayşe");
}

/// A notat whose respondents write in eight scripts: every name is in the PDF's text.
#[test]
fn names_in_every_script_are_set_and_embedded() {
    let names = [
        "Ayşe Yılmaz",
        "Łukasz Wójcik",
        "محمد الأحمد",
        "Олена Коваленко",
        "Γιώργος Παπαδόπουλος",
        "Nguyễn Thị Hương",
        "王秀英",
    ];
    let items = names
        .iter()
        .map(|name| {
            NotatItem::Point(PointItem {
                about: "3 Arbejde".into(),
                said: format!("{name} skriver om sprogundervisning."),
                respondents: vec![(*name).to_owned()],
                remark: Some("Tages til efterretning.".into()),
                outcome: Some(Outcome::Noted),
            })
        })
        .collect();
    let notat = Notat {
        title: "Høringsnotat: Integrationspolitik".into(),
        sections: vec![NotatSection {
            heading: "Høringssvar og bemærkninger".into(),
            level: 1,
            items,
        }],
    };
    let pdf = render(&notat, &DocumentWords::of(Locale::da), BYLINE).expect("a PDF");
    if let Some(fonts) = poppler("pdffonts", &pdf, "names-fonts") {
        every_font_embedded(&fonts);
        assert!(fonts.contains("NotoSansArabic"), "{fonts}");
    }
    let Some(text) = pdftotext(&pdf, "names") else {
        return;
    };
    // pdftotext marks right-to-left text with embedding controls; the text is between them.
    let text = text.replace(
        ['\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}'],
        "",
    );
    for name in names {
        assert!(
            text.contains(&format!("Høringssvar fra: {name}")),
            "{name} in:\n{text}"
        );
    }
    assert_eq!(text.matches("3 Arbejde").count(), 1, "the heading once");
    assert!(
        text.contains("vist som �"),
        "the notice of missing characters"
    );
}
