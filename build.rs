//! Embeds every message catalogue of `templates/messages/` (English first, the fallback), so
//! adding a report language is adding a file there.

use std::path::Path;

fn main() {
    let dir = Path::new("templates/messages");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut codes: Vec<String> = std::fs::read_dir(dir)
        .expect("templates/messages exists")
        .filter_map(|e| {
            let name = e.ok()?.file_name().into_string().ok()?;
            Some(name.strip_suffix(".yaml")?.to_string())
        })
        .collect();
    codes.sort_by_key(|c| (c != "en", c.clone()));
    let entries: String = codes
        .iter()
        .map(|c| {
            format!(
                "    (\"{c}\", include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/templates/messages/{c}.yaml\"))),\n"
            )
        })
        .collect();
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("messages.rs");
    std::fs::write(out, format!("&[\n{entries}]\n")).expect("OUT_DIR is writable");
}
