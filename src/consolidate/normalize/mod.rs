//! Text normalised for comparison only (never for display): the one place that decides which
//! differences between two proposals do not count.

use crate::model::references;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;
use unicode_normalization::char::{decompose_compatible, is_combining_mark};

/// A text's comparison words in reading order, and the sentences they form.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Words {
    /// The words separated by single spaces: two texts are "the same after normalisation"
    /// when these are equal.
    pub text: String,
    /// Byte range of each word in `text`.
    spans: Vec<(u32, u32)>,
    /// Each word's hash ([`word_hash`]), what comparisons look at.
    pub hashes: Vec<u64>,
    /// Byte range of each word in the text it came from (the characters it was folded from).
    raw: Vec<(u32, u32)>,
    /// Word ranges of the sentences: paragraphs, headings, list items and table rows, cut
    /// after `.`, `!` or `?`; line breaks inside a paragraph do not count.
    pub sentences: Vec<Range<usize>>,
}

impl Words {
    /// Word `i`.
    pub fn word(&self, i: usize) -> &str {
        let (start, end) = self.spans[i];
        &self.text[start as usize..end as usize]
    }

    /// The words in order.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        (0..self.spans.len()).map(|i| self.word(i))
    }

    /// How many words.
    pub fn len(&self) -> usize {
        self.spans.len()
    }

    /// No words at all.
    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    /// How many words end at or before byte `at` of the original text.
    pub fn ending_by(&self, at: usize) -> usize {
        self.raw.partition_point(|r| r.1 as usize <= at)
    }

    /// How many words start before byte `at` of the original text.
    pub fn starting_before(&self, at: usize) -> usize {
        self.raw.partition_point(|r| (r.0 as usize) < at)
    }

    /// The byte range of word `i` in the original text.
    pub fn raw(&self, i: usize) -> std::ops::Range<usize> {
        let (start, end) = self.raw[i];
        start as usize..end as usize
    }
}

/// A word's 64-bit hash (FxHash of its bytes: fast and the same in every run).
pub fn word_hash(word: &str) -> u64 {
    hash(word.as_bytes())
}

fn hash(word: &[u8]) -> u64 {
    use std::hash::Hasher;
    let mut h = rustc_hash::FxHasher::default();
    h.write(word);
    h.finish()
}

/// The comparison words of `text`, one string (see [`Words::text`]).
pub fn comparable(text: &str) -> String {
    words(text).text
}

/// The comparison words of `text` (see [`words`]).
pub fn tokens(text: &str) -> Vec<String> {
    words(text).iter().map(str::to_string).collect()
}

/// Normalises a text for comparison: edition notes such as "(Rev. Kigali, 2022)" or
/// "(study period 2022-2025)" dropped, references replaced by their ids (`Res. 37` ≡
/// `Resolution 37` → `res37`), list markers and Markdown markup dropped, Unicode
/// compatibility forms (NFKD) and diacritics folded, lower case, hyphens and dashes inside
/// words joined (`e-waste` ≡ `ewaste`), other punctuation removed, British spellings mapped
/// to American ones. One pass over the bytes; regular expressions run only where a list
/// marker, an edition note or a reference can start.
pub fn words(text: &str) -> Words {
    fold(text, true, true)
}

/// Replaces `hashes` with the hashes ([`word_hash`]) of the comparison words of `text`, in
/// order: what [`words`] gives, without building the text (and in a buffer the caller can
/// reuse).
pub fn fingerprint(text: &str, hashes: &mut Vec<u64>) {
    hashes.clear();
    *hashes = fold_into(text, true, false, std::mem::take(hashes)).hashes;
}

/// A digest of the comparison words of `text` without its references (`Resolution 37:
/// Bridging the divide` ≡ `Bridging the divide`), `None` when no word is left: what titles
/// are compared by.
pub fn digest_without_references(text: &str) -> Option<u128> {
    let hashes = fold_into(text, false, false, Vec::new()).hashes;
    (!hashes.is_empty()).then(|| digest(&hashes))
}

/// A 128-bit hash (XXH3) of a word-hash sequence: equal for texts whose comparison words are
/// the same.
pub fn digest(sequence: &[u64]) -> u128 {
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    for w in sequence {
        h.update(&w.to_le_bytes());
    }
    h.digest128()
}

fn fold(text: &str, keep_references: bool, keep_text: bool) -> Words {
    fold_into(
        text,
        keep_references,
        keep_text,
        Vec::with_capacity(text.len() / 6),
    )
}

/// [`fold`], with the word hashes appended to `hashes`.
fn fold_into(text: &str, keep_references: bool, keep_text: bool, hashes: Vec<u64>) -> Words {
    let bytes = text.as_bytes();
    let mut out = Folder::new(text.len(), keep_text, hashes);
    let mut i = 0;
    let mut line_start = true;
    while i < bytes.len() {
        out.at = i;
        if line_start {
            line_start = false;
            match opening(&text[i..]) {
                Opening::Plain => {}
                Opening::Marker(len) => {
                    out.end_sentence();
                    i += len;
                    continue;
                }
                Opening::Blank(len) => {
                    out.end_sentence();
                    i += len;
                    line_start = true;
                    continue;
                }
            }
        }
        let b = bytes[i];
        if b == b'\n' {
            line_start = true;
            out.end_word();
            i += 1;
            continue;
        }
        if b == b'('
            && let Some(len) = edition_at(&text[i..])
        {
            out.end_word();
            i += len;
            continue;
        }
        if b.is_ascii_alphanumeric() {
            let run = bytes[i..]
                .iter()
                .position(|c| !c.is_ascii_alphanumeric())
                .unwrap_or(bytes.len() - i);
            if !out.in_word()
                && references::may_start(&bytes[i..i + run], bytes.get(i + run).copied())
                && let Some((len, id)) = references::at_start(&text[i..])
            {
                if keep_references {
                    out.push_word(&id.replace(|c: char| !c.is_alphanumeric(), ""), i + len);
                }
                i += len;
                continue;
            }
            out.push_ascii(&bytes[i..i + run]);
            i += run;
            continue;
        }
        if b.is_ascii() {
            out.ascii(b, bytes.get(i + 1).copied());
            i += 1;
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            if !out.in_word()
                && references::may_start_char(c)
                && let Some((len, id)) = references::at_start(&text[i..])
            {
                if keep_references {
                    out.push_word(&id.replace(|c: char| !c.is_alphanumeric(), ""), i + len);
                }
                i += len;
                continue;
            }
            let next = text[i + c.len_utf8()..].chars().next();
            out.other(c, next);
            i += c.len_utf8();
        }
    }
    out.finish(text.len())
}

/// The length of an edition note such as "(Rev. Kigali, 2022)" or "(study period
/// 2022-2025)" at the start of `text`.
fn edition_at(text: &str) -> Option<usize> {
    static EDITION: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?i)\(\s*(?:rev\.|study\s+period|пересм\.|المراج)[^)]*\)").expect("valid")
    });
    let head = text[1..].trim_start().as_bytes();
    let may = head.len() >= 3 && (matches!(head[0] | 0x20, b'r' | b's') || head[0] >= 0x80);
    if may {
        EDITION.find(text).map(|m| m.end())
    } else {
        None
    }
}

/// A list marker, heading or table row at the start of a line: it starts a new sentence.
static MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:\d{1,3}[.)]|[a-zA-Z][.)]|\([ivxIVX]{1,4}\)|\([a-zA-Z0-9]{1,3}\)|[-*+]|#{1,6})\s+|^\s*\|")
        .expect("valid")
});

/// How a line starts.
enum Opening {
    /// With text.
    Plain,
    /// With a list marker, heading mark or table pipe this many bytes long.
    Marker(usize),
    /// Blank: skip this many bytes (the line and its line break).
    Blank(usize),
}

/// How the line at the start of `text` starts. Most lines start with a word, and are told
/// apart without finding their end or running a regular expression.
fn opening(text: &str) -> Opening {
    let bytes = text.as_bytes();
    let lead = bytes
        .iter()
        .position(|&b| b != b' ' && b != b'\t')
        .unwrap_or(bytes.len());
    match bytes.get(lead) {
        Some(b) if b.is_ascii_alphabetic() && !matches!(bytes.get(lead + 1), Some(b'.' | b')')) => {
            return Opening::Plain;
        }
        // A bullet needs a space after it: `**Reasons:**` starts with text.
        Some(b'*' | b'+' | b'-') if bytes.get(lead + 1).is_some_and(u8::is_ascii_graphic) => {
            return Opening::Plain;
        }
        Some(b'\n') => return Opening::Blank(lead + 1),
        _ => {}
    }
    let end = memchr::memchr(b'\n', bytes).map_or(bytes.len(), |p| p + 1);
    let line = &text[..end];
    if let Some(m) = MARKER.find(line) {
        Opening::Marker(m.end())
    } else if line.trim().is_empty() {
        Opening::Blank(end)
    } else {
        Opening::Plain
    }
}

/// Builds [`Words`] as text arrives.
struct Folder {
    /// The words so far, UTF-8, separated by single spaces (only the current word when the
    /// text is not kept).
    text: Vec<u8>,
    keep_text: bool,
    spans: Vec<(u32, u32)>,
    hashes: Vec<u64>,
    sentences: Vec<Range<usize>>,
    /// Where in the input the folder is, and where the word being built started there.
    at: usize,
    raw_start: usize,
    raw: Vec<(u32, u32)>,
    /// Start of the word being built in `text`, if any.
    word_start: Option<usize>,
    sentence_start: usize,
    /// The previous character was a hyphen or dash right after a letter or digit.
    pending_join: bool,
}

impl Folder {
    fn new(n: usize, keep_text: bool, hashes: Vec<u64>) -> Folder {
        let kept = if keep_text { n } else { 0 };
        Folder {
            text: Vec::with_capacity(kept.max(32)),
            keep_text,
            spans: Vec::with_capacity(kept / 6),
            hashes,
            sentences: Vec::new(),
            at: 0,
            raw_start: 0,
            raw: Vec::with_capacity(kept / 6),
            word_start: None,
            sentence_start: 0,
            pending_join: false,
        }
    }

    fn in_word(&self) -> bool {
        self.word_start.is_some()
    }

    /// One ASCII byte; `next` is the byte after it.
    fn ascii(&mut self, b: u8, next: Option<u8>) {
        if b.is_ascii_alphanumeric() {
            self.push_ascii(&[b]);
        } else if b == b'-'
            && self.in_word()
            && next.is_some_and(|n| n.is_ascii_alphanumeric() || n >= 0x80)
        {
            self.pending_join = true;
        } else {
            self.end_word();
            if matches!(b, b'.' | b'!' | b'?') && next.is_none_or(|n| n.is_ascii_whitespace()) {
                self.end_sentence();
            }
        }
    }

    /// One other character, folded (NFKD, no combining marks, lower case); `next` follows it.
    fn other(&mut self, c: char, next: Option<char>) {
        if is_dash(c) && self.in_word() && next.is_some_and(char::is_alphanumeric) {
            self.pending_join = true;
            return;
        }
        let mut folded = [' '; 8];
        let mut n = 0;
        decompose_compatible(c, |d| {
            if !is_combining_mark(d) && n < folded.len() {
                folded[n] = d;
                n += 1;
            }
        });
        for d in folded[..n].iter().flat_map(|d| d.to_lowercase()) {
            if d.is_alphanumeric() {
                self.push_char(d);
            } else {
                self.end_word();
            }
        }
    }

    fn push_char(&mut self, c: char) {
        self.start_word();
        let mut utf8 = [0; 4];
        self.text
            .extend_from_slice(c.encode_utf8(&mut utf8).as_bytes());
    }

    /// ASCII letters and digits, lower-cased (setting bit 5 lowers a letter and keeps a
    /// digit).
    fn push_ascii(&mut self, run: &[u8]) {
        self.start_word();
        self.text.extend(run.iter().map(|b| b | 0x20));
    }

    fn start_word(&mut self) {
        if self.pending_join {
            self.pending_join = false;
        } else if self.word_start.is_none() {
            if !self.text.is_empty() {
                self.text.push(b' ');
            }
            self.word_start = Some(self.text.len());
            self.raw_start = self.at;
        }
    }

    /// A whole word standing for the input up to `end`.
    fn push_word(&mut self, word: &str, end: usize) {
        self.end_word();
        for c in word.chars() {
            self.push_char(c);
        }
        self.at = end;
        self.end_word();
    }

    fn end_word(&mut self) {
        self.pending_join = false;
        let Some(start) = self.word_start.take() else {
            return;
        };
        americanise(&mut self.text, start);
        let end = self.text.len();
        self.hashes.push(hash(&self.text[start..end]));
        if self.keep_text {
            self.spans.push((start as u32, end as u32));
            self.raw.push((self.raw_start as u32, self.at as u32));
        } else {
            self.text.clear();
        }
    }

    fn end_sentence(&mut self) {
        self.end_word();
        let end = self.hashes.len();
        if end > self.sentence_start && self.keep_text {
            self.sentences.push(self.sentence_start..end);
        }
        self.sentence_start = end;
    }

    fn finish(mut self, len: usize) -> Words {
        self.at = len;
        self.end_sentence();
        Words {
            // Only whole UTF-8 sequences were pushed.
            text: String::from_utf8(self.text)
                .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()),
            spans: self.spans,
            hashes: self.hashes,
            raw: self.raw,
            sentences: self.sentences,
        }
    }
}

/// Hyphens and dashes other than the ASCII hyphen-minus (U+2010–U+2015, soft hyphen, minus):
/// between two letters or digits they join them, like `-` (`2026–2029` ≡ `2026-2029`).
fn is_dash(c: char) -> bool {
    matches!(c, '\u{2010}'..='\u{2015}' | '\u{ad}' | '\u{2212}')
}

/// Whole British words and their American spellings where no ending below covers them.
const WORDS: [(&[u8], &[u8]); 16] = [
    (b"programme", b"program"),
    (b"programmes", b"programs"),
    (b"catalogue", b"catalog"),
    (b"catalogues", b"catalogs"),
    (b"licence", b"license"),
    (b"licences", b"licenses"),
    (b"defence", b"defense"),
    (b"labour", b"labor"),
    (b"behaviour", b"behavior"),
    (b"behaviours", b"behaviors"),
    (b"neighbouring", b"neighboring"),
    (b"favour", b"favor"),
    (b"honour", b"honor"),
    (b"enrolment", b"enrollment"),
    (b"fulfil", b"fulfill"),
    (b"travelling", b"traveling"),
];

/// British endings and their American forms: -ise/-isation, -yse, -tre/-bre (centre,
/// fibre), -lled/-lling.
const SUFFIXES: [(&[u8], &[u8]); 15] = [
    (b"lling", b"ling"),
    (b"lled", b"led"),
    (b"ysing", b"yzing"),
    (b"isation", b"ization"),
    (b"isations", b"izations"),
    (b"ising", b"izing"),
    (b"ised", b"ized"),
    (b"ises", b"izes"),
    (b"ise", b"ize"),
    (b"yse", b"yze"),
    (b"ysed", b"yzed"),
    (b"tre", b"ter"),
    (b"tres", b"ters"),
    (b"bre", b"ber"),
    (b"bres", b"bers"),
];

/// Rewrites the word at `text[start..]` (lower case) in its American spelling: the words
/// above, then the endings. Applied to both sides of every comparison, so an over-eager rule
/// ("otherwise" → "otherwize") costs nothing.
fn americanise(text: &mut Vec<u8>, start: usize) {
    let word = &text[start..];
    // Every word and ending above has six letters at least.
    if word.len() < 6 {
        return;
    }
    if let Some((_, us)) = WORDS.iter().find(|(uk, _)| *uk == word) {
        text.truncate(start);
        text.extend_from_slice(us);
        return;
    }
    for (uk, us) in SUFFIXES {
        if word.len() >= uk.len() + 3 && word.ends_with(uk) {
            text.truncate(text.len() - uk.len());
            text.extend_from_slice(us);
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ignores_case_spacing_punctuation_and_compatibility_forms() {
        assert_eq!(
            comparable("Member  States; the **Regional Offices** ,"),
            comparable("member states, the regional offices")
        );
        assert_eq!(comparable("ﬁbre"), comparable("fibre"));
        assert_ne!(comparable("continue"), comparable("discontinue"));
    }

    #[test]
    fn tokens_fold_spelling_diacritics_references_hyphens_and_list_markers() {
        assert_eq!(
            tokens("Organise the programme centre"),
            tokens("organize the program center")
        );
        assert_eq!(tokens("Côte d’Ivoire"), tokens("Cote d'Ivoire"));
        assert_eq!(
            tokens("E-Waste and cyber‑security"),
            tokens("ewaste and cybersecurity")
        );
        assert_eq!(
            tokens("the 470–694 MHz band"),
            tokens("the 470-694 MHz band")
        );
        assert_eq!(
            tokens("Resolution 37 (Rev. Kigali, 2022) should"),
            tokens("Res. 37 should")
        );
        assert_eq!(
            tokens("1. measure\n2. assist"),
            tokens("a) measure\nb) assist")
        );
        assert_ne!(tokens("continue"), tokens("discontinue"));
        assert_eq!(tokens("Resolution 45"), vec!["res45"]);
        assert_eq!(
            tokens("- not a list-marker -"),
            vec!["not", "a", "listmarker"]
        );
        assert_eq!(
            tokens("Resolution\n37 and the Kigali Action\nPlan"),
            vec!["res37", "and", "the", "kigali", "actionplan"]
        );
    }

    #[test]
    fn hashes_alone_are_the_hashes_of_the_words() {
        // Pieces that take every way through the folder, strung together pseudo-randomly.
        const PIECES: [&str; 41] = [
            "the",
            " ",
            "  ",
            "Res",
            "res.",
            "rec",
            "plan",
            "Plan",
            "action",
            "r\u{e9}sum\u{e9}",
            "R\u{e9}solution 37",
            "e-waste",
            "-",
            "\u{2013}",
            "(Rev. Kigali, 2022)",
            "\n",
            "\n\n",
            "1. ",
            "a) ",
            "| x |",
            "organise",
            "centre",
            "ABCDE",
            "abcdef",
            "x9",
            ".",
            ". ",
            "d\u{e9}",
            "\u{fb01}bre",
            "'",
            "Question 1/2",
            "zz\u{0}",
            "telecommunications",
            "ORGANISATIONS",
            ", ",
            "; (",
            "programme",
            "2025",
            "a-",
            "ab\u{e9}",
            "(rev",
        ];
        let mut seed = 0x2545_F491_4F6C_DD1Du64;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let mut short_words = 0;
        for _ in 0..20000 {
            let mut text = String::new();
            for _ in 0..next() % 12 {
                text.push_str(PIECES[(next() % PIECES.len() as u64) as usize]);
            }
            short_words += usize::from(text.contains("the"));
            let mut hashes = Vec::new();
            fingerprint(&text, &mut hashes);
            let w = words(&text);
            let expected: Vec<u64> = w.iter().map(word_hash).collect();
            assert_eq!(hashes, expected, "{text:?}");
            assert_eq!(w.hashes, expected, "{text:?}");
        }
        assert!(short_words > 100);
    }

    #[test]
    fn lines_told_apart_without_the_marker_pattern_are_told_apart_as_it_would() {
        let lines = [
            "**Reasons:** x",
            "* item",
            "*\titem",
            "-x",
            "- x",
            "+1",
            "+ 1",
            "a) x",
            "ab",
            "1. x",
            "## H",
            "#tag",
            "| a |",
            "  *bold*",
            "(i) x",
            "(ab) x",
            "*\u{a0}x",
            "*",
        ];
        for line in lines {
            let found = MARKER.find(line).map(|m| m.end());
            let told = match opening(line) {
                Opening::Marker(n) => Some(n),
                _ => None,
            };
            assert_eq!(told, found, "{line:?}");
        }
    }

    #[test]
    fn each_word_keeps_its_place_in_the_text() {
        let text = "1. The  Bureau's e-waste\nResolution 37 (Rev. Kigali, 2022), Côte";
        let w = words(text);
        let places: Vec<(&str, &str)> =
            (0..w.len()).map(|i| (w.word(i), &text[w.raw(i)])).collect();
        assert_eq!(
            places,
            [
                ("the", "The"),
                ("bureau", "Bureau"),
                ("s", "s"),
                ("ewaste", "e-waste"),
                ("res37", "Resolution 37"),
                ("cote", "Côte"),
            ]
        );
        assert_eq!(w.ending_by(text.find("Bureau").unwrap()), 1);
        assert_eq!(w.starting_before(text.find("Bureau").unwrap() + 1), 2);
    }

    #[test]
    fn sentences_are_paragraphs_items_and_full_stops_not_line_breaks() {
        let w = words("BDT should act. It should\nreport yearly.\n\n- one item\n- two; three\n");
        let sentences: Vec<String> = w
            .sentences
            .iter()
            .map(|r| r.clone().map(|i| w.word(i)).collect::<Vec<_>>().join(" "))
            .collect();
        assert_eq!(
            sentences,
            [
                "bdt should act",
                "it should report yearly",
                "one item",
                "two three"
            ]
        );
        let wrapped = words("BDT should\nact. It should report yearly.");
        assert_eq!(wrapped.sentences.len(), 2);
        assert_eq!(wrapped.text, "bdt should act it should report yearly");
    }
}
