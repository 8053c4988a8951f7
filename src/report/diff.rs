//! A compact word diff, so a merged entry still shows what each region wrote differently.

use similar::{ChangeTag, TextDiff};

/// The changes from `base` to `other` as short phrases: `“old” → “new”`, `+ “added”`,
/// `− “removed”`; whitespace-only changes are ignored; at most `max` phrases, then "…".
pub fn word_changes(base: &str, other: &str, max: usize) -> Vec<String> {
    let diff = TextDiff::from_words(base, other);
    let mut out = Vec::new();
    let (mut removed, mut added) = (String::new(), String::new());
    let flush = |removed: &mut String, added: &mut String, out: &mut Vec<String>| {
        let (r, a) = (
            removed.split_whitespace().collect::<Vec<_>>().join(" "),
            added.split_whitespace().collect::<Vec<_>>().join(" "),
        );
        match (r.is_empty(), a.is_empty()) {
            (false, false) if r != a => out.push(format!("“{r}” → “{a}”")),
            (false, true) => out.push(format!("− “{r}”")),
            (true, false) => out.push(format!("+ “{a}”")),
            _ => {}
        }
        removed.clear();
        added.clear();
    };
    for change in diff.iter_all_changes() {
        let value = change.value();
        match change.tag() {
            ChangeTag::Delete => removed.push_str(value),
            ChangeTag::Insert => added.push_str(value),
            ChangeTag::Equal if value.trim().is_empty() => {
                removed.push_str(value);
                added.push_str(value);
            }
            ChangeTag::Equal => flush(&mut removed, &mut added, &mut out),
        }
    }
    flush(&mut removed, &mut added, &mut out);
    if out.len() > max {
        out.truncate(max);
        out.push("…".to_string());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::word_changes;

    #[test]
    fn lists_replacements_additions_and_removals() {
        let changes = word_changes(
            "help States organise drills to avoid duplication.",
            "help States organize drills to avoid duplication of work.",
            10,
        );
        assert_eq!(
            changes,
            vec![
                "“organise” → “organize”",
                "“duplication.” → “duplication of work.”"
            ]
        );
        assert_eq!(word_changes("a  b", "a b", 10), Vec::<String>::new());
        assert_eq!(word_changes("x y z", "x z", 10), vec!["− “y”"]);
    }
}
