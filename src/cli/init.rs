//! `rpmsynth init DIR [--force]`: write the example input folder and the default templates.

use super::Global;
use super::printer::Printer;
use rpmsynth::model::{Diagnostic, SourcePos};
use rpmsynth::output;
use std::path::{Path, PathBuf};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Folder to write the example into (created if needed; may already exist).
    dir: PathBuf,
    /// Overwrite files of the example that already exist in DIR.
    #[arg(long)]
    force: bool,
}

/// How many existing files a refusal names before it only counts the rest.
const NAMED: usize = 3;

pub fn run(args: Args, global: Global) -> u8 {
    let dir = &args.dir;
    let fail = |message: String, help: &str| {
        let d = Diagnostic::error(&SourcePos::new(&dir.display().to_string(), 0, 0), message);
        let d = if help.is_empty() {
            d
        } else {
            d.with_help(help)
        };
        Printer::new(global, dir).finish(&[d], None)
    };
    if dir.exists() && !dir.is_dir() {
        return fail(
            "exists and is not a folder".into(),
            "give the folder to write the example into",
        );
    }
    let files = rpmsynth::example::example_files();
    let existing: Vec<&str> = files
        .iter()
        .map(|(path, _)| path.as_str())
        .filter(|path| dir.join(path).symlink_metadata().is_ok())
        .collect();
    if !existing.is_empty() && !args.force {
        return fail(
            refusal(&existing),
            "give --force to overwrite them, or choose another folder",
        );
    }
    let written = files.iter().map(|(path, bytes)| (path.as_str(), *bytes));
    if let Err(message) = output::write_files(dir, written) {
        return fail(message.to_string(), "");
    }
    if !global.quiet {
        eprintln!("wrote {} files to {}", files.len(), dir.display());
        if global.verbose {
            for (path, bytes) in &files {
                eprintln!("  {path} ({} bytes)", bytes.len());
            }
        }
        eprintln!(
            "next: rpmsynth build {} -o {}",
            shell_word(dir),
            shell_word(&dir.join("output"))
        );
    }
    0
}

/// "the folder already holds N files of the example: a, b, c and M more; nothing was written".
fn refusal(existing: &[&str]) -> String {
    let named = existing[..existing.len().min(NAMED)].join(", ");
    let rest = match existing.len().saturating_sub(NAMED) {
        0 => String::new(),
        more => format!(" and {more} more"),
    };
    let files = if existing.len() == 1 { "file" } else { "files" };
    format!(
        "the folder already holds {} {files} of the example: {named}{rest}; nothing was written",
        existing.len()
    )
}

/// The path as one shell word: as it is when plain, else in single quotes.
fn shell_word(path: &Path) -> String {
    let text = path.display().to_string();
    let plain = |c: char| c.is_ascii_alphanumeric() || "/._-+:=,@".contains(c);
    if !text.is_empty() && text.chars().all(plain) {
        text
    } else {
        format!("'{}'", text.replace('\'', r"'\''"))
    }
}
