//! Pages as LibreOffice fills them: paragraphs and tables placed one after the other in the
//! text block of the page, with the rules of its layout that move a block to the next page
//! (each measured on PDFs it made of the reports):
//!
//! * The space between two paragraphs is the larger of the first's space after and the
//!   second's space before (they are not added). At the top of a page the space before is
//!   dropped, except after a page or section break.
//! * A line fits when its text does: the last line on a page may run into the bottom margin
//!   by what the line spacing adds below it ([`Para::leading`]).
//! * A paragraph splits between its lines, leaving at least two on each page (widow and
//!   orphan control); one kept together (headings) moves whole.
//! * A block kept with the next moves to the next page with it when the next would start on
//!   another page than it ends; chains of such blocks move together. A paragraph after a
//!   block kept with it does not give up a line it has room for to make up the widows on the
//!   next page: it moves whole, and the chain with it.
//! * A table row never splits; on each page after the first, the header row is repeated
//!   above the rows; a table does not leave its header row alone at the foot of a page. The
//!   rows of a table marked to keep together move as one.

/// Lines a paragraph keeps on either side of a page break (widows and orphans).
const KEPT_LINES: usize = 2;
/// Allowance for rounding, in points: a line that overflows by less still fits.
const SLACK: f64 = 0.01;

/// A paragraph as the layout sees it: its lines and the spacing around them, in points.
#[derive(Debug, Clone, PartialEq)]
pub struct Para {
    /// Height of each line.
    pub line: f64,
    /// How many lines.
    pub lines: usize,
    pub before: f64,
    pub after: f64,
    /// Stays on the page of the next block.
    pub keep_next: bool,
    /// Never splits (headings).
    pub keep_lines: bool,
    /// What the line spacing adds to each line below its text: the last line on a page may
    /// run that far into the bottom margin.
    pub leading: f64,
}

impl Para {
    /// A paragraph of `lines` lines of `line` points, with no spacing or keeping.
    pub fn new(line: f64, lines: usize) -> Para {
        Para {
            line,
            lines: lines.max(1),
            before: 0.0,
            after: 0.0,
            keep_next: false,
            keep_lines: false,
            leading: 0.0,
        }
    }

    fn height(&self) -> f64 {
        self.line * self.lines as f64
    }
}

/// A table as the layout sees it: the height of each row (borders included), the first being
/// the header row that is repeated on each page.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub rows: Vec<f64>,
    /// Row `n` stays on the page of row `n + 1`.
    pub keep: Vec<bool>,
    /// Height of the table's top border.
    pub border: f64,
}

/// A block of the body.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Para(Para),
    Table(Table),
}

impl Table {
    /// How many rows from row `n` on go together: it and each row it keeps with.
    fn group(&self, n: usize) -> usize {
        let mut count = 1;
        while self.keep.get(n + count - 1) == Some(&true) && n + count < self.rows.len() {
            count += 1;
        }
        count
    }

    /// Height of what starts the table on a page: the header row and the first group of
    /// rows (a table does not leave its header alone at the foot of a page).
    fn lead(&self) -> f64 {
        let count = if self.rows.len() > 1 {
            1 + self.group(1)
        } else {
            1
        };
        self.rows[..count].iter().sum()
    }
}

impl Block {
    fn keeps_with_next(&self) -> bool {
        matches!(self, Block::Para(p) if p.keep_next)
    }
}

/// Where a block was placed: the page of its first line.
pub type Placed = usize;

/// Where the next block goes.
#[derive(Debug, Clone, Copy)]
struct Cursor {
    /// Height of the text block of the page being filled.
    height: f64,
    page: usize,
    /// Points used on the page.
    y: f64,
    /// Space after the last block placed.
    after: f64,
    /// The page was started by a page or section break: the space before the first block is
    /// kept.
    broken: bool,
}

/// The pages filled so far.
pub struct Layout {
    at: Cursor,
    /// Blocks kept with the next, waiting for it (with the caller's tag).
    chain: Vec<(Block, usize)>,
    /// The page of each tagged block, by tag, once it is placed.
    placed: Vec<(usize, Placed)>,
}

impl Layout {
    /// An empty first page whose text block is `height` points high.
    pub fn new(height: f64) -> Layout {
        Layout {
            at: Cursor {
                height,
                page: 1,
                y: 0.0,
                after: 0.0,
                broken: false,
            },
            chain: Vec::new(),
            placed: Vec::new(),
        }
    }

    /// Adds a block; its page is reported by [`Layout::take_placed`] under `tag` once it is
    /// known (a block kept with the next waits for it).
    pub fn add(&mut self, block: Block, tag: usize) {
        let keep = block.keeps_with_next();
        self.chain.push((block, tag));
        if !keep {
            self.flush();
        }
    }

    /// The pages of the blocks placed since the last call: (tag, page).
    pub fn take_placed(&mut self) -> std::vec::Drain<'_, (usize, Placed)> {
        self.placed.drain(..)
    }

    /// Places the blocks waiting. A chain of blocks kept with the next starts a new page when,
    /// placed here, one of them would end on another page than the next starts.
    fn flush(&mut self) {
        let chain = std::mem::take(&mut self.chain);
        if chain.len() > 1 && self.at.y > 0.0 {
            let mut trial = self.at;
            let mut end = None;
            let mut parted = false;
            for (n, (block, _)) in chain.iter().enumerate() {
                let (first, last) = trial.place(block, n > 0);
                parted |= end.is_some_and(|e| e != first);
                end = Some(last);
            }
            // A chain longer than a page parts wherever it starts.
            if parted && trial.page <= self.at.page + 1 {
                self.at.new_page(false);
            }
        }
        for (n, (block, tag)) in chain.iter().enumerate() {
            let (page, _) = self.at.place(block, n > 0);
            self.placed.push((*tag, page));
        }
    }

    /// A page break (or a section break to a page `height` points high): what follows starts
    /// a new page.
    pub fn page_break(&mut self, height: Option<f64>) {
        self.flush();
        self.at.new_page(true);
        if let Some(h) = height {
            self.at.height = h;
        }
    }
}

impl Cursor {
    /// Starts the next page; `broken` when a page or section break starts it.
    fn new_page(&mut self, broken: bool) {
        self.page += 1;
        self.y = 0.0;
        self.after = 0.0;
        self.broken = broken;
    }

    /// Places a block (`kept`: the block before is kept with it); returns the pages of its
    /// start and of its end.
    fn place(&mut self, block: &Block, kept: bool) -> (Placed, Placed) {
        let first = match block {
            Block::Para(p) => self.para(p, kept),
            Block::Table(t) => self.table(t),
        };
        (first, self.page)
    }

    /// Space above a block whose space before is `before`.
    fn gap(&self, before: f64) -> f64 {
        if self.y > 0.0 {
            self.after.max(before)
        } else if self.broken {
            before
        } else {
            0.0
        }
    }

    /// Whether `height` more points fit on the page.
    fn fits(&self, height: f64) -> bool {
        self.y + height <= self.height + SLACK
    }

    /// Places a paragraph (`kept`: the block before is kept with it); returns the page of its
    /// first line.
    fn para(&mut self, p: &Para, kept: bool) -> Placed {
        let gap = self.gap(p.before);
        let here = if self.fits(gap + p.height() - p.leading) || self.y == 0.0 {
            p.lines
        } else if p.keep_lines || p.lines < 2 * KEPT_LINES {
            // Too short to split: it moves whole (three lines would leave one alone).
            0
        } else {
            let room = self.height + SLACK + p.leading - self.y - gap;
            let fit = (room / p.line).floor().max(0.0) as usize;
            // Orphans: at least two lines here, or none; widows: at least two on the next page.
            // After a block kept with it, a paragraph that would have to leave a line it has
            // room for to make up the widows moves whole instead (as LibreOffice does).
            let here = fit.min(p.lines - KEPT_LINES);
            if here < KEPT_LINES || (here < fit && kept) {
                0
            } else {
                here
            }
        };
        let first_page = if here == 0 {
            self.new_page(false);
            self.page
        } else {
            self.y += gap;
            self.page
        };
        if here == p.lines || here == 0 {
            self.flow_rest(p, p.lines);
        } else {
            self.y += p.line * here as f64;
            self.new_page(false);
            self.flow_rest(p, p.lines - here);
        }
        self.after = p.after;
        self.broken = false;
        first_page
    }

    /// Places `lines` lines of a paragraph from where the page is filled, page after page.
    fn flow_rest(&mut self, p: &Para, mut lines: usize) {
        while self.y > 0.0 && !self.fits(p.line * lines as f64 - p.leading) {
            // Only a paragraph longer than a page gets here.
            let room = ((self.height + SLACK + p.leading - self.y) / p.line).floor() as usize;
            lines -= room.min(lines);
            self.new_page(false);
        }
        let per_page = ((self.height + SLACK + p.leading) / p.line)
            .floor()
            .max(1.0) as usize;
        while lines > per_page {
            lines -= per_page;
            self.new_page(false);
        }
        self.y += p.line * lines as f64;
    }

    /// Places a table; returns the page of its first row.
    fn table(&mut self, t: &Table) -> Placed {
        let Some(&header) = t.rows.first() else {
            return self.page;
        };
        if self.y > 0.0 && !self.fits(self.gap(0.0) + t.border + t.lead()) {
            self.new_page(false);
        }
        let first_page = self.page;
        self.y += self.gap(0.0) + t.border + header;
        let repeated = t.border + header;
        let mut n = 1;
        while n < t.rows.len() {
            // Rows kept together move as one.
            let count = t.group(n);
            let group: f64 = t.rows[n..n + count].iter().sum();
            if !self.fits(group) {
                self.new_page(false);
                self.y = repeated;
            }
            if self.fits(group) {
                self.y += group;
            } else {
                // A group taller than a page goes row by row.
                for &row in &t.rows[n..n + count] {
                    if !self.fits(row) && self.y > repeated {
                        self.new_page(false);
                        self.y = repeated;
                    }
                    self.y += row;
                }
            }
            n += count;
        }
        self.after = 0.0;
        self.broken = false;
        first_page
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A body paragraph of 11 pt text: lines of 14.75 pt, 1.33 pt of them line spacing.
    fn text(lines: usize) -> Para {
        Para {
            after: 6.0,
            leading: 14.75 - 13.45,
            ..Para::new(14.75, lines)
        }
    }

    fn heading() -> Para {
        Para {
            before: 18.0,
            keep_next: true,
            keep_lines: true,
            ..text(1)
        }
    }

    /// Places `blocks` on pages `height` points high; the page of each.
    fn pages(height: f64, blocks: Vec<Block>) -> Vec<usize> {
        let mut layout = Layout::new(height);
        for (tag, block) in blocks.into_iter().enumerate() {
            layout.add(block, tag);
        }
        layout.page_break(None);
        let mut placed: Vec<(usize, usize)> = layout.take_placed().collect();
        placed.sort();
        placed.into_iter().map(|(_, page)| page).collect()
    }

    #[test]
    fn spacing_is_the_larger_of_after_and_before_and_dropped_at_the_top() {
        let mut at = Layout::new(100.0).at;
        at.para(&text(1), false);
        at.para(&heading(), false);
        // 14.75, then max(6, 18), then the heading's line.
        assert_eq!(at.y, 14.75 + 18.0 + 14.75);
        let mut at = Layout::new(100.0).at;
        at.para(&heading(), false);
        assert_eq!(at.y, 14.75, "no space before at the top of a page");
        at.new_page(true);
        at.para(&heading(), false);
        assert_eq!(at.y, 18.0 + 14.75, "kept after a page break");
    }

    #[test]
    fn the_last_line_may_run_into_the_margin_by_its_line_spacing() {
        // Two paragraphs of 4 lines on a page of 8 lines less 1 pt: the second fits.
        let height = 8.0 * 14.75 + 6.0 - 1.0;
        assert_eq!(
            pages(height, vec![Block::Para(text(4)), Block::Para(text(4))]),
            [1, 1]
        );
        let height = 8.0 * 14.75 + 6.0 - 1.5;
        assert_eq!(
            pages(height, vec![Block::Para(text(4)), Block::Para(text(5))]),
            [1, 1],
            "split 3 + 2"
        );
    }

    #[test]
    fn paragraphs_leave_two_lines_on_each_page() {
        // Room for 2 lines after a paragraph of 10 on a page of 12.
        let height = 12.0 * 14.75 + 6.0;
        let mut at = Layout::new(height).at;
        at.para(&text(10), false);
        let mut split = at;
        // Four lines: 2 stay and 2 go.
        split.para(&text(4), false);
        assert_eq!((split.page, split.y), (2, 2.0 * 14.75));
        // Three lines cannot be split without a widow or an orphan: all go.
        let mut moved = at;
        assert_eq!(moved.para(&text(3), false), 2);
        assert_eq!(moved.y, 3.0 * 14.75);
        // A heading never splits.
        let mut kept = at;
        let two_line_heading = Para {
            lines: 2,
            ..heading()
        };
        kept.y = height - 14.75 - 18.0;
        assert_eq!(kept.para(&two_line_heading, false), 2);
    }

    #[test]
    fn a_heading_moves_with_the_paragraph_it_is_kept_with() {
        let height = 10.0 * 14.75;
        // 8 lines, a heading, then a paragraph of which one line would fit: both move.
        let blocks = vec![
            Block::Para(text(7)),
            Block::Para(heading()),
            Block::Para(text(3)),
        ];
        assert_eq!(pages(height, blocks), [1, 2, 2]);
        // Room for two of its lines: the paragraph splits, the heading stays.
        let blocks = vec![
            Block::Para(text(5)),
            Block::Para(heading()),
            Block::Para(text(4)),
        ];
        assert_eq!(pages(height, blocks), [1, 1, 1]);
    }

    #[test]
    fn after_a_heading_a_paragraph_moves_rather_than_give_up_a_line_to_its_widows() {
        let height = 10.0 * 14.75;
        // Room for 4 of the 5 lines: without the heading 3 stay and 2 go ...
        let alone = vec![Block::Para(text(5)), Block::Para(text(5))];
        assert_eq!(pages(height, alone), [1, 1]);
        // ... after a heading kept with it, the paragraph and the heading move.
        let blocks = vec![
            Block::Para(text(3)),
            Block::Para(heading()),
            Block::Para(text(5)),
        ];
        assert_eq!(pages(height, blocks), [1, 2, 2]);
        // With room for all but 2 lines, nothing is given up: it splits.
        let blocks = vec![
            Block::Para(text(3)),
            Block::Para(heading()),
            Block::Para(text(6)),
        ];
        assert_eq!(pages(height, blocks), [1, 1, 1]);
    }

    #[test]
    fn tables_repeat_their_header_and_keep_their_rows() {
        let table = |rows: usize, keep: bool| Table {
            rows: vec![10.0; rows],
            keep: vec![keep; rows],
            border: 0.0,
        };
        let mut at = Layout::new(100.0).at;
        // 25 rows of 10 pt on pages of 100: 10, then the header and 9 more, twice.
        at.table(&table(25, false));
        assert_eq!((at.page, at.y), (3, 10.0 + 6.0 * 10.0));
        // The header and first row do not fit at the foot of a page: the table moves.
        let mut at = Layout::new(100.0).at;
        at.y = 85.0;
        assert_eq!(at.table(&table(3, false)), 2);
        // A table whose rows are kept together moves whole when it does not fit.
        let mut at = Layout::new(100.0).at;
        at.y = 50.0;
        assert_eq!(at.table(&table(6, true)), 2);
        assert_eq!(at.y, 60.0);
    }

    #[test]
    fn a_chain_longer_than_a_page_stays_where_it_starts() {
        let blocks = vec![
            Block::Para(text(2)),
            Block::Para(Para {
                keep_next: true,
                ..text(12)
            }),
            Block::Para(text(2)),
        ];
        assert_eq!(pages(10.0 * 14.75, blocks), [1, 1, 2]);
    }
}
