//! Gives each proposal its target and topic: attribute → target's refs → alias in the text.

use crate::model::references;
use crate::model::{Proposal, Topic};
use regex::Regex;
use rustc_hash::FxHashMap as HashMap;

/// A topic catalogue prepared for lookups.
pub struct Catalogue<'a> {
    topics: &'a [Topic],
    /// Every alias as a case-insensitive, whole-word pattern (a trailing plural "s"
    /// allowed), one alternative and capture group each, in catalogue order: one pattern
    /// compiles several times faster than one per alias.
    aliases: Option<Regex>,
    /// The topic of each alternative.
    alias_topics: Vec<usize>,
    /// The first topic (catalogue order) listing each ref, by the ref in ASCII lower case.
    by_ref: HashMap<String, usize>,
}

impl<'a> Catalogue<'a> {
    /// Compiles the aliases into one pattern.
    pub fn new(topics: &'a [Topic]) -> Catalogue<'a> {
        let (alias_topics, alternatives): (Vec<usize>, Vec<String>) = topics
            .iter()
            .enumerate()
            .flat_map(|(i, t)| t.aliases.iter().map(move |a| (i, a)))
            .filter(|(_, a)| !a.trim().is_empty())
            .map(|(i, a)| {
                let words: Vec<String> = a.split_whitespace().map(regex::escape).collect();
                (i, format!(r"(\b{}s?\b)", words.join(r"\s+")))
            })
            .unzip();
        // Ingest bounds the aliases' length (`limits::MAX_ALIAS_CHARS`) well below what makes
        // the pattern exceed its size limit.
        let aliases = (!alternatives.is_empty())
            .then(|| {
                regex::RegexBuilder::new(&alternatives.join("|"))
                    .case_insensitive(true)
                    .size_limit(64 << 20)
                    .build()
                    .ok()
            })
            .flatten();
        let mut by_ref = HashMap::default();
        for (i, t) in topics.iter().enumerate() {
            for r in &t.refs {
                by_ref.entry(r.to_ascii_lowercase()).or_insert(i);
            }
        }
        Catalogue {
            topics,
            aliases,
            alias_topics,
            by_ref,
        }
    }

    /// The topic that lists `target` among its refs.
    pub fn by_target(&self, target: &str) -> Option<&'a Topic> {
        let i = if target.bytes().any(|b| b.is_ascii_uppercase()) {
            self.by_ref.get(&target.to_ascii_lowercase())
        } else {
            self.by_ref.get(target)
        };
        i.map(|&i| &self.topics[i])
    }

    /// The first topic (catalogue order) one of whose aliases occurs in `text`, with the
    /// alias as written there (its first occurrence).
    pub fn by_alias(&self, text: &str) -> Option<(&'a Topic, String)> {
        let re = self.aliases.as_ref()?;
        // At each position the pattern prefers the earliest alias matching there; searching
        // again from just after every match start also finds aliases that start inside
        // another one, so the earliest alias anywhere is among those seen.
        let mut best: Option<(usize, &str)> = None;
        let mut start = 0;
        while let Some(c) = re.captures_at(text, start) {
            // Every alternative is a group, so one of them matched.
            let Some((n, m)) = c
                .iter()
                .skip(1)
                .enumerate()
                .find_map(|(n, m)| Some((n, m?)))
            else {
                break;
            };
            if best.is_none_or(|(b, _)| n < b) {
                best = Some((n, m.as_str()));
            }
            let at = m.start();
            start = at + text[at..].chars().next().map_or(1, char::len_utf8);
            if n == 0 || start > text.len() {
                break;
            }
        }
        best.map(|(n, alias)| (&self.topics[self.alias_topics[n]], alias.to_string()))
    }

    /// True when some topic lists `target`.
    pub fn knows(&self, target: &str) -> bool {
        self.by_target(target).is_some()
    }
}

/// Sets `target`, `topic` and `classified_via` on a proposal.
pub fn classify(p: &mut Proposal, catalogue: &Catalogue) {
    // Title and body, built only when an attribute is missing.
    let text = std::cell::LazyCell::new(|| format!("{}\n{}", p.title, p.body));
    let mut via = Vec::new();
    p.target = match &p.declared_target {
        Some(t) => Some(t.clone()),
        None => {
            let found = references::first(&text);
            if let Some(t) = &found {
                via.push(format!("target {t} from a reference in the text"));
            }
            found
        }
    };
    p.topic = if let Some(t) = &p.declared_topic {
        Some(t.clone())
    } else if let Some(topic) = p.target.as_deref().and_then(|t| catalogue.by_target(t)) {
        via.push(format!(
            "topic {} from the refs of {}",
            topic.id,
            p.target.as_deref().unwrap_or("")
        ));
        Some(topic.id.clone())
    } else if let Some((topic, alias)) = catalogue.by_alias(&text) {
        via.push(format!("topic {} from the alias \"{}\"", topic.id, alias));
        Some(topic.id.clone())
    } else {
        via.push("no topic: no attribute, no listed target, no alias".to_string());
        None
    };
    p.classified_via = if via.is_empty() {
        "attributes".to_string()
    } else {
        via.join("; ")
    };
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Action, Region, SourcePos};

    fn topics() -> Vec<Topic> {
        let t = |id: &str, refs: &[&str], aliases: &[&str]| Topic {
            id: id.into(),
            title: id.into(),
            refs: refs.iter().map(|s| s.to_string()).collect(),
            aliases: aliases.iter().map(|s| s.to_string()).collect(),
        };
        vec![
            t("emergency", &["res-34"], &["early warning"]),
            t("cop", &["res-67"], &["child online protection"]),
        ]
    }

    fn proposal(target: Option<&str>, topic: Option<&str>, body: &str) -> Proposal {
        Proposal {
            region: Region::AMS,
            id: "P".into(),
            action: Action::MOD,
            title: "Title".into(),
            body: body.into(),
            declared_target: target.map(Into::into),
            declared_topic: topic.map(Into::into),
            number: None,
            target: None,
            topic: None,
            classified_via: String::new(),
            mark: None,
            heading: String::new(),
            source: SourcePos::default(),
            language: "en".into(),
        }
    }

    #[test]
    fn the_first_topic_with_an_alias_anywhere_wins_even_inside_a_later_alias() {
        let t = |id: &str, aliases: &[&str]| Topic {
            id: id.into(),
            title: id.into(),
            refs: vec![],
            aliases: aliases.iter().map(|s| s.to_string()).collect(),
        };
        let topics = vec![
            t("a", &["management"]),
            t("b", &["spectrum management", "CIRT"]),
            t("c", &["e-waste"]),
        ];
        let cat = Catalogue::new(&topics);
        let found = |text: &str| cat.by_alias(text).map(|(t, a)| (t.id.clone(), a));
        assert_eq!(
            found("Spectrum Management plans"),
            Some(("a".into(), "Management".into()))
        );
        assert_eq!(
            found("national CIRTs and e-waste"),
            Some(("b".into(), "CIRTs".into()))
        );
        assert_eq!(
            found("E-Waste, then CIRT"),
            Some(("b".into(), "CIRT".into()))
        );
        assert_eq!(
            found("managements of ewaste"),
            Some(("a".into(), "managements".into()))
        );
        assert_eq!(found("mismanagement"), None);
        assert!(Catalogue::new(&[]).by_alias("anything").is_none());
    }

    #[test]
    fn attribute_then_refs_then_alias_then_nothing() {
        let topics = topics();
        let cat = Catalogue::new(&topics);
        let mut p = proposal(Some("res-1"), Some("cop"), "");
        classify(&mut p, &cat);
        assert_eq!(
            (
                p.target.as_deref(),
                p.topic.as_deref(),
                p.classified_via.as_str()
            ),
            (Some("res-1"), Some("cop"), "attributes")
        );

        let mut p = proposal(
            None,
            None,
            "Resolution 34 (Rev. Kigali, 2022) should be updated.",
        );
        classify(&mut p, &cat);
        assert_eq!(
            (p.target.as_deref(), p.topic.as_deref()),
            (Some("res-34"), Some("emergency"))
        );

        let mut p = proposal(None, None, "A toolkit on Child Online Protection.");
        classify(&mut p, &cat);
        assert_eq!((p.target, p.topic.as_deref()), (None, Some("cop")));

        let mut p = proposal(
            Some("res-59"),
            None,
            "Coordination among the three Sectors.",
        );
        classify(&mut p, &cat);
        assert_eq!((p.target.as_deref(), p.topic), (Some("res-59"), None));
    }
}
