//! The whole pipeline in memory: input files → consolidated model → every output file's bytes.

use crate::consolidate::consolidate;
use crate::consolidate::json;
use crate::ingest::{self, InputFiles};
use crate::model::{Consolidated, Date, Diagnostic, Severity, SourcePos};
pub use crate::output::Artifact;
use crate::output::OutputError;
use crate::render::{Styles, docx, html};
use crate::report::{self, Templates};
use std::sync::Mutex;

/// An output format (`--format md,html,docx,json`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// The reports' Markdown.
    #[value(alias = "markdown")]
    Md,
    /// The reports as standalone HTML pages.
    Html,
    /// The reports as Word documents.
    Docx,
    /// `consolidated.json`.
    Json,
}

impl Format {
    /// Every format.
    pub const ALL: [Format; 4] = [Format::Md, Format::Html, Format::Docx, Format::Json];
}

/// A successful build: the files to write and the warnings found on the way.
#[derive(Debug)]
pub struct Built {
    pub artifacts: Vec<Artifact>,
    pub diagnostics: Vec<Diagnostic>,
    pub consolidated: Consolidated,
}

/// Reads and consolidates; `Err` carries every diagnostic when there is any error.
pub fn check(input: &InputFiles) -> Result<(Consolidated, Vec<Diagnostic>), Vec<Diagnostic>> {
    let ingested = ingest::load(input);
    match ingested.cycle {
        Some(cycle) => {
            let consolidated = consolidate(cycle);
            let mut diagnostics = ingested.diagnostics;
            diagnostics.extend(consolidated.diagnostics.iter().cloned());
            Ok((consolidated, diagnostics))
        }
        None => Err(ingested.diagnostics),
    }
}

/// Runs the whole pipeline and returns every output file (sorted by name; none when the
/// diagnostics hold an error), nothing written yet; `styles` are the writers' own (the HTML
/// stylesheet, the house Word template).
pub fn build(
    input: &InputFiles,
    templates: &Templates,
    styles: &Styles,
    formats: &[Format],
    date: Option<Date>,
) -> Result<Built, Vec<Diagnostic>> {
    let made = Mutex::new(Vec::new());
    let (consolidated, diagnostics) = build_into(input, templates, styles, formats, date, &|a| {
        made.lock().unwrap_or_else(|e| e.into_inner()).push(a);
        Ok(())
    })?;
    let mut artifacts = made.into_inner().unwrap_or_else(|e| e.into_inner());
    artifacts.sort_by(|a, b| a.file_name.cmp(&b.file_name));
    Ok(Built {
        artifacts,
        diagnostics,
        consolidated,
    })
}

/// Runs the whole pipeline and hands each output file to `sink` as soon as it is made, so
/// that a large build never holds all of them (the reports run in parallel, so does `sink`).
/// A `sink` error stops the build and comes back as an error diagnostic. `styles` are the
/// writers' own (the HTML stylesheet, the house Word template).
pub fn build_into(
    input: &InputFiles,
    templates: &Templates,
    styles: &Styles,
    formats: &[Format],
    date: Option<Date>,
    sink: &(dyn Fn(Artifact) -> Result<(), OutputError> + Sync),
) -> Result<(Consolidated, Vec<Diagnostic>), Vec<Diagnostic>> {
    let (consolidated, diagnostics) = check(input)?;
    let failed =
        |name: &str, message: String| vec![Diagnostic::error(&SourcePos::new(name, 0, 0), message)];
    // With an error in the input the build still runs, to report template errors too, but
    // its files go nowhere: nothing is written for a build that fails.
    let doomed = diagnostics.iter().any(|d| d.severity == Severity::Error);
    let emit = |file_name: String, bytes: Vec<u8>| {
        if doomed {
            return Ok(());
        }
        let name = file_name.clone();
        sink(Artifact { file_name, bytes }).map_err(|e| failed(&name, e.to_string()))
    };
    let json = || -> Result<(), Vec<Diagnostic>> {
        if !formats.contains(&Format::Json) {
            return Ok(());
        }
        let ingest_warnings: Vec<Diagnostic> = diagnostics
            .iter()
            .filter(|d| !consolidated.diagnostics.contains(d))
            .cloned()
            .collect();
        emit(
            "consolidated.json".into(),
            json::to_json(&consolidated, &ingest_warnings).into_bytes(),
        )
    };
    // A report's HTML and DOCX, made from its Markdown in parallel.
    let pages = |r: &report::Report| -> Result<(), Vec<Diagnostic>> {
        let html = || -> Result<(), Vec<Diagnostic>> {
            if formats.contains(&Format::Html) {
                let page = html::to_html(&r.markdown, &r.info, &styles.css);
                emit(format!("{}.html", r.name), page.into_bytes())?;
            }
            Ok(())
        };
        let docx = || -> Result<(), Vec<Diagnostic>> {
            if formats.contains(&Format::Docx) {
                let name = format!("{}.docx", r.name);
                let bytes = docx::to_docx(&r.markdown, &r.info, styles.reference.as_ref())
                    .map_err(|e| failed(&name, format!("cannot write DOCX: {e}")))?;
                emit(name, bytes)?;
            }
            Ok(())
        };
        let (html, docx) = rayon::join(html, docx);
        html.and(docx)
    };
    // Each report's Markdown moves into its file once nothing else needs it (at 6 × 20,000
    // proposals a copy is 290 MB).
    let markdown = |r: report::Report| -> Result<(), Vec<Diagnostic>> {
        if formats.contains(&Format::Md) {
            emit(format!("{}.md", r.name), r.markdown.into_bytes())?;
        }
        Ok(())
    };
    let reports = || -> Result<(), Vec<Diagnostic>> {
        let reports = report::Reports::new(&consolidated, templates, date);
        let synthesis = reports.synthesis().map_err(|d| vec![d])?;
        // The implementation report (which embeds the synthesis) renders while the
        // synthesis's pages are made; the synthesis's Markdown goes to its file before the
        // implementation report's pages are made, so at most two reports are held at once.
        let (implementation, pages_done) = rayon::join(
            || reports.implementation(&synthesis.markdown),
            || pages(&synthesis),
        );
        let implementation = implementation.map_err(|d| vec![d])?;
        pages_done?;
        markdown(synthesis)?;
        pages(&implementation)?;
        markdown(implementation)
    };
    let (reports, json) = rayon::join(reports, json);
    reports.and(json)?;
    Ok((consolidated, diagnostics))
}
