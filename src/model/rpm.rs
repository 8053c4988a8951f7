use super::Date;
use super::{Conference, Proposal, Region, RegionParts, SourcePos, Topic};
use serde::{Deserialize, Serialize};

/// The `meeting:` block of an RPM or inter-regional meeting file.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Meeting {
    pub symbol: String,
    /// The symbol of the meeting's report ("RPM-AFR25/40"), cited in the reports' references.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub report: Option<String>,
    pub title: String,
    #[serde(default)]
    pub venue: Option<String>,
    #[serde(default, rename = "virtual")]
    pub is_virtual: bool,
    pub start: Date,
    pub end: Date,
    #[serde(default)]
    pub chair: Option<String>,
    #[serde(default)]
    pub vice_chairs: Vec<String>,
    #[serde(default)]
    pub regional_organizations: Vec<String>,
}

/// The `participation:` block: counts as reported by the meeting; a count the outcome does
/// not give is `None` (shown as "–", left out of `consolidated.json`), never 0.
#[derive(Debug, Clone, Copy, Default, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Participation {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub member_states: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sector_members: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub participants: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ldc_fellowships: Option<u32>,
}

/// The `forum:` block of an RPM file: the region's Forum on bridging the standardization
/// gap (Res. 43), usually held with the RPM.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Forum {
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub venue: Option<String>,
    #[serde(default, rename = "virtual")]
    pub is_virtual: bool,
    pub start: Date,
    pub end: Date,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub participants: Option<u32>,
}

/// A regional initiative with its normalised code (`AFR1`, `CIS2`).
#[derive(Debug, Clone, Serialize)]
pub struct RegionalInitiative {
    pub code: String,
    pub title: String,
    /// The heading as written ("ARB RI 1: AI"), before the code was normalised.
    #[serde(skip)]
    pub heading: String,
    /// Markdown body (objective, expected results).
    pub body: String,
    pub source: SourcePos,
}

/// A free top-level section of an outcome file, carried into the region's annex.
#[derive(Debug, Clone, Serialize)]
pub struct Section {
    pub title: String,
    pub body: String,
}

/// The outcome of one Regional Preparatory Meeting.
#[derive(Debug, Clone, Serialize)]
pub struct Rpm {
    pub region: Region,
    pub meeting: Meeting,
    pub participation: Participation,
    /// The region's Forum on bridging the standardization gap, if held (Res. 43).
    pub forum: Option<Forum>,
    pub language: String,
    /// Regional priorities, one Markdown item each.
    pub priorities: Vec<String>,
    pub initiatives: Vec<RegionalInitiative>,
    pub proposals: Vec<Proposal>,
    pub other_sections: Vec<Section>,
    /// The whole Markdown body, for the annex.
    pub body: String,
    /// File path relative to the input folder (several when the RPM met in sessions).
    pub source: String,
}

/// An inter-regional meeting (no region), carried into the implementation report.
#[derive(Debug, Clone, Serialize)]
pub struct InterRegionalMeeting {
    pub meeting: Meeting,
    pub participation: Participation,
    pub language: String,
    pub regions: Vec<Region>,
    pub body: String,
    pub source: String,
}

/// Everything read from one input folder.
#[derive(Debug, Clone, Serialize)]
pub struct Cycle {
    pub conference: Conference,
    pub topics: Vec<Topic>,
    /// RPMs in canonical region order; absent regions have none.
    pub rpms: Vec<Rpm>,
    /// The outcome parts of regions without an RPM outcome file, in canonical region order.
    pub parts: Vec<RegionParts>,
    pub inter_regional: Vec<InterRegionalMeeting>,
}

impl Cycle {
    /// The RPM of a region, if one was held.
    pub fn rpm(&self, region: Region) -> Option<&Rpm> {
        self.rpms.iter().find(|r| r.region == region)
    }

    /// How the reports cite a proposal, as ITU documents do: by its ITU number when the
    /// outcome gives one, else by its RPM's document and its id ("RPM-AFR25, AFR-P1").
    pub fn citation(&self, p: &Proposal) -> String {
        match (&p.number, self.rpm(p.region)) {
            (Some(number), _) => number.clone(),
            (None, Some(rpm)) => format!("{}, {}", rpm.meeting.symbol, p.id),
            (None, None) => p.qualified_id(),
        }
    }

    /// The outcome parts of a region that held no RPM, if it gave any.
    pub fn parts(&self, region: Region) -> Option<&RegionParts> {
        self.parts.iter().find(|p| p.region == region)
    }

    /// Every proposal of every RPM and of the parts of regions without one, in canonical
    /// region then file order.
    pub fn proposals(&self) -> impl Iterator<Item = &Proposal> {
        Region::ALL
            .into_iter()
            .flat_map(|region| match (self.rpm(region), self.parts(region)) {
                (Some(rpm), _) => rpm.proposals.as_slice(),
                (None, Some(parts)) => parts.proposals.as_slice(),
                (None, None) => &[],
            })
    }
}
