//! Word paragraphs and tables written as the input's Markdown: bold, italic, lists, pipe
//! tables, footnotes and links; tracked changes (and, where asked, underlining and striking
//! used as revision marks) as CriticMarkup.

use super::word::{Block, Change, Format, Inline, Para};
use std::collections::HashMap;
use std::fmt::Write;

/// How to write a stretch of blocks.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Underlined text is an insertion and struck text a deletion (a text amended by
    /// copying and pasting, whose revision marks are formatting).
    pub revision_formatting: bool,
}

/// Writes Markdown for `blocks`, with the definitions of the footnotes they cite.
pub struct Writer<'a> {
    pub footnotes: &'a HashMap<String, Vec<Block>>,
    pub options: Options,
    /// How many tracked changes (and revision marks) became CriticMarkup.
    pub changes: usize,
}

impl Writer<'_> {
    /// The Markdown of `blocks`, blocks separated by blank lines, list items kept together.
    pub fn blocks(&mut self, blocks: &[&Block]) -> String {
        let mut out = String::new();
        let mut in_list = false;
        for block in blocks {
            match block {
                Block::Para(p) => {
                    let mut notes = Vec::new();
                    let text = self.inlines(&p.inlines, false, &mut notes);
                    if text.trim().is_empty() {
                        continue;
                    }
                    let item = p.list.is_some();
                    if !out.is_empty() {
                        out.push_str(if item && in_list { "\n" } else { "\n\n" });
                    }
                    in_list = item;
                    match p.list {
                        Some((level, numbered)) => {
                            let indent = "   ".repeat(usize::from(level.min(8)));
                            let marker = if numbered { "1." } else { "-" };
                            let _ = write!(out, "{indent}{marker} {}", text.trim());
                        }
                        None => out.push_str(&escape_start(text.trim())),
                    }
                    self.notes(&notes, &mut out);
                }
                Block::Table(rows) => {
                    if !out.is_empty() {
                        out.push_str("\n\n");
                    }
                    in_list = false;
                    let mut notes = Vec::new();
                    out.push_str(&self.table(rows, &mut notes));
                    self.notes(&notes, &mut out);
                }
            }
        }
        out
    }

    /// The Markdown of one paragraph's text (for headings and lead-ins).
    pub fn paragraph(&mut self, p: &Para) -> String {
        let mut notes = Vec::new();
        self.inlines(&p.inlines, true, &mut notes)
            .trim()
            .to_string()
    }

    fn notes(&mut self, ids: &[String], out: &mut String) {
        for id in ids {
            let Some(blocks) = self.footnotes.get(id) else {
                continue;
            };
            let blocks: Vec<&Block> = blocks.iter().collect();
            let text = self.blocks(&blocks).replace("\n\n", " ").replace('\n', " ");
            let _ = write!(out, "\n\n[^{id}]: {}", text.trim());
        }
    }

    fn table(&mut self, rows: &[Vec<Vec<Para>>], notes: &mut Vec<String>) -> String {
        let columns = rows.iter().map(Vec::len).max().unwrap_or(0).max(1);
        let mut out = String::new();
        for (i, row) in rows.iter().enumerate() {
            out.push('|');
            for c in 0..columns {
                let cell = row.get(c).map_or(String::new(), |paras| {
                    paras
                        .iter()
                        .map(|p| self.inlines(&p.inlines, true, notes))
                        .filter(|t| !t.trim().is_empty())
                        .collect::<Vec<_>>()
                        .join(" ")
                });
                let _ = write!(out, " {} |", cell.trim().replace('|', "\\|"));
            }
            out.push('\n');
            if i == 0 {
                out.push('|');
                out.push_str(&"---|".repeat(columns));
                out.push('\n');
            }
        }
        out.truncate(out.trim_end().len());
        out
    }

    fn inlines(&mut self, inlines: &[Inline], one_line: bool, notes: &mut Vec<String>) -> String {
        let mut out = String::new();
        let mut open: Option<&'static str> = None;
        for inline in inlines {
            match inline {
                Inline::Text(text, format) => {
                    let mark = self.revision(*format);
                    if mark != open {
                        close(&mut out, open);
                        if let Some(m) = mark {
                            out.push_str(m);
                            self.changes += 1;
                        }
                        open = mark;
                    }
                    out.push_str(&styled(text, *format, self.options));
                }
                Inline::Break => {
                    close(&mut out, open.take());
                    out.push_str(if one_line { " " } else { "\\\n" });
                }
                Inline::Footnote(id) => {
                    close(&mut out, open.take());
                    let _ = write!(out, "[^{id}]");
                    notes.push(id.clone());
                }
                Inline::Link(url, inner) => {
                    close(&mut out, open.take());
                    let text = self.inlines(inner, true, notes);
                    let _ = write!(out, "[{}](<{}>)", text.trim(), url.replace('>', "%3E"));
                }
            }
        }
        close(&mut out, open);
        out
    }

    /// The CriticMarkup a piece of text opens: `{++` for an insertion, `{--` for a deletion.
    fn revision(&self, f: Format) -> Option<&'static str> {
        match f.change {
            Some(Change::Inserted) => Some("{++"),
            Some(Change::Deleted) => Some("{--"),
            None if self.options.revision_formatting && f.strike => Some("{--"),
            None if self.options.revision_formatting && f.underline => Some("{++"),
            None => None,
        }
    }
}

fn close(out: &mut String, open: Option<&str>) {
    match open {
        Some("{++") => out.push_str("++}"),
        Some("{--") => out.push_str("--}"),
        _ => {}
    }
}

/// `text` escaped and wrapped in its emphasis; spaces stay outside the markers.
fn styled(text: &str, f: Format, options: Options) -> String {
    let escaped = escape(text);
    let core = escaped.trim();
    if core.is_empty() {
        return escaped;
    }
    let strike = f.strike && f.change.is_none() && !options.revision_formatting;
    let (open, close) = match (f.bold, f.italic) {
        (true, true) => ("***", "***"),
        (true, false) => ("**", "**"),
        (false, true) => ("*", "*"),
        (false, false) => ("", ""),
    };
    let (s_open, s_close) = if strike { ("~~", "~~") } else { ("", "") };
    if open.is_empty() && s_open.is_empty() {
        return escaped;
    }
    let lead = &escaped[..escaped.len() - escaped.trim_start().len()];
    let trail = &escaped[escaped.trim_end().len()..];
    format!("{lead}{s_open}{open}{core}{close}{s_close}{trail}")
}

/// Escapes the characters Markdown would read as markup inside a line.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '~' | '^' | '{' | '}'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Escapes what would start a heading, list or quote at the start of a paragraph.
fn escape_start(text: &str) -> String {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    let after = text[digits..].chars().next();
    if (1..10).contains(&digits)
        && matches!(after, Some('.' | ')'))
        && text[digits + 1..]
            .chars()
            .next()
            .is_none_or(char::is_whitespace)
    {
        format!("{}\\{}", &text[..digits], &text[digits..])
    } else if text.starts_with(['#', '+', '-', '=', '|']) {
        format!("\\{text}")
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(t: &str, f: Format) -> Inline {
        Inline::Text(t.to_string(), f)
    }

    fn para(inlines: Vec<Inline>) -> Block {
        Block::Para(Para {
            inlines,
            ..Para::default()
        })
    }

    #[test]
    fn emphasis_changes_and_revision_formatting() {
        let notes = HashMap::new();
        let bold = Format {
            bold: true,
            ..Format::default()
        };
        let ins = Format {
            change: Some(Change::Inserted),
            ..Format::default()
        };
        let under = Format {
            underline: true,
            ..Format::default()
        };
        let blocks = [para(vec![
            text("resolves ", bold),
            text("to ", Format::default()),
            text("urge", ins),
            text(" all 2*3", Format::default()),
            text(" and regional", under),
        ])];
        let refs: Vec<&Block> = blocks.iter().collect();
        let mut w = Writer {
            footnotes: &notes,
            options: Options::default(),
            changes: 0,
        };
        assert_eq!(
            w.blocks(&refs),
            "**resolves** to {++urge++} all 2\\*3 and regional"
        );
        let mut w = Writer {
            footnotes: &notes,
            options: Options {
                revision_formatting: true,
            },
            changes: 0,
        };
        assert_eq!(
            w.blocks(&refs),
            "**resolves** to {++urge++} all 2\\*3{++ and regional++}"
        );
        assert_eq!(w.changes, 2);
    }

    #[test]
    fn lists_tables_and_footnotes() {
        let mut notes = HashMap::new();
        notes.insert(
            "1".to_string(),
            vec![para(vec![text("See Res. 17.", Format::default())])],
        );
        let item = |t: &str, level| {
            Block::Para(Para {
                list: Some((level, true)),
                inlines: vec![text(t, Format::default())],
                ..Para::default()
            })
        };
        let cell = |t: &str| {
            vec![Para {
                inlines: vec![text(t, Format::default())],
                ..Para::default()
            }]
        };
        let blocks = [
            item("one", 0),
            item("two", 1),
            para(vec![
                text("Note", Format::default()),
                Inline::Footnote("1".into()),
            ]),
            Block::Table(vec![
                vec![cell("A"), cell("B")],
                vec![cell("a|b"), cell("c")],
            ]),
        ];
        let refs: Vec<&Block> = blocks.iter().collect();
        let mut w = Writer {
            footnotes: &notes,
            options: Options::default(),
            changes: 0,
        };
        assert_eq!(
            w.blocks(&refs),
            "1. one\n   1. two\n\nNote[^1]\n\n[^1]: See Res. 17.\n\n| A | B |\n|---|---|\n| a\\|b | c |"
        );
    }
}
