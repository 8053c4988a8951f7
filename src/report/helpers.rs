//! Template helpers for editors: region names, date ranges, lists, plurals, ordinals, numbers,
//! and Markdown table cells and anchors. Each reads the catalogue of the report language
//! (`language` at the root of the context, "en" or "fr") where words or conventions differ.

use super::markdown;
use super::strict::present;
use crate::messages::{self, Catalogue};
use crate::model::{Date, Region};
use handlebars::{
    Context, Handlebars, Helper, HelperDef, JsonRender, RenderContext, RenderError,
    RenderErrorReason, ScopedJson,
};
use serde_json::Value as Json;

/// What helpers read from the root of the context: the report language's catalogue and the
/// profile.
struct Root<'a> {
    catalogue: &'a Catalogue,
    profile: &'a str,
    /// The revision of the cycle's resolution, for `{revision}` in messages.
    revision: &'a str,
}

/// Computes a helper's value from its parameters and the root facts.
type Compute = fn(&[&Json], &Root) -> Result<Json, String>;

/// A helper computing a value, usable alone or as a subexpression.
struct ValueHelper {
    /// How it is called, for error messages: "date_range START [END]".
    usage: &'static str,
    /// Fewest and most parameters.
    arity: (usize, usize),
    compute: Compute,
}

impl HelperDef for ValueHelper {
    fn call_inner<'reg: 'rc, 'rc>(
        &self,
        h: &Helper<'rc>,
        _: &'reg Handlebars<'reg>,
        ctx: &'rc Context,
        _: &mut RenderContext<'reg, 'rc>,
    ) -> Result<ScopedJson<'rc>, RenderError> {
        h.params().iter().try_for_each(present)?;
        let params: Vec<&Json> = h.params().iter().map(|p| p.value()).collect();
        let field = |key: &str| ctx.data().get(key).and_then(Json::as_str);
        let root = Root {
            catalogue: messages::of(field("language").unwrap_or("en")),
            profile: field("profile").unwrap_or(""),
            revision: field("resolution_revision").unwrap_or(""),
        };
        let (fewest, most) = self.arity;
        let result = if (fewest..=most).contains(&params.len()) {
            (self.compute)(&params, &root)
        } else {
            Err(format!("wrong number of parameters: {}", params.len()))
        };
        result
            .map(ScopedJson::Derived)
            .map_err(|e| RenderErrorReason::Other(["`{{", self.usage, "}}`: ", &e].concat()).into())
    }
}

/// `{{t "KEY" PARAM…}}`: the text of KEY in the report language's message catalogue, with
/// `{0}`, `{1}` … filled; under profile P, the key `P.KEY` wins when the catalogue has it.
fn translate(params: &[&Json], root: &Root) -> Result<Json, String> {
    let key = text(params[0])?;
    let values: Vec<String> = params[1..].iter().map(|p| p.render()).collect();
    let catalogue = root.catalogue;
    catalogue
        .profiled(root.profile, key, &values)
        .map(|t| Json::from(t.replace("{revision}", root.revision)))
        .ok_or_else(|| {
            let help = match crate::suggest::closest(key, catalogue.keys()) {
                Some(k) => format!("; did you mean \"{k}\"?"),
                None => String::new(),
            };
            format!("unknown message key \"{key}\"{help}")
        })
}

/// Every helper: how it is called (its name first), fewest and most parameters, function. A
/// helper hides a context variable of the same name, so no name here may be a context key.
const HELPERS: &[(&str, (usize, usize), Compute)] = &[
    ("cell TEXT", (1, 1), cell),
    ("slug TEXT", (1, 1), slug),
    ("name_of_region CODE", (1, 1), name_of_region),
    ("date_range START [END]", (1, 2), date_range),
    ("join_and LIST", (1, 1), join_and),
    ("plural N SINGULAR [PLURAL]", (2, 3), plural),
    ("ordinal N", (1, 1), ordinal),
    ("number N", (1, 1), number),
    ("counted N KEY", (2, 2), counted),
    ("t KEY [PARAM…]", (1, usize::MAX), translate),
];

/// The names of the helpers, for documentation checks.
pub fn names() -> impl Iterator<Item = &'static str> {
    HELPERS.iter().map(|(usage, _, _)| name(usage))
}

fn name(usage: &str) -> &str {
    usage.split(' ').next().unwrap_or(usage)
}

/// Registers every helper.
pub(super) fn register(registry: &mut Handlebars) {
    for &(usage, arity, compute) in HELPERS {
        let helper = ValueHelper {
            usage,
            arity,
            compute,
        };
        registry.register_helper(name(usage), Box::new(helper));
    }
}

fn text(value: &Json) -> Result<&str, String> {
    value
        .as_str()
        .ok_or_else(|| format!("expected text, got {value}"))
}

fn int(value: &Json) -> Result<i64, String> {
    value
        .as_i64()
        .ok_or_else(|| format!("expected a whole number, got {value}"))
}

fn cell(params: &[&Json], _: &Root) -> Result<Json, String> {
    Ok(markdown::cell(text(params[0])?).into())
}

fn slug(params: &[&Json], _: &Root) -> Result<Json, String> {
    Ok(markdown::slug(text(params[0])?).into())
}

/// `{{name_of_region "AFR"}}` → "Africa" ("Afrique" in French).
fn name_of_region(params: &[&Json], root: &Root) -> Result<Json, String> {
    let code = text(params[0])?;
    let region = Region::parse(code).ok_or_else(|| {
        let codes: Vec<&str> = Region::ALL.iter().map(|r| r.code()).collect();
        format!(
            "unknown region code \"{code}\"; expected one of {}",
            codes.join(", ")
        )
    })?;
    Ok(region.name(root.catalogue).into())
}

/// `{{date_range "2024-08-13" "2024-08-15"}}` → "13–15 August 2024".
fn date_range(params: &[&Json], root: &Root) -> Result<Json, String> {
    let start = Date::parse(text(params[0])?)?;
    let end = match params.get(1) {
        Some(end) => Date::parse(text(end)?)?,
        None => start,
    };
    Ok(Date::range_in(start, end, root.catalogue).into())
}

/// `{{join_and list}}` → "A, B and C" ("A, B et C" in French).
fn join_and(params: &[&Json], root: &Root) -> Result<Json, String> {
    let items: Vec<String> = params[0]
        .as_array()
        .ok_or_else(|| format!("expected a list, got {}", params[0]))?
        .iter()
        .map(JsonRender::render)
        .collect();
    Ok(root.catalogue.join(&items).into())
}

/// `{{plural 3 "proposal"}}` → "3 proposals": the singular when the number's CLDR plural
/// category is "one" (1 in English; 0 and 1 in French), else the plural, which is the
/// singular with an "s" unless given. For languages with more forms, and for "no proposal",
/// the shipped templates use `counted`.
fn plural(params: &[&Json], root: &Root) -> Result<Json, String> {
    let number = written(params[0])?;
    let singular = text(params[1])?;
    let cldr = root.catalogue.cldr();
    let one = number.as_deref().is_some_and(|n| cldr.cardinal(n) == "one");
    let word = match params.get(2) {
        _ if one => singular.to_string(),
        Some(plural) => text(plural)?.to_string(),
        None => format!("{singular}s"),
    };
    let shown = number.map_or_else(|| MISSING.to_string(), |n| cldr.number(&n));
    Ok(format!("{shown} {word}").into())
}

/// `{{counted 3 "proposal"}}` → "3 proposals": the catalogue's counted phrase KEY (`counts:`)
/// in the form the number takes: its exact form (`=0`: "aucune proposition") or its CLDR
/// plural category (Russian "21 предложение", "22 предложения", "25 предложений").
fn counted(params: &[&Json], root: &Root) -> Result<Json, String> {
    let number = written(params[0])?;
    let key = text(params[1])?;
    let catalogue = root.catalogue;
    catalogue
        .count(key, number.as_deref())
        .map(Json::from)
        .ok_or_else(|| {
            let help =
                match crate::suggest::closest(key, catalogue.counts.keys().map(String::as_str)) {
                    Some(k) => format!("; did you mean \"{k}\"?"),
                    None => String::new(),
                };
            format!("unknown counted phrase \"{key}\"{help}")
        })
}

/// A number as written in digits, `None` for null (a count the input does not give).
fn written(value: &Json) -> Result<Option<String>, String> {
    match value {
        Json::Null => Ok(None),
        Json::Number(n) => Ok(Some(n.to_string())),
        other => Err(format!("expected a number, got {other}")),
    }
}

/// `{{ordinal 22}}` → "22nd" ("22^e^" in French, "1^er^" for 1: raised), by CLDR's ordinal
/// rules and the catalogue's `ordinals:`.
fn ordinal(params: &[&Json], root: &Root) -> Result<Json, String> {
    let n = int(params[0])?;
    let shown = root.catalogue.ordinal(n.unsigned_abs());
    Ok(if n < 0 { format!("-{shown}") } else { shown }.into())
}

/// How a count the input does not give is shown.
const MISSING: &str = "–";

/// `{{number 12345}}` → "12,345" ("12 345" with a narrow no-break space in French), by
/// CLDR; a count the input does not give (null) → "–".
fn number(params: &[&Json], root: &Root) -> Result<Json, String> {
    Ok(match written(params[0])? {
        Some(n) => root.catalogue.cldr().number(&n),
        None => MISSING.to_string(),
    }
    .into())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn en() -> Root<'static> {
        Root {
            catalogue: messages::of("en"),
            profile: "wtdc",
            revision: "Rev. Kigali, 2022",
        }
    }

    #[test]
    fn messages_by_key_with_the_profile_first() {
        assert_eq!(
            call(translate, &[json!("contents")], "fr"),
            "Table des matières"
        );
        assert_eq!(
            call(translate, &[json!("resolution")], "fr"),
            "Résolution 31 (Rév. Kigali, 2022)"
        );
        let err = translate(&[&json!("contnets")], &en()).unwrap_err();
        assert!(err.contains("did you mean \"contents\"?"), "{err}");
    }

    fn call(f: Compute, params: &[Json], language: &str) -> String {
        let refs: Vec<&Json> = params.iter().collect();
        let catalogue = messages::of(language);
        let revision = catalogue
            .profiled("wtdc", "resolution_revision", &[])
            .unwrap_or_default();
        let root = Root {
            catalogue,
            profile: "wtdc",
            revision: &revision,
        };
        match f(&refs, &root) {
            Ok(Json::String(s)) => s,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn ordinals_in_english_and_french() {
        let cases = [
            (1, "1st"),
            (2, "2nd"),
            (3, "3rd"),
            (4, "4th"),
            (11, "11th"),
            (12, "12th"),
            (13, "13th"),
            (21, "21st"),
            (22, "22nd"),
            (101, "101st"),
            (111, "111th"),
        ];
        for (n, expected) in cases {
            assert_eq!(call(ordinal, &[json!(n)], "en"), expected);
        }
        assert_eq!(call(ordinal, &[json!(1)], "fr"), "1^er^");
        assert_eq!(call(ordinal, &[json!(2)], "fr"), "2^e^");
        assert_eq!(call(ordinal, &[json!(101)], "fr"), "101^e^");
    }

    #[test]
    fn numbers_plurals_and_lists() {
        assert_eq!(call(number, &[json!(12345)], "en"), "12,345");
        assert_eq!(call(number, &[json!(-1234567)], "en"), "-1,234,567");
        assert_eq!(call(number, &[json!(999)], "en"), "999");
        assert_eq!(call(number, &[json!(null)], "en"), "–");
        assert_eq!(
            call(plural, &[json!(null), json!("participant")], "en"),
            "– participants"
        );
        assert_eq!(call(number, &[json!(12345.5)], "fr"), "12\u{202F}345,5");
        assert_eq!(
            call(plural, &[json!(1), json!("proposal")], "en"),
            "1 proposal"
        );
        assert_eq!(
            call(plural, &[json!(0), json!("proposal")], "en"),
            "0 proposals"
        );
        assert_eq!(
            call(plural, &[json!(3), json!("entry"), json!("entries")], "en"),
            "3 entries"
        );
        assert_eq!(
            call(plural, &[json!(0), json!("réunion")], "fr"),
            "0 réunion"
        );
        assert_eq!(
            call(join_and, &[json!(["A", "B", "C"])], "en"),
            "A, B and C"
        );
        assert_eq!(call(join_and, &[json!(["A", "B"])], "fr"), "A et B");
    }

    #[test]
    fn counted_phrases_take_each_language_s_forms() {
        let counted_in = |n: Json, key: &str, l| call(counted, &[n, json!(key)], l);
        assert_eq!(counted_in(json!(1), "proposal", "en"), "1 proposal");
        assert_eq!(counted_in(json!(1200), "proposal", "en"), "1,200 proposals");
        assert_eq!(
            counted_in(json!(null), "participant", "en"),
            "– participants"
        );
        assert_eq!(
            counted_in(json!(0), "variant_group", "fr"),
            "aucun groupe de variantes"
        );
        assert_eq!(counted_in(json!(1), "proposal", "fr"), "1 proposition");
        assert_eq!(
            counted_in(json!(3), "regions_held", "fr"),
            "Trois des six régions ont tenu une RPR."
        );
        assert_eq!(
            counted_in(json!(1), "regions_held", "fr"),
            "Une des six régions a tenu une RPR."
        );
        assert_eq!(
            counted_in(json!(3), "regions_held", "es"),
            "Tres de las seis regiones celebraron una RPR."
        );
        assert_eq!(counted_in(json!(0), "proposal", "es"), "ninguna propuesta");
        assert_eq!(
            counted_in(json!(1), "rpms_held", "es"),
            "de la RPR celebrada"
        );
        assert_eq!(
            counted_in(json!(4), "rpms_held", "es"),
            "de las 4 RPR celebradas"
        );
        let forms = |key: &str, l, ns: &[i64]| -> Vec<String> {
            ns.iter().map(|n| counted_in(json!(n), key, l)).collect()
        };
        assert_eq!(
            forms("proposal", "ru", &[1, 2, 5, 21]),
            [
                "1 предложение",
                "2 предложения",
                "5 предложений",
                "21 предложение"
            ]
        );
        assert_eq!(
            forms("participant", "ru", &[1, 3, 11, 1500]),
            [
                "1 участник",
                "3 участника",
                "11 участников",
                "1\u{a0}500 участников"
            ]
        );
        assert_eq!(
            forms("proposal", "ar", &[0, 1, 2, 3, 11, 100]),
            [
                "لا مقترحات",
                "مقترحاً واحداً",
                "مقترحين",
                "3 مقترحات",
                "11 مقترحاً",
                "100 مقترح"
            ]
        );
        assert_eq!(
            forms("proposal", "zh", &[0, 1, 12]),
            ["无提案", "1份提案", "12份提案"]
        );
        assert_eq!(call(ordinal, &[json!(22)], "zh"), "第22");
        assert_eq!(call(number, &[json!(1234567)], "ar"), "1,234,567");
        assert_eq!(call(number, &[json!(12345)], "es"), "12.345");
        assert_eq!(call(join_and, &[json!(["A", "B", "C"])], "zh"), "A、B和C");
        let err = counted(&[&json!(2), &json!("proposals")], &en()).unwrap_err();
        assert!(err.contains("did you mean \"proposal\"?"), "{err}");
    }

    #[test]
    fn region_names_and_date_ranges() {
        assert_eq!(call(name_of_region, &[json!("ARB")], "fr"), "États arabes");
        assert_eq!(
            call(name_of_region, &[json!("cis")], "en"),
            "Commonwealth of Independent States"
        );
        assert!(
            name_of_region(&[&json!("XYZ")], &en())
                .unwrap_err()
                .contains("\"XYZ\"")
        );
        let range = |a: &str, b: &str, l| call(date_range, &[json!(a), json!(b)], l);
        assert_eq!(range("2024-08-13", "2024-08-15", "en"), "13–15 August 2024");
        assert_eq!(
            range("2017-01-30", "2017-02-01", "en"),
            "30 January – 1 February 2017"
        );
        assert_eq!(
            range("2024-12-30", "2025-01-02", "en"),
            "30 December 2024 – 2 January 2025"
        );
        assert_eq!(range("2024-08-13", "2024-08-13", "en"), "13 August 2024");
        assert_eq!(range("2024-08-13", "2024-08-15", "fr"), "13–15 août 2024");
        assert!(
            date_range(&[&json!("13 August")], &en())
                .unwrap_err()
                .contains("YYYY-MM-DD")
        );
    }
}
