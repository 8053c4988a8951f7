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
//! The rules are deliberately strict: a pair they reject is shown as variants side by side,
//! where an editor sees both texts; a pair they wrongly accepted would hide what a region said.

use rust_stemmers::{Algorithm as Language, Stemmer};
use similar::{Algorithm, DiffOp, capture_diff_slices};
use std::collections::HashMap;
use std::sync::LazyLock;

use super::normalize::Words;

/// The longest insertion (in words) that can still leave a text's request unchanged.
pub const MAX_INSERTION: usize = 4;

/// Sentences sharing at least this share of their distinct words are compared as a pair.
const PAIRED: f64 = 0.7;

/// True when every difference between `a` and `b` is one that cannot change their meaning.
pub fn harmless(a: &Words, b: &Words) -> bool {
    let (mut left, mut right) = (sentences(a), sentences(b));
    set_aside_common(&mut left, &mut right);
    let mut unpaired = Vec::new();
    let mut partner_taken = vec![false; right.len()];
    for sentence in left {
        let words = joined(&[sentence]);
        let partner = (0..right.len())
            .filter(|&i| !partner_taken[i])
            .map(|i| (i, overlap(sentence, right[i])))
            .filter(|(_, share)| *share >= PAIRED)
            .max_by(|x, y| x.1.total_cmp(&y.1).then(y.0.cmp(&x.0)));
        match partner {
            Some((i, _)) => {
                partner_taken[i] = true;
                if !harmless_edits(&words, &joined(&[right[i]])) {
                    return false;
                }
            }
            None => unpaired.push(sentence),
        }
    }
    let rest: Vec<&[String]> = (0..right.len())
        .filter(|&i| !partner_taken[i])
        .map(|i| right[i])
        .collect();
    harmless_edits(&joined(&unpaired), &joined(&rest))
}

/// Share of distinct words two sentences have in common (Jaccard index).
fn overlap(a: &[String], b: &[String]) -> f64 {
    fn set(s: &[String]) -> Vec<&str> {
        let mut set: Vec<&str> = s.iter().map(String::as_str).collect();
        set.sort_unstable();
        set.dedup();
        set
    }
    super::similarity::jaccard(&set(a), &set(b))
}

/// The words of several sentences, in order.
fn joined<'a>(sentences: &[&'a [String]]) -> Vec<&'a str> {
    sentences
        .iter()
        .flat_map(|s| s.iter().map(String::as_str))
        .collect()
}

/// The words of each sentence.
fn sentences(w: &Words) -> Vec<&[String]> {
    w.sentences.iter().map(|r| &w.tokens[r.clone()]).collect()
}

/// Removes the sentences the two sides have in common (as a multiset).
fn set_aside_common(left: &mut Vec<&[String]>, right: &mut Vec<&[String]>) {
    let mut available: HashMap<&[String], usize> = HashMap::new();
    for s in right.iter() {
        *available.entry(s).or_default() += 1;
    }
    let mut matched: HashMap<&[String], usize> = HashMap::new();
    fn take(counts: &mut HashMap<&[String], usize>, s: &[String]) -> bool {
        match counts.get_mut(s) {
            Some(n) if *n > 0 => {
                *n -= 1;
                true
            }
            _ => false,
        }
    }
    left.retain(|s| {
        let common = take(&mut available, s);
        if common {
            *matched.entry(s).or_default() += 1;
        }
        !common
    });
    right.retain(|s| !take(&mut matched, s));
}

/// Every edit turning `a` into `b` is harmless.
fn harmless_edits(a: &[&str], b: &[&str]) -> bool {
    capture_diff_slices(Algorithm::Myers, a, b)
        .iter()
        .all(|op| match *op {
            DiffOp::Equal { .. } => true,
            DiffOp::Delete {
                old_index, old_len, ..
            } => harmless_insertion(&a[old_index..old_index + old_len]),
            DiffOp::Insert {
                new_index, new_len, ..
            } => harmless_insertion(&b[new_index..new_index + new_len]),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => harmless_replacement(
                &a[old_index..old_index + old_len],
                &b[new_index..new_index + new_len],
            ),
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
