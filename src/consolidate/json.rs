//! The consolidated model as `consolidated.json`: the stable, machine-readable contract, field
//! by field in docs/outputs.md.

use crate::model::{
    AdvisoryGroup, Amendment, ConferenceInfo, Consolidated, CoordinationMeeting, Date, Diagnostic,
    Documents, Finding, Group, NamedPeriod, Participation, RegionalInitiative, TimelineCheck,
};
use serde::Serialize;

#[derive(Serialize)]
struct Json<'a> {
    conference: ConferenceJson<'a>,
    rpms: Vec<RpmJson<'a>>,
    /// The outcome parts of regions without an RPM outcome; left out when there are none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    parts: Vec<PartsJson<'a>>,
    inter_regional: Vec<MeetingJson<'a>>,
    proposals: Vec<ProposalJson<'a>>,
    groups: &'a [Group],
    amendments: &'a [Amendment],
    findings: &'a [Finding],
    timeline: &'a [TimelineCheck],
    diagnostics: &'a [Diagnostic],
}

#[derive(Serialize)]
struct ConferenceJson<'a> {
    name: &'a str,
    profile: &'a str,
    title: &'a str,
    venue: &'a str,
    start: Date,
    end: Date,
    #[serde(skip_serializing_if = "Option::is_none")]
    advisory_group: &'a Option<AdvisoryGroup>,
    #[serde(skip_serializing_if = "Option::is_none")]
    council: &'a Option<crate::model::CouncilSession>,
    coordination_meeting: &'a Option<CoordinationMeeting>,
    other_meetings: &'a [NamedPeriod],
    documents: &'a Documents,
    language: &'a str,
}

#[derive(Serialize)]
struct RpmJson<'a> {
    region: &'a str,
    symbol: &'a str,
    title: &'a str,
    start: Date,
    end: Date,
    venue: Option<&'a str>,
    #[serde(rename = "virtual")]
    is_virtual: bool,
    chair: Option<&'a str>,
    vice_chairs: &'a [String],
    regional_organizations: &'a [String],
    participation: Participation,
    language: &'a str,
    priorities: &'a [String],
    initiatives: Vec<InitiativeJson<'a>>,
    source: &'a str,
}

#[derive(Serialize)]
struct PartsJson<'a> {
    region: &'a str,
    documents: &'a [String],
    language: &'a str,
    priorities: &'a [String],
    initiatives: Vec<InitiativeJson<'a>>,
    source: &'a str,
}

#[derive(Serialize)]
struct InitiativeJson<'a> {
    code: &'a str,
    title: &'a str,
}

#[derive(Serialize)]
struct MeetingJson<'a> {
    symbol: &'a str,
    title: &'a str,
    start: Date,
    end: Date,
    regions: Vec<&'a str>,
    participation: Participation,
    source: &'a str,
}

#[derive(Serialize)]
struct ProposalJson<'a> {
    id: String,
    number: Option<&'a str>,
    region: &'a str,
    action: &'a str,
    /// The mark as written when it is not the action's code (`(MOD)`, `ADD*`).
    #[serde(skip_serializing_if = "Option::is_none")]
    mark: Option<&'a str>,
    target: Option<&'a str>,
    topic: Option<&'a str>,
    title: &'a str,
    source: String,
    classified_via: &'a str,
    language: &'a str,
}

fn initiatives(list: &[RegionalInitiative]) -> Vec<InitiativeJson<'_>> {
    list.iter()
        .map(|i| InitiativeJson {
            code: &i.code,
            title: &i.title,
        })
        .collect()
}

/// Writes the consolidated data as pretty-printed JSON, ending with a newline, into `out`.
pub fn write_json(
    c: &Consolidated,
    extra_diagnostics: &[Diagnostic],
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let conf = &c.cycle.conference;
    let ConferenceInfo {
        name,
        title,
        venue,
        start,
        end,
    } = &conf.conference;
    let diagnostics: Vec<Diagnostic> = extra_diagnostics
        .iter()
        .chain(&c.diagnostics)
        .cloned()
        .collect();
    let json = Json {
        conference: ConferenceJson {
            name,
            profile: conf.profile.code(),
            title,
            venue,
            start: *start,
            end: *end,
            advisory_group: &conf.advisory_group,
            council: &conf.council,
            coordination_meeting: &conf.coordination_meeting,
            other_meetings: &conf.other_meetings,
            documents: &conf.documents,
            language: &conf.language,
        },
        rpms: c
            .cycle
            .rpms
            .iter()
            .map(|r| RpmJson {
                region: r.region.code(),
                symbol: &r.meeting.symbol,
                title: &r.meeting.title,
                start: r.meeting.start,
                end: r.meeting.end,
                venue: r.meeting.venue.as_deref(),
                is_virtual: r.meeting.is_virtual,
                chair: r.meeting.chair.as_deref(),
                vice_chairs: &r.meeting.vice_chairs,
                regional_organizations: &r.meeting.regional_organizations,
                participation: r.participation,
                language: &r.language,
                priorities: &r.priorities,
                initiatives: initiatives(&r.initiatives),
                source: &r.source,
            })
            .collect(),
        parts: c
            .cycle
            .parts
            .iter()
            .map(|p| PartsJson {
                region: p.region.code(),
                documents: &p.documents,
                language: &p.language,
                priorities: &p.priorities,
                initiatives: initiatives(&p.initiatives),
                source: &p.source,
            })
            .collect(),
        inter_regional: c
            .cycle
            .inter_regional
            .iter()
            .map(|m| MeetingJson {
                symbol: &m.meeting.symbol,
                title: &m.meeting.title,
                start: m.meeting.start,
                end: m.meeting.end,
                regions: m.regions.iter().map(|r| r.code()).collect(),
                participation: m.participation,
                source: &m.source,
            })
            .collect(),
        proposals: c
            .cycle
            .proposals()
            .map(|p| ProposalJson {
                id: p.qualified_id(),
                number: p.number.as_deref(),
                mark: p.mark.as_deref(),
                region: p.region.code(),
                action: p.action.code(),
                target: p.target.as_deref(),
                topic: p.topic.as_deref(),
                title: &p.title,
                source: p.source.file_line(),
                classified_via: &p.classified_via,
                language: &p.language,
            })
            .collect(),
        groups: &c.groups,
        amendments: &c.amendments,
        findings: &c.findings,
        timeline: &c.timeline,
        diagnostics: &diagnostics,
    };
    serde_json::to_writer_pretty(&mut *out, &json)?;
    out.write_all(b"\n")
}
