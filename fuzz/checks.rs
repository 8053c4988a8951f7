//! What each fuzz target checks, shared with `tests/fuzz_regressions.rs`, which replays every
//! input a fuzzer ever found failing (`tests/fuzz-regressions/TARGET/`).
#![allow(dead_code)] // each fuzz target uses one of the checks

use rpmsynth::ingest::{InputFiles, load};
use rpmsynth::model::references;
use rpmsynth::pipeline::{Format, build};
use rpmsynth::render::Styles;
use rpmsynth::report::Templates;
use std::sync::LazyLock;

static TEMPLATES: LazyLock<Templates> = LazyLock::new(Templates::defaults);

/// A valid cycle around one file: the base of the bad-input cases.
fn cycle_with(path: &str, data: &[u8]) -> InputFiles {
    let mut input = InputFiles::default();
    let base = |name: &str| -> &'static [u8] {
        match name {
            "conference.yaml" => include_bytes!("../tests/bad/base/conference.yaml"),
            "topics.yaml" => include_bytes!("../tests/bad/base/topics.yaml"),
            _ => include_bytes!("../tests/bad/base/rpm/afr.md"),
        }
    };
    for name in ["conference.yaml", "topics.yaml", "rpm/afr.md"] {
        input.insert(name, base(name));
    }
    input.insert(path, data);
    input
}

/// One outcome file, any bytes: ingest answers with a cycle or error diagnostics.
pub fn ingest_file(data: &[u8]) {
    let ingested = load(&cycle_with("rpm/afr.md", data));
    assert!(ingested.cycle.is_some() || ingested.diagnostics.iter().any(|d| d.is_error()));
}

/// The reference parser on any text: spans in order, on character boundaries.
pub fn references(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut end = 0;
    for (range, id) in references::spans(text) {
        assert!(range.start >= end && text.is_char_boundary(range.start));
        assert!(text.is_char_boundary(range.end) && !id.is_empty());
        end = range.end;
    }
    let _ = references::find_all(text);
    let _ = references::at_start(text);
    let _ = references::normalise_target(text);
    let _ = references::replace_all(text, |id| id.to_uppercase());
}

/// The whole pipeline with the fuzz input as a second region's outcome: every output or
/// diagnostics.
pub fn pipeline(data: &[u8]) {
    if let Ok(built) = build(
        &cycle_with("rpm/eur.md", data),
        &TEMPLATES,
        &Styles::default(),
        &Format::ALL,
        None,
    ) {
        assert_eq!(built.artifacts.len(), 7);
    }
}
