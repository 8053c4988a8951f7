//! Cycles whose outcomes are written in each of the six ITU languages (`examples/LANG`):
//! their sections, initiative codes, references and targets are read.

mod common;

use common::*;
use serde_json::Value;
use std::path::Path;

/// The consolidated.json of example cycle `lang`, and the build's standard error.
fn consolidated(lang: &str) -> (Value, String) {
    let input = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples")
        .join(lang);
    let (result, out) = build_with(&input, &[]);
    let stderr = String::from_utf8_lossy(&result.stderr).to_string();
    assert!(result.status.success(), "{lang}: {stderr}");
    let text = std::fs::read_to_string(out.path().join("consolidated.json")).unwrap();
    (serde_json::from_str(&text).unwrap(), stderr)
}

/// Asserts what the cycle of `lang` gives: its region's language, priorities, initiative
/// codes, and each proposal's id, target and topic.
fn check(lang: &str, codes: &[&str], proposals: &[(&str, &str, &str)]) {
    let (json, stderr) = consolidated(lang);
    assert!(!stderr.contains("warning:"), "{lang}: {stderr}");
    let rpm = &json["rpms"][0];
    assert_eq!(rpm["language"], lang);
    assert_eq!(rpm["priorities"].as_array().unwrap().len(), 2, "{lang}");
    let got: Vec<&str> = rpm["initiatives"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["code"].as_str().unwrap())
        .collect();
    assert_eq!(got, codes, "{lang}");
    let got: Vec<(&str, &str, &str)> = json["proposals"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["id"].as_str().unwrap(),
                p["target"].as_str().unwrap_or(""),
                p["topic"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(got, proposals, "{lang}");
}

#[test]
fn a_spanish_cycle_is_read() {
    check(
        "es",
        &["AMS1", "AMS2"],
        &[
            ("AMS/IAP/32A2/4", "res-17", "iniciativas"),
            ("AMS/IAP-2", "res-37", "conectividad"),
            ("AMS/IAP/32A2/6", "new", "ia"),
        ],
    );
}

#[test]
fn a_russian_cycle_is_read() {
    check(
        "ru",
        &["CIS1", "CIS2"],
        &[
            ("CIS/RCC/19A1/1", "res-17", "initiatives"),
            ("CIS/RCC-2", "q-3/2", "trust"),
            ("CIS/RCC/19A1/3", "res-50", "initiatives"),
        ],
    );
}

#[test]
fn an_arabic_cycle_is_read() {
    check(
        "ar",
        &["ARB1", "ARB2"],
        &[
            ("ARB/ARB/20A5/1", "res-17", "initiatives"),
            ("ARB/ARB-2", "q-3/2", "trust"),
            ("ARB/ARB/20A5/3", "new", "ai"),
        ],
    );
}

#[test]
fn a_chinese_cycle_is_read() {
    check(
        "zh",
        &["ASP1", "ASP2"],
        &[
            ("ASP/ACP/67A1/1", "res-17", "initiatives"),
            ("ASP/ACP-2", "res-37", "connectivity"),
            ("ASP/ACP/67A1/3", "action-plan", "action-plan"),
        ],
    );
}

/// A copy of the Spanish example whose outcome is replaced by `outcome`, checked.
fn check_outcome(outcome: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/es");
    for name in ["conference.yaml", "topics.yaml"] {
        std::fs::copy(src.join(name), dir.path().join(name)).unwrap();
    }
    std::fs::create_dir(dir.path().join("rpm")).unwrap();
    std::fs::write(dir.path().join("rpm/ams.md"), outcome).unwrap();
    let out = rpmsynth(&["check", dir.path().to_str().unwrap()]);
    String::from_utf8_lossy(&out.stderr).to_string()
}

const FRONT: &str = "---\nregion: AMS\nmeeting:\n  symbol: RPM-AMS29\n  title: T\n  start: 2029-02-20\n  end: 2029-02-22\nlanguage: LANG\n---\n\n";

#[test]
fn a_body_without_a_recognised_section_is_a_warning_naming_its_headings() {
    let text = FRONT.replace("LANG", "pt") + "# Prioridades da região\n\n1. Conectividade.\n";
    let stderr = check_outcome(&text);
    assert!(
        stderr.contains("warning: the body has text but no section rpmsynth reads (the `#` headings \"# Prioridades da região\")"),
        "{stderr}"
    );
    assert!(stderr.contains("Prioridades regionales"), "{stderr}");
    assert!(
        stderr.contains(
            "error: unknown language \"pt\"; an outcome is written in one of ar, en, es, fr, ru, zh"
        ),
        "{stderr}"
    );
    let stderr = check_outcome(&(FRONT.replace("LANG", "Spanish") + "# Propuestas\n"));
    assert!(stderr.contains("did you mean `es`?"), "{stderr}");
    assert!(!stderr.contains("warning:"), "{stderr}");
}

#[test]
fn a_spanish_report_is_written_in_spanish() {
    let input = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/es");
    let out = build(&input);
    let md = std::fs::read_to_string(out.path().join("tdag-synthesis.md")).unwrap();
    for expected in [
        "Documento GADT-29/9-S",
        "Original: español",
        "**Fuente:** Director de la Oficina de Desarrollo de las Telecomunicaciones",
        "Informe de síntesis sobre los resultados de las reuniones preparatorias regionales para la CMDT-29",
        "Prioridades regionales e iniciativas regionales",
        "Propuestas por tema",
        "Asuntos que se someten a la consideración del GADT-29",
        "17 de julio de 2029",
    ] {
        assert!(md.contains(expected), "the synthesis lacks {expected:?}");
    }
    let html = std::fs::read_to_string(out.path().join("tdag-synthesis.html")).unwrap();
    assert!(html.contains("<html lang=\"es\""));
    let implementation =
        std::fs::read_to_string(out.path().join("wtdc-implementation.md")).unwrap();
    assert!(
        implementation.contains("Documento CMDT-29/17-S"),
        "{implementation}"
    );
}

#[test]
fn proposals_on_one_text_in_two_languages_are_variants_of_one_group() {
    let dir = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    for name in ["conference.yaml", "topics.yaml"] {
        std::fs::copy(root.join("es").join(name), dir.path().join(name)).unwrap();
    }
    std::fs::create_dir(dir.path().join("rpm")).unwrap();
    for (lang, file) in [("es", "ams.md"), ("ru", "cis.md")] {
        std::fs::copy(
            root.join(lang).join("rpm").join(file),
            dir.path().join("rpm").join(file),
        )
        .unwrap();
    }
    let out = build(dir.path());
    let text = std::fs::read_to_string(out.path().join("consolidated.json")).unwrap();
    let json: Value = serde_json::from_str(&text).unwrap();
    let group = json["groups"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["target"] == "res-17")
        .unwrap();
    assert_eq!(group["kind"], "variant");
    assert_eq!(
        group["members"],
        serde_json::json!(["AMS/IAP/32A2/4", "CIS/RCC/19A1/1"])
    );
    let language_of = |id: &str| {
        json["proposals"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["id"] == id)
            .map(|p| p["language"].clone())
            .unwrap()
    };
    assert_eq!(language_of("AMS/IAP/32A2/4"), "es");
    assert_eq!(language_of("CIS/RCC/19A1/1"), "ru");
    // Each variant's heading says, in the report language (Spanish here), what language its
    // text is in; a group whose texts share a language says nothing.
    let md = std::fs::read_to_string(out.path().join("tdag-synthesis.md")).unwrap();
    assert!(
        md.contains("#### Variante A: Américas (AMS), en español"),
        "{md}"
    );
    assert!(
        md.contains("#### Variante B: Comunidad de Estados Independientes (CEI), en ruso"),
        "{md}"
    );
    assert_eq!(md.matches(", en español").count(), 1, "{md}");
}

/// The synthesis and implementation reports (Markdown) and the synthesis's HTML of example
/// cycle `lang`.
fn reports(lang: &str) -> (String, String, String) {
    let input = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples")
        .join(lang);
    let out = build(&input);
    let read = |name: &str| std::fs::read_to_string(out.path().join(name)).unwrap();
    (
        read("tdag-synthesis.md"),
        read("wtdc-implementation.md"),
        read("tdag-synthesis.html"),
    )
}

/// Asserts that each text is in the report.
fn has(report: &str, lang: &str, texts: &[&str]) {
    for expected in texts {
        assert!(
            report.contains(expected),
            "{lang}: the report lacks {expected:?}"
        );
    }
}

#[test]
fn a_russian_report_is_written_in_russian() {
    let (synthesis, implementation, html) = reports("ru");
    has(
        &synthesis,
        "ru",
        &[
            "Документ КГРЭ-29/9-R",
            "Оригинал: русский",
            "**Источник:** Директор Бюро развития электросвязи",
            "# Обобщающий отчет о результатах региональных подготовительных собраний к ВКРЭ-29",
            "Резолюция 31 (Пересм. Баку, 2025 г.)",
            "**Резюме:**",
            "# 3 Региональные приоритеты и региональные инициативы",
            "# 4 Предложения по темам",
            "Вопросы, представляемые вниманию КГРЭ-29",
            "17–20 июля 2029 года",
            "Один из шести регионов провел РПС.",
            "3 предложения",
            "Содружество Независимых Государств",
        ],
    );
    has(
        &implementation,
        "ru",
        &["Документ ВКРЭ-29/17-R", "Необходимые действия"],
    );
    assert!(html.contains("<html lang=\"ru\""));
}

#[test]
fn an_arabic_report_is_written_in_arabic() {
    let (synthesis, implementation, html) = reports("ar");
    has(
        &synthesis,
        "ar",
        &[
            "الوثيقة TDAG-29/9-A",
            "الأصل: بالعربية",
            "**المصدر:** مدير مكتب تنمية الاتصالات",
            "# تقرير تجميعي عن نتائج الاجتماعات الإقليمية التحضيرية لـ WTDC-29",
            "القرار 31 (المراجَع في باكو، 2025)",
            "**ملخص:**",
            "# 3 الأولويات الإقليمية والمبادرات الإقليمية",
            "# 4 المقترحات حسب الموضوع",
            // The days of a range from right to left, the digits 0–9.
            "20-17 يوليو 2029",
            "عقدت منطقة واحدة من المناطق الست اجتماعاً إقليمياً تحضيرياً.",
            "3 مقترحات",
        ],
    );
    has(
        &implementation,
        "ar",
        &["الوثيقة WTDC-29/17-A", "الإجراء المطلوب"],
    );
    assert!(html.contains("<html lang=\"ar\""));
}

#[test]
fn a_chinese_report_is_written_in_chinese() {
    let (synthesis, implementation, html) = reports("zh");
    has(
        &synthesis,
        "zh",
        &[
            "文件TDAG-29/9-C",
            "原文：中文",
            "**来源：** 电信发展局主任",
            "# 关于WTDC-29区域性筹备会议成果的综合报告",
            "第31号决议（2025年，巴库，修订版）",
            "**概要：**",
            "# 3 区域优先事项和区域举措",
            "# 4 按主题排列的提案",
            "2029年7月17-20日",
            "电信发展顾问组（TDAG），2029年7月17-20日",
            "六个区域中有一个举行了区域性筹备会议。",
            "3份提案",
        ],
    );
    has(&implementation, "zh", &["文件WTDC-29/17-C", "需采取的行动"]);
    assert!(html.contains("<html lang=\"zh\""));
}
