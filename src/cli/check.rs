//! `rpmsynth check [INPUT]`: parse and consolidate, print every diagnostic, write nothing.

use super::Global;
use super::printer::{self, Printer};
use std::path::PathBuf;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Input folder.
    #[arg(default_value = "input")]
    input: PathBuf,
}

pub fn run(args: Args, global: Global) -> u8 {
    let mut printer = Printer::new(global, &args.input);
    let input = match printer::read_input(&printer) {
        Ok(i) => i,
        Err(code) => return code,
    };
    printer.input = Some(&input);
    match rpmsynth::pipeline::check(&input) {
        Ok((c, diagnostics)) => {
            let what = format!("checked {}", printer::what_was_read(&c));
            printer.finish(&diagnostics, Some(what))
        }
        Err(diagnostics) => printer.finish(&diagnostics, Some("check failed".into())),
    }
}
