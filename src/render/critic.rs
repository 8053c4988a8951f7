//! CriticMarkup in proposal texts: `{++inserted++}`, `{--deleted--}`, `{~~old~>new~~}`.
//!
//! The Markdown reports keep it as written. Before the HTML and DOCX writers parse the
//! Markdown, [`mark`] turns it into private-use characters that no Markdown rule touches
//! (`~~` would otherwise read as strikethrough), so a writer sees insertions and deletions
//! as text that opens and closes them, whatever inline markup lies inside.

use regex::Regex;
use std::borrow::Cow;
use std::sync::LazyLock;

/// Opens and closes an insertion.
pub const INS_OPEN: char = '\u{E000}';
pub const INS_CLOSE: char = '\u{E001}';
/// Opens and closes a deletion.
pub const DEL_OPEN: char = '\u{E002}';
pub const DEL_CLOSE: char = '\u{E003}';

/// What a piece of text is: unchanged, inserted or deleted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    Inserted,
    Deleted,
}

/// The sections of `markdown` (see [`crate::model::dialect::sections`]), each with its
/// CriticMarkup replaced by the marks above: what the writers parse, one section at a time.
pub fn marked_sections(markdown: &str) -> impl Iterator<Item = Cow<'_, str>> {
    crate::model::dialect::sections(markdown).map(|(_, section)| mark(section))
}

/// Replaces CriticMarkup by the marks above (borrowed when there is none).
pub fn mark(markdown: &str) -> Cow<'_, str> {
    static CRITIC: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?s)\{\+\+(.*?)\+\+\}|\{--(.*?)--\}|\{~~(.*?)~>(.*?)~~\}").expect("valid")
    });
    if !markdown.contains('{') {
        return Cow::Borrowed(markdown);
    }
    CRITIC.replace_all(markdown, |c: &regex::Captures| {
        if let Some(text) = c.get(1) {
            format!("{INS_OPEN}{}{INS_CLOSE}", text.as_str())
        } else if let Some(text) = c.get(2) {
            format!("{DEL_OPEN}{}{DEL_CLOSE}", text.as_str())
        } else {
            format!(
                "{DEL_OPEN}{}{DEL_CLOSE}{INS_OPEN}{}{INS_CLOSE}",
                &c[3], &c[4]
            )
        }
    })
}

/// Splits text at the marks: each piece with the change it belongs to, given the change in
/// force before the text; returns the change in force after it.
pub fn split(
    text: &str,
    mut current: Option<Change>,
) -> (Vec<(&str, Option<Change>)>, Option<Change>) {
    let mut pieces = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        let next = match c {
            INS_OPEN => Some(Change::Inserted),
            DEL_OPEN => Some(Change::Deleted),
            INS_CLOSE | DEL_CLOSE => None,
            _ => continue,
        };
        if i > start {
            pieces.push((&text[start..i], current));
        }
        current = next;
        start = i + c.len_utf8();
    }
    if start < text.len() {
        pieces.push((&text[start..], current));
    }
    (pieces, current)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_insertions_deletions_and_substitutions() {
        let marked = mark("keep {++new++} {--old--} {~~two~>three~~} years");
        let (pieces, after) = split(&marked, None);
        assert_eq!(
            pieces,
            vec![
                ("keep ", None),
                ("new", Some(Change::Inserted)),
                (" ", None),
                ("old", Some(Change::Deleted)),
                (" ", None),
                ("two", Some(Change::Deleted)),
                ("three", Some(Change::Inserted)),
                (" years", None),
            ]
        );
        assert_eq!(after, None);
        assert!(matches!(mark("no markup"), Cow::Borrowed(_)));
    }

    #[test]
    fn a_change_may_span_inline_markup() {
        let marked = mark("{++an **important** addition++}");
        let (first, open) = split(&marked[..marked.find("**").unwrap()], None);
        assert_eq!(first, vec![("an ", Some(Change::Inserted))]);
        assert_eq!(open, Some(Change::Inserted));
    }
}
