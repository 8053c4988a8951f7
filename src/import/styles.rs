//! What a Word document's styles and numbering say about a paragraph: the style's name, its
//! outline level (a heading), whether it is bold or centred, and whether a list is numbered.

use super::xml::Element;
use std::collections::HashMap;

/// A paragraph style, as far as the import needs it.
#[derive(Debug, Default, Clone)]
pub struct Style {
    pub name: String,
    /// 0 for a level-1 heading.
    pub outline: Option<u8>,
    pub bold: bool,
    pub centred: bool,
    pub based_on: Option<String>,
}

/// What a character style sets.
#[derive(Debug, Default, Clone, Copy)]
pub struct RunStyle {
    pub bold: bool,
    pub italic: bool,
    pub underline: bool,
    pub strike: bool,
}

/// The document's styles and list formats.
#[derive(Debug, Default)]
pub struct Styles {
    styles: HashMap<String, Style>,
    characters: HashMap<String, RunStyle>,
    /// numId → abstractNumId.
    nums: HashMap<String, String>,
    /// (abstractNumId, level) → numbered (not a bullet).
    formats: HashMap<(String, u8), bool>,
}

impl Styles {
    /// Reads styles.xml and numbering.xml (either may be missing).
    pub fn read(styles: Option<&Element>, numbering: Option<&Element>) -> Styles {
        let mut out = Styles::default();
        for s in styles.into_iter().flat_map(|s| s.elements()) {
            let Some(id) = s.attr("w:styleId").filter(|_| s.name == "w:style") else {
                continue;
            };
            if s.attr("w:type") == Some("character") {
                out.characters.insert(id.to_string(), run_style(s));
                continue;
            }
            if s.attr("w:type") != Some("paragraph") {
                continue;
            }
            let ppr = s.child("w:pPr");
            let rpr = s.child("w:rPr");
            let style = Style {
                name: s
                    .child("w:name")
                    .and_then(|n| n.attr("w:val"))
                    .unwrap_or(id)
                    .to_string(),
                outline: ppr
                    .and_then(|p| p.child("w:outlineLvl"))
                    .and_then(|o| o.attr("w:val"))
                    .and_then(|v| v.parse().ok())
                    .filter(|l: &u8| *l < 9),
                bold: rpr.and_then(|r| r.val("w:b")).is_some_and(on),
                centred: ppr
                    .and_then(|p| p.child("w:jc"))
                    .and_then(|j| j.attr("w:val"))
                    == Some("center"),
                based_on: s
                    .child("w:basedOn")
                    .and_then(|b| b.attr("w:val"))
                    .map(str::to_string),
            };
            out.styles.insert(id.to_string(), style);
        }
        for n in numbering.into_iter().flat_map(|n| n.elements()) {
            match n.name.as_str() {
                "w:abstractNum" => {
                    let Some(id) = n.attr("w:abstractNumId") else {
                        continue;
                    };
                    for lvl in n.elements().filter(|l| l.name == "w:lvl") {
                        let level = lvl.attr("w:ilvl").and_then(|v| v.parse().ok());
                        let format = lvl.child("w:numFmt").and_then(|f| f.attr("w:val"));
                        if let Some(level) = level {
                            let numbered = !matches!(format, Some("bullet" | "none") | None);
                            out.formats.insert((id.to_string(), level), numbered);
                        }
                    }
                }
                "w:num" => {
                    if let (Some(id), Some(abs)) = (
                        n.attr("w:numId"),
                        n.child("w:abstractNumId").and_then(|a| a.attr("w:val")),
                    ) {
                        out.nums.insert(id.to_string(), abs.to_string());
                    }
                }
                _ => {}
            }
        }
        out
    }

    /// The style `id`, with what it inherits (outline level, bold, centring) resolved.
    pub fn style(&self, id: &str) -> Style {
        let mut style = self.styles.get(id).cloned().unwrap_or(Style {
            name: id.to_string(),
            ..Style::default()
        });
        let mut parent = style.based_on.clone();
        for _ in 0..16 {
            let Some(p) = parent.and_then(|p| self.styles.get(&p)) else {
                break;
            };
            style.outline = style.outline.or(p.outline);
            style.bold |= p.bold;
            style.centred |= p.centred;
            parent = p.based_on.clone();
        }
        if style.outline.is_none() {
            style.outline = heading_level(&style.name);
        }
        style
    }

    /// What the character style `id` sets.
    pub fn characters(&self, id: &str) -> RunStyle {
        self.characters.get(id).copied().unwrap_or_default()
    }

    /// Whether list `num` is numbered at `level` (else bulleted).
    pub fn numbered(&self, num: &str, level: u8) -> bool {
        self.nums
            .get(num)
            .and_then(|abs| self.formats.get(&(abs.clone(), level)))
            .copied()
            .unwrap_or(true)
    }
}

/// What a character style sets; LibreOffice names the styles of HTML's `<ins>` and `<del>`
/// "ins" and "del", and they are read as underlined and struck (revision marks).
fn run_style(s: &Element) -> RunStyle {
    let rpr = s.child("w:rPr");
    let prop = |name: &str| rpr.and_then(|r| r.val(name)).is_some_and(on);
    let name = s
        .child("w:name")
        .and_then(|n| n.attr("w:val"))
        .unwrap_or("")
        .to_ascii_lowercase();
    RunStyle {
        bold: prop("w:b"),
        italic: prop("w:i"),
        underline: name == "ins"
            || rpr
                .and_then(|r| r.child("w:u"))
                .is_some_and(|u| on(u.attr("w:val"))),
        strike: name == "del" || prop("w:strike") || prop("w:dstrike"),
    }
}

/// The outline level of a style named "Heading 2" (1) or "heading 1" (0).
fn heading_level(name: &str) -> Option<u8> {
    let rest = name
        .strip_prefix("heading ")
        .or_else(|| name.strip_prefix("Heading "))
        .or_else(|| name.strip_prefix("Heading"))?;
    rest.trim()
        .parse::<u8>()
        .ok()
        .filter(|l| (1..=9).contains(l))
        .map(|l| l - 1)
}

/// Whether an on/off property's `w:val` is on (absent means on).
pub fn on(val: Option<&str>) -> bool {
    !matches!(val, Some("0" | "false" | "off" | "none"))
}
