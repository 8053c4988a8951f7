//! `rpmsynth check [INPUT]`: parse and consolidate, print every diagnostic, write nothing.

use super::Global;
use super::report::{self, Printer};
use std::path::PathBuf;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Input folder.
    #[arg(default_value = "input")]
    input: PathBuf,
}

pub fn run(args: Args, global: Global) -> u8 {
    let mut printer = Printer::new(global, &args.input);
    let input = match report::read_input(&printer) {
        Ok(i) => i,
        Err(code) => return code,
    };
    printer.input = Some(&input);
    match rpmsynth::build::check(&input) {
        Ok((c, diagnostics)) => {
            let what = format!("checked {}", report::what_was_read(&c));
            printer.finish(&diagnostics, Some(what))
        }
        Err(diagnostics) => printer.finish(&diagnostics, Some("check failed".into())),
    }
}
