//! The `rpmsynth` command line: parses arguments and hands over to `cli`.

mod cli;

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    ExitCode::from(cli::run(cli::Cli::parse()))
}
