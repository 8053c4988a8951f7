//! A paragraph as a value: its properties (written in schema order), what it is for, and its
//! content, queued until what follows it is known and then written once.

use std::fmt::Write;

/// Paragraph properties, written in schema order.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Props {
    /// Paragraph style id.
    pub style: Option<String>,
    /// Stays on the page of the next block.
    pub keep_next: bool,
    /// (level, num id) of a list item's first paragraph.
    pub number: Option<(usize, usize)>,
    /// Space before, twips.
    pub before: Option<u32>,
    /// Space after, twips.
    pub after: Option<u32>,
    /// Line height, twips, exactly.
    pub exact_line: Option<u32>,
    /// (left, hanging, right) indents.
    pub indent: Option<(u32, Option<u32>, Option<u32>)>,
    /// A `w:sectPr` ending a section with this paragraph.
    pub section: Option<String>,
}

impl Props {
    /// Properties that only name a style.
    pub fn styled(style: &str) -> Props {
        Props {
            style: Some(style.to_string()),
            ..Props::default()
        }
    }

    /// Writes `<w:p>` and the `w:pPr` these properties need; `bidi`: a right-to-left
    /// paragraph.
    fn open(&self, out: &mut String, bidi: bool) {
        out.push_str("<w:p>");
        if *self == Props::default() && !bidi {
            return;
        }
        out.push_str("<w:pPr>");
        if let Some(s) = &self.style {
            let _ = write!(out, r#"<w:pStyle w:val="{s}"/>"#);
        }
        if self.keep_next {
            out.push_str("<w:keepNext/>");
        }
        if let Some((level, num)) = self.number {
            let _ = write!(
                out,
                r#"<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num}"/></w:numPr>"#
            );
        }
        if bidi {
            out.push_str("<w:bidi/>");
        }
        if self.before.is_some() || self.after.is_some() || self.exact_line.is_some() {
            out.push_str("<w:spacing");
            if let Some(b) = self.before {
                let _ = write!(out, r#" w:before="{b}""#);
            }
            if let Some(a) = self.after {
                let _ = write!(out, r#" w:after="{a}""#);
            }
            if let Some(l) = self.exact_line {
                let _ = write!(out, r#" w:line="{l}" w:lineRule="exact""#);
            }
            out.push_str("/>");
        }
        if let Some((left, hanging, right)) = self.indent {
            let _ = write!(out, r#"<w:ind w:left="{left}""#);
            if let Some(r) = right {
                let _ = write!(out, r#" w:right="{r}""#);
            }
            if let Some(h) = hanging {
                let _ = write!(out, r#" w:hanging="{h}""#);
            }
            out.push_str("/>");
        }
        if let Some(s) = &self.section {
            out.push_str(s);
        }
        out.push_str("</w:pPr>");
    }
}

/// What a paragraph is for, as far as keeping it with what follows goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Body text, a list item, a quotation, a note or a source line.
    Text,
    /// A table's caption (`Table: …`).
    Caption,
    /// A heading, code, an entry of the contents, a page break: kept only by its style.
    Fixed,
    /// The empty paragraph holding a section's properties.
    SectionEnd,
}

/// One paragraph: properties, role and content (runs, bookmarks, fields, hyperlinks).
#[derive(Debug, Clone)]
pub struct Paragraph {
    props: Props,
    role: Role,
    /// Run-level XML.
    content: String,
}

impl Paragraph {
    /// A paragraph of `role` with `props` and `content`.
    pub fn new(props: Props, role: Role, content: String) -> Paragraph {
        Paragraph {
            props,
            role,
            content,
        }
    }

    /// A paragraph of fixed layout (kept with the next block only by its style).
    pub fn fixed(props: Props, content: String) -> Paragraph {
        Paragraph::new(props, Role::Fixed, content)
    }

    /// What the paragraph is for.
    pub fn role(&self) -> Role {
        self.role
    }

    /// Whether it is (the first paragraph of) a list item.
    pub fn is_list_item(&self) -> bool {
        self.props.number.is_some()
    }

    /// Whether it stays on the page of the next block.
    pub fn keeps_with_next(&self) -> bool {
        self.props.keep_next
    }

    /// Keeps it on the page of the next block.
    pub fn keep_with_next(&mut self) {
        self.props.keep_next = true;
    }

    /// Appends the paragraph's XML to `out`, left to right.
    #[cfg(test)]
    pub fn write(&self, out: &mut String) {
        self.write_directed(out, false);
    }

    /// Appends the paragraph's XML to `out`, right to left when `bidi`.
    pub fn write_directed(&self, out: &mut String, bidi: bool) {
        self.props.open(out, bidi);
        out.push_str(&self.content);
        out.push_str("</w:p>");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn properties_are_written_in_schema_order() {
        let props = Props {
            style: Some("Quote".into()),
            keep_next: true,
            number: Some((1, 4)),
            before: Some(120),
            after: Some(60),
            exact_line: None,
            indent: Some((567, Some(360), Some(567))),
            section: None,
        };
        let mut out = String::new();
        Paragraph::new(props, Role::Text, "<w:r/>".into()).write(&mut out);
        assert_eq!(
            out,
            concat!(
                r#"<w:p><w:pPr><w:pStyle w:val="Quote"/><w:keepNext/><w:numPr><w:ilvl w:val="1"/><w:numId w:val="4"/></w:numPr>"#,
                r#"<w:spacing w:before="120" w:after="60"/><w:ind w:left="567" w:right="567" w:hanging="360"/></w:pPr><w:r/></w:p>"#
            )
        );
        let mut out = String::new();
        Paragraph::fixed(Props::default(), String::new()).write(&mut out);
        assert_eq!(out, "<w:p></w:p>");
    }
}
