//! `rpmsynth import`: the Word fixtures of tests/data/import (one chairman's report, a package
//! in the style of each regional organization, one in French, two written by LibreOffice)
//! are read field by field against expected.json; bad files write nothing.

mod common;

use common::rpmsynth;
use rpmsynth::import::{self, Imported};
use serde_json::Value;
use std::path::{Path, PathBuf};

fn data() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/import")
}

fn expected() -> Value {
    let text = std::fs::read_to_string(data().join("expected.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn import_fixture(rel: &str) -> Imported {
    let path = data().join(rel);
    let name = path.file_name().unwrap().to_str().unwrap();
    import::import(name, &std::fs::read(&path).unwrap(), None)
        .unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// The Markdown as plain text with CriticMarkup kept: emphasis, escapes, footnote marks and
/// link targets removed, so that it compares with expected.json's paragraphs.
fn plain(markdown: &str) -> String {
    let links = regex::Regex::new(r"\[([^\]]*)\]\(<[^>]*>\)").unwrap();
    let notes = regex::Regex::new(r"\[\^[^\]]+\]").unwrap();
    let text = links.replace_all(markdown, "$1");
    let text = notes.replace_all(&text, "");
    text.replace("**", "").replace("\\", "")
}

/// The `##` proposal headings of an outcome file.
fn proposal_headings(markdown: &str) -> Vec<String> {
    markdown
        .lines()
        .filter_map(|l| l.strip_prefix("## "))
        .filter(|h| {
            ["ADD", "MOD", "(MOD)", "SUP", "NOC"]
                .iter()
                .any(|m| h.starts_with(m))
        })
        .map(str::to_string)
        .collect()
}

#[test]
fn every_fixture_gives_its_region_and_proposals_field_by_field() {
    let expected = expected();
    for (rel, want) in expected["fixtures"].as_object().unwrap() {
        let got = import_fixture(rel);
        assert_eq!(got.region.code(), want["region"], "{rel}: region");
        let md = &got.markdown;
        let text = plain(md);
        let headings = proposal_headings(md);
        let proposals = want["proposals"].as_array().unwrap();
        assert_eq!(headings.len(), proposals.len(), "{rel}: {headings:#?}");
        for (heading, p) in headings.iter().zip(proposals) {
            let lower = heading.to_lowercase();
            let mark = p["mark"].as_str().unwrap();
            assert!(
                heading.starts_with(&format!("{mark} ")) || heading == mark,
                "{rel}: {heading}"
            );
            if let Some(n) = p["number"].as_str() {
                assert!(heading.contains(n), "{rel}: number {n} in {heading}");
            }
            if let Some(t) = p["target"].as_str() {
                assert!(
                    lower.contains(&t.to_lowercase()),
                    "{rel}: target {t} in {heading}"
                );
            }
            if let Some(t) = p["title"].as_str() {
                assert!(
                    heading.ends_with(&format!(" – {t}")),
                    "{rel}: title {t} in {heading}"
                );
            }
            for line in p["body_critic"].as_array().into_iter().flatten() {
                let line = line.as_str().unwrap().trim_end();
                assert!(text.contains(line), "{rel}: body line {line:?} in\n{text}");
            }
            if let Some(r) = p["reasons_start"].as_str() {
                assert!(text.contains(r), "{rel}: reasons {r:?}");
            }
        }
    }
}

#[test]
fn a_chairmans_report_gives_the_meeting_its_priorities_and_initiatives() {
    let got = import_fixture("docx/rpm-ams17-chairman.docx");
    let md = &got.markdown;
    for line in [
        "region: AMS",
        "  symbol: \"RPM-AMS17\"",
        "  title: \"Regional Preparatory Meeting for WTDC-17 for the Americas\"",
        "  report: \"RPM-AMS17/41\"",
        "  venue: \"Asunción, Paraguay\"",
        "  start: 2017-02-22",
        "  end: 2017-02-24",
        "  chair: \"Ms Teresa Giménez (Paraguay)\"",
        "  vice_chairs: [\"Mr Carlos Ribeiro (Brazil)\", \"Ms Anne Tremblay (Canada)\"]",
        "  regional_organizations: [\"CITEL\", \"CTU\"]",
        "  member_states: 24",
        "  sector_members: 11",
        "  participants: 203",
        "  ldc_fellowships: 12",
        "language: en",
    ] {
        assert!(md.lines().any(|l| l == line), "{line:?} in\n{md}");
    }
    let want = &expected()["fixtures"]["docx/rpm-ams17-chairman.docx"];
    let priorities = md.split("# Regional priorities").nth(1).unwrap();
    for p in want["priorities"].as_array().unwrap() {
        assert!(
            priorities.contains(&format!("1. {}", p.as_str().unwrap())),
            "{p}"
        );
    }
    let initiatives = md.split("# Regional initiatives").nth(1).unwrap();
    for i in want["initiatives"].as_array().unwrap() {
        let code = i["code"].as_str().unwrap();
        assert!(initiatives.contains(&format!("## {code}: ")), "{code}");
    }
    // The contents field's entries are not read as text; the report's own sections are.
    assert_eq!(md.matches("# 1 Opening of the meeting").count(), 1);
    assert!(md.contains("# Proposals\n"));
    let r = &got.report;
    assert_eq!(r.kind, "chairman's report");
    assert_eq!(r.priorities, 5);
    assert_eq!(r.initiatives.len(), 5);
    assert_eq!(r.comments, 1);
    assert!(r.missing.is_empty(), "{:?}", r.missing);
}

#[test]
fn tracked_changes_moves_and_revision_formatting_become_critic_markup() {
    let atu = import_fixture("docx/atu-wtdc25-package.docx");
    let (ins, del, moves, authors) = &atu.report.tracked;
    assert!(
        *ins > 0 && *del > 0 && *moves == 1,
        "{:?}",
        atu.report.tracked
    );
    assert_eq!(authors.len(), 2, "{authors:?}");
    assert!(atu.markdown.contains("{++") && atu.markdown.contains("{--"));
    // Underline and strike as revision marks (no w:ins or w:del in the file).
    let rcc = import_fixture("docx/rcc-addendum.docx");
    assert_eq!(rcc.report.tracked.0 + rcc.report.tracked.1, 0);
    assert!(rcc.report.changes > 0);
    assert!(rcc.markdown.contains("{++") && rcc.markdown.contains("{--"));
}

#[test]
fn a_package_is_a_part_of_its_regions_outcome_told_by_its_source() {
    let rcc = import_fixture("docx/rcc-addendum.docx");
    assert!(
        rcc.markdown.starts_with("---\nregion: CIS\n"),
        "{}",
        rcc.markdown
    );
    assert!(!rcc.markdown.contains("meeting:"));
    // The addendum's line, split by a line break in the header, and its source head the
    // part in the annex.
    assert!(
        rcc.markdown
            .contains("\ndocument: \"Addendum 10 to Document WTDC-25/19\"\n")
    );
    assert!(
        rcc.markdown
            .contains("\nsource: \"ITU Member States, members of the RCC\"\n")
    );
    assert!(
        rcc.report.region_how.contains("RCC"),
        "{}",
        rcc.report.region_how
    );
    let fr = import_fixture("docx/cept-fr.docx");
    assert!(fr.markdown.contains("language: fr"));
    assert!(fr.markdown.contains("**Motifs\u{a0}:**"), "{}", fr.markdown);
}

#[test]
fn the_command_writes_one_file_per_document_and_replaces_only_with_force() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("input");
    let docx = data().join("docx/citel-iap.docx");
    let run = |extra: &[&str]| {
        let mut args = vec![
            "import",
            docx.to_str().unwrap(),
            "-o",
            input.to_str().unwrap(),
        ];
        args.extend_from_slice(extra);
        rpmsynth(&args)
    };
    let out = run(&[]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.contains("region AMS (from the source, CITEL)"),
        "{stdout}"
    );
    assert!(
        stdout.contains("4 proposals (ADD* 1, MOD 2, NOC 1)"),
        "{stdout}"
    );
    let written = input.join("rpm/citel-iap.md");
    let first = std::fs::read_to_string(&written).unwrap();
    assert!(first.contains("## MOD IAP-1 "), "{first}");
    std::fs::write(&written, "edited").unwrap();
    let out = run(&[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--force"));
    assert_eq!(std::fs::read_to_string(&written).unwrap(), "edited");
    let out = run(&["--force", "--region", "eur"]);
    assert_eq!(out.status.code(), Some(0));
    let replaced = std::fs::read_to_string(&written).unwrap();
    assert!(replaced.starts_with("---\nregion: EUR\n"), "{replaced}");
}

#[test]
fn bad_files_are_errors_naming_the_file_and_nothing_is_written() {
    let cases = [
        ("bad/not-a-zip.docx", "not a zip package"),
        ("bad/no-document.docx", "no document part"),
        ("bad/password.docx", "protected by a password"),
        ("bad/doctype.docx", "declares a DOCTYPE"),
        ("bad/zip-bomb.docx", "zip bomb"),
        ("bad/invalid-xml.docx", "not well-formed XML"),
        ("bad/legacy.doc", "soffice --headless --convert-to docx"),
    ];
    for (rel, message) in cases {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("input");
        let good = data().join("docx/apt-acp.docx");
        let bad = data().join(rel);
        let out = rpmsynth(&[
            "import",
            good.to_str().unwrap(),
            bad.to_str().unwrap(),
            "-o",
            input.to_str().unwrap(),
        ]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{rel}: {stderr}");
        let file = Path::new(rel).file_name().unwrap().to_str().unwrap();
        assert!(
            stderr.contains(message) && stderr.contains(file),
            "{rel}: {stderr}"
        );
        assert!(
            !input.exists(),
            "{rel}: nothing written, not even the good file"
        );
    }
    // A 100 MB document is refused before it is read.
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.docx");
    std::fs::File::create(&big)
        .unwrap()
        .set_len(100 * 1024 * 1024)
        .unwrap();
    let input = dir.path().join("input");
    let out = rpmsynth(&[
        "import",
        big.to_str().unwrap(),
        "-o",
        input.to_str().unwrap(),
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("big.docx") && stderr.contains("100 MB"),
        "{stderr}"
    );
    assert!(!input.exists());
}

#[test]
fn a_document_without_a_region_asks_for_region() {
    // The same document with its source and numbers made anonymous.
    let bytes = with_document(&data().join("docx/lo-from-html.docx"), |text| {
        text.replace("RCC", "XYZ")
            .replace("Regional Commonwealth", "Some body")
    });
    let err = import::import("anonymous.docx", &bytes, None).unwrap_err();
    assert!(
        err.contains("anonymous.docx") && err.contains("--region"),
        "{err}"
    );
    let ok = import::import(
        "anonymous.docx",
        &bytes,
        rpmsynth::model::Region::parse("CIS"),
    );
    assert_eq!(ok.unwrap().region.code(), "CIS");
}

/// The synthesis of the cycle `input`, built: its Markdown.
fn synthesis_markdown(input: &Path, out: &Path) -> String {
    let result = rpmsynth(&[
        "build",
        input.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--format",
        "md,json",
        "-q",
    ]);
    assert_eq!(result.status.code(), Some(0));
    std::fs::read_to_string(out.join("tdag-synthesis.md")).unwrap()
}

/// The annex of `region` in the synthesis's Markdown.
fn annex(markdown: &str, region: &str) -> String {
    let tag = format!("data-region={region}}}");
    let line = markdown
        .lines()
        .find(|l| l.starts_with("# Annex") && l.ends_with(&tag))
        .unwrap();
    let start = markdown.find(line).unwrap();
    let end = markdown[start + 1..]
        .find("\n# ")
        .map_or(markdown.len(), |e| start + 1 + e);
    markdown[start..end].to_string()
}

/// (id without region, action, target, title) of each proposal of `region` in a
/// consolidated.json.
fn proposals_of(json: &Path, region: &str) -> Vec<(String, String, String, String)> {
    let c: Value = serde_json::from_str(&std::fs::read_to_string(json).unwrap()).unwrap();
    c["proposals"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["region"] == region)
        .map(|p| {
            let id = p["id"].as_str().unwrap();
            let id = id.split_once('/').map_or(id, |(_, i)| i).to_string();
            let s = |k: &str| p[k].as_str().unwrap_or("").to_string();
            let action = s("action");
            // What an annex heading ("ADD AFCP-2 – Title", "MOD AFCP-7 – Question 2/1:
            // digital broadcasting") does not say: whether a new text was marked
            // `target=new`, and a title that repeats the target before a colon.
            let target = match s("target") {
                t if action == "ADD" && t == "new" => String::new(),
                t => t,
            };
            let title = s("title");
            let title = match title.split_once(": ") {
                Some((before, after))
                    if rpmsynth::model::references::at_start(before)
                        .is_some_and(|(len, _)| len == before.len()) =>
                {
                    after.to_string()
                }
                _ => title,
            };
            (id, action, target, title)
        })
        .collect()
}

/// The CriticMarkup changes of a text, in order, a substitution as its deletion and insertion.
fn critic(text: &str) -> Vec<String> {
    let re = regex::Regex::new(r"\{(\+\+|--)(.*?)(?:\+\+|--)\}|\{~~(.*?)~>(.*?)~~\}").unwrap();
    re.captures_iter(text)
        .flat_map(|c| match c.get(1) {
            Some(kind) => vec![format!("{}{}", kind.as_str(), c[2].trim())],
            None => vec![format!("--{}", c[3].trim()), format!("++{}", c[4].trim())],
        })
        .collect()
}

/// Imports `docx` as region `region`'s outcome into a copy of the cycle `input` without its
/// outcomes and returns that cycle's proposals of the region, and the imported file.
fn round_trip(
    input: &Path,
    docx: &[u8],
    region: &str,
    dir: &Path,
) -> (Vec<(String, String, String, String)>, String) {
    let imported = import::import("annex.docx", docx, rpmsynth::model::Region::parse(region))
        .unwrap_or_else(|e| panic!("{region}: {e}"));
    let cycle = dir.join(format!("cycle-{region}"));
    let _ = std::fs::remove_dir_all(&cycle);
    std::fs::create_dir_all(cycle.join("rpm")).unwrap();
    for f in ["conference.yaml", "topics.yaml"] {
        std::fs::copy(input.join(f), cycle.join(f)).unwrap();
    }
    std::fs::write(cycle.join("rpm/annex.md"), &imported.markdown).unwrap();
    let out = dir.join(format!("out-{region}"));
    let _ = std::fs::remove_dir_all(&out);
    let result = rpmsynth(&[
        "build",
        cycle.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(
        result.status.code(),
        Some(0),
        "{region}: {}\n{}",
        String::from_utf8_lossy(&result.stderr),
        imported.markdown
    );
    (
        proposals_of(&out.join("consolidated.json"), region),
        imported.markdown,
    )
}

#[test]
fn each_regions_annex_written_to_word_imports_back_to_the_same_proposals() {
    round_trip_cycle(&common::example_input());
}

#[test]
fn the_reference_corpus_annexes_import_back_to_the_same_proposals() {
    let Some(corpus) = common::harness::corpus_folder() else {
        assert!(
            std::env::var("RPMSYNTH_REQUIRE_CORPUS").as_deref() != Ok("1"),
            "the reference corpus is required (RPMSYNTH_REQUIRE_CORPUS=1) but absent"
        );
        eprintln!("note: the reference corpus is absent: its round trip is skipped");
        return;
    };
    round_trip_cycle(&corpus);
}

/// Each region's annex of `input`'s synthesis, written to Word by rpmsynth and by
/// LibreOffice, imports back to the region's proposals and changes.
fn round_trip_cycle(input: &Path) {
    let dir = tempfile::tempdir().unwrap();
    let built = dir.path().join("built");
    let markdown = synthesis_markdown(input, &built);
    let info = rpmsynth::model::DocumentInfo {
        title: "Annex".into(),
        subject: "WTDC".into(),
        symbol: "TDAG".into(),
        date: "1 January 2029".into(),
        iso_date: "2029-01-01".into(),
        language: "en".into(),
    };
    let soffice = common::tools::available(&common::harness::SOFFICE);
    for region in ["AFR", "AMS", "ARB", "ASP", "CIS", "EUR"] {
        let want = proposals_of(&built.join("consolidated.json"), region);
        let source =
            std::fs::read_to_string(input.join(format!("rpm/{}.md", region.to_lowercase())))
                .unwrap();
        let want_changes = critic(&source);
        let slice = annex(&markdown, region);
        // rpmsynth's own DOCX writer.
        let docx = rpmsynth::render::docx::to_docx(&slice, &info, None).unwrap();
        let (got, md) = round_trip(input, &docx, region, dir.path());
        assert_eq!(got, want, "{region}, rpmsynth's Word");
        assert_eq!(critic(&md), want_changes, "{region}, rpmsynth's Word");
        // LibreOffice, from the HTML of the same Markdown.
        if soffice {
            let html = rpmsynth::render::html::to_html(&slice, &info, "");
            let html_path = dir.path().join(format!("annex-{region}.html"));
            std::fs::write(&html_path, html).unwrap();
            common::tools::run(
                "soffice",
                &[
                    "--headless",
                    "--convert-to",
                    "docx:MS Word 2007 XML",
                    "--outdir",
                    dir.path().to_str().unwrap(),
                    html_path.to_str().unwrap(),
                ],
            );
            let docx = std::fs::read(html_path.with_extension("docx")).unwrap();
            let (got, md) = round_trip(input, &docx, region, dir.path());
            assert_eq!(got, want, "{region}, LibreOffice's Word");
            assert_eq!(critic(&md), want_changes, "{region}, LibreOffice's Word");
        }
    }
}

/// `docx` with its document part (word/document.xml) changed by `edit`, other parts as they are.
fn with_document(docx: &Path, edit: impl FnOnce(String) -> String) -> Vec<u8> {
    let bytes = std::fs::read(docx).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let mut edit = Some(edit);
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let name = f.name().unwrap().to_string();
        let mut content = Vec::new();
        std::io::Read::read_to_end(&mut f, &mut content).unwrap();
        if name == "word/document.xml"
            && let Some(edit) = edit.take()
        {
            content = edit(String::from_utf8(content).unwrap()).into_bytes();
        }
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        std::io::Write::write_all(&mut out, &content).unwrap();
    }
    out.finish().unwrap().into_inner()
}

/// `docx` without the paragraphs whose text holds one of `phrases`.
fn without_paragraphs(docx: &Path, phrases: &[&str]) -> Vec<u8> {
    let paragraph = regex::Regex::new(r"(?s)<w:p[ >].*?</w:p>").unwrap();
    let tags = regex::Regex::new(r"<[^>]+>").unwrap();
    with_document(docx, |text| {
        let mut removed = 0;
        let text = paragraph.replace_all(&text, |c: &regex::Captures| {
            let plain = tags.replace_all(&c[0], "");
            if phrases.iter().any(|p| plain.contains(p)) {
                removed += 1;
                "<w:p/>".to_string()
            } else {
                c[0].to_string()
            }
        });
        assert!(removed >= phrases.len(), "{removed} paragraphs removed");
        text.into_owned()
    })
}

#[test]
fn facts_not_found_are_placeholders_that_check_reports_at_their_line() {
    // The chairman's report without the paragraphs giving its dates (in the header and the
    // prose) and its chair.
    let bytes = without_paragraphs(
        &data().join("docx/rpm-ams17-chairman.docx"),
        &["from 22 – 24 February", "was held in", "as Chairman"],
    );
    let got = import::import("RPM-AMS17-41-E.docx", &bytes, None).unwrap();
    let md = &got.markdown;
    assert!(
        md.contains("  start: \"FILL IN: not found in RPM-AMS17-41-E.docx\"\n"),
        "{md}"
    );
    assert!(
        md.contains("  # chair: not found in RPM-AMS17-41-E.docx\n"),
        "{md}"
    );
    let warned: Vec<&str> = got
        .report
        .warnings
        .iter()
        .map(|w| w.message.as_str())
        .collect();
    assert!(
        warned
            .iter()
            .any(|w| w.starts_with("meeting.start not found")),
        "{warned:?}"
    );
    assert!(got.report.warnings.iter().all(|w| w.paragraph > 1));
    // In a cycle, check names the key, the file and the line.
    let dir = tempfile::tempdir().unwrap();
    let cycle = dir.path().join("cycle");
    std::fs::create_dir_all(cycle.join("rpm")).unwrap();
    let input = common::example_input();
    for f in ["conference.yaml", "topics.yaml"] {
        std::fs::copy(input.join(f), cycle.join(f)).unwrap();
    }
    std::fs::write(cycle.join("rpm/ams.md"), md).unwrap();
    let line = md.lines().position(|l| l.starts_with("  start: ")).unwrap() + 1;
    let out = rpmsynth(&["check", cycle.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("fill in meeting.start, not found in RPM-AMS17-41-E.docx"),
        "{stderr}"
    );
    assert!(stderr.contains(&format!("rpm/ams.md:{line}:")), "{stderr}");
}
