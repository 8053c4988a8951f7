//! Consolidated model → report contexts (`view`, the template contract) → handlebars
//! templates, rendered one topic at a time (`stream`) → Markdown.

pub mod diff;
pub mod helpers;
mod labels;
pub mod markdown;
mod names;
mod stream;
mod strict;
pub mod templates;
mod tidy;
pub mod view;

pub use templates::Templates;
pub use view::{ReportContext, ReportMeta};

use crate::model::{Consolidated, Date, Diagnostic, DocumentInfo, PROFILES, Profile};
use tidy::tidy;

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

/// Output file stem of a report for a profile (`tdag-synthesis`, `wtdc-implementation`, `synthesis`, `report-to-council`).
pub fn report_name(kind: ReportKind, profile: Profile) -> &'static str {
    match kind {
        ReportKind::Synthesis => profile.spec().synthesis_report,
        ReportKind::Implementation => profile.spec().implementation_report,
    }
}

/// The report kind named by a file stem, for `rpmsynth context --report NAME`.
pub fn report_kind(name: &str) -> Option<ReportKind> {
    if PROFILES.iter().any(|p| p.synthesis_report == name) {
        Some(ReportKind::Synthesis)
    } else if PROFILES.iter().any(|p| p.implementation_report == name) {
        Some(ReportKind::Implementation)
    } else {
        None
    }
}

/// Both reports of a cycle: their shared context built once ([`view::build`]), each report's
/// context made from it and rendered. The build and `rpmsynth context` both go through here.
pub struct Reports<'a> {
    consolidated: &'a Consolidated,
    templates: &'a Templates,
    date: Option<Date>,
    shared: view::Shared<'a>,
}

impl<'a> Reports<'a> {
    /// The reports of `c`; `date` replaces the documents' dates (from `SOURCE_DATE_EPOCH`).
    pub fn new(c: &'a Consolidated, templates: &'a Templates, date: Option<Date>) -> Reports<'a> {
        Reports {
            consolidated: c,
            templates,
            date,
            shared: view::build(c),
        }
    }

    /// The context of report `kind`; the implementation report's holds `synthesis`, the
    /// synthesis report's Markdown.
    pub fn context<'s>(&'s self, kind: ReportKind, synthesis: &'s str) -> ReportContext<'s> {
        view::context(&self.shared, self.consolidated, kind, self.date, synthesis)
    }

    /// Renders the synthesis report.
    pub fn synthesis(&self) -> Result<Report, Diagnostic> {
        Ok(self
            .render(&self.context(ReportKind::Synthesis, ""), self.room())?
            .finish(None))
    }

    /// Renders the implementation report, with `synthesis` (the synthesis report's Markdown)
    /// as its annex.
    pub fn implementation(&self, synthesis: String) -> Result<Report, Diagnostic> {
        Ok(self.implementation_draft()?.finish(Some(synthesis)))
    }

    /// Renders the implementation report without its annex, the synthesis, which
    /// [`Draft::finish`] puts in: so it can be rendered before the synthesis's files are made.
    pub fn implementation_draft(&self) -> Result<Draft, Diagnostic> {
        self.render(
            &self.context(ReportKind::Implementation, ""),
            self.room() / 3,
        )
    }

    /// The room to reserve for the synthesis's Markdown: it holds each outcome about twice
    /// (proposals by topic, annexes).
    fn room(&self) -> usize {
        let outcomes: usize = self
            .consolidated
            .cycle
            .rpms
            .iter()
            .map(|r| r.body.len())
            .sum();
        3 * outcomes + (1 << 20)
    }

    fn render(&self, ctx: &ReportContext, room: usize) -> Result<Draft, Diagnostic> {
        let (text, synthesis_at) = stream::render(ctx, self.templates, room)?;
        Ok(Draft {
            name: ctx.report.name.clone(),
            info: document_info(
                &ctx.report,
                &ctx.shared.conference.name,
                &ctx.shared.language,
            ),
            text,
            synthesis_at,
        })
    }
}

/// A rendered report before its last step: the template's output, and where in it
/// `{{synthesis}}` puts the embedded synthesis.
#[derive(Debug)]
pub struct Draft {
    name: String,
    info: DocumentInfo,
    text: String,
    synthesis_at: Vec<usize>,
}

impl Draft {
    /// The report: the synthesis (the synthesis report's Markdown) embedded where the
    /// template says, blank runs collapsed, contents filled. The synthesis is embedded within
    /// its own buffer, which becomes the report's (a report can be hundreds of megabytes).
    pub fn finish(self, synthesis: Option<String>) -> Report {
        let text = match (self.synthesis_at.split_first(), synthesis) {
            (Some((&first, rest)), Some(mut synthesis)) => {
                let cover = synthesis.len() - markdown::without_front_matter(&synthesis).len();
                synthesis.drain(..cover);
                let mut text = markdown::embed(synthesis, 2, "synthesis-");
                let embedded = first..first + text.len();
                text.reserve(self.text.len());
                text.insert_str(0, &self.text[..first]);
                let mut last = first;
                for &at in rest {
                    text.push_str(&self.text[last..at]);
                    text.extend_from_within(embedded.clone());
                    last = at;
                }
                text.push_str(&self.text[last..]);
                text
            }
            _ => self.text,
        };
        Report {
            name: self.name,
            info: self.info,
            markdown: finish(text),
        }
    }
}

/// The context of report `kind` as `rpmsynth context` prints it (JSON); the implementation
/// report's needs the synthesis rendered first.
pub fn context_json(
    c: &Consolidated,
    kind: ReportKind,
    templates: &Templates,
    date: Option<Date>,
) -> Result<String, Diagnostic> {
    let reports = Reports::new(c, templates, date);
    let synthesis = match kind {
        ReportKind::Synthesis => String::new(),
        ReportKind::Implementation => reports.synthesis()?.markdown,
    };
    let ctx = reports.context(kind, &synthesis);
    serde_json::to_string_pretty(&ctx).map_err(|e| {
        Diagnostic::error(
            &crate::model::SourcePos::new("report context", 0, 0),
            format!("cannot print the report context: {e}"),
        )
    })
}

/// A report's Markdown from its template's output: blank runs collapsed, contents filled.
/// Public for the check that renders a printed context as the build does.
pub fn finish(rendered: String) -> String {
    tidy(markdown::with_contents(rendered))
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
