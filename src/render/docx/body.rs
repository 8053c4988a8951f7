//! Markdown events → the body of `word/document.xml`: paragraphs, lists, tables, sections.

use super::fields;
use super::outline::{Heading, Outline, outside_outline};
use super::parts;
use super::styles::{self, Geometry};
use super::table::{Align, TableBuilder};
use crate::render::critic::Change;
use crate::render::{ParagraphKind, markdown_options};
use pulldown_cmark::{Alignment, Event, Parser, Tag, TagEnd};
use std::fmt::Write;

/// What the writer produced besides the body XML.
pub struct Body {
    /// Paragraphs and tables of every section, those not yet handed to the sink; sections
    /// but the last end in a paragraph holding their `w:sectPr`.
    pub xml: String,
    /// Page setup of the last section (its `w:sectPr` closes the body).
    pub last_geometry: Geometry,
    /// Whether the last section is also the first (it then carries the cover's `titlePg`).
    pub single_section: bool,
    /// Numbering instances: (num id, abstract id, level, start).
    pub lists: Vec<(usize, usize, usize, usize)>,
    /// External hyperlinks: (relationship id, URL).
    pub links: Vec<(String, String)>,
}

/// Block containers the current position is nested in.
pub(super) enum Container {
    List {
        num_id: usize,
    },
    /// `fresh` until the item's first paragraph (which carries the number) is written.
    Item {
        fresh: bool,
    },
    Quote,
}

/// Paragraph properties, written in schema order.
#[derive(Default)]
pub(super) struct Para {
    pub style: Option<String>,
    pub keep_next: bool,
    /// (level, num id) of a list item's first paragraph.
    pub number: Option<(usize, usize)>,
    pub before: Option<u32>,
    pub after: Option<u32>,
    /// (left, hanging, right) indents.
    pub indent: Option<(u32, Option<u32>, Option<u32>)>,
    pub section: Option<String>,
}

impl Para {
    pub fn styled(style: &str) -> Para {
        Para {
            style: Some(style.to_string()),
            ..Para::default()
        }
    }

    fn write(&self, out: &mut String) {
        let mut ppr = String::new();
        if let Some(s) = &self.style {
            let _ = write!(ppr, r#"<w:pStyle w:val="{s}"/>"#);
        }
        if self.keep_next {
            ppr.push_str("<w:keepNext/>");
        }
        if let Some((level, num)) = self.number {
            let _ = write!(
                ppr,
                r#"<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num}"/></w:numPr>"#
            );
        }
        if self.before.is_some() || self.after.is_some() {
            ppr.push_str("<w:spacing");
            if let Some(b) = self.before {
                let _ = write!(ppr, r#" w:before="{b}""#);
            }
            if let Some(a) = self.after {
                let _ = write!(ppr, r#" w:after="{a}""#);
            }
            ppr.push_str("/>");
        }
        if let Some((left, hanging, right)) = self.indent {
            let _ = write!(ppr, r#"<w:ind w:left="{left}""#);
            if let Some(r) = right {
                let _ = write!(ppr, r#" w:right="{r}""#);
            }
            if let Some(h) = hanging {
                let _ = write!(ppr, r#" w:hanging="{h}""#);
            }
            ppr.push_str("/>");
        }
        if let Some(s) = &self.section {
            ppr.push_str(s);
        }
        if ppr.is_empty() {
            out.push_str("<w:p>");
        } else {
            let _ = write!(out, "<w:p><w:pPr>{ppr}</w:pPr>");
        }
    }
}

/// A section's `w:sectPr`: headers and footers (an empty first-page pair on the cover's
/// section), page size and margins.
pub fn section_properties(geometry: Geometry, title_page: bool) -> String {
    // A landscape page has its own header: the page number at its wider right margin.
    let header = if geometry.width > geometry.height {
        parts::HEADER_LANDSCAPE
    } else {
        parts::HEADER_DEFAULT
    };
    let mut out = format!(r#"<w:sectPr><w:headerReference w:type="default" r:id="{header}"/>"#);
    if title_page {
        let _ = write!(
            out,
            r#"<w:headerReference w:type="first" r:id="{}"/>"#,
            parts::HEADER_FIRST
        );
    }
    let _ = write!(
        out,
        r#"<w:footerReference w:type="default" r:id="{}"/>"#,
        parts::FOOTER_DEFAULT
    );
    if title_page {
        let _ = write!(
            out,
            r#"<w:footerReference w:type="first" r:id="{}"/>"#,
            parts::FOOTER_FIRST
        );
    }
    geometry.xml(&mut out);
    out.push_str(r#"<w:cols w:space="720"/>"#);
    if title_page {
        out.push_str("<w:titlePg/>");
    }
    out.push_str(r#"<w:docGrid w:linePitch="360"/></w:sectPr>"#);
    out
}

/// The heading being read.
pub(super) struct HeadingState {
    pub level: usize,
    pub classes: Vec<String>,
    pub region: Option<String>,
}

pub(super) struct Writer<'a> {
    /// The body XML not yet handed to `sink`.
    pub out: String,
    /// Where the body goes in pieces of about `piece` bytes, and how many it took.
    sink: Sink<'a>,
    piece: usize,
    sent: usize,
    /// The first error of `sink`; nothing more is sent after it.
    failed: Option<std::io::Error>,
    pub outline: &'a Outline,
    /// The document's page setup, and the landscape section in force (opened by a heading
    /// of this level).
    geometry: Geometry,
    landscape: Option<usize>,
    /// No section has been closed yet (the first carries the cover page's settings).
    first_section: bool,
    pub lists: Vec<(usize, usize, usize, usize)>,
    pub links: Vec<(String, String)>,
    pub containers: Vec<Container>,
    /// Runs of the paragraph being built, and of the hyperlink inside it.
    pub runs: String,
    pub link: Option<(String, String)>,
    pub bold: u32,
    pub italic: u32,
    pub strike: u32,
    /// Tracked change in force, its authors by heading level, its date.
    pub change: Option<Change>,
    pub authors: Vec<(usize, String)>,
    pub stamp: String,
    pub heading: Option<HeadingState>,
    /// Index into the outline of the next heading.
    next_heading: usize,
    pub table: Option<TableBuilder>,
    pub cell_text: String,
    code: Option<String>,
    html: Option<String>,
    /// Extra space before the next body paragraph (after a table or a list).
    gap_before: u32,
    /// Inside a Markdown paragraph (in a list item: the list is loose).
    pub in_paragraph: bool,
    /// The paragraph's style, from how it starts (caption, note, source).
    pub kind: Option<ParagraphKind>,
    /// Nothing written in the current paragraph yet.
    pub paragraph_empty: bool,
    /// After the contents heading: its Markdown list is replaced by the TOC field.
    skipping_contents: bool,
    /// Where the last two body paragraphs start and end in `out`.
    last_paragraphs: [Option<(usize, usize)>; 2],
    pub seq: Sequences,
    /// The caption's words around its number, from the message catalogue ("Table ", " – ").
    pub caption: (String, String),
}

/// Per-document counters: ids Word requires to be unique, and caption numbers.
#[derive(Default)]
pub(super) struct Sequences {
    pub bookmark: usize,
    pub link: usize,
    pub revision: usize,
    pub table: usize,
}

/// Where the body's XML goes while it is written (the package's document part).
pub type Sink<'a> = &'a mut dyn FnMut(&str) -> std::io::Result<()>;

/// How much body XML is held before it goes to the sink (a large report's body is
/// hundreds of megabytes).
pub const PIECE: usize = 1 << 20;

/// What stays held after a piece is sent: enough for the checks on how the body ends.
const TAIL: usize = 64;

/// Writes the body of a document, handing it to `sink` in pieces of about `piece` bytes
/// ([`PIECE`]; tests send one after every event); what is left comes back in [`Body::xml`].
pub fn write<'a>(
    markdown: &str,
    outline: &'a Outline,
    geometry: Geometry,
    stamp: &str,
    language: &str,
    sink: Sink<'a>,
    piece: usize,
) -> std::io::Result<Body> {
    let mut w = Writer {
        out: String::with_capacity((markdown.len() * 3).min(2 * PIECE)),
        sink,
        piece,
        sent: 0,
        failed: None,
        outline,
        geometry,
        landscape: None,
        first_section: true,
        lists: Vec::new(),
        links: Vec::new(),
        containers: Vec::new(),
        runs: String::new(),
        link: None,
        bold: 0,
        italic: 0,
        strike: 0,
        change: None,
        authors: Vec::new(),
        stamp: stamp.to_string(),
        heading: None,
        next_heading: 0,
        table: None,
        cell_text: String::new(),
        code: None,
        html: None,
        gap_before: 0,
        in_paragraph: false,
        kind: None,
        paragraph_empty: true,
        skipping_contents: false,
        last_paragraphs: [None, None],
        seq: Sequences::default(),
        caption: crate::render::caption_words(language),
    };
    for event in Parser::new_ext(markdown, markdown_options()) {
        w.event(event);
    }
    w.flush();
    if let Some(e) = w.failed {
        return Err(e);
    }
    // Word expects a paragraph at the end of the body (and in an empty one).
    if (w.sent == 0 && w.out.is_empty())
        || w.out.ends_with("</w:tbl>")
        || w.out.ends_with("</w:sectPr></w:pPr></w:p>")
    {
        w.out.push_str("<w:p/>");
    }
    Ok(Body {
        last_geometry: w.current_geometry(),
        single_section: w.first_section,
        xml: w.out,
        lists: w.lists,
        links: w.links,
    })
}

impl Writer<'_> {
    fn current_geometry(&self) -> Geometry {
        if self.landscape.is_some() {
            self.geometry.landscape()
        } else {
            self.geometry
        }
    }

    /// Ends the current section with an empty paragraph holding its properties.
    fn close_section(&mut self) {
        self.flush();
        let props = section_properties(self.current_geometry(), self.first_section);
        self.first_section = false;
        Para {
            section: Some(props),
            ..Para::default()
        }
        .write(&mut self.out);
        self.out.push_str("</w:p>");
    }

    /// Hands the held XML to the sink once there is a piece of it, but for the last two
    /// paragraphs (which [`Writer::keep_with_next`] may still change) and a short tail.
    fn send(&mut self) {
        if self.out.len() < self.piece.max(TAIL) {
            return;
        }
        let kept = self
            .last_paragraphs
            .iter()
            .flatten()
            .map(|(start, _)| *start);
        let mut cut = kept.fold(self.out.len() - TAIL, usize::min);
        while !self.out.is_char_boundary(cut) {
            cut -= 1;
        }
        if self.failed.is_none()
            && let Err(e) = (self.sink)(&self.out[..cut])
        {
            self.failed = Some(e);
        }
        self.out.drain(..cut);
        self.sent += cut;
        for (start, end) in self.last_paragraphs.iter_mut().flatten() {
            *start -= cut;
            *end -= cut;
        }
    }

    fn event(&mut self, event: Event) {
        self.send();
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
            Event::HardBreak => self.push_run("<w:br/>", false),
            Event::Rule => {
                self.flush();
                self.out.push_str(
                    r#"<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="24" w:lineRule="exact"/></w:pPr><w:r><w:br w:type="page"/></w:r></w:p>"#,
                );
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
                self.paragraph_empty = true;
                self.kind = None;
            }
            Tag::Heading {
                level,
                classes,
                attrs,
                ..
            } => {
                self.flush();
                let level = level as usize;
                if self.landscape.is_some_and(|l| level <= l) {
                    self.close_section();
                    self.landscape = None;
                }
                let classes: Vec<String> = classes.iter().map(|c| c.to_string()).collect();
                if classes.iter().any(|c| c == "landscape") && self.landscape.is_none() {
                    self.close_section();
                    self.landscape = Some(level);
                }
                self.authors.retain(|(l, _)| *l < level);
                let region = attrs
                    .iter()
                    .find(|(k, _)| k.as_ref() == "data-region")
                    .and_then(|(_, v)| v.as_ref().map(|v| v.to_string()));
                if let Some(r) = &region {
                    self.authors.push((level, r.clone()));
                }
                self.heading = Some(HeadingState {
                    level,
                    classes,
                    region,
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
                    self.emit_paragraph();
                }
                let level = self.list_depth();
                let num_id = self.lists.len() + 1;
                let (abs, first) = match start {
                    Some(n) => (styles::ORDERED_ABSTRACT, n as usize),
                    None => (styles::BULLET_ABSTRACT, 1),
                };
                self.lists.push((num_id, abs, level, first));
                self.containers.push(Container::List { num_id });
            }
            Tag::Item => {
                self.flush();
                self.containers.push(Container::Item { fresh: true });
            }
            Tag::Table(aligns) => {
                self.flush();
                self.keep_with_next();
                let aligns = aligns
                    .iter()
                    .map(|a| match a {
                        Alignment::Center => Align::Center,
                        Alignment::Right => Align::Right,
                        _ => Align::Left,
                    })
                    .collect();
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
                self.runs.clear();
                self.cell_text.clear();
            }
            Tag::Emphasis => self.italic += 1,
            Tag::Strong => self.bold += 1,
            Tag::Strikethrough => self.strike += 1,
            Tag::Link { dest_url, .. } => self.open_link(&dest_url),
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
            TagEnd::Heading(_) => self.end_heading(),
            TagEnd::BlockQuote(_) => {
                self.flush();
                self.containers.pop();
            }
            TagEnd::CodeBlock => {
                let code = self.code.take().unwrap_or_default();
                Para::styled(styles::SOURCE_CODE).write(&mut self.out);
                for (i, line) in code.trim_end_matches('\n').split('\n').enumerate() {
                    if i > 0 {
                        self.out.push_str("<w:r><w:br/></w:r>");
                    }
                    let _ = write!(
                        self.out,
                        r#"<w:r><w:t xml:space="preserve">{}</w:t></w:r>"#,
                        super::xml::esc(line)
                    );
                }
                self.out.push_str("</w:p>");
                self.gap_before = 0;
            }
            TagEnd::HtmlBlock => {
                let html = self.html.take().unwrap_or_default();
                for (i, line) in html.trim_end_matches('\n').split('\n').enumerate() {
                    if i > 0 {
                        self.push_run("<w:br/>", false);
                    }
                    self.text(line, false);
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
            TagEnd::TableHead => self.bold = self.bold.saturating_sub(1),
            TagEnd::TableCell => {
                let runs = std::mem::take(&mut self.runs);
                let text = std::mem::take(&mut self.cell_text);
                if let Some(t) = self.table.as_mut() {
                    t.add_cell(runs, text);
                }
            }
            TagEnd::Table => {
                if let Some(t) = self.table.take() {
                    let width = self.current_geometry().text_width();
                    self.out.push_str(&t.finish(width));
                    self.gap_before = 160;
                }
            }
            TagEnd::Emphasis => self.italic = self.italic.saturating_sub(1),
            TagEnd::Strong => self.bold = self.bold.saturating_sub(1),
            TagEnd::Strikethrough => self.strike = self.strike.saturating_sub(1),
            TagEnd::Link => self.close_link(),
            TagEnd::Image => self.italic = self.italic.saturating_sub(1),
            _ => {}
        }
    }

    /// Writes a heading: a cover line, the title, the table of contents, or an outline
    /// heading with its bookmark.
    fn end_heading(&mut self) {
        let Some(h) = self.heading.take() else {
            return;
        };
        let entry: Option<Heading> = self.outline.headings.get(self.next_heading).cloned();
        self.next_heading += 1;
        let has = |class: &str| h.classes.iter().any(|c| c == class);
        if has("toc") {
            let runs = std::mem::take(&mut self.runs);
            self.contents(&runs);
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
        let runs = std::mem::take(&mut self.runs);
        Para::styled(&style).write(&mut self.out);
        let bookmark = entry
            .filter(|_| !outside_outline(&h.classes) || h.region.is_some())
            .map(|e| e.bookmark);
        match bookmark {
            Some(name) => {
                self.seq.bookmark += 1;
                let id = self.seq.bookmark;
                let _ = write!(
                    self.out,
                    r#"<w:bookmarkStart w:id="{id}" w:name="{name}"/>{runs}<w:bookmarkEnd w:id="{id}"/></w:p>"#
                );
            }
            None => {
                self.out.push_str(&runs);
                self.out.push_str("</w:p>");
            }
        }
        self.gap_before = 0;
    }

    /// The table of contents: its heading, then a TOC field filled with the outline's
    /// entries (hyperlinks to the headings, page numbers as PAGEREF fields), marked dirty so
    /// that Word recomputes the page numbers when it opens the document.
    fn contents(&mut self, heading_runs: &str) {
        let _ = write!(
            self.out,
            r#"<w:p><w:pPr><w:pStyle w:val="{}"/></w:pPr>{heading_runs}</w:p>"#,
            styles::TOC_HEADING
        );
        let entries: Vec<&Heading> = self.outline.headings.iter().filter(|h| h.in_toc).collect();
        let instruction = format!(r#"TOC \o "1-{}" \h \z \u"#, super::outline::TOC_DEPTH);
        if entries.is_empty() {
            self.out.push_str("<w:p>");
            fields::begin(&mut self.out, &instruction, true);
            fields::end(&mut self.out);
            self.out.push_str("</w:p>");
            return;
        }
        for (n, entry) in entries.iter().enumerate() {
            Para::styled(&styles::toc(entry.level)).write(&mut self.out);
            if n == 0 {
                fields::begin(&mut self.out, &instruction, true);
            }
            let _ = write!(
                self.out,
                r#"<w:hyperlink w:anchor="{}" w:history="1"><w:r><w:t xml:space="preserve">{}</w:t></w:r><w:r><w:tab/></w:r>"#,
                entry.bookmark,
                super::xml::esc(&entry.text)
            );
            fields::simple(
                &mut self.out,
                &format!(r"PAGEREF {} \h", entry.bookmark),
                &entry.page.to_string(),
            );
            self.out.push_str("</w:hyperlink>");
            if n + 1 == entries.len() {
                fields::end(&mut self.out);
            }
            self.out.push_str("</w:p>");
        }
        self.gap_before = 120;
    }

    pub(super) fn list_depth(&self) -> usize {
        self.containers
            .iter()
            .filter(|c| matches!(c, Container::List { .. }))
            .count()
    }

    /// Writes pending inline content (if any) as a paragraph of the current context.
    pub(super) fn flush(&mut self) {
        if self.table.is_none() && self.heading.is_none() && !self.runs.is_empty() {
            self.emit_paragraph();
        }
    }

    /// Writes the pending runs as a paragraph of the current context (list item, quote,
    /// caption, note, source or body text).
    pub(super) fn emit_paragraph(&mut self) {
        let runs = std::mem::take(&mut self.runs);
        let mut para = Para::default();
        let depth = self.list_depth();
        let list_indent = depth.checked_sub(1).map_or(0, styles::list_indent);
        let innermost_list = self
            .containers
            .iter()
            .rposition(|c| matches!(c, Container::List { .. }));
        let quotes_outside = self.containers[..innermost_list.unwrap_or(0)]
            .iter()
            .filter(|c| matches!(c, Container::Quote))
            .count() as u32;
        let quotes = self
            .containers
            .iter()
            .filter(|c| matches!(c, Container::Quote))
            .count() as u32;
        let num_id = self.containers.iter().rev().find_map(|c| match c {
            Container::List { num_id } => Some(*num_id),
            _ => None,
        });
        let in_paragraph = self.in_paragraph;
        let innermost = self
            .containers
            .iter_mut()
            .rev()
            .find(|c| matches!(c, Container::Item { .. } | Container::Quote));
        match innermost {
            Some(Container::Item { fresh }) => {
                para.style = Some(styles::LIST_PARAGRAPH.into());
                // A list inside a block quote moves right with the quote.
                let shift = 567 * quotes_outside;
                if std::mem::replace(fresh, false) {
                    para.number = Some((depth - 1, num_id.unwrap_or(1)));
                    if shift > 0 {
                        para.indent = Some((list_indent + shift, Some(360), None));
                    }
                } else {
                    para.indent = Some((list_indent + shift, None, None));
                }
                // Items of a loose list (with paragraphs) are spaced like paragraphs.
                if in_paragraph {
                    para.after = Some(120);
                }
            }
            Some(_) => {
                para.style = Some(styles::QUOTE.into());
                para.indent = Some((567 * quotes + list_indent, None, Some(567)));
            }
            None => match self.kind {
                Some(ParagraphKind::Caption) => {
                    para.style = Some(styles::CAPTION.into());
                    para.keep_next = true;
                }
                Some(ParagraphKind::Note) => para.style = Some(styles::NOTE.into()),
                Some(ParagraphKind::Source) => para.style = Some(styles::SOURCE.into()),
                None => {}
            },
        }
        let gap = std::mem::take(&mut self.gap_before);
        if gap > 0 {
            para.before = Some(gap);
        }
        let start = self.out.len();
        para.write(&mut self.out);
        self.out.push_str(&runs);
        self.out.push_str("</w:p>");
        self.kind = None;
        self.last_paragraphs = [self.last_paragraphs[1], Some((start, self.out.len()))];
    }

    /// The paragraph just written stays on the page of what follows (a table it introduces),
    /// and so does the one before it when the first is a caption.
    fn keep_with_next(&mut self) {
        let [before, last] = self.last_paragraphs;
        let Some((start, end)) = last.filter(|(_, end)| *end == self.out.len()) else {
            return;
        };
        let caption = format!(r#"<w:pStyle w:val="{}"/>"#, styles::CAPTION);
        if self.out[start..end].contains(&caption)
            && let Some((before, _)) = before.filter(|(_, e)| *e == start)
        {
            let shift = self.keep_paragraph_with_next(before);
            self.keep_paragraph_with_next(start + shift);
        } else {
            self.keep_paragraph_with_next(start);
        }
    }

    /// Adds `w:keepNext` to the paragraph starting at `start`; returns the bytes added.
    fn keep_paragraph_with_next(&mut self, start: usize) -> usize {
        let before = self.out.len();
        let end = start + self.out[start..].find("</w:p>").unwrap_or(0);
        let paragraph = &self.out[start..end];
        if paragraph.contains("<w:keepNext/>") {
            return 0;
        }
        if let Some(rest) = paragraph.strip_prefix("<w:p><w:pPr>") {
            // After the style, which comes first in w:pPr.
            let style = if rest.starts_with("<w:pStyle ") {
                rest.find("/>").map_or(0, |i| i + 2)
            } else {
                0
            };
            self.out
                .insert_str(start + "<w:p><w:pPr>".len() + style, "<w:keepNext/>");
        } else if paragraph.starts_with("<w:p>") {
            self.out
                .insert_str(start + "<w:p>".len(), "<w:pPr><w:keepNext/></w:pPr>");
        }
        self.out.len() - before
    }
}
