//! Matters for the attention of the advisory group: conflicts, duplicates, unclassified
//! proposals and targets the catalogue does not know.

use super::classify::Catalogue;
use super::normalize::digest_without_references;
use crate::model::references;
use crate::model::{Action, Amendment, Finding, FindingKind, Group, GroupKind, Proposal, Region};
use rayon::prelude::*;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::collections::{BTreeMap, BTreeSet};

/// The groups `group` makes, and every finding: conflicts first, each kind in target or
/// file order. The findings that need no groups are found while `group` runs.
pub fn findings(
    proposals: &[&Proposal],
    catalogue: &Catalogue,
    group: impl FnOnce() -> Vec<Group> + Send,
) -> (Vec<Group>, Vec<Finding>) {
    let (groups, ((mut out, later), by_id)) = rayon::join(group, || {
        rayon::join(|| ungrouped(proposals, catalogue), || by_id(proposals))
    });
    out.extend(duplicates(&by_id, &groups));
    out.extend(later);
    (groups, out)
}

/// The findings that need no groups, in two parts: conflicts and new texts named like
/// existing ones (they come before [`duplicates`]), then unclassified proposals and unknown
/// targets (after them). Each kind is in target or file order.
fn ungrouped(proposals: &[&Proposal], catalogue: &Catalogue) -> (Vec<Finding>, Vec<Finding>) {
    let (mut before, named) = rayon::join(
        || conflicts(proposals),
        || new_texts_named_like_existing_ones(proposals),
    );
    before.extend(named);
    let mut after: Vec<Finding> = proposals
        .iter()
        .filter(|p| p.topic.is_none())
        .map(|p| {
            finding(
                FindingKind::Unclassified,
                ("finding_unclassified", None),
                // A proposal its target names (an ITU heading without title): by its heading.
                vec![
                    p.qualified_id(),
                    if p.title.is_empty() {
                        &p.heading
                    } else {
                        &p.title
                    }
                    .clone(),
                ],
                &[p],
            )
        })
        .collect();
    after.extend(
        proposals
            .iter()
            .filter(|p| {
                p.target
                    .as_deref()
                    .is_some_and(|t| t != "new" && !catalogue.knows(t))
            })
            .map(|p| {
                finding(
                    FindingKind::UnknownTarget,
                    ("finding_unknown_target", p.target.clone()),
                    vec![p.qualified_id()],
                    &[p],
                )
            }),
    );
    (before, after)
}

/// A finding whose text is the message `key` of the catalogues, with the target (when
/// there is one) as `{0}` and `params` after it; `message` is the English text.
fn finding(
    kind: FindingKind,
    (key, target): (&'static str, Option<String>),
    params: Vec<String>,
    members: &[&Proposal],
) -> Finding {
    let mut f = Finding {
        kind,
        message: String::new(),
        key,
        target,
        params,
        members: members.iter().map(|p| p.qualified_id()).collect(),
        sources: members.iter().map(|p| p.source.clone()).collect(),
    };
    f.message = f.text(crate::messages::english(), str::to_string);
    f
}

/// Two actions that cannot both be adopted on one text.
fn incompatible(a: Action, b: Action) -> bool {
    use Action::*;
    matches!(
        (a, b),
        (SUP, MOD | ADD | NOC) | (MOD | ADD | NOC, SUP) | (NOC, MOD) | (MOD, NOC)
    )
}

/// The same existing text with incompatible actions (e.g. one region MOD, another SUP); the
/// message names each region and action once, the members are every proposal on the text.
fn conflicts(proposals: &[&Proposal]) -> Vec<Finding> {
    let mut by_target: HashMap<&str, Vec<&Proposal>> = HashMap::default();
    for p in proposals {
        if let Some(t) = p.target.as_deref().filter(|t| *t != "new") {
            by_target.entry(t).or_default().push(p);
        }
    }
    let mut targets: Vec<_> = by_target.into_iter().collect();
    targets.sort_by(|a, b| references::compare(a.0, b.0).then(a.0.cmp(b.0)));
    targets
        .into_iter()
        .filter(|(_, ps)| {
            let actions: BTreeSet<Action> = ps.iter().map(|p| p.action).collect();
            actions
                .iter()
                .any(|&a| actions.iter().any(|&b| incompatible(a, b)))
        })
        .map(|(target, ps)| {
            let mut said: Vec<String> = Vec::new();
            let mut seen: BTreeSet<(Region, Action)> = BTreeSet::new();
            for p in ps.iter().filter(|p| seen.insert((p.region, p.action))) {
                said.push(format!("{} {}", p.region, p.action));
            }
            finding(
                FindingKind::Conflict,
                ("finding_conflict", Some(target.to_string())),
                vec![said.join(", ")],
                &ps,
            )
        })
        .collect()
}

/// A new text (ADD with target `new` or none) whose title, references aside, is the title
/// of a proposal on an existing text: adopting both would give the conference two texts on
/// one subject.
fn new_texts_named_like_existing_ones(proposals: &[&Proposal]) -> Vec<Finding> {
    let bare = |p: &Proposal| digest_without_references(&p.title);
    let new_titles: HashSet<u128> = proposals
        .iter()
        .filter(|p| p.action == Action::ADD && is_new(p))
        .filter_map(|p| bare(p))
        .collect();
    if new_titles.is_empty() {
        return Vec::new();
    }
    let titled: Vec<(u128, &Proposal)> = proposals
        .par_iter()
        .filter(|p| !is_new(p))
        .filter_map(|&p| Some((bare(p)?, p)))
        .filter(|(title, _)| new_titles.contains(title))
        .collect();
    let mut existing: HashMap<u128, Vec<&Proposal>> = HashMap::default();
    for (title, p) in titled {
        existing.entry(title).or_default().push(p);
    }
    proposals
        .iter()
        .copied()
        .filter(|p| p.action == Action::ADD && is_new(p))
        .filter_map(|p| {
            let others = existing.get(&bare(p)?)?;
            let target = others[0].target.as_deref().unwrap_or_default();
            let said: Vec<String> = others
                .iter()
                .map(|o| format!("{} {}", o.region, o.action))
                .collect();
            let mut members = vec![p];
            members.extend(others.iter());
            Some(finding(
                FindingKind::Conflict,
                ("finding_new_like_existing", Some(target.to_string())),
                vec![p.qualified_id(), p.title.clone(), said.join(", ")],
                &members,
            ))
        })
        .collect()
}

fn is_new(p: &Proposal) -> bool {
    matches!(p.target.as_deref(), None | Some("new"))
}

/// Proposals by region and id.
type ById<'a> = HashMap<(Region, &'a str), &'a Proposal>;

fn by_id<'a>(proposals: &[&'a Proposal]) -> ById<'a> {
    proposals
        .iter()
        .map(|&p| ((p.region, p.id.as_str()), p))
        .collect()
}

/// The same proposal twice in one file: two members of one merged entry (a common group,
/// or one cluster of a variant group) that come from the same file.
fn duplicates(by_id: &ById, groups: &[Group]) -> Vec<Finding> {
    // Two proposals of one file come from one region: only entries naming a region twice
    // (members are named `AFR/P1`) are looked at further.
    fn region(id: &str) -> &str {
        id.split_once('/').map_or(id, |(r, _)| r)
    }
    let suspects: Vec<&Vec<String>> = groups
        .par_iter()
        .flat_map_iter(|g| {
            let clusters = match g.kind {
                GroupKind::Common => std::slice::from_ref(&g.members),
                GroupKind::Variant => g.clusters.as_slice(),
                GroupKind::Single => &[],
            };
            clusters.iter().filter(move |c| {
                c.iter()
                    .enumerate()
                    .any(|(k, a)| c[..k].iter().any(|b| region(a) == region(b)))
            })
        })
        .collect();
    if suspects.is_empty() {
        return Vec::new();
    }
    let lookup = |id: &String| {
        let (region, id) = id.split_once('/')?;
        by_id.get(&(Region::parse(region)?, id)).copied()
    };
    let mut out = Vec::new();
    for cluster in suspects {
        let mut by_file: BTreeMap<&str, Vec<&Proposal>> = BTreeMap::new();
        for p in cluster.iter().filter_map(lookup) {
            by_file.entry(p.source.file.as_str()).or_default().push(p);
        }
        for (file, ps) in by_file.into_iter().filter(|(_, ps)| ps.len() > 1) {
            let ids: Vec<String> = ps.iter().map(|p| p.qualified_id()).collect();
            out.push(finding(
                FindingKind::Duplicate,
                ("finding_duplicate", None),
                vec![file.to_string(), ids.join(", ")],
                &ps,
            ));
        }
    }
    out
}

/// The matters amendments compared change by change raise: each overlap of changes (members:
/// the proposals making them), then each proposal on another version of the text (members:
/// it, then the proposals aligned on the base).
pub fn of_amendments(amendments: &[Amendment], by_id: &HashMap<String, &Proposal>) -> Vec<Finding> {
    let proposals = |ids: &mut dyn Iterator<Item = &String>| -> Vec<&Proposal> {
        let mut out: Vec<&Proposal> = Vec::new();
        for p in ids.filter_map(|id| by_id.get(id).copied()) {
            if !out.iter().any(|q| std::ptr::eq(*q, p)) {
                out.push(p);
            }
        }
        out
    };
    let mut out = Vec::new();
    for a in amendments {
        for o in &a.overlaps {
            let ps = proposals(&mut o.changes.iter().flat_map(|&i| &a.changes[i].members));
            out.push(finding(
                FindingKind::Overlap,
                ("finding_overlap", Some(a.target.clone())),
                vec![o.message.clone()],
                &ps,
            ));
        }
    }
    for a in amendments {
        for id in &a.base_differs {
            let ps = proposals(&mut std::iter::once(id).chain(&a.members));
            out.push(finding(
                FindingKind::OtherVersion,
                ("finding_other_version", Some(a.target.clone())),
                vec![id.clone(), a.members.join(", ")],
                &ps,
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Action::*;

    #[test]
    fn sup_conflicts_with_everything_noc_with_mod() {
        assert!(incompatible(MOD, SUP) && incompatible(SUP, ADD) && incompatible(NOC, MOD));
        assert!(!incompatible(MOD, MOD) && !incompatible(ADD, MOD) && !incompatible(SUP, SUP));
    }
}
