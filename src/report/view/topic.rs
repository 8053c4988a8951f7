//! "Proposals by topic" as the templates read it: the topics of the catalogue that have
//! proposals, in catalogue order, "Other proposals" last, each with its groups. A topic's
//! group views are built when the topic is rendered or printed, not before.

use super::group::{GroupHead, Lookup};
use crate::model::{Consolidated, Diagnostic};
use crate::report::markdown::slug;
use crate::report::templates::json;
use rayon::prelude::*;
use serde::{Serialize, Serializer};
use std::sync::Arc;

/// A topic with its groups, in catalogue order; "Other proposals" last.
#[derive(Debug, Serialize)]
pub struct TopicView<'a> {
    pub id: String,
    pub title: String,
    pub anchor: String,
    #[serde(skip_serializing_if = "super::streamed::left_out")]
    pub groups: Groups<'a>,
}

/// A topic's groups: their heads, each made into a [`super::GroupView`] when serialised.
#[derive(Debug)]
pub struct Groups<'a> {
    heads: Vec<GroupHead<'a>>,
    lookup: Arc<Lookup<'a>>,
}

impl<'a> Groups<'a> {
    /// What is known of each group before its view is built.
    pub fn heads(&self) -> impl Iterator<Item = &GroupHead<'a>> {
        self.heads.iter()
    }

    /// The group views as the templates read them (JSON), built in parallel: word diffs
    /// are most of a report's work.
    pub fn to_json(&self) -> Result<serde_json::Value, Diagnostic> {
        self.heads
            .par_iter()
            .map(|h| json(&h.view(&self.lookup)))
            .collect::<Result<Vec<_>, _>>()
            .map(serde_json::Value::Array)
    }
}

impl Serialize for Groups<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.heads.iter().map(|h| h.view(&self.lookup)))
    }
}

/// The topics with proposals, each with the heads of its groups.
pub(super) fn topics<'a>(c: &'a Consolidated, lookup: &Arc<Lookup<'a>>) -> Vec<TopicView<'a>> {
    let topic = |id: &str, title: String, anchor: String| TopicView {
        id: id.to_string(),
        title,
        anchor,
        groups: Groups {
            heads: Vec::new(),
            lookup: Arc::clone(lookup),
        },
    };
    let mut views: Vec<TopicView> = c
        .cycle
        .topics
        .iter()
        .map(|t| topic(&t.id, t.title.clone(), format!("topic-{}", slug(&t.id))))
        .collect();
    let mut other = topic(
        "other",
        lookup.cat.text("other_proposals", &[]),
        "topic-other".into(),
    );
    let heads: Vec<GroupHead> = c
        .groups
        .par_iter()
        .map(|g| GroupHead::of(g, lookup))
        .collect();
    for head in heads {
        let topic = &head.group.topic;
        match views.iter_mut().find(|t| Some(&t.id) == topic.as_ref()) {
            Some(t) => t.groups.heads.push(head),
            None => other.groups.heads.push(head),
        }
    }
    views.retain(|t| !t.groups.heads.is_empty());
    if !other.groups.heads.is_empty() {
        views.push(other);
    }
    views
}
