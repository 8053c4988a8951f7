//! `rpmsynth watch [INPUT] [-o OUTPUT] [--templates DIR]`: build, then rebuild on every change.

use super::{Global, build};
use notify::RecursiveMode;
use notify_debouncer_full::{DebounceEventResult, new_debouncer};
use std::path::PathBuf;
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// How long the watcher waits for a burst of events (an editor's save-via-rename, a
/// `git checkout`) to settle before rebuilding.
const SETTLE: Duration = Duration::from_millis(50);

enum Message {
    Changed(Vec<PathBuf>),
    Failed(String),
    Stop,
}

/// Watches with the same arguments as `build`.
pub fn run(args: build::Args, global: Global) -> u8 {
    let mut workspace = match build::open(&args, global) {
        Ok(w) => w,
        Err(code) => return code,
    };
    let (tx, rx) = mpsc::channel();
    let stop = tx.clone();
    if let Err(e) = ctrlc::set_handler(move || drop(stop.send(Message::Stop))) {
        eprintln!("error: cannot catch Ctrl-C: {e}");
        return 1;
    }
    let debouncer = new_debouncer(SETTLE, None, move |result: DebounceEventResult| {
        let message = match result {
            // Reading a file is an event too (access); only writes, creations, renames and
            // removals matter.
            Ok(events) => Message::Changed(
                events
                    .into_iter()
                    .filter(|e| !e.kind.is_access())
                    .flat_map(|e| e.event.paths)
                    .collect(),
            ),
            Err(errors) => Message::Failed(
                errors
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("; "),
            ),
        };
        drop(tx.send(message));
    });
    let mut debouncer = match debouncer {
        Ok(d) => d,
        Err(e) => {
            eprintln!("error: cannot watch files: {e}");
            return 1;
        }
    };
    for dir in workspace.watched() {
        if let Err(e) = debouncer.watch(&dir, RecursiveMode::Recursive) {
            eprintln!("error: cannot watch {}: {e}", dir.display());
            return 1;
        }
    }
    let mut warnings = Vec::new();
    build::emit(&workspace, &args, global, Instant::now(), &mut warnings);
    if !global.quiet {
        eprintln!(
            "watching {} for changes (Ctrl-C to stop)",
            args.input.display()
        );
    }
    while let Ok(message) = rx.recv() {
        match message {
            Message::Stop => break,
            Message::Failed(e) => eprintln!("warning: file watching: {e}"),
            Message::Changed(paths) => {
                let started = Instant::now();
                let touched = workspace.apply(&paths);
                if touched.is_empty() {
                    continue;
                }
                if !global.quiet {
                    let mut what = touched.input.clone();
                    if touched.templates {
                        what.push("templates".into());
                    }
                    eprintln!("changed: {}", what.join(", "));
                }
                if build::emit(&workspace, &args, global, started, &mut warnings) != 0 {
                    eprintln!(
                        "build failed: {} keeps the last good output; watching for a fix",
                        args.output.display()
                    );
                }
            }
        }
    }
    debouncer.stop();
    if !global.quiet {
        eprintln!("stopped watching");
    }
    0
}
