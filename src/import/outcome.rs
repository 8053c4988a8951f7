//! A Word document's blocks made into an outcome file: the header and the prose give the
//! front matter, headings give sections (priorities and initiatives recognised), proposals
//! become `##` headings in ITU's form under `# Proposals`.

use super::facts::{self, Facts};
use super::header::{self, Header};
use super::markdown::{Options, Writer};
use super::proposals::{self, Found, first_words};
use super::word::{Block, Para};
use super::{Report, Warning};
use crate::model::Region;
use regex::Regex;
use std::collections::HashMap;
use std::fmt::Write;
use std::sync::LazyLock;

/// The document's content, as read from Word.
pub struct Content<'a> {
    /// The Word file's name (placeholders and warnings cite it).
    pub file: &'a str,
    pub blocks: &'a [Block],
    pub footnotes: &'a HashMap<String, Vec<Block>>,
}

static INITIATIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:(?:AFR|AMS|ARB|ASP|CIS|EUR)\s*[-–]?\s*(?:RI\s*)?|RI\s*)(\d{1,3})\s*[:.–—-]\s*\S",
    )
    .unwrap()
});
static SECTION_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{1,2}(?:\.\d{1,2})*)\.?\s+\S").unwrap());

/// Makes the outcome file of `content`: its region, its text, and what was recognised.
pub fn compose(
    content: &Content,
    region: Option<Region>,
) -> Result<(Region, String, Report), String> {
    let blocks = content.blocks;
    let header_end = header_end(blocks);
    let mut lines = Vec::new();
    for b in &blocks[..header_end] {
        match b {
            Block::Para(p) => lines.extend(p.lines()),
            Block::Table(rows) => {
                lines.extend(rows.iter().flatten().flatten().flat_map(Para::lines))
            }
        }
    }
    let header = header::read(&lines);
    let found = proposals::find(blocks, |j| ends_proposal(blocks, j));
    let numbers: Vec<String> = found.iter().filter_map(|f| f.number.clone()).collect();
    let (region, how) = match region {
        Some(r) => (r, "given with --region".to_string()),
        None => header::region(&header, &numbers).ok_or_else(|| {
            format!(
                "{}: cannot tell the region (no RPM symbol, regional organization or proposal number names one): give it with --region CODE",
                content.file
            )
        })?,
    };
    let mut report = Report {
        region_how: how,
        ..Report::default()
    };
    let in_proposal = {
        let mut v = vec![false; blocks.len()];
        for f in &found {
            v[f.blocks.clone()].fill(true);
        }
        v
    };
    let mut writer = Writer {
        footnotes: content.footnotes,
        options: Options::default(),
        changes: 0,
    };
    let chairmans = header.chairmans_report
        || header.meeting_title.is_some()
        || header
            .symbol
            .as_deref()
            .is_some_and(|s| s.starts_with("RPM-"));
    let mut body = String::new();
    let mut prose = String::new();
    // Text before the first heading, then each section in document order.
    let mut section: Option<&Para> = None;
    let mut run: Vec<usize> = Vec::new();
    let mut proposals_written = false;
    let mut initiatives_heading: Option<&Para> = None;
    let mut i = header_end;
    while i <= blocks.len() {
        let heading = blocks
            .get(i)
            .and_then(para)
            .filter(|p| !in_proposal[i] && is_heading(p, section));
        if i == blocks.len() || heading.is_some() {
            let title = section.map(Para::text).unwrap_or_default().to_lowercase();
            if !found.is_empty() && !proposals_written && is_proposals(&title) {
                // The report's own section on proposals: they are written there.
                body.push_str("# Proposals\n\n");
                let refs: Vec<&Block> = run.iter().map(|&i| &blocks[i]).collect();
                push_blocks(&mut body, &writer.blocks(&refs));
                for f in &found {
                    write_proposal(content, f, &mut writer, &mut report, &mut body);
                }
                proposals_written = true;
            } else {
                if title.contains("regional initiative") {
                    initiatives_heading = initiatives_heading.or(section);
                }
                write_section(content, section, &run, &mut writer, &mut report, &mut body);
            }
            section = heading;
            run.clear();
        } else if !in_proposal[i] {
            if let Some(p) = para(&blocks[i]) {
                prose.push_str(&p.text());
                prose.push('\n');
            }
            if !header.lines.contains(&text_of(&blocks[i])) {
                run.push(i);
            }
        }
        i += 1;
    }
    if let Some(h) = initiatives_heading.filter(|_| report.initiatives.is_empty()) {
        report.warnings.push(Warning::at(
            h,
            "a section on regional initiatives, but no initiative line such as “AMS1: title” under it",
        ));
    }
    if !found.is_empty() && !proposals_written {
        body.push_str("# Proposals\n\n");
        for f in &found {
            write_proposal(content, f, &mut writer, &mut report, &mut body);
        }
    }
    report.changes = writer.changes;
    let facts = facts::read(&prose, &header.lines);
    let language = language(&header);
    let front = if chairmans {
        report.kind = "chairman's report";
        let front = front_matter(
            content.file,
            region,
            &header,
            &facts,
            &language,
            &mut report,
        );
        // Each fact not found is a warning at the paragraph where the report's text starts.
        if let Some(first) = blocks[header_end..].iter().find_map(para) {
            for key in report.missing.clone() {
                let written = if REQUIRED.contains(&key.as_str()) {
                    "a FILL IN placeholder, an error until it is filled in"
                } else {
                    "a comment"
                };
                report.warnings.push(Warning::at(
                    first,
                    &format!(
                        "{key} not found in the report's text from here on (written as {written})"
                    ),
                ));
            }
        }
        front
    } else {
        report.kind = "proposals (a part of the region's outcome)";
        let q = |s: &str| serde_json::to_string(s).unwrap_or_default();
        let mut f = format!("---\nregion: {}\n", region.code());
        let document = header.addendum.clone().or_else(|| {
            let symbol = header.symbol.as_ref()?;
            let suffix = header.suffix.map(|c| format!("-{c}")).unwrap_or_default();
            Some(format!("Document {symbol}{suffix}"))
        });
        if let Some(d) = document {
            // "Addendum 10 to Document WTDC-17/23", without the language suffix.
            let d = d.trim_end();
            let d = match d.rsplit_once('-') {
                Some((head, l)) if l.len() == 1 && "ACEFRS".contains(l) => head,
                _ => d,
            };
            let _ = writeln!(f, "document: {}", q(d));
        }
        if let Some(s) = &header.source {
            let _ = writeln!(f, "source: {}", q(s));
        }
        let _ = writeln!(f, "language: {language}\n---");
        f
    };
    Ok((region, format!("{front}\n{}\n", body.trim_end()), report))
}

fn para(b: &Block) -> Option<&Para> {
    match b {
        Block::Para(p) => Some(p),
        Block::Table(_) => None,
    }
}

fn text_of(b: &Block) -> String {
    para(b).map(Para::text).unwrap_or_default()
}

/// Where the header block ends: at the first heading, list, proposal or long paragraph.
fn header_end(blocks: &[Block]) -> usize {
    blocks
        .iter()
        .enumerate()
        .position(|(i, b)| match b {
            Block::Table(_) => i > 2,
            Block::Para(p) => {
                let t = p.text();
                i >= 25
                    || p.outline == Some(0)
                    || p.list.is_some()
                    || t.len() > 200
                    || proposals::mark_line(&t).is_some()
            }
        })
        .unwrap_or(blocks.len())
}

/// Whether block `j` ends a proposal's text: a heading of the document or a new addendum.
fn ends_proposal(blocks: &[Block], j: usize) -> bool {
    para(&blocks[j]).is_some_and(|p| {
        p.outline == Some(0) && proposals::mark_line(&p.text()).is_none()
            || header::read(&[p.text()]).addendum.is_some()
    })
}

/// A heading: a heading style, or a short bold or capitalised line that is not a sentence,
/// a label ("Objective:") or, under a section on initiatives, an initiative.
fn is_heading(p: &Para, section: Option<&Para>) -> bool {
    let t = p.text();
    if t.is_empty() || p.list.is_some() {
        return false;
    }
    if in_initiatives(section) && INITIATIVE.is_match(&t) {
        return false;
    }
    if p.outline.is_some() {
        return true;
    }
    let letters: Vec<char> = t.chars().filter(|c| c.is_alphabetic()).collect();
    let capitals = letters.len() >= 4 && letters.iter().all(|c| c.is_uppercase());
    (p.all_bold() || capitals)
        && t.len() <= 120
        && !t.ends_with(['.', ':', ';', ','])
        && proposals::reasons(&t).is_none()
}

/// Whether a section's title (lower case) says it holds the proposals.
fn is_proposals(title: &str) -> bool {
    ["proposal", "proposition", "propuesta"]
        .iter()
        .any(|w| title.contains(w))
}

fn in_initiatives(section: Option<&Para>) -> bool {
    section.is_some_and(|h| h.text().to_lowercase().contains("initiative"))
}

/// Writes one section (its heading, then its blocks), recognising priorities and initiatives.
fn write_section(
    content: &Content,
    heading: Option<&Para>,
    run: &[usize],
    writer: &mut Writer,
    report: &mut Report,
    out: &mut String,
) {
    let blocks = content.blocks;
    let refs = |r: &[usize]| r.iter().map(|&i| &blocks[i]).collect::<Vec<_>>();
    let title = heading.map(Para::text).unwrap_or_default();
    let lower = title.to_lowercase();
    let items = run
        .iter()
        .filter(|&&i| para(&blocks[i]).is_some_and(|p| p.list.is_some_and(|(l, _)| l == 0)))
        .count();
    let starts: Vec<usize> = run
        .iter()
        .copied()
        .filter(|&i| para(&blocks[i]).is_some_and(|p| INITIATIVE.is_match(&p.text())))
        .collect();
    if lower.contains("priorit") && items > 0 && report.priorities == 0 {
        report.priorities = items;
        out.push_str("# Regional priorities\n\n");
    } else if in_initiatives(heading) && !starts.is_empty() {
        out.push_str("# Regional initiatives\n\n");
        let first = run.iter().position(|i| *i == starts[0]).unwrap_or(0);
        push_blocks(out, &writer.blocks(&refs(&run[..first])));
        for (n, &s) in starts.iter().enumerate() {
            let end = starts.get(n + 1).copied().unwrap_or(usize::MAX);
            let body: Vec<usize> = run.iter().copied().filter(|&i| i > s && i < end).collect();
            let line = para(&blocks[s]).map(Para::text).unwrap_or_default();
            report.initiatives.push(line.clone());
            let _ = write!(out, "## {line}\n\n");
            push_blocks(out, &writer.blocks(&refs(&body)));
        }
        return;
    } else if let Some(h) = heading {
        let level = if h.outline.unwrap_or(0) == 0
            && SECTION_NUMBER
                .captures(&title)
                .is_none_or(|c| !c[1].contains('.'))
        {
            "#"
        } else {
            "###"
        };
        let _ = write!(out, "{level} {}\n\n", writer.paragraph(h).replace('*', ""));
    }
    push_blocks(out, &writer.blocks(&refs(run)));
}

fn push_blocks(out: &mut String, text: &str) {
    if !text.trim().is_empty() {
        out.push_str(text.trim_end());
        out.push_str("\n\n");
    }
}

/// Writes one proposal as a `##` heading in ITU's form and its text.
fn write_proposal(
    content: &Content,
    f: &Found,
    writer: &mut Writer,
    report: &mut Report,
    out: &mut String,
) {
    let blocks = content.blocks;
    *report.proposals.entry(f.mark.clone()).or_default() += 1;
    let mut heading = f.mark.clone();
    if let Some(n) = &f.number {
        let _ = write!(heading, " {n}");
    }
    match &f.target {
        Some(t) => {
            let _ = write!(heading, " {}", one_line(t));
        }
        // A new text needs none.
        None if f.mark.starts_with("ADD") => {}
        None => report.warnings.push(Warning {
            paragraph: f.at.0,
            words: f.at.1.clone(),
            message: "no target (“RESOLUTION 17 (REV. …)”, “QUESTION 2/1”) follows the mark".into(),
        }),
    }
    if let Some(t) = &f.line_title {
        let _ = write!(heading, " – {}", one_line(t));
    } else if let Some(t) = f.title.and_then(|t| para(&blocks[t])) {
        let _ = write!(heading, " – {}", one_line(&t.text()));
    }
    let _ = write!(out, "## {heading}\n\n");
    writer.options.revision_formatting = f.mark.contains("MOD");
    let body: Vec<&Block> = blocks[f.body.clone()].iter().collect();
    push_blocks(out, &writer.blocks(&body));
    writer.options.revision_formatting = false;
    match f.reasons.and_then(|r| para(&blocks[r])) {
        Some(p) => {
            let label_end = p.text().len() - proposals::reasons(&p.text()).unwrap_or("").len();
            let label = p.text()[..label_end].trim().replace('*', "");
            let mut text = proposals::reasons(&p.text()).unwrap_or("").to_string();
            if text.is_empty()
                && let Some(next) = blocks.get(f.blocks.end - 1).and_then(para)
                && next.number != p.number
            {
                text = writer.paragraph(next);
            }
            let _ = write!(out, "**{label}** {text}\n\n");
        }
        None => report.warnings.push(Warning {
            paragraph: f.at.0,
            words: f.at.1.clone(),
            message: "no “Reasons:” paragraph before the next proposal".into(),
        }),
    }
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The outcome's language: the symbol's suffix, else English.
fn language(h: &Header) -> String {
    match h.suffix {
        Some('A') => "ar",
        Some('C') => "zh",
        Some('F') => "fr",
        Some('R') => "ru",
        Some('S') => "es",
        _ => "en",
    }
    .to_string()
}

/// The facts a chairman's report's front matter cannot do without.
const REQUIRED: [&str; 4] = [
    "meeting.symbol",
    "meeting.title",
    "meeting.start",
    "meeting.end",
];

/// The front matter of a chairman's report: every fact found, a placeholder for each
/// required one that was not, a comment for each optional one that was not.
fn front_matter(
    file: &str,
    region: Region,
    h: &Header,
    f: &Facts,
    language: &str,
    report: &mut Report,
) -> String {
    let q = |s: &str| serde_json::to_string(s).unwrap_or_default();
    let missing = |key: &str, report: &mut Report| {
        report.missing.push(key.to_string());
        q(&format!("FILL IN: not found in {file}"))
    };
    let symbol = h
        .symbol
        .as_deref()
        .map(|s| s.split('/').next().unwrap_or(s).to_string())
        .filter(|s| s.starts_with("RPM"));
    let title = h.meeting_title.as_deref().map(|t| {
        let t = t.trim();
        match t.rfind(" (RPM") {
            Some(at) if t.ends_with(')') => t[..at].trim().to_string(),
            _ => t.to_string(),
        }
    });
    let mut out = format!(
        "---\n# Imported from {file}: check each value against the document.\nregion: {}\nmeeting:\n",
        region.code()
    );
    let mut field =
        |key: &str, value: Option<String>, required: bool, report: &mut Report| match value {
            Some(v) => {
                report.facts.push((key.to_string(), v.clone()));
                let _ = writeln!(out, "  {key}: {v}");
            }
            None if required => {
                let v = missing(&format!("meeting.{key}"), report);
                let _ = writeln!(out, "  {key}: {v}");
            }
            None => {
                report.missing.push(format!("meeting.{key}"));
                let _ = writeln!(out, "  # {key}: not found in {file}");
            }
        };
    field("symbol", symbol.as_deref().map(q), true, report);
    field("title", title.as_deref().map(q), true, report);
    let report_symbol = h.symbol.as_deref().filter(|s| s.contains('/')).map(q);
    field("report", report_symbol, false, report);
    field("venue", f.venue.as_deref().map(q), false, report);
    if f.virtual_meeting {
        field("virtual", Some("true".into()), false, report);
    }
    field("start", f.start.map(|d| d.to_string()), true, report);
    field("end", f.end.map(|d| d.to_string()), true, report);
    field("chair", f.chair.as_deref().map(q), false, report);
    let list = |v: &[String]| {
        format!(
            "[{}]",
            v.iter().map(|s| q(s)).collect::<Vec<_>>().join(", ")
        )
    };
    let vice = (!f.vice_chairs.is_empty()).then(|| list(&f.vice_chairs));
    field("vice_chairs", vice, false, report);
    let orgs = (!f.organizations.is_empty()).then(|| list(&f.organizations));
    field("regional_organizations", orgs, false, report);
    let mut counts = String::new();
    let mut found = false;
    for (key, value) in [
        ("member_states", f.member_states),
        ("sector_members", f.sector_members),
        ("participants", f.participants),
        ("ldc_fellowships", f.fellowships),
    ] {
        match value {
            Some(n) => {
                found = true;
                report
                    .facts
                    .push((format!("participation.{key}"), n.to_string()));
                let _ = writeln!(counts, "  {key}: {n}");
            }
            None => {
                report.missing.push(format!("participation.{key}"));
                let _ = writeln!(counts, "  # {key}: not found in {file}");
            }
        }
    }
    out.push_str(if found {
        "participation:\n"
    } else {
        "participation: {}\n"
    });
    out.push_str(&counts);
    let _ = writeln!(out, "language: {language}\n---");
    out
}

impl Warning {
    /// A warning about paragraph `p`.
    pub fn at(p: &Para, message: &str) -> Warning {
        Warning {
            paragraph: p.number,
            words: first_words(&p.text()),
            message: message.to_string(),
        }
    }
}
