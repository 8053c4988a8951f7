//! The house style in one place: page geometry, fonts, sizes, colours, every paragraph,
//! character and table style (`styles.xml`) and the list definitions (`numbering.xml`).

use crate::render::script::Writing;
use std::fmt::Write;

/// Page size and margins, in twentieths of a point (twips).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Geometry {
    pub width: u32,
    pub height: u32,
    pub top: u32,
    pub bottom: u32,
    pub left: u32,
    pub right: u32,
    pub header: u32,
    pub footer: u32,
}

impl Geometry {
    /// A4 portrait; 2 cm left and right, 2.5 cm top and bottom, header and footer 1.25 cm
    /// from the edge (the margins of ITU documents).
    pub const A4: Geometry = Geometry {
        width: 11906,
        height: 16838,
        top: 1418,
        bottom: 1418,
        left: 1134,
        right: 1134,
        header: 709,
        footer: 709,
    };

    /// The same page turned sideways.
    pub fn landscape(self) -> Geometry {
        Geometry {
            width: self.height,
            height: self.width,
            ..self
        }
    }

    /// Width of the text block: what a full-width table may use.
    pub fn text_width(self) -> u32 {
        self.width.saturating_sub(self.left + self.right).max(1440)
    }

    /// `w:pgSz` and `w:pgMar` of a section.
    pub fn xml(self, out: &mut String) {
        let orient = if self.width > self.height {
            r#" w:orient="landscape""#
        } else {
            ""
        };
        let _ = write!(
            out,
            r#"<w:pgSz w:w="{}" w:h="{}"{orient}/><w:pgMar w:top="{}" w:right="{}" w:bottom="{}" w:left="{}" w:header="{}" w:footer="{}" w:gutter="0"/>"#,
            self.width,
            self.height,
            self.top,
            self.right,
            self.bottom,
            self.left,
            self.header,
            self.footer
        );
    }
}

/// Body font and its size in half-points (Carlito is Calibri's metric twin on Linux).
pub const FONT: &str = "Calibri";
pub const MONO: &str = "Consolas";
pub const BODY_SIZE: u32 = 22;
/// Headings and title; secondary text; table header fill; rules and borders.
pub const ACCENT: &str = "1F4E79";
pub const GREY: &str = "595959";
pub const TABLE_HEADER_FILL: &str = "DCE6F1";
pub const RULE: &str = "8EA9C1";
/// Tracked changes are dated; documents carry no other time.
pub const REVISION_AUTHOR: &str = "Secretariat";

/// Style ids the writer uses.
pub const TITLE: &str = "Title";
pub const SUBTITLE: &str = "Subtitle";
pub const COVER: &str = "CoverLine";
pub const LIST_PARAGRAPH: &str = "ListParagraph";
pub const QUOTE: &str = "Quote";
pub const TABLE_TEXT: &str = "TableText";
pub const CAPTION: &str = "Caption";
pub const NOTE: &str = "Note";
pub const SOURCE: &str = "Source";
pub const SOURCE_CODE: &str = "SourceCode";
pub const TOC_HEADING: &str = "TOCHeading";
pub const HEADER: &str = "Header";
pub const FOOTER: &str = "Footer";
pub const HYPERLINK: &str = "Hyperlink";
pub const VERBATIM: &str = "VerbatimChar";
pub const TABLE_STYLE: &str = "ReportTable";

/// `Heading1` … `Heading4` (deeper headings use `Heading4`).
pub fn heading(level: usize) -> String {
    format!("Heading{}", level.clamp(1, 4))
}

/// `TOC1`, `TOC2`: entries of the table of contents.
pub fn toc(level: usize) -> String {
    format!("TOC{}", level.clamp(1, 9))
}

/// Left indent of list level `level`; the label hangs 360 twips before it.
pub fn list_indent(level: usize) -> u32 {
    720 + 360 * level as u32
}

/// One paragraph style: (id, name, paragraph properties, run properties).
struct ParagraphStyle<'a> {
    id: &'a str,
    name: &'a str,
    ppr: String,
    rpr: String,
}

fn spacing(before: u32, after: u32) -> String {
    format!(r#"<w:spacing w:before="{before}" w:after="{after}"/>"#)
}

fn run(size: Option<u32>, color: Option<&str>, bold: bool, italic: bool) -> String {
    let mut r = String::new();
    if bold {
        r.push_str("<w:b/><w:bCs/>");
    }
    if italic {
        r.push_str("<w:i/><w:iCs/>");
    }
    if let Some(c) = color {
        let _ = write!(r, r#"<w:color w:val="{c}"/>"#);
    }
    if let Some(s) = size {
        let _ = write!(r, r#"<w:sz w:val="{s}"/><w:szCs w:val="{s}"/>"#);
    }
    r
}

fn border(side: &str, size: u32, space: u32) -> String {
    format!(r#"<w:{side} w:val="single" w:sz="{size}" w:space="{space}" w:color="{RULE}"/>"#)
}

fn paragraph_styles(text_width: u32) -> Vec<ParagraphStyle<'static>> {
    let heading = |level: usize, size: u32, before: u32, after: u32, italic: bool| ParagraphStyle {
        id: ["Heading1", "Heading2", "Heading3", "Heading4"][level - 1],
        name: ["heading 1", "heading 2", "heading 3", "heading 4"][level - 1],
        ppr: format!(
            r#"<w:keepNext/><w:keepLines/>{}<w:outlineLvl w:val="{}"/>"#,
            spacing(before, after),
            level - 1
        ),
        rpr: run(Some(size), Some(ACCENT), true, italic),
    };
    let toc = |level: usize| ParagraphStyle {
        id: ["TOC1", "TOC2", "TOC3"][level - 1],
        name: ["toc 1", "toc 2", "toc 3"][level - 1],
        ppr: format!(
            r#"<w:tabs><w:tab w:val="right" w:leader="dot" w:pos="{text_width}"/></w:tabs>{}<w:ind w:left="{}"/>"#,
            spacing(if level == 1 { 120 } else { 0 }, 40),
            (level - 1) * 280
        ),
        rpr: run(None, None, level == 1, false),
    };
    vec![
        ParagraphStyle {
            id: TITLE,
            name: "Title",
            ppr: format!("<w:keepNext/>{}", spacing(480, 240)),
            rpr: run(Some(44), Some(ACCENT), true, false),
        },
        ParagraphStyle {
            id: SUBTITLE,
            name: "Subtitle",
            ppr: format!("<w:keepNext/>{}", spacing(0, 360)),
            rpr: run(Some(28), Some(GREY), false, false),
        },
        ParagraphStyle {
            id: COVER,
            name: "Cover Line",
            ppr: format!(r#"{}<w:jc w:val="right"/>"#, spacing(0, 0)),
            rpr: run(Some(BODY_SIZE), None, false, false),
        },
        heading(1, 32, 360, 120, false),
        heading(2, 26, 280, 100, false),
        heading(3, 23, 240, 80, false),
        heading(4, 22, 200, 60, true),
        ParagraphStyle {
            id: TOC_HEADING,
            name: "TOC Heading",
            ppr: format!("<w:keepNext/>{}", spacing(360, 120)),
            rpr: run(Some(32), Some(ACCENT), true, false),
        },
        toc(1),
        toc(2),
        toc(3),
        ParagraphStyle {
            id: LIST_PARAGRAPH,
            name: "List Paragraph",
            ppr: spacing(0, 60),
            rpr: String::new(),
        },
        ParagraphStyle {
            id: QUOTE,
            name: "Quote",
            ppr: format!(
                r#"<w:pBdr>{}</w:pBdr><w:ind w:left="567" w:right="567"/>"#,
                border("left", 18, 8)
            ),
            rpr: run(None, Some(GREY), false, true),
        },
        ParagraphStyle {
            id: TABLE_TEXT,
            name: "Table Text",
            ppr: r#"<w:spacing w:before="20" w:after="20" w:line="240" w:lineRule="auto"/>"#
                .to_string(),
            rpr: run(Some(18), None, false, false),
        },
        ParagraphStyle {
            id: CAPTION,
            name: "caption",
            ppr: format!("<w:keepNext/>{}", spacing(120, 80)),
            rpr: run(Some(20), Some(ACCENT), true, false),
        },
        ParagraphStyle {
            id: NOTE,
            name: "Note",
            ppr: format!(r#"{}<w:ind w:left="284"/>"#, spacing(60, 120)),
            rpr: run(Some(20), None, false, true),
        },
        ParagraphStyle {
            id: SOURCE,
            name: "Source",
            ppr: spacing(0, 160),
            rpr: run(Some(18), Some(GREY), false, false),
        },
        ParagraphStyle {
            id: SOURCE_CODE,
            name: "Source Code",
            ppr: r#"<w:shd w:val="clear" w:color="auto" w:fill="F2F2F2"/><w:spacing w:before="0" w:after="120" w:line="240" w:lineRule="auto"/>"#
                .to_string(),
            rpr: format!(
                r#"<w:rFonts w:ascii="{MONO}" w:hAnsi="{MONO}" w:cs="{MONO}"/>{}"#,
                run(Some(19), None, false, false)
            ),
        },
        ParagraphStyle {
            id: HEADER,
            name: "header",
            ppr: format!(
                r#"<w:pBdr>{}</w:pBdr>{}"#,
                border("bottom", 4, 4),
                spacing(0, 0)
            ),
            rpr: run(Some(18), Some(GREY), false, false),
        },
        ParagraphStyle {
            id: FOOTER,
            name: "footer",
            ppr: spacing(0, 0),
            rpr: run(Some(16), Some(GREY), false, false),
        },
    ]
}

/// `ppr` with `<w:bidi/>` in its schema place (after borders, shading and tabs, before
/// spacing, indents, alignment and outline level).
fn with_bidi(ppr: &str) -> String {
    let at = ["<w:spacing", "<w:ind", "<w:jc", "<w:outlineLvl"]
        .iter()
        .filter_map(|tag| ppr.find(tag))
        .min()
        .unwrap_or(ppr.len());
    format!("{}<w:bidi/>{}", &ppr[..at], &ppr[at..])
}

/// `word/styles.xml`: document defaults (font, size, language, spacing) and every style;
/// for a right-to-left language every paragraph style is right to left; Arabic and Chinese
/// text is never slanted (their fonts have no italic).
pub fn styles_xml(language: &str, text_width: u32) -> String {
    let writing = Writing::of(language);
    let rtl = writing.rtl();
    let bidi = if rtl { "<w:bidi/>" } else { "" };
    let mut out = String::with_capacity(12_000);
    out.push_str(r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#);
    out.push_str(
        r#"<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">"#,
    );
    let _ = write!(
        out,
        r#"<w:docDefaults><w:rPrDefault><w:rPr>{}<w:sz w:val="{BODY_SIZE}"/><w:szCs w:val="{BODY_SIZE}"/><w:lang {}/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>{bidi}<w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>"#,
        writing.fonts(FONT),
        writing.lang_attributes(language)
    );
    let _ = write!(
        out,
        r#"<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>{}</w:style>"#,
        if rtl { "<w:pPr><w:bidi/></w:pPr>" } else { "" }
    );
    out.push_str(concat!(
        r#"<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>"#,
        r#"<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>"#,
        r#"<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/></w:style>"#,
    ));
    for mut s in paragraph_styles(text_width) {
        if rtl {
            // A quotation's rule stands at the start of its lines: on the right.
            s.ppr = with_bidi(&s.ppr.replace("<w:left ", "<w:right "));
        }
        if writing != Writing::Latin {
            s.rpr = s.rpr.replace("<w:i/><w:iCs/>", "");
        }
        let _ = write!(
            out,
            r#"<w:style w:type="paragraph" w:styleId="{}"><w:name w:val="{}"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr>{}</w:pPr><w:rPr>{}</w:rPr></w:style>"#,
            s.id, s.name, s.ppr, s.rpr
        );
    }
    let _ = write!(
        out,
        r#"<w:style w:type="character" w:styleId="{HYPERLINK}"><w:name w:val="Hyperlink"/><w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/><w:rPr><w:color w:val="0563C1"/><w:u w:val="single"/></w:rPr></w:style>"#
    );
    let _ = write!(
        out,
        r#"<w:style w:type="character" w:styleId="{VERBATIM}"><w:name w:val="Verbatim Char"/><w:basedOn w:val="DefaultParagraphFont"/><w:rPr><w:rFonts w:ascii="{MONO}" w:hAnsi="{MONO}" w:cs="{MONO}"/><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr></w:style>"#
    );
    let borders: String = ["top", "left", "bottom", "right", "insideH", "insideV"]
        .iter()
        .map(|side| border(side, 4, 0))
        .collect();
    let _ = write!(
        out,
        concat!(
            r#"<w:style w:type="table" w:styleId="{id}"><w:name w:val="Report Table"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/>"#,
            r#"<w:pPr>{bidi}<w:spacing w:before="20" w:after="20" w:line="240" w:lineRule="auto"/></w:pPr>"#,
            r#"<w:tblPr><w:tblBorders>{borders}</w:tblBorders><w:tblCellMar><w:top w:w="28" w:type="dxa"/><w:left w:w="85" w:type="dxa"/><w:bottom w:w="28" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr>"#,
            r#"<w:tblStylePr w:type="firstRow"><w:rPr><w:b/><w:bCs/></w:rPr><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{fill}"/></w:tcPr></w:tblStylePr>"#,
            r#"</w:style>"#,
        ),
        id = TABLE_STYLE,
        borders = borders,
        fill = TABLE_HEADER_FILL,
        bidi = bidi
    );
    out.push_str("</w:styles>");
    out
}

/// Abstract numbering ids: bullets and ordered lists (every list gets its own `w:num`).
pub const BULLET_ABSTRACT: usize = 1;
pub const ORDERED_ABSTRACT: usize = 2;

/// `word/numbering.xml`: the two list definitions, nine levels each (• ◦ ▪ / 1. a. i.),
/// and one numbering instance per list `(num id, abstract id, level, start)`, so that every
/// list restarts at its own first number.
pub fn numbering_xml(lists: &[(usize, usize, usize, usize)]) -> String {
    let mut out = String::with_capacity(4000 + 120 * lists.len());
    out.push_str(r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#);
    out.push_str(
        r#"<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">"#,
    );
    for (id, ordered) in [(BULLET_ABSTRACT, false), (ORDERED_ABSTRACT, true)] {
        let _ = write!(
            out,
            r#"<w:abstractNum w:abstractNumId="{id}"><w:multiLevelType w:val="multilevel"/>"#
        );
        for level in 0..9 {
            let (format, text) = if ordered {
                let format = ["decimal", "lowerLetter", "lowerRoman"][level % 3];
                (format, format!("%{}.", level + 1))
            } else {
                ("bullet", ["•", "◦", "▪"][level % 3].to_string())
            };
            let _ = write!(
                out,
                r#"<w:lvl w:ilvl="{level}"><w:start w:val="1"/><w:numFmt w:val="{format}"/><w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="{}" w:hanging="360"/></w:pPr></w:lvl>"#,
                list_indent(level)
            );
        }
        out.push_str("</w:abstractNum>");
    }
    for (num, abs, level, start) in lists {
        let _ = write!(
            out,
            r#"<w:num w:numId="{num}"><w:abstractNumId w:val="{abs}"/><w:lvlOverride w:ilvl="{level}"><w:startOverride w:val="{start}"/></w:lvlOverride></w:num>"#
        );
    }
    out.push_str("</w:numbering>");
    out
}
