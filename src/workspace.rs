//! The state `rpmsynth watch` keeps between builds: every input file's bytes and the loaded
//! templates, so a change re-reads only the files it touched.

use crate::ingest::{InputFiles, relative, wanted};
use crate::model::{Consolidated, Date, Diagnostic};
use crate::output::resolved;
use crate::pipeline::{self, Destination, Format};
use crate::render::Styles;
use crate::render::docx::Reference;
use crate::report::Templates;
use crate::report::templates::{REFERENCE_DOCX, STYLE_CSS, is_template_file};
use std::path::{Path, PathBuf};

/// A watched input folder and templates folder, held in memory.
pub struct Workspace {
    root: PathBuf,
    templates_dir: Option<PathBuf>,
    reference_doc: Option<PathBuf>,
    input: InputFiles,
    /// The bytes of each template file last read, to tell a real change from a touch.
    template_files: std::collections::BTreeMap<PathBuf, Vec<u8>>,
    templates: Result<Templates, Vec<Diagnostic>>,
    /// The writers' styles: the HTML stylesheet and the DOCX writer's house template.
    styles: Result<Styles, Vec<Diagnostic>>,
}

/// What a set of changed paths touched.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Touched {
    /// Input files re-read or dropped, relative to the input folder.
    pub input: Vec<String>,
    /// Whether the templates were reloaded.
    pub templates: bool,
}

impl Touched {
    /// True when nothing that a build reads changed.
    pub fn is_empty(&self) -> bool {
        self.input.is_empty() && !self.templates
    }
}

impl Workspace {
    /// Reads the input folder and the templates (the defaults overridden from `templates_dir`).
    pub fn open(
        root: &Path,
        templates_dir: Option<&Path>,
        reference_doc: Option<&Path>,
    ) -> Result<Workspace, Diagnostic> {
        let input = InputFiles::from_dir(root)?;
        let mut workspace = Workspace {
            root: resolved(root),
            templates_dir: templates_dir.map(resolved),
            reference_doc: reference_doc.map(resolved),
            input,
            template_files: Default::default(),
            templates: Ok(Templates::defaults()),
            styles: Ok(Styles::default()),
        };
        if let Some(dir) = &workspace.templates_dir {
            match Templates::read_folder(dir) {
                Ok(files) => workspace.template_files.extend(files),
                Err(d) => workspace.templates = Err(d),
            }
        }
        if let Some(path) = &workspace.reference_doc
            && let Ok(bytes) = std::fs::read(path)
        {
            workspace.template_files.insert(path.clone(), bytes);
        }
        if workspace.templates.is_ok() {
            workspace.templates = workspace.load_templates();
        }
        workspace.styles = workspace.load_styles();
        Ok(workspace)
    }

    /// The folders to watch: the input folder and, when outside it, the templates folder
    /// and the reference document's folder.
    pub fn watched(&self) -> Vec<PathBuf> {
        let mut dirs = vec![self.root.clone()];
        let extra = self.templates_dir.iter().cloned().chain(
            self.reference_doc
                .iter()
                .filter_map(|p| p.parent().map(Path::to_path_buf)),
        );
        for dir in extra {
            if !dirs.iter().any(|d| dir.starts_with(d)) {
                dirs.push(dir);
            }
        }
        dirs
    }

    /// The input files as held in memory.
    pub fn input(&self) -> &InputFiles {
        &self.input
    }

    /// The templates, or the diagnostics that stop them loading.
    pub fn templates(&self) -> Result<&Templates, &[Diagnostic]> {
        self.templates.as_ref().map_err(Vec::as_slice)
    }

    /// Re-reads the changed `paths` (absolute, as a file watcher reports them): input files
    /// the format defines are read again or dropped when gone; a change in the templates
    /// folder or to the reference document re-reads that file and recompiles the templates
    /// from memory. Other paths (lock files, backups, the output folder) are ignored.
    pub fn apply(&mut self, paths: &[PathBuf]) -> Touched {
        let mut touched = Touched::default();
        for path in paths {
            if self.is_template(path) {
                let bytes = std::fs::read(path).ok();
                if self.template_files.get(path) != bytes.as_ref() {
                    touched.templates = true;
                    match bytes {
                        Some(b) => self.template_files.insert(path.clone(), b),
                        None => self.template_files.remove(path),
                    };
                }
                continue;
            }
            let Some(rel) = relative(&self.root, path) else {
                continue;
            };
            if !wanted(&rel) || touched.input.contains(&rel) {
                continue;
            }
            match std::fs::read(path) {
                Ok(bytes) => {
                    if self.input.files.get(&rel) == Some(&bytes) {
                        continue;
                    }
                    self.input.insert(&rel, bytes);
                }
                Err(_) if !path.exists() => {
                    if self.input.files.remove(&rel).is_none() {
                        continue;
                    }
                }
                // Unreadable for a moment (being replaced): the next event brings it.
                Err(_) => continue,
            }
            touched.input.push(rel);
        }
        if touched.templates {
            self.templates = self.load_templates();
            self.styles = self.load_styles();
        }
        touched
    }

    /// Builds from what is held, writing each output file into `destination` as it is made.
    pub fn build_into(
        &self,
        formats: &[Format],
        date: Option<Date>,
        destination: &dyn Destination,
    ) -> Result<(Consolidated, Vec<Diagnostic>), Vec<Diagnostic>> {
        match (&self.templates, &self.styles) {
            (Ok(templates), Ok(styles)) => {
                pipeline::build_into(&self.input, templates, styles, formats, date, destination)
            }
            (templates, styles) => Err(styles
                .as_ref()
                .err()
                .into_iter()
                .chain(templates.as_ref().err())
                .flatten()
                .cloned()
                .collect()),
        }
    }

    /// The templates from the files held in memory.
    fn load_templates(&self) -> Result<Templates, Vec<Diagnostic>> {
        let reference = self.reference_doc.as_deref();
        let folder = self
            .template_files
            .iter()
            .filter(|(path, _)| Some(path.as_path()) != reference)
            .map(|(path, bytes)| (path.as_path(), bytes.as_slice()));
        Templates::from_files(folder)
    }

    /// The writers' styles from the files held in memory: the templates folder's
    /// `style.css` (else the default) and the house Word template.
    fn load_styles(&self) -> Result<Styles, Vec<Diagnostic>> {
        let css = self
            .templates_dir
            .as_ref()
            .and_then(|dir| {
                let path = dir.join(STYLE_CSS);
                Some((self.template_files.get(&path)?, path))
            })
            .map(|(bytes, path)| {
                String::from_utf8(bytes.clone()).map_err(|_| {
                    vec![Diagnostic::error(
                        &crate::model::SourcePos::new(&path.display().to_string(), 0, 0),
                        "the stylesheet is not UTF-8 text",
                    )]
                })
            })
            .transpose()?
            .unwrap_or_else(|| crate::render::html::DEFAULT_CSS.to_string());
        Ok(Styles {
            css,
            reference: self.load_reference()?,
        })
    }

    /// The house Word template from the files held in memory: the templates folder's
    /// `reference.docx`, replaced by `--reference-doc` when given.
    fn load_reference(&self) -> Result<Option<Reference>, Vec<Diagnostic>> {
        let read = |path: &Path, bytes: &[u8]| {
            Reference::from_file(&path.display().to_string(), bytes).map_err(|d| vec![d])
        };
        let in_folder = self
            .templates_dir
            .as_ref()
            .map(|dir| dir.join(REFERENCE_DOCX))
            .filter(|path| Some(path.as_path()) != self.reference_doc.as_deref());
        let mut reference = match in_folder.and_then(|p| Some((self.template_files.get(&p)?, p))) {
            Some((bytes, path)) => Some(read(&path, bytes)?),
            None => None,
        };
        if let Some(path) = &self.reference_doc {
            // Not held: it could not be read; reading it again gives the reason.
            let bytes = match self.template_files.get(path) {
                Some(bytes) => std::borrow::Cow::Borrowed(bytes.as_slice()),
                None => std::borrow::Cow::Owned(std::fs::read(path).map_err(|e| {
                    vec![
                        Diagnostic::error(
                            &crate::model::SourcePos::new(&path.display().to_string(), 0, 0),
                            format!("cannot read the reference document: {e}"),
                        )
                        .with_help("check the path given to --reference-doc"),
                    ]
                })?),
            };
            reference = Some(read(path, &bytes)?);
        }
        Ok(reference)
    }

    fn is_template(&self, path: &Path) -> bool {
        let in_dir = self
            .templates_dir
            .as_ref()
            .is_some_and(|d| path.parent() == Some(d.as_path()));
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        (in_dir && is_template_file(name)) || self.reference_doc.as_deref() == Some(path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    fn folder() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir(dir.path().join("rpm")).unwrap();
        fs::write(dir.path().join("rpm/afr.md"), "one").unwrap();
        fs::write(dir.path().join("topics.yaml"), "topics: []").unwrap();
        dir
    }

    #[test]
    fn rereads_only_changed_input_files_and_ignores_the_rest() {
        let dir = folder();
        let root = resolved(dir.path());
        let mut ws = Workspace::open(dir.path(), None, None).unwrap();
        fs::write(root.join("rpm/afr.md"), "two").unwrap();
        fs::write(root.join("rpm/.#afr.md"), "lock").unwrap();
        fs::write(root.join("notes.txt"), "x").unwrap();
        let touched = ws.apply(&[
            root.join("rpm/afr.md"),
            root.join("rpm/.#afr.md"),
            root.join("notes.txt"),
            root.join("topics.yaml"),
        ]);
        assert_eq!(touched.input, ["rpm/afr.md"], "topics.yaml did not change");
        assert_eq!(ws.input().files["rpm/afr.md"], b"two");
        fs::remove_file(root.join("rpm/afr.md")).unwrap();
        assert_eq!(ws.apply(&[root.join("rpm/afr.md")]).input, ["rpm/afr.md"]);
        assert!(!ws.input().files.contains_key("rpm/afr.md"));
    }

    #[test]
    fn a_template_change_reloads_the_templates_and_reports_errors() {
        let dir = folder();
        let templates = tempfile::tempdir().unwrap();
        let t = resolved(templates.path());
        let mut ws = Workspace::open(dir.path(), Some(templates.path()), None).unwrap();
        assert_eq!(ws.watched().len(), 2);
        fs::write(t.join("cover.md.hbs"), "{{#if}}").unwrap();
        let touched = ws.apply(&[t.join("cover.md.hbs")]);
        assert!(touched.templates && touched.input.is_empty());
        assert!(ws.apply(&[t.join("cover.md.hbs")]).is_empty(), "unchanged");
        let errors = ws.templates().err().expect("a broken template");
        assert!(errors[0].file.ends_with("cover.md.hbs"), "{errors:?}");
        fs::write(t.join("cover.md.hbs"), "# {{conference.name}}").unwrap();
        ws.apply(&[t.join("cover.md.hbs")]);
        assert!(ws.templates().is_ok());
    }

    #[test]
    fn a_reference_docx_in_the_templates_folder_is_the_word_writers_not_a_template() {
        let dir = folder();
        let templates = tempfile::tempdir().unwrap();
        let t = resolved(templates.path());
        fs::write(t.join("reference.docx"), "not a zip").unwrap();
        let mut ws = Workspace::open(dir.path(), Some(templates.path()), None).unwrap();
        assert!(ws.templates().is_ok(), "the templates load without it");
        let errors = ws
            .build_into(
                &Format::ALL,
                None,
                &crate::output::Staging::new(&dir.path().join("out")),
            )
            .expect_err("an unreadable house template stops the build");
        assert!(
            errors[0].file.ends_with("reference.docx") && errors[0].message.contains("not a Word"),
            "{errors:?}"
        );
        fs::remove_file(t.join("reference.docx")).unwrap();
        assert!(ws.apply(&[t.join("reference.docx")]).templates);
        assert!(ws.styles.as_ref().is_ok_and(|s| s.reference.is_none()));
    }
}
