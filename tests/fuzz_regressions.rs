//! Every input a fuzzer found failing, kept in `tests/fuzz-regressions/TARGET/` and replayed
//! through the same checks as the fuzz targets (`fuzz/checks.rs`).

#[path = "../fuzz/checks.rs"]
mod checks;

use std::path::Path;

fn replay(target: &str, check: fn(&[u8])) -> usize {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fuzz-regressions")
        .join(target);
    let mut n = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.file_name().is_some_and(|n| n != ".keep") {
            check(&std::fs::read(&path).unwrap());
            n += 1;
        }
    }
    n
}

#[test]
fn found_inputs_pass_the_fuzz_checks() {
    replay("ingest_file", checks::ingest_file);
    replay("references", checks::references);
    replay("pipeline", checks::pipeline);
    // The checks themselves hold on ordinary input.
    checks::ingest_file(include_bytes!("../input/rpm/afr.md"));
    checks::references(b"Res. 37 and Resolution 2 (Rev. Kigali, 2022); Question 1/1");
    checks::pipeline(include_bytes!("../input/rpm/eur.md"));
}
