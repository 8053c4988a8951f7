//! Limits that turn hostile or broken input into a clear message instead of exhausting
//! memory or time. Each is far above what a real cycle needs (a real outcome file is under
//! 200 KB, with lists nested three deep and headings under 200 characters).

/// Largest input file read, in bytes (64 MiB: a synthetic region of 20,000 proposals is ~15 MiB).
pub const MAX_FILE_BYTES: u64 = 64 << 20;

/// Most `*.md` files read from `rpm/` and `inter-regional/` together.
pub const MAX_FILES: usize = 1_000;

/// Deepest nesting of lists and block quotes in a body (Word itself numbers 9 list levels),
/// and of lists and mappings in YAML.
pub const MAX_DEPTH: usize = 32;

/// Longest heading, in characters.
pub const MAX_HEADING_CHARS: usize = 1_000;

/// Most characters in all topic aliases together. They are searched for as one pattern,
/// which must compile (about 500,000 characters of aliases exceed the pattern engine's
/// 64 MB; 50,000 compile in under 0.1 s). A real catalogue has under 1,000.
pub const MAX_ALIAS_CHARS: usize = 50_000;

/// Most values (scalars, lists and mappings) in one YAML file or front matter; a real
/// catalogue has a few thousand. An alias counts once, wherever it is used.
pub const MAX_YAML_VALUES: usize = 1_000_000;
