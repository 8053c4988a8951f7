//! Diagnostics printed for the person at the keyboard, and the exit status they imply.

use super::Global;
use rpmsynth::model::Diagnostic;

/// Prints diagnostics (errors always, warnings unless quiet) and a summary; returns the exit status.
pub fn finish(diagnostics: &[Diagnostic], global: Global) -> u8 {
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    let warnings = diagnostics.len() - errors;
    for d in diagnostics.iter().filter(|d| d.is_error() || !global.quiet) {
        eprintln!("{d}");
    }
    let failed = errors > 0 || (global.deny_warnings && warnings > 0);
    if (!global.quiet || failed) && errors + warnings > 0 {
        eprintln!("{}", summary(errors, warnings));
    }
    u8::from(failed)
}

fn summary(errors: usize, warnings: usize) -> String {
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    format!(
        "{}, {}",
        plural(errors, "error"),
        plural(warnings, "warning")
    )
}

/// Reads the input folder, printing the error when it cannot.
pub fn read_input(
    path: &std::path::Path,
    global: Global,
) -> Result<rpmsynth::ingest::InputFiles, u8> {
    match rpmsynth::ingest::InputFiles::from_dir(path) {
        Ok(input) => {
            if global.verbose {
                for skipped in &input.skipped {
                    eprintln!("note: skipped {}", path.join(skipped).display());
                }
            }
            Ok(input)
        }
        Err(d) => Err(finish(&[d], global)),
    }
}

/// Loads the templates: the built-in ones, overridden from `dir` when given, with the
/// house Word template `reference` when given.
pub fn templates(
    dir: Option<&std::path::Path>,
    reference: Option<&std::path::Path>,
    global: Global,
) -> Result<rpmsynth::report::Templates, u8> {
    use rpmsynth::report::Templates;
    let templates = match dir {
        None => Templates::defaults(),
        Some(dir) => Templates::from_dir(dir).map_err(|d| finish(&d, global))?,
    };
    match reference {
        None => Ok(templates),
        Some(path) => Templates::read_reference(path)
            .map(|r| templates.with_reference(r))
            .map_err(|d| finish(&[d], global)),
    }
}
