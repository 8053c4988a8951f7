//! The "Review of texts" table of the synthesis report (Res. 31 resolves 5): every text a
//! proposal targets, in numeric order, with each region's action and links to the entries.

use super::group::GroupHead;
use crate::model::Region;
use crate::model::references::sort_key;
use serde::Serialize;

/// One text under review.
#[derive(Debug, Serialize)]
pub struct ReviewRow {
    /// The text written out: "Resolution 2", "New text: Artificial intelligence".
    pub label: String,
    /// Its reference id (`res-2`, `new`); empty when the proposals name none.
    pub target: String,
    /// One cell per region, in report order: the actions it proposes ("MOD", "MOD/SUP"), or "".
    pub actions: Vec<String>,
    /// The entries of "Proposals by topic" about it.
    pub entries: Vec<EntryLink>,
}

/// A link to one entry of "Proposals by topic".
#[derive(Debug, Serialize)]
pub struct EntryLink {
    pub action: String,
    pub anchor: String,
}

/// The rows, one per target (one per entry for new texts and proposals without a target).
pub(super) fn review<'g, 'a: 'g>(
    groups: impl Iterator<Item = &'g GroupHead<'a>>,
) -> Vec<ReviewRow> {
    let mut groups: Vec<&GroupHead> = groups.collect();
    groups.sort_by_key(|g| sort_key(&g.target));
    let mut rows: Vec<ReviewRow> = Vec::new();
    for g in groups {
        let shared = !g.target.is_empty() && g.target != "new";
        let row = match rows.last_mut() {
            Some(last) if shared && last.target == g.target => last,
            _ => {
                rows.push(ReviewRow {
                    label: if shared {
                        g.target_label.clone()
                    } else {
                        format!("{}: {}", g.target_label, g.title)
                    },
                    target: g.target.clone(),
                    actions: vec![String::new(); Region::ALL.len()],
                    entries: Vec::new(),
                });
                rows.last_mut().expect("just pushed")
            }
        };
        for (cell, region) in row.actions.iter_mut().zip(Region::ALL) {
            let marks: Vec<&str> = cell.split('/').filter(|m| !m.is_empty()).collect();
            if g.region_codes.contains(&region.code()) && !marks.contains(&g.action.as_str()) {
                *cell = marks
                    .into_iter()
                    .chain([g.action.as_str()])
                    .collect::<Vec<_>>()
                    .join("/");
            }
        }
        row.entries.push(EntryLink {
            action: g.action.clone(),
            anchor: g.anchor.clone(),
        });
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::sort_key;

    #[test]
    fn sorts_by_kind_then_numbers() {
        let mut ids = [
            "q-2/1",
            "res-10",
            "new",
            "rec-d-19",
            "res-2",
            "action-plan",
            "q-1/2",
            "rec-d-3",
        ];
        ids.sort_by_key(|t| sort_key(t));
        assert_eq!(
            ids,
            [
                "res-2",
                "res-10",
                "rec-d-3",
                "rec-d-19",
                "q-1/2",
                "q-2/1",
                "action-plan",
                "new"
            ]
        );
    }
}
