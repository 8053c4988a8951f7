//! Page numbers shown in the table of contents until Word updates its fields: an estimate
//! from the amount of text before each heading, with the page's size, the styles' font
//! sizes and spacing, tables row by row, and page and section breaks. (Word recomputes them
//! when it opens the file; LibreOffice shows them as they are.)

use super::outline::Outline;
use super::styles::Geometry;
use super::table::column_widths;
use crate::model::markdown_options;
use crate::render::critic;
use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use std::collections::HashMap;

/// Points per twip.
const PT: f64 = 1.0 / 20.0;

/// Rendered heights of the styles, in points: (line height, space before and after).
fn line_and_spacing(level: Option<usize>) -> (f64, f64) {
    match level {
        Some(1) => (19.5, 24.0),
        Some(2) => (16.0, 19.0),
        Some(3) => (14.5, 16.0),
        Some(_) => (13.5, 13.0),
        None => (13.4, 6.0),
    }
}

/// Average character width in points at `size` points (Calibri).
fn char_width(size: f64) -> f64 {
    size * 0.44
}

/// The layout so far: page number and points used on it.
struct Layout {
    geometry: Geometry,
    landscape: Option<usize>,
    page: usize,
    used: f64,
}

impl Layout {
    fn page_height(&self) -> f64 {
        let g = self.current();
        f64::from(g.height - g.top - g.bottom) * PT
    }

    fn current(&self) -> Geometry {
        if self.landscape.is_some() {
            self.geometry.landscape()
        } else {
            self.geometry
        }
    }

    fn text_width(&self) -> f64 {
        f64::from(self.current().text_width()) * PT
    }

    /// Adds text of `height` points in lines of `line` points that flows from page to page,
    /// as paragraphs do: it starts on the next page only when fewer than two of its lines fit
    /// (Word's widow and orphan control).
    fn flow(&mut self, height: f64, line: f64) {
        if self.page_height() - self.used < 2.0 * line.min(height) && self.used > 0.0 {
            self.break_page();
        }
        self.used += height;
        while self.used > self.page_height() {
            self.used -= self.page_height();
            self.page += 1;
        }
    }

    /// Adds a block of `height` points that never splits (a table row); a block that does
    /// not fit starts the next page.
    fn add(&mut self, height: f64) {
        if self.used + height > self.page_height() && self.used > 0.0 {
            self.break_page();
        }
        self.used += height;
        while self.used > self.page_height() {
            self.used -= self.page_height();
            self.page += 1;
        }
    }

    fn break_page(&mut self) {
        if self.used > 0.0 {
            self.page += 1;
            self.used = 0.0;
        }
    }

    /// Lines `chars` characters take at `size` points in a column `width` points wide.
    fn lines(chars: usize, size: f64, width: f64) -> f64 {
        let per_line = (width / char_width(size)).max(8.0);
        (chars as f64 / per_line).ceil().max(1.0)
    }
}

/// Sets the estimated page of each heading of `outline`.
pub fn estimate(markdown: &str, outline: &mut Outline, geometry: Geometry) {
    let pages = pages_by_bookmark(markdown, outline, geometry);
    for h in &mut outline.headings {
        h.page = pages.get(&h.bookmark).copied().unwrap_or(1);
    }
}

fn pages_by_bookmark(
    markdown: &str,
    outline: &Outline,
    geometry: Geometry,
) -> HashMap<String, usize> {
    let mut layout = Layout {
        geometry,
        landscape: None,
        page: 1,
        used: 0.0,
    };
    let mut pages = HashMap::new();
    let mut heading: Option<(usize, bool)> = None;
    let mut headings = outline.headings.iter();
    let mut text = 0usize;
    let mut indent: f64 = 0.0;
    let mut table: Vec<Vec<String>> = Vec::new();
    let mut toc_height = 0.0;
    // The writer replaces the Markdown list after the contents heading by the TOC field.
    let mut skipping_contents = false;
    for section in critic::marked_sections(markdown) {
        for event in Parser::new_ext(&section, markdown_options()) {
            if skipping_contents {
                match event {
                    Event::Start(Tag::Heading { .. }) => skipping_contents = false,
                    Event::Rule => {}
                    _ => continue,
                }
            }
            match event {
                Event::Start(Tag::Heading { level, classes, .. }) => {
                    let level = level as usize;
                    let landscape = classes.iter().any(|c| c.as_ref() == "landscape");
                    if layout.landscape.is_some_and(|l| level <= l) {
                        layout.break_page();
                        layout.landscape = None;
                    }
                    if landscape && layout.landscape.is_none() {
                        layout.break_page();
                        layout.landscape = Some(level);
                    }
                    let toc = classes.iter().any(|c| c.as_ref() == "toc");
                    if toc {
                        // Top-level entries have space before them.
                        toc_height = outline
                            .headings
                            .iter()
                            .filter(|h| h.in_toc)
                            .map(|h| if h.level == 1 { 21.0 } else { 14.5 })
                            .sum();
                    }
                    heading = Some((level, toc));
                    text = 0;
                }
                Event::End(TagEnd::Heading(_)) => {
                    let (level, toc) = heading.take().unwrap_or((1, false));
                    let (line, spacing) = line_and_spacing(Some(level));
                    let width = layout.text_width();
                    // A heading is kept with the next block: it moves with it.
                    let height = Layout::lines(text, line / 1.2, width) * line + spacing;
                    if layout.used + height + 40.0 > layout.page_height() {
                        layout.break_page();
                    }
                    if let Some(h) = headings.next() {
                        pages.insert(h.bookmark.clone(), layout.page);
                    }
                    layout.add(height);
                    if toc {
                        layout.flow(toc_height, 14.5);
                        skipping_contents = true;
                    }
                }
                Event::Text(t) | Event::Code(t) => {
                    if let Some(row) = table.last_mut() {
                        if let Some(cell) = row.last_mut() {
                            cell.push_str(&t);
                        }
                    } else {
                        text += t.chars().count();
                    }
                }
                Event::SoftBreak => text += 1,
                Event::Start(Tag::Item) => indent += 18.0,
                Event::End(end @ (TagEnd::Paragraph | TagEnd::Item)) if table.is_empty() => {
                    if text > 0 {
                        let (line, mut after) = line_and_spacing(None);
                        if indent > 0.0 {
                            // List paragraphs are closer together.
                            after = 3.0;
                        }
                        let width = layout.text_width() - indent.max(0.0);
                        layout.flow(Layout::lines(text, 11.0, width) * line + after, line);
                    }
                    if end == TagEnd::Item {
                        indent -= 18.0;
                    }
                    text = 0;
                }
                Event::End(TagEnd::CodeBlock) => {
                    layout.add(text.max(1) as f64 / 80.0 * 12.0 + 6.0);
                    text = 0;
                }
                Event::Rule => layout.break_page(),
                Event::Start(Tag::Table(_)) => table.clear(),
                Event::Start(Tag::TableHead | Tag::TableRow) => table.push(Vec::new()),
                Event::Start(Tag::TableCell) => {
                    if let Some(row) = table.last_mut() {
                        row.push(String::new());
                    }
                }
                Event::End(TagEnd::Table) => {
                    let rows = std::mem::take(&mut table);
                    let columns = rows.iter().map(Vec::len).max().unwrap_or(1);
                    let texts: Vec<Vec<&str>> = (0..columns)
                        .map(|c| {
                            rows.iter()
                                .filter_map(|r| r.get(c).map(String::as_str))
                                .collect()
                        })
                        .collect();
                    let widths = column_widths(&texts, layout.current().text_width() as usize);
                    for row in &rows {
                        let lines = row
                            .iter()
                            .zip(&widths)
                            .map(|(cell, w)| {
                                Layout::lines(cell.chars().count(), 9.0, *w as f64 * PT - 10.0)
                            })
                            .fold(1.0, f64::max);
                        layout.add(lines * 10.8 + 2.5);
                    }
                    layout.add(8.0);
                    text = 0;
                }
                _ => {}
            }
        }
    }
    pages
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_grow_with_text_and_breaks() {
        let paragraph = "word ".repeat(200);
        let md = format!(
            "# Contents {{.toc}}\n\n# One {{#one}}\n\n{paragraph}\n\n---\n\n# Two {{#two}}\n\n{}\n# Three {{#three}}\n",
            format!("{paragraph}\n\n").repeat(12)
        );
        let outline = Outline::read(&md);
        let pages = pages_by_bookmark(&md, &outline, Geometry::A4);
        assert_eq!(pages["one"], 1);
        assert_eq!(pages["two"], 2, "after the page break");
        assert!(pages["three"] >= 3, "{pages:?}");
    }

    #[test]
    fn long_contents_and_paragraphs_flow_from_page_to_page() {
        // Contents of 60 entries (about 1.3 pages) after a cover that fills half a page: the
        // contents start on page 2 and run into page 3, not on a page of their own.
        let cover = format!("{}\n\n", "word ".repeat(500));
        let entries: String = (1..=60)
            .map(|n| format!("## Part {n} {{#p{n}}}\n\nText.\n\n"))
            .collect();
        let md = format!(
            "# Cover {{#cover}}\n\n{cover}---\n\n# Contents {{.toc}}\n\n---\n\n# First {{#first}}\n\n{entries}"
        );
        let mut outline = Outline::read(&md);
        estimate(&md, &mut outline, Geometry::A4);
        let page = |b: &str| {
            outline
                .headings
                .iter()
                .find(|h| h.bookmark == b)
                .unwrap()
                .page
        };
        assert_eq!(page("cover"), 1);
        assert_eq!(
            page("first"),
            4,
            "cover, two pages of contents, then the text"
        );
    }
}
