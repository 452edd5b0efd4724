//! The notat's outline laid out with the layout's parts: each [`NotatItem`] becomes
//! paragraphs, a table, a list or a heading. A new kind of item is one arm in
//! [`section`] calling [`Layout::paragraph`], [`Layout::table`], [`Layout::list`],
//! [`Layout::facts`] or [`Layout::heading`]; a new section needs nothing here.

use app::notat::words::DocumentWords;
use hoering::notat::{Notat, NotatItem, NotatSection, PointItem};
use hoering::text::DiffOp;

use super::layout::{BODY_SIZE, BYLINE_SIZE, GREY, Kind, Layout, PLAIN, STRONG};
use super::text::{Mark, Rich, Style, Weight};

/// How far the text under "Hvad blev sagt" and the bemærkning are indented.
const INDENT: f32 = 12.0;
/// Before each item of a list.
const BULLET: &str = "•";

const INSERTED: [u8; 3] = [0x1E, 0x6B, 0x34];
const DELETED: [u8; 3] = [0xA4, 0x26, 0x2C];
const INSERT: Style = Style {
    weight: Weight::Regular,
    color: INSERTED,
    mark: Mark::Underline,
};
const DELETE: Style = Style {
    weight: Weight::Regular,
    color: DELETED,
    mark: Mark::Strike,
};

/// Lays out the whole notat: the title (H1), each section (H2 in a Sect) with its items.
pub(super) fn lay_out(layout: &mut Layout, notat: &Notat, words: &DocumentWords, byline: &str) {
    // The outline lists the main sections; the title only when there are none (PDF/UA
    // wants an outline).
    let main_sections = notat.sections.iter().any(|s| s.level <= 1);
    layout.heading(&notat.title, 1, !main_sections);
    if !byline.trim().is_empty() {
        layout.paragraph(
            &Rich::new(byline.trim(), Style::new(Weight::Regular, GREY)),
            BYLINE_SIZE,
            0.0,
        );
    }
    layout.need(0.0);
    layout.space(8.0);
    layout.rule();
    layout.space(4.0);
    let mut legend_shown = false;
    for s in &notat.sections {
        section(layout, s, words, &mut legend_shown);
    }
    if layout.shaper.missing() {
        layout.space(12.0);
        let notice = Rich::new(words.missing_glyphs, Style::new(Weight::Regular, GREY));
        layout.paragraph(&notice, BODY_SIZE, 0.0);
    }
    layout.finish();
}

fn section(layout: &mut Layout, s: &NotatSection, words: &DocumentWords, legend_shown: &mut bool) {
    // The title is H1: a main section (level 1) is H2, what it groups one level further.
    let level = u16::from(s.level.max(1)) + 1;
    layout.open(Kind::Sect);
    layout.heading(&s.heading, level, s.level <= 1);
    // The heading points are grouped under: said once for consecutive points about the
    // same thing, not above each.
    let mut about: Option<&str> = None;
    for item in &s.items {
        if !matches!(item, NotatItem::Point(_)) {
            about = None;
        }
        match item {
            NotatItem::Paragraph(text) => {
                layout.paragraph(&Rich::new(text.trim(), PLAIN), BODY_SIZE, 0.0);
                layout.space(6.0);
            }
            NotatItem::List(lines) => {
                let items: Vec<Rich> = lines.iter().map(|l| Rich::new(l.trim(), PLAIN)).collect();
                layout.list(&items, "•");
                layout.space(6.0);
            }
            NotatItem::Facts(pairs) => layout.facts(pairs),
            NotatItem::Table { header, rows } => layout.table(header, rows),
            NotatItem::Point(p) => {
                if about != Some(p.about.trim()) {
                    layout.heading(&p.about, level + 1, false);
                    about = Some(p.about.trim());
                }
                point(layout, words, p);
            }
            NotatItem::Diff { block, ops } => {
                diff(layout, words, level + 1, block, ops, legend_shown);
            }
        }
    }
    layout.close();
}

/// One point: who said it, what was said, the administration's remark and conclusion.
fn point(layout: &mut Layout, words: &DocumentWords, point: &PointItem) {
    layout.open(Kind::Div);
    match point.respondents.as_slice() {
        [] => {}
        [one] => {
            let mut from = Rich::new(words.responses_from, STRONG);
            from.push(" ", PLAIN).push(one, PLAIN);
            // Part of the point's heading: kept with what was said.
            layout.keep_with_next(&from, 0.0, 0.0);
        }
        many => {
            layout.keep_with_next(&Rich::new(words.responses_from, STRONG), 0.0, 1.0);
            let items: Vec<Rich> = many.iter().map(|r| Rich::new(r, PLAIN)).collect();
            layout.list(&items, BULLET);
        }
    }
    layout.keep_with_next(&Rich::new(words.what_was_said, STRONG), 4.0, 1.0);
    layout.paragraph(&Rich::new(point.said.trim(), PLAIN), BODY_SIZE, INDENT);
    match &point.remark {
        Some(remark) => {
            layout.keep_with_next(&Rich::new(words.remark, STRONG), 4.0, 1.0);
            let conclusion = point.outcome.as_ref().map(|outcome| {
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
                gap + super::layout::BODY_LH
            } else {
                0.0
            };
            layout.paragraph_then(&Rich::new(remark.trim(), PLAIN), BODY_SIZE, INDENT, tail);
            if let Some(conclusion) = conclusion {
                layout.space(gap);
                layout.paragraph(&conclusion, BODY_SIZE, 0.0);
            }
        }
        None => {
            layout.space(4.0);
            let style = Style::new(Weight::Regular, GREY);
            layout.paragraph(&Rich::new(words.not_published, style), BODY_SIZE, 0.0);
        }
    }
    // Room between points, so that each reads as one.
    layout.space(10.0);
    layout.close();
}

/// A changed block of the draft, under the legend of changes (shown once).
fn diff(
    layout: &mut Layout,
    words: &DocumentWords,
    level: u16,
    block: &str,
    ops: &[DiffOp],
    legend_shown: &mut bool,
) {
    if !*legend_shown {
        *legend_shown = true;
        let mut legend = Rich::default();
        for (i, part) in words.legend.iter().enumerate() {
            let style = match i {
                1 => INSERT,
                3 => DELETE,
                _ => PLAIN,
            };
            legend.push(part, style);
        }
        layout.paragraph(&legend, BODY_SIZE, 0.0);
        layout.space(2.0);
    }
    layout.heading(&format!("§ {}", block.trim()), level, false);
    let mut text = Rich::default();
    for op in ops {
        match op {
            DiffOp::Equal(t) => text.push(t, PLAIN),
            DiffOp::Insert(t) => text.push(t, INSERT),
            DiffOp::Delete(t) => text.push(t, DELETE),
        };
    }
    layout.paragraph(&text, BODY_SIZE, 0.0);
    layout.space(6.0);
}
