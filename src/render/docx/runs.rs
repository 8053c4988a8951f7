//! Inline content: text runs with their formatting, hyperlinks and tracked changes.

use super::body::Writer;
use super::outline::bookmark_name;
use super::styles;
use super::xml::esc;
use crate::render::critic::{self, Change};
use crate::render::{LinkTarget, ParagraphKind, link_target, paragraph_kind};
use std::fmt::Write;

impl Writer<'_> {
    /// Adds text in the current formatting; CriticMarkup marks switch tracked changes on
    /// and off, and the first words of a paragraph may choose its style (caption, note…).
    pub(super) fn text(&mut self, text: &str, code: bool) {
        let (pieces, after) = critic::split(text, self.change);
        for (piece, change) in pieces {
            self.change = change;
            self.styled_text(piece, code);
        }
        self.change = after;
    }

    fn styled_text(&mut self, text: &str, code: bool) {
        let mut text = super::xml::clean(text).into_owned();
        if text.is_empty() {
            return;
        }
        // A plain (not bold) start of a top-level paragraph may choose its style.
        let starts_paragraph = self.paragraph_empty
            && self.in_paragraph
            && self.containers.is_empty()
            && self.bold == 0;
        if starts_paragraph && let Some((kind, skip)) = paragraph_kind(&text) {
            self.kind = Some(kind);
            if kind == ParagraphKind::Caption {
                text.drain(..skip);
                self.caption_number();
            }
        }
        self.paragraph_empty = false;
        if self.table.is_some() {
            self.cell_text.push_str(&text);
        }
        let mut rpr = String::new();
        if code {
            let _ = write!(rpr, r#"<w:rStyle w:val="{}"/>"#, styles::VERBATIM);
        } else if matches!(&self.link, Some((open, _)) if !open.is_empty()) {
            let _ = write!(rpr, r#"<w:rStyle w:val="{}"/>"#, styles::HYPERLINK);
        }
        if self.bold > 0 {
            rpr.push_str("<w:b/><w:bCs/>");
        }
        if self.italic > 0 {
            rpr.push_str("<w:i/><w:iCs/>");
        }
        if self.strike > 0 {
            rpr.push_str("<w:strike/>");
        }
        let deleted = self.change == Some(Change::Deleted);
        let element = if deleted { "w:delText" } else { "w:t" };
        let mut run = String::with_capacity(text.len() + 64);
        if !rpr.is_empty() {
            let _ = write!(run, "<w:rPr>{rpr}</w:rPr>");
        }
        let _ = write!(
            run,
            r#"<{element} xml:space="preserve">{}</{element}>"#,
            quick_xml::escape::escape(text.as_str())
        );
        self.push_run(&run, true);
    }

    /// "Table 1 – ": the caption's number as a SEQ field, counted here so it is right before
    /// Word updates it.
    fn caption_number(&mut self) {
        self.seq.table += 1;
        let mut field = String::new();
        let (before, after) = self.caption.clone();
        let run = |text: &str| format!(r#"<w:t xml:space="preserve">{}</w:t>"#, esc(text));
        self.push_run(&run(&before), false);
        super::fields::simple(
            &mut field,
            r"SEQ Table \* ARABIC",
            &self.seq.table.to_string(),
        );
        self.push_raw(&field);
        self.push_run(&run(&after), false);
    }

    /// Adds a run whose content (properties and text, break or tab) is `inner`, inside the
    /// tracked change in force when `tracked`.
    pub(super) fn push_run(&mut self, inner: &str, tracked: bool) {
        let run = format!("<w:r>{inner}</w:r>");
        let run = match self.change.filter(|_| tracked) {
            Some(change) => {
                self.seq.revision += 1;
                let tag = match change {
                    Change::Inserted => "w:ins",
                    Change::Deleted => "w:del",
                };
                let author = self
                    .authors
                    .last()
                    .map_or(styles::REVISION_AUTHOR, |(_, a)| a.as_str());
                format!(
                    r#"<{tag} w:id="{}" w:author="{}" w:date="{}">{run}</{tag}>"#,
                    self.seq.revision,
                    esc(author),
                    self.stamp
                )
            }
            None => run,
        };
        self.push_raw(&run);
    }

    /// Adds run-level markup to the paragraph, or to the hyperlink being built.
    fn push_raw(&mut self, xml: &str) {
        match self.link.as_mut() {
            Some((_, runs)) => runs.push_str(xml),
            None => self.runs.push_str(xml),
        }
    }

    /// Opens a hyperlink: to a bookmark of this document, or to an http(s)/mailto address;
    /// anything else stays plain text.
    pub(super) fn open_link(&mut self, url: &str) {
        let url = super::xml::clean(url);
        let open = match link_target(&url) {
            LinkTarget::Anchor(anchor) if self.outline.anchors.contains(anchor) => format!(
                r#"<w:hyperlink w:anchor="{}" w:history="1">"#,
                bookmark_name(anchor)
            ),
            LinkTarget::External => {
                self.seq.link += 1;
                let id = format!("rIdLink{}", self.seq.link);
                let open = format!(r#"<w:hyperlink r:id="{id}" w:history="1">"#);
                self.links.push((id, url.into_owned()));
                open
            }
            _ => String::new(),
        };
        self.link = Some((open, String::new()));
    }

    /// Closes the hyperlink opened by [`Writer::open_link`].
    pub(super) fn close_link(&mut self) {
        if let Some((open, runs)) = self.link.take() {
            if open.is_empty() {
                self.push_raw(&runs);
            } else {
                self.push_raw(&format!("{open}{runs}</w:hyperlink>"));
            }
        }
    }
}
