//! `--reference-doc FILE.docx` (pandoc's convention): the styles and page setup of a house
//! template, read as XML (namespaces resolved, any quoting, self-closing elements). Its
//! styles win; the report's own styles fill in any it lacks, so every style the writer
//! uses exists. Its last section's page size and margins replace A4.

use super::styles::Geometry;
use crate::model::{Diagnostic, SourcePos};
use quick_xml::NsReader;
use quick_xml::events::{BytesStart, Event};
use quick_xml::name::{Namespace, QName, ResolveResult};
use std::collections::HashSet;
use std::io::{Cursor, Read};

/// The WordprocessingML namespace.
const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// Styles and page setup read from a Word file.
#[derive(Debug, Clone)]
pub struct Reference {
    /// Their styles part, as written.
    styles: String,
    /// The ids of their styles.
    ids: HashSet<String>,
    /// Where styles are added: before the root's end tag, or in place of a self-closing
    /// root's `/>`.
    end: End,
    /// The root does not bind `w:` to the WordprocessingML namespace: added styles declare it.
    declare_w: bool,
    /// Page size and margins, when the file sets them.
    pub geometry: Option<Geometry>,
}

/// How the styles part's root ends.
#[derive(Debug, Clone)]
enum End {
    /// Its end tag starts at this offset.
    Tag(usize),
    /// It is self-closing: its `/>` is at this offset; the end tag to write.
    Empty(usize, String),
}

impl Reference {
    /// Reads a house template from a file's bytes; `origin` names the file in errors.
    pub fn from_file(origin: &str, bytes: &[u8]) -> Result<Reference, Diagnostic> {
        Reference::from_bytes(bytes).map_err(|e| {
            Diagnostic::error(&SourcePos::new(origin, 0, 0), e)
                .with_help("give a .docx file saved by Word or LibreOffice")
        })
    }

    /// Reads the styles part and the page setup of a .docx file's bytes.
    pub fn from_bytes(bytes: &[u8]) -> Result<Reference, String> {
        let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
            .map_err(|e| format!("not a Word (.docx) file: {e}"))?;
        let mut part = |name: &str| -> Result<Option<String>, String> {
            let Ok(mut file) = zip.by_name(name) else {
                return Ok(None);
            };
            let mut text = String::new();
            file.read_to_string(&mut text)
                .map_err(|e| format!("cannot read {name}: {e}"))?;
            Ok(Some(text))
        };
        let styles =
            part("word/styles.xml")?.ok_or("the file has no Word styles part (word/styles.xml)")?;
        let geometry = part("word/document.xml")?.and_then(|d| geometry(&d));
        Reference::from_parts(styles, geometry)
    }

    /// A reference from its styles part and page setup.
    fn from_parts(styles: String, geometry: Option<Geometry>) -> Result<Reference, String> {
        let read = read_styles(&styles)?;
        Ok(Reference {
            ids: read.ids,
            end: read.end,
            declare_w: read.declare_w,
            styles,
            geometry,
        })
    }

    /// The reference's styles part, with each of `ours` whose id it lacks added at its end.
    pub fn merge_styles(&self, ours: &str) -> String {
        let mut missing = String::new();
        for (id, style) in our_styles(ours) {
            if self.ids.contains(&id) {
                continue;
            }
            match style.strip_prefix("<w:style").filter(|_| self.declare_w) {
                Some(rest) => {
                    missing.push_str(r#"<w:style xmlns:w=""#);
                    missing.push_str(W);
                    missing.push('"');
                    missing.push_str(rest);
                }
                None => missing.push_str(style),
            }
        }
        match &self.end {
            End::Tag(at) => format!("{}{missing}{}", &self.styles[..*at], &self.styles[*at..]),
            End::Empty(at, tag) => format!(
                "{}>{missing}{tag}{}",
                &self.styles[..*at],
                &self.styles[*at + 2..]
            ),
        }
    }
}

/// Whether a resolved name is in the WordprocessingML namespace (an undeclared `w:` prefix
/// is taken to be it).
fn in_w(ns: &ResolveResult) -> bool {
    match ns {
        ResolveResult::Bound(Namespace(n)) => *n == W,
        ResolveResult::Unknown(prefix) => prefix == "w",
        ResolveResult::Unbound => false,
    }
}

/// The value of the WordprocessingML attribute `name` of `element`.
fn attribute(reader: &NsReader<&[u8]>, element: &BytesStart, name: &str) -> Option<String> {
    element.attributes().flatten().find_map(|a| {
        let (ns, local) = reader.resolver().resolve_attribute(a.key);
        (in_w(&ns) && local.as_ref() == name)
            .then(|| a.normalized_value(quick_xml::XmlVersion::Implicit1_0).ok())
            .flatten()
            .map(|v| v.into_owned())
    })
}

/// What the styles part holds, as far as merging goes.
struct StylesPart {
    ids: HashSet<String>,
    end: End,
    declare_w: bool,
}

/// Reads the style ids of a styles part and where its root ends.
fn read_styles(xml: &str) -> Result<StylesPart, String> {
    let not_styles = || "the file has no Word styles part (word/styles.xml)".to_string();
    let mut reader = NsReader::from_reader(xml.as_bytes());
    let mut ids = HashSet::new();
    let mut depth = 0usize;
    let mut declare_w = false;
    loop {
        let at = reader.buffer_position() as usize;
        let (ns, event) = reader
            .read_resolved_event()
            .map_err(|e| format!("word/styles.xml is not well-formed XML: {e}"))?;
        let w = in_w(&ns);
        let empty = matches!(event, Event::Empty(_));
        match event {
            Event::Start(e) | Event::Empty(e) if depth == 0 => {
                if !(w && e.local_name().as_ref() == "styles") {
                    return Err(not_styles());
                }
                let bound = reader.resolver().resolve_element(QName("w:styles")).0;
                declare_w = !matches!(bound, ResolveResult::Bound(Namespace(n)) if n == W);
                if empty {
                    let end = reader.buffer_position() as usize - 2;
                    let tag = format!("</{}>", e.name().as_ref());
                    let end = End::Empty(end, tag);
                    return Ok(StylesPart {
                        ids,
                        end,
                        declare_w,
                    });
                }
                depth = 1;
            }
            Event::Start(e) | Event::Empty(e) => {
                if depth == 1
                    && w
                    && e.local_name().as_ref() == "style"
                    && let Some(id) = attribute(&reader, &e, "styleId")
                {
                    ids.insert(id);
                }
                if !empty {
                    depth += 1;
                }
            }
            Event::End(_) => {
                depth -= 1;
                if depth == 0 {
                    let end = End::Tag(at);
                    return Ok(StylesPart {
                        ids,
                        end,
                        declare_w,
                    });
                }
            }
            Event::Eof => return Err(not_styles()),
            _ => {}
        }
    }
}

/// Each `w:style` element of our styles part (written with the `w:` prefix) with its id.
fn our_styles(xml: &str) -> Vec<(String, &str)> {
    let mut reader = NsReader::from_reader(xml.as_bytes());
    let mut styles = Vec::new();
    // The style being read: its id and where it starts.
    let mut open: Option<(String, usize)> = None;
    let mut depth = 0usize;
    loop {
        let at = reader.buffer_position() as usize;
        let Ok((ns, event)) = reader.read_resolved_event() else {
            break;
        };
        let style = in_w(&ns)
            && matches!(&event, Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "style");
        match event {
            Event::Start(e) => {
                depth += 1;
                if depth == 2 && style {
                    open = Some((attribute(&reader, &e, "styleId").unwrap_or_default(), at));
                }
            }
            Event::Empty(e) if depth == 1 && style => {
                let id = attribute(&reader, &e, "styleId").unwrap_or_default();
                styles.push((id, &xml[at..reader.buffer_position() as usize]));
            }
            Event::End(_) => {
                if depth == 2
                    && let Some((id, start)) = open.take()
                {
                    styles.push((id, &xml[start..reader.buffer_position() as usize]));
                }
                depth = depth.saturating_sub(1);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    styles
}

/// Page size and margins of the last section of a `document.xml` (the last `w:pgSz` and
/// `w:pgMar` it holds).
fn geometry(document: &str) -> Option<Geometry> {
    let mut reader = NsReader::from_reader(document.as_bytes());
    let (mut size, mut margins) = (None, None);
    // A file that stops being well-formed keeps what was read before.
    while let Ok((ns, event)) = reader.read_resolved_event() {
        let w = in_w(&ns);
        match event {
            Event::Start(e) | Event::Empty(e) if w => {
                let value = |name: &str| -> Option<u32> {
                    let value = attribute(&reader, &e, name)?;
                    value.trim().parse::<f64>().ok().map(|v| v.max(0.0) as u32)
                };
                match e.local_name().as_ref() {
                    "pgSz" => size = Some((value("w"), value("h"))),
                    "pgMar" => {
                        margins =
                            Some(["top", "bottom", "left", "right", "header", "footer"].map(value))
                    }
                    _ => {}
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    let (width, height) = size?;
    let (width, height) = (width?, height?);
    let [top, bottom, left, right, header, footer] = margins?;
    // Portrait setup: a landscape house template is turned back, sections turn it themselves.
    let (width, height) = (width.min(height), width.max(height));
    Some(Geometry {
        width,
        height,
        top: top?,
        bottom: bottom?,
        left: left?,
        right: right?,
        header: header.unwrap_or(709),
        footer: footer.unwrap_or(709),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const NS: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

    #[test]
    fn reads_page_setup_of_the_last_section() {
        let doc = format!(
            r#"<w:document {NS}><w:body><w:sectPr><w:pgSz w:w="12240" w:h="15840"/><w:pgMar w:top="1440" w:right="1800" w:bottom="1440" w:left="1800" w:header="720" w:footer="720" w:gutter="0"/></w:sectPr></w:body></w:document>"#
        );
        let g = geometry(&doc).unwrap();
        assert_eq!(
            (g.width, g.height, g.left, g.top),
            (12240, 15840, 1800, 1440)
        );
        assert_eq!(g.text_width(), 12240 - 3600);
    }

    #[test]
    fn page_setup_is_read_whatever_the_prefix_quotes_and_order() {
        // Text search read `w:left="` out of `w:gutter` order, missed single quotes and
        // other prefixes, and took a `w:pgSz` from a comment.
        let doc = r#"<x:document xmlns:x="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><x:body>
            <x:sectPr><x:pgSz x:w="11906" x:h="16838"/><x:pgMar x:top="1" x:right="2" x:bottom="3" x:left="4"/></x:sectPr>
            <x:sectPr><x:pgSz x:h='15840' x:w='12240' x:orient='portrait'/><x:pgMar x:footer="500" x:left="1000" x:right="1100" x:top="1200" x:bottom="1300"/></x:sectPr>
            <!-- <w:pgSz w:w="1" w:h="2"/> --></x:body></x:document>"#;
        let g = geometry(doc).unwrap();
        assert_eq!(
            (
                g.width, g.height, g.top, g.bottom, g.left, g.right, g.header, g.footer
            ),
            (12240, 15840, 1200, 1300, 1000, 1100, 709, 500)
        );
    }

    /// A styles part that a text search misread: single quotes, attributes in another order,
    /// a self-closing style, an id that is a prefix of another's, an id in a comment, an
    /// id on an element that is not a style, a prefix other than `w:`.
    const THEIRS: &str = concat!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
        r#"<s:styles xmlns:s="http://schemas.openxmlformats.org/wordprocessingml/2006/main">"#,
        r#"<s:style s:styleId='Heading1' s:type='paragraph'><s:name s:val="heading 1"/></s:style>"#,
        r#"<s:style s:styleId="Note" s:type="paragraph"/>"#,
        r#"<s:style s:type="paragraph" s:styleId="Cap"><s:name s:val="Cap"/></s:style>"#,
        r#"<!-- <w:style w:type="paragraph" w:styleId="Quote"> -->"#,
        r#"<s:latentStyles><s:lsdException s:name="Title" s:styleId="Title"/></s:latentStyles>"#,
        r#"</s:styles>"#
    );

    const OURS: &str = concat!(
        r#"<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">"#,
        r#"<w:docDefaults/>"#,
        r#"<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style>"#,
        r#"<w:style w:type="paragraph" w:styleId="Note"><w:name w:val="Note"/></w:style>"#,
        r#"<w:style w:type="paragraph" w:styleId="Caption"><w:name w:val="caption"/></w:style>"#,
        r#"<w:style w:type="paragraph" w:styleId="Quote"><w:name w:val="Quote"/></w:style>"#,
        r#"<w:style w:type="paragraph" w:styleId="Title"/>"#,
        r#"</w:styles>"#
    );

    fn ids(styles: &str) -> Vec<String> {
        let mut reader = NsReader::from_reader(styles.as_bytes());
        let mut ids = Vec::new();
        loop {
            match reader.read_resolved_event().expect("well-formed") {
                (ns, Event::Start(e) | Event::Empty(e))
                    if in_w(&ns) && e.local_name().as_ref() == "style" =>
                {
                    ids.push(attribute(&reader, &e, "styleId").unwrap());
                }
                (_, Event::Eof) => break,
                _ => {}
            }
        }
        ids
    }

    #[test]
    fn their_styles_win_and_ours_fill_in_what_they_lack() {
        let reference = Reference::from_parts(THEIRS.to_string(), None).unwrap();
        let merged = reference.merge_styles(OURS);
        assert_eq!(
            ids(&merged),
            ["Heading1", "Note", "Cap", "Caption", "Quote", "Title"]
        );
        assert!(merged.starts_with(&THEIRS[..THEIRS.len() - "</s:styles>".len()]));
        assert!(merged.ends_with(r#"<w:name w:val="caption"/></w:style><w:style xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" w:type="paragraph" w:styleId="Quote"><w:name w:val="Quote"/></w:style><w:style xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" w:type="paragraph" w:styleId="Title"/></s:styles>"#));
    }

    #[test]
    fn styles_are_added_to_a_self_closing_root_and_as_written_under_w() {
        let theirs = format!(r#"<w:styles {NS}/>"#);
        let merged = Reference::from_parts(theirs, None)
            .unwrap()
            .merge_styles(OURS);
        assert_eq!(
            ids(&merged),
            ["Heading1", "Note", "Caption", "Quote", "Title"]
        );
        assert!(merged.starts_with(&format!(
            r#"<w:styles {NS}><w:style w:type="paragraph" w:styleId="Heading1">"#
        )));
        assert!(merged.ends_with(r#"<w:style w:type="paragraph" w:styleId="Title"/></w:styles>"#));
    }

    #[test]
    fn a_part_that_is_not_word_styles_is_refused() {
        for xml in [
            "<styles/>",
            r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>"#,
            "<w:styles",
            "",
        ] {
            assert!(
                Reference::from_parts(xml.to_string(), None).is_err(),
                "{xml}"
            );
        }
    }
}
