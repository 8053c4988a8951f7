//! Diagnostics printed like a compiler's: the message, `--> file:line:col`, the source line
//! with the offending word underlined, and a `help:` line.

use crate::model::{Diagnostic, Severity};
use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};

/// Renders one diagnostic. `path` is the file as the user should see it (e.g. with the input
/// folder in front); `line_text` is the text of line `d.line` when it is known.
pub fn render(d: &Diagnostic, path: &str, line_text: Option<&str>, color: bool) -> String {
    let level = match d.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
    };
    let title = level.primary_title(d.message.as_str());
    let group = match (d.line, line_text) {
        (0, _) => Group::with_title(title).element(Origin::path(path)),
        (line, Some(text)) => {
            let text = text.trim_end_matches(['\n', '\r']);
            Group::with_title(title).element(
                Snippet::source(text)
                    .line_start(line)
                    .path(path)
                    .annotation(AnnotationKind::Primary.span(underline(text, d.column))),
            )
        }
        (line, None) => {
            let origin = Origin::path(path).line(line);
            Group::with_title(title).element(match d.column {
                0 => origin,
                c => origin.char_column(c),
            })
        }
    };
    let group = match &d.help {
        Some(help) => group.element(Level::HELP.message(help.as_str())),
        None => group,
    };
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    renderer.render(&[group])
}

/// The byte range to underline: the word starting at 1-based character `column` (up to the
/// next space or closing punctuation; a whole heading from its `#` marks, a whole `{{…}}`
/// template expression, a whole quoted string), one character when
/// that is empty, the whole line's text when the column is unknown.
fn underline(text: &str, column: usize) -> std::ops::Range<usize> {
    if column == 0 {
        let start = text.len() - text.trim_start().len();
        return start..text.trim_end().len().max(start);
    }
    let start = text
        .char_indices()
        .nth(column - 1)
        .map_or(text.len(), |(i, _)| i);
    let word = text[start..]
        .find(|c: char| c.is_whitespace() || matches!(c, ',' | ':' | '}' | ']' | ')' | '"' | '`'))
        .map_or(text.len(), |n| start + n);
    let quote = text[start..]
        .chars()
        .next()
        .filter(|&c| c == '"' || c == '\'');
    let end = if text[start..].starts_with("{{") {
        text[start..].find("}}").map_or(word, |n| start + n + 2)
    } else if let Some(q) = quote {
        text[start + 1..].find(q).map_or(word, |n| start + n + 2)
    } else if text[start..word].chars().all(|c| c == '#') && word > start {
        text.trim_end().len()
    } else if word > start {
        word
    } else {
        text[start..]
            .chars()
            .next()
            .map_or(start, |c| start + c.len_utf8())
    };
    start..end
}

/// Whether diagnostics should be coloured: stderr is a terminal and `NO_COLOR` is not set.
pub fn color_wanted() -> bool {
    use std::io::IsTerminal;
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && std::io::stderr().is_terminal()
}

/// The text of 1-based line `line` in `text`.
pub fn line_of(text: &str, line: usize) -> Option<&str> {
    text.split('\n').nth(line.checked_sub(1)?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::SourcePos;

    #[test]
    fn prints_location_source_caret_and_help() {
        let d = Diagnostic::error(
            &SourcePos::new("rpm/afr.md", 2, 9),
            "unknown region \"AFRICA\"",
        )
        .with_help("did you mean `AFR`?");
        let out = render(&d, "input/rpm/afr.md", Some("region: AFRICA\n"), false);
        assert_eq!(
            out,
            "error: unknown region \"AFRICA\"\n \
             --> input/rpm/afr.md:2:9\n  \
             |\n\
             2 | region: AFRICA\n  \
             |         ^^^^^^\n  \
             |\n  \
             = help: did you mean `AFR`?"
        );
    }

    #[test]
    fn colours_only_when_asked() {
        let d = Diagnostic::error(&SourcePos::new("a.md", 1, 1), "bad");
        assert!(render(&d, "a.md", Some("x"), true).contains("\x1b["));
        assert!(!render(&d, "a.md", Some("x"), false).contains('\x1b'));
    }

    #[test]
    fn without_source_or_line_prints_the_location_only() {
        let d = Diagnostic::warning(&SourcePos::new("rpm/x.md", 4, 0), "odd");
        let out = render(&d, "rpm/x.md", None, false);
        assert!(out.starts_with("warning: odd\n"), "{out}");
        assert!(out.contains("--> rpm/x.md:4"), "{out}");
        let d = Diagnostic::error(&SourcePos::new("input", 0, 0), "input folder not found");
        assert!(render(&d, "input", None, false).contains("--> input"));
    }

    #[test]
    fn underlines_a_word_or_one_character() {
        assert_eq!(underline("a: [AFX, EUR]", 5), 4..7);
        assert_eq!(underline("été: x", 1), 0..5);
        assert_eq!(underline("key:  ", 5), 4..5);
        assert_eq!(underline("  whole line ", 0), 2..12);
        assert_eq!(underline("## A heading {#X} ", 1), 0..17);
        assert_eq!(underline("x {{#if a.b}} y", 3), 2..13);
        assert_eq!(underline("title: \"\"", 8), 7..9);
        assert_eq!(underline("t: 'a b' c", 4), 3..8);
    }
}
