//! GFM tables → Word tables with computed column widths.

use docx_rs::{
    AlignmentType, Paragraph, Shading, ShdType, Table, TableCell, TableLayoutType, TableRow,
    VAlignType, WidthType,
};
use pulldown_cmark::Alignment;

use super::styles;

struct Row {
    header: bool,
    cells: Vec<(Paragraph, String)>,
}

/// Collects the cells of one table while its events arrive.
pub(super) struct TableBuilder {
    aligns: Vec<Alignment>,
    rows: Vec<Row>,
}

/// Left plus right cell margin, plus a little slack.
const CELL_PADDING: usize = 2 * 85 + 40;
/// Words wider than this (twips) may be broken rather than widen their column further.
const MAX_WORD: usize = 1500;
/// Cell texts wider than this (twips) do not claim more width; they wrap.
const MAX_TEXT: usize = 4200;

/// Estimated width of `text` in the 9 pt table font (Calibri metrics, bold-safe), twips.
fn text_width(text: &str) -> usize {
    text.chars()
        .map(|c| match c {
            ' ' => 42,
            'i' | 'j' | 'l' | 'f' | 't' | 'r' | 'I' | '.' | ',' | ':' | ';' | '\'' => 60,
            'm' | 'w' | 'M' | 'W' | '—' | '✓' => 150,
            c if c.is_ascii_digit() => 97,
            c if c.is_uppercase() => 118,
            c if c.is_ascii_punctuation() => 75,
            _ => 86,
        })
        .sum()
}

impl TableBuilder {
    pub(super) fn new(aligns: Vec<Alignment>) -> Self {
        TableBuilder {
            aligns,
            rows: Vec::new(),
        }
    }

    pub(super) fn start_row(&mut self, header: bool) {
        self.rows.push(Row {
            header,
            cells: Vec::new(),
        });
    }

    pub(super) fn add_cell(&mut self, paragraph: Paragraph, text: String) {
        if self.rows.is_empty() {
            self.start_row(false);
        }
        if let Some(row) = self.rows.last_mut() {
            row.cells.push((paragraph, text));
        }
    }

    pub(super) fn finish(self, mut new_paragraph: impl FnMut() -> Paragraph) -> Table {
        let columns = self
            .rows
            .iter()
            .map(|r| r.cells.len())
            .chain(std::iter::once(self.aligns.len()))
            .max()
            .unwrap_or(0)
            .max(1);
        let texts: Vec<Vec<&str>> = (0..columns)
            .map(|c| {
                self.rows
                    .iter()
                    .filter_map(|r| r.cells.get(c).map(|(_, t)| t.as_str()))
                    .collect()
            })
            .collect();
        let widths = column_widths(&texts, styles::TEXT_WIDTH);
        let mut rows = Vec::with_capacity(self.rows.len());
        for row in self.rows {
            let mut cells = Vec::with_capacity(columns);
            let mut given = row.cells.into_iter();
            for (c, width) in widths.iter().enumerate() {
                let mut paragraph = match given.next() {
                    Some((p, _)) => p,
                    // A short row: pad with an empty cell.
                    None => new_paragraph(),
                };
                paragraph = match self.aligns.get(c) {
                    Some(Alignment::Center) => paragraph.align(AlignmentType::Center),
                    Some(Alignment::Right) => paragraph.align(AlignmentType::Right),
                    _ => paragraph,
                };
                let mut cell = TableCell::new()
                    .width(*width, WidthType::Dxa)
                    .vertical_align(VAlignType::Top)
                    .add_paragraph(paragraph.style(styles::TABLE_TEXT));
                if row.header {
                    cell = cell.shading(
                        Shading::new()
                            .shd_type(ShdType::Clear)
                            .color("auto")
                            .fill(styles::TABLE_HEADER_FILL),
                    );
                }
                cells.push(cell);
            }
            // No row breaks across pages; the packager marks the first row as the header.
            rows.push(TableRow::new(cells).cant_split());
        }
        Table::new(rows)
            .style(styles::TABLE_STYLE)
            .set_grid(widths)
            .width(styles::TEXT_WIDTH, WidthType::Dxa)
            .layout(TableLayoutType::Fixed)
            .set_borders(styles::table_borders())
            .margins(styles::table_margins())
    }
}

/// Column widths (twips) that add up to `total`: every column gets at least the
/// width of its longest word (clamped); the remaining space is shared out by
/// water-filling towards the width of each column's longest text (clamped).
pub(super) fn column_widths(columns: &[Vec<&str>], total: usize) -> Vec<usize> {
    let min: Vec<usize> = columns
        .iter()
        .map(|texts| {
            let word = texts
                .iter()
                .flat_map(|t| t.split_whitespace())
                .map(text_width)
                .max()
                .unwrap_or(0);
            word.clamp(200, MAX_WORD) + CELL_PADDING
        })
        .collect();
    let want: Vec<usize> = columns
        .iter()
        .zip(&min)
        .map(|(texts, &m)| {
            let longest = texts
                .iter()
                .map(|t| text_width(t.trim()))
                .max()
                .unwrap_or(0);
            (longest.min(MAX_TEXT) + CELL_PADDING).max(m)
        })
        .collect();
    let (min_sum, want_sum): (usize, usize) = (min.iter().sum(), want.iter().sum());
    let mut widths: Vec<usize> = if want_sum <= total {
        want.iter().map(|w| w * total / want_sum.max(1)).collect()
    } else if min_sum >= total {
        min.iter().map(|w| w * total / min_sum.max(1)).collect()
    } else {
        // Water-filling: columns that need little more than their minimum get all
        // of it (short dates and codes stay on one line), the rest share equally.
        let mut widths = min.clone();
        let mut spare = total - min_sum;
        let mut order: Vec<usize> = (0..min.len()).collect();
        order.sort_by_key(|&i| (want[i] - min[i], i));
        for (k, &i) in order.iter().enumerate() {
            let share = spare / (order.len() - k);
            let give = (want[i] - min[i]).min(share);
            widths[i] += give;
            spare -= give;
        }
        widths
    };
    // Rounding leftovers go to the widest column so the table fills the text block.
    let rest = total.saturating_sub(widths.iter().sum());
    if let Some(widest) = (0..widths.len()).max_by_key(|&i| (widths[i], usize::MAX - i)) {
        widths[widest] += rest;
    }
    widths
}
