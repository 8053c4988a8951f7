//! Word fields (PAGE, TOC, PAGEREF, SEQ) as complex fields: begin, instruction, separator,
//! the result shown until Word updates it, end.

use super::xml::esc;
use std::fmt::Write;

/// Opens a field: `dirty` asks Word to recompute it when the document opens.
pub fn begin(out: &mut String, instruction: &str, dirty: bool) {
    let dirty = if dirty { r#" w:dirty="true""# } else { "" };
    let _ = write!(
        out,
        r#"<w:r><w:fldChar w:fldCharType="begin"{dirty}/></w:r><w:r><w:instrText xml:space="preserve"> {} </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>"#,
        esc(instruction)
    );
}

/// Closes the field opened by [`begin`].
pub fn end(out: &mut String) {
    out.push_str(r#"<w:r><w:fldChar w:fldCharType="end"/></w:r>"#);
}

/// A whole field in one paragraph, showing `result` until it is updated.
pub fn simple(out: &mut String, instruction: &str, result: &str) {
    begin(out, instruction, false);
    let _ = write!(
        out,
        r#"<w:r><w:t xml:space="preserve">{}</w:t></w:r>"#,
        esc(result)
    );
    end(out);
}
