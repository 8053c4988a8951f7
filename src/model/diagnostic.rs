use serde::Serialize;
use std::fmt;

/// How serious a diagnostic is: errors stop the build, warnings do not (unless denied).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// A place in an input file: path relative to the input folder, 1-based line and column.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Default)]
pub struct SourcePos {
    pub file: String,
    pub line: usize,
    pub column: usize,
}

impl SourcePos {
    /// A position at `line`, column 1 when `column` is 0 (unknown).
    pub fn new(file: &str, line: usize, column: usize) -> SourcePos {
        SourcePos {
            file: file.to_string(),
            line,
            column,
        }
    }
}

impl SourcePos {
    /// "file:line", the form used for provenance in reports and JSON.
    pub fn file_line(&self) -> String {
        format!("{}:{}", self.file, self.line)
    }
}

impl fmt::Display for SourcePos {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.line, self.column) {
            (0, _) => write!(f, "{}", self.file),
            (l, 0) => write!(f, "{}:{}", self.file, l),
            (l, c) => write!(f, "{}:{}:{}", self.file, l, c),
        }
    }
}

/// A problem found in the input, with where it is and, when known, what to do about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
}

impl Diagnostic {
    /// An error at `pos`.
    pub fn error(pos: &SourcePos, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(Severity::Error, pos, message)
    }

    /// A warning at `pos`.
    pub fn warning(pos: &SourcePos, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(Severity::Warning, pos, message)
    }

    fn new(severity: Severity, pos: &SourcePos, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity,
            file: pos.file.clone(),
            line: pos.line,
            column: pos.column,
            message: message.into(),
            help: None,
        }
    }

    /// Adds a help line ("did you mean …").
    pub fn with_help(mut self, help: impl Into<String>) -> Diagnostic {
        self.help = Some(help.into());
        self
    }

    /// Where the problem is.
    pub fn pos(&self) -> SourcePos {
        SourcePos::new(&self.file, self.line, self.column)
    }

    /// True for errors.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{}: {}: {}", self.pos(), label, self.message)?;
        if let Some(help) = &self.help {
            write!(f, "\n  help: {help}")?;
        }
        Ok(())
    }
}
