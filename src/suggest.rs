//! "Did you mean …?" suggestions for misspelt names.

/// The candidate closest to `word` when it is close enough to be a likely typo: one that
/// `word` starts with or that starts with `word` (`MODIFY` → `MOD`, `lang` → `language`;
/// both at least three letters, the longest such), else the most similar by edit distance.
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let lower = word.to_lowercase();
    let candidates: Vec<(String, &str)> = candidates
        .into_iter()
        .map(|c| (c.to_lowercase(), c))
        .collect();
    let prefix = candidates
        .iter()
        .filter(|(c, _)| {
            c.len().min(lower.len()) >= 3
                && (lower.starts_with(c.as_str()) || c.starts_with(&lower))
        })
        .max_by_key(|(c, _)| c.len());
    if let Some((_, c)) = prefix {
        return Some(c);
    }
    candidates
        .iter()
        .map(|(c, original)| (strsim::normalized_damerau_levenshtein(&lower, c), *original))
        .filter(|(score, _)| *score >= 0.5)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    #[test]
    fn suggests_close_names_only() {
        assert_eq!(super::closest("venu", ["symbol", "venue"]), Some("venue"));
        assert_eq!(super::closest("zzz", ["symbol", "venue"]), None);
    }

    #[test]
    fn a_name_that_starts_the_word_or_that_the_word_starts_is_suggested() {
        let actions = ["ADD", "MOD", "SUP", "NOC"];
        assert_eq!(super::closest("MODIFY", actions), Some("MOD"));
        assert_eq!(super::closest("suppress", actions), Some("SUP"));
        assert_eq!(super::closest("Addition", actions), Some("ADD"));
        assert_eq!(
            super::closest("lang", ["language", "region"]),
            Some("language")
        );
        assert_eq!(super::closest("ZAP", actions), None);
    }
}
