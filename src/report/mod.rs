//! Consolidated model → report view models → handlebars templates → Markdown.

pub mod context;
pub mod diff;
pub mod helpers;
pub mod json;
mod labels;
pub mod markdown;
mod strict;
pub mod templates;

pub use context::ReportContext;
pub use templates::Templates;

use crate::model::{Consolidated, Date, Diagnostic, Profile};
use crate::render::DocumentInfo;
use context::ReportMeta;

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
    match (kind, profile) {
        (ReportKind::Synthesis, _) => "tdag-synthesis",
        (ReportKind::Implementation, Profile::Wtdc) => "wtdc-implementation",
        (ReportKind::Implementation, Profile::Wtsa) => "wtsa-implementation",
    }
}

/// The report kind named by a file stem, for `rpmsynth context --report NAME`.
pub fn report_kind(name: &str) -> Option<ReportKind> {
    match name {
        "tdag-synthesis" => Some(ReportKind::Synthesis),
        "wtdc-implementation" | "wtsa-implementation" => Some(ReportKind::Implementation),
        _ => None,
    }
}

fn meta(c: &Consolidated, kind: ReportKind, date: Option<Date>) -> ReportMeta {
    let conf = &c.cycle.conference;
    let (symbol, title, default_date, meeting) = match kind {
        ReportKind::Synthesis => (
            &conf.documents.synthesis,
            format!(
                "Synthesis report on the outcomes of the regional preparatory meetings for {}",
                conf.conference.name
            ),
            conf.advisory_group.start,
            format!(
                "{}, {}",
                conf.advisory_group.name,
                Date::range(conf.advisory_group.start, conf.advisory_group.end)
            ),
        ),
        ReportKind::Implementation => (
            &conf.documents.implementation,
            format!(
                "Report on the implementation of the resolution on regional preparations for {}",
                conf.conference.name
            ),
            conf.conference.start,
            format!(
                "{} ({}), {}, {}",
                conf.conference.title,
                conf.conference.name,
                conf.conference.venue,
                Date::range(conf.conference.start, conf.conference.end)
            ),
        ),
    };
    let date = date.unwrap_or(default_date);
    let (bureau, resolution) = match conf.profile {
        crate::model::Profile::Wtdc => (
            "Telecommunication Development Bureau",
            "Resolution 31 (Rev. Kigali, 2022) of the World Telecommunication Development Conference",
        ),
        crate::model::Profile::Wtsa => (
            "Telecommunication Standardization Bureau",
            "Resolution 43 (Rev. Dubai, 2012) of the World Telecommunication Standardization Assembly",
        ),
    };
    let to = match kind {
        ReportKind::Synthesis => &conf.advisory_group.name,
        ReportKind::Implementation => &conf.conference.name,
    };
    ReportMeta {
        name: report_name(kind, conf.profile).to_string(),
        symbol: symbol.clone(),
        date: date.long(),
        iso_date: date.to_string(),
        title,
        meeting,
        subtitle: format!("Submitted to {to} under {resolution}"),
        original: language_name(&conf.language).to_string(),
        source: format!("Director, {bureau}"),
    }
}

/// The language a report is written in, as the cover names it ("Original: English").
fn language_name(code: &str) -> &'static str {
    match code {
        "fr" => "French",
        "es" => "Spanish",
        "ar" => "Arabic",
        "ru" => "Russian",
        "zh" => "Chinese",
        _ => "English",
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
    let markdown = templates.render(&ctx.report.name, &ctx)?;
    let info = DocumentInfo {
        title: ctx.report.title.clone(),
        subject: ctx.conference.name.clone(),
        symbol: ctx.report.symbol.clone(),
        date: ctx.report.date.clone(),
        iso_date: ctx.report.iso_date.clone(),
        language: ctx.language.clone(),
    };
    Ok(Report {
        name: ctx.report.name.clone(),
        info,
        markdown: tidy(&markdown::with_contents(&markdown)),
    })
}

/// Renders both reports: the synthesis, then the implementation report with it as annex.
/// `date` replaces the documents' dates (from `SOURCE_DATE_EPOCH`).
pub fn render_all(
    c: &Consolidated,
    templates: &Templates,
    date: Option<Date>,
) -> Result<Vec<Report>, Diagnostic> {
    // Both contexts are the same but for the document facts and the embedded synthesis:
    // built once.
    let mut ctx = context(c, ReportKind::Synthesis, templates, date)?;
    let synthesis = render(&ctx, templates)?;
    ctx.report = meta(c, ReportKind::Implementation, date);
    ctx.synthesis = embedded(&synthesis.markdown);
    let implementation = render(&ctx, templates)?;
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
