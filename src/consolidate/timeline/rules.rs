//! One function per timeline rule; each names its rule id and catalogue keys
//! (`timeline.RULE.OUTCOME` in `templates/messages/*.yaml`).

use crate::model::{
    Cycle, Date, NamedPeriod, Param, ProfileSpec, Region, Rpm, TimelineCheck, TimelineStatus,
};
use TimelineStatus::{NotApplicable, Ok, Warning};

fn status(ok: bool) -> TimelineStatus {
    if ok { Ok } else { Warning }
}

fn outcome(ok: bool) -> &'static str {
    if ok { "ok" } else { "warning" }
}

fn period(rpm: &Rpm) -> NamedPeriod {
    NamedPeriod::new(&rpm.meeting.symbol, rpm.meeting.start, rpm.meeting.end)
}

fn meeting(p: &NamedPeriod) -> Param {
    Param::Meeting(p.name.clone(), p.start, p.end)
}

fn advisory_group(cycle: &Cycle) -> Option<NamedPeriod> {
    let ag = cycle.conference.advisory_group.as_ref()?;
    Some(NamedPeriod::new(&ag.name, ag.start, ag.end))
}

fn conference(cycle: &Cycle) -> NamedPeriod {
    let c = &cycle.conference.conference;
    NamedPeriod::new(&c.name, c.start, c.end)
}

/// `rpms_before_last_tdag` (Res. 31 resolves 1 and 4): every RPM ends before the first day of
/// the last TDAG (TSAG), i.e. its last day is at most the day before.
pub fn rpms_before_advisory_group(cycle: &Cycle, _: &ProfileSpec) -> TimelineCheck {
    const RULE: &str = "rpms_before_last_tdag";
    let Some(ag) = advisory_group(cycle) else {
        return TimelineCheck::new(RULE, NotApplicable, "none", vec![]);
    };
    let mut dates: Vec<NamedPeriod> = cycle.rpms.iter().map(period).collect();
    let Some(last) = dates.iter().max_by_key(|p| p.end).cloned() else {
        return TimelineCheck::new(RULE, NotApplicable, "none", vec![meeting(&ag)])
            .with_dates(vec![ag]);
    };
    let late: Vec<Param> = dates
        .iter()
        .filter(|p| p.end >= ag.start)
        .map(meeting)
        .collect();
    let ok = late.is_empty();
    let first = if ok {
        meeting(&last)
    } else {
        Param::List(late)
    };
    dates.push(ag.clone());
    TimelineCheck::new(RULE, status(ok), outcome(ok), vec![first, meeting(&ag)]).with_dates(dates)
}

/// `rpm_overlap_with_other_meetings` (Res. 31 resolves 1): no day of an RPM is a day of an
/// `other_meetings` entry.
pub fn rpm_overlaps(cycle: &Cycle, _: &ProfileSpec) -> TimelineCheck {
    const RULE: &str = "rpm_overlap_with_other_meetings";
    let others = &cycle.conference.other_meetings;
    if others.is_empty() {
        return TimelineCheck::new(RULE, NotApplicable, "none", vec![]);
    }
    let clashes: Vec<(NamedPeriod, &NamedPeriod)> = cycle
        .rpms
        .iter()
        .flat_map(|r| others.iter().map(move |o| (period(r), o)))
        .filter(|(r, o)| r.start <= o.end && o.start <= r.end)
        .collect();
    let ok = clashes.is_empty();
    let (param, dates) = if ok {
        (
            Param::List(others.iter().map(meeting).collect()),
            others.clone(),
        )
    } else {
        let pairs = clashes
            .iter()
            .map(|(r, o)| Param::Pair(Box::new(meeting(r)), Box::new(meeting(o))))
            .collect();
        let dates = clashes
            .iter()
            .flat_map(|(r, o)| [r.clone(), (*o).clone()])
            .collect();
        (Param::List(pairs), dates)
    };
    TimelineCheck::new(RULE, status(ok), outcome(ok), vec![param]).with_dates(dates)
}

/// `coordination_meeting_with_last_tdag` (Res. 31 resolves 2): the meeting of RPM chairs and
/// vice-chairs is held from `coordination_days_before` (7) days before the first day of the
/// last TDAG to its last day, both included.
pub fn coordination_meeting(cycle: &Cycle, spec: &ProfileSpec) -> TimelineCheck {
    const RULE: &str = "coordination_meeting_with_last_tdag";
    let Some(ag) = advisory_group(cycle) else {
        return TimelineCheck::new(RULE, NotApplicable, "none", vec![]);
    };
    let Some(cm) = &cycle.conference.coordination_meeting else {
        return TimelineCheck::new(RULE, NotApplicable, "none", vec![]).with_dates(vec![ag]);
    };
    let from = ag.start.days_before(spec.coordination_days_before);
    let ok = from <= cm.date && cm.date <= ag.end;
    let params = vec![
        Param::Date(cm.date),
        Param::Date(from),
        Param::Date(ag.end),
        Param::Text(spec.coordination_days_before.to_string()),
        Param::Text(ag.name.clone()),
    ];
    let chairs = NamedPeriod::new("coordination meeting", cm.date, cm.date);
    TimelineCheck::new(RULE, status(ok), outcome(ok), params)
        .with_dates(vec![chairs, ag.clone()])
        .with_window(from, ag.end)
}

/// `last_tdag_3_to_4_months_before_conference` (Res. 31 resolves 5): the last TDAG starts on
/// or after the conference's first day minus 4 calendar months and on or before it minus 3
/// (see [`Date::months_before`] for days a month lacks).
pub fn advisory_group_window(cycle: &Cycle, spec: &ProfileSpec) -> TimelineCheck {
    const RULE: &str = "last_tdag_3_to_4_months_before_conference";
    let conf = conference(cycle);
    let Some(ag) = advisory_group(cycle) else {
        return TimelineCheck::new(RULE, NotApplicable, "none", vec![]).with_dates(vec![conf]);
    };
    let (most, fewest) = spec.advisory_group_months;
    let (from, to) = (
        conf.start.months_before(most),
        conf.start.months_before(fewest),
    );
    let ok = from <= ag.start && ag.start <= to;
    let params = vec![
        Param::Text(ag.name.clone()),
        Param::Date(ag.start),
        Param::Date(from),
        Param::Date(to),
        Param::Text(conf.name.clone()),
    ];
    TimelineCheck::new(RULE, status(ok), outcome(ok), params)
        .with_dates(vec![ag, conf])
        .with_window(from, to)
}

/// `chairs_meeting_within_12_months` (Res. 43 instructs 2): the informal meeting of RPM chairs
/// and vice-chairs is held less than 12 calendar months before the assembly's first day: after
/// that day minus 12 months and before the first day itself.
pub fn chairs_meeting(cycle: &Cycle, spec: &ProfileSpec) -> TimelineCheck {
    const RULE: &str = "chairs_meeting_within_12_months";
    let conf = conference(cycle);
    let Some(cm) = &cycle.conference.coordination_meeting else {
        return TimelineCheck::new(RULE, NotApplicable, "none", vec![]).with_dates(vec![conf]);
    };
    let limit = conf.start.months_before(spec.chairs_meeting_months);
    let (from, to) = (
        Date(limit.0 + chrono::Days::new(1)),
        conf.start.days_before(1),
    );
    let ok = from <= cm.date && cm.date <= to;
    let params = vec![
        Param::Date(cm.date),
        Param::Date(from),
        Param::Date(to),
        Param::Text(conf.name.clone()),
    ];
    let chairs = NamedPeriod::new("chairs' meeting", cm.date, cm.date);
    TimelineCheck::new(RULE, status(ok), outcome(ok), params)
        .with_dates(vec![chairs, conf])
        .with_window(from, to)
}

/// `days_between_rpms_and_conference` (Res. 43, "as close as possible" to the assembly): the
/// days from each RPM's last day to the assembly's first day, listed; a warning when an RPM
/// ended before the assembly's first day minus `rpm_months` (12) calendar months.
pub fn days_to_conference(cycle: &Cycle, spec: &ProfileSpec) -> TimelineCheck {
    const RULE: &str = "days_between_rpms_and_conference";
    let conf = conference(cycle);
    if cycle.rpms.is_empty() {
        return TimelineCheck::new(RULE, NotApplicable, "none", vec![]).with_dates(vec![conf]);
    }
    let days = cycle
        .rpms
        .iter()
        .map(|r| {
            Param::Days(
                r.meeting.symbol.clone(),
                r.meeting.end.days_until(conf.start),
            )
        })
        .collect();
    let mut dates: Vec<NamedPeriod> = cycle.rpms.iter().map(period).collect();
    dates.push(conf.clone());
    let from = conf.start.months_before(spec.rpm_months);
    let early: Vec<Param> = cycle
        .rpms
        .iter()
        .filter(|r| r.meeting.end < from)
        .map(|r| meeting(&period(r)))
        .collect();
    let ok = early.is_empty();
    let mut params = vec![
        Param::List(days),
        Param::Text(conf.name.clone()),
        Param::Text(spec.rpm_months.to_string()),
    ];
    if !ok {
        params.push(Param::List(early));
    }
    TimelineCheck::new(RULE, status(ok), outcome(ok), params)
        .with_dates(dates)
        .with_window(from, conf.start.days_before(1))
}

/// `regions_without_rpm`: the regions with no RPM outcome, listed; allowed by Res. 31 ("if
/// the region deems it appropriate"), a warning under Res. 43 ("at least one RPM per region").
pub fn regions_without_rpm(cycle: &Cycle, spec: &ProfileSpec) -> TimelineCheck {
    const RULE: &str = "regions_without_rpm";
    let missing: Vec<Param> = Region::ALL
        .iter()
        .filter(|r| cycle.rpm(**r).is_none())
        .map(|r| Param::Region(*r))
        .collect();
    match (missing.is_empty(), spec.every_region_holds_rpm) {
        (true, _) => TimelineCheck::new(RULE, Ok, "ok", vec![]),
        (false, false) => TimelineCheck::new(RULE, Ok, "allowed", vec![Param::List(missing)]),
        (false, true) => TimelineCheck::new(RULE, Warning, "warning", vec![Param::List(missing)]),
    }
}
