//! The matters for the advisory group's decision and the convergence matrix as the templates
//! read them: conflicts, groups of variants and unknown targets as sentences with links to
//! their entries, and what each region proposed on each topic.

use super::group::{GroupHead, Lookup};
use super::topic::TopicView;
use crate::messages::Catalogue;
use crate::model::{Consolidated, FindingKind, Proposal, Region};
use crate::report::labels::{join_with, target_long, target_short};
use serde::Serialize;
use std::collections::HashMap;

/// A topic × region row of the convergence matrix.
#[derive(Debug, Serialize)]
pub struct MatrixRow {
    pub topic: String,
    pub anchor: String,
    pub cells: Vec<String>,
}

/// A matter for the advisory group's decision: a full sentence in the report language, and
/// the entries of section 4 it concerns.
#[derive(Debug, Serialize)]
pub struct MatterView {
    /// `conflict`, `variants` or `unknown_target`.
    pub kind: &'static str,
    pub text: String,
    pub entries: Vec<EntryRef>,
}

/// A link to an entry of the proposals by topic: "MOD Resolution 45".
#[derive(Debug, Serialize, Clone)]
pub struct EntryRef {
    pub label: String,
    pub anchor: String,
}

pub(super) fn matrix(topics: &[TopicView], cat: &Catalogue) -> Vec<MatrixRow> {
    topics
        .iter()
        .map(|t| MatrixRow {
            topic: t.title.clone(),
            anchor: t.anchor.clone(),
            cells: Region::ALL
                .iter()
                .map(|r| {
                    let marks: Vec<String> = t
                        .groups
                        .heads()
                        .filter(|g| g.region_codes.contains(&r.code()))
                        .map(|g| {
                            format!(
                                "{} {}",
                                g.action,
                                target_short(
                                    Some(g.target.as_str()).filter(|s| !s.is_empty()),
                                    cat
                                )
                            )
                        })
                        .collect();
                    marks.join("; ")
                })
                .collect(),
        })
        .collect()
}

/// The matters for decision: conflicts, then groups of variants, then proposals on texts
/// outside the catalogue. Proposals without a topic and duplicates are warnings of the
/// build, not matters for the advisory group.
pub(super) fn matters<'g, 'a: 'g>(
    c: &Consolidated,
    groups: impl Iterator<Item = &'g GroupHead<'a>>,
    lookup: &Lookup,
) -> Vec<MatterView> {
    let cat = lookup.cat;
    let groups: Vec<&GroupHead> = groups.collect();
    let group_of: HashMap<&str, &GroupHead> = groups
        .iter()
        .flat_map(|g| g.group.members.iter().map(move |m| (m.as_str(), *g)))
        .collect();
    let entry_of = |member: &str| -> Option<EntryRef> {
        group_of.get(member).map(|g| EntryRef {
            label: format!("{} {}", g.action, g.target_label),
            anchor: g.anchor.clone(),
        })
    };
    let entries_of = |members: &[String]| -> Vec<EntryRef> {
        let mut entries: Vec<EntryRef> = Vec::new();
        for e in members.iter().filter_map(|m| entry_of(m)) {
            if !entries.iter().any(|x| x.anchor == e.anchor) {
                entries.push(e);
            }
        }
        entries
    };
    let proposal = |id: &str| lookup.by_id.get(id).copied();
    let region_of = |p: &Proposal| format!("{} ({})", p.region.name(cat), p.region.code());
    let mut matters = Vec::new();
    for f in c
        .findings
        .iter()
        .filter(|f| f.kind == FindingKind::Conflict)
    {
        let target = target_long(f.target.as_deref(), cat);
        let members: Vec<&Proposal> = f.members.iter().filter_map(|m| proposal(m)).collect();
        let text = if f.key == "finding_new_like_existing" {
            let Some(new) = members.first() else { continue };
            cat.text(
                "matter_new_like_existing",
                &[target, region_of(new), new.title.clone()],
            )
        } else {
            let parts: Vec<String> = members
                .iter()
                .map(|p| {
                    cat.text(
                        "matter_conflict_part",
                        &[
                            cat.text(&format!("action_noun.{}", p.action), &[]),
                            region_of(p),
                        ],
                    )
                })
                .collect();
            cat.text(
                "matter_conflict",
                &[target, parts.join(&cat.text("separator", &[]))],
            )
        };
        matters.push(MatterView {
            kind: "conflict",
            text,
            entries: entries_of(&f.members),
        });
    }
    for g in groups.iter().filter(|g| g.is_variant()) {
        let regions: Vec<String> = g
            .group
            .regions
            .iter()
            .map(|r| format!("{} ({})", r.name(cat), r.code()))
            .collect();
        let labels: Vec<String> = (0..g.group.clusters.len())
            .map(|n| char::from(b'A' + (n % 26) as u8).to_string())
            .collect();
        matters.push(MatterView {
            kind: "variants",
            text: cat.text(
                "matter_variants",
                &[
                    format!("{} {}", g.action, g.target_label),
                    join_with(&regions, &cat.and),
                    join_with(&labels, &cat.and),
                ],
            ),
            entries: vec![EntryRef {
                label: format!("{} {}", g.action, g.target_label),
                anchor: g.anchor.clone(),
            }],
        });
    }
    for f in c
        .findings
        .iter()
        .filter(|f| f.kind == FindingKind::UnknownTarget)
    {
        let Some(p) = f.members.first().and_then(|m| proposal(m)) else {
            continue;
        };
        matters.push(MatterView {
            kind: "unknown_target",
            text: cat.text(
                "matter_unknown_target",
                &[
                    target_long(f.target.as_deref(), cat),
                    region_of(p),
                    lookup.cycle.citation(p),
                ],
            ),
            entries: entries_of(&f.members),
        });
    }
    matters
}
