//! Reports in Arabic (right to left) and Chinese (East Asian fonts and line breaking), as
//! the HTML and Word writers write them, from the report Markdown of `tests/data/render/`.
//!
//! `RPMSYNTH_RENDER_DIR=DIR cargo test --release --test scripts` also leaves the pages
//! (ar.html, ar.docx, zh.html, zh.docx) in DIR to be looked at.

mod common;

use common::contents;
use common::harness::{OPENXML_AUDIT, POPPLER, SOFFICE};
use common::tools::{available, pdf, pdf_kept, run};
use rpmsynth::model::DocumentInfo;
use rpmsynth::render::{docx::to_docx, html::to_html};
use std::io::{Cursor, Read};
use std::path::Path;

/// The fixture report in `language` and its document information.
fn report(language: &str) -> (String, DocumentInfo) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/render")
        .join(format!("{language}.md"));
    let markdown = std::fs::read_to_string(&path).unwrap();
    let (title, symbol) = match language {
        "ar" => (
            "تقرير تجميعي عن نتائج الاجتماعات التحضيرية الإقليمية للمؤتمر WTDC-29",
            "TDAG-29/9-A",
        ),
        "zh" => ("关于WTDC-29区域性筹备会议成果的综合报告", "TDAG-29/9-C"),
        _ => ("Synthesis report", "TDAG-29/9-E"),
    };
    let info = DocumentInfo {
        title: title.into(),
        subject: "WTDC-29".into(),
        symbol: symbol.into(),
        date: "17 July 2029".into(),
        iso_date: "2029-07-17".into(),
        language: language.into(),
    };
    (markdown, info)
}

/// The report in `language` as HTML, also written to `RPMSYNTH_RENDER_DIR` when set.
fn html(language: &str) -> String {
    let (markdown, info) = report(language);
    let page = to_html(&markdown, &info, rpmsynth::render::html::DEFAULT_CSS);
    keep(&format!("{language}.html"), page.as_bytes());
    page
}

/// The report in `language` as a Word file, also written to `RPMSYNTH_RENDER_DIR` when set.
fn docx(language: &str) -> Vec<u8> {
    let (markdown, info) = report(language);
    let bytes = to_docx(&markdown, &info, None).unwrap();
    keep(&format!("{language}.docx"), &bytes);
    bytes
}

fn keep(name: &str, bytes: &[u8]) {
    if let Ok(dir) = std::env::var("RPMSYNTH_RENDER_DIR") {
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(Path::new(&dir).join(name), bytes).unwrap();
    }
}

fn part(docx: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(Cursor::new(docx)).unwrap();
    let mut text = String::new();
    zip.by_name(name)
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    text
}

/// The `w:p` elements of `xml` whose text contains `text`.
fn paragraphs_with<'a>(xml: &'a str, text: &str) -> Vec<&'a str> {
    xml.split("<w:p>")
        .skip(1)
        .map(|p| p.split("</w:p>").next().unwrap())
        .filter(|p| p.contains(text))
        .collect()
}

#[test]
fn arabic_html_is_right_to_left_and_its_stylesheet_mirrors() {
    let page = html("ar");
    assert!(
        page.contains(r#"<html lang="ar" dir="rtl">"#),
        "{}",
        &page[..200]
    );
    let css = rpmsynth::render::html::DEFAULT_CSS;
    for logical in [
        "border-inline-start",
        "margin-inline-start",
        "text-align: start",
        "\"Noto Naskh Arabic\"",
    ] {
        assert!(css.contains(logical), "{logical}");
    }
    assert!(css.contains(r#"[dir="rtl"] td[style*="right"]"#));
    for physical in ["border-left", "margin-left", "padding-left"] {
        assert!(!css.contains(physical), "{physical}");
    }
    assert!(page.contains("<th>المنطقة</th>"));
    assert!(page.contains("المنطقتان AFR, ARB معاً"));
    let english = to_html("# A\n", &DocumentInfo::default(), "");
    assert!(english.contains("<html lang=\"en\">"), "{english}");
}

#[test]
fn chinese_html_has_its_language_and_a_cjk_font() {
    let page = html("zh");
    assert!(page.contains(r#"<html lang="zh">"#));
    assert!(!page.contains("<html lang=\"zh\" dir"));
    let css = rpmsynth::render::html::DEFAULT_CSS;
    assert!(css.contains(r#":lang(zh) body, body:lang(zh) { font-family: "Noto Sans CJK SC""#));
    assert!(page.contains("<td>王先生（中国）</td>"));
}

#[test]
fn arabic_word_paragraphs_runs_and_tables_are_right_to_left() {
    let bytes = docx("ar");
    let document = part(&bytes, "word/document.xml");
    // Every paragraph of the body is right to left: headings, list items, captions, cells.
    let paragraphs = paragraphs_with(&document, "");
    assert!(paragraphs.len() > 40);
    for p in &paragraphs {
        assert!(p.contains("<w:bidi/>"), "{p}");
    }
    let with_text = paragraphs_with(&document, "الاجتماعات التحضيرية الإقليمية المعقودة");
    let (entry, heading) = (with_text[0], with_text[1]);
    assert!(
        entry.contains(r#"<w:pStyle w:val="TOC1"/><w:bidi/>"#),
        "{entry}"
    );
    assert!(entry.contains(r#"<w:rPr><w:rtl/></w:rPr><w:t xml:space="preserve">2 الاجتماعات"#));
    assert!(
        heading.contains(r#"<w:pStyle w:val="Heading1"/>"#),
        "{heading}"
    );
    let item = paragraphs_with(&document, "التوصيلية الميسورة")[0];
    assert!(
        item.contains("<w:numPr>") && item.contains("<w:bidi/>"),
        "{item}"
    );
    // Arabic runs are marked right to left; a Latin symbol inside them is a run of its own,
    // its hyphens held by word joiners (a no-break hyphen overlaps in LibreOffice's RTL lines).
    let body = paragraphs_with(&document, "المنطقتان")[0];
    assert!(
        body.contains(r#"<w:r><w:rPr><w:rtl/></w:rPr><w:t xml:space="preserve"> معاً؛ انظر الوثيقة </w:t></w:r>"#),
        "{body}"
    );
    assert!(
        body.contains(r#"<w:r><w:t xml:space="preserve">AFR, ARB</w:t></w:r>"#),
        "{body}"
    );
    assert!(
        body.contains("<w:r><w:t xml:space=\"preserve\">TDAG-\u{2060}25/12-\u{2060}A</w:t></w:r>"),
        "{body}"
    );
    // Tables: first column on the right.
    assert_eq!(
        document.matches("<w:bidiVisual/>").count(),
        document.matches("<w:tbl>").count()
    );
    assert!(document.matches("<w:tbl>").count() == 2);
    // Tracked changes keep their direction.
    assert!(
        document
            .contains(r#"<w:rPr><w:rtl/></w:rPr><w:t xml:space="preserve">اعتمدها المؤتمر </w:t>"#)
    );
    let styles = part(&bytes, "word/styles.xml");
    assert!(styles.contains(r#"w:cs="Noto Naskh Arabic""#), "{styles}");
    assert!(styles.contains(r#"<w:lang w:val="en-GB" w:bidi="ar-SA"/>"#));
    assert!(styles.contains(r#"<w:pPrDefault><w:pPr><w:bidi/>"#));
    assert!(styles.contains(r#"w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:bidi/><w:spacing"#));
    assert!(!styles.contains("<w:iCs/>") && !styles.contains("<w:i/>"));
    for header in ["word/header1.xml", "word/footer1.xml"] {
        assert!(part(&bytes, header).contains("<w:bidi/>"), "{header}");
    }
    assert!(part(&bytes, "word/footer1.xml").contains("<w:rtl/>"));
    assert!(
        part(&bytes, "word/fontTable.xml")
            .contains(r#"<w:font w:name="Noto Naskh Arabic"><w:charset w:val="B2"/>"#)
    );
    assert!(
        part(&bytes, "word/settings.xml")
            .contains(r#"<w:themeFontLang w:val="en-GB" w:bidi="ar-SA"/>"#)
    );
}

#[test]
fn chinese_word_text_has_the_east_asian_font_and_language() {
    let bytes = docx("zh");
    let styles = part(&bytes, "word/styles.xml");
    assert!(
        styles.contains(r#"<w:rFonts w:ascii="Calibri" w:eastAsia="Noto Sans CJK SC" w:hAnsi="Calibri" w:cs="Calibri"/>"#),
        "{styles}"
    );
    assert!(styles.contains(r#"<w:lang w:val="en-GB" w:eastAsia="zh-CN"/>"#));
    // Chinese is never slanted: no italic style (quotations, notes, the fourth heading).
    assert!(!styles.contains("<w:i/>"));
    let document = part(&bytes, "word/document.xml");
    assert!(!document.contains("<w:bidi/>") && !document.contains("<w:rtl/>"));
    assert!(!document.contains("<w:bidiVisual/>"));
    assert!(
        part(&bytes, "word/fontTable.xml")
            .contains(r#"<w:font w:name="Noto Sans CJK SC"><w:charset w:val="86"/>"#)
    );
}

#[test]
fn english_word_output_has_no_right_to_left_or_script_fonts() {
    let info = DocumentInfo {
        title: "Synthesis report".into(),
        symbol: "TDAG-29/9-E".into(),
        language: "en".into(),
        ..DocumentInfo::default()
    };
    let bytes = to_docx(
        "# Heading\n\nText TDAG-29/9.\n\n| a |\n|---|\n| 1 |\n",
        &info,
        None,
    )
    .unwrap();
    let styles = part(&bytes, "word/styles.xml");
    assert!(styles.contains(
        r#"<w:rFonts w:ascii="Calibri" w:eastAsia="Calibri" w:hAnsi="Calibri" w:cs="Calibri"/>"#
    ));
    assert!(styles.contains(r#"<w:lang w:val="en"/>"#));
    for part_name in ["word/styles.xml", "word/document.xml", "word/header1.xml"] {
        let xml = part(&bytes, part_name);
        for tag in ["<w:bidi/>", "<w:rtl/>", "<w:bidiVisual/>"] {
            assert!(!xml.contains(tag), "{part_name}: {tag}");
        }
    }
}

#[test]
fn the_schema_validator_finds_no_error_in_the_arabic_and_chinese_reports() {
    if !available(&OPENXML_AUDIT) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    for language in ["ar", "zh"] {
        let file = dir.path().join(format!("{language}.docx"));
        std::fs::write(&file, docx(language)).unwrap();
        let report = run("openxml-audit", &["-m", "0", file.to_str().unwrap()]);
        assert!(report.contains("Errors: 0"), "{language}:\n{report}");
    }
}

#[test]
fn libreoffice_lays_out_the_arabic_and_chinese_reports() {
    if !available(&SOFFICE) || !available(&POPPLER) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    for (language, words) in [
        ("ar", &["TDAG-29/9-A", "RPM-ARB29"][..]),
        ("zh", &["综合报告", "区域性筹备会议", "王先生（中国）"][..]),
    ] {
        let file = dir.path().join(format!("{language}.docx"));
        std::fs::write(&file, docx(language)).unwrap();
        let (pages, text) = pdf(&file);
        assert!((3..=6).contains(&pages), "{language}: {pages} pages");
        for word in words {
            assert!(text.contains(word), "{language}: {word} not in\n{text}");
        }
    }
}

/// The fixture report in `language` with its body (from its first numbered heading) repeated
/// `times` times under new heading ids: a report of many pages.
fn long_report(language: &str, times: usize) -> (String, DocumentInfo) {
    let (markdown, info) = report(language);
    let at = markdown.find("# 1 ").unwrap();
    let (front, body) = markdown.split_at(at);
    let mut out = front.replace("](#", "](#r0-");
    for n in 0..times {
        let part = body
            .replace("{#", &format!("{{#r{n}-"))
            .replace("](#", &format!("](#r{n}-"))
            .replace("# 1 ", &format!("# {} ", n + 1));
        out.push_str(&part);
        out.push_str("\n\n");
    }
    (out, info)
}

#[test]
fn the_contents_of_long_arabic_and_chinese_reports_show_the_pages_libreoffice_renders() {
    if !available(&SOFFICE) || !available(&POPPLER) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    for (language, least) in [("ar", 40), ("zh", 40)] {
        // Eight times the report's body, flowing from page to page (no landscape section).
        let (markdown, info) = long_report(language, 8);
        let markdown = markdown.replace(" .landscape", "");
        let bytes = to_docx(&markdown, &info, None).unwrap();
        keep(&format!("{language}-long.docx"), &bytes);
        let file = dir.path().join(format!("{language}-long.docx"));
        std::fs::write(&file, bytes).unwrap();
        let (_, _, pdf) = pdf_kept(&file, &[], dir.path());
        let entries = contents::entries(&pdf);
        assert!(entries.len() >= least, "{language}: {entries:?}");
        assert!(
            entries.iter().any(|e| e.shown > 10),
            "{language}: {entries:?}"
        );
        let wrong = contents::mismatches(&entries);
        assert!(wrong.is_empty(), "{language}:\n{}", wrong.join("\n"));
    }
}
