//! Writers: report Markdown → HTML and DOCX (pandoc's reader → writer shape, with
//! pulldown-cmark events as the common currency).

pub mod docx;
pub mod html;

use pulldown_cmark::Options;

/// Document-level facts every writer needs besides the Markdown itself.
#[derive(Debug, Clone, Default)]
pub struct DocumentInfo {
    /// Document title, e.g. "Synthesis report on the outcomes of the regional preparatory meetings for WTDC-25".
    pub title: String,
    /// Document symbol printed in page headers, e.g. "TDAG-25/12".
    pub symbol: String,
    /// Document date as displayed, e.g. "22 July 2025".
    pub date: String,
    /// ISO date (YYYY-MM-DD) for document metadata.
    pub iso_date: String,
    /// Report language code, e.g. "en".
    pub language: String,
}

/// The Markdown dialect every stage parses with: GFM tables, strikethrough and heading attributes.
pub fn markdown_options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_HEADING_ATTRIBUTES
}
