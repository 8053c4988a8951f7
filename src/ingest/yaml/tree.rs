//! A YAML block → a tree of values, each placed at its line and column in the file. Syntax
//! errors, keys written twice and the size limits are found here; `de` checks the types.

use super::Block;
use crate::ingest::limits::{MAX_DEPTH, MAX_YAML_VALUES};
use crate::model::Diagnostic;
use serde_saphyr::granit_parser::{Event, Parser, ScalarStyle, ScanError, Span, StructureStyle};
use std::collections::HashMap;

/// Index of a value in [`Tree::nodes`].
pub type NodeId = usize;

/// One value and where it starts in the file (1-based line and character column).
#[derive(Debug)]
pub struct Node {
    pub value: Value,
    pub line: usize,
    pub column: usize,
}

/// A scalar, a list or a mapping.
#[derive(Debug)]
pub enum Value {
    /// A scalar's text; `plain` when written without quotes, block indicator or tag, so that
    /// `~`, `true` and `12` take their YAML types.
    Scalar {
        text: String,
        plain: bool,
    },
    Seq(Vec<NodeId>),
    /// (key, value) pairs in order; a key written twice keeps its first entry.
    Map(Vec<(NodeId, NodeId)>),
}

/// A parsed YAML block. An alias is the node of its anchor, so nothing is copied.
#[derive(Debug)]
pub struct Tree {
    pub nodes: Vec<Node>,
    /// The document's value; an empty block is an empty mapping.
    pub root: NodeId,
}

impl Tree {
    /// The scalar text of `id`, when it is a scalar.
    pub fn text(&self, id: NodeId) -> Option<&str> {
        match &self.nodes[id].value {
            Value::Scalar { text, .. } => Some(text),
            _ => None,
        }
    }
}

/// A list or mapping whose end has not been read yet.
struct Open {
    id: NodeId,
    /// A mapping's key waiting for its value.
    key: Option<NodeId>,
    /// "list" or "mapping" when written in brackets (`[…]`, `{…}`), with its closing bracket.
    flow: Option<(&'static str, char)>,
    /// A mapping's keys so far, with their nodes.
    keys: HashMap<String, NodeId>,
}

struct Builder<'b> {
    block: &'b Block<'b>,
    nodes: Vec<Node>,
    open: Vec<Open>,
    anchors: HashMap<usize, NodeId>,
    root: Option<NodeId>,
    duplicates: Vec<Diagnostic>,
}

/// Parses `yaml`: the tree and the keys written twice (errors), or the one syntax error.
pub fn read(yaml: &str, block: &Block) -> Result<(Tree, Vec<Diagnostic>), Diagnostic> {
    let mut b = Builder {
        block,
        nodes: Vec::new(),
        open: Vec::new(),
        anchors: HashMap::new(),
        root: None,
        duplicates: Vec::new(),
    };
    let mut documents = 0;
    let mut parser = Parser::new_from_str(yaml);
    while let Some(event) = parser.next_event() {
        let (event, span) = event.map_err(|e| b.syntax(&e))?;
        match event {
            Event::DocumentStart(..) => {
                documents += 1;
                if documents > 1 {
                    return Err(b.error(&span, "a second YAML document").with_help(
                        "a file holds one YAML document: remove this `---` line and what follows, or merge it into the first",
                    ));
                }
            }
            Event::Scalar(text, style, anchor, tag) => {
                let plain = style == ScalarStyle::Plain && tag.is_none();
                // Nothing written (`key:` alone) comes as `~` with an empty span.
                let omitted = plain && span.start.index() == span.end.index();
                let text = if omitted {
                    String::new()
                } else {
                    text.into_owned()
                };
                let id = b.add(Value::Scalar { text, plain }, &span)?;
                b.anchor(anchor, id);
                b.attach(id);
            }
            Event::SequenceStart(style, anchor, _) => {
                let id = b.add(Value::Seq(Vec::new()), &span)?;
                b.anchor(anchor, id);
                b.attach(id);
                b.push(
                    id,
                    (style == StructureStyle::Flow).then_some(("list", ']')),
                    &span,
                )?;
            }
            Event::MappingStart(style, anchor, _) => {
                let id = b.add(Value::Map(Vec::new()), &span)?;
                b.anchor(anchor, id);
                b.attach(id);
                let flow = (style == StructureStyle::Flow).then_some(("mapping", '}'));
                b.push(id, flow, &span)?;
            }
            Event::SequenceEnd | Event::MappingEnd => {
                b.open.pop();
            }
            Event::Alias(anchor) => match b.anchors.get(&anchor) {
                Some(&id) => b.attach(id),
                None => return Err(b.error(&span, "an alias to an unknown anchor")),
            },
            _ => {}
        }
    }
    let root = match b.root {
        Some(root) => root,
        None => {
            b.nodes.push(Node {
                value: Value::Map(Vec::new()),
                line: block.first_line,
                column: 1,
            });
            b.nodes.len() - 1
        }
    };
    let tree = Tree {
        nodes: b.nodes,
        root,
    };
    Ok((tree, b.duplicates))
}

impl Builder<'_> {
    fn add(&mut self, value: Value, span: &Span) -> Result<NodeId, Diagnostic> {
        if self.nodes.len() >= MAX_YAML_VALUES {
            return Err(self
                .error(span, &format!("more than {MAX_YAML_VALUES} YAML values"))
                .with_help(
                    "the file is far larger than a cycle needs; check that it is the right file",
                ));
        }
        let (line, column) = self.block.place(span.start.line(), span.start.col());
        self.nodes.push(Node {
            value,
            line,
            column,
        });
        Ok(self.nodes.len() - 1)
    }

    fn anchor(&mut self, anchor: usize, id: NodeId) {
        if anchor != 0 {
            self.anchors.insert(anchor, id);
        }
    }

    fn push(
        &mut self,
        id: NodeId,
        flow: Option<(&'static str, char)>,
        span: &Span,
    ) -> Result<(), Diagnostic> {
        if self.open.len() >= MAX_DEPTH {
            return Err(self
                .error(
                    span,
                    &format!("lists and mappings nested more than {MAX_DEPTH} deep"),
                )
                .with_help("the input format nests three levels at most"));
        }
        self.open.push(Open {
            id,
            key: None,
            flow,
            keys: HashMap::new(),
        });
        Ok(())
    }

    /// Puts `id` in the innermost open list or mapping, or makes it the root.
    fn attach(&mut self, id: NodeId) {
        let Some(open) = self.open.last_mut() else {
            self.root.get_or_insert(id);
            return;
        };
        let Some(key) = open.key.take() else {
            if matches!(self.nodes[open.id].value, Value::Map(_)) {
                open.key = Some(id);
            } else if let Value::Seq(items) = &mut self.nodes[open.id].value {
                items.push(id);
            }
            return;
        };
        if let Value::Scalar { text, .. } = &self.nodes[key].value {
            if let Some(&first) = open.keys.get(text) {
                let (first, again) = (&self.nodes[first], &self.nodes[key]);
                self.duplicates.push(
                    Diagnostic::error(
                        &self.block.pos(again.line, again.column),
                        format!("duplicate key `{text}`"),
                    )
                    .with_help(format!(
                        "`{text}` is already set at line {}; a key appears once in a mapping",
                        first.line
                    )),
                );
                return;
            }
            open.keys.insert(text.clone(), key);
        }
        if let Value::Map(entries) = &mut self.nodes[open.id].value {
            entries.push((key, id));
        }
    }

    fn error(&self, span: &Span, message: &str) -> Diagnostic {
        let (line, column) = self.block.place(span.start.line(), span.start.col());
        Diagnostic::error(
            &self.block.pos(line, column),
            format!("invalid YAML in {}: {message}", self.block.name),
        )
    }

    /// The parser's error, or, inside a bracketed list or mapping opened on an earlier line,
    /// the same error placed at its opening bracket (most often the one never closed).
    fn syntax(&self, e: &ScanError) -> Diagnostic {
        let (line, column) = self.block.place(e.marker().line(), e.marker().col());
        let what = format!("invalid YAML in {}: {}", self.block.name, e.info());
        let unclosed = self.open.iter().rev().find_map(|o| {
            let node = &self.nodes[o.id];
            o.flow.filter(|_| node.line < line).map(|f| (node, f))
        });
        match unclosed {
            Some((node, (kind, close))) => Diagnostic::error(
                &self.block.pos(node.line, node.column),
                format!("{what} at line {line}, inside the {kind} opened here"),
            )
            .with_help(format!(
                "close the {kind} with `{close}`, or put the value in quotes if it is text"
            )),
            None => Diagnostic::error(&self.block.pos(line, column), what),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree(yaml: &str) -> Tree {
        read(yaml, &Block::file("x.yaml")).unwrap().0
    }

    #[test]
    fn places_every_value_at_its_file_line_and_column() {
        let yaml = "a: 1\nb:\n  - x\n  - 'y'\nc: {d: ~}\n";
        let t = tree(yaml);
        let Value::Map(entries) = &t.nodes[t.root].value else {
            panic!()
        };
        let places: Vec<(usize, usize)> = entries
            .iter()
            .map(|&(_, v)| (t.nodes[v].line, t.nodes[v].column))
            .collect();
        assert_eq!(places, [(1, 4), (3, 3), (5, 4)]);
        let Value::Seq(items) = &t.nodes[entries[1].1].value else {
            panic!()
        };
        assert!(
            matches!(&t.nodes[items[1]].value, Value::Scalar { text, plain: false } if text == "y")
        );
        let (_, front) = read("---\na: 1\n", &Block::front_matter("rpm/x.md", 2))
            .map(|(t, d)| (d, t.nodes[t.root].line))
            .unwrap();
        assert_eq!(front, 3);
    }

    #[test]
    fn an_alias_is_its_anchors_node_and_an_empty_block_an_empty_mapping() {
        let t = tree("a: &x [1, 2]\nb: *x\n");
        let Value::Map(entries) = &t.nodes[t.root].value else {
            panic!()
        };
        assert_eq!(entries[0].1, entries[1].1);
        assert!(matches!(&tree("").nodes[0].value, Value::Map(m) if m.is_empty()));
        assert!(
            matches!(&tree("# only a comment\n").nodes[0].value, Value::Map(m) if m.is_empty())
        );
    }

    #[test]
    fn a_key_written_twice_is_an_error_at_the_second() {
        let (t, errors) = read("a: 1\nb: 2\na: 3\n", &Block::file("c.yaml")).unwrap();
        assert_eq!(errors.len(), 1);
        let e = &errors[0];
        assert_eq!(
            (e.line, e.column, e.message.as_str()),
            (3, 1, "duplicate key `a`")
        );
        assert!(e.help.as_deref().unwrap().contains("already set at line 1"));
        assert!(matches!(&t.nodes[t.root].value, Value::Map(m) if m.len() == 2));
    }

    #[test]
    fn syntax_errors_name_the_block_and_an_unclosed_bracket() {
        let e = read("a: \"x\" y\n", &Block::file("conference.yaml")).unwrap_err();
        assert!(
            e.message.starts_with("invalid YAML in conference.yaml: "),
            "{e}"
        );
        assert_eq!((e.line, e.column), (1, 8));
        let yaml = "meeting:\n  chair: [Ms A\nparticipation:\n  n: 1\n";
        let e = read(yaml, &Block::front_matter("rpm/afr.md", 2)).unwrap_err();
        assert!(
            e.message.starts_with("invalid YAML in the front matter: ")
                && e.message
                    .ends_with("at line 4, inside the list opened here"),
            "{e}"
        );
        assert_eq!((e.line, e.column), (3, 10));
        assert!(e.help.unwrap().contains("close the list with `]`"));
        let e = read("a: 1\n---\nb: 2\n", &Block::file("topics.yaml")).unwrap_err();
        assert_eq!(
            (e.line, e.message.as_str()),
            (2, "invalid YAML in topics.yaml: a second YAML document")
        );
    }

    #[test]
    fn nesting_deeper_than_the_limit_is_refused() {
        let yaml = format!("a: {}{}\n", "[".repeat(40), "]".repeat(40));
        let e = read(&yaml, &Block::file("x.yaml")).unwrap_err();
        assert!(e.message.contains("nested more than 32 deep"), "{e}");
    }
}
