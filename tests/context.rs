//! `rpmsynth context --report NAME` prints exactly the data the build renders: the printed
//! context, rendered whole by handlebars as it is (its built-in `each`, every text a plain
//! variable), gives the Markdown the build writes, where the build renders one topic at a
//! time. Checked for both reports of every bundled cycle.

mod common;

use common::*;
use rpmsynth::report::{self, Templates};
use std::path::Path;

fn check(input: &Path, reports: [&str; 2]) {
    let (result, out) = build_with(input, &["--format", "md"]);
    assert!(
        result.status.success(),
        "{}",
        String::from_utf8_lossy(&result.stderr)
    );
    let templates = Templates::defaults();
    for name in reports {
        let printed = rpmsynth(&["context", input.to_str().unwrap(), "--report", name]);
        assert!(printed.status.success(), "{name}");
        let ctx: serde_json::Value = serde_json::from_slice(&printed.stdout).unwrap();
        assert_eq!(ctx["report"]["name"], name);
        let rendered = templates
            .render(name, &ctx)
            .unwrap_or_else(|d| panic!("{d}"));
        let built = read(out.path(), &format!("{name}.md"));
        assert!(
            report::finish(rendered) == built,
            "{}: {name}.md differs from its printed context rendered whole",
            input.display()
        );
    }
}

fn cycle(path: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

#[test]
fn the_printed_context_renders_as_the_build_input() {
    check(&example_input(), ["tdag-synthesis", "wtdc-implementation"]);
}

#[test]
fn the_printed_context_renders_as_the_build_examples() {
    check(
        &cycle("examples/fr"),
        ["tdag-synthesis", "wtdc-implementation"],
    );
    check(&cycle("examples/wtsa"), ["synthesis", "report-to-council"]);
    check(
        &cycle("examples/other-proposals"),
        ["tdag-synthesis", "wtdc-implementation"],
    );
    check(
        &cycle("examples/amendments"),
        ["tdag-synthesis", "wtdc-implementation"],
    );
}

/// Strictness holds inside a topic rendered on its own: a misspelt variable in an entry is
/// an error naming the partial's file, line and column, and the name meant.
#[test]
fn a_misspelt_variable_inside_a_streamed_topic_is_reported() {
    let templates = tempfile::tempdir().unwrap();
    let group = include_str!("../templates/group.md.hbs").replacen(
        "{{t \"group_common\" regions_of}}",
        "{{t \"group_common\" regons_of}}",
        1,
    );
    std::fs::write(templates.path().join("group.md.hbs"), group).unwrap();
    let dir = templates.path().to_str().unwrap();
    let (result, _out) = build_with(&example_input(), &["--templates", dir]);
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert_eq!(result.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("group.md.hbs:11:1")
            && stderr.contains("unknown variable `regons_of`")
            && stderr.contains("did you mean `regions_of`?"),
        "{stderr}"
    );
}
