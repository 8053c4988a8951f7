//! The fixed parts of the package: content types, relationships, settings, page headers and
//! footers, document properties, theme and font table.

use super::fields;
use super::styles;
use super::xml::esc;
use crate::model::DocumentInfo;
use crate::render::script::{Writing, directional_pieces};
use std::fmt::Write;

const DECLARATION: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#;
const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL: &str = "http://schemas.openxmlformats.org/package/2006/relationships";

/// Relationship ids of the parts every document has.
pub const HEADER_DEFAULT: &str = "rIdHeaderDefault";
pub const HEADER_FIRST: &str = "rIdHeaderFirst";
pub const HEADER_LANDSCAPE: &str = "rIdHeaderLandscape";
pub const FOOTER_DEFAULT: &str = "rIdFooterDefault";
pub const FOOTER_FIRST: &str = "rIdFooterFirst";

/// `[Content_Types].xml`.
pub fn content_types() -> String {
    let main = "application/vnd.openxmlformats-officedocument.wordprocessingml";
    let mut out = String::from(DECLARATION);
    out.push_str(r#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#);
    out.push_str(r#"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>"#);
    for (part, kind) in [
        ("/word/document.xml", format!("{main}.document.main+xml")),
        ("/word/styles.xml", format!("{main}.styles+xml")),
        ("/word/numbering.xml", format!("{main}.numbering+xml")),
        ("/word/settings.xml", format!("{main}.settings+xml")),
        ("/word/fontTable.xml", format!("{main}.fontTable+xml")),
        ("/word/header1.xml", format!("{main}.header+xml")),
        ("/word/header2.xml", format!("{main}.header+xml")),
        ("/word/header3.xml", format!("{main}.header+xml")),
        ("/word/footer1.xml", format!("{main}.footer+xml")),
        ("/word/footer2.xml", format!("{main}.footer+xml")),
        (
            "/word/theme/theme1.xml",
            "application/vnd.openxmlformats-officedocument.theme+xml".to_string(),
        ),
        (
            "/docProps/core.xml",
            "application/vnd.openxmlformats-package.core-properties+xml".to_string(),
        ),
        (
            "/docProps/app.xml",
            "application/vnd.openxmlformats-officedocument.extended-properties+xml".to_string(),
        ),
    ] {
        let _ = write!(out, r#"<Override PartName="{part}" ContentType="{kind}"/>"#);
    }
    out.push_str("</Types>");
    out
}

/// `_rels/.rels`: the package's main document and properties.
pub fn package_rels() -> String {
    format!(
        concat!(
            "{decl}",
            r#"<Relationships xmlns="{pkg}">"#,
            r#"<Relationship Id="rId1" Type="{rel}/officeDocument" Target="word/document.xml"/>"#,
            r#"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>"#,
            r#"<Relationship Id="rId3" Type="{rel}/extended-properties" Target="docProps/app.xml"/>"#,
            "</Relationships>"
        ),
        decl = DECLARATION,
        pkg = PKG_REL,
        rel = REL
    )
}

/// `word/_rels/document.xml.rels`: the fixed parts, then `links` (id, URL) in order.
pub fn document_rels(links: &[(String, String)]) -> String {
    let mut out = String::from(DECLARATION);
    let _ = write!(out, r#"<Relationships xmlns="{PKG_REL}">"#);
    for (id, kind, target) in [
        ("rIdStyles", "styles", "styles.xml"),
        ("rIdNumbering", "numbering", "numbering.xml"),
        ("rIdSettings", "settings", "settings.xml"),
        ("rIdFontTable", "fontTable", "fontTable.xml"),
        ("rIdTheme", "theme", "theme/theme1.xml"),
        (HEADER_DEFAULT, "header", "header1.xml"),
        (HEADER_FIRST, "header", "header2.xml"),
        (HEADER_LANDSCAPE, "header", "header3.xml"),
        (FOOTER_DEFAULT, "footer", "footer1.xml"),
        (FOOTER_FIRST, "footer", "footer2.xml"),
    ] {
        let _ = write!(
            out,
            r#"<Relationship Id="{id}" Type="{REL}/{kind}" Target="{target}"/>"#
        );
    }
    for (id, url) in links {
        let _ = write!(
            out,
            r#"<Relationship Id="{id}" Type="{REL}/hyperlink" Target="{}" TargetMode="External"/>"#,
            esc(url)
        );
    }
    out.push_str("</Relationships>");
    out
}

/// `word/settings.xml`: fields (the table of contents) are updated when Word opens the file.
pub fn settings(language: &str) -> String {
    format!(
        concat!(
            "{decl}",
            r#"<w:settings xmlns:w="{w}"><w:zoom w:percent="100"/><w:defaultTabStop w:val="720"/>"#,
            r#"<w:characterSpacingControl w:val="doNotCompress"/><w:updateFields w:val="true"/>"#,
            r#"<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>"#,
            r#"<w:themeFontLang {lang}/><w:decimalSymbol w:val="."/><w:listSeparator w:val=","/></w:settings>"#
        ),
        decl = DECLARATION,
        w = W,
        lang = Writing::of(language).lang_attributes(language)
    )
}

/// `text` as runs; in a right-to-left document one run per direction, the right-to-left
/// ones marked so.
pub fn runs(text: &str, writing: Writing) -> String {
    let run = |text: &str, rtl: bool| {
        format!(
            r#"<w:r>{}<w:t xml:space="preserve">{}</w:t></w:r>"#,
            if rtl { "<w:rPr><w:rtl/></w:rPr>" } else { "" },
            esc(text)
        )
    };
    if !writing.rtl() {
        return run(text, false);
    }
    directional_pieces(text)
        .into_iter()
        .map(|(piece, rtl)| run(piece, rtl))
        .collect()
}

/// A header or footer part holding `paragraphs`.
fn story(root: &str, paragraphs: &str) -> String {
    format!(r#"{DECLARATION}<w:{root} xmlns:w="{W}" xmlns:r="{R}">{paragraphs}</w:{root}>"#)
}

/// The running header (every page but the first): document symbol, then the page number
/// (a PAGE field) at the far margin of a text block `width` twips wide (the right margin,
/// or the left one in a right-to-left document, whose header starts at the right).
pub fn header(symbol: &str, width: u32, writing: Writing) -> String {
    let mut p = format!(
        r#"<w:p><w:pPr><w:pStyle w:val="{}"/><w:tabs><w:tab w:val="right" w:pos="{width}"/></w:tabs>{}</w:pPr>{}<w:r><w:tab/></w:r>"#,
        styles::HEADER,
        if writing.rtl() { "<w:bidi/>" } else { "" },
        runs(symbol, writing)
    );
    fields::simple(&mut p, "PAGE", "1");
    p.push_str("</w:p>");
    story("hdr", &p)
}

/// The running footer: the document's title, small.
pub fn footer(title: &str, writing: Writing) -> String {
    story(
        "ftr",
        &format!(
            r#"<w:p><w:pPr><w:pStyle w:val="{}"/>{}</w:pPr>{}</w:p>"#,
            styles::FOOTER,
            if writing.rtl() { "<w:bidi/>" } else { "" },
            runs(title, writing)
        ),
    )
}

/// An empty header or footer, for the first page (the cover carries the symbol itself).
pub fn empty(root: &str) -> String {
    story(root, "<w:p/>")
}

/// `docProps/core.xml`: title, subject, language, creator and the document's date.
pub fn core(info: &DocumentInfo) -> String {
    let stamp = stamp(&info.iso_date);
    format!(
        concat!(
            "{decl}",
            r#"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#,
            "<dc:title>{title}</dc:title><dc:subject>{subject}</dc:subject><dc:creator>rpmsynth</dc:creator>",
            "<cp:keywords>{symbol}</cp:keywords><dc:language>{lang}</dc:language><cp:lastModifiedBy>rpmsynth</cp:lastModifiedBy>",
            r#"<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified>"#,
            "</cp:coreProperties>"
        ),
        decl = DECLARATION,
        title = esc(&info.title),
        subject = esc(&info.subject),
        symbol = esc(&info.symbol),
        lang = esc(&info.language),
        stamp = stamp
    )
}

/// `YYYY-MM-DDT00:00:00Z` for a valid ISO date, else the epoch (never the clock: same input,
/// same bytes).
pub fn stamp(iso_date: &str) -> String {
    match chrono::NaiveDate::parse_from_str(iso_date, "%Y-%m-%d") {
        Ok(d) => format!("{}T00:00:00Z", d.format("%Y-%m-%d")),
        Err(_) => "1970-01-01T00:00:00Z".to_string(),
    }
}

/// `docProps/app.xml`.
pub fn app() -> String {
    format!(
        r#"{DECLARATION}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>rpmsynth</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged><AppVersion>1.0000</AppVersion></Properties>"#
    )
}

/// `word/fontTable.xml`: the fonts the styles name (and the script's, for `writing`).
pub fn font_table(writing: Writing) -> String {
    let mut out = format!(r#"{DECLARATION}<w:fonts xmlns:w="{W}">"#);
    let script = writing
        .font_entry()
        .map(|(name, charset, family)| (name, charset, family, "variable"));
    for (name, charset, family, pitch) in [
        (styles::FONT, "00", "swiss", "variable"),
        (styles::MONO, "00", "modern", "fixed"),
        ("Calibri Light", "00", "swiss", "variable"),
    ]
    .into_iter()
    .chain(script)
    {
        let _ = write!(
            out,
            r#"<w:font w:name="{name}"><w:charset w:val="{charset}"/><w:family w:val="{family}"/><w:pitch w:val="{pitch}"/></w:font>"#
        );
    }
    out.push_str("</w:fonts>");
    out
}

/// `word/theme/theme1.xml`: a minimal Office theme (colours, the body and heading fonts and
/// the three-entry format lists the schema requires).
pub fn theme() -> String {
    let colour = |name: &str, rgb: &str| format!("<a:{name}><a:srgbClr val=\"{rgb}\"/></a:{name}>");
    let colours: String = [
        ("accent1", styles::ACCENT),
        ("accent2", "ED7D31"),
        ("accent3", "A5A5A5"),
        ("accent4", "FFC000"),
        ("accent5", "5B9BD5"),
        ("accent6", "70AD47"),
        ("hlink", "0563C1"),
        ("folHlink", "954F72"),
    ]
    .iter()
    .map(|(n, c)| colour(n, c))
    .collect();
    let solid = r#"<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>"#;
    let line = format!(
        r#"<a:ln w="6350" cap="flat" cmpd="sng" algn="ctr">{solid}<a:prstDash val="solid"/></a:ln>"#
    );
    format!(
        concat!(
            "{decl}",
            r#"<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="rpmsynth"><a:themeElements>"#,
            r#"<a:clrScheme name="rpmsynth"><a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1><a:lt1><a:sysClr val="window" lastClr="FFFFFF"/></a:lt1>"#,
            r#"<a:dk2><a:srgbClr val="44546A"/></a:dk2><a:lt2><a:srgbClr val="E7E6E6"/></a:lt2>{colours}</a:clrScheme>"#,
            r#"<a:fontScheme name="rpmsynth"><a:majorFont><a:latin typeface="Calibri Light"/><a:ea typeface=""/><a:cs typeface=""/></a:majorFont>"#,
            r#"<a:minorFont><a:latin typeface="{font}"/><a:ea typeface=""/><a:cs typeface=""/></a:minorFont></a:fontScheme>"#,
            r#"<a:fmtScheme name="rpmsynth"><a:fillStyleLst>{solid}{solid}{solid}</a:fillStyleLst>"#,
            r#"<a:lnStyleLst>{line}{line}{line}</a:lnStyleLst>"#,
            r#"<a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle></a:effectStyleLst>"#,
            r#"<a:bgFillStyleLst>{solid}{solid}{solid}</a:bgFillStyleLst></a:fmtScheme>"#,
            r#"</a:themeElements><a:objectDefaults/><a:extraClrSchemeLst/></a:theme>"#
        ),
        decl = DECLARATION,
        colours = colours,
        font = styles::FONT,
        solid = solid,
        line = line
    )
}
