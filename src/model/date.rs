use crate::messages::{self, Catalogue, fill};
use chrono::{Datelike, Days, Months, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A calendar date written `YYYY-MM-DD` in the input; invalid dates are rejected where they are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(pub NaiveDate);

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
        self.long_in(messages::english())
    }

    /// "3 June 2025" in English, "3 juin 2025" (and "1^er^ juin 2025", raised) in French:
    /// the catalogue's `dates.date` pattern.
    pub fn long_in(self, cat: &Catalogue) -> String {
        fill(
            &cat.dates.date,
            &[
                ("day", &self.day_in(cat)),
                ("month", self.month_in(cat)),
                ("year", &self.0.year().to_string()),
            ],
        )
    }

    /// The day of the month; the first is the catalogue's `first_day` ("1^er^" in French).
    fn day_in(self, cat: &Catalogue) -> String {
        match self.0.day() {
            1 => cat.first_day.clone(),
            day => day.to_string(),
        }
    }

    fn month_in(self, cat: &Catalogue) -> &str {
        &cat.months[self.0.month0() as usize]
    }

    /// A range as written in ITU documents: "3–5 June 2025", "30 June – 1 July 2025",
    /// "30 December 2024 – 2 January 2025"; a single day when both ends are equal.
    pub fn range(start: Date, end: Date) -> String {
        Date::range_in(start, end, messages::english())
    }

    /// [`Date::range`] in a report language, from the catalogue's `dates` patterns: "13–15
    /// août 2024" in French.
    pub fn range_in(start: Date, end: Date, cat: &Catalogue) -> String {
        let (s, e) = (start.0, end.0);
        let patterns = &cat.dates;
        let pattern = if s == e {
            return start.long_in(cat);
        } else if s.year() != e.year() {
            &patterns.range
        } else if s.month() != e.month() {
            &patterns.range_same_year
        } else {
            &patterns.range_same_month
        };
        fill(
            pattern,
            &[
                ("start_day", &start.day_in(cat)),
                ("start_month", start.month_in(cat)),
                ("end_day", &end.day_in(cat)),
                ("end_month", end.month_in(cat)),
                ("year", &e.year().to_string()),
                ("start", &start.long_in(cat)),
                ("end", &end.long_in(cat)),
            ],
        )
    }

    /// The date `months` calendar months earlier; a day the target month lacks (31 June,
    /// 29 February in a common year) becomes that month's last day (chrono's `Months`).
    pub fn months_before(self, months: u32) -> Date {
        self.0
            .checked_sub_months(Months::new(months))
            .map_or(self, Date)
    }

    /// The date `days` days earlier.
    pub fn days_before(self, days: u64) -> Date {
        self.0.checked_sub_days(Days::new(days)).map_or(self, Date)
    }

    /// Days from `self` to `later` (negative when `later` is earlier).
    pub fn days_until(self, later: Date) -> i64 {
        (later.0 - self.0).num_days()
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
        let fr = messages::of("fr");
        assert_eq!(
            Date::range_in(d("2024-08-13"), d("2024-08-15"), fr),
            "13–15 août 2024"
        );
        assert_eq!(
            Date::range_in(d("2017-01-30"), d("2017-02-01"), fr),
            "30 janvier – 1^er^ février 2017"
        );
    }

    #[test]
    fn months_before_clamps_to_the_end_of_shorter_months() {
        assert_eq!(d("2025-07-31").months_before(1), d("2025-06-30"));
        assert_eq!(d("2025-05-31").months_before(3), d("2025-02-28"));
        assert_eq!(d("2024-05-31").months_before(3), d("2024-02-29"));
        assert_eq!(d("2025-02-28").months_before(12), d("2024-02-28"));
        assert_eq!(d("2024-02-29").months_before(12), d("2023-02-28"));
        assert_eq!(d("2025-11-17").days_before(7), d("2025-11-10"));
        assert_eq!(d("2024-02-28").days_until(d("2024-03-01")), 2);
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
