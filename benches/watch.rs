//! The watch loop's rebuild latency: after a one-file edit (an RPM outcome, then a template),
//! how long until every output file is rewritten. Runs on a copy of the reference corpus
//! (`../shared/corpus/wtdc25`, else the bundled `input/`), 20 edits each, and prints the
//! median and maximum against the 100 ms target.
//!
//! `cargo bench --bench watch`

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use rpmsynth::pipeline::Format;
use rpmsynth::workspace::Workspace;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const EDITS: usize = 20;
const TARGET: Duration = Duration::from_millis(100);

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let target = to.join(path.file_name().unwrap());
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            fs::copy(&path, &target).unwrap();
        }
    }
}

/// Edits `file` `EDITS` times (appending a numbered line) and times apply + build + write.
fn rebuilds(ws: &mut Workspace, file: &Path, out: &Path) -> Vec<Duration> {
    let original = fs::read_to_string(file).unwrap();
    let times = (0..EDITS)
        .map(|i| {
            fs::write(file, format!("{original}\n<!-- edit {i} -->\n")).unwrap();
            let started = Instant::now();
            let touched = ws.apply(&[file.to_path_buf()]);
            assert!(!touched.is_empty());
            build_and_write(ws, out);
            started.elapsed()
        })
        .collect();
    fs::write(file, original).unwrap();
    times
}

/// Builds into `out` as `rpmsynth build` does: each file staged as it is made, then committed.
fn build_and_write(ws: &Workspace, out: &Path) {
    let staging = rpmsynth::output::Staging::new(out);
    ws.build_into(&Format::ALL, None, &staging)
        .expect("the corpus builds");
    staging.commit().unwrap();
}

fn report(what: &str, mut times: Vec<Duration>) -> bool {
    times.sort();
    let (median, max) = (times[times.len() / 2], times[times.len() - 1]);
    let ok = median < TARGET;
    println!(
        "{what:<28} median {:>6.1} ms, max {:>6.1} ms over {EDITS} edits (target < {} ms: {})",
        median.as_secs_f64() * 1e3,
        max.as_secs_f64() * 1e3,
        TARGET.as_millis(),
        if ok { "met" } else { "MISSED" }
    );
    ok
}

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let corpus = [root.join("../shared/corpus/wtdc25"), root.join("input")]
        .into_iter()
        .find(|p| p.is_dir())
        .unwrap();
    let work = tempfile::tempdir().unwrap();
    let input = work.path().join("input");
    copy_dir(&corpus, &input);
    let templates = work.path().join("templates");
    fs::create_dir(&templates).unwrap();
    for (name, text) in rpmsynth::report::templates::DEFAULTS {
        fs::write(templates.join(format!("{name}.md.hbs")), text).unwrap();
    }
    let out = work.path().join("output");
    let started = Instant::now();
    let mut ws = Workspace::open(&input, Some(&templates), None).unwrap();
    build_and_write(&ws, &out);
    println!(
        "corpus: {} ({} input files); first build {:.1} ms; {} threads",
        corpus.display(),
        ws.input().files.len(),
        started.elapsed().as_secs_f64() * 1e3,
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );
    let rpm = fs::read_dir(input.join("rpm"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let a = report("rebuild after an RPM edit", rebuilds(&mut ws, &rpm, &out));
    let b = report(
        "rebuild after a template edit",
        rebuilds(&mut ws, &templates.join("group.md.hbs"), &out),
    );
    if !(a && b) {
        std::process::exit(1);
    }
}
