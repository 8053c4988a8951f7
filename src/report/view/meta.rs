//! The cover-block facts of a report (symbol, date, title, subtitle, source), in the report
//! language and following the profile.

use crate::messages::Catalogue;
use crate::model::{Conference, Consolidated, Date};
use crate::report::{ReportKind, report_name};
use serde::Serialize;

/// Cover-block facts of the document being produced.
#[derive(Debug, Serialize, Clone)]
pub struct ReportMeta {
    /// Output file stem: `tdag-synthesis`, `wtdc-implementation`, `wtsa-implementation`.
    pub name: String,
    pub symbol: String,
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
        cat.profiled(profile, key, params)
            .map_or_else(|| key.to_string(), |t| t.replace("{revision}", &revision))
    };
    let (ag, cf, docs) = (&conf.advisory_group, &conf.conference, &conf.documents);
    let cf_name = local_name(&cf.name, "conference_short", conf, cat);
    let ag_name = local_name(&ag.name, "advisory_group_short", conf, cat);
    let (symbol, title, default_date, meeting, to, subtitle) = match kind {
        ReportKind::Synthesis => {
            let mut line = vec![text("advisory_group_title", &[])];
            line.extend(ag.meeting.iter().cloned());
            line.extend(ag.venue.iter().cloned());
            line.push(Date::range_in(ag.start, ag.end, cat));
            (
                &docs.synthesis,
                text("report_title_synthesis", std::slice::from_ref(&cf_name)),
                docs.date.unwrap_or(ag.start),
                line.join(&cat.text("comma", &[])),
                &ag_name,
                "report_subtitle_synthesis",
            )
        }
        ReportKind::Implementation => (
            &docs.implementation,
            text(
                "report_title_implementation",
                std::slice::from_ref(&cf_name),
            ),
            docs.implementation_date.or(docs.date).unwrap_or(cf.start),
            text(
                "report_meeting_implementation",
                &[
                    cf.title.clone(),
                    cf_name.clone(),
                    cf.venue.clone(),
                    Date::range_in(cf.start, cf.end, cat),
                ],
            ),
            &cf_name,
            "report_subtitle_implementation",
        ),
    };
    let date = date.unwrap_or(default_date);
    let mut references = vec![text("resolution_full", &[])];
    references.extend(c.cycle.rpms.iter().map(|r| {
        let report = r.meeting.report.as_deref().unwrap_or(&r.meeting.symbol);
        text(
            "reference_rpm_report",
            &[report.to_string(), r.meeting.title.clone()],
        )
    }));
    if kind == ReportKind::Implementation {
        references.insert(
            1,
            text(
                "reference_synthesis",
                &[docs.synthesis.clone(), ag_name.clone()],
            ),
        );
    }
    ReportMeta {
        name: report_name(kind, conf.profile).to_string(),
        symbol: with_language(symbol, &cat.text("symbol_suffix", &[])),
        date: date.long_in(cat),
        iso_date: date.to_string(),
        title,
        meeting,
        subtitle: text(subtitle, &[to.clone(), text("resolution_full", &[])]),
        original: cat.language_name.clone(),
        source: text("report_source", &[text("bureau", &[])]),
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
/// a French report, "TDAG-29" "КГРЭ-29" in a Russian one (`PROFILE.conference_short` or
/// `PROFILE.advisory_group_short` of the catalogue, `key`, against English's); another name is
/// kept as given.
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
