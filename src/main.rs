//! The `rpmsynth` command line: parses arguments and hands over to `cli`.

mod cli;

/// mimalloc: consolidation and rendering allocate many small strings from several threads,
/// where it is markedly faster than the system allocator (see benches/consolidate.rs).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    no_huge_pages();
    ExitCode::from(cli::run(cli::Cli::parse()))
}

/// Transparent huge pages off for this process. mimalloc asks for them, and the kernel then
/// zeroes each fresh 2 MiB page whole, also when a few kilobytes of it are used: measured
/// on the 2-core test machine, the reference corpus builds in 27 instead of 30 ms and
/// 6 × 20,000 proposals in 14–15 instead of 17–18 s (bench/README.md).
#[cfg(target_os = "linux")]
fn no_huge_pages() {
    // SAFETY: PR_SET_THP_DISABLE takes integers only and touches no memory of ours; should
    // the kernel refuse it, nothing changes but speed.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}

#[cfg(not(target_os = "linux"))]
fn no_huge_pages() {}
