//! YAML blocks (the input's YAML files and front matter) → typed values, with every problem
//! of a block placed at its file line and column: a value of the wrong type is set aside and
//! the rest of the block checked, so one run names them all.

mod de;
mod tree;

use crate::model::{Diagnostic, SourcePos};
use serde::de::DeserializeOwned;
use std::collections::HashSet;
use tree::{Tree, Value};

/// Most problems reported for one block.
const MAX_PROBLEMS: usize = 50;

/// Where a YAML block is: its file, the file's line of its first line, and its name in
/// messages ("invalid YAML in the front matter: …").
pub struct Block<'a> {
    pub file: &'a str,
    pub first_line: usize,
    pub name: String,
}

impl<'a> Block<'a> {
    /// A whole YAML file, named by its path.
    pub fn file(file: &'a str) -> Block<'a> {
        Block {
            file,
            first_line: 1,
            name: file.to_string(),
        }
    }

    /// The front matter of an outcome file, starting at line `first_line`.
    pub fn front_matter(file: &'a str, first_line: usize) -> Block<'a> {
        Block {
            file,
            first_line,
            name: "the front matter".to_string(),
        }
    }

    /// The file's line and 1-based column of a block's 1-based line and 0-based column.
    fn place(&self, line: usize, column: usize) -> (usize, usize) {
        (line + self.first_line - 1, column + 1)
    }

    fn pos(&self, line: usize, column: usize) -> SourcePos {
        SourcePos::new(self.file, line, column)
    }
}

/// A parsed block: the typed value (when every value it needs is right), every problem
/// found, and where each value is.
pub struct Parsed<T> {
    /// Present when the values the type needs are right; problems with values it can do
    /// without (an unknown key, a list item) may still have been reported.
    pub value: Option<T>,
    pub diagnostics: Vec<Diagnostic>,
    pub doc: Document,
}

/// Parses a YAML block into `T`, reporting every problem: a syntax error (then nothing else),
/// keys written twice, and each value of the wrong type, unknown key or missing field.
pub fn parse<T: DeserializeOwned>(yaml: &str, block: &Block) -> Parsed<T> {
    let (tree, mut diagnostics) = match tree::read(yaml, block) {
        Ok(read) => read,
        Err(d) => {
            return Parsed {
                value: None,
                diagnostics: vec![d],
                doc: Document::new(block.file, None, HashSet::new()),
            };
        }
    };
    let mut skip = HashSet::new();
    // The keys of the entries set aside: their absence is not reported again.
    let mut removed: HashSet<(de::Path, String)> = HashSet::new();
    let value = loop {
        let e = match de::from_tree::<T>(&tree, &skip) {
            Ok(value) => break Some(value),
            Err(e) => e,
        };
        let Some(place) = e.place.clone() else {
            break None;
        };
        let known = e
            .missing
            .is_some_and(|f| removed.contains(&(place.path.clone(), f.to_string())));
        let suggestion = suggest_field(&e.message);
        if let Some(note) = &e.placeholder {
            let key = dotted(&tree, &place.path);
            let message = match note.as_str() {
                "" => format!("fill in {key}"),
                note => format!("fill in {key}, {note}"),
            };
            diagnostics.push(
                Diagnostic::error(&block.pos(place.line, place.column), message)
                    .with_help("replace the placeholder with the value"),
            );
        } else if !known {
            let d = Diagnostic::error(&block.pos(place.line, place.column), e.message.clone());
            diagnostics.push(match &suggestion {
                Some(name) => d.with_help(format!("did you mean `{name}`?")),
                None => d,
            });
        }
        // A value that fails is set aside with its entry; a mapping that lacks a field has
        // had all its entries read, so it is set aside whole. The root cannot be.
        if place.path.is_empty()
            || diagnostics.len() >= MAX_PROBLEMS
            || !skip.insert(place.path.clone())
        {
            break None;
        }
        let parent = place.path[..place.path.len() - 1].to_vec();
        if let Some(key) = key_of(&tree, &place.path) {
            removed.insert((parent.clone(), key.to_string()));
            // A misspelt key (`venu:`) is the field it was meant to be: not missing as well.
            if let Some(name) = suggestion.filter(|_| e.message.starts_with("unknown field")) {
                removed.insert((parent, name));
            }
        }
    };
    Parsed {
        value,
        diagnostics,
        doc: Document::new(block.file, Some(tree), skip),
    }
}

/// The value at `path` as keys and list indexes (from 0) joined by dots: `meeting.start`,
/// `meeting.vice_chairs.1`.
fn dotted(tree: &Tree, path: &[u32]) -> String {
    let mut node = tree.root;
    let mut steps = Vec::with_capacity(path.len());
    for &i in path {
        let i = i as usize;
        node = match &tree.nodes[node].value {
            Value::Map(entries) => match entries.get(i) {
                Some(&(key, value)) => {
                    steps.push(tree.text(key).unwrap_or("?").to_string());
                    value
                }
                None => break,
            },
            Value::Seq(items) => match items.get(i) {
                Some(&item) => {
                    steps.push(i.to_string());
                    item
                }
                None => break,
            },
            Value::Scalar { .. } => break,
        };
    }
    steps.join(".")
}

/// The key of the mapping entry at `path`, when the path ends in a mapping entry.
fn key_of<'t>(tree: &'t Tree, path: &[u32]) -> Option<&'t str> {
    let mut node = tree.root;
    for (n, &i) in path.iter().enumerate() {
        let i = i as usize;
        node = match &tree.nodes[node].value {
            Value::Map(entries) if n + 1 == path.len() => return tree.text(entries.get(i)?.0),
            Value::Map(entries) => entries.get(i)?.1,
            Value::Seq(items) => *items.get(i)?,
            Value::Scalar { .. } => return None,
        };
    }
    None
}

/// Where each value of a parsed block is.
pub struct Document {
    file: String,
    tree: Option<Tree>,
    skip: HashSet<de::Path>,
}

impl Document {
    fn new(file: &str, tree: Option<Tree>, skip: HashSet<de::Path>) -> Document {
        Document {
            file: file.to_string(),
            tree,
            skip,
        }
    }

    /// Whether the block's top-level mapping has `key`, whatever its value.
    pub fn has_key(&self, key: &str) -> bool {
        self.key_node(key).is_some()
    }

    /// Where top-level `key` is written (the key itself, not its value); the file alone when
    /// it is not.
    pub fn key_pos(&self, key: &str) -> SourcePos {
        match (&self.tree, self.key_node(key)) {
            (Some(tree), Some(node)) => {
                let n = &tree.nodes[node];
                SourcePos::new(&self.file, n.line, n.column)
            }
            _ => SourcePos::new(&self.file, 0, 0),
        }
    }

    /// The node of top-level `key`.
    fn key_node(&self, key: &str) -> Option<tree::NodeId> {
        let tree = self.tree.as_ref()?;
        match &tree.nodes[tree.root].value {
            Value::Map(entries) => entries
                .iter()
                .find(|&&(k, _)| tree.text(k) == Some(key))
                .map(|&(k, _)| k),
            _ => None,
        }
    }

    /// Where the value at `path` starts: keys and list indexes joined by dots
    /// (`meeting.start`, `topics.2.refs.0`; an index counts the items the typed value
    /// holds). The nearest enclosing value when the path goes further than the block; the
    /// file alone when it did not parse.
    pub fn pos(&self, path: &str) -> SourcePos {
        let Some(tree) = &self.tree else {
            return SourcePos::new(&self.file, 0, 0);
        };
        let mut node = tree.root;
        let mut at: de::Path = Vec::new();
        for step in path.split('.').filter(|s| !s.is_empty()) {
            let kept = |i: usize| {
                let mut p = at.clone();
                p.push(i as u32);
                !self.skip.contains(&p)
            };
            let next = match &tree.nodes[node].value {
                Value::Map(entries) => entries
                    .iter()
                    .enumerate()
                    .find(|&(i, &(k, _))| kept(i) && tree.text(k) == Some(step))
                    .map(|(i, &(_, v))| (i, v)),
                Value::Seq(items) => step.parse::<usize>().ok().and_then(|n| {
                    items
                        .iter()
                        .enumerate()
                        .filter(|&(i, _)| kept(i))
                        .nth(n)
                        .map(|(i, &v)| (i, v))
                }),
                Value::Scalar { .. } => None,
            };
            let Some((i, v)) = next else { break };
            at.push(i as u32);
            node = v;
        }
        let n = &tree.nodes[node];
        SourcePos::new(&self.file, n.line, n.column)
    }
}

/// For "unknown field `venu`, expected one of symbol, venue, start" (or an unknown region or
/// variant, quoted either way): `venue`, the allowed name closest to the unknown one.
fn suggest_field(message: &str) -> Option<String> {
    let rest = &message[message.find("unknown ")?..];
    let quote = rest.find(['`', '"'])?;
    let close = rest[quote..].chars().next()?;
    let (unknown, rest) = rest[quote + 1..].split_once(close)?;
    let allowed = rest
        .split_once("expected one of ")
        .or_else(|| rest.split_once("expected "))?
        .1;
    let allowed: Vec<&str> = allowed
        .split([','])
        .flat_map(|s| s.split(" or "))
        .map(|s| s.trim().trim_matches('`'))
        .filter(|s| !s.is_empty())
        .collect();
    crate::suggest::closest(unknown, allowed.iter().copied()).map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Date, Region};
    use serde::Deserialize;

    #[derive(Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Meeting {
        symbol: String,
        venue: Option<String>,
        #[serde(default)]
        start: Option<Date>,
        #[serde(default)]
        chairs: Vec<String>,
    }

    #[derive(Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Front {
        region: Region,
        meeting: Meeting,
        #[serde(default)]
        count: u32,
    }

    fn problems<T: DeserializeOwned>(yaml: &str) -> Vec<String> {
        parse::<T>(yaml, &Block::front_matter("rpm/afr.md", 2))
            .diagnostics
            .iter()
            .map(|d| format!("{}:{} {}", d.line, d.column, d.message))
            .collect()
    }

    #[test]
    fn unknown_key_is_placed_at_file_line_with_suggestion() {
        let parsed = parse::<Meeting>(
            "symbol: X\nvenu: Geneva\n",
            &Block::front_matter("rpm/afr.md", 3),
        );
        let err = &parsed.diagnostics[0];
        assert_eq!(
            (err.file.as_str(), err.line, err.column),
            ("rpm/afr.md", 4, 1)
        );
        assert!(
            err.message.contains("unknown field `venu`"),
            "{}",
            err.message
        );
        assert!(
            err.help
                .as_deref()
                .unwrap()
                .contains("did you mean `venue`?")
        );
        assert_eq!(parsed.diagnostics.len(), 1);
        assert_eq!(parsed.value.unwrap().symbol, "X");
    }

    #[test]
    fn reports_every_problem_of_a_block_without_echoes() {
        let yaml = "region: AFX\nmeeting:\n  symbol: S\n  venu: V\n  start: 2025-02-30\n  chairs: [A, [B], C, {d: e}]\ncount: many\n";
        let got = problems::<Front>(yaml);
        assert_eq!(got.len(), 6, "{got:?}");
        assert!(got[0].starts_with("2:9 unknown region \"AFX\""), "{got:?}");
        assert!(got[1].starts_with("5:3 unknown field `venu`"), "{got:?}");
        assert!(
            got[2].starts_with("6:10 \"2025-02-30\" is not a valid date"),
            "{got:?}"
        );
        assert_eq!(got[3], "7:15 expected a string, found a list");
        assert_eq!(got[4], "7:23 expected a string, found a mapping");
        assert_eq!(got[5], "8:8 expected a whole number, found \"many\"");
    }

    #[test]
    fn a_misspelt_key_is_not_also_a_missing_field() {
        let got = problems::<Front>("region: AFR\nmeeting:\n  symbl: S\n");
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(got[0].starts_with("4:3 unknown field `symbl`"), "{got:?}");
        let got = problems::<Front>("region: AFR\nmeeting:\n  zzz: S\n");
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[1], "3:1 missing field `symbol`");
    }

    #[test]
    fn a_missing_field_is_shown_at_its_mappings_key() {
        let got = problems::<Front>("region: AFR\nmeeting:\n  venue: V\n");
        assert_eq!(got, ["3:1 missing field `symbol`"]);
        let got = problems::<Front>("meeting:\n  symbol: S\n  title: T\n");
        assert!(got[0].starts_with("4:3 unknown field `title`"), "{got:?}");
        assert_eq!(got[1], "2:1 missing field `region`");
        assert_eq!(got.len(), 2);
        let got = problems::<Front>("region:\nmeeting: RPM\n");
        assert_eq!(
            got,
            [
                "2:1 expected a string, found nothing",
                "3:10 expected a mapping (`key: value` lines), found \"RPM\""
            ]
        );
    }

    #[test]
    fn places_values_by_path_counting_the_items_kept() {
        let yaml = "region: AFR\nmeeting:\n  symbol: S\n  chairs: [[x], A, B]\n";
        let parsed = parse::<Front>(yaml, &Block::front_matter("rpm/afr.md", 2));
        assert_eq!(parsed.diagnostics.len(), 1);
        assert_eq!(parsed.value.as_ref().unwrap().meeting.chairs, ["A", "B"]);
        let at = |path: &str| {
            let p = parsed.doc.pos(path);
            (p.line, p.column)
        };
        assert_eq!(at("meeting.chairs.1"), (5, 20));
        assert_eq!(at("meeting.symbol"), (4, 11));
        assert_eq!(at("meeting.venue"), (4, 3));
        assert_eq!(at(""), (2, 1));
    }

    #[test]
    fn a_placeholder_is_one_error_at_its_value_naming_the_key_whatever_the_type() {
        let yaml = "region: \"FILL IN: not found in RPM-AMS17-41-E.docx\"\nmeeting:\n  symbol: FILL IN\n  start: \"FILL IN: not found in RPM-AMS17-41-E.docx\"\n  chairs: [A, \"FILL IN: second chair\"]\ncount: \"FILL IN:\u{a0}not found\"\n";
        let got = problems::<Front>(yaml);
        assert_eq!(
            got,
            [
                "2:9 fill in region, not found in RPM-AMS17-41-E.docx",
                "4:11 fill in meeting.symbol",
                "5:10 fill in meeting.start, not found in RPM-AMS17-41-E.docx",
                "6:15 fill in meeting.chairs.1, second chair",
                "7:8 fill in count, not found",
            ]
        );
        let fine = problems::<Front>("region: AFR\nmeeting:\n  symbol: Fill in later\n");
        assert!(fine.is_empty(), "{fine:?}");
    }

    #[test]
    fn suggests_regions_and_variants() {
        let help = |m: &str| suggest_field(m).unwrap();
        assert_eq!(
            help("unknown region \"AFX\"; expected one of AFR, AMS, EUR"),
            "AFR"
        );
        assert_eq!(
            help("unknown variant `wtdx`, expected `wtdc` or `wtsa`"),
            "wtdc"
        );
    }
}
