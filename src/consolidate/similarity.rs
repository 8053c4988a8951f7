//! Whether two proposals say the same thing: the one decision grouping delegates.

use super::normalize::{comparable, tokens};
use crate::model::Proposal;
use std::collections::BTreeSet;

/// A proposal with its comparison forms, computed once.
pub struct Prepared<'a> {
    pub proposal: &'a Proposal,
    /// Normalised body.
    pub text: String,
    /// Normalised title.
    pub title: String,
    /// The body's comparison words (see [`tokens`]), without repeats, sorted.
    pub words: BTreeSet<String>,
}

impl<'a> Prepared<'a> {
    /// Normalises the title and body of `proposal`.
    pub fn new(proposal: &'a Proposal) -> Prepared<'a> {
        Prepared {
            proposal,
            text: comparable(&proposal.body),
            title: comparable(&proposal.title),
            words: tokens(&proposal.body).into_iter().collect(),
        }
    }
}

/// Decides whether two proposals are the same text (merged into one entry).
pub trait Similarity: Sync {
    /// True when `a` and `b` say the same thing.
    fn same(&self, a: &Prepared, b: &Prepared) -> bool;
}

/// Same text after normalisation (Unicode NFKC, case, whitespace, punctuation).
pub struct ExactText;

impl Similarity for ExactText {
    fn same(&self, a: &Prepared, b: &Prepared) -> bool {
        a.text == b.text
    }
}

/// Near-duplicates: the Jaccard index of the two texts' word sets reaches `threshold`, and
/// the words that differ change no meaning-bearing detail (numbers and reference ids,
/// negations and quantifiers, or a word against its negated or inflected twin such as
/// continue/discontinue, developed/developing).
pub struct NearDuplicate {
    pub threshold: f64,
}

impl Similarity for NearDuplicate {
    fn same(&self, a: &Prepared, b: &Prepared) -> bool {
        a.text == b.text
            || (jaccard(&a.words, &b.words) >= self.threshold
                && harmless_difference(&a.words, &b.words))
    }
}

/// |A ∩ B| / |A ∪ B| (1.0 for two empty sets).
pub fn jaccard(a: &BTreeSet<String>, b: &BTreeSet<String>) -> f64 {
    let common = a.intersection(b).count();
    let union = a.len() + b.len() - common;
    if union == 0 {
        1.0
    } else {
        common as f64 / union as f64
    }
}

/// Words whose presence on one side only changes what a text asks for.
const MEANINGFUL: [&str; 21] = [
    "not", "no", "never", "nor", "without", "cannot", "none", "neither", "least", "most", "more",
    "less", "fewer", "only", "increase", "decrease", "reduce", "shall", "may", "must", "should",
];

/// False when the words on one side only include a number, a reference id, a negation or
/// quantifier, or a twin of a word on the other side.
pub fn harmless_difference(a: &BTreeSet<String>, b: &BTreeSet<String>) -> bool {
    let only_a: Vec<&String> = a.difference(b).collect();
    let only_b: Vec<&String> = b.difference(a).collect();
    let meaningful =
        |w: &&String| w.chars().any(|c| c.is_ascii_digit()) || MEANINGFUL.contains(&w.as_str());
    if only_a.iter().chain(&only_b).any(meaningful) {
        return false;
    }
    !only_a.iter().any(|x| only_b.iter().any(|y| twins(x, y)))
}

/// "continue"/"discontinue", "developed"/"developing": negated by a prefix, or the same stem
/// of five letters or more with another ending.
fn twins(x: &str, y: &str) -> bool {
    const PREFIXES: [&str; 7] = ["dis", "un", "in", "non", "de", "im", "ir"];
    let negated = |a: &str, b: &str| PREFIXES.iter().any(|p| a.strip_prefix(p) == Some(b));
    let stem = x.chars().zip(y.chars()).take_while(|(p, q)| p == q).count();
    negated(x, y) || negated(y, x) || stem >= 5
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> BTreeSet<String> {
        tokens(text).into_iter().collect()
    }

    #[test]
    fn differences_in_numbers_negation_and_twins_are_never_harmless() {
        let base = "BDT is invited to continue the programme every year in developing countries";
        for other in [
            "BDT is invited to discontinue the programme every year in developing countries",
            "BDT is invited to continue the programme every 4 years in developing countries",
            "BDT is invited to continue the programme every year in developed countries",
            "BDT is not invited to continue the programme every year in developing countries",
        ] {
            assert!(!harmless_difference(&words(base), &words(other)), "{other}");
        }
        assert!(harmless_difference(
            &words(base),
            &words(
                "BDT is also invited to continue the program every year in developing countries"
            )
        ));
    }

    #[test]
    fn jaccard_of_word_sets() {
        assert_eq!(jaccard(&words("a b c"), &words("c b a")), 1.0);
        assert_eq!(jaccard(&words("a b"), &words("b c")), 1.0 / 3.0);
    }
}
