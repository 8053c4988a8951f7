//! Partials called without a parameter (`{{> cover}}`, `{{> group}}`) in a report template
//! render without a copy of their context. Handlebars hands every partial a copy of its
//! context: at the top level that is the whole report (at 6 × 20,000 proposals, a gigabyte
//! for each of the seven such calls of the two default reports), and `{{> group}}` copies
//! every entry with its texts. Here the partial gets the block a partial gets (so `../`,
//! `@index` and inline partials behave the same), pointing at its context instead of holding
//! a copy. The output is the same. A call with a parameter, a hash, an indent or a block
//! (`{{#> name}}`), every call inside such a block, and every call in a partial itself are
//! left to handlebars; so an in-place partial is never inside a partial block, and its
//! `{{> @partial-block}}` fails as in handlebars.

use handlebars::template::{
    ExpressionSpecBuilder, HelperTemplate, Parameter, Template, TemplateElement,
};
use handlebars::{
    BlockContext, Context, Handlebars, Helper, HelperDef, HelperResult, JsonValue, Output,
    RenderContext, RenderErrorReason, Renderable,
};
use std::collections::HashMap;

/// The helper a plain partial call becomes; no template can spell its name.
const HELPER: &str = "> partial";

/// Registers the helper that renders a partial in place.
pub fn register(registry: &mut Handlebars) {
    registry.register_helper(HELPER, Box::new(InPlace));
}

/// Rewrites the plain partial calls of template `name` (registered), also inside its
/// blocks, into calls of the in-place helper; the elements' source positions are unchanged.
pub fn rewrite(registry: &mut Handlebars, name: &str) {
    let Some(mut template) = registry.get_template(name).cloned() else {
        return;
    };
    if rewrite_elements(&mut template) {
        registry.register_template(name, template);
    }
}

/// Rewrites the plain partial calls of `template` and of the blocks in it; true if any.
fn rewrite_elements(template: &mut Template) -> bool {
    let mut changed = false;
    for element in &mut template.elements {
        if let TemplateElement::HelperBlock(block) = element {
            for inner in [&mut block.template, &mut block.inverse]
                .into_iter()
                .flatten()
            {
                changed |= rewrite_elements(inner);
            }
        } else if let Some(call) = in_place_call(element) {
            *element = TemplateElement::Expression(Box::new(call));
            changed = true;
        }
    }
    changed
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

/// Renders the partial named by its parameter, looked up as handlebars looks up partials
/// (inline partials first), in a block of its own that points at the current context.
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
        let mut block = BlockContext::new();
        if let Some(parent) = rc.block() {
            block.base_path_mut().clone_from(parent.base_path());
            if let Some(value) = parent.base_value() {
                block.set_base_value(value.clone());
            }
            block
                .local_variables_mut()
                .clone_from(parent.local_variables());
        }
        let caller = rc.get_current_template_name();
        rc.push_block(block);
        let result = partial.render(r, ctx, rc, out);
        rc.pop_block();
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
        r.register_template_string(
            "item",
            "{{@index}} {{title}} / {{../title}} / {{@root.title}}{{#if @last}} last{{/if}}\n",
        )
        .unwrap();
        if rewritten {
            rewrite(&mut r, "main");
        }
        r
    }

    fn data() -> serde_json::Value {
        json!({"title": "T", "items": ["a", "b"], "list": [{"title": "x", "items": ["c"]}, {"title": "y", "items": []}]})
    }

    fn rewritten_count(r: &Handlebars) -> usize {
        fn count(t: &Template) -> usize {
            t.elements
                .iter()
                .map(|e| match e {
                    TemplateElement::Expression(h) if h.name == Parameter::Name(HELPER.into()) => 1,
                    TemplateElement::HelperBlock(b) => [&b.template, &b.inverse]
                        .into_iter()
                        .flatten()
                        .map(count)
                        .sum(),
                    _ => 0,
                })
                .sum()
        }
        count(r.get_template("main").unwrap())
    }

    #[test]
    fn top_level_plain_calls_render_as_handlebars_renders_them() {
        let main = "{{> cover}}\nafter\n  {{> cover}}\n{{> cover title=\"U\"}}\n{{#each list}}\n{{> cover}}\n{{> item}}\n{{else}}\n{{> cover}}\n{{/each}}\n{{#with list.[0]}}{{#if title}}{{> cover}}{{/if}}{{/with}}\ntext:{{> cover}}: text\n{{#*inline \"cover\"}}inline {{title}}{{/inline}}\n";
        let plain = registry(main, false);
        let fast = registry(main, true);
        // All but the indented and the hashed call.
        assert_eq!(rewritten_count(&fast), 6);
        assert_eq!(rewritten_count(&plain), 0);
        let (a, b) = (plain.render("main", &data()), fast.render("main", &data()));
        let out = a.unwrap();
        assert_eq!(out, b.unwrap());
        // `../` is the block around the call, as for any partial.
        assert!(
            out.contains("0 x / x / T\n") && out.contains("1 y / y / T last\n"),
            "{out}"
        );
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
        for rewritten in [false, true] {
            let mut r = registry("{{> block}}\n", rewritten);
            r.register_template_string("block", "{{> @partial-block}}")
                .unwrap();
            let e = r.render("main", &data()).unwrap_err();
            assert!(matches!(
                e.reason(),
                RenderErrorReason::PartialBlockNotFound
            ));
        }
    }
}
