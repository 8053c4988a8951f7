//! Parts of a region's outcome given in files without `meeting:` (a common-proposal package,
//! an addendum), kept on their own when the region has no RPM outcome file to join.

use super::{Proposal, Region, RegionalInitiative, Section};
use serde::Serialize;

/// One region's outcome parts when no file of the region gives its RPM (`meeting:`): their
/// proposals are consolidated as any others, and their texts form the region's annex.
#[derive(Debug, Clone, Serialize)]
pub struct RegionParts {
    pub region: Region,
    /// The language of the first part (`language:`).
    pub language: String,
    /// The parts' document symbols (`document:`), in file order.
    pub documents: Vec<String>,
    pub priorities: Vec<String>,
    pub initiatives: Vec<RegionalInitiative>,
    pub proposals: Vec<Proposal>,
    pub other_sections: Vec<Section>,
    /// The parts' Markdown bodies one after the other, each after its document line, for the annex.
    pub body: String,
    /// The part files, relative to the input folder, joined with `, `.
    pub source: String,
}
