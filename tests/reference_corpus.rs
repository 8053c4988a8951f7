//! The WTDC-25 reference cycle (`../shared/corpus/wtdc25`, or the folder `RPMSYNTH_CORPUS`
//! names) built end to end; its checks are listed as ignored where the corpus is absent.

mod common;

use common::harness::Need;
use common::*;
use std::process::ExitCode;

fn main() -> ExitCode {
    common::harness::main(vec![
        check!(
            rpm_table_shows_every_chair_and_dates_in_html_and_docx,
            Need::Corpus
        ),
        check!(
            every_proposal_is_in_exactly_one_group_and_blocks_match_the_expected_groups,
            Need::Corpus
        ),
        check!(
            exact_duplicate_common_proposals_are_merged_with_all_their_regions,
            Need::Corpus
        ),
        check!(
            conflict_unclassified_and_inferred_topics_are_reported,
            Need::Corpus
        ),
        check!(two_builds_give_identical_bytes, Need::Corpus),
    ])
}
use serde_json::Value;
use std::collections::{BTreeSet, HashMap};

fn consolidated(dir: &std::path::Path) -> Value {
    serde_json::from_str(&read(dir, "consolidated.json")).expect("valid JSON")
}

fn groups_of(json: &Value) -> Vec<(String, BTreeSet<String>)> {
    json["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| {
            let members = member_ids(g).into_iter().collect();
            (g["kind"].as_str().unwrap().to_string(), members)
        })
        .collect()
}

fn rpm_table_shows_every_chair_and_dates_in_html_and_docx() {
    let corpus = reference_corpus();
    let out = build(&corpus);
    let html = read(out.path(), "tdag-synthesis.html");
    let docx = docx_text(&out.path().join("tdag-synthesis.docx"));
    let rows = [
        ("Africa (AFR)", "Mr J. Kamau (Kenya)", "3–5 June 2025"),
        (
            "Americas (AMS)",
            "Ms L. Herrera (Panama)",
            "11–13 March 2025",
        ),
        (
            "Arab States (ARB)",
            "Mr S. Al-Harthy (Oman)",
            "14–16 April 2025",
        ),
        (
            "Asia-Pacific (ASP)",
            "Ms P. Srisuk (Thailand)",
            "20–22 May 2025",
        ),
        (
            "Commonwealth of Independent States (CIS)",
            "Mr B. Yusupov (Uzbekistan)",
            "18–20 February 2025",
        ),
        (
            "Europe (EUR)",
            "Ms M. Novak (Slovenia)",
            "30 June – 1 July 2025",
        ),
    ];
    for (region, chair, dates) in rows {
        // Title, initial and surname are joined by no-break spaces.
        let chair = &chair.replacen(' ', "\u{a0}", 2);
        let row = html_row(&html, &format!("<td>{region}</td>"));
        assert!(
            row.contains(chair) && row.contains(dates),
            "HTML row for {region}: {row}"
        );
        let line = docx
            .lines()
            .find(|l| l.starts_with(&format!("{region} |")))
            .unwrap_or_else(|| panic!("DOCX row {region}"));
        assert!(
            line.contains(chair) && line.contains(dates),
            "DOCX row for {region}: {line}"
        );
    }
    assert!(html_row(&html, "<td>Europe (EUR)</td>").contains("Virtual meeting"));
}

fn every_proposal_is_in_exactly_one_group_and_blocks_match_the_expected_groups() {
    let corpus = reference_corpus();
    let out = build(&corpus);
    let json = consolidated(out.path());
    let proposals: BTreeSet<String> = json["proposals"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(proposals.len(), 54);
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (_, members) in groups_of(&json) {
        for m in members {
            *seen.entry(m).or_default() += 1;
        }
    }
    assert_eq!(seen.keys().cloned().collect::<BTreeSet<_>>(), proposals);
    assert!(
        seen.values().all(|&n| n == 1),
        "a proposal is in several groups: {seen:?}"
    );

    let expected: Value =
        serde_json::from_str(&std::fs::read_to_string(corpus.join("expected.json")).unwrap())
            .unwrap();
    let expected_blocks: BTreeSet<BTreeSet<String>> =
        groups_of(&expected).into_iter().map(|(_, m)| m).collect();
    let got_blocks: BTreeSet<BTreeSet<String>> =
        groups_of(&json).into_iter().map(|(_, m)| m).collect();
    assert_eq!(
        got_blocks, expected_blocks,
        "topic/target/action blocks differ from expected.json"
    );
    print_merge_quality(&json, &expected);
}

/// Precision and recall of "these two proposals are merged into one entry" against expected.json
/// (printed, not asserted: the threshold is asserted in tests/similarity_eval.rs).
fn print_merge_quality(got: &Value, expected: &Value) {
    let (g, e) = (merged_pairs_json(got), merged_pairs_json(expected));
    let (precision, recall, f1) = prf(&g, &e);
    if common::harness::verbose() {
        println!(
            "merge pairs vs expected.json: precision {precision:.3}, recall {recall:.3}, F1 {f1:.3} ({} of {} expected pairs)",
            g.intersection(&e).count(),
            e.len()
        );
    }
}

fn exact_duplicate_common_proposals_are_merged_with_all_their_regions() {
    let corpus = reference_corpus();
    let out = build(&corpus);
    let json = consolidated(out.path());
    let find = |member: &str| {
        json["groups"]
            .as_array()
            .unwrap()
            .iter()
            .find(|g| g["members"].as_array().unwrap().iter().any(|m| m == member))
            .unwrap()
            .clone()
    };
    for (member, regions) in [
        ("AMS/AMS-P2", vec!["AMS", "ASP", "EUR"]),
        ("AFR/AFR-P3", vec!["AFR", "ASP", "CIS", "EUR"]),
        ("AMS/AMS-P4", vec!["AMS", "ASP"]),
        // Near-duplicates: British/American spelling; two sentences swapped.
        ("AFR/AFR-P2", vec!["AFR", "ARB"]),
        ("AMS/AMS-P1", vec!["AMS", "ASP", "CIS"]),
    ] {
        let g = find(member);
        assert_eq!(g["kind"], "common", "{member}: {g}");
        assert_eq!(g["regions"], serde_json::json!(regions), "{member}");
    }
    let md = read(out.path(), "tdag-synthesis.md");
    assert!(
        md.contains(
            "*Common proposal* of the Americas (AMS), Asia-Pacific (ASP) and Europe (EUR)."
        )
    );
    assert!(
        md.contains("[RPM-AMS25, AMS-P2](#src-ams-ams-p2)"),
        "sources of the merged entry are cited by RPM document and id, linked to the region's annex"
    );
    let html = read(out.path(), "tdag-synthesis.html");
    assert!(html.contains(r##"<a href="#src-eur-ecp-1">RPM-EUR25, ECP-1</a>"##));
    assert!(
        html.contains(r#"id="src-eur-ecp-1""#),
        "the annex heading carries the anchor"
    );
    let docx = docx_text(&out.path().join("tdag-synthesis.docx"));
    assert!(docx.contains("RPM-EUR25, ECP-1"));
    for text in [&md, &html, &docx] {
        assert!(!text.contains("rpm/"), "no input file names in the reports");
    }
    let implementation = read(out.path(), "wtdc-implementation.html");
    assert!(
        implementation.contains(r##"href="#synthesis-src-eur-ecp-1""##)
            && implementation.contains(r#"id="synthesis-src-eur-ecp-1""#),
        "links inside the annexed synthesis land inside it"
    );
    assert_eq!(
        md.matches("Telecommunication/ICT accessibility for persons with disabilities {#group-")
            .count(),
        1,
        "merged entry shown once"
    );
}

fn conflict_unclassified_and_inferred_topics_are_reported() {
    let corpus = reference_corpus();
    let out = build(&corpus);
    let json = consolidated(out.path());
    let conflicts: Vec<&Value> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["kind"] == "conflict")
        .collect();
    assert_eq!(conflicts.len(), 1);
    assert_eq!(
        conflicts[0]["members"],
        serde_json::json!(["ARB/ARB-06", "EUR/ECP-5"])
    );
    let proposal = |id: &str| {
        json["proposals"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["id"] == id)
            .unwrap()
            .clone()
    };
    assert_eq!(
        (
            proposal("CIS/RCC-3")["target"].clone(),
            proposal("CIS/RCC-3")["topic"].clone()
        ),
        ("res-34".into(), "emergency-telecom".into())
    );
    assert_eq!(proposal("AMS/AMS-P7")["topic"], "child-online-protection");
    assert_eq!(proposal("AMS/AMS-P7")["target"], Value::Null);
    assert_eq!(proposal("AFR/AFR-P6")["topic"], "spectrum");
    assert_eq!(proposal("AMS/AMS-P5")["topic"], Value::Null);
    let html = read(out.path(), "tdag-synthesis.html");
    let attention = &html[html.find(r#"<h1 id="attention""#).unwrap()..];
    let attention = &attention[..attention.find("<hr").unwrap()];
    // One list of full sentences, each linking to its entries; the conflicting entries link back.
    assert!(attention.contains("Resolution 50: the proposals are incompatible (the Arab States (ARB): modification; Europe (EUR): suppression)."));
    assert!(
        attention.contains(
            r##"<a href="#group-digital-transformation-res-50-sup">SUP Resolution 50</a>"##
        )
    );
    let sup = &html[html
        .find(r#"<h3 id="group-digital-transformation-res-50-sup""#)
        .unwrap()..];
    assert!(
        sup[..sup.find("</p>").unwrap()].contains(r##"(see <a href="#attention">section 7</a>)"##)
    );
    assert!(
        json["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["message"] == "incompatible actions on res-50: ARB MOD, EUR SUP")
    );
    assert!(attention.contains(
        "Resolution 59: a proposal (RPM-AMS25, AMS-P5) concerns a text that is not among"
    ));
    assert!(
        !attention.contains("has no topic"),
        "a warning of the build, not a matter for TDAG"
    );
    // The matrix says how each region's proposal stands; references never break.
    let md = read(out.path(), "tdag-synthesis.md");
    let matrix = &md[md.find("# 5 Convergence matrix").unwrap()..md.find("# 6 ").unwrap()];
    assert!(matrix.contains("| MOD Res.\u{a0}37 (common: ARB, CIS); MOD Q.\u{a0}1/1 (single) |"));
    assert!(matrix.contains("| MOD Res.\u{a0}45 (variant\u{a0}B) |"));
    assert!(matrix.contains("| SUP Res.\u{a0}50 (conflict) |"));
    assert!(matrix.contains("ADD “Artificial intelligence for sustainable…” (common: ARB)"));
    // Laid out the same way in the implementation report's annex.
    let implementation = read(out.path(), "wtdc-implementation.md");
    assert!(implementation.contains("## 5 Convergence matrix {#synthesis-matrix .landscape}"));
    // The annexes give initiatives their normalised codes, as section 3 does ("ARB RI 1" as written).
    let annex = &md[md.find("# Annex 3: ").unwrap()..];
    assert!(
        annex.contains(
            "### ARB1: Artificial intelligence and emerging technologies {#src-arb-arb1}"
        )
    );
    assert!(!annex.contains("ARB RI 1"));
    assert!(
        json["timeline"]
            .as_array()
            .unwrap()
            .iter()
            .all(|t| t["status"] == "ok"),
        "{}",
        json["timeline"]
    );
}

fn two_builds_give_identical_bytes() {
    let corpus = reference_corpus();
    let (a, b) = (build(&corpus), build(&corpus));
    for name in [
        "tdag-synthesis.md",
        "tdag-synthesis.html",
        "tdag-synthesis.docx",
        "wtdc-implementation.md",
        "wtdc-implementation.html",
        "wtdc-implementation.docx",
        "consolidated.json",
    ] {
        let (x, y) = (
            std::fs::read(a.path().join(name)).unwrap(),
            std::fs::read(b.path().join(name)).unwrap(),
        );
        assert!(x == y, "{name} differs between two builds");
    }
}
