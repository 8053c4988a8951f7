//! Amendments compared change by change, on `examples/amendments` (six regions amend
//! Resolution 45): `consolidated.json`, and the combined view in the three formats, which
//! must mark the same changes with the same regions.

mod common;

use common::{build, docx_part, read};
use regex::Regex;
use std::path::Path;

fn cycle() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/amendments")
}

/// `(kind, words, regions)` of each marked change: the words without markup or spacing.
type Marks = Vec<(String, String, String)>;

fn words(text: &str) -> String {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The changes the Markdown entry marks: `{++…++}{>>R<<}`, `{--…--}{>>R<<}` and
/// `{~~old~>new~~}{>>R<<}` (a deletion, then an insertion).
fn markdown_marks(entry: &str) -> Marks {
    let critic = Regex::new(
        r"(?s)\{\+\+(.*?)\+\+\}|\{--(.*?)--\}|\{~~(.*?)~>(.*?)~~\}\{>>([^<]*)<<\}|\{>>([^<]*)<<\}",
    )
    .unwrap();
    let mut out: Marks = Vec::new();
    let mut pending: Vec<(String, String)> = Vec::new();
    for c in critic.captures_iter(entry) {
        if let Some(t) = c.get(1) {
            pending.push(("ins".into(), words(t.as_str())));
        } else if let Some(t) = c.get(2) {
            pending.push(("del".into(), words(t.as_str())));
        } else if let Some(old) = c.get(3) {
            let by = c[5].to_string();
            out.push(("del".into(), words(old.as_str()), by.clone()));
            out.push(("ins".into(), words(&c[4]), by));
        } else {
            for (kind, text) in pending.drain(..) {
                out.push((kind, text, c[6].to_string()));
            }
        }
    }
    out
}

#[test]
fn consolidated_json_lists_each_change_once_with_its_regions() {
    let out = build(&cycle());
    let json: serde_json::Value =
        serde_json::from_str(&read(out.path(), "consolidated.json")).unwrap();
    let a = &json["amendments"][0];
    assert_eq!(a["target"], "res-45");
    assert_eq!(a["group"], "cybersecurity/res-45/MOD");
    assert_eq!(
        a["members"],
        serde_json::json!([
            "AFR/AFR-P1",
            "AMS/IAP-1",
            "ARB/ARB-01",
            "CIS/RCC-1",
            "EUR/ECP-2"
        ])
    );
    assert_eq!(a["base_differs"], serde_json::json!(["ASP/ACP-1"]));
    let changes = a["changes"].as_array().unwrap();
    let summary: Vec<(String, String, String)> = changes
        .iter()
        .map(|c| {
            let regions: Vec<&str> = c["regions"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| r.as_str().unwrap())
                .collect();
            (
                c["delete"].as_str().unwrap().to_string(),
                c["insert"].as_str().unwrap().to_string(),
                regions.join(", "),
            )
        })
        .collect();
    let t = |d: &str, i: &str, r: &str| (d.to_string(), i.to_string(), r.to_string());
    assert_eq!(
        summary,
        vec![
            t("encourage", "invite", "AMS"),
            t("encourage", "urge", "CIS"),
            t(", where appropriate", "", "AFR, EUR"),
            t("", "national ", "AFR, ARB"),
            t("", " and regional CIRTs", "AFR"),
            t("", "\n- cyberdrills with regional organizations;", "EUR"),
            t("", " and regional organizations", "EUR"),
        ]
    );
    assert_eq!(
        changes[3]["members"],
        serde_json::json!(["AFR/AFR-P1", "ARB/ARB-01"])
    );
    assert_eq!(
        changes[3]["context"],
        "…Member States to establish, where appropriate, ⟨here⟩CIRTs and to cooperate with one…"
    );
    assert_eq!(a["overlaps"][0]["changes"], serde_json::json!([0, 1]));
    let kinds: Vec<&str> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["overlap", "other-version"]);
    // Merging follows the changes: six different change sets are six variants.
    assert_eq!(json["groups"][0]["kind"], "variant");
    assert_eq!(json["groups"][0]["clusters"].as_array().unwrap().len(), 6);
}

#[test]
fn the_three_formats_mark_the_same_changes_by_the_same_regions() {
    let out = build(&cycle());
    let md = read(out.path(), "tdag-synthesis.md");
    let entry = &md[md.find("### MOD Resolution 45").unwrap()..md.find("Table: Changes").unwrap()];
    let expected = markdown_marks(entry);
    assert_eq!(expected.len(), 8, "{expected:?}");
    assert!(entry.contains(
        "1 to {--encourage--}{>>AMS, CIS<<}{++invite++}{>>AMS<<}{++urge++}{>>CIS<<} Member States to establish{--, where appropriate--}{>>AFR, EUR<<}, {++national ++}{>>AFR, ARB<<}CIRTs{++ and regional CIRTs++}{>>AFR<<} and to cooperate"
    ));
    assert!(md.contains("| 4 | …Member States to establish, where appropriate, ⟨here⟩CIRTs and to cooperate with one… | + “national” | AFR, ARB |"));

    let html = read(out.path(), "tdag-synthesis.html");
    let entry = &html
        [html.find("MOD Resolution 45").unwrap()..html.find("Changes to Resolution 45").unwrap()];
    let tag =
        Regex::new(r#"(?s)<(ins|del) data-regions="([^"]*)" title="[^"]*">(.*?)</(?:ins|del)>"#)
            .unwrap();
    let html_marks: Marks = tag
        .captures_iter(entry)
        .map(|c| (c[1].to_string(), words(&c[3]), c[2].to_string()))
        .collect();
    assert_eq!(html_marks, expected);
    let labels = entry.matches("<sup class=\"regions\">").count();
    assert_eq!(
        labels, 8,
        "one label after each change (a replacement has one)"
    );

    let doc = docx_part(&out.path().join("tdag-synthesis.docx"), "word/document.xml");
    let entry = &doc
        [doc.find(">MOD Resolution 45").unwrap()..doc.find("Changes to Resolution 45").unwrap()];
    let revision =
        Regex::new(r#"(?s)<w:(ins|del) w:id="\d+" w:author="([^"]*)"[^>]*>(.*?)</w:(?:ins|del)>"#)
            .unwrap();
    let text = Regex::new(r"<w:(?:t|delText)[^>]*>([^<]*)<").unwrap();
    let word_marks: Marks = revision
        .captures_iter(entry)
        .map(|c| {
            let t: String = text
                .captures_iter(&c[3])
                .map(|t| t[1].to_string())
                .collect();
            (c[1].to_string(), words(&t), c[2].to_string())
        })
        .collect();
    assert_eq!(word_marks, expected);
    // The version amended by Asia-Pacific is shown on its own, its change by ASP.
    let own = &doc[doc.find("Asia-Pacific (ASP), shown on its own").unwrap()..];
    assert!(own.contains(r#"w:author="ASP""#), "ASP's own change");
}

#[test]
fn the_matters_name_the_overlap_and_the_other_version() {
    let out = build(&cycle());
    let md = read(out.path(), "tdag-synthesis.md");
    let attention = &md[md.find("{#attention}").unwrap()..];
    assert!(attention.contains(
        "changes proposed by different regions touch the same words differently (change 1, AMS: “encourage” → “invite”; change 2, CIS: “encourage” → “urge”)"
    ));
    assert!(attention.contains("Asia-Pacific (ASP) amends another version of the text"));
    assert!(md.contains("45 (amends: 3 of 7 changes) |"));
}
