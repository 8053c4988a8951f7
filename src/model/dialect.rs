//! The Markdown dialect every stage reads and writes: CommonMark with GFM tables,
//! strikethrough and heading attributes (`{#id .class key=value}`), and how a document is cut
//! into sections that parse alone, so that a large report is never parsed whole.

use pulldown_cmark::{Event, Options, Parser};
use std::ops::Range;

/// The parser options of the dialect, for ingest, report and render alike.
pub fn markdown_options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_HEADING_ATTRIBUTES
}

/// Every event of `markdown` with its byte range, parsed one [section](sections) at a time:
/// the same events as a parse of the whole, without its tree of the whole document.
pub fn parse(markdown: &str) -> impl Iterator<Item = (Event<'_>, Range<usize>)> {
    sections(markdown).flat_map(|(at, section)| {
        Parser::new_ext(section, markdown_options())
            .into_offset_iter()
            .map(move |(event, range)| (event, range.start + at..range.end + at))
    })
}

/// `markdown` cut into sections of at least 64 KiB, each with its byte offset, that parse
/// alone exactly as they do inside the whole: a cut comes before a heading that starts a line after a blank
/// one, where no fenced code block, HTML block or tracked change (CriticMarkup) is open.
/// A document with link reference definitions (which hold across the whole document) or
/// with a fence whose container is uncertain (indented, in a list or quote) from there on
/// is not cut.
pub fn sections(markdown: &str) -> impl Iterator<Item = (usize, &str)> {
    sections_of(markdown, SECTION)
}

/// The least size of a section (but the last): a parser is set up once per section.
const SECTION: usize = 64 * 1024;

/// [`sections`], each at least `min` bytes long (but the last).
fn sections_of(markdown: &str, min: usize) -> impl Iterator<Item = (usize, &str)> {
    let mut scan = Scan {
        whole: has_reference_definitions(markdown),
        ..Scan::default()
    };
    let mut start = 0;
    let mut at = 0;
    std::iter::from_fn(move || {
        if start >= markdown.len() {
            return None;
        }
        while at < markdown.len() {
            let end = memchr::memchr(b'\n', &markdown.as_bytes()[at..])
                .map_or(markdown.len(), |i| at + i + 1);
            let line = &markdown[at..end];
            let cut = at - start >= min && scan.cuts_before(line);
            if cut {
                let section = (start, &markdown[start..at]);
                start = at;
                scan.line(line);
                at = end;
                return Some(section);
            }
            scan.line(line);
            at = end;
        }
        let section = (start, &markdown[start..]);
        start = markdown.len();
        Some(section)
    })
}

/// What is open at the end of the lines read so far.
#[derive(Default)]
struct Scan {
    /// No cut anywhere (link reference definitions).
    whole: bool,
    /// No cut from here on (a fence this scan cannot place).
    uncertain: bool,
    /// The previous line was blank.
    blank: bool,
    /// An open fence at column 0: its character and length.
    fence: Option<(u8, usize)>,
    /// An open HTML block: the text that ends it.
    html: Option<&'static str>,
    /// A line since the last blank one began with a tag: perhaps an HTML block that ends at
    /// the next blank line (CommonMark kinds 6 and 7), inside which a fence is text.
    tag_line: bool,
    /// An open tracked change: the texts still to come before it ends.
    change: Vec<&'static str>,
}

impl Scan {
    /// Whether a section may start with `line`.
    fn cuts_before(&self, line: &str) -> bool {
        !self.whole
            && !self.uncertain
            && self.blank
            && self.fence.is_none()
            && self.html.is_none()
            && self.change.is_empty()
            && is_heading(line)
    }

    /// Reads one line (with its newline, if any).
    fn line(&mut self, line: &str) {
        self.track_changes(line);
        let text = line.trim_end_matches(['\n', '\r']);
        let blank = text.trim().is_empty();
        if let Some(end) = self.html {
            if contains_ignoring_case(text, end) {
                self.html = None;
            }
        } else if let Some((c, n)) = self.fence {
            let body = text.trim_start_matches(' ');
            if text.len() - body.len() <= 3
                && run(body, c) >= n
                && body.trim_start_matches(c as char).trim().is_empty()
            {
                self.fence = None;
            }
        } else if let Some(f) = fence(text)
            && !self.tag_line
        {
            self.fence = Some(f);
        } else if text
            .as_bytes()
            .first()
            .is_some_and(|b| b.is_ascii_alphabetic() || matches!(b, b'#' | b'|'))
        {
            // Text, a heading or a table row: nothing that opens a block this scan follows.
        } else {
            let inner = container_content(text);
            if fence(inner).is_some() {
                self.uncertain = true;
            } else if let Some(end) = html_start(inner) {
                if !contains_ignoring_case(&inner[1..], end) {
                    self.html = Some(end);
                }
            } else if inner.starts_with('<') {
                self.tag_line = true;
            }
        }
        self.blank = blank;
        self.tag_line &= !blank;
    }

    /// Follows the CriticMarkup marks of `line` as the renderer's pattern matches them
    /// (leftmost opening, nearest closing).
    fn track_changes(&mut self, line: &str) {
        let mut rest = line;
        loop {
            if let Some(next) = self.change.first() {
                let Some(i) = rest.find(next) else { return };
                rest = &rest[i + next.len()..];
                self.change.remove(0);
                continue;
            }
            let Some(i) = rest.find('{') else { return };
            rest = &rest[i + 1..];
            self.change = match rest.get(..2) {
                Some("++") => vec!["++}"],
                Some("--") => vec!["--}"],
                Some("~~") => vec!["~>", "~~}"],
                _ => continue,
            };
            rest = &rest[2..];
        }
    }
}

/// An ATX heading opening at column 0: one to six `#`, then a space, a tab or the end.
fn is_heading(line: &str) -> bool {
    let n = run(line, b'#');
    (1..=6).contains(&n)
        && matches!(
            line.as_bytes().get(n),
            None | Some(b' ' | b'\t' | b'\n' | b'\r')
        )
}

/// A fence opening at column 0: its character and length.
fn fence(text: &str) -> Option<(u8, usize)> {
    let c = *text.as_bytes().first()?;
    let n = run(text, c);
    let opens = match c {
        b'`' => n >= 3 && !text[n..].contains('`'),
        b'~' => n >= 3,
        _ => false,
    };
    opens.then_some((c, n))
}

/// The number of `c` at the start of `text`.
fn run(text: &str, c: u8) -> usize {
    text.bytes().take_while(|&b| b == c).count()
}

/// A line without its indentation and the markers of the lists and quotes it may be in.
fn container_content(text: &str) -> &str {
    let mut rest = text;
    loop {
        let trimmed = rest.trim_start_matches([' ', '\t']);
        let digits = trimmed.bytes().take_while(u8::is_ascii_digit).count();
        let marker = match trimmed.as_bytes().get(digits) {
            Some(b'>') if digits == 0 => 1,
            Some(b'-' | b'*' | b'+') if digits == 0 => 1,
            Some(b'.' | b')') if digits > 0 => digits + 1,
            _ => return trimmed,
        };
        let after = &trimmed[marker..];
        if marker > 1
            || trimmed.starts_with('>')
            || after.is_empty()
            || after.starts_with([' ', '\t'])
        {
            rest = after;
        } else {
            return trimmed;
        }
    }
}

/// The HTML blocks that may hold blank lines (CommonMark kinds 1 to 5) opening `text`: the
/// text that ends each.
fn html_start(text: &str) -> Option<&'static str> {
    let lower = text.get(..10).unwrap_or(text).to_ascii_lowercase();
    if lower.starts_with("<!--") {
        return Some("-->");
    }
    if lower.starts_with("<![cdata[") {
        return Some("]]>");
    }
    if lower.starts_with("<?") {
        return Some("?>");
    }
    if lower.starts_with("<!") && lower.as_bytes().get(2).is_some_and(u8::is_ascii_alphabetic) {
        return Some(">");
    }
    for (tag, end) in [
        ("<script", "</script>"),
        ("<pre", "</pre>"),
        ("<style", "</style>"),
        ("<textarea", "</textarea>"),
    ] {
        if lower.starts_with(tag)
            && matches!(
                lower.as_bytes().get(tag.len()),
                None | Some(b' ' | b'\t' | b'>' | b'\n' | b'\r')
            )
        {
            return Some(end);
        }
    }
    None
}

/// Whether `text` holds `pattern` (ASCII), in any case.
fn contains_ignoring_case(text: &str, pattern: &str) -> bool {
    text.as_bytes()
        .windows(pattern.len())
        .any(|w| w.eq_ignore_ascii_case(pattern.as_bytes()))
}

/// Whether a line may be a link reference definition (`[label]: destination`), perhaps in a
/// list or quote.
fn has_reference_definitions(markdown: &str) -> bool {
    memchr::memmem::find_iter(markdown.as_bytes(), b"]:").any(|i| {
        let line_start = markdown[..i].rfind('\n').map_or(0, |s| s + 1);
        container_content(&markdown[line_start..i]).starts_with('[')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The events of a whole-document parse, as owned values.
    fn whole(md: &str) -> Vec<(Event<'static>, Range<usize>)> {
        Parser::new_ext(md, markdown_options())
            .into_offset_iter()
            .map(|(e, r)| (e.into_static(), r))
            .collect()
    }

    fn by_sections(md: &str) -> Vec<(Event<'static>, Range<usize>)> {
        sections_of(md, 1)
            .flat_map(|(at, section)| {
                Parser::new_ext(section, markdown_options())
                    .into_offset_iter()
                    .map(move |(e, r)| (e.into_static(), r.start + at..r.end + at))
            })
            .collect()
    }

    fn cuts(md: &str) -> Vec<usize> {
        sections_of(md, 1).map(|(at, _)| at).collect()
    }

    #[test]
    fn sections_start_at_headings_after_blank_lines() {
        let md = "# One\n\ntext\n## Two\n\n- item\n\n# Three\n";
        assert_eq!(cuts(md), [0, 28]);
        assert_eq!(sections_of(md, 1).map(|(_, s)| s).collect::<String>(), md);
        let long = md.repeat(10_000);
        let sizes: Vec<usize> = sections(&long).map(|(_, s)| s.len()).collect();
        assert!(sizes.len() > 1 && sizes[..sizes.len() - 1].iter().all(|&n| n >= SECTION));
        assert_eq!(cuts(""), Vec::<usize>::new());
    }

    #[test]
    fn no_cut_inside_fences_html_blocks_and_changes() {
        for md in [
            "```\n\n# code\n```\n",
            "<!--\n\n# comment\n-->\n",
            "<pre>\n\n# pre\n</pre>\n",
            "text {++ added\n\n# heading ++} more\n",
            "text {~~ a\n\n# b ~> c ~~}\n",
        ] {
            assert_eq!(cuts(md), [0], "{md:?}");
            assert_eq!(by_sections(md), whole(md), "{md:?}");
        }
        let closed = "```\n# code\n```\n\n# after\n";
        assert_eq!(cuts(closed), [0, 16]);
    }

    #[test]
    fn uncertain_fences_and_reference_definitions_stop_cutting() {
        for md in [
            "- a\n\n  ```\n\n# x\n```\n\n# y\n",
            "> ```\n\n# x\n\n# y\n",
            "<div>\n```\n\n```\n\n# x\n```\n",
            "[a]: http://x\n\n# x\n\n[a]\n",
            "para\n\n# x\n\n- [a]: http://x\n\n# y\n\n[a]\n",
        ] {
            assert_eq!(cuts(md), [0], "{md:?}");
            assert_eq!(by_sections(md), whole(md), "{md:?}");
        }
    }

    #[test]
    fn a_parse_by_sections_is_the_parse_of_the_whole() {
        let blocks = [
            "# Title {#t .title}\n",
            "## Part {#p data-region=AFR}\n",
            "Para with *emphasis* and [a link](#p).\n",
            "- item\n  - nested\n",
            "1. one\n2. two\n",
            "> quote\n> more\n",
            "| a | b |\n|---|---|\n| 1 | 2 |\n",
            "```rust\nfn x() {}\n\n# not a heading\n```\n",
            "~~~~\n~~~\n# still code\n~~~~\n",
            "    indented code\n",
            "<!-- a comment\n\n# inside\n-->\n",
            "<div>\nhtml\n</div>\n",
            "<div>\n```\n",
            "<span>x</span>\n",
            "{++ inserted ++} and {-- deleted --} and {~~ old ~> new ~~}\n",
            "Setext\n===\n",
            "---\n",
            "#not a heading\n",
            "#\n",
            "text\n# heading without blank line\n",
        ];
        let mut seed = 1u64;
        for _ in 0..400 {
            let mut md = String::new();
            for _ in 0..12 {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                md.push_str(blocks[(seed >> 33) as usize % blocks.len()]);
                if seed & 1 == 0 {
                    md.push('\n');
                }
            }
            assert_eq!(by_sections(&md), whole(&md), "{md:?}");
        }
    }
}
