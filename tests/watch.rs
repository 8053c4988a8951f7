//! `rpmsynth watch`: a running watcher sees edits (saved in place or via rename), keeps the
//! last good output through a broken edit, rebuilds on the fix, and exits cleanly on Ctrl-C.

mod common;

use common::*;
use std::fs;
use std::io::Read;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// A running `rpmsynth watch` and everything it has printed so far.
struct Watcher {
    child: Child,
    stderr: Arc<Mutex<String>>,
}

impl Watcher {
    fn start(input: &Path, out: &Path) -> Watcher {
        let mut child = Command::new(env!("CARGO_BIN_EXE_rpmsynth"))
            .args([
                "watch",
                input.to_str().unwrap(),
                "-o",
                out.to_str().unwrap(),
            ])
            .env_remove("SOURCE_DATE_EPOCH")
            .stderr(Stdio::piped())
            .spawn()
            .expect("the binary runs");
        let stderr = Arc::new(Mutex::new(String::new()));
        let mut pipe = child.stderr.take().unwrap();
        let sink = Arc::clone(&stderr);
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = pipe.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock()
                    .unwrap()
                    .push_str(&String::from_utf8_lossy(&buf[..n]));
            }
        });
        Watcher { child, stderr }
    }

    fn printed(&self) -> String {
        self.stderr.lock().unwrap().clone()
    }

    /// Waits until `done` holds (checked every 50 ms), failing after 60 s with the output so far.
    fn wait_for(&self, what: &str, done: impl Fn(&str) -> bool) {
        let deadline = Instant::now() + Duration::from_secs(60);
        while !done(&self.printed()) {
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {what}; printed:\n{}",
                self.printed()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn builds(&self) -> usize {
        self.printed().matches("wrote 7 files").count()
    }
}

impl Drop for Watcher {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}

/// Saves like many editors do: write a temporary file beside the target, rename it over.
fn save_via_rename(path: &Path, text: &str) {
    let tmp = path.with_extension("md.swp");
    fs::write(&tmp, text).unwrap();
    fs::rename(&tmp, path).unwrap();
}

fn edit(path: &Path, from: &str, to: &str) -> String {
    let text = fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{} has no {from:?}", path.display());
    text.replacen(from, to, 1)
}

#[test]
fn rebuilds_on_edits_keeps_the_last_good_output_and_stops_on_ctrl_c() {
    let input = tempfile::tempdir().unwrap();
    copy_example(input.path());
    let templates = input.path().join("templates");
    fs::create_dir(&templates).unwrap();
    fs::write(
        templates.join("cover.md.hbs"),
        "# Draft for {{conference.name}} {.title}\n\n",
    )
    .unwrap();
    let out = tempfile::tempdir().unwrap();
    let synthesis = out.path().join("tdag-synthesis.md");
    let watcher = Watcher::start(input.path(), out.path());
    watcher.wait_for("the first build", |s| s.contains("watching"));
    assert!(
        fs::read_to_string(&synthesis)
            .unwrap()
            .starts_with("# Draft for WTDC-29")
    );

    // An RPM file saved in place.
    let ams = input.path().join("rpm/ams.md");
    fs::write(
        &ams,
        edit(&ams, "deployment of IPv6", "deployment of IPv6 everywhere"),
    )
    .unwrap();
    watcher.wait_for("the rebuild", |_| {
        fs::read_to_string(&synthesis).is_ok_and(|t| t.contains("deployment of IPv6 everywhere"))
    });
    assert!(watcher.printed().contains("changed: rpm/ams.md"));

    // A broken edit saved via rename: diagnostics printed, the output left as it was.
    let before = fs::read(&synthesis).unwrap();
    let eur = input.path().join("rpm/eur.md");
    let good = fs::read_to_string(&eur).unwrap();
    save_via_rename(&eur, &edit(&eur, "region: EUR", "region: EUX"));
    watcher.wait_for("the diagnostics", |s| {
        s.contains("keeps the last good output")
    });
    let printed = watcher.printed();
    assert!(
        printed.contains("error: unknown region \"EUX\"")
            && printed.contains("2 | region: EUX")
            && printed.contains("help: did you mean `EUR`?"),
        "{printed}"
    );
    assert_eq!(fs::read(&synthesis).unwrap(), before);

    // The fix rebuilds.
    let builds = watcher.builds();
    save_via_rename(&eur, &good);
    watcher.wait_for("the rebuild after the fix", |_| watcher.builds() > builds);

    // A lock file is no change; a template edit is.
    fs::write(input.path().join("rpm/.#ams.md"), "lock").unwrap();
    fs::write(
        templates.join("cover.md.hbs"),
        "# Final for {{conference.name}} {.title}\n\n",
    )
    .unwrap();
    watcher.wait_for("the template rebuild", |_| {
        fs::read_to_string(&synthesis).is_ok_and(|t| t.starts_with("# Final for WTDC-29"))
    });
    assert!(!watcher.printed().contains(".#ams.md"));

    // Ctrl-C: a clean exit.
    let pid = watcher.child.id().to_string();
    assert!(
        Command::new("kill")
            .args(["-INT", &pid])
            .status()
            .unwrap()
            .success()
    );
    let mut watcher = watcher;
    let deadline = Instant::now() + Duration::from_secs(30);
    let status = loop {
        if let Some(status) = watcher.child.try_wait().unwrap() {
            break status;
        }
        assert!(Instant::now() < deadline, "still running after Ctrl-C");
        std::thread::sleep(Duration::from_millis(50));
    };
    assert_eq!(status.code(), Some(0));
    watcher.wait_for("the goodbye", |s| s.contains("stopped watching"));
    // Nothing left behind but the outputs (no lock file, no temporary file).
    assert_eq!(
        file_names(out.path()),
        [
            "consolidated.json",
            "tdag-synthesis.docx",
            "tdag-synthesis.html",
            "tdag-synthesis.md",
            "wtdc-implementation.docx",
            "wtdc-implementation.html",
            "wtdc-implementation.md"
        ]
    );
}

#[test]
fn an_unchanged_warning_is_printed_once_then_only_counted() {
    let input = tempfile::tempdir().unwrap();
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/other-proposals");
    for file in ["conference.yaml", "topics.yaml", "rpm/ams.md"] {
        fs::create_dir_all(input.path().join("rpm")).unwrap();
        fs::copy(example.join(file), input.path().join(file)).unwrap();
    }
    let out = tempfile::tempdir().unwrap();
    let watcher = Watcher::start(input.path(), out.path());
    watcher.wait_for("the first build", |s| s.contains("watching"));
    let warning =
        "warning: AMS/IAP-6 (\"IP address allocation and deployment of IPv6\") has no topic";
    assert_eq!(watcher.printed().matches(warning).count(), 1);

    // An edit elsewhere in the file: the warning is the same, so only its count is printed.
    let ams = input.path().join("rpm/ams.md");
    fs::write(&ams, edit(&ams, "low Earth orbit", "low-Earth-orbit")).unwrap();
    watcher.wait_for("the rebuild", |_| watcher.builds() == 2);
    let printed = watcher.printed();
    assert_eq!(printed.matches(warning).count(), 1, "{printed}");
    assert!(
        printed.contains("0 errors, 1 warning, unchanged"),
        "{printed}"
    );

    // An edit that moves the proposal: the warning points elsewhere and is printed again.
    fs::write(&ams, edit(&ams, "# Proposals\n", "# Proposals\n\n\n")).unwrap();
    watcher.wait_for("the second rebuild", |_| watcher.builds() == 3);
    let printed = watcher.printed();
    assert_eq!(printed.matches(warning).count(), 2, "{printed}");
    assert!(printed.contains("rpm/ams.md:35:1"), "{printed}");
}
