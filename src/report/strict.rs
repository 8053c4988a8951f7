//! Missing variables: `if` and `unless` that fail on them like the rest of strict mode, and
//! the name a missing variable probably meant.

use crate::suggest::closest;
use handlebars::{
    Context, Handlebars, Helper, HelperDef, HelperResult, JsonTruthy, Output, PathAndJson,
    RenderContext, RenderError, RenderErrorReason, Renderable,
};
use serde_json::Value as Json;
use std::collections::BTreeSet;

/// The block-local variables of `{{#each}}`.
const LOCALS: [&str; 4] = ["@index", "@first", "@last", "@key"];

/// `{{#if}}` (positive) or `{{#unless}}`: the built-ins' `{{else}}` and `includeZero`, but a
/// path missing from the context is an error instead of false.
struct Conditional {
    positive: bool,
}

impl HelperDef for Conditional {
    fn call<'reg: 'rc, 'rc>(
        &self,
        h: &Helper<'rc>,
        r: &'reg Handlebars<'reg>,
        ctx: &'rc Context,
        rc: &mut RenderContext<'reg, 'rc>,
        out: &mut dyn Output,
    ) -> HelperResult {
        let name = if self.positive { "if" } else { "unless" };
        let param = h
            .param(0)
            .ok_or(RenderErrorReason::ParamNotFoundForIndex(name, 0))?;
        present(param)?;
        let include_zero = h
            .hash_get("includeZero")
            .and_then(|v| v.value().as_bool())
            .unwrap_or(false);
        let truthy = param.value().is_truthy(include_zero);
        match if truthy == self.positive {
            h.template()
        } else {
            h.inverse()
        } {
            Some(t) => t.render(r, ctx, rc, out),
            None => Ok(()),
        }
    }
}

/// Replaces the built-in `if` and `unless` with ones that fail on missing paths.
pub(super) fn register(registry: &mut Handlebars) {
    registry.register_helper("if", Box::new(Conditional { positive: true }));
    registry.register_helper("unless", Box::new(Conditional { positive: false }));
}

/// Fails, naming the path, when a parameter is a path the context lacks (null values pass).
pub fn present(param: &PathAndJson) -> Result<(), RenderError> {
    match param.relative_path() {
        Some(path) if param.is_value_missing() => {
            Err(RenderErrorReason::MissingVariable(Some(path.clone())).into())
        }
        _ => Ok(()),
    }
}

/// The path a missing `path` probably meant: its last name replaced by the closest key.
pub fn did_you_mean(path: &str, context: &Json) -> Option<String> {
    // The keys of the object the parent path names from the root; inside blocks paths are
    // relative to the block, so when the parent does not resolve from the root (or there is
    // none) the keys of every object in the context. `@frist` is compared with `@first`, ….
    let segments: Vec<&str> = path
        .split(['.', '/'])
        .filter(|s| !matches!(*s, "" | "this" | ".." | "@root"))
        .collect();
    let (last, parent) = segments.split_last()?;
    let best = if last.starts_with('@') {
        closest(last, LOCALS)?
    } else {
        let keys = match resolve(context, parent) {
            Some(Json::Object(map)) if !parent.is_empty() => {
                map.keys().map(String::as_str).collect()
            }
            _ => all_keys(context),
        };
        closest(last, keys)?
    };
    (best != *last).then(|| format!("{}{best}", &path[..path.len() - last.len()]))
}

/// The value at `segments` from `value`, array elements by index (`[0]` or `0`).
fn resolve<'a>(value: &'a Json, segments: &[&str]) -> Option<&'a Json> {
    segments.iter().try_fold(value, |v, segment| {
        let segment = segment.trim_start_matches('[').trim_end_matches(']');
        match v {
            Json::Object(map) => map.get(segment),
            Json::Array(items) => items.get(segment.parse::<usize>().ok()?),
            _ => None,
        }
    })
}

/// Every key of every object in `value`.
fn all_keys(value: &Json) -> BTreeSet<&str> {
    let mut keys = BTreeSet::new();
    let mut stack = vec![value];
    while let Some(v) = stack.pop() {
        match v {
            Json::Object(map) => {
                keys.extend(map.keys().map(String::as_str));
                stack.extend(map.values());
            }
            Json::Array(items) => stack.extend(items),
            _ => {}
        }
    }
    keys
}

#[cfg(test)]
mod tests {
    use super::did_you_mean;
    use serde_json::json;

    #[test]
    fn suggests_a_key_of_the_parent_or_of_any_object() {
        let ctx = json!({"conference": {"name": "WTDC"}, "rpms": [{"title": "RPM"}]});
        assert_eq!(
            did_you_mean("conference.nmae", &ctx).as_deref(),
            Some("conference.name")
        );
        assert_eq!(
            did_you_mean("this.titel", &ctx).as_deref(),
            Some("this.title")
        );
        assert_eq!(did_you_mean("../titel", &ctx).as_deref(), Some("../title"));
        assert_eq!(did_you_mean("@frist", &ctx).as_deref(), Some("@first"));
        assert_eq!(did_you_mean("zzzzzz", &ctx), None);
        assert_eq!(did_you_mean("title", &ctx), None, "exists elsewhere");
    }
}
