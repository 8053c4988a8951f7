//! The `rpmsynth` command line: parses arguments and hands over to `cli`.

mod cli;

/// mimalloc: consolidation and rendering allocate many small strings from several threads,
/// where it is markedly faster than the system allocator (see benches/consolidate.rs).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    ExitCode::from(cli::run(cli::Cli::parse()))
}
