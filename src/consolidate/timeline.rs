//! The cycle's dates checked against the resolution: each rule gives ok, warning or
//! not-applicable with a one-sentence explanation. Checks never block a build.

use crate::model::{Cycle, Date, Profile, Region, TimelineCheck, TimelineStatus};
use chrono::{Days, Months};

/// Runs every timeline rule on the cycle.
pub fn check(cycle: &Cycle) -> Vec<TimelineCheck> {
    vec![
        rpms_before_advisory_group(cycle),
        rpm_overlaps(cycle),
        coordination_meeting(cycle),
        advisory_group_window(cycle),
        regions_without_rpm(cycle),
    ]
}

fn result(rule: &str, ok: bool, message: String) -> TimelineCheck {
    let status = if ok {
        TimelineStatus::Ok
    } else {
        TimelineStatus::Warning
    };
    TimelineCheck {
        rule: rule.to_string(),
        status,
        message,
    }
}

/// Res. 31 resolves 1 and 4: every RPM ends before the last TDAG starts.
fn rpms_before_advisory_group(cycle: &Cycle) -> TimelineCheck {
    let ag = &cycle.conference.advisory_group;
    let late: Vec<String> = cycle
        .rpms
        .iter()
        .filter(|r| r.meeting.end >= ag.start)
        .map(|r| format!("{} ends {}", r.meeting.symbol, r.meeting.end))
        .collect();
    let last = cycle.rpms.iter().map(|r| r.meeting.end).max();
    let message = match (last, late.is_empty()) {
        (None, _) => format!(
            "no RPM outcome was received; {} starts {}",
            ag.name, ag.start
        ),
        (Some(last), true) => format!("last RPM ends {last}; {} starts {}", ag.name, ag.start),
        (Some(_), false) => format!(
            "{} start on or after {} starts ({})",
            late.join(", "),
            ag.name,
            ag.start
        ),
    };
    result("rpms_before_last_tdag", late.is_empty(), message)
}

/// Res. 31 resolves 1: no RPM overlaps another relevant meeting.
fn rpm_overlaps(cycle: &Cycle) -> TimelineCheck {
    let others = &cycle.conference.other_meetings;
    let clashes: Vec<String> = cycle
        .rpms
        .iter()
        .flat_map(|r| others.iter().map(move |o| (r, o)))
        .filter(|(r, o)| r.meeting.start <= o.end && o.start <= r.meeting.end)
        .map(|(r, o)| {
            format!(
                "{} ({}) overlaps {} ({})",
                r.meeting.symbol,
                Date::range(r.meeting.start, r.meeting.end),
                o.name,
                Date::range(o.start, o.end)
            )
        })
        .collect();
    let message = if clashes.is_empty() {
        let names: Vec<&str> = others.iter().map(|o| o.name.as_str()).collect();
        if names.is_empty() {
            "no other meetings are listed".to_string()
        } else {
            format!("no RPM overlaps {}", names.join(", "))
        }
    } else {
        clashes.join("; ")
    };
    result(
        "rpm_overlap_with_other_meetings",
        clashes.is_empty(),
        message,
    )
}

/// Res. 31 resolves 2: the meeting of RPM chairs is held with the last TDAG, i.e. within the
/// window from seven days before its first day to its last day.
fn coordination_meeting(cycle: &Cycle) -> TimelineCheck {
    let ag = &cycle.conference.advisory_group;
    let Some(cm) = &cycle.conference.coordination_meeting else {
        return TimelineCheck {
            rule: "coordination_meeting_with_last_tdag".into(),
            status: TimelineStatus::NotApplicable,
            message: "no coordination meeting is given in conference.yaml".into(),
        };
    };
    let from = ag
        .start
        .0
        .checked_sub_days(Days::new(7))
        .map_or(ag.start, Date);
    let ok = from <= cm.date && cm.date <= ag.end;
    let message = format!(
        "{} is {}within {from} .. {} (the week before {} to its last day)",
        cm.date,
        if ok { "" } else { "not " },
        ag.end,
        ag.name
    );
    result("coordination_meeting_with_last_tdag", ok, message)
}

/// Res. 31 resolves 5: the last TDAG starts no earlier than 4 and no later than 3 calendar
/// months before the conference starts (a day that does not exist in the target month, e.g.
/// 31 June, falls back to the month's last day).
fn advisory_group_window(cycle: &Cycle) -> TimelineCheck {
    let (ag, conf) = (
        &cycle.conference.advisory_group,
        &cycle.conference.conference,
    );
    let shift = |m: u32| {
        conf.start
            .0
            .checked_sub_months(Months::new(m))
            .map_or(conf.start, Date)
    };
    let (earliest, latest) = (shift(4), shift(3));
    let ok = earliest <= ag.start && ag.start <= latest;
    let message = format!(
        "{} starts {}, {}within {earliest} .. {latest}",
        ag.name,
        ag.start,
        if ok { "" } else { "not " }
    );
    result("last_tdag_3_to_4_months_before_conference", ok, message)
}

/// Regions without an RPM: allowed by Res. 31 ("if the region deems it appropriate"), a
/// warning under Res. 43 ("at least one RPM per region").
fn regions_without_rpm(cycle: &Cycle) -> TimelineCheck {
    let missing: Vec<&str> = Region::ALL
        .iter()
        .filter(|r| cycle.rpm(**r).is_none())
        .map(|r| r.code())
        .collect();
    let message = if missing.is_empty() {
        "every region held an RPM".to_string()
    } else {
        format!("no RPM outcome for {}", missing.join(", "))
    };
    let ok = missing.is_empty() || cycle.conference.profile == Profile::Wtdc;
    result("regions_without_rpm", ok, message)
}
