//! Inline content: text runs with their formatting, hyperlinks and tracked changes, gathered
//! for the paragraph (or table cell) being built.

use super::outline::bookmark_name;
use super::state::{Env, State};
use super::styles;
use super::xml::esc;
use crate::render::critic::{self, Change};
use crate::render::script::Writing;
use crate::render::{LinkTarget, ParagraphKind, link_target, paragraph_kind};
use std::fmt::Write;

/// Run formatting that Markdown switches on and off.
#[derive(Debug, Clone, Copy)]
pub enum Format {
    Bold,
    Italic,
    Strike,
}

/// The runs of the paragraph being built and the formatting in force.
#[derive(Default)]
pub struct Runs {
    /// Run-level XML of the paragraph.
    xml: String,
    /// The hyperlink being built: its opening tag (empty for plain text) and its runs.
    link: Option<(String, String)>,
    bold: u32,
    italic: u32,
    strike: u32,
    /// A number's raised letters ("1^er^") are being written.
    superscript: bool,
    /// Tracked change in force, and its author when it names one.
    change: critic::InForce,
    /// Plain text of a table cell (for the column widths), while one is read.
    plain: Option<String>,
    /// Nothing added since the paragraph started.
    fresh: bool,
    /// The paragraph's kind, from how it starts (caption, note, source).
    kind: Option<ParagraphKind>,
}

impl Runs {
    /// A Markdown paragraph starts: its first words may choose its kind.
    pub fn start_paragraph(&mut self) {
        self.fresh = true;
        self.kind = None;
    }

    /// Nothing is gathered.
    pub fn is_empty(&self) -> bool {
        self.xml.is_empty()
    }

    /// The runs gathered, and the kind the paragraph's start chose; both are reset.
    pub fn take(&mut self) -> (String, Option<ParagraphKind>) {
        (std::mem::take(&mut self.xml), self.kind.take())
    }

    /// A table cell starts: its runs and plain text are gathered afresh.
    pub fn start_cell(&mut self) {
        self.xml.clear();
        self.plain = Some(String::new());
    }

    /// The cell's runs and plain text.
    pub fn end_cell(&mut self) -> (String, String) {
        let plain = self.plain.take().unwrap_or_default();
        (std::mem::take(&mut self.xml), plain)
    }

    /// Switches formatting on (nested) or off.
    pub fn format(&mut self, format: Format, on: bool) {
        let count = match format {
            Format::Bold => &mut self.bold,
            Format::Italic => &mut self.italic,
            Format::Strike => &mut self.strike,
        };
        *count = if on {
            *count + 1
        } else {
            count.saturating_sub(1)
        };
    }

    /// Adds text in the current formatting; CriticMarkup marks switch tracked changes on
    /// and off, and at the start of a top-level paragraph (`top`) the first words may
    /// choose its kind (caption, note…).
    pub fn text(&mut self, text: &str, code: bool, top: bool, env: &Env, state: &mut State) {
        let mut state_after = std::mem::take(&mut self.change);
        // A label naming a change's author is for HTML: Word shows the author.
        for piece in critic::pieces(text, &mut state_after) {
            if piece.label {
                continue;
            }
            self.change = critic::InForce {
                change: piece.change,
                author: piece.author,
            };
            if code {
                self.styled_text(piece.text, code, top, env, state);
                continue;
            }
            for (part, raised) in crate::render::superscripts(piece.text) {
                self.superscript = raised;
                self.styled_text(part, code, top, env, state);
            }
            self.superscript = false;
        }
        self.change = state_after;
    }

    fn styled_text(&mut self, text: &str, code: bool, top: bool, env: &Env, state: &mut State) {
        let mut text = super::xml::clean(text).into_owned();
        if text.is_empty() {
            return;
        }
        // A plain (not bold) start of a top-level paragraph may choose its style.
        if self.fresh
            && top
            && self.bold == 0
            && let Some((kind, skip)) = paragraph_kind(&text)
        {
            self.kind = Some(kind);
            if kind == ParagraphKind::Caption {
                text.drain(..skip);
                self.caption_number(env, state);
            }
        }
        self.fresh = false;
        if let Some(plain) = self.plain.as_mut() {
            plain.push_str(&text);
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
            // Arabic and Chinese are never slanted: Arabic text of an italic run stays
            // upright (only its Latin text slants), Chinese emphasis is bold.
            rpr.push_str(match env.writing {
                Writing::Latin => "<w:i/><w:iCs/>",
                Writing::Arabic => "<w:i/>",
                Writing::Chinese if self.bold == 0 => "<w:b/><w:bCs/>",
                Writing::Chinese => "",
            });
        }
        if self.strike > 0 {
            rpr.push_str("<w:strike/>");
        }
        if self.superscript {
            rpr.push_str(r#"<w:vertAlign w:val="superscript"/>"#);
        }
        let deleted = self.change.change == Some(Change::Deleted);
        let element = if deleted { "w:delText" } else { "w:t" };
        if !env.writing.rtl() {
            let mut run = String::with_capacity(text.len() + 64);
            if !rpr.is_empty() {
                let _ = write!(run, "<w:rPr>{rpr}</w:rPr>");
            }
            text_elements(&mut run, &text, element, false);
            self.push_run(&run, true, env, state);
            return;
        }
        // Right-to-left text: one run per direction, the Arabic ones marked right to left.
        for (piece, rtl) in crate::render::script::directional_pieces(&text) {
            let mut run = String::with_capacity(piece.len() + 64);
            if rtl || !rpr.is_empty() {
                let _ = write!(
                    run,
                    "<w:rPr>{rpr}{}</w:rPr>",
                    if rtl { "<w:rtl/>" } else { "" }
                );
            }
            text_elements(&mut run, piece, element, true);
            self.push_run(&run, true, env, state);
        }
    }

    /// "Table 1 – ": the caption's number as a SEQ field, counted here so it is right before
    /// Word updates it.
    fn caption_number(&mut self, env: &Env, state: &mut State) {
        let number = state.table();
        let mut field = String::new();
        let (before, after) = &env.caption;
        let rtl = if env.writing.rtl() {
            "<w:rPr><w:rtl/></w:rPr>"
        } else {
            ""
        };
        let run = |text: &str| format!(r#"{rtl}<w:t xml:space="preserve">{}</w:t>"#, esc(text));
        self.push_run(&run(before), false, env, state);
        super::fields::simple(&mut field, r"SEQ Table \* ARABIC", &number.to_string());
        self.push_raw(&field);
        self.push_run(&run(after), false, env, state);
    }

    /// Adds a line break (not a tracked change).
    pub fn line_break(&mut self, env: &Env, state: &mut State) {
        self.push_run("<w:br/>", false, env, state);
    }

    /// Adds a run whose content (properties and text, break or tab) is `inner`, inside the
    /// tracked change in force when `tracked`.
    fn push_run(&mut self, inner: &str, tracked: bool, env: &Env, state: &mut State) {
        let run = format!("<w:r>{inner}</w:r>");
        let run = match self.change.change.filter(|_| tracked) {
            Some(change) => {
                let id = state.revision();
                let tag = match change {
                    Change::Inserted => "w:ins",
                    Change::Deleted => "w:del",
                };
                format!(
                    r#"<{tag} w:id="{id}" w:author="{}" w:date="{}">{run}</{tag}>"#,
                    esc(self.change.author.as_deref().unwrap_or(state.author())),
                    env.stamp
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
            None => self.xml.push_str(xml),
        }
    }

    /// Opens a hyperlink: to a bookmark of this document, or to an http(s)/mailto address;
    /// anything else stays plain text.
    pub fn open_link(&mut self, url: &str, env: &Env, state: &mut State) {
        let url = super::xml::clean(url);
        let open = match link_target(&url) {
            LinkTarget::Anchor(anchor) if env.outline.anchors.contains(anchor) => format!(
                r#"<w:hyperlink w:anchor="{}" w:history="1">"#,
                bookmark_name(anchor)
            ),
            LinkTarget::External => {
                let id = state.external_link(url.into_owned());
                format!(r#"<w:hyperlink r:id="{id}" w:history="1">"#)
            }
            _ => String::new(),
        };
        self.link = Some((open, String::new()));
    }

    /// Closes the hyperlink opened by [`Runs::open_link`].
    pub fn close_link(&mut self) {
        if let Some((open, runs)) = self.link.take() {
            if open.is_empty() {
                self.push_raw(&runs);
            } else {
                self.push_raw(&format!("{open}{runs}</w:hyperlink>"));
            }
        }
    }
}

/// Writes `text` as `element`s, with each hyphen inside a symbol ("RPM-AFR25", "TDAG-25/12-E",
/// "ITU-D": a capital letter or digit on both sides) a no-break hyphen, so that a narrow
/// column never breaks a symbol in two. In right-to-left text (`joined`) the hyphen stays a
/// hyphen followed by a word joiner (U+2060): LibreOffice lays a no-break hyphen inside a
/// bidirectional line over its neighbours.
fn text_elements(out: &mut String, text: &str, element: &str, joined: bool) {
    let bytes = text.as_bytes();
    let symbolic = |b: Option<&u8>| b.is_some_and(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
    let hyphens = memchr::memchr_iter(b'-', bytes)
        .filter(|&at| at > 0 && symbolic(bytes.get(at - 1)) && symbolic(bytes.get(at + 1)));
    let element_of = |out: &mut String, piece: &str| {
        if !piece.is_empty() {
            let _ = write!(
                out,
                r#"<{element} xml:space="preserve">{}</{element}>"#,
                quick_xml::escape::escape(piece)
            );
        }
    };
    let mut start = 0;
    if joined {
        let mut with_joiners = String::with_capacity(text.len() + 8);
        for at in hyphens {
            with_joiners.push_str(&text[start..=at]);
            with_joiners.push('\u{2060}');
            start = at + 1;
        }
        with_joiners.push_str(&text[start..]);
        element_of(out, &with_joiners);
        return;
    }
    for at in hyphens {
        element_of(out, &text[start..at]);
        out.push_str("<w:noBreakHyphen/>");
        start = at + 1;
    }
    element_of(out, &text[start..]);
}
