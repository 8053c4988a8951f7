//! `rpmsynth check [INPUT]`: parse and consolidate, print every diagnostic, write nothing.

use super::{Global, report};
use std::path::PathBuf;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Input folder.
    #[arg(default_value = "input")]
    input: PathBuf,
}

pub fn run(args: Args, global: Global) -> u8 {
    let input = match report::read_input(&args.input, global) {
        Ok(i) => i,
        Err(code) => return code,
    };
    match rpmsynth::build::check(&input) {
        Ok((c, diagnostics)) => {
            let status = report::finish(&diagnostics, global);
            if !global.quiet {
                let held = c.cycle.rpms.len();
                let proposals = c.cycle.proposals().count();
                eprintln!(
                    "checked {held} RPM outcomes, {proposals} proposals, {} groups",
                    c.groups.len()
                );
            }
            status
        }
        Err(diagnostics) => report::finish(&diagnostics, global),
    }
}
