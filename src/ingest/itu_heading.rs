//! Proposal headings in ITU's own form, as regional documents write them and as the Word
//! importer writes them: `MOD IAP/32A2/4 RESOLUTION 17 (Rev. Buenos Aires, 2017) – Title`
//! → mark, ITU number, target and title (docs/input-format.md, "ITU headings").

use crate::model::{Action, references};
use regex::Regex;
use std::sync::LazyLock;

/// A proposal heading read in ITU's form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItuHeading {
    /// The action the mark stands for: `ADD*` is ADD, `(MOD)` is MOD, `SUP*` is SUP.
    pub action: Action,
    /// The mark as written when it is not the action's code (`(MOD)`, `ADD*`, `SUP*`).
    pub mark: Option<String>,
    /// The ITU number (`IAP/32A2/4`, `IAP-1`), when the heading gives one.
    pub number: Option<String>,
    /// The reference id of the text the heading names (`res-17`, `q-2/2`, `new`), if any.
    pub target: Option<String>,
    /// The title: the text after the separator (` – `, ` - `, ` — `, `:`), else whatever
    /// follows the number and target; for a new text without one, the target as written
    /// (`DRAFT NEW RESOLUTION [ARB-1]`); otherwise empty (the target names the proposal).
    pub title: String,
}

/// The marks of the ITU proposals system, as written, with the action each stands for.
const MARKS: [(&str, Action); 7] = [
    ("ADD", Action::ADD),
    ("ADD*", Action::ADD),
    ("MOD", Action::MOD),
    ("(MOD)", Action::MOD),
    ("SUP", Action::SUP),
    ("SUP*", Action::SUP),
    ("NOC", Action::NOC),
];

/// An ITU number: `LETTERS/document[A addendum]/serial` or `LETTERS-serial`.
static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[A-Z]{2,10}/\d{1,4}(?:A\d{1,3})?/\d{1,4}|([A-Z]{2,10})-[A-Z]{0,3}\d{1,4})$")
        .expect("valid")
});

/// Conference and meeting names, which look like `LETTERS-digits` numbers (`WTDC-17`).
const NOT_NUMBERS: [&str; 7] = ["WTDC", "WTSA", "WRC", "PP", "RPM", "TDAG", "TSAG"];

/// A new text: `DRAFT NEW RESOLUTION [AFCP-1]`, `NEW QUESTION`, `PROJET DE NOUVELLE RÉSOLUTION`,
/// `PROYECTO DE NUEVA RESOLUCIÓN`, `ПРОЕКТ НОВОЙ РЕЗОЛЮЦИИ`, `مشروع قرار جديد`, `新决议草案`.
static NEW_TEXT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:(?:(?:draft\s+)?new\s+(?:resolution|question|recommendation|declaration)|(?:projet\s+de\s+)?nouvelle\s+(?:r[ée]solution|question|recommandation|d[ée]claration)|(?:proyecto\s+de\s+)?nuevas?\s+(?:resoluci[óo]n|cuesti[óo]n|recomendaci[óo]n|declaraci[óo]n)|(?:проект\s+)?(?:нов(?:ой|ая)\s+(?:резолюци[ия]|рекомендаци[ия]|деклараци[ия])|новый\s+вопрос))\b|(?:مشروع\s+)?(?:قرار|توصية|إعلان|مسألة)\s+جديد(?:ة)?|新(?:决议|课题|建议书|宣言)(?:草案)?)(?:\s*\[[^\]]*\])?",
    )
    .expect("valid")
});

/// The conference's name before the text it names (`WTDC ACTION PLAN`, `WTDC-17 DECLARATION`).
static CONFERENCE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:WTDC|WTSA|CMDT|AMNT)(?:-\d{2})?\s+").expect("valid"));

/// The edition note after a reference: `(Rev. Buenos Aires, 2017)`, `(REV.WRC-15)`.
static EDITION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(?:\([^()]*\)|（[^（）]*）)").expect("valid"));

/// Reads `heading` (a heading's plain text, without its attribute block) in ITU's form;
/// `None` when it does not start with a mark followed by a space (or nothing).
pub fn parse(heading: &str) -> Option<ItuHeading> {
    let text = heading.trim();
    let (word, rest) = split_word(text);
    let (_, action) = MARKS.iter().find(|(m, _)| *m == word)?;
    let mark = (word != action.code()).then(|| word.to_string());
    let (number, rest) = number(rest);
    let (target, target_text, rest) = target(rest);
    let rest = rest.trim();
    let title = match rest
        .strip_prefix(':')
        .or_else(|| rest.strip_prefix('：'))
        .or_else(|| separated(rest))
    {
        Some(title) => title.trim().to_string(),
        None => rest.to_string(),
    };
    let title = if title.is_empty() && target.as_deref() == Some("new") {
        target_text.to_string()
    } else {
        title
    };
    Some(ItuHeading {
        action: *action,
        mark,
        number,
        target,
        title,
    })
}

/// The first word of `text` and what follows it.
fn split_word(text: &str) -> (&str, &str) {
    match text.find(char::is_whitespace) {
        Some(i) => (&text[..i], &text[i..]),
        None => (text, ""),
    }
}

/// The ITU number at the start of `text`, if its first word is one (a `:` after it is left
/// for the title).
fn number(text: &str) -> (Option<String>, &str) {
    let trimmed = text.trim_start();
    let (word, _) = split_word(trimmed);
    let bare = word
        .strip_suffix(':')
        .or_else(|| word.strip_suffix('：'))
        .unwrap_or(word);
    let Some(c) = NUMBER.captures(bare) else {
        return (None, text);
    };
    if c.get(1)
        .is_some_and(|letters| NOT_NUMBERS.contains(&letters.as_str()))
    {
        return (None, text);
    }
    (Some(bare.to_string()), &trimmed[bare.len()..])
}

/// The text named at the start of `text`: its reference id, as written, and what follows.
fn target(text: &str) -> (Option<String>, &str, &str) {
    let trimmed = text.trim_start();
    if let Some(m) = NEW_TEXT.find(trimmed) {
        return (Some("new".to_string()), m.as_str(), &trimmed[m.end()..]);
    }
    let after_name = CONFERENCE.find(trimmed).map_or(0, |m| m.end());
    let Some((len, id)) = references::at_start(&trimmed[after_name..]) else {
        return (None, "", text);
    };
    let mut end = after_name + len;
    if let Some(m) = EDITION.find(&trimmed[end..]) {
        end += m.end();
    }
    (Some(id), &trimmed[..end], &trimmed[end..])
}

/// The title after a dash separator (`– `, `- `, `— ` at the start of `text`).
fn separated(text: &str) -> Option<&str> {
    let rest = text
        .strip_prefix('–')
        .or_else(|| text.strip_prefix('—'))
        .or_else(|| text.strip_prefix('-'))?;
    (rest.is_empty() || rest.starts_with(char::is_whitespace)).then_some(rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (action, mark, number, target, title) of a heading.
    fn fields(
        heading: &str,
    ) -> (
        Action,
        Option<String>,
        Option<String>,
        Option<String>,
        String,
    ) {
        let h = parse(heading).unwrap_or_else(|| panic!("not in ITU form: {heading}"));
        (h.action, h.mark, h.number, h.target, h.title)
    }

    fn some(s: &str) -> Option<String> {
        Some(s.to_string())
    }

    #[test]
    fn reads_mark_number_target_and_title() {
        assert_eq!(
            fields(
                "MOD IAP/32A2/4 RESOLUTION 17 (Rev. Buenos Aires, 2017) – Implementation of regional initiatives"
            ),
            (
                Action::MOD,
                None,
                some("IAP/32A2/4"),
                some("res-17"),
                "Implementation of regional initiatives".into()
            )
        );
        assert_eq!(
            fields(
                "ADD AFCP/29A1/3 DRAFT NEW RESOLUTION [AFCP-1] – Artificial intelligence for development"
            ),
            (
                Action::ADD,
                None,
                some("AFCP/29A1/3"),
                some("new"),
                "Artificial intelligence for development".into()
            )
        );
        assert_eq!(
            fields("SUP RCC/19A1/2 RESOLUTION 50 (Rev. Kigali, 2022)"),
            (
                Action::SUP,
                None,
                some("RCC/19A1/2"),
                some("res-50"),
                String::new()
            )
        );
        assert_eq!(
            fields("NOC EUR/33A3/1 QUESTION 2/2 – Broadband access"),
            (
                Action::NOC,
                None,
                some("EUR/33A3/1"),
                some("q-2/2"),
                "Broadband access".into()
            )
        );
    }

    #[test]
    fn reads_headings_in_the_six_languages() {
        let cases = [
            (
                "MOD IAP/32A2/4 RESOLUCIÓN 17 (REV. BUENOS AIRES, 2017) – Implantación de las iniciativas regionales",
                "res-17",
                "Implantación de las iniciativas regionales",
            ),
            (
                "ADD IAP/32A2/5 PROYECTO DE NUEVA RESOLUCIÓN [IAP-2] – Inteligencia artificial",
                "new",
                "Inteligencia artificial",
            ),
            (
                "MOD RCC/19A1/1 РЕЗОЛЮЦИЯ 17 (Пересм. Буэнос-Айрес, 2017 г.) – Выполнение региональных инициатив",
                "res-17",
                "Выполнение региональных инициатив",
            ),
            (
                "ADD RCC/19A1/3 ПРОЕКТ НОВОЙ РЕЗОЛЮЦИИ [RCC-1] – Искусственный интеллект",
                "new",
                "Искусственный интеллект",
            ),
            (
                "MOD ARB/20A5/2 القرار 37 (المراجَع في كيغالي، 2022) – سد الفجوة الرقمية",
                "res-37",
                "سد الفجوة الرقمية",
            ),
            (
                "ADD ARB/20A5/1 مشروع قرار جديد [ARB-1] – الذكاء الاصطناعي",
                "new",
                "الذكاء الاصطناعي",
            ),
            (
                "MOD ACP/67A1/1 第37号决议（2022年，基加利，修订版）– 弥合数字鸿沟",
                "res-37",
                "弥合数字鸿沟",
            ),
            ("NOC ACP/67A1/2 第2/1号课题：宽带接入", "q-2/1", "宽带接入"),
        ];
        for (heading, target, title) in cases {
            let h = parse(heading).unwrap();
            assert_eq!(h.target.as_deref(), Some(target), "{heading}");
            assert_eq!(h.title, title, "{heading}");
        }
    }

    #[test]
    fn reads_starred_and_bracketed_marks_as_their_actions() {
        assert_eq!(
            fields(
                "(MOD) ACP/67A1/1 RESOLUTION 37 (REV. BUENOS AIRES, 2017) – Bridging the digital divide"
            ),
            (
                Action::MOD,
                some("(MOD)"),
                some("ACP/67A1/1"),
                some("res-37"),
                "Bridging the digital divide".into()
            )
        );
        let add = parse("ADD* IAP-3 – Regional initiative").unwrap();
        assert_eq!(
            (add.action, add.mark.as_deref(), add.number.as_deref()),
            (Action::ADD, Some("ADD*"), Some("IAP-3"))
        );
        let sup = parse("SUP* RCC/19A1/5 RESOLUTION 81").unwrap();
        assert_eq!(
            (sup.action, sup.mark.as_deref()),
            (Action::SUP, Some("SUP*"))
        );
    }

    #[test]
    fn reads_the_action_plan_citel_numbers_and_untitled_new_texts() {
        assert_eq!(
            fields("MOD ACP/67A1/1 ACTION PLAN"),
            (
                Action::MOD,
                None,
                some("ACP/67A1/1"),
                some("action-plan"),
                String::new()
            )
        );
        assert_eq!(
            fields("MOD ACP/67A1/2 WTDC ACTION PLAN").3,
            some("action-plan")
        );
        assert_eq!(
            fields("MOD IAP-1 RESOLUTION 37: Bridging the divide"),
            (
                Action::MOD,
                None,
                some("IAP-1"),
                some("res-37"),
                "Bridging the divide".into()
            )
        );
        assert_eq!(
            fields("ADD ARB/20A5/1 DRAFT NEW RESOLUTION [ARB-1]"),
            (
                Action::ADD,
                None,
                some("ARB/20A5/1"),
                some("new"),
                "DRAFT NEW RESOLUTION [ARB-1]".into()
            )
        );
        assert_eq!(fields("MOD WTDC DECLARATION").3, some("declaration"));
        assert_eq!(
            fields("MOD RÉSOLUTION 37 — Réduire la fracture").3,
            some("res-37")
        );
        assert_eq!(
            fields("ADD AFCP/1/2 RECOMMENDATION ITU-D 19 - Accessibility"),
            (
                Action::ADD,
                None,
                some("AFCP/1/2"),
                some("rec-d-19"),
                "Accessibility".into()
            )
        );
    }

    #[test]
    fn what_follows_a_mark_need_not_name_a_number_or_a_target() {
        assert_eq!(
            fields("MOD WTDC-17 ACTION PLAN"),
            (Action::MOD, None, None, some("action-plan"), String::new())
        );
        assert_eq!(
            fields("ADD IAP-4 – Smart sustainable cities"),
            (
                Action::ADD,
                None,
                some("IAP-4"),
                None,
                "Smart sustainable cities".into()
            )
        );
        assert_eq!(
            fields("ADD A regional centre of excellence"),
            (
                Action::ADD,
                None,
                None,
                None,
                "A regional centre of excellence".into()
            )
        );
    }

    #[test]
    fn headings_that_do_not_start_with_a_mark_are_not_in_the_form() {
        for heading in [
            "Bridging the digital divide",
            "Add digital skills",
            "MODIFY Resolution 37",
            "Mod Resolution 37",
            "ADDITIONAL measures",
            "",
        ] {
            assert_eq!(parse(heading), None, "{heading}");
        }
    }
}
