//! Programs other than rpmsynth that check its outputs (LibreOffice, poppler, python): a check
//! skips with a notice when one is missing, unless `RPMSYNTH_REQUIRE_TOOLS=1` is set.

use std::path::Path;
use std::process::Command;

/// Whether `program` runs; a missing tool fails the test when the tools are required.
pub fn available(program: &str, args: &[&str]) -> bool {
    let ok = Command::new(program)
        .args(args)
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        assert!(
            std::env::var("RPMSYNTH_REQUIRE_TOOLS").as_deref() != Ok("1"),
            "{program} is required (RPMSYNTH_REQUIRE_TOOLS=1) but does not run"
        );
        eprintln!("notice: {program} is not installed; skipping this check");
    }
    ok
}

pub fn run(program: &str, args: &[&str]) -> String {
    let out = Command::new(program)
        .args(args)
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
/// and returns the page count and the text.
pub fn pdf(docx: &Path) -> (usize, String) {
    let dir = tempfile::tempdir().unwrap();
    let profile = format!(
        "-env:UserInstallation=file://{}",
        dir.path().join("profile").display()
    );
    run(
        "soffice",
        &[
            &profile,
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            dir.path().to_str().unwrap(),
            docx.to_str().unwrap(),
        ],
    );
    let pdf = dir
        .path()
        .join(docx.file_stem().unwrap())
        .with_extension("pdf");
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
    (
        pages,
        run("pdftotext", &["-layout", pdf.to_str().unwrap(), "-"]),
    )
}
