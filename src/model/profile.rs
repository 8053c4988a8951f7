//! The resolutions a cycle can follow, as data: report names, the timeline rules that apply and
//! their parameters. Words (resolution, bureau, advisory group) are in the message catalogues,
//! under keys prefixed with the profile's code. A new profile is a new row of [`PROFILES`].

use super::Profile;

/// What a profile's resolution asks for.
#[derive(Debug)]
pub struct ProfileSpec {
    pub profile: Profile,
    /// "wtdc": also the prefix of the profile's keys in the message catalogues.
    pub code: &'static str,
    /// Output file stem of the synthesis report (also its template's name).
    pub synthesis_report: &'static str,
    /// Output file stem of the implementation report (also its template's name).
    pub implementation_report: &'static str,
    /// The cycle must name its advisory-group meeting (`advisory_group:` in `conference.yaml`).
    pub advisory_group_required: bool,
    /// Ids of the timeline rules that apply, in report order.
    pub timeline_rules: &'static [&'static str],
    /// Every region must hold an RPM (a region without one is a warning).
    pub every_region_holds_rpm: bool,
    /// The coordination meeting falls from this many days before the last advisory-group
    /// meeting to its last day.
    pub coordination_days_before: u64,
    /// The last advisory-group meeting starts between these many calendar months (most, fewest)
    /// before the conference.
    pub advisory_group_months: (u32, u32),
    /// The chairs' meeting is held less than this many calendar months before the conference.
    pub chairs_meeting_months: u32,
    /// An RPM ending more than this many calendar months before the conference is not "as
    /// close as possible" to it (0: no such rule).
    pub rpm_months: u32,
    /// The ids of the resolution's clauses the reports cite; their labels are catalogue keys
    /// `PROFILE.clause.ID`, or the cycle's `resolution_clauses`.
    pub clauses: &'static [&'static str],
}

/// Every profile.
pub const PROFILES: &[ProfileSpec] = &[
    ProfileSpec {
        profile: Profile::Wtdc,
        code: "wtdc",
        synthesis_report: "tdag-synthesis",
        implementation_report: "wtdc-implementation",
        advisory_group_required: true,
        timeline_rules: &[
            "rpms_before_last_tdag",
            "rpm_overlap_with_other_meetings",
            "coordination_meeting_with_last_tdag",
            "last_tdag_3_to_4_months_before_conference",
            "regions_without_rpm",
        ],
        every_region_holds_rpm: false,
        coordination_days_before: 7,
        advisory_group_months: (4, 3),
        chairs_meeting_months: 0,
        rpm_months: 0,
        clauses: &[],
    },
    ProfileSpec {
        profile: Profile::Wtsa,
        code: "wtsa",
        synthesis_report: "synthesis",
        implementation_report: "report-to-council",
        advisory_group_required: false,
        timeline_rules: &[
            "regions_without_rpm",
            "days_between_rpms_and_conference",
            "chairs_meeting_within_12_months",
        ],
        every_region_holds_rpm: true,
        coordination_days_before: 0,
        advisory_group_months: (0, 0),
        chairs_meeting_months: 12,
        rpm_months: 12,
        clauses: &[
            "rpms",
            "chairs_meeting",
            "consultations",
            "assistance",
            "council_report",
            "member_states",
            "common_proposals",
            "inter_regional",
        ],
    },
];

impl Profile {
    /// The profile's row of [`PROFILES`].
    pub fn spec(self) -> &'static ProfileSpec {
        PROFILES
            .iter()
            .find(|p| p.profile == self)
            .expect("every profile has a row")
    }
}
