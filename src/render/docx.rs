//! Markdown events → DOCX (WordprocessingML) with real Word styles.
//!
//! The report Markdown is parsed with [`super::markdown_options`] and walked once;
//! every block becomes a paragraph or table that refers to a real style id of the
//! style sheet built in [`styles`]:
//!
//! * `#`…`####` → `Heading1`…`Heading4` (outline levels 0–3, so they appear in the
//!   navigation pane; `#####`/`######` fall back to `Heading4`). A heading with class
//!   `{.title}` gets `Title`, with `{.subtitle}` gets `Subtitle`. A heading id
//!   (`{#p-afr-p1}`) becomes a bookmark, and internal links `[..](#p-afr-p1)` to a
//!   known id become internal hyperlinks to it; links to unknown ids stay plain text.
//! * Paragraphs use `Normal` (docDefaults: Calibri 11 pt, 6 pt after); **bold**,
//!   *italic*, ~~strike~~ are direct run formatting, `code` uses the `VerbatimChar`
//!   character style, external links are real hyperlinks with the `Hyperlink` style.
//! * Bullet and ordered lists (any nesting and mix) use `ListParagraph` and one
//!   `w:num` per list (ids from 2 up, each with a start override), so every list
//!   restarts at its own first number.
//! * GFM tables use the `ReportTable` table style (borders), `TableText` paragraphs,
//!   a bold shaded header row that repeats on each page, and fixed column widths
//!   computed from the cell texts to fill the text block of an A4 page.
//! * Block quotes use `Quote`; code blocks use `SourceCode`.
//! * **A thematic break (`---`) is rendered as a page break** (`w:br w:type="page"`),
//!   not as a horizontal rule: report templates use it to start a new page.
//! * Raw HTML (block or inline) is written as literal text, never interpreted.
//! * Characters that XML 1.0 forbids (U+0000–U+001F except tab/LF/CR, U+FFFE,
//!   U+FFFF) are dropped from all text so the file always opens.
//!
//! The page is A4 portrait with 2 cm side and 2.5 cm top/bottom margins, and a page
//! header holding the document symbol and a PAGE field. Output is deterministic:
//! paragraph ids, bookmark ids and hyperlink relationship ids are numbered per
//! document (docx-rs' own counters are process- or thread-global), and the
//! hyperlink relationships, which docx-rs collects through a `HashMap`, are sorted
//! (see [`package`]).

mod ooxml;
mod package;
mod paragraph;
mod styles;
mod table;
#[cfg(test)]
mod tests;

use std::collections::HashSet;

use docx_rs::{
    BreakType, Hyperlink, HyperlinkData, HyperlinkType, LineSpacing, Paragraph, Run, Table,
};
use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use super::DocumentInfo;
use paragraph::{add_pieces, bookmark_name, has_scheme, heading_number};
use table::TableBuilder;

/// Renders report Markdown as a complete .docx file.
pub fn to_docx(markdown: &str, info: &DocumentInfo) -> std::io::Result<Vec<u8>> {
    let mut writer = Writer::new(markdown);
    for event in Parser::new_ext(markdown, super::markdown_options()) {
        writer.event(event);
    }
    writer.flush();
    writer.finish(info)
}

/// Drops characters that are not allowed in XML 1.0 documents.
fn clean(text: &str) -> String {
    let allowed = |c: &char| {
        matches!(c, '\t' | '\n' | '\r')
            || ('\u{20}'..='\u{D7FF}').contains(c)
            || ('\u{E000}'..='\u{FFFD}').contains(c)
            || *c >= '\u{10000}'
    };
    text.chars().filter(allowed).collect()
}

enum Block {
    Paragraph(Box<Paragraph>),
    Table(Box<Table>),
}

enum Piece {
    Run(Box<Run>),
    Link(Box<Hyperlink>),
}

/// Block containers the current position is nested in.
enum Container {
    List {
        num_id: usize,
    },
    /// `fresh` until the item's first paragraph (which carries the number) is written.
    Item {
        fresh: bool,
    },
    Quote,
}

struct HeadingInfo {
    style: String,
    id: Option<String>,
}

struct Writer {
    anchors: HashSet<String>,
    blocks: Vec<Block>,
    /// (num id, abstract num id, level, start) of every list.
    numberings: Vec<(usize, usize, usize, usize)>,
    containers: Vec<Container>,
    pieces: Vec<Piece>,
    /// The hyperlink being filled, or `Some(None)` inside a link written as plain text.
    link: Option<Option<Hyperlink>>,
    bold: u32,
    italic: u32,
    strike: u32,
    heading: Option<HeadingInfo>,
    table: Option<TableBuilder>,
    /// Plain text of the current table cell, for column widths.
    cell_text: String,
    code: Option<String>,
    html: Option<String>,
    /// Extra space before the next body paragraph (after a table or a list).
    gap_before: u32,
    /// Inside a Markdown paragraph (in a list item: the list is loose).
    in_paragraph: bool,
    para_seq: u32,
    link_seq: usize,
    bookmark_seq: usize,
}

impl Writer {
    fn new(markdown: &str) -> Self {
        // Heading ids that internal links may point to.
        let anchors = Parser::new_ext(markdown, super::markdown_options())
            .filter_map(|e| match e {
                Event::Start(Tag::Heading { id: Some(id), .. }) => Some(clean(&id)),
                _ => None,
            })
            .collect();
        Writer {
            anchors,
            blocks: Vec::new(),
            numberings: Vec::new(),
            containers: Vec::new(),
            pieces: Vec::new(),
            link: None,
            bold: 0,
            italic: 0,
            strike: 0,
            heading: None,
            table: None,
            cell_text: String::new(),
            code: None,
            html: None,
            gap_before: 0,
            in_paragraph: false,
            para_seq: 0,
            link_seq: 0,
            bookmark_seq: 0,
        }
    }

    /// A new paragraph with a per-document paragraph id (docx-rs' own is thread-global).
    fn para(&mut self) -> Paragraph {
        self.para_seq += 1;
        Paragraph::new().id(format!("{:08X}", self.para_seq))
    }

    fn event(&mut self, event: Event) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(text) => {
                if let Some(code) = self.code.as_mut() {
                    code.push_str(&clean(&text).replace('\t', "    "));
                } else {
                    self.text(&text, false);
                }
            }
            Event::Code(text) => self.text(&text, true),
            Event::Html(text) => match self.html.as_mut() {
                Some(html) => html.push_str(&clean(&text)),
                None => self.text(&text, false),
            },
            Event::InlineHtml(text) | Event::InlineMath(text) | Event::DisplayMath(text) => {
                self.text(&text, false)
            }
            Event::FootnoteReference(text) => self.text(&format!("[{text}]"), false),
            Event::SoftBreak => self.text(" ", false),
            Event::HardBreak => self.push_run(Run::new().add_break(BreakType::TextWrapping)),
            Event::Rule => {
                self.flush();
                let p = self
                    .para()
                    .line_spacing(LineSpacing::new().before(0).after(0).line(24))
                    .size(2)
                    .add_run(Run::new().size(2).add_break(BreakType::Page));
                self.blocks.push(Block::Paragraph(Box::new(p)));
                self.gap_before = 0;
            }
            Event::TaskListMarker(done) => self.text(if done { "☒ " } else { "☐ " }, false),
        }
    }

    fn start(&mut self, tag: Tag) {
        match tag {
            Tag::Paragraph => {
                self.flush();
                self.in_paragraph = true;
            }
            Tag::Heading {
                level, id, classes, ..
            } => {
                self.flush();
                let style = if classes.iter().any(|c| &**c == "title") {
                    styles::TITLE.to_string()
                } else if classes.iter().any(|c| &**c == "subtitle") {
                    styles::SUBTITLE.to_string()
                } else {
                    styles::heading_style(heading_number(level))
                };
                self.heading = Some(HeadingInfo {
                    style,
                    id: id.map(|i| clean(&i)),
                });
            }
            Tag::BlockQuote(_) => {
                self.flush();
                self.containers.push(Container::Quote);
            }
            Tag::CodeBlock(_) => {
                self.flush();
                self.code = Some(String::new());
            }
            Tag::HtmlBlock => {
                self.flush();
                self.html = Some(String::new());
            }
            Tag::List(start) => {
                self.flush();
                // An item that opens directly with a sub-list still shows its number.
                if matches!(
                    self.containers.last(),
                    Some(Container::Item { fresh: true })
                ) {
                    self.emit_paragraph(None);
                }
                let level = self.list_depth();
                let num_id = self.numberings.len() + 2;
                let (abs, first) = match start {
                    Some(n) => (styles::ORDERED_ABSTRACT, n as usize),
                    None => (styles::BULLET_ABSTRACT, 1),
                };
                self.numberings.push((num_id, abs, level, first));
                self.containers.push(Container::List { num_id });
            }
            Tag::Item => {
                self.flush();
                self.containers.push(Container::Item { fresh: true });
            }
            Tag::Table(aligns) => {
                self.flush();
                self.table = Some(TableBuilder::new(aligns));
            }
            Tag::TableHead => {
                if let Some(t) = self.table.as_mut() {
                    t.start_row(true);
                }
                self.bold += 1;
            }
            Tag::TableRow => {
                if let Some(t) = self.table.as_mut() {
                    t.start_row(false);
                }
            }
            Tag::TableCell => {
                self.pieces.clear();
                self.cell_text.clear();
            }
            Tag::Emphasis => self.italic += 1,
            Tag::Strong => self.bold += 1,
            Tag::Strikethrough => self.strike += 1,
            Tag::Link { dest_url, .. } => {
                let dest = clean(&dest_url);
                let link = if let Some(anchor) = dest.strip_prefix('#') {
                    self.anchors
                        .contains(anchor)
                        .then(|| Hyperlink::new(bookmark_name(anchor), HyperlinkType::Anchor))
                } else if has_scheme(&dest) {
                    self.link_seq += 1;
                    let mut h = Hyperlink::new(dest, HyperlinkType::External);
                    if let HyperlinkData::External { rid, .. } = &mut h.link {
                        *rid = format!("rIdHyperlink{}", self.link_seq);
                    }
                    Some(h)
                } else {
                    None
                };
                self.link = Some(link);
            }
            Tag::Image { .. } => self.italic += 1,
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph => {
                self.flush();
                self.in_paragraph = false;
            }
            TagEnd::Heading(_) => {
                let heading = self.heading.take();
                self.emit_paragraph(heading);
            }
            TagEnd::BlockQuote(_) => {
                self.flush();
                self.containers.pop();
            }
            TagEnd::CodeBlock => {
                let code = self.code.take().unwrap_or_default();
                let mut p = self.para().style(styles::SOURCE_CODE);
                for (i, line) in code.trim_end_matches('\n').split('\n').enumerate() {
                    let mut run = Run::new();
                    if i > 0 {
                        run = run.add_break(BreakType::TextWrapping);
                    }
                    p = p.add_run(run.add_text(line));
                }
                self.blocks.push(Block::Paragraph(Box::new(p)));
                self.gap_before = 0;
            }
            TagEnd::HtmlBlock => {
                let html = self.html.take().unwrap_or_default();
                for (i, line) in html.trim_end_matches('\n').split('\n').enumerate() {
                    if i > 0 {
                        self.push_run(Run::new().add_break(BreakType::TextWrapping));
                    }
                    self.push_run(Run::new().add_text(line));
                }
                self.flush();
            }
            TagEnd::List(_) => {
                self.flush();
                self.containers.pop();
                if self.list_depth() == 0 {
                    self.gap_before = 120;
                }
            }
            TagEnd::Item => {
                self.flush();
                self.containers.pop();
            }
            TagEnd::TableHead => {
                self.bold = self.bold.saturating_sub(1);
            }
            TagEnd::TableCell => {
                let pieces = std::mem::take(&mut self.pieces);
                let text = std::mem::take(&mut self.cell_text);
                let p = self.para().style(styles::TABLE_TEXT);
                let p = add_pieces(p, pieces);
                if let Some(t) = self.table.as_mut() {
                    t.add_cell(p, text);
                }
            }
            TagEnd::Table => {
                if let Some(t) = self.table.take() {
                    // The paragraph that introduces a table stays on the table's page.
                    if let Some(Block::Paragraph(p)) = self.blocks.last_mut() {
                        let keep = std::mem::take(p.as_mut()).keep_next(true);
                        **p = keep;
                    }
                    let table = t.finish(|| self.para());
                    self.blocks.push(Block::Table(Box::new(table)));
                    self.gap_before = 160;
                }
            }
            TagEnd::Emphasis => self.italic = self.italic.saturating_sub(1),
            TagEnd::Strong => self.bold = self.bold.saturating_sub(1),
            TagEnd::Strikethrough => self.strike = self.strike.saturating_sub(1),
            TagEnd::Link => {
                if let Some(Some(h)) = self.link.take() {
                    self.pieces.push(Piece::Link(Box::new(h)));
                }
            }
            TagEnd::Image => self.italic = self.italic.saturating_sub(1),
            _ => {}
        }
    }
}
