//! Proposals in ITU's form: a paragraph with the mark and the number ("MOD IAP/32A2/4"), the
//! text it targets ("RESOLUTION 17 (REV. BUENOS AIRES, 2017)"), its title, its body, and
//! "Reasons:".

use super::word::{Block, Para};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// A proposal found among the document's blocks.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// The blocks it spans, from its mark paragraph to its reasons.
    pub blocks: Range<usize>,
    /// The mark as written: ADD, ADD*, MOD, (MOD), SUP, SUP*, NOC.
    pub mark: String,
    pub number: Option<String>,
    /// The target as written ("RESOLUTION 17 (REV. BUENOS AIRES, 2017)").
    pub target: Option<String>,
    /// Index of the title paragraph.
    pub title: Option<usize>,
    /// A title on the mark's own line, after the number ("ADD AFR-P4 – Artificial
    /// intelligence…", as rpmsynth's own annexes write a new text).
    pub line_title: Option<String>,
    /// The body's blocks (after the title, before the reasons).
    pub body: Range<usize>,
    /// Index of the reasons paragraph, and whether its text follows in the next one.
    pub reasons: Option<usize>,
    /// The mark paragraph's number and first words (for warnings).
    pub at: (usize, String),
}

static MARK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(ADD\*?|MOD|\(MOD\)|SUP\*?|NOC)(?:\s+|$)([A-Z]{2,8}(?:/[0-9A-Z]+){1,3}|[A-Z]{2,8}-[A-Z]{0,3}\d{1,4}\b)?\s*(?:[–—-]\s+)?(.*)$").unwrap()
});
static TARGET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:DRAFT\s+|PROJET\s+DE\s+|PROYECTO\s+DE\s+)?(?:NEW\s+|NOUVELLE\s+|NUEVA\s+)?(?:REVISION\s+(?:OF|TO)\s+)?(?:WTDC\s+|CMDT\s+)?(?:RESOLUTION|RÉSOLUTION|RESOLUCIÓN|QUESTION|CUESTIÓN|RECOMMENDATION|RECOMMANDATION|RECOMENDACIÓN|DECLARATION|DÉCLARATION|DECLARACIÓN|ACTION\s+PLAN|PLAN\s+D['’]ACTION|PLAN\s+DE\s+ACCIÓN|OPINION|AVIS|REGIONAL\s+INITIATIVE)\b").unwrap()
});
static REASONS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^\**(?:{})\s*[:：]\s*\**",
        crate::model::language::REASONS_WORDS
    ))
    .unwrap()
});
static CALL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:The World Telecommunication|La Conférence mondiale|considering|recognizing|noting|bearing in mind|resolves|instructs|invites|considérant|reconnaissant|notant|décide|charge|invite)\b").unwrap()
});

/// The mark, number and the rest of a paragraph that starts a proposal.
pub fn mark_line(text: &str) -> Option<(String, Option<String>, String)> {
    let text = text.trim();
    if text.len() > 400 {
        return None;
    }
    let c = MARK.captures(text)?;
    Some((
        c[1].to_string(),
        c.get(2).map(|m| m.as_str().to_string()),
        c[3].trim().to_string(),
    ))
}

/// Whether `text` names a target ("RESOLUTION 17 (REV. …)", "QUESTION 2/2", "ACTION PLAN").
pub fn is_target(text: &str) -> bool {
    TARGET.is_match(text.trim()) && text.len() < 200
}

/// The text after "Reasons:", if `text` is a reasons paragraph.
pub fn reasons(text: &str) -> Option<&str> {
    REASONS
        .find(text.trim())
        .map(|m| text.trim()[m.end()..].trim())
}

fn para(blocks: &[Block], i: usize) -> Option<&Para> {
    match blocks.get(i) {
        Some(Block::Para(p)) => Some(p),
        _ => None,
    }
}

/// Whether block `i` starts a proposal.
fn starts(blocks: &[Block], i: usize) -> Option<(String, Option<String>, String)> {
    let p = para(blocks, i)?;
    let (mark, number, rest) = mark_line(&p.text())?;
    let next_is_target = (i + 1..blocks.len().min(i + 3))
        .filter_map(|j| para(blocks, j))
        .map(|p| p.text())
        .find(|t| !t.is_empty())
        .is_some_and(|t| is_target(&t));
    let styled = p.style.to_ascii_lowercase().contains("proposal");
    (number.is_some() || styled || is_target(&rest) || (rest.is_empty() && next_is_target))
        .then_some((mark, number, rest))
}

/// Finds the proposals among `blocks`; `ends` says where a proposal's text must stop (a
/// heading outside it).
pub fn find(blocks: &[Block], ends: impl Fn(usize) -> bool) -> Vec<Found> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < blocks.len() {
        let Some((mark, number, rest)) = starts(blocks, i) else {
            i += 1;
            continue;
        };
        let first = para(blocks, i)
            .map(|p| (p.number, first_words(&p.text())))
            .unwrap_or_default();
        let start = i;
        let mut j = i + 1;
        let non_empty = |j: &mut usize| {
            while *j < blocks.len() && para(blocks, *j).is_some_and(|p| p.text().is_empty()) {
                *j += 1;
            }
        };
        let (mut target, line_title) = match rest {
            r if r.is_empty() => (None, None),
            r if is_target(&r) => (Some(r), None),
            r => (None, Some(r)),
        };
        non_empty(&mut j);
        if target.is_none()
            && let Some(p) = para(blocks, j)
            && is_target(&p.text())
        {
            target = Some(p.text());
            j += 1;
            non_empty(&mut j);
        }
        let mut title = None;
        if line_title.is_none()
            && let Some(p) = para(blocks, j)
            && looks_like_title(p)
            && starts(blocks, j).is_none()
        {
            title = Some(j);
            j += 1;
        }
        let body_start = j;
        let mut reasons_at = None;
        while j < blocks.len() && starts(blocks, j).is_none() && !ends(j) {
            if let Some(p) = para(blocks, j)
                && reasons(&p.text()).is_some()
            {
                reasons_at = Some(j);
                break;
            }
            j += 1;
        }
        let body = body_start..j;
        let mut end = j;
        if let Some(r) = reasons_at {
            end = r + 1;
            // "Reasons:" alone: its text is the next paragraph.
            if para(blocks, r).and_then(|p| reasons(&p.text()).map(str::is_empty)) == Some(true)
                && para(blocks, end).is_some_and(|p| !p.text().is_empty())
                && starts(blocks, end).is_none()
                && !ends(end)
            {
                end += 1;
            }
        }
        out.push(Found {
            blocks: start..end,
            mark,
            number,
            target,
            title,
            line_title,
            body,
            reasons: reasons_at,
            at: first,
        });
        i = end.max(start + 1);
    }
    out
}

/// A title paragraph: set as one (a title style, bold or centred), short, and not the
/// resolution's opening words or its reasons.
fn looks_like_title(p: &Para) -> bool {
    let text = p.text();
    let style = p.style.to_ascii_lowercase();
    let styled = style.contains("title") || style.contains("titre");
    (styled || p.all_bold() || p.centred)
        && !text.is_empty()
        && text.len() < 300
        && !CALL.is_match(&text)
        && reasons(&text).is_none()
        && !is_target(&text)
        && p.list.is_none()
}

/// The first words of a paragraph, as warnings quote it.
pub fn first_words(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().take(8).collect();
    let mut out = words.join(" ");
    if text.split_whitespace().count() > 8 {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::word::{Format, Inline};

    fn p(text: &str, style: &str, bold: bool) -> Block {
        Block::Para(Para {
            style: style.to_string(),
            inlines: vec![Inline::Text(
                text.to_string(),
                Format {
                    bold,
                    ..Format::default()
                },
            )],
            ..Para::default()
        })
    }

    #[test]
    fn marks_numbers_and_the_rest() {
        assert_eq!(
            mark_line("MOD\tIAP/32A2/4"),
            Some(("MOD".into(), Some("IAP/32A2/4".into()), String::new()))
        );
        assert_eq!(
            mark_line("(MOD) EUR/33A3/1 RESOLUTION 28 (REV. WRC-15)"),
            Some((
                "(MOD)".into(),
                Some("EUR/33A3/1".into()),
                "RESOLUTION 28 (REV. WRC-15)".into()
            ))
        );
        assert_eq!(mark_line("ADD* IAP-3").unwrap().1.as_deref(), Some("IAP-3"));
        assert_eq!(mark_line("Modalities of the meeting"), None);
        assert_eq!(
            mark_line("MOD AFR-P1 – Resolution 37: Bridging the digital divide"),
            Some((
                "MOD".into(),
                Some("AFR-P1".into()),
                "Resolution 37: Bridging the digital divide".into()
            ))
        );
        assert_eq!(reasons("Motifs\u{a0}: pour aligner"), Some("pour aligner"));
        assert_eq!(reasons("**Reasons:** to align"), Some("to align"));
    }

    #[test]
    fn a_package_of_two_proposals() {
        let blocks = vec![
            p("Addendum 1 to Document WTDC-25/29-E", "Normal", false),
            p("MOD\tAFCP/29A1/1", "Proposal", false),
            p("RESOLUTION 17 (REV. KIGALI, 2022)", "ResNo", false),
            p("Implementation of regional initiatives", "Restitle", true),
            p(
                "The World Telecommunication Development Conference (Baku, 2025),",
                "Normal",
                false,
            ),
            p("resolves", "Call", false),
            p("Reasons:", "Reasons", false),
            p("To align with the Action Plan.", "Normal", false),
            p("SUP\tAFCP/29A1/2", "Proposal", false),
            p("RESOLUTION 50 (REV. KIGALI, 2022)", "ResNo", false),
            p("Reasons: Merged with Resolution 37.", "Reasons", false),
        ];
        let found = find(&blocks, |_| false);
        assert_eq!(found.len(), 2);
        let mod_ = &found[0];
        assert_eq!(mod_.mark, "MOD");
        assert_eq!(mod_.number.as_deref(), Some("AFCP/29A1/1"));
        assert_eq!(
            mod_.target.as_deref(),
            Some("RESOLUTION 17 (REV. KIGALI, 2022)")
        );
        assert_eq!(mod_.title, Some(3));
        assert_eq!(mod_.body, 4..6);
        assert_eq!(mod_.reasons, Some(6));
        assert_eq!(mod_.blocks, 1..8);
        let sup = &found[1];
        assert_eq!(sup.mark, "SUP");
        assert_eq!(sup.title, None);
        assert_eq!(sup.body, 10..10);
        assert_eq!(sup.blocks, 8..11);
    }
}
