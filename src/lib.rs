//! rpmsynth: consolidates the outcomes of the ITU regional preparatory meetings into the
//! synthesis report for the last TDAG/TSAG and the report on the implementation of the resolution.
//!
//! The pipeline, one module per stage: [`ingest`] (files → [`model::Cycle`]) →
//! [`consolidate`] (cycle → groups, findings, timeline) → [`report`] (view models →
//! handlebars → Markdown) → [`render`] (Markdown → HTML, DOCX). [`pipeline`] runs it end to end in memory;
//! [`example`] is the example cycle `rpmsynth init` writes; [`workspace`] holds an input folder
//! and its templates in memory (one build, or `watch` between rebuilds); [`diagnostics`] prints problems like a compiler; [`output`] writes files atomically.

pub mod cldr;
pub mod consolidate;
pub mod diagnostics;
pub mod example;
pub mod import;
pub mod ingest;
pub mod messages;
pub mod model;
pub mod output;
pub mod pipeline;
pub mod render;
pub mod report;
pub mod suggest;
pub mod typography;
pub mod workspace;
