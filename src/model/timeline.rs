//! The outcome of a timeline rule: status, the dates involved and an explanation that can be
//! written in any report language.

use super::{Date, NamedPeriod, Region};
use crate::messages::{self, Catalogue};
use serde::Serialize;

/// Outcome of one timeline rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum TimelineStatus {
    Ok,
    Warning,
    NotApplicable,
}

/// The span of dates a rule accepts, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Window {
    pub from: Date,
    pub to: Date,
}

/// A value filled into a rule's explanation, written in the report language.
#[derive(Debug, Clone, PartialEq)]
pub enum Param {
    Text(String),
    Date(Date),
    /// A meeting and its dates: "RPM-AFR29 (5–7 June 2029)".
    Meeting(String, Date, Date),
    /// Items joined with "; ".
    List(Vec<Param>),
    /// Two values written "A / B" (an RPM and the meeting it overlaps).
    Pair(Box<Param>, Box<Param>),
    /// A meeting and a number of days: the catalogue's `days` text, the number with the
    /// language's plural of "day" ("RPM-AFR28: 1 day", "RPM-AFR28: 90 дней").
    Days(String, i64),
    /// A region's name and code: "Europe (EUR)".
    Region(Region),
}

/// One timeline rule checked against the cycle's dates.
#[derive(Debug, Clone, Serialize)]
pub struct TimelineCheck {
    /// Stable id, listed in docs/profiles.md ("Timeline checks").
    pub rule: String,
    pub status: TimelineStatus,
    /// The explanation in English.
    pub message: String,
    /// The meetings whose dates the rule looked at.
    pub dates: Vec<NamedPeriod>,
    /// The dates the rule accepts, for rules with a window.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub window: Option<Window>,
    /// Catalogue key of the explanation (`timeline.RULE.OUTCOME`) and its parameters.
    #[serde(skip)]
    pub key: String,
    #[serde(skip)]
    pub params: Vec<Param>,
}

impl TimelineCheck {
    /// A check whose explanation is the catalogue text `timeline.RULE.OUTCOME`.
    pub fn new(rule: &str, status: TimelineStatus, outcome: &str, params: Vec<Param>) -> Self {
        let key = format!("timeline.{rule}.{outcome}");
        let mut check = TimelineCheck {
            rule: rule.to_string(),
            status,
            message: String::new(),
            dates: Vec::new(),
            window: None,
            key,
            params,
        };
        check.message = check.message_in(messages::english());
        check
    }

    /// Adds the meetings involved.
    pub fn with_dates(mut self, dates: Vec<NamedPeriod>) -> Self {
        self.dates = dates;
        self
    }

    /// Adds the accepted window.
    pub fn with_window(mut self, from: Date, to: Date) -> Self {
        self.window = Some(Window { from, to });
        self
    }

    /// The explanation in a report language.
    pub fn message_in(&self, cat: &Catalogue) -> String {
        let params: Vec<String> = self.params.iter().map(|p| p.write(cat)).collect();
        cat.text(&self.key, &params)
    }
}

impl Param {
    /// The value as the report language writes it.
    pub fn write(&self, cat: &Catalogue) -> String {
        match self {
            Param::Text(t) => t.clone(),
            Param::Date(d) => d.long_in(cat),
            Param::Meeting(name, start, end) => {
                format!("{name} ({})", Date::range_in(*start, *end, cat))
            }
            Param::List(items) => items
                .iter()
                .map(|p| p.write(cat))
                .collect::<Vec<_>>()
                .join(&cat.get("separator", &[]).unwrap_or_else(|| "; ".into())),
            Param::Pair(a, b) => format!("{} / {}", a.write(cat), b.write(cat)),
            Param::Days(name, n) => {
                let n = n.to_string();
                let days = cat.count("day", Some(&n)).unwrap_or(n);
                cat.text("days", &[name.clone(), days])
            }
            Param::Region(r) => format!("{} ({})", r.in_text(cat), r.shown(cat)),
        }
    }
}

impl NamedPeriod {
    /// A named meeting or day.
    pub fn new(name: &str, start: Date, end: Date) -> NamedPeriod {
        NamedPeriod {
            name: name.to_string(),
            start,
            end,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_take_the_plural_of_the_language() {
        let days =
            |code: &str, n: i64| Param::Days("RPM-AFR28".into(), n).write(messages::of(code));
        assert_eq!(days("en", 1), "RPM-AFR28: 1 day");
        assert_eq!(days("en", 90), "RPM-AFR28: 90 days");
        assert_eq!(days("ru", 21), "RPM-AFR28: 21 день");
        assert_eq!(days("ru", 34), "RPM-AFR28: 34 дня");
        assert_eq!(days("ru", 90), "RPM-AFR28: 90 дней");
        assert_eq!(days("fr", 1), "RPM-AFR28\u{a0}: 1 jour");
        assert_eq!(days("zh", 41), "RPM-AFR28：41天");
    }
}
