//! The example `rpmsynth init` writes: the bundled `input/` cycle and the default templates,
//! embedded in the binary, as relative paths and bytes (nothing here touches the disk).
//! `input/` builds without a warning; `examples/other-proposals/` shows what a proposal
//! without a topic gives.

use crate::render::html::DEFAULT_CSS;
use crate::report::templates::DEFAULTS;

/// `(path, bytes)` of files below `input/`, each path written once.
macro_rules! bundled {
    ($($path:literal),* $(,)?) => {
        &[$(($path, include_bytes!(concat!("../input/", $path)))),*]
    };
}

/// The bundled input files, by path relative to the input folder.
const INPUT: &[(&str, &[u8])] = bundled![
    "conference.yaml",
    "topics.yaml",
    "rpm/afr.md",
    "rpm/ams.md",
    "rpm/arb.md",
    "rpm/asp.md",
    "rpm/cis.md",
    "rpm/eur.md",
    "inter-regional/irm-1.md",
    "inter-regional/irm-2.md",
];

/// Every file of the example: the input files, then `templates/NAME.md.hbs` and `templates/style.css`.
pub fn example_files() -> Vec<(String, &'static [u8])> {
    let input = INPUT.iter().map(|(path, bytes)| (path.to_string(), *bytes));
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
    fn every_path_once_and_every_default_template() {
        let files = example_files();
        let mut paths: Vec<&str> = files.iter().map(|(p, _)| p.as_str()).collect();
        paths.sort_unstable();
        paths.dedup();
        assert_eq!(paths.len(), files.len());
        assert_eq!(files.len(), INPUT.len() + DEFAULTS.len() + 1);
        for (name, _) in DEFAULTS {
            assert!(paths.contains(&format!("templates/{name}.md.hbs").as_str()));
        }
    }

    #[test]
    fn the_example_checks_without_diagnostics() {
        let input = example_input();
        assert_eq!(input.files.len(), INPUT.len());
        let (consolidated, diagnostics) = crate::pipeline::check(&input).expect("no errors");
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        assert_eq!(consolidated.cycle.rpms.len(), 6);
    }
}
