//! Writers: report Markdown → HTML and DOCX (pandoc's reader → writer shape, with
//! pulldown-cmark events as the common currency).
//!
//! Both writers understand the same small extensions of the Markdown the templates write:
//!
//! * heading classes: `{.title}` and `{.subtitle}` (cover), `{.cover}` (a line of the cover
//!   block: symbol, date, original language — a paragraph, not a heading), `{.toc}` (the
//!   table of contents: a real TOC field in Word; the Markdown list of links that follows it
//!   elsewhere), `{.landscape}` (Word only: the section up to the next heading of the same
//!   level is printed landscape);
//! * heading attribute `data-region=AFR`: the author of tracked changes below it;
//! * paragraphs starting `Table:` (a numbered table caption), `Note:` and `Source:` /
//!   `Sources:` in any report language (`marker_*` in the catalogues; note and source styles);
//! * CriticMarkup (see [`critic`]): tracked changes;
//! * a number's raised letters written as Pandoc writes superscripts, `1^er^` ("1er" in
//!   French dates and ordinals; see [`superscripts`]).

pub mod critic;
pub mod docx;
pub mod html;
pub mod script;

/// Each writer's own style, apart from the report templates: the HTML stylesheet and the
/// house Word template.
#[derive(Debug, Clone)]
pub struct Styles {
    /// The HTML page's stylesheet: `style.css` of the templates folder, else the default.
    pub css: String,
    /// The DOCX writer's house template (`--reference-doc`, else `reference.docx` of the
    /// templates folder), if any.
    pub reference: Option<docx::Reference>,
}

impl Default for Styles {
    fn default() -> Styles {
        Styles {
            css: html::DEFAULT_CSS.to_string(),
            reference: None,
        }
    }
}

/// Where a link written in report Markdown may lead.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkTarget<'a> {
    /// `#anchor`: a heading of the same document.
    Anchor(&'a str),
    /// `http:`, `https:` or `mailto:`.
    External,
    /// A path without a scheme (kept in HTML, plain text in Word).
    Relative,
    /// Any other scheme (`javascript:`, `data:`, `file:` …): never followed.
    Blocked,
}

/// Classifies a link destination.
pub fn link_target(url: &str) -> LinkTarget<'_> {
    if let Some(anchor) = url.strip_prefix('#') {
        return LinkTarget::Anchor(anchor);
    }
    let lower = url.trim().to_ascii_lowercase();
    let scheme = lower
        .split_once(':')
        .map(|(s, _)| s)
        .filter(|s| !s.contains(['/', '#', '?']));
    match scheme {
        None => LinkTarget::Relative,
        Some("http" | "https" | "mailto") => LinkTarget::External,
        Some(_) => LinkTarget::Blocked,
    }
}

/// A paragraph style chosen by how the paragraph starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParagraphKind {
    /// `Table: …`: the caption of the table that follows (the prefix is replaced by a number).
    Caption,
    Note,
    Source,
}

/// The words that mark a note or a source paragraph, in every report language.
static MARKERS: std::sync::LazyLock<Vec<(String, ParagraphKind)>> =
    std::sync::LazyLock::new(|| {
        let keys = [
            ("marker_note", ParagraphKind::Note),
            ("marker_source", ParagraphKind::Source),
            ("marker_sources", ParagraphKind::Source),
        ];
        crate::messages::catalogues()
            .flat_map(|cat| keys.map(|(key, kind)| (cat.text(key, &[]), kind)))
            .collect()
    });

/// The kind of a paragraph whose text starts with `text`, and how many bytes of the prefix
/// the writer drops.
pub fn paragraph_kind(text: &str) -> Option<(ParagraphKind, usize)> {
    if let Some(rest) = text.strip_prefix("Table:") {
        return Some((ParagraphKind::Caption, text.len() - rest.trim_start().len()));
    }
    if text.starts_with("Note –") {
        return Some((ParagraphKind::Note, 0));
    }
    MARKERS
        .iter()
        .find(|(marker, _)| text.starts_with(marker.as_str()))
        .map(|(_, kind)| (*kind, 0))
}

/// The words before and after a caption's number in a report language: ("Table ", " – ").
pub fn caption_words(language: &str) -> (String, String) {
    let pattern = crate::messages::of(language).text("caption_table", &[]);
    match pattern.split_once("{0}") {
        Some((before, after)) => (before.to_string(), after.to_string()),
        None => (pattern, String::new()),
    }
}

/// `text` cut where a number's raised letters are marked as Pandoc marks superscripts
/// ("1^er^ juin": "1", "er" raised, " juin"): each piece and whether it is raised. Only one
/// to four letters right after a digit are read so; any other caret is text.
pub fn superscripts(text: &str) -> Vec<(&str, bool)> {
    let mut pieces = Vec::new();
    let mut start = 0;
    let mut from = 0;
    while let Some(at) = text[from..].find('^').map(|i| from + i) {
        from = at + 1;
        let after_digit = text[..at].ends_with(|c: char| c.is_ascii_digit());
        let Some(len) = text[at + 1..].find('^') else {
            break;
        };
        let letters = &text[at + 1..at + 1 + len];
        if after_digit
            && (1..=4).contains(&letters.chars().count())
            && letters.chars().all(char::is_alphabetic)
        {
            pieces.push((&text[start..at], false));
            pieces.push((letters, true));
            start = at + len + 2;
            from = start;
        }
    }
    pieces.push((&text[start..], false));
    pieces.retain(|(piece, _)| !piece.is_empty());
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_links_and_paragraphs() {
        assert_eq!(link_target("#top"), LinkTarget::Anchor("top"));
        assert_eq!(link_target("https://itu.int"), LinkTarget::External);
        assert_eq!(link_target("MailTo:a@b.org"), LinkTarget::External);
        assert_eq!(link_target("docs/a.md"), LinkTarget::Relative);
        assert_eq!(link_target(" JavaScript:alert(1)"), LinkTarget::Blocked);
        assert_eq!(
            paragraph_kind("Table: RPMs held"),
            Some((ParagraphKind::Caption, 7))
        );
        assert_eq!(
            paragraph_kind("Sources: AFR/P1"),
            Some((ParagraphKind::Source, 0))
        );
        assert_eq!(paragraph_kind("Tables are"), None);
    }

    #[test]
    fn a_number_s_raised_letters_are_superscript() {
        assert_eq!(
            superscripts("1^er^–15 juin"),
            vec![("1", false), ("er", true), ("–15 juin", false)]
        );
        assert_eq!(superscripts("le 2^e^"), vec![("le 2", false), ("e", true)]);
        for plain in ["x^2^", "2^ab cd^", "10^", "a ^ b ^ c", "3^^"] {
            assert_eq!(superscripts(plain), vec![(plain, false)], "{plain}");
        }
    }
}
