//! The cycle's dates checked against the profile's resolution: each rule gives ok, warning or
//! not-applicable, the dates involved and a one-sentence explanation. Checks never block a
//! build. The rules that apply, and their parameters, come from the profile
//! ([`crate::model::PROFILES`]).

mod rules;
#[cfg(test)]
mod tests;

use crate::model::{Cycle, ProfileSpec, TimelineCheck};

/// A rule: checks the cycle with the profile's parameters.
type Rule = fn(&Cycle, &ProfileSpec) -> TimelineCheck;

/// Every rule, by stable id.
const RULES: &[(&str, Rule)] = &[
    ("rpms_before_last_tdag", rules::rpms_before_advisory_group),
    ("rpm_overlap_with_other_meetings", rules::rpm_overlaps),
    (
        "coordination_meeting_with_last_tdag",
        rules::coordination_meeting,
    ),
    (
        "last_tdag_3_to_4_months_before_conference",
        rules::advisory_group_window,
    ),
    ("chairs_meeting_within_12_months", rules::chairs_meeting),
    (
        "days_between_rpms_and_conference",
        rules::days_to_conference,
    ),
    ("regions_without_rpm", rules::regions_without_rpm),
];

/// The ids of every rule.
pub fn rule_ids() -> impl Iterator<Item = &'static str> {
    RULES.iter().map(|(id, _)| *id)
}

/// Runs the rules of the cycle's profile, in the profile's order.
pub fn check(cycle: &Cycle) -> Vec<TimelineCheck> {
    let spec = cycle.conference.profile.spec();
    spec.timeline_rules
        .iter()
        .filter_map(|id| RULES.iter().find(|(rule, _)| rule == id))
        .map(|(_, rule)| rule(cycle, spec))
        .collect()
}
