//! The typed data every stage passes along: cycle, regions, proposals, groups, diagnostics.

mod amendment;
mod conference;
mod consolidated;
mod date;
mod diagnostic;
pub mod dialect;
mod document;
pub mod language;
pub mod number_words;
mod part;
mod profile;
mod proposal;
pub mod reasons;
pub mod references;
mod region;
mod rpm;
mod timeline;
mod topic;

pub use amendment::{AlignedChange, Amendment, Overlap};
pub use conference::{
    AdvisoryGroup, Conference, ConferenceInfo, CoordinationMeeting, CouncilSession, Documents,
    NamedPeriod, Profile, default_language,
};
pub use consolidated::{Consolidated, Finding, FindingKind, Group, GroupKind};
pub use date::Date;
pub use diagnostic::{Diagnostic, Severity, SourcePos};
pub use dialect::markdown_options;
pub use document::DocumentInfo;
pub use part::RegionParts;
pub use profile::{PROFILES, ProfileSpec};
pub use proposal::{Action, Proposal};
pub use region::Region;
pub use rpm::{
    Cycle, Forum, InterRegionalMeeting, Meeting, Participation, RegionalInitiative, Rpm, Section,
};
pub use timeline::{Param, TimelineCheck, TimelineStatus, Window};
pub use topic::Topic;
