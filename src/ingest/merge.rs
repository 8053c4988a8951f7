//! The files of `rpm/` → one outcome per region: sessions merged into one RPM, then parts
//! (files without `meeting:`) joined to it, or kept on their own when no file gives the RPM;
//! every proposal with an id unique within its region.

use crate::model::{Diagnostic, Proposal, Region, RegionParts, Rpm, SourcePos};
use std::collections::HashMap;

/// What one file of `rpm/` holds.
pub enum Outcome {
    /// An RPM outcome (a file with `meeting:`), with its `session:` label.
    Rpm(Box<Rpm>, Option<String>),
    /// A part of a region's outcome (a file without `meeting:`).
    Part(RegionParts),
}

/// A region's RPM so far (with whether its first file set `session:`) and its parts so far.
type Gathered = (Option<(Rpm, bool)>, Option<RegionParts>);

/// Merges the outcomes of each region, taken in file order: the RPMs (one per region, in
/// canonical order), each followed by the region's parts, and the parts of regions without
/// one. A second RPM outcome for a region is an error unless every one sets `session:`; a
/// region that gives parts and no RPM outcome is a warning naming the parts.
pub fn merge(
    outcomes: Vec<Outcome>,
    diagnostics: &mut Vec<Diagnostic>,
) -> (Vec<Rpm>, Vec<RegionParts>) {
    let mut by_region: Vec<Gathered> = Region::ALL.iter().map(|_| (None, None)).collect();
    for outcome in outcomes {
        let region = match &outcome {
            Outcome::Rpm(rpm, _) => rpm.region,
            Outcome::Part(part) => part.region,
        };
        let index = Region::ALL.iter().position(|&r| r == region).unwrap_or(0);
        let (rpm, parts) = &mut by_region[index];
        match (outcome, rpm) {
            (Outcome::Rpm(next, session), rpm @ None) => *rpm = Some((*next, session.is_some())),
            (Outcome::Rpm(next, Some(_)), Some((first, true))) => absorb(first, *next),
            (Outcome::Rpm(next, _), Some((first, _))) => diagnostics.push(
                Diagnostic::error(
                    &SourcePos::new(&next.source, 2, 1),
                    format!("a second RPM outcome for region {} (the first is {})", next.region, first_file(&first.source)),
                )
                .with_help("if the region met in several sessions, set `session:` in the front matter of each file; a file without `meeting:` is a part of the region's outcome"),
            ),
            (Outcome::Part(part), _) => match parts {
                Some(all) => join_parts(all, part),
                None => *parts = Some(part),
            },
        }
    }
    let mut rpms = Vec::new();
    let mut parts_alone = Vec::new();
    for (region, entry) in Region::ALL.into_iter().zip(by_region) {
        match entry {
            (Some((mut rpm, _)), parts) => {
                if let Some(parts) = parts {
                    join(&mut rpm, parts);
                }
                unique_ids(region, &mut rpm.proposals, diagnostics);
                rpms.push(rpm);
            }
            (None, Some(mut parts)) => {
                unique_ids(region, &mut parts.proposals, diagnostics);
                diagnostics.push(
                    Diagnostic::warning(
                        &SourcePos::new(first_file(&parts.source), 2, 1),
                        format!(
                            "region {region} gives parts of its outcome ({}) but no RPM outcome: it is reported as holding no RPM, and the parts' proposals are consolidated",
                            parts.source
                        ),
                    )
                    .with_help("add the region's RPM outcome, a file with `region:` and `meeting:`"),
                );
                parts_alone.push(parts);
            }
            (None, None) => {}
        }
    }
    (rpms, parts_alone)
}

/// The first of a list of files joined with `, `.
fn first_file(source: &str) -> &str {
    source.split(", ").next().unwrap_or(source)
}

/// Another session of the same RPM: dates span all sessions, counts are the largest
/// reported, texts are concatenated.
fn absorb(first: &mut Rpm, next: Rpm) {
    let (a, b) = (&mut first.meeting, &next.meeting);
    a.start = a.start.min(b.start);
    a.end = a.end.max(b.end);
    let (p, q) = (&mut first.participation, next.participation);
    p.member_states = p.member_states.max(q.member_states);
    p.sector_members = p.sector_members.max(q.sector_members);
    p.participants = p.participants.max(q.participants);
    p.ldc_fellowships = p.ldc_fellowships.max(q.ldc_fellowships);
    first.forum = first.forum.take().or(next.forum);
    first.priorities.extend(next.priorities);
    first.initiatives.extend(next.initiatives);
    first.proposals.extend(next.proposals);
    first.other_sections.extend(next.other_sections);
    first.body = format!("{}\n\n{}", first.body, next.body);
    first.source = format!("{}, {}", first.source, next.source);
}

/// A region's parts joined to its RPM: their texts follow the RPM's.
fn join(rpm: &mut Rpm, part: RegionParts) {
    rpm.priorities.extend(part.priorities);
    rpm.initiatives.extend(part.initiatives);
    rpm.proposals.extend(part.proposals);
    rpm.other_sections.extend(part.other_sections);
    rpm.body = format!("{}\n\n{}", rpm.body, part.body);
    rpm.source = format!("{}, {}", rpm.source, part.source);
}

/// Two parts of one region without an RPM: the first's language, both documents and texts.
fn join_parts(first: &mut RegionParts, next: RegionParts) {
    first.documents.extend(next.documents);
    first.priorities.extend(next.priorities);
    first.initiatives.extend(next.initiatives);
    first.proposals.extend(next.proposals);
    first.other_sections.extend(next.other_sections);
    first.body = format!("{}\n\n{}", first.body, next.body);
    first.source = format!("{}, {}", first.source, next.source);
}

/// Gives each proposal read without an id (an ITU heading without a number) the id
/// `REGION-Pn`, n its position among the region's proposals (`-2`, `-3` … added when that is
/// taken), and reports an id used twice in the region (a duplicate within one `# Proposals`
/// section was reported, and left out, when its file was read).
fn unique_ids(region: Region, proposals: &mut [Proposal], diagnostics: &mut Vec<Diagnostic>) {
    let mut seen: HashMap<String, SourcePos> = HashMap::new();
    for p in proposals.iter().filter(|p| !p.id.is_empty()) {
        match seen.get(&p.id) {
            Some(first) => diagnostics.push(
                Diagnostic::error(&p.source, format!("duplicate proposal id `{}`", p.id))
                    .with_help(format!(
                        "`{}` is already used at {}; ids must be unique within a region",
                        p.id,
                        first.file_line()
                    )),
            ),
            None => {
                seen.insert(p.id.clone(), p.source.clone());
            }
        }
    }
    for (n, p) in proposals.iter_mut().enumerate() {
        if !p.id.is_empty() {
            continue;
        }
        let base = format!("{region}-P{}", n + 1);
        let id = std::iter::once(base.clone())
            .chain((2..).map(|k| format!("{base}-{k}")))
            .find(|id| !seen.contains_key(id))
            .expect("an unused id");
        seen.insert(id.clone(), p.source.clone());
        p.id = id;
    }
}
