//! Gives each proposal its target and topic: attribute → target's refs → alias in the text.

use crate::ingest::references;
use crate::model::{Proposal, Topic};
use regex::Regex;

/// A topic catalogue prepared for lookups.
pub struct Catalogue<'a> {
    topics: &'a [Topic],
    aliases: Vec<(usize, Regex)>,
}

impl<'a> Catalogue<'a> {
    /// Compiles each alias as a whole-word, case-insensitive pattern (a trailing plural "s" allowed).
    pub fn new(topics: &'a [Topic]) -> Catalogue<'a> {
        let aliases = topics
            .iter()
            .enumerate()
            .flat_map(|(i, t)| t.aliases.iter().map(move |a| (i, a)))
            .filter(|(_, a)| !a.trim().is_empty())
            .filter_map(|(i, a)| {
                let words: Vec<String> = a.split_whitespace().map(regex::escape).collect();
                Regex::new(&format!(r"(?i)\b{}s?\b", words.join(r"\s+")))
                    .ok()
                    .map(|re| (i, re))
            })
            .collect();
        Catalogue { topics, aliases }
    }

    /// The topic that lists `target` among its refs.
    pub fn by_target(&self, target: &str) -> Option<&'a Topic> {
        self.topics
            .iter()
            .find(|t| t.refs.iter().any(|r| r.eq_ignore_ascii_case(target)))
    }

    /// The first topic (catalogue order) one of whose aliases occurs in `text`, with the alias.
    pub fn by_alias(&self, text: &str) -> Option<(&'a Topic, String)> {
        self.aliases.iter().find_map(|(i, re)| {
            re.find(text)
                .map(|m| (&self.topics[*i], m.as_str().to_string()))
        })
    }

    /// True when some topic lists `target`.
    pub fn knows(&self, target: &str) -> bool {
        self.by_target(target).is_some()
    }
}

/// Sets `target`, `topic` and `classified_via` on a proposal.
pub fn classify(p: &mut Proposal, catalogue: &Catalogue) {
    let text = format!("{}\n{}", p.title, p.body);
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
            target: None,
            topic: None,
            classified_via: String::new(),
            source: SourcePos::default(),
        }
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
