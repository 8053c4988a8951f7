//! Small Markdown transformations used when input text is placed inside a report.

use crate::render::markdown_options;
use pulldown_cmark::{Event, Parser, Tag, TagEnd};

/// Shifts headings so the shallowest becomes `top` (capped at 6) and drops their attribute
/// blocks, so an embedded text neither breaks the report's outline nor repeats its anchors.
pub fn demote(markdown: &str, top: usize) -> String {
    let headings: Vec<(usize, std::ops::Range<usize>)> =
        Parser::new_ext(markdown, markdown_options())
            .into_offset_iter()
            .filter_map(|(e, r)| match e {
                Event::Start(Tag::Heading { level, .. }) => Some((level as usize, r)),
                _ => None,
            })
            .collect();
    let Some(shallowest) = headings.iter().map(|(l, _)| *l).min() else {
        return markdown.to_string();
    };
    let mut out = String::with_capacity(markdown.len() + headings.len() * 4);
    let mut last = 0;
    for (level, range) in headings {
        let new_level = (level + top).saturating_sub(shallowest).clamp(1, 6);
        let line = markdown[range.clone()].lines().next().unwrap_or("");
        let text = strip_attributes(line.trim_start().trim_start_matches('#').trim());
        out.push_str(&markdown[last..range.start]);
        out.push_str(&"#".repeat(new_level));
        out.push(' ');
        out.push_str(text);
        out.push('\n');
        last = range.end;
    }
    out.push_str(&markdown[last..]);
    out
}

/// "Title {#id key=value}" → "Title".
fn strip_attributes(heading: &str) -> &str {
    match heading.rfind('{') {
        Some(i) if heading.ends_with('}') => heading[..i].trim_end(),
        _ => heading.trim_end_matches('#').trim_end(),
    }
}

/// Text made safe for one GFM table cell: one line, pipes escaped.
pub fn cell(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace('|', "\\|")
}

/// An anchor id from any text: lower-case letters and digits joined by `-`.
pub fn slug(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// The first `max_words` words of a Markdown text as plain text, with "…" when cut.
pub fn summary(markdown: &str, max_words: usize) -> String {
    let mut words = Vec::new();
    for event in Parser::new_ext(markdown, markdown_options()) {
        match event {
            Event::Text(t) | Event::Code(t) => {
                words.extend(t.split_whitespace().map(str::to_string))
            }
            Event::End(TagEnd::Paragraph | TagEnd::Item) if words.len() >= max_words => break,
            _ => {}
        }
        if words.len() > max_words {
            break;
        }
    }
    let cut = words.len() > max_words;
    words.truncate(max_words);
    let mut text = words.join(" ");
    if cut {
        text.push_str(" …");
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demotes_headings_and_drops_attribute_blocks() {
        let md = "# Proposals\n\nText\n\n## Divide {#AFR-P1 action=MOD}\n\nBody\n";
        assert_eq!(
            demote(md, 3),
            "### Proposals\n\nText\n\n#### Divide\n\nBody\n"
        );
        assert_eq!(demote("no headings", 3), "no headings");
        assert_eq!(demote("### Deep\n", 6), "###### Deep\n");
    }

    #[test]
    fn cells_are_single_line_with_escaped_pipes() {
        assert_eq!(cell("a |\n b"), "a \\| b");
    }

    #[test]
    fn slugs_and_summaries() {
        assert_eq!(
            slug("digital-divide/res-37/MOD"),
            "digital-divide-res-37-mod"
        );
        assert_eq!(summary("One *two*\n\n- three four", 3), "One two three …");
        assert_eq!(summary("One two", 3), "One two");
    }
}
