//! "Matters for attention" and the convergence matrix as the templates read them: findings
//! with the proposals they concern, the groups of variants, and what each region proposed on
//! each topic.

use super::group::{GroupHead, SourceRef, source_anchor};
use super::topic::TopicView;
use crate::messages::Catalogue;
use crate::model::{Consolidated, FindingKind, Region};
use crate::report::labels::{target_long, target_short};
use serde::Serialize;

/// A topic × region row of the convergence matrix.
#[derive(Debug, Serialize)]
pub struct MatrixRow {
    pub topic: String,
    pub anchor: String,
    pub cells: Vec<String>,
}

/// One finding: its message and the proposals it concerns.
#[derive(Debug, Serialize)]
pub struct FindingView {
    pub message: String,
    pub members: Vec<SourceRef>,
}

/// A group of variants to be reconciled, with a link to its entry.
#[derive(Debug, Serialize)]
pub struct VariantRef {
    pub title: String,
    pub target_label: String,
    pub action: String,
    pub regions: String,
    pub anchor: String,
}

/// What the advisory group should look at.
#[derive(Debug, Serialize)]
pub struct FindingsView {
    pub any: bool,
    pub conflicts: Vec<FindingView>,
    pub variants: Vec<VariantRef>,
    pub unclassified: Vec<FindingView>,
    pub duplicates: Vec<FindingView>,
    pub unknown_targets: Vec<FindingView>,
}

pub(super) fn matrix(topics: &[TopicView], cat: &Catalogue) -> Vec<MatrixRow> {
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
                        .heads()
                        .filter(|g| g.region_codes.contains(&r.code()))
                        .map(|g| {
                            format!(
                                "{} {}",
                                g.action,
                                target_short(
                                    Some(g.target.as_str()).filter(|s| !s.is_empty()),
                                    cat
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

pub(super) fn findings<'g, 'a: 'g>(
    c: &Consolidated,
    groups: impl Iterator<Item = &'g GroupHead<'a>>,
    cat: &Catalogue,
) -> FindingsView {
    let of = |kind: FindingKind| -> Vec<FindingView> {
        c.findings
            .iter()
            .filter(|f| f.kind == kind)
            .map(|f| FindingView {
                message: f.text(cat, |t| target_long(Some(t), cat)),
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
    let variants: Vec<VariantRef> = groups
        .filter(|g| g.is_variant())
        .map(|g| VariantRef {
            title: g.title.clone(),
            target_label: g.target_label.clone(),
            action: g.action.clone(),
            regions: g.region_codes.join(", "),
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
