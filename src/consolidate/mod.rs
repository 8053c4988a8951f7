//! Model → groups, variants, conflicts and timeline findings.

pub mod amendments;
mod classify;
pub mod edits;
mod findings;
mod group;
pub mod json;
pub mod normalize;
pub mod sets;
pub mod similarity;
pub mod timeline;

pub use classify::{Catalogue, classify};
pub use group::group;

use crate::model::{
    Consolidated, Cycle, Diagnostic, FindingKind, Proposal, SourcePos, TimelineStatus,
};
use rayon::prelude::*;
use similarity::{NearDuplicate, Similarity};

/// Consolidates a cycle with the default similarity measure ([`NearDuplicate::DEFAULT`]).
pub fn consolidate(cycle: Cycle) -> Consolidated {
    consolidate_with(cycle, &NearDuplicate::DEFAULT)
}

/// Classifies every proposal, groups them, and collects findings and timeline checks.
pub fn consolidate_with(mut cycle: Cycle, similarity: &dyn Similarity) -> Consolidated {
    let topics = cycle.topics.clone();
    let catalogue = Catalogue::new(&topics);
    let rpms = cycle.rpms.par_iter_mut().map(|r| &mut r.proposals);
    let parts = cycle.parts.par_iter_mut().map(|r| &mut r.proposals);
    rpms.chain(parts).for_each(|proposals| {
        proposals
            .par_iter_mut()
            .for_each(|p| classify(p, &catalogue))
    });
    let proposals: Vec<&Proposal> = cycle.proposals().collect();
    let (groups, mut findings) = findings::findings(&proposals, &catalogue, || {
        group(&proposals, &topics, similarity)
    });
    let by_id: rustc_hash::FxHashMap<String, &Proposal> =
        proposals.iter().map(|p| (p.qualified_id(), *p)).collect();
    let amendments = amendments::amendments(&groups, &by_id);
    findings.extend(findings::of_amendments(&amendments, &by_id));
    let timeline = timeline::check(&cycle);
    let mut diagnostics: Vec<Diagnostic> = findings
        .iter()
        .filter(|f| f.kind == FindingKind::Unclassified)
        .map(|f| {
            Diagnostic::warning(&f.sources[0], f.message.clone()).with_help(
                "add `topic=…` to the heading, or list its target or an alias in topics.yaml",
            )
        })
        .collect();
    diagnostics.extend(
        timeline
            .iter()
            .filter(|t| t.status == TimelineStatus::Warning)
            .map(|t| {
                // The first RPM the rule names, else the conference's dates.
                let file = t
                    .dates
                    .iter()
                    .find_map(|d| cycle.rpms.iter().find(|r| r.meeting.symbol == d.name))
                    .map_or("conference.yaml", |r| {
                        r.source.split(", ").next().unwrap_or(&r.source)
                    });
                Diagnostic::warning(
                    &SourcePos::new(file, 0, 0),
                    format!("timeline rule {}: {}", t.rule, t.message),
                )
            }),
    );
    Consolidated {
        cycle,
        groups,
        amendments,
        findings,
        timeline,
        diagnostics,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Action, GroupKind, Proposal, Region, SourcePos, Topic};
    use similarity::ExactText;

    fn p(
        region: Region,
        id: &str,
        action: Action,
        target: &str,
        title: &str,
        body: &str,
    ) -> Proposal {
        Proposal {
            region,
            id: id.into(),
            action,
            title: title.into(),
            body: body.into(),
            declared_target: None,
            declared_topic: None,
            number: None,
            target: Some(target.into()),
            topic: Some("t".into()),
            classified_via: String::new(),
            mark: None,
            heading: String::new(),
            source: SourcePos::new(&format!("rpm/{region}.md"), 10, 1),
            language: "en".into(),
        }
    }

    fn refs(ps: &[Proposal]) -> Vec<&Proposal> {
        ps.iter().collect()
    }

    fn topics() -> Vec<Topic> {
        vec![Topic {
            id: "t".into(),
            title: "T".into(),
            refs: vec!["res-1".into()],
            aliases: vec![],
        }]
    }

    #[test]
    fn same_texts_merge_different_texts_are_variants_and_new_texts_split() {
        use Action::*;
        use Region::*;
        let ps = vec![
            p(AFR, "A1", MOD, "res-1", "X", "Member States should act."),
            p(ARB, "B1", MOD, "res-1", "X", "member  states should act;"),
            p(EUR, "E1", MOD, "res-1", "X", "Something else entirely."),
            p(AFR, "A2", ADD, "new", "AI", "A new resolution on AI."),
            p(AMS, "M2", ADD, "new", "Water", "A new resolution on water."),
            p(
                ASP,
                "S2",
                ADD,
                "new",
                "Other title",
                "a new resolution on AI",
            ),
        ];
        let groups = group(&refs(&ps), &topics(), &ExactText);
        let kinds: Vec<(&str, GroupKind, Vec<&str>)> = groups
            .iter()
            .map(|g| {
                (
                    g.id.as_str(),
                    g.kind,
                    g.members.iter().map(String::as_str).collect(),
                )
            })
            .collect();
        assert_eq!(
            kinds,
            vec![
                (
                    "t/res-1/MOD",
                    GroupKind::Variant,
                    vec!["AFR/A1", "ARB/B1", "EUR/E1"]
                ),
                ("t/new/ADD", GroupKind::Common, vec!["AFR/A2", "ASP/S2"]),
                ("t/new/ADD/2", GroupKind::Single, vec!["AMS/M2"]),
            ]
        );
        assert_eq!(
            groups[0].clusters,
            vec![
                vec!["AFR/A1".to_string(), "ARB/B1".into()],
                vec!["EUR/E1".to_string()]
            ]
        );
        assert_eq!(groups[1].regions, vec![AFR, ASP]);
    }

    #[test]
    fn mod_and_sup_on_one_target_conflict_and_duplicates_in_a_file_are_found() {
        use Action::*;
        use Region::*;
        let ps = vec![
            p(ARB, "B1", MOD, "res-1", "X", "Keep and update."),
            p(EUR, "E1", SUP, "res-1", "X", "Suppress it."),
            p(EUR, "E2", MOD, "res-2", "Y", "Same text."),
            p(EUR, "E3", MOD, "res-2", "Y", "same text"),
        ];
        let topics = topics();
        let (_, found) = findings::findings(&refs(&ps), &Catalogue::new(&topics), || {
            group(&refs(&ps), &topics, &ExactText)
        });
        let conflict = found
            .iter()
            .find(|f| f.kind == FindingKind::Conflict)
            .unwrap();
        assert_eq!(conflict.members, vec!["ARB/B1", "EUR/E1"]);
        assert_eq!(
            conflict.message,
            "incompatible actions on res-1: ARB MOD, EUR SUP"
        );
        assert_eq!(conflict.sources[1].file_line(), "rpm/EUR.md:10");
        let duplicate = found
            .iter()
            .find(|f| f.kind == FindingKind::Duplicate)
            .unwrap();
        assert_eq!(duplicate.members, vec!["EUR/E2", "EUR/E3"]);
        assert!(
            found
                .iter()
                .any(|f| f.kind == FindingKind::UnknownTarget && f.members == ["EUR/E2"])
        );
    }

    #[test]
    fn near_duplicates_in_one_file_are_reported_and_new_texts_named_like_old_ones_conflict() {
        use Action::*;
        use Region::*;
        let mut ps = vec![
            p(
                EUR,
                "E1",
                MOD,
                "res-1",
                "X",
                "BDT should organise the programme.",
            ),
            p(
                EUR,
                "E2",
                MOD,
                "res-1",
                "X",
                "BDT should organize the program.",
            ),
            p(AFR, "A1", MOD, "res-1", "Bridging the divide", "Keep it."),
            p(ASP, "S1", ADD, "new", "Bridging the Divide", "A new text."),
        ];
        ps[3].target = Some("new".into());
        let topics = topics();
        let (_, found) = findings::findings(&refs(&ps), &Catalogue::new(&topics), || {
            group(&refs(&ps), &topics, &NearDuplicate::DEFAULT)
        });
        let kinds: Vec<(FindingKind, Vec<&str>)> = found
            .iter()
            .map(|f| (f.kind, f.members.iter().map(String::as_str).collect()))
            .collect();
        assert!(
            kinds.contains(&(FindingKind::Duplicate, vec!["EUR/E1", "EUR/E2"])),
            "{kinds:?}"
        );
        assert!(
            kinds.contains(&(FindingKind::Conflict, vec!["ASP/S1", "AFR/A1"])),
            "{kinds:?}"
        );
    }
}
