//! Consolidated model → report view models → handlebars templates → Markdown.

pub mod context;
pub mod diff;
pub mod helpers;
pub mod json;
mod labels;
pub mod markdown;
mod meta;
mod partials;
mod review;
mod strict;
pub mod templates;

pub use context::{ReportContext, ReportMeta};
pub use templates::Templates;

use crate::model::{Consolidated, Date, Diagnostic, PROFILES, Profile};
use crate::render::DocumentInfo;
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
    render_data(&templates::data(ctx)?, &ctx.report.name, info, templates)
}

/// Renders report `name` from its context already converted for the templates.
fn render_data(
    data: &handlebars::Context,
    name: &str,
    info: DocumentInfo,
    templates: &Templates,
) -> Result<Report, Diagnostic> {
    let markdown = templates.render_data(name, data)?;
    Ok(Report {
        name: name.to_string(),
        info,
        markdown: tidy(&markdown::with_contents(&markdown)),
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
    let mut data = templates::data(&ctx)?;
    let synthesis_meta = ctx.report.clone();
    drop(ctx);
    let implementation_meta = meta(c, ReportKind::Implementation, date);
    let synthesis = render_data(
        &data,
        &synthesis_meta.name,
        document_info(&synthesis_meta, &subject, &language),
        templates,
    )?;
    let json = data.data_mut();
    json["report"] = serde_json::to_value(&implementation_meta).unwrap_or_default();
    json["synthesis"] = serde_json::Value::String(embedded(&synthesis.markdown));
    let implementation = render_data(
        &data,
        &implementation_meta.name,
        document_info(&implementation_meta, &subject, &language),
        templates,
    )?;
    Ok(vec![synthesis, implementation])
}

/// Collapses runs of blank lines left by template blocks; ends with one newline.
fn tidy(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    let mut blank = 0;
    for line in markdown.lines() {
        let line = line.trim_end();
        blank = if line.is_empty() { blank + 1 } else { 0 };
        if blank <= 1 {
            out.push_str(line);
            out.push('\n');
        }
    }
    out.trim().to_string() + "\n"
}
