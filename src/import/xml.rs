//! A part's XML as a small tree of elements and text. A DOCTYPE is refused (Word never writes
//! one, and its entities are never expanded), and so is nesting deeper than any Word document.

use quick_xml::Reader;
use quick_xml::events::Event;

/// Deepest element nesting accepted (Word's deepest, tables in tables, is under 60).
const MAX_DEPTH: usize = 256;

/// An element: its qualified name ("w:p"), attributes and children.
#[derive(Debug, Default, Clone)]
pub struct Element {
    pub name: String,
    pub attrs: Vec<(String, String)>,
    pub children: Vec<Node>,
}

/// A child of an element.
#[derive(Debug, Clone)]
pub enum Node {
    Element(Element),
    Text(String),
}

impl Element {
    /// The value of the attribute `name` ("w:val").
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// The child elements.
    pub fn elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(|c| match c {
            Node::Element(e) => Some(e),
            Node::Text(_) => None,
        })
    }

    /// The first child element named `name`.
    pub fn child(&self, name: &str) -> Option<&Element> {
        self.elements().find(|e| e.name == name)
    }

    /// The `w:val` of the child `name`, if the child is present.
    pub fn val(&self, name: &str) -> Option<Option<&str>> {
        self.child(name).map(|c| c.attr("w:val"))
    }

    /// The element's text, all descendants' text joined.
    pub fn text(&self) -> String {
        let mut out = String::new();
        self.collect_text(&mut out);
        out
    }

    fn collect_text(&self, out: &mut String) {
        for c in &self.children {
            match c {
                Node::Text(t) => out.push_str(t),
                Node::Element(e) => e.collect_text(out),
            }
        }
    }
}

/// Parses the part `part` of `file`; the error names both.
pub fn parse(xml: &str, file: &str, part: &str) -> Result<Element, String> {
    let mut reader = Reader::from_str(xml);
    let mut stack: Vec<Element> = vec![Element::default()];
    let bad =
        |at: u64, what: &str| format!("{file}: {part} is not well-formed XML (byte {at}): {what}");
    loop {
        let at = reader.buffer_position();
        let event = reader.read_event().map_err(|e| bad(at, &e.to_string()))?;
        match event {
            Event::Eof => break,
            Event::DocType(_) => {
                return Err(format!(
                    "{file}: {part} declares a DOCTYPE, which Word never writes: refused (its entities are not expanded)"
                ));
            }
            Event::Start(e) => {
                if stack.len() > MAX_DEPTH {
                    return Err(format!(
                        "{file}: {part} nests elements more than {MAX_DEPTH} deep"
                    ));
                }
                stack.push(element(&e, file, part)?);
            }
            Event::Empty(e) => {
                let el = element(&e, file, part)?;
                push(&mut stack, Node::Element(el));
            }
            Event::End(_) => {
                let el = stack.pop().unwrap_or_default();
                if stack.is_empty() {
                    return Err(bad(at, "unexpected closing tag"));
                }
                push(&mut stack, Node::Element(el));
            }
            Event::Text(t) => {
                push(&mut stack, Node::Text(t.xml10_content().into_owned()));
            }
            Event::CData(t) => {
                push(&mut stack, Node::Text(t.xml10_content().into_owned()));
            }
            Event::GeneralRef(r) => {
                let name = r.into_inner();
                let c =
                    entity(&name).ok_or_else(|| bad(at, &format!("unknown entity &{name};")))?;
                push(&mut stack, Node::Text(c.to_string()));
            }
            _ => {}
        }
    }
    if stack.len() != 1 {
        return Err(bad(xml.len() as u64, "an element is not closed"));
    }
    let root = stack.pop().unwrap_or_default();
    root.elements()
        .next()
        .cloned()
        .ok_or_else(|| bad(0, "no root element"))
}

/// Every element of a part, in document order (for flat parts such as relationships).
pub fn elements(xml: &str, file: &str, part: &str) -> Result<Vec<Element>, String> {
    fn walk(e: &Element, out: &mut Vec<Element>) {
        for c in e.elements() {
            out.push(Element {
                name: c.name.clone(),
                attrs: c.attrs.clone(),
                children: Vec::new(),
            });
            walk(c, out);
        }
    }
    let root = parse(xml, file, part)?;
    let mut out = Vec::new();
    walk(&root, &mut out);
    Ok(out)
}

fn push(stack: &mut [Element], node: Node) {
    if let Some(top) = stack.last_mut() {
        match (&node, top.children.last_mut()) {
            (Node::Text(t), Some(Node::Text(prev))) => prev.push_str(t),
            _ => top.children.push(node),
        }
    }
}

fn element(e: &quick_xml::events::BytesStart, file: &str, part: &str) -> Result<Element, String> {
    let bad = |what: String| format!("{file}: {part} is not well-formed XML: {what}");
    let name = e.name().as_ref().to_string();
    let mut attrs = Vec::new();
    for a in e.attributes() {
        let a = a.map_err(|err| bad(err.to_string()))?;
        let key = a.key.as_ref().to_string();
        let value = a
            .normalized_value(quick_xml::XmlVersion::Implicit1_0)
            .map_err(|err| bad(err.to_string()))?;
        attrs.push((key, value.into_owned()));
    }
    Ok(Element {
        name,
        attrs,
        children: Vec::new(),
    })
}

/// The character of a predefined or numeric entity.
fn entity(name: &str) -> Option<char> {
    Some(match name {
        "lt" => '<',
        "gt" => '>',
        "amp" => '&',
        "quot" => '"',
        "apos" => '\'',
        _ => {
            let n = name.strip_prefix('#')?;
            let code = match n.strip_prefix('x') {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => n.parse().ok()?,
            };
            char::from_u32(code)?
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_a_tree_with_entities_resolved() {
        let root = parse(
            r#"<?xml version="1.0"?><w:p a="1"><w:t>a &amp; b &#x2011;</w:t><w:br/></w:p>"#,
            "f.docx",
            "word/document.xml",
        )
        .unwrap();
        assert_eq!(root.name, "w:p");
        assert_eq!(root.attr("a"), Some("1"));
        assert_eq!(root.text(), "a & b \u{2011}");
        assert!(root.child("w:br").is_some());
    }

    #[test]
    fn a_doctype_and_broken_xml_are_errors_naming_the_file_and_part() {
        let err = parse(
            r#"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">]><w:p>&lol;</w:p>"#,
            "bomb.docx",
            "word/document.xml",
        )
        .unwrap_err();
        assert!(
            err.starts_with("bomb.docx: word/document.xml declares a DOCTYPE"),
            "{err}"
        );
        let err = parse("<w:p><w:r></w:p>", "x.docx", "word/document.xml").unwrap_err();
        assert!(
            err.contains("x.docx: word/document.xml is not well-formed"),
            "{err}"
        );
        let err = parse("<w:p><w:r>", "x.docx", "word/document.xml").unwrap_err();
        assert!(err.contains("not closed"), "{err}");
    }
}
