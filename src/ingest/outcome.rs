//! One outcome file (an RPM outcome, a part of one, or an inter-regional meeting) → model.

use super::body::{self, Context};
use super::front_matter;
use super::merge::Outcome;
use super::yaml::{self, Block, Document};
use crate::model::language;
use crate::model::{
    Conference, Date, Diagnostic, Forum, InterRegionalMeeting, Meeting, Participation, Region,
    RegionParts, Rpm,
};
use serde::Deserialize;

/// The front matter of a file in `rpm/`: an RPM outcome (with `meeting:`) or a part of one
/// (without it).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RpmFrontMatter {
    region: Region,
    #[serde(default)]
    meeting: Option<Meeting>,
    #[serde(default)]
    participation: Option<Participation>,
    /// The Forum on bridging the standardization gap (Res. 43).
    #[serde(default)]
    forum: Option<Forum>,
    #[serde(default = "crate::model::default_language")]
    language: String,
    /// Set when a region holds its RPM in several sessions (several files).
    #[serde(default)]
    session: Option<String>,
    /// A part's document symbol ("Addendum 10 to Document WTDC-17/23").
    #[serde(default)]
    document: Option<String>,
    /// Who submits a part ("ITU Member States, members of the RCC").
    #[serde(default)]
    source: Option<String>,
}

/// The keys only an RPM outcome has, and those only a part has.
const RPM_ONLY: [&str; 3] = ["participation", "forum", "session"];
const PART_ONLY: [&str; 2] = ["document", "source"];

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

/// A file of `rpm/` → the RPM outcome or part it holds, and every problem found in it.
pub fn rpm(
    path: &str,
    text: &str,
    window: Option<(Date, Date)>,
) -> (Option<Outcome>, Vec<Diagnostic>) {
    let split = match front_matter::split(text, path) {
        Ok(s) => s,
        Err(d) => return (None, vec![d]),
    };
    let parsed =
        yaml::parse::<RpmFrontMatter>(split.yaml, &Block::front_matter(path, split.yaml_line));
    let mut diagnostics = parsed.diagnostics;
    let is_part = !parsed.doc.has_key("meeting");
    let Some(fm) = parsed.value else {
        return (None, diagnostics);
    };
    diagnostics.extend(misplaced_keys(&fm, is_part, &parsed.doc));
    diagnostics.extend(unknown_language(&fm.language, &parsed.doc));
    if let Some(meeting) = &fm.meeting {
        diagnostics.extend(check_dates(meeting, &parsed.doc, window));
    }
    if let Some(forum) = &fm.forum {
        diagnostics.extend(forum_dates(forum, &parsed.doc));
    }
    let ctx = Context {
        text,
        body_offset: split.body_offset,
        file: path,
        region: fm.region,
    };
    let (mut body, body_diags) = body::parse(&ctx);
    for p in &mut body.proposals {
        p.language.clone_from(&fm.language);
    }
    diagnostics.extend(body_diags);
    let content = |lead: Option<String>| {
        let text = split.body.trim();
        match lead {
            Some(lead) if !lead.is_empty() => format!("# {lead}\n\n{text}"),
            _ => text.to_string(),
        }
    };
    let outcome = if is_part {
        let lead = match (&fm.document, &fm.source) {
            (Some(d), Some(s)) => Some(format!("{d} ({s})")),
            (d, s) => d.clone().or(s.clone()),
        };
        Outcome::Part(RegionParts {
            region: fm.region,
            language: fm.language,
            documents: fm.document.into_iter().collect(),
            priorities: body.priorities,
            initiatives: body.initiatives,
            proposals: body.proposals,
            other_sections: body.other_sections,
            body: content(lead),
            source: path.to_string(),
        })
    } else {
        let Some(meeting) = fm.meeting else {
            return (None, diagnostics);
        };
        Outcome::Rpm(
            Box::new(Rpm {
                region: fm.region,
                meeting,
                participation: fm.participation.unwrap_or_default(),
                forum: fm.forum,
                language: fm.language,
                priorities: body.priorities,
                initiatives: body.initiatives,
                proposals: body.proposals,
                other_sections: body.other_sections,
                body: content(None),
                source: path.to_string(),
            }),
            fm.session,
        )
    };
    (Some(outcome), diagnostics)
}

/// Keys of an RPM outcome in a part (a file without `meeting:`), and a part's keys in an RPM
/// outcome: errors at the key.
fn misplaced_keys(fm: &RpmFrontMatter, is_part: bool, doc: &Document) -> Vec<Diagnostic> {
    let given = |key: &str| match key {
        "participation" => fm.participation.is_some(),
        "forum" => fm.forum.is_some(),
        "session" => fm.session.is_some(),
        "document" => fm.document.is_some(),
        _ => fm.source.is_some(),
    };
    let (keys, message, help): (&[&str], &str, &str) = if is_part {
        (
            &RPM_ONLY,
            "a file without `meeting:` is a part of its region's outcome, which has no `{key}:`",
            "add the `meeting:` block if the file gives the RPM's outcome; otherwise remove `{key}:`",
        )
    } else {
        (
            &PART_ONLY,
            "`{key}:` is for a part of a region's outcome (a file without `meeting:`)",
            "remove `{key}:`; the meeting's documents are named by `meeting.symbol` and `meeting.report`",
        )
    };
    keys.iter()
        .filter(|k| given(k))
        .map(|k| {
            Diagnostic::error(&doc.key_pos(k), message.replace("{key}", k))
                .with_help(help.replace("{key}", k))
        })
        .collect()
}

/// An outcome's `language:` is one of the six ITU languages: an error with the closest code.
fn unknown_language(code: &str, doc: &Document) -> Option<Diagnostic> {
    if language::is_known(code) {
        return None;
    }
    let d = Diagnostic::error(
        &doc.pos("language"),
        format!(
            "unknown language \"{code}\"; an outcome is written in one of {}",
            language::CODES.join(", ")
        ),
    );
    let closest = language::suggest(code);
    Some(match closest {
        Some(best) => d.with_help(format!(
            "did you mean `{best}`? the six ITU languages are written by their ISO 639-1 codes"
        )),
        None => d.with_help("the six ITU languages are written by their ISO 639-1 codes: ar (Arabic), en (English), es (Spanish), fr (French), ru (Russian), zh (Chinese)"),
    })
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
    errors.extend(unknown_language(&fm.language, &parsed.doc));
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
