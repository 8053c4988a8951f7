//! The template contract: what a report template reads (`rpmsynth context` prints it), built
//! from the consolidated model by [`build`], one type per concept in the files below. The
//! build and `rpmsynth context` both start from [`build`]; the long parts (a topic's groups,
//! an RPM's annex, the embedded synthesis) are computed when serialised ([`streamed`]).

mod amendment;
mod cycle;
mod findings;
mod group;
mod meta;
mod review;
mod rpm;
pub mod streamed;
mod topic;

pub use amendment::{AmendmentView, ChangeRow, OtherView};
pub use cycle::{ConferenceView, CoordinationView, InterRegionalView, MeetingDates, TimelineView};
pub use findings::{EntryRef, MatrixRow, MatterView};
pub use group::{GroupView, MemberView, SourceRef, VariantView, source_anchor};
pub use meta::{ReportMeta, meta, revision};
pub use review::{EntryLink, ReviewRow};
pub use rpm::{ForumView, InitiativeView, RpmView, Totals};
pub use streamed::{Annex, Synthesis};
pub use topic::{Groups, TopicView};

use super::ReportKind;
use crate::messages::{self, Catalogue};
use crate::model::{Consolidated, Date, Profile, Region};
use serde::Serialize;
use std::sync::Arc;

/// Everything a report template may read: the variables both reports share, the document
/// facts of the one being rendered and, in the implementation report, the synthesis.
#[derive(Debug, Serialize)]
pub struct ReportContext<'a> {
    pub report: ReportMeta,
    #[serde(flatten)]
    pub shared: &'a Shared<'a>,
    /// The synthesis report's Markdown, cover page aside (implementation report only;
    /// empty otherwise).
    #[serde(skip_serializing_if = "streamed::left_out")]
    pub synthesis: Synthesis<'a>,
}

/// The variables both reports read alike.
#[derive(Debug, Serialize)]
pub struct Shared<'a> {
    pub profile: &'static str,
    pub is_wtdc: bool,
    pub is_wtsa: bool,
    pub language: String,
    /// The revision of the cycle's resolution as cited ("Rev. Kigali, 2022").
    pub resolution_revision: String,
    /// The labels of the resolution's clauses the reports cite, by clause id ("invites the
    /// Secretary-General 1"): the cycle's `resolution_clauses`, else the catalogue's.
    pub clauses: std::collections::BTreeMap<&'static str, String>,
    /// The report language's message catalogue (not for templates).
    #[serde(skip)]
    pub catalogue: &'static Catalogue,
    pub conference: ConferenceView,
    pub advisory_group: MeetingDates,
    pub coordination_meeting: Option<CoordinationView>,
    pub rpms: Vec<RpmView<'a>>,
    pub totals: Totals,
    /// Which columns of the RPM tables have a value in some row.
    pub rpm_columns: rpm::RpmColumns,
    pub topics: Vec<TopicView<'a>>,
    pub matrix: Vec<MatrixRow>,
    pub regions: Vec<&'static str>,
    /// The matters for the advisory group's decision (section 7 of the synthesis).
    pub matters: Vec<MatterView>,
    pub timeline: Vec<TimelineView>,
    pub inter_regional: Vec<InterRegionalView>,
    /// The "Review of texts" table: every targeted text in numeric order.
    pub review: Vec<ReviewRow>,
    /// Document symbols of both reports.
    pub documents: crate::model::Documents,
}

/// Builds the variables both reports share; [`context`] adds each report's own.
pub fn build(c: &Consolidated) -> Shared<'_> {
    let conf = &c.cycle.conference;
    let cat = messages::of(&conf.language);
    let lookup = Arc::new(group::Lookup {
        by_id: c.cycle.proposals().map(|p| (p.qualified_id(), p)).collect(),
        cycle: &c.cycle,
        conflicting: c
            .findings
            .iter()
            .filter(|f| f.kind == crate::model::FindingKind::Conflict)
            .flat_map(|f| f.members.iter().map(String::as_str))
            .collect(),
        amendments: c.amendments.iter().map(|a| (a.group.as_str(), a)).collect(),
        cat,
    });
    let topics = topic::topics(c, &lookup);
    let mut rpms: Vec<RpmView> = Region::ALL
        .iter()
        .map(|r| rpm::rpm_view(c, *r, cat))
        .collect();
    for (n, r) in rpms
        .iter_mut()
        .filter(|r| r.held || r.parts_only)
        .enumerate()
    {
        r.annex_number = n + 1;
    }
    let groups = || topics.iter().flat_map(|t| t.groups.heads());
    Shared {
        profile: conf.profile.code(),
        is_wtdc: conf.profile == Profile::Wtdc,
        is_wtsa: conf.profile == Profile::Wtsa,
        language: conf.language.clone(),
        resolution_revision: meta::revision(conf, cat),
        clauses: conf
            .profile
            .spec()
            .clauses
            .iter()
            .map(|id| {
                let label = conf
                    .resolution_clauses
                    .get(*id)
                    .cloned()
                    .unwrap_or_else(|| {
                        cat.profiled(conf.profile.code(), &format!("clause.{id}"), &[])
                            .unwrap_or_default()
                    });
                (*id, label)
            })
            .collect(),
        catalogue: cat,
        conference: cycle::conference(conf, cat),
        advisory_group: cycle::advisory_group(conf, cat),
        coordination_meeting: cycle::coordination_meeting(conf, cat),
        totals: rpm::totals(c, lookup.by_id.len(), &rpms),
        rpm_columns: rpm::columns(&rpms),
        matrix: findings::matrix(&topics, &lookup),
        rpms,
        regions: Region::ALL.iter().map(|r| r.shown(cat)).collect(),
        matters: findings::matters(c, groups(), &lookup),
        timeline: c
            .timeline
            .iter()
            .map(|t| cycle::timeline_view(t, conf, cat))
            .collect(),
        inter_regional: c
            .cycle
            .inter_regional
            .iter()
            .map(|m| cycle::inter_regional(m, cat))
            .collect(),
        review: review::review(groups()),
        topics,
        documents: conf.documents.clone(),
    }
}

/// The context of report `kind`: `shared` with the report's document facts (`date` replaces
/// its default date) and, for the implementation report, `synthesis`, the synthesis report's
/// Markdown, as its annex.
pub fn context<'a>(
    shared: &'a Shared<'a>,
    c: &Consolidated,
    kind: ReportKind,
    date: Option<Date>,
    synthesis: &'a str,
) -> ReportContext<'a> {
    ReportContext {
        report: meta(c, shared.catalogue, kind, date),
        shared,
        synthesis: match kind {
            ReportKind::Synthesis => Synthesis::default(),
            ReportKind::Implementation => Synthesis(synthesis),
        },
    }
}
