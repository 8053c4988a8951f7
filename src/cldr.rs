//! CLDR conventions of a report language, from ICU4X's compiled data: the plural category of a
//! count (cardinal and ordinal rules) and how a number is written (grouping, decimal mark,
//! digits). The message catalogues choose the words; this module chooses which form.

use icu_decimal::DecimalFormatter;
use icu_decimal::input::Decimal;
use icu_locale_core::Locale;
use icu_plurals::{PluralCategory, PluralRules};

/// The CLDR rules of one locale.
pub struct Cldr {
    cardinal: PluralRules,
    ordinal: PluralRules,
    decimal: DecimalFormatter,
}

impl std::fmt::Debug for Cldr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Cldr")
    }
}

/// The names of CLDR's plural categories, in CLDR's order.
pub const CATEGORIES: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

fn name(category: PluralCategory) -> &'static str {
    match category {
        PluralCategory::Zero => "zero",
        PluralCategory::One => "one",
        PluralCategory::Two => "two",
        PluralCategory::Few => "few",
        PluralCategory::Many => "many",
        PluralCategory::Other => "other",
    }
}

impl Cldr {
    /// The rules of a BCP 47 locale ("fr", "ar-u-nu-latn" for Arabic with the digits 0–9).
    pub fn new(locale: &str) -> Result<Cldr, String> {
        let locale: Locale = locale
            .parse()
            .map_err(|e| format!("locale \"{locale}\": {e}"))?;
        let fail = |e: icu_provider::DataError| format!("CLDR data for \"{locale}\": {e}");
        Ok(Cldr {
            cardinal: PluralRules::try_new_cardinal((&locale).into()).map_err(fail)?,
            ordinal: PluralRules::try_new_ordinal((&locale).into()).map_err(fail)?,
            decimal: DecimalFormatter::try_new((&locale).into(), Default::default())
                .map_err(fail)?,
        })
    }

    /// The cardinal plural category of a number written in digits ("5" → "many" in Russian).
    pub fn cardinal(&self, number: &str) -> &'static str {
        match number.parse::<Decimal>() {
            Ok(d) => name(self.cardinal.category_for(&d)),
            Err(_) => "other",
        }
    }

    /// The ordinal plural category of `n` ("2" → "two" in English: 2nd).
    pub fn ordinal(&self, n: u64) -> &'static str {
        name(self.ordinal.category_for(n))
    }

    /// The cardinal categories the language distinguishes ("one", "few", "many", "other" in
    /// Russian).
    pub fn cardinal_categories(&self) -> Vec<&'static str> {
        self.cardinal.categories().map(name).collect()
    }

    /// The ordinal categories the language distinguishes.
    pub fn ordinal_categories(&self) -> Vec<&'static str> {
        self.ordinal.categories().map(name).collect()
    }

    /// A number written in digits, as the language writes it ("12345.5" → "12 345,5" in
    /// French); text that is not a number is returned as it is.
    pub fn number(&self, number: &str) -> String {
        match number.parse::<Decimal>() {
            Ok(d) => self.decimal.format(&d).to_string(),
            Err(_) => number.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn russian_and_arabic_categories() {
        let ru = Cldr::new("ru").unwrap();
        let forms: Vec<&str> = ["1", "2", "5", "21", "11", "22"]
            .iter()
            .map(|n| ru.cardinal(n))
            .collect();
        assert_eq!(forms, ["one", "few", "many", "one", "many", "few"]);
        let ar = Cldr::new("ar-u-nu-latn").unwrap();
        let forms: Vec<&str> = ["0", "1", "2", "3", "11", "100"]
            .iter()
            .map(|n| ar.cardinal(n))
            .collect();
        assert_eq!(forms, ["zero", "one", "two", "few", "many", "other"]);
        assert_eq!(ar.number("12345"), "12,345");
        assert_eq!(Cldr::new("fr").unwrap().cardinal("0"), "one");
        assert_eq!(Cldr::new("en").unwrap().ordinal(22), "two");
    }
}
