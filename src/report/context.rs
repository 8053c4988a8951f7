//! The consolidated model → the view model a report template receives (see `rpmsynth context`).

use super::labels::{join_with, target_long, target_short};
use super::markdown::{demote, demote_keeping_ids, slug, summary};
use super::names::unbroken;
use super::review::{ReviewRow, review};
use crate::messages;
use crate::model::{
    Consolidated, Date, FindingKind, Group, GroupKind, Profile, Proposal, Region, Rpm,
    TimelineCheck, TimelineStatus,
};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::HashMap;

/// Everything a report template may read.
#[derive(Debug, Serialize)]
pub struct ReportContext {
    pub report: ReportMeta,
    pub profile: &'static str,
    pub is_wtdc: bool,
    pub is_wtsa: bool,
    pub language: String,
    pub conference: ConferenceView,
    pub advisory_group: MeetingDates,
    pub coordination_meeting: Option<CoordinationView>,
    pub rpms: Vec<RpmView>,
    pub totals: Totals,
    pub topics: Vec<TopicView>,
    pub matrix: Vec<MatrixRow>,
    pub regions: Vec<&'static str>,
    pub findings: FindingsView,
    pub timeline: Vec<TimelineView>,
    pub inter_regional: Vec<InterRegionalView>,
    /// The "Review of texts" table: every targeted text in numeric order.
    pub review: Vec<ReviewRow>,
    /// The synthesis report's Markdown, cover page aside (implementation report only;
    /// empty otherwise).
    pub synthesis: String,
    /// Document symbols of both reports.
    pub documents: crate::model::Documents,
}

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

#[derive(Debug, Serialize)]
pub struct ConferenceView {
    pub name: String,
    pub title: String,
    pub venue: String,
    pub dates: String,
    pub iso_start: String,
    pub iso_end: String,
}

#[derive(Debug, Serialize)]
pub struct MeetingDates {
    pub name: String,
    pub dates: String,
    pub start: String,
    pub iso_start: String,
    pub iso_end: String,
}

#[derive(Debug, Serialize)]
pub struct CoordinationView {
    pub date: String,
    pub iso_date: String,
    pub venue: String,
}

/// One row of the RPM tables: every region, held or not.
#[derive(Debug, Serialize, Default)]
pub struct RpmView {
    pub code: &'static str,
    pub name: &'static str,
    pub held: bool,
    pub anchor: String,
    pub symbol: String,
    pub title: String,
    pub dates: String,
    /// First and last day, `YYYY-MM-DD` (empty when not held).
    pub iso_start: String,
    pub iso_end: String,
    /// Venue, or "Virtual meeting".
    pub venue: String,
    pub is_virtual: bool,
    pub chair: String,
    pub vice_chairs: String,
    pub regional_organizations: String,
    pub member_states: u32,
    pub sector_members: u32,
    pub participants: u32,
    pub ldc_fellowships: u32,
    pub source: String,
    pub priorities: Vec<String>,
    pub initiatives: Vec<InitiativeView>,
    pub proposal_count: usize,
    /// Ends before the last advisory-group meeting starts.
    pub before_advisory_group: bool,
    /// Other meetings it overlaps, by name.
    pub overlaps: String,
    /// Days from its last day to the conference's first day.
    pub days_to_conference: i64,
    /// The region's Forum on bridging the standardization gap (Res. 43): held, title, dates,
    /// venue, participants.
    pub forum_held: bool,
    pub forum_title: String,
    pub forum_iso_start: String,
    pub forum_iso_end: String,
    pub forum_venue: String,
    pub forum_participants: u32,
    /// The outcome's full Markdown, headings demoted for the annex.
    pub annex: String,
}

#[derive(Debug, Serialize)]
pub struct InitiativeView {
    pub code: String,
    pub title: String,
    pub body: String,
}

#[derive(Debug, Serialize, Default)]
pub struct Totals {
    pub held: usize,
    /// Every one of the six regions held an RPM.
    pub all_held: bool,
    pub member_states: u32,
    pub sector_members: u32,
    pub participants: u32,
    pub ldc_fellowships: u32,
    pub proposals: usize,
    pub groups: usize,
    pub common: usize,
    pub variant: usize,
    pub single: usize,
}

/// A topic with its groups, in catalogue order; "Other proposals" last.
#[derive(Debug, Serialize)]
pub struct TopicView {
    pub id: String,
    pub title: String,
    pub anchor: String,
    pub groups: Vec<GroupView>,
}

/// One entry of "Proposals by topic".
#[derive(Debug, Serialize)]
pub struct GroupView {
    pub id: String,
    pub anchor: String,
    pub kind: GroupKind,
    pub is_common: bool,
    pub is_variant: bool,
    pub is_single: bool,
    pub action: String,
    pub target: String,
    pub target_label: String,
    /// Title of the displayed text (first member in canonical region order).
    pub title: String,
    pub regions: String,
    /// Region of the displayed text (the author of its tracked changes).
    pub region: &'static str,
    /// Supporting region codes, canonical order.
    pub region_codes: Vec<&'static str>,
    pub region_names: String,
    /// Displayed text: the first member's, headings demoted.
    pub text: String,
    pub members: Vec<MemberView>,
    /// Some member's wording differs from the displayed text.
    pub has_changes: bool,
    /// Variants: one entry per cluster of same texts.
    pub variants: Vec<VariantView>,
}

/// One proposal with its provenance.
#[derive(Debug, Serialize)]
pub struct MemberView {
    pub id: String,
    /// Anchor of the proposal in its region's annex (see [`source_anchor`]).
    pub anchor: String,
    pub region: &'static str,
    pub region_name: &'static str,
    pub title: String,
    pub source: String,
    pub text: String,
    /// Word changes from the group's displayed text ("“organise” → “organize”; + “of work”"); empty for the displayed member.
    pub changes: String,
}

/// One text of a variant group, with the regions that support it.
#[derive(Debug, Serialize)]
pub struct VariantView {
    pub label: String,
    /// Region of the displayed text (the author of its tracked changes).
    pub region: &'static str,
    pub regions: String,
    pub ids: String,
    pub title: String,
    pub summary: String,
    pub text: String,
    /// Where each supporting proposal is.
    pub sources: Vec<SourceRef>,
    /// Word changes from variant A when they are few ("“rural” → “urban”"); empty for
    /// variant A and for texts that differ throughout.
    pub changes: String,
}

/// Where a proposal comes from: its id, its anchor in the region's annex and `file:line`.
#[derive(Debug, Serialize, Clone)]
pub struct SourceRef {
    pub id: String,
    pub anchor: String,
    pub source: String,
}

/// The anchor of a proposal (or initiative) heading in its region's annex: `src-afr-afr-p3`.
pub fn source_anchor(qualified_id: &str) -> String {
    format!("src-{}", slug(qualified_id))
}

/// A topic × region row of the convergence matrix.
#[derive(Debug, Serialize)]
pub struct MatrixRow {
    pub topic: String,
    pub anchor: String,
    pub cells: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct FindingView {
    pub message: String,
    pub members: Vec<SourceRef>,
}

#[derive(Debug, Serialize)]
pub struct VariantRef {
    pub title: String,
    pub target_label: String,
    pub action: String,
    pub regions: String,
    pub anchor: String,
}

#[derive(Debug, Serialize)]
pub struct FindingsView {
    pub any: bool,
    pub conflicts: Vec<FindingView>,
    pub variants: Vec<VariantRef>,
    pub unclassified: Vec<FindingView>,
    pub duplicates: Vec<FindingView>,
    pub unknown_targets: Vec<FindingView>,
}

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

#[derive(Debug, Serialize)]
pub struct InterRegionalView {
    pub symbol: String,
    pub title: String,
    pub dates: String,
    pub iso_start: String,
    pub iso_end: String,
    pub venue: String,
    pub chair: String,
    pub regions: String,
    pub member_states: u32,
    pub participants: u32,
    pub body: String,
    pub source: String,
}

/// Builds the context shared by both reports; `meta` says which document it is.
pub fn build(c: &Consolidated, meta: ReportMeta, synthesis: String) -> ReportContext {
    let conf = &c.cycle.conference;
    let lang = conf.language.clone();
    let by_id: HashMap<String, &Proposal> =
        c.cycle.proposals().map(|p| (p.qualified_id(), p)).collect();
    let topics = topics(c, &by_id, &lang);
    let mut totals = Totals {
        proposals: by_id.len(),
        groups: c.groups.len(),
        ..Totals::default()
    };
    for g in &c.groups {
        match g.kind {
            GroupKind::Common => totals.common += 1,
            GroupKind::Variant => totals.variant += 1,
            GroupKind::Single => totals.single += 1,
        }
    }
    let rpms: Vec<RpmView> = Region::ALL.iter().map(|r| rpm_view(c, *r, &lang)).collect();
    for r in rpms.iter().filter(|r| r.held) {
        totals.held += 1;
        totals.member_states += r.member_states;
        totals.sector_members += r.sector_members;
        totals.participants += r.participants;
        totals.ldc_fellowships += r.ldc_fellowships;
    }
    totals.all_held = totals.held == Region::ALL.len();
    ReportContext {
        report: meta,
        profile: conf.profile.code(),
        is_wtdc: conf.profile == Profile::Wtdc,
        is_wtsa: conf.profile == Profile::Wtsa,
        language: lang.clone(),
        conference: ConferenceView {
            name: conf.conference.name.clone(),
            title: conf.conference.title.clone(),
            venue: conf.conference.venue.clone(),
            dates: Date::range_in(conf.conference.start, conf.conference.end, &lang),
            iso_start: conf.conference.start.to_string(),
            iso_end: conf.conference.end.to_string(),
        },
        advisory_group: MeetingDates {
            name: conf.advisory_group.name.clone(),
            dates: Date::range_in(conf.advisory_group.start, conf.advisory_group.end, &lang),
            start: conf.advisory_group.start.long_in(&lang),
            iso_start: conf.advisory_group.start.to_string(),
            iso_end: conf.advisory_group.end.to_string(),
        },
        coordination_meeting: conf
            .coordination_meeting
            .as_ref()
            .map(|m| CoordinationView {
                date: m.date.long_in(&lang),
                iso_date: m.date.to_string(),
                venue: m.venue.clone().unwrap_or_default(),
            }),
        matrix: matrix(&topics, &lang),
        rpms,
        totals,
        regions: Region::ALL.iter().map(|r| r.code()).collect(),
        findings: findings(c, &topics, &lang),
        timeline: c.timeline.iter().map(|t| timeline_view(t, &lang)).collect(),
        inter_regional: c
            .cycle
            .inter_regional
            .iter()
            .map(|m| InterRegionalView {
                symbol: m.meeting.symbol.clone(),
                title: m.meeting.title.clone(),
                dates: Date::range_in(m.meeting.start, m.meeting.end, &lang),
                iso_start: m.meeting.start.to_string(),
                iso_end: m.meeting.end.to_string(),
                venue: venue(m.meeting.venue.as_ref(), m.meeting.is_virtual, &lang),
                chair: m.meeting.chair.as_deref().map(unbroken).unwrap_or_default(),
                regions: m
                    .regions
                    .iter()
                    .map(|r| r.code())
                    .collect::<Vec<_>>()
                    .join(", "),
                member_states: m.participation.member_states,
                participants: m.participation.participants,
                body: demote(&m.body, 3),
                source: m.source.clone(),
            })
            .collect(),
        review: review(&topics),
        topics,
        synthesis,
        documents: conf.documents.clone(),
    }
}

/// The venue, "Geneva (virtual)" or "Virtual meeting" in the report language.
fn venue(venue: Option<&String>, is_virtual: bool, lang: &str) -> String {
    let cat = messages::of(lang);
    match (venue, is_virtual) {
        (Some(v), false) => v.clone(),
        (Some(v), true) => cat.text("venue_virtual_suffix", std::slice::from_ref(v)),
        (None, _) => cat.text("venue_virtual", &[]),
    }
}

fn timeline_view(t: &TimelineCheck, lang: &str) -> TimelineView {
    let cat = messages::of(lang);
    let status = serde_json::to_value(t.status)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default();
    let dates: Vec<String> = t
        .dates
        .iter()
        .map(|p| format!("{} ({})", p.name, Date::range_in(p.start, p.end, lang)))
        .collect();
    TimelineView {
        rule: t.rule.clone(),
        label: cat.text(&format!("rule.{}", t.rule), &[]),
        status_label: cat.text(&format!("status.{status}"), &[]),
        status,
        ok: t.status != TimelineStatus::Warning,
        message: t.message_in(lang),
        dates: dates.join("; "),
        window: t
            .window
            .map(|w| Date::range_in(w.from, w.to, lang))
            .unwrap_or_default(),
    }
}

fn rpm_view(c: &Consolidated, region: Region, lang: &str) -> RpmView {
    let Some(rpm) = c.cycle.rpm(region) else {
        return RpmView {
            code: region.code(),
            name: region.name(lang),
            anchor: format!("rpm-{}", slug(region.code())),
            ..RpmView::default()
        };
    };
    let Rpm {
        meeting: m,
        participation: p,
        ..
    } = rpm;
    let conf = &c.cycle.conference;
    let overlaps: Vec<&str> = conf
        .other_meetings
        .iter()
        .filter(|o| m.start <= o.end && o.start <= m.end)
        .map(|o| o.name.as_str())
        .collect();
    RpmView {
        code: region.code(),
        name: region.name(lang),
        held: true,
        anchor: format!("rpm-{}", slug(region.code())),
        symbol: m.symbol.clone(),
        title: m.title.clone(),
        dates: Date::range_in(m.start, m.end, lang),
        iso_start: m.start.to_string(),
        iso_end: m.end.to_string(),
        venue: venue(m.venue.as_ref(), m.is_virtual, lang),
        is_virtual: m.is_virtual,
        chair: m.chair.as_deref().map(unbroken).unwrap_or_default(),
        vice_chairs: m
            .vice_chairs
            .iter()
            .map(|v| unbroken(v))
            .collect::<Vec<_>>()
            .join("; "),
        regional_organizations: m.regional_organizations.join(", "),
        member_states: p.member_states,
        sector_members: p.sector_members,
        participants: p.participants,
        ldc_fellowships: p.ldc_fellowships,
        source: rpm.source.clone(),
        priorities: rpm.priorities.clone(),
        initiatives: rpm
            .initiatives
            .iter()
            .map(|i| InitiativeView {
                code: i.code.clone(),
                title: i.title.clone(),
                body: demote(&i.body, 5),
            })
            .collect(),
        proposal_count: rpm.proposals.len(),
        before_advisory_group: m.end < conf.advisory_group.start,
        overlaps: overlaps.join(", "),
        days_to_conference: m.end.days_until(conf.conference.start),
        forum_held: rpm.forum.is_some(),
        forum_title: match &rpm.forum {
            Some(f) => f
                .title
                .clone()
                .unwrap_or_else(|| messages::of(lang).text("heading_forum_default", &[])),
            None => String::new(),
        },
        forum_iso_start: rpm
            .forum
            .as_ref()
            .map(|f| f.start.to_string())
            .unwrap_or_default(),
        forum_iso_end: rpm
            .forum
            .as_ref()
            .map(|f| f.end.to_string())
            .unwrap_or_default(),
        forum_venue: rpm
            .forum
            .as_ref()
            .map(|f| venue(f.venue.as_ref(), f.is_virtual, lang))
            .unwrap_or_default(),
        forum_participants: rpm.forum.as_ref().map_or(0, |f| f.participants),
        annex: demote_keeping_ids(&rpm.body, 3, |id| {
            source_anchor(&format!("{}/{id}", rpm.region))
        }),
    }
}

fn topics(c: &Consolidated, by_id: &HashMap<String, &Proposal>, lang: &str) -> Vec<TopicView> {
    let mut views: Vec<TopicView> = c
        .cycle
        .topics
        .iter()
        .map(|t| TopicView {
            id: t.id.clone(),
            title: t.title.clone(),
            anchor: format!("topic-{}", slug(&t.id)),
            groups: Vec::new(),
        })
        .collect();
    let mut other = TopicView {
        id: "other".into(),
        title: messages::of(lang).text("other_proposals", &[]),
        anchor: "topic-other".into(),
        groups: Vec::new(),
    };
    // Group views (word diffs for common proposals and variants) are independent: in parallel.
    let group_views: Vec<GroupView> = c
        .groups
        .par_iter()
        .map(|g| group_view(g, by_id, lang))
        .collect();
    for (g, view) in c.groups.iter().zip(group_views) {
        match views.iter_mut().find(|t| Some(&t.id) == g.topic.as_ref()) {
            Some(t) => t.groups.push(view),
            None => other.groups.push(view),
        }
    }
    views.retain(|t| !t.groups.is_empty());
    if !other.groups.is_empty() {
        views.push(other);
    }
    views
}

fn member_view(p: &Proposal, lang: &str) -> MemberView {
    MemberView {
        id: p.qualified_id(),
        anchor: source_anchor(&p.qualified_id()),
        region: p.region.code(),
        region_name: p.region.name(lang),
        title: p.title.clone(),
        source: p.source.file_line(),
        text: demote(&p.body, 4),
        changes: String::new(),
    }
}

fn group_view(g: &Group, by_id: &HashMap<String, &Proposal>, lang: &str) -> GroupView {
    let mut members: Vec<MemberView> = g
        .members
        .iter()
        .filter_map(|id| by_id.get(id))
        .map(|p| member_view(p, lang))
        .collect();
    if g.kind == GroupKind::Common {
        let (first, rest) = members.split_at_mut(1);
        for m in rest {
            m.changes = super::diff::word_changes(&first[0].text, &m.text, 12).join("; ");
        }
    }
    let by_member_id: HashMap<&str, &MemberView> =
        members.iter().map(|m| (m.id.as_str(), m)).collect();
    let variants: Vec<VariantView> = g
        .clusters
        .iter()
        .enumerate()
        .map(|(n, ids)| {
            let ms: Vec<&MemberView> = ids
                .iter()
                .filter_map(|id| by_member_id.get(id.as_str()).copied())
                .collect();
            let first = ms.first().copied();
            VariantView {
                label: char::from(b'A' + (n % 26) as u8).to_string(),
                region: first.map_or("", |m| m.region),
                regions: ms.iter().map(|m| m.region).collect::<Vec<_>>().join(", "),
                ids: ids.join(", "),
                title: first.map(|m| m.title.clone()).unwrap_or_default(),
                summary: first.map(|m| summary(&m.text, 40)).unwrap_or_default(),
                text: first.map(|m| m.text.clone()).unwrap_or_default(),
                sources: ms.iter().map(|m| m.source_ref()).collect(),
                changes: String::new(),
            }
        })
        .collect();
    let variants = with_changes_from_first(variants);
    let names: Vec<String> = g
        .regions
        .iter()
        .map(|r| format!("{} ({})", r.name(lang), r.code()))
        .collect();
    GroupView {
        id: g.id.clone(),
        anchor: format!("group-{}", slug(&g.id)),
        kind: g.kind,
        is_common: g.kind == GroupKind::Common,
        is_variant: g.kind == GroupKind::Variant,
        is_single: g.kind == GroupKind::Single,
        action: g.action.to_string(),
        target: g.target.clone().unwrap_or_default(),
        target_label: target_long(g.target.as_deref(), lang),
        title: without_label(
            &members.first().map(|m| m.title.clone()).unwrap_or_default(),
            &target_long(g.target.as_deref(), lang),
        ),
        regions: g
            .regions
            .iter()
            .map(|r| r.code())
            .collect::<Vec<_>>()
            .join(", "),
        region: members.first().map_or("", |m| m.region),
        region_codes: g.regions.iter().map(|r| r.code()).collect(),
        region_names: join_with(&names, &messages::of(lang).and),
        text: members.first().map(|m| m.text.clone()).unwrap_or_default(),
        has_changes: members.iter().any(|m| !m.changes.is_empty()),
        members,
        variants,
    }
}

impl MemberView {
    fn source_ref(&self) -> SourceRef {
        SourceRef {
            id: self.id.clone(),
            anchor: self.anchor.clone(),
            source: self.source.clone(),
        }
    }
}

/// Word changes between two variants are listed when there are at most this many changes
/// touching at most [`FEW_WORDS`] words; beyond that the texts differ throughout and are
/// read side by side instead.
const FEW_CHANGES: usize = 6;
const FEW_WORDS: usize = 24;

/// Sets each variant's word changes from variant A, when they are few.
fn with_changes_from_first(mut variants: Vec<VariantView>) -> Vec<VariantView> {
    if let Some((first, rest)) = variants.split_first_mut() {
        let first_words = super::diff::WordCounts::of(&first.text);
        for v in rest {
            // Texts with many more different words than a listing allows are not diffed (the
            // bound is loose: words merged or split by a change can make the two differ).
            if first_words.surplus(&v.text) > 4 * FEW_WORDS {
                continue;
            }
            let changes = super::diff::changes(&first.text, &v.text);
            let words: usize = changes.iter().map(super::diff::Change::words).sum();
            if changes.len() <= FEW_CHANGES && words <= FEW_WORDS {
                let described: Vec<String> = changes.iter().map(|c| c.describe()).collect();
                v.changes = described.join("; ");
            }
        }
    }
    variants
}

/// "Question 7/1: accessibility" under the label "Question 7/1" → "accessibility", so headings
/// do not say the target twice.
fn without_label(title: &str, label: &str) -> String {
    match title.get(..label.len()) {
        Some(head) if head.eq_ignore_ascii_case(label) => {
            let rest = title[label.len()..].trim_start_matches([':', ' ', '-', '–']);
            if rest.is_empty() {
                title.to_string()
            } else {
                rest.to_string()
            }
        }
        _ => title.to_string(),
    }
}

fn matrix(topics: &[TopicView], lang: &str) -> Vec<MatrixRow> {
    topics
        .iter()
        .map(|t| MatrixRow {
            topic: t.title.clone(),
            anchor: t.anchor.clone(),
            cells: Region::ALL
                .iter()
                .map(|r| {
                    let marks: Vec<String> = t
                        .groups
                        .iter()
                        .filter(|g| g.region_codes.contains(&r.code()))
                        .map(|g| {
                            format!(
                                "{} {}",
                                g.action,
                                target_short(
                                    Some(g.target.as_str()).filter(|s| !s.is_empty()),
                                    lang
                                )
                            )
                        })
                        .collect();
                    marks.join("; ")
                })
                .collect(),
        })
        .collect()
}

fn findings(c: &Consolidated, topics: &[TopicView], lang: &str) -> FindingsView {
    let of = |kind: FindingKind| -> Vec<FindingView> {
        c.findings
            .iter()
            .filter(|f| f.kind == kind)
            .map(|f| FindingView {
                message: f.text(lang, |t| target_long(Some(t), lang)),
                members: f
                    .members
                    .iter()
                    .zip(&f.sources)
                    .map(|(id, src)| SourceRef {
                        id: id.clone(),
                        anchor: source_anchor(id),
                        source: src.file_line(),
                    })
                    .collect(),
            })
            .collect()
    };
    let variants: Vec<VariantRef> = topics
        .iter()
        .flat_map(|t| &t.groups)
        .filter(|g| g.is_variant)
        .map(|g| VariantRef {
            title: g.title.clone(),
            target_label: g.target_label.clone(),
            action: g.action.clone(),
            regions: g.regions.clone(),
            anchor: g.anchor.clone(),
        })
        .collect();
    let view = FindingsView {
        any: false,
        conflicts: of(FindingKind::Conflict),
        variants,
        unclassified: of(FindingKind::Unclassified),
        duplicates: of(FindingKind::Duplicate),
        unknown_targets: of(FindingKind::UnknownTarget),
    };
    FindingsView {
        any: !(view.conflicts.is_empty()
            && view.variants.is_empty()
            && view.unclassified.is_empty()
            && view.duplicates.is_empty()
            && view.unknown_targets.is_empty()),
        ..view
    }
}
