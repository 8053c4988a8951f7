//! Proposals → groups: one block per (topic, target, action), then clusters of same texts.
//!
//! Cost: proposals are bucketed by key in one pass (O(n)) and blocks are clustered in
//! parallel. Inside a block, equal normalised texts are found by hashing, and each other
//! text is compared only with the first text (leader) of clusters that have enough parts of
//! its word set exactly in common (see [`super::similarity::Bounds::signatures`]): texts that
//! differ in more words than the edit check allows never meet, so a block of b texts costs
//! O(b · (p + c)) for p parts and c candidates per text instead of O(b²). A text whose
//! words fill no more parts than two texts may differ by in words (one of 16 distinct words
//! or fewer, say) may share no part with its near-duplicate: it is compared with every
//! leader (word-set sizes first). Such texts are a line or two long.

use super::normalize::comparable;
use super::similarity::{Prepared, Similarity};
use crate::model::references;
use crate::model::{Action, Group, GroupKind, Proposal, Region, Topic};
use rayon::prelude::*;
use rustc_hash::FxHashMap as HashMap;
use std::cmp::Ordering;

/// A block: topic, target and action.
type Key<'a> = (Option<&'a str>, Option<&'a str>, Action);

/// Groups classified proposals; every proposal lands in exactly one group, groups come in
/// catalogue topic order (unclassified last), then target order, then action.
pub fn group(proposals: &[&Proposal], topics: &[Topic], similarity: &dyn Similarity) -> Vec<Group> {
    let mut blocks: HashMap<Key, Vec<usize>> = HashMap::default();
    let mut order: Vec<Key> = Vec::new();
    for (i, p) in proposals.iter().enumerate() {
        let key = (p.topic.as_deref(), p.target.as_deref(), p.action);
        blocks
            .entry(key)
            .or_insert_with(|| {
                order.push(key);
                Vec::new()
            })
            .push(i);
    }
    let rank = |topic: Option<&str>| {
        topic.map_or(usize::MAX, |t| {
            topics
                .iter()
                .position(|x| x.id == t)
                .unwrap_or(usize::MAX - 1)
        })
    };
    order.sort_by(|a, b| {
        rank(a.0)
            .cmp(&rank(b.0))
            .then_with(|| compare_targets(a.1, b.1))
            .then(a.2.cmp(&b.2))
    });
    order
        .par_iter()
        .flat_map_iter(|key| {
            let members = &blocks[key];
            let prepared: Vec<Prepared> = if members.len() > 1 {
                members
                    .par_iter()
                    .map(|&i| Prepared::new(proposals[i]))
                    .collect()
            } else {
                Vec::new()
            };
            let clusters = if members.len() > 1 {
                cluster(&prepared, similarity)
            } else {
                vec![vec![0]]
            };
            let open = matches!(key.1, None | Some("new"));
            let sub_blocks = if open {
                split_by_title(clusters, &prepared)
            } else {
                vec![clusters]
            };
            let base = format!(
                "{}/{}/{}",
                key.0.unwrap_or("other"),
                key.1.unwrap_or("none"),
                key.2
            );
            sub_blocks
                .into_iter()
                .enumerate()
                .map(|(n, clusters)| {
                    let id = if n == 0 {
                        base.clone()
                    } else {
                        format!("{base}/{}", n + 1)
                    };
                    let of = |c: &[usize]| c.iter().map(|&k| proposals[members[k]]).collect();
                    make_group(id, key, clusters.iter().map(|c| of(c)).collect())
                })
                .collect::<Vec<_>>()
        })
        .collect()
}

fn compare_targets(a: Option<&str>, b: Option<&str>) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) => references::compare(a, b),
        (a, b) => a.is_none().cmp(&b.is_none()),
    }
}

/// Partitions a block into clusters of same texts (indices into `prepared`, in order):
/// each text joins the earliest cluster whose leader it is the same as.
fn cluster(prepared: &[Prepared], similarity: &dyn Similarity) -> Vec<Vec<usize>> {
    let mut clusters: Vec<Vec<usize>> = Vec::new();
    let mut by_text: HashMap<u128, usize> = HashMap::default();
    let bounds = similarity.bounds();
    let mut index = Postings::with_capacity(bounds.map_or(0, |b| b.parts() * prepared.len()));
    // Per cluster: how many parts its leader needs shared (see Bounds::signatures).
    let mut leader_needs: Vec<usize> = Vec::new();
    // Per cluster: parts its leader shares with the text being placed.
    let mut shared: Vec<usize> = Vec::new();
    let (mut keys, mut lists, mut touched, mut candidates) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for (i, p) in prepared.iter().enumerate() {
        let mut home = by_text.get(&p.digest).copied();
        let mut needed = 0;
        if let (None, Some(bounds)) = (home, bounds) {
            needed = bounds.signatures(&p.set, &mut keys);
            candidates.clear();
            if needed == 0 {
                // Too few words to be sure of sharing a part: compare with every leader.
                candidates.extend(0..clusters.len());
            } else {
                // A pair shares `needed` parts, so at least three among all but
                // `needed - 3` of them: leave out those parts most leaders have.
                lists.clear();
                lists.extend(keys.iter().filter_map(|k| index.list(*k)));
                let skipped = needed.saturating_sub(3).min(lists.len());
                if skipped > 0 {
                    lists.select_nth_unstable_by_key(skipped - 1, |&(len, _)| {
                        std::cmp::Reverse(len)
                    });
                }
                for &(_, last) in &lists[skipped..] {
                    for c in index.chain(last) {
                        if shared[c] == 0 {
                            touched.push(c);
                        }
                        shared[c] += 1;
                    }
                }
                for c in touched.drain(..) {
                    if shared[c] + skipped >= needed.max(leader_needs[c]) {
                        candidates.push(c);
                    }
                    shared[c] = 0;
                }
                candidates.sort_unstable();
            }
            home = candidates
                .iter()
                .copied()
                .find(|&c| similarity.same(p, &prepared[clusters[c][0]]));
        }
        match home {
            Some(c) => clusters[c].push(i),
            None => {
                by_text.insert(p.digest, clusters.len());
                if bounds.is_some() {
                    for k in &keys {
                        index.push(*k, clusters.len());
                    }
                }
                clusters.push(vec![i]);
                leader_needs.push(needed);
                shared.push(0);
            }
        }
    }
    clusters
}

/// The clusters that have each part key, all lists in one arena (a block has as many keys
/// as texts times parts, most of them in one list only).
struct Postings {
    /// Per key: the length of its list and its last entry.
    lists: HashMap<u64, (u32, u32)>,
    /// Per entry: its cluster and the entry before it in the same list (`u32::MAX`: none).
    entries: Vec<(u32, u32)>,
}

impl Postings {
    /// Room for `entries` entries.
    fn with_capacity(entries: usize) -> Postings {
        Postings {
            lists: HashMap::with_capacity_and_hasher(entries, Default::default()),
            entries: Vec::with_capacity(entries),
        }
    }

    fn push(&mut self, key: u64, cluster: usize) {
        let entry = self.entries.len() as u32;
        let (len, last) = self.lists.entry(key).or_insert((0, u32::MAX));
        self.entries.push((cluster as u32, *last));
        *len += 1;
        *last = entry;
    }

    /// The length and last entry of `key`'s list.
    fn list(&self, key: u64) -> Option<(u32, u32)> {
        self.lists.get(&key).copied()
    }

    /// The clusters of the list ending at entry `last`, latest first.
    fn chain(&self, mut last: u32) -> impl Iterator<Item = usize> + '_ {
        std::iter::from_fn(move || {
            let (cluster, previous) = *self.entries.get(last as usize)?;
            last = previous;
            Some(cluster as usize)
        })
    }
}

/// New or untargeted texts share a block only when their texts are the same or their
/// titles match: clusters linked by an equal non-empty title form one block.
fn split_by_title(clusters: Vec<Vec<usize>>, prepared: &[Prepared]) -> Vec<Vec<Vec<usize>>> {
    if prepared.is_empty() {
        return vec![clusters];
    }
    let mut blocks: Vec<Vec<Vec<usize>>> = Vec::new();
    let normalised: Vec<String> = prepared
        .iter()
        .map(|p| comparable(&p.proposal.title))
        .collect();
    let mut block_of_title: HashMap<&str, usize> = HashMap::default();
    for cluster in clusters {
        let titles: Vec<&str> = cluster
            .iter()
            .map(|&i| normalised[i].as_str())
            .filter(|t| !t.is_empty())
            .collect();
        let mut joined: Vec<usize> = titles
            .iter()
            .filter_map(|t| block_of_title.get(t).copied())
            .collect();
        joined.sort_unstable();
        joined.dedup();
        let home = match joined.split_first() {
            Some((&first, rest)) => {
                // The cluster links several blocks: merge the later ones into the first.
                for &other in rest.iter().rev() {
                    let moved = std::mem::take(&mut blocks[other]);
                    blocks[first].extend(moved);
                    for b in block_of_title.values_mut().filter(|b| **b == other) {
                        *b = first;
                    }
                }
                blocks[first].push(cluster);
                first
            }
            None => {
                blocks.push(vec![cluster]);
                blocks.len() - 1
            }
        };
        for t in titles {
            block_of_title.insert(t, home);
        }
    }
    blocks.retain(|b| !b.is_empty());
    for b in &mut blocks {
        b.sort_by_key(|c| c[0]);
    }
    blocks
}

/// A group from its clusters of proposals (block order) and decides its kind.
fn make_group(id: String, key: &Key, clusters: Vec<Vec<&Proposal>>) -> Group {
    let mut members: Vec<&Proposal> = clusters.iter().flatten().copied().collect();
    members.sort_by(|a, b| {
        (a.region, &a.source.file, a.source.line).cmp(&(b.region, &b.source.file, b.source.line))
    });
    let mut regions: Vec<Region> = members.iter().map(|p| p.region).collect();
    regions.dedup();
    let kind = match (members.len(), clusters.len()) {
        (1, _) => GroupKind::Single,
        (_, 1) => GroupKind::Common,
        _ => GroupKind::Variant,
    };
    let ids = |ps: &[&Proposal]| ps.iter().map(|p| p.qualified_id()).collect::<Vec<_>>();
    Group {
        id,
        topic: key.0.map(str::to_string),
        target: key.1.map(str::to_string),
        action: key.2,
        members: ids(&members),
        regions,
        kind,
        clusters: if kind == GroupKind::Variant {
            clusters.iter().map(|c| ids(c)).collect()
        } else {
            Vec::new()
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::consolidate::similarity::NearDuplicate;
    use crate::model::SourcePos;

    fn proposal(n: usize, body: String) -> Proposal {
        Proposal {
            region: Region::ALL[n % 6],
            id: format!("P{n}"),
            action: Action::MOD,
            title: String::new(),
            body,
            declared_target: None,
            declared_topic: None,
            number: None,
            target: Some("res-1".into()),
            topic: Some("t".into()),
            classified_via: String::new(),
            mark: None,
            heading: String::new(),
            source: SourcePos::new("rpm/x.md", n + 1, 1),
            language: "en".into(),
        }
    }

    /// Leader clustering comparing every text with every leader.
    fn brute_force(prepared: &[Prepared], similarity: &dyn Similarity) -> Vec<Vec<usize>> {
        let mut clusters: Vec<Vec<usize>> = Vec::new();
        for (i, p) in prepared.iter().enumerate() {
            match clusters
                .iter_mut()
                .find(|c| similarity.same(p, &prepared[c[0]]))
            {
                Some(c) => c.push(i),
                None => clusters.push(vec![i]),
            }
        }
        clusters
    }

    #[test]
    fn candidate_filtering_finds_exactly_what_comparing_all_pairs_finds() {
        let bases = [
            "BDT should organise regional workshops on spectrum pricing every year in each region",
            "The Bureau should publish a yearly report on the cost of mobile broadband in developing countries",
            "Member States are invited to adopt national emergency telecommunication plans tested once a year",
        ];
        let edits = [
            |s: &str| s.to_string(),
            |s: &str| s.to_uppercase(),
            |s: &str| s.replace("should", "should also"),
            |s: &str| s.replace("year", "two years"),
            |s: &str| format!("{s}. It should also train national staff."),
            |s: &str| s.replace("organise", "organize").replace("Bureau", "BDT"),
        ];
        let proposals: Vec<Proposal> = (0..36)
            .map(|n| proposal(n, edits[n % edits.len()](bases[(n / 6) % 3])))
            .collect();
        same_as_brute_force(&proposals);
        // Long texts with 0 to 24 one-word additions: the edit check accepts up to 16 changed
        // words, and the parts filter must find every such pair.
        // Words without digits (a number is never a harmless addition).
        let word = |prefix: &str, k: usize| {
            let letter = |n: usize| char::from(b'a' + (n % 26) as u8);
            format!("{prefix}{}{}", letter(k / 26), letter(k))
        };
        let base: Vec<String> = (0..80).map(|k| word("term", k)).collect();
        let fillers: Vec<String> = (0..24).map(|k| word("filler", k)).collect();
        let proposals: Vec<Proposal> = (0..25)
            .map(|added| {
                let mut words = base.clone();
                for (k, filler) in fillers.iter().take(added).enumerate() {
                    words.insert(3 * k + 1, filler.clone());
                }
                proposal(added, words.join(" "))
            })
            .rev()
            .collect();
        let prepared: Vec<Prepared> = proposals.iter().map(Prepared::new).collect();
        let clusters = cluster(&prepared, &NearDuplicate::DEFAULT);
        assert!(clusters.iter().any(|c| c.len() > 1), "{clusters:?}");
        same_as_brute_force(&proposals);
    }

    #[test]
    fn texts_of_a_few_words_are_compared_with_every_leader() {
        // A one-word text and the same word with a harmless one added: when both words fall
        // in one part, the two texts share no part at all.
        let proposals: Vec<Proposal> = (0..120)
            .map(|n| {
                let word = format!(
                    "word{}{}",
                    char::from(b'a' + (n / 2 / 26) as u8),
                    char::from(b'a' + (n / 2 % 26) as u8)
                );
                proposal(
                    n,
                    if n % 2 == 0 {
                        word
                    } else {
                        format!("{word} it")
                    },
                )
            })
            .collect();
        let prepared: Vec<Prepared> = proposals.iter().map(Prepared::new).collect();
        let clusters = cluster(&prepared, &NearDuplicate::DEFAULT);
        assert_eq!(clusters.len(), 60, "{clusters:?}");
        same_as_brute_force(&proposals);
    }

    fn same_as_brute_force(proposals: &[Proposal]) {
        let prepared: Vec<Prepared> = proposals.iter().map(Prepared::new).collect();
        for t in [0.3, 0.5, 0.7, 0.9] {
            let similarity = NearDuplicate { threshold: t };
            assert_eq!(
                cluster(&prepared, &similarity),
                brute_force(&prepared, &similarity),
                "threshold {t}"
            );
        }
    }
}
