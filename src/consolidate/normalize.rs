//! Text normalised for comparison only (never for display).

use crate::ingest::references;
use regex::Regex;
use std::sync::LazyLock;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// NFKC, lower case, punctuation and Markdown markup dropped, whitespace collapsed.
pub fn comparable(text: &str) -> String {
    let folded: String = text
        .nfkc()
        .flat_map(char::to_lowercase)
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The words two texts are compared on: edition notes such as "(Rev. Kigali, 2022)" or
/// "(study period 2022-2025)" dropped,
/// references replaced by their ids (`Res. 37` ≡ `Resolution 37` → `res37`), list markers
/// dropped, diacritics folded, lower case, punctuation removed, British spellings mapped to
/// American ones.
pub fn tokens(text: &str) -> Vec<String> {
    static EDITION: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?i)\(\s*(?:rev\.|study\s+period)[^)]*\)").expect("valid"));
    static MARKER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?m)^\s*(?:\d{1,3}[.)]|[a-z][.)]|\([ivx]{1,4}\)|\([a-z0-9]{1,3}\)|[-*+])\s+")
            .expect("valid")
    });
    let text = EDITION.replace_all(text, " ");
    let text = MARKER.replace_all(&text, " ");
    let text = references::replace_all(&text, |id| {
        format!(" {} ", id.replace(|c: char| !c.is_alphanumeric(), ""))
    });
    let folded: String = text
        .nfkd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    folded.split_whitespace().map(american).collect()
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
        assert_eq!(comparable("ﬁbre"), "fibre");
        assert_ne!(comparable("continue"), comparable("discontinue"));
    }

    #[test]
    fn tokens_fold_spelling_diacritics_references_and_list_markers() {
        assert_eq!(
            tokens("Organise the programme centre"),
            tokens("organize the program center")
        );
        assert_eq!(tokens("Côte d’Ivoire"), tokens("Cote d'Ivoire"));
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
}
