//! Property: whatever Markdown a region writes, if the input is accepted, the Word files are
//! well-formed XML with only characters XML allows, and the HTML runs no script.

use proptest::prelude::*;
use rpmsynth::ingest::InputFiles;
use rpmsynth::pipeline::{Format, build};
use rpmsynth::render::Styles;
use rpmsynth::report::Templates;
use std::io::Read;
use std::path::Path;

/// Pieces of Markdown, HTML and awkward text that proposals are made of.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Zéàü0-9 ,.;:()'\"-]{0,40}",
        Just("\n\n".to_string()),
        Just("\n- ".to_string()),
        Just("\n1. ".to_string()),
        Just("\n> ".to_string()),
        Just("\n| a | b |\n|---|---|\n| c | d |\n".to_string()),
        Just("**".to_string()),
        Just("`".to_string()),
        Just("<script>alert(1)</script>".to_string()),
        Just("<img src=x onerror=alert(1)>".to_string()),
        Just("[x](javascript:alert(1))".to_string()),
        Just("{++added++}{--removed--}".to_string()),
        Just("Resolution 37 (Rev. Kigali, 2022)".to_string()),
        "[\\x00-\\x1f\\x7f\\u{fffe}\\u{ffff}\\u{202e}]{1,3}",
        Just("&amp; &#0; &#xFFFF; ]]> <![CDATA[".to_string()),
        Just("\n## Inner {#X}\n".to_string()),
        Just("\n```\ncode\n```\n".to_string()),
    ]
}

fn body() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 1..25).prop_map(|p| p.concat())
}

fn input_with(text: &str) -> InputFiles {
    let base = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad/base");
    let mut input = InputFiles::from_dir(&base).unwrap();
    let afr = String::from_utf8(input.files["rpm/afr.md"].clone()).unwrap();
    input.insert("rpm/afr.md", format!("{afr}\n{text}\n"));
    input
}

fn assert_docx_well_formed(bytes: &[u8]) {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    for i in 0..zip.len() {
        let mut part = zip.by_index(i).unwrap();
        let mut xml = String::new();
        if part.read_to_string(&mut xml).is_err() {
            continue; // not text (none today)
        }
        let mut reader = quick_xml::Reader::from_str(&xml);
        loop {
            match reader.read_event() {
                Ok(quick_xml::events::Event::Eof) => break,
                Ok(quick_xml::events::Event::Text(t)) => {
                    let bad = t.xml10_content().chars().find(|&c| {
                        (c < ' ' && !matches!(c, '\t' | '\n' | '\r'))
                            || matches!(c, '\u{FFFE}' | '\u{FFFF}')
                    });
                    assert!(bad.is_none(), "{bad:?} in {}", part.name().unwrap());
                }
                Ok(_) => {}
                Err(e) => panic!("{} is not well-formed: {e}", part.name().unwrap()),
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn accepted_input_renders_to_valid_docx_and_inert_html(text in body()) {
        let built = build(&input_with(&text), &Templates::defaults(), &Styles::default(), &Format::ALL, None);
        let Ok(built) = built else { return Ok(()); };
        let tag = regex::Regex::new(r"<[a-zA-Z][^>]*>").unwrap();
        for a in &built.artifacts {
            if a.file_name.ends_with(".docx") {
                assert_docx_well_formed(&a.bytes);
            }
            if a.file_name.ends_with(".html") {
                let html = String::from_utf8(a.bytes.clone()).unwrap().to_lowercase();
                for t in tag.find_iter(&html) {
                    let t = t.as_str();
                    prop_assert!(!t.starts_with("<script") && !t.contains("javascript:") && !t.contains(" onerror"), "{t}");
                }
            }
        }
    }
}
