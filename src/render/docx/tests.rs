//! Round-trip tests: render Markdown, unzip the .docx, parse the parts back.

use std::io::{Cursor, Read};

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event as XmlEvent};

use super::*;

fn info() -> DocumentInfo {
    DocumentInfo {
        title: "Synthesis report".into(),
        symbol: "TDAG-25/12-E".into(),
        date: "22 July 2025".into(),
        iso_date: "2025-07-22".into(),
        language: "en".into(),
    }
}

fn render(md: &str) -> Vec<u8> {
    to_docx(md, &info()).expect("docx renders")
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
            XmlEvent::Start(e) | XmlEvent::Empty(e) => match e.name().as_ref() {
                "w:tr" => in_row_header = false,
                "w:tblHeader" => in_row_header = true,
                "w:tc" => {
                    in_tc = true;
                    fill = None;
                }
                "w:shd" if in_tc && para.is_none() => fill = attr(&e, "w:fill"),
                "w:p" => {
                    let cell = in_tc.then(|| (in_row_header, fill.clone()));
                    para = Some(Para {
                        cell,
                        ..Para::default()
                    });
                    (any_run, all_bold) = (false, true);
                }
                "w:pStyle" => para.as_mut().unwrap().style = attr(&e, "w:val").unwrap(),
                "w:numId" => para.as_mut().unwrap().num_id = attr(&e, "w:val"),
                "w:ilvl" => para.as_mut().unwrap().ilvl = attr(&e, "w:val"),
                "w:r" => run_bold = false,
                "w:b" => run_bold = true,
                "w:br" if attr(&e, "w:type").as_deref() == Some("page") => {
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
fn heading_gets_heading1_style_and_text() {
    let doc = part(
        &render("# Bridging the digital divide {#p-afr-p1}\n\nBody."),
        "word/document.xml",
    );
    let paras = paragraphs(&doc);
    assert_eq!(
        find(&paras, "Bridging the digital divide").style,
        "Heading1"
    );
    assert_eq!(find(&paras, "Body.").style, "");
    assert!(
        doc.contains(r#"w:name="p_afr_p1""#),
        "heading id becomes a bookmark"
    );
    let paras = paragraphs(&part(
        &render("## Two\n\n### Three\n\n#### Four"),
        "word/document.xml",
    ));
    assert_eq!(find(&paras, "Two").style, "Heading2");
    assert_eq!(find(&paras, "Three").style, "Heading3");
    assert_eq!(find(&paras, "Four").style, "Heading4");
}

#[test]
fn title_and_subtitle_classes_get_their_styles() {
    let md = "# Synthesis report {.title}\n\n## TDAG-25 {.subtitle}\n\n# Introduction";
    let paras = paragraphs(&part(&render(md), "word/document.xml"));
    assert_eq!(find(&paras, "Synthesis report").style, "Title");
    assert_eq!(find(&paras, "TDAG-25").style, "Subtitle");
    assert_eq!(find(&paras, "Introduction").style, "Heading1");
}

#[test]
fn styles_are_real_with_outline_levels() {
    let styles = part(&render("x"), "word/styles.xml");
    for id in [
        "Normal",
        "Title",
        "Subtitle",
        "ListParagraph",
        "Quote",
        "TableText",
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
        assert!(styles[at..end].contains(&format!(r#"<w:outlineLvl w:val="{}" />"#, level - 1)));
    }
    assert!(styles.contains(r#"w:ascii="Calibri""#) && styles.contains(r#"<w:sz w:val="22" />"#));
}

#[test]
fn table_header_is_bold_and_shaded_and_body_cells_have_text() {
    let md = "| RPM | Dates | Chair |\n|---|---|---|\n\
              | RPM-AFR | 3–5 June 2025 | Mr J. Kamau (Kenya) |\n\
              | RPM-AMS | 17–19 June 2025 | Ms M. Benítez (Paraguay) |\n";
    let doc = part(&render(md), "word/document.xml");
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
    assert!(
        doc.contains(r#"<w:tblPr><w:tblStyle w:val="ReportTable" />"#),
        "{doc}"
    );
    assert!(doc.contains(r#"<w:tblLayout w:type="fixed" />"#));
    // Three rows, none breaks across pages; only the first repeats as the header.
    assert_eq!(doc.matches("<w:cantSplit />").count(), 3);
    assert_eq!(doc.matches("<w:tblHeader />").count(), 1);
    assert!(
        !doc.contains("<w:keepNext />"),
        "no paragraph before the table"
    );
    let introduced = part(
        &render(&format!("Participation:\n\n{md}")),
        "word/document.xml",
    );
    assert_eq!(introduced.matches("<w:keepNext />").count(), 1);
    let two_tables = part(&render(&format!("{md}\ntext\n\n{md}")), "word/document.xml");
    assert_eq!(two_tables.matches("<w:tblHeader />").count(), 2);
    let grid: usize = doc
        .split(r#"<w:gridCol w:w=""#)
        .skip(1)
        .map(|s| s.split('"').next().unwrap().parse::<usize>().unwrap())
        .sum();
    assert_eq!(grid, styles::TEXT_WIDTH);
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
    let widths = table::column_widths(&cols, styles::TEXT_WIDTH);
    assert_eq!(widths.iter().sum::<usize>(), styles::TEXT_WIDTH);
    assert!(widths.iter().all(|&w| w >= 600), "{widths:?}");
    assert!(widths[3] > widths[5], "{widths:?}");
    let two = table::column_widths(&[vec!["a"], vec!["a much longer text here"]], 9638);
    assert_eq!(two.iter().sum::<usize>(), 9638);
    assert!(two[1] > 2 * two[0], "{two:?}");
}

#[test]
fn separate_ordered_lists_get_different_num_ids_and_restart() {
    let md = "1. one\n2. two\n\nBetween.\n\n1. again\n2. more\n";
    let docx = render(md);
    let paras = paragraphs(&part(&docx, "word/document.xml"));
    let (a, b) = (find(&paras, "one"), find(&paras, "again"));
    assert!(a.num_id.is_some() && b.num_id.is_some());
    assert_ne!(a.num_id, b.num_id);
    assert_eq!(find(&paras, "two").num_id, a.num_id);
    assert_eq!(a.style, "ListParagraph");
    let numbering = part(&docx, "word/numbering.xml");
    for id in [a.num_id.as_ref().unwrap(), b.num_id.as_ref().unwrap()] {
        let at = numbering
            .find(&format!(r#"<w:num w:numId="{id}">"#))
            .expect("num");
        let num = &numbering[at..at + numbering[at..].find("</w:num>").unwrap()];
        assert!(num.contains(r#"<w:abstractNumId w:val="3" />"#), "{num}");
        assert!(num.contains(r#"<w:startOverride w:val="1" />"#), "{num}");
    }
}

#[test]
fn nested_and_mixed_lists_use_levels() {
    let md = "- top\n  1. first\n     - deep\n  2. second\n- next\n\n3. three\n4. four\n";
    let docx = render(md);
    let paras = paragraphs(&part(&docx, "word/document.xml"));
    assert_eq!(find(&paras, "top").ilvl.as_deref(), Some("0"));
    assert_eq!(find(&paras, "first").ilvl.as_deref(), Some("1"));
    assert_eq!(find(&paras, "deep").ilvl.as_deref(), Some("2"));
    assert_eq!(find(&paras, "second").num_id, find(&paras, "first").num_id);
    assert_eq!(find(&paras, "next").num_id, find(&paras, "top").num_id);
    assert_ne!(find(&paras, "first").num_id, find(&paras, "top").num_id);
    let numbering = part(&docx, "word/numbering.xml");
    assert!(
        numbering.contains(r#"<w:startOverride w:val="3" />"#),
        "list starting at 3"
    );
    assert!(numbering.contains(r#"<w:numFmt w:val="bullet" />"#));
}

#[test]
fn loose_list_items_keep_one_number_per_item() {
    let md = "1. First item.\n\n   More about it.\n\n2. Second item.\n";
    let paras = paragraphs(&part(&render(md), "word/document.xml"));
    assert!(find(&paras, "First item.").num_id.is_some());
    assert!(find(&paras, "More about it.").num_id.is_none());
    assert_eq!(find(&paras, "More about it.").style, "ListParagraph");
    assert!(find(&paras, "Second item.").num_id.is_some());
}

#[test]
fn raw_html_is_literal_text() {
    let md = "Before <script>alert(1)</script> after.\n\n<div class=\"x\">block</div>\n";
    let doc = part(&render(md), "word/document.xml");
    assert!(!doc.contains("<script") && !doc.contains("<div"));
    assert!(doc.contains("&lt;script&gt;"));
    let paras = paragraphs(&doc);
    find(&paras, "Before <script>alert(1)</script> after.");
    find(&paras, "<div class=\"x\">block</div>");
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
    let paras = paragraphs(&part(
        &render("Cover.\n\n---\n\n# Next"),
        "word/document.xml",
    ));
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
    assert!(doc.contains(r#"<w:b /><w:bCs /></w:rPr><w:t xml:space="preserve">b</w:t>"#));
    assert!(doc.contains(r#"<w:i /><w:iCs /></w:rPr><w:t xml:space="preserve">i</w:t>"#));
    assert!(doc.contains(r#"<w:strike /></w:rPr><w:t xml:space="preserve">s</w:t>"#));
    assert!(doc.contains(r#"<w:rStyle w:val="VerbatimChar" />"#));
    assert!(doc.contains(r#"<w:hyperlink r:id="rIdHyperlink1""#));
    assert!(doc.contains(r#"<w:hyperlink w:anchor="p_afr_p1""#));
    assert!(!doc.contains("nowhere"));
    let rels = part(&docx, "word/_rels/document.xml.rels");
    assert!(rels.contains(
        r#"Id="rIdHyperlink1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://www.itu.int/?a=1&amp;b=2" TargetMode="External""#
    ), "{rels}");
    let paras = paragraphs(&doc);
    assert_eq!(find(&paras, "quoted text").style, "Quote");
    find(&paras, "b i s c ext int missing");
}

#[test]
fn page_setup_header_and_properties() {
    let docx = render("Text.");
    let doc = part(&docx, "word/document.xml");
    assert!(doc.contains(r#"<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader1" /><w:pgSz w:w="11906" w:h="16838" /><w:pgMar w:top="1418" w:right="1134" w:bottom="1418" w:left="1134""#), "{doc}");
    let header = part(&docx, "word/header1.xml");
    assert!(header.contains("TDAG-25/12-E") && header.contains("<w:instrText>PAGE</w:instrText>"));
    let core = part(&docx, "docProps/core.xml");
    assert!(core.contains("<dc:title>Synthesis report</dc:title>"));
    assert!(core.contains("2025-07-22T00:00:00Z"));
}

#[test]
fn every_part_is_well_formed_and_properties_are_in_schema_order() {
    let md = "# A {#a}\n\n1. x\n   - y\n\n| a | b |\n|:-:|--:|\n| 1 | 2 |\n\n> q\n\n```\ncode <x>\n```\n";
    let docx = render(md);
    let mut zip = zip::ZipArchive::new(Cursor::new(&docx)).unwrap();
    for i in 0..zip.len() {
        let mut file = zip.by_index(i).unwrap();
        let name = file.name().unwrap().to_string();
        if !name.ends_with(".xml") && !name.ends_with(".rels") {
            continue;
        }
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
    }
    let doc = part(&docx, "word/document.xml");
    assert!(doc.contains("<w:numPr><w:ilvl"), "ilvl precedes numId");
    assert!(!doc.contains("<w:pPr><w:rPr />\n<w:pStyle"));
    let styles = part(&docx, "word/styles.xml");
    assert!(!styles.contains("<w:qFormat /><w:basedOn"));
    assert!(styles.contains(r#"<w:lang w:val="en" />"#));
}

#[test]
fn output_is_deterministic_within_a_process() {
    let md = "# T {#t}\n\n[a](https://a.example) [b](https://b.example) [c](mailto:c@example.org) \
              [t](#t)\n\n| x | y |\n|---|---|\n| 1 | 2 |\n\n- l\n";
    let first = render(md);
    for _ in 0..3 {
        assert_eq!(render(md), first);
    }
    // Independent of other work done on the same thread in between.
    let _ = render("# Other\n\n1. a\n");
    assert_eq!(render(md), first);
}

#[test]
fn empty_and_table_final_documents_are_valid() {
    let doc = part(&render(""), "word/document.xml");
    assert!(doc.contains("<w:body><w:p "), "{doc}");
    let doc = part(&render("| a |\n|---|\n| b |\n"), "word/document.xml");
    assert!(
        doc.contains("</w:tbl><w:p "),
        "a paragraph follows the final table"
    );
}

#[test]
fn lists_inside_quotes_move_right_with_the_quote() {
    let md = "> Proposal:\n>\n> 1. first point\n> 2. second point\n";
    let doc = part(&render(md), "word/document.xml");
    let paras = paragraphs(&doc);
    assert_eq!(find(&paras, "Proposal:").style, "Quote");
    assert!(find(&paras, "first point").num_id.is_some());
    assert!(
        doc.contains(r#"<w:ind w:left="1287" w:right="0" w:hanging="360" />"#),
        "{doc}"
    );
}
