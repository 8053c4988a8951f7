//! Thin commands: each parses its arguments, calls the library and reports.

mod build;
mod check;
mod context;
mod import;
mod init;
mod printer;
mod watch;

use clap::{Parser, Subcommand};

/// Consolidates ITU regional preparatory meeting outcomes into the synthesis and implementation reports.
#[derive(Parser, Debug)]
#[command(name = "rpmsynth", version, about)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Print only errors.
    #[arg(long, short, global = true)]
    quiet: bool,
    /// Also print skipped files and timings.
    #[arg(long, short, global = true)]
    verbose: bool,
    /// Treat warnings as errors (exit status 1).
    #[arg(long, global = true)]
    deny_warnings: bool,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Read INPUT and write every report to OUTPUT.
    Build(build::Args),
    /// Parse and consolidate, print every diagnostic, write nothing.
    Check(check::Args),
    /// Print the JSON context a report template receives.
    Context(context::Args),
    /// Read Word documents (chairman's reports, proposal packages) into INPUT/rpm/.
    Import(import::Args),
    /// Write a complete, working example input folder and the default templates to DIR.
    Init(init::Args),
    /// Build, then rebuild whenever an input file or template changes.
    Watch(build::Args),
}

/// Global switches every command honours.
#[derive(Debug, Clone, Copy)]
pub struct Global {
    pub quiet: bool,
    pub verbose: bool,
    pub deny_warnings: bool,
}

/// Runs a command and returns the exit status: 0 success, 1 input errors.
pub fn run(cli: Cli) -> u8 {
    let global = Global {
        quiet: cli.quiet,
        verbose: cli.verbose,
        deny_warnings: cli.deny_warnings,
    };
    match cli.command {
        Command::Build(args) => build::run(args, global),
        Command::Check(args) => check::run(args, global),
        Command::Context(args) => context::run(args, global),
        Command::Import(args) => import::run(args, global),
        Command::Init(args) => init::run(args, global),
        Command::Watch(args) => watch::run(args, global),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_command_line_is_well_formed() {
        use clap::CommandFactory;
        super::Cli::command().debug_assert();
    }
}
