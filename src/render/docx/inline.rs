//! The text of one paragraph or table cell as the layout measures it: characters with their
//! weight and slant, and the line breaks within it.

use super::lines::{Breaker, Font};

/// Run formatting of a span of text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Flags {
    pub bold: bool,
    pub italic: bool,
    /// Code (`VerbatimChar`: monospaced, 10 pt).
    pub code: bool,
}

/// Text gathered for a paragraph or cell; `\n` is a line break.
#[derive(Debug, Clone, Default)]
pub struct Inline {
    text: String,
    /// Where each span ends (a byte offset) and its formatting.
    spans: Vec<(usize, Flags)>,
}

/// Size of code in points (`VerbatimChar`).
const CODE_SIZE: f64 = 10.0;

impl Inline {
    /// Adds text with `flags`.
    pub fn push(&mut self, text: &str, flags: Flags) {
        if text.is_empty() {
            return;
        }
        self.text.push_str(text);
        match self.spans.last_mut() {
            Some((end, f)) if *f == flags => *end = self.text.len(),
            _ => self.spans.push((self.text.len(), flags)),
        }
    }

    /// Adds a line break.
    pub fn line_break(&mut self) {
        self.push("\n", Flags::default());
    }

    /// Nothing gathered.
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// The plain text (as the writer gives it to the column widths).
    pub fn plain(&self) -> &str {
        &self.text
    }

    /// Empties it for the next paragraph.
    pub fn clear(&mut self) {
        self.text.clear();
        self.spans.clear();
    }

    /// Feeds the text to `breaker` in `font` (the paragraph style's), with each span's
    /// formatting on top.
    pub fn measure(&self, breaker: &mut Breaker, font: Font) {
        let mut start = 0;
        for &(end, flags) in &self.spans {
            let span_font = if flags.code {
                Font {
                    size: CODE_SIZE,
                    mono: true,
                    ..font
                }
            } else {
                Font {
                    bold: font.bold || flags.bold,
                    italic: font.italic || flags.italic,
                    ..font
                }
            };
            let advance = span_font.measure();
            for c in self.text[start..end].chars() {
                if c == '\n' {
                    breaker.line_break();
                } else {
                    breaker.char(c, advance(c));
                }
            }
            start = end;
        }
    }

    /// Lines the text takes in `font` on lines `first` and then `width` points wide.
    pub fn lines(&self, font: Font, first: f64, width: f64) -> usize {
        let mut breaker = Breaker::new(first, width);
        self.measure(&mut breaker, font);
        breaker.finish()
    }
}
