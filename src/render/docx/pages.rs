//! Page numbers shown in the table of contents until Word updates its fields: the report is
//! laid out as LibreOffice lays out the Word file (which shows the numbers as they are), and
//! each heading gets the page its first line falls on.
//!
//! The Markdown is read as the writer ([`super::body`]) reads it, with the same containers
//! ([`Nesting`]), sections ([`Sections`]), paragraph kinds and keeping rules
//! ([`keep_with_next`]); each paragraph's text is broken into lines with the font's real
//! widths ([`super::lines`]) and the blocks are placed on pages by [`Layout`].

use super::inline::{Flags, Inline};
use super::layout::{self, Block as Placed, Layout, Para};
use super::lines::Breaker;
use super::nesting::Nesting;
use super::outline::Outline;
use super::para::{Paragraph, Props};
use super::sections::Sections;
use super::stream::{Block, keep_with_next};
use super::styles::{self, Geometry};
use super::table::script_column_widths;
use super::typeset::{self, Style};
use crate::model::markdown_options;
use crate::render::critic::{self, Change};
use crate::render::{ParagraphKind, paragraph_kind};
use pulldown_cmark::{Event, Parser, Tag, TagEnd};
#[cfg(test)]
use std::collections::HashMap;

/// Points per twip.
const PT: f64 = 1.0 / 20.0;
/// Tag of a block that is no heading.
const NO_HEADING: usize = usize::MAX;
/// A table cell's margins above and below its text (`tblCellMar`, 28 twips), left and right
/// (85 twips), and the width of the borders between rows.
const CELL_TOP_BOTTOM: f64 = 2.0 * 28.0 * PT;
const CELL_SIDES: f64 = 2.0 * 85.0 * PT;
const BORDER: f64 = 0.5;
/// A page break's paragraph: one line of exactly 1.2 pt.
const BREAK_LINE: f64 = 1.2;

/// Sets the page of each heading of `outline`, as LibreOffice lays out the document written
/// for `markdown` on pages of `geometry`, in `language` (for the captions' words).
pub fn estimate(markdown: &str, outline: &mut Outline, geometry: Geometry, language: &str) {
    let pages = heading_pages(markdown, outline, geometry, language);
    for (h, page) in outline.headings.iter_mut().zip(pages) {
        h.page = page;
    }
}

/// The page of each heading of `outline`, in order.
fn heading_pages(
    markdown: &str,
    outline: &Outline,
    geometry: Geometry,
    language: &str,
) -> Vec<usize> {
    let mut w = Walker {
        outline,
        layout: Layout::new(text_height(geometry)),
        sections: Sections::new(geometry),
        nesting: Nesting::default(),
        caption: crate::render::caption_words(language),
        writing: crate::render::script::Writing::of(language),
        captions: 0,
        inline: Inline::default(),
        flags: (0, 0),
        change: None,
        fresh: false,
        kind: None,
        in_paragraph: false,
        heading: None,
        table: None,
        code: None,
        html: None,
        gap_before: None,
        skipping_contents: false,
        waiting: Vec::new(),
        layouts: Vec::new(),
        headings: 0,
        pages: vec![1; outline.headings.len()],
    };
    for section in critic::marked_sections(markdown) {
        for event in Parser::new_ext(&section, markdown_options()) {
            w.event(event);
        }
    }
    w.flush();
    w.release(None);
    w.layout.page_break(None);
    w.record();
    w.pages
}

/// Height of the text block of a page, in points.
fn text_height(g: Geometry) -> f64 {
    f64::from(g.height.saturating_sub(g.top + g.bottom)) * PT
}

/// The table being read: each row's cells.
#[derive(Default)]
struct TableCells {
    rows: Vec<Vec<Inline>>,
}

/// Reads the Markdown as the writer does and hands the blocks to the layout.
struct Walker<'a> {
    outline: &'a Outline,
    layout: Layout,
    sections: Sections,
    nesting: Nesting,
    /// The caption's words around its number.
    caption: (String, String),
    /// How the report language is written (its lines' heights, its characters' widths).
    writing: crate::render::script::Writing,
    captions: usize,
    /// Text of the paragraph, heading or cell being read.
    inline: Inline,
    /// Bold and italic nesting.
    flags: (u32, u32),
    change: Option<Change>,
    /// Nothing added since the paragraph started.
    fresh: bool,
    kind: Option<ParagraphKind>,
    in_paragraph: bool,
    /// The heading being read: level and classes.
    heading: Option<(usize, Vec<String>)>,
    table: Option<TableCells>,
    code: Option<String>,
    html: Option<String>,
    /// Space before the next body paragraph (after a table or a list), twips.
    gap_before: Option<u32>,
    skipping_contents: bool,
    /// Paragraphs whose next block is not known yet, as the writer holds them (for the
    /// keeping rules), and their layouts and tags.
    waiting: Vec<Paragraph>,
    layouts: Vec<(Para, usize)>,
    /// Headings read.
    headings: usize,
    pages: Vec<usize>,
}

impl Walker<'_> {
    /// The layout of style `id`, in the report language's fonts.
    fn style(&self, id: &str) -> Style {
        let mut s = typeset::style(id);
        s.font.writing = self.writing;
        s
    }

    fn event(&mut self, event: Event) {
        if self.skipping_contents {
            match event {
                Event::Start(Tag::Heading { .. }) => self.skipping_contents = false,
                Event::Rule => {}
                _ => return,
            }
        }
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(text) => match self.code.as_mut() {
                Some(code) => code.push_str(&text),
                None => self.text(&text, false),
            },
            Event::Code(text) => self.text(&text, true),
            Event::Html(text) => match self.html.as_mut() {
                Some(html) => html.push_str(&text),
                None => self.text(&text, false),
            },
            Event::InlineHtml(text) | Event::InlineMath(text) | Event::DisplayMath(text) => {
                self.text(&text, false)
            }
            Event::FootnoteReference(text) => self.text(&format!("[{text}]"), false),
            Event::SoftBreak => self.text(" ", false),
            Event::HardBreak => self.inline.line_break(),
            Event::Rule => {
                self.flush();
                let props = Props {
                    before: Some(0),
                    after: Some(0),
                    exact_line: Some(24),
                    ..Props::default()
                };
                let para = Para::new(BREAK_LINE, 1);
                self.push(Paragraph::fixed(props, String::new()), para, NO_HEADING);
                self.release(None);
                self.layout.page_break(None);
                self.record();
                self.gap_before = None;
            }
            Event::TaskListMarker(done) => self.text(if done { "☒ " } else { "☐ " }, false),
        }
    }

    /// Adds text as the writer's runs do: without the change marks, and choosing the kind of
    /// a top-level paragraph from its first words.
    fn text(&mut self, text: &str, code: bool) {
        let top = self.in_paragraph && self.nesting.is_empty();
        let (pieces, after) = critic::split(text, self.change);
        for (mut piece, _) in pieces {
            // (Characters XML forbids, which the writer drops, are controls: they measure 0.)
            if piece.is_empty() {
                continue;
            }
            if self.fresh
                && top
                && self.flags.0 == 0
                && let Some((kind, skip)) = paragraph_kind(piece)
            {
                self.kind = Some(kind);
                if kind == ParagraphKind::Caption {
                    piece = &piece[skip..];
                    self.captions += 1;
                    let number = format!("{}{}{}", self.caption.0, self.captions, self.caption.1);
                    self.inline.push(&number, Flags::default());
                }
            }
            self.fresh = false;
            let flags = Flags {
                bold: self.flags.0 > 0,
                italic: self.flags.1 > 0,
                code,
            };
            if piece.contains('\n') {
                self.inline.push(&piece.replace('\n', " "), flags);
            } else {
                self.inline.push(piece, flags);
            }
        }
        self.change = after;
    }

    fn start(&mut self, tag: Tag) {
        match tag {
            Tag::Paragraph => {
                self.flush();
                self.in_paragraph = true;
                self.fresh = true;
                self.kind = None;
            }
            Tag::Heading { level, classes, .. } => {
                self.flush();
                let level = level as usize;
                let classes: Vec<String> = classes.iter().map(|c| c.to_string()).collect();
                let landscape = classes.iter().any(|c| c == "landscape");
                for end in self.sections.at_heading(level, landscape) {
                    let para = self.para(&self.style("Normal"), &Props::default(), 1);
                    self.push(end, para, NO_HEADING);
                    self.release(None);
                    let height = text_height(self.sections.current());
                    self.layout.page_break(Some(height));
                    self.record();
                }
                self.heading = Some((level, classes));
            }
            Tag::BlockQuote(_) => {
                self.flush();
                self.nesting.open_quote();
            }
            Tag::CodeBlock(_) => {
                self.flush();
                self.code = Some(String::new());
            }
            Tag::HtmlBlock => {
                self.flush();
                self.html = Some(String::new());
            }
            Tag::List(_) => {
                self.flush();
                if self.nesting.item_unnumbered() {
                    self.paragraph();
                }
                self.nesting.open_list(0);
            }
            Tag::Item => {
                self.flush();
                self.nesting.open_item();
            }
            Tag::Table(_) => {
                self.flush();
                self.table = Some(TableCells::default());
            }
            Tag::TableHead => {
                self.start_row();
                self.flags.0 += 1;
            }
            Tag::TableRow => self.start_row(),
            Tag::TableCell => self.inline.clear(),
            Tag::Emphasis | Tag::Image { .. } => self.flags.1 += 1,
            Tag::Strong => self.flags.0 += 1,
            _ => {}
        }
    }

    fn start_row(&mut self) {
        if let Some(t) = self.table.as_mut() {
            t.rows.push(Vec::new());
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph => {
                self.flush();
                self.in_paragraph = false;
            }
            TagEnd::Heading(_) => self.end_heading(),
            TagEnd::BlockQuote(_) | TagEnd::Item => {
                self.flush();
                self.nesting.close();
            }
            TagEnd::CodeBlock => {
                let code = self.code.take().unwrap_or_default();
                let s = self.style(styles::SOURCE_CODE);
                let width = self.text_width();
                let lines = code
                    .trim_end_matches('\n')
                    .split('\n')
                    .map(|line| {
                        let mut b = Breaker::new(width, width);
                        b.text(line, s.font);
                        b.finish()
                    })
                    .sum();
                let para = self.para(&s, &Props::default(), lines);
                self.push(
                    Paragraph::fixed(Props::default(), String::new()),
                    para,
                    NO_HEADING,
                );
                self.gap_before = None;
            }
            TagEnd::HtmlBlock => {
                let html = self.html.take().unwrap_or_default();
                for (i, line) in html.trim_end_matches('\n').split('\n').enumerate() {
                    if i > 0 {
                        self.inline.line_break();
                    }
                    self.text(line, false);
                }
                self.flush();
            }
            TagEnd::List(_) => {
                self.flush();
                self.nesting.close();
                if self.nesting.list_depth() == 0 {
                    self.gap_before = Some(120);
                }
            }
            TagEnd::TableHead => self.flags.0 = self.flags.0.saturating_sub(1),
            TagEnd::TableCell => {
                let cell = std::mem::take(&mut self.inline);
                if let Some(row) = self.table.as_mut().and_then(|t| t.rows.last_mut()) {
                    row.push(cell);
                }
            }
            TagEnd::Table => {
                if let Some(t) = self.table.take() {
                    let table = self.table_layout(&t);
                    self.release(Some(&Block::Table(String::new())));
                    self.layout.add(Placed::Table(table), NO_HEADING);
                    self.record();
                    self.gap_before = Some(160);
                }
            }
            TagEnd::Emphasis | TagEnd::Image => self.flags.1 = self.flags.1.saturating_sub(1),
            TagEnd::Strong => self.flags.0 = self.flags.0.saturating_sub(1),
            _ => {}
        }
    }

    /// A heading ends: a cover line, the title, the contents, or an outline heading.
    fn end_heading(&mut self) {
        let Some((level, classes)) = self.heading.take() else {
            return;
        };
        let index = self.headings;
        self.headings += 1;
        let has = |class: &str| classes.iter().any(|c| c == class);
        if has("toc") {
            self.contents();
            self.gap_before = Some(120);
            self.skipping_contents = true;
            return;
        }
        let id = if has("title") {
            styles::TITLE.to_string()
        } else if has("subtitle") {
            styles::SUBTITLE.to_string()
        } else if has("cover") {
            styles::COVER.to_string()
        } else {
            styles::heading(level)
        };
        let props = Props::styled(&id);
        let s = self.style(&id);
        let lines = self.lines(&s, &props);
        let para = self.para(&s, &props, lines);
        self.inline.clear();
        self.push(Paragraph::fixed(props, String::new()), para, index);
        self.gap_before = None;
    }

    /// The contents: the heading being read, then an entry for each heading listed, its
    /// text and, at the right margin, its page number.
    fn contents(&mut self) {
        let props = Props::styled(styles::TOC_HEADING);
        let s = self.style(styles::TOC_HEADING);
        let lines = self.lines(&s, &props);
        let para = self.para(&s, &props, lines);
        self.inline.clear();
        self.push(Paragraph::fixed(props, String::new()), para, NO_HEADING);
        let width = self.text_width();
        let entries: Vec<(usize, &str)> = self
            .outline
            .headings
            .iter()
            .filter(|h| h.in_toc)
            .map(|h| (h.level, h.text.as_str()))
            .collect();
        for (level, text) in entries {
            let id = styles::toc(level);
            let s = self.style(&id);
            let line = width - s.left;
            let mut b = Breaker::new(line, line);
            b.text(text, s.font);
            // The page number (two digits) and a little of the dot leader follow the text.
            let number = 3.0 * s.font.advance('0');
            let last = b.last_line();
            let lines = b.finish() + usize::from(last + number > line);
            let para = self.para(&s, &Props::styled(&id), lines);
            self.push(
                Paragraph::fixed(Props::styled(&id), String::new()),
                para,
                NO_HEADING,
            );
        }
    }

    /// Writes the pending text (if any) as a paragraph of the current context.
    fn flush(&mut self) {
        if self.table.is_none() && self.heading.is_none() && !self.inline.is_empty() {
            self.paragraph();
        }
    }

    /// The pending text as a paragraph of the current context (list item, quote, caption,
    /// note, source or body text), as the writer makes it.
    fn paragraph(&mut self) {
        let (mut props, role) = self.nesting.paragraph(self.in_paragraph, self.kind.take());
        if let Some(gap) = self.gap_before.take().filter(|g| *g > 0) {
            props.before = Some(gap);
        }
        let s = self.style(props.style.as_deref().unwrap_or("Normal"));
        let lines = self.lines(&s, &props);
        let para = self.para(&s, &props, lines);
        self.inline.clear();
        self.push(Paragraph::new(props, role, String::new()), para, NO_HEADING);
    }

    /// Width of the text block of the section in force, in points.
    fn text_width(&self) -> f64 {
        f64::from(self.sections.current().text_width()) * PT
    }

    /// Lines the pending text takes in style `s` with `props`' indents.
    fn lines(&self, s: &Style, props: &Props) -> usize {
        let (left, right) = match (props.indent, props.number) {
            (Some((left, _, right)), _) => (
                f64::from(left) * PT,
                right.map_or(s.right, |r| f64::from(r) * PT),
            ),
            (None, Some((level, _))) => (f64::from(styles::list_indent(level)) * PT, s.right),
            (None, None) => (s.left, s.right),
        };
        let width = self.text_width() - left - right;
        self.inline.lines(s.font, width, width)
    }

    /// The layout of a paragraph of `lines` lines in style `s` with `props`.
    fn para(&self, s: &Style, props: &Props, lines: usize) -> Para {
        let mut para = Para::new(s.font.line(s.proportion), lines);
        para.before = props.before.map_or(s.before, |b| f64::from(b) * PT);
        para.after = props.after.map_or(s.after, |a| f64::from(a) * PT);
        para.keep_next = s.keep_next;
        para.keep_lines = s.keep_lines;
        para.leading = para.line - s.font.line(1.0);
        para
    }

    /// A table's rows as the layout sees them: the column widths the writer gives them,
    /// each cell's lines, rows that never split, the last rows kept together.
    fn table_layout(&self, t: &TableCells) -> layout::Table {
        let columns = t.rows.iter().map(Vec::len).max().unwrap_or(0).max(1);
        let texts: Vec<Vec<&str>> = (0..columns)
            .map(|c| {
                t.rows
                    .iter()
                    .filter_map(|r| r.get(c).map(Inline::plain))
                    .collect()
            })
            .collect();
        let widths = script_column_widths(
            &texts,
            self.sections.current().text_width() as usize,
            self.writing.rtl(),
        );
        let s = self.style(styles::TABLE_TEXT);
        let line = s.font.line(s.proportion);
        let rows: Vec<f64> = t
            .rows
            .iter()
            .map(|row| {
                let lines = row
                    .iter()
                    .zip(&widths)
                    .map(|(cell, w)| {
                        let width = *w as f64 * PT - CELL_SIDES;
                        cell.lines(s.font, width, width)
                    })
                    .max()
                    .unwrap_or(1);
                line * lines as f64 + s.before + s.after + CELL_TOP_BOTTOM + BORDER
            })
            .collect();
        let n = rows.len();
        let kept_from = if n <= 10 { 0 } else { n - 3 };
        layout::Table {
            keep: (0..n).map(|i| i >= kept_from && i + 1 < n).collect(),
            rows,
            border: BORDER,
        }
    }

    /// Queues a paragraph as the writer's stream does: the paragraphs waiting learn what they
    /// keep from it, and all but the last go to the layout.
    fn push(&mut self, paragraph: Paragraph, para: Para, tag: usize) {
        let next = Block::Paragraph(paragraph);
        self.release(Some(&next));
        if let Block::Paragraph(paragraph) = next {
            self.waiting.push(paragraph);
            self.layouts.push((para, tag));
        }
    }

    /// The next block is `next` (or the end): the keeping rules apply to the paragraphs
    /// waiting, and those that can no longer change go to the layout (all of them before a
    /// table or at the end, all but the last before a paragraph).
    fn release(&mut self, next: Option<&Block>) {
        if let Some(next) = next {
            keep_with_next(&mut self.waiting, next);
            for (p, (para, _)) in self.waiting.iter().zip(&mut self.layouts) {
                para.keep_next |= p.keeps_with_next();
            }
        }
        let keep = match next {
            Some(Block::Paragraph(_)) => 1.min(self.waiting.len()),
            _ => 0,
        };
        let done = self.waiting.len() - keep;
        self.waiting.drain(..done);
        for (para, tag) in self.layouts.drain(..done) {
            self.layout.add(Placed::Para(para), tag);
        }
        self.record();
    }

    /// Notes the pages of the headings placed.
    fn record(&mut self) {
        for (tag, page) in self.layout.take_placed() {
            if let Some(p) = self.pages.get_mut(tag) {
                *p = page;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The page of each heading of `md` (by bookmark) on A4.
    fn pages(md: &str) -> HashMap<String, usize> {
        let mut outline = Outline::read(md);
        estimate(md, &mut outline, Geometry::A4, "en");
        outline
            .headings
            .iter()
            .map(|h| (h.bookmark.clone(), h.page))
            .collect()
    }

    /// A paragraph of `lines` full lines of body text.
    fn paragraph(lines: usize) -> String {
        // "word " is 25.77 pt wide in 11 pt Carlito: 18 words to a line of 481.9 pt.
        "word ".repeat(18 * lines).trim_end().to_string() + "\n\n"
    }

    #[test]
    fn pages_grow_with_text_and_breaks() {
        let md = format!(
            "# Contents {{.toc}}\n\n# One {{#one}}\n\n{}---\n\n# Two {{#two}}\n\n{}# Three {{#three}}\n",
            paragraph(10),
            paragraph(60)
        );
        let pages = pages(&md);
        assert_eq!(pages["one"], 1);
        assert_eq!(pages["two"], 2, "after the page break");
        // 60 lines of 14.75 pt: 47 fit on a page (700 pt), the heading follows on the next.
        assert_eq!(pages["three"], 3);
    }

    #[test]
    fn lines_are_counted_with_the_fonts_widths() {
        // Heading A (21.5 pt and 6 after), N lines (14.75 each), heading B (14 before, 17.4,
        // 5 after) and the first two lines of its paragraph (less the line spacing of the
        // last, 1.3 pt) take 92.1 + 14.75 N points of the page's 700.1: N = 41 fits.
        let md = |text: String| format!("# A {{#a}}\n\n{text}## B {{#b}}\n\n{}", paragraph(2));
        assert_eq!(pages(&md(paragraph(41)))["b"], 1);
        assert_eq!(pages(&md(paragraph(42)))["b"], 2);
        // One word more than 41 lines hold makes line 42.
        let longer = format!("{} word\n\n", paragraph(41).trim_end());
        assert_eq!(pages(&md(longer))["b"], 2);
    }

    #[test]
    fn a_table_kept_whole_takes_its_heading_and_caption_along() {
        let rows: String = (1..=8).map(|n| format!("| Row {n} | {n} |\n")).collect();
        let table = format!("Table: Figures\n\n| Name | Value |\n|---|--:|\n{rows}\n");
        // Heading A and N lines, then heading B (18 before, 21.5, 6 after), the caption (13.4,
        // 4 after) and 9 rows of 16.3 pt with their borders take 237.6 + 14.75 N points of
        // the page's 700.1: N = 31 fits.
        let md = |lines| format!("# A {{#a}}\n\n{}# B {{#b}}\n\n{table}", paragraph(lines));
        assert_eq!(pages(&md(31))["b"], 1);
        assert_eq!(pages(&md(32))["b"], 2);
    }

    #[test]
    fn a_landscape_section_starts_a_page_and_ends_with_one() {
        let md = format!(
            "# A {{#a}}\n\nText.\n\n# Matrix {{#m .landscape}}\n\n{}# B {{#b}}\n\nText.\n",
            paragraph(3)
        );
        let pages = pages(&md);
        assert_eq!((pages["a"], pages["m"], pages["b"]), (1, 2, 3));
    }

    #[test]
    fn long_contents_flow_from_page_to_page() {
        // Contents of 60 entries (about 1.5 pages) after a cover of half a page: they start
        // on page 2 and run into page 3, the text starts on page 4.
        let entries: String = (1..=60)
            .map(|n| format!("## Part {n} {{#p{n}}}\n\nText.\n\n"))
            .collect();
        let md = format!(
            "# Cover {{#cover}}\n\n{}---\n\n# Contents {{.toc}}\n\n---\n\n# First {{#first}}\n\n{entries}",
            paragraph(20)
        );
        let pages = pages(&md);
        assert_eq!(pages["cover"], 1);
        assert_eq!(pages["first"], 4);
    }
}
