//! References to conference texts found in prose, normalised to reference ids
//! (`Resolution 37 (Rev. Kigali, 2022)` → `res-37`, `Question 1/1` → `q-1/1`).

use regex::Regex;
use std::cmp::Ordering;
use std::sync::LazyLock;

/// Builds a reference id from a pattern's captures.
type Make = fn(&regex::Captures) -> String;

/// The written forms of references in the six ITU languages, each with the id it stands for
/// (docs/languages.md gives each form's source).
const FORMS: [(&str, Make); 12] = [
    (
        r"(?i)\b(?:r[ée]solutions?|resoluci[óo]n(?:es)?|res\.?|резолюци(?:я|и|ю|ей|ям|ях|ями)|рез\.)\s*(?:no\.\s*|№\s*)?(\d{1,4})\b",
        |c| format!("res-{}", num(&c[1])),
    ),
    (
        r"(?:[وفبل]?ال|لل)?قرار(?:ات|ين)?\s*(?:رقم\s*)?(\d{1,4})\b",
        |c| format!("res-{}", num(&c[1])),
    ),
    (r"第\s*(\d{1,4})\s*号\s*决议", |c| {
        format!("res-{}", num(&c[1]))
    }),
    (
        r"(?i)\b(?:recommendations?|recommandations?|recomendaci[óo]n(?:es)?|rec\.|рекомендаци(?:я|и|ю|ей|ям|ях|ями))\s*(?:itu|uit|мсэ)-([dtrдтр])\s+((?:[a-z]\.)?\d{1,4}(?:\.\d+)?)",
        |c| format!("rec-{}-{}", sector(&c[1]), c[2].to_lowercase()),
    ),
    (
        r"(?i)(?:[وفبل]?ال|لل)?توصي(?:ة|ات)\s*(?:itu|uit)-([dtr])\s*((?:[a-z]\.)?\d{1,4}(?:\.\d+)?)",
        |c| format!("rec-{}-{}", sector(&c[1]), c[2].to_lowercase()),
    ),
    (
        r"(?i)(?:itu|uit)-([dtr])\s*第?\s*((?:[a-z]\.)?\d{1,4}(?:\.\d+)?)\s*号?\s*建议书",
        |c| format!("rec-{}-{}", sector(&c[1]), c[2].to_lowercase()),
    ),
    (
        r"(?i)\b(?:questions?|cuesti[óo]n(?:es)?|вопрос(?:а|у|ом|е|ы|ов|ам|ами|ах)?)\s+(\d{1,3})\s*/\s*(\d{1,2})\b",
        |c| format!("q-{}/{}", num(&c[1]), num(&c[2])),
    ),
    (
        r"(?:[وفبل]?ال|لل)?مسأل(?:ة|تين|ات)\s*(\d{1,3})\s*/\s*(\d{1,2})\b",
        |c| format!("q-{}/{}", num(&c[1]), num(&c[2])),
    ),
    (
        r"第\s*(\d{1,3})\s*/\s*(\d{1,2})\s*号\s*(?:研究)?课题",
        |c| format!("q-{}/{}", num(&c[1]), num(&c[2])),
    ),
    (
        r"(?i)\baction\s+plan\b|\bplan\s+d['’]action\b|\bplan\s+de\s+acci[óo]n\b|\bплан(?:а|у|ом|е)?\s+действий\b",
        |_| "action-plan".to_string(),
    ),
    (
        r"(?:[وفبل]?ال|لل)?خطة\s+(?:ال)?عمل|行动计划",
        |_| "action-plan".to_string(),
    ),
    (
        r"(?i)\bd[ée]claration\b|\bdeclaraci[óo]n\b|\bдеклараци(?:я|и|ю|ей)\b|(?:[وفبل]?ال|لل)?إعلان|宣言",
        |_| "declaration".to_string(),
    ),
];

static PATTERNS: LazyLock<Vec<(Regex, Make)>> = LazyLock::new(|| {
    FORMS
        .iter()
        .map(|(re, make)| (Regex::new(re).expect("reference pattern is valid"), *make))
        .collect()
});

/// Any written form: one scan finds every reference, then its form says which id.
static ANY: LazyLock<Regex> = LazyLock::new(|| {
    let forms: Vec<String> = FORMS.iter().map(|(re, _)| format!("(?:{re})")).collect();
    Regex::new(&forms.join("|")).expect("reference patterns are valid")
});

/// The same, anchored at the start of the text searched.
static ANY_AT_START: LazyLock<Regex> = LazyLock::new(|| {
    let forms: Vec<String> = FORMS.iter().map(|(re, _)| format!("(?:{re})")).collect();
    Regex::new(&format!("^(?:{})", forms.join("|"))).expect("reference patterns are valid")
});

/// Whether a word can start a written reference: `word` is its run of ASCII letters and
/// digits, `next` the byte after it (a byte of `é` continues "résolution", "déclaration",
/// of `ó` "resolución", "cuestión").
#[inline]
pub fn may_start(word: &[u8], next: Option<u8>) -> bool {
    // Every keyword starts with one of these letters.
    word.first().is_some_and(|b| {
        matches!(
            b | 0x20,
            b'r' | b'd' | b'q' | b'a' | b'p' | b'c' | b'i' | b'u'
        )
    }) && is_keyword(word, next)
}

/// Whether a word starting with the non-ASCII letter `c` can start a written reference (the
/// Russian, Arabic and Chinese forms).
#[inline]
pub fn may_start_char(c: char) -> bool {
    matches!(
        c,
        'Р' | 'р'
            | 'В'
            | 'в'
            | 'Д'
            | 'д'
            | 'П'
            | 'п'
            | 'ا'
            | 'ق'
            | 'ت'
            | 'م'
            | 'خ'
            | 'إ'
            | 'و'
            | 'ف'
            | 'ب'
            | 'ل'
            | '第'
            | '行'
            | '宣'
    )
}

/// [`may_start`] for a word starting with a keyword's first letter.
fn is_keyword(word: &[u8], next: Option<u8>) -> bool {
    const KEYWORDS: [&[u8]; 18] = [
        b"resolution",
        b"resolutions",
        b"resoluciones",
        b"res",
        b"recommendation",
        b"recommendations",
        b"recommandation",
        b"recommandations",
        b"recomendaciones",
        b"rec",
        b"question",
        b"questions",
        b"cuestiones",
        b"action",
        b"plan",
        b"declaration",
        b"itu",
        b"uit",
    ];
    /// Keywords cut by a non-ASCII letter: "résolution", "resolución", "cuestión".
    const BEFORE_NON_ASCII: [&[u8]; 6] = [
        b"r",
        b"d",
        b"resoluci",
        b"recomendaci",
        b"cuesti",
        b"declaraci",
    ];
    if word.len() > 15 {
        return false;
    }
    if next.is_some_and(|b| b >= 0x80)
        && BEFORE_NON_ASCII
            .iter()
            .any(|k| k.eq_ignore_ascii_case(word))
    {
        return true;
    }
    word.len() > 1 && KEYWORDS.iter().any(|k| k.eq_ignore_ascii_case(word))
}

/// The reference `text` starts with, if any: its length in bytes and id. Cheap to call at
/// any word: the regular expression runs only where [`may_start`] says a reference can.
pub fn at_start(text: &str) -> Option<(usize, String)> {
    let end = text
        .bytes()
        .position(|b| !b.is_ascii_alphanumeric())
        .unwrap_or(text.len());
    let may = if end == 0 {
        text.chars().next().is_some_and(may_start_char)
    } else {
        may_start(&text.as_bytes()[..end], text.as_bytes().get(end).copied())
    };
    if !may {
        return None;
    }
    let found = ANY_AT_START.find(text)?.as_str();
    identify(found).map(|id| (found.len(), id))
}

/// The id of a whole written reference (one match of [`ANY`]).
fn identify(found: &str) -> Option<String> {
    PATTERNS.iter().find_map(|(re, make)| {
        let c = re.captures(found)?;
        (c.get(0)?.range() == (0..found.len())).then(|| make(&c))
    })
}

/// Every reference in `text` in order: its byte range and id.
pub fn spans(text: &str) -> Vec<(std::ops::Range<usize>, String)> {
    ANY.find_iter(text)
        .filter_map(|m| identify(m.as_str()).map(|id| (m.range(), id)))
        .collect()
}

static ID_FORM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:res-\d{1,4}|rec-[dtr]-(?:[a-z]\.)?\d{1,4}(?:\.\d+)?|q-\d{1,3}/\d{1,2}|action-plan|declaration|new)$")
        .expect("id pattern is valid")
});

/// A number without leading zeros, its digits Western whatever the script they are written in
/// (Arabic-Indic `١٧` → `17`).
fn num(digits: &str) -> String {
    let western: String = digits
        .chars()
        .map(|c| match c {
            '\u{660}'..='\u{669}' => char::from(b'0' + (c as u32 - 0x660) as u8),
            '\u{6F0}'..='\u{6F9}' => char::from(b'0' + (c as u32 - 0x6F0) as u8),
            _ => c,
        })
        .collect();
    western
        .parse::<u32>()
        .map_or_else(|_| western.clone(), |n| n.to_string())
}

/// A recommendation's sector letter in lower case, Latin whatever the script (`Т` → `t`).
fn sector(letter: &str) -> String {
    match letter.to_lowercase().as_str() {
        "д" => "d".to_string(),
        "т" => "t".to_string(),
        "р" => "r".to_string(),
        other => other.to_string(),
    }
}

/// Every reference in `text`, in order of appearance (duplicates kept).
pub fn find_all(text: &str) -> Vec<String> {
    spans(text).into_iter().map(|(_, id)| id).collect()
}

/// `text` with every reference replaced by `replace(id)`, e.g. for comparison tokens.
pub fn replace_all(text: &str, replace: impl Fn(&str) -> String) -> String {
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for (range, id) in spans(text) {
        out.push_str(&text[last..range.start]);
        out.push_str(&replace(&id));
        last = range.end;
    }
    out.push_str(&text[last..]);
    out
}

/// The first reference in `text`, if any.
pub fn first(text: &str) -> Option<String> {
    find_all(text).into_iter().next()
}

/// Normalises a `target=` value: an id form (`res-37`, `q-1/1`, `new`, any case) or a
/// written reference (`Res.37`). `None` when it is neither.
pub fn normalise_target(value: &str) -> Option<String> {
    canonical(value)
}

/// The id `text` stands for, written as ids are everywhere else: an id in any case or with
/// leading zeros (`RES-037` → `res-37`) or a written reference (`Resolution 69` → `res-69`).
/// `None` when it is neither.
pub fn canonical(text: &str) -> Option<String> {
    let lower = text.trim().to_lowercase();
    if !ID_FORM.is_match(&lower) {
        return first(text);
    }
    if !(lower.starts_with("res-") || lower.starts_with("q-")) {
        return Some(lower);
    }
    // Each run of digits without its leading zeros (one zero stays).
    let mut id = String::with_capacity(lower.len());
    let mut in_number = false;
    for (i, c) in lower.char_indices() {
        let leading = c == '0' && !in_number;
        let last_digit = !lower[i + 1..].starts_with(|d: char| d.is_ascii_digit());
        if !leading || last_digit {
            id.push(c);
        }
        in_number = c.is_ascii_digit() && !leading;
    }
    Some(id)
}

/// Orders reference ids for display: resolutions, recommendations (by sector), Questions,
/// then the Action Plan, the Declaration and new texts; numbers compare numerically.
pub fn compare(a: &str, b: &str) -> Ordering {
    sort_key(a).cmp(&sort_key(b))
}

/// The key [`compare`] orders by: kind, a recommendation's sector, numbers, the id itself.
pub fn sort_key(id: &str) -> (u8, String, Vec<u64>, String) {
    let rank = match id {
        _ if id.starts_with("res-") => 0,
        _ if id.starts_with("rec-") => 1,
        _ if id.starts_with("q-") => 2,
        "action-plan" => 3,
        "declaration" => 4,
        "new" => 5,
        _ => 6,
    };
    let sector = match id.strip_prefix("rec-") {
        Some(rest) => rest.split('-').next().unwrap_or("").to_string(),
        None => String::new(),
    };
    let numbers = id
        .split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .filter_map(|s| s.parse().ok())
        .collect();
    (rank, sector, numbers, id.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_written_references() {
        assert_eq!(
            first("Resolution 37 (Rev. Kigali, 2022) should"),
            Some("res-37".into())
        );
        assert_eq!(first("see Res. 37 and"), Some("res-37".into()));
        assert_eq!(first("RÉSOLUTION 37"), Some("res-37".into()));
        assert_eq!(first("la Résolution 037"), Some("res-37".into()));
        assert_eq!(first("Recommendation ITU-D 19"), Some("rec-d-19".into()));
        assert_eq!(first("under Question 1/1"), Some("q-1/1".into()));
        assert_eq!(first("the Kigali Action Plan"), Some("action-plan".into()));
        assert_eq!(first("The Declaration should"), Some("declaration".into()));
        assert_eq!(first("the resolution should be revised"), None);
    }

    #[test]
    fn reads_references_in_the_six_languages() {
        let cases = [
            ("la Resolución 17 (Rev. Buenos Aires, 2017)", "res-17"),
            ("las Resoluciones 37 y", "res-37"),
            ("la Cuestión 2/1 del UIT-D", "q-2/1"),
            ("Recomendación UIT-D 19", "rec-d-19"),
            ("Recommandation UIT-T E.164", "rec-t-e.164"),
            ("el Plan de Acción de Kigali", "action-plan"),
            ("la Declaración de Kigali", "declaration"),
            ("Резолюция 17 (Пересм. Буэнос-Айрес, 2017 г.)", "res-17"),
            ("в Резолюции 37", "res-37"),
            ("Вопрос 2/1", "q-2/1"),
            ("Рекомендация МСЭ-Т E.164", "rec-t-e.164"),
            ("Плана действий", "action-plan"),
            ("Кигалийская декларация", "declaration"),
            ("القرار 17 (المراجَع في بوينس آيرس، 2017)", "res-17"),
            ("والقرار ١٧", "res-17"),
            ("المسألة 2/1", "q-2/1"),
            ("التوصية ITU-D 19", "rec-d-19"),
            ("خطة عمل كيغالي", "action-plan"),
            ("إعلان كيغالي", "declaration"),
            ("第17号决议（2017年，布宜诺斯艾利斯，修订版）", "res-17"),
            ("第2/1号课题", "q-2/1"),
            ("ITU-D第19号建议书", "rec-d-19"),
            ("基加利行动计划", "action-plan"),
            ("基加利宣言", "declaration"),
        ];
        for (text, id) in cases {
            assert_eq!(first(text).as_deref(), Some(id), "{text}");
        }
        assert_eq!(
            at_start("Resolución 17 y"),
            Some(("Resolución 17".len(), "res-17".into()))
        );
        assert_eq!(
            at_start("Резолюция 17"),
            Some(("Резолюция 17".len(), "res-17".into()))
        );
        assert_eq!(
            at_start("القرار 17 –"),
            Some(("القرار 17".len(), "res-17".into()))
        );
        assert_eq!(
            at_start("第17号决议"),
            Some(("第17号决议".len(), "res-17".into()))
        );
        assert_eq!(
            at_start("Cuestión 2/1"),
            Some(("Cuestión 2/1".len(), "q-2/1".into()))
        );
    }

    #[test]
    fn finds_references_in_order_of_appearance() {
        assert_eq!(
            find_all("Question 2/1 and Resolution 9"),
            vec!["q-2/1", "res-9"]
        );
    }

    #[test]
    fn finds_a_reference_at_the_start_only() {
        assert_eq!(at_start("Res. 37 should"), Some((7, "res-37".into())));
        assert_eq!(
            at_start("RÉSOLUTION 37"),
            Some(("RÉSOLUTION 37".len(), "res-37".into()))
        );
        assert_eq!(at_start("Question 1/1."), Some((12, "q-1/1".into())));
        assert_eq!(at_start("resources for Res. 37"), None);
        assert_eq!(at_start("the Action Plan"), None);
    }

    #[test]
    fn replaces_references_in_place() {
        let out = replace_all("See Res. 37 and Question 1/1.", |id| format!("<{id}>"));
        assert_eq!(out, "See <res-37> and <q-1/1>.");
    }

    #[test]
    fn normalises_target_attributes() {
        assert_eq!(normalise_target("RES-37").as_deref(), Some("res-37"));
        assert_eq!(normalise_target("q-1/1").as_deref(), Some("q-1/1"));
        assert_eq!(normalise_target("new").as_deref(), Some("new"));
        assert_eq!(normalise_target("Res.37").as_deref(), Some("res-37"));
        assert_eq!(normalise_target("banana"), None);
        assert_eq!(normalise_target(" "), None);
    }

    #[test]
    fn canonical_ids_drop_case_and_leading_zeros() {
        assert_eq!(canonical("RES-037").as_deref(), Some("res-37"));
        assert_eq!(canonical("q-01/2").as_deref(), Some("q-1/2"));
        assert_eq!(canonical("rec-t-e.164").as_deref(), Some("rec-t-e.164"));
        assert_eq!(canonical("Resolution 69").as_deref(), Some("res-69"));
        assert_eq!(canonical("Resolution sixty-nine"), None);
        assert_eq!(canonical("res-37").as_deref(), Some("res-37"));
    }

    #[test]
    fn orders_ids_numerically_by_kind() {
        let mut ids = vec![
            "new",
            "q-1/1",
            "res-9",
            "declaration",
            "res-37",
            "action-plan",
            "rec-t-5",
            "rec-d-19",
        ];
        ids.sort_by(|a, b| compare(a, b));
        assert_eq!(
            ids,
            vec![
                "res-9",
                "res-37",
                "rec-d-19",
                "rec-t-5",
                "q-1/1",
                "action-plan",
                "declaration",
                "new"
            ]
        );
    }
}
