//! Round-trip tests: render Markdown, unzip the .docx, parse the parts back.

use std::io::{Cursor, Read};

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event as XmlEvent};

use super::*;

fn info() -> DocumentInfo {
    DocumentInfo {
        title: "Synthesis report".into(),
        subject: "WTDC-25".into(),
        symbol: "TDAG-25/12-E".into(),
        date: "22 July 2025".into(),
        iso_date: "2025-07-22".into(),
        language: "en".into(),
    }
}

fn render(md: &str) -> Vec<u8> {
    to_docx(md, &info(), None).expect("docx renders")
}

fn document(md: &str) -> String {
    part(&render(md), "word/document.xml")
}

fn part(docx: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(Cursor::new(docx)).expect("zip archive");
    let mut text = String::new();
    zip.by_name(name)
        .expect(name)
        .read_to_string(&mut text)
        .expect("utf-8 part");
    text
}

fn attr(e: &BytesStart, name: &str) -> Option<String> {
    e.try_get_attribute(name).ok().flatten().map(|a| {
        a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
            .expect("attribute value")
            .into_owned()
    })
}

/// One `w:p` of document.xml, as the tests need to see it.
#[derive(Debug, Default, Clone)]
struct Para {
    style: String,
    text: String,
    num_id: Option<String>,
    ilvl: Option<String>,
    page_break: bool,
    /// Inside a table cell: (header row, cell shading fill).
    cell: Option<(bool, Option<String>)>,
    /// Every text run of the paragraph is bold.
    all_bold: bool,
}

fn paragraphs(xml: &str) -> Vec<Para> {
    let mut reader = Reader::from_str(xml);
    let mut out = Vec::new();
    let mut para: Option<Para> = None;
    let (mut in_row_header, mut fill, mut in_tc) = (false, None::<String>, false);
    let (mut run_bold, mut in_t, mut any_run, mut all_bold) = (false, false, false, true);
    loop {
        let event = reader.read_event().expect("well-formed document.xml");
        match event {
            XmlEvent::Eof => break,
            XmlEvent::Start(e) if e.name().as_ref() == "w:t" => {
                in_t = true;
                any_run = true;
                all_bold &= run_bold;
            }
            XmlEvent::Start(ref e) | XmlEvent::Empty(ref e) => match e.name().as_ref() {
                "w:tr" => in_row_header = false,
                "w:tblHeader" => in_row_header = true,
                "w:tc" => {
                    in_tc = true;
                    fill = None;
                }
                "w:shd" if in_tc && para.is_none() => fill = attr(e, "w:fill"),
                "w:p" if matches!(event, XmlEvent::Empty(_)) => out.push(Para::default()),
                "w:p" => {
                    let cell = in_tc.then(|| (in_row_header, fill.clone()));
                    para = Some(Para {
                        cell,
                        ..Para::default()
                    });
                    (any_run, all_bold) = (false, true);
                }
                "w:pStyle" => para.as_mut().unwrap().style = attr(e, "w:val").unwrap(),
                "w:numId" => para.as_mut().unwrap().num_id = attr(e, "w:val"),
                "w:ilvl" => para.as_mut().unwrap().ilvl = attr(e, "w:val"),
                "w:r" => run_bold = false,
                "w:noBreakHyphen" => para.as_mut().unwrap().text.push('-'),
                "w:b" => run_bold = true,
                "w:br" if attr(e, "w:type").as_deref() == Some("page") => {
                    para.as_mut().unwrap().page_break = true
                }
                _ => {}
            },
            XmlEvent::End(e) => match e.name().as_ref() {
                "w:t" => in_t = false,
                "w:tc" => in_tc = false,
                "w:p" => {
                    let mut p = para.take().unwrap();
                    p.all_bold = any_run && all_bold;
                    out.push(p);
                }
                _ => {}
            },
            XmlEvent::Text(t) if in_t => {
                para.as_mut().unwrap().text.push_str(&t.xml10_content());
            }
            XmlEvent::GeneralRef(r) if in_t => {
                let name = r.into_inner();
                let c = match &*name {
                    "lt" => '<',
                    "gt" => '>',
                    "amp" => '&',
                    "quot" => '"',
                    "apos" => '\'',
                    other => other
                        .strip_prefix("#x")
                        .and_then(|h| u32::from_str_radix(h, 16).ok())
                        .and_then(char::from_u32)
                        .expect("known entity"),
                };
                para.as_mut().unwrap().text.push(c);
            }
            _ => {}
        }
    }
    out
}

fn find<'a>(paras: &'a [Para], text: &str) -> &'a Para {
    paras
        .iter()
        .find(|p| p.text == text)
        .unwrap_or_else(|| panic!("no paragraph {text:?}"))
}

#[test]
fn headings_get_heading_styles_and_bookmarks() {
    let doc = document(
        "# Bridging the digital divide {#p-afr-p1}\n\nBody.\n\n## Two\n\n### Three\n\n#### Four",
    );
    let paras = paragraphs(&doc);
    assert_eq!(
        find(&paras, "Bridging the digital divide").style,
        "Heading1"
    );
    assert_eq!(find(&paras, "Body.").style, "");
    assert_eq!(find(&paras, "Two").style, "Heading2");
    assert_eq!(find(&paras, "Three").style, "Heading3");
    assert_eq!(find(&paras, "Four").style, "Heading4");
    assert!(
        doc.contains(r#"w:name="p_afr_p1"/>"#),
        "heading id becomes a bookmark"
    );
}

#[test]
fn cover_title_and_subtitle_classes_get_their_styles() {
    let md = "###### Document X {.cover}\n\n# Synthesis report {.title}\n\n## TDAG-25 {.subtitle}\n\n# Introduction";
    let paras = paragraphs(&document(md));
    assert_eq!(find(&paras, "Document X").style, "CoverLine");
    assert_eq!(find(&paras, "Synthesis report").style, "Title");
    assert_eq!(find(&paras, "TDAG-25").style, "Subtitle");
    assert_eq!(find(&paras, "Introduction").style, "Heading1");
}

#[test]
fn the_style_set_is_complete_and_in_one_part() {
    let styles = part(&render("x"), "word/styles.xml");
    for id in [
        "Normal",
        "Title",
        "Subtitle",
        "CoverLine",
        "ListParagraph",
        "Quote",
        "TableText",
        "Caption",
        "Note",
        "Source",
        "SourceCode",
        "TOCHeading",
        "TOC1",
        "TOC2",
        "Header",
        "Footer",
        "Hyperlink",
        "VerbatimChar",
        "ReportTable",
    ] {
        assert!(
            styles.contains(&format!(r#"w:styleId="{id}""#)),
            "style {id}"
        );
    }
    for level in 1..=4 {
        let at = styles
            .find(&format!(r#"w:styleId="Heading{level}""#))
            .expect("heading style");
        let end = at + styles[at..].find("</w:style>").unwrap();
        assert!(styles[at..end].contains(&format!(r#"<w:outlineLvl w:val="{}"/>"#, level - 1)));
    }
    assert!(styles.contains(r#"w:ascii="Calibri""#) && styles.contains(r#"<w:sz w:val="22"/>"#));
    assert!(
        styles.contains(r#"<w:tblStylePr w:type="firstRow">"#),
        "header row style"
    );
    assert!(styles.contains(r#"<w:lang w:val="en"/>"#));
}

#[test]
fn table_header_is_bold_shaded_and_repeated_rows_never_split() {
    let md = "Participation:\n\n| RPM | Dates | Chair |\n|---|---|---|\n\
              | RPM-AFR | 3–5 June 2025 | Mr J. Kamau (Kenya) |\n\
              | RPM-AMS | 17–19 June 2025 | Ms M. Benítez (Paraguay) |\n";
    let doc = document(md);
    let paras = paragraphs(&doc);
    for header in ["RPM", "Dates", "Chair"] {
        let p = find(&paras, header);
        assert_eq!(
            p.cell,
            Some((true, Some(styles::TABLE_HEADER_FILL.to_string()))),
            "{header}"
        );
        assert!(p.all_bold, "{header} is bold");
    }
    for body in ["RPM-AFR", "3–5 June 2025", "Ms M. Benítez (Paraguay)"] {
        let p = find(&paras, body);
        assert_eq!(p.cell, Some((false, None)), "{body}");
        assert!(!p.all_bold);
        assert_eq!(p.style, "TableText");
    }
    assert!(doc.contains(r#"<w:tblPr><w:tblStyle w:val="ReportTable"/>"#));
    assert!(doc.contains(r#"<w:tblLayout w:type="fixed"/>"#));
    assert_eq!(doc.matches("<w:cantSplit/>").count(), 3);
    assert_eq!(doc.matches("<w:tblHeader/>").count(), 1);
    assert!(
        doc.contains(
            r#"<w:p><w:pPr><w:keepNext/></w:pPr><w:r><w:t xml:space="preserve">Participation:"#
        ),
        "the paragraph introducing the table stays with it: {doc}"
    );
    let grid: u32 = doc
        .split(r#"<w:gridCol w:w=""#)
        .skip(1)
        .map(|s| s.split('"').next().unwrap().parse::<u32>().unwrap())
        .sum();
    assert_eq!(grid, Geometry::A4.text_width());
}

#[test]
fn column_widths_fit_the_page_and_favour_long_text() {
    let cols: Vec<Vec<&str>> = vec![
        vec!["RPM", "RPM-AFR"],
        vec!["Dates", "26–28 August 2025"],
        vec!["Venue", "Nairobi, Kenya"],
        vec!["Chair", "Eng. S. Al-Harthy (Oman)"],
        vec!["Participants", "412"],
        vec!["Member States", "38"],
        vec!["Sector Members", "21"],
        vec!["Contributions", "57"],
    ];
    let width = Geometry::A4.text_width() as usize;
    let widths = table::column_widths(&cols, width);
    assert_eq!(widths.iter().sum::<usize>(), width);
    assert!(widths.iter().all(|&w| w >= 600), "{widths:?}");
    assert!(widths[3] > widths[5], "{widths:?}");
    let two = table::column_widths(&[vec!["a"], vec!["a much longer text here"]], 9638);
    assert_eq!(two.iter().sum::<usize>(), 9638);
    assert!(two[1] > 2 * two[0], "{two:?}");
}

#[test]
fn separate_lists_restart_and_nested_lists_use_levels() {
    let md = "1. one\n2. two\n\nText.\n\n1. again\n\n- top\n  1. first\n     - deep\n  2. second\n- next\n\n3. three\n";
    let docx = render(md);
    let paras = paragraphs(&part(&docx, "word/document.xml"));
    assert_ne!(find(&paras, "one").num_id, find(&paras, "again").num_id);
    assert_eq!(find(&paras, "one").num_id, find(&paras, "two").num_id);
    assert_eq!(find(&paras, "top").ilvl.as_deref(), Some("0"));
    assert_eq!(find(&paras, "first").ilvl.as_deref(), Some("1"));
    assert_eq!(find(&paras, "deep").ilvl.as_deref(), Some("2"));
    assert_eq!(find(&paras, "second").num_id, find(&paras, "first").num_id);
    assert_eq!(find(&paras, "next").num_id, find(&paras, "top").num_id);
    let numbering = part(&docx, "word/numbering.xml");
    let again = find(&paras, "again").num_id.clone().unwrap();
    assert!(numbering.contains(&format!(
        r#"<w:num w:numId="{again}"><w:abstractNumId w:val="2"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/>"#
    )));
    assert!(
        numbering.contains(r#"<w:startOverride w:val="3"/>"#),
        "list starting at 3"
    );
    assert!(numbering.contains(r#"<w:numFmt w:val="bullet"/>"#));
}

#[test]
fn loose_list_items_keep_one_number_per_item() {
    let md = "1. First item.\n\n   More about it.\n\n2. Second item.\n";
    let paras = paragraphs(&document(md));
    assert!(find(&paras, "First item.").num_id.is_some());
    assert!(find(&paras, "More about it.").num_id.is_none());
    assert_eq!(find(&paras, "More about it.").style, "ListParagraph");
    assert!(find(&paras, "Second item.").num_id.is_some());
}

#[test]
fn lists_inside_quotes_move_right_with_the_quote() {
    let doc = document("> Proposal:\n>\n> 1. first point\n> 2. second point\n");
    let paras = paragraphs(&doc);
    assert_eq!(find(&paras, "Proposal:").style, "Quote");
    assert!(find(&paras, "first point").num_id.is_some());
    assert!(
        doc.contains(r#"<w:ind w:left="1287" w:hanging="360"/>"#),
        "{doc}"
    );
}

#[test]
fn raw_html_is_literal_text_and_unsafe_links_are_plain() {
    let md = "Before <script>alert(1)</script> after [x](javascript:alert(1)).\n\n<div class=\"x\">block</div>\n";
    let docx = render(md);
    let doc = part(&docx, "word/document.xml");
    assert!(!doc.contains("<script") && !doc.contains("<div"));
    let paras = paragraphs(&doc);
    find(&paras, "Before <script>alert(1)</script> after x.");
    find(&paras, "<div class=\"x\">block</div>");
    assert!(!part(&docx, "word/_rels/document.xml.rels").contains("javascript"));
}

#[test]
fn xml_illegal_characters_are_dropped() {
    let md = "Vertical\u{000B}tab and nul\u{0000} and \u{FFFF}end.\n";
    let docx = to_docx(
        md,
        &DocumentInfo {
            symbol: "A\u{000B}B".into(),
            ..info()
        },
        None,
    )
    .unwrap();
    let doc = part(&docx, "word/document.xml");
    assert!(!doc.contains('\u{000B}') && !doc.contains('\u{0000}') && !doc.contains('\u{FFFF}'));
    let paras = paragraphs(&doc);
    assert!(
        paras
            .iter()
            .any(|p| p.text.starts_with("Verticaltab and nul")),
        "{paras:?}"
    );
    assert!(part(&docx, "word/header1.xml").contains(">AB<"));
}

#[test]
fn thematic_break_is_a_page_break() {
    let paras = paragraphs(&document("Cover.\n\n---\n\n# Next"));
    let at = paras.iter().position(|p| p.page_break).expect("page break");
    assert_eq!(paras[at - 1].text, "Cover.");
    assert_eq!(paras[at + 1].text, "Next");
}

#[test]
fn inline_formatting_links_quotes_and_code() {
    let md = "# Target {#p-afr-p1}\n\n**b** *i* ~~s~~ `c` [ext](https://www.itu.int/?a=1&b=2) \
              [int](#p-afr-p1) [missing](#nowhere)\n\n> quoted text\n";
    let docx = render(md);
    let doc = part(&docx, "word/document.xml");
    assert!(doc.contains(r#"<w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space="preserve">b</w:t>"#));
    assert!(doc.contains(r#"<w:rPr><w:i/><w:iCs/></w:rPr><w:t xml:space="preserve">i</w:t>"#));
    assert!(doc.contains(r#"<w:rPr><w:strike/></w:rPr><w:t xml:space="preserve">s</w:t>"#));
    assert!(doc.contains(r#"<w:rStyle w:val="VerbatimChar"/>"#));
    assert!(doc.contains(r#"<w:hyperlink r:id="rIdLink1" w:history="1">"#));
    assert!(doc.contains(r#"<w:hyperlink w:anchor="p_afr_p1" w:history="1">"#));
    assert!(!doc.contains("nowhere"));
    let rels = part(&docx, "word/_rels/document.xml.rels");
    assert!(rels.contains(
        r#"Id="rIdLink1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://www.itu.int/?a=1&amp;b=2" TargetMode="External""#
    ), "{rels}");
    let paras = paragraphs(&doc);
    assert_eq!(find(&paras, "quoted text").style, "Quote");
    find(&paras, "b i s c ext int missing");
}

#[test]
fn cover_page_has_no_header_the_others_have_symbol_page_number_and_title() {
    let docx = render("Text.");
    let doc = part(&docx, "word/document.xml");
    assert!(doc.contains(concat!(
        r#"<w:sectPr><w:headerReference w:type="default" r:id="rIdHeaderDefault"/><w:headerReference w:type="first" r:id="rIdHeaderFirst"/>"#,
        r#"<w:footerReference w:type="default" r:id="rIdFooterDefault"/><w:footerReference w:type="first" r:id="rIdFooterFirst"/>"#,
        r#"<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1418" w:right="1134" w:bottom="1418" w:left="1134" w:header="709" w:footer="709" w:gutter="0"/>"#,
        r#"<w:cols w:space="720"/><w:titlePg/>"#
    )), "{doc}");
    let header = part(&docx, "word/header1.xml");
    assert!(header.contains(">TDAG-25/12-E<") && header.contains("> PAGE <"));
    assert!(part(&docx, "word/footer1.xml").contains(">Synthesis report<"));
    assert!(!part(&docx, "word/header2.xml").contains("<w:t"));
    let core = part(&docx, "docProps/core.xml");
    assert!(core.contains("<dc:title>Synthesis report</dc:title>"));
    assert!(core.contains("<dc:subject>WTDC-25</dc:subject><dc:creator>rpmsynth</dc:creator>"));
    assert!(core.contains(">2025-07-22T00:00:00Z</dcterms:created>"));
}

#[test]
fn the_contents_are_a_prefilled_toc_field_updated_on_open() {
    let md = "# Report {.title}\n\n# Contents {.toc}\n\n- [One](#one)\n\n---\n\n# One {#one}\n\nText.\n\n## Part\n\n### Deep\n";
    let docx = render(md);
    let doc = part(&docx, "word/document.xml");
    let paras = paragraphs(&doc);
    assert_eq!(find(&paras, "Contents").style, "TOCHeading");
    assert!(doc.contains(r#"<w:fldChar w:fldCharType="begin" w:dirty="true"/>"#));
    assert!(doc.contains(
        r#"<w:instrText xml:space="preserve"> TOC \o &quot;1-2&quot; \h \z \u </w:instrText>"#
    ));
    assert!(doc.contains(r#"<w:hyperlink w:anchor="one" w:history="1"><w:r><w:t xml:space="preserve">One</w:t></w:r><w:r><w:tab/></w:r>"#));
    assert!(doc.contains(r#"> PAGEREF one \h <"#));
    assert!(
        doc.contains(r#"> PAGEREF _Toc4 \h <"#),
        "a heading without id gets a bookmark"
    );
    assert!(doc.contains(r#"<w:bookmarkStart w:id="2" w:name="_Toc4"/>"#));
    assert!(!doc.contains("PAGEREF _Toc5"), "level 3 is not listed");
    assert_eq!(
        find(&paras, "One2").style,
        "TOC1",
        "entry with its estimated page"
    );
    assert!(
        !paras.iter().any(|p| p.num_id.is_some()),
        "the Markdown list is replaced"
    );
    assert!(
        paras.iter().any(|p| p.page_break),
        "the page break after it is kept"
    );
    assert!(part(&docx, "word/settings.xml").contains(r#"<w:updateFields w:val="true"/>"#));
}

#[test]
fn a_landscape_heading_opens_a_landscape_section_until_the_next_of_its_level() {
    let md = "# One\n\nText.\n\n# Matrix {.landscape}\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n## Inside\n\n# After\n\nMore.\n";
    let doc = document(md);
    let sections: Vec<&str> = doc.split("<w:sectPr>").skip(1).collect();
    assert_eq!(sections.len(), 3, "{doc}");
    assert!(sections[0].contains("<w:titlePg/>") && !sections[0].contains("landscape"));
    assert!(sections[1].contains(r#"<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>"#));
    assert!(
        sections[1].contains(r#"r:id="rIdHeaderLandscape""#),
        "page number at the wider margin"
    );
    assert!(!sections[1].contains("titlePg") && !sections[2].contains("landscape"));
    let matrix = &doc[doc.find("Matrix").unwrap()..doc.find("After").unwrap()];
    assert!(
        matrix.contains("Inside"),
        "lower headings stay in the landscape section"
    );
    let grid: u32 = matrix
        .split(r#"<w:gridCol w:w=""#)
        .skip(1)
        .map(|s| s.split('"').next().unwrap().parse::<u32>().unwrap())
        .sum();
    assert_eq!(grid, Geometry::A4.landscape().text_width());
}

#[test]
fn critic_markup_becomes_tracked_changes_by_the_region() {
    let md = "### MOD Resolution 37 {#g data-region=AFR}\n\nResolution 37 {~~shall~>should~~} be {++kept and ++}revised{-- soon--}.\n\n# Other\n\nNo {++region++}.\n";
    let doc = document(md);
    assert!(doc.contains(concat!(
        r#"<w:del w:id="1" w:author="AFR" w:date="2025-07-22T00:00:00Z"><w:r><w:delText xml:space="preserve">shall</w:delText></w:r></w:del>"#,
        r#"<w:ins w:id="2" w:author="AFR" w:date="2025-07-22T00:00:00Z"><w:r><w:t xml:space="preserve">should</w:t></w:r></w:ins>"#,
    )), "{doc}");
    assert!(doc.contains(r#"w:author="AFR" w:date="2025-07-22T00:00:00Z"><w:r><w:t xml:space="preserve">kept and </w:t>"#));
    assert!(doc.contains(r#"<w:delText xml:space="preserve"> soon</w:delText>"#));
    assert!(
        doc.contains(r#"w:author="Secretariat""#),
        "outside a region's text"
    );
    assert!(!doc.contains('\u{E000}') && !doc.contains("{++"));
}

#[test]
fn captions_are_numbered_and_notes_and_sources_styled() {
    let md = "Table: Meetings held\n\n| a |\n|---|\n| 1 |\n\nTable: Fellowships\n\n| b |\n|---|\n| 2 |\n\nNote: provisional.\n\nSources: AFR/P1 (rpm/afr.md:3).\n\n**Source:** Director\n";
    let doc = document(md);
    let paras = paragraphs(&doc);
    assert_eq!(find(&paras, "Table 1 – Meetings held").style, "Caption");
    assert_eq!(find(&paras, "Table 2 – Fellowships").style, "Caption");
    assert!(doc.contains(r"> SEQ Table \* ARABIC <"));
    assert_eq!(find(&paras, "Note: provisional.").style, "Note");
    assert_eq!(
        find(&paras, "Sources: AFR/P1 (rpm/afr.md:3).").style,
        "Source"
    );
    assert_eq!(
        find(&paras, "Source: Director").style,
        "",
        "a bold start is not a source line"
    );
}

#[test]
fn a_reference_document_gives_its_styles_and_page_setup() {
    let house = render("House.");
    let house = String::from_utf8(house.clone()).ok();
    assert!(house.is_none(), "a zip, not text");
    // A house template: Letter paper, red headings, no Caption style.
    let mut styles = part(&render("x"), "word/styles.xml");
    styles = styles.replace(
        r#"<w:color w:val="1F4E79"/><w:sz w:val="32"/>"#,
        r#"<w:color w:val="C00000"/><w:sz w:val="32"/>"#,
    );
    let caption = styles
        .find(r#"<w:style w:type="paragraph" w:styleId="Caption">"#)
        .unwrap();
    let end = caption + styles[caption..].find("</w:style>").unwrap() + "</w:style>".len();
    styles.replace_range(caption..end, "");
    let document = r#"<w:document><w:body><w:p/><w:sectPr><w:pgSz w:w="12240" w:h="15840"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="720" w:footer="720" w:gutter="0"/></w:sectPr></w:body></w:document>"#;
    let file = package::zip(&[
        ("word/styles.xml", styles.as_bytes()),
        ("word/document.xml", document.as_bytes()),
    ])
    .unwrap();
    let reference = Reference::from_bytes(&file).unwrap();
    let docx = to_docx(
        "# Heading\n\nTable: t\n\n| a |\n|---|\n| 1 |\n",
        &info(),
        Some(&reference),
    )
    .unwrap();
    let merged = part(&docx, "word/styles.xml");
    assert!(
        merged.contains(r#"<w:color w:val="C00000"/><w:sz w:val="32"/>"#),
        "their heading"
    );
    assert!(
        merged.contains(r#"w:styleId="Caption""#),
        "our caption, which they lack"
    );
    assert_eq!(merged.matches(r#"w:styleId="Heading1""#).count(), 1);
    let doc = part(&docx, "word/document.xml");
    assert!(
        doc.contains(r#"<w:pgSz w:w="12240" w:h="15840"/><w:pgMar w:top="1440" w:right="1440""#)
    );
    assert!(doc.contains(&format!(r#"<w:tblW w:w="{}" w:type="dxa"/>"#, 12240 - 2880)));
    assert!(
        Reference::from_bytes(b"not a zip")
            .unwrap_err()
            .contains("not a Word")
    );
}

#[test]
fn every_part_is_well_formed_and_output_is_deterministic() {
    let md = "# A {#a}\n\n1. x\n   - y\n\n| a | b |\n|:-:|--:|\n| 1 | 2 |\n\n> q\n\n```\ncode <x>\n```\n\n[l](https://a.example) [m](mailto:c@example.org) {++n++}\n";
    let docx = render(md);
    let mut zip = zip::ZipArchive::new(Cursor::new(&docx)).unwrap();
    for i in 0..zip.len() {
        let mut file = zip.by_index(i).unwrap();
        let name = file.name().unwrap().to_string();
        let mut text = String::new();
        file.read_to_string(&mut text).unwrap();
        let mut reader = Reader::from_str(&text);
        loop {
            match reader.read_event() {
                Ok(XmlEvent::Eof) => break,
                Ok(_) => {}
                Err(e) => panic!("{name}: {e}"),
            }
        }
        assert!(
            file.last_modified().is_some_and(|t| t.year() == 1980),
            "{name}"
        );
    }
    for _ in 0..3 {
        assert_eq!(render(md), docx);
    }
    let _ = render("# Other\n\n1. a\n\n{--x--}");
    assert_eq!(
        render(md),
        docx,
        "independent of other documents written before"
    );
}

#[test]
fn empty_and_table_final_documents_end_with_a_paragraph() {
    assert!(document("").contains("<w:body><w:p/><w:sectPr>"));
    assert!(document("| a |\n|---|\n| b |\n").contains("</w:tbl><w:p/><w:sectPr>"));
}

#[test]
fn the_body_is_the_same_sent_after_every_event_or_held_whole() {
    // Captions keep their tables' paragraphs together, also across pieces.
    let unit = "## Part {#p}\n\nText with *emphasis*, ü and a [link](https://a.example).\n\nTable: Meetings held\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- item {++added++}\n\n---\n\n| c |\n|---|\n| 3 |\n";
    let md = format!("# Contents {{.toc}}\n\n{}", unit.repeat(40));
    let outline = outline::Outline::read(&md);
    let body = |piece: usize| {
        let mut sent = String::new();
        let mut sink = |xml: &str| {
            sent.push_str(xml);
            Ok(())
        };
        let env = state::Env::new(&outline, Geometry::A4, "2029-01-01T00:00:00Z", "en");
        let body = body::write(&md, env, &mut sink, piece).unwrap();
        (sent.len(), sent + &body.xml)
    };
    let (sent_whole, whole) = body(usize::MAX);
    let (sent_pieces, pieces) = body(1);
    assert_eq!(sent_whole, 0);
    assert!(sent_pieces > whole.len() / 2, "most of it was sent early");
    assert_eq!(pieces, whole);
    // Each unit: the caption and the paragraph before the table (2), and its two short
    // tables kept whole: the header row's cells kept with the next row (2 + 1).
    assert_eq!(whole.matches("<w:keepNext/>").count(), 200);
}

#[test]
fn a_tables_last_rows_stay_together_and_a_short_table_whole() {
    let rows: String = (1..=11).map(|n| format!("| {n} |\n")).collect();
    let doc = document(&format!("| n |\n|---|\n{rows}"));
    let kept: Vec<bool> = doc
        .split("<w:tr>")
        .skip(1)
        .map(|row| row.contains("<w:keepNext/>"))
        .collect();
    // Twelve rows: the last three are kept together (rows 10 and 11 kept with the next).
    let mut expected = [false; 12];
    expected[9] = true;
    expected[10] = true;
    assert_eq!(kept, expected);
    let short = document("| n |\n|---|\n| 1 |\n| 2 |\n");
    assert_eq!(
        short.matches("<w:keepNext/>").count(),
        2,
        "header and first row kept with the next"
    );
}

#[test]
fn a_header_may_wrap_so_that_a_date_does_not() {
    // Dates beside three number columns with two-word headers, in a narrow block.
    let cols = vec![
        vec!["Dates", "11–13 March 2025"],
        vec!["Member States", "24"],
        vec!["Sector Members", "17"],
        vec!["Participants", "204"],
    ];
    let widths = table::column_widths(&cols, 4200);
    let date = widths[0];
    assert!(widths[1..].iter().all(|w| *w < date), "{widths:?}");
    // Before, every header claimed its whole width and the date got what was left.
    assert_eq!(widths, [1314, 828, 914, 1144]);
}

#[test]
fn hyphens_inside_symbols_never_break() {
    let doc = document("| RPM | Report |\n|---|---|\n| RPM-AMS25 | well-known TDAG-25/12-E |\n");
    assert!(doc.contains(
        r#"<w:t xml:space="preserve">RPM</w:t><w:noBreakHyphen/><w:t xml:space="preserve">AMS25</w:t>"#
    ));
    assert!(doc.contains(r#"well-known TDAG</w:t><w:noBreakHyphen/>"#));
    assert!(doc.contains(r#"25/12</w:t><w:noBreakHyphen/><w:t xml:space="preserve">E</w:t>"#));
}
