//! The last step of a report's Markdown: runs of blank lines left by template blocks
//! collapsed, trailing white space removed.

/// Collapses runs of blank lines left by template blocks and trailing white space; ends with
/// one newline. Done in place: the text only shrinks (a report can be hundreds of megabytes).
pub fn tidy(markdown: String) -> String {
    let mut bytes = markdown.into_bytes();
    let (mut kept, mut blank, mut start) = (0, 0, 0);
    while start < bytes.len() {
        let end = memchr::memchr(b'\n', &bytes[start..]).map_or(bytes.len(), |i| start + i);
        // Lines end at a newline, a character boundary; `kept <= start`, so this line is
        // still as it was.
        let len =
            std::str::from_utf8(&bytes[start..end]).map_or(end - start, |l| l.trim_end().len());
        blank = if len == 0 { blank + 1 } else { 0 };
        if blank <= 1 {
            bytes.copy_within(start..start + len, kept);
            kept += len;
            match bytes.get_mut(kept) {
                Some(b) => *b = b'\n',
                None => bytes.push(b'\n'),
            }
            kept += 1;
        }
        start = end + 1;
    }
    bytes.truncate(kept);
    let mut text = String::from_utf8(bytes)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    text.truncate(text.trim_end().len());
    let lead = text.len() - text.trim_start().len();
    text.drain(..lead);
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::tidy;

    /// The line-by-line definition `tidy` keeps, copying each line.
    fn by_lines(markdown: &str) -> String {
        let mut out = String::new();
        let mut blank = 0;
        for line in markdown.lines().map(str::trim_end) {
            blank = if line.is_empty() { blank + 1 } else { 0 };
            if blank <= 1 {
                out.push_str(line);
                out.push('\n');
            }
        }
        out.trim().to_string() + "\n"
    }

    #[test]
    fn tidy_collapses_blank_runs_and_trailing_space_in_place() {
        for text in [
            "",
            "a",
            "\n\n  # Title  \n\n\n\nText\u{a0}\r\nmore\t\n\n\n- item\n \n \nend",
            "x\n\n\n",
            "  lead\n\u{2003}\n\u{2003}\nno newline at the end\u{a0}",
            "é\u{a0}\nü  \n\n\n\n\u{a0}",
        ] {
            assert_eq!(tidy(text.to_string()), by_lines(text), "{text:?}");
        }
        assert_eq!(tidy("a  \n\n\n\nb\n\n".into()), "a\n\nb\n");
    }
}
