//! The long parts of a report context: a topic's groups, an RPM's annex, the embedded
//! synthesis. They are computed when serialised, so a report is rendered one topic at a time
//! and no whole report context is ever held (see `report::stream`); the rest of the context,
//! its root, is converted for the templates without them.

use crate::messages::Catalogue;
use crate::model::{Proposal, Region, RegionParts, RegionalInitiative, Rpm};
use crate::report::labels::target_long;
use crate::report::markdown::{self, Sink};
use serde::{Serialize, Serializer};
use std::cell::Cell;
use std::collections::HashMap;

thread_local! {
    /// Set while a report's root is converted: the streamed fields are left out.
    static LEAVING_OUT: Cell<bool> = const { Cell::new(false) };
}

/// Whether a streamed field is left out of the value being serialised (`skip_serializing_if`).
pub fn left_out<T>(_: &T) -> bool {
    LEAVING_OUT.with(Cell::get)
}

/// Runs `f` (a serialisation) with the streamed fields left out.
pub fn without_streamed<R>(f: impl FnOnce() -> R) -> R {
    struct Reset;
    impl Drop for Reset {
        fn drop(&mut self) {
            LEAVING_OUT.with(|l| l.set(false));
        }
    }
    LEAVING_OUT.with(|l| l.set(true));
    let _reset = Reset;
    f()
}

/// The synthesis as the implementation report's annex holds it: without its cover, headings
/// one level down, anchors prefixed `synthesis-` (empty in the synthesis report itself).
#[derive(Debug, Clone, Copy, Default)]
pub struct Synthesis<'a>(pub &'a str);

impl Synthesis<'_> {
    /// Writes the text into `out`.
    pub fn write(&self, out: &mut dyn Sink) {
        if !self.0.is_empty() {
            markdown::embed_into(markdown::without_front_matter(self.0), 2, "synthesis-", out);
        }
    }
}

impl Serialize for Synthesis<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut text = String::new();
        self.write(&mut text);
        s.serialize_str(&text)
    }
}

/// The texts a region's annex is made of: its RPM outcome, or the parts of its outcome given
/// without one.
#[derive(Debug, Clone, Copy)]
pub struct AnnexText<'a> {
    pub region: Region,
    pub body: &'a str,
    pub proposals: &'a [Proposal],
    pub initiatives: &'a [RegionalInitiative],
}

impl<'a> AnnexText<'a> {
    /// An RPM's outcome.
    pub fn of_rpm(rpm: &'a Rpm) -> Self {
        AnnexText {
            region: rpm.region,
            body: &rpm.body,
            proposals: &rpm.proposals,
            initiatives: &rpm.initiatives,
        }
    }

    /// The parts of a region's outcome given without its RPM's.
    pub fn of_parts(parts: &'a RegionParts) -> Self {
        AnnexText {
            region: parts.region,
            body: &parts.body,
            proposals: &parts.proposals,
            initiatives: &parts.initiatives,
        }
    }

    /// The proposal a heading of the body heads, with its index: by the heading's `#id`
    /// (`ids`: the proposals' indexes by id), else the proposal expected next (`next`) when
    /// the heading is its heading.
    fn proposal(
        &self,
        h: &markdown::Heading,
        ids: &HashMap<&str, usize>,
        next: usize,
    ) -> Option<(usize, &'a Proposal)> {
        let index = h.id.and_then(|id| ids.get(id).copied()).or_else(|| {
            self.proposals
                .get(next)
                .filter(|p| p.heading == h.text.trim())
                .map(|_| next)
        })?;
        Some((index, &self.proposals[index]))
    }
}

/// A region's whole outcome, headings from level 2: each proposal headed by its mark, number
/// (or id) and target, each initiative by its normalised code, their anchors those the
/// "Proposals by topic" links go to (empty for a region that gave no outcome).
#[derive(Debug, Clone, Copy, Default)]
pub struct Annex<'a>(pub Option<(AnnexText<'a>, &'static Catalogue)>);

impl Annex<'_> {
    /// Writes the text into `out`.
    pub fn write(&self, out: &mut dyn Sink) {
        let Some((annex, cat)) = self.0 else { return };
        let anchor = |id: &str| super::group::source_anchor(&format!("{}/{id}", annex.region));
        let colon = cat.text("colon", &[]);
        let ids: HashMap<&str, usize> = annex
            .proposals
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id.as_str(), i))
            .collect();
        let next = Cell::new(0);
        markdown::rewrite_headings_into(
            annex.body,
            2,
            |h| {
                if let Some((index, p)) = annex.proposal(h, &ids, next.get()) {
                    next.set(index + 1);
                    let label = target_long(p.target.as_deref(), cat);
                    let title = super::group::without_label(&p.title, &label);
                    let number = p.number.as_deref().unwrap_or(&p.id);
                    let mark = p.mark();
                    let text = match p.target.as_deref() {
                        Some(t)
                            if t != "new"
                                && (title.is_empty() || title.eq_ignore_ascii_case(&label)) =>
                        {
                            format!("{mark} {number} – {label}")
                        }
                        Some(t) if t != "new" => {
                            format!("{mark} {number} – {label}{colon}{title}")
                        }
                        _ if title.is_empty() => format!("{mark} {number}"),
                        _ => format!("{mark} {number} – {title}"),
                    };
                    return (Some(text), Some(anchor(&p.id)));
                }
                if let Some(i) = annex.initiatives.iter().find(|i| i.heading == h.text) {
                    return (
                        Some(format!("{}{colon}{}", i.code, i.title)),
                        Some(anchor(&i.code)),
                    );
                }
                (None, h.id.map(anchor))
            },
            out,
        );
    }
}

impl Serialize for Annex<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut text = String::new();
        self.write(&mut text);
        s.serialize_str(&text)
    }
}
