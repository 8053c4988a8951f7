//! Text normalised for comparison only (never for display): the one place that decides which
//! differences between two proposals do not count.

use crate::ingest::references;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;
use unicode_normalization::char::{decompose_compatible, is_combining_mark};

/// A text's comparison words in reading order, and the sentences they form.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Words {
    pub tokens: Vec<String>,
    /// Token ranges of the sentences: paragraphs, headings and list items, cut after `.`, `!`
    /// or `?`; line breaks inside a paragraph do not count.
    pub sentences: Vec<Range<usize>>,
}

/// The comparison words of `text`, one string: two texts are "the same after normalisation"
/// when these are equal.
pub fn comparable(text: &str) -> String {
    words(text).tokens.join(" ")
}

/// The comparison words of `text` (see [`words`]).
pub fn tokens(text: &str) -> Vec<String> {
    words(text).tokens
}

/// Normalises a text for comparison: edition notes such as "(Rev. Kigali, 2022)" or
/// "(study period 2022-2025)" dropped, references replaced by their ids (`Res. 37` ≡
/// `Resolution 37` → `res37`), list markers and Markdown markup dropped, Unicode
/// compatibility forms (NFKD) and diacritics folded, lower case, hyphens inside words
/// joined (`e-waste` ≡ `ewaste`), other punctuation removed, British spellings mapped to
/// American ones.
pub fn words(text: &str) -> Words {
    static EDITION: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?i)\(\s*(?:rev\.|study\s+period)[^)]*\)").expect("valid"));
    let text = EDITION.replace_all(text, " ");
    let text = references::replace_all(&text, |id| {
        format!(" {} ", id.replace(|c: char| !c.is_alphanumeric(), ""))
    });
    let mut words = Words::default();
    for unit in units(&text) {
        for sentence in sentences(&unit) {
            let start = words.tokens.len();
            fold_into(sentence, &mut words.tokens);
            if words.tokens.len() > start {
                words.sentences.push(start..words.tokens.len());
            }
        }
    }
    words
}

/// A list marker, heading or table row at the start of a line: it starts a new unit.
static MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:\d{1,3}[.)]|[a-zA-Z][.)]|\([ivxIVX]{1,4}\)|\([a-zA-Z0-9]{1,3}\)|[-*+]|#{1,6})\s+|^\s*\|")
        .expect("valid")
});

/// Paragraphs, headings, list items and table rows, each on one line, markers removed.
fn units(text: &str) -> Vec<String> {
    let mut units = Vec::new();
    let mut current = String::new();
    for line in text.lines() {
        let marker = MARKER.find(line);
        if line.trim().is_empty() || marker.is_some() {
            if !current.trim().is_empty() {
                units.push(std::mem::take(&mut current));
            }
            current.clear();
        }
        current.push_str(marker.map_or(line, |m| &line[m.end()..]));
        current.push(' ');
    }
    if !current.trim().is_empty() {
        units.push(current);
    }
    units
}

/// A unit cut after each `.`, `!` or `?` followed by white space.
fn sentences(unit: &str) -> impl Iterator<Item = &str> {
    let mut rest = unit;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let bytes = rest.as_bytes();
        let end = (0..bytes.len())
            .find(|&i| {
                matches!(bytes[i], b'.' | b'!' | b'?')
                    && bytes.get(i + 1).is_some_and(u8::is_ascii_whitespace)
            })
            .map_or(rest.len(), |i| i + 1);
        let (sentence, tail) = rest.split_at(end);
        rest = tail;
        Some(sentence)
    })
}

/// Appends the folded words of `text` to `out`.
fn fold_into(text: &str, out: &mut Vec<String>) {
    let mut word = String::new();
    let mut chars = text.chars().peekable();
    let end = |word: &mut String, out: &mut Vec<String>| {
        if !word.is_empty() {
            out.push(american(word));
            word.clear();
        }
    };
    while let Some(c) = chars.next() {
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                word.push(c.to_ascii_lowercase());
            } else if c == '-' && joins(&word, chars.peek()) {
                // A hyphen inside a word joins its parts.
            } else {
                end(&mut word, out);
            }
            continue;
        }
        if is_dash(c) && joins(&word, chars.peek()) {
            continue;
        }
        let mut folded = [' '; 8];
        let mut n = 0;
        decompose_compatible(c, |d| {
            if !is_combining_mark(d) && n < folded.len() {
                folded[n] = d;
                n += 1;
            }
        });
        for d in folded[..n].iter().flat_map(|d| d.to_lowercase()) {
            if d.is_alphanumeric() {
                word.push(d);
            } else {
                end(&mut word, out);
            }
        }
    }
    end(&mut word, out);
}

/// A dash or hyphen between two letters or digits joins them: `e-waste` ≡ `ewaste`,
/// `2026–2029` ≡ `2026-2029`.
fn joins(word: &str, next: Option<&char>) -> bool {
    !word.is_empty() && next.is_some_and(|n| n.is_alphanumeric())
}

/// Hyphens and dashes other than the ASCII hyphen-minus (U+2010–U+2015, soft hyphen, minus).
fn is_dash(c: char) -> bool {
    matches!(c, '\u{2010}'..='\u{2015}' | '\u{ad}' | '\u{2212}')
}

/// Whole-word British → American spellings that no suffix rule covers.
const WORDS: [(&str, &str); 16] = [
    ("programme", "program"),
    ("programmes", "programs"),
    ("catalogue", "catalog"),
    ("catalogues", "catalogs"),
    ("licence", "license"),
    ("licences", "licenses"),
    ("defence", "defense"),
    ("labour", "labor"),
    ("behaviour", "behavior"),
    ("behaviours", "behaviors"),
    ("neighbouring", "neighboring"),
    ("favour", "favor"),
    ("honour", "honor"),
    ("enrolment", "enrollment"),
    ("fulfil", "fulfill"),
    ("travelling", "traveling"),
];

/// Maps one lower-case word to its American spelling: the table above, then -ise/-isation,
/// -yse, -tre/-bre endings (centre, fibre, metre). Applied to both sides of every comparison,
/// so an over-eager rule ("otherwise" → "otherwize") costs nothing.
fn american(word: &str) -> String {
    if let Some((_, us)) = WORDS.iter().find(|(uk, _)| *uk == word) {
        return us.to_string();
    }
    const SUFFIXES: [(&str, &str); 15] = [
        ("lling", "ling"),
        ("lled", "led"),
        ("ysing", "yzing"),
        ("isation", "ization"),
        ("isations", "izations"),
        ("ising", "izing"),
        ("ised", "ized"),
        ("ises", "izes"),
        ("ise", "ize"),
        ("yse", "yze"),
        ("ysed", "yzed"),
        ("tre", "ter"),
        ("tres", "ters"),
        ("bre", "ber"),
        ("bres", "bers"),
    ];
    for (uk, us) in SUFFIXES {
        if let Some(stem) = word.strip_suffix(uk).filter(|s| s.len() >= 3) {
            return format!("{stem}{us}");
        }
    }
    word.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ignores_case_spacing_punctuation_and_compatibility_forms() {
        assert_eq!(
            comparable("Member  States; the **Regional Offices** ,"),
            comparable("member states, the regional offices")
        );
        assert_eq!(comparable("ﬁbre"), comparable("fibre"));
        assert_ne!(comparable("continue"), comparable("discontinue"));
    }

    #[test]
    fn tokens_fold_spelling_diacritics_references_hyphens_and_list_markers() {
        assert_eq!(
            tokens("Organise the programme centre"),
            tokens("organize the program center")
        );
        assert_eq!(tokens("Côte d’Ivoire"), tokens("Cote d'Ivoire"));
        assert_eq!(
            tokens("E-Waste and cyber‑security"),
            tokens("ewaste and cybersecurity")
        );
        assert_eq!(
            tokens("the 470–694 MHz band"),
            tokens("the 470-694 MHz band")
        );
        assert_eq!(
            tokens("Resolution 37 (Rev. Kigali, 2022) should"),
            tokens("Res. 37 should")
        );
        assert_eq!(
            tokens("1. measure\n2. assist"),
            tokens("a) measure\nb) assist")
        );
        assert_ne!(tokens("continue"), tokens("discontinue"));
        assert_eq!(tokens("Resolution 45"), vec!["res45"]);
    }

    #[test]
    fn sentences_are_paragraphs_items_and_full_stops_not_line_breaks() {
        let w = words("BDT should act. It should\nreport yearly.\n\n- one item\n- two; three\n");
        let sentences: Vec<String> = w
            .sentences
            .iter()
            .map(|r| w.tokens[r.clone()].join(" "))
            .collect();
        assert_eq!(
            sentences,
            [
                "bdt should act",
                "it should report yearly",
                "one item",
                "two three"
            ]
        );
        let wrapped = words("BDT should\nact. It should report yearly.");
        assert_eq!(wrapped.sentences.len(), 2);
    }
}
