//! Message catalogues: every word the reports print that is not input text, one YAML file per
//! language in `templates/messages/`, embedded in the binary. Adding a language is adding a file.

use serde::Deserialize;
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// The embedded catalogues: language code and YAML text, English first (see build.rs).
const FILES: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/messages.rs"));

/// One language's words and conventions.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Catalogue {
    /// The language's name, as the cover writes it ("Original: English").
    pub language_name: String,
    /// January … December.
    pub months: [String; 12],
    /// How the first day of a month is written ("1", "1er").
    pub first_day: String,
    /// Date patterns with `{day}`, `{month}`, `{year}`, `{start}`, `{end}`, `{start_day}`,
    /// `{start_month}`.
    pub dates: DatePatterns,
    /// Thousands separator and decimal mark of numbers.
    pub thousands_separator: String,
    pub decimal_mark: String,
    /// The word joining the last two items of a list.
    pub and: String,
    /// 0 and 1 take the singular (French); otherwise only 1 does (English).
    #[serde(default)]
    pub singular_below_two: bool,
    /// Ordinal suffixes ("1st", "1er").
    pub ordinals: Ordinals,
    /// How "none" of a word is written, by the word's singular ("groupe de variantes" →
    /// "aucun groupe de variantes"); without an entry, "0" and the word.
    #[serde(default)]
    pub zero_forms: BTreeMap<String, String>,
    /// Counts from 0 written in words as they start a sentence ("Trois des six régions");
    /// without them, counts stay in digits.
    #[serde(default)]
    pub count_words: Vec<String>,
    /// Region names by code.
    pub regions: BTreeMap<String, String>,
    /// Every other text, by key; `{0}`, `{1}` … are filled with parameters.
    pub text: BTreeMap<String, String>,
}

/// Ordinal suffixes: the one for the number itself, else for its last two digits, else for
/// its last digit, else `other`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ordinals {
    #[serde(default)]
    pub exact: BTreeMap<u64, String>,
    #[serde(default)]
    pub last_two: BTreeMap<u64, String>,
    #[serde(default)]
    pub last: BTreeMap<u64, String>,
    pub other: String,
}

impl Ordinals {
    /// The suffix of `n` ("st" for 21 in English).
    pub fn suffix(&self, n: u64) -> &str {
        self.exact
            .get(&n)
            .or_else(|| self.last_two.get(&(n % 100)))
            .or_else(|| self.last.get(&(n % 10)))
            .unwrap_or(&self.other)
    }
}

/// How dates and date ranges are written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DatePatterns {
    pub date: String,
    pub range_same_month: String,
    pub range_same_year: String,
    pub range: String,
}

fn all() -> &'static Vec<(&'static str, Catalogue)> {
    static ALL: OnceLock<Vec<(&'static str, Catalogue)>> = OnceLock::new();
    ALL.get_or_init(|| {
        FILES
            .iter()
            .map(|(code, text)| {
                let catalogue: Catalogue = serde_saphyr::from_str(text)
                    .unwrap_or_else(|e| panic!("templates/messages/{code}.yaml: {e}"));
                (*code, catalogue.typeset(code))
            })
            .collect()
    })
}

/// The codes of the languages reports can be written in.
pub fn languages() -> impl Iterator<Item = &'static str> {
    FILES.iter().map(|(code, _)| *code)
}

/// The catalogue of a language, if there is one.
pub fn find(code: &str) -> Option<&'static Catalogue> {
    all().iter().find(|(c, _)| *c == code).map(|(_, cat)| cat)
}

/// The catalogue of a language, English when there is none.
pub fn of(code: &str) -> &'static Catalogue {
    find(code).unwrap_or_else(english)
}

/// The English catalogue: the language of check messages and `consolidated.json`.
pub fn english() -> &'static Catalogue {
    &all()[0].1
}

/// Every language's catalogue.
pub fn catalogues() -> impl Iterator<Item = &'static Catalogue> {
    all().iter().map(|(_, cat)| cat)
}

/// Replaces `{name}` in `pattern` by each value.
pub fn fill(pattern: &str, values: &[(&str, &str)]) -> String {
    values
        .iter()
        .fold(pattern.to_string(), |text, (name, value)| {
            text.replace(&format!("{{{name}}}"), value)
        })
}

impl Catalogue {
    /// The catalogue with the typography of language `code` applied to every word it prints
    /// ([`crate::typography`]).
    fn typeset(mut self, code: &str) -> Catalogue {
        let set = |t: &mut String| *t = crate::typography::apply(code, t);
        self.text.values_mut().for_each(set);
        self.regions.values_mut().for_each(set);
        self.zero_forms = std::mem::take(&mut self.zero_forms)
            .into_iter()
            .map(|(word, none)| {
                let apply = |t: &str| crate::typography::apply(code, t);
                (apply(&word), apply(&none))
            })
            .collect();
        set(&mut self.and);
        self
    }

    /// The text of `key` with `{0}`, `{1}` … filled, or `None` for an unknown key.
    pub fn get(&self, key: &str, params: &[String]) -> Option<String> {
        let pattern = self.text.get(key)?;
        let names: Vec<String> = (0..params.len()).map(|i| i.to_string()).collect();
        let values: Vec<(&str, &str)> = names
            .iter()
            .zip(params)
            .map(|(n, p)| (n.as_str(), p.as_str()))
            .collect();
        Some(fill(pattern, &values))
    }

    /// The text of `PROFILE.KEY` when the catalogue has it, else of `KEY` (see [`Catalogue::get`]).
    pub fn profiled(&self, profile: &str, key: &str, params: &[String]) -> Option<String> {
        self.get(&format!("{profile}.{key}"), params)
            .or_else(|| self.get(key, params))
    }

    /// The text of `key` with parameters; the key itself when the catalogue lacks it.
    pub fn text(&self, key: &str, params: &[String]) -> String {
        self.get(key, params).unwrap_or_else(|| key.to_string())
    }

    /// The name of a region by code.
    pub fn region<'a>(&'a self, code: &'a str) -> &'a str {
        self.regions.get(code).map_or(code, String::as_str)
    }

    /// The keys of the texts, for suggestions.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.text.keys().map(String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_catalogue_has_the_keys_and_regions_of_english() {
        let en = of("en");
        for code in languages() {
            let cat = find(code).unwrap();
            let missing: Vec<&str> = en.keys().filter(|k| !cat.text.contains_key(*k)).collect();
            assert!(missing.is_empty(), "{code}.yaml lacks {missing:?}");
            let extra: Vec<&str> = cat.keys().filter(|k| !en.text.contains_key(*k)).collect();
            assert!(extra.is_empty(), "{code}.yaml has unknown keys {extra:?}");
            assert_eq!(cat.regions.len(), 6, "{code}.yaml regions");
        }
        assert_eq!(of("fr").region("ARB"), "États arabes");
        assert_eq!(of("xx").language_name, "English");
    }

    #[test]
    fn fills_parameters() {
        assert_eq!(fill("{0} of {1}", &[("0", "3"), ("1", "6")]), "3 of 6");
    }
}
