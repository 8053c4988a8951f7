//! Handlebars templates: defaults embedded in the binary, overridable by file name from a folder.

use super::{helpers, strict};
use crate::model::{Diagnostic, SourcePos};
use crate::render::docx::Reference;
use handlebars::{Handlebars, RenderErrorReason};
use serde::Serialize;
use std::path::Path;

/// The default templates, by name (file name without `.md.hbs` / `.css`).
pub const DEFAULTS: &[(&str, &str)] = &[
    (
        "tdag-synthesis",
        include_str!("../../templates/tdag-synthesis.md.hbs"),
    ),
    (
        "wtdc-implementation",
        include_str!("../../templates/wtdc-implementation.md.hbs"),
    ),
    (
        "wtsa-implementation",
        include_str!("../../templates/wtsa-implementation.md.hbs"),
    ),
    ("cover", include_str!("../../templates/cover.md.hbs")),
    (
        "rpm-table",
        include_str!("../../templates/rpm-table.md.hbs"),
    ),
    ("group", include_str!("../../templates/group.md.hbs")),
    ("sources", include_str!("../../templates/sources.md.hbs")),
];

/// The default HTML stylesheet (`style.css` in a templates folder replaces it).
pub const DEFAULT_CSS: &str = include_str!("../../templates/style.css");

/// A ready-to-render set of templates and the stylesheet for HTML output.
pub struct Templates {
    registry: Handlebars<'static>,
    /// Each template's name, where it came from (the file named in error messages) and text.
    sources: Vec<Source>,
    pub css: String,
    /// The house Word template (`reference.docx` in a templates folder, or
    /// `--reference-doc`): its styles and page setup for the DOCX outputs.
    pub reference: Option<Reference>,
}

/// One registered template: its name, origin and text.
struct Source {
    name: String,
    origin: String,
    text: String,
}

impl Templates {
    /// The embedded defaults.
    pub fn defaults() -> Templates {
        Templates::with_sources(&[]).expect("the embedded templates compile")
    }

    /// Uses the styles and page setup of a Word file for the DOCX outputs.
    pub fn with_reference(mut self, reference: Reference) -> Templates {
        self.reference = Some(reference);
        self
    }

    /// Reads a Word file to take styles and page setup from (`--reference-doc`).
    pub fn read_reference(path: &Path) -> Result<Reference, Diagnostic> {
        let pos = SourcePos::new(&path.display().to_string(), 0, 0);
        let bytes = std::fs::read(path).map_err(|e| {
            Diagnostic::error(&pos, format!("cannot read the reference document: {e}"))
        })?;
        Reference::from_bytes(&bytes).map_err(|e| {
            Diagnostic::error(&pos, e).with_help("give a .docx file saved by Word or LibreOffice")
        })
    }

    /// The defaults with every `*.md.hbs` and `style.css` of `dir` overriding by name, and
    /// `reference.docx` as the house Word template.
    pub fn from_dir(dir: &Path) -> Result<Templates, Vec<Diagnostic>> {
        let pos = SourcePos::new(&dir.display().to_string(), 0, 0);
        let entries = std::fs::read_dir(dir).map_err(|e| {
            vec![Diagnostic::error(
                &pos,
                format!("cannot read the templates folder: {e}"),
            )]
        })?;
        let mut files: Vec<(String, String, String)> = Vec::new();
        let mut reference = None;
        let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for path in paths {
            let Some(file_name) = path.file_name().and_then(|n| n.to_str()) else {
                continue;
            };
            if file_name == "reference.docx" {
                reference = Some(Templates::read_reference(&path).map_err(|d| vec![d])?);
                continue;
            }
            let name = match file_name.strip_suffix(".md.hbs") {
                Some(stem) => stem.to_string(),
                None if file_name == "style.css" => "style.css".to_string(),
                None => continue,
            };
            let text = std::fs::read_to_string(&path).map_err(|e| {
                vec![Diagnostic::error(
                    &SourcePos::new(&path.display().to_string(), 0, 0),
                    format!("cannot read template: {e}"),
                )]
            })?;
            files.push((name, path.display().to_string(), text));
        }
        let templates = Templates::with_sources(&files)?;
        Ok(match reference {
            Some(r) => templates.with_reference(r),
            None => templates,
        })
    }

    /// The defaults overridden by `(name, origin, text)` sources; every syntax error is reported.
    pub fn with_sources(
        overrides: &[(String, String, String)],
    ) -> Result<Templates, Vec<Diagnostic>> {
        let mut registry = Handlebars::new();
        registry.set_strict_mode(true);
        registry.register_escape_fn(handlebars::no_escape);
        helpers::register(&mut registry);
        strict::register(&mut registry);
        let mut sources = Vec::new();
        let mut errors = Vec::new();
        let mut css = DEFAULT_CSS.to_string();
        for (name, text) in DEFAULTS {
            let (origin, text) = match overrides.iter().find(|(n, _, _)| n == name) {
                Some((_, origin, text)) => (origin.clone(), text.as_str()),
                None => (format!("templates/{name}.md.hbs (built in)"), *text),
            };
            if let Err(e) = registry.register_template_string(name, text) {
                let (line, column) = e.pos().unwrap_or((0, 0));
                errors.push(Diagnostic::error(
                    &SourcePos::new(&origin, line, column),
                    format!("template error: {}", e.reason()),
                ));
            }
            sources.push(Source {
                name: name.to_string(),
                origin,
                text: text.to_string(),
            });
        }
        for (name, origin, text) in overrides {
            if name == "style.css" {
                css = text.clone();
            } else if !DEFAULTS.iter().any(|(n, _)| n == name) {
                errors.push(
                    Diagnostic::error(
                        &SourcePos::new(origin, 0, 0),
                        format!("unknown template \"{name}\""),
                    )
                    .with_help(format!(
                        "template names: {}",
                        DEFAULTS
                            .iter()
                            .map(|(n, _)| *n)
                            .collect::<Vec<_>>()
                            .join(", ")
                    )),
                );
            }
        }
        if errors.is_empty() {
            Ok(Templates {
                registry,
                sources,
                css,
                reference: None,
            })
        } else {
            Err(errors)
        }
    }

    /// The text of the template whose diagnostics name `origin` (a path, or "… (built in)").
    pub fn source(&self, origin: &str) -> Option<&str> {
        self.sources
            .iter()
            .find(|s| s.origin == origin)
            .map(|s| s.text.as_str())
    }

    /// Renders template `name` with `context`; errors name the file, line, column and closest name.
    pub fn render(&self, name: &str, context: &impl Serialize) -> Result<String, Diagnostic> {
        self.registry.render(name, context).map_err(|e| {
            let template = e.template_name.clone().unwrap_or_else(|| name.to_string());
            let origin = self
                .sources
                .iter()
                .find(|s| s.name == template)
                .map_or(template, |s| s.origin.clone());
            let pos = SourcePos::new(&origin, e.line_no.unwrap_or(0), e.column_no.unwrap_or(0));
            let (message, meant) = match e.reason() {
                RenderErrorReason::MissingVariable(Some(path)) => (
                    format!("unknown variable `{path}`"),
                    serde_json::to_value(context)
                        .ok()
                        .and_then(|json| strict::did_you_mean(path, &json)),
                ),
                other => (format!("template error: {other}"), None),
            };
            Diagnostic::error(&pos, message).with_help(match meant {
                Some(path) => format!("did you mean `{path}`?"),
                None => {
                    "run `rpmsynth context --report NAME` to see every variable a template can use"
                        .to_string()
                }
            })
        })
    }
}
