//! One entry of "Proposals by topic" as the templates read it: a group of proposals with the
//! same target and action, its members, its variants and their word differences. Built when
//! it is rendered (or printed), from its [`GroupHead`].

use crate::messages::Catalogue;
use crate::model::{Cycle, Group, GroupKind, Proposal};
use crate::report::diff;
use crate::report::labels::target_long;
use crate::report::markdown::{demote, slug};
use serde::Serialize;
use std::collections::HashMap;

/// One entry of "Proposals by topic".
#[derive(Debug, Serialize)]
pub struct GroupView {
    pub id: String,
    pub anchor: String,
    pub is_common: bool,
    pub is_variant: bool,
    pub is_single: bool,
    /// The entry's heading (see [`GroupHead::heading`]).
    pub heading: String,
    pub action: String,
    pub target: String,
    pub target_label: String,
    /// Title of the displayed text (first member in canonical region order).
    pub title: String,
    /// Region of the displayed text (the author of its tracked changes).
    pub region: &'static str,
    /// Supporting region codes, canonical order.
    pub region_codes: Vec<&'static str>,
    pub region_names: String,
    /// The supporting regions after "of", with the language's articles: "de l'Afrique (AFR)
    /// et des États arabes (ARB)".
    pub regions_of: String,
    /// Displayed text: the first member's, headings demoted.
    pub text: String,
    pub members: Vec<MemberView>,
    /// Some member's wording differs from the displayed text.
    /// Whether a proposal of the group conflicts with another (a matter of section 7).
    pub in_conflict: bool,
    pub has_changes: bool,
    /// Variants: one entry per cluster of same texts.
    pub variants: Vec<VariantView>,
    /// When proposals of the group mark their changes to one text: those changes compared
    /// change by change, shown instead of the common text or the variants; null otherwise.
    pub amendment: Option<super::amendment::AmendmentView>,
}

/// One proposal with its provenance.
#[derive(Debug, Serialize)]
pub struct MemberView {
    pub id: String,
    /// How the report cites it: its ITU number, else "RPM-AFR25, AFR-P1".
    pub cite: String,
    /// Anchor of the proposal in its region's annex (see [`source_anchor`]).
    pub anchor: String,
    pub region: &'static str,
    pub region_name: &'static str,
    /// The language of the file it was read from: `es`.
    pub language: String,
    pub title: String,
    pub source: String,
    pub text: String,
    /// Word changes from the group's displayed text ("“organise” → “organize”; + “of work”"); empty for the displayed member.
    pub changes: String,
}

/// One text of a variant group, with the regions that support it.
#[derive(Debug, Serialize)]
pub struct VariantView {
    pub label: String,
    /// Region of the displayed text (the author of its tracked changes).
    pub region: &'static str,
    pub regions: String,
    /// "Arab States (ARB) and Europe (EUR)".
    pub region_names: String,
    /// The language its text is written in, when the group's texts are in more than one:
    /// "in Spanish" ("en espagnol" in French); empty otherwise.
    pub language: String,
    pub ids: String,
    pub title: String,
    /// The title when it is not the group's: empty when the heading would repeat it.
    pub own_title: String,
    pub text: String,
    /// Where each supporting proposal is.
    pub sources: Vec<SourceRef>,
    /// Word changes from variant A when they are few ("“rural” → “urban”"); empty for
    /// variant A and for texts that differ throughout.
    pub changes: String,
    /// When `changes` is not empty: the text with those changes from variant A marked as
    /// tracked changes (CriticMarkup), where they can be marked without crossing the
    /// Markdown's structure; empty otherwise.
    pub marked_text: String,
}

/// Where a proposal comes from: its id, its anchor in the region's annex and `file:line`.
#[derive(Debug, Serialize, Clone)]
pub struct SourceRef {
    pub id: String,
    /// How the report cites it: its ITU number, else "RPM-AFR25, AFR-P1".
    pub cite: String,
    pub anchor: String,
    pub source: String,
}

/// The anchor of a proposal (or initiative) heading in its region's annex: `src-afr-afr-p3`.
pub fn source_anchor(qualified_id: &str) -> String {
    format!("src-{}", slug(qualified_id))
}

/// The proposals by qualified id, and the report language's catalogue: what a group view is
/// built from.
#[derive(Debug)]
pub struct Lookup<'a> {
    pub by_id: HashMap<String, &'a Proposal>,
    pub cycle: &'a Cycle,
    /// The proposals in conflict with another (qualified ids).
    pub conflicting: std::collections::HashSet<&'a str>,
    /// The amendments compared change by change, by group id.
    pub amendments: HashMap<&'a str, &'a crate::model::Amendment>,
    pub cat: &'static Catalogue,
}

/// What is known of a group without its texts: enough for the matrix, the review table and
/// the findings, and the start of its view.
#[derive(Debug)]
pub struct GroupHead<'a> {
    pub group: &'a Group,
    pub anchor: String,
    /// The entry's heading: "MOD Resolution 37: Bridging the digital divide"; a new text or
    /// a proposal without a target by its title ("ADD Artificial intelligence … (new text)").
    pub heading: String,
    /// How links to the entry name it: "MOD Resolution 37", or the heading for a new text.
    pub label: String,
    pub action: String,
    pub target: String,
    pub target_label: String,
    pub title: String,
    pub region: &'static str,
    pub region_codes: Vec<&'static str>,
}

impl<'a> GroupHead<'a> {
    /// The head of `g`.
    pub fn of(g: &'a Group, lookup: &Lookup) -> GroupHead<'a> {
        let first = g.members.iter().find_map(|id| lookup.by_id.get(id));
        let target_label = target_long(g.target.as_deref(), lookup.cat);
        let title = without_label(first.map_or("", |p| p.title.as_str()), &target_label);
        let (heading, label) = match g.target.as_deref() {
            Some("new") => {
                let heading = format!(
                    "{} {}",
                    g.action,
                    lookup
                        .cat
                        .text("heading_new_text", std::slice::from_ref(&title))
                );
                (heading.clone(), heading)
            }
            None => {
                let heading = format!("{} {title}", g.action);
                (heading.clone(), heading)
            }
            // A title that only names the target is not repeated, nor an empty one: "MOD Resolution 10".
            Some(_) if title.is_empty() || title.eq_ignore_ascii_case(&target_label) => {
                let label = format!("{} {target_label}", g.action);
                (label.clone(), label)
            }
            Some(_) => (
                format!(
                    "{} {target_label}{}{title}",
                    g.action,
                    lookup.cat.text("colon", &[])
                ),
                format!("{} {target_label}", g.action),
            ),
        };
        GroupHead {
            group: g,
            anchor: format!("group-{}", slug(&g.id)),
            heading,
            label,
            action: g.action.to_string(),
            target: g.target.clone().unwrap_or_default(),
            title,
            target_label,
            region: first.map_or("", |p| p.region.shown(lookup.cat)),
            region_codes: g.regions.iter().map(|r| r.code()).collect(),
        }
    }

    /// Whether it is a group of variants.
    pub fn is_variant(&self) -> bool {
        self.group.kind == GroupKind::Variant
    }

    /// The whole view: members, variants and their word differences.
    pub fn view(&self, lookup: &Lookup) -> GroupView {
        let (g, cat) = (self.group, lookup.cat);
        let mut members: Vec<MemberView> = g
            .members
            .iter()
            .filter_map(|id| lookup.by_id.get(id))
            .map(|p| member_view(p, lookup.cycle, cat))
            .collect();
        if g.kind == GroupKind::Common {
            let (first, rest) = members.split_at_mut(1);
            for m in rest {
                m.changes = diff::word_changes(&first[0].text, &m.text, 12).join("; ");
            }
        }
        let variants = with_changes_from_first(variants(self, &members, cat));
        let amendment = lookup
            .amendments
            .get(g.id.as_str())
            .map(|a| super::amendment::view(a, &members, &self.target_label, lookup));
        let names: Vec<String> = g
            .regions
            .iter()
            .map(|r| format!("{} ({})", r.in_text(cat), r.shown(cat)))
            .collect();
        let of: Vec<String> = g
            .regions
            .iter()
            .map(|r| format!("{} ({})", r.of(cat), r.shown(cat)))
            .collect();
        GroupView {
            id: g.id.clone(),
            anchor: self.anchor.clone(),
            heading: self.heading.clone(),
            is_common: g.kind == GroupKind::Common,
            is_variant: g.kind == GroupKind::Variant,
            is_single: g.kind == GroupKind::Single,
            action: self.action.clone(),
            target: self.target.clone(),
            target_label: self.target_label.clone(),
            title: self.title.clone(),
            region: self.region,
            region_codes: self.region_codes.clone(),
            region_names: cat.join(&names),
            regions_of: cat.join(&of),
            text: members.first().map(|m| m.text.clone()).unwrap_or_default(),
            has_changes: members.iter().any(|m| !m.changes.is_empty()),
            in_conflict: g
                .members
                .iter()
                .any(|m| lookup.conflicting.contains(m.as_str())),
            members,
            variants,
            amendment,
        }
    }
}

fn member_view(p: &Proposal, cycle: &Cycle, cat: &'static Catalogue) -> MemberView {
    let id = p.qualified_id();
    MemberView {
        cite: cycle.citation(p),
        anchor: source_anchor(&id),
        id,
        region: p.region.shown(cat),
        region_name: p.region.name(cat),
        language: p.language.clone(),
        title: p.title.clone(),
        source: p.source.file_line(),
        text: demote(&p.body, 4),
        changes: String::new(),
    }
}

/// One variant per cluster of same texts, shown by its first member.
fn variants(head: &GroupHead, members: &[MemberView], cat: &Catalogue) -> Vec<VariantView> {
    let g = head.group;
    let by_member_id: HashMap<&str, &MemberView> =
        members.iter().map(|m| (m.id.as_str(), m)).collect();
    let several_languages = members.iter().any(|m| m.language != members[0].language);
    g.clusters
        .iter()
        .enumerate()
        .map(|(n, ids)| {
            let ms: Vec<&MemberView> = ids
                .iter()
                .filter_map(|id| by_member_id.get(id.as_str()).copied())
                .collect();
            let first = ms.first().copied();
            let title = first.map(|m| m.title.clone()).unwrap_or_default();
            let own = without_label(&title, &head.target_label);
            let names: Vec<String> = ms
                .iter()
                .map(|m| format!("{} ({})", m.region_name, m.region))
                .collect();
            VariantView {
                language: match first {
                    Some(m) if several_languages => {
                        cat.text(&format!("in_language.{}", m.language), &[])
                    }
                    _ => String::new(),
                },
                label: char::from(b'A' + (n % 26) as u8).to_string(),
                region: first.map_or("", |m| m.region),
                regions: ms.iter().map(|m| m.region).collect::<Vec<_>>().join(", "),
                region_names: cat.join(&names),
                ids: ids.join(", "),
                own_title: if own.eq_ignore_ascii_case(&head.title) {
                    String::new()
                } else {
                    own
                },
                title,
                text: first.map(|m| m.text.clone()).unwrap_or_default(),
                sources: ms.iter().map(|m| m.source_ref()).collect(),
                changes: String::new(),
                marked_text: String::new(),
            }
        })
        .collect()
}

impl MemberView {
    /// Where it is: its id, citation, anchor and `file:line`.
    pub fn source_ref(&self) -> SourceRef {
        SourceRef {
            id: self.id.clone(),
            cite: self.cite.clone(),
            anchor: self.anchor.clone(),
            source: self.source.clone(),
        }
    }
}

/// Word changes between two variants are listed when there are at most this many changes
/// touching at most [`FEW_WORDS`] words; beyond that the texts differ throughout and are
/// read side by side instead.
const FEW_CHANGES: usize = 6;
const FEW_WORDS: usize = 24;

/// Sets each variant's word changes from variant A, when they are few.
fn with_changes_from_first(mut variants: Vec<VariantView>) -> Vec<VariantView> {
    if let Some((first, rest)) = variants.split_first_mut() {
        let first_words = diff::WordCounts::of(&first.text);
        for v in rest {
            // Texts with many more different words than a listing allows are not diffed (the
            // bound is loose: words merged or split by a change can make the two differ).
            if first_words.surplus(&v.text) > 4 * FEW_WORDS {
                continue;
            }
            let changes = diff::changes(&first.text, &v.text);
            let words: usize = changes.iter().map(diff::Change::words).sum();
            if changes.len() <= FEW_CHANGES && words <= FEW_WORDS {
                let described: Vec<String> = changes.iter().map(|c| c.describe()).collect();
                v.changes = described.join("; ");
                v.marked_text = diff::marked(&first.text, &v.text).unwrap_or_default();
            }
        }
    }
    variants
}

/// "Question 7/1: accessibility" under the label "Question 7/1" → "accessibility", so headings
/// do not say the target twice.
pub(super) fn without_label(title: &str, label: &str) -> String {
    match title.get(..label.len()) {
        Some(head) if head.eq_ignore_ascii_case(label) => {
            let rest = title[label.len()..].trim_start_matches([':', ' ', '-', '–']);
            if rest.is_empty() {
                title.to_string()
            } else {
                rest.to_string()
            }
        }
        _ => title.to_string(),
    }
}
