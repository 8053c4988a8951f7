//! The six ITU languages: their codes, and the titles outcome files in each give their
//! sections (docs/languages.md gives each term's source).

/// The codes of the six ITU languages, in alphabetical order.
pub const CODES: [&str; 6] = ["ar", "en", "es", "fr", "ru", "zh"];

/// Whether `code` is one of the six ITU languages.
pub fn is_known(code: &str) -> bool {
    CODES.contains(&code)
}

/// Names of the languages in English and in themselves, for suggestions.
const NAMES: [(&str, &str); 14] = [
    ("arabic", "ar"),
    ("العربية", "ar"),
    ("english", "en"),
    ("spanish", "es"),
    ("español", "es"),
    ("espanol", "es"),
    ("french", "fr"),
    ("français", "fr"),
    ("francais", "fr"),
    ("russian", "ru"),
    ("русский", "ru"),
    ("chinese", "zh"),
    ("中文", "zh"),
    ("mandarin", "zh"),
];

/// The code meant by a value that is not one: a code in another case or with a country
/// (`ES`, `zh-CN`, `pt_BR` has none), a language's name (`Spanish`, `русский`), else the
/// closest code.
pub fn suggest(value: &str) -> Option<&'static str> {
    let lower = value.trim().to_lowercase();
    let base = lower.split(['-', '_']).next().unwrap_or("");
    CODES
        .iter()
        .find(|c| **c == base)
        .copied()
        .or_else(|| NAMES.iter().find(|(n, _)| *n == base).map(|(_, c)| *c))
        .or_else(|| crate::suggest::closest(&lower, CODES.iter().copied()))
}

/// The sections of an outcome body that rpmsynth reads.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum SectionKind {
    /// The region's priorities (a list).
    Priorities,
    /// The regional initiatives (`##` headings).
    Initiatives,
    /// The proposals (`##` headings).
    Proposals,
}

/// Each recognised section title, with its kind and language: compared after trimming,
/// without regard to case, in any outcome file whatever its `language:`.
pub const SECTION_TITLES: [(SectionKind, &str, &str); 22] = [
    (SectionKind::Priorities, "en", "Regional priorities"),
    (SectionKind::Priorities, "fr", "Priorités régionales"),
    (SectionKind::Priorities, "es", "Prioridades regionales"),
    (SectionKind::Priorities, "ru", "Региональные приоритеты"),
    (SectionKind::Priorities, "ar", "الأولويات الإقليمية"),
    (SectionKind::Priorities, "zh", "区域优先事项"),
    (SectionKind::Priorities, "zh", "区域性优先事项"),
    (SectionKind::Initiatives, "en", "Regional initiatives"),
    (SectionKind::Initiatives, "fr", "Initiatives régionales"),
    (SectionKind::Initiatives, "es", "Iniciativas regionales"),
    (SectionKind::Initiatives, "ru", "Региональные инициативы"),
    (SectionKind::Initiatives, "ar", "المبادرات الإقليمية"),
    (SectionKind::Initiatives, "zh", "区域举措"),
    (SectionKind::Initiatives, "zh", "区域性举措"),
    (SectionKind::Proposals, "en", "Proposals"),
    (SectionKind::Proposals, "fr", "Propositions"),
    (SectionKind::Proposals, "es", "Propuestas"),
    (SectionKind::Proposals, "ru", "Предложения"),
    (SectionKind::Proposals, "ar", "المقترحات"),
    (SectionKind::Proposals, "ar", "مقترحات"),
    (SectionKind::Proposals, "zh", "提案"),
    (SectionKind::Proposals, "zh", "建议"),
];

/// The kind of a section titled `title`, in any of the six languages.
pub fn section_kind(title: &str) -> Option<SectionKind> {
    let title = title.trim().to_lowercase();
    SECTION_TITLES
        .iter()
        .find(|(_, _, t)| t.to_lowercase() == title)
        .map(|(kind, _, _)| *kind)
}

/// The titles of one kind, for messages: "Regional priorities / Priorités régionales / …".
pub fn titles_of(kind: SectionKind) -> Vec<&'static str> {
    SECTION_TITLES
        .iter()
        .filter(|(k, _, _)| *k == kind)
        .map(|(_, _, t)| *t)
        .collect()
}

/// The words that open a proposal's reasons paragraph in the six languages ("Reasons:",
/// "Motifs :", "Motivos:", "Основания:", "الأسباب:", "理由："), as a pattern.
pub const REASONS_WORDS: &str = r"Reasons?|Motifs?|Motivos?|Razones|Justification|Обоснование|Основания|Основание|الأسباب|الأسباب الداعية|理由";

/// Region codes as each language writes them before an initiative's number (`CEI1` in
/// French and Spanish, `СНГ1` and `АФР1` in Russian), with the region each stands for.
pub const REGION_CODES: [(&str, &str); 13] = [
    ("CEI", "CIS"),
    ("СНГ", "CIS"),
    ("АФР", "AFR"),
    ("АМР", "AMS"),
    ("АРБ", "ARB"),
    ("АТР", "ASP"),
    ("ЕВР", "EUR"),
    ("AFR", "AFR"),
    ("AMS", "AMS"),
    ("ARB", "ARB"),
    ("ASP", "ASP"),
    ("CIS", "CIS"),
    ("EUR", "EUR"),
];

/// "Regional initiative" abbreviated as each language writes it before a number: `RI`, `IR`
/// (French, Spanish), `РИ` (Russian).
pub const INITIATIVE_WORDS: [&str; 3] = ["RI", "IR", "РИ"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_the_code_meant() {
        assert_eq!(suggest("ES"), Some("es"));
        assert_eq!(suggest("zh-CN"), Some("zh"));
        assert_eq!(suggest("Spanish"), Some("es"));
        assert_eq!(suggest("русский"), Some("ru"));
    }

    #[test]
    fn section_titles_are_read_in_every_language() {
        assert_eq!(
            section_kind(" PRIORIDADES REGIONALES "),
            Some(SectionKind::Priorities)
        );
        assert_eq!(
            section_kind("региональные инициативы"),
            Some(SectionKind::Initiatives)
        );
        assert_eq!(section_kind("المقترحات"), Some(SectionKind::Proposals));
        assert_eq!(section_kind("提案"), Some(SectionKind::Proposals));
        assert_eq!(section_kind("Conclusions"), None);
        for code in CODES {
            for kind in [
                SectionKind::Priorities,
                SectionKind::Initiatives,
                SectionKind::Proposals,
            ] {
                assert!(
                    SECTION_TITLES
                        .iter()
                        .any(|(k, c, _)| *k == kind && *c == code),
                    "{code} {kind:?}"
                );
            }
        }
    }
}
