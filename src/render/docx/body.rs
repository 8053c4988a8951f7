//! Markdown events → the body of `word/document.xml`: each block becomes a value (a
//! paragraph with its properties and runs, or a table) handed to the [`Stream`], which
//! decides what it keeps with the next block and writes it once.

use super::nesting::Nesting;
use super::outline::{Heading, outside_outline};
use super::para::{Paragraph, Props};
use super::runs::{Format, Runs};
use super::sections::Sections;
use super::state::{Env, Links, Lists, State};
use super::stream::{Block, Stream};
use super::styles;
use super::table::{Align, TableBuilder};
use crate::model::markdown_options;
use crate::render::critic;
use pulldown_cmark::{Alignment, Event, Parser, Tag, TagEnd};
use std::fmt::Write;

pub use super::stream::{PIECE, Sink};

/// What the writer produced besides the body XML it sent.
pub struct Body {
    /// Paragraphs and tables of every section, those not yet handed to the sink; sections
    /// but the last end in a paragraph holding their `w:sectPr`.
    pub xml: String,
    /// The last section's `w:sectPr`, which closes the body.
    pub section: String,
    /// Numbering instances: (num id, abstract id, level, start).
    pub lists: Lists,
    /// External hyperlinks: (relationship id, URL).
    pub links: Links,
}

/// The heading being read.
struct HeadingState {
    level: usize,
    classes: Vec<String>,
    region: Option<String>,
}

/// Turns Markdown events into blocks.
struct Writer<'a> {
    env: Env<'a>,
    state: State,
    stream: Stream<'a>,
    sections: Sections,
    nesting: Nesting,
    /// Runs of the paragraph, heading or table cell being built.
    runs: Runs,
    heading: Option<HeadingState>,
    table: Option<TableBuilder>,
    code: Option<String>,
    html: Option<String>,
    /// Extra space before the next body paragraph (after a table or a list).
    gap_before: u32,
    /// Inside a Markdown paragraph (in a list item: the list is loose).
    in_paragraph: bool,
    /// After the contents heading: its Markdown list is replaced by the TOC field.
    skipping_contents: bool,
}

/// Writes the body of a document, handing it to `sink` in pieces of about `piece` bytes
/// ([`PIECE`]; tests send one after every event); what is left comes back in [`Body::xml`].
pub fn write<'a>(
    markdown: &str,
    env: Env<'a>,
    sink: Sink<'a>,
    piece: usize,
) -> std::io::Result<Body> {
    let rtl = env.writing.rtl();
    let mut w = Writer {
        sections: Sections::new(env.geometry),
        env,
        state: State::default(),
        stream: Stream::new(sink, piece, (markdown.len() * 3).min(2 * PIECE)).right_to_left(rtl),
        nesting: Nesting::default(),
        runs: Runs::default(),
        heading: None,
        table: None,
        code: None,
        html: None,
        gap_before: 0,
        in_paragraph: false,
        skipping_contents: false,
    };
    for section in critic::marked_sections(markdown) {
        for event in Parser::new_ext(&section, markdown_options()) {
            w.stream.send();
            w.event(event);
        }
    }
    w.flush();
    let xml = w.stream.finish()?;
    let (lists, links) = w.state.finish();
    Ok(Body {
        xml,
        section: w.sections.last(),
        lists,
        links,
    })
}

impl Writer<'_> {
    fn event(&mut self, event: Event) {
        if self.skipping_contents {
            match event {
                Event::Start(Tag::Heading { .. }) => self.skipping_contents = false,
                // A page break after the contents is kept.
                Event::Rule => {}
                _ => return,
            }
        }
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(text) => {
                if let Some(code) = self.code.as_mut() {
                    code.push_str(&text.replace('\t', "    "));
                } else {
                    self.text(&text, false);
                }
            }
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
            Event::HardBreak => self.runs.line_break(&self.env, &mut self.state),
            Event::Rule => {
                self.flush();
                // The break's line is 1.2 pt high, exactly: it takes no room of its own.
                let props = Props {
                    before: Some(0),
                    after: Some(0),
                    exact_line: Some(24),
                    ..Props::default()
                };
                let page_break = r#"<w:r><w:br w:type="page"/></w:r>"#.to_string();
                self.block(Block::Paragraph(Paragraph::fixed(props, page_break)));
                self.gap_before = 0;
            }
            Event::TaskListMarker(done) => self.text(if done { "☒ " } else { "☐ " }, false),
        }
    }

    /// Adds text to the runs being built.
    fn text(&mut self, text: &str, code: bool) {
        let top = self.in_paragraph && self.nesting.is_empty();
        self.runs.text(text, code, top, &self.env, &mut self.state);
    }

    /// Hands a block to the stream.
    fn block(&mut self, block: Block) {
        self.stream.push(block);
    }

    fn start(&mut self, tag: Tag) {
        match tag {
            Tag::Paragraph => {
                self.flush();
                self.in_paragraph = true;
                self.runs.start_paragraph();
            }
            Tag::Heading {
                level,
                classes,
                attrs,
                ..
            } => {
                self.flush();
                let level = level as usize;
                let classes: Vec<String> = classes.iter().map(|c| c.to_string()).collect();
                let landscape = classes.iter().any(|c| c == "landscape");
                for end in self.sections.at_heading(level, landscape) {
                    self.block(Block::Paragraph(end));
                }
                let region = attrs
                    .iter()
                    .find(|(k, _)| k.as_ref() == "data-region")
                    .and_then(|(_, v)| v.as_ref().map(|v| v.to_string()));
                self.state.heading(level, region.as_deref());
                self.heading = Some(HeadingState {
                    level,
                    classes,
                    region,
                });
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
            Tag::List(start) => {
                self.flush();
                // An item that opens directly with a sub-list still shows its number.
                if self.nesting.item_unnumbered() {
                    self.paragraph();
                }
                let num_id = self.state.list(start, self.nesting.list_depth());
                self.nesting.open_list(num_id);
            }
            Tag::Item => {
                self.flush();
                self.nesting.open_item();
            }
            Tag::Table(aligns) => {
                self.flush();
                let aligns = aligns
                    .iter()
                    .map(|a| match a {
                        Alignment::Center => Align::Center,
                        Alignment::Right => Align::Right,
                        _ => Align::Left,
                    })
                    .collect();
                self.table = Some(TableBuilder::new(aligns, self.env.writing.rtl()));
            }
            Tag::TableHead => {
                if let Some(t) = self.table.as_mut() {
                    t.start_row(true);
                }
                self.runs.format(Format::Bold, true);
            }
            Tag::TableRow => {
                if let Some(t) = self.table.as_mut() {
                    t.start_row(false);
                }
            }
            Tag::TableCell => self.runs.start_cell(),
            Tag::Emphasis | Tag::Image { .. } => self.runs.format(Format::Italic, true),
            Tag::Strong => self.runs.format(Format::Bold, true),
            Tag::Strikethrough => self.runs.format(Format::Strike, true),
            Tag::Link { dest_url, .. } => {
                self.runs.open_link(&dest_url, &self.env, &mut self.state)
            }
            _ => {}
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
                let mut content = String::new();
                for (i, line) in code.trim_end_matches('\n').split('\n').enumerate() {
                    if i > 0 {
                        content.push_str("<w:r><w:br/></w:r>");
                    }
                    let _ = write!(
                        content,
                        r#"<w:r><w:t xml:space="preserve">{}</w:t></w:r>"#,
                        super::xml::esc(line)
                    );
                }
                let props = Props::styled(styles::SOURCE_CODE);
                self.block(Block::Paragraph(Paragraph::fixed(props, content)));
                self.gap_before = 0;
            }
            TagEnd::HtmlBlock => {
                let html = self.html.take().unwrap_or_default();
                for (i, line) in html.trim_end_matches('\n').split('\n').enumerate() {
                    if i > 0 {
                        self.runs.line_break(&self.env, &mut self.state);
                    }
                    self.text(line, false);
                }
                self.flush();
            }
            TagEnd::List(_) => {
                self.flush();
                self.nesting.close();
                if self.nesting.list_depth() == 0 {
                    self.gap_before = 120;
                }
            }
            TagEnd::TableHead => self.runs.format(Format::Bold, false),
            TagEnd::TableCell => {
                let (runs, text) = self.runs.end_cell();
                if let Some(t) = self.table.as_mut() {
                    t.add_cell(runs, text);
                }
            }
            TagEnd::Table => {
                if let Some(t) = self.table.take() {
                    let width = self.sections.current().text_width();
                    self.block(Block::Table(t.finish(width)));
                    self.gap_before = 160;
                }
            }
            TagEnd::Emphasis | TagEnd::Image => self.runs.format(Format::Italic, false),
            TagEnd::Strong => self.runs.format(Format::Bold, false),
            TagEnd::Strikethrough => self.runs.format(Format::Strike, false),
            TagEnd::Link => self.runs.close_link(),
            _ => {}
        }
    }

    /// Writes a heading: a cover line, the title, the table of contents, or an outline
    /// heading with its bookmark.
    fn end_heading(&mut self) {
        let Some(h) = self.heading.take() else {
            return;
        };
        let entry: Option<&Heading> = self.env.outline.headings.get(self.state.next_heading());
        let has = |class: &str| h.classes.iter().any(|c| c == class);
        let (runs, _) = self.runs.take();
        if has("toc") {
            for p in self.env.outline.contents(runs, self.env.writing) {
                self.block(Block::Paragraph(p));
            }
            self.gap_before = 120;
            self.skipping_contents = true;
            return;
        }
        let style = if has("title") {
            styles::TITLE.to_string()
        } else if has("subtitle") {
            styles::SUBTITLE.to_string()
        } else if has("cover") {
            styles::COVER.to_string()
        } else {
            styles::heading(h.level)
        };
        let bookmark = entry
            .filter(|_| !outside_outline(&h.classes) || h.region.is_some())
            .map(|e| e.bookmark.as_str());
        let content = match bookmark {
            Some(name) => {
                let id = self.state.bookmark();
                format!(
                    r#"<w:bookmarkStart w:id="{id}" w:name="{name}"/>{runs}<w:bookmarkEnd w:id="{id}"/>"#
                )
            }
            None => runs,
        };
        let heading = Paragraph::fixed(Props::styled(&style), content);
        self.block(Block::Paragraph(heading));
        self.gap_before = 0;
    }

    /// Writes pending inline content (if any) as a paragraph of the current context.
    fn flush(&mut self) {
        if self.table.is_none() && self.heading.is_none() && !self.runs.is_empty() {
            self.paragraph();
        }
    }

    /// Writes the pending runs as a paragraph of the current context (list item, quote,
    /// caption, note, source or body text).
    fn paragraph(&mut self) {
        let (runs, kind) = self.runs.take();
        let (mut props, role) = self.nesting.paragraph(self.in_paragraph, kind);
        let gap = std::mem::take(&mut self.gap_before);
        if gap > 0 {
            props.before = Some(gap);
        }
        self.block(Block::Paragraph(Paragraph::new(props, role, runs)));
    }
}
