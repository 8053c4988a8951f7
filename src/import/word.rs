//! A Word document's body as paragraphs and tables of formatted text: runs joined, tracked
//! changes and moves kept with their authors, fields' results kept (a contents field and page
//! numbers dropped), comments dropped, footnotes and hyperlinks kept.

use super::styles::{Styles, on};
use super::xml::Element;
use std::collections::{BTreeSet, HashMap};

/// A block of the body.
#[derive(Debug, Clone)]
pub enum Block {
    Para(Para),
    /// Rows of cells, each cell its paragraphs.
    Table(Vec<Vec<Vec<Para>>>),
}

/// One paragraph.
#[derive(Debug, Clone, Default)]
pub struct Para {
    /// Its number among the document's paragraphs, from 1 (as warnings cite it).
    pub number: usize,
    pub style: String,
    /// 0 for a level-1 heading.
    pub outline: Option<u8>,
    /// List level and whether numbered, for a list item.
    pub list: Option<(u8, bool)>,
    pub centred: bool,
    /// The style makes the whole paragraph bold.
    pub style_bold: bool,
    pub inlines: Vec<Inline>,
}

/// A piece of a paragraph.
#[derive(Debug, Clone, PartialEq)]
pub enum Inline {
    Text(String, Format),
    Break,
    Footnote(String),
    Link(String, Vec<Inline>),
}

/// How a piece of text is set and changed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Format {
    pub bold: bool,
    pub italic: bool,
    pub underline: bool,
    pub strike: bool,
    pub change: Option<Change>,
}

/// A tracked change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    Inserted,
    Deleted,
}

/// What the reader met and dropped.
#[derive(Debug, Default, Clone)]
pub struct Counts {
    pub insertions: usize,
    pub deletions: usize,
    pub moves: usize,
    pub authors: BTreeSet<String>,
    pub comments: usize,
    pub fields_dropped: usize,
}

impl Para {
    /// The text as it reads with the tracked changes accepted.
    pub fn text(&self) -> String {
        let mut out = String::new();
        visible(&self.inlines, &mut out);
        out.trim().to_string()
    }

    /// The text's lines, split at line breaks.
    pub fn lines(&self) -> Vec<String> {
        let mut out = vec![String::new()];
        for i in &self.inlines {
            match i {
                Inline::Break => out.push(String::new()),
                Inline::Text(t, f) if f.change != Some(Change::Deleted) => {
                    if let Some(l) = out.last_mut() {
                        l.push_str(t);
                    }
                }
                Inline::Link(_, inner) => {
                    let mut s = String::new();
                    visible(inner, &mut s);
                    if let Some(l) = out.last_mut() {
                        l.push_str(&s);
                    }
                }
                _ => {}
            }
        }
        out.into_iter()
            .map(|l| l.trim().to_string())
            .filter(|l| !l.is_empty())
            .collect()
    }

    /// Whether every letter of the paragraph is bold.
    pub fn all_bold(&self) -> bool {
        self.style_bold
            || !self.inlines.is_empty()
                && self.inlines.iter().all(|i| match i {
                    Inline::Text(t, f) => f.bold || t.trim().is_empty(),
                    _ => true,
                })
    }
}

fn visible(inlines: &[Inline], out: &mut String) {
    for i in inlines {
        match i {
            Inline::Text(t, f) if f.change != Some(Change::Deleted) => out.push_str(t),
            Inline::Break => out.push(' '),
            Inline::Link(_, inner) => visible(inner, out),
            _ => {}
        }
    }
}

/// Reads the body of a document part.
pub struct Reader<'a> {
    styles: &'a Styles,
    links: &'a HashMap<String, String>,
    pub counts: Counts,
    paragraphs: usize,
    /// Nested complex fields: whether each one's result is dropped, and whether its
    /// instruction is still being read.
    fields: Vec<(bool, bool)>,
}

impl<'a> Reader<'a> {
    /// A reader with the document's styles and hyperlink targets (relationship id → URL).
    pub fn new(styles: &'a Styles, links: &'a HashMap<String, String>) -> Reader<'a> {
        Reader {
            styles,
            links,
            counts: Counts::default(),
            paragraphs: 0,
            fields: Vec::new(),
        }
    }

    /// The blocks of `container` (a body, cell, footnote or content control).
    pub fn blocks(&mut self, container: &Element) -> Vec<Block> {
        let mut out = Vec::new();
        for e in container.elements() {
            match e.name.as_str() {
                "w:p" => {
                    let p = self.paragraph(e);
                    // A paragraph wholly inside a dropped field (the contents) is dropped.
                    if !p.inlines.is_empty() || !self.dropping() {
                        out.push(Block::Para(p));
                    }
                }
                "w:tbl" => out.push(Block::Table(self.table(e))),
                "w:sdt" | "w:customXml" | "w:ins" | "w:moveTo" => {
                    let inner = e.child("w:sdtContent").unwrap_or(e);
                    out.extend(self.blocks(inner));
                }
                _ => {}
            }
        }
        out
    }

    fn table(&mut self, tbl: &Element) -> Vec<Vec<Vec<Para>>> {
        let mut rows = Vec::new();
        for tr in tbl.elements().filter(|e| e.name == "w:tr") {
            let mut cells = Vec::new();
            for tc in tr.elements().filter(|e| e.name == "w:tc") {
                let paras = self
                    .blocks(tc)
                    .into_iter()
                    .flat_map(|b| match b {
                        Block::Para(p) => vec![p],
                        Block::Table(rows) => rows.into_iter().flatten().flatten().collect(),
                    })
                    .collect();
                cells.push(paras);
            }
            rows.push(cells);
        }
        rows
    }

    fn dropping(&self) -> bool {
        self.fields.iter().any(|(drop, _)| *drop)
    }

    fn paragraph(&mut self, p: &Element) -> Para {
        self.paragraphs += 1;
        let ppr = p.child("w:pPr");
        let style_id = ppr
            .and_then(|p| p.child("w:pStyle"))
            .and_then(|s| s.attr("w:val"))
            .unwrap_or("Normal");
        let style = self.styles.style(style_id);
        let list = ppr.and_then(|p| p.child("w:numPr")).and_then(|n| {
            let num = n.child("w:numId")?.attr("w:val")?;
            let level = n
                .child("w:ilvl")
                .and_then(|l| l.attr("w:val"))
                .and_then(|v| v.parse().ok())
                .unwrap_or(0u8);
            (num != "0").then(|| (level, self.styles.numbered(num, level)))
        });
        let centred = ppr
            .and_then(|p| p.child("w:jc"))
            .and_then(|j| j.attr("w:val"))
            .map_or(style.centred, |v| v == "center");
        let outline = ppr
            .and_then(|p| p.child("w:outlineLvl"))
            .and_then(|o| o.attr("w:val"))
            .and_then(|v| v.parse().ok())
            .filter(|l: &u8| *l < 9)
            .or(style.outline);
        let mut inlines = Vec::new();
        self.inlines(p, None, &mut inlines);
        Para {
            number: self.paragraphs,
            style: style.name,
            outline,
            list,
            centred,
            style_bold: style.bold,
            inlines,
        }
    }

    /// Appends the inline content of `e` (a paragraph, hyperlink, change, field…).
    fn inlines(&mut self, e: &Element, change: Option<Change>, out: &mut Vec<Inline>) {
        for c in e.elements() {
            match c.name.as_str() {
                "w:r" => self.run(c, change, out),
                "w:ins" | "w:moveTo" | "w:del" | "w:moveFrom" => {
                    let kind = if matches!(c.name.as_str(), "w:ins" | "w:moveTo") {
                        Change::Inserted
                    } else {
                        Change::Deleted
                    };
                    match c.name.as_str() {
                        "w:ins" => self.counts.insertions += 1,
                        "w:del" => self.counts.deletions += 1,
                        "w:moveFrom" => self.counts.moves += 1,
                        _ => {}
                    }
                    if let Some(author) = c.attr("w:author") {
                        self.counts.authors.insert(author.to_string());
                    }
                    self.inlines(c, Some(kind), out);
                }
                "w:hyperlink" => {
                    let mut inner = Vec::new();
                    self.inlines(c, change, &mut inner);
                    // A link is underlined by its style: that is no revision mark.
                    for i in &mut inner {
                        if let Inline::Text(_, f) = i {
                            f.underline = false;
                        }
                    }
                    let url = c
                        .attr("r:id")
                        .and_then(|id| self.links.get(id))
                        .cloned()
                        .or_else(|| c.attr("w:anchor").map(|a| format!("#{a}")));
                    match url {
                        Some(url) if !url.starts_with('#') => out.push(Inline::Link(url, inner)),
                        _ => out.extend(inner),
                    }
                }
                "w:fldSimple" => {
                    let instr = c.attr("w:instr").unwrap_or("");
                    if dropped_field(instr) {
                        self.counts.fields_dropped += 1;
                    } else {
                        self.inlines(c, change, out);
                    }
                }
                "w:smartTag" | "w:customXml" | "w:sdt" | "w:sdtContent" | "w:dir" | "w:bdo" => {
                    self.inlines(c, change, out)
                }
                "w:commentRangeStart" => self.counts.comments += 1,
                _ => {}
            }
        }
    }

    fn run(&mut self, r: &Element, change: Option<Change>, out: &mut Vec<Inline>) {
        let rpr = r.child("w:rPr");
        let prop = |name: &str| rpr.and_then(|p| p.val(name)).is_some_and(on);
        if prop("w:vanish") {
            return;
        }
        let style = rpr
            .and_then(|p| p.child("w:rStyle"))
            .and_then(|s| s.attr("w:val"))
            .map(|id| self.styles.characters(id))
            .unwrap_or_default();
        // A property set on the run wins over its character style's.
        let set =
            |name: &str, from_style: bool| rpr.and_then(|p| p.val(name)).map_or(from_style, on);
        let format = Format {
            bold: set("w:b", style.bold),
            italic: set("w:i", style.italic),
            underline: rpr
                .and_then(|p| p.child("w:u"))
                .map_or(style.underline, |u| on(u.attr("w:val"))),
            strike: set("w:strike", style.strike) || prop("w:dstrike"),
            change,
        };
        let caps = prop("w:caps");
        for c in r.elements() {
            match c.name.as_str() {
                "w:fldChar" => match c.attr("w:fldCharType") {
                    Some("begin") => self.fields.push((false, true)),
                    Some("separate") => {
                        if let Some(f) = self.fields.last_mut() {
                            f.1 = false;
                        }
                    }
                    Some("end") => {
                        self.fields.pop();
                    }
                    _ => {}
                },
                "w:instrText" => {
                    let instr = c.text();
                    if let Some(f) = self.fields.last_mut()
                        && dropped_field(&instr)
                        && !f.0
                    {
                        f.0 = true;
                        self.counts.fields_dropped += 1;
                    }
                }
                _ if self.dropping() || self.fields.last().is_some_and(|f| f.1) => {}
                "w:t" | "w:delText" => {
                    let t = c.text();
                    let t = if caps { t.to_uppercase() } else { t };
                    push_text(out, &t, format);
                }
                "w:tab" | "w:ptab" => push_text(out, " ", format),
                "w:noBreakHyphen" => push_text(out, "-", format),
                "w:br" | "w:cr" if c.attr("w:type").is_none_or(|t| t == "textWrapping") => {
                    out.push(Inline::Break)
                }
                "w:footnoteReference" | "w:endnoteReference" => {
                    if let Some(id) = c.attr("w:id") {
                        out.push(Inline::Footnote(id.to_string()));
                    }
                }
                "w:sym" => {
                    if let Some(ch) = c
                        .attr("w:char")
                        .and_then(|h| u32::from_str_radix(h, 16).ok())
                        .and_then(char::from_u32)
                        .filter(|c| !('\u{F000}'..='\u{F0FF}').contains(c))
                    {
                        push_text(out, &ch.to_string(), format);
                    }
                }
                _ => {}
            }
        }
    }
}

/// Fields whose result is not part of the text: the contents, page numbers, indexes.
fn dropped_field(instr: &str) -> bool {
    let word = instr.split_whitespace().next().unwrap_or("");
    matches!(
        word.to_ascii_uppercase().as_str(),
        "TOC" | "PAGE" | "NUMPAGES" | "SECTIONPAGES" | "INDEX" | "TC" | "XE" | "PAGEREF"
    )
}

/// Appends text, joining it to the previous piece when set the same way (Word splits runs
/// anywhere).
fn push_text(out: &mut Vec<Inline>, text: &str, format: Format) {
    // Soft hyphens and word joiners ("TSAG-\u{2060}TD100" in right-to-left text) are layout
    // marks, not text.
    let text = text.replace(['\u{00AD}', '\u{2060}'], "");
    if let Some(Inline::Text(prev, f)) = out.last_mut()
        && *f == format
    {
        prev.push_str(&text);
        return;
    }
    out.push(Inline::Text(text, format));
}

/// The footnotes of footnotes.xml by id, as blocks (separators left out).
pub fn footnotes(reader: &mut Reader, part: Option<&Element>) -> HashMap<String, Vec<Block>> {
    let mut out = HashMap::new();
    for note in part.into_iter().flat_map(|p| p.elements()) {
        if note.attr("w:type").is_some() {
            continue;
        }
        if let Some(id) = note.attr("w:id") {
            let saved = reader.paragraphs;
            let blocks = reader.blocks(note);
            reader.paragraphs = saved;
            out.insert(id.to_string(), blocks);
        }
    }
    out
}

/// Relationship id → external target, from the document's relationships part.
pub fn links(rels: Option<&Element>) -> HashMap<String, String> {
    rels.into_iter()
        .flat_map(|r| r.elements())
        .filter(|r| r.attr("Type").is_some_and(|t| t.ends_with("/hyperlink")))
        .filter_map(|r| Some((r.attr("Id")?.to_string(), r.attr("Target")?.to_string())))
        .collect()
}

/// The `w:body` of a document part.
pub fn body(document: &Element) -> Option<&Element> {
    document.child("w:body")
}
