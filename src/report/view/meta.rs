//! The cover-block facts of a report (symbol, date, title, subtitle, source), in the report
//! language and following the profile.

use crate::messages::Catalogue;
use crate::model::{Consolidated, Date};
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
}

/// The facts of report `kind` in the language of `cat`; `date` replaces its default date
/// (from `SOURCE_DATE_EPOCH`).
pub fn meta(c: &Consolidated, cat: &Catalogue, kind: ReportKind, date: Option<Date>) -> ReportMeta {
    let conf = &c.cycle.conference;
    let profile = conf.profile.code();
    let text = |key: &str, params: &[String]| {
        cat.profiled(profile, key, params)
            .unwrap_or_else(|| key.to_string())
    };
    let (ag, cf) = (&conf.advisory_group, &conf.conference);
    let (symbol, title, default_date, meeting, to, subtitle) = match kind {
        ReportKind::Synthesis => (
            &conf.documents.synthesis,
            text("report_title_synthesis", std::slice::from_ref(&cf.name)),
            ag.start,
            text(
                "report_meeting_synthesis",
                &[ag.name.clone(), Date::range_in(ag.start, ag.end, cat)],
            ),
            &ag.name,
            "report_subtitle_synthesis",
        ),
        ReportKind::Implementation => (
            &conf.documents.implementation,
            text(
                "report_title_implementation",
                std::slice::from_ref(&cf.name),
            ),
            cf.start,
            text(
                "report_meeting_implementation",
                &[
                    cf.title.clone(),
                    cf.name.clone(),
                    cf.venue.clone(),
                    Date::range_in(cf.start, cf.end, cat),
                ],
            ),
            &cf.name,
            "report_subtitle_implementation",
        ),
    };
    let date = date.unwrap_or(default_date);
    ReportMeta {
        name: report_name(kind, conf.profile).to_string(),
        symbol: symbol.clone(),
        date: date.long_in(cat),
        iso_date: date.to_string(),
        title,
        meeting,
        subtitle: text(subtitle, &[to.clone(), text("resolution_full", &[])]),
        original: cat.language_name.clone(),
        source: text("report_source", &[text("bureau", &[])]),
    }
}
