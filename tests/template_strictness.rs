//! Templates are strict everywhere: a variable missing from the context is an error naming the
//! file, line and column, with the closest existing name as help.

use rpmsynth::model::Diagnostic;
use rpmsynth::report::Templates;
use serde_json::{Value, json};

const COVER: &str = "/templates/cover.md.hbs";

fn context() -> Value {
    json!({
        "language": "en",
        "report": {"title": "Synthesis", "symbol": "TDAG-29/9"},
        "empty": "",
        "nothing": null,
        "no": false,
        "zero": 0,
        "rpms": [{"title": "RPM-AFR", "code": "AFR"}, {"title": "RPM-AMS", "code": "AMS"}],
        "members": [{"id": "AFR/P1"}],
    })
}

/// Templates with `cover` (and optionally the `sources` partial) overridden.
fn templates(cover: &str, sources: Option<&str>) -> Templates {
    let mut overrides = vec![("cover".to_string(), COVER.to_string(), cover.to_string())];
    if let Some(text) = sources {
        overrides.push((
            "sources".to_string(),
            "/templates/sources.md.hbs".to_string(),
            text.to_string(),
        ));
    }
    Templates::with_sources(&overrides).unwrap_or_else(|e| panic!("{e:?}"))
}

fn render(cover: &str) -> Result<String, Diagnostic> {
    templates(cover, None).render("cover", &context())
}

fn error(cover: &str) -> Diagnostic {
    match render(cover) {
        Ok(out) => panic!("{cover:?} rendered {out:?}"),
        Err(d) => d,
    }
}

#[test]
fn missing_paths_are_errors_in_every_construct() {
    let cases = [
        ("{{#if missing}}x{{/if}}", "missing"),
        ("{{#if missing}}x{{else}}y{{/if}}", "missing"),
        ("{{#unless missing}}x{{/unless}}", "missing"),
        ("{{#if no}}x{{else if missing}}y{{/if}}", "missing"),
        ("{{#each missing}}x{{/each}}", "missing"),
        ("{{#with missing}}x{{/with}}", "missing"),
        ("{{report.missing.field}}", "report.missing.field"),
        ("{{#each rpms}}{{this.titel}}{{/each}}", "this.titel"),
        ("{{#each rpms}}{{../missing}}{{/each}}", "../missing"),
        ("{{#each rpms}}{{#if titel}}x{{/if}}{{/each}}", "titel"),
        ("{{#each rpms}}{{#if @frist}}x{{/if}}{{/each}}", "@frist"),
        ("{{number missing}}", "missing"),
        ("{{cell report.titel}}", "report.titel"),
    ];
    for (template, path) in cases {
        let d = error(template);
        assert_eq!(
            d.message,
            format!("unknown variable `{path}`"),
            "{template}: {d}"
        );
        assert_eq!(d.file, COVER, "{template}");
    }
}

#[test]
fn existing_falsy_values_and_literals_are_fine() {
    let out = render(
        "{{#if nothing}}a{{else}}b{{/if}}{{#if no}}c{{/if}}{{#unless empty}}d{{/unless}}\
         {{#if zero}}e{{else}}f{{/if}}{{#if zero includeZero=true}}g{{/if}}{{#if true}}h{{/if}}\
         {{#each rpms}}{{#unless @last}}{{title}},{{/unless}}{{/each}}",
    )
    .unwrap();
    assert_eq!(out, "bdfghRPM-AFR,");
}

#[test]
fn errors_inside_partials_name_the_partial() {
    let t = templates(
        "{{> sources members}}",
        Some("{{#each this}}{{idd}}{{/each}}"),
    );
    let d = t.render("cover", &context()).unwrap_err();
    assert_eq!(d.message, "unknown variable `idd`");
    assert_eq!(
        (d.file.as_str(), d.line, d.column),
        ("/templates/sources.md.hbs", 1, 15)
    );
    assert_eq!(d.help.as_deref(), Some("did you mean `id`?"));
}

#[test]
fn errors_give_line_column_and_the_closest_name() {
    // The misspelt variable's `{{` is on line 3, column 5 each time.
    let cases = [
        (
            "a\n{{#if report.title}}\n    {{report.titel}}\n{{/if}}",
            "report.title",
        ),
        ("a\n{{#each rpms}}\n    {{titel}}\n{{/each}}", "title"),
        ("a\nb\n    {{#if report.titel}}x{{/if}}", "report.title"),
        ("a\nb\n    {{#each rpm}}x{{/each}}", "rpms"),
    ];
    for (template, meant) in cases {
        let d = error(template);
        assert_eq!((d.line, d.column), (3, 5), "{template}: {d}");
        assert_eq!(
            d.help.as_deref(),
            Some(format!("did you mean `{meant}`?").as_str()),
            "{template}"
        );
    }
    let d = error("{{#if zzzzzz}}x{{/if}}");
    assert_eq!(
        d.to_string(),
        "/templates/cover.md.hbs:1:1: error: unknown variable `zzzzzz`\n  help: run \
         `rpmsynth context --report NAME` to see every variable a template can use"
    );
}

#[test]
fn helper_errors_say_how_to_call_the_helper() {
    let d = error("{{name_of_region \"XYZ\"}}");
    assert_eq!(
        d.message,
        "template error: `{{name_of_region CODE}}`: unknown region code \"XYZ\"; expected one of \
         AFR, AMS, ARB, ASP, CIS, EUR"
    );
    let d = error("{{plural 3}}");
    assert!(d.message.contains("wrong number of parameters: 1"), "{d}");
}

#[test]
fn helpers_read_the_report_language_and_compose() {
    let template = "{{name_of_region rpms.0.code}}; {{date_range \"2024-08-13\" \"2024-08-15\"}}; \
                    {{plural 1420 \"participant\"}}; {{ordinal 2}}; {{cell (join_and regions)}}";
    let mut ctx = context();
    ctx["regions"] = json!(["AFR", "AMS", "EUR"]);
    let t = templates(template, None);
    assert_eq!(
        t.render("cover", &ctx).unwrap(),
        "Africa; 13–15 August 2024; 1,420 participants; 2nd; AFR, AMS and EUR"
    );
    ctx["language"] = json!("fr");
    assert_eq!(
        t.render("cover", &ctx).unwrap(),
        "Afrique; 13–15 août 2024; 1\u{202F}420 participants; 2^e^; AFR, AMS et EUR"
    );
}

#[test]
fn sources_are_kept_by_origin() {
    let t = templates("line one\n{{report.titel}}\n", None);
    assert_eq!(t.source(COVER), Some("line one\n{{report.titel}}\n"));
    assert!(
        t.source("templates/group.md.hbs (built in)")
            .unwrap()
            .contains("{{#if is_common}}")
    );
    assert_eq!(t.source("nowhere"), None);
}

/// The built-in `each` and `with` are kept; docs/templates.md describes these two cases.
#[test]
fn each_and_with_behave_as_documented() {
    assert_eq!(render("{{#each missing}}x{{else}}y{{/each}}").unwrap(), "y");
    assert_eq!(
        error("{{#with nothing}}x{{/with}}").message,
        "unknown variable `nothing`"
    );
    assert_eq!(
        render("{{#if nothing}}{{#with nothing}}x{{/with}}{{/if}}").unwrap(),
        ""
    );
}
