//! The header block of an ITU document ("Document RPM-AMS17/41-E", "Original: English", the
//! source, the title) and the region it belongs to.

use crate::model::Region;
use regex::Regex;
use std::sync::LazyLock;

/// What the first lines of a document say.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Header {
    /// "RPM-AMS17/41" (without the language suffix).
    pub symbol: Option<String>,
    /// The language suffix of the symbol ("E", "F").
    pub suffix: Option<char>,
    /// "Addendum 10 to Document WTDC-17/23-E".
    pub addendum: Option<String>,
    /// "English", "anglais".
    pub original: Option<String>,
    /// "ITU Member States, members of the RCC".
    pub source: Option<String>,
    /// "Regional Preparatory Meeting for WTDC-17 for the Americas (RPM-AMS)".
    pub meeting_title: Option<String>,
    /// The document says it is the chairman's report.
    pub chairmans_report: bool,
    /// The lines the header consists of (they are not repeated in the body).
    pub lines: Vec<String>,
}

static SYMBOL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:(Addendum|Corrigendum|Revision|Révision)\s+\d+\s+(?:to|au|à|al)\s+)?Document(?:o)?\s+([A-Z][A-Za-z0-9-]*(?:/[A-Za-z0-9()]+)*?)(?:-([ACEFRS]))?\s*$").unwrap()
});
static ADDENDUM_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:Addendum|Corrigendum|Revision|Révision)\s+\d+\s+(?:to|au|à|al)$").unwrap()
});
static ORIGINAL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^Original\s*:\s*(.+)$").unwrap());
static SOURCE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^(?:Source|Origine|Fuente)\s*:\s*(.+)$").unwrap());
static CHAIRMAN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bREPORT\s+(?:BY|OF)\s+THE\s+CHAIR|RAPPORT\s+DU\s+PRÉSIDENT|INFORME\s+DEL\s+PRESIDENTE").unwrap()
});
static RPM_REGION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\bRPM-(AFR|AMS|ARB|ASP|CIS|EUR)").unwrap());

/// Reads the header from the document's first lines (`lines`: its first paragraphs' text).
pub fn read(lines: &[String]) -> Header {
    let mut h = Header::default();
    // "Addendum 10 to" and "Document WTDC-25/19-E" on two lines (a line break) are one line.
    let mut joined: Vec<String> = Vec::new();
    for line in lines {
        match joined.last_mut() {
            Some(prev) if ADDENDUM_START.is_match(prev.trim()) => {
                prev.push(' ');
                prev.push_str(line.trim());
            }
            _ => joined.push(line.clone()),
        }
    }
    for line in &joined {
        let line = line.trim();
        let mut used = true;
        if let Some(c) = SYMBOL.captures(line) {
            if c.get(1).is_some() {
                h.addendum = Some(line.to_string());
            }
            h.symbol.get_or_insert_with(|| c[2].to_string());
            h.suffix = c.get(3).and_then(|s| s.as_str().chars().next());
        } else if let Some(c) = ORIGINAL.captures(line) {
            h.original = Some(c[1].trim().to_string());
        } else if let Some(c) = SOURCE.captures(line) {
            h.source = Some(c[1].trim().to_string());
        } else if CHAIRMAN.is_match(line) {
            h.chairmans_report = true;
        } else if h.meeting_title.is_none() && line.contains("Preparatory Meeting") {
            h.meeting_title = Some(line.to_string());
        } else if h.source.is_none() && organization(line).is_some() && line.len() < 160 {
            h.source = Some(line.to_string());
        } else if super::facts::dates(line).is_some() && line.len() < 120 {
            // The document's date, or the meeting's place and dates.
        } else {
            used = false;
        }
        if used {
            h.lines.push(line.to_string());
        }
    }
    h
}

/// The regional organization a line names, with its region: ATU → AFR, CITEL → AMS, the
/// Arab States → ARB, APT → ASP, RCC → CIS, CEPT → EUR.
pub fn organization(line: &str) -> Option<(Region, &'static str)> {
    static ORGS: LazyLock<Vec<(Regex, Region, &'static str)>> = LazyLock::new(|| {
        [
            (r"\bATU\b|African Telecommunications? Union|Union africaine des télécommunications|\bUAT\b", Region::AFR, "ATU"),
            (r"\bCITEL\b|Inter-American Telecommunication Commission", Region::AMS, "CITEL"),
            (r"(?i)\bArab (?:States|Group)\b|\bASMG\b|États arabes|Etats arabes|League of Arab States", Region::ARB, "Arab States"),
            (r"\bAPT\b|Asia-Pacific Telecommunity|Télécommunauté Asie-Pacifique", Region::ASP, "APT"),
            (r"\bRCC\b|Regional Commonwealth in the [Ff]ield of Communications|\bCRC\b", Region::CIS, "RCC"),
            (r"\bCEPT\b|European Conference of Postal and Telecommunications", Region::EUR, "CEPT"),
        ]
        .into_iter()
        .map(|(p, r, n)| (Regex::new(p).unwrap(), r, n))
        .collect()
    });
    ORGS.iter()
        .find(|(re, _, _)| re.is_match(line))
        .map(|(_, r, n)| (*r, *n))
}

/// The region of a proposal number's prefix: AFCP → AFR, IAP → AMS, ARB → ARB, ACP → ASP,
/// RCC → CIS, EUR and ECP → EUR.
pub fn number_region(number: &str) -> Option<Region> {
    let prefix: String = number
        .chars()
        .take_while(|c| c.is_ascii_alphabetic())
        .collect();
    Some(match prefix.to_ascii_uppercase().as_str() {
        "AFCP" | "AFR" | "ATU" => Region::AFR,
        "IAP" | "AMS" => Region::AMS,
        "ARB" | "ACP_ARB" => Region::ARB,
        "ACP" | "APT" | "ASP" => Region::ASP,
        "RCC" | "CIS" => Region::CIS,
        "EUR" | "ECP" | "CEPT" => Region::EUR,
        _ => return None,
    })
}

/// The document's region and how it was told: the RPM symbol, else the source organization,
/// else the proposal numbers' prefix.
pub fn region(h: &Header, numbers: &[String]) -> Option<(Region, String)> {
    let named = [h.symbol.as_deref(), h.meeting_title.as_deref()];
    for text in named.into_iter().flatten() {
        if let Some(c) = RPM_REGION.captures(text) {
            let region = Region::parse(&c[1])?;
            return Some((region, format!("from the RPM symbol in “{text}”")));
        }
    }
    if let Some(source) = &h.source
        && let Some((region, org)) = organization(source)
    {
        return Some((region, format!("from the source, {org}")));
    }
    let mut found: Vec<Region> = numbers.iter().filter_map(|n| number_region(n)).collect();
    found.dedup();
    match found.as_slice() {
        [one, ..] if found.iter().all(|r| r == one) => {
            Some((*one, format!("from the proposal numbers ({}…)", numbers[0])))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(l: &[&str]) -> Vec<String> {
        l.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn a_chairmans_report_header() {
        let h = read(&lines(&[
            "Regional Preparatory Meeting for WTDC-17 for the Americas (RPM-AMS)",
            "Asunción, Paraguay, from 22 – 24 February 2017",
            "Document RPM-AMS17/41-E",
            "24 February 2017",
            "Original: English",
            "DRAFT REPORT BY THE CHAIRMAN",
        ]));
        assert_eq!(h.symbol.as_deref(), Some("RPM-AMS17/41"));
        assert_eq!(h.suffix, Some('E'));
        assert_eq!(h.original.as_deref(), Some("English"));
        assert!(h.chairmans_report);
        let (region, how) = region(&h, &[]).unwrap();
        assert_eq!(region, Region::AMS);
        assert!(how.contains("RPM symbol"), "{how}");
    }

    #[test]
    fn a_package_header_and_its_region_from_the_source_or_numbers() {
        let h = read(&lines(&[
            "Addendum 10 to Document WTDC-17/23-E",
            "12 September 2017",
            "Original: Russian",
            "ITU Member States, members of the RCC",
            "DRAFT REVISION TO RESOLUTION 17",
        ]));
        assert_eq!(
            h.addendum.as_deref(),
            Some("Addendum 10 to Document WTDC-17/23-E")
        );
        assert_eq!(h.symbol.as_deref(), Some("WTDC-17/23"));
        let split = read(&lines(&["Addendum 10 to", "Document WTDC-25/19-E"]));
        assert_eq!(
            split.addendum.as_deref(),
            Some("Addendum 10 to Document WTDC-25/19-E")
        );
        assert_eq!(region(&h, &[]).unwrap().0, Region::CIS);
        let bare = Header::default();
        assert_eq!(
            region(&bare, &["IAP/32A2/4".into()]).unwrap().0,
            Region::AMS
        );
        assert_eq!(
            region(&bare, &["ACP/67A1/1".into()]).unwrap().0,
            Region::ASP
        );
        assert_eq!(region(&bare, &["X/1/1".into()]), None);
        let fr = read(&lines(&[
            "Addendum 3 au Document WTDC-25/33-F",
            "Original : anglais",
        ]));
        assert_eq!(fr.suffix, Some('F'));
        assert_eq!(fr.original.as_deref(), Some("anglais"));
    }
}
