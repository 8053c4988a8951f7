//! docs/templates.md documents every variable of both reports' contexts and every helper; a
//! new variable or helper without documentation fails here.

use rpmsynth::report::{ReportKind, Templates, helpers};
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::Path;

const GUIDE: &str = include_str!("../docs/templates.md");

/// The context of a report of the bundled input (or of another cycle of the repository), as
/// JSON.
fn context(kind: ReportKind, cycle: &str) -> Value {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(cycle);
    let input = rpmsynth::ingest::InputFiles::from_dir(&dir).expect("input/ reads");
    let (consolidated, _) = rpmsynth::pipeline::check(&input).expect("input/ builds");
    let json = rpmsynth::report::context_json(&consolidated, kind, &Templates::defaults(), None)
        .expect("the context builds");
    serde_json::from_str(&json).unwrap()
}

/// Every key path of `value` below `prefix`, list elements written `[]`: `rpms[].title`.
fn paths(value: &Value, prefix: &str, out: &mut BTreeSet<String>) {
    match value {
        Value::Object(map) => {
            for (key, v) in map {
                let path = if prefix.is_empty() {
                    key.clone()
                } else {
                    format!("{prefix}.{key}")
                };
                out.insert(path.clone());
                paths(v, &path, out);
            }
        }
        Value::Array(items) => {
            for item in items {
                let path = format!("{prefix}[]");
                if !item.is_object() {
                    out.insert(path.clone());
                }
                paths(item, &path, out);
            }
        }
        _ => {}
    }
}

fn all_paths() -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    // examples/amendments: the variables of amendments compared change by change.
    for cycle in ["input", "examples/amendments"] {
        for kind in [ReportKind::Synthesis, ReportKind::Implementation] {
            paths(&context(kind, cycle), "", &mut out);
        }
    }
    out
}

#[test]
fn every_context_variable_is_documented() {
    let paths = all_paths();
    assert!(
        paths.contains("topics[].groups[].region_codes[]")
            && paths.contains("topics[].groups[].amendment.changes[].place"),
        "{paths:?}"
    );
    let missing: Vec<&String> = paths
        .iter()
        .filter(|p| !GUIDE.contains(&format!("| `{p}` |")))
        .collect();
    assert!(
        missing.is_empty(),
        "add a row for each of these to docs/templates.md: {missing:?}"
    );
}

#[test]
fn every_helper_is_documented_and_hides_no_variable() {
    let keys: BTreeSet<String> = all_paths()
        .iter()
        .filter_map(|p| p.rsplit('.').next())
        .map(|k| k.trim_end_matches("[]").to_string())
        .collect();
    for name in helpers::names() {
        assert!(
            GUIDE.contains(&format!("| `{name} ")),
            "document helper `{name}` in docs/templates.md"
        );
        assert!(
            !keys.contains(name),
            "helper `{name}` hides the context variable of the same name"
        );
    }
}
