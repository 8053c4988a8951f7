//! The whole pipeline in memory: input files → consolidated model → every output file's bytes.

use crate::consolidate::consolidate;
use crate::ingest::{self, InputFiles};
use crate::model::{Consolidated, Date, Diagnostic, Severity, SourcePos};
use crate::render::{docx, html};
use crate::report::{self, Templates, json};
use std::sync::Mutex;

/// Which output formats to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Formats {
    pub md: bool,
    pub html: bool,
    pub docx: bool,
    pub json: bool,
}

impl Formats {
    /// Every format.
    pub const ALL: Formats = Formats {
        md: true,
        html: true,
        docx: true,
        json: true,
    };

    /// Parses a comma-separated list such as `md,html,docx,json`.
    pub fn parse(list: &str) -> Result<Formats, String> {
        let mut f = Formats {
            md: false,
            html: false,
            docx: false,
            json: false,
        };
        for name in list.split(',').map(str::trim).filter(|s| !s.is_empty()) {
            match name {
                "md" | "markdown" => f.md = true,
                "html" => f.html = true,
                "docx" => f.docx = true,
                "json" => f.json = true,
                other => {
                    return Err(format!(
                        "unknown format \"{other}\"; expected md, html, docx or json"
                    ));
                }
            }
        }
        if f == (Formats {
            md: false,
            html: false,
            docx: false,
            json: false,
        }) {
            return Err("no format given; expected md, html, docx or json".into());
        }
        Ok(f)
    }
}

/// One output file: its name in the output folder and its complete bytes.
#[derive(Debug, Clone)]
pub struct Artifact {
    pub file_name: String,
    pub bytes: Vec<u8>,
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
/// diagnostics hold an error), nothing written yet.
pub fn build(
    input: &InputFiles,
    templates: &Templates,
    formats: Formats,
    date: Option<Date>,
) -> Result<Built, Vec<Diagnostic>> {
    let made = Mutex::new(Vec::new());
    let (consolidated, diagnostics) = build_into(input, templates, formats, date, &|a| {
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
/// A `sink` error stops the build and comes back as an error diagnostic.
pub fn build_into(
    input: &InputFiles,
    templates: &Templates,
    formats: Formats,
    date: Option<Date>,
    sink: &(dyn Fn(Artifact) -> Result<(), String> + Sync),
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
        sink(Artifact { file_name, bytes }).map_err(|e| failed(&name, e))
    };
    let json = || -> Result<(), Vec<Diagnostic>> {
        if !formats.json {
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
            if formats.html {
                let page = html::to_html(&r.markdown, &r.info, &templates.css);
                emit(format!("{}.html", r.name), page.into_bytes())?;
            }
            Ok(())
        };
        let docx = || -> Result<(), Vec<Diagnostic>> {
            if formats.docx {
                let name = format!("{}.docx", r.name);
                let bytes = docx::to_docx(&r.markdown, &r.info, templates.reference.as_ref())
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
        if formats.md {
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
