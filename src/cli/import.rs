//! `rpmsynth import FILE.docx… [-o INPUT] [--region CODE] [--force]`: write one outcome file
//! per Word document into INPUT/rpm/, and say what was recognised in each.

use super::Global;
use super::printer::{Printer, plural};
use rpmsynth::import::{self, Imported, Report};
use rpmsynth::model::{Diagnostic, Region, SourcePos};
use rpmsynth::output;
use std::path::{Path, PathBuf};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Word documents (.docx): chairman's reports, common-proposal packages, addenda.
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// Input folder to write into (its rpm/ subfolder).
    #[arg(long, short, default_value = "input")]
    output: PathBuf,
    /// The region of every document given (AFR, AMS, ARB, ASP, CIS or EUR), instead of the
    /// one found in it.
    #[arg(long)]
    region: Option<String>,
    /// Replace outcome files that already exist.
    #[arg(long)]
    force: bool,
}

pub fn run(args: Args, global: Global) -> u8 {
    let printer = Printer::new(global, &args.output);
    let at = |path: &Path| SourcePos::new(&path.display().to_string(), 0, 0);
    let region = match args.region.as_deref().map(|r| (r, Region::parse(r))) {
        None => None,
        Some((_, Some(r))) => Some(r),
        Some((given, None)) => {
            let d = Diagnostic::error(
                &at(Path::new("--region")),
                format!("`{given}` is not a region code"),
            )
            .with_help("one of AFR, AMS, ARB, ASP, CIS, EUR");
            return printer.finish(&[d], None);
        }
    };
    // Read and convert everything first: one bad document writes nothing.
    let mut errors = Vec::new();
    let mut done: Vec<(&Path, String, Imported)> = Vec::new();
    for path in &args.files {
        let name = path.file_name().map_or(path.display().to_string(), |n| {
            n.to_string_lossy().into_owned()
        });
        let bytes = match read_limited(path) {
            Ok(b) => b,
            Err(e) => {
                errors.push(Diagnostic::error(&at(path), e));
                continue;
            }
        };
        match import::import(&name, &bytes, region) {
            Ok(imported) => {
                let target = format!("rpm/{}", import::file_name(&name));
                if done.iter().any(|(_, t, _)| *t == target) {
                    errors.push(Diagnostic::error(
                        &at(path),
                        format!("another document given also becomes {target}"),
                    ));
                } else if args.output.join(&target).exists() && !args.force {
                    errors.push(
                        Diagnostic::error(
                            &at(&args.output.join(&target)),
                            format!("already exists (imported from {name} before?)"),
                        )
                        .with_help("give --force to replace it"),
                    );
                } else {
                    done.push((path, target, imported));
                }
            }
            Err(message) => {
                let message = message
                    .strip_prefix(&format!("{name}: "))
                    .unwrap_or(&message)
                    .to_string();
                errors.push(Diagnostic::error(&at(path), message));
            }
        }
    }
    if !errors.is_empty() {
        return printer.finish(&errors, Some("nothing written".into()));
    }
    let files = done
        .iter()
        .map(|(_, target, i)| (target.as_str(), i.markdown.as_bytes()));
    if let Err(e) = output::write_files(&args.output, files) {
        let d = Diagnostic::error(&at(&args.output), e.to_string());
        return printer.finish(&[d], Some("nothing written".into()));
    }
    let mut warnings = Vec::new();
    for (path, target, imported) in &done {
        if !global.quiet {
            println!(
                "{} → {}",
                path.display(),
                args.output.join(target).display()
            );
            print!("{}", describe(imported));
        }
        for w in &imported.report.warnings {
            warnings.push(Diagnostic::warning(
                &at(path),
                format!("paragraph {} (“{}”): {}", w.paragraph, w.words, w.message),
            ));
        }
    }
    printer.finish(
        &warnings,
        Some(format!("imported {}", plural(done.len(), "document"))),
    )
}

/// What was recognised in one document, a few indented lines.
pub fn describe(imported: &Imported) -> String {
    let r: &Report = &imported.report;
    let mut out = format!(
        "  region {} ({}); {}\n",
        imported.region.code(),
        r.region_how,
        r.kind
    );
    if !r.facts.is_empty() {
        let facts: Vec<String> = r.facts.iter().map(|(k, v)| format!("{k} {v}")).collect();
        out.push_str(&format!("  found: {}\n", facts.join("; ")));
    }
    if !r.missing.is_empty() {
        out.push_str(&format!("  not found: {}\n", r.missing.join(", ")));
    }
    let mut parts = Vec::new();
    if r.priorities > 0 {
        parts.push(plural(r.priorities, "priority").replace("prioritys", "priorities"));
    }
    if !r.initiatives.is_empty() {
        parts.push(format!(
            "{} ({})",
            plural(r.initiatives.len(), "initiative"),
            r.initiatives
                .iter()
                .map(|l| l
                    .split([':', '.', '–'])
                    .next()
                    .unwrap_or(l)
                    .trim()
                    .to_string())
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    let total: usize = r.proposals.values().sum();
    if total > 0 {
        let marks: Vec<String> = r
            .proposals
            .iter()
            .map(|(m, n)| format!("{m} {n}"))
            .collect();
        parts.push(format!(
            "{} ({})",
            plural(total, "proposal"),
            marks.join(", ")
        ));
    }
    if parts.is_empty() {
        parts.push("no priorities, initiatives or proposals".into());
    }
    out.push_str(&format!("  {}\n", parts.join("; ")));
    let (ins, del, moves, authors) = &r.tracked;
    if ins + del + moves > 0 || r.changes > 0 {
        out.push_str(&format!(
            "  tracked changes: {ins} insertions, {del} deletions, {moves} moves{}; {} marked as CriticMarkup\n",
            if authors.is_empty() {
                String::new()
            } else {
                let quoted: Vec<String> = authors.iter().map(|a| format!("“{a}”")).collect();
                format!(" by {}", quoted.join(", "))
            },
            r.changes
        ));
    }
    if r.comments + r.fields_dropped > 0 {
        out.push_str(&format!(
            "  note: dropped {} and {}\n",
            plural(r.comments, "comment"),
            plural(r.fields_dropped, "field (contents, page numbers)").replace(
                "field (contents, page numbers)s",
                "fields (contents, page numbers)"
            )
        ));
    }
    out
}

/// The file's bytes, refusing a file larger than a Word document may be before reading it.
fn read_limited(path: &Path) -> Result<Vec<u8>, String> {
    let meta = std::fs::metadata(path).map_err(|e| format!("cannot read: {e}"))?;
    let limit = 64 * 1024 * 1024;
    if meta.len() > limit {
        return Err(format!(
            "is {} MB, more than the 64 MB a Word document may have here",
            meta.len() / (1024 * 1024)
        ));
    }
    std::fs::read(path).map_err(|e| format!("cannot read: {e}"))
}
