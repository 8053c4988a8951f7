//! The test harness (libtest-mimic) of the checks that need more than Rust: a program that
//! reads the Word outputs back (LibreOffice, poppler, python-docx, openxml-audit) or the
//! reference corpus. A check whose need is missing is listed as `ignored`, with the reason,
//! in the normal `cargo test` output, and one line says what to install. Where the need is
//! required (`RPMSYNTH_REQUIRE_TOOLS=1` for programs, `RPMSYNTH_REQUIRE_CORPUS=1` for the
//! corpus, both set by `.ci/run`), the check fails instead.

use libtest_mimic::{Arguments, Completion, Failed, Trial};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::sync::OnceLock;

/// A program a check runs, and the command that tells whether it is installed.
pub struct Tool {
    /// What a user installs, as the reason of an ignored check says it.
    pub name: &'static str,
    pub program: &'static str,
    pub probe: &'static [&'static str],
}

pub const SOFFICE: Tool = Tool {
    name: "LibreOffice (soffice)",
    program: "soffice",
    probe: &["--version"],
};
pub const POPPLER: Tool = Tool {
    name: "poppler (pdfinfo, pdftotext, pdftoppm)",
    program: "pdfinfo",
    probe: &["-v"],
};
pub const OPENXML_AUDIT: Tool = Tool {
    name: "openxml-audit",
    program: "openxml-audit",
    probe: &["--help"],
};
pub const PYTHON_DOCX: Tool = Tool {
    name: "python-docx",
    program: "python3",
    probe: &["-c", "import docx"],
};
pub const CARLITO: Tool = Tool {
    name: "the Carlito font",
    program: "fc-list",
    probe: &["Carlito"],
};

/// What a check needs besides the binary.
pub enum Need {
    Tool(Tool),
    Corpus,
}

/// One check: its name, what it needs, and its body (which panics on failure).
pub struct Check {
    pub name: &'static str,
    pub needs: Vec<Need>,
    pub run: fn(),
}

/// `check!(function, NEED, …)`: a [`Check`] named after the function.
#[macro_export]
macro_rules! check {
    ($f:ident $(, $need:expr)* $(,)?) => {
        $crate::common::harness::Check { name: stringify!($f), needs: vec![$($need),*], run: $f }
    };
}

/// Whether the checks were asked to print their figures (`cargo test -- --nocapture`).
pub fn verbose() -> bool {
    *VERBOSE.get().unwrap_or(&false)
}

static VERBOSE: OnceLock<bool> = OnceLock::new();

/// Runs the checks as `cargo test` does, with the arguments it was given.
pub fn main(checks: Vec<Check>) -> ExitCode {
    let args = Arguments::from_args();
    let _ = VERBOSE.set(args.nocapture);
    let mut missing: BTreeMap<(String, &str), usize> = BTreeMap::new();
    let trials = checks
        .into_iter()
        .map(|check| {
            let absent = check.needs.iter().find_map(absence);
            let run = check.run;
            match absent {
                Some(Absence::Skip(reason, hint)) => {
                    if !args.is_filtered_out(&Trial::test(check.name, || Ok(()))) {
                        *missing.entry((reason.clone(), hint)).or_default() += 1;
                    }
                    Trial::ignorable_test(check.name, move || Ok(Completion::ignored_with(reason)))
                }
                Some(Absence::Fail(reason)) => Trial::test(check.name, move || Err(reason.into())),
                None => Trial::test(check.name, move || {
                    run();
                    Ok::<(), Failed>(())
                }),
            }
        })
        .collect();
    for ((reason, hint), count) in &missing {
        let checks = if *count == 1 { "check" } else { "checks" };
        println!("note: {count} {checks} ignored: {reason}; {hint}");
    }
    libtest_mimic::run(&args, trials).exit_code()
}

/// Why a need is not met: a reason to ignore the check (and how to meet it), or to fail it.
enum Absence {
    Skip(String, &'static str),
    Fail(String),
}

fn absence(need: &Need) -> Option<Absence> {
    let required = |var: &str| std::env::var(var).as_deref() == Ok("1");
    match need {
        Need::Tool(tool) if !installed(tool) => {
            let reason = format!("{} is not installed", tool.name);
            Some(if required("RPMSYNTH_REQUIRE_TOOLS") {
                Absence::Fail(format!("{reason}, and RPMSYNTH_REQUIRE_TOOLS=1"))
            } else {
                Absence::Skip(reason, "tests/tools/install installs it")
            })
        }
        Need::Corpus if corpus_folder().is_none() => {
            let reason = match std::env::var_os("RPMSYNTH_CORPUS") {
                Some(path) => format!("no reference corpus at {}", Path::new(&path).display()),
                None => "no reference corpus at ../shared/corpus/wtdc25, beside the repository"
                    .to_string(),
            };
            Some(if required("RPMSYNTH_REQUIRE_CORPUS") {
                Absence::Fail(format!("{reason}, and RPMSYNTH_REQUIRE_CORPUS=1"))
            } else {
                Absence::Skip(reason, "RPMSYNTH_CORPUS names another folder")
            })
        }
        _ => None,
    }
}

/// Whether `tool` runs and succeeds (for the font: fc-list lists it); asked once a process.
pub fn installed(tool: &Tool) -> bool {
    static KNOWN: std::sync::Mutex<BTreeMap<&str, bool>> = std::sync::Mutex::new(BTreeMap::new());
    let mut known = KNOWN.lock().unwrap_or_else(|e| e.into_inner());
    *known.entry(tool.name).or_insert_with(|| {
        Command::new(tool.program)
            .args(tool.probe)
            .output()
            .is_ok_and(|o| {
                o.status.success() && (tool.program != "fc-list" || !o.stdout.is_empty())
            })
    })
}

/// Where the reference corpus is looked for: `RPMSYNTH_CORPUS`, else `../shared/corpus/wtdc25`.
pub fn corpus_path() -> PathBuf {
    match std::env::var_os("RPMSYNTH_CORPUS") {
        Some(path) => PathBuf::from(path),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/wtdc25"),
    }
}

/// The reference corpus folder, when it is there.
pub fn corpus_folder() -> Option<PathBuf> {
    let path = corpus_path();
    path.join("expected.json").is_file().then_some(path)
}
