//! The Markdown dialect every stage reads and writes: CommonMark with GFM tables,
//! strikethrough and heading attributes (`{#id .class key=value}`).

use pulldown_cmark::Options;

/// The parser options of the dialect, for ingest, report and render alike.
pub fn markdown_options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_HEADING_ATTRIBUTES
}
