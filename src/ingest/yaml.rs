//! YAML blocks → typed values, with errors placed at the file's line and column.

use crate::model::{Diagnostic, SourcePos};
use serde::de::DeserializeOwned;

/// Parses a YAML block that starts at `first_line` of `file` (1-based).
pub fn parse<T: DeserializeOwned>(
    yaml: &str,
    file: &str,
    first_line: usize,
) -> Result<T, Diagnostic> {
    serde_saphyr::from_str_with_options::<T>(yaml, options()).map_err(|err| {
        let (line, column) = err.location().map_or((first_line, 0), |l| {
            (l.line() as usize + first_line - 1, l.column() as usize)
        });
        let message = strip_location(&err.without_snippet().to_string());
        let diagnostic = Diagnostic::error(&SourcePos::new(file, line, column), message.clone());
        match suggest_field(&message) {
            Some(help) => diagnostic.with_help(help),
            None => diagnostic,
        }
    })
}

/// Parser limits: aliases may not expand into more than a bounded number of nodes.
fn options() -> serde_saphyr::Options {
    serde_saphyr::Options::default()
}

/// Drops the " at line N, column M" suffix: the diagnostic carries the position itself.
fn strip_location(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) if message[i..].contains(", column ") => message[..i].to_string(),
        _ => message.to_string(),
    }
}

/// For "unknown field `venu`, expected one of symbol, venue, start" (or an unknown region or
/// variant, quoted either way): "did you mean `venue`?" (the message lists the allowed names).
fn suggest_field(message: &str) -> Option<String> {
    let rest = &message[message.find("unknown ")?..];
    let quote = rest.find(['`', '"'])?;
    let close = rest[quote..].chars().next()?;
    let (unknown, rest) = rest[quote + 1..].split_once(close)?;
    let allowed = rest
        .split_once("expected one of ")
        .or_else(|| rest.split_once("expected "))?
        .1;
    let allowed: Vec<&str> = allowed
        .split([','])
        .flat_map(|s| s.split(" or "))
        .map(|s| s.trim().trim_matches('`'))
        .filter(|s| !s.is_empty())
        .collect();
    crate::suggest::closest(unknown, allowed.iter().copied())
        .map(|best| format!("did you mean `{best}`?"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Meeting {
        symbol: String,
        venue: Option<String>,
    }

    #[test]
    fn unknown_key_is_placed_at_file_line_with_suggestion() {
        let err = parse::<Meeting>("symbol: X\nvenu: Geneva\n", "rpm/afr.md", 3).unwrap_err();
        assert_eq!(
            (err.file.as_str(), err.line, err.column),
            ("rpm/afr.md", 4, 1)
        );
        assert!(
            err.message.contains("unknown field `venu`"),
            "{}",
            err.message
        );
        assert!(err.help.unwrap().contains("did you mean `venue`?"));
    }

    #[test]
    fn suggests_regions_and_variants() {
        let help = |m: &str| suggest_field(m).unwrap();
        assert_eq!(
            help("unknown region \"AFX\"; expected one of AFR, AMS, EUR"),
            "did you mean `AFR`?"
        );
        assert_eq!(
            help("unknown variant `wtdx`, expected `wtdc` or `wtsa`"),
            "did you mean `wtdc`?"
        );
    }
}
