//! Consolidated model → report view models → handlebars templates → Markdown.

pub mod context;
pub mod diff;
pub mod helpers;
pub mod json;
mod labels;
pub mod markdown;
mod meta;
mod names;
mod partials;
mod review;
mod strict;
pub mod templates;

pub use context::{ReportContext, ReportMeta};
pub use templates::Templates;

use crate::model::{Consolidated, Date, Diagnostic, DocumentInfo, PROFILES, Profile};
use meta::meta;

/// Which report: the synthesis for the last TDAG/TSAG, or the implementation report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportKind {
    Synthesis,
    Implementation,
}

/// A rendered report: its output file stem, document facts and Markdown.
#[derive(Debug, Clone)]
pub struct Report {
    pub name: String,
    pub info: DocumentInfo,
    pub markdown: String,
}

/// Output file stem of a report for a profile (`tdag-synthesis`, `wtdc-implementation`, …).
pub fn report_name(kind: ReportKind, profile: Profile) -> &'static str {
    match kind {
        ReportKind::Synthesis => SYNTHESIS,
        ReportKind::Implementation => profile.spec().implementation_report,
    }
}

/// Output file stem of the synthesis report, whatever the profile.
const SYNTHESIS: &str = "tdag-synthesis";

/// The report kind named by a file stem, for `rpmsynth context --report NAME`.
pub fn report_kind(name: &str) -> Option<ReportKind> {
    if name == SYNTHESIS {
        Some(ReportKind::Synthesis)
    } else if PROFILES.iter().any(|p| p.implementation_report == name) {
        Some(ReportKind::Implementation)
    } else {
        None
    }
}

/// The context a report's template receives. The implementation report's context holds the
/// rendered synthesis (its annex), so building it renders the synthesis first.
pub fn context(
    c: &Consolidated,
    kind: ReportKind,
    templates: &Templates,
    date: Option<Date>,
) -> Result<ReportContext, Diagnostic> {
    let synthesis = match kind {
        ReportKind::Synthesis => String::new(),
        ReportKind::Implementation => {
            render(
                &context(c, ReportKind::Synthesis, templates, date)?,
                templates,
            )?
            .markdown
        }
    };
    Ok(with_synthesis(c, kind, date, &synthesis))
}

fn with_synthesis(
    c: &Consolidated,
    kind: ReportKind,
    date: Option<Date>,
    synthesis: &str,
) -> ReportContext {
    context::build(c, meta(c, kind, date), embedded(synthesis))
}

/// The synthesis as the implementation report's annex holds it.
fn embedded(synthesis: &str) -> String {
    markdown::embed(markdown::without_front_matter(synthesis), 2, "synthesis-")
}

/// Renders one report from its context.
pub fn render(ctx: &ReportContext, templates: &Templates) -> Result<Report, Diagnostic> {
    let info = document_info(&ctx.report, &ctx.conference.name, &ctx.language);
    render_data(&templates::data(ctx)?, &ctx.report.name, info, templates, 0)
}

/// Renders report `name` from its context already converted for the templates.
/// `room`: the bytes to reserve for the Markdown (see [`Templates::render_data`]).
fn render_data(
    data: &handlebars::Context,
    name: &str,
    info: DocumentInfo,
    templates: &Templates,
    room: usize,
) -> Result<Report, Diagnostic> {
    let markdown = templates.render_data(name, data, room)?;
    Ok(Report {
        name: name.to_string(),
        info,
        markdown: tidy(markdown::with_contents(markdown)),
    })
}

/// The document facts the HTML and DOCX writers need.
fn document_info(report: &ReportMeta, subject: &str, language: &str) -> DocumentInfo {
    DocumentInfo {
        title: report.title.clone(),
        subject: subject.to_string(),
        symbol: report.symbol.clone(),
        date: report.date.clone(),
        iso_date: report.iso_date.clone(),
        language: language.to_string(),
    }
}

/// `ctx` converted for the templates and dropped; its two large lists (the topics with their
/// entries, the RPMs with their outcomes) are converted in parallel with the rest.
fn context_data(mut ctx: ReportContext) -> Result<handlebars::Context, Diagnostic> {
    let topics = std::mem::take(&mut ctx.topics);
    let rpms = std::mem::take(&mut ctx.rpms);
    let (data, (topics, rpms)) = rayon::join(
        || templates::data(&ctx),
        || rayon::join(|| json_list(topics), || json_list(rpms)),
    );
    let mut data = data?;
    let json = data.data_mut();
    json["topics"] = topics?;
    json["rpms"] = rpms?;
    Ok(data)
}

/// A list converted for the templates, its items in parallel.
fn json_list<T: serde::Serialize + Send>(items: Vec<T>) -> Result<serde_json::Value, Diagnostic> {
    use rayon::prelude::*;
    items
        .into_par_iter()
        .map(|item| templates::json(&item))
        .collect::<Result<Vec<_>, _>>()
        .map(serde_json::Value::Array)
}

/// Renders both reports: the synthesis, then the implementation report with it as annex.
/// `date` replaces the documents' dates (from `SOURCE_DATE_EPOCH`).
pub fn render_all(
    c: &Consolidated,
    templates: &Templates,
    date: Option<Date>,
) -> Result<Vec<Report>, Diagnostic> {
    // Both contexts are the same but for the document facts and the embedded synthesis:
    // built and converted for the templates once (at 6 × 20,000 proposals the conversion
    // takes a second and the context half a gigabyte, dropped once converted).
    let ctx = context(c, ReportKind::Synthesis, templates, date)?;
    let (subject, language) = (ctx.conference.name.clone(), ctx.language.clone());
    let synthesis_meta = ctx.report.clone();
    let mut data = context_data(ctx)?;
    let implementation_meta = meta(c, ReportKind::Implementation, date);
    // The synthesis holds each outcome about twice (proposals by topic, annexes).
    let room = 3 * c.cycle.rpms.iter().map(|r| r.body.len()).sum::<usize>() + (1 << 20);
    let synthesis = render_data(
        &data,
        &synthesis_meta.name,
        document_info(&synthesis_meta, &subject, &language),
        templates,
        room,
    )?;
    let annex = embedded(&synthesis.markdown);
    let room = annex.len() + room / 3;
    let json = data.data_mut();
    json["report"] = serde_json::to_value(&implementation_meta).unwrap_or_default();
    json["synthesis"] = serde_json::Value::String(annex);
    let implementation = render_data(
        &data,
        &implementation_meta.name,
        document_info(&implementation_meta, &subject, &language),
        templates,
        room,
    )?;
    Ok(vec![synthesis, implementation])
}

/// Collapses runs of blank lines left by template blocks and trailing white space; ends with
/// one newline. Done in place: the text only shrinks (a report can be hundreds of megabytes).
fn tidy(markdown: String) -> String {
    let mut bytes = markdown.into_bytes();
    let (mut kept, mut blank, mut start) = (0, 0, 0);
    while start < bytes.len() {
        let end = memchr::memchr(b'\n', &bytes[start..]).map_or(bytes.len(), |i| start + i);
        // Lines end at a newline, a character boundary; `kept <= start`, so this line is
        // still as it was.
        let len =
            std::str::from_utf8(&bytes[start..end]).map_or(end - start, |l| l.trim_end().len());
        blank = if len == 0 { blank + 1 } else { 0 };
        if blank <= 1 {
            bytes.copy_within(start..start + len, kept);
            kept += len;
            match bytes.get_mut(kept) {
                Some(b) => *b = b'\n',
                None => bytes.push(b'\n'),
            }
            kept += 1;
        }
        start = end + 1;
    }
    bytes.truncate(kept);
    let mut text = String::from_utf8(bytes)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    text.truncate(text.trim_end().len());
    let lead = text.len() - text.trim_start().len();
    text.drain(..lead);
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::tidy;

    /// The line-by-line definition `tidy` keeps, copying each line.
    fn by_lines(markdown: &str) -> String {
        let mut out = String::new();
        let mut blank = 0;
        for line in markdown.lines().map(str::trim_end) {
            blank = if line.is_empty() { blank + 1 } else { 0 };
            if blank <= 1 {
                out.push_str(line);
                out.push('\n');
            }
        }
        out.trim().to_string() + "\n"
    }

    #[test]
    fn tidy_collapses_blank_runs_and_trailing_space_in_place() {
        for text in [
            "",
            "a",
            "\n\n  # Title  \n\n\n\nText\u{a0}\r\nmore\t\n\n\n- item\n \n \nend",
            "x\n\n\n",
            "  lead\n\u{2003}\n\u{2003}\nno newline at the end\u{a0}",
            "é\u{a0}\nü  \n\n\n\n\u{a0}",
        ] {
            assert_eq!(tidy(text.to_string()), by_lines(text), "{text:?}");
        }
        assert_eq!(tidy("a  \n\n\n\nb\n\n".into()), "a\n\nb\n");
    }
}
