//! Markdown events → a standalone HTML page. Raw HTML in the text is shown as text, never
//! passed through, and links other than http(s), mailto, relative and in-page ones are
//! disarmed. Tracked changes become `<ins>`/`<del>`; cover lines, captions, notes and
//! source lines get classes the stylesheet formats (see the module [`crate::render`]).

use super::critic::{self, Change};
use super::{LinkTarget, ParagraphKind, link_target, paragraph_kind};
use crate::model::{DocumentInfo, markdown_options};
use pulldown_cmark::{CowStr, Event, Parser, Tag, TagEnd};
use pulldown_cmark_escape::escape_html;
use std::collections::VecDeque;
use std::iter::Peekable;

/// Rewritten events waiting to be written.
type Out<'a> = VecDeque<Event<'a>>;

/// The default HTML stylesheet (`style.css` in a templates folder replaces it).
pub const DEFAULT_CSS: &str = include_str!("../../templates/style.css");

/// Renders report Markdown as a complete HTML page with the given stylesheet.
pub fn to_html(markdown: &str, info: &DocumentInfo, css: &str) -> String {
    let mut page = Vec::with_capacity(markdown.len() * 3 / 2 + css.len() + 512);
    write_html(markdown, info, css, &mut page).expect("writing to memory cannot fail");
    String::from_utf8(page).expect("the page is UTF-8")
}

/// Writes report Markdown as a complete HTML page with the given stylesheet into `out`,
/// one section at a time: a large report is never held as a page or a list of events.
pub fn write_html(
    markdown: &str,
    info: &DocumentInfo,
    css: &str,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let mut page = String::with_capacity(css.len() + 1024);
    let language = if info.language.is_empty() {
        "en"
    } else {
        &info.language
    };
    page.push_str("<!DOCTYPE html>\n<html lang=\"");
    escape(&mut page, language);
    if crate::render::script::Writing::of(language).rtl() {
        page.push_str("\" dir=\"rtl");
    }
    page.push_str("\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
    escape(&mut page, &info.symbol);
    page.push_str(" – ");
    escape(&mut page, &info.title);
    page.push_str("</title>\n<style>\n");
    page.push_str(&css.replace("</", "<\\/"));
    page.push_str("</style>\n</head>\n<body>\n<main>\n");
    let mut transform = Transform {
        caption: crate::render::caption_words(&info.language),
        rtl: crate::render::script::Writing::of(language).rtl(),
        ..Transform::default()
    };
    for section in critic::marked_sections(markdown) {
        pulldown_cmark::html::push_html(
            &mut page,
            transform.apply(Parser::new_ext(&section, markdown_options())),
        );
        out.write_all(page.as_bytes())?;
        page.clear();
    }
    page.push_str("</main>\n</body>\n</html>\n");
    out.write_all(page.as_bytes())
}

fn escape(out: &mut String, text: &str) {
    escape_html(&mut *out, text).expect("writing to a String cannot fail");
}

/// The event rewrites, with the state they need across events.
#[derive(Default)]
struct Transform {
    /// Tracked change in force, and the one whose tag is open in the output (with its
    /// author).
    change: critic::InForce,
    open: Option<(Change, Option<String>)>,
    /// Blocks written as our own HTML instead of pulldown-cmark's: their closing tags.
    closing: Vec<Option<&'static str>>,
    tables: usize,
    /// The caption's words around its number ("Table ", " – ").
    caption: (String, String),
    /// The page is right to left.
    rtl: bool,
}

impl Transform {
    /// The rewritten events, one input event at a time.
    fn apply<'a>(
        &mut self,
        events: impl Iterator<Item = Event<'a>>,
    ) -> impl Iterator<Item = Event<'a>> {
        let mut events = events.peekable();
        let mut ready = VecDeque::new();
        std::iter::from_fn(move || {
            loop {
                if let Some(event) = ready.pop_front() {
                    return Some(event);
                }
                let event = events.next()?;
                self.rewrite(event, &mut events, &mut ready);
            }
        })
    }

    /// Rewrites one event into `out`; `events` are the ones after it.
    fn rewrite<'a, I: Iterator<Item = Event<'a>>>(
        &mut self,
        event: Event<'a>,
        events: &mut Peekable<I>,
        out: &mut Out<'a>,
    ) {
        match event {
            Event::Html(raw) | Event::InlineHtml(raw) => self.text(raw, out),
            Event::Text(text) => self.text(text, out),
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => out.push_back(Event::Start(Tag::Link {
                link_type,
                dest_url: safe_url(dest_url),
                title,
                id,
            })),
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => out.push_back(Event::Start(Tag::Image {
                link_type,
                dest_url: safe_url(dest_url),
                title,
                id,
            })),
            Event::Start(Tag::Heading { ref classes, .. })
                if classes.iter().any(|c| c.as_ref() == "cover") =>
            {
                out.push_back(Event::Html("<p class=\"cover\">".into()));
                self.closing.push(Some("</p>\n"));
            }
            Event::Start(Tag::Heading { .. }) => {
                self.closing.push(None);
                out.push_back(event);
            }
            Event::Start(Tag::Paragraph) => {
                let kind = match events.peek() {
                    Some(Event::Text(t)) => paragraph_kind(t),
                    _ => None,
                };
                match kind {
                    Some((kind, skip)) => {
                        let class = match kind {
                            ParagraphKind::Caption => "caption",
                            ParagraphKind::Note => "note",
                            ParagraphKind::Source => "source",
                        };
                        out.push_back(Event::Html(format!("<p class=\"{class}\">").into()));
                        self.closing.push(Some("</p>\n"));
                        if kind == ParagraphKind::Caption {
                            self.tables += 1;
                            let (before, after) = &self.caption;
                            out.push_back(Event::Text(
                                format!("{before}{}{after}", self.tables).into(),
                            ));
                            if let Some(Event::Text(t)) = events.next() {
                                self.text(CowStr::from(t[skip..].to_string()), out);
                            }
                        }
                    }
                    None => {
                        self.closing.push(None);
                        out.push_back(event);
                    }
                }
            }
            Event::End(TagEnd::Heading(_) | TagEnd::Paragraph) => {
                self.close_change(out);
                match self.closing.pop().flatten() {
                    Some(tag) => out.push_back(Event::Html(tag.into())),
                    None => out.push_back(event),
                }
            }
            Event::End(TagEnd::Item | TagEnd::TableCell) => {
                self.close_change(out);
                out.push_back(event);
            }
            other => out.push_back(other),
        }
    }

    /// Text, split at the tracked-change marks into text and `<ins>`/`<del>` tags; a change
    /// that names its author carries it as `data-regions` and `title`, and its label follows
    /// it as `<sup class="regions">`.
    fn text<'a>(&mut self, text: CowStr<'a>, out: &mut Out<'a>) {
        for piece in critic::pieces(&text, &mut self.change) {
            if piece.label {
                self.close_change(out);
                let mut label = String::from("<sup class=\"regions\">");
                escape(&mut label, piece.text);
                label.push_str("</sup>");
                out.push_back(Event::Html(label.into()));
                continue;
            }
            let now = piece.change.map(|c| (c, piece.author.clone()));
            if self.open != now {
                self.close_change(out);
                if let Some((c, author)) = &now {
                    let tag = match c {
                        Change::Inserted => "ins",
                        Change::Deleted => "del",
                    };
                    let html = match author {
                        Some(a) => {
                            let mut attr = String::new();
                            escape(&mut attr, a);
                            format!("<{tag} data-regions=\"{attr}\" title=\"{attr}\">")
                        }
                        None => format!("<{tag}>"),
                    };
                    out.push_back(Event::Html(html.into()));
                }
                self.open = now;
            }
            if !self.rtl {
                raised(piece.text, out);
                continue;
            }
            // In right-to-left text a Latin symbol ("TDAG-29/9-A") is isolated and never
            // broken at its hyphens or slashes (its halves would change sides).
            for (run, rtl) in crate::render::script::directional_pieces(piece.text) {
                if !rtl && run.contains(['-', '/']) && !run.contains(char::is_whitespace) {
                    let mut symbol = String::from("<bdi class=\"symbol\">");
                    escape(&mut symbol, run);
                    symbol.push_str("</bdi>");
                    out.push_back(Event::Html(symbol.into()));
                } else {
                    raised(run, out);
                }
            }
        }
    }

    /// Closes an open `<ins>` or `<del>` at the end of a block (it is reopened by the next
    /// text if the change goes on).
    fn close_change(&mut self, out: &mut Out) {
        if let Some((c, _)) = self.open.take() {
            out.push_back(Event::Html(
                match c {
                    Change::Inserted => "</ins>",
                    Change::Deleted => "</del>",
                }
                .into(),
            ));
        }
    }
}

/// Keeps http(s), mailto, in-page and relative links; anything else (javascript:, data:, …) becomes "#".
fn safe_url(url: CowStr<'_>) -> CowStr<'_> {
    match link_target(&url) {
        LinkTarget::Blocked => CowStr::Borrowed("#"),
        _ => url,
    }
}

/// Text with a number's raised letters ("1^er^") as `<sup>`.
fn raised<'a>(text: &str, out: &mut Out<'a>) {
    for (piece, up) in crate::render::superscripts(text) {
        if up {
            out.push_back(Event::Html("<sup>".into()));
        }
        out.push_back(Event::Text(piece.to_string().into()));
        if up {
            out.push_back(Event::Html("</sup>".into()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(md: &str) -> String {
        to_html(
            md,
            &DocumentInfo {
                title: "T <x>".into(),
                symbol: "S".into(),
                ..Default::default()
            },
            "body{}",
        )
    }

    #[test]
    fn escapes_raw_html_and_disarms_script_links() {
        let html = page(
            "<script>alert(1)</script>\n\nhi <b>x</b> [a](javascript:alert(1)) [b](https://itu.int) [c](#top)",
        );
        assert!(!html.contains("<script>"), "{html}");
        assert!(html.contains("&lt;script&gt;"));
        assert!(!html.contains("javascript:"));
        assert!(html.contains("href=\"https://itu.int\"") && html.contains("href=\"#top\""));
        assert!(html.contains("<title>S – T &lt;x&gt;</title>"));
    }

    #[test]
    fn keeps_heading_ids_and_tables() {
        let html = page("# Title {.title}\n\n## A {#a}\n\n| x | y |\n|---|---|\n| 1 | 2 |\n");
        assert!(html.contains("<h1 class=\"title\">Title</h1>"));
        assert!(html.contains("<h2 id=\"a\">A</h2>"));
        assert!(html.contains("<td>1</td>"));
    }

    #[test]
    fn tracked_changes_cover_lines_and_paragraph_kinds() {
        let html = page(
            "###### Document X {.cover}\n\nResolution 37 {~~shall~>should~~} be {++kept and ++}revised{-- soon--}.\n\n\
             Table: Meetings held\n\n| a |\n|---|\n| 1 |\n\nSources: AFR/P1.\n\nNote: provisional.\n",
        );
        assert!(html.contains("<p class=\"cover\">Document X</p>"), "{html}");
        assert!(html.contains(
            "Resolution 37 <del>shall</del><ins>should</ins> be <ins>kept and </ins>revised<del> soon</del>."
        ));
        assert!(html.contains("<p class=\"caption\">Table 1 – Meetings held</p>"));
        assert!(html.contains("<p class=\"source\">Sources: AFR/P1.</p>"));
        assert!(html.contains("<p class=\"note\">Note: provisional.</p>"));
        assert!(!html.contains('\u{E000}'));
    }

    #[test]
    fn a_change_that_names_its_regions_carries_them_and_a_label() {
        let html = page(
            "to {~~encourage~>urge~~}{>>CIS<<} Member States {++national ++}{>>AFR, ARB<<}CIRTs\n",
        );
        assert!(
            html.contains(
                "to <del data-regions=\"CIS\" title=\"CIS\">encourage</del><ins data-regions=\"CIS\" title=\"CIS\">urge</ins><sup class=\"regions\">CIS</sup> Member States <ins data-regions=\"AFR, ARB\" title=\"AFR, ARB\">national </ins><sup class=\"regions\">AFR, ARB</sup>CIRTs"
            ),
            "{html}"
        );
    }
}
