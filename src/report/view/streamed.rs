//! The long parts of a report context: a topic's groups, an RPM's annex, the embedded
//! synthesis. They are computed when serialised, so a report is rendered one topic at a time
//! and no whole report context is ever held (see `report::stream`); the rest of the context,
//! its root, is converted for the templates without them.

use crate::model::Rpm;
use crate::report::markdown::{self, Sink};
use serde::{Serialize, Serializer};
use std::cell::Cell;

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

/// An RPM's whole outcome, headings from level 3, its proposals' anchors renamed as
/// "Proposals by topic" links to them (empty for a region that held no RPM).
#[derive(Debug, Clone, Copy, Default)]
pub struct Annex<'a>(pub Option<&'a Rpm>);

impl Annex<'_> {
    /// Writes the text into `out`.
    pub fn write(&self, out: &mut dyn Sink) {
        if let Some(rpm) = self.0 {
            markdown::demote_keeping_ids_into(
                &rpm.body,
                3,
                |id| super::group::source_anchor(&format!("{}/{id}", rpm.region)),
                out,
            );
        }
    }
}

impl Serialize for Annex<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut text = String::new();
        self.write(&mut text);
        s.serialize_str(&text)
    }
}
