//! What a report is, as its writers need it besides the Markdown: title, symbol, date, language.

/// Document-level facts every writer needs besides the Markdown itself.
#[derive(Debug, Clone, Default)]
pub struct DocumentInfo {
    /// Document title, e.g. "Synthesis report on the outcomes of the regional preparatory meetings for WTDC-25".
    pub title: String,
    /// What the document is about, e.g. "WTDC-25" (document properties).
    pub subject: String,
    /// Document symbol printed in page headers, e.g. "TDAG-25/12".
    pub symbol: String,
    /// Document date as displayed, e.g. "22 July 2025".
    pub date: String,
    /// ISO date (YYYY-MM-DD) for document metadata and tracked changes.
    pub iso_date: String,
    /// Report language code, e.g. "en".
    pub language: String,
}
