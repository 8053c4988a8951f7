//! Proposals → groups: one block per (topic, target, action), then clusters of same texts.
//!
//! Cost: proposals are bucketed by key in one pass (O(n)); the pairwise comparison runs only
//! inside a block, so the work is O(Σ b²) over block sizes b, near-linear for real cycles.

use super::similarity::{Prepared, Similarity};
use crate::ingest::references;
use crate::model::{Action, Group, GroupKind, Proposal, Region, Topic};
use rayon::prelude::*;
use std::cmp::Ordering;
use std::collections::HashMap;

type Key = (Option<String>, Option<String>, Action);

/// Groups classified proposals; every proposal lands in exactly one group, groups come in
/// catalogue topic order (unclassified last), then target order, then action.
pub fn group(proposals: &[Proposal], topics: &[Topic], similarity: &dyn Similarity) -> Vec<Group> {
    let prepared: Vec<Prepared> = proposals.par_iter().map(Prepared::new).collect();
    let mut blocks: HashMap<Key, Vec<usize>> = HashMap::new();
    let mut order: Vec<Key> = Vec::new();
    for (i, p) in proposals.iter().enumerate() {
        let key = (p.topic.clone(), p.target.clone(), p.action);
        blocks
            .entry(key.clone())
            .or_insert_with(|| {
                order.push(key);
                Vec::new()
            })
            .push(i);
    }
    let rank = |topic: &Option<String>| {
        topic.as_ref().map_or(usize::MAX, |t| {
            topics
                .iter()
                .position(|x| &x.id == t)
                .unwrap_or(usize::MAX - 1)
        })
    };
    order.sort_by(|a, b| {
        rank(&a.0)
            .cmp(&rank(&b.0))
            .then_with(|| compare_targets(a.1.as_deref(), b.1.as_deref()))
            .then(a.2.cmp(&b.2))
    });
    let prepared = &prepared;
    order
        .par_iter()
        .flat_map_iter(|key| {
            let members = &blocks[key];
            let open = matches!(key.1.as_deref(), None | Some("new"));
            let sub_blocks = if open {
                split_open_block(members, prepared, similarity)
            } else {
                vec![members.clone()]
            };
            let base = format!(
                "{}/{}/{}",
                key.0.as_deref().unwrap_or("other"),
                key.1.as_deref().unwrap_or("none"),
                key.2
            );
            sub_blocks.into_iter().enumerate().map(move |(n, block)| {
                let id = if n == 0 {
                    base.clone()
                } else {
                    format!("{base}/{}", n + 1)
                };
                make_group(id, key, &block, prepared, similarity)
            })
        })
        .collect()
}

fn compare_targets(a: Option<&str>, b: Option<&str>) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) => references::compare(a, b),
        (a, b) => a.is_none().cmp(&b.is_none()),
    }
}

/// New texts share a block only when their texts are the same or their titles match.
fn split_open_block(
    members: &[usize],
    prepared: &[Prepared],
    similarity: &dyn Similarity,
) -> Vec<Vec<usize>> {
    let mut blocks: Vec<Vec<usize>> = Vec::new();
    for &i in members {
        let p = &prepared[i];
        let home = blocks.iter_mut().find(|b| {
            b.iter().any(|&j| {
                similarity.same(p, &prepared[j])
                    || (!p.title.is_empty() && p.title == prepared[j].title)
            })
        });
        match home {
            Some(block) => block.push(i),
            None => blocks.push(vec![i]),
        }
    }
    blocks
}

/// Partitions a block into clusters of same texts and decides its kind.
fn make_group(
    id: String,
    key: &Key,
    block: &[usize],
    prepared: &[Prepared],
    similarity: &dyn Similarity,
) -> Group {
    let mut clusters: Vec<Vec<usize>> = Vec::new();
    for &i in block {
        match clusters
            .iter_mut()
            .find(|c| similarity.same(&prepared[i], &prepared[c[0]]))
        {
            Some(c) => c.push(i),
            None => clusters.push(vec![i]),
        }
    }
    let qid = |i: &usize| prepared[*i].proposal.qualified_id();
    let mut regions: Vec<Region> = block.iter().map(|&i| prepared[i].proposal.region).collect();
    regions.dedup();
    let kind = match (block.len(), clusters.len()) {
        (1, _) => GroupKind::Single,
        (_, 1) => GroupKind::Common,
        _ => GroupKind::Variant,
    };
    Group {
        id,
        topic: key.0.clone(),
        target: key.1.clone(),
        action: key.2,
        members: block.iter().map(qid).collect(),
        regions,
        kind,
        clusters: if kind == GroupKind::Variant {
            clusters
                .iter()
                .map(|c| c.iter().map(qid).collect())
                .collect()
        } else {
            Vec::new()
        },
    }
}
