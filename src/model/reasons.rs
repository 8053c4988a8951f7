//! The reasons that close a proposal ("**Reasons:** …", "Motifs :", "Motivos:"): a region's
//! own words about its proposal, not part of the text it amends.

use regex::Regex;
use std::sync::LazyLock;

static REASONS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^[ \t]*\**[ \t]*(?:Reasons?|Motifs?|Motivos?|Razones)\s*[:：]")
        .expect("reasons pattern is valid")
});

/// `text` without its closing reasons: everything before the last paragraph that starts
/// with "Reasons:" (or its French and Spanish forms), or the whole text when there is none.
pub fn without_reasons(text: &str) -> &str {
    REASONS
        .find_iter(text)
        .filter(|m| m.start() == 0 || text[..m.start()].ends_with("\n\n"))
        .last()
        .map_or(text, |m| text[..m.start()].trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_closing_reasons_are_cut_off() {
        assert_eq!(
            without_reasons("Text {++new++}.\n\n**Reasons:** Why."),
            "Text {++new++}."
        );
        assert_eq!(
            without_reasons("Texte.\n\nMotifs\u{a0}: Pourquoi."),
            "Texte."
        );
        assert_eq!(without_reasons("No reasons here."), "No reasons here.");
        // Inside a paragraph it is not the closing reasons.
        assert_eq!(
            without_reasons("The Reasons: listed"),
            "The Reasons: listed"
        );
    }
}
