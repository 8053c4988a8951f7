use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A calendar date written `YYYY-MM-DD` in the input; invalid dates are rejected where they are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(pub NaiveDate);

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

const MONTHS_FR: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

/// The month names of a report language ("fr"; anything else is English).
fn months(language: &str) -> &'static [&'static str; 12] {
    if language == "fr" {
        &MONTHS_FR
    } else {
        &MONTHS_EN
    }
}

impl Date {
    /// Parses `YYYY-MM-DD`, explaining what is wrong otherwise.
    pub fn parse(text: &str) -> Result<Date, String> {
        NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
            .map(Date)
            .map_err(|_| {
                format!(
                    "\"{}\" is not a valid date; expected YYYY-MM-DD, e.g. 2025-06-03",
                    text.trim()
                )
            })
    }

    /// "3 June 2025".
    pub fn long(self) -> String {
        self.long_in("en")
    }

    /// "3 June 2025" in English, "3 juin 2025" (and "1er juin 2025") in French.
    pub fn long_in(self, language: &str) -> String {
        format!(
            "{} {} {}",
            self.day_in(language),
            months(language)[self.0.month0() as usize],
            self.0.year()
        )
    }

    /// The day of the month; the first is "1er" in French.
    fn day_in(self, language: &str) -> String {
        match (self.0.day(), language) {
            (1, "fr") => "1er".to_string(),
            (day, _) => day.to_string(),
        }
    }

    /// A range as written in ITU documents: "3–5 June 2025", "30 June – 1 July 2025",
    /// "30 December 2024 – 2 January 2025"; a single day when both ends are equal.
    pub fn range(start: Date, end: Date) -> String {
        Date::range_in(start, end, "en")
    }

    /// [`Date::range`] in a report language: "13–15 août 2024" in French.
    pub fn range_in(start: Date, end: Date, language: &str) -> String {
        let (s, e) = (start.0, end.0);
        if s == e {
            start.long_in(language)
        } else if s.year() != e.year() {
            format!("{} – {}", start.long_in(language), end.long_in(language))
        } else if s.month() != e.month() {
            format!(
                "{} {} – {}",
                start.day_in(language),
                months(language)[s.month0() as usize],
                end.long_in(language)
            )
        } else {
            format!("{}–{}", start.day_in(language), end.long_in(language))
        }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.format("%Y-%m-%d"))
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Date, D::Error> {
        let text = String::deserialize(deserializer)?;
        Date::parse(&text).map_err(serde::de::Error::custom)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn formats_ranges_like_itu_documents() {
        assert_eq!(
            Date::range(d("2025-06-03"), d("2025-06-05")),
            "3–5 June 2025"
        );
        assert_eq!(
            Date::range(d("2025-06-30"), d("2025-07-01")),
            "30 June – 1 July 2025"
        );
        assert_eq!(
            Date::range(d("2024-12-30"), d("2025-01-02")),
            "30 December 2024 – 2 January 2025"
        );
        assert_eq!(
            Date::range(d("2024-11-26"), d("2024-11-26")),
            "26 November 2024"
        );
    }

    #[test]
    fn formats_ranges_in_french() {
        assert_eq!(
            Date::range_in(d("2024-08-13"), d("2024-08-15"), "fr"),
            "13–15 août 2024"
        );
        assert_eq!(
            Date::range_in(d("2017-01-30"), d("2017-02-01"), "fr"),
            "30 janvier – 1er février 2017"
        );
    }

    #[test]
    fn rejects_impossible_dates() {
        assert!(
            Date::parse("2025-02-30")
                .unwrap_err()
                .contains("2025-02-30")
        );
        assert!(Date::parse("2024-02-29").is_ok());
    }
}
