//! The paragraph styles of [`super::styles`] as the page layout needs them: font, line
//! height, spacing and keeping, in points.

use super::lines::Font;
use super::styles;

/// What the layout needs of a paragraph style.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Style {
    pub font: Font,
    /// Line height as a multiple of the font's (Word's "auto" line: 264 → 1.1).
    pub proportion: f64,
    pub before: f64,
    pub after: f64,
    pub keep_next: bool,
    pub keep_lines: bool,
    /// Left and right indents.
    pub left: f64,
    pub right: f64,
}

/// The document's default line (`w:line="264"` in the paragraph defaults).
const AUTO_LINE: f64 = 264.0 / 240.0;

/// The style `id` (body text for an id the writer does not define).
pub fn style(id: &str) -> Style {
    let font = |size: f64, bold: bool, italic: bool| Font {
        bold,
        italic,
        ..Font::new(size)
    };
    let base = Style {
        font: font(11.0, false, false),
        proportion: AUTO_LINE,
        before: 0.0,
        after: 6.0,
        keep_next: false,
        keep_lines: false,
        left: 0.0,
        right: 0.0,
    };
    let heading = |size: f64, before: f64, after: f64, italic: bool| Style {
        font: font(size, true, italic),
        before,
        after,
        keep_next: true,
        keep_lines: true,
        ..base
    };
    match id {
        styles::TITLE => Style {
            font: font(22.0, true, false),
            before: 24.0,
            after: 12.0,
            keep_next: true,
            ..base
        },
        styles::SUBTITLE => Style {
            font: font(14.0, false, false),
            after: 18.0,
            keep_next: true,
            ..base
        },
        styles::COVER => Style { after: 0.0, ..base },
        "Heading1" => heading(16.0, 18.0, 6.0, false),
        "Heading2" => heading(13.0, 14.0, 5.0, false),
        "Heading3" => heading(11.5, 12.0, 4.0, false),
        "Heading4" => heading(11.0, 10.0, 3.0, true),
        styles::TOC_HEADING => Style {
            keep_lines: false,
            ..heading(16.0, 18.0, 6.0, false)
        },
        "TOC1" => Style {
            font: font(11.0, true, false),
            before: 6.0,
            after: 2.0,
            ..base
        },
        "TOC2" | "TOC3" => Style {
            after: 2.0,
            left: if id == "TOC2" { 14.0 } else { 28.0 },
            ..base
        },
        styles::LIST_PARAGRAPH => Style { after: 3.0, ..base },
        styles::QUOTE => Style {
            font: font(11.0, false, true),
            left: 567.0 / 20.0,
            right: 567.0 / 20.0,
            ..base
        },
        styles::TABLE_TEXT => Style {
            font: font(9.0, false, false),
            proportion: 1.0,
            before: 1.0,
            after: 1.0,
            ..base
        },
        styles::CAPTION => Style {
            font: font(10.0, true, false),
            before: 6.0,
            after: 4.0,
            keep_next: true,
            ..base
        },
        styles::NOTE => Style {
            font: font(10.0, false, true),
            before: 3.0,
            after: 6.0,
            left: 284.0 / 20.0,
            ..base
        },
        styles::SOURCE => Style {
            font: font(9.0, false, false),
            after: 8.0,
            ..base
        },
        styles::SOURCE_CODE => Style {
            font: Font {
                mono: true,
                ..font(9.5, false, false)
            },
            proportion: 1.0,
            ..base
        },
        _ => base,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The `w:style` element of `id` in the styles part.
    fn element<'a>(xml: &'a str, id: &str) -> &'a str {
        let start = xml
            .find(&format!(r#"w:styleId="{id}""#))
            .unwrap_or_else(|| panic!("{id}"));
        let end = xml[start..].find("</w:style>").unwrap();
        &xml[start..start + end]
    }

    fn twips(element: &str, attribute: &str) -> Option<f64> {
        let at = element.find(&format!(r#"{attribute}=""#))? + attribute.len() + 2;
        let value = &element[at..at + element[at..].find('"')?];
        value.parse::<f64>().ok().map(|v| v / 20.0)
    }

    #[test]
    fn the_layout_styles_are_those_written() {
        let xml = styles::styles_xml("en", 9638);
        for id in [
            styles::TITLE,
            styles::SUBTITLE,
            styles::COVER,
            "Heading1",
            "Heading2",
            "Heading3",
            "Heading4",
            styles::TOC_HEADING,
            "TOC1",
            "TOC2",
            styles::LIST_PARAGRAPH,
            styles::QUOTE,
            styles::TABLE_TEXT,
            styles::CAPTION,
            styles::NOTE,
            styles::SOURCE,
            styles::SOURCE_CODE,
        ] {
            let e = element(&xml, id);
            let s = style(id);
            assert_eq!(twips(e, "w:before").unwrap_or(0.0), s.before, "{id}");
            assert_eq!(twips(e, "w:after").unwrap_or(6.0), s.after, "{id}");
            // Sizes are in half-points: twips(…) / 20 * 20 / 2.
            let size = twips(e, "<w:sz w:val").map_or(11.0, |v| v * 10.0);
            assert_eq!(size, s.font.size, "{id}");
            assert_eq!(e.contains("<w:b/>"), s.font.bold, "{id}");
            assert_eq!(e.contains("<w:i/>"), s.font.italic, "{id}");
            assert_eq!(e.contains("<w:keepNext/>"), s.keep_next, "{id}");
            assert_eq!(e.contains("<w:keepLines/>"), s.keep_lines, "{id}");
            let line = if e.contains(r#"w:line="240""#) {
                1.0
            } else {
                AUTO_LINE
            };
            assert_eq!(line, s.proportion, "{id}");
            assert_eq!(twips(e, "w:left").unwrap_or(0.0), s.left, "{id}");
        }
    }
}
