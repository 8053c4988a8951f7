//! `topics.yaml` → the topic catalogue, checked as strictly as the outcome files: every id
//! unique, every `refs` entry a reference id, every title and alias written, no alias under
//! two topics; each problem at its line and column.

use super::limits;
use super::yaml::{self, Block, Document};
use crate::model::references;
use crate::model::{Diagnostic, Topic};
use serde::Deserialize;
use std::collections::HashMap;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TopicsFile {
    topics: Vec<Topic>,
}

/// Reads the catalogue: the topics when the file has no error, and every problem found.
pub fn read(path: &str, text: &str) -> (Option<Vec<Topic>>, Vec<Diagnostic>) {
    let parsed = yaml::parse::<TopicsFile>(text, &Block::file(path));
    let mut diagnostics = parsed.diagnostics;
    let Some(file) = parsed.value else {
        return (None, diagnostics);
    };
    let doc = &parsed.doc;
    diagnostics.extend(check_ids(&file.topics, doc));
    for (i, topic) in file.topics.iter().enumerate() {
        if topic.title.trim().is_empty() {
            diagnostics.push(
                Diagnostic::error(
                    &doc.pos(&format!("topics.{i}.title")),
                    format!("topic `{}` has an empty title", topic.id),
                )
                .with_help("the title heads the topic's part of the reports"),
            );
        }
        for (j, entry) in topic.refs.iter().enumerate() {
            diagnostics.extend(check_ref(entry, doc, &format!("topics.{i}.refs.{j}")));
        }
    }
    diagnostics.extend(check_aliases(&file.topics, doc));
    let valid = !diagnostics.iter().any(Diagnostic::is_error);
    (valid.then_some(file.topics), diagnostics)
}

/// Every id written, one word (it is named in `topic=ID`), and used by one topic only.
fn check_ids(topics: &[Topic], doc: &Document) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut first: HashMap<&str, usize> = HashMap::new();
    for (i, topic) in topics.iter().enumerate() {
        let id = topic.id.as_str();
        let pos = doc.pos(&format!("topics.{i}.id"));
        if id.trim().is_empty() {
            out.push(
                Diagnostic::error(&pos, "a topic has an empty id")
                    .with_help("proposals name their topic by its id (`topic=digital-divide`)"),
            );
        } else if id.contains(char::is_whitespace) {
            let hyphenated: Vec<&str> = id.split_whitespace().collect();
            out.push(
                Diagnostic::error(&pos, format!("topic id `{id}` contains a space")).with_help(
                    format!(
                        "proposals name their topic in `topic=ID`, one word: e.g. `{}`",
                        hyphenated.join("-")
                    ),
                ),
            );
        }
        match first.get(id) {
            Some(&at) => out.push(
                Diagnostic::error(&pos, format!("duplicate topic id `{id}`")).with_help(format!(
                    "`{id}` is already the id of the topic at line {}; topic ids must be unique",
                    doc.pos(&format!("topics.{at}.id")).line
                )),
            ),
            None => {
                first.insert(id, i);
            }
        }
    }
    out
}

/// A `refs` entry is a reference id as ids are written (`res-37`); a reference in words or
/// an id written otherwise gets the id as suggestion.
fn check_ref(entry: &str, doc: &Document, path: &str) -> Option<Diagnostic> {
    let id = references::canonical(entry)
        .or_else(|| references::canonical(&in_digits(entry)))
        .or_else(|| references::canonical(&series_with_dot(entry)))
        .filter(|id| id != "new");
    if id.as_deref() == Some(entry) {
        return None;
    }
    let ids = "res-37, q-1/1, rec-d-19, action-plan or declaration";
    let d = Diagnostic::error(&doc.pos(path), format!("`{entry}` is not a reference id"));
    Some(match id {
        Some(id) => d.with_help(format!("did you mean `{id}`? refs are ids such as {ids}")),
        None => d.with_help(format!("refs are ids such as {ids}")),
    })
}

/// An alias (the same words, whatever their case and spacing) listed twice is a warning: a
/// proposal that mentions it goes to the first topic. No alias is empty, and all together
/// stay within [`limits::MAX_ALIAS_CHARS`].
fn check_aliases(topics: &[Topic], doc: &Document) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut total = 0;
    for (i, topic) in topics.iter().enumerate() {
        for (j, alias) in topic.aliases.iter().enumerate() {
            let pos = doc.pos(&format!("topics.{i}.aliases.{j}"));
            total += alias.chars().count();
            if total > limits::MAX_ALIAS_CHARS {
                out.push(too_long(&pos));
                return out;
            }
            let words: Vec<String> = alias.split_whitespace().map(str::to_lowercase).collect();
            if words.is_empty() {
                out.push(
                    Diagnostic::error(&pos, format!("topic `{}` has an empty alias", topic.id))
                        .with_help("remove it, or write the words it stands for"),
                );
                continue;
            }
            let Some(&first) = seen.get(&words.join(" ")) else {
                seen.insert(words.join(" "), i);
                continue;
            };
            let owner = &topics[first].id;
            out.push(if first == i {
                Diagnostic::warning(
                    &pos,
                    format!("alias `{alias}` is listed twice under topic `{owner}`"),
                )
                .with_help("remove one of them")
            } else {
                Diagnostic::warning(
                    &pos,
                    format!(
                        "alias `{alias}` is listed under topics `{owner}` and `{}`",
                        topic.id
                    ),
                )
                .with_help(format!(
                    "a proposal that mentions it goes to `{owner}`, the first; keep it under one topic"
                ))
            });
        }
    }
    out
}

/// The error for aliases longer together than [`limits::MAX_ALIAS_CHARS`], at the alias
/// that crosses the limit.
fn too_long(pos: &crate::model::SourcePos) -> Diagnostic {
    Diagnostic::error(
        pos,
        format!(
            "the topic aliases are too long together: more than {} characters",
            limits::MAX_ALIAS_CHARS
        ),
    )
    .with_help(
        "aliases are searched for in every proposal; list a few words or names for each topic",
    )
}

/// A recommendation id with a hyphen after its series letter (`rec-t-y-3000`) written with
/// the dot of Recommendation ITU-T Y.3000 (`rec-t-y.3000`).
fn series_with_dot(text: &str) -> String {
    let parts: Vec<&str> = text.trim().splitn(4, '-').collect();
    match parts[..] {
        [rec, sector, series, number] if series.len() == 1 => {
            format!("{rec}-{sector}-{series}.{number}")
        }
        _ => text.to_string(),
    }
}

/// `text` with English number words below a thousand written in digits
/// ("Resolution sixty-nine" → "Resolution 69"), to suggest the id a reference in words means.
fn in_digits(text: &str) -> String {
    use crate::model::number_words::value;
    let mut out: Vec<String> = Vec::new();
    let mut number: Option<usize> = None;
    for word in text.split([' ', '-']).filter(|w| !w.is_empty()) {
        match (value(word), number) {
            (Some(100), Some(n)) => number = Some(n * 100),
            (Some(v), Some(n)) if v < 100 => number = Some(n + v),
            (Some(v), None) => number = Some(v),
            (Some(_), Some(_)) | (None, _) => {
                out.extend(number.take().map(|n| n.to_string()));
                match value(word) {
                    Some(v) => number = Some(v),
                    None => out.push(word.to_string()),
                }
            }
        }
    }
    out.extend(number.map(|n| n.to_string()));
    out.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(yaml: &str) -> Vec<String> {
        read("topics.yaml", yaml)
            .1
            .iter()
            .map(|d| {
                format!(
                    "{}:{} {:?} {} | {}",
                    d.line,
                    d.column,
                    d.severity,
                    d.message,
                    d.help.as_deref().unwrap_or("")
                )
            })
            .collect()
    }

    #[test]
    fn a_valid_catalogue_reads_without_a_word() {
        let yaml = "topics:\n  - id: a\n    title: A\n    refs: [res-37, q-1/1, rec-d-19, action-plan]\n    aliases: [x, y z]\n";
        let (topics, diagnostics) = read("topics.yaml", yaml);
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        assert_eq!(topics.unwrap()[0].refs.len(), 4);
    }

    #[test]
    fn a_topic_id_used_twice_is_an_error_at_the_second() {
        let yaml =
            "topics:\n  - id: a\n    title: A\n  - id: b\n    title: B\n  - id: a\n    title: C\n";
        assert_eq!(
            problems(yaml),
            [
                "6:9 Error duplicate topic id `a` | `a` is already the id of the topic at line 2; topic ids must be unique"
            ]
        );
        assert!(read("topics.yaml", yaml).0.is_none());
    }

    #[test]
    fn a_ref_that_is_not_an_id_is_an_error_with_the_id_it_means() {
        let yaml = "topics:\n  - id: a\n    title: A\n    refs: [res-37, Resolution sixty-nine, RES-045, banana]\n";
        let got = problems(yaml);
        assert_eq!(got.len(), 3, "{got:?}");
        assert!(
            got[0].starts_with(
                "4:20 Error `Resolution sixty-nine` is not a reference id | did you mean `res-69`?"
            ),
            "{got:?}"
        );
        assert!(
            got[1]
                .starts_with("4:43 Error `RES-045` is not a reference id | did you mean `res-45`?"),
            "{got:?}"
        );
        assert!(
            got[2].starts_with(
                "4:52 Error `banana` is not a reference id | refs are ids such as res-37"
            ),
            "{got:?}"
        );
        let got = problems("topics:\n  - id: a\n    title: A\n    refs: [rec-t-y-3000, new]\n");
        assert!(
            got[0].starts_with(
                "4:12 Error `rec-t-y-3000` is not a reference id | did you mean `rec-t-y.3000`?"
            ),
            "{got:?}"
        );
        assert!(
            got[1].starts_with("4:26 Error `new` is not a reference id | refs are ids"),
            "{got:?}"
        );
        let got = problems("topics:\n  - id: a\n    title: A\n    refs:\n      - Resolution 69\n");
        assert!(
            got[0].starts_with(
                "5:9 Error `Resolution 69` is not a reference id | did you mean `res-69`?"
            ),
            "{got:?}"
        );
    }

    #[test]
    fn an_alias_under_two_topics_is_a_warning_naming_both() {
        let yaml = "topics:\n  - id: a\n    title: A\n    aliases: [Community networks]\n  - id: b\n    title: B\n    aliases: [x, community  networks]\n";
        let (topics, _) = read("topics.yaml", yaml);
        assert!(topics.is_some());
        assert_eq!(
            problems(yaml),
            [
                "7:18 Warning alias `community  networks` is listed under topics `a` and `b` | a proposal that mentions it goes to `a`, the first; keep it under one topic"
            ]
        );
        let got = problems("topics:\n  - id: a\n    title: A\n    aliases: [x, X]\n");
        assert!(
            got[0].starts_with("4:18 Warning alias `X` is listed twice under topic `a`"),
            "{got:?}"
        );
    }

    #[test]
    fn empty_titles_ids_and_aliases_are_errors() {
        let yaml = "topics:\n  - id: a\n    title: '  '\n    aliases: ['']\n  - id: ''\n    title: B\n  - id: digital divide\n    title: C\n  - id: d\n    title:\n";
        assert_eq!(
            problems(yaml),
            [
                "10:5 Error expected a string, found nothing | ",
                "5:9 Error a topic has an empty id | proposals name their topic by its id (`topic=digital-divide`)",
                "7:9 Error topic id `digital divide` contains a space | proposals name their topic in `topic=ID`, one word: e.g. `digital-divide`",
                "3:12 Error topic `a` has an empty title | the title heads the topic's part of the reports",
                "4:15 Error topic `a` has an empty alias | remove it, or write the words it stands for",
            ]
        );
    }

    #[test]
    fn number_words_become_digits() {
        assert_eq!(in_digits("Resolution sixty-nine"), "Resolution 69");
        assert_eq!(in_digits("Question one / two"), "Question 1 / 2");
        assert_eq!(
            in_digits("Resolution one hundred thirty-nine"),
            "Resolution 139"
        );
        assert_eq!(in_digits("no number"), "no number");
    }
}
