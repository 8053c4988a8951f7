//! The regional preparatory meetings as the templates read them: one row per region, held or
//! not, with its forum and annex, and the totals over those held.

use super::cycle::venue;
use super::streamed::{self, Annex, AnnexText};
use crate::messages::Catalogue;
use crate::model::{Consolidated, GroupKind, Region, Rpm};
use crate::report::markdown::{demote, slug};
use crate::report::names::unbroken;
use serde::Serialize;

/// One row of the RPM tables: every region, held or not.
#[derive(Debug, Serialize, Default)]
pub struct RpmView<'a> {
    pub code: &'static str,
    pub name: &'static str,
    pub held: bool,
    /// Held no RPM (no outcome file with `meeting:`) but gave parts of its outcome: its
    /// annex holds them.
    pub parts_only: bool,
    /// The number of its annex in the synthesis (1 for the first region with one); 0 when
    /// it has none (neither held nor gave parts).
    pub annex_number: usize,
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
    /// Counts as the outcome gives them; null where it does not ("–" in tables).
    pub member_states: Option<u32>,
    pub sector_members: Option<u32>,
    pub participants: Option<u32>,
    pub ldc_fellowships: Option<u32>,
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
    /// The region's Forum on bridging the standardization gap (Res. 43), if it held one.
    pub forum: Option<ForumView>,
    /// The outcome's full Markdown, headings demoted for the annex.
    #[serde(skip_serializing_if = "streamed::left_out")]
    pub annex: Annex<'a>,
}

/// A regional initiative.
#[derive(Debug, Serialize)]
pub struct InitiativeView {
    pub code: String,
    pub title: String,
    pub body: String,
}

/// A region's Forum on bridging the standardization gap.
#[derive(Debug, Serialize)]
pub struct ForumView {
    /// Its title, or the default title in the report language.
    pub title: String,
    pub iso_start: String,
    pub iso_end: String,
    pub venue: String,
    /// Null when the outcome does not give it.
    pub participants: Option<u32>,
}

/// Counts over the RPMs held and the groups.
#[derive(Debug, Serialize, Default)]
pub struct Totals {
    pub held: usize,
    /// Every one of the six regions held an RPM.
    pub all_held: bool,
    /// Sums over the RPMs that give the count; null when none does.
    pub member_states: Option<u32>,
    pub sector_members: Option<u32>,
    pub participants: Option<u32>,
    pub ldc_fellowships: Option<u32>,
    pub proposals: usize,
    pub groups: usize,
    pub common: usize,
    pub variant: usize,
    pub single: usize,
    /// Some RPM held gives regional priorities or regional initiatives.
    pub priorities: bool,
}

/// Which columns of the RPM tables any RPM held fills: a table leaves out a column that no
/// row would fill.
#[derive(Debug, Serialize, Default)]
pub struct RpmColumns {
    pub chair: bool,
    pub vice_chairs: bool,
    pub member_states: bool,
    pub sector_members: bool,
    pub participants: bool,
    pub ldc_fellowships: bool,
}

pub(super) fn columns(rpms: &[RpmView]) -> RpmColumns {
    let held = || rpms.iter().filter(|r| r.held);
    RpmColumns {
        chair: held().any(|r| !r.chair.is_empty()),
        vice_chairs: held().any(|r| !r.vice_chairs.is_empty()),
        member_states: held().any(|r| r.member_states.is_some()),
        sector_members: held().any(|r| r.sector_members.is_some()),
        participants: held().any(|r| r.participants.is_some()),
        ldc_fellowships: held().any(|r| r.ldc_fellowships.is_some()),
    }
}

/// Adds a count that may be missing to a sum that may not have started.
fn add(sum: &mut Option<u32>, count: Option<u32>) {
    if let Some(n) = count {
        *sum = Some(sum.unwrap_or(0) + n);
    }
}

pub(super) fn totals(c: &Consolidated, proposals: usize, rpms: &[RpmView]) -> Totals {
    let mut totals = Totals {
        proposals,
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
    for r in rpms.iter().filter(|r| r.held) {
        totals.held += 1;
        add(&mut totals.member_states, r.member_states);
        add(&mut totals.sector_members, r.sector_members);
        add(&mut totals.participants, r.participants);
        add(&mut totals.ldc_fellowships, r.ldc_fellowships);
        totals.priorities |= !r.priorities.is_empty() || !r.initiatives.is_empty();
    }

    totals.all_held = totals.held == Region::ALL.len();
    totals
}

pub(super) fn rpm_view<'a>(
    c: &'a Consolidated,
    region: Region,
    cat: &'static Catalogue,
) -> RpmView<'a> {
    let Some(rpm) = c.cycle.rpm(region) else {
        let parts = c.cycle.parts(region);
        return RpmView {
            code: region.shown(cat),
            name: region.name(cat),
            anchor: format!("rpm-{}", slug(region.code())),
            parts_only: parts.is_some(),
            source: parts.map(|p| p.source.clone()).unwrap_or_default(),
            proposal_count: parts.map_or(0, |p| p.proposals.len()),
            annex: Annex(parts.map(|p| (AnnexText::of_parts(p), cat))),
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
        code: region.shown(cat),
        name: region.name(cat),
        held: true,
        annex_number: 0,
        anchor: format!("rpm-{}", slug(region.code())),
        symbol: m.symbol.clone(),
        title: m.title.clone(),
        dates: crate::model::Date::range_in(m.start, m.end, cat),
        iso_start: m.start.to_string(),
        iso_end: m.end.to_string(),
        venue: venue(m.venue.as_ref(), m.is_virtual, cat),
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
                // "CIS1" is "CEI1" in a French report, as the region's code is.
                code: match i.code.strip_prefix(region.code()) {
                    Some(rest) => format!("{}{rest}", region.shown(cat)),
                    None => i.code.clone(),
                },
                title: i.title.clone(),
                body: demote(&i.body, 5),
            })
            .collect(),
        proposal_count: rpm.proposals.len(),
        before_advisory_group: conf
            .advisory_group
            .as_ref()
            .is_some_and(|ag| m.end < ag.start),
        overlaps: overlaps.join(", "),
        days_to_conference: m.end.days_until(conf.conference.start),
        forum: rpm.forum.as_ref().map(|f| ForumView {
            title: f.title.clone().unwrap_or_else(|| {
                cat.text(
                    "forum_title_for_region",
                    &[cat.text(&format!("region_of.{}", rpm.region.code()), &[])],
                )
            }),
            iso_start: f.start.to_string(),
            iso_end: f.end.to_string(),
            venue: venue(f.venue.as_ref(), f.is_virtual, cat),
            participants: f.participants,
        }),
        parts_only: false,
        annex: Annex(Some((AnnexText::of_rpm(rpm), cat))),
    }
}
