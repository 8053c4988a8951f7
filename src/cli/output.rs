//! Atomic output: every file goes to a temporary name in the output folder and is renamed
//! only when all of them are complete, so a failed build leaves the previous output as it was.

use rpmsynth::build::Artifact;
use std::io::Write;
use std::path::Path;
use tempfile::NamedTempFile;

/// Writes every artifact into `dir` (created if needed).
pub fn write_all(dir: &Path, artifacts: &[Artifact]) -> Result<(), String> {
    std::fs::create_dir_all(dir)
        .map_err(|e| format!("cannot create output folder {}: {e}", dir.display()))?;
    let mut staged = Vec::with_capacity(artifacts.len());
    for a in artifacts {
        let mut tmp = tempfile::Builder::new()
            .prefix(&format!(".{}.", a.file_name))
            .suffix(".tmp")
            .tempfile_in(dir)
            .map_err(|e| format!("cannot write in output folder {}: {e}", dir.display()))?;
        tmp.write_all(&a.bytes)
            .and_then(|()| readable(tmp.as_file()))
            .and_then(|()| tmp.as_file().sync_all())
            .map_err(|e| format!("cannot write {}: {e}", dir.join(&a.file_name).display()))?;
        staged.push((tmp, &a.file_name));
    }
    for (tmp, name) in staged {
        persist(tmp, &dir.join(name))?;
    }
    Ok(())
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
