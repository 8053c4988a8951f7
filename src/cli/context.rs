//! `rpmsynth context [INPUT] --report NAME`: the JSON context a template receives.

use super::Global;
use super::printer::{self, Printer};
use rpmsynth::ingest::InputFiles;
use rpmsynth::model::{Diagnostic, Profile, SourcePos};
use rpmsynth::report::{ReportKind, report_name};
use rpmsynth::workspace::Workspace;
use std::io::Write;
use std::path::PathBuf;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Input folder.
    #[arg(default_value = "input")]
    input: PathBuf,
    /// Report: tdag-synthesis or wtdc-implementation (wtdc), synthesis or report-to-council (wtsa).
    #[arg(long, value_parser = ["tdag-synthesis", "wtdc-implementation", "synthesis", "report-to-council"])]
    report: String,
    /// Folder of templates overriding the built-in ones.
    #[arg(long)]
    templates: Option<PathBuf>,
}

pub fn run(args: Args, global: Global) -> u8 {
    let dir = printer::templates_dir(args.templates.as_deref(), &args.input);
    let mut printer = Printer::new(global, &args.input);
    let workspace = match Workspace::open(&args.input, dir.as_deref(), None) {
        Ok(w) => w,
        Err(d) => return printer.finish(&[d], None),
    };
    printer::note_skipped(&printer, workspace.input());
    let templates = match workspace.templates() {
        Ok(t) => t,
        Err(errors) => return printer.finish(errors, None),
    };
    printer.input = Some(workspace.input());
    printer.templates = Some(templates);
    let kind = rpmsynth::report::report_kind(&args.report).expect("clap checked the name");
    let result = rpmsynth::pipeline::check(workspace.input()).and_then(|(c, diagnostics)| {
        let profile = c.cycle.conference.profile;
        if report_name(kind, profile) != args.report {
            return Ok(Err(not_made(&args.report, profile, workspace.input())));
        }
        let json = rpmsynth::report::context_json(&c, kind, templates, super::build::source_date())
            .map_err(|d| vec![d])?;
        Ok(Ok((json, diagnostics)))
    });
    match result {
        Ok(Err(usage)) => {
            eprintln!("{}\n", printer.render(&usage));
            2
        }
        Ok(Ok((json, diagnostics))) => {
            // A reader that stops early (`| head`) is not an error; other write errors are.
            match writeln!(std::io::stdout().lock(), "{json}") {
                Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                    eprintln!("error: cannot write the context: {e}");
                    return 1;
                }
                _ => {}
            }
            let errors: Vec<Diagnostic> = diagnostics
                .into_iter()
                .filter(Diagnostic::is_error)
                .collect();
            printer.finish(&errors, None)
        }
        Err(diagnostics) => printer.finish(&diagnostics, None),
    }
}

/// The usage error for a report the cycle's profile does not make, naming those it does.
fn not_made(report: &str, profile: Profile, input: &InputFiles) -> Diagnostic {
    let reports =
        [ReportKind::Synthesis, ReportKind::Implementation].map(|k| report_name(k, profile));
    let file = ["conference.yaml", "conference.yml"]
        .into_iter()
        .find(|f| input.files.contains_key(*f))
        .unwrap_or("conference.yaml");
    Diagnostic::error(
        &SourcePos::new(file, 0, 0),
        format!(
            "report \"{report}\" is not made for a {} cycle; this cycle's reports are {} and {}",
            profile.code(),
            reports[0],
            reports[1]
        ),
    )
    .with_help(format!(
        "the cycle's profile is set in {file} (`profile: {}`)",
        profile.code()
    ))
}
