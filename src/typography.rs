//! Each report language's typography, applied in one place to every word of the message
//! catalogues, so that the Markdown, HTML and Word outputs alike get it: in French a no-break
//! space before `:` and a narrow no-break space before `;`, `?` and `!` (so that "Original :"
//! never wraps), no-break spaces inside « », and the typographic apostrophe (’).

/// No-break space.
const NBSP: char = '\u{A0}';
/// Narrow no-break space.
const NNBSP: char = '\u{202F}';

/// `text` with the typography of language `code` (unchanged for a language without rules).
pub fn apply(code: &str, text: &str) -> String {
    match code {
        "fr" => french(text),
        _ => text.to_string(),
    }
}

/// French: the article before `name` as its first sound wants it: "l’" before a vowel sound
/// ("l’AMNT-28", an acronym read letter by letter, A "a"), "la " before a consonant sound
/// ("la WTSA-28", W "double vé"; "la CMDT-29"), whichever the catalogue wrote.
pub fn unelide(text: &str, name: &str) -> String {
    let mut chars = name.chars();
    let (Some(first), second) = (chars.next(), chars.next()) else {
        return text.to_string();
    };
    let acronym = second.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || c == '-');
    let consonant = if acronym {
        "BCDGJKPQTVWZ".contains(first)
    } else {
        first.is_alphabetic() && !"AEIOUYHÂÉÈÊÎÏÔÛaeiouyhâéèêîïôû".contains(first)
    };
    if consonant {
        text.replace(&format!("l’{name}"), &format!("la {name}"))
    } else {
        text.replace(&format!("la {name}"), &format!("l’{name}"))
            .replace(&format!("La {name}"), &format!("L’{name}"))
    }
}

/// French: no-break spaces before high punctuation and inside guillemets, and ’ for '.
fn french(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 8);
    for (i, &c) in chars.iter().enumerate() {
        let next = chars.get(i + 1).copied();
        let prev = i.checked_sub(1).map(|j| chars[j]);
        match c {
            ' ' if next == Some(':') => out.push(NBSP),
            ' ' if matches!(next, Some(';' | '?' | '!')) => out.push(NNBSP),
            ' ' if next == Some('»') || prev == Some('«') => out.push(NBSP),
            '\'' => out.push('’'),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_articles_follow_the_first_sound_of_a_name() {
        assert_eq!(unelide("de l’WTSA-28", "WTSA-28"), "de la WTSA-28");
        assert_eq!(unelide("pour la AMNT-28", "AMNT-28"), "pour l’AMNT-28");
        assert_eq!(unelide("de l’AMNT-28", "AMNT-28"), "de l’AMNT-28");
        assert_eq!(unelide("de la CMDT-29", "CMDT-29"), "de la CMDT-29");
        assert_eq!(unelide("à la Assemblée", "Assemblée"), "à l’Assemblée");
    }

    #[test]
    fn french_spaces_bind_punctuation_and_apostrophes_curl() {
        assert_eq!(apply("fr", "Original : {0}"), "Original\u{A0}: {0}");
        assert_eq!(
            apply("fr", "a ; b ? c !"),
            "a\u{202F}; b\u{202F}? c\u{202F}!"
        );
        assert_eq!(apply("fr", "« {0} »"), "«\u{A0}{0}\u{A0}»");
        assert_eq!(apply("fr", "l'Afrique"), "l’Afrique");
        assert_eq!(apply("en", "Chairs' meeting: x"), "Chairs' meeting: x");
    }
}
