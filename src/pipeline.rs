//! The whole pipeline in memory: input files → consolidated model → every output file's bytes.

use crate::consolidate::consolidate;
use crate::consolidate::json;
use crate::ingest::{self, InputFiles};
use crate::model::{Consolidated, Date, Diagnostic, Severity, SourcePos};
use crate::output::OutputError;
pub use crate::output::{Artifact, Destination};
use crate::render::{Styles, docx, html};
use crate::report::{self, Templates};
use std::io::Write;
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

/// The files of a build, kept in memory.
#[derive(Default)]
struct InMemory(Mutex<Vec<Artifact>>);

impl Destination for InMemory {
    fn file(
        &self,
        name: &str,
        write: &mut dyn FnMut(&mut dyn Write) -> std::io::Result<()>,
    ) -> Result<(), OutputError> {
        let mut bytes = Vec::new();
        write(&mut bytes).map_err(|source| OutputError::Io {
            action: "cannot make",
            path: name.into(),
            source,
        })?;
        self.0
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(Artifact {
                file_name: name.to_string(),
                bytes,
            });
        Ok(())
    }
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
    let made = InMemory::default();
    let (consolidated, diagnostics) = build_into(input, templates, styles, formats, date, &made)?;
    let mut artifacts = made.0.into_inner().unwrap_or_else(|e| e.into_inner());
    artifacts.sort_by(|a, b| a.file_name.cmp(&b.file_name));
    Ok(Built {
        artifacts,
        diagnostics,
        consolidated,
    })
}

/// Runs the whole pipeline and writes each output file into `destination` as soon as it is
/// made, so that a large build never holds them (the reports run in parallel, and so may
/// the writes). A write error stops the build and comes back as an error diagnostic.
/// `styles` are the writers' own (the HTML stylesheet, the house Word template).
pub fn build_into(
    input: &InputFiles,
    templates: &Templates,
    styles: &Styles,
    formats: &[Format],
    date: Option<Date>,
    destination: &dyn Destination,
) -> Result<(Consolidated, Vec<Diagnostic>), Vec<Diagnostic>> {
    let (consolidated, diagnostics) = check(input)?;
    let failed =
        |name: &str, message: String| vec![Diagnostic::error(&SourcePos::new(name, 0, 0), message)];
    // With an error in the input the build still runs, to report template errors too, but
    // its files go nowhere: nothing is written for a build that fails.
    let doomed = diagnostics.iter().any(|d| d.severity == Severity::Error);
    let emit = |name: String, write: &mut dyn FnMut(&mut dyn Write) -> std::io::Result<()>| {
        if doomed {
            return Ok(());
        }
        destination
            .file(&name, write)
            .map_err(|e| failed(&name, e.to_string()))
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
        emit("consolidated.json".into(), &mut |out| {
            json::write_json(&consolidated, &ingest_warnings, out)
        })
    };
    // A report's files: its Markdown, and its HTML and DOCX made from it in parallel.
    let files = |r: &report::Report| -> Result<(), Vec<Diagnostic>> {
        let html = || -> Result<(), Vec<Diagnostic>> {
            if formats.contains(&Format::Html) {
                emit(format!("{}.html", r.name), &mut |out| {
                    html::write_html(&r.markdown, &r.info, &styles.css, out)
                })?;
            }
            Ok(())
        };
        let docx = || -> Result<(), Vec<Diagnostic>> {
            if formats.contains(&Format::Docx) {
                let name = format!("{}.docx", r.name);
                let bytes = docx::to_docx(&r.markdown, &r.info, styles.reference.as_ref())
                    .map_err(|e| failed(&name, format!("cannot write DOCX: {e}")))?;
                emit(name, &mut |out| out.write_all(&bytes))?;
            }
            Ok(())
        };
        if formats.contains(&Format::Md) {
            emit(format!("{}.md", r.name), &mut |out| {
                out.write_all(r.markdown.as_bytes())
            })?;
        }
        let (html, docx) = rayon::join(html, docx);
        html.and(docx)
    };
    let reports = || -> Result<(), Vec<Diagnostic>> {
        let reports = report::Reports::new(&consolidated, templates, date);
        let synthesis = reports.synthesis().map_err(|d| vec![d])?;
        // The implementation report renders while the synthesis's files are made; then the
        // synthesis's Markdown becomes the implementation report's annex, so that one
        // report's Markdown is held at a time.
        let (draft, synthesis_done) =
            rayon::join(|| reports.implementation_draft(), || files(&synthesis));
        synthesis_done?;
        let implementation = draft.map_err(|d| vec![d])?.finish(Some(synthesis.markdown));
        files(&implementation)
    };
    let (reports, json) = rayon::join(reports, json);
    reports.and(json)?;
    Ok((consolidated, diagnostics))
}
