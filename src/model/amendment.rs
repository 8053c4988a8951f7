//! Amendments compared change by change: the MOD proposals of one group that mark their
//! changes to the same base text, every change listed once with the regions that make it.

use super::Region;
use serde::Serialize;

/// The proposals of one group that amend the same base text, aligned change by change.
#[derive(Debug, Clone, Serialize)]
pub struct Amendment {
    /// The text amended (`res-45`).
    pub target: String,
    /// The group's id (`cybersecurity/res-45/MOD`).
    pub group: String,
    /// The proposals aligned on the base: qualified ids, group order.
    pub members: Vec<String>,
    /// Proposals with changes of their own to another version of the text (another base).
    pub base_differs: Vec<String>,
    /// Every change, in base order.
    pub changes: Vec<AlignedChange>,
    /// Changes by different regions that touch the same words differently.
    pub overlaps: Vec<Overlap>,
    /// The base as the first member writes it (deletions kept, insertions removed): the text
    /// the combined view marks.
    #[serde(skip)]
    pub base: String,
    /// The regions of `members`, canonical order, each once.
    #[serde(skip)]
    pub regions: Vec<Region>,
}

/// One change to the base, with every proposal that makes it.
#[derive(Debug, Clone, Serialize)]
pub struct AlignedChange {
    /// The base text it deletes or replaces, as the first proposal making it wrote it (empty
    /// for an insertion).
    pub delete: String,
    /// The text it inserts (empty for a deletion).
    pub insert: String,
    /// The regions making it, canonical order, each once.
    pub regions: Vec<Region>,
    /// The proposals making it, group order.
    pub members: Vec<String>,
    /// Made by every region of the amendment (and by at least two regions).
    pub common: bool,
    /// A few words of the base around the place: `…to establish, ⟨here⟩CIRTs…`.
    pub context: String,
    /// Byte range of the deleted text in [`Amendment::base`] (empty for an insertion: the
    /// place it goes).
    #[serde(skip)]
    pub range: std::ops::Range<usize>,
}

/// Two or more changes that touch the same words differently: a choice to make.
#[derive(Debug, Clone, Serialize)]
pub struct Overlap {
    /// Indexes into [`Amendment::changes`].
    pub changes: Vec<usize>,
    /// In English: what each region does to the words.
    pub message: String,
}
