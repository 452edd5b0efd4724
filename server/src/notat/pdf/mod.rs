//! The høringsnotat as a PDF: the [`Notat`] outline laid out on A4 pages for the politicians
//! who read it on paper, in the meeting-papers system or in a browser, and for the public,
//! whose record it is.
//!
//! - Text is set in Noto Sans and Noto Sans Arabic, embedded and subset (server/fonts, SIL
//!   Open Font License): Danish, Turkish, Polish, Vietnamese, Greek, Ukrainian and Arabic
//!   names print as written, Arabic shaped and right to left (`text`). A character none of
//!   the fonts has (Chinese, emoji) prints as "�", keeps its real text for copying and
//!   screen readers, and the document ends with a notice saying so.
//! - The document is tagged and written as PDF/UA-1 (krilla checks what a program can check:
//!   a title shown by the viewer, a language, every glyph mapped to its text, headings with
//!   their text, an outline): headings H1–H4, sections, paragraphs, lists, tables with
//!   header cells, in reading order; rules, fills, page numbers and a table's repeated
//!   header are artifacts.
//! - The layout is ours (`layout`): headings kept with what follows, a table's header
//!   repeated on each page it runs onto, the first lines of a paragraph kept together. The
//!   notat's items map onto it in `notat`.
//! - The same notat gives the same bytes.

mod layout;
mod notat;
mod text;

#[cfg(test)]
mod tests;

use app::notat::words::DocumentWords;
use hoering::notat::Notat;
use krilla::color::rgb;
use krilla::configure::{Configuration, ConfigurationBuilder, Validator};
use krilla::destination::XyzDestination;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::{Metadata, TextDirection};
use krilla::num::NormalizedF32;
use krilla::outline::{Outline, OutlineNode};
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::surface::Surface;
use krilla::tagging::{
    Artifact, ArtifactType, ContentTag, Identifier, ListNumbering, SpanTag, TableHeaderScope, Tag,
    TagGroup, TagKind, TagTree,
};
use krilla::text::{Font, GlyphId, KrillaGlyph};
use krilla::{Document, SerializeSettings};

use layout::{
    BOTTOM, Child, FOOTER_SIZE, GREY, Kind, LEFT, Layout, Op, PAGE_H, PAGE_W, RULE_GREY, RULE_W,
    WIDTH,
};
use text::{Mark, Rgb, Rich, Style, Weight};

/// Why no PDF could be written.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error("could not write the PDF: {0}")]
    Write(#[from] krilla::error::KrillaError),
    #[error("an embedded font could not be read")]
    Font,
    #[error("the page size was refused")]
    PageSize,
    #[error("the PDF's configuration was refused: {0:?}")]
    Configuration(krilla::configure::ConfigurationError),
}

/// The høringsnotat as a PDF. `byline` is shown under the title, e.g. "Roskilde Kommune ·
/// Offentliggjort 3. december 2026"; the fixed words the writer adds are `words`, in the
/// language the notat was compiled in.
pub fn render(notat: &Notat, words: &DocumentWords, byline: &str) -> Result<Vec<u8>, PdfError> {
    let mut layout = Layout::new(words.rtl);
    notat::lay_out(&mut layout, notat, words, byline);
    paint(layout, &notat.title, words)
}

/// The laid-out pages as a tagged PDF/UA-1 document.
fn paint(layout: Layout, title: &str, words: &DocumentWords) -> Result<Vec<u8>, PdfError> {
    let configuration = ConfigurationBuilder::new()
        .set_validator(Validator::Ua(krilla::configure::Accessibility::UA1))
        .finish()
        .map_err(PdfError::Configuration)?;
    let mut document = Document::new_with(settings(configuration));
    let fonts = text::face_data()
        .map(|data| Font::new(data.into(), 0))
        .collect::<Option<Vec<Font>>>()
        .ok_or(PdfError::Font)?;

    let total = layout.pages.len();
    let mut ids: Vec<Option<Identifier>> = vec![None; layout.leaves];
    let mut footer_shaper = text::Shaper::default();
    let a4 = PageSettings::from_wh(PAGE_W, PAGE_H).ok_or(PdfError::PageSize)?;
    for (n, ops) in layout.pages.iter().enumerate() {
        let mut page = document.start_page_with(a4.clone());
        let mut surface = page.surface();
        for op in ops {
            match op {
                Op::Line {
                    leaf,
                    x,
                    baseline,
                    size,
                    line,
                } => {
                    let tag = match leaf {
                        Some(_) => ContentTag::Span(SpanTag::empty()),
                        None => ContentTag::Artifact(Artifact::new(ArtifactType::Layout, None)),
                    };
                    let id = surface.start_tagged(tag);
                    draw_line(&mut surface, &fonts, line, *x, *baseline, *size);
                    surface.end_tagged();
                    if let Some(leaf) = leaf {
                        ids[*leaf] = Some(id);
                    }
                    if !line.marks.is_empty() {
                        artifact(&mut surface, |s| draw_marks(s, line, *x, *baseline, *size));
                    }
                }
                Op::Rules(lines) => artifact(&mut surface, |s| rules(s, lines)),
                Op::Fill([x, y, w, h], color) => artifact(&mut surface, |s| {
                    fill_rect(s, *x, *y, *w, *h, *color);
                }),
            }
        }
        // "Side 3 af 12", centred under the text column.
        let label = Rich::new(
            &words.page_of(n + 1, total),
            Style::new(Weight::Regular, GREY),
        );
        let footer = text::block(
            &mut footer_shaper,
            &label,
            FOOTER_SIZE,
            FOOTER_SIZE,
            WIDTH,
            layout.rtl,
        );
        if let Some(line) = footer.lines.first() {
            let x = LEFT + (WIDTH - line.width) / 2.0;
            let tag = ContentTag::Artifact(Artifact::new(ArtifactType::PageNumber, None));
            surface.start_tagged(tag);
            draw_line(&mut surface, &fonts, line, x, BOTTOM - 30.0, FOOTER_SIZE);
            surface.end_tagged();
        }
        surface.finish();
        page.finish();
    }

    let mut tree = TagTree::new();
    for child in &layout.nodes[0].children {
        if let Some(node) = tag_node(&layout, child, &mut ids) {
            tree.push(node);
        }
    }
    document.set_tag_tree(tree);

    let mut outline = Outline::new();
    for mark in &layout.bookmarks {
        let at = Point::from_xy(0.0, PAGE_H - mark.top);
        outline.push_child(OutlineNode::new(
            mark.title.clone(),
            XyzDestination::new(mark.page, at),
        ));
    }
    document.set_outline(outline);

    // PDF/UA wants a title; a notat always has one, odd input gets a dash.
    let title = match title.trim() {
        "" => "–",
        title => title,
    };
    let mut metadata = Metadata::new()
        .title(title.to_owned())
        .language(words.tag.to_owned())
        .creator("hoering".to_owned());
    if layout.rtl {
        metadata = metadata.text_direction(TextDirection::RightToLeft);
    }
    document.set_metadata(metadata);
    Ok(document.finish()?)
}

fn settings(configuration: Configuration) -> SerializeSettings {
    SerializeSettings {
        configuration,
        enable_tagging: true,
        // No XMP date or document id from the clock: the same notat gives the same bytes.
        ..SerializeSettings::default()
    }
}

/// A node of the structure tree as krilla's tag, its leaves the content drawn for them.
fn tag_node(
    layout: &Layout,
    child: &Child,
    ids: &mut [Option<Identifier>],
) -> Option<krilla::tagging::Node> {
    match child {
        Child::Leaf(leaf) => ids.get_mut(*leaf)?.take().map(Into::into),
        Child::Node(n) => {
            let node = &layout.nodes[*n];
            let children: Vec<krilla::tagging::Node> = node
                .children
                .iter()
                .filter_map(|c| tag_node(layout, c, ids))
                .collect();
            // krilla drops a group without children; so do we, before it is made.
            if children.is_empty() {
                return None;
            }
            let kind: TagKind = match &node.kind {
                Kind::Root | Kind::Div => Tag::Div.into(),
                Kind::Sect => Tag::Section.into(),
                Kind::H(level, title) => {
                    let level = std::num::NonZeroU16::new(*level)?;
                    Tag::Hn(level, Some(title.clone())).into()
                }
                Kind::P => Tag::P.into(),
                Kind::L => Tag::L(ListNumbering::Disc).into(),
                Kind::LI => Tag::LI.into(),
                Kind::Lbl => Tag::Lbl.into(),
                Kind::LBody => Tag::LBody.into(),
                Kind::Table => Tag::Table.into(),
                Kind::THead => Tag::THead.into(),
                Kind::TBody => Tag::TBody.into(),
                Kind::TR => Tag::TR.into(),
                Kind::TH(row) => Tag::TH(if *row {
                    TableHeaderScope::Row
                } else {
                    TableHeaderScope::Column
                })
                .into(),
                Kind::TD => Tag::TD.into(),
            };
            Some(TagGroup::with_children(kind, children).into())
        }
    }
}

fn color(c: Rgb) -> rgb::Color {
    rgb::Color::new(c[0], c[1], c[2])
}

/// Draws `f` as an artifact: decoration, not content.
fn artifact(surface: &mut Surface<'_>, f: impl FnOnce(&mut Surface<'_>)) {
    surface.start_tagged(ContentTag::Artifact(Artifact::new(
        ArtifactType::Layout,
        None,
    )));
    f(surface);
    surface.end_tagged();
}

/// Krilla's y runs down from the top of the page.
fn down(y: f32) -> f32 {
    PAGE_H - y
}

fn draw_line(
    surface: &mut Surface<'_>,
    fonts: &[Font],
    line: &text::Line,
    x: f32,
    baseline: f32,
    size: f32,
) {
    for run in &line.runs {
        let Some(font) = fonts.get(usize::from(run.face)) else {
            continue;
        };
        let glyphs: Vec<KrillaGlyph> = run
            .glyphs
            .iter()
            .map(|g| {
                KrillaGlyph::new(
                    GlyphId::new(u32::from(g.id)),
                    g.advance,
                    g.dx,
                    g.dy,
                    0.0,
                    g.range.clone(),
                    None,
                )
            })
            .collect();
        surface.set_fill(Some(Fill {
            paint: color(run.style.color).into(),
            opacity: NormalizedF32::ONE,
            rule: Default::default(),
        }));
        surface.set_stroke(None);
        surface.draw_glyphs(
            Point::from_xy(x + run.x, down(baseline)),
            &glyphs,
            font.clone(),
            &run.text,
            size,
            false,
        );
    }
}

/// Underlines and strike-throughs of a line's marked words.
fn draw_marks(surface: &mut Surface<'_>, line: &text::Line, x: f32, baseline: f32, size: f32) {
    for &(from, to, style) in &line.marks {
        let y = match style.mark {
            Mark::Underline => baseline - 0.12 * size,
            _ => baseline + 0.27 * size,
        };
        stroke(
            surface,
            &[[x + from, y, x + to, y]],
            style.color,
            0.05 * size,
        );
    }
}

fn rules(surface: &mut Surface<'_>, lines: &[[f32; 4]]) {
    stroke(surface, lines, RULE_GREY, RULE_W);
}

fn stroke(surface: &mut Surface<'_>, lines: &[[f32; 4]], c: Rgb, width: f32) {
    let mut path = PathBuilder::new();
    for &[x, y, to_x, to_y] in lines {
        path.move_to(x, down(y));
        path.line_to(to_x, down(to_y));
    }
    let Some(path) = path.finish() else {
        return;
    };
    surface.set_fill(None);
    surface.set_stroke(Some(Stroke {
        paint: color(c).into(),
        width,
        ..Stroke::default()
    }));
    surface.draw_path(&path);
    surface.set_stroke(None);
}

fn fill_rect(surface: &mut Surface<'_>, x: f32, y: f32, w: f32, h: f32, c: Rgb) {
    let Some(rect) = Rect::from_xywh(x, down(y + h), w, h) else {
        return;
    };
    let mut path = PathBuilder::new();
    path.push_rect(rect);
    let Some(path) = path.finish() else {
        return;
    };
    surface.set_stroke(None);
    surface.set_fill(Some(Fill {
        paint: color(c).into(),
        opacity: NormalizedF32::ONE,
        rule: Default::default(),
    }));
    surface.draw_path(&path);
}
