//! Text made safe for WordprocessingML: characters XML 1.0 forbids dropped, markup escaped.

use std::borrow::Cow;

/// Drops characters that are not allowed in XML 1.0 documents (U+0000–U+001F except tab,
/// LF and CR, U+FFFE, U+FFFF, lone surrogates cannot occur in Rust strings).
pub fn clean(text: &str) -> Cow<'_, str> {
    let allowed = |c: char| {
        matches!(c, '\t' | '\n' | '\r')
            || ('\u{20}'..='\u{D7FF}').contains(&c)
            || ('\u{E000}'..='\u{FFFD}').contains(&c)
            || c >= '\u{10000}'
    };
    if text.chars().all(allowed) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.chars().filter(|&c| allowed(c)).collect())
    }
}

/// `text` cleaned and escaped for character data or an attribute value.
pub fn esc(text: &str) -> String {
    quick_xml::escape::escape(clean(text).as_ref()).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drops_illegal_characters_and_escapes_markup() {
        assert_eq!(
            esc("a\u{0B}b <c> & \"d\""),
            "ab &lt;c&gt; &amp; &quot;d&quot;"
        );
        assert_eq!(clean("ok"), "ok");
    }
}
