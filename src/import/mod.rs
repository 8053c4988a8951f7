//! Word (.docx) → outcome files: a region's chairman's report or common-proposal package read
//! into the input format (docs/import.md). Each step is a function of data: the package's
//! parts ([`package`]), their XML ([`xml`]), the body as paragraphs and tables ([`word`]), the
//! header, facts and proposals recognised ([`header`], [`facts`], [`proposals`]), and the
//! outcome file written ([`outcome`], [`markdown`]).

mod facts;
mod header;
mod markdown;
mod outcome;
mod package;
mod proposals;
mod styles;
mod word;
mod xml;

use crate::model::Region;
use std::collections::BTreeMap;

/// What the import recognised in one document, for the user to check.
#[derive(Debug, Default, Clone)]
pub struct Report {
    /// "chairman's report" or "proposals (a part of the region's outcome)".
    pub kind: &'static str,
    /// How the region was told ("from the source, RCC").
    pub region_how: String,
    /// Front matter values found: (key, value as written).
    pub facts: Vec<(String, String)>,
    /// Front matter keys looked for and not found.
    pub missing: Vec<String>,
    pub priorities: usize,
    /// The initiatives' lines ("AMS1: Disaster risk reduction").
    pub initiatives: Vec<String>,
    /// Proposals by mark as written.
    pub proposals: BTreeMap<String, usize>,
    /// Tracked changes and revision marks written as CriticMarkup.
    pub changes: usize,
    /// Tracked changes met in the document: insertions, deletions, moves, and their authors.
    pub tracked: (usize, usize, usize, Vec<String>),
    pub comments: usize,
    pub fields_dropped: usize,
    pub warnings: Vec<Warning>,
}

/// Something looked for and not found, at a Word paragraph.
#[derive(Debug, Clone, PartialEq)]
pub struct Warning {
    /// The paragraph's number in the document, from 1.
    pub paragraph: usize,
    /// Its first words.
    pub words: String,
    pub message: String,
}

/// One document imported.
#[derive(Debug, Clone)]
pub struct Imported {
    pub region: Region,
    /// The outcome file's text (front matter and Markdown body).
    pub markdown: String,
    pub report: Report,
}

/// Imports the Word document `bytes` named `file`; `region` overrides the region found in it.
pub fn import(file: &str, bytes: &[u8], region: Option<Region>) -> Result<Imported, String> {
    let parts = package::open(file, bytes).map_err(|r| r.0)?;
    let parse = |text: &Option<String>, part: &str| {
        text.as_deref()
            .map(|t| xml::parse(t, file, part))
            .transpose()
    };
    let document = xml::parse(&parts.document, file, "word/document.xml")?;
    let styles = parse(&parts.styles, "word/styles.xml")?;
    let numbering = parse(&parts.numbering, "word/numbering.xml")?;
    let footnotes = parse(&parts.footnotes, "word/footnotes.xml")?;
    let rels = parse(&parts.relationships, "word/_rels/document.xml.rels")?;
    let styles = styles::Styles::read(styles.as_ref(), numbering.as_ref());
    let links = word::links(rels.as_ref());
    let mut reader = word::Reader::new(&styles, &links);
    let body =
        word::body(&document).ok_or_else(|| format!("{file}: word/document.xml has no body"))?;
    let blocks = reader.blocks(body);
    let notes = word::footnotes(&mut reader, footnotes.as_ref());
    let content = outcome::Content {
        file,
        blocks: &blocks,
        footnotes: &notes,
    };
    let (region, markdown, mut report) = outcome::compose(&content, region)?;
    let c = &reader.counts;
    report.tracked = (
        c.insertions,
        c.deletions,
        c.moves,
        c.authors.iter().cloned().collect(),
    );
    report.comments = c.comments;
    report.fields_dropped = c.fields_dropped;
    Ok(Imported {
        region,
        markdown,
        report,
    })
}

/// The outcome file's name for a Word file: its stem, spaces as hyphens, `.md`.
pub fn file_name(docx: &str) -> String {
    let stem = std::path::Path::new(docx)
        .file_stem()
        .map_or("outcome".into(), |s| s.to_string_lossy().into_owned());
    let stem: String = stem
        .chars()
        .map(|c| {
            if c.is_whitespace() || c == '/' || c == '\\' {
                '-'
            } else {
                c
            }
        })
        .collect();
    format!("{stem}.md")
}
