//! `rpmsynth build [INPUT] [-o OUTPUT] [--templates DIR] [--format …]`.

use super::report::{self, Printer};
use super::{Global, output};
use rpmsynth::build::Formats;
use rpmsynth::model::Date;
use std::path::PathBuf;
use std::time::Instant;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Input folder.
    #[arg(default_value = "input")]
    input: PathBuf,
    /// Output folder.
    #[arg(short, long, default_value = "output")]
    output: PathBuf,
    /// Folder of templates overriding the built-in ones (by file name).
    #[arg(long)]
    templates: Option<PathBuf>,
    /// Word file whose styles and page setup the DOCX outputs take (the house template).
    #[arg(long, value_name = "FILE.docx")]
    reference_doc: Option<PathBuf>,
    /// Comma-separated formats: md, html, docx, json.
    #[arg(long, default_value = "md,html,docx,json", value_parser = Formats::parse)]
    format: Formats,
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
    let mut printer = Printer::new(global, &args.input);
    let dir = report::templates_dir(args.templates.as_deref(), &args.input);
    let (input, templates) = match (
        report::read_input(&printer),
        report::templates(dir.as_deref(), args.reference_doc.as_deref(), &printer),
    ) {
        (Ok(i), Ok(t)) => (i, t),
        (Err(code), _) | (_, Err(code)) => return code,
    };
    printer.input = Some(&input);
    printer.templates = Some(&templates);
    let built = match rpmsynth::build::build(&input, &templates, args.format, source_date()) {
        Ok(b) => b,
        Err(diagnostics) => return printer.finish(&diagnostics, None),
    };
    let status = printer.finish(&built.diagnostics, None);
    if status != 0 {
        return status;
    }
    if let Err(message) = output::write_all(&args.output, &built.artifacts) {
        eprintln!("error: {message}");
        return 1;
    }
    if !global.quiet {
        eprintln!(
            "wrote {} files to {} in {} ms",
            built.artifacts.len(),
            args.output.display(),
            started.elapsed().as_millis()
        );
    }
    if global.verbose {
        for a in &built.artifacts {
            eprintln!("  {} ({} bytes)", a.file_name, a.bytes.len());
        }
    }
    0
}
