//! The Markdown body of an outcome file → priorities, initiatives, proposals and free sections.

use super::itu_heading;
use super::limits::{MAX_DEPTH, MAX_HEADING_CHARS};
use super::lines::LineIndex;
use crate::model::language::{self, SectionKind};
use crate::model::references;
use crate::model::{Action, Diagnostic, Proposal, Region, RegionalInitiative, Section, SourcePos};
use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};
use regex::Regex;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

/// What the body of one RPM outcome file contains.
#[derive(Debug, Default)]
pub struct Body {
    pub priorities: Vec<String>,
    pub initiatives: Vec<RegionalInitiative>,
    pub proposals: Vec<Proposal>,
    pub other_sections: Vec<Section>,
}

/// Where a body sits: the whole file's text (for line numbers), its path and region.
pub struct Context<'a> {
    pub text: &'a str,
    pub body_offset: usize,
    pub file: &'a str,
    pub region: Region,
}

/// A top-level heading with its place in the file.
struct Heading {
    level: HeadingLevel,
    text: String,
    id: Option<String>,
    attrs: Vec<(String, Option<String>)>,
    /// Byte range of the heading line(s), file-relative.
    range: Range<usize>,
}

/// The warning for a body with text but no section rpmsynth reads: it lists the headings
/// found and the titles recognised, so that a region does not silently drop out.
fn no_known_section(ctx: &Context, headings: &[Heading], pos: &SourcePos) -> Option<Diagnostic> {
    let body = ctx.text[ctx.body_offset..].trim();
    if body.is_empty() {
        return None;
    }
    let found: Vec<String> = headings
        .iter()
        .filter(|h| h.level == HeadingLevel::H1)
        .map(|h| format!("\"# {}\"", h.text))
        .collect();
    let found = if found.is_empty() {
        "no `#` heading".to_string()
    } else {
        format!("the `#` headings {}", found.join(", "))
    };
    let known = |kind| language::titles_of(kind).join(" / ");
    Some(
        Diagnostic::warning(
            pos,
            format!("the body has text but no section rpmsynth reads ({found}): the outcome gives no priorities, initiatives or proposals"),
        )
        .with_help(format!(
            "head the sections `# TITLE`, a title of: priorities {}; initiatives {}; proposals {}",
            known(SectionKind::Priorities),
            known(SectionKind::Initiatives),
            known(SectionKind::Proposals)
        )),
    )
}

/// Parses the body, collecting every problem found rather than stopping at the first.
pub fn parse(ctx: &Context) -> (Body, Vec<Diagnostic>) {
    let body_text = &ctx.text[ctx.body_offset..];
    let index = LineIndex::new(ctx.text);
    let pos = |offset: usize| {
        let (line, column) = index.line_col(offset);
        SourcePos::new(ctx.file, line, column)
    };
    let (headings, items) = match scan(body_text, ctx.body_offset) {
        Ok(found) => found,
        Err((offset, message, help)) => {
            return (
                Body::default(),
                vec![Diagnostic::error(&pos(offset), message).with_help(help)],
            );
        }
    };
    let mut body = Body::default();
    let mut diagnostics = Vec::new();
    let h1: Vec<usize> = (0..headings.len())
        .filter(|&i| headings[i].level == HeadingLevel::H1)
        .collect();
    let end_of = |i: usize, max_level: HeadingLevel| {
        headings[i + 1..]
            .iter()
            .find(|h| h.level <= max_level)
            .map_or(ctx.text.len(), |h| h.range.start)
    };
    let known = h1
        .iter()
        .any(|&i| language::section_kind(&headings[i].text).is_some());
    if !known {
        let body = &ctx.text[ctx.body_offset..];
        let first_text = ctx.body_offset + body.len() - body.trim_start().len();
        diagnostics.extend(no_known_section(ctx, &headings, &pos(first_text)));
    }
    for &i in &h1 {
        let section = &headings[i];
        let section_end = end_of(i, HeadingLevel::H1);
        let children = (i + 1..headings.len())
            .take_while(|&j| headings[j].range.start < section_end)
            .filter(|&j| headings[j].level == HeadingLevel::H2);
        match language::section_kind(&section.text) {
            Some(SectionKind::Priorities) => body.priorities.extend(
                items
                    .iter()
                    .filter(|r| r.start > section.range.end && r.end <= section_end)
                    .map(|r| item_text(&ctx.text[r.clone()])),
            ),
            Some(SectionKind::Initiatives) => {
                for (n, j) in children.enumerate() {
                    let h = &headings[j];
                    let (code, title) =
                        initiative_code(ctx.region, &h.text, h.id.as_deref(), n + 1);
                    let text = ctx.text[h.range.end..end_of(j, HeadingLevel::H2)]
                        .trim()
                        .to_string();
                    body.initiatives.push(RegionalInitiative {
                        code,
                        title,
                        heading: h.text.clone(),
                        body: text,
                        source: pos(h.range.start),
                    });
                }
            }
            Some(SectionKind::Proposals) => {
                let mut seen: HashMap<String, SourcePos> = HashMap::new();
                for j in children {
                    let h = &headings[j];
                    let text = ctx.text[h.range.end..end_of(j, HeadingLevel::H2)]
                        .trim()
                        .to_string();
                    match proposal(ctx, h, text, &pos) {
                        Ok(p) => {
                            if let Some(first) = seen.get(&p.id).filter(|_| !p.id.is_empty()) {
                                diagnostics.push(
                                    Diagnostic::error(&p.source, format!("duplicate proposal id `{}`", p.id))
                                        .with_help(format!("`{}` is already used at line {}; ids must be unique within a file", p.id, first.line)),
                                );
                            } else {
                                seen.insert(p.id.clone(), p.source.clone());
                                body.proposals.push(p);
                            }
                        }
                        Err(errs) => diagnostics.extend(errs),
                    }
                }
            }
            None => body.other_sections.push(Section {
                title: section.text.clone(),
                body: ctx.text[section.range.end..section_end].trim().to_string(),
            }),
        }
    }
    (body, diagnostics)
}

/// A limit exceeded while scanning: where (file offset), the message and a help line.
type Exceeded = (usize, String, &'static str);

/// Collects the headings that are not inside a container, and the items of top-level lists;
/// stops at the first list or quote nested deeper than [`MAX_DEPTH`] or heading longer than
/// [`MAX_HEADING_CHARS`].
fn scan(body: &str, offset: usize) -> Result<(Vec<Heading>, Vec<Range<usize>>), Exceeded> {
    let mut headings = Vec::new();
    let mut items = Vec::new();
    let mut depth = 0usize;
    let mut current: Option<Heading> = None;
    for (event, range) in Parser::new_ext(body, crate::model::markdown_options()).into_offset_iter()
    {
        let range = range.start + offset..range.end + offset;
        match event {
            Event::Start(Tag::Heading {
                level, id, attrs, ..
            }) if depth == 0 => {
                current = Some(Heading {
                    level,
                    text: String::new(),
                    id: id.map(|s| s.to_string()),
                    attrs: attrs
                        .into_iter()
                        .map(|(k, v)| (k.to_string(), v.map(|v| v.to_string())))
                        .collect(),
                    range,
                });
            }
            Event::End(TagEnd::Heading(_)) => headings.extend(current.take()),
            Event::Start(_) if depth > MAX_DEPTH => {
                return Err((
                    range.start,
                    format!("lists or quotes nested more than {MAX_DEPTH} deep"),
                    "a report reads well with lists nested two or three deep",
                ));
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some(h) = current.as_mut() {
                    h.text.push_str(&t);
                    if h.text.len() > MAX_HEADING_CHARS
                        && h.text.chars().count() > MAX_HEADING_CHARS
                    {
                        return Err((
                            h.range.start,
                            format!("heading longer than {MAX_HEADING_CHARS} characters"),
                            "put the text under the heading, not in it",
                        ));
                    }
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(h) = current.as_mut() {
                    h.text.push(' ');
                }
            }
            Event::Start(Tag::Item) => {
                if depth == 1 {
                    items.push(range);
                }
                depth += 1;
            }
            Event::Start(Tag::BlockQuote(_) | Tag::List(_) | Tag::FootnoteDefinition(_)) => {
                depth += 1
            }
            Event::End(
                TagEnd::Item | TagEnd::BlockQuote(_) | TagEnd::List(_) | TagEnd::FootnoteDefinition,
            ) => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    for h in &mut headings {
        h.text = h.text.trim().to_string();
    }
    Ok((headings, items))
}

/// A list item's Markdown without its marker ("1. ", "- ").
fn item_text(item: &str) -> String {
    static MARKER: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^\s*(?:\d{1,9}[.)]|[-*+])\s*").expect("valid"));
    MARKER.replace(item, "").trim().to_string()
}

/// Normalises an initiative code: `AFR1:`, `AFR 1`, `RI 1:` (CIS), `ARB RI 1:` → `AFR1`, `CIS1`, `ARB1`.
pub fn initiative_code(
    region: Region,
    heading: &str,
    id: Option<&str>,
    position: usize,
) -> (String, String) {
    static CODE: LazyLock<Regex> = LazyLock::new(|| {
        let regions: Vec<&str> = language::REGION_CODES.iter().map(|(c, _)| *c).collect();
        Regex::new(&format!(
            r"(?i)^(?:(?:{})\s*)?(?:(?:{})\s*)?(\d{{1,3}})\s*[:：.\-–—]?\s*(.*)$",
            regions.join("|"),
            language::INITIATIVE_WORDS.join("|")
        ))
        .expect("valid")
    });
    match CODE.captures(heading) {
        Some(c) if !c[2].is_empty() => (
            format!("{}{}", region, c[1].trim_start_matches('0')),
            c[2].trim().to_string(),
        ),
        _ => (
            id.map_or_else(|| format!("{region}{position}"), str::to_string),
            heading.to_string(),
        ),
    }
}

/// The attribute keys a proposal heading may carry.
const PROPOSAL_KEYS: [&str; 4] = ["action", "target", "topic", "number"];

/// Where attribute `key` is written in heading `h` (a file offset), else where the heading starts.
fn attribute_offset(ctx: &Context, h: &Heading, key: &str) -> usize {
    let heading = &ctx.text[h.range.clone()];
    let open = heading.rfind('{').unwrap_or(0);
    let attrs = &heading[open..];
    attrs
        .match_indices(key)
        .find(|&(i, _)| {
            let before = attrs[..i].chars().next_back();
            let after = attrs[i + key.len()..].chars().next();
            before.is_some_and(|c| c == '{' || c.is_whitespace())
                && after.is_some_and(|c| c == '=' || c == '}' || c.is_whitespace())
        })
        .map_or(h.range.start, |(i, _)| h.range.start + open + i)
}

/// A `##` heading under `# Proposals` → a proposal, or every problem with its attributes,
/// each at the attribute it is about. The heading may be in ITU's form
/// ([`itu_heading`](super::itu_heading)); its attribute block wins for each key it sets. A
/// proposal without `#id` takes its number as id; one in ITU's form without either gets an
/// empty id here, its region's `REGION-Pn` when the region's files are merged. `pos` turns a
/// file offset into a position.
fn proposal(
    ctx: &Context,
    h: &Heading,
    body: String,
    pos: &dyn Fn(usize) -> SourcePos,
) -> Result<Proposal, Vec<Diagnostic>> {
    let source = pos(h.range.start);
    let at = |key: &str| pos(attribute_offset(ctx, h, key));
    let mut errors = Vec::new();
    let example = "write the heading as `## Title {#AFR-P1 action=MOD target=res-37 topic=digital-divide}`, or in ITU's form, `## MOD AFCP/29A1/1 RESOLUTION 37 – Title`";
    let itu = itu_heading::parse(&h.text);
    let mut action = None;
    let mut target = None;
    let mut topic = None;
    let mut number = None;
    for (key, value) in &h.attrs {
        let value = value.as_deref().unwrap_or("").trim_matches('"').to_string();
        match key.as_str() {
            "action" => match Action::parse(&value) {
                Some(a) => action = Some(a),
                None => {
                    let codes = Action::ALL.map(Action::code);
                    let expected = format!("expected one of {}", codes.join(", "));
                    let d = Diagnostic::error(&at(key), format!("unknown action \"{value}\""));
                    errors.push(match crate::suggest::closest(&value, codes) {
                        Some(s) => d.with_help(format!("did you mean `{s}`? {expected}")),
                        None => d.with_help(expected),
                    });
                }
            },
            "target" => match references::normalise_target(&value) {
                Some(t) => target = Some(t),
                None => errors.push(
                    Diagnostic::error(&at(key), format!("cannot read target \"{value}\""))
                        .with_help("expected a reference id such as res-37, q-1/1, rec-d-19, action-plan, declaration or new"),
                ),
            },
            "topic" => topic = Some(value),
            "number" => number = Some(value).filter(|v| !v.is_empty()),
            other => {
                let d = Diagnostic::error(&at(other), format!("unknown proposal attribute `{other}`"));
                errors.push(match crate::suggest::closest(other, PROPOSAL_KEYS) {
                    Some(s) => d.with_help(format!("did you mean `{s}`? allowed: action, target, topic, number")),
                    None => d.with_help("allowed: action, target, topic, number"),
                });
            }
        }
    }
    let action_written = h.attrs.iter().any(|(k, _)| k == "action");
    let mark = match &itu {
        Some(itu) if !action_written => {
            action = Some(itu.action);
            itu.mark.clone()
        }
        _ => None,
    };
    if let Some(itu) = &itu {
        target = target.or_else(|| itu.target.clone());
        number = number.or_else(|| itu.number.clone());
    }
    let id =
        h.id.clone()
            .filter(|s| !s.trim().is_empty())
            .or_else(|| number.clone())
            .or_else(|| itu.as_ref().map(|_| String::new()));
    if id.is_none() {
        errors.push(
            Diagnostic::error(&source, format!("proposal \"{}\" has no id", h.text))
                .with_help(example),
        );
    }
    if action.is_none() && !action_written {
        errors.push(
            Diagnostic::error(&source, format!("proposal \"{}\" has no action", h.text))
                .with_help(example),
        );
    }
    match (id, action) {
        (Some(id), Some(action)) if errors.is_empty() => Ok(Proposal {
            region: ctx.region,
            id,
            number,
            action,
            mark,
            title: itu.map_or_else(|| h.text.clone(), |itu| itu.title),
            body,
            declared_target: target,
            declared_topic: topic,
            target: None,
            topic: None,
            classified_via: String::new(),
            source,
            language: String::new(),
            heading: h.text.clone(),
        }),
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_text(text: &str) -> (Body, Vec<Diagnostic>) {
        parse(&Context {
            text,
            body_offset: 0,
            file: "rpm/afr.md",
            region: Region::AFR,
        })
    }

    #[test]
    fn reads_sections_in_english_and_french() {
        let text = "# Priorités régionales\n\n1. Broadband.\n2. Skills,\n   for youth.\n\n# Regional initiatives\n\n## AFR 1: Connect {#x}\n\nObjective.\n\n# Other matters\n\nThanks.\n\n# Propositions\n\n## Divide {#AFR-P1 action=MOD target=res-37 topic=digital-divide}\n\nText.\n\n### Sub\n\nMore.\n\n## Second {#AFR-P2 action=sup}\n\nBye.\n";
        let (body, diags) = parse_text(text);
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(
            body.priorities,
            vec!["Broadband.", "Skills,\n   for youth."]
        );
        assert_eq!(body.initiatives[0].code, "AFR1");
        assert_eq!(body.initiatives[0].title, "Connect");
        assert_eq!(body.other_sections[0].title, "Other matters");
        let p = &body.proposals[0];
        assert_eq!(
            (p.id.as_str(), p.action, p.declared_target.as_deref()),
            ("AFR-P1", Action::MOD, Some("res-37"))
        );
        assert_eq!(p.source.line, 19);
        assert!(p.body.contains("### Sub") && p.body.contains("More."));
        assert_eq!(body.proposals[1].action, Action::SUP);
    }

    #[test]
    fn normalises_initiative_codes() {
        assert_eq!(
            initiative_code(Region::CIS, "RI 1: Development", None, 1).0,
            "CIS1"
        );
        assert_eq!(
            initiative_code(Region::ARB, "ARB RI 2: AI", None, 1).0,
            "ARB2"
        );
        assert_eq!(
            initiative_code(Region::AMS, "AMS 1: Disaster", None, 1),
            ("AMS1".into(), "Disaster".into())
        );
        assert_eq!(
            initiative_code(Region::AFR, "AFR3: Trust", None, 1).0,
            "AFR3"
        );
        assert_eq!(
            initiative_code(Region::EUR, "Accessibility", None, 2).0,
            "EUR2"
        );
    }

    #[test]
    fn reports_every_attribute_problem_with_its_line() {
        let text = "# Proposals\n\n## A {action=MOD}\n\n## B {#B action=MODIFY targt=res-1}\n\n## C {#C action=MOD target=banana}\n\n## E {#E action=ADD}\n\n## F {#E action=MOD}\n";
        let (body, diags) = parse_text(text);
        let msgs: Vec<String> = diags
            .iter()
            .map(|d| format!("{}:{}", d.line, d.message))
            .collect();
        assert!(
            msgs.contains(&"3:proposal \"A\" has no id".to_string()),
            "{msgs:?}"
        );
        assert!(
            msgs.contains(&"5:unknown action \"MODIFY\"".to_string()),
            "{msgs:?}"
        );
        assert!(
            msgs.contains(&"5:unknown proposal attribute `targt`".to_string()),
            "{msgs:?}"
        );
        assert!(diags.iter().any(|d| {
            d.help
                .as_deref()
                .unwrap_or("")
                .contains("did you mean `target`")
        }));
        assert!(
            msgs.contains(&"7:cannot read target \"banana\"".to_string()),
            "{msgs:?}"
        );
        let at = |message: &str| {
            let d = diags.iter().find(|d| d.message == message).unwrap();
            (d.line, d.column, d.help.clone().unwrap_or_default())
        };
        assert_eq!(
            at("unknown action \"MODIFY\""),
            (
                5,
                10,
                "did you mean `MOD`? expected one of ADD, MOD, SUP, NOC".into()
            )
        );
        assert_eq!(at("unknown proposal attribute `targt`").1, 24);
        assert_eq!(at("cannot read target \"banana\"").1, 21);
        assert_eq!(at("proposal \"A\" has no id").1, 1);
        assert!(
            msgs.contains(&"11:duplicate proposal id `E`".to_string()),
            "{msgs:?}"
        );
        assert_eq!(body.proposals.len(), 1);
    }

    #[test]
    fn reads_proposals_headed_in_itu_form() {
        let text = "# Proposals\n\n## MOD IAP/32A2/4 RESOLUTION 17 (Rev. Buenos Aires, 2017) – Implementation of regional initiatives\n\nText.\n\n**Reasons:** Why.\n\n## (MOD) ACP/67A1/1 RESOLUTION 37 (REV. BUENOS AIRES, 2017) – Divide {#ACP-1 target=res-38 topic=t}\n\nMore.\n\n## SUP* RESOLUTION 50 (Rev. Kigali, 2022)\n\nGone.\n\n## ADD ARB/20A5/1 DRAFT NEW RESOLUTION [ARB-1] {action=MOD}\n\nNew.\n";
        let (body, diags) = parse_text(text);
        assert!(diags.is_empty(), "{diags:?}");
        let got: Vec<_> = body
            .proposals
            .iter()
            .map(|p| {
                (
                    p.id.as_str(),
                    p.action,
                    p.mark.as_deref(),
                    p.number.as_deref(),
                    p.declared_target.as_deref(),
                    p.title.as_str(),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                (
                    "IAP/32A2/4",
                    Action::MOD,
                    None,
                    Some("IAP/32A2/4"),
                    Some("res-17"),
                    "Implementation of regional initiatives"
                ),
                // The attribute block wins for each key it sets: id, target and topic.
                (
                    "ACP-1",
                    Action::MOD,
                    Some("(MOD)"),
                    Some("ACP/67A1/1"),
                    Some("res-38"),
                    "Divide"
                ),
                // No number: the id is given when the region's files are merged.
                ("", Action::SUP, Some("SUP*"), None, Some("res-50"), ""),
                (
                    "ARB/20A5/1",
                    Action::MOD,
                    None,
                    Some("ARB/20A5/1"),
                    Some("new"),
                    "DRAFT NEW RESOLUTION [ARB-1]"
                ),
            ]
        );
        assert_eq!(body.proposals[0].body, "Text.\n\n**Reasons:** Why.");
        assert_eq!(body.proposals[1].declared_topic.as_deref(), Some("t"));
        assert_eq!(
            body.proposals[2].heading,
            "SUP* RESOLUTION 50 (Rev. Kigali, 2022)"
        );
        assert_eq!(body.proposals[2].source.line, 13);
    }

    #[test]
    fn a_heading_without_id_takes_its_number_else_is_refused() {
        let text =
            "# Proposals\n\n## Divide {action=MOD number=AFCP/42/3}\n\n## Plain {action=MOD}\n";
        let (body, diags) = parse_text(text);
        assert_eq!(body.proposals[0].id, "AFCP/42/3");
        let msgs: Vec<String> = diags
            .iter()
            .map(|d| format!("{}:{}", d.line, d.message))
            .collect();
        assert_eq!(msgs, ["5:proposal \"Plain\" has no id"]);
    }
}
