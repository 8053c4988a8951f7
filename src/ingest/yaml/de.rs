//! Typed values from a [`Tree`]: a serde `Deserializer` whose errors say which value failed
//! (its path in the tree and its place in the file), so that the value can be set aside and
//! the rest of the block checked.

use super::tree::{NodeId, Tree, Value};
use serde::de::{self, DeserializeSeed, IntoDeserializer, Visitor};
use std::collections::HashSet;
use std::fmt;

/// A path from the root: the index of each mapping entry or list item on the way.
pub type Path = Vec<u32>;

/// How a value that is still to be found starts (`"FILL IN: not found in RPM-AMS17-41-E.docx"`).
const PLACEHOLDER: &str = "FILL IN";

/// Why a value could not be read, and where.
#[derive(Debug)]
pub struct Error {
    pub message: String,
    /// The field a mapping lacks (serde's `missing_field`).
    pub missing: Option<&'static str>,
    /// A placeholder's note (`not found in X.docx`): the value is a placeholder to fill in.
    pub placeholder: Option<String>,
    pub place: Option<Place>,
}

/// The value an error is about: its path, and the line and column it is shown at.
#[derive(Debug, Clone)]
pub struct Place {
    pub path: Path,
    pub line: usize,
    pub column: usize,
}

impl de::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error {
            message: msg.to_string(),
            missing: None,
            placeholder: None,
            place: None,
        }
    }

    fn missing_field(field: &'static str) -> Self {
        Error {
            message: format!("missing field `{field}`"),
            missing: Some(field),
            placeholder: None,
            place: None,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

/// Where a value is: its path, its node and the key it is the value of.
#[derive(Clone)]
struct Spot {
    path: Path,
    node: NodeId,
    key: Option<NodeId>,
}

impl Spot {
    /// Places an error not placed deeper: at the value, or at its key (`meeting:`) when it
    /// is a mapping that lacks a field or when nothing is written after the key.
    fn place(&self, tree: &Tree, mut e: Error) -> Error {
        if e.place.is_none() {
            let empty = matches!(&tree.nodes[self.node].value,
                Value::Scalar { text, plain: true } if text.is_empty());
            let shown = match self.key {
                Some(key) if e.missing.is_some() || empty => key,
                _ => self.node,
            };
            let node = &tree.nodes[shown];
            e.place = Some(Place {
                path: self.path.clone(),
                line: node.line,
                column: node.column,
            });
        }
        e
    }
}

/// A value of the tree to deserialize; the entries and items at a path in `skip` are passed over.
struct At<'t> {
    tree: &'t Tree,
    skip: &'t HashSet<Path>,
    spot: Spot,
}

impl<'t> At<'t> {
    /// The root of `tree`.
    fn root(tree: &'t Tree, skip: &'t HashSet<Path>) -> At<'t> {
        At {
            tree,
            skip,
            spot: Spot {
                path: Vec::new(),
                node: tree.root,
                key: None,
            },
        }
    }

    /// Places an error that no deeper value placed at this value.
    fn place(&self, e: Error) -> Error {
        self.spot.place(self.tree, e)
    }

    fn child(&self, index: usize, node: NodeId, key: Option<NodeId>) -> At<'t> {
        let mut path = self.spot.path.clone();
        path.push(u32::try_from(index).unwrap_or(u32::MAX));
        At {
            tree: self.tree,
            skip: self.skip,
            spot: Spot { path, node, key },
        }
    }

    fn value(&self) -> &'t Value {
        &self.tree.nodes[self.spot.node].value
    }

    /// The error for a placeholder (`"FILL IN: not found in X.docx"`), whatever the value's
    /// type: a value still to be written, not a value of the wrong kind.
    fn placeholder(&self) -> Option<Error> {
        let Value::Scalar { text, .. } = self.value() else {
            return None;
        };
        let note = text.trim_start().strip_prefix(PLACEHOLDER)?;
        let note = note.trim_start_matches([':', ' ', '\u{a0}']).trim_end();
        Some(self.place(Error {
            message: format!("a placeholder: {}", text.trim()),
            missing: None,
            placeholder: Some(note.to_string()),
            place: None,
        }))
    }

    /// A plain `~`, `null` or nothing at all.
    fn is_null(&self) -> bool {
        matches!(self.value(), Value::Scalar { text, plain: true }
            if matches!(text.as_str(), "" | "~" | "null" | "Null" | "NULL"))
    }

    /// "expected WHAT, found …", naming what the value is.
    fn expected(&self, what: &str) -> Error {
        let found = match self.value() {
            _ if self.is_null() => "nothing".to_string(),
            Value::Scalar { text, .. } => format!("\"{text}\""),
            Value::Seq(_) => "a list".to_string(),
            Value::Map(_) => "a mapping".to_string(),
        };
        de::Error::custom(format!("expected {what}, found {found}"))
    }

    fn scalar(&self) -> Option<&'t str> {
        match self.value() {
            Value::Scalar { text, .. } if !self.is_null() => Some(text),
            _ => None,
        }
    }

    fn number<T: std::str::FromStr>(&self) -> Result<T, Error> {
        self.scalar()
            .and_then(|t| t.trim().parse().ok())
            .ok_or_else(|| self.expected("a whole number"))
    }

    fn done<V>(&self, result: Result<V, Error>) -> Result<V, Error> {
        result.map_err(|e| self.place(e))
    }
}

/// `true`, `false` and their capitalised forms.
fn boolean(text: &str) -> Option<bool> {
    match text {
        "true" | "True" | "TRUE" => Some(true),
        "false" | "False" | "FALSE" => Some(false),
        _ => None,
    }
}

macro_rules! numbers {
    ($($method:ident $visit:ident $ty:ty),*) => {$(
        fn $method<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
            let n = self.number::<$ty>();
            self.done(n.and_then(|n| v.$visit(n)))
        }
    )*};
}

impl<'de> de::Deserializer<'de> for At<'_> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        let result = match self.value() {
            _ if self.is_null() => v.visit_unit(),
            Value::Scalar { text, plain: true } => {
                if let Some(b) = boolean(text) {
                    v.visit_bool(b)
                } else if let Ok(n) = text.parse::<u64>() {
                    v.visit_u64(n)
                } else if let Ok(n) = text.parse::<i64>() {
                    v.visit_i64(n)
                } else {
                    v.visit_str(text)
                }
            }
            Value::Scalar { text, .. } => v.visit_str(text),
            Value::Seq(items) => v.visit_seq(Items::new(&self, items)),
            Value::Map(entries) => v.visit_map(Entries::new(&self, entries)),
        };
        self.done(result)
    }

    fn deserialize_bool<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        let b = self
            .scalar()
            .and_then(boolean)
            .ok_or_else(|| self.expected("true or false"));
        self.done(b.and_then(|b| v.visit_bool(b)))
    }

    numbers!(
        deserialize_i8 visit_i8 i8, deserialize_i16 visit_i16 i16,
        deserialize_i32 visit_i32 i32, deserialize_i64 visit_i64 i64,
        deserialize_u8 visit_u8 u8, deserialize_u16 visit_u16 u16,
        deserialize_u32 visit_u32 u32, deserialize_u64 visit_u64 u64
    );

    fn deserialize_f32<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        self.deserialize_f64(v)
    }

    fn deserialize_f64<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        let n = self
            .scalar()
            .and_then(|t| t.trim().parse::<f64>().ok())
            .ok_or_else(|| self.expected("a number"));
        self.done(n.and_then(|n| v.visit_f64(n)))
    }

    fn deserialize_str<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        let text = self.scalar().ok_or_else(|| self.expected("a string"));
        self.done(text.and_then(|t| v.visit_str(t)))
    }

    fn deserialize_char<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        self.deserialize_str(v)
    }

    fn deserialize_string<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        self.deserialize_str(v)
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        self.deserialize_str(v)
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        self.deserialize_str(v)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        self.deserialize_str(v)
    }

    fn deserialize_option<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        if self.is_null() {
            let none = v.visit_none();
            return self.done(none);
        }
        let spot = self.spot.clone();
        let tree = self.tree;
        v.visit_some(self).map_err(|e| spot.place(tree, e))
    }

    fn deserialize_unit<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        let unit = if self.is_null() {
            v.visit_unit()
        } else {
            Err(self.expected("nothing"))
        };
        self.done(unit)
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        v: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_unit(v)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        v: V,
    ) -> Result<V::Value, Error> {
        let spot = self.spot.clone();
        let tree = self.tree;
        v.visit_newtype_struct(self)
            .map_err(|e| spot.place(tree, e))
    }

    fn deserialize_seq<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        let result = match self.value() {
            Value::Seq(items) => v.visit_seq(Items::new(&self, items)),
            _ if self.is_null() => v.visit_seq(Items::new(&self, &[])),
            _ => Err(self.expected("a list")),
        };
        self.done(result)
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _len: usize, v: V) -> Result<V::Value, Error> {
        self.deserialize_seq(v)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        v: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_seq(v)
    }

    fn deserialize_map<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        let result = match self.value() {
            Value::Map(entries) => v.visit_map(Entries::new(&self, entries)),
            _ if self.is_null() => v.visit_map(Entries::new(&self, &[])),
            _ => Err(self.expected("a mapping (`key: value` lines)")),
        };
        self.done(result)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_map(v)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, Error> {
        let name = self.scalar().ok_or_else(|| self.expected("a name"));
        let result = name.and_then(|n| v.visit_enum(n.to_string().into_deserializer()));
        self.done(result)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        v.visit_unit()
    }
}

/// The items of a list not set aside.
struct Items<'a, 't> {
    at: &'a At<'t>,
    items: &'t [NodeId],
    next: usize,
}

impl<'a, 't> Items<'a, 't> {
    fn new(at: &'a At<'t>, items: &'t [NodeId]) -> Self {
        Items { at, items, next: 0 }
    }
}

impl<'de> de::SeqAccess<'de> for Items<'_, '_> {
    type Error = Error;

    fn next_element_seed<S: DeserializeSeed<'de>>(
        &mut self,
        seed: S,
    ) -> Result<Option<S::Value>, Error> {
        while let Some(&node) = self.items.get(self.next) {
            let item = self.at.child(self.next, node, None);
            self.next += 1;
            if self.at.skip.contains(&item.spot.path) {
                continue;
            }
            if let Some(e) = item.placeholder() {
                return Err(e);
            }
            let spot = item.spot.clone();
            return seed
                .deserialize(item)
                .map(Some)
                .map_err(|e| spot.place(self.at.tree, e));
        }
        Ok(None)
    }
}

/// The entries of a mapping not set aside.
struct Entries<'a, 't> {
    at: &'a At<'t>,
    entries: &'t [(NodeId, NodeId)],
    next: usize,
    value: Option<At<'t>>,
}

impl<'a, 't> Entries<'a, 't> {
    fn new(at: &'a At<'t>, entries: &'t [(NodeId, NodeId)]) -> Self {
        Entries {
            at,
            entries,
            next: 0,
            value: None,
        }
    }
}

impl<'de> de::MapAccess<'de> for Entries<'_, '_> {
    type Error = Error;

    fn next_key_seed<S: DeserializeSeed<'de>>(
        &mut self,
        seed: S,
    ) -> Result<Option<S::Value>, Error> {
        while let Some(&(key, value)) = self.entries.get(self.next) {
            let key_at = self.at.child(self.next, key, None);
            self.next += 1;
            if self.at.skip.contains(&key_at.spot.path) {
                continue;
            }
            self.value = Some(self.at.child(self.next - 1, value, Some(key)));
            let spot = key_at.spot.clone();
            return seed
                .deserialize(key_at)
                .map(Some)
                .map_err(|e| spot.place(self.at.tree, e));
        }
        Ok(None)
    }

    fn next_value_seed<S: DeserializeSeed<'de>>(&mut self, seed: S) -> Result<S::Value, Error> {
        let value = self
            .value
            .take()
            .ok_or_else(|| de::Error::custom("a value without its key"))?;
        if let Some(e) = value.placeholder() {
            return Err(e);
        }
        let spot = value.spot.clone();
        seed.deserialize(value)
            .map_err(|e| spot.place(self.at.tree, e))
    }
}

/// Deserializes `T` from `tree`, passing over the entries and items at the paths in `skip`;
/// every error is placed.
pub fn from_tree<T: de::DeserializeOwned>(tree: &Tree, skip: &HashSet<Path>) -> Result<T, Error> {
    let root = At::root(tree, skip);
    let spot = root.spot.clone();
    T::deserialize(root).map_err(|e| spot.place(tree, e))
}
