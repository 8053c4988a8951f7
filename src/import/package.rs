//! A Word file opened with care: the package's kind is checked before anything is inflated,
//! and every part is read under a size and ratio limit, so that a hostile file is an error and
//! never a full disk or memory.

use std::io::{Cursor, Read};

/// Largest Word file accepted: a 200-page package is about 1 MB; 64 MiB is the limit of any
/// input file.
pub const MAX_FILE: u64 = 64 * 1024 * 1024;
/// Largest inflated part (the document of a 1,000-page report is under 20 MB).
pub const MAX_PART: u64 = 64 * 1024 * 1024;
/// Largest inflated-to-compressed ratio of a large part: XML compresses about 10:1, a zip
/// bomb 1000:1.
pub const MAX_RATIO: u64 = 200;

/// Why a file is not a Word document rpmsynth can read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused(pub String);

/// The parts of a Word document the import reads, as text.
#[derive(Debug, Default)]
pub struct Parts {
    pub document: String,
    pub styles: Option<String>,
    pub numbering: Option<String>,
    pub footnotes: Option<String>,
    pub relationships: Option<String>,
}

/// Opens the bytes of `name` as a Word (.docx) package.
pub fn open(name: &str, bytes: &[u8]) -> Result<Parts, Refused> {
    let lower = name.to_ascii_lowercase();
    for ext in [".doc", ".odt", ".pdf", ".rtf", ".docm", ".dot", ".wpd"] {
        if lower.ends_with(ext) {
            return Err(Refused(format!(
                "{name} is not a Word (.docx) document; convert it first: soffice --headless --convert-to docx \"{name}\""
            )));
        }
    }
    if bytes.len() as u64 > MAX_FILE {
        return Err(Refused(format!(
            "{name} is {} MB, more than the {} MB a Word document may have here",
            bytes.len() / (1024 * 1024),
            MAX_FILE / (1024 * 1024)
        )));
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        let encrypted = contains_utf16(bytes, "EncryptedPackage");
        return Err(Refused(if encrypted {
            format!(
                "{name} is protected by a password: open it in Word, remove the password (File > Info > Protect Document) and save it again"
            )
        } else {
            format!(
                "{name} is an old Word (.doc) document; convert it first: soffice --headless --convert-to docx \"{name}\""
            )
        }));
    }
    if !bytes.starts_with(b"PK") {
        return Err(Refused(format!(
            "{name} is not a Word (.docx) document (not a zip package)"
        )));
    }
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| Refused(format!("{name} is not a readable Word package: {e}")))?;
    let main = main_part(&mut zip, name)?;
    let Some(document) = part(&mut zip, name, &main)? else {
        return Err(Refused(format!(
            "{name} has no document part ({main}): it is a zip file, not a Word document"
        )));
    };
    let dir = main.rsplit_once('/').map_or("", |(d, _)| d);
    let sibling = |file: &str| {
        if dir.is_empty() {
            file.to_string()
        } else {
            format!("{dir}/{file}")
        }
    };
    let file = main.rsplit_once('/').map_or(main.as_str(), |(_, f)| f);
    Ok(Parts {
        document,
        styles: part(&mut zip, name, &sibling("styles.xml"))?,
        numbering: part(&mut zip, name, &sibling("numbering.xml"))?,
        footnotes: part(&mut zip, name, &sibling("footnotes.xml"))?,
        relationships: part(&mut zip, name, &sibling(&format!("_rels/{file}.rels")))?,
    })
}

/// The main document part named by the package's relationships, else `word/document.xml`.
fn main_part(zip: &mut zip::ZipArchive<Cursor<&[u8]>>, name: &str) -> Result<String, Refused> {
    let fallback = "word/document.xml".to_string();
    let Some(rels) = part(zip, name, "_rels/.rels")? else {
        return Ok(fallback);
    };
    let target = super::xml::elements(&rels, name, "_rels/.rels")
        .map_err(Refused)?
        .into_iter()
        .find(|e| {
            e.name == "Relationship"
                && e.attr("Type")
                    .is_some_and(|t| t.ends_with("/officeDocument"))
        })
        .and_then(|e| e.attr("Target").map(str::to_string));
    Ok(target.map_or(fallback, |t| t.trim_start_matches('/').to_string()))
}

/// The text of the part `path`, if the package has it, read under the limits.
fn part(
    zip: &mut zip::ZipArchive<Cursor<&[u8]>>,
    name: &str,
    path: &str,
) -> Result<Option<String>, Refused> {
    let Ok(mut file) = zip.by_name(path) else {
        return Ok(None);
    };
    if file.encrypted() {
        return Err(Refused(format!("{name} is protected by a password")));
    }
    let declared = file.size();
    let compressed = file.compressed_size().max(1);
    let too_big = |size: u64| {
        Refused(format!(
            "{name}: the part {path} inflates to more than {} MB: refused as a possible zip bomb",
            size / (1024 * 1024)
        ))
    };
    if declared > MAX_PART || (declared > 1024 * 1024 && declared / compressed > MAX_RATIO) {
        return Err(too_big(MAX_PART.min(declared)));
    }
    // The declared size may lie: read at most the limit, by ratio as well.
    let limit = MAX_PART.min(compressed.saturating_mul(MAX_RATIO).max(1024 * 1024));
    let mut bytes = Vec::new();
    (&mut file)
        .take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Refused(format!("{name}: the part {path} cannot be read: {e}")))?;
    if bytes.len() as u64 > limit {
        return Err(too_big(limit));
    }
    String::from_utf8(bytes)
        .map(Some)
        .map_err(|_| Refused(format!("{name}: the part {path} is not UTF-8 XML")))
}

/// Whether `bytes` hold `text` in UTF-16 (a stream name of a compound file).
fn contains_utf16(bytes: &[u8], text: &str) -> bool {
    let needle: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    memchr::memmem::find(bytes, &needle).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn zip_of(parts: &[(&str, &[u8])]) -> Vec<u8> {
        let mut out = Cursor::new(Vec::new());
        let mut zip = zip::ZipWriter::new(&mut out);
        for (name, bytes) in parts {
            zip.start_file(*name, zip::write::SimpleFileOptions::default())
                .unwrap();
            zip.write_all(bytes).unwrap();
        }
        zip.finish().unwrap();
        out.into_inner()
    }

    #[test]
    fn other_formats_are_refused_with_the_line_that_converts_them() {
        let err = open("report.doc", b"anything").unwrap_err();
        assert!(
            err.0
                .contains("soffice --headless --convert-to docx \"report.doc\""),
            "{err:?}"
        );
        assert!(open("a.pdf", b"%PDF").unwrap_err().0.contains("convert"));
        let err = open("notes.docx", b"plain text").unwrap_err();
        assert!(err.0.contains("not a zip package"), "{err:?}");
    }

    #[test]
    fn a_password_is_told_apart_from_an_old_word_file() {
        let mut cfb = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        cfb.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
        assert!(open("p.docx", &cfb).unwrap_err().0.contains("password"));
        let old = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0];
        assert!(open("p.docx", &old).unwrap_err().0.contains("old Word"));
    }

    #[test]
    fn a_zip_without_a_document_and_a_bomb_are_refused() {
        let bytes = zip_of(&[("[Content_Types].xml", b"<Types/>")]);
        let err = open("x.docx", &bytes).unwrap_err();
        assert!(err.0.contains("no document part"), "{err:?}");
        let bomb = vec![b'a'; 300 * 1024 * 1024];
        let bytes = zip_of(&[("word/document.xml", &bomb)]);
        drop(bomb);
        let err = open("x.docx", &bytes).unwrap_err();
        assert!(err.0.contains("zip bomb"), "{err:?}");
    }

    #[test]
    fn reads_the_parts_next_to_the_main_document() {
        let bytes = zip_of(&[
            ("word/document.xml", b"<w:document/>"),
            ("word/styles.xml", b"<w:styles/>"),
        ]);
        let parts = open("x.docx", &bytes).unwrap();
        assert_eq!(parts.document, "<w:document/>");
        assert_eq!(parts.styles.as_deref(), Some("<w:styles/>"));
        assert!(parts.numbering.is_none());
    }
}
