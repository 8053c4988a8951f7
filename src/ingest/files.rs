//! The input folder as bytes in memory: the only part of ingest that touches the disk.

use crate::model::{Diagnostic, SourcePos};
use std::collections::BTreeMap;
use std::path::Path;
use walkdir::WalkDir;

/// Input files keyed by their path relative to the input folder (with `/`), in sorted order.
#[derive(Debug, Clone, Default)]
pub struct InputFiles {
    pub files: BTreeMap<String, Vec<u8>>,
    /// Files passed over (lock and backup files, other extensions), for `--verbose`.
    pub skipped: Vec<String>,
}

/// The folders whose `*.md` files are read.
pub const FOLDERS: [&str; 2] = ["rpm", "inter-regional"];

impl InputFiles {
    /// Adds a file (used by tests and by `from_dir`).
    pub fn insert(&mut self, path: &str, bytes: impl Into<Vec<u8>>) {
        self.files.insert(path.to_string(), bytes.into());
    }

    /// Reads `conference.yaml`, `topics.yaml`, `rpm/*.md` and `inter-regional/*.md` below `root`.
    pub fn from_dir(root: &Path) -> Result<InputFiles, Diagnostic> {
        let pos = SourcePos::new(&root.display().to_string(), 0, 0);
        if !root.is_dir() {
            return Err(Diagnostic::error(&pos, "input folder not found")
                .with_help("give the folder that holds conference.yaml, topics.yaml and rpm/"));
        }
        let mut input = InputFiles::default();
        for entry in WalkDir::new(root)
            .min_depth(1)
            .max_depth(2)
            .sort_by_file_name()
        {
            let entry = entry.map_err(|e| {
                Diagnostic::error(&pos, format!("cannot list the input folder: {e}"))
            })?;
            let rel = entry.path().strip_prefix(root).unwrap_or(entry.path());
            let rel = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            if entry.file_type().is_dir() {
                continue;
            }
            if !wanted(&rel) || !entry.file_type().is_file() {
                input.skipped.push(rel);
                continue;
            }
            let bytes = std::fs::read(entry.path()).map_err(|e| {
                Diagnostic::error(
                    &SourcePos::new(&rel, 0, 0),
                    format!("cannot read file: {e}"),
                )
            })?;
            input.files.insert(rel, bytes);
        }
        Ok(input)
    }
}

/// True for the paths the input format defines, false for lock, backup and other files.
pub fn wanted(rel: &str) -> bool {
    let (dir, name) = rel.rsplit_once('/').unwrap_or(("", rel));
    let ignored = name.starts_with('.')
        || name.starts_with("~$")
        || name.ends_with('~')
        || name.ends_with(".swp");
    if ignored {
        return false;
    }
    match dir {
        "" => matches!(
            name,
            "conference.yaml" | "conference.yml" | "topics.yaml" | "topics.yml"
        ),
        _ => FOLDERS.contains(&dir) && name.ends_with(".md"),
    }
}

#[cfg(test)]
mod tests {
    use super::wanted;

    #[test]
    fn skips_lock_backup_and_foreign_files() {
        assert!(wanted("rpm/afr.md"));
        assert!(wanted("topics.yml"));
        for path in [
            "rpm/~$afr.md",
            "rpm/.#afr.md",
            "rpm/afr.md~",
            "rpm/.afr.md.swp",
            "rpm/afr.docx",
            "notes.md",
            "x/afr.md",
        ] {
            assert!(!wanted(path), "{path}");
        }
    }
}
