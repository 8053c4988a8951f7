//! The document's headings, read before writing: bookmarks for internal links and the
//! entries of the table of contents.

use super::fields;
use super::para::{Paragraph, Props};
use super::styles;
use super::xml::clean;
use crate::model::markdown_options;
use crate::render::critic;
use crate::render::script::Writing;
use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use std::collections::HashSet;
use std::fmt::Write;

/// Heading levels the table of contents lists.
pub const TOC_DEPTH: usize = 2;

/// One heading, in document order.
#[derive(Debug, Clone)]
pub struct Heading {
    pub level: usize,
    pub text: String,
    /// Bookmark of the heading: from its id, or `_Toc<n>`.
    pub bookmark: String,
    /// Listed in the table of contents.
    pub in_toc: bool,
    /// Estimated page (see [`super::pages`]), shown until Word updates the contents.
    pub page: usize,
}

/// Every heading of a document and the anchors links may point to.
#[derive(Debug, Default)]
pub struct Outline {
    pub headings: Vec<Heading>,
    /// Heading ids (as written) that internal links may target.
    pub anchors: HashSet<String>,
}

/// Heading classes that are not part of the outline: cover lines, title, the contents.
pub fn outside_outline(classes: &[String]) -> bool {
    classes
        .iter()
        .any(|c| matches!(c.as_str(), "title" | "subtitle" | "cover" | "toc"))
}

impl Outline {
    /// Reads the headings of `markdown`; those after a `{.toc}` heading, down to
    /// [`TOC_DEPTH`], are the contents.
    pub fn read(markdown: &str) -> Outline {
        let mut outline = Outline::default();
        let mut current: Option<(usize, Vec<String>, Option<String>, String)> = None;
        let mut after_toc = false;
        for section in critic::marked_sections(markdown) {
            for event in Parser::new_ext(&section, markdown_options()) {
                match event {
                    Event::Start(Tag::Heading {
                        level, id, classes, ..
                    }) => {
                        let classes: Vec<String> = classes.iter().map(|c| c.to_string()).collect();
                        let id = id.map(|i| clean(&i).into_owned());
                        current = Some((level as usize, classes, id, String::new()));
                    }
                    Event::Text(t) | Event::Code(t) => {
                        if let Some((.., text)) = current.as_mut() {
                            text.push_str(&t);
                        }
                    }
                    Event::SoftBreak | Event::HardBreak => {
                        if let Some((.., text)) = current.as_mut() {
                            text.push(' ');
                        }
                    }
                    Event::End(TagEnd::Heading(_)) => {
                        let Some((level, classes, id, text)) = current.take() else {
                            continue;
                        };
                        let bookmark = match &id {
                            Some(id) if !id.is_empty() => bookmark_name(id),
                            _ => format!("_Toc{}", outline.headings.len() + 1),
                        };
                        if let Some(id) = id {
                            outline.anchors.insert(id);
                        }
                        let in_toc = after_toc && level <= TOC_DEPTH && !outside_outline(&classes);
                        after_toc |= classes.iter().any(|c| c == "toc");
                        let text = crate::render::critic::split(&text, None)
                            .0
                            .into_iter()
                            .filter(|(_, change)| {
                                *change != Some(crate::render::critic::Change::Deleted)
                            })
                            .map(|(piece, _)| piece)
                            .collect::<String>();
                        outline.headings.push(Heading {
                            level,
                            text: text.trim().to_string(),
                            bookmark,
                            in_toc,
                            page: 1,
                        });
                    }
                    _ => {}
                }
            }
        }
        outline
    }
}

impl Outline {
    /// The table of contents: its heading (with `heading_runs`), then a TOC field filled
    /// with the entries (hyperlinks to the headings, page numbers as PAGEREF fields), marked
    /// dirty so that Word recomputes the page numbers when it opens the document.
    pub fn contents(&self, heading_runs: String, writing: Writing) -> Vec<Paragraph> {
        let mut paragraphs = vec![Paragraph::fixed(
            Props::styled(styles::TOC_HEADING),
            heading_runs,
        )];
        let entries: Vec<&Heading> = self.headings.iter().filter(|h| h.in_toc).collect();
        let instruction = format!(r#"TOC \o "1-{TOC_DEPTH}" \h \z \u"#);
        if entries.is_empty() {
            let mut field = String::new();
            fields::begin(&mut field, &instruction, true);
            fields::end(&mut field);
            paragraphs.push(Paragraph::fixed(Props::default(), field));
            return paragraphs;
        }
        for (n, entry) in entries.iter().enumerate() {
            let mut content = String::new();
            if n == 0 {
                fields::begin(&mut content, &instruction, true);
            }
            let _ = write!(
                content,
                r#"<w:hyperlink w:anchor="{}" w:history="1">{}<w:r><w:tab/></w:r>"#,
                entry.bookmark,
                super::parts::runs(&entry.text, writing)
            );
            fields::simple(
                &mut content,
                &format!(r"PAGEREF {} \h", entry.bookmark),
                &entry.page.to_string(),
            );
            content.push_str("</w:hyperlink>");
            if n + 1 == entries.len() {
                fields::end(&mut content);
            }
            paragraphs.push(Paragraph::fixed(
                Props::styled(&styles::toc(entry.level)),
                content,
            ));
        }
        paragraphs
    }
}

/// Word bookmark name for a heading id: letters, digits and `_`, at most 40 characters.
pub fn bookmark_name(id: &str) -> String {
    let mut name: String = id
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    if !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
        name.insert_str(0, "h_");
    }
    if name.len() > 40 {
        // Keep long names unique: prefix plus a hash (FNV-1a) of the whole id.
        let hash = id.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        });
        name = format!("{}_{:08x}", &name[..31], hash as u32);
    }
    name
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contents_are_the_top_headings_after_the_toc_heading() {
        let md =
            "# Report {.title}\n\n# Contents {.toc}\n\n- [x](#a)\n\n# A {#a}\n\n## B\n\n### C\n";
        let outline = Outline::read(md);
        let listed: Vec<(&str, &str)> = outline
            .headings
            .iter()
            .filter(|h| h.in_toc)
            .map(|h| (h.text.as_str(), h.bookmark.as_str()))
            .collect();
        assert_eq!(listed, [("A", "a"), ("B", "_Toc4")]);
        assert!(outline.anchors.contains("a"));
    }

    #[test]
    fn bookmark_names_are_word_safe_and_unique() {
        assert_eq!(bookmark_name("p-afr-p1"), "p_afr_p1");
        assert_eq!(bookmark_name("1-intro"), "h_1_intro");
        let a = bookmark_name(&"x".repeat(50));
        let b = bookmark_name(&format!("{}y", "x".repeat(49)));
        assert!(a.len() <= 40 && a != b);
    }
}
