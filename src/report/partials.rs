//! Partials called alone at the top level of a report template (`{{> cover}}`) render with
//! the report's context as it is. Handlebars hands every partial a copy of its context, and
//! at the top level that context is the whole report: at 6 × 20,000 proposals, a copy of a
//! gigabyte for each of the seven such calls of the two default reports. The output is the
//! same: at the top level a partial sees the report either way. A partial call with a
//! parameter, a hash, an indent or a block, or one inside a block, is left to handlebars.

use handlebars::template::{ExpressionSpecBuilder, HelperTemplate, Parameter, TemplateElement};
use handlebars::{
    Context, Handlebars, Helper, HelperDef, HelperResult, JsonValue, Output, RenderContext,
    RenderErrorReason, Renderable,
};
use std::collections::HashMap;

/// The helper a plain top-level partial call becomes; no template can spell its name.
const HELPER: &str = "> partial";

/// Registers the helper that renders a partial in place.
pub fn register(registry: &mut Handlebars) {
    registry.register_helper(HELPER, Box::new(InPlace));
}

/// Rewrites the plain partial calls at the top level of template `name` (registered) into
/// calls of the in-place helper; the elements' source positions are unchanged.
pub fn rewrite(registry: &mut Handlebars, name: &str) {
    let Some(mut template) = registry.get_template(name).cloned() else {
        return;
    };
    let mut changed = false;
    for element in &mut template.elements {
        if let Some(call) = in_place_call(element) {
            *element = TemplateElement::Expression(Box::new(call));
            changed = true;
        }
    }
    if changed {
        registry.register_template(name, template);
    }
}

/// The helper call replacing `element` when it is a plain partial call: named by a
/// literal, without parameter, hash, indent or block.
fn in_place_call(element: &TemplateElement) -> Option<HelperTemplate> {
    let TemplateElement::PartialExpression(d) = element else {
        return None;
    };
    let Parameter::Name(partial) = &d.name else {
        return None;
    };
    let plain = d.params.is_empty()
        && d.hash.is_empty()
        && d.template.is_none()
        && d.indent.is_none()
        && !partial.starts_with('@');
    let spec = ExpressionSpecBuilder::default()
        .name(Parameter::Name(HELPER.to_string()))
        .params(vec![Parameter::Literal(JsonValue::String(partial.clone()))])
        .hash(HashMap::new())
        .omit_pre_ws(false)
        .omit_pro_ws(false)
        .build()
        .ok()?;
    plain.then(|| HelperTemplate::new(spec, false, false))
}

/// Renders the partial named by its parameter with the current context, looked up as
/// handlebars looks up partials (inline partials first).
struct InPlace;

impl HelperDef for InPlace {
    fn call<'reg: 'rc, 'rc>(
        &self,
        h: &Helper<'rc>,
        r: &'reg Handlebars<'reg>,
        ctx: &'rc Context,
        rc: &mut RenderContext<'reg, 'rc>,
        out: &mut dyn Output,
    ) -> HelperResult {
        let name = h.param(0).and_then(|p| p.value().as_str()).unwrap_or("");
        if rc.is_current_template(name) {
            return Err(RenderErrorReason::CannotIncludeSelf.into());
        }
        let partial = rc
            .get_partial(name)
            .or_else(|| r.get_template(name))
            .ok_or_else(|| RenderErrorReason::PartialNotFound(name.to_string()))?;
        let caller = rc.get_current_template_name();
        let result = partial.render(r, ctx, rc, out);
        rc.set_current_template_name(caller);
        result
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// A registry with `main` and its partials, rewritten or as handlebars compiles them.
    fn registry(main: &str, rewritten: bool) -> Handlebars<'static> {
        let mut r = Handlebars::new();
        r.set_strict_mode(true);
        register(&mut r);
        r.register_template_string("main", main).unwrap();
        r.register_template_string(
            "cover",
            "# {{title}}\n\n{{#each items}}- {{this}}\n{{/each}}",
        )
        .unwrap();
        r.register_template_string("broken", "line one\n{{missing}}\n")
            .unwrap();
        if rewritten {
            rewrite(&mut r, "main");
        }
        r
    }

    fn data() -> serde_json::Value {
        json!({"title": "T", "items": ["a", "b"], "list": [{"title": "x", "items": ["c"]}]})
    }

    fn rewritten_count(r: &Handlebars) -> usize {
        r.get_template("main")
            .unwrap()
            .elements
            .iter()
            .filter(|e| matches!(e, TemplateElement::Expression(h) if h.name == Parameter::Name(HELPER.into())))
            .count()
    }

    #[test]
    fn top_level_plain_calls_render_as_handlebars_renders_them() {
        let main = "{{> cover}}\nafter\n  {{> cover}}\n{{> cover title=\"U\"}}\n{{#each list}}\n{{> cover}}\n{{/each}}\ntext:{{> cover}}: text\n{{#*inline \"cover\"}}inline {{title}}{{/inline}}\n";
        let plain = registry(main, false);
        let fast = registry(main, true);
        // The first and the in-line call: indented, hashed and nested calls are left alone.
        assert_eq!(rewritten_count(&fast), 2);
        assert_eq!(rewritten_count(&plain), 0);
        let (a, b) = (plain.render("main", &data()), fast.render("main", &data()));
        assert_eq!(a.unwrap(), b.unwrap());
    }

    #[test]
    fn an_inline_partial_of_the_same_name_still_wins() {
        let main = "{{#*inline \"cover\"}}inline {{title}}{{/inline}}\n{{> cover}}\n";
        let fast = registry(main, true);
        assert_eq!(rewritten_count(&fast), 1);
        let out = fast.render("main", &data()).unwrap();
        assert_eq!(out, registry(main, false).render("main", &data()).unwrap());
        assert_eq!(out.trim(), "inline T");
    }

    #[test]
    fn errors_inside_the_partial_name_the_partial_and_its_line() {
        let r = registry("first\n{{> broken}}\n", true);
        assert_eq!(rewritten_count(&r), 1);
        let e = r.render("main", &data()).unwrap_err();
        assert_eq!(e.template_name.as_deref(), Some("broken"));
        assert_eq!(e.line_no, Some(2));
    }

    #[test]
    fn a_missing_partial_and_a_self_inclusion_are_errors_at_the_call() {
        let r = registry("one\n{{> nowhere}}\n", true);
        let e = r.render("main", &data()).unwrap_err();
        assert!(matches!(e.reason(), RenderErrorReason::PartialNotFound(n) if n == "nowhere"));
        assert_eq!(
            (e.template_name.as_deref(), e.line_no),
            (Some("main"), Some(2))
        );
        let r = registry("one\n{{> main}}\n", true);
        let e = r.render("main", &data()).unwrap_err();
        assert!(matches!(e.reason(), RenderErrorReason::CannotIncludeSelf));
    }
}
