//! Small Markdown transformations used when input text is placed inside a report.

use crate::model::{dialect, markdown_options};
use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// Where rewritten Markdown goes: a string, or a report's output as it is rendered.
pub trait Sink {
    /// Appends `text`.
    fn push(&mut self, text: &str);
}

impl Sink for String {
    fn push(&mut self, text: &str) {
        self.push_str(text);
    }
}

/// Shifts headings so the shallowest becomes `top` (capped at 6) and drops their attribute
/// blocks, so an embedded text neither breaks the report's outline nor repeats its anchors.
pub fn demote(markdown: &str, top: usize) -> String {
    let mut out = String::with_capacity(markdown.len());
    apply(
        markdown,
        &edits(markdown, top, |_| (None, None), None),
        &mut out,
    );
    out
}

/// A heading of a text being rewritten: its old id and its plain text.
pub struct Heading<'a> {
    pub id: Option<&'a str>,
    pub text: &'a str,
}

/// Like [`demote`], but each heading's text and id are `rewrite(heading)`'s when it gives
/// them (`None`: the text as written, no id); written into `out`.
pub fn rewrite_headings_into(
    markdown: &str,
    top: usize,
    rewrite: impl Fn(&Heading) -> (Option<String>, Option<String>),
    out: &mut dyn Sink,
) {
    apply(markdown, &edits(markdown, top, rewrite, None), out);
}

/// Like [`demote`], but a heading that had an id keeps one: `rename(id)`, so links into the
/// embedded text (provenance, cross-references) still land; written into `out`.
pub fn demote_keeping_ids_into(
    markdown: &str,
    top: usize,
    rename: impl Fn(&str) -> String,
    out: &mut dyn Sink,
) {
    apply(
        markdown,
        &edits(markdown, top, |h| (None, h.id.map(&rename)), None),
        out,
    );
}

/// Embeds a whole report under `top` into `out`: headings demoted, every heading id and
/// in-page link target prefixed with `prefix`, so the embedded anchors cannot clash with the
/// host's.
pub fn embed_into(markdown: &str, top: usize, prefix: &str, out: &mut dyn Sink) {
    let edits = edits(
        markdown,
        top,
        |h| (None, h.id.map(|id| format!("{prefix}{id}"))),
        Some(prefix),
    );
    apply(markdown, &edits, out);
}

/// [`embed_into`] done within the text's own buffer (a report can be hundreds of megabytes).
pub fn embed(mut markdown: String, top: usize, prefix: &str) -> String {
    let edits = edits(
        &markdown,
        top,
        |h| (None, h.id.map(|id| format!("{prefix}{id}"))),
        Some(prefix),
    );
    // Every piece moves right by at most `room`: with the text moved `room` bytes right
    // first, each piece is written at or before where it is read from.
    let mut shift: isize = 0;
    let mut room = 0;
    for (range, new) in &edits {
        shift += new.len() as isize - range.len() as isize;
        room = room.max(shift.max(0) as usize);
    }
    let len = markdown.len();
    let mut bytes = std::mem::take(&mut markdown).into_bytes();
    bytes.resize(len + room, 0);
    bytes.copy_within(0..len, room);
    let (mut written, mut last) = (0, 0);
    for (range, new) in &edits {
        bytes.copy_within(room + last..room + range.start, written);
        written += range.start - last;
        bytes[written..written + new.len()].copy_from_slice(new.as_bytes());
        written += new.len();
        last = range.end;
    }
    bytes.copy_within(room + last..room + len, written);
    bytes.truncate(written + len - last);
    String::from_utf8(bytes).expect("edits at character boundaries keep the text UTF-8")
}

/// Writes `markdown` with `edits` (in order, apart) made into `out`.
fn apply(markdown: &str, edits: &[(Range<usize>, String)], out: &mut dyn Sink) {
    let mut last = 0;
    for (range, new) in edits {
        out.push(&markdown[last..range.start]);
        out.push(new);
        last = range.end;
    }
    out.push(&markdown[last..]);
}

/// The edits that demote the headings of `markdown` (see [`demote`]), giving each the text
/// and id `rewrite(heading)` gives, and, with a `relink` prefix, that prefix every in-page
/// link target with it; in order, apart.
fn edits(
    markdown: &str,
    top: usize,
    rewrite: impl Fn(&Heading) -> (Option<String>, Option<String>),
    relink: Option<&str>,
) -> Vec<(Range<usize>, String)> {
    static LINK: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\]\(#([^)\s]+)\)").expect("valid"));
    let links = |text: &str, at: usize, edits: &mut Vec<(Range<usize>, String)>| {
        if let Some(prefix) = relink {
            for link in LINK.captures_iter(text) {
                let whole = link.get(0).expect("match");
                let new = format!("](#{prefix}{})", &link[1]);
                edits.push((at + whole.start()..at + whole.end(), new));
            }
        }
    };
    // Level, range, new text and new id of each heading, and whether it is landscape.
    type Rewritten = (usize, Range<usize>, Option<String>, Option<String>, bool);
    let mut headings: Vec<Rewritten> = Vec::new();
    let mut open = None;
    for (event, range) in dialect::parse(markdown) {
        match event {
            Event::Start(Tag::Heading {
                level, id, classes, ..
            }) => {
                let landscape = classes.iter().any(|c| c.as_ref() == "landscape");
                open = Some((level as usize, id, range, String::new(), landscape));
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some((.., text, _)) = open.as_mut() {
                    text.push_str(&t);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some((.., text, _)) = open.as_mut() {
                    text.push(' ');
                }
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((level, id, range, text, landscape)) = open.take() {
                    let (new_text, new_id) = rewrite(&Heading {
                        id: id.as_deref(),
                        text: &text,
                    });
                    headings.push((level, range, new_text, new_id, landscape));
                }
            }
            _ => {}
        }
    }
    let mut edits = Vec::new();
    let Some(shallowest) = headings.iter().map(|(l, ..)| *l).min() else {
        links(markdown, 0, &mut edits);
        return edits;
    };
    let mut last = 0;
    for (level, range, new_text, new_id, landscape) in headings {
        let new_level = (level + top).saturating_sub(shallowest).clamp(1, 6);
        let line = markdown[range.clone()].lines().next().unwrap_or("");
        let text = match &new_text {
            Some(text) => text.as_str(),
            None => strip_attributes(line.trim_start().trim_start_matches('#').trim()),
        };
        links(&markdown[last..range.start], last, &mut edits);
        let mut new = "#".repeat(new_level);
        new.push(' ');
        let mut relinked = String::new();
        let at = edits.len();
        links(text, 0, &mut edits);
        apply(text, &edits[at..], &mut relinked);
        edits.truncate(at);
        new.push_str(&relinked);
        // A landscape part stays landscape wherever it is embedded.
        match (new_id, landscape) {
            (Some(new_id), true) => new.push_str(&format!(" {{#{new_id} .landscape}}")),
            (Some(new_id), false) => new.push_str(&format!(" {{#{new_id}}}")),
            (None, true) => new.push_str(" {.landscape}"),
            (None, false) => {}
        }
        new.push('\n');
        edits.push((range.clone(), new));
        last = range.end;
    }
    links(&markdown[last..], last, &mut edits);
    edits
}

/// The document without its front matter: everything before the first heading that is
/// not a cover line, title, subtitle or the contents (and so without the contents' list).
pub fn without_front_matter(markdown: &str) -> &str {
    let end = dialect::parse(markdown)
        .find_map(|(event, range)| match event {
            Event::Start(Tag::Heading { classes, .. })
                if !classes
                    .iter()
                    .any(|c| matches!(c.as_ref(), "title" | "subtitle" | "cover" | "toc")) =>
            {
                Some(range.start)
            }
            _ => None,
        })
        .unwrap_or(0);
    &markdown[end..]
}

/// Heading levels listed under a `{.toc}` heading.
const CONTENTS_DEPTH: usize = 2;

/// Fills the `{.toc}` heading (if any) with a list of links to the headings after it, down
/// to level 2 (cover, title and subtitle headings aside). The Word writer replaces this
/// list by a real table of contents. The list is inserted in place (a report can be
/// hundreds of megabytes).
pub fn with_contents(mut markdown: String) -> String {
    let mut toc_end = None;
    let mut entries: Vec<(usize, String, Option<String>)> = Vec::new();
    let mut current: Option<(usize, String, Option<String>, bool)> = None;
    for (event, range) in dialect::parse(&markdown) {
        match event {
            Event::Start(Tag::Heading {
                level, id, classes, ..
            }) => {
                let skip = classes
                    .iter()
                    .any(|c| matches!(c.as_ref(), "title" | "subtitle" | "cover" | "toc"));
                if toc_end.is_none() && classes.iter().any(|c| c.as_ref() == "toc") {
                    toc_end = Some(range.end);
                }
                current = Some((
                    level as usize,
                    String::new(),
                    id.map(|i| i.to_string()),
                    skip,
                ));
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, text, ..)) = current.as_mut() {
                    text.push_str(&t);
                }
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((level, text, id, skip)) = current.take()
                    && toc_end.is_some()
                    && !skip
                    && level <= CONTENTS_DEPTH
                {
                    entries.push((level, text, id));
                }
            }
            _ => {}
        }
    }
    let Some(at) = toc_end else {
        return markdown;
    };
    let mut list = String::from("\n");
    for (level, text, id) in entries {
        let text = text.trim().replace('[', "\\[").replace(']', "\\]");
        let indent = "  ".repeat(level - 1);
        match id {
            Some(id) => list.push_str(&format!("{indent}- [{text}](#{id})\n")),
            None => list.push_str(&format!("{indent}- {text}\n")),
        }
    }
    markdown.insert_str(at, &list);
    markdown
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
    text.split(|c: char| c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{202f}'))
        .filter(|word| !word.is_empty())
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

    fn demote_keeping_ids(md: &str, top: usize, rename: impl Fn(&str) -> String) -> String {
        let mut out = String::new();
        demote_keeping_ids_into(md, top, rename, &mut out);
        out
    }

    fn embed(md: &str, top: usize, prefix: &str) -> String {
        let mut out = String::new();
        embed_into(md, top, prefix, &mut out);
        assert_eq!(
            super::embed(md.to_string(), top, prefix),
            out,
            "in place: {md:?}"
        );
        out
    }

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
    fn keeps_and_renames_ids_and_prefixes_links_when_embedding() {
        let md = "# Proposals\n\n## Divide {#AFR-P1 action=MOD}\n\nBody\n";
        assert_eq!(
            demote_keeping_ids(md, 2, |id| format!("src-{}", slug(id))),
            "## Proposals\n\n### Divide {#src-afr-p1}\n\nBody\n"
        );
        let report = "# Title {.title}\n\n## Part {#part}\n\nSee [the part](#part).\n";
        assert_eq!(
            embed(report, 2, "annex-"),
            "## Title\n\n### Part {#annex-part}\n\nSee [the part](#annex-part).\n"
        );
    }

    #[test]
    fn contents_list_the_headings_after_the_toc_heading() {
        let md = "# Report {.title}\n\n# Contents {.toc}\n\n# 1 Intro {#intro}\n\n## Detail\n\n### Deep\n";
        let out = with_contents(md.to_string());
        assert!(
            out.contains("# Contents {.toc}\n\n- [1 Intro](#intro)\n  - Detail\n\n# 1 Intro"),
            "{out}"
        );
        assert_eq!(with_contents("# No contents\n".into()), "# No contents\n");
    }

    #[test]
    fn front_matter_is_the_cover_title_and_contents() {
        let md = "###### Doc {.cover}\n\n**Meeting**\n\n# Title {.title}\n\n# Contents {.toc}\n\n- [1 A](#a)\n\n---\n\n# 1 A {#a}\n\nText.\n";
        assert_eq!(without_front_matter(md), "# 1 A {#a}\n\nText.\n");
    }

    #[test]
    fn embedding_relinks_and_renames_in_one_pass_as_in_two() {
        let two_passes = |md: &str| {
            let demoted = demote_keeping_ids(md, 2, |id| format!("p-{id}"));
            Regex::new(r"\]\(#([^)\s]+)\)")
                .unwrap()
                .replace_all(&demoted, "](#p-$1)")
                .into_owned()
        };
        for md in [
            "no heading, a [link](#a) and [another](#b)\n",
            "# One {#one}\n\nSee [two](#two), [out](https://x.example/#y).\n\n## Two [back](#one) {#two}\n\n[end](#one)",
            "[first](#f)\n\n### Deep\n\ntext ](#not a link)\n",
            "# Shrinks {#a .landscape data-region=AFR}\n\n# Grows\n\n[x](#a)\n",
            "# É {#é .c}\n\n## ü\n\n### ä {#ä}\n",
            "",
        ] {
            assert_eq!(embed(md, 2, "p-"), two_passes(md), "{md:?}");
        }
        assert!(embed("# A {#a}\n\n[x](#a)\n", 2, "p-").contains("## A {#p-a}\n\n[x](#p-a)"));
    }

    #[test]
    fn the_front_matter_ends_where_a_parse_of_the_whole_document_says() {
        let whole = |md: &str| {
            Parser::new_ext(md, markdown_options())
                .into_offset_iter()
                .find_map(|(event, range)| match event {
                    Event::Start(Tag::Heading { classes, .. }) if classes.is_empty() => {
                        Some(range.start)
                    }
                    _ => None,
                })
                .unwrap_or(0)
        };
        for md in [
            "",
            "no heading at all\n",
            "# Title {.title}\n\n# Contents {.toc}\n\n- a\n\nSetext\n======\n\ntext\n",
            "# Title {.title}\n\n```\n# not a heading\n```\n\n> # quoted\n\n| a |\n|---|\n| # b |\n\n## Real\n",
            "###### x {.cover}\n\nPara\nmore\n---\n\n# After\n",
            "# T {.title}\n\nLong line without end",
        ] {
            let end = md.len() - without_front_matter(md).len();
            assert_eq!(end, whole(md), "{md:?}");
        }
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
