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

/// The `# N Title {#id}` headings of a report's body, in order, cover and annexes aside.
fn headings(md: &str) -> Vec<String> {
    md.lines()
        .filter(|l| l.starts_with("# ") && l.as_bytes().get(2).is_some_and(u8::is_ascii_digit))
        .map(|l| l[2..l.find(" {").unwrap_or(l.len())].to_string())
        .collect()
}

/// Text no WTSA report may hold unless the input gives it: ITU-D's concepts and words.
fn assert_no_itu_d_words(md: &str) {
    for word in [
        "Regional initiatives",
        "regional initiatives",
        "BDT",
        "Telecommunication Development",
        "LDC",
        "least developed",
        "Action Plan",
        "once adopted",
        "conference",
        "TDAG",
    ] {
        assert!(!md.contains(word), "{word:?} in {md}");
    }
}

#[test]
fn the_wtsa_cycle_writes_the_synthesis_as_a_tsag_td_and_the_report_to_the_council() {
    let out = build(&example("wtsa"));
    assert!(!out.path().join("tdag-synthesis.md").exists());
    assert!(!out.path().join("wtsa-implementation.md").exists());
    let synthesis = read(out.path(), "synthesis.md");
    // The TD header: study period, symbol, place and dates, source, title, purpose, keywords,
    // abstract.
    assert!(synthesis.starts_with("| International Telecommunication Union – Telecommunication Standardization Sector – Study period 2025-2028 | **TSAG-TD100** – Original: English |"), "{synthesis}");
    for row in [
        "| **Question(s):** N/A | Geneva, 25–29 September 2028 |",
        "| | **TD** |",
        "| **Source:** | Director, Telecommunication Standardization Bureau |",
        "| **Title:** | Results of the regional preparatory meetings for WTSA-28 |",
        "| **Purpose:** | Information |",
        "| **Contact:** | Mr B. Diop, Counsellor, Telecommunication Standardization Bureau – E-mail: tsb-rpm@itu.int |",
        "| **Keywords:** | WTSA-28; Resolution 43; regional preparatory meetings; common proposals |",
    ] {
        assert!(synthesis.contains(row), "no {row:?}");
    }
    assert_eq!(
        headings(&synthesis),
        [
            "1 Introduction",
            "2 Regional preparatory meetings held",
            "3 Proposals by topic",
            "4 Convergence matrix",
            "5 Review of texts",
            "6 Matters for the attention of WTSA-28",
            "7 Priorities stated by the regions",
        ]
    );
    assert_no_itu_d_words(&synthesis);
    // Cross-references point at this report's own numbering.
    assert!(synthesis.contains("(see [section 6](#attention))"));
    assert!(!synthesis.contains("section 7"));
    let report = read(out.path(), "report-to-council.md");
    assert!(report.starts_with("**Council 2029, Geneva, 5–15 June 2029**\n\n###### Document C29/45-E {.cover}\n\n###### 5 June 2029 {.cover}"), "{report}");
    assert!(report.contains("**Source:** Secretary-General"));
    assert!(report.contains("The Council is invited to take note of this report."));
    assert_eq!(
        headings(&report),
        [
            "1 Introduction",
            "2 Consultations and forums on bridging the standardization gap (invites the Secretary-General 1)",
            "3 Assistance to informal regional and inter-regional preparatory meetings (invites the Secretary-General 2)",
            "4 Regional preparatory meetings and their results (resolves to instruct the Director of TSB)",
            "5 Informal meeting of the chairs and vice-chairs of the RPMs (resolves to instruct the Director of TSB)",
            "6 Common and inter-regional common proposals",
            "7 Reactions of Member States (invites the Secretary-General 3)",
            "8 Timeline of the resolution",
            "9 Action required",
        ]
    );
    assert!(
        report.contains("(invites regional organizations 1)")
            && report.contains("(invites regional organizations 2)")
    );
    assert!(
        report.contains("are in Document TSAG-TD100, submitted to TSAG-28 (25–29 September 2028).")
    );
    assert!(
        !report.contains("# Annex"),
        "the synthesis is a TD of its own, not an annex"
    );
    assert_no_itu_d_words(&report);
    // The RPM table: a chair column because two RPMs give one, a dash where one does not.
    assert!(report.contains("| Africa (AFR) | RPM-AFR28 | 10–12 July 2028 | Nairobi, Kenya | ATU | Mr\u{a0}A.\u{a0}Diallo (Senegal) | 90 |")
        || report.contains("| Africa (AFR) | RPM-AFR28 | 10–12 July 2028 | Nairobi, Kenya | ATU | Mr A. Diallo (Senegal) | 90 |"), "{report}");
    assert!(
        report.contains(
            "| Europe (EUR) | RPM-EUR28 | 12–13 September 2028 | Virtual meeting | CEPT | – | 27 |"
        ),
        "{report}"
    );
    // Forums: a titled one as titled, an untitled one named for its region.
    assert!(report.contains(
        "| Africa (AFR) | Forum on bridging the standardization gap for Africa | 9 July 2028 | Nairobi, Kenya | 120 |"
    ));
    assert!(report.contains(
        "| Arab States (ARB) | Forum on bridging the standardization gap for the Arab States | 27 August 2028 | Virtual meeting | 85 |"
    ));
    assert!(report.contains("| Europe (EUR) | No forum held | | | |"));
    // Res. 43's checks only, in the resolution's order; no Res. 31 rule.
    let rules: Vec<&str> = report
        .lines()
        .skip_while(|l| !l.starts_with("| Rule |"))
        .skip(2)
        .take_while(|l| l.starts_with('|'))
        .map(|l| l.split(" | ").next().unwrap().trim_start_matches("| "))
        .collect();
    assert_eq!(
        rules,
        [
            "One RPM in each region",
            "RPMs as close as possible to the assembly",
            "Chairs' meeting less than 12 months before the assembly",
        ]
    );
    assert!(report.contains("RPM-AFR28: 90 days; RPM-ARB28: 41 days"));
    assert!(report.contains("| **Not met** |  | No RPM was held for the Americas (AMS); the Commonwealth of Independent States (CIS)"));
    let json: serde_json::Value =
        serde_json::from_str(&read(out.path(), "consolidated.json")).unwrap();
    let ids: Vec<&str> = json["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["rule"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        [
            "regions_without_rpm",
            "days_between_rpms_and_conference",
            "chairs_meeting_within_12_months"
        ]
    );
    assert_eq!(json["timeline"][2]["window"]["from"], "2027-10-11");
    assert_eq!(json["conference"]["council"]["name"], "Council 2029");
}

/// A copy of the WTSA example with `edit` applied to each file (by name) and the result built.
fn wtsa_variant(
    edit: impl Fn(&str, String) -> String,
) -> (std::process::Output, tempfile::TempDir, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let from = example("wtsa");
    for sub in ["", "rpm"] {
        std::fs::create_dir_all(dir.path().join(sub)).unwrap();
        for entry in std::fs::read_dir(from.join(sub)).unwrap() {
            let path = entry.unwrap().path();
            if path.is_file() {
                let name = path.file_name().unwrap().to_str().unwrap().to_string();
                let text = edit(&name, std::fs::read_to_string(&path).unwrap());
                std::fs::write(dir.path().join(sub).join(&name), text).unwrap();
            }
        }
    }
    let (result, out) = common::build_with(dir.path(), &[]);
    (result, out, dir)
}

/// No TSAG, no symbol for the synthesis (an annex of the report), the report an assembly
/// document, an RPM 13 months early without priorities, counts left out, the chairs' meeting
/// too early: the documents and checks follow.
#[test]
fn a_wtsa_cycle_without_tsag_annexes_the_synthesis_and_warns_on_res_43_dates() {
    let (result, out, _dir) = wtsa_variant(|name, text| match name {
        "conference.yaml" => {
            let mut kept = vec![];
            let mut skip = false;
            for line in text.lines() {
                if line.starts_with(|c: char| c.is_ascii_alphabetic()) {
                    skip = line.starts_with("advisory_group:") || line.starts_with("council:");
                }
                if !skip
                    && !line.trim_start().starts_with("synthesis:")
                    && !line.trim_start().starts_with("study_period:")
                {
                    kept.push(
                        line.replace("C29/45", "WTSA-28/20")
                            .replace("2028-09-24", "2027-09-01"),
                    );
                }
            }
            kept.join("\n") + "\n"
        }
        "afr.md" => text
            .replace("start: 2028-07-10", "start: 2027-09-06")
            .replace("end: 2028-07-12", "end: 2027-09-08")
            .replace("start: 2028-07-09", "start: 2027-09-05")
            .replace("end: 2028-07-09", "end: 2027-09-05")
            .replace("# Regional priorities", "# Notes"),
        "arb.md" | "asp.md" | "eur.md" => {
            text.replace("# Regional priorities", "# Notes")
                .lines()
                .filter(|l| !l.trim_start().starts_with("participants:"))
                .collect::<Vec<_>>()
                .join("\n")
                + "\n"
        }
        _ => text,
    });
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert_eq!(result.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains("timeline rule days_between_rpms_and_conference"),
        "{stderr}"
    );
    assert!(
        stderr.contains("timeline rule chairs_meeting_within_12_months"),
        "{stderr}"
    );
    assert!(!stderr.contains("rpms_before_last_tdag"), "{stderr}");
    let synthesis = read(out.path(), "synthesis.md");
    assert!(
        synthesis.contains("###### Annex to Document 20-E {.cover}"),
        "{synthesis}"
    );
    assert!(
        !synthesis.contains("Priorities stated by the regions"),
        "no priorities given"
    );
    assert!(!synthesis.contains("# 7 "));
    assert_no_itu_d_words(&synthesis);
    let report = read(out.path(), "report-to-council.md");
    assert!(report.contains("###### Document 20-E {.cover}"), "{report}");
    assert!(report.starts_with("**World Telecommunication Standardization Assembly (WTSA-28), Cairo, Egypt, 10–19 October 2028**"));
    assert!(report.contains("**Source:** Director, Telecommunication Standardization Bureau"));
    assert!(report.contains("WTSA-28 is invited to take note of this report."));
    assert!(report.contains("The results of the RPMs, consolidated by topic, are in the annex."));
    assert!(report.contains(
        "# Annex: Synthesis report of the regional preparatory meetings {#annex-synthesis}"
    ));
    assert!(
        report.contains(
            "RPM-AFR28 (6–8 September 2027) ended more than 12 months before the assembly"
        ),
        "{report}"
    );
    // No Participants count anywhere but Africa's: the participants column stays, "–" for the
    // others.
    assert!(
        synthesis.contains("| Arab States (ARB) | 28–30 August 2028 | Muscat, Oman | – | 17 | – |"),
        "{synthesis}"
    );
    assert_no_itu_d_words(&report);
}

/// A cycle on another revision cites that revision's clauses as `resolution_clauses` gives
/// them; without them, a warning says which labels are the default revision's.
#[test]
fn a_cycle_on_another_revision_cites_its_own_clause_labels() {
    let clauses = "resolution_revision: Rev. New Delhi, 2024\nresolution_clauses:\n  rpms: resolves to instruct the Director of TSB 1\n  chairs_meeting: resolves to instruct the Director of TSB 2\n  consultations: invites the Secretary-General 1\n  assistance: invites the Secretary-General 2\n  council_report: invites the Secretary-General 4\n  member_states: invites Member States\n  common_proposals: invites regional organizations 1\n  inter_regional: invites regional organizations 3\n";
    let (result, out, _dir) = wtsa_variant(|name, text| {
        if name == "conference.yaml" {
            text + clauses
        } else {
            text
        }
    });
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert_eq!(result.status.code(), Some(0), "{stderr}");
    assert!(!stderr.contains("no clause labels"), "{stderr}");
    let report = read(out.path(), "report-to-council.md");
    assert!(report.contains("Resolution 43 (Rev. New Delhi, 2024)"));
    assert!(report.contains("# 4 Regional preparatory meetings and their results (resolves to instruct the Director of TSB 1) {#rpms}"));
    assert!(report.contains("# 5 Informal meeting of the chairs and vice-chairs of the RPMs (resolves to instruct the Director of TSB 2) {#chairs}"));
    assert!(
        report.contains(
            "# 7 Reactions of Member States (invites the Secretary-General 4) {#reactions}"
        )
    );
    assert!(report.contains("(invites regional organizations 3)"));
    assert!(!report.contains("Rev. Dubai"));

    let (result, out, _dir) = wtsa_variant(|name, text| {
        if name == "conference.yaml" {
            text + "resolution_revision: Rev. Geneva, 2022\nresolution_clauses:\n  council_report: invites the Secretary-General 4\n"
        } else {
            text
        }
    });
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert!(stderr.contains("no clause labels for Rev. Geneva, 2022: the reports cite the clauses of Rev. Dubai, 2012 for rpms, chairs_meeting, consultations, assistance, member_states, common_proposals, inter_regional"), "{stderr}");
    assert!(read(out.path(), "report-to-council.md").contains("(invites the Secretary-General 4)"));

    let (result, _out, _dir) = wtsa_variant(|name, text| {
        if name == "conference.yaml" {
            text + "resolution_clauses:\n  council_reports: x\n"
        } else {
            text
        }
    });
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert_eq!(result.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("unknown clause \"council_reports\" for a wtsa cycle")
            && stderr.contains("did you mean `council_report`?"),
        "{stderr}"
    );
}

#[test]
fn the_synthesis_reviews_texts_in_numeric_order() {
    let out = build(&example("wtsa"));
    let md = read(out.path(), "synthesis.md");
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

/// The WTSA documents in French and Spanish: ITU terms, clause labels, Council cover, untitled
/// forum named for its region; the cycle's "WTSA-28" is written AMNT-28, with its article.
#[test]
fn the_wtsa_documents_in_french_and_spanish() {
    for (lang, expected) in [
        (
            "fr",
            [
                "**Conseil 2029, Geneva, 5–15 juin 2029**",
                "###### Document C29/45-F {.cover}",
                "**Source\u{a0}:** Secrétaire général",
                "Le Conseil est invité à prendre note du présent rapport.",
                "# 7 Réactions des États Membres (invite le Secrétaire général 3) {#reactions}",
                "| États arabes (ARB) | Forum des États arabes sur la réduction de l’écart en matière de normalisation |",
                "préparatifs régionaux de l’AMNT-28\u{a0}: les consultations",
            ],
        ),
        (
            "es",
            [
                "**Consejo 2029, Geneva, 5-15 de junio de 2029**",
                "###### Documento C29/45-S {.cover}",
                "Secretario General",
                "Se invita al Consejo a tomar nota del presente informe.",
                "# 7 Reacciones de los Estados Miembros (invita al Secretario General 3) {#reactions}",
                "| Estados Árabes (ARB) | Foro sobre la reducción de la disparidad en materia de normalización para los Estados Árabes |",
                "preparativos regionales para la AMNT-28: las consultas",
            ],
        ),
    ] {
        let (result, out, _dir) = wtsa_variant(|file, text| {
            if file == "conference.yaml" {
                text.replace("language: en", &format!("language: {lang}"))
            } else {
                text
            }
        });
        let stderr = String::from_utf8_lossy(&result.stderr);
        assert_eq!(result.status.code(), Some(0), "{stderr}");
        let report = read(out.path(), "report-to-council.md");
        for e in expected {
            assert!(report.contains(e), "{lang}: no {e:?} in {report}");
        }
        let synthesis = read(out.path(), "synthesis.md");
        assert!(synthesis.contains("**TSAG-TD100**"), "{synthesis}");
        // The outcomes' titles are English input; the reports' own words are not.
        for word in [
            "Regional initiatives",
            "initiatives régionales",
            "iniciativas regionales",
            "BDT",
            "Matters for the attention",
            "Days to",
            "l’WTSA",
            "l'WTSA",
            "WTSA-28",
            "des des",
            "los resultados de las de",
        ] {
            assert!(
                !synthesis.contains(word) && !report.contains(word),
                "{lang}: {word}"
            );
        }
        if lang == "fr" {
            assert!(!report.contains("la AMNT"), "{report}");
        }
    }
}

/// French writes the first of the month "1er" with "er" raised, in every format.
#[test]
fn the_first_of_the_month_is_superscript_in_french() {
    let (result, out, _dir) = wtsa_variant(|file, text| {
        if file == "conference.yaml" {
            text.replace("language: en", "language: fr")
                .replace("start: 2029-06-05", "start: 2029-06-01")
        } else {
            text
        }
    });
    assert_eq!(result.status.code(), Some(0));
    let md = read(out.path(), "report-to-council.md");
    assert!(md.contains("###### 1^er^ juin 2029 {.cover}"), "{md}");
    let html = read(out.path(), "report-to-council.html");
    assert!(html.contains("1<sup>er</sup>–15 juin 2029"), "{html}");
    let word = docx_part(
        &out.path().join("report-to-council.docx"),
        "word/document.xml",
    );
    assert!(
        word.contains(
            r#"<w:vertAlign w:val="superscript"/></w:rPr><w:t xml:space="preserve">er</w:t>"#
        ),
        "no superscript run"
    );
}
