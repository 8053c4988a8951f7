//! One outcome file (RPM or inter-regional meeting) → model, and RPM sessions merged per region.

use super::body::{self, Context};
use super::front_matter;
use super::yaml::{self, Block, Document};
use crate::model::{
    Conference, Date, Diagnostic, Forum, InterRegionalMeeting, Meeting, Participation, Region, Rpm,
    SourcePos,
};
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RpmFrontMatter {
    region: Region,
    meeting: Meeting,
    #[serde(default)]
    participation: Participation,
    /// The Forum on bridging the standardization gap (Res. 43).
    #[serde(default)]
    forum: Option<Forum>,
    #[serde(default = "crate::model::default_language")]
    language: String,
    /// Set when a region holds its RPM in several sessions (several files).
    #[serde(default)]
    session: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct InterRegionalFrontMatter {
    meeting: Meeting,
    #[serde(default)]
    participation: Participation,
    #[serde(default = "crate::model::default_language")]
    language: String,
    #[serde(default)]
    regions: Vec<Region>,
}

/// An RPM file → the RPM (with its `session:` label) and every problem found in it.
pub fn rpm(
    path: &str,
    text: &str,
    window: Option<(Date, Date)>,
) -> (Option<(Rpm, Option<String>)>, Vec<Diagnostic>) {
    let split = match front_matter::split(text, path) {
        Ok(s) => s,
        Err(d) => return (None, vec![d]),
    };
    let parsed =
        yaml::parse::<RpmFrontMatter>(split.yaml, &Block::front_matter(path, split.yaml_line));
    let mut diagnostics = parsed.diagnostics;
    let Some(fm) = parsed.value else {
        return (None, diagnostics);
    };
    diagnostics.extend(check_dates(&fm.meeting, &parsed.doc, window));
    if let Some(forum) = &fm.forum {
        diagnostics.extend(forum_dates(forum, &parsed.doc));
    }
    let ctx = Context {
        text,
        body_offset: split.body_offset,
        file: path,
        region: fm.region,
    };
    let (parsed, body_diags) = body::parse(&ctx);
    diagnostics.extend(body_diags);
    let rpm = Rpm {
        region: fm.region,
        meeting: fm.meeting,
        participation: fm.participation,
        forum: fm.forum,
        language: fm.language,
        priorities: parsed.priorities,
        initiatives: parsed.initiatives,
        proposals: parsed.proposals,
        other_sections: parsed.other_sections,
        body: split.body.trim().to_string(),
        source: path.to_string(),
    };
    (Some((rpm, fm.session)), diagnostics)
}

/// An inter-regional meeting file → the meeting.
pub fn inter_regional(
    path: &str,
    text: &str,
    window: Option<(Date, Date)>,
) -> Result<InterRegionalMeeting, Vec<Diagnostic>> {
    let split = front_matter::split(text, path).map_err(|d| vec![d])?;
    let parsed = yaml::parse::<InterRegionalFrontMatter>(
        split.yaml,
        &Block::front_matter(path, split.yaml_line),
    );
    let mut errors = parsed.diagnostics;
    let Some(fm) = parsed.value else {
        return Err(errors);
    };
    errors.extend(check_dates(&fm.meeting, &parsed.doc, window));
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(InterRegionalMeeting {
        meeting: fm.meeting,
        participation: fm.participation,
        language: fm.language,
        regions: fm.regions,
        body: split.body.trim().to_string(),
        source: path.to_string(),
    })
}

/// The days an RPM or inter-regional meeting of the cycle may fall on: from 48 calendar
/// months (one four-year cycle) before the conference's first day to the day before it.
pub fn cycle_window(conference: &Conference) -> (Date, Date) {
    let start = conference.conference.start;
    (start.months_before(48), start.days_before(1))
}

/// Input errors in a meeting's dates, each at its `start:` or `end:` value: the meeting ends
/// before it starts, or it falls outside the cycle's window (one error naming the dates
/// outside, at the first of them).
fn check_dates(m: &Meeting, doc: &Document, window: Option<(Date, Date)>) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    if m.end < m.start {
        out.push(
            Diagnostic::error(
                &doc.pos("meeting.end"),
                format!(
                    "meeting {} ends ({}) before it starts ({})",
                    m.symbol, m.end, m.start
                ),
            )
            .with_help("check the `start:` and `end:` dates"),
        );
    }
    let Some((from, to)) = window else {
        return out;
    };
    let outside = |d: Date| d < from || d > to;
    let (at, dates) = match (outside(m.start), outside(m.end)) {
        (false, false) => return out,
        (true, false) => ("meeting.start", format!("starts {}", m.start)),
        (false, true) => ("meeting.end", format!("ends {}", m.end)),
        (true, true) => (
            "meeting.start",
            format!("starts {} and ends {}", m.start, m.end),
        ),
    };
    out.push(
        Diagnostic::error(
            &doc.pos(at),
            format!(
                "meeting {} {dates}, outside the cycle ({from} to {to})",
                m.symbol
            ),
        )
        .with_help("a meeting of the cycle falls within the 48 months before the conference starts; check the year"),
    );
    out
}

/// The forum held with an RPM ends after it starts.
fn forum_dates(forum: &Forum, doc: &Document) -> Option<Diagnostic> {
    (forum.end < forum.start).then(|| {
        Diagnostic::error(
            &doc.pos("forum.end"),
            format!(
                "the forum ends ({}) before it starts ({})",
                forum.end, forum.start
            ),
        )
        .with_help("check the `start:` and `end:` dates of `forum:`")
    })
}

/// One RPM per region; files of the same region that all set `session:` are merged into one
/// RPM (dates span all sessions, counts are the largest reported, texts are concatenated).
pub fn merge_sessions(
    rpms: Vec<(Rpm, Option<String>)>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Rpm> {
    let mut merged: Vec<(Rpm, bool)> = Vec::new();
    for (rpm, session) in rpms {
        match merged.iter_mut().find(|(m, _)| m.region == rpm.region) {
            Some((first, true)) if session.is_some() => absorb(first, rpm),
            Some((first, _)) => diagnostics.push(
                Diagnostic::error(
                    &SourcePos::new(&rpm.source, 2, 1),
                    format!("a second RPM outcome for region {} (the first is {})", rpm.region, first.source),
                )
                .with_help("if the region met in several sessions, set `session:` in the front matter of each file"),
            ),
            None => merged.push((rpm, session.is_some())),
        }
    }
    let mut rpms: Vec<Rpm> = merged.into_iter().map(|(r, _)| r).collect();
    rpms.sort_by_key(|r| r.region);
    rpms
}

fn absorb(first: &mut Rpm, next: Rpm) {
    let (a, b) = (&mut first.meeting, &next.meeting);
    a.start = a.start.min(b.start);
    a.end = a.end.max(b.end);
    let (p, q) = (&mut first.participation, next.participation);
    p.member_states = p.member_states.max(q.member_states);
    p.sector_members = p.sector_members.max(q.sector_members);
    p.participants = p.participants.max(q.participants);
    p.ldc_fellowships = p.ldc_fellowships.max(q.ldc_fellowships);
    first.forum = first.forum.take().or(next.forum);
    first.priorities.extend(next.priorities);
    first.initiatives.extend(next.initiatives);
    first.proposals.extend(next.proposals);
    first.other_sections.extend(next.other_sections);
    first.body = format!("{}\n\n{}", first.body, next.body);
    first.source = format!("{}, {}", first.source, next.source);
}
