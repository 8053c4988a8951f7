//! The Word outputs checked by other programs: LibreOffice converts them to PDF (page count
//! and text read back with pdfinfo and pdftotext), an OOXML schema validator (openxml-audit)
//! finds no error, and python-docx reads headings, tables, header and footer back.
//!
//! These tools are not Rust crates (`tests/tools/install` installs them): a check whose tool
//! is missing is listed as ignored, unless `RPMSYNTH_REQUIRE_TOOLS=1` is set (as in CI).

mod common;

use common::contents;
use common::harness::{CARLITO, Need, OPENXML_AUDIT, POPPLER, PYTHON_DOCX, SOFFICE};
use common::tools::*;
use common::*;
use serde_json::Value;
use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    common::harness::main(vec![
        check!(
            libreoffice_renders_both_reports_with_their_pages_and_text,
            Need::Tool(SOFFICE),
            Need::Tool(POPPLER),
        ),
        check!(
            the_pdf_checks_hold_without_the_carlito_font,
            Need::Tool(SOFFICE),
            Need::Tool(POPPLER),
        ),
        check!(
            every_name_in_the_meetings_table_stays_on_one_line,
            Need::Tool(SOFFICE),
            Need::Tool(POPPLER),
            Need::Tool(CARLITO),
        ),
        check!(
            the_contents_show_the_pages_libreoffice_renders,
            Need::Tool(SOFFICE),
            Need::Tool(POPPLER),
            Need::Tool(CARLITO),
        ),
        check!(
            the_contents_of_the_reference_corpus_show_the_pages_libreoffice_renders,
            Need::Tool(SOFFICE),
            Need::Tool(POPPLER),
            Need::Tool(CARLITO),
            Need::Corpus,
        ),
        check!(
            the_schema_validator_finds_no_error,
            Need::Tool(OPENXML_AUDIT)
        ),
        check!(
            the_schema_validator_finds_no_error_in_the_reference_corpus,
            Need::Tool(OPENXML_AUDIT),
            Need::Corpus,
        ),
        check!(
            python_docx_reads_headings_tables_header_and_footer,
            Need::Tool(PYTHON_DOCX)
        ),
        check!(
            libreoffice_reads_the_regions_as_the_authors_of_amendments,
            Need::Tool(SOFFICE),
            Need::Tool(POPPLER),
            Need::Tool(OPENXML_AUDIT),
        ),
    ])
}

fn libreoffice_renders_both_reports_with_their_pages_and_text() {
    let out = build(&example_input());
    let (synthesis, implementation) = render_both(out.path(), &[]);
    check_pages_and_words(&synthesis, &implementation);
    // The contents list the sections with a page number.
    assert!(
        synthesis
            .1
            .lines()
            .any(|l| l.starts_with("1 Introduction") && l.trim_end().ends_with(char::is_numeric))
    );
}

/// Without Carlito (Calibri's metric twin), LibreOffice lays the pages out in another, wider
/// font: lines break elsewhere, and the checks, which match words, still hold.
fn the_pdf_checks_hold_without_the_carlito_font() {
    let fonts = tempfile::tempdir().unwrap();
    let config = fonts.path().join("fonts.conf");
    std::fs::write(
        &config,
        r#"<?xml version="1.0"?>
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <selectfont><rejectfont><pattern>
    <patelt name="family"><string>Carlito</string></patelt>
  </pattern></rejectfont></selectfont>
</fontconfig>
"#,
    )
    .unwrap();
    let out = build(&example_input());
    let (synthesis, implementation) = render_both(out.path(), &[("FONTCONFIG_FILE", &config)]);
    let fonts = run("pdffonts", &[synthesis.2.to_str().unwrap()]);
    assert!(
        !fonts.contains("Carlito"),
        "Carlito was not rejected:\n{fonts}"
    );
    check_pages_and_words(&synthesis, &implementation);
}

/// In the reports' font, every chair's and vice-chair's title, initial and surname stay on
/// one line of the meetings table (they are joined by no-break spaces and the column is
/// sized for them).
fn every_name_in_the_meetings_table_stays_on_one_line() {
    let out = build(&example_input());
    let (synthesis, _) = render_both(out.path(), &[]);
    let lines: Vec<String> = synthesis.1.lines().map(words).collect();
    for file in ["afr.md", "ams.md", "arb.md", "asp.md", "cis.md", "eur.md"] {
        let rpm = read(&example_input().join("rpm"), file);
        let names = rpm.lines().filter_map(|l| {
            let l = l.trim().trim_start_matches("- ");
            let person = l
                .strip_prefix("chair: ")
                .or(l.starts_with("M").then_some(l))?;
            Some(person.split(" (").next().unwrap().to_string())
        });
        for name in names {
            assert!(
                lines.iter().any(|l| l.contains(&name)),
                "{name} is not on one line of the synthesis PDF"
            );
        }
    }
}

/// The page numbers written into the contents are those of LibreOffice's own layout (the
/// layout the writer models, in Calibri's metric twin Carlito): every entry of both reports
/// of the bundled cycle shows the page its heading is on.
fn the_contents_show_the_pages_libreoffice_renders() {
    let out = build(&example_input());
    let (synthesis, implementation) = render_both(out.path(), &[]);
    for (name, rendered) in [("synthesis", synthesis), ("implementation", implementation)] {
        let entries = contents::entries(&rendered.2);
        assert!(entries.len() > 20, "{name}: {} entries", entries.len());
        let wrong = contents::mismatches(&entries);
        assert!(wrong.is_empty(), "{name}:\n{}", wrong.join("\n"));
    }
}

/// The same in the reference corpus, but for one entry of the synthesis: a heading that
/// LibreOffice leaves at the foot of page 24 while the paragraph it is kept with, which
/// introduces a list, moves to page 25 (the layout moves them together, as LibreOffice does
/// elsewhere).
fn the_contents_of_the_reference_corpus_show_the_pages_libreoffice_renders() {
    let out = build(&reference_corpus());
    let (synthesis, implementation) = render_both(out.path(), &[]);
    for (name, rendered, known) in [
        ("synthesis", synthesis, 1),
        ("implementation", implementation, 0),
    ] {
        let entries = contents::entries(&rendered.2);
        assert!(entries.len() > 20, "{name}: {} entries", entries.len());
        let wrong = contents::mismatches(&entries);
        assert!(
            wrong.len() <= known,
            "{name}: {} wrong, at most {known}:\n{}",
            wrong.len(),
            wrong.join("\n")
        );
    }
}

/// A rendered PDF: page count, text as laid out, and the PDF's path (kept with its folder).
type Rendered = (usize, String, std::path::PathBuf, tempfile::TempDir);

/// Both Word reports of a build converted by LibreOffice, with `env` for it.
fn render_both(out: &Path, env: &[(&str, &Path)]) -> (Rendered, Rendered) {
    let one = |name: &str| {
        let keep = tempfile::tempdir().unwrap();
        let (pages, text, pdf) = pdf_kept(&out.join(name), env, keep.path());
        (pages, text, pdf, keep)
    };
    (one("tdag-synthesis.docx"), one("wtdc-implementation.docx"))
}

/// What both reports must show, matched as words (not lines), so a font cannot fail it.
fn check_pages_and_words(synthesis: &Rendered, implementation: &Rendered) {
    assert!(
        (30..=60).contains(&synthesis.0),
        "synthesis: {} pages",
        synthesis.0
    );
    let all = words(&synthesis.1);
    for expected in [
        "Synthesis report on the outcomes of the regional preparatory meetings for WTDC-29",
        "Table 1 – Regional preparatory meetings held, in region order",
        "Ms A. Kouassi",
        "5 Convergence matrix",
        "Annex 6: Outcome of the Regional Preparatory Meeting for Europe",
    ] {
        assert!(all.contains(expected), "synthesis PDF lacks {expected:?}");
    }
    assert!(
        (30..=60).contains(&implementation.0),
        "implementation report: {} pages",
        implementation.0
    );
    let all = words(&implementation.1);
    assert!(all.contains("4 Assistance to least developed countries"));
    assert!(all.contains("Annex: Synthesis report of the regional preparatory meetings"));
}

fn the_schema_validator_finds_no_error() {
    let out = build(&example_input());
    for name in ["tdag-synthesis.docx", "wtdc-implementation.docx"] {
        let path = out.path().join(name);
        let report = run("openxml-audit", &["-m", "0", path.to_str().unwrap()]);
        assert!(report.contains("Errors: 0"), "{name}:\n{report}");
    }
}

/// Amendments compared change by change (examples/amendments): LibreOffice opens the Word
/// synthesis with each change's author the region or regions making it (read back from the
/// document it saves), shows the combined entry on its pages, and the schema validator
/// finds no error.
fn libreoffice_reads_the_regions_as_the_authors_of_amendments() {
    let cycle = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/amendments");
    let out = build(&cycle);
    let docx = out.path().join("tdag-synthesis.docx");
    let report = run("openxml-audit", &["-m", "0", docx.to_str().unwrap()]);
    assert!(report.contains("Errors: 0"), "{report}");
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
            "odt",
            "--outdir",
            dir.path().to_str().unwrap(),
            docx.to_str().unwrap(),
        ],
    );
    let file = std::fs::File::open(dir.path().join("tdag-synthesis.odt")).unwrap();
    let mut odt = zip::ZipArchive::new(file).unwrap();
    let mut content = String::new();
    std::io::Read::read_to_string(&mut odt.by_name("content.xml").unwrap(), &mut content).unwrap();
    for author in [
        "AMS, CIS", "AMS", "CIS", "AFR, EUR", "AFR, ARB", "AFR", "EUR", "ASP",
    ] {
        assert!(
            content.contains(&format!("<dc:creator>{author}</dc:creator>")),
            "LibreOffice reads no change by {author}"
        );
    }
    let (_, text) = pdf(&docx);
    let all = words(&text);
    for expected in [
        "Table 2 – Changes to Resolution 45, with the regions that make them",
        "Asia-Pacific (ASP), shown on its own",
    ] {
        assert!(all.contains(&words(expected)), "{expected}");
    }
}

fn the_schema_validator_finds_no_error_in_the_reference_corpus() {
    let out = build(&reference_corpus());
    for name in ["tdag-synthesis.docx", "wtdc-implementation.docx"] {
        let path = out.path().join(name);
        let report = run("openxml-audit", &["-m", "0", path.to_str().unwrap()]);
        assert!(
            report.contains("Errors: 0"),
            "reference corpus, {name}:\n{report}"
        );
    }
}

fn python_docx_reads_headings_tables_header_and_footer() {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/tools/docx_read.py");
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
    assert_eq!(read["header"], "TDAG-29/9-E\t1");
    assert_eq!(read["first_page_header"], "");
    assert_eq!(read["different_first_page"], true);
    assert_eq!(
        read["footer"],
        "Synthesis report on the outcomes of the regional preparatory meetings for WTDC-29"
    );
    assert_eq!(read["page_width_mm"], 210);
    assert_eq!(read["creator"], "rpmsynth");
}
