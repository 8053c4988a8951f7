//! The matters for the advisory group's decision and the convergence matrix as the templates
//! read them: conflicts, groups of variants and unknown targets as sentences with links to
//! their entries, and what each region proposed on each topic.

use super::group::{GroupHead, Lookup};
use super::topic::TopicView;
use crate::model::{Consolidated, FindingKind, GroupKind, Proposal, Region};
use crate::report::labels::{target_long, target_short};
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
    /// `conflict`, `variants`, `amendments`, `overlap`, `other_version` or `unknown_target`.
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

/// The convergence matrix: for each topic and region, what the region proposed (action and
/// short target; a new text by the first words of its title) and how it stands against the
/// other regions: common (with whom), a variant, a single proposal or in conflict.
pub(super) fn matrix(topics: &[TopicView], lookup: &Lookup) -> Vec<MatrixRow> {
    let cat = lookup.cat;
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
                        .map(|g| format!("{} {}", g.action, matrix_cell(g, *r, lookup)))
                        .collect();
                    marks.join(&cat.text("separator", &[]))
                })
                .collect(),
        })
        .collect()
}

/// What `region` proposed in group `g`, as the matrix says it: "Res. 37 (common: ARB, CIS)".
fn matrix_cell(g: &GroupHead, region: Region, lookup: &Lookup) -> String {
    let cat = lookup.cat;
    let text = match g.target.as_str() {
        "" | "new" => cat.text("quoted", &[first_words(&g.title, 4)]),
        target => target_short(Some(target), cat),
    };
    let mine = |id: &String| lookup.by_id.get(id).is_some_and(|p| p.region == region);
    if let Some(a) = lookup.amendments.get(g.group.id.as_str()) {
        let made = a
            .changes
            .iter()
            .filter(|c| c.regions.contains(&region))
            .count();
        let mine = |id: &String| lookup.by_id.get(id).is_some_and(|p| p.region == region);
        if a.base_differs.iter().any(mine) && !a.regions.contains(&region) {
            return format!("{text} ({})", cat.text("matrix_other_version", &[]));
        }
        if a.regions.contains(&region) {
            return format!(
                "{text} ({})",
                cat.text(
                    "matrix_amendment",
                    &[made.to_string(), a.changes.len().to_string()]
                )
            );
        }
    }
    let standing = if g
        .group
        .members
        .iter()
        .any(|m| mine(m) && lookup.conflicting.contains(m.as_str()))
    {
        cat.text("matrix_conflict", &[])
    } else {
        match g.group.kind {
            GroupKind::Common => {
                let others: Vec<String> = g
                    .region_codes
                    .iter()
                    .filter(|c| **c != region.code())
                    .map(|c| Region::parse(c).map_or(*c, |r| r.shown(cat)).to_string())
                    .collect();
                if others.is_empty() {
                    cat.text("matrix_single", &[])
                } else {
                    cat.text("matrix_common", &[others.join(", ")])
                }
            }
            GroupKind::Variant => {
                let labels: Vec<String> = g
                    .group
                    .clusters
                    .iter()
                    .enumerate()
                    .filter(|(_, ids)| ids.iter().any(mine))
                    .map(|(n, _)| char::from(b'A' + (n % 26) as u8).to_string())
                    .collect();
                cat.text("matrix_variant", &[labels.join(", ")])
            }
            GroupKind::Single => cat.text("matrix_single", &[]),
        }
    };
    format!("{text} ({standing})")
}

/// The first `n` words of `title`, with "…" when there are more.
fn first_words(title: &str, n: usize) -> String {
    let words: Vec<&str> = title.split_whitespace().collect();
    if words.len() <= n {
        words.join(" ")
    } else {
        format!("{}…", words[..n].join(" "))
    }
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
    // The profile's wording ("the assembly" under wtsa) where the catalogue has one.
    let code = c.cycle.conference.profile.code();
    let groups: Vec<&GroupHead> = groups.collect();
    let group_of: HashMap<&str, &GroupHead> = groups
        .iter()
        .flat_map(|g| g.group.members.iter().map(move |m| (m.as_str(), *g)))
        .collect();
    let entry_of = |member: &str| -> Option<EntryRef> {
        group_of.get(member).map(|g| EntryRef {
            label: g.label.clone(),
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
    let region_of = |p: &Proposal| format!("{} ({})", p.region.in_text(cat), p.region.shown(cat));
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
            cat.profiled_text(
                code,
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
        if let Some(a) = lookup.amendments.get(g.group.id.as_str()) {
            matters.extend(amendment_matters(a, g, lookup));
            continue;
        }
        let regions: Vec<String> = g
            .group
            .regions
            .iter()
            .map(|r| format!("{} ({})", r.in_text(cat), r.shown(cat)))
            .collect();
        let labels: Vec<String> = (0..g.group.clusters.len())
            .map(|n| char::from(b'A' + (n % 26) as u8).to_string())
            .collect();
        matters.push(MatterView {
            kind: "variants",
            text: cat.text(
                "matter_variants",
                &[g.label.clone(), cat.join(&regions), cat.join(&labels)],
            ),
            entries: vec![EntryRef {
                label: g.label.clone(),
                anchor: g.anchor.clone(),
            }],
        });
    }
    // The amendments of common groups raise only their own matters (overlaps cannot occur
    // there: every member makes the same changes).
    for g in groups.iter().filter(|g| !g.is_variant()) {
        if let Some(a) = lookup.amendments.get(g.group.id.as_str()) {
            matters.extend(amendment_matters(a, g, lookup));
        }
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
            text: cat.profiled_text(
                code,
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

/// The matters an amendment compared change by change raises: the changes made by some
/// regions only (when the group is one of variants), each overlap, each proposal on another
/// version of the text.
fn amendment_matters(
    a: &crate::model::Amendment,
    g: &GroupHead,
    lookup: &Lookup,
) -> Vec<MatterView> {
    let cat = lookup.cat;
    let entry = || {
        vec![EntryRef {
            label: g.label.clone(),
            anchor: g.anchor.clone(),
        }]
    };
    let names = |rs: &[Region]| -> String {
        let named: Vec<String> = rs
            .iter()
            .map(|r| format!("{} ({})", r.in_text(cat), r.shown(cat)))
            .collect();
        cat.join(&named)
    };
    let mut out = Vec::new();
    let common = a.changes.iter().filter(|c| c.common).count();
    if g.is_variant() && common < a.changes.len() {
        out.push(MatterView {
            kind: "amendments",
            text: cat.text(
                "matter_amendments",
                &[
                    g.label.clone(),
                    names(&a.regions),
                    common.to_string(),
                    a.changes.len().to_string(),
                ],
            ),
            entries: entry(),
        });
    }
    for o in &a.overlaps {
        let parts: Vec<String> = o
            .changes
            .iter()
            .map(|&i| {
                let c = &a.changes[i];
                cat.text(
                    "amendment_overlap_part",
                    &[
                        (i + 1).to_string(),
                        crate::consolidate::amendments::codes(&c.regions),
                        super::amendment::describe(c),
                    ],
                )
            })
            .collect();
        out.push(MatterView {
            kind: "overlap",
            text: cat.text(
                "matter_overlap",
                &[g.label.clone(), parts.join(&cat.text("separator", &[]))],
            ),
            entries: entry(),
        });
    }
    for id in &a.base_differs {
        let Some(p) = lookup.by_id.get(id) else {
            continue;
        };
        out.push(MatterView {
            kind: "other_version",
            text: cat.text(
                "matter_other_version",
                &[
                    g.label.clone(),
                    format!("{} ({})", p.region.in_text(cat), p.region.shown(cat)),
                    names(&a.regions),
                ],
            ),
            entries: entry(),
        });
    }
    out
}
