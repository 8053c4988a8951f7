//! Shared helpers for the whole-command tests: run the binary, read outputs back.
#![allow(dead_code)]

pub mod contents;
pub mod harness;
pub mod tools;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The reference corpus, for a check that needs it ([`harness::Need::Corpus`]).
pub fn reference_corpus() -> PathBuf {
    harness::corpus_folder().expect("a check that reads the corpus declares Need::Corpus")
}

/// The bundled example cycle.
pub fn example_input() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("input")
}

/// Runs `rpmsynth ARGS`.
pub fn rpmsynth(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_rpmsynth"))
        .args(args)
        .env_remove("SOURCE_DATE_EPOCH")
        .output()
        .expect("the binary runs")
}

/// Runs `rpmsynth build INPUT -o <fresh folder> EXTRA…`; returns the result and the folder.
pub fn build_with(input: &Path, extra: &[&str]) -> (Output, tempfile::TempDir) {
    let out = tempfile::tempdir().expect("temp dir");
    let mut args = vec![
        "build",
        input.to_str().unwrap(),
        "-o",
        out.path().to_str().unwrap(),
    ];
    args.extend(extra);
    (rpmsynth(&args), out)
}

/// Builds `input` into a fresh temporary folder and returns it.
pub fn build(input: &Path) -> tempfile::TempDir {
    let (result, out) = build_with(input, &[]);
    assert!(
        result.status.success(),
        "build failed: {}",
        String::from_utf8_lossy(&result.stderr)
    );
    out
}

/// The member ids of a group of a `consolidated.json`-shaped document.
pub fn member_ids(group: &serde_json::Value) -> Vec<String> {
    group["members"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|m| m.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default()
}

/// One part of a DOCX package, as text.
pub fn docx_part(path: &Path, name: &str) -> String {
    let file = std::fs::File::open(path).expect("docx exists");
    let mut zip = zip::ZipArchive::new(file).expect("docx is a zip");
    let mut text = String::new();
    zip.by_name(name)
        .unwrap_or_else(|_| panic!("{name} in {}", path.display()))
        .read_to_string(&mut text)
        .unwrap();
    text
}

/// The visible text of a DOCX's body: one line per paragraph and per table row, cells ending in "| ".
pub fn docx_text(path: &Path) -> String {
    let xml = docx_part(path, "word/document.xml");
    let mut reader = quick_xml::Reader::from_str(&xml);
    let mut text = String::new();
    let mut in_text = false;
    let mut in_cell = false;
    loop {
        match reader.read_event().expect("well-formed document.xml") {
            quick_xml::events::Event::Start(e) => match e.name().as_ref() {
                "w:t" => in_text = true,
                "w:tc" => in_cell = true,
                _ => {}
            },
            quick_xml::events::Event::Empty(e) if e.name().as_ref() == "w:noBreakHyphen" => {
                text.push('-')
            }
            quick_xml::events::Event::End(e) => match e.name().as_ref() {
                "w:t" => in_text = false,
                "w:p" => text.push(if in_cell { ' ' } else { '\n' }),
                "w:tc" => {
                    in_cell = false;
                    text.push_str("| ");
                }
                "w:tr" => text.push('\n'),
                _ => {}
            },
            quick_xml::events::Event::Text(t) if in_text => text.push_str(&t.xml10_content()),
            quick_xml::events::Event::GeneralRef(r) if in_text => {
                let name = r.as_ref().to_string();
                text.push_str(match name.as_str() {
                    "amp" => "&",
                    "lt" => "<",
                    "gt" => ">",
                    "quot" => "\"",
                    "apos" => "'",
                    _ => "",
                });
            }
            quick_xml::events::Event::Eof => break,
            _ => {}
        }
    }
    text
}

/// Reads an output file as text.
pub fn read(dir: &Path, name: &str) -> String {
    std::fs::read_to_string(dir.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// The text of the HTML table row (`<tr>…</tr>`) that contains `needle`.
pub fn html_row<'a>(html: &'a str, needle: &str) -> &'a str {
    let at = html
        .find(needle)
        .unwrap_or_else(|| panic!("{needle} not in HTML"));
    let start = html[..at].rfind("<tr>").expect("inside a table row");
    let end = at + html[at..].find("</tr>").expect("row ends");
    &html[start..end]
}

/// Unordered pairs of qualified proposal ids, smaller id first.
pub type Pairs = std::collections::BTreeSet<(String, String)>;

/// Every pair of ids that share a cluster.
pub fn pairs_in<I: IntoIterator<Item = Vec<String>>>(clusters: I) -> Pairs {
    let mut pairs = Pairs::new();
    for c in clusters {
        for (i, a) in c.iter().enumerate() {
            for b in &c[i + 1..] {
                pairs.insert((a.min(b).clone(), a.max(b).clone()));
            }
        }
    }
    pairs
}

/// Pairs merged into one entry by a `consolidated.json`-shaped document: the members of
/// each `common` group, and of each cluster of a `variant` group.
pub fn merged_pairs_json(json: &serde_json::Value) -> Pairs {
    let ids = |v: &serde_json::Value| -> Vec<String> {
        v.as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|m| m.as_str().map(String::from))
                    .collect()
            })
            .unwrap_or_default()
    };
    pairs_in(json["groups"].as_array().unwrap().iter().flat_map(|g| {
        match g["kind"].as_str().unwrap() {
            "common" => vec![ids(&g["members"])],
            "variant" => g["clusters"]
                .as_array()
                .map(|cs| cs.iter().map(ids).collect())
                .unwrap_or_default(),
            _ => Vec::new(),
        }
    }))
}

/// Precision, recall and F1 of predicted pairs against expected pairs.
pub fn prf(predicted: &Pairs, expected: &Pairs) -> (f64, f64, f64) {
    let tp = predicted.intersection(expected).count() as f64;
    let ratio = |n: usize| if n == 0 { 1.0 } else { tp / n as f64 };
    let (p, r) = (ratio(predicted.len()), ratio(expected.len()));
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (p, r, f)
}

/// Copies the bundled example input folder to `to`.
pub fn copy_example(to: &std::path::Path) {
    for dir in ["", "rpm", "inter-regional"] {
        std::fs::create_dir_all(to.join(dir)).unwrap();
        for entry in std::fs::read_dir(example_input().join(dir)).unwrap() {
            let path = entry.unwrap().path();
            if path.is_file() {
                std::fs::copy(&path, to.join(dir).join(path.file_name().unwrap())).unwrap();
            }
        }
    }
}

/// The names of the files in `dir`, sorted.
pub fn file_names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    names
}
