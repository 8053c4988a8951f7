//! Renders a report one topic at a time. The templates receive the root of the report
//! context (everything but its long parts) as JSON; `{{#each topics}}` converts each topic
//! with its groups when it comes to it, renders its block and drops it; `{{annex}}` writes
//! the annex straight into the output, and `{{synthesis}}` notes where the embedded synthesis
//! goes, for the caller to put it there (see [`super::Draft`]). So the output is the same as
//! rendering the whole context converted at once (tests/context.rs checks it), without ever
//! holding it. Everything else is handlebars' own: `each` on any other list behaves as the
//! built-in `each`.

use super::markdown::Sink;
use super::templates::{Templates, json};
use super::view::ReportContext;
use super::view::streamed::without_streamed;
use crate::model::Diagnostic;
use handlebars::{
    BlockContext, BlockParams, Context, Handlebars, Helper, HelperDef, HelperResult, JsonValue,
    Output, RenderContext, RenderError, RenderErrorReason, Renderable, to_json,
};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Renders `ctx` with its report's template into room for `room` bytes: the text, and the
/// offsets in it where `{{synthesis}}` was written (nothing is written there).
pub fn render(
    ctx: &ReportContext,
    templates: &Templates,
    room: usize,
) -> Result<(String, Vec<usize>), Diagnostic> {
    let root = Context::from(without_streamed(|| json(ctx))?);
    let written = AtomicUsize::new(0);
    let noted = Mutex::new(Vec::new());
    let helpers: Vec<(&str, Box<dyn HelperDef + Send + Sync + '_>)> = vec![
        ("each", Box::new(Each { ctx })),
        ("annex", Box::new(Annex { ctx })),
        (
            "synthesis",
            Box::new(Synthesis {
                written: &written,
                noted: &noted,
            }),
        ),
    ];
    let text = templates.render_with(&ctx.report.name, &root, room, &written, helpers, &|| {
        sample(ctx)
    })?;
    Ok((text, noted.into_inner().unwrap_or_else(|e| e.into_inner())))
}

/// The root with the first topic and RPM whole: the names a misspelt variable is compared with.
fn sample(ctx: &ReportContext) -> JsonValue {
    let mut root = without_streamed(|| json(ctx)).unwrap_or_default();
    if let Some(topic) = ctx.shared.topics.first().and_then(|t| json(t).ok()) {
        root["topics"] = JsonValue::Array(vec![topic]);
    }
    if let Some(rpm) = ctx
        .shared
        .rpms
        .iter()
        .find(|r| r.held)
        .and_then(|r| json(r).ok())
    {
        root["rpms"] = JsonValue::Array(vec![rpm]);
    }
    root
}

/// The built-in `each`, but the root's `topics` are converted one at a time as they come.
struct Each<'c> {
    ctx: &'c ReportContext<'c>,
}

impl HelperDef for Each<'_> {
    fn call<'reg: 'rc, 'rc>(
        &self,
        h: &Helper<'rc>,
        r: &'reg Handlebars<'reg>,
        ctx: &'rc Context,
        rc: &mut RenderContext<'reg, 'rc>,
        out: &mut dyn Output,
    ) -> HelperResult {
        let value = h
            .param(0)
            .ok_or(RenderErrorReason::ParamNotFoundForIndex("each", 0))?;
        let Some(template) = h.template() else {
            return Ok(());
        };
        let topics = value.context_path().is_some_and(|p| p == &["topics"]);
        let empty = match value.value() {
            JsonValue::Array(list) => list.is_empty(),
            JsonValue::Object(map) => map.is_empty(),
            _ => {
                return match h.inverse() {
                    Some(inverse) => inverse.render(r, ctx, rc, out),
                    None if r.strict_mode() => {
                        Err(RenderError::strict_error(value.relative_path()))
                    }
                    None => Ok(()),
                };
            }
        };
        if empty && let Some(inverse) = h.inverse() {
            return inverse.render(r, ctx, rc, out);
        }
        let items: Vec<(JsonValue, &JsonValue, String)> = match value.value() {
            JsonValue::Array(list) => list
                .iter()
                .enumerate()
                .map(|(i, v)| (to_json(i), v, i.to_string()))
                .collect(),
            JsonValue::Object(map) => map
                .iter()
                .map(|(k, v)| (to_json(k), v, k.clone()))
                .collect(),
            _ => Vec::new(),
        };
        let keyed = value.value().is_object();
        let path = if topics { None } else { value.context_path() };
        // The block holds each element in turn: no copy of the list itself (handlebars makes
        // one for a list without a path, which no element's block reads).
        let mut block = BlockContext::new();
        if let Some(p) = path {
            *block.base_path_mut() = p.clone();
        }
        rc.push_block(block);
        let len = items.len();
        // Topics: the next one is made while this one is written.
        let mut next = topics.then(|| topic(self.ctx, 0));
        for (i, (key, item, segment)) in items.into_iter().enumerate() {
            let write = |whole: Option<JsonValue>| -> HelperResult {
                if let Some(block) = rc.block_mut() {
                    block.set_local_var("first", to_json(i == 0));
                    block.set_local_var("last", to_json(i + 1 == len));
                    if keyed {
                        block.set_local_var("key", key.clone());
                    }
                    block.set_local_var("index", to_json(i));
                    set_block_params(
                        block,
                        h,
                        path.is_some(),
                        &key,
                        whole.as_ref().unwrap_or(item),
                    )?;
                    match (path, whole) {
                        (Some(p), _) if i == 0 => {
                            *block.base_path_mut() = p.iter().cloned().chain([segment]).collect()
                        }
                        (Some(_), _) => {
                            if let Some(last) = block.base_path_mut().last_mut() {
                                *last = segment;
                            }
                        }
                        (None, Some(whole)) => block.set_base_value(whole),
                        (None, None) => block.set_base_value(item.clone()),
                    }
                }
                template.render(r, ctx, rc, out)
            };
            match next.take() {
                None => write(None)?,
                Some(current) => {
                    let current = current?;
                    // The next topic is built on the thread pool while this one is written;
                    // a worker waiting here takes on pool work meanwhile, so builds that
                    // share the pool never wait on each other.
                    let mut following = None;
                    rayon::in_place_scope(|s| {
                        if i + 1 < len {
                            s.spawn(|_| following = Some(topic(self.ctx, i + 1)));
                        }
                        write(Some(current))
                    })?;
                    next = following;
                }
            }
        }
        rc.pop_block();
        Ok(())
    }
}

/// `as |item key|`: the block parameters of an `each`, as the built-in sets them.
fn set_block_params<'rc>(
    block: &mut BlockContext<'rc>,
    h: &Helper<'rc>,
    at_path: bool,
    key: &JsonValue,
    item: &JsonValue,
) -> Result<(), RenderError> {
    let (value, key_name) = match (h.block_param(), h.block_param_pair()) {
        (Some(v), _) => (v, None),
        (None, Some((v, k))) => (v, Some(k)),
        (None, None) => return Ok(()),
    };
    let mut params = BlockParams::new();
    if at_path {
        params.add_path(value, Vec::new())?;
    } else {
        params.add_value(value, item.clone())?;
    }
    if let Some(k) = key_name {
        params.add_value(k, key.clone())?;
    }
    block.set_block_params(params);
    Ok(())
}

/// Topic `i` with its groups, as the templates read it.
fn topic(ctx: &ReportContext, i: usize) -> Result<JsonValue, RenderError> {
    let failed = |d: Diagnostic| RenderError::from(RenderErrorReason::Other(d.message));
    let t = ctx
        .shared
        .topics
        .get(i)
        .ok_or_else(|| RenderErrorReason::Other(format!("no topic {i}")))?;
    let mut item = without_streamed(|| json(t)).map_err(failed)?;
    item["groups"] = t.groups.to_json().map_err(failed)?;
    Ok(item)
}

/// `{{annex}}`: the annex of the RPM whose block it is in, written straight into the output.
struct Annex<'c> {
    ctx: &'c ReportContext<'c>,
}

impl HelperDef for Annex<'_> {
    fn call<'reg: 'rc, 'rc>(
        &self,
        _: &Helper<'rc>,
        _: &'reg Handlebars<'reg>,
        ctx: &'rc Context,
        rc: &mut RenderContext<'reg, 'rc>,
        out: &mut dyn Output,
    ) -> HelperResult {
        let code = rc.evaluate(ctx, "code")?;
        let rpm = code
            .as_json()
            .as_str()
            .and_then(|code| self.ctx.shared.rpms.iter().find(|r| r.code == code))
            .ok_or_else(|| {
                RenderErrorReason::Other("`{{annex}}` is written inside `{{#each rpms}}`".into())
            })?;
        write(out, |sink| rpm.annex.write(sink))
    }
}

/// `{{synthesis}}`: notes where the embedded synthesis goes (the output's length then).
struct Synthesis<'c> {
    written: &'c AtomicUsize,
    noted: &'c Mutex<Vec<usize>>,
}

impl HelperDef for Synthesis<'_> {
    fn call<'reg: 'rc, 'rc>(
        &self,
        _: &Helper<'rc>,
        _: &'reg Handlebars<'reg>,
        _: &'rc Context,
        _: &mut RenderContext<'reg, 'rc>,
        _: &mut dyn Output,
    ) -> HelperResult {
        let at = self.written.load(Ordering::Relaxed);
        self.noted
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(at);
        Ok(())
    }
}

/// Runs `f` on a sink writing into `out`; the first write error is the result.
fn write(out: &mut dyn Output, f: impl FnOnce(&mut dyn Sink)) -> HelperResult {
    struct Into<'o> {
        out: &'o mut dyn Output,
        error: Option<std::io::Error>,
    }
    impl Sink for Into<'_> {
        fn push(&mut self, text: &str) {
            if self.error.is_none()
                && let Err(e) = self.out.write(text)
            {
                self.error = Some(e);
            }
        }
    }
    let mut sink = Into { out, error: None };
    f(&mut sink);
    match sink.error {
        Some(e) => Err(RenderErrorReason::IOError(e).into()),
        None => Ok(()),
    }
}
