//! Atomic output: every file goes to a temporary name beside its target and is renamed
//! only when all of them are complete, so a failed build leaves the previous output as it was.

use crate::build::Artifact;
use std::io::Write;
use std::path::{Path, PathBuf};
use tempfile::NamedTempFile;

/// Writes every artifact into `dir` (created if needed).
pub fn write_all(dir: &Path, artifacts: &[Artifact]) -> Result<(), String> {
    std::fs::create_dir_all(dir)
        .map_err(|e| format!("cannot create output folder {}: {e}", dir.display()))?;
    write_files(
        dir,
        artifacts
            .iter()
            .map(|a| (a.file_name.as_str(), a.bytes.as_slice())),
    )
}

/// Writes each `(path relative to dir, bytes)`, creating folders as needed: every file is
/// staged under a temporary name beside its target and renamed when all are complete.
pub fn write_files<'a>(
    dir: &Path,
    files: impl IntoIterator<Item = (&'a str, &'a [u8])>,
) -> Result<(), String> {
    // One thread a file: each file is synced to disk before its rename, and the syncs
    // (waits on the disk, not work for the processor) overlap.
    let staged = std::thread::scope(|scope| {
        let writers: Vec<_> = files
            .into_iter()
            .map(|(rel, bytes)| scope.spawn(move || stage(dir, rel, bytes)))
            .collect();
        writers
            .into_iter()
            .map(|w| {
                w.join()
                    .unwrap_or_else(|_| Err("a writer thread failed".into()))
            })
            .collect::<Result<Vec<_>, String>>()
    })?;
    for (tmp, target) in staged {
        persist(tmp, &target)?;
    }
    Ok(())
}

/// Writes `bytes` to a synced temporary file beside `dir/rel`.
fn stage(dir: &Path, rel: &str, bytes: &[u8]) -> Result<(NamedTempFile, PathBuf), String> {
    let target = dir.join(rel);
    let folder = target.parent().unwrap_or(dir);
    let name = target.file_name().unwrap_or_default().to_string_lossy();
    std::fs::create_dir_all(folder)
        .map_err(|e| format!("cannot create folder {}: {e}", folder.display()))?;
    let mut tmp = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".tmp")
        .tempfile_in(folder)
        .map_err(|e| format!("cannot write in folder {}: {e}", folder.display()))?;
    tmp.write_all(bytes)
        .and_then(|()| readable(tmp.as_file()))
        .and_then(|()| tmp.as_file().sync_all())
        .map_err(|e| format!("cannot write {}: {e}", target.display()))?;
    Ok((tmp, target))
}

/// Temporary files are created owner-only; a report is an ordinary readable file (0644).
#[cfg(unix)]
fn readable(file: &std::fs::File) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    file.set_permissions(std::fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn readable(_: &std::fs::File) -> std::io::Result<()> {
    Ok(())
}

fn persist(tmp: NamedTempFile, target: &Path) -> Result<(), String> {
    tmp.persist(target)
        .map(drop)
        .map_err(|e| format!("cannot replace {}: {}", target.display(), e.error))
}
