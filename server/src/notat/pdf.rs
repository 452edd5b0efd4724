//! The høringsnotat as a PDF: the [`Notat`] outline laid out on A4 pages for the politicians
//! who read it on paper, in the meeting-papers system or in a browser.
//!
//! The layout is done here, line by line, on top of the low-level `pdf-writer` crate, so the
//! output is small, fast to produce and byte-for-byte the same for the same notat.
//!
//! - Text is set in the standard-14 fonts Helvetica, Helvetica-Bold and Helvetica-Oblique,
//!   which every PDF reader has, so nothing is embedded. They are used with
//!   `/WinAnsiEncoding`, so text is encoded to Windows-1252 here. That covers Danish
//!   (æ ø å Æ Ø Å), the Western European accents and the typographic quotes, dashes, bullet
//!   and euro sign; decomposed accents are composed where the result is in Windows-1252, and
//!   any other character (Greek, Cyrillic, CJK, emoji, …) prints as `?`. A notat that must
//!   show such text needs an embedded Unicode font instead.
//! - Lines are broken with the fonts' real glyph widths (tables below), at spaces; a word
//!   wider than the column is broken between characters. There is no hyphenation.
//! - Content streams are deflated (flate2, which the zip writer brings anyway): a notat of
//!   100,000 points is a few megabytes instead of ninety.
//! - The PDF is not tagged (no structure tree), so it is not PDF/UA: a screen reader gets
//!   the text in reading order, but no headings or table semantics. The document title,
//!   language and a bookmark per main section are set.

use std::ops::Range;

use app::i18n::Locale;
use app::notat::words::DocumentWords;
use hoering::notat::{Notat, NotatItem, NotatSection, Outcome};
use hoering::text::DiffOp;
use pdf_writer::types::PageMode;
use pdf_writer::{Content, Name, Pdf, Rect, Ref, Settings, Str, TextStr};

/// The høringsnotat as a PDF. `byline` is shown under the title, e.g. "Roskilde Kommune ·
/// Offentliggjort 3. december 2026".
///
/// The fixed words the writer adds are `words`, in the language the notat was compiled in; it
/// must be one the standard fonts can set (see [`sets`]), or its letters print as `?`.
pub fn render(notat: &Notat, words: &DocumentWords, byline: &str) -> Vec<u8> {
    let mut doc = Doc::new(words);
    doc.title(&notat.title, byline);
    for section in &notat.sections {
        doc.section(section);
    }
    doc.finish(&notat.title)
}

// --- Page geometry, in points ---

const PAGE_W: f32 = 595.0;
const PAGE_H: f32 = 842.0;
const LEFT: f32 = 56.0;
const RIGHT: f32 = 56.0;
const TOP: f32 = 64.0;
const BOTTOM: f32 = 64.0;
/// The width of the text column.
const WIDTH: f32 = PAGE_W - LEFT - RIGHT;
/// Where the first line of a page starts.
const TOP_Y: f32 = PAGE_H - TOP;

const TITLE_SIZE: f32 = 20.0;
const BYLINE_SIZE: f32 = 11.0;
const H1_SIZE: f32 = 15.0;
const H2_SIZE: f32 = 12.5;
const BODY_SIZE: f32 = 10.5;
const FOOTER_SIZE: f32 = 9.0;
/// Line height as a multiple of the font size, for body text.
const LEADING: f32 = 1.35;
/// Headings are set tighter than body text.
const HEADING_LEADING: f32 = 1.25;
const BODY_LH: f32 = BODY_SIZE * LEADING;
/// How far the text under "Hvad blev sagt" and the bemærkning are indented.
const INDENT: f32 = 12.0;
/// The label column of a fact list.
const FACT_LABEL_W: f32 = 150.0;
/// Inner padding of a table cell.
const CELL_PAD_X: f32 = 4.0;
const CELL_PAD_Y: f32 = 3.0;
const RULE_W: f32 = 0.5;

type Rgb = [f32; 3];

const fn rgb(hex: u32) -> Rgb {
    [
        ((hex >> 16) & 0xFF) as f32 / 255.0,
        ((hex >> 8) & 0xFF) as f32 / 255.0,
        (hex & 0xFF) as f32 / 255.0,
    ]
}

const BLACK: Rgb = rgb(0x000000);
const GREY: Rgb = rgb(0x555555);
const RULE_GREY: Rgb = rgb(0x999999);
const HEADER_FILL: Rgb = rgb(0xEEEEEE);
const INSERTED: Rgb = rgb(0x1E6B34);
const DELETED: Rgb = rgb(0xA4262C);

// --- Fonts ---

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Font {
    Regular,
    Bold,
    Oblique,
}

impl Font {
    const ALL: [Font; 3] = [Font::Regular, Font::Bold, Font::Oblique];

    /// The name in the pages' resources.
    fn resource(self) -> Name<'static> {
        match self {
            Font::Regular => Name(b"F1"),
            Font::Bold => Name(b"F2"),
            Font::Oblique => Name(b"F3"),
        }
    }

    fn base_font(self) -> Name<'static> {
        match self {
            Font::Regular => Name(b"Helvetica"),
            Font::Bold => Name(b"Helvetica-Bold"),
            Font::Oblique => Name(b"Helvetica-Oblique"),
        }
    }

    fn widths(self) -> &'static [u16; 224] {
        match self {
            // Helvetica-Oblique is Helvetica slanted: the same advance widths.
            Font::Regular | Font::Oblique => &HELVETICA,
            Font::Bold => &HELVETICA_BOLD,
        }
    }
}

/// The advance width of Windows-1252 code `byte` in `widths`, in 1/1000 em. Codes below 32
/// (only '\n' gets this far) take no room.
fn glyph(widths: &[u16; 224], byte: u8) -> u32 {
    match byte.checked_sub(32) {
        Some(i) => u32::from(widths[usize::from(i)]),
        None => 0,
    }
}

// Advance widths in 1/1000 em of Windows-1252 codes 32..=255 (as named by the PDF
// specification's WinAnsiEncoding), taken once from the AFM files NimbusSans-Regular.afm and
// NimbusSans-Bold.afm of Debian's fonts-urw-base35 (20200910-7). Nimbus Sans is URW's
// metric-compatible Helvetica; these numbers equal Adobe's Helvetica AFMs.
// NimbusSans-Italic.afm has the same widths as the regular, so Oblique shares that table.
// Codes WinAnsi leaves undefined (127, 129, 141, 143, 144, 157) are 0: the encoder never
// produces them.
#[rustfmt::skip]
const HELVETICA: [u16; 224] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, 0,
    556, 0, 222, 556, 333, 1000, 556, 556, 333, 1000, 667, 333, 1000, 0, 611, 0,
    0, 222, 222, 333, 333, 350, 556, 1000, 333, 1000, 500, 333, 944, 0, 500, 667,
    278, 333, 556, 556, 556, 556, 260, 556, 333, 737, 370, 556, 584, 333, 737, 333,
    400, 584, 333, 333, 333, 556, 537, 278, 333, 333, 365, 556, 834, 834, 834, 611,
    667, 667, 667, 667, 667, 667, 1000, 722, 667, 667, 667, 667, 278, 278, 278, 278,
    722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611,
    556, 556, 556, 556, 556, 556, 889, 500, 556, 556, 556, 556, 278, 278, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 584, 611, 556, 556, 556, 556, 500, 556, 500,
];

#[rustfmt::skip]
const HELVETICA_BOLD: [u16; 224] = [
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,
    975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,
    333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611,
    611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584, 0,
    556, 0, 278, 556, 500, 1000, 556, 556, 333, 1000, 667, 333, 1000, 0, 611, 0,
    0, 278, 278, 500, 500, 350, 556, 1000, 333, 1000, 556, 333, 944, 0, 500, 667,
    278, 333, 556, 556, 556, 556, 280, 556, 333, 737, 370, 556, 584, 333, 737, 333,
    400, 584, 333, 333, 333, 611, 556, 278, 333, 333, 365, 556, 834, 834, 834, 611,
    722, 722, 722, 722, 722, 722, 1000, 722, 667, 667, 667, 667, 278, 278, 278, 278,
    722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611,
    556, 556, 556, 556, 556, 556, 889, 556, 556, 556, 556, 556, 278, 278, 278, 278,
    611, 611, 611, 611, 611, 611, 611, 584, 611, 611, 611, 611, 611, 556, 611, 556,
];

// --- Windows-1252 ---

/// `text` in Windows-1252 for the WinAnsi-encoded standard fonts, appended to `out`.
///
/// '\n' is kept as a line break ("\r\n" and a lone '\r' become '\n'), a tab becomes a space,
/// other control and invisible formatting characters (soft hyphen, zero-width space) are
/// dropped. A combining accent is composed with the letter before it where Windows-1252 has
/// the result (macOS pastes "å" as "a" + ring), and dropped otherwise. Any other character
/// outside Windows-1252 becomes '?'.
fn encode_into(text: &str, out: &mut Vec<u8>) {
    out.reserve(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' | '\u{2028}' | '\u{2029}' => out.push(b'\n'),
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push(b'\n');
                }
            }
            '\t' => out.push(b' '),
            '\u{AD}' | '\u{200B}'..='\u{200F}' | '\u{2060}' | '\u{FEFF}' => {}
            '\u{300}'..='\u{36F}' => {
                if let Some(last) = out.last_mut()
                    && let Some(composed) = compose(*last, c)
                {
                    *last = composed;
                }
            }
            c if c.is_control() => {}
            c => out.push(cp1252(c).or_else(|| fallback(c)).unwrap_or(b'?')),
        }
    }
}

/// `text` in Windows-1252; see [`encode_into`].
fn encode(text: &str) -> Vec<u8> {
    let mut out = Vec::new();
    encode_into(text, &mut out);
    out
}

/// The Windows-1252 code of `c`, if it has one.
fn cp1252(c: char) -> Option<u8> {
    match u32::from(c) {
        code @ (0x20..=0x7E | 0xA0..=0xFF) => u8::try_from(code).ok(),
        _ => Some(match c {
            '€' => 0x80,
            '‚' => 0x82,
            'ƒ' => 0x83,
            '„' => 0x84,
            '…' => 0x85,
            '†' => 0x86,
            '‡' => 0x87,
            'ˆ' => 0x88,
            '‰' => 0x89,
            'Š' => 0x8A,
            '‹' => 0x8B,
            'Œ' => 0x8C,
            'Ž' => 0x8E,
            '‘' => 0x91,
            '’' => 0x92,
            '“' => 0x93,
            '”' => 0x94,
            '•' => 0x95,
            '–' => 0x96,
            '—' => 0x97,
            '˜' => 0x98,
            '™' => 0x99,
            'š' => 0x9A,
            '›' => 0x9B,
            'œ' => 0x9C,
            'ž' => 0x9E,
            'Ÿ' => 0x9F,
            _ => return None,
        }),
    }
}

/// A Windows-1252 stand-in for a few characters that word processors put in text and that
/// look the same: Unicode hyphens and minus, and the typographic spaces.
fn fallback(c: char) -> Option<u8> {
    match c {
        '\u{2010}'..='\u{2012}' | '\u{2212}' => Some(b'-'),
        '\u{2015}' => Some(0x97),
        '\u{2002}'..='\u{2006}' | '\u{2008}'..='\u{200A}' | '\u{205F}' | '\u{3000}' => Some(b' '),
        // These do not break a line.
        '\u{2007}' | '\u{202F}' => Some(0xA0),
        _ => None,
    }
}

/// `base` (a Windows-1252 code) with the combining accent `mark`, if Windows-1252 has it.
fn compose(base: u8, mark: char) -> Option<u8> {
    const TABLE: [(char, &str, &str); 8] = [
        ('\u{300}', "AEIOUaeiou", "ÀÈÌÒÙàèìòù"),
        ('\u{301}', "AEIOUYaeiouy", "ÁÉÍÓÚÝáéíóúý"),
        ('\u{302}', "AEIOUaeiou", "ÂÊÎÔÛâêîôû"),
        ('\u{303}', "ANOano", "ÃÑÕãñõ"),
        ('\u{308}', "AEIOUYaeiouy", "ÄËÏÖÜŸäëïöüÿ"),
        ('\u{30A}', "Aa", "Åå"),
        ('\u{327}', "Cc", "Çç"),
        ('\u{30C}', "SZsz", "ŠŽšž"),
    ];
    let (_, bases, composed) = TABLE.iter().find(|(m, _, _)| *m == mark)?;
    let i = bases.bytes().position(|b| b == base)?;
    composed.chars().nth(i).and_then(cp1252)
}

// --- Line breaking ---

/// The lines of `text` (Windows-1252, '\n' for a forced break), as byte ranges without the
/// spaces they were broken at, each no wider than `max` as measured by `width` (the advance
/// of the byte at an index), unless a single character is wider.
///
/// Lines break at spaces; a word wider than `max` is broken between characters. An empty
/// text has no lines; an empty line between two '\n' is kept as an empty range, since the
/// clerk meant the space.
fn wrap(text: &[u8], width: impl Fn(usize) -> u32, max: u32) -> Vec<Range<usize>> {
    let mut lines = Vec::new();
    if text.is_empty() {
        return lines;
    }
    let mut start = 0;
    loop {
        let end = text[start..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(text.len(), |p| start + p);
        wrap_line(text, start..end, &width, max, &mut lines);
        if end == text.len() {
            return lines;
        }
        start = end + 1;
    }
}

/// [`wrap`] for one line of `text` without a '\n' in it.
fn wrap_line(
    text: &[u8],
    span: Range<usize>,
    width: &impl Fn(usize) -> u32,
    max: u32,
    lines: &mut Vec<Range<usize>>,
) {
    let measure = |r: Range<usize>| -> u32 { r.map(width).sum() };
    // The line being filled: its range and width.
    let mut line: Option<(Range<usize>, u32)> = None;
    let mut i = span.start;
    while i < span.end {
        let gap = i;
        while i < span.end && text[i] == b' ' {
            i += 1;
        }
        if i == span.end {
            break;
        }
        let word = i;
        while i < span.end && text[i] != b' ' {
            i += 1;
        }
        let word_w = measure(word..i);
        if let Some((range, w)) = line.take() {
            let wider = w + measure(gap..word) + word_w;
            if wider <= max {
                line = Some((range.start..i, wider));
                continue;
            }
            lines.push(range);
        }
        if word_w <= max {
            line = Some((word..i, word_w));
            continue;
        }
        // Too long for any line: as many characters per line as fit, at least one.
        let (mut from, mut w) = (word, 0);
        for j in word..i {
            let cw = width(j);
            if w + cw > max && j > from {
                lines.push(from..j);
                (from, w) = (j, 0);
            }
            w += cw;
        }
        line = Some((from..i, w));
    }
    match line {
        Some((range, _)) => lines.push(range),
        None => lines.push(span.start..span.start),
    }
}

// --- Styled text ---

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    None,
    Underline,
    Strike,
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct Style {
    font: Font,
    color: Rgb,
    mark: Mark,
}

impl Style {
    const fn new(font: Font, color: Rgb) -> Self {
        Self {
            font,
            color,
            mark: Mark::None,
        }
    }
}

const PLAIN: Style = Style::new(Font::Regular, BLACK);
const STRONG: Style = Style::new(Font::Bold, BLACK);
const INSERT: Style = Style {
    font: Font::Regular,
    color: INSERTED,
    mark: Mark::Underline,
};
const DELETE: Style = Style {
    font: Font::Regular,
    color: DELETED,
    mark: Mark::Strike,
};

/// Windows-1252 text in runs of one style each.
#[derive(Debug, Default)]
struct Rich {
    text: Vec<u8>,
    /// Each run's end in `text` and its style, in order; the last ends at `text.len()`.
    runs: Vec<(usize, Style)>,
}

impl Rich {
    fn new(text: &str, style: Style) -> Self {
        let mut rich = Self::default();
        rich.push(text, style);
        rich
    }

    fn push(&mut self, text: &str, style: Style) -> &mut Self {
        let before = self.text.len();
        encode_into(text, &mut self.text);
        let end = self.text.len();
        match self.runs.last_mut() {
            Some((last_end, last_style)) if *last_style == style => *last_end = end,
            _ if end > before => self.runs.push((end, style)),
            _ => {}
        }
        self
    }

    /// The lines of this text at `size` in a column `width` points wide.
    fn wrap(&self, size: f32, width: f32) -> Vec<Range<usize>> {
        // Whole 1/1000 em, rounded down, so a line that passes is never wider than `width`.
        let max = (width.max(0.0) * 1000.0 / size) as u32;
        match self.runs.as_slice() {
            [(_, style)] => {
                let widths = style.font.widths();
                wrap(&self.text, |i| glyph(widths, self.text[i]), max)
            }
            _ => {
                let mut advances = Vec::with_capacity(self.text.len());
                let mut start = 0;
                for &(end, style) in &self.runs {
                    let widths = style.font.widths();
                    advances.extend(self.text[start..end].iter().map(|&b| glyph(widths, b)));
                    start = end;
                }
                wrap(&self.text, |i| advances[i], max)
            }
        }
    }

    /// The pieces of `range` with their styles.
    fn pieces(&self, range: Range<usize>) -> impl Iterator<Item = (&[u8], Style)> {
        let mut start = 0;
        self.runs.iter().filter_map(move |&(end, style)| {
            let piece = start.max(range.start)..end.min(range.end);
            start = end;
            (piece.start < piece.end).then(|| (&self.text[piece], style))
        })
    }

    /// The width of `range` at `size`, in points.
    fn measure(&self, range: Range<usize>, size: f32) -> f32 {
        self.pieces(range)
            .map(|(bytes, style)| units(style.font, bytes))
            .sum::<u32>() as f32
            * size
            / 1000.0
    }
}

/// The advance of `bytes` in `font`, in 1/1000 em.
fn units(font: Font, bytes: &[u8]) -> u32 {
    let widths = font.widths();
    bytes.iter().map(|&b| glyph(widths, b)).sum()
}

/// Text broken into lines, ready to place.
struct Block {
    rich: Rich,
    lines: Vec<Range<usize>>,
    size: f32,
    /// Line height.
    lh: f32,
}

impl Block {
    fn new(rich: Rich, size: f32, lh: f32, width: f32) -> Self {
        let lines = rich.wrap(size, width);
        Self {
            rich,
            lines,
            size,
            lh,
        }
    }

    fn height(&self) -> f32 {
        self.lines.len() as f32 * self.lh
    }
}

/// A heading waiting for what follows it, so that both go on the same page.
struct Heading {
    block: Block,
    before: f32,
    after: f32,
    /// The title to list it under in the document outline, if it is listed.
    bookmark: Option<String>,
}

/// Rounded to 1/100 pt: plenty for print, and it keeps the numbers in the file short.
fn round(v: f32) -> f32 {
    (v * 100.0).round() / 100.0
}

/// A colour component to 1/1000, which is finer than print shows.
fn round_color(v: f32) -> f32 {
    (v * 1000.0).round() / 1000.0
}

/// Shows `bytes`. Literal strings for ASCII stretches and hex for the rest: Danish text as a
/// single string would go all hex (pdf-writer's choice), twice the size.
fn show(content: &mut Content, bytes: &[u8]) {
    if bytes.is_ascii() {
        content.show(Str(bytes));
        return;
    }
    let mut op = content.show_positioned();
    let mut items = op.items();
    for piece in bytes.chunk_by(|a, b| a.is_ascii() == b.is_ascii()) {
        items.show(Str(piece));
    }
}

// --- The document being written ---

/// The graphics state of the page's content stream as written so far, so that operators
/// that change nothing are left out.
#[derive(Default)]
struct State {
    font: Option<(Font, f32)>,
    fill: Option<Rgb>,
    stroke: Option<(Rgb, f32)>,
}

struct Bookmark {
    title: String,
    page: Ref,
    top: f32,
}

struct Page {
    page: Ref,
    body: Ref,
}

/// Fixed object numbers; the rest are numbered from [`FIRST_FREE`] as they are needed.
const CATALOG: Ref = Ref::new(1);
const PAGE_TREE: Ref = Ref::new(2);
const INFO: Ref = Ref::new(3);
const OUTLINE: Ref = Ref::new(4);
const FONT_REFS: [Ref; 3] = [Ref::new(5), Ref::new(6), Ref::new(7)];
const FIRST_FREE: i32 = 8;

struct Doc<'a> {
    pdf: Pdf,
    next_ref: i32,
    words: &'a DocumentWords,
    pages: Vec<Page>,
    content: Content,
    state: State,
    /// The top of the free space on the page.
    y: f32,
    /// Whether anything is on the page yet: space is not added at the top of a page.
    used: bool,
    pending: Vec<Heading>,
    bookmarks: Vec<Bookmark>,
    legend_shown: bool,
}

impl<'a> Doc<'a> {
    fn new(words: &'a DocumentWords) -> Self {
        let mut doc = Self {
            // Compact dictionaries: nobody reads these by eye.
            pdf: Pdf::with_settings(Settings { pretty: false }),
            next_ref: FIRST_FREE,
            words,
            pages: Vec::new(),
            content: Content::new(),
            state: State::default(),
            y: TOP_Y,
            used: false,
            pending: Vec::new(),
            bookmarks: Vec::new(),
            legend_shown: false,
        };
        doc.new_page();
        doc
    }

    fn alloc(&mut self) -> Ref {
        let r = Ref::new(self.next_ref);
        self.next_ref += 1;
        r
    }

    // --- Pages and space ---

    /// Writes the current page's content and starts a new page.
    fn new_page(&mut self) {
        self.flush_page();
        let page = self.alloc();
        let body = self.alloc();
        self.pages.push(Page { page, body });
        self.y = TOP_Y;
        self.used = false;
        self.state = State::default();
    }

    fn flush_page(&mut self) {
        if let Some(page) = self.pages.last() {
            let body = page.body;
            let content = std::mem::replace(&mut self.content, Content::new()).finish();
            self.pdf
                .stream(body, &deflate(&content))
                .filter(pdf_writer::Filter::FlateDecode);
        }
    }

    /// Makes room for `h` points: a new page unless they fit on this one, or this one is
    /// empty and a new one would not help.
    fn fit(&mut self, h: f32) {
        if self.used && self.y - h < BOTTOM - 0.01 {
            self.new_page();
        }
    }

    /// Vertical space, but none at the top of a page. Space after a heading still waiting
    /// for its text goes after that heading.
    fn space(&mut self, h: f32) {
        if let Some(heading) = self.pending.last_mut() {
            heading.after += h;
        } else if self.used {
            self.y -= h;
        }
    }

    /// Makes room for `h` points of content together with the headings waiting for it, then
    /// places those headings.
    fn need(&mut self, h: f32) {
        if self.pending.is_empty() {
            self.fit(h);
            return;
        }
        let waiting: f32 = self
            .pending
            .iter()
            .map(|p| p.before + p.block.height() + p.after)
            .sum();
        self.fit(waiting + h);
        for heading in std::mem::take(&mut self.pending) {
            self.space(heading.before);
            if let Some(title) = heading.bookmark {
                self.fit(heading.block.lh);
                let page = self.current_page();
                self.bookmarks.push(Bookmark {
                    title,
                    page,
                    top: self.y,
                });
            }
            self.lines(&heading.block, LEFT);
            self.space(heading.after);
        }
    }

    fn current_page(&self) -> Ref {
        self.pages.last().map_or(Ref::new(FIRST_FREE), |p| p.page)
    }

    // --- Text ---

    /// `block`'s lines at `x`, each on the page it fits on.
    fn lines(&mut self, block: &Block, x: f32) {
        self.lines_then(block, x, 0.0);
    }

    /// [`Self::lines`], with the last line on the same page as `tail` points that follow.
    fn lines_then(&mut self, block: &Block, x: f32, tail: f32) {
        let last = block.lines.len().saturating_sub(1);
        for (i, line) in block.lines.iter().enumerate() {
            self.fit(if i == last { block.lh + tail } else { block.lh });
            let top = self.y;
            self.line(&block.rich, line.clone(), x, top, block.size, block.lh);
            self.y -= block.lh;
        }
    }

    /// A paragraph at `indent`, its first two lines kept together.
    fn paragraph(&mut self, rich: Rich, size: f32, indent: f32) {
        self.paragraph_then(rich, size, indent, 0.0);
    }

    /// [`Self::paragraph`], with its last line kept with the `tail` points that follow.
    fn paragraph_then(&mut self, rich: Rich, size: f32, indent: f32, tail: f32) {
        let block = Block::new(rich, size, size * LEADING, WIDTH - indent);
        let n = block.lines.len();
        // When the kept lines are all there is, what follows their last line comes too.
        let keep = n.min(2) as f32 * block.lh + if n <= 2 { tail } else { 0.0 };
        self.need(keep);
        self.lines_then(&block, LEFT + indent, tail);
    }

    /// Shows one line of `rich` in a line box whose top is at `top`, with underlines and
    /// strike-throughs drawn after the text.
    fn line(&mut self, rich: &Rich, range: Range<usize>, x: f32, top: f32, size: f32, lh: f32) {
        self.used = true;
        if range.is_empty() {
            return;
        }
        // Centre Helvetica's ascender (0.718 em) and descender (0.207 em) in the line box.
        let baseline = top - (lh - 0.925 * size) / 2.0 - 0.718 * size;
        let mut marks: Vec<(f32, f32, Style)> = Vec::new();
        let mut pen = x;
        self.content.begin_text();
        self.content.next_line(round(x), round(baseline));
        for (bytes, style) in rich.pieces(range) {
            self.set_font(style.font, size);
            self.set_fill(style.color);
            show(&mut self.content, bytes);
            let w = units(style.font, bytes) as f32 * size / 1000.0;
            if style.mark != Mark::None {
                // Words only: a line under the spaces around an insertion reads as a
                // changed space.
                let lead = bytes.iter().take_while(|&&b| b == b' ').count();
                let trail = bytes[lead..]
                    .iter()
                    .rev()
                    .take_while(|&&b| b == b' ')
                    .count();
                let space = units(style.font, b" ") as f32 * size / 1000.0;
                let from = pen + lead as f32 * space;
                let to = pen + w - trail as f32 * space;
                if to > from {
                    marks.push((from, to, style));
                }
            }
            pen += w;
        }
        self.content.end_text();
        for (from, to, style) in marks {
            let y = match style.mark {
                Mark::Underline => baseline - 0.12 * size,
                _ => baseline + 0.27 * size,
            };
            self.set_stroke(style.color, 0.05 * size);
            self.content
                .move_to(round(from), round(y))
                .line_to(round(to), round(y))
                .stroke();
        }
    }

    fn set_font(&mut self, font: Font, size: f32) {
        if self.state.font != Some((font, size)) {
            self.content.set_font(font.resource(), size);
            self.state.font = Some((font, size));
        }
    }

    fn set_fill(&mut self, color: Rgb) {
        if self.state.fill != Some(color) {
            let [r, g, b] = color.map(round_color);
            self.content.set_fill_rgb(r, g, b);
            self.state.fill = Some(color);
        }
    }

    fn set_stroke(&mut self, color: Rgb, width: f32) {
        if self.state.stroke != Some((color, width)) {
            let [r, g, b] = color.map(round_color);
            self.content
                .set_stroke_rgb(r, g, b)
                .set_line_width(round(width));
            self.state.stroke = Some((color, width));
        }
    }

    /// Thin grey lines from `[x, y]` to `[to_x, to_y]`, stroked as one path.
    fn rules(&mut self, lines: &[[f32; 4]]) {
        self.set_stroke(RULE_GREY, RULE_W);
        for &[x, y, to_x, to_y] in lines {
            self.content
                .move_to(round(x), round(y))
                .line_to(round(to_x), round(to_y));
        }
        self.content.stroke();
    }

    // --- The parts of the notat ---

    fn title(&mut self, title: &str, byline: &str) {
        let title = Block::new(
            Rich::new(title.trim(), STRONG),
            TITLE_SIZE,
            TITLE_SIZE * 1.2,
            WIDTH,
        );
        self.lines(&title, LEFT);
        if !byline.trim().is_empty() {
            self.space(4.0);
            let byline = Rich::new(byline.trim(), Style::new(Font::Regular, GREY));
            self.paragraph(byline, BYLINE_SIZE, 0.0);
        }
        self.space(8.0);
        let y = self.y;
        self.rules(&[[LEFT, y, LEFT + WIDTH, y]]);
        self.space(4.0);
    }

    /// A heading, placed with what follows it.
    fn heading(&mut self, text: &str, level: u8) {
        let (size, before, after) = match level {
            1 => (H1_SIZE, 20.0, 6.0),
            _ => (H2_SIZE, 14.0, 4.0),
        };
        self.pending.push(Heading {
            block: Block::new(
                Rich::new(text.trim(), STRONG),
                size,
                size * HEADING_LEADING,
                WIDTH,
            ),
            before,
            after,
            // The outline takes Unicode: the heading as written, not as encoded.
            bookmark: (level == 1).then(|| text.trim().to_owned()),
        });
    }

    /// A bold label over the text it introduces, kept with it.
    fn label(&mut self, text: &str) {
        self.pending.push(Heading {
            block: Block::new(Rich::new(text, STRONG), BODY_SIZE, BODY_LH, WIDTH),
            before: 4.0,
            after: 1.0,
            bookmark: None,
        });
    }

    fn section(&mut self, section: &NotatSection) {
        self.heading(&section.heading, section.level.max(1));
        for item in &section.items {
            match item {
                NotatItem::Paragraph(text) => {
                    self.paragraph(Rich::new(text.trim(), PLAIN), BODY_SIZE, 0.0);
                    self.space(6.0);
                }
                NotatItem::List(lines) => {
                    for line in lines {
                        self.paragraph(
                            Rich::new(&format!("• {}", line.trim()), PLAIN),
                            BODY_SIZE,
                            0.0,
                        );
                    }
                    self.space(6.0);
                }
                NotatItem::Facts(pairs) => self.facts(pairs),
                NotatItem::Table { header, rows } => self.table(header, rows),
                NotatItem::Point {
                    about,
                    said,
                    respondents,
                    remark,
                    outcome,
                } => self.point(
                    about,
                    said,
                    respondents,
                    remark.as_deref(),
                    outcome.as_ref(),
                ),
                NotatItem::Diff { block, ops } => self.diff(block, ops),
            }
        }
    }

    /// Labels in a column on the left, values wrapped beside them.
    fn facts(&mut self, pairs: &[(String, String)]) {
        for (label, value) in pairs {
            let label = Block::new(
                Rich::new(label.trim(), STRONG),
                BODY_SIZE,
                BODY_LH,
                FACT_LABEL_W - 10.0,
            );
            let value = Block::new(
                Rich::new(value.trim(), PLAIN),
                BODY_SIZE,
                BODY_LH,
                WIDTH - FACT_LABEL_W,
            );
            let rows = label.lines.len().max(value.lines.len()).max(1);
            self.need(rows.min(2) as f32 * BODY_LH);
            for i in 0..rows {
                self.fit(BODY_LH);
                let top = self.y;
                if let Some(line) = label.lines.get(i) {
                    self.line(&label.rich, line.clone(), LEFT, top, BODY_SIZE, BODY_LH);
                }
                if let Some(line) = value.lines.get(i) {
                    let x = LEFT + FACT_LABEL_W;
                    self.line(&value.rich, line.clone(), x, top, BODY_SIZE, BODY_LH);
                }
                self.used = true;
                self.y -= BODY_LH;
            }
            self.space(3.0);
        }
        self.space(6.0);
    }

    fn table(&mut self, header: &[String], rows: &[Vec<String>]) {
        let columns = rows.iter().map(Vec::len).fold(header.len(), usize::max);
        if columns == 0 {
            return;
        }
        let header: Vec<Rich> = (0..columns)
            .map(|i| Rich::new(cell(header, i), STRONG))
            .collect();
        let has_header = header.iter().any(|h| !h.text.is_empty());
        let numeric: Vec<bool> = (0..columns)
            .map(|i| {
                !rows.is_empty()
                    && rows.iter().all(|r| {
                        let s = cell(r, i);
                        !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit() || b == b'.')
                    })
            })
            .collect();
        let table = Table {
            widths: column_widths(&header, rows, columns),
            numeric,
        };
        let header = table.cells(header);
        let header_h = if has_header { header.height() } else { 0.0 };
        let row = |r: &Vec<String>| {
            table.cells((0..columns).map(|i| Rich::new(cell(r, i), PLAIN)).collect())
        };

        self.space(2.0);
        let first = rows.first().map(row);
        let first_h = first
            .as_ref()
            .map_or(0.0, |c| c.lines.min(2) as f32 * BODY_LH + 2.0 * CELL_PAD_Y);
        self.need(header_h + first_h);
        let mut top_rule = true;
        if has_header {
            self.table_row(&table, &header, 0..header.lines, Some(HEADER_FILL), true);
            top_rule = false;
        }
        // A row taller than a page with its header is split between lines; any other row
        // goes whole onto the next page, under the header repeated.
        let most = TOP_Y - BOTTOM - header_h - 2.0 * CELL_PAD_Y;
        for cells in first.into_iter().chain(rows.iter().skip(1).map(row)) {
            let mut from = 0;
            let mut fresh = false;
            while from < cells.lines {
                let left = cells.lines - from;
                let room = self.y - BOTTOM - 2.0 * CELL_PAD_Y;
                let fits = (room / BODY_LH + 0.001).floor().max(0.0) as usize;
                let take = if left <= fits {
                    left
                } else if left as f32 * BODY_LH > most && fits > 0 {
                    fits
                } else if fresh {
                    // Not even one line fits under the header: one goes anyway, so that
                    // the table ends.
                    1
                } else {
                    0
                };
                if take > 0 {
                    self.table_row(&table, &cells, from..from + take, None, top_rule);
                    top_rule = false;
                    from += take;
                }
                if from < cells.lines {
                    self.new_page();
                    fresh = true;
                    top_rule = true;
                    if has_header {
                        self.table_row(&table, &header, 0..header.lines, Some(HEADER_FILL), true);
                        top_rule = false;
                    }
                }
            }
        }
        self.space(10.0);
    }

    /// Lines `lines` of a table row's cells, with its rules (the top one only if asked for:
    /// otherwise the row above drew it).
    fn table_row(
        &mut self,
        table: &Table,
        cells: &Cells,
        lines: Range<usize>,
        fill: Option<Rgb>,
        top_rule: bool,
    ) {
        let top = self.y;
        let h = lines.len() as f32 * BODY_LH + 2.0 * CELL_PAD_Y;
        let bottom = top - h;
        if let Some(color) = fill {
            self.set_fill(color);
            self.content
                .rect(LEFT, round(bottom), WIDTH, round(h))
                .fill_nonzero();
        }
        let mut x = LEFT;
        for (i, block) in cells.blocks.iter().enumerate() {
            let w = table.widths[i];
            for (k, line) in block.lines[lines.start.min(block.lines.len())..]
                .iter()
                .take(lines.len())
                .enumerate()
            {
                let inner = w - 2.0 * CELL_PAD_X;
                let offset = if table.numeric[i] {
                    inner - block.rich.measure(line.clone(), BODY_SIZE)
                } else {
                    0.0
                };
                let line_top = top - CELL_PAD_Y - k as f32 * BODY_LH;
                self.line(
                    &block.rich,
                    line.clone(),
                    x + CELL_PAD_X + offset,
                    line_top,
                    BODY_SIZE,
                    BODY_LH,
                );
            }
            x += w;
        }
        let mut rules = Vec::with_capacity(table.widths.len() + 3);
        if top_rule {
            rules.push([LEFT, top, LEFT + WIDTH, top]);
        }
        rules.push([LEFT, bottom, LEFT + WIDTH, bottom]);
        let mut x = LEFT;
        rules.push([x, top, x, bottom]);
        for w in &table.widths {
            x += w;
            rules.push([x, top, x, bottom]);
        }
        self.rules(&rules);
        self.used = true;
        self.y = bottom;
    }

    fn point(
        &mut self,
        about: &str,
        said: &str,
        respondents: &[String],
        remark: Option<&str>,
        outcome: Option<&Outcome>,
    ) {
        let words = self.words;
        self.heading(about, 2);
        if !respondents.is_empty() {
            let mut from = Rich::new(words.responses_from, STRONG);
            from.push(" ", PLAIN).push(&respondents.join("; "), PLAIN);
            // Part of the point's heading: kept with what was said.
            self.pending.push(Heading {
                block: Block::new(from, BODY_SIZE, BODY_LH, WIDTH),
                before: 0.0,
                after: 0.0,
                bookmark: None,
            });
        }
        self.label(words.what_was_said);
        self.paragraph(Rich::new(said.trim(), PLAIN), BODY_SIZE, INDENT);
        match remark {
            Some(remark) => {
                self.label(words.remark);
                let conclusion = outcome.map(|outcome| {
                    let mut conclusion = Rich::new(words.conclusion, STRONG);
                    conclusion
                        .push(" ", PLAIN)
                        .push(&words.outcome(outcome), PLAIN);
                    conclusion
                });
                // The conclusion is not left alone at the top of a page: the remark's last
                // line goes with it.
                let gap = 3.0;
                let tail = if conclusion.is_some() {
                    gap + BODY_LH
                } else {
                    0.0
                };
                let remark = Rich::new(remark.trim(), PLAIN);
                self.paragraph_then(remark, BODY_SIZE, INDENT, tail);
                if let Some(conclusion) = conclusion {
                    self.space(gap);
                    self.paragraph(conclusion, BODY_SIZE, 0.0);
                }
            }
            None => {
                self.space(4.0);
                let style = Style::new(Font::Oblique, GREY);
                self.paragraph(Rich::new(words.not_published, style), BODY_SIZE, 0.0);
            }
        }
        self.space(4.0);
    }

    fn diff(&mut self, block: &str, ops: &[DiffOp]) {
        if !self.legend_shown {
            self.legend_shown = true;
            let mut legend = Rich::default();
            for (i, part) in self.words.legend.iter().enumerate() {
                let style = match i {
                    1 => INSERT,
                    3 => DELETE,
                    _ => PLAIN,
                };
                legend.push(part, style);
            }
            self.paragraph(legend, BODY_SIZE, 0.0);
            self.space(2.0);
        }
        self.heading(&format!("§ {}", block.trim()), 2);
        let mut text = Rich::default();
        for op in ops {
            match op {
                DiffOp::Equal(t) => text.push(t, PLAIN),
                DiffOp::Insert(t) => text.push(t, INSERT),
                DiffOp::Delete(t) => text.push(t, DELETE),
            };
        }
        self.paragraph(text, BODY_SIZE, 0.0);
        self.space(6.0);
    }

    // --- Finishing ---

    fn finish(mut self, title: &str) -> Vec<u8> {
        // A heading with nothing after it still goes in.
        self.need(0.0);
        self.flush_page();

        for (font, id) in Font::ALL.into_iter().zip(FONT_REFS) {
            self.pdf
                .type1_font(id)
                .base_font(font.base_font())
                .encoding_predefined(Name(b"WinAnsiEncoding"));
        }

        let total = self.pages.len();
        let mut tree = self.pdf.pages(PAGE_TREE);
        tree.kids(self.pages.iter().map(|p| p.page))
            .count(i32::try_from(total).unwrap_or(i32::MAX))
            .media_box(Rect::new(0.0, 0.0, PAGE_W, PAGE_H));
        // Inherited by every page.
        let mut resources = tree.resources();
        let mut fonts = resources.fonts();
        for (font, id) in Font::ALL.into_iter().zip(FONT_REFS) {
            fonts.pair(font.resource(), id);
        }
        drop(fonts);
        drop(resources);
        drop(tree);

        for n in 0..total {
            let footer_ref = self.alloc();
            let footer = footer(&self.words.page_of(n + 1, total));
            self.pdf
                .stream(footer_ref, &deflate(&footer))
                .filter(pdf_writer::Filter::FlateDecode);
            let Page { page, body } = self.pages[n];
            self.pdf
                .page(page)
                .parent(PAGE_TREE)
                .contents_array([body, footer_ref]);
        }

        let has_outline = !self.bookmarks.is_empty();
        if has_outline {
            let items: Vec<Ref> = (0..self.bookmarks.len()).map(|_| self.alloc()).collect();
            let count = i32::try_from(items.len()).unwrap_or(i32::MAX);
            if let (Some(&first), Some(&last)) = (items.first(), items.last()) {
                self.pdf
                    .outline(OUTLINE)
                    .first(first)
                    .last(last)
                    .count(count);
            }
            for (i, mark) in self.bookmarks.iter().enumerate() {
                let mut item = self.pdf.outline_item(items[i]);
                item.title(TextStr(&mark.title)).parent(OUTLINE);
                if i > 0 {
                    item.prev(items[i - 1]);
                }
                if let Some(&next) = items.get(i + 1) {
                    item.next(next);
                }
                item.dest().page(mark.page).xyz(0.0, round(mark.top), None);
            }
        }

        let mut catalog = self.pdf.catalog(CATALOG);
        catalog.pages(PAGE_TREE).lang(TextStr(self.words.tag));
        if has_outline {
            catalog.outlines(OUTLINE).page_mode(PageMode::UseOutlines);
        }
        catalog.viewer_preferences().display_doc_title(true);
        drop(catalog);

        self.pdf
            .document_info(INFO)
            .title(TextStr(title))
            .creator(TextStr("hoering"));
        self.pdf.finish()
    }
}

/// A content stream deflated for `/FlateDecode` (fast level: the notat is text, and speed
/// matters more than the last percent).
fn deflate(data: &[u8]) -> Vec<u8> {
    use std::io::Write as _;
    let mut encoder = flate2::write::ZlibEncoder::new(
        Vec::with_capacity(data.len() / 3),
        flate2::Compression::fast(),
    );
    // Writing to a Vec cannot fail.
    encoder
        .write_all(data)
        .and_then(|()| encoder.finish())
        .unwrap_or_default()
}

/// The footer's content stream: "Side n af m" centred under the text column.
fn footer(label: &str) -> Vec<u8> {
    let text = encode(label);
    let w = units(Font::Regular, &text) as f32 * FOOTER_SIZE / 1000.0;
    let mut content = Content::new();
    let [r, g, b] = GREY.map(round_color);
    content
        .begin_text()
        .set_font(Font::Regular.resource(), FOOTER_SIZE)
        .set_fill_rgb(r, g, b)
        .next_line(round(LEFT + (WIDTH - w) / 2.0), BOTTOM - 30.0);
    show(&mut content, &text);
    content.end_text();
    content.finish().to_vec()
}

// --- Tables ---

/// Cell `i` of `row`, empty where the row is short.
fn cell(row: &[String], i: usize) -> &str {
    row.get(i).map_or("", |s| s.trim())
}

struct Table {
    widths: Vec<f32>,
    /// Columns of numbers, set flush right.
    numeric: Vec<bool>,
}

/// One table row's cells, wrapped.
struct Cells {
    blocks: Vec<Block>,
    /// Lines in the tallest cell.
    lines: usize,
}

impl Cells {
    fn height(&self) -> f32 {
        self.lines as f32 * BODY_LH + 2.0 * CELL_PAD_Y
    }
}

impl Table {
    fn cells(&self, cells: Vec<Rich>) -> Cells {
        let blocks: Vec<Block> = cells
            .into_iter()
            .zip(&self.widths)
            .map(|(rich, w)| Block::new(rich, BODY_SIZE, BODY_LH, w - 2.0 * CELL_PAD_X))
            .collect();
        let lines = blocks
            .iter()
            .map(|b| b.lines.len())
            .max()
            .unwrap_or(0)
            .max(1);
        Cells { blocks, lines }
    }
}

/// Column widths filling the text column, in proportion to how wide each column's text is
/// unwrapped. When that is wider than the page, a column narrower than an equal share of
/// what is left keeps its natural width, and the wide columns share the rest in proportion
/// to their text, each at least as wide as its longest word allows.
fn column_widths(header: &[Rich], rows: &[Vec<String>], columns: usize) -> Vec<f32> {
    let pad = 2.0 * CELL_PAD_X;
    let share = WIDTH / columns as f32;
    let least = 36.0f32.min(share);
    let mut natural = vec![least; columns];
    let mut minimum = vec![least; columns];
    let mut measure = |i: usize, font: Font, text: &[u8]| {
        let width = |bytes: &[u8]| units(font, bytes) as f32 * BODY_SIZE / 1000.0 + pad;
        for line in text.split(|&b| b == b'\n') {
            natural[i] = natural[i].max(width(line));
            for word in line.split(|&b| b == b' ') {
                minimum[i] = minimum[i].max(width(word).min(share));
            }
        }
    };
    for (i, h) in header.iter().enumerate() {
        measure(i, Font::Bold, &h.text);
    }
    let mut buf = Vec::new();
    for row in rows {
        for (i, cell) in row.iter().enumerate() {
            buf.clear();
            encode_into(cell.trim(), &mut buf);
            measure(i, Font::Regular, &buf);
        }
    }
    let total: f32 = natural.iter().sum();
    if total <= WIDTH {
        return natural.iter().map(|w| w * WIDTH / total).collect();
    }
    // Settle the narrow columns first: fixing one leaves more for the others.
    let mut widths: Vec<Option<f32>> = vec![None; columns];
    loop {
        let open = widths.iter().filter(|w| w.is_none()).count();
        let left = WIDTH - widths.iter().flatten().sum::<f32>();
        let fair = left / open.max(1) as f32;
        let mut settled = false;
        for (w, n) in widths.iter_mut().zip(&natural) {
            if w.is_none() && *n <= fair {
                *w = Some(*n);
                settled = true;
            }
        }
        if !settled || open == 0 {
            break;
        }
    }
    let left = WIDTH - widths.iter().flatten().sum::<f32>();
    let open_natural: f32 = (0..columns)
        .filter(|&i| widths[i].is_none())
        .map(|i| natural[i])
        .sum();
    let mut widths: Vec<f32> = (0..columns)
        .map(|i| widths[i].unwrap_or(left * natural[i] / open_natural.max(1.0)))
        .collect();
    // A wide column squeezed below its longest word takes the difference from the others
    // that have room to spare, in proportion to that room.
    let short: f32 = widths
        .iter()
        .zip(&minimum)
        .map(|(w, m)| (m - w).max(0.0))
        .sum();
    if short > 0.0 {
        let spare: f32 = widths
            .iter()
            .zip(&minimum)
            .map(|(w, m)| (w - m).max(0.0))
            .sum();
        let take = (short / spare.max(f32::EPSILON)).min(1.0);
        for (w, m) in widths.iter_mut().zip(&minimum) {
            *w = if *w < *m { *m } else { *w - (*w - *m) * take };
        }
    }
    widths
}

// --- Wording ---

/// Whether the standard fonts can set the notat's fixed words in `locale`: Windows-1252 has
/// the letters of Danish and English, not those of Arabic or Ukrainian.
pub fn sets(locale: Locale) -> bool {
    let outline = app::notat::words::outline_words(locale);
    let words = DocumentWords::of(locale);
    let mut texts = words.texts();
    texts.extend([
        outline.notat.as_str(),
        outline.hearing.as_str(),
        outline.consultees.as_str(),
        outline.summary.as_str(),
        outline.points.as_str(),
        outline.meetings.as_str(),
        outline.councils.as_str(),
        outline.changes.as_str(),
    ]);
    texts
        .iter()
        .all(|text| text.contains('?') || !encode(text).contains(&b'?'))
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;
    use std::process::Command;
    use std::time::Instant;

    use hoering::consultees::{PartyKind, PartyStatus};
    use hoering::hearing::parse_date;
    use hoering::notat::{
        BlockChanges, CouncilInput, DraftSection, HeardParty, HearingInfo, MeetingInput,
        NotatInput, PointInput, Remark, RemarkState, RemarkTarget, RemarkText, Respondent, outline,
    };
    use hoering::response::{Publication, SenderKind};

    use super::*;
    use app::i18n::Locale;
    use app::notat::words::outline_words;

    // --- Windows-1252 ---

    #[test]
    fn danish_and_typography_are_encoded_to_cp1252() {
        assert_eq!(
            encode("æøåÆØÅ éü"),
            [0xE6, 0xF8, 0xE5, 0xC6, 0xD8, 0xC5, b' ', 0xE9, 0xFC]
        );
        assert_eq!(
            encode("–—“”‘’•€„…"),
            [0x96, 0x97, 0x93, 0x94, 0x91, 0x92, 0x95, 0x80, 0x84, 0x85]
        );
        assert_eq!(encode("§ 3.1 (a\\b)"), b"\xA7 3.1 (a\\b)");
    }

    #[test]
    fn the_standard_fonts_set_danish_and_english_words_only() {
        assert!(sets(Locale::da) && sets(Locale::en));
        assert!(!sets(Locale::ar) && !sets(Locale::uk));
    }

    #[test]
    fn characters_outside_cp1252_become_question_marks() {
        assert_eq!(encode("Ωж漢😀"), b"????");
        assert_eq!(encode("Łódź"), b"?\xF3d?");
        // Word processors' hyphens, minus and spaces have a stand-in that looks the same.
        assert_eq!(
            encode("a\u{2011}b\u{2212}c\u{2009}d\u{202F}e"),
            b"a-b-c d\xA0e"
        );
    }

    #[test]
    fn decomposed_accents_are_composed() {
        assert_eq!(encode("Ra\u{30A}dhus"), encode("Rådhus"));
        assert_eq!(encode("Cafe\u{301} A\u{30A}"), encode("Café Å"));
        // No such letter in cp1252: the accent is dropped, the letter kept.
        assert_eq!(encode("q\u{301}"), b"q");
        assert_eq!(encode("\u{301}x"), b"x");
    }

    #[test]
    fn line_breaks_and_control_characters() {
        assert_eq!(encode("a\r\nb\rc\nd"), b"a\nb\nc\nd");
        assert_eq!(encode("a\tb\u{7}c\u{AD}d\u{200B}e\u{FEFF}"), b"a bcde");
    }

    // --- Line breaking ---

    /// Words of 1 to 16 letters (some Danish), with now and then a double space, from a
    /// fixed seed.
    fn words_text(seed: u64, words: usize) -> Vec<u8> {
        let letters = "abcdefghijklmnopqrstuvwxyzæøåÆØÅWMil.,–";
        let letters: Vec<char> = letters.chars().collect();
        let mut state = seed;
        let mut next = |n: usize| {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (state >> 33) as usize % n
        };
        let mut text = String::new();
        for i in 0..words {
            if i > 0 {
                text.push_str(if next(10) == 0 { "  " } else { " " });
            }
            for _ in 0..=next(16) {
                text.push(letters[next(letters.len())]);
            }
        }
        encode(&text)
    }

    fn split_words(text: &[u8]) -> Vec<&[u8]> {
        text.split(|&b| b == b' ' || b == b'\n')
            .filter(|w| !w.is_empty())
            .collect()
    }

    #[test]
    fn lines_never_exceed_the_width_and_no_word_is_lost() {
        for (seed, font) in [(1, Font::Regular), (2, Font::Bold), (3, Font::Oblique)] {
            let text = words_text(seed, 400);
            let widths = font.widths();
            let longest = split_words(&text)
                .iter()
                .map(|w| units(font, w))
                .max()
                .unwrap_or(0);
            for max in (longest..longest * 12).step_by(997) {
                let lines = wrap(&text, |i| glyph(widths, text[i]), max);
                let mut rejoined = Vec::new();
                for line in &lines {
                    let bytes = &text[line.clone()];
                    assert!(units(font, bytes) <= max, "{line:?} wider than {max}");
                    assert!(!bytes.is_empty(), "no empty line without a forced break");
                    assert_ne!(bytes.first(), Some(&b' '));
                    assert_ne!(bytes.last(), Some(&b' '));
                    rejoined.extend(split_words(bytes));
                }
                assert_eq!(rejoined, split_words(&text), "at width {max}");
            }
        }
    }

    #[test]
    fn a_word_wider_than_the_line_is_broken_between_characters() {
        let text = encode("kort Grundvandsbeskyttelsesindsatsplanlægningsarbejde slut");
        let widths = Font::Regular.widths();
        let max = 3000; // 3 em: about six letters
        let lines = wrap(&text, |i| glyph(widths, text[i]), max);
        assert!(lines.len() > 5);
        let mut letters: Vec<u8> = Vec::new();
        for line in &lines {
            let bytes = &text[line.clone()];
            assert!(units(Font::Regular, bytes) <= max);
            letters.extend(bytes.iter().copied().filter(|&b| b != b' '));
        }
        let all: Vec<u8> = text.iter().copied().filter(|&b| b != b' ').collect();
        assert_eq!(letters, all);
        assert_eq!(&text[lines[0].clone()], b"kort");
        assert_eq!(&text[lines[lines.len() - 1].clone()], b"slut");
        // Narrower than one letter: still one letter a line, never an endless loop.
        let lines = wrap(b"abc", |_| 500, 100);
        assert_eq!(lines, vec![0..1, 1..2, 2..3]);
    }

    #[test]
    fn forced_breaks_and_empty_lines_are_kept() {
        let text = b"one two\n\nthree  \n four";
        let lines = wrap(text, |_| 1, 100);
        let got: Vec<&[u8]> = lines.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(got, [&b"one two"[..], b"", b"three", b"four"]);
        assert!(wrap(b"", |_| 1, 100).is_empty());
    }

    #[test]
    fn styled_runs_measure_with_their_own_font() {
        let mut rich = Rich::new("Konklusion:", STRONG);
        rich.push(" Noted", PLAIN).push(" Noted", PLAIN);
        assert_eq!(rich.runs.len(), 2);
        let bold = units(Font::Bold, b"Konklusion:") as f32 * BODY_SIZE / 1000.0;
        let plain = units(Font::Regular, b" Noted Noted") as f32 * BODY_SIZE / 1000.0;
        let all = 0..rich.text.len();
        assert!((rich.measure(all, BODY_SIZE) - bold - plain).abs() < 0.001);
        // Bold is wider than regular, so the break comes where the bold width says.
        let lines = rich.wrap(BODY_SIZE, bold + 1.0);
        assert_eq!(&rich.text[lines[0].clone()], b"Konklusion:");
    }

    #[test]
    fn columns_fill_the_width_and_narrow_columns_keep_their_text_on_one_line() {
        let header = [Rich::new("Part", STRONG), Rich::new("Svar", STRONG)];
        let short = vec![vec!["Zonta".to_owned(), "Intet svar".to_owned()]];
        let widths = column_widths(&header, &short, 2);
        assert!((widths.iter().sum::<f32>() - WIDTH).abs() < 0.01);
        let long = vec![vec![
            "Et meget langt navn ".repeat(20),
            "Har afgivet høringssvar".to_owned(),
        ]];
        let widths = column_widths(&header, &long, 2);
        assert!((widths.iter().sum::<f32>() - WIDTH).abs() < 0.01);
        let answer =
            units(Font::Regular, &encode("Har afgivet høringssvar")) as f32 * BODY_SIZE / 1000.0;
        assert!(widths[1] >= answer + 2.0 * CELL_PAD_X);
    }

    // --- The whole document ---

    fn published(text: &str, outcome: Outcome) -> Option<Remark> {
        Some(Remark {
            target: RemarkTarget::Response(1),
            text: RemarkText::parse(text).expect("a valid remark"),
            outcome,
            author: 1,
            state: RemarkState::Published { at: 1_790_000_000 },
        })
    }

    fn respondent(
        id: i64,
        kind: SenderKind,
        name: &str,
        organisation: Option<&str>,
        publication: Publication,
        sections: &[&str],
    ) -> Respondent {
        Respondent {
            id,
            kind,
            name: Some(name.to_owned()),
            organisation: organisation.map(Into::into),
            publication,
            sections: sections.iter().map(|s| s.to_string()).collect(),
        }
    }

    fn input() -> NotatInput {
        let day = |s: &str| parse_date(s).expect("a valid date");
        let party = |organisation: &str, status| HeardParty {
            organisation: organisation.to_owned(),
            kind: PartyKind::Association,
            status,
        };
        let point = |section: Option<&str>, said: &str, id, remark| PointInput {
            section: section.map(Into::into),
            said: said.to_owned(),
            target: RemarkTarget::Response(id),
            remark,
        };
        NotatInput {
            hearing: HearingInfo {
                title: "Integrationspolitik 2026".into(),
                opens: day("2026-09-01"),
                closes: day("2026-10-13"),
                announced: "På kommunens hjemmeside".into(),
                case_number: String::new(),
            },
            parties: vec![
                party("Ældre Sagen", PartyStatus::Answered),
                party("Zonta", PartyStatus::Declined),
                party("Aarhus Stift", PartyStatus::Invited),
                party("Dansk Flygtningehjælp", PartyStatus::NotInvited),
                party("Børnerådet", PartyStatus::Answered),
            ],
            responses: vec![
                respondent(
                    1,
                    SenderKind::Private,
                    "Anna Jensen",
                    None,
                    Publication::WithName,
                    &["3"],
                ),
                respondent(
                    2,
                    SenderKind::Association,
                    "Bo Hansen",
                    Some("Ældre Sagen"),
                    Publication::WithName,
                    &[],
                ),
                respondent(
                    3,
                    SenderKind::Private,
                    "Carl Skjult",
                    None,
                    Publication::Anonymous,
                    &["2"],
                ),
                respondent(
                    4,
                    SenderKind::Private,
                    "Eva Hemmelig",
                    None,
                    Publication::NotPublished,
                    &["3"],
                ),
            ],
            sections: vec![
                DraftSection {
                    number: "2".into(),
                    heading: "Bolig".into(),
                },
                DraftSection {
                    number: "3".into(),
                    heading: "Arbejde".into(),
                },
            ],
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
        let pdf = render(&notat, &DocumentWords::of(Locale::da), BYLINE);
        assert!(pdf.starts_with(b"%PDF-1.7"));
        let raw = String::from_utf8_lossy(&pdf);
        for key in [
            "/Lang(da-DK)",
            "/DisplayDocTitle true",
            "/Encoding/WinAnsiEncoding",
            "/BaseFont/Helvetica-Bold",
            "/Outlines/First",
            "/PageMode/UseOutlines",
        ] {
            assert!(raw.contains(key), "{key} missing");
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
        assert!(!text.contains('?'), "a character was not encoded");
    }

    #[test]
    fn the_english_notat_has_english_wording() {
        let notat = outline(&input(), &outline_words(Locale::en));
        let pdf = render(
            &notat,
            &DocumentWords::of(Locale::en),
            "Roskilde Municipality",
        );
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
    fn the_same_notat_gives_the_same_bytes() {
        let notat = outline(&input(), &outline_words(Locale::da));
        assert_eq!(
            render(&notat, &DocumentWords::of(Locale::da), BYLINE),
            render(&notat, &DocumentWords::of(Locale::da), BYLINE)
        );
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
        let Some(text) = pdftotext(
            &render(&notat, &DocumentWords::of(Locale::da), ""),
            "headings",
        ) else {
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
            .map(|i| NotatItem::Point {
                about: format!("Punkt {i}"),
                said: sentence.repeat(i % 5 + 1),
                respondents: vec![format!("Borger {i}")],
                remark: (i % 4 != 3).then(|| sentence.repeat(i % 7 % 3 + 1)),
                outcome: Some(Outcome::Noted),
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
        let Some(text) = pdftotext(
            &render(&notat, &DocumentWords::of(Locale::da), ""),
            "points",
        ) else {
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
        let Some(text) = pdftotext(&render(&notat, &DocumentWords::of(Locale::da), ""), "table")
        else {
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
                        NotatItem::Point {
                            about: String::new(),
                            said: String::new(),
                            respondents: vec![],
                            remark: Some(String::new()),
                            outcome: None,
                        },
                    ],
                },
            ],
        };
        let pdf = render(&notat, &DocumentWords::of(Locale::da), "");
        assert!(pdf.starts_with(b"%PDF-"));
        if let Some(text) = pdftotext(&pdf, "odd") {
            assert!(text.contains("Side 1 af"));
        }
    }

    /// `cargo test --release -- --ignored --nocapture hundred_thousand`
    #[test]
    #[ignore = "a timing, not a test"]
    fn hundred_thousand_points() {
        let said = "Anerkendelse fra det omgivende samfund er vigtigt for at føle sig som \
                    medborger og en del af fællesskabet. Alle borgere har et ansvar for at \
                    invitere ind i fællesskabet og give plads til forskellighed.";
        let items = (0..100_000)
            .map(|i| NotatItem::Point {
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
        let pdf = render(&notat, &DocumentWords::of(Locale::da), BYLINE);
        let took = start.elapsed();
        let pages = String::from_utf8_lossy(&pdf).matches("/Type/Page/").count();
        println!(
            "100,000 points: {:.2} s, {:.1} MB, {} pages",
            took.as_secs_f64(),
            pdf.len() as f64 / 1e6,
            pages
        );
        assert!(pdf.ends_with(b"%%EOF\n") || pdf.ends_with(b"%%EOF"));
    }
}
