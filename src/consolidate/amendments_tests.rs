//! Constructed amendments: shared and different changes, overlaps, changes that are none,
//! another version of the text, changes across list items and table cells.

use super::*;
use crate::model::{GroupKind, SourcePos};

const BASE: &str = "*resolves to instruct the Director of BDT*\n\n\
1 to encourage Member States to establish, where appropriate, CIRTs and to cooperate with one another;\n\n\
2 to assist Member States in building capacity for cybersecurity.";

fn proposal(region: Region, id: &str, body: &str) -> Proposal {
    Proposal {
        region,
        id: id.into(),
        action: Action::MOD,
        title: "Resolution 45".into(),
        body: body.into(),
        declared_target: None,
        declared_topic: None,
        number: None,
        target: Some("res-45".into()),
        topic: Some("cybersecurity".into()),
        classified_via: String::new(),
        mark: None,
        heading: String::new(),
        source: SourcePos::new(&format!("rpm/{}.md", region.code()), 10, 1),
        language: "en".into(),
    }
}

fn group(members: &[&Proposal]) -> Group {
    Group {
        id: "cybersecurity/res-45/MOD".into(),
        topic: Some("cybersecurity".into()),
        target: Some("res-45".into()),
        action: Action::MOD,
        members: members.iter().map(|p| p.qualified_id()).collect(),
        regions: members.iter().map(|p| p.region).collect(),
        kind: GroupKind::Variant,
        clusters: Vec::new(),
    }
}

fn aligned(ps: &[Proposal]) -> Amendment {
    let refs: Vec<&Proposal> = ps.iter().collect();
    align(&group(&refs), &refs).expect("two proposals with changes")
}

/// `(delete, insert, regions)` of each change.
fn summary(a: &Amendment) -> Vec<(String, String, String)> {
    a.changes
        .iter()
        .map(|c| (c.delete.clone(), c.insert.clone(), codes(&c.regions)))
        .collect()
}

fn t(a: &str, b: &str, c: &str) -> (String, String, String) {
    (a.into(), b.into(), c.into())
}

/// The four regions on Resolution 45.
fn four() -> Vec<Proposal> {
    use Region::*;
    vec![
        proposal(
            AFR,
            "AFR-P1",
            &BASE.replace(
                "establish, where appropriate, CIRTs",
                "establish{--, where appropriate--}, {++national ++}CIRTs{++ and regional CIRTs++}",
            ),
        ),
        proposal(
            ARB,
            "ARB-01",
            &BASE.replace("appropriate, CIRTs", "appropriate, {++national ++}CIRTs"),
        ),
        proposal(
            CIS,
            "RCC-1",
            &BASE.replace("to encourage Member", "to {~~encourage~>urge~~} Member"),
        ),
        proposal(
            EUR,
            "ECP-2",
            // The same deletion as AFR's, typed with other spacing and case.
            &BASE.replace(
                "establish, where appropriate,",
                "establish{--, Where  appropriate--},",
            ),
        ),
    ]
}

#[test]
fn the_same_insertion_or_deletion_by_two_regions_is_one_change_listed_with_both() {
    let a = aligned(&four());
    assert_eq!(
        summary(&a),
        vec![
            t("encourage", "urge", "CIS"),
            t(", where appropriate", "", "AFR, EUR"),
            t("", "national ", "AFR, ARB"),
            t("", " and regional CIRTs", "AFR"),
        ]
    );
    assert_eq!(
        a.members,
        ["AFR/AFR-P1", "ARB/ARB-01", "CIS/RCC-1", "EUR/ECP-2"]
    );
    assert!(a.base_differs.is_empty() && a.overlaps.is_empty());
    assert_eq!(a.changes[2].members, ["AFR/AFR-P1", "ARB/ARB-01"]);
    assert_eq!(
        a.changes[2].context,
        "…Member States to establish, where appropriate, ⟨here⟩CIRTs and to cooperate with one…"
    );
    assert!(!a.changes.iter().any(|c| c.common));
    // Every change's range is where it is in the base shown.
    assert_eq!(&a.base[a.changes[0].range.clone()], "encourage");
    assert_eq!(&a.base[a.changes[2].range.clone()], "");
    assert_eq!(&a.base[a.changes[2].range.end..][..5], "CIRTs");
}

#[test]
fn different_insertions_at_one_place_overlap() {
    use Region::*;
    let a = aligned(&[
        proposal(AFR, "A", &BASE.replace(" CIRTs", " {++national ++}CIRTs")),
        proposal(ASP, "S", &BASE.replace(" CIRTs", " {++sectoral ++}CIRTs")),
    ]);
    assert_eq!(a.changes.len(), 2);
    assert_eq!(a.overlaps.len(), 1);
    assert_eq!(a.overlaps[0].changes, [0, 1]);
    assert_eq!(
        a.overlaps[0].message,
        "changes 1 and 2 touch the same words: AFR inserts “national”; ASP inserts “sectoral”"
    );
}

#[test]
fn a_deletion_overlapping_another_regions_replacement_is_an_overlap() {
    use Region::*;
    let a = aligned(&[
        proposal(
            AFR,
            "A",
            &BASE.replace("to encourage Member", "to {--encourage --}Member"),
        ),
        proposal(
            CIS,
            "C",
            &BASE.replace("to encourage Member", "to {~~encourage~>urge~~} Member"),
        ),
        proposal(
            EUR,
            "E",
            &BASE.replace("one another", "{~~one another~>each other~~}"),
        ),
    ]);
    assert_eq!(
        summary(&a),
        vec![
            t("encourage ", "", "AFR"),
            t("encourage", "urge", "CIS"),
            t("one another", "each other", "EUR"),
        ]
    );
    assert_eq!(a.overlaps.len(), 1);
    assert_eq!(a.overlaps[0].changes, [0, 1]);
    assert!(
        a.overlaps[0]
            .message
            .contains("AFR deletes “encourage”; CIS replaces “encourage” with “urge”")
    );
}

#[test]
fn changes_of_spacing_case_or_quotes_are_no_change() {
    use Region::*;
    let quoted = "BDT should publish the \"Global Cybersecurity Index\" every two years.";
    let typographic = "BDT should publish the {~~\"Global Cybersecurity Index\"~>“Global cybersecurity index”~~} every two years.";
    assert!(read(typographic).expect("marked").changes.is_empty());
    assert!(
        read("BDT{++ ++} should act.")
            .expect("marked")
            .changes
            .is_empty()
    );
    // Two proposals that make the same change, one typing it with other quotes and spacing.
    let a = aligned(&[
        proposal(
            AFR,
            "A",
            &format!("{quoted} {{++It should also train “national” staff.++}}"),
        ),
        proposal(
            ARB,
            "B",
            &format!(
                "{}  {{++It should also train \"National\"  staff.++}}",
                quoted.replace('"', "“")
            ),
        ),
    ]);
    assert_eq!(
        summary(&a),
        vec![t("", "It should also train “national” staff.", "AFR, ARB")]
    );
    assert!(a.changes[0].common);
    assert!(a.base_differs.is_empty());
}

#[test]
fn a_region_amending_another_version_is_named_and_not_aligned() {
    use Region::*;
    let older = BASE.replace("in building capacity for", "with");
    let ps = [
        proposal(AFR, "A", &BASE.replace(" CIRTs", " {++national ++}CIRTs")),
        proposal(ASP, "S", &older.replace(" CIRTs", " {++national ++}CIRTs")),
        proposal(EUR, "E", &BASE.replace(" CIRTs", " {++national ++}CIRTs")),
    ];
    let a = aligned(&ps);
    assert_eq!(a.members, ["AFR/A", "EUR/E"]);
    assert_eq!(a.base_differs, ["ASP/S"]);
    assert_eq!(summary(&a), vec![t("", "national ", "AFR, EUR")]);
    assert!(a.changes[0].common);
}

#[test]
fn changes_across_list_items_and_in_a_table_cell() {
    use Region::*;
    let base =
        "- first item;\n- second item;\n\n| Body | Role |\n|---|---|\n| BDT | coordinates |\n";
    let afr = "- first item;{++\n- a new item;++}\n- second item;\n\n| Body | Role |\n|---|---|\n| BDT | {~~coordinates~>leads~~} |\n";
    let eur = "- first item{--;\n- second item--};\n\n| Body | Role |\n|---|---|\n| BDT | {~~coordinates~>leads~~} |\n";
    let a = aligned(&[proposal(AFR, "A", afr), proposal(EUR, "E", eur)]);
    assert_eq!(read(afr).unwrap().base, base);
    assert_eq!(
        summary(&a),
        vec![
            t("", "\n- a new item;", "AFR"),
            t(";\n- second item", "", "EUR"),
            t("coordinates", "leads", "AFR, EUR"),
        ]
    );
    assert!(a.changes[2].common);
    // AFR's new item goes where EUR's deletion starts: both can be made, no overlap.
    assert!(a.overlaps.is_empty());
}

#[test]
fn a_deletion_next_to_an_insertion_is_one_replacement_and_partial_words_widen() {
    let (base, changes) =
        parse("keep {--old--}{++new++} and {++new++}{--old--} CIRT{++s++}").unwrap();
    assert_eq!(base, "keep old and old CIRT");
    assert_eq!(
        changes,
        vec![
            Typed {
                range: 5..8,
                insert: "new".into()
            },
            Typed {
                range: 13..16,
                insert: "new".into()
            },
            Typed {
                range: 21..21,
                insert: "s".into()
            },
        ]
    );
    let m = read("keep {--old--}{++new++} and {++new++}{--old--} CIRT{++s++}").unwrap();
    assert_eq!(
        m.changes[2].0,
        Key {
            start: 4,
            end: 5,
            insert: "cirts".into()
        }
    );
    assert!(read("no changes here").is_none());
}

#[test]
fn six_regions_on_a_long_text_align_quickly() {
    // About 20 pages: 400 paragraphs of 25 words; each region changes every 20th paragraph.
    let paragraph = |i: usize| {
        format!(
            "{i} Member States are invited to take part in the work of the study groups and to share their experience with the Bureau, paragraph {i}."
        )
    };
    let base: Vec<String> = (0..400).map(paragraph).collect();
    let ps: Vec<Proposal> = Region::ALL
        .iter()
        .enumerate()
        .map(|(r, region)| {
            let text: Vec<String> = base
                .iter()
                .enumerate()
                .map(|(i, p)| match (i + r) % 20 {
                    0 => p.replace("invited", "{~~invited~>urged~~}"),
                    7 => p.replace("share", "{++regularly ++}share"),
                    13 => p.replace(" and to share", "{-- and to share--}"),
                    _ => p.clone(),
                })
                .collect();
            proposal(*region, &format!("P{r}"), &text.join("\n\n"))
        })
        .collect();
    let start = std::time::Instant::now();
    let a = aligned(&ps);
    let took = start.elapsed();
    assert_eq!(a.members.len(), 6);
    // Each region makes 60 changes, on paragraphs no other region changes in the same way.
    assert_eq!(a.changes.len(), 360);
    assert!(took.as_millis() < 500, "{took:?}");
}

#[test]
fn each_regions_own_reasons_are_not_part_of_the_amended_text() {
    use Region::*;
    let amended = BASE.replace(" CIRTs", " {++national ++}CIRTs");
    let a = aligned(&[
        proposal(
            AFR,
            "A",
            &format!("{amended}\n\n**Reasons:** Africa's reasons."),
        ),
        proposal(
            ARB,
            "B",
            &format!("{amended}\n\n**Reasons:** The Arab States' own."),
        ),
    ]);
    assert_eq!(summary(&a), vec![t("", "national ", "AFR, ARB")]);
    assert!(a.base_differs.is_empty());
}
