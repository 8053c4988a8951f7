//! Atomic output: every file goes to a temporary name beside its target and is renamed
//! only when all of them are complete; if a rename fails, the ones done are undone. A failed
//! build leaves the previous output as it was, and two builds into one folder take turns
//! (a lock file), so the folder always holds one build's complete set.

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::thread::JoinHandle;
use tempfile::NamedTempFile;

/// One output file: its name in the output folder and its complete bytes.
#[derive(Debug, Clone)]
pub struct Artifact {
    pub file_name: String,
    pub bytes: Vec<u8>,
}

/// Where a build's files go: each is written through a writer as it is made, so that a
/// large report is never held whole as bytes.
pub trait Destination: Sync {
    /// Makes file `name` (relative to the output folder) from what `write` writes.
    fn file(
        &self,
        name: &str,
        write: &mut dyn FnMut(&mut dyn Write) -> std::io::Result<()>,
    ) -> Result<(), OutputError>;
}

/// Why the output could not be written.
#[derive(Debug)]
pub enum OutputError {
    /// The output folder is one the build reads (which one, in words).
    ReadByBuild(String),
    /// A file-system step failed: what was done ("cannot replace"), on which path, and why.
    Io {
        action: &'static str,
        path: PathBuf,
        source: std::io::Error,
    },
    /// A thread writing a staged file stopped without a result.
    WriterFailed,
}

impl OutputError {
    fn io(action: &'static str, path: &Path) -> impl FnOnce(std::io::Error) -> OutputError {
        let path = path.to_path_buf();
        move |source| OutputError::Io {
            action,
            path,
            source,
        }
    }
}

impl std::fmt::Display for OutputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            OutputError::ReadByBuild(what) => write!(
                f,
                "the output folder is {what}, which the build reads; choose another output folder"
            ),
            OutputError::Io {
                action,
                path,
                source,
            } => write!(f, "{action} {}: {source}", path.display()),
            OutputError::WriterFailed => write!(f, "a writer thread failed"),
        }
    }
}

impl std::error::Error for OutputError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            OutputError::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// Refuses an output folder that would mix reports with what a build reads: the input folder
/// itself, its `rpm/` or `inter-regional/` folder, or the templates folder. Any other folder,
/// also one inside the input folder (such as `INPUT/output`), is fine: it is not read.
pub fn check_folder(
    output: &Path,
    input: &Path,
    templates: Option<&Path>,
) -> Result<(), OutputError> {
    let out = resolved(output);
    let input = resolved(input);
    let mut read: Vec<(PathBuf, String)> = vec![(input.clone(), "the input folder".into())];
    for folder in crate::ingest::FOLDERS {
        read.push((
            input.join(folder),
            format!("the input folder's {folder}/ folder"),
        ));
    }
    if let Some(t) = templates {
        read.push((resolved(t), "the templates folder".into()));
    }
    match read.into_iter().find(|(path, _)| *path == out) {
        Some((_, what)) => Err(OutputError::ReadByBuild(what)),
        None => Ok(()),
    }
}

/// `path` absolute with symbolic links resolved, also when it does not exist yet (its
/// nearest existing ancestor is resolved), so that paths compare with each other and with
/// those a file watcher reports.
pub fn resolved(path: &Path) -> PathBuf {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut missing = Vec::new();
    let mut existing = absolute.as_path();
    loop {
        if let Ok(real) = std::fs::canonicalize(existing) {
            return missing
                .iter()
                .rev()
                .fold(real, |p: PathBuf, part| p.join(part));
        }
        match (existing.parent(), existing.file_name()) {
            (Some(parent), Some(name)) => {
                missing.push(name.to_os_string());
                existing = parent;
            }
            _ => return absolute,
        }
    }
}

/// Writes each `(path relative to dir, bytes)`, creating folders as needed: every file is
/// staged under a temporary name beside its target and renamed when all are complete.
pub fn write_files<'a>(
    dir: &Path,
    files: impl IntoIterator<Item = (&'a str, &'a [u8])>,
) -> Result<(), OutputError> {
    write_files_with(dir, files, |file, bytes| file.write_all(bytes))
}

/// How a staged file's bytes are written: the disk, or in tests a disk that fills up.
type Writer = fn(&mut std::fs::File, &[u8]) -> std::io::Result<()>;

fn write_files_with<'a>(
    dir: &Path,
    files: impl IntoIterator<Item = (&'a str, &'a [u8])>,
    write: Writer,
) -> Result<(), OutputError> {
    let mut staging = Staging::with_writer(dir, write);
    staging.locks = false;
    for (rel, bytes) in files {
        staging.add(Artifact {
            file_name: rel.to_string(),
            bytes: bytes.to_vec(),
        })?;
    }
    staging.commit()
}

/// Output files written one at a time as a build makes them ([`Destination`]), each to a
/// temporary file, all renamed into place by [`Staging::commit`]. Dropped without a commit,
/// it removes what it staged, and the output folder too when it created it. The folder is
/// created at the first file; builds into it take turns only to create a temporary file and
/// to rename (staged files have names of their own).
pub struct Staging {
    dir: PathBuf,
    write: Writer,
    /// Whether builds into the folder take turns (not for `init`'s new input folder).
    locks: bool,
    state: Mutex<Staged>,
}

/// What a [`Staging`] holds: the folders it created, its writer threads.
#[derive(Default)]
struct Staged {
    started: bool,
    /// The output folder and its ancestors that did not exist, innermost first.
    created: Vec<PathBuf>,
    writers: Vec<JoinHandle<Result<(NamedTempFile, PathBuf), OutputError>>>,
}

impl Staging {
    /// A staging area for the output folder `dir`; nothing is touched before the first file.
    pub fn new(dir: &Path) -> Staging {
        Staging::with_writer(dir, |file, bytes| file.write_all(bytes))
    }

    fn with_writer(dir: &Path, write: Writer) -> Staging {
        Staging {
            dir: dir.to_path_buf(),
            write,
            locks: true,
            state: Mutex::new(Staged::default()),
        }
    }

    /// Writes `artifact` to a temporary file beside its target.
    pub fn add(&self, artifact: Artifact) -> Result<(), OutputError> {
        self.file(&artifact.file_name, &mut |out| {
            out.write_all(&artifact.bytes)
        })
    }

    /// Waits for every file to be written, then, in its turn, renames them all into place.
    pub fn commit(self) -> Result<(), OutputError> {
        let writers =
            std::mem::take(&mut self.state.lock().unwrap_or_else(|e| e.into_inner()).writers);
        // Every writer is waited for, also after one failed, so no temporary file outlives us.
        let results: Vec<_> = writers
            .into_iter()
            .map(|w| w.join().unwrap_or_else(|_| Err(OutputError::WriterFailed)))
            .collect();
        let staged = results
            .into_iter()
            .collect::<Result<Vec<_>, OutputError>>()?;
        let _turn = match (self.locks, staged.is_empty()) {
            (true, false) => Some(lock(&self.dir)?),
            _ => None,
        };
        if _turn.is_some() {
            remove_stale(&self.dir);
        }
        commit(staged)?;
        self.state
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .created
            .clear();
        Ok(())
    }
}

impl Destination for Staging {
    /// Writes file `name` to a temporary file beside its target, synced on a thread of its
    /// own: the syncs (waits on the disk, not work for the processor) overlap with the build.
    fn file(
        &self,
        name: &str,
        write: &mut dyn FnMut(&mut dyn Write) -> std::io::Result<()>,
    ) -> Result<(), OutputError> {
        {
            let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
            // Marked started only once the folder exists: a build writing several files at
            // once reports the same error for each when it cannot be created.
            if !state.started {
                state.created = self
                    .dir
                    .ancestors()
                    .take_while(|p| !p.as_os_str().is_empty() && !p.exists())
                    .map(Path::to_path_buf)
                    .collect();
                std::fs::create_dir_all(&self.dir)
                    .map_err(OutputError::io("cannot create output folder", &self.dir))?;
                state.started = true;
            }
        }
        let (mut tmp, target) = stage(&self.dir, name, self.locks)?;
        let mut out = BufWriter::with_capacity(
            1 << 16,
            Disk {
                file: tmp.as_file_mut(),
                write: self.write,
            },
        );
        write(&mut out)
            .and_then(|()| out.flush())
            .map_err(OutputError::io("cannot write", &target))?;
        drop(out);
        let synced = std::thread::spawn(move || {
            readable(tmp.as_file())
                .and_then(|()| tmp.as_file().sync_all())
                .map_err(OutputError::io("cannot write", &target))?;
            Ok((tmp, target))
        });
        self.state
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .writers
            .push(synced);
        Ok(())
    }
}

/// A staged file written through [`Writer`] (the disk, or in tests a disk that fills up).
struct Disk<'f> {
    file: &'f mut std::fs::File,
    write: Writer,
}

impl Write for Disk<'_> {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        (self.write)(self.file, bytes)?;
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        let state = self.state.get_mut().unwrap_or_else(|e| e.into_inner());
        // Each temporary file is removed when its writer's result is dropped.
        for w in state.writers.drain(..) {
            drop(w.join());
        }
        if !state.created.is_empty() {
            for folder in &state.created {
                let _ = std::fs::remove_dir(folder);
            }
        }
    }
}

/// The output folder's turn: `dir/.rpmsynth.lock`, locked, removed when the turn ends.
struct Turn {
    file: std::fs::File,
    path: PathBuf,
}

/// Waits for the output folder's turn. The lock file is removed at the end of each turn, so a
/// build that locked a file already removed tries again on the one now in its place.
fn lock(dir: &Path) -> Result<Turn, OutputError> {
    let path = dir.join(LOCK);
    loop {
        let file = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(OutputError::io("cannot create", &path))?;
        file.lock().map_err(OutputError::io("cannot lock", &path))?;
        if still_at(&file, &path) {
            return Ok(Turn { file, path });
        }
    }
}

/// Whether `path` still names the file `file` has open.
#[cfg(unix)]
fn still_at(file: &std::fs::File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), std::fs::metadata(path)) {
        (Ok(open), Ok(named)) => (open.dev(), open.ino()) == (named.dev(), named.ino()),
        _ => false,
    }
}

#[cfg(not(unix))]
fn still_at(_: &std::fs::File, _: &Path) -> bool {
    true
}

impl Drop for Turn {
    fn drop(&mut self) {
        // Removed while still locked (where a locked file can be removed); the lock itself
        // ends when the file is closed.
        if cfg!(unix) {
            let _ = std::fs::remove_file(&self.path);
        }
        let _ = self.file.unlock();
    }
}

/// The lock file's name in an output folder.
pub const LOCK: &str = ".rpmsynth.lock";

/// Removes what builds that were killed while staging or renaming left in `dir`: temporary
/// files of this module's naming (`.NAME.XXXXXX.tmp`) that no running build holds locked,
/// and replaced files kept aside (`.NAME.PID.old`), which exist only during a turn. Files of
/// any other name are left alone.
fn remove_stale(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        let stale = match staging_name(name) {
            Some(Leftover::Temporary) => {
                std::fs::File::open(entry.path()).is_ok_and(|f| f.try_lock().is_ok())
            }
            Some(Leftover::Aside) => true,
            None => false,
        };
        if stale {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// The two kinds of file a build stages beside its outputs.
#[derive(Debug, PartialEq)]
enum Leftover {
    Temporary,
    Aside,
}

/// Which staging file `name` is: `.NAME.XXXXXX.tmp` (six letters or digits) or
/// `.NAME.PID.old`, where NAME is a report or JSON file name.
fn staging_name(name: &str) -> Option<Leftover> {
    let rest = name.strip_prefix('.')?;
    let (rest, kind, is_tag): (&str, Leftover, fn(&str) -> bool) =
        if let Some(rest) = rest.strip_suffix(".tmp") {
            let tag = |t: &str| t.len() == 6 && t.bytes().all(|b| b.is_ascii_alphanumeric());
            (rest, Leftover::Temporary, tag)
        } else {
            let rest = rest.strip_suffix(".old")?;
            let tag = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
            (rest, Leftover::Aside, tag)
        };
    let (output, tag) = rest.rsplit_once('.')?;
    let (stem, ext) = output.rsplit_once('.')?;
    let ours = !stem.is_empty() && matches!(ext, "md" | "html" | "docx" | "json");
    (ours && is_tag(tag)).then_some(kind)
}

/// Renames every staged file over its target, keeping each replaced file aside until all
/// are in place; on a failure, puts back what was replaced and removes what was added.
fn commit(staged: Vec<(NamedTempFile, PathBuf)>) -> Result<(), OutputError> {
    let mut done: Vec<(PathBuf, Option<PathBuf>)> = Vec::with_capacity(staged.len());
    let mut failure = None;
    for (tmp, target) in staged {
        match replace(tmp, &target) {
            Ok(aside) => done.push((target, aside)),
            Err(e) => {
                failure = Some(e);
                break;
            }
        }
    }
    for (target, aside) in done.iter().rev() {
        let undone = match (&failure, aside) {
            (None, Some(aside)) => std::fs::remove_file(aside),
            (None, None) => Ok(()),
            (Some(_), Some(aside)) => std::fs::rename(aside, target),
            (Some(_), None) => std::fs::remove_file(target),
        };
        if let Err(e) = undone {
            failure.get_or_insert(OutputError::io("cannot restore", target)(e));
        }
    }
    failure.map_or(Ok(()), Err)
}

/// Moves the current `target` (if any) aside, then `tmp` to `target`; returns where the old
/// file went. The old file is back in place when the second step fails.
fn replace(tmp: NamedTempFile, target: &Path) -> Result<Option<PathBuf>, OutputError> {
    let aside = if target.is_file() {
        let name = target.file_name().unwrap_or_default().to_string_lossy();
        let aside = tmp
            .path()
            .with_file_name(format!(".{name}.{}.old", std::process::id()));
        std::fs::rename(target, &aside).map_err(OutputError::io("cannot replace", target))?;
        Some(aside)
    } else {
        None
    };
    match persist(tmp, target) {
        Ok(()) => Ok(aside),
        Err(e) => {
            if let Some(aside) = &aside {
                let _ = std::fs::rename(aside, target);
            }
            Err(e)
        }
    }
}

/// Creates the temporary file for `dir/rel` beside it, held locked until it is renamed or
/// removed, so that [`remove_stale`] can tell it from a killed build's. With `locks`, it is
/// created and locked in the folder's turn, so that no cleanup sees it unlocked.
fn stage(dir: &Path, rel: &str, locks: bool) -> Result<(NamedTempFile, PathBuf), OutputError> {
    let target = dir.join(rel);
    let folder = target.parent().unwrap_or(dir);
    let name = target.file_name().unwrap_or_default().to_string_lossy();
    std::fs::create_dir_all(folder).map_err(OutputError::io("cannot create folder", folder))?;
    let turn = if locks { Some(lock(dir)?) } else { None };
    let tmp = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".tmp")
        .tempfile_in(folder)
        .map_err(OutputError::io("cannot write in folder", folder))?;
    tmp.as_file()
        .lock()
        .map_err(OutputError::io("cannot lock", tmp.path()))?;
    drop(turn);
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

fn persist(tmp: NamedTempFile, target: &Path) -> Result<(), OutputError> {
    tmp.persist(target)
        .map(drop)
        .map_err(|e| OutputError::io("cannot replace", target)(e.error))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    /// Every file of `dir` with its bytes, sorted.
    fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
        let mut files: Vec<_> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.is_file())
            .map(|p| {
                (
                    p.file_name().unwrap().to_string_lossy().into_owned(),
                    fs::read(&p).unwrap(),
                )
            })
            .collect();
        files.sort();
        files
    }

    #[test]
    fn refuses_output_folders_the_build_reads() {
        let input = tempfile::tempdir().unwrap();
        let i = input.path();
        fs::create_dir(i.join("rpm")).unwrap();
        assert!(
            check_folder(i, i, None)
                .unwrap_err()
                .to_string()
                .contains("the input folder")
        );
        assert!(check_folder(&i.join("rpm/"), i, None).is_err());
        assert!(check_folder(&i.join("inter-regional"), i, None).is_err());
        assert!(check_folder(&i.join("rpm/../templates"), i, Some(&i.join("templates"))).is_err());
        assert!(check_folder(&i.join("output"), i, None).is_ok());
        assert!(check_folder(&i.join("rpm/out"), i, None).is_ok());
    }

    #[test]
    fn a_failed_rename_puts_the_previous_output_back() {
        let dir = tempfile::tempdir().unwrap();
        write_files(dir.path(), [("a.md", &b"old a"[..]), ("b.md", b"old b")]).unwrap();
        // The third target cannot be replaced: it is a folder that is not empty.
        fs::create_dir_all(dir.path().join("c.md/x")).unwrap();
        let before = snapshot(dir.path());
        let files = [
            ("a.md", &b"new a"[..]),
            ("b.md", b"new b"),
            ("c.md", b"new c"),
            ("d.md", b"new d"),
        ];
        let err = write_files(dir.path(), files).unwrap_err();
        assert!(
            matches!(&err, OutputError::Io { action: "cannot replace", path, .. } if path.ends_with("c.md")),
            "{err}"
        );
        assert_eq!(snapshot(dir.path()), before);
    }

    #[test]
    fn a_full_disk_leaves_the_previous_output_and_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        write_files(dir.path(), [("a.md", &b"old a"[..]), ("c.md", b"old c")]).unwrap();
        let before = snapshot(dir.path());
        let full = |file: &mut std::fs::File, bytes: &[u8]| {
            file.write_all(&bytes[..2])?;
            Err(std::io::Error::new(
                std::io::ErrorKind::StorageFull,
                "no space left",
            ))
        };
        let files = [
            ("a.md", &b"new a"[..]),
            ("b.md", b"new b"),
            ("c.md", b"new c"),
        ];
        let err = write_files_with(dir.path(), files, full).unwrap_err();
        assert!(
            matches!(&err, OutputError::Io { action: "cannot write", source, .. } if source.kind() == std::io::ErrorKind::StorageFull),
            "{err}"
        );
        assert_eq!(snapshot(dir.path()), before);
    }

    #[test]
    fn a_staging_dropped_without_commit_leaves_the_folder_as_it_was() {
        let dir = tempfile::tempdir().unwrap();
        write_all(dir.path(), vec![artifact("a.md", b"old a")]).unwrap();
        let before = snapshot(dir.path());
        let fresh = dir.path().join("new/out");
        for folder in [dir.path(), fresh.as_path()] {
            let staging = Staging::new(folder);
            staging.add(artifact("a.md", b"new a")).unwrap();
            staging.add(artifact("b.md", b"new b")).unwrap();
        }
        assert_eq!(
            snapshot(dir.path()),
            before,
            "no file replaced or left staged"
        );
        assert!(
            !dir.path().join("new").exists(),
            "the folders the staging created are removed"
        );
        let staging = Staging::new(&fresh);
        staging.add(artifact("a.md", b"new a")).unwrap();
        staging.commit().unwrap();
        assert_eq!(fs::read(fresh.join("a.md")).unwrap(), b"new a");
    }

    /// Stages every artifact into `dir` and commits them, as a build does.
    fn write_all(dir: &Path, artifacts: Vec<Artifact>) -> Result<(), OutputError> {
        let staging = Staging::new(dir);
        for a in artifacts {
            staging.add(a)?;
        }
        staging.commit()
    }

    fn artifact(name: &str, bytes: &[u8]) -> Artifact {
        Artifact {
            file_name: name.into(),
            bytes: bytes.to_vec(),
        }
    }

    #[test]
    fn concurrent_writers_leave_one_complete_set() {
        let dir = tempfile::tempdir().unwrap();
        std::thread::scope(|scope| {
            for n in 0..8u8 {
                let dir = dir.path();
                scope.spawn(move || {
                    let body = vec![n; 100_000];
                    let file = |name: &str| Artifact {
                        file_name: name.into(),
                        bytes: body.clone(),
                    };
                    write_all(dir, vec![file("a.bin"), file("b.bin")]).unwrap();
                });
            }
        });
        let files = snapshot(dir.path());
        let (a, b) = (&files[0].1, &files[1].1);
        assert_eq!(files.len(), 2, "two outputs, no lock file left");
        assert_eq!(a.len(), 100_000);
        assert_eq!(a, b, "both files come from the same writer");
    }

    #[test]
    fn staging_names_are_told_from_other_files() {
        assert_eq!(
            staging_name(".consolidated.json.a1B2c3.tmp"),
            Some(Leftover::Temporary)
        );
        assert_eq!(
            staging_name(".tdag-synthesis.docx.4242.old"),
            Some(Leftover::Aside)
        );
        for other in [
            ".notes.tmp",
            ".draft.md.tmp",
            "tdag-synthesis.md.a1B2c3.tmp",
            ".tdag-synthesis.md.a1B2c.tmp",
            ".tdag-synthesis.pdf.a1B2c3.tmp",
            ".tdag-synthesis.md.12a.old",
            ".rpmsynth.lock",
            "tdag-synthesis.md",
        ] {
            assert_eq!(staging_name(other), None, "{other}");
        }
    }

    #[test]
    fn stale_staging_files_go_and_a_running_builds_stay() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        for name in [".a.md.AAAAAA.tmp", ".b.docx.123.old", ".notes.tmp", "a.md"] {
            fs::write(d.join(name), name).unwrap();
        }
        let running = fs::File::create(d.join(".c.html.BBBBBB.tmp")).unwrap();
        running.lock().unwrap();
        remove_stale(d);
        let names: Vec<String> = snapshot(d).into_iter().map(|(n, _)| n).collect();
        assert_eq!(names, [".c.html.BBBBBB.tmp", ".notes.tmp", "a.md"]);
    }

    #[test]
    fn a_build_leaves_no_lock_file_and_takes_turns_again() {
        let dir = tempfile::tempdir().unwrap();
        write_all(dir.path(), vec![artifact("a.md", b"one")]).unwrap();
        assert!(!dir.path().join(LOCK).exists());
        let turn = lock(dir.path()).unwrap();
        let path = dir.path().to_path_buf();
        let waiting = std::thread::spawn(move || write_all(&path, vec![artifact("a.md", b"two")]));
        std::thread::sleep(std::time::Duration::from_millis(50));
        assert_eq!(
            fs::read(dir.path().join("a.md")).unwrap(),
            b"one",
            "waits its turn"
        );
        drop(turn);
        waiting.join().unwrap().unwrap();
        assert_eq!(fs::read(dir.path().join("a.md")).unwrap(), b"two");
        assert!(!dir.path().join(LOCK).exists());
    }
}
