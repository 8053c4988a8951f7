//! The writer's state, split as pandoc splits it: what is fixed for the document (read
//! before the body is written) and what changes as it goes (ids, counters, numbering,
//! external links, the region whose changes are tracked).

use super::outline::Outline;
use super::styles::{self, Geometry};
use crate::render::script::Writing;

/// What is fixed for the whole document.
pub struct Env<'a> {
    /// Headings, their bookmarks and the anchors links may point to, read beforehand.
    pub outline: &'a Outline,
    /// The document's page setup (portrait; landscape sections turn it).
    pub geometry: Geometry,
    /// Date of the tracked changes.
    pub stamp: String,
    /// The caption's words around its number, from the message catalogue ("Table ", " – ").
    pub caption: (String, String),
    /// How the report language is written (direction, fonts).
    pub writing: Writing,
}

impl<'a> Env<'a> {
    /// The environment of a document in `language`.
    pub fn new(outline: &'a Outline, geometry: Geometry, stamp: &str, language: &str) -> Env<'a> {
        Env {
            outline,
            geometry,
            stamp: stamp.to_string(),
            caption: crate::render::caption_words(language),
            writing: Writing::of(language),
        }
    }
}

/// Numbering instances: (num id, abstract id, level, start).
pub type Lists = Vec<(usize, usize, usize, usize)>;
/// External hyperlinks: (relationship id, URL).
pub type Links = Vec<(String, String)>;

/// What changes as the document is written: ids Word requires to be unique, caption
/// numbers, numbering instances, external links and the regions by heading level.
#[derive(Default)]
pub struct State {
    bookmarks: usize,
    revisions: usize,
    tables: usize,
    lists: Lists,
    links: Links,
    /// The region of each heading level that names one, outermost first.
    regions: Vec<(usize, String)>,
    /// Index into the outline of the next heading.
    next_heading: usize,
}

impl State {
    /// A new bookmark id.
    pub fn bookmark(&mut self) -> usize {
        self.bookmarks += 1;
        self.bookmarks
    }

    /// A new revision id.
    pub fn revision(&mut self) -> usize {
        self.revisions += 1;
        self.revisions
    }

    /// The number of the next table caption.
    pub fn table(&mut self) -> usize {
        self.tables += 1;
        self.tables
    }

    /// The relationship id of a new external hyperlink to `url`.
    pub fn external_link(&mut self, url: String) -> String {
        let id = format!("rIdLink{}", self.links.len() + 1);
        self.links.push((id.clone(), url));
        id
    }

    /// A new numbering instance at `level`, ordered from `start` or bulleted; its num id.
    pub fn list(&mut self, start: Option<u64>, level: usize) -> usize {
        let num_id = self.lists.len() + 1;
        let (abs, first) = match start {
            Some(n) => (styles::ORDERED_ABSTRACT, n as usize),
            None => (styles::BULLET_ABSTRACT, 1),
        };
        self.lists.push((num_id, abs, level, first));
        num_id
    }

    /// A heading of `level` starts, naming the region of its changes or not.
    pub fn heading(&mut self, level: usize, region: Option<&str>) {
        self.regions.retain(|(l, _)| *l < level);
        if let Some(r) = region {
            self.regions.push((level, r.to_string()));
        }
    }

    /// Author of the tracked changes here: the innermost region, or the default.
    pub fn author(&self) -> &str {
        self.regions
            .last()
            .map_or(styles::REVISION_AUTHOR, |(_, a)| a.as_str())
    }

    /// The index into the outline of the heading now written.
    pub fn next_heading(&mut self) -> usize {
        self.next_heading += 1;
        self.next_heading - 1
    }

    /// The numbering instances and external links, once the body is written.
    pub fn finish(self) -> (Lists, Links) {
        (self.lists, self.links)
    }
}
