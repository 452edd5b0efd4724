//! The page layout: A4 pages filled from the top with headings, paragraphs, lists and
//! tables, each recorded twice: as drawing operations on its page, and as a node of the
//! document's structure (the tagged PDF's tree, in reading order). Nothing is drawn here;
//! `super::paint` turns the result into a PDF once the number of pages is known.
//!
//! Coordinates are PDF points with the origin at the bottom left of the page. Widths and
//! indents are measured from the start of the line, which is the right edge in a document
//! that runs right to left: [`Layout::place`] mirrors them.

use std::ops::Range;

use super::text::{self, Block, Line, Rgb, Rich, Shaper, Style, Weight};

// --- Page geometry, in points ---

pub(super) const PAGE_W: f32 = 595.0;
pub(super) const PAGE_H: f32 = 842.0;
pub(super) const LEFT: f32 = 56.0;
const RIGHT: f32 = 56.0;
const TOP: f32 = 64.0;
pub(super) const BOTTOM: f32 = 64.0;
/// The width of the text column.
pub(super) const WIDTH: f32 = PAGE_W - LEFT - RIGHT;
/// Where the first line of a page starts.
const TOP_Y: f32 = PAGE_H - TOP;

pub(super) const TITLE_SIZE: f32 = 20.0;
pub(super) const BYLINE_SIZE: f32 = 11.0;
const H1_SIZE: f32 = 15.0;
const H2_SIZE: f32 = 12.5;
pub(super) const BODY_SIZE: f32 = 10.5;
pub(super) const FOOTER_SIZE: f32 = 9.0;
/// Line height as a multiple of the font size, for body text.
pub(super) const LEADING: f32 = 1.35;
/// Headings are set tighter than body text.
const HEADING_LEADING: f32 = 1.25;
pub(super) const BODY_LH: f32 = BODY_SIZE * LEADING;
/// The label column of a fact list.
const FACT_LABEL_W: f32 = 150.0;
/// Inner padding of a table cell.
const CELL_PAD_X: f32 = 4.0;
const CELL_PAD_Y: f32 = 3.0;
pub(super) const RULE_W: f32 = 0.5;
/// How far a list item's text is indented after its bullet.
const LIST_INDENT: f32 = 14.0;

pub(super) const BLACK: Rgb = [0x00, 0x00, 0x00];
pub(super) const GREY: Rgb = [0x55, 0x55, 0x55];
pub(super) const RULE_GREY: Rgb = [0x99, 0x99, 0x99];
const HEADER_FILL: Rgb = [0xEE, 0xEE, 0xEE];

pub(super) const PLAIN: Style = Style::new(Weight::Regular, BLACK);
pub(super) const STRONG: Style = Style::new(Weight::Bold, BLACK);

// --- The structure ---

/// What a node of the structure tree is (the tagged PDF's standard structure types).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Kind {
    Root,
    Sect,
    Div,
    /// A heading of level 1 to 6 and its text (PDF/UA wants both).
    H(u16, String),
    P,
    L,
    LI,
    Lbl,
    LBody,
    Table,
    THead,
    TBody,
    TR,
    /// A header cell of its column (`false`) or row (`true`).
    TH(bool),
    TD,
}

#[derive(Debug)]
pub(super) enum Child {
    Node(usize),
    /// Content on a page: a line of text, numbered in drawing order.
    Leaf(usize),
}

#[derive(Debug)]
pub(super) struct Node {
    pub kind: Kind,
    pub children: Vec<Child>,
}

/// A drawing operation.
#[derive(Debug)]
pub(super) enum Op {
    /// A line of text with its baseline's start at `x`, `baseline`; content of structure
    /// leaf `leaf`, or an artifact (a table's header repeated on a new page).
    Line {
        leaf: Option<usize>,
        x: f32,
        baseline: f32,
        size: f32,
        line: Line,
    },
    /// Thin grey rules from `[x, y]` to `[to_x, to_y]` (an artifact).
    Rules(Vec<[f32; 4]>),
    /// A filled rectangle `[x, y, w, h]` (an artifact).
    Fill([f32; 4], Rgb),
}

pub(super) struct Bookmark {
    pub title: String,
    pub page: usize,
    pub top: f32,
}

/// A heading or label waiting for what follows it, so that both go on the same page.
struct Pending {
    block: Block,
    node: usize,
    before: f32,
    after: f32,
    bookmark: Option<String>,
}

pub(super) struct Layout {
    pub shaper: Shaper,
    /// Whether the document runs right to left.
    pub rtl: bool,
    pub pages: Vec<Vec<Op>>,
    pub nodes: Vec<Node>,
    /// The open nodes, innermost last.
    stack: Vec<usize>,
    pub leaves: usize,
    /// The top of the free space on the page.
    y: f32,
    /// Whether anything is on the page yet: space is not added at the top of a page.
    used: bool,
    pending: Vec<Pending>,
    pub bookmarks: Vec<Bookmark>,
}

impl Layout {
    pub fn new(rtl: bool) -> Self {
        Self {
            shaper: Shaper::default(),
            rtl,
            pages: vec![Vec::new()],
            nodes: vec![Node {
                kind: Kind::Root,
                children: Vec::new(),
            }],
            stack: vec![0],
            leaves: 0,
            y: TOP_Y,
            used: false,
            pending: Vec::new(),
            bookmarks: Vec::new(),
        }
    }

    // --- Structure ---

    /// A new node in the one open last.
    pub fn node(&mut self, kind: Kind) -> usize {
        let id = self.nodes.len();
        self.nodes.push(Node {
            kind,
            children: Vec::new(),
        });
        let parent = self.stack.last().copied().unwrap_or(0);
        self.nodes[parent].children.push(Child::Node(id));
        id
    }

    /// A new node, open until [`Self::close`]: what follows goes in it.
    pub fn open(&mut self, kind: Kind) -> usize {
        let id = self.node(kind);
        self.stack.push(id);
        id
    }

    pub fn close(&mut self) {
        if self.stack.len() > 1 {
            self.stack.pop();
        }
    }

    fn leaf(&mut self, node: usize) -> usize {
        let leaf = self.leaves;
        self.leaves += 1;
        self.nodes[node].children.push(Child::Leaf(leaf));
        leaf
    }

    // --- Pages and space ---

    fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = TOP_Y;
        self.used = false;
    }

    fn op(&mut self, op: Op) {
        if let Some(page) = self.pages.last_mut() {
            page.push(op);
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
    pub fn space(&mut self, h: f32) {
        if let Some(heading) = self.pending.last_mut() {
            heading.after += h;
        } else if self.used {
            self.y -= h;
        }
    }

    /// Makes room for `h` points of content together with the headings waiting for it, then
    /// places those headings.
    pub fn need(&mut self, h: f32) {
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
                self.bookmarks.push(Bookmark {
                    title,
                    page: self.pages.len() - 1,
                    top: self.y,
                });
            }
            self.lines_then(Some(heading.node), &heading.block, 0.0, WIDTH, 0.0);
            self.space(heading.after);
        }
    }

    // --- Text ---

    /// `rich` broken into lines `width` points wide.
    pub fn block(&mut self, rich: &Rich, size: f32, lh: f32, width: f32) -> Block {
        text::block(&mut self.shaper, rich, size, lh, width, self.rtl)
    }

    /// The x of a line `w` wide, set at the start (or with `end`, the end) of a box `room`
    /// wide that begins `start` points from the start of the text column.
    fn place(&self, start: f32, room: f32, w: f32, end: bool) -> f32 {
        let offset = if end { start + room - w } else { start };
        if self.rtl {
            LEFT + WIDTH - offset - w
        } else {
            LEFT + offset
        }
    }

    /// The x of a box `w` wide that begins `start` points from the start of the column.
    fn place_box(&self, start: f32, w: f32) -> f32 {
        self.place(start, w, w, false)
    }

    /// Shows `line` in a line box whose top is at `top`, as content of `node` (or an
    /// artifact).
    fn line(&mut self, node: Option<usize>, line: &Line, x: f32, top: f32, size: f32, lh: f32) {
        self.used = true;
        if line.runs.is_empty() {
            return;
        }
        // Centre the font's ascender (about 0.76 em above the baseline) and descender in
        // the line box.
        let baseline = top - (lh - size) / 2.0 - 0.76 * size;
        let leaf = node.map(|n| self.leaf(n));
        self.op(Op::Line {
            leaf,
            x,
            baseline,
            size,
            line: line.clone(),
        });
    }

    /// `block`'s lines, `start` points into a box `room` wide, each on the page it fits on,
    /// the last on the same page as the `tail` points that follow.
    fn lines_then(&mut self, node: Option<usize>, block: &Block, start: f32, room: f32, tail: f32) {
        let last = block.lines.len().saturating_sub(1);
        for (i, line) in block.lines.iter().enumerate() {
            self.fit(if i == last { block.lh + tail } else { block.lh });
            let top = self.y;
            let x = self.place(start, room, line.width, false);
            self.line(node, line, x, top, block.size, block.lh);
            self.y -= block.lh;
        }
    }

    /// A paragraph (P) at `indent`, its first two lines kept together.
    pub fn paragraph(&mut self, rich: &Rich, size: f32, indent: f32) {
        self.paragraph_then(rich, size, indent, 0.0);
    }

    /// [`Self::paragraph`], with its last line kept with the `tail` points that follow.
    pub fn paragraph_then(&mut self, rich: &Rich, size: f32, indent: f32, tail: f32) {
        let block = self.block(rich, size, size * LEADING, WIDTH - indent);
        let n = block.lines.len();
        // When the kept lines are all there is, what follows their last line comes too.
        let keep = n.min(2) as f32 * block.lh + if n <= 2 { tail } else { 0.0 };
        self.need(keep);
        let node = self.node(Kind::P);
        self.lines_then(Some(node), &block, indent, WIDTH - indent, tail);
    }

    /// A heading of `level` (1 for the title), placed with what follows it; listed in the
    /// document outline with `bookmark`.
    pub fn heading(&mut self, text: &str, level: u16, bookmark: bool) {
        let (size, before, after) = match level {
            1 => (TITLE_SIZE, 0.0, 4.0),
            2 => (H1_SIZE, 20.0, 6.0),
            _ => (H2_SIZE, 14.0, 4.0),
        };
        let lh = if level == 1 {
            size * 1.2
        } else {
            size * HEADING_LEADING
        };
        let text = text.trim();
        let block = self.block(&Rich::new(text, STRONG), size, lh, WIDTH);
        let node = self.node(Kind::H(level.clamp(1, 6), text.to_owned()));
        self.pending.push(Pending {
            block,
            node,
            before,
            after,
            bookmark: bookmark.then(|| text.to_owned()),
        });
    }

    /// A paragraph kept with what follows it (a bold label over the text it introduces).
    pub fn keep_with_next(&mut self, rich: &Rich, before: f32, after: f32) {
        let block = self.block(rich, BODY_SIZE, BODY_LH, WIDTH);
        let node = self.node(Kind::P);
        self.pending.push(Pending {
            block,
            node,
            before,
            after,
            bookmark: None,
        });
    }

    /// A rule across the text column under the last line.
    pub fn rule(&mut self) {
        let y = self.y;
        self.op(Op::Rules(vec![[LEFT, y, LEFT + WIDTH, y]]));
    }

    /// A bulleted list (L) of `items`, each kept whole on a page where it fits.
    pub fn list(&mut self, items: &[Rich], bullet: &str) {
        if items.is_empty() {
            return;
        }
        let bullet = self.block(&Rich::new(bullet, PLAIN), BODY_SIZE, BODY_LH, LIST_INDENT);
        let blocks: Vec<Block> = items
            .iter()
            .map(|item| self.block(item, BODY_SIZE, BODY_LH, WIDTH - LIST_INDENT))
            .collect();
        // The first item's first lines come with the headings before the list.
        self.need(blocks[0].lines.len().min(2) as f32 * BODY_LH);
        self.open(Kind::L);
        for block in &blocks {
            self.open(Kind::LI);
            self.fit(block.lines.len().min(2) as f32 * BODY_LH);
            let lbl = self.node(Kind::Lbl);
            if let Some(line) = bullet.lines.first() {
                let top = self.y;
                let x = self.place(0.0, LIST_INDENT, line.width, false);
                self.line(Some(lbl), line, x, top, BODY_SIZE, BODY_LH);
            }
            self.open(Kind::LBody);
            let p = self.node(Kind::P);
            self.lines_then(Some(p), block, LIST_INDENT, WIDTH - LIST_INDENT, 0.0);
            self.close();
            self.close();
        }
        self.close();
        self.space(4.0);
    }

    /// Labels in a column at the start, values wrapped beside them: a table whose rows are
    /// headed by their labels.
    pub fn facts(&mut self, pairs: &[(String, String)]) {
        let rows: Vec<(Block, Block)> = pairs
            .iter()
            .map(|(label, value)| {
                let label = self.block(
                    &Rich::new(label.trim(), STRONG),
                    BODY_SIZE,
                    BODY_LH,
                    FACT_LABEL_W - 10.0,
                );
                let value = self.block(
                    &Rich::new(value.trim(), PLAIN),
                    BODY_SIZE,
                    BODY_LH,
                    WIDTH - FACT_LABEL_W,
                );
                (label, value)
            })
            .collect();
        if let Some((label, value)) = rows.first() {
            let first = label.lines.len().max(value.lines.len()).clamp(1, 2);
            self.need(first as f32 * BODY_LH);
        }
        self.open(Kind::Table);
        self.open(Kind::TBody);
        for (label, value) in &rows {
            self.open(Kind::TR);
            let th = self.node(Kind::TH(true));
            let td = self.node(Kind::TD);
            let lines = label.lines.len().max(value.lines.len()).max(1);
            self.fit(lines.min(2) as f32 * BODY_LH);
            for i in 0..lines {
                self.fit(BODY_LH);
                let top = self.y;
                if let Some(line) = label.lines.get(i) {
                    let x = self.place(0.0, FACT_LABEL_W, line.width, false);
                    self.line(Some(th), line, x, top, BODY_SIZE, BODY_LH);
                }
                if let Some(line) = value.lines.get(i) {
                    let x = self.place(FACT_LABEL_W, WIDTH - FACT_LABEL_W, line.width, false);
                    self.line(Some(td), line, x, top, BODY_SIZE, BODY_LH);
                }
                self.used = true;
                self.y -= BODY_LH;
            }
            self.close();
            self.space(3.0);
        }
        self.close();
        self.close();
        self.space(6.0);
    }

    /// A table with a header row (TH cells) repeated on every page it runs onto, numbers
    /// set flush with the end of their column.
    pub fn table(&mut self, header: &[String], rows: &[Vec<String>]) {
        let columns = rows.iter().map(Vec::len).fold(header.len(), usize::max);
        if columns == 0 {
            return;
        }
        let header: Vec<Rich> = (0..columns)
            .map(|i| Rich::new(cell(header, i), STRONG))
            .collect();
        let body: Vec<Vec<Rich>> = rows
            .iter()
            .map(|r| (0..columns).map(|i| Rich::new(cell(r, i), PLAIN)).collect())
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
        let widths = self.column_widths(&header, &body, columns);
        let table = Table { widths, numeric };
        let header = self.cells(&table, &header);
        let header_h = if has_header { header.height() } else { 0.0 };

        self.space(2.0);
        let first = body.first().map(|r| self.cells(&table, r));
        let first_h = first
            .as_ref()
            .map_or(0.0, |c| c.lines.min(2) as f32 * BODY_LH + 2.0 * CELL_PAD_Y);
        self.need(header_h + first_h);
        self.open(Kind::Table);
        let mut top_rule = true;
        if has_header {
            self.open(Kind::THead);
            self.open(Kind::TR);
            let nodes: Vec<usize> = (0..columns).map(|_| self.node(Kind::TH(false))).collect();
            self.table_row(
                &table,
                &header,
                0..header.lines,
                Some(nodes.as_slice()),
                true,
                true,
            );
            self.close();
            self.close();
            top_rule = false;
        }
        self.open(Kind::TBody);
        // A row taller than a page with its header is split between lines; any other row
        // goes whole onto the next page, under the header repeated.
        let most = TOP_Y - BOTTOM - header_h - 2.0 * CELL_PAD_Y;
        let mut rest = body.iter().skip(1);
        let mut next = first;
        while let Some(cells) = next.take() {
            self.open(Kind::TR);
            let nodes: Vec<usize> = (0..columns).map(|_| self.node(Kind::TD)).collect();
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
                    self.table_row(
                        &table,
                        &cells,
                        from..from + take,
                        Some(nodes.as_slice()),
                        false,
                        top_rule,
                    );
                    top_rule = false;
                    from += take;
                }
                if from < cells.lines {
                    self.new_page();
                    fresh = true;
                    top_rule = true;
                    if has_header {
                        // The repeated header is not content a second time.
                        self.table_row(&table, &header, 0..header.lines, None, true, true);
                        top_rule = false;
                    }
                }
            }
            self.close();
            next = rest.next().map(|r| self.cells(&table, r));
        }
        self.close();
        self.close();
        self.space(10.0);
    }

    fn cells(&mut self, table: &Table, cells: &[Rich]) -> Cells {
        let blocks: Vec<Block> = cells
            .iter()
            .zip(&table.widths)
            .map(|(rich, w)| self.block(rich, BODY_SIZE, BODY_LH, w - 2.0 * CELL_PAD_X))
            .collect();
        let lines = blocks
            .iter()
            .map(|b| b.lines.len())
            .max()
            .unwrap_or(0)
            .max(1);
        Cells { blocks, lines }
    }

    /// Lines `lines` of a table row's cells (content of `nodes`, or artifacts), with its
    /// rules (the top one only if asked for: otherwise the row above drew it).
    fn table_row(
        &mut self,
        table: &Table,
        cells: &Cells,
        lines: Range<usize>,
        nodes: Option<&[usize]>,
        header: bool,
        top_rule: bool,
    ) {
        let top = self.y;
        let h = lines.len() as f32 * BODY_LH + 2.0 * CELL_PAD_Y;
        let bottom = top - h;
        if header {
            self.op(Op::Fill([LEFT, bottom, WIDTH, h], HEADER_FILL));
        }
        let mut start = 0.0;
        for (i, block) in cells.blocks.iter().enumerate() {
            let w = table.widths[i];
            let inner = w - 2.0 * CELL_PAD_X;
            for (k, line) in block.lines[lines.start.min(block.lines.len())..]
                .iter()
                .take(lines.len())
                .enumerate()
            {
                let x = self.place(start + CELL_PAD_X, inner, line.width, table.numeric[i]);
                let line_top = top - CELL_PAD_Y - k as f32 * BODY_LH;
                let node = nodes.and_then(|n| n.get(i).copied());
                self.line(node, line, x, line_top, BODY_SIZE, BODY_LH);
            }
            start += w;
        }
        let mut rules = Vec::with_capacity(table.widths.len() + 3);
        if top_rule {
            rules.push([LEFT, top, LEFT + WIDTH, top]);
        }
        rules.push([LEFT, bottom, LEFT + WIDTH, bottom]);
        let mut start = 0.0;
        let x = self.place_box(start, 0.0);
        rules.push([x, top, x, bottom]);
        for w in &table.widths {
            start += w;
            let x = self.place_box(start, 0.0);
            rules.push([x, top, x, bottom]);
        }
        self.op(Op::Rules(rules));
        self.used = true;
        self.y = bottom;
    }

    /// Column widths filling the text column, in proportion to how wide each column's text
    /// is unwrapped. When that is wider than the page, a column narrower than an equal share
    /// of what is left keeps its natural width, and the wide columns share the rest in
    /// proportion to their text, each at least as wide as its longest word allows.
    fn column_widths(&mut self, header: &[Rich], rows: &[Vec<Rich>], columns: usize) -> Vec<f32> {
        let pad = 2.0 * CELL_PAD_X;
        let share = WIDTH / columns as f32;
        let least = 36.0f32.min(share);
        let mut natural = vec![least; columns];
        let mut minimum = vec![least; columns];
        for row in std::iter::once(header).chain(rows.iter().map(Vec::as_slice)) {
            for (i, rich) in row.iter().enumerate() {
                let (line, word) = text::measure(&mut self.shaper, rich, BODY_SIZE);
                natural[i] = natural[i].max(line + pad);
                minimum[i] = minimum[i].max((word + pad).min(share));
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
        // A wide column squeezed below its longest word takes the difference from the
        // others that have room to spare, in proportion to that room.
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

    /// Places the headings still waiting (a heading with nothing after it still goes in).
    pub fn finish(&mut self) {
        self.need(0.0);
    }
}

/// Cell `i` of `row`, empty where the row is short.
fn cell(row: &[String], i: usize) -> &str {
    row.get(i).map_or("", |s| s.trim())
}

struct Table {
    widths: Vec<f32>,
    /// Columns of numbers, set flush with the column's end.
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
