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
            let rel = relative(root, entry.path()).unwrap_or_default();
            if entry.file_type().is_dir() {
                continue;
            }
            if wanted(&rel) && entry.path_is_symlink() {
                check_link(root, entry.path(), &rel)?;
            }
            let is_file = entry.path_is_symlink() && entry.path().is_file();
            if !wanted(&rel) || !(entry.file_type().is_file() || is_file) {
                input.skipped.push(rel);
                continue;
            }
            if input.files.len() == super::limits::MAX_FILES {
                return Err(Diagnostic::error(
                    &pos,
                    format!(
                        "too many input files: the limit is {}",
                        super::limits::MAX_FILES
                    ),
                )
                .with_help("rpm/ and inter-regional/ hold one file a meeting"));
            }
            let size = entry.metadata().map_or(0, |m| m.len());
            if size > super::limits::MAX_FILE_BYTES {
                return Err(super::too_large(&rel, size));
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

/// `path` relative to `root`, with `/` between its parts (the keys of [`InputFiles`]), or
/// `None` when it is not below `root`.
pub fn relative(root: &Path, path: &Path) -> Option<String> {
    let rel = path.strip_prefix(root).ok()?;
    Some(
        rel.components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/"),
    )
}

/// A symbolic link is read only when it points to a file inside the input folder: a link
/// out of it could make a build read (and publish) any file of the machine.
fn check_link(root: &Path, link: &Path, rel: &str) -> Result<(), Diagnostic> {
    let inside = match (std::fs::canonicalize(root), std::fs::canonicalize(link)) {
        (Ok(root), Ok(target)) => target.starts_with(root),
        _ => false,
    };
    if inside {
        Ok(())
    } else {
        Err(Diagnostic::error(
            &SourcePos::new(rel, 0, 0),
            "symbolic link to a file outside the input folder (or to nothing)",
        )
        .with_help("copy the file into the input folder"))
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
    use super::*;
    use crate::ingest::limits::MAX_FILES;

    #[test]
    fn too_many_files_is_a_clear_error() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("rpm")).unwrap();
        for n in 0..=MAX_FILES {
            std::fs::write(dir.path().join(format!("rpm/{n:04}.md")), "").unwrap();
        }
        let err = InputFiles::from_dir(dir.path()).unwrap_err();
        assert!(err.message.contains("too many input files"), "{err}");
    }

    #[test]
    fn links_out_of_the_folder_are_refused_and_links_inside_read() {
        let dir = tempfile::tempdir().unwrap();
        let outside = tempfile::NamedTempFile::new().unwrap();
        std::fs::create_dir(dir.path().join("rpm")).unwrap();
        std::fs::write(dir.path().join("rpm/a.md"), "a").unwrap();
        std::os::unix::fs::symlink("a.md", dir.path().join("rpm/b.md")).unwrap();
        let input = InputFiles::from_dir(dir.path()).unwrap();
        assert_eq!(input.files["rpm/b.md"], b"a");
        std::os::unix::fs::symlink(outside.path(), dir.path().join("rpm/c.md")).unwrap();
        let err = InputFiles::from_dir(dir.path()).unwrap_err();
        assert_eq!(err.file, "rpm/c.md");
    }

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
