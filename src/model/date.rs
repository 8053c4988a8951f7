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
        format!(
            "{} {} {}",
            self.0.day(),
            MONTHS_EN[self.0.month0() as usize],
            self.0.year()
        )
    }

    /// A range as written in ITU documents: "3–5 June 2025", "30 June – 1 July 2025",
    /// "30 December 2024 – 2 January 2025"; a single day when both ends are equal.
    pub fn range(start: Date, end: Date) -> String {
        let (s, e) = (start.0, end.0);
        if s == e {
            start.long()
        } else if s.year() != e.year() {
            format!("{} – {}", start.long(), end.long())
        } else if s.month() != e.month() {
            format!(
                "{} {} – {}",
                s.day(),
                MONTHS_EN[s.month0() as usize],
                end.long()
            )
        } else {
            format!("{}–{}", s.day(), end.long())
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
    fn rejects_impossible_dates() {
        assert!(
            Date::parse("2025-02-30")
                .unwrap_err()
                .contains("2025-02-30")
        );
        assert!(Date::parse("2024-02-29").is_ok());
    }
}
