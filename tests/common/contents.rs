//! The table of contents of a report rendered to PDF: each entry's page number as printed,
//! and the page its heading is on, found in the text of the pages after the contents.

use super::tools::run;
use regex::Regex;
use std::path::Path;

/// One entry of the contents: its text, the page it gives and the page its heading is on.
#[derive(Debug)]
pub struct Entry {
    pub text: String,
    pub shown: usize,
    pub found: Option<usize>,
}

/// The entries of the contents of `pdf`, in order.
pub fn entries(pdf: &Path) -> Vec<Entry> {
    // pdftotext ends every page with a form feed.
    // Right-to-left lines come with bidi embedding marks, and with the page number before the
    // dot leader: "1 مقدمة 5......".
    let text = run("pdftotext", &["-layout", pdf.to_str().unwrap(), "-"]).replace(
        ['\u{202a}', '\u{202b}', '\u{202c}', '\u{202d}', '\u{202e}'],
        "",
    );
    let pages: Vec<&str> = text.split('\u{c}').collect();
    let entry = Regex::new(r"^\s*(.+?)\.{4,}\s*(\d+)\s*$").unwrap();
    let rtl_entry = Regex::new(r"^\s*(.+?)\s(\d+)\.{4,}\s*$").unwrap();
    let mut listed = Vec::new();
    let mut last_contents_page = None;
    for (i, page) in pages.iter().enumerate() {
        for line in page.lines() {
            if let Some(c) = entry.captures(line).or_else(|| rtl_entry.captures(line)) {
                listed.push((c[1].trim().to_string(), c[2].parse().unwrap()));
                last_contents_page = Some(i);
            }
        }
    }
    let squeeze = |s: &str| s.split_whitespace().collect::<String>();
    let lines: Vec<Vec<String>> = pages
        .iter()
        .map(|p| p.lines().map(squeeze).collect())
        .collect();
    let mut from = last_contents_page.map_or(0, |p| p + 1);
    listed
        .into_iter()
        .map(|(text, shown)| {
            let wanted = squeeze(&text);
            // The heading's line, or its first line when it wraps onto a second.
            let found = (from..lines.len()).find(|&i| {
                let page = &lines[i];
                page.iter().enumerate().any(|(j, l)| {
                    !l.is_empty()
                        && (*l == wanted
                            || (l.chars().count() > 15
                                && wanted.starts_with(l.as_str())
                                && page
                                    .get(j + 1)
                                    .is_some_and(|next| format!("{l}{next}") == wanted)))
                })
            });
            if let Some(i) = found {
                from = i;
            }
            Entry {
                text,
                shown,
                found: found.map(|i| i + 1),
            }
        })
        .collect()
}

/// The entries whose page number is not the page of their heading, one a line.
pub fn mismatches(entries: &[Entry]) -> Vec<String> {
    entries
        .iter()
        .filter(|e| e.found != Some(e.shown))
        .map(|e| format!("{:?} shows {} but is on {:?}", e.text, e.shown, e.found))
        .collect()
}
