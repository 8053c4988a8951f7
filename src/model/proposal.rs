use super::{Region, SourcePos};
use serde::Serialize;
use std::fmt;

/// The ITU proposal mark: add a new text, modify, suppress, or no change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Action {
    ADD,
    MOD,
    SUP,
    NOC,
}

impl Action {
    /// All marks, in display order.
    pub const ALL: [Action; 4] = [Action::ADD, Action::MOD, Action::SUP, Action::NOC];

    /// Parses a mark, case-insensitively.
    pub fn parse(text: &str) -> Option<Action> {
        Action::ALL
            .into_iter()
            .find(|a| a.code().eq_ignore_ascii_case(text.trim()))
    }

    /// "ADD", "MOD", "SUP" or "NOC".
    pub fn code(self) -> &'static str {
        match self {
            Action::ADD => "ADD",
            Action::MOD => "MOD",
            Action::SUP => "SUP",
            Action::NOC => "NOC",
        }
    }
}

impl fmt::Display for Action {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A proposal to add, modify or suppress a conference text, as read and then classified.
#[derive(Debug, Clone, Serialize)]
pub struct Proposal {
    pub region: Region,
    /// The id within its file (`AFR-P3`); see [`Proposal::qualified_id`].
    pub id: String,
    /// The ITU proposal number (`number=ACP/67A1/1`), if the outcome gives one.
    pub number: Option<String>,
    pub action: Action,
    /// The mark as an ITU heading writes it, when it is not the action's code (`(MOD)`,
    /// `ADD*`, `SUP*`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mark: Option<String>,
    pub title: String,
    /// Markdown body under the heading.
    pub body: String,
    /// `target=` as written, if any.
    pub declared_target: Option<String>,
    /// `topic=` as written, if any.
    pub declared_topic: Option<String>,
    /// Resolved target reference id (`res-37`, `new`), once classified.
    pub target: Option<String>,
    /// Resolved topic id, once classified; `None` means "Other proposals".
    pub topic: Option<String>,
    /// How the target and topic were found, for reviewers ("attribute", "reference in text", …).
    pub classified_via: String,
    /// The heading's position.
    pub source: SourcePos,
    /// The language of the file it was read from (`es`), its `language:`.
    pub language: String,
    /// The heading's text as written (without its attribute block), to find it in the annex.
    #[serde(skip)]
    pub heading: String,
}

impl Proposal {
    /// The mark as written: `(MOD)`, `ADD*`, or else the action's code.
    pub fn mark(&self) -> &str {
        self.mark.as_deref().unwrap_or(self.action.code())
    }

    /// The id used everywhere else: `REGION/ID`.
    pub fn qualified_id(&self) -> String {
        // Built by hand: a group names every member, and `format!` costs several times more.
        let code = self.region.code();
        let mut id = String::with_capacity(code.len() + 1 + self.id.len());
        id.push_str(code);
        id.push('/');
        id.push_str(&self.id);
        id
    }
}
