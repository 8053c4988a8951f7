use crate::messages::Catalogue;
use serde::Serialize;
use std::fmt;

/// One of the six ITU regions of ITU-D Resolution 31; `Ord` is the canonical report order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Region {
    AFR,
    AMS,
    ARB,
    ASP,
    CIS,
    EUR,
}

impl Region {
    /// All regions in canonical order.
    pub const ALL: [Region; 6] = [
        Region::AFR,
        Region::AMS,
        Region::ARB,
        Region::ASP,
        Region::CIS,
        Region::EUR,
    ];

    /// The three-letter code, e.g. "AFR".
    pub fn code(self) -> &'static str {
        match self {
            Region::AFR => "AFR",
            Region::AMS => "AMS",
            Region::ARB => "ARB",
            Region::ASP => "ASP",
            Region::CIS => "CIS",
            Region::EUR => "EUR",
        }
    }

    /// The region's name in a report language's message catalogue.
    pub fn name(self, cat: &Catalogue) -> &str {
        cat.region(self.code())
    }

    /// Its name as a sentence writes it, with an article where the language wants one ("the
    /// Americas"): `region_in_text.CODE` of the catalogue, else [`Region::name`].
    pub fn in_text(self, cat: &Catalogue) -> String {
        cat.get(&format!("region_in_text.{}", self.code()), &[])
            .unwrap_or_else(|| self.name(cat).to_string())
    }

    /// Its name after "of" in a sentence, with the article the language contracts with it
    /// ("de l'Afrique", "des Amériques"): `region_of.CODE` of the catalogue.
    pub fn of(self, cat: &Catalogue) -> String {
        cat.get(&format!("region_of.{}", self.code()), &[])
            .unwrap_or_else(|| self.in_text(cat))
    }

    /// Its code as the report language writes it ("CEI" for CIS in French), from the
    /// catalogue's `region_codes`; `consolidated.json` keeps [`Region::code`].
    pub fn shown(self, cat: &Catalogue) -> &str {
        cat.region_codes
            .get(self.code())
            .map_or(self.code(), String::as_str)
    }

    /// Parses a region code (case-insensitive, surrounding spaces ignored).
    pub fn parse(code: &str) -> Option<Region> {
        let code = code.trim();
        Region::ALL
            .into_iter()
            .find(|r| r.code().eq_ignore_ascii_case(code))
    }
}

impl fmt::Display for Region {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl<'de> serde::Deserialize<'de> for Region {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Region, D::Error> {
        let text = String::deserialize(deserializer)?;
        Region::parse(&text).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "unknown region \"{text}\"; expected one of AFR, AMS, ARB, ASP, CIS, EUR"
            ))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_codes_case_insensitively_in_canonical_order() {
        assert_eq!(Region::parse(" cis "), Some(Region::CIS));
        assert_eq!(Region::parse("AFRICA"), None);
        assert!(Region::AFR < Region::EUR);
        assert_eq!(Region::ARB.name(crate::messages::of("fr")), "États arabes");
    }
}
