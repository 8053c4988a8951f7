//! The example cycles of both profiles and languages: the WTSA cycle's compliance table and
//! forums, and the French cycle's headings and region names in HTML and Word.

mod common;

use common::{build, docx_part, docx_text, read};
use std::path::{Path, PathBuf};

fn example(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples")
        .join(name)
}

#[test]
fn the_wtsa_cycle_builds_with_its_compliance_table_and_forums() {
    let out = build(&example("wtsa"));
    assert!(!out.path().join("wtdc-implementation.md").exists());
    let md = read(out.path(), "wtsa-implementation.md");
    let row = |label: &str| {
        md.lines()
            .find(|l| l.starts_with(&format!("| {label} |")))
            .unwrap_or_else(|| panic!("no row for {label}"))
            .to_string()
    };
    // Rules by their labels and statuses as words: no rule id in the text.
    assert!(row("RPMs end before the last advisory-group meeting").contains("| Met |"));
    assert!(!md.contains("rpms_before_last_tdag") && !md.contains("| ok |"));
    let chairs = row("Chairs' meeting less than 12 months before the assembly");
    assert!(
        chairs.contains("| Met |") && chairs.contains("window 11 October 2027 – 9 October 2028"),
        "{chairs}"
    );
    let days = row("Days between each RPM and the assembly");
    assert!(
        days.contains("RPM-AFR28: 90 days; RPM-ARB28: 41 days"),
        "{days}"
    );
    let missing = row("One RPM in each region");
    assert!(
        missing.contains("**Not met**") && missing.contains("Americas (AMS)"),
        "{missing}"
    );
    assert!(!md.contains("last_tdag_3_to_4_months_before_conference"));
    assert!(md.contains(
        "| Africa (AFR) | Forum on bridging the standardization gap for Africa | 9 July 2028 | Nairobi, Kenya | 120 |"
    ));
    assert!(md.contains(
        "| Arab States (ARB) | Forum on bridging the standardization gap | 27 August 2028 | Virtual meeting | 85 |"
    ));
    assert!(md.contains("| Europe (EUR) | No forum held | | | |"));
    assert!(md.contains("Resolution 43 (Rev. Dubai, 2012)"));
    let json: serde_json::Value =
        serde_json::from_str(&read(out.path(), "consolidated.json")).unwrap();
    let chairs = &json["timeline"][2];
    assert_eq!(chairs["rule"], "chairs_meeting_within_12_months");
    assert_eq!(chairs["window"]["from"], "2027-10-11");
    assert_eq!(chairs["dates"][0]["start"], "2028-09-24");
}

#[test]
fn the_synthesis_reviews_texts_in_numeric_order() {
    let out = build(&example("wtsa"));
    let md = read(out.path(), "tdag-synthesis.md");
    let review = &md[md.find("Review of texts {#review}").unwrap()..];
    let (res2, res10) = (
        review.find("| Resolution 2 |").unwrap(),
        review.find("| Resolution 10 |").unwrap(),
    );
    assert!(res2 < res10);
    assert!(review.contains("| Resolution 2 | MOD |  |  | SUP |  |  | [MOD](#group-working-methods-res-2-mod), [SUP](#group-working-methods-res-2-sup) |"), "{review}");
}

#[test]
fn the_french_cycle_is_written_in_french_in_html_and_word() {
    let out = build(&example("fr"));
    let html = read(out.path(), "wtdc-implementation.html");
    for expected in [
        "Réunions préparatoires régionales organisées",
        "Assistance aux pays les moins avancés",
        "Respect du calendrier de la résolution",
        "Tableau 1 – ",
        "États arabes (ARB)",
        // French writes the CIS's code CEI, in tables and matrices alike.
        "Communauté des États indépendants (CEI)",
        "<th>CEI</th>",
        "13–15 mai 2029",
        "Résolution 31 (Rév. Bakou, 2025)",
        "<html lang=\"fr\"",
    ] {
        assert!(html.contains(expected), "HTML lacks {expected:?}");
    }
    assert!(!html.contains("Regional preparatory meetings organised"));
    assert!(!html.contains("(CIS)") && !html.contains("<th>CIS</th>"));
    let docx = docx_text(&out.path().join("tdag-synthesis.docx"));
    for expected in [
        "Priorités régionales et initiatives régionales",
        "Propositions par thème",
        "Examen des textes",
        "Afrique (AFR)",
        "États arabes (ARB)",
        "Pas de RPR",
        "Tableau ",
        "Sources\u{a0}: RPR-AFR29, AFR-P1",
        "Résolution 69\u{a0}: les propositions sont incompatibles (Afrique (AFR)\u{a0}: suppression\u{202f}; Europe (EUR)\u{a0}: modification).",
        "Trois des six régions ont tenu une RPR.",
        "aucun groupe de variantes",
        "1 proposition commune à plusieurs régions",
        "Points portés à l’attention du GCDT-29",
        "AFR1\u{a0}: Transformation numérique",
    ] {
        assert!(docx.contains(expected), "DOCX lacks {expected:?}");
    }
    let word = docx_part(&out.path().join("tdag-synthesis.docx"), "word/document.xml");
    assert!(
        word.contains(r#"<w:pStyle w:val="Source"/>"#),
        "the source style"
    );
}

#[test]
fn a_french_wtsa_cycle_names_the_assembly_amnt_with_its_article() {
    let dir = tempfile::tempdir().unwrap();
    let src = example("wtsa");
    for entry in walkdir::WalkDir::new(&src) {
        let entry = entry.unwrap();
        let to = dir.path().join(entry.path().strip_prefix(&src).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&to).unwrap();
        } else {
            std::fs::copy(entry.path(), &to).unwrap();
        }
    }
    let conf = dir.path().join("conference.yaml");
    let text = std::fs::read_to_string(&conf).unwrap();
    std::fs::write(&conf, text.replace("language: en", "language: fr")).unwrap();
    let out = build(dir.path());
    let md = read(out.path(), "wtsa-implementation.md");
    for expected in [
        "préparatifs régionaux de l’AMNT-28",
        "dernière réunion du GCNT avant l’AMNT-28",
        "le premier jour de l’AMNT-28",
    ] {
        assert!(md.contains(expected), "lacks {expected:?}");
    }
    for wrong in ["l’WTSA", "l'WTSA", "la AMNT", "WTSA-28 :", "TSAG-28 ("] {
        assert!(!md.contains(wrong), "has {wrong:?}");
    }
}
