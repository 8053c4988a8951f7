//! Writes a large common-proposal package as Word writes one (runs split with rsids, tracked
//! changes, numbered lists, a table per proposal), for the import benchmark:
//!
//! ```sh
//! cargo run --release --example package -- --pages 200 /tmp/package.docx
//! ```

use clap::Parser;
use std::fmt::Write as _;
use std::io::Write;
use std::path::PathBuf;

/// Generates one .docx package of about PAGES pages.
#[derive(Parser)]
struct Args {
    /// Pages of text, about 500 words each.
    #[arg(long, default_value_t = 200)]
    pages: usize,
    /// The .docx file to write.
    out: PathBuf,
}

const WORDS: &[&str] = &[
    "to",
    "assist",
    "Member",
    "States",
    "in",
    "developing",
    "national",
    "broadband",
    "plans",
    "and",
    "regulatory",
    "frameworks",
    "that",
    "promote",
    "investment",
    "in",
    "rural",
    "and",
    "remote",
    "areas,",
    "taking",
    "into",
    "account",
    "the",
    "needs",
    "of",
    "least",
    "developed",
    "countries",
    "and",
    "small",
    "island",
    "developing",
    "States;",
];

fn run(out: &mut String, text: &str, rsid: usize) {
    let _ = write!(
        out,
        r#"<w:r w:rsidR="00{rsid:06X}"><w:t xml:space="preserve">{text}</w:t></w:r>"#
    );
}

fn paragraph(out: &mut String, style: &str, words: usize, seed: usize, list: bool) {
    let _ = write!(
        out,
        r#"<w:p w:rsidR="00A1B2C3"><w:pPr><w:pStyle w:val="{style}"/>"#
    );
    if list {
        out.push_str(r#"<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>"#);
    }
    out.push_str("</w:pPr>");
    let text: Vec<&str> = (0..words)
        .map(|i| WORDS[(seed + i) % WORDS.len()])
        .collect();
    // Word splits runs every few words, and mid-word now and then.
    for (n, chunk) in text.chunks(7).enumerate() {
        let mut piece = chunk.join(" ");
        piece.push(' ');
        if n % 5 == 3 {
            let _ = write!(
                out,
                r#"<w:ins w:id="{seed}{n}" w:author="Editor" w:date="2025-03-01T10:00:00Z">"#
            );
            run(out, &piece, seed + n);
            out.push_str("</w:ins>");
        } else if n % 5 == 4 {
            let _ = write!(
                out,
                r#"<w:del w:id="{seed}{n}" w:author="Editor" w:date="2025-03-01T10:00:00Z"><w:r><w:delText xml:space="preserve">{piece}</w:delText></w:r></w:del>"#
            );
        } else {
            // The words are ASCII: any byte is a character boundary.
            let (a, b) = piece.split_at(piece.len() / 2);
            run(out, a, seed + n);
            run(out, b, seed + n + 1);
        }
    }
    out.push_str("</w:p>");
}

fn main() -> std::io::Result<()> {
    let args = Args::parse();
    let mut body = String::new();
    for line in [
        "Addendum 1 to Document WTDC-25/29-E",
        "Original: English",
        "African Telecommunication Union Administrations",
    ] {
        let _ = write!(body, r#"<w:p><w:r><w:t>{line}</w:t></w:r></w:p>"#);
    }
    // A proposal is about 1.7 pages in LibreOffice's default layout (800 words).
    for n in 1..=(args.pages * 3).div_ceil(5) {
        let _ = write!(
            body,
            r#"<w:p><w:pPr><w:pStyle w:val="Proposal"/></w:pPr><w:r><w:t xml:space="preserve">MOD	AFCP/29A1/{n}</w:t></w:r></w:p><w:p><w:pPr><w:pStyle w:val="ResNo"/></w:pPr><w:r><w:t>RESOLUTION {} (REV. KIGALI, 2022)</w:t></w:r></w:p><w:p><w:pPr><w:pStyle w:val="Restitle"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t>Title of resolution {n}</w:t></w:r></w:p>"#,
            n % 90 + 1
        );
        for p in 0..12 {
            paragraph(&mut body, "Normal", 60, n * 31 + p, p % 3 == 2);
        }
        body.push_str("<w:tbl>");
        for r in 0..4 {
            body.push_str("<w:tr>");
            for c in 0..3 {
                body.push_str("<w:tc>");
                paragraph(&mut body, "Normal", 8, n + r + c, false);
                body.push_str("</w:tc>");
            }
            body.push_str("</w:tr>");
        }
        body.push_str("</w:tbl>");
        paragraph(&mut body, "Normal", 120, n, false);
        let _ = write!(
            body,
            r#"<w:p><w:pPr><w:pStyle w:val="Reasons"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">Reasons:</w:t></w:r><w:r><w:t xml:space="preserve"> To align proposal {n} with the Action Plan.</w:t></w:r></w:p>"#
        );
    }
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#
    );
    let numbering = r#"<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>"#;
    let file = std::fs::File::create(&args.out)?;
    let mut zip = zip::ZipWriter::new(file);
    let options = zip::write::SimpleFileOptions::default();
    let types = r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>"#;
    let rels = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;
    let doc_rels = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>"#;
    for (name, text) in [
        ("[Content_Types].xml", types),
        ("_rels/.rels", rels),
        ("word/_rels/document.xml.rels", doc_rels),
        ("word/document.xml", document.as_str()),
        ("word/numbering.xml", numbering),
    ] {
        zip.start_file(name, options)?;
        zip.write_all(text.as_bytes())?;
    }
    zip.finish()?;
    Ok(())
}
