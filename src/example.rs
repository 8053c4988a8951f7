//! The example `rpmsynth init` writes: the bundled `input/` cycle and the default templates,
//! embedded in the binary, as relative paths and bytes (nothing here touches the disk).
//!
//! The bundled `input/topics.yaml` leaves one proposal (AMS/IAP-6 on IPv6, target `res-63`)
//! without a topic on purpose, to show "Other proposals" and its warning. The example must
//! build without warnings, so its `topics.yaml` is `input/topics.yaml` with the entry of
//! `examples/init/topics-extra.yaml` inserted before the [`EXTRA_TOPIC_BEFORE`] line
//! (the Action Plan and the Declaration stay last), rather than a second copy of the file.

use crate::report::templates::{DEFAULT_CSS, DEFAULTS};
use std::sync::LazyLock;

/// `(path, bytes)` of files below `input/`, each path written once.
macro_rules! bundled {
    ($($path:literal),* $(,)?) => {
        &[$(($path, include_bytes!(concat!("../input/", $path)))),*]
    };
}

/// The bundled input files other than `topics.yaml`, by path relative to the input folder.
const INPUT: &[(&str, &[u8])] = bundled![
    "conference.yaml",
    "rpm/afr.md",
    "rpm/ams.md",
    "rpm/arb.md",
    "rpm/asp.md",
    "rpm/cis.md",
    "rpm/eur.md",
    "inter-regional/irm-1.md",
    "inter-regional/irm-2.md",
];

/// The bundled `input/topics.yaml`, which leaves AMS/IAP-6 without a topic.
pub const BUNDLED_TOPICS: &str = include_str!("../input/topics.yaml");

/// The topic the example adds so that every proposal has one (a `topics:` list entry).
pub const EXTRA_TOPIC: &str = include_str!("../examples/init/topics-extra.yaml");

/// The line of [`BUNDLED_TOPICS`] before which [`EXTRA_TOPIC`] is inserted.
pub const EXTRA_TOPIC_BEFORE: &str = "  - id: action-plan\n";

static TOPICS: LazyLock<String> = LazyLock::new(|| with_extra_topic(BUNDLED_TOPICS));

/// `topics` with [`EXTRA_TOPIC`] before the [`EXTRA_TOPIC_BEFORE`] line, or at the end without one.
fn with_extra_topic(topics: &str) -> String {
    let at = topics
        .find(&format!("\n{EXTRA_TOPIC_BEFORE}"))
        .map_or(topics.len(), |i| i + 1);
    let (before, after) = topics.split_at(at);
    let newline = if before.is_empty() || before.ends_with('\n') {
        ""
    } else {
        "\n"
    };
    format!("{before}{newline}{EXTRA_TOPIC}{after}")
}

/// The example's `topics.yaml`: the bundled catalogue plus [`EXTRA_TOPIC`].
pub fn topics() -> &'static str {
    &TOPICS
}

/// Every file of the example: the input files, then `templates/NAME.md.hbs` and `templates/style.css`.
pub fn example_files() -> Vec<(String, &'static [u8])> {
    let input = INPUT
        .iter()
        .map(|(path, bytes)| (path.to_string(), *bytes))
        .chain([("topics.yaml".to_string(), topics().as_bytes())]);
    let templates = DEFAULTS
        .iter()
        .map(|(name, text)| (format!("templates/{name}.md.hbs"), text.as_bytes()))
        .chain([("templates/style.css".to_string(), DEFAULT_CSS.as_bytes())]);
    input.chain(templates).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::{InputFiles, wanted};

    /// The input part of the example, as `build` would read it from the folder.
    fn example_input() -> InputFiles {
        let mut input = InputFiles::default();
        for (path, bytes) in example_files() {
            if wanted(&path) {
                input.insert(&path, bytes);
            }
        }
        input
    }

    #[test]
    fn extra_topic_goes_before_the_action_plan() {
        assert!(BUNDLED_TOPICS.contains(&format!("\n{EXTRA_TOPIC_BEFORE}")));
        let (before, after) = BUNDLED_TOPICS.split_once(EXTRA_TOPIC_BEFORE).unwrap();
        assert_eq!(
            topics(),
            format!("{before}{EXTRA_TOPIC}{EXTRA_TOPIC_BEFORE}{after}")
        );
        assert_eq!(
            with_extra_topic("topics:"),
            format!("topics:\n{EXTRA_TOPIC}")
        );
    }

    #[test]
    fn every_path_once_and_every_default_template() {
        let files = example_files();
        let mut paths: Vec<&str> = files.iter().map(|(p, _)| p.as_str()).collect();
        paths.sort_unstable();
        paths.dedup();
        assert_eq!(paths.len(), files.len());
        assert_eq!(files.len(), INPUT.len() + 1 + DEFAULTS.len() + 1);
        for (name, _) in DEFAULTS {
            assert!(paths.contains(&format!("templates/{name}.md.hbs").as_str()));
        }
    }

    #[test]
    fn the_example_checks_without_diagnostics() {
        let input = example_input();
        assert_eq!(input.files.len(), INPUT.len() + 1);
        let (consolidated, diagnostics) = crate::build::check(&input).expect("no errors");
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        assert_eq!(consolidated.cycle.rpms.len(), 6);
    }
}
