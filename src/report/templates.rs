//! Handlebars templates: defaults embedded in the binary, overridable by file name from a folder.

use super::{helpers, strict};
use crate::model::{Diagnostic, SourcePos};
use handlebars::{Context, Handlebars, HelperDef, RenderErrorReason};
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// The default templates, by name (file name without `.md.hbs`): every `templates/*.md.hbs`,
/// the reports first (see build.rs).
pub const DEFAULTS: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/templates.rs"));

/// A ready-to-render set of report templates (the writers' styles are `render::Styles`).
pub struct Templates {
    registry: Handlebars<'static>,
    /// Each template's name, where it came from (the file named in error messages) and text.
    sources: Vec<Source>,
}

/// One registered template: its name, origin and text.
struct Source {
    name: String,
    origin: String,
    text: String,
}

/// True for the files a templates folder may hold: `NAME.md.hbs`, and the writers' styles
/// `style.css` (the HTML stylesheet) and `reference.docx` (the DOCX writer's house template).
pub fn is_template_file(file_name: &str) -> bool {
    file_name.ends_with(".md.hbs") || file_name == STYLE_CSS || file_name == REFERENCE_DOCX
}

/// The name of the house Word template in a templates folder.
pub const REFERENCE_DOCX: &str = "reference.docx";

/// The name of the HTML stylesheet in a templates folder.
pub const STYLE_CSS: &str = "style.css";

impl Templates {
    /// The embedded defaults.
    pub fn defaults() -> Templates {
        Templates::with_sources(&[]).expect("the embedded templates compile")
    }

    /// The defaults with every `*.md.hbs` of `dir` overriding by name.
    pub fn from_dir(dir: &Path) -> Result<Templates, Vec<Diagnostic>> {
        let files = Templates::read_folder(dir)?;
        Templates::from_files(files.iter().map(|(p, b)| (p.as_path(), b.as_slice())))
    }

    /// Reads the template files of `dir` (see [`is_template_file`]), sorted by path.
    pub fn read_folder(dir: &Path) -> Result<Vec<(PathBuf, Vec<u8>)>, Vec<Diagnostic>> {
        let failed = |path: &Path, what: &str, e: std::io::Error| {
            vec![Diagnostic::error(
                &SourcePos::new(&path.display().to_string(), 0, 0),
                format!("cannot read {what}: {e}"),
            )]
        };
        let entries = std::fs::read_dir(dir).map_err(|e| failed(dir, "the templates folder", e))?;
        let mut paths: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(is_template_file)
            })
            .collect();
        paths.sort();
        paths
            .into_iter()
            .map(|path| match std::fs::read(&path) {
                Ok(bytes) => Ok((path, bytes)),
                Err(e) => Err(failed(&path, "template", e)),
            })
            .collect()
    }

    /// The defaults overridden by a templates folder's files held in memory (path, bytes);
    /// its `style.css` and `reference.docx` are not templates (the writers read them).
    pub fn from_files<'a>(
        files: impl IntoIterator<Item = (&'a Path, &'a [u8])>,
    ) -> Result<Templates, Vec<Diagnostic>> {
        let mut sources: Vec<(String, String, String)> = Vec::new();
        let mut errors = Vec::new();
        for (path, bytes) in files {
            let origin = path.display().to_string();
            let file_name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if file_name == REFERENCE_DOCX || file_name == STYLE_CSS {
                continue;
            }
            let name = file_name.strip_suffix(".md.hbs").unwrap_or(file_name);
            match std::str::from_utf8(bytes) {
                Ok(text) => sources.push((name.to_string(), origin, text.to_string())),
                Err(_) => errors.push(Diagnostic::error(
                    &SourcePos::new(&origin, 0, 0),
                    "template is not UTF-8 text",
                )),
            }
        }
        match Templates::with_sources(&sources) {
            Ok(t) if errors.is_empty() => Ok(t),
            Ok(_) => Err(errors),
            Err(more) => Err(errors.into_iter().chain(more).collect()),
        }
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
        for (name, origin, _) in overrides {
            if !DEFAULTS.iter().any(|(n, _)| n == name) {
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
            Ok(Templates { registry, sources })
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
        let data = data(context)?;
        let written = AtomicUsize::new(0);
        self.render_in(&self.registry, name, &data, (0, &written), &|| {
            data.data().clone()
        })
    }

    /// Renders template `name` with `data` into room for `room` bytes reserved up front, with
    /// `helpers` added for this rendering only; `written` counts the bytes written so far, for
    /// helpers that note where they are. A misspelt variable is compared with the names of
    /// `sample()`.
    pub(super) fn render_with<'a>(
        &'a self,
        name: &str,
        data: &Context,
        room: usize,
        written: &AtomicUsize,
        helpers: Vec<(&str, Box<dyn HelperDef + Send + Sync + 'a>)>,
        sample: &dyn Fn() -> serde_json::Value,
    ) -> Result<String, Diagnostic> {
        let mut registry: Handlebars<'a> = self.registry.clone();
        for (helper, def) in helpers {
            registry.register_helper(helper, def);
        }
        self.render_in(&registry, name, data, (room, written), sample)
    }

    fn render_in(
        &self,
        registry: &Handlebars,
        name: &str,
        data: &Context,
        (room, written): (usize, &AtomicUsize),
        sample: &dyn Fn() -> serde_json::Value,
    ) -> Result<String, Diagnostic> {
        let mut out = Counted {
            bytes: Vec::with_capacity(room),
            written,
        };
        let rendered = registry
            .render_with_context_to_write(name, data, &mut out)
            .map(|()| {
                String::from_utf8(out.bytes)
                    .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
            });
        rendered.map_err(|e| {
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
                    strict::did_you_mean(path, &sample()),
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

/// A template's output, with the count of bytes written so far.
struct Counted<'w> {
    bytes: Vec<u8>,
    written: &'w AtomicUsize,
}

impl std::io::Write for Counted<'_> {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.bytes.extend_from_slice(bytes);
        self.written.store(self.bytes.len(), Ordering::Relaxed);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// `context` as the templates read it (JSON), to render several templates from one conversion.
pub fn data(context: &impl Serialize) -> Result<Context, Diagnostic> {
    json(context).map(Context::from)
}

/// `value` converted to JSON for the templates.
pub fn json(value: &impl Serialize) -> Result<serde_json::Value, Diagnostic> {
    serde_json::to_value(value).map_err(|e| {
        Diagnostic::error(
            &SourcePos::new("report context", 0, 0),
            format!("cannot convert the report context for the templates: {e}"),
        )
    })
}
