//! Programs other than rpmsynth that check its outputs (LibreOffice, poppler, python).

use super::harness::{Tool, installed};
use std::io::Write;
use std::path::Path;
use std::process::Command;

/// Whether `tool` is installed, for a part of a larger test; a missing tool fails the test
/// when the tools are required, and otherwise says so once on the terminal (not captured).
pub fn available(tool: &Tool) -> bool {
    let ok = installed(tool);
    if !ok {
        assert!(
            std::env::var("RPMSYNTH_REQUIRE_TOOLS").as_deref() != Ok("1"),
            "{} is required (RPMSYNTH_REQUIRE_TOOLS=1) but is not installed",
            tool.name
        );
        static SAID: std::sync::Mutex<Vec<&str>> = std::sync::Mutex::new(Vec::new());
        let mut said = SAID.lock().unwrap_or_else(|e| e.into_inner());
        if said.contains(&tool.name) {
            return false;
        }
        said.push(tool.name);
        let _ = writeln!(
            std::io::stderr(),
            "note: {} is not installed: part of this test is skipped (tests/tools/install)",
            tool.name
        );
    }
    ok
}

/// Runs `program ARGS` and returns its standard output; fails the test if it fails.
pub fn run(program: &str, args: &[&str]) -> String {
    run_with(program, args, &[])
}

/// [`run`] with more environment variables.
pub fn run_with(program: &str, args: &[&str], env: &[(&str, &Path)]) -> String {
    let out = Command::new(program)
        .args(args)
        .envs(env.iter().copied())
        .output()
        .unwrap_or_else(|e| panic!("{program}: {e}"));
    assert!(
        out.status.success(),
        "{program} {args:?} failed: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Converts `docx` to PDF with LibreOffice (its own profile, so tests may run side by side)
/// and returns the page count and the text as laid out on the pages.
pub fn pdf(docx: &Path) -> (usize, String) {
    let dir = tempfile::tempdir().unwrap();
    let (pages, text, _) = pdf_kept(docx, &[], dir.path());
    (pages, text)
}

/// [`pdf`] with more environment variables for LibreOffice (such as `FONTCONFIG_FILE`),
/// writing the PDF (and LibreOffice's profile) into `dir`; also returns the PDF's path.
pub fn pdf_kept(
    docx: &Path,
    env: &[(&str, &Path)],
    dir: &Path,
) -> (usize, String, std::path::PathBuf) {
    let profile = format!(
        "-env:UserInstallation=file://{}",
        dir.join("profile").display()
    );
    run_with(
        "soffice",
        &[
            &profile,
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            dir.to_str().unwrap(),
            docx.to_str().unwrap(),
        ],
        env,
    );
    let pdf = dir.join(docx.file_stem().unwrap()).with_extension("pdf");
    assert!(
        pdf.exists(),
        "LibreOffice wrote no PDF for {}",
        docx.display()
    );
    let info = run("pdfinfo", &[pdf.to_str().unwrap()]);
    let pages = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("page count");
    let text = run("pdftotext", &["-layout", pdf.to_str().unwrap(), "-"]);
    (pages, text, pdf)
}

/// The words of a PDF's text, each separated by one space: no-break spaces and line ends are
/// spaces, and a word hyphenated at a line end is joined, so that a check matches words
/// whatever the font and the line breaks.
pub fn words(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text
        .split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
    {
        let hyphenated = out.ends_with('-') && out[..out.len() - 1].ends_with(char::is_alphabetic);
        if hyphenated && word.starts_with(char::is_lowercase) {
            out.pop();
        } else if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}
