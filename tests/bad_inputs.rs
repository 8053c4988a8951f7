//! Broken and hostile inputs (`tests/bad/`): each case gives a clear diagnostic naming the file
//! and line with exit status 1, or builds safely; never a panic, never a changed input,
//! never a half-written output.

mod common;

use common::*;
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

fn cases() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad")
}

/// Every file below `dir` (symbolic links as their target path) by relative path.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = BTreeMap::new();
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.unwrap();
        let rel = entry.path().strip_prefix(dir).unwrap().to_path_buf();
        if entry.path_is_symlink() {
            let target = fs::read_link(entry.path()).unwrap();
            files.insert(rel, target.into_os_string().into_encoded_bytes());
        } else if entry.file_type().is_file() {
            files.insert(rel, fs::read(entry.path()).unwrap());
        }
    }
    files
}

/// Every file below `dir` with a hash of its bytes, to compare a folder before and after.
fn hashes(dir: &Path) -> BTreeMap<PathBuf, u64> {
    use std::hash::{Hash, Hasher};
    snapshot(dir)
        .into_iter()
        .map(|(path, bytes)| {
            let mut h = std::collections::hash_map::DefaultHasher::new();
            bytes.hash(&mut h);
            (path, h.finish())
        })
        .collect()
}

/// Copies `from` into `to`, file by file; `NAME.delete` removes `NAME`.
fn overlay(from: &Path, to: &Path) {
    for (rel, bytes) in snapshot(from) {
        let target = to.join(&rel);
        match rel.to_str().unwrap().strip_suffix(".delete") {
            Some(deleted) => fs::remove_file(to.join(deleted)).unwrap(),
            None => {
                fs::create_dir_all(target.parent().unwrap()).unwrap();
                fs::write(target, bytes).unwrap();
            }
        }
    }
}

/// The `key: value` lines of a case's `expect.txt`; `message` and `at` may repeat.
fn expectations(case: &Path) -> Vec<(String, String)> {
    fs::read_to_string(case.join("expect.txt"))
        .unwrap()
        .lines()
        .filter_map(|l| {
            l.split_once(": ")
                .or_else(|| l.strip_suffix(':').map(|k| (k, "")))
        })
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

/// The checks every built case passes, like the normal reports.
fn check_outputs(out: &Path, name: &str) {
    let tag = regex::Regex::new(r"<[a-z][^>]*>").unwrap();
    let unsafe_tag =
        regex::Regex::new(r#"^<script|\son[a-z]+\s*=|javascript:|vbscript:|data:text"#).unwrap();
    for report in ["tdag-synthesis", "wtdc-implementation"] {
        let docx = out.join(format!("{report}.docx"));
        let file = fs::File::open(&docx).unwrap();
        let mut zip = zip::ZipArchive::new(file).unwrap();
        for i in 0..zip.len() {
            let mut part = zip.by_index(i).unwrap();
            let part_name = part.name().unwrap().to_string();
            if part_name.ends_with(".xml") || part_name.ends_with(".rels") {
                let mut xml = String::new();
                std::io::Read::read_to_string(&mut part, &mut xml).unwrap();
                assert_well_formed(&xml, &format!("{name}: {report}.docx {part_name}"));
            }
        }
        // Text is escaped (`&lt;script&gt;`), so every `<` starts a tag rpmsynth wrote:
        // none may be a script, carry an event handler or a `javascript:` address.
        let html = fs::read_to_string(out.join(format!("{report}.html")))
            .unwrap()
            .to_lowercase();
        for t in tag.find_iter(&html) {
            assert!(
                !unsafe_tag.is_match(t.as_str()),
                "{name}: {report}.html has {}",
                t.as_str()
            );
        }
    }
    if tools::available(&harness::SOFFICE) && tools::available(&harness::POPPLER) {
        let (pages, text) = tools::pdf(&out.join("tdag-synthesis.docx"));
        assert!(
            pages > 1 && tools::words(&text).contains("Synthesis report"),
            "{name}: {pages} pages"
        );
    }
}

fn assert_well_formed(xml: &str, what: &str) {
    let mut reader = quick_xml::Reader::from_str(xml);
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(quick_xml::events::Event::Text(t)) => {
                let text = t.xml10_content();
                let illegal = text.chars().find(|&c| {
                    (c < ' ' && !matches!(c, '\t' | '\n' | '\r'))
                        || c == '\u{FFFE}'
                        || c == '\u{FFFF}'
                });
                assert!(
                    illegal.is_none(),
                    "{what}: character {illegal:?} is not allowed in XML"
                );
            }
            Ok(_) => {}
            Err(e) => panic!("{what}: not well-formed: {e}"),
        }
    }
}

fn run_case(case: &Path) {
    let name = case.file_name().unwrap().to_string_lossy().into_owned();
    let lines = expectations(case);
    let all = |key: &str| {
        lines
            .iter()
            .filter(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
            .collect::<Vec<_>>()
    };
    let expect: BTreeMap<String, String> = lines.iter().cloned().collect();
    let work = tempfile::tempdir().unwrap();
    let input = work.path().join("input");
    overlay(&cases().join("base"), &input);
    if case.join("input").is_dir() {
        overlay(&case.join("input"), &input);
    }
    if let Some((link, target)) = expect.get("link").and_then(|l| l.split_once(" -> ")) {
        std::os::unix::fs::symlink(target, input.join(link)).unwrap();
    }
    let out = match expect.get("output") {
        Some(rel) => input.join(rel),
        None => {
            let out = work.path().join("output");
            fs::create_dir(&out).unwrap();
            fs::write(out.join("tdag-synthesis.md"), "previous").unwrap();
            out
        }
    };
    let input_before = hashes(&input);
    let output_before = out.is_dir().then(|| hashes(&out));
    let result = rpmsynth(&[
        "build",
        input.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    let stderr = String::from_utf8_lossy(&result.stderr);
    let status: i32 = expect["status"].parse().unwrap();
    assert_eq!(result.status.code(), Some(status), "{name}:\n{stderr}");
    assert!(!stderr.contains("panicked"), "{name}:\n{stderr}");
    if let Some(file) = expect.get("file") {
        let mut place = format!("--> {}", input.join(file).display());
        for key in ["line", "column"] {
            if let Some(n) = expect.get(key) {
                place = format!("{place}:{n}");
            }
        }
        assert!(
            stderr.contains(&place),
            "{name}: expected {place} in\n{stderr}"
        );
    }
    for at in all("at") {
        let place = format!("--> {}\n", input.join(at).display());
        assert!(
            stderr.contains(&place),
            "{name}: expected {place} in\n{stderr}"
        );
    }
    for message in all("message") {
        assert!(
            stderr.contains(message),
            "{name}: expected {message:?} in\n{stderr}"
        );
    }
    // The input folder is never changed (but for the reports a build writes inside it).
    let mut after = hashes(&input);
    if status == 0 {
        after.retain(|p, _| !input.join(p).starts_with(&out));
    }
    assert_eq!(after, input_before, "{name}: the input changed");
    if status == 0 {
        check_outputs(&out, &name);
    } else if let Some(before) = output_before {
        assert_eq!(hashes(&out), before, "{name}: the output changed");
    }
}

#[test]
fn every_bad_input_is_refused_clearly_or_built_safely() {
    let mut names: Vec<PathBuf> = fs::read_dir(cases().join("cases"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    names.sort();
    assert!(names.len() >= 30, "{} cases", names.len());
    std::thread::scope(|scope| {
        for chunk in names.chunks(names.len().div_ceil(4)) {
            scope.spawn(move || chunk.iter().for_each(|c| run_case(c)));
        }
    });
}

#[test]
fn the_base_folder_builds_with_one_common_proposal() {
    let out = build(&cases().join("base"));
    let json: serde_json::Value =
        serde_json::from_str(&read(out.path(), "consolidated.json")).unwrap();
    let groups = json["groups"].as_array().unwrap();
    assert_eq!(groups.len(), 1);
    assert_eq!(groups[0]["kind"], "common");
    assert_eq!(member_ids(&groups[0]), ["AFR/AFCP-1", "EUR/ECP-1"]);
}
