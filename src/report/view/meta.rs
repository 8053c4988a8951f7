//! The cover-block facts of a report (symbol, date, title, subtitle, source), in the report
//! language and following the profile.

use crate::messages::Catalogue;
use crate::model::{Conference, Consolidated, Date, Profile};
use crate::report::{ReportKind, report_name};
use serde::Serialize;

/// Cover-block facts of the document being produced.
#[derive(Debug, Serialize, Clone)]
pub struct ReportMeta {
    /// Output file stem: `tdag-synthesis`, `wtdc-implementation` (wtdc); `synthesis`,
    /// `report-to-council` (wtsa).
    pub name: String,
    pub symbol: String,
    /// What follows "Document" on the cover: the symbol, or an assembly document's number
    /// ("20-E" for WTSA-28/20), or a Council document's symbol ("C28/45-E").
    pub document: String,
    /// How the cover is laid out: `document` (an ITU document), `td` (a TSAG TD header),
    /// `annex` (the synthesis as an annex of the report to the Council, no symbol of its own).
    pub form: &'static str,
    pub is_td: bool,
    pub is_annex: bool,
    /// The report goes to the ITU Council (its symbol is a Council one, C28/45).
    pub to_council: bool,
    /// The meeting the report is submitted to ("TSAG-28", "WTSA-29"); the Council when
    /// `to_council`, whose sentences have their own keys.
    pub recipient: String,
    /// The implementation report annexes the synthesis (it has no symbol of its own).
    pub synthesis_annexed: bool,
    /// The ITU-T study period on a TSAG TD's header: "2025-2028".
    pub study_period: String,
    pub date: String,
    pub iso_date: String,
    pub title: String,
    /// The meeting the document is for: "TDAG-29, 17–20 July 2029".
    pub meeting: String,
    /// What the document is under: "Submitted to TDAG-29 under Resolution 31 …".
    pub subtitle: String,
    /// The language of the original: "English".
    pub original: String,
    pub source: String,
    /// Which report it is: `synthesis` or `implementation`.
    pub kind: &'static str,
    pub is_synthesis: bool,
    /// The documents the report refers to: the resolution, then each RPM's report.
    pub references: Vec<String>,
    /// The secretariat's contact, one line ("Name, Position – Tel.: … – E-mail: …"); empty
    /// when `conference.yaml` gives none.
    pub contact: String,
}

/// The facts of report `kind` in the language of `cat`; `date` replaces its default date
/// (from `SOURCE_DATE_EPOCH`).
pub fn meta(c: &Consolidated, cat: &Catalogue, kind: ReportKind, date: Option<Date>) -> ReportMeta {
    let conf = &c.cycle.conference;
    let profile = conf.profile.code();
    let revision = revision(conf, cat);
    let text = |key: &str, params: &[String]| {
        cat.profiled_text(profile, key, params)
            .replace("{revision}", &revision)
    };
    let (cf, docs) = (&conf.conference, &conf.documents);
    let cf_name = local_name(&cf.name, "conference_short", conf, cat);
    let ag_name = conf
        .advisory_group
        .as_ref()
        .map(|ag| local_name(&ag.name, "advisory_group_short", conf, cat));
    let suffix = cat.text("symbol_suffix", &[]);
    let synthesis_annexed = docs.synthesis.trim().is_empty();
    let to_council = is_council_symbol(&docs.implementation);
    // A Council document is dated by default the first day of the session it is for.
    let council_start = conf
        .council
        .as_ref()
        .filter(|_| to_council)
        .map(|c| c.start);
    let council_line = || {
        let mut line = vec![];
        if let Some(c) = &conf.council {
            line.push(local_name(&c.name, "council_title", conf, cat));
            line.extend(c.venue.iter().cloned());
            line.push(Date::range_in(c.start, c.end, cat));
        } else {
            line.push(text("council_title", &[]));
        }
        line.join(&cat.text("comma", &[]))
    };
    let assembly_line = || {
        text(
            "report_meeting_implementation",
            &[
                cf.title.clone(),
                cf_name.clone(),
                cf.venue.clone(),
                Date::range_in(cf.start, cf.end, cat),
            ],
        )
    };
    let implementation_recipient = if to_council {
        text("council_title", &[])
    } else {
        cf_name.clone()
    };
    // The implementation report, and the synthesis when it is that report's annex.
    let implementation_date = docs
        .implementation_date
        .or(docs.date)
        .unwrap_or_else(|| council_start.unwrap_or(cf.start));
    let implementation_line = || {
        if to_council {
            council_line()
        } else {
            assembly_line()
        }
    };
    let (symbol, title, default_date, meeting, recipient, subtitle, form) = match kind {
        ReportKind::Synthesis => match &conf.advisory_group {
            _ if synthesis_annexed => (
                &docs.implementation,
                text("report_title_synthesis", std::slice::from_ref(&cf_name)),
                implementation_date,
                implementation_line(),
                implementation_recipient.clone(),
                "report_subtitle_synthesis",
                "annex",
            ),
            Some(ag) => {
                let td = conf.profile == Profile::Wtsa && is_td_symbol(&docs.synthesis);
                let mut line = if td {
                    vec![]
                } else {
                    vec![text("advisory_group_title", &[])]
                };
                line.extend(ag.meeting.iter().filter(|_| !td).cloned());
                line.extend(ag.venue.iter().cloned());
                line.push(Date::range_in(ag.start, ag.end, cat));
                (
                    &docs.synthesis,
                    text("report_title_synthesis", std::slice::from_ref(&cf_name)),
                    docs.date.unwrap_or(ag.start),
                    line.join(&cat.text("comma", &[])),
                    ag_name.clone().unwrap_or_default(),
                    "report_subtitle_synthesis",
                    if td { "td" } else { "document" },
                )
            }
            None => (
                &docs.synthesis,
                text("report_title_synthesis", std::slice::from_ref(&cf_name)),
                docs.date.unwrap_or(cf.start),
                assembly_line(),
                cf_name.clone(),
                "report_subtitle_synthesis",
                "document",
            ),
        },
        ReportKind::Implementation => (
            &docs.implementation,
            text(
                "report_title_implementation",
                std::slice::from_ref(&cf_name),
            ),
            implementation_date,
            implementation_line(),
            implementation_recipient.clone(),
            "report_subtitle_implementation",
            "document",
        ),
    };
    let date = date.unwrap_or(default_date);
    // The document is the report to the Council, or the synthesis annexed to it.
    let council_document = to_council && (kind == ReportKind::Implementation || form == "annex");
    let subtitle = if council_document {
        "report_subtitle_council"
    } else {
        subtitle
    };
    let mut references = vec![text("resolution_full", &[])];
    references.extend(c.cycle.rpms.iter().map(|r| {
        let report = r.meeting.report.as_deref().unwrap_or(&r.meeting.symbol);
        text(
            "reference_rpm_report",
            &[report.to_string(), r.meeting.title.clone()],
        )
    }));
    if let (ReportKind::Implementation, false) = (kind, synthesis_annexed) {
        let to = ag_name.clone().unwrap_or_else(|| cf_name.clone());
        references.insert(
            1,
            text("reference_synthesis", &[docs.synthesis.clone(), to]),
        );
    }
    let symbol = if form == "td" {
        symbol.clone()
    } else {
        with_language(symbol, &suffix)
    };
    // An assembly's own document is "Document 20-E" under its meeting line (WTSA-28/20).
    let own = format!("{}/", cf.name);
    let number = match symbol.strip_prefix(&own) {
        Some(number) if conf.profile == Profile::Wtsa => number.to_string(),
        _ => symbol.clone(),
    };
    let document = if form == "annex" {
        text("annex_to_document", &[number])
    } else {
        text("cover_document", &[number])
    };
    let year = chrono::Datelike::year(&cf.start.0);
    ReportMeta {
        name: report_name(kind, conf.profile).to_string(),
        symbol,
        document,
        form,
        is_td: form == "td",
        is_annex: form == "annex",
        to_council: council_document,
        recipient: recipient.clone(),
        synthesis_annexed,
        study_period: docs
            .study_period
            .clone()
            .unwrap_or_else(|| format!("{}-{year}", year - 3)),
        date: date.long_in(cat),
        iso_date: date.to_string(),
        title,
        meeting,
        subtitle: text(subtitle, &[recipient, text("resolution_full", &[])]),
        original: cat.language_name.clone(),
        source: if to_council && kind == ReportKind::Implementation {
            text("report_source_council", &[])
        } else {
            text("report_source", &[text("bureau", &[])])
        },
        kind: match kind {
            ReportKind::Synthesis => "synthesis",
            ReportKind::Implementation => "implementation",
        },
        is_synthesis: kind == ReportKind::Synthesis,
        references,
        contact: conf.contact.as_ref().map_or_else(String::new, |p| {
            let mut parts = vec![p.name.clone()];
            parts.extend(p.title.iter().cloned());
            let mut line = parts.join(", ");
            if let Some(phone) = &p.phone {
                line += &format!(" – {}", text("contact_phone", std::slice::from_ref(phone)));
            }
            if let Some(email) = &p.email {
                line += &format!(" – {}", text("contact_email", std::slice::from_ref(email)));
            }
            line
        }),
    }
}

/// A meeting's name as the report language writes it: the cycle's "WTSA-28" is "AMNT-28" in
/// a French report, "TDAG-29" "КГРЭ-29" and "Council 2029" "Совет 2029" in a Russian one
/// (`PROFILE.conference_short`, `PROFILE.advisory_group_short` or `council_title` of the
/// catalogue, `key`, against English's); another name is kept as given.
pub fn local_name(name: &str, key: &str, conf: &Conference, cat: &Catalogue) -> String {
    let profile = conf.profile.code();
    let english = crate::messages::english().profiled(profile, key, &[]);
    let own = cat.profiled(profile, key, &[]);
    let (Some(english), Some(own)) = (english, own) else {
        return name.to_string();
    };
    match name.strip_prefix(english.as_str()) {
        Some(rest) if own != english && (rest.is_empty() || rest.starts_with(['-', ' '])) => {
            format!("{own}{rest}")
        }
        _ => name.to_string(),
    }
}

/// A Council document's symbol: "C28/45".
fn is_council_symbol(symbol: &str) -> bool {
    let b = symbol.as_bytes();
    b.len() > 4 && b[0] == b'C' && b[1].is_ascii_digit() && b[2].is_ascii_digit() && b[3] == b'/'
}

/// A TSAG temporary document's symbol: "TSAG-TD100", "TSAG/TD100", "TD100".
fn is_td_symbol(symbol: &str) -> bool {
    symbol.split(['/', '-']).any(|part| {
        part.strip_prefix("TD")
            .is_some_and(|n| n.starts_with(|c: char| c.is_ascii_digit()))
    })
}

/// The revision of the cycle's resolution as cited: the cycle's own, else the profile's in
/// the catalogue ("Rev. Kigali, 2022").
pub fn revision(conf: &Conference, cat: &Catalogue) -> String {
    conf.resolution_revision.clone().unwrap_or_else(|| {
        cat.profiled(conf.profile.code(), "resolution_revision", &[])
            .unwrap_or_default()
    })
}

/// A document symbol with its language suffix ("TDAG-25/12" → "TDAG-25/12-E"), unless it
/// has one.
fn with_language(symbol: &str, suffix: &str) -> String {
    let has_one = symbol
        .rsplit_once('-')
        .is_some_and(|(_, s)| ["E", "F", "S", "A", "C", "R"].contains(&s));
    if has_one || suffix.is_empty() || symbol.is_empty() {
        symbol.to_string()
    } else {
        format!("{symbol}-{suffix}")
    }
}
