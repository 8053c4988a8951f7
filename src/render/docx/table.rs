//! GFM tables → Word tables: fixed column widths computed from the cell texts to fill the
//! text block, a shaded bold header row repeated on each page, rows that never break.

use super::styles;
use std::fmt::Write;

/// Cell alignment from the GFM delimiter row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
    Right,
}

struct Row {
    header: bool,
    /// Paragraph XML (without the `w:p` wrapper's alignment) and plain text of each cell.
    cells: Vec<(String, String)>,
}

/// Collects the cells of one table while its events arrive.
pub struct TableBuilder {
    aligns: Vec<Align>,
    rows: Vec<Row>,
    /// Right to left: the first column on the right, the cells' paragraphs right to left.
    rtl: bool,
}

/// Left plus right cell margin, plus a little slack.
const CELL_PADDING: usize = 2 * 85 + 40;
/// Words wider than this (twips) may be broken rather than widen their column further (a
/// name joined by no-break spaces, "Ms\u{a0}R.\u{a0}Kazlauskienė", is one word).
const MAX_WORD: usize = 2000;
/// Cell texts wider than this (twips) do not claim more width; they wrap.
const MAX_TEXT: usize = 4200;

/// Estimated width of a character in the 9 pt table font (Calibri metrics, bold-safe), twips.
const fn char_width(c: char) -> usize {
    match c {
        ' ' => 42,
        'i' | 'j' | 'l' | 'f' | 't' | 'r' | 'I' | '.' | ',' | ':' | ';' | '\'' => 60,
        'm' | 'w' | 'M' | 'W' | '—' | '✓' => 150,
        c if c.is_ascii_digit() => 97,
        // Ideographs and full-width punctuation are one em; Arabic letters, joined, 0.42 em
        // (Noto Naskh Arabic, as the page layout measures them).
        c if crate::render::script::is_cjk(c) => 180,
        c if crate::render::script::is_arabic(c) => 76,
        c if c.is_uppercase() => 118,
        c if c.is_ascii_punctuation() => 75,
        _ => 86,
    }
}

/// [`char_width`] of every ASCII character, looked up instead of matched.
const ASCII_WIDTHS: [u16; 128] = {
    let mut widths = [0u16; 128];
    let mut b = 0;
    while b < 128 {
        widths[b] = char_width(b as u8 as char) as u16;
        b += 1;
    }
    widths
};

/// Estimated widths of a cell text, twips: its widest word (words are joined by no-break
/// spaces) and the whole text without the white space around it; one pass over the characters.
/// Digits are `digit` twips wide (0: Calibri's).
fn text_widths(text: &str, digit: usize) -> (usize, usize) {
    let (mut widest, mut word, mut whole, mut space) = (0, 0, 0, 0);
    for c in text.chars() {
        let w = match u8::try_from(c) {
            Ok(b) if digit > 0 && b.is_ascii_digit() => digit,
            Ok(b) if b < 128 => usize::from(ASCII_WIDTHS[usize::from(b)]),
            _ => char_width(c),
        };
        if c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{202f}') {
            widest = widest.max(word);
            word = 0;
            // Inner white space counts once a word follows; leading and trailing does not.
            if whole > 0 {
                space += w;
            }
        } else {
            word += w;
            whole += space + w;
            space = 0;
        }
    }
    (widest.max(word), whole)
}

impl TableBuilder {
    /// A table with the columns' alignments, right to left when `rtl`.
    pub fn new(aligns: Vec<Align>, rtl: bool) -> Self {
        TableBuilder {
            aligns,
            rows: Vec::new(),
            rtl,
        }
    }

    pub fn start_row(&mut self, header: bool) {
        self.rows.push(Row {
            header,
            cells: Vec::new(),
        });
    }

    /// Adds a cell: the runs of its paragraph and its plain text (for the column widths).
    pub fn add_cell(&mut self, runs: String, text: String) {
        if self.rows.is_empty() {
            self.start_row(false);
        }
        if let Some(row) = self.rows.last_mut() {
            row.cells.push((runs, text));
        }
    }

    /// The table's XML for a text block `width` twips wide.
    pub fn finish(self, width: u32) -> String {
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
        let widths = script_column_widths(&texts, width as usize, self.rtl);
        let mut out = String::with_capacity(512 + self.rows.len() * columns * 200);
        let _ = write!(
            out,
            r#"<w:tbl><w:tblPr><w:tblStyle w:val="{}"/>{}<w:tblW w:w="{width}" w:type="dxa"/><w:tblLayout w:type="fixed"/><w:tblLook w:val="0620" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr><w:tblGrid>"#,
            styles::TABLE_STYLE,
            if self.rtl { "<w:bidiVisual/>" } else { "" }
        );
        let bidi = if self.rtl { "<w:bidi/>" } else { "" };
        for w in &widths {
            let _ = write!(out, r#"<w:gridCol w:w="{w}"/>"#);
        }
        out.push_str("</w:tblGrid>");
        // A table's last rows never stand alone on a page: the last three rows are kept
        // together, and a table of up to ten rows (a third of a page) is kept whole (a row's
        // paragraphs kept with the next row).
        let rows = self.rows.len();
        let kept_from = if rows <= 10 { 0 } else { rows - 3 };
        for (n, row) in self.rows.iter().enumerate() {
            let keep = if n >= kept_from && n + 1 < rows {
                "<w:keepNext/>"
            } else {
                ""
            };
            // No row breaks across pages; the first row is the header, repeated on each page.
            out.push_str("<w:tr><w:trPr><w:cantSplit/>");
            if n == 0 {
                out.push_str("<w:tblHeader/>");
            }
            out.push_str("</w:trPr>");
            for (c, width) in widths.iter().enumerate() {
                let runs = row.cells.get(c).map_or("", |(r, _)| r.as_str());
                let _ = write!(out, r#"<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>"#);
                if row.header {
                    let _ = write!(
                        out,
                        r#"<w:shd w:val="clear" w:color="auto" w:fill="{}"/>"#,
                        styles::TABLE_HEADER_FILL
                    );
                }
                let jc = match self.aligns.get(c) {
                    Some(Align::Center) => r#"<w:jc w:val="center"/>"#,
                    Some(Align::Right) => r#"<w:jc w:val="right"/>"#,
                    _ => "",
                };
                let _ = write!(
                    out,
                    r#"<w:vAlign w:val="top"/></w:tcPr><w:p><w:pPr><w:pStyle w:val="{}"/>{keep}{bidi}{jc}</w:pPr>{runs}</w:p></w:tc>"#,
                    styles::TABLE_TEXT
                );
            }
            out.push_str("</w:tr>");
        }
        out.push_str("</w:tbl>");
        out
    }
}

/// [`column_widths`] for a table in the report's script: in a right-to-left (Arabic) table
/// digits are set in Noto Naskh Arabic, an eighth wider than Calibri's (0.572 em against
/// 0.507), and measured so, so that dates stay on one line.
pub fn script_column_widths(columns: &[Vec<&str>], total: usize, rtl: bool) -> Vec<usize> {
    let digit = if rtl { NASKH_DIGIT } else { 0 };
    widths_of(columns, total, digit)
}

/// Width of a digit in the 9 pt table font when set in Noto Naskh Arabic, twips.
const NASKH_DIGIT: usize = 103;

/// Column widths (twips) that add up to `total`: every column gets at least the
/// width of its longest word (clamped); the remaining space is shared out by
/// water-filling towards the width of each column's longest text (clamped). The first text
/// of a column is its header: it may wrap between its words, so only its longest word counts
/// (a "Member States" header does not widen a column of numbers while dates wrap).
#[cfg(test)]
pub fn column_widths(columns: &[Vec<&str>], total: usize) -> Vec<usize> {
    widths_of(columns, total, 0)
}

/// [`column_widths`], with digits `digit` twips wide (0: Calibri's).
fn widths_of(columns: &[Vec<&str>], total: usize, digit: usize) -> Vec<usize> {
    let (min, want): (Vec<usize>, Vec<usize>) = columns
        .iter()
        .map(|texts| {
            let (header, body) = match texts.split_first() {
                Some((header, body)) if !body.is_empty() => (text_widths(header, digit).0, body),
                _ => (0, &texts[..]),
            };
            let (word, longest) = body
                .iter()
                .map(|t| text_widths(t, digit))
                .fold((header, header), |(w, l), (tw, tl)| (w.max(tw), l.max(tl)));
            let min = word.clamp(200, MAX_WORD) + CELL_PADDING;
            (min, (longest.min(MAX_TEXT) + CELL_PADDING).max(min))
        })
        .unzip();
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The widths as first defined: every word measured, then the trimmed text.
    fn by_words(text: &str) -> (usize, usize) {
        let width = |s: &str| s.chars().map(char_width).sum::<usize>();
        let breaks = |c: char| c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{202f}');
        let word = text.split(breaks).map(width).max().unwrap_or(0);
        (word, width(text.trim_matches(breaks)))
    }

    #[test]
    fn one_pass_widths_are_the_widths_of_the_words_and_the_trimmed_text() {
        for text in [
            "",
            "   ",
            "Res. 37 (Rev. Kigali, 2022)",
            "  two  spaces\tand a tab  ",
            "Ünïcödé — ✓ MOD\u{a0}SUP\u{2003}ADD",
            "withoutspaces",
            "\n  lead and trail \n",
            "Ms\u{a0}A.\u{a0}Kouassi (Côte d'Ivoire)",
        ] {
            assert_eq!(text_widths(text, 0), by_words(text), "{text:?}");
        }
    }
}
