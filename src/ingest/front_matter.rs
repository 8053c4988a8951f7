//! Splits an outcome file into its YAML front matter and Markdown body.

use crate::model::{Diagnostic, SourcePos};

/// The two parts of a file with front matter.
#[derive(Debug, PartialEq)]
pub struct Split<'a> {
    pub yaml: &'a str,
    /// 1-based line of the first YAML line.
    pub yaml_line: usize,
    pub body: &'a str,
    /// Byte offset of the body in the file.
    pub body_offset: usize,
}

/// Finds the `---` … `---` block at the top of `text`.
pub fn split<'a>(text: &'a str, file: &str) -> Result<Split<'a>, Diagnostic> {
    let mut lines = text.split_inclusive('\n');
    let first = lines.next().unwrap_or("");
    if first.trim_end() != "---" {
        return Err(Diagnostic::error(
            &SourcePos::new(file, 1, 1),
            "expected YAML front matter: the file must start with a line `---`",
        )
        .with_help("start the file with `---`, the `region:`, `meeting:` and `participation:` blocks, then `---`"));
    }
    let yaml_start = first.len();
    let mut offset = yaml_start;
    for line in lines {
        if matches!(line.trim_end(), "---" | "...") {
            return Ok(Split {
                yaml: &text[yaml_start..offset],
                yaml_line: 2,
                body: &text[offset + line.len()..],
                body_offset: offset + line.len(),
            });
        }
        offset += line.len();
    }
    Err(Diagnostic::error(
        &SourcePos::new(file, 1, 1),
        "the front matter opened on line 1 is never closed",
    )
    .with_help("add a line `---` after the last YAML line"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_yaml_and_body_with_offsets() {
        let text = "---\nregion: AFR\n---\n# Proposals\n";
        let s = split(text, "rpm/afr.md").unwrap();
        assert_eq!(s.yaml, "region: AFR\n");
        assert_eq!(s.body, "# Proposals\n");
        assert_eq!(&text[s.body_offset..], "# Proposals\n");
    }

    #[test]
    fn accepts_crlf() {
        let s = split("---\r\nregion: AFR\r\n---\r\nbody", "x.md").unwrap();
        assert_eq!(s.yaml, "region: AFR\r\n");
        assert_eq!(s.body, "body");
    }

    #[test]
    fn missing_close_and_missing_open_are_errors_at_line_1() {
        let e = split("---\nregion: AFR\n# Proposals\n", "rpm/afr.md").unwrap_err();
        assert!(e.message.contains("never closed"));
        let e = split("# Proposals\n", "rpm/afr.md").unwrap_err();
        assert_eq!((e.line, e.message.contains("front matter")), (1, true));
    }
}
