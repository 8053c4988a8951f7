//! Amendments compared change by change as the templates read them: the base shown once
//! with every change marked and attributed (CriticMarkup with a `{>>AFR, ARB<<}` comment
//! naming the regions), the table of changes, the overlaps, and the proposals shown on
//! their own (another version of the text, or no marked changes).

use super::group::{Lookup, MemberView, SourceRef};
use crate::model::{AlignedChange, Amendment, Region};
use crate::report::markdown::{cell, demote};
use serde::Serialize;
use std::ops::Range;

/// One group's amendments, aligned on one base.
#[derive(Debug, Serialize)]
pub struct AmendmentView {
    /// The regions aligned on the base after "of", with the language's articles.
    pub regions_of: String,
    /// The text amended: "Resolution 45".
    pub target_label: String,
    /// The base with every change marked (CriticMarkup), each followed by `{>>REGIONS<<}`.
    pub text: String,
    /// One row per change, in base order.
    pub changes: Vec<ChangeRow>,
    /// How many changes there are, and how many every region makes.
    pub count: usize,
    pub common_count: usize,
    /// Each overlap of changes, as a sentence in the report language.
    pub overlaps: Vec<String>,
    /// The proposals aligned on the base.
    pub sources: Vec<SourceRef>,
    /// The group's other proposals, each shown on its own.
    pub others: Vec<OtherView>,
}

/// One row of the table of changes.
#[derive(Debug, Serialize)]
pub struct ChangeRow {
    /// 1, 2, … in base order.
    pub row: usize,
    /// Where in the base: a few words around the place (`…to establish, ⟨here⟩CIRTs…`),
    /// ready for a table cell.
    pub place: String,
    /// What it does: `+ “national”`, `− “where appropriate”`, `“encourage” → “urge”`, ready
    /// for a table cell.
    pub change: String,
    /// The region codes making it: `AFR, ARB`.
    pub regions: String,
    /// Made by every region of the amendment.
    pub common: bool,
}

/// A proposal of the group not aligned on the base.
#[derive(Debug, Serialize)]
pub struct OtherView {
    /// "Africa (AFR)".
    pub region_name: String,
    pub region: &'static str,
    /// Why it is on its own: it amends another version of the text, or marks no change.
    pub note: String,
    pub text: String,
    pub sources: Vec<SourceRef>,
}

/// The view of `a`, the amendments of a group whose members are `members`.
pub fn view(
    a: &Amendment,
    members: &[MemberView],
    target_label: &str,
    lookup: &Lookup,
) -> AmendmentView {
    let cat = lookup.cat;
    let of: Vec<String> = a
        .regions
        .iter()
        .map(|r| format!("{} ({})", r.of(cat), r.shown(cat)))
        .collect();
    let member = |id: &String| members.iter().find(|m| &m.id == id);
    let others = members
        .iter()
        .filter(|m| !a.members.contains(&m.id))
        .map(|m| {
            let key = if a.base_differs.contains(&m.id) {
                "amendment_other_version"
            } else {
                "amendment_own_text"
            };
            OtherView {
                region_name: format!("{} ({})", m.region_name, m.region),
                region: m.region,
                note: cat.text(key, &[]),
                text: m.text.clone(),
                sources: vec![m.source_ref()],
            }
        })
        .collect();
    AmendmentView {
        regions_of: cat.join(&of),
        target_label: target_label.to_string(),
        text: demote(&combined(a), 4),
        changes: a
            .changes
            .iter()
            .enumerate()
            .map(|(i, c)| ChangeRow {
                row: i + 1,
                // Emphasis and code marks of the base would pair up across the table.
                place: cell(&c.context.replace(['*', '_', '`'], "")),
                change: cell(&describe(c)),
                regions: if c.common {
                    format!(
                        "{} ({})",
                        shown_codes(&c.regions, cat),
                        cat.text("amendment_common", &[])
                    )
                } else {
                    shown_codes(&c.regions, cat)
                },
                common: c.common,
            })
            .collect(),
        count: a.changes.len(),
        common_count: a.changes.iter().filter(|c| c.common).count(),
        overlaps: a
            .overlaps
            .iter()
            .map(|o| {
                let parts: Vec<String> = o
                    .changes
                    .iter()
                    .map(|&i| {
                        cat.text(
                            "amendment_overlap_part",
                            &[
                                (i + 1).to_string(),
                                shown_codes(&a.changes[i].regions, cat),
                                describe(&a.changes[i]),
                            ],
                        )
                    })
                    .collect();
                cat.text(
                    "amendment_overlap",
                    &[parts.join(&cat.text("separator", &[]))],
                )
            })
            .collect(),
        sources: a
            .members
            .iter()
            .filter_map(member)
            .map(MemberView::source_ref)
            .collect(),
        others,
    }
}

fn codes(regions: &[Region]) -> String {
    crate::consolidate::amendments::codes(regions)
}

/// The regions' codes as the report language writes them: `AFR, CEI` in French.
fn shown_codes(regions: &[Region], cat: &crate::messages::Catalogue) -> String {
    let codes: Vec<&str> = regions.iter().map(|r| r.shown(cat)).collect();
    codes.join(", ")
}

/// `+ “national”`, `− “where appropriate”`, `“encourage” → “urge”`.
pub fn describe(c: &AlignedChange) -> String {
    use crate::consolidate::amendments::short;
    let (old, new) = (short(&c.delete), short(&c.insert));
    match (old.is_empty(), new.is_empty()) {
        (true, _) => format!("+ “{new}”"),
        (false, true) => format!("− “{old}”"),
        (false, false) => format!("“{old}” → “{new}”"),
    }
}

/// The base with every change marked as CriticMarkup followed by `{>>REGIONS<<}`. Changes
/// whose ranges meet are written together: the words they delete, cut where their ranges
/// start and end, each piece deleted by the regions deleting it, then what each inserts,
/// so that each region's own changes read as its proposal.
pub fn combined(a: &Amendment) -> String {
    let base = &a.base;
    let mut out = String::with_capacity(base.len() + 64 * a.changes.len());
    let mut at = 0;
    let mut i = 0;
    while i < a.changes.len() {
        // The changes written together: ranges that share text, or an insertion inside a range.
        let mut end = a.changes[i].range.end;
        let mut j = i + 1;
        while j < a.changes.len() {
            let r = &a.changes[j].range;
            if r.start < end {
                end = end.max(r.end);
                j += 1;
            } else {
                break;
            }
        }
        let start = a.changes[i].range.start.max(at);
        out.push_str(&base[at..start]);
        write_together(&mut out, base, &a.changes[i..j], start..end);
        at = end.max(start);
        i = j;
    }
    out.push_str(&base[at..]);
    out
}

/// Writes `changes` (sorted, meeting within `span` of `base`).
fn write_together(out: &mut String, base: &str, changes: &[AlignedChange], span: Range<usize>) {
    let label = |rs: &[Region]| format!("{{>>{}<<}}", codes(rs));
    if let [c] = changes {
        let old = &base[span.clone()];
        match (old.is_empty(), c.insert.is_empty()) {
            (true, _) => out.push_str(&format!("{{++{}++}}", c.insert)),
            (false, true) => out.push_str(&format!("{{--{old}--}}")),
            (false, false) => out.push_str(&format!("{{~~{old}~>{}~~}}", c.insert)),
        }
        out.push_str(&label(&c.regions));
        return;
    }
    let mut cuts: Vec<usize> = changes
        .iter()
        .flat_map(|c| [c.range.start.max(span.start), c.range.end.min(span.end)])
        .chain([span.start, span.end])
        .filter(|&x| base.is_char_boundary(x))
        .collect();
    cuts.sort_unstable();
    cuts.dedup();
    let insert_at = |out: &mut String, at: usize| {
        for c in changes
            .iter()
            .filter(|c| c.range.end == at && !c.insert.is_empty())
        {
            out.push_str(&format!("{{++{}++}}", c.insert));
            out.push_str(&label(&c.regions));
        }
    };
    insert_at(out, span.start);
    for w in cuts.windows(2) {
        let (from, to) = (w[0], w[1]);
        let piece = &base[from..to];
        let mut by: Vec<Region> = changes
            .iter()
            .filter(|c| c.range.start <= from && to <= c.range.end && !c.range.is_empty())
            .flat_map(|c| c.regions.iter().copied())
            .collect();
        by.sort();
        by.dedup();
        if by.is_empty() {
            out.push_str(piece);
        } else {
            out.push_str(&format!("{{--{piece}--}}"));
            out.push_str(&label(&by));
        }
        insert_at(out, to);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Region::*;

    fn change(range: Range<usize>, insert: &str, regions: &[Region]) -> AlignedChange {
        AlignedChange {
            delete: String::new(),
            insert: insert.into(),
            regions: regions.to_vec(),
            members: Vec::new(),
            common: false,
            context: String::new(),
            range,
        }
    }

    #[test]
    fn each_change_is_marked_with_its_regions_and_overlapping_ones_are_cut() {
        let base = "to encourage Member States to establish, where appropriate, CIRTs";
        let a = Amendment {
            target: "res-45".into(),
            group: "g".into(),
            members: vec![],
            base_differs: vec![],
            changes: vec![
                change(3..12, "", &[AFR]),
                change(3..12, "urge", &[CIS]),
                change(39..58, "", &[AFR, EUR]),
                change(60..60, "national ", &[AFR, ARB]),
            ],
            overlaps: vec![],
            base: base.into(),
            regions: vec![AFR, ARB, CIS, EUR],
        };
        assert_eq!(
            combined(&a),
            "to {--encourage--}{>>AFR, CIS<<}{++urge++}{>>CIS<<} Member States to establish{--, where appropriate--}{>>AFR, EUR<<}, {++national ++}{>>AFR, ARB<<}CIRTs"
        );
    }
}
