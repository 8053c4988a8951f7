//! Sections: a landscape heading opens a landscape section up to the next heading of its
//! level; each section but the last ends in an empty paragraph holding its `w:sectPr`
//! (headers, footers, page size and margins), the first with the cover page's settings.

use super::para::{Paragraph, Props, Role};
use super::parts;
use super::styles::Geometry;
use std::fmt::Write;

/// A section's `w:sectPr`: headers and footers (an empty first-page pair on the cover's
/// section), page size and margins.
pub fn section_properties(geometry: Geometry, title_page: bool) -> String {
    // A landscape page has its own header: the page number at its wider right margin.
    let header = if geometry.width > geometry.height {
        parts::HEADER_LANDSCAPE
    } else {
        parts::HEADER_DEFAULT
    };
    let mut out = format!(r#"<w:sectPr><w:headerReference w:type="default" r:id="{header}"/>"#);
    if title_page {
        let _ = write!(
            out,
            r#"<w:headerReference w:type="first" r:id="{}"/>"#,
            parts::HEADER_FIRST
        );
    }
    let _ = write!(
        out,
        r#"<w:footerReference w:type="default" r:id="{}"/>"#,
        parts::FOOTER_DEFAULT
    );
    if title_page {
        let _ = write!(
            out,
            r#"<w:footerReference w:type="first" r:id="{}"/>"#,
            parts::FOOTER_FIRST
        );
    }
    geometry.xml(&mut out);
    out.push_str(r#"<w:cols w:space="720"/>"#);
    if title_page {
        out.push_str("<w:titlePg/>");
    }
    out.push_str(r#"<w:docGrid w:linePitch="360"/></w:sectPr>"#);
    out
}

/// The section in force.
pub struct Sections {
    /// The document's page setup.
    page: Geometry,
    /// The landscape section in force: opened by a heading of this level.
    landscape: Option<usize>,
    /// No section has been closed yet (the first carries the cover page's settings).
    first: bool,
}

impl Sections {
    /// The first section of a document set up as `page`.
    pub fn new(page: Geometry) -> Sections {
        Sections {
            page,
            landscape: None,
            first: true,
        }
    }

    /// Page setup of the section in force.
    pub fn current(&self) -> Geometry {
        if self.landscape.is_some() {
            self.page.landscape()
        } else {
            self.page
        }
    }

    /// A heading of `level` (of class `landscape` or not) starts: the section ends it
    /// calls for (closing a landscape section, opening one), in order.
    pub fn at_heading(&mut self, level: usize, landscape: bool) -> Vec<Paragraph> {
        let mut ends = Vec::new();
        if self.landscape.is_some_and(|l| level <= l) {
            ends.push(self.close());
            self.landscape = None;
        }
        if landscape && self.landscape.is_none() {
            ends.push(self.close());
            self.landscape = Some(level);
        }
        ends
    }

    /// The empty paragraph that ends the section in force.
    fn close(&mut self) -> Paragraph {
        let props = Props {
            section: Some(section_properties(self.current(), self.first)),
            ..Props::default()
        };
        self.first = false;
        Paragraph::new(props, Role::SectionEnd, String::new())
    }

    /// The last section's `w:sectPr`, which closes the body.
    pub fn last(&self) -> String {
        section_properties(self.current(), self.first)
    }
}
