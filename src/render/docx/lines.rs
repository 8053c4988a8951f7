//! Lines of text as LibreOffice breaks them: characters measured with the advance widths of
//! the font it renders Calibri in (Carlito, [`super::metrics`]), lines filled greedily and
//! broken after spaces, hyphens, dashes and slashes; a word wider than the line is cut.

use super::metrics;
use crate::render::script::{self, Writing};

/// Advance width of an Arabic letter in Noto Naskh Arabic, as a share of the em: 0.60 em on
/// average alone, 0.40 em joined in the words of LibreOffice's pages of an Arabic report
/// (`pdftotext -bbox`), a little more for the marks and letters words start and end with.
const ARABIC_ADVANCE: f64 = 0.42;

/// The font of a piece of text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Font {
    /// Size in points.
    pub size: f64,
    pub bold: bool,
    pub italic: bool,
    /// Monospaced (code).
    pub mono: bool,
    /// The script of the report language, whose font may make lines taller.
    pub writing: Writing,
}

impl Font {
    /// Calibri (Carlito) at `size` points, regular.
    pub fn new(size: f64) -> Font {
        Font {
            size,
            bold: false,
            italic: false,
            mono: false,
            writing: Writing::Latin,
        }
    }

    /// Height of a line of this font in points: the font's ascent, descent and line gap, in
    /// whole twips, times `proportion` (1.1 for Word's 264 "auto" line), down to a twip, as
    /// LibreOffice computes it.
    /// In a document in Arabic or Chinese the line is that of the script's font, which is
    /// taller.
    pub fn line(self, proportion: f64) -> f64 {
        let latin = f64::from(metrics::LINE) / f64::from(metrics::UNITS);
        let em = match self.writing {
            Writing::Latin => latin,
            Writing::Arabic => latin.max(script::ARABIC_LINE),
            Writing::Chinese => latin.max(script::CHINESE_LINE),
        };
        let twips = (self.size * 20.0 * em).round();
        (twips * proportion + 1e-6).floor() / 20.0
    }

    /// Advance width of `c` in points.
    pub fn advance(self, c: char) -> f64 {
        self.measure()(c)
    }

    /// A function giving the advance width of a character in points (the font's table and
    /// scale looked up once).
    pub fn measure(self) -> impl Fn(char) -> f64 {
        let scale = self.size / f64::from(metrics::UNITS);
        let style = usize::from(self.bold) + 2 * usize::from(self.italic);
        let mono = self.mono;
        let table = &metrics::WIDTHS[style];
        move |c| {
            let code = u32::from(c);
            // The monospaced stand-in for Consolas (DejaVu Sans Mono): 1233 units to 2048.
            let units = if mono {
                1233
            } else if (metrics::FIRST..0x7f).contains(&code) {
                u32::from(table[(code - metrics::FIRST) as usize])
            } else if script::is_cjk(c) {
                // Ideographs and full-width punctuation: one em (Noto Sans CJK SC).
                metrics::UNITS
            } else if script::is_arabic(c) {
                (f64::from(metrics::UNITS) * ARABIC_ADVANCE) as u32
            } else {
                width(c, style)
            };
            f64::from(units) * scale
        }
    }
}

/// Width of `c` in font units in `style` (regular, bold, italic, bold italic); a character
/// the table lacks counts as wide as an `n`.
#[inline]
fn width(c: char, style: usize) -> u32 {
    let code = u32::from(c);
    let index = if (metrics::FIRST..=metrics::LAST).contains(&code) {
        Some((code - metrics::FIRST) as usize)
    } else {
        metrics::EXTRA
            .binary_search(&c)
            .ok()
            .map(|i| (metrics::LAST - metrics::FIRST + 1) as usize + i)
    };
    match index.map(|i| metrics::WIDTHS[style][i]) {
        Some(w) if w > 0 => u32::from(w),
        // A soft hyphen shows only where a line breaks at it.
        _ if c.is_control() || c == '\u{ad}' => 0,
        _ => u32::from(metrics::WIDTHS[style][(u32::from('n') - metrics::FIRST) as usize]),
    }
}

/// Punctuation that never starts a line (full-width and Western closing marks).
fn is_closing(c: char) -> bool {
    matches!(
        c,
        '，' | '。'
            | '、'
            | '；'
            | '：'
            | '？'
            | '！'
            | '）'
            | '」'
            | '』'
            | '】'
            | '》'
            | '〉'
            | '”'
            | '’'
            | '％'
            | '·'
            | '…'
            | ')'
            | ','
            | '.'
            | ';'
            | ':'
            | '%'
    )
}

/// Punctuation that never ends a line.
fn is_opening(c: char) -> bool {
    matches!(c, '（' | '「' | '『' | '【' | '《' | '〈' | '“' | '‘' | '(')
}

/// Spaces that a line may break after; no-break spaces are not among them.
fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\u{2002}'..='\u{200a}')
}

/// Counts the lines of a paragraph while its text arrives, for lines `width` points wide
/// (the first line `first` points).
#[derive(Debug, Clone)]
pub struct Breaker {
    first: f64,
    width: f64,
    /// Lines finished.
    lines: usize,
    /// Width of the words on the current line.
    line: f64,
    /// Width of the spaces after them.
    space: f64,
    /// The word being read (since the last place a line may break).
    word: f64,
    /// The last character read allows a break after it, unless a digit follows (a hyphen).
    after_hyphen: bool,
    /// The last character read was a letter.
    after_letter: bool,
    /// The last character read was an ideograph or closing punctuation: a line may break
    /// after it (unless closing punctuation follows).
    after_ideograph: bool,
    /// The last character read was opening punctuation: no break after it.
    opening: bool,
}

impl Breaker {
    /// Lines of `width` points, the first `first` points.
    pub fn new(first: f64, width: f64) -> Breaker {
        Breaker {
            first: first.max(1.0),
            width: width.max(1.0),
            lines: 0,
            line: 0.0,
            space: 0.0,
            word: 0.0,
            after_hyphen: false,
            after_letter: false,
            after_ideograph: false,
            opening: false,
        }
    }

    fn after_opening(&self) -> bool {
        self.opening
    }

    fn current_width(&self) -> f64 {
        if self.lines == 0 {
            self.first
        } else {
            self.width
        }
    }

    /// Adds `text` in `font`.
    pub fn text(&mut self, text: &str, font: Font) {
        let advance = font.measure();
        for c in text.chars() {
            self.char(c, advance(c));
        }
    }

    /// Adds one character `advance` points wide.
    pub fn char(&mut self, c: char, advance: f64) {
        if is_space(c) {
            self.after_ideograph = false;
            self.opening = false;
            self.end_word();
            self.space += advance;
            self.after_hyphen = false;
            self.after_letter = false;
            return;
        }
        if self.after_hyphen && !c.is_ascii_digit() {
            self.end_word();
        }
        // Chinese lines break between any two characters, except before closing and after
        // opening punctuation (the rule LibreOffice and Word apply by default).
        let cjk = script::is_cjk(c);
        if (self.after_ideograph || cjk) && !is_closing(c) && !self.after_opening() {
            self.end_word();
        }
        self.after_ideograph = cjk && !is_opening(c);
        self.opening = is_opening(c);
        self.word += advance;
        self.after_hyphen = match c {
            '-' => self.after_letter,
            '–' | '—' | '/' | '\u{ad}' => true,
            _ => false,
        };
        self.after_letter = if c.is_ascii() {
            c.is_ascii_alphabetic()
        } else {
            c.is_alphabetic()
        };
    }

    /// A line break within the paragraph.
    pub fn line_break(&mut self) {
        self.end_word();
        self.lines += 1;
        self.line = 0.0;
        self.space = 0.0;
    }

    /// Puts the word read on the current line or the next.
    fn end_word(&mut self) {
        if self.word == 0.0 {
            return;
        }
        let word = std::mem::take(&mut self.word);
        if self.line > 0.0 && self.line + self.space + word <= self.current_width() + 0.01 {
            self.line += self.space + word;
        } else {
            if self.line > 0.0 {
                self.lines += 1;
            }
            self.line = word;
            // A word wider than the line is cut where the line ends.
            while self.line > self.current_width() + 0.01 {
                self.line -= self.current_width();
                self.lines += 1;
            }
        }
        self.space = 0.0;
    }

    /// Width of the last line once the text is complete.
    pub fn last_line(&mut self) -> f64 {
        self.end_word();
        self.line
    }

    /// The number of lines (at least one).
    pub fn finish(mut self) -> usize {
        self.end_word();
        self.lines + 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_are_carlitos() {
        // "Telecommunication" at 11 pt is 88.65 pt wide in Carlito; bold is wider.
        let regular = Font::new(11.0);
        let w: f64 = "Telecommunication"
            .chars()
            .map(|c| regular.advance(c))
            .sum();
        assert!((w - 88.65).abs() < 0.01, "{w}");
        let bold = Font {
            bold: true,
            ..regular
        };
        assert!(bold.advance('a') > regular.advance('a'));
        assert_eq!(regular.advance('\u{2013}'), 11.0 * 1020.0 / 2048.0);
    }

    #[test]
    fn line_heights_are_whole_twips() {
        // 11 pt: 269 twips of font, 295 at 110 %; 9 pt single: 220 twips.
        assert_eq!(Font::new(11.0).line(1.1), 14.75);
        assert_eq!(Font::new(9.0).line(1.0), 11.0);
        assert_eq!(Font::new(22.0).line(1.1), 29.5);
    }

    #[test]
    fn lines_break_greedily_at_spaces_and_after_hyphens() {
        let font = Font::new(10.0);
        let count = |text: &str, width: f64| {
            let mut b = Breaker::new(width, width);
            b.text(text, font);
            b.finish()
        };
        let word = "abcd".chars().map(|c| font.advance(c)).sum::<f64>();
        let space = font.advance(' ');
        assert_eq!(count("abcd abcd", 2.0 * word + space), 1);
        assert_eq!(count("abcd abcd", 2.0 * word + space - 0.1), 2);
        // Spaces at the end of a line take no room.
        assert_eq!(count("abcd   ", word), 1);
        assert_eq!(count("abcd-abcd", word + font.advance('-') + 1.0), 2);
        // Not at a no-break space (as wide as a space).
        assert_eq!(count("ab\u{a0}cd ab\u{a0}cd", word + space + 0.1), 2);
        assert_eq!(font.advance('\u{a0}'), space);
        // A word longer than the line is cut.
        assert_eq!(count("abcdabcdabcd", word + 0.1), 3);
        let mut b = Breaker::new(100.0, 100.0);
        b.text("a", font);
        b.line_break();
        b.text("b", font);
        assert_eq!(b.finish(), 2);
    }
}
