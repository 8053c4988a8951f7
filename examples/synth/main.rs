//! Writes a synthetic preparatory cycle to a folder, for benchmarks and load tests:
//!
//! ```sh
//! cargo run --release --example synth -- --proposals-per-region 2000 --dup-rate 0.2 --seed 1 /tmp/cycle
//! ```

mod cycle;

use clap::Parser;
use std::path::PathBuf;

/// Generates a valid input folder with realistic proposals and a share of near-duplicates.
#[derive(Parser)]
struct Args {
    /// Proposals in each of the six RPM outcome files.
    #[arg(long, default_value_t = 100)]
    proposals_per_region: usize,
    /// Share of proposals (0–1) copied from another region with a harmless change.
    #[arg(long, default_value_t = 0.2)]
    dup_rate: f64,
    /// Seed: the same seed gives the same files.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Folder to write (created if needed).
    out: PathBuf,
}

fn main() -> std::io::Result<()> {
    let args = Args::parse();
    let files = cycle::cycle(cycle::Params {
        proposals_per_region: args.proposals_per_region,
        dup_rate: args.dup_rate,
        seed: args.seed,
    });
    let mut bytes = 0;
    for (path, text) in &files {
        let path = args.out.join(path);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        std::fs::write(&path, text)?;
        bytes += text.len();
    }
    eprintln!(
        "wrote {} files ({} bytes, {} proposals) to {}",
        files.len(),
        bytes,
        6 * args.proposals_per_region,
        args.out.display()
    );
    Ok(())
}
