//! Markdown events → a standalone HTML page. Raw HTML in the text is shown as text, never
//! passed through, and links other than http(s), mailto and in-page anchors are disarmed.

use super::{DocumentInfo, markdown_options};
use pulldown_cmark::{CowStr, Event, Parser, Tag};
use pulldown_cmark_escape::escape_html;

/// Renders report Markdown as a complete HTML page with the given stylesheet.
pub fn to_html(markdown: &str, info: &DocumentInfo, css: &str) -> String {
    let events = Parser::new_ext(markdown, markdown_options()).map(|event| match event {
        Event::Html(raw) | Event::InlineHtml(raw) => Event::Text(raw),
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) => Event::Start(Tag::Link {
            link_type,
            dest_url: safe_url(dest_url),
            title,
            id,
        }),
        Event::Start(Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        }) => Event::Start(Tag::Image {
            link_type,
            dest_url: safe_url(dest_url),
            title,
            id,
        }),
        other => other,
    });
    let mut body = String::with_capacity(markdown.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut body, events);
    let mut page = String::with_capacity(body.len() + css.len() + 512);
    page.push_str("<!DOCTYPE html>\n<html lang=\"");
    escape(
        &mut page,
        if info.language.is_empty() {
            "en"
        } else {
            &info.language
        },
    );
    page.push_str("\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
    escape(&mut page, &info.symbol);
    page.push_str(" – ");
    escape(&mut page, &info.title);
    page.push_str("</title>\n<style>\n");
    page.push_str(&css.replace("</", "<\\/"));
    page.push_str("</style>\n</head>\n<body>\n<main>\n");
    page.push_str(&body);
    page.push_str("</main>\n</body>\n</html>\n");
    page
}

fn escape(out: &mut String, text: &str) {
    escape_html(&mut *out, text).expect("writing to a String cannot fail");
}

/// Keeps http(s), mailto, in-page and relative links; anything else (javascript:, data:, …) becomes "#".
fn safe_url(url: CowStr<'_>) -> CowStr<'_> {
    let lower = url.trim().to_ascii_lowercase();
    let scheme = lower
        .split_once(':')
        .map(|(s, _)| s)
        .filter(|s| !s.contains(['/', '#', '?']));
    match scheme {
        None | Some("http" | "https" | "mailto") => url,
        Some(_) => CowStr::Borrowed("#"),
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
}
