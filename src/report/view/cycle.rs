//! The cycle's meetings and checks as the templates read them: the conference, the last
//! advisory-group meeting, the coordination meeting, the inter-regional meetings, the
//! timeline checks.

use crate::messages::Catalogue;
use crate::model::{Conference, Date, InterRegionalMeeting, Param, TimelineCheck, TimelineStatus};
use crate::report::markdown::demote;
use crate::report::names::unbroken;
use serde::Serialize;

/// The conference being prepared.
#[derive(Debug, Serialize)]
pub struct ConferenceView {
    pub name: String,
    pub title: String,
    pub venue: String,
    pub dates: String,
    pub iso_start: String,
    pub iso_end: String,
}

/// The last advisory-group meeting before the conference.
#[derive(Debug, Serialize)]
pub struct MeetingDates {
    pub name: String,
    /// The day the advisory group adopted the synthesis report (`advisory_group.adopted`);
    /// empty when not recorded.
    pub adopted: String,
    pub dates: String,
    pub start: String,
    pub iso_start: String,
    pub iso_end: String,
}

/// The meeting of the RPM chairs and vice-chairs.
#[derive(Debug, Serialize)]
pub struct CoordinationView {
    pub date: String,
    pub iso_date: String,
    pub venue: String,
}

/// One timeline rule checked against the cycle's dates.
#[derive(Debug, Serialize)]
pub struct TimelineView {
    pub rule: String,
    /// The rule's short name in the report language.
    pub label: String,
    pub status: String,
    /// The status in the report language.
    pub status_label: String,
    pub ok: bool,
    pub message: String,
    /// The meetings involved with their dates: "TDAG-29 (17–20 July 2029); …".
    pub dates: String,
    /// The dates the rule accepts, as a range; empty for rules without a window.
    pub window: String,
}

/// One inter-regional meeting with its report.
#[derive(Debug, Serialize)]
pub struct InterRegionalView {
    pub symbol: String,
    pub title: String,
    pub dates: String,
    pub iso_start: String,
    pub iso_end: String,
    pub venue: String,
    pub chair: String,
    /// The chair as a sentence names it: a function gets its article ("the Chair of TDAG"),
    /// a person does not.
    pub chair_in_text: String,
    pub regions: String,
    /// Null when the meeting's file does not give it.
    pub member_states: Option<u32>,
    pub participants: Option<u32>,
    pub body: String,
    pub source: String,
}

pub(super) fn conference(conf: &Conference, cat: &Catalogue) -> ConferenceView {
    let cf = &conf.conference;
    ConferenceView {
        name: super::meta::local_name(&cf.name, "conference_short", conf, cat),
        title: cf.title.clone(),
        venue: cf.venue.clone(),
        dates: Date::range_in(cf.start, cf.end, cat),
        iso_start: cf.start.to_string(),
        iso_end: cf.end.to_string(),
    }
}

/// The last advisory-group meeting; every field empty when the cycle names none (`wtsa`).
pub(super) fn advisory_group(conf: &Conference, cat: &Catalogue) -> MeetingDates {
    let Some(ag) = &conf.advisory_group else {
        return MeetingDates {
            name: String::new(),
            adopted: String::new(),
            dates: String::new(),
            start: String::new(),
            iso_start: String::new(),
            iso_end: String::new(),
        };
    };
    MeetingDates {
        name: super::meta::local_name(&ag.name, "advisory_group_short", conf, cat),
        adopted: ag.adopted.map(|d| d.long_in(cat)).unwrap_or_default(),
        dates: Date::range_in(ag.start, ag.end, cat),
        start: ag.start.long_in(cat),
        iso_start: ag.start.to_string(),
        iso_end: ag.end.to_string(),
    }
}

pub(super) fn coordination_meeting(conf: &Conference, cat: &Catalogue) -> Option<CoordinationView> {
    conf.coordination_meeting
        .as_ref()
        .map(|m| CoordinationView {
            date: m.date.long_in(cat),
            iso_date: m.date.to_string(),
            venue: m.venue.clone().unwrap_or_default(),
        })
}

pub(super) fn inter_regional(m: &InterRegionalMeeting, cat: &Catalogue) -> InterRegionalView {
    InterRegionalView {
        symbol: m.meeting.symbol.clone(),
        title: m.meeting.title.clone(),
        dates: Date::range_in(m.meeting.start, m.meeting.end, cat),
        iso_start: m.meeting.start.to_string(),
        iso_end: m.meeting.end.to_string(),
        venue: venue(m.meeting.venue.as_ref(), m.meeting.is_virtual, cat),
        chair: m.meeting.chair.as_deref().map(unbroken).unwrap_or_default(),
        chair_in_text: m
            .meeting
            .chair
            .as_deref()
            .map(|c| {
                let function = [
                    "Chair",
                    "Vice-Chair",
                    "Chairman",
                    "Chairperson",
                    "Director",
                    "President",
                    "Secretary",
                ]
                .iter()
                .any(|f| c.split_whitespace().next() == Some(*f));
                if function {
                    cat.text("article_function", &[unbroken(c)])
                } else {
                    unbroken(c)
                }
            })
            .unwrap_or_default(),
        regions: m
            .regions
            .iter()
            .map(|r| r.shown(cat))
            .collect::<Vec<_>>()
            .join(", "),
        member_states: m.participation.member_states,
        participants: m.participation.participants,
        body: demote(&m.body, 3),
        source: m.source.clone(),
    }
}

/// The venue, "Geneva (virtual)" or "Virtual meeting" in the report language.
pub(super) fn venue(venue: Option<&String>, is_virtual: bool, cat: &Catalogue) -> String {
    match (venue, is_virtual) {
        (Some(v), false) => v.clone(),
        (Some(v), true) => cat.text("venue_virtual_suffix", std::slice::from_ref(v)),
        (None, _) => cat.text("venue_virtual", &[]),
    }
}

/// The check with the cycle's conference and advisory group named as the report language
/// names them ("AMNT-28" for "WTSA-28" in French, [`super::meta::local_name`]).
fn localised(t: &TimelineCheck, conf: &Conference, cat: &Catalogue) -> TimelineCheck {
    let mut names = vec![(&conf.conference.name, "conference_short")];
    names.extend(
        conf.advisory_group
            .iter()
            .map(|ag| (&ag.name, "advisory_group_short")),
    );
    let local = |name: &str| {
        names.iter().find(|(n, _)| n.as_str() == name).map_or_else(
            || name.to_string(),
            |(n, key)| super::meta::local_name(n, key, conf, cat),
        )
    };
    fn each(p: &Param, local: &dyn Fn(&str) -> String) -> Param {
        match p {
            Param::Text(s) => Param::Text(local(s)),
            Param::Meeting(s, a, b) => Param::Meeting(local(s), *a, *b),
            Param::Days(s, n) => Param::Days(local(s), *n),
            Param::List(items) => Param::List(items.iter().map(|i| each(i, local)).collect()),
            Param::Pair(a, b) => Param::Pair(Box::new(each(a, local)), Box::new(each(b, local))),
            other => other.clone(),
        }
    }
    let mut t = t.clone();
    t.params = t.params.iter().map(|p| each(p, &local)).collect();
    t.dates.iter_mut().for_each(|d| d.name = local(&d.name));
    t
}

pub(super) fn timeline_view(t: &TimelineCheck, conf: &Conference, cat: &Catalogue) -> TimelineView {
    let t = &localised(t, conf, cat);
    let status = serde_json::to_value(t.status)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default();
    let dates: Vec<String> = t
        .dates
        .iter()
        .map(|p| {
            // The cycle's own meetings are named in the report language.
            let name = cat
                .get(&format!("meeting_name.{}", p.name), &[])
                .unwrap_or_else(|| p.name.clone());
            format!("{name} ({})", Date::range_in(p.start, p.end, cat))
        })
        .collect();
    TimelineView {
        rule: t.rule.clone(),
        label: cat.text(&format!("rule.{}", t.rule), &[]),
        status_label: cat.text(&format!("status.{status}"), &[]),
        status,
        ok: t.status != TimelineStatus::Warning,
        message: t.message_in(cat),
        dates: dates.join(&cat.text("separator", &[])),
        window: t
            .window
            .map(|w| Date::range_in(w.from, w.to, cat))
            .unwrap_or_default(),
    }
}
