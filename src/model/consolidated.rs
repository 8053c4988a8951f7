use super::{Action, Amendment, Cycle, Diagnostic, Region, SourcePos, TimelineCheck};
use crate::messages::Catalogue;
use serde::Serialize;

/// How the proposals of a group relate to each other.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum GroupKind {
    /// One proposal.
    Single,
    /// Every member says the same thing: one entry listing every supporting region.
    Common,
    /// Materially different texts on the same target and action, shown side by side.
    Variant,
}

/// One block of proposals with the same topic, target and action.
#[derive(Debug, Clone, Serialize)]
pub struct Group {
    /// `topic/target/ACTION`, with `/2`, `/3` … for further blocks of new or untargeted texts.
    pub id: String,
    pub topic: Option<String>,
    pub target: Option<String>,
    pub action: Action,
    /// Qualified proposal ids (`AFR/AFR-P3`) in canonical region order.
    pub members: Vec<String>,
    /// Supporting regions, canonical order, no repeats.
    pub regions: Vec<Region>,
    pub kind: GroupKind,
    /// For variants: members that say the same thing, merged within the group.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub clusters: Vec<Vec<String>>,
}

/// What a finding is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FindingKind {
    /// The same target with incompatible actions (e.g. MOD and SUP).
    Conflict,
    /// The same proposal twice in one file.
    Duplicate,
    /// A proposal with no topic: listed under "Other proposals".
    Unclassified,
    /// A target that no topic of the catalogue lists.
    UnknownTarget,
    /// Changes by different regions to the same words of a text (amendments compared change
    /// by change).
    Overlap,
    /// A proposal that marks changes to another version of the text than the others.
    OtherVersion,
}

/// A matter for the attention of the advisory group.
#[derive(Debug, Clone, Serialize)]
pub struct Finding {
    pub kind: FindingKind,
    /// In English, for `check` and `consolidated.json`.
    pub message: String,
    /// The catalogue message reports write it with: the target's label is `{0}`, `params`
    /// follow.
    #[serde(skip)]
    pub key: &'static str,
    #[serde(skip)]
    pub target: Option<String>,
    #[serde(skip)]
    pub params: Vec<String>,
    pub members: Vec<String>,
    /// Where each member is, in the same order as `members` (`"rpm/afr.md:41"` in JSON).
    #[serde(serialize_with = "file_lines")]
    pub sources: Vec<SourcePos>,
}

impl Finding {
    /// The finding in a report language: its catalogue message, the target written by
    /// `label` as `{0}`, `params` after it.
    pub fn text(&self, cat: &Catalogue, label: impl Fn(&str) -> String) -> String {
        let target = self.target.as_deref().map(label).unwrap_or_default();
        let params: Vec<String> = std::iter::once(target)
            .chain(self.params.iter().cloned())
            .collect();
        cat.text(self.key, &params)
    }
}

fn file_lines<S: serde::Serializer>(sources: &[SourcePos], s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(sources.iter().map(SourcePos::file_line))
}

/// The cycle after consolidation: classified proposals, groups, findings and timeline.
#[derive(Debug, Clone, Serialize)]
pub struct Consolidated {
    pub cycle: Cycle,
    pub groups: Vec<Group>,
    /// The groups whose proposals mark changes to one text, compared change by change.
    pub amendments: Vec<Amendment>,
    pub findings: Vec<Finding>,
    pub timeline: Vec<TimelineCheck>,
    /// Warnings found while consolidating (input errors stop before this stage).
    pub diagnostics: Vec<Diagnostic>,
}
