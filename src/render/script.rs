//! How a report language is written, as the writers need it: the direction of its
//! paragraphs, the fonts and language tags of its script, and right-to-left text split into
//! runs of one direction each.

use std::fmt::Write;
use unicode_bidi::{BidiClass, BidiInfo, Level, bidi_class};

/// The script family of a report language, as far as fonts, line heights and direction go.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Writing {
    /// Latin and Cyrillic: Calibri (Carlito) for everything.
    #[default]
    Latin,
    /// Arabic: right-to-left paragraphs and tables, a complex-script font.
    Arabic,
    /// Chinese: an East Asian font, lines broken between ideographs.
    Chinese,
}

/// The complex-script font of Arabic text (fonts-noto-core).
pub const ARABIC_FONT: &str = "Noto Naskh Arabic";
/// The East Asian font of Chinese text (fonts-noto-cjk).
pub const CHINESE_FONT: &str = "Noto Sans CJK SC";

/// Line height of the script's font at single spacing, in ems (ascent, descent and line gap
/// of the font's horizontal header): Noto Naskh Arabic 1069 + 634 to 1000, Noto Sans CJK SC
/// 1160 + 288 to 1000. LibreOffice gives a line the height of its tallest font.
pub const ARABIC_LINE: f64 = 1.703;
pub const CHINESE_LINE: f64 = 1.448;

impl Writing {
    /// The writing of report language `language` (a BCP 47 code: `ar`, `zh`, `zh-CN` …).
    pub fn of(language: &str) -> Writing {
        let primary = language
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match primary.as_str() {
            "ar" => Writing::Arabic,
            "zh" => Writing::Chinese,
            _ => Writing::Latin,
        }
    }

    /// Paragraphs, tables and runs of Arabic text are right to left.
    pub fn rtl(self) -> bool {
        self == Writing::Arabic
    }

    /// `w:rFonts` of the document defaults: Calibri, with the script's font for East Asian
    /// or complex-script text.
    pub fn fonts(self, latin: &str) -> String {
        let (east_asia, cs) = match self {
            Writing::Latin => (latin, latin),
            Writing::Arabic => (latin, ARABIC_FONT),
            Writing::Chinese => (CHINESE_FONT, latin),
        };
        format!(
            r#"<w:rFonts w:ascii="{latin}" w:eastAsia="{east_asia}" w:hAnsi="{latin}" w:cs="{cs}"/>"#
        )
    }

    /// The attributes of `w:lang` (and `w:themeFontLang`) for a document in `language`:
    /// Latin text in `language` (in English for Arabic and Chinese, whose Latin text is
    /// document symbols and names), Arabic as the bidirectional language, Chinese as the East
    /// Asian one.
    pub fn lang_attributes(self, language: &str) -> String {
        let mut out = String::new();
        match self {
            Writing::Latin => {
                let _ = write!(out, r#"w:val="{}""#, quick_xml::escape::escape(language));
            }
            Writing::Arabic => out.push_str(r#"w:val="en-GB" w:bidi="ar-SA""#),
            Writing::Chinese => out.push_str(r#"w:val="en-GB" w:eastAsia="zh-CN""#),
        }
        out
    }

    /// The font-table entries of the script's font, if any: (name, charset, family, panose).
    pub fn font_entry(self) -> Option<(&'static str, &'static str, &'static str)> {
        match self {
            Writing::Latin => None,
            // Arabic (B2) and GB 2312 (86) charsets tell Word which script to substitute
            // for when the font is missing.
            Writing::Arabic => Some((ARABIC_FONT, "B2", "roman")),
            Writing::Chinese => Some((CHINESE_FONT, "86", "swiss")),
        }
    }
}

/// Whether `c` is an ideograph, kana or full-width character: one em wide, and a line may
/// break before and after it.
pub const fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x2FDF | 0x3000..=0x30FF | 0x3100..=0x312F | 0x31C0..=0x31FF
        | 0x3200..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0xFE30..=0xFE4F
        | 0xFF01..=0xFF60 | 0xFFE0..=0xFFE6 | 0x20000..=0x3FFFF)
}

/// Whether `c` is an Arabic letter, digit or mark (the Arabic blocks and presentation forms).
pub const fn is_arabic(c: char) -> bool {
    matches!(c as u32,
        0x0600..=0x06FF | 0x0750..=0x077F | 0x08A0..=0x08FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF)
}

/// Splits `text` of a right-to-left paragraph into pieces of one direction each, as the
/// Unicode bidirectional algorithm resolves them with the paragraph right to left: Arabic
/// with the spaces and punctuation around it is right to left (`true`); a Latin symbol with
/// its digits and inner punctuation ("TDAG-29/9", "AFR, ARB", "ITU-D 19") left to right.
/// Word reads the weak characters of a run marked right to left as right to left, so the
/// runs must follow these boundaries for Word to show what the algorithm (and LibreOffice,
/// and a browser) shows.
pub fn directional_pieces(text: &str) -> Vec<(&str, bool)> {
    if text.is_ascii() && !text.bytes().any(|b| b.is_ascii_alphabetic()) {
        // Digits, spaces and punctuation only: right to left, as around Arabic.
        return vec![(text, true)];
    }
    let info = BidiInfo::new(text, Some(Level::rtl()));
    let mut pieces: Vec<(&str, bool)> = Vec::new();
    let mut start = 0;
    let mut current: Option<bool> = None;
    // Numbers take the direction of the letters before them: "القرار 17" is one right-to-left
    // run, "ITU-D 19" one left-to-right run.
    let mut after_latin = false;
    for (at, c) in text.char_indices() {
        match bidi_class(c) {
            BidiClass::L => after_latin = true,
            BidiClass::R | BidiClass::AL => after_latin = false,
            _ => {}
        }
        let rtl = info.levels[at].is_rtl() || !after_latin;
        match current {
            Some(d) if d == rtl => {}
            Some(d) => {
                pieces.push((&text[start..at], d));
                start = at;
                current = Some(rtl);
            }
            None => current = Some(rtl),
        }
    }
    if let Some(d) = current {
        pieces.push((&text[start..], d));
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_have_their_writing() {
        assert_eq!(Writing::of("ar"), Writing::Arabic);
        assert_eq!(Writing::of("zh-CN"), Writing::Chinese);
        assert_eq!(Writing::of("ru"), Writing::Latin);
        assert_eq!(Writing::of(""), Writing::Latin);
        assert!(Writing::Arabic.rtl() && !Writing::Chinese.rtl());
    }

    #[test]
    fn latin_symbols_inside_arabic_are_left_to_right_pieces() {
        let pieces = directional_pieces("في الوثيقة TDAG-29/9 والتوصية ITU-D 19.");
        assert_eq!(
            pieces,
            vec![
                ("في الوثيقة ", true),
                ("TDAG-29/9", false),
                (" والتوصية ", true),
                ("ITU-D 19", false),
                (".", true),
            ]
        );
        assert_eq!(
            directional_pieces("تؤيده AFR, ARB معاً"),
            vec![("تؤيده ", true), ("AFR, ARB", false), (" معاً", true)]
        );
        assert_eq!(directional_pieces("17 – "), vec![("17 – ", true)]);
        assert_eq!(directional_pieces("القرار 17"), vec![("القرار 17", true)]);
    }

    #[test]
    fn scripts_are_told_apart() {
        assert!(is_cjk('中') && is_cjk('。') && is_cjk('（') && !is_cjk('A'));
        assert!(is_arabic('ق') && is_arabic('،') && !is_arabic('A'));
    }
}
