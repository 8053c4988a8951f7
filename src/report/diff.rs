//! A compact word diff, so a merged entry still shows what each region wrote differently.

use regex::Regex;
use rustc_hash::FxHashMap;
use similar::{Algorithm, DiffOp, capture_diff_slices};
use std::hash::Hasher;
use std::sync::LazyLock;

/// One difference between two texts.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    Replaced(String, String),
    Added(String),
    Removed(String),
    /// The same words removed in one place and added in another.
    Moved(String),
}

impl Change {
    /// `“old” → “new”`, `+ “added”`, `− “removed”`, `moved: “…”`.
    pub fn describe(&self) -> String {
        match self {
            Change::Replaced(old, new) => format!("“{}” → “{}”", short(old), short(new)),
            Change::Added(text) => format!("+ “{}”", short(text)),
            Change::Removed(text) => format!("− “{}”", short(text)),
            Change::Moved(text) => format!("moved: “{}”", short(text)),
        }
    }

    /// How many words the change touches.
    pub fn words(&self) -> usize {
        let count = |t: &str| t.split_whitespace().count();
        match self {
            Change::Replaced(old, new) => count(old) + count(new),
            Change::Added(t) | Change::Removed(t) => count(t),
            Change::Moved(_) => 1,
        }
    }
}

/// References ("Resolution 37 (Rev. Kigali, 2022)"), words and punctuation marks of a text,
/// white space dropped. A word is a letter or digit (`\p{L}`, `\p{N}`) followed by letters,
/// digits, apostrophes, hyphens and slashes; a reference is tried only where a word starting
/// with `r` or `q` could start one (regular expressions over every word of a report cost a
/// small build a tenth of its time).
fn pieces(text: &str) -> Vec<&str> {
    static REFERENCE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"^(?i:(?:r[ée]solutions?|res\.|questions?|recommendations?|rec\.)\s*(?:itu-[dtr]\s*)?\d+(?:/\d+)?(?:\s*\((?:rev\.|study period)[^)]*\))?)",
        )
        .expect("valid")
    });
    static LETTER_OR_DIGIT: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^[\p{L}\p{N}]").expect("valid"));
    let starts_word = |c: char| {
        if c.is_ascii() {
            c.is_ascii_alphanumeric()
        } else {
            LETTER_OR_DIGIT.is_match(c.encode_utf8(&mut [0; 4]))
        }
    };
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(c) = text[i..].chars().next() {
        let start = i;
        i += c.len_utf8();
        if c.is_whitespace() {
            continue;
        }
        if matches!(c, 'r' | 'R' | 'q' | 'Q')
            && let Some(m) = REFERENCE.find(&text[start..])
        {
            i = start + m.end();
        } else if starts_word(c) {
            while let Some(d) = text[i..].chars().next()
                && (starts_word(d) || matches!(d, '\'' | '’' | '-' | '/'))
            {
                i += d.len_utf8();
            }
        }
        out.push(&text[start..i]);
    }
    out
}

/// Pieces joined back with spaces between words, none before closing punctuation.
fn join(pieces: &[&str]) -> String {
    let mut out = String::new();
    for p in pieces {
        let closing = matches!(
            *p,
            "," | "." | ";" | ":" | ")" | "]" | "!" | "?" | "”" | "’"
        );
        let after_opening = out.ends_with(['(', '[', '“']);
        if !out.is_empty() && !closing && !after_opening {
            out.push(' ');
        }
        out.push_str(p);
    }
    out
}

/// Lower-case letters and digits only: a change invisible here is case or punctuation.
fn folded(text: &str) -> String {
    folded_chars(text).collect()
}

/// The characters of [`folded`], one at a time.
fn folded_chars(text: &str) -> impl Iterator<Item = char> + '_ {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
}

/// The same words in any order, ignoring case and punctuation (a moved sentence whose cut
/// the diff placed a word earlier or later is still the same sentence).
fn same_words(a: &str, b: &str) -> bool {
    let words = |t: &str| {
        let mut w: Vec<String> = t
            .split_whitespace()
            .map(folded)
            .filter(|w| !w.is_empty())
            .collect();
        w.sort_unstable();
        w
    };
    words(a) == words(b)
}

/// Cuts a long phrase after twelve words; punctuation left at its start by the diff goes.
fn short(text: &str) -> String {
    let text = text.trim_start_matches([',', '.', ';', ':', ' ']);
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() <= 12 {
        text.to_string()
    } else {
        format!("{} …", words[..10].join(" "))
    }
}

/// The pieces of both texts and the diff between them, pieces compared without case.
fn piece_diff<'a>(base: &'a str, other: &'a str) -> (Vec<&'a str>, Vec<&'a str>, Vec<DiffOp>) {
    let (a, b) = (pieces(base), pieces(other));
    // Pieces compared as numbers: the same diff, cheaper comparisons.
    let mut ids: FxHashMap<String, u32> = FxHashMap::default();
    let mut key = |p: &&str| {
        let next = ids.len() as u32;
        *ids.entry(p.to_lowercase()).or_insert(next)
    };
    let (ka, kb): (Vec<u32>, Vec<u32>) = (
        a.iter().map(&mut key).collect(),
        b.iter().map(&mut key).collect(),
    );
    let ops = capture_diff_slices(Algorithm::Myers, &ka, &kb);
    (a, b, ops)
}

/// The wording changes from `base` to `other`; changes of case or punctuation only are not
/// listed, and text removed in one place and added in another is listed once as moved.
pub fn changes(base: &str, other: &str) -> Vec<Change> {
    let (a, b, ops) = piece_diff(base, other);
    let mut out: Vec<Change> = Vec::new();
    for op in ops {
        let (_, old, new) = op.as_tag_tuple();
        let (old, new) = (join(&a[old]), join(&b[new]));
        if matches!(op, DiffOp::Equal { .. }) || folded(&old) == folded(&new) {
            continue;
        }
        out.push(match (old.is_empty(), new.is_empty()) {
            (false, false) => Change::Replaced(old, new),
            (true, false) => Change::Added(new),
            _ => Change::Removed(old),
        });
    }
    let mut moved = Vec::new();
    for i in 0..out.len() {
        let Change::Removed(text) = &out[i] else {
            continue;
        };
        let twin = out.iter().position(|c| match c {
            Change::Added(added) => same_words(added, text),
            _ => false,
        });
        if let Some(j) = twin.filter(|j| !moved.contains(j)) {
            moved.push(j);
            out[i] = Change::Moved(text.clone());
        }
    }
    out.into_iter()
        .enumerate()
        .filter(|(i, _)| !moved.contains(i))
        .map(|(_, c)| c)
        .collect()
}

/// `other` with the words it changes from `base` marked as tracked changes (CriticMarkup:
/// `{~~old~>new~~}`, `{++new++}`, `{--old--}`; case and punctuation alone are not marked), or
/// `None` when a change would cross the Markdown's structure (a line, a link, emphasis, code)
/// or either text already holds tracked changes.
pub fn marked(base: &str, other: &str) -> Option<String> {
    const UNSAFE: [&str; 4] = ["{++", "{--", "{~~", "]("];
    if UNSAFE.iter().any(|m| base.contains(m) || other.contains(m)) {
        return None;
    }
    let (a, b, ops) = piece_diff(base, other);
    // Where the `i`th piece of a text ends, and where the `i`th starts (pieces are slices).
    let offset = |p: &str, text: &str| p.as_ptr() as usize - text.as_ptr() as usize;
    let end_of = |ps: &[&str], text: &str, i: usize| {
        i.checked_sub(1)
            .map_or(0, |i| offset(ps[i], text) + ps[i].len())
    };
    let plain = |s: &str| {
        !s.contains([
            '\n', '[', ']', '*', '_', '`', '{', '}', '~', '<', '>', '|', '#', '\\',
        ])
    };
    let mut out = String::with_capacity(other.len() + 64);
    let mut at = 0;
    for op in ops {
        let (_, old, new) = op.as_tag_tuple();
        if matches!(op, DiffOp::Equal { .. })
            || folded(&join(&a[old.clone()])) == folded(&join(&b[new.clone()]))
        {
            continue;
        }
        // The changed spans: from the end of the piece before to the end of the last piece
        // changed, so that a deletion takes its space with it.
        let old_span = &base[end_of(&a, base, old.start)..end_of(&a, base, old.end)];
        let new_span = (end_of(&b, other, new.start), end_of(&b, other, new.end));
        let new_text = &other[new_span.0..new_span.1];
        // Leading space stays outside the marks (a deleted word takes a space with it).
        let lead = new_text.len() - new_text.trim_start().len();
        let (old_trim, new_trim) = (old_span.trim_start(), new_text.trim_start());
        let old_span = if plain(old_span) { old_span } else { old_trim };
        if !plain(old_trim) || !plain(new_trim) || new_span.0 < at {
            return None;
        }
        out.push_str(&other[at..new_span.0 + lead.min(new_text.len())]);
        match (old_trim.is_empty(), new_trim.is_empty()) {
            (false, false) => out.push_str(&format!("{{~~{old_trim}~>{new_trim}~~}}")),
            (true, false) => out.push_str(&format!("{{++{new_trim}++}}")),
            (false, true) => out.push_str(&format!("{{--{old_span}--}}")),
            (true, true) => {}
        }
        at = new_span.1;
    }
    out.push_str(&other[at..]);
    Some(out)
}

/// How often a text uses each word (case and punctuation ignored), by the word's hash: what
/// [`WordCounts::surplus`] compares, counted once for a text compared with several.
pub struct WordCounts(FxHashMap<u64, i64>);

impl WordCounts {
    /// Counts the words of `text`.
    pub fn of(text: &str) -> WordCounts {
        let mut counts = FxHashMap::default();
        add_words(&mut counts, text, 1);
        WordCounts(counts)
    }

    /// How many more times one text uses each word than the other, summed (case,
    /// punctuation and order ignored): a cheap lower bound on the words a diff must mark, to
    /// skip diffs of texts that differ throughout. Two words sharing a hash can only lower
    /// it, which costs a diff, never a difference.
    pub fn surplus(&self, other: &str) -> usize {
        let mut counts = self.0.clone();
        add_words(&mut counts, other, -1);
        counts.values().map(|n| n.unsigned_abs() as usize).sum()
    }
}

/// Adds `sign` to the count of each word of `text`.
fn add_words(counts: &mut FxHashMap<u64, i64>, text: &str, sign: i64) {
    for piece in pieces(text) {
        // The hash of `folded(piece)`, without building it.
        let mut h = rustc_hash::FxHasher::default();
        let mut any = false;
        for c in folded_chars(piece) {
            h.write_u32(c as u32);
            any = true;
        }
        if any {
            *counts.entry(h.finish()).or_default() += sign;
        }
    }
}

/// [`changes`] described as short phrases, at most `max` of them, then "…".
pub fn word_changes(base: &str, other: &str, max: usize) -> Vec<String> {
    let all = changes(base, other);
    let mut out: Vec<String> = all.iter().take(max).map(Change::describe).collect();
    if all.len() > max {
        out.push("…".to_string());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_what_a_text_changes_as_tracked_changes() {
        assert_eq!(
            marked(
                "BDT should help each region.",
                "BDT should help least developed countries."
            )
            .unwrap(),
            "BDT should help {~~each region~>least developed countries~~}."
        );
        assert_eq!(
            marked("the gap", "the usage gap").unwrap(),
            "the {++usage++} gap"
        );
        assert_eq!(
            marked("the big dog", "the dog").unwrap(),
            "the{-- big--} dog"
        );
        assert_eq!(
            marked("countries (LDCs) and", "countries and").unwrap(),
            "countries{-- (LDCs)--} and"
        );
        // Case and punctuation alone are not marked.
        assert_eq!(
            marked("Organise, now", "organise now").unwrap(),
            "organise now"
        );
        // Inside emphasis the marks nest; a change across lines, or a text with links or
        // tracked changes of its own, is not marked.
        assert_eq!(marked("a *b* c", "a *d* c").unwrap(), "a *{~~b~>d~~}* c");
        assert_eq!(marked("a\n\nb c", "a\n\nd c").unwrap(), "a\n\n{~~b~>d~~} c");
        assert_eq!(marked("a b c", "a d\ne c"), None);
        assert_eq!(marked("see [A](#a)", "see [B](#a)"), None);
        assert_eq!(marked("a {++b++}", "a c"), None);
    }

    #[test]
    fn pieces_are_what_one_pattern_finds() {
        let pattern = Regex::new(
            r"(?i:(?:r[ée]solutions?|res\.|questions?|recommendations?|rec\.)\s*(?:itu-[dtr]\s*)?\d+(?:/\d+)?(?:\s*\((?:rev\.|study period)[^)]*\))?)|[\p{L}\p{N}][\p{L}\p{N}'’\-/]*|[^\s\p{L}\p{N}]",
        )
        .expect("valid");
        for text in [
            "Resolution 37 (Rev. Kigali, 2022) and RÉSOLUTION 5, Rec. ITU-D 19; Question 1/2.",
            "résumé — l’état d'avancement: e-waste/ICT4D, 2026–2029 « ok » ½ x² ǅ",
            "Res.  12 (study period 2022-2025) res. x Requests q 1 Questions   7/1 rec.ITU-T 5",
            "  trailing\tspaces\n\u{a0}nbsp and combining e\u{301}t\u{e9} ٣ 中文 ",
            "",
        ] {
            let expected: Vec<&str> = pattern.find_iter(text).map(|m| m.as_str()).collect();
            assert_eq!(pieces(text), expected, "{text:?}");
        }
    }

    #[test]
    fn word_surplus_ignores_order_case_and_punctuation() {
        let word_surplus = |a: &str, b: &str| WordCounts::of(a).surplus(b);
        assert_eq!(word_surplus("The cat, the dog.", "the dog the CAT"), 0);
        assert_eq!(word_surplus("a b c", "a b d e"), 3);
    }

    #[test]
    fn lists_replacements_additions_and_removals_without_case_or_punctuation() {
        let changes = word_changes(
            "help Member States organise drills; to avoid duplication.",
            "help member states organize drills, to avoid duplication of work.",
            10,
        );
        assert_eq!(changes, vec!["“organise” → “organize”", "+ “of work”"]);
        assert_eq!(word_changes("a  b", "a b", 10), Vec::<String>::new());
        assert_eq!(word_changes("x y z", "x z", 10), vec!["− “y”"]);
        assert_eq!(
            word_changes(
                "case studies from each region.",
                "case studies from LDCs.",
                10
            ),
            vec!["“each region” → “LDCs”"]
        );
        assert_eq!(
            word_changes(
                "Res. 58 should",
                "Resolution 58 (Rev. Baku, 2025) should",
                10
            ),
            vec!["“Res. 58” → “Resolution 58 (Rev. Baku, 2025)”"]
        );
    }

    #[test]
    fn a_sentence_moved_is_listed_once() {
        let a =
            "BDT should act. The Bureau should also keep a stock of equipment. It should report.";
        let b =
            "BDT should act. It should report. The Bureau should also keep a stock of equipment.";
        assert_eq!(word_changes(a, b, 10), vec!["moved: “It should report”"]);
    }
}
