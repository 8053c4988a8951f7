//! Message catalogues: every word the reports print that is not input text, one YAML file per
//! language in `templates/messages/`, embedded in the binary. Adding a language is adding a file.

use serde::Deserialize;
use std::collections::BTreeMap;
use std::sync::OnceLock;

use crate::cldr::Cldr;

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
    /// How the first day of a month is written, in Markdown ("1", "1^er^").
    pub first_day: String,
    /// Date patterns: a date with `{day}`, `{month}`, `{year}`; a range with `{start}` and
    /// `{end}` (whole dates), `{start_day}`, `{start_month}`, `{end_day}`, `{end_month}` and
    /// `{year}` (the last day's).
    pub dates: DatePatterns,
    /// The BCP 47 locale whose CLDR rules (plural forms, numbers) the reports follow
    /// ("ar-u-nu-latn": Arabic with the digits 0–9, as ITU's Arabic texts print them).
    pub locale: String,
    /// How a list is written: between its items, and before its last ("A, B and C").
    pub list: ListWords,
    /// Ordinals by CLDR ordinal category, `{0}` the number ("{0}st" for 1, 21 … in English).
    pub ordinals: BTreeMap<String, String>,
    /// Counted phrases by key: each a form per CLDR plural category (`one`, `few`, `many`,
    /// `other` …) and, before those, per exact number (`=0`: "aucune proposition"), `{0}` the
    /// number as the language writes it ([`Catalogue::count`]).
    pub counts: BTreeMap<String, BTreeMap<String, String>>,
    /// Region codes as the language writes them, where it differs ("CIS: CEI" in French).
    #[serde(default)]
    pub region_codes: BTreeMap<String, String>,
    /// Region names by code.
    pub regions: BTreeMap<String, String>,
    /// Every other text, by key; `{0}`, `{1}` … are filled with parameters.
    pub text: BTreeMap<String, String>,
    /// The CLDR rules of `locale`, set once the catalogue is read.
    #[serde(skip)]
    cldr: Option<Cldr>,
    /// The language's code, set once the catalogue is read.
    #[serde(skip)]
    code: String,
}

/// The separators of a list: ", " and " and " in English, "、" and "和" in Chinese.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListWords {
    pub separator: String,
    pub last: String,
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
        self.counts
            .values_mut()
            .flat_map(|forms| forms.values_mut())
            .for_each(set);
        set(&mut self.list.last);
        let cldr = Cldr::new(&self.locale)
            .unwrap_or_else(|e| panic!("templates/messages/{code}.yaml: {e}"));
        self.cldr = Some(cldr);
        self.code = code.to_string();
        self
    }

    /// The CLDR rules of the catalogue's locale.
    pub fn cldr(&self) -> &Cldr {
        self.cldr.as_ref().expect("set when the catalogue is read")
    }

    /// The counted phrase `key` for `number` (written in digits; `None` when the input does
    /// not give it, shown "–" with the `other` form): the form for that exact number
    /// (`=0`) if there is one, else the form of its CLDR plural category, else `other`;
    /// `None` for an unknown key.
    pub fn count(&self, key: &str, number: Option<&str>) -> Option<String> {
        let forms = self.counts.get(key)?;
        let Some(number) = number else {
            return Some(fill(forms.get("other")?, &[("0", "–")]));
        };
        let form = forms
            .get(&format!("={number}"))
            .or_else(|| forms.get(self.cldr().cardinal(number)))
            .or_else(|| forms.get("other"))?;
        Some(fill(form, &[("0", &self.cldr().number(number))]))
    }

    /// An ordinal number, in Markdown ("22nd"; "1^er^" in French).
    pub fn ordinal(&self, n: u64) -> String {
        let category = self.cldr().ordinal(n);
        let form = self
            .ordinals
            .get(category)
            .or_else(|| self.ordinals.get("other"))
            .map_or("{0}", String::as_str);
        fill(form, &[("0", &n.to_string())])
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
        let text = fill(pattern, &values);
        Some(if self.code == "fr" {
            params
                .iter()
                .fold(text, |t, p| crate::typography::unelide(&t, p))
        } else {
            text
        })
    }

    /// The text of `PROFILE.KEY` when the catalogue has it, else of `KEY` (see [`Catalogue::get`]).
    pub fn profiled(&self, profile: &str, key: &str, params: &[String]) -> Option<String> {
        self.get(&format!("{profile}.{key}"), params)
            .or_else(|| self.get(key, params))
    }

    /// The text of `key` under `profile` ([`Catalogue::profiled`]); the key itself when the
    /// catalogue lacks it.
    pub fn profiled_text(&self, profile: &str, key: &str, params: &[String]) -> String {
        self.profiled(profile, key, params)
            .unwrap_or_else(|| key.to_string())
    }

    /// The text of `key` with parameters; the key itself when the catalogue lacks it.
    pub fn text(&self, key: &str, params: &[String]) -> String {
        self.get(key, params).unwrap_or_else(|| key.to_string())
    }

    /// A list as the language writes it ("A, B and C"; "A、B和C" in Chinese).
    pub fn join(&self, items: &[String]) -> String {
        match items {
            [] => String::new(),
            [one] => one.clone(),
            [init @ .., last] => {
                format!(
                    "{}{}{last}",
                    init.join(&self.list.separator),
                    self.list.last
                )
            }
        }
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
        assert_eq!(
            of("fr").count("proposal", Some("0")).unwrap(),
            "aucune proposition"
        );
        assert_eq!(of("xx").language_name, "English");
    }

    #[test]
    fn fills_parameters() {
        assert_eq!(fill("{0} of {1}", &[("0", "3"), ("1", "6")]), "3 of 6");
    }

    #[test]
    fn every_counted_phrase_has_the_forms_its_language_needs() {
        let en = of("en");
        for code in languages() {
            let cat = find(code).unwrap();
            let keys: Vec<&String> = cat.counts.keys().collect();
            assert_eq!(
                keys,
                en.counts.keys().collect::<Vec<_>>(),
                "{code}.yaml counts"
            );
            let needed = cat.cldr().cardinal_categories();
            for (key, forms) in &cat.counts {
                for category in &needed {
                    assert!(
                        forms.contains_key(*category),
                        "{code}.yaml counts.{key}: no {category}"
                    );
                }
                for form in forms.keys() {
                    let exact = form
                        .strip_prefix('=')
                        .is_some_and(|n| n.parse::<u64>().is_ok());
                    assert!(
                        exact || crate::cldr::CATEGORIES.contains(&form.as_str()),
                        "{code}.yaml counts.{key}: unknown form {form}"
                    );
                }
            }
            for category in cat.cldr().ordinal_categories() {
                assert!(cat.ordinals.contains_key(category) || cat.ordinals.contains_key("other"));
            }
        }
    }
}
