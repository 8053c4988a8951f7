//! Amendments compared change by change.
//!
//! A proposal whose text carries CriticMarkup (`{++…++}`, `{--…--}`, `{~~old~>new~~}`) has a
//! *base*, its text with deletions kept and insertions removed, and *changes*, each a range
//! of the base (empty for an insertion) and the text put there. A deletion written right
//! before or after an insertion (`{--old--}{++new++}`, as Word's tracked changes are
//! imported) is one replacement. Changes are compared after the project's normalisation
//! ([`super::normalize`]): each is widened to whole words and placed by the normalised words
//! of the base before it, so a change of case, spacing, punctuation or quotes is no change,
//! and two proposals whose bases normalise alike place their changes on the same positions.
//!
//! [`align`] puts the changes of a group's proposals on one base and lists each once with
//! the proposals making it; the changes of different regions that touch the same words
//! differently are overlaps. Cost: one normalisation of each base and a sort of the changes,
//! O(n log n) in the size of the texts.

use super::normalize::{Words, digest, words};
use crate::model::{Action, AlignedChange, Amendment, Group, Overlap, Proposal, Region};
use regex::Regex;
use rustc_hash::FxHashMap as HashMap;
use std::ops::Range;
use std::sync::LazyLock;

/// A change as a proposal marks it: the range of its base it deletes (empty for an
/// insertion) and the text it inserts there.
#[derive(Debug, Clone, PartialEq)]
pub struct Typed {
    pub range: Range<usize>,
    pub insert: String,
}

/// A change as changes are compared: the normalised words of the base it replaces (a range
/// of word indexes) and the normalised words it puts there.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Key {
    pub start: usize,
    pub end: usize,
    pub insert: String,
}

/// A proposal's text read as a base and changes.
#[derive(Debug)]
pub struct Marked {
    /// The text with deletions kept and insertions removed.
    pub base: String,
    /// The base's normalised words.
    pub words: Words,
    /// The changes that remain after normalisation, in base order, each with its key.
    pub changes: Vec<(Key, Typed)>,
}

impl Marked {
    /// A digest of the base's normalised words: equal for bases that are the same.
    pub fn base_digest(&self) -> u128 {
        digest(&self.words.hashes)
    }

    /// A digest of the base and the change keys: equal for proposals making the same
    /// changes to the same base.
    pub fn signature(&self) -> u128 {
        let mut sequence = self.words.hashes.clone();
        // A separator no word hash is likely to be, then each change.
        sequence.push(0x5eed_c4a9_6e5e_7a11);
        for (key, _) in &self.changes {
            sequence.push(key.start as u64);
            sequence.push(key.end as u64);
            sequence.push(super::normalize::word_hash(&key.insert));
        }
        digest(&sequence)
    }
}

/// CriticMarkup changes, as the writers read them.
static CRITIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?s)\{\+\+(.*?)\+\+\}|\{--(.*?)--\}|\{~~(.*?)~>(.*?)~~\}").expect("valid")
});

/// Whether `text` may hold a change (cheap: no pattern is run).
pub fn may_be_marked(text: &str) -> bool {
    text.contains("{++") || text.contains("{--") || text.contains("{~~")
}

/// The base and the changes as written, `None` when the text marks no change.
pub fn parse(text: &str) -> Option<(String, Vec<Typed>)> {
    if !may_be_marked(text) {
        return None;
    }
    let mut base = String::with_capacity(text.len());
    let mut changes: Vec<Typed> = Vec::new();
    let mut at = 0;
    // Where the last change ended in `text`: a change starting there joins it.
    let mut last_end = usize::MAX;
    for c in CRITIC.captures_iter(text) {
        let whole = c.get(0).expect("a match");
        base.push_str(&text[at..whole.start()]);
        let (deleted, inserted) = match (c.get(1), c.get(2)) {
            (Some(ins), _) => ("", ins.as_str()),
            (None, Some(del)) => (del.as_str(), ""),
            _ => (c.get(3).map_or("", |m| m.as_str()), &c[4]),
        };
        let start = base.len();
        base.push_str(deleted);
        let joined = whole.start() == last_end
            && changes.last().is_some_and(|l| {
                // A deletion and an insertion (in either order) make one replacement.
                (l.range.is_empty() != deleted.is_empty())
                    && (l.insert.is_empty() != inserted.is_empty())
            });
        if joined {
            let last = changes.last_mut().expect("checked");
            last.range.end = base.len();
            last.insert.push_str(inserted);
        } else {
            changes.push(Typed {
                range: start..base.len(),
                insert: inserted.to_string(),
            });
        }
        at = whole.end();
        last_end = whole.end();
    }
    base.push_str(&text[at..]);
    (!changes.is_empty()).then_some((base, changes))
}

/// The text read as a base and changes; `None` when it marks none. Its changes may all be
/// no change after normalisation (then `changes` is empty).
pub fn read(text: &str) -> Option<Marked> {
    // Each region gives its own reasons: they are no part of the amended text.
    let (base, typed) = parse(crate::model::reasons::without_reasons(text))?;
    let words = words(&base);
    let changes = typed
        .into_iter()
        .filter_map(|t| key(&base, &words, &t).map(|k| (k, t)))
        .collect();
    Some(Marked {
        base,
        words,
        changes,
    })
}

/// The key of a change: widened to whole words, placed by the normalised words of the base;
/// `None` when the change normalises to nothing (case, spacing, punctuation, quotes).
fn key(base: &str, words: &Words, t: &Typed) -> Option<Key> {
    let word_char = |c: char| c.is_alphanumeric();
    let (mut start, mut end) = (t.range.start, t.range.end);
    let deleted = &base[start..end];
    let first = |s: &str| s.chars().next().is_some_and(word_char);
    let last = |s: &str| s.chars().next_back().is_some_and(word_char);
    // A change inside or at the edge of a word ("CIRT{++s++}") takes the whole word.
    let (mut before, mut after) = ("", "");
    if (first(deleted) || first(&t.insert))
        && base[..start].chars().next_back().is_some_and(word_char)
    {
        let from = base[..start]
            .char_indices()
            .rev()
            .take_while(|(_, c)| word_char(*c))
            .last()
            .map_or(start, |(i, _)| i);
        before = &base[from..start];
        start = from;
    }
    if (last(deleted) || last(&t.insert)) && base[end..].chars().next().is_some_and(word_char) {
        let to = base[end..]
            .char_indices()
            .find(|(_, c)| !word_char(*c))
            .map_or(base.len(), |(i, _)| end + i);
        after = &base[end..to];
        end = to;
    }
    let first_word = words.ending_by(start);
    let past_last = words.starting_before(end);
    let past_last = past_last.max(first_word);
    let old: Vec<&str> = (first_word..past_last).map(|i| words.word(i)).collect();
    let new = super::normalize::words(&format!("{before}{}{after}", t.insert)).text;
    (old.join(" ") != new).then_some(Key {
        start: first_word,
        end: past_last,
        insert: new,
    })
}

/// The amendments of every MOD group in which at least two proposals mark changes.
pub fn amendments(groups: &[Group], by_id: &HashMap<String, &Proposal>) -> Vec<Amendment> {
    use rayon::prelude::*;
    groups
        .par_iter()
        .filter(|g| g.action == Action::MOD && g.members.len() > 1)
        .filter_map(|g| {
            let members: Vec<&Proposal> = g
                .members
                .iter()
                .filter_map(|m| by_id.get(m).copied())
                .collect();
            align(g, &members)
        })
        .collect()
}

/// The changes of `members` (a group's proposals, in its order) aligned on one base: the
/// base most of the proposals with changes share (the first member's on a tie). `None` when
/// fewer than two proposals mark changes.
pub fn align(group: &Group, members: &[&Proposal]) -> Option<Amendment> {
    let marked: Vec<(&Proposal, Marked)> = members
        .iter()
        .filter_map(|p| {
            read(&p.body)
                .filter(|m| !m.changes.is_empty())
                .map(|m| (*p, m))
        })
        .collect();
    if marked.len() < 2 {
        return None;
    }
    let digests: Vec<u128> = marked.iter().map(|(_, m)| m.base_digest()).collect();
    let count = |d: u128| digests.iter().filter(|x| **x == d).count();
    let reference = digests
        .iter()
        .copied()
        .max_by(|a, b| count(*a).cmp(&count(*b)).then(std::cmp::Ordering::Greater))
        .expect("two at least");
    let (on_base, off_base): (Vec<_>, Vec<_>) = marked
        .iter()
        .zip(&digests)
        .partition(|(_, d)| **d == reference);
    let on_base: Vec<&(&Proposal, Marked)> = on_base.into_iter().map(|(m, _)| m).collect();
    let shown = &on_base[0].1;
    // Each distinct change, with the proposals making it (first maker first).
    let mut index: HashMap<&Key, usize> = HashMap::default();
    let mut found: Vec<(&Key, Vec<usize>)> = Vec::new();
    for (n, (_, m)) in on_base.iter().enumerate() {
        for (k, _) in &m.changes {
            let slot = *index.entry(k).or_insert_with(|| {
                found.push((k, Vec::new()));
                found.len() - 1
            });
            if found[slot].1.last() != Some(&n) {
                found[slot].1.push(n);
            }
        }
    }
    found.sort_by_key(|(k, _)| (k.start, k.end));
    let mut regions: Vec<Region> = on_base.iter().map(|(p, _)| p.region).collect();
    regions.sort();
    regions.dedup();
    let changes: Vec<AlignedChange> = found
        .iter()
        .map(|(k, makers)| {
            let m = &on_base[makers[0]].1;
            let typed = &m.changes.iter().find(|(x, _)| x == *k).expect("its own").1;
            let range = map_range(
                &m.base,
                &m.words,
                typed.range.clone(),
                &shown.base,
                &shown.words,
            );
            let mut rs: Vec<Region> = makers.iter().map(|&i| on_base[i].0.region).collect();
            rs.sort();
            rs.dedup();
            AlignedChange {
                delete: m.base[typed.range.clone()].to_string(),
                insert: typed.insert.clone(),
                common: rs.len() > 1 && rs == regions,
                regions: rs,
                members: makers
                    .iter()
                    .map(|&i| on_base[i].0.qualified_id())
                    .collect(),
                context: context(&shown.base, range.clone()),
                range,
            }
        })
        .collect();
    let keys: Vec<&Key> = found.iter().map(|(k, _)| *k).collect();
    let overlaps = overlaps(&keys, &changes);
    Some(Amendment {
        target: group.target.clone().unwrap_or_default(),
        group: group.id.clone(),
        members: on_base.iter().map(|(p, _)| p.qualified_id()).collect(),
        base_differs: off_base
            .iter()
            .map(|((p, _), _)| p.qualified_id())
            .collect(),
        changes,
        overlaps,
        base: shown.base.clone(),
        regions,
    })
}

/// Changes by different proposals that touch the same words differently: ranges that share
/// words, two insertions at one place, or an insertion inside (or at the edge of) a range
/// another change replaces. Changes one proposal makes together never overlap.
fn overlaps(keys: &[&Key], changes: &[AlignedChange]) -> Vec<Overlap> {
    let touch = |a: &Key, b: &Key| {
        let (a_ins, b_ins) = (a.start == a.end, b.start == b.end);
        match (a_ins, b_ins) {
            (false, false) => a.start < b.end && b.start < a.end,
            (true, true) => a.start == b.start,
            (true, false) => inside(a.start, b),
            (false, true) => inside(b.start, a),
        }
    };
    fn inside(at: usize, range: &Key) -> bool {
        (range.start < at && at < range.end)
            || (!range.insert.is_empty() && (at == range.start || at == range.end))
    }
    let apart = |i: usize, j: usize| {
        !changes[i]
            .members
            .iter()
            .any(|m| changes[j].members.contains(m))
    };
    // Connected sets of overlapping changes, each in base order.
    let mut set_of: Vec<Option<usize>> = vec![None; keys.len()];
    let mut sets: Vec<Vec<usize>> = Vec::new();
    for i in 0..keys.len() {
        for j in i + 1..keys.len() {
            if keys[j].start > keys[i].end {
                break;
            }
            if !(touch(keys[i], keys[j]) && apart(i, j)) {
                continue;
            }
            match (set_of[i], set_of[j]) {
                (Some(s), None) => {
                    sets[s].push(j);
                    set_of[j] = Some(s);
                }
                (None, None) => {
                    sets.push(vec![i, j]);
                    set_of[i] = Some(sets.len() - 1);
                    set_of[j] = Some(sets.len() - 1);
                }
                (None, Some(s)) => {
                    sets[s].push(i);
                    set_of[i] = Some(s);
                }
                (Some(a), Some(b)) if a != b => {
                    let moved = std::mem::take(&mut sets[b]);
                    for &k in &moved {
                        set_of[k] = Some(a);
                    }
                    sets[a].extend(moved);
                }
                _ => {}
            }
        }
    }
    sets.into_iter()
        .filter(|s| !s.is_empty())
        .map(|mut s| {
            s.sort_unstable();
            let said: Vec<String> = s
                .iter()
                .map(|&i| format!("{} {}", codes(&changes[i].regions), describe(&changes[i])))
                .collect();
            Overlap {
                message: format!(
                    "changes {} touch the same words: {}",
                    numbers(&s),
                    said.join("; ")
                ),
                changes: s,
            }
        })
        .collect()
}

/// "AFR, ARB".
pub fn codes(regions: &[Region]) -> String {
    regions
        .iter()
        .map(|r| r.code())
        .collect::<Vec<_>>()
        .join(", ")
}

/// "1, 2 and 3" (1-based).
fn numbers(indexes: &[usize]) -> String {
    let n: Vec<String> = indexes.iter().map(|i| (i + 1).to_string()).collect();
    match n.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => n.join(""),
    }
}

/// What a change does, in English: `inserts “national”`, `deletes “where appropriate”`,
/// `replaces “encourage” with “urge”`.
pub fn describe(c: &AlignedChange) -> String {
    let (old, new) = (short(&c.delete), short(&c.insert));
    match (old.is_empty(), new.is_empty()) {
        (true, _) => format!("inserts “{new}”"),
        (false, true) => format!("deletes “{old}”"),
        (false, false) => format!("replaces “{old}” with “{new}”"),
    }
}

/// A change's text on one line, cut after twelve words.
pub fn short(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() <= 12 {
        words.join(" ")
    } else {
        format!("{} …", words[..10].join(" "))
    }
}

/// The range `range` of base `from` (words `from_words`) in base `to` (words `to_words`), the
/// same text after normalisation: each end by the words before it and its offset in the gap.
fn map_range(
    from: &str,
    from_words: &Words,
    range: Range<usize>,
    to: &str,
    to_words: &Words,
) -> Range<usize> {
    if std::ptr::eq(from, to) || from == to {
        return range;
    }
    let map = |at: usize| -> usize {
        let k = from_words.ending_by(at);
        if k < from_words.len() && from_words.raw(k).start < at {
            // Inside word k: the same offset in its twin, within the word.
            let (f, t) = (from_words.raw(k), to_words.raw(k));
            return (t.start + (at - f.start)).min(t.end);
        }
        let gap = |w: &Words, text: &str| {
            let start = k.checked_sub(1).map_or(0, |i| w.raw(i).end);
            let end = if k < w.len() {
                w.raw(k).start
            } else {
                text.len()
            };
            start..end
        };
        let (f, t) = (gap(from_words, from), gap(to_words, to));
        if from[f.clone()] == to[t.clone()] || at == f.start {
            t.start + (at - f.start)
        } else {
            t.end
        }
    };
    let start = map(range.start);
    start..map(range.end).max(start)
}

/// Six words of `base` before `range` and six after it, with `⟨here⟩` between them (read
/// from the range outwards, so a long text costs no more than a short one).
fn context(base: &str, range: Range<usize>) -> String {
    let (head, tail) = (&base[..range.start], &base[range.end..]);
    let mut before: Vec<&str> = head.split_whitespace().rev().take(7).collect();
    before.reverse();
    let mut after: Vec<&str> = tail.split_whitespace().take(7).collect();
    let more_before = before.len() > 6;
    if more_before {
        before.remove(0);
    }
    let more_after = after.len() > 6;
    after.truncate(6);
    let space = if !before.is_empty() && head.ends_with(char::is_whitespace) {
        " "
    } else {
        ""
    };
    format!(
        "{}{}{space}⟨here⟩{}{}",
        if more_before { "…" } else { "" },
        before.join(" "),
        after.join(" "),
        if more_after { "…" } else { "" },
    )
}

#[cfg(test)]
#[path = "amendments_tests.rs"]
mod tests;
