//! Whether two proposals say the same thing: the one decision grouping delegates.
//!
//! The default measure, [`NearDuplicate`], was chosen on the labelled pairs of
//! `tests/data/pairs.jsonl` (see `tests/similarity_eval.rs`, which prints the comparison of
//! measures and thresholds): word-set Jaccard on normalised words, then the edit check of
//! [`super::edits`], which alone tells a harmless addition from a changed request.

use super::amendments;
use super::edits;
use super::normalize::{Words, digest, fingerprint, words};
use crate::model::Proposal;

/// A proposal with what comparisons look at first, computed once: a digest of its
/// normalised words and its word set. The words themselves ([`Prepared::words`]) are
/// computed only for the texts that reach the edit check, which keeps a large block's
/// memory small.
pub struct Prepared<'a> {
    pub proposal: &'a Proposal,
    /// A 128-bit digest of the body's normalised words in order: equal for texts that are
    /// the same after normalisation (see [`Words::text`]).
    pub digest: u128,
    /// The distinct hashes of the normalised words, sorted: the set Jaccard indices are
    /// computed on.
    pub set: Vec<u64>,
    /// The body's normalised words, once a comparison has needed them.
    words: std::cell::OnceCell<Words>,
    /// For a text that marks changes ([`super::amendments`]): its base, which its words are
    /// those of.
    base: Option<String>,
    /// The text marks changes that remain after normalisation: `digest` is then that of its
    /// base and changes ([`super::amendments::Marked::signature`]).
    pub marked: bool,
}

impl<'a> Prepared<'a> {
    /// Normalises the body of `proposal`.
    pub fn new(proposal: &'a Proposal) -> Prepared<'a> {
        let read = if amendments::may_be_marked(&proposal.body) {
            amendments::read(&proposal.body)
        } else {
            None
        };
        let mut words = Vec::new();
        let (digest, base, marked) = match read {
            Some(m) => {
                words.clone_from(&m.words.hashes);
                let marked = !m.changes.is_empty();
                let digest = if marked {
                    m.signature()
                } else {
                    digest(&words)
                };
                (digest, Some(m.base), marked)
            }
            None => {
                fingerprint(&proposal.body, &mut words);
                (digest(&words), None, false)
            }
        };
        words.sort_unstable();
        words.dedup();
        words.shrink_to_fit();
        let set = words;
        Prepared {
            proposal,
            digest,
            set,
            words: std::cell::OnceCell::new(),
            base,
            marked,
        }
    }

    /// The body's normalised words and sentences, computed on first use: a cluster's
    /// leader is compared with every text that may join it.
    pub fn words(&self) -> &Words {
        self.words
            .get_or_init(|| words(self.base.as_deref().unwrap_or(&self.proposal.body)))
    }
}

/// Decides whether two proposals are the same text (merged into one entry).
pub trait Similarity: Sync {
    /// True when `a` and `b` say the same thing.
    fn same(&self, a: &Prepared, b: &Prepared) -> bool;

    /// What [`Similarity::same`] implies about the two word sets, so grouping compares only
    /// texts that can be the same; `None` when only equal normalised texts can be.
    fn bounds(&self) -> Option<Bounds>;
}

/// Necessary conditions for two word sets to be the same text: a Jaccard index of at least
/// `min_jaccard`, and at most `max_difference` words in one set only.
#[derive(Debug, Clone, Copy)]
pub struct Bounds {
    pub min_jaccard: f64,
    pub max_difference: usize,
}

impl Bounds {
    /// Whether two sorted, duplicate-free word sets meet the bounds. Stops at the first
    /// word past `max_difference` found in one set only, so most pairs cost only a few steps.
    pub fn admit<T: Ord>(&self, a: &[T], b: &[T]) -> bool {
        if !self.sizes_fit(a.len(), b.len()) {
            return false;
        }
        let (mut i, mut j, mut common, mut apart) = (0, 0, 0, 0);
        while i < a.len() && j < b.len() {
            match a[i].cmp(&b[j]) {
                std::cmp::Ordering::Less => {
                    i += 1;
                    apart += 1;
                }
                std::cmp::Ordering::Greater => {
                    j += 1;
                    apart += 1;
                }
                std::cmp::Ordering::Equal => {
                    common += 1;
                    i += 1;
                    j += 1;
                }
            }
            if apart > self.max_difference {
                return false;
            }
        }
        apart += (a.len() - i) + (b.len() - j);
        apart <= self.max_difference
            && common as f64 >= self.min_jaccard * (common + apart).max(1) as f64
    }

    /// Whether sets of `x` and `y` distinct words can meet the bounds (|A ∩ B| ≤ min(x, y)).
    pub fn sizes_fit(&self, x: usize, y: usize) -> bool {
        let (small, large) = (x.min(y), x.max(y));
        small as f64 >= self.min_jaccard * large as f64 && large - small <= self.max_difference
    }

    /// How many parts [`Bounds::signatures`] cuts a set into: nine more than the words two
    /// sets may differ by, so that two such sets share nine parts when none is empty. More
    /// parts sort out more pairs but cost more lookups: at 6 × 20,000 synthetic proposals
    /// (`cargo bench --bench consolidate`), 23 to 29 parts took 5 to 8 % less time than 34.
    pub fn parts(&self) -> usize {
        self.max_difference + 9
    }

    /// Cuts a set into [`Bounds::parts`] parts by word hash, puts a key for each non-empty
    /// part (its number and its words) in `keys`, and returns how many of them any set
    /// meeting the bounds with this one must have with the very same words. Each word found in one set
    /// only changes one part, so at most `max_difference` parts differ: of the others,
    /// those not empty here are shared (pigeonhole). Two texts that share too few parts
    /// are never compared. A set of few words may need none: it must be compared with all.
    pub fn signatures(&self, set: &[u64], keys: &mut Vec<u64>) -> usize {
        let parts = self.parts();
        // The sum of the (mixed) hashes in each part, then how many words each has.
        keys.clear();
        keys.resize(2 * parts, 0);
        for &w in set {
            // Mix the hash so that the part does not depend on its low bits alone.
            let mixed = w.wrapping_mul(0x9E37_79B9_7F4A_7C15);
            // The high half, scaled to 0..parts without a division.
            let part = (((mixed >> 32) * parts as u64) >> 32) as usize;
            keys[part] = keys[part].wrapping_add(mixed.rotate_left(17));
            keys[parts + part] += 1;
        }
        // Each non-empty part's key, moved to the front (a key is written only where one
        // was already read).
        let mut filled = 0;
        for part in 0..parts {
            if keys[parts + part] > 0 {
                keys[filled] = keys[part] ^ (part as u64).wrapping_mul(0xC2B2_AE3D_27D4_EB4F);
                filled += 1;
            }
        }
        keys.truncate(filled);
        let empty = parts - filled;
        parts
            .saturating_sub(self.max_difference)
            .saturating_sub(empty)
    }
}

/// Same text after normalisation (see [`Words::text`]).
pub struct ExactText;

impl Similarity for ExactText {
    fn same(&self, a: &Prepared, b: &Prepared) -> bool {
        a.digest == b.digest && a.marked == b.marked
    }

    fn bounds(&self) -> Option<Bounds> {
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

impl NearDuplicate {
    fn limits(&self) -> Bounds {
        // Words in one set only are words changed in the texts, which the edit check caps.
        Bounds {
            min_jaccard: self.threshold,
            max_difference: edits::MAX_CHANGED_WORDS,
        }
    }
}

impl Similarity for NearDuplicate {
    /// Texts that mark changes are the same only when they make the same changes to the
    /// same base (equal signatures), never with a text without changes.
    fn same(&self, a: &Prepared, b: &Prepared) -> bool {
        if a.marked || b.marked {
            return a.marked == b.marked && a.digest == b.digest;
        }
        a.digest == b.digest
            || (self.limits().admit(&a.set, &b.set) && edits::harmless(a.words(), b.words()))
    }

    fn bounds(&self) -> Option<Bounds> {
        Some(self.limits())
    }
}
