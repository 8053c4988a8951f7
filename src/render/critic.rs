//! CriticMarkup in proposal texts: `{++inserted++}`, `{--deleted--}`, `{~~old~>new~~}`.
//!
//! The Markdown reports keep it as written. Before the HTML and DOCX writers parse the
//! Markdown, [`mark`] turns it into private-use characters that no Markdown rule touches
//! (`~~` would otherwise read as strikethrough), so a writer sees insertions and deletions
//! as text that opens and closes them, whatever inline markup lies inside.
//!
//! A CriticMarkup comment right after a change, `{++text++}{>>AFR, ARB<<}`, names who makes
//! it (letters, digits, spaces and `,./()-`, up to 80 characters): the author of that
//! change in Word, a `data-regions` attribute and a label beside it in HTML. The Markdown
//! keeps it as written. Any other comment is printed as written.

use regex::Regex;
use std::borrow::Cow;
use std::sync::LazyLock;

/// Opens and closes an insertion.
pub const INS_OPEN: char = '\u{E000}';
pub const INS_CLOSE: char = '\u{E001}';
/// Opens and closes a deletion.
pub const DEL_OPEN: char = '\u{E002}';
pub const DEL_CLOSE: char = '\u{E003}';
/// Enclose the author of the change that follows.
pub const AUTHOR_OPEN: char = '\u{E004}';
pub const AUTHOR_CLOSE: char = '\u{E005}';
/// Enclose a label naming the author of the change before it.
pub const LABEL_OPEN: char = '\u{E006}';
pub const LABEL_CLOSE: char = '\u{E007}';

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
        Regex::new(
            r"(?s)(?:\{\+\+(.*?)\+\+\}|\{--(.*?)--\}|\{~~(.*?)~>(.*?)~~\})(?:\{>>([A-Za-z0-9 ,./()\-]{1,80})<<\})?",
        )
        .expect("valid")
    });
    if !markdown.contains('{') {
        return Cow::Borrowed(markdown);
    }
    CRITIC.replace_all(markdown, |c: &regex::Captures| {
        let author = c
            .get(5)
            .map(|a| format!("{AUTHOR_OPEN}{}{AUTHOR_CLOSE}", a.as_str().trim()));
        let by = author.as_deref().unwrap_or("");
        let mut out = if let Some(text) = c.get(1) {
            format!("{by}{INS_OPEN}{}{INS_CLOSE}", text.as_str())
        } else if let Some(text) = c.get(2) {
            format!("{by}{DEL_OPEN}{}{DEL_CLOSE}", text.as_str())
        } else {
            format!(
                "{by}{DEL_OPEN}{}{DEL_CLOSE}{by}{INS_OPEN}{}{INS_CLOSE}",
                &c[3], &c[4]
            )
        };
        if let Some(a) = c.get(5) {
            out.push(LABEL_OPEN);
            out.push_str(a.as_str().trim());
            out.push(LABEL_CLOSE);
        }
        out
    })
}

/// The tracked change in force and its author, carried from one piece of text to the next.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct InForce {
    pub change: Option<Change>,
    /// Who makes it, when the change names its author.
    pub author: Option<String>,
}

/// A piece of text between marks: plain, inserted or deleted, or a label naming the author
/// of the change before it.
#[derive(Debug, Clone, PartialEq)]
pub struct Piece<'a> {
    pub text: &'a str,
    pub change: Option<Change>,
    pub author: Option<String>,
    pub label: bool,
}

/// Splits text at the marks, given what is in force before it (updated to what is in force
/// after it).
pub fn pieces<'a>(text: &'a str, state: &mut InForce) -> Vec<Piece<'a>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut pending: Option<String> = None;
    let mut chars = text.char_indices();
    while let Some((i, c)) = chars.next() {
        if !matches!(c, '\u{E000}'..='\u{E007}') {
            continue;
        }
        if i > start {
            out.push(Piece {
                text: &text[start..i],
                change: state.change,
                author: state.author.clone().filter(|_| state.change.is_some()),
                label: false,
            });
        }
        start = i + c.len_utf8();
        match c {
            INS_OPEN | DEL_OPEN => {
                state.change = Some(if c == INS_OPEN {
                    Change::Inserted
                } else {
                    Change::Deleted
                });
                state.author = pending.take();
            }
            INS_CLOSE | DEL_CLOSE => *state = InForce::default(),
            AUTHOR_OPEN | LABEL_OPEN => {
                let close = if c == AUTHOR_OPEN {
                    AUTHOR_CLOSE
                } else {
                    LABEL_CLOSE
                };
                let end = text[start..].find(close).map_or(text.len(), |e| start + e);
                if c == AUTHOR_OPEN {
                    pending = Some(text[start..end].to_string());
                } else {
                    out.push(Piece {
                        text: &text[start..end],
                        change: None,
                        author: None,
                        label: true,
                    });
                }
                start = (end + close.len_utf8()).min(text.len());
                while chars.next().is_some_and(|(j, _)| j < end) {}
            }
            _ => {}
        }
    }
    if start < text.len() {
        out.push(Piece {
            text: &text[start..],
            change: state.change,
            author: state.author.clone().filter(|_| state.change.is_some()),
            label: false,
        });
    }
    out
}

/// Splits text at the marks: each piece with the change it belongs to, given the change in
/// force before the text; returns the change in force after it. Authors and labels are left
/// out.
pub fn split(text: &str, current: Option<Change>) -> (Vec<(&str, Option<Change>)>, Option<Change>) {
    let mut state = InForce {
        change: current,
        author: None,
    };
    let pieces = pieces(text, &mut state)
        .into_iter()
        .filter(|p| !p.label)
        .map(|p| (p.text, p.change))
        .collect();
    (pieces, state.change)
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
    fn a_comment_after_a_change_names_its_author_and_labels_it() {
        let marked = mark("a {++b++}{>>AFR, ARB<<} {~~c~>d~~}{>>CIS<<} {--e--} {>>note: x<<}");
        let mut state = InForce::default();
        let got: Vec<(&str, Option<Change>, Option<String>, bool)> = pieces(&marked, &mut state)
            .into_iter()
            .map(|p| (p.text, p.change, p.author, p.label))
            .collect();
        let by = |a: &str| Some(a.to_string());
        assert_eq!(
            got,
            vec![
                ("a ", None, None, false),
                ("b", Some(Change::Inserted), by("AFR, ARB"), false),
                ("AFR, ARB", None, None, true),
                (" ", None, None, false),
                ("c", Some(Change::Deleted), by("CIS"), false),
                ("d", Some(Change::Inserted), by("CIS"), false),
                ("CIS", None, None, true),
                (" ", None, None, false),
                ("e", Some(Change::Deleted), None, false),
                (" {>>note: x<<}", None, None, false),
            ]
        );
        // A change running over two pieces of text keeps its author.
        let marked = mark("{++one\n\ntwo++}{>>EUR<<}");
        let (first, rest) = marked.split_at(marked.find('\n').unwrap());
        let mut state = InForce::default();
        pieces(first, &mut state);
        assert_eq!(state.author.as_deref(), Some("EUR"));
        let after = pieces(rest, &mut state);
        assert_eq!(after[0].author.as_deref(), Some("EUR"));
    }

    #[test]
    fn a_change_may_span_inline_markup() {
        let marked = mark("{++an **important** addition++}");
        let (first, open) = split(&marked[..marked.find("**").unwrap()], None);
        assert_eq!(first, vec![("an ", Some(Change::Inserted))]);
        assert_eq!(open, Some(Change::Inserted));
    }
}
