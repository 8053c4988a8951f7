//! Each rule at the edges of its window.

use super::check;
use crate::model::*;

fn d(s: &str) -> Date {
    Date::parse(s).unwrap()
}

fn conference(profile: Profile, start: &str, ag: (&str, &str), cm: Option<&str>) -> Conference {
    Conference {
        profile,
        conference: ConferenceInfo {
            name: "CONF".into(),
            title: "T".into(),
            venue: "V".into(),
            start: d(start),
            end: d(start),
        },
        advisory_group: Some(AdvisoryGroup {
            name: "AG".into(),
            meeting: None,
            venue: None,
            start: d(ag.0),
            end: d(ag.1),
            adopted: None,
        }),
        council: None,
        coordination_meeting: cm.map(|c| CoordinationMeeting {
            date: d(c),
            venue: None,
        }),
        other_meetings: vec![NamedPeriod::new("GSR", d("2025-06-10"), d("2025-06-12"))],
        documents: Documents {
            synthesis: "S".into(),
            implementation: "I".into(),
            date: None,
            implementation_date: None,
            study_period: None,
        },
        language: "en".into(),
        resolution_revision: None,
        resolution_clauses: Default::default(),
        contact: None,
    }
}

fn rpm(region: Region, start: &str, end: &str) -> Rpm {
    Rpm {
        region,
        meeting: Meeting {
            symbol: format!("RPM-{region}"),
            report: None,
            title: "T".into(),
            venue: None,
            is_virtual: true,
            start: d(start),
            end: d(end),
            chair: None,
            vice_chairs: vec![],
            regional_organizations: vec![],
        },
        participation: Participation::default(),
        forum: None,
        language: "en".into(),
        priorities: vec![],
        initiatives: vec![],
        proposals: vec![],
        other_sections: vec![],
        body: String::new(),
        source: "rpm/x.md".into(),
    }
}

fn cycle(conference: Conference, rpms: Vec<Rpm>) -> Cycle {
    Cycle {
        conference,
        topics: vec![],
        rpms,
        parts: vec![],
        inter_regional: vec![],
    }
}

fn status(c: &Cycle, rule: &str) -> TimelineStatus {
    let checks = check(c);
    let found = checks.iter().find(|t| t.rule == rule);
    found
        .unwrap_or_else(|| panic!("{rule} in {checks:?}"))
        .status
}

use TimelineStatus::{NotApplicable as Na, Ok, Warning};

fn wtdc(start: &str, ag: (&str, &str), cm: Option<&str>) -> Conference {
    conference(Profile::Wtdc, start, ag, cm)
}

#[test]
fn rpms_end_before_the_advisory_group_starts() {
    let conf = || wtdc("2025-11-17", ("2025-07-22", "2025-07-25"), None);
    let rule = "rpms_before_last_tdag";
    let at = |end| cycle(conf(), vec![rpm(Region::AFR, "2025-07-01", end)]);
    assert_eq!(status(&at("2025-07-21"), rule), Ok);
    assert_eq!(status(&at("2025-07-22"), rule), Warning);
    assert_eq!(status(&cycle(conf(), vec![]), rule), Na);
    let c = check(&at("2025-07-22"));
    assert!(
        c[0].message.contains("RPM-AFR (1–22 July 2025)"),
        "{}",
        c[0].message
    );
    assert_eq!(c[0].dates.len(), 2);
}

#[test]
fn rpms_overlapping_other_meetings_by_one_day() {
    let conf = || wtdc("2025-11-17", ("2025-07-22", "2025-07-25"), None);
    let rule = "rpm_overlap_with_other_meetings";
    let at = |s, e| cycle(conf(), vec![rpm(Region::AFR, s, e)]);
    assert_eq!(status(&at("2025-06-07", "2025-06-09"), rule), Ok);
    assert_eq!(status(&at("2025-06-07", "2025-06-10"), rule), Warning);
    assert_eq!(status(&at("2025-06-12", "2025-06-14"), rule), Warning);
    assert_eq!(status(&at("2025-06-13", "2025-06-14"), rule), Ok);
    let mut none = conf();
    none.other_meetings.clear();
    assert_eq!(status(&cycle(none, vec![]), rule), Na);
}

#[test]
fn coordination_meeting_from_seven_days_before_to_the_last_day() {
    let rule = "coordination_meeting_with_last_tdag";
    let at = |cm| cycle(wtdc("2025-11-17", ("2025-07-22", "2025-07-25"), cm), vec![]);
    assert_eq!(status(&at(Some("2025-07-14")), rule), Warning);
    assert_eq!(status(&at(Some("2025-07-15")), rule), Ok);
    assert_eq!(status(&at(Some("2025-07-25")), rule), Ok);
    assert_eq!(status(&at(Some("2025-07-26")), rule), Warning);
    assert_eq!(status(&at(None), rule), Na);
    let c = check(&at(Some("2025-07-15")));
    let w = c[2].window.unwrap();
    assert_eq!((w.from, w.to), (d("2025-07-15"), d("2025-07-25")));
}

#[test]
fn advisory_group_three_to_four_calendar_months_before() {
    let rule = "last_tdag_3_to_4_months_before_conference";
    let at = |conf, ag| cycle(wtdc(conf, (ag, ag), None), vec![]);
    assert_eq!(status(&at("2025-11-17", "2025-07-16"), rule), Warning);
    assert_eq!(status(&at("2025-11-17", "2025-07-17"), rule), Ok);
    assert_eq!(status(&at("2025-11-17", "2025-08-17"), rule), Ok);
    assert_eq!(status(&at("2025-11-17", "2025-08-18"), rule), Warning);
    // The 31st: 31 October − 4 months = 30 June (June has 30 days); − 3 months = 31 July.
    assert_eq!(status(&at("2025-10-31", "2025-06-29"), rule), Warning);
    assert_eq!(status(&at("2025-10-31", "2025-06-30"), rule), Ok);
    assert_eq!(status(&at("2025-10-31", "2025-07-31"), rule), Ok);
    // Leap years: 31 May 2024 − 3 months = 29 February 2024; in 2025 it is 28 February.
    assert_eq!(status(&at("2024-05-31", "2024-02-29"), rule), Ok);
    assert_eq!(status(&at("2024-05-31", "2024-03-01"), rule), Warning);
    assert_eq!(status(&at("2025-05-31", "2025-02-28"), rule), Ok);
    assert_eq!(status(&at("2025-05-31", "2025-03-01"), rule), Warning);
    // 30 June − 4 months = 29 February in a leap year.
    assert_eq!(status(&at("2024-06-30", "2024-02-28"), rule), Warning);
    assert_eq!(status(&at("2024-06-30", "2024-02-29"), rule), Ok);
}

#[test]
fn wtsa_chairs_meeting_less_than_twelve_months_before() {
    let rule = "chairs_meeting_within_12_months";
    let at = |conf, cm| {
        cycle(
            conference(Profile::Wtsa, conf, ("2024-01-01", "2024-01-02"), cm),
            vec![],
        )
    };
    assert_eq!(status(&at("2024-10-15", Some("2023-10-15")), rule), Warning);
    assert_eq!(status(&at("2024-10-15", Some("2023-10-16")), rule), Ok);
    assert_eq!(status(&at("2024-10-15", Some("2024-10-14")), rule), Ok);
    assert_eq!(status(&at("2024-10-15", Some("2024-10-15")), rule), Warning);
    // 29 February 2024 − 12 months = 28 February 2023 (clamped): exactly 12 months.
    assert_eq!(status(&at("2024-02-29", Some("2023-02-28")), rule), Warning);
    assert_eq!(status(&at("2024-02-29", Some("2023-03-01")), rule), Ok);
    assert_eq!(status(&at("2024-10-15", None), rule), Na);
}

#[test]
fn wtsa_lists_days_to_the_assembly_and_warns_for_missing_regions() {
    let conf = || {
        conference(
            Profile::Wtsa,
            "2024-10-15",
            ("2024-01-01", "2024-01-02"),
            None,
        )
    };
    let c = cycle(conf(), vec![rpm(Region::AFR, "2024-08-01", "2024-08-05")]);
    let checks = check(&c);
    let days = checks
        .iter()
        .find(|t| t.rule == "days_between_rpms_and_conference")
        .unwrap();
    assert!(
        days.message.contains("RPM-AFR: 71 days"),
        "{}",
        days.message
    );
    assert_eq!(status(&c, "regions_without_rpm"), Warning);
    assert!(
        checks
            .iter()
            .all(|t| t.rule != "last_tdag_3_to_4_months_before_conference")
    );
    let wtdc = cycle(
        wtdc("2025-11-17", ("2025-07-22", "2025-07-25"), None),
        vec![rpm(Region::AFR, "2025-05-01", "2025-05-02")],
    );
    assert_eq!(status(&wtdc, "regions_without_rpm"), Ok);
    let missing = check(&wtdc).pop().unwrap();
    assert!(
        missing.message.contains("Americas (AMS)"),
        "{}",
        missing.message
    );
    assert!(
        check(&wtdc)
            .iter()
            .all(|t| t.rule != "chairs_meeting_within_12_months")
    );
}

#[test]
fn explanations_are_written_in_the_report_language() {
    let c = cycle(
        wtdc(
            "2025-11-17",
            ("2025-07-22", "2025-07-25"),
            Some("2025-07-21"),
        ),
        vec![],
    );
    let checks = check(&c);
    let fr = checks[2].message_in(crate::messages::of("fr"));
    assert!(fr.contains("21 juillet 2025"), "{fr}");
}

#[test]
fn wtsa_rpms_more_than_twelve_months_before_the_assembly_warn() {
    let rule = "days_between_rpms_and_conference";
    let at = |end: &str| {
        let mut conf = conference(
            Profile::Wtsa,
            "2024-10-15",
            ("2024-01-01", "2024-01-02"),
            None,
        );
        conf.advisory_group = None;
        cycle(conf, vec![rpm(Region::AFR, end, end)])
    };
    // 15 October 2024 − 12 months = 15 October 2023: that day is still within.
    assert_eq!(status(&at("2023-10-15"), rule), Ok);
    assert_eq!(status(&at("2023-10-14"), rule), Warning);
    let early = check(&at("2023-10-14"));
    let days = early.iter().find(|t| t.rule == rule).unwrap();
    assert!(
        days.message
            .contains("RPM-AFR (14 October 2023) ended more than 12 months"),
        "{}",
        days.message
    );
    // No Res. 31 rule on a WTSA cycle, with or without an advisory group.
    for c in [
        at("2024-08-01"),
        cycle(
            conference(
                Profile::Wtsa,
                "2024-10-15",
                ("2024-01-01", "2024-01-02"),
                None,
            ),
            vec![rpm(Region::AFR, "2024-06-01", "2024-06-02")],
        ),
    ] {
        let ids: Vec<String> = check(&c).into_iter().map(|t| t.rule).collect();
        assert_eq!(
            ids,
            [
                "regions_without_rpm",
                "days_between_rpms_and_conference",
                "chairs_meeting_within_12_months"
            ]
        );
    }
}
