//! `--reference-doc FILE.docx` (pandoc's convention): the styles and page setup of a house
//! template. Its styles win; the report's own styles fill in any it lacks, so every style
//! the writer uses exists. Its last section's page size and margins replace A4.

use super::styles::Geometry;
use regex::Regex;
use std::io::{Cursor, Read};
use std::sync::LazyLock;

/// Styles and page setup read from a Word file.
#[derive(Debug, Clone)]
pub struct Reference {
    styles: String,
    /// Page size and margins, when the file sets them.
    pub geometry: Option<Geometry>,
}

static STYLE_ID: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"w:styleId="([^"]*)""#).expect("valid"));

impl Reference {
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
        let styles = part("word/styles.xml")?
            .filter(|s| s.contains("</w:styles>"))
            .ok_or("the file has no Word styles part (word/styles.xml)")?;
        let geometry = part("word/document.xml")?.and_then(|d| geometry(&d));
        Ok(Reference { styles, geometry })
    }

    /// The reference's styles part, with each of `ours` whose id it lacks added at its end.
    pub fn merge_styles(&self, ours: &str) -> String {
        let theirs: std::collections::HashSet<&str> = STYLE_ID
            .captures_iter(&self.styles)
            .filter_map(|c| c.get(1).map(|m| m.as_str()))
            .collect();
        let mut missing = String::new();
        let mut rest = ours;
        while let Some(start) = rest.find("<w:style ") {
            let Some(len) = rest[start..].find("</w:style>") else {
                break;
            };
            let style = &rest[start..start + len + "</w:style>".len()];
            let id = STYLE_ID
                .captures(style)
                .and_then(|c| c.get(1))
                .map_or("", |m| m.as_str());
            if !theirs.contains(id) {
                missing.push_str(style);
            }
            rest = &rest[start + style.len()..];
        }
        let end = self
            .styles
            .rfind("</w:styles>")
            .unwrap_or(self.styles.len());
        format!("{}{missing}{}", &self.styles[..end], &self.styles[end..])
    }
}

/// Page size and margins of the last section of a `document.xml`.
fn geometry(document: &str) -> Option<Geometry> {
    static PG_SZ: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"<w:pgSz\b[^>]*>").expect("valid"));
    static PG_MAR: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"<w:pgMar\b[^>]*>").expect("valid"));
    let size = PG_SZ.find_iter(document).last()?.as_str();
    let margins = PG_MAR.find_iter(document).last()?.as_str();
    let attr = |element: &str, name: &str| -> Option<u32> {
        let key = format!("w:{name}=\"");
        let at = element.find(&key)? + key.len();
        let value = &element[at..at + element[at..].find('"')?];
        value.parse::<f64>().ok().map(|v| v.max(0.0) as u32)
    };
    let (width, height) = (attr(size, "w")?, attr(size, "h")?);
    // Portrait setup: a landscape house template is turned back, sections turn it themselves.
    let (width, height) = (width.min(height), width.max(height));
    Some(Geometry {
        width,
        height,
        top: attr(margins, "top")?,
        bottom: attr(margins, "bottom")?,
        left: attr(margins, "left")?,
        right: attr(margins, "right")?,
        header: attr(margins, "header").unwrap_or(709),
        footer: attr(margins, "footer").unwrap_or(709),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_page_setup_of_the_last_section() {
        let doc = r#"<w:body><w:sectPr><w:pgSz w:w="12240" w:h="15840"/><w:pgMar w:top="1440" w:right="1800" w:bottom="1440" w:left="1800" w:header="720" w:footer="720" w:gutter="0"/></w:sectPr></w:body>"#;
        let g = geometry(doc).unwrap();
        assert_eq!(
            (g.width, g.height, g.left, g.top),
            (12240, 15840, 1800, 1440)
        );
        assert_eq!(g.text_width(), 12240 - 3600);
    }
}
