//! Diagnostics printed for the person at the keyboard, and the exit status they imply.

use super::Global;
use rpmsynth::diagnostics;
use rpmsynth::ingest::{InputFiles, wanted};
use rpmsynth::model::Diagnostic;
use rpmsynth::report::Templates;
use std::path::{Path, PathBuf};

/// Prints diagnostics against the files they point into: input files by their path in the
/// input folder, templates by their origin.
pub struct Printer<'a> {
    pub global: Global,
    pub root: &'a Path,
    pub input: Option<&'a InputFiles>,
    pub templates: Option<&'a Templates>,
    pub color: bool,
    /// Warnings already printed by the previous build of a `watch`, not printed again.
    pub printed: &'a [Diagnostic],
}

impl<'a> Printer<'a> {
    /// A printer for diagnostics about the input folder `root`.
    pub fn new(global: Global, root: &'a Path) -> Printer<'a> {
        Printer {
            global,
            root,
            input: None,
            templates: None,
            color: diagnostics::color_wanted(),
            printed: &[],
        }
    }

    /// Prints diagnostics (errors always, warnings unless quiet) and the summary line, which
    /// `what` precedes when given; returns the exit status.
    pub fn finish(&self, diagnostics: &[Diagnostic], what: Option<String>) -> u8 {
        let errors = diagnostics.iter().filter(|d| d.is_error()).count();
        let warnings = diagnostics.len() - errors;
        let unchanged = |d: &&Diagnostic| !d.is_error() && self.printed.contains(d);
        for d in diagnostics
            .iter()
            .filter(|d| d.is_error() || !self.global.quiet)
            .filter(|d| !unchanged(d))
        {
            eprintln!("{}\n", self.render(d));
        }
        let failed = errors > 0 || (self.global.deny_warnings && warnings > 0);
        let counts = match diagnostics.iter().filter(unchanged).count() {
            0 => summary(errors, warnings),
            n if n == warnings => format!("{}, unchanged", summary(errors, warnings)),
            n => format!("{} ({n} unchanged)", summary(errors, warnings)),
        };
        match what {
            Some(what) if !self.global.quiet || failed => eprintln!("{what}: {counts}"),
            None if (!self.global.quiet || failed) && errors + warnings > 0 => {
                eprintln!("{counts}")
            }
            _ => {}
        }
        if failed && errors == 0 {
            eprintln!("warnings are denied (--deny-warnings)");
        }
        u8::from(failed)
    }

    /// One diagnostic as printed.
    pub fn render(&self, d: &Diagnostic) -> String {
        let in_input = self.input.is_some_and(|i| i.files.contains_key(&d.file));
        let path = if in_input || wanted(&d.file) {
            self.root.join(&d.file).display().to_string()
        } else {
            d.file.clone()
        };
        let line = self.source_line(d);
        diagnostics::render(d, &path, line.as_deref(), self.color)
    }

    /// The text of the line `d` points at, from the input file or template it names.
    fn source_line(&self, d: &Diagnostic) -> Option<String> {
        if let Some(bytes) = self.input.and_then(|i| i.files.get(&d.file)) {
            let line = bytes.split(|&b| b == b'\n').nth(d.line.checked_sub(1)?)?;
            return Some(String::from_utf8_lossy(line).into_owned());
        }
        let line = |text: &str| diagnostics::line_of(text, d.line).map(str::to_string);
        if let Some(text) = self.templates.and_then(|t| t.source(&d.file)) {
            return line(text);
        }
        // A template that did not compile is not held anywhere: read it again.
        if d.file.ends_with(".md.hbs") {
            return line(&std::fs::read_to_string(&d.file).ok()?);
        }
        None
    }
}

fn summary(errors: usize, warnings: usize) -> String {
    format!(
        "{}, {}",
        plural(errors, "error"),
        plural(warnings, "warning")
    )
}

/// "1 error", "2 warnings": a count and its noun.
pub fn plural(n: usize, noun: &str) -> String {
    format!("{n} {noun}{}", if n == 1 { "" } else { "s" })
}

/// What a consolidation read: "6 RPM outcomes, 2 inter-regional meetings, 48 proposals,
/// 31 groups" (inter-regional meetings only when there are some).
pub fn what_was_read(c: &rpmsynth::model::Consolidated) -> String {
    let meetings = match c.cycle.inter_regional.len() {
        0 => String::new(),
        n => format!(", {}", plural(n, "inter-regional meeting")),
    };
    format!(
        "{}{meetings}, {}, {}",
        plural(c.cycle.rpms.len(), "RPM outcome"),
        plural(c.cycle.proposals().count(), "proposal"),
        plural(c.groups.len(), "group")
    )
}

/// Reads the input folder, printing the error when it cannot.
pub fn read_input(printer: &Printer) -> Result<InputFiles, u8> {
    match InputFiles::from_dir(printer.root) {
        Ok(input) => {
            note_skipped(printer, &input);
            Ok(input)
        }
        Err(d) => Err(printer.finish(&[d], None)),
    }
}

/// With `--verbose`, names the files of the input folder that were passed over.
pub fn note_skipped(printer: &Printer, input: &InputFiles) {
    if printer.global.verbose {
        for skipped in &input.skipped {
            eprintln!("note: skipped {}", printer.root.join(skipped).display());
        }
    }
}

/// The templates folder: `--templates DIR` when given, else `INPUT/templates` when it
/// exists (as `rpmsynth init` writes it), else none (the built-in templates).
pub fn templates_dir(given: Option<&Path>, input: &Path) -> Option<PathBuf> {
    match given {
        Some(dir) => Some(dir.to_path_buf()),
        None => Some(input.join("templates")).filter(|d| d.is_dir()),
    }
}
