//! Whether two proposals say the same thing: the one decision grouping delegates.
//!
//! The default measure, [`NearDuplicate`], was chosen on the labelled pairs of
//! `tests/data/pairs.jsonl` (see `tests/similarity_eval.rs`, which prints the comparison of
//! measures and thresholds): word-set Jaccard on normalised words, then the edit check of
//! [`super::edits`], which alone tells a harmless addition from a changed request.

use super::edits;
use super::normalize::{Words, comparable, words};
use crate::model::Proposal;
use std::hash::{Hash, Hasher};

/// A proposal with its comparison forms, computed once.
pub struct Prepared<'a> {
    pub proposal: &'a Proposal,
    /// Normalised body, one string (see [`comparable`]).
    pub text: String,
    /// Normalised title.
    pub title: String,
    /// The body's normalised words and sentences.
    pub words: Words,
    /// Hashes of the body's distinct words, sorted: the set Jaccard indices are computed on.
    pub set: Vec<u64>,
}

impl<'a> Prepared<'a> {
    /// Normalises the title and body of `proposal`.
    pub fn new(proposal: &'a Proposal) -> Prepared<'a> {
        let words = words(&proposal.body);
        let mut set: Vec<u64> = words.tokens.iter().map(|t| word_hash(t)).collect();
        set.sort_unstable();
        set.dedup();
        Prepared {
            proposal,
            text: words.tokens.join(" "),
            title: comparable(&proposal.title),
            words,
            set,
        }
    }
}

/// A word's 64-bit hash (FxHash: fast, and the same in every run).
pub fn word_hash(word: &str) -> u64 {
    let mut h = rustc_hash::FxHasher::default();
    word.hash(&mut h);
    h.finish()
}

/// Decides whether two proposals are the same text (merged into one entry).
pub trait Similarity: Sync {
    /// True when `a` and `b` say the same thing.
    fn same(&self, a: &Prepared, b: &Prepared) -> bool;

    /// The lowest Jaccard index of the two word sets at which [`Similarity::same`] can hold,
    /// or `None` when only equal normalised texts can be the same. Grouping uses it to
    /// compare only texts that share a rare word (prefix filtering).
    fn min_jaccard(&self) -> Option<f64>;
}

/// Same text after normalisation (see [`comparable`]).
pub struct ExactText;

impl Similarity for ExactText {
    fn same(&self, a: &Prepared, b: &Prepared) -> bool {
        a.text == b.text
    }

    fn min_jaccard(&self) -> Option<f64> {
        None
    }
}

/// Near-duplicates: the same normalised text, or word sets whose Jaccard index reaches
/// `threshold` and whose every difference is harmless ([`edits::harmless`]).
#[derive(Debug, Clone, Copy)]
pub struct NearDuplicate {
    pub threshold: f64,
}

impl NearDuplicate {
    /// The measure grouping uses: the threshold chosen on the labelled pairs.
    pub const DEFAULT: NearDuplicate = NearDuplicate { threshold: 0.5 };
}

impl Similarity for NearDuplicate {
    fn same(&self, a: &Prepared, b: &Prepared) -> bool {
        a.text == b.text
            || (jaccard(&a.set, &b.set) >= self.threshold && edits::harmless(&a.words, &b.words))
    }

    fn min_jaccard(&self) -> Option<f64> {
        Some(self.threshold)
    }
}

/// |A ∩ B| / |A ∪ B| of two sorted, duplicate-free sets (1.0 for two empty sets).
pub fn jaccard<T: Ord>(a: &[T], b: &[T]) -> f64 {
    let common = intersection(a, b);
    let union = a.len() + b.len() - common;
    if union == 0 {
        1.0
    } else {
        common as f64 / union as f64
    }
}

/// |A ∩ B| of two sorted, duplicate-free sets.
fn intersection<T: Ord>(a: &[T], b: &[T]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jaccard_of_sorted_sets() {
        assert_eq!(jaccard(&[1, 2, 3], &[1, 2, 3]), 1.0);
        assert_eq!(jaccard(&[1, 2], &[2, 3]), 1.0 / 3.0);
        assert_eq!(jaccard::<u8>(&[], &[]), 1.0);
    }
}
