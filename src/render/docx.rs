//! Markdown events → a Word document (WordprocessingML), written directly.
//!
//! The package is built part by part with fixed ids and a fixed part order, so that every
//! element is in schema order and the same Markdown gives the same bytes. (docx-rs, tried
//! first, writes properties out of schema order, keeps id counters per process and cannot
//! express repeated header rows, sections, complex fields or per-document revision ids;
//! mending its output cost more than writing the parts.)
//!
//! * `#`…`####` → `Heading1`…`Heading4` (outline levels, navigation pane); heading ids
//!   become bookmarks, and `[..](#id)` links to them internal hyperlinks. Classes:
//!   `{.title}`, `{.subtitle}`, `{.cover}` (a cover line), `{.toc}` (a TOC field, listing
//!   the headings down to level 2 that follow it, pre-filled and marked to update when
//!   Word opens the file), `{.landscape}` (that part of the document in a landscape
//!   section, up to the next heading of the same level).
//! * Paragraphs use `Normal`; `Table:` paragraphs become numbered captions (a SEQ field),
//!   `Note:` and `Source:` paragraphs their styles; **bold**, *italic*, ~~strike~~ are run
//!   formatting, `code` the `VerbatimChar` style; http(s) and mailto links are hyperlinks,
//!   other schemes plain text.
//! * Lists (any nesting) use `ListParagraph` and one numbering instance per list, so every
//!   list restarts at its own first number.
//! * Tables: the `ReportTable` style, fixed column widths that fill the text block, a
//!   shaded bold header row repeated on each page, rows that never split; the paragraph that
//!   introduces a table stays on its page.
//! * Block quotes use `Quote`; code blocks `SourceCode`; a thematic break (`---`) is a page
//!   break; raw HTML is written as text.
//! * CriticMarkup becomes tracked changes (`w:ins`, `w:del`) by the region named in the
//!   nearest heading's `data-region` attribute, dated with the document's date.
//! * Characters XML 1.0 forbids are dropped, so the file always opens.
//!
//! Page: A4 (or the reference document's page), the cover page without header and footer,
//! then a header with the document symbol and a PAGE field and a footer with the title.

mod body;
mod fields;
mod inline;
mod layout;
mod lines;
mod metrics;
mod nesting;
mod outline;
mod package;
mod pages;
mod para;
mod parts;
mod reference;
mod runs;
mod sections;
mod state;
mod stream;
mod styles;
mod table;
#[cfg(test)]
mod tests;
mod typeset;
mod xml;

pub use reference::Reference;
pub use styles::Geometry;

use crate::model::DocumentInfo;

/// Renders report Markdown as a complete .docx file, with the styles and page setup of
/// `reference` when given.
pub fn to_docx(
    markdown: &str,
    info: &DocumentInfo,
    reference: Option<&Reference>,
) -> std::io::Result<Vec<u8>> {
    let geometry = reference.and_then(|r| r.geometry).unwrap_or(Geometry::A4);
    let mut outline = outline::Outline::read(markdown);
    pages::estimate(markdown, &mut outline, geometry, &info.language);
    let stamp = parts::stamp(&info.iso_date);
    let language = xml::clean(&info.language);
    let language = if language
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '-')
    {
        language.into_owned()
    } else {
        String::new()
    };
    // The document part is deflated while its body is written (a large report's body is
    // hundreds of megabytes of XML, its package a tenth of that).
    let mut package = package::Package::new(markdown.len() / 5);
    package.part("[Content_Types].xml", parts::content_types().as_bytes())?;
    package.part("_rels/.rels", parts::package_rels().as_bytes())?;
    package.part("docProps/core.xml", parts::core(info).as_bytes())?;
    package.part("docProps/app.xml", parts::app().as_bytes())?;
    package.part("word/document.xml", concat!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
        r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>"#
    ).as_bytes())?;
    let env = state::Env::new(&outline, geometry, &stamp, &info.language);
    // The body is deflated on a thread of its own, at most two pieces behind.
    let (body, deflated) = std::thread::scope(|s| {
        let (send, receive) = std::sync::mpsc::sync_channel::<String>(2);
        let deflating = s.spawn(|| {
            for piece in receive {
                package.write(piece.as_bytes())?;
            }
            Ok::<(), std::io::Error>(())
        });
        let body = body::write(
            markdown,
            env,
            &mut |piece| send.send(piece.to_string()).map_err(std::io::Error::other),
            body::PIECE,
        );
        drop(send);
        let deflated = deflating
            .join()
            .unwrap_or_else(|_| Err(std::io::Error::other("the deflating thread panicked")));
        (body, deflated)
    });
    deflated?;
    let body = body?;
    package.write(body.xml.as_bytes())?;
    package.write(body.section.as_bytes())?;
    package.write(b"</w:body></w:document>")?;
    let writing = crate::render::script::Writing::of(&language);
    let own_styles = styles::styles_xml(&language, geometry.text_width());
    let styles = match reference {
        Some(r) => r.merge_styles(&own_styles),
        None => own_styles,
    };
    let parts: Vec<(&str, String)> = vec![
        (
            "word/_rels/document.xml.rels",
            parts::document_rels(&body.links),
        ),
        ("word/styles.xml", styles),
        ("word/numbering.xml", styles::numbering_xml(&body.lists)),
        ("word/settings.xml", parts::settings(&language)),
        ("word/fontTable.xml", parts::font_table(writing)),
        ("word/theme/theme1.xml", parts::theme()),
        (
            "word/header1.xml",
            parts::header(&info.symbol, geometry.text_width(), writing),
        ),
        ("word/header2.xml", parts::empty("hdr")),
        (
            "word/header3.xml",
            parts::header(&info.symbol, geometry.landscape().text_width(), writing),
        ),
        ("word/footer1.xml", parts::footer(&info.title, writing)),
        ("word/footer2.xml", parts::empty("ftr")),
    ];
    for (path, xml) in &parts {
        package.part(path, xml.as_bytes())?;
    }
    package.finish()
}
