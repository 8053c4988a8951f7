//! Assembling the package: docx-rs document → XML parts → post-processing → zip.
//!
//! The post-processing puts properties into schema order ([`ooxml`]) and fills
//! gaps of the docx-rs API: core properties title and language, repeated table
//! header rows, document language, and a stable hyperlink relationship order.

use std::io::Cursor;

use docx_rs::{Docx, LevelOverride, Numbering};

use super::{Block, DocumentInfo, Writer, clean, ooxml, styles};

/// Escapes text for use in XML character data or attribute values.
pub(super) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

/// Adds `dc:title` and `dc:language` (docx-rs has no setter for them) and names
/// rpmsynth as the creator of `docProps/core.xml`.
pub(super) fn complete_core_properties(xml: Vec<u8>, title: &str, language: &str) -> Vec<u8> {
    let Ok(text) = String::from_utf8(xml.clone()) else {
        return xml;
    };
    let mut extra = String::new();
    if !title.is_empty() {
        extra.push_str(&format!("<dc:title>{}</dc:title>", escape(title)));
    }
    if !language.is_empty() {
        extra.push_str(&format!("<dc:language>{}</dc:language>", escape(language)));
    }
    let text = text
        .replace(
            "<dc:creator>unknown</dc:creator>",
            "<dc:creator>rpmsynth</dc:creator>",
        )
        .replace(
            "<cp:lastModifiedBy>unknown</cp:lastModifiedBy>",
            "<cp:lastModifiedBy>rpmsynth</cp:lastModifiedBy>",
        );
    match text.rfind("</cp:coreProperties>") {
        Some(at) => {
            let mut text = text;
            text.insert_str(at, &extra);
            text.into_bytes()
        }
        None => text.into_bytes(),
    }
}

/// Every row is built with `w:cantSplit` (a row never breaks across pages); the first row
/// of each table is its header (GFM tables always have one), marked `w:tblHeader` here since
/// docx-rs has no builder for it, so Word and LibreOffice repeat it on each page.
pub(super) fn repeat_header_rows(xml: Vec<u8>) -> Vec<u8> {
    const ROW: &str = "<w:cantSplit />";
    let text = match String::from_utf8(xml) {
        Ok(text) => text,
        Err(e) => return e.into_bytes(),
    };
    let mut out = String::with_capacity(text.len() + 64);
    let mut rest = text.as_str();
    while let Some(table) = rest.find("<w:tbl>") {
        let Some(row) = rest[table..].find(ROW).map(|r| table + r + ROW.len()) else {
            break;
        };
        out.push_str(&rest[..row]);
        out.push_str("<w:tblHeader />");
        rest = &rest[row..];
    }
    out.push_str(rest);
    out.into_bytes()
}

/// Sets the document language (proofing) in the run defaults of `styles.xml`.
pub(super) fn set_language(xml: Vec<u8>, language: &str) -> Vec<u8> {
    if language.is_empty() {
        return xml;
    }
    match String::from_utf8(xml) {
        Ok(text) => text
            .replacen(
                "<w:rPrDefault><w:rPr>",
                &format!(
                    "<w:rPrDefault><w:rPr><w:lang w:val=\"{}\" />",
                    escape(language)
                ),
                1,
            )
            .into_bytes(),
        Err(e) => e.into_bytes(),
    }
}

impl Writer {
    /// Builds the docx-rs document, post-processes its parts and zips them.
    pub(super) fn finish(mut self, info: &DocumentInfo) -> std::io::Result<Vec<u8>> {
        let mut docx = styles::apply(Docx::new());
        self.para_seq += 1;
        let header_id = format!("{:08X}", self.para_seq);
        docx = docx.header(styles::header(&clean(&info.symbol), header_id));
        let iso = clean(&info.iso_date);
        if iso.len() == 10 && iso.bytes().all(|b| b.is_ascii_digit() || b == b'-') {
            let stamp = format!("{iso}T00:00:00Z");
            docx = docx.created_at(&stamp).updated_at(&stamp);
        }
        for (num_id, abs, level, start) in &self.numberings {
            docx = docx.add_numbering(
                Numbering::new(*num_id, *abs)
                    .add_override(LevelOverride::new(*level).start(*start)),
            );
        }
        // Word expects a paragraph at the end of the body (and in an empty one).
        if !matches!(self.blocks.last(), Some(Block::Paragraph(_))) {
            let p = self.para();
            self.blocks.push(Block::Paragraph(Box::new(p)));
        }
        for block in self.blocks {
            docx = match block {
                Block::Paragraph(p) => docx.add_paragraph(*p),
                Block::Table(t) => docx.add_table(*t),
            };
        }
        let mut xml = docx.build();
        let language = clean(&info.language);
        let language = if language
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-')
        {
            language
        } else {
            String::new()
        };
        xml.document = ooxml::canonicalize(repeat_header_rows(xml.document));
        xml.styles = ooxml::canonicalize(set_language(xml.styles, &language));
        xml.numberings = ooxml::canonicalize(xml.numberings);
        xml.headers = xml.headers.into_iter().map(ooxml::canonicalize).collect();
        xml.document_rels = ooxml::sort_relationships(xml.document_rels);
        xml.doc_props.core =
            complete_core_properties(xml.doc_props.core, &clean(&info.title), &language);
        let mut out = Cursor::new(Vec::new());
        xml.pack(&mut out).map_err(std::io::Error::other)?;
        deflate(&out.into_inner())
    }
}

/// Re-zips docx-rs's stored (uncompressed) package with deflate, entries in the same order,
/// directory entries dropped, and every timestamp fixed at 1980-01-01 so bytes are reproducible.
fn deflate(stored: &[u8]) -> std::io::Result<Vec<u8>> {
    use std::io::{Read, Write};
    use zip::write::SimpleFileOptions;
    let mut archive = zip::ZipArchive::new(Cursor::new(stored)).map_err(std::io::Error::other)?;
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::with_capacity(stored.len() / 4)));
    let options = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default());
    let mut content = Vec::new();
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).map_err(std::io::Error::other)?;
        if entry.is_dir() {
            continue;
        }
        let name = entry.name().map_err(std::io::Error::other)?.into_owned();
        content.clear();
        entry.read_to_end(&mut content)?;
        writer
            .start_file(name, options)
            .map_err(std::io::Error::other)?;
        writer.write_all(&content)?;
    }
    Ok(writer.finish().map_err(std::io::Error::other)?.into_inner())
}
