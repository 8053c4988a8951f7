//! Whether the differences between two normalised texts leave what they ask for unchanged.
//!
//! Normalisation ([`super::normalize`]) already removes case, spelling, punctuation, list
//! numbering and reference forms. What is left is read as edits, sentence by sentence:
//!
//! 1. Sentences found unchanged on both sides are set aside in any order, so swapping two
//!    sentences is no difference.
//! 2. A remaining sentence that shares most of its words with a remaining sentence of the
//!    other text is compared with it word by word (Myers diff), so a reordered sentence may
//!    still carry small edits; the sentences left over are compared as one run of words in
//!    reading order, so a full stop that became a semicolon is no difference either.
//! 3. An insertion or deletion is harmless when it is short (at most [`MAX_INSERTION`]
//!    words: "also", "of work", "(LDCs)") and carries no meaning-bearing word (see
//!    [`meaningful`]): a new sentence, a negation, a number or an "only" changes the request.
//! 4. A replacement is harmless only when it changes articles, spacing ("web site"), the
//!    order of the same words, or a word's number (singular/plural); any other replaced word ("continue" →
//!    "discontinue", "rural" → "urban", "45" → "69") makes the texts different.
//!
//! More than [`MAX_CHANGED_WORDS`] changed words make two texts different whatever the edits.
//!
//! The rules are deliberately strict: a pair they reject is shown as variants side by side,
//! where an editor sees both texts; a pair they wrongly accepted would hide what a region said.

use rust_stemmers::{Algorithm as Language, Stemmer};
use rustc_hash::FxHashMap as HashMap;
use similar::{Algorithm, DiffOp, capture_diff_slices};
use std::ops::Range;
use std::sync::LazyLock;

use super::normalize::Words;

/// The longest insertion (in words) that can still leave a text's request unchanged.
pub const MAX_INSERTION: usize = 4;

/// Sentences sharing at least this share of their distinct words are compared as a pair.
const PAIRED: f64 = 0.7;

/// A sentence: the range of its words in a text.
type Sentence = Range<usize>;

/// True when every difference between `a` and `b` is one that cannot change their meaning.
pub fn harmless(a: &Words, b: &Words) -> bool {
    let (mut left, mut right) = (a.sentences.clone(), b.sentences.clone());
    set_aside_common(a, &mut left, b, &mut right);
    if changed_words(a, &left, b, &right) > MAX_CHANGED_WORDS {
        return false;
    }
    let mut unpaired = Vec::new();
    let mut partner_taken = vec![false; right.len()];
    for sentence in left {
        let partner = (0..right.len())
            .filter(|&i| !partner_taken[i])
            .map(|i| {
                (
                    i,
                    overlap(&a.hashes[sentence.clone()], &b.hashes[right[i].clone()]),
                )
            })
            .filter(|(_, share)| *share >= PAIRED)
            .max_by(|x, y| x.1.total_cmp(&y.1).then(y.0.cmp(&x.0)));
        match partner {
            Some((i, _)) => {
                partner_taken[i] = true;
                if !harmless_edits(a, &[sentence], b, &[right[i].clone()]) {
                    return false;
                }
            }
            None => unpaired.push(sentence),
        }
    }
    let rest: Vec<Sentence> = (0..right.len())
        .filter(|&i| !partner_taken[i])
        .map(|i| right[i].clone())
        .collect();
    harmless_edits(a, &unpaired, b, &rest)
}

/// Share of distinct words two sentences have in common (Jaccard index).
fn overlap(a: &[u64], b: &[u64]) -> f64 {
    fn set(s: &[u64]) -> Vec<u64> {
        let mut set = s.to_vec();
        set.sort_unstable();
        set.dedup();
        set
    }
    super::sets::jaccard(&set(a), &set(b))
}

/// Texts whose normalised words differ in more places than this (each word present on one
/// side only counts, sentences moved as a whole do not) are not near-identical, however
/// harmless each change: that takes at least four separate edits. The labelled same pairs
/// differ in at most 7 normalised words. The bound also lets grouping compare only texts
/// that share some of their rarest words ([`super::similarity::Bounds`]).
pub const MAX_CHANGED_WORDS: usize = 16;

/// Words present on one side only, counted with repetition.
fn changed_words(a: &Words, left: &[Sentence], b: &Words, right: &[Sentence]) -> usize {
    let mut balance: HashMap<u64, isize> = HashMap::default();
    for i in left.iter().flat_map(Clone::clone) {
        *balance.entry(a.hashes[i]).or_default() += 1;
    }
    for i in right.iter().flat_map(Clone::clone) {
        *balance.entry(b.hashes[i]).or_default() -= 1;
    }
    balance.values().map(|n| n.unsigned_abs()).sum()
}

/// Removes the sentences the two sides have in common (as a multiset).
fn set_aside_common(a: &Words, left: &mut Vec<Sentence>, b: &Words, right: &mut Vec<Sentence>) {
    fn take(counts: &mut HashMap<&[u64], usize>, s: &[u64]) -> bool {
        match counts.get_mut(s) {
            Some(n) if *n > 0 => {
                *n -= 1;
                true
            }
            _ => false,
        }
    }
    let mut available: HashMap<&[u64], usize> = HashMap::default();
    for s in right.iter() {
        *available.entry(&b.hashes[s.clone()]).or_default() += 1;
    }
    let mut matched: HashMap<&[u64], usize> = HashMap::default();
    left.retain(|s| {
        let words = &a.hashes[s.clone()];
        let common = take(&mut available, words);
        if common {
            *matched.entry(words).or_default() += 1;
        }
        !common
    });
    right.retain(|s| !take(&mut matched, &b.hashes[s.clone()]));
}

/// Every edit turning the words of sentences `left` of `a` into those of `right` of `b` is
/// harmless.
fn harmless_edits(a: &Words, left: &[Sentence], b: &Words, right: &[Sentence]) -> bool {
    let x: Vec<usize> = left.iter().flat_map(Clone::clone).collect();
    let y: Vec<usize> = right.iter().flat_map(Clone::clone).collect();
    fn keys(w: &Words, idx: &[usize]) -> Vec<u64> {
        idx.iter().map(|&i| w.hashes[i]).collect()
    }
    fn text<'w>(w: &'w Words, idx: &[usize]) -> Vec<&'w str> {
        idx.iter().map(|&i| w.word(i)).collect()
    }
    let (x_text, y_text) = (text(a, &x), text(b, &y));
    capture_diff_slices(Algorithm::Myers, &keys(a, &x), &keys(b, &y))
        .iter()
        .all(|op| {
            let (_, old, new) = op.as_tag_tuple();
            match op {
                DiffOp::Equal { .. } => true,
                DiffOp::Delete { .. } => harmless_insertion(&x_text[old]),
                DiffOp::Insert { .. } => harmless_insertion(&y_text[new]),
                DiffOp::Replace { .. } => harmless_replacement(&x_text[old], &y_text[new]),
            }
        })
}

/// Words present on one side only: harmless when few and none meaningful.
fn harmless_insertion(words: &[&str]) -> bool {
    words.len() <= MAX_INSERTION && !words.iter().any(|w| meaningful(w))
}

/// Articles, whose change ("the" → "a") never changes a request.
const ARTICLES: [&str; 3] = ["a", "an", "the"];

/// `old` replaced by `new`: harmless when only articles or spacing change, the same words
/// are reordered, or a word changes number; what is left beside articles is judged as an insertion.
fn harmless_replacement(old: &[&str], new: &[&str]) -> bool {
    fn content<'a>(s: &[&'a str]) -> Vec<&'a str> {
        s.iter()
            .filter(|w| !ARTICLES.contains(w))
            .copied()
            .collect()
    }
    let (mut old, mut new) = (content(old), content(new));
    match (old.is_empty(), new.is_empty()) {
        (true, true) => return true,
        (true, false) => return harmless_insertion(&new),
        (false, true) => return harmless_insertion(&old),
        (false, false) => {}
    }
    if old.concat() == new.concat() {
        // Spacing only: "web site" / "website", "up to date" / "up-to-date".
        return true;
    }
    if let ([x], [y]) = (old.as_slice(), new.as_slice()) {
        return number_change(x, y);
    }
    old.sort_unstable();
    new.sort_unstable();
    old == new
}

/// The same word in singular and plural ("policy" / "policies", "State" / "States").
fn number_change(x: &str, y: &str) -> bool {
    static STEMMER: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Language::English));
    let (plural, singular) = if x.ends_with('s') { (x, y) } else { (y, x) };
    plural.ends_with('s')
        && !singular.ends_with('s')
        && !singular.ends_with("ed")
        && !singular.ends_with("ing")
        && STEMMER.stem(plural) == STEMMER.stem(singular)
}

/// Words whose presence on one side only changes what a text asks for.
const MEANINGFUL: [&str; 29] = [
    "not",
    "no",
    "never",
    "nor",
    "without",
    "cannot",
    "none",
    "neither",
    "except",
    "excluding",
    "unless",
    "instead",
    "only",
    "solely",
    "exclusively",
    "least",
    "most",
    "more",
    "less",
    "fewer",
    "increase",
    "decrease",
    "reduce",
    "shall",
    "may",
    "must",
    "should",
    "might",
    "longer",
];

/// A negation, restriction, quantifier, modal verb, number or reference id.
pub fn meaningful(word: &str) -> bool {
    word.chars().any(|c| c.is_ascii_digit()) || MEANINGFUL.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::consolidate::normalize::words;

    fn same(a: &str, b: &str) -> bool {
        harmless(&words(a), &words(b))
    }

    #[test]
    fn reordered_sentences_short_additions_and_articles_are_harmless() {
        let base = "BDT should publish a guide. The Bureau should also keep a database.";
        assert!(same(
            base,
            "The Bureau should also keep a database. BDT should publish a guide."
        ));
        assert!(same(
            base,
            "BDT should publish a national guide. The Bureau should keep the database."
        ));
        assert!(same(
            "assist least developed countries",
            "assist least developed countries (LDCs)"
        ));
        assert!(same("support the policy", "support the policies"));
    }

    #[test]
    fn replaced_words_negations_numbers_and_new_sentences_are_not() {
        let base = "BDT is invited to continue the programme in rural and remote areas every year.";
        for other in [
            "BDT is invited to discontinue the programme in rural and remote areas every year.",
            "BDT is invited to continue the programme in urban and peri-urban areas every year.",
            "BDT is not invited to continue the programme in rural and remote areas every year.",
            "BDT is invited to continue the programme in rural and remote areas every 4 years.",
            "BDT is invited to continue the programme only in rural and remote areas every year.",
            "BDT is invited to continue the programme in rural and remote areas every year. \
             It should also create a fund financed by voluntary contributions.",
        ] {
            assert!(!same(base, other), "{other}");
        }
        assert!(!same("developed countries", "developing countries"));
    }
}
