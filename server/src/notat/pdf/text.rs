//! Text for the PDF: the embedded fonts and which of them sets each character, shaping
//! (rustybuzz, word by word with a cache), breaking into lines, and ordering a line's runs
//! for display, right to left where the text is Arabic.
//!
//! A character no embedded font has (Chinese, emoji, …) is drawn as the replacement glyph
//! "�" of Noto Sans and mapped to the character itself, so copying and screen readers get
//! the real text; the writer then adds a notice saying so (see [`Shaper::missing`]).

use std::collections::HashMap;
use std::ops::Range;
use std::rc::Rc;
use std::sync::LazyLock;

use unicode_bidi::{BidiClass, bidi_class};

/// A colour as 8-bit RGB.
pub(super) type Rgb = [u8; 3];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum Weight {
    Regular,
    Bold,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Mark {
    None,
    Underline,
    Strike,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Style {
    pub weight: Weight,
    pub color: Rgb,
    pub mark: Mark,
}

impl Style {
    pub const fn new(weight: Weight, color: Rgb) -> Self {
        Self {
            weight,
            color,
            mark: Mark::None,
        }
    }
}

// --- Fonts ---

/// The font families, in order of preference, each as regular and bold. Noto Sans sets
/// Latin (with Turkish, Polish and Vietnamese), Greek and Cyrillic; Noto Sans Arabic sets
/// Arabic. Both are under the SIL Open Font License (server/fonts/OFL.txt). A family added
/// here (say a CJK one) is used for the characters the ones before it lack.
const FAMILIES: [[&[u8]; 2]; 2] = [
    [
        include_bytes!("../../../fonts/NotoSans-Regular.ttf"),
        include_bytes!("../../../fonts/NotoSans-Bold.ttf"),
    ],
    [
        include_bytes!("../../../fonts/NotoSansArabic-Regular.ttf"),
        include_bytes!("../../../fonts/NotoSansArabic-Bold.ttf"),
    ],
];

/// A face: family × 2 + weight, an index into [`faces`].
pub(super) type FaceId = u8;

/// Stands for the replacement glyph drawn for a character no family has.
const MISSING: FaceId = u8::MAX;

fn face_id(family: usize, weight: Weight) -> FaceId {
    (family * 2 + usize::from(weight == Weight::Bold)) as FaceId
}

/// Every face's bytes, in [`FaceId`] order.
pub(super) fn face_data() -> impl Iterator<Item = &'static [u8]> {
    FAMILIES.iter().flatten().copied()
}

static FACES: LazyLock<Vec<rustybuzz::Face<'static>>> = LazyLock::new(|| {
    face_data()
        // The fonts are part of the binary and read by the tests: they parse.
        .map(|data| rustybuzz::Face::from_slice(data, 0).expect("an embedded font parses"))
        .collect()
});

fn face(id: FaceId) -> &'static rustybuzz::Face<'static> {
    &FACES[usize::from(id)]
}

fn covers(family: usize, c: char) -> bool {
    face(face_id(family, Weight::Regular))
        .glyph_index(c)
        .is_some()
}

/// The first family that has `c`.
fn family_of(c: char) -> Option<usize> {
    (0..FAMILIES.len()).find(|&f| covers(f, c))
}

// --- Shaping ---

/// A shaped glyph; advances and offsets in em, `range` in the shaped text.
#[derive(Debug, Clone)]
pub(super) struct Glyph {
    pub id: u16,
    pub advance: f32,
    pub dx: f32,
    pub dy: f32,
    pub range: Range<usize>,
}

/// Shaped text, glyphs in visual order.
#[derive(Debug)]
pub(super) struct Shaped {
    pub glyphs: Vec<Glyph>,
    /// In em.
    pub width: f32,
}

/// Shapes text, remembering each (face, direction, text) it has shaped: a notat repeats its
/// words, and shaping each anew would be most of the time spent.
#[derive(Default)]
pub(super) struct Shaper {
    cache: HashMap<(FaceId, bool), HashMap<String, Rc<Shaped>>>,
    missing: bool,
}

impl Shaper {
    /// Whether some character had no font and was drawn as "�".
    pub fn missing(&self) -> bool {
        self.missing
    }

    pub fn shape(&mut self, face_id: FaceId, rtl: bool, text: &str) -> Rc<Shaped> {
        let cache = self.cache.entry((face_id, rtl)).or_default();
        if let Some(shaped) = cache.get(text) {
            return shaped.clone();
        }
        let shaped = Rc::new(if face_id == MISSING {
            replacement(text)
        } else {
            shape(face(face_id), rtl, text)
        });
        cache.insert(text.to_owned(), shaped.clone());
        shaped
    }
}

fn shape(face: &rustybuzz::Face<'static>, rtl: bool, text: &str) -> Shaped {
    let mut buffer = rustybuzz::UnicodeBuffer::new();
    buffer.push_str(text);
    buffer.guess_segment_properties();
    // Each character its own cluster, so that a vowel mark or accent drawn as a glyph of its
    // own maps to its own character: no glyph without text (PDF/UA), and a right-to-left
    // run's text reverses cleanly.
    buffer.set_cluster_level(rustybuzz::BufferClusterLevel::Characters);
    buffer.set_direction(if rtl {
        rustybuzz::Direction::RightToLeft
    } else {
        rustybuzz::Direction::LeftToRight
    });
    let output = rustybuzz::shape(face, &[], buffer);
    let upem = face.units_per_em() as f32;
    // A glyph stands for the text from its cluster to the next cluster after it.
    let mut starts: Vec<usize> = output
        .glyph_infos()
        .iter()
        .map(|i| i.cluster as usize)
        .collect();
    starts.sort_unstable();
    starts.dedup();
    let end_of = |start: usize| match starts.binary_search(&start) {
        Ok(i) => starts.get(i + 1).copied().unwrap_or(text.len()),
        Err(_) => text.len(),
    };
    let mut width = 0.0;
    let glyphs = output
        .glyph_infos()
        .iter()
        .zip(output.glyph_positions())
        .map(|(info, pos)| {
            let advance = pos.x_advance as f32 / upem;
            width += advance;
            let start = info.cluster as usize;
            Glyph {
                id: u16::try_from(info.glyph_id).unwrap_or(0),
                advance,
                dx: pos.x_offset as f32 / upem,
                dy: pos.y_offset as f32 / upem,
                range: start..end_of(start),
            }
        })
        .collect();
    Shaped { glyphs, width }
}

/// "�" from Noto Sans for each character of `text`, each mapped to its character.
fn replacement(text: &str) -> Shaped {
    let one = shape(face(face_id(0, Weight::Regular)), false, "\u{FFFD}");
    let mut glyphs = Vec::new();
    let mut width = 0.0;
    for (at, c) in text.char_indices() {
        for g in &one.glyphs {
            glyphs.push(Glyph {
                range: at..at + c.len_utf8(),
                ..g.clone()
            });
            width += g.advance;
        }
    }
    Shaped { glyphs, width }
}

// --- Styled text ---

/// Text in runs of one style each.
#[derive(Debug, Default, Clone)]
pub(super) struct Rich {
    pub text: String,
    /// Each run's end in `text` and its style, in order.
    pub runs: Vec<(usize, Style)>,
}

impl Rich {
    pub fn new(text: &str, style: Style) -> Self {
        let mut rich = Self::default();
        rich.push(text, style);
        rich
    }

    /// Appends `text`: "\r\n" and a lone '\r' become '\n', a tab a space; other control
    /// and invisible formatting characters are dropped.
    pub fn push(&mut self, text: &str, style: Style) -> &mut Self {
        let before = self.text.len();
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '\n' | '\u{2028}' | '\u{2029}' => self.text.push('\n'),
                '\r' => {
                    if chars.peek() != Some(&'\n') {
                        self.text.push('\n');
                    }
                }
                '\t' => self.text.push(' '),
                '\u{AD}' | '\u{200B}' | '\u{2060}' | '\u{FEFF}' => {}
                c if c.is_control() => {}
                c => self.text.push(c),
            }
        }
        let end = self.text.len();
        match self.runs.last_mut() {
            Some((last_end, last)) if *last == style => *last_end = end,
            _ if end > before => self.runs.push((end, style)),
            _ => {}
        }
        self
    }

    fn style_at(&self, at: usize) -> Style {
        self.runs
            .iter()
            .find(|(end, _)| at < *end)
            .or(self.runs.last())
            .map_or(Style::new(Weight::Regular, [0, 0, 0]), |(_, s)| *s)
    }
}

// --- Words, spaces and lines ---

/// How a piece of text takes part in ordering a line (a simplified Unicode bidi algorithm,
/// by pieces): strongly left to right, strongly right to left, digits (always set left to
/// right), or neutral (spaces and punctuation take the direction around them).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    L,
    R,
    D,
    N,
}

fn class_of(c: char) -> Class {
    match bidi_class(c) {
        BidiClass::L => Class::L,
        BidiClass::R | BidiClass::AL => Class::R,
        BidiClass::EN | BidiClass::AN => Class::D,
        _ => Class::N,
    }
}

/// A piece of text in one style, face and direction class.
#[derive(Debug, Clone)]
struct Seg {
    range: Range<usize>,
    style: Style,
    face: FaceId,
    class: Class,
    /// In em, as shaped for measuring.
    width: f32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Word,
    Space,
    Break,
}

#[derive(Debug, Clone)]
struct Token {
    kind: Kind,
    segs: Range<usize>,
    width: f32,
}

/// A run of glyphs on a line, in one face and style, placed `x` points from the line's
/// left end. `text` is in logical order; glyphs are in visual order.
#[derive(Debug, Clone)]
pub(super) struct Run {
    pub face: FaceId,
    pub style: Style,
    pub x: f32,
    pub glyphs: Vec<Glyph>,
    pub text: String,
}

/// A line ready to draw: its runs, its width in points, and the stretches to underline or
/// strike through (from, to, style; from the line's left end).
#[derive(Debug, Clone, Default)]
pub(super) struct Line {
    pub runs: Vec<Run>,
    pub width: f32,
    pub marks: Vec<(f32, f32, Style)>,
}

/// Text broken into lines at a size and width.
#[derive(Debug, Clone, Default)]
pub(super) struct Block {
    pub lines: Vec<Line>,
    pub size: f32,
    /// Line height.
    pub lh: f32,
}

impl Block {
    pub fn height(&self) -> f32 {
        self.lines.len() as f32 * self.lh
    }
}

/// Breaks `rich` into lines no wider than `width` points at `size` (a word wider than that
/// is broken between characters), in a paragraph running right to left when `rtl` and its
/// first letter is not left to right.
pub(super) fn block(
    shaper: &mut Shaper,
    rich: &Rich,
    size: f32,
    lh: f32,
    width: f32,
    rtl: bool,
) -> Block {
    let max = width.max(0.0) / size;
    // In a right-to-left document a paragraph whose first letter is left to right (the
    // clerk's Danish summary in an Arabic notat) runs left to right, as the web page marks
    // it; in a left-to-right document every paragraph does, an Arabic name first or not.
    let first = rich
        .text
        .chars()
        .map(class_of)
        .find(|c| matches!(c, Class::L | Class::R));
    let rtl = rtl && first != Some(Class::L);
    let mut para = Para {
        rich,
        rtl,
        segs: Vec::new(),
        tokens: Vec::new(),
    };
    para.tokenize(shaper, max);
    let lines = para
        .wrap(max)
        .into_iter()
        .map(|tokens| para.line(shaper, tokens, size))
        .collect();
    Block { lines, size, lh }
}

/// The natural width of `rich` at `size`: its widest line unbroken, and its widest word.
pub(super) fn measure(shaper: &mut Shaper, rich: &Rich, size: f32) -> (f32, f32) {
    let mut para = Para {
        rich,
        rtl: false,
        segs: Vec::new(),
        tokens: Vec::new(),
    };
    para.tokenize(shaper, f32::INFINITY);
    let (mut line, mut widest, mut word) = (0.0f32, 0.0f32, 0.0f32);
    for t in &para.tokens {
        match t.kind {
            Kind::Break => line = 0.0,
            Kind::Word => {
                line += t.width;
                word = word.max(t.width);
            }
            Kind::Space => line += t.width,
        }
        widest = widest.max(line);
    }
    (widest * size, word * size)
}

struct Para<'a> {
    rich: &'a Rich,
    rtl: bool,
    segs: Vec<Seg>,
    tokens: Vec<Token>,
}

impl Para<'_> {
    fn tokenize(&mut self, shaper: &mut Shaper, max: f32) {
        let rich = self.rich;
        let text = rich.text.as_str();
        let mut i = 0;
        while i < text.len() {
            let rest = &text[i..];
            if rest.starts_with('\n') {
                self.tokens.push(Token {
                    kind: Kind::Break,
                    segs: self.segs.len()..self.segs.len(),
                    width: 0.0,
                });
                i += 1;
                continue;
            }
            let spaces = rest.len() - rest.trim_start_matches(is_space).len();
            if spaces > 0 {
                let style = rich.style_at(i);
                // Spaces in the face of the word before them: both families have a space.
                let face = self
                    .segs
                    .last()
                    .map(|s| s.face)
                    .filter(|&f| f != MISSING)
                    .unwrap_or(face_id(0, style.weight));
                let shaped = shaper.shape(face, false, &text[i..i + spaces]);
                let start = self.segs.len();
                self.segs.push(Seg {
                    range: i..i + spaces,
                    style,
                    face,
                    class: Class::N,
                    width: shaped.width,
                });
                self.tokens.push(Token {
                    kind: Kind::Space,
                    segs: start..start + 1,
                    width: shaped.width,
                });
                i += spaces;
                continue;
            }
            let len = rest
                .find(|c: char| c == '\n' || is_space(c))
                .unwrap_or(rest.len());
            self.word(shaper, i..i + len, max);
            i += len;
        }
    }

    /// The word at `range` as one token, or, when wider than `max` em, as pieces of as many
    /// characters as fit, each on a line of its own.
    fn word(&mut self, shaper: &mut Shaper, range: Range<usize>, max: f32) {
        let start = self.segs.len();
        self.segments(shaper, range.clone());
        let width: f32 = self.segs[start..].iter().map(|s| s.width).sum();
        if width <= max {
            self.tokens.push(Token {
                kind: Kind::Word,
                segs: start..self.segs.len(),
                width,
            });
            return;
        }
        self.segs.truncate(start);
        let rich = self.rich;
        let text = rich.text.as_str();
        let mut from = range.start;
        let mut w = 0.0;
        let mut pieces = Vec::new();
        for (at, c) in text[range.clone()].char_indices() {
            let at = range.start + at;
            let weight = rich.style_at(at).weight;
            let face = family_of(c).map_or(MISSING, |f| face_id(f, weight));
            let cw = shaper
                .shape(face, false, &text[at..at + c.len_utf8()])
                .width;
            if w + cw > max && at > from {
                pieces.push(from..at);
                (from, w) = (at, 0.0);
            }
            w += cw;
        }
        pieces.push(from..range.end);
        for (n, piece) in pieces.into_iter().enumerate() {
            if n > 0 {
                self.tokens.push(Token {
                    kind: Kind::Break,
                    segs: self.segs.len()..self.segs.len(),
                    width: 0.0,
                });
            }
            let start = self.segs.len();
            self.segments(shaper, piece);
            let width = self.segs[start..].iter().map(|s| s.width).sum();
            self.tokens.push(Token {
                kind: Kind::Word,
                segs: start..self.segs.len(),
                width,
            });
        }
    }

    /// The segments of one word: split by style, then (where the line may need reordering)
    /// by direction class, then by the face that has the characters.
    fn segments(&mut self, shaper: &mut Shaper, range: Range<usize>) {
        let rich = self.rich;
        let text = rich.text.as_str();
        let word = &text[range.clone()];
        let fine = self.rtl || word.chars().any(|c| class_of(c) == Class::R);
        let mut run_start = 0;
        for &(end, style) in &rich.runs {
            let piece = range.start.max(run_start)..range.end.min(end);
            run_start = end;
            if piece.start >= piece.end {
                continue;
            }
            for (class_range, class) in classes(text, piece, fine) {
                let mut from = class_range.start;
                let mut current: Option<FaceId> = None;
                for (at, c) in text[class_range.clone()].char_indices() {
                    let at = class_range.start + at;
                    let keep = current.is_some_and(|f| {
                        f != MISSING
                            && face(f).glyph_index(c).is_some()
                            && (!c.is_alphabetic() || family_of(c) == Some(usize::from(f / 2)))
                    });
                    if keep {
                        continue;
                    }
                    let face = family_of(c).map_or(MISSING, |f| face_id(f, style.weight));
                    if current == Some(face) {
                        continue;
                    }
                    if let Some(f) = current
                        && at > from
                    {
                        self.push_seg(shaper, from..at, style, f, class);
                    }
                    from = at;
                    current = Some(face);
                }
                if let Some(f) = current {
                    self.push_seg(shaper, from..class_range.end, style, f, class);
                }
            }
        }
    }

    fn push_seg(
        &mut self,
        shaper: &mut Shaper,
        range: Range<usize>,
        style: Style,
        face: FaceId,
        class: Class,
    ) {
        if face == MISSING {
            shaper.missing = true;
        }
        let shaped = shaper.shape(face, class == Class::R, &self.rich.text[range.clone()]);
        self.segs.push(Seg {
            range,
            style,
            face,
            class,
            width: shaped.width,
        });
    }

    /// Greedy line breaking: each line as a range of tokens, without the spaces it was
    /// broken at. An empty line between two breaks is kept.
    fn wrap(&self, max: f32) -> Vec<Range<usize>> {
        let mut lines = Vec::new();
        if self.tokens.is_empty() {
            return lines;
        }
        let mut start: Option<usize> = None;
        let mut end = 0;
        let mut width = 0.0;
        let mut gap = 0.0;
        for (i, t) in self.tokens.iter().enumerate() {
            match t.kind {
                Kind::Break => {
                    lines.push(start.map_or(i..i, |s| s..end));
                    start = None;
                    width = 0.0;
                    gap = 0.0;
                }
                Kind::Space => {
                    if start.is_some() {
                        gap += t.width;
                    }
                }
                Kind::Word => {
                    match start {
                        Some(_) if width + gap + t.width <= max + 1e-4 => {
                            width += gap + t.width;
                            end = i + 1;
                        }
                        Some(s) => {
                            lines.push(s..end);
                            start = Some(i);
                            end = i + 1;
                            width = t.width;
                        }
                        None => {
                            start = Some(i);
                            end = i + 1;
                            width = t.width;
                        }
                    }
                    gap = 0.0;
                }
            }
        }
        if let Some(s) = start {
            lines.push(s..end);
        }
        if lines.is_empty() {
            lines.push(0..0);
        }
        lines
    }

    /// The line of tokens `tokens`, ordered for display.
    fn line(&self, shaper: &mut Shaper, tokens: Range<usize>, size: f32) -> Line {
        let segs: Vec<&Seg> = self.tokens[tokens]
            .iter()
            .flat_map(|t| &self.segs[t.segs.clone()])
            .collect();
        if segs.is_empty() {
            return Line::default();
        }
        let base = u8::from(self.rtl);
        let levels = levels(&segs, base);
        let order = visual_order(&levels);
        let text = &self.rich.text;
        let mut line = Line::default();
        let mut x = 0.0;
        // Consecutive pieces in one face, style and direction go in one run; a right-to-left
        // run keeps its text in logical order (the reader's copy) and its glyphs in visual.
        let mut pending: Vec<(usize, Rc<Shaped>)> = Vec::new();
        let flush = |pending: &mut Vec<(usize, Rc<Shaped>)>, line: &mut Line, x: &mut f32| {
            let Some(&(first, _)) = pending.first() else {
                return;
            };
            let rtl = levels[first] % 2 == 1 && segs[first].class != Class::D;
            let mut offsets = vec![0; pending.len()];
            let mut run_text = String::new();
            let logical: Vec<usize> = if rtl {
                (0..pending.len()).rev().collect()
            } else {
                (0..pending.len()).collect()
            };
            for k in logical {
                offsets[k] = run_text.len();
                run_text.push_str(&text[segs[pending[k].0].range.clone()]);
            }
            let mut glyphs = Vec::new();
            let mut width = 0.0;
            for (k, (_, shaped)) in pending.iter().enumerate() {
                for g in &shaped.glyphs {
                    glyphs.push(Glyph {
                        range: g.range.start + offsets[k]..g.range.end + offsets[k],
                        ..g.clone()
                    });
                }
                width += shaped.width;
            }
            if rtl {
                reverse_ligatures(&mut run_text, &glyphs);
            }
            let seg = segs[first];
            line.runs.push(Run {
                face: if seg.face == MISSING {
                    face_id(0, Weight::Regular)
                } else {
                    seg.face
                },
                style: seg.style,
                x: *x,
                glyphs,
                text: run_text,
            });
            *x += width * size;
            pending.clear();
        };
        let mut last_key = None;
        for &i in &order {
            let seg = segs[i];
            let rtl = match seg.class {
                Class::R => true,
                Class::L | Class::D => false,
                Class::N => levels[i] % 2 == 1,
            };
            let key = (seg.face, seg.style.weight, seg.style.color, rtl);
            if last_key != Some(key) {
                flush(&mut pending, &mut line, &mut x);
                last_key = Some(key);
            }
            let shaped = shaper.shape(seg.face, rtl, &text[seg.range.clone()]);
            let at = x + pending.iter().map(|(_, s)| s.width).sum::<f32>() * size;
            if seg.style.mark != Mark::None && !text[seg.range.clone()].trim().is_empty() {
                line.marks.push((at, at + shaped.width * size, seg.style));
            }
            pending.push((i, shaped));
        }
        flush(&mut pending, &mut line, &mut x);
        line.width = x;
        line
    }
}

/// In a right-to-left run, the text of each glyph that stands for several characters (the
/// lam-alef ligature) reversed. krilla marks such a run `/ReversedChars` (PDF 1.7 §
/// 14.8.2.3.3): a reader reverses the run's whole text to get it in logical order, the
/// ligature's characters too, so they must be stored the other way round to come out right.
/// A glyph that shares its characters with another (a letter and its vowel mark) is left
/// alone: krilla gives those their text as a span of its own.
pub(super) fn reverse_ligatures(text: &mut String, glyphs: &[Glyph]) {
    for (i, g) in glyphs.iter().enumerate() {
        let shared = glyphs
            .iter()
            .enumerate()
            .any(|(j, other)| j != i && other.range == g.range);
        let piece = &text[g.range.clone()];
        if shared || piece.chars().nth(1).is_none() {
            continue;
        }
        let reversed: String = piece.chars().rev().collect();
        text.replace_range(g.range.clone(), &reversed);
    }
}

fn is_space(c: char) -> bool {
    c.is_whitespace() && !matches!(c, '\n' | '\u{A0}' | '\u{2007}' | '\u{202F}')
}

/// The pieces of `range` by direction class: neutrals inside a word between two pieces of
/// the same class join them ("Bo-Hansen", "3.1"); at the word's edges they stay apart, so
/// that a comma after an Arabic name takes the direction of the sentence. Without `fine`,
/// the whole range is one left-to-right piece.
fn classes(text: &str, range: Range<usize>, fine: bool) -> Vec<(Range<usize>, Class)> {
    if !fine {
        return vec![(range, Class::L)];
    }
    let mut pieces: Vec<(Range<usize>, Class)> = Vec::new();
    for (at, c) in text[range.clone()].char_indices() {
        let at = range.start + at;
        let class = class_of(c);
        match pieces.last_mut() {
            Some((r, k)) if *k == class => r.end = at + c.len_utf8(),
            _ => pieces.push((at..at + c.len_utf8(), class)),
        }
    }
    // A neutral between two pieces of one class joins them.
    let mut merged: Vec<(Range<usize>, Class)> = Vec::new();
    let mut i = 0;
    while i < pieces.len() {
        let (r, k) = pieces[i].clone();
        if k == Class::N
            && i > 0
            && i + 1 < pieces.len()
            && merged
                .last()
                .is_some_and(|(_, prev)| *prev == pieces[i + 1].1)
        {
            let next = pieces[i + 1].0.end;
            if let Some((last, _)) = merged.last_mut() {
                last.end = next;
            }
            i += 2;
            continue;
        }
        match merged.last_mut() {
            Some((last, lk)) if *lk == k => last.end = r.end,
            _ => merged.push((r, k)),
        }
        i += 1;
    }
    merged
}

/// Embedding levels of a line's pieces, after the bidi algorithm's rules W7, N1, N2, I1
/// and I2, applied to pieces rather than characters: strong pieces by their direction;
/// digits are left to right after left-to-right text (W7) and otherwise a left-to-right
/// island in right-to-left text, which they count as for the neutrals around them;
/// neutrals take the direction of the text on both sides when it agrees, else the
/// paragraph's.
fn levels(segs: &[&Seg], base: u8) -> Vec<u8> {
    let base_rtl = base == 1;
    let level = |rtl: bool| match (base_rtl, rtl) {
        (false, false) => 0,
        (_, true) => 1,
        (true, false) => 2,
    };
    // Each piece's direction as its neighbours see it; `None` for neutrals.
    let mut seen: Vec<Option<bool>> = Vec::with_capacity(segs.len());
    let mut last_strong = base_rtl;
    for seg in segs {
        seen.push(match seg.class {
            Class::L => {
                last_strong = false;
                Some(false)
            }
            Class::R => {
                last_strong = true;
                Some(true)
            }
            Class::D => Some(last_strong),
            Class::N => None,
        });
    }
    segs.iter()
        .enumerate()
        .map(|(i, seg)| match seg.class {
            Class::L => level(false),
            Class::R => level(true),
            Class::D if seen[i] == Some(true) => 2,
            Class::D => level(false),
            Class::N => {
                let before = seen[..i].iter().rev().find_map(|d| *d);
                let after = seen[i + 1..].iter().find_map(|d| *d);
                match (before.unwrap_or(base_rtl), after.unwrap_or(base_rtl)) {
                    (a, b) if a == b => level(a),
                    _ => base,
                }
            }
        })
        .collect()
}

/// The visual order of pieces at `levels` (rule L2: from the highest level down to the
/// lowest odd level at or above the line's lowest, reverse every run at that level or
/// above).
fn visual_order(levels: &[u8]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..levels.len()).collect();
    let (Some(&highest), Some(&lowest)) = (levels.iter().max(), levels.iter().min()) else {
        return order;
    };
    let lowest_odd = lowest | 1;
    for level in (lowest_odd..=highest).rev() {
        let mut i = 0;
        while i < order.len() {
            if levels[order[i]] >= level {
                let start = i;
                while i < order.len() && levels[order[i]] >= level {
                    i += 1;
                }
                order[start..i].reverse();
            } else {
                i += 1;
            }
        }
    }
    order
}
