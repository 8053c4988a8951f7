//! `rpmsynth build [INPUT] [-o OUTPUT] [--templates DIR] [--format …]`.

use super::Global;
use super::printer::{self, Printer};
use rpmsynth::model::{Date, Diagnostic, SourcePos};
use rpmsynth::output;
use rpmsynth::pipeline::{Destination, Format};
use rpmsynth::workspace::Workspace;
use std::path::PathBuf;
use std::sync::Mutex;
use std::time::Instant;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Input folder.
    #[arg(default_value = "input")]
    pub input: PathBuf,
    /// Output folder.
    #[arg(short, long, default_value = "output")]
    pub output: PathBuf,
    /// Folder of templates overriding the built-in ones (by file name).
    #[arg(long)]
    pub templates: Option<PathBuf>,
    /// Word file whose styles and page setup the DOCX outputs take (the house template).
    #[arg(long, value_name = "FILE.docx")]
    pub reference_doc: Option<PathBuf>,
    /// Comma-separated formats: md, html, docx, json.
    #[arg(long, value_enum, value_delimiter = ',', default_values_t = Format::ALL)]
    pub format: Vec<Format>,
}

/// File names with their formats gathered by report: "tdag-synthesis.md, .html, .docx;
/// consolidated.json".
fn by_report<'a>(names: impl Iterator<Item = &'a str>) -> String {
    let mut reports: Vec<(&str, Vec<&str>)> = Vec::new();
    for name in names {
        let (stem, ext) = name.rsplit_once('.').unwrap_or((name, ""));
        match reports.iter_mut().find(|(s, _)| *s == stem) {
            Some((_, exts)) => exts.push(ext),
            None => reports.push((stem, vec![ext])),
        }
    }
    let formats = |(stem, exts): &(&str, Vec<&str>)| format!("{stem}.{}", exts.join(", ."));
    reports.iter().map(formats).collect::<Vec<_>>().join("; ")
}

/// The documents' date from `SOURCE_DATE_EPOCH` (seconds since 1970), when set and valid.
pub fn source_date() -> Option<Date> {
    let secs: i64 = std::env::var("SOURCE_DATE_EPOCH")
        .ok()?
        .trim()
        .parse()
        .ok()?;
    chrono::DateTime::from_timestamp(secs, 0).map(|t| Date(t.date_naive()))
}

pub fn run(args: Args, global: Global) -> u8 {
    let started = Instant::now();
    match open(&args, global) {
        Ok(workspace) => emit(&workspace, &args, global, started, &mut Vec::new()),
        Err(code) => code,
    }
}

/// Reads the input folder and the templates (`--templates`, else `INPUT/templates`).
pub fn open(args: &Args, global: Global) -> Result<Workspace, u8> {
    let dir = printer::templates_dir(args.templates.as_deref(), &args.input);
    let printer = Printer::new(global, &args.input);
    if let Err(message) = output::check_folder(&args.output, &args.input, dir.as_deref()) {
        let pos = SourcePos::new(&args.output.display().to_string(), 0, 0);
        return Err(printer.finish(&[Diagnostic::error(&pos, message.to_string())], None));
    }
    let workspace = Workspace::open(&args.input, dir.as_deref(), args.reference_doc.as_deref())
        .map_err(|d| printer.finish(&[d], None))?;
    printer::note_skipped(&printer, workspace.input());
    Ok(workspace)
}

/// Builds from what `workspace` holds, prints the diagnostics and, when there is no error,
/// writes every output file; returns the exit status. `warnings` holds the warnings the
/// previous build printed (only counted if they come again) and gets this build's.
pub fn emit(
    workspace: &Workspace,
    args: &Args,
    global: Global,
    started: Instant,
    warnings: &mut Vec<Diagnostic>,
) -> u8 {
    let previous = std::mem::take(warnings);
    let mut printer = Printer::new(global, &args.input);
    printer.input = Some(workspace.input());
    printer.templates = workspace.templates().ok();
    printer.printed = &previous;
    let staging = Listed {
        staging: output::Staging::new(&args.output),
        written: Mutex::new(Vec::new()),
    };
    let (consolidated, diagnostics) =
        match workspace.build_into(&args.format, source_date(), &staging) {
            Ok(built) => built,
            Err(diagnostics) => {
                let status = printer.finish(&diagnostics, None);
                *warnings = diagnostics.into_iter().filter(|d| !d.is_error()).collect();
                return status;
            }
        };
    // Files are staged as they are made; they replace the previous output only now, when
    // the build has no error (a staging dropped without commit removes them).
    let status = printer.finish(&diagnostics, None);
    *warnings = diagnostics;
    if status != 0 {
        return status;
    }
    if let Err(message) = staging.staging.commit() {
        eprintln!("error: {message}");
        return 1;
    }
    let mut written = staging
        .written
        .into_inner()
        .unwrap_or_else(|e| e.into_inner());
    written.sort();
    if !global.quiet {
        eprintln!(
            "read {}: {}",
            args.input.display(),
            printer::what_was_read(&consolidated)
        );
        eprintln!(
            "wrote {} files to {} in {} ms: {}",
            written.len(),
            args.output.display(),
            started.elapsed().as_millis(),
            by_report(written.iter().map(|(name, _)| name.as_str()))
        );
    }
    if global.verbose {
        for (name, size) in &written {
            eprintln!("  {name} ({size} bytes)");
        }
    }
    0
}

/// The staged output, with each file's name and size as it was written.
struct Listed {
    staging: output::Staging,
    written: Mutex<Vec<(String, u64)>>,
}

impl Destination for Listed {
    fn file(
        &self,
        name: &str,
        write: &mut dyn FnMut(&mut dyn std::io::Write) -> std::io::Result<()>,
    ) -> Result<(), output::OutputError> {
        let mut size = 0;
        self.staging.file(name, &mut |out| {
            let mut counted = Counted { out, size: 0 };
            let written = write(&mut counted);
            size = counted.size;
            written
        })?;
        let mut list = self.written.lock().unwrap_or_else(|e| e.into_inner());
        list.push((name.to_string(), size));
        Ok(())
    }
}

/// A writer that counts the bytes written through it.
struct Counted<'a> {
    out: &'a mut dyn std::io::Write,
    size: u64,
}

impl std::io::Write for Counted<'_> {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        let n = self.out.write(bytes)?;
        self.size += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}
