//! A build killed while it stages its files (kill -9, a power cut) leaves the previous output
//! intact and temporary files beside it; the next build, in its turn, removes those of its
//! own naming and nothing else.

mod common;

use common::*;
use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The bundled example with 150 more proposals in the African outcome, so that a build lasts
/// long enough to be killed while it stages.
fn larger_example(to: &Path) {
    copy_example(to);
    let afr = to.join("rpm/afr.md");
    let mut text = fs::read_to_string(&afr).unwrap();
    for n in 0..150 {
        text.push_str(&format!(
            "\n## Proposal number {n} on community networks {{#AFR-X{n} action=MOD target=res-37}}\n\n\
             BDT is invited to assist Member States with community networks, case {n}, in rural \
             areas, with spectrum at low cost and universal service funds for item {n}.\n"
        ));
    }
    fs::write(afr, text).unwrap();
}

/// The names in `dir` that a build stages: `.NAME.XXXXXX.tmp`, NAME an output's name.
fn temporary(dir: &Path) -> Vec<String> {
    let staged = |n: &str| {
        let Some(rest) = n.strip_prefix('.').and_then(|n| n.strip_suffix(".tmp")) else {
            return false;
        };
        rest.rsplit_once('.').is_some_and(|(name, tag)| {
            tag.len() == 6
                && [".md", ".html", ".docx", ".json"]
                    .iter()
                    .any(|e| name.ends_with(e))
        })
    };
    file_names(dir).into_iter().filter(|n| staged(n)).collect()
}

/// Starts a build and kills it (SIGKILL) as soon as it has staged a file; returns whether it
/// was killed before it finished.
fn kill_while_staging(input: &Path, output: &Path) -> bool {
    let mut child = Command::new(env!("CARGO_BIN_EXE_rpmsynth"))
        .args(["build", "-q", input.to_str().unwrap(), "-o"])
        .arg(output)
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let started = Instant::now();
    let staged = loop {
        if child.try_wait().unwrap().is_some() {
            break false;
        }
        let staged = output.is_dir() && !temporary(output).is_empty();
        if staged || started.elapsed() > Duration::from_secs(60) {
            child.kill().unwrap();
            child.wait().unwrap();
            break staged;
        }
        std::thread::sleep(Duration::from_micros(200));
    };
    assert!(
        staged || started.elapsed() < Duration::from_secs(60),
        "the build neither staged a file nor ended within a minute"
    );
    staged
}

#[test]
fn the_next_build_removes_what_a_killed_build_staged_and_nothing_else() {
    let input = tempfile::tempdir().unwrap();
    larger_example(input.path());
    let out = tempfile::tempdir().unwrap();
    let output = out.path().join("output");
    let build = || {
        rpmsynth(&[
            "build",
            input.path().to_str().unwrap(),
            "-o",
            output.to_str().unwrap(),
        ])
    };
    let first = build();
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    let before: Vec<(String, Vec<u8>)> = file_names(&output)
        .into_iter()
        .map(|n| (n.clone(), fs::read(output.join(&n)).unwrap()))
        .collect();
    // A user's own files with similar names stay.
    fs::write(output.join(".notes.tmp"), "mine").unwrap();
    fs::write(output.join(".draft.md.tmp"), "mine").unwrap();

    let killed = (0..5).any(|_| kill_while_staging(input.path(), &output));
    assert!(
        killed,
        "no build could be killed while staging in five tries"
    );
    let debris = temporary(&output);
    assert!(!debris.is_empty(), "a killed build leaves its staged files");
    for (name, bytes) in &before {
        assert_eq!(
            &fs::read(output.join(name)).unwrap(),
            bytes,
            "{name} is the previous output"
        );
    }

    let result = build();
    assert!(
        result.status.success(),
        "{}",
        String::from_utf8_lossy(&result.stderr)
    );
    let mut expected: Vec<String> = before.iter().map(|(n, _)| n.clone()).collect();
    expected.extend([".draft.md.tmp".to_string(), ".notes.tmp".to_string()]);
    expected.sort();
    assert_eq!(
        file_names(&output),
        expected,
        "the stale staging files and the lock file are gone, the user's files stay"
    );
}
