//! The meeting's facts as a chairman's report states them in prose: where and when it was
//! held, who chaired it, who was elected vice-chair, who attended, how many fellowships were
//! granted. Each phrasing is a pattern; docs/import.md lists them with examples.

use crate::model::number_words;
use chrono::NaiveDate;
use regex::Regex;
use std::sync::LazyLock;

/// What the prose says about the meeting; `None` where it says nothing recognisable.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Facts {
    pub venue: Option<String>,
    pub virtual_meeting: bool,
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
    pub chair: Option<String>,
    pub vice_chairs: Vec<String>,
    pub participants: Option<u64>,
    pub member_states: Option<u64>,
    pub sector_members: Option<u64>,
    pub fellowships: Option<u64>,
    pub organizations: Vec<String>,
}

const MONTHS: &str = "January|February|March|April|May|June|July|August|September|October|November|December|janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre";

/// Month names (English, French with and without accents, Spanish) and their numbers.
const MONTH_NUMBERS: [(&str, u32); 40] = [
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("janvier", 1),
    ("février", 2),
    ("fevrier", 2),
    ("mars", 3),
    ("avril", 4),
    ("mai", 5),
    ("juin", 6),
    ("juillet", 7),
    ("août", 8),
    ("aout", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("décembre", 12),
    ("decembre", 12),
    ("enero", 1),
    ("febrero", 2),
    ("marzo", 3),
    ("abril", 4),
    ("mayo", 5),
    ("junio", 6),
    ("julio", 7),
    ("agosto", 8),
    ("septiembre", 9),
    ("octubre", 10),
    ("noviembre", 11),
    ("diciembre", 12),
    ("setiembre", 9),
];

/// The month number of an English, French or Spanish month name.
fn month(name: &str) -> Option<u32> {
    let name = name.to_lowercase();
    MONTH_NUMBERS
        .iter()
        .find(|(m, _)| *m == name)
        .map(|(_, n)| *n)
}

static DASH: &str = r"\s*(?:–|—|-|to|au|al|and|et|y)\s*";

static SAME_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(\d{{1,2}})(?:st|nd|rd|th|er)?{DASH}(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:de\s+)?({MONTHS})(?:\s+de)?,?\s+(\d{{4}})"
    ))
    .unwrap()
});
static TWO_MONTHS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(\d{{1,2}})(?:st|nd|rd|th|er)?\s+({MONTHS}){DASH}(\d{{1,2}})(?:st|nd|rd|th|er)?\s+({MONTHS}),?\s+(\d{{4}})"
    ))
    .unwrap()
});
static MONTH_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b({MONTHS})\s+(\d{{1,2}})(?:{DASH}(\d{{1,2}}))?,\s*(\d{{4}})"
    ))
    .unwrap()
});
static ONE_DAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(\d{{1,2}})(?:st|nd|rd|th|er)?\s+(?:de\s+)?({MONTHS})(?:\s+de)?,?\s+(\d{{4}})"
    ))
    .unwrap()
});

/// The first date or date range in `text`, and where it starts.
pub fn dates(text: &str) -> Option<(usize, NaiveDate, NaiveDate)> {
    let ymd = |y: &str, m: &str, d: &str| {
        NaiveDate::from_ymd_opt(y.parse().ok()?, month(m)?, d.parse().ok()?)
    };
    let mut found: Vec<(usize, NaiveDate, NaiveDate)> = Vec::new();
    if let Some(c) = SAME_MONTH.captures(text)
        && let (Some(a), Some(b)) = (ymd(&c[4], &c[3], &c[1]), ymd(&c[4], &c[3], &c[2]))
    {
        found.push((c.get(0)?.start(), a, b));
    }
    if let Some(c) = TWO_MONTHS.captures(text)
        && let (Some(a), Some(b)) = (ymd(&c[5], &c[2], &c[1]), ymd(&c[5], &c[4], &c[3]))
    {
        found.push((c.get(0)?.start(), a, b));
    }
    if let Some(c) = MONTH_FIRST.captures(text) {
        let end = c.get(3).map_or(&c[2], |m| m.as_str());
        if let (Some(a), Some(b)) = (ymd(&c[4], &c[1], &c[2]), ymd(&c[4], &c[1], end)) {
            found.push((c.get(0)?.start(), a, b));
        }
    }
    if let Some(c) = ONE_DAY.captures(text)
        && let Some(a) = ymd(&c[3], &c[2], &c[1])
    {
        found.push((c.get(0)?.start(), a, a));
    }
    // The earliest match; at one place, the range (the longer match) wins.
    found.sort_by_key(|(at, a, b)| (*at, std::cmp::Reverse((*b - *a).num_days())));
    found.into_iter().next().filter(|(_, a, b)| a <= b)
}

/// A number written in digits or English or French words ("twenty-five", "168").
pub fn number(words: &str) -> Option<u64> {
    let w = words.trim().to_lowercase().replace(['-', ','], " ");
    if let Ok(n) = w.replace(' ', "").parse() {
        return Some(n);
    }
    let (mut total, mut current, mut any) = (0u64, 0u64, false);
    for word in w.split_whitespace() {
        if word == "and" {
            continue;
        }
        if word == "hundred" {
            current = current.max(1) * 100;
        } else if let Some(n) = number_words::value(word) {
            current += n as u64;
        } else if word == "thousand" {
            total += current.max(1) * 1000;
            current = 0;
        } else {
            return None;
        }
        any = true;
    }
    any.then_some(total + current)
}

/// The number written just before byte `at` of `text` (up to six words back).
fn number_before(text: &str, at: usize) -> Option<u64> {
    let before = &text[..at];
    let words: Vec<&str> = before.split_whitespace().rev().take(6).collect();
    (1..=words.len()).rev().find_map(|n| {
        let phrase: Vec<&str> = words[..n].iter().rev().copied().collect();
        let phrase = phrase.join(" ");
        let phrase = phrase.trim_start_matches(|c: char| !c.is_alphanumeric());
        number(phrase)
    })
}

/// The count before the first match of `pattern` in `text`.
fn count(text: &str, pattern: &Regex) -> Option<u64> {
    pattern
        .find_iter(text)
        .find_map(|m| number_before(text, m.start()))
}

const TITLE: &str = r"(?:Mr|Ms|Mrs|Miss|Dr|Prof|H\.\s?E\.|Eng|Mme|M|Sr|Sra|Dra)\.?";
static PERSON: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\b{TITLE}\s+[^()\n,;]{{2,80}}?\s*\([^()\n]{{2,60}}\)"
    ))
    .unwrap()
});
static CHAIRED_BY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:chaired by|presided over by|présidée? par|presidida por)\s+").unwrap()
});
static ELECTED_CHAIR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\belected\s+(?:as\s+)?(?:the\s+)?(?:Chair(?:man|person|woman)?|President)\b")
        .unwrap()
});
static ELECTED_AS_CHAIR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\belected\s+(.{4,120}?)\s+as\s+(?:the\s+)?(?:Chair(?:man|person|woman)?|President)\b",
    )
    .unwrap()
});
static VICE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:Vice[- ]?(?:Chair(?:men|man|persons|person|women|woman|s)?|Presidents?|présidente?s?))\b").unwrap()
});
static PARTICIPANTS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(?:participants|delegates|participantes)\b").unwrap());
static MEMBER_STATES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:Member States|États Membres|Etats Membres|countries)\b").unwrap()
});
static SECTOR_MEMBERS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(?:Sector Members|Membres de Secteur)\b").unwrap());
static FELLOWSHIPS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(?:fellowships|bourses)\b").unwrap());
static HELD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:was|were|is) held\s+(?:(?:online|virtually)\s+)?(?:in|at|on)\s+|\btook place\s+(?:(?:online|virtually)\s+)?(?:in|at|on)\s+|\s(?:s'est tenue?|a eu lieu)\s+(?:à|au|en)\s+").unwrap()
});
static VIRTUAL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(?:virtual(?:ly)?|online|en ligne|virtuelle?)\b").unwrap());
const ORGANIZATIONS: [&str; 14] = [
    "ATU",
    "CITEL",
    "CTU",
    "Arab League",
    "ASMG",
    "APT",
    "PITA",
    "RCC",
    "CEPT",
    "ECOWAS",
    "SADC",
    "EACO",
    "COMTELCA",
    "CRASA",
];

/// The facts stated in `prose` (the report's paragraphs, one per line) and, for dates and
/// venue not stated there, in the header lines.
pub fn read(prose: &str, header: &[String]) -> Facts {
    let mut f = Facts::default();
    // Where and when: "was held in Asunción, Paraguay, from 22 to 24 February 2017".
    for line in prose.lines() {
        if let Some(m) = HELD.find(line)
            && let Some((at, start, end)) = dates(&line[m.end()..])
        {
            let venue = clean_venue(&line[m.end()..m.end() + at]);
            f.venue = (!venue.is_empty() && !VIRTUAL.is_match(&venue)).then_some(venue);
            f.start = Some(start);
            f.end = Some(end);
            f.virtual_meeting = VIRTUAL.is_match(line);
            break;
        }
    }
    if f.start.is_none() {
        // The header's venue line: "Asunción, Paraguay, from 22 – 24 February 2017".
        for line in header {
            if let Some((at, start, end)) = dates(line)
                && line[..at].contains(|c: char| c.is_alphabetic())
                && !line.starts_with("Document")
            {
                let venue = clean_venue(&line[..at]);
                f.virtual_meeting = VIRTUAL.is_match(line);
                f.venue = (!venue.is_empty() && !VIRTUAL.is_match(&venue)).then_some(venue);
                f.start = Some(start);
                f.end = Some(end);
                break;
            }
        }
    }
    for sentence in sentences(prose) {
        if f.chair.is_none() && !VICE.is_match(sentence) {
            if let Some(m) = CHAIRED_BY.find(sentence) {
                f.chair = PERSON
                    .find(&sentence[m.end()..])
                    .filter(|p| p.start() == 0)
                    .map(|p| tidy(p.as_str()));
            } else if let Some(m) = ELECTED_CHAIR.find(sentence) {
                // "X (Country) was elected Chairman" or "elected X (Country) as Chairman".
                f.chair = PERSON
                    .find_iter(&sentence[..m.start()])
                    .last()
                    .map(|p| tidy(p.as_str()));
            } else if let Some(m) = ELECTED_AS_CHAIR.captures(sentence) {
                f.chair = PERSON.find(&m[1]).map(|p| tidy(p.as_str()));
            }
        } else if f.vice_chairs.is_empty()
            && VICE.is_match(sentence)
            && sentence.contains("elected")
        {
            f.vice_chairs = PERSON
                .find_iter(sentence)
                .map(|p| tidy(p.as_str()))
                .collect();
        }
    }
    f.participants = count(prose, &PARTICIPANTS);
    f.member_states = count(prose, &MEMBER_STATES);
    f.sector_members = count(prose, &SECTOR_MEMBERS);
    f.fellowships = count(prose, &FELLOWSHIPS);
    let mut orgs: Vec<(usize, &str)> = ORGANIZATIONS
        .iter()
        .filter_map(|o| {
            Regex::new(&format!(r"\b{}\b", regex::escape(o)))
                .ok()?
                .find(prose)
                .map(|m| (m.start(), *o))
        })
        .collect();
    orgs.sort();
    f.organizations = orgs.into_iter().map(|(_, o)| o.to_string()).collect();
    f
}

/// Sentences of `prose`, split at ". " and line ends (titles such as "Mr." kept whole).
fn sentences(prose: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for line in prose.lines() {
        let mut start = 0;
        for (i, _) in line.match_indices(". ") {
            let before = &line[start..i];
            let word = before.rsplit(' ').next().unwrap_or("");
            if matches!(
                word,
                "Mr" | "Ms" | "Mrs" | "Dr" | "Prof" | "H.E" | "Eng" | "M" | "No"
            ) || word.len() == 1
            {
                continue;
            }
            out.push(&line[start..=i]);
            start = i + 2;
        }
        out.push(&line[start..]);
    }
    out
}

fn clean_venue(text: &str) -> String {
    let t = text.trim();
    let t = t
        .strip_suffix("from")
        .or_else(|| t.strip_suffix("on"))
        .or_else(|| t.strip_suffix("du"))
        .or_else(|| t.strip_suffix("le"))
        .or_else(|| t.strip_suffix("del"))
        .unwrap_or(t);
    t.trim()
        .trim_end_matches([',', ' ', '\u{a0}'])
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .to_string()
}

fn tidy(person: &str) -> String {
    person.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn dates_in_their_usual_forms() {
        let range = |t: &str| dates(t).map(|(_, a, b)| (a, b));
        let feb = (d(2017, 2, 22), d(2017, 2, 24));
        assert_eq!(
            range("Asunción, Paraguay, from 22 – 24 February 2017"),
            Some(feb)
        );
        assert_eq!(range("from 22 to 24 February 2017"), Some(feb));
        assert_eq!(range("22-24 February 2017"), Some(feb));
        assert_eq!(range("February 22-24, 2017"), Some(feb));
        assert_eq!(
            range("on 26 November 2020 (virtual)"),
            Some((d(2020, 11, 26), d(2020, 11, 26)))
        );
        assert_eq!(
            range("from 30 September to 2 October 2024"),
            Some((d(2024, 9, 30), d(2024, 10, 2)))
        );
        assert_eq!(
            range("du 13 au 15 mai 2029"),
            Some((d(2029, 5, 13), d(2029, 5, 15)))
        );
        assert_eq!(range("1er mars 2029"), Some((d(2029, 3, 1), d(2029, 3, 1))));
        assert_eq!(range("no date here"), None);
    }

    #[test]
    fn numbers_in_digits_and_words() {
        assert_eq!(number("168"), Some(168));
        assert_eq!(number("twelve"), Some(12));
        assert_eq!(number("twenty-five"), Some(25));
        assert_eq!(number("one hundred and sixty-eight"), Some(168));
        assert_eq!(number("1,024"), Some(1024));
        assert_eq!(number("several"), None);
    }

    #[test]
    fn the_facts_of_a_chairmans_report() {
        let prose = "The Regional Preparatory Meeting for the Americas was held in Asunción, Paraguay, from 22 to 24 February 2017.\n\
            The meeting was chaired by Ms Jane Doe (Paraguay). Mr John Smith (Brazil) and Ms Ana Ruiz (Canada) were elected Vice-Chairmen.\n\
            The meeting was attended by one hundred and sixty-eight participants from 25 Member States and five Sector Members, with CITEL and the CTU.\n\
            Twelve fellowships were granted to participants from least developed countries.";
        let f = read(prose, &[]);
        assert_eq!(f.venue.as_deref(), Some("Asunción, Paraguay"));
        assert_eq!(f.start, Some(d(2017, 2, 22)));
        assert_eq!(f.end, Some(d(2017, 2, 24)));
        assert!(!f.virtual_meeting);
        assert_eq!(f.chair.as_deref(), Some("Ms Jane Doe (Paraguay)"));
        assert_eq!(
            f.vice_chairs,
            ["Mr John Smith (Brazil)", "Ms Ana Ruiz (Canada)"]
        );
        assert_eq!(f.participants, Some(168));
        assert_eq!(f.member_states, Some(25));
        assert_eq!(f.sector_members, Some(5));
        assert_eq!(f.fellowships, Some(12));
        assert_eq!(f.organizations, ["CITEL", "CTU"]);
    }

    #[test]
    fn elected_chair_and_a_virtual_meeting() {
        let prose = "The meeting was held online on 26 November 2020.\n\
            Mr Ali Hassan (Egypt) was elected Chairman of the meeting.";
        let f = read(prose, &[]);
        assert!(f.virtual_meeting);
        assert_eq!(f.venue, None);
        assert_eq!(f.start, Some(d(2020, 11, 26)));
        assert_eq!(f.chair.as_deref(), Some("Mr Ali Hassan (Egypt)"));
        let f = read(
            "On the proposal of CITEL, the meeting elected Ms Teresa Giménez (Paraguay) as Chairman of the meeting.",
            &[],
        );
        assert_eq!(f.chair.as_deref(), Some("Ms Teresa Giménez (Paraguay)"));
    }
}
