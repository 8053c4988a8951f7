//! `rpmsynth init DIR`: a complete example that builds without warnings, and never overwrites
//! without `--force`.

mod common;

use common::*;
use rpmsynth::render::html::DEFAULT_CSS;
use rpmsynth::report::templates::DEFAULTS;
use std::fs;
use std::path::{Path, PathBuf};

/// Runs `rpmsynth init DIR EXTRA…`, expecting exit status `code`; returns its stderr.
fn init_exits(code: i32, dir: &Path, extra: &[&str]) -> String {
    let mut args = vec!["init", dir.to_str().unwrap()];
    args.extend(extra);
    let result = rpmsynth(&args);
    let stderr = String::from_utf8_lossy(&result.stderr).into_owned();
    assert_eq!(result.status.code(), Some(code), "{stderr}");
    stderr
}

/// Runs `rpmsynth init DIR EXTRA…`, expecting success; returns its stderr.
fn init(dir: &Path, extra: &[&str]) -> String {
    init_exits(0, dir, extra)
}

/// A fresh temporary folder and a not yet existing `example` folder inside it.
fn fresh() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("example");
    (tmp, dir)
}

/// Every file below `dir`, as paths relative to it with `/`.
fn files_below(dir: &Path) -> Vec<String> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let rel = path.strip_prefix(dir).unwrap();
                files.push(rel.to_str().unwrap().replace('\\', "/"));
            }
        }
    }
    files.sort();
    files
}

#[test]
fn init_writes_an_example_that_builds_without_warnings() {
    let (_tmp, dir) = fresh();
    let stderr = init(&dir, &[]);
    let expected = format!("rpmsynth build {0} -o {0}/output", dir.display());
    assert!(
        stderr.contains(&format!("wrote 25 files to {}", dir.display()))
            && stderr.contains(&expected),
        "{stderr}"
    );

    let (result, out) = build_with(&dir, &[]);
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert_eq!(result.status.code(), Some(0), "{stderr}");
    assert!(!stderr.to_lowercase().contains("warning"), "{stderr}");

    let md = read(out.path(), "tdag-synthesis.md");
    for file in ["afr.md", "eur.md"] {
        let rpm = read(&example_input().join("rpm"), file);
        let chair = rpm
            .lines()
            .find_map(|l| l.trim().strip_prefix("chair: "))
            .expect("the RPM names its chair");
        let unbroken = chair.replacen(' ', "\u{a0}", 2);
        assert!(md.contains(&unbroken), "{unbroken:?} not in the synthesis");
    }
    // Every proposal has a topic: AMS/IAP-6 on IPv6 is under its own topic, not "Other proposals".
    let title = "Internet and IP-based networks";
    let section = md
        .split(&format!("\n## {title} {{#topic-internet}}\n"))
        .nth(1)
        .unwrap_or_else(|| panic!("no section \"{title}\" in the synthesis"));
    let section = &section[..section.find("\n## ").unwrap_or(section.len())];
    assert!(
        section.contains("IP address allocation and deployment of IPv6"),
        "{section}"
    );
    assert!(!md.contains("Other proposals"));
    assert!(read(out.path(), "wtdc-implementation.md").contains("WTDC-29"));
}

#[test]
fn init_copies_the_bundled_input_and_the_default_templates() {
    let (_tmp, dir) = fresh();
    init(&dir, &[]);
    let input = example_input();
    let mut expected: Vec<String> = files_below(&input);
    for (name, text) in DEFAULTS {
        assert_eq!(
            read(&dir, &format!("templates/{name}.md.hbs")),
            *text,
            "{name}"
        );
        expected.push(format!("templates/{name}.md.hbs"));
    }
    assert_eq!(read(&dir, "templates/style.css"), DEFAULT_CSS);
    expected.push("templates/style.css".into());
    expected.sort();
    assert_eq!(files_below(&dir), expected);
    for rel in files_below(&input) {
        assert_eq!(
            fs::read(dir.join(&rel)).unwrap(),
            fs::read(input.join(&rel)).unwrap(),
            "{rel}"
        );
    }
}

#[test]
fn init_refuses_to_overwrite_without_force() {
    let (_tmp, dir) = fresh();
    init(&dir, &[]);
    fs::write(dir.join("rpm/afr.md"), "changed").unwrap();
    fs::remove_file(dir.join("templates/style.css")).unwrap();

    let stderr = init_exits(1, &dir, &[]);
    assert!(
        stderr.contains("conference.yaml")
            && stderr.contains("24 files")
            && stderr.contains("--force"),
        "{stderr}"
    );
    assert_eq!(read(&dir, "rpm/afr.md"), "changed");
    assert!(!dir.join("templates/style.css").exists(), "nothing written");

    init(&dir, &["--force"]);
    assert_eq!(
        read(&dir, "rpm/afr.md"),
        read(&example_input(), "rpm/afr.md")
    );
    assert_eq!(read(&dir, "templates/style.css"), DEFAULT_CSS);
    let left: Vec<String> = files_below(&dir)
        .into_iter()
        .filter(|f| f.ends_with(".tmp"))
        .collect();
    assert!(left.is_empty(), "temporary files left: {left:?}");
}

#[test]
fn init_accepts_an_empty_folder_and_fails_cleanly_on_a_file() {
    let tmp = tempfile::tempdir().unwrap();
    init(tmp.path(), &[]);
    assert!(tmp.path().join("rpm/ams.md").is_file());

    let file = tmp.path().join("conference.yaml");
    let stderr = init_exits(1, &file, &[]);
    assert!(stderr.contains("not a folder"), "{stderr}");

    let blocked = tmp.path().join("blocked");
    fs::create_dir(&blocked).unwrap();
    fs::write(blocked.join("rpm"), "a file where a folder goes").unwrap();
    let stderr = init_exits(1, &blocked, &[]);
    assert!(
        stderr.contains(&blocked.join("rpm").display().to_string()),
        "{stderr}"
    );
    assert_eq!(files_below(&blocked), ["rpm"], "nothing written");
}
