//! Matters for the attention of the advisory group: conflicts, duplicates, unclassified
//! proposals and targets the catalogue does not know.

use super::classify::Catalogue;
use super::normalize::comparable;
use crate::ingest::references;
use crate::model::{Action, Finding, FindingKind, Proposal};
use std::collections::{BTreeMap, HashMap};

/// Every finding, conflicts first, each kind in target or file order.
pub fn findings(proposals: &[Proposal], catalogue: &Catalogue) -> Vec<Finding> {
    let mut out = conflicts(proposals);
    out.extend(duplicates(proposals));
    out.extend(proposals.iter().filter(|p| p.topic.is_none()).map(|p| {
        finding(
            FindingKind::Unclassified,
            format!(
                "{} (\"{}\") has no topic: it is listed under \"Other proposals\"",
                p.qualified_id(),
                p.title
            ),
            &[p],
        )
    }));
    out.extend(
        proposals
            .iter()
            .filter(|p| {
                p.target
                    .as_deref()
                    .is_some_and(|t| t != "new" && !catalogue.knows(t))
            })
            .map(|p| {
                let target = p.target.as_deref().unwrap_or_default();
                finding(
                    FindingKind::UnknownTarget,
                    format!(
                        "{} targets {target}, which no topic of the catalogue lists",
                        p.qualified_id()
                    ),
                    &[p],
                )
            }),
    );
    out
}

fn finding(kind: FindingKind, message: String, members: &[&Proposal]) -> Finding {
    Finding {
        kind,
        message,
        members: members.iter().map(|p| p.qualified_id()).collect(),
        sources: members.iter().map(|p| p.source.clone()).collect(),
    }
}

/// Two actions that cannot both be adopted on one text.
fn incompatible(a: Action, b: Action) -> bool {
    use Action::*;
    matches!(
        (a, b),
        (SUP, MOD | ADD | NOC) | (MOD | ADD | NOC, SUP) | (NOC, MOD) | (MOD, NOC)
    )
}

/// The same existing text with incompatible actions (e.g. one region MOD, another SUP).
fn conflicts(proposals: &[Proposal]) -> Vec<Finding> {
    let mut by_target: BTreeMap<&str, Vec<&Proposal>> = BTreeMap::new();
    for p in proposals {
        if let Some(t) = p.target.as_deref().filter(|t| *t != "new") {
            by_target.entry(t).or_default().push(p);
        }
    }
    let mut targets: Vec<_> = by_target.into_iter().collect();
    targets.sort_by(|a, b| references::compare(a.0, b.0));
    targets
        .into_iter()
        .filter(|(_, ps)| {
            ps.iter()
                .any(|a| ps.iter().any(|b| incompatible(a.action, b.action)))
        })
        .map(|(target, ps)| {
            let said: Vec<String> = ps
                .iter()
                .map(|p| format!("{} {}", p.region, p.action))
                .collect();
            finding(
                FindingKind::Conflict,
                format!("incompatible actions on {target}: {}", said.join(", ")),
                &ps,
            )
        })
        .collect()
}

/// The same text twice in one file.
fn duplicates(proposals: &[Proposal]) -> Vec<Finding> {
    let mut seen: HashMap<(&str, String), Vec<&Proposal>> = HashMap::new();
    let mut order = Vec::new();
    for p in proposals {
        let key = (p.source.file.as_str(), comparable(&p.body));
        let entry = seen.entry(key.clone()).or_default();
        if entry.is_empty() {
            order.push(key);
        }
        entry.push(p);
    }
    order
        .into_iter()
        .filter(|k| !k.1.is_empty())
        .filter_map(|k| seen.remove(&k))
        .filter(|ps| ps.len() > 1)
        .map(|ps| {
            let ids: Vec<String> = ps.iter().map(|p| p.qualified_id()).collect();
            finding(
                FindingKind::Duplicate,
                format!(
                    "the same proposal appears twice in {}: {}",
                    ps[0].source.file,
                    ids.join(", ")
                ),
                &ps,
            )
        })
        .collect()
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
