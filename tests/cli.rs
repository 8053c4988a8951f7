//! Command-line behaviour: exit statuses, diagnostics with file and line, nothing half-written.

mod common;

use common::*;
use std::fs;

#[test]
fn bad_input_exits_1_naming_every_problem_and_leaves_output_untouched() {
    let input = tempfile::tempdir().unwrap();
    copy_example(input.path());
    let afr = input.path().join("rpm/afr.md");
    let text = fs::read_to_string(&afr)
        .unwrap()
        .replacen("region: AFR", "region: AFRICA", 1);
    fs::write(&afr, text).unwrap();
    let eur = input.path().join("rpm/eur.md");
    let text = fs::read_to_string(&eur)
        .unwrap()
        .replacen("  venue:", "  venu:", 1);
    fs::write(&eur, text).unwrap();

    let out = tempfile::tempdir().unwrap();
    fs::write(out.path().join("tdag-synthesis.md"), "previous").unwrap();
    let result = rpmsynth(&[
        "build",
        input.path().to_str().unwrap(),
        "-o",
        out.path().to_str().unwrap(),
    ]);
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert_eq!(result.status.code(), Some(1), "{stderr}");
    // Printed like a compiler: message, location, the line with the word underlined, help.
    let afr = input.path().join("rpm/afr.md").display().to_string();
    let expected = format!(
        "error: unknown region \"AFRICA\"; expected one of AFR, AMS, ARB, ASP, CIS, EUR\n \
         --> {afr}:2:9\n  |\n2 | region: AFRICA\n  |         ^^^^^^\n  |\n  \
         = help: did you mean `AFR`?\n"
    );
    assert!(stderr.contains(&expected), "{stderr}");
    assert!(
        stderr.contains("rpm/eur.md:")
            && stderr.contains("unknown field `venu`")
            && stderr.contains("did you mean `venue`?"),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"));
    assert_eq!(
        fs::read_to_string(out.path().join("tdag-synthesis.md")).unwrap(),
        "previous"
    );
    assert_eq!(
        fs::read_dir(out.path()).unwrap().count(),
        1,
        "no temporary files left"
    );
}

#[test]
fn check_reports_warnings_writes_nothing_and_deny_warnings_fails() {
    let out = tempfile::tempdir().unwrap();
    let input = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/other-proposals");
    let result = rpmsynth(&["check", input.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert_eq!(result.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains("warning: AMS/IAP-6 (\"IP address allocation and deployment of IPv6\")")
            && stderr.contains("rpm/ams.md:33:1\n")
            && stderr.contains("= help: add `topic=…` to the heading"),
        "{stderr}"
    );
    // One summary line; plain text when piped.
    assert!(
        stderr.ends_with("checked 1 RPM outcome, 2 proposals, 2 groups: 0 errors, 1 warning\n"),
        "{stderr}"
    );
    assert!(!stderr.contains('\x1b'), "{stderr}");
    assert_eq!(fs::read_dir(out.path()).unwrap().count(), 0);
    let denied = rpmsynth(&["--deny-warnings", "check", input.to_str().unwrap()]);
    assert_eq!(denied.status.code(), Some(1));
}

#[test]
fn a_templates_folder_inside_the_input_is_used_by_default() {
    let input = tempfile::tempdir().unwrap();
    copy_example(input.path());
    fs::create_dir(input.path().join("templates")).unwrap();
    fs::write(
        input.path().join("templates/cover.md.hbs"),
        "# House cover for {{conference.name}} {.title}\n\n",
    )
    .unwrap();
    let (result, out) = build_with(input.path(), &["--format", "md"]);
    assert!(
        result.status.success(),
        "{}",
        String::from_utf8_lossy(&result.stderr)
    );
    assert!(
        read(out.path(), "tdag-synthesis.md").starts_with("# House cover for WTDC-29 {.title}")
    );
}

#[test]
fn a_stylesheet_in_the_templates_folder_styles_the_html_pages() {
    let templates = tempfile::tempdir().unwrap();
    fs::write(
        templates.path().join("style.css"),
        "body { font-family: \"House Serif\"; }\n",
    )
    .unwrap();
    let input = example_input();
    let (result, out) = build_with(
        &input,
        &[
            "--templates",
            templates.path().to_str().unwrap(),
            "--format",
            "html",
        ],
    );
    assert!(
        result.status.success(),
        "{}",
        String::from_utf8_lossy(&result.stderr)
    );
    for name in ["tdag-synthesis.html", "wtdc-implementation.html"] {
        let html = read(out.path(), name);
        assert!(html.contains("font-family: \"House Serif\""), "{name}");
    }
    // Without it, the default stylesheet.
    let (_, plain) = build_with(&input, &["--format", "html"]);
    let html = read(plain.path(), "tdag-synthesis.html");
    assert!(!html.contains("House Serif"));
    assert!(html.contains(rpmsynth::render::html::DEFAULT_CSS.trim()));
    // A stylesheet that is not text is an error naming it.
    fs::write(templates.path().join("style.css"), [0xff, 0xfe, 0x00]).unwrap();
    let (result, _) = build_with(&input, &["--templates", templates.path().to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert_eq!(result.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("the stylesheet is not UTF-8 text") && stderr.contains("style.css"),
        "{stderr}"
    );
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(
        rpmsynth(&["build", "--format", "pdf"]).status.code(),
        Some(2)
    );
    assert_eq!(rpmsynth(&["frobnicate"]).status.code(), Some(2));
}

/// Builds the example with a `cover.md.hbs` override and extra arguments; returns the result and output folder.
fn build_with_cover(cover: &str, extra: &[&str]) -> (std::process::Output, tempfile::TempDir) {
    let templates = tempfile::tempdir().unwrap();
    fs::write(templates.path().join("cover.md.hbs"), cover).unwrap();
    let mut args = vec!["--templates", templates.path().to_str().unwrap()];
    args.extend(extra);
    build_with(&example_input(), &args)
}

#[test]
fn format_selection_and_template_override() {
    let (result, out) = build_with_cover(
        "# Custom cover for {{conference.name}} {.title}\n\n",
        &["--format", "md,json"],
    );
    assert!(
        result.status.success(),
        "{}",
        String::from_utf8_lossy(&result.stderr)
    );
    assert_eq!(
        file_names(out.path()),
        [
            "consolidated.json",
            "tdag-synthesis.md",
            "wtdc-implementation.md"
        ]
    );
    assert!(
        read(out.path(), "tdag-synthesis.md").starts_with("# Custom cover for WTDC-29 {.title}")
    );
}

#[test]
fn template_errors_name_the_file_and_line() {
    let (result, out) = build_with_cover("line one\n{{conference.nmae}}\n", &[]);
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert_eq!(result.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("error: unknown variable `conference.nmae`")
            && stderr.contains("cover.md.hbs:2:1\n")
            && stderr.contains("2 | {{conference.nmae}}\n  | ^^^^^^^^^^^^^^^^^^^\n")
            && stderr.contains("= help: did you mean `conference.name`?"),
        "{stderr}"
    );
    assert_eq!(fs::read_dir(out.path()).unwrap().count(), 0);
}

#[test]
fn context_prints_the_template_context() {
    let result = rpmsynth(&[
        "context",
        example_input().to_str().unwrap(),
        "--report",
        "tdag-synthesis",
    ]);
    assert!(result.status.success());
    let ctx: serde_json::Value = serde_json::from_slice(&result.stdout).unwrap();
    assert_eq!(
        ctx["report"]["symbol"], "TDAG-29/9-E",
        "with its language suffix"
    );
    assert_eq!(ctx["rpms"].as_array().unwrap().len(), 6);
}

#[test]
fn context_for_a_report_the_cycle_does_not_make_is_a_usage_error() {
    let wtsa = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/wtsa");
    for (input, asked, made) in [
        (
            example_input(),
            "report-to-council",
            "a wtdc cycle; this cycle's reports are tdag-synthesis and wtdc-implementation",
        ),
        (
            wtsa,
            "wtdc-implementation",
            "a wtsa cycle; this cycle's reports are synthesis and report-to-council",
        ),
    ] {
        let result = rpmsynth(&["context", input.to_str().unwrap(), "--report", asked]);
        let stderr = String::from_utf8_lossy(&result.stderr);
        assert_eq!(result.status.code(), Some(2), "{stderr}");
        assert!(
            stderr.starts_with(&format!(
                "error: report \"{asked}\" is not made for {made}\n"
            )),
            "{stderr}"
        );
        assert!(stderr.contains("conference.yaml"), "{stderr}");
        assert!(result.stdout.is_empty());
    }
}

/// A copy of a built DOCX whose Heading 1 is red and whose page is US Letter.
fn house_template(built: &std::path::Path, to: &std::path::Path) {
    use std::io::{Read, Write};
    let mut zip = zip::ZipArchive::new(fs::File::open(built).unwrap()).unwrap();
    let mut out = zip::ZipWriter::new(fs::File::create(to).unwrap());
    for i in 0..zip.len() {
        let mut file = zip.by_index(i).unwrap();
        let name = file.name().unwrap().to_string();
        let mut text = String::new();
        file.read_to_string(&mut text).unwrap();
        let text = match name.as_str() {
            "word/styles.xml" => text.replacen(
                r#"<w:color w:val="1F4E79"/><w:sz w:val="32"/>"#,
                r#"<w:color w:val="C00000"/><w:sz w:val="32"/>"#,
                1,
            ),
            "word/document.xml" => text.replace(
                r#"<w:pgSz w:w="11906" w:h="16838"/>"#,
                r#"<w:pgSz w:w="12240" w:h="15840"/>"#,
            ),
            _ => text,
        };
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(text.as_bytes()).unwrap();
    }
    out.finish().unwrap();
}

#[test]
fn a_reference_document_gives_the_word_outputs_the_house_style() {
    let first = build(&example_input());
    let house = tempfile::tempdir().unwrap();
    let reference = house.path().join("house.docx");
    house_template(&first.path().join("tdag-synthesis.docx"), &reference);
    let (result, out) = build_with(
        &example_input(),
        &["--reference-doc", reference.to_str().unwrap()],
    );
    assert!(
        result.status.success(),
        "{}",
        String::from_utf8_lossy(&result.stderr)
    );
    let docx = docx_part(&out.path().join("tdag-synthesis.docx"), "word/styles.xml");
    assert!(docx.contains(r#"<w:color w:val="C00000"/><w:sz w:val="32"/>"#));
    let doc = docx_part(
        &out.path().join("wtdc-implementation.docx"),
        "word/document.xml",
    );
    assert!(doc.contains(r#"<w:pgSz w:w="12240" w:h="15840"/>"#));
    // The same from a templates folder holding reference.docx.
    let templates = tempfile::tempdir().unwrap();
    fs::copy(&reference, templates.path().join("reference.docx")).unwrap();
    let (result, out) = build_with(
        &example_input(),
        &["--templates", templates.path().to_str().unwrap()],
    );
    assert!(
        result.status.success(),
        "{}",
        String::from_utf8_lossy(&result.stderr)
    );
    let doc = docx_part(&out.path().join("tdag-synthesis.docx"), "word/document.xml");
    assert!(doc.contains(r#"<w:pgSz w:w="12240" w:h="15840"/>"#));
    // Not a Word file: exit 1, naming it, nothing written.
    fs::write(&reference, "plain text").unwrap();
    let (result, out) = build_with(
        &example_input(),
        &["--reference-doc", reference.to_str().unwrap()],
    );
    assert_eq!(result.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert!(
        stderr.contains("error: not a Word (.docx) file") && stderr.contains("house.docx\n"),
        "{stderr}"
    );
    assert_eq!(fs::read_dir(out.path()).unwrap().count(), 0);
}

#[test]
fn a_reference_document_that_cannot_be_read_gives_the_systems_reason() {
    let house = tempfile::tempdir().unwrap();
    let missing = house.path().join("house.docx");
    for (path, reason) in [
        (&missing, "No such file or directory (os error 2)"),
        (&house.path().to_path_buf(), "Is a directory (os error 21)"),
    ] {
        let (result, out) = build_with(
            &example_input(),
            &["--reference-doc", path.to_str().unwrap()],
        );
        let stderr = String::from_utf8_lossy(&result.stderr);
        assert_eq!(result.status.code(), Some(1), "{stderr}");
        assert!(
            stderr.contains(&format!(
                "error: cannot read the reference document: {reason}\n--> {}\n",
                path.display()
            )),
            "{stderr}"
        );
        assert_eq!(fs::read_dir(out.path()).unwrap().count(), 0);
    }
}

#[test]
fn a_template_error_in_the_second_report_leaves_the_previous_output_as_it_was() {
    let out = build(&example_input());
    let before: Vec<(String, Vec<u8>)> = file_names(out.path())
        .into_iter()
        .map(|n| (n.clone(), fs::read(out.path().join(&n)).unwrap()))
        .collect();
    let templates = tempfile::tempdir().unwrap();
    let broken =
        DEFAULTS_IMPLEMENTATION.replacen("{{> cover}}", "{{> cover}}\n{{conference.titel}}", 1);
    assert_ne!(broken, DEFAULTS_IMPLEMENTATION);
    fs::write(templates.path().join("wtdc-implementation.md.hbs"), broken).unwrap();
    let result = rpmsynth(&[
        "build",
        example_input().to_str().unwrap(),
        "-o",
        out.path().to_str().unwrap(),
        "--templates",
        templates.path().to_str().unwrap(),
    ]);
    assert_eq!(result.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&result.stderr).contains("did you mean `conference.title`?"));
    let after: Vec<(String, Vec<u8>)> = file_names(out.path())
        .into_iter()
        .map(|n| (n.clone(), fs::read(out.path().join(&n)).unwrap()))
        .collect();
    assert!(after == before, "the output folder changed");
}

const DEFAULTS_IMPLEMENTATION: &str = include_str!("../templates/wtdc-implementation.md.hbs");

#[test]
fn concurrent_builds_into_one_folder_leave_one_complete_set() {
    let out = tempfile::tempdir().unwrap();
    let dir = out.path().to_str().unwrap();
    let input = example_input();
    let builds: Vec<_> = (0..3)
        .map(|_| {
            std::process::Command::new(env!("CARGO_BIN_EXE_rpmsynth"))
                .args(["build", input.to_str().unwrap(), "-o", dir, "--quiet"])
                .spawn()
                .unwrap()
        })
        .collect();
    for mut b in builds {
        assert!(b.wait().unwrap().success());
    }
    let reference = build(&input);
    for name in file_names(reference.path())
        .iter()
        .filter(|n| !n.starts_with('.'))
    {
        assert!(
            fs::read(out.path().join(name)).unwrap()
                == fs::read(reference.path().join(name)).unwrap(),
            "{name} differs"
        );
    }
    assert_eq!(file_names(out.path()), file_names(reference.path()));
}

#[test]
fn context_read_only_in_part_is_not_a_crash() {
    use std::io::Read;
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_rpmsynth"))
        .args([
            "context",
            example_input().to_str().unwrap(),
            "--report",
            "tdag-synthesis",
        ])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut start = [0u8; 10];
    child.stdout.take().unwrap().read_exact(&mut start).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(start.starts_with(b"{"));
    assert!(!String::from_utf8_lossy(&out.stderr).contains("panicked"));
    assert_eq!(out.status.code(), Some(0));
}
