//! Embeds the default templates (`templates/*.md.hbs`) and every message catalogue
//! (`templates/messages/*.yaml`, English first: the fallback), so adding a template or a
//! report language is adding a file there.

use std::path::Path;

/// The stems of the files of `dir` ending in `suffix`, sorted by `key`.
fn stems<K: Ord>(dir: &Path, suffix: &str, key: impl Fn(&String) -> K) -> Vec<String> {
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut stems: Vec<String> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| {
            let name = e.ok()?.file_name().into_string().ok()?;
            Some(name.strip_suffix(suffix)?.to_string())
        })
        .collect();
    stems.sort_by_key(key);
    stems
}

/// Writes `OUT_DIR/NAME`: a list of (stem, file text) for each stem of `dir`.
fn embed(name: &str, dir: &str, suffix: &str, stems: &[String]) {
    let entries: String = stems
        .iter()
        .map(|s| {
            format!(
                "    (\"{s}\", include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/{dir}/{s}{suffix}\"))),\n"
            )
        })
        .collect();
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join(name);
    std::fs::write(out, format!("&[\n{entries}]\n")).expect("OUT_DIR is writable");
}

fn main() {
    let messages = stems(Path::new("templates/messages"), ".yaml", |c| {
        (c != "en", c.clone())
    });
    embed("messages.rs", "templates/messages", ".yaml", &messages);
    // Reports first (the names `rpmsynth init` and error messages list), then partials.
    let templates = stems(Path::new("templates"), ".md.hbs", |t| {
        (
            !REPORTS.contains(&t.as_str()),
            REPORTS.iter().position(|r| r == t),
            t.clone(),
        )
    });
    embed("templates.rs", "templates", ".md.hbs", &templates);
}

/// The report templates, in the order they are listed.
const REPORTS: [&str; 4] = [
    "tdag-synthesis",
    "wtdc-implementation",
    "synthesis",
    "report-to-council",
];
