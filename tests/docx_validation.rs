//! The Word outputs checked by other programs: LibreOffice converts them to PDF (page count
//! and text read back with pdfinfo and pdftotext), an OOXML schema validator (openxml-audit)
//! finds no error, and python-docx reads headings, tables, header and footer back.
//!
//! These tools are not Rust crates: a test skips, with a notice, when one is missing, unless
//! `RPMSYNTH_REQUIRE_TOOLS=1` is set (`.ci/run` installs them and sets it).

mod common;

use common::tools::*;
use common::*;
use serde_json::Value;
use std::path::Path;

#[test]
fn libreoffice_renders_both_reports_with_their_pages_and_text() {
    if !available("soffice", &["--version"]) || !available("pdfinfo", &["-v"]) {
        return;
    }
    let out = build(&example_input());
    let (pages, text) = pdf(&out.path().join("tdag-synthesis.docx"));
    assert!((30..=60).contains(&pages), "synthesis: {pages} pages");
    for expected in [
        "Synthesis report on the outcomes of the regional",
        "Table 1 – Regional preparatory meetings held, in region order",
        "Ms A. Kouassi",
        "5 Convergence matrix",
        "Annex EUR: Outcome of the Regional Preparatory Meeting for Europe",
    ] {
        assert!(text.contains(expected), "synthesis PDF lacks {expected:?}");
    }
    // The contents list the sections with a page number.
    assert!(
        text.lines()
            .any(|l| l.starts_with("1 Introduction") && l.trim_end().ends_with(char::is_numeric))
    );
    let (pages, text) = pdf(&out.path().join("wtdc-implementation.docx"));
    assert!(
        (30..=60).contains(&pages),
        "implementation report: {pages} pages"
    );
    assert!(text.contains("4 Assistance to least developed countries"));
    assert!(text.contains("Annex: Synthesis report of the regional preparatory meetings"));
}

#[test]
fn the_schema_validator_finds_no_error() {
    if !available("openxml-audit", &["--help"]) {
        return;
    }
    let out = build(&example_input());
    for name in ["tdag-synthesis.docx", "wtdc-implementation.docx"] {
        let path = out.path().join(name);
        let report = run("openxml-audit", &["-m", "0", path.to_str().unwrap()]);
        assert!(report.contains("Errors: 0"), "{name}:\n{report}");
    }
    if let Some(corpus) = reference_corpus() {
        let out = build(&corpus);
        let path = out.path().join("tdag-synthesis.docx");
        let report = run("openxml-audit", &["-m", "0", path.to_str().unwrap()]);
        assert!(report.contains("Errors: 0"), "reference corpus:\n{report}");
    }
}

#[test]
fn python_docx_reads_headings_tables_header_and_footer() {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/tools/docx_read.py");
    if !available("python3", &["-c", "import docx"]) {
        return;
    }
    let out = build(&example_input());
    let path = out.path().join("tdag-synthesis.docx");
    let read: Value = serde_json::from_str(&run(
        "python3",
        &[script.to_str().unwrap(), path.to_str().unwrap()],
    ))
    .expect("JSON from docx_read.py");
    let headings: Vec<(&str, &str)> = read["headings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| (h["style"].as_str().unwrap(), h["text"].as_str().unwrap()))
        .collect();
    assert_eq!(
        headings[0],
        (
            "Title",
            "Synthesis report on the outcomes of the regional preparatory meetings for WTDC-29"
        )
    );
    assert!(headings.contains(&("Heading 1", "2 Regional preparatory meetings held")));
    assert!(headings.contains(&("Heading 2", "Africa (RPM-AFR29)")));
    let tables = read["tables"].as_array().unwrap();
    assert_eq!(tables[0]["first"], "Region");
    assert_eq!(
        (tables[0]["rows"].as_u64(), tables[0]["columns"].as_u64()),
        (Some(8), Some(8))
    );
    assert_eq!(read["header"], "TDAG-29/9\t1");
    assert_eq!(read["first_page_header"], "");
    assert_eq!(read["different_first_page"], true);
    assert_eq!(
        read["footer"],
        "Synthesis report on the outcomes of the regional preparatory meetings for WTDC-29"
    );
    assert_eq!(read["page_width_mm"], 210);
    assert_eq!(read["creator"], "rpmsynth");
}
