//! The bundled example cycle (`input/`) through the library and the binary: these tests need
//! nothing outside the repository.

mod common;

use common::*;
use rpmsynth::ingest::InputFiles;
use rpmsynth::model::GroupKind;
use rpmsynth::pipeline::{Format, build as build_in_memory};
use rpmsynth::render::Styles;
use rpmsynth::report::Templates;
use serde_json::Value;

fn expected() -> Value {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/input-expected.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn example_files() -> InputFiles {
    InputFiles::from_dir(&example_input()).expect("input/ reads")
}

/// The text of output file `name` of a build.
fn file_text(built: &rpmsynth::pipeline::Built, name: &str) -> String {
    let artifact = built
        .artifacts
        .iter()
        .find(|a| a.file_name == name)
        .unwrap_or_else(|| panic!("no {name}"));
    String::from_utf8(artifact.bytes.clone()).unwrap()
}

/// `files` built in memory with the default templates, every format.
fn built(files: &InputFiles) -> rpmsynth::pipeline::Built {
    build_in_memory(
        files,
        &Templates::defaults(),
        &Styles::default(),
        &Format::ALL,
        None,
    )
    .unwrap()
}

#[test]
fn blocks_and_exact_common_groups_match_the_labelled_expectation() {
    let built = built(&example_files());
    let groups = &built.consolidated.groups;
    let exp = expected();
    let mut exp_blocks: Vec<Vec<String>> = exp["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| {
            g["members"]
                .as_array()
                .unwrap()
                .iter()
                .map(|m| m.as_str().unwrap().to_string())
                .collect()
        })
        .collect();
    let mut got_blocks: Vec<Vec<String>> = groups.iter().map(|g| g.members.clone()).collect();
    exp_blocks.sort();
    got_blocks.sort();
    assert_eq!(got_blocks, exp_blocks);
    for g in exp["groups"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|g| g["identical_after_normalisation"] == true)
    {
        let first = g["members"][0].as_str().unwrap();
        let got = groups
            .iter()
            .find(|x| x.members.iter().any(|m| m == first))
            .unwrap();
        assert_eq!(
            got.kind,
            GroupKind::Common,
            "{first} should merge with {:?}",
            g["members"]
        );
    }
}

#[test]
fn classification_conflict_and_unclassified_follow_the_spec() {
    let built = built(&example_files());
    let c = &built.consolidated;
    let exp = expected();
    for (id, want) in exp["topic_inference"].as_object().unwrap() {
        let p = c
            .cycle
            .proposals()
            .find(|p| &p.qualified_id() == id)
            .unwrap();
        assert_eq!(p.target.as_deref(), want["target"].as_str(), "{id} target");
        assert_eq!(
            p.topic.as_deref(),
            want["topic"].as_str(),
            "{id} topic ({})",
            p.classified_via
        );
    }
    let conflicts: Vec<&Vec<String>> = c
        .findings
        .iter()
        .filter(|f| f.kind == rpmsynth::model::FindingKind::Conflict)
        .map(|f| &f.members)
        .collect();
    let want: Vec<Vec<String>> = serde_json::from_value(exp["conflicts"].clone()).unwrap();
    assert_eq!(conflicts, want.iter().collect::<Vec<_>>());
    let new_text = c
        .findings
        .iter()
        .find(|f| f.members[0] == "ASP/ACP-8")
        .unwrap();
    assert_eq!(
        new_text.message,
        "ASP/ACP-8 adds a new text \"Regional preparations for WTDC\" with the title of res-31 (EUR MOD)"
    );
    assert_eq!(new_text.sources[1].file_line(), "rpm/eur.md:106");
    // The bundled cycle builds without a warning: every proposal has a topic.
    assert!(built.diagnostics.is_empty(), "{:?}", built.diagnostics);
}

#[test]
fn a_proposal_without_a_topic_is_listed_under_other_proposals_with_a_warning() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/other-proposals");
    let (result, out) = build_with(&root, &["--format", "md,json"]);
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert_eq!(result.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains("warning: AMS/IAP-6 (\"IP address allocation and deployment of IPv6\")")
            && stderr.contains("rpm/ams.md:33:1\n"),
        "{stderr}"
    );
    let md = read(out.path(), "tdag-synthesis.md");
    let other = md
        .split("\n## Other proposals")
        .nth(1)
        .expect("an \"Other proposals\" section");
    let end = ["\n## ", "\n# "]
        .iter()
        .filter_map(|h| other.find(h))
        .min()
        .unwrap_or(other.len());
    let other = &other[..end];
    assert!(
        other.contains("IP address allocation and deployment of IPv6"),
        "{other}"
    );
    assert!(!other.contains("Telecommunication for rural and remote areas"));
    let json: Value = serde_json::from_str(&read(out.path(), "consolidated.json")).unwrap();
    let unclassified: Vec<&Value> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["kind"] == "unclassified")
        .collect();
    assert_eq!(unclassified.len(), 1);
    assert_eq!(unclassified[0]["members"][0], "AMS/IAP-6");
}

#[test]
fn an_absent_region_gets_a_no_rpm_held_row_and_totals_are_computed() {
    let mut files = example_files();
    files.files.remove("rpm/cis.md");
    let built = built(&files);
    let md = |name: &str| {
        String::from_utf8(
            built
                .artifacts
                .iter()
                .find(|a| a.file_name == name)
                .unwrap()
                .bytes
                .clone(),
        )
        .unwrap()
    };
    let synthesis = md("tdag-synthesis.md");
    assert!(synthesis.contains("| Commonwealth of Independent States (CIS) | No RPM held |"));
    let fellowships: u32 = built
        .consolidated
        .cycle
        .rpms
        .iter()
        .filter_map(|r| r.participation.ldc_fellowships)
        .sum();
    let implementation = md("wtdc-implementation.md");
    assert!(
        implementation.contains(&format!("| **Total** | **{fellowships}** |")),
        "LDC total {fellowships}"
    );
    assert!(
        implementation.contains("# Annex: Synthesis report"),
        "synthesis is the annex"
    );
    assert!(
        implementation.contains("## 1 Introduction {#synthesis-introduction}"),
        "synthesis demoted under the annex"
    );
    assert!(
        !implementation.contains(
            "Synthesis report on the outcomes of the regional preparatory meetings for WTDC-29 {"
        ),
        "without its cover page"
    );
}

#[test]
fn build_command_writes_every_format_with_real_content() {
    let out = build(&example_input());
    let html = read(out.path(), "tdag-synthesis.html");
    assert!(html.starts_with("<!DOCTYPE html>") && html.contains("<style>"));
    // A title and initials never break from the surname: no-break spaces in every format.
    let chair = "Ms\u{a0}A.\u{a0}Kouassi (Côte d'Ivoire)";
    assert!(html_row(&html, "<td>Africa (AFR)</td>").contains(chair));
    assert!(read(out.path(), "tdag-synthesis.md").contains(chair));
    let docx = docx_text(&out.path().join("tdag-synthesis.docx"));
    assert!(
        docx.lines()
            .any(|l| l.starts_with("Africa (AFR) |") && l.contains(chair))
    );
    let docx_file = std::fs::File::open(out.path().join("wtdc-implementation.docx")).unwrap();
    let mut archive = zip::ZipArchive::new(docx_file).unwrap();
    for i in 0..archive.len() {
        let entry = archive.by_index(i).unwrap();
        assert_eq!(
            entry.compression(),
            zip::CompressionMethod::Deflated,
            "entry {i} is compressed"
        );
        assert_eq!(
            entry.last_modified(),
            Some(zip::DateTime::default()),
            "entry {i} has the fixed 1980 time"
        );
    }
    let docx = docx_text(&out.path().join("wtdc-implementation.docx"));
    assert!(docx.contains("Assistance to least developed countries"));
    assert!(docx.contains("Annex: Synthesis report"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(out.path().join("consolidated.json"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o644, "outputs are ordinary readable files");
    }
    let json: Value = serde_json::from_str(&read(out.path(), "consolidated.json")).unwrap();
    assert_eq!(json["conference"]["name"], "WTDC-29");
    assert_eq!(json["rpms"].as_array().unwrap().len(), 6);
    assert!(
        json["proposals"][0]["source"]
            .as_str()
            .unwrap()
            .starts_with("rpm/afr.md:")
    );
}

#[test]
fn wtsa_profile_writes_the_wtsa_implementation_report() {
    let mut files = example_files();
    let conference = String::from_utf8(files.files["conference.yaml"].clone())
        .unwrap()
        .replace("profile: wtdc", "profile: wtsa")
        .replace("resolution_revision: Rev. Baku, 2025", "");
    files.insert("conference.yaml", conference);
    let built = built(&files);
    let names: Vec<&str> = built
        .artifacts
        .iter()
        .map(|a| a.file_name.as_str())
        .collect();
    assert!(
        names.contains(&"report-to-council.docx")
            && names.contains(&"synthesis.md")
            && !names.contains(&"wtdc-implementation.md")
            && !names.contains(&"tdag-synthesis.md"),
        "{names:?}"
    );
    let md = String::from_utf8(
        built
            .artifacts
            .iter()
            .find(|a| a.file_name == "report-to-council.md")
            .unwrap()
            .bytes
            .clone(),
    )
    .unwrap();
    assert!(
        md.contains("Resolution 43 (Rev. Dubai, 2012)")
            && md.contains("All six regions held an RPM.")
    );
}

#[test]
fn merged_and_close_texts_show_what_each_region_wrote_with_linked_sources() {
    let built = built(&example_files());
    let text = |name: &str| file_text(&built, name);
    let md = text("tdag-synthesis.md");
    // British and American spellings merged into one entry, the spellings listed.
    assert!(md.contains(
        "- Commonwealth of Independent States (RPM-CIS29, RCC-2): “organise” → “organize”; “prioritise” → “prioritize”"
    ));
    // Two sentences swapped: one entry, the move listed.
    assert!(md.contains(
        "- Asia-Pacific (RPM-ASP29, ACP-2): moved: “The Bureau should also keep a stock of deployable equipment …”"
    ));
    // One phrase replaced: variants, each text once, the difference under the second.
    assert!(md.contains("#### Variant B: Europe (EUR) {data-region=EUR}"));
    assert!(md.contains("Differs from variant A by: “each region” → “least developed countries”."));
    assert!(!md.contains("| Variant |"), "no summary table");
    // The words that differ are marked in the text itself, as revision marks by Europe.
    assert!(md.contains(
        "a collection of case studies from {~~each region~>least developed countries~~}."
    ));
    assert!(
        text("tdag-synthesis.html").contains(
            "case studies from <del>each region</del><ins>least developed countries</ins>."
        )
    );
    // Every source links to the proposal in its region's annex, in HTML and in the annexed
    // synthesis of the implementation report.
    let html = text("tdag-synthesis.html");
    assert!(html.contains(r##"<a href="#src-eur-ecp-9">RPM-EUR29, ECP-9</a>"##));
    assert!(!html.contains("rpm/eur.md"), "no file names in the text");
    // The annex heading the link lands on gives the mark, the id and the target.
    assert!(
        html.contains(r#"<h3 id="src-eur-ecp-9">MOD ECP-9 – Question 5/1: telecommunications/ICTs for rural and remote areas</h3>"#),
        "annex anchor"
    );
    let implementation = text("wtdc-implementation.html");
    assert!(implementation.contains(r##"href="#synthesis-src-eur-ecp-9""##));
    assert!(implementation.contains(r#"id="synthesis-src-eur-ecp-9""#));
    let json: Value = serde_json::from_str(&text("consolidated.json")).unwrap();
    let conflict = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["members"][0] == "ASP/ACP-8")
        .unwrap();
    assert_eq!(
        conflict["sources"],
        serde_json::json!(["rpm/asp.md:116", "rpm/eur.md:106"])
    );
}

#[test]
fn critic_markup_in_a_proposal_is_kept_in_markdown_and_tracked_in_word_and_html() {
    let out = build(&example_input());
    let md = read(out.path(), "tdag-synthesis.md");
    assert!(md.contains(
        "TDAG {~~before~>at least four weeks before~~} the conference{-- for consideration--};"
    ));
    let html = read(out.path(), "tdag-synthesis.html");
    assert!(html.contains("TDAG <del>before</del><ins>at least four weeks before</ins> the conference<del> for consideration</del>;"));
    let doc = docx_part(&out.path().join("tdag-synthesis.docx"), "word/document.xml");
    // Dated with the document (its issue date, documents.date), authored by the proposing region.
    assert!(doc.contains(
        r#"w:author="EUR" w:date="2029-06-18T00:00:00Z"><w:r><w:delText xml:space="preserve">before</w:delText>"#
    ));
    assert!(doc.contains(r#"w:author="EUR" w:date="2029-06-18T00:00:00Z"><w:r>"#));
    assert!(!doc.contains("{++") && !doc.contains('\u{E000}'));
}

/// Builds that stage into one folder at once, in one process (sharing one thread pool),
/// all finish, and the folder holds one complete, readable set.
#[test]
fn concurrent_staged_builds_in_one_process_take_turns_without_blocking_each_other() {
    let input = example_files();
    let templates = Templates::defaults();
    let out = tempfile::tempdir().unwrap();
    std::thread::scope(|scope| {
        for _ in 0..4 {
            scope.spawn(|| {
                let staging = rpmsynth::output::Staging::new(out.path());
                rpmsynth::pipeline::build_into(
                    &input,
                    &templates,
                    &Styles::default(),
                    &Format::ALL,
                    None,
                    &staging,
                )
                .expect("builds");
                staging.commit().unwrap();
            });
        }
    });
    let names: Vec<String> = std::fs::read_dir(out.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with('.'))
        .collect();
    assert_eq!(names.len(), 7, "{names:?}");
    let md = std::fs::read_to_string(out.path().join("tdag-synthesis.md")).unwrap();
    assert!(
        md.contains("# 4 Proposals by topic"),
        "a complete synthesis"
    );
}

/// A proposal with an ITU number (`number=`) is cited by it in the reports and carries it in
/// `consolidated.json`; the others are cited by their RPM's document and id.
#[test]
fn proposals_are_cited_by_their_itu_number_else_by_rpm_document_and_id() {
    let mut files = example_files();
    let afr = String::from_utf8(files.files["rpm/afr.md"].clone())
        .unwrap()
        .replace(
            "{#AFCP-1 action=MOD",
            "{#AFCP-1 number=AFCP/42/1 action=MOD",
        );
    files.insert("rpm/afr.md", afr);
    let built = built(&files);
    let text = |name: &str| file_text(&built, name);
    let md = text("tdag-synthesis.md");
    assert!(md.contains("[AFCP/42/1](#src-afr-afcp-1)"), "{md}");
    assert!(md.contains("[RPM-EUR29, ECP-9](#src-eur-ecp-9)"));
    assert!(!md.contains("AFR/AFCP-1") && !md.contains("rpm/afr.md"));
    let json: Value = serde_json::from_str(&text("consolidated.json")).unwrap();
    let proposal = |id: &str| {
        json["proposals"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["id"] == id)
            .unwrap()
            .clone()
    };
    assert_eq!(proposal("AFR/AFCP-1")["number"], "AFCP/42/1");
    assert_eq!(proposal("AFR/AFCP-1")["source"], "rpm/afr.md:69");
    assert_eq!(proposal("AFR/AFCP-2")["number"], Value::Null);
}

/// Both covers are ITU document covers: the meeting line, the symbol with its language
/// suffix, the issue date, Summary, Action required, References and the contact; the annexes
/// are numbered, their headings never jump a level, and their proposal and initiative
/// headings are those the body links to.
#[test]
fn covers_and_annexes_follow_the_itu_document_form() {
    let built = built(&example_files());
    let text = |name: &str| file_text(&built, name);
    let md = text("tdag-synthesis.md");
    let cover = &md[..md.find("# Contents").unwrap()];
    assert!(cover.starts_with(
        "**Telecommunication Development Advisory Group (TDAG), 36th meeting, Geneva, 17–20 July 2029**"
    ));
    for line in [
        "###### Document TDAG-29/9-E {.cover}",
        "###### 18 June 2029 {.cover}",
        "###### Original: English {.cover}",
        "**Summary:**",
        "**Action required:**\n\nTDAG-29 is invited to consider and adopt this synthesis report",
        "**References:**\n\n- Resolution 31 (Rev. Baku, 2025) of the World Telecommunication Development Conference\n- RPM-AFR29: report of the Regional Preparatory Meeting for Africa",
        "**Contact:** Ms A. Mensah, Programme Officer, Telecommunication Development Bureau – Tel.: +41 22 730 5000 – E-mail: rpm-wtdc@itu.int",
    ] {
        assert!(cover.contains(line), "cover lacks {line:?}:\n{cover}");
    }
    let implementation = text("wtdc-implementation.md");
    assert!(
        implementation
            .contains("###### Document WTDC-29/17-E {.cover}\n\n###### 24 September 2029 {.cover}")
    );
    assert!(implementation.contains("WTDC-29 is invited to take note of this report."));
    // Annexes numbered in region order; no heading more than one level below the previous.
    assert!(
        md.contains(
            "# Annex 1: Outcome of the Regional Preparatory Meeting for Africa (RPM-AFR29)"
        )
    );
    assert!(
        md.contains(
            "# Annex 6: Outcome of the Regional Preparatory Meeting for Europe (RPM-EUR29)"
        )
    );
    let mut previous = 0;
    for line in md.lines().filter(|l| l.starts_with('#')) {
        let level = line.chars().take_while(|c| *c == '#').count();
        if level == 6 {
            continue; // the cover lines
        }
        assert!(level <= previous + 1, "heading level jumps at {line:?}");
        previous = level;
    }
    let annex = &md[md.find("# Annex 1:").unwrap()..];
    assert!(annex.contains("### MOD AFCP-1 – Resolution 37: Universal and meaningful connectivity {#src-afr-afcp-1}"), "{annex}");
}

/// The implementation report says what the advisory group did with the synthesis, once, from
/// the cycle's data; prints the RPM participation table once (in the annexed synthesis); and
/// ends with the action asked of the conference before the annex.
#[test]
fn the_implementation_report_reports_what_happened() {
    let adopted = built(&example_files());
    let md = |built: &rpmsynth::pipeline::Built| file_text(built, "wtdc-implementation.md");
    let text = md(&adopted);
    assert!(text.contains(
        "The synthesis report of the RPMs (Document TDAG-29/9) was submitted to TDAG-29 (17–20 July 2029), the last TDAG meeting before WTDC-29. TDAG-29 adopted it on 19 July 2029."
    ));
    assert!(text.contains("(Document TDAG-29/9) as adopted by TDAG-29 on 19 July 2029"));
    assert!(
        !text.contains("nce adopted"),
        "adoption said once, in section 5 and the annex title"
    );
    assert_eq!(
        text.matches("| Member States |").count(),
        1,
        "one participation table"
    );
    let action = text.find("# 7 Action required").unwrap();
    assert!(action < text.find("# Annex: Synthesis report").unwrap());
    assert!(text[action..].contains("WTDC-29 is invited to take note of this report."));
    // Not yet adopted: the report says so, and the annex is the synthesis as submitted.
    let mut files = example_files();
    let conference = String::from_utf8(files.files["conference.yaml"].clone())
        .unwrap()
        .replace("  adopted: 2029-07-19\n", "");
    files.insert("conference.yaml", conference);
    let text = md(&built(&files));
    assert!(text.contains("Its adoption by TDAG-29 is not yet recorded."));
    assert!(text.contains("(Document TDAG-29/9) as submitted to TDAG-29, without its cover page."));
}

/// The proposals section of the bundled CIS outcome, headed in ITU's form as the Word
/// importer writes them, in a part of the region's outcome (no `meeting:`).
fn cis_addendum() -> String {
    let cis = String::from_utf8(example_files().files["rpm/cis.md"].clone()).unwrap();
    let rcc1 = cis
        .split("## Implementation of regional initiatives {#RCC-1")
        .nth(1)
        .and_then(|rest| rest.split_once("}\n"))
        .map(|(_, text)| text.split("\n## ").next().unwrap().trim().to_string())
        .unwrap();
    format!(
        "---\nregion: CIS\ndocument: Addendum 1 to Document WTDC-29/19\nsource: ITU Member States, members of the RCC\n---\n\n# Proposals\n\n## MOD RCC/19A1/1 RESOLUTION 17 (REV. BAKU, 2025) – Implementation of regional initiatives\n\n{rcc1}\n\n## SUP* RCC/19A1/2 RESOLUTION 50 (Rev. Baku, 2025)\n\n**Reasons:** Its purposes are covered by Resolution 37.\n\n## ADD RCC/19A1/3 DRAFT NEW RESOLUTION [RCC-1]\n\nThe conference resolves to study the economics of satellite broadband in landlocked countries.\n"
    )
}

/// A region whose outcome comes only as a part (an addendum, no file with `meeting:`) holds
/// no RPM in the tables, with a warning naming the file; its proposals, headed in ITU's form,
/// are consolidated with the other regions' and cited by number, and its annex reproduces
/// them under a title that says no RPM outcome was received.
#[test]
fn a_region_that_gives_only_parts_holds_no_rpm_and_its_itu_proposals_are_consolidated() {
    let mut files = example_files();
    files.files.remove("rpm/cis.md");
    files.insert("rpm/cis-addendum-1.md", cis_addendum());
    let built = built(&files);
    let c = &built.consolidated;
    assert!(c.cycle.rpm(rpmsynth::model::Region::CIS).is_none());
    let parts = c.cycle.parts(rpmsynth::model::Region::CIS).unwrap();
    // id | mark | number | target | title
    let got: Vec<String> = parts
        .proposals
        .iter()
        .map(|p| {
            format!(
                "{} | {} | {} | {} | {}",
                p.qualified_id(),
                p.mark(),
                p.number.as_deref().unwrap_or("-"),
                p.target.as_deref().unwrap_or("-"),
                p.title
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            "CIS/RCC/19A1/1 | MOD | RCC/19A1/1 | res-17 | Implementation of regional initiatives",
            "CIS/RCC/19A1/2 | SUP* | RCC/19A1/2 | res-50 | ",
            "CIS/RCC/19A1/3 | ADD | RCC/19A1/3 | new | DRAFT NEW RESOLUTION [RCC-1]",
        ]
    );
    let warning = built
        .diagnostics
        .iter()
        .find(|d| d.message.contains("region CIS gives parts of its outcome"))
        .expect("a warning for the region without an RPM outcome");
    assert_eq!(
        (warning.file.as_str(), warning.line),
        ("rpm/cis-addendum-1.md", 2)
    );
    // The same text as the Americas' and the Arab States': one common proposal, as before.
    let group = c
        .groups
        .iter()
        .find(|g| g.members.iter().any(|m| m == "AMS/IAP-1"))
        .unwrap();
    assert_eq!(group.members, ["AMS/IAP-1", "ARB/ARB-1", "CIS/RCC/19A1/1"]);
    assert_eq!(group.kind, GroupKind::Common);
    let md = file_text(&built, "tdag-synthesis.md");
    assert!(md.contains("| Commonwealth of Independent States (CIS) | No RPM held |"));
    assert!(
        md.contains("[RCC/19A1/1](#src-cis-rcc-19a1-1)"),
        "cited by number"
    );
    assert!(md.contains("### SUP Resolution 50 {#group-"), "{md}");
    let annex = md
        .split("# Annex 5: Proposals of the Commonwealth of Independent States region (CIS) {#annex-rpm-cis data-region=CIS}")
        .nth(1)
        .expect("the parts' annex, numbered in region order")
        .split("\n---\n")
        .next()
        .unwrap();
    assert!(annex.contains("No RPM outcome was received from this region."));
    assert!(
        annex.contains(
            "## Addendum 1 to Document WTDC-29/19 (ITU Member States, members of the RCC)"
        )
    );
    for heading in [
        "### MOD RCC/19A1/1 – Resolution 17: Implementation of regional initiatives {#src-cis-rcc-19a1-1}",
        "### SUP* RCC/19A1/2 – Resolution 50 {#src-cis-rcc-19a1-2}",
        "### ADD RCC/19A1/3 – DRAFT NEW RESOLUTION [RCC-1] {#src-cis-rcc-19a1-3}",
    ] {
        assert!(annex.contains(heading), "{heading} in {annex}");
    }
    let json: Value = serde_json::from_str(&file_text(&built, "consolidated.json")).unwrap();
    assert_eq!(json["parts"][0]["region"], "CIS");
    assert_eq!(
        json["parts"][0]["documents"][0],
        "Addendum 1 to Document WTDC-29/19"
    );
    let sup = json["proposals"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == "CIS/RCC/19A1/2")
        .unwrap();
    assert_eq!(
        (&sup["mark"], &sup["action"]),
        (&Value::from("SUP*"), &Value::from("SUP"))
    );
}

/// A part of a region that held its RPM (a common-proposal package) joins the RPM after the
/// RPM's own file, whatever the files' names: its proposals are the RPM's, in its annex.
#[test]
fn a_part_joins_its_regions_rpm_after_the_rpms_own_outcome() {
    let mut files = example_files();
    let afr_count = built(&files)
        .consolidated
        .cycle
        .rpm(rpmsynth::model::Region::AFR)
        .unwrap()
        .proposals
        .len();
    files.insert(
        "rpm/afr-common-proposals.md",
        "---\nregion: AFR\n---\n\n# Proposals\n\n## (MOD) AFCP/29A1/1 RESOLUTION 37 (Rev. Baku, 2025): Connectivity for schools\n\nResolution 37 should connect every school by 2030.\n\n## NOC QUESTION 1/1\n\n**Reasons:** The Question serves the region well.\n",
    );
    let built = built(&files);
    let afr = built
        .consolidated
        .cycle
        .rpm(rpmsynth::model::Region::AFR)
        .unwrap();
    assert_eq!(afr.source, "rpm/afr.md, rpm/afr-common-proposals.md");
    let last: Vec<(&str, &str, Option<&str>)> = afr.proposals[afr_count..]
        .iter()
        .map(|p| (p.id.as_str(), p.mark(), p.target.as_deref()))
        .collect();
    let positional = format!("AFR-P{}", afr_count + 2);
    assert_eq!(
        last,
        [
            ("AFCP/29A1/1", "(MOD)", Some("res-37")),
            (positional.as_str(), "NOC", Some("q-1/1"))
        ]
    );
    let md = file_text(&built, "tdag-synthesis.md");
    let annex = md
        .split("# Annex 1: Outcome of the Regional Preparatory Meeting for Africa (RPM-AFR29)")
        .nth(1)
        .unwrap()
        .split("\n---\n")
        .next()
        .unwrap();
    let own = annex.find("{#src-afr-afcp-1}").unwrap();
    let joined = annex
        .find("### (MOD) AFCP/29A1/1 – Resolution 37: Connectivity for schools {#src-afr-afcp-29a1-1}")
        .expect("the part's proposal in the region's annex");
    assert!(own < joined);
    assert!(annex.contains(&format!(
        "### NOC {positional} – Question 1/1 {{#src-afr-{}}}",
        positional.to_lowercase()
    )));
}

/// A count an outcome does not give is "–", not 0, and is left out of consolidated.json; a
/// column that no RPM fills (here: Sector Members) is left out of the table.
#[test]
fn a_count_not_given_is_a_dash_and_a_column_no_rpm_fills_is_left_out() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("input");
    common::copy_example(&input);
    for entry in std::fs::read_dir(input.join("rpm")).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let mut kept: Vec<&str> = text
            .lines()
            .filter(|l| !l.trim_start().starts_with("sector_members:"))
            .collect();
        if path.ends_with("afr.md") {
            kept.retain(|l| !l.trim_start().starts_with("participants:"));
        }
        std::fs::write(&path, kept.join("\n") + "\n").unwrap();
    }
    let (result, out) = common::build_with(&input, &[]);
    assert_eq!(
        result.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&result.stderr)
    );
    let md = common::read(out.path(), "tdag-synthesis.md");
    assert!(
        md.contains("| Member States | Participants |"),
        "no Sector Members column"
    );
    assert!(!md.contains("Sector Members |"));
    let africa = md
        .lines()
        .find(|l| l.starts_with("| Africa (AFR) | 5–7 June 2029"))
        .unwrap_or_else(|| panic!("{md}"));
    assert!(africa.ends_with("| – |"), "{africa}");
    let json: serde_json::Value =
        serde_json::from_str(&common::read(out.path(), "consolidated.json")).unwrap();
    let afr = json["rpms"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["region"] == "AFR")
        .unwrap();
    assert!(afr["participation"].get("participants").is_none(), "{afr}");
    assert!(
        afr["participation"].get("sector_members").is_none(),
        "{afr}"
    );
    assert!(afr["participation"]["member_states"].is_number());
}
