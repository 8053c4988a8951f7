use serde::{Deserialize, Serialize};

/// An entry of the topic catalogue (`topics.yaml`), used to group proposals.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Topic {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub refs: Vec<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
}
