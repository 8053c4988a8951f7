//! Consolidation cost on synthetic cycles: reads (ingest) and consolidates 6 × 2,000 and
//! 6 × 20,000 proposals in memory and prints the median of three runs and the ratio.
//!
//! `cargo bench --bench consolidate` (add `-- 200` to try another size per region).

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[path = "../examples/synth/cycle.rs"]
mod cycle;

use rpmsynth::consolidate::consolidate;
use rpmsynth::ingest::{InputFiles, load};
use std::time::{Duration, Instant};

fn median(mut runs: Vec<Duration>) -> Duration {
    runs.sort();
    runs[runs.len() / 2]
}

/// CPU time (user and system, all threads) this process has used, from /proc (Linux;
/// zero elsewhere): unlike wall time, it does not grow when other work shares the machine.
fn cpu_time() -> Duration {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the command name (in parentheses): utime and stime are the 12th and 13th.
    let fields: Vec<u64> = stat
        .rsplit_once(')')
        .map(|(_, rest)| rest)
        .unwrap_or_default()
        .split_whitespace()
        .skip(11)
        .take(2)
        .filter_map(|f| f.parse().ok())
        .collect();
    // Clock ticks of 10 ms (USER_HZ is 100 on Linux).
    Duration::from_millis(fields.iter().sum::<u64>() * 10)
}

/// (ingest, consolidate, consolidate CPU) median times for `per_region` proposals in each
/// region.
fn measure(per_region: usize) -> (Duration, Duration, Duration, usize) {
    let mut input = InputFiles::default();
    for (path, text) in cycle::cycle(cycle::Params {
        proposals_per_region: per_region,
        dup_rate: 0.2,
        seed: 1,
    }) {
        input.insert(&path, text);
    }
    let (mut ingest, mut consolidation, mut cpu, mut groups) =
        (Vec::new(), Vec::new(), Vec::new(), 0);
    for _ in 0..3 {
        let started = Instant::now();
        let cycle = load(&input).cycle.expect("the synthetic cycle is valid");
        ingest.push(started.elapsed());
        let (started, cpu_started) = (Instant::now(), cpu_time());
        let consolidated = consolidate(cycle);
        consolidation.push(started.elapsed());
        cpu.push(cpu_time().saturating_sub(cpu_started));
        // Freeing the cycle is not consolidating it.
        groups = consolidated.groups.len();
        drop(consolidated);
    }
    (median(ingest), median(consolidation), median(cpu), groups)
}

fn main() {
    let sizes: Vec<usize> = match std::env::args().skip(1).find_map(|a| a.parse().ok()) {
        Some(n) => vec![n],
        None => vec![2_000, 20_000],
    };
    println!(
        "machine: {} threads available",
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );
    let mut results = Vec::new();
    for n in sizes {
        let (ingest, consolidation, cpu, groups) = measure(n);
        println!(
            "6 x {n:>6} proposals: ingest {:>8.1} ms, consolidate {:>8.1} ms \
             (CPU {:>6.0} ms, all threads; {groups} groups)",
            ingest.as_secs_f64() * 1e3,
            consolidation.as_secs_f64() * 1e3,
            cpu.as_secs_f64() * 1e3,
        );
        results.push((n, ingest, consolidation));
    }
    if let [(n1, i1, c1), (n2, i2, c2)] = results[..] {
        println!(
            "{}x the proposals: ingest {:.1}x the time, consolidate {:.1}x the time",
            n2 / n1,
            i2.as_secs_f64() / i1.as_secs_f64(),
            c2.as_secs_f64() / c1.as_secs_f64()
        );
    }
}
